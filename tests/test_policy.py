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
