"""The incremental checker forgets what was moved or removed: an activity placed where one
used to be is answered like a full check of the calendar as it is now, never against a ghost."""

from __future__ import annotations

import attrs
import pendulum
import pytest

from jiguan_core.activity import Activity
from jiguan_core.organization import Organization
from jiguan_core.rules import IncrementalChecker, check
from jiguan_core.rules.violation import Violation
from jiguan_core.sample import sample_office
from jiguan_core.time import TimeSpan


def _involving(
    office: Organization, activities: list[Activity], new: Activity, absences=None
) -> list[Violation]:
    report = check(
        office,
        activities=[*activities, new],
        absences=office.absences if absences is None else absences,
    )
    return [v for v in report.violations if new.id in v.activity_ids]


@pytest.fixture(scope="module")
def office() -> Organization:
    return sample_office()


def _meeting(office: Organization) -> Activity:
    return next(a for a in office.activities if a.id == "a002")


def _shifted(activity: Activity, hours: int) -> Activity:
    span = activity.span
    return attrs.evolve(
        activity, span=TimeSpan(span.start.add(hours=hours), span.end.add(hours=hours))
    )


def _newcomer_at(activity: Activity) -> Activity:
    """A copy of ``activity`` under a new id: same people, room and time."""
    return attrs.evolve(activity, id="zz-newcomer")


def _without(office: Organization, activity_id: str) -> list[Activity]:
    return [a for a in office.activities if a.id != activity_id]


class TestAGhostOfAMovedOrRemovedActivity:
    def test_the_newcomer_clashes_with_the_meeting_where_it_is(self, office: Organization) -> None:
        """The premise: a copy of a002 at a002's time clashes with a002."""
        found = IncrementalChecker(office).violations_if_added(_newcomer_at(_meeting(office)))
        assert any("a002" in v.activity_ids for v in found)

    def test_after_a_move_the_old_place_is_free(self, office: Organization) -> None:
        meeting = _meeting(office)
        checker = IncrementalChecker(office)
        checker.add(_shifted(meeting, 3))
        newcomer = _newcomer_at(meeting)
        after = [*_without(office, "a002"), _shifted(meeting, 3)]
        assert list(checker.violations_if_added(newcomer)) == _involving(office, after, newcomer)

    def test_after_asking_about_a_move_and_removing_the_old_place_is_free(
        self, office: Organization
    ) -> None:
        meeting = _meeting(office)
        checker = IncrementalChecker(office)
        checker.violations_if_added(_shifted(meeting, 3))
        checker.remove("a002")
        newcomer = _newcomer_at(meeting)
        expected = _involving(office, _without(office, "a002"), newcomer)
        assert list(checker.violations_if_added(newcomer)) == expected

    def test_after_a_removal_the_place_is_free(self, office: Organization) -> None:
        meeting = _meeting(office)
        checker = IncrementalChecker(office)
        checker.remove("a002")
        newcomer = _newcomer_at(meeting)
        expected = _involving(office, _without(office, "a002"), newcomer)
        assert list(checker.violations_if_added(newcomer)) == expected


