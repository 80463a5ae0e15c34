"""The command line's edges: standard input for ``-``, output that cannot be written, input no
reader should choke on. Each case runs ``python -m jiguan_core`` in a subprocess as a shell would
and asserts the exit status and a clear message, never a traceback."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests._cli_workspaces import export_sample_workspace, sample_data, write_data


def run(
    *args: str | Path, cwd: Path, stdin: bytes | None = None
) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(
        [sys.executable, "-m", "jiguan_core", *map(str, args)],
        input=stdin,
        capture_output=True,
        cwd=cwd,
        timeout=120,
        check=False,
    )


@pytest.fixture(scope="module")
def workdir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("streams")


@pytest.fixture(scope="module")
def office_file(workdir: Path) -> Path:
    return export_sample_workspace(workdir)


def _no_traceback(result: subprocess.CompletedProcess[bytes]) -> str:
    err = result.stderr.decode("utf-8")
    assert "Traceback" not in err
    return err


class TestStandardInput:
    def test_a_dash_reads_the_workspace_from_standard_input(
        self, office_file: Path, workdir: Path
    ) -> None:
        """`check -` on piped JSON prints what `check FILE` prints, with the same exit status."""
        from_file = run("check", office_file, "--json", cwd=workdir)
        from_stdin = run("check", "-", "--json", cwd=workdir, stdin=office_file.read_bytes())
        assert from_stdin.returncode == from_file.returncode == 1
        assert from_stdin.stdout == from_file.stdout

    def test_problems_of_standard_input_are_named_as_such(self, workdir: Path) -> None:
        """Bad JSON on stdin: exit 2, the source is <stdin>, the line and column are given."""
        result = run("check", "-", "--lang", "en", cwd=workdir, stdin=b'{"office": [1,')
        err = _no_traceback(result)
        assert result.returncode == 2
        assert err.startswith("<stdin>: 1 problem(s)")
        assert "line 1" in err


class TestOutputThatCannotBeWritten:
    def test_a_full_disk_is_a_clear_message_and_exit_2(
        self, office_file: Path, workdir: Path
    ) -> None:
        """`> /dev/full`: "cannot write to standard output: No space left on device"."""
        if not Path("/dev/full").exists():
            pytest.skip("no /dev/full on this system")
        with open("/dev/full", "wb") as full:
            result = subprocess.run(
                [sys.executable, "-m", "jiguan_core", "check", str(office_file), "--lang", "en"],
                stdout=full,
                stderr=subprocess.PIPE,
                cwd=workdir,
                timeout=120,
                check=False,
            )
        err = _no_traceback(result)
        assert result.returncode == 2
        assert err == "cannot write to standard output: No space left on device\n"

    def test_a_closed_standard_output_is_a_clear_message_and_exit_2(
        self, office_file: Path, workdir: Path
    ) -> None:
        """`>&-`: the command says standard output is closed instead of a traceback."""
        result = subprocess.run(
            f'exec >&-; "{sys.executable}" -m jiguan_core check "{office_file}" --lang en',
            shell=True,
            stderr=subprocess.PIPE,
            cwd=workdir,
            timeout=120,
            check=False,
            env={**os.environ},
        )
        err = _no_traceback(result)
        assert result.returncode == 2
        assert err.startswith("cannot write to standard output:")

    def test_an_unwritable_out_file_names_the_file(self, office_file: Path, workdir: Path) -> None:
        """`--out` into a missing directory: the file and the reason, exit 2."""
        target = workdir / "no-such-dir" / "report.txt"
        result = run("check", office_file, "--lang", "en", "--out", target, cwd=workdir)
        err = _no_traceback(result)
        assert result.returncode == 2
        assert f"cannot write {target}: No such file or directory" in err


class TestInputNoReaderShouldChokeOn:
    def test_json_nested_a_hundred_thousand_levels_is_bad_input(self, workdir: Path) -> None:
        """A recursion bomb: exit 2 and a message about nesting, no RecursionError."""
        path = workdir / "deep.json"
        path.write_text("[" * 100_000 + "]" * 100_000, encoding="utf-8")
        result = run("check", path, "--lang", "en", cwd=workdir)
        err = _no_traceback(result)
        assert result.returncode == 2
        assert "nested more than 64 levels deep" in err

    def test_json_nested_deeper_than_a_workspace_needs_is_located(self, workdir: Path) -> None:
        """Deep, but within what ``json`` parses: refused as too deep, no RecursionError."""
        path = workdir / "deep-office.json"
        path.write_text('{"office": ' * 200 + "1" + "}" * 200, encoding="utf-8")
        result = run("check", path, "--lang", "en", cwd=workdir)
        err = _no_traceback(result)
        assert result.returncode == 2
        assert "nested more than 64 levels deep" in err

    def test_a_title_with_a_lone_surrogate_is_refused_with_its_path_by_ics(
        self, workdir: Path
    ) -> None:
        """`"\\ud800"` is valid JSON but not text: `ics` names the field instead of crashing."""
        data = sample_data()
        data["office"]["activities"][0]["title"] = "\ud800 学习会"
        path = workdir / "surrogate.json"
        path.write_text(json.dumps(data), encoding="utf-8")  # ascii: the escape survives
        result = run(
            "ics", path, "--lang", "en", "--stamp", "2025-01-01T00:00:00+08:00", cwd=workdir
        )
        err = _no_traceback(result)
        assert result.returncode == 2
        assert "$.office.activities[0].title" in err
        assert "lone surrogate" in err

    def test_a_file_that_is_not_utf8_is_refused(self, workdir: Path) -> None:
        """Latin-1 bytes: "not UTF-8 text" with the byte offset."""
        path = workdir / "latin1.json"
        path.write_bytes('{"office": "café"}'.encode("latin-1"))
        result = run("check", path, "--lang", "en", cwd=workdir)
        err = _no_traceback(result)
        assert result.returncode == 2
        assert "not UTF-8 text (byte 15)" in err

    def test_every_problem_of_a_file_is_printed_in_one_run(self, workdir: Path) -> None:
        """Bad enum, naive time, 30 February, unknown id: all four lines in one run."""
        data = sample_data()
        data["office"]["staff"][0]["level"] = "boss"
        data["office"]["activities"][0]["span"]["start"] = "2025-01-14T09:00:00"
        data["coverage"]["start"] = "2025-02-30"
        data["plan"]["requests"][0]["participants"] = ["s999"]
        path = write_data(workdir, "four.json", data)
        result = run("plan", path, "--lang", "en", cwd=workdir)
        err = _no_traceback(result)
        assert result.returncode == 2
        for place in (
            "$.office.staff[0].level",
            "$.office.activities[0].span.start",
            "$.coverage.start",
            "$.plan.requests[0].participants[0]",
        ):
            assert place in err
