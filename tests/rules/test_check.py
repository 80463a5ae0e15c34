"""Each scheduling rule on hand-made calendars: what is found, what is not, and how it reads."""

from __future__ import annotations

import datetime as dt

import pytest

from jiguan_core.activity import ActivityKind
from jiguan_core.rule import Severity
from jiguan_core.rules import Blackout, SchedulingPolicy, check
from jiguan_core.text import Text
from jiguan_core.time import TimeSpan
from tests._paths import REPO_ROOT
from tests._two_processes import two_runs
from tests.rules._builders import LEADERS, OFFICE, ROLE, act, at, away

TUESDAY = dt.date(2025, 3, 4)


def parts(report) -> list[str]:
    return [v.part for v in report.violations]


def test_a_person_in_two_overlapping_meetings_is_a_hard_clash() -> None:
    """SCHED-COORD-PERSON: one violation per double-booked person, naming the person and both activities."""
    a = act("m1", people=("s00004", "s00005"))
    b = act("m2", start=10, end=12, people=("s00005",))
    report = check(OFFICE, activities=[a, b], absences=[])
    (v,) = report.violations
    assert (v.rule_id, v.part, v.level) == (
        "SCHED-COORD-PERSON",
        "SCHED-COORD-PERSON/clash",
        Severity.HARD,
    )
    assert v.activity_ids == ("m1", "m2")
    assert v.staff_ids == ("s00005",)
    assert v.day == TUESDAY
    assert "m1" in v.message.zh
    assert "m2" in v.message.en
    assert "s00005" in v.message.en


def test_meetings_that_only_touch_do_not_clash() -> None:
    """Half-open spans: 9-11 and 11-12 share no instant."""
    a = act("m1", people=("s00005",))
    b = act("m2", start=11, end=12, people=("s00005",))
    assert check(OFFICE, activities=[a, b], absences=[]).violations == ()


def test_an_activity_during_the_persons_own_absence_is_a_clash() -> None:
    """SCHED-COORD-PERSON/absent names the absence; switching include_absences off drops it."""
    a = act("m1", people=("s00005",))
    report = check(OFFICE, activities=[a], absences=[away("ab1", "s00005", TUESDAY)])
    assert parts(report) == ["SCHED-COORD-PERSON/absent"]
    assert report.violations[0].absence_ids == ("ab1",)
    off = SchedulingPolicy(overrides={"SCHED-COORD-PERSON": {"include_absences": False}})
    assert (
        check(
            OFFICE, activities=[a], absences=[away("ab1", "s00005", TUESDAY)], policy=off
        ).violations
        == ()
    )


def test_two_trips_to_one_place_within_thirty_days_pile_up() -> None:
    """SCHED-COORD-TRIPS: 10 days apart piles up; 40 days apart does not; days=5 relaxes it."""
    one = act("t1", kind=ActivityKind.RESEARCH, place="甲县")
    two = act("t2", kind=ActivityKind.RESEARCH, place="甲县", day=dt.date(2025, 3, 14))
    far = act("t3", kind=ActivityKind.RESEARCH, place="甲县", day=dt.date(2025, 4, 24))
    other = act("t4", kind=ActivityKind.INSPECTION, place="乙县", day=dt.date(2025, 3, 5))
    report = check(OFFICE, activities=[one, two, far, other], absences=[])
    assert [(v.part, v.activity_ids, v.place) for v in report.violations] == [
        ("SCHED-COORD-TRIPS/pile_up", ("t1", "t2"), "甲县")
    ]
    assert report.violations[0].level is Severity.MEDIUM
    relaxed = SchedulingPolicy(overrides={"SCHED-COORD-TRIPS": {"days": 5}})
    assert check(OFFICE, activities=[one, two], absences=[], policy=relaxed).violations == ()


def test_a_and_b_of_a_post_away_at_once_is_a_gap() -> None:
    """SCHED-DEV-AB: A on leave while B is on an off-site trip; the post and both people are named."""
    trip = act("t1", kind=ActivityKind.RESEARCH, people=(ROLE.b_id,))
    report = check(OFFICE, activities=[trip], absences=[away("ab1", ROLE.a_id, TUESDAY)])
    (v,) = report.of_rule("SCHED-DEV-AB")
    assert v.post_id == ROLE.post_id
    assert v.staff_ids == tuple(sorted((ROLE.a_id, ROLE.b_id)))
    assert (v.activity_ids, v.absence_ids, v.refs) == (("t1",), ("ab1",), ("ab1", "t1"))


