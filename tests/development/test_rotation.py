"""Rotation: who is due (T1-T4) and the multi-year plan."""

from __future__ import annotations

import datetime as dt

import pytest

from jiguan_core.calendar import WorkCalendar
from jiguan_core.development import (
    DevelopmentPolicy,
    PostponeReason,
    RotationStatus,
    add_years,
    due_for_rotation,
    handover_deadline,
    plan_rotation,
    rotation_status,
)
from jiguan_core.errors import JiguanError, UnknownEntity
from jiguan_core.examples.office import sample_office
from jiguan_core.organization import Organization
from jiguan_core.post import KeyArea, PostAssignment, PostRole
from jiguan_core.staff import Relation
from tests._two_processes import two_runs
from tests.strategies_development import build_office

FIN = frozenset({KeyArea.FINANCE})
PLAIN: frozenset[KeyArea] = frozenset()
DAY = dt.date(2025, 6, 1)


def _status(office: Organization, staff_id: str, **kwargs: object) -> RotationStatus:
    checks = {c.staff_id: c for c in rotation_status(office, DAY, **kwargs)}  # type: ignore[arg-type]
    return checks[staff_id].status


class TestWhoIsDue:
    def test_ten_years_in_the_same_post_makes_a_person_due(self) -> None:
        """Tenure from 2015-01-01 reaches 10 years on 2025-01-01 (T1)."""
        office = build_office(departments=[[(2015, PLAIN), (2016, PLAIN)]])
        (due,) = due_for_rotation(office, DAY)
        assert (due.staff_id, due.years_in_post, due.due_on) == ("s01", 10, dt.date(2025, 1, 1))
        assert "DEV-T1" in due.render("zh")

    def test_an_office_can_rotate_key_posts_after_five_years(self) -> None:
        """With key_years=5 a finance post held since 2019 is due, a plain one is not."""
        office = build_office(departments=[[(2019, FIN), (2019, PLAIN)]])
        policy = DevelopmentPolicy(key_years=5)
        assert [c.staff_id for c in due_for_rotation(office, DAY, policy=policy)] == ["s01"]

    def test_tenure_counts_from_the_first_of_contiguous_assignments_to_the_same_post(self) -> None:
        """A renewed appointment to the same post does not restart the clock."""
        office = build_office(departments=[[(2020, PLAIN)]])
        assignments = [a for a in office.assignments if a.staff_id != "s01"] + [
            PostAssignment(
                staff_id="s01",
                post_id="p01",
                role=PostRole.MAIN,
                start=dt.date(2012, 1, 1),
                end=dt.date(2020, 1, 1),
            ),
            PostAssignment(
                staff_id="s01", post_id="p01", role=PostRole.MAIN, start=dt.date(2020, 1, 1)
            ),
        ]
        office = office.evolve(assignments=assignments)
        (check,) = [c for c in rotation_status(office, DAY) if c.staff_id == "s01"]
        assert check.since == dt.date(2012, 1, 1)
        assert check.last_rotation is None
        assert check.is_due

    def test_probation_and_investigation_exempt_a_due_person(self) -> None:
        """T2: a due person on probation or under investigation is not rotated now."""
        office = build_office(departments=[[(2010, PLAIN), (2010, PLAIN)]], probation=["s01"])
        assert _status(office, "s01") is RotationStatus.PROBATION
        assert _status(office, "s02", under_investigation={"s02"}) is (
            RotationStatus.UNDER_INVESTIGATION
        )
        assert [
            c.staff_id for c in due_for_rotation(office, DAY, under_investigation=["s02"])
        ] == []

    def test_an_unknown_person_under_investigation_is_named(self) -> None:
        """An id that is not on the staff raises UnknownEntity naming it."""
        office = build_office(departments=[[(2010, PLAIN)]])
        with pytest.raises(UnknownEntity, match="ghost"):
            rotation_status(office, DAY, under_investigation=["ghost"])

    def test_a_recent_rotation_blocks_another_one(self) -> None:
        """T3: with a 2-year threshold, someone moved in 2023 waits until 2026."""
        office = build_office(departments=[[(2023, PLAIN)]])
        earlier = PostAssignment(
            staff_id="s01",
            post_id="p-top",
            role=PostRole.MAIN,
            start=dt.date(2015, 1, 1),
            end=dt.date(2020, 1, 1),
        )
        office = office.evolve(assignments=[*office.assignments, earlier])
        policy = DevelopmentPolicy(general_years=2)
        assert _status(office, "s01", policy=policy) is RotationStatus.TOO_SOON
        assert _status(office, "s01") is RotationStatus.NOT_DUE

    def test_leadership_members_and_optionally_unit_leaders_are_out_of_scope(self) -> None:
        """The chair is never rotated; heads only when include_unit_leaders is on."""
        office = build_office(departments=[[(2020, PLAIN)]], head_years=[2000])
        ids = {c.staff_id for c in rotation_status(office, DAY)}
        assert "top" not in ids
        assert "h0" in ids
        policy = DevelopmentPolicy(include_unit_leaders=False)
        assert "h0" not in {c.staff_id for c in rotation_status(office, DAY, policy=policy)}

    def test_the_sample_has_long_serving_key_post_holders_due(self) -> None:
        """The sample's finance and discipline holders since 2012 are due."""
        due = {c.staff_id for c in due_for_rotation(sample_office(), DAY)}
        assert {"s009", "s010", "s025"} <= due

    def test_the_handover_deadline_counts_working_days(self) -> None:
        """T4: 10 working days after 2025-09-30 skip the National Day holiday."""
        deadline = handover_deadline(dt.date(2025, 9, 30))
        assert deadline == WorkCalendar().add_working_days(dt.date(2025, 9, 30), 10)
        assert deadline > dt.date(2025, 10, 14)

    def test_adding_years_to_29_february_lands_on_28_february(self) -> None:
        """add_years keeps leap days valid."""
        assert add_years(dt.date(2024, 2, 29), 1) == dt.date(2025, 2, 28)


