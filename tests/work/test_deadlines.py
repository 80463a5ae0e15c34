"""The ``work_item`` facts and the lateness rules over them (WORK-D5, WORK-MEETINGS,
WORK-TASKS)."""

from __future__ import annotations

import datetime as dt

import pytest

from jiguan_core.work.deadlines import late_rules, work_item_fact
from tests._engines import ENGINES


def test_a_fact_counts_the_calendar_days_past_the_due_date() -> None:
    as_of = dt.date(2025, 9, 5)
    assert work_item_fact("document", is_open=True, due=dt.date(2025, 9, 4), as_of=as_of) == {
        "kind": "document",
        "open": 1,
        "days_past_due": 1,
    }
    assert work_item_fact("task", is_open=False, due=None, as_of=as_of) == {
        "kind": "task",
        "open": 0,
    }


@pytest.mark.parametrize("engine", ENGINES)
def test_each_kind_is_late_under_its_own_rule_and_only_when_open(engine: str) -> None:
    facts = [
        {"kind": "document", "open": 1, "days_past_due": 1},
        {"kind": "meeting", "open": 1, "days_past_due": 3},
        {"kind": "task", "open": 1, "days_past_due": 0},
        {"kind": "task", "open": 0, "days_past_due": 9},
        {"kind": "task", "open": 1, "days_past_due": 2},
        {"kind": "proposal", "open": 1, "days_past_due": 5},
        {"kind": "document", "open": 1},
    ]
    found = late_rules(facts, engine=engine)  # type: ignore[arg-type]
    assert found == {0: "WORK-D5", 1: "WORK-MEETINGS", 4: "WORK-TASKS"}
