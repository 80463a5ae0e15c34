"""The one pattern vocabulary every declarative rule of every area is written in.

A rule's condition is data, not code: a reader can see *what* is matched, and each engine (the
pure-Python default and the optional durable_rules one) decides *how*. Four kinds cover the
catalogue:

- :class:`SingleFact` -- one fact of a table whose fields meet every condition (a conjunction):
  a person-year barred from 优秀, an activity on a non-working day, a secondary post in the
  person's own department;
- :class:`PairOfFacts` -- two facts sharing a key whose spans overlap, or lie within a number of
  days of each other (the number is a rule parameter): a person in two meetings at once;
- :class:`CountPerPeriod` -- more than a parameter's number of facts per key per period: a
  department's busy week;
- :class:`DailyCoverage` -- fewer than a parameter's number of a population present on a working
  day: leadership members on duty.

Facts live in named *tables* (``attendance``, ``absence``, ``person_year``, ``secondary_post``
...), built once from the domain objects by each area; the tables are documented in
``docs/rules.md``. A rule with several patterns fires when any of them matches.
"""

from __future__ import annotations

import operator
from collections.abc import Callable, Collection, Mapping
from types import MappingProxyType
from typing import Any, Literal

from attrs import field as attrs_field
from attrs import frozen

from jiguan_core.calendar import Granularity
from jiguan_core.errors import InvalidValue
from jiguan_core.text import Text

__all__ = [
    "OPERATORS",
    "Condition",
    "CountPerPeriod",
    "DailyCoverage",
    "FactValue",
    "Operator",
    "PairOfFacts",
    "Pattern",
    "SingleFact",
]

#: The values a flat fact holds.
FactValue = int | str

#: Comparison operators of a condition; ``in`` tests membership in a parameter's set of values.
Operator = Literal["==", "!=", "<", "<=", ">", ">=", "in"]

#: The comparisons behind the operators (``in`` is membership, handled by :meth:`Condition.test`).
OPERATORS: Mapping[str, Callable[[Any, Any], bool]] = MappingProxyType(
    {
        "==": operator.eq,
        "!=": operator.ne,
        "<": operator.lt,
        "<=": operator.le,
        ">": operator.gt,
        ">=": operator.ge,
    }
)


def _check_op(instance: object, attribute: object, value: str) -> None:
    if value not in OPERATORS and value != "in":
        raise InvalidValue(
            f"condition operator {value!r} is not one of {', '.join(OPERATORS)}, in",
            f"条件运算符 {value!r} 无效，可选：{', '.join(OPERATORS)}、in",
            field="op",
            value=value,
        )


def _members(value: object) -> Collection[object]:
    """A parameter used with ``in``: a comma-separated string or a collection."""
    if isinstance(value, str):
        return frozenset(part.strip() for part in value.split(",") if part.strip())
    if isinstance(value, Collection):
        return value
    return (value,)


@frozen
class Condition:
    """``fact[field] <op> value``; when ``parameter`` is set, the value is that rule parameter.

    A fact lacking the field does not match, and a number never equals a string (``5 != "5"``),
    so every engine gives the same answer.
    """

    field: str
    op: Operator = attrs_field(validator=_check_op)
    value: FactValue | None = None
    parameter: str | None = attrs_field(default=None, kw_only=True)

    def target(self, parameters: Mapping[str, object] | None = None) -> object:
        """What the field is compared with: the value, or the parameter's resolved value."""
        if self.parameter is None:
            return self.value
        if parameters is None or self.parameter not in parameters:
            raise InvalidValue(
                f"condition on {self.field} needs the rule parameter {self.parameter!r}",
                f"条件 {self.field} 需要规则参数 {self.parameter!r}",
                field=self.parameter,
                value=parameters,
            )
        return parameters[self.parameter]

    def test(self, found: object, parameters: Mapping[str, object] | None = None) -> bool:
        """Whether a field value ``found`` meets this condition."""
        if found is None:
            return False
        target = self.target(parameters)
        if self.op == "in":
            return found in _members(target)
        if isinstance(found, str) != isinstance(target, str):
            return False
        return OPERATORS[self.op](found, target)

    def matches(
        self, fact: Mapping[str, object], parameters: Mapping[str, object] | None = None
    ) -> bool:
        return self.test(fact.get(self.field), parameters)

    def render(self) -> str:
        right = f"<{self.parameter}>" if self.parameter is not None else repr(self.value)
        return f"{self.field} {self.op} {right}"


@frozen(kw_only=True)
class SingleFact:
    """One fact of ``table`` meeting every condition."""

    id: str
    table: str
    conditions: tuple[Condition, ...]
    description: Text | None = None

    def matches(
        self, fact: Mapping[str, object], parameters: Mapping[str, object] | None = None
    ) -> bool:
        return all(c.matches(fact, parameters) for c in self.conditions)

    def as_tuples(self) -> tuple[tuple[str, str, FactValue | None], ...]:
        return tuple((c.field, c.op, c.value) for c in self.conditions)


@frozen(kw_only=True)
class PairOfFacts:
    """Two facts, one of ``left`` and one of ``right``, with equal keys whose spans overlap.

    With ``within_days`` (a parameter name), spans closer than that many days also match: the
    gap between them is less than the parameter. When ``left == right`` each unordered pair of
    different facts matches once. ``by_key=False`` joins every left fact with every right fact
    (no shared key). ``unless`` names a post-join filter applied by every
    engine in Python: the pair is dropped when the two facts' activities share a person of that
    field (``leaders``) or when the right fact exempts the left one (``exempt``).
    """

    id: str
    left: str
    right: str
    within_days: str | None = None
    by_key: bool = True
    unless: Literal["shared_leaders", "exempt"] | None = None
    description: Text


@frozen(kw_only=True)
class CountPerPeriod:
    """More than ``limit`` (a parameter name) facts of ``table`` per key per period."""

    id: str
    table: str
    period: Granularity
    limit: str
    description: Text


@frozen(kw_only=True)
class DailyCoverage:
    """On a working day, fewer than ``minimum`` (a parameter name) of a population are present.

    ``table`` holds one fact per (absent person, reason); the population is the office's
    leadership members.
    """

    id: str
    table: str
    minimum: str
    description: Text


Pattern = SingleFact | PairOfFacts | CountPerPeriod | DailyCoverage
