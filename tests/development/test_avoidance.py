"""Avoidance between relatives (T5)."""

from __future__ import annotations

import datetime as dt

import attrs
import pytest

from jiguan_core.development import (
    AvoidanceKind,
    DevelopmentPolicy,
    ReportingCycle,
    check_assignment,
    check_avoidance,
    relative_pairs,
)
from jiguan_core.errors import IntegrityError, JiguanError
from jiguan_core.examples.office import sample_office
from jiguan_core.post import KeyArea, PostRole
from jiguan_core.staff import Relation, Relative
from tests.strategies_development import build_office

DAY = dt.date(2025, 6, 1)
FIN = frozenset({KeyArea.FINANCE})


class TestOrganizationCheck:
    def test_the_sample_couple_is_found_in_the_finance_line(self) -> None:
        """The sample's wife in finance under her husband is a direct line and a sensitive area."""
        findings = check_avoidance(sample_office(), DAY)
        kinds = {(f.kind, f.staff_ids) for f in findings}
        assert (AvoidanceKind.DIRECT_LINE, ("s007", "s008")) in kinds
        assert (AvoidanceKind.SENSITIVE_AREA, ("s007", "s008")) in kinds
        assert all(f.rule_id == "DEV-T5" for f in findings)

    def test_relatives_under_the_same_leader_are_found(self) -> None:
        """Two cousins reporting to the same head must not stay together."""
        office = build_office(
            departments=[[(2020, frozenset()), (2020, frozenset())]],
            relatives=[("s01", "s02", Relation.COLLATERAL_BLOOD)],
        )
        (finding,) = check_avoidance(office, DAY)
        assert finding.kind is AvoidanceKind.SAME_LEADER
        assert finding.leader_id == "h0"
        assert "h0" in finding.render("zh")
        assert "h0" in finding.render("en")

    def test_relatives_in_different_departments_without_sensitive_posts_are_fine(self) -> None:
        """Relatives in separate lines and ordinary posts cause no finding."""
        office = build_office(
            departments=[[(2020, frozenset())], [(2020, frozenset())]],
            relatives=[("s01", "s11", Relation.SPOUSE)],
        )
        assert check_avoidance(office, DAY) == ()

    def test_a_one_sided_link_counts_for_both(self) -> None:
        """A relative recorded by only one of the two is treated symmetrically."""
        office = build_office(
            departments=[[(2020, FIN)], [(2020, frozenset())]],
            relatives=[("h1", "s01", Relation.CLOSE_IN_LAW)],
        )
        (pair,) = relative_pairs(office)
        assert (pair.first, pair.second, pair.declared_by) == ("h1", "s01", ("h1",))
        # s01 works in finance in d0 led by h0; h1 leads another department: no finding.
        assert check_avoidance(office, DAY) == ()

    def test_the_whole_line_can_be_limited_to_the_direct_leader(self) -> None:
        """With whole_line off, a grand-superior relative is not a direct line."""
        office = build_office(
            departments=[[(2020, frozenset())]],
            relatives=[("top", "s01", Relation.DIRECT_BLOOD)],
        )
        whole = check_avoidance(office, DAY)
        assert [f.kind for f in whole] == [AvoidanceKind.DIRECT_LINE]
        direct = check_avoidance(office, DAY, policy=DevelopmentPolicy(whole_line=False))
        assert direct == ()

    def test_a_reporting_cycle_is_an_error_naming_the_people(self) -> None:
        """reports_to going round in a circle is refused by the organization itself, with the
        circle named; a projected placement with a circle raises ReportingCycle."""
        from jiguan_core.development import Placement, check_placement

        office = build_office(
            departments=[[(2020, frozenset())]],
            relatives=[("s01", "h0", Relation.SPOUSE)],
        )
        staff = [attrs.evolve(p, reports_to="s01") if p.id == "top" else p for p in office.staff]
        with pytest.raises(IntegrityError, match=r"goes round in a circle: .*top"):
            office.evolve(staff=staff)
        placement = Placement.of(office, DAY)
        placement.reports_to["top"] = "s01"
        with pytest.raises(ReportingCycle, match="top") as caught:
            check_placement(office, placement)
        assert isinstance(caught.value, JiguanError)

    def test_a_relative_link_to_an_unknown_person_is_refused_by_the_organization(self) -> None:
        """The organization's integrity check names the dangling relative."""
        office = build_office(departments=[[(2020, frozenset())]])
        staff = [
            attrs.evolve(p, relatives=[Relative(staff_id="ghost", relation=Relation.SPOUSE)])
            if p.id == "s01"
            else p
            for p in office.staff
        ]
        with pytest.raises(IntegrityError, match="ghost"):
            office.evolve(staff=staff)


