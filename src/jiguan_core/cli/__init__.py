"""The command line's pure parts: the interchange format (:mod:`.interchange`), one module per
command (listed in :mod:`.registry`; :mod:`.commands` gathers their functions) and their
rendering (:mod:`.render`). The entry point that reads and writes files is
:mod:`jiguan_core.__main__`.

The names below are resolved on first use: ``jiguan --version`` and ``jiguan -h`` import this
package and must not pay for the workspace format or the commands.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from jiguan_core.cli.commands import (
        run_assess,
        run_check,
        run_coverage,
        run_ics,
        run_plan,
        run_rotation,
        run_stats,
    )
    from jiguan_core.cli.interchange import (
        FORMAT_VERSION,
        SCHEMA_FILE,
        AssessSection,
        CoverageSection,
        PlanSection,
        RotationSection,
        StatsSection,
        Workspace,
        dump_workspace,
        load_workspace,
        parse_workspace,
        schema_files,
        schema_problems,
        workspace_converter,
        workspace_schema,
        workspace_to_dict,
    )
    from jiguan_core.cli.outcome import EXIT_ACTION, EXIT_BAD_INPUT, EXIT_OK, Outcome
    from jiguan_core.examples.workspace import sample_workspace

#: Where each public name lives.
_HOMES = {
    **dict.fromkeys(["EXIT_ACTION", "EXIT_BAD_INPUT", "EXIT_OK", "Outcome"], "outcome"),
    **dict.fromkeys(
        [
            "run_assess",
            "run_check",
            "run_coverage",
            "run_ics",
            "run_plan",
            "run_rotation",
            "run_stats",
        ],
        "commands",
    ),
    **dict.fromkeys(
        [
            "FORMAT_VERSION",
            "SCHEMA_FILE",
            "AssessSection",
            "CoverageSection",
            "PlanSection",
            "RotationSection",
            "StatsSection",
            "Workspace",
            "dump_workspace",
            "load_workspace",
            "parse_workspace",
            "schema_files",
            "schema_problems",
            "workspace_converter",
            "workspace_schema",
            "workspace_to_dict",
        ],
        "interchange",
    ),
}

__all__ = [
    "EXIT_ACTION",
    "EXIT_BAD_INPUT",
    "EXIT_OK",
    "FORMAT_VERSION",
    "SCHEMA_FILE",
    "AssessSection",
    "CoverageSection",
    "Outcome",
    "PlanSection",
    "RotationSection",
    "StatsSection",
    "Workspace",
    "dump_workspace",
    "load_workspace",
    "parse_workspace",
    "run_assess",
    "run_check",
    "run_coverage",
    "run_ics",
    "run_plan",
    "run_rotation",
    "run_stats",
    "sample_workspace",
    "schema_files",
    "schema_problems",
    "workspace_converter",
    "workspace_schema",
    "workspace_to_dict",
]


def __getattr__(name: str) -> object:
    if name == "sample_workspace":
        from jiguan_core.examples.workspace import sample_workspace

        return sample_workspace
    home = _HOMES.get(name)
    if home is None:
        raise AttributeError(f"module 'jiguan_core.cli' has no attribute {name!r}")
    value = getattr(importlib.import_module(f"jiguan_core.cli.{home}"), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted({*globals(), *__all__})