class TestPlan:
    def test_capacity_limits_moves_per_department_and_explains_the_rest(self) -> None:
        """With K=1 one person per department moves; the others are postponed for capacity."""
        office = build_office(
            departments=[[(2010, PLAIN), (2011, PLAIN)], [(2010, PLAIN), (2011, PLAIN)]]
        )
        plan = plan_rotation(
            office, start_year=2025, years=1, policy=DevelopmentPolicy(moves_per_department=1)
        )
        assert sorted(m.staff_id for m in plan.moves) == ["s01", "s11"]
        later = {p.staff_id: p.reason for p in plan.postponements}
        assert later == {"s02": PostponeReason.CAPACITY, "s12": PostponeReason.CAPACITY}
        assert all("DEV-PLAN" in p.render("en") for p in plan.postponements)

    def test_postponed_people_move_in_a_later_year(self) -> None:
        """Over two years everyone due moves once."""
        office = build_office(
            departments=[[(2010, PLAIN), (2011, PLAIN)], [(2010, PLAIN), (2011, PLAIN)]]
        )
        plan = plan_rotation(
            office, start_year=2025, years=2, policy=DevelopmentPolicy(moves_per_department=1)
        )
        assert [(m.year, m.staff_id) for m in plan.moves] == [
            (2025, "s01"),
            (2025, "s11"),
            (2026, "s02"),
            (2026, "s12"),
        ]

    def test_a_and_b_of_a_post_never_move_in_the_same_year(self) -> None:
        """B is postponed when A of the same post moves that year."""
        office = build_office(
            departments=[[(2010, FIN)], [(2010, PLAIN)], [(2010, PLAIN)]],
            ab=[("p01", "s01", "s11")],
        )
        plan = plan_rotation(office, start_year=2025, years=1)
        moved = {m.staff_id for m in plan.moves}
        assert not {"s01", "s11"} <= moved
        assert any(p.reason is PostponeReason.AB_SAME_YEAR for p in plan.postponements)

    def test_the_only_keeper_of_a_key_post_rotates_within_the_department(self) -> None:
        """The department keeps experience of its finance post: s01 swaps with s02 at home."""
        office = build_office(departments=[[(2010, FIN), (2010, PLAIN)], [(2010, PLAIN)]])
        plan = plan_rotation(office, start_year=2025, years=1)
        moves = {m.staff_id: (m.from_department, m.to_department) for m in plan.moves}
        assert moves["s01"] == ("d0", "d0")
        assert "本部门" in next(m for m in plan.moves if m.staff_id == "s01").render("zh")

    def test_a_move_into_a_relatives_line_is_withdrawn(self) -> None:
        """A swap that would put s01 under the same head as their spouse s12 is postponed."""
        office = build_office(
            departments=[[(2010, PLAIN)], [(2010, PLAIN), (2024, PLAIN)]],
            relatives=[("s01", "s12", Relation.SPOUSE)],
        )
        plan = plan_rotation(office, start_year=2025, years=1)
        assert plan.moves == ()
        reasons = {p.staff_id: p.reason for p in plan.postponements}
        assert reasons == {"s01": PostponeReason.AVOIDANCE, "s11": PostponeReason.NO_POST}
        assert "DEV-T5" in plan.postponements[0].render("zh")

    def test_moves_explain_tenure_threshold_and_handover(self) -> None:
        """A move names the years held, the threshold and the T4 deadline."""
        office = build_office(departments=[[(2010, PLAIN)], [(2010, PLAIN)]])
        plan = plan_rotation(office, start_year=2025, years=1)
        move = plan.moves[0]
        assert move.effective_on == dt.date(2025, 3, 3)  # 1 March 2025 is a Saturday
        assert move.handover_by == WorkCalendar().add_working_days(move.effective_on, 10)
        assert "DEV-T4" in move.render("en")
        assert "15" in move.render("en")

    def test_a_year_the_calendar_lacks_leaves_the_handover_open(self) -> None:
        """Beyond the built-in calendar the deadline is None, never a guessed Mon-Fri."""
        office = build_office(departments=[[(2017, PLAIN)], [(2017, PLAIN)]])
        plan = plan_rotation(office, start_year=2027, years=1)
        assert plan.moves
        assert all(m.handover_by is None for m in plan.moves)

    def test_the_sample_plan_is_deterministic(self) -> None:
        """Two interpreters with different hash seeds, and this one, print the same plan."""
        plan = plan_rotation(sample_office(), start_year=2026, years=5)
        first, second = two_runs(
            "from jiguan_core.development import plan_rotation\n"
            "from jiguan_core.sample import sample_office\n"
            "plan = plan_rotation(sample_office(), start_year=2026, years=5)\n"
            "print(*plan.render('zh'), sep='\\n')"
        )
        assert first == second == "\n".join(plan.render("zh")) + "\n"
        assert plan.moves

    def test_years_out_of_range_are_refused(self) -> None:
        """A plan of 0 years is an error."""
        with pytest.raises(JiguanError, match="years"):
            plan_rotation(sample_office(), start_year=2026, years=0)

    def test_the_plan_resolves_an_existing_avoidance_case_in_its_first_year(self) -> None:
        """The sample's spouses s007 (head of the office) and s008 (its finance post) are a T5
        case: the first year exchanges one of them, no later year keeps the case, and the move
        says which case it resolves."""
        from jiguan_core.development import check_avoidance, check_placement, placement_after

        office = sample_office()
        before = check_avoidance(office, dt.date(2026, 3, 2))
        assert {f.staff_ids for f in before} == {("s007", "s008")}
        plan = plan_rotation(office, start_year=2026, years=5)
        for year in plan.years:
            assert check_placement(office, placement_after(office, plan, year)) == ()
        resolving = [m for m in plan.moves_in(2026) if m.resolves is not None]
        assert {m.resolves.staff_ids for m in resolving if m.resolves} == {("s007", "s008")}
        assert any(m.staff_id in ("s007", "s008") for m in resolving)
        assert "DEV-T5" in resolving[0].render("en")
        assert "回避" in resolving[0].render("zh")
        assert not plan.unresolved
        moving = {m.staff_id for m in plan.moves_in(2026)}
        assert not [p for p in plan.postponements_in(2026) if p.staff_id in moving]

    def test_a_case_no_exchange_can_resolve_is_listed_with_the_reason(self) -> None:
        """s01 works in finance under their spouse h0 and the office has no other department:
        nobody to exchange with, so the plan lists the case with the reason for each of them."""
        office = build_office(
            departments=[[(2024, FIN)]], relatives=[("s01", "h0", Relation.SPOUSE)]
        )
        plan = plan_rotation(office, start_year=2025, years=1)
        assert plan.unresolved
        case = plan.unresolved[0]
        assert case.year == 2025
        assert case.finding.staff_ids == ("h0", "s01")
        assert "DEV-T5" in case.render("en")
        assert "no colleague of another department" in case.render("en")
        assert "回避" in case.render("zh")
        assert "  " + case.render("en") in plan.render("en")

    def test_moves_of_a_year_without_a_calendar_are_marked_pending(self) -> None:
        """plan_rotation(start_year=2031) does not plan on Saturday 2031-03-01 as if it were the
        rotation day: every move is pending the year's calendar, without a handover date."""
        plan = plan_rotation(sample_office(), start_year=2031, years=1)
        assert plan.pending_years == (2031,)
        assert plan.moves
        for move in plan.moves:
            assert move.pending_calendar
            assert move.handover_by is None
            assert "on or after 2031-03-01" in move.render("en")
            assert "待定" in move.render("zh")
        assert "calendar is not known" in plan.render_lines("en")[0]

    def test_a_covered_year_is_not_pending(self) -> None:
        """2026 is in the built-in calendar: its moves are on a working day, not pending."""
        plan = plan_rotation(sample_office(), start_year=2026, years=1)
        assert plan.pending_years == ()
        assert all(not m.pending_calendar for m in plan.moves)
        assert all(WorkCalendar().is_working_day(m.effective_on) for m in plan.moves)

    def test_a_plan_beyond_the_supported_years_is_refused(self) -> None:
        """start_year 1800, or a plan reaching past 2200, is an InvalidValue."""
        from jiguan_core.errors import InvalidValue

        with pytest.raises(InvalidValue, match="1949-2200"):
            plan_rotation(sample_office(), start_year=1800)
        with pytest.raises(InvalidValue, match="2200"):
            plan_rotation(sample_office(), start_year=2199, years=5)

    def test_a_plan_whose_tenures_end_after_2200_blames_the_day_asked_about(self) -> None:
        """start_year 2191 for 10 years: the plan's years are supported, but a tenure begun in
        2191 reaches its 10 years in 2201; the error names the person, the post and as_of,
        never add_years' own arguments."""
        from jiguan_core.errors import InvalidValue

        with pytest.raises(InvalidValue) as caught:
            plan_rotation(sample_office(), start_year=2191, years=10)
        assert caught.value.field == "as_of"
        assert "add_years" not in str(caught.value)
        assert "after 2200" in str(caught.value)

    def test_adding_a_million_years_is_an_invalid_value(self) -> None:
        """add_years(day, 10**6) is an InvalidValue naming years, not a ValueError from date."""
        from jiguan_core.errors import InvalidValue

        with pytest.raises(InvalidValue) as caught:
            add_years(dt.date(2025, 1, 1), 10**6)
        assert caught.value.field == "years"
        assert caught.value.value == 10**6


def test_a_plan_covers_from_1_to_50_years_and_no_more() -> None:
    """``years`` is an int from 1 to 50: 50 plans fifty years, 51 is refused."""
    from jiguan_core.development import plan_rotation
    from jiguan_core.errors import InvalidValue

    plan = plan_rotation(sample_office(), start_year=2026, years=50)
    assert {m.year for m in plan.moves} <= set(range(2026, 2076))
    assert max(m.year for m in plan.moves) > 2070
    with pytest.raises(InvalidValue, match="years must be an int from 1 to 50, got 51"):
        plan_rotation(sample_office(), start_year=2026, years=51)
