"""The default engine: pure Python, indexes instead of all-pairs loops.

- pairs of facts: facts are hashed by their key, each key's facts sorted by start, then swept
  once keeping the still-open facts (sort-and-sweep): cost O(n log n + matches);
- single facts: one pass;
- counts per period and daily coverage: hashing on (key, period) and on the day.
"""

from __future__ import annotations

import datetime as dt
import operator
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from contextlib import suppress
from functools import partial
from operator import attrgetter, itemgetter
from typing import Any

from jiguan_core.absence import Absence
from jiguan_core.activity import Activity
from jiguan_core.calendar import Granularity, WorkCalendar
from jiguan_core.catalogue.scheduling import RULES
from jiguan_core.patterns import (
    Condition,
    CountPerPeriod,
    DailyCoverage,
    PairOfFacts,
    SingleFact,
)
from jiguan_core.rules._build import (
    Lookup,
    count_violation,
    coverage_violation,
    pair_violations,
    single_violation,
)
from jiguan_core.rules._facts import (
    _EPOCH_ORDINAL,
    _OFFSET,
    DAY,
    END,
    KEY,
    PERSON,
    REF,
    START,
    Context,
    Fact,
    local_ordinal,
    ordinals,
)
from jiguan_core.rules.violation import SortedViolations, Violation

__all__ = ["build_tables", "evaluate", "overlapping_pairs"]

Tables = dict[str, list[Fact]]


def build_tables(
    ctx: Context, activities: Iterable[Activity], absences: Iterable[Absence]
) -> Tables:
    tables: Tables = defaultdict(list)
    add_activity_facts = ctx.add_activity_facts
    for a in activities:
        add_activity_facts(a, tables)
    for b in absences:
        ctx.add_absence_facts(b, tables)
    for table, fact in ctx.blackout_facts():
        tables[table].append(fact)
    return tables


_start = itemgetter(START)


def _groups(facts: Iterable[Fact], by_key: bool) -> Iterable[list[Fact]]:
    """The facts per key (all in one group when not ``by_key``), each sorted by start."""
    if not by_key:
        found = sorted(facts, key=_start)
        return [found] if found else []
    groups: dict[str, list[Fact]] = defaultdict(list)
    for f in facts:
        groups[f[KEY]].append(f)
    out = groups.values()
    for group in out:
        group.sort(key=_start)
    return out


def _pair_list(
    left: Sequence[Fact],
    right: Sequence[Fact] | None,
    slack: int,
    by_key: bool,
) -> list[tuple[Fact, Fact]]:
    """The pairs :func:`overlapping_pairs` yields, as a list (the engine's hot loop).

    The sweep keeps the still-open facts and ``reach``, the latest ``end + slack`` among them:
    when a new fact starts at or after ``reach``, every open fact has closed and the list is
    simply dropped (the usual case for one person's or one room's day), with no filtering."""
    pairs: list[tuple[Fact, Fact]] = []
    add = pairs.append
    if right is None:
        for group in _groups(left, by_key):
            if len(group) < 2:
                continue
            active: list[Fact] = []
            reach = 0
            for f in group:
                s = f[START]
                if active:
                    if reach <= s:
                        active = [f]
                        reach = f[END] + slack
                        continue
                    active = [x for x in active if x[END] + slack > s]
                    ref = f[REF]
                    for x in active:
                        other = x[REF]
                        if other != ref:
                            add((x, f) if other < ref else (f, x))
                active.append(f)
                if f[END] + slack > reach:
                    reach = f[END] + slack
        return pairs
    if by_key:
        rights: dict[str, list[Fact]] = defaultdict(list)
        for f in right:
            rights[f[KEY]].append(f)
        lefts: dict[str, list[Fact]] = defaultdict(list)
        for f in left:
            if f[KEY] in rights:
                lefts[f[KEY]].append(f)
        keyed = [(group, rights[key]) for key, group in lefts.items()]
    else:
        keyed = [(list(left), list(right))] if left and right else []
    for lgroup, rgroup in keyed:
        # (start, side) packed in one int, 2 * start + side: sorts as the pair would.
        events = [(f[START] * 2, f) for f in lgroup] + [(f[START] * 2 + 1, f) for f in rgroup]
        events.sort(key=_first)
        open_left: list[Fact] = []
        open_right: list[Fact] = []
        reach_left = reach_right = 0
        for code, f in events:
            s = code >> 1
            reach = f[END] + slack
            if code & 1:
                if open_left:
                    if reach_left <= s:
                        open_left = []
                    else:
                        open_left = [x for x in open_left if x[END] + slack > s]
                        for x in open_left:
                            add((x, f))
                open_right.append(f)
                if reach > reach_right:
                    reach_right = reach
            else:
                if open_right:
                    if reach_right <= s:
                        open_right = []
                    else:
                        open_right = [x for x in open_right if x[END] + slack > s]
                        for x in open_right:
                            add((f, x))
                open_left.append(f)
                if reach > reach_left:
                    reach_left = reach
    return pairs


