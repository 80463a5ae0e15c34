"""The scheduler on small, hand-made situations in the sample office (April 2025)."""

from __future__ import annotations

import datetime as dt
import itertools

import attrs
import pytest

from jiguan_core.absence import Absence, AbsenceKind
from jiguan_core.activity import Activity, ActivityKind
from jiguan_core.examples.office import sample_office
from jiguan_core.examples.scheduling import demo_lines
from jiguan_core.organization import Organization
from jiguan_core.rule import Severity
from jiguan_core.rules import Blackout, SchedulingPolicy
from jiguan_core.scheduling import replan, schedule
from jiguan_core.text import Text
from jiguan_core.time import TimeSpan
from tests._two_processes import two_runs
from tests.strategies_scheduling import at, hard_violations, meeting


def _office_with(*absences: Absence, activities: tuple[Activity, ...] = ()) -> Organization:
    office = sample_office()
    if absences:
        office = office.with_absences(absences)
    if activities:
        office = office.with_activities(activities)
    return office


def _away(staff_id: str, first: dt.date, last: dt.date, absence_id: str = "x-away") -> Absence:
    return Absence(
        id=absence_id,
        staff_id=staff_id,
        span=TimeSpan.whole_days(first, last),
        kind=AbsenceKind.ANNUAL_LEAVE,
    )


