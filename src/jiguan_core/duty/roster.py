"""The holiday duty roster (节假日值班、领导带班): who is on duty on each non-working day.

For every public holiday of a period (and every weekend day when DUTY-Y1 ``include_weekends``
says so) one leadership member is in charge and ``staff_per_day`` staff are on duty (DUTY-Y1);
nobody away (an absence, or an off-site activity, as A/B coverage counts it) is rostered.

What is optimal, group by group (leaders, staff), in this order: every day gets the people it
can get (DUTY-Y1 is hard); then the fewest two-days-running duties (DUTY-Y1-REST: "unless
unavoidable"); then the smallest spread, max - min of the weighted loads with the ``prior``
duty included, a Spring Festival day weighing ``spring_festival_weight`` ordinary days
(DUTY-Y1-FAIR); then the evenest loads (least sum of squares) as a tie-break.

How it is solved: first fast, by minimum-cost flows (networkx ``network_simplex``) from people
to days, where a person's k-th duty costs the growth of the square of their load (the most even
spread a bipartite assignment reaches, Fujishige 1980), Spring Festival days first, each run of
days re-dealt and count-preserving swaps so that nobody has two running. That roster is then
checked against two lower bounds: two running days need so many people and only so many are
free on either (DUTY-Y1-REST), and the least spread of the same problem without rest days
(DUTY-Y1-FAIR, a flow). When it meets both it is optimal. Otherwise the group is solved
exactly by CP-SAT (:mod:`jiguan_core.duty._exact`, the solver extra) with the flow roster as
the hint, so "unavoidable" and "no evener spread" are proven, not guessed; without OR-Tools
(or with ``engine="flow"``) the flow roster stands and its issues say they are not proven
(:attr:`DutyRoster.proven` is false). A day that cannot be filled is filled as far as it can be
and explained (how many are needed, how many are free, who is away).
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

import attrs
from attrs import frozen

from jiguan_core._validation import boundary
from jiguan_core.absence import Absence
from jiguan_core.activity import Activity
from jiguan_core.calendar import DateRange, WorkCalendar
from jiguan_core.catalogue.duty import DUTY_COVER, DUTY_FAIR, DUTY_REST
from jiguan_core.development.coverage import away_days
from jiguan_core.errors import InvalidValue, MissingExtra
from jiguan_core.finding import Finding
from jiguan_core.organization import Organization
from jiguan_core.policy import Policy, effective_policy
from jiguan_core.rule import Severity
from jiguan_core.text import Lang, TermEnum, Text

__all__ = [
    "DutyDay",
    "DutyGroup",
    "DutyRoster",
    "RosterIssue",
    "duty_days",
    "duty_roster",
    "spring_festival_days",
]

_ONE = dt.timedelta(days=1)


class DutyGroup(TermEnum):
    """The two groups a roster spreads duty within."""

    LEADERS = "leaders", "带班领导"
    STAFF = "staff", "值班人员"


@frozen(kw_only=True)
class DutyDay:
    """One rostered day: who is in charge, who is on duty, and the day's weight."""

    day: dt.date
    weight: int
    spring_festival: bool
    leader_ids: tuple[str, ...]
    staff_ids: tuple[str, ...]

    def of(self, group: DutyGroup) -> tuple[str, ...]:
        return self.leader_ids if group is DutyGroup.LEADERS else self.staff_ids


@frozen(kw_only=True)
class RosterIssue:
    """Something the roster could not do, with the rule it concerns."""

    rule_id: str
    group: DutyGroup
    day: dt.date | None
    staff_id: str | None
    message: Text
    #: The rule's level under the policy the roster was made by (None: the catalogue's).
    level: Severity | None = None

    def render(self, lang: Lang = "zh") -> str:
        return f"[{self.rule_id}] {self.message.render(lang)}"

    def to_finding(self) -> Finding:
        """This issue as the one :class:`~jiguan_core.finding.Finding` (part: the group)."""
        return Finding.of(
            self.rule_id,
            part=self.group.value,
            level=self.level,
            subjects={"staff": (self.staff_id,)} if self.staff_id else None,
            dates=(self.day,) if self.day else (),
            message=self.message,
        )


