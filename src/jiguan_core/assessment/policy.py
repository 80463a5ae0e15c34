"""Policies: composite weights, thresholds, quotas, rounding and the publicity window.

Every default comes from the parameters of the rules in :mod:`jiguan_core.catalogue.assessment`, so
the catalogue and the policy never disagree. Build a policy with keyword arguments, or from
per-rule overrides with :meth:`RoutinePolicy.from_overrides` / :meth:`AnnualPolicy.from_overrides`.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping
from fractions import Fraction
from typing import Any, Self, cast

import attrs
from attrs import field, frozen

from jiguan_core._validation import (
    SortedFrozenSet,
    boundary,
    instance_of,
    is_collection,
    is_named_pairs,
    keep,
    named_pairs,
    only_keys,
    parameter,
    unique_ids,
)
from jiguan_core.catalogue.assessment import assessment_rule, resolve
from jiguan_core.errors import InvalidValue, WrongType
from jiguan_core.policy import Policy
from jiguan_core.rule import RuleArea
from jiguan_core.text import TermEnum

__all__ = [
    "AnnualPolicy",
    "Rounding",
    "RoutinePolicy",
    "Weights",
    "annual_view",
    "quota",
    "routine_view",
]

_TOLERANCE = 1e-9


class Rounding(TermEnum):
    """How a share of participants becomes a whole number of places."""

    FLOOR = "floor", "向下取整"
    ROUND = "round", "四舍五入"
    CEIL = "ceil", "向上取整"


@boundary
def quota(share: float, base: int, rounding: Rounding) -> int:
    """Places for ``share`` of ``base`` people, computed exactly (0.2 x 35 is 7, not 7.000001)."""
    exact = Fraction(repr(share)) * base
    if rounding is Rounding.FLOOR:
        return math.floor(exact)
    if rounding is Rounding.CEIL:
        return math.ceil(exact)
    return math.floor(exact + Fraction(1, 2))


def _weights(
    values: Mapping[str, float] | Iterable[tuple[str, float]],
) -> tuple[tuple[str, float], ...]:
    found = named_pairs(values)
    if found is None:
        return keep(values, _weights)  # reported by ``__attrs_post_init__``
    return tuple((str(k), v) for k, v in found)


@frozen
class Weights:
    """Named non-negative weights summing to 1, e.g. ``Weights({"democratic": 0.3, ...})``.

    The names are the components of a composite: rater groups of a quarter, or the annual
    components (``democratic``, ``party_group``, ``routine`` = the year's routine mean, ``q1`` ..
    ``q4`` = one quarter's routine score, or any sub-score such as 德能勤绩廉).
    """

    items: tuple[tuple[str, float], ...] = field(converter=_weights)

    def __attrs_post_init__(self) -> None:
        if not is_named_pairs(self.items):
            raise WrongType(
                "weights must be a mapping of component names to weights such as "
                f"{{'democratic': 0.5, 'routine': 0.5}}, got {type(self.items).__name__} "
                f"{self.items!r}",
                "权重应为组成部分名称到权重的映射，例如 {'democratic': 0.5, 'routine': 0.5}，"
                f"实际为 {type(self.items).__name__} {self.items!r}",
                field="weights",
                value=self.items,
            )
        names = [name for name, _ in self.items]
        if not self.items:
            raise InvalidValue(
                "weights are empty; give at least one component with weight 1",
                "权重为空；至少给出一个权重为1的组成部分",
                field="weights",
                value=self.items,
            )
        if len(set(names)) != len(names) or any(not n.strip() for n in names):
            raise InvalidValue(
                f"weight names must be non-empty and unique, got {names}",
                f"权重名称须非空且不重复，实际为 {names}",
                field="weights",
                value=names,
            )
        for name, weight in self.items:
            if (
                isinstance(weight, bool)
                or not isinstance(weight, int | float)
                or not math.isfinite(weight)
                or weight < 0
            ):
                raise InvalidValue(
                    f"weight of {name!r} must be a non-negative number, got {weight!r}",
                    f"{name!r} 的权重须为非负数，实际为 {weight!r}",
                    field=f"weights.{name}",
                    value=weight,
                )
        total = math.fsum(w for _, w in self.items)
        if abs(total - 1.0) > _TOLERANCE:
            raise InvalidValue(
                f"weights must sum to 1, got {total:g} ({dict(self.items)}); adjust them",
                f"权重之和须为1，实际为 {total:g}（{dict(self.items)}），请调整",
                field="weights",
                value=dict(self.items),
            )

    @property
    def names(self) -> tuple[str, ...]:
        return tuple(name for name, _ in self.items)

    def as_dict(self) -> dict[str, float]:
        return dict(self.items)


def _check_scale(lo: float, hi: float, thresholds: Mapping[str, float], owner: str) -> None:
    if not lo < hi:
        raise InvalidValue(
            f"{owner}: the score scale [{lo}, {hi}] is empty",
            f"{owner}：评分范围 [{lo}, {hi}] 无效",
            field="scale",
            value=(lo, hi),
        )
    values = list(thresholds.values())
    if values != sorted(values, reverse=True) or not all(lo <= v <= hi for v in values):
        raise InvalidValue(
            f"{owner}: thresholds {dict(thresholds)} must descend and lie within [{lo}, {hi}]",
            f"{owner}：等次分数线 {dict(thresholds)} 须从高到低且在 [{lo}, {hi}] 之内",
            field="thresholds",
            value=dict(thresholds),
        )


def _rounding(value: object) -> Rounding:
    return value if isinstance(value, Rounding) else Rounding.parse(str(value))


def _r(rule_id: str, name: str) -> Any:
    return resolve(rule_id, None)[name]


def _param(rule_id: str, name: str, *, integer: bool = False) -> Any:
    """The validator of a policy field that holds parameter ``name`` of rule ``rule_id``: the
    parameter's type and its documented range (the catalogue is the one place for both)."""
    return parameter(assessment_rule(rule_id), name, integer=integer)


def _routine_default_weights() -> Weights:
    # SC9's first local scheme: supervisor 20% + colleagues 40% + panel 40%.
    return Weights({"supervisor": 0.2, "colleagues": 0.4, "panel": 0.4})


@frozen(kw_only=True)
class RoutinePolicy:
    """The quarterly routine assessment (R1-R3): rater-group weights, thresholds, share of 好."""

    rater_weights: Weights = field(factory=_routine_default_weights, validator=instance_of(Weights))
    scale_min: float = field(
        factory=lambda: float(_r("R2", "scale_min")), validator=_param("R2", "scale_min")
    )
    scale_max: float = field(
        factory=lambda: float(_r("R2", "scale_max")), validator=_param("R2", "scale_max")
    )
    good_min: float = field(
        factory=lambda: float(_r("R2", "good_min")), validator=_param("R2", "good_min")
    )
    fairly_good_min: float = field(
        factory=lambda: float(_r("R2", "fairly_good_min")),
        validator=_param("R2", "fairly_good_min"),
    )
    average_min: float = field(
        factory=lambda: float(_r("R2", "average_min")), validator=_param("R2", "average_min")
    )
    good_share: float = field(
        factory=lambda: float(_r("R3", "share")), validator=_param("R3", "share")
    )
    rounding: Rounding = field(factory=lambda: _rounding(_r("R3", "rounding")), converter=_rounding)
    publicity_working_days: int = field(
        factory=lambda: int(_r("R1", "publicity_working_days")),
        validator=_param("R1", "publicity_working_days", integer=True),
    )

    def __attrs_post_init__(self) -> None:
        _check_scale(
            self.scale_min,
            self.scale_max,
            {
                "good_min": self.good_min,
                "fairly_good_min": self.fairly_good_min,
                "average_min": self.average_min,
            },
            "RoutinePolicy",
        )
        _check_share(self.good_share, "good_share")

    @classmethod
    def from_overrides(
        cls, overrides: Mapping[str, Mapping[str, object]], *, rater_weights: Weights | None = None
    ) -> Self:
        """A policy from per-rule parameter overrides, e.g. ``{"R3": {"share": 0.3}}``."""
        r1, r2, r3 = (resolve(i, overrides) for i in ("R1", "R2", "R3"))
        _only(overrides, {"R1", "R2", "R3"}, "RoutinePolicy")
        return cls(
            rater_weights=rater_weights or _routine_default_weights(),
            scale_min=cast(float, r2["scale_min"]),
            scale_max=cast(float, r2["scale_max"]),
            good_min=cast(float, r2["good_min"]),
            fairly_good_min=cast(float, r2["fairly_good_min"]),
            average_min=cast(float, r2["average_min"]),
            good_share=cast(float, r3["share"]),
            rounding=_rounding(r3["rounding"]),
            publicity_working_days=cast(int, r1["publicity_working_days"]),
        )

    @classmethod
    def from_policy(cls, policy: Policy, *, rater_weights: Weights | None = None) -> Self:
        """The routine assessment's view of the one :class:`~jiguan_core.policy.Policy`."""
        return cls.from_overrides(
            _area_overrides(policy, {"R1", "R2", "R3"}), rater_weights=rater_weights
        )


def _area_overrides(policy: Policy, ids: set[str]) -> dict[str, Mapping[str, object]]:
    return {k: v for k, v in policy.overrides_for(RuleArea.ASSESSMENT).items() if k in ids}


def _check_share(value: float, name: str) -> None:
    if not 0.0 <= value <= 1.0:
        raise InvalidValue(
            f"{name} must lie in [0, 1], got {value!r}",
            f"{name} 须在 [0, 1] 之间，实际为 {value!r}",
            field=name,
            value=value,
        )


def _only(overrides: Mapping[str, object], allowed: set[str], owner: str) -> None:
    only_keys(overrides, allowed, field="overrides", where=owner)


def _id_set(values: Iterable[str]) -> frozenset[str]:
    # Sorted iteration (no dependence on the hash seed); a wrong value is left for the validator.
    if isinstance(values, str):
        return SortedFrozenSet((values,))
    return SortedFrozenSet(values) if is_collection(values) else keep(values, _id_set)


def _annual_default_weights() -> Weights:
    r4 = resolve("R4", None)
    return Weights({k: float(cast(float, v)) for k, v in r4.items()})


@frozen(kw_only=True)
class AnnualPolicy:
    """The annual assessment (A1-A7, A15, R4): composite weights, thresholds, quota, rules' switches.

    ``weights`` default to the article's scheme 民主测评 + 平时考核 + 党组会议测评 (R4's
    parameters). Other schemes of REGULATIONS §9 are other :class:`Weights`: 德能勤绩廉 sub-scores
    (``{"de": .15, "neng": .10, "qin": .30, "ji": .30, "lian": .15}``) or four quarters 95% +
    leadership 5% (``{"q1": .2375, "q2": .2375, "q3": .2375, "q4": .2375, "leadership": .05}``).
    """

    weights: Weights = field(factory=_annual_default_weights, validator=instance_of(Weights))
    scale_min: float = field(
        factory=lambda: float(_r("A1", "scale_min")), validator=_param("A1", "scale_min")
    )
    scale_max: float = field(
        factory=lambda: float(_r("A1", "scale_max")), validator=_param("A1", "scale_max")
    )
    excellent_min: float = field(
        factory=lambda: float(_r("A1", "excellent_min")), validator=_param("A1", "excellent_min")
    )
    competent_min: float = field(
        factory=lambda: float(_r("A1", "competent_min")), validator=_param("A1", "competent_min")
    )
    basically_competent_min: float = field(
        factory=lambda: float(_r("A1", "basically_competent_min")),
        validator=_param("A1", "basically_competent_min"),
    )
    excellent_share: float = field(
        factory=lambda: float(_r("A2", "share")), validator=_param("A2", "share")
    )
    approved_share: float = field(
        factory=lambda: float(_r("A2", "approved_share")), validator=_param("A2", "approved_share")
    )
    approved: bool = field(factory=lambda: bool(_r("A2", "approved")), validator=instance_of(bool))
    rounding: Rounding = field(factory=lambda: _rounding(_r("A2", "rounding")), converter=_rounding)
    count_ungraded: bool = field(
        factory=lambda: bool(_r("A2", "count_ungraded")), validator=instance_of(bool)
    )
    leave_share: float = field(
        factory=lambda: float(_r("A4", "leave_share")), validator=_param("A4", "leave_share")
    )
    heavy_sanction_ungraded: bool = field(
        factory=lambda: bool(_r("A7", "ungraded")), validator=instance_of(bool)
    )
    publicity_working_days: int = field(
        factory=lambda: int(_r("A15", "publicity_working_days")),
        validator=_param("A15", "publicity_working_days", integer=True),
    )
    routine: RoutinePolicy = field(factory=RoutinePolicy, validator=instance_of(RoutinePolicy))
    #: Assessment rules switched off (e.g. ``{"A6"}``: a warning no longer bars 优秀); set from
    #: the one :class:`~jiguan_core.policy.Policy` by :meth:`from_policy`.
    disabled: frozenset[str] = field(factory=frozenset, converter=_id_set, validator=unique_ids)

    def enabled(self, rule_id: str) -> bool:
        return rule_id not in self.disabled

    def __attrs_post_init__(self) -> None:
        _check_scale(
            self.scale_min,
            self.scale_max,
            {
                "excellent_min": self.excellent_min,
                "competent_min": self.competent_min,
                "basically_competent_min": self.basically_competent_min,
            },
            "AnnualPolicy",
        )
        _check_share(self.excellent_share, "excellent_share")
        _check_share(self.approved_share, "approved_share")
        _check_share(self.leave_share, "leave_share")
        minimum = int(_r("A15", "publicity_working_days"))
        if self.publicity_working_days < minimum:
            raise InvalidValue(
                f"A15: the excellent list is posted for at least {minimum} working days, "
                f"got {self.publicity_working_days}",
                f"A15：优秀人选公示不少于 {minimum} 个工作日，实际为 {self.publicity_working_days}",
                field="publicity_working_days",
                value=self.publicity_working_days,
            )

    @property
    def share(self) -> float:
        """The share of 优秀 in force: 25% with approval, else 20% (A2)."""
        return self.approved_share if self.approved else self.excellent_share

    @classmethod
    def from_overrides(
        cls,
        overrides: Mapping[str, Mapping[str, object]],
        *,
        weights: Weights | None = None,
        routine: RoutinePolicy | None = None,
    ) -> Self:
        """A policy from per-rule overrides, e.g. ``{"A2": {"approved": True}}``."""
        _only(overrides, {"A1", "A2", "A4", "A7", "A15", "R4"}, "AnnualPolicy")
        a1, a2, a4, a7, a15, r4 = (
            resolve(i, overrides) for i in ("A1", "A2", "A4", "A7", "A15", "R4")
        )
        return cls(
            weights=weights or Weights({k: float(cast(float, v)) for k, v in r4.items()}),
            scale_min=cast(float, a1["scale_min"]),
            scale_max=cast(float, a1["scale_max"]),
            excellent_min=cast(float, a1["excellent_min"]),
            competent_min=cast(float, a1["competent_min"]),
            basically_competent_min=cast(float, a1["basically_competent_min"]),
            excellent_share=cast(float, a2["share"]),
            approved_share=cast(float, a2["approved_share"]),
            approved=cast(bool, a2["approved"]),
            rounding=_rounding(a2["rounding"]),
            count_ungraded=cast(bool, a2["count_ungraded"]),
            leave_share=cast(float, a4["leave_share"]),
            heavy_sanction_ungraded=cast(bool, a7["ungraded"]),
            publicity_working_days=cast(int, a15["publicity_working_days"]),
            routine=routine or RoutinePolicy(),
        )

    @classmethod
    def from_policy(
        cls,
        policy: Policy,
        *,
        weights: Weights | None = None,
        rater_weights: Weights | None = None,
    ) -> Self:
        """The annual assessment's view of the one :class:`~jiguan_core.policy.Policy`: its
        overrides of A1-A15 and R1-R4, and the assessment rules it switches off. Weights of
        other schemes than R4's parameters are given here."""
        annual = cls.from_overrides(
            _area_overrides(policy, {"A1", "A2", "A4", "A7", "A15", "R4"}),
            weights=weights,
            routine=RoutinePolicy.from_policy(policy, rater_weights=rater_weights),
        )
        off = {r for r in policy.disabled if r in _ASSESSMENT_IDS()}
        return attrs.evolve(annual, disabled=off)


def _ASSESSMENT_IDS() -> frozenset[str]:  # noqa: N802 - reads as the constant it stands for
    from jiguan_core.catalogue.assessment import ASSESSMENT_CATALOGUE

    return frozenset(ASSESSMENT_CATALOGUE)


def annual_view(policy: AnnualPolicy | Policy | None) -> AnnualPolicy:
    """An annual policy from whatever the caller passed: the view, the one Policy, or None."""
    if policy is None:
        return AnnualPolicy()
    if isinstance(policy, Policy):
        return AnnualPolicy.from_policy(policy)
    return policy


def routine_view(policy: RoutinePolicy | Policy | None) -> RoutinePolicy:
    """A routine policy from the view, the one Policy, or None."""
    if policy is None:
        return RoutinePolicy()
    if isinstance(policy, Policy):
        return RoutinePolicy.from_policy(policy)
    return policy
