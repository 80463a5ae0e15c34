"""``jiguan proposals WORKSPACE --as-of DATE [--since DATE] [--format text|json]``: the
proposal register's figures (立案, 办复率, 满意和基本满意率) since a day and the proposals late on
``--as-of`` (PROPOSAL-P1, PROPOSAL-P2), from the workspace's ``proposals`` section, under its one
policy (PROPOSAL-P2's deadlines, switched off, its level). Exit status
1 when a proposal is late."""

from __future__ import annotations

import argparse
import datetime as dt
from typing import TYPE_CHECKING, Literal

from jiguan_core.cli.options import add_as_of, add_format, date_value
from jiguan_core.cli.outcome import (
    EXIT_ACTION,
    EXIT_OK,
    Outcome,
    as_problems,
    missing_section,
    pick,
)
from jiguan_core.cli.render import to_json_text
from jiguan_core.errors import InvalidInput, JiguanError
from jiguan_core.text import Lang

if TYPE_CHECKING:
    from jiguan_core.cli.interchange import Workspace
    from jiguan_core.cli.registry import Edge

__all__ = ["add_arguments", "from_args", "run_proposals"]

Format = Literal["text", "json"]


def add_arguments(parser: argparse.ArgumentParser) -> None:
    add_as_of(parser)
    parser.add_argument(
        "--since",
        type=date_value,
        metavar="DATE",
        help="first day counted (default 1 January) / 起始日（默认 1 月 1 日）",
    )
    add_format(parser)


def from_args(ws: Workspace, args: argparse.Namespace, edge: Edge) -> Outcome:
    return run_proposals(ws, as_of=args.as_of, since=args.since, lang=args.lang, fmt=args.format)


def run_proposals(
    ws: Workspace,
    *,
    as_of: dt.date,
    since: dt.date | None = None,
    lang: Lang = "zh",
    fmt: Format = "text",
) -> Outcome:
    """Figures since ``since`` (default 1 January of ``as_of``'s year) up to ``as_of``, and the
    late proposals on ``as_of``."""
    from jiguan_core.cli.names import Names
    from jiguan_core.proposals import proposal_late_items, proposal_statistics, replay

    if ws.proposals is None:
        raise missing_section("proposals", "proposals", "docs/office-work.md")
    calendar = ws.work_calendar()
    flows = []
    for i, record in enumerate(ws.proposals):
        try:
            flows.append(replay(record, calendar, policy=ws.policy))
        except JiguanError as error:
            raise InvalidInput(as_problems(error, f"$.proposals[{i}]")) from error
    start = since if since is not None else dt.date(as_of.year, 1, 1)
    try:
        stats = proposal_statistics(flows, since=start, until=as_of + dt.timedelta(days=1))
    except JiguanError as error:
        raise InvalidInput(as_problems(error, "--since")) from error
    late = proposal_late_items(flows, as_of=as_of, calendar=calendar, policy=ws.policy)
    code = EXIT_ACTION if late else EXIT_OK
    if fmt == "json":
        data = {
            "command": "proposals",
            "since": start.isoformat(),
            "as_of": as_of.isoformat(),
            "submitted": stats.submitted,
            "filed": stats.filed,
            "key": stats.key,
            "replied": stats.replied,
            "reply_rate": round(stats.reply_rate, 4),
            "satisfied_share": round(stats.satisfied_share, 4),
            "late": [
                {
                    "id": item.item_id,
                    "stage": None if item.stage is None else item.stage.value,
                    "responsible_id": item.responsible_id,
                    "due": item.due.isoformat(),
                    "working_days_late": item.working_days_late,
                }
                for item in late
            ],
        }
        return Outcome(exit_code=code, text=to_json_text(data))
    names = Names.of(ws.office)
    who = {**names.departments, **names.staff}
    lines = [stats.render(lang)]
    if late:
        lines.append(pick(lang, "逾期提案：", "Late proposals:"))
        lines += ["  " + item.render(lang, who) for item in late]
    return Outcome(exit_code=code, text="\n".join(lines) + "\n")
