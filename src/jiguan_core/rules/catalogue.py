"""Former home of the scheduling rules: they now live in :mod:`jiguan_core.catalogue.scheduling`."""

from jiguan_core.catalogue.scheduling import (
    CATALOGUE,
    RULES,
    ScheduleRule,
    catalogue_markdown,
    parse_kinds,
    rule,
)

__all__ = [
    "CATALOGUE",
    "RULES",
    "ScheduleRule",
    "catalogue_markdown",
    "parse_kinds",
    "rule",
]
