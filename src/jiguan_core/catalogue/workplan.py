"""The work-plan area's rules (年度工作要点、协商计划): the article's ARTICLE-PLAN and ARTICLE-COORD."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from types import MappingProxyType
from typing import Any

from jiguan_core.rule import Parameter, Rule, Severity
from jiguan_core.text import Text

__all__ = ["PLAN_ITEMS", "PLAN_REPORT", "PLAN_RULES", "PLAN_TRIPS", "computations"]

PLAN_ITEMS = Rule(
    id="PLAN-ARTICLE-PLAN",
    statement=Text(
        "以委室为单位制定全年工作计划：每个事项明确责任人、节点和完成时限，时限在本年度内",
        "each 委室 plans its year: every item has an owner and milestones with target dates "
        "inside the year",
    ),
    sources=("ARTICLE-PLAN",),
    level=Severity.HARD,
)

PLAN_REPORT = Rule(
    id="PLAN-ARTICLE-PLAN-REPORT",
    statement=Text(
        "常委会会议每半年听取一次工作汇报：半年结束后规定天数内汇报各委室计划进展和逾期节点",
        "the standing committee hears a progress report every half year: within a set number of "
        "days after the half ends, each 委室's progress and late milestones",
    ),
    sources=("ARTICLE-PLAN",),
    level=Severity.MEDIUM,
    parameters=(
        Parameter(
            name="report_within_days",
            default=31,
            description=Text(
                "[N] 半年结束后几日内（日历日）向常委会汇报",
                "[N] calendar days after the half year by which the report is heard",
            ),
            minimum=0,
            maximum=183,
        ),
        Parameter(
            name="due_soon_days",
            default=10,
            description=Text(
                "[N] 几个工作日内到期的节点算临期",
                "[N] a milestone due within this many working days is due soon",
            ),
            minimum=0,
            maximum=250,
        ),
    ),
)

PLAN_TRIPS = Rule(
    id="PLAN-ARTICLE-COORD",
    statement=Text(
        "全年调研在细化季度安排前统一排程，跨委室调研不扎堆、开会不冲突（按排程规则 SCHED-*）",
        "the year's field trips are placed by the scheduler before each quarter is planned in "
        "detail, so that trips of different 委室 do not pile up and meetings do not clash "
        "(scheduling rules SCHED-*)",
    ),
    sources=("ARTICLE-PLAN", "ARTICLE-COORD"),
    level=Severity.MEDIUM,
    parameters=(
        Parameter(
            name="never_pile_up",
            default=True,
            description=Text(
                "[N] 全年调研排程时把 SCHED-COORD-TRIPS（同一目的地调研间隔）当作硬约束",
                "[N] treat SCHED-COORD-TRIPS (distance between trips to one place) as hard when placing "
                "the year's trips",
            ),
        ),
    ),
)

#: Every rule of the work-plan area, by id.
PLAN_RULES: MappingProxyType[str, Rule] = MappingProxyType(
    {r.id: r for r in (PLAN_ITEMS, PLAN_REPORT, PLAN_TRIPS)}
)


def computations() -> Mapping[str, Callable[..., Any]]:
    """The functions that decide each rule of this area, by rule id (bound by the catalogue)."""
    from jiguan_core.workplan.progress import half_year_report, plan_progress
    from jiguan_core.workplan.trips import plan_field_trips

    return {
        "PLAN-ARTICLE-PLAN": plan_progress,
        "PLAN-ARTICLE-PLAN-REPORT": half_year_report,
        "PLAN-ARTICLE-COORD": plan_field_trips,
    }
