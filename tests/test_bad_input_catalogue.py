"""A catalogue of bad inputs across the public entry points and the command line.

Each case is one call with one thing wrong. Every case asserts three things: the call raises the
expected :class:`~jiguan_core.errors.JiguanError` subtype (the command line: exit status 2 and no
traceback), the message names the culprit (the field, the path or the value), and nothing the
caller passed was changed (a deep copy taken before the call equals the input after it).
"""

from __future__ import annotations

import copy
import datetime as dt
import json
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import attrs
import pendulum
import pytest

from jiguan_core import (
    Absence,
    AbsenceKind,
    Activity,
    ActivityKind,
    CalendarYearNotCovered,
    ConversionError,
    DateRange,
    Department,
    Granularity,
    InvalidInput,
    InvalidValue,
    JiguanError,
    Level,
    NaiveDateTime,
    Organization,
    Room,
    Staff,
    TimeSpan,
    UnknownEntity,
    WorkCalendar,
    WrongType,
    YearArrangement,
    aware,
    from_dict,
    from_json,
    parse_datetime,
    sample_office,
    to_dict,
)
from jiguan_core.cli import load_workspace, sample_workspace, workspace_to_dict
from jiguan_core.rules import SchedulingPolicy, check
from jiguan_core.scheduling import schedule
from jiguan_core.work import overdue, start_document, start_meeting

OFFICE = sample_office()
OFFICE_DATA: dict[str, Any] = to_dict(OFFICE)
WORKSPACE_DATA: dict[str, Any] = workspace_to_dict(sample_workspace())
DELETE = object()
SH = "Asia/Shanghai"
DAY = dt.date(2025, 3, 3)
MOMENT = pendulum.datetime(2025, 3, 3, 9, tz=SH)


@attrs.frozen
class Case:
    """One bad call: ``call(*inputs)`` must raise ``error`` whose text contains ``culprit``."""

    id: str
    call: Callable[..., object]
    inputs: tuple[Any, ...]
    error: type[JiguanError]
    culprit: str


def _changed(data: Any, path: tuple[Any, ...], value: Any) -> Any:
    """A deep copy of ``data`` with the value at ``path`` replaced (or deleted)."""
    out = copy.deepcopy(data)
    target = out
    for key in path[:-1]:
        target = target[key]
    if value is DELETE:
        del target[path[-1]]
    else:
        target[path[-1]] = value
    return out


def _json_path(path: tuple[Any, ...]) -> str:
    return "$" + "".join(f"[{p}]" if isinstance(p, int) else f".{p}" for p in path)


