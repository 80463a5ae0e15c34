"""Properties of the annual and routine assessment, against brute-force oracles."""

from __future__ import annotations

import datetime as dt
import random

from hypothesis import given
from hypothesis import strategies as st

from jiguan_core.assessment import (
    AnnualPolicy,
    AnnualScores,
    AssessmentRecords,
    Grade,
    Probation,
    QuarterScores,
    RoutineGrade,
    Sanction,
    SanctionKind,
    assess_year,
)
from tests.strategies_assessment import SIMPLE, SIMPLE_ROUTINE, YEAR, tiny_office

# Half points between 60 and 100: ties are frequent on purpose.
score = st.integers(120, 200).map(lambda n: n / 2)


@st.composite
def cases(draw: st.DrawFn) -> tuple[list[str], AssessmentRecords, AnnualPolicy]:
    n = draw(st.integers(1, 14))
    ids = [f"p{i:02d}" for i in range(1, n + 1)]
    quarter_scores: list[QuarterScores] = []
    annual: list[AnnualScores] = []
    probations: list[Probation] = []
    sanctions: list[Sanction] = []
    for person in ids:
        quarters = draw(st.lists(score, min_size=4, max_size=4))
        quarter_scores += [
            QuarterScores(staff_id=person, year=YEAR, quarter=q + 1, scores={"panel": s})
            for q, s in enumerate(quarters)
        ]
        annual.append(AnnualScores(staff_id=person, year=YEAR, scores={"democratic": draw(score)}))
        flag = draw(st.sampled_from(["none"] * 6 + ["probation", "warning", "demerit"]))
        if flag == "probation":
            probations.append(
                Probation(staff_id=person, start=dt.date(2025, 9, 1), end=dt.date(2026, 9, 1))
            )
        elif flag in ("warning", "demerit"):
            kind = SanctionKind.WARNING if flag == "warning" else SanctionKind.DEMERIT
            sanctions.append(Sanction(staff_id=person, kind=kind, start=dt.date(2025, 4, 1)))
    policy = AnnualPolicy(
        weights=SIMPLE.weights,
        routine=SIMPLE_ROUTINE,
        approved=draw(st.booleans()),
        rounding=draw(st.sampled_from(["floor", "round", "ceil"])),
    )
    records = AssessmentRecords(
        quarter_scores=quarter_scores,
        annual_scores=annual,
        probations=probations,
        sanctions=sanctions,
    )
    return ids, records, policy


def _shuffled(records: AssessmentRecords, seed: int) -> AssessmentRecords:
    rng = random.Random(seed)

    def mix(values: tuple[object, ...]) -> list[object]:
        out = list(values)
        rng.shuffle(out)
        return out

    return AssessmentRecords(
        quarter_scores=mix(records.quarter_scores),  # type: ignore[arg-type]
        annual_scores=mix(records.annual_scores),  # type: ignore[arg-type]
        probations=mix(records.probations),  # type: ignore[arg-type]
        sanctions=mix(records.sanctions),  # type: ignore[arg-type]
    )


@given(cases())
def test_excellent_never_exceeds_the_quota_and_ungraded_take_no_place(
    case: tuple[list[str], AssessmentRecords, AnnualPolicy],
) -> None:
    """优秀 <= places, computed on the graded people only; 好 <= the R3 places each quarter."""
    ids, records, policy = case
    result = assess_year(tiny_office(ids), records, YEAR, policy=policy)
    graded = [o for o in result.outcomes if o.grade is not None]
    assert result.quota.base == len(graded)
    assert result.count(Grade.EXCELLENT) <= result.quota.places
    assert all(o.grade is None and o.rank is None for o in result.outcomes if o.ungraded)
    for quarter in result.quarters:
        assert quarter.count(RoutineGrade.GOOD) <= quarter.good_places


@given(cases())
def test_the_excellent_set_equals_a_brute_force_oracle(
    case: tuple[list[str], AssessmentRecords, AnnualPolicy],
) -> None:
    """Top places by (composite, 好 quarters, routine mean); a tie across the line takes none."""
    ids, records, policy = case
    result = assess_year(tiny_office(ids), records, YEAR, policy=policy)
    eligible = [
        o
        for o in result.outcomes
        if o.composite is not None and o.composite >= policy.excellent_min and not o.barred
    ]

    def key(o: object) -> tuple[float, int, float]:
        return (o.composite, o.good_quarters, o.routine_mean)  # type: ignore[attr-defined]

    places = result.quota.places
    expected: set[str] = set()
    for o in eligible:
        better = sum(1 for other in eligible if key(other) > key(o))
        same = sum(1 for other in eligible if key(other) == key(o))
        if better + same <= places:
            expected.add(o.staff_id)
    assert {o.staff_id for o in result.outcomes if o.grade is Grade.EXCELLENT} == expected