@frozen(kw_only=True)
class DutyRoster:
    """The roster of ``[start, end)``: one :class:`DutyDay` per duty day, in order, and the
    issues (short days, unavoidable consecutive duties, uneven spreads)."""

    start: dt.date
    end: dt.date
    days: tuple[DutyDay, ...]
    issues: tuple[RosterIssue, ...]
    leader_pool: tuple[str, ...]
    staff_pool: tuple[str, ...]
    #: Every group's roster is shown optimal: the fewest two-days-running duties, then the
    #: smallest spread (a lower bound met, or the exact engine's proof).
    proven: bool = True

    def pool(self, group: DutyGroup) -> tuple[str, ...]:
        return self.leader_pool if group is DutyGroup.LEADERS else self.staff_pool

    def counts(self, group: DutyGroup) -> dict[str, int]:
        """person -> days on duty in this roster (everyone of the group, zeros included)."""
        found = dict.fromkeys(self.pool(group), 0)
        for day in self.days:
            for person in day.of(group):
                found[person] = found.get(person, 0) + 1
        return found

    def loads(self, group: DutyGroup) -> dict[str, int]:
        """person -> weighted duty (a Spring Festival day counts its weight)."""
        found = dict.fromkeys(self.pool(group), 0)
        for day in self.days:
            for person in day.of(group):
                found[person] = found.get(person, 0) + day.weight
        return found

    @property
    def is_complete(self) -> bool:
        """Every day has everyone it needs (as DUTY-Y1 says, unless the policy switched it off)."""
        return not any(i.rule_id == DUTY_COVER.id for i in self.issues)

    def render(self, lang: Lang = "zh", names: Mapping[str, str] | None = None) -> str:
        def who(ids: Sequence[str]) -> str:
            shown = [(names or {}).get(i, i) for i in ids]
            return ("、" if lang == "zh" else ", ").join(shown) or "—"

        if lang == "zh":
            lines = [f"值班表 {self.start} 至 {self.end - _ONE}", "日期 | 带班领导 | 值班人员"]
        else:
            lines = [f"Duty roster {self.start} to {self.end - _ONE}", "day | in charge | on duty"]
        for day in self.days:
            mark = (
                ("（春节）" if lang == "zh" else " (Spring Festival)")
                if day.spring_festival
                else ""
            )
            lines.append(f"{day.day}{mark} | {who(day.leader_ids)} | {who(day.staff_ids)}")
        lines += [issue.render(lang) for issue in self.issues]
        return "\n".join(lines) + "\n"

    def to_data(self) -> dict[str, Any]:
        return {
            "start": self.start.isoformat(),
            "end": self.end.isoformat(),
            "days": [
                {
                    "day": d.day.isoformat(),
                    "weight": d.weight,
                    "spring_festival": d.spring_festival,
                    "leaders": list(d.leader_ids),
                    "staff": list(d.staff_ids),
                }
                for d in self.days
            ],
            "counts": {g.value: self.counts(g) for g in DutyGroup},
            "proven": self.proven,
            "issues": [
                {
                    "rule_id": i.rule_id,
                    "group": i.group.value,
                    "day": None if i.day is None else i.day.isoformat(),
                    "staff_id": i.staff_id,
                    "level": None if i.level is None else i.level.value,
                    "zh": i.message.zh,
                    "en": i.message.en,
                }
                for i in self.issues
            ],
        }


def spring_festival_days(calendar: WorkCalendar, year: int) -> frozenset[dt.date]:
    """The Spring Festival holiday of ``year``: the official holidays from 10 January to the end
    of February (New Year's Day lies before, Qingming after)."""
    holidays = calendar.arrangement(year).holidays
    return frozenset(d for d in holidays if dt.date(year, 1, 10) <= d < dt.date(year, 3, 1))


