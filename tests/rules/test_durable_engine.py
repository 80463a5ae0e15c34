"""The durable_rules embedding: safe, clean, repeatable (skipped where durable_rules does not
import, i.e. Python >= 3.13)."""

from __future__ import annotations

import json
import subprocess
import sys
import threading
from typing import Any

import pytest

from jiguan_core.examples.generated import generate_office
from jiguan_core.rules import check, durable_engine
from jiguan_core.rules.durable_engine import (
    DurableUnavailable,
    FactPattern,
    available,
    run_single_fact_patterns,
)
from tests._paths import REPO_ROOT

needs_durable = pytest.mark.skipif(
    not available(), reason="durable_rules does not import on this Python (>= 3.13)"
)
ROOT = REPO_ROOT

_STRESS = """
import json, gc
from jiguan_core.rules import check
from jiguan_core.examples.generated import generate_office

def rss_mb():
    with open("/proc/self/statm") as f:
        return int(f.read().split()[1]) * 4096 / 2**20

office = generate_office(activities=120, staff=30, seed=3)
expected = check(office).violations
sizes = []
for run in range(200):
    found = check(office, engine="durable").violations
    assert found == expected, run
    if run in (19, 199):
        gc.collect()
        sizes.append(rss_mb())
print(json.dumps({"after_20": sizes[0], "after_200": sizes[1], "violations": len(expected)}))
"""


