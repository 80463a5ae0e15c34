"""The commands of ``python -m jiguan_core`` as pure functions, gathered in one place: a
workspace in, an :class:`Outcome` (exit status and the text for stdout) out.

Each command lives in its own module (:mod:`.check`, :mod:`.plan`, :mod:`.assess`,
:mod:`.coverage`, :mod:`.rotation`, :mod:`.stats`, :mod:`.ics`, :mod:`.roster`, :mod:`.leave`,
:mod:`.proposals`, :mod:`.workplan`, :mod:`.listing` for ``list``, :mod:`.chart`); the table of
them is :mod:`.registry`, and what they share is :mod:`.outcome`. This module re-exports their
functions so that ``from jiguan_core.cli.commands import run_check`` keeps working.

Exit statuses: 0 nothing to act on; 1 something to act on (see each command and docs/cli.md);
2 bad input (raised as :class:`~jiguan_core.errors.InvalidInput`, rendered by the entry point).
"""

from __future__ import annotations

from jiguan_core.cli.assess import run_assess
from jiguan_core.cli.chart import run_chart
from jiguan_core.cli.check import run_check
from jiguan_core.cli.coverage import run_coverage
from jiguan_core.cli.ics import run_ics
from jiguan_core.cli.leave import run_leave
from jiguan_core.cli.listing import run_list
from jiguan_core.cli.outcome import (
    EXIT_ACTION,
    EXIT_BAD_INPUT,
    EXIT_OK,
    Outcome,
    as_problems,
    builtin_years_text,
    guarded,
    year_missing,
)
from jiguan_core.cli.plan import run_plan
from jiguan_core.cli.proposals import run_proposals
from jiguan_core.cli.roster import run_roster
from jiguan_core.cli.rotation import run_rotation
from jiguan_core.cli.stats import run_stats
from jiguan_core.cli.workplan import run_workplan

__all__ = [
    "EXIT_ACTION",
    "EXIT_BAD_INPUT",
    "EXIT_OK",
    "Outcome",
    "as_problems",
    "builtin_years_text",
    "guarded",
    "run_assess",
    "run_chart",
    "run_check",
    "run_coverage",
    "run_ics",
    "run_leave",
    "run_list",
    "run_plan",
    "run_proposals",
    "run_roster",
    "run_rotation",
    "run_stats",
    "run_workplan",
    "year_missing",
]
