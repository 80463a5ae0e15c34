"""Period statistics "since a date", as the office reports them (ARTICLE-LEARN).

The article's figures — "2024年以来，市政协机关组织开展集中学习80余次；干部职工参加各类培训200余
人次，借阅图书300余人次，撰写心得体会50余篇，在中央级媒体发表稿件5篇、省级媒体发表稿件98篇" — are
:class:`Metric` values over a half-open period ``[start, end)``. A metric is either a *count* of
records (次, 篇) or a sum of *person-times* (人次: each participant of each record once).

Per department a record counts for its own ``department_id`` (the organiser or owner); per person
a record counts once for each participant. So the departments' figures add up to the totals, the
people's person-times add up to the total person-times, and the figures of a period are the sums
of those of its sub-periods.

The "余" convention (rule WORK-YU, :class:`YuConvention`): a figure is cut to its leading
``significant_digits`` digit(s) and "余" (over) is added when something was cut — 83 → 80余,
235 → 200余, 80 → 80; figures below ``exact_below`` and the metrics listed in ``exact_metrics``
(by default publications and honours, which the article gives exactly: 98篇, 9人次) stay exact.
"""

from __future__ import annotations

import bisect
import datetime as dt
from collections import Counter
from collections.abc import Iterable, Mapping
from types import MappingProxyType
from typing import Any

from attrs import field, frozen

from jiguan_core._validation import (
    SortedFrozenSet,
    boundary,
    is_collection,
    keep,
    members_of,
    parameter,
)
from jiguan_core.catalogue.work import YU_ROUNDING
from jiguan_core.errors import InvalidValue
from jiguan_core.text import Lang, TermEnum
from jiguan_core.work.records import Record, RecordBook, RecordColumn, RecordKind, Tier

__all__ = [
    "Measure",
    "Metric",
    "PeriodStatistics",
    "YuConvention",
    "metric_of",
    "reference_statistics",
    "render_figure",
    "render_statistics",
    "since_text",
    "statistics",
    "yu_round",
]


class Measure(TermEnum):
    COUNT = "count", "次数"
    PERSON_TIMES = "person_times", "人次"


class Metric(TermEnum):
    """The figures an office reports; ``zh`` is the phrase the figure follows."""

    STUDY_SESSIONS = "study_sessions", "组织开展集中学习"
    TRAINING_PERSON_TIMES = "training_person_times", "干部职工参加各类培训"
    BOOK_LOANS = "book_loans", "借阅图书"
    ESSAYS = "essays", "撰写心得体会"
    PUBLICATIONS_CENTRAL = "publications_central", "在中央级媒体发表稿件"
    PUBLICATIONS_PROVINCIAL = "publications_provincial", "省级媒体发表稿件"
    PUBLICATIONS_MUNICIPAL = "publications_municipal", "市级媒体发表稿件"
    RESEARCH_INSPECTIONS = "research_inspections", "开展调研视察"
    STUDY_VISITS = "study_visits", "外出考察学习"
    HONOURS_CENTRAL = "honours_central", "国家级先进"
    HONOURS_PROVINCIAL = "honours_provincial", "省级先进"
    HONOURS_MUNICIPAL = "honours_municipal", "市级先进"
    COLLECTIVE_HONOURS_CENTRAL = "collective_honours_central", "国家级先进集体"
    COLLECTIVE_HONOURS_PROVINCIAL = "collective_honours_provincial", "省级先进集体"
    COLLECTIVE_HONOURS_MUNICIPAL = "collective_honours_municipal", "市级先进集体"


