"""The annual work plan: items, milestones, progress, the half-yearly report, the task list and
the lists it feeds, and the year's field trips (PLAN-ARTICLE-PLAN, -REPORT, PLAN-ARTICLE-COORD)."""

from __future__ import annotations

import datetime as dt

import pytest

from jiguan_core.activity_list import activity_list
from jiguan_core.agenda import agenda, agenda_lines
from jiguan_core.calendar import Granularity, WorkCalendar
from jiguan_core.catalogue import RuleArea, all_rules
from jiguan_core.errors import InvalidInput, InvalidValue, UnknownEntity
from jiguan_core.task import TaskSource, TaskStatus
from jiguan_core.time import SHANGHAI
from jiguan_core.work import ItemKind, task_report, work_meeting_agenda
from jiguan_core.workplan import (
    FieldTrip,
    Milestone,
    PlanItem,
    PlanItemKind,
    WorkPlan,
    half_year_report,
    milestone_tasks,
    plan_field_trips,
    plan_late_items,
    plan_lists,
    plan_progress,
)
from tests.strategies_office_work import duty_office

CALENDAR = WorkCalendar()


def plan() -> WorkPlan:
    return WorkPlan(
        year=2026,
        items=[
            PlanItem(
                id="w1",
                department_id="d0",
                title="“有事来协商”专项活动",
                owner_id="S01",
                kind=PlanItemKind.SPECIAL,
                milestones=[
                    Milestone(
                        id="w1-1",
                        title="制定方案",
                        target=dt.date(2026, 3, 31),
                        done_on=dt.date(2026, 3, 20),
                    ),
                    Milestone(id="w1-2", title="中期推进", target=dt.date(2026, 6, 15)),
                    Milestone(id="w1-3", title="总结", target=dt.date(2026, 11, 30)),
                ],
            ),
            PlanItem(
                id="w2",
                department_id="d1",
                title="养老服务专题调研",
                owner_id="S02",
                kind=PlanItemKind.RESEARCH,
                milestones=[
                    Milestone(
                        id="w2-1",
                        title="调研报告",
                        target=dt.date(2026, 5, 29),
                        done_on=dt.date(2026, 6, 5),
                    ),
                ],
            ),
        ],
    )


class TestTheWorkPlanCatalogue:
    def test_the_work_plan_rules_are_in_the_one_catalogue(self) -> None:
        """PLAN-ARTICLE-PLAN, PLAN-ARTICLE-PLAN-REPORT and PLAN-ARTICLE-COORD under WORKPLAN."""
        ids = [info.id for info in all_rules() if info.area is RuleArea.WORKPLAN]
        assert ids == ["PLAN-ARTICLE-PLAN", "PLAN-ARTICLE-PLAN-REPORT", "PLAN-ARTICLE-COORD"]


class TestThePlan:
    def test_an_item_without_milestones_or_with_a_date_of_another_year_is_refused(self) -> None:
        """PLAN-ARTICLE-PLAN: every item has milestones inside the year; each problem listed."""
        with pytest.raises(InvalidInput) as caught:
            WorkPlan(
                year=2026,
                items=[
                    PlanItem(id="a", department_id="d0", title="甲", owner_id="S01"),
                    PlanItem(
                        id="b",
                        department_id="d0",
                        title="乙",
                        owner_id="S01",
                        milestones=[Milestone(id="b1", title="x", target=dt.date(2027, 1, 5))],
                    ),
                ],
            )
        assert [p.path for p in caught.value.problems] == [
            "items[0].milestones",
            "items[1].milestones[0].target",
        ]

    def test_completing_a_milestone_returns_a_new_plan(self) -> None:
        """The plan is immutable; an unknown milestone is refused."""
        before = plan()
        after = before.complete("w1-2", on=dt.date(2026, 6, 10))
        assert before.items[0].milestones[1].done_on is None
        assert after.items[0].milestones[1].done_on == dt.date(2026, 6, 10)
        with pytest.raises(UnknownEntity):
            before.complete("nope", on=dt.date(2026, 6, 10))


