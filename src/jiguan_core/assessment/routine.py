"""The quarterly routine assessment (平时考核, R1-R3) and its timetable.

A person's quarterly score is the weighted sum of the rater groups' scores (the policy's
``rater_weights``). Grades follow thresholds (R2); 好 is capped at a share of the graded people
(R3), the best first, ties at the line reported (see :mod:`.ranking`). People with a
:class:`QuarterExemption`, an investigation open at the quarter's end (A5), or not yet hired are
ungraded and take no place.
"""

from __future__ import annotations

import datetime as dt
import math
import operator
from collections.abc import Callable, Sequence
from operator import itemgetter

from attrs import frozen

from jiguan_core._validation import Year, boundary
from jiguan_core.assessment._fast import positional_maker
from jiguan_core.assessment._inputs import check_known, default_participants, score_problem
from jiguan_core.assessment.grades import RoutineGrade, Ungraded
from jiguan_core.assessment.policy import RoutinePolicy, quota, routine_view
from jiguan_core.assessment.ranking import Tie, _ranks_by_value, select_within_quota
from jiguan_core.assessment.records import AssessmentRecords, QuarterScores
from jiguan_core.calendar import DateRange, Granularity, WorkCalendar
from jiguan_core.errors import InvalidInput, InvalidValue, Problem
from jiguan_core.organization import Organization
from jiguan_core.policy import Policy

__all__ = [
    "QuarterResult",
    "RoutineOutcome",
    "RoutineTimetable",
    "assess_quarter",
    "routine_timetable",
]


@frozen(kw_only=True)
class RoutineOutcome:
    """One person's quarter: score and its breakdown, grade or ungraded reason, rank, rules."""

    staff_id: str
    year: int
    quarter: int
    score: float | None
    #: (rater group, score, weight) in the policy's order.
    breakdown: tuple[tuple[str, float, float], ...]
    grade: RoutineGrade | None
    ungraded: Ungraded | None
    rank: int | None
    #: Rule ids that decided the outcome, e.g. ("R2",), ("R2", "R3") when the share capped 好.
    rules: tuple[str, ...]
    #: True when the score reached 好 but the R3 share did not leave a place (never when tied).
    capped: bool = False
    #: True when the person is in an undecided tie at the 好 line (graded 较好 until decided).
    tied: bool = False


_new_outcome = positional_maker(RoutineOutcome)


@frozen(kw_only=True)
class QuarterResult:
    year: int
    quarter: int
    outcomes: tuple[RoutineOutcome, ...]
    graded: int
    good_places: int
    ties: tuple[Tie, ...]
    policy: RoutinePolicy

    def outcome(self, staff_id: str) -> RoutineOutcome:
        for o in self.outcomes:
            if o.staff_id == staff_id:
                return o
        from jiguan_core.errors import UnknownEntity

        raise UnknownEntity("participant of the quarter", staff_id)

    def count(self, grade: RoutineGrade) -> int:
        return sum(1 for o in self.outcomes if o.grade is grade)


@boundary
def assess_quarter(
    office: Organization,
    records: AssessmentRecords,
    year: Year,
    quarter: int,
    *,
    policy: RoutinePolicy | Policy | None = None,
    participants: Sequence[str] | None = None,
    tie_order: Sequence[str] = (),
) -> QuarterResult:
    """Grade one quarter. Raises :class:`InvalidInput` listing every unknown person, score outside
    the scale, missing or unknown rater group, and participant without scores or exemption."""
    policy = routine_view(policy)
    period = WorkCalendar.quarter_range(year, quarter)
    if participants is None:
        participants = default_participants(office, period.end)
    scores = [s for s in records.quarter_scores if s.year == year and s.quarter == quarter]
    exemptions = [e for e in records.exemptions if e.year == year and e.quarter == quarter]
    check_known(
        office,
        [
            ("participants", participants),
            ("quarter_scores", [s.staff_id for s in scores]),
            ("exemptions", [e.staff_id for e in exemptions]),
            ("tie_order", tie_order),
        ],
    )
    return _grade_quarter(
        office, records, scores, year, quarter, period, policy, participants, tie_order
    )[0]


