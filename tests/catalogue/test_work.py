"""A verifier test per work-management rule (REGULATIONS §7 and the article's 任务清单 and 学习)."""

from __future__ import annotations

import datetime as dt

import pytest

from jiguan_core.calendar import WorkCalendar
from jiguan_core.catalogue import rule
from jiguan_core.policy import Policy
from jiguan_core.task import Task
from jiguan_core.verifier import verify
from jiguan_core.work.documents import DocumentFlow, DocumentStage, Urgency, start_document
from jiguan_core.work.meetings import start_meeting
from jiguan_core.work.records import (
    AgendaItem,
    CentralInstruction,
    Record,
    RecordKind,
    StudyMeeting,
)
from tests._engines import ENGINES

CAL = WorkCalendar()
DAY = dt.date(2025, 9, 1)  # a Monday
S = DocumentStage


def sending(**kw: object):  # type: ignore[no-untyped-def]
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


def drafted():  # type: ignore[no-untyped-def]
    return sending().advance(S.DRAFTING, on=DAY, by="drafter", to="reviewer", calendar=CAL)


def signed():  # type: ignore[no-untyped-def]
    doc = drafted().advance(S.REVIEW, on=DAY, by="reviewer", to="signer", calendar=CAL)
    return doc.advance(S.SIGNING, on=DAY, by="signer", to="clerk", calendar=CAL)


class TestDocuments:
    def test_WORK_D1_signing_without_review_is_refused(self) -> None:
        doc = drafted()
        verify("WORK-D1").given(
            lambda: doc.advance(S.SIGNING, on=DAY, by="signer", to="clerk", calendar=CAL)
        ).finds(1)
        verify("WORK-D1").given(
            lambda: doc.advance(S.REVIEW, on=DAY, by="reviewer", to="signer", calendar=CAL)
        ).finds_nothing()

    def test_WORK_D2_a_substantive_change_after_signing_goes_back_to_the_signer(self) -> None:
        """The change is accepted (no refusal) and the document returns to 签发."""
        doc = signed()
        verify("WORK-D2").given(
            lambda: doc.amend(on=DAY, by="clerk", substantive=True, calendar=CAL)
        ).finds_nothing()
        assert doc.amend(on=DAY, by="clerk", substantive=True, calendar=CAL).stage is S.SIGNING

    def test_WORK_D2_sending_stages_out_of_order_are_refused(self) -> None:
        doc = signed()
        verify("WORK-D2").given(
            lambda: doc.advance(S.DISPATCH, on=DAY, by="clerk", calendar=CAL)
        ).finds(1)

    def test_WORK_D3_receiving_stages_out_of_order_are_refused(self) -> None:
        doc = sending(flow=DocumentFlow.RECEIVING)
        last = doc.stages[-1]
        verify("WORK-D3").given(lambda: doc.advance(last, on=DAY, by="x", calendar=CAL)).finds(1)
        first = doc.stages[0]
        verify("WORK-D3").given(
            lambda: doc.advance(first, on=DAY, by=doc.responsible_id, to="y", calendar=CAL)
        ).finds_nothing()

    def test_WORK_D4_an_urgent_incoming_document_with_a_chaser_still_needs_a_deadline(
        self,
    ) -> None:
        """Each missing item alone is refused: the deadline as well as the chaser."""
        urgent = {"flow": DocumentFlow.RECEIVING, "urgency": Urgency.URGENT}
        verify("WORK-D4").given(lambda: sending(**urgent, chaser_id="chaser")).finds(1)
        verify("WORK-D4").given(
            lambda: sending(**urgent, reply_deadline=DAY + dt.timedelta(days=5))
        ).finds(1)

    @pytest.mark.parametrize("engine", ENGINES)
    def test_WORK_D4_an_important_incoming_document_needs_a_chaser_on_each_engine(
        self, engine: str
    ) -> None:
        important = {"flow": DocumentFlow.RECEIVING, "important": True, "engine": engine}
        verify("WORK-D4").given(lambda: sending(**important)).finds(1)
        verify("WORK-D4").given(lambda: sending(**important, chaser_id="c")).finds_nothing()

    def test_WORK_D4_an_urgent_incoming_document_needs_a_deadline_and_a_chaser(self) -> None:
        verify("WORK-D4").given(
            lambda: sending(flow=DocumentFlow.RECEIVING, urgency=Urgency.URGENT)
        ).finds(1)
        verify("WORK-D4").given(
            lambda: sending(
                flow=DocumentFlow.RECEIVING,
                urgency=Urgency.URGENT,
                chaser_id="chaser",
                reply_deadline=DAY + dt.timedelta(days=5),
            )
        ).finds_nothing()

    @pytest.mark.parametrize("engine", ENGINES)
    def test_WORK_D5_a_stage_past_its_deadline_in_working_days_is_late(self, engine: str) -> None:
        """Drafting a notice is due in 3 working days (4 September): late on the 5th, not the 4th."""
        doc = sending()
        v = verify("WORK-D5", engine=engine)  # type: ignore[arg-type]
        v.given(as_of=dt.date(2025, 9, 5), calendar=CAL, documents=[doc]).finds(1)
        v.given(as_of=dt.date(2025, 9, 4), calendar=CAL, documents=[doc]).finds_nothing()

    def test_WORK_D5_the_notice_drafting_days_set_the_edge(self) -> None:
        """With notice_main_days = 2 the deadline is 3 September: late on the 4th (N), and with
        3 days (N - 1 fewer) the 4th is the deadline itself, not late."""
        from jiguan_core.work.documents import DocumentPolicy

        two = sending(policy=DocumentPolicy.of({"notice_main_days": 2}))
        verify("WORK-D5").given(as_of=dt.date(2025, 9, 4), calendar=CAL, documents=[two]).finds(1)
        three = sending(policy=DocumentPolicy.of({"notice_main_days": 3}))
        verify("WORK-D5").given(
            as_of=dt.date(2025, 9, 4), calendar=CAL, documents=[three]
        ).finds_nothing()

    def test_the_lateness_rules_are_declarative_on_the_work_item_table(self) -> None:
        """WORK-D4, D5, MEETINGS and TASKS are decided by single-fact patterns."""
        for rule_id in ("WORK-D4", "WORK-D5", "WORK-MEETINGS", "WORK-TASKS"):
            assert rule(rule_id).declarative
        assert {p.table for p in rule("WORK-TASKS").patterns} == {"work_item"}


