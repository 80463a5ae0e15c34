"""The default engine: pure Python, indexes instead of all-pairs loops.

- pairs of facts: facts are hashed by their key, each key's facts sorted by start, then swept
  once keeping the still-open facts (sort-and-sweep): cost O(n log n + matches);
- single facts: one pass;
- counts per period and daily coverage: hashing on (key, period) and on the day.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable, Iterator, Mapping, Sequence

from jiguan_core.absence import Absence
from jiguan_core.activity import Activity
from jiguan_core.calendar import Granularity, WorkCalendar
from jiguan_core.rules._build import (
    Lookup,
    count_violation,
    coverage_violation,
    pair_violation,
    single_violation,
)
from jiguan_core.rules._facts import DAY, Context, Fact, local_ordinal, ordinals
from jiguan_core.rules.catalogue import RULES
from jiguan_core.rules.patterns import (
    Condition,
    CountPerPeriod,
    DailyCoverage,
    PairOfFacts,
    SingleFact,
)
from jiguan_core.rules.violation import Violation

__all__ = ["build_tables", "evaluate", "overlapping_pairs"]

Tables = dict[str, list[Fact]]


def build_tables(
    ctx: Context, activities: Iterable[Activity], absences: Iterable[Absence]
) -> Tables:
    tables: Tables = defaultdict(list)
    for a in activities:
        for table, fact in ctx.activity_facts(a):
            tables[table].append(fact)
    for b in absences:
        for table, fact in ctx.absence_facts(b):
            tables[table].append(fact)
    for table, fact in ctx.blackout_facts():
        tables[table].append(fact)
    return tables


def _group(facts: Iterable[Fact], by_key: bool) -> dict[str, list[Fact]]:
    groups: dict[str, list[Fact]] = defaultdict(list)
    for f in facts:
        groups[f.key if by_key else "*"].append(f)
    return groups


def _start(f: Fact) -> int:
    return f.start


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
    if right is None:
        for group in _group(left, by_key).values():
            if len(group) < 2:
                continue
            group.sort(key=_start)
            active: list[Fact] = []
            for f in group:
                s = f.start
                if active:
                    active = [x for x in active if x.end + slack > s]
                    for x in active:
                        if x.ref != f.ref:
                            yield (x, f) if x.ref < f.ref else (f, x)
                active.append(f)
        return
    lefts = _group(left, by_key)
    rights = _group(right, by_key)
    for key, lgroup in lefts.items():
        rgroup = rights.get(key)
        if not rgroup:
            continue
        events = [(f.start, 0, f) for f in lgroup] + [(f.start, 1, f) for f in rgroup]
        events.sort(key=lambda e: (e[0], e[1]))
        open_left: list[Fact] = []
        open_right: list[Fact] = []
        for s, side, f in events:
            if side == 0:
                open_right = [x for x in open_right if x.end + slack > s]
                for x in open_right:
                    yield f, x
                open_left.append(f)
            else:
                open_left = [x for x in open_left if x.end + slack > s]
                for x in open_left:
                    yield x, f
                open_right.append(f)


def keep_pair(ctx: Context, look: Lookup, pattern: PairOfFacts, f1: Fact, f2: Fact) -> bool:
    """The post-join filter of a pair pattern (``unless``), the same for every engine."""
    if pattern.unless == "shared_leaders":
        return look.leaders_of(f1.ref, ctx.leaders).isdisjoint(look.leaders_of(f2.ref, ctx.leaders))
    if pattern.unless == "exempt":
        return f1.ref not in ctx.blackouts[f2.ref].exempt
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
    groups: dict[tuple[str, dt.date], list[Fact]] = defaultdict(list)
    for f in facts:
        groups[(f.key, periods.start_of(f.start))].append(f)
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
        for day in ordinals(f.start, f.end):
            if ctx.is_working(day):
                by_day[day].append(f)
    for day, group in by_day.items():
        if members - len({f.person for f in group}) < minimum:
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
                pairs = overlapping_pairs(
                    tables.get(pattern.left, ()),
                    None if same else tables.get(pattern.right, ()),
                    slack=slack_of(ctx, pattern),
                    by_key=pattern.by_key,
                )
                for f1, f2 in pairs:
                    if keep_pair(ctx, look, pattern, f1, f2):
                        out.append(pair_violation(ctx, look, pattern.id, f1, f2))
            elif isinstance(pattern, SingleFact):
                for f in tables.get(pattern.table, ()):
                    a = look.activities[f.ref]
                    fields = ctx.activity_fields(a, f)
                    if all(condition_holds(ctx, pattern.id, c, fields) for c in pattern.conditions):
                        out.append(single_violation(ctx, look, pattern.id, a, f))
            elif isinstance(pattern, CountPerPeriod):
                for key, start, group in count_groups(ctx, pattern, tables.get(pattern.table, ())):
                    out.append(count_violation(ctx, look, pattern.id, key, start, group))
            else:
                for day, group in coverage_days(ctx, pattern, tables.get(pattern.table, ())):
                    out.append(coverage_violation(ctx, look, pattern.id, day, group))
    return out


def evaluate(
    ctx: Context, activities: Sequence[Activity], absences: Sequence[Absence]
) -> list[Violation]:
    """Every violation of the enabled rules, sorted by :attr:`Violation.key`."""
    look = Lookup({a.id: a for a in activities}, {b.id: b for b in absences})
    tables = build_tables(ctx, activities, absences)
    out = evaluate_python_side(ctx, look, tables, None)
    out.sort(key=_key)
    return out


def _key(v: Violation) -> tuple[object, ...]:
    return v.key
