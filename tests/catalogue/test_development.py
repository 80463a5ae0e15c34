"""A verifier test per staff-development rule (REGULATIONS §5, the article's AB角 and 主岗+副岗)."""

from __future__ import annotations

import datetime as dt

import pytest

from jiguan_core.calendar import DateRange
from jiguan_core.catalogue import rule
from jiguan_core.policy import Policy
from jiguan_core.post import KeyArea, PostAssignment, PostRole
from jiguan_core.staff import Relation
from jiguan_core.verifier import verify
from tests._engines import ENGINES
from tests.strategies_development import absence, build_office

DAY = dt.date(2025, 6, 1)
PLAIN: frozenset[KeyArea] = frozenset()
FIN = frozenset({KeyArea.FINANCE})
MARCH = DateRange(dt.date(2025, 3, 1), dt.date(2025, 4, 1))


def _rotated_in_2023():  # type: ignore[no-untyped-def]
    """s01 holds p01 since 2023-01-01, having left p-top on 2020-01-01: rotated in 2023."""
    office = build_office(departments=[[(2023, PLAIN)]])
    earlier = PostAssignment(
        staff_id="s01",
        post_id="p-top",
        role=PostRole.MAIN,
        start=dt.date(2015, 1, 1),
        end=dt.date(2020, 1, 1),
    )
    return office.evolve(assignments=[*office.assignments, earlier])


class TestRotation:
    def test_DEV_T1_ten_years_in_the_same_post_makes_a_person_due(self) -> None:
        office = build_office(departments=[[(2015, PLAIN), (2016, PLAIN)]])
        verify("DEV-T1").given(office, DAY).finds(1).about("staff", "s01")

    def test_DEV_T1_a_day_short_of_ten_years_is_not_due(self) -> None:
        """Tenure from 2015-01-01 is ten years on 2025-01-01, not on 31 December 2024."""
        office = build_office(departments=[[(2015, PLAIN)]])
        verify("DEV-T1").given(office, dt.date(2024, 12, 31)).finds_nothing()
        verify("DEV-T1").given(office, dt.date(2025, 1, 1)).finds(1)

    def test_DEV_T1_an_office_may_rotate_key_posts_after_five_years(self) -> None:
        office = build_office(departments=[[(2019, FIN), (2019, PLAIN)]])
        five = Policy(overrides={"DEV-T1": {"key_years": 5}})
        verify("DEV-T1", policy=five).given(office, DAY).finds(1).about("post", "p01")

    def test_DEV_T2_probation_and_investigation_exempt_a_due_person(self) -> None:
        office = build_office(departments=[[(2010, PLAIN), (2010, PLAIN)]], probation=["s01"])
        verify("DEV-T2").given(office, DAY, under_investigation=["s02"]).finds(2)
        verify("DEV-T2").given(office.evolve(), DAY).finds(1).about("staff", "s01")

    def test_DEV_T3_a_recent_rotation_blocks_another_one(self) -> None:
        office = build_office(departments=[[(2023, PLAIN)]])
        earlier = PostAssignment(
            staff_id="s01",
            post_id="p-top",
            role=PostRole.MAIN,
            start=dt.date(2015, 1, 1),
            end=dt.date(2020, 1, 1),
        )
        office = office.evolve(assignments=[*office.assignments, earlier])
        two = Policy(overrides={"DEV-T1": {"general_years": 2}})
        verify("DEV-T3", policy=two).given(office, DAY).finds(1)
        no_interval = Policy(overrides={"DEV-T1": {"general_years": 2}, "DEV-T3": {"years": 0}})
        verify("DEV-T3", policy=no_interval).given(office, DAY).finds_nothing()

    def test_DEV_T1_T2_T3_are_declarative_on_the_post_tenure_table(self) -> None:
        """Their conditions are single-fact patterns; DEV-T4 (a date) stays computed."""
        for rule_id in ("DEV-T1", "DEV-T2", "DEV-T3"):
            assert {p.table for p in rule(rule_id).patterns} == {"post_tenure"}
        assert not rule("DEV-T4").declarative

    @pytest.mark.parametrize("engine", ENGINES)
    def test_DEV_T1_nine_years_is_not_due_and_ten_is_on_each_engine(self, engine: str) -> None:
        office = build_office(departments=[[(2015, PLAIN)]])
        v = verify("DEV-T1", engine=engine)  # type: ignore[arg-type]
        v.given(office, dt.date(2024, 12, 31)).finds_nothing()
        v.given(office, dt.date(2025, 1, 1)).finds(1).about("staff", "s01")

    @pytest.mark.parametrize("engine", ENGINES)
    def test_DEV_T1_the_key_years_parameter_sets_the_edge_on_each_engine(self, engine: str) -> None:
        """A key post held 6 full years on DAY: due with key_years = 6, not with 7."""
        office = build_office(departments=[[(2019, FIN)]])
        for years, found in ((6, 1), (7, 0)):
            policy = Policy(overrides={"DEV-T1": {"key_years": years}})
            verify("DEV-T1", policy=policy, engine=engine).given(office, DAY).finds(found)  # type: ignore[arg-type]

    @pytest.mark.parametrize("engine", ENGINES)
    def test_DEV_T2_exempts_on_each_engine_and_not_once_switched_off(self, engine: str) -> None:
        office = build_office(departments=[[(2010, PLAIN), (2010, PLAIN)]], probation=["s01"])
        v = verify("DEV-T2", engine=engine)  # type: ignore[arg-type]
        v.given(office, DAY, under_investigation=["s02"]).finds(2)
        off = Policy(disabled={"DEV-T2"})
        verify("DEV-T1", policy=off, engine=engine).given(  # type: ignore[arg-type]
            office, DAY, under_investigation=["s02"]
        ).finds(2)
        verify("DEV-T1", engine=engine).given(  # type: ignore[arg-type]
            office, DAY, under_investigation=["s02"]
        ).finds_nothing()

    @pytest.mark.parametrize("engine", ENGINES)
    def test_DEV_T3_two_years_after_a_rotation_is_too_soon_and_three_is_not(
        self, engine: str
    ) -> None:
        """Rotated on 2023-01-01, interval 3 years: too soon on 2025-12-31, free on 2026-01-01."""
        office = _rotated_in_2023()
        two = Policy(overrides={"DEV-T1": {"general_years": 2}})
        v = verify("DEV-T3", policy=two, engine=engine)  # type: ignore[arg-type]
        v.given(office, dt.date(2025, 12, 31)).finds(1)
        v.given(office, dt.date(2026, 1, 1)).finds_nothing()
        verify("DEV-T1", policy=two, engine=engine).given(office, dt.date(2026, 1, 1)).finds(1)  # type: ignore[arg-type]

    def test_DEV_T3_the_interval_parameter_sets_the_edge(self) -> None:
        """Two full years after the rotation on DAY: too soon with years = 3, not with 2."""
        office = _rotated_in_2023()
        for years, found in ((3, 1), (2, 0)):
            policy = Policy(overrides={"DEV-T1": {"general_years": 2}, "DEV-T3": {"years": years}})
            verify("DEV-T3", policy=policy).given(office, DAY).finds(found)

    def test_DEV_T4_the_handover_is_due_ten_working_days_after_the_move(self) -> None:
        """30 September 2025 + 10 working days: 9, 10, 11 (a swapped Saturday), 13-17, 20, 21 October."""
        found = verify("DEV-T4").given(dt.date(2025, 9, 30)).finds(1)
        assert found.findings[0].dates == (dt.date(2025, 10, 21),)

    def test_DEV_PLAN_moves_the_due_within_capacity(self) -> None:
        office = build_office(departments=[[(2010, PLAIN), (2010, PLAIN)], [(2010, PLAIN)]])
        verify("DEV-PLAN").given(office, start_year=2025, years=1).finds(3)
        one = Policy(overrides={"DEV-PLAN": {"moves_per_department": 1}})
        verify("DEV-PLAN", policy=one).given(office, start_year=2025, years=1).finds(2)


