"""The inputs of an assessment: scores, leave, probation, investigations, sanctions, protected
situations and honours. Plain frozen records; :class:`AssessmentRecords` holds them together.

Scores are checked against the policy's scale when assessed (the scale is policy); staff ids are
checked against the office then, so one error lists every unknown id.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Iterable, Mapping
from typing import Any

from attrs import field, frozen

from jiguan_core._validation import (
    Year,
    boundary,
    check_year,
    date_value,
    identifier,
    instance_of,
    is_collection,
    keep,
    members_of,
    named_numbers,
    named_pairs,
    not_before,
    number,
    optional_date,
    optional_text,
)
from jiguan_core.absence import AbsenceKind
from jiguan_core.assessment.grades import Ungraded
from jiguan_core.errors import InvalidValue
from jiguan_core.organization import Organization
from jiguan_core.text import TermEnum

__all__ = [
    "AnnualScores",
    "AssessmentRecords",
    "AwardKind",
    "Honour",
    "HonourLevel",
    "Investigation",
    "LeaveRecord",
    "Probation",
    "ProtectedKind",
    "ProtectedPeriod",
    "QuarterExemption",
    "QuarterScores",
    "Sanction",
    "SanctionKind",
    "leave_from_absences",
]


def _scores(values: Mapping[str, float]) -> tuple[tuple[str, float], ...]:
    """Scores given as a mapping of rater group (or component) to score, sorted by name."""
    found = named_pairs(values)
    if found is None:
        return keep(values, _scores)  # reported by the validator
    return tuple(sorted((str(k), v) for k, v in dict(found).items()))


def _check_numbers(
    instance: object, attribute: object, value: tuple[tuple[str, float], ...]
) -> None:
    for name, score in value:
        if (
            isinstance(score, bool)
            or not isinstance(score, int | float)
            or not math.isfinite(score)
        ):
            owner = getattr(instance, "staff_id", "?")
            raise InvalidValue(
                f"score {name!r} of {owner} must be a finite number, got {score!r}",
                f"{owner} 的 {name!r} 分数须为有限数值，实际为 {score!r}",
                field=f"scores.{name}",
                value=score,
            )


def _year(instance: object, attribute: object, value: Any) -> None:
    check_year(value, "year", type(instance).__name__)


def _quarter(instance: object, attribute: object, value: Any) -> None:
    if value not in (1, 2, 3, 4) or isinstance(value, bool):
        raise InvalidValue(
            f"quarter must be 1-4, got {value!r}",
            f"季度须为 1-4，实际为 {value!r}",
            field="quarter",
            value=value,
        )


@frozen(kw_only=True)
class QuarterScores:
    """One person's scores for one quarter, by rater group (self, colleagues, head, leadership ...)."""

    staff_id: str = field(validator=identifier)
    year: int = field(validator=_year)
    quarter: int = field(validator=_quarter)
    scores: tuple[tuple[str, float], ...] = field(
        converter=_scores, validator=[named_numbers, _check_numbers]
    )

    def as_dict(self) -> dict[str, float]:
        return dict(self.scores)


@frozen(kw_only=True)
class QuarterExemption:
    """A person not graded in a quarter, with the reason (e.g. long leave, approved exemption)."""

    staff_id: str = field(validator=identifier)
    year: int = field(validator=_year)
    quarter: int = field(validator=_quarter)
    reason: Ungraded = field(validator=instance_of(Ungraded))


@frozen(kw_only=True)
class AnnualScores:
    """One person's annual component scores: e.g. ``democratic`` and ``party_group`` (the article's
    民主测评 and 党组会议测评), or sub-scores such as 德能勤绩廉. ``routine`` and ``q1``-``q4``
    come from the quarters and must not be given here."""

    staff_id: str = field(validator=identifier)
    year: int = field(validator=_year)
    scores: tuple[tuple[str, float], ...] = field(
        converter=_scores, validator=[named_numbers, _check_numbers]
    )

    def as_dict(self) -> dict[str, float]:
        return dict(self.scores)


def _half_days(instance: object, attribute: Any, value: float) -> None:
    if value * 2 != int(value * 2):
        raise InvalidValue(
            f"{type(instance).__name__}.{attribute.name} = {value!r}: leave is counted in half "
            "days (0.5, 1, 1.5 ...); round to a half day",
            f"{type(instance).__name__}.{attribute.name} = {value!r}：请假以半天为单位计算"
            "（0.5、1、1.5……），请取整到半天",
            field=attribute.name,
            value=value,
        )


