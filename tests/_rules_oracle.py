"""A brute-force oracle for the scheduling rules, written from the rules' own words.

It shares no code with the engines: no fact tables, no violation builders, no ``Context``, no
catalogue. It reads only the domain objects (``Activity``, ``Absence``, ``Organization``, the
caller's ``SchedulingPolicy`` fields and the working-day calendar) and compares everything with
everything. Each rule below is the statement of ``docs/rules.md``:

- SCH1: a person is never in two overlapping activities, nor in an activity during their own
  absence (``include_absences``);
- SCH2: two trips (调研、视察、考察) to the same place are at least ``days`` days apart: the gap
  between one's end and the other's start is at least ``days`` x 24 hours (overlap: gap < 0);
- SCH3: the A and B of a post are never away at once (an absence, or an off-site activity when
  ``count_off_site``);
- SCH4: activities with leadership members never overlap unless a leader attends both
  (``check_parallel``); at least ``min_on_duty`` leaders are present every working day;
- SCH5: a room is never double-booked;
- SCH6: activities of ``kinds`` never touch a non-working day; nothing overlaps a blackout
  unless the blackout exempts it;
- SCH7: a department organises at most ``max_per_week`` activities a (Monday-first) week;
- SCH8: a leader makes at most ``max_trips_per_month`` trips a calendar month;
- SCH9: an activity's attendees plus ``extra_seats`` never exceed the seats of its room (rooms
  of unknown capacity are not checked; ``check_capacity``).

Spans are half-open; a span "touches" the local (Asia/Shanghai) days from its start's date to
the date of its last instant. A pair's day is the local date of the later start. A finding is a
plain dict of what the statement names (see :data:`Finding`); :func:`described` turns the
library's violations into the same dicts, so a test compares the two as sorted lists.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from itertools import combinations

import attrs

from jiguan_core.absence import Absence
from jiguan_core.activity import Activity, ActivityKind
from jiguan_core.calendar import WorkCalendar
from jiguan_core.organization import Organization
from jiguan_core.rule import Severity
from jiguan_core.rules import SchedulingPolicy, Violation

#: A finding: what the rule's statement names (the rule and its part, the level, the people,
#: activities, absences, post, room, department, place or blackout involved, the day, the
#: penalty), keyed by the names of :class:`Violation`'s attributes. What a rule does not name is
#: left out, so a violation that names more (or less) than the statement differs from it.
Finding = dict[str, object]
#: Ids the statement names as a set (written sorted); ``refs`` keep the pattern's order.
ID_SETS = ("activity_ids", "absence_ids", "staff_ids")

#: The rules' levels and parameter defaults as docs/rules.md states them.
LEVELS = {
    "SCH1": Severity.HARD,
    "SCH2": Severity.MEDIUM,
    "SCH3": Severity.HARD,
    "SCH4": Severity.MEDIUM,
    "SCH5": Severity.HARD,
    "SCH6": Severity.HARD,
    "SCH7": Severity.SOFT,
    "SCH8": Severity.SOFT,
    "SCH9": Severity.HARD,
}
DEFAULTS: dict[str, dict[str, object]] = {
    "SCH1": {"include_absences": True},
    "SCH2": {"days": 30},
    "SCH3": {"count_off_site": True},
    "SCH4": {"check_parallel": True, "min_on_duty": 1},
    "SCH5": {"check_rooms": True},
    "SCH6": {"kinds": "meeting,study_session,training,research,inspection,study_visit"},
    "SCH7": {"max_per_week": 3},
    "SCH8": {"max_trips_per_month": 4},
    "SCH9": {"check_capacity": True, "extra_seats": 0},
}
TRIP_KINDS = {"research", "inspection", "study_visit"}
#: The catalogue's ids of the rules (renamed after their sources in issue 11).
IDS = {
    "SCH1": "SCHED-COORD-PERSON",
    "SCH2": "SCHED-COORD-TRIPS",
    "SCH3": "SCHED-DEV-AB",
    "SCH4": "SCHED-LEADERS-MEETINGS",
    "SCH5": "SCHED-COORD-ROOMS",
    "SCH6": "SCHED-C2-WORKDAYS",
    "SCH7": "SCHED-COORD-LOAD",
    "SCH8": "SCHED-LEADERS-TRIPS",
    "SCH9": "SCHED-COORD-CAPACITY",
}
SHANGHAI_OFFSET = dt.timezone(dt.timedelta(hours=8))


def finding(part: str, level: Severity, *, penalty: int = 1, **named: object) -> Finding:
    """A finding of the rule and part ``"SCHn/name"``: its level, its penalty (1 unless the
    statement counts how far over the limit it is) and what it names; empty fields are left out."""
    rule, _, name = part.partition("/")
    out: Finding = {"rule_id": IDS[rule], "part": f"{IDS[rule]}/{name}", "level": level}
    out["penalty"] = penalty
    for key, value in named.items():
        if key in ID_SETS:
            value = tuple(sorted(set(value)))  # type: ignore[call-overload]
        elif isinstance(value, list):
            value = tuple(value)
        if value not in ((), None):
            out[key] = value
    return out


def described(violations: Iterable[Violation]) -> list[Finding]:
    """The library's violations as findings, sorted: every attribute that identifies a
    violation (those its equality compares, read from the class), empty ones left out."""
    names = [f.name for f in attrs.fields(Violation) if f.eq]
    found = []
    for v in violations:
        values = {name: getattr(v, name) for name in names}
        found.append({k: x for k, x in values.items() if x not in ((), None)})
    return sorted(found, key=_order)


def _order(f: Finding) -> list[tuple[str, str]]:
    # str, not repr: the engines' days are pendulum dates, the oracle's plain ones.
    return sorted((key, str(value)) for key, value in f.items())


def _local(moment: dt.datetime) -> dt.date:
    return moment.astimezone(SHANGHAI_OFFSET).date()


def _touched(start: dt.datetime, end: dt.datetime) -> list[dt.date]:
    first, last = _local(start), _local(end - dt.timedelta(microseconds=1))
    return [first + dt.timedelta(days=i) for i in range((last - first).days + 1)]


def _overlap(one: tuple[dt.datetime, dt.datetime], two: tuple[dt.datetime, dt.datetime]) -> bool:
    return one[0] < two[1] and two[0] < one[1]


def _span(item: Activity | Absence) -> tuple[dt.datetime, dt.datetime]:
    return item.span.start, item.span.end


def _later_start_day(one: Activity | Absence, two: Activity | Absence) -> dt.date:
    return _local(max(one.span.start, two.span.start))


def oracle(
    office: Organization,
    activities: Sequence[Activity] | None = None,
    absences: Sequence[Absence] | None = None,
    *,
    policy: SchedulingPolicy | None = None,
    calendar: WorkCalendar | None = None,
) -> list[Finding]:
    """Every violation the rules' statements describe, as sorted findings."""
    policy = policy or SchedulingPolicy()
    calendar = calendar or WorkCalendar()
    acts = list(office.activities if activities is None else activities)
    away = list(office.absences if absences is None else absences)
    leaders = {s.id for s in office.staff if s.is_leadership_member}

    def on(rule: str) -> bool:
        return rule not in policy.disabled and IDS[rule] not in policy.disabled

    def param(rule: str, name: str) -> object:
        given = policy.overrides.get(IDS[rule]) or policy.overrides.get(rule) or {}
        return given.get(name, DEFAULTS[rule][name])

    def level(rule: str) -> Severity:
        return policy.levels.get(IDS[rule], policy.levels.get(rule, LEVELS[rule]))

    def people(a: Activity) -> set[str]:
        return set(a.participants) | set(a.leaders)

    def is_trip(a: Activity) -> bool:
        return a.kind.value in TRIP_KINDS and a.target_place is not None

    out: list[Finding] = []
    # SCH1 ------------------------------------------------------------------------------
    if on("SCH1"):
        for a, b in combinations(acts, 2):
            if _overlap(_span(a), _span(b)):
                for person in people(a) & people(b):
                    out.append(
                        finding(
                            "SCH1/clash",
                            level("SCH1"),
                            activity_ids=(a.id, b.id),
                            staff_ids=(person,),
                            day=_later_start_day(a, b),
                        )
                    )
        if param("SCH1", "include_absences"):
            for a in acts:
                for b in away:
                    if b.staff_id in people(a) and _overlap(_span(a), _span(b)):
                        out.append(
                            finding(
                                "SCH1/absent",
                                level("SCH1"),
                                activity_ids=(a.id,),
                                absence_ids=(b.id,),
                                staff_ids=(b.staff_id,),
                                day=_later_start_day(a, b),
                            )
                        )
    # SCH2 ------------------------------------------------------------------------------
    if on("SCH2"):
        gap = dt.timedelta(days=int(param("SCH2", "days")))  # type: ignore[call-overload]
        for a, b in combinations([a for a in acts if is_trip(a)], 2):
            if a.target_place != b.target_place:
                continue
            apart = max(b.span.start - a.span.end, a.span.start - b.span.end)
            if apart < gap:
                out.append(
                    finding(
                        "SCH2/pile_up",
                        level("SCH2"),
                        activity_ids=(a.id, b.id),
                        place=a.target_place,
                        day=_later_start_day(a, b),
                    )
                )
    # SCH3 ------------------------------------------------------------------------------
    if on("SCH3"):
        off_site_counts = bool(param("SCH3", "count_off_site"))

        def away_items(person: str) -> list[Activity | Absence]:
            items: list[Activity | Absence] = [b for b in away if b.staff_id == person]
            if off_site_counts:
                items += [a for a in acts if a.off_site and person in people(a)]
            return items

        for role in office.ab_roles:
            for x in away_items(role.a_id):
                for y in away_items(role.b_id):
                    if _overlap(_span(x), _span(y)):
                        out.append(
                            finding(
                                "SCH3/both_away",
                                level("SCH3"),
                                activity_ids=[i.id for i in (x, y) if isinstance(i, Activity)],
                                absence_ids=[i.id for i in (x, y) if isinstance(i, Absence)],
                                staff_ids=(role.a_id, role.b_id),
                                post_id=role.post_id,
                                refs=(x.id, y.id),
                                day=_later_start_day(x, y),
                            )
                        )
    # SCH4 ------------------------------------------------------------------------------
    if on("SCH4"):
        if param("SCH4", "check_parallel"):
            with_leaders = [a for a in acts if people(a) & leaders]
            for a, b in combinations(with_leaders, 2):
                shared = people(a) & people(b) & leaders
                if _overlap(_span(a), _span(b)) and not shared:
                    out.append(
                        finding(
                            "SCH4/parallel",
                            level("SCH4"),
                            activity_ids=(a.id, b.id),
                            staff_ids=(people(a) | people(b)) & leaders,
                            day=_later_start_day(a, b),
                        )
                    )
        minimum = int(param("SCH4", "min_on_duty"))  # type: ignore[call-overload]
        if minimum > 0:
            items: list[tuple[str, Activity | Absence]] = [
                (b.staff_id, b) for b in away if b.staff_id in leaders
            ]
            items += [(p, a) for a in acts if a.off_site for p in people(a) & leaders]
            days = sorted({d for _, item in items for d in _touched(*_span(item))})
            for day in days:
                if not calendar.is_working_day(day):
                    continue
                here = [(p, item) for p, item in items if day in _touched(*_span(item))]
                absent_people = {p for p, _ in here}
                present = len(leaders) - len(absent_people)
                if present < minimum:
                    out.append(
                        finding(
                            "SCH4/on_duty",
                            level("SCH4"),
                            activity_ids=[i.id for _, i in here if isinstance(i, Activity)],
                            absence_ids=[i.id for _, i in here if isinstance(i, Absence)],
                            staff_ids=absent_people,
                            day=day,
                            penalty=minimum - present,
                        )
                    )
    # SCH5 ------------------------------------------------------------------------------
    if on("SCH5") and param("SCH5", "check_rooms"):
        for a, b in combinations(acts, 2):
            if a.room_id is not None and a.room_id == b.room_id and _overlap(_span(a), _span(b)):
                out.append(
                    finding(
                        "SCH5/double_booked",
                        level("SCH5"),
                        activity_ids=(a.id, b.id),
                        room_id=a.room_id,
                        day=_later_start_day(a, b),
                    )
                )
    # SCH6 ------------------------------------------------------------------------------
    if on("SCH6"):
        # A kind is named by its value, its name or its Chinese term (docs/rules.md).
        named = {k.strip() for k in str(param("SCH6", "kinds")).split(",") if k.strip()}
        kinds = {k.value for k in ActivityKind if named & {k.value, k.name, k.zh}}
        for a in acts:
            closed = [d for d in _touched(*_span(a)) if not calendar.is_working_day(d)]
            if a.kind.value in kinds and closed:
                out.append(
                    finding(
                        "SCH6/non_working_day",
                        level("SCH6"),
                        activity_ids=(a.id,),
                        day=closed[0],
                    )
                )
        for blackout in policy.blackouts:
            window = (blackout.span.start, blackout.span.end)
            for a in acts:
                if a.id not in blackout.exempt and _overlap(_span(a), window):
                    out.append(
                        finding(
                            "SCH6/blackout",
                            level("SCH6"),
                            activity_ids=(a.id,),
                            blackout_id=blackout.id,
                            day=_local(max(a.span.start, blackout.span.start)),
                        )
                    )
    # SCH7 ------------------------------------------------------------------------------
    if on("SCH7"):
        limit = int(param("SCH7", "max_per_week"))  # type: ignore[call-overload]
        weeks: dict[tuple[str, dt.date], set[str]] = {}
        for a in acts:
            first = _local(a.span.start)
            monday = first - dt.timedelta(days=first.weekday())
            weeks.setdefault((a.department_id, monday), set()).add(a.id)
        for (department, monday), ids in weeks.items():
            if len(ids) > limit:
                out.append(
                    finding(
                        "SCH7/busy_week",
                        level("SCH7"),
                        activity_ids=ids,
                        department_id=department,
                        day=monday,
                        penalty=len(ids) - limit,
                    )
                )
    # SCH8 ------------------------------------------------------------------------------
    if on("SCH8"):
        limit = int(param("SCH8", "max_trips_per_month"))  # type: ignore[call-overload]
        months: dict[tuple[str, dt.date], set[str]] = {}
        for a in acts:
            if is_trip(a):
                first = _local(a.span.start)
                for leader in people(a) & leaders:
                    months.setdefault((leader, first.replace(day=1)), set()).add(a.id)
        for (leader, month), ids in months.items():
            if len(ids) > limit:
                out.append(
                    finding(
                        "SCH8/many_trips",
                        level("SCH8"),
                        activity_ids=ids,
                        staff_ids=(leader,),
                        day=month,
                        penalty=len(ids) - limit,
                    )
                )
    # SCH9 ------------------------------------------------------------------------------
    if on("SCH9") and param("SCH9", "check_capacity"):
        seats = {room.id: room.capacity for room in office.rooms}
        extra = int(param("SCH9", "extra_seats"))  # type: ignore[call-overload]
        for a in acts:
            capacity = seats.get(a.room_id) if a.room_id is not None else None
            if capacity is not None and len(people(a)) + extra > capacity:
                out.append(
                    finding(
                        "SCH9/over_capacity",
                        level("SCH9"),
                        activity_ids=(a.id,),
                        room_id=a.room_id,
                        day=_local(a.span.start),
                    )
                )
    return sorted(out, key=_order)