_first = itemgetter(0)


def overlapping_pairs(
    left: Sequence[Fact],
    right: Sequence[Fact] | None,
    *,
    slack: int = 0,
    by_key: bool = True,
) -> Iterator[tuple[Fact, Fact]]:
    """Pairs (one of ``left``, one of ``right``; or unordered pairs of ``left`` when ``right``
    is None) with equal keys whose spans overlap once each end is extended by ``slack``
    seconds, i.e. that are less than ``slack`` apart. Sort-and-sweep per key."""
    return iter(_pair_list(left, right, slack, by_key))


def keep_pair(ctx: Context, look: Lookup, pattern: PairOfFacts, f1: Fact, f2: Fact) -> bool:
    """The post-join filter of a pair pattern (``unless``), the same for every engine."""
    if pattern.unless == "shared_leaders":
        return look.leaders_of(f1[REF], ctx.leaders).isdisjoint(
            look.leaders_of(f2[REF], ctx.leaders)
        )
    if pattern.unless == "exempt":
        return f1[REF] not in ctx.blackouts[f2[REF]].exempt
    return True


def slack_of(ctx: Context, pattern: PairOfFacts) -> int:
    if pattern.within_days is None:
        return 0
    return int(ctx.parameter(pattern.id, pattern.within_days)) * DAY


def condition_holds(
    ctx: Context, pattern_id: str, condition: Condition, fields: Mapping[str, int | str]
) -> bool:
    value = fields[condition.field]
    if condition.op == "in":
        assert condition.parameter is not None
        return value in ctx.kinds_parameter(pattern_id, condition.parameter)
    target = (
        ctx.parameter(pattern_id, condition.parameter)
        if condition.parameter is not None
        else condition.value
    )
    op = condition.op
    if op == "==":
        return value == target
    if op == "!=":
        return value != target
    if op == "<":
        return value < target  # type: ignore[operator]
    if op == "<=":
        return value <= target  # type: ignore[operator]
    if op == ">":
        return value > target  # type: ignore[operator]
    return value >= target  # type: ignore[operator]


_OPERATORS: dict[str, Callable[[Any, Any], bool]] = {
    "==": operator.eq,
    "!=": operator.ne,
    "<": operator.lt,
    "<=": operator.le,
    ">": operator.gt,
    ">=": operator.ge,
}


def _condition_tests(
    ctx: Context, pattern: SingleFact
) -> list[tuple[str, Callable[[int | str], bool]]]:
    """Each condition of ``pattern`` as (field, test of the field's value), its parameter
    looked up once: :func:`condition_holds` for a loop over many facts."""
    tests: list[tuple[str, Callable[[int | str], bool]]] = []
    for c in pattern.conditions:
        if c.op == "in":
            assert c.parameter is not None
            tests.append((c.field, ctx.kinds_parameter(pattern.id, c.parameter).__contains__))
            continue
        target = ctx.parameter(pattern.id, c.parameter) if c.parameter is not None else c.value
        tests.append((c.field, partial(_flipped, _OPERATORS[c.op], target)))
    return tests


def _flipped(op: Callable[[Any, Any], bool], target: object, value: object) -> bool:
    return op(value, target)


class _Periods:
    """Period starts by local day ordinal, cached."""

    def __init__(self, granularity: Granularity) -> None:
        self.granularity = granularity
        self.cache: dict[int, dt.date] = {}

    def start_of(self, seconds: int) -> dt.date:
        ordinal = local_ordinal(seconds)
        found = self.cache.get(ordinal)
        if found is None:
            found = WorkCalendar.period(dt.date.fromordinal(ordinal), self.granularity).start
            self.cache[ordinal] = found
        return found


