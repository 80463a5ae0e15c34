"""The default engine's speed-ups change nothing a caller can see."""

from __future__ import annotations

import datetime as dt
import gc

import pytest

from jiguan_core.examples.office import sample_office
from jiguan_core.rule import Severity
from jiguan_core.rules import check
from jiguan_core.rules.violation import Violation, make_violation
from jiguan_core.text import Text


class TestCollectorPause:
    def test_check_leaves_the_garbage_collector_enabled_when_it_was(self) -> None:
        """The pause is restored after a check."""
        assert gc.isenabled()
        check(sample_office())
        assert gc.isenabled()

    def test_check_leaves_a_disabled_garbage_collector_disabled(self) -> None:
        """A caller who disabled the collector keeps it disabled."""
        gc.disable()
        try:
            check(sample_office())
            assert not gc.isenabled()
        finally:
            gc.enable()

    def test_the_collector_is_restored_when_a_check_fails(self) -> None:
        """Bad input raises, and the collector is on again."""
        with pytest.raises(Exception, match=r".+"):
            check(sample_office(), activities=["not an activity"])  # type: ignore[list-item]
        assert gc.isenabled()


class TestFastViolationConstructor:
    def test_make_violation_builds_the_same_object_as_the_class(self) -> None:
        """Given sorted ids (its contract), the fast path equals ``Violation(...)``, key and all."""
        fields = {
            "activity_ids": ("a1", "a2"),
            "staff_ids": ("s002",),
            "room_id": "r-1",
            "refs": ("a1", "a2"),
            "penalty": 2,
            "message": Text("会议室冲突", "room clash"),
        }
        day = dt.date(2025, 3, 7)
        fast = make_violation(
            "SCHED-COORD-ROOMS", "SCHED-COORD-ROOMS/room", Severity.HARD, day, **fields
        )  # type: ignore[arg-type]
        slow = Violation(
            rule_id="SCHED-COORD-ROOMS",
            part="SCHED-COORD-ROOMS/room",
            level=Severity.HARD,
            day=day,
            **fields,
        )  # type: ignore[arg-type]
        assert fast == slow
        assert fast.key == slow.key
        assert fast.render("en") == slow.render("en")
