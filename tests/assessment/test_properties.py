"""Properties of the annual and routine assessment, against brute-force oracles."""

from __future__ import annotations

import datetime as dt
import math
import random
from fractions import Fraction

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


def _places(share: Fraction, base: int, rounding: str) -> int:
    """A2/R3: ``share`` of ``base`` people, rounded as the policy says (exactly, in fractions)."""
    exact = share * base
    if rounding == "floor":
        return math.floor(exact)
    if rounding == "ceil":
        return math.ceil(exact)
    return math.floor(exact + Fraction(1, 2))


def _within(candidates: dict[str, tuple[Fraction, ...]], places: int) -> set[str]:
    """The candidates who take the places, best key first; people tied across the line take
    none (the party group decides: the module docstring of ranking)."""
    taken: set[str] = set()
    for person, key in candidates.items():
        better = sum(1 for k in candidates.values() if k > key)
        same = sum(1 for k in candidates.values() if k == key)
        if better + same <= places:
            taken.add(person)
    return taken


def excellent_oracle(
    ids: list[str], records: AssessmentRecords, policy: AnnualPolicy
) -> dict[str, object]:
    """The year worked out from the inputs and the regulation's words alone, in exact fractions.

    A3: probation in the year, ungraded. A7: 记过 or heavier running in the year, ungraded. A6: a
    警告 decided in the year, barred from 优秀. R1-R3: each quarter, the graded people's panel
    scores; 好 for at least 90 within 40% of them. R4: composite = 1/2 democratic + 1/2 the mean
    of the four quarters. A1: 优秀 needs at least 85. A2: at most 20% (25% approved) of the graded
    people, ranked by (composite, 好 quarters, routine mean)."""
    year_start, year_end = dt.date(YEAR, 1, 1), dt.date(YEAR + 1, 1, 1)
    months = {SanctionKind.WARNING: 6, SanctionKind.DEMERIT: 12}
    ungraded = {p.staff_id for p in records.probations if p.start < year_end}
    barred: set[str] = set()
    for s in records.sanctions:
        end_month = s.start.month - 1 + months[s.kind]
        end = s.start.replace(year=s.start.year + end_month // 12, month=end_month % 12 + 1)
        if s.kind is SanctionKind.DEMERIT and s.start < year_end and year_start < end:
            ungraded.add(s.staff_id)
        if s.kind is SanctionKind.WARNING and s.start.year == YEAR:
            barred.add(s.staff_id)
    graded = [p for p in ids if p not in ungraded]
    quarter = {
        (q.staff_id, q.quarter): Fraction(dict(q.scores)["panel"]) for q in records.quarter_scores
    }
    good_quarters = dict.fromkeys(graded, 0)
    for n in (1, 2, 3, 4):
        scores = {p: quarter[p, n] for p in graded}
        places = _places(Fraction(2, 5), len(graded), str(policy.routine.rounding.value))
        for person in _within({p: (v,) for p, v in scores.items() if v >= 90}, places):
            good_quarters[person] += 1
    mean = {p: sum(quarter[p, n] for n in (1, 2, 3, 4)) / 4 for p in graded}
    democratic = {a.staff_id: Fraction(dict(a.scores)["democratic"]) for a in records.annual_scores}
    composite = {p: democratic[p] / 2 + mean[p] / 2 for p in graded}
    share = Fraction(1, 4) if policy.approved else Fraction(1, 5)
    places = _places(share, len(graded), str(policy.rounding.value))
    candidates = {
        p: (composite[p], Fraction(good_quarters[p]), mean[p])
        for p in graded
        if composite[p] >= 85 and p not in barred
    }
    return {
        "ungraded": ungraded,
        "barred": barred & set(graded),
        "composite": composite,
        "good_quarters": good_quarters,
        "mean": mean,
        "places": places,
        "excellent": _within(candidates, places),
    }


@given(cases())
def test_the_excellent_set_equals_a_brute_force_oracle(
    case: tuple[list[str], AssessmentRecords, AnnualPolicy],
) -> None:
    """Every number on the way to 优秀 equals the oracle's, worked out from the inputs alone."""
    ids, records, policy = case
    result = assess_year(tiny_office(ids), records, YEAR, policy=policy)
    expected = excellent_oracle(ids, records, policy)
    outcomes = {o.staff_id: o for o in result.outcomes}
    assert {p for p, o in outcomes.items() if o.ungraded is not None} == expected["ungraded"]
    assert {p for p, o in outcomes.items() if o.barred} == expected["barred"]
    assert {p: o.composite for p, o in outcomes.items() if o.grade} == expected["composite"]
    assert {p: o.good_quarters for p, o in outcomes.items() if o.grade} == expected["good_quarters"]
    assert {p: o.routine_mean for p, o in outcomes.items() if o.grade} == expected["mean"]
    assert result.quota.places == expected["places"]
    assert {p for p, o in outcomes.items() if o.grade is Grade.EXCELLENT} == expected["excellent"]


@given(cases(), st.integers(0, 2**16))
def test_the_result_does_not_depend_on_input_order(
    case: tuple[list[str], AssessmentRecords, AnnualPolicy], seed: int
) -> None:
    """Shuffled records and participants give an equal result (two interpreters with different
    hash seeds: tests/test_determinism_hash_seeds.py)."""
    ids, records, policy = case
    office = tiny_office(ids)
    first = assess_year(office, records, YEAR, policy=policy)
    mixed = assess_year(
        office, _shuffled(records, seed), YEAR, policy=policy, participants=list(reversed(ids))
    )
    assert first == mixed


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
    assert after.ungraded is before.ungraded  # scores never decide who is ungraded
    if before.grade is None:
        assert after.grade is None
        return
    assert after.grade is not None
    if after.tied:
        # Raised onto someone else's key at the quota line: both wait for the party group,
        # graded 称职 meanwhile (A2), and the tie names the person.
        assert after.grade is Grade.COMPETENT
        assert before.grade in (Grade.EXCELLENT, Grade.COMPETENT)
    else:
        assert after.grade.rank <= before.grade.rank


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