def test_an_on_site_meeting_does_not_take_b_away() -> None:
    """SCHED-DEV-AB counts only off-site activities as away."""
    meeting = act("m1", people=(ROLE.b_id,))
    report = check(OFFICE, activities=[meeting], absences=[away("ab1", ROLE.a_id, TUESDAY)])
    assert report.of_rule("SCHED-DEV-AB") == ()


def test_leadership_activities_with_different_leaders_must_not_overlap() -> None:
    """SCHED-LEADERS-MEETINGS/parallel: two leaders in two overlapping activities; the same leader is SCHED-COORD-PERSON only."""
    a = act("m1", leaders=(LEADERS[0],))
    b = act("m2", leaders=(LEADERS[1],), start=10, end=12)
    c = act("m3", leaders=(LEADERS[0],), start=10, end=12, day=dt.date(2025, 3, 5))
    d = act("m4", leaders=(LEADERS[0],), start=9, end=11, day=dt.date(2025, 3, 5))
    policy = SchedulingPolicy(disabled=["SCHED-COORD-LOAD"])
    report = check(OFFICE, activities=[a, b, c, d], absences=[], policy=policy)
    assert [(v.part, v.activity_ids) for v in report.violations] == [
        ("SCHED-COORD-PERSON/clash", ("m3", "m4")),
        ("SCHED-LEADERS-MEETINGS/parallel", ("m1", "m2")),
    ]


def test_a_working_day_without_a_leadership_member_on_duty_is_reported() -> None:
    """SCHED-LEADERS-MEETINGS/on_duty: all three leaders away on a Tuesday; a Saturday is not checked."""
    absences = [away(f"ab{i}", p, TUESDAY, dt.date(2025, 3, 8)) for i, p in enumerate(LEADERS)]
    report = check(OFFICE, activities=[], absences=absences)
    days = [v.day for v in report.of_rule("SCHED-LEADERS-MEETINGS")]
    assert days == [dt.date(2025, 3, d) for d in (4, 5, 6, 7)]
    assert report.of_rule("SCHED-LEADERS-MEETINGS")[0].penalty == 1
    stricter = SchedulingPolicy(overrides={"SCHED-LEADERS-MEETINGS": {"min_on_duty": 3}})
    two_away = check(OFFICE, activities=[], absences=absences[:2], policy=stricter)
    assert {v.penalty for v in two_away.of_rule("SCHED-LEADERS-MEETINGS")} == {2}


def test_a_room_booked_twice_at_once_is_double_booked() -> None:
    """SCHED-COORD-ROOMS names the room and both meetings."""
    a = act("m1", room="r001")
    b = act("m2", room="r001", start=10, end=12)
    c = act("m3", room="r002", start=10, end=12)
    report = check(OFFICE, activities=[a, b, c], absences=[])
    (v,) = report.violations
    assert (v.part, v.room_id, v.activity_ids) == (
        "SCHED-COORD-ROOMS/double_booked",
        "r001",
        ("m1", "m2"),
    )


def test_a_meeting_on_a_public_holiday_breaks_the_working_day_rule() -> None:
    """SCHED-C2-WORKDAYS: 1 May 2025 is a holiday; 27 April 2025 (a Sunday) is a working day (调休)."""
    holiday = act("m1", day=dt.date(2025, 5, 1))
    swapped = act("m2", day=dt.date(2025, 4, 27))
    volunteer = act("v1", day=dt.date(2025, 5, 1), kind=ActivityKind.VOLUNTEER)
    report = check(OFFICE, activities=[holiday, swapped, volunteer], absences=[])
    assert [(v.part, v.activity_ids, v.day) for v in report.violations] == [
        ("SCHED-C2-WORKDAYS/non_working_day", ("m1",), dt.date(2025, 5, 1))
    ]
    only_meetings = SchedulingPolicy(overrides={"SCHED-C2-WORKDAYS": {"kinds": "volunteer"}})
    found = check(OFFICE, activities=[holiday, volunteer], absences=[], policy=only_meetings)
    assert [v.activity_ids for v in found.violations] == [("v1",)]


