"""The activity list as one self-contained printable HTML page: no network, no script, print
CSS for A4 landscape (a week fits one page), the work plan's milestones due in the period
(年度工作要点节点) under the list, the per-leader schedule and any SVG pictures on the following
page(s)."""

from __future__ import annotations

import math
from collections.abc import Sequence
from html import escape

import attrs

from jiguan_core.activity_list import HEADINGS, ActivityList, ListDay, ListRow
from jiguan_core.calendar import Granularity
from jiguan_core.outputs._common import (
    MILESTONE_HEADINGS,
    OfficeStyle,
    milestone_cells,
    milestones_title,
)
from jiguan_core.text import Lang, display_width

__all__ = ["MIN_BODY_SIZE", "list_html", "week_body_size"]

#: The smallest body size (pt) a week is shrunk to so that it fits one page (小六 is 6.5 pt).
MIN_BODY_SIZE = 7.0
_PT_PER_MM = 72 / 25.4


def _fonts(names: Sequence[str]) -> str:
    return ", ".join(f'"{n}"' for n in names) + ", serif"


def _css(style: OfficeStyle) -> str:
    widths = style.column_shares
    total = sum(widths)
    cols = "\n".join(f"col.c{i} {{ width: {100 * w / total:.2f}%; }}" for i, w in enumerate(widths))
    return f"""
@page {{ size: A4 landscape; margin: {style.margin_top}mm {style.margin_right}mm
  {style.margin_bottom}mm {style.margin_left}mm; }}
html {{ -webkit-print-color-adjust: exact; print-color-adjust: exact; }}
body {{ font-family: {_fonts(style.body_fonts)}; font-size: {style.body_size}pt; margin: 0;
  color: #000; }}
h1 {{ font-family: {_fonts(style.title_fonts)}; font-size: {style.title_size:.1f}pt;
  font-weight: normal; text-align: center; margin: 0 0 2mm; }}
p.sub {{ text-align: center; margin: 0 0 3mm; }}
table {{ width: 100%; border-collapse: collapse; table-layout: fixed; }}
th, td {{ border: 0.5pt solid #000; padding: 0.4mm 1.2mm; vertical-align: top;
  overflow-wrap: anywhere; line-height: 1.2; }}
th {{ font-weight: bold; text-align: center; background: #eee; }}
thead {{ display: table-header-group; }}
tr {{ break-inside: avoid; }}
tr.day td {{ background: #f4f4f4; font-weight: bold; }}
tr.day.holiday td {{ background: #fde2e2; }}
tr.day.swapped_working td, tr.day.closure td {{ background: #fff1cc; }}
tr.empty td {{ color: #666; text-align: center; }}
tr.cancelled td {{ text-decoration: line-through; color: #888; }}
span.mark {{ color: #b00; font-weight: bold; }}
section.page {{ break-before: page; }}
section.page table td {{ font-size: 9pt; }}
figure {{ margin: 3mm 0; break-inside: avoid; }}
figure svg {{ max-width: 100%; height: auto; }}
ul.changes {{ margin: 2mm 0; padding-left: 5mm; }}
{cols}
"""


def _row_html(row: ListRow, listed: ActivityList, lang: Lang) -> str:
    cells = list(row.cells(listed.max_names, lang))
    mark = row.mark_text(lang)
    content = escape(row.title)
    if mark:
        content = f'<span class="mark">【{escape(mark)}】</span>{content}'
    shown = [escape(c) for c in cells]
    shown[2] = content
    classes = "act cancelled" if row.cancelled else "act"
    tds = "".join(f"<td>{c}</td>" for c in shown)
    return (
        f'<tr class="{classes}" data-activity-id="{escape(row.activity_id)}" '
        f'data-day="{row.day.isoformat()}">{tds}</tr>'
    )


def _day_html(day: ListDay, listed: ActivityList, lang: Lang) -> list[str]:
    out = [
        f'<tr class="day {day.kind.value}" data-day="{day.day.isoformat()}" '
        f'data-day-kind="{day.kind.value}"><td colspan="6">{escape(day.label(lang))}</td></tr>'
    ]
    if not day.rows:
        none = "无安排" if lang == "zh" else "nothing planned"
        out.append(f'<tr class="empty"><td colspan="6">{none}</td></tr>')
    out.extend(_row_html(row, listed, lang) for row in day.rows)
    return out


def _milestones_html(listed: ActivityList, lang: Lang, cols: str) -> list[str]:
    """年度工作要点节点: a heading with the count and a table in the list's column widths, one
    row per milestone by target, each marked with its ids and target day."""
    head = "".join(f"<th>{escape(h.render(lang))}</th>" for h in MILESTONE_HEADINGS)
    out = [
        f'<h2 style="font-size:11pt">{escape(milestones_title(listed, lang))}</h2>',
        f'<table class="milestones"><colgroup>{cols}</colgroup><thead><tr>{head}</tr></thead>'
        "<tbody>",
    ]
    for row in listed.milestones:
        tds = "".join(f"<td>{escape(c)}</td>" for c in milestone_cells(row, lang))
        out.append(
            f'<tr class="milestone" data-milestone-id="{escape(row.milestone_id)}" '
            f'data-item-id="{escape(row.item_id)}" data-target="{row.target.isoformat()}">'
            f"{tds}</tr>"
        )
    out.append("</tbody></table>")
    return out


