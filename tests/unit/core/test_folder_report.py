"""Judging an export folder: name, XML (safely), disks, and the check before an import."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from hvseed_gui.core.export_folder import FileEntry, FolderListing
from hvseed_gui.core.export_xml import MAX_XML_BYTES, XmlProblem, XmlProblemKind, find_vm_ids_in_xml
from hvseed_gui.core.findings import Severity
from hvseed_gui.core.folder_name import folder_name, parse_folder_name
from hvseed_gui.core.folder_report import XmlState, inspect_folder
from hvseed_gui.core.import_gate import check_import

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures" / "export_xml"
VM_ID = "6F1C2B3A-9D4E-4F5A-8B6C-7D8E9F0A1B2C"
OTHER_ID = "11111111-2222-3333-4444-555555555555"
FOLDER = f"E:\\HVSeed\\SQL_DB_01_{VM_ID}"
GiB = 1024**3


def xml_fixture(name: str) -> str:
    raw = (FIXTURES / name).read_bytes()
    # Hyper-V writes UTF-16 with a BOM; the host hands us decoded text, as here.
    return raw.decode("utf-16") if raw[:2] in (b"\xff\xfe", b"\xfe\xff") else raw.decode()


def listing(
    path: str = FOLDER,
    files: tuple[tuple[str, int], ...] = (("SQL_DB_01.vhdx", 40 * GiB),),
    xml: dict[str, str] | None = None,
    errors: dict[str, str] | None = None,
    exists: bool = True,
) -> FolderListing:
    xml = xml or {}
    entries = [FileEntry(p, s) for p, s in files]
    entries += [FileEntry(p, len(t)) for p, t in xml.items()]
    return FolderListing(path, exists, tuple(entries), dict(xml), dict(errors or {}))


def codes(report) -> set[str]:
    return {p.code for p in report.problems}


# --- folder name ---------------------------------------------------------------------------


def test_folder_name_keeps_underscores_in_the_vm_name_and_normalises_the_id():
    assert parse_folder_name(f"SQL_DB_01_{VM_ID.lower()}") == ("SQL_DB_01", VM_ID)
    assert parse_folder_name(f"Prüfserver_{{{VM_ID}}}") == ("Prüfserver", VM_ID)


@pytest.mark.parametrize("vm_name", ["", "   ", " web ", "a_b", f"x_{VM_ID}", "Prüf\u202eserver"])
def test_the_exporter_and_the_parser_agree_on_every_name(vm_name):
    """Hyper-V's folder is <VMName>_<VMId> with the name as it is: blank and padded names too."""
    assert parse_folder_name(folder_name(vm_name, VM_ID.lower())) == (vm_name, VM_ID)


@pytest.mark.parametrize("name", ["SQL01", VM_ID, "SQL01_6F1C2B3A-9D4E", f"SQL01_{VM_ID}x", ""])
def test_folder_name_rejects_anything_else(name):
    assert parse_folder_name(name) is None


# --- XML -----------------------------------------------------------------------------------


def test_ids_found_in_the_2012r2_style_config_without_a_schema():
    text = xml_fixture("vm_config_2012r2.xml")
    hits = find_vm_ids_in_xml(text, f"Virtual Machines/{VM_ID}.xml")
    found = {(h.vm_id, h.where) for h in hits}
    assert (VM_ID, "element /configuration/properties/global_id") in found
    assert (VM_ID, "file name") in found
    # device GUIDs in element names and channel GUIDs are not taken for the VM's ID
    assert {h.vm_id for h in hits} == {VM_ID}


def test_ids_found_in_attributes_case_insensitively_with_namespace():
    hits = find_vm_ids_in_xml(xml_fixture("vm_attributes.xml"))
    strong = [h for h in hits if h.strong]
    assert [(h.vm_id, h.where) for h in strong] == [
        (VM_ID, "attribute VMId on /InitialReplica/VirtualMachine")
    ]
    weak = [h for h in hits if not h.strong]
    assert [h.vm_id for h in weak] == ["0D0C0B0A-1111-2222-3333-444455556666"]