class TestProgress:
    def test_progress_counts_done_and_late_milestones_as_of_a_day(self) -> None:
        """On 20 June: d0 1/3 done with w1-2 late; d1's report was done late."""
        progress = plan_progress(plan(), as_of=dt.date(2026, 6, 20), calendar=CALENDAR)
        d0, d1 = progress
        assert (d0.done, d0.total, [m.id for m in d0.late]) == (1, 3, ["w1-2"])
        assert [m.id for m in d1.late] == ["w2-1"]

    def test_the_half_year_report_is_due_within_a_month_of_the_half(self) -> None:
        """PLAN-ARTICLE-PLAN-REPORT: the first half is reported by 31 July (report_within_days 31)."""
        report = half_year_report(plan(), 1, calendar=CALENDAR)
        assert report.due == dt.date(2026, 7, 31)
        text = report.render("zh", names={"d0": "办公室"})
        assert "上半年" in text
        assert "节点完成2/4，逾期2个" in text
        assert "【办公室】" in text


class TestWhatThePlanFeeds:
    def test_each_milestone_becomes_a_task_of_the_task_list(self) -> None:
        """PLAN-ARTICLE-PLAN: late milestones come up at the work meeting as overdue tasks."""
        tasks = milestone_tasks(plan(), created=dt.date(2026, 1, 5))
        assert [t.id for t in tasks] == ["w1-1", "w2-1", "w1-2", "w1-3"]
        assert all(t.source is TaskSource.ANNUAL_PLAN for t in tasks)
        assert tasks[0].status is TaskStatus.DONE
        agenda = work_meeting_agenda(tasks, meeting_on=dt.date(2026, 6, 22), calendar=CALENDAR)
        assert agenda.sections[0].overdue_count == 1

    def test_the_plan_feeds_the_quarter_month_and_week_activity_lists(self) -> None:
        """PLAN-ARTICLE-PLAN: the printable lists carry the milestones due in their period, with
        owner, 委室 and state; the week list of 15 June has the one due that Monday; a
        department filter keeps its own, a leader's list none."""
        office = duty_office(1, 2, departments=2)
        quarter = activity_list(office, Granularity.QUARTER, dt.date(2026, 5, 1), plan=plan())
        assert [r.milestone_id for r in quarter.milestones] == ["w2-1", "w1-2"]
        assert quarter.milestones[0].cells("zh") == (
            "05-29",
            "养老服务专题调研：调研报告",
            "干部2",
            "委室1",
            "2026-06-05 完成",
        )
        text = "\n".join(quarter.lines("zh"))
        assert "年度工作要点节点（2 项）" in text
        assert "“有事来协商”专项活动：中期推进 | 干部1 | 委室0 | 未完成" in text
        week = activity_list(office, Granularity.WEEK, dt.date(2026, 6, 17), plan=plan())
        assert [r.milestone_id for r in week.milestones] == ["w1-2"]
        assert "Work plan milestones (1)" in week.lines("en")
        month = activity_list(
            office, Granularity.MONTH, dt.date(2026, 5, 1), plan=plan(), department_id="d0"
        )
        assert month.milestones == ()
        leader = activity_list(
            office, Granularity.YEAR, dt.date(2026, 5, 1), plan=plan(), leader_id="L1"
        )
        assert leader.milestones == ()
        assert activity_list(office, Granularity.YEAR, dt.date(2026, 5, 1)).milestones == ()

    def test_the_plan_feeds_the_agenda_grouped_by_period(self) -> None:
        """agenda(plan=...): each period lists the milestones due in it, periods with only
        milestones included; agenda_lines shows them marked 年度工作要点."""
        office = duty_office(1, 2, departments=2)
        quarters = agenda(office, Granularity.QUARTER, plan=plan())
        assert [[m.id for _, m in q.milestones] for q in quarters] == [
            ["w1-1"],
            ["w2-1", "w1-2"],
            ["w1-3"],
        ]
        owned = agenda(office, Granularity.YEAR, plan=plan(), person_id="S02")
        assert [m.id for _, m in owned[0].milestones] == ["w2-1"]
        assert agenda(office, Granularity.YEAR, plan=plan(), kinds=[]) == ()
        lines = agenda_lines(office, Granularity.QUARTER, plan=plan())
        assert "  03-31 [年度工作要点] “有事来协商”专项活动：制定方案 (w1-1) ✓" in lines
        assert "  06-15 [work plan] “有事来协商”专项活动：中期推进 (w1-2)" in agenda_lines(
            office, Granularity.QUARTER, "en", plan=plan()
        )

    def test_a_plan_that_is_not_a_work_plan_is_refused(self) -> None:
        """plan= takes a WorkPlan, in the lists and the agenda."""
        office = duty_office(1, 2)
        with pytest.raises(InvalidValue, match="WorkPlan"):
            activity_list(office, Granularity.YEAR, dt.date(2026, 5, 1), plan="w1")  # type: ignore[arg-type]
        with pytest.raises(InvalidValue, match="WorkPlan"):
            agenda(office, Granularity.YEAR, plan=["w1"])  # type: ignore[arg-type]

    def test_the_plan_feeds_the_task_list_and_the_work_meeting(self) -> None:
        """PLAN-ARTICLE-PLAN: the office's task list with the plan's milestones added reports
        the late one as overdue, and the agenda shows it once, among its 委室's tasks, even
        when plan_late_items names it too."""
        office = duty_office(1, 2, departments=2).with_tasks(
            milestone_tasks(plan(), created=dt.date(2026, 1, 5))
        )
        report = task_report(office.tasks, dt.date(2026, 6, 22), CALENDAR)
        assert [t.id for t in report.overdue] == ["w1-2"]
        late = plan_late_items(plan(), as_of=dt.date(2026, 6, 22), calendar=CALENDAR)
        meeting = work_meeting_agenda(
            office.tasks, meeting_on=dt.date(2026, 6, 22), calendar=CALENDAR, late=late
        )
        assert meeting.late == ()
        assert meeting.sections[0].entries[0].task.id == "w1-2"

    def test_late_milestones_are_late_items_for_the_work_meeting(self) -> None:
        """PLAN-ARTICLE-PLAN: on 22 June w1-2 (due 15 June) is 4 working days late (16-18 and 22 June;
        the 19th is the Dragon Boat Festival), its owner
        S01 responsible; on the agenda of a meeting whose task list lacks the plan it is in the
        late section, and its finding cites PLAN-ARTICLE-PLAN."""
        late = plan_late_items(plan(), as_of=dt.date(2026, 6, 22), calendar=CALENDAR)
        assert [(i.item_id, i.responsible_id, i.working_days_late) for i in late] == [
            ("w1-2", "S01", 4)
        ]
        assert late[0].kind is ItemKind.PLAN
        meeting = work_meeting_agenda(
            (), meeting_on=dt.date(2026, 6, 22), calendar=CALENDAR, late=late
        )
        text = "\n".join(meeting.lines("zh"))
        assert (
            "年度计划节点 w1-2《“有事来协商”专项活动：中期推进》时限 2026-06-15，已逾期 4 个工作日"
            in text
        )
        finding = late[0].to_finding()
        assert finding.rule_id == "PLAN-ARTICLE-PLAN"
        assert finding.ids("milestone") == ("w1-2",)

    def test_the_milestones_are_listed_by_quarter_and_month(self) -> None:
        """ARTICLE-COORD's lists: Q1 has one milestone, Q2 two, Q4 one."""
        quarters = plan_lists(plan(), Granularity.QUARTER)
        assert [len(p.entries) for p in quarters] == [1, 2, 1]
        assert len(plan_lists(plan(), Granularity.MONTH)) == 4