def _schedule_html(listed: ActivityList, lang: Lang) -> list[str]:
    schedule = listed.leader_schedule()
    title = "领导活动安排表" if lang == "zh" else "Leaders' schedule"
    who = "领导" if lang == "zh" else "Leader"
    out = [
        '<section class="page schedule">',
        f"<h1>{escape(listed.period_label(lang))}{escape(title)}</h1>",
        '<table class="schedule"><thead><tr>',
        f'<th style="width:8%">{who}</th>',
    ]
    out.extend(f"<th>{escape(day.label(lang))}</th>" for day in schedule.days)
    out.append("</tr></thead><tbody>")
    for leader in schedule.leaders:
        cells = []
        for cell in leader.days:
            items = "<br>".join(
                f"{row.start:%H:%M} {escape(row.title)}（{escape(row.place)}）"
                if row.place
                else f"{row.start:%H:%M} {escape(row.title)}"
                for row in cell
            )
            cells.append(f"<td>{items}</td>")
        out.append(
            f'<tr data-leader-id="{escape(leader.leader_id)}"><th>{escape(leader.name)}</th>'
            + "".join(cells)
            + "</tr>"
        )
    out.append("</tbody></table></section>")
    return out


def _estimated_height(listed: ActivityList, style: OfficeStyle, size: float, lang: Lang) -> float:
    """The list's printed height in points at body ``size``, from each cell's text width
    (a Chinese character is one em, a Latin one half) over its column's width; generous."""
    width = (297 - style.margin_left - style.margin_right) * _PT_PER_MM
    total = sum(style.column_shares)
    inner = [width * share / total - 2.6 * _PT_PER_MM for share in style.column_shares]
    line = 1.2 * size
    pad = 0.8 * _PT_PER_MM + 0.5

    def lines(text: str, column: int) -> int:
        return max(1, math.ceil(display_width(text) * size / 2 * 1.05 / inner[column]))

    height = style.title_size * 1.3 + 2 * _PT_PER_MM  # h1
    height += line + 3 * _PT_PER_MM  # subtitle
    height += line * max(lines(h.render(lang), i) for i, h in enumerate(HEADINGS)) + pad
    for day in listed.days:
        height += line + pad
        if not day.rows:
            height += line + pad
        for row in day.rows:
            cells = row.cells(listed.max_names, lang)
            height += line * max(lines(c, i) for i, c in enumerate(cells)) + pad
    if listed.milestones:
        height += 11 * 1.2 + line + pad  # h2 and the headings
        for milestone in listed.milestones:
            cells = milestone_cells(milestone, lang)
            height += line * max(lines(c, i) for i, c in enumerate(cells)) + pad
    return height


def week_body_size(listed: ActivityList, style: OfficeStyle, lang: Lang = "zh") -> float:
    """The body size (pt) at which a week's list fits one page: ``style.body_size``, or
    smaller in half points down to :data:`MIN_BODY_SIZE` for a busy week."""
    page = (210 - style.margin_top - style.margin_bottom) * _PT_PER_MM * 0.97
    size = style.body_size
    while size > MIN_BODY_SIZE and _estimated_height(listed, style, size, lang) > page:
        size -= 0.5
    return size


def list_html(
    listed: ActivityList,
    *,
    lang: Lang = "zh",
    style: OfficeStyle | None = None,
    schedule: bool = True,
    pictures: Sequence[str] = (),
) -> str:
    """The list as a complete HTML document (UTF-8 text). ``schedule`` adds the per-leader
    schedule of a week on a page of its own; ``pictures`` are SVG documents shown after it. The list
    itself starts the first page; a week is set small enough to fit on it
    (:func:`week_body_size`)."""
    style = style or OfficeStyle()
    if listed.granularity is Granularity.WEEK:
        style = attrs.evolve(style, body_size=week_body_size(listed, style, lang))
    cols = "".join(f'<col class="c{i}">' for i in range(len(HEADINGS)))
    head = "".join(f"<th>{escape(h.render(lang))}</th>" for h in HEADINGS)
    body: list[str] = []
    for day in listed.days:
        body.extend(_day_html(day, listed, lang))
    parts = [
        "<!DOCTYPE html>",
        f'<html lang="{"zh-CN" if lang == "zh" else "en"}"><head><meta charset="utf-8">',
        f"<title>{escape(listed.title(lang))}</title>",
        f"<style>{_css(style)}</style></head><body>",
        '<section class="list">',
        f"<h1>{escape(listed.title(lang))}</h1>",
        f'<p class="sub">{escape(listed.subtitle(lang))}</p>',
        f'<table class="list"><colgroup>{cols}</colgroup><thead><tr>{head}</tr></thead><tbody>',
        *body,
        "</tbody></table>",
    ]
    if listed.milestones:
        parts.extend(_milestones_html(listed, lang, cols))
    if listed.changes:
        names = listed.names()
        heading = "与上一版相比的变化" if lang == "zh" else "Changes since the last edition"
        parts.append(f'<h2 style="font-size:11pt">{heading}</h2><ul class="changes">')
        parts.extend(f"<li>{escape(c.render(lang, names))}</li>" for c in listed.changes)
        parts.append("</ul>")
    parts.append("</section>")
    if schedule and listed.leaders and len(listed.days) <= 7:
        parts.extend(_schedule_html(listed, lang))
    if pictures:
        parts.append('<section class="page pictures">')
        parts.extend(f"<figure>{_inline(svg)}</figure>" for svg in pictures)
        parts.append("</section>")
    parts.append("</body></html>\n")
    return "\n".join(parts)


def _inline(svg: str) -> str:
    """An SVG document without its XML declaration, to sit inside HTML."""
    text = svg.strip()
    if text.startswith("<?xml"):
        text = text[text.index("?>") + 2 :].lstrip()
    return text
