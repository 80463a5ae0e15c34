"""No test can pass without checking anything: tools/weak_tests.py finds none in tests/, and it
finds each kind of weak test it names when one is written."""

from __future__ import annotations

from pathlib import Path

from tools.weak_tests import weak_tests

from tests._paths import REPO_ROOT


def test_no_test_in_the_suite_can_pass_without_checking() -> None:
    """A listed test asserts nothing, only in a loop or branch that may not run, returns early,
    compares a call with itself or asserts ``a or b`` in a property: fix it or say why inline."""
    found = weak_tests([REPO_ROOT / "tests"])
    assert [str(w) for w in found] == []


_WEAK = """
import pytest


def helper_that_checks(x):
    assert x


def test_asserts_nothing():
    sum([1, 2])


def test_asserts_only_in_a_loop(items=()):
    for item in items:
        assert item


def test_asserts_only_in_a_branch(flag=False):
    if flag:
        assert flag


def test_returns_before_checking(items=()):
    if not items:
        return
    assert items


def test_compares_a_call_with_itself():
    assert sorted([2, 1]) == sorted([2, 1])


class TestGrouped:
    def test_asserts_nothing_either(self):
        pass
"""

_STRONG = """
import pytest


def helper_that_checks(x):
    assert x


def test_asserts():
    assert sorted([2, 1]) == [1, 2]


def test_asserts_in_a_loop_over_a_literal():
    for x in (1, 2):
        assert x


def test_asserts_in_try_finally():
    try:
        assert True
    finally:
        pass


def test_raises():
    with pytest.raises(ZeroDivisionError):
        1 / 0


def test_calls_a_helper_that_checks():
    helper_that_checks(1)


def test_checks_the_early_case_before_returning(items=()):
    if not items:
        assert items == ()
        return
    assert items


def test_tests_a_cache():
    assert sorted is sorted


def test_said_why():
    sum([1, 2])  # weak-tests: running is the point here
"""


def _found(tmp_path: Path, name: str, source: str) -> list[tuple[str, str]]:
    path = tmp_path / name
    path.write_text(source, encoding="utf-8")
    return [(w.name, w.kind) for w in weak_tests([tmp_path])]


def test_each_kind_of_weak_test_is_listed(tmp_path: Path) -> None:
    assert _found(tmp_path, "test_weak.py", _WEAK) == [
        ("test_asserts_nothing", "no-check"),
        ("test_asserts_only_in_a_loop", "no-check"),
        ("test_asserts_only_in_a_branch", "no-check"),
        ("test_returns_before_checking", "early-return"),
        ("test_compares_a_call_with_itself", "self-comparison"),
        ("TestGrouped.test_asserts_nothing_either", "no-check"),
    ]


def test_tests_that_check_on_every_run_are_not_listed(tmp_path: Path) -> None:
    assert _found(tmp_path, "test_strong.py", _STRONG) == []


def test_an_or_in_a_property_is_listed_and_elsewhere_not(tmp_path: Path) -> None:
    source = "def test_either(a=1, b=0):\n    assert a or b\n"
    assert _found(tmp_path, "test_x_properties.py", source) == [("test_either", "or-skippable")]
    (tmp_path / "test_x_properties.py").unlink()
    assert _found(tmp_path, "test_x.py", source) == []
