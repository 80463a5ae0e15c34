"""The result of a check: violations, a summary per rule and a score per level (Timefold-like)."""

from __future__ import annotations

import datetime as dt
import itertools
import operator
from collections.abc import Iterable, Mapping
from typing import Any

from attrs import field, frozen

from jiguan_core._validation import SortedFrozenSet
from jiguan_core.catalogue.scheduling import RULES
from jiguan_core.errors import InvalidValue
from jiguan_core.finding import Finding
from jiguan_core.rule import Severity
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

    def to_data(self) -> dict[str, Any]:
        """JSON data with the sign the text shows (penalties negative, 0 is perfect), and that
        text: ``{"hard": -68, "medium": -48, "soft": 0, "text": "-68hard/-48medium/0soft"}``."""
        return {"hard": -self.hard, "medium": -self.medium, "soft": -self.soft, "text": str(self)}

    @classmethod
    def from_data(cls, data: Mapping[str, Any]) -> Score:
        """The score :meth:`to_data` wrote (its ``text`` is ignored: the numbers say it all)."""
        try:
            return cls(hard=-data["hard"], medium=-data["medium"], soft=-data["soft"])
        except (KeyError, TypeError) as error:
            raise InvalidValue(
                f"a score is {{'hard': int, 'medium': int, 'soft': int}}, got {data!r}",
                f"得分应为 {{'hard': 整数, 'medium': 整数, 'soft': 整数}}，实际为 {data!r}",
                field="score",
                value=data,
            ) from error


@frozen(kw_only=True)
class RuleSummary:
    """One rule's share of a report: how many violations and what they cost."""

    rule_id: str
    level: Severity
    enabled: bool
    count: int
    penalty: int


def _id_set(values: Iterable[str]) -> frozenset[str]:
    # Iterates in sorted order: a report never depends on the hash seed.
    return SortedFrozenSet(values)


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
        """The violations of one rule (a former id finds it too)."""
        from jiguan_core.catalogue import rule

        wanted = rule(rule_id).id
        return tuple(v for v in self.violations if v.rule_id == wanted)

    @property
    def findings(self) -> tuple[Finding, ...]:
        """Every violation as the one :class:`~jiguan_core.finding.Finding`, in report order."""
        return tuple(v.to_finding() for v in self.violations)

    def to_dict(self) -> dict[str, Any]:
        """Plain JSON data: the violations with their messages and sources, the rules checked,
        the levels used and the score; :meth:`from_dict` reads it back equal."""
        return {
            "engine": self.engine,
            "enabled": sorted(self.enabled),
            "levels": {k: v.value for k, v in sorted(self.levels.items())},
            "score": self.score.to_data(),
            "violations": [v.to_dict() for v in self.violations],
            "not_made": [
                {
                    "rule_id": n.rule_id,
                    "part": n.part,
                    "years": list(n.years),
                    "days": [d.isoformat() for d in n.days],
                }
                for n in self.not_made
            ],
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Report:
        """A report from :meth:`to_dict`'s data; bad data raises a JiguanError naming it."""
        from jiguan_core.serialization import from_dict

        if not isinstance(data, Mapping):
            raise InvalidValue(
                f"a report is a JSON object, got {data!r}",
                f"检查报告应为 JSON 对象，实际为 {data!r}",
                field="report",
                value=data,
            )
        violations = data.get("violations", [])
        if not isinstance(violations, list):
            raise InvalidValue(
                f"report.violations is a list, got {violations!r}",
                f"report.violations 应为列表，实际为 {violations!r}",
                field="violations",
                value=violations,
            )
        levels = from_dict(dict[str, Severity], data.get("levels", {}))
        return cls(
            violations=tuple(Violation.from_dict(v) for v in violations),
            enabled=from_dict(tuple[str, ...], data.get("enabled", [])),
            engine=from_dict(str, data.get("engine", "python")),
            levels=levels,
            not_made=tuple(
                NotMade(
                    rule_id=from_dict(str, n.get("rule_id")),
                    part=from_dict(str, n.get("part")),
                    days=from_dict(tuple[dt.date, ...], n.get("days", [])),
                )
                for n in from_dict(tuple[dict[str, Any], ...], data.get("not_made", []))
            ),
        )

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
