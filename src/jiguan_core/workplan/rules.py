"""Former home of the workplan rules: they now live in :mod:`jiguan_core.catalogue.workplan`."""

from jiguan_core.catalogue import workplan as _moved
from jiguan_core.catalogue.workplan import *  # noqa: F403

__all__ = _moved.__all__
