"""Names beside ids: wherever a command's text shows a staff member, department, post or room,
it shows ``id name`` (``s001 王某``); the JSON of the same run keeps bare ids. Each test reads
the ids from the command's JSON and builds the expected labels from the office itself."""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Iterable
from typing import Any

import attrs
import pytest

from jiguan_core.absence import Absence, AbsenceKind
from jiguan_core.cli.assess import run_assess
from jiguan_core.cli.coverage import run_coverage
from jiguan_core.cli.interchange import Workspace
from jiguan_core.cli.leave import run_leave
from jiguan_core.cli.names import Names, label
from jiguan_core.cli.plan import run_plan
from jiguan_core.cli.proposals import run_proposals
from jiguan_core.cli.roster import run_roster
from jiguan_core.cli.rotation import run_rotation
from jiguan_core.cli.workplan import run_workplan
from jiguan_core.examples.workspace import sample_workspace
from jiguan_core.organization import Organization
from jiguan_core.proposals import ProposalRecord
from jiguan_core.time import TimeSpan
from tests.cli.test_workplan import workspace as workplan_workspace
from tests.strategies_office_work import duty_office

#: An id as a workspace writes it: no spaces (a label has one).
BARE_ID = re.compile(r"[^\s]+")


@pytest.fixture(scope="module")
def ws() -> Workspace:
    return sample_workspace()


def _named(office: Organization) -> dict[str, str]:
    """Every id of the office with its name, built without the code under test."""
    found: dict[str, str] = {}
    for group in (office.staff, office.departments, office.posts, office.rooms):
        for item in group:
            found[item.id] = item.name
    return found


def _assert_labelled(text: str, ids: Iterable[str | None], office: Organization) -> None:
    names = _named(office)
    shown = [i for i in ids if i is not None]
    assert shown, "the run names nobody: nothing to check"
    for id_ in shown:
        assert f"{id_} {names[id_]}" in text, id_
        assert BARE_ID.fullmatch(id_)


class TestLabels:
    def test_a_label_is_the_id_then_the_name(self) -> None:
        """`s001` named 王某 shows as `s001 王某`."""
        assert label("s001", "王某") == "s001 王某"

    def test_an_id_without_a_name_shows_alone(self) -> None:
        """No name, or a name equal to the id, adds nothing."""
        assert label("r-9", None) == "r-9"
        assert label("r-9", "") == "r-9"
        assert label("r-9", "r-9") == "r-9"

    def test_an_id_the_office_does_not_define_shows_alone_and_none_stays_none(
        self, ws: Workspace
    ) -> None:
        """Unknown ids pass through (a message still names them); a missing value stays missing."""
        names = Names.of(ws.office)
        assert names.person("nobody") == "nobody"
        assert names.room(None) is None
        first = ws.office.staff[0]
        assert names.person(first.id) == f"{first.id} {first.name}"

    def test_each_kind_has_its_own_lookup(self) -> None:
        """A post and a person never borrow each other's names."""
        office = duty_office(0, 1)
        names = Names.of(office)
        assert names.post("S01") == "S01"
        assert names.person("S01") == "S01 干部1"
        assert names.post("p-S01") == "p-S01 岗位S01"


