"""The durable_rules engine: the same catalogue compiled into durable_rules rulesets.

Optional (``jiguan-core[durable]``, CPython < 3.13); imported only when a caller asks for
``engine="durable"``. Single-fact and pair patterns run inside durable_rules; counts per period
and daily coverage, which durable_rules cannot express, are evaluated in Python, as is the
post-join filter of a pair pattern (``unless``). The embedding follows
``../shared/DURABLE_RULES.md`` point by point:

1. one process-wide lock around every engine call;
2. a uniquely named ruleset per evaluation, taken out of ``durable.lang``'s global registry at
   once;
3. one private ``Host`` subclass whose timer loop is disabled (no background threads);
4. actions wrapped so that an exception is re-raised to the caller, not swallowed;
5. inputs validated before they reach C: ints within int64 only (times are UTC epoch seconds,
   ids and keys are mapped to ints), no floats, no reserved keys, at most 250 fields;
6. a prime action per ``sid`` (one ``sid`` per evaluation); all facts asserted as one batch, the
   actions running on the caller's thread; a never-completing *sink* join takes every fact so
   that none is "not handled";
7. every join pattern, and every single-fact pattern, ends with the always-true guard test
   ``m.g_ == c.<first>.g_`` (``m.g_ == 1``);
8. always ``delete_state`` then the ruleset's deletion (host directory and C handle) in
   ``finally``;
9. results returned sorted, so their order never depends on the engine.
"""

from __future__ import annotations

import itertools
import threading
import warnings
from collections.abc import Callable, Mapping, Sequence
from typing import Any, Literal

from attrs import field, frozen

from jiguan_core.absence import Absence
from jiguan_core.activity import Activity
from jiguan_core.catalogue.scheduling import RULES
from jiguan_core.errors import DurableUnavailable, InvalidValue
from jiguan_core.patterns import PairOfFacts, SingleFact
from jiguan_core.rules._build import Lookup, pair_violation, single_violation
from jiguan_core.rules._facts import END, KEY, REF, START, Context, Fact
from jiguan_core.rules.python_engine import (
    build_tables,
    evaluate_python_side,
    keep_pair,
    slack_of,
)
from jiguan_core.rules.violation import Violation

try:  # pragma: no branch
    import durable.lang as _lang
    from durable import engine as _engine
except ImportError as error:  # pragma: no cover - Python >= 3.13 or the extra not installed
    _IMPORT_ERROR: ImportError | None = error
else:
    _IMPORT_ERROR = None

__all__ = [
    "DurableUnavailable",
    "FactPattern",
    "available",
    "evaluate_durable",
    "run_single_fact_patterns",
]

_INT64 = 2**63
_MAX_FIELDS = 120  # each field takes two properties (value, type tag); 255 at most
_SID = "1"
_LOCK = threading.Lock()
_NAMES = itertools.count(1)
_HOST: Any = None

Op = Literal["==", "!=", "<", "<=", ">", ">="]
_OPS: tuple[str, ...] = ("==", "!=", "<", "<=", ">", ">=")


def available() -> bool:
    """True when durable_rules imports on this interpreter."""
    return _IMPORT_ERROR is None


def _require() -> None:
    if _IMPORT_ERROR is not None:
        raise DurableUnavailable(
            f"the durable_rules engine is not available ({_IMPORT_ERROR}); install the extra "
            "jiguan-core[durable] on Python < 3.13, or use engine='python'",
            f"durable_rules 引擎不可用（{_IMPORT_ERROR}）；请在 Python 3.13 以下安装 "
            "jiguan-core[durable]，或使用 engine='python'",
        )


def _host() -> Any:
    """The one private host, without the timer threads of ``engine.Host``."""
    global _HOST
    if _HOST is None:

        class _QuietHost(_engine.Host):  # type: ignore[misc]
            def _run(self) -> None:  # no dispatch / timer threads
                return None

        _HOST = _QuietHost()
    return _HOST


def _check_int(value: object, where: str) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or not -_INT64 < value < _INT64:
        raise InvalidValue(
            f"{where} must be an int within int64 to reach durable_rules, got {value!r}",
            f"{where} 须为 int64 范围内的整数，实际为 {value!r}",
            field=where,
            value=value,
        )
    return value


Rule = tuple[Callable[[], Any], Callable[[Any], None]]


