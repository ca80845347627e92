"""Issue "one path, one gate" through the wizard: nothing is imported before the copy verified in
full against its manifest, or the admin decided explicitly to go without one; a failed check, a
foreign manifest, a wrong fingerprint or an XML of another VM is never a choice."""

from __future__ import annotations

import json

from PySide6.QtWidgets import QWizard

from hvseed_gui.core.manifest import fingerprint_of, manifest_paths, short_fingerprint
from hvseed_gui.hyperv.host import ReplicationState
from hvseed_gui.ui.ids import PageId
from tests.support.import_side import (
    FAST,
    consent,
    courier,
    export_on_primary,
    folder_state,
    remove_manifest,
    replica_state,
    row,
    walk_to_check,
)

INTEGRITY = "Integrity (manifest)"
WAITING = ReplicationState.WAITING_FOR_INITIAL_REPLICATION
OTHER_ID = "0BADC0DE-0000-4000-8000-000000000000"


def commit_enabled(wizard) -> bool:
    return wizard.button(QWizard.WizardButton.CommitButton).isEnabled()


def shipped(lab, name: str = "TinyLinux"):
    """``name`` exported on hv-a with its manifest and carried to hv-b: (vm, folder, real path,
    the manifest's fingerprint as the sender reads it off the Done page)."""
    lab.configure(import_bytes_per_sec=FAST)
    vm, folder = export_on_primary(lab, name)
    sent = fingerprint_of(manifest_paths(lab.real_path("hv-a", folder))[0].read_bytes())
    courier(lab)
    return vm, folder, lab.real_path("hv-b", folder), sent


def import_to_done(drive, wizard):
    """Import, then through the test failover page (skipped) to Done; the Done page."""
    drive.next(wizard, PageId.IMPORT_RUN)
    run = wizard.currentPage()
    drive.until(lambda: run.page_complete())
    drive.next(wizard, PageId.IMPORT_FAILOVER)
    drive.next(wizard, PageId.IMPORT_DONE)
    done = wizard.currentPage()
    drive.idle(done)
    return done


def assert_never_a_choice(lab, wizard, check, vm) -> None:
    assert not check.isComplete() and not commit_enabled(wizard)
    assert not check.consent.isVisible()  # no consent offered
    assert "Import is not possible" in check.status.text()
    assert replica_state(lab, vm.id) is WAITING


def flip_one_byte(path, at: int = 4096) -> None:
    with path.open("r+b") as handle:
        handle.seek(at)
        old = handle.read(1)
        handle.seek(at)
        handle.write(b"\x00" if old != b"\x00" else b"\x01")


def test_verified_copy_imports_and_the_report_names_the_fingerprint(lab, make_wizard, drive):
    vm, folder, real, sent = shipped(lab)
    wizard = make_wizard()
    check = walk_to_check(drive, wizard, "TinyLinux")
    assert row(check, INTEGRITY)[4] == "ok" and not check.consent.isVisible()
    shown = check.fingerprint.text()
    assert short_fingerprint(sent) in shown and sent in shown  # short and full, to compare
    assert commit_enabled(wizard)
    done = import_to_done(drive, wizard)
    assert short_fingerprint(sent) in done.integrity.text()
    report = done.report.toPlainText()
    assert f"verified against the manifest (fingerprint {short_fingerprint(sent)}" in report
    assert "without a full verification" not in report


def test_deleted_manifest_needs_the_consent_and_the_report_says_so(lab, make_wizard, drive):
    vm, folder, real, _sent = shipped(lab)
    remove_manifest(real)  # the courier "lost" it
    wizard = make_wizard()
    check = walk_to_check(drive, wizard, "TinyLinux")
    verdict = row(check, INTEGRITY)
    assert verdict[4] == "error" and "no manifest beside" in verdict[5]
    assert not commit_enabled(wizard) and not check.isComplete()
    assert not check.fingerprint.isVisible()
    text = consent(check)
    assert "no manifest" in text and "not checked" in text  # names what was not checked
    assert row(check, INTEGRITY)[4] == "warning"
    assert commit_enabled(wizard)
    done = import_to_done(drive, wizard)
    assert replica_state(lab, vm.id) is ReplicationState.REPLICATING
    assert "without a full verification" in done.integrity.text()
    report = done.report.toPlainText()
    assert (
        "imported without a full verification: There was no manifest, so the files were not "
        "checked against one." in report
    ), report


