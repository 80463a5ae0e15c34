"""One catalogue gathers every rule of every area, and its page is generated from it."""

from __future__ import annotations

import pytest

from jiguan_core.catalogue import RuleArea, all_rules, catalogue_markdown, find_rule, rule
from jiguan_core.errors import UnknownEntity
from jiguan_core.sources import SOURCES
from tests._paths import REPO_ROOT

ROOT = REPO_ROOT


class TestCatalogue:
    def test_every_area_contributes_rules(self) -> None:
        """Every area (scheduling, assessment, development, work, leave, duty, proposals, the work
        plan) has rules in the catalogue."""
        assert {r.area for r in all_rules()} == set(RuleArea)

    def test_rule_ids_are_unique_across_areas(self) -> None:
        """An id names one rule, whatever its area."""
        ids = [info.id for info in all_rules()]
        assert len(ids) == len(set(ids))

    def test_every_rule_cites_known_sources_and_documents_its_parameters(self) -> None:
        """Sources are REGULATIONS ids; every parameter has a default and both descriptions."""
        rules = list(all_rules())
        assert len(rules) >= 8  # at least the eight scheduling rules
        assert sum(len(info.parameters) for info in rules) > 0
        for info in rules:
            assert info.sources
            assert set(info.sources) <= set(SOURCES)
            assert info.statement.zh
            assert info.statement.en
            for parameter in info.parameters:
                assert parameter.description.zh
                assert parameter.description.en
                assert info.resolve()[parameter.name] == parameter.default

    def test_a_rule_of_any_area_can_be_found_by_id(self) -> None:
        """find_rule reaches scheduling and assessment rules alike."""
        assert find_rule("SCHED-COORD-TRIPS").id == "SCHED-COORD-TRIPS"
        assert find_rule("A2").id == "A2"

    def test_an_unknown_rule_id_is_refused(self) -> None:
        """An id no area defines raises UnknownEntity."""
        with pytest.raises(UnknownEntity, match="NOPE"):
            find_rule("NOPE")

    def test_an_unknown_rule_id_is_answered_with_the_closest_ids(self) -> None:
        """A typo is met with the ids it was probably meant to be."""
        with pytest.raises(UnknownEntity, match="SCHED-COORD-TRIPS"):
            rule("SCH22")

    def test_every_rule_is_decided_by_its_patterns_or_by_a_named_function(self) -> None:
        """A rule is declarative, or the catalogue binds the function that computes it."""
        rules = all_rules()
        assert rules
        assert [i.id for i in rules if not (i.declarative or callable(i.computed_by))] == []

    def test_a_computed_rule_names_its_function_by_reference(self) -> None:
        """The quota rule A2 is computed by assess_year itself, not by a name in a string."""
        from jiguan_core.assessment.annual import assess_year
        from jiguan_core.development.avoidance import check_avoidance

        assert rule("A2").computed_by is assess_year
        assert rule("DEV-T5").computed_by is check_avoidance

    def test_a_rule_says_its_area(self) -> None:
        """The area is read from the id's prefix."""
        assert rule("SCHED-COORD-PERSON").area is RuleArea.SCHEDULING
        assert rule("A10.step").area is RuleArea.ASSESSMENT
        assert rule("DEV-T5").area is RuleArea.DEVELOPMENT
        assert rule("WORK-YU").area is RuleArea.WORK

    def test_the_catalogue_page_is_current(self) -> None:
        """docs/catalogue.md equals the generated page (run tools/gen_docs.py after a change)."""
        page = (ROOT / "docs" / "catalogue.md").read_text(encoding="utf-8")
        assert page == catalogue_markdown(), "stale: run .venv/bin/python tools/gen_docs.py"


class TestFormerIds:
    """The scheduling rules' ids say their area and cite their article; the former SCH1-SCH9
    still find them everywhere an id is taken."""

    def test_a_former_id_finds_the_rule(self) -> None:
        assert rule("SCH2").id == "SCHED-COORD-TRIPS"
        assert rule("SCH2") is rule("SCHED-COORD-TRIPS")

    def test_a_policy_written_with_former_ids_is_stored_under_the_current_ones(self) -> None:
        from jiguan_core.policy import Policy
        from jiguan_core.rule import Severity

        policy = Policy(
            overrides={"SCH2": {"days": 45}}, disabled={"SCH7"}, levels={"SCH2": Severity.HARD}
        )
        assert dict(policy.overrides) == {"SCHED-COORD-TRIPS": {"days": 45}}
        assert policy.disabled == frozenset({"SCHED-COORD-LOAD"})
        assert not policy.enabled("SCH7")
        assert policy.level("SCH2") is Severity.HARD

    def test_a_report_and_a_verifier_take_former_ids(self) -> None:
        from jiguan_core.examples.office import sample_office
        from jiguan_core.rules import check
        from jiguan_core.verifier import verify

        report = check(sample_office())
        assert report.of_rule("SCH1") == report.of_rule("SCHED-COORD-PERSON")
        assert report.of_rule("SCH1")
        assert verify("SCH1").rule.id == "SCHED-COORD-PERSON"

    def test_the_catalogue_page_names_the_former_ids(self) -> None:
        assert "SCHED-COORD-PERSON<br>(formerly SCH1)" in catalogue_markdown()


class TestDeclared:
    def test_a_declared_rule_is_the_catalogue_rule_without_its_computation(self) -> None:
        """`declared` gives every rule's metadata, former ids included, equal to `rule`'s."""
        import attrs

        from jiguan_core.catalogue import declared

        pairs = [(key, found) for found in all_rules() for key in (found.id, *found.aliases)]
        assert len(pairs) > len(all_rules())  # former ids are looked up too
        assert [attrs.evolve(declared(key), computed_by=None) for key, _ in pairs] == [
            attrs.evolve(found, computed_by=None) for _, found in pairs
        ]

    def test_an_unknown_id_is_refused_as_rule_refuses_it(self) -> None:
        from jiguan_core.catalogue import declared

        with pytest.raises(UnknownEntity, match="SCHED-COORD-PERSON"):
            declared("SCHED-COORD-PERSN")

    def test_a_policy_checks_its_ids_without_loading_the_modules_that_compute_rules(
        self,
    ) -> None:
        """Building a Policy reads the catalogue's data only: the scheduler is not imported."""
        import subprocess
        import sys

        code = (
            "import sys\n"
            "from jiguan_core.policy import Policy\n"
            "Policy(disabled=['DEV-COVER'], overrides={'DEV-T1': {'key_years': 5}})\n"
            "print('jiguan_core.scheduling' in sys.modules)\n"
        )
        out = subprocess.run(
            [sys.executable, "-c", code], capture_output=True, text=True, check=True
        ).stdout
        assert out.strip() == "False"
