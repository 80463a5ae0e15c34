"""Moved to :mod:`jiguan_core.examples.work`; kept as a re-export.

``jiguan_core.work.demo`` keeps old imports working.
"""

from jiguan_core.examples.work import demo_lines

__all__ = ["demo_lines"]