class TestPlacing:
    def test_a_single_meeting_is_placed_in_its_window_in_office_hours(self) -> None:
        """The first free office-hours slot of a working day inside the window."""
        plan = schedule(sample_office(), (meeting("m1"),))
        assert [p.request_id for p in plan.placed] == ["m1"]
        span = plan.placed[0].activity.span
        assert at(4, 7) <= span.start
        assert span.end <= at(4, 11, 17, 30)
        assert (span.start.hour, span.start.minute) >= (8, 30)
        assert span.minutes == 60
        assert plan.placed[0].activity.room_id in ("r-1", "r-2")
        assert plan.score.hard == 0
        assert not hard_violations(sample_office(), plan)

    def test_a_participant_away_pushes_the_meeting_after_the_absence(self) -> None:
        """s040 away 7-9 April: the meeting lands on 10 or 11 April."""
        office = _office_with(_away("s040", dt.date(2025, 4, 7), dt.date(2025, 4, 9)))
        plan = schedule(office, (meeting("m1"),))
        assert plan.placed[0].activity.span.start.date() >= dt.date(2025, 4, 10)

    def test_an_absence_over_the_whole_window_leaves_it_unplaced_with_the_reason(self) -> None:
        """The reason names the person and the days, in Chinese and English."""
        office = _office_with(_away("s040", dt.date(2025, 4, 7), dt.date(2025, 4, 11)))
        plan = schedule(office, (meeting("m1"),))
        assert plan.placed == ()
        (unplaced,) = plan.unplaced
        name = office.person("s040").name
        assert name in unplaced.reason.en
        assert "away" in unplaced.reason.en
        assert "7-11 April" in unplaced.reason.en
        assert "4月7日至4月11日" in unplaced.reason.zh

    def test_a_taken_room_makes_it_choose_the_other(self) -> None:
        """Two meetings in the same one-hour window with two rooms: one each."""
        window = {"earliest_start": at(4, 8, 14, 30), "latest_end": at(4, 8, 15, 30)}
        requests = (
            meeting("m1", **window),
            meeting("m2", participants=("s041",), **window),
        )
        plan = schedule(sample_office(), requests)
        rooms = sorted(p.activity.room_id or "" for p in plan.placed)
        assert rooms == ["r-1", "r-2"]

    def test_a_fixed_room_taken_everywhere_is_reported(self) -> None:
        """One room, one slot, two meetings: the second is unplaced because of the room."""
        window = {"earliest_start": at(4, 8, 14, 30), "latest_end": at(4, 8, 15, 30)}
        requests = (
            meeting("m1", rooms=("r-2",), **window),
            meeting("m2", participants=("s041",), rooms=("r-2",), **window),
        )
        plan = schedule(sample_office(), requests)
        (placed,) = plan.placed
        (unplaced,) = plan.unplaced
        assert {placed.request_id, unplaced.request_id} == {"m1", "m2"}
        assert placed.activity.room_id == "r-2"
        assert "第二会议室" in unplaced.reason.zh

    def test_higher_priority_wins_a_contested_slot(self) -> None:
        """Both want s040 in the same hour: the priority-5 one is placed."""
        window = {"earliest_start": at(4, 8, 14, 30), "latest_end": at(4, 8, 15, 30)}
        requests = (meeting("low", **window), meeting("high", priority=5, **window))
        plan = schedule(sample_office(), requests)
        assert [p.request_id for p in plan.placed] == ["high"]
        assert plan.placed_weight == 5

    def test_any_leader_takes_a_free_leadership_member(self) -> None:
        """any_leaders=1 adds exactly one leadership member to the activity."""
        plan = schedule(sample_office(), (meeting("m1", any_leaders=1),))
        leaders = plan.placed[0].activity.leaders
        assert len(leaders) == 1
        assert sample_office().person(leaders[0]).is_leadership_member

    def test_an_optional_leader_chosen_as_any_leader_attends_once(self) -> None:
        """A leadership member listed as optional and picked as the "any" leader is a leader,
        not also a participant (a case found by jiguan_core.testing.activity_requests_for)."""
        office = sample_office()
        leader = next(s.id for s in office.staff if s.is_leadership_member)
        request = meeting("m1", participants=(), optional_participants=(leader,), any_leaders=1)
        activity = schedule(office, (request,)).placed[0].activity
        assert len(activity.leaders) == 1
        assert not set(activity.leaders) & set(activity.participants)

    def test_a_whole_day_trip_runs_office_day_start_to_end(self) -> None:
        """days=1: 08:30 to 17:30 on one working day."""
        request = meeting(
            "trip",
            kind=ActivityKind.RESEARCH,
            duration=None,
            days=1,
            rooms=(),
            target_place="岳池县",
        )
        plan = schedule(sample_office(), (request,))
        span = plan.placed[0].activity.span
        assert (span.start.hour, span.start.minute, span.end.hour, span.end.minute) == (
            8,
            30,
            17,
            30,
        )
        assert plan.placed[0].activity.off_site

    def test_nothing_lands_on_a_holiday(self) -> None:
        """A weekly meeting over May Day: the 5 May (holiday) occurrence is unplaced."""
        request = meeting(
            "weekly",
            earliest_start=at(4, 28),
            latest_end=at(5, 12, 17, 30),
            rrule="FREQ=WEEKLY;BYDAY=MO",
        )
        plan = schedule(sample_office(), (request,))
        placed_days = {p.activity.span.start.date() for p in plan.placed}
        assert dt.date(2025, 5, 5) not in placed_days
        assert "weekly@20250505" in {u.request_id for u in plan.unplaced}

    def test_a_blackout_of_the_policy_is_respected(self) -> None:
        """A caller's blackout over the whole week leaves the meeting unplaced, saying why."""
        blackout = Blackout(
            id="plenary",
            span=TimeSpan(at(4, 7, 0, 0), at(4, 12, 0, 0)),
            label=Text("全会期间", "plenary session"),
        )
        plan = schedule(
            sample_office(), (meeting("m1"),), policy=SchedulingPolicy(blackouts=(blackout,))
        )
        assert plan.placed == ()
        assert "plenary session" in plan.unplaced[0].reason.en

    def test_office_hours_can_be_overridden(self) -> None:
        """With the morning from 09:00 nothing starts at 08:30."""
        plan = schedule(sample_office(), (meeting("m1"),), hours={"morning": "09:00-12:00"})
        assert plan.placed[0].activity.span.start.hour >= 9

    def test_the_same_input_gives_the_same_plan(self) -> None:
        """Deterministic: two interpreters with different hash seeds place every meeting at the
        same time in the same room, as this one does."""
        code = (
            "from jiguan_core.sample import sample_office\n"
            "from jiguan_core.scheduling import schedule\n"
            "from tests.strategies_scheduling import meeting\n"
            "requests = tuple(meeting(f'm{i}', participants=('s040', 's017')) for i in range(12))\n"
            "plan = schedule(sample_office(), requests)\n"
            "for p in plan.placed: print(p.request_id, p.activity.span, p.activity.room_id)\n"
            "for u in plan.unplaced: print(u.request_id, u.reason.en)\n"
        )
        requests = tuple(meeting(f"m{i}", participants=("s040", "s017")) for i in range(12))
        plan = schedule(sample_office(), requests)
        here = [f"{p.request_id} {p.activity.span} {p.activity.room_id}" for p in plan.placed]
        here += [f"{u.request_id} {u.reason.en}" for u in plan.unplaced]
        first, second = two_runs(code)
        assert first == second == "\n".join(here) + "\n"
        assert len(plan.placed) + len(plan.unplaced) == 12

    def test_the_input_is_not_mutated(self) -> None:
        """Requests and office are unchanged after scheduling."""
        office = sample_office()
        requests = (meeting("m1"),)
        before = (office.activities, requests)
        schedule(office, requests)
        assert (office.activities, requests) == before

    def test_a_time_limit_returns_the_best_plan_so_far(self) -> None:
        """A clock that runs out immediately still gives a valid (possibly empty) plan."""
        ticks = itertools.count()
        requests = tuple(meeting(f"m{i}") for i in range(5))
        plan = schedule(sample_office(), requests, time_limit=1.0, clock=lambda: float(next(ticks)))
        assert len(plan.placed) + len(plan.unplaced) == 5
        assert not hard_violations(sample_office(), plan)
        assert all(u.reason.en for u in plan.unplaced)

    def test_max_iterations_bounds_the_search(self) -> None:
        """With one iteration allowed, at most the first request gets placed."""
        requests = tuple(meeting(f"m{i}") for i in range(5))
        plan = schedule(sample_office(), requests, max_iterations=1)
        assert len(plan.placed) <= 1
        assert len(plan.unplaced) >= 4