class TestAGhostOfAMovedOrRemovedAbsence:
    ABSENCE = "ab002"  # s003, 24-27 March 2025

    def _visitor(self, office: Organization) -> Activity:
        """s003 alone at a meeting during the absence."""
        start = pendulum.datetime(2025, 3, 25, 9, tz="Asia/Shanghai")
        return attrs.evolve(
            _meeting(office),
            id="zz-visitor",
            participants=("s003",),
            leaders=(),
            span=TimeSpan(start, start.add(hours=1)),
        )

    def _absences(self, office: Organization, *, moved_days: int | None) -> tuple:
        out = []
        for b in office.absences:
            if b.id == self.ABSENCE:
                if moved_days is None:
                    continue
                b = attrs.evolve(
                    b,
                    span=TimeSpan(
                        b.span.start.add(days=moved_days), b.span.end.add(days=moved_days)
                    ),
                )
            out.append(b)
        return tuple(out)

    def _absence(self, office: Organization):
        return next(b for b in office.absences if b.id == self.ABSENCE)

    def test_the_visitor_meets_during_the_absence(self, office: Organization) -> None:
        """The premise: the visitor's meeting is a violation naming the absence."""
        found = IncrementalChecker(office).violations_if_added(self._visitor(office))
        assert any(self.ABSENCE in v.absence_ids for v in found)

    def test_asking_about_a_moved_absence_changes_nothing(self, office: Organization) -> None:
        checker = IncrementalChecker(office)
        absence = self._absence(office)
        moved = attrs.evolve(
            absence, span=TimeSpan(absence.span.start.add(days=60), absence.span.end.add(days=60))
        )
        checker.violations_if_absent(moved)
        assert checker.absences == tuple(sorted(office.absences, key=lambda b: b.id))
        visitor = self._visitor(office)
        assert list(checker.violations_if_added(visitor)) == _involving(
            office, list(office.activities), visitor
        )

    def test_after_a_moved_absence_the_old_days_are_free(self, office: Organization) -> None:
        checker = IncrementalChecker(office)
        absence = self._absence(office)
        checker.add_absence(
            attrs.evolve(
                absence,
                span=TimeSpan(absence.span.start.add(days=60), absence.span.end.add(days=60)),
            )
        )
        visitor = self._visitor(office)
        expected = _involving(
            office, list(office.activities), visitor, self._absences(office, moved_days=60)
        )
        assert list(checker.violations_if_added(visitor)) == expected

    def test_after_asking_and_removing_the_old_days_are_free(self, office: Organization) -> None:
        checker = IncrementalChecker(office)
        absence = self._absence(office)
        checker.violations_if_absent(
            attrs.evolve(
                absence,
                span=TimeSpan(absence.span.start.add(days=60), absence.span.end.add(days=60)),
            )
        )
        checker.remove_absence(self.ABSENCE)
        visitor = self._visitor(office)
        expected = _involving(
            office, list(office.activities), visitor, self._absences(office, moved_days=None)
        )
        assert list(checker.violations_if_added(visitor)) == expected

    def test_after_removing_the_absence_its_days_are_free(self, office: Organization) -> None:
        checker = IncrementalChecker(office)
        checker.remove_absence(self.ABSENCE)
        visitor = self._visitor(office)
        expected = _involving(
            office, list(office.activities), visitor, self._absences(office, moved_days=None)
        )
        assert list(checker.violations_if_added(visitor)) == expected


class TestTouchingIsNotOverlapping:
    """Spans that only touch (one ends when the other starts) are answered like a full check."""

    def test_a_meeting_right_after_another_with_the_same_people(self, office: Organization) -> None:
        meeting = _meeting(office)
        after = attrs.evolve(
            meeting,
            id="zz-after",
            span=TimeSpan(meeting.span.end, meeting.span.end.add(hours=1)),
        )
        before = attrs.evolve(
            meeting,
            id="zz-before",
            span=TimeSpan(meeting.span.start.subtract(hours=1), meeting.span.start),
        )
        checker = IncrementalChecker(office)
        for new in (after, before):
            found = list(checker.violations_if_added(new))
            assert found == _involving(office, list(office.activities), new)
            assert not any("a002" in v.activity_ids for v in found)

    def test_a_meeting_ending_when_a_blackout_starts_or_starting_when_it_ends(
        self, office: Organization
    ) -> None:
        from jiguan_core.rules import Blackout, SchedulingPolicy
        from jiguan_core.text import Text

        start = pendulum.datetime(2025, 3, 25, 10, tz="Asia/Shanghai")
        policy = SchedulingPolicy(
            blackouts=[
                Blackout(
                    id="plenary",
                    span=TimeSpan(start, start.add(hours=2)),
                    label=Text("全会", "plenary"),
                )
            ]
        )
        checker = IncrementalChecker(office, policy=policy)
        for first in (start.subtract(hours=1), start.add(hours=2)):
            new = attrs.evolve(
                _meeting(office), id="zz-edge", span=TimeSpan(first, first.add(hours=1))
            )
            found = list(checker.violations_if_added(new))
            report = check(office, activities=[*office.activities, new], policy=policy)
            assert found == [v for v in report.violations if new.id in v.activity_ids]
            assert not any(v.blackout_id == "plenary" for v in found)


