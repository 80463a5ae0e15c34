"""Evaluate the catalogue's single-fact patterns over flat facts (the Python engine).

Each pattern is indexed by one of its equality conditions (``grade == "excellent"``,
``promotion_blocked == 1`` ...): a fact looks up each indexed field once and tests only the
patterns whose indexed value it has. The result is the same as testing every pattern with
:meth:`FactPattern.matches` (a property test checks this).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from operator import itemgetter
from typing import Any

from jiguan_core._validation import boundary
from jiguan_core.catalogue.assessment import (
    ASSESSMENT_CATALOGUE,
    OPERATORS,
    Condition,
    FactPattern,
    FactValue,
)
from jiguan_core.errors import InvalidValue

__all__ = ["PatternIndex", "patterns_of"]

_Check = tuple[str, Callable[[Any, Any], bool], FactValue, bool]
_Entry = tuple[int, str, str, tuple[_Check, ...]]


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


def _rule_of(pattern: FactPattern) -> str:
    return pattern.id.rsplit("#", 1)[0]


def _check(condition: Condition) -> _Check:
    # Person-year conditions compare with a literal value (no parameter, no ``in``).
    value = condition.value
    if value is None or condition.op not in OPERATORS:
        raise InvalidValue(
            f"person-year condition {condition.render()} needs a literal value and a comparison",
            f"人员年度条件 {condition.render()} 须为与常量的比较",
            field=condition.field,
            value=condition.op,
        )
    return (condition.field, OPERATORS[condition.op], value, isinstance(value, str))


def _rest_matches(fact: Mapping[str, FactValue], checks: tuple[_Check, ...]) -> bool:
    for name, op, value, value_is_str in checks:
        found = fact.get(name)
        if found is None or isinstance(found, str) is not value_is_str or not op(found, value):
            return False
    return True


class PatternIndex:
    """Patterns indexed by one equality condition each; see the module docstring."""

    def __init__(self, patterns: Sequence[FactPattern]) -> None:
        keyed: dict[str, dict[FactValue, list[_Entry]]] = {}
        self._unkeyed: list[_Entry] = []
        for order, pattern in enumerate(patterns):
            equalities = [c for c in pattern.conditions if c.op == "=="]
            key = next((c for c in equalities if c.field == "grade"), None) or next(
                iter(equalities), None
            )
            rest = tuple(_check(c) for c in pattern.conditions if c is not key)
            entry: _Entry = (order, _rule_of(pattern), pattern.id, rest)
            if key is None:
                self._unkeyed.append(entry)
            else:
                field, _, value, _ = _check(key)
                keyed.setdefault(field, {}).setdefault(value, []).append(entry)
        self._keyed = tuple(keyed.items())
        # Whether a pattern matches depends only on these fields: memoise on their values.
        self._fields = tuple(sorted({c.field for p in patterns for c in p.conditions}))
        self._memo: dict[object, tuple[str, ...]] = {}
        self._key: Callable[[Mapping[str, FactValue]], object] = (
            itemgetter(*self._fields) if self._fields else (lambda fact: ())
        )

    def _key_getter(self, field_order: Sequence[str]) -> Callable[[Sequence[FactValue]], object]:
        """For facts given as rows of values in ``field_order`` (every field present): a function
        giving a row's memo key, the values of the fields the patterns test (the key
        :meth:`fired` memoises on). Rows with equal keys fire the same rules."""
        missing = [f for f in self._fields if f not in field_order]
        if missing:
            raise InvalidValue(
                f"rows lack the fields {missing} that the patterns test; give every field",
                f"事实行缺少规则条件用到的字段 {missing}，请提供全部字段",
                field="field_order",
                value=tuple(field_order),
            )
        positions = [field_order.index(f) for f in self._fields]
        if not positions:
            return lambda row: ()
        return itemgetter(*positions)

    def fired(self, fact: Mapping[str, FactValue]) -> tuple[str, ...]:
        """The ids of the rules with a pattern matching ``fact``, each once, in pattern order."""
        try:
            key = self._key(fact)
        except KeyError:  # a fact without some field: the plain path
            return tuple(self._fired(fact))
        found = self._memo.get(key)
        if found is None:
            found = self._memo[key] = tuple(self._fired(fact))
        return found

    def _fired(self, fact: Mapping[str, FactValue]) -> list[str]:
        hits: list[tuple[int, str]] = []
        for name, table in self._keyed:
            value = fact.get(name)
            if value is None:
                continue
            for order, rule_id, _, rest in table.get(value, ()):
                if _rest_matches(fact, rest):
                    hits.append((order, rule_id))
        for order, rule_id, _, rest in self._unkeyed:
            if _rest_matches(fact, rest):
                hits.append((order, rule_id))
        if len(hits) > 1:
            hits.sort()
        seen: list[str] = []
        for _, rule_id in hits:
            if rule_id not in seen:
                seen.append(rule_id)
        return seen

    def matches(self, facts: Sequence[Mapping[str, FactValue]]) -> set[tuple[str, int]]:
        """Every (pattern id, fact index) that matches: the shape the durable runner returns."""
        out: set[tuple[str, int]] = set()
        for i, fact in enumerate(facts):
            for name, table in self._keyed:
                value = fact.get(name)
                if value is None:
                    continue
                for _, _, pattern_id, rest in table.get(value, ()):
                    if _rest_matches(fact, rest):
                        out.add((pattern_id, i))
            for _, _, pattern_id, rest in self._unkeyed:
                if _rest_matches(fact, rest):
                    out.add((pattern_id, i))
        return out
