"""The numbers of staff development, in one immutable object with documented defaults.

Every field is a parameter of a rule in :mod:`jiguan_core.catalogue.development` (the default, the
range and the description live there); :class:`DevelopmentPolicy` checks each value against it.
Build one with keyword arguments (``DevelopmentPolicy(key_years=5)``) or from per-rule overrides
as an office would write them (``DevelopmentPolicy.from_overrides({"DEV-T1": {"key_years": 5}})``).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import attrs
from attrs import frozen

from jiguan_core._validation import SortedFrozenSet, is_collection, keep, unique_ids
from jiguan_core.catalogue.development import (
    AB_ROLES,
    AVOIDANCE,
    HANDOVER,
    MIN_INTERVAL,
    ROTATION_PLAN,
    SECONDARY_POST,
    TENURE,
    rule,
)
from jiguan_core.errors import UnknownEntity
from jiguan_core.policy import Policy
from jiguan_core.post import Post
from jiguan_core.rule import Rule, RuleArea

__all__ = ["DevelopmentPolicy", "development_view"]

#: policy field -> (rule, parameter name)
_FIELDS: dict[str, tuple[Rule, str]] = {
    "leading_years": (TENURE, "leading_years"),
    "key_years": (TENURE, "key_years"),
    "general_years": (TENURE, "general_years"),
    "include_unit_leaders": (TENURE, "include_unit_leaders"),
    "min_interval_years": (MIN_INTERVAL, "years"),
    "handover_working_days": (HANDOVER, "working_days"),
    "whole_line": (AVOIDANCE, "whole_line"),
    "moves_per_department": (ROTATION_PLAN, "moves_per_department"),
    "move_month": (ROTATION_PLAN, "move_month"),
    "candidate_posts": (ROTATION_PLAN, "candidate_posts"),
    "secondary_required": (SECONDARY_POST, "required"),
    "secondary_other_department": (SECONDARY_POST, "other_department"),
    "secondary_exempt_probation": (SECONDARY_POST, "exempt_probation"),
    "secondary_claims_per_department": (SECONDARY_POST, "claims_per_department"),
    "secondary_claims_per_post": (SECONDARY_POST, "claims_per_post"),
    "suggest_outside_wishes": (SECONDARY_POST, "suggest_outside_wishes"),
    "max_b_posts": (AB_ROLES, "max_b_posts"),
    "b_may_have_held": (AB_ROLES, "b_may_have_held"),
}


def _id_set(values: Any) -> frozenset[str]:
    # Sorted iteration (no dependence on the hash seed); a wrong value is left for the validator.
    if isinstance(values, str):
        return SortedFrozenSet((values,))
    return SortedFrozenSet(values) if is_collection(values) else keep(values, _id_set)


def _default(name: str) -> Any:
    info, parameter = _FIELDS[name]
    return info.defaults[parameter]


@frozen(kw_only=True)
class DevelopmentPolicy:
    """Parameters of rotation (T1-T4), avoidance (T5), secondary posts and A/B roles.

    Defaults (see the rules for their sources): 10 years in the same post for every kind of
    post (T1; an office may set ``key_years=5``), rotation of unit leaders included, 3 years
    between two rotations (T3), handover within 10 working days (T4), the whole reports-to line
    for avoidance (T5), 2 moves per department per year in the 3rd month, 8 candidate posts per
    person, a secondary post required in another department (probation exempt) with at most 10
    claims per department and 3 per post, and B for at most 2 posts (M), having held the post
    before qualifying a B.
    """

    leading_years: int = _default("leading_years")
    key_years: int = _default("key_years")
    general_years: int = _default("general_years")
    include_unit_leaders: bool = _default("include_unit_leaders")
    min_interval_years: int = _default("min_interval_years")
    handover_working_days: int = _default("handover_working_days")
    whole_line: bool = _default("whole_line")
    moves_per_department: int = _default("moves_per_department")
    move_month: int = _default("move_month")
    candidate_posts: int = _default("candidate_posts")
    secondary_required: bool = _default("secondary_required")
    secondary_other_department: bool = _default("secondary_other_department")
    secondary_exempt_probation: bool = _default("secondary_exempt_probation")
    secondary_claims_per_department: int = _default("secondary_claims_per_department")
    secondary_claims_per_post: int = _default("secondary_claims_per_post")
    suggest_outside_wishes: bool = _default("suggest_outside_wishes")
    max_b_posts: int = _default("max_b_posts")
    b_may_have_held: bool = _default("b_may_have_held")
    #: Development rules switched off (their checks find nothing); from the one Policy.
    disabled: frozenset[str] = attrs.field(
        factory=frozenset, converter=_id_set, validator=unique_ids
    )

    def enabled(self, rule_id: str) -> bool:
        return rule_id not in self.disabled

    def parameters(self, rule_id: str) -> Mapping[str, Any]:
        """The values of rule ``rule_id``'s parameters in this policy, by parameter name (what
        a declarative rule's conditions compare with)."""
        return {p: getattr(self, name) for name, (info, p) in _FIELDS.items() if info.id == rule_id}

    def __attrs_post_init__(self) -> None:
        for name, (info, parameter_name) in _FIELDS.items():
            parameter = next(p for p in info.parameters if p.name == parameter_name)
            parameter.check(getattr(self, name), rule_id=info.id)

    @classmethod
    def from_overrides(cls, overrides: Mapping[str, Mapping[str, Any]]) -> DevelopmentPolicy:
        """A policy from ``{rule id: {parameter: value}}``, checked by each rule."""
        by_rule_parameter = {(info.id, p): name for name, (info, p) in _FIELDS.items()}
        values: dict[str, Any] = {}
        for rule_id in sorted(overrides):
            resolved = rule(rule_id).resolve(overrides[rule_id])
            for parameter_name in overrides[rule_id]:
                values[by_rule_parameter[(rule_id, parameter_name)]] = resolved[parameter_name]
        return cls(**values)

    @classmethod
    def from_policy(cls, policy: Policy) -> DevelopmentPolicy:
        """The staff-development view of the one :class:`~jiguan_core.policy.Policy`."""
        view = cls.from_overrides(policy.overrides_for(RuleArea.DEVELOPMENT))
        off = frozenset(r for r in policy.disabled if r.startswith("DEV-"))
        return attrs.evolve(view, disabled=off)

    def evolve(self, **changes: Any) -> DevelopmentPolicy:
        for name in changes:
            if name not in _FIELDS and name != "disabled":
                raise UnknownEntity(
                    "development policy field", name, hint=f"fields: {', '.join(_FIELDS)}"
                )
        return attrs.evolve(self, **changes)

    def tenure_years(self, post: Post) -> int:
        """T1's threshold for ``post``: leading, key (``Post.is_key``) or general."""
        if post.leading:
            return self.leading_years
        if post.is_key:
            return self.key_years
        return self.general_years


def development_view(policy: DevelopmentPolicy | Policy | None) -> DevelopmentPolicy:
    """A development policy from the view itself, the one Policy, or None (the defaults)."""
    if policy is None:
        return DevelopmentPolicy()
    if isinstance(policy, Policy):
        return DevelopmentPolicy.from_policy(policy)
    return policy
