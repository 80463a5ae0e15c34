"""The work area's rule catalogue: documents (D1-D5), the task list, meetings and learning.

Every number the work area uses is a :class:`~jiguan_core.rule.Parameter` of one of these rules,
with its default documented here; callers override them by name through ``Rule.resolve``.
D5 says the regulation sets no day counts, so every stage deadline below is a local default
(marked [N]-like in the docs): change it to the office's own rules.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from types import MappingProxyType
from typing import Any

from jiguan_core._validation import boundary
from jiguan_core.errors import UnknownEntity
from jiguan_core.patterns import Condition, SingleFact
from jiguan_core.rule import Parameter, Rule, Severity
from jiguan_core.text import Text

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


def _days(name: str, default: int, zh: str, en: str) -> Parameter:
    return Parameter(
        name=name,
        default=default,
        description=Text(zh, en),
        minimum=0,
        maximum=250,
    )


# WORK-D1 to D3 are computed (DocumentWorkflow.advance / amend): a condition on the order of a
# document's history of stages, refused at the transition.
REVIEW_BEFORE_SIGNING = Rule(
    id="WORK-D1",
    statement=Text(
        "发文须经起草、审核（办公室）后方可签发；未经审核不得签发",
        "an outgoing document is drafted, reviewed by the general office, then signed; "
        "no signing without review",
    ),
    sources=("D1", "ARTICLE-DOCS"),
    level=Severity.HARD,
)

SIGNER_RECHECK = Rule(
    id="WORK-D2",
    statement=Text(
        "签发后依次复核、登记、印制、核发；签发后需作实质性修改的，退回原签批人",
        "after signing: re-check, register, print, dispatch; a substantive change after "
        "signing returns the document to its signer",
    ),
    sources=("D2",),
    level=Severity.HARD,
)

SENDING_ORDER = SIGNER_RECHECK  # the order of the sending stages is part of D2 / D1

RECEIVING_ORDER = Rule(
    id="WORK-D3",
    statement=Text(
        "收文依次签收、登记、初审、承办、传阅、催办、答复，不得跳过",
        "an incoming document is received, registered, pre-checked, handled, circulated, "
        "chased and answered, in this order, none skipped",
    ),
    sources=("D3", "ARTICLE-DOCS"),
    level=Severity.HARD,
)

DOCUMENT_URGENT = Rule(
    id="WORK-D4",
    statement=Text(
        "紧急收文须明确办理时限并指定催办人；重要收文须指定催办人",
        "an urgent incoming document states a deadline and names a chaser; an important one "
        "names a chaser",
    ),
    sources=("D4",),
    level=Severity.HARD,
    # One fact per document started (table ``incoming_document``): incoming, urgent, important,
    # has_reply_deadline and has_chaser as 0/1.
    patterns=(
        SingleFact(
            id="WORK-D4#deadline",
            table="incoming_document",
            conditions=(
                Condition("incoming", "==", 1),
                Condition("urgent", "==", 1),
                Condition("has_reply_deadline", "==", 0),
            ),
            description=Text(
                "紧急收文未明确办理时限", "an urgent incoming document without a deadline"
            ),
        ),
        SingleFact(
            id="WORK-D4#chaser",
            table="incoming_document",
            conditions=(
                Condition("incoming", "==", 1),
                Condition("urgent", "==", 1),
                Condition("has_chaser", "==", 0),
            ),
            description=Text(
                "紧急收文未指定催办人", "an urgent incoming document without a chaser"
            ),
        ),
        SingleFact(
            id="WORK-D4#chaser-important",
            table="incoming_document",
            conditions=(
                Condition("incoming", "==", 1),
                Condition("important", "==", 1),
                Condition("has_chaser", "==", 0),
            ),
            description=Text(
                "重要收文未指定催办人", "an important incoming document without a chaser"
            ),
        ),
    ),
)

_STAGE_DEFAULTS: tuple[tuple[str, int, str, str], ...] = (
    ("sending_review_days", 2, "发文审核时限", "review of an outgoing document"),
    ("sending_signing_days", 2, "签发时限", "signing"),
    ("sending_recheck_days", 1, "复核时限", "re-check after signing"),
    ("sending_registration_days", 1, "发文登记时限", "registration of an outgoing document"),
    ("sending_printing_days", 2, "印制时限", "printing"),
    ("sending_dispatch_days", 1, "核发时限", "dispatch"),
    ("receiving_receipt_days", 1, "签收时限", "receipt"),
    ("receiving_registration_days", 1, "收文登记时限", "registration of an incoming document"),
    ("receiving_preliminary_review_days", 1, "初审时限", "preliminary review"),
    ("receiving_circulation_days", 3, "传阅时限", "circulation"),
    ("receiving_chasing_days", 2, "催办时限", "chasing"),
    ("receiving_reply_days", 2, "答复时限", "reply"),
)

_KIND_DEFAULTS: tuple[tuple[str, int, str, str], ...] = (
    ("notice_main_days", 3, "通知的起草/承办时限", "drafting or handling a notice"),
    ("request_main_days", 5, "请示的起草/承办时限", "drafting or handling a request"),
    ("report_main_days", 5, "报告的起草/承办时限", "drafting or handling a report"),
    ("letter_main_days", 10, "函的起草/承办时限", "drafting or handling a letter"),
    ("minutes_main_days", 2, "纪要的起草/承办时限", "drafting or handling minutes"),
    ("opinion_main_days", 10, "意见的起草/承办时限", "drafting or handling an opinion"),
)

DOCUMENT_DEADLINES = Rule(
    id="WORK-D5",
    statement=Text(
        "办文各环节时限（工作日）由本机关规定：按文种定起草/承办时限，其余环节按环节定；"
        "加急、特急公文各环节时限不超过规定上限",
        "each document stage has a deadline in working days set by the office: drafting or "
        "handling by document kind, the other stages by stage; urgent documents cap every "
        "stage",
    ),
    sources=("D5", "ARTICLE-DOCS"),
    level=Severity.MEDIUM,
    parameters=(
        *(_days(n, d, zh, en) for n, d, zh, en in _STAGE_DEFAULTS),
        *(_days(n, d, zh, en) for n, d, zh, en in _KIND_DEFAULTS),
        _days("urgent_max_days", 1, "加急公文每环节时限上限", "cap per stage, urgent"),
        _days("very_urgent_max_days", 0, "特急公文每环节时限上限（0＝当日）", "cap, very urgent"),
    ),
    # The deadline is computed when a stage starts (DocumentPolicy.days: by kind, by stage, capped
    # for urgent documents); whether a stage is late on a day is a condition on one document.
    # Declarative: one ``work_item`` fact per document as of a day (kind, open 0/1, days_past_due
    # = as_of minus the due date in calendar days), built in jiguan_core.work.deadlines.
    patterns=(
        SingleFact(
            id="WORK-D5#late",
            table="work_item",
            conditions=(
                Condition("kind", "==", "document"),
                Condition("open", "==", 1),
                Condition("days_past_due", ">", 0),
            ),
            description=Text("公文当前环节已过办理时限", "a document stage open past its deadline"),
        ),
    ),
)

MEETING_DEADLINES = Rule(
    id="WORK-MEETINGS",
    statement=Text(
        "办会分筹备、组织、总结三个环节，每个环节有责任人、时间节点和清单：会前完成筹备，"
        "会后按时印发纪要",
        "a meeting runs through preparation, running and summary, each with a responsible "
        "person, a time node and a checklist: preparation done before the day, minutes on time",
    ),
    sources=("ARTICLE-DOCS",),
    level=Severity.MEDIUM,
    parameters=(
        _days(
            "preparation_lead_days",
            1,
            "会前几个工作日完成筹备",
            "working days before the meeting by which preparation is done",
        ),
        _days(
            "minutes_days",
            3,
            "会后几个工作日内印发纪要（总结）",
            "working days after the meeting by which the summary is done",
        ),
    ),
    # The time nodes are computed from the meeting day (meetings.meeting_due); whether a stage is
    # late on a day is a condition on one meeting. The checklist is enforced by advance().
    # Declarative: one ``work_item`` fact per meeting as of a day (kind, open 0/1, days_past_due
    # = as_of minus the due date in calendar days), built in jiguan_core.work.deadlines.
    patterns=(
        SingleFact(
            id="WORK-MEETINGS#late",
            table="work_item",
            conditions=(
                Condition("kind", "==", "meeting"),
                Condition("open", "==", 1),
                Condition("days_past_due", ">", 0),
            ),
            description=Text("会议当前环节已过时间节点", "a meeting stage open past its time node"),
        ),
    ),
)

TASK_LIST = Rule(
    id="WORK-TASKS",
    statement=Text(
        "工作例会+任务清单：每项任务有责任人和完成时限，逾期和临期任务在例会上通报",
        "work meeting + task list: every task has an owner and a deadline; overdue and "
        "nearly-due tasks are raised at the meeting",
    ),
    sources=("ARTICLE-TASKS",),
    level=Severity.MEDIUM,
    parameters=(
        _days(
            "due_soon_days",
            5,
            "几个工作日内到期算临期",
            "a task due within this many working days is due soon",
        ),
    ),
    # Overdue is a condition on one task. "Due soon" stays computed (tasks.due_within): its
    # horizon is the due_soon_days-th working day after the day, read from the work calendar,
    # which covers only the years it knows; a per-task working-day count could need years the
    # calendar does not cover.
    # Declarative: one ``work_item`` fact per task as of a day (kind, open 0/1, days_past_due
    # = as_of minus the due date in calendar days), built in jiguan_core.work.deadlines.
    patterns=(
        SingleFact(
            id="WORK-TASKS#late",
            table="work_item",
            conditions=(
                Condition("kind", "==", "task"),
                Condition("open", "==", 1),
                Condition("days_past_due", ">", 0),
            ),
            description=Text("任务未完成且已过完成时限", "an open task past its deadline"),
        ),
    ),
)

# Computed (records.first_topic_findings): which instruction is the latest needs every
# instruction issued before the session, not one fact.
FIRST_TOPIC = Rule(
    id="WORK-FIRST-TOPIC",
    statement=Text(
        "第一议题：党组会议、理论学习中心组学习和集中学习的第一项议程是学习中央最新指示精神",
        "first agenda item: every party-group meeting and study session opens with the study of "
        "the latest central instructions",
    ),
    sources=("ARTICLE-LEARN",),
    level=Severity.MEDIUM,
    parameters=(
        _days(
            "grace_days",
            7,
            "新精神下发后几日内尚未学习不算违反（日历日）",
            "calendar days after an instruction is issued during which an older one still counts",
        ),
    ),
)

# Computed (statistics.yu_round): a way of showing a number, not a condition.
YU_ROUNDING = Rule(
    id="WORK-YU",
    statement=Text(
        "统计数字按惯例写作“N余”：保留最高位（有效数字位数可设），不足时写实数；"
        "小于下限的数和指定指标写实数",
        "figures are reported the office's way, 'over N' (N余): kept to the leading digit(s), "
        "exact below a threshold and for metrics reported exactly",
    ),
    sources=("ARTICLE-LEARN",),
    level=Severity.SOFT,
    parameters=(
        Parameter(
            name="significant_digits",
            default=1,
            description=Text("保留的有效数字位数（83→80余）", "digits kept (83 -> over 80)"),
            minimum=1,
            maximum=6,
        ),
        Parameter(
            name="exact_below",
            default=10,
            description=Text("小于此数写实数（9→9）", "figures below this are exact (9 -> 9)"),
            minimum=0,
            maximum=1_000_000,
        ),
    ),
)

#: Every rule of the work area, by id.
WORK_RULES: MappingProxyType[str, Rule] = MappingProxyType(
    {
        rule.id: rule
        for rule in (
            REVIEW_BEFORE_SIGNING,
            SIGNER_RECHECK,
            RECEIVING_ORDER,
            DOCUMENT_URGENT,
            DOCUMENT_DEADLINES,
            MEETING_DEADLINES,
            TASK_LIST,
            FIRST_TOPIC,
            YU_ROUNDING,
        )
    }
)


@boundary
def work_rule(rule_id: str) -> Rule:
    """The rule with this id; :class:`UnknownEntity` listing the ids otherwise."""
    found = WORK_RULES.get(rule_id)
    if found is None:
        raise UnknownEntity("work rule", rule_id, hint="one of: " + ", ".join(WORK_RULES))
    return found


def computations() -> Mapping[str, Callable[..., Any]]:
    """The functions that decide each work rule, by rule id (bound by the catalogue)."""
    from jiguan_core.work import documents
    from jiguan_core.work.lateness import late_items
    from jiguan_core.work.records import first_topic_findings
    from jiguan_core.work.statistics import yu_round
    from jiguan_core.work.tasks import overdue

    return {
        "WORK-D1": documents.DocumentWorkflow.advance,
        "WORK-D2": documents.DocumentWorkflow.amend,
        "WORK-D3": documents.DocumentWorkflow.advance,
        "WORK-D4": documents.start_document,
        "WORK-D5": late_items,
        "WORK-MEETINGS": late_items,
        "WORK-TASKS": overdue,
        "WORK-FIRST-TOPIC": first_topic_findings,
        "WORK-YU": yu_round,
    }
