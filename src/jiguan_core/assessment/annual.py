"""The annual assessment (年度考核, A1-A7, A15, R4).

1. Who is ungraded: a fact per person (``on_probation``, ``leave_excess_days``,
   ``investigation_open``, ``heavy_sanction_in_period``, ``warning_in_year``) is matched against
   the catalogue's patterns of A3, A4, A5, A7 (ungraded) and A6 (barred from 优秀).
2. The composite: the policy's weights over the components — ``routine`` (the mean of the year's
   graded quarterly scores), ``q1``-``q4`` (one quarter's score) and the caller's annual scores
   (e.g. ``democratic`` and ``party_group``, or 德能勤绩廉 sub-scores).
3. Grades by thresholds (A1); 优秀 only within the quota (A2), the places going by composite, then
   the routine results (number of 好 quarters, then the routine mean), then ``tie_order``; a tie
   that is still open at the line is reported and its people stay 称职 until the party group
   decides. Ungraded people take no place and, by default, do not count in the quota's base.
"""

from __future__ import annotations

import datetime as dt
import math
from collections import Counter
from collections.abc import Mapping, Sequence
from collections.abc import Set as AbstractSet

from attrs import frozen

from jiguan_core._validation import Year, boundary
from jiguan_core.assessment._fast import positional_maker
from jiguan_core.assessment._inputs import check_known, default_participants, score_problem
from jiguan_core.assessment.evaluate import PatternIndex, patterns_of
from jiguan_core.assessment.grades import Grade, Ungraded
from jiguan_core.assessment.policy import AnnualPolicy, Rounding, annual_view, quota
from jiguan_core.assessment.ranking import Tie, _ranks_by_value, select_within_quota
from jiguan_core.assessment.records import AssessmentRecords, QuarterScores, SanctionKind
from jiguan_core.assessment.routine import QuarterResult, _grade_quarter, _sorted_unique
from jiguan_core.assessment.sanctions import SanctionPeriod, sanction_periods
from jiguan_core.calendar import WorkCalendar
from jiguan_core.errors import InvalidInput, Problem, UnknownEntity
from jiguan_core.organization import Organization
from jiguan_core.policy import Policy

__all__ = [
    "AnnualOutcome",
    "AnnualResult",
    "QuotaLine",
    "Tie",
    "assess_year",
    "excellent_publicity",
]

_QUARTER_COMPONENTS = {"q1": 1, "q2": 2, "q3": 3, "q4": 4}
_UNGRADED_BY_RULE = {
    "A3": Ungraded.PROBATION,
    "A5": Ungraded.UNDER_INVESTIGATION,
    "A7": Ungraded.HEAVY_SANCTION,
    "A4": Ungraded.LONG_LEAVE,
}


@frozen(kw_only=True)
class AnnualOutcome:
    """One person's year: the composite and its breakdown, grade or ungraded, rank, rules fired."""

    staff_id: str
    year: int
    composite: float | None
    #: (component, score, weight) in the policy's order.
    breakdown: tuple[tuple[str, float, float], ...]
    grade: Grade | None
    ungraded: Ungraded | None
    rank: int | None
    #: Every rule that decided the outcome, in the order they apply (ids of the catalogue).
    rules: tuple[str, ...]
    good_quarters: int = 0
    routine_mean: float | None = None
    #: Reached the 优秀 line but the quota left no place (A2); never true when ``tied``.
    capped: bool = False
    #: In an undecided tie at the quota line (graded 称职 until the party group decides).
    tied: bool = False
    #: Barred from 优秀 (A6, or A7 when A7 does not make the person ungraded).
    barred: bool = False


_new_outcome = positional_maker(AnnualOutcome)
_R4_A1: tuple[str, ...] = ("R4", "A1")
_R4_A1_A2: tuple[str, ...] = ("R4", "A1", "A2")


@frozen(kw_only=True)
class QuotaLine:
    """A2: the base, the share, the places, and the composite of the last 优秀 taken."""

    base: int
    share: float
    approved: bool
    rounding: Rounding
    places: int
    excellent: int
    candidates: int
    line: float | None


@frozen(kw_only=True)
class AnnualResult:
    year: int
    outcomes: tuple[AnnualOutcome, ...]
    quota: QuotaLine
    ties: tuple[Tie, ...]
    quarters: tuple[QuarterResult, ...]
    policy: AnnualPolicy
    as_of: dt.date

    def outcome(self, staff_id: str) -> AnnualOutcome:
        for o in self.outcomes:
            if o.staff_id == staff_id:
                return o
        raise UnknownEntity("participant of the annual assessment", staff_id)

    def count(self, grade: Grade) -> int:
        return sum(1 for o in self.outcomes if o.grade is grade)


