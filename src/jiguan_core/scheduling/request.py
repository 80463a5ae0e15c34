"""What a caller asks the scheduler to place: :class:`ActivityRequest` and office hours.

A request says *what* must happen and *within which limits*; the scheduler chooses *when*, in
which room and with which leadership members. Every number that is policy (office hours, the
slot step) is a :class:`~jiguan_core.rule.Parameter` of :data:`OFFICE_HOURS` with a documented
default, overridable per call through :class:`OfficeHours`.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from typing import Any

import pendulum
from attrs import field, frozen
from attrs.validators import optional

from jiguan_core._validation import id_tuple, identifier, instance_of, text, unique_ids
from jiguan_core.activity import ActivityKind, MeetingKind
from jiguan_core.errors import InvalidValue, SchedulingError
from jiguan_core.rule import Parameter, RuleInfo, Severity
from jiguan_core.text import TermEnum, Text
from jiguan_core.time import aware

__all__ = [
    "OFFICE_HOURS",
    "ActivityRequest",
    "NonWorkingDay",
    "OfficeHours",
    "SchedulingError",
]


def _hhmm(text_value: str) -> dt.time:
    return dt.time.fromisoformat(text_value)


#: The office-hours policy: when activities may be placed unless a request says otherwise.
OFFICE_HOURS = RuleInfo(
    id="SCH-HOURS",
    statement=Text(
        "活动默认安排在工作日的上班时间内（上午 08:30-12:00，下午 14:30-17:30），按 30 分钟取整。",
        "Activities are placed on working days within office hours by default (08:30-12:00 and "
        "14:30-17:30), starting on 30-minute steps.",
    ),
    sources=("ARTICLE-COORD",),
    level=Severity.HARD,
    parameters=(
        Parameter(
            name="morning",
            default="08:30-12:00",
            description=Text("上午上班时间", "morning office hours, HH:MM-HH:MM"),
        ),
        Parameter(
            name="afternoon",
            default="14:30-17:30",
            description=Text("下午上班时间", "afternoon office hours, HH:MM-HH:MM"),
        ),
        Parameter(
            name="step_minutes",
            default=30,
            description=Text("开始时间的取整步长（分钟）", "start times are multiples of this"),
            minimum=5,
            maximum=240,
        ),
    ),
)

Block = tuple[dt.time, dt.time]


def _parse_block(name: str, value: str) -> Block:
    parts = value.split("-")
    try:
        if len(parts) != 2:
            raise ValueError(value)
        start, end = _hhmm(parts[0].strip()), _hhmm(parts[1].strip())
    except ValueError as error:
        raise InvalidValue(
            f"office hours {name} = {value!r} is not HH:MM-HH:MM, e.g. 08:30-12:00",
            f"上班时间 {name} = {value!r} 格式应为 HH:MM-HH:MM，例如 08:30-12:00",
            field=name,
            value=value,
        ) from error
    if end <= start:
        raise InvalidValue(
            f"office hours {name} = {value!r} end before they start",
            f"上班时间 {name} = {value!r} 结束早于开始",
            field=name,
            value=value,
        )
    return (start, end)


@frozen(kw_only=True)
class OfficeHours:
    """Resolved office hours: the blocks of a day and the start-time step."""

    blocks: tuple[Block, ...]
    step_minutes: int

    @classmethod
    def resolve(cls, overrides: Mapping[str, Any] | None = None) -> OfficeHours:
        """The :data:`OFFICE_HOURS` parameters with ``overrides`` applied and checked."""
        values = OFFICE_HOURS.resolve(overrides)
        blocks = (
            _parse_block("morning", str(values["morning"])),
            _parse_block("afternoon", str(values["afternoon"])),
        )
        if blocks[1][0] < blocks[0][1]:
            raise InvalidValue(
                "afternoon office hours must start after the morning ones end",
                "下午上班时间须晚于上午下班时间",
                field="afternoon",
                value=values["afternoon"],
            )
        step = values["step_minutes"]
        assert isinstance(step, int)  # checked by Parameter.check
        return cls(blocks=blocks, step_minutes=step)

    @property
    def day_start(self) -> dt.time:
        return self.blocks[0][0]

    @property
    def day_end(self) -> dt.time:
        return self.blocks[-1][1]

    @property
    def longest_block_minutes(self) -> int:
        return max(_minutes(end) - _minutes(start) for start, end in self.blocks)


def _minutes(moment: dt.time) -> int:
    return moment.hour * 60 + moment.minute


class NonWorkingDay(TermEnum):
    """What a recurring request does with an occurrence on a non-working day (holiday, weekend)."""

    SKIP = "skip", "跳过"
    NEXT_WORKING_DAY = "next_working_day", "顺延至下一个工作日"
    PREVIOUS_WORKING_DAY = "previous_working_day", "提前至上一个工作日"


def _earliest(value: object) -> pendulum.DateTime:
    return aware(value, "earliest_start")


def _latest(value: object) -> pendulum.DateTime:
    return aware(value, "latest_end")


def _room_ids(values: Iterable[str]) -> tuple[str, ...]:
    """Rooms in the caller's order of preference (a lone string is one room)."""
    return (values,) if isinstance(values, str) else tuple(values)


