"""Moved to :mod:`jiguan_core.examples.work`; kept as a re-export.

``jiguan_core.work.sample`` keeps old imports working.
"""

from jiguan_core.examples.work import (
    SAMPLE_AS_OF,
    SAMPLE_SINCE,
    sample_documents,
    sample_instructions,
    sample_meetings,
    sample_record_book,
    sample_records,
)

__all__ = [
    "SAMPLE_AS_OF",
    "SAMPLE_SINCE",
    "sample_documents",
    "sample_instructions",
    "sample_meetings",
    "sample_record_book",
    "sample_records",
]