class TestReplanning:
    def test_withdrawing_a_request_moves_nothing_else(self) -> None:
        """Replanning without one request keeps every other placement as it was."""
        requests = tuple(meeting(f"m{i}", participants=("s040", "s017")) for i in range(6))
        first = schedule(sample_office(), requests)
        again = replan(first, sample_office(), requests[1:])
        assert again.moved == ()
        assert {p.request_id for p in again.placed} == {p.request_id for p in first.placed} - {"m0"}

    def test_an_absence_moves_only_the_activities_it_hits(self) -> None:
        """s017 away on the day m0 was placed: only activities with s017 that day move."""
        requests = (
            meeting("m0", participants=("s017",)),
            meeting("m1", participants=("s040",)),
        )
        first = schedule(sample_office(), requests)
        day = first.placement("m0").activity.span.start.date()  # type: ignore[union-attr]
        office = _office_with(_away("s017", day, day))
        again = replan(first, office, requests)
        assert again.moved == ("m0",)
        assert again.placement("m1") == first.placement("m1")
        assert not hard_violations(office, again)

    def test_a_pinned_placement_never_moves_even_when_a_change_breaks_it(self) -> None:
        """The pinned activity stays; the broken rule is listed in pinned_conflicts."""
        requests = (meeting("m0", participants=("s017",), pinned=True),)
        first = schedule(sample_office(), requests)
        day = first.placed[0].activity.span.start.date()
        office = _office_with(_away("s017", day, day))
        again = replan(first, office, requests)
        assert again.placed[0].activity == first.placed[0].activity
        assert again.pinned_conflicts
        assert again.moved == ()

    def test_a_changed_window_re_places_the_request(self) -> None:
        """A placement outside the request's new window is not kept."""
        first = schedule(sample_office(), (meeting("m0"),))
        moved = attrs.evolve(meeting("m0"), earliest_start=at(4, 14), latest_end=at(4, 18, 17, 30))
        again = replan(first, sample_office(), (moved,))
        assert again.moved == ("m0",)
        assert again.placed[0].activity.span.start >= at(4, 14)

    def test_a_kept_placement_whose_room_is_now_taken_moves(self) -> None:
        """The people are still free, the room is not: the placement moves, to a free room."""
        first = schedule(sample_office(), (meeting("m0", rooms=("r-2",)),))
        placed = first.placed[0].activity
        taken = attrs.evolve(placed, id="fixed-r2", participants=("s017",), title="已定会议")
        office = _office_with(activities=(taken,))
        again = replan(first, office, (meeting("m0", rooms=("r-2",)),))
        assert again.moved == ("m0",)
        assert not again.placed[0].activity.span.overlaps(placed.span)
        assert not hard_violations(office, again)

    def test_a_request_that_changed_what_it_asks_for_is_placed_anew(self) -> None:
        """Another title, other rooms, no room at all: the old placement no longer answers it."""
        first = schedule(sample_office(), (meeting("m0", rooms=("r-2",)),))
        for changed in (
            meeting("m0", rooms=("r-2",), title="另一个座谈会"),
            meeting("m0", rooms=("r-1",)),
            meeting("m0", rooms=()),
        ):
            again = replan(first, sample_office(), (changed,))
            assert again.moved == ("m0",), changed
            assert again.placed[0].activity.room_id == (changed.rooms or (None,))[0]

    def test_a_room_that_no_longer_seats_everyone_is_not_kept(self) -> None:
        """A stricter capacity rule (more spare seats) rules the old room out."""
        request = meeting("m0", participants=("s040", "s041"), rooms=("r-2", "r-1"))
        first = schedule(sample_office(), (request,))
        old_room = first.placed[0].activity.room_id
        seats = {r.id: r.capacity for r in sample_office().rooms}
        spare = int(seats[old_room] or 0) - 1  # two people and this many spare seats: one too many
        policy = SchedulingPolicy(overrides={"SCHED-COORD-CAPACITY": {"extra_seats": spare}})
        again = replan(first, sample_office(), (request,), policy=policy)
        assert again.moved == ("m0",)
        assert all(p.activity.room_id != old_room for p in again.placed)