@given(cases(), st.integers(0, 2**16))
def test_the_result_does_not_depend_on_input_order(
    case: tuple[list[str], AssessmentRecords, AnnualPolicy], seed: int
) -> None:
    """Shuffled records and participants give an equal result; the same input twice too."""
    ids, records, policy = case
    office = tiny_office(ids)
    first = assess_year(office, records, YEAR, policy=policy)
    again = assess_year(office, records, YEAR, policy=policy)
    mixed = assess_year(
        office, _shuffled(records, seed), YEAR, policy=policy, participants=list(reversed(ids))
    )
    assert first == again == mixed


@given(cases(), st.data())
def test_raising_a_score_never_lowers_that_persons_grade(
    case: tuple[list[str], AssessmentRecords, AnnualPolicy], data: st.DataObject
) -> None:
    """Raise every score of one person: their grade is at least as good, unless a tie (A2) holds it."""
    ids, records, policy = case
    person = data.draw(st.sampled_from(ids))
    bump = data.draw(st.integers(1, 20)) / 2

    def up(values: tuple[tuple[str, float], ...]) -> dict[str, float]:
        return {k: min(100.0, v + bump) for k, v in values}

    raised = AssessmentRecords(
        quarter_scores=[
            QuarterScores(staff_id=q.staff_id, year=q.year, quarter=q.quarter, scores=up(q.scores))
            if q.staff_id == person
            else q
            for q in records.quarter_scores
        ],
        annual_scores=[
            AnnualScores(staff_id=a.staff_id, year=a.year, scores=up(a.scores))
            if a.staff_id == person
            else a
            for a in records.annual_scores
        ],
        probations=records.probations,
        sanctions=records.sanctions,
    )
    office = tiny_office(ids)
    before = assess_year(office, records, YEAR, policy=policy).outcome(person)
    after = assess_year(office, raised, YEAR, policy=policy).outcome(person)
    if before.grade is None:
        assert after.grade is None
        return
    assert after.grade is not None
    assert after.grade.rank <= before.grade.rank or after.tied


grades = st.sampled_from([*Grade, None])


@given(
    st.lists(
        st.tuples(st.sampled_from(["a", "b", "c"]), st.integers(2019, 2026), grades), max_size=30
    ),
    st.lists(
        st.tuples(
            st.sampled_from(["a", "b", "c"]),
            st.sampled_from(list(SanctionKind)),
            st.dates(min_value=dt.date(2018, 1, 1), max_value=dt.date(2026, 12, 31)),
        ),
        max_size=4,
    ),
)
def test_the_indexed_rule_evaluation_equals_testing_every_pattern(
    rows: list[tuple[str, int, Grade | None]],
    sanctions: list[tuple[str, SanctionKind, dt.date]],
) -> None:
    """PatternIndex (indexed, memoised) finds exactly what a plain loop over all patterns finds."""
    from jiguan_core.assessment import (
        ASSESSMENT_CATALOGUE,
        Ungraded,
        YearOutcome,
        person_year_facts,
        sanction_periods,
    )
    from jiguan_core.assessment.evaluate import PatternIndex, patterns_of

    unique = {(p, y): g for p, y, g in rows}
    history = [
        YearOutcome(staff_id=p, year=y, grade=g, ungraded=None if g else Ungraded.EXEMPT)
        for (p, y), g in unique.items()
    ]
    periods = sanction_periods([Sanction(staff_id=p, kind=k, start=d) for p, k, d in sanctions])
    facts = person_year_facts(history, periods=periods)
    patterns = patterns_of(ASSESSMENT_CATALOGUE)
    index = PatternIndex(patterns)
    plain = {(p.id, i) for i, f in enumerate(facts) for p in patterns if p.matches(f)}
    assert index.matches(facts) == plain
    for i, fact in enumerate(facts):
        fired = {p.id.rsplit("#", 1)[0] for p in patterns if (p.id, i) in plain}
        assert set(index.fired(fact)) == fired
