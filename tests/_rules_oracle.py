"""A brute-force, all-pairs oracle for the scheduling rules: obviously correct, quadratic.

It shares only the fact tables and the violation builders with the engines; every match is found
by comparing all pairs / all facts with the pattern's definition written out plainly.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from jiguan_core.absence import Absence
from jiguan_core.activity import Activity
from jiguan_core.calendar import WorkCalendar
from jiguan_core.catalogue.scheduling import RULES
from jiguan_core.organization import Organization
from jiguan_core.patterns import CountPerPeriod, PairOfFacts, SingleFact
from jiguan_core.rules import SchedulingPolicy, Violation
from jiguan_core.rules._build import (
    Lookup,
    count_violation,
    coverage_violation,
    pair_violation,
    single_violation,
)
from jiguan_core.rules._facts import END, KEY, PERSON, REF, START, Context, Fact
from jiguan_core.rules.python_engine import build_tables
from jiguan_core.time import SHANGHAI


def _local_date(seconds: int) -> dt.date:
    return dt.datetime.fromtimestamp(seconds, SHANGHAI).date()


def _days(f: Fact) -> list[dt.date]:
    first = _local_date(f[START])
    last = _local_date(f[END] - 1)
    return [first + dt.timedelta(days=i) for i in range((last - first).days + 1)]


def _close(f: Fact, g: Fact, days: int) -> bool:
    gap = max(g[START] - f[END], f[START] - g[END])
    return gap < days * 86_400


def oracle(
    office: Organization,
    activities: Sequence[Activity] | None = None,
    absences: Sequence[Absence] | None = None,
    *,
    policy: SchedulingPolicy | None = None,
    calendar: WorkCalendar | None = None,
) -> list[Violation]:
    ctx = Context(office, policy=policy, calendar=calendar)
    acts = tuple(office.activities if activities is None else activities)
    absent = tuple(office.absences if absences is None else absences)
    look = Lookup({a.id: a for a in acts}, {b.id: b for b in absent})
    tables = build_tables(ctx, acts, absent)
    leaders = ctx.leaders
    out: list[Violation] = []
    for entry in RULES:
        for pattern in entry.patterns:
            if not ctx.part_enabled(pattern.id):
                continue
            params = ctx.params[entry.id]
            if isinstance(pattern, PairOfFacts):
                days = int(params[pattern.within_days]) if pattern.within_days else 0
                left = tables.get(pattern.left, [])
                right = tables.get(pattern.right, [])
                pairs = []
                if pattern.left == pattern.right:
                    for i, f in enumerate(left):
                        for g in left[i + 1 :]:
                            if f[REF] != g[REF] and f[KEY] == g[KEY]:
                                pairs.append((f, g) if f[REF] < g[REF] else (g, f))
                else:
                    pairs = [
                        (f, g)
                        for f in left
                        for g in right
                        if not pattern.by_key or f[KEY] == g[KEY]
                    ]
                for f, g in pairs:
                    near = _close(f, g, days) if days else (f[START] < g[END] and g[START] < f[END])
                    if not near:
                        continue
                    if pattern.unless == "shared_leaders":
                        one = set(look.activities[f[REF]].attendees) & leaders
                        two = set(look.activities[g[REF]].attendees) & leaders
                        if one & two:
                            continue
                    if pattern.unless == "exempt" and f[REF] in ctx.blackouts[g[REF]].exempt:
                        continue
                    out.append(pair_violation(ctx, look, pattern.id, f, g))
            elif (
                isinstance(pattern, SingleFact)
                and pattern.id == "SCHED-COORD-CAPACITY/over_capacity"
            ):
                seats = {r.id: r.capacity for r in office.rooms}
                extra = int(params["extra_seats"])
                for a in acts:
                    capacity = seats.get(a.room_id) if a.room_id is not None else None
                    if capacity is not None and len(a.attendees) + extra > capacity:
                        out.append(single_violation(ctx, look, pattern.id, a))
            elif isinstance(pattern, SingleFact):
                kinds = {k.strip() for k in str(params["kinds"]).split(",")}
                calendar_ = ctx.calendar
                for a in acts:
                    if a.kind.value in kinds and any(
                        not calendar_.is_working_day(d) for d in a.span.dates()
                    ):
                        out.append(single_violation(ctx, look, pattern.id, a))
            elif isinstance(pattern, CountPerPeriod):
                limit = int(params[pattern.limit])
                facts = tables.get(pattern.table, [])
                seen: set[tuple[str, dt.date]] = set()
                for f in facts:
                    period = WorkCalendar.period(_local_date(f[START]), pattern.period).start
                    if (f[KEY], period) in seen:
                        continue
                    seen.add((f[KEY], period))
                    group = [
                        g
                        for g in facts
                        if g[KEY] == f[KEY]
                        and WorkCalendar.period(_local_date(g[START]), pattern.period).start
                        == period
                    ]
                    if len({g[REF] for g in group}) > limit:
                        out.append(count_violation(ctx, look, pattern.id, f[KEY], period, group))
            else:
                minimum = int(params[pattern.minimum])
                facts = tables.get(pattern.table, [])
                all_days = sorted({d for f in facts for d in _days(f)})
                for day in all_days:
                    if not ctx.calendar.is_working_day(day):
                        continue
                    group = [f for f in facts if day in _days(f)]
                    present = len(leaders) - len({f[PERSON] for f in group})
                    if present < minimum:
                        out.append(coverage_violation(ctx, look, pattern.id, day, group))
    out.sort(key=lambda v: v.key)
    return out
