"""The activity list as a Word document (.docx, python-docx from the ``office`` extra): A4
landscape, a 小标宋 title, a 仿宋 body, one table per week with the header row repeated on
every page, day rows shaded and marked; the work plan's milestones due in the period (年度工作要点
节点) in a table after the list; the per-leader schedule of a week on a page of its own.
"""

from __future__ import annotations

import io
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
from jiguan_core.text import Lang

__all__ = ["list_docx"]

_SHADES = {"holiday": "FDE2E2", "swapped_working": "FFF1CC", "closure": "FFF1CC"}


def _east_asian(element: Any, font: str, qn: Any) -> None:
    """Set the East Asian font of a run or style (python-docx only sets the Latin one)."""
    r_pr = element.get_or_add_rPr()
    fonts = r_pr.get_or_add_rFonts()
    fonts.set(qn("w:eastAsia"), font)


def _shade(cell: Any, colour: str, oxml: Any, qn: Any) -> None:
    shading = oxml.OxmlElement("w:shd")
    shading.set(qn("w:val"), "clear")
    shading.set(qn("w:color"), "auto")
    shading.set(qn("w:fill"), colour)
    cell._tc.get_or_add_tcPr().append(shading)


def _repeat_header(row: Any, oxml: Any, qn: Any) -> None:
    header = oxml.OxmlElement("w:tblHeader")
    header.set(qn("w:val"), "true")
    row._tr.get_or_add_trPr().append(header)


def _spanning_cell(table: Any) -> Any:
    """A new row whose one cell spans every column (what ``merge`` makes, without its cost)."""
    row = table.add_row()
    tr = row._tr
    first, *rest = tr.tc_lst
    for tc in rest:
        tr.remove(tc)
    first.grid_span = len(HEADINGS)
    return row.cells[0]


def list_docx(
    listed: ActivityList, *, lang: Lang = "zh", style: OfficeStyle | None = None
) -> bytes:
    """The list as the bytes of a .docx file."""
    docx = require("docx", feature="writing .docx", feature_zh="生成 Word 文档")
    shared = require("docx.shared", feature="writing .docx", feature_zh="生成 Word 文档")
    oxml = require("docx.oxml", feature="writing .docx", feature_zh="生成 Word 文档")
    ns = require("docx.oxml.ns", feature="writing .docx", feature_zh="生成 Word 文档")
    enums = require("docx.enum.section", feature="writing .docx", feature_zh="生成 Word 文档")
    text_enums = require("docx.enum.text", feature="writing .docx", feature_zh="生成 Word 文档")
    qn = ns.qn
    style = style or OfficeStyle()
    document = docx.Document()
    section = document.sections[0]
    section.orientation = enums.WD_ORIENT.LANDSCAPE
    section.page_width, section.page_height = shared.Mm(297), shared.Mm(210)
    section.top_margin = shared.Mm(style.margin_top)
    section.bottom_margin = shared.Mm(style.margin_bottom)
    section.left_margin = shared.Mm(style.margin_left)
    section.right_margin = shared.Mm(style.margin_right)
    normal = document.styles["Normal"]
    normal.font.name = "Times New Roman"
    normal.font.size = shared.Pt(style.body_size)
    _east_asian(normal.element, style.body_fonts[0], qn)
    normal.paragraph_format.space_after = shared.Pt(0)

    def heading(text: str, size: float, font: str) -> None:
        paragraph = document.add_paragraph()
        paragraph.alignment = text_enums.WD_ALIGN_PARAGRAPH.CENTER
        run = paragraph.add_run(text)
        run.font.size = shared.Pt(size)
        _east_asian(run._element, font, qn)

    heading(listed.title(lang), style.title_size, style.title_fonts[0])
    heading(listed.subtitle(lang), style.body_size, style.body_fonts[0])
    usable = 297 - style.margin_left - style.margin_right
    total = sum(style.column_shares)
    widths = [shared.Mm(usable * share / total) for share in style.column_shares]
    several = len(weeks_of(listed)) > 1
    for (year, week), days in weeks_of(listed):
        if several:
            label = f"{year}年第{week}周" if lang == "zh" else f"{year} week {week}"
            heading(label, style.body_size + 1.5, style.title_fonts[0])
        table = document.add_table(rows=1, cols=len(HEADINGS))
        table.style = "Table Grid"
        table.autofit = False
        head = table.rows[0]
        _repeat_header(head, oxml, qn)
        for cell, title, width in zip(head.cells, HEADINGS, widths, strict=True):
            cell.text = title.render(lang)
            cell.width = width
            cell.paragraphs[0].runs[0].font.bold = True
        for column, width in zip(table.columns, widths, strict=True):
            column.width = width
        for day in days:
            merged = _spanning_cell(table)
            merged.text = day.label(lang)
            merged.paragraphs[0].runs[0].font.bold = True
            _shade(merged, _SHADES.get(day.kind.value, "F2F2F2"), oxml, qn)
            for row in day.rows:
                shown = row.cells(listed.max_names, lang)
                # Widths live in the table grid (set from the header row); per-cell widths
                # would triple the time python-docx takes.
                for cell, value in zip(table.add_row().cells, shown, strict=True):
                    cell.text = value
                    if row.cancelled:
                        cell.paragraphs[0].runs[0].font.strike = True
    if listed.milestones:
        heading(milestones_title(listed, lang), style.body_size + 1.5, style.title_fonts[0])
        table = document.add_table(rows=1, cols=len(MILESTONE_HEADINGS))
        table.style = "Table Grid"
        table.autofit = False
        head = table.rows[0]
        _repeat_header(head, oxml, qn)
        for cell, title, width in zip(head.cells, MILESTONE_HEADINGS, widths, strict=True):
            cell.text = title.render(lang)
            cell.width = width
            cell.paragraphs[0].runs[0].font.bold = True
        for column, width in zip(table.columns, widths, strict=True):
            column.width = width
        for milestone in listed.milestones:
            for cell, value in zip(
                table.add_row().cells, milestone_cells(milestone, lang), strict=True
            ):
                cell.text = value
    if listed.changes:
        heading(
            "与上一版相比的变化" if lang == "zh" else "Changes since the last edition",
            style.body_size + 1.5,
            style.title_fonts[0],
        )
        names = listed.names()
        for change in listed.changes:
            document.add_paragraph(change.render(lang, names))
    if listed.leaders and len(listed.days) <= 7:
        _schedule(document, listed, lang, style, heading, text_enums)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def _schedule(
    document: Any, listed: ActivityList, lang: Lang, style: OfficeStyle, heading: Any, te: Any
) -> None:
    document.add_paragraph().add_run().add_break(te.WD_BREAK.PAGE)
    title = "领导活动安排表" if lang == "zh" else "Leaders' schedule"
    heading(listed.period_label(lang) + title, style.title_size, style.title_fonts[0])
    schedule = listed.leader_schedule()
    table = document.add_table(rows=1, cols=1 + len(schedule.days))
    table.style = "Table Grid"
    head = table.rows[0].cells
    head[0].text = "领导" if lang == "zh" else "Leader"
    for cell, day in zip(head[1:], schedule.days, strict=True):
        cell.text = day.label(lang)
    for leader in schedule.leaders:
        cells = table.add_row().cells
        cells[0].text = leader.name
        for cell, rows in zip(cells[1:], leader.days, strict=True):
            cell.text = "\n".join(
                f"{row.start:%H:%M} {row.title}" + (f"（{row.place}）" if row.place else "")
                for row in rows
            )
