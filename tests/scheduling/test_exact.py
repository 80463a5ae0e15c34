"""The exact engine: schedule(..., engine="cpsat") on OR-Tools CP-SAT (the solver extra)."""

from __future__ import annotations

import datetime as dt
import sys
from typing import Any

import pytest

from jiguan_core.activity import ActivityKind
from jiguan_core.errors import InvalidValue, MissingExtra
from jiguan_core.rule import Severity
from jiguan_core.rules import SchedulingPolicy, check
from jiguan_core.sample import sample_office
from jiguan_core.scheduling import ActivityRequest, schedule
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


def _trip(request_id: str, who: str, **changes: Any) -> ActivityRequest:
    """A one-day research trip to 岳池县 (no room)."""
    values: dict[str, Any] = {
        "kind": ActivityKind.RESEARCH,
        "duration": None,
        "days": 1,
        "rooms": (),
        "participants": (who,),
        "target_place": "岳池县",
    }
    values.update(changes)
    return meeting(request_id, **values)


def test_of_two_plans_placing_as_much_the_exact_engine_picks_the_one_without_a_penalty() -> None:
    """Two trips to one place: the second may go on 8 April beside the first (a medium
    SCHED-COORD-TRIPS penalty, what CP-SAT's placement solve alone chooses) or 30 days later.
    With no hint from the default engine (max_iterations=0), the second solve moves it."""
    requests = (
        _trip("a", "s042", earliest_start=at(4, 8), latest_end=at(4, 8, 17, 30)),
        _trip("b", "s043", earliest_start=at(4, 8), latest_end=at(5, 30, 17, 30)),
    )
    plan = schedule(sample_office(), requests, engine="cpsat", max_iterations=0)
    assert sorted(p.request_id for p in plan.placed) == ["a", "b"]
    assert plan.optimal is True
    assert (plan.score.medium, plan.score.soft) == (0, 0)
    first, second = sorted(p.activity.span.start for p in plan.placed)
    assert (second - first).in_days() >= 30


def test_trips_to_one_place_made_hard_keep_the_gap_in_the_exact_engine() -> None:
    """SCHED-COORD-TRIPS hard: the gap is a constraint, the penalty is gone from the objective."""
    requests = (
        _trip("a", "s042", earliest_start=at(4, 8), latest_end=at(4, 8, 17, 30)),
        _trip("b", "s043", earliest_start=at(4, 8), latest_end=at(5, 30, 17, 30)),
    )
    policy = SchedulingPolicy(levels={"SCHED-COORD-TRIPS": Severity.HARD})
    plan = schedule(sample_office(), requests, policy=policy, engine="cpsat", max_iterations=0)
    first, second = sorted(p.activity.span.start for p in plan.placed)
    assert (second - first).in_days() >= 30


def test_a_weekly_count_made_hard_is_a_constraint_of_the_exact_engine() -> None:
    """SCHED-COORD-LOAD hard at one activity per department and week: of three d-agri
    meetings that may only go in the week of 7 April (no fixed d-agri activity there), one."""
    policy = SchedulingPolicy(
        levels={"SCHED-COORD-LOAD": Severity.HARD},
        overrides={"SCHED-COORD-LOAD": {"max_per_week": 1}},
    )
    requests = tuple(meeting(f"m{i}", participants=(f"s04{i}",)) for i in range(3))
    plan = schedule(sample_office(), requests, policy=policy, engine="cpsat", max_iterations=0)
    # modelled, not left to the safety net: the bound knows only one fits
    assert len(plan.placed) == 1
    assert (plan.optimal, plan.bound) == (True, 1)
    office = sample_office()
    before = check(office, policy=policy).violations
    after = check(office, activities=(*office.activities, *plan.activities), policy=policy)
    assert not {v for v in after.violations if v.level is Severity.HARD} - set(before)


def test_a_monthly_trip_count_made_hard_is_a_constraint_of_the_exact_engine() -> None:
    """SCHED-LEADERS-TRIPS hard at one trip per leadership member and month: two May trips
    with the same leader (named in one, "any 1" of a pool of one in the other), one placed."""
    policy = SchedulingPolicy(
        levels={"SCHED-LEADERS-TRIPS": Severity.HARD},
        overrides={"SCHED-LEADERS-TRIPS": {"max_trips_per_month": 1}},
    )
    may = {"earliest_start": at(5, 6), "latest_end": at(5, 16, 17, 30)}
    requests = (
        _trip("named", "s042", leaders=("s003",), **may),
        _trip("other", "s043", target_place="武胜县", leaders=("s003",), **may),
    )
    plan = schedule(sample_office(), requests, policy=policy, engine="cpsat", max_iterations=0)
    assert len(plan.placed) == 1
    assert (plan.optimal, plan.bound) == (True, 1)
    office = sample_office()
    before = check(office, policy=policy).violations
    after = check(office, activities=(*office.activities, *plan.activities), policy=policy)
    assert not {v for v in after.violations if v.level is Severity.HARD} - set(before)


def test_daily_leadership_coverage_made_hard_is_refused_by_the_exact_engine() -> None:
    policy = SchedulingPolicy(levels={"SCHED-LEADERS-MEETINGS": Severity.HARD})
    with pytest.raises(InvalidValue, match="min_on_duty") as raised:
        schedule(sample_office(), (meeting("m1"),), policy=policy, engine="cpsat")
    assert "在岗" in raised.value.render("zh")
    # the default engine confirms it with the checker; without coverage the exact engine runs
    assert schedule(sample_office(), (meeting("m1"),), policy=policy).placed
    no_coverage = SchedulingPolicy(
        levels={"SCHED-LEADERS-MEETINGS": Severity.HARD},
        overrides={"SCHED-LEADERS-MEETINGS": {"min_on_duty": 0}},
    )
    plan = schedule(sample_office(), (meeting("m1"),), policy=no_coverage, engine="cpsat")
    assert [p.request_id for p in plan.placed] == ["m1"]