class TestMeetingsAndTasks:
    @pytest.mark.parametrize("engine", ENGINES)
    def test_WORK_MEETINGS_preparation_past_its_time_node_is_late(self, engine: str) -> None:
        """Preparation for a meeting on 12 November is due on the 11th."""
        meeting = start_meeting(
            id="m1",
            title="主席会议",
            department_id="d-office",
            organiser_id="p1",
            on=dt.date(2025, 11, 3),
            held_on=dt.date(2025, 11, 12),
            calendar=CAL,
        )
        v = verify("WORK-MEETINGS", engine=engine)  # type: ignore[arg-type]
        v.given(as_of=dt.date(2025, 11, 12), calendar=CAL, meetings=[meeting]).finds(1)
        v.given(as_of=dt.date(2025, 11, 11), calendar=CAL, meetings=[meeting]).finds_nothing()

    def test_WORK_MEETINGS_the_preparation_lead_days_set_the_edge(self) -> None:
        """preparation_lead_days = 2 puts the node on 10 November: the 11th is late; with
        1 day (N - 1) the node is the 11th, not late that day."""
        for lead, found in ((2, 1), (1, 0)):
            meeting = start_meeting(
                id="m1",
                title="主席会议",
                department_id="d-office",
                organiser_id="p1",
                on=dt.date(2025, 11, 3),
                held_on=dt.date(2025, 11, 12),
                calendar=CAL,
                overrides={"preparation_lead_days": lead},
            )
            verify("WORK-MEETINGS").given(
                as_of=dt.date(2025, 11, 11), calendar=CAL, meetings=[meeting]
            ).finds(found)

    @pytest.mark.parametrize("engine", ENGINES)
    def test_WORK_TASKS_an_open_task_past_its_deadline_is_late(self, engine: str) -> None:
        task = Task(
            id="t1",
            title="任务",
            owner_id="p1",
            department_id="d-a",
            created=DAY,
            deadline=dt.date(2025, 9, 10),
        )
        v = verify("WORK-TASKS", engine=engine)  # type: ignore[arg-type]
        v.given(as_of=dt.date(2025, 9, 11), calendar=CAL, tasks=[task]).finds(1)
        v.given(as_of=dt.date(2025, 9, 10), calendar=CAL, tasks=[task]).finds_nothing()

    def test_WORK_TASKS_a_task_done_or_cancelled_is_not_late(self) -> None:
        """Done on the 12th: still late on the 11th, not on the 12th; cancelled: never."""
        from jiguan_core.task import TaskStatus

        base = {"title": "任务", "owner_id": "p1", "department_id": "d-a", "created": DAY}
        done = Task(
            id="t1",
            deadline=dt.date(2025, 9, 10),
            status=TaskStatus.DONE,
            completed_on=dt.date(2025, 9, 12),
            **base,  # type: ignore[arg-type]
        )
        cancelled = Task(
            id="t2",
            deadline=dt.date(2025, 9, 10),
            status=TaskStatus.CANCELLED,
            **base,  # type: ignore[arg-type]
        )
        v = verify("WORK-TASKS")
        v.given(as_of=dt.date(2025, 9, 11), calendar=CAL, tasks=[done, cancelled]).finds(1)
        v.given(as_of=dt.date(2025, 9, 12), calendar=CAL, tasks=[done, cancelled]).finds_nothing()


