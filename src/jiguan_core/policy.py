"""One policy for every area: what an office changes about the catalogue, per call.

An office switches any rule off, changes any parameter of any rule, raises or lowers any rule's
level, and declares blackout periods for the calendar -- in one :class:`Policy`, whatever the
area. Every rule id and parameter is checked against the one catalogue
(:func:`jiguan_core.catalogue.rule`) when the policy is built, so a typo is an error at once, not
a silently ignored setting. A former rule id is accepted and stored under the current id.

A policy is plain immutable data: it pickles, deep-copies and round-trips through JSON
(:meth:`Policy.to_dict` / :meth:`Policy.from_dict`), so it can cross process boundaries and live
in the workspace file. The areas read it through typed views (``RoutinePolicy.from_policy`` ...).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from attrs import field, frozen

from jiguan_core._frozen import FrozenDict
from jiguan_core._validation import identifier, instance_of
from jiguan_core.errors import InvalidValue
from jiguan_core.rule import ParameterValue, Rule, RuleArea, Severity
from jiguan_core.text import Text
from jiguan_core.time import TimeSpan

__all__ = ["Blackout", "Policy", "effective_policy"]


def _exempt(values: Iterable[str]) -> frozenset[str]:
    if isinstance(values, str):
        return frozenset((values,))
    return frozenset(values)


@frozen(kw_only=True)
class Blackout:
    """A period in which nothing may be scheduled (e.g. the plenary session), except the
    activities listed in ``exempt`` (the plenary itself)."""

    id: str = field(validator=identifier)
    span: TimeSpan = field(validator=instance_of(TimeSpan))
    label: Text = field(validator=instance_of(Text))
    exempt: frozenset[str] = field(factory=frozenset, converter=_exempt)


def _find(rule_id: object, where: str) -> Rule:
    from jiguan_core.catalogue import declared

    if not isinstance(rule_id, str):
        raise InvalidValue(
            f"Policy.{where}: a rule id is a string, got {rule_id!r}",
            f"Policy.{where}：规则编号应为字符串，实际为 {rule_id!r}",
            field=where,
            value=rule_id,
        )
    return declared(rule_id)


def _mapping(values: object, where: str, what: str, what_zh: str) -> Mapping[Any, Any]:
    if values is None:
        return {}
    if not isinstance(values, Mapping):
        raise InvalidValue(
            f"Policy.{where} must map rule ids to {what}, got {values!r}",
            f"Policy.{where} 应为 规则编号 -> {what_zh} 的映射，实际为 {values!r}",
            field=where,
            value=values,
        )
    return values


def _overrides(values: object) -> FrozenDict[str, FrozenDict[str, ParameterValue]]:
    given = _mapping(values, "overrides", "{parameter: value}", "{参数: 取值}")
    found: dict[str, FrozenDict[str, ParameterValue]] = {}
    for rule_id in sorted(given, key=str):
        rule = _find(rule_id, "overrides")
        parameters = given[rule_id]
        if not isinstance(parameters, Mapping):
            raise InvalidValue(
                f"Policy.overrides[{rule_id!r}] must be a mapping of parameters, got {parameters!r}",
                f"Policy.overrides[{rule_id!r}] 应为参数映射，实际为 {parameters!r}",
                field=f"overrides.{rule_id}",
                value=parameters,
            )
        merged = dict(found.get(rule.id, {}))
        for name, value in parameters.items():
            merged[name] = rule.parameter(name).check(value, rule_id=rule.id)
        found[rule.id] = FrozenDict(sorted(merged.items()))
    return FrozenDict(found)


def _disabled(values: object) -> frozenset[str]:
    if values is None:
        return frozenset()
    if isinstance(values, str):
        values = (values,)
    if not isinstance(values, Iterable) or isinstance(values, Mapping):
        raise InvalidValue(
            f"Policy.disabled must be a collection of rule ids, got {values!r}",
            f"Policy.disabled 应为规则编号的集合，实际为 {values!r}",
            field="disabled",
            value=values,
        )
    return frozenset(_find(rule_id, "disabled").id for rule_id in values)


def _levels(values: object) -> FrozenDict[str, Severity]:
    given = _mapping(values, "levels", "levels", "约束级别")
    found: dict[str, Severity] = {}
    for rule_id in sorted(given, key=str):
        rule = _find(rule_id, "levels")
        level = given[rule_id]
        if not isinstance(level, Severity):
            raise InvalidValue(
                f"Policy.levels[{rule_id!r}] must be a Severity (hard, medium, soft), got {level!r}",
                f"Policy.levels[{rule_id!r}] 应为约束级别（硬、中、软），实际为 {level!r}",
                field=f"levels.{rule_id}",
                value=level,
            )
        found[rule.id] = level
    return FrozenDict(found)


def _blackouts(values: object) -> tuple[Blackout, ...]:
    if values is None:
        return ()
    if isinstance(values, str | bytes | Mapping) or not isinstance(values, Iterable):
        raise InvalidValue(
            f"Policy.blackouts must be a collection of Blackout, got {values!r}",
            f"Policy.blackouts 应为 Blackout 的集合，实际为 {values!r}",
            field="blackouts",
            value=values,
        )
    found = tuple(values)
    seen: set[str] = set()
    for index, blackout in enumerate(found):
        if not isinstance(blackout, Blackout):
            raise InvalidValue(
                f"Policy.blackouts[{index}] must be a Blackout, got {blackout!r}",
                f"Policy.blackouts[{index}] 应为 Blackout，实际为 {blackout!r}",
                field=f"blackouts[{index}]",
                value=blackout,
            )
        if blackout.id in seen:
            raise InvalidValue(
                f"two blackouts share the id {blackout.id!r}; give each its own",
                f"禁排时段编号 {blackout.id!r} 重复",
                field=f"blackouts[{index}].id",
                value=blackout.id,
            )
        seen.add(blackout.id)
    return found


@frozen(kw_only=True)
class Policy:
    """Per-call policy for every area.

    - ``overrides``: rule id -> {parameter: value}, e.g. ``{"SCHED-COORD-TRIPS": {"days": 45}, "A2":
      {"share": 0.25}}``;
    - ``disabled``: rule ids switched off;
    - ``levels``: rule id -> :class:`Severity`, e.g. ``{"SCHED-COORD-TRIPS": Severity.HARD}`` for an office
      where trips to one place must never pile up;
    - ``blackouts``: periods in which nothing may be scheduled.

    Validated on construction against the one catalogue: an unknown rule id or parameter, or a
    value of the wrong type or out of range, raises a :class:`~jiguan_core.errors.JiguanError`.
    """

    overrides: FrozenDict[str, FrozenDict[str, ParameterValue]] = field(
        factory=FrozenDict, converter=_overrides
    )
    disabled: frozenset[str] = field(factory=frozenset, converter=_disabled)
    blackouts: tuple[Blackout, ...] = field(default=(), converter=_blackouts)
    levels: FrozenDict[str, Severity] = field(factory=FrozenDict, converter=_levels)

    def enabled(self, rule_id: str) -> bool:
        """Whether the rule is switched on (a former id finds the rule too)."""
        return _canonical(rule_id) not in self.disabled

    def level(self, rule_id: str) -> Severity:
        """The rule's level under this policy: the override, else the catalogue's."""
        rule = _find(rule_id, "level")
        found = self.levels.get(rule.id)
        return found if found is not None else rule.level

    def parameters(self, rule_id: str) -> Mapping[str, ParameterValue]:
        """The rule's parameters: its defaults with this policy's overrides."""
        rule = _find(rule_id, "parameters")
        return rule.resolve(self.overrides.get(rule.id))

    def overrides_for(self, area: RuleArea) -> Mapping[str, Mapping[str, ParameterValue]]:
        """This policy's overrides of one area's rules (what an area's typed view reads)."""
        from jiguan_core.catalogue import declared

        return FrozenDict(
            (rule_id, values)
            for rule_id, values in self.overrides.items()
            if declared(rule_id).area is area
        )

    def to_dict(self) -> dict[str, Any]:
        """Plain JSON data (sorted), read back by :meth:`from_dict`."""
        from jiguan_core.serialization import to_dict

        return {
            "overrides": {k: dict(v) for k, v in sorted(self.overrides.items())},
            "disabled": sorted(self.disabled),
            "levels": {k: v.value for k, v in sorted(self.levels.items())},
            "blackouts": [to_dict(b) for b in self.blackouts],
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Policy:
        """A policy from :meth:`to_dict`'s data; bad data raises a JiguanError naming it."""
        from jiguan_core.serialization import from_dict

        if not isinstance(data, Mapping):
            raise InvalidValue(
                f"a policy is a JSON object, got {data!r}",
                f"策略应为 JSON 对象，实际为 {data!r}",
                field="policy",
                value=data,
            )
        unknown = sorted(set(data) - {"overrides", "disabled", "levels", "blackouts"})
        if unknown:
            raise InvalidValue(
                f"policy: unknown keys {unknown}; use overrides, disabled, levels, blackouts",
                f"策略含未知字段 {unknown}；可用 overrides、disabled、levels、blackouts",
                field="policy",
                value=unknown,
            )
        blackouts = data.get("blackouts", [])
        if not isinstance(blackouts, list):
            raise InvalidValue(
                f"policy.blackouts is a list, got {blackouts!r}",
                f"policy.blackouts 应为列表，实际为 {blackouts!r}",
                field="blackouts",
                value=blackouts,
            )
        levels = _mapping(data.get("levels", {}), "levels", "levels", "约束级别")
        return cls(
            overrides=data.get("overrides", {}),
            disabled=data.get("disabled", ()),
            levels={k: _severity(v) for k, v in levels.items()},
            blackouts=tuple(from_dict(Blackout, b) for b in blackouts),
        )


def effective_policy(
    policy: Policy | None,
    overrides: Mapping[str, Any] | None = None,
    *,
    where: str,
    rule_id: str | None = None,
) -> Policy:
    """The policy a function of an area runs by: ``policy``, or one made of the older
    ``overrides=`` shorthand, or the catalogue's defaults.

    ``overrides`` maps parameters to values for the one rule ``rule_id`` when it is given
    (``approval_chain(..., overrides={"approval_days": 2})``), else rule ids to such mappings
    (``leave_balance(..., overrides={"LEAVE-L3": {...}})``). Giving both ``policy`` and
    ``overrides`` is refused: one would silently win over the other.
    """
    if policy is not None and not isinstance(policy, Policy):
        raise InvalidValue(
            f"{where}: policy must be a jiguan_core.policy.Policy, got {type(policy).__name__}",
            f"{where}：policy 应为 jiguan_core.policy.Policy，实际为 {type(policy).__name__}",
            field="policy",
            value=policy,
        )
    if overrides is None:
        return policy if policy is not None else Policy()
    if policy is not None:
        raise InvalidValue(
            f"{where}: give either policy= or its shorthand overrides=, not both; put the "
            "overrides in the policy (Policy(overrides=...))",
            f"{where}：policy= 与其简写 overrides= 只能给一个；请把参数写进策略"
            "（Policy(overrides=...)）",
            field="overrides",
            value=overrides,
        )
    if rule_id is None:
        return Policy(overrides=overrides)
    if not isinstance(overrides, Mapping):
        raise InvalidValue(
            f"{where}: the parameters of rule {rule_id} must be a mapping name -> value, "
            f"got {overrides!r}",
            f"{where}：规则 {rule_id} 的参数应为 名称 -> 取值 的映射，实际为 {overrides!r}",
            field=rule_id,
            value=overrides,
        )
    return Policy(overrides={rule_id: overrides})


def _severity(value: object) -> object:
    """A level named in JSON ("hard", "硬约束" ...); anything else is left for the check."""
    if isinstance(value, str):
        for member in Severity:
            if value in (member.value, member.name, member.zh):
                return member
    return value


def _canonical(rule_id: str) -> str:
    from jiguan_core.catalogue import declared

    return declared(rule_id).id
