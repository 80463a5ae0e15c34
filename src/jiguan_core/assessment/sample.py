"""Deterministic sample assessment data for the sample office's staff, 2021-2025.

Made in code from a fixed seed (no files): quarterly rater-group scores, annual democratic and
party-group ratings, and a few realistic cases — a 警告 (A6), a 记过 (A7), an open
investigation (A5), long sick leave (A4), probationers (A3), a weak performer with a nursing
period (A13, A14), honours at provincial and municipal level (the article's 人次).
"""

from __future__ import annotations

import datetime as dt
import random
from functools import cache

from jiguan_core.assessment.annual import AnnualResult, assess_year
from jiguan_core.assessment.consequences import YearOutcome
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
from jiguan_core.calendar import WorkCalendar
from jiguan_core.sample import sample_office

__all__ = ["SAMPLE_YEARS", "sample_history", "sample_records", "sample_results"]

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
