"""Importing the library (or one of its areas) loads neither the examples nor heavy extras.

Each import runs in a fresh interpreter, so what another test imported cannot hide a regression.
The examples (sample office, demos, request samples, generated offices) are data for the demo,
the docs and the tests; networkx, icalendar, jsonschema and hypothesis are loaded by the few
functions that need them, when they are called.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

import jiguan_core

SRC = Path(jiguan_core.__file__).resolve().parents[1]
HEAVY = ("networkx", "icalendar", "jsonschema", "hypothesis")
EXAMPLE_LEAVES = ("sample", "demo", "generate")


def _loaded_after(statement: str) -> list[str]:
    code = f"import json, sys\n{statement}\nprint(json.dumps(sorted(sys.modules)))"
    env = {**os.environ, "PYTHONPATH": str(SRC)}
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, env=env
    )
    modules: list[str] = json.loads(result.stdout)
    return modules


def _unwanted(modules: list[str]) -> list[str]:
    return [
        name
        for name in modules
        if name in HEAVY
        or name.startswith("jiguan_core.examples")
        or (name.startswith("jiguan_core.") and name.rsplit(".", 1)[-1] in EXAMPLE_LEAVES)
    ]


@pytest.mark.parametrize(
    "module",
    [
        "jiguan_core",
        "jiguan_core.rules",
        "jiguan_core.assessment",
        "jiguan_core.development",
        "jiguan_core.work",
        "jiguan_core.catalogue",
    ],
)
def test_importing_loads_no_example_and_no_heavy_dependency(module: str) -> None:
    """After ``import <module>`` no example module and none of networkx, icalendar, jsonschema,
    hypothesis is in sys.modules."""
    assert _unwanted(_loaded_after(f"import {module}")) == []


def test_the_sample_office_is_still_reachable_from_the_package() -> None:
    """``jiguan_core.sample_office`` works: the first use imports the example."""
    loaded = _loaded_after("import jiguan_core\noffice = jiguan_core.sample_office()")
    assert any(name.rsplit(".", 1)[-1] in {"sample", "office"} for name in loaded)


def test_networkx_is_loaded_when_a_function_that_needs_it_runs() -> None:
    """Suggesting secondary posts (a min-cost flow) imports networkx on the call."""
    loaded = _loaded_after(
        "import datetime as dt\n"
        "from jiguan_core import sample_office\n"
        "from jiguan_core.development import suggest_secondary\n"
        "suggest_secondary(sample_office(), dt.date(2025, 6, 30))"
    )
    assert "networkx" in loaded


def test_an_unknown_attribute_of_the_package_is_still_an_attribute_error() -> None:
    """The lazy ``__getattr__`` serves its own names only."""
    with pytest.raises(AttributeError, match="no_such_name"):
        _ = jiguan_core.no_such_name  # type: ignore[attr-defined]
