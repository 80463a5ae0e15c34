"""Renamed :mod:`jiguan_core.cli.listing` (every command's module is named after it; ``list``
is a builtin); kept as a re-export so that old imports keep working."""

from jiguan_core.cli.listing import (
    BINARY_FORMATS,
    FORMATS,
    ListFormat,
    add_arguments,
    from_args,
    list_data,
    run_list,
)

__all__ = [
    "BINARY_FORMATS",
    "FORMATS",
    "ListFormat",
    "add_arguments",
    "from_args",
    "list_data",
    "run_list",
]
