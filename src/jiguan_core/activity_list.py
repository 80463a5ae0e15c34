"""The printable activity list in the office's format (重要活动和会议清单): for a week, month,
quarter or year, one row per activity under six headings — 时间 · 地点 · 内容 · 出席领导 ·
牵头委室 · 参加人员 — grouped by day, with public holidays, swapped working days (调休上班) and
the office's own closures marked; and the per-leader schedule (领导活动安排表), one row per
leadership member and one column per day (ARTICLE-COORD).

With the year's work plan (``plan``) the list also carries the plan's milestones due in the
period (年度工作要点节点, :class:`PlanRow`): the plan feeds the quarterly, monthly and weekly lists
(PLAN-ARTICLE-PLAN).

Pure: the model holds text and dates; the writers in :mod:`jiguan_core.outputs` render it to
.docx, .xlsx, HTML and SVG. Which activities belong to the period, and the filters, are those of
:func:`jiguan_core.agenda.agenda` (an activity belongs to the period of its start day).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

import pendulum
from attrs import field, frozen

from jiguan_core._validation import boundary
from jiguan_core.activity import Activity, ActivityKind
from jiguan_core.activity_diff import ActivityChange, ActivityChangeKind, diff_activities
from jiguan_core.agenda import agenda
from jiguan_core.calendar import DateRange, Granularity, WorkCalendar
from jiguan_core.errors import InvalidValue
from jiguan_core.organization import Organization
from jiguan_core.text import Lang, TermEnum, Text
from jiguan_core.time import SHANGHAI, TimeSpan
from jiguan_core.workplan.plan import WorkPlan

__all__ = [
    "DEFAULT_MAX_NAMES",
    "HEADINGS",
    "WEEKDAYS",
    "ActivityList",
    "DayKind",
    "LeaderRow",
    "LeaderSchedule",
    "ListDay",
    "ListRow",
    "PlanRow",
    "activity_list",
    "day_kind",
]

#: The six column headings of the office's list, in order.
HEADINGS: tuple[Text, ...] = (
    Text("时间", "Time"),
    Text("地点", "Place"),
    Text("内容", "Activity"),
    Text("出席领导", "Leaders attending"),
    Text("牵头委室", "Organiser"),
    Text("参加人员", "Participants"),
)

#: 星期一 ... 星期日 (Monday first, as ``date.weekday()``).
WEEKDAYS: tuple[Text, ...] = (
    Text("星期一", "Mon"),
    Text("星期二", "Tue"),
    Text("星期三", "Wed"),
    Text("星期四", "Thu"),
    Text("星期五", "Fri"),
    Text("星期六", "Sat"),
    Text("星期日", "Sun"),
)

#: Participants named in a row before the rest are abbreviated (…等N人).
DEFAULT_MAX_NAMES = 6


class DayKind(TermEnum):
    """What a day is on the working-day calendar, as the list marks it."""

    WORKING = "working", "工作日"
    WEEKEND = "weekend", "休息日"
    HOLIDAY = "holiday", "法定节假日"
    SWAPPED_WORKING = "swapped_working", "调休上班"
    CLOSURE = "closure", "机关休息日"

    @property
    def is_marked(self) -> bool:
        """Holidays, swapped working days and closures carry a mark in the list."""
        return self in (DayKind.HOLIDAY, DayKind.SWAPPED_WORKING, DayKind.CLOSURE)


@boundary
def day_kind(calendar: WorkCalendar, day: dt.date) -> DayKind:
    """The kind of ``day`` (a year the calendar does not cover raises CalendarYearNotCovered)."""
    arrangement = calendar.arrangement(day.year)
    if day in calendar.closures:
        return DayKind.CLOSURE
    if day in arrangement.holidays:
        return DayKind.HOLIDAY
    if day in arrangement.working_weekend_days:
        return DayKind.SWAPPED_WORKING
    return DayKind.WEEKEND if day.weekday() >= 5 else DayKind.WORKING


def _local(moment: dt.datetime) -> pendulum.DateTime:
    return pendulum.instance(moment).in_timezone(SHANGHAI)


@frozen(kw_only=True)
class ListRow:
    """One activity as the list shows it: names, not ids (ids kept for lookups and diffs).

    ``changes`` marks the row when the list is compared with an earlier edition.
    """

    activity_id: str
    kind: ActivityKind
    start: pendulum.DateTime
    end: pendulum.DateTime
    place: str
    title: str
    leader_ids: tuple[str, ...]
    leaders: tuple[str, ...]
    organiser: str
    participant_ids: tuple[str, ...]
    participants: tuple[str, ...]
    changes: tuple[ActivityChangeKind, ...] = ()

    @property
    def day(self) -> dt.date:
        return self.start.date()

    @property
    def cancelled(self) -> bool:
        return ActivityChangeKind.CANCELLED in self.changes

    def time_text(self, lang: Lang = "zh") -> str:
        """``08:30-11:30``, or ``08:30 至 02-19 17:00`` when it ends on another day."""
        if self.end.date() == self.start.date():
            return f"{self.start:%H:%M}-{self.end:%H:%M}"
        joint = " 至 " if lang == "zh" else " to "
        return f"{self.start:%H:%M}{joint}{self.end:%m-%d %H:%M}"

    def touched_days(self) -> tuple[dt.date, ...]:
        """Every day the activity takes place on (an end at midnight excludes that day)."""
        return tuple(TimeSpan(self.start, self.end).dates(SHANGHAI))

    def leaders_text(self, lang: Lang = "zh") -> str:
        return ("、" if lang == "zh" else ", ").join(self.leaders)

    def participants_text(self, max_names: int = DEFAULT_MAX_NAMES, lang: Lang = "zh") -> str:
        """The names, or the first ``max_names`` and ``等N人`` (N counts everyone)."""
        sep = "、" if lang == "zh" else ", "
        if len(self.participants) <= max_names:
            return sep.join(self.participants)
        shown = sep.join(self.participants[:max_names])
        total = len(self.participants)
        return f"{shown}等{total}人" if lang == "zh" else f"{shown} and others ({total})"

    def mark_text(self, lang: Lang = "zh") -> str:
        return "、".join(c.label(lang) for c in self.changes)

    def cells(self, max_names: int = DEFAULT_MAX_NAMES, lang: Lang = "zh") -> tuple[str, ...]:
        """The six cells under :data:`HEADINGS` (the change mark leads the content cell)."""
        mark = self.mark_text(lang)
        title = f"【{mark}】{self.title}" if mark else self.title
        return (
            self.time_text(lang),
            self.place,
            title,
            self.leaders_text(lang),
            self.organiser,
            self.participants_text(max_names, lang),
        )


@frozen(kw_only=True)
class PlanRow:
    """A milestone of the year's work plan due in the list's period: its target day, the item
    and milestone, the item's owner and 委室, and whether it is done (and when)."""

    milestone_id: str
    item_id: str
    target: dt.date
    title: str
    owner_id: str
    owner: str
    organiser: str
    done_on: dt.date | None = None
    #: The 委室's id (``organiser`` is its name); empty when built without one.
    department_id: str = ""

    def cells(self, lang: Lang = "zh") -> tuple[str, ...]:
        """Target day, title, owner, 委室, state."""
        if self.done_on is not None:
            state = f"{self.done_on} 完成" if lang == "zh" else f"done {self.done_on}"
        else:
            state = "未完成" if lang == "zh" else "open"
        return (f"{self.target:%m-%d}", self.title, self.owner, self.organiser, state)


