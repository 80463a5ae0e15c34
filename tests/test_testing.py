"""jiguan_core.testing: the public strategies are valid by construction, shrink to small
examples, are documented, and stay out of ``import jiguan_core``."""

from __future__ import annotations

import inspect
import subprocess
import sys
from pathlib import Path
from typing import Any

import attrs
import pytest
from hypothesis import HealthCheck, find, given, settings
from hypothesis import strategies as st

import jiguan_core
import jiguan_core.testing as testing
import tests.strategies
from jiguan_core import Organization, from_dict, to_dict
from jiguan_core.absence import Absence
from jiguan_core.activity import Activity
from jiguan_core.calendar import DateRange, WorkCalendar, YearArrangement
from jiguan_core.department import Department
from jiguan_core.post import ABRole, Post, PostAssignment
from jiguan_core.room import Room
from jiguan_core.staff import Relative, Staff
from jiguan_core.task import Task
from jiguan_core.testing import (
    ab_roles,
    absences,
    absences_for,
    activities,
    activities_for,
    date_ranges,
    departments,
    office_spans,
    organizations,
    post_assignments,
    posts,
    relatives,
    rooms,
    staff_members,
    tasks,
    tasks_for,
    texts,
    time_spans,
    year_arrangements,
)
from jiguan_core.text import Text
from jiguan_core.time import TimeSpan

SRC = Path(jiguan_core.__file__).resolve().parent

#: Shrinking searches use a fixed seed and no example database, so they are reproducible.
FIND_SETTINGS = settings(database=None, derandomize=True, suppress_health_check=list(HealthCheck))

#: Every stand-alone strategy with the type it must produce.
STAND_ALONE: list[tuple[type[Any], st.SearchStrategy[Any]]] = [
    (Text, texts()),
    (TimeSpan, time_spans()),
    (DateRange, date_ranges()),
    (YearArrangement, year_arrangements()),
    (Department, departments()),
    (Relative, relatives()),
    (Staff, staff_members()),
    (Post, posts()),
    (PostAssignment, post_assignments()),
    (ABRole, ab_roles()),
    (Room, rooms()),
    (Absence, absences()),
    (Activity, activities()),
    (Task, tasks()),
]


def _rebuilt(org: Organization) -> Organization:
    """Build the organization again from its fields, which runs the integrity check anew."""
    fields = [f.name for f in attrs.fields(Organization) if f.init]
    return Organization(**{name: getattr(org, name) for name in fields})


# Valid by construction ------------------------------------------------------------------------


@given(organizations())
def test_every_generated_organization_passes_its_own_integrity_check(org: Organization) -> None:
    """Rebuilding a generated organization from its parts raises no IntegrityError."""
    assert _rebuilt(org) == org


@given(organizations(min_departments=3, min_staff=6, max_staff=12, max_activities=15))
def test_larger_generated_organizations_are_valid_too(org: Organization) -> None:
    """The integrity check also holds for organizations at the larger end of the bounds."""
    assert _rebuilt(org) == org
    assert len(org.departments) >= 3
    assert len(org.staff) >= 6


@given(organizations())
def test_every_generated_organization_round_trips_through_dicts(org: Organization) -> None:
    """``from_dict(Organization, to_dict(org))`` gives back an equal organization."""
    assert from_dict(Organization, to_dict(org)) == org


@pytest.mark.parametrize(
    ("cls", "strategy"), STAND_ALONE, ids=[cls.__name__ for cls, _ in STAND_ALONE]
)
@given(data=st.data())
def test_every_stand_alone_object_round_trips_through_dicts(
    cls: type[Any], strategy: st.SearchStrategy[Any], data: st.DataObject
) -> None:
    """Each stand-alone strategy makes an object of its class that survives a dict round trip."""
    value = data.draw(strategy)
    assert isinstance(value, cls)
    assert from_dict(cls, to_dict(value)) == value


@given(st.data(), organizations())
def test_new_objects_for_an_organization_keep_it_valid(
    data: st.DataObject, org: Organization
) -> None:
    """Adding a drawn activity, absence and task to the organization they fit leaves it valid."""
    activity = data.draw(activities_for(org))
    absence = data.draw(absences_for(org))
    task = data.draw(tasks_for(org))
    grown = org.with_activities([activity]).with_absences([absence]).with_tasks([task])
    assert grown.activity(activity.id) == activity
    assert grown.absence(absence.id) == absence
    assert grown.task(task.id) == task
    assert from_dict(Organization, to_dict(grown)) == grown


