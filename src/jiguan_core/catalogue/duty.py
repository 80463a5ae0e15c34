"""The duty area's rules (节假日值班、领导带班): REGULATIONS Y1.

Y1 is common practice ([N]): one leadership member in charge and staff on duty on every public
holiday, spread fairly; the counts are the office's own, so every number is a parameter.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from types import MappingProxyType
from typing import Any

from jiguan_core.rule import Parameter, Rule, Severity
from jiguan_core.text import Text

__all__ = ["DUTY_COVER", "DUTY_FAIR", "DUTY_REST", "DUTY_RULES", "computations"]


def _p(
    name: str,
    default: int | bool,
    zh: str,
    en: str,
    lo: float | None = None,
    hi: float | None = None,
) -> Parameter:
    return Parameter(name=name, default=default, description=Text(zh, en), minimum=lo, maximum=hi)


DUTY_COVER = Rule(
    id="DUTY-Y1",
    statement=Text(
        "法定节假日（按要求含双休日）每天由1名主席会议成员带班、N名工作人员值班；"
        "请假、出差、外出调研的人员不安排",
        "on every public holiday (and weekend, when the office asks) one leadership member is in "
        "charge and N staff are on duty; nobody on leave, on a trip or off site is rostered",
    ),
    sources=("Y1", "C1"),
    level=Severity.HARD,
    parameters=(
        _p(
            "leaders_per_day",
            1,
            "[N] 每天带班领导人数",
            "[N] leadership members in charge a day",
            0,
            10,
        ),
        _p("staff_per_day", 2, "[N] 每天值班工作人员人数", "[N] staff on duty a day", 0, 50),
        _p(
            "include_weekends",
            False,
            "[N] 双休日是否也安排值班（否：只排法定节假日）",
            "[N] also roster ordinary weekends (no: public holidays only)",
        ),
    ),
)

DUTY_REST = Rule(
    id="DUTY-Y1-REST",
    statement=Text(
        "同一人不连续两天值班（带班），确实无法避免的除外",
        "nobody is on duty two days running unless it cannot be avoided",
    ),
    sources=("Y1",),
    level=Severity.MEDIUM,
)

DUTY_FAIR = Rule(
    id="DUTY-Y1-FAIR",
    statement=Text(
        "值班均衡：在不连续值班的前提下，同一组（带班领导、值班人员）内每人值班次数相差不超过1次"
        "（可行时）；春节假期每天按权重折算",
        "a fair spread: without breaking DUTY-Y1-REST, within each group (leaders in charge, "
        "staff on duty) the duty counts differ by at most one where feasible; Spring Festival "
        "days count with a weight",
    ),
    sources=("Y1",),
    level=Severity.SOFT,
    parameters=(
        _p(
            "spring_festival_weight",
            2,
            "[N] 春节假期一天折合普通值班几天",
            "[N] how many ordinary duty days one Spring Festival day counts for",
            1,
            10,
        ),
    ),
)

#: Every rule of the duty area, by id.
DUTY_RULES: MappingProxyType[str, Rule] = MappingProxyType(
    {r.id: r for r in (DUTY_COVER, DUTY_REST, DUTY_FAIR)}
)


def computations() -> Mapping[str, Callable[..., Any]]:
    """The functions that decide each rule of this area, by rule id (bound by the catalogue)."""
    from jiguan_core.duty.roster import duty_roster

    return {
        "DUTY-Y1": duty_roster,
        "DUTY-Y1-REST": duty_roster,
        "DUTY-Y1-FAIR": duty_roster,
    }
