"""Benchmark: an annual assessment with consequences for N staff with 5 years of history.

Compares jiguan_core.assessment (assess_year + consequences over the whole history, rules
evaluated from the declarative catalogue) with a plain straightforward reference written
here (weighted sums, one sort, if/else consequences), measured in the same run, and checks that
both agree on the 优秀 set and on the consequences. Run:
``.venv/bin/python benchmarks/bench_assessment.py`` (``--quick`` for N = 1,000).
"""

from __future__ import annotations

import argparse
import datetime as dt
import math
import random
import sys
from collections import Counter
from fractions import Fraction
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks._harness import best_of, table
from jiguan_core.assessment import (
    AnnualScores,
    AssessmentRecords,
    Grade,
    QuarterScores,
    Sanction,
    SanctionKind,
    Ungraded,
    YearOutcome,
    assess_year,
    consequences,
    sanction_periods,
)
from jiguan_core.assessment.policy import AnnualPolicy
from jiguan_core.department import Department
from jiguan_core.organization import Organization
from jiguan_core.post import Post, PostAssignment, PostRole
from jiguan_core.staff import Level, Staff

YEAR = 2025
RATERS = ("supervisor", "colleagues", "panel")


def build(n: int, seed: int = 7) -> tuple[Organization, AssessmentRecords, list[YearOutcome]]:
    rng = random.Random(seed)
    ids = [f"s{i:05d}" for i in range(n)]
    office = Organization(
        name="基准机关",
        departments=[Department(id="d1", name="办公室")],
        staff=[
            Staff(
                id=p,
                name=f"人员{p}",
                department_id="d1",
                level=Level.CLERK,
                hire_date=dt.date(2010, 1, 1),
            )
            for p in ids
        ],
        posts=[Post(id=f"post-{p}", name=f"岗位{p}", department_id="d1") for p in ids],
        assignments=[
            PostAssignment(
                staff_id=p, post_id=f"post-{p}", role=PostRole.MAIN, start=dt.date(2010, 1, 1)
            )
            for p in ids
        ],
    )
    quarter_scores: list[QuarterScores] = []
    annual: list[AnnualScores] = []
    for p in ids:
        base = rng.uniform(55, 97)
        for q in (1, 2, 3, 4):
            quarter_scores.append(
                QuarterScores(
                    staff_id=p,
                    year=YEAR,
                    quarter=q,
                    scores={
                        r: round(min(100.0, max(0.0, base + rng.uniform(-5, 5))), 1) for r in RATERS
                    },
                )
            )
        annual.append(
            AnnualScores(
                staff_id=p,
                year=YEAR,
                scores={
                    "democratic": round(min(100.0, base + rng.uniform(-4, 4)), 1),
                    "party_group": round(min(100.0, base + rng.uniform(-4, 4)), 1),
                },
            )
        )
    sanctions = [
        Sanction(
            staff_id=rng.choice(ids),
            kind=rng.choice([SanctionKind.WARNING, SanctionKind.DEMERIT]),
            start=dt.date(rng.choice([2023, 2024, 2025]), rng.randint(1, 12), 1),
        )
        for _ in range(n // 100)
    ]
    grades = [
        Grade.EXCELLENT,
        Grade.COMPETENT,
        Grade.COMPETENT,
        Grade.COMPETENT,
        Grade.BASICALLY_COMPETENT,
        Grade.INCOMPETENT,
    ]
    history = [
        YearOutcome(staff_id=p, year=y, grade=g, ungraded=None if g else Ungraded.EXEMPT)
        for p in ids
        for y in range(YEAR - 4, YEAR)
        for g in [rng.choice([*grades, None]) if rng.random() < 0.98 else None]
    ]
    # A smattering of ungraded years; the rest graded.
    history = [
        h
        if h.grade or h.ungraded
        else YearOutcome(staff_id=h.staff_id, year=h.year, ungraded=Ungraded.EXEMPT)
        for h in history
    ]
    return (
        office,
        AssessmentRecords(quarter_scores=quarter_scores, annual_scores=annual, sanctions=sanctions),
        history,
    )


def library(office: Organization, records: AssessmentRecords, history: list[YearOutcome]):  # type: ignore[no-untyped-def]
    result = assess_year(office, records, YEAR)
    periods = sanction_periods(records.sanctions)
    outcomes = history + list(YearOutcome.from_result(result))
    return result, consequences(outcomes, periods=periods)


def reference(office: Organization, records: AssessmentRecords, history: list[YearOutcome]):  # type: ignore[no-untyped-def]
    """The plain way: loops and ifs, same policy defaults, no catalogue."""
    policy = AnnualPolicy()
    rw = policy.routine.rater_weights.as_dict()
    months = {"warning": 6, "demerit": 12, "major_demerit": 18, "demotion": 24, "removal": 24}

    def add_months(day: dt.date, m: int) -> dt.date:
        import calendar

        i = day.month - 1 + m
        y, mo = day.year + i // 12, i % 12 + 1
        return dt.date(y, mo, min(day.day, calendar.monthrange(y, mo)[1]))

    # sanction periods with S3
    periods: dict[str, list[tuple[str, dt.date, dt.date]]] = {}
    for s in sorted(records.sanctions, key=lambda s: (s.staff_id, s.start, s.kind.value)):
        own = periods.setdefault(s.staff_id, [])
        end = add_months(s.start, months[s.kind.value])
        if own and own[-1][1] <= s.start < own[-1][2]:
            end += own[-1][2] - s.start
            own[-1] = (own[-1][0], own[-1][1], s.start)
        own.append((s.kind.value, s.start, end))
    y0, y1 = dt.date(YEAR, 1, 1), dt.date(YEAR + 1, 1, 1)
    ungraded, barred = set(), set()
    for p, own in periods.items():
        for kind, start, end in own:
            if kind != "warning" and start < y1 and y0 < end:
                ungraded.add(p)
            if kind == "warning" and start.year == YEAR:
                barred.add(p)
    people = sorted(s.id for s in office.staff if s.id not in ungraded)
    quarter: dict[tuple[str, int], float] = {}
    for q in records.quarter_scores:
        if q.staff_id in ungraded:
            continue
        d = q.as_dict()
        quarter[(q.staff_id, q.quarter)] = math.fsum(d[k] * w for k, w in rw.items())
    good: Counter[str] = Counter()
    for qn in (1, 2, 3, 4):
        ranked = sorted(((quarter[(p, qn)], p) for p in people), reverse=True)
        places = math.floor(Fraction("0.4") * len(people))
        cands = [(s, p) for s, p in ranked if s >= policy.routine.good_min]
        if len(cands) > places:
            line = cands[places - 1][0] if places else None
            cands = [
                (s, p)
                for s, p in cands
                if line is not None
                and (s > line or (s == line and sum(1 for c in cands if c[0] >= line) <= places))
            ]
        for _, p in cands:
            good[p] += 1
    annual = {a.staff_id: a.as_dict() for a in records.annual_scores}
    keyed = []
    for p in people:
        mean = math.fsum(quarter[(p, q)] for q in (1, 2, 3, 4)) / 4
        comp = math.fsum(
            [annual[p]["democratic"] * 0.3, mean * 0.4, annual[p]["party_group"] * 0.3]
        )
        keyed.append(((comp, good[p], mean), p))
    places = math.floor(Fraction("0.2") * len(people))
    cands = sorted(
        [(k, p) for k, p in keyed if k[0] >= policy.excellent_min and p not in barred], reverse=True
    )
    excellent = set()
    for k, p in cands:
        if sum(1 for c in cands if c[0] >= k) <= places:
            excellent.add(p)
    grade_of: dict[tuple[str, int], Grade | None] = {(h.staff_id, h.year): h.grade for h in history}
    for k, p in keyed:
        c = k[0]
        g = (
            Grade.EXCELLENT
            if p in excellent
            else Grade.COMPETENT
            if c >= 70
            else Grade.BASICALLY_COMPETENT
            if c >= 60
            else Grade.INCOMPETENT
        )
        grade_of[(p, YEAR)] = g
    for p in ungraded:
        grade_of[(p, YEAR)] = None
    # consequences, recomputing each person's history from scratch every year
    out: Counter[str] = Counter()
    for p in sorted({k[0] for k in grade_of}):
        run = inc = steps = grades = 0
        for y in range(YEAR - 4, YEAR + 1):
            g = grade_of.get((p, y))
            run = run + 1 if g is Grade.EXCELLENT else 0
            inc = inc + 1 if g is Grade.INCOMPETENT else 0
            counts = g in (Grade.EXCELLENT, Grade.COMPETENT)
            eff = dt.date(y + 1, 1, 1)
            running = [k for k, s, e in periods.get(p, []) if s <= eff < e]
            blocked = any(k != "warning" for k in running)
            if g is Grade.EXCELLENT:
                out["A8"] += 1
            if counts:
                steps += 1
                grades += 1
                out["A12"] += 1
            if run >= 3:
                out["A9"] += 1
                run = 0
            if counts and steps >= 2:
                if blocked:
                    out["A10.deferred"] += 1
                else:
                    out["A10.step"] += 1
                    steps -= 2
            if counts and grades >= 5:
                out["A10.grade"] += 1
                grades -= 5
            if g is Grade.BASICALLY_COMPETENT:
                out["A11"] += 1
            if g is Grade.INCOMPETENT:
                out["A13"] += 1
                if inc >= 2:
                    out["A14"] += 1
            if running:
                out["S2"] += 1
                out["W2"] += 1
    return excellent, out


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--quick", action="store_true")
    args = parser.parse_args()
    n = 1_000 if args.quick else 10_000
    office, records, history = build(n)
    repeat = 2 if args.quick else 3
    lib_s, (result, found) = best_of(lambda: library(office, records, history), repeat=repeat)
    ref_s, (excellent, ref_counts) = best_of(
        lambda: reference(office, records, history), repeat=repeat
    )
    lib_excellent = {o.staff_id for o in result.outcomes if o.grade is Grade.EXCELLENT}
    lib_counts = Counter(
        c.rule_id
        for c in found
        if c.kind.value not in ("time_in_rank_shortened", "year_not_counted", "no_bonus")
    )
    agree = lib_excellent == excellent and all(lib_counts[k] == v for k, v in ref_counts.items())
    print(
        f"N = {n:,} staff, 5 years of history ({len(history) + n:,} person-years), "
        f"{len(records.quarter_scores):,} quarterly records, {len(found):,} consequences"
    )
    print(
        table(
            f"annual assessment + consequences (best of {repeat})",
            ["implementation", "seconds", "ratio vs reference"],
            [
                ["reference (plain loops)", ref_s, 1.0],
                ["jiguan_core.assessment", lib_s, lib_s / ref_s],
            ],
        )
    )
    print(
        f"results agree with the reference: {'yes' if agree else 'NO'}; target < 1 s: "
        f"{'met' if lib_s < 1.0 else 'missed'}"
    )


if __name__ == "__main__":
    main()