class TestAvoidance:
    def test_DEV_T5_relatives_under_the_same_leader_are_found(self) -> None:
        office = build_office(
            departments=[[(2020, PLAIN), (2020, PLAIN)]],
            relatives=[("s01", "s02", Relation.COLLATERAL_BLOOD)],
        )
        verify("DEV-T5").given(office, DAY).finds(1).about("staff", "s01", "s02")

    def test_DEV_T5_relatives_in_separate_lines_and_ordinary_posts_are_fine(self) -> None:
        office = build_office(
            departments=[[(2020, PLAIN)], [(2020, PLAIN)]],
            relatives=[("s01", "s11", Relation.SPOUSE)],
        )
        verify("DEV-T5").given(office, DAY).finds_nothing()


class TestSecondaryPosts:
    def test_DEV_SECONDARY_a_claim_in_the_own_department_is_invalid(self) -> None:
        office = build_office(
            departments=[[(2020, PLAIN), (2020, PLAIN)], [(2020, PLAIN)]],
            secondary=[("s01", "p02"), ("s02", "p11"), ("s11", "p01")],
        )
        verify("DEV-SECONDARY").given(office, DAY).finds(1).about("staff", "s01")

    def test_DEV_SECONDARY_one_claim_each_in_another_department_is_fine(self) -> None:
        office = build_office(
            departments=[[(2020, PLAIN)], [(2020, PLAIN)]],
            secondary=[("s01", "p11"), ("s11", "p01")],
        )
        verify("DEV-SECONDARY").given(office, DAY).finds_nothing()


class TestABRoles:
    def test_DEV_AB_a_b_who_does_not_hold_the_post_is_not_qualified(self) -> None:
        office = build_office(
            departments=[[(2020, FIN), (2020, PLAIN)]], ab=[("p01", "s01", "s02")]
        )
        verify("DEV-AB").given(office, DAY).finds(1).about("staff", "s02")

    def test_DEV_AB_a_b_holding_the_post_as_secondary_is_qualified(self) -> None:
        office = build_office(
            departments=[[(2020, FIN)], [(2020, PLAIN)]],
            ab=[("p01", "s01", "s11")],
            secondary=[("s11", "p01"), ("s01", "p11")],
        )
        verify("DEV-AB").given(office, DAY).finds_nothing()

    def test_DEV_COVER_a_working_day_with_a_and_b_both_away_is_a_gap(self) -> None:
        office = build_office(
            departments=[[(2020, FIN), (2020, PLAIN)]], ab=[("p01", "s01", "s02")]
        )
        absences = [
            absence("s01", dt.date(2025, 3, 3), dt.date(2025, 3, 5), 1),
            absence("s02", dt.date(2025, 3, 5), dt.date(2025, 3, 6), 2),
        ]
        verify("DEV-COVER").given(office, MARCH, absences=absences).finds(1).about("post", "p01")

    def test_DEV_COVER_a_and_b_away_on_different_days_leave_no_gap(self) -> None:
        office = build_office(
            departments=[[(2020, FIN), (2020, PLAIN)]], ab=[("p01", "s01", "s02")]
        )
        absences = [
            absence("s01", dt.date(2025, 3, 3), dt.date(2025, 3, 4), 1),
            absence("s02", dt.date(2025, 3, 5), dt.date(2025, 3, 6), 2),
        ]
        verify("DEV-COVER").given(office, MARCH, absences=absences).finds_nothing()
