"""The duty roster as an Excel workbook (.xlsx, openpyxl from the ``office`` extra): one sheet,
the title and the headings (日期 · 带班领导 · 值班人员) frozen at the top, Spring Festival days
shaded, names instead of ids, then each person's count; the issues on a sheet of their own."""

from __future__ import annotations

import io
from collections.abc import Mapping

from jiguan_core._optional import require
from jiguan_core.duty.roster import DutyGroup, DutyRoster
from jiguan_core.text import Lang, display_width

__all__ = ["roster_xlsx"]

_HEADINGS = {"zh": ("日期", "带班领导", "值班人员"), "en": ("day", "in charge", "on duty")}


def roster_xlsx(
    roster: DutyRoster, *, names: Mapping[str, str] | None = None, lang: Lang = "zh"
) -> bytes:
    """The roster as the bytes of an .xlsx file."""
    openpyxl = require("openpyxl", feature="writing .xlsx", feature_zh="生成 Excel 表格")
    styles = require("openpyxl.styles", feature="writing .xlsx", feature_zh="生成 Excel 表格")
    utils = require("openpyxl.utils", feature="writing .xlsx", feature_zh="生成 Excel 表格")
    shown = names or {}
    sep = "、" if lang == "zh" else ", "
    bold = styles.Font(bold=True)
    festival = styles.PatternFill("solid", fgColor="FDE2E2")
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "值班表" if lang == "zh" else "roster"
    last = roster.end.toordinal() - 1
    title = (
        f"值班表（{roster.start} 至 {roster.end.fromordinal(last)}）"
        if lang == "zh"
        else f"Duty roster {roster.start} to {roster.end.fromordinal(last)}"
    )
    sheet.append([title])
    sheet.append(list(_HEADINGS[lang]))
    for cell in sheet[2]:
        cell.font = bold
    sheet.freeze_panes = "A3"
    widths = [display_width(h) for h in _HEADINGS[lang]]
    for day in roster.days:
        row = [
            day.day.isoformat(),
            sep.join(shown.get(i, i) for i in day.leader_ids),
            sep.join(shown.get(i, i) for i in day.staff_ids),
        ]
        sheet.append(row)
        if day.spring_festival:
            for cell in sheet[sheet.max_row]:
                cell.fill = festival
        widths = [max(w, display_width(v)) for w, v in zip(widths, row, strict=True)]
    for index, width in enumerate(widths, start=1):
        sheet.column_dimensions[utils.get_column_letter(index)].width = min(width + 2, 60)
    counts = book.create_sheet("值班次数" if lang == "zh" else "counts")
    counts.append(["组别", "人员", "天数"] if lang == "zh" else ["group", "person", "days"])
    for group in DutyGroup:
        for person, count in sorted(roster.counts(group).items()):
            counts.append([group.label(lang), shown.get(person, person), count])
    if roster.issues:
        issues = book.create_sheet("问题" if lang == "zh" else "issues")
        for issue in roster.issues:
            issues.append([issue.rule_id, issue.message.render(lang)])
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()
