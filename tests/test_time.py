"""Time: aware datetimes only, the office zone, and the half-open TimeSpan."""

from __future__ import annotations

import datetime as dt

import pendulum
import pytest

from jiguan_core.errors import InvalidValue, JiguanError, NaiveDateTime
from jiguan_core.time import SHANGHAI, DayPart, TimeSpan, aware, parse_datetime


def _at(hour: int, minute: int = 0, day: int = 3) -> pendulum.DateTime:
    return pendulum.datetime(2025, 3, day, hour, minute, tz=SHANGHAI)


def test_the_default_zone_is_asia_shanghai() -> None:
    """SHANGHAI is the IANA zone Asia/Shanghai."""
    assert SHANGHAI.name == "Asia/Shanghai"


def test_a_naive_datetime_is_rejected_not_guessed() -> None:
    """aware() refuses a datetime without a zone with NaiveDateTime naming the field."""
    with pytest.raises(NaiveDateTime) as caught:
        aware(dt.datetime(2025, 3, 3, 9), "start")
    assert caught.value.field == "start"
    assert isinstance(caught.value, ValueError)


def test_a_naive_datetime_cannot_start_a_time_span() -> None:
    """TimeSpan's converter refuses naive datetimes for either end."""
    with pytest.raises(NaiveDateTime):
        TimeSpan(dt.datetime(2025, 3, 3, 9), _at(10))  # type: ignore[arg-type]
    with pytest.raises(NaiveDateTime) as caught:
        TimeSpan(_at(9), dt.datetime(2025, 3, 3, 10))  # type: ignore[arg-type]
    assert caught.value.field == "end"


def test_a_tzinfo_that_gives_no_offset_counts_as_naive() -> None:
    """A tzinfo whose utcoffset is None does not make a datetime aware."""

    class NoOffset(dt.tzinfo):
        def utcoffset(self, _: dt.datetime | None) -> None:
            return None

    with pytest.raises(NaiveDateTime):
        aware(dt.datetime(2025, 1, 1, tzinfo=NoOffset()))


@pytest.mark.parametrize("value", [dt.date(2025, 3, 3), "2025-03-03T09:00:00+08:00", 0, None])
def test_something_that_is_not_a_datetime_is_rejected(value: object) -> None:
    """Dates, strings and numbers are not datetimes."""
    with pytest.raises(InvalidValue) as caught:
        aware(value, "start")
    assert not isinstance(caught.value, NaiveDateTime)
    assert caught.value.value == value


def test_a_standard_library_aware_datetime_becomes_a_pendulum_datetime() -> None:
    """aware() converts an aware datetime.datetime to pendulum, keeping the instant."""
    value = dt.datetime(2025, 3, 3, 9, tzinfo=dt.timezone(dt.timedelta(hours=8)))
    converted = aware(value)
    assert isinstance(converted, pendulum.DateTime)
    assert converted == value


def test_parse_datetime_reads_an_iso_string_with_an_offset() -> None:
    """An ISO 8601 string with +08:00 gives the same instant as Asia/Shanghai 09:00."""
    assert parse_datetime("2025-03-03T09:00:00+08:00") == _at(9)


def test_parse_datetime_restores_the_office_zone_for_plus_eight_hours() -> None:
    """+08:00 reads back as Asia/Shanghai, so a JSON round trip keeps the office's zone."""
    assert parse_datetime("2025-03-03T09:00:00+08:00").timezone_name == "Asia/Shanghai"


def test_parse_datetime_keeps_other_offsets_as_fixed_offsets() -> None:
    """Other offsets are kept as they are (the instant never changes)."""
    parsed = parse_datetime("2025-03-03T09:00:00-05:00")
    assert parsed.utcoffset() == dt.timedelta(hours=-5)
    assert parsed == pendulum.datetime(2025, 3, 3, 14, tz="UTC")


def test_parse_datetime_rejects_a_string_without_an_offset() -> None:
    """An ISO string without an offset is naive: refused."""
    with pytest.raises(NaiveDateTime):
        parse_datetime("2025-03-03T09:00:00", "start")


@pytest.mark.parametrize("text", ["tomorrow", "2025-13-01T09:00:00+08:00", ""])
def test_parse_datetime_rejects_text_that_is_not_iso_8601(text: str) -> None:
    """Not ISO 8601 is an InvalidValue that shows an example in both languages."""
    with pytest.raises(InvalidValue) as caught:
        parse_datetime(text, "end")
    assert caught.value.field == "end"
    assert "2025-03-01T09:00:00+08:00" in str(caught.value)
    assert "不是 ISO 8601" in caught.value.render("zh")


