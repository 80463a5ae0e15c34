"""A verifier test per scheduling rule: given these facts, the rule finds n; at its edge, none.

Each test runs one rule through :func:`jiguan_core.verifier.verify`, on both engines where
durable_rules is installed.
"""

from __future__ import annotations

import datetime as dt
import importlib.util

import pytest

from jiguan_core.activity import ActivityKind
from jiguan_core.policy import Blackout, Policy
from jiguan_core.text import Text
from jiguan_core.time import TimeSpan
from jiguan_core.verifier import verify
from tests.rules._builders import LEADERS, OFFICE, ROLE, act, at, away

TUESDAY = dt.date(2025, 3, 4)
ENGINES = [
    "python",
    pytest.param(
        "durable",
        marks=pytest.mark.skipif(
            importlib.util.find_spec("durable") is None, reason="durable_rules is not installed"
        ),
    ),
]


@pytest.mark.parametrize("engine", ENGINES)
class TestSCH1:
    def test_a_person_in_two_overlapping_meetings_is_found_once(self, engine: str) -> None:
        a = act("m1", people=("s00004", "s00005"))
        b = act("m2", start=10, end=12, people=("s00005",))
        verify("SCHED-COORD-PERSON", engine=engine).given(
            OFFICE, activities=[a, b], absences=[]
        ).finds(1).about("staff", "s00005")

    def test_meetings_that_only_touch_do_not_clash(self, engine: str) -> None:
        a = act("m1", people=("s00005",))
        b = act("m2", start=11, end=12, people=("s00005",))
        verify("SCHED-COORD-PERSON", engine=engine).given(
            OFFICE, activities=[a, b], absences=[]
        ).finds_nothing()

    def test_a_meeting_during_ones_own_leave_is_found_unless_switched_off(
        self, engine: str
    ) -> None:
        a = act("m1", people=("s00005",))
        leave = [away("ab1", "s00005", TUESDAY)]
        verify("SCHED-COORD-PERSON", engine=engine).given(
            OFFICE, activities=[a], absences=leave
        ).finds(1)
        off = Policy(overrides={"SCHED-COORD-PERSON": {"include_absences": False}})
        verify("SCHED-COORD-PERSON", policy=off, engine=engine).given(
            OFFICE, activities=[a], absences=leave
        ).finds_nothing()


@pytest.mark.parametrize("engine", ENGINES)
class TestSCH2:
    def test_two_trips_to_one_place_closer_than_the_spacing_pile_up(self, engine: str) -> None:
        one = act("t1", kind=ActivityKind.RESEARCH, place="甲县")
        two = act("t2", kind=ActivityKind.RESEARCH, place="甲县", day=dt.date(2025, 3, 14))
        verify("SCHED-COORD-TRIPS", engine=engine).given(
            OFFICE, activities=[one, two], absences=[]
        ).finds(1)

    def test_trips_exactly_the_spacing_apart_do_not_pile_up(self, engine: str) -> None:
        """10 days apart with days=10 is allowed: the gap must be less than the parameter."""
        one = act("t1", kind=ActivityKind.RESEARCH, place="甲县", end=11)
        two = act("t2", kind=ActivityKind.RESEARCH, place="甲县", day=dt.date(2025, 3, 15))
        at_edge = Policy(overrides={"SCHED-COORD-TRIPS": {"days": 10}})
        verify("SCHED-COORD-TRIPS", policy=at_edge, engine=engine).given(
            OFFICE, activities=[one, two], absences=[]
        ).finds_nothing()
        beyond = Policy(overrides={"SCHED-COORD-TRIPS": {"days": 12}})
        verify("SCHED-COORD-TRIPS", policy=beyond, engine=engine).given(
            OFFICE, activities=[one, two], absences=[]
        ).finds(1)


@pytest.mark.parametrize("engine", ENGINES)
class TestSCH3:
    def test_a_and_b_of_a_post_away_at_once_is_found(self, engine: str) -> None:
        trip = act("t1", kind=ActivityKind.RESEARCH, people=(ROLE.b_id,))
        verify("SCHED-DEV-AB", engine=engine).given(
            OFFICE, activities=[trip], absences=[away("ab1", ROLE.a_id, TUESDAY)]
        ).finds(1).about("post", ROLE.post_id)

    def test_b_in_an_on_site_meeting_still_covers(self, engine: str) -> None:
        meeting = act("m1", people=(ROLE.b_id,))
        verify("SCHED-DEV-AB", engine=engine).given(
            OFFICE, activities=[meeting], absences=[away("ab1", ROLE.a_id, TUESDAY)]
        ).finds_nothing()


@pytest.mark.parametrize("engine", ENGINES)
class TestSCH4:
    def test_two_leaders_in_overlapping_activities_clash(self, engine: str) -> None:
        a = act("m1", leaders=(LEADERS[0],))
        b = act("m2", leaders=(LEADERS[1],), start=10, end=12)
        verify("SCHED-LEADERS-MEETINGS", engine=engine).given(
            OFFICE, activities=[a, b], absences=[]
        ).finds(1)

    def test_fewer_leaders_on_duty_than_the_minimum_on_a_working_day(self, engine: str) -> None:
        """Three leaders away on a Tuesday: one finding; min_on_duty=0 finds nothing."""
        absences = [away(f"ab{i}", p, TUESDAY) for i, p in enumerate(LEADERS)]
        verify("SCHED-LEADERS-MEETINGS", engine=engine).given(
            OFFICE, activities=[], absences=absences
        ).finds(1)
        none_needed = Policy(overrides={"SCHED-LEADERS-MEETINGS": {"min_on_duty": 0}})
        verify("SCHED-LEADERS-MEETINGS", policy=none_needed, engine=engine).given(
            OFFICE, activities=[], absences=absences
        ).finds_nothing()


