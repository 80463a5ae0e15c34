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
from attrs.validators import optional

from jiguan_core._validation import boundary, identifier, instance_of
from jiguan_core.assessment._fast import positional_maker
from jiguan_core.assessment.annual import AnnualResult
from jiguan_core.assessment.evaluate import PatternIndex, patterns_of
from jiguan_core.assessment.grades import Grade, Ungraded
from jiguan_core.assessment.records import ProtectedPeriod, SanctionKind
from jiguan_core.assessment.sanctions import SanctionPeriod
from jiguan_core.catalogue.assessment import ASSESSMENT_CATALOGUE, FactValue, resolve
from jiguan_core.errors import InvalidInput, InvalidValue, Problem
from jiguan_core.finding import Finding
from jiguan_core.organization import Organization
from jiguan_core.policy import Policy
from jiguan_core.rule import RuleArea, Severity
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
        if cls is not YearOutcome:
            return tuple(
                cls(staff_id=o.staff_id, year=o.year, grade=o.grade, ungraded=o.ungraded)
                for o in result.outcomes
            )
        out: list[YearOutcome] = []
        for o in result.outcomes:
            staff_id, year, grade, ungraded = o.staff_id, o.year, o.grade, o.ungraded
            # The validators' checks, inline; anything else goes through them (and raises).
            if (
                isinstance(staff_id, str)
                and staff_id
                and staff_id == staff_id.strip()
                and isinstance(year, int)
                and (grade is None or isinstance(grade, Grade))
                and (ungraded is None or isinstance(ungraded, Ungraded))
            ):
                out.append(_new_year_outcome(staff_id, year, grade, ungraded))
            else:
                out.append(cls(staff_id=staff_id, year=year, grade=grade, ungraded=ungraded))
        return tuple(out)


_new_year_outcome = positional_maker(YearOutcome)


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

    def to_finding(self, level: Severity | None = None) -> Finding:
        """This consequence as the one :class:`~jiguan_core.finding.Finding` (dated 31 Dec)."""
        detail = self.detail
        message = Text(
            f"{self.staff_id} {self.year}年：{self.kind.zh}"
            + (f"（{detail.zh}）" if detail else ""),
            f"{self.staff_id} {self.year}: {self.kind.en}" + (f" ({detail.en})" if detail else ""),
        )
        return Finding.of(
            self.rule_id,
            part=self.kind.value,
            level=level,
            subjects={"staff": (self.staff_id,)},
            dates=(dt.date(self.year, 12, 31),),
            message=message,
        )

    def render(self, lang: Lang = "zh") -> str:
        info = ASSESSMENT_CATALOGUE[self.rule_id].info
        extra = f"（{self.detail.render('zh')}）" if self.detail and lang == "zh" else ""
        if self.detail and lang != "zh":
            extra = f" ({self.detail.en})"
        label = self.kind.zh if lang == "zh" else self.kind.en
        cited = "; ".join(source(s).reference for s in info.sources)
        return f"{self.staff_id} {self.year}: {label}{extra} [{info.id} — {cited}]"


_new_consequence = positional_maker(Consequence)


#: The fields of a person-year fact, in the order :func:`person_year_facts` gives them.
_FACT_FIELDS: tuple[str, ...] = (
    "staff_id",
    "year",
    "grade",
    "ungraded",
    "on_probation",
    "leave_excess_days",
    "investigation_open",
    "heavy_sanction_in_period",
    "warning_in_year",
    "excellent_run",
    "excellent_run_due",
    "incompetent_run",
    "incompetent_run_due",
    "counts_for_step",
    "step_years",
    "step_due",
    "grade_years",
    "grade_step_due",
    "pay_step_blocked",
    "promotion_blocked",
    "party_sanction_running",
    "award_blocked",
    "protected",
)


@boundary
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
    fields = _FACT_FIELDS
    return [
        dict(zip(fields, row, strict=True))
        for row in _fact_rows(history, periods=periods, protected=protected, overrides=overrides)
    ]


