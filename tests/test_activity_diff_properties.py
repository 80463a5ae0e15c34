"""The diff of two editions of the calendar finds every planted change and nothing else,
checked against the planted changes themselves and against a field-by-field brute force."""

from __future__ import annotations

import datetime as dt

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from jiguan_core.activity import Activity, ActivityKind
from jiguan_core.activity_diff import ActivityChangeKind, diff_activities
from jiguan_core.errors import InvalidInput
from jiguan_core.time import TimeSpan
from tests.strategies import activities

STAFF = [f"s{i}" for i in range(8)]
LEADERS = ["L1", "L2", "L3"]
ROOMS = ["r1", "r2"]

calendars = st.lists(
    activities(staff_ids=STAFF, leader_ids=LEADERS, room_ids=ROOMS, max_people=4),
    max_size=8,
    unique_by=lambda a: a.id,
)

#: The planted edits and the change kinds each must produce.
EDITS = ("keep", "cancel", "shift", "room", "join", "retitle", "shift+join")


def _plant(activity: Activity, edit: str) -> Activity:
    if edit in ("shift", "shift+join"):
        activity = attrs.evolve(activity, span=activity.span.shifted(minutes=30))
    if edit == "room":
        other = "r2" if activity.room_id == "r1" else "r1"
        activity = attrs.evolve(activity, room_id=other)
    if edit in ("join", "shift+join"):
        newcomer = next(s for s in [*STAFF, "s-new"] if s not in activity.attendees)
        activity = attrs.evolve(activity, participants=(*activity.participants, newcomer))
    if edit == "retitle":
        activity = attrs.evolve(activity, title=activity.title + "（修订）")
    return activity


EXPECTED = {
    "keep": set(),
    "cancel": {ActivityChangeKind.CANCELLED},
    "shift": {ActivityChangeKind.MOVED},
    "room": {ActivityChangeKind.MOVED},
    "join": {ActivityChangeKind.CHANGED},
    "retitle": {ActivityChangeKind.CHANGED},
    "shift+join": {ActivityChangeKind.MOVED, ActivityChangeKind.CHANGED},
}


def _brute_force(old: list[Activity], new: list[Activity]) -> set[tuple[str, str]]:
    """Independently: compare every attribute by name, classify by a fixed list of where-fields."""
    where = {"span", "room_id", "target_place"}
    before = {a.id: a for a in old}
    after = {a.id: a for a in new}
    found: set[tuple[str, str]] = set()
    for key in set(before) | set(after):
        if key not in before:
            found.add((key, "added"))
        elif key not in after:
            found.add((key, "cancelled"))
        else:
            a, b = attrs.asdict(before[key], recurse=False), attrs.asdict(after[key], recurse=False)
            names = {n for n in a if a[n] != b[n]}
            if names & where:
                found.add((key, "moved"))
            if names - where:
                found.add((key, "changed"))
    return found


@given(
    old=calendars,
    data=st.data(),
    added=st.lists(
        activities(
            id=st.sampled_from([f"new{i}" for i in range(4)]), staff_ids=STAFF, max_people=2
        ),
        max_size=3,
        unique_by=lambda a: a.id,
    ),
)
def test_the_diff_finds_every_planted_change_and_nothing_else(
    old: list[Activity], data: st.DataObject, added: list[Activity]
) -> None:
    edits = [data.draw(st.sampled_from(EDITS)) for _ in old]
    new = [_plant(a, e) for a, e in zip(old, edits, strict=True) if e != "cancel"] + added
    changes = diff_activities(old, new)
    found = {(c.activity_id, c.kind) for c in changes}
    planted = {(a.id, kind) for a, e in zip(old, edits, strict=True) for kind in EXPECTED[e]}
    planted |= {(a.id, ActivityChangeKind.ADDED) for a in added}
    assert found == planted
    assert {(i, k.value) for i, k in found} == _brute_force(old, new)
    assert len(changes) == len(found)  # no change reported twice


@given(old=calendars)
def test_an_unchanged_calendar_has_no_changes_whatever_the_order(old: list[Activity]) -> None:
    assert diff_activities(old, list(reversed(old))) == ()


def test_moved_names_the_old_and_new_time_and_affects_everyone_attending() -> None:
    a = attrs.evolve(_one(), participants=("s1", "s2"), leaders=("L1",))
    moved = attrs.evolve(a, span=a.span.shifted(days=1), participants=("s1",))
    kinds = [c.kind for c in diff_activities([a], [moved])]
    assert kinds == [ActivityChangeKind.MOVED, ActivityChangeKind.CHANGED]
    move, change = diff_activities([a], [moved])
    assert move.affected == ("L1", "s1", "s2")
    assert change.affected == ("s2",)  # only the person who left
    assert move.details()[0][0] == "span"
    assert "2025-03-03" in move.details()[0][1]
    assert "2025-03-04" in move.details()[0][2]
    data = move.to_data()
    assert data["kind"] == "moved"
    assert data["before"]["start"].startswith("2025-03-03")


def test_an_activity_listed_twice_in_one_edition_is_refused() -> None:
    with pytest.raises(InvalidInput):
        diff_activities([], [_one(), _one()])


def _one() -> Activity:
    return Activity(
        id="x",
        kind=ActivityKind.MEETING,
        title="会",
        span=TimeSpan.whole_days(dt.date(2025, 3, 3), dt.date(2025, 3, 3)),
        department_id="d1",
    )