def _grade_quarter(
    office: Organization,
    records: AssessmentRecords,
    quarter_scores: Sequence[QuarterScores],
    year: int,
    quarter: int,
    period: DateRange,
    policy: RoutinePolicy,
    participants: Sequence[str],
    tie_order: Sequence[str],
) -> tuple[QuarterResult, dict[str, float], frozenset[str]]:
    """The quarter's result, plus (for the annual assessment) each graded person's score and
    the people graded 好 (exactly the people selected within the R3 share)."""
    problems: list[Problem] = []
    by_person: dict[str, tuple[tuple[str, float], ...]] = {}
    wanted = set(participants)
    for s in quarter_scores:
        if s.staff_id in wanted:
            if s.staff_id in by_person:
                problems.append(
                    Problem(
                        f"quarter_scores[{s.staff_id}]",
                        f"{s.staff_id} has more than one score record for {year}Q{quarter}",
                        f"{s.staff_id} 在 {year} 年第 {quarter} 季度有多条评分记录",
                    )
                )
            by_person[s.staff_id] = s.scores
    last_day = period.last
    # Why a participant is ungraded, the first reason winning: not yet hired, an exemption, an
    # investigation open at the quarter's end.
    skip: dict[str, Ungraded] = {
        i.staff_id: Ungraded.UNDER_INVESTIGATION
        for i in records.investigations
        if i.staff_id in wanted and i.is_open(last_day)
    }
    for e in records.exemptions:
        if e.year == year and e.quarter == quarter and e.staff_id in wanted:
            skip[e.staff_id] = e.reason
    for p in office.staff:
        if p.hire_date >= period.end and p.id in wanted:
            skip[p.id] = Ungraded.NOT_EMPLOYED
    weights = policy.rater_weights.items
    names = {n for n, _ in weights}
    order = [n for n, _ in weights]
    factors = [w for _, w in weights]
    # QuarterScores.scores is sorted by rater group: the common case is a record whose groups
    # are exactly the policy's, read positionally and put in the policy's order. order, values
    # and factors then have the same length (zip need not check it: strict= costs a keyword
    # call in this loop).
    sorted_names = tuple(sorted(names))
    width = len(sorted_names)
    in_policy_order: Callable[[tuple[float, ...]], tuple[float, ...]] = (
        itemgetter(*[sorted_names.index(n) for n in order]) if width > 1 else tuple
    )
    lo, hi = policy.scale_min, policy.scale_max
    breakdowns: dict[str, tuple[tuple[str, float, float], ...]] = {}
    totals: dict[str, float] = {}
    people = _sorted_unique(participants, wanted)
    fsum, mul = math.fsum, operator.mul
    for staff_id in people:
        if staff_id in skip:
            continue
        scores = by_person.get(staff_id)
        if scores is not None and len(scores) == width:
            groups, given_values = zip(*scores)  # noqa: B905 - (group, score) pairs
            if groups == sorted_names and lo <= min(given_values) and max(given_values) <= hi:
                values = in_policy_order(given_values)
                breakdowns[staff_id] = tuple(zip(order, values, factors))  # noqa: B905 - equal lengths
                totals[staff_id] = fsum(map(mul, values, factors))
                continue
        given = dict(scores) if scores is not None else None
        if given is not None and given.keys() == names:
            # Every rater group present but not in sorted order: check the scale, then weigh.
            values = tuple(map(given.__getitem__, order))
            if lo <= min(values) and max(values) <= hi:
                breakdowns[staff_id] = tuple(zip(order, values, factors))  # noqa: B905 - equal lengths
                totals[staff_id] = fsum(map(mul, values, factors))
                continue
        path = f"quarter_scores[{staff_id}]"
        if given is None:
            problems.append(
                Problem(
                    path,
                    f"{staff_id} has no scores for {year}Q{quarter} and is not ungraded; give "
                    "QuarterScores or a QuarterExemption with the reason",
                    f"{staff_id} 在 {year} 年第 {quarter} 季度无评分且非不定等次；请补充评分或说明原因",
                )
            )
            continue
        missing = sorted(names - set(given))
        extra = sorted(set(given) - names)
        if missing or extra:
            problems.append(
                Problem(
                    path,
                    f"{staff_id}: rater groups missing {missing}, unknown {extra}; the policy "
                    f"weighs {sorted(names)}",
                    f"{staff_id}：缺少评分组 {missing}，未知评分组 {extra}；政策规定的是 {sorted(names)}",
                )
            )
            continue
        for n, v in sorted(given.items()):
            if not lo <= v <= hi:
                problems.append(score_problem(path, staff_id, n, v, lo, hi))
    if problems:
        raise InvalidInput(problems)
    places = quota(policy.good_share, len(totals), policy.rounding)
    good_min = policy.good_min
    candidates = [(s, (t,)) for s, t in totals.items() if t >= good_min]
    selection = select_within_quota(candidates, places, tie_order)
    selected = selection.selected
    tied = set(selection.tie.staff_ids) if selection.tie else set()
    ranks = _ranks_by_value(totals)
    make = _new_outcome
    fairly_good_min, average_min = policy.fairly_good_min, policy.average_min
    good, fairly_good = RoutineGrade.GOOD, RoutineGrade.FAIRLY_GOOD
    average, poor = RoutineGrade.AVERAGE, RoutineGrade.POOR
    outcomes: list[RoutineOutcome] = []
    append = outcomes.append
    for staff_id in people:
        reason = skip.get(staff_id)
        if reason is not None:
            append(
                make(
                    staff_id,
                    year,
                    quarter,
                    None,
                    (),
                    None,
                    reason,
                    None,
                    (reason.rule_id,),
                    False,
                    False,
                )
            )
            continue
        # R2 thresholds; 好 only within the R3 share.
        total = totals[staff_id]
        capped = False
        if total >= good_min:
            if staff_id in selected:
                grade, rules = good, _R2_R3
            else:
                # Tied at the line: not "capped" (places may be open), referred to the party group.
                grade, rules, capped = fairly_good, _R2_R3, staff_id not in tied
        else:
            rules = _R2
            if total >= fairly_good_min:
                grade = fairly_good
            elif total >= average_min:
                grade = average
            else:
                grade = poor
        append(
            make(
                staff_id,
                year,
                quarter,
                total,
                breakdowns[staff_id],
                grade,
                None,
                ranks[staff_id],
                rules,
                capped,
                staff_id in tied,
            )
        )
    result = QuarterResult(
        year=year,
        quarter=quarter,
        outcomes=tuple(outcomes),
        graded=len(totals),
        good_places=places,
        ties=(selection.tie,) if selection.tie else (),
        policy=policy,
    )
    return result, totals, selected


