"""Benchmark: a year's activity list of N = 5,000 activities written to .docx, .xlsx and HTML.

Each writer is compared with writing the same rows with the bare library by hand, measured in
the same run on the same list: python-docx (one table per week, the six cells of each row, no
styling), openpyxl (one sheet per week, rows appended) and, for HTML, the standard library
(escaped cells joined into one table). The ratio says what the office's format costs on top of
the library: page set-up, fonts, merged and shaded day rows, repeated headers, column widths,
the per-leader schedule and change sheets where they apply, and the text of each cell (the
bare baselines are handed the six texts of every row ready-made). Building the list model itself
(names, places, day kinds, on top of the grouping) is reported against
:func:`jiguan_core.agenda.agenda`, which groups the same activities by period.

Run: ``.venv/bin/python benchmarks/bench_outputs.py`` (``--quick`` for N = 500; needs the
``office`` extra).
"""

from __future__ import annotations

import argparse
import datetime as dt
import html
import io
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks._harness import best_of, table
from jiguan_core.activity_list import HEADINGS, ActivityList, activity_list
from jiguan_core.agenda import agenda
from jiguan_core.calendar import Granularity
from jiguan_core.organization import Organization
from jiguan_core.outputs import list_docx, list_html, list_xlsx
from jiguan_core.outputs._common import weeks_of
from jiguan_core.rules import generate_office

YEAR = 2025


def make_office(count: int, seed: int = 11) -> Organization:
    """The rule benchmarks' generated office: 300 staff (a few leadership members) and
    ``count`` activities on the working days of the year, a quarter of them field trips."""
    return generate_office(activities=count, staff=300, seed=seed, year=YEAR)


def _week_rows(listed: ActivityList) -> list[list[tuple[str, ...]]]:
    return [
        [row.cells(listed.max_names) for day in days for row in day.rows]
        for _, days in weeks_of(listed)
    ]


def bare_docx(weeks: list[list[tuple[str, ...]]]) -> bytes:
    import docx

    document = docx.Document()
    for rows in weeks:
        grid = document.add_table(rows=1, cols=len(HEADINGS))
        for cell, heading in zip(grid.rows[0].cells, HEADINGS, strict=True):
            cell.text = heading.zh
        for row in rows:
            for cell, value in zip(grid.add_row().cells, row, strict=True):
                cell.text = value
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def bare_xlsx(weeks: list[list[tuple[str, ...]]]) -> bytes:
    import openpyxl

    book = openpyxl.Workbook()
    book.remove(book.active)
    for n, rows in enumerate(weeks):
        sheet = book.create_sheet(f"W{n + 1:02d}")
        sheet.append([h.zh for h in HEADINGS])
        for row in rows:
            sheet.append(list(row))
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def bare_html(weeks: list[list[tuple[str, ...]]]) -> str:
    head = "".join(f"<th>{h.zh}</th>" for h in HEADINGS)
    parts = ["<!DOCTYPE html><html><body><table>", f"<tr>{head}</tr>"]
    for rows in weeks:
        for row in rows:
            parts.append("<tr>" + "".join(f"<td>{html.escape(c)}</td>" for c in row) + "</tr>")
    parts.append("</table></body></html>")
    return "\n".join(parts)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--quick", action="store_true", help="N = 500, one run")
    args = parser.parse_args()
    count = 500 if args.quick else 5_000
    repeat = 1 if args.quick else 3
    office = make_office(count)
    on = dt.date(YEAR, 6, 1)
    model_s, listed = best_of(lambda: activity_list(office, Granularity.YEAR, on), repeat=repeat)
    agenda_s, _ = best_of(lambda: agenda(office, Granularity.YEAR), repeat=repeat)
    assert len(listed.rows) == count
    weeks = _week_rows(listed)
    rows = []
    for name, ours, bare in (
        ("docx", lambda: list_docx(listed), lambda: bare_docx(weeks)),
        ("xlsx", lambda: list_xlsx(listed), lambda: bare_xlsx(weeks)),
        ("html", lambda: list_html(listed), lambda: bare_html(weeks)),
    ):
        ours_s, written = best_of(ours, repeat=repeat)
        bare_s, _ = best_of(bare, repeat=repeat)
        size = len(written) / 1024
        rows.append([name, ours_s, bare_s, ours_s / bare_s, f"{size:,.0f} KiB"])
    rows.append(["list model", model_s, agenda_s, model_s / agenda_s, f"{len(listed.days)} days"])
    print(
        table(
            f"Writing a year's list: N = {count:,} activities, {len(weeks)} weeks, best of "
            f"{repeat} (seconds; ratio = jiguan_core / bare library, same run, same rows)",
            ["output", "jiguan_core", "bare library", "ratio", "size"],
            rows,
        )
    )


if __name__ == "__main__":
    main()