@frozen(kw_only=True)
class ListDay:
    """One day of the list: its calendar kind and its activities by start."""

    day: dt.date
    kind: DayKind
    rows: tuple[ListRow, ...]

    def label(self, lang: Lang = "zh") -> str:
        """``2月17日 星期一``, with ``（法定节假日）`` etc. when the day is marked."""
        weekday = WEEKDAYS[self.day.weekday()].render(lang)
        if lang == "zh":
            text = f"{self.day.month}月{self.day.day}日 {weekday}"
            return f"{text}（{self.kind.zh}）" if self.kind.is_marked else text
        text = f"{weekday} {self.day:%m-%d}"
        return f"{text} ({self.kind.en})" if self.kind.is_marked else text


@frozen(kw_only=True)
class LeaderRow:
    """One leadership member's row of the schedule: the rows on each day of the period."""

    leader_id: str
    name: str
    days: tuple[tuple[ListRow, ...], ...]


@frozen(kw_only=True)
class LeaderSchedule:
    """领导活动安排表: one row per leadership member, one column per day."""

    days: tuple[ListDay, ...]
    leaders: tuple[LeaderRow, ...]


@frozen(kw_only=True)
class ActivityList:
    """The list of one period: every day (a week) or every day with an activity (longer
    periods), with its marks; ``changes`` when compared with an earlier edition."""

    office_name: str
    granularity: Granularity
    period: DateRange
    days: tuple[ListDay, ...]
    leaders: tuple[tuple[str, str], ...]  # (id, name) of the leadership members shown
    changes: tuple[ActivityChange, ...] = ()
    max_names: int = DEFAULT_MAX_NAMES
    filters: Text = field(factory=lambda: Text("", ""))
    #: The plan's milestones due in the period, by target then id (empty without a plan).
    milestones: tuple[PlanRow, ...] = ()

    @property
    def rows(self) -> tuple[ListRow, ...]:
        return tuple(row for day in self.days for row in day.rows)

    def period_label(self, lang: Lang = "zh") -> str:
        start, last = self.period.start, self.period.last
        g = self.granularity
        if g is Granularity.YEAR:
            return f"{start.year}年度" if lang == "zh" else f"{start.year}"
        if g is Granularity.QUARTER:
            q = (start.month - 1) // 3 + 1
            return f"{start.year}年第{q}季度" if lang == "zh" else f"{start.year} Q{q}"
        if g is Granularity.MONTH:
            return f"{start.year}年{start.month}月" if lang == "zh" else f"{start:%Y-%m}"
        year, week, _ = start.isocalendar()
        if lang == "zh":
            return f"{year}年第{week}周（{start.month}月{start.day}日至{last.month}月{last.day}日）"
        return f"{year} week {week} ({start:%m-%d} to {last:%m-%d})"

    def title(self, lang: Lang = "zh") -> str:
        """``示例市政协机关2025年第8周重要活动和会议清单``."""
        if lang == "zh":
            return f"{self.office_name}{self.period_label('zh')}重要活动和会议清单"
        return f"{self.office_name}: activities and meetings, {self.period_label('en')}"

    def subtitle(self, lang: Lang = "zh") -> str:
        """The filters and the count, e.g. ``共 7 项`` / ``7 activities``."""
        count = sum(1 for row in self.rows if not row.cancelled)
        shown = self.filters.render(lang)
        if lang == "zh":
            return f"{shown}　共 {count} 项" if shown else f"共 {count} 项"
        return f"{shown}; {count} activities" if shown else f"{count} activities"

    def leader_schedule(self) -> LeaderSchedule:
        """The leaders × days table of this list (every day the activity touches, cancelled
        rows left out)."""
        index = {day.day: i for i, day in enumerate(self.days)}
        table: dict[str, list[list[ListRow]]] = {
            leader_id: [[] for _ in self.days] for leader_id, _ in self.leaders
        }
        for row in self.rows:
            if row.cancelled:
                continue
            for leader_id in row.leader_ids:
                if leader_id not in table:
                    continue
                for day in row.touched_days():
                    if day in index:
                        table[leader_id][index[day]].append(row)
        return LeaderSchedule(
            days=self.days,
            leaders=tuple(
                LeaderRow(
                    leader_id=leader_id,
                    name=name,
                    days=tuple(tuple(cell) for cell in table[leader_id]),
                )
                for leader_id, name in self.leaders
            ),
        )

    def lines(self, lang: Lang = "zh") -> list[str]:
        """The list as plain text: title, then per day its label and one line per activity
        with the six cells separated by `` | ``."""
        out = [self.title(lang), self.subtitle(lang)]
        out.append(" | ".join(h.render(lang) for h in HEADINGS))
        for day in self.days:
            out.append(day.label(lang))
            if not day.rows:
                out.append("  -")
            out.extend(
                "  " + " | ".join(cell or "-" for cell in row.cells(self.max_names, lang))
                for row in day.rows
            )
        if self.milestones:
            out.append(
                f"年度工作要点节点（{len(self.milestones)} 项）"
                if lang == "zh"
                else f"Work plan milestones ({len(self.milestones)})"
            )
            out.extend("  " + " | ".join(row.cells(lang)) for row in self.milestones)
        if self.changes:
            out.append(
                "与上一版相比的变化：" if lang == "zh" else "Changes since the last edition:"
            )
            names = self.names()
            out.extend("  " + change.render(lang, names) for change in self.changes)
        return out

    def names(self) -> dict[str, str]:
        """Staff id -> name for everyone shown in the list."""
        names: dict[str, str] = dict(self.leaders)
        for row in self.rows:
            names.update(zip(row.participant_ids, row.participants, strict=True))
            names.update(zip(row.leader_ids, row.leaders, strict=True))
        return names


