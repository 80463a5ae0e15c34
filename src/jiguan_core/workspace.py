"""The workspace: one document with an office and everything the areas need besides it.

A workspace (:class:`Workspace`) holds the office (an
:class:`~jiguan_core.organization.Organization`), the scheduling policy, and one optional section
per kind of work: the requests to place (``plan``), the assessment records (``assessment``), a
coverage period, a rotation check, learning and activity records (``statistics``), duty rosters,
the work plan, leave and proposals. It is the format the ``jiguan`` command line reads and
``jiguan sample`` writes, and the way an application stores an office with its work in one file.

Reading and writing follow :mod:`json`::

    from jiguan_core import workspace

    ws = workspace.loads(text)              # or workspace.load(open_file)
    text = workspace.dumps(ws)              # or workspace.dump(ws, open_file)
    data = workspace.to_dict(ws)            # the JSON-compatible dict, and back:
    assert workspace.from_dict(data) == ws

Reading reports *every* problem with its JSON path in one
:class:`~jiguan_core.errors.ConversionError`: text that is not JSON, then the JSON Schema
(:func:`schema`, draft 2020-12, generated from the attrs classes and shipped as
``jiguan_core/schemas/workspace.schema.json``), then the values and the ids each section names.
The schema step needs the ``[cli]`` extra (jsonschema); ``load``/``loads``/``from_dict`` raise
:class:`~jiguan_core.errors.MissingExtra` without it. Writing is deterministic: the same workspace
gives the same text. The module reads and writes only the file objects it is given.

The implementation lives in :mod:`jiguan_core.cli.interchange` (for compatibility its names stay
importable there); this module is the public, documented way in.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import IO, Any

from jiguan_core.cli.interchange import (
    FORMAT_VERSION,
    AssessSection,
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
    workspace_schema,
    workspace_to_dict,
)

__all__ = [
    "FORMAT_VERSION",
    "AssessSection",
    "CoverageSection",
    "DutySection",
    "LeaveSection",
    "PlanSection",
    "RotationSection",
    "StatsSection",
    "Workspace",
    "dump",
    "dumps",
    "from_dict",
    "load",
    "loads",
    "schema",
    "to_dict",
]


def loads(text: str, *, schema: Mapping[str, Any] | None = None) -> Workspace:
    """Read a workspace from JSON text.

    Raises :class:`~jiguan_core.errors.ConversionError` listing every problem with its JSON path
    (not JSON, then the schema, then the values and the ids). ``schema`` replaces the generated
    JSON Schema (the command line passes the shipped file).
    """
    return parse_workspace(text, schema=schema)


def load(fp: IO[str], *, schema: Mapping[str, Any] | None = None) -> Workspace:
    """Read a workspace from a text file object the caller opened (as :func:`json.load`)."""
    return loads(fp.read(), schema=schema)


def dumps(workspace: Workspace) -> str:
    """The workspace as JSON text: UTF-8 characters as they are, two-space indent, one trailing
    newline; the same workspace always gives the same text."""
    return dump_workspace(workspace)


def dump(workspace: Workspace, fp: IO[str]) -> None:
    """Write the workspace as JSON text to a text file object the caller opened."""
    fp.write(dumps(workspace))


def to_dict(workspace: Workspace) -> Any:
    """The JSON-compatible dict form of a workspace (what :func:`from_dict` reads back)."""
    return workspace_to_dict(workspace)


def from_dict(data: Any, *, schema: Mapping[str, Any] | None = None) -> Workspace:
    """Read a workspace from its dict form (as :func:`json.loads` gives it), reporting every
    problem as :func:`loads` does."""
    return load_workspace(data, schema=schema)


def schema() -> dict[str, Any]:
    """The workspace's JSON Schema (draft 2020-12), a copy the caller may change."""
    return workspace_schema()
