"""SchedulingPolicy checks what a caller gives it, naming the field: overrides, disabled rules,
levels and blackouts (each refusal once), and keeps what it was given."""

from __future__ import annotations

import pytest

from jiguan_core.errors import InvalidValue, UnknownEntity
from jiguan_core.rule import Severity
from jiguan_core.rules import Blackout, SchedulingPolicy
from jiguan_core.text import Text
from jiguan_core.time import TimeSpan
from tests.strategies_scheduling import at

PLENARY = Blackout(
    id="plenary",
    span=TimeSpan(at(4, 7), at(4, 9)),
    label=Text("全会", "plenary"),
)


class TestRefusals:
    @pytest.mark.parametrize("overrides", [["SCH2"], "SCH2", 5])
    def test_overrides_that_are_not_a_mapping_are_refused(self, overrides: object) -> None:
        with pytest.raises(InvalidValue, match="must map rule ids") as caught:
            SchedulingPolicy(overrides=overrides)  # type: ignore[arg-type]
        assert caught.value.field == "overrides"

    def test_a_rules_parameters_that_are_not_a_mapping_are_refused(self) -> None:
        with pytest.raises(InvalidValue, match="mapping of parameters") as caught:
            SchedulingPolicy(overrides={"SCH2": 5})  # type: ignore[dict-item]
        assert caught.value.field == "overrides.SCH2"

    def test_an_unknown_rule_anywhere_is_refused(self) -> None:
        with pytest.raises(UnknownEntity, match="SCH99"):
            SchedulingPolicy(overrides={"SCH99": {}})
        with pytest.raises(UnknownEntity, match="SCH99"):
            SchedulingPolicy(disabled=["SCH99"])
        with pytest.raises(UnknownEntity, match="SCH99"):
            SchedulingPolicy(disabled="SCH99")

    def test_levels_that_are_not_a_mapping_are_refused(self) -> None:
        with pytest.raises(InvalidValue, match="must map rule ids to levels") as caught:
            SchedulingPolicy(levels=[("SCH2", Severity.HARD)])  # type: ignore[arg-type]
        assert caught.value.field == "levels"

    def test_a_blackout_that_is_not_a_blackout_is_refused_by_position(self) -> None:
        with pytest.raises(InvalidValue, match="must be a Blackout") as caught:
            SchedulingPolicy(blackouts=[PLENARY, "全会"])  # type: ignore[list-item]
        assert caught.value.field == "blackouts[1]"

    def test_two_blackouts_with_one_id_are_refused(self) -> None:
        with pytest.raises(InvalidValue, match="share the id 'plenary'") as caught:
            SchedulingPolicy(blackouts=[PLENARY, PLENARY])
        assert caught.value.field == "blackouts[1].id"


class TestWhatIsKept:
    def test_defaults_enable_every_rule_at_its_catalogue_level(self) -> None:
        policy = SchedulingPolicy()
        assert policy.enabled("SCH1")
        assert policy.level("SCH2") is Severity.MEDIUM
        assert policy.parameters("SCH2")["days"] == 30
        assert policy.blackouts == ()

    def test_one_disabled_rule_given_as_a_string_is_that_rule(self) -> None:
        policy = SchedulingPolicy(disabled="SCH5")
        assert len(policy.disabled) == 1
        assert not policy.enabled("SCH5")
        assert policy.enabled("SCH1")

    def test_overrides_levels_and_blackouts_are_kept(self) -> None:
        policy = SchedulingPolicy(
            overrides={"SCH2": {"days": 7}},
            levels={"SCH2": Severity.HARD},
            blackouts=[PLENARY],
        )
        assert policy.parameters("SCH2")["days"] == 7
        assert policy.parameters("SCH7")["max_per_week"] == 3  # untouched rules keep defaults
        assert policy.level("SCH2") is Severity.HARD
        assert policy.level("SCH7") is Severity.SOFT
        assert policy.blackouts == (PLENARY,)

    def test_a_blackout_exempting_one_activity_given_as_a_string(self) -> None:
        blackout = Blackout(id="b", span=PLENARY.span, label=PLENARY.label, exempt="x001")
        assert blackout.exempt == frozenset({"x001"})


def test_a_policy_and_a_blackout_are_built_with_keywords_only() -> None:
    with pytest.raises(TypeError):
        Blackout("b", PLENARY.span, PLENARY.label)  # type: ignore[misc]
    with pytest.raises(TypeError):
        SchedulingPolicy({"SCH2": {"days": 7}})  # type: ignore[misc]
