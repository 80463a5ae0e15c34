"""``jiguan ics FILE [--person ID | --department ID | --leader ID] [--week DATE] [--stamp T]``:
the office's activities (optionally one person's, department's or leader's, one week's) as an
iCalendar file for ordinary calendar clients. Exit status always 0."""

from __future__ import annotations

import argparse
import datetime as dt
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from jiguan_core.cli.options import date_value, datetime_value
from jiguan_core.cli.outcome import EXIT_OK, Outcome, guarded
from jiguan_core.text import Lang

if TYPE_CHECKING:
    from jiguan_core.cli.interchange import Workspace
    from jiguan_core.cli.registry import Edge

__all__ = ["add_arguments", "from_args", "run_ics"]


def add_arguments(parser: argparse.ArgumentParser) -> None:
    who = parser.add_mutually_exclusive_group()
    who.add_argument("--person", metavar="ID", help="activities a person attends / 某人参加的活动")
    who.add_argument(
        "--department", metavar="ID", help="activities a department organises / 某部门组织的活动"
    )
    who.add_argument(
        "--leader", metavar="ID", help="activities a leadership member attends / 某领导参加的活动"
    )
    parser.add_argument(
        "--week", type=date_value, metavar="DATE", help="only the week of DATE / 仅该周"
    )
    parser.add_argument(
        "--stamp",
        type=datetime_value,
        metavar="DATETIME",
        help="DTSTAMP of every event, with offset (default: now); fix it for "
        "byte-identical files / 事件时间戳",
    )


def from_args(ws: Workspace, args: argparse.Namespace, edge: Edge) -> Outcome:
    return run_ics(
        ws,
        stamp=args.stamp or edge.now(),
        lang=args.lang,
        person_id=args.person,
        department_id=args.department,
        leader_id=args.leader,
        week=args.week,
    )


def run_ics(
    ws: Workspace,
    *,
    stamp: dt.datetime,
    lang: Lang = "zh",
    person_id: str | None = None,
    department_id: str | None = None,
    leader_id: str | None = None,
    week: dt.date | None = None,
) -> Outcome:
    """The office's activities (filtered) as iCalendar text; always 0."""
    from jiguan_core.agenda import agenda
    from jiguan_core.calendar import Granularity
    from jiguan_core.errors import InvalidInput, Problem
    from jiguan_core.ics import activities_to_ics

    office = ws.office
    known = (
        ("--person", person_id, {s.id for s in office.staff}, "staff member", "人员"),
        ("--department", department_id, {d.id for d in office.departments}, "department", "部门"),
        (
            "--leader",
            leader_id,
            {s.id for s in office.leadership_members},
            "leadership member",
            "领导班子成员",
        ),
    )
    unknown = [
        Problem(
            option,
            f"{value!r} is not a {kind_en} of the office; use one of its ids",
            f"{value!r} 不是本机关的{kind_zh}；请使用已定义的编号",
        )
        for option, value, ids, kind_en, kind_zh in known
        if value is not None and value not in ids
    ]
    if unknown:
        raise InvalidInput(unknown)

    def run() -> Outcome:
        periods = agenda(
            ws.office,
            Granularity.WEEK,
            person_id=person_id,
            department_id=department_id,
            leader_id=leader_id,
        )
        chosen: Iterable[Any] = (
            p for p in periods if week is None or p.period.start <= week < p.period.end
        )
        activities = [a for p in chosen for a in p.activities]
        name = ws.office.name
        return Outcome(
            exit_code=EXIT_OK,
            text=activities_to_ics(activities, as_of=stamp, office=ws.office, name=name, lang=lang),
        )

    return guarded("$", run)
