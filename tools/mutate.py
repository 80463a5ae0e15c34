"""Mutation testing for jiguan_core: a small AST mutator (``make mutation``).

Why not mutmut: mutmut 3 only mutates inside functions (its trampolines), so the enum tables and
class bodies that decide grades (``assessment/grades.py``) get no mutants, and in this layout (a
``src/`` package installed editable in a shared virtual environment) its statistics run found
"no test case for any mutant" and stopped. This tool is small enough to read in one sitting.

For each module it makes one mutant per site and operator, one at a time:

- arithmetic: ``+`` <-> ``-``, ``*`` <-> ``/``, ``//`` -> ``/``, ``%`` -> ``//``;
- comparisons: ``<`` <-> ``<=``, ``>`` <-> ``>=``, ``==`` <-> ``!=``, ``in`` <-> ``not in``,
  ``is`` <-> ``is not``;
- boolean: ``and`` <-> ``or``, ``not x`` -> ``x``;
- constants: an int ``n`` -> ``n + 1`` and ``n - 1`` (boundaries), ``True`` <-> ``False``;
  ``None`` defaults are left alone, strings too (messages: equivalent mutants by the hundred);

Docstrings, annotations, ``__all__`` and lines marked ``# pragma: no mutate`` are skipped.

Each mutant runs only the tests that execute its lines: the package's tests run once under
coverage.py with a context per test, giving (module, line) -> tests. A mutant inside a function
body runs in a child forked from one collected pytest session, the function's code object swapped
for the mutant's; a mutant acting at import time runs in a fresh import (an import hook serves the
mutated source) against the tests of the module, of the modules importing it, then of the whole
package. A failing or timed-out run kills the mutant (Hypothesis profile ``mutation``:
derandomised, no example database, no shrinking). Survivors are printed with their line, so each
can be judged: equivalent (the program's meaning does not change) or a missing test. Equivalent
mutants are listed in ``tools/mutation_equivalent.txt`` (``module:line:column:operator`` lines,
each with a reason) and left out of the score.

Usage::

    python tools/mutate.py assessment/sanctions.py assessment/grades.py   # some modules
    python tools/mutate.py --all                                          # rules, assessment, development
    python tools/mutate.py --list assessment/grades.py                    # the mutants, no run
    python tools/mutate.py --only survivors.txt --all                     # only the listed keys

It exits 1 when a module scores under ``--threshold`` (85 by default).
"""

from __future__ import annotations

import argparse
import ast
import contextlib
import functools
import importlib
import importlib.abc
import importlib.util
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time
import types
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "src" / "jiguan_core"
PACKAGES = ("rules", "assessment", "development")
EQUIVALENT_FILE = ROOT / "tools" / "mutation_equivalent.txt"

#: The tests run against each package's mutants (the unit, property and stateful tests of the
#: package, its verifier tests, and the edge tests of periods and deadlines; the CLI and docs tests
#: are left out: they add minutes and rarely kill more). Each mutant runs only those of them that
#: cover its lines.
TESTS: dict[str, tuple[str, ...]] = {
    "rules": (
        "tests/rules/test_*.py",
        "tests/catalogue/test_lookup.py",
        "tests/catalogue/test_scheduling.py",
    ),
    "assessment": (
        "tests/assessment/test_*.py",
        "tests/catalogue/test_assessment.py",
        "tests/test_edges_periods.py",
    ),
    "development": (
        "tests/development/test_*.py",
        "tests/catalogue/test_development.py",
        "tests/test_edges_periods.py",
    ),
}

#: Tests left out of the warm session: they only run the library in another interpreter, which
#: imports the unmutated code, so they cannot kill a mutant patched into this one (they still run
#: for mutants imported fresh, where the other interpreter does not see the mutant either).
WARM_BLIND: tuple[str, ...] = (
    "tests/rules/test_durable_engine.py::test_two_hundred_evaluations_neither_crash_nor_grow_memory",
    "tests/rules/test_durable_engine.py::test_the_default_engine_never_imports_durable_rules",
)

_SWAP_BIN: dict[type[ast.operator], type[ast.operator]] = {
    ast.Add: ast.Sub,
    ast.Sub: ast.Add,
    ast.Mult: ast.Div,
    ast.Div: ast.Mult,
    ast.FloorDiv: ast.Div,
    ast.Mod: ast.FloorDiv,
}
_SWAP_CMP: dict[type[ast.cmpop], type[ast.cmpop]] = {
    ast.Lt: ast.LtE,
    ast.LtE: ast.Lt,
    ast.Gt: ast.GtE,
    ast.GtE: ast.Gt,
    ast.Eq: ast.NotEq,
    ast.NotEq: ast.Eq,
    ast.In: ast.NotIn,
    ast.NotIn: ast.In,
    ast.Is: ast.IsNot,
    ast.IsNot: ast.Is,
}


