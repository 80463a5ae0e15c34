"""The leave area's rules (请销假、年休假): REGULATIONS L1-L5.

Every number is a :class:`~jiguan_core.rule.Parameter` with its default; the approval chain
(L5) is local practice, so its defaults are marked [N] and meant to be replaced by the office's
own rules through ``overrides``.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from types import MappingProxyType
from typing import Any

from jiguan_core.rule import Parameter, Rule, Severity
from jiguan_core.text import Text

__all__ = [
    "ANNUAL_LEAVE_ENTITLEMENT",
    "APPROVAL_CHAIN",
    "CARRY_OVER",
    "LEAVE_EXCLUSIONS",
    "LEAVE_RULES",
    "NON_WORKING_DAYS_FREE",
    "computations",
]


def _p(
    name: str, default: int | float | str, zh: str, en: str, lo: float | None, hi: float | None
) -> Parameter:
    return Parameter(name=name, default=default, description=Text(zh, en), minimum=lo, maximum=hi)


ANNUAL_LEAVE_ENTITLEMENT = Rule(
    id="LEAVE-L1",
    statement=Text(
        "职工累计工作已满1年不满10年的，年休假5天；已满10年不满20年的，年休假10天；"
        "已满20年的，年休假15天",
        "annual leave by cumulative years of work: at least 1 and under 10 years, 5 days; "
        "10 to under 20 years, 10 days; 20 years and more, 15 days",
    ),
    sources=("L1",),
    level=Severity.HARD,
    parameters=(
        _p(
            "min_years",
            1,
            "享受年休假所需最少累计工作年限",
            "years of work before any leave",
            0,
            60,
        ),
        _p("first_band_days", 5, "满1年不满10年的年休假天数", "days, 1 to under 10 years", 0, 60),
        _p(
            "second_band_from", 10, "第二档起始年限", "years at which the second band starts", 1, 60
        ),
        _p(
            "second_band_days",
            10,
            "满10年不满20年的年休假天数",
            "days, 10 to under 20 years",
            0,
            60,
        ),
        _p("third_band_from", 20, "第三档起始年限", "years at which the third band starts", 1, 60),
        _p("third_band_days", 15, "满20年的年休假天数", "days, 20 years and more", 0, 60),
    ),
)

NON_WORKING_DAYS_FREE = Rule(
    id="LEAVE-L2",
    statement=Text(
        "国家法定休假日、休息日不计入年休假的假期（按调休后的工作日历计算，半天按半天计）",
        "public holidays and rest days inside a leave do not count as annual-leave days "
        "(counted on the official calendar with its swapped days; a half day counts half)",
    ),
    sources=("L2", "C1"),
    level=Severity.HARD,
)

LEAVE_EXCLUSIONS = Rule(
    id="LEAVE-L3",
    statement=Text(
        "请事假累计20天以上且单位按照规定不扣工资的，累计工作满1年不满10年请病假累计2个月以上的、"
        "满10年不满20年请病假累计3个月以上的、满20年请病假累计4个月以上的，不享受当年年休假",
        "no annual leave that year after personal leave of 20 days or more (pay kept), or sick "
        "leave of 2 months or more (1-10 years of work), 3 months (10-20 years), 4 months "
        "(20 years and more)",
    ),
    sources=("L3",),
    level=Severity.HARD,
    parameters=(
        _p(
            "personal_leave_days",
            20,
            "事假累计天数（工作日）上限",
            "personal leave days (working)",
            1,
            366,
        ),
        _p("sick_months_first", 2, "满1年不满10年的病假月数", "sick months, 1-10 years", 1, 12),
        _p("sick_months_second", 3, "满10年不满20年的病假月数", "sick months, 10-20 years", 1, 12),
        _p("sick_months_third", 4, "满20年的病假月数", "sick months, 20+ years", 1, 12),
        _p(
            "days_per_month",
            30,
            "病假一个月按多少个日历日计",
            "calendar days per sick month",
            28,
            31,
        ),
    ),
)

CARRY_OVER = Rule(
    id="LEAVE-L4",
    statement=Text(
        "年休假由单位统筹安排，可集中、分段安排，一般不跨年度；确因工作需要可跨1个年度安排",
        "annual leave is arranged by the unit, whole or split, normally within the year; when "
        "work requires it, at most into the next year",
    ),
    sources=("L4",),
    level=Severity.MEDIUM,
    parameters=(
        _p("carry_over_years", 1, "最多可跨几个年度（0＝不得跨年）", "years leave may carry", 0, 1),
    ),
)

APPROVAL_CHAIN = Rule(
    id="LEAVE-L5",
    statement=Text(
        "请假审批权限按请假人职级和请假天数确定：一般干部短假由处室负责人审批，较长的加报秘书长，"
        "更长的加报主席；处级及以上干部由秘书长起审；主席会议成员向主席请假；每级审批有时限",
        "who approves a leave depends on the requester's level and its length: the head of the "
        "department for a short one, then the secretary-general, then the chair for longer "
        "ones; division level and above start at the secretary-general; leadership members "
        "ask the chair; each step has a deadline",
    ),
    sources=("L5",),
    level=Severity.HARD,
    parameters=(
        _p(
            "department_head_max_days",
            2.0,
            "[N] 处室负责人可单独批准的最长天数（工作日，可为半天）",
            "[N] longest leave the department head approves alone (working days, halves)",
            0,
            366,
        ),
        _p(
            "secretary_general_max_days",
            5.0,
            "[N] 秘书长可批准的最长天数，超过的报主席",
            "[N] longest leave the secretary-general approves; longer goes to the chair",
            0,
            366,
        ),
        _p(
            "senior_from_level",
            "division_deputy",
            "[N] 从此职级起（含）由秘书长起审（Level 取值）",
            "[N] requesters at this level or above start at the secretary-general (a Level)",
            None,
            None,
        ),
        _p(
            "approval_days",
            1,
            "[N] 每级审批时限（工作日）",
            "[N] working days each approver has",
            0,
            30,
        ),
    ),
)

#: Every rule of the leave area, by id.
LEAVE_RULES: MappingProxyType[str, Rule] = MappingProxyType(
    {
        r.id: r
        for r in (
            ANNUAL_LEAVE_ENTITLEMENT,
            NON_WORKING_DAYS_FREE,
            LEAVE_EXCLUSIONS,
            CARRY_OVER,
            APPROVAL_CHAIN,
        )
    }
)


def computations() -> Mapping[str, Callable[..., Any]]:
    """The functions that decide each rule of this area, by rule id (bound by the catalogue)."""
    from jiguan_core.leave.approval import approval_chain
    from jiguan_core.leave.entitlement import annual_entitlement, exclusion, leave_balance
    from jiguan_core.leave.halfday import working_half_days

    return {
        "LEAVE-L1": annual_entitlement,
        "LEAVE-L2": working_half_days,
        "LEAVE-L3": exclusion,
        "LEAVE-L4": leave_balance,
        "LEAVE-L5": approval_chain,
    }
