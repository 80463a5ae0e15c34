"""Properties of the rotation plan: it never breaks avoidance, capacity or the A/B rule."""

from __future__ import annotations

import itertools
import random
from collections import Counter

from hypothesis import given
from hypothesis import strategies as st

from jiguan_core.development import (
    DevelopmentPolicy,
    Placement,
    RotationPlan,
    check_placement,
    placement_after,
    plan_rotation,
)
from jiguan_core.organization import Organization
from tests.strategies_development import offices

policies = st.builds(
    DevelopmentPolicy,
    moves_per_department=st.integers(1, 3),
    key_years=st.integers(3, 10),
    general_years=st.integers(3, 10),
    min_interval_years=st.integers(0, 4),
)


#: T5's sensitive areas: organisation, personnel, discipline, supervision, audit, finance.
SENSITIVE = {"organization", "personnel", "discipline", "supervision", "audit", "finance"}


def avoidance_oracle(office: Organization, placement: Placement) -> set[tuple[str, ...]]:
    """T5 from its words (docs/development.md), over who sits where: relatives (a link recorded
    by either of the two) may not report to the same direct leader, be in one reports-to line
    (the whole chain: ``whole_line`` by default), or work (main or secondary post) in a
    sensitive area where the other is a leadership member or holds, as main post, a leading
    post of that post's department. Keys: (first, second, kind, leader, post)."""
    pairs = {
        tuple(sorted((person.id, relative.staff_id)))
        for person in office.staff
        for relative in person.relatives
    }
    posts = {post.id: post for post in office.posts}
    boss = placement.reports_to

    def line(person: str) -> list[str]:
        above: list[str] = []
        current = boss.get(person)
        while current is not None and current not in above and current != person:
            above.append(current)
            current = boss.get(current)
        return above

    def leads(person: str, department: str) -> bool:
        main = placement.main.get(person)
        return main is not None and posts[main].leading and posts[main].department_id == department

    found: set[tuple[str, ...]] = set()
    for a, b in pairs:
        if boss.get(a) is not None and boss.get(a) == boss.get(b):
            found.add((a, b, "same_leader", str(boss[a]), ""))
        for low, high in ((a, b), (b, a)):
            if high in line(low):
                found.add((a, b, "direct_line", high, ""))
        for worker, other in ((a, b), (b, a)):
            main = placement.main.get(worker)
            held = ([main] if main else []) + list(placement.secondary.get(worker, ()))
            for post_id in held:
                post = posts[post_id]
                sensitive = {area.value for area in post.key_areas} & SENSITIVE
                if sensitive and (
                    other in placement.leadership_members or leads(other, post.department_id)
                ):
                    found.add((a, b, "sensitive_area", other, post_id))
    return found


def _placements(office: Organization, plan: RotationPlan) -> list[Placement]:
    """Who sits where before the plan and after each of its years."""
    start = Placement.of(office, plan.as_of)
    return [start, *(placement_after(office, plan, year) for year in plan.years)]


@given(office=offices(), policy=policies)
def test_a_plan_never_creates_an_avoidance_situation(
    office: Organization, policy: DevelopmentPolicy
) -> None:
    """After each year's moves every avoidance situation (per the oracle) existed before them."""
    plan = plan_rotation(office, start_year=2025, years=4, policy=policy)
    seen = [avoidance_oracle(office, placement) for placement in _placements(office, plan)]
    steps = zip(plan.years, itertools.pairwise(seen), strict=True)
    new = [(year, after - before) for year, (before, after) in steps]
    assert [(year, keys) for year, keys in new if keys] == []
    assert list(plan.years) == [2025, 2026, 2027, 2028]


@given(office=offices(), policy=policies)
def test_the_avoidance_check_of_every_projected_year_equals_the_oracle(
    office: Organization, policy: DevelopmentPolicy
) -> None:
    """check_placement finds exactly T5's situations, before the plan and after each year."""
    plan = plan_rotation(office, start_year=2025, years=4, policy=policy)
    placements = _placements(office, plan)
    assert len(placements) == 5
    found = [{f.key for f in check_placement(office, p)} for p in placements]
    assert found == [avoidance_oracle(office, p) for p in placements]