@dataclass(frozen=True)
class Mutant:
    module: str  # e.g. "assessment/sanctions.py"
    index: int  # the site's number in walk order
    line: int
    column: int
    operator: str  # e.g. "Lt->LtE", "int 12->13", "and->or"
    source: str  # the whole mutated module

    @property
    def key(self) -> str:
        return f"{self.module}:{self.line}:{self.column}:{self.operator}"


def _skipped_nodes(tree: ast.Module) -> set[int]:
    """ids of nodes never mutated: docstrings, annotations, ``__all__``."""
    skip: set[int] = set()

    def everything(node: ast.AST) -> None:
        for sub in ast.walk(node):
            skip.add(id(sub))

    for node in ast.walk(tree):
        body = getattr(node, "body", None)
        if (
            isinstance(body, list)
            and body
            and isinstance(body[0], ast.Expr)
            and isinstance(body[0].value, ast.Constant)
            and isinstance(body[0].value.value, str)
        ):
            everything(body[0])
        if isinstance(node, ast.AnnAssign):
            everything(node.annotation)
        if isinstance(node, ast.arg) and node.annotation is not None:
            everything(node.annotation)
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef) and node.returns is not None:
            everything(node.returns)
        if isinstance(node, ast.Assign) and any(
            isinstance(t, ast.Name) and t.id == "__all__" for t in node.targets
        ):
            everything(node)
    return skip


def _sites(tree: ast.Module, lines: list[str]) -> Iterator[tuple[ast.AST, str]]:
    """(node, operator) for every mutation site, in a fixed order."""
    skip = _skipped_nodes(tree)
    for node in ast.walk(tree):
        if id(node) in skip:
            continue
        line = getattr(node, "lineno", 0)
        if line and "pragma: no mutate" in lines[line - 1]:
            continue
        if isinstance(node, ast.BinOp) and type(node.op) in _SWAP_BIN:
            yield node, f"{type(node.op).__name__}->{_SWAP_BIN[type(node.op)].__name__}"
        elif isinstance(node, ast.AugAssign) and type(node.op) in _SWAP_BIN:
            yield node, f"{type(node.op).__name__}=->{_SWAP_BIN[type(node.op)].__name__}="
        elif isinstance(node, ast.Compare):
            for i, op in enumerate(node.ops):
                if type(op) in _SWAP_CMP:
                    yield node, f"cmp{i}:{type(op).__name__}->{_SWAP_CMP[type(op)].__name__}"
        elif isinstance(node, ast.BoolOp):
            yield node, "and->or" if isinstance(node.op, ast.And) else "or->and"
        elif isinstance(node, ast.UnaryOp) and isinstance(node.op, ast.Not):
            yield node, "not x->x"
        elif isinstance(node, ast.Constant):
            value = node.value
            if isinstance(value, bool):
                yield node, f"{value}->{not value}"
            elif isinstance(value, int):
                yield node, f"int {value}->{value + 1}"
                yield node, f"int {value}->{value - 1}"


def _apply(node: ast.AST, operator: str) -> ast.AST | None:
    """Mutate ``node`` in place (or return a replacement node)."""
    if isinstance(node, ast.BinOp | ast.AugAssign):
        node.op = _SWAP_BIN[type(node.op)]()
    elif isinstance(node, ast.Compare):
        i = int(operator[3 : operator.index(":")])
        node.ops[i] = _SWAP_CMP[type(node.ops[i])]()
    elif isinstance(node, ast.BoolOp):
        node.op = ast.Or() if isinstance(node.op, ast.And) else ast.And()
    elif isinstance(node, ast.UnaryOp):
        return node.operand
    elif isinstance(node, ast.Constant):
        if isinstance(node.value, bool):
            node.value = not node.value
        else:
            node.value = int(operator.rsplit("->", 1)[1])
    return None


class _Replace(ast.NodeTransformer):
    def __init__(self, target: ast.AST, replacement: ast.AST) -> None:
        self.target = target
        self.replacement = replacement

    def visit(self, node: ast.AST) -> ast.AST:
        if node is self.target:
            return self.replacement
        return super().visit(node)


