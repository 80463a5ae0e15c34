"""Deterministic sample assessment data for the sample office's staff, 2021-2025.

Made in code from a fixed seed (no files): quarterly rater-group scores, annual democratic and
party-group ratings, and a few realistic cases — a 警告 (A6), a 记过 (A7), an open
investigation (A5), long sick leave (A4), probationers (A3), a weak performer with a nursing
period (A13, A14), honours at provincial and municipal level (the article's 人次).
``demo_lines`` shows the quarterly and annual results with their explanations.
"""

from __future__ import annotations

import datetime as dt
import random
from functools import cache

from jiguan_core.assessment.annual import AnnualResult, assess_year
from jiguan_core.assessment.awards import award_eligibility, honour_counts
from jiguan_core.assessment.consequences import YearOutcome, consequences
from jiguan_core.assessment.explain import explain_annual, explain_routine
from jiguan_core.assessment.grades import Grade, RoutineGrade
from jiguan_core.assessment.records import (
    AnnualScores,
    AssessmentRecords,
    AwardKind,
    Honour,
    HonourLevel,
    Investigation,
    LeaveRecord,
    Probation,
    ProtectedKind,
    ProtectedPeriod,
    QuarterScores,
    Sanction,
    SanctionKind,
)
from jiguan_core.assessment.routine import routine_timetable
from jiguan_core.assessment.sanctions import sanction_periods
from jiguan_core.calendar import WorkCalendar
from jiguan_core.examples.office import sample_office
from jiguan_core.text import Lang

__all__ = ["SAMPLE_YEARS", "demo_lines", "sample_history", "sample_records", "sample_results"]

#: The years the sample assessment covers.
SAMPLE_YEARS: tuple[int, ...] = (2021, 2022, 2023, 2024, 2025)

_SEED = 20250105
_RATERS = ("supervisor", "colleagues", "panel")
_STRONG = "s007"
_WEAK = "s050"


def _clip(value: float) -> float:
    return round(min(100.0, max(40.0, value)), 1)


@cache
def sample_records() -> AssessmentRecords:
    """The sample office's assessment inputs for 2021-2025 (cached; the same on every run)."""
    office = sample_office()
    rng = random.Random(_SEED)
    people = [p for p in office.staff if not p.is_leadership_member]
    base = {p.id: rng.uniform(74.0, 93.0) for p in people}
    base[_STRONG] = 97.0
    base[_WEAK] = 58.0
    quarter_scores: list[QuarterScores] = []
    annual_scores: list[AnnualScores] = []
    for year in SAMPLE_YEARS:
        for person in people:
            if person.hire_date >= dt.date(year + 1, 1, 1):
                continue
            level = base[person.id] + rng.uniform(-2.5, 2.5)
            if person.id == _WEAK and year < 2024:
                level = 66.0
            for quarter in (1, 2, 3, 4):
                if person.hire_date >= WorkCalendar.quarter_range(year, quarter).end:
                    continue
                quarter_scores.append(
                    QuarterScores(
                        staff_id=person.id,
                        year=year,
                        quarter=quarter,
                        scores={r: _clip(level + rng.uniform(-4, 4)) for r in _RATERS},
                    )
                )
            annual_scores.append(
                AnnualScores(
                    staff_id=person.id,
                    year=year,
                    scores={
                        "democratic": _clip(level + rng.uniform(-3, 3)),
                        "party_group": _clip(level + rng.uniform(-3, 3)),
                    },
                )
            )
    honours = [
        Honour(
            staff_id=people[(7 * i) % len(people)].id,
            kind=AwardKind.ADVANCED_INDIVIDUAL,
            level=HonourLevel.PROVINCIAL if i < 9 else HonourLevel.MUNICIPAL,
            day=dt.date(2024 + (i % 2), 3 + (i % 9), 10),
            title="先进工作者" if i < 9 else "优秀公务员",
        )
        for i in range(22)
    ]
    return AssessmentRecords(
        quarter_scores=quarter_scores,
        annual_scores=annual_scores,
        leave=[LeaveRecord(staff_id="s045", year=2023, sick_days=190, personal_days=5)],
        probations=[
            Probation(staff_id="s013", start=dt.date(2023, 9, 1), end=dt.date(2024, 9, 1)),
            Probation(staff_id="s052", start=dt.date(2023, 9, 1), end=dt.date(2024, 9, 1)),
        ],
        investigations=[Investigation(staff_id="s040", opened=dt.date(2025, 11, 3))],
        sanctions=[
            Sanction(staff_id="s020", kind=SanctionKind.WARNING, start=dt.date(2025, 3, 14)),
            Sanction(staff_id="s030", kind=SanctionKind.DEMERIT, start=dt.date(2024, 6, 20)),
            Sanction(staff_id="s030", kind=SanctionKind.WARNING, start=dt.date(2025, 2, 10)),
            Sanction(staff_id="s035", kind=SanctionKind.PARTY_WARNING, start=dt.date(2025, 5, 8)),
        ],
        protected=[
            ProtectedPeriod(
                staff_id=_WEAK,
                kind=ProtectedKind.NURSING,
                start=dt.date(2025, 4, 1),
                end=dt.date(2026, 4, 1),
            )
        ],
        honours=honours,
    )