# -- 1. Reading an organization from its dict form (from_dict) -------------------------------
_OFFICE_MUTATIONS: list[tuple[str, tuple[Any, ...], Any, str]] = [
    ("office name not a string", ("name",), 12, "$.name"),
    ("departments not a list", ("departments",), "d-office", "$.departments"),
    ("department kind unknown", ("departments", 0, "kind"), "club", "club"),
    ("department id an int", ("departments", 0, "id"), 7, "$.departments[0].id"),
    ("department name missing", ("departments", 1, "name"), DELETE, "$.departments[1].name"),
    ("department extra field", ("departments", 2, "budget"), 10, "budget"),
    ("staff level unknown", ("staff", 0, "level"), "boss", "boss"),
    ("staff hire date 30 February", ("staff", 0, "hire_date"), "2025-02-30", "2025-02-30"),
    ("staff hire date a number", ("staff", 1, "hire_date"), 20250101, "$.staff[1].hire_date"),
    ("staff name missing", ("staff", 2, "name"), DELETE, "$.staff[2].name"),
    ("staff department unknown", ("staff", 3, "department_id"), "d-nowhere", "d-nowhere"),
    ("staff flag a string", ("staff", 4, "is_party_member"), "yes", "yes"),
    ("staff relatives a dict", ("staff", 5, "relatives"), {"s001": 1}, "$.staff[5].relatives"),
    ("staff reports_to unknown", ("staff", 6, "reports_to"), "s999", "s999"),
    ("staff entry not an object", ("staff", 7), "s008", "$.staff[7]"),
    ("staff extra field", ("staff", 8, "nickname"), "x", "nickname"),
    ("post department unknown", ("posts", 0, "department_id"), "d-nowhere", "d-nowhere"),
    ("post key areas unknown", ("posts", 0, "key_areas"), ["gambling"], "gambling"),
    ("post leading a string", ("posts", 1, "leading"), "no", "no"),
    ("assignment post unknown", ("assignments", 0, "post_id"), "p-nowhere", "p-nowhere"),
    ("assignment role unknown", ("assignments", 1, "role"), "boss", "boss"),
    ("assignment start not a date", ("assignments", 2, "start"), "soon", "soon"),
    ("assignment staff unknown", ("assignments", 3, "staff_id"), "s999", "s999"),
    ("ab role post unknown", ("ab_roles", 0, "post_id"), "p-nowhere", "p-nowhere"),
    ("ab role b unknown", ("ab_roles", 0, "b_id"), "s999", "s999"),
    ("room capacity a string", ("rooms", 0, "capacity"), "thirty", "thirty"),
    ("room id missing", ("rooms", 1, "id"), DELETE, "$.rooms[1].id"),
    ("absence kind unknown", ("absences", 0, "kind"), "holiday", "holiday"),
    ("absence staff unknown", ("absences", 0, "staff_id"), "s999", "s999"),
    (
        "absence naive start",
        ("absences", 1, "span", "start"),
        "2025-03-01T09:00:00",
        "2025-03-01T09:00:00",
    ),
    ("absence span a string", ("absences", 2, "span"), "all March", "$.absences[2].span"),
    ("activity kind unknown", ("activities", 0, "kind"), "party", "party"),
    (
        "activity naive end",
        ("activities", 0, "span", "end"),
        "2025-03-01T11:00:00",
        "$.activities[0].span.end",
    ),
    ("activity start not a time", ("activities", 1, "span", "start"), "tomorrow", "tomorrow"),
    ("activity participant unknown", ("activities", 2, "participants"), ["s999"], "s999"),
    ("activity room unknown", ("activities", 3, "room_id"), "r-nowhere", "r-nowhere"),
    ("activity department unknown", ("activities", 4, "department_id"), "d-nowhere", "d-nowhere"),
    ("activity off_site a number", ("activities", 5, "off_site"), 1, "$.activities[5].off_site"),
    ("activity meeting kind unknown", ("activities", 0, "meeting_kind"), "rave", "rave"),
    (
        "activity participants a string",
        ("activities", 6, "participants"),
        "s001",
        "$.activities[6].participants",
    ),
    ("task status unknown", ("tasks", 0, "status"), "forgotten", "forgotten"),
    ("task deadline not a date", ("tasks", 1, "deadline"), "2025-13-01", "2025-13-01"),
    ("task owner unknown", ("tasks", 2, "owner_id"), "s999", "s999"),
    ("task source unknown", ("tasks", 3, "source"), "rumour", "rumour"),
    ("task created missing", ("tasks", 4, "created"), DELETE, "$.tasks[4].created"),
]


def _office_cases() -> Iterator[Case]:
    for name, path, value, culprit in _OFFICE_MUTATIONS:
        data = _changed(OFFICE_DATA, path, value)
        yield Case(f"from_dict: {name}", from_dict, (Organization, data), ConversionError, culprit)
    yield Case("from_dict: not a dict", from_dict, (Organization, [1, 2]), ConversionError, "list")
    yield Case("from_dict: None", from_dict, (Organization, None), ConversionError, "None")
    yield Case(
        "from_json: not JSON", from_json, (Organization, '{"name": '), ConversionError, "line 1"
    )
    yield Case("from_json: a number", from_json, (Organization, "42"), ConversionError, "42")


