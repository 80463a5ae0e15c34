"""Incremental checking: "would adding / moving this activity create violations?"

:class:`IncrementalChecker` is a *mutable working index* on purpose: a search (the scheduler)
tries thousands of moves and needs each answer in about O(log n + k) -- a binary search in the
fact index of each key the activity touches, plus the k facts near it -- not a re-check of the
whole calendar.
"""

from __future__ import annotations

import bisect
from collections import defaultdict
from collections.abc import Iterable, Iterator

from jiguan_core.absence import Absence
from jiguan_core.activity import Activity
from jiguan_core.calendar import WorkCalendar
from jiguan_core.catalogue.scheduling import RULES
from jiguan_core.errors import UnknownEntity
from jiguan_core.organization import Organization
from jiguan_core.patterns import CountPerPeriod, DailyCoverage, PairOfFacts, SingleFact
from jiguan_core.rules._build import (
    Lookup,
    count_violation,
    coverage_violation,
    pair_violation,
    single_violation,
)
from jiguan_core.rules._facts import END, KEY, PERSON, REF, START, Context, Fact, ordinals
from jiguan_core.rules.policy import SchedulingPolicy
from jiguan_core.rules.python_engine import (
    _Periods,
    condition_holds,
    evaluate,
    keep_pair,
    slack_of,
)
from jiguan_core.rules.report import Score, score_of
from jiguan_core.rules.violation import Violation

__all__ = ["IncrementalChecker"]


def _order(fact: Fact) -> tuple[int, str, str]:
    return (fact[START], fact[REF], fact[PERSON])


class _SpanIndex:
    """Facts of one table: per key, sorted by start, with the longest span per key."""

    def __init__(self) -> None:
        self.starts: dict[str, list[tuple[int, str, str]]] = defaultdict(list)
        self.facts: dict[str, list[Fact]] = defaultdict(list)
        self.longest: dict[str, int] = defaultdict(int)

    def add(self, fact: Fact) -> None:
        entry = (fact[START], fact[REF], fact[PERSON])
        starts = self.starts[fact[KEY]]
        position = bisect.bisect_left(starts, entry)
        starts.insert(position, entry)
        self.facts[fact[KEY]].insert(position, fact)
        duration = fact[END] - fact[START]
        if duration > self.longest[fact[KEY]]:
            self.longest[fact[KEY]] = duration

    def load(self, facts: Iterable[Fact]) -> None:
        """Add many facts at once: one sort per key instead of one insertion each."""
        grouped: dict[str, list[Fact]] = defaultdict(list)
        for fact in facts:
            grouped[fact[KEY]].append(fact)
        for key, group in grouped.items():
            group.extend(self.facts.get(key, ()))
            group.sort(key=_order)
            self.facts[key] = group
            self.starts[key] = [(f[START], f[REF], f[PERSON]) for f in group]
            self.longest[key] = max(self.longest.get(key, 0), max(f[END] - f[START] for f in group))

    def remove(self, fact: Fact) -> None:
        entry = (fact[START], fact[REF], fact[PERSON])
        starts = self.starts[fact[KEY]]
        position = bisect.bisect_left(starts, entry)
        if position < len(starts) and starts[position] == entry:
            del starts[position]
            del self.facts[fact[KEY]][position]

    def near(self, key: str, start: int, end: int, slack: int) -> Iterator[Fact]:
        """Facts of ``key`` overlapping ``[start, end)`` once both are extended by ``slack``."""
        starts = self.starts.get(key)
        if not starts:
            return
        facts = self.facts[key]
        low = start - slack - self.longest[key]
        position = bisect.bisect_left(starts, (low, "", ""))
        limit = end + slack
        for index in range(position, len(starts)):
            fact = facts[index]
            if fact[START] >= limit:
                break
            if fact[END] + slack > start:
                yield fact

    def all(self) -> Iterator[Fact]:
        for facts in self.facts.values():
            yield from facts


