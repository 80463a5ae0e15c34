"""What every rule is, whatever its area: auditable metadata and typed parameters.

A rule reads as policy: an id, one sentence in Chinese and English, its sources (ids from
REGULATIONS.md, see :mod:`jiguan_core.sources`), its level (hard / medium / soft, as in
Timefold's HardMediumSoft scores) and its parameters, each with a documented default. The
catalogues (scheduling, assessment, development, work) hold rules of this shape, so the docs and
the explanations are generated from the same data the code runs on.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from types import MappingProxyType
from typing import Any

from attrs import field, frozen

from jiguan_core.errors import InvalidValue, UnknownEntity
from jiguan_core.sources import source
from jiguan_core.text import Lang, TermEnum, Text

__all__ = ["Parameter", "ParameterValue", "RuleInfo", "Severity"]

#: The types a rule parameter can take.
ParameterValue = int | float | bool | str


class Severity(TermEnum):
    """How much breaking a rule costs (Timefold's hard / medium / soft)."""

    HARD = "hard", "硬约束"
    MEDIUM = "medium", "中约束"
    SOFT = "soft", "软约束"


@frozen(kw_only=True)
class Parameter:
    """One policy number of a rule, with its default and, for numbers, an allowed range."""

    name: str
    default: ParameterValue
    description: Text
    minimum: float | None = None
    maximum: float | None = None

    def check(self, value: object, *, rule_id: str) -> ParameterValue:
        """Return ``value`` if it fits this parameter, else raise :class:`InvalidValue`."""
        checked = self._typed(value)
        if checked is None:
            raise InvalidValue(
                f"rule {rule_id}: parameter {self.name} must be {type(self.default).__name__}, "
                f"got {type(value).__name__} {value!r} (default {self.default!r})",
                f"规则 {rule_id} 的参数 {self.name} 应为 {type(self.default).__name__}，"
                f"实际为 {value!r}",
                field=f"{rule_id}.{self.name}",
                value=value,
            )
        out_of_range = not isinstance(checked, bool | str) and (
            (self.minimum is not None and checked < self.minimum)
            or (self.maximum is not None and checked > self.maximum)
        )
        if out_of_range:
            raise InvalidValue(
                f"rule {rule_id}: parameter {self.name} = {value!r} is outside "
                f"[{self.minimum}, {self.maximum}]",
                f"规则 {rule_id} 的参数 {self.name} = {value!r} 超出范围 "
                f"[{self.minimum}, {self.maximum}]",
                field=f"{rule_id}.{self.name}",
                value=value,
            )
        return checked

    def _typed(self, value: object) -> ParameterValue | None:
        """``value`` as the default's type, or None when it is not of that type.

        bool is never an int here (``True`` is not 1 day), and an int is accepted as a float.
        """
        if isinstance(self.default, bool):
            return value if isinstance(value, bool) else None
        if isinstance(value, bool):
            return None
        if isinstance(self.default, int):
            return value if isinstance(value, int) else None
        if isinstance(self.default, float):
            return float(value) if isinstance(value, int | float) else None
        return value if isinstance(value, str) else None


def _parameters(values: Iterable[Parameter]) -> tuple[Parameter, ...]:
    return tuple(values)


def _sources(values: Iterable[str]) -> tuple[str, ...]:
    found = tuple(values)
    for source_id in found:
        source(source_id)  # an unknown citation is a bug in the catalogue: fail at import
    return found


@frozen(kw_only=True)
class RuleInfo:
    """The auditable part of a rule."""

    id: str
    statement: Text
    sources: tuple[str, ...] = field(converter=_sources)
    level: Severity
    parameters: tuple[Parameter, ...] = field(default=(), converter=_parameters)

    def __attrs_post_init__(self) -> None:
        if not self.sources:
            raise InvalidValue(
                f"rule {self.id} cites no source; every rule cites REGULATIONS.md ids",
                f"规则 {self.id} 未注明出处",
                field="sources",
                value=self.sources,
            )

    @property
    def defaults(self) -> Mapping[str, ParameterValue]:
        return MappingProxyType({p.name: p.default for p in self.parameters})

    def resolve(self, overrides: Mapping[str, Any] | None = None) -> Mapping[str, ParameterValue]:
        """The rule's parameters: defaults with ``overrides`` applied, each one checked."""
        values = dict(self.defaults)
        by_name = {p.name: p for p in self.parameters}
        for name, value in (overrides or {}).items():
            parameter = by_name.get(name)
            if parameter is None:
                raise UnknownEntity(
                    f"parameter of rule {self.id}",
                    name,
                    hint=f"rule {self.id} has: {', '.join(by_name) or 'no parameters'}",
                    kind_zh=f"规则 {self.id} 的参数",
                    hint_zh=f"规则 {self.id} 的参数有：{'、'.join(by_name) or '无'}",
                )
            values[name] = parameter.check(value, rule_id=self.id)
        return MappingProxyType(values)

    def describe(self, lang: Lang = "zh") -> str:
        """One line for catalogues and explanations: id, level, statement, sources."""
        cited = ", ".join(self.sources)
        return f"[{self.id}] ({self.level.label(lang)}) {self.statement.render(lang)} — {cited}"