def duty_days(
    period: DateRange, calendar: WorkCalendar, *, include_weekends: bool = False
) -> list[dt.date]:
    """The days of ``period`` that need a roster: public holidays, and every non-working day
    when ``include_weekends`` (office closures are not duty days)."""
    found = []
    for day in period:
        if calendar.is_working_day(day) or day in calendar.closures:
            continue
        if include_weekends or day in calendar.arrangement(day.year).holidays:
            found.append(day)
    return found


def _check_pool(office: Organization, ids: Iterable[str] | None, leaders: bool) -> tuple[str, ...]:
    if ids is None:
        return tuple(s.id for s in office.staff if s.is_leadership_member == leaders)
    pool = tuple(sorted(set(ids)))
    for staff_id in pool:
        office.person(staff_id)
    return pool


def _runs(days: Sequence[dt.date]) -> list[list[dt.date]]:
    """``days`` (sorted) cut into runs of consecutive calendar days."""
    runs: list[list[dt.date]] = []
    for day in days:
        if runs and runs[-1][-1] + _ONE == day:
            runs[-1].append(day)
        else:
            runs.append([day])
    return runs


def _most_apart(days: Sequence[dt.date]) -> int:
    """The most of ``days`` (sorted) one person can take with no two running (greedy is exact
    on a path)."""
    count, last = 0, None
    for day in days:
        if last is None or day - last > _ONE:
            count, last = count + 1, day
    return count


def _spread(
    people: Sequence[str],
    days: Sequence[dt.date],
    need: int,
    free: Mapping[str, frozenset[dt.date]],
    weight: int,
    base: Mapping[str, int],
) -> tuple[dict[dt.date, list[str]], dict[dt.date, int]]:
    """The exact even spread of ``days`` (each needing ``need`` people) over ``people``:
    (day -> people, day -> shortfall). A person's k-th day costs (b + kw)² - (b + (k-1)w)².

    In each run of consecutive days a person gets at most as many days as they could take
    without two running (DUTY-Y1-REST), unless that leaves a day short; the days of each run
    are then re-dealt so that nobody has two running where the counts allow it."""
    import networkx as nx  # a core dependency, imported where used

    chosen: dict[dt.date, list[str]] = {d: [] for d in days}
    if not days or need == 0:
        return chosen, {}
    total = need * len(days)
    runs = _runs(days)
    available = {p: [d for d in days if d in free[p]] for p in people}
    top = max((base.get(p, 0) for p in people), default=0) + weight * (len(days) + 1)
    big = 4 * weight * top + 10

    # Fairness costs are scaled by ``scale`` so that the small penalties steering people away
    # from two days running (at most _REST_ROUNDS per person-day) never outweigh evenness.
    scale = _REST_ROUNDS * total + 1

    def solve(
        caps: Mapping[str, int], rest: bool, penalty: Mapping[tuple[str, dt.date], int]
    ) -> tuple[dict[dt.date, list[str]], dict[dt.date, int]]:
        graph = nx.DiGraph()
        graph.add_node("s", demand=-total)
        graph.add_node("t", demand=total)
        for d in days:
            graph.add_edge(("d", d), "t", capacity=need, weight=0)
            # a short day, explained
            graph.add_edge("s", ("d", d), capacity=need, weight=big * scale)
        for p in people:
            b = base.get(p, 0)
            for k in range(1, caps[p] + 1):
                cost = ((b + k * weight) ** 2 - (b + (k - 1) * weight) ** 2) * scale
                graph.add_edge("s", ("u", p, k), capacity=1, weight=cost)
                graph.add_edge(("u", p, k), ("p", p), capacity=1, weight=0)
            mine = frozenset(available[p])
            for index, run in enumerate(runs):
                open_days = [d for d in run if d in mine]
                if not open_days:
                    continue
                if rest and len(open_days) > 1:
                    node = ("r", p, index)
                    graph.add_edge(("p", p), node, capacity=_most_apart(open_days), weight=0)
                    for d in open_days:
                        graph.add_edge(node, ("d", d), capacity=1, weight=penalty.get((p, d), 0))
                else:
                    for d in open_days:
                        graph.add_edge(
                            ("p", p), ("d", d), capacity=1, weight=penalty.get((p, d), 0)
                        )
        _, flow = nx.network_simplex(graph)
        picked: dict[dt.date, list[str]] = {d: [] for d in days}
        for source, amount in ((k, v) for k, v in flow.items() if k[0] in ("p", "r")):
            if not isinstance(source, tuple):
                continue
            for target, units in amount.items():
                if units and isinstance(target, tuple) and target[0] == "d":
                    picked[target[1]].append(source[1])
        short = {d: flow["s"][("d", d)] for d in days if flow["s"][("d", d)]}
        return picked, short

    fair = math.ceil(total / max(len(people), 1)) + 2
    all_days = {p: len(available[p]) for p in people}
    caps, rest = {p: min(all_days[p], fair) for p in people}, True
    penalty: dict[tuple[str, dt.date], int] = {}
    picked, short = solve(caps, rest, penalty)
    if short:  # the cap on counts may be what left a day short
        caps = all_days
        picked, short = solve(caps, rest, penalty)
    if short:  # then rest days cannot all be kept: cover the days first (DUTY-Y1 is hard)
        rest = False
        picked, short = solve(caps, rest, penalty)
    for run in runs:
        _redeal(run, picked, free)
    current = _running(picked)
    best = (current, picked)
    for _ in range(_REST_ROUNDS):  # steer the people left with two days running elsewhere
        if not current:
            break
        for p, d in current:
            for day in (d, d - _ONE):
                penalty[(p, day)] = penalty.get((p, day), 0) + 1
        again, again_short = solve(caps, rest, penalty)
        if again_short != short:
            break
        for run in runs:
            _redeal(run, again, free)
        current = _running(again)
        if len(current) < len(best[0]):
            best = (current, again)
    return {d: sorted(ps) for d, ps in best[1].items()}, short