class IncrementalChecker:
    """A working index over an office's activities and absences.

    ``violations_if_added(a)`` answers, without changing anything, which violations of the
    calendar *with* ``a`` involve ``a`` (when an activity with ``a.id`` exists, ``a`` replaces
    it: a move). ``add`` / ``remove`` / ``add_absence`` / ``remove_absence`` change the index;
    ``violations()`` always equals :func:`jiguan_core.rules.check` on the current calendar.
    """

    def __init__(
        self,
        office: Organization,
        *,
        policy: SchedulingPolicy | None = None,
        calendar: WorkCalendar | None = None,
    ) -> None:
        self._ctx = Context(office, policy=policy, calendar=calendar)
        self._activities: dict[str, Activity] = {}
        self._absences: dict[str, Absence] = {}
        self._facts_of: dict[str, list[tuple[str, Fact]]] = {}
        self._index: dict[str, _SpanIndex] = defaultdict(_SpanIndex)
        self._counts: dict[str, dict[tuple[str, object], dict[tuple[str, str], Fact]]] = {}
        self._periods: dict[str, _Periods] = {}
        self._days: dict[int, dict[tuple[str, str], Fact]] = defaultdict(dict)
        self._look = Lookup(self._activities, self._absences)
        self._patterns = [p for r in RULES for p in r.patterns if self._ctx.part_enabled(p.id)]
        self._counted: dict[str, list[CountPerPeriod]] = defaultdict(list)
        for pattern in self._patterns:
            if isinstance(pattern, CountPerPeriod):
                self._counts[pattern.id] = defaultdict(dict)
                self._periods[pattern.id] = _Periods(pattern.period)
                self._counted[pattern.table].append(pattern)
        self._blackouts = [f for _, f in self._ctx.blackout_facts()]
        by_table: dict[str, list[Fact]] = defaultdict(list)
        for a in office.activities:
            facts = self._ctx.activity_facts(a)
            self._insert(a.id, facts, indexed=False)
            self._activities[a.id] = a
            self._look.forget(a.id)
            for table, fact in facts:
                by_table[table].append(fact)
        for b in office.absences:
            facts = self._ctx.absence_facts(b)
            self._insert(b.id, facts, indexed=False)
            self._absences[b.id] = b
            for table, fact in facts:
                by_table[table].append(fact)
        for table, table_facts in by_table.items():
            self._index[table].load(table_facts)

    # State ----------------------------------------------------------------------------------
    @property
    def office(self) -> Organization:
        return self._ctx.office

    @property
    def activities(self) -> tuple[Activity, ...]:
        return tuple(sorted(self._activities.values(), key=lambda a: a.id))

    @property
    def absences(self) -> tuple[Absence, ...]:
        return tuple(sorted(self._absences.values(), key=lambda b: b.id))

    def _count_key(self, pattern: CountPerPeriod, fact: Fact) -> tuple[str, object]:
        return (fact[KEY], self._periods[pattern.id].start_of(fact[START]))

    def _insert(self, ref: str, facts: list[tuple[str, Fact]], *, indexed: bool = True) -> None:
        self._facts_of[ref] = facts
        for table, fact in facts:
            if indexed:
                self._index[table].add(fact)
            for pattern in self._counted.get(table, ()):
                group = self._counts[pattern.id][self._count_key(pattern, fact)]
                group[(fact[REF], fact[PERSON])] = fact
            if table == "leader_away":
                for day in ordinals(fact[START], fact[END]):
                    self._days[day][(fact[REF], fact[PERSON])] = fact

    def _delete(self, ref: str) -> None:
        for table, fact in self._facts_of.pop(ref, []):
            self._index[table].remove(fact)
            for pattern in self._counted.get(table, ()):
                group = self._counts[pattern.id][self._count_key(pattern, fact)]
                group.pop((fact[REF], fact[PERSON]), None)
            if table == "leader_away":
                for day in ordinals(fact[START], fact[END]):
                    self._days[day].pop((fact[REF], fact[PERSON]), None)

    # Queries -----------------------------------------------------------------------------
    def _new_violations(
        self, new: list[tuple[str, Fact]], activity: Activity | None
    ) -> tuple[Violation, ...]:
        ctx, look = self._ctx, self._look
        by_table: dict[str, list[Fact]] = defaultdict(list)
        for table, fact in new:
            by_table[table].append(fact)
        found: dict[tuple[object, ...], Violation] = {}

        def put(v: Violation) -> None:
            found[v.key] = v

        for pattern in self._patterns:
            if isinstance(pattern, PairOfFacts):
                slack = slack_of(ctx, pattern)
                pairs: list[tuple[Fact, Fact]] = []
                if not pattern.by_key:
                    for f in by_table.get(pattern.left, ()):
                        for b in self._blackouts:
                            if f[START] < b[END] + slack and b[START] < f[END] + slack:
                                pairs.append((f, b))
                elif pattern.left == pattern.right:
                    index = self._index[pattern.left]
                    for f in by_table.get(pattern.left, ()):
                        for x in index.near(f[KEY], f[START], f[END], slack):
                            if x[REF] != f[REF]:
                                pairs.append((x, f) if x[REF] < f[REF] else (f, x))
                else:
                    left_new = by_table.get(pattern.left, ())
                    right_new = by_table.get(pattern.right, ())
                    for f in left_new:
                        for x in self._index[pattern.right].near(f[KEY], f[START], f[END], slack):
                            pairs.append((f, x))
                        for x in right_new:
                            if (
                                x[KEY] == f[KEY]
                                and f[START] < x[END] + slack
                                and x[START] < f[END] + slack
                            ):
                                pairs.append((f, x))
                    for f in right_new:
                        for x in self._index[pattern.left].near(f[KEY], f[START], f[END], slack):
                            pairs.append((x, f))
                for f1, f2 in pairs:
                    if keep_pair(ctx, look, pattern, f1, f2):
                        put(pair_violation(ctx, look, pattern.id, f1, f2))
            elif isinstance(pattern, SingleFact):
                if activity is not None and by_table.get(pattern.table):
                    fields = ctx.activity_fields(activity)
                    if all(condition_holds(ctx, pattern.id, c, fields) for c in pattern.conditions):
                        put(single_violation(ctx, look, pattern.id, activity))
            elif isinstance(pattern, CountPerPeriod):
                limit = int(ctx.parameter(pattern.id, pattern.limit))
                groups: dict[tuple[str, object], list[Fact]] = defaultdict(list)
                for f in by_table.get(pattern.table, ()):
                    groups[self._count_key(pattern, f)].append(f)
                for group_key, facts in groups.items():
                    existing = self._counts[pattern.id].get(group_key, {})
                    members = list(existing.values()) + facts
                    if len({f[REF] for f in members}) > limit:
                        start = group_key[1]
                        put(count_violation(ctx, look, pattern.id, group_key[0], start, members))  # type: ignore[arg-type]
            elif isinstance(pattern, DailyCoverage):
                minimum = int(ctx.parameter(pattern.id, pattern.minimum))
                new_by_day: dict[int, list[Fact]] = defaultdict(list)
                for f in by_table.get(pattern.table, ()):
                    for day in ordinals(f[START], f[END]):
                        if ctx.is_working(day):
                            new_by_day[day].append(f)
                for day, facts in new_by_day.items():
                    members = list(self._days.get(day, {}).values()) + facts
                    if len(ctx.leaders) - len({f[PERSON] for f in members}) < minimum:
                        import datetime as dt

                        put(
                            coverage_violation(
                                ctx, look, pattern.id, dt.date.fromordinal(day), members
                            )
                        )
        for v in found.values():
            v.message  # noqa: B018 - render now: the index (and its titles) will change
        return tuple(sorted(found.values(), key=lambda v: v.key))

    def violations_if_added(self, activity: Activity) -> tuple[Violation, ...]:
        """The violations that the calendar with ``activity`` would have and that involve it
        (replacing an activity of the same id: a move). Nothing changes."""
        a = self._ctx.check_activity(activity)
        old = self._activities.get(a.id)
        old_facts = self._facts_of.get(a.id) if old is not None else None
        if old is not None:
            self._delete(a.id)
        self._activities[a.id] = a
        self._look.forget(a.id)
        try:
            return self._new_violations(self._ctx.activity_facts(a), a)
        finally:
            if old is not None and old_facts is not None:
                self._activities[a.id] = old
                self._look.forget(a.id)
                self._insert(a.id, old_facts)
            else:
                del self._activities[a.id]
                self._look.forget(a.id)

    def add(self, activity: Activity) -> tuple[Violation, ...]:
        """Add (or move, when its id exists) ``activity``; return the violations involving it."""
        found = self.violations_if_added(activity)
        if activity.id in self._activities:
            self._delete(activity.id)
        self._activities[activity.id] = activity
        self._look.forget(activity.id)
        self._insert(activity.id, self._ctx.activity_facts(activity))
        return found

    def remove(self, activity_id: str) -> None:
        if activity_id not in self._activities:
            raise UnknownEntity("activity", activity_id, hint="it is not in this checker")
        self._delete(activity_id)
        del self._activities[activity_id]
        self._look.forget(activity_id)

    def violations_if_absent(self, absence: Absence) -> tuple[Violation, ...]:
        """Like :meth:`violations_if_added`, for an absence."""
        b = self._ctx.check_absence(absence)
        old = self._absences.get(b.id)
        old_facts = self._facts_of.get(b.id) if old is not None else None
        if old is not None:
            self._delete(b.id)
        self._absences[b.id] = b
        try:
            return self._new_violations(self._ctx.absence_facts(b), None)
        finally:
            if old is not None and old_facts is not None:
                self._absences[b.id] = old
                self._insert(b.id, old_facts)
            else:
                del self._absences[b.id]

    def add_absence(self, absence: Absence) -> tuple[Violation, ...]:
        found = self.violations_if_absent(absence)
        if absence.id in self._absences:
            self._delete(absence.id)
        self._absences[absence.id] = absence
        self._insert(absence.id, self._ctx.absence_facts(absence))
        return found

    def remove_absence(self, absence_id: str) -> None:
        if absence_id not in self._absences:
            raise UnknownEntity("absence", absence_id, hint="it is not in this checker")
        self._delete(absence_id)
        del self._absences[absence_id]

    def violations(self) -> tuple[Violation, ...]:
        """Every violation of the current calendar (a full check, O(n log n))."""
        return tuple(evaluate(self._ctx, self.activities, self.absences))

    def score(self) -> Score:
        return score_of(self.violations())

    def add_all(self, activities: Iterable[Activity]) -> None:
        for a in activities:
            self.add(a)