M = Metric
_MEASURE: Mapping[Metric, Measure] = {
    m: (
        Measure.PERSON_TIMES
        if m
        in (
            M.TRAINING_PERSON_TIMES,
            M.BOOK_LOANS,
            M.HONOURS_CENTRAL,
            M.HONOURS_PROVINCIAL,
            M.HONOURS_MUNICIPAL,
        )
        else Measure.COUNT
    )
    for m in Metric
}
_UNIT_ZH: Mapping[Metric, str] = {
    m: "人次" if _MEASURE[m] is Measure.PERSON_TIMES else "次" for m in Metric
} | {
    M.ESSAYS: "篇",
    M.PUBLICATIONS_CENTRAL: "篇",
    M.PUBLICATIONS_PROVINCIAL: "篇",
    M.PUBLICATIONS_MUNICIPAL: "篇",
}
_EN: Mapping[Metric, str] = {
    M.STUDY_SESSIONS: "{} centralised study sessions were held",
    M.TRAINING_PERSON_TIMES: "staff attended trainings {} person-times",
    M.BOOK_LOANS: "borrowed books {} person-times",
    M.ESSAYS: "wrote {} essays",
    M.PUBLICATIONS_CENTRAL: "published {} articles in central media",
    M.PUBLICATIONS_PROVINCIAL: "published {} articles in provincial media",
    M.PUBLICATIONS_MUNICIPAL: "published {} articles in municipal media",
    M.RESEARCH_INSPECTIONS: "{} research trips and inspections were made",
    M.STUDY_VISITS: "{} study visits were made",
    M.HONOURS_CENTRAL: "national honours for staff {} person-times",
    M.HONOURS_PROVINCIAL: "provincial honours for staff {} person-times",
    M.HONOURS_MUNICIPAL: "municipal honours for staff {} person-times",
    M.COLLECTIVE_HONOURS_CENTRAL: "national collective honours {} times",
    M.COLLECTIVE_HONOURS_PROVINCIAL: "provincial collective honours {} times",
    M.COLLECTIVE_HONOURS_MUNICIPAL: "municipal collective honours {} times",
}
#: The sentences of the paragraph, as the article groups them, with a Chinese lead-in.
_SENTENCES: tuple[tuple[str, tuple[Metric, ...]], ...] = (
    ("", (M.STUDY_SESSIONS,)),
    (
        "",
        (
            M.TRAINING_PERSON_TIMES,
            M.BOOK_LOANS,
            M.ESSAYS,
            M.PUBLICATIONS_CENTRAL,
            M.PUBLICATIONS_PROVINCIAL,
            M.PUBLICATIONS_MUNICIPAL,
        ),
    ),
    ("", (M.RESEARCH_INSPECTIONS, M.STUDY_VISITS)),
    ("干部职工被评为", (M.HONOURS_CENTRAL, M.HONOURS_PROVINCIAL, M.HONOURS_MUNICIPAL)),
    (
        "机关被评为",
        (
            M.COLLECTIVE_HONOURS_CENTRAL,
            M.COLLECTIVE_HONOURS_PROVINCIAL,
            M.COLLECTIVE_HONOURS_MUNICIPAL,
        ),
    ),
)
#: Figures of one series, joined with "、" in Chinese (中央级媒体5篇、省级媒体98篇).
_SERIES: tuple[frozenset[Metric], ...] = (
    frozenset({M.PUBLICATIONS_CENTRAL, M.PUBLICATIONS_PROVINCIAL, M.PUBLICATIONS_MUNICIPAL}),
    frozenset({M.HONOURS_CENTRAL, M.HONOURS_PROVINCIAL, M.HONOURS_MUNICIPAL}),
    frozenset(
        {
            M.COLLECTIVE_HONOURS_CENTRAL,
            M.COLLECTIVE_HONOURS_PROVINCIAL,
            M.COLLECTIVE_HONOURS_MUNICIPAL,
        }
    ),
)


def _same_series(a: Metric, b: Metric) -> bool:
    return any(a in series and b in series for series in _SERIES)