class TestFieldTrips:
    def test_trips_of_two_departments_to_one_place_do_not_pile_up(self) -> None:
        """PLAN-ARTICLE-COORD: two 委室 both visit 某县 in the second quarter; the scheduler
        keeps them SCHED-COORD-TRIPS's 30 days apart."""
        office = duty_office(2, 4, departments=2)
        trip = {"target_place": "某县", "days": 2, "quarter": 2}
        year = WorkPlan(
            year=2026,
            items=[
                PlanItem(
                    id=f"t{i}",
                    department_id=f"d{i}",
                    title=f"调研{i}",
                    owner_id=f"S0{i + 1}",
                    kind=PlanItemKind.RESEARCH,
                    milestones=[Milestone(id=f"t{i}-1", title="报告", target=dt.date(2026, 7, 31))],
                    trip=FieldTrip(**trip, participants=(f"S0{i + 1}",)),
                )
                for i in range(2)
            ],
        )
        placed = plan_field_trips(year, office, calendar=CALENDAR, max_iterations=2_000)
        assert not placed.unplaced
        first, second = sorted(a.span.start.in_timezone(SHANGHAI).date() for a in placed.activities)
        assert (second - first).days >= 30
        assert first >= dt.date(2026, 4, 1)


class TestBadPlanInput:
    def test_a_plan_of_none_or_of_year_1800_is_a_clear_error(self) -> None:
        """WorkPlan(items=None) is a WrongType naming items; year 1800 is outside 1949-2200."""
        from jiguan_core.errors import WrongType

        with pytest.raises(WrongType) as caught:
            WorkPlan(year=2026, items=None)  # type: ignore[arg-type]
        assert caught.value.field == "items"
        with pytest.raises(InvalidValue, match="1949-2200"):
            WorkPlan(year=1800, items=plan().items)

    def test_a_field_trip_of_text_days_is_a_wrong_type(self) -> None:
        """FieldTrip(days="2") is a WrongType (a TypeError too), not a bare TypeError; a lone
        participant id is one participant, not its characters."""
        from jiguan_core.errors import WrongType

        with pytest.raises(WrongType) as caught:
            FieldTrip(target_place="某县", days="2")  # type: ignore[arg-type]
        assert caught.value.field == "days"
        assert FieldTrip(target_place="某县", participants="S01").participants == ("S01",)