def mutants(module: str, package: Path = PACKAGE) -> list[Mutant]:
    """Every mutant of ``module`` (a path under ``package``, by default src/jiguan_core)."""
    text = (package / module).read_text(encoding="utf-8")
    lines = text.splitlines()
    tree = ast.parse(text)
    count = sum(1 for _ in _sites(tree, lines))
    out: list[Mutant] = []
    for index in range(count):
        fresh = ast.parse(text)
        node, operator = list(_sites(fresh, lines))[index]
        line, column = getattr(node, "lineno", 0), getattr(node, "col_offset", 0)
        replacement = _apply(node, operator)
        if replacement is not None:
            fresh = _Replace(node, replacement).visit(fresh)
        ast.fix_missing_locations(fresh)
        out.append(Mutant(module, index, line, column, operator, ast.unparse(fresh)))
    return out


def _equivalent() -> dict[str, str]:
    found: dict[str, str] = {}
    if EQUIVALENT_FILE.exists():
        for raw in EQUIVALENT_FILE.read_text(encoding="utf-8").splitlines():
            line = raw.strip()
            if line and not line.startswith("#"):
                key, reason = _split_key(line)
                found[key] = reason
    return found


def _split_key(line: str) -> tuple[str, str]:
    """``module:line:column:operator`` and the rest of ``line``; an operator such as
    ``int 0->1`` holds one space."""
    words = line.split(" ", 2)
    if words[0].endswith(":int") and len(words) > 1:
        return f"{words[0]} {words[1]}", words[2].strip() if len(words) > 2 else ""
    key, _, rest = line.partition(" ")
    return key, rest.strip()


def _tests(module: str, root: Path = ROOT) -> list[str]:
    """The package's test files, those that name the module first."""
    package, name = module.split("/", 1)
    stem = name.removesuffix(".py").strip("_")
    found: list[str] = []
    for pattern in TESTS[package]:
        found.extend(sorted(str(p.relative_to(root)) for p in root.glob(pattern)))

    def names_it(path: str) -> bool:
        return stem in path or stem in (root / path).read_text(encoding="utf-8")

    short = stem.rstrip("s")
    return sorted(dict.fromkeys(found), key=lambda path: (short not in path, not names_it(path)))


def _module_name(module: str) -> str:
    """``assessment/sanctions.py`` -> ``jiguan_core.assessment.sanctions``."""
    dotted = "jiguan_core." + module.removesuffix(".py").replace("/", ".")
    return dotted.removesuffix(".__init__")


# ---------------------------------------------------------------------------------------------
# Running tests: a parent that has imported pytest, Hypothesis and every third-party library once,
# and a forked child per run that imports jiguan_core afresh (the mutant served by an import hook,
# so no file is rewritten and no stale bytecode can stand in for it).


#: pytest options of every run: Hypothesis and pytest's plugins are imported before pytest starts
#: (in the parent), so pytest cannot rewrite their asserts, and says so.
_PYTEST_OPTIONS = (
    "-p",
    "no:randomly",
    "-p",
    "no:cov",
    "-W",
    "ignore::pytest.PytestAssertRewriteWarning",
)


class _MutantFinder(importlib.abc.MetaPathFinder, importlib.abc.Loader):
    def __init__(self, name: str, path: Path, source: str) -> None:
        self.name, self.path, self.source = name, path, source

    def find_spec(self, fullname, path=None, target=None):  # type: ignore[no-untyped-def]
        if fullname != self.name:
            return None
        package = self.path.name == "__init__.py"
        spec = importlib.util.spec_from_loader(
            fullname, self, origin=str(self.path), is_package=package
        )
        assert spec is not None
        spec.has_location = True
        if package:
            spec.submodule_search_locations = [str(self.path.parent)]
        return spec

    def create_module(self, spec):  # type: ignore[no-untyped-def]
        return None

    def exec_module(self, module):  # type: ignore[no-untyped-def]
        exec(compile(self.source, str(self.path), "exec"), module.__dict__)


class _Recorder:
    """pytest plugin for the coverage run: a coverage context per test (its node id), each
    test's duration and outcome."""

    def __init__(self, cov: Any) -> None:
        self.cov = cov
        self.durations: dict[str, float] = {}
        self.failed: list[str] = []

    @pytest.hookimpl(hookwrapper=True)
    def pytest_runtest_protocol(self, item, nextitem):  # type: ignore[no-untyped-def]
        self.cov.switch_context(item.nodeid)
        started = time.perf_counter()
        yield
        self.durations[item.nodeid] = time.perf_counter() - started
        self.cov.switch_context("")

    def pytest_runtest_logreport(self, report):  # type: ignore[no-untyped-def]
        if report.failed:
            self.failed.append(report.nodeid)


class _FirstFailure:
    """pytest plugin of a mutant's run: writes down the test that failed (the killer)."""

    def __init__(self, root: Path) -> None:
        self.root = root

    @staticmethod
    def path(root: Path) -> Path:
        return root / ".mutation-killer"

    @staticmethod
    def read(root: Path) -> str:
        path = _FirstFailure.path(root)
        return path.read_text(encoding="utf-8") if path.exists() else ""

    def pytest_runtest_logreport(self, report):  # type: ignore[no-untyped-def]
        if report.failed and not self.path(self.root).exists():
            self.path(self.root).write_text(report.nodeid, encoding="utf-8")


