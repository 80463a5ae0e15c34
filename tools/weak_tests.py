"""List the tests that can pass without checking anything.

An AST walk over ``tests/**/test_*.py``. A test (a ``test_*`` function, or a ``test_*`` method of
a ``Test*`` class) is listed when:

- ``no-check``: no statement at its top level checks something: an ``assert``, a
  ``with pytest.raises(...)`` / ``pytest.warns(...)`` block, or a call of a *verifier*. A statement
  inside a ``while`` loop, an ``if``/``match`` branch, a ``try`` with ``except`` handlers or a
  ``for`` loop over anything but a non-empty literal (``for x in (a, b):``) does not count: an
  empty loop or a branch not taken would skip it. What always runs counts: the body of a
  ``with`` block, of a ``try`` with only ``finally``, of a ``for`` over a non-empty literal. A verifier is a function or method defined under
  ``tests/`` that itself checks at its top level (found to a fixed point), or whose name starts
  with ``assert`` or ``check_``/``verify`` (the library's and Hypothesis' checkers).
- ``early-return``: a branch before the test's first check returns without checking
  (``if not items: return``): the examples that take it check nothing. Draw inputs that never
  take it, or check what that case must give before returning.
- ``self-comparison``: ``assert f(x) == f(x)``, the same call on both sides of ``==`` (a determinism test
  that compares a run with itself; compare two processes, ``tests/_two_processes.py``).
- ``or-skippable``: ``assert a or b`` in a property (``*_properties.py``): the second operand
  lets the first go unchecked; say which case is meant, in its own branch, with its own assert.

A test that is right as it stands says why in a comment inside its body (or on its ``def`` line)
that starts with ``# weak-tests: ``, followed by the reason; such a test is not listed.

Usage: ``python tools/weak_tests.py [PATH ...]`` (default: ``tests``); exit status 1 when
anything is listed, 0 otherwise.
"""

from __future__ import annotations

import ast
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
#: The comment that justifies a test the walk would list; a reason must follow it.
MARK = "# weak-tests: "
#: Callables whose names say they check (pytest's and the library's own).
CHECKER_PREFIXES = ("assert", "check_", "verify")
#: ``with`` context managers that check the block raises or warns.
RAISERS = {"raises", "warns", "deprecated_call"}


@dataclass(frozen=True, order=True)
class Weak:
    """One weak test: where it is and what is wrong."""

    path: str
    line: int
    name: str
    kind: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: {self.name}: {self.kind}"


#: Statements whose bodies may not run (``try`` with handlers is decided in :func:`_top_level`).
_BRANCHES: tuple[type[ast.stmt], ...] = (
    ast.For,
    ast.AsyncFor,
    ast.While,
    ast.If,
    ast.Try,
    ast.Match,
    *((ast.TryStar,) if sys.version_info >= (3, 11) else ()),
)


def _called_name(call: ast.Call) -> str | None:
    func = call.func
    if isinstance(func, ast.Name):
        return func.id
    if isinstance(func, ast.Attribute):
        return func.attr
    return None


def _top_level(body: list[ast.stmt]) -> Iterator[ast.stmt]:
    """The statements that run whenever the body runs: ``with`` blocks are entered, loops,
    branches and ``try`` bodies are not (their statements may be skipped)."""
    for statement in body:
        if isinstance(statement, (ast.With, ast.AsyncWith)):
            yield statement
            yield from _top_level(statement.body)
        elif isinstance(statement, ast.Try) and not statement.handlers:
            yield from _top_level(statement.body)
            yield from _top_level(statement.finalbody)
        elif isinstance(statement, (ast.For, ast.AsyncFor)) and _non_empty(statement.iter):
            yield from _top_level(statement.body)
        elif not isinstance(statement, _BRANCHES):
            yield statement


def _non_empty(iterable: ast.expr) -> bool:
    """A literal tuple, list or set with at least one element and no ``*rest``."""
    return (
        isinstance(iterable, (ast.Tuple, ast.List, ast.Set))
        and bool(iterable.elts)
        and not any(isinstance(e, ast.Starred) for e in iterable.elts)
    )


def _is_raises(statement: ast.stmt) -> bool:
    if not isinstance(statement, (ast.With, ast.AsyncWith)):
        return False
    return any(
        isinstance(item.context_expr, ast.Call) and _called_name(item.context_expr) in RAISERS
        for item in statement.items
    )


def _calls(node: ast.AST) -> Iterator[ast.Call]:
    """The calls a statement makes, not looking into nested functions or lambdas."""
    return (n for n in _no_nested(node) if isinstance(n, ast.Call))


def _checks(body: list[ast.stmt], verifiers: set[str]) -> bool:
    for statement in _top_level(body):
        if isinstance(statement, ast.Assert) or _is_raises(statement):
            return True
        for call in _calls(statement):
            name = _called_name(call)
            if name is not None and (name.startswith(CHECKER_PREFIXES) or name in verifiers):
                return True
    return False


