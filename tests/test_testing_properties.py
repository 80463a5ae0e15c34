"""jiguan_core.testing's request and workspace strategies: valid by construction, accepted by the
scheduler, and surviving the workspace's JSON round trip."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from jiguan_core import Organization, from_dict, to_dict
from jiguan_core.cli.interchange import Workspace, dump_workspace, parse_workspace
from jiguan_core.scheduling import ActivityRequest, schedule
from jiguan_core.testing import (
    activity_requests,
    activity_requests_for,
    organizations,
    workspaces,
)


@given(activity_requests())
def test_every_stand_alone_request_round_trips_through_dicts(request: ActivityRequest) -> None:
    """A drawn request is valid (it was constructed) and reads back equal."""
    assert from_dict(ActivityRequest, to_dict(request)) == request
    # Someone attends: named participants or leaders, or leaders to be chosen.
    assert len(request.participants) + len(request.leaders) + request.any_leaders >= 1


@settings(max_examples=30)
@given(st.data(), organizations(max_staff=5, max_activities=3))
def test_a_request_for_an_office_is_accepted_by_the_scheduler(
    data: st.DataObject, org: Organization
) -> None:
    """The scheduler takes it without an input error, and either places it or says why not."""
    request = data.draw(activity_requests_for(org))
    plan = schedule(org, [request], max_iterations=50)
    placed = {p.request_id for p in plan.placed}
    unplaced = {u.request_id for u in plan.unplaced}
    assert placed | unplaced == {request.id}


@settings(max_examples=30)
@given(workspaces())
def test_every_drawn_workspace_survives_the_json_round_trip(workspace: Workspace) -> None:
    """Dumped to JSON and read back through the schema and the converter, it is unchanged."""
    assert parse_workspace(dump_workspace(workspace)) == workspace


@settings(max_examples=30)
@given(workspaces())
def test_drawn_workspaces_have_sections_present_and_absent(workspace: Workspace) -> None:
    """Each optional section, when drawn, is a section of its own kind (that each is sometimes
    drawn and sometimes not is checked over a whole run below)."""
    names = ("plan", "assessment", "coverage", "rotation")
    drawn = {
        n: type(getattr(workspace, n)).__name__ for n in names if getattr(workspace, n) is not None
    }
    assert {n: kind for n, kind in drawn.items() if not kind.endswith("Section")} == {}


def test_the_workspace_strategy_draws_every_section_and_leaves_each_out() -> None:
    """Over a run, every optional section is sometimes there and sometimes not."""
    seen: dict[str, set[bool]] = {n: set() for n in ("plan", "assessment", "coverage", "rotation")}

    @settings(max_examples=40, database=None)
    @given(workspaces(max_staff=3, max_requests=1))
    def record(workspace: Workspace) -> None:
        for name, present in seen.items():
            present.add(getattr(workspace, name) is not None)

    record()
    assert all(present == {True, False} for present in seen.values()), seen