@pytest.mark.parametrize("name", ["bomb.xml", "external_entity.xml", "external_dtd.xml"])
def test_hostile_xml_is_refused_quickly_never_expanded(name):
    started = time.perf_counter()
    with pytest.raises(XmlProblem) as info:
        find_vm_ids_in_xml(xml_fixture(name), name)
    assert info.value.kind is XmlProblemKind.UNSAFE
    assert name in str(info.value) and "not read" in str(info.value)
    assert time.perf_counter() - started < 1.0


def test_malformed_empty_and_oversized_xml_each_have_their_kind():
    with pytest.raises(XmlProblem) as info:
        find_vm_ids_in_xml(xml_fixture("malformed.xml"))
    assert info.value.kind is XmlProblemKind.MALFORMED
    with pytest.raises(XmlProblem) as info:
        find_vm_ids_in_xml("  \r\n")
    assert info.value.kind is XmlProblemKind.EMPTY
    with pytest.raises(XmlProblem) as info:
        find_vm_ids_in_xml("<a>" + "x" * MAX_XML_BYTES + "</a>")
    assert info.value.kind is XmlProblemKind.TOO_LARGE


# --- inspect_folder ------------------------------------------------------------------------


def good_listing(**kw) -> FolderListing:
    return listing(
        files=(("Virtual Hard Disks/SQL_DB_01.vhdx", 40 * GiB), ("SQL_DB_01_data.vhdx", 2 * GiB)),
        xml={f"{VM_ID}.xml": xml_fixture("vm_config_2012r2.xml")},
        **kw,
    )


def test_a_complete_folder_has_no_problems():
    report = inspect_folder(good_listing())
    assert report.ok and report.problems == ()
    assert (report.vm_name, report.vm_id, report.xml_vm_id) == ("SQL_DB_01", VM_ID, VM_ID)
    assert report.xml_state is XmlState.OK
    assert {d.name for d in report.disks_listed} == {"SQL_DB_01.vhdx", "SQL_DB_01_data.vhdx"}
    assert {d.format for d in report.disks_listed} == {"VHDX"}
    assert report.disk_bytes == 42 * GiB


def test_drive_root_names_the_vm_folders_to_choose():
    report = inspect_folder(
        listing(
            "E:\\",
            files=(
                (f"SQL_DB_01_{VM_ID}/SQL_DB_01.vhdx", GiB),
                (f"WEB_{OTHER_ID}/Virtual Hard Disks/WEB.vhdx", GiB),
                ("notes.txt", 10),
            ),
        )
    )
    assert not report.ok
    (finding,) = report.errors
    assert finding.code == "not-vm-folder"
    assert "root of a drive" in finding.message
    assert f"SQL_DB_01_{VM_ID}" in finding.message and f"WEB_{OTHER_ID}" in finding.message
    assert report.candidate_folders == (f"SQL_DB_01_{VM_ID}", f"WEB_{OTHER_ID}")


def test_a_subfolder_of_the_vm_folder_points_to_its_parent():
    report = inspect_folder(listing(f"{FOLDER}\\Virtual Hard Disks"))
    (finding,) = report.errors
    assert f"choose its parent SQL_DB_01_{VM_ID}" in finding.message


def test_missing_folder():
    report = inspect_folder(listing(exists=False))
    assert codes(report) == {"folder-missing"}
    assert "drive is connected" in report.errors[0].message


def test_missing_xml_is_only_a_warning_because_the_layout_is_unconfirmed():
    report = inspect_folder(listing())
    assert report.ok
    assert codes(report) == {"xml-missing"}
    assert report.xml_state is XmlState.MISSING


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("", "xml-empty"),
        ("<configuration><properties>", "xml-malformed"),
        ("bomb.xml", "xml-unsafe"),
        ("external_entity.xml", "xml-unsafe"),
    ],
)
def test_broken_xml_is_an_error(text, code):
    if text.endswith(".xml"):
        text = xml_fixture(text)
    report = inspect_folder(listing(xml={"config.xml": text}))
    assert code in codes(report)
    assert report.xml_state is XmlState.BROKEN
    assert not report.ok


def test_xml_the_host_could_not_read_is_an_error_with_its_reason():
    report = inspect_folder(
        listing(files=(("a.vhdx", 1), ("c.xml", 10)), errors={"c.xml": "access denied"})
    )
    assert "xml-unreadable" in codes(report)
    assert "access denied" in report.errors[0].message


