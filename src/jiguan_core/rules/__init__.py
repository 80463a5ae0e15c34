"""Declarative scheduling rules and conflict detection for the office's calendar.

"调研不扎堆、开会不冲突": the catalogue (:data:`CATALOGUE`, nine rules SCHED-*) is data --
metadata plus declarative patterns -- evaluated by one of two engines chosen per call:
``"python"`` (default; indexes and sort-and-sweep) or ``"durable"`` (the durable_rules engine,
optional extra, imported only when asked for).

Contract notes (names refined from the shared contract): ``Violation`` also carries
``part`` (the pattern id, e.g. ``SCHED-COORD-PERSON/clash``), ``absence_ids``, ``department_id``, ``place`` and
``blackout_id``; ``Report.score`` is a :class:`Score` (penalties per level);
``IncrementalChecker.violations_if_absent`` is the absence twin of ``violations_if_added``.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, Literal

from jiguan_core.absence import Absence
from jiguan_core.activity import Activity
from jiguan_core.calendar import WorkCalendar
from jiguan_core.catalogue.scheduling import (
    CATALOGUE,
    RULES,
    ScheduleRule,
    catalogue_markdown,
    rule,
)
from jiguan_core.errors import InvalidValue
from jiguan_core.organization import Organization
from jiguan_core.patterns import (
    Condition,
    CountPerPeriod,
    DailyCoverage,
    PairOfFacts,
    Pattern,
    SingleFact,
)
from jiguan_core.rules._facts import Context, ScheduleInputError
from jiguan_core.rules.incremental import IncrementalChecker
from jiguan_core.rules.not_made import NotMade
from jiguan_core.rules.policy import Blackout, SchedulingPolicy
from jiguan_core.rules.python_engine import evaluate
from jiguan_core.rules.report import Report, RuleSummary, Score
from jiguan_core.rules.violation import Violation

if TYPE_CHECKING:
    from jiguan_core.examples.generated import generate_office

__all__ = [
    "CATALOGUE",
    "RULES",
    "Blackout",
    "Condition",
    "CountPerPeriod",
    "DailyCoverage",
    "Engine",
    "IncrementalChecker",
    "NotMade",
    "PairOfFacts",
    "Pattern",
    "Report",
    "RuleSummary",
    "ScheduleInputError",
    "ScheduleRule",
    "SchedulingPolicy",
    "Score",
    "SingleFact",
    "Violation",
    "catalogue_markdown",
    "check",
    "generate_office",
    "rule",
]

#: The engines :func:`check` can run.
Engine = Literal["python", "durable"]


def _iterable(value: object, name: str) -> Iterable[object]:
    if isinstance(value, str | bytes) or not isinstance(value, Iterable):
        raise InvalidValue(
            f"{name} must be a collection of {name}, got {type(value).__name__}",
            f"{name} 应为集合，实际为 {type(value).__name__}",
            field=name,
            value=value,
        )
    return value


def check(
    office: Organization,
    *,
    activities: Iterable[Activity] | None = None,
    absences: Iterable[Absence] | None = None,
    policy: SchedulingPolicy | None = None,
    calendar: WorkCalendar | None = None,
    engine: Engine = "python",
) -> Report:
    """Check a calendar against every enabled rule.

    ``activities`` / ``absences`` default to the office's own; ``policy`` switches rules off,
    re-parametrises them and declares blackouts; ``calendar`` defaults to ``WorkCalendar()``.
    Inputs are never changed. Bad input raises a :class:`~jiguan_core.errors.JiguanError`
    naming the object and field.

    A year whose working-day arrangement the calendar does not know (no official notice yet)
    does not stop the check: every rule that needs no working-day calendar is evaluated as
    usual, and the checks that need the missing year are listed in ``Report.not_made`` (rule
    part and days), never assumed Monday-Friday.
    """
    ctx = Context(office, policy=policy, calendar=calendar)
    acts = (
        office.activities
        if activities is None
        else ctx.check_activities(_iterable(activities, "activities"))
    )
    absent = (
        office.absences if absences is None else ctx.check_absences(_iterable(absences, "absences"))
    )
    if engine == "python":
        found = evaluate(ctx, acts, absent)
    elif engine == "durable":
        from jiguan_core.rules.durable_engine import evaluate_durable

        found = evaluate_durable(ctx, acts, absent)
    else:
        raise InvalidValue(
            f"engine must be 'python' or 'durable', got {engine!r}",
            f"engine 应为 'python' 或 'durable'，实际为 {engine!r}",
            field="engine",
            value=engine,
        )
    return Report(
        violations=found,
        enabled=ctx.enabled,
        engine=engine,
        levels=ctx.levels,
        not_made=ctx.not_made(acts, absent),
    )


def __getattr__(name: str) -> object:
    """``generate_office`` (generated example offices), imported on first use."""
    if name == "generate_office":
        from jiguan_core.examples.generated import generate_office

        return generate_office
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