@functools.cache
def _parse(path: Path) -> ast.Module:
    return ast.parse(path.read_text(encoding="utf-8"))


def _importers(module: str, base: Path) -> set[str]:
    """``module`` and the modules under ``base`` that import from it, directly or through a
    package's re-export (read from their import statements; one level: what uses a constant or a
    class of the module)."""
    target = _module_name(module)
    parsed = {str(path.relative_to(base)): _parse(path) for path in base.rglob("*.py")}

    def imported(name: str, tree: ast.Module) -> set[str]:
        """Dotted names ``name`` imports: modules, and ``module.name`` for from-imports."""
        dotted = _module_name(name)
        found: set[str] = set()
        for node in ast.walk(tree):
            if isinstance(node, ast.ImportFrom):
                origin = node.module or ""
                if node.level:
                    parts = dotted.split(".")
                    keep = len(parts) - node.level + name.endswith("__init__.py")
                    origin = ".".join(parts[:keep] + ([node.module] if node.module else []))
                found.add(origin)
                found.update(f"{origin}.{alias.name}" for alias in node.names)
            elif isinstance(node, ast.Import):
                found.update(alias.name for alias in node.names)
        return found

    imports = {name: imported(name, tree) for name, tree in parsed.items()}
    # The names a package re-exports from the module: pkg.Name for ``from .module import Name``.
    exported = {
        f"{_module_name(name)}.{entry.removeprefix(target + '.')}"
        for name, found in imports.items()
        if name.endswith("__init__.py")
        for entry in found
        if entry.startswith(target + ".")
    }
    return {module} | {
        name
        for name, found in imports.items()
        if not name.endswith("__init__.py") and (target in found or found & exported)
    }


def _preload(root: Path) -> None:
    """Import, in this (parent) process, every third-party module jiguan_core and its tests use,
    so that each forked child only imports jiguan_core and the tests themselves."""
    probe = (
        "import sys, pkgutil, importlib, jiguan_core\n"
        "for p in ('rules', 'assessment', 'development'):\n"
        "    pkg = importlib.import_module('jiguan_core.' + p)\n"
        "    for m in pkgutil.iter_modules(pkg.__path__):\n"
        "        importlib.import_module(f'jiguan_core.{p}.{m.name}')\n"
        "import tests.strategies, tests.conftest\n"
        "print(' '.join(sorted(m for m in sys.modules if not m.startswith(('jiguan_core', 'tests')))))\n"
    )
    env = dict(os.environ, PYTHONPATH=str(root / "src"), PYTHONDONTWRITEBYTECODE="1")
    done = subprocess.run(
        [sys.executable, "-c", probe], cwd=root, env=env, capture_output=True, text=True
    )
    names = done.stdout.split() if done.returncode == 0 else []
    for name in names:
        if name.startswith("__") or name == "__main__":
            continue
        with contextlib.suppress(Exception):  # a module that imports only in its own context
            importlib.import_module(name)


def _fork_run(
    root: Path,
    args: list[str],
    timeout: float,
    *,
    finder: _MutantFinder | None = None,
    work: Callable[[], int] | None = None,
) -> str:
    """Run ``pytest.main(args)`` (or ``work``) in a forked child; 'killed', 'survived',
    'timeout', or 'error N' when pytest could not run the selection."""
    log = root / ".mutation-child.log"
    _FirstFailure.path(root).unlink(missing_ok=True)
    pid = os.fork()
    if pid == 0:  # the child
        code = 70
        try:
            os.setpgid(0, 0)
            fd = os.open(log, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o644)
            os.dup2(fd, 1)
            os.dup2(fd, 2)
            os.chdir(root)
            sys.path.insert(0, str(root / "src"))
            os.environ["HYPOTHESIS_PROFILE"] = "mutation"
            if finder is not None:
                sys.meta_path.insert(0, finder)
            if work is not None:
                code = work()
            else:
                code = int(
                    pytest.main(
                        ["-x", "-q", *_PYTEST_OPTIONS, *args], plugins=[_FirstFailure(root)]
                    )
                )
        except BaseException:  # the child must never return into the parent's code
            import traceback

            traceback.print_exc()
        finally:
            sys.stdout.flush()
            sys.stderr.flush()
            os._exit(code)
    deadline = time.monotonic() + timeout
    while True:
        done, status = os.waitpid(pid, os.WNOHANG)
        if done:
            break
        if time.monotonic() > deadline:
            os.killpg(pid, signal.SIGKILL)
            os.waitpid(pid, 0)
            return "timeout"
        time.sleep(0.02)
    code = os.waitstatus_to_exitcode(status)
    if code == 0:
        return "survived"
    if code in (1, 2, 3) or code < 0:  # failed, interrupted (a collection error), internal, signal
        return "killed"
    return f"error {code}"


