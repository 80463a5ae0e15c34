"""The table of commands: every command that reads a workspace has its own module with the same
two entry points, the parser is built from the table, and the entry point imports the module of
the command that runs and no other (``jiguan --version`` and ``-h`` import none)."""

from __future__ import annotations

import argparse
import importlib
import inspect
import subprocess
import sys
from pathlib import Path

import pytest

from jiguan_core.__main__ import _parser, main
from jiguan_core.cli import commands
from jiguan_core.cli.listing import PERIODS
from jiguan_core.cli.registry import COMMANDS, Command

ROOT = Path(__file__).resolve().parents[2]


def _subcommands(parser: argparse.ArgumentParser) -> dict[str, argparse.ArgumentParser]:
    action = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
    return dict(action.choices)


@pytest.mark.parametrize("command", list(COMMANDS.values()), ids=list(COMMANDS))
def test_each_command_has_its_module_with_the_two_entry_points(command: Command) -> None:
    """`add_arguments(parser)` and `from_args(ws, args, edge)`, and a `run_*` function that
    `jiguan_core.cli.commands` re-exports."""
    module = importlib.import_module(f"jiguan_core.cli.{command.module}")
    assert list(inspect.signature(module.add_arguments).parameters) == ["parser"]
    assert list(inspect.signature(module.from_args).parameters) == ["ws", "args", "edge"]
    runs = [name for name in vars(module) if name.startswith("run_")]
    assert runs, command.name
    assert all(getattr(commands, name) is getattr(module, name) for name in runs)


def test_the_parser_offers_every_registered_command_and_only_json_commands_take_json() -> None:
    """`--json` exactly where the table says so; `--format` where the command has its own."""
    subs = _subcommands(_parser())
    assert set(COMMANDS) <= set(subs)
    for name, command in COMMANDS.items():
        options = {o for a in subs[name]._actions for o in a.option_strings}
        assert ("--json" in options) == (command.output == "json"), name
        if command.output == "format":
            assert "--format" in options, name


def test_the_list_periods_are_the_calendar_granularities() -> None:
    """`--period` spells out the granularities so that building the parser imports no calendar."""
    from jiguan_core.calendar import Granularity

    assert tuple(g.value for g in Granularity) == PERIODS


def test_version_and_help_load_no_command_module(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """`--version` and `-h` list the commands without loading any; `check -h` loads check's."""
    loaded: list[str] = []
    original = Command.load

    def spy(self: Command) -> object:
        loaded.append(self.name)
        return original(self)

    monkeypatch.setattr(Command, "load", spy)
    for words in (["--version"], ["-h"]):
        with pytest.raises(SystemExit) as caught:
            main(words)
        assert caught.value.code == 0
    assert "jiguan " in capsys.readouterr().out
    assert loaded == []
    with pytest.raises(SystemExit):
        main(["check", "-h"])
    assert loaded == ["check"]


def test_a_fresh_version_run_imports_neither_the_workspace_format_nor_a_command() -> None:
    """In a new interpreter, `jiguan --version` leaves the workspace format (jsonschema, cattrs
    converters) and every command module unimported."""
    code = (
        "import runpy, sys\n"
        "sys.argv = ['jiguan', '--version']\n"
        "try:\n"
        "    runpy.run_module('jiguan_core', run_name='__main__', alter_sys=True)\n"
        "except SystemExit:\n"
        "    pass\n"
        "print(' '.join(sorted(m for m in sys.modules if m.startswith('jiguan_core.cli'))))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=120,
        check=True,
    )
    loaded = set(done.stdout.split("\n")[-2].split())
    # streams: the entry point's own output edge (a few standard-library imports).
    assert loaded <= {"jiguan_core.cli", "jiguan_core.cli.registry", "jiguan_core.cli.streams"}
    assert done.stdout.startswith("jiguan ")
