"""Former home of the work rules: they now live in :mod:`jiguan_core.catalogue.work`."""

from jiguan_core.catalogue.work import (
    DOCUMENT_DEADLINES,
    DOCUMENT_URGENT,
    FIRST_TOPIC,
    MEETING_DEADLINES,
    RECEIVING_ORDER,
    REVIEW_BEFORE_SIGNING,
    SENDING_ORDER,
    SIGNER_RECHECK,
    TASK_LIST,
    WORK_RULES,
    YU_ROUNDING,
    computations,
    work_rule,
)

__all__ = [
    "DOCUMENT_DEADLINES",
    "DOCUMENT_URGENT",
    "FIRST_TOPIC",
    "MEETING_DEADLINES",
    "RECEIVING_ORDER",
    "REVIEW_BEFORE_SIGNING",
    "SENDING_ORDER",
    "SIGNER_RECHECK",
    "TASK_LIST",
    "WORK_RULES",
    "YU_ROUNDING",
    "computations",
    "work_rule",
]
