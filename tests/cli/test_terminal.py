"""The command line on a terminal: tables that fit its width, a live progress bar for plans,
help in Chinese and English, and shell completion."""

from __future__ import annotations

import argparse
import io
import os
import shutil
from pathlib import Path

import pytest

from jiguan_core.__main__ import _parser, main
from jiguan_core.cli.registry import COMMANDS
from jiguan_core.cli.render import display_width
from jiguan_core.examples.workspace import sample_workspace
from jiguan_core.workspace import dumps


class _Terminal(io.StringIO):
    """A text stream that says it is a terminal."""

    def isatty(self) -> bool:
        return True


@pytest.fixture
def office_file(tmp_path: Path) -> Path:
    path = tmp_path / "office.json"
    path.write_text(dumps(sample_workspace()), encoding="utf-8")
    return path


def test_on_a_terminal_every_table_line_fits_its_width(
    office_file: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """`jiguan check` on a 60-column terminal prints no line wider than 60 columns."""
    out = _Terminal()
    monkeypatch.setattr("sys.stdout", out)
    monkeypatch.setattr(shutil, "get_terminal_size", lambda *a: os.terminal_size((60, 20)))
    assert main(["check", str(office_file), "--lang", "en"]) == 1
    lines = out.getvalue().splitlines()
    assert max(display_width(line) for line in lines) <= 60
    assert any(" hard " in line for line in lines)  # the violations are there, wrapped to fit


def test_into_a_file_tables_keep_whole_lines(
    office_file: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Not a terminal: tables are as wide as their cells (each violation on one line)."""
    assert main(["check", str(office_file), "--lang", "en"]) == 1
    lines = capsys.readouterr().out.splitlines()
    assert max(display_width(line) for line in lines) > 100


def test_a_plan_on_a_terminal_shows_a_live_bar(
    office_file: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """stderr is a terminal: a bar (rich) counts the requests; stdout gets the plan."""
    err = _Terminal()
    monkeypatch.setattr("sys.stderr", err)
    main(["plan", str(office_file), "--lang", "en"])
    assert "planning" in err.getvalue()
    assert capsys.readouterr().out.startswith("placed ")


def test_a_plan_into_a_pipe_prints_plain_progress_lines_when_asked(
    office_file: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """stderr is not a terminal: nothing by default, plain lines with --progress."""
    main(["plan", str(office_file), "--lang", "en"])
    assert capsys.readouterr().err == ""
    main(["plan", str(office_file), "--lang", "en", "--progress"])
    lines = capsys.readouterr().err.splitlines()
    assert lines[0].startswith("planning")
    assert any(line.strip().startswith("tried") for line in lines)
    assert "\x1b" not in "".join(lines)  # no terminal control codes in a log


def _has_chinese(text: str) -> bool:
    return any("\u4e00" <= ch <= "\u9fff" for ch in text)


def test_every_command_has_help_in_both_languages() -> None:
    """Each file command's help says what it does in English and in Chinese, and so does every
    option of every command."""
    text = _parser().format_help()
    assert "机关运行管理" in text
    assert "退出码" in text
    subparsers = next(a for a in _parser()._actions if isinstance(a, argparse._SubParsersAction))
    for name, sub in subparsers.choices.items():
        for action in sub._actions:
            assert action.help, (name, action.dest)
            if not isinstance(action, argparse._HelpAction):
                assert _has_chinese(action.help), (name, action.dest, action.help)
                assert " / " in action.help or action.dest == "kind", (name, action.dest)
    for command in COMMANDS.values():
        assert _has_chinese(command.zh)
        assert not _has_chinese(command.en)


@pytest.mark.parametrize("shell", ["bash", "zsh", "tcsh"])
def test_shell_completion_scripts_name_the_commands(
    shell: str, capsys: pytest.CaptureFixture[str]
) -> None:
    """`jiguan completion SHELL` prints a script that completes the subcommands."""
    assert main(["completion", shell]) == 0
    script = capsys.readouterr().out
    for command in ("check", "plan", "assess", "sample"):
        assert command in script
