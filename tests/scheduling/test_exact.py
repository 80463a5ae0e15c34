"""The exact engine: schedule(..., engine="cpsat") on OR-Tools CP-SAT (the solver extra)."""

from __future__ import annotations

import datetime as dt
import sys

import pytest

from jiguan_core.errors import InvalidValue, MissingExtra
from jiguan_core.sample import sample_office
from jiguan_core.scheduling import schedule
from jiguan_core.scheduling.instances import generate_family
from tests._two_processes import two_runs
from tests.strategies_scheduling import at, hard_violations, meeting

pytest.importorskip("ortools", reason="the solver extra (OR-Tools) is not installed")


def test_the_exact_engine_proves_a_small_plan_optimal_and_breaks_no_hard_rule() -> None:
    instance = generate_family("over_subscribed", seed=1, requests=14)
    default = schedule(instance.office, instance.requests, calendar=instance.calendar)
    exact = schedule(instance.office, instance.requests, calendar=instance.calendar, engine="cpsat")
    assert exact.optimal is True
    assert exact.bound == exact.placed_weight
    assert exact.placed_weight >= default.placed_weight
    assert not hard_violations(instance.office, exact)
    assert default.optimal is None
    assert default.bound is None


def test_the_exact_engine_trades_one_long_meeting_for_two_short_ones() -> None:
    """One room, one free morning hour pair: two one-hour meetings beat one two-hour one."""
    window = {"earliest_start": at(4, 8, 8, 30), "latest_end": at(4, 8, 10, 30)}
    long = meeting(
        "long",
        rooms=("r-2",),
        participants=("s040",),
        duration=dt.timedelta(hours=2),
        priority=1,
        **window,
    )
    short = [
        meeting(f"short{i}", rooms=("r-2",), participants=(f"s04{i + 1}",), **window)
        for i in range(2)
    ]
    for engine in ("default", "cpsat"):
        plan = schedule(sample_office(), (long, *short), engine=engine)
        assert sorted(p.request_id for p in plan.placed) == ["short0", "short1"], engine


def test_an_unknown_engine_is_a_clear_error() -> None:
    with pytest.raises(InvalidValue, match="engine"):
        schedule(sample_office(), (meeting("m1"),), engine="gurobi")


def test_without_or_tools_the_exact_engine_says_how_to_install_it(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setitem(sys.modules, "ortools.sat.python.cp_model", None)
    with pytest.raises(MissingExtra, match=r"jiguan-core\[solver\]") as raised:
        schedule(sample_office(), (meeting("m1"),), engine="cpsat")
    assert raised.value.extra == "solver"
    assert "精确排程" in raised.value.render("zh")


def test_the_exact_engine_gives_the_same_plan_in_two_interpreters() -> None:
    """Two CP-SAT workers, interleaved deterministically: the same input gives the same plan in
    two interpreters with different hash seeds, and in this one."""
    code = (
        "from jiguan_core.scheduling import schedule\n"
        "from jiguan_core.scheduling.instances import generate_family\n"
        "i = generate_family('over_subscribed', seed=2, requests=30)\n"
        "plan = schedule(i.office, i.requests, calendar=i.calendar, engine='cpsat')\n"
        "for p in plan.placed: print(p.request_id, p.activity.span, p.activity.room_id)\n"
        "print(plan.optimal, plan.placed_weight)\n"
    )
    instance = generate_family("over_subscribed", seed=2, requests=30)
    plan = schedule(instance.office, instance.requests, calendar=instance.calendar, engine="cpsat")
    here = [f"{p.request_id} {p.activity.span} {p.activity.room_id}" for p in plan.placed]
    first, second = two_runs(code)
    assert first == second == "\n".join([*here, f"True {plan.placed_weight}"]) + "\n"
    assert plan.optimal is True