# -- 2. Reading a workspace (the command line's format) --------------------------------------
_WORKSPACE_MUTATIONS: list[tuple[str, tuple[Any, ...], Any, str]] = [
    ("version 2", ("version",), 2, "$.version"),
    ("office missing", ("office",), DELETE, "office"),
    ("unknown section", ("budget",), {}, "budget"),
    ("policy disables an unknown rule", ("policy", "disabled"), ["SCH99"], "SCH99"),
    (
        "blackout exempts an unknown activity",
        ("policy", "blackouts"),
        [
            {
                "id": "b1",
                "label": {"zh": "两会", "en": "sessions"},
                "span": {"start": "2025-03-01T00:00:00+08:00", "end": "2025-03-02T00:00:00+08:00"},
                "exempt": ["a-nowhere"],
            }
        ],
        "a-nowhere",
    ),
    ("plan seed a string", ("plan", "seed"), "one", "$.plan.seed"),
    ("plan request participant unknown", ("plan", "requests", 0, "participants"), ["s999"], "s999"),
    ("plan request duration words", ("plan", "requests", 0, "duration"), "two hours", "two hours"),
    ("plan request room unknown", ("plan", "requests", 1, "rooms"), ["r-nowhere"], "r-nowhere"),
    (
        "plan request naive window",
        ("plan", "requests", 1, "earliest_start"),
        "2025-04-01T08:30:00",
        "2025-04-01T08:30:00",
    ),
    (
        "plan request department unknown",
        ("plan", "requests", 2, "department_id"),
        "d-nowhere",
        "d-nowhere",
    ),
    ("assessment year a string", ("assessment", "year"), "2025", "$.assessment.year"),
    ("assessment quarter 5", ("assessment", "quarters"), [5], "$.assessment.quarters"),
    ("assessment no quarter", ("assessment", "quarters"), [], "quarters"),
    (
        "assessment score for unknown staff",
        ("assessment", "records", "quarter_scores", 0, "staff_id"),
        "s999",
        "s999",
    ),
    ("coverage start 30 February", ("coverage", "start"), "2025-02-30", "2025-02-30"),
    ("coverage unknown post", ("coverage", "post_ids"), ["p-nowhere"], "p-nowhere"),
    ("coverage end missing", ("coverage", "end"), DELETE, "end"),
    ("rotation day not a date", ("rotation", "as_of"), "end of year", "end of year"),
    ("rotation unknown person", ("rotation", "under_investigation"), ["s999"], "s999"),
    (
        "statistics record department unknown",
        ("statistics", "records", 0, "department_id"),
        "d-nowhere",
        "d-nowhere",
    ),
    ("statistics as_of missing", ("statistics", "as_of"), DELETE, "as_of"),
    (
        "calendar holiday of another year",
        ("calendar",),
        {"arrangements": [{"year": 2027, "holidays": ["2026-12-31"]}]},
        "$.calendar.arrangements[0].holidays",
    ),
    ("calendar closures not dates", ("calendar",), {"closures": ["soon"]}, "soon"),
    (
        "calendar year twice",
        ("calendar",),
        {"arrangements": [{"year": 2027, "holidays": []}, {"year": 2027, "holidays": []}]},
        "2027",
    ),
]


def _workspace_cases() -> Iterator[Case]:
    for name, path, value, culprit in _WORKSPACE_MUTATIONS:
        data = _changed(WORKSPACE_DATA, path, value)
        yield Case(f"load_workspace: {name}", load_workspace, (data,), ConversionError, culprit)


# -- 3. Domain constructors --------------------------------------------------------------------
def _span(start: pendulum.DateTime, hours: int = 2) -> TimeSpan:
    return TimeSpan(start, start.add(hours=hours))


def _staff(**changes: Any) -> Staff:
    fields: dict[str, Any] = {
        "id": "s100",
        "name": "张三",
        "department_id": "d-office",
        "level": Level.CLERK,
        "hire_date": dt.date(2020, 1, 1),
    }
    fields.update(changes)
    return Staff(**fields)


def _activity(**changes: Any) -> Activity:
    fields: dict[str, Any] = {
        "id": "a-new",
        "kind": ActivityKind.RESEARCH,
        "title": "调研",
        "span": _span(MOMENT),
        "department_id": "d-office",
        "participants": ("s001",),
        "target_place": "岳池县",
    }
    fields.update(changes)
    return Activity(**fields)


