"""The pattern kinds, now shared by every area: see :mod:`jiguan_core.patterns`."""

from jiguan_core.patterns import (
    Condition,
    CountPerPeriod,
    DailyCoverage,
    PairOfFacts,
    Pattern,
    SingleFact,
)

__all__ = [
    "Condition",
    "CountPerPeriod",
    "DailyCoverage",
    "PairOfFacts",
    "Pattern",
    "SingleFact",
]
