"""Moved to :mod:`jiguan_core.examples.assessment`; kept as a re-export.

``jiguan_core.assessment.demo`` keeps old imports working.
"""

from jiguan_core.examples.assessment import demo_lines

__all__ = ["demo_lines"]
