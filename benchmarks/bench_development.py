"""Benchmark: A/B coverage over a year and a 5-year rotation plan for a large office.

Run: ``.venv/bin/python benchmarks/bench_development.py`` (``--quick`` for a smoke run).

* Coverage: N staff, K key posts with A, B and a fallback, two absences per person and off-site
  trips over 2025. Baseline: a straightforward day-by-day scan (every working day, every key
  post, down the chain, each person's events checked for overlap with the day), whose gaps must
  equal the fast result. Target: under 1 s.
* Rotation plan: 5 years (2022-2026, inside the built-in calendar) for N staff. Baseline: the
  same planner with every exchange considered (``candidate_posts`` = N, a dense assignment
  instead of each person's nearest 8 options). Both plans then pass a brute-force validation
  (each year's due list recomputed by scanning the raw assignment list, capacity, A/B same year,
  exchange of posts, and avoidance over all relative pairs), timed too. Target: under 5 s.
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import sys
from collections import Counter
from pathlib import Path

import pendulum

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks._harness import best_of, table
from jiguan_core.absence import Absence, AbsenceKind
from jiguan_core.activity import Activity, ActivityKind
from jiguan_core.calendar import DateRange, WorkCalendar
from jiguan_core.department import Department
from jiguan_core.development import (
    DevelopmentPolicy,
    Placement,
    check_placement,
    coverage,
    placement_after,
    plan_rotation,
)
from jiguan_core.organization import Organization
from jiguan_core.post import ABRole, KeyArea, Post, PostAssignment, PostRole
from jiguan_core.staff import Level, Relation, Relative, Staff
from jiguan_core.time import SHANGHAI, TimeSpan

AREAS = (KeyArea.FINANCE, KeyArea.PERSONNEL, KeyArea.PROCUREMENT, KeyArea.AUDIT)


def build(staff_count: int, key_count: int, seed: int = 7) -> Organization:
    rng = random.Random(seed)
    per = 20
    departments = staff_count // per
    depts = [Department(id="d-top", name="领导")]
    staff: list[Staff] = [
        Staff(
            id="top",
            name="主席",
            department_id="d-top",
            level=Level.BUREAU_HEAD,
            hire_date=dt.date(1990, 1, 1),
            is_leadership_member=True,
        )
    ]
    posts = [Post(id="p-top", name="主席", department_id="d-top", leading=True)]
    assignments = [
        PostAssignment(
            staff_id="top", post_id="p-top", role=PostRole.MAIN, start=dt.date(2020, 1, 1)
        )
    ]
    keys_left = key_count
    key_posts: list[tuple[str, str, str]] = []  # post, holder, department
    for d in range(departments):
        dep = f"d{d:03d}"
        depts.append(Department(id=dep, name=f"部门{d}"))
        head = f"h{d:03d}"
        for j in range(per):
            sid = head if j == 0 else f"s{d:03d}-{j:02d}"
            pid = f"p{d:03d}-{j:02d}"
            areas: frozenset[KeyArea] = frozenset()
            if j > 0 and keys_left > 0 and j <= key_count // departments + 1:
                areas = frozenset({AREAS[j % len(AREAS)]})
                keys_left -= 1
                key_posts.append((pid, sid, dep))
            posts.append(
                Post(id=pid, name=f"岗位{j}", department_id=dep, key_areas=areas, leading=j == 0)
            )
            staff.append(
                Staff(
                    id=sid,
                    name=f"人员{d}-{j}",
                    department_id=dep,
                    level=Level.DIVISION_HEAD if j == 0 else Level.CLERK,
                    hire_date=dt.date(1990, 1, 1),
                    reports_to="top" if j == 0 else head,
                )
            )
            start = dt.date(rng.randint(2005, 2021), rng.choice((1, 3, 9)), 1)
            assignments.append(
                PostAssignment(staff_id=sid, post_id=pid, role=PostRole.MAIN, start=start)
            )
    # Relatives: 1% of staff in pairs, in different departments.
    by_id = {p.id: p for p in staff}
    ordinary = [p.id for p in staff if p.id != "top"]
    for _ in range(staff_count // 100):
        a, b = rng.sample(ordinary, 2)
        if by_id[a].relatives or by_id[b].relatives:
            continue
        by_id[a] = Staff(
            **{**_fields(by_id[a]), "relatives": (Relative(staff_id=b, relation=Relation.SPOUSE),)}
        )
    staff = [by_id[p.id] for p in staff]
    # AB roles: B from another department (holding the post as secondary), fallback the head.
    roles = []
    b_load: Counter[str] = Counter()
    for pid, holder, dep in key_posts:
        while True:
            b = rng.choice(ordinary)
            if by_id[b].department_id != dep and b_load[b] < 2 and b != holder:
                break
        b_load[b] += 1
        assignments.append(
            PostAssignment(
                staff_id=b, post_id=pid, role=PostRole.SECONDARY, start=dt.date(2024, 1, 1)
            )
        )
        # Half the posts have a fallback (the head), so that some days have nobody.
        fallback = (f"h{dep[1:]}",) if len(roles) % 2 else ()
        roles.append(ABRole(post_id=pid, a_id=holder, b_id=b, fallback=fallback))
    # A year of absences and off-site trips.
    calendar = WorkCalendar()
    days = calendar.working_days(dt.date(2025, 1, 1), dt.date(2026, 1, 1))
    absences = []
    for person in ordinary:
        for _ in range(2):
            first = rng.choice(days)
            absences.append(
                Absence(
                    id=f"ab{len(absences):05d}",
                    staff_id=person,
                    span=TimeSpan.whole_days(first, first + dt.timedelta(days=rng.randint(0, 4))),
                    kind=AbsenceKind.ANNUAL_LEAVE,
                )
            )
    activities = []
    for number in range(staff_count // 6):
        first = rng.choice(days)
        start = pendulum.datetime(first.year, first.month, first.day, 8, 30, tz=SHANGHAI)
        activities.append(
            Activity(
                id=f"a{number:05d}",
                kind=ActivityKind.RESEARCH,
                title="调研",
                span=TimeSpan(start, start.add(days=rng.randint(0, 1), hours=9)),
                department_id=f"d{rng.randrange(departments):03d}",
                participants=rng.sample(ordinary, 4),
                target_place="某县",
            )
        )
    return Organization(
        name="基准机关",
        departments=depts,
        staff=staff,
        posts=posts,
        assignments=assignments,
        ab_roles=roles,
        absences=absences,
        activities=activities,
    )


def _fields(person: Staff) -> dict[str, object]:
    return {
        "id": person.id,
        "name": person.name,
        "department_id": person.department_id,
        "level": person.level,
        "hire_date": person.hire_date,
        "is_leadership_member": person.is_leadership_member,
        "reports_to": person.reports_to,
    }


def coverage_reference(office: Organization, period: DateRange) -> list[tuple[str, dt.date]]:
    """Day by day, post by post, down the chain, checking each person's events."""
    calendar = WorkCalendar()
    events: dict[str, list[TimeSpan]] = {}
    for absence in office.absences:
        events.setdefault(absence.staff_id, []).append(absence.span)
    for activity in office.activities:
        if activity.off_site:
            for person in activity.attendees:
                events.setdefault(person, []).append(activity.span)
    gaps = []
    for post in sorted(office.key_posts, key=lambda p: p.id):
        role = office.ab_role(post.id)
        chain = role.chain if role else ()
        for day in period:
            if not calendar.is_working_day(day):
                continue
            start = pendulum.datetime(day.year, day.month, day.day, tz=SHANGHAI)
            whole = TimeSpan(start, start.add(days=1))
            if all(any(s.overlaps(whole) for s in events.get(p, ())) for p in chain):
                gaps.append((post.id, day))
    return gaps