#: The roster's engines (see :func:`duty_roster`).
_ENGINES = ("auto", "flow", "cpsat")

#: How many times the flow is re-solved to steer people away from two days running.
_REST_ROUNDS = 4


def _running(picked: Mapping[dt.date, Sequence[str]]) -> list[tuple[str, dt.date]]:
    """(person, second day) for everyone on duty two days running, in order."""
    return [
        (p, d) for d in sorted(picked) for p in sorted(picked[d]) if p in picked.get(d - _ONE, ())
    ]


def _redeal(
    run: Sequence[dt.date], picked: dict[dt.date, list[str]], free: Mapping[str, frozenset[dt.date]]
) -> None:
    """Re-deal the days of one run among the same people with the same counts so that nobody
    has two running, most constrained first; leave the run as it is when that fails."""
    if len(run) < 2:
        return
    left: dict[str, int] = {}
    for d in run:
        for p in picked[d]:
            left[p] = left.get(p, 0) + 1
    dealt: dict[dt.date, list[str]] = {}
    previous: set[str] = set()
    for i, d in enumerate(run):
        rest = run[i:]
        candidates = [p for p, n in left.items() if n > 0 and d in free[p] and p not in previous]
        room = {p: _most_apart([e for e in rest if e in free[p]]) for p in candidates}
        candidates.sort(key=lambda p: (-(left[p] / max(room[p], 1)), -left[p], p))
        chosen = candidates[: len(picked[d])]
        if len(chosen) < len(picked[d]):
            return
        for p in chosen:
            left[p] -= 1
        dealt[d] = chosen
        previous = set(chosen)
    if any(left.values()):
        return
    for d, people in dealt.items():
        picked[d] = people


