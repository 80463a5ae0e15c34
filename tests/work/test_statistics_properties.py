"""Statistics properties: additivity over sub-periods, person-times = participants summed,
the figures equal the test's own plain loop, the 余 rounding never overstates."""

from __future__ import annotations

import datetime as dt
import itertools

from hypothesis import given
from hypothesis import strategies as st

from jiguan_core.work.records import Record
from jiguan_core.work.statistics import Metric, PeriodStatistics, statistics, yu_round
from tests.strategies_work import FIRST_DAY, LAST_DAY, book_of, days, record_lists

#: What a record counts towards, as the article reports it (组织开展集中学习 N 次, 参加各类培训
#: N 人次, 借阅图书 N 人次, 撰写心得体会 N 篇, 在各级媒体发表稿件 N 篇, 开展调研视察 N 次,
#: 外出考察学习 N 次, 被评为各级先进 N 人次, 机关被评为先进集体 N 次): (metric, person-times?).
_COUNTS: dict[tuple[str, str | None, bool], tuple[str, bool]] = {
    ("study_session", None, False): ("study_sessions", False),
    ("training", None, False): ("training_person_times", True),
    ("book_loan", None, False): ("book_loans", True),
    ("essay", None, False): ("essays", False),
    ("research", None, False): ("research_inspections", False),
    ("inspection", None, False): ("research_inspections", False),
    ("study_visit", None, False): ("study_visits", False),
    **{
        ("publication", tier, False): (f"publications_{tier}", False)
        for tier in ("central", "provincial", "municipal")
    },
    **{
        ("honour", tier, False): (f"honours_{tier}", True)
        for tier in ("central", "provincial", "municipal")
    },
    **{
        ("honour", tier, True): (f"collective_honours_{tier}", False)
        for tier in ("central", "provincial", "municipal")
    },
}


def _counts(record: Record) -> tuple[Metric, bool]:
    level = record.level.value if record.level is not None else None
    name, person_times = _COUNTS[record.kind.value, level, record.is_collective]
    return Metric(name), person_times


def _reference(
    records: list[Record], start: dt.date, end: dt.date
) -> tuple[dict[Metric, int], dict[str, dict[Metric, int]], dict[str, dict[Metric, int]]]:
    """The figures of [start, end) by a plain loop: a count adds 1, a person-time figure adds
    its participants; a department's and a person's rows keep their non-zero figures; a person
    is counted once per record they took part in."""
    totals = dict.fromkeys(Metric, 0)
    departments: dict[str, dict[Metric, int]] = {}
    people: dict[str, dict[Metric, int]] = {}
    for record in records:
        if not start <= record.on < end:
            continue
        metric, person_times = _counts(record)
        amount = len(record.participants) if person_times else 1
        totals[metric] += amount
        if amount:
            row = departments.setdefault(record.department_id, {})
            row[metric] = row.get(metric, 0) + amount
        for person in record.participants:
            mine = people.setdefault(person, {})
            mine[metric] = mine.get(metric, 0) + 1
    return totals, departments, people


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
    inside = [r for r in records if start <= r.on < end]
    expected = dict.fromkeys(Metric, 0)
    participants = dict.fromkeys(Metric, 0)
    for r in inside:
        metric, person_times = _counts(r)
        expected[metric] += len(r.participants) if person_times else 1
        participants[metric] += len(r.participants)
    assert dict(stats.totals) == expected
    by_people = {m: sum(row.get(m, 0) for row in stats.by_person.values()) for m in Metric}
    assert by_people == participants


@given(record_lists(), days, days)
def test_the_statistics_equal_a_plain_loop_over_the_records(
    records: list[Record], a: dt.date, b: dt.date
) -> None:
    """Indexed statistics equal the test's own plain loop, sorted as documented."""
    start, end = min(a, b), max(a, b)
    book = book_of(records)
    found = statistics(book, start, end)
    totals, departments, people = _reference(records, start, end)
    assert dict(found.totals) == totals
    assert {k: dict(v) for k, v in found.by_department.items()} == departments
    assert {k: dict(v) for k, v in found.by_person.items()} == people
    assert list(found.by_department) == sorted(departments)
    assert list(found.by_person) == sorted(people)
    for row in (*found.by_department.values(), *found.by_person.values()):
        assert list(row) == [m for m in Metric if m in row]  # metrics in the documented order
    # Asking again (the cached index) gives an equal answer.
    assert statistics(book, start, end) == found


@given(st.integers(min_value=0, max_value=10**9), st.integers(min_value=1, max_value=4))
def test_yu_rounding_never_overstates_and_marks_every_cut(value: int, digits: int) -> None:
    """shown <= value; approximate exactly when something was cut; few significant digits."""
    shown, approximate = yu_round(value, significant_digits=digits)
    assert shown <= value
    assert approximate == (shown != value)
    if value >= 10:
        assert len(str(shown).rstrip("0")) <= digits
        assert value - shown < 10 ** max(len(str(value)) - digits, 0)
