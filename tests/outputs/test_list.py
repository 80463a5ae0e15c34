"""The activity list in the office's format: six headings, every activity of the period once,
names not ids, holidays and swapped working days marked, the per-leader schedule."""

from __future__ import annotations

import datetime as dt
from functools import cache

import attrs
import pytest

from jiguan_core.activity_diff import ActivityChangeKind
from jiguan_core.activity_list import HEADINGS, DayKind, activity_list, day_kind
from jiguan_core.calendar import Granularity, WorkCalendar
from jiguan_core.errors import InvalidValue, UnknownEntity
from jiguan_core.organization import Organization
from jiguan_core.sample import sample_office
from jiguan_core.time import SHANGHAI

NATIONAL_DAY_WEEK = dt.date(2025, 10, 8)  # 10-06..10-08 holidays, Saturday 10-11 a working day


@cache
def office() -> Organization:
    return sample_office()


def _started_in(first: dt.date, end: dt.date) -> list[str]:
    """Brute force: the ids of the activities whose start day (Shanghai) is in [first, end)."""
    return sorted(
        a.id
        for a in office().activities
        if first <= a.span.start.in_timezone(SHANGHAI).date() < end
    )


class TestTheList:
    def test_the_six_headings_are_the_offices_own_in_order(self) -> None:
        """时间 地点 内容 出席领导 牵头委室 参加人员."""
        assert [h.zh for h in HEADINGS] == [
            "时间",
            "地点",
            "内容",
            "出席领导",
            "牵头委室",
            "参加人员",
        ]

    @pytest.mark.parametrize("granularity", list(Granularity))
    def test_every_activity_of_the_period_appears_exactly_once(
        self, granularity: Granularity
    ) -> None:
        """For each granularity, the row ids are the brute-force selection, each once."""
        listed = activity_list(office(), granularity, dt.date(2025, 6, 18))
        ids = [row.activity_id for row in listed.rows]
        assert sorted(ids) == _started_in(listed.period.start, listed.period.end)
        assert len(ids) == len(set(ids)) > 0

    def test_a_week_lists_all_seven_days_and_a_month_only_days_with_activities(self) -> None:
        week = activity_list(office(), Granularity.WEEK, NATIONAL_DAY_WEEK)
        month = activity_list(office(), Granularity.MONTH, NATIONAL_DAY_WEEK)
        assert [d.day for d in week.days] == list(week.period)
        assert all(d.rows for d in month.days)

    def test_holidays_and_the_swapped_working_saturday_are_marked(self) -> None:
        """National Day 2025: 10-06 to 10-08 are holidays, Saturday 10-11 is a working day."""
        week = activity_list(office(), Granularity.WEEK, NATIONAL_DAY_WEEK)
        kinds = {d.day: d.kind for d in week.days}
        assert kinds[dt.date(2025, 10, 6)] is DayKind.HOLIDAY
        assert kinds[dt.date(2025, 10, 9)] is DayKind.WORKING
        assert kinds[dt.date(2025, 10, 11)] is DayKind.SWAPPED_WORKING
        assert kinds[dt.date(2025, 10, 12)] is DayKind.WEEKEND
        text = "\n".join(week.lines())
        assert "10月6日 星期一（法定节假日）" in text
        assert "10月11日 星期六（调休上班）" in text

    def test_an_office_closure_is_marked_as_such(self) -> None:
        calendar = WorkCalendar().with_closures([dt.date(2025, 10, 10)])
        assert day_kind(calendar, dt.date(2025, 10, 10)) is DayKind.CLOSURE

    def test_rows_show_names_rooms_and_organisers_not_ids(self) -> None:
        """The chair meeting of 2025-02-17 names its six leaders and the room by name."""
        week = activity_list(office(), Granularity.WEEK, dt.date(2025, 2, 17))
        row = next(r for r in week.rows if r.activity_id == "a052")
        names = {s.id: s.name for s in office().staff}
        assert row.leaders == tuple(names[p] for p in row.leader_ids)
        assert len(row.leaders) == 6
        assert row.place == "常委会议室"
        assert row.organiser == "办公室"
        assert row.cells()[0] == "14:30-17:30"

    def test_participants_past_the_limit_are_abbreviated_with_the_total(self) -> None:
        week = activity_list(office(), Granularity.WEEK, dt.date(2025, 2, 17), max_names=2)
        row = next(r for r in week.rows if len(r.participants) > 2)
        shown = row.participants_text(2)
        assert shown == f"{row.participants[0]}、{row.participants[1]}等{len(row.participants)}人"

    def test_a_leaders_list_keeps_only_the_activities_that_leader_attends(self) -> None:
        leader = office().leadership_members[2]
        listed = activity_list(
            office(), Granularity.MONTH, dt.date(2025, 2, 1), leader_id=leader.id
        )
        assert listed.rows
        assert all(leader.name in row.leaders for row in listed.rows)
        assert leader.name in listed.subtitle()

    def test_an_unknown_leader_or_a_bad_limit_is_refused(self) -> None:
        with pytest.raises(UnknownEntity):
            activity_list(office(), Granularity.WEEK, NATIONAL_DAY_WEEK, leader_id="nobody")
        with pytest.raises(InvalidValue):
            activity_list(office(), Granularity.WEEK, NATIONAL_DAY_WEEK, max_names=0)


class TestTheLeaderSchedule:
    def test_each_cell_holds_exactly_the_leaders_activities_of_that_day(self) -> None:
        """Brute force per leader and day against the rows (a multi-day trip fills each day)."""
        week = activity_list(office(), Granularity.WEEK, dt.date(2025, 2, 17))
        schedule = week.leader_schedule()
        assert [r.leader_id for r in schedule.leaders] == [
            s.id for s in office().leadership_members
        ]
        for leader in schedule.leaders:
            for day, cell in zip(week.days, leader.days, strict=True):
                expected = sorted(
                    a.id
                    for a in office().activities
                    if leader.leader_id in a.leaders and day.day in set(a.span.dates())
                )
                assert sorted(r.activity_id for r in cell) == expected
        trip = next(r for r in week.rows if r.activity_id == "a133")  # 02-18 to 02-19
        assert trip.touched_days() == (dt.date(2025, 2, 18), dt.date(2025, 2, 19))


class TestChangesInTheList:
    def test_rows_are_marked_and_a_cancelled_activity_comes_back_marked(self) -> None:
        """Against an edition where a052 was elsewhere and a133 existed but now is gone."""
        current = office().without_activity("a133")
        earlier = [
            attrs.evolve(a, room_id="r-1") if a.id == "a052" else a for a in office().activities
        ]
        week = activity_list(current, Granularity.WEEK, dt.date(2025, 2, 17), previous=earlier)
        marks = {r.activity_id: r.changes for r in week.rows}
        assert marks["a052"] == (ActivityChangeKind.MOVED,)
        assert marks["a133"] == (ActivityChangeKind.CANCELLED,)
        assert {c.activity_id for c in week.changes} == {"a052", "a133"}
        assert "【取消】前锋区营商环境视察" in "\n".join(week.lines())
        assert week.subtitle() == "共 3 项"