@boundary
def assess_year(
    office: Organization,
    records: AssessmentRecords,
    year: Year,
    *,
    policy: AnnualPolicy | Policy | None = None,
    as_of: dt.date | None = None,
    participants: Sequence[str] | None = None,
    tie_order: Sequence[str] = (),
) -> AnnualResult:
    """Assess ``year``. ``as_of`` (default: 1 January of the next year) is the day the assessment
    is made: an investigation open that day leaves the person ungraded (A5). ``policy`` is the
    annual view or the one :class:`~jiguan_core.policy.Policy` (whose switched-off rules, e.g.
    A6, do not apply)."""
    return _assess_year(
        office,
        records,
        year,
        policy=annual_view(policy),
        as_of=as_of,
        participants=participants,
        tie_order=tie_order,
    )


def _assess_year(
    office: Organization,
    records: AssessmentRecords,
    year: int,
    *,
    policy: AnnualPolicy | None,
    as_of: dt.date | None,
    participants: Sequence[str] | None,
    tie_order: Sequence[str],
) -> AnnualResult:
    policy = policy or AnnualPolicy()
    as_of = as_of or dt.date(year + 1, 1, 1)
    year_end = dt.date(year + 1, 1, 1)
    if participants is None:
        participants = default_participants(office, year_end)
    check_known(office, _named_ids(records, participants, tie_order))
    people = _sorted_unique(participants, set(participants))
    periods = sanction_periods(records.sanctions)
    facts = _grading_facts(office, records, year, people, periods, as_of, policy)
    ungraded_index = PatternIndex(
        patterns_of(r for r in ("A3", "A4", "A5", "A7") if policy.enabled(r))
    )
    barred_index = PatternIndex(patterns_of(r for r in ("A6", "A7") if policy.enabled(r)))
    ungraded: dict[str, tuple[str, ...]] = {}
    barred: dict[str, tuple[str, ...]] = {}
    for staff_id in people:
        fact = facts[staff_id]
        fired = [
            r for r in ungraded_index.fired(fact) if r != "A7" or policy.heavy_sanction_ungraded
        ]
        if fired:
            ungraded[staff_id] = tuple(fired)
            continue
        bars = barred_index.fired(fact)
        if bars:
            barred[staff_id] = tuple(bars)
    graded_people = [p for p in people if p not in ungraded]
    by_quarter: dict[int, list[QuarterScores]] = {1: [], 2: [], 3: [], 4: []}
    for scores in records.quarter_scores:
        if scores.year == year:
            by_quarter[scores.quarter].append(scores)
    graded_quarters = [
        _grade_quarter(
            office,
            records,
            by_quarter[q],
            year,
            q,
            WorkCalendar.quarter_range(year, q),
            policy.routine,
            graded_people,
            tie_order,
        )
        for q in (1, 2, 3, 4)
    ]
    quarters = tuple(g[0] for g in graded_quarters)
    composites, breakdowns, routine = _composites(
        records, year, graded_people, [(g[0].quarter, g[1], g[2]) for g in graded_quarters], policy
    )
    base = len(people) if policy.count_ungraded else len(graded_people)
    places = quota(policy.share, base, policy.rounding)
    # The ranking key of a candidate: composite, then the routine results (好 quarters, mean).
    excellent_min = policy.excellent_min
    candidates = [
        (s, (composites[s], float(routine[s][0]), _or_lowest(routine[s][1])))
        for s in graded_people
        if composites[s] >= excellent_min and s not in barred
    ]
    selection = select_within_quota(candidates, places, tie_order)
    tied = set(selection.tie.staff_ids) if selection.tie else set()
    ranks = _ranks_by_value(composites)
    outcomes: list[AnnualOutcome] = []
    append, make = outcomes.append, _new_outcome
    competent_min = policy.competent_min
    basically_competent_min = policy.basically_competent_min
    selected = selection.selected
    for staff_id in people:
        if staff_id in ungraded:
            reasons = ungraded[staff_id]
            append(
                make(
                    staff_id,
                    year,
                    None,
                    (),
                    None,
                    _UNGRADED_BY_RULE[reasons[0]],
                    None,
                    ("A1", *reasons),
                    0,
                    None,
                    False,
                    False,
                    False,
                )
            )
            continue
        composite = composites[staff_id]
        # A1 thresholds; 优秀 only within the A2 quota and when not barred (A6/A7).
        capped = False
        is_barred = staff_id in barred
        if composite >= excellent_min:
            if is_barred:
                grade, rules = Grade.COMPETENT, ("R4", "A1", *barred[staff_id])
            elif staff_id in selected:
                grade, rules = Grade.EXCELLENT, _R4_A1_A2
            else:
                # Tied at the line: not "capped" (places may be open), referred to the party group.
                grade, rules, capped = Grade.COMPETENT, _R4_A1_A2, staff_id not in tied
        else:
            rules = _R4_A1
            if composite >= competent_min:
                grade = Grade.COMPETENT
            elif composite >= basically_competent_min:
                grade = Grade.BASICALLY_COMPETENT
            else:
                grade = Grade.INCOMPETENT
        good_quarters, mean = routine[staff_id]
        append(
            make(
                staff_id,
                year,
                composite,
                breakdowns[staff_id],
                grade,
                None,
                ranks[staff_id],
                rules,
                good_quarters,
                mean,
                capped,
                staff_id in tied,
                is_barred,
            )
        )
    excellent = [
        o.composite for o in outcomes if o.grade is Grade.EXCELLENT and o.composite is not None
    ]
    line = QuotaLine(
        base=base,
        share=policy.share,
        approved=policy.approved,
        rounding=policy.rounding,
        places=places,
        excellent=len(excellent),
        candidates=len(candidates),
        line=min(excellent) if excellent else None,
    )
    return AnnualResult(
        year=year,
        outcomes=tuple(outcomes),
        quota=line,
        ties=(selection.tie,) if selection.tie else (),
        quarters=quarters,
        policy=policy,
        as_of=as_of,
    )