@pytest.mark.parametrize("lang", ["zh", "en"])
class TestEveryCommandShowsNamesBesideIds:
    def test_assess_names_every_person_graded(self, ws: Workspace, lang: Any) -> None:
        """Each quarter's and the year's rows: `s007 吕刚`."""
        data = json.loads(run_assess(ws, as_json=True).text)
        ids = [o["staff_id"] for q in data["quarters"] for o in q["outcomes"]]
        ids += [o["staff_id"] for o in data["annual"]["outcomes"]]
        _assert_labelled(run_assess(ws, lang=lang).text, ids, ws.office)

    def test_rotation_names_people_and_posts(self, ws: Workspace, lang: Any) -> None:
        """Every check's person and post."""
        data = json.loads(run_rotation(ws, as_json=True).text)
        ids = [c["staff_id"] for c in data["checks"]] + [c["post_id"] for c in data["checks"]]
        _assert_labelled(run_rotation(ws, lang=lang).text, ids, ws.office)

    def test_coverage_names_posts_and_everyone_in_their_chains(
        self, ws: Workspace, lang: Any
    ) -> None:
        """The post and each link of its A/B chain."""
        data = json.loads(run_coverage(ws, as_json=True).text)
        ids = [p["post_id"] for p in data["posts"]] + [i for p in data["posts"] for i in p["chain"]]
        _assert_labelled(run_coverage(ws, lang=lang).text, ids, ws.office)

    def test_coverage_names_a_post_left_with_nobody(self, ws: Workspace, lang: Any) -> None:
        """With A, B and the fallback of a key post all away on 26 May 2025, the gap's row names
        the post and cites DEV-COVER; exit 1."""
        role = ws.office.ab_roles[0]
        day = dt.date(2025, 5, 26)
        away = [
            Absence(
                id=f"gap-{i}",
                staff_id=who,
                span=TimeSpan.whole_days(day, day),
                kind=AbsenceKind.PERSONAL_LEAVE,
            )
            for i, who in enumerate((role.a_id, role.b_id, *role.fallback))
        ]
        office = attrs.evolve(ws.office, absences=(*ws.office.absences, *away))
        gapped = attrs.evolve(ws, office=office)
        outcome = run_coverage(gapped, lang=lang)
        data = json.loads(run_coverage(gapped, as_json=True).text)
        assert outcome.exit_code == 1
        gap_rows = [line for line in outcome.text.splitlines() if str(day) in line]
        assert [p["post_id"] for p in data["posts"] if "2025-05-26" in p["gaps"]] == [role.post_id]
        _assert_labelled(gap_rows[0], [role.post_id], ws.office)
        assert "DEV-COVER" in gap_rows[0]

    def test_plan_names_the_rooms(self, ws: Workspace, lang: Any) -> None:
        """Each placed activity's room: `r-1 第一会议室`."""
        data = json.loads(run_plan(ws, as_json=True).text)
        ids = [p["activity"]["room_id"] for p in data["placed"]]
        _assert_labelled(run_plan(ws, lang=lang).text, ids, ws.office)

    def test_roster_names_whoever_is_on_duty(self, ws: Workspace, lang: Any) -> None:
        """Leaders in charge and staff on duty, every day."""
        days = (dt.date(2026, 10, 1), dt.date(2026, 10, 7))
        data = json.loads(run_roster(ws, start=days[0], last=days[1], fmt="json").text)
        ids = [i for d in data["days"] for i in (*d["leaders"], *d["staff"])]
        text = run_roster(ws, start=days[0], last=days[1], lang=lang).text
        _assert_labelled(text, ids, ws.office)

    def test_leave_names_every_person(self, ws: Workspace, lang: Any) -> None:
        """Each balance's row starts with `id name`."""
        data = json.loads(run_leave(ws, year=2025, fmt="json").text)
        ids = [b["staff_id"] for b in data["balances"]]
        _assert_labelled(run_leave(ws, year=2025, lang=lang).text, ids, ws.office)

    def test_workplan_names_each_department(self, lang: Any) -> None:
        """Each 委室's block: `d0 <name>`."""
        ws = workplan_workspace()
        on = dt.date(2026, 4, 1)
        data = json.loads(run_workplan(ws, as_of=on, fmt="json").text)
        ids = [d["department_id"] for d in data["departments"]]
        _assert_labelled(run_workplan(ws, as_of=on, lang=lang).text, ids, ws.office)

    def test_proposals_name_whoever_a_late_proposal_waits_for(self, lang: Any) -> None:
        """A late proposal handled by a staff member of the office names them."""
        record = ProposalRecord(
            id="ta-1",
            title="提案",
            proposer="委员",
            submitted_on=dt.date(2026, 3, 2),
            committee_unit="d0",
            reviewer="S01",
            filed_on=dt.date(2026, 3, 6),
            assigned_on=dt.date(2026, 3, 13),
            handling_unit="d0",
            handler="S01",
        )
        ws = Workspace(office=duty_office(0, 1), proposals=[record])
        on = dt.date(2026, 6, 30)
        data = json.loads(run_proposals(ws, as_of=on, fmt="json").text)
        ids = [item["responsible_id"] for item in data["late"]]
        _assert_labelled(run_proposals(ws, as_of=on, lang=lang).text, ids, ws.office)
