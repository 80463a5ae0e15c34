"""Scores carry the same sign in text and JSON: a check's or a plan's penalties are negative in
both (``-68hard`` and ``"hard": -68``), an assessment score or a leave balance is the same
number in both. Each test reads the number back out of the text."""

from __future__ import annotations

import json
import re

import pytest

from jiguan_core.cli.assess import run_assess
from jiguan_core.cli.check import run_check
from jiguan_core.cli.interchange import Workspace
from jiguan_core.cli.leave import run_leave
from jiguan_core.cli.plan import run_plan
from jiguan_core.examples.workspace import sample_workspace

SCORE_EN = re.compile(r"(-?\d+)hard/(-?\d+)medium/(-?\d+)soft")
SCORE_ZH = re.compile(r"硬 (-?\d+) / 中 (-?\d+) / 软 (-?\d+)")


@pytest.fixture(scope="module")
def ws() -> Workspace:
    return sample_workspace()


def _levels(data: dict[str, int]) -> tuple[int, int, int]:
    return data["hard"], data["medium"], data["soft"]


@pytest.mark.parametrize("run", [run_check, run_plan], ids=["check", "plan"])
def test_a_score_has_the_sign_of_its_text_in_json(run: object, ws: Workspace) -> None:
    """The numbers in the heading (English and Chinese) are the JSON's, penalties negative."""
    data = json.loads(run(ws, as_json=True).text)  # type: ignore[operator]
    en = SCORE_EN.search(run(ws, lang="en").text)  # type: ignore[operator]
    zh = SCORE_ZH.search(run(ws, lang="zh").text)  # type: ignore[operator]
    assert en is not None
    assert zh is not None
    expected = _levels(data["score"])
    assert tuple(map(int, en.groups())) == expected
    assert tuple(map(int, zh.groups())) == expected
    assert data["score"]["text"] == en.group(0)
    assert all(value <= 0 for value in expected)
    assert any(value < 0 for value in expected)  # the sample has penalties to show


def test_assessment_scores_are_the_same_numbers_in_text_and_json(ws: Workspace) -> None:
    """Each annual row's composite (two decimals) is the JSON's, sign and all."""
    data = json.loads(run_assess(ws, as_json=True).text)
    text = run_assess(ws, lang="en").text
    annual = text[text.index("annual assessment") :]
    shown = [o for o in data["annual"]["outcomes"] if o["composite"] is not None]
    assert shown
    for outcome in shown:
        row = next(line for line in annual.splitlines() if line.startswith(outcome["staff_id"]))
        assert f"{outcome['composite']:.2f}" in row.split()


def test_a_leave_balance_over_is_negative_in_both(ws: Workspace) -> None:
    """Someone who took more than was due is `-1` in the text and -1 in the JSON."""
    data = json.loads(run_leave(ws, year=2025, fmt="json").text)
    text = run_leave(ws, year=2025, lang="en").text
    over = [b for b in data["balances"] if b["left"] < 0]
    assert over
    for balance in over:
        row = next(line for line in text.splitlines() if line.startswith(balance["staff_id"]))
        assert f"{balance['left']:g}" in row.split()
