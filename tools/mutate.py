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

Docstrings, annotations, ``__all__`` and lines marked ``# pragma: no mutate`` are skipped. Each
mutant is written into a private copy of ``src/`` and the module's tests run against it in a fresh
interpreter (``pytest -x``, Hypothesis profile ``mutation``: derandomised, no example database)
with a timeout; a failing or timed-out run kills the mutant. Survivors are printed with their
line, so each can be judged: equivalent (the program's meaning does not change) or a missing test.
Equivalent mutants are listed in ``tools/mutation_equivalent.txt`` (``module:line:column:operator``
lines, each with a reason) and left out of the score.

Usage::

    python tools/mutate.py assessment/sanctions.py assessment/grades.py   # some modules
    python tools/mutate.py --all                                          # rules, assessment, development
    python tools/mutate.py --list assessment/grades.py                    # the mutants, no run

It exits 1 when a module scores under ``--threshold`` (85 by default).
"""

from __future__ import annotations

import argparse
import ast
import os
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "src" / "jiguan_core"
PACKAGES = ("rules", "assessment", "development")
EQUIVALENT_FILE = ROOT / "tools" / "mutation_equivalent.txt"

#: The tests run against each package's mutants (the unit, property and stateful tests of the
#: package; the CLI and docs tests are left out: they add minutes and rarely kill more).
TESTS: dict[str, tuple[str, ...]] = {
    "rules": (
        "tests/rules/test_*.py",
        "tests/catalogue/test_lookup.py",
        "tests/catalogue/test_scheduling.py",
    ),
    "assessment": (
        "tests/assessment/test_*.py",
        "tests/catalogue/test_assessment.py",
    ),
    "development": (
        "tests/development/test_*.py",
        "tests/catalogue/test_development.py",
    ),
}

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
                key, _, reason = line.partition(" ")
                found[key] = reason.strip()
    return found


def _tests(module: str, root: Path = ROOT) -> list[str]:
    """The package's tests, those that name the module first (``-x`` stops at the first
    failure, so a mutant the module's own tests kill costs only those)."""
    package, name = module.split("/", 1)
    stem = name.removesuffix(".py").strip("_")
    found: list[str] = []
    for pattern in TESTS[package]:
        found.extend(sorted(str(p.relative_to(root)) for p in root.glob(pattern)))

    def names_it(path: str) -> bool:
        return stem in path or stem in (root / path).read_text(encoding="utf-8")

    short = stem.rstrip("s")
    return sorted(dict.fromkeys(found), key=lambda path: (short not in path, not names_it(path)))


def _primary(module: str, tests: list[str]) -> int:
    """How many of ``tests`` (ordered by :func:`_tests`) have the module's name in their path."""
    short = module.split("/", 1)[1].removesuffix(".py").strip("_").rstrip("s")
    return sum(1 for path in tests if short in path)


def _run(copy_root: Path, tests: list[str], timeout: float, *, show: bool = False) -> str:
    """'killed', 'survived' or 'timeout' (a timeout kills too)."""
    env = dict(os.environ)
    env["PYTHONPATH"] = str(copy_root / "src")
    env["PYTHONDONTWRITEBYTECODE"] = "1"
    env["HYPOTHESIS_PROFILE"] = "mutation"
    command = [sys.executable, "-m", "pytest", "-x", "-q", "-p", "no:randomly", *tests]
    try:
        done = subprocess.run(
            command, cwd=copy_root, env=env, capture_output=True, timeout=timeout, check=False
        )
    except subprocess.TimeoutExpired:
        return "timeout"
    if show and done.returncode != 0:
        print(done.stdout.decode(errors="replace")[-3000:], flush=True)
    if done.returncode == 0:
        return "survived"
    if done.returncode in (1, 2, 3):  # failed, interrupted (a collection error), internal error
        return "killed"
    tail = done.stdout.decode(errors="replace")[-2000:]
    raise SystemExit(f"pytest could not run ({done.returncode}):\n{tail}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("modules", nargs="*", help="paths under src/jiguan_core")
    parser.add_argument("--all", action="store_true", help="every module of " + ", ".join(PACKAGES))
    parser.add_argument("--list", action="store_true", help="list the mutants, run nothing")
    parser.add_argument(
        "--timeout", type=float, default=0.0, help="seconds per mutant run (3 x the clean run)"
    )
    parser.add_argument("--threshold", type=float, default=85.0)
    parser.add_argument("--verbose", action="store_true", help="print every mutant's outcome")
    args = parser.parse_args(argv)
    modules = list(args.modules)
    if args.all:
        for package in PACKAGES:
            modules += sorted(
                str(p.relative_to(PACKAGE))
                for p in (PACKAGE / package).glob("*.py")
                if p.name != "__init__.py"
            )
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
    with tempfile.TemporaryDirectory(prefix="jiguan-mutation-") as tmp:
        copy_root = Path(tmp)
        # A private copy of everything a test run reads, so that editing the working tree
        # while mutants run changes nothing in this run.
        for part in ("src", "tests", "tools", "docs"):
            shutil.copytree(
                ROOT / part, copy_root / part, ignore=shutil.ignore_patterns("__pycache__")
            )
        for name in ("pyproject.toml", "README.md", "CHANGELOG.md"):
            shutil.copy2(ROOT / name, copy_root / name)
        for module in modules:
            tests = _tests(module, copy_root)
            primary = _primary(module, tests)
            target = copy_root / "src" / "jiguan_core" / module
            original = target.read_text(encoding="utf-8")
            started = time.monotonic()
            if _run(copy_root, tests, 1800.0, show=True) != "survived":
                raise SystemExit(f"{module}: the tests fail without any mutant; fix them first")
            timeout = args.timeout or max(60.0, 3 * (time.monotonic() - started))
            killed = survived = skipped = 0
            survivors: list[Mutant] = []
            every = mutants(module, copy_root / "src" / "jiguan_core")
            for number, m in enumerate(every, start=1):
                if m.key in equivalent:
                    skipped += 1
                    continue
                target.write_text(m.source, encoding="utf-8")
                try:
                    # The tests that name the module first, alone (most mutants die there and
                    # the rest need not be collected); then everything else.
                    outcome = _run(copy_root, tests[:primary], timeout) if primary else "survived"
                    if outcome == "survived" and tests[primary:]:
                        outcome = _run(copy_root, tests[primary:], timeout)
                finally:
                    target.write_text(original, encoding="utf-8")
                if outcome == "survived":
                    survived += 1
                    survivors.append(m)
                    print(f"  SURVIVED {m.key}", flush=True)
                else:
                    killed += 1
                if args.verbose:
                    print(f"  {number}/{len(every)} {m.key}: {outcome}", flush=True)
            total = killed + survived
            score = 100.0 * killed / total if total else 100.0
            minutes = (time.monotonic() - started) / 60
            line = (
                f"{module}: {killed}/{total} killed ({score:.1f}%), {skipped} judged equivalent,"
                f" {minutes:.1f} min"
            )
            print(line, flush=True)
            summary.append(line)
            failed |= score < args.threshold
    print("\n".join(["", "mutation scores:", *summary]))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
