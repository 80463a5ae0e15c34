"""The office-work areas keep the import diet: no example module and no heavy dependency is
loaded by importing them (networkx only when a roster is solved)."""

from __future__ import annotations

import pytest

from tests.test_import_diet import _loaded_after, _unwanted


@pytest.mark.parametrize(
    "module",
    ["jiguan_core.leave", "jiguan_core.duty", "jiguan_core.proposals", "jiguan_core.workplan"],
)
def test_importing_an_office_work_area_loads_nothing_heavy(module: str) -> None:
    """After ``import <module>`` no example module and none of the heavy extras is loaded."""
    assert _unwanted(_loaded_after(f"import {module}")) == []
