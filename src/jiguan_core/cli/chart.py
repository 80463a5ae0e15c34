"""``jiguan chart``: a picture of the workspace's office as self-contained SVG — the
leadership members' week (``leaders-week``), the A/B coverage of key posts over the month
(``coverage``), or the year's workload (``workload``, with the busy weeks SCHED-COORD-LOAD finds under the
workspace's scheduling policy). Pure: a workspace in, an :class:`Outcome` (the SVG text) out.

Exit status: always 0 (a picture is not a verdict; ``check`` and ``coverage`` give those).
"""

from __future__ import annotations

import argparse
import datetime as dt
from typing import TYPE_CHECKING, Literal

from jiguan_core.cli.options import date_value
from jiguan_core.cli.outcome import EXIT_OK, Outcome, guarded
from jiguan_core.text import Lang

if TYPE_CHECKING:
    from jiguan_core.cli.interchange import Workspace
    from jiguan_core.cli.registry import Edge

__all__ = ["KINDS", "ChartKind", "add_arguments", "from_args", "run_chart"]

ChartKind = Literal["leaders-week", "coverage", "workload"]
#: The pictures of ``--kind`` and the period each covers around ``--on``.
KINDS: dict[str, str] = {
    "leaders-week": "the week of --on: a panel per leadership member, clashes red",
    "coverage": "the month of --on: key posts × working days, gaps red, fallbacks amber",
    "workload": "the year of --on: activities/away-days per person and month; busy weeks red",
}


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """The options of ``jiguan chart``."""
    parser.add_argument(
        "--kind",
        choices=list(KINDS),
        required=True,
        help="; ".join(f"{k}: {v}" for k, v in KINDS.items()) + " / 图示种类",
    )
    parser.add_argument(
        "--on",
        type=date_value,
        required=True,
        metavar="DATE",
        help="a day inside the period / 期间内某日",
    )
    parser.add_argument("--leader", metavar="ID", help="leaders-week: only this member / 仅该领导")


def from_args(ws: Workspace, args: argparse.Namespace, edge: Edge) -> Outcome:
    return run_chart(ws, kind=args.kind, on=args.on, leader_id=args.leader, lang=args.lang)


def run_chart(
    ws: Workspace,
    *,
    kind: ChartKind,
    on: dt.date,
    leader_id: str | None = None,
    lang: Lang = "zh",
) -> Outcome:
    """The SVG document of the chosen picture."""
    from jiguan_core.calendar import Granularity, WorkCalendar
    from jiguan_core.outputs import svg_charts

    def run() -> Outcome:
        calendar = WorkCalendar()
        if kind == "leaders-week":
            svg = svg_charts.leaders_week_svg(
                ws.office, on, calendar=calendar, lang=lang, leader_id=leader_id
            )
        elif kind == "coverage":
            month = WorkCalendar.period(on, Granularity.MONTH)
            svg = svg_charts.coverage_svg(ws.office, month, calendar=calendar, lang=lang)
        else:
            svg = svg_charts.workload_svg(
                ws.office, on.year, calendar=calendar, policy=ws.scheduling_policy, lang=lang
            )
        return Outcome(exit_code=EXIT_OK, text=svg)

    return guarded("$", run)
