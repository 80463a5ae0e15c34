"""Activity lists (年度、季度、月度、每周重要活动和会议清单): the calendar grouped by year, quarter,
month or week, filterable by department, person, leadership member and kind (ARTICLE-COORD).

An activity belongs to the period of its start day (in Asia/Shanghai); within a period the
list is ordered by start, then id. With the year's work plan (``plan``) each period also lists
the plan's milestones due in it (the plan feeds the lists, PLAN-ARTICLE-PLAN).
"""

from __future__ import annotations

from collections.abc import Iterable

from attrs import frozen

from jiguan_core._validation import boundary
from jiguan_core.activity import FIELD_KINDS, Activity, ActivityKind, MeetingKind
from jiguan_core.calendar import DateRange, Granularity, WorkCalendar, quarter_of
from jiguan_core.errors import InvalidValue, UnknownEntity
from jiguan_core.organization import Organization
from jiguan_core.text import Lang
from jiguan_core.time import SHANGHAI
from jiguan_core.workplan.plan import Milestone, PlanItem, WorkPlan

__all__ = ["IMPORTANT_MEETINGS", "AgendaPeriod", "agenda", "agenda_lines", "is_important"]

#: Meetings that make an activity "important" on its own.
IMPORTANT_MEETINGS: frozenset[MeetingKind] = frozenset(
    {
        MeetingKind.PLENARY,
        MeetingKind.STANDING_COMMITTEE,
        MeetingKind.CHAIR_MEETING,
        MeetingKind.CONSULTATION,
        MeetingKind.PARTY_GROUP,
    }
)


@boundary
def is_important(activity: Activity) -> bool:
    """重要活动: attended by a leadership member, a field trip, or a major meeting."""
    return (
        bool(activity.leaders)
        or activity.kind in FIELD_KINDS
        or activity.meeting_kind in IMPORTANT_MEETINGS
    )


@frozen(kw_only=True)
class AgendaPeriod:
    """One period of the list, its activities and the plan milestones due in it."""

    granularity: Granularity
    period: DateRange
    activities: tuple[Activity, ...]
    milestones: tuple[tuple[PlanItem, Milestone], ...] = ()

    def label(self, lang: Lang = "zh") -> str:
        start = self.period.start
        g = self.granularity
        if g is Granularity.YEAR:
            return f"{start.year}年度" if lang == "zh" else f"{start.year}"
        if g is Granularity.QUARTER:
            q = quarter_of(start)
            return f"{start.year}年第{q}季度" if lang == "zh" else f"{start.year} Q{q}"
        if g is Granularity.MONTH:
            return f"{start.year}年{start.month}月" if lang == "zh" else f"{start:%Y-%m}"
        week = start.isocalendar()
        last = self.period.last
        if lang == "zh":
            return f"{week[0]}年第{week[1]}周（{start:%m-%d}至{last:%m-%d}）"
        return f"{week[0]} week {week[1]} ({start:%m-%d} to {last:%m-%d})"


def _start_day(activity: Activity) -> object:
    return activity.span.start.in_timezone(SHANGHAI).date()


@boundary
def agenda(
    office: Organization,
    granularity: Granularity,
    *,
    activities: Iterable[Activity] | None = None,
    department_id: str | None = None,
    person_id: str | None = None,
    leader_id: str | None = None,
    kinds: Iterable[ActivityKind] | None = None,
    important_only: bool = False,
    plan: WorkPlan | None = None,
) -> tuple[AgendaPeriod, ...]:
    """The activities grouped by period (only periods with activities or milestones), in time
    order.

    Filters combine (all must hold): organised by ``department_id``; attended by
    ``person_id`` (leaders included); attended by the leadership member ``leader_id``; of one
    of ``kinds``; :func:`is_important` when ``important_only``. With ``plan`` the milestones
    due in each period come too, by target then id: those of ``department_id``'s items, owned
    by ``person_id``; none with ``leader_id`` or ``kinds`` (a milestone is not an activity a
    leader attends).
    """
    if not isinstance(granularity, Granularity):
        raise InvalidValue(
            f"granularity must be a Granularity (week, month, quarter, year), got {granularity!r}",
            f"granularity 应为 Granularity（周、月、季度、年度），实际为 {granularity!r}",
            field="granularity",
            value=granularity,
        )
    if department_id is not None:
        office.department(department_id)
    if person_id is not None:
        office.person(person_id)
    if leader_id is not None and not office.person(leader_id).is_leadership_member:
        raise UnknownEntity("leadership member", leader_id, hint="leader_id must be a 主席会议成员")
    wanted = None if kinds is None else frozenset(kinds)
    if wanted is not None:
        for kind in wanted:
            if not isinstance(kind, ActivityKind):
                raise InvalidValue(
                    f"kinds must be ActivityKind members, got {kind!r}",
                    f"kinds 应为 ActivityKind，实际为 {kind!r}",
                    field="kinds",
                    value=kind,
                )
    source = office.activities if activities is None else tuple(activities)
    chosen = [
        a
        for a in source
        if (department_id is None or a.department_id == department_id)
        and (person_id is None or person_id in a.attendees)
        and (leader_id is None or leader_id in a.leaders)
        and (wanted is None or a.kind in wanted)
        and (not important_only or is_important(a))
    ]
    groups: dict[DateRange, list[Activity]] = {}
    for a in chosen:
        period = WorkCalendar.period(_start_day(a), granularity)  # type: ignore[arg-type]
        groups.setdefault(period, []).append(a)
    due: dict[DateRange, list[tuple[PlanItem, Milestone]]] = {}
    if plan is not None and leader_id is None and wanted is None:
        for item, milestone in _plan(plan).milestones:
            if (department_id is None or item.department_id == department_id) and (
                person_id is None or item.owner_id == person_id
            ):
                period = WorkCalendar.period(milestone.target, granularity)
                due.setdefault(period, []).append((item, milestone))
    return tuple(
        AgendaPeriod(
            granularity=granularity,
            period=period,
            activities=tuple(sorted(groups.get(period, ()), key=lambda a: (a.span.start, a.id))),
            milestones=tuple(due.get(period, ())),
        )
        for period in sorted(groups.keys() | due.keys())
    )


def _plan(plan: object) -> WorkPlan:
    if not isinstance(plan, WorkPlan):
        raise InvalidValue(
            f"plan must be a WorkPlan, got {type(plan).__name__}",
            f"plan 应为年度工作计划（WorkPlan），实际为 {type(plan).__name__}",
            field="plan",
            value=plan,
        )
    return plan


@boundary
def agenda_lines(
    office: Organization, granularity: Granularity, lang: Lang = "zh", **filters: object
) -> list[str]:
    """The list as readable lines: a heading per period, one line per activity, then one per
    plan milestone due in the period (with ``plan=``)."""
    lines: list[str] = []
    for period in agenda(office, granularity, **filters):  # type: ignore[arg-type]
        lines.append(
            f"{period.label(lang)}（{len(period.activities)} 项）"
            if lang == "zh"
            else f"{period.label(lang)} ({len(period.activities)})"
        )
        for a in period.activities:
            start = a.span.start.in_timezone(SHANGHAI)
            kind = a.kind.label(lang)
            lines.append(f"  {start:%m-%d %H:%M} [{kind}] {a.title} ({a.id})")
        mark = "年度工作要点" if lang == "zh" else "work plan"
        for item, milestone in period.milestones:
            done = "" if milestone.done_on is None else (" ✓" if lang == "zh" else " (done)")
            lines.append(
                f"  {milestone.target:%m-%d} [{mark}] {item.title}：{milestone.title} "
                f"({milestone.id}){done}"
            )
    return lines
