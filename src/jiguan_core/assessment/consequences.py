"""Consequences of the annual results over several years (A8-A14) and of sanctions (S2, S4, W2).

History is turned into one flat fact per person-year (:func:`person_year_facts`): the grade, run
lengths and cumulative counters (an ungraded or missing year breaks a run), and whether a
sanction period or a protected situation applies on the day the year's result takes effect
(1 January of the next year). The catalogue's single-fact patterns then decide which rules fire
(:func:`consequences`); the same facts and patterns run on the durable_rules engine in the
conformance suite.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping, Sequence
from operator import attrgetter

from attrs import field, frozen
from attrs.validators import instance_of, optional

from jiguan_core._validation import identifier
from jiguan_core.assessment.annual import AnnualResult
from jiguan_core.assessment.evaluate import PatternIndex, patterns_of
from jiguan_core.assessment.grades import Grade, Ungraded
from jiguan_core.assessment.records import ProtectedPeriod, SanctionKind
from jiguan_core.assessment.rules import ASSESSMENT_CATALOGUE, FactValue, resolve
from jiguan_core.assessment.sanctions import SanctionPeriod
from jiguan_core.errors import InvalidInput, Problem
from jiguan_core.organization import Organization
from jiguan_core.sources import source
from jiguan_core.text import Lang, TermEnum, Text

__all__ = [
    "CONSEQUENCE_RULES",
    "Consequence",
    "ConsequenceKind",
    "YearOutcome",
    "consequences",
    "person_year_facts",
]


@frozen(kw_only=True)
class YearOutcome:
    """A person's annual result in one year: a grade, or the reason for no grade."""

    staff_id: str = field(validator=identifier)
    year: int = field(validator=instance_of(int))
    grade: Grade | None = field(default=None, validator=optional(instance_of(Grade)))
    ungraded: Ungraded | None = field(default=None, validator=optional(instance_of(Ungraded)))

    @classmethod
    def from_result(cls, result: AnnualResult) -> tuple[YearOutcome, ...]:
        return tuple(
            cls(staff_id=o.staff_id, year=o.year, grade=o.grade, ungraded=o.ungraded)
            for o in result.outcomes
        )


class ConsequenceKind(TermEnum):
    COMMENDATION = "commendation", "嘉奖"
    TIME_IN_RANK_SHORTENED = "time_in_rank_shortened", "晋升职级所需年限缩短"
    THIRD_CLASS_MERIT = "third_class_merit", "记三等功"
    PAY_STEP = "pay_step", "晋升一个工资档次"
    SALARY_GRADE = "salary_grade", "晋升一个级别"
    PAY_STEP_DEFERRED = "pay_step_deferred", "工资档次暂缓晋升"
    ADMONITION = "admonition", "诫勉"
    YEAR_NOT_COUNTED = "year_not_counted", "当年不计算年限"
    NO_BONUS = "no_bonus", "不发年终奖金"
    BONUS = "bonus", "发放年终奖金"
    DEMOTION = "demotion", "降低一个职务职级层次"
    DISMISSAL = "dismissal", "予以辞退"
    DISMISSAL_WITHHELD = "dismissal_withheld", "受保护不得辞退"
    NO_PROMOTION = "no_promotion", "不得晋升职务职级"
    NO_AWARD = "no_award", "不予奖励"


#: What each firing rule causes, in order.
CONSEQUENCE_RULES: Mapping[str, tuple[ConsequenceKind, ...]] = {
    "A8": (ConsequenceKind.COMMENDATION, ConsequenceKind.TIME_IN_RANK_SHORTENED),
    "A9": (ConsequenceKind.THIRD_CLASS_MERIT,),
    "A10.step": (ConsequenceKind.PAY_STEP,),
    "A10.grade": (ConsequenceKind.SALARY_GRADE,),
    "A10.deferred": (ConsequenceKind.PAY_STEP_DEFERRED,),
    "A11": (ConsequenceKind.ADMONITION, ConsequenceKind.YEAR_NOT_COUNTED, ConsequenceKind.NO_BONUS),
    "A12": (ConsequenceKind.BONUS,),
    "A13": (ConsequenceKind.DEMOTION,),
    "A14": (ConsequenceKind.DISMISSAL,),
    "A14.protected": (ConsequenceKind.DISMISSAL_WITHHELD,),
    "S2": (ConsequenceKind.NO_PROMOTION,),
    "S4": (ConsequenceKind.NO_PROMOTION,),
    "W2": (ConsequenceKind.NO_AWARD,),
}


