"""Assessment and scoring (考核): quarterly routine assessment (平时考核), annual assessment (年度考核),
their consequences over several years (A8-A14, S1-S4) and awards (W1, W2).

One concept per module: :mod:`.grades` (the grades and ungraded reasons), :mod:`.policy` (weights,
thresholds, quotas, timetable), :mod:`.records` (inputs), :mod:`.sanctions` (sanction periods),
:mod:`.routine` (quarterly), :mod:`.annual` (annual with quota and ties), :mod:`.consequences`,
:mod:`.awards`, :mod:`.rules` (the declarative catalogue), :mod:`.explain`. The sample records
and the demo are in :mod:`jiguan_core.examples.assessment`.
"""

from jiguan_core.assessment.annual import (
    AnnualOutcome,
    AnnualResult,
    QuotaLine,
    Tie,
    assess_year,
    excellent_publicity,
)
from jiguan_core.assessment.awards import (
    AwardEligibility,
    award_eligibility,
    honour_counts,
)
from jiguan_core.assessment.consequences import (
    CONSEQUENCE_RULES,
    Consequence,
    ConsequenceKind,
    YearOutcome,
    consequences,
    person_year_facts,
)
from jiguan_core.assessment.explain import explain_annual, explain_routine
from jiguan_core.assessment.grades import Grade, RoutineGrade, Ungraded
from jiguan_core.assessment.policy import (
    AnnualPolicy,
    Rounding,
    RoutinePolicy,
    Weights,
)
from jiguan_core.assessment.records import (
    AnnualScores,
    AssessmentRecords,
    AwardKind,
    Honour,
    HonourLevel,
    Investigation,
    LeaveRecord,
    Probation,
    ProtectedKind,
    ProtectedPeriod,
    QuarterExemption,
    QuarterScores,
    Sanction,
    SanctionKind,
    leave_from_absences,
)
from jiguan_core.assessment.routine import (
    QuarterResult,
    RoutineOutcome,
    RoutineTimetable,
    assess_quarter,
    routine_timetable,
)
from jiguan_core.assessment.sanctions import SanctionPeriod, sanction_periods
from jiguan_core.catalogue.assessment import (
    ASSESSMENT_CATALOGUE,
    AssessmentRule,
    Condition,
    FactPattern,
    assessment_rule,
)

__all__ = [
    "ASSESSMENT_CATALOGUE",
    "CONSEQUENCE_RULES",
    "AnnualOutcome",
    "AnnualPolicy",
    "AnnualResult",
    "AnnualScores",
    "AssessmentRecords",
    "AssessmentRule",
    "AwardEligibility",
    "AwardKind",
    "Condition",
    "Consequence",
    "ConsequenceKind",
    "FactPattern",
    "Grade",
    "Honour",
    "HonourLevel",
    "Investigation",
    "LeaveRecord",
    "Probation",
    "ProtectedKind",
    "ProtectedPeriod",
    "QuarterExemption",
    "QuarterResult",
    "QuarterScores",
    "QuotaLine",
    "Rounding",
    "RoutineGrade",
    "RoutineOutcome",
    "RoutinePolicy",
    "RoutineTimetable",
    "Sanction",
    "SanctionKind",
    "SanctionPeriod",
    "Tie",
    "Ungraded",
    "Weights",
    "YearOutcome",
    "assess_quarter",
    "assess_year",
    "assessment_rule",
    "award_eligibility",
    "consequences",
    "excellent_publicity",
    "explain_annual",
    "explain_routine",
    "honour_counts",
    "leave_from_absences",
    "person_year_facts",
    "routine_timetable",
    "sanction_periods",
]