def test_a_time_span_must_end_after_it_starts() -> None:
    """A zero or negative span is an InvalidValue on the end, in both languages."""
    errors = []
    for end in (_at(9), _at(8)):
        with pytest.raises(InvalidValue) as caught:
            TimeSpan(_at(9), end)
        errors.append(caught.value)
    assert [e.field for e in errors] == ["end", "end"]
    assert ["结束须晚于开始" in e.render("zh") for e in errors] == [True, True]


def test_spans_that_touch_do_not_overlap() -> None:
    """Half-open: a meeting ending at 10:00 does not clash with one starting at 10:00."""
    first = TimeSpan(_at(9), _at(10))
    second = TimeSpan(_at(10), _at(11))
    assert not first.overlaps(second)
    assert not second.overlaps(first)


def test_spans_sharing_a_minute_overlap() -> None:
    """One shared minute is enough to overlap, either way round."""
    first = TimeSpan(_at(9), _at(10, 1))
    second = TimeSpan(_at(10), _at(11))
    assert first.overlaps(second)
    assert second.overlaps(first)


def test_a_span_contains_its_start_but_not_its_end() -> None:
    """contains() is half-open too."""
    span = TimeSpan(_at(9), _at(10))
    assert span.contains(_at(9))
    assert span.contains(_at(9, 59))
    assert not span.contains(_at(10))
    assert not span.contains(_at(8, 59))


def test_spans_in_different_zones_compare_by_instant() -> None:
    """09:00 in Shanghai is 01:00 UTC: the same span, so equal and overlapping."""
    local = TimeSpan(_at(9), _at(10))
    utc = TimeSpan(
        pendulum.datetime(2025, 3, 3, 1, tz="UTC"), pendulum.datetime(2025, 3, 3, 2, tz="UTC")
    )
    assert local == utc
    assert local.overlaps(utc)


def test_a_span_covers_another_inside_it() -> None:
    """covers() is true for a span inside (ends included) and false for one sticking out."""
    day = TimeSpan(_at(8), _at(18))
    assert day.covers(TimeSpan(_at(8), _at(18)))
    assert day.covers(TimeSpan(_at(9), _at(10)))
    assert not day.covers(TimeSpan(_at(17), _at(19)))


def test_of_builds_a_span_from_a_start_and_a_duration() -> None:
    """TimeSpan.of accepts hours, minutes and days, fractions included."""
    assert TimeSpan.of(_at(9), hours=1.5) == TimeSpan(_at(9), _at(10, 30))
    assert TimeSpan.of(_at(9), minutes=45).minutes == 45
    assert TimeSpan.of(_at(9), days=1).end == _at(9, day=4)


def test_of_refuses_a_naive_start() -> None:
    """The start of TimeSpan.of must be aware too."""
    with pytest.raises(NaiveDateTime):
        TimeSpan.of(dt.datetime(2025, 3, 3, 9), hours=1)


def test_whole_days_runs_from_midnight_to_midnight_in_shanghai() -> None:
    """whole_days(first, last) covers the days first..last inclusive."""
    span = TimeSpan.whole_days(dt.date(2025, 3, 3), dt.date(2025, 3, 4))
    assert span.start == pendulum.datetime(2025, 3, 3, tz=SHANGHAI)
    assert span.end == pendulum.datetime(2025, 3, 5, tz=SHANGHAI)
    assert list(span.dates()) == [dt.date(2025, 3, 3), dt.date(2025, 3, 4)]


def test_dates_lists_every_day_a_span_touches_but_not_a_midnight_end() -> None:
    """A span ending at midnight does not touch the next day."""
    overnight = TimeSpan(_at(22), _at(1, day=4))
    assert list(overnight.dates()) == [dt.date(2025, 3, 3), dt.date(2025, 3, 4)]
    to_midnight = TimeSpan(_at(22), _at(0, day=4))
    assert list(to_midnight.dates()) == [dt.date(2025, 3, 3)]


def test_dates_are_counted_in_the_requested_zone() -> None:
    """01:00-02:00 UTC on 3 March is 09:00-10:00 in Shanghai but 2 March in New York."""
    span = TimeSpan(
        pendulum.datetime(2025, 3, 3, 1, tz="UTC"), pendulum.datetime(2025, 3, 3, 2, tz="UTC")
    )
    assert list(span.dates()) == [dt.date(2025, 3, 3)]
    assert list(span.dates(pendulum.timezone("America/New_York"))) == [dt.date(2025, 3, 2)]


