"""``jiguan coverage`` under the workspace's one policy (DEV-COVER)."""

from __future__ import annotations

import datetime as dt
import json

import attrs

from jiguan_core.absence import Absence, AbsenceKind
from jiguan_core.cli.coverage import run_coverage
from jiguan_core.cli.interchange import Workspace
from jiguan_core.examples.workspace import sample_workspace
from jiguan_core.policy import Policy
from jiguan_core.time import TimeSpan

DAY = dt.date(2025, 5, 26)


def gapped() -> Workspace:
    """The sample workspace with A, B and the fallback of its first key post away on 26 May."""
    ws = sample_workspace()
    role = ws.office.ab_roles[0]
    away = [
        Absence(
            id=f"gap-{i}",
            staff_id=who,
            span=TimeSpan.whole_days(DAY, DAY),
            kind=AbsenceKind.PERSONAL_LEAVE,
        )
        for i, who in enumerate((role.a_id, role.b_id, *role.fallback))
    ]
    return attrs.evolve(ws, office=attrs.evolve(ws.office, absences=(*ws.office.absences, *away)))


def test_a_gap_exits_one_unless_the_workspace_policy_switches_dev_cover_off() -> None:
    ws = gapped()
    assert run_coverage(ws, as_json=True).exit_code == 1
    off = run_coverage(attrs.evolve(ws, policy=Policy(disabled={"DEV-COVER"})), as_json=True)
    assert off.exit_code == 0
    assert all(p["gaps"] == [] for p in json.loads(off.text)["posts"])