class TestOptionalParticipants:
    def test_a_leader_is_not_added_as_an_optional_participant_when_their_activities_must_not_overlap(
        self,
    ) -> None:
        policy = SchedulingPolicy(
            levels={"SCHED-LEADERS-MEETINGS": Severity.HARD},
            overrides={"SCHED-LEADERS-MEETINGS": {"min_on_duty": 0}},
        )
        request = meeting("m0", optional_participants=("s003", "s041"))
        plan = schedule(sample_office(), (request,), policy=policy)
        assert plan.placed[0].activity.participants == ("s040", "s041")

    def test_the_b_of_a_post_does_not_join_a_trip_its_a_is_on(self) -> None:
        """s016 is the A and s042 the B of p-office-9 (SCHED-DEV-AB hard)."""
        trip = meeting(
            "trip",
            kind=ActivityKind.RESEARCH,
            duration=None,
            days=1,
            rooms=(),
            target_place="岳池县",
            participants=("s016",),
            optional_participants=("s042", "s041"),
        )
        plan = schedule(sample_office(), (trip,))
        assert plan.placed[0].activity.participants == ("s016", "s041")
        assert not hard_violations(sample_office(), plan)

    def test_an_optional_leader_who_would_break_a_hard_count_is_left_out(self) -> None:
        """SCHED-LEADERS-TRIPS hard at one trip per leader and month: s003 leads one May
        trip; on a second, as an optional participant, s003 would make two. The checker
        confirms each placement without its optional participants; the final check takes the
        optional leader out again."""
        policy = SchedulingPolicy(
            levels={"SCHED-LEADERS-TRIPS": Severity.HARD},
            overrides={"SCHED-LEADERS-TRIPS": {"max_trips_per_month": 1}},
        )
        may = {"earliest_start": at(5, 6), "latest_end": at(5, 16, 17, 30)}
        trips = (
            meeting(
                "led",
                kind=ActivityKind.RESEARCH,
                duration=None,
                days=1,
                rooms=(),
                target_place="岳池县",
                leaders=("s003",),
                priority=5,
                **may,
            ),
            meeting(
                "joined",
                kind=ActivityKind.RESEARCH,
                duration=None,
                days=1,
                rooms=(),
                target_place="武胜县",
                participants=("s041",),
                optional_participants=("s003",),
                **may,
            ),
        )
        plan = schedule(sample_office(), trips, policy=policy)
        joined = plan.placement("joined")
        assert joined is not None
        assert "s003" not in joined.activity.attendees
        assert plan.placement("led") is not None


class TestSafetyNet:
    def test_a_placement_the_model_got_wrong_is_taken_out_with_the_checkers_reason(
        self, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        """A model that forgets people cannot be in two places at once double-books s040; the
        full check afterwards takes the later placement out, and says why."""
        from jiguan_core.scheduling import _model

        real = _model.Rules.of

        def forgetful(policy: SchedulingPolicy) -> _model.Rules:
            return attrs.evolve(real(policy), person=False)

        monkeypatch.setattr(_model.Rules, "of", staticmethod(forgetful))
        window = {"earliest_start": at(4, 8, 8, 30), "latest_end": at(4, 8, 9, 30)}
        requests = (
            meeting("m0", rooms=("r-1",), **window),
            meeting("m1", rooms=("r-2",), **window),
        )
        plan = schedule(sample_office(), requests)
        assert len(plan.placed) == 1
        (unplaced,) = plan.unplaced
        assert "(s040) is in" in unplaced.reason.en
        assert "时间冲突" in unplaced.reason.zh
        assert not hard_violations(sample_office(), plan)

    def test_with_no_iterations_at_all_nothing_is_placed_and_every_request_says_why(
        self,
    ) -> None:
        requests = tuple(meeting(f"m{i}") for i in range(3))
        plan = schedule(sample_office(), requests, max_iterations=0)
        assert plan.placed == ()
        assert [u.request_id for u in plan.unplaced] == ["m0", "m1", "m2"]
        assert plan.iterations == 0


class TestDemo:
    def test_the_demo_plans_the_quarter_in_both_languages(self) -> None:
        """demo_lines returns readable lines with placements, reasons and a what-if."""
        zh = demo_lines("zh")
        en = demo_lines("en")
        assert zh[0].startswith("示例机关")
        assert any("未安排" in line for line in zh)
        assert en[-1].startswith("What if")
        assert len(zh) == len(en)
