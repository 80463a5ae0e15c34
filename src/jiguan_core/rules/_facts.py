"""Input checking and the fact tables the rule patterns match (private).

Times become UTC epoch seconds (ints) and calendar days become date ordinals, computed in the
office's zone, Asia/Shanghai (UTC+8, no daylight saving since 1991), so that every engine
compares plain ints.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from typing import Final, Protocol

from jiguan_core.absence import Absence
from jiguan_core.activity import FIELD_KINDS, Activity, ActivityKind
from jiguan_core.away import taken_away_by
from jiguan_core.calendar import WorkCalendar
from jiguan_core.catalogue.scheduling import RULES, parse_kinds
from jiguan_core.errors import CalendarYearNotCovered, InvalidValue, Problem, ScheduleInputError
from jiguan_core.organization import Organization
from jiguan_core.rule import ParameterValue, Severity
from jiguan_core.rules.not_made import CALENDAR_PARTS, NotMade, find_not_made
from jiguan_core.rules.policy import Blackout, SchedulingPolicy

__all__ = [
    "ABSENCE",
    "ACTIVITY",
    "BLACKOUT",
    "END",
    "KEY",
    "PERSON",
    "REF",
    "SOURCE",
    "START",
    "Context",
    "Fact",
    "FactTables",
    "ScheduleInputError",
]

ACTIVITY = "activity"
ABSENCE = "absence"
BLACKOUT = "blackout"

#: Seconds east of UTC of the office's zone (Asia/Shanghai, no DST since 1991).
_OFFSET = 8 * 3600
_EPOCH_ORDINAL = dt.date(1970, 1, 1).toordinal()
DAY = 86_400
#: The fields of :meth:`Context.activity_fields`.
ACTIVITY_FIELDS = ("kind", "non_working_day", "over_capacity")


#: One row of a fact table: ``(ref, key, start, end, person, source)``, read with the indexes
#: below (``fact[START]``). ``ref`` is the activity / absence / blackout id, ``key`` what the
#: table joins on, ``start``/``end`` epoch seconds. A plain tuple of strings and ints, not a
#: class: the cyclic garbage collector stops tracking such a tuple the first time it sees it, so
#: hundreds of thousands of facts cost a check nothing in collections (a named tuple, like any
#: instance of a class, stays tracked and is walked by every full collection).
Fact = tuple[str, str, int, int, str, str]
REF: Final = 0
KEY: Final = 1
START: Final = 2
END: Final = 3
PERSON: Final = 4
SOURCE: Final = 5


class _Table(Protocol):
    def append(self, fact: Fact, /) -> None: ...


class FactTables(Protocol):
    """Where facts go, by table name: a ``defaultdict(list)`` or a :class:`_Recorder`."""

    def __getitem__(self, table: str, /) -> _Table: ...


class _Sink:
    """One table of a :class:`_Recorder`: appending records ``(table, fact)``."""

    __slots__ = ("_rows", "_table")

    def __init__(self, rows: list[tuple[str, Fact]], table: str) -> None:
        self._rows = rows
        self._table = table

    def append(self, fact: Fact, /) -> None:
        self._rows.append((self._table, fact))


class _Recorder(dict[str, _Sink]):
    """Fact tables that keep one list of ``(table, fact)`` rows in the order they came."""

    def __init__(self) -> None:
        super().__init__()
        self.rows: list[tuple[str, Fact]] = []

    def __missing__(self, table: str) -> _Sink:
        sink = self[table] = _Sink(self.rows, table)
        return sink


def epoch(moment: dt.datetime) -> int:
    """``int(moment.timestamp())`` for an aware datetime, in about half the time: whole
    seconds from the local fields and the UTC offset (the float route for fractions of a
    second, whose truncation it keeps)."""
    offset = moment.utcoffset()
    if moment.microsecond or offset is None:
        return int(moment.timestamp())
    return (
        (moment.toordinal() - _EPOCH_ORDINAL) * DAY
        + moment.hour * 3600
        + moment.minute * 60
        + moment.second
        - (offset.days * DAY + offset.seconds)
    )


def local_ordinal(seconds: int) -> int:
    """The local (UTC+8) calendar day of an epoch second, as a date ordinal."""
    return (seconds + _OFFSET) // DAY + _EPOCH_ORDINAL


def ordinals(start: int, end: int) -> range:
    """The local days a half-open span ``[start, end)`` touches."""
    return range(local_ordinal(start), local_ordinal(end - 1) + 1)


class Context:
    """Everything a check needs, prepared once: the policy's parameters, lookups, calendar."""

    def __init__(
        self,
        office: Organization,
        *,
        policy: SchedulingPolicy | None,
        calendar: WorkCalendar | None,
    ) -> None:
        if policy is not None and not isinstance(policy, SchedulingPolicy):
            raise InvalidValue(
                f"policy must be a SchedulingPolicy, got {type(policy).__name__}",
                f"policy 应为 SchedulingPolicy，实际为 {type(policy).__name__}",
                field="policy",
                value=policy,
            )
        if calendar is not None and not isinstance(calendar, WorkCalendar):
            raise InvalidValue(
                f"calendar must be a WorkCalendar, got {type(calendar).__name__}",
                f"calendar 应为 WorkCalendar，实际为 {type(calendar).__name__}",
                field="calendar",
                value=calendar,
            )
        if not isinstance(office, Organization):
            raise InvalidValue(
                f"office must be an Organization, got {type(office).__name__}",
                f"office 应为 Organization，实际为 {type(office).__name__}",
                field="office",
                value=office,
            )
        self.office = office
        self.policy = policy or SchedulingPolicy()
        self.calendar = calendar or WorkCalendar()
        self.params: dict[str, Mapping[str, ParameterValue]] = {
            r.id: self.policy.parameters(r.id) for r in RULES
        }
        self.enabled: frozenset[str] = frozenset(r.id for r in RULES if self.policy.enabled(r.id))
        self.levels: dict[str, Severity] = {r.id: self.policy.level(r.id) for r in RULES}
        self.leaders: frozenset[str] = frozenset(s.id for s in office.leadership_members)
        a_posts: dict[str, list[str]] = {}
        b_posts: dict[str, list[str]] = {}
        for role in office.ab_roles:
            a_posts.setdefault(role.a_id, []).append(role.post_id)
            b_posts.setdefault(role.b_id, []).append(role.post_id)
        self.a_posts = a_posts
        self.b_posts = b_posts
        self.working_kinds: frozenset[ActivityKind] = parse_kinds(
            str(self.params["SCHED-C2-WORKDAYS"]["kinds"])
        )
        self.count_off_site = bool(self.params["SCHED-DEV-AB"]["count_off_site"])
        self.blackouts: dict[str, Blackout] = {b.id: b for b in self.policy.blackouts}
        self._seats: dict[str, int | None] = {r.id: r.capacity for r in office.rooms}
        self.extra_seats = int(self.params["SCHED-COORD-CAPACITY"]["extra_seats"])
        self._working: dict[int, bool | None] = {}
        self._kinds: dict[tuple[str, str], frozenset[str]] = {}

    # Parameters per pattern ------------------------------------------------------------
    def part_enabled(self, pattern_id: str) -> bool:
        rule_id = pattern_id.split("/", 1)[0]
        if rule_id not in self.enabled:
            return False
        p = self.params[rule_id]
        if pattern_id == "SCHED-COORD-PERSON/absent":
            return bool(p["include_absences"])
        if pattern_id == "SCHED-LEADERS-MEETINGS/parallel":
            return bool(p["check_parallel"])
        if pattern_id == "SCHED-LEADERS-MEETINGS/on_duty":
            return int(p["min_on_duty"]) > 0
        if pattern_id == "SCHED-COORD-ROOMS/double_booked":
            return bool(p["check_rooms"])
        if pattern_id == "SCHED-C2-WORKDAYS/blackout":
            return bool(self.blackouts)
        if pattern_id == "SCHED-COORD-CAPACITY/over_capacity":
            return bool(p["check_capacity"])
        return True

    def parameter(self, pattern_id: str, name: str) -> ParameterValue:
        return self.params[pattern_id.split("/", 1)[0]][name]

    def is_working(self, ordinal: int) -> bool | None:
        """Whether the local day is a working day; ``None`` when the calendar does not know its
        year (no official arrangement yet): a check then skips that day for the rules that need
        it and the report lists it as not made (see :func:`not_made`), never assuming Mon-Fri."""
        try:
            return self._working[ordinal]
        except KeyError:
            pass
        found: bool | None
        try:
            found = self.calendar.is_working_day(dt.date.fromordinal(ordinal))
        except CalendarYearNotCovered:
            found = None
        self._working[ordinal] = found
        return found

    def first_non_working(self, start: int, end: int) -> int:
        """The first non-working local day a span touches, as an ordinal; 0 if none (days of a
        year the calendar does not know are not counted as non-working)."""
        first = (start + _OFFSET) // DAY + _EPOCH_ORDINAL
        if first == (end - 1 + _OFFSET) // DAY + _EPOCH_ORDINAL:  # within one day
            return first if self.is_working(first) is False else 0
        for day in ordinals(start, end):
            if self.is_working(day) is False:
                return day
        return 0

    def not_made(
        self, activities: Iterable[Activity], absences: Iterable[Absence]
    ) -> tuple[NotMade, ...]:
        """The calendar checks this context could not make (a day of an unknown year was
        met); empty, at no cost, when every day it judged was known."""
        if None not in self._working.values():
            return ()
        return find_not_made(
            enabled_parts=[p for p in CALENDAR_PARTS if self.part_enabled(p)],
            unknown_day=lambda day: self.is_working(day.toordinal()) is None,
            activities=activities,
            absences=absences,
            working_kinds=self.kinds_parameter("SCHED-C2-WORKDAYS/non_working_day", "kinds"),
            leaders=self.leaders,
        )

    # Names for messages ---------------------------------------------------------------
    def person_name(self, staff_id: str) -> str:
        """``王伟（s001）``, for Chinese messages."""
        if self.office.has_staff(staff_id):
            return f"{self.office.person(staff_id).name}（{staff_id}）"
        return staff_id

    def person_en(self, staff_id: str) -> str:
        """``王伟 (s001)``, for English messages."""
        if self.office.has_staff(staff_id):
            return f"{self.office.person(staff_id).name} ({staff_id})"
        return staff_id

    # Facts --------------------------------------------------------------------------------
    def activity_facts(self, a: Activity) -> list[tuple[str, Fact]]:
        """An activity's rows, as (table, fact) in a fixed order."""
        rows = _Recorder()
        self.add_activity_facts(a, rows)
        return rows.rows

    def add_activity_facts(self, a: Activity, tables: FactTables) -> None:
        """Append an activity's rows to their ``tables`` (a full check's hot loop; the
        order is that of :meth:`activity_facts`)."""
        s = epoch(a.span.start)
        e = epoch(a.span.end)
        rid = a.id
        attendees = a.attendees
        tables["activity"].append((rid, a.department_id, s, e, "", ACTIVITY))
        if attendees:
            attendance = tables["attendance"]
            for p in attendees:
                attendance.append((rid, p, s, e, p, ACTIVITY))
        leaders = [p for p in attendees if p in self.leaders]
        if a.target_place is not None and a.kind in FIELD_KINDS:
            tables["trip"].append((rid, a.target_place, s, e, "", ACTIVITY))
            for p in leaders:
                tables["leader_trip"].append((rid, p, s, e, p, ACTIVITY))
        if leaders:
            tables["leader_activity"].append((rid, "*", s, e, "", ACTIVITY))
        if a.room_id is not None:
            tables["booking"].append((rid, a.room_id, s, e, "", ACTIVITY))
        if a.off_site:
            for p in leaders:
                tables["leader_away"].append((rid, p, s, e, p, ACTIVITY))
            # SCHED-DEV-AB and DEV-COVER share one notion of being away (jiguan_core.away).
            for p in taken_away_by(a, count_off_site=self.count_off_site):
                for post in self.a_posts.get(p, ()):
                    tables["away_a"].append((rid, post, s, e, p, ACTIVITY))
                for post in self.b_posts.get(p, ()):
                    tables["away_b"].append((rid, post, s, e, p, ACTIVITY))

    def absence_facts(self, b: Absence) -> list[tuple[str, Fact]]:
        """An absence's rows, as (table, fact) in a fixed order."""
        rows = _Recorder()
        self.add_absence_facts(b, rows)
        return rows.rows

    def add_absence_facts(self, b: Absence, tables: FactTables) -> None:
        """Append an absence's rows to their ``tables``, in :meth:`absence_facts` order."""
        s = epoch(b.span.start)
        e = epoch(b.span.end)
        p = b.staff_id
        tables["absence"].append((b.id, p, s, e, p, ABSENCE))
        if p in self.leaders:
            tables["leader_away"].append((b.id, p, s, e, p, ABSENCE))
        for post in self.a_posts.get(p, ()):
            tables["away_a"].append((b.id, post, s, e, p, ABSENCE))
        for post in self.b_posts.get(p, ()):
            tables["away_b"].append((b.id, post, s, e, p, ABSENCE))

    def blackout_facts(self) -> list[tuple[str, Fact]]:
        return [
            ("blackout", (b.id, "*", epoch(b.span.start), epoch(b.span.end), "", BLACKOUT))
            for b in self.policy.blackouts
        ]

    def activity_fields(self, a: Activity, fact: Fact | None = None) -> dict[str, int | str]:
        """The flat fields single-fact patterns test (see ``SingleFact`` conditions);
        ``fact`` (the activity's row of a table) saves converting its times again."""
        return {name: self.activity_field(a, name, fact) for name in ACTIVITY_FIELDS}

    def activity_field(self, a: Activity, name: str, fact: Fact | None = None) -> int | str:
        """One of :meth:`activity_fields`, computed alone (an engine tests the cheap ones
        first)."""
        if name == "kind":
            return a.kind._value_  # .value, without the enum's descriptor
        if name == "non_working_day":
            start, end = (
                (fact[START], fact[END])
                if fact is not None
                else (epoch(a.span.start), epoch(a.span.end))
            )
            return self.first_non_working(start, end)
        if name == "over_capacity":
            return self.over_capacity(a)
        raise KeyError(name)  # pragma: no cover - the catalogue names only these fields

    def over_capacity(self, a: Activity) -> int:
        """Attendees plus SCHED-COORD-CAPACITY's ``extra_seats`` beyond the seats of the activity's room (<= 0
        when they fit, or when the room or its capacity is unknown)."""
        seats = self._seats.get(a.room_id) if a.room_id is not None else None
        if seats is None:
            return 0
        return len(a.attendees) + self.extra_seats - seats

    def kinds_parameter(self, pattern_id: str, name: str) -> frozenset[str]:
        cache_key = (pattern_id, name)
        found = self._kinds.get(cache_key)
        if found is None:
            parsed = parse_kinds(str(self.parameter(pattern_id, name)))
            found = frozenset(k.value for k in parsed)
            self._kinds[cache_key] = found
        return found

    # Input checks -------------------------------------------------------------------------
    def check_activities(self, activities: Iterable[object]) -> tuple[Activity, ...]:
        problems: list[Problem] = []
        found: list[Activity] = []
        seen: set[str] = set()
        office = self.office
        for index, a in enumerate(activities):
            if not isinstance(a, Activity):
                problems.append(
                    Problem(
                        f"activities[{index}]",
                        f"not an Activity: {type(a).__name__} {a!r}",
                        f"不是活动（Activity）：{a!r}",
                    )
                )
                continue
            found.append(a)
            self._check_activity(a, problems)
            if a.id in seen:
                problems.append(
                    Problem(
                        f"activities[{a.id}].id",
                        f"duplicate activity id {a.id!r}; give each activity its own id",
                        f"活动编号 {a.id!r} 重复",
                    )
                )
            seen.add(a.id)
        del office
        if problems:
            raise ScheduleInputError(problems)
        return tuple(found)

    def check_activity(self, a: object) -> Activity:
        if not isinstance(a, Activity):
            raise InvalidValue(
                f"activity must be an Activity, got {type(a).__name__} {a!r}",
                f"activity 应为活动（Activity），实际为 {a!r}",
                field="activity",
                value=a,
            )
        problems: list[Problem] = []
        self._check_activity(a, problems)
        if problems:
            raise ScheduleInputError(problems)
        return a

    def _check_activity(self, a: Activity, problems: list[Problem]) -> None:
        office = self.office

        def missing(path: str, kind_en: str, kind_zh: str, value: str) -> None:
            problems.append(
                Problem(
                    f"activities[{a.id}].{path}",
                    f"activity {a.id} refers to unknown {kind_en} {value!r}; add it to the "
                    "organization or fix the id",
                    f"活动 {a.id} 引用了不存在的{kind_zh} {value!r}",
                )
            )

        for j, p in enumerate(a.participants):
            if not office.has_staff(p):
                missing(f"participants[{j}]", "staff member", "人员", p)
        for j, p in enumerate(a.leaders):
            if not office.has_staff(p):
                missing(f"leaders[{j}]", "staff member", "人员", p)
            elif p not in self.leaders:
                problems.append(
                    Problem(
                        f"activities[{a.id}].leaders[{j}]",
                        f"{p!r} is not a leadership member (主席会议成员); list them as a "
                        "participant",
                        f"{p!r} 不是主席会议成员，应列为参加人员",
                    )
                )
        if a.room_id is not None and not office.has_room(a.room_id):
            missing("room_id", "room", "会议室", a.room_id)
        if a.department_id not in self._departments():
            missing("department_id", "department", "部门", a.department_id)

    def _departments(self) -> frozenset[str]:
        found: frozenset[str] | None = getattr(self, "_department_ids", None)
        if found is None:
            found = frozenset(d.id for d in self.office.departments)
            self._department_ids = found
        return found

    def check_absences(self, absences: Iterable[object]) -> tuple[Absence, ...]:
        problems: list[Problem] = []
        found: list[Absence] = []
        seen: set[str] = set()
        for index, b in enumerate(absences):
            if not isinstance(b, Absence):
                problems.append(
                    Problem(
                        f"absences[{index}]",
                        f"not an Absence: {type(b).__name__} {b!r}",
                        f"不是请假记录（Absence）：{b!r}",
                    )
                )
                continue
            found.append(b)
            self._check_absence(b, problems)
            if b.id in seen:
                problems.append(
                    Problem(
                        f"absences[{b.id}].id",
                        f"duplicate absence id {b.id!r}",
                        f"请假记录编号 {b.id!r} 重复",
                    )
                )
            seen.add(b.id)
        if problems:
            raise ScheduleInputError(problems)
        return tuple(found)

    def check_absence(self, b: object) -> Absence:
        if not isinstance(b, Absence):
            raise InvalidValue(
                f"absence must be an Absence, got {type(b).__name__} {b!r}",
                f"absence 应为请假记录（Absence），实际为 {b!r}",
                field="absence",
                value=b,
            )
        problems: list[Problem] = []
        self._check_absence(b, problems)
        if problems:
            raise ScheduleInputError(problems)
        return b

    def _check_absence(self, b: Absence, problems: list[Problem]) -> None:
        if not self.office.has_staff(b.staff_id):
            problems.append(
                Problem(
                    f"absences[{b.id}].staff_id",
                    f"absence {b.id} refers to unknown staff member {b.staff_id!r}",
                    f"请假记录 {b.id} 引用了不存在的人员 {b.staff_id!r}",
                )
            )
