"""``jiguan roster WORKSPACE --from DATE --to DATE [--format text|json|xlsx]``: the holiday
duty roster of the period (DUTY-Y1), from the office's staff, absences and activities and the
workspace's optional ``duty`` section and its one policy (DUTY-* parameters, rules switched off, levels); ``xlsx`` (the
``office`` extra) is written to ``--out``. Exit status 1 when a day could not be filled."""

from __future__ import annotations

import argparse
import datetime as dt
from typing import TYPE_CHECKING, Literal

from jiguan_core.cli.options import add_format, date_value
from jiguan_core.cli.outcome import EXIT_ACTION, EXIT_OK, Outcome, as_problems, pick
from jiguan_core.cli.render import columns, table, to_json_text
from jiguan_core.errors import InvalidInput, JiguanError, Problem
from jiguan_core.text import Lang

if TYPE_CHECKING:
    from jiguan_core.cli.interchange import Workspace
    from jiguan_core.cli.registry import Edge

__all__ = ["add_arguments", "from_args", "run_roster"]

Format = Literal["text", "json", "xlsx"]


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--from",
        dest="start",
        type=date_value,
        required=True,
        metavar="DATE",
        help="first day of the period / 起始日",
    )
    parser.add_argument(
        "--to",
        dest="last",
        type=date_value,
        required=True,
        metavar="DATE",
        help="last day of the period (included) / 截止日（含）",
    )
    add_format(parser, ("text", "json", "xlsx"), " (xlsx: the office extra, with --out)")


def from_args(ws: Workspace, args: argparse.Namespace, edge: Edge) -> Outcome:
    return run_roster(ws, start=args.start, last=args.last, lang=args.lang, fmt=args.format)


def run_roster(
    ws: Workspace, *, start: dt.date, last: dt.date, lang: Lang = "zh", fmt: Format = "text"
) -> Outcome:
    """The roster of ``start`` .. ``last`` (both included); 1 when a day is short."""
    from jiguan_core.calendar import DateRange
    from jiguan_core.cli.names import Names
    from jiguan_core.duty import DutyGroup, duty_roster

    if last < start:
        raise InvalidInput(
            [
                Problem(
                    "--to",
                    f"--to {last} is before --from {start}",
                    f"--to {last} 早于 --from {start}",
                )
            ]
        )
    section = ws.duty
    try:
        roster = duty_roster(
            ws.office,
            DateRange(start, last + dt.timedelta(days=1)),
            calendar=ws.work_calendar(),
            leader_ids=None if section is None else section.leader_ids,
            staff_ids=None if section is None else section.staff_ids,
            prior=None if section is None else dict(section.prior),
            policy=ws.policy,
        )
    except JiguanError as error:
        raise InvalidInput(as_problems(error, "$.duty")) from error
    code = EXIT_OK if roster.is_complete else EXIT_ACTION
    if fmt == "json":
        return Outcome(exit_code=code, text=to_json_text({"command": "roster", **roster.to_data()}))
    if fmt == "xlsx":
        from jiguan_core.outputs.roster_xlsx import roster_xlsx

        names = {s.id: s.name for s in ws.office.staff}
        return Outcome(exit_code=code, text="", data=roster_xlsx(roster, names=names, lang=lang))
    labels = Names.of(ws.office).staff
    sep = pick(lang, "、", ", ")
    rows = [
        [
            str(d.day) + ("*" if d.spring_festival else ""),
            sep.join(labels.get(i, i) for i in d.leader_ids) or "—",
            sep.join(labels.get(i, i) for i in d.staff_ids) or "—",
        ]
        for d in roster.days
    ]
    festival = any(d.spring_festival for d in roster.days)
    head = (
        f"值班表：{start} 至 {last}，值班日 {len(roster.days)} 天"
        + ("（* 春节）" if festival else "")
        if lang == "zh"
        else f"Duty roster {start} to {last}: {len(roster.days)} duty day(s)"
        + (" (* Spring Festival)" if festival else "")
    )
    counts = []
    for group in DutyGroup:
        values = roster.counts(group).values()
        if values:
            counts.append(
                f"{group.zh}：每人 {min(values)}-{max(values)} 天"
                if lang == "zh"
                else f"{group.en}: {min(values)}-{max(values)} day(s) each"
            )
    lines = [
        head,
        table(columns(lang, "日期|带班领导|值班人员", "day|in charge|on duty"), rows),
        *counts,
    ]
    lines += [issue.render(lang) for issue in roster.issues]
    return Outcome(exit_code=code, text="\n".join(lines) + "\n")