def count_groups(
    ctx: Context, pattern: CountPerPeriod, facts: Iterable[Fact]
) -> Iterator[tuple[str, dt.date, list[Fact]]]:
    """Groups (key, period start, facts) with more facts than the limit."""
    limit = int(ctx.parameter(pattern.id, pattern.limit))
    periods = _Periods(pattern.period)
    cache, start_of = periods.cache, periods.start_of
    groups: dict[tuple[str, dt.date], list[Fact]] = defaultdict(list)
    for f in facts:
        start = cache.get((f[START] + _OFFSET) // DAY + _EPOCH_ORDINAL)  # local_ordinal
        groups[(f[KEY], start_of(f[START]) if start is None else start)].append(f)
    for (key, start), group in groups.items():
        if len(group) > limit:
            yield key, start, group


def coverage_days(
    ctx: Context, pattern: DailyCoverage, facts: Iterable[Fact]
) -> Iterator[tuple[dt.date, list[Fact]]]:
    """Working days on which fewer than the minimum of the leadership members are present."""
    minimum = int(ctx.parameter(pattern.id, pattern.minimum))
    members = len(ctx.leaders)
    by_day: dict[int, list[Fact]] = defaultdict(list)
    for f in facts:
        for day in ordinals(f[START], f[END]):
            if ctx.is_working(day):
                by_day[day].append(f)
    for day, group in by_day.items():
        if members - len({f[PERSON] for f in group}) < minimum:
            yield dt.date.fromordinal(day), group


def evaluate_python_side(
    ctx: Context, look: Lookup, tables: Mapping[str, Sequence[Fact]], pattern_ids: set[str] | None
) -> list[Violation]:
    """Count and coverage patterns (and, with ``pattern_ids=None``, every pattern)."""
    out: list[Violation] = []
    for entry in RULES:
        for pattern in entry.patterns:
            if not ctx.part_enabled(pattern.id):
                continue
            if pattern_ids is not None and pattern.id not in pattern_ids:
                continue
            if isinstance(pattern, PairOfFacts):
                same = pattern.left == pattern.right
                pairs = _pair_list(
                    tables.get(pattern.left, ()),
                    None if same else tables.get(pattern.right, ()),
                    slack_of(ctx, pattern),
                    pattern.by_key,
                )
                out.extend(_pair_violations(ctx, look, pattern, pairs))
            elif isinstance(pattern, SingleFact):
                tests = _condition_tests(ctx, pattern)
                activities, field = look.activities, ctx.activity_field
                for f in tables.get(pattern.table, ()):
                    a = activities[f[REF]]
                    for name, test in tests:
                        if not test(field(a, name, f)):
                            break
                    else:
                        out.append(single_violation(ctx, look, pattern.id, a, f))
            elif isinstance(pattern, CountPerPeriod):
                for key, start, group in count_groups(ctx, pattern, tables.get(pattern.table, ())):
                    out.append(count_violation(ctx, look, pattern.id, key, start, group))
            else:
                for day, group in coverage_days(ctx, pattern, tables.get(pattern.table, ())):
                    out.append(coverage_violation(ctx, look, pattern.id, day, group))
    return out


def _pair_violations(
    ctx: Context, look: Lookup, pattern: PairOfFacts, pairs: list[tuple[Fact, Fact]]
) -> list[Violation]:
    """The violations of a pair pattern's matches: ``keep_pair``, then ``pair_violation``."""
    if pattern.unless == "shared_leaders":
        leaders_of, leaders = look.leaders_of, ctx.leaders
        pairs = [
            (f1, f2)
            for f1, f2 in pairs
            if leaders_of(f1[REF], leaders).isdisjoint(leaders_of(f2[REF], leaders))
        ]
    elif pattern.unless is not None:
        pairs = [(f1, f2) for f1, f2 in pairs if keep_pair(ctx, look, pattern, f1, f2)]
    return pair_violations(ctx, look, pattern.id, pairs)


def evaluate(
    ctx: Context, activities: Sequence[Activity], absences: Sequence[Absence]
) -> list[Violation]:
    """Every violation of the enabled rules, sorted by :attr:`Violation.key`."""
    out = SortedViolations(_violations(ctx, activities, absences))
    # Days first (cheap comparisons of dates), so that the sort by the full key finds long
    # sorted runs and compares far fewer tuples. Only the speed depends on this (the second
    # sort alone fixes the order), so a violation without a day (TypeError) just skips it.
    with suppress(TypeError):
        out.sort(key=_day)
    out.sort(key=_key)
    return out


def _violations(
    ctx: Context, activities: Sequence[Activity], absences: Sequence[Absence]
) -> list[Violation]:
    look = Lookup({a.id: a for a in activities}, {b.id: b for b in absences})
    return evaluate_python_side(ctx, look, build_tables(ctx, activities, absences), None)


_key = attrgetter("_key")  # Violation.key without the property call
_day = attrgetter("day")