def _weekdays(values: Iterable[int] | None) -> tuple[int, ...] | None:
    if values is None:
        return None
    return tuple(sorted(set(values)))


def _blocks(values: Iterable[tuple[dt.time, dt.time]] | None) -> tuple[Block, ...] | None:
    if values is None:
        return None
    return tuple(sorted((start, end) for start, end in values))


@frozen(kw_only=True)
class ActivityRequest:
    """An activity to be placed by the scheduler.

    - ``duration`` (a positive ``timedelta`` that fits one office-hours block) *or* ``days``
      (whole working days, office-day start to office-day end, on consecutive days).
    - ``earliest_start`` / ``latest_end``: the window (aware datetimes) the activity lies in.
    - ``weekdays``: allowed days of the week (0 = Monday) or None for any; ``hours``: allowed
      blocks of the day, default the office hours; ``working_days_only`` (default true).
    - ``participants`` must attend; ``optional_participants`` attend when free.
    - ``leaders``: named leadership members (主席会议成员) who must attend; ``any_leaders``: how
      many further leadership members, whoever is free.
    - ``rooms``: one room (fixed) or several (any of them); empty when no room is needed.
    - ``priority`` (>= 1) weighs placements; ``pinned``: a replan never moves it.
    - ``rrule``: an RFC 5545 recurrence (e.g. ``FREQ=WEEKLY;BYDAY=MO``) expanded from
      ``earliest_start`` up to ``latest_end``, one occurrence per day it yields;
      ``on_non_working``: what an occurrence on a non-working day does (skip it, or move it to
      the next or previous working day; None: it stays asked for, and unplaced);
      ``working_day``: instead of the yielded day, the N-th working day (1 = first, -1 = last)
      of the week (FREQ=WEEKLY) or month (otherwise) it falls in.
    """

    id: str = field(validator=identifier)
    kind: ActivityKind = field(validator=instance_of(ActivityKind))
    title: str = field(validator=text)
    department_id: str = field(validator=identifier)
    earliest_start: pendulum.DateTime = field(converter=_earliest)
    latest_end: pendulum.DateTime = field(converter=_latest)
    duration: dt.timedelta | None = None
    days: int = 0
    weekdays: tuple[int, ...] | None = field(default=None, converter=_weekdays)
    hours: tuple[Block, ...] | None = field(default=None, converter=_blocks)
    working_days_only: bool = True
    participants: tuple[str, ...] = field(default=(), converter=id_tuple, validator=unique_ids)
    optional_participants: tuple[str, ...] = field(
        default=(), converter=id_tuple, validator=unique_ids
    )
    leaders: tuple[str, ...] = field(default=(), converter=id_tuple, validator=unique_ids)
    any_leaders: int = 0
    rooms: tuple[str, ...] = field(default=(), converter=_room_ids, validator=unique_ids)
    target_place: str | None = field(default=None, validator=optional(text))
    meeting_kind: MeetingKind | None = field(
        default=None, validator=optional(instance_of(MeetingKind))
    )
    priority: int = 1
    pinned: bool = False
    rrule: str | None = None
    on_non_working: NonWorkingDay | None = field(
        default=None, validator=optional(instance_of(NonWorkingDay))
    )
    working_day: int | None = None

    def __attrs_post_init__(self) -> None:
        problems = self.problems()
        if problems:
            field_name, message_en, message_zh = problems[0]
            raise SchedulingError(self.id, field_name, message_en, message_zh)

    def problems(self) -> list[tuple[str, str, str]]:
        """Every inconsistency of the request on its own: (field, English, Chinese)."""
        out: list[tuple[str, str, str]] = []
        if self.duration is None and self.days == 0:
            out.append(("duration", "give a duration or a number of days", "须给出时长或天数"))
        duration: object = self.duration
        if duration is not None:
            if not isinstance(duration, dt.timedelta):
                out.append(("duration", f"{duration!r} is not a timedelta", "时长应为 timedelta"))
            elif duration <= dt.timedelta(0):
                out.append(
                    (
                        "duration",
                        f"{self.duration} is not positive; give a positive duration",
                        f"时长 {self.duration} 须为正",
                    )
                )
            if self.days:
                out.append(("days", "give a duration or days, not both", "时长与天数只能给一个"))
        if not isinstance(self.days, int) or isinstance(self.days, bool) or self.days < 0:
            out.append(("days", f"{self.days!r} must be an int >= 0", "天数应为非负整数"))
        if self.latest_end <= self.earliest_start:
            out.append(
                (
                    "latest_end",
                    "the window ends before it starts",
                    "时间窗口的结束早于开始",
                )
            )
        elif isinstance(self.duration, dt.timedelta) and (
            self.latest_end - self.earliest_start < self.duration
        ):
            out.append(
                (
                    "latest_end",
                    f"the window {self.earliest_start} - {self.latest_end} is shorter than the "
                    f"duration {self.duration}; widen the window or shorten the activity",
                    f"时间窗口短于活动时长 {self.duration}，请放宽窗口或缩短活动",
                )
            )
        elif (
            isinstance(self.days, int)
            and self.days > 0
            and (self.latest_end - self.earliest_start) < dt.timedelta(days=self.days - 1)
        ):
            out.append(
                (
                    "latest_end",
                    f"the window is shorter than {self.days} days",
                    f"时间窗口短于 {self.days} 天",
                )
            )
        if self.weekdays is not None and (
            not self.weekdays or any(not 0 <= d <= 6 for d in self.weekdays)
        ):
            out.append(("weekdays", "weekdays are 0 (Monday) to 6", "星期取值为 0（周一）到 6"))
        for name, value in (("any_leaders", self.any_leaders), ("priority", self.priority)):
            if not isinstance(value, int) or isinstance(value, bool):
                out.append((name, f"{value!r} must be an int", "应为整数"))
        if isinstance(self.any_leaders, int) and self.any_leaders < 0:
            out.append(("any_leaders", "must be >= 0", "不能为负"))
        if isinstance(self.priority, int) and self.priority < 1:
            out.append(("priority", "must be >= 1", "优先级至少为 1"))
        overlap = sorted(set(self.participants) & set(self.optional_participants))
        overlap += sorted(set(self.leaders) & set(self.participants))
        if overlap:
            out.append(
                (
                    "participants",
                    f"{overlap} listed twice (required / optional / leader); list each once",
                    f"{overlap} 被重复列出",
                )
            )
        if self.kind.is_field_trip and self.target_place is None:
            out.append(
                ("target_place", "a field trip needs a target place", "调研、视察、考察须有目的地")
            )
        if self.meeting_kind is not None and self.kind is not ActivityKind.MEETING:
            out.append(("meeting_kind", "only meetings have a meeting kind", "只有会议有会议类别"))
        if not (self.participants or self.leaders or self.any_leaders):
            out.append(("participants", "nobody attends", "没有参加人员"))
        working_day: object = self.working_day
        if working_day is not None and (
            not isinstance(working_day, int)
            or isinstance(working_day, bool)
            or working_day == 0
            or not -23 <= working_day <= 23
        ):
            out.append(
                (
                    "working_day",
                    f"{working_day!r} must be 1..23 (the N-th working day) or -1..-23 (from "
                    "the end)",
                    "应为 1 至 23（第 N 个工作日）或 -1 至 -23（倒数）",
                )
            )
        if (self.on_non_working is not None or working_day is not None) and self.rrule is None:
            out.append(
                (
                    "rrule",
                    "on_non_working and working_day apply to recurring requests: give an rrule",
                    "on_non_working 与 working_day 只用于重复活动，请给出 rrule",
                )
            )
        if self.hours is not None and (
            not self.hours or any(end <= start for start, end in self.hours)
        ):
            out.append(("hours", "each block must end after it starts", "每段时间须结束晚于开始"))
        return out

    @property
    def attendee_ids(self) -> tuple[str, ...]:
        """Required participants and named leaders (optional participants excluded)."""
        return tuple(sorted((*self.participants, *self.leaders)))