_BY_KIND: Mapping[RecordKind, Metric] = {
    RecordKind.STUDY_SESSION: M.STUDY_SESSIONS,
    RecordKind.TRAINING: M.TRAINING_PERSON_TIMES,
    RecordKind.BOOK_LOAN: M.BOOK_LOANS,
    RecordKind.ESSAY: M.ESSAYS,
    RecordKind.RESEARCH: M.RESEARCH_INSPECTIONS,
    RecordKind.INSPECTION: M.RESEARCH_INSPECTIONS,
    RecordKind.STUDY_VISIT: M.STUDY_VISITS,
}
_BY_TIER: Mapping[tuple[RecordKind, Tier, bool], Metric] = {
    (RecordKind.PUBLICATION, Tier.CENTRAL, False): M.PUBLICATIONS_CENTRAL,
    (RecordKind.PUBLICATION, Tier.PROVINCIAL, False): M.PUBLICATIONS_PROVINCIAL,
    (RecordKind.PUBLICATION, Tier.MUNICIPAL, False): M.PUBLICATIONS_MUNICIPAL,
    (RecordKind.HONOUR, Tier.CENTRAL, False): M.HONOURS_CENTRAL,
    (RecordKind.HONOUR, Tier.PROVINCIAL, False): M.HONOURS_PROVINCIAL,
    (RecordKind.HONOUR, Tier.MUNICIPAL, False): M.HONOURS_MUNICIPAL,
    (RecordKind.HONOUR, Tier.CENTRAL, True): M.COLLECTIVE_HONOURS_CENTRAL,
    (RecordKind.HONOUR, Tier.PROVINCIAL, True): M.COLLECTIVE_HONOURS_PROVINCIAL,
    (RecordKind.HONOUR, Tier.MUNICIPAL, True): M.COLLECTIVE_HONOURS_MUNICIPAL,
}


def measure_of(metric: Metric) -> Measure:
    return _MEASURE[metric]


def metric_of(record: Record) -> Metric:
    """The figure a record counts towards."""
    found = _BY_KIND.get(record.kind)
    if found is not None:
        return found
    assert record.level is not None  # Record guarantees a level for publications and honours
    return _BY_TIER[(record.kind, record.level, record.is_collective)]


def _totals(values: Mapping[Metric, int]) -> Mapping[Metric, int]:
    return MappingProxyType({m: int(values.get(m, 0)) for m in Metric})


@frozen(kw_only=True)
class PeriodStatistics:
    """The figures of ``[start, end)``: totals (every metric, zeros included), and per
    department and per person (non-zero figures only, keys sorted, metrics in order)."""

    start: dt.date
    end: dt.date
    totals: Mapping[Metric, int] = field(converter=_totals)
    by_department: Mapping[str, Mapping[Metric, int]]
    by_person: Mapping[str, Mapping[Metric, int]]

    def __getitem__(self, metric: Metric) -> int:
        return self.totals[metric]

    def to_data(self) -> dict[str, Any]:
        """Plain data (JSON-ready): metric values as keys."""
        return {
            "start": self.start.isoformat(),
            "end": self.end.isoformat(),
            "totals": {m.value: v for m, v in self.totals.items()},
            "by_department": {
                k: {m.value: v for m, v in row.items()} for k, row in self.by_department.items()
            },
            "by_person": {
                k: {m.value: v for m, v in row.items()} for k, row in self.by_person.items()
            },
        }


_METRICS = tuple(Metric)


def _check_period(start: dt.date, end: dt.date) -> None:
    for name, value in (("start", start), ("end", end)):
        if not isinstance(value, dt.date) or isinstance(value, dt.datetime):
            raise InvalidValue(
                f"statistics: {name} must be a date, got {value!r}",
                f"统计：{name} 应为日期，实际为 {value!r}",
                field=name,
                value=value,
            )
    if end < start:
        raise InvalidValue(
            f"statistics: the period ends ({end}) before it starts ({start})",
            f"统计：截止日期 {end} 早于起始日期 {start}",
            field="end",
            value=end,
        )