@cache
def sample_results() -> tuple[AnnualResult, ...]:
    """The annual results of 2021-2025 under the default policy (cached)."""
    office = sample_office()
    records = sample_records()
    return tuple(assess_year(office, records, year) for year in SAMPLE_YEARS)


def sample_history() -> tuple[YearOutcome, ...]:
    """Every person-year outcome of :func:`sample_results`."""
    return tuple(o for result in sample_results() for o in YearOutcome.from_result(result))


def demo_lines(lang: Lang = "zh") -> list[str]:
    zh = lang == "zh"
    records = sample_records()
    result = sample_results()[-1]
    lines: list[str] = []
    q3 = result.quarters[2]
    timetable = routine_timetable(2025, 3, scored_on=dt.date(2025, 10, 13))
    lines.append(
        f"== 2025 年第三季度平时考核（{timetable.scored_on} 考核，公示 {timetable.publicity_start}"
        f" 至 {timetable.publicity_end}）=="
        if zh
        else f"== Routine assessment 2025Q3 (scored {timetable.scored_on}, posted "
        f"{timetable.publicity_start} to {timetable.publicity_end}) =="
    )
    lines.append("  " + ", ".join(f"{g.label(lang)} {q3.count(g)}" for g in RoutineGrade))
    for outcome in q3.outcomes[:3]:
        lines.extend(explain_routine(outcome, q3, lang))
    lines.append("== 2025 年度考核 ==" if zh else "== Annual assessment 2025 ==")
    lines.append("  " + ", ".join(f"{g.label(lang)} {result.count(g)}" for g in Grade))
    shown = ["s007", "s020", "s030", "s040", "s050"]
    for staff_id in shown:
        lines.extend(explain_annual(result.outcome(staff_id), result, lang))
    periods = sanction_periods(records.sanctions)
    lines.append("== 考核结果运用（2025）==" if zh else "== Consequences (2025) ==")
    for c in consequences(
        sample_history(), periods=periods, protected=records.protected, years=[2025]
    ):
        if c.staff_id in shown:
            lines.append("  " + c.render(lang))
    lines.append("== 评先评优资格（2025）==" if zh else "== Award eligibility (2025) ==")
    for e in award_eligibility(
        shown,
        year=2025,
        on=dt.date(2026, 1, 15),
        history=sample_history(),
        periods=periods,
        investigations=records.investigations,
    ):
        status = (
            ("可以" if zh else "eligible") if e.eligible else ("不可" if zh else "not eligible")
        )
        why = "; ".join(f"{t.render(lang)} [{r}]" for r, t in e.reasons)
        lines.append(f"  {e.staff_id}: {status}" + (f" — {why}" if why else ""))
    counts = honour_counts(records.honours, dt.date(2024, 1, 1), dt.date(2026, 1, 1))
    lines.append(
        ("  2024 年以来获评：" if zh else "  honours since 2024: ")
        + ", ".join(
            f"{level.label(lang)} {n} {'人次' if zh else 'person-times'}"
            for level, n in counts
            if n
        )
    )
    return lines
