"""Document workflows: stages in order, D1 review before signing, D2 return to the signer,
D4 urgent incoming documents, D5 deadlines in working days."""

from __future__ import annotations

import datetime as dt

import pytest

from jiguan_core.calendar import WorkCalendar
from jiguan_core.errors import CalendarYearNotCovered, InvalidValue, JiguanError
from jiguan_core.work.documents import (
    RECEIVING_STAGES,
    SENDING_STAGES,
    DocumentFlow,
    DocumentKind,
    DocumentPolicy,
    DocumentStage,
    DocumentWorkflow,
    Urgency,
    start_document,
)
from jiguan_core.work.errors import (
    DocumentRuleViolation,
    OutOfOrderTransition,
    SigningWithoutReview,
    WorkflowError,
    WorkflowFinished,
)

CAL = WorkCalendar()
DAY = dt.date(2025, 9, 1)  # a Monday
S = DocumentStage


def _sending(**kw: object) -> DocumentWorkflow:
    values: dict[str, object] = {
        "id": "doc1",
        "title": "关于开展调研的通知",
        "flow": DocumentFlow.SENDING,
        "department_id": "d-office",
        "responsible_id": "drafter",
        "on": DAY,
        "calendar": CAL,
    }
    values.update(kw)
    return start_document(**values)  # type: ignore[arg-type]


def _signed() -> DocumentWorkflow:
    doc = _sending()
    doc = doc.advance(S.DRAFTING, on=DAY, by="drafter", to="reviewer", calendar=CAL)
    doc = doc.advance(S.REVIEW, on=DAY, by="reviewer", to="signer", calendar=CAL)
    return doc.advance(S.SIGNING, on=DAY, by="signer", to="clerk", calendar=CAL)


def test_an_outgoing_document_runs_all_seven_stages_in_order() -> None:
    """Completing each stage in turn finishes the document with a full history."""
    doc = _sending()
    for index, stage in enumerate(SENDING_STAGES):
        last = index + 1 == len(SENDING_STAGES)
        doc = doc.advance(
            stage, on=DAY, by=f"p{index}", to=None if last else f"p{index + 1}", calendar=CAL
        )
    assert doc.is_finished
    assert doc.completed_stages == SENDING_STAGES
    assert doc.signer_id == "p2"
    assert len(doc.history) == 1 + 2 * len(SENDING_STAGES) - 1


def test_the_first_stage_has_its_responsible_person_and_deadline() -> None:
    """A notice is drafted within notice_main_days working days."""
    doc = _sending()
    assert doc.stage is S.DRAFTING
    assert doc.responsible_id == "drafter"
    assert doc.due == CAL.add_working_days(DAY, 3)


def test_a_stage_out_of_order_is_refused_and_names_whose_turn_it_is() -> None:
    """Printing cannot be done while the document is being drafted."""
    doc = _sending()
    with pytest.raises(OutOfOrderTransition) as caught:
        doc.advance(S.PRINTING, on=DAY, by="x", to="y", calendar=CAL)
    assert "drafter" in str(caught.value)
    assert "起草" in caught.value.render("zh")
    assert caught.value.workflow_id == "doc1"


def test_signing_without_review_is_refused_under_d1() -> None:
    """D1: the signer cannot sign a draft the general office has not reviewed."""
    doc = _sending().advance(S.DRAFTING, on=DAY, by="drafter", to="reviewer", calendar=CAL)
    with pytest.raises(SigningWithoutReview) as caught:
        doc.advance(S.SIGNING, on=DAY, by="signer", to="clerk", calendar=CAL)
    assert caught.value.rule_id == "WORK-D1"


def test_a_refused_transition_leaves_the_workflow_unchanged() -> None:
    """Immutable values: the refused call changes nothing."""
    doc = _sending()
    before = (doc.stage, doc.history, doc.due)
    with pytest.raises(WorkflowError):
        doc.advance(S.DISPATCH, on=DAY, by="x", calendar=CAL)
    assert (doc.stage, doc.history, doc.due) == before


