"""Former home of the duty rules: they now live in :mod:`jiguan_core.catalogue.duty`."""

from jiguan_core.catalogue import duty as _moved
from jiguan_core.catalogue.duty import *  # noqa: F403

__all__ = _moved.__all__
