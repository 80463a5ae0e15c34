"""The declarative pattern kinds a scheduling rule is made of.

A rule's pattern is data, not code: a reader can see *what* is matched, and each engine decides
*how*. Three kinds cover the catalogue:

- :class:`SingleFact` -- one fact whose fields meet every condition (a conjunction);
- :class:`PairOfFacts` -- two facts sharing a key whose spans overlap, or lie within a number of
  days of each other (the number is a rule parameter);
- :class:`CountPerPeriod` -- more than a parameter's number of facts per key per period;
- :class:`DailyCoverage` -- fewer than a parameter's number of a population present on a working
  day (the count's complement: "at least N on duty").

Facts live in named *tables* (``attendance``, ``absence``, ``booking`` ...), built once from the
activities and absences by :mod:`jiguan_core.rules._facts`; the tables are documented in
``docs/rules.md``.
"""

from __future__ import annotations

from typing import Literal

from attrs import frozen

from jiguan_core.calendar import Granularity
from jiguan_core.text import Text

__all__ = [
    "Condition",
    "CountPerPeriod",
    "DailyCoverage",
    "PairOfFacts",
    "Pattern",
    "SingleFact",
]

#: Comparison operators of a condition; ``in`` tests membership in a parameter's set of values.
Operator = Literal["==", "!=", "<", "<=", ">", ">=", "in"]


@frozen(kw_only=True)
class Condition:
    """``fact.field <op> value``; when ``parameter`` is set, the value is that rule parameter."""

    field: str
    op: Operator
    value: int | str | None = None
    parameter: str | None = None


@frozen(kw_only=True)
class SingleFact:
    """One fact of ``table`` meeting every condition."""

    id: str
    table: str
    conditions: tuple[Condition, ...]
    description: Text


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
