"""Leave statistics "since DATE", per person, department and kind, in the office's phrasing.

Counted from leave requests that were approved (or approved and closed by 销假), by the day the
leave starts: ``since <= first day < until``. Figures are 人次 (requests) and working days taken
(halves kept). The sentence follows :func:`jiguan_core.work.statistics.render_statistics`:
"2026年以来，机关共请假12人次、累计35.5天，其中年休假8人次、20天……"; counts may be written the
"余" way with a :class:`~jiguan_core.work.statistics.YuConvention`-like rounding
(:func:`~jiguan_core.work.statistics.yu_round`).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from attrs import frozen

from jiguan_core._validation import boundary
from jiguan_core.errors import InvalidValue
from jiguan_core.leave.request import LeaveKind, LeaveRequest, LeaveStatus
from jiguan_core.text import Lang, TermEnum
from jiguan_core.work.statistics import since_text, yu_round

__all__ = ["LeaveFigures", "LeaveGrouping", "LeaveStatistics", "leave_statistics"]


class LeaveGrouping(TermEnum):
    """What leave figures are grouped by."""

    PERSON = "person", "按人员"
    DEPARTMENT = "department", "按部门"
    KIND = "kind", "按假别"


@frozen(kw_only=True)
class LeaveFigures:
    """One group's figures: ``count`` leaves (人次) and ``days`` taken."""

    key: str
    count: int
    days: float


@frozen(kw_only=True)
class LeaveStatistics:
    """Leave figures of ``[since, until)``: totals and one row per group (sorted by key)."""

    since: dt.date
    until: dt.date
    grouping: LeaveGrouping
    total: LeaveFigures
    groups: tuple[LeaveFigures, ...]
    by_kind: tuple[LeaveFigures, ...]

    def render(self, lang: Lang = "zh", *, subject: str | None = None, yu: bool = False) -> str:
        """One paragraph: totals, then the kinds in declaration order; ``yu`` writes counts of
        10 and more the "余" way (WORK-YU's defaults)."""

        def count(value: int) -> str:
            shown, approximate = yu_round(value) if yu else (value, False)
            if lang == "zh":
                return f"{shown}{'余' if approximate else ''}人次"
            return f"over {shown}" if approximate else f"{shown}"

        opening = since_text(self.since, lang)
        if lang == "zh":
            who = subject if subject is not None else "机关"
            if not self.total.count:
                return f"{opening}，{who}无请假。"
            parts = "，".join(
                f"{LeaveKind(f.key).zh}{count(f.count)}、{f.days:g}天" for f in self.by_kind
            )
            return (
                f"{opening}，{who}共请假{count(self.total.count)}、累计{self.total.days:g}天，"
                f"其中{parts}。"
            )
        who = subject if subject is not None else "the office"
        if not self.total.count:
            return f"{opening}, {who} took no leave."
        parts = "; ".join(
            f"{LeaveKind(f.key).en} {count(f.count)} ({f.days:g} days)" for f in self.by_kind
        )
        return (
            f"{opening}, {who} took {count(self.total.count)} leave(s), {self.total.days:g} "
            f"day(s) in all: {parts}."
        )


def _key(request: LeaveRequest, grouping: LeaveGrouping) -> str:
    if grouping is LeaveGrouping.PERSON:
        return request.staff_id
    if grouping is LeaveGrouping.DEPARTMENT:
        return request.department_id
    return str(request.kind.value)


def _figures(requests: list[LeaveRequest], grouping: LeaveGrouping) -> list[LeaveFigures]:
    table: dict[str, list[LeaveRequest]] = {}
    for request in requests:
        table.setdefault(_key(request, grouping), []).append(request)
    return [
        LeaveFigures(key=key, count=len(rows), days=sum(r.taken_days for r in rows))
        for key, rows in table.items()
    ]


@boundary
def leave_statistics(
    requests: Iterable[LeaveRequest],
    *,
    since: dt.date,
    until: dt.date,
    grouping: LeaveGrouping = LeaveGrouping.PERSON,
) -> LeaveStatistics:
    """Figures of the approved leaves starting in ``[since, until)``."""
    if until <= since:
        raise InvalidValue(
            f"leave statistics: until {until} must be after since {since}",
            f"请假统计：截止日 {until} 须晚于起始日 {since}",
            field="until",
            value=until,
        )
    counted = [
        r
        for r in requests
        if r.status in (LeaveStatus.APPROVED, LeaveStatus.CLOSED) and since <= r.first.day < until
    ]
    order = list(LeaveKind)
    by_kind = sorted(
        _figures(counted, LeaveGrouping.KIND), key=lambda f: order.index(LeaveKind(f.key))
    )
    return LeaveStatistics(
        since=since,
        until=until,
        grouping=grouping,
        total=LeaveFigures(key="*", count=len(counted), days=sum(r.taken_days for r in counted)),
        groups=tuple(sorted(_figures(counted, grouping), key=lambda f: f.key)),
        by_kind=tuple(by_kind),
    )