@needs_durable
def test_two_hundred_evaluations_neither_crash_nor_grow_memory() -> None:
    """Run in a subprocess so a segfault is a failure, not a dead test run; RSS stays flat."""
    done = subprocess.run(
        [sys.executable, "-c", _STRESS],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=240,
        check=False,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    figures = json.loads(done.stdout.strip().splitlines()[-1])
    assert figures["violations"] > 0
    assert figures["after_200"] - figures["after_20"] < 20, figures


@needs_durable
def test_an_evaluation_leaves_no_ruleset_state_or_thread_behind() -> None:
    """The global registry and the private host are empty afterwards; no timer threads."""
    import durable.lang

    office = generate_office(activities=60, staff=20, seed=5)
    threads = threading.active_count()
    rulesets = len(durable_engine._host()._ruleset_list)
    check(office, engine="durable")
    check(office, engine="durable")
    assert len(durable_engine._host()._ruleset_list) == rulesets
    assert not any(name.startswith("jiguan_rules_") for name in durable.lang._rulesets)
    assert durable_engine._host()._ruleset_directory == {}
    assert threading.active_count() == threads


@needs_durable
def test_concurrent_evaluations_give_the_same_results() -> None:
    """Four threads at once: the process lock keeps every result right."""
    office = generate_office(activities=80, staff=20, seed=7)
    expected = check(office).violations
    results: list[object] = []

    def work() -> None:
        results.append(check(office, engine="durable").violations)

    workers = [threading.Thread(target=work) for _ in range(4)]
    for w in workers:
        w.start()
    for w in workers:
        w.join()
    assert results == [expected] * 4


@needs_durable
def test_an_exception_inside_an_action_reaches_the_caller() -> None:
    """durable_rules would swallow it into the state; the embedding re-raises it."""

    class Boom(Exception):
        pass

    def define(errors: list[BaseException]) -> None:
        import durable.lang as lang

        def explode(c: object) -> None:
            raise Boom("inside the action")

        lang.when_all((lang.m.t == 5) & (lang.m.g_ == 1))(durable_engine._guarded(explode, errors))

    with pytest.raises(Boom):
        durable_engine._run([{"t": 5}], define)


@needs_durable
def test_of_several_exceptions_the_first_raised_reaches_the_caller() -> None:
    """Two facts whose actions both fail: the exception of the action that ran first is the
    one raised (whichever order durable_rules runs them in)."""

    class Boom(Exception):
        pass

    ran: list[int] = []

    def define(errors: list[BaseException]) -> None:
        import durable.lang as lang

        def explode(c: Any) -> None:
            ran.append(c.m["n"])
            raise Boom(f"fact {c.m['n']}")

        lang.when_all((lang.m.t == 5) & (lang.m.g_ == 1))(durable_engine._guarded(explode, errors))

    with pytest.raises(Boom) as raised:
        durable_engine._run([{"t": 5, "n": 1}, {"t": 5, "n": 2}], define)
    assert sorted(ran) == [1, 2]
    assert str(raised.value) == f"fact {ran[0]}"
    assert durable_engine._host()._ruleset_directory == {}


@needs_durable
def test_the_generic_runner_matches_ints_and_strings_without_mixing_them() -> None:
    """'10' never equals 10 (durable_rules alone says it does); strings compare in order."""
    facts = [{"n": 10, "s": "b"}, {"n": "10", "s": "a"}, {"s": "c"}]
    patterns = [
        FactPattern(id="ten", conditions=(("n", "==", 10),)),
        FactPattern(id="after_a", conditions=(("s", ">", "a"),)),
    ]
    assert run_single_fact_patterns(facts, patterns) == {("ten", 0), ("after_a", 0), ("after_a", 2)}


@needs_durable
@pytest.mark.parametrize(
    "facts",
    [[{"n": 2**63}], [{"n": -(2**63)}], [{"n": 1.5}], [{"n": True}], ["not a mapping"], [{1: 2}]],
)
def test_the_generic_runner_refuses_values_durable_rules_would_mishandle(facts) -> None:
    """Ints beyond int64, floats, bools, non-mappings: refused before reaching C."""
    from jiguan_core.errors import InvalidValue

    with pytest.raises(InvalidValue):
        run_single_fact_patterns(facts, [FactPattern(id="p", conditions=(("n", "==", 1),))])


def test_a_bad_fact_pattern_is_refused() -> None:
    """Operators outside == != < <= > >=, float or bool values and non-string field names are
    errors."""
    from jiguan_core.errors import InvalidValue

    with pytest.raises(InvalidValue):
        FactPattern(id="p", conditions=(("n", "~", 1),))
    with pytest.raises(InvalidValue):
        FactPattern(id="p", conditions=(("n", "==", 1.5),))
    with pytest.raises(InvalidValue):
        FactPattern(id="p", conditions=(("n", "==", True),))
    with pytest.raises(InvalidValue):
        FactPattern(id="p", conditions=((1, "==", 1),))  # type: ignore[arg-type]


def test_without_durable_rules_the_engine_says_how_to_get_it(monkeypatch) -> None:
    """Simulated Python >= 3.13: a DurableUnavailable naming the extra, not an ImportError trace."""
    monkeypatch.setattr(durable_engine, "_IMPORT_ERROR", ImportError("undefined symbol"))
    with pytest.raises(DurableUnavailable, match=r"jiguan-core\[durable\]"):
        check(generate_office(activities=5, staff=10), engine="durable")


def test_the_default_engine_never_imports_durable_rules() -> None:
    """A fresh interpreter checking with the default engine has no durable module loaded."""
    code = (
        "import sys\n"
        "from jiguan_core.rules import check\n"
        "from jiguan_core.examples.office import sample_office\n"
        "check(sample_office())\n"
        "print(any(m.startswith('durable') for m in sys.modules))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, check=True
    )
    assert done.stdout.strip() == "False"


@needs_durable
def test_the_generic_runner_accepts_pattern_objects_of_another_shape() -> None:
    """Objects with .id and .as_tuples(), or .conditions of (.field, .op, .value), work as-is."""

    class Condition:
        def __init__(self, field: str, op: str, value: int | str) -> None:
            self.field, self.op, self.value = field, op, value

    class ByConditions:
        id = "low"
        conditions = (Condition("n", "<", 3),)

    class ByTuples:
        id = "high"

        def as_tuples(self) -> tuple[tuple[str, str, int], ...]:
            return (("n", ">=", 3),)

    found = run_single_fact_patterns([{"n": 1}, {"n": 5}], [ByConditions(), ByTuples()])
    assert found == {("low", 0), ("high", 1)}


@needs_durable
@pytest.mark.parametrize(
    ("op", "matching"),
    [("==", {1}), ("!=", {0, 2}), ("<", {0}), ("<=", {0, 1}), (">", {2}), (">=", {1, 2})],
)
def test_the_generic_runner_compares_with_each_operator(op: str, matching: set[int]) -> None:
    """Facts n = 1, 2, 3 against 2: each operator picks exactly the facts Python's would."""
    facts = [{"n": 1}, {"n": 2}, {"n": 3}]
    found = run_single_fact_patterns(facts, [FactPattern(id="p", conditions=(("n", op, 2),))])
    assert found == {("p", index) for index in matching}


@needs_durable
def test_the_generic_runner_takes_as_many_fields_as_fit_and_no_more() -> None:
    """120 distinct fields fit a durable_rules fact; 121 are refused before reaching C."""
    from jiguan_core.errors import InvalidValue

    pattern = FactPattern(id="p", conditions=(("f0", "==", 0),))
    fitting = {f"f{n}": n for n in range(120)}
    assert run_single_fact_patterns([fitting], [pattern]) == {("p", 0)}
    with pytest.raises(InvalidValue, match="120"):
        run_single_fact_patterns([{**fitting, "f120": 120}], [pattern])


@needs_durable
def test_a_pattern_object_whose_id_is_not_a_string_is_refused() -> None:
    """An object with conditions but an int id is an InvalidValue naming ``patterns``."""
    from jiguan_core.errors import InvalidValue

    class NumberedPattern:
        id = 7

        def as_tuples(self) -> tuple[tuple[str, str, int], ...]:
            return (("n", "==", 1),)

    with pytest.raises(InvalidValue, match="patterns"):
        run_single_fact_patterns([{"n": 1}], [NumberedPattern()])


@needs_durable
def test_a_meeting_ending_when_the_same_peoples_meeting_starts_is_no_clash() -> None:
    """Touching is not overlapping in the durable engine either: no SCHED-COORD-PERSON clash."""
    import attrs

    from jiguan_core.examples.office import sample_office
    from jiguan_core.time import TimeSpan

    office = sample_office()
    meeting = next(a for a in office.activities if a.id == "a002")
    before = attrs.evolve(
        meeting,
        id="zz-before",
        span=TimeSpan(meeting.span.start.subtract(hours=1), meeting.span.start),
        room_id=None,
    )
    report = check(office, activities=[meeting, before], absences=[], engine="durable")
    assert report.violations == check(office, activities=[meeting, before], absences=[]).violations
    assert not [v for v in report.violations if v.part == "SCHED-COORD-PERSON/clash"]
