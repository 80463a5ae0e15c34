"""Every declarative single-fact rule of every area gives the same matches on the pure-Python
engine, on durable_rules and by brute force.

The brute-force oracle is written here from the pattern's meaning (a fact matches when every
condition's comparison holds, a missing field or a number against a string never does, ``in``
tests membership of the parameter's comma-separated list); it shares no code with the engines.
"""

from __future__ import annotations

import importlib.util
import operator

import pytest
from hypothesis import given
from hypothesis import strategies as st

from jiguan_core.catalogue import all_rules
from jiguan_core.facts import match_facts
from jiguan_core.patterns import SingleFact
from jiguan_core.rule import Rule

DECLARATIVE = [r for r in all_rules() if any(isinstance(p, SingleFact) for p in r.patterns)]
_OPS = {"==": operator.eq, "!=": operator.ne, "<": operator.lt, "<=": operator.le, ">": operator.gt, ">=": operator.ge}  # fmt: skip
ENGINES = [
    "python",
    pytest.param(
        "durable",
        marks=pytest.mark.skipif(
            importlib.util.find_spec("durable") is None, reason="durable_rules is not installed"
        ),
    ),
]


def oracle(
    rule: Rule, facts: list[dict[str, int | str]], parameters: dict[str, object] | None = None
) -> set[tuple[str, int]]:
    parameters = dict(rule.resolve()) if parameters is None else parameters
    found = set()
    for pattern in rule.patterns:
        if not isinstance(pattern, SingleFact):
            continue
        for number, fact in enumerate(facts):
            ok = True
            for c in pattern.conditions:
                value = fact.get(c.field)
                target = parameters[c.parameter] if c.parameter else c.value
                if value is None:
                    ok = False
                elif c.op == "in":
                    ok = str(value) in [t.strip() for t in str(target).split(",")]
                elif isinstance(value, str) != isinstance(target, str):
                    ok = False
                else:
                    ok = _OPS[c.op](value, int(target) if isinstance(target, bool) else target)
                if not ok:
                    break
            if ok:
                found.add((pattern.id, number))
    return found


def _values(rule: Rule, field: str) -> st.SearchStrategy[int | str]:
    """Values near the ones the rule's conditions compare the field with."""
    parameters = dict(rule.resolve())
    seen: list[int | str] = [0, 1, 2]
    for pattern in rule.patterns:
        for c in getattr(pattern, "conditions", ()):
            if c.field != field:
                continue
            target = parameters[c.parameter] if c.parameter else c.value
            if c.op == "in":
                seen += [*[t.strip() for t in str(target).split(",")][:3], "other"]
            elif isinstance(target, bool):
                seen.append(int(target))
            elif isinstance(target, int):
                seen += [target - 1, target, target + 1]
            elif isinstance(target, str):
                seen += [target, target + "x"]
    return st.sampled_from(sorted(set(seen), key=repr))


@st.composite
def rule_and_facts(draw: st.DrawFn) -> tuple[Rule, list[dict[str, int | str]]]:
    rule = draw(st.sampled_from(DECLARATIVE))
    fields = sorted({c.field for p in rule.patterns for c in getattr(p, "conditions", ())})
    facts = []
    for _ in range(draw(st.integers(0, 6))):
        fact: dict[str, int | str] = {}
        for field in fields:
            if draw(st.integers(0, 9)):  # now and then a field is missing
                fact[field] = draw(_values(rule, field))
        facts.append(fact)
    return rule, facts


def test_rules_of_several_areas_are_declarative() -> None:
    """Assessment, scheduling, development and work rules decide by single-fact patterns."""
    areas = {r.area.value for r in DECLARATIVE}
    assert areas >= {"assessment", "scheduling", "development", "work"}


#: Facts as the library builds them, per table: every field a rule reads, in its real range,
#: now and then one missing.
_KINDS = st.sampled_from(["document", "meeting", "task", "proposal"])
TABLE_FACTS: dict[str, st.SearchStrategy[dict[str, int | str]]] = {
    "work_item": st.fixed_dictionaries(
        {"kind": _KINDS, "open": st.integers(0, 1)},
        optional={"days_past_due": st.integers(-400, 400)},
    ),
    "post_tenure": st.fixed_dictionaries(
        {
            "staff_id": st.sampled_from(["s1", "s2"]),
            "post_id": st.sampled_from(["p1", "p2"]),
            "kind": st.sampled_from(["leading", "key", "general"]),
            "years": st.integers(0, 35),
            "probation": st.integers(0, 1),
            "investigated": st.integers(0, 1),
        },
        optional={"years_since_rotation": st.integers(0, 35)},
    ),
}


@st.composite
def _overrides(draw: st.DrawFn, rule: Rule) -> dict[str, object]:
    """The rule's parameters, each whole-number one now and then moved within its range."""
    values: dict[str, object] = dict(rule.resolve())
    for p in rule.parameters:
        whole = isinstance(p.default, int) and not isinstance(p.default, bool)
        if whole and p.minimum is not None and p.maximum is not None and draw(st.booleans()):
            values[p.name] = draw(st.integers(int(p.minimum), int(p.maximum)))
    return dict(rule.resolve(values))


def _table_rules(table: str) -> list[Rule]:
    return [
        r
        for r in DECLARATIVE
        if any(isinstance(p, SingleFact) and p.table == table for p in r.patterns)
    ]


def test_every_table_of_a_declarative_rule_outside_scheduling_and_assessment_has_a_strategy() -> (
    None
):
    """A new fact table of the work or development area gets realistic facts below."""
    tables = {
        p.table
        for r in DECLARATIVE
        if r.area.value not in {"scheduling", "assessment"}
        for p in r.patterns
        if isinstance(p, SingleFact) and p.table != "incoming_document"
    }
    assert tables <= set(TABLE_FACTS)
    assert all(_table_rules(t) for t in TABLE_FACTS)


_Case = tuple[list[tuple[Rule, dict[str, object]]], list[dict[str, int | str]]]


@st.composite
def table_rules_and_facts(draw: st.DrawFn) -> _Case:
    table = draw(st.sampled_from(sorted(TABLE_FACTS)))
    rules = [(r, draw(_overrides(r))) for r in _table_rules(table)]
    return rules, draw(st.lists(TABLE_FACTS[table], max_size=8))


@pytest.mark.parametrize("engine", ENGINES)
@given(case=table_rules_and_facts())
def test_every_rule_of_a_table_matches_realistic_facts_as_brute_force_does(  # type: ignore[no-untyped-def]
    engine: str, case
) -> None:
    """All the rules reading one table, on facts shaped as the library builds them and with
    the rules' parameters moved within their ranges."""
    rules, facts = case
    assert rules, "every fact table is read by at least one rule"
    found = [
        match_facts(
            [p for p in rule.patterns if isinstance(p, SingleFact)],
            facts,
            parameters=parameters,
            engine=engine,  # type: ignore[arg-type]
        )
        for rule, parameters in rules
    ]
    assert found == [oracle(rule, facts, parameters) for rule, parameters in rules]


@pytest.mark.parametrize("engine", ENGINES)
@given(case=rule_and_facts())
def test_each_engine_matches_what_brute_force_matches(engine: str, case) -> None:  # type: ignore[no-untyped-def]
    rule, facts = case
    patterns = [p for p in rule.patterns if isinstance(p, SingleFact)]
    found = match_facts(patterns, facts, parameters=rule.resolve(), engine=engine)  # type: ignore[arg-type]
    assert found == oracle(rule, facts)