class TestPlanEdges:
    def test_a_milestone_is_late_when_done_after_its_target_or_open_past_it(self) -> None:
        """PLAN-ARTICLE-PLAN: done on the target is on time, the day after late; open, late
        from the day after the target."""
        due = dt.date(2026, 6, 15)
        open_ = Milestone(id="m", title="节点", target=due)
        assert not open_.is_late(due)
        assert open_.is_late(due + dt.timedelta(days=1))
        on_time = Milestone(id="m", title="节点", target=due, done_on=due)
        assert not on_time.is_late(dt.date(2026, 12, 31))
        assert Milestone(id="m", title="节点", target=due, done_on=dt.date(2026, 6, 16)).is_late(
            dt.date(2026, 6, 16)
        )

    def test_an_item_is_done_when_all_its_milestones_are(self) -> None:
        """w2's one milestone is done; w1 has two open."""
        w1, w2 = plan().items
        assert (w1.is_done, w2.is_done) == (False, True)
        assert plan().departments() == ("d0", "d1")

    def test_ids_used_twice_are_each_reported(self) -> None:
        """PLAN-ARTICLE-PLAN: an item id and a milestone id given twice, each with its path."""
        item = plan().items[1]
        with pytest.raises(InvalidInput) as caught:
            WorkPlan(year=2026, items=[item, item])
        assert [p.path for p in caught.value.problems] == [
            "items[1]",
            "items[1].milestones[0]",
        ]

    def test_wrong_types_in_the_lists_are_named_by_class_and_field(self) -> None:
        """A milestone list of text, a milestone that is text, an item that is a number: each a
        WrongType naming its field; a lone participant id is one participant."""
        from jiguan_core.errors import WrongType

        with pytest.raises(WrongType) as caught:
            PlanItem(id="a", department_id="d0", title="甲", owner_id="S01", milestones=None)  # type: ignore[arg-type]
        assert caught.value.field == "milestones"
        with pytest.raises(WrongType):
            PlanItem(
                id="a",
                department_id="d0",
                title="甲",
                owner_id="S01",
                milestones=[Milestone(id="m", title="x", target=dt.date(2026, 3, 1)), "m2"],  # type: ignore[list-item]
            )
        with pytest.raises(WrongType) as caught:
            WorkPlan(year=2026, items=[plan().items[0], 7])  # type: ignore[list-item]
        assert caught.value.field == "items"

    def test_a_field_trip_outside_quarters_one_to_four_is_refused(self) -> None:
        """FieldTrip: quarter 1-4."""
        with pytest.raises(InvalidValue, match="quarter"):
            FieldTrip(target_place="某县", quarter=5)
