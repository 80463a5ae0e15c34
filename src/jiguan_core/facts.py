"""The single-fact engine every area shares: which flat facts a rule's single-fact patterns match.

A rule of any area whose condition is a :class:`~jiguan_core.patterns.SingleFact` pattern (a
person-year barred from 优秀, an incoming urgent document without a deadline, a person on probation
who is due for rotation ...) is decided here, on either engine: ``"python"`` (the default, each
pattern indexed by one of its equality tests) or ``"durable"`` (durable_rules, the optional extra,
through its safe runner). Both give the same answer; a property test compares them with a
brute-force oracle on every declarative single-fact rule of the catalogue.

Parameters are substituted before matching (a condition on a rule parameter compares with the
policy's value), and an ``in`` test becomes one pattern per member, so the engines only ever see
literal comparisons.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from operator import itemgetter
from typing import Any, Literal

from jiguan_core.errors import InvalidValue
from jiguan_core.patterns import OPERATORS, Condition, FactValue, SingleFact, _members

__all__ = ["FactEngine", "PatternIndex", "literal_patterns", "match_facts"]

FactPattern = SingleFact

FactEngine = Literal["python", "durable"]


def literal_patterns(
    patterns: Sequence[SingleFact], parameters: Mapping[str, object] | None = None
) -> tuple[SingleFact, ...]:
    """The patterns with every parameter replaced by its value and every ``in`` test expanded
    into one pattern per member (same pattern id)."""
    out: list[SingleFact] = []
    for pattern in patterns:
        variants: list[tuple[Condition, ...]] = [()]
        for condition in pattern.conditions:
            target = condition.target(parameters)
            if condition.op == "in":
                choices = [
                    Condition(condition.field, "==", _literal(v, condition))
                    for v in sorted(_members(target), key=str)
                ]
            else:
                choices = [Condition(condition.field, condition.op, _literal(target, condition))]
            variants = [(*v, c) for v in variants for c in choices]
        out.extend(
            SingleFact(id=pattern.id, table=pattern.table, conditions=v, description=None)
            for v in variants
        )
    return tuple(out)


def _literal(value: object, condition: Condition) -> FactValue:
    if isinstance(value, bool):
        return int(value)
    if isinstance(value, int | str):
        return value
    raise InvalidValue(
        f"condition {condition.render()} compares with {value!r}; the fact engine takes whole "
        "numbers and strings",
        f"条件 {condition.render()} 的比较值 {value!r} 须为整数或字符串",
        field=condition.field,
        value=value,
    )


def match_facts(
    patterns: Sequence[SingleFact],
    facts: Sequence[Mapping[str, FactValue]],
    *,
    parameters: Mapping[str, object] | None = None,
    engine: FactEngine = "python",
) -> set[tuple[str, int]]:
    """``{(pattern id, fact index)}`` for every fact a pattern matches, on the engine chosen."""
    literal = literal_patterns(patterns, parameters)
    if engine == "durable":
        from jiguan_core.rules.durable_engine import run_single_fact_patterns

        return run_single_fact_patterns(facts, literal) if literal and facts else set()
    if engine != "python":
        raise InvalidValue(
            f"engine must be 'python' or 'durable', got {engine!r}",
            f"engine 应为 'python' 或 'durable'，实际为 {engine!r}",
            field="engine",
            value=engine,
        )
    return PatternIndex(literal).matches(facts)


_Check = tuple[str, Callable[[Any, Any], bool], FactValue, bool]
_Entry = tuple[int, str, str, tuple[_Check, ...]]


def _rule_of(pattern: FactPattern) -> str:
    return pattern.id.rsplit("#", 1)[0]


def _check(condition: Condition) -> _Check:
    # The engine compares with literal values: see literal_patterns for parameters and ``in``.
    value = condition.value
    if value is None or condition.op not in OPERATORS:
        raise InvalidValue(
            f"condition {condition.render()} needs a literal value and a comparison",
            f"条件 {condition.render()} 须为与常量的比较",
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
    """Single-fact patterns, each indexed by one of its equality conditions (``grade ==
    "excellent"``, ``urgent == 1`` ...): a fact looks up each indexed field once and tests only
    the patterns whose indexed value it has. Gives what testing every pattern with
    :meth:`SingleFact.matches` gives (a property test checks this)."""

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
