"""The command line's name for the workspace format: :mod:`jiguan_core.workspace` re-exported.

The workspace (its classes, reading with every problem's JSON path, writing, the JSON Schema)
lives in :mod:`jiguan_core.workspace`, the public and documented module. The command line reads
and writes files through it; every name this module exported before stays importable from here
(the same objects), so code that imports ``jiguan_core.cli.interchange`` keeps working.
"""

from __future__ import annotations

from jiguan_core.workspace import (
    FORMAT_VERSION,
    POLICY_ALIAS,
    SCHEMA_FILE,
    AssessSection,
    CalendarSection,
    CoverageSection,
    DutySection,
    LeaveSection,
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

__all__ = [
    "FORMAT_VERSION",
    "POLICY_ALIAS",
    "SCHEMA_FILE",
    "AssessSection",
    "CalendarSection",
    "CoverageSection",
    "DutySection",
    "LeaveSection",
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
]
