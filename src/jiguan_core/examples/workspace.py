"""A sample workspace: the sample office with every section filled from the areas' samples."""

from __future__ import annotations

import datetime as dt

from jiguan_core.workspace import (
    AssessSection,
    CoverageSection,
    PlanSection,
    RotationSection,
    StatsSection,
    Workspace,
)

__all__ = ["sample_workspace"]


def sample_workspace() -> Workspace:
    """:func:`jiguan_core.examples.office.sample_office` with the second quarter's requests of 2025, the
    assessment records (year 2025), the A/B coverage of April-June 2025, the rotation check on
    31 December 2025 and the learning and activity records up to 1 December 2025."""
    from jiguan_core.examples.assessment import sample_records as assessment_records
    from jiguan_core.examples.office import SAMPLE_YEAR, sample_office
    from jiguan_core.examples.scheduling import sample_requests
    from jiguan_core.examples.work import SAMPLE_AS_OF
    from jiguan_core.examples.work import sample_records as work_records

    return Workspace(
        office=sample_office(),
        plan=PlanSection(requests=sample_requests()),
        assessment=AssessSection(records=assessment_records(), year=SAMPLE_YEAR),
        coverage=CoverageSection(start=dt.date(SAMPLE_YEAR, 4, 1), end=dt.date(SAMPLE_YEAR, 7, 1)),
        rotation=RotationSection(as_of=dt.date(SAMPLE_YEAR, 12, 31)),
        statistics=StatsSection(records=work_records(), as_of=SAMPLE_AS_OF),
    )