@given(organizations(year=2024))
def test_the_working_day_calendar_covers_every_generated_date(org: Organization) -> None:
    """Every activity of a generated organization lies in days the built-in calendar knows."""
    calendar = WorkCalendar()
    assert {a.span.start.year for a in org.activities} <= {2024}
    days = {day for a in org.activities for day in a.span.dates()}
    assert {type(calendar.is_working_day(day)) for day in days} <= {bool}


@given(office_spans(year=2025, max_days=2))
def test_office_spans_start_on_quarter_hours_in_office_hours(span: TimeSpan) -> None:
    """Office spans start in 2025 between 07:00 and 18:45 on a quarter hour and last <= 2 days."""
    assert span.start.year == 2025
    assert 7 <= span.start.hour <= 18
    assert span.start.minute % 15 == 0
    assert 0 < (span.end - span.start).total_seconds() <= 2 * 24 * 3600


# Shrinking ------------------------------------------------------------------------------------


def test_a_minimal_organization_with_an_activity_is_tiny() -> None:
    """The smallest organization with an activity found by shrinking is tiny: one activity, at
    most two departments, people and posts each, and no other parts (today: one of each)."""
    smallest = find(organizations(), lambda org: len(org.activities) >= 1, settings=FIND_SETTINGS)
    assert len(smallest.activities) == 1
    assert len(smallest.departments) <= 2
    assert len(smallest.staff) <= 2
    assert len(smallest.posts) <= 2
    assert len(smallest.assignments) <= 2
    assert (smallest.rooms, smallest.absences, smallest.tasks, smallest.ab_roles) == ((),) * 4
    assert smallest.activities[0].participants == ()
    assert smallest.activities[0].leaders == ()


def test_a_minimal_activity_with_a_participant_names_one_short_id() -> None:
    """A stand-alone activity shrinks to one participant with a one-character id."""
    smallest = find(activities(), lambda a: len(a.participants) >= 1, settings=FIND_SETTINGS)
    assert len(smallest.participants) == 1
    assert len(smallest.participants[0]) == len("s") + 1
    assert smallest.room_id is None


# Public, documented, optional -----------------------------------------------------------------


def test_the_public_names_are_sorted_and_all_exist() -> None:
    """``__all__`` is sorted and every name in it exists in the module."""
    assert testing.__all__ == sorted(testing.__all__)
    missing = [name for name in testing.__all__ if not hasattr(testing, name)]
    assert missing == []


def test_every_public_strategy_function_has_a_docstring() -> None:
    """Each public function says what it generates."""
    undocumented = [
        name
        for name in testing.__all__
        if callable(getattr(testing, name))
        and not isinstance(getattr(testing, name), st.SearchStrategy)
        and not inspect.getdoc(getattr(testing, name))
    ]
    assert undocumented == []
    assert testing.__doc__ is not None
    assert "from jiguan_core.testing import" in testing.__doc__


def test_the_test_suite_strategies_are_the_public_ones() -> None:
    """``tests.strategies`` re-exports exactly the objects of ``jiguan_core.testing``."""
    assert tests.strategies.__all__ == testing.__all__
    for name in testing.__all__:
        assert getattr(tests.strategies, name) is getattr(testing, name)


def test_importing_jiguan_core_does_not_import_hypothesis() -> None:
    """In a fresh interpreter, ``import jiguan_core`` leaves hypothesis out of sys.modules."""
    code = "import sys, jiguan_core; print('hypothesis' in sys.modules)"
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=120
    )
    assert result.stdout.strip() == "False"


def test_no_other_library_module_imports_hypothesis() -> None:
    """Only jiguan_core/testing.py mentions a hypothesis import among the library's sources."""
    offenders = sorted(
        str(path.relative_to(SRC))
        for path in SRC.rglob("*.py")
        if path.name != "testing.py" or path.parent != SRC
        if "import hypothesis" in (text := path.read_text(encoding="utf-8"))
        or "from hypothesis" in text
    )
    assert offenders == []
