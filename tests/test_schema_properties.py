"""The workspace schema matches the converter: whatever the converter writes for generated
objects validates against the generated schema and reads back equal."""

from __future__ import annotations

import datetime as dt
from functools import cache

import attrs
import jsonschema
from hypothesis import given
from hypothesis import strategies as st

from jiguan_core.cli import (
    AssessSection,
    CoverageSection,
    PlanSection,
    RotationSection,
    StatsSection,
    Workspace,
    load_workspace,
    schema_problems,
    workspace_schema,
    workspace_to_dict,
)
from jiguan_core.department import Department
from tests.strategies import organizations
from tests.strategies_assessment import staff_ids, tiny_office, year_records
from tests.strategies_rules import policies
from tests.strategies_scheduling import instances
from tests.strategies_work import DEPARTMENTS, STAFF, record_lists
from tests.test_schema_validator import _checker


@cache
def _independent() -> jsonschema.Draft202012Validator:
    """jsonschema's own Draft 2020-12 validator of the workspace schema, with a real RFC 3339
    date-time check (tests/test_schema_validator.py), built once."""
    schema = workspace_schema()
    jsonschema.Draft202012Validator.check_schema(schema)
    return jsonschema.Draft202012Validator(schema, format_checker=_checker())


def _round_trips(workspace: Workspace) -> None:
    """Valid per the library's own check and per an independent validator (jsonschema, with a
    real RFC 3339 date-time check: tests/test_schema_validator.py), then read back equal."""
    data = workspace_to_dict(workspace)
    assert schema_problems(data) == []
    assert [f"{e.json_path}: {e.message}" for e in _independent().iter_errors(data)] == []
    assert load_workspace(data) == workspace


@st.composite
def office_workspaces(draw: st.DrawFn) -> Workspace:
    """A generated office with a policy, a coverage and a rotation section naming its ids."""
    office = draw(organizations())
    policy = draw(policies())
    activity_ids = [a.id for a in office.activities]
    blackouts = tuple(
        attrs.evolve(b, exempt=draw(st.lists(st.sampled_from(activity_ids), max_size=2)))
        if activity_ids
        else attrs.evolve(b, exempt=())
        for b in policy.blackouts
    )
    start = draw(st.dates(dt.date(2025, 1, 1), dt.date(2025, 12, 1)))
    post_ids = draw(
        st.none() | st.lists(st.sampled_from([p.id for p in office.posts]), unique=True)
    )
    return Workspace(
        office=office,
        policy=attrs.evolve(policy, blackouts=blackouts),
        coverage=CoverageSection(
            start=start, end=start + dt.timedelta(days=draw(st.integers(0, 40))), post_ids=post_ids
        ),
        rotation=RotationSection(
            as_of=start,
            under_investigation=tuple(
                draw(st.lists(st.sampled_from([s.id for s in office.staff]), unique=True))
            ),
        ),
    )


@given(office_workspaces())
def test_generated_offices_with_policies_round_trip_through_the_schema(
    workspace: Workspace,
) -> None:
    """Offices, scheduling policies (blackouts, overrides), coverage and rotation sections."""
    _round_trips(workspace)


@given(instances(max_requests=8), st.integers(0, 99))
def test_generated_requests_round_trip_through_the_schema(instance: object, seed: int) -> None:
    """Activity requests (durations, office hours, recurrence rules) validate and read back."""
    _round_trips(
        Workspace(
            office=instance.office,  # type: ignore[attr-defined]
            plan=PlanSection(requests=instance.requests, seed=seed),  # type: ignore[attr-defined]
        )
    )


_TINY = tiny_office(STAFF)
#: The staff and departments the work strategies name.
_WORK_OFFICE = attrs.evolve(
    _TINY,
    departments=(*_TINY.departments, *(Department(id=d, name=f"部门{d}") for d in DEPARTMENTS)),
)


@given(
    record_lists(max_size=15),
    st.dictionaries(st.sampled_from(staff_ids(6)), st.floats(0, 100), min_size=1),
)
def test_generated_records_round_trip_through_the_schema(
    records: list[object], scores: dict[str, float]
) -> None:
    """Learning records and assessment records validate and read back equal."""
    _round_trips(
        Workspace(
            office=_WORK_OFFICE,
            statistics=StatsSection(records=tuple(records), as_of=dt.date(2026, 1, 1)),  # type: ignore[arg-type]
        )
    )
    _round_trips(
        Workspace(
            office=tiny_office(staff_ids(6)),
            assessment=AssessSection(records=year_records(scores), year=2025),
        )
    )