def _run(facts: list[dict[str, int]], define: Callable[[list[BaseException]], None]) -> None:
    """Run one evaluation: a fresh ruleset with ``define``'s rules, the facts as one batch."""
    _require()
    with _LOCK, warnings.catch_warnings():
        # On CPython 3.12 durable_rules calls the deprecated ``datetime.utcfromtimestamp`` on
        # every host creation and action (DURABLE_RULES.md); silence exactly that, from that
        # module, while the lock is held, so that callers running with -W error keep working.
        warnings.filterwarnings(
            "ignore",
            message=r"datetime\.datetime\.utcfromtimestamp",
            category=DeprecationWarning,
            module=r"durable(\.|$)",
        )
        name = f"jiguan_rules_{next(_NAMES)}"
        errors: list[BaseException] = []
        host = _host()
        registered = None
        try:
            try:
                with _lang.ruleset(name):
                    _lang.when_all(_lang.m.t == 0)(_nothing)  # the prime action of the sid
                    # The sink: every fact enters its first pattern, none completes it (no fact
                    # has t == -1), so no fact is ever "not handled".
                    _lang.when_all(
                        _lang.c.s_ << (_lang.m.g_ == 1),
                        _lang.c.z_ << ((_lang.m.t == -1) & (_lang.m.g_ == _lang.c.s_.g_)),
                    )(_nothing)

                    define(errors)
                definition = _lang._rulesets[name].define()[1]
            finally:
                _lang._rulesets.pop(name, None)
            host.register_rulesets({name: definition})
            registered = host._ruleset_directory[name]
            batch: list[dict[str, int | str]] = [{"sid": _SID, "id": 0, "t": 0, "g_": 1}]
            for number, fact in enumerate(facts, start=1):
                batch.append({**fact, "sid": _SID, "id": number, "g_": 1})
            host.assert_facts(name, batch)
            if errors:
                raise errors[0]
        finally:
            if registered is not None:
                try:
                    host.delete_state(name, _SID)
                finally:
                    host._ruleset_directory.pop(name, None)
                    if registered in host._ruleset_list:
                        host._ruleset_list.remove(registered)
                    _engine.durable_rules_engine.delete_ruleset(registered._handle)


def _nothing(c: Any) -> None:
    return None


def _guarded(action: Callable[[Any], None], errors: list[BaseException]) -> Callable[[Any], None]:
    def run(c: Any) -> None:
        try:
            action(c)
        except BaseException as error:  # re-raised to the caller after the batch
            errors.append(error)

    return run


# The catalogue's patterns ---------------------------------------------------------------------
def _pair_rule(
    code: int, same: bool, by_key: bool, out: list[tuple[int, int]], errors: list[BaseException]
) -> None:
    m, c = _lang.m, _lang.c
    left, right = 2 * code, 2 * code + 1 if not same else 2 * code
    first = c.a << ((m.t == left) & (m.g_ == 1))
    tests = m.t == right
    if by_key:
        tests = tests & (m.k == c.a.k)
    if same:
        tests = tests & (m.r > c.a.r)
    tests = tests & (m.s < c.a.x) & (m.x > c.a.s) & (m.g_ == c.a.g_)

    def found(cc: Any) -> None:
        out.append((cc.a["i"], cc.b["i"]))

    _lang.when_all(first, c.b << tests)(_guarded(found, errors))


