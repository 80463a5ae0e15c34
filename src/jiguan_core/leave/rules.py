"""Former home of the leave rules: they now live in :mod:`jiguan_core.catalogue.leave`."""

from jiguan_core.catalogue import leave as _moved
from jiguan_core.catalogue.leave import *  # noqa: F403

__all__ = _moved.__all__
