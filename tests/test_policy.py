"""One Policy for every area: switch any rule off, change any parameter or level, per call."""

from __future__ import annotations

import copy
import json
import pickle

import pendulum
import pytest

from jiguan_core.errors import InvalidValue, JiguanError, UnknownEntity
from jiguan_core.policy import Blackout, Policy
from jiguan_core.rule import Severity
from jiguan_core.rules.policy import SchedulingPolicy
from jiguan_core.text import Text
from jiguan_core.time import SHANGHAI, TimeSpan


def _policy() -> Policy:
    start = pendulum.datetime(2025, 3, 3, 9, tz=SHANGHAI)
    return Policy(
        overrides={
            "SCHED-COORD-TRIPS": {"days": 45},
            "A2": {"share": 0.25},
            "DEV-T3": {"years": 4},
        },
        disabled={"A6", "SCHED-COORD-LOAD"},
        levels={"SCHED-COORD-TRIPS": Severity.HARD},
        blackouts=(
            Blackout(
                id="plenary",
                span=TimeSpan(start, start.add(days=3)),
                label=Text("全会", "plenary session"),
            ),
        ),
    )


class TestOnePolicyForEveryArea:
    def test_a_policy_holds_settings_of_every_area(self) -> None:
        """Scheduling, assessment and development rules are set in one object."""
        policy = _policy()
        assert policy.parameters("SCHED-COORD-TRIPS")["days"] == 45
        assert policy.parameters("A2")["share"] == 0.25
        assert policy.parameters("DEV-T3")["years"] == 4
        assert not policy.enabled("A6")
        assert policy.enabled("A7")
        assert policy.level("SCHED-COORD-TRIPS") is Severity.HARD
        assert policy.level("SCHED-COORD-PERSON") is Severity.HARD

    def test_a_rule_without_overrides_has_its_catalogue_defaults(self) -> None:
        """Nothing set means the documented defaults."""
        assert Policy().parameters("A2")["share"] == 0.20
        assert Policy().level("SCHED-COORD-LOAD") is Severity.SOFT

    def test_the_scheduling_policy_is_the_one_policy(self) -> None:
        """The former SchedulingPolicy name builds the same object."""
        assert SchedulingPolicy(overrides={"SCHED-COORD-TRIPS": {"days": 45}}) == Policy(
            overrides={"SCHED-COORD-TRIPS": {"days": 45}}
        )

    def test_overrides_of_one_area_are_listed_for_that_area(self) -> None:
        """An area's typed view reads only its own rules' settings."""
        from jiguan_core.rule import RuleArea

        assert dict(_policy().overrides_for(RuleArea.ASSESSMENT)) == {"A2": {"share": 0.25}}


class TestBadSettingsAreRefused:
    @pytest.mark.parametrize(
        ("kwargs", "culprit"),
        [
            ({"overrides": {"SCH99": {"days": 1}}}, "SCH99"),
            ({"overrides": {"A2": {"shares": 0.3}}}, "shares"),
            ({"overrides": {"A2": {"share": 1.5}}}, "share"),
            ({"overrides": {"A2": {"share": "0.3"}}}, "share"),
            ({"overrides": {"A2": 0.3}}, "A2"),
            ({"overrides": [("A2", {})]}, "overrides"),
            ({"disabled": {"NOPE"}}, "NOPE"),
            ({"disabled": 5}, "disabled"),
            ({"levels": {"SCHED-COORD-TRIPS": "hard"}}, "SCHED-COORD-TRIPS"),
            ({"levels": {"ZZ": Severity.HARD}}, "ZZ"),
            ({"blackouts": ["plenary"]}, "blackouts"),
        ],
    )
    def test_a_bad_setting_is_a_clear_error_naming_it(
        self, kwargs: dict[str, object], culprit: str
    ) -> None:
        """Unknown ids, unknown parameters and bad values raise a JiguanError naming them."""
        before = copy.deepcopy(kwargs)
        with pytest.raises(JiguanError, match=culprit):
            Policy(**kwargs)  # type: ignore[arg-type]
        assert kwargs == before

    def test_an_unknown_rule_id_suggests_the_closest(self) -> None:
        """A typo in a rule id is met with the id it probably meant."""
        with pytest.raises(UnknownEntity, match="SCHED-COORD-TRIPS"):
            Policy(disabled={"SCH22"})

    def test_bad_json_is_refused_with_the_key_named(self) -> None:
        """An unknown key in a policy's JSON is an error, not ignored."""
        with pytest.raises(InvalidValue, match="overide"):
            Policy.from_dict({"overide": {}})


class TestAPolicyIsPlainData:
    def test_a_policy_pickles_and_deep_copies_equal(self) -> None:
        """It crosses process boundaries (ProcessPoolExecutor, Dask) unchanged."""
        policy = _policy()
        assert pickle.loads(pickle.dumps(policy)) == policy
        assert copy.deepcopy(policy) == policy
        assert hash(policy) == hash(pickle.loads(pickle.dumps(policy)))

    def test_a_policy_round_trips_through_json(self) -> None:
        """to_dict gives JSON that from_dict reads back equal."""
        policy = _policy()
        text = json.dumps(policy.to_dict(), ensure_ascii=False, sort_keys=True)
        assert Policy.from_dict(json.loads(text)) == policy

    def test_levels_in_json_may_be_named_in_chinese(self) -> None:
        """An office writes 硬约束 as readily as hard."""
        assert (
            Policy.from_dict({"levels": {"SCHED-COORD-TRIPS": "硬约束"}}).level("SCHED-COORD-TRIPS")
            is Severity.HARD
        )


