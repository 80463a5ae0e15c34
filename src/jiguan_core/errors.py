"""The one error hierarchy of jiguan_core.

Every error the library raises on purpose is a :class:`JiguanError`. Children also subclass the
built-in they resemble, so ``except ValueError`` keeps working for callers who do not know the
library. Each error says what was wrong and what to do, in English (``str(error)``) and Chinese
(``error.render("zh")``), and carries the offending data as attributes.

Every exception class of the package is defined here, the areas' own ones too (grouped below by
area); the area modules re-export theirs, so ``from jiguan_core.work import WorkflowError`` and
``from jiguan_core.errors import WorkflowError`` name the same class.
"""

from __future__ import annotations

from collections.abc import Iterable

from attrs import frozen

from jiguan_core.text import Lang

__all__ = [
    "ABRoleError",
    "CalendarYearNotCovered",
    "CannotWrite",
    "ChecklistIncomplete",
    "ConversionError",
    "DocumentRuleViolation",
    "DurableUnavailable",
    "IntegrityError",
    "InvalidInput",
    "InvalidValue",
    "JiguanError",
    "MissingExtra",
    "NaiveDateTime",
    "OutOfOrderTransition",
    "Problem",
    "ReportingCycle",
    "ScheduleInputError",
    "SchedulingError",
    "SigningWithoutReview",
    "UnknownEntity",
    "VerificationFailed",
    "WorkflowError",
    "WorkflowFinished",
    "WrongType",
]


class JiguanError(Exception):
    """Root of every error jiguan_core raises on purpose."""

    def __init__(self, message_en: str, message_zh: str | None = None) -> None:
        super().__init__(message_en)
        self.message_en = message_en
        self.message_zh = message_zh if message_zh is not None else message_en

    def render(self, lang: Lang = "en") -> str:
        return self.message_zh if lang == "zh" else self.message_en


class InvalidValue(JiguanError, ValueError):
    """A single value is not acceptable (wrong type, out of range, inconsistent)."""

    def __init__(
        self, message_en: str, message_zh: str | None = None, *, field: str, value: object
    ) -> None:
        super().__init__(message_en, message_zh)
        self.field = field
        self.value = value


class WrongType(InvalidValue, TypeError):
    """A value of the wrong type (a string where an enum member or a bool is expected ...).

    Both a ``ValueError`` (as every :class:`InvalidValue`) and a ``TypeError`` (as attrs'
    ``instance_of`` validator raised before), so either ``except`` keeps working.
    """


class NaiveDateTime(InvalidValue):
    """A datetime without a time zone: ambiguous, because pendulum's own default is UTC."""

    def __init__(self, *, field: str, value: object) -> None:
        super().__init__(
            f"{field} = {value!r} has no time zone; pass an aware datetime, e.g. "
            "pendulum.datetime(2025, 3, 1, 9, tz='Asia/Shanghai') or an ISO string with +08:00",
            f"{field} = {value!r} 缺少时区；请传入带时区的时间，例如 2025-03-01T09:00:00+08:00",
            field=field,
            value=value,
        )


class UnknownEntity(JiguanError, LookupError):
    """An id that names nothing known (a staff member, post, room, rule ...)."""

    def __init__(
        self,
        kind: str,
        entity_id: object,
        *,
        hint: str = "",
        kind_zh: str | None = None,
        hint_zh: str | None = None,
    ) -> None:
        message = f"unknown {kind} {entity_id!r}"
        zh_hint = hint_zh if hint_zh is not None else hint
        super().__init__(
            message + (f"; {hint}" if hint else ""),
            f"未知的{kind_zh or kind}：{entity_id!r}" + (f"；{zh_hint}" if zh_hint else ""),
        )
        self.kind = kind
        self.entity_id = entity_id


class MissingExtra(JiguanError, ImportError):
    """A feature at the edge needs a package that is installed with an extra, and it is not there.

    ``extra`` is the extra to install (``pip install "jiguan-core[ics]"``), ``package`` the missing
    distribution and ``feature`` what needs it. Also an ``ImportError``, so ``except ImportError``
    keeps working.
    """

    def __init__(self, *, extra: str, package: str, feature: str, feature_zh: str) -> None:
        super().__init__(
            f"{feature} needs the package {package!r}, which is not installed; "
            f'install the extra: pip install "jiguan-core[{extra}]"',
            f"{feature_zh}需要软件包 {package!r}，但尚未安装；"
            f'请安装可选依赖：pip install "jiguan-core[{extra}]"',
        )
        self.extra = extra
        self.package = package
        self.feature = feature


class CannotWrite(JiguanError, OSError):
    """The command line could not write its output (a closed standard output, a full disk, a
    missing directory); the message says where and why, and the exit status is 2."""