@frozen(kw_only=True)
class Consequence:
    staff_id: str
    year: int
    kind: ConsequenceKind
    rule_id: str
    detail: Text | None = None

    def render(self, lang: Lang = "zh") -> str:
        info = ASSESSMENT_CATALOGUE[self.rule_id].info
        extra = f"（{self.detail.render('zh')}）" if self.detail and lang == "zh" else ""
        if self.detail and lang != "zh":
            extra = f" ({self.detail.en})"
        label = self.kind.zh if lang == "zh" else self.kind.en
        cited = "; ".join(source(s).reference for s in info.sources)
        return f"{self.staff_id} {self.year}: {label}{extra} [{info.id} — {cited}]"


def person_year_facts(
    history: Iterable[YearOutcome],
    *,
    periods: Sequence[SanctionPeriod] = (),
    protected: Sequence[ProtectedPeriod] = (),
    overrides: Mapping[str, Mapping[str, object]] | None = None,
) -> list[dict[str, FactValue]]:
    """One flat fact per person-year, sorted by (person, year); see the module docstring.

    Raises :class:`InvalidInput` when a person-year appears twice or has both or neither of a
    grade and an ungraded reason.
    """
    merit_years = int(resolve("A9", overrides)["years"])  # type: ignore[call-overload]
    step_years = int(resolve("A10.step", overrides)["years"])  # type: ignore[call-overload]
    grade_years = int(resolve("A10.grade", overrides)["years"])  # type: ignore[call-overload]
    dismissal_years = int(resolve("A14", overrides)["years"])  # type: ignore[call-overload]
    award_blocks = bool(resolve("W2", overrides)["sanction_blocks"])
    ordered = sorted(history, key=attrgetter("staff_id", "year"))
    problems: list[Problem] = []
    for i, h in enumerate(ordered):
        path = f"history[{h.staff_id}/{h.year}]"
        if i and (ordered[i - 1].staff_id, ordered[i - 1].year) == (h.staff_id, h.year):
            problems.append(
                Problem(
                    path, f"{h.staff_id} {h.year} appears twice", f"{h.staff_id} {h.year} 年重复"
                )
            )
        if (h.grade is None) == (h.ungraded is None):
            problems.append(
                Problem(
                    path,
                    f"{h.staff_id} {h.year}: give exactly one of grade and ungraded",
                    f"{h.staff_id} {h.year} 年：等次与不定等次原因须且只须给出一个",
                )
            )
    if problems:
        raise InvalidInput(problems)
    by_person_periods: dict[str, list[SanctionPeriod]] = {}
    for p in periods:
        by_person_periods.setdefault(p.staff_id, []).append(p)
    by_person_protected: dict[str, list[ProtectedPeriod]] = {}
    for q in protected:
        by_person_protected.setdefault(q.staff_id, []).append(q)
    facts: list[dict[str, FactValue]] = []
    person: str | None = None
    previous_year = 0
    excellent_run = incompetent_run = steps = grades = 0
    own_periods: list[SanctionPeriod] = []
    own_protected: list[ProtectedPeriod] = []
    excellent, incompetent = Grade.EXCELLENT, Grade.INCOMPETENT
    for h in ordered:
        if h.staff_id != person:
            person, previous_year = h.staff_id, h.year - 1
            excellent_run = incompetent_run = steps = grades = 0
            own_periods = by_person_periods.get(person, [])
            own_protected = by_person_protected.get(person, [])
        if h.year != previous_year + 1:  # a missing year breaks the runs
            excellent_run = incompetent_run = 0
        previous_year = year = h.year
        grade = h.grade
        excellent_run = excellent_run + 1 if grade is excellent else 0
        incompetent_run = incompetent_run + 1 if grade is incompetent else 0
        counts = grade is excellent or grade is Grade.COMPETENT
        if counts:
            steps += 1
            grades += 1
        step_due = counts and steps >= step_years
        grade_due = counts and grades >= grade_years
        merit_due = excellent_run >= merit_years
        pay_blocked = promotion_blocked = party_running = heavy = warning = False
        if own_periods:
            effective = dt.date(year + 1, 1, 1)
            for p in own_periods:
                heavier = p.kind.is_demerit_or_heavier
                if p.covers(effective):
                    pay_blocked = pay_blocked or heavier
                    if p.kind.is_party:
                        party_running = True
                    else:
                        promotion_blocked = True
                heavy = heavy or (heavier and p.overlaps_year(year))
                warning = warning or (p.kind is SanctionKind.WARNING and p.start.year == year)
        is_protected = False
        if own_protected:
            effective, year_start = dt.date(year + 1, 1, 1), dt.date(year, 1, 1)
            is_protected = any(
                q.start < effective and (q.end is None or q.end > year_start) for q in own_protected
            )
        ungraded = h.ungraded
        facts.append(
            {
                "staff_id": h.staff_id,
                "year": year,
                "grade": grade.value if grade is not None else "ungraded",
                "ungraded": ungraded.value if ungraded is not None else "",
                "on_probation": int(ungraded is Ungraded.PROBATION),
                "leave_excess_days": int(ungraded is Ungraded.LONG_LEAVE),
                "investigation_open": int(ungraded is Ungraded.UNDER_INVESTIGATION),
                "heavy_sanction_in_period": int(heavy),
                "warning_in_year": int(warning),
                "excellent_run": excellent_run,
                "excellent_run_due": int(merit_due),
                "incompetent_run": incompetent_run,
                "incompetent_run_due": int(incompetent_run >= dismissal_years),
                "counts_for_step": int(counts),
                "step_years": steps,
                "step_due": int(step_due),
                "grade_years": grades,
                "grade_step_due": int(grade_due),
                "pay_step_blocked": int(pay_blocked),
                "promotion_blocked": int(promotion_blocked),
                "party_sanction_running": int(party_running),
                "award_blocked": int(award_blocks and (promotion_blocked or party_running)),
                "protected": int(is_protected),
            }
        )
        if merit_due:
            excellent_run = 0
        if step_due and not pay_blocked:
            steps -= step_years
        if grade_due:
            grades -= grade_years
    return facts