def _repair(
    assigned: dict[dt.date, list[str]],
    free: Mapping[str, frozenset[dt.date]],
    weight_of: Mapping[dt.date, int],
) -> list[tuple[str, dt.date]]:
    """Swap duties between two people (counts and loads unchanged) to remove two-days-running
    duties; return the (person, second day) pairs no swap could remove."""
    days = sorted(assigned)
    on: dict[str, set[dt.date]] = {}
    for d, ps in assigned.items():
        for p in ps:
            on.setdefault(p, set()).add(d)

    def running(p: str, d: dt.date, without: dt.date | None = None) -> bool:
        mine = on.get(p, set()) - ({without} if without else set())
        return (d - _ONE) in mine or (d + _ONE) in mine

    stuck: list[tuple[str, dt.date]] = []
    for d in days:
        for p in list(assigned[d]):
            if (d - _ONE) not in on.get(p, set()):
                continue
            fixed = False
            for e in days:
                if e in (d, d - _ONE) or weight_of[e] != weight_of[d] or p in assigned[e]:
                    continue
                if e not in free[p] or running(p, e, without=d):
                    continue
                for q in assigned[e]:
                    if q in assigned[d] or d not in free[q] or running(q, d, without=e):
                        continue
                    assigned[d].remove(p)
                    assigned[d].append(q)
                    assigned[e].remove(q)
                    assigned[e].append(p)
                    on[p].discard(d)
                    on[p].add(e)
                    on[q].discard(e)
                    on[q].add(d)
                    fixed = True
                    break
                if fixed:
                    break
            if not fixed:
                stuck.append((p, d))
    for d in days:
        assigned[d].sort()
    return stuck


def _load_spread(
    assigned: Mapping[dt.date, Sequence[str]],
    pool: Sequence[str],
    weight_of: Mapping[dt.date, int],
    base: Mapping[str, int],
) -> int:
    """max - min of the weighted loads, prior duty included (0 for an empty pool)."""
    loads = {p: base.get(p, 0) for p in pool}
    for d, ps in assigned.items():
        for p in ps:
            loads[p] += weight_of[d]
    return max(loads.values()) - min(loads.values()) if loads else 0


def _forced_running(
    pool: Sequence[str],
    days: Sequence[dt.date],
    need_of: Mapping[dt.date, int],
    free: Mapping[str, frozenset[dt.date]],
) -> dict[dt.date, int]:
    """second day -> two-days-running duties every roster has there: two running days need
    ``need_of`` people each, and only so many of the pool are free on either. The sum is a
    lower bound on the roster's two-days-running duties."""
    forced = {}
    for d in days:
        before = d - _ONE
        if before in need_of:
            either = sum(1 for p in pool if d in free[p] or before in free[p])
            if need_of[before] + need_of[d] > either:
                forced[d] = need_of[before] + need_of[d] - either
    return forced


