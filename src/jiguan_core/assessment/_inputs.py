"""Input checks shared by the routine and the annual assessment (private)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from jiguan_core.errors import InvalidInput, Problem
from jiguan_core.organization import Organization

__all__ = ["check_known", "default_participants", "score_problem"]


def default_participants(office: Organization, end: dt.date) -> tuple[str, ...]:
    """Staff assessed by the office: everyone but leadership members (主席会议成员, assessed by the
    higher authority), hired before ``end``."""
    return tuple(
        sorted(p.id for p in office.staff if not p.is_leadership_member and p.hire_date < end)
    )


def check_known(office: Organization, groups: Iterable[tuple[str, Iterable[str]]]) -> None:
    """Raise one :class:`InvalidInput` naming every staff id, per input group (``sanctions`` ...),
    that the office does not know."""
    problems = []
    known = {p.id for p in office.staff}
    for group, ids in groups:
        for staff_id in sorted(set(ids) - known):
            problems.append(
                Problem(
                    f"{group}[{staff_id}]",
                    f"unknown staff {staff_id!r}; use an id of the office's staff",
                    f"未知人员 {staff_id!r}，请使用机关人员编号",
                )
            )
    if problems:
        raise InvalidInput(problems)


def score_problem(path: str, who: str, name: str, value: float, lo: float, hi: float) -> Problem:
    return Problem(
        path,
        f"score {name!r} of {who} is {value!r}, outside the scale [{lo:g}, {hi:g}]",
        f"{who} 的 {name!r} 分数 {value!r} 超出评分范围 [{lo:g}, {hi:g}]",
    )
