"""Importing the packages that extras install, with a clear error naming the extra.

The core (``import jiguan_core``) needs attrs, cattrs, pendulum, chinesecalendar, dateutil and
networkx only. Every edge that needs more imports it through :func:`require`, so a missing
package is a :class:`~jiguan_core.errors.MissingExtra` that names the extra to install, never a
bare ``ModuleNotFoundError`` from deep inside.
"""

from __future__ import annotations

import importlib
from types import ModuleType

from jiguan_core.errors import MissingExtra

__all__ = ["EXTRAS", "require"]

#: module -> (extra, distribution): which extra installs which importable module.
EXTRAS: dict[str, tuple[str, str]] = {
    "jsonschema": ("cli", "jsonschema"),
    "rich.box": ("cli", "rich"),
    "rich.console": ("cli", "rich"),
    "rich.progress": ("cli", "rich"),
    "rich.table": ("cli", "rich"),
    "shtab": ("cli", "shtab"),
    "icalendar": ("ics", "icalendar"),
    "hypothesis": ("testing", "hypothesis"),
    "durable": ("durable", "durable-rules"),
    "dask": ("dask", "dask"),
    "dask.bag": ("dask", "dask"),
    "distributed": ("dask", "distributed"),
    "ortools.sat.python.cp_model": ("solver", "ortools"),
    "docx": ("office", "python-docx"),
    "docx.enum.section": ("office", "python-docx"),
    "docx.enum.text": ("office", "python-docx"),
    "docx.oxml": ("office", "python-docx"),
    "docx.oxml.ns": ("office", "python-docx"),
    "docx.shared": ("office", "python-docx"),
    "openpyxl": ("office", "openpyxl"),
    "openpyxl.styles": ("office", "openpyxl"),
    "openpyxl.utils": ("office", "openpyxl"),
}


def require(module: str, *, feature: str, feature_zh: str) -> ModuleType:
    """``import module``, or raise :class:`MissingExtra` naming the extra that installs it.

    ``feature`` (and ``feature_zh``) say in the message what needs the module, e.g.
    "iCalendar export" / "iCalendar 导出".
    """
    extra, package = EXTRAS[module]
    try:
        return importlib.import_module(module)
    except ImportError as error:
        if error.name is not None and not module.startswith(error.name.split(".")[0]):
            raise  # the extra is there but one of *its* imports failed: not ours to explain
        raise MissingExtra(
            extra=extra, package=package, feature=feature, feature_zh=feature_zh
        ) from error
