"""Rendering for the command line: text tables that fit the terminal (drawn by rich; Chinese
characters count double), bilingual column headings, scores for JSON and deterministic JSON.
Pure: returns strings, prints nothing. Every command draws its tables with :func:`table`; none
has table or width code of its own.

The width tables must fit in is :data:`TABLE_WIDTH`, a context variable: the command line sets it
to the terminal's width when it writes to a terminal (:func:`table_width`); otherwise it is
``None`` and tables are as wide as their cells (files and pipes get whole values, the same text on
every machine). Rich needs the ``[cli]`` extra.
"""

from __future__ import annotations

import contextlib
import io
import json
import re
import unicodedata
from collections.abc import Iterator, Sequence
from contextvars import ContextVar
from typing import TYPE_CHECKING, Any

from jiguan_core._optional import require
from jiguan_core.errors import Problem
from jiguan_core.text import Lang

if TYPE_CHECKING:
    from jiguan_core.rules.report import Score

__all__ = [
    "TABLE_WIDTH",
    "columns",
    "display_width",
    "problems_text",
    "score_data",
    "table",
    "table_width",
    "to_json_text",
]

#: The width (terminal columns) tables must fit in, or ``None`` for "as wide as the cells".
TABLE_WIDTH: ContextVar[int | None] = ContextVar("TABLE_WIDTH", default=None)
#: Wider than any table is without a limit (rich needs some width to lay out in).
_UNBOUNDED = 10_000


@contextlib.contextmanager
def table_width(width: int | None) -> Iterator[None]:
    """Within the block, :func:`table` fits its tables in ``width`` columns (``None``: no limit)."""
    token = TABLE_WIDTH.set(width)
    try:
        yield
    finally:
        TABLE_WIDTH.reset(token)


def display_width(text: str) -> int:
    """Columns ``text`` takes in a terminal: wide (CJK) characters take two."""
    return sum(2 if unicodedata.east_asian_width(ch) in ("W", "F") else 1 for ch in text)


#: A cell that reads as a number: ``12``, ``-1``, ``82.52``, ``0.5``.
_NUMBER = re.compile(r"[-+]?\d+(\.\d+)?")


def _is_number(value: object) -> bool:
    if isinstance(value, str):
        return _NUMBER.fullmatch(value) is not None
    return isinstance(value, int | float) and not isinstance(value, bool)


def columns(lang: Lang, zh: str, en: str) -> list[str]:
    """Column headings in ``lang``, from ``|``-separated lists in both languages (one line per
    table instead of a list of pairs)."""
    chosen = (zh if lang == "zh" else en).split("|")
    if len(zh.split("|")) != len(en.split("|")):
        raise ValueError(f"{zh!r} and {en!r} name different numbers of columns")
    return chosen


def score_data(score: Score) -> dict[str, object]:
    """A score for JSON with the sign its text shows (``-68hard/-48medium/0soft``: penalties
    are negative, 0 is perfect), and that text itself: :meth:`Score.to_data`."""
    return score.to_data()


def table(
    headers: Sequence[str], rows: Sequence[Sequence[object]], *, width: int | None = None
) -> str:
    """A plain-text table: a header, a rule, one line per row; ``None`` shows as ``-``.

    Columns whose values are all numbers (or text that reads as one, such as ``"82.52"``) are
    right-aligned. The table fits in ``width`` columns
    (default :data:`TABLE_WIDTH`; ``None``: as wide as its widest cells): long cells wrap inside
    their column, at spaces where there are some. No line ends in a space.
    """
    count = len(headers)
    for row in rows:
        if len(row) != count:
            raise ValueError(f"a row has {len(row)} cells, the header {count}")
    rich_box = require("rich.box", feature="tables of the command line", feature_zh="命令行表格")
    rich_console = require("rich.console", feature="tables", feature_zh="命令行表格")
    rich_table = require("rich.table", feature="tables", feature_zh="命令行表格")
    numeric = [
        bool(rows)
        and all(row[i] is None or _is_number(row[i]) for row in rows)
        and any(_is_number(row[i]) for row in rows)
        for i in range(count)
    ]
    limit = width if width is not None else TABLE_WIDTH.get()
    grid = rich_table.Table(
        box=rich_box.Box("    \n    \n -  \n    \n    \n    \n    \n    \n", ascii=True),
        show_edge=False,
        pad_edge=False,
        padding=(0, 1),
        collapse_padding=True,
        expand=False,
        show_lines=False,
        highlight=False,
    )
    for header, right in zip(headers, numeric, strict=True):
        grid.add_column(
            str(header),
            justify="right" if right else "left",
            overflow="fold",
            no_wrap=limit is None,
            header_style="",
        )
    for row in rows:
        grid.add_row(*("-" if value is None else str(value) for value in row))
    buffer = io.StringIO()
    console = rich_console.Console(
        file=buffer,
        width=limit if limit is not None else _UNBOUNDED,
        color_system=None,
        force_terminal=False,
        no_color=True,
        emoji=False,
        markup=False,
        highlight=False,
        soft_wrap=False,
        legacy_windows=False,
    )
    console.print(grid, markup=False)
    lines = [line.rstrip() for line in buffer.getvalue().splitlines()]
    return "\n".join(lines)


def to_json_text(data: Any) -> str:
    """Deterministic JSON: keys sorted, two-space indent, UTF-8 text, a trailing newline."""
    return json.dumps(data, ensure_ascii=False, indent=2, sort_keys=True) + "\n"


def problems_text(problems: Sequence[Problem], lang: Lang = "zh", *, source: str = "") -> str:
    """Every problem on its own line: ``path: message`` (in ``lang``), after a heading."""
    where = f"{source}: " if source else ""
    if lang == "zh":
        head = f"{where}输入有 {len(problems)} 处问题："
    else:
        head = f"{where}{len(problems)} problem(s) in the input:"
    lines = [head]
    for problem in problems:
        message = problem.message_zh if lang == "zh" else problem.message_en
        lines.append(f"  {problem.path}: {message}")
    return "\n".join(lines) + "\n"