@frozen(kw_only=True)
class LeaveRecord:
    """Sick and personal leave days of a person in a year (A4), counted in half days (a morning
    or an afternoon away is 0.5): from 0 to 366."""

    staff_id: str = field(validator=identifier)
    year: int = field(validator=_year)
    sick_days: float = field(default=0, validator=[number(minimum=0, maximum=366), _half_days])
    personal_days: float = field(default=0, validator=[number(minimum=0, maximum=366), _half_days])

    @property
    def days(self) -> float:
        return self.sick_days + self.personal_days


@frozen(kw_only=True)
class Probation:
    """A probation period [start, end) (A3), beside ``Staff.probation_end``."""

    staff_id: str = field(validator=identifier)
    start: dt.date = field(validator=date_value)
    end: dt.date = field(validator=[date_value, not_before("start", strict=True)])


@frozen(kw_only=True)
class Investigation:
    """立案审查调查 (A5): open from ``opened`` until ``closed`` (None: still open)."""

    staff_id: str = field(validator=identifier)
    opened: dt.date = field(validator=date_value)
    closed: dt.date | None = field(default=None, validator=[optional_date, not_before("opened")])

    def is_open(self, on: dt.date) -> bool:
        return self.opened <= on and (self.closed is None or on < self.closed)


class SanctionKind(TermEnum):
    """政务处分 (S1) and 党纪处分 (S4) kinds, lightest first within each family."""

    WARNING = "warning", "警告"
    DEMERIT = "demerit", "记过"
    MAJOR_DEMERIT = "major_demerit", "记大过"
    DEMOTION = "demotion", "降级"
    REMOVAL = "removal", "撤职"
    PARTY_WARNING = "party_warning", "党内警告"
    PARTY_SERIOUS_WARNING = "party_serious_warning", "党内严重警告"

    @property
    def is_party(self) -> bool:
        return self in (SanctionKind.PARTY_WARNING, SanctionKind.PARTY_SERIOUS_WARNING)

    @property
    def is_demerit_or_heavier(self) -> bool:
        """记过 or heavier: ungraded during the period (A7), no pay step (S2)."""
        return not self.is_party and self is not SanctionKind.WARNING

    @property
    def parameter(self) -> tuple[str, str]:
        """The (rule id, parameter) that holds this kind's period in months."""
        return ("S4", self.value) if self.is_party else ("S1", self.value)


@frozen(kw_only=True)
class Sanction:
    """A sanction decided on ``start`` (the period runs from that day)."""

    staff_id: str = field(validator=identifier)
    kind: SanctionKind = field(validator=instance_of(SanctionKind))
    start: dt.date = field(validator=date_value)


class ProtectedKind(TermEnum):
    """A14's protected situations: no dismissal for two 不称职 years while one applies."""

    PREGNANCY = "pregnancy", "孕期"
    MATERNITY = "maternity", "产期"
    NURSING = "nursing", "哺乳期"
    MEDICAL_TREATMENT = "medical_treatment", "医疗期"
    WORK_INJURY = "work_injury", "因工负伤"


@frozen(kw_only=True)
class ProtectedPeriod:
    """A protected situation from ``start`` to ``end`` (None: open-ended, e.g. a work injury)."""

    staff_id: str = field(validator=identifier)
    kind: ProtectedKind = field(validator=instance_of(ProtectedKind))
    start: dt.date = field(validator=date_value)
    end: dt.date | None = field(
        default=None, validator=[optional_date, not_before("start", strict=True)]
    )

    def covers(self, on: dt.date) -> bool:
        return self.start <= on and (self.end is None or on < self.end)


class AwardKind(TermEnum):
    """W1: the kinds of award, plus 先进 honours an office counts per person-time."""

    COMMENDATION = "commendation", "嘉奖"
    THIRD_CLASS_MERIT = "third_class_merit", "记三等功"
    SECOND_CLASS_MERIT = "second_class_merit", "记二等功"
    FIRST_CLASS_MERIT = "first_class_merit", "记一等功"
    HONORARY_TITLE = "honorary_title", "授予称号"
    ADVANCED_INDIVIDUAL = "advanced_individual", "先进个人"


class HonourLevel(TermEnum):
    NATIONAL = "national", "国家级"
    PROVINCIAL = "provincial", "省级"
    MUNICIPAL = "municipal", "市级"
    OFFICE = "office", "机关"


@frozen(kw_only=True)
class Honour:
    """An honour or award a person received on ``day``."""

    staff_id: str = field(validator=identifier)
    kind: AwardKind = field(validator=instance_of(AwardKind))
    level: HonourLevel = field(validator=instance_of(HonourLevel))
    day: dt.date = field(validator=date_value)
    title: str = field(default="", validator=optional_text)


