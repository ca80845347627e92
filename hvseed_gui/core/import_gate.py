"""The import gate: one judgement of "may this folder be imported into this replica VM?".

The CLI (``hvseed import``) and the wizard's Check page show the same rows, built here from plain
values: the folder report (``core.folder_report.inspect_folder``), the replica VM's ID, name and
state, and the integrity of the copy (``Integrity``: the manifest verified in full, or the admin's
explicit decision to go without). ``gate()`` is what a flow asks right before it imports;
``check_import()`` gives the rows that need no verification, to show while it runs.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import Enum

from hvseed_gui.core.findings import Severity
from hvseed_gui.core.folder_name import parse_folder_name
from hvseed_gui.core.folder_report import FolderReport, XmlState
from hvseed_gui.core.manifest import VerifyReport, short_fingerprint
from hvseed_gui.core.plan import normalize_vm_id
from hvseed_gui.core.said import QT_TRANSLATE_NOOP, Said, Size, counted, joined, said


@dataclass(frozen=True)
class ImportCheckRow:
    """One line of the side-by-side table shown before an import."""

    label: str
    folder_value: str
    xml_value: str
    replica_value: str
    verdict: Severity
    message: str


@dataclass(frozen=True)
class ImportCheck:
    rows: tuple[ImportCheckRow, ...]

    @property
    def can_import(self) -> bool:
        return all(r.verdict is not Severity.ERROR for r in self.rows)

    @property
    def errors(self) -> list[ImportCheckRow]:
        return [r for r in self.rows if r.verdict is Severity.ERROR]

    @property
    def summary(self) -> str:
        """One sentence: the first reason not to import, or that the import can go ahead."""
        if self.errors:
            return self.errors[0].message
        return said(
            QT_TRANSLATE_NOOP("Check", "The folder matches the replica VM; the import can start.")
        )

    def to_text(self) -> str:
        """The side-by-side table as plain text (CLI)."""
        head = ("", "Folder", "XML", "Replica VM", "Verdict")
        table = [head] + [
            (r.label, r.folder_value, r.xml_value, r.replica_value, r.verdict.value)
            for r in self.rows
        ]
        widths = [max(len(row[i]) for row in table) for i in range(len(head))]
        lines = [
            "  ".join(c.ljust(w) for c, w in zip(row, widths, strict=True)).rstrip()
            for row in table
        ]
        lines.insert(1, "  ".join("-" * w for w in widths))
        lines += [f"{r.label}: {r.message}" for r in self.rows if r.verdict is not Severity.OK]
        return "\n".join(lines) + "\n"


_DASH = "-"
_ID_CODES = frozenset({"id-mismatch", "xml-several-vms"})
# the codes the rows below speak for; any other error gets a row of its own
_ROW_CODES = _ID_CODES | {
    "folder-missing",
    "not-vm-folder",
    "no-disks",
    "disk-missing",
    "xml-unreadable",
    "xml-empty",
    "xml-unsafe",
    "xml-too-large",
    "xml-malformed",
}

_STATE_ADVICE = {
    "Replicating": QT_TRANSLATE_NOOP(
        "Check",
        "The initial copy has already been imported (the replica is replicating); "
        "there is nothing to import.",
    ),
    "ReadyForInitialReplication": QT_TRANSLATE_NOOP(
        "Check", "This is a primary VM's state: choose the replica VM on the replica host."
    ),
    "InitialReplicationInProgress": QT_TRANSLATE_NOOP(
        "Check",
        "This is a primary VM's state (its export is running): "
        "choose the replica VM on the replica host.",
    ),
    "Disabled": QT_TRANSLATE_NOOP(
        "Check",
        "Replication is not enabled for this VM: enable replication on the primary host "
        "with 'send initial copy using external media' first.",
    ),
    "PreparedForFailover": QT_TRANSLATE_NOOP(
        "Check", "The replica is being failed over; an initial copy cannot be imported now."
    ),
    "FailedOverWaitingCompletion": QT_TRANSLATE_NOOP(
        "Check",
        "The replica has been failed over; an initial copy cannot be "
        "imported. Complete or cancel the failover first.",
    ),
    "FailedOver": QT_TRANSLATE_NOOP(
        "Check", "The replica has been failed over; an initial copy cannot be imported."
    ),
}
_XML_STATE = {
    XmlState.OK: QT_TRANSLATE_NOOP("Check", "read"),
    XmlState.MISSING: QT_TRANSLATE_NOOP("Check", "missing"),
    XmlState.BROKEN: QT_TRANSLATE_NOOP("Check", "not readable"),
}


def check_import(
    report: FolderReport,
    replica_vm_id: str | None,
    replica_vm_name: str = "",
    replica_state: str = "",
) -> ImportCheck:
    """Compare a folder with the replica VM it is to be imported into.

    Takes plain values (the replica VM's ID, name and ReplicationState *name*) so core does not
    depend on the hyperv package. Any error row makes ``can_import`` False.
    """
    rows: list[ImportCheckRow] = []
    row = rows.append
    folder_errors = [p for p in report.problems if p.code in ("folder-missing", "not-vm-folder")]
    row(
        ImportCheckRow(
            "Folder",
            report.folder_name or report.path,
            _DASH,
            _DASH,
            Severity.ERROR if folder_errors else Severity.OK,
            folder_errors[0].message
            if folder_errors
            else said(QT_TRANSLATE_NOOP("Check", "The folder is a VM export folder.")),
        )
    )

    # VM ID
    rep_id = None
    if replica_vm_id:
        try:
            rep_id = normalize_vm_id(replica_vm_id)
        except ValueError:
            rep_id = replica_vm_id
    folder_id, xml_id = report.vm_id, report.xml_vm_id
    id_errors = [p for p in report.errors if p.code in _ID_CODES]
    msg: Said
    if folder_id is None:
        verdict, msg = (
            Severity.ERROR,
            said(
                QT_TRANSLATE_NOOP(
                    "Check", "The folder name carries no VM ID: choose the VM's folder."
                )
            ),
        )
    elif rep_id is None:
        verdict, msg = (
            Severity.ERROR,
            said(
                QT_TRANSLATE_NOOP(
                    "Check",
                    "No replica VM was found for this copy: enable replication on the primary host "
                    "first, or connect to the host that holds the replica VM.",
                )
            ),
        )
    elif rep_id != folder_id:
        verdict, msg = (
            Severity.ERROR,
            said(
                QT_TRANSLATE_NOOP(
                    "Check",
                    "The folder holds the copy of VM {folder_id}, but the replica VM {name} has "
                    "ID {replica_id}. Choose this VM's folder, or the replica VM that matches "
                    "the folder.",
                ),
                code="id-mismatch",
                folder_id=folder_id,
                name=replica_vm_name or "?",
                replica_id=rep_id,
            ),
        )
    elif id_errors:
        verdict, msg = Severity.ERROR, joined(p.message for p in id_errors)
    elif xml_id is not None and xml_id != folder_id:
        verdict, msg = (
            Severity.ERROR,
            said(
                QT_TRANSLATE_NOOP(
                    "Check",
                    "The XML names VM {xml_id}, the folder name {folder_id}: the folder was "
                    "renamed or mixed up. Use the folder as Hyper-V exported it.",
                ),
                code="xml-id-mismatch",
                xml_id=xml_id,
                folder_id=folder_id,
            ),
        )
    else:
        verdict, msg = (
            Severity.OK,
            said(
                QT_TRANSLATE_NOOP(
                    "Check", "The folder, its XML and the replica VM name the same VM."
                )
            ),
        )
    row(
        ImportCheckRow(
            "VM ID",
            folder_id or _DASH,
            xml_id or _DASH,
            rep_id or _DASH,
            verdict,
            msg,
        )
    )

    # VM name (names may change; the ID decides, so a difference is only a warning)
    if report.vm_name and replica_vm_name and report.vm_name != replica_vm_name:
        row(
            ImportCheckRow(
                "VM name",
                report.vm_name,
                _DASH,
                replica_vm_name,
                Severity.WARNING,
                said(
                    QT_TRANSLATE_NOOP(
                        "Check",
                        "The names differ (the VM may have been renamed); "
                        "the VM ID is what counts.",
                    )
                ),
            )
        )

    # XML
    xml_count = said(counted.translate("Check", "%n file(s)", "", 0), n=len(report.xml_files))
    if report.xml_state is XmlState.OK:
        verdict, msg = (
            Severity.OK,
            said(QT_TRANSLATE_NOOP("Check", "The XML configuration was read safely.")),
        )
    elif report.xml_state is XmlState.MISSING:
        verdict, msg = (
            Severity.WARNING,
            said(
                QT_TRANSLATE_NOOP(
                    "Check", "No XML file in the folder; only the folder name identifies the VM."
                )
            ),
        )
    else:
        bad = [p for p in report.problems if p.code.startswith("xml-") and p.code != "xml-missing"]
        verdict = Severity.ERROR
        msg = (
            bad[0].message
            if bad
            else said(QT_TRANSLATE_NOOP("Check", "An XML file in the folder could not be read."))
        )
    xml_state = said(_XML_STATE[report.xml_state], code=report.xml_state.value)
    row(ImportCheckRow("XML readable", xml_count, xml_state, _DASH, verdict, msg))

    # disks
    disk_problems = [p for p in report.problems if p.code in ("no-disks", "disk-missing")]
    listed = (
        said(counted.translate("Check", "%n listed", "", 0), n=len(report.disks_listed))
        if report.disks_listed
        else _DASH
    )
    present = said(
        QT_TRANSLATE_NOOP("Check", "{files}, {size}"),
        files=said(counted.translate("Check", "%n file(s)", "", 0), n=len(report.disk_files)),
        size=Size(report.disk_bytes),
    )
    if disk_problems:
        verdict, msg = Severity.ERROR, joined(p.message for p in disk_problems)
    elif not report.exists or report.vm_id is None:
        verdict, msg = (
            Severity.ERROR,
            said(QT_TRANSLATE_NOOP("Check", "Choose the VM's folder first.")),
        )
    else:
        verdict, msg = (
            Severity.OK,
            said(QT_TRANSLATE_NOOP("Check", "Every disk file the folder needs is there.")),
        )
    row(ImportCheckRow("Disks present", present, listed, _DASH, verdict, msg))

    # replica state
    state = replica_state.strip()
    if state.lower() == "waitingforinitialreplication":
        verdict, msg = (
            Severity.OK,
            said(QT_TRANSLATE_NOOP("Check", "The replica VM is waiting for its initial copy.")),
        )
    elif not state:
        verdict, msg = (
            Severity.ERROR,
            said(
                QT_TRANSLATE_NOOP(
                    "Check",
                    "The replica VM's replication state is unknown: refresh, or check the "
                    "replica host.",
                )
            ),
        )
    else:
        advice = next((v for k, v in _STATE_ADVICE.items() if k.lower() == state.lower()), None)
        verdict = Severity.ERROR
        msg = (
            said(advice, code=f"state-{state}")
            if advice
            else said(
                QT_TRANSLATE_NOOP(
                    "Check",
                    "Hyper-V imports an initial copy only into a replica VM in state "
                    "WaitingForInitialReplication; this one is {state}.",
                ),
                state=state,
            )
        )
    row(ImportCheckRow("Replica VM waiting", _DASH, _DASH, state or _DASH, verdict, msg))
    # any other error the folder report found (e.g. a link out of the folder) is a row too:
    # nothing the report calls an error can pass the gate unseen
    other = [p for p in report.errors if p.code not in _ROW_CODES]
    if other:
        row(
            ImportCheckRow(
                "Folder contents",
                joined(sorted({p.title for p in other}), ", "),
                _DASH,
                _DASH,
                Severity.ERROR,
                joined(p.message for p in other),
            )
        )
    return ImportCheck(tuple(rows))


# --- integrity: the manifest, verified in full ----------------------------------------------------


class IntegrityState(str, Enum):
    PENDING = "pending"  # not verified yet
    VERIFIED = "verified"  # every file matches the manifest
    FAILED = "failed"  # files differ from the manifest, are missing or were added
    NO_MANIFEST = "no-manifest"
    INCOMPLETE = "incomplete"  # an empty or half-written manifest
    UNREADABLE = "unreadable"  # the manifest is damaged or edited
    FOREIGN = "foreign"  # the manifest was written for another VM or folder
    FINGERPRINT_MISMATCH = "fingerprint-mismatch"  # not the manifest the sender wrote
    NOT_VERIFIED = "not-verified"  # verification was stopped before the end


# States the admin may import through with an explicit decision; every other is a refusal.
CONSENTABLE = frozenset(
    {IntegrityState.NO_MANIFEST, IntegrityState.INCOMPLETE, IntegrityState.NOT_VERIFIED}
)


@dataclass(frozen=True)
class Integrity:
    """How far the copy's integrity is known: ``message`` says it for the admin."""

    state: IntegrityState
    message: str = ""
    fingerprint: str = ""  # the manifest's own SHA-256, when one was read
    consent: bool = False  # the admin decided to import without a full verification

    @property
    def verified(self) -> bool:
        return self.state is IntegrityState.VERIFIED

    @property
    def passes(self) -> bool:
        return self.verified or (self.consent and self.state in CONSENTABLE)

    def with_consent(self) -> Integrity:
        return Integrity(self.state, self.message, self.fingerprint, consent=True)

    def unchecked(self) -> str:
        """What the import goes ahead without, for the report (empty when verified)."""
        if self.verified:
            return ""
        if self.state is IntegrityState.NOT_VERIFIED:
            return said(
                QT_TRANSLATE_NOOP(
                    "Check", "The verification against the manifest was stopped before the end."
                )
            )
        if self.state is IntegrityState.INCOMPLETE:
            return said(
                QT_TRANSLATE_NOOP(
                    "Check", "The manifest was incomplete, so the files were not checked."
                )
            )
        return said(
            QT_TRANSLATE_NOOP(
                "Check", "There was no manifest, so the files were not checked against one."
            )
        )


PENDING = Integrity(
    IntegrityState.PENDING, said(QT_TRANSLATE_NOOP("Check", "The copy has not been verified yet."))
)


MIN_FINGERPRINT_DIGITS = 16


def normalize_fingerprint(text: str) -> str:
    """The hex digits of a fingerprint as typed (spaces, dashes and case ignored); raises
    ``ValueError`` with a sentence if it is not at least the short form."""
    digits = re.sub(r"[\s:-]", "", text).lower()
    if not re.fullmatch(r"[0-9a-f]+", digits or "-") or not (
        MIN_FINGERPRINT_DIGITS <= len(digits) <= 64
    ):
        raise ValueError(
            said(
                QT_TRANSLATE_NOOP(
                    "Check",
                    "The fingerprint '{text}' is not the manifest's SHA-256: give at least its "
                    "first {digits} hex digits, as the Done page and the report show them.",
                ),
                text=text,
                digits=MIN_FINGERPRINT_DIGITS,
            )
        )
    return digits


def fingerprint_matches(expected: str, actual: str) -> bool:
    """Whether the ``actual`` fingerprint starts with the ``expected`` digits (short or full)."""
    return bool(actual) and actual.lower().startswith(normalize_fingerprint(expected))


def integrity_row(integrity: Integrity) -> ImportCheckRow:
    """The gate's row for the copy's integrity."""
    shown = short_fingerprint(integrity.fingerprint) if integrity.fingerprint else _DASH
    msg: str
    if integrity.verified:
        verdict = Severity.OK
        msg = integrity.message or said(
            QT_TRANSLATE_NOOP("Check", "Every file matches the manifest.")
        )
    elif integrity.passes:
        verdict = Severity.WARNING
        msg = said(
            QT_TRANSLATE_NOOP("Check", "{unchecked} You decided to import all the same."),
            unchecked=integrity.unchecked(),
        )
    else:
        verdict = Severity.ERROR
        msg = integrity.message or said(
            QT_TRANSLATE_NOOP("Check", "The copy has not been verified against its manifest.")
        )
        if integrity.state in CONSENTABLE:
            msg = said(
                QT_TRANSLATE_NOOP(
                    "Check",
                    "{message} Import only with an explicit decision to go without it "
                    "(hvseed import --without-manifest, or the consent on the Check page).",
                ),
                message=msg,
            )
    return ImportCheckRow("Integrity (manifest)", integrity.state.value, shown, _DASH, verdict, msg)


def gate(
    report: FolderReport,
    replica_vm_id: str | None,
    replica_vm_name: str,
    replica_state: str,
    *,
    integrity: Integrity,
) -> ImportCheck:
    """Every row of ``check_import`` plus the integrity row: what a flow asks right before it
    imports. ``can_import`` is True only when every row passes."""
    static = check_import(report, replica_vm_id, replica_vm_name, replica_state)
    return ImportCheck((*static.rows, integrity_row(integrity)))


def integrity_from_verify(
    report: VerifyReport,
    folder_name: str,
    *,
    fingerprint: str = "",
    expected_fingerprint: str = "",
) -> Integrity:
    """Judge a verification of the folder ``folder_name`` (its ``<VMName>_<VMId>``).

    ``fingerprint`` is the SHA-256 of the manifest file that was read; ``expected_fingerprint``
    what the sender passed on apart from the drive (empty: not given)."""
    manifest = report.manifest
    if report.problem is not None:
        state = {
            "manifest-missing": IntegrityState.NO_MANIFEST,
            "manifest-incomplete": IntegrityState.INCOMPLETE,
        }.get(report.problem.value, IntegrityState.UNREADABLE)
        if state is IntegrityState.NO_MANIFEST and expected_fingerprint:
            state = IntegrityState.FINGERPRINT_MISMATCH
            return Integrity(
                state,
                said(
                    QT_TRANSLATE_NOOP(
                        "Check",
                        "A fingerprint was given, but there is no manifest beside the folder: the "
                        "manifest was removed on the way. Do not import this copy; ask the sender.",
                    )
                ),
            )
        return Integrity(state, report.problem_detail, fingerprint)
    if manifest is not None:
        parsed = parse_folder_name(folder_name)
        folder_id = parsed[1] if parsed else ""
        try:
            manifest_id = normalize_vm_id(manifest.vm_id)
        except ValueError:
            manifest_id = manifest.vm_id
        if manifest.folder != folder_name or manifest_id != folder_id:
            return Integrity(
                IntegrityState.FOREIGN,
                said(
                    QT_TRANSLATE_NOOP(
                        "Check",
                        "The manifest beside the folder was written for {other} "
                        "(VM ID {other_id}), not for {folder}. It belongs to another copy: do not "
                        "import with it; ask the sender for this folder's manifest.",
                    ),
                    other=manifest.folder or "?",
                    other_id=manifest.vm_id or "?",
                    folder=folder_name,
                ),
                fingerprint,
            )
    if expected_fingerprint and not fingerprint_matches(expected_fingerprint, fingerprint):
        return Integrity(
            IntegrityState.FINGERPRINT_MISMATCH,
            said(
                QT_TRANSLATE_NOOP(
                    "Check",
                    "The manifest's fingerprint is {actual}, not the {expected} the sender gave: "
                    "the manifest was rewritten after the export. Do not import this copy.",
                ),
                actual=short_fingerprint(fingerprint),
                expected=short_fingerprint(normalize_fingerprint(expected_fingerprint)),
            ),
            fingerprint,
        )
    if report.cancelled:
        return Integrity(
            IntegrityState.NOT_VERIFIED,
            said(
                QT_TRANSLATE_NOOP(
                    "Check", "The verification was stopped before every file was checked."
                )
            ),
            fingerprint,
        )
    if not report.ok:
        bad = report.findings
        names = ", ".join(f.path for f in bad[:5]) + (" …" if len(bad) > 5 else "")
        return Integrity(
            IntegrityState.FAILED,
            said(
                QT_TRANSLATE_NOOP(
                    "Check",
                    "{bad} of {files} files do not match the manifest ({names}). "
                    "Do not import this copy: export the initial copy again.",
                ),
                bad=len(bad),
                files=len(report.files),
                names=names,
            ),
            fingerprint,
        )
    total = manifest.total_bytes if manifest else 0
    return Integrity(
        IntegrityState.VERIFIED,
        said(
            QT_TRANSLATE_NOOP("Check", "All {files} files match the manifest ({size}, SHA-256)."),
            files=len(report.files),
            size=Size(total),
        ),
        fingerprint,
    )
