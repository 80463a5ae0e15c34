"""Benchmark: a year's holiday duty roster for 300 staff and 20 leaders, and a year of 1,000
proposals through every stage.

Each is reported as a ratio to a baseline measured in the same run on the same input:

- roster: :func:`jiguan_core.duty.duty_roster` over every non-working day of 2026
  (``include_weekends``), with random leave, against a greedy round-robin that skips whoever is
  away (no fairness guarantee, no rest rule): ``engine="flow"`` (min-cost flows, swaps for rest
  days, checked against the lower bounds) and ``engine="auto"`` (a group whose flow roster is
  not shown optimal is solved exactly by CP-SAT, when OR-Tools is installed). The spread of
  each (max - min weighted load per group, a Spring Festival day counting 2), the
  two-days-running duties and whether the roster is proven optimal are printed beside the
  times: the ratio buys evenness and the proof.
- proposals: 1,000 :class:`~jiguan_core.proposals.ProposalWorkflow` values driven from
  submission to 办结 (every transition validated, history kept), then the late items on one day
  and the year's statistics, against the same transitions on plain dicts (no checks, no
  history).

Run: ``.venv/bin/python benchmarks/bench_office_work.py`` (``--quick`` for a smoke run).
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from tests.strategies_office_work import duty_office

from benchmarks._harness import best_of, table
from jiguan_core.absence import Absence, AbsenceKind
from jiguan_core.calendar import DateRange, WorkCalendar
from jiguan_core.duty import DutyGroup, duty_days, duty_roster, spring_festival_days
from jiguan_core.organization import Organization
from jiguan_core.proposals import (
    Feedback,
    ProposalWorkflow,
    proposal_late_items,
    proposal_statistics,
    submit_proposal,
)
from jiguan_core.time import TimeSpan

CALENDAR = WorkCalendar()
YEAR = DateRange(dt.date(2026, 1, 1), dt.date(2027, 1, 1))
OVERRIDES = {"DUTY-Y1": {"include_weekends": True, "staff_per_day": 2}}


def leave(office: Organization, seed: int = 3) -> list[Absence]:
    """About three one-week leaves per person in the year."""
    rng = random.Random(seed)
    out = []
    for n, person in enumerate(s.id for s in office.staff for _ in range(3)):
        first = dt.date(2026, 1, 1) + dt.timedelta(days=rng.randrange(0, 358))
        out.append(
            Absence(
                id=f"x{n}",
                staff_id=person,
                span=TimeSpan.whole_days(first, first + dt.timedelta(days=6)),
                kind=AbsenceKind.ANNUAL_LEAVE,
            )
        )
    return out


def round_robin(office: Organization, absences: list[Absence]) -> dict[str, list[list[str]]]:
    """The baseline: walk each group's people in order, skipping whoever is away that day."""
    days = duty_days(YEAR, CALENDAR, include_weekends=True)
    away: dict[str, set[dt.date]] = {}
    for a in absences:
        away.setdefault(a.staff_id, set()).update(a.span.dates())
    groups = {
        "leaders": ([s.id for s in office.staff if s.is_leadership_member], 1),
        "staff": ([s.id for s in office.staff if not s.is_leadership_member], 2),
    }
    out: dict[str, list[list[str]]] = {}
    for name, (people, need) in groups.items():
        cursor, rows = 0, []
        for day in days:
            chosen: list[str] = []
            for _ in range(len(people)):
                person = people[cursor % len(people)]
                cursor += 1
                if day not in away.get(person, set()):
                    chosen.append(person)
                    if len(chosen) == need:
                        break
            rows.append(chosen)
        out[name] = rows
    return out


def _spread(rows: list[list[str]], people: list[str]) -> int:
    """max - min of the weighted loads (a Spring Festival day counts 2, as DUTY-Y1-FAIR)."""
    festival = spring_festival_days(CALENDAR, 2026)
    days = duty_days(YEAR, CALENDAR, include_weekends=True)
    loads = dict.fromkeys(people, 0)
    for day, row in zip(days, rows, strict=True):
        for p in row:
            loads[p] += 2 if day in festival else 1
    return max(loads.values()) - min(loads.values())


def _running(rows: list[list[str]]) -> int:
    """Two-days-running duties: a person on two calendar days in a row."""
    days = duty_days(YEAR, CALENDAR, include_weekends=True)
    return sum(
        len(set(rows[i]) & set(rows[i + 1]))
        for i in range(len(days) - 1)
        if days[i + 1] - days[i] == dt.timedelta(days=1)
    )


