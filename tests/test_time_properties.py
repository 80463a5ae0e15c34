"""TimeSpan against brute force on minute grids, in several zones."""

from __future__ import annotations

import pendulum
from hypothesis import given
from hypothesis import strategies as st

from jiguan_core.time import SHANGHAI, TimeSpan, parse_datetime
from tests.strategies import aware_datetimes, time_spans, time_zones

BASE = pendulum.datetime(2025, 3, 3, 8, tz="UTC")


@st.composite
def grid_spans(draw: st.DrawFn) -> tuple[TimeSpan, int, int]:
    """A span on a 0-120 minute grid after BASE, expressed in a random zone."""
    start = draw(st.integers(0, 119))
    end = draw(st.integers(start + 1, 120))
    zone = draw(time_zones())
    span = TimeSpan(
        BASE.add(minutes=start).in_timezone(zone), BASE.add(minutes=end).in_timezone(zone)
    )
    return span, start, end


@given(grid_spans(), grid_spans())
def test_overlaps_is_true_exactly_when_the_spans_share_a_minute(
    first: tuple[TimeSpan, int, int], second: tuple[TimeSpan, int, int]
) -> None:
    """Half-open overlap equals "some grid minute lies in both", whatever the zones."""
    a, a_start, a_end = first
    b, b_start, b_end = second
    shared = set(range(a_start, a_end)) & set(range(b_start, b_end))
    assert a.overlaps(b) == bool(shared)
    assert b.overlaps(a) == a.overlaps(b)


@given(grid_spans(), st.integers(-5, 125))
def test_contains_is_true_exactly_for_minutes_from_start_to_before_end(
    span: tuple[TimeSpan, int, int], minute: int
) -> None:
    """contains(t) is start <= t < end."""
    value, start, end = span
    assert value.contains(BASE.add(minutes=minute)) == (start <= minute < end)


@given(grid_spans(), grid_spans())
def test_covers_is_true_exactly_when_every_minute_is_inside(
    first: tuple[TimeSpan, int, int], second: tuple[TimeSpan, int, int]
) -> None:
    """covers(other) iff other's minutes are a subset of this span's."""
    a, a_start, a_end = first
    b, b_start, b_end = second
    assert a.covers(b) == set(range(b_start, b_end)).issubset(range(a_start, a_end))


@given(time_spans(max_minutes=4 * 24 * 60), time_zones(fixed_offsets=True))
def test_dates_are_the_local_days_of_the_spans_minutes(
    span: TimeSpan, zone: pendulum.Timezone | pendulum.FixedTimezone
) -> None:
    """dates(tz) lists the distinct local days of the instants in [start, end).

    Sampling every 15 minutes plus the last instant before ``end`` finds every day: a middle
    day lasts far longer than 15 minutes, and the first and last days hold the sampled ends.
    """
    samples = []
    moment = span.start
    while moment < span.end:
        samples.append(moment)
        moment = moment.add(minutes=15)
    samples.append(span.end.subtract(microseconds=1))
    brute = sorted({m.in_timezone(zone).date() for m in samples})
    assert list(span.dates(zone)) == brute


@given(time_spans())
def test_a_span_lasts_its_minutes_and_shifting_keeps_the_duration(span: TimeSpan) -> None:
    """minutes matches end - start; a shifted span keeps its length (across zones and DST)."""
    assert span.minutes == int((span.end - span.start).total_seconds() // 60)
    moved = span.shifted(minutes=90)
    assert moved.minutes == span.minutes
    assert moved.start == span.start.add(minutes=90)


@given(aware_datetimes(seconds=True))
def test_an_iso_string_reads_back_as_the_same_instant(moment: pendulum.DateTime) -> None:
    """parse_datetime(isoformat) is the same instant with the same offset."""
    again = parse_datetime(moment.isoformat())
    assert again == moment
    assert again.utcoffset() == moment.utcoffset()


@given(aware_datetimes(zones=st.just(SHANGHAI)))
def test_an_office_time_reads_back_in_the_office_zone(moment: pendulum.DateTime) -> None:
    """Asia/Shanghai survives a round trip through its ISO string."""
    assert parse_datetime(moment.isoformat()).timezone_name == "Asia/Shanghai"
