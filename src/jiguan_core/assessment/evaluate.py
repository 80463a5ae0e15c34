"""The assessment catalogue's single-fact patterns, chosen by rule id (the engine that evaluates
them is the shared one, :class:`jiguan_core.facts.PatternIndex`)."""

from __future__ import annotations

from collections.abc import Iterable

from jiguan_core._validation import boundary
from jiguan_core.catalogue.assessment import ASSESSMENT_CATALOGUE, FactPattern
from jiguan_core.facts import PatternIndex

__all__ = ["PatternIndex", "patterns_of"]


@boundary
def patterns_of(rule_ids: Iterable[str]) -> tuple[FactPattern, ...]:
    """The patterns of these rules, in catalogue order."""
    wanted = set(rule_ids)
    return tuple(
        p
        for r in ASSESSMENT_CATALOGUE.values()
        if r.id in wanted
        for p in r.patterns
        if isinstance(p, FactPattern)
    )
