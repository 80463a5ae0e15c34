"""Rendering for the command line: aligned text tables (Chinese characters count double) and
deterministic JSON. Pure: returns strings, prints nothing."""

from __future__ import annotations

import json
import unicodedata
from collections.abc import Sequence
from typing import Any

from jiguan_core.errors import Problem
from jiguan_core.text import Lang

__all__ = ["display_width", "problems_text", "table", "to_json_text"]


def display_width(text: str) -> int:
    """Columns ``text`` takes in a terminal: wide (CJK) characters take two."""
    return sum(2 if unicodedata.east_asian_width(ch) in ("W", "F") else 1 for ch in text)


def _pad(text: str, width: int) -> str:
    return text + " " * (width - display_width(text))


def table(headers: Sequence[str], rows: Sequence[Sequence[object]]) -> str:
    """A plain-text table: a header, a rule, one line per row; ``None`` shows as ``-``.

    Columns are as wide as their widest cell; the last column is not padded.
    """
    cells = [[str(h) for h in headers]] + [
        ["-" if value is None else str(value) for value in row] for row in rows
    ]
    count = len(headers)
    for row in cells:
        if len(row) != count:
            raise ValueError(f"a row has {len(row)} cells, the header {count}")
    widths = [max(display_width(row[i]) for row in cells) for i in range(count)]

    def line(row: Sequence[str]) -> str:
        parts = [_pad(cell, widths[i]) for i, cell in enumerate(row[:-1])]
        return "  ".join([*parts, row[-1]]).rstrip()

    rule = "  ".join("-" * w for w in widths)
    return "\n".join([line(cells[0]), rule, *(line(row) for row in cells[1:])])


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
