"""Moved to :mod:`jiguan_core.examples.assessment`; kept as a re-export.

``jiguan_core.assessment.sample`` keeps old imports working.
"""

from jiguan_core.examples.assessment import (
    SAMPLE_YEARS,
    sample_history,
    sample_records,
    sample_results,
)

__all__ = ["SAMPLE_YEARS", "sample_history", "sample_records", "sample_results"]