class CalendarYearNotCovered(JiguanError, LookupError):
    """The working-day arrangement of a year is not known: never silently assume Mon-Fri."""

    def __init__(self, year: int, covered: tuple[int, int] | None) -> None:
        span = f"{covered[0]}-{covered[1]}" if covered else "none"
        super().__init__(
            f"the official working-day arrangement (holidays and 调休) of {year} is not known "
            f"(built-in years: {span}); supply it with "
            f"WorkCalendar(arrangements=[YearArrangement(year={year}, holidays=..., "
            "working_weekend_days=...)]) from the State Council notice",
            f"{year} 年的放假调休安排未知（内置年份：{span}）；请按国务院办公厅通知以 "
            "YearArrangement 传入",
        )
        self.year = year


@frozen
class Problem:
    """One thing wrong with an input, located by a JSON-style path such as ``$.staff[3].id``."""

    path: str
    message_en: str
    message_zh: str

    def render(self, lang: Lang = "en") -> str:
        return f"{self.path}: {self.message_zh if lang == 'zh' else self.message_en}"


class InvalidInput(JiguanError, ValueError):
    """Input with one or more problems; ``problems`` lists every one with its path."""

    summary_en = "invalid input"
    summary_zh = "输入有误"

    def __init__(self, problems: Iterable[Problem]) -> None:
        self.problems = tuple(problems)
        count = len(self.problems)
        super().__init__(
            f"{self.summary_en} ({count} problem{'s' if count != 1 else ''}):\n"
            + "\n".join("  " + p.render("en") for p in self.problems),
            f"{self.summary_zh}（共 {count} 处）：\n"
            + "\n".join("  " + p.render("zh") for p in self.problems),
        )


class IntegrityError(InvalidInput):
    """An aggregate whose parts do not fit together (dangling ids, duplicates, overlaps)."""

    summary_en = "inconsistent organization; fix each item listed"
    summary_zh = "机关数据不一致，请逐项修正"


class ConversionError(InvalidInput):
    """A dict that does not describe the expected object (missing field, wrong type ...)."""

    summary_en = "cannot read the input; fix each item listed"
    summary_zh = "无法读取输入，请逐项修正"


# --- Scheduling: requests the scheduler cannot take (jiguan_core.scheduling) ---


class SchedulingError(JiguanError, ValueError):
    """A request the scheduler cannot take as given; names the request and the field."""

    def __init__(self, request_id: str, field_name: str, message_en: str, message_zh: str) -> None:
        super().__init__(
            f"request {request_id!r}, {field_name}: {message_en}",
            f"活动申请 {request_id!r} 的 {field_name}：{message_zh}",
        )
        self.request_id = request_id
        self.field = field_name


# --- Scheduling rules: calendars that do not fit, the optional engine (jiguan_core.rules) ---


class ScheduleInputError(InvalidInput):
    """Activities or absences handed to a check that do not fit the organization."""

    summary_en = "cannot check the calendar; fix each item listed"
    summary_zh = "无法检查日程，请逐项修正"


class DurableUnavailable(JiguanError, ImportError):
    """durable_rules cannot be imported here (it fails on CPython >= 3.13)."""


# --- Staff development: reporting lines, AB roles (jiguan_core.development) ---


class ReportingCycle(JiguanError, ValueError):
    """The reports-to links go round in a circle, so nobody's line of leaders ends."""

    def __init__(self, cycle: Iterable[str]) -> None:
        self.cycle = tuple(cycle)
        path = " → ".join(self.cycle)
        super().__init__(
            f"the reports_to links form a cycle: {path}; give one of them another direct leader",
            f"直接领导关系形成循环：{path}；请为其中一人改设直接领导",
        )


class ABRoleError(InvalidInput):
    """AB roles that cannot be used: unknown posts or people, a post with two roles (two A's)."""

    summary_en = "invalid AB roles; fix each item listed"
    summary_zh = "AB 角设置有误，请逐项修正"


# --- Work: document and meeting workflows (jiguan_core.work) ---


class WorkflowError(JiguanError, ValueError):
    """A transition a document or meeting workflow refuses; the state is left unchanged.

    ``workflow_id`` names the document or meeting, ``rule_id`` the rule it would break.
    """

    def __init__(
        self, message_en: str, message_zh: str, *, workflow_id: str, rule_id: str = ""
    ) -> None:
        super().__init__(message_en, message_zh)
        self.workflow_id = workflow_id
        self.rule_id = rule_id


class OutOfOrderTransition(WorkflowError):
    """A stage completed before its turn (D3 / ARTICLE-DOCS: stages run in order)."""


class SigningWithoutReview(OutOfOrderTransition):
    """D1: a document cannot be signed before the general office has reviewed it."""


class DocumentRuleViolation(WorkflowError):
    """A document that breaks a rule at creation (D4: urgent without deadline or chaser)."""


class ChecklistIncomplete(WorkflowError):
    """A meeting stage left with items of its checklist unticked."""


class WorkflowFinished(WorkflowError):
    """A transition asked of a workflow that has already passed its last stage."""


class VerificationFailed(JiguanError, AssertionError):
    """A rule verifier (:mod:`jiguan_core.verifier`) found other than what the test expected.

    An ``AssertionError`` too, so that pytest reports it as a failed expectation."""