_CONSEQUENCE_IDS = tuple(CONSEQUENCE_RULES)


def consequences(
    history: Iterable[YearOutcome],
    *,
    periods: Sequence[SanctionPeriod] = (),
    protected: Sequence[ProtectedPeriod] = (),
    office: Organization | None = None,
    overrides: Mapping[str, Mapping[str, object]] | None = None,
    years: Iterable[int] | None = None,
) -> tuple[Consequence, ...]:
    """Every consequence of ``history`` (all years, or only ``years``), sorted by (person, year)
    then rule order. With ``office``, a demotion names the level one below the current one."""
    facts = person_year_facts(history, periods=periods, protected=protected, overrides=overrides)
    index = PatternIndex(patterns_of(_CONSEQUENCE_IDS))
    wanted = set(years) if years is not None else None
    out: list[Consequence] = []
    for fact in facts:
        year = int(fact["year"])
        if wanted is not None and year not in wanted:
            continue
        staff_id = str(fact["staff_id"])
        for rule_id in index.fired(fact):
            for kind in CONSEQUENCE_RULES[rule_id]:
                detail = None
                if kind is ConsequenceKind.DEMOTION and office is not None:
                    level = office.person(staff_id).level
                    lower = level.one_below()
                    detail = Text(f"{level.zh} → {lower.zh}", f"{level.en} → {lower.en}")
                out.append(
                    Consequence(
                        staff_id=staff_id, year=year, kind=kind, rule_id=rule_id, detail=detail
                    )
                )
    return tuple(out)
