"""The fact engines a declarative rule runs on, as a pytest parameter list: the pure-Python
default always, durable_rules when it is installed (it does not build on Python 3.13)."""

from __future__ import annotations

import importlib.util

import pytest

ENGINES = [
    "python",
    pytest.param(
        "durable",
        marks=pytest.mark.skipif(
            importlib.util.find_spec("durable") is None, reason="durable_rules is not installed"
        ),
    ),
]

#: For a test that compares the two engines.
needs_durable = pytest.mark.skipif(
    importlib.util.find_spec("durable") is None, reason="durable_rules is not installed"
)
