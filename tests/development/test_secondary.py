"""Main + secondary posts: validation and suggestion."""

from __future__ import annotations

import datetime as dt

import pytest

from jiguan_core.development import (
    DevelopmentPolicy,
    needs_secondary,
    suggest_secondary,
    validate_secondary,
)
from jiguan_core.errors import UnknownEntity
from jiguan_core.examples.office import sample_office
from jiguan_core.post import KeyArea
from jiguan_core.staff import Relation
from tests.strategies_development import build_office

DAY = dt.date(2025, 6, 1)
PLAIN: frozenset[KeyArea] = frozenset()
FIN = frozenset({KeyArea.FINANCE})


class TestValidation:
    def test_the_sample_names_the_people_without_a_secondary_post(self) -> None:
        """s022 and s054 have not claimed one; each finding names the person."""
        findings = validate_secondary(sample_office(), DAY)
        missing = [f.staff_ids[0] for f in findings if f.code == "no_secondary"]
        assert missing == ["s022", "s054"]
        assert all(f.rule_id == "DEV-SECONDARY" for f in findings)

    def test_a_claim_in_the_own_department_and_on_a_leading_post_are_invalid(self) -> None:
        """same_department and leading_post name the post."""
        office = build_office(
            departments=[[(2020, PLAIN), (2020, PLAIN)], [(2020, PLAIN)]],
            secondary=[("s01", "p02"), ("s02", "p1h"), ("s11", "p01")],
        )
        codes = {(f.code, f.post_id) for f in validate_secondary(office, DAY)}
        assert codes == {("same_department", "p02"), ("leading_post", "p1h")}

    def test_two_secondary_posts_are_too_many(self) -> None:
        """Exactly one secondary post: a second claim is reported."""
        office = build_office(
            departments=[[(2020, PLAIN)], [(2020, PLAIN)], [(2020, PLAIN)]],
            secondary=[("s01", "p11"), ("s01", "p21"), ("s11", "p01"), ("s21", "p01")],
        )
        codes = [f.code for f in validate_secondary(office, DAY)]
        assert codes == ["too_many_secondary"]

    def test_a_full_post_is_reported_with_its_claimants(self) -> None:
        """More claims on a post than claims_per_post is reported."""
        office = build_office(
            departments=[[(2020, PLAIN)], [(2020, PLAIN)], [(2020, PLAIN)]],
            secondary=[("s11", "p01"), ("s21", "p01"), ("s01", "p11")],
        )
        policy = DevelopmentPolicy(secondary_claims_per_post=1)
        (finding,) = validate_secondary(office, DAY, policy=policy)
        assert (finding.code, finding.staff_ids) == ("post_full", ("s11", "s21"))

    def test_unit_leaders_and_people_on_probation_are_not_required(self) -> None:
        """Heads are division-level; probation is exempt by default."""
        office = build_office(departments=[[(2020, PLAIN)]], probation=["s01"])
        assert needs_secondary(office, DAY) == ()
        policy = DevelopmentPolicy(secondary_exempt_probation=False)
        assert needs_secondary(office, DAY, policy=policy) == ("s01",)


class TestSuggestion:
    def test_the_first_feasible_wish_is_given(self) -> None:
        """A person gets their best wish that is in another department."""
        office = build_office(departments=[[(2020, PLAIN), (2020, PLAIN)], [(2020, PLAIN)]])
        result = suggest_secondary(
            office, DAY, wishes={"s01": ["p02", "p11"]}, policy=DevelopmentPolicy()
        )
        claims = {c.staff_id: (c.post_id, c.wish_rank) for c in result.claims}
        assert claims["s01"] == ("p11", 2)
        assert any("p02" in n.render("en") for n in result.notes)

    def test_capacity_is_shared_so_that_the_most_people_get_a_post(self) -> None:
        """With one place per post the flow gives each person a different post."""
        office = build_office(
            departments=[[(2020, PLAIN), (2020, PLAIN)], [(2020, PLAIN), (2020, PLAIN)]]
        )
        policy = DevelopmentPolicy(secondary_claims_per_post=1)
        wishes = {"s01": ["p11"], "s02": ["p11", "p12"]}
        result = suggest_secondary(office, DAY, wishes=wishes, policy=policy)
        claims = {c.staff_id: c.post_id for c in result.claims}
        assert claims["s01"] == "p11"
        assert claims["s02"] == "p12"
        assert len(set(claims.values())) == len(claims)

    def test_avoidance_keeps_a_person_out_of_a_relatives_finance_post(self) -> None:
        """A finance post in the department a spouse heads is not suggested."""
        office = build_office(
            departments=[[(2020, FIN)], [(2020, PLAIN)]],
            relatives=[("s11", "h0", Relation.SPOUSE)],
        )
        result = suggest_secondary(office, DAY, wishes={"s11": ["p01"]})
        assert all(c.post_id != "p01" for c in result.claims if c.staff_id == "s11")
        assert any("DEV-T5" in n.render("en") for n in result.notes)

    def test_without_a_feasible_post_the_person_is_unplaced_with_a_reason(self) -> None:
        """No capacity anywhere: unplaced, not an exception."""
        office = build_office(departments=[[(2020, PLAIN)], [(2020, PLAIN)]])
        policy = DevelopmentPolicy(suggest_outside_wishes=False)
        result = suggest_secondary(office, DAY, policy=policy)
        assert [u.staff_id for u in result.unplaced] == ["s01", "s11"]
        assert result.unplaced[0].render("zh")

    def test_unknown_people_or_posts_in_the_wishes_are_named(self) -> None:
        """UnknownEntity names the post and whose wish it was."""
        office = build_office(departments=[[(2020, PLAIN)], [(2020, PLAIN)]])
        with pytest.raises(UnknownEntity, match="p-nope"):
            suggest_secondary(office, DAY, wishes={"s01": ["p-nope"]})
        with pytest.raises(UnknownEntity, match="ghost"):
            suggest_secondary(office, DAY, wishes={"ghost": ["p01"]})

    def test_the_result_does_not_depend_on_the_order_of_the_wishes_mapping(self) -> None:
        """Dict order of the wishes does not change the suggestion."""
        office = build_office(departments=[[(2020, PLAIN), (2020, PLAIN)], [(2020, PLAIN)]])
        one = suggest_secondary(office, DAY, wishes={"s01": ["p11"], "s02": ["p11"]})
        two = suggest_secondary(office, DAY, wishes={"s02": ["p11"], "s01": ["p11"]})
        assert one == two
