"""Proposal handling (提案办理), REGULATIONS P1-P2: the workflow
(:mod:`~jiguan_core.proposals.workflow`) and its figures (:mod:`~jiguan_core.proposals.statistics`)."""

from __future__ import annotations

from jiguan_core.catalogue.proposals import (
    PROPOSAL_DEADLINES,
    PROPOSAL_KEY,
    PROPOSAL_RULES,
    PROPOSAL_STAGES,
)
from jiguan_core.proposals.register import ProposalRecord, replay
from jiguan_core.proposals.statistics import ProposalStatistics, proposal_statistics
from jiguan_core.proposals.workflow import (
    PROPOSAL_ORDER,
    Feedback,
    ProposalStage,
    ProposalStatus,
    ProposalWorkflow,
    Supervision,
    add_months,
    proposal_late_items,
    submit_proposal,
)

__all__ = [
    "PROPOSAL_DEADLINES",
    "PROPOSAL_KEY",
    "PROPOSAL_ORDER",
    "PROPOSAL_RULES",
    "PROPOSAL_STAGES",
    "Feedback",
    "ProposalRecord",
    "ProposalStage",
    "ProposalStatistics",
    "ProposalStatus",
    "ProposalWorkflow",
    "Supervision",
    "add_months",
    "proposal_late_items",
    "proposal_statistics",
    "replay",
    "submit_proposal",
]
