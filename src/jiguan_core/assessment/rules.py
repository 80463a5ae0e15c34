"""Former home of the assessment rules: they now live in :mod:`jiguan_core.catalogue.assessment`."""

from jiguan_core.catalogue.assessment import (
    ASSESSMENT_CATALOGUE,
    OPERATORS,
    AssessmentRule,
    Condition,
    FactPattern,
    FactValue,
    assessment_rule,
    computations,
)

__all__ = [
    "ASSESSMENT_CATALOGUE",
    "OPERATORS",
    "AssessmentRule",
    "Condition",
    "FactPattern",
    "FactValue",
    "assessment_rule",
    "computations",
]
