"""The benchmark's instance families: deterministic, and shaped as their names say."""

from __future__ import annotations

import datetime as dt

import pytest

from jiguan_core.errors import InvalidValue
from jiguan_core.scheduling import expand_all
from jiguan_core.scheduling.instances import FAMILIES, generate_family
from tests._two_processes import two_runs


@pytest.mark.parametrize("family", sorted(FAMILIES))
def test_each_family_is_the_same_for_the_same_seed_and_differs_across_seeds(family: str) -> None:
    first = generate_family(family, seed=3, requests=30)
    one, two = two_runs(
        "from jiguan_core.scheduling.instances import generate_family\n"
        f"print(repr(generate_family({family!r}, seed=3, requests=30)))\n"
    )
    assert one == two == repr(first) + "\n"
    assert first.requests != generate_family(family, seed=4, requests=30).requests
    assert len(first.requests) == 30


@pytest.mark.parametrize("family", sorted(FAMILIES))
def test_every_family_has_its_default_size(family: str) -> None:
    instance = generate_family(family)
    assert len(instance.requests) == FAMILIES[family].requests


def test_the_holiday_families_have_windows_over_the_holiday_and_its_working_weekends() -> None:
    """National Day 2025 (1-8 October, working Sunday 28 September) and Spring Festival 2026."""
    for family, holiday in (
        ("national_day", dt.date(2025, 10, 3)),
        ("spring_festival", dt.date(2026, 2, 18)),
    ):
        instance = generate_family(family)
        assert not instance.calendar.is_working_day(holiday)
        over = [
            r for r in instance.requests if r.earliest_start.date() < holiday < r.latest_end.date()
        ]
        assert len(over) >= 10


def test_the_heavy_fixed_calendar_has_activities_off_the_half_hour_grid() -> None:
    instance = generate_family("heavy_fixed")
    off_grid = [a for a in instance.office.activities if a.span.start.minute % 30]
    assert len(instance.office.activities) >= 150
    assert len(off_grid) >= 50


def test_many_participants_means_eight_or_more_per_request() -> None:
    requests = generate_family("many_participants").requests
    sizes = [len(r.participants) for r in requests if not r.rrule]
    assert min(sizes) >= 8


def test_field_trips_run_several_days_and_take_leadership_members() -> None:
    requests = generate_family("field_trips").requests
    trips = [r for r in requests if r.kind.is_field_trip]
    assert any(r.days >= 2 for r in trips)
    assert sum(1 for r in trips if r.leaders or r.any_leaders) >= len(trips) // 2


def test_mixed_weights_range_from_one_to_thirteen() -> None:
    jobs = expand_all(generate_family("mixed_weights").requests)
    assert {1, 13} <= {j.priority for j in jobs}


def test_the_over_subscribed_family_asks_for_more_room_time_than_there_is() -> None:
    instance = generate_family("over_subscribed")
    days = instance.calendar.working_days(instance.quarter_start, instance.quarter_end)
    room_hours = len(days) * 6.5 * len(instance.office.rooms)
    asked = sum(
        r.duration.total_seconds() / 3600 for r in instance.requests if r.duration and r.rooms
    )
    assert asked > room_hours


def test_an_unknown_family_or_size_is_a_clear_error() -> None:
    with pytest.raises(InvalidValue, match="unknown instance family 'nope'"):
        generate_family("nope")
    with pytest.raises(InvalidValue, match="requests"):
        generate_family("friendly", requests=0)
