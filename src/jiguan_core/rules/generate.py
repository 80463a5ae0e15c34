"""Moved to :mod:`jiguan_core.examples.generated`; kept as a re-export.

``jiguan_core.rules.generate`` keeps old imports working.
"""

from jiguan_core.examples.generated import generate_office

__all__ = ["generate_office"]
