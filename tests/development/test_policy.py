"""The development rules and their policy: defaults, overrides, bad values."""

from __future__ import annotations

import pytest

from jiguan_core.catalogue.development import rule
from jiguan_core.development import CATALOGUE, DevelopmentPolicy
from jiguan_core.errors import InvalidValue, JiguanError, UnknownEntity
from jiguan_core.post import KeyArea, Post


class TestCatalogue:
    def test_every_rule_cites_a_known_source_and_has_both_languages(self) -> None:
        """Each development rule cites REGULATIONS ids and reads in Chinese and English."""
        assert [r.id for r in CATALOGUE] == sorted(r.id for r in CATALOGUE)
        for info in CATALOGUE:
            assert info.sources
            assert info.statement.zh
            assert info.statement.en
            assert info.describe("en").startswith(f"[{info.id}]")

    def test_the_catalogue_covers_t1_to_t5_and_the_article(self) -> None:
        """T1-T6 and ARTICLE-DEV are all cited somewhere in the catalogue."""
        cited = {s for info in CATALOGUE for s in info.sources}
        assert {"T1", "T2", "T3", "T4", "T5", "T6", "ARTICLE-DEV"} <= cited

    def test_an_unknown_rule_id_is_an_unknown_entity(self) -> None:
        """Asking for a rule that does not exist names it."""
        with pytest.raises(UnknownEntity, match="DEV-NOPE"):
            rule("DEV-NOPE")


class TestPolicy:
    def test_the_defaults_are_the_regulations_numbers(self) -> None:
        """10 years (T1), 3 years (T3), 10 working days (T4), B for at most 2 posts."""
        policy = DevelopmentPolicy()
        assert (policy.key_years, policy.general_years, policy.leading_years) == (10, 10, 10)
        assert policy.min_interval_years == 3
        assert policy.handover_working_days == 10
        assert policy.max_b_posts == 2
        assert policy.b_may_have_held is True

    def test_an_office_can_set_five_years_for_key_posts(self) -> None:
        """from_overrides maps a rule parameter onto the policy field."""
        policy = DevelopmentPolicy.from_overrides({"DEV-T1": {"key_years": 5}})
        key = Post(id="p", name="财务", department_id="d", key_areas=[KeyArea.FINANCE])
        general = Post(id="q", name="文秘", department_id="d")
        assert policy.tenure_years(key) == 5
        assert policy.tenure_years(general) == 10

    def test_a_value_out_of_range_is_refused(self) -> None:
        """A negative handover deadline is an InvalidValue naming the rule."""
        with pytest.raises(InvalidValue, match="DEV-T4"):
            DevelopmentPolicy(handover_working_days=0)

    def test_a_bool_is_not_accepted_as_a_number(self) -> None:
        """True is not a number of years."""
        with pytest.raises(JiguanError):
            DevelopmentPolicy(key_years=True)

    def test_an_unknown_override_parameter_is_refused(self) -> None:
        """A misspelt parameter name is reported with the ones that exist."""
        with pytest.raises(UnknownEntity, match="key_years"):
            DevelopmentPolicy.from_overrides({"DEV-T1": {"key_year": 5}})

    def test_evolve_refuses_an_unknown_field(self) -> None:
        """evolve names a field the policy does not have."""
        with pytest.raises(UnknownEntity):
            DevelopmentPolicy().evolve(k=3)
        assert DevelopmentPolicy().evolve(max_b_posts=3).max_b_posts == 3