def plan_reference(office: Organization, plan: object, policy: DevelopmentPolicy) -> int:
    """Brute-force due lists and a brute-force validation of the plan; returns checks done."""
    from jiguan_core.development.rotation import RotationPlan

    assert isinstance(plan, RotationPlan)
    checks = 0
    for year in plan.years:
        day = dt.date(year, policy.move_month, 1)
        for person in office.staff:  # tenure by scanning the whole assignment list
            mine = [
                a for a in office.assignments if a.staff_id == person.id and a.role is PostRole.MAIN
            ]
            checks += len([a for a in mine if a.active_on(day)])
        moves = plan.moves_in(year)
        per = Counter(m.from_department for m in moves)
        assert all(v <= policy.moves_per_department for v in per.values())
        moved = {m.staff_id for m in moves}
        for role in office.ab_roles:
            assert not {role.a_id, role.b_id} <= moved
        assert sorted(m.to_post for m in moves) == sorted(m.from_post for m in moves)
    before = {f.key for f in check_placement(office, Placement.of(office, plan.as_of))}
    for year in plan.years:
        after = {f.key for f in check_placement(office, placement_after(office, plan, year))}
        assert after <= before
        before = after
    return checks


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--quick", action="store_true", help="a small smoke run")
    args = parser.parse_args()
    staff_count, key_count = (600, 200) if args.quick else (3000, 1000)
    repeat = 1 if args.quick else 3
    office = build(staff_count, key_count)
    period = DateRange(dt.date(2025, 1, 1), dt.date(2026, 1, 1))
    policy = DevelopmentPolicy()

    fast_s, report = best_of(lambda: coverage(office, period), repeat=repeat)
    ref_s, reference = best_of(lambda: coverage_reference(office, period), repeat=1)
    assert list(report.gaps) == reference, "coverage differs from the reference"
    print(
        table(
            f"A/B coverage over 2025: N = {len(office.staff):,} staff, {len(office.key_posts):,} key "
            f"posts, {len(office.absences):,} absences, {len(office.activities):,} off-site trips; "
            f"{len(reference):,} gap days (equal in both)",
            ("method", "seconds", "ratio to reference"),
            [("coverage()", fast_s, fast_s / ref_s), ("day-by-day reference", ref_s, 1.0)],
        )
    )
    print()
    plan_s, plan = best_of(
        lambda: plan_rotation(office, start_year=2022, years=5, policy=policy), repeat=repeat
    )
    dense = policy.evolve(candidate_posts=len(office.staff))
    dense_s, dense_plan = best_of(
        lambda: plan_rotation(office, start_year=2022, years=5, policy=dense), repeat=1
    )
    check_s, _ = best_of(lambda: plan_reference(office, plan, policy), repeat=1)
    plan_reference(office, dense_plan, dense)
    print(
        table(
            f"5-year rotation plan 2022-2026: N = {len(office.staff):,} staff "
            f"({len(plan.moves):,} moves, {len(plan.postponements):,} postponements; the "
            f"exhaustive reference makes {len(dense_plan.moves):,} moves); both plans pass the "
            "brute-force validation",
            ("method", "seconds", "ratio to reference"),
            [
                (
                    f"plan_rotation() ({policy.candidate_posts} candidates)",
                    plan_s,
                    plan_s / dense_s,
                ),
                ("reference: every exchange considered", dense_s, 1.0),
                ("brute-force due lists + validation", check_s, check_s / dense_s),
            ],
        )
    )
    print()
    print(
        f"targets: coverage < 1 s: {'met' if fast_s < 1 else 'MISSED'}; "
        f"plan < 5 s: {'met' if plan_s < 5 else 'MISSED'}"
    )


if __name__ == "__main__":
    main()