def _constructor_cases() -> Iterator[Case]:
    naive = dt.datetime(2025, 3, 3, 9)
    yield Case("TimeSpan: naive start", TimeSpan, (naive, MOMENT), NaiveDateTime, "start")
    yield Case(
        "TimeSpan: end before start",
        TimeSpan,
        (MOMENT, MOMENT.subtract(hours=1)),
        InvalidValue,
        "end",
    )
    yield Case("TimeSpan: empty", TimeSpan, (MOMENT, MOMENT), InvalidValue, "end")
    yield Case("TimeSpan: strings", TimeSpan, ("09:00", "10:00"), InvalidValue, "09:00")
    yield Case("aware: naive datetime", aware, (naive,), NaiveDateTime, "2025")
    yield Case("aware: a date", aware, (DAY,), InvalidValue, "date(2025, 3, 3)")
    yield Case(
        "parse_datetime: no offset",
        parse_datetime,
        ("2025-03-03T09:00:00",),
        NaiveDateTime,
        "no time zone",
    )
    yield Case(
        "parse_datetime: not a time", parse_datetime, ("next Monday",), InvalidValue, "next Monday"
    )
    yield Case(
        "parse_datetime: unknown zone",
        parse_datetime,
        ("2025-03-03T09:00:00+08:00[Mars/Base]",),
        InvalidValue,
        "Mars/Base",
    )
    yield Case(
        "DateRange: end before start",
        DateRange,
        (DAY, DAY - dt.timedelta(days=1)),
        InvalidValue,
        "2025-03-02",
    )
    yield Case("Staff: level a string", lambda: _staff(level="boss"), (), InvalidValue, "level")
    yield Case(
        "Staff: hire date a string",
        lambda: _staff(hire_date="2020-01-01"),
        (),
        InvalidValue,
        "hire_date",
    )
    yield Case("Staff: empty id", lambda: _staff(id=""), (), InvalidValue, "id")
    yield Case("Staff: name not a string", lambda: _staff(name=3), (), InvalidValue, "name")
    yield Case(
        "Department: kind a string",
        lambda: Department(id="d-x", name="x", kind="club"),
        (),
        InvalidValue,
        "kind",
    )
    yield Case(
        "Room: negative capacity",
        lambda: Room(id="r-x", name="x", capacity=-1),
        (),
        InvalidValue,
        "capacity",
    )
    yield Case(
        "Room: capacity a string",
        lambda: Room(id="r-x", name="x", capacity="ten"),
        (),
        InvalidValue,
        "capacity",
    )
    yield Case(
        "Activity: kind a string", lambda: _activity(kind="research"), (), InvalidValue, "kind"
    )
    yield Case("Activity: empty title", lambda: _activity(title=""), (), InvalidValue, "title")
    yield Case(
        "Activity: span a tuple",
        lambda: _activity(span=(MOMENT, MOMENT.add(hours=1))),
        (),
        InvalidValue,
        "span",
    )
    yield Case(
        "Absence: kind a string",
        lambda: Absence(id="b-x", staff_id="s001", span=_span(MOMENT), kind="holiday"),
        (),
        InvalidValue,
        "kind",
    )
    yield Case(
        "Absence: span None",
        lambda: Absence(id="b-x", staff_id="s001", span=None, kind=AbsenceKind.SICK_LEAVE),
        (),
        InvalidValue,
        "span",
    )
    yield Case(
        "YearArrangement: holiday of another year",
        lambda: YearArrangement(year=2027, holidays=[dt.date(2026, 12, 31)]),
        (),
        InvalidValue,
        "holidays",
    )
    yield Case(
        "YearArrangement: a day both holiday and working",
        lambda: YearArrangement(
            year=2027, holidays=[dt.date(2027, 2, 20)], working_weekend_days=[dt.date(2027, 2, 20)]
        ),
        (),
        InvalidValue,
        "both holiday and working day",
    )
    yield Case(
        "YearArrangement: holidays not dates",
        lambda: YearArrangement(year=2027, holidays=["2027-01-01"]),
        (),
        InvalidValue,
        "holidays",
    )
    yield Case(
        "WorkCalendar: closures not dates",
        lambda: WorkCalendar(closures=["2025-01-01"]),
        (),
        InvalidValue,
        "closures",
    )
    yield Case(
        "Organization: staff not staff",
        lambda: attrs.evolve(OFFICE, staff=(*OFFICE.staff, "s999")),
        (),
        InvalidValue,
        "s999",
    )


# -- 4. Entry points ---------------------------------------------------------------------------
def _office_with_duplicate_staff() -> Callable[[], object]:
    return lambda: attrs.evolve(OFFICE, staff=(*OFFICE.staff, OFFICE.staff[0]))


