"""Requests, office hours and RRULE expansion: good input accepted, bad input a clear error."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from jiguan_core.activity import ActivityKind, MeetingKind
from jiguan_core.errors import InvalidInput, InvalidValue, JiguanError
from jiguan_core.examples.office import sample_office
from jiguan_core.scheduling import (
    OfficeHours,
    SchedulingError,
    expand,
    occurrence_id,
    schedule,
)
from tests.strategies_scheduling import at, meeting


class TestBadRequests:
    def test_a_window_shorter_than_the_duration_names_the_request(self) -> None:
        """A two-hour meeting in a one-hour window is refused, naming the request."""
        with pytest.raises(SchedulingError, match="tiny") as raised:
            meeting("tiny", latest_end=at(4, 7, 9, 30), duration=dt.timedelta(hours=2))
        assert raised.value.request_id == "tiny"
        assert raised.value.field == "latest_end"
        assert "tiny" in raised.value.render("zh")

    @pytest.mark.parametrize("minutes", [0, -30])
    def test_a_zero_or_negative_duration_is_refused(self, minutes: int) -> None:
        """Zero and negative durations are errors naming the request and the field."""
        with pytest.raises(SchedulingError) as raised:
            meeting("bad-duration", duration=dt.timedelta(minutes=minutes))
        assert raised.value.request_id == "bad-duration"
        assert raised.value.field == "duration"

    def test_a_duration_that_is_not_a_timedelta_is_a_jiguan_error(self) -> None:
        """An int duration is a SchedulingError, not a TypeError."""
        with pytest.raises(SchedulingError):
            meeting("int-duration", duration=60)

    def test_a_naive_window_is_refused(self) -> None:
        """A naive earliest_start is a JiguanError, never a guessed zone."""
        with pytest.raises(JiguanError):
            meeting("naive", earliest_start=dt.datetime(2025, 4, 7, 8, 30))

    def test_a_field_trip_without_a_target_place_is_refused(self) -> None:
        """调研 needs a target place."""
        from jiguan_core.activity import ActivityKind

        with pytest.raises(SchedulingError, match="target"):
            meeting("trip", kind=ActivityKind.RESEARCH, rooms=())

    def test_an_unknown_participant_is_a_clear_error_and_no_plan(self) -> None:
        """Unknown staff make schedule raise before placing anything, naming the request."""
        requests = (meeting("ok"), meeting("ghost", participants=("s999",)))
        with pytest.raises(InvalidInput) as raised:
            schedule(sample_office(), requests)
        assert "ghost" in str(raised.value)
        assert "s999" in str(raised.value)

    def test_an_rrule_that_does_not_parse_is_a_clear_error(self) -> None:
        """A broken RRULE is refused by schedule, naming the request."""
        requests = (meeting("weekly", rrule="FREQ=SOMETIMES;BYDAY=XX"),)
        with pytest.raises(InvalidInput) as raised:
            schedule(sample_office(), requests)
        assert "weekly" in str(raised.value)
        assert "rrule" in str(raised.value)

    def test_expand_alone_raises_a_scheduling_error_for_a_broken_rrule(self) -> None:
        """expand names the request in its error."""
        with pytest.raises(SchedulingError) as raised:
            expand(meeting("weekly", rrule="not a rule"))
        assert raised.value.request_id == "weekly"

    def test_every_problem_is_listed_at_once(self) -> None:
        """Unknown room, non-leader as leader and a duplicate id are all reported together."""
        requests = (
            meeting("a", rooms=("r-nowhere",)),
            meeting("b", leaders=("s040",), participants=("s041",)),
            meeting("b"),
        )
        with pytest.raises(InvalidInput) as raised:
            schedule(sample_office(), requests)
        text = str(raised.value)
        assert "r-nowhere" in text
        assert "not a leadership member" in text
        assert "used twice" in text
        assert len(raised.value.problems) == 3

    def test_a_duration_longer_than_any_office_block_asks_for_days(self) -> None:
        """A five-hour meeting does not fit a block: the error suggests days=."""
        requests = (meeting("long", duration=dt.timedelta(hours=5)),)
        with pytest.raises(InvalidInput, match="days="):
            schedule(sample_office(), requests)

    def test_an_id_already_on_the_calendar_is_refused(self) -> None:
        """A request may not reuse an existing activity id."""
        with pytest.raises(InvalidInput, match="already"):
            schedule(sample_office(), (meeting("a001"),))


class TestOfficeHours:
    def test_the_defaults_are_the_office_hours(self) -> None:
        """08:30-12:00 and 14:30-17:30 on a 30-minute step."""
        hours = OfficeHours.resolve()
        assert hours.blocks == (
            (dt.time(8, 30), dt.time(12, 0)),
            (dt.time(14, 30), dt.time(17, 30)),
        )
        assert hours.step_minutes == 30

    def test_a_malformed_block_is_an_invalid_value(self) -> None:
        """Office hours must read HH:MM-HH:MM."""
        with pytest.raises(InvalidValue, match="HH:MM"):
            OfficeHours.resolve({"morning": "eight to noon"})

    def test_an_unknown_parameter_is_refused(self) -> None:
        """Only the documented parameters can be overridden."""
        with pytest.raises(JiguanError, match="lunch"):
            OfficeHours.resolve({"lunch": "12:00-14:30"})


class TestRecurrence:
    def test_a_weekly_rule_yields_one_request_per_monday(self) -> None:
        """FREQ=WEEKLY;BYDAY=MO over April 2025 gives the four Mondays."""
        request = meeting(
            "weekly",
            earliest_start=at(4, 1),
            latest_end=at(4, 30, 17, 30),
            rrule="FREQ=WEEKLY;BYDAY=MO",
        )
        occurrences = expand(request)
        days = [o.earliest_start.date() for o in occurrences]
        assert days == [dt.date(2025, 4, d) for d in (7, 14, 21, 28)]
        assert [o.id for o in occurrences] == [occurrence_id("weekly", d) for d in days]
        assert all(o.rrule is None for o in occurrences)
        assert all(
            o.latest_end.date() == o.earliest_start.date() + dt.timedelta(days=1)
            for o in occurrences
        )

    def test_a_monthly_rule_keeps_the_time_of_day(self) -> None:
        """The second Tuesday of each month, at the start's time of day."""
        request = meeting(
            "chair",
            earliest_start=at(4, 1, 9, 0),
            latest_end=at(6, 30, 17, 30),
            rrule="FREQ=MONTHLY;BYDAY=+2TU",
        )
        starts = [o.earliest_start for o in expand(request)]
        assert [s.date() for s in starts] == [
            dt.date(2025, 4, 8),
            dt.date(2025, 5, 13),
            dt.date(2025, 6, 10),
        ]
        assert all((s.hour, s.minute) == (9, 0) for s in starts)

    def test_a_request_without_rrule_expands_to_itself(self) -> None:
        """No rrule, no change."""
        request = meeting("once")
        assert expand(request) == (request,)

    def test_a_runaway_rule_is_refused_quickly(self) -> None:
        """FREQ=SECONDLY over a quarter is an error, not millions of meetings."""
        request = meeting(
            "runaway", earliest_start=at(4, 1), latest_end=at(6, 30, 17, 30), rrule="FREQ=SECONDLY"
        )
        with pytest.raises(SchedulingError, match="more often than daily"):
            expand(request)


