"""Every file command in both output forms, run in this process on the sample workspace: the
JSON names its command and agrees with the text on the exit status; bad option values exit 2."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from jiguan_core.__main__ import main
from jiguan_core.cli import EXIT_ACTION, EXIT_BAD_INPUT, EXIT_OK
from tests._cli_workspaces import export_sample_workspace

COMMANDS = {
    "check": [],
    "plan": [],
    "assess": [],
    "coverage": [],
    "rotation": [],
    "stats": ["--since", "2025-01-01"],
}
#: A word each command's text output shows, in Chinese and English.
HEADINGS = {
    "assess": ("季度", "Q"),
    "coverage": ("A/B", "A/B"),
    "rotation": ("轮岗交流", "rotation on"),
    "stats": ("以来", "since"),
}


@pytest.fixture(scope="module")
def office_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return export_sample_workspace(tmp_path_factory.mktemp("cli-in-process"))


@pytest.mark.parametrize("command", list(COMMANDS))
def test_the_json_and_the_text_of_a_command_agree_on_the_exit_status(
    command: str, office_file: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    args = [command, str(office_file), *COMMANDS[command]]
    json_code = main([*args, "--json"])
    data = json.loads(capsys.readouterr().out)
    zh_code = main(args)
    zh = capsys.readouterr().out
    en_code = main([*args, "--lang", "en"])
    en = capsys.readouterr().out
    assert data["command"] == command
    assert json_code == zh_code == en_code
    assert json_code in (EXIT_OK, EXIT_ACTION)
    assert zh.strip()
    assert en.strip()
    assert zh != en
    if command in HEADINGS:
        assert HEADINGS[command][0] in zh
        assert HEADINGS[command][1] in en


def test_stats_always_exits_0(office_file: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["stats", str(office_file), "--since", "2024-01-01", "--json"]) == EXIT_OK
    totals = json.loads(capsys.readouterr().out)["totals"]
    assert sum(totals.values()) > 0


@pytest.mark.parametrize(
    "args",
    [
        ["stats", "{file}", "--since", "2025-13-01"],
        ["ics", "{file}", "--stamp", "2025-01-01T09:00:00"],  # no offset
        ["ics", "{file}", "--week", "next week"],
    ],
)
def test_a_bad_option_value_exits_2_naming_it(
    args: list[str], office_file: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    with pytest.raises(SystemExit) as caught:
        main([a.replace("{file}", str(office_file)) for a in args])
    assert caught.value.code == EXIT_BAD_INPUT
    assert args[2] in capsys.readouterr().err


def test_an_output_file_that_cannot_be_written_exits_2(
    office_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "no-such-directory" / "report.txt"
    assert main(["check", str(office_file), "--out", str(out)]) == EXIT_BAD_INPUT
    assert str(out) in capsys.readouterr().err  # the message names the file (in --lang)
    assert not out.exists()