def _entry_point_cases() -> Iterator[Case]:
    calendar = WorkCalendar()
    yield Case(
        "WorkCalendar.is_working_day: a string",
        calendar.is_working_day,
        ("2025-03-03",),
        WrongType,
        "day",
    )
    yield Case(
        "WorkCalendar.is_working_day: a datetime",
        calendar.is_working_day,
        (MOMENT,),
        WrongType,
        "day",
    )
    yield Case(
        "WorkCalendar.is_working_day: a year not covered",
        calendar.is_working_day,
        (dt.date(1900, 1, 1),),
        CalendarYearNotCovered,
        "1900",
    )
    yield Case(
        "WorkCalendar.add_working_days: count a string",
        calendar.add_working_days,
        (DAY, "5"),
        WrongType,
        "count",
    )
    yield Case(
        "WorkCalendar.add_working_days: count a bool",
        calendar.add_working_days,
        (DAY, True),
        WrongType,
        "count",
    )
    yield Case(
        "WorkCalendar.working_days_between: end a string",
        calendar.working_days_between,
        (DAY, "2025-04-01"),
        WrongType,
        "end",
    )
    yield Case(
        "WorkCalendar.working_days: start None",
        calendar.working_days,
        (None, DAY),
        WrongType,
        "start",
    )
    yield Case(
        "WorkCalendar.period: a string",
        WorkCalendar.period,
        ("2025-03-03", Granularity.WEEK),
        WrongType,
        "day",
    )
    yield Case(
        "WorkCalendar.quarter_range: quarter 5",
        WorkCalendar.quarter_range,
        (2025, 5),
        InvalidValue,
        "quarter",
    )
    yield Case(
        "Organization: the same staff twice",
        _office_with_duplicate_staff(),
        (),
        InvalidInput,
        "s001",
    )
    yield Case("Organization.person: unknown id", OFFICE.person, ("s999",), UnknownEntity, "s999")
    yield Case(
        "Organization.post: unknown id", OFFICE.post, ("p-nowhere",), UnknownEntity, "p-nowhere"
    )
    yield Case(
        "Organization.room: unknown id", OFFICE.room, ("r-nowhere",), UnknownEntity, "r-nowhere"
    )
    yield Case(
        "Organization.department: unknown id",
        OFFICE.department,
        ("d-nowhere",),
        UnknownEntity,
        "d-nowhere",
    )
    yield Case("check: no office", lambda: check(None), (), InvalidValue, "office")
    yield Case(
        "check: a string among activities",
        lambda acts: check(OFFICE, activities=acts),
        (["not an activity"],),
        InvalidInput,
        "not an activity",
    )
    yield Case(
        "check: policy a dict",
        lambda policy: check(OFFICE, policy=policy),
        ({"disabled": ["SCH1"]},),
        InvalidValue,
        "policy",
    )
    yield Case(
        "check: calendar a string",
        lambda: check(OFFICE, calendar="2025"),
        (),
        InvalidValue,
        "calendar",
    )
    yield Case(
        "check: unknown engine", lambda: check(OFFICE, engine="fast"), (), InvalidValue, "fast"
    )
    stranger = _activity(participants=("s999",))
    yield Case(
        "check: an activity with an unknown person",
        lambda acts: check(OFFICE, activities=acts),
        ([stranger],),
        InvalidInput,
        "s999",
    )
    yield Case(
        "SchedulingPolicy: unknown rule disabled",
        lambda: SchedulingPolicy(disabled=frozenset({"SCH99"})),
        (),
        UnknownEntity,
        "SCH99",
    )
    yield Case(
        "SchedulingPolicy: unknown parameter",
        lambda: SchedulingPolicy(overrides={"SCHED-COORD-TRIPS": {"weeks": 3}}),
        (),
        UnknownEntity,
        "weeks",
    )
    yield Case("schedule: no office", lambda: schedule(None, []), (), WrongType, "office")
    yield Case(
        "schedule: requests a string", lambda: schedule(OFFICE, "r1"), (), WrongType, "requests"
    )
    yield Case(
        "overdue: None among tasks",
        lambda tasks: overdue(tasks, DAY),
        ([OFFICE.tasks[0], None],),
        WrongType,
        "tasks[1]",
    )
    yield Case(
        "overdue: day a string",
        lambda: overdue(OFFICE.tasks, "2025-03-03"),
        (),
        WrongType,
        "2025-03-03",
    )
    yield Case(
        "start_document: unknown flow",
        lambda: start_document(
            id="doc",
            title="通知",
            flow="sideways",
            department_id="d-office",
            responsible_id="s001",
            on=DAY,
            calendar=calendar,
        ),
        (),
        InvalidValue,
        "sideways",
    )
    yield Case(
        "start_document: empty title",
        lambda: start_document(
            id="doc",
            title="",
            flow="sending",
            department_id="d-office",
            responsible_id="s001",
            on=DAY,
            calendar=calendar,
        ),
        (),
        InvalidValue,
        "title",
    )
    yield Case(
        "start_meeting: held before it is prepared",
        lambda: start_meeting(
            id="m",
            title="会议",
            department_id="d-office",
            organiser_id="s001",
            on=DAY,
            held_on=DAY,
            calendar=calendar,
        ),
        (),
        InvalidValue,
        "m",
    )


