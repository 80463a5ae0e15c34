"""What a command of ``python -m jiguan_core`` produces, and how the library's errors become the
command line's bad-input problems.

A command is a pure function: a workspace in, an :class:`Outcome` (exit status and the text for
stdout, or the bytes of a binary file) out. Exit statuses: 0 nothing to act on; 1 something to
act on (see each command and docs/cli.md); 2 bad input (raised as
:class:`~jiguan_core.errors.InvalidInput`, rendered by the entry point).
"""

from __future__ import annotations

from collections.abc import Callable

from attrs import frozen

from jiguan_core.errors import CalendarYearNotCovered, InvalidInput, JiguanError, Problem
from jiguan_core.text import Lang

__all__ = [
    "EXIT_ACTION",
    "EXIT_BAD_INPUT",
    "EXIT_OK",
    "Outcome",
    "as_problems",
    "builtin_years_text",
    "guarded",
    "missing_section",
    "pick",
    "year_missing",
]

EXIT_OK = 0
#: check/plan: a hard violation; coverage: a gap; rotation: someone due; see each command.
EXIT_ACTION = 1
EXIT_BAD_INPUT = 2


@frozen(kw_only=True)
class Outcome:
    """What a command produced: its exit status and the text for stdout, or ``data`` (bytes)
    for a binary file (.docx, .xlsx) that the entry point writes to ``--out``."""

    exit_code: int
    text: str
    data: bytes | None = None


def pick(lang: Lang, zh: str, en: str) -> str:
    """``zh`` or ``en``, whichever ``lang`` asks for."""
    return zh if lang == "zh" else en


def as_problems(error: JiguanError, section: str = "$") -> list[Problem]:
    """A library error as problems with JSON paths under ``section`` (e.g. ``$.assessment``)."""
    if isinstance(error, InvalidInput):
        return [
            p
            if p.path.startswith("$")
            else Problem(f"{section}.{p.path}", p.message_en, p.message_zh)
            for p in error.problems
        ]
    field = getattr(error, "field", None)
    path = f"{section}.{field}" if isinstance(field, str) and field else section
    return [Problem(path, error.message_en, error.message_zh)]


def year_missing(error: CalendarYearNotCovered) -> Problem:
    """A year the working-day calendar lacks, said to a file user: where to add it (the
    workspace's ``calendar`` section or ``--calendar FILE``) and in what shape."""
    year = error.year
    covered = builtin_years_text()
    example = (
        f'{{"arrangements": [{{"year": {year}, "holidays": ["{year}-01-01", ...], '
        f'"working_weekend_days": [...]}}]}}'
    )
    return Problem(
        "$.calendar",
        f"the official working-day arrangement (holidays and swapped working days) of {year} is "
        f"not known (the installed calendar data covers {covered}); add it from the State "
        f"Council notice to the workspace's `calendar` section or pass --calendar FILE, e.g. "
        f"{example}",
        f"{year} 年的放假调休安排未知（已安装的日历数据覆盖 {covered}）；请按国务院办公厅通知写入"
        f"工作区的 `calendar` 部分，或用 --calendar FILE 传入，例如 {example}",
    )


def builtin_years_text() -> str:
    """The years the installed working-day calendar covers, as ``first-last``."""
    from jiguan_core.calendar import builtin_years

    first, last = builtin_years()
    return f"{first}-{last}"


def guarded(section: str, run: Callable[[], Outcome]) -> Outcome:
    """``run()``, with every library error turned into :class:`InvalidInput` whose problems sit
    under ``section`` (a missing calendar year at ``$.calendar``, saying what to add)."""
    try:
        return run()
    except CalendarYearNotCovered as error:
        raise InvalidInput([year_missing(error)]) from error
    except JiguanError as error:
        raise InvalidInput(as_problems(error, section)) from error


def missing_section(section: str, command: str, doc: str = "docs/cli.md") -> InvalidInput:
    """The error of a workspace without the ``section`` that ``command`` reads."""
    return InvalidInput(
        [
            Problem(
                f"$.{section}",
                f"the workspace has no {section!r} section, which `{command}` reads; add it "
                f"(see {doc})",
                f"工作区缺少 `{command}` 所需的 {section!r} 部分；请补充（见 {doc}）",
            )
        ]
    )