def _functions(tree: ast.Module) -> Iterator[tuple[str, ast.FunctionDef | ast.AsyncFunctionDef]]:
    """(qualified name, function) for module-level functions and methods of classes."""
    for node in tree.body:
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
            yield node.name, node
        elif isinstance(node, ast.ClassDef):
            for item in node.body:
                if isinstance(item, (ast.FunctionDef, ast.AsyncFunctionDef)):
                    yield f"{node.name}.{item.name}", item


def _verifiers(trees: Iterable[ast.Module]) -> set[str]:
    """Names of the helpers (not tests) that check at their top level, to a fixed point."""
    helpers = [
        f
        for tree in trees
        for _, f in _functions(tree)
        if not f.name.startswith("test_")
        and not any(isinstance(n, (ast.Yield, ast.YieldFrom)) for n in ast.walk(f))
    ]
    found: set[str] = set()
    while True:
        more = {f.name for f in helpers if f.name not in found and _checks(f.body, found)}
        if not more:
            return found
        found |= more


def _justified(function: ast.FunctionDef | ast.AsyncFunctionDef, lines: list[str]) -> bool:
    end = function.end_lineno or function.lineno
    return any(
        MARK in line and line.split(MARK, 1)[1].strip() for line in lines[function.lineno - 1 : end]
    )


def _returns(body: list[ast.stmt]) -> bool:
    return any(isinstance(node, ast.Return) for statement in body for node in _no_nested(statement))


def _no_nested(node: ast.AST) -> Iterator[ast.AST]:
    stack = [node]
    while stack:
        current = stack.pop()
        yield current
        for child in ast.iter_child_nodes(current):
            if not isinstance(child, (ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda)):
                stack.append(child)


def _early_return(body: list[ast.stmt], verifiers: set[str]) -> bool:
    """Whether a branch taken before the body's first check returns without checking."""
    for number, statement in enumerate(body):
        if _checks(body[:number], verifiers):
            return False
        if isinstance(statement, ast.If):
            for branch in (statement.body, statement.orelse):
                if _returns(branch) and not _checks(branch, verifiers):
                    return True
    return False


def _self_comparisons(function: ast.FunctionDef | ast.AsyncFunctionDef) -> bool:
    for node in ast.walk(function):
        if not isinstance(node, ast.Assert) or not isinstance(node.test, ast.Compare):
            continue
        if not all(isinstance(op, (ast.Eq, ast.NotEq)) for op in node.test.ops):
            continue  # ``f() is f()`` is how a cache is tested
        sides = [node.test.left, *node.test.comparators]
        dumps = [ast.dump(side) for side in sides if any(True for _ in _calls(side))]
        if len(dumps) != len(set(dumps)):
            return True
    return False


def _or_asserts(function: ast.FunctionDef | ast.AsyncFunctionDef) -> bool:
    return any(
        isinstance(node, ast.Assert)
        and isinstance(node.test, ast.BoolOp)
        and isinstance(node.test.op, ast.Or)
        for node in ast.walk(function)
    )


def _test_files(paths: Iterable[Path]) -> list[Path]:
    files: set[Path] = set()
    for path in paths:
        if path.is_dir():
            files |= set(path.rglob("test_*.py"))
        elif path.name.startswith("test_"):
            files.add(path)
    return sorted(files)


def weak_tests(paths: Iterable[Path]) -> list[Weak]:
    """Every weak test under ``paths`` (directories or files), in file and line order."""
    paths = list(paths)
    files = _test_files(paths)
    helper_files = {p for path in paths for p in (path.rglob("*.py") if path.is_dir() else [path])}
    sources = {p: p.read_text(encoding="utf-8") for p in sorted(helper_files | set(files))}
    trees = {p: ast.parse(text, filename=str(p)) for p, text in sources.items()}
    verifiers = _verifiers(trees.values())
    out: list[Weak] = []
    for path in files:
        lines = sources[path].splitlines()
        shown = str(path.relative_to(ROOT)) if path.is_relative_to(ROOT) else str(path)
        for name, function in _functions(trees[path]):
            short = name.rsplit(".", 1)[-1]
            if not short.startswith("test_") or ("." in name and not name.startswith("Test")):
                continue
            if _justified(function, lines):
                continue
            kinds = []
            if not _checks(function.body, verifiers):
                kinds.append("no-check")
            elif _early_return(function.body, verifiers):
                kinds.append("early-return")
            if _self_comparisons(function):
                kinds.append("self-comparison")
            if path.name.endswith("_properties.py") and _or_asserts(function):
                kinds.append("or-skippable")
            out += [Weak(shown, function.lineno, name, kind) for kind in kinds]
    return sorted(out)


def main(argv: list[str]) -> int:
    found = weak_tests([Path(a).resolve() for a in argv] or [ROOT / "tests"])
    for weak in found:
        print(weak)
    print(f"{len(found)} weak test(s)")
    return 1 if found else 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
