"""Moved to :mod:`jiguan_core.examples.workspace`; kept as a re-export.

``jiguan_core.cli.sample`` keeps old imports working.
"""

from jiguan_core.examples.workspace import sample_workspace

__all__ = ["sample_workspace"]