# -- 5. Every boundary-checked entry point, given None for its arguments ----------------------
def _boundary_functions() -> list[Callable[..., object]]:
    from jiguan_core import agenda, assessment, development, scheduling, work

    names = {
        agenda: ("agenda", "agenda_lines", "is_important"),
        assessment: (
            "assess_quarter",
            "assess_year",
            "award_eligibility",
            "consequences",
            "excellent_publicity",
            "honour_counts",
            "leave_from_absences",
            "person_year_facts",
            "routine_timetable",
            "sanction_periods",
        ),
        development: (
            "apply_moves",
            "assess_leave",
            "away_days",
            "check_assignment",
            "check_avoidance",
            "coverage",
            "due_for_rotation",
            "handover_deadline",
            "needs_secondary",
            "plan_rotation",
            "relative_pairs",
            "responsible_on",
            "rotation_status",
            "suggest_secondary",
            "validate_ab_roles",
            "validate_secondary",
        ),
        scheduling: ("expand", "expand_all", "replan", "schedule"),
        work: (
            "diff_tasks",
            "first_topic_findings",
            "reference_statistics",
            "render_statistics",
            "statistics",
            "work_meeting_agenda",
        ),
    }
    return [getattr(module, name) for module, group in names.items() for name in group]


def _boundary_cases() -> Iterator[Case]:
    """``f(None, None, ...)``: a WrongType naming the first argument that may not be None."""
    import inspect
    import typing

    for fn in _boundary_functions():
        signature = inspect.signature(fn)
        hints = typing.get_type_hints(fn)
        args: list[Any] = []
        kwargs: dict[str, Any] = {}
        culprit = None
        for name, parameter in signature.parameters.items():
            if parameter.default is not inspect.Parameter.empty or parameter.kind in (
                inspect.Parameter.VAR_POSITIONAL,
                inspect.Parameter.VAR_KEYWORD,
            ):
                continue
            if parameter.kind is inspect.Parameter.KEYWORD_ONLY:
                kwargs[name] = None
            else:
                args.append(None)
            if culprit is None and type(None) not in typing.get_args(hints.get(name)):
                culprit = name
        assert culprit is not None, fn.__name__
        yield Case(
            f"{fn.__module__.split('.')[1]}.{fn.__name__}: None for {culprit}",
            lambda fn=fn, args=tuple(args), kwargs=kwargs: fn(*args, **kwargs),
            (),
            WrongType,
            culprit,
        )


# -- 6. The command line -----------------------------------------------------------------------
@attrs.frozen
class CliCase:
    id: str
    args: tuple[str, ...]
    data: Any  # the workspace file's content (None: no file written)
    culprit: str