def _or_lowest(value: float | None) -> float:
    return -1.0 if value is None else value


def _named_ids(
    records: AssessmentRecords, participants: Sequence[str], tie_order: Sequence[str]
) -> list[tuple[str, Sequence[str]]]:
    named: list[tuple[str, Sequence[str]]] = [
        ("participants", participants),
        ("tie_order", tie_order),
    ]
    for group_name in (
        "quarter_scores",
        "exemptions",
        "annual_scores",
        "leave",
        "probations",
        "investigations",
        "sanctions",
        "protected",
    ):
        named.append((group_name, [r.staff_id for r in getattr(records, group_name)]))
    return named


def _grading_facts(
    office: Organization,
    records: AssessmentRecords,
    year: int,
    people: Sequence[str],
    periods: Sequence[SanctionPeriod],
    as_of: dt.date,
    policy: AnnualPolicy,
) -> dict[str, dict[str, int | str]]:
    last_day = dt.date(year, 12, 31)
    days_in_year = (dt.date(year + 1, 1, 1) - dt.date(year, 1, 1)).days
    limit = policy.leave_share * days_in_year
    wanted = set(people)
    # Leave is counted in half days (LeaveRecord), summed exactly as a count of half days.
    half_days: dict[str, int] = {}
    for record in records.leave:
        if record.year == year and record.staff_id in wanted:
            half_days[record.staff_id] = half_days.get(record.staff_id, 0) + round(record.days * 2)
    probation = {
        p.staff_id
        for p in records.probations
        if p.start <= last_day < p.end and p.staff_id in wanted
    }
    investigated = {i.staff_id for i in records.investigations if i.is_open(as_of)}
    warning = {
        p.staff_id for p in periods if p.kind is SanctionKind.WARNING and p.start.year == year
    }
    heavy = {p.staff_id for p in periods if p.kind.is_demerit_or_heavier and p.overlaps_year(year)}
    facts: dict[str, dict[str, int | str]] = {}
    for staff_id in people:
        person = office.person(staff_id)
        halves = half_days.get(staff_id, 0)
        days = halves / 2
        facts[staff_id] = {
            "staff_id": staff_id,
            "year": year,
            "on_probation": int(staff_id in probation or person.on_probation(last_day)),
            "leave_half_days": halves,
            "leave_excess_days": max(0, math.ceil(days - limit)) if days > limit else 0,
            "investigation_open": int(staff_id in investigated),
            "warning_in_year": int(staff_id in warning),
            "heavy_sanction_in_period": int(staff_id in heavy),
        }
    return facts


