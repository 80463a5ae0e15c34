"""Meeting workflows: 筹备 → 组织 → 总结 with the office's checklist and time nodes."""

from __future__ import annotations

import datetime as dt

import pytest

from jiguan_core.calendar import WorkCalendar
from jiguan_core.errors import InvalidValue
from jiguan_core.work.errors import ChecklistIncomplete, OutOfOrderTransition, WorkflowFinished
from jiguan_core.work.meetings import (
    MEETING_STAGES,
    OFFICE_TEMPLATE,
    ChecklistItem,
    MeetingStage,
    MeetingTemplate,
    MeetingWorkflow,
    start_meeting,
)

CAL = WorkCalendar()
START = dt.date(2025, 11, 3)
HELD = dt.date(2025, 11, 12)  # a Wednesday


def _meeting(**kw: object) -> MeetingWorkflow:
    values: dict[str, object] = {
        "id": "m1",
        "title": "主席会议",
        "department_id": "d-office",
        "organiser_id": "p1",
        "on": START,
        "held_on": HELD,
        "calendar": CAL,
    }
    values.update(kw)
    return start_meeting(**values)  # type: ignore[arg-type]


def _tick_all(meeting: MeetingWorkflow, day: dt.date) -> MeetingWorkflow:
    for item in meeting.open_items:
        meeting = meeting.check(item, on=day, by="p1")
    return meeting


def test_the_office_template_lists_notice_materials_and_minutes() -> None:
    """The checklist items the article's 办会 names are in the right stages."""
    assert ChecklistItem.NOTICE_SENT in OFFICE_TEMPLATE.items(MeetingStage.PREPARATION)
    assert ChecklistItem.MATERIALS_READY in OFFICE_TEMPLATE.items(MeetingStage.PREPARATION)
    assert ChecklistItem.MINUTES_ISSUED in OFFICE_TEMPLATE.items(MeetingStage.SUMMARY)


def test_time_nodes_hang_on_the_meeting_day() -> None:
    """Preparation due one working day before, summary three working days after."""
    meeting = _meeting()
    assert meeting.due == CAL.add_working_days(HELD, -1)
    meeting = _tick_all(meeting, START).advance(
        MeetingStage.PREPARATION, on=START, by="p1", to="p2", calendar=CAL
    )
    assert meeting.due == HELD
    meeting = _tick_all(meeting, HELD).advance(
        MeetingStage.RUNNING, on=HELD, by="p2", to="p3", calendar=CAL
    )
    assert meeting.due == CAL.add_working_days(HELD, 3)
    assert meeting.responsible_id == "p3"


def test_a_stage_with_open_items_cannot_be_left() -> None:
    """Materials not ready: preparation is not done; the error lists the open items."""
    meeting = _meeting().check(ChecklistItem.NOTICE_SENT, on=START, by="p1")
    with pytest.raises(ChecklistIncomplete) as caught:
        meeting.advance(MeetingStage.PREPARATION, on=START, by="p1", to="p2", calendar=CAL)
    assert "会议材料已备齐" in caught.value.render("zh")


def test_an_item_of_another_stage_cannot_be_ticked() -> None:
    """Minutes are not issued during preparation."""
    with pytest.raises(OutOfOrderTransition):
        _meeting().check(ChecklistItem.MINUTES_ISSUED, on=START, by="p1")


def test_a_stage_out_of_order_is_refused() -> None:
    """The summary cannot come before the meeting runs."""
    with pytest.raises(OutOfOrderTransition):
        _meeting().advance(MeetingStage.SUMMARY, on=START, by="p1", calendar=CAL)


def test_a_whole_meeting_finishes_with_a_complete_history() -> None:
    """Three stages, every tick and transition recorded."""
    meeting = _meeting()
    for stage in MEETING_STAGES:
        meeting = _tick_all(meeting, HELD)
        last = stage is MeetingStage.SUMMARY
        meeting = meeting.advance(stage, on=HELD, by="p1", to=None if last else "p1", calendar=CAL)
    assert meeting.is_finished
    assert meeting.completed_stages == MEETING_STAGES
    ticks = sum(len(items) for _, items in OFFICE_TEMPLATE.checklist)
    assert len(meeting.history) == 1 + ticks + 3 + 2
    with pytest.raises(WorkflowFinished):
        meeting.check(ChecklistItem.NOTICE_SENT, on=HELD, by="p1")


def test_a_meeting_too_soon_to_prepare_is_refused() -> None:
    """Held the day after it starts: preparation would be due before it starts."""
    with pytest.raises(InvalidValue) as caught:
        _meeting(on=HELD, held_on=HELD)
    assert "m1" in str(caught.value)


def test_a_meeting_held_before_it_starts_is_refused() -> None:
    """held_on before on."""
    with pytest.raises(InvalidValue):
        _meeting(held_on=START - dt.timedelta(days=2))


def test_late_stages_are_counted_in_working_days() -> None:
    """Preparation due Tuesday 11-11; on Thursday 11-13 it is 2 working days late."""
    meeting = _meeting()
    assert meeting.is_late(dt.date(2025, 11, 13))
    assert meeting.working_days_late(dt.date(2025, 11, 13), CAL) == 2


def test_an_unknown_meeting_stage_is_refused_naming_it() -> None:
    """'rehearsal' is no stage."""
    with pytest.raises(InvalidValue) as caught:
        _meeting().advance("rehearsal", on=START, by="p1", to="p2", calendar=CAL)
    assert "rehearsal" in str(caught.value)


def test_a_template_listing_an_item_twice_is_refused() -> None:
    """Each checklist item belongs to one stage."""
    with pytest.raises(InvalidValue):
        MeetingTemplate(
            checklist={
                MeetingStage.PREPARATION: (ChecklistItem.NOTICE_SENT,),
                MeetingStage.RUNNING: (ChecklistItem.NOTICE_SENT,),
            }
        )


def test_the_minutes_deadline_is_a_rule_parameter() -> None:
    """minutes_days=5 moves the summary's time node."""
    meeting = _meeting(overrides={"minutes_days": 5})
    meeting = _tick_all(meeting, START).advance(
        MeetingStage.PREPARATION, on=START, by="p1", to="p2", calendar=CAL
    )
    meeting = _tick_all(meeting, HELD).advance(
        MeetingStage.RUNNING, on=HELD, by="p2", to="p3", calendar=CAL
    )
    assert meeting.due == CAL.add_working_days(HELD, 5)