def _quarter_scores(values: Iterable[QuarterScores]) -> tuple[QuarterScores, ...]:
    return tuple(values) if is_collection(values) else keep(values, _quarter_scores)


def _exemptions(values: Iterable[QuarterExemption]) -> tuple[QuarterExemption, ...]:
    return tuple(values) if is_collection(values) else keep(values, _exemptions)


def _annual_scores(values: Iterable[AnnualScores]) -> tuple[AnnualScores, ...]:
    return tuple(values) if is_collection(values) else keep(values, _annual_scores)


def _leave(values: Iterable[LeaveRecord]) -> tuple[LeaveRecord, ...]:
    return tuple(values) if is_collection(values) else keep(values, _leave)


def _probations(values: Iterable[Probation]) -> tuple[Probation, ...]:
    return tuple(values) if is_collection(values) else keep(values, _probations)


def _investigations(values: Iterable[Investigation]) -> tuple[Investigation, ...]:
    return tuple(values) if is_collection(values) else keep(values, _investigations)


def _sanctions(values: Iterable[Sanction]) -> tuple[Sanction, ...]:
    return tuple(values) if is_collection(values) else keep(values, _sanctions)


def _protected(values: Iterable[ProtectedPeriod]) -> tuple[ProtectedPeriod, ...]:
    return tuple(values) if is_collection(values) else keep(values, _protected)


def _honours(values: Iterable[Honour]) -> tuple[Honour, ...]:
    return tuple(values) if is_collection(values) else keep(values, _honours)


@frozen(kw_only=True)
class AssessmentRecords:
    """Every input of the assessments, in the caller's order (results never depend on it)."""

    quarter_scores: tuple[QuarterScores, ...] = field(
        default=(), converter=_quarter_scores, validator=members_of(QuarterScores)
    )
    exemptions: tuple[QuarterExemption, ...] = field(
        default=(), converter=_exemptions, validator=members_of(QuarterExemption)
    )
    annual_scores: tuple[AnnualScores, ...] = field(
        default=(), converter=_annual_scores, validator=members_of(AnnualScores)
    )
    leave: tuple[LeaveRecord, ...] = field(
        default=(), converter=_leave, validator=members_of(LeaveRecord)
    )
    probations: tuple[Probation, ...] = field(
        default=(), converter=_probations, validator=members_of(Probation)
    )
    investigations: tuple[Investigation, ...] = field(
        default=(), converter=_investigations, validator=members_of(Investigation)
    )
    sanctions: tuple[Sanction, ...] = field(
        default=(), converter=_sanctions, validator=members_of(Sanction)
    )
    protected: tuple[ProtectedPeriod, ...] = field(
        default=(), converter=_protected, validator=members_of(ProtectedPeriod)
    )
    honours: tuple[Honour, ...] = field(
        default=(), converter=_honours, validator=members_of(Honour)
    )

    def staff_ids(self) -> set[str]:
        """Every staff id any record names."""
        ids: set[str] = set()
        for group in (
            self.quarter_scores,
            self.exemptions,
            self.annual_scores,
            self.leave,
            self.probations,
            self.investigations,
            self.sanctions,
            self.protected,
            self.honours,
        ):
            ids.update(r.staff_id for r in group)
        return ids


@boundary
def leave_from_absences(office: Organization, year: Year) -> tuple[LeaveRecord, ...]:
    """A4's leave days from the office's absences: sick and personal leave inside ``year``,
    counted in the unit it is taken in, half days (a morning away is 0.5, a day away 1; see
    :meth:`~jiguan_core.time.TimeSpan.half_days`). Two absences on the same half day count once."""
    sick: dict[str, set[tuple[dt.date, object]]] = {}
    personal: dict[str, set[tuple[dt.date, object]]] = {}
    for absence in office.absences:
        if absence.kind not in (AbsenceKind.SICK_LEAVE, AbsenceKind.PERSONAL_LEAVE):
            continue
        target = sick if absence.kind is AbsenceKind.SICK_LEAVE else personal
        halves = target.setdefault(absence.staff_id, set())
        halves.update(h for h in absence.span.half_days() if h[0].year == year)
    return tuple(
        LeaveRecord(
            staff_id=staff_id,
            year=year,
            sick_days=len(sick.get(staff_id, ())) / 2,
            personal_days=len(personal.get(staff_id, ())) / 2,
        )
        for staff_id in sorted(set(sick) | set(personal))
    )
