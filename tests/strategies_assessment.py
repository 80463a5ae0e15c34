"""Tiny offices and records for the assessment tests (shared by unit and property tests)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping

from jiguan_core.assessment import (
    AnnualPolicy,
    AnnualScores,
    AssessmentRecords,
    QuarterScores,
    RoutinePolicy,
    Weights,
)
from jiguan_core.department import Department
from jiguan_core.organization import Organization
from jiguan_core.post import Post, PostAssignment, PostRole
from jiguan_core.staff import Level, Staff

YEAR = 2025


def staff_ids(n: int) -> list[str]:
    return [f"p{i:02d}" for i in range(1, n + 1)]


def tiny_office(
    ids: Iterable[str], *, hired: Mapping[str, dt.date] | None = None, level: Level = Level.CLERK
) -> Organization:
    """An office with one department and one post per person, everyone a clerk hired in 2010."""
    people = list(ids)
    hired = hired or {}
    return Organization(
        name="测试机关",
        departments=[Department(id="d1", name="办公室")],
        staff=[
            Staff(
                id=p,
                name=f"人员{p}",
                department_id="d1",
                level=level,
                hire_date=hired.get(p, dt.date(2010, 1, 1)),
            )
            for p in people
        ],
        posts=[Post(id=f"post-{p}", name=f"岗位{p}", department_id="d1") for p in people],
        assignments=[
            PostAssignment(
                staff_id=p, post_id=f"post-{p}", role=PostRole.MAIN, start=dt.date(2010, 1, 1)
            )
            for p in people
        ],
    )


#: One rater group and one annual component: the composite equals the person's score.
SIMPLE_ROUTINE = RoutinePolicy(rater_weights=Weights({"panel": 1.0}))
SIMPLE = AnnualPolicy(weights=Weights({"democratic": 0.5, "routine": 0.5}), routine=SIMPLE_ROUTINE)


def quarter_records(
    scores: Mapping[str, float], *, year: int = YEAR, quarters: Iterable[int] = (1, 2, 3, 4)
) -> list[QuarterScores]:
    return [
        QuarterScores(staff_id=p, year=year, quarter=q, scores={"panel": s})
        for p, s in scores.items()
        for q in quarters
    ]


def year_records(
    scores: Mapping[str, float], *, year: int = YEAR, **extra: object
) -> AssessmentRecords:
    """Every person scores ``scores[p]`` in every quarter and in the democratic rating."""
    return AssessmentRecords(
        quarter_scores=quarter_records(scores, year=year),
        annual_scores=[
            AnnualScores(staff_id=p, year=year, scores={"democratic": s}) for p, s in scores.items()
        ],
        **extra,  # type: ignore[arg-type]
    )
