"""What a caller can change per check: rule parameters, rules switched off, blackout periods."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from types import MappingProxyType
from typing import Any

from attrs import field, frozen

from jiguan_core._validation import identifier, instance_of
from jiguan_core.errors import InvalidValue
from jiguan_core.rule import ParameterValue, Severity
from jiguan_core.text import Text
from jiguan_core.time import TimeSpan

__all__ = ["Blackout", "SchedulingPolicy"]


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


def _overrides(
    values: Mapping[str, Mapping[str, Any]] | None,
) -> Mapping[str, Mapping[str, ParameterValue]]:
    from jiguan_core.rules.catalogue import rule

    if values is None:
        return MappingProxyType({})
    if not isinstance(values, Mapping):
        raise InvalidValue(
            f"SchedulingPolicy.overrides must map rule ids to {{parameter: value}}, got {values!r}",
            f"SchedulingPolicy.overrides 应为 规则编号 -> {{参数: 取值}} 的映射，实际为 {values!r}",
            field="overrides",
            value=values,
        )
    resolved: dict[str, Mapping[str, ParameterValue]] = {}
    for rule_id in sorted(values):
        parameters = values[rule_id]
        if not isinstance(parameters, Mapping):
            raise InvalidValue(
                f"SchedulingPolicy.overrides[{rule_id!r}] must be a mapping of parameters, "
                f"got {parameters!r}",
                f"SchedulingPolicy.overrides[{rule_id!r}] 应为参数映射，实际为 {parameters!r}",
                field=f"overrides.{rule_id}",
                value=parameters,
            )
        resolved[rule_id] = rule(rule_id).resolve(parameters)
    return MappingProxyType(resolved)


def _disabled(values: Iterable[str]) -> frozenset[str]:
    from jiguan_core.rules.catalogue import rule

    if isinstance(values, str):
        values = (values,)
    found = frozenset(values)
    for rule_id in sorted(found):
        rule(rule_id)
    return found


def _levels(values: Mapping[str, Severity]) -> Mapping[str, Severity]:
    from jiguan_core.rules.catalogue import rule

    if not isinstance(values, Mapping):
        raise InvalidValue(
            f"SchedulingPolicy.levels must map rule ids to levels, got {values!r}",
            f"SchedulingPolicy.levels 应为 规则编号 → 约束级别 的映射，实际为 {values!r}",
            field="levels",
            value=values,
        )
    found: dict[str, Severity] = {}
    for rule_id in sorted(values):
        rule(rule_id)  # an unknown rule id raises UnknownEntity
        level = values[rule_id]
        if not isinstance(level, Severity):
            raise InvalidValue(
                f"SchedulingPolicy.levels[{rule_id!r}] must be a Severity (hard, medium, soft), "
                f"got {level!r}",
                f"SchedulingPolicy.levels[{rule_id!r}] 应为约束级别（硬、中、软），实际为 {level!r}",
                field=f"levels.{rule_id}",
                value=level,
            )
        found[rule_id] = level
    return MappingProxyType(found)


def _blackouts(values: Iterable[Blackout]) -> tuple[Blackout, ...]:
    found = tuple(values)
    seen: set[str] = set()
    for index, blackout in enumerate(found):
        if not isinstance(blackout, Blackout):
            raise InvalidValue(
                f"SchedulingPolicy.blackouts[{index}] must be a Blackout, got {blackout!r}",
                f"SchedulingPolicy.blackouts[{index}] 应为 Blackout，实际为 {blackout!r}",
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
class SchedulingPolicy:
    """Per-call policy: ``overrides`` (rule id -> {parameter: value}), ``disabled`` rule ids,
    ``levels`` (rule id -> level, e.g. ``{"SCH2": Severity.HARD}`` for an office where trips to one
    place must never pile up) and ``blackouts``. Validated on construction: an unknown rule id or
    parameter, or a value of the wrong type or out of range, raises a
    :class:`~jiguan_core.errors.JiguanError`."""

    overrides: Mapping[str, Mapping[str, ParameterValue]] = field(
        factory=dict, converter=_overrides
    )
    disabled: frozenset[str] = field(factory=frozenset, converter=_disabled)
    blackouts: tuple[Blackout, ...] = field(default=(), converter=_blackouts)
    levels: Mapping[str, Severity] = field(factory=dict, converter=_levels)

    def __reduce__(self) -> tuple[Any, ...]:
        """Pickle as the plain arguments (a read-only mapping view does not pickle), so a policy
        crosses process boundaries (``ProcessPoolExecutor``, Dask); unpickling validates again."""
        return (
            _policy_from_arguments,
            (
                {rule_id: dict(values) for rule_id, values in self.overrides.items()},
                self.disabled,
                self.blackouts,
                dict(self.levels),
            ),
        )

    def enabled(self, rule_id: str) -> bool:
        return rule_id not in self.disabled

    def level(self, rule_id: str) -> Severity:
        """The rule's level under this policy: the override, else the catalogue's."""
        from jiguan_core.rules.catalogue import rule

        found = self.levels.get(rule_id)
        return found if found is not None else rule(rule_id).info.level

    def parameters(self, rule_id: str) -> Mapping[str, ParameterValue]:
        """The rule's parameters: its defaults with this policy's overrides."""
        from jiguan_core.rules.catalogue import rule

        found = self.overrides.get(rule_id)
        return found if found is not None else rule(rule_id).resolve()


def _policy_from_arguments(
    overrides: Mapping[str, Mapping[str, Any]],
    disabled: frozenset[str],
    blackouts: tuple[Blackout, ...],
    levels: Mapping[str, Severity],
) -> SchedulingPolicy:
    """Rebuild a pickled :class:`SchedulingPolicy` (module level, so pickle finds it by name)."""
    return SchedulingPolicy(
        overrides=overrides, disabled=disabled, blackouts=blackouts, levels=levels
    )
