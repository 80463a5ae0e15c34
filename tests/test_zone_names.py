"""Datetimes keep their zone through JSON: the name goes in brackets after the offset (RFC 9557)."""

from __future__ import annotations

import re

import pendulum
import pytest

from jiguan_core import InvalidValue, TimeSpan, from_dict, to_dict
from jiguan_core.schema import DATETIME_PATTERN
from jiguan_core.time import format_datetime, parse_datetime


class TestZoneNames:
    def test_an_ambiguous_london_time_round_trips_equal(self) -> None:
        """01:00 on the night the clocks go back happens twice; the name keeps which one."""
        first = pendulum.datetime(2016, 10, 30, 0, 30, tz="Europe/London").add(minutes=30)
        span = TimeSpan(first, first.add(hours=1))
        back = from_dict(TimeSpan, to_dict(span))
        assert back == span
        assert back.start.utcoffset() == span.start.utcoffset()
        assert back.start.tzinfo.name == "Europe/London"  # type: ignore[union-attr]

    def test_shanghai_and_utc_need_no_suffix(self) -> None:
        """The office's zone and UTC are written as plain offsets."""
        assert format_datetime(pendulum.datetime(2025, 3, 1, 9, tz="Asia/Shanghai")) == (
            "2025-03-01T09:00:00+08:00"
        )
        assert format_datetime(pendulum.datetime(2025, 3, 1, 1, tz="UTC")) == (
            "2025-03-01T01:00:00+00:00"
        )

    def test_a_named_zone_is_written_after_the_offset(self) -> None:
        """Other named zones carry their name."""
        moment = pendulum.datetime(2025, 7, 1, 9, tz="Europe/Paris")
        assert format_datetime(moment) == "2025-07-01T09:00:00+02:00[Europe/Paris]"
        assert parse_datetime(format_datetime(moment)) == moment

    def test_an_unknown_zone_name_is_refused(self) -> None:
        """A bracket with no such zone is an InvalidValue naming it."""
        with pytest.raises(InvalidValue, match="Mars/Olympus"):
            parse_datetime("2025-07-01T09:00:00+02:00[Mars/Olympus]")

    def test_an_offset_that_does_not_match_the_zone_is_refused(self) -> None:
        """Paris is +02:00 in July, so +05:00 with Europe/Paris is a contradiction."""
        with pytest.raises(InvalidValue, match="does not match"):
            parse_datetime("2025-07-01T09:00:00+05:00[Europe/Paris]")

    def test_the_schema_accepts_the_zone_suffix_and_still_refuses_naive_times(self) -> None:
        """The JSON Schema's datetime pattern follows the converter."""
        assert re.match(DATETIME_PATTERN, "2016-10-30T01:00:00+01:00[Europe/London]")
        assert re.match(DATETIME_PATTERN, "2025-03-01T09:00:00+08:00")
        assert not re.match(DATETIME_PATTERN, "2025-03-01T09:00:00")
        assert not re.match(DATETIME_PATTERN, "2025-03-01T09:00:00[Europe/London]")


class TestSpansAcrossDaylightSaving:
    def _bst_and_gmt_one_am(self) -> tuple[pendulum.DateTime, pendulum.DateTime]:
        first = pendulum.datetime(2016, 10, 30, 0, 30, tz="Europe/London").add(minutes=30)
        return first, first.add(hours=1)  # 01:00 BST, then 01:00 GMT an hour later

    def test_a_span_across_the_clocks_going_back_is_valid(self) -> None:
        """01:00 BST to 01:00 GMT is an hour long, though the wall clock shows 01:00 twice."""
        start, end = self._bst_and_gmt_one_am()
        assert TimeSpan(start, end).minutes == 60

    def test_overlap_and_order_follow_instants_not_wall_clocks(self) -> None:
        """The hour before and the hour after the change do not overlap, and sort in time order."""
        bst, gmt = self._bst_and_gmt_one_am()
        before = TimeSpan(bst.subtract(hours=1), bst)
        after = TimeSpan(bst, gmt)
        assert not before.overlaps(after)
        assert sorted([after, before]) == [before, after]
        assert after.contains(bst.add(minutes=30))