def test_each_transition_returns_a_new_value_and_keeps_the_old_one() -> None:
    """The old state is still at drafting after the new one moved on."""
    doc = _sending()
    moved = doc.advance(S.DRAFTING, on=DAY, by="drafter", to="reviewer", calendar=CAL)
    assert doc.stage is S.DRAFTING
    assert moved.stage is S.REVIEW
    assert moved.history[: len(doc.history)] == doc.history


def test_a_substantive_change_after_signing_returns_to_the_signer() -> None:
    """D2: back to 签发, with the original signer responsible and a fresh deadline."""
    doc = _signed()
    assert doc.stage is S.RECHECK
    later = DAY + dt.timedelta(days=1)
    returned = doc.amend(on=later, by="clerk", substantive=True, note="改动经费数额", calendar=CAL)
    assert returned.stage is S.SIGNING
    assert returned.responsible_id == "signer"
    assert returned.due == CAL.add_working_days(later, 2)
    assert [e.kind.value for e in returned.history[-3:]] == ["amended", "returned", "started"]


def test_a_wording_change_after_signing_is_only_recorded() -> None:
    """A non-substantive change keeps the stage."""
    doc = _signed()
    amended = doc.amend(on=DAY, by="clerk", substantive=False, calendar=CAL)
    assert amended.stage is S.RECHECK
    assert len(amended.history) == len(doc.history) + 1


def test_a_dispatched_document_cannot_be_amended() -> None:
    """After 核发 a new document is needed."""
    doc = _signed()
    for stage in SENDING_STAGES[3:]:
        doc = doc.advance(stage, on=DAY, by="clerk", to="clerk", calendar=CAL)
    with pytest.raises(WorkflowFinished):
        doc.amend(on=DAY, by="clerk", substantive=True, calendar=CAL)
    with pytest.raises(WorkflowFinished):
        doc.advance(S.DISPATCH, on=DAY, by="clerk", calendar=CAL)


def test_an_urgent_incoming_document_needs_a_deadline_and_a_chaser() -> None:
    """D4: both are named in the error."""
    with pytest.raises(DocumentRuleViolation) as caught:
        _sending(flow=DocumentFlow.RECEIVING, urgency=Urgency.URGENT)
    assert "reply_deadline" in str(caught.value)
    assert "chaser_id" in str(caught.value)
    assert caught.value.rule_id == "WORK-D4"


def test_an_important_incoming_document_needs_a_chaser() -> None:
    """D4: urgent or important documents have a named chaser."""
    with pytest.raises(DocumentRuleViolation):
        _sending(flow=DocumentFlow.RECEIVING, important=True)


def test_a_reply_deadline_before_the_start_is_refused() -> None:
    """A deadline before the start names the field."""
    with pytest.raises(InvalidValue) as caught:
        _sending(
            flow=DocumentFlow.RECEIVING,
            urgency=Urgency.URGENT,
            chaser_id="chaser",
            reply_deadline=DAY - dt.timedelta(days=1),
        )
    assert caught.value.field == "reply_deadline"


def test_the_named_chaser_takes_the_chasing_stage_and_deadlines_respect_the_reply_date() -> None:
    """An urgent incoming document: every stage due by the reply deadline; 催办 to the chaser."""
    reply = CAL.add_working_days(DAY, 2)
    doc = _sending(
        flow=DocumentFlow.RECEIVING,
        urgency=Urgency.URGENT,
        chaser_id="chaser",
        reply_deadline=reply,
        responsible_id="clerk",
    )
    for stage in RECEIVING_STAGES[:5]:
        doc = doc.advance(
            stage,
            on=DAY,
            by="clerk",
            to="clerk" if stage is not S.CIRCULATION else None,
            calendar=CAL,
        )
        assert doc.due is not None
        assert doc.due <= reply
    assert doc.stage is S.CHASING
    assert doc.responsible_id == "chaser"


def test_an_unknown_stage_is_refused_naming_it() -> None:
    """签收 is not a stage of an outgoing document; 'stamping' is no stage at all."""
    doc = _sending()
    with pytest.raises(InvalidValue) as caught:
        doc.advance("签收", on=DAY, by="x", to="y", calendar=CAL)
    assert "签收" in str(caught.value)
    with pytest.raises(JiguanError):
        doc.advance("stamping", on=DAY, by="x", to="y", calendar=CAL)


