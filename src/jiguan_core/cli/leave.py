"""``jiguan leave WORKSPACE --year YEAR [--format text|json]``: everyone's annual leave in the
year (LEAVE-L1 to L4): due, carried over, taken (working half days of the office's annual-leave
absences, on the 调休 calendar) and left. Reads the workspace's optional ``leave`` section (who
started working when, days carried over) and its one policy (LEAVE-* parameters, rules switched off). Exit status 1
when someone has taken more than is due."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING, Literal

from jiguan_core.cli.options import add_format
from jiguan_core.cli.outcome import EXIT_ACTION, EXIT_OK, Outcome, as_problems, pick
from jiguan_core.cli.render import columns, table, to_json_text
from jiguan_core.errors import InvalidInput, JiguanError
from jiguan_core.text import Lang

if TYPE_CHECKING:
    from jiguan_core.cli.interchange import Workspace
    from jiguan_core.cli.registry import Edge

__all__ = ["add_arguments", "from_args", "run_leave"]

Format = Literal["text", "json"]


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--year", type=int, required=True, metavar="YEAR", help="the year / 年度")
    add_format(parser)


def from_args(ws: Workspace, args: argparse.Namespace, edge: Edge) -> Outcome:
    return run_leave(ws, year=args.year, lang=args.lang, fmt=args.format)


def run_leave(ws: Workspace, *, year: int, lang: Lang = "zh", fmt: Format = "text") -> Outcome:
    """Annual leave balances of ``year``; 1 when someone is over."""
    from jiguan_core.cli.names import Names
    from jiguan_core.leave import leave_balance

    section = ws.leave
    calendar = ws.work_calendar()
    try:
        balances = [
            leave_balance(
                person,
                year,
                absences=ws.office.absences_of(person.id),
                calendar=calendar,
                work_start=None if section is None else section.work_start.get(person.id),
                carried_over=0.0 if section is None else section.carried_over.get(person.id, 0.0),
                policy=ws.policy,
            )
            for person in ws.office.staff
        ]
    except JiguanError as error:
        raise InvalidInput(as_problems(error, "$.leave")) from error
    over = [b for b in balances if b.left < 0]
    code = EXIT_ACTION if over else EXIT_OK
    if fmt == "json":
        data = {
            "command": "leave",
            "year": year,
            "balances": [
                {
                    "staff_id": b.staff_id,
                    "years_of_work": b.years_of_work,
                    "entitled": b.entitled,
                    "carried_over": b.carried_over,
                    "taken": b.taken,
                    "left": b.left,
                    "excluded": None if b.excluded is None else b.excluded.en,
                }
                for b in balances
            ],
        }
        return Outcome(exit_code=code, text=to_json_text(data))
    names = Names.of(ws.office)
    headers = columns(
        lang, "人员|工龄|应休|结转|已休|剩余|说明", "person|years|due|carried|taken|left|note"
    )
    rows = [
        [
            names.person(b.staff_id),
            b.years_of_work,
            f"{b.entitled:g}",
            f"{b.carried_over:g}",
            f"{b.taken:g}",
            f"{b.left:g}",
            "" if b.excluded is None else b.excluded.render(lang),
        ]
        for b in balances
    ]
    head = pick(lang, f"{year}年年休假", f"Annual leave {year}")
    return Outcome(exit_code=code, text=head + "\n" + table(headers, rows) + "\n")
