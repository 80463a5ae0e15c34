"""Moved to :mod:`jiguan_core.examples.office`; kept as a re-export.

``jiguan_core.sample`` keeps old imports working.
"""

from jiguan_core.examples.office import SAMPLE_PLACES, SAMPLE_YEAR, sample_office

__all__ = ["SAMPLE_PLACES", "SAMPLE_YEAR", "sample_office"]
