"""The manifest reader refuses hostile JSON with a sentence: deep nesting, size, keys twice."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

from hvseed_gui.cli import run
from hvseed_gui.core.manifest import manifest_paths, read_manifest, write_manifest

VM_ID = "6F1C2A3B-4D5E-4F60-8A7B-9C0D1E2F3A4B"


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    folder = tmp_path / f"SQL01_{VM_ID}"
    folder.mkdir()
    (folder / "a.vhdx").write_bytes(b"data")
    write_manifest(folder, vm_name="SQL01", vm_id=VM_ID, source_host="a", replica_server="b")
    return folder


def _replace_manifest(folder: Path, text: str) -> None:
    path = manifest_paths(folder)[0]
    path.chmod(0o644)
    path.write_text(text, encoding="utf-8")


CASES = [
    ("deep", lambda doc: '{"format": "hvseed-manifest", "x": ' + "[" * 200_000, "deeper than 16"),
    ("twice", lambda doc: json.dumps(doc)[:-1] + ', "folder": "other"}', "'folder' twice"),
    ("null name", lambda doc: json.dumps({**doc, "vm": {"name": None, "id": VM_ID}}), "vm.name"),
    ("nan", lambda doc: json.dumps(doc)[:-1] + ', "total_bytes": NaN}', "NaN"),
]


@pytest.mark.parametrize(("label", "make", "words"), CASES, ids=[c[0] for c in CASES])
def test_a_hostile_manifest_is_refused_with_a_sentence(folder, label, make, words):
    doc = json.loads(manifest_paths(folder)[0].read_text(encoding="utf-8"))
    _replace_manifest(folder, make(doc))
    with pytest.raises(ValueError) as caught:
        read_manifest(folder)
    assert words in str(caught.value)
    out, err = io.StringIO(), io.StringIO()
    code = run(["--lab", str(folder.parent / "lab"), "report", str(folder)], out, err)
    assert code == 1
    assert "cannot be read" in err.getvalue() and words in err.getvalue()
    assert "internal error" not in err.getvalue()
