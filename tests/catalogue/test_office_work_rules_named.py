"""Every rule of the office-work areas (leave, duty, proposals, work plan) has a test naming it."""

from __future__ import annotations

from pathlib import Path

from jiguan_core.catalogue import RuleArea, all_rules

TESTS = Path(__file__).resolve().parents[1]
AREAS = {area for area in RuleArea if area.value in {"leave", "duty", "proposals", "workplan"}}


def test_every_office_work_rule_id_is_named_by_a_test() -> None:
    """A rule id of these areas that no test file mentions is a rule nobody checked."""
    text = "\n".join(
        p.read_text(encoding="utf-8")
        for p in TESTS.rglob("test_*.py")
        if p.name != Path(__file__).name
    )
    missing = [info.id for info in all_rules() if info.area in AREAS and info.id not in text]
    assert AREAS
    assert missing == []
