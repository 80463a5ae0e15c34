"""Moved to :mod:`jiguan_core.examples.demo`; kept as a re-export.

``jiguan_core.demo`` keeps old imports working.
"""

from jiguan_core.examples.demo import demo_text, office_lines

__all__ = ["demo_text", "office_lines"]