def test_a_leader_away_when_every_leader_must_be_on_duty_is_a_violation(
    office: Organization,
) -> None:
    """With the on-duty minimum at the whole leadership, one leader's absence on a working day
    breaks it, and the incremental answer names that absence like a full check does."""
    from jiguan_core.absence import Absence, AbsenceKind
    from jiguan_core.rules import SchedulingPolicy

    leaders = len(office.leadership_members)
    policy = SchedulingPolicy(overrides={"SCHED-LEADERS-MEETINGS": {"min_on_duty": leaders}})
    start = pendulum.datetime(2025, 3, 12, 0, tz="Asia/Shanghai")  # a Wednesday
    absence = Absence(
        id="zz-away",
        staff_id=office.leadership_members[0].id,
        kind=AbsenceKind.ANNUAL_LEAVE,
        span=TimeSpan(start, start.add(days=1)),
    )
    checker = IncrementalChecker(office, policy=policy)
    found = list(checker.violations_if_absent(absence))
    report = check(office, absences=[*office.absences, absence], policy=policy)
    assert found == [v for v in report.violations if absence.id in v.absence_ids]
    assert any(v.part == "SCHED-LEADERS-MEETINGS/on_duty" for v in found)


def test_a_removed_leader_absence_no_longer_counts_against_the_on_duty_minimum(
    office: Organization,
) -> None:
    """All leaders but one must be on duty: after one leader's absence is removed, another
    leader's absence that day is allowed, as a full check says."""
    from jiguan_core.absence import Absence, AbsenceKind
    from jiguan_core.rules import SchedulingPolicy

    leaders = [m.id for m in office.leadership_members]
    policy = SchedulingPolicy(
        overrides={"SCHED-LEADERS-MEETINGS": {"min_on_duty": len(leaders) - 1}}
    )
    start = pendulum.datetime(2025, 3, 12, 0, tz="Asia/Shanghai")  # a Wednesday

    def away(absence_id: str, staff_id: str) -> Absence:
        return Absence(
            id=absence_id,
            staff_id=staff_id,
            kind=AbsenceKind.ANNUAL_LEAVE,
            span=TimeSpan(start, start.add(days=1)),
        )

    checker = IncrementalChecker(office, policy=policy)
    checker.add_absence(away("zz-first", leaders[0]))
    checker.remove_absence("zz-first")
    second = away("zz-second", leaders[1])
    found = list(checker.violations_if_absent(second))
    report = check(office, absences=[*office.absences, second], policy=policy)
    assert found == [v for v in report.violations if second.id in v.absence_ids]
    assert not any(v.part == "SCHED-LEADERS-MEETINGS/on_duty" for v in found)


def test_a_long_meeting_before_1970_still_clashes_with_one_inside_it(
    office: Organization,
) -> None:
    """Epoch seconds before 1970 are negative: a long meeting loaded or added then is still
    found by a short one of the same people starting hours later, as a full check finds it."""
    meeting = _meeting(office)
    start = pendulum.datetime(1969, 3, 4, 9, tz="Asia/Shanghai")
    long = attrs.evolve(meeting, span=TimeSpan(start, start.add(hours=8)))
    inside = attrs.evolve(
        meeting, id="zz-inside", span=TimeSpan(start.add(hours=3), start.add(hours=4))
    )
    expected = _involving(office, [long], inside, absences=())
    assert any("a002" in v.activity_ids for v in expected)
    loaded = IncrementalChecker(attrs.evolve(office, activities=(long,), absences=()))
    added = IncrementalChecker(attrs.evolve(office, activities=(), absences=()))
    added.add(long)
    assert list(loaded.violations_if_added(inside)) == expected
    assert list(added.violations_if_added(inside)) == expected