@pytest.mark.parametrize("engine", ENGINES)
class TestSCH5:
    def test_a_room_booked_twice_at_once_is_found(self, engine: str) -> None:
        a = act("m1", room="r001")
        b = act("m2", room="r001", start=10, end=12)
        verify("SCHED-COORD-ROOMS", engine=engine).given(
            OFFICE, activities=[a, b], absences=[]
        ).finds(1).about("room", "r001")

    def test_back_to_back_bookings_of_a_room_are_fine(self, engine: str) -> None:
        a = act("m1", room="r001")
        b = act("m2", room="r001", start=11, end=12)
        verify("SCHED-COORD-ROOMS", engine=engine).given(
            OFFICE, activities=[a, b], absences=[]
        ).finds_nothing()


@pytest.mark.parametrize("engine", ENGINES)
class TestSCH6:
    def test_a_meeting_on_a_public_holiday_is_found(self, engine: str) -> None:
        holiday = act("m1", day=dt.date(2025, 5, 1))
        verify("SCHED-C2-WORKDAYS", engine=engine).given(
            OFFICE, activities=[holiday], absences=[]
        ).finds(1)

    def test_a_meeting_on_a_swapped_working_sunday_is_fine(self, engine: str) -> None:
        swapped = act("m2", day=dt.date(2025, 4, 27))  # 调休: a working Sunday
        verify("SCHED-C2-WORKDAYS", engine=engine).given(
            OFFICE, activities=[swapped], absences=[]
        ).finds_nothing()

    def test_only_the_exempt_activity_may_fall_in_a_blackout(self, engine: str) -> None:
        plenary = act("p1", day=TUESDAY, start=9, end=18)
        other = act("m1", day=dt.date(2025, 3, 5))
        policy = Policy(
            blackouts=[
                Blackout(
                    id="plenary",
                    span=TimeSpan(at(TUESDAY, 0), at(dt.date(2025, 3, 7), 0)),
                    label=Text("全会", "plenary"),
                    exempt=["p1"],
                )
            ]
        )
        verify("SCHED-C2-WORKDAYS", policy=policy, engine=engine).given(
            OFFICE, activities=[plenary, other], absences=[]
        ).finds(1).about("activity", "m1")


@pytest.mark.parametrize("engine", ENGINES)
class TestSCH7:
    def _week(self, n: int) -> list[object]:
        return [
            act(f"m{i}", day=TUESDAY + dt.timedelta(days=i % 3), start=8 + 2 * i, end=9 + 2 * i)
            for i in range(n)
        ]

    def test_a_department_over_its_weekly_limit_is_found(self, engine: str) -> None:
        verify("SCHED-COORD-LOAD", engine=engine).given(
            OFFICE, activities=self._week(5), absences=[]
        ).finds(1)

    def test_a_department_at_its_weekly_limit_is_fine(self, engine: str) -> None:
        at_limit = Policy(overrides={"SCHED-COORD-LOAD": {"max_per_week": 5}})
        verify("SCHED-COORD-LOAD", policy=at_limit, engine=engine).given(
            OFFICE, activities=self._week(5), absences=[]
        ).finds_nothing()


@pytest.mark.parametrize("engine", ENGINES)
class TestSCH8:
    def _trips(self, n: int) -> list[object]:
        return [
            act(
                f"t{i}",
                kind=ActivityKind.RESEARCH,
                place=f"县{i}",
                leaders=(LEADERS[0],),
                day=dt.date(2025, 3, 3 + 7 * i),
            )
            for i in range(n)
        ]

    def test_a_leader_on_more_trips_in_a_month_than_allowed_is_found(self, engine: str) -> None:
        two = Policy(overrides={"SCHED-LEADERS-TRIPS": {"max_trips_per_month": 2}})
        verify("SCHED-LEADERS-TRIPS", policy=two, engine=engine).given(
            OFFICE, activities=self._trips(3), absences=[]
        ).finds(1).about("staff", LEADERS[0])

    def test_a_leader_at_the_monthly_limit_is_fine(self, engine: str) -> None:
        three = Policy(overrides={"SCHED-LEADERS-TRIPS": {"max_trips_per_month": 3}})
        verify("SCHED-LEADERS-TRIPS", policy=three, engine=engine).given(
            OFFICE, activities=self._trips(3), absences=[]
        ).finds_nothing()


@pytest.mark.parametrize("engine", ENGINES)
class TestSCH9:
    def _office(self, seats: int):  # type: ignore[no-untyped-def]
        import attrs

        rooms = [attrs.evolve(r, capacity=seats) if r.id == "r001" else r for r in OFFICE.rooms]
        return OFFICE.evolve(rooms=rooms)

    def test_more_attendees_than_seats_is_found(self, engine: str) -> None:
        meeting = act("m1", room="r001", people=("s00004", "s00005", "s00006"))
        verify("SCHED-COORD-CAPACITY", engine=engine).given(
            self._office(2), activities=[meeting], absences=[]
        ).finds(1).about("room", "r001")

    def test_a_full_room_is_fine_until_seats_are_kept_free(self, engine: str) -> None:
        """Three attendees in three seats fit; keeping one seat free for staff does not."""
        meeting = act("m1", room="r001", people=("s00004", "s00005", "s00006"))
        verify("SCHED-COORD-CAPACITY", engine=engine).given(
            self._office(3), activities=[meeting], absences=[]
        ).finds_nothing()
        spare = Policy(overrides={"SCHED-COORD-CAPACITY": {"extra_seats": 1}})
        verify("SCHED-COORD-CAPACITY", policy=spare, engine=engine).given(
            self._office(3), activities=[meeting], absences=[]
        ).finds(1)
