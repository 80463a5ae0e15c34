"""Former home of the development rules: they now live in :mod:`jiguan_core.catalogue.development`."""

from jiguan_core.catalogue.development import (
    AB_ROLES,
    AVOIDANCE,
    CATALOGUE,
    COVERAGE,
    EXEMPTIONS,
    HANDOVER,
    MIN_INTERVAL,
    ROTATION_PLAN,
    SECONDARY_POST,
    TENURE,
    computations,
    rule,
)

__all__ = [
    "AB_ROLES",
    "AVOIDANCE",
    "CATALOGUE",
    "COVERAGE",
    "EXEMPTIONS",
    "HANDOVER",
    "MIN_INTERVAL",
    "ROTATION_PLAN",
    "SECONDARY_POST",
    "TENURE",
    "computations",
    "rule",
]
