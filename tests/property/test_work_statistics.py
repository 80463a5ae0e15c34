"""Statistics properties: additivity over sub-periods, person-times = participants summed,
the fast path equals the plain loop, the 余 rounding never overstates."""

from __future__ import annotations

import datetime as dt
import itertools

from hypothesis import given
from hypothesis import strategies as st

from jiguan_core.work.records import Record
from jiguan_core.work.statistics import (
    Measure,
    Metric,
    PeriodStatistics,
    measure_of,
    metric_of,
    reference_statistics,
    statistics,
    yu_round,
)
from tests.strategies_work import FIRST_DAY, LAST_DAY, book_of, days, record_lists


def _add(
    parts: list[PeriodStatistics],
) -> tuple[dict[Metric, int], dict[str, dict[Metric, int]], dict[str, dict[Metric, int]]]:
    totals: dict[Metric, int] = dict.fromkeys(Metric, 0)
    departments: dict[str, dict[Metric, int]] = {}
    people: dict[str, dict[Metric, int]] = {}
    for part in parts:
        for metric, value in part.totals.items():
            totals[metric] += value
        for table, source in ((departments, part.by_department), (people, part.by_person)):
            for key, row in source.items():
                target = table.setdefault(key, {})
                for metric, value in row.items():
                    target[metric] = target.get(metric, 0) + value
    return totals, departments, people


@given(record_lists(), st.lists(days, min_size=0, max_size=4))
def test_a_period_equals_the_sum_of_its_sub_periods(
    records: list[Record], cuts: list[dt.date]
) -> None:
    """Cut [start, end) anywhere: totals, departments and people add up."""
    book = book_of(records)
    start, end = FIRST_DAY, LAST_DAY + dt.timedelta(days=1)
    bounds = [start, *sorted(set(cuts)), end]
    bounds = sorted(set(bounds))
    parts = [statistics(book, a, b) for a, b in itertools.pairwise(bounds)]
    whole = statistics(book, start, end)
    totals, departments, people = _add(parts)
    assert totals == dict(whole.totals)
    assert departments == {k: dict(v) for k, v in whole.by_department.items()}
    assert people == {k: dict(v) for k, v in whole.by_person.items()}


@given(record_lists(), days, days)
def test_person_times_equal_the_participants_summed(
    records: list[Record], a: dt.date, b: dt.date
) -> None:
    """Each person-time metric is the number of participants of the records counted."""
    start, end = min(a, b), max(a, b)
    stats = statistics(book_of(records), start, end)
    for metric in Metric:
        inside = [r for r in records if start <= r.on < end and metric_of(r) is metric]
        expected = (
            sum(len(r.participants) for r in inside)
            if measure_of(metric) is Measure.PERSON_TIMES
            else len(inside)
        )
        assert stats.totals[metric] == expected
        by_people = sum(row.get(metric, 0) for row in stats.by_person.values())
        assert by_people == sum(len(r.participants) for r in inside)


@given(record_lists(), days, days)
def test_the_fast_path_equals_the_reference(records: list[Record], a: dt.date, b: dt.date) -> None:
    """Indexed statistics and the plain loop give the same figures."""
    start, end = min(a, b), max(a, b)
    book = book_of(records)
    assert statistics(book, start, end) == reference_statistics(records, start, end)
    # Asking twice (the cached index) gives the same answer.
    assert statistics(book, start, end) == statistics(book, start, end)


@given(st.integers(min_value=0, max_value=10**9), st.integers(min_value=1, max_value=4))
def test_yu_rounding_never_overstates_and_marks_every_cut(value: int, digits: int) -> None:
    """shown <= value; approximate exactly when something was cut; few significant digits."""
    shown, approximate = yu_round(value, significant_digits=digits)
    assert shown <= value
    assert approximate == (shown != value)
    if value >= 10:
        assert len(str(shown).rstrip("0")) <= digits
        assert value - shown < 10 ** max(len(str(value)) - digits, 0)