def evaluate_durable(
    ctx: Context, activities: Sequence[Activity], absences: Sequence[Absence]
) -> list[Violation]:
    """Every violation of the enabled rules, the pair and single-fact patterns run by
    durable_rules, counts and coverage by Python; sorted like the default engine's."""
    _require()
    look = Lookup({a.id: a for a in activities}, {b.id: b for b in absences})
    tables = build_tables(ctx, activities, absences)
    keys: dict[str, int] = {}
    refs = {
        ref: number
        for number, ref in enumerate(sorted({*look.activities, *look.absences, *ctx.blackouts}))
    }
    pair_patterns: list[PairOfFacts] = []
    facts: list[dict[str, int]] = []
    index: list[Fact] = []
    for entry in RULES:
        for pattern in entry.patterns:
            if isinstance(pattern, PairOfFacts) and ctx.part_enabled(pattern.id):
                code = len(pair_patterns)
                pair_patterns.append(pattern)
                slack = slack_of(ctx, pattern)
                sides = [(pattern.left, 2 * code)]
                if pattern.right != pattern.left:
                    sides.append((pattern.right, 2 * code + 1))
                for table, t in sides:
                    for f in tables.get(table, ()):
                        facts.append(
                            {
                                "t": t,
                                "k": keys.setdefault(f[KEY], len(keys)),
                                "r": refs[f[REF]],
                                "s": _check_int(f[START], "start"),
                                "x": _check_int(f[END] + slack, "end"),
                                "i": len(index),
                            }
                        )
                        index.append(f)
    matches: dict[int, list[tuple[int, int]]] = {i: [] for i in range(len(pair_patterns))}

    def define(errors: list[BaseException]) -> None:
        for code, pattern in enumerate(pair_patterns):
            _pair_rule(code, pattern.left == pattern.right, pattern.by_key, matches[code], errors)

    _run(facts, define)
    out: list[Violation] = []
    for code, pattern in enumerate(pair_patterns):
        for i, j in matches[code]:
            f1, f2 = index[i], index[j]
            if keep_pair(ctx, look, pattern, f1, f2):
                out.append(pair_violation(ctx, look, pattern.id, f1, f2))
    # Single-fact patterns through the generic runner; "in" becomes one conjunction per value.
    for entry in RULES:
        for pattern in entry.patterns:
            if isinstance(pattern, SingleFact) and ctx.part_enabled(pattern.id):
                acts = [look.activities[f[REF]] for f in tables.get(pattern.table, ())]
                rows = [ctx.activity_fields(a) for a in acts]
                hits = run_single_fact_patterns(rows, _expand(ctx, pattern))
                for _, row in sorted(hits):
                    out.append(single_violation(ctx, look, pattern.id, acts[row]))
    out.extend(evaluate_python_side(ctx, look, tables, _python_side_ids(ctx)))
    out.sort(key=lambda v: v.key)
    return out


def _python_side_ids(ctx: Context) -> set[str]:
    return {
        p.id
        for r in RULES
        for p in r.patterns
        if not isinstance(p, PairOfFacts | SingleFact) and ctx.part_enabled(p.id)
    }


def _expand(ctx: Context, pattern: SingleFact) -> list[FactPattern]:
    alternatives: list[list[tuple[str, Op, int | str]]] = [[]]
    for condition in pattern.conditions:
        if condition.op == "in":
            assert condition.parameter is not None
            values = sorted(ctx.kinds_parameter(pattern.id, condition.parameter))
            alternatives = [[*a, (condition.field, "==", v)] for a in alternatives for v in values]
        else:
            value = (
                ctx.parameter(pattern.id, condition.parameter)
                if condition.parameter is not None
                else condition.value
            )
            assert isinstance(value, int | str)
            alternatives = [[*a, (condition.field, condition.op, value)] for a in alternatives]
    return [FactPattern(id=pattern.id, conditions=tuple(a)) for a in alternatives]


# The generic runner -------------------------------------------------------------------------
def _conditions(
    values: Sequence[tuple[str, str, int | str]],
) -> tuple[tuple[str, Op, int | str], ...]:
    found = tuple(values)
    for index, item in enumerate(found):
        if (
            not isinstance(item, tuple)
            or len(item) != 3
            or not isinstance(item[0], str)
            or item[1] not in _OPS
            or isinstance(item[2], bool)
            or not isinstance(item[2], int | str)
        ):
            raise InvalidValue(
                f"FactPattern condition {index} must be (field, op, value) with op one of "
                f"{', '.join(_OPS)} and an int or str value, got {item!r}",
                f"FactPattern 第 {index} 个条件应为 (字段, 运算符, 取值)，实际为 {item!r}",
                field=f"conditions[{index}]",
                value=item,
            )
    return found  # type: ignore[return-value]


@frozen(kw_only=True)
class FactPattern:
    """A conjunction of ``(field, op, value)`` tests on one flat fact (str / int values)."""

    id: str
    conditions: tuple[tuple[str, Op, int | str], ...] = field(converter=_conditions)


def _as_fact_pattern(pattern: object) -> FactPattern:
    """A FactPattern, or an object with ``id`` and ``as_tuples()`` or ``conditions`` whose items
    have ``field`` / ``op`` / ``value``."""
    if isinstance(pattern, FactPattern):
        return pattern
    pattern_id = getattr(pattern, "id", None)
    try:
        as_tuples = getattr(pattern, "as_tuples", None)
        if callable(as_tuples):
            conditions = tuple(as_tuples())
        else:
            conditions = tuple(
                (c.field, c.op, c.value)
                for c in getattr(pattern, "conditions")  # noqa: B009
            )
    except (AttributeError, TypeError):
        conditions = None
    if not isinstance(pattern_id, str) or conditions is None:
        raise InvalidValue(
            f"patterns must be FactPattern objects (or have .id and .conditions), got {pattern!r}",
            f"patterns 应为 FactPattern（或具有 .id 与 .conditions），实际为 {pattern!r}",
            field="patterns",
            value=pattern,
        )
    return FactPattern(id=pattern_id, conditions=conditions)