def _composites(
    records: AssessmentRecords,
    year: int,
    people: Sequence[str],
    quarters: Sequence[tuple[int, Mapping[str, float], AbstractSet[str]]],
    policy: AnnualPolicy,
) -> tuple[
    dict[str, float],
    dict[str, tuple[tuple[str, float, float], ...]],
    dict[str, tuple[int, float | None]],
]:
    """Each person's composite and breakdown, and (number of 好 quarters, routine mean), from the
    graded quarters given as (quarter, score by person, people graded 好)."""
    problems: list[Problem] = []
    given: dict[str, dict[str, float]] = {}
    for s in records.annual_scores:
        if s.year == year:
            if s.staff_id in given:
                problems.append(
                    Problem(
                        f"annual_scores[{s.staff_id}]",
                        f"{s.staff_id} has more than one annual score record for {year}",
                        f"{s.staff_id} 在 {year} 年有多条年度评分记录",
                    )
                )
            given[s.staff_id] = dict(s.scores)
    weights = policy.weights.items
    caller_components = {n for n, _ in weights if n != "routine" and n not in _QUARTER_COMPONENTS}
    # Each component once: 0 = routine mean, 1 = one quarter's score, 2 = a caller's score.
    plan = [
        (name, weight, 0 if name == "routine" else 1 if name in _QUARTER_COMPONENTS else 2)
        for name, weight in weights
    ]
    lo, hi = policy.scale_min, policy.scale_max
    composites: dict[str, float] = {}
    breakdowns: dict[str, tuple[tuple[str, float, float], ...]] = {}
    routine: dict[str, tuple[int, float | None]] = {}
    fsum = math.fsum
    empty: dict[str, float] = {}
    good_count: Counter[str] = Counter()
    for _, _, good_people in quarters:
        good_count.update(good_people)
    scored = [(q, totals) for q, totals, _ in quarters]
    for staff_id in people:
        # The quarters in order, as the quarter results list them.
        by_quarter = {q: totals[staff_id] for q, totals in scored if staff_id in totals}
        mean = fsum(by_quarter.values()) / len(by_quarter) if by_quarter else None
        routine[staff_id] = (good_count[staff_id], mean)
        scores = given.get(staff_id, empty)
        if scores.keys() != caller_components:
            path = f"annual_scores[{staff_id}]"
            missing = sorted(caller_components - set(scores))
            extra = sorted(set(scores) - caller_components)
            problems.append(
                Problem(
                    path,
                    f"{staff_id} {year}: annual components missing {missing}, not weighed {extra}; "
                    f"the policy weighs {list(policy.weights.names)}",
                    f"{staff_id} {year} 年：缺少年度评分项 {missing}，多余评分项 {extra}；"
                    f"政策规定的是 {list(policy.weights.names)}",
                )
            )
            continue
        parts: list[tuple[str, float, float]] = []
        ok = True
        for name, weight, kind in plan:
            if kind == 0:
                if mean is None:
                    problems.append(
                        Problem(
                            f"annual_scores[{staff_id}]",
                            f"{staff_id} {year}: no graded quarter gives a routine score",
                            f"{staff_id} {year} 年：没有可计入的平时考核得分",
                        )
                    )
                    ok = False
                    break
                parts.append((name, mean, weight))
            elif kind == 1:
                value = by_quarter.get(_QUARTER_COMPONENTS[name])
                if value is None:
                    problems.append(
                        Problem(
                            f"annual_scores[{staff_id}]",
                            f"{staff_id} {year}: {name} is weighed but the quarter is ungraded",
                            f"{staff_id} {year} 年：{name} 有权重但该季度不定等次",
                        )
                    )
                    ok = False
                    break
                parts.append((name, value, weight))
            else:
                value = scores[name]
                if not lo <= value <= hi:
                    problems.append(
                        score_problem(f"annual_scores[{staff_id}]", staff_id, name, value, lo, hi)
                    )
                    ok = False
                    continue
                parts.append((name, value, weight))
        if ok:
            breakdowns[staff_id] = tuple(parts)
            composites[staff_id] = fsum([v * w for _, v, w in parts])
    if problems:
        raise InvalidInput(problems)
    return composites, breakdowns, routine


@boundary
def excellent_publicity(
    result: AnnualResult, *, posted_on: dt.date, calendar: WorkCalendar | None = None
) -> tuple[dt.date, dt.date]:
    """A15: the first and last day of the 优秀 list's 公示, N working days from ``posted_on``
    (the next working day when ``posted_on`` is not one); the posting day is not counted, as in
    ``WorkCalendar.add_working_days``."""
    calendar = calendar or WorkCalendar()
    start = calendar.next_working_day(posted_on)
    n = result.policy.publicity_working_days
    return start, calendar.add_working_days(start, n)