class TestLearning:
    INSTRUCTIONS = (
        CentralInstruction(id="ci2", title="六月精神", issued=dt.date(2024, 6, 5)),
        CentralInstruction(id="ci3", title="六月下旬精神", issued=dt.date(2024, 6, 18)),
    )

    def _study(self, first: AgendaItem) -> Record:
        return Record(
            id="r1",
            kind=RecordKind.STUDY_SESSION,
            on=dt.date(2024, 6, 20),
            title="党组会议",
            department_id="d-party",
            meeting=StudyMeeting.PARTY_GROUP,
            agenda=(first, AgendaItem(title="其他事项")),
        )

    def test_WORK_FIRST_TOPIC_a_session_opening_with_other_business_is_found(self) -> None:
        record = self._study(AgendaItem(title="通报工作"))
        verify("WORK-FIRST-TOPIC").given([record], self.INSTRUCTIONS).finds(1).about("record", "r1")

    def test_WORK_FIRST_TOPIC_the_grace_days_decide_what_is_latest(self) -> None:
        """ci3 was issued two days before: within the default grace, studying ci2 is fine."""
        record = self._study(AgendaItem(title="学习", instruction_id="ci2"))
        verify("WORK-FIRST-TOPIC").given([record], self.INSTRUCTIONS).finds_nothing()
        strict = Policy(overrides={"WORK-FIRST-TOPIC": {"grace_days": 0}})
        verify("WORK-FIRST-TOPIC", policy=strict).given([record], self.INSTRUCTIONS).finds(1)

    def test_WORK_YU_figures_are_shown_rounded_from_the_threshold_on(self) -> None:
        """83 is "80余"; 80 and 9 are exact; with exact_below=100, 83 is exact too."""
        verify("WORK-YU").given(83, 80, 9).finds(1)
        exact = Policy(overrides={"WORK-YU": {"exact_below": 100}})
        verify("WORK-YU", policy=exact).given(83).finds_nothing()
