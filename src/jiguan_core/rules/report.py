"""The result of a check: violations, a summary per rule and a score per level (Timefold-like)."""

from __future__ import annotations

import itertools
import operator
from collections.abc import Iterable, Mapping

from attrs import field, frozen

from jiguan_core.rule import Severity
from jiguan_core.rules.catalogue import RULES
from jiguan_core.rules.not_made import NotMade
from jiguan_core.rules.violation import SortedViolations, Violation
from jiguan_core.text import Lang

__all__ = ["Report", "RuleSummary", "Score"]


@frozen(kw_only=True, order=True)
class Score:
    """Penalties per level (0 is perfect). Like Timefold's HardMediumSoftScore, with the sign
    flipped: ``hard`` outranks ``medium``, which outranks ``soft``."""

    hard: int = 0
    medium: int = 0
    soft: int = 0

    @property
    def is_feasible(self) -> bool:
        return self.hard == 0

    def render(self, lang: Lang = "zh") -> str:
        """``硬 -2 / 中 -5 / 软 0`` or Timefold's ``-2hard/-5medium/0soft``."""
        if lang == "zh":
            return f"硬 {-self.hard} / 中 {-self.medium} / 软 {-self.soft}"
        return str(self)

    def __str__(self) -> str:
        return f"{-self.hard}hard/{-self.medium}medium/{-self.soft}soft"


@frozen(kw_only=True)
class RuleSummary:
    """One rule's share of a report: how many violations and what they cost."""

    rule_id: str
    level: Severity
    enabled: bool
    count: int
    penalty: int


def _id_set(values: Iterable[str]) -> frozenset[str]:
    return frozenset(values)


def _sorted(values: Iterable[Violation]) -> tuple[Violation, ...]:
    found = tuple(values)
    if type(values) is SortedViolations:
        return found  # sorted by the engine that made them
    keys = [v.key for v in found]
    if all(map(operator.le, keys, itertools.islice(keys, 1, None))):
        return found  # the engines hand over sorted lists: do not sort twice
    return tuple(sorted(found, key=lambda v: v.key))


def score_of(violations: Iterable[Violation]) -> Score:
    totals = {Severity.HARD: 0, Severity.MEDIUM: 0, Severity.SOFT: 0}
    for v in violations:
        totals[v.level] += v.penalty
    return Score(
        hard=totals[Severity.HARD], medium=totals[Severity.MEDIUM], soft=totals[Severity.SOFT]
    )


@frozen(kw_only=True)
class Report:
    """Every violation exactly once, sorted by :attr:`Violation.key`; ``enabled`` rule ids."""

    violations: tuple[Violation, ...] = field(converter=_sorted)
    enabled: frozenset[str] = field(converter=_id_set)
    engine: str = "python"
    #: The level of each rule in this check (the policy's overrides applied); empty = catalogue's.
    levels: Mapping[str, Severity] = field(factory=dict, eq=False)
    #: Checks not made because the calendar lacks a year (rule part, days): see ``is_complete``.
    not_made: tuple[NotMade, ...] = ()

    @property
    def is_complete(self) -> bool:
        """Every enabled check was made (no year the calendar lacks was needed)."""
        return not self.not_made

    @property
    def score(self) -> Score:
        return score_of(self.violations)

    @property
    def is_feasible(self) -> bool:
        """No hard violation."""
        return self.score.hard == 0

    @property
    def summary(self) -> tuple[RuleSummary, ...]:
        """One line per catalogue rule (disabled ones too, with ``enabled=False``)."""
        out = []
        for entry in RULES:
            found = [v for v in self.violations if v.rule_id == entry.id]
            out.append(
                RuleSummary(
                    rule_id=entry.id,
                    level=self.levels.get(entry.id, entry.info.level),
                    enabled=entry.id in self.enabled,
                    count=len(found),
                    penalty=sum(v.penalty for v in found),
                )
            )
        return tuple(out)

    def of_rule(self, rule_id: str) -> tuple[Violation, ...]:
        return tuple(v for v in self.violations if v.rule_id == rule_id)

    def summary_lines(self, lang: Lang = "zh") -> list[str]:
        lines = []
        for s in self.summary:
            if lang == "zh":
                state = "" if s.enabled else "（已关闭）"
                lines.append(f"{s.rule_id}（{s.level.zh}）{state}：{s.count} 项，扣分 {s.penalty}")
            else:
                state = "" if s.enabled else " (off)"
                lines.append(
                    f"{s.rule_id} ({s.level.en}){state}: {s.count} violations, penalty {s.penalty}"
                )
        return lines

    def render(self, lang: Lang = "zh") -> str:
        head = (
            f"得分 {self.score.render(lang)}，共 {len(self.violations)} 项违规"
            if lang == "zh"
            else f"score {self.score}, {len(self.violations)} violations"
        )
        return "\n".join(
            [
                head,
                *(n.render(lang) for n in self.not_made),
                *self.summary_lines(lang),
                *(v.render(lang) for v in self.violations),
            ]
        )