def test_stages_are_accepted_by_chinese_term() -> None:
    """'起草' names the drafting stage."""
    doc = _sending().advance("起草", on=DAY, by="drafter", to="reviewer", calendar=CAL)
    assert doc.stage is S.REVIEW


def test_the_next_responsible_person_is_required() -> None:
    """Every stage has a responsible person."""
    with pytest.raises(InvalidValue) as caught:
        _sending().advance(S.DRAFTING, on=DAY, by="drafter", calendar=CAL)
    assert caught.value.field == "to"


def test_a_transition_dated_before_the_last_step_is_refused() -> None:
    """History runs forward in time."""
    with pytest.raises(InvalidValue):
        _sending().advance(S.DRAFTING, on=DAY - dt.timedelta(days=3), by="d", to="r", calendar=CAL)


def test_policy_days_depend_on_kind_and_urgency() -> None:
    """A letter takes 10 working days to draft, 1 when urgent, 0 when very urgent."""
    policy = DocumentPolicy()
    sending, letter = DocumentFlow.SENDING, DocumentKind.LETTER
    assert policy.days(sending, letter, Urgency.NORMAL, S.DRAFTING) == 10
    assert policy.days(sending, letter, Urgency.URGENT, S.DRAFTING) == 1
    assert policy.days(sending, letter, Urgency.VERY_URGENT, S.DRAFTING) == 0
    assert (
        DocumentPolicy.of({"letter_main_days": 7}).days(sending, letter, Urgency.NORMAL, S.DRAFTING)
        == 7
    )


def test_an_unknown_policy_parameter_is_refused() -> None:
    """Overrides are checked against WORK-D5."""
    with pytest.raises(JiguanError):
        DocumentPolicy.of({"fax_days": 3})


def test_a_year_outside_the_builtin_calendar_raises() -> None:
    """2027 has no official arrangement yet: fail loudly, never assume Mon-Fri."""
    with pytest.raises(CalendarYearNotCovered):
        _sending(on=dt.date(2027, 3, 1))


def test_a_bad_kind_is_a_jiguan_error() -> None:
    """No bare TypeError escapes."""
    with pytest.raises(InvalidValue):
        _sending(kind="telegram")


class TestTransitionInput:
    """A transition names a person and a date no earlier than the last step of the history."""

    def test_a_blank_or_padded_person_is_refused(self) -> None:
        doc = _sending()
        for who in ("", " clerk", 7):
            with pytest.raises(InvalidValue, match="must name a person") as caught:
                doc.advance(S.DRAFTING, on=DAY, by=who, to="reviewer", calendar=CAL)  # type: ignore[arg-type]
            assert caught.value.field == "by"

    def test_a_datetime_or_a_day_before_the_history_is_refused(self) -> None:
        doc = _sending()
        with pytest.raises(InvalidValue, match="must be a date"):
            doc.advance(
                S.DRAFTING,
                on=dt.datetime(2025, 9, 2, 9, 0),
                by="drafter",
                to="reviewer",
                calendar=CAL,
            )
        with pytest.raises(InvalidValue, match="time order"):
            doc.advance(
                S.DRAFTING, on=DAY - dt.timedelta(days=1), by="drafter", to="reviewer", calendar=CAL
            )
        same_day = doc.advance(S.DRAFTING, on=DAY, by="drafter", to="reviewer", calendar=CAL)
        assert same_day.stage is S.REVIEW

    def test_a_history_line_refuses_a_kind_that_is_not_an_event_kind(self) -> None:
        from jiguan_core.work._workflow import EventKind, StageEvent

        with pytest.raises(InvalidValue, match="EventKind") as caught:
            StageEvent(kind="started", stage=S.DRAFTING, person_id="p1", on=DAY)  # type: ignore[arg-type]
        assert caught.value.field == "kind"
        line = StageEvent(kind=EventKind.STARTED, stage=S.DRAFTING, person_id="p1", on=DAY)
        assert line.render("en") == "2025-09-01 drafting started p1"