@boundary
def statistics(book: RecordBook, start: dt.date, end: dt.date) -> PeriodStatistics:
    """The figures of ``[start, end)`` ("since ``start``": pass the report day as ``end``).

    Fast path: the book keeps its records as date-ordered columns, one per (kind, level,
    collective) (:class:`~jiguan_core.work.records.RecordColumn`); a period is two binary
    searches and C-level counting per column.
    """
    _check_period(start, end)
    totals: dict[Metric, int] = {}
    departments: dict[str, dict[Metric, int]] = {}
    people: dict[str, dict[Metric, int]] = {}
    columns = sorted(
        ((_METRICS.index(_metric_of_group(c)), c) for c in book.columns), key=lambda p: p[0]
    )
    for position, column in columns:
        metric = _METRICS[position]
        lo = bisect.bisect_left(column.days, start)
        hi = bisect.bisect_left(column.days, end)
        if lo == hi:
            continue
        a, b = column.offsets[lo], column.offsets[hi]
        if _MEASURE[metric] is Measure.COUNT:
            amount = hi - lo
            per_department = Counter(column.departments[lo:hi])
        else:
            amount = b - a
            per_department = Counter(column.person_departments[a:b])
        totals[metric] = totals.get(metric, 0) + amount
        for department, value in per_department.items():
            row = departments.setdefault(department, {})
            row[metric] = row.get(metric, 0) + value
        for person, value in Counter(column.people[a:b]).items():
            row = people.setdefault(person, {})
            row[metric] = row.get(metric, 0) + value
    return PeriodStatistics(
        start=start,
        end=end,
        totals=totals,
        by_department={k: departments[k] for k in sorted(departments)},
        by_person={k: people[k] for k in sorted(people)},
    )


def _metric_of_group(column: RecordColumn) -> Metric:
    found = _BY_KIND.get(column.kind)
    if found is not None:
        return found
    assert column.level is not None
    return _BY_TIER[(column.kind, column.level, column.collective)]


@boundary
def reference_statistics(
    records: Iterable[Record], start: dt.date, end: dt.date
) -> PeriodStatistics:
    """The same figures by a plain loop over the records: the oracle of the tests and the
    baseline of the benchmark."""
    _check_period(start, end)
    totals: dict[Metric, int] = {}
    departments: dict[str, dict[Metric, int]] = {}
    people: dict[str, dict[Metric, int]] = {}
    for record in records:
        if not start <= record.on < end:
            continue
        metric = metric_of(record)
        amount = 1 if _MEASURE[metric] is Measure.COUNT else len(record.participants)
        if amount:
            totals[metric] = totals.get(metric, 0) + amount
            row = departments.setdefault(record.department_id, {})
            row[metric] = row.get(metric, 0) + amount
        for person in record.participants:
            row = people.setdefault(person, {})
            row[metric] = row.get(metric, 0) + 1

    def ordered(table: dict[str, dict[Metric, int]]) -> dict[str, dict[Metric, int]]:
        return {k: {m: table[k][m] for m in _METRICS if m in table[k]} for k in sorted(table)}

    return PeriodStatistics(
        start=start,
        end=end,
        totals=totals,
        by_department=ordered(departments),
        by_person=ordered(people),
    )


# Rendering -------------------------------------------------------------------------------
_DEFAULT_EXACT = frozenset(
    {
        M.PUBLICATIONS_CENTRAL,
        M.PUBLICATIONS_PROVINCIAL,
        M.PUBLICATIONS_MUNICIPAL,
        M.HONOURS_CENTRAL,
        M.HONOURS_PROVINCIAL,
        M.HONOURS_MUNICIPAL,
        M.COLLECTIVE_HONOURS_CENTRAL,
        M.COLLECTIVE_HONOURS_PROVINCIAL,
        M.COLLECTIVE_HONOURS_MUNICIPAL,
    }
)


@boundary
def yu_round(
    value: int, *, significant_digits: int | None = None, exact_below: int | None = None
) -> tuple[int, bool]:
    """``(shown, approximate)``: 83 → (80, True); 80 → (80, False); 9 → (9, False).

    ``significant_digits`` and ``exact_below`` default to rule WORK-YU's parameters (1, 10).
    """
    if not isinstance(value, int) or isinstance(value, bool) or value < 0:
        raise InvalidValue(
            f"a figure is a whole number >= 0, got {value!r}",
            f"统计数应为非负整数，实际为 {value!r}",
            field="value",
            value=value,
        )
    overrides: dict[str, int] = {}
    if significant_digits is not None:
        overrides["significant_digits"] = significant_digits
    if exact_below is not None:
        overrides["exact_below"] = exact_below
    parameters = YU_ROUNDING.resolve(overrides)
    if value < int(parameters["exact_below"]):
        return value, False
    step = 10 ** max(len(str(value)) - int(parameters["significant_digits"]), 0)
    shown = value // step * step
    return shown, shown != value


