"""The installed version, read from the package metadata on first use.

``jiguan_core.__version__`` is resolved lazily (``importlib.metadata`` costs about 40 ms at import,
a third of ``import jiguan_core`` itself). A source tree that is not installed (``PYTHONPATH=src``
without ``pip install``) reports :data:`FALLBACK`.
"""

from __future__ import annotations

from functools import cache

__all__ = ["DISTRIBUTION", "FALLBACK", "version"]

#: The distribution's name on the package index.
DISTRIBUTION = "jiguan-core"
#: The version reported when the package metadata is not there (a PEP 440 local version).
FALLBACK = "0+unknown"


@cache
def version() -> str:
    """The version of the installed ``jiguan-core`` distribution, or :data:`FALLBACK`."""
    from importlib.metadata import PackageNotFoundError
    from importlib.metadata import version as distribution_version

    try:
        return distribution_version(DISTRIBUTION)
    except PackageNotFoundError:
        return FALLBACK
