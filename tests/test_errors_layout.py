"""Every exception class lives in jiguan_core.errors, under JiguanError, and the docs list them."""

from __future__ import annotations

import importlib
import inspect
import pkgutil

import pytest

import jiguan_core
from jiguan_core import errors
from tests._paths import REPO_ROOT

EMBEDDING = REPO_ROOT / "docs" / "embedding.md"

#: module that used to define the class -> the classes it still re-exports
OLD_HOMES = {
    "jiguan_core.scheduling.request": ["SchedulingError"],
    "jiguan_core.scheduling": ["SchedulingError"],
    "jiguan_core.rules._facts": ["ScheduleInputError"],
    "jiguan_core.rules": ["ScheduleInputError"],
    "jiguan_core.rules.durable_engine": ["DurableUnavailable"],
    "jiguan_core.development.avoidance": ["ReportingCycle"],
    "jiguan_core.development.coverage": ["ABRoleError"],
    "jiguan_core.work.errors": [
        "ChecklistIncomplete",
        "DocumentRuleViolation",
        "OutOfOrderTransition",
        "SigningWithoutReview",
        "WorkflowError",
        "WorkflowFinished",
    ],
}


def _exception_classes(module: object) -> list[type[BaseException]]:
    return [
        value
        for name, value in vars(module).items()
        if inspect.isclass(value)
        and issubclass(value, BaseException)
        and value.__module__ == getattr(module, "__name__", "")
        and not name.startswith("_")
    ]


def _modules() -> list[str]:
    names = [jiguan_core.__name__]
    for info in pkgutil.walk_packages(jiguan_core.__path__, "jiguan_core."):
        if info.name.rsplit(".", 1)[-1] != "__main__":
            names.append(info.name)
    return names


def test_no_module_but_errors_defines_a_public_exception_class() -> None:
    """A reader finds every exception in one file: jiguan_core/errors.py."""
    elsewhere = []
    for name in _modules():
        try:
            module = importlib.import_module(name)
        except ImportError:  # an optional extra is missing: its module is checked where present
            continue
        if name != errors.__name__:
            elsewhere += [f"{name}.{cls.__name__}" for cls in _exception_classes(module)]
    assert elsewhere == [], "define these in jiguan_core/errors.py and re-export them"


def test_every_exception_is_a_jiguan_error() -> None:
    """One hierarchy: ``except JiguanError`` catches every error the library raises on purpose."""
    classes = _exception_classes(errors)
    assert len(classes) > 10
    assert all(issubclass(cls, errors.JiguanError) for cls in classes)
    assert set(errors.__all__) >= {cls.__name__ for cls in classes}


@pytest.mark.parametrize("module", sorted(OLD_HOMES))
def test_old_import_paths_name_the_same_classes(module: str) -> None:
    """``from jiguan_core.work.errors import WorkflowError`` (and the like) keeps working."""
    old = importlib.import_module(module)
    names = OLD_HOMES[module]
    assert names
    assert [n for n in names if getattr(old, n) is not getattr(errors, n)] == []


def test_the_embedding_guide_lists_every_exception() -> None:
    """docs/embedding.md's error section names each class of jiguan_core.errors."""
    text = EMBEDDING.read_text(encoding="utf-8")
    section = text[text.index("## Errors") :]
    missing = [
        cls.__name__ for cls in _exception_classes(errors) if f"`{cls.__name__}`" not in section
    ]
    assert missing == []