def _place(office: Organization, activity: Activity) -> str:
    room = (
        office.room(activity.room_id).name
        if activity.room_id is not None and office.has_room(activity.room_id)
        else activity.room_id
    )
    parts = [p for p in (activity.target_place, room) if p]
    return "，".join(parts)


def _name(office: Organization, staff_id: str) -> str:
    return office.person(staff_id).name if office.has_staff(staff_id) else staff_id


def _organiser(office: Organization, department_id: str) -> str:
    known = {d.id: d.name for d in office.departments}
    return known.get(department_id, department_id)


def _row(
    office: Organization, activity: Activity, changes: tuple[ActivityChangeKind, ...]
) -> ListRow:
    # Leaders in the office's order of precedence (the order of office.leadership_members).
    order = {s.id: i for i, s in enumerate(office.leadership_members)}
    leader_ids = tuple(sorted(activity.leaders, key=lambda p: (order.get(p, len(order)), p)))
    return ListRow(
        activity_id=activity.id,
        kind=activity.kind,
        start=_local(activity.span.start),
        end=_local(activity.span.end),
        place=_place(office, activity),
        title=activity.title,
        leader_ids=leader_ids,
        leaders=tuple(_name(office, p) for p in leader_ids),
        organiser=_organiser(office, activity.department_id),
        participant_ids=activity.participants,
        participants=tuple(_name(office, p) for p in activity.participants),
        changes=changes,
    )


