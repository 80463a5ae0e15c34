"""What every rule is, whatever its area: one :class:`Rule`.

A rule reads as policy: an id, one sentence in Chinese and English, its sources (ids from
REGULATIONS.md, see :mod:`jiguan_core.sources` and ``docs/regulations.md``), its level (hard /
medium / soft, as in Timefold's HardMediumSoft scores), its parameters, each with a documented
default and range, and how it is decided: either declaratively, by patterns of the one vocabulary
in :mod:`jiguan_core.patterns` that every engine runs, or by the function named in
``computed_by`` (quota ranking, sanction periods, rotation planning). The one catalogue
(:mod:`jiguan_core.catalogue`) holds every rule of every area, so the docs, the policy checks and
the explanations all read the same data the code runs on.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping
from typing import Any

from attrs import field, frozen

from jiguan_core._frozen import FrozenDict
from jiguan_core.errors import InvalidValue, UnknownEntity
from jiguan_core.patterns import Pattern
from jiguan_core.sources import source
from jiguan_core.text import Lang, TermEnum, Text

__all__ = ["Parameter", "ParameterValue", "Rule", "RuleArea", "RuleInfo", "Severity"]

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
    #: A further check of the value (e.g. that a kinds list names real activity kinds); it
    #: raises :class:`InvalidValue` for a bad value.
    validator: Callable[[ParameterValue, str], object] | None = field(
        default=None, eq=False, repr=False
    )

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
        if self.validator is not None:
            self.validator(checked, f"{rule_id}.{self.name}")
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


def _patterns(values: Iterable[Pattern]) -> tuple[Pattern, ...]:
    return tuple(values)


def _aliases(values: Iterable[str]) -> tuple[str, ...]:
    return tuple(values)


def _sources(values: Iterable[str]) -> tuple[str, ...]:
    found = tuple(values)
    for source_id in found:
        source(source_id)  # an unknown citation is a bug in the catalogue: fail at import
    return found


class RuleArea(TermEnum):
    """The areas of the office's work whose rules the one catalogue holds."""

    SCHEDULING = "scheduling", "活动排程"
    ASSESSMENT = "assessment", "考核"
    DEVELOPMENT = "development", "干部培养"
    WORK = "work", "工作管理"
    LEAVE = "leave", "请销假"
    DUTY = "duty", "节假日值班"
    PROPOSALS = "proposals", "提案办理"
    WORKPLAN = "workplan", "年度工作要点"


#: An id's leading letters say its area (``SCHED-COORD-PERSON``, ``A10.step``, ``DEV-T5``, ``WORK-D1`` ...).
_AREA_OF_PREFIX: Mapping[str, RuleArea] = FrozenDict(
    {
        "SCHED": RuleArea.SCHEDULING,
        "SCH": RuleArea.SCHEDULING,
        "ASSESS": RuleArea.ASSESSMENT,
        "A": RuleArea.ASSESSMENT,
        "R": RuleArea.ASSESSMENT,
        "S": RuleArea.ASSESSMENT,
        "W": RuleArea.ASSESSMENT,
        "DEV": RuleArea.DEVELOPMENT,
        "WORK": RuleArea.WORK,
        "LEAVE": RuleArea.LEAVE,
        "DUTY": RuleArea.DUTY,
        "PROPOSAL": RuleArea.PROPOSALS,
        "PLAN": RuleArea.WORKPLAN,
    }
)
_PREFIX = re.compile(r"[A-Z]+")


def area_of(rule_id: str) -> RuleArea:
    """The area a rule id belongs to, read from its prefix."""
    match = _PREFIX.match(rule_id)
    area = _AREA_OF_PREFIX.get(match.group()) if match else None
    if area is None:
        raise InvalidValue(
            f"rule id {rule_id!r} does not start with an area prefix "
            f"({', '.join(sorted(_AREA_OF_PREFIX))})",
            f"规则编号 {rule_id!r} 未以领域前缀开头",
            field="id",
            value=rule_id,
        )
    return area


@frozen(kw_only=True)
class Rule:
    """One rule of the catalogue, whatever its area.

    ``patterns`` is the rule's condition when it is declarative (any pattern matching fires the
    rule); a rule decided by code names that function in ``computed_by`` (bound by the catalogue,
    see :func:`jiguan_core.catalogue.rule`). ``aliases`` are former ids that still find it.
    """

    id: str
    statement: Text
    sources: tuple[str, ...] = field(converter=_sources)
    level: Severity
    parameters: tuple[Parameter, ...] = field(default=(), converter=_parameters)
    patterns: tuple[Pattern, ...] = field(default=(), converter=_patterns)
    computed_by: Callable[..., Any] | None = field(default=None, eq=False, repr=False)
    aliases: tuple[str, ...] = field(default=(), converter=_aliases)

    def __attrs_post_init__(self) -> None:
        if not self.sources:
            raise InvalidValue(
                f"rule {self.id} cites no source; every rule cites REGULATIONS.md ids",
                f"规则 {self.id} 未注明出处",
                field="sources",
                value=self.sources,
            )
        names = [p.name for p in self.parameters]
        if len(set(names)) != len(names):
            raise InvalidValue(
                f"rule {self.id} names a parameter twice: {names}",
                f"规则 {self.id} 的参数重名：{names}",
                field="parameters",
                value=names,
            )

    @property
    def info(self) -> Rule:
        """The rule itself (former ``ScheduleRule.info`` / ``AssessmentRule.info``)."""
        return self

    @property
    def area(self) -> RuleArea:
        return area_of(self.id)

    @property
    def declarative(self) -> bool:
        """Whether the rule is decided by its patterns (every engine runs those)."""
        return bool(self.patterns)

    @property
    def defaults(self) -> Mapping[str, ParameterValue]:
        return FrozenDict({p.name: p.default for p in self.parameters})

    def parameter(self, name: str) -> Parameter:
        for candidate in self.parameters:
            if candidate.name == name:
                return candidate
        raise UnknownEntity(
            f"parameter of rule {self.id}",
            name,
            hint=f"rule {self.id} has: {', '.join(p.name for p in self.parameters) or 'none'}",
            kind_zh=f"规则 {self.id} 的参数",
            hint_zh=f"规则 {self.id} 的参数有：{'、'.join(p.name for p in self.parameters) or '无'}",
        )

    def resolve(self, overrides: Mapping[str, Any] | None = None) -> Mapping[str, ParameterValue]:
        """The rule's parameters: defaults with ``overrides`` applied, each one checked."""
        if overrides is not None and not isinstance(overrides, Mapping):
            raise InvalidValue(
                f"the parameters of rule {self.id} must be a mapping name -> value, "
                f"got {overrides!r}",
                f"规则 {self.id} 的参数应为 名称 -> 取值 的映射，实际为 {overrides!r}",
                field=self.id,
                value=overrides,
            )
        values = dict(self.defaults)
        for name, value in (overrides or {}).items():
            values[name] = self.parameter(name).check(value, rule_id=self.id)
        return FrozenDict(values)

    def describe(self, lang: Lang = "zh") -> str:
        """One line for catalogues and explanations: id, level, statement, sources."""
        cited = ", ".join(self.sources)
        return f"[{self.id}] ({self.level.label(lang)}) {self.statement.render(lang)} — {cited}"


#: The former name of :class:`Rule` (the metadata part is now the rule itself).
RuleInfo = Rule