def test_one_flipped_byte_blocks_the_import_by_file_name_without_a_choice(lab, make_wizard, drive):
    vm, folder, real, _sent = shipped(lab)
    disk = next((real / "Virtual Hard Disks").glob("*.vhdx"))
    flip_one_byte(disk)
    before = folder_state(real)
    wizard = make_wizard()
    check = walk_to_check(drive, wizard, "TinyLinux")
    verdict = row(check, INTEGRITY)
    assert verdict[4] == "error" and disk.name in verdict[5], verdict
    assert_never_a_choice(lab, wizard, check, vm)
    assert folder_state(real) == before


def test_a_wrong_fingerprint_is_refused_even_when_the_manifest_matches(lab, make_wizard, drive):
    vm, folder, real, sent = shipped(lab)
    # the courier changes a file and writes a new manifest for it: every file "matches"
    flip_one_byte(next((real / "Virtual Hard Disks").glob("*.vhdx")))
    remove_manifest(real)
    from hvseed_gui.core.manifest import write_manifest

    write_manifest(real, vm_name=vm.name, vm_id=vm.id, source_host="hv-a", replica_server="hv-b")
    wizard = make_wizard()
    check = walk_to_check(drive, wizard, "TinyLinux")
    assert row(check, INTEGRITY)[4] == "ok"  # without the sender's word it looks fine
    check.sender_edit.setText(short_fingerprint(sent))  # read out on the phone
    verdict = row(check, INTEGRITY)
    assert verdict[4] == "error" and "rewritten after the export" in verdict[5], verdict
    assert_never_a_choice(lab, wizard, check, vm)
    check.sender_edit.setText("not a fingerprint")
    assert check.sender_problem.isVisible() and "16 hex digits" in check.sender_problem.text()
    assert not commit_enabled(wizard)


def test_the_right_fingerprint_imports(lab, make_wizard, drive):
    vm, folder, real, sent = shipped(lab)
    wizard = make_wizard()
    page = walk_to_check(drive, wizard, "TinyLinux")
    page.sender_edit.setText(sent.upper())  # the full form, as the report prints it
    assert row(page, INTEGRITY)[4] == "ok" and commit_enabled(wizard)
    page.sender_edit.setText("0000 0000 0000 0000")  # a slip of the tongue: refused
    assert row(page, INTEGRITY)[4] == "error" and not commit_enabled(wizard)
    page.sender_edit.setText(short_fingerprint(sent))
    assert commit_enabled(wizard)
    import_to_done(drive, wizard)
    assert replica_state(lab, vm.id) is ReplicationState.REPLICATING


def test_a_fingerprint_with_the_manifest_gone_is_refused_without_a_choice(lab, make_wizard, drive):
    vm, folder, real, sent = shipped(lab)
    remove_manifest(real)
    wizard = make_wizard()
    check = walk_to_check(drive, wizard, "TinyLinux")
    assert check.consent.isVisible()  # no manifest: a choice …
    consent(check)
    check.sender_edit.setText(sent)  # … until the sender says there was one
    verdict = row(check, INTEGRITY)
    assert verdict[4] == "error" and "removed on the way" in verdict[5], verdict
    assert_never_a_choice(lab, wizard, check, vm)


def test_xml_content_naming_another_vm_is_refused(lab, make_wizard, drive):
    vm, folder, real, _sent = shipped(lab)
    [xml] = (real / "Virtual Machines").glob("*.xml")  # keeps its <GUID>.xml name
    xml.write_text(xml.read_text(encoding="utf-8").replace(vm.id, OTHER_ID), "utf-8")
    wizard = make_wizard()
    check = walk_to_check(drive, wizard, "TinyLinux")
    vm_id = row(check, "VM ID")
    assert vm_id[4] == "error" and vm_id[2] == OTHER_ID, vm_id
    assert OTHER_ID in check.status.text()
    assert_never_a_choice(lab, wizard, check, vm)


