"""``jiguan list``: the activity list of a week / month / quarter / year in the office's format
(text, .docx, .xlsx or printable HTML), optionally compared with an earlier edition
(``--since EARLIER_WORKSPACE``). The workspace's work plan (``workplan``) adds the milestones
due in the period, in every format. Pure: a workspace in, an :class:`Outcome` out; the entry point
writes the file.

Exit status: 0, or 1 with ``--since`` when something changed since the earlier edition.
"""

from __future__ import annotations

import argparse
import datetime as dt
from typing import TYPE_CHECKING, Any, Literal

from jiguan_core.cli.options import date_value
from jiguan_core.cli.outcome import EXIT_ACTION, EXIT_OK, Outcome, guarded
from jiguan_core.cli.render import to_json_text
from jiguan_core.text import Lang

if TYPE_CHECKING:
    from jiguan_core.activity_list import ActivityList
    from jiguan_core.calendar import Granularity
    from jiguan_core.cli.interchange import Workspace
    from jiguan_core.cli.registry import Edge

__all__ = ["FORMATS", "ListFormat", "add_arguments", "from_args", "list_data", "run_list"]

ListFormat = Literal["text", "docx", "xlsx", "html"]
#: The formats of ``--format``; docx and xlsx are binary and need ``--out``.
FORMATS: tuple[str, ...] = ("text", "docx", "xlsx", "html")
BINARY_FORMATS = frozenset({"docx", "xlsx"})


#: The periods of ``--period`` (the values of :class:`~jiguan_core.calendar.Granularity`,
#: spelled out so that building the parser imports no calendar).
PERIODS: tuple[str, ...] = ("week", "month", "quarter", "year")


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """The options of ``jiguan list``."""
    parser.add_argument(
        "--period", choices=PERIODS, default="week", help="the period / 期间 (week)"
    )
    parser.add_argument(
        "--on",
        type=date_value,
        required=True,
        metavar="DATE",
        help="a day inside the period / 期间内某日",
    )
    parser.add_argument(
        "--leader", metavar="ID", help="only a leadership member's activities / 仅某领导的活动"
    )
    parser.add_argument(
        "--department", metavar="ID", help="only a department's activities / 仅某部门的活动"
    )
    parser.add_argument(
        "--important", action="store_true", help="only important activities / 仅重要活动"
    )
    parser.add_argument(
        "--format", choices=FORMATS, default="text", help="output format / 输出格式 (text)"
    )
    parser.add_argument(
        "--since",
        metavar="EARLIER_WORKSPACE",
        help="mark what changed since this earlier edition (exit 1 when something did) / "
        "标出与较早版本相比的变化",
    )


def from_args(ws: Workspace, args: argparse.Namespace, edge: Edge) -> Outcome:
    from jiguan_core.calendar import Granularity

    return run_list(
        ws,
        period=Granularity(args.period),
        on=args.on,
        leader_id=args.leader,
        department_id=args.department,
        important_only=args.important,
        fmt=args.format,
        previous=None if args.since is None else edge.read_workspace(args.since),
        lang=args.lang,
        as_json=args.json,
    )


def list_data(listed: ActivityList, lang: Lang = "zh") -> dict[str, Any]:
    """The list as JSON-ready data: days with their kind and rows, and the changes."""
    from jiguan_core.time import format_datetime

    return {
        "command": "list",
        "title": listed.title(lang),
        "granularity": listed.granularity.value,
        "start": listed.period.start.isoformat(),
        "end": listed.period.end.isoformat(),
        "days": [
            {
                "day": day.day.isoformat(),
                "kind": day.kind.value,
                "rows": [
                    {
                        "activity_id": row.activity_id,
                        "start": format_datetime(row.start),
                        "end": format_datetime(row.end),
                        "place": row.place,
                        "title": row.title,
                        "leaders": list(row.leaders),
                        "organiser": row.organiser,
                        "participants": list(row.participants),
                        "changes": [c.value for c in row.changes],
                    }
                    for row in day.rows
                ],
            }
            for day in listed.days
        ],
        "milestones": [
            {
                "milestone_id": row.milestone_id,
                "item_id": row.item_id,
                "target": row.target.isoformat(),
                "title": row.title,
                "owner": row.owner,
                "organiser": row.organiser,
                "done_on": None if row.done_on is None else row.done_on.isoformat(),
            }
            for row in listed.milestones
        ],
        "changes": [change.to_data() for change in listed.changes],
    }


def run_list(
    ws: Workspace,
    *,
    period: Granularity,
    on: dt.date,
    leader_id: str | None = None,
    department_id: str | None = None,
    important_only: bool = False,
    fmt: ListFormat = "text",
    previous: Workspace | None = None,
    lang: Lang = "zh",
    as_json: bool = False,
) -> Outcome:
    """The list as text, JSON, HTML (``Outcome.text``) or .docx/.xlsx (``Outcome.data``)."""
    from jiguan_core.activity_list import activity_list

    def run() -> Outcome:
        listed = activity_list(
            ws.office,
            period,
            on,
            leader_id=leader_id,
            department_id=department_id,
            important_only=important_only,
            previous=None if previous is None else previous.office.activities,
            plan=ws.workplan,
        )
        code = EXIT_ACTION if listed.changes else EXIT_OK
        if as_json:
            return Outcome(exit_code=code, text=to_json_text(list_data(listed, lang)))
        if fmt == "html":
            from jiguan_core.outputs import list_html, list_pictures

            pictures = list_pictures(
                ws.office, listed, policy=ws.scheduling_policy, lang=lang, leader_id=leader_id
            )
            return Outcome(exit_code=code, text=list_html(listed, lang=lang, pictures=pictures))
        if fmt == "docx":
            from jiguan_core.outputs import list_docx

            return Outcome(exit_code=code, text="", data=list_docx(listed, lang=lang))
        if fmt == "xlsx":
            from jiguan_core.outputs import list_xlsx

            return Outcome(exit_code=code, text="", data=list_xlsx(listed, lang=lang))
        return Outcome(exit_code=code, text="\n".join(listed.lines(lang)) + "\n")

    return guarded("$", run)