@dataclass
class _CoverageMap:
    """Which tests execute each line of the package, from one run with a context per test."""

    lines: dict[tuple[str, int], set[str]] = field(default_factory=dict)
    durations: dict[str, float] = field(default_factory=dict)
    seconds: float = 0.0

    def tests_of(self, modules: set[str]) -> set[str]:
        """The tests that run any line of ``modules``."""
        return {
            test for (name, _), tests in self.lines.items() if name in modules for test in tests
        } - {""}

    def timeout(self, tests: set[str]) -> float:
        """Five times the tests' clean time, at least a minute."""
        return max(60.0, 5 * sum(self.durations.get(t, 0.0) for t in tests))

    def tests_for(self, module: str, first: int, last: int) -> set[str] | None:
        """The tests covering any line in ``first..last`` of ``module``; None when one of those
        lines runs at collection time (outside any test: every test may depend on it)."""
        found: set[str] = set()
        for line in range(first, last + 1):
            contexts = self.lines.get((module, line), set())
            if "" in contexts:
                return None
            found |= contexts
        return found


def _coverage_map(root: Path, package: str, test_files: list[str]) -> _CoverageMap:
    data_file = root / f".coverage-{package}"
    result_file = root / f".durations-{package}.json"

    def work() -> int:
        import json

        import coverage

        cov = coverage.Coverage(
            data_file=str(data_file),
            source=["jiguan_core"],
            config_file=False,
            branch=False,
        )
        recorder = _Recorder(cov)
        cov.start()
        try:
            code = int(pytest.main(["-q", *_PYTEST_OPTIONS, *test_files], plugins=[recorder]))
        finally:
            cov.stop()
            cov.save()
        result_file.write_text(
            json.dumps({"durations": recorder.durations, "failed": recorder.failed}),
            encoding="utf-8",
        )
        return code

    started = time.monotonic()
    outcome = _fork_run(root, [], 7200.0, work=work)
    import json

    import coverage

    if outcome != "survived":
        tail = (root / ".mutation-child.log").read_text(encoding="utf-8", errors="replace")
        raise SystemExit(
            f"{package}: the tests fail without any mutant; fix them first\n{tail[-3000:]}"
        )
    recorded = json.loads(result_file.read_text(encoding="utf-8"))
    cmap = _CoverageMap(durations=recorded["durations"], seconds=time.monotonic() - started)
    data = coverage.CoverageData(basename=str(data_file))
    data.read()
    base = root / "src" / "jiguan_core"
    for measured in data.measured_files():
        module = str(Path(measured).relative_to(base))
        for line, contexts in data.contexts_by_lineno(measured).items():
            cmap.lines[(module, line)] = set(contexts)
    return cmap


@functools.cache
def _site_tree(module_text: str) -> tuple[list[ast.AST], dict[int, ast.AST]]:
    """The module's mutation sites in walk order, and each node's parent (by id)."""
    tree = ast.parse(module_text)
    sites = [node for node, _ in _sites(tree, module_text.splitlines())]
    parents: dict[int, ast.AST] = {}
    for parent in ast.walk(tree):
        for child in ast.iter_child_nodes(parent):
            parents[id(child)] = parent
    return sites, parents


def _runtime_span(module_text: str, m: Mutant) -> tuple[int, int] | None:
    """The lines to look up for a mutant inside a function body (from its statement's first line
    to the node's last), or None for a mutant that runs at import time (module and class bodies,
    decorators, default values)."""
    sites, parents = _site_tree(module_text)
    node = sites[m.index]
    statement: ast.AST | None = None
    current: ast.AST = node
    while id(current) in parents:
        parent = parents[id(current)]
        if statement is None and isinstance(current, ast.stmt):
            statement = current
        if isinstance(parent, ast.FunctionDef | ast.AsyncFunctionDef) and current in parent.body:
            break
        if isinstance(parent, ast.Lambda) and current is parent.body:
            break
        current = parent
    else:
        return None
    if statement is None:
        statement = node
    first = getattr(statement, "lineno", m.line)
    return min(first, m.line), getattr(node, "end_lineno", m.line) or m.line