def _metric_set(values: Iterable[Metric]) -> frozenset[Metric]:
    if isinstance(values, Metric):
        return SortedFrozenSet((values,))
    return SortedFrozenSet(values) if is_collection(values) else keep(values, _metric_set)


@frozen(kw_only=True)
class YuConvention:
    """How figures are rounded for a report (WORK-YU); ``YuConvention.of({...})`` checks
    overrides against the rule."""

    significant_digits: int = field(
        default=int(YU_ROUNDING.defaults["significant_digits"]),
        validator=parameter(YU_ROUNDING, "significant_digits", integer=True),
    )
    exact_below: int = field(
        default=int(YU_ROUNDING.defaults["exact_below"]),
        validator=parameter(YU_ROUNDING, "exact_below", integer=True),
    )
    exact_metrics: frozenset[Metric] = field(
        default=_DEFAULT_EXACT, converter=_metric_set, validator=members_of(Metric)
    )

    @classmethod
    def of(
        cls,
        overrides: Mapping[str, Any] | None = None,
        exact_metrics: Iterable[Metric] = _DEFAULT_EXACT,
    ) -> YuConvention:
        values = YU_ROUNDING.resolve(overrides)
        return cls(
            significant_digits=int(values["significant_digits"]),
            exact_below=int(values["exact_below"]),
            exact_metrics=frozenset(exact_metrics),
        )

    def round(self, metric: Metric, value: int) -> tuple[int, bool]:
        if metric in self.exact_metrics:
            return value, False
        return yu_round(
            value, significant_digits=self.significant_digits, exact_below=self.exact_below
        )


@boundary
def render_figure(
    metric: Metric, value: int, lang: Lang = "zh", convention: YuConvention | None = None
) -> str:
    """``80余次`` / ``83次`` in Chinese, ``over 80`` / ``83`` in English."""
    shown, approximate = convention.round(metric, value) if convention else (value, False)
    if lang == "zh":
        return f"{shown}{'余' if approximate else ''}{_UNIT_ZH[metric]}"
    return f"over {shown:,}" if approximate else f"{shown:,}"


@boundary
def since_text(start: dt.date, lang: Lang = "zh") -> str:
    """ "2024年以来" for 1 January, "2024年3月1日以来" otherwise (English: "Since ...")."""
    if lang == "zh":
        if (start.month, start.day) == (1, 1):
            return f"{start.year}年以来"
        return f"{start.year}年{start.month}月{start.day}日以来"
    if (start.month, start.day) == (1, 1):
        return f"Since {start.year}"
    return f"Since {start.day} {start.strftime('%B')} {start.year}"


@boundary
def render_statistics(
    stats: PeriodStatistics,
    lang: Lang = "zh",
    *,
    convention: YuConvention | None = None,
    subject: str | None = None,
) -> str:
    """The figures as one paragraph in the article's style; zero figures are left out.

    ``convention=None`` writes exact figures; pass :class:`YuConvention` for "80余次".
    """
    sentences: list[str] = []
    for lead, group in _SENTENCES:
        sentence = ""
        previous: Metric | None = None
        for metric in group:
            value = stats.totals[metric]
            if not value:
                continue
            figure = render_figure(metric, value, lang, convention)
            if lang == "en":
                part = _EN[metric].format(figure)
                sentence = f"{sentence}, {part}" if sentence else part
            elif previous is None:
                sentence = f"{lead}{metric.zh}{figure}"
            else:
                joiner = "、" if _same_series(previous, metric) else "，"
                sentence = f"{sentence}{joiner}{metric.zh}{figure}"
            previous = metric
        if sentence:
            sentences.append(sentence)
    opening = since_text(stats.start, lang)
    if lang == "zh":
        who = subject if subject is not None else "机关"
        if not sentences:
            return f"{opening}，{who}暂无统计数据。"
        return f"{opening}，{who}" + "；".join(sentences) + "。"
    who = subject if subject is not None else "the office"
    if not sentences:
        return f"{opening}, {who} has no figures to report."
    return f"{opening} ({who}): " + "; ".join(sentences) + "."