def test_a_manifest_written_for_another_copy_is_refused(lab, make_wizard, drive):
    vm, folder, real, _sent = shipped(lab)
    manifest = manifest_paths(real)[0]
    doc = json.loads(manifest.read_text(encoding="utf-8"))
    doc["folder"] = f"Other_{OTHER_ID}"
    doc["vm"]["id"] = OTHER_ID
    manifest.write_text(json.dumps(doc), encoding="utf-8")
    wizard = make_wizard()
    check = walk_to_check(drive, wizard, "TinyLinux")
    verdict = row(check, INTEGRITY)
    assert verdict[4] == "error" and "written for" in verdict[5], verdict
    assert_never_a_choice(lab, wizard, check, vm)


def test_the_gate_is_asked_again_when_import_is_pressed(lab, make_wizard, drive):
    vm, folder, real, _sent = shipped(lab)
    wizard = make_wizard()
    check = walk_to_check(drive, wizard, "TinyLinux")
    assert commit_enabled(wizard)
    next((real / "Virtual Hard Disks").glob("*.vhdx")).unlink()  # meanwhile, on the drive
    check.wizard().button(QWizard.WizardButton.CommitButton).click()
    drive.until(lambda: wizard.currentId() == PageId.IMPORT_CHECK and check.notice.isVisible())
    assert "refused" in check.notice.text() and "disk" in check.notice.text().lower()
    drive.until(lambda: check.checked and not check.runner.busy and not check.hasher.busy)
    assert not commit_enabled(wizard)
    assert replica_state(lab, vm.id) is WAITING
    assert "import" not in {j.get("kind") for j in lab.dump()["jobs"].values()}


def test_the_import_pages_reach_hosts_only_through_the_seam_and_the_flow():
    """No lab internals, PowerShell renderer or hashing helpers in the import pages: what
    changes a host or hashes a drive is ImportRun's (the CLI runs the same)."""
    import ast
    import re
    from pathlib import Path

    ui = Path(__file__).resolve().parents[3] / "hvseed_gui" / "ui"
    banned = (
        "hvseed_gui.hyperv.lab",
        "hvseed_gui.hyperv.powershell",
        "hvseed_gui.hyperv.remote_verify",
        "hvseed_gui.hyperv.remote_manifest",
    )
    calls = {"start_import", "import_progress", "start_test_failover", "stop_test_failover"}
    offenders = []
    for path in [ui / "import_state.py", *sorted((ui / "pages").glob("imp_*.py"))]:
        source = path.read_text(encoding="utf-8")
        for node in ast.walk(ast.parse(source)):
            names = []
            if isinstance(node, ast.Import):
                names = [a.name for a in node.names]
            elif isinstance(node, ast.ImportFrom) and node.module:
                names = [node.module]
            offenders += [f"{path.name}: imports {n}" for n in names if n.startswith(banned)]
            if (
                isinstance(node, ast.Attribute)
                and node.attr in calls
                and not (isinstance(node.value, ast.Name) and node.value.id == "flow")
            ):
                offenders.append(f"{path.name}:{node.lineno}: host.{node.attr} outside the flow")
        if re.search(r"getattr\([^)]*[\"']lab[\"']|\bhost\.lab\b|real_path", source):
            offenders.append(f"{path.name}: reaches into the lab")
    assert offenders == []


def test_a_failed_health_read_is_retried_not_taken_for_the_end(
    lab, make_wizard, drive, monkeypatch
):
    from hvseed_gui.hyperv.host_errors import HostUnreachable

    vm, folder, real, _sent = shipped(lab)
    wizard = make_wizard()
    walk_to_check(drive, wizard, "TinyLinux")
    host = wizard.imp.host
    real_status, failures = host.replication_status, []

    def flaky(ref):
        if not failures:
            failures.append(ref)
            raise HostUnreachable("The host did not answer.")
        return real_status(ref)

    monkeypatch.setattr(host, "replication_status", flaky)
    drive.next(wizard, PageId.IMPORT_RUN)
    run = wizard.currentPage()
    drive.until(lambda: bool(failures))
    drive.until(lambda: run.page_complete())
    assert run.phase == "done" and not run.settled_short  # not let on early: it was healthy
    assert run.status.kind == "ok", run.status.text()