def _check_max_names(max_names: object) -> None:
    if not isinstance(max_names, int) or isinstance(max_names, bool) or max_names < 1:
        raise InvalidValue(
            f"max_names must be a positive int, got {max_names!r}",
            f"max_names 应为正整数，实际为 {max_names!r}",
            field="max_names",
            value=max_names,
        )


def _filters_text(
    office: Organization, leader_id: str | None, department_id: str | None, important_only: bool
) -> Text:
    zh: list[str] = []
    en: list[str] = []
    if leader_id is not None:
        name = office.person(leader_id).name
        zh.append(f"出席领导：{name}")
        en.append(f"leader: {name}")
    if department_id is not None:
        name = _organiser(office, department_id)
        zh.append(f"牵头委室：{name}")
        en.append(f"organiser: {name}")
    if important_only:
        zh.append("仅重要活动")
        en.append("important only")
    return Text("　".join(zh), "; ".join(en))


@boundary
def activity_list(
    office: Organization,
    granularity: Granularity,
    on: dt.date,
    *,
    leader_id: str | None = None,
    department_id: str | None = None,
    important_only: bool = False,
    previous: Iterable[Activity] | None = None,
    calendar: WorkCalendar | None = None,
    max_names: int = DEFAULT_MAX_NAMES,
    plan: WorkPlan | None = None,
) -> ActivityList:
    """The list of the week / month / quarter / year containing ``on``.

    Filters as :func:`~jiguan_core.agenda.agenda` (``leader_id``: attended by that leadership
    member; ``department_id``: organised by it; ``important_only``). A week lists all seven
    days; a longer period the days with an activity. With ``previous`` (the activities of the
    last edition) the rows are marked added / moved / changed, cancelled activities of the
    period come back as rows marked cancelled (at their old time), and ``changes`` holds every
    change touching the period. Participants past ``max_names`` are abbreviated (…等N人).
    With ``plan`` (the year's work plan) the milestones due in the period come too
    (:attr:`ActivityList.milestones`; ``department_id`` keeps that 委室's, ``leader_id`` none:
    a milestone has no leader attending).
    """
    _check_max_names(max_names)
    calendar = calendar or WorkCalendar()
    period = WorkCalendar.period(on, granularity)
    filters = {
        "leader_id": leader_id,
        "department_id": department_id,
        "important_only": important_only,
    }

    def chosen(activities: Iterable[Activity]) -> tuple[Activity, ...]:
        for group in agenda(office, granularity, activities=activities, **filters):  # type: ignore[arg-type]
            if group.period == period:
                return group.activities
        return ()

    current = chosen(office.activities)
    marks: dict[str, list[ActivityChangeKind]] = {}
    changes: tuple[ActivityChange, ...] = ()
    cancelled: tuple[Activity, ...] = ()
    if previous is not None:
        previous = tuple(previous)
        every_change = diff_activities(previous, office.activities)
        old_here = {a.id for a in chosen(previous)}
        new_here = {a.id for a in current}
        changes = tuple(
            c for c in every_change if c.activity_id in old_here or c.activity_id in new_here
        )
        for change in changes:
            marks.setdefault(change.activity_id, []).append(change.kind)
        gone = {c.activity_id for c in changes if c.kind is ActivityChangeKind.CANCELLED}
        cancelled = tuple(a for a in chosen(previous) if a.id in gone)
    rows = [_row(office, a, tuple(marks.get(a.id, ()))) for a in current]
    rows.extend(_row(office, a, (ActivityChangeKind.CANCELLED,)) for a in cancelled)
    by_day: dict[dt.date, list[ListRow]] = {}
    for row in rows:
        by_day.setdefault(row.day, []).append(row)
    days = list(period) if granularity is Granularity.WEEK else sorted(by_day)
    leaders = tuple(
        (s.id, s.name) for s in office.leadership_members if leader_id is None or s.id == leader_id
    )
    return ActivityList(
        office_name=office.name,
        granularity=granularity,
        period=period,
        days=tuple(
            ListDay(
                day=day,
                kind=day_kind(calendar, day),
                rows=tuple(
                    sorted(by_day.get(day, ()), key=lambda r: (r.start, r.end, r.activity_id))
                ),
            )
            for day in days
        ),
        leaders=leaders,
        changes=changes,
        max_names=max_names,
        filters=_filters_text(office, leader_id, department_id, important_only),
        milestones=_plan_rows(office, plan, period, department_id)
        if plan is not None and leader_id is None
        else (),
    )


def _plan_rows(
    office: Organization, plan: WorkPlan, period: DateRange, department_id: str | None
) -> tuple[PlanRow, ...]:
    if not isinstance(plan, WorkPlan):
        raise InvalidValue(
            f"plan must be a WorkPlan, got {type(plan).__name__}",
            f"plan 应为年度工作计划（WorkPlan），实际为 {type(plan).__name__}",
            field="plan",
            value=plan,
        )
    return tuple(
        PlanRow(
            milestone_id=milestone.id,
            item_id=item.id,
            target=milestone.target,
            title=f"{item.title}：{milestone.title}",
            owner_id=item.owner_id,
            owner=_name(office, item.owner_id),
            organiser=_organiser(office, item.department_id),
            done_on=milestone.done_on,
            department_id=item.department_id,
        )
        for item, milestone in plan.milestones
        if milestone.target in period
        and (department_id is None or item.department_id == department_id)
    )
