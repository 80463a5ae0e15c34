"""``jiguan stats FILE --since DATE [--json]``: the learning and activity figures of
``[since, as_of)`` from the workspace's ``statistics`` section. Exit status always 0 (figures
are not violations)."""

from __future__ import annotations

import argparse
import datetime as dt
from typing import TYPE_CHECKING

from jiguan_core.cli.options import date_value
from jiguan_core.cli.outcome import EXIT_OK, Outcome, guarded, missing_section, pick
from jiguan_core.cli.render import columns, table, to_json_text
from jiguan_core.text import Lang

if TYPE_CHECKING:
    from jiguan_core.cli.interchange import Workspace
    from jiguan_core.cli.registry import Edge

__all__ = ["add_arguments", "from_args", "run_stats"]


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--since", type=date_value, required=True, metavar="DATE", help="first day counted / 起始日"
    )


def from_args(ws: Workspace, args: argparse.Namespace, edge: Edge) -> Outcome:
    return run_stats(ws, since=args.since, lang=args.lang, as_json=args.json)


def run_stats(
    ws: Workspace, *, since: dt.date, lang: Lang = "zh", as_json: bool = False
) -> Outcome:
    """The figures of ``[since, as_of)``; always 0 (figures are not violations)."""
    from jiguan_core.errors import InvalidValue
    from jiguan_core.work import RecordBook, render_statistics, statistics

    section = ws.statistics
    if section is None:
        raise missing_section("statistics", "stats")

    def run() -> Outcome:
        if since > section.as_of:
            raise InvalidValue(
                f"--since {since} is after the report day as_of {section.as_of}",
                f"--since {since} 晚于统计截止日 as_of {section.as_of}",
                field="as_of",
                value=section.as_of,
            )
        book = RecordBook.of(section.records, ws.office)
        stats = statistics(book, since, section.as_of)
        if as_json:
            return Outcome(
                exit_code=EXIT_OK, text=to_json_text({"command": "stats", **stats.to_data()})
            )
        head = pick(
            lang,
            f"{since} 以来（截至 {section.as_of}，不含当日）",
            f"since {since} (up to {section.as_of}, exclusive)",
        )
        rows = table(
            columns(lang, "指标|数量", "metric|figure"),
            [[metric.label(lang), value] for metric, value in stats.totals.items()],
        )
        return Outcome(
            exit_code=EXIT_OK,
            text="\n\n".join([head, render_statistics(stats, lang), rows]) + "\n",
        )

    return guarded("$.statistics", run)
