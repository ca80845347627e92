"""Plans read strictly: every field's type checked with the field named, size and nesting
capped, no key twice, digits 0-9 only; for any JSON value a sentence or a plan, never a crash."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from hvseed_gui.cli import run
from hvseed_gui.core.plan import ReplicationPlan

VM_ID = "6f1c3e0a-2b4d-4e5f-8a9b-0c1d2e3f4a5b"
GOOD = {
    "primary_host": "hv-a",
    "vms": [{"name": "SQL01", "id": VM_ID, "excluded_vhd_paths": []}],
    "replica_server": "hv-b",
    "destination_path": "E:\\Seed",
}
FIELDS = [
    "primary_host",
    "replica_server",
    "destination_path",
    "certificate_thumbprint",
    "replica_port",
    "authentication",
    "compression",
    "bypass_proxy",
    "frequency_sec",
    "recovery_history_hours",
    "vss_frequency_hours",
    "initial_method",
    "start_time",
    "notes",
    "vms",
]
VM_FIELDS = ["name", "id", "excluded_vhd_paths", "destination_path"]


def hvseed_with_plan(tmp_path: Path, content: bytes | str) -> tuple[int, str]:
    plan_file = tmp_path / "plan.json"
    data = content.encode("utf-8") if isinstance(content, str) else content
    plan_file.write_bytes(data)
    out, err = io.StringIO(), io.StringIO()
    code = run(["--lab", str(tmp_path / "lab"), "script", str(plan_file)], out, err)
    return code, err.getvalue()


def _assert_sentence(code: int, err: str, *words: str) -> None:
    assert code == 2, err
    assert err.startswith("hvseed: ") and err.count("\n") == 1, err
    assert "internal error" not in err and "Traceback" not in err
    for word in words:
        assert word in err, (word, err)


@pytest.mark.parametrize("field", ["primary_host", "replica_server", "destination_path"])
@pytest.mark.parametrize("value", [5, None, ["E:\\"], {"a": 1}, True])
def test_a_text_field_of_another_type_is_named(tmp_path, field, value):
    code, err = hvseed_with_plan(tmp_path, json.dumps({**GOOD, field: value}))
    _assert_sentence(code, err, f"'{field}'", "must be text")


def test_excluded_paths_as_a_string_is_not_split_into_letters(tmp_path):
    vm = {**GOOD["vms"][0], "excluded_vhd_paths": "abc"}
    code, err = hvseed_with_plan(tmp_path, json.dumps({**GOOD, "vms": [vm]}))
    _assert_sentence(code, err, "'vms[1].excluded_vhd_paths'", "must be a list")


def test_a_vm_named_null_is_not_none(tmp_path):
    vm = {**GOOD["vms"][0], "name": None}
    code, err = hvseed_with_plan(tmp_path, json.dumps({**GOOD, "vms": [vm]}))
    _assert_sentence(code, err, "'vms[1].name'", "not null")


def test_a_key_given_twice_is_refused(tmp_path):
    text = json.dumps(GOOD)[:-1] + ', "replica_server": "evil"}'
    code, err = hvseed_with_plan(tmp_path, text)
    _assert_sentence(code, err, "'replica_server' twice")


@pytest.mark.parametrize("value", ["\u0668\u0660", "\uff18\uff10", "٨٠"])
def test_only_the_digits_0_to_9_make_a_number(tmp_path, value):
    code, err = hvseed_with_plan(tmp_path, json.dumps({**GOOD, "replica_port": value}))
    _assert_sentence(code, err, "'replica_port'", "whole number")


def test_nan_is_refused(tmp_path):
    text = json.dumps(GOOD)[:-1] + ', "replica_port": NaN}'
    code, err = hvseed_with_plan(tmp_path, text)
    _assert_sentence(code, err, "NaN")


def test_a_non_utf8_plan_is_a_sentence(tmp_path):
    code, err = hvseed_with_plan(tmp_path, json.dumps(GOOD).encode("utf-8") + b"\xff\xfe")
    _assert_sentence(code, err, "not UTF-8")


def test_deep_nesting_is_refused_without_recursion(tmp_path):
    code, err = hvseed_with_plan(tmp_path, "[" * 100_000)
    _assert_sentence(code, err, "nests lists or objects deeper")


def test_a_50_mb_plan_is_refused(tmp_path):
    big = {**GOOD, "notes": {"x": "a" * (50 * 2**20)}}
    code, err = hvseed_with_plan(tmp_path, json.dumps(big))
    _assert_sentence(code, err, "larger than 1 MiB")


def test_a_huge_vm_name_is_refused(tmp_path):
    vm = {**GOOD["vms"][0], "name": "n" * 500_000}
    code, err = hvseed_with_plan(tmp_path, json.dumps({**GOOD, "vms": [vm]}))
    _assert_sentence(code, err, "'vms[1].name'", "at most 1024")


def test_a_good_plan_still_reads_and_round_trips():
    plan = ReplicationPlan.from_json(json.dumps(GOOD))
    assert plan.validate() == []
    assert ReplicationPlan.from_json(plan.to_json()) == plan


JSON_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=20),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=8), inner),
    max_leaves=8,
)


def _judge(data: object) -> None:
    try:
        plan = ReplicationPlan.from_dict(data)
    except ValueError as exc:
        assert str(exc) and "Traceback" not in str(exc)
        return
    for problem in plan.validate():
        assert problem.field and problem.message


@settings(max_examples=300, deadline=None)
@given(st.sampled_from(FIELDS), JSON_VALUES)
def test_any_json_value_in_any_field_gives_a_sentence_or_a_plan(field, value):
    _judge({**GOOD, field: value})


@settings(max_examples=300, deadline=None)
@given(st.sampled_from(VM_FIELDS), JSON_VALUES)
def test_any_json_value_in_any_vm_field_gives_a_sentence_or_a_plan(field, value):
    _judge({**GOOD, "vms": [{**GOOD["vms"][0], field: value}]})


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=200))
def test_any_text_as_a_plan_file_gives_a_sentence_or_a_plan(text):
    try:
        ReplicationPlan.from_json(text)
    except ValueError as exc:
        assert str(exc)