def test_parse_builds_a_span_from_two_iso_strings() -> None:
    """TimeSpan.parse reads both ends strictly."""
    span = TimeSpan.parse("2025-03-03T09:00:00+08:00", "2025-03-03T10:00:00+08:00")
    assert span == TimeSpan(_at(9), _at(10))
    with pytest.raises(JiguanError):
        TimeSpan.parse("2025-03-03T09:00:00", "2025-03-03T10:00:00+08:00")


def test_shifted_moves_both_ends() -> None:
    """shifted keeps the duration."""
    span = TimeSpan(_at(9), _at(10)).shifted(days=1, minutes=30)
    assert span == TimeSpan(_at(9, 30, day=4), _at(10, 30, day=4))


def test_duration_and_minutes_measure_the_span() -> None:
    """A 90-minute span lasts 90 minutes."""
    span = TimeSpan(_at(9), _at(10, 30))
    assert span.minutes == 90
    assert span.duration.in_minutes() == 90


def test_a_span_prints_in_shanghai_time() -> None:
    """str() shows the local office time, with the end date only when it differs."""
    assert str(TimeSpan(_at(9), _at(10))) == "2025-03-03 09:00–10:00"
    assert str(TimeSpan(_at(9), _at(10, day=4))) == "2025-03-03 09:00–2025-03-04 10:00"


def test_spans_order_by_start_then_end() -> None:
    """TimeSpan sorts chronologically."""
    spans = [TimeSpan(_at(10), _at(11)), TimeSpan(_at(9), _at(12)), TimeSpan(_at(9), _at(10))]
    assert sorted(spans) == [spans[2], spans[1], spans[0]]


class TestSupportedDates:
    def test_a_span_in_year_one_is_refused(self) -> None:
        """The supported dates are 1949-2200: year 1 is an InvalidValue naming start."""
        with pytest.raises(InvalidValue, match="1949-01-01 to 2200-12-31") as caught:
            TimeSpan(pendulum.datetime(1, 1, 2, tz="UTC"), pendulum.datetime(1, 1, 3, tz="UTC"))
        assert caught.value.field == "start"
        assert "超出支持的日期范围" in caught.value.render("zh")

    def test_a_span_ending_at_datetime_max_is_refused(self) -> None:
        """datetime.max is a sentinel, not a date: refused at construction, so that dates()
        never overflows."""
        end = dt.datetime.max.replace(tzinfo=dt.UTC)
        with pytest.raises(InvalidValue) as caught:
            TimeSpan(_at(9), end)
        assert caught.value.field == "end"
        assert caught.value.value == end

    def test_shifting_a_span_out_of_the_supported_dates_is_an_invalid_value(self) -> None:
        """shifted(days=10**7) raises InvalidValue, not OverflowError; the span is unchanged."""
        span = TimeSpan(_at(9), _at(10))
        with pytest.raises(InvalidValue) as caught:
            span.shifted(days=10**7)
        assert isinstance(caught.value, ValueError)
        assert caught.value.field == "shift"
        assert span == TimeSpan(_at(9), _at(10))
        with pytest.raises(InvalidValue):
            span.shifted(days=-(10**5))

    def test_the_last_supported_day_still_lists_its_dates(self) -> None:
        """A span on 31 December 2200 is accepted and dates() gives that day."""
        day = pendulum.datetime(2200, 12, 31, 9, tz=SHANGHAI)
        assert list(TimeSpan(day, day.add(hours=2)).dates()) == [dt.date(2200, 12, 31)]


class TestHalfDays:
    def test_a_morning_away_touches_one_half_day(self) -> None:
        """09:00-12:00 is the morning only; 09:00-17:30 both halves; 13:30-17:30 the afternoon."""
        assert [p.value for _, p in TimeSpan(_at(9), _at(12)).half_days()] == ["morning"]
        assert [p.value for _, p in TimeSpan(_at(9), _at(17, 30)).half_days()] == [
            "morning",
            "afternoon",
        ]
        assert [p.value for _, p in TimeSpan(_at(13, 30), _at(17, 30)).half_days()] == ["afternoon"]

    def test_whole_days_give_two_halves_each(self) -> None:
        """Two whole days midnight to midnight are four half days."""
        span = TimeSpan.whole_days(dt.date(2025, 3, 3), dt.date(2025, 3, 4))
        assert list(span.half_days()) == [
            (dt.date(2025, 3, 3), DayPart.MORNING),
            (dt.date(2025, 3, 3), DayPart.AFTERNOON),
            (dt.date(2025, 3, 4), DayPart.MORNING),
            (dt.date(2025, 3, 4), DayPart.AFTERNOON),
        ]