def run_single_fact_patterns(
    facts: Sequence[Mapping[str, int | str]], patterns: Sequence[object]
) -> set[tuple[str, int]]:
    """Which facts match which pattern, as ``{(pattern id, fact index)}``, run by durable_rules.

    ``patterns`` are :class:`FactPattern` objects, or any objects with an ``id`` and either
    ``as_tuples()`` or ``conditions`` of items with ``field`` / ``op`` / ``value``.
    Facts are flat mappings of str / int values. Strings are mapped to ints preserving their
    order, so ``<`` on strings compares them lexicographically, as Python does; an int and a
    str never compare equal (unlike durable_rules' own ``'10' == 10``). A fact lacking a field
    does not match a test on it. Safe to call from several threads (one lock serialises them).
    """
    _require()
    names: set[str] = set()
    strings: set[str] = set()
    for index, fact in enumerate(facts):
        if not isinstance(fact, Mapping):
            raise InvalidValue(
                f"facts[{index}] must be a mapping, got {type(fact).__name__}",
                f"facts[{index}] 应为映射，实际为 {type(fact).__name__}",
                field=f"facts[{index}]",
                value=fact,
            )
        for name, value in fact.items():
            if not isinstance(name, str):
                raise InvalidValue(
                    f"facts[{index}] has a non-string field name {name!r}",
                    f"facts[{index}] 的字段名 {name!r} 不是字符串",
                    field=f"facts[{index}]",
                    value=name,
                )
            names.add(name)
            if isinstance(value, str):
                strings.add(value)
            else:
                _check_int(value, f"facts[{index}].{name}")
    checked = [_as_fact_pattern(p) for p in patterns]
    for pattern in checked:
        for name, _, value in pattern.conditions:
            names.add(name)
            if isinstance(value, str):
                strings.add(value)
            else:
                _check_int(value, f"pattern {pattern.id}.{name}")
    if len(names) > _MAX_FIELDS:
        raise InvalidValue(
            f"at most {_MAX_FIELDS} distinct fields fit a durable_rules fact, got {len(names)}",
            f"durable_rules 的事实至多 {_MAX_FIELDS} 个字段，实际为 {len(names)}",
            field="facts",
            value=len(names),
        )
    # Field names become f0, f1 ...; each field holds (type tag, value) as two int fields so
    # that an int never equals a str: tag 1 = int, 2 = str (mapped to its rank).
    slot = {name: f"f{number}" for number, name in enumerate(sorted(names))}
    rank = {text: number for number, text in enumerate(sorted(strings))}

    def encode(value: int | str) -> tuple[int, int]:
        return (2, rank[value]) if isinstance(value, str) else (1, value)

    rows: list[dict[str, int]] = []
    for index, fact in enumerate(facts):
        row = {"t": 1, "i": index}
        for name, value in fact.items():
            tag, number = encode(value)
            row[slot[name]] = number
            row[slot[name] + "_"] = tag
        rows.append(row)
    found: set[tuple[str, int]] = set()

    def define(errors: list[BaseException]) -> None:
        m = _lang.m
        for pattern in checked:
            tests = m.t == 1
            for name, op, value in pattern.conditions:
                tag, number = encode(value)
                tests = tests & (getattr(m, slot[name] + "_") == tag)
                attribute = getattr(m, slot[name])
                tests = tests & _compare(attribute, op, number)
            tests = tests & (m.g_ == 1)

            def hit(c: Any, pattern_id: str = pattern.id) -> None:
                found.add((pattern_id, c.m["i"]))

            _lang.when_all(tests)(_guarded(hit, errors))

    _run(rows, define)
    return found


def _compare(attribute: Any, op: str, number: int) -> Any:
    if op == "==":
        return attribute == number
    if op == "!=":
        return attribute != number
    if op == "<":
        return attribute < number
    if op == "<=":
        return attribute <= number
    if op == ">":
        return attribute > number
    return attribute >= number
