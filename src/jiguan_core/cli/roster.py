"""``jiguan roster WORKSPACE --from DATE --to DATE [--format text|json|xlsx]``: the holiday
duty roster of the period (DUTY-Y1), from the office's staff, absences and activities and the
workspace's optional ``duty`` section and its one policy (DUTY-* overrides); ``xlsx`` (the
``office`` extra) is written to ``--out``. Exit status 1 when a day could not be filled."""

from __future__ import annotations

import datetime as dt
from typing import Literal

from jiguan_core.cli.commands import EXIT_ACTION, EXIT_OK, Outcome, as_problems
from jiguan_core.cli.interchange import Workspace
from jiguan_core.cli.render import table, to_json_text
from jiguan_core.errors import InvalidInput, InvalidValue, JiguanError, Problem
from jiguan_core.text import Lang

__all__ = ["run_roster"]

Format = Literal["text", "json", "xlsx"]


def run_roster(
    ws: Workspace, *, start: dt.date, last: dt.date, lang: Lang = "zh", fmt: Format = "text"
) -> Outcome:
    """The roster of ``start`` .. ``last`` (both included); 1 when a day is short."""
    from jiguan_core.calendar import DateRange
    from jiguan_core.duty import DutyGroup, duty_roster
    from jiguan_core.rule import RuleArea

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
            overrides=ws.overrides(RuleArea.DUTY),
        )
    except (InvalidValue, JiguanError) as error:
        raise InvalidInput(as_problems(error, "$.duty")) from error
    code = EXIT_OK if roster.is_complete else EXIT_ACTION
    if fmt == "json":
        return Outcome(exit_code=code, text=to_json_text({"command": "roster", **roster.to_data()}))
    names = {s.id: s.name for s in ws.office.staff}
    if fmt == "xlsx":
        from jiguan_core.outputs.roster_xlsx import roster_xlsx

        return Outcome(exit_code=code, text="", data=roster_xlsx(roster, names=names, lang=lang))
    headers = ["日期", "带班领导", "值班人员"] if lang == "zh" else ["day", "in charge", "on duty"]
    sep = "、" if lang == "zh" else ", "
    rows = [
        [
            str(d.day) + ("*" if d.spring_festival else ""),
            sep.join(names.get(i, i) for i in d.leader_ids) or "—",
            sep.join(names.get(i, i) for i in d.staff_ids) or "—",
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
    lines = [head, table(headers, rows).rstrip("\n"), *counts]
    lines += [issue.render(lang) for issue in roster.issues]
    return Outcome(exit_code=code, text="\n".join(lines) + "\n")
