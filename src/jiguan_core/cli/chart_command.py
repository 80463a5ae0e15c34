"""Renamed :mod:`jiguan_core.cli.chart` (every command's module is named after it); kept as a
re-export so that old imports keep working."""

from jiguan_core.cli.chart import KINDS, ChartKind, add_arguments, from_args, run_chart

__all__ = ["KINDS", "ChartKind", "add_arguments", "from_args", "run_chart"]