def drive(count: int) -> list[ProposalWorkflow]:
    """``count`` proposals from submission to 办结 (a tenth unsatisfied once, a fifth key)."""
    rng = random.Random(5)
    done = []
    for n in range(count):
        start = dt.date(2025, 1, 6) + dt.timedelta(days=rng.randrange(0, 200))
        key = n % 5 == 0
        p = submit_proposal(
            id=f"ta{n:04d}",
            title="提案",
            proposer="委员",
            on=start,
            unit="tawei",
            reviewer="r1",
            calendar=CALENDAR,
            key=key,
        )
        day = start + dt.timedelta(days=5)
        p = p.file(on=day, by="r1", unit="tawei", to="r2", calendar=CALENDAR)
        day += dt.timedelta(days=5)
        p = p.assign(
            on=day,
            by="r2",
            unit=f"u{n % 40}",
            to="h1",
            supervisor="vc" if key else None,
            calendar=CALENDAR,
        )
        if key:
            p = p.supervise(on=day + dt.timedelta(days=20), by="vc")
        rounds = 2 if n % 10 == 0 else 1
        for r in range(rounds):
            day += dt.timedelta(days=rng.randrange(20, 80))
            p = p.handle(on=day, by="h1", to="h2")
            p = p.reply(on=day, by="h2", unit="tawei", to="r2", calendar=CALENDAR)
            day += dt.timedelta(days=10)
            feedback = Feedback.UNSATISFIED if r + 1 < rounds else Feedback.SATISFIED
            p = p.record_feedback(feedback, on=day, by="r2", to="h1", calendar=CALENDAR)
        p = p.conclude(on=day + dt.timedelta(days=2), by="r2")
        done.append(p)
    return done


def drive_dicts(count: int) -> list[dict[str, object]]:
    """The baseline: the same transitions as dict updates (no checks, no history)."""
    rng = random.Random(5)
    done = []
    for n in range(count):
        start = dt.date(2025, 1, 6) + dt.timedelta(days=rng.randrange(0, 200))
        p: dict[str, object] = {"id": n, "stage": "filing", "due": start}
        day = start + dt.timedelta(days=5)
        p = {**p, "stage": "assignment", "due": CALENDAR.add_working_days(day, 10)}
        day += dt.timedelta(days=5)
        p = {**p, "stage": "handling", "due": day + dt.timedelta(days=90)}
        rounds = 2 if n % 10 == 0 else 1
        for _ in range(rounds):
            day += dt.timedelta(days=rng.randrange(20, 80))
            p = {**p, "stage": "reply"}
            p = {**p, "stage": "feedback", "due": CALENDAR.add_working_days(day, 20)}
            day += dt.timedelta(days=10)
            p = {**p, "stage": "conclusion", "due": CALENDAR.add_working_days(day, 5)}
        p = {**p, "stage": None}
        done.append(p)
    return done


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--quick", action="store_true", help="small sizes, one repeat")
    args = parser.parse_args(argv)
    staff, leaders, proposals = (60, 6, 100) if args.quick else (300, 20, 1000)
    repeat = 1 if args.quick else 3
    office = duty_office(leaders, staff, departments=10)
    absences = leave(office)

    base_t, rows = best_of(lambda: round_robin(office, absences), repeat=repeat)
    runs = {}
    for engine in ("flow", "auto"):
        runs[engine] = best_of(
            lambda engine=engine: duty_roster(
                office,
                YEAR,
                calendar=CALENDAR,
                absences=absences,
                overrides=OVERRIDES,
                engine=engine,
            ),
            repeat=repeat,
        )
    leader_ids = [s.id for s in office.staff if s.is_leadership_member]
    staff_ids = [s.id for s in office.staff if not s.is_leadership_member]
    lines = [
        [
            "round robin (baseline)",
            base_t,
            1.0,
            _spread(rows["leaders"], leader_ids),
            _spread(rows["staff"], staff_ids),
            _running(rows["leaders"]) + _running(rows["staff"]),
            "-",
        ]
    ]
    for engine, (seconds, roster) in runs.items():
        spreads = {
            g: max(roster.loads(g).values()) - min(roster.loads(g).values()) for g in DutyGroup
        }
        running = sum(1 for i in roster.issues if i.rule_id == "DUTY-Y1-REST")
        lines.append(
            [
                f'duty_roster(engine="{engine}")',
                seconds,
                seconds / base_t,
                spreads[DutyGroup.LEADERS],
                spreads[DutyGroup.STAFF],
                running,
                "yes" if roster.proven else "no",
            ]
        )
    print(
        table(
            f"Duty roster of 2026 (every non-working day, {len(runs['auto'][1].days)} days): "
            f"N = {staff} staff + {leaders} leaders, {len(absences)} leaves, best of {repeat}",
            [
                "method",
                "seconds",
                "ratio",
                "load spread leaders",
                "load spread staff",
                "two days running",
                "proven optimal",
            ],
            lines,
        )
    )
    print()
    dict_t, _ = best_of(lambda: drive_dicts(proposals), repeat=repeat)
    flow_t, flows = best_of(lambda: drive(proposals), repeat=repeat)
    query_t, stats = best_of(
        lambda: (
            proposal_late_items(flows, as_of=dt.date(2025, 9, 30), calendar=CALENDAR),
            proposal_statistics(flows, since=dt.date(2025, 1, 1), until=dt.date(2026, 7, 1)),
        ),
        repeat=repeat,
    )
    assert stats[1].filed == proposals
    print(
        table(
            f"A year of proposals: N = {proposals}, submitted to 办结, best of {repeat}",
            ["step", "seconds", "ratio to dicts"],
            [
                ["plain dicts (baseline)", dict_t, 1.0],
                ["ProposalWorkflow transitions", flow_t, flow_t / dict_t],
                ["late items + statistics", query_t, query_t / dict_t],
            ],
        )
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
