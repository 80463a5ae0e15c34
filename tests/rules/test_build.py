"""What the violations built from matched facts say (rules/_build.py): the numbers and names in
their messages."""

from __future__ import annotations

import datetime as dt

import attrs

from jiguan_core.activity import ActivityKind
from jiguan_core.rules import check
from tests.rules._builders import OFFICE, act

TUESDAY = dt.date(2025, 3, 4)


def _trip(id: str, **kw: object):  # type: ignore[no-untyped-def]
    return act(id, kind=ActivityKind.RESEARCH, place="甲县", **kw)  # type: ignore[arg-type]


def test_a_trip_pile_up_says_how_many_whole_days_lie_between_the_trips() -> None:
    """SCHED-COORD-TRIPS: 11:00 on 4 March to 9:00 on 14 March is 9 whole days."""
    report = check(OFFICE, activities=[_trip("t1"), _trip("t2", day=dt.date(2025, 3, 14))])
    (v,) = report.violations
    assert "相隔约 9 天" in v.message.zh
    assert "about 9 days apart" in v.message.en


def test_overlapping_trips_are_zero_days_apart() -> None:
    """Trips 9-11 and 10-12 on the same day: 0 days apart, never a negative gap."""
    report = check(OFFICE, activities=[_trip("t1"), _trip("t2", start=10, end=12)])
    (v,) = report.violations
    assert v.part == "SCHED-COORD-TRIPS/pile_up"
    assert "相隔约 0 天" in v.message.zh


def test_a_busy_week_names_the_department_in_english_when_it_has_an_english_name() -> None:
    """SCHED-COORD-LOAD: the English message uses ``name_en``, the Chinese one ``name``."""
    departments = [
        attrs.evolve(d, name_en="First Committee") if d.id == "d001" else d
        for d in OFFICE.departments
    ]
    office = attrs.evolve(OFFICE, departments=departments)
    week = [
        act(f"m{i}", day=TUESDAY + dt.timedelta(days=i % 3), start=8 + 2 * i, end=9 + 2 * i)
        for i in range(5)
    ]
    (v,) = [v for v in check(office, activities=week).violations if v.rule_id == "SCHED-COORD-LOAD"]
    assert v.message.en.startswith("First Committee organises 5 activities")
    assert v.message.zh.startswith("第1委室在")
