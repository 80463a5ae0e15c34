"""Proposal figures (提案办理统计): 立案 count, 办复率, the proposers' satisfied share.

``办复率`` is the share of filed proposals answered by the report day; the satisfied share is
(satisfied + basically satisfied) / proposals with feedback, the way offices report it
("满意和基本满意率"), with the satisfied-only share beside it. Counted over proposals submitted in
``[since, until)`` as they stand on ``until`` (their history up to that day).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from attrs import frozen

from jiguan_core._validation import boundary
from jiguan_core.errors import InvalidValue
from jiguan_core.proposals.workflow import Feedback, ProposalStage, ProposalWorkflow
from jiguan_core.text import Lang
from jiguan_core.work._workflow import EventKind
from jiguan_core.work.statistics import since_text

__all__ = ["ProposalStatistics", "proposal_statistics"]


@frozen(kw_only=True)
class ProposalStatistics:
    since: dt.date
    until: dt.date
    submitted: int
    filed: int
    key: int
    replied: int
    concluded: int
    with_feedback: int
    satisfied: int
    basically_satisfied: int

    @property
    def reply_rate(self) -> float:
        """办复率: replied / filed (0 when nothing is filed)."""
        return self.replied / self.filed if self.filed else 0.0

    @property
    def satisfied_share(self) -> float:
        """满意和基本满意率."""
        if not self.with_feedback:
            return 0.0
        return (self.satisfied + self.basically_satisfied) / self.with_feedback

    def render(self, lang: Lang = "zh") -> str:
        opening = since_text(self.since, lang)
        if lang == "zh":
            return (
                f"{opening}，共收到提案{self.submitted}件，立案{self.filed}件（其中重点提案"
                f"{self.key}件），已办复{self.replied}件，办复率{self.reply_rate:.1%}；"
                f"委员满意和基本满意率{self.satisfied_share:.1%}。"
            )
        return (
            f"{opening}, {self.submitted} proposals received, {self.filed} filed ({self.key} key), "
            f"{self.replied} answered ({self.reply_rate:.1%}); satisfied or basically satisfied: "
            f"{self.satisfied_share:.1%}."
        )


@boundary
def proposal_statistics(
    proposals: Iterable[ProposalWorkflow], *, since: dt.date, until: dt.date
) -> ProposalStatistics:
    """Figures of the proposals submitted in ``[since, until)``, as of ``until``."""
    if until <= since:
        raise InvalidValue(
            f"proposal statistics: until {until} must be after since {since}",
            f"提案统计：截止日 {until} 须晚于起始日 {since}",
            field="until",
            value=until,
        )
    counted = [p for p in proposals if since <= p.submitted_on < until]
    submitted = filed = key = replied = concluded = with_feedback = 0
    satisfied = basically = 0
    for proposal in counted:
        submitted += 1
        done = [e for e in proposal.history if e.kind is EventKind.COMPLETED and e.on < until]
        stages = {e.stage for e in done}
        if ProposalStage.FILING in stages and proposal.is_filed:
            filed += 1
            key += proposal.key
        if ProposalStage.REPLY in stages:
            replied += 1
        if ProposalStage.CONCLUSION in stages:
            concluded += 1
        feedback = [e.note for e in done if e.stage is ProposalStage.FEEDBACK]
        if feedback:
            with_feedback += 1
            last = Feedback(feedback[-1])
            satisfied += last is Feedback.SATISFIED
            basically += last is Feedback.BASICALLY_SATISFIED
    return ProposalStatistics(
        since=since,
        until=until,
        submitted=submitted,
        filed=filed,
        key=key,
        replied=replied,
        concluded=concluded,
        with_feedback=with_feedback,
        satisfied=satisfied,
        basically_satisfied=basically,
    )