def _outer_function(module_text: str, m: Mutant) -> str | None:
    """The qualified name of the function whose code holds the mutant (the outermost function
    reachable from the module through classes), or None for a mutant outside any function."""
    sites, parents = _site_tree(module_text)
    node = sites[m.index]
    chain: list[ast.AST] = []
    current: ast.AST = node
    while id(current) in parents:
        current = parents[id(current)]
        chain.append(current)
    names: list[str] = []
    for scope in reversed(chain):  # from the module down
        if isinstance(scope, ast.ClassDef):
            names.append(scope.name)
        elif isinstance(scope, ast.FunctionDef | ast.AsyncFunctionDef):
            names.append(scope.name)
            return ".".join(names)
        elif isinstance(scope, ast.Lambda):
            return None
    return None


def _patch(module: str, source: str, qualname: str) -> bool:
    """Give the live function ``qualname`` of ``module`` the mutant's code (every reference to
    the function, from-imports and attrs classes included, sees it). False when the function
    cannot be found unambiguously."""
    live = importlib.import_module(_module_name(module))
    code = compile(source, live.__file__ or module, "exec")

    def codes(parent: types.CodeType) -> Iterator[types.CodeType]:
        for const in parent.co_consts:
            if isinstance(const, types.CodeType):
                yield const
                yield from codes(const)

    new = [c for c in codes(code) if c.co_qualname == qualname]
    target: Any = live
    for part in qualname.split("."):
        namespace = vars(target) if hasattr(target, "__dict__") else {}
        if part not in namespace:
            return False
        target = namespace[part]
    found: list[types.FunctionType] = []
    pending = [target]
    while pending:
        item = pending.pop()
        if isinstance(item, types.FunctionType):
            found.append(item)
            if hasattr(item, "__wrapped__"):
                pending.append(item.__wrapped__)
        elif isinstance(item, property):
            pending += [f for f in (item.fget, item.fset, item.fdel) if f is not None]
        elif isinstance(item, staticmethod | classmethod):
            pending.append(item.__func__)
        elif hasattr(item, "func"):  # functools.cached_property, partial
            pending.append(item.func)
    matching = [f for f in found if f.__code__.co_qualname == qualname]
    if len(new) != 1 or len(matching) != 1:
        return False
    if matching[0].__code__.co_freevars != new[0].co_freevars:
        return False
    matching[0].__code__ = new[0]
    return True


@dataclass
class _Plan:
    """How one mutant is run."""

    mutant: Mutant
    tests: set[str]  # the tests covering its lines
    qualname: str | None  # the function patched in a warm session, or None: a fresh import
    users: set[str] = field(default_factory=set)  # import time: tests running the module's users


class _WarmSession:
    """pytest plugin: instead of running the session's tests, run each planned mutant in a
    forked child of this collected session, its function's code swapped for the mutant's, with
    only the tests covering it; write one result line per mutant."""

    def __init__(
        self,
        root: Path,
        plans: list[_Plan],
        cmap: _CoverageMap,
        results: Path,
        progress: int,
        timeout: float,
    ) -> None:
        self.root, self.plans, self.cmap, self.results = root, plans, cmap, results
        self.progress, self.timeout = progress, timeout

    @pytest.hookimpl(tryfirst=True)
    def pytest_runtestloop(self, session):  # type: ignore[no-untyped-def]
        import json

        items = {item.nodeid: item for item in session.items}
        killers: dict[str, int] = {}
        with self.results.open("a", encoding="utf-8") as out:
            for number, plan in enumerate(self.plans, start=1):
                ordered = sorted(
                    (t for t in plan.tests if t in items),
                    key=lambda t: (-killers.get(t, 0), self.cmap.durations.get(t, 0.0), t),
                )
                timeout = self.timeout or self.cmap.timeout(set(ordered))
                started = time.monotonic()
                outcome, killer = self._one(plan, [items[t] for t in ordered], timeout)
                if killer:
                    killers[killer] = number
                record = {"key": plan.mutant.key, "outcome": outcome, "killer": killer}
                out.write(json.dumps(record) + "\n")
                out.flush()
                os.write(
                    self.progress,
                    f"  {plan.mutant.key}: {outcome} ({len(ordered)} tests,"
                    f" {time.monotonic() - started:.1f} s)\n".encode(),
                )
        return True

    def _one(self, plan: _Plan, items: list[Any], timeout: float) -> tuple[str, str]:
        from _pytest.runner import runtestprotocol

        killer_file = _FirstFailure.path(self.root)
        killer_file.unlink(missing_ok=True)
        pid = os.fork()
        if pid == 0:
            code = 70
            try:
                os.setpgid(0, 0)
                assert plan.qualname is not None
                if not _patch(plan.mutant.module, plan.mutant.source, plan.qualname):
                    code = 99
                else:
                    code = 0
                    for i, item in enumerate(items):
                        following = items[i + 1] if i + 1 < len(items) else None
                        reports = runtestprotocol(item, nextitem=following, log=False)
                        if any(r.failed for r in reports):
                            killer_file.write_text(item.nodeid, encoding="utf-8")
                            code = 1
                            break
            except BaseException:  # the child must never return into the session
                code = 1
            finally:
                os._exit(code)
        deadline = time.monotonic() + timeout
        while True:
            done, status = os.waitpid(pid, os.WNOHANG)
            if done:
                break
            if time.monotonic() > deadline:
                os.killpg(pid, signal.SIGKILL)
                os.waitpid(pid, 0)
                return "timeout", ""
            time.sleep(0.01)
        code = os.waitstatus_to_exitcode(status)
        killer = killer_file.read_text(encoding="utf-8") if killer_file.exists() else ""
        if code == 0:
            return "survived", ""
        if code == 99:
            return "unpatched", ""
        return "killed", killer