def _fact_rows(
    history: Iterable[YearOutcome],
    *,
    periods: Sequence[SanctionPeriod],
    protected: Sequence[ProtectedPeriod],
    overrides: Mapping[str, Mapping[str, object]] | None,
) -> list[tuple[FactValue, ...]]:
    """The facts of :func:`person_year_facts` as tuples of values in :data:`_FACT_FIELDS` order."""
    merit_years = int(resolve("A9", overrides)["years"])  # type: ignore[call-overload]
    step_years = int(resolve("A10.step", overrides)["years"])  # type: ignore[call-overload]
    grade_years = int(resolve("A10.grade", overrides)["years"])  # type: ignore[call-overload]
    dismissal_years = int(resolve("A14", overrides)["years"])  # type: ignore[call-overload]
    award_blocks = bool(resolve("W2", overrides)["sanction_blocks"])
    ordered = sorted(history, key=attrgetter("staff_id", "year"))
    problems: list[Problem] = []
    previous_key: tuple[str, int] | None = None
    for h in ordered:
        key = (h.staff_id, h.year)
        if key == previous_key:
            problems.append(
                Problem(
                    f"history[{h.staff_id}/{h.year}]",
                    f"{h.staff_id} {h.year} appears twice",
                    f"{h.staff_id} {h.year} 年重复",
                )
            )
        previous_key = key
        if (h.grade is None) == (h.ungraded is None):
            problems.append(
                Problem(
                    f"history[{h.staff_id}/{h.year}]",
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
    rows: list[tuple[FactValue, ...]] = []
    append = rows.append
    person: str | None = None
    previous_year = 0
    excellent_run = incompetent_run = steps = grades = 0
    own_periods: list[SanctionPeriod] = []
    own_protected: list[ProtectedPeriod] = []
    excellent, competent, incompetent = Grade.EXCELLENT, Grade.COMPETENT, Grade.INCOMPETENT
    probation, long_leave = Ungraded.PROBATION, Ungraded.LONG_LEAVE
    investigation = Ungraded.UNDER_INVESTIGATION
    for h in ordered:
        staff_id = h.staff_id
        if staff_id != person:
            person, previous_year = staff_id, h.year - 1
            excellent_run = incompetent_run = steps = grades = 0
            own_periods = by_person_periods.get(staff_id, [])
            own_protected = by_person_protected.get(staff_id, [])
        year = h.year
        if year != previous_year + 1:  # a missing year breaks the runs
            excellent_run = incompetent_run = 0
        previous_year = year
        grade = h.grade
        excellent_run = excellent_run + 1 if grade is excellent else 0
        incompetent_run = incompetent_run + 1 if grade is incompetent else 0
        counts = grade is excellent or grade is competent
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
        append(
            (
                staff_id,
                year,
                # ``_value_`` is what ``.value`` returns, without the enum property's call.
                grade._value_ if grade is not None else "ungraded",
                ungraded._value_ if ungraded is not None else "",
                1 if ungraded is probation else 0,
                1 if ungraded is long_leave else 0,
                1 if ungraded is investigation else 0,
                1 if heavy else 0,
                1 if warning else 0,
                excellent_run,
                1 if merit_due else 0,
                incompetent_run,
                1 if incompetent_run >= dismissal_years else 0,
                1 if counts else 0,
                steps,
                1 if step_due else 0,
                grades,
                1 if grade_due else 0,
                1 if pay_blocked else 0,
                1 if promotion_blocked else 0,
                1 if party_running else 0,
                1 if award_blocks and (promotion_blocked or party_running) else 0,
                1 if is_protected else 0,
            )
        )
        if merit_due:
            excellent_run = 0
        if step_due and not pay_blocked:
            steps -= step_years
        if grade_due:
            grades -= grade_years
    return rows


_CONSEQUENCE_IDS = tuple(CONSEQUENCE_RULES)


@boundary
def consequences(
    history: Iterable[YearOutcome],
    *,
    periods: Sequence[SanctionPeriod] = (),
    protected: Sequence[ProtectedPeriod] = (),
    office: Organization | None = None,
    overrides: Mapping[str, Mapping[str, object]] | None = None,
    years: Iterable[int] | None = None,
    policy: Policy | None = None,
) -> tuple[Consequence, ...]:
    """Every consequence of ``history`` (all years, or only ``years``), sorted by (person, year)
    then rule order. With ``office``, a demotion names the level one below the current one.

    ``policy`` (the one :class:`~jiguan_core.policy.Policy`) gives the parameters, as
    ``overrides`` does, and switches rules off: a disabled rule has no consequence."""
    if policy is not None:
        if overrides is not None:
            raise InvalidValue(
                "give either policy or overrides, not both",
                "policy 与 overrides 只能给出其一",
                field="overrides",
                value=overrides,
            )
        overrides = policy.overrides_for(RuleArea.ASSESSMENT)
    return _consequences(
        history,
        periods=periods,
        protected=protected,
        office=office,
        overrides=overrides,
        years=years,
        disabled=policy.disabled if policy is not None else frozenset(),
    )


def _consequences(
    history: Iterable[YearOutcome],
    *,
    periods: Sequence[SanctionPeriod],
    protected: Sequence[ProtectedPeriod],
    office: Organization | None,
    overrides: Mapping[str, Mapping[str, object]] | None,
    years: Iterable[int] | None,
    disabled: frozenset[str] = frozenset(),
) -> tuple[Consequence, ...]:
    rows = _fact_rows(history, periods=periods, protected=protected, overrides=overrides)
    index = PatternIndex(patterns_of(r for r in _CONSEQUENCE_IDS if r not in disabled))
    # The rules fired by a fact depend only on the fields the patterns test: look them up once
    # per distinct combination (the index memoises on the same key).
    key_of = index._key_getter(_FACT_FIELDS)
    caused: dict[object, tuple[tuple[ConsequenceKind, str], ...]] = {}
    wanted = set(years) if years is not None else None
    demotion = ConsequenceKind.DEMOTION
    make = _new_consequence
    out: list[Consequence] = []
    append = out.append
    for row in rows:
        year = row[1]
        if wanted is not None and year not in wanted:
            continue
        key = key_of(row)
        effects = caused.get(key)
        if effects is None:
            fired = index.fired(dict(zip(_FACT_FIELDS, row, strict=True)))
            effects = caused[key] = tuple(
                (kind, rule_id) for rule_id in fired for kind in CONSEQUENCE_RULES[rule_id]
            )
        if not effects:
            continue
        staff_id = row[0]
        for kind, rule_id in effects:
            detail = None
            if kind is demotion and office is not None:
                level = office.person(str(staff_id)).level
                lower = level.one_below()
                detail = Text(f"{level.zh} → {lower.zh}", f"{level.en} → {lower.en}")
            append(make(staff_id, year, kind, rule_id, detail))
    return tuple(out)