class TestEachInconsistencyOfARequestIsNamed:
    """A request that cannot be scheduled as written names the field to fix (one case each)."""

    @pytest.mark.parametrize(
        ("changes", "field_name", "fragment"),
        [
            ({"duration": None}, "duration", "duration or a number of days"),
            ({"duration": "1h"}, "duration", "not a timedelta"),
            ({"duration": dt.timedelta(0)}, "duration", "not positive"),
            ({"days": 2}, "days", "not both"),
            ({"duration": None, "days": -1}, "days", "int >= 0"),
            ({"latest_end": at(4, 7)}, "latest_end", "ends before it starts"),
            ({"latest_end": at(4, 7, 9, 0)}, "latest_end", "shorter than the duration"),
            (
                {"duration": None, "days": 3, "latest_end": at(4, 8)},
                "latest_end",
                "shorter than 3 days",
            ),
            ({"weekdays": [7]}, "weekdays", "0 (Monday) to 6"),
            ({"weekdays": []}, "weekdays", "0 (Monday) to 6"),
            ({"any_leaders": 1.5}, "any_leaders", "must be an int"),
            ({"any_leaders": -1}, "any_leaders", ">= 0"),
            ({"priority": 0}, "priority", ">= 1"),
            ({"priority": True}, "priority", "must be an int"),
            ({"optional_participants": ("s040",)}, "participants", "listed twice"),
            ({"kind": ActivityKind.RESEARCH}, "target_place", "target place"),
            (
                {"kind": ActivityKind.TRAINING, "meeting_kind": MeetingKind.WORK_MEETING},
                "meeting_kind",
                "only meetings",
            ),
            ({"participants": ()}, "participants", "nobody attends"),
            ({"hours": []}, "hours", "end after it starts"),
            ({"hours": [(dt.time(12), dt.time(9))]}, "hours", "end after it starts"),
        ],
    )
    def test_the_request_is_refused_naming_the_field(
        self, changes: dict[str, object], field_name: str, fragment: str
    ) -> None:
        with pytest.raises(SchedulingError) as caught:
            meeting("bad", **changes)
        assert caught.value.field == field_name
        assert caught.value.request_id == "bad"
        assert fragment in caught.value.render("en")


