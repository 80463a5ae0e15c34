"""A violation's key orders reports: rules in catalogue order, counted from 1, and a rule the
catalogue does not know after all of them."""

from __future__ import annotations

import datetime as dt

import pytest

from jiguan_core.catalogue.scheduling import RULES
from jiguan_core.rule import Severity
from jiguan_core.rules import violation
from jiguan_core.rules.violation import Violation
from jiguan_core.text import Text


def _violation(rule_id: str) -> Violation:
    return Violation(
        rule_id=rule_id,
        part=f"{rule_id}/part",
        level=Severity.SOFT,
        day=dt.date(2026, 3, 9),
        message=Text("违规", "violation"),
    )


def test_the_first_catalogue_rule_is_number_one(monkeypatch: pytest.MonkeyPatch) -> None:
    """Numbered from a cold start (the numbers are cached once computed)."""
    monkeypatch.setattr(violation, "_NUMBERS", {})
    assert _violation(RULES[0].id).key[0] == 1


def test_the_last_catalogue_rule_is_numbered_by_its_place(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(violation, "_NUMBERS", {})
    assert _violation(RULES[-1].id).key[0] == len(RULES)


def test_a_rule_the_catalogue_does_not_know_comes_after_every_catalogue_rule() -> None:
    assert _violation("NOT-A-RULE").key[0] == len(RULES) + 1
