"""Former home of the proposals rules: they now live in :mod:`jiguan_core.catalogue.proposals`."""

from jiguan_core.catalogue import proposals as _moved
from jiguan_core.catalogue.proposals import *  # noqa: F403

__all__ = _moved.__all__