def _sorted_unique(ids: Sequence[str], as_set: set[str]) -> list[str]:
    """``sorted(as_set)`` where ``as_set == set(ids)``; fast when ``ids`` is already sorted."""
    ordered = sorted(ids)  # linear when already sorted
    return ordered if len(ordered) == len(as_set) else sorted(as_set)


_R2: tuple[str, ...] = ("R2",)
_R2_R3: tuple[str, ...] = ("R2", "R3")


@frozen(kw_only=True)
class RoutineTimetable:
    """R1: the quarter, when it is scored, and the 公示 window of N working days."""

    year: int
    quarter: int
    period: DateRange
    scoring_month: DateRange
    scored_on: dt.date
    publicity_start: dt.date
    publicity_end: dt.date
    working_days: int


@boundary
def routine_timetable(
    year: Year,
    quarter: int,
    *,
    scored_on: dt.date,
    policy: RoutinePolicy | Policy | None = None,
    calendar: WorkCalendar | None = None,
) -> RoutineTimetable:
    """When the quarter is scored (the first month of the next quarter, R1) and its 公示 window:
    posted the first working day from ``scored_on`` and open for N working days after it
    (R1's parameter; the posting day is not counted, as in ``WorkCalendar.add_working_days``).

    The built-in calendar covers 2004-2026: the window of 2026Q4 (scored in January 2027) raises
    :class:`~jiguan_core.errors.CalendarYearNotCovered` unless the calendar is given 2027.
    """
    policy = routine_view(policy)
    calendar = calendar or WorkCalendar()
    period = WorkCalendar.quarter_range(year, quarter)
    nxt = period.end
    scoring_month = WorkCalendar.period(nxt, Granularity.MONTH)
    if scored_on not in scoring_month:
        raise InvalidValue(
            f"R1: {year}Q{quarter} is scored in the first month of the next quarter "
            f"({scoring_month.start} to {scoring_month.last}), not on {scored_on}",
            f"R1：{year} 年第 {quarter} 季度应在下一季度首月（{scoring_month.start} 至 "
            f"{scoring_month.last}）考核，而非 {scored_on}",
            field="scored_on",
            value=scored_on,
        )
    start = calendar.next_working_day(scored_on)
    n = policy.publicity_working_days
    end = calendar.add_working_days(start, n)
    return RoutineTimetable(
        year=year,
        quarter=quarter,
        period=period,
        scoring_month=scoring_month,
        scored_on=scored_on,
        publicity_start=start,
        publicity_end=end,
        working_days=n,
    )