@given(office=offices(), policy=policies)
def test_a_plan_respects_department_capacity(
    office: Organization, policy: DevelopmentPolicy
) -> None:
    """At most K moves leave a department in a year, besides a relative who moves to resolve
    an existing avoidance case (T5 is mandatory and does not wait for a free place)."""
    plan = plan_rotation(office, start_year=2025, years=4, policy=policy)
    per = Counter(
        (m.year, m.from_department)
        for m in plan.moves
        if m.resolves is None or m.staff_id not in m.resolves.staff_ids
    )
    assert all(count <= policy.moves_per_department for count in per.values())


@given(office=offices(), policy=policies)
def test_a_and_b_of_a_post_never_move_in_the_same_year(
    office: Organization, policy: DevelopmentPolicy
) -> None:
    """No AB role has both its A and its B among one year's movers."""
    plan = plan_rotation(office, start_year=2025, years=4, policy=policy)
    both_moved = [
        (year, role.post_id)
        for year in plan.years
        for role in office.ab_roles
        if {role.a_id, role.b_id} <= {m.staff_id for m in plan.moves_in(year)}
    ]
    assert both_moved == []


@given(office=offices(), policy=policies)
def test_moves_exchange_the_posts_of_the_years_movers(
    office: Organization, policy: DevelopmentPolicy
) -> None:
    """Each year's targets are exactly the posts its movers leave, and nobody stays put."""
    plan = plan_rotation(office, start_year=2025, years=4, policy=policy)
    targets = {y: sorted(m.to_post for m in plan.moves_in(y)) for y in plan.years}
    sources = {y: sorted(m.from_post for m in plan.moves_in(y)) for y in plan.years}
    assert targets == sources
    assert [m for m in plan.moves if m.to_post == m.from_post] == []
    assert sum(len(v) for v in targets.values()) == len(plan.moves)


@given(office=offices(), policy=policies)
def test_departments_keep_someone_who_has_held_each_key_post(
    office: Organization, policy: DevelopmentPolicy
) -> None:
    """A department that had someone with experience of one of its key posts keeps one."""
    plan = plan_rotation(office, start_year=2025, years=4, policy=policy)
    start = Placement.of(office, plan.as_of)
    experience = {
        p.id: {a.post_id for a in office.assignments_of(p.id) if a.start <= plan.as_of}
        for p in office.staff
    }
    key_posts = [
        p for p in office.posts if p.is_key and p.id in {v for v in start.main.values() if v}
    ]
    lost: list[tuple[int, str]] = []
    for year in plan.years:
        after = placement_after(office, plan, year)
        for post in key_posts:
            had = any(
                d == post.department_id and post.id in experience[s]
                for s, d in start.department.items()
            )
            keeps = any(
                after.department[s] == post.department_id and post.id in experience[s]
                for s in after.department
            )
            if had and not keeps:
                lost.append((year, post.id))
        for move in plan.moves_in(year):
            experience[move.staff_id].add(move.to_post)
        start = after
    assert lost == []


@given(office=offices(), seed=st.integers(0, 2**16))
def test_the_plan_does_not_depend_on_the_order_of_the_input(
    office: Organization, seed: int
) -> None:
    """The same office built from shuffled lists gives the same plan."""
    rng = random.Random(seed)

    def shuffled(values: tuple[object, ...]) -> list[object]:
        items = list(values)
        rng.shuffle(items)
        return items

    again = Organization(
        name=office.name,
        departments=shuffled(office.departments),
        staff=shuffled(office.staff),
        posts=shuffled(office.posts),
        assignments=shuffled(office.assignments),
        ab_roles=shuffled(office.ab_roles),
    )
    first = plan_rotation(office, start_year=2025, years=3)
    second = plan_rotation(again, start_year=2025, years=3)
    assert first == second
    assert first.render("en") == second.render("en")
