"""Moved to :mod:`jiguan_core.examples.development`; kept as a re-export.

``jiguan_core.development.demo`` keeps old imports working.
"""

from jiguan_core.examples.development import demo_lines

__all__ = ["demo_lines"]
