"""The grades of the annual (A1) and the routine (R2) assessment, and why a person is ungraded."""

from __future__ import annotations

from jiguan_core.text import TermEnum

__all__ = ["Grade", "RoutineGrade", "Ungraded"]


class Grade(TermEnum):
    """A1: the four annual grades, best first. Ungraded (不定等次) is not a grade: see Ungraded."""

    EXCELLENT = "excellent", "优秀"
    COMPETENT = "competent", "称职"
    BASICALLY_COMPETENT = "basically_competent", "基本称职"
    INCOMPETENT = "incompetent", "不称职"

    @property
    def rank(self) -> int:
        """0 for 优秀 ... 3 for 不称职 (lower is better)."""
        return _GRADE_ORDER.index(self)

    @property
    def is_competent_or_better(self) -> bool:
        return self in (Grade.EXCELLENT, Grade.COMPETENT)


_GRADE_ORDER: tuple[Grade, ...] = tuple(Grade)


class RoutineGrade(TermEnum):
    """R2: the four routine (quarterly) grades, best first."""

    GOOD = "good", "好"
    FAIRLY_GOOD = "fairly_good", "较好"
    AVERAGE = "average", "一般"
    POOR = "poor", "较差"

    @property
    def rank(self) -> int:
        return _ROUTINE_ORDER.index(self)


_ROUTINE_ORDER: tuple[RoutineGrade, ...] = tuple(RoutineGrade)


class Ungraded(TermEnum):
    """Why a person gets no grade (不定等次) in a year or a quarter, with the rule that says so."""

    PROBATION = "probation", "试用期人员只写评语不定等次"
    LONG_LEAVE = "long_leave", "病事假累计超过半年"
    UNDER_INVESTIGATION = "under_investigation", "立案审查调查期间"
    HEAVY_SANCTION = "heavy_sanction", "记过以上处分期间"
    NOT_EMPLOYED = "not_employed", "考核期内尚未入职"
    EXEMPT = "exempt", "经批准不参加本期考核"

    @property
    def rule_id(self) -> str:
        """The REGULATIONS id behind the reason (EXEMPT and NOT_EMPLOYED: the A1 'ungraded')."""
        return _UNGRADED_RULE[self]


_UNGRADED_RULE: dict[Ungraded, str] = {
    Ungraded.PROBATION: "A3",
    Ungraded.LONG_LEAVE: "A4",
    Ungraded.UNDER_INVESTIGATION: "A5",
    Ungraded.HEAVY_SANCTION: "A7",
    Ungraded.NOT_EMPLOYED: "A1",
    Ungraded.EXEMPT: "A1",
}
