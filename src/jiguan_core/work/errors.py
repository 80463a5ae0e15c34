"""Errors of the work area: workflow transitions refused, records that do not fit.

Defined in :mod:`jiguan_core.errors` with every other exception; re-exported here.
"""

from __future__ import annotations

from jiguan_core.errors import (
    ChecklistIncomplete,
    DocumentRuleViolation,
    OutOfOrderTransition,
    SigningWithoutReview,
    WorkflowError,
    WorkflowFinished,
)

__all__ = [
    "ChecklistIncomplete",
    "DocumentRuleViolation",
    "OutOfOrderTransition",
    "SigningWithoutReview",
    "WorkflowError",
    "WorkflowFinished",
]