class TestProposedAssignment:
    def test_moving_a_relative_under_the_same_leader_is_reported(self) -> None:
        """Giving s11 a post in d0, where their spouse works, adds a same-leader finding."""
        office = build_office(
            departments=[[(2020, frozenset()), (2020, frozenset())], [(2020, frozenset())]],
            relatives=[("s01", "s11", Relation.SPOUSE)],
        )
        found = check_assignment(
            office, staff_id="s11", post_id="p02", role=PostRole.MAIN, as_of=DAY
        )
        assert [f.kind for f in found] == [AvoidanceKind.SAME_LEADER]

    def test_a_secondary_finance_post_under_a_relative_leader_is_reported(self) -> None:
        """A secondary post in finance where a relative heads the department is sensitive."""
        office = build_office(
            departments=[[(2020, FIN)], [(2020, frozenset())]],
            relatives=[("s11", "h0", Relation.SPOUSE)],
        )
        found = check_assignment(
            office, staff_id="s11", post_id="p01", role=PostRole.SECONDARY, as_of=DAY
        )
        assert [(f.kind, f.post_id) for f in found] == [(AvoidanceKind.SENSITIVE_AREA, "p01")]

    def test_a_harmless_assignment_adds_nothing_and_changes_nothing(self) -> None:
        """The check is read only: the office is equal before and after."""
        office = sample_office()
        before = office.assignments
        assert (
            check_assignment(
                office, staff_id="s036", post_id="p-env-2", role=PostRole.SECONDARY, as_of=DAY
            )
            == ()
        )
        assert office.assignments == before

    def test_an_unknown_person_is_named(self) -> None:
        """An id that is not on the staff raises UnknownEntity."""
        with pytest.raises(JiguanError, match="nobody"):
            check_assignment(
                sample_office(), staff_id="nobody", post_id="p-env-2", role=PostRole.MAIN, as_of=DAY
            )


class TestApplyMoves:
    """Who reports to whom after a move to a leading post (the T5 line of leadership)."""

    def _placement(self):  # type: ignore[no-untyped-def]
        from jiguan_core.development import Placement

        office = build_office(departments=[[(2020, frozenset())], [(2020, frozenset())]])
        return office, Placement.of(office, DAY)

    def test_a_mover_into_a_leading_post_reports_to_whom_the_predecessor_reported(self) -> None:
        """s01 (under h0) takes d1's leading post from h1, who reported to the chair."""
        from jiguan_core.development import apply_moves

        office, placement = self._placement()
        assert placement.reports_to["s01"] == "h0"
        apply_moves(placement, {"s01": office.post("p1h")})
        assert placement.reports_to["s01"] == "top"

    def test_a_mover_into_the_leading_post_of_a_leaderless_department_keeps_their_leader(
        self,
    ) -> None:
        from jiguan_core.development import apply_moves

        office, placement = self._placement()
        placement.main["h1"] = None  # d1 has nobody in its leading post
        apply_moves(placement, {"s01": office.post("p1h")})
        assert placement.reports_to["s01"] == "h0"

    def test_a_mover_into_a_plain_post_reports_to_the_new_departments_leader(self) -> None:
        from jiguan_core.development import apply_moves

        office, placement = self._placement()
        apply_moves(placement, {"s01": office.post("p11")})
        assert placement.reports_to["s01"] == "h1"

    def test_a_mover_into_a_plain_post_of_a_leaderless_department_keeps_their_leader(
        self,
    ) -> None:
        from jiguan_core.development import apply_moves

        office, placement = self._placement()
        placement.main["h1"] = None
        apply_moves(placement, {"s01": office.post("p11")})
        assert placement.reports_to["s01"] == "h0"
