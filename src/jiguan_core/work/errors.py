"""Errors of the work area: workflow transitions refused, records that do not fit."""

from __future__ import annotations

from jiguan_core.errors import JiguanError

__all__ = [
    "ChecklistIncomplete",
    "DocumentRuleViolation",
    "OutOfOrderTransition",
    "SigningWithoutReview",
    "WorkflowError",
    "WorkflowFinished",
]


class WorkflowError(JiguanError, ValueError):
    """A transition a document or meeting workflow refuses; the state is left unchanged.

    ``workflow_id`` names the document or meeting, ``rule_id`` the rule it would break.
    """

    def __init__(
        self, message_en: str, message_zh: str, *, workflow_id: str, rule_id: str = ""
    ) -> None:
        super().__init__(message_en, message_zh)
        self.workflow_id = workflow_id
        self.rule_id = rule_id


class OutOfOrderTransition(WorkflowError):
    """A stage completed before its turn (D3 / ARTICLE-DOCS: stages run in order)."""


class SigningWithoutReview(OutOfOrderTransition):
    """D1: a document cannot be signed before the general office has reviewed it."""


class DocumentRuleViolation(WorkflowError):
    """A document that breaks a rule at creation (D4: urgent without deadline or chaser)."""


class ChecklistIncomplete(WorkflowError):
    """A meeting stage left with items of its checklist unticked."""


class WorkflowFinished(WorkflowError):
    """A transition asked of a workflow that has already passed its last stage."""