def _cli_cases() -> Iterator[CliCase]:
    ws = WORKSPACE_DATA
    yield CliCase("missing file", ("check", "{dir}/nowhere.json"), None, "nowhere.json")
    yield CliCase("not JSON", ("check", "{file}"), '{"office": [', "line 1")
    yield CliCase("an array", ("check", "{file}"), [], "$")
    yield CliCase(
        "bad enum",
        ("check", "{file}"),
        _changed(ws, ("office", "staff", 0, "level"), "boss"),
        "$.office.staff[0].level",
    )
    yield CliCase(
        "naive time",
        ("plan", "{file}"),
        _changed(ws, ("office", "activities", 0, "span", "start"), "2025-01-14T09:00:00"),
        "$.office.activities[0].span.start",
    )
    yield CliCase(
        "assess without its section",
        ("assess", "{file}"),
        _changed(ws, ("assessment",), DELETE),
        "$.assessment",
    )
    yield CliCase(
        "coverage without its section",
        ("coverage", "{file}"),
        _changed(ws, ("coverage",), DELETE),
        "$.coverage",
    )
    yield CliCase(
        "rotation without its section",
        ("rotation", "{file}"),
        _changed(ws, ("rotation",), DELETE),
        "$.rotation",
    )
    yield CliCase(
        "stats without its section",
        ("stats", "{file}", "--since", "2025-01-01"),
        _changed(ws, ("statistics",), DELETE),
        "$.statistics",
    )
    yield CliCase(
        "plan without its section", ("plan", "{file}"), _changed(ws, ("plan",), DELETE), "$.plan"
    )
    yield CliCase(
        "stats since after as_of", ("stats", "{file}", "--since", "2030-01-01"), ws, "2030-01-01"
    )
    yield CliCase("ics unknown person", ("ics", "{file}", "--person", "s999"), ws, "s999")
    yield CliCase("ics unknown leader", ("ics", "{file}", "--leader", "s060"), ws, "s060")
    yield CliCase(
        "unknown request room",
        ("plan", "{file}"),
        _changed(ws, ("plan", "requests", 0, "rooms"), ["r-nowhere"]),
        "$.plan.requests[0].rooms[0]",
    )
    yield CliCase("deep JSON", ("check", "{file}"), "[" * 5000 + "]" * 5000, "nested")
    yield CliCase(
        "lone surrogate",
        ("check", "{file}"),
        _changed(ws, ("office", "name"), "\ud800"),
        "$.office.name",
    )
    yield CliCase(
        "calendar file missing",
        ("check", "{file}", "--calendar", "{dir}/no-cal.json"),
        ws,
        "no-cal.json",
    )
    yield CliCase(
        "calendar file bad", ("check", "{file}", "--calendar", "{cal}"), ws, "--calendar $"
    )
    yield CliCase(
        "coverage end before start",
        ("coverage", "{file}"),
        _changed(ws, ("coverage", "end"), "2025-01-01"),
        "$.coverage",
    )
    yield CliCase("version 2", ("check", "{file}"), _changed(ws, ("version",), 2), "$.version")


CASES = [
    *_office_cases(),
    *_workspace_cases(),
    *_constructor_cases(),
    *_entry_point_cases(),
    *_boundary_cases(),
]
CLI_CASES = list(_cli_cases())


def test_the_catalogue_holds_at_least_120_bad_inputs() -> None:
    """The issue asked for a catalogue of at least 120; ids are unique."""
    ids = [c.id for c in CASES] + [c.id for c in CLI_CASES]
    assert len(ids) >= 120
    assert len(set(ids)) == len(ids)


@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_a_bad_input_raises_a_clear_error_and_changes_nothing(case: Case) -> None:
    """The expected JiguanError subtype, naming the culprit; the inputs are left as they were."""
    before = copy.deepcopy(case.inputs)
    with pytest.raises(JiguanError) as caught:
        case.call(*case.inputs)
    error = caught.value
    assert isinstance(error, case.error), f"{type(error).__name__}: {error}"
    text = f"{error}\n{error.render('zh')}"
    assert case.culprit in text
    assert case.inputs == before


@pytest.mark.parametrize("case", CLI_CASES, ids=[c.id for c in CLI_CASES])
def test_a_bad_file_on_the_command_line_exits_2_naming_the_culprit(
    case: CliCase, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Exit status 2, nothing on stdout, the culprit on stderr, no traceback; the file is left
    as it was."""
    from jiguan_core.__main__ import main

    path = tmp_path / "ws.json"
    calendar = tmp_path / "cal.json"
    calendar.write_text(json.dumps({"arrangements": [{"year": "2027"}]}), encoding="utf-8")
    if case.data is not None:
        text = case.data if isinstance(case.data, str) else json.dumps(case.data)
        path.write_text(text, encoding="utf-8")
    before = path.read_bytes() if path.exists() else None
    args = [a.format(file=path, dir=tmp_path, cal=calendar) for a in case.args]
    code = main([*args, "--lang", "en"])
    out, err = capsys.readouterr()
    assert code == 2, err
    assert out == ""
    assert "Traceback" not in err
    assert case.culprit in err
    assert (path.read_bytes() if path.exists() else None) == before
