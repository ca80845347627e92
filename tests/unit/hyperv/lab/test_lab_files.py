"""A lab file that cannot be used, and lab commands that cannot be done, are sentences naming
the file and what to do, in the CLI; and a refused move leaves the drive where it was."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

from hvseed_gui.cli import run
from hvseed_gui.hyperv.host_errors import HyperVError
from hvseed_gui.hyperv.lab import Lab


def hvseed(lab_dir: Path, *argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = run(["--lab", str(lab_dir), *argv], out, err)
    return code, out.getvalue(), err.getvalue()


def _incomplete(doc: dict) -> str:
    del doc["hosts"][doc["primary"]]["vms"]
    return json.dumps(doc)


LAB_FILES = [
    ("corrupt", lambda doc: '{"version": 1, "hosts": ', "not valid JSON"),
    ("empty", lambda doc: "", "it is empty"),
    ("list", lambda doc: "[]", "it holds a list"),
    ("other version", lambda doc: json.dumps({**doc, "version": 7}), "version 7"),
    ("no hosts", lambda doc: json.dumps({"version": 1}), "incomplete"),
    ("host without vms", _incomplete, "incomplete"),
    ("not utf-8", lambda doc: b"\xff\xfe{}", "not UTF-8"),
]


@pytest.mark.parametrize(("label", "make", "words"), LAB_FILES, ids=[c[0] for c in LAB_FILES])
def test_a_lab_file_that_cannot_be_used_is_a_sentence(tmp_path, label, make, words):
    lab_dir = tmp_path / "lab"
    Lab.open(lab_dir)
    state_file = lab_dir / "lab.json"
    content = make(json.loads(state_file.read_text(encoding="utf-8")))
    if isinstance(content, bytes):
        state_file.write_bytes(content)
    else:
        state_file.write_text(content, encoding="utf-8")
    code, _, err = hvseed(lab_dir, "vms")
    assert code == 1
    assert err.count("\n") == 1 and "internal error" not in err and "Expecting" not in err
    assert str(state_file) in err and words in err
    assert "--lab" in err and f"delete the folder {lab_dir}" in err
    with pytest.raises(HyperVError):
        Lab.open(lab_dir)  # the GUI's way in: a HyperVError, shown as its sentence


MOVES = [
    (["--to", "hv-b", "--letter", "C:"], "C: is already in use on hv-b"),
    (["--to", "hv-b", "--letter", "1"], "'1' is not a drive letter"),
    (["--to", "nohost"], "There is no host 'nohost' in the lab"),
]


@pytest.mark.parametrize(("args", "words"), MOVES, ids=["letter in use", "letter 1", "no host"])
def test_a_move_that_cannot_be_done_is_a_sentence_and_moves_nothing(tmp_path, args, words):
    lab_dir = tmp_path / "lab"
    lab = Lab.open(lab_dir)
    before = lab.dump()["drives"]
    code, _, err = hvseed(lab_dir, "move-drive", "E:", *args)
    assert code == 1
    assert words in err and "internal error" not in err
    assert lab.dump()["drives"] == before  # the drive is still in hv-a at E:


def test_a_folder_with_other_files_is_refused_with_a_sentence(tmp_path):
    (tmp_path / "other.txt").write_text("x")
    code, _, err = hvseed(tmp_path, "vms")
    assert code == 1
    assert "is not empty and holds no lab" in err and "--lab" in err
