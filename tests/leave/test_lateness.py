"""Leave approvals past their deadline come up at the work meeting (LEAVE-L5)."""

from __future__ import annotations

import datetime as dt

from jiguan_core.calendar import WorkCalendar
from jiguan_core.leave import (
    ApproverRole,
    HalfDay,
    HalfDaySlot,
    LeaveKind,
    leave_late_items,
    submit_leave,
)
from jiguan_core.leave.request import LeaveRequest
from jiguan_core.staff import Level, Staff
from jiguan_core.work import ItemKind, work_meeting_agenda

CALENDAR = WorkCalendar()
#: A Monday; with approval_days 1 (the default) the first step is due Tuesday 3 March.
SUBMITTED = dt.date(2026, 3, 2)


def request(number: int, days: int) -> LeaveRequest:
    """A clerk's annual leave of ``days`` working days from 16 March, asked on 2 March."""
    clerk = Staff(
        id=f"s{number}",
        name="张三",
        department_id="d0",
        level=Level.CLERK,
        hire_date=dt.date(2015, 7, 1),
    )
    return submit_leave(
        id=f"l{number}",
        requester=clerk,
        kind=LeaveKind.ANNUAL,
        first=HalfDaySlot(day=dt.date(2026, 3, 16), half=HalfDay.MORNING),
        last=HalfDaySlot(
            day=dt.date(2026, 3, 16) + dt.timedelta(days=days - 1), half=HalfDay.AFTERNOON
        ),
        reason="探亲",
        on=SUBMITTED,
        calendar=CALENDAR,
    )


def test_a_pending_step_past_its_deadline_is_a_late_item_naming_the_awaited_approver() -> None:
    """LEAVE-L5: l1 awaits its department head since 2 March, due 3 March; on 10 March it is
    5 working days late (4-6, 9, 10 March) and the item names the head through approvers."""
    pending = request(1, 2)
    assert pending.due == dt.date(2026, 3, 3)
    late = leave_late_items(
        [pending],
        as_of=dt.date(2026, 3, 10),
        calendar=CALENDAR,
        approvers={"department_head": "h1"},
    )
    assert [(i.item_id, i.stage, i.responsible_id, i.working_days_late) for i in late] == [
        ("l1", ApproverRole.DEPARTMENT_HEAD, "h1", 5)
    ]
    assert late[0].kind is ItemKind.LEAVE
    finding = late[0].to_finding()
    assert finding.rule_id == "LEAVE-L5"
    assert finding.ids("absence") == ("l1",)


def test_on_time_approved_and_refused_requests_are_not_late() -> None:
    """Nothing is late on its due day; an approved or refused request awaits nobody."""
    pending = request(1, 2)
    done = pending.approve(on=dt.date(2026, 3, 9), by="h1", calendar=CALENDAR)
    refused = request(2, 2).refuse(on=dt.date(2026, 3, 9), by="h1", reason="工作安排")
    assert leave_late_items([pending], as_of=dt.date(2026, 3, 3), calendar=CALENDAR) == ()
    assert leave_late_items([done, refused], as_of=dt.date(2026, 3, 20), calendar=CALENDAR) == ()


def test_late_leave_approvals_are_on_the_work_meeting_agenda_most_late_first() -> None:
    """The agenda's late section lists both, the longer wait first (l1 due 3 March, l2's
    second step due 5 March); a role without a holder is named by the role."""
    first = request(1, 2)
    second = request(2, 8).approve(on=dt.date(2026, 3, 4), by="h1", calendar=CALENDAR)
    assert second.approver_role is ApproverRole.SECRETARY_GENERAL
    late = leave_late_items([second, first], as_of=dt.date(2026, 3, 16), calendar=CALENDAR)
    meeting = work_meeting_agenda((), meeting_on=dt.date(2026, 3, 16), calendar=CALENDAR, late=late)
    assert [i.item_id for i in meeting.late] == ["l1", "l2"]
    assert meeting.late[1].responsible_id == "secretary_general"
    text = "\n".join(meeting.lines("zh"))
    assert "请假 l1《s1 年休假》处室负责人 时限 2026-03-03，已逾期 9 个工作日" in text