def test_disagreeing_ids_name_both():
    text = xml_fixture("vm_config_2012r2.xml").replace(VM_ID, OTHER_ID)
    report = inspect_folder(listing(xml={"config.xml": text}))
    (finding,) = [p for p in report.errors if p.code == "id-mismatch"]
    assert VM_ID in finding.message and OTHER_ID in finding.message
    assert "global_id" in finding.message
    assert report.xml_vm_id == OTHER_ID


def test_listed_disk_missing_and_a_smaller_disk_explained():
    """A disk smaller than listed may be a fixed disk converted to dynamic on the media
    (supported, team blog 2013-09-24): a warning that explains both readings, not an error."""
    text = xml_fixture("vm_attributes.xml")
    report = inspect_folder(
        listing(files=(("SQL_DB_01.vhdx", 4 * GiB - 4096),), xml={"c.xml": text})
    )
    assert codes(report) == {"disk-missing", "disk-smaller"}
    assert [p.code for p in report.errors] == ["disk-missing"]
    (smaller,) = report.warnings
    assert "converted to a dynamic" in smaller.message and "cut short" in smaller.message
    assert "manifest" in smaller.message


def test_no_disk_files_at_all():
    report = inspect_folder(listing(files=(("readme.txt", 5),)))
    assert "no-disks" in codes(report)


# --- check_import --------------------------------------------------------------------------


def rows(check):
    return {r.label: r for r in check.rows}


def test_import_allowed_when_everything_agrees():
    check = check_import(
        inspect_folder(good_listing()), VM_ID.lower(), "SQL_DB_01", "WaitingForInitialReplication"
    )
    assert check.can_import
    table = rows(check)
    assert table["VM ID"].folder_value == table["VM ID"].xml_value == VM_ID
    assert table["VM ID"].replica_value == VM_ID
    assert all(r.verdict is Severity.OK for r in check.rows)


def test_import_refused_for_another_vms_replica():
    check = check_import(
        inspect_folder(good_listing()), OTHER_ID, "WEB", "WaitingForInitialReplication"
    )
    assert not check.can_import
    row = rows(check)["VM ID"]
    assert row.verdict is Severity.ERROR
    assert VM_ID in row.message and OTHER_ID in row.message
    assert rows(check)["VM name"].verdict is Severity.WARNING


@pytest.mark.parametrize(
    ("state", "words"),
    [
        ("Replicating", "already been imported"),
        ("FailedOver", "failed over"),
        ("ReadyForInitialReplication", "primary"),
        ("Resynchronizing", "WaitingForInitialReplication"),
        ("", "unknown"),
    ],
)
def test_import_refused_unless_the_replica_waits(state, words):
    check = check_import(inspect_folder(good_listing()), VM_ID, "SQL_DB_01", state)
    row = rows(check)["Replica VM waiting"]
    assert row.verdict is Severity.ERROR and words in row.message
    assert not check.can_import


def test_import_refused_without_a_replica_vm_or_with_a_broken_folder():
    assert not check_import(inspect_folder(good_listing()), None).can_import
    broken = inspect_folder(listing(xml={"c.xml": xml_fixture("bomb.xml")}))
    check = check_import(broken, VM_ID, "SQL_DB_01", "WaitingForInitialReplication")
    assert rows(check)["XML readable"].verdict is Severity.ERROR
    assert not check.can_import
    root = inspect_folder(listing("E:\\"))
    assert not check_import(root, VM_ID, "SQL_DB_01", "WaitingForInitialReplication").can_import


def test_missing_xml_still_allows_the_import_with_a_warning():
    check = check_import(
        inspect_folder(listing()), VM_ID, "SQL_DB_01", "WaitingForInitialReplication"
    )
    assert check.can_import
    assert rows(check)["XML readable"].verdict is Severity.WARNING


def test_text_forms_for_the_cli():
    report = inspect_folder(good_listing())
    assert "global_id" in report.to_text() and "[ok]" in report.to_text()
    check = check_import(report, OTHER_ID, "WEB", "WaitingForInitialReplication")
    text = check.to_text()
    assert text.splitlines()[0].split() == ["Folder", "XML", "Replica", "VM", "Verdict"]
    assert OTHER_ID in text and check.summary in text
    text.encode("cp437")  # a Windows console's code page can print it
    ok = check_import(report, VM_ID, "SQL_DB_01", "WaitingForInitialReplication")
    assert ok.summary.startswith("The folder matches")
