"""Activity lists (年度、季度、月度、每周清单) grouped by period and filtered."""

from __future__ import annotations

import datetime as dt

import pytest

from jiguan_core.activity import ActivityKind
from jiguan_core.agenda import agenda, agenda_lines, is_important
from jiguan_core.calendar import Granularity
from jiguan_core.errors import JiguanError, UnknownEntity
from jiguan_core.examples.office import sample_office


def test_the_year_list_holds_every_activity_once_in_time_order() -> None:
    """One period (2025) with all 149 activities, sorted by start."""
    office = sample_office()
    (year,) = agenda(office, Granularity.YEAR)
    assert len(year.activities) == len(office.activities)
    starts = [a.span.start for a in year.activities]
    assert starts == sorted(starts)
    assert year.label("zh") == "2025年度"


@pytest.mark.parametrize("granularity", list(Granularity))
def test_every_granularity_partitions_the_calendar(granularity: Granularity) -> None:
    """Weeks, months, quarters: each activity in exactly one period, which holds its start."""
    office = sample_office()
    periods = agenda(office, granularity)
    listed = [a.id for p in periods for a in p.activities]
    assert sorted(listed) == sorted(a.id for a in office.activities)
    for p in periods:
        for a in p.activities:
            assert a.span.start.in_timezone("Asia/Shanghai").date() in p.period


def test_filters_by_department_person_leader_and_kind_combine() -> None:
    """Each filter keeps only what it says; together they intersect."""
    office = sample_office()
    leader = office.leadership_members[1].id
    trips = agenda(office, Granularity.MONTH, leader_id=leader, kinds=[ActivityKind.RESEARCH])
    found = [a for p in trips for a in p.activities]
    assert found
    assert all(leader in a.leaders and a.kind is ActivityKind.RESEARCH for a in found)
    party = [
        a
        for p in agenda(office, Granularity.QUARTER, department_id="d-party")
        for a in p.activities
    ]
    assert party
    assert all(a.department_id == "d-party" for a in party)
    person = office.staff[10].id
    mine = [a for p in agenda(office, Granularity.WEEK, person_id=person) for a in p.activities]
    assert all(person in a.attendees for a in mine)


def test_important_only_keeps_leaders_trips_and_major_meetings() -> None:
    """重要活动清单."""
    office = sample_office()
    kept = [a for p in agenda(office, Granularity.MONTH, important_only=True) for a in p.activities]
    assert kept
    assert all(is_important(a) for a in kept)
    assert len(kept) < len(office.activities)


def test_labels_and_lines_read_in_both_languages() -> None:
    """Week labels name the ISO week and its days; lines list each activity."""
    office = sample_office()
    first_week = agenda(office, Granularity.WEEK)[0]
    assert first_week.period.start == dt.date(2025, 1, 13)
    assert first_week.label("zh").startswith("2025年第3周")
    assert first_week.label("en").startswith("2025 week 3")
    lines = agenda_lines(office, Granularity.QUARTER, "en")
    assert lines[0].startswith("2025 Q1")


def test_unknown_filter_ids_are_clear_errors() -> None:
    """Unknown department / person, a non-leader as leader, a bad granularity."""
    office = sample_office()
    with pytest.raises(UnknownEntity):
        agenda(office, Granularity.WEEK, department_id="d-nope")
    with pytest.raises(UnknownEntity):
        agenda(office, Granularity.WEEK, person_id="ghost")
    with pytest.raises(UnknownEntity, match="leadership"):
        agenda(office, Granularity.WEEK, leader_id=office.staff[-1].id)
    with pytest.raises(JiguanError):
        agenda(office, "week")  # type: ignore[arg-type]
    with pytest.raises(JiguanError):
        agenda(office, Granularity.WEEK, kinds=["research"])  # type: ignore[list-item]