class TestRecurrenceEdges:
    """Issue 13: rules that yield nothing, bring their own start, or would scan for ever."""

    def test_a_rule_that_yields_no_date_leaves_the_request_unplaced_with_the_reason(self) -> None:
        request = meeting("feb30", rrule="FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=30")
        assert expand(request) == ()
        plan = schedule(sample_office(), (request, meeting("m2")))
        assert [p.request_id for p in plan.placed] == ["m2"]
        (unplaced,) = plan.unplaced
        assert unplaced.request_id == "feb30"
        assert "yields no date" in unplaced.reason.en
        assert "没有产生任何日期" in unplaced.reason.zh

    def test_a_rule_with_its_own_dtstart_is_refused(self) -> None:
        request = meeting("old", rrule="DTSTART:19000101T090000\nRRULE:FREQ=WEEKLY;BYDAY=MO")
        with pytest.raises(SchedulingError, match="DTSTART"):
            expand(request)
        with pytest.raises(JiguanError, match="DTSTART"):
            schedule(sample_office(), (request,))

    @pytest.mark.parametrize(
        "rule",
        [
            "FREQ=DAILY;BYMONTH=2;BYMONTHDAY=30",
            "FREQ=WEEKLY;BYMONTH=2;BYMONTHDAY=31",
            "FREQ=MONTHLY;BYMONTH=4;BYMONTHDAY=31",
        ],
    )
    def test_a_rule_that_never_matches_is_scanned_only_near_the_window(
        self, rule: str, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        """dateutil rebuilds its tables once per year or month it scans: counted (not timed,
        tests read no clock), the scan covers at most one 400-year cycle, not 2025 to 9999."""
        from dateutil import rrule as dateutil_rrule

        original = dateutil_rrule._iterinfo.rebuild
        calls: list[int] = []

        def counting(self: object, year: int, month: int) -> None:
            calls.append(year)
            original(self, year, month)

        monkeypatch.setattr(dateutil_rrule._iterinfo, "rebuild", counting)
        assert expand(meeting("never", rrule=rule)) == ()
        assert 0 < len(calls) <= 401 * 12

    @pytest.mark.parametrize("freq", ["HOURLY", "MINUTELY", "SECONDLY"])
    def test_a_rule_finer_than_daily_is_refused(self, freq: str) -> None:
        with pytest.raises(SchedulingError, match="more often than daily"):
            expand(meeting("fine", rrule=f"FREQ={freq};BYMONTH=2;BYMONTHDAY=30"))

    def test_an_until_in_the_rule_still_ends_the_series(self) -> None:
        request = meeting(
            "weekly",
            earliest_start=at(4, 1),
            latest_end=at(6, 30, 17, 30),
            rrule="FREQ=WEEKLY;BYDAY=MO;UNTIL=20250415T000000",
        )
        assert [o.id for o in expand(request)] == ["weekly@20250407", "weekly@20250414"]


class TestSearchLimits:
    @pytest.mark.parametrize(
        ("changes", "field"),
        [
            ({"max_iterations": -1}, "max_iterations"),
            ({"time_limit": float("nan")}, "time_limit"),
            ({"time_limit": float("inf")}, "time_limit"),
            ({"time_limit": -1.0}, "time_limit"),
        ],
    )
    def test_a_negative_or_not_finite_limit_is_a_clear_error(
        self, changes: dict[str, Any], field: str
    ) -> None:
        with pytest.raises(InvalidValue, match=field) as raised:
            schedule(sample_office(), (meeting("m1"),), **changes)
        assert raised.value.field == field
