"""Consistent shapes across the public types: every ``render`` returns one ``str`` and takes the
language first, every ``render_lines`` returns ``list[str]`` and ``render`` of the same object is
those lines joined. Found by walking every module of the package, so a new type is checked too."""

from __future__ import annotations

import importlib
import inspect
import pkgutil
from collections.abc import Iterator

import pytest

import jiguan_core
from jiguan_core.examples.workspace import sample_workspace
from jiguan_core.rules import check
from jiguan_core.scheduling import schedule

#: Renders a formula (``field op value``), the same in every language: the one without ``lang``.
LANGUAGE_FREE = {"jiguan_core.patterns.Condition"}


def _classes() -> Iterator[type]:
    for info in pkgutil.walk_packages(jiguan_core.__path__, "jiguan_core."):
        try:
            module = importlib.import_module(info.name)
        except ImportError:  # an extra that is not installed (durable_rules on 3.13)
            continue
        for value in vars(module).values():
            if inspect.isclass(value) and value.__module__ == info.name:
                yield value


def _methods(name: str) -> list[tuple[str, object]]:
    return [
        (f"{cls.__module__}.{cls.__qualname__}", vars(cls)[name])
        for cls in _classes()
        if name in vars(cls)
    ]


RENDERS = _methods("render")
RENDER_LINES = _methods("render_lines")


def test_there_are_renders_to_check() -> None:
    """The walk finds the package's types (Violation, Plan, Score, Text ...)."""
    found = {name for name, _ in RENDERS}
    assert {
        "jiguan_core.rules.violation.Violation",
        "jiguan_core.scheduling.plan.Plan",
        "jiguan_core.rules.report.Score",
        "jiguan_core.text.Text",
    } <= found


@pytest.mark.parametrize(("owner", "method"), RENDERS, ids=[name for name, _ in RENDERS])
def test_every_render_returns_one_string_and_takes_the_language_first(
    owner: str, method: object
) -> None:
    """`render(lang, ...) -> str` on every public type."""
    signature = inspect.signature(method)  # type: ignore[arg-type]
    assert signature.return_annotation in ("str", str), owner
    parameters = list(signature.parameters)
    if owner not in LANGUAGE_FREE:
        assert parameters[:2] == ["self", "lang"], owner


@pytest.mark.parametrize(("owner", "method"), RENDER_LINES, ids=[name for name, _ in RENDER_LINES])
def test_every_render_lines_returns_a_list_of_strings(owner: str, method: object) -> None:
    """`render_lines(lang, ...) -> list[str]`, the many-line form beside `render`."""
    signature = inspect.signature(method)  # type: ignore[arg-type]
    assert signature.return_annotation in ("list[str]", list[str]), owner
    assert list(signature.parameters)[:2] == ["self", "lang"], owner


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_a_plan_and_a_violation_render_text_in_both_languages(lang: str) -> None:
    """The two types the issue named: `Plan.render` is its lines joined, `Violation.render` one
    string; neither is a list."""
    ws = sample_workspace()
    assert ws.plan is not None
    plan = schedule(ws.office, ws.plan.requests, seed=ws.plan.seed, max_iterations=50)
    text = plan.render(lang)  # type: ignore[arg-type]
    assert isinstance(text, str)
    assert text.splitlines() == plan.render_lines(lang)  # type: ignore[arg-type]
    violation = check(ws.office).violations[0]
    assert isinstance(violation.render(lang), str)  # type: ignore[arg-type]
