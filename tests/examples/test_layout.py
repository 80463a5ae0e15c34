"""The examples live in one package, and every old import path still reaches the same objects."""

from __future__ import annotations

import importlib

import pytest

import jiguan_core
from jiguan_core.examples.office import sample_office

#: old module -> (new module, a public name both must share)
MOVED = {
    "jiguan_core.sample": ("jiguan_core.examples.office", "sample_office"),
    "jiguan_core.demo": ("jiguan_core.examples.demo", "demo_text"),
    "jiguan_core.rules.demo": ("jiguan_core.examples.rules", "demo_policy"),
    "jiguan_core.rules.generate": ("jiguan_core.examples.generated", "generate_office"),
    "jiguan_core.scheduling.demo": ("jiguan_core.examples.scheduling", "sample_requests"),
    "jiguan_core.assessment.demo": ("jiguan_core.examples.assessment", "demo_lines"),
    "jiguan_core.assessment.sample": ("jiguan_core.examples.assessment", "sample_records"),
    "jiguan_core.development.demo": ("jiguan_core.examples.development", "demo_lines"),
    "jiguan_core.work.demo": ("jiguan_core.examples.work", "demo_lines"),
    "jiguan_core.work.sample": ("jiguan_core.examples.work", "sample_record_book"),
    "jiguan_core.cli.sample": ("jiguan_core.examples.workspace", "sample_workspace"),
}


@pytest.mark.parametrize("old", sorted(MOVED))
def test_an_old_module_path_re_exports_the_moved_names(old: str) -> None:
    """``from <old module> import name`` gives the very object of the examples package, and
    the old module exports everything it names in ``__all__``."""
    new, name = MOVED[old]
    old_module, new_module = importlib.import_module(old), importlib.import_module(new)
    assert getattr(old_module, name) is getattr(new_module, name)
    for exported in old_module.__all__:
        assert getattr(old_module, exported) is getattr(new_module, exported)


def test_the_package_level_names_reach_the_examples() -> None:
    """``jiguan_core.sample_office`` and ``jiguan_core.rules.generate_office`` still work."""
    from jiguan_core.examples.generated import generate_office
    from jiguan_core.rules import generate_office as from_rules

    assert jiguan_core.sample_office is sample_office
    assert from_rules is generate_office
    assert "sample_office" in jiguan_core.__all__
