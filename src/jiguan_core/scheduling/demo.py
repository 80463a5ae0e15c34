"""Moved to :mod:`jiguan_core.examples.scheduling`; kept as a re-export.

``jiguan_core.scheduling.demo`` keeps old imports working.
"""

from jiguan_core.examples.scheduling import demo_lines, sample_requests

__all__ = ["demo_lines", "sample_requests"]
