"""Benchmark: how long the command line takes to answer ``--version``, ``-h`` and a TAB press,
with argparse (what ``jiguan`` uses) against click and typer equivalents.

The click and typer programs are generated from ``jiguan``'s own argparse parser (every
command, argument, option, default and bilingual help text), so the three differ only in the
parsing library. Each imports ``jiguan_core`` first, as an entry point inside the package
does, and reads the version lazily, as ``jiguan --version`` does. Simplifications that favour
typer: its options take no ``choices`` (typer wants an Enum per choice list).

Each figure is the best of N fresh subprocesses, reported as a ratio to ``python -c pass``
measured in the same run. A TAB press: argparse's completion is a static script that shtab
writes once (``jiguan completion bash``), so a TAB runs a bash function and no Python; click and
typer complete by running the whole program once per TAB (``_JIGUAN_COMPLETE=bash_complete``).
Run: ``.venv/bin/python benchmarks/bench_cli_startup.py`` (``--quick`` for N = 3;
``--typer-python PATH`` for an interpreter that has typer, which the project does not install).
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks._harness import table

ROOT = Path(__file__).resolve().parent.parent


def best(command: Sequence[str], *, repeat: int, env: dict[str, str] | None = None) -> float:
    """The fastest wall time of ``repeat`` fresh runs of ``command``, in seconds."""
    fastest = float("inf")
    full_env = {"PYTHONPATH": str(ROOT / "src"), "PATH": os.environ.get("PATH", "")}
    full_env.update(env or {})
    for _ in range(repeat):
        start = time.perf_counter()
        subprocess.run(command, check=True, cwd=ROOT, env=full_env, capture_output=True)
        fastest = min(fastest, time.perf_counter() - start)
    return fastest


def _options(parser: argparse.ArgumentParser) -> list[argparse.Action]:
    return [a for a in parser._actions if not isinstance(a, argparse._HelpAction)]


def _subparsers(parser: argparse.ArgumentParser) -> dict[str, argparse.ArgumentParser]:
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            return dict(action.choices)
    return {}


def click_source(parser: argparse.ArgumentParser, *, module: str) -> str:
    """A click (or, with ``module="typer._click"``, typer's vendored click) program with the
    parser's commands and options."""
    lines = [
        "import sys",
        "import jiguan_core",
        f"import {module} as click",
        "",
        "def _version(ctx, param, value):",
        "    if not value or ctx.resilient_parsing:",
        "        return",
        "    from jiguan_core._version import version",
        "    click.echo(f'jiguan {version()}')",
        "    ctx.exit()",
        "",
        f"@click.group(help={parser.description!r}, epilog={parser.epilog!r}, "
        "context_settings={'help_option_names': ['-h', '--help']})",
        "@click.option('--version', is_flag=True, expose_value=False, is_eager=True, "
        "callback=_version, help='print the version and exit / 显示版本号')",
        "def cli():",
        "    pass",
        "",
    ]
    for index, (name, sub) in enumerate(_subparsers(parser).items()):
        lines.append(f"@cli.command({name!r}, help={sub.description or name!r})")
        for action in reversed(_options(sub)):
            lines.append(_click_param(action))
        lines += [f"def command_{index}(**kwargs):", "    pass", ""]
    lines.append("cli(prog_name='jiguan')")
    return "\n".join(lines) + "\n"


def _click_param(action: argparse.Action) -> str:
    help_text = (action.help or "").replace("%", "%%")
    if not action.option_strings:
        kind = f", type=click.Choice({list(action.choices)!r})" if action.choices else ""
        return f"@click.argument({action.dest!r}{kind})"
    names = ", ".join(repr(s) for s in action.option_strings)
    if isinstance(action, argparse._StoreTrueAction):
        return f"@click.option({names}, {action.dest!r}, is_flag=True, help={help_text!r})"
    kind = f", type=click.Choice({list(action.choices)!r})" if action.choices else ""
    default = "" if action.default is None else f", default={str(action.default)!r}"
    return (
        f"@click.option({names}, {action.dest!r}{kind}{default}, "
        f"required={action.required!r}, help={help_text!r})"
    )


def typer_source(parser: argparse.ArgumentParser) -> str:
    """A typer program with the parser's commands and options (no choices: see the docstring)."""
    lines = [
        "from typing import Annotated, Optional",
        "import jiguan_core",
        "import typer",
        "",
        f"app = typer.Typer(help={parser.description!r}, epilog={parser.epilog!r}, "
        "context_settings={'help_option_names': ['-h', '--help']}, rich_markup_mode=None)",
        "",
        "def _version(value: bool) -> None:",
        "    if value:",
        "        from jiguan_core._version import version",
        "        print(f'jiguan {version()}')",
        "        raise typer.Exit()",
        "",
        "@app.callback()",
        "def main(version: Annotated[bool, typer.Option('--version', callback=_version, "
        "is_eager=True, help='print the version and exit / 显示版本号')] = False) -> None:",
        "    pass",
        "",
    ]
    for index, (name, sub) in enumerate(_subparsers(parser).items()):
        params = []
        for action in _options(sub):
            help_text = action.help or ""
            if not action.option_strings:
                params.append(f"{action.dest}: Annotated[str, typer.Argument(help={help_text!r})]")
            elif isinstance(action, argparse._StoreTrueAction):
                names = ", ".join(repr(s) for s in action.option_strings)
                params.append(
                    f"{action.dest}: Annotated[bool, typer.Option({names}, "
                    f"help={help_text!r})] = False"
                )
            else:
                names = ", ".join(repr(s) for s in action.option_strings)
                default = (
                    "..."
                    if action.required
                    else repr(None if action.default is None else str(action.default))
                )
                params.append(
                    f"{action.dest}: Annotated[Optional[str], typer.Option({names}, "
                    f"help={help_text!r})] = {default}"
                )
        required = [p for p in params if "=" not in p.split("]")[-1]]
        optional = [p for p in params if p not in required]
        lines.append(f"@app.command({name!r}, help={sub.description or name!r})")
        lines.append(f"def command_{index}({', '.join(required + optional)}) -> None:")
        lines += ["    pass", ""]
    lines.append("app(prog_name='jiguan')")
    return "\n".join(lines) + "\n"


def _has_typer(python: str) -> bool:
    found = subprocess.run([python, "-c", "import typer"], capture_output=True, check=False)
    return found.returncode == 0


def main() -> None:
    cli = argparse.ArgumentParser()
    cli.add_argument("--quick", action="store_true", help="N = 3 instead of 10")
    cli.add_argument("--typer-python", metavar="PATH", help="an interpreter that has typer")
    options = cli.parse_args()
    n = 3 if options.quick else 10
    sys.path.insert(0, str(ROOT / "src"))
    from jiguan_core.__main__ import _parser

    parser = _parser()
    python = sys.executable
    typer_python = options.typer_python or python
    with tempfile.TemporaryDirectory() as folder:
        click_file = Path(folder, "click_jiguan.py")
        click_file.write_text(click_source(parser, module="click"), encoding="utf-8")
        typer_file = Path(folder, "typer_jiguan.py")
        typer_file.write_text(typer_source(parser), encoding="utf-8")
        completion = Path(folder, "jiguan.bash")
        completion.write_text(
            subprocess.run(
                [python, "-m", "jiguan_core", "completion", "bash"],
                check=True,
                capture_output=True,
                text=True,
                cwd=ROOT,
                env={"PYTHONPATH": str(ROOT / "src")},
            ).stdout,
            encoding="utf-8",
        )
        baseline = best([python, "-c", "pass"], repeat=n)
        rows: list[list[object]] = [["python -c pass (baseline)", baseline, 1.0]]

        def add(label: str, command: Sequence[str], env: dict[str, str] | None = None) -> None:
            seconds = best(command, repeat=n, env=env)
            rows.append([label, seconds, seconds / baseline])

        add("import jiguan_core", [python, "-c", "import jiguan_core"])
        for flag in ("--version", "-h"):
            add(f"argparse: jiguan {flag}", [python, "-m", "jiguan_core", flag])
        add("argparse: jiguan check -h", [python, "-m", "jiguan_core", "check", "-h"])
        for flag in ("--version", "-h"):
            add(f"click: jiguan {flag}", [python, str(click_file), flag])
        add("click: jiguan check -h", [python, str(click_file), "check", "-h"])
        tab = {"_JIGUAN_COMPLETE": "bash_complete", "COMP_WORDS": "jiguan ch", "COMP_CWORD": "1"}
        add("click: one TAB (runs the program)", [python, str(click_file)], env=tab)
        if _has_typer(typer_python):
            for flag in ("--version", "-h"):
                add(f"typer: jiguan {flag}", [typer_python, str(typer_file), flag])
            add("typer: jiguan check -h", [typer_python, str(typer_file), "check", "-h"])
            typer_tab = {**tab, "_JIGUAN_COMPLETE": "complete_bash"}
            add("typer: one TAB (runs the program)", [typer_python, str(typer_file)], env=typer_tab)
        else:
            rows.append(["typer: not installed (--typer-python PATH)", "-", "-"])
        script = (
            f"source {completion}; COMP_WORDS=(jiguan ch); COMP_CWORD=1; COMP_LINE='jiguan ch'; "
            "COMP_POINT=9; _shtab_jiguan jiguan ch jiguan"
        )
        bash_base = best(["bash", "--norc", "-c", "true"], repeat=n)
        bash_tab = best(["bash", "--norc", "-c", script], repeat=n)
        rows.append(
            ["argparse+shtab: one TAB (bash function, no Python)", bash_tab, bash_tab / baseline]
        )
        rows.append(["(bash --norc -c true)", bash_base, bash_base / baseline])
    print(
        table(
            f"Command-line start-up, best of N = {n} fresh subprocesses ({python})",
            ["what", "seconds", "x baseline"],
            rows,
        )
    )


if __name__ == "__main__":
    main()
