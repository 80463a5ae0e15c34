"""An office can raise or lower a rule's level per call (e.g. make 调研扎堆 a hard rule)."""

from __future__ import annotations

import attrs
import pendulum
import pytest

from jiguan_core.activity import Activity, ActivityKind
from jiguan_core.errors import InvalidValue, UnknownEntity
from jiguan_core.examples.office import sample_office
from jiguan_core.rule import Severity
from jiguan_core.rules import SchedulingPolicy, check
from jiguan_core.scheduling import ActivityRequest, schedule
from jiguan_core.time import TimeSpan

TZ = "Asia/Shanghai"
HARD_PILE_UP = SchedulingPolicy(levels={"SCHED-COORD-TRIPS": Severity.HARD})


def _quiet_office_with_one_trip() -> tuple[object, Activity]:
    """The sample office with its calendar emptied but for one research trip to 岳池县."""
    office = sample_office()
    trip = Activity(
        id="trip-1",
        kind=ActivityKind.RESEARCH,
        title="岳池县乡村振兴调研",
        span=TimeSpan(
            pendulum.datetime(2025, 4, 8, 8, 30, tz=TZ), pendulum.datetime(2025, 4, 8, 18, tz=TZ)
        ),
        department_id="d-agri",
        participants=("s040",),
        target_place="岳池县",
    )
    return attrs.evolve(office, activities=(trip,), absences=()), trip


class TestPolicyLevels:
    def test_a_policy_can_make_a_medium_rule_hard(self) -> None:
        """With SCHED-COORD-TRIPS raised to hard, piled-up trips are hard violations and the calendar is
        infeasible."""
        office = sample_office()
        default = check(office).of_rule("SCHED-COORD-TRIPS")
        raised = check(office, policy=HARD_PILE_UP).of_rule("SCHED-COORD-TRIPS")
        assert default
        assert {v.level for v in default} == {Severity.MEDIUM}
        assert [v.key for v in raised] == [v.key for v in default]
        assert {v.level for v in raised} == {Severity.HARD}

    def test_the_report_summary_shows_the_level_in_force(self) -> None:
        """The per-rule summary says hard for a raised rule."""
        summary = {s.rule_id: s for s in check(sample_office(), policy=HARD_PILE_UP).summary}
        assert summary["SCHED-COORD-TRIPS"].level is Severity.HARD
        assert summary["SCHED-COORD-PERSON"].level is Severity.HARD

    def test_the_score_moves_the_penalties_to_the_new_level(self) -> None:
        """Raising SCHED-COORD-TRIPS moves exactly its penalties from medium to hard."""
        office = sample_office()
        default, raised = check(office), check(office, policy=HARD_PILE_UP)
        moved = sum(v.penalty for v in default.of_rule("SCHED-COORD-TRIPS"))
        assert raised.score.hard == default.score.hard + moved
        assert raised.score.medium == default.score.medium - moved

    def test_an_unknown_rule_id_in_levels_is_refused(self) -> None:
        """A level for a rule that does not exist is an error naming it."""
        with pytest.raises(UnknownEntity, match="SCH99"):
            SchedulingPolicy(levels={"SCH99": Severity.HARD})

    def test_a_level_that_is_not_a_severity_is_refused(self) -> None:
        """Levels are Severity members, not strings."""
        with pytest.raises(InvalidValue, match="SCHED-COORD-TRIPS"):
            SchedulingPolicy(levels={"SCHED-COORD-TRIPS": "hard"})  # type: ignore[dict-item]


class TestSchedulerUnderRaisedLevels:
    def test_with_pile_up_hard_the_scheduler_will_not_send_a_second_trip_to_the_same_place(
        self,
    ) -> None:
        """A second 岳池县 trip within 30 days stays unplaced, and the reason names the earlier
        visit, as the office expects ("岳池县 was visited on ...")."""
        office, _ = _quiet_office_with_one_trip()
        request = ActivityRequest(
            id="trip-2",
            kind=ActivityKind.RESEARCH,
            title="赴岳池县专题调研",
            department_id="d-economy",
            earliest_start=pendulum.datetime(2025, 4, 14, 8, 30, tz=TZ),
            latest_end=pendulum.datetime(2025, 4, 25, 17, 30, tz=TZ),
            days=1,
            participants=("s035",),
            target_place="岳池县",
        )
        relaxed = schedule(office, [request])  # type: ignore[arg-type]
        strict = schedule(office, [request], policy=HARD_PILE_UP)  # type: ignore[arg-type]
        assert [p.activity.id for p in relaxed.placed] == ["trip-2"]
        assert strict.placed == ()
        (unplaced,) = strict.unplaced
        assert unplaced.reason.render("en") == "岳池县 was visited on 8 April"
        assert unplaced.reason.render("zh") == "岳池县 4月8日 已有调研视察"