def test_nothing_may_fall_in_a_blackout_except_what_it_exempts() -> None:
    """SCHED-C2-WORKDAYS/blackout: the plenary period blocks other activities, not the plenary itself."""
    plenary = act("p1", day=TUESDAY, start=9, end=18)
    other = act("m1", day=dt.date(2025, 3, 5))
    policy = SchedulingPolicy(
        blackouts=[
            Blackout(
                id="plenary",
                span=TimeSpan(at(TUESDAY, 0), at(dt.date(2025, 3, 7), 0)),
                label=Text("全会", "plenary"),
                exempt=["p1"],
            )
        ]
    )
    report = check(OFFICE, activities=[plenary, other], absences=[], policy=policy)
    (v,) = report.violations
    assert (v.part, v.activity_ids, v.blackout_id) == (
        "SCHED-C2-WORKDAYS/blackout",
        ("m1",),
        "plenary",
    )
    assert "全会" in v.message.zh
    assert "plenary" in v.message.en


def test_a_department_with_too_many_activities_in_a_week_is_a_soft_violation() -> None:
    """SCHED-COORD-LOAD: five activities in one week with K=3 cost 2 soft points."""
    acts = [
        act(f"m{i}", day=TUESDAY + dt.timedelta(days=i % 3), start=8 + 2 * i, end=9 + 2 * i)
        for i in range(5)
    ]
    report = check(OFFICE, activities=acts, absences=[])
    (v,) = report.of_rule("SCHED-COORD-LOAD")
    assert (v.level, v.penalty, v.department_id, v.day) == (
        Severity.SOFT,
        2,
        "d001",
        dt.date(2025, 3, 3),
    )
    assert report.score.soft == 2
    assert report.is_feasible


def test_a_leader_on_too_many_trips_in_a_month_is_a_soft_violation() -> None:
    """SCHED-LEADERS-TRIPS: three trips in March with M=2."""
    trips = [
        act(
            f"t{i}",
            kind=ActivityKind.RESEARCH,
            place=f"县{i}",
            leaders=(LEADERS[0],),
            day=dt.date(2025, 3, 3 + 7 * i),
        )
        for i in range(3)
    ]
    policy = SchedulingPolicy(overrides={"SCHED-LEADERS-TRIPS": {"max_trips_per_month": 2}})
    (v,) = check(OFFICE, activities=trips, absences=[], policy=policy).of_rule(
        "SCHED-LEADERS-TRIPS"
    )
    assert (v.staff_ids, v.penalty, v.day) == ((LEADERS[0],), 1, dt.date(2025, 3, 1))


def test_a_switched_off_rule_reports_nothing_and_is_marked_off() -> None:
    """disabled=SCHED-COORD-PERSON drops the clash; the summary says the rule is off."""
    a = act("m1", people=("s00005",))
    b = act("m2", start=10, end=12, people=("s00005",))
    report = check(
        OFFICE,
        activities=[a, b],
        absences=[],
        policy=SchedulingPolicy(disabled=["SCHED-COORD-PERSON"]),
    )
    assert report.violations == ()
    assert [s.enabled for s in report.summary if s.rule_id == "SCHED-COORD-PERSON"] == [False]


def test_the_report_scores_and_renders_in_both_languages() -> None:
    """Summary per rule, score per level, feasibility, and rendering."""
    a = act("m1", people=("s00005",), room="r001")
    b = act("m2", start=10, end=12, people=("s00005",), room="r001")
    report = check(OFFICE, activities=[a, b], absences=[])
    assert str(report.score) == "-2hard/0medium/0soft"
    assert report.score.render("zh") == "硬 -2 / 中 0 / 软 0"
    assert not report.is_feasible
    counts = {s.rule_id: s.count for s in report.summary}
    assert counts["SCHED-COORD-PERSON"] == 1
    assert counts["SCHED-COORD-ROOMS"] == 1
    assert len(counts) == 9
    assert "硬约束" in report.render("zh")
    assert "hard" in report.render("en")


