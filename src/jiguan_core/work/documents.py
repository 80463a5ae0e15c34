"""Document workflows (办文): sending 起草→审核→签发→复核→登记→印制→核发 and receiving
签收→登记→初审→承办→传阅→催办→答复 (REGULATIONS D1-D5, ARTICLE-DOCS).

A :class:`DocumentWorkflow` is an immutable value. Each transition (:meth:`~DocumentWorkflow.advance`,
:meth:`~DocumentWorkflow.amend`) returns a new workflow whose ``history`` holds every step; a
refused transition raises a :class:`~jiguan_core.work.errors.WorkflowError` and the original value
is, being immutable, unchanged. Every stage has a responsible person and a deadline in working
days from the day it starts (:class:`DocumentPolicy`, rule WORK-D5).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import Any, ClassVar, TypeVar

import attrs
from attrs import field, frozen
from attrs.validators import optional

from jiguan_core._validation import (
    boundary,
    date_value,
    identifier,
    instance_of,
    members_of,
    optional_date,
    optional_identifier,
    text,
)
from jiguan_core.calendar import WorkCalendar
from jiguan_core.catalogue.work import DOCUMENT_DEADLINES, DOCUMENT_URGENT
from jiguan_core.errors import InvalidValue
from jiguan_core.facts import FactEngine, match_facts
from jiguan_core.patterns import SingleFact
from jiguan_core.policy import Policy
from jiguan_core.rule import ParameterValue
from jiguan_core.text import Lang, TermEnum
from jiguan_core.work._workflow import (
    EventKind,
    StageEvent,
    check_day,
    check_person,
    events,
    hand_on,
    last_day,
    member_of,
    started,
    step,
    working_days_late,
)
from jiguan_core.work.errors import (
    DocumentRuleViolation,
    OutOfOrderTransition,
    SigningWithoutReview,
    WorkflowError,
    WorkflowFinished,
)

__all__ = [
    "RECEIVING_STAGES",
    "SENDING_STAGES",
    "DocumentFlow",
    "DocumentKind",
    "DocumentPolicy",
    "DocumentStage",
    "DocumentWorkflow",
    "Urgency",
    "start_document",
]


class DocumentFlow(TermEnum):
    SENDING = "sending", "发文"
    RECEIVING = "receiving", "收文"


class DocumentStage(TermEnum):
    """The stages of both flows; 登记 (registration) occurs in both."""

    DRAFTING = "drafting", "起草"
    REVIEW = "review", "审核"
    SIGNING = "signing", "签发"
    RECHECK = "recheck", "复核"
    REGISTRATION = "registration", "登记"
    PRINTING = "printing", "印制"
    DISPATCH = "dispatch", "核发"
    RECEIPT = "receipt", "签收"
    PRELIMINARY_REVIEW = "preliminary_review", "初审"
    HANDLING = "handling", "承办"
    CIRCULATION = "circulation", "传阅"
    CHASING = "chasing", "催办"
    REPLY = "reply", "答复"


S = DocumentStage
#: D1, D2: the stages of an outgoing document, in order.
SENDING_STAGES: tuple[DocumentStage, ...] = (
    S.DRAFTING,
    S.REVIEW,
    S.SIGNING,
    S.RECHECK,
    S.REGISTRATION,
    S.PRINTING,
    S.DISPATCH,
)
#: D3: the stages of an incoming document, in order.
RECEIVING_STAGES: tuple[DocumentStage, ...] = (
    S.RECEIPT,
    S.REGISTRATION,
    S.PRELIMINARY_REVIEW,
    S.HANDLING,
    S.CIRCULATION,
    S.CHASING,
    S.REPLY,
)
_ORDER = {DocumentFlow.SENDING: SENDING_STAGES, DocumentFlow.RECEIVING: RECEIVING_STAGES}
#: The stage whose deadline depends on the document kind (the real work).
_MAIN_STAGE = {DocumentFlow.SENDING: S.DRAFTING, DocumentFlow.RECEIVING: S.HANDLING}


class DocumentKind(TermEnum):
    """文种 (a subset of the 15 of DOCS art. 8 that an office handles daily)."""

    NOTICE = "notice", "通知"
    REQUEST = "request", "请示"
    REPORT = "report", "报告"
    LETTER = "letter", "函"
    MINUTES = "minutes", "纪要"
    OPINION = "opinion", "意见"


class Urgency(TermEnum):
    NORMAL = "normal", "普通"
    URGENT = "urgent", "加急"
    VERY_URGENT = "very_urgent", "特急"

    @property
    def is_urgent(self) -> bool:
        return self is not Urgency.NORMAL


@frozen(kw_only=True)
class DocumentPolicy:
    """Stage deadlines in working days (WORK-D5): ``DocumentPolicy.of({"letter_main_days": 7})``."""

    values: Mapping[str, ParameterValue] = field(factory=lambda: DOCUMENT_DEADLINES.resolve())

    @classmethod
    def of(cls, overrides: Mapping[str, Any] | None = None) -> DocumentPolicy:
        return cls(values=DOCUMENT_DEADLINES.resolve(overrides))

    @classmethod
    def from_policy(cls, policy: Policy) -> DocumentPolicy:
        """The document deadlines of the one :class:`~jiguan_core.policy.Policy` (WORK-D5)."""
        return cls.of(policy.overrides.get(DOCUMENT_DEADLINES.id))

    def days(
        self, flow: DocumentFlow, kind: DocumentKind, urgency: Urgency, stage: DocumentStage
    ) -> int:
        """The working days ``stage`` may take for a document of this kind and urgency."""
        if stage not in _ORDER[flow]:
            raise _unknown_stage(stage.value, flow, "policy")
        if stage is _MAIN_STAGE[flow]:
            name = f"{kind.value}_main_days"
        else:
            name = f"{flow.value}_{stage.value}_days"
        days = int(self.values[name])
        if urgency is Urgency.URGENT:
            days = min(days, int(self.values["urgent_max_days"]))
        elif urgency is Urgency.VERY_URGENT:
            days = min(days, int(self.values["very_urgent_max_days"]))
        return days


_DEFAULT_POLICY = DocumentPolicy()


def _unknown_stage(stage: object, flow: DocumentFlow, workflow_id: str) -> InvalidValue:
    names = " → ".join(f"{s.value} ({s.zh})" for s in _ORDER[flow])
    return InvalidValue(
        f"{workflow_id}: {stage!r} is not a stage of an {'outgoing' if flow is DocumentFlow.SENDING else 'incoming'} "
        f"document; its stages are {names}",
        f"{workflow_id}：{stage!r} 不是{flow.zh}的环节；环节依次为 {names}",
        field="stage",
        value=stage,
    )


def _stage_of(value: object, flow: DocumentFlow, workflow_id: str) -> DocumentStage:
    stage: DocumentStage | None = None
    if isinstance(value, DocumentStage):
        stage = value
    elif isinstance(value, str):
        stage = next((s for s in DocumentStage if value in (s.value, s.name, s.zh)), None)
    if stage is None or stage not in _ORDER[flow]:
        raise _unknown_stage(value, flow, workflow_id)
    return stage


@frozen(kw_only=True)
class DocumentWorkflow:
    """One document on its way; ``stage`` is the stage waiting to be done (None: finished).

    Build with :func:`start_document`; change only through the transitions.
    """

    #: The enum of the stages in ``history`` (read back from JSON by the library's converter).
    stage_type: ClassVar[type[TermEnum]] = DocumentStage

    id: str = field(validator=identifier)
    title: str = field(validator=text)
    flow: DocumentFlow = field(validator=member_of(DocumentFlow))
    kind: DocumentKind = field(validator=member_of(DocumentKind))
    urgency: Urgency = field(validator=member_of(Urgency))
    department_id: str = field(validator=identifier)
    started: dt.date = field(validator=date_value)
    stage: DocumentStage | None = field(validator=optional(member_of(DocumentStage)))
    responsible_id: str | None = field(validator=optional_identifier)
    due: dt.date | None = field(validator=optional_date)
    history: tuple[StageEvent, ...] = field(converter=events, validator=members_of(StageEvent))
    signer_id: str | None = field(default=None, validator=optional_identifier)
    important: bool = field(default=False, validator=instance_of(bool))
    reply_deadline: dt.date | None = field(default=None, validator=optional_date)
    chaser_id: str | None = field(default=None, validator=optional_identifier)

    # Reading ------------------------------------------------------------------------------
    @property
    def stages(self) -> tuple[DocumentStage, ...]:
        return _ORDER[self.flow]

    @property
    def is_finished(self) -> bool:
        return self.stage is None

    @property
    def completed_stages(self) -> tuple[DocumentStage, ...]:
        """Stages completed, in the order they were completed (a returned stage twice)."""
        return tuple(
            e.stage
            for e in self.history
            if e.kind is EventKind.COMPLETED and isinstance(e.stage, DocumentStage)
        )

    def is_late(self, as_of: dt.date) -> bool:
        """The current stage is past its deadline on ``as_of``."""
        return self.due is not None and as_of > self.due

    def working_days_late(self, as_of: dt.date, calendar: WorkCalendar) -> int:
        return working_days_late(self.due, as_of, calendar)

    def describe(self, lang: Lang = "zh") -> str:
        if self.stage is None:
            state = "已办结" if lang == "zh" else "finished"
        elif lang == "zh":
            state = f"{self.stage.zh}（{self.responsible_id}，时限 {self.due}）"
        else:
            state = f"{self.stage.en} ({self.responsible_id}, due {self.due})"
        kind = f"{self.flow.label(lang)}·{self.kind.label(lang)}·{self.urgency.label(lang)}"
        return f"{self.id} {self.title} [{kind}] {state}"

    # Transitions --------------------------------------------------------------------------
    def advance(
        self,
        stage: DocumentStage | str,
        *,
        on: dt.date,
        by: str,
        to: str | None = None,
        calendar: WorkCalendar,
        policy: DocumentPolicy | None = None,
    ) -> DocumentWorkflow:
        """Complete ``stage`` (which must be the current one) and hand the next stage to ``to``.

        ``by`` is recorded as given (someone may act for the responsible person); ``to`` may be
        omitted for the last stage and for 催办 (the named chaser takes it). Raises :class:`OutOfOrderTransition` for a stage out of
        turn, :class:`SigningWithoutReview` (D1) for signing before review,
        :class:`WorkflowFinished` after the last stage.
        """
        done = _stage_of(stage, self.flow, self.id)
        if self.stage is None:
            raise WorkflowFinished(
                f"document {self.id} has finished all its stages; it cannot complete {done.en}",
                f"公文 {self.id} 已办结，不能再办理“{done.zh}”",
                workflow_id=self.id,
                rule_id="WORK-D3" if self.flow is DocumentFlow.RECEIVING else "WORK-D2",
            )
        if done is not self.stage:
            self._refuse_out_of_order(done)
        completed = step(self.id, EventKind.COMPLETED, done, on=on, by=by, after=self._last_day())
        order = self.stages
        index = order.index(done)
        signer = completed.person_id if done is S.SIGNING else self.signer_id
        if index + 1 == len(order):
            return hand_on(self, (completed,), None, None, None, signer_id=signer)
        following = order[index + 1]
        if to is None and following is S.CHASING:
            to = self.chaser_id
        if to is None:
            raise InvalidValue(
                f"{self.id}: name the person responsible for the next stage {following.en} "
                f"({following.zh}) with to=...; every stage has a responsible person",
                f"{self.id}：请以 to= 指定下一环节“{following.zh}”的责任人",
                field="to",
                value=to,
            )
        nxt = check_person(to, "to", self.id)
        due = self._due(following, completed.on, calendar, policy)
        start = started(self.id, following, on=completed.on, to=nxt, due=due)
        return hand_on(self, (completed, start), following, nxt, due, signer_id=signer)

    def amend(
        self,
        *,
        on: dt.date,
        by: str,
        substantive: bool,
        note: str = "",
        calendar: WorkCalendar,
        policy: DocumentPolicy | None = None,
    ) -> DocumentWorkflow:
        """Record a change to an outgoing document.

        D2: a substantive change after signing sends the document back to its signer (stage
        签发 again, with a new deadline); a wording change, or any change before signing, is
        only recorded.
        """
        if self.flow is not DocumentFlow.SENDING:
            raise WorkflowError(
                f"document {self.id} is incoming; only an outgoing document is amended",
                f"公文 {self.id} 为收文，只有发文可以修改",
                workflow_id=self.id,
                rule_id="WORK-D2",
            )
        if self.stage is None:
            raise WorkflowFinished(
                f"document {self.id} has been dispatched; issue a new document instead of "
                "amending it",
                f"公文 {self.id} 已核发，不能再修改，请另行发文",
                workflow_id=self.id,
                rule_id="WORK-D2",
            )
        amended = step(
            self.id,
            EventKind.AMENDED,
            self.stage,
            on=on,
            by=by,
            after=self._last_day(),
            note=note or ("substantive" if substantive is True else "wording"),
        )
        if not isinstance(substantive, bool):
            raise InvalidValue(
                f"{self.id}: substantive must be True or False, got {substantive!r}",
                f"{self.id}：substantive 应为 True 或 False",
                field="substantive",
                value=substantive,
            )
        after_signing = self.stages.index(self.stage) > self.stages.index(S.SIGNING)
        if not (substantive and after_signing and self.signer_id is not None):
            return attrs.evolve(self, history=(*self.history, amended))
        signer, day = self.signer_id, amended.on
        due = self._due(S.SIGNING, day, calendar, policy)
        events = (
            amended,
            StageEvent(kind=EventKind.RETURNED, stage=S.SIGNING, person_id=signer, on=day),
            started(self.id, S.SIGNING, on=day, to=signer, due=due),
        )
        return hand_on(self, events, S.SIGNING, signer, due)

    # Helpers ------------------------------------------------------------------------------
    def _last_day(self) -> dt.date:
        return last_day(self.history, self.started)

    def _due(
        self,
        stage: DocumentStage,
        start: dt.date,
        calendar: WorkCalendar,
        policy: DocumentPolicy | None,
    ) -> dt.date:
        days = (policy or _DEFAULT_POLICY).days(self.flow, self.kind, self.urgency, stage)
        due = calendar.add_working_days(start, days)
        if self.reply_deadline is not None and self.reply_deadline < due:
            due = self.reply_deadline
        return due

    def _refuse_out_of_order(self, done: DocumentStage) -> None:
        assert self.stage is not None
        if done is S.SIGNING and S.REVIEW not in self.completed_stages:
            raise SigningWithoutReview(
                f"document {self.id} cannot be signed: it has not been reviewed by the general "
                f"office (it is at {self.stage.en}, with {self.responsible_id}); complete the "
                "review first (D1)",
                f"公文 {self.id} 未经审核，不得签发（当前环节：{self.stage.zh}，"
                f"责任人 {self.responsible_id}）",
                workflow_id=self.id,
                rule_id="WORK-D1",
            )
        raise OutOfOrderTransition(
            f"document {self.id} cannot complete {done.en} ({done.zh}) now: it is at "
            f"{self.stage.en} ({self.stage.zh}), which is {self.responsible_id}'s turn; stages "
            "run in order and none is skipped",
            f"公文 {self.id} 现在不能办理“{done.zh}”：当前环节为“{self.stage.zh}”，"
            f"由 {self.responsible_id} 办理；各环节须依次办理，不得跳过",
            workflow_id=self.id,
            rule_id=self._order_rule(),
        )

    def _order_rule(self) -> str:
        """The rule whose order an out-of-turn stage breaks: D3 for incoming documents; for
        outgoing ones D1 (起草 → 审核 → 签发) before signing, D2 (复核 → 登记 → 印制 → 核发) after."""
        if self.flow is DocumentFlow.RECEIVING:
            return "WORK-D3"
        assert self.stage is not None
        after_signing = SENDING_STAGES.index(self.stage) > SENDING_STAGES.index(S.SIGNING)
        return "WORK-D2" if after_signing else "WORK-D1"


_E = TypeVar("_E", bound=TermEnum)


def _parsed(cls: type[_E], value: object, name: str, workflow_id: str) -> _E:
    """A member of ``cls`` given as a member, its value, name or Chinese term."""
    if isinstance(value, cls):
        return value
    if isinstance(value, str):
        return cls.parse(value)
    raise InvalidValue(
        f"{workflow_id}: {name} must be a {cls.__name__}, got {value!r}",
        f"{workflow_id}：{name} 应为 {cls.__name__}，实际为 {value!r}",
        field=name,
        value=value,
    )


_D4_PATTERNS = tuple(p for p in DOCUMENT_URGENT.patterns if isinstance(p, SingleFact))


@boundary
def start_document(
    *,
    id: str,
    title: str,
    flow: DocumentFlow | str,
    department_id: str,
    responsible_id: str,
    on: dt.date,
    calendar: WorkCalendar,
    kind: DocumentKind | str = DocumentKind.NOTICE,
    urgency: Urgency | str = Urgency.NORMAL,
    important: bool = False,
    reply_deadline: dt.date | None = None,
    chaser_id: str | None = None,
    policy: DocumentPolicy | None = None,
    engine: FactEngine = "python",
) -> DocumentWorkflow:
    """A document at its first stage (起草 or 签收), handed to ``responsible_id`` on ``on``.

    D4: an urgent incoming document needs ``reply_deadline`` and ``chaser_id``; an important
    one needs ``chaser_id`` (decided by WORK-D4's patterns on the ``engine`` chosen,
    ``"python"`` or ``"durable"``). A ``reply_deadline`` before ``on`` is refused.
    """
    flow = _parsed(DocumentFlow, flow, "flow", id)
    kind = _parsed(DocumentKind, kind, "kind", id)
    urgency = _parsed(Urgency, urgency, "urgency", id)
    check_day(on, "on", id, dt.date.min)
    if reply_deadline is not None:
        check_day(reply_deadline, "reply_deadline", id, on)
    if chaser_id is not None:
        check_person(chaser_id, "chaser_id", id)
    # D4 is declarative: its patterns over this document's fact decide what is missing.
    fact = {
        "incoming": int(flow is DocumentFlow.RECEIVING),
        "urgent": int(urgency.is_urgent),
        "important": int(bool(important)),
        "has_reply_deadline": int(reply_deadline is not None),
        "has_chaser": int(chaser_id is not None),
    }
    hits = {pattern_id for pattern_id, _ in match_facts(_D4_PATTERNS, [fact], engine=engine)}
    missing = []
    if "WORK-D4#deadline" in hits:
        missing.append(("reply_deadline", "办理时限"))
    if hits & {"WORK-D4#chaser", "WORK-D4#chaser-important"}:
        missing.append(("chaser_id", "催办人"))
    if missing:
        what = "urgent" if urgency.is_urgent else "important"
        raise DocumentRuleViolation(
            f"incoming document {id} is {what}: it needs "
            + " and ".join(m[0] for m in missing)
            + " (D4: an urgent document states a deadline and names a chaser)",
            f"收文 {id} 为{'紧急' if urgency.is_urgent else '重要'}公文，须明确"
            + "、".join(m[1] for m in missing)
            + "（D4）",
            workflow_id=id,
            rule_id="WORK-D4",
        )
    first = _ORDER[flow][0]
    draft = DocumentWorkflow(
        id=id,
        title=title,
        flow=flow,
        kind=kind,
        urgency=urgency,
        department_id=department_id,
        started=on,
        stage=first,
        responsible_id=check_person(responsible_id, "responsible_id", id),
        due=None,
        history=(),
        important=important,
        reply_deadline=reply_deadline,
        chaser_id=chaser_id,
    )
    due = draft._due(first, on, calendar, policy)
    event = started(id, first, on=on, to=responsible_id, due=due)
    return attrs.evolve(draft, due=due, history=(event,))