def _least_spread(
    pool: Sequence[str],
    days: Sequence[dt.date],
    need_of: Mapping[dt.date, int],
    free: Mapping[str, frozenset[dt.date]],
    weight_of: Mapping[dt.date, int],
    base: Mapping[str, int],
) -> int:
    """A lower bound on max - min load (prior included) over every roster that fills the days:
    the same problem without DUTY-Y1-REST and with a day of weight w split into w units a
    person may take apart, which is a flow. Its evenest loads (least sum of squares, a
    min-cost flow with convex costs) are also the least spread one (the dec-min element of an
    M-convex set, Frank & Murota 2022), so with all weights 1 the bound is the optimum
    without DUTY-Y1-REST. With heavier days a second bound counts them whole (see below); the
    larger of the two is returned."""
    import networkx as nx  # a core dependency, imported where used

    if not pool:
        return 0
    units = {p: sum(weight_of[d] for d in days if d in free[p]) for p in pool}
    total = sum(weight_of[d] * need_of[d] for d in days)
    everyone = sum(base.get(p, 0) for p in pool) + total
    # A roster with no load above ``cap`` exists (then the evenest has none either) in the
    # usual case; the uncapped flow is the fallback.
    cap = max(max(base.get(p, 0) for p in pool), -(-everyone // len(pool))) + max(
        (weight_of[d] for d in days), default=1
    )

    def evenest(limit: int | None) -> dict[str, int]:
        graph = nx.DiGraph()
        graph.add_node("s", demand=-total)
        graph.add_node("t", demand=total)
        for d in days:
            graph.add_edge(("d", d), "t", capacity=weight_of[d] * need_of[d], weight=0)
        for p in pool:
            b = base.get(p, 0)
            room = units[p] if limit is None else min(units[p], limit - b)
            for k in range(1, room + 1):
                graph.add_edge("s", ("u", p, k), capacity=1, weight=(b + k) ** 2 - (b + k - 1) ** 2)
                graph.add_edge(("u", p, k), ("p", p), capacity=1, weight=0)
            for d in days:
                if d in free[p] and room > 0:
                    graph.add_edge(("p", p), ("d", d), capacity=weight_of[d], weight=0)
        _, flow = nx.network_simplex(graph)
        return {p: base.get(p, 0) + sum(flow.get(("p", p), {}).values()) for p in pool}

    try:
        loads = evenest(cap)
    except nx.NetworkXUnfeasible:
        loads = evenest(None)
    # The split of heavy days can make the bound weak; a second one keeps the weights whole:
    # whoever takes a day carries at least their prior plus its weight, while someone carries
    # no more than the average load, nor more than all the days they are free on.
    high = max(
        (
            min(base.get(p, 0) + weight_of[d] for p in pool if d in free[p])
            for d in days
            if need_of[d]
        ),
        default=0,
    )
    low = min(
        everyone // len(pool),
        min(base.get(p, 0) + units[p] for p in pool),
    )
    return max(max(loads.values()) - min(loads.values()), high - low)


def _rest_issue(
    group: DutyGroup,
    person: str,
    day: dt.date,
    count: int,
    proven: bool,
    forced: Mapping[dt.date, int],
    need_of: Mapping[dt.date, int],
    pool: Sequence[str],
    free: Mapping[str, frozenset[dt.date]],
) -> RosterIssue:
    """DUTY-Y1-REST: ``person`` is on duty on ``day`` and the day before; why."""
    before = day - _ONE
    if not proven:
        zh = f"{person} {before} 与 {day} 连续值班：未能调开（未经证明无法避免：精确求解需 solver 扩展或更多求解时间）"
        en = (
            f"{person} is on duty on {before} and {day}: not avoided (not proven unavoidable: "
            "the exact engine needs the solver extra or more work_limit)"
        )
    elif forced.get(day):
        either = sum(1 for p in pool if day in free[p] or before in free[p])
        places = need_of[before] + need_of[day]
        zh = (
            f"{person} {before} 与 {day} 连续值班：无法避免，两天共需{places}人次，"
            f"{group.zh}中只有{either}人在这两天有空"
        )
        en = (
            f"{person} is on duty on {before} and {day}: unavoidable, the two days need "
            f"{places} places and only {either} {group.en} are free on either"
        )
    else:
        zh = (
            f"{person} {before} 与 {day} 连续值班：无法避免，每一种排满各天的排法{group.zh}"
            f"都至少有{count}次连续值班（已证明）"
        )
        en = (
            f"{person} is on duty on {before} and {day}: unavoidable, every roster that fills "
            f"the days has at least {count} two-days-running duties among {group.en} "
            "(proven)"
        )
    return RosterIssue(
        rule_id=DUTY_REST.id, group=group, day=day, staff_id=person, message=Text(zh, en)
    )


def _fair_issue(
    group: DutyGroup,
    assigned: Mapping[dt.date, Sequence[str]],
    pool: Sequence[str],
    weight_of: Mapping[dt.date, int],
    base: Mapping[str, int],
    free: Mapping[str, frozenset[dt.date]],
    proven: bool,
) -> RosterIssue:
    """DUTY-Y1-FAIR: the loads of ``group`` spread more than one day's weight; who is lowest and
    how many duty days they are free on says why."""
    loads = {p: base.get(p, 0) for p in pool}
    for d, ps in assigned.items():
        for p in ps:
            loads[p] += weight_of[d]
    high, low = max(loads.values()), min(loads.values())
    lowest = min(p for p in pool if loads[p] == low)
    open_days = sum(1 for d in assigned if d in free[lowest])
    if proven:
        zh_why, en_why = (
            "已是不连续值班前提下最均衡的排法（精确证明）",
            "no roster that keeps DUTY-Y1-REST is evener (proven)",
        )
    else:
        zh_why, en_why = "未找到更均衡的排法（未经证明）", "no evener roster found (not proven)"
    return RosterIssue(
        rule_id=DUTY_FAIR.id,
        group=group,
        day=None,
        staff_id=None,
        message=Text(
            f"{group.zh}值班量（含既往值班，春节按权重）最多{high}、最少{low}（{lowest}，"
            f"{len(assigned)}个值班日中{open_days}天有空）：{zh_why}",
            f"{group.en} duty (prior included, Spring Festival weighted) ranges from {low} "
            f"({lowest}, free on {open_days} of {len(assigned)} duty days) to {high}: {en_why}",
        ),
    )


@boundary
def duty_roster(
    office: Organization,
    period: DateRange,
    *,
    calendar: WorkCalendar,
    absences: Sequence[Absence] | None = None,
    activities: Sequence[Activity] | None = None,
    leader_ids: Iterable[str] | None = None,
    staff_ids: Iterable[str] | None = None,
    prior: Mapping[str, int] | None = None,
    overrides: Mapping[str, Mapping[str, Any]] | None = None,
    policy: Policy | None = None,
    engine: str = "auto",
    work_limit: float = 10.0,
) -> DutyRoster:
    """The roster of ``period``. ``leader_ids``/``staff_ids`` default to the office's leadership
    members and everyone else; ``prior`` adds duty already done (e.g. earlier in the year) to
    each person's load; absences and activities default to the office's own. The rules'
    parameters are ``policy``'s; a rule it switches off raises no issue (DUTY-Y1 off: short days
    are filled as far as they can be, silently; DUTY-Y1-REST, DUTY-Y1-FAIR off: the roster is
    the same, unexplained), and each issue carries its rule's level under it. ``overrides``
    (DUTY-Y1 / DUTY-Y1-FAIR -> parameters) is a shorthand for ``policy`` (not both).

    ``engine``: ``"flow"`` keeps the flow roster; ``"cpsat"`` solves a group exactly (OR-Tools,
    the solver extra) whenever the flow roster is not shown optimal; ``"auto"`` (the default)
    does so when OR-Tools is installed. ``work_limit`` bounds each exact solve in CP-SAT's
    deterministic time (about seconds; the same input always gives the same roster).
    :attr:`DutyRoster.proven` says whether every group's roster is shown optimal."""
    if engine not in _ENGINES:
        raise InvalidValue(
            f"engine must be one of {', '.join(_ENGINES)}, got {engine!r}",
            f"engine 应为 {'、'.join(_ENGINES)} 之一，实际为 {engine!r}",
            field="engine",
            value=engine,
        )
    if not work_limit > 0:
        raise InvalidValue(
            f"work_limit must be > 0, got {work_limit!r}",
            f"work_limit 应大于 0，实际为 {work_limit!r}",
            field="work_limit",
            value=work_limit,
        )
    chosen = effective_policy(policy, overrides, where="duty_roster")
    cover = chosen.parameters(DUTY_COVER.id)
    fair = chosen.parameters(DUTY_FAIR.id)
    base = dict(prior or {})
    for staff_id, value in base.items():
        if not isinstance(value, int) or isinstance(value, bool) or value < 0:
            raise InvalidValue(
                f"prior duty of {staff_id} must be a whole number >= 0, got {value!r}",
                f"{staff_id} 的既往值班数应为非负整数，实际为 {value!r}",
                field="prior",
                value=value,
            )
    days = duty_days(period, calendar, include_weekends=bool(cover["include_weekends"]))
    festival = frozenset().union(
        *(spring_festival_days(calendar, y) for y in {d.year for d in days})
    )
    sf_weight = int(fair["spring_festival_weight"])
    weight_of = {d: sf_weight if d in festival else 1 for d in days}
    pools = {
        DutyGroup.LEADERS: _check_pool(office, leader_ids, True),
        DutyGroup.STAFF: _check_pool(office, staff_ids, False),
    }
    everyone = {p for pool in pools.values() for p in pool}
    away = away_days(office, period, staff_ids=everyone, absences=absences, activities=activities)
    all_days = frozenset(days)
    free = {p: all_days - frozenset(away.get(p, ())) for p in everyone}
    needs = {
        DutyGroup.LEADERS: int(cover["leaders_per_day"]),
        DutyGroup.STAFF: int(cover["staff_per_day"]),
    }
    issues: list[RosterIssue] = []
    result: dict[DutyGroup, dict[dt.date, list[str]]] = {}
    proven_all = True
    for group, pool in pools.items():
        loads = {p: base.get(p, 0) for p in pool}
        assigned: dict[dt.date, list[str]] = {}
        short: dict[dt.date, int] = {}
        for phase_days, weight in (
            ([d for d in days if d in festival], sf_weight),
            ([d for d in days if d not in festival], 1),
        ):
            picked, missing = _spread(pool, phase_days, needs[group], free, weight, loads)
            assigned.update(picked)
            short.update(missing)
            for ps in picked.values():
                for p in ps:
                    loads[p] += weight
        for d in sorted(short):
            free_count = sum(1 for p in pool if d in free[p])
            issues.append(
                RosterIssue(
                    rule_id=DUTY_COVER.id,
                    group=group,
                    day=d,
                    staff_id=None,
                    message=Text(
                        f"{d} {group.zh}缺{short[d]}人：需{needs[group]}人，"
                        f"{len(pool)}人中仅{free_count}人不在请假、出差或外出活动中",
                        f"{d}: {short[d]} {group.en} short: {needs[group]} needed, only "
                        f"{free_count} of {len(pool)} are not on leave, a trip or off site",
                    ),
                )
            )
        _repair(assigned, free, weight_of)
        need_of = {d: needs[group] - short.get(d, 0) for d in days}
        forced = _forced_running(pool, days, need_of, free)
        least = _least_spread(pool, days, need_of, free, weight_of, base)
        proven = len(_running(assigned)) == sum(forced.values()) and (
            _load_spread(assigned, pool, weight_of, base) == least
        )
        if not proven and engine != "flow":
            from jiguan_core.duty._exact import solve_group

            try:
                assigned, proven = solve_group(
                    pool,
                    days,
                    need_of,
                    free,
                    weight_of,
                    base,
                    assigned,
                    work_limit=work_limit,
                )
            except MissingExtra:
                if engine == "cpsat":
                    raise
        proven_all = proven_all and proven
        running = _running(assigned)
        for person, d in running:
            issues.append(
                _rest_issue(group, person, d, len(running), proven, forced, need_of, pool, free)
            )
        result[group] = assigned
        spread = _load_spread(assigned, pool, weight_of, base)
        spread_limit = max((weight_of[d] for d in days if need_of[d]), default=1)
        if pool and spread > spread_limit:
            issues.append(_fair_issue(group, assigned, pool, weight_of, base, free, proven))
    roster_days = tuple(
        DutyDay(
            day=d,
            weight=weight_of[d],
            spring_festival=d in festival,
            leader_ids=tuple(result[DutyGroup.LEADERS].get(d, ())),
            staff_ids=tuple(result[DutyGroup.STAFF].get(d, ())),
        )
        for d in days
    )
    order = {g: i for i, g in enumerate(DutyGroup)}
    levels = {r.id: chosen.level(r.id) for r in (DUTY_COVER, DUTY_REST, DUTY_FAIR)}
    issues = [attrs.evolve(i, level=levels[i.rule_id]) for i in issues if chosen.enabled(i.rule_id)]
    return DutyRoster(
        start=period.start,
        end=period.end,
        days=roster_days,
        issues=tuple(
            sorted(
                issues,
                key=lambda i: (i.day or dt.date.min, order[i.group], i.rule_id, i.staff_id or ""),
            )
        ),
        leader_pool=pools[DutyGroup.LEADERS],
        staff_pool=pools[DutyGroup.STAFF],
        proven=proven_all,
    )