def test_the_sample_office_has_conflicts_reported_in_a_stable_order() -> None:
    """Two interpreters with different hash seeds report the sample's violations in the same
    order as this one; each exactly once."""
    from jiguan_core.examples.office import sample_office

    first = check(sample_office()).violations
    one, two = two_runs(
        "from jiguan_core.examples.office import sample_office\n"
        "from jiguan_core.rules import check\n"
        "for v in check(sample_office()).violations: print(v.rule_id, v.part, v.day, v.key)\n"
    )
    assert one == two == "".join(f"{v.rule_id} {v.part} {v.day} {v.key}\n" for v in first)
    assert len({v.key for v in first}) == len(first)
    assert {
        "SCHED-COORD-PERSON",
        "SCHED-COORD-TRIPS",
        "SCHED-DEV-AB",
        "SCHED-LEADERS-MEETINGS",
    } <= {v.rule_id for v in first}
    assert list(first) == sorted(first, key=lambda v: v.key)


def test_the_sample_ab_gap_in_late_may_is_found() -> None:
    """The sample puts A and B of the first AB role away on 26-28 May 2025."""
    from jiguan_core.examples.office import sample_office

    office = sample_office()
    role = office.ab_roles[0]
    days = {v.day for v in check(office).of_rule("SCHED-DEV-AB") if v.post_id == role.post_id}
    assert dt.date(2025, 5, 26) in days


@pytest.mark.parametrize("engine", ["fast", "", None])
def test_an_unknown_engine_is_a_clear_error(engine) -> None:
    """Only 'python' and 'durable' exist."""
    from jiguan_core.errors import JiguanError

    with pytest.raises(JiguanError, match="engine"):
        check(OFFICE, activities=[], engine=engine)


def test_a_violations_message_survives_later_changes_and_pickling() -> None:
    """Messages are rendered lazily, but what the checker returned keeps its words."""
    import pickle

    import attrs

    from jiguan_core.rules import IncrementalChecker

    first = act("m1", people=("s00005",))
    checker = IncrementalChecker(OFFICE.evolve(activities=[first]))
    (v,) = checker.add(act("m2", start=10, end=12, people=("s00005",)))
    checker.add(attrs.evolve(first, title="改名后的活动"))
    assert "活动m1" in v.message.zh
    again = pickle.loads(
        pickle.dumps(
            check(
                OFFICE, activities=[first, act("m2", people=("s00005",))], absences=[]
            ).violations[0]
        )
    )
    assert "m2" in again.message.en


def test_a_violation_needs_a_message() -> None:
    """Neither message nor explain: refused."""
    from jiguan_core.errors import InvalidValue
    from jiguan_core.rules import Violation

    with pytest.raises(InvalidValue, match="message"):
        Violation(
            rule_id="SCHED-COORD-PERSON", part="SCHED-COORD-PERSON/clash", level=Severity.HARD
        )


def test_the_enabled_rules_of_a_report_do_not_depend_on_the_hash_seed() -> None:
    """Report.enabled iterates and prints in id order under any PYTHONHASHSEED, and still
    compares equal to a frozenset (compatible)."""
    import os
    import subprocess
    import sys

    script = (
        "from jiguan_core.rules import check\n"
        "from tests.rules._builders import OFFICE\n"
        "report = check(OFFICE)\n"
        "print(list(report.enabled), repr(report.enabled))\n"
    )
    outputs = set()
    root = REPO_ROOT
    for seed in ("1", "2"):
        environment = {**os.environ, "PYTHONHASHSEED": seed}
        done = subprocess.run(
            [sys.executable, "-c", script],
            capture_output=True,
            text=True,
            env=environment,
            cwd=root,
            check=True,
        )
        outputs.add(done.stdout)
    assert len(outputs) == 1
    report = check(OFFICE)
    assert list(report.enabled) == sorted(report.enabled)
    assert report.enabled == frozenset(report.enabled)


def test_generate_office_is_reachable_from_the_rules_package_and_nothing_else_is() -> None:
    """``jiguan_core.rules.generate_office`` is the generator, imported on first use; another
    missing name is an AttributeError naming it."""
    import jiguan_core.rules as rules_package
    from jiguan_core.examples.generated import generate_office

    assert rules_package.generate_office is generate_office
    with pytest.raises(AttributeError, match="no_such_name"):
        rules_package.no_such_name  # noqa: B018
