"""The activity list as an Excel workbook (.xlsx, openpyxl from the ``office`` extra): one sheet
per week, the title and the six headings frozen at the top, column widths that fit Chinese text
(a Chinese character counts two), day rows shaded and marked; the work plan's milestones due in
the period (年度工作要点节点), a week's per-leader schedule and the changes since the last edition
on sheets of their own."""

from __future__ import annotations

import io
from collections.abc import Sequence
from typing import Any

from jiguan_core._optional import require
from jiguan_core.activity_list import HEADINGS, ActivityList
from jiguan_core.outputs._common import (
    MILESTONE_HEADINGS,
    OfficeStyle,
    milestone_cells,
    milestones_title,
    weeks_of,
)
from jiguan_core.text import Lang, display_width

__all__ = ["list_xlsx"]

_FILLS = {"holiday": "FDE2E2", "swapped_working": "FFF1CC", "closure": "FFF1CC"}
#: Widest a column grows (in character units; longer text wraps).
MAX_WIDTH = 48


def _fit(sheet: Any, columns: Sequence[Sequence[str]], utils: Any) -> None:
    for index, values in enumerate(columns, start=1):
        widest = max((display_width(line) for v in values for line in v.split("\n")), default=4)
        sheet.column_dimensions[utils.get_column_letter(index)].width = min(widest + 2, MAX_WIDTH)


def list_xlsx(
    listed: ActivityList, *, lang: Lang = "zh", style: OfficeStyle | None = None
) -> bytes:
    """The list as the bytes of an .xlsx file."""
    openpyxl = require("openpyxl", feature="writing .xlsx", feature_zh="生成 Excel 表格")
    styles = require("openpyxl.styles", feature="writing .xlsx", feature_zh="生成 Excel 表格")
    utils = require("openpyxl.utils", feature="writing .xlsx", feature_zh="生成 Excel 表格")
    style = style or OfficeStyle()
    body_font = styles.Font(name=style.body_fonts[0], size=style.body_size)
    bold = styles.Font(name=style.body_fonts[0], size=style.body_size, bold=True)
    title_font = styles.Font(name=style.title_fonts[0], size=style.title_size * 0.8)
    wrap = styles.Alignment(wrap_text=True, vertical="top")
    fills = {kind: styles.PatternFill("solid", fgColor=colour) for kind, colour in _FILLS.items()}
    plain_fill = styles.PatternFill("solid", fgColor="F2F2F2")
    book = openpyxl.Workbook()
    book.remove(book.active)
    for (year, week), days in weeks_of(listed) or [((0, 0), [])]:
        name = f"{year}-W{week:02d}" if year else "-"
        sheet = book.create_sheet(name)
        sheet.append([listed.title(lang)])
        sheet.append([h.render(lang) for h in HEADINGS])
        sheet["A1"].font = title_font
        for cell in sheet[2]:
            cell.font = bold
        sheet.freeze_panes = "A3"
        columns: list[list[str]] = [[h.render(lang)] for h in HEADINGS]
        for day in days:
            sheet.append([day.label(lang)])
            at = sheet.max_row
            sheet.merge_cells(start_row=at, start_column=1, end_row=at, end_column=len(HEADINGS))
            first = sheet.cell(row=at, column=1)
            first.font = bold
            first.fill = fills.get(day.kind.value, plain_fill)
            for row in day.rows:
                shown = row.cells(listed.max_names, lang)
                sheet.append(list(shown))
                for values, value in zip(columns, shown, strict=True):
                    values.append(value)
        for line in sheet.iter_rows(min_row=3):
            for cell in line:
                if cell.font != bold:
                    cell.font = body_font
                cell.alignment = wrap
        _fit(sheet, columns, utils)
        sheet.print_options.gridLines = True
        sheet.page_setup.orientation = "landscape"
        sheet.page_setup.paperSize = sheet.PAPERSIZE_A4
        sheet.print_title_rows = "2:2"
    if listed.milestones:
        _milestones(book, listed, lang, bold, wrap, title_font, utils)
    if listed.leaders and len(listed.days) <= 7:
        _schedule(book, listed, lang, bold, wrap, utils)
    if listed.changes:
        _changes(book, listed, lang, bold)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def _milestones(
    book: Any, listed: ActivityList, lang: Lang, bold: Any, wrap: Any, title: Any, utils: Any
) -> None:
    """年度工作要点节点 on a sheet of its own, after the weeks: the title with the count, the
    six headings frozen, one row per milestone by target."""
    sheet = book.create_sheet("年度工作要点节点" if lang == "zh" else "milestones")
    sheet.append([milestones_title(listed, lang)])
    sheet["A1"].font = title
    headings = [h.render(lang) for h in MILESTONE_HEADINGS]
    sheet.append(headings)
    for cell in sheet[2]:
        cell.font = bold
    columns: list[list[str]] = [[h] for h in headings]
    for milestone in listed.milestones:
        cells = milestone_cells(milestone, lang)
        sheet.append(list(cells))
        for values, value in zip(columns, cells, strict=True):
            values.append(value)
    for line in sheet.iter_rows(min_row=3):
        for cell in line:
            cell.alignment = wrap
    sheet.freeze_panes = "A3"
    _fit(sheet, columns, utils)
    sheet.page_setup.orientation = "landscape"
    sheet.page_setup.paperSize = sheet.PAPERSIZE_A4
    sheet.print_title_rows = "2:2"


def _schedule(
    book: Any, listed: ActivityList, lang: Lang, bold: Any, wrap: Any, utils: Any
) -> None:
    sheet = book.create_sheet("领导活动安排表" if lang == "zh" else "leaders")
    schedule = listed.leader_schedule()
    sheet.append(["领导" if lang == "zh" else "Leader", *(d.label(lang) for d in schedule.days)])
    for cell in sheet[1]:
        cell.font = bold
    columns: list[list[str]] = [[str(c.value)] for c in sheet[1]]
    for leader in schedule.leaders:
        cells = [leader.name] + [
            "\n".join(f"{r.start:%H:%M} {r.title}" for r in rows) for rows in leader.days
        ]
        sheet.append(cells)
        for values, value in zip(columns, cells, strict=True):
            values.append(value)
    for line in sheet.iter_rows(min_row=2):
        for cell in line:
            cell.alignment = wrap
    sheet.freeze_panes = "B2"
    _fit(sheet, columns, utils)


def _changes(book: Any, listed: ActivityList, lang: Lang, bold: Any) -> None:
    sheet = book.create_sheet("变化" if lang == "zh" else "changes")
    zh = lang == "zh"
    sheet.append(
        ["活动", "内容", "变化", "调整前", "调整后", "涉及人员"]
        if zh
        else ["activity", "title", "change", "before", "after", "affected"]
    )
    for cell in sheet[1]:
        cell.font = bold
    names = listed.names()
    for change in listed.changes:
        details = change.details()
        sheet.append(
            [
                change.activity_id,
                change.title,
                change.kind.label(lang),
                "\n".join(f"{f}: {a}" for f, a, _ in details),
                "\n".join(f"{f}: {b}" for f, _, b in details),
                "、".join(names.get(p, p) for p in change.affected),
            ]
        )