def _warm_run(
    root: Path, files: list[str], plans: list[_Plan], cmap: _CoverageMap, timeout: float
) -> dict[str, dict[str, str]]:
    """Run ``plans`` in one collected session of ``files`` (forked from this process)."""
    import json

    results = root / ".mutation-results.jsonl"
    results.unlink(missing_ok=True)
    progress = os.dup(1)

    def work() -> int:
        plugin = _WarmSession(root, plans, cmap, results, progress, timeout)
        return int(pytest.main(["-q", *_PYTEST_OPTIONS, *files], plugins=[plugin]))

    _fork_run(root, [], 24 * 3600.0, work=work)
    os.close(progress)
    found: dict[str, dict[str, str]] = {}
    if results.exists():
        for line in results.read_text(encoding="utf-8").splitlines():
            record = json.loads(line)
            found[record["key"]] = record
    return found


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("modules", nargs="*", help="paths under src/jiguan_core")
    parser.add_argument("--all", action="store_true", help="every module of " + ", ".join(PACKAGES))
    parser.add_argument("--list", action="store_true", help="list the mutants, run nothing")
    parser.add_argument(
        "--timeout",
        type=float,
        default=0.0,
        help="seconds per mutant run (by default 5 x the selected tests' clean time, at least 60)",
    )
    parser.add_argument("--threshold", type=float, default=85.0)
    parser.add_argument("--verbose", action="store_true", help="print every mutant's outcome")
    parser.add_argument(
        "--only",
        type=Path,
        help="a file of mutant keys (module:line:column:operator, one a line): run only those,"
        " e.g. the survivors of the last run after adding tests",
    )
    args = parser.parse_args(argv)
    only: set[str] | None = None
    if args.only:
        only = {
            _split_key(line.strip())[0]
            for line in args.only.read_text(encoding="utf-8").splitlines()
            if line.strip() and not line.startswith("#")
        }
    modules = list(args.modules)
    if args.all:
        for package in PACKAGES:
            modules += sorted(str(p.relative_to(PACKAGE)) for p in (PACKAGE / package).glob("*.py"))
    if not modules:
        parser.error("name modules or pass --all")
    equivalent = _equivalent()
    if args.list:
        for module in modules:
            for m in mutants(module):
                print(m.key)
        return 0
    failed = False
    summary: list[str] = []
    run_started = time.monotonic()
    packages = list(dict.fromkeys(module.split("/", 1)[0] for module in modules))
    with tempfile.TemporaryDirectory(prefix="jiguan-mutation-") as tmp:
        copy_root = Path(tmp)
        # A private copy of everything a test run reads, so that editing the working tree
        # while mutants run changes nothing in this run.
        for part in ("src", "tests", "tools", "docs"):
            shutil.copytree(
                ROOT / part, copy_root / part, ignore=shutil.ignore_patterns("__pycache__")
            )
        for name in ("pyproject.toml", "README.md", "CHANGELOG.md", "mkdocs.yml"):
            if (ROOT / name).exists():
                shutil.copy2(ROOT / name, copy_root / name)
        _preload(copy_root)
        base = copy_root / "src" / "jiguan_core"
        # First every package's mutants that a warm session can run (quick), then those that need
        # a fresh import (slow): the survivors of the first kind are known early.
        prepared: dict[str, tuple[Any, ...]] = {}
        for package in packages:
            started = time.monotonic()
            in_package = [m for m in modules if m.split("/", 1)[0] == package]
            files = sorted({f for m in in_package for f in _tests(m, copy_root)})
            cmap = _coverage_map(copy_root, package, files)
            print(
                f"{package}: coverage map of {len(cmap.durations)} tests in {cmap.seconds:.0f} s",
                flush=True,
            )
            plans: dict[str, list[_Plan]] = {}
            for module in in_package:
                text = (base / module).read_text(encoding="utf-8")
                users = cmap.tests_of(_importers(module, base))
                plans[module] = []
                for m in mutants(module, base):
                    if m.key in equivalent or (only is not None and m.key not in only):
                        continue
                    span = _runtime_span(text, m)
                    selected = cmap.tests_for(module, *span) if span is not None else None
                    if selected is not None:
                        selected = selected - set(WARM_BLIND)
                        plans[module].append(_Plan(m, selected, _outer_function(text, m)))
                    else:
                        plans[module].append(_Plan(m, cmap.tests_of({module}), None, users))
            warm = [
                plan
                for module in in_package
                for plan in plans[module]
                if plan.qualname is not None and plan.tests
            ]
            outcomes = _warm_run(copy_root, files, warm, cmap, args.timeout)
            warm_seconds = time.monotonic() - started
            print(
                f"{package}: {len(warm)} mutants in a warm session in {warm_seconds / 60:.1f} min"
                f" ({warm_seconds / max(len(warm), 1):.2f} s a mutant)",
                flush=True,
            )
            prepared[package] = (in_package, files, cmap, plans, outcomes, warm_seconds)
        for package in packages:
            in_package, files, cmap, plans, outcomes, warm_seconds = prepared[package]
            started = time.monotonic() - warm_seconds
            for module in in_package:
                module_started = time.monotonic()
                text = (base / module).read_text(encoding="utf-8")
                path = base / module
                killed = survived = uncovered = fresh = 0
                skipped = sum(1 for m in mutants(module, base) if m.key in equivalent)
                for plan in plans[module]:
                    m = plan.mutant
                    outcome = outcomes.get(m.key, {}).get("outcome", "")
                    how = f"{len(plan.tests)} covering tests"
                    if not plan.tests and plan.qualname is not None:
                        outcome, how = "survived", "not covered"
                    elif outcome in ("", "unpatched"):
                        # A fresh interpreter with the mutant imported: the tests covering the
                        # module first, then those running the lines of modules importing it.
                        finder = _MutantFinder(_module_name(module), path, m.source)
                        outcome = "survived"
                        for group in (plan.tests, plan.users - plan.tests, {"*"}):
                            if group == {"*"} and outcome == "survived":
                                # Last, every test file of the package (a test may use a class or
                                # constant of the module and run none of its lines).
                                timeout = args.timeout or max(60.0, 3 * cmap.seconds)
                                outcome = _fork_run(copy_root, files, timeout, finder=finder)
                                fresh += 1
                            elif group and outcome == "survived":
                                ordered = sorted(
                                    group, key=lambda t: (cmap.durations.get(t, 0.0), t)
                                )
                                timeout = args.timeout or cmap.timeout(group)
                                outcome = _fork_run(copy_root, ordered, timeout, finder=finder)
                                fresh += 1
                                if outcome.startswith("error"):
                                    files_of = sorted({t.split("::", 1)[0] for t in ordered})
                                    outcome = _fork_run(
                                        copy_root, files_of, 3 * timeout, finder=finder
                                    )
                        how = f"fresh import, {len(plan.tests | plan.users)} tests"
                    if outcome.startswith("error"):
                        log = (copy_root / ".mutation-child.log").read_text(errors="replace")
                        raise SystemExit(
                            f"pytest could not run {m.key} ({outcome}):\n{log[-2000:]}"
                        )
                    if outcome == "survived":
                        survived += 1
                        uncovered += how == "not covered"
                        source_line = text.splitlines()[m.line - 1].strip()
                        print(f"  SURVIVED {m.key} ({how}): {source_line}", flush=True)
                    else:
                        killed += 1
                    if args.verbose:
                        print(f"  {m.key}: {outcome} ({how})", flush=True)
                total = killed + survived
                score = 100.0 * killed / total if total else 100.0
                line = (
                    f"{module}: {killed}/{total} killed ({score:.1f}%), {skipped} judged"
                    f" equivalent, {uncovered} not covered, {fresh} fresh-import runs,"
                    f" {(time.monotonic() - module_started) / 60:.1f} min after the warm runs"
                )
                print(line, flush=True)
                summary.append(line)
                failed |= score < args.threshold
            count = sum(len(p) for p in plans.values())
            seconds = time.monotonic() - started
            line = (
                f"{package}: {count} mutants in {seconds / 60:.1f} min"
                f" ({seconds / max(count, 1):.2f} s a mutant)"
            )
            print(line, flush=True)
            summary.append(line)
    minutes = (time.monotonic() - run_started) / 60
    print("\n".join(["", "mutation scores:", *summary, f"total {minutes:.1f} min"]))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