class TestEverySettingIsReadOrRefused:
    def test_a_single_rule_id_switches_that_rule_off(self) -> None:
        """``disabled="A6"`` is read as one id, not as the letters A and 6."""
        assert Policy(disabled="A6").disabled == frozenset({"A6"})

    def test_a_former_rule_id_is_switched_off_under_its_current_id(self) -> None:
        """SCH2 is the former name of SCHED-COORD-TRIPS: either name switches it off."""
        policy = Policy(disabled={"SCH2"})
        assert policy.disabled == frozenset({"SCHED-COORD-TRIPS"})
        assert policy.enabled("SCH2") is False
        assert policy.enabled("SCHED-COORD-TRIPS") is False
        assert policy.enabled("SCHED-COORD-ROOMS") is True

    def test_none_for_any_setting_means_no_setting(self) -> None:
        """None for overrides, disabled, levels or blackouts equals leaving it out."""
        empty = Policy(overrides=None, disabled=None, levels=None, blackouts=None)  # type: ignore[arg-type]
        assert empty == Policy()
        assert (empty.overrides, empty.disabled, empty.levels, empty.blackouts) == (
            {},
            frozenset(),
            {},
            (),
        )

    def test_a_level_without_override_is_the_catalogues(self) -> None:
        """Only the rules a policy names change level; the others keep the catalogue's."""
        policy = Policy(levels={"SCHED-COORD-TRIPS": Severity.HARD})
        assert policy.level("SCHED-COORD-TRIPS") is Severity.HARD
        assert policy.level("SCHED-COORD-ROOMS") is Severity.HARD
        assert policy.level("SCHED-COORD-LOAD") is Severity.SOFT

    @pytest.mark.parametrize(
        ("kwargs", "culprit"),
        [
            ({"disabled": [7]}, "7"),
            ({"disabled": {"A6": True}}, "disabled"),
            ({"levels": ["A6"]}, "levels"),
            ({"blackouts": "plenary"}, "blackouts"),
            ({"blackouts": {"plenary": 1}}, "blackouts"),
            ({"blackouts": 3}, "blackouts"),
        ],
    )
    def test_a_setting_of_the_wrong_shape_is_refused_naming_it(
        self, kwargs: dict[str, object], culprit: str
    ) -> None:
        """A rule id that is no string, a mapping where a set belongs, a string where a
        collection belongs: each is an InvalidValue naming the setting."""
        with pytest.raises(InvalidValue, match=culprit) as raised:
            Policy(**kwargs)  # type: ignore[arg-type]
        assert raised.value.message_zh

    def test_two_blackouts_with_one_id_are_refused(self) -> None:
        """Blackout ids name them in reports, so each must be its own."""
        plenary = _policy().blackouts[0]
        with pytest.raises(InvalidValue, match="plenary") as raised:
            Policy(blackouts=(plenary, plenary))
        assert raised.value.field == "blackouts[1].id"

    def test_a_blackout_exempting_one_activity_may_name_it_alone(self) -> None:
        """``exempt="a1"`` exempts the activity a1 (not the letters a and 1)."""
        plenary = _policy().blackouts[0]
        one = Blackout(id="x", span=plenary.span, label=plenary.label, exempt="a1")  # type: ignore[arg-type]
        assert one.exempt == frozenset({"a1"})


class TestPolicyJsonIsChecked:
    @pytest.mark.parametrize("data", [[], "policy", 3])
    def test_a_policy_that_is_not_an_object_is_refused(self, data: object) -> None:
        """A policy's JSON is an object; a list, a string or a number is an InvalidValue."""
        with pytest.raises(InvalidValue, match="JSON object"):
            Policy.from_dict(data)  # type: ignore[arg-type]

    def test_blackouts_that_are_not_a_list_are_refused(self) -> None:
        """``blackouts`` in JSON is a list of blackout objects."""
        with pytest.raises(InvalidValue, match="blackouts") as raised:
            Policy.from_dict({"blackouts": {"id": "plenary"}})
        assert raised.value.field == "blackouts"

    @pytest.mark.parametrize("level", ["hard", "HARD", "硬约束"])
    def test_a_level_is_read_by_value_name_or_chinese_term(self, level: str) -> None:
        """hard, HARD and 硬约束 all name Severity.HARD."""
        policy = Policy.from_dict({"levels": {"SCHED-COORD-LOAD": level}})
        assert policy.level("SCHED-COORD-LOAD") is Severity.HARD

    @pytest.mark.parametrize("level", ["very hard", 3, None])
    def test_an_unknown_level_in_json_is_refused_naming_the_rule(self, level: object) -> None:
        """A level that names no Severity is an InvalidValue naming the rule."""
        with pytest.raises(InvalidValue, match="SCHED-COORD-LOAD"):
            Policy.from_dict({"levels": {"SCHED-COORD-LOAD": level}})

    def test_an_empty_object_is_the_empty_policy(self) -> None:
        """``{}`` changes nothing."""
        assert Policy.from_dict({}) == Policy()
