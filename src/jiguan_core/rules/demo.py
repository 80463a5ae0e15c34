"""Moved to :mod:`jiguan_core.examples.rules`; kept as a re-export.

``jiguan_core.rules.demo`` keeps old imports working.
"""

from jiguan_core.examples.rules import demo_lines, demo_policy

__all__ = ["demo_lines", "demo_policy"]
