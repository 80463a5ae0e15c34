"""The proposal area's rules (提案办理): REGULATIONS P1 and P2.

P1 fixes the order of the stages and the supervision (督办) of key proposals; P2 the reply
within three months of assignment (six for hard cases), marked [P] (paraphrased from secondary
sources). The other stage deadlines are local practice, marked [N].
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from types import MappingProxyType
from typing import Any

from jiguan_core.rule import Parameter, Rule, Severity
from jiguan_core.text import Text

__all__ = [
    "PROPOSAL_DEADLINES",
    "PROPOSAL_KEY",
    "PROPOSAL_RULES",
    "PROPOSAL_STAGES",
    "computations",
]


def _p(name: str, default: int, zh: str, en: str, hi: int = 250) -> Parameter:
    return Parameter(name=name, default=default, description=Text(zh, en), minimum=0, maximum=hi)


PROPOSAL_STAGES = Rule(
    id="PROPOSAL-P1",
    statement=Text(
        "提案依次经审查立案、交办、办理、答复、委员反馈、办结，不得跳过；每个环节明确责任单位和责任人；"
        "委员不满意的，退回重新办理",
        "a proposal is filed, assigned, handled, answered, given the proposer's feedback and "
        "concluded, in this order, none skipped; every stage names a responsible unit and "
        "person; an unsatisfied proposer sends it back to be handled again",
    ),
    sources=("P1", "ARTICLE-DOCS"),
    level=Severity.HARD,
)

PROPOSAL_KEY = Rule(
    id="PROPOSAL-P1-KEY",
    statement=Text(
        "重点提案交办时须明确督办领导，办理过程中督办",
        "a key proposal (重点提案) names its supervising leader at assignment and is "
        "supervised (督办) while handled",
    ),
    sources=("P1", "ARTICLE"),
    level=Severity.HARD,
)

PROPOSAL_DEADLINES = Rule(
    id="PROPOSAL-P2",
    statement=Text(
        "承办单位自交办之日起3个月内答复，情况复杂的不超过6个月；其他环节时限（工作日）由本机关规定",
        "the handling unit replies within three months of assignment, hard cases within six; "
        "the other stages have working-day deadlines set by the office",
    ),
    sources=("P2",),
    level=Severity.MEDIUM,
    parameters=(
        _p(
            "filing_days",
            10,
            "[N] 提交后几个工作日内审查立案",
            "[N] working days to file",
        ),
        _p("assignment_days", 10, "[N] 立案后几个工作日内交办", "[N] working days to assign"),
        _p("reply_months", 3, "[P] 交办后几个月内答复", "[P] months from assignment to reply", 12),
        _p(
            "hard_case_months",
            6,
            "[P] 情况复杂的提案答复时限（月）",
            "[P] months to reply to a hard case",
            24,
        ),
        _p(
            "reply_drafting_days",
            10,
            "[N] 办理环节在答复时限前几个工作日完成（留出审签答复时间）",
            "[N] working days before the reply deadline by which handling is done",
        ),
        _p(
            "feedback_days",
            20,
            "[N] 答复后几个工作日内收回委员反馈",
            "[N] working days for feedback",
        ),
        _p("conclusion_days", 5, "[N] 反馈后几个工作日内办结", "[N] working days to conclude"),
        _p(
            "rehandle_days",
            30,
            "[N] 委员不满意退回重办的时限（工作日）",
            "[N] working days to handle again after an unsatisfied feedback",
        ),
    ),
)

#: Every rule of the proposal area, by id.
PROPOSAL_RULES: MappingProxyType[str, Rule] = MappingProxyType(
    {r.id: r for r in (PROPOSAL_STAGES, PROPOSAL_KEY, PROPOSAL_DEADLINES)}
)


def computations() -> Mapping[str, Callable[..., Any]]:
    """The functions that decide each rule of this area, by rule id (bound by the catalogue)."""
    from jiguan_core.proposals.workflow import proposal_late_items, submit_proposal

    return {
        "PROPOSAL-P1": submit_proposal,
        "PROPOSAL-P1-KEY": submit_proposal,
        "PROPOSAL-P2": proposal_late_items,
    }
