"""The command line end to end: ``python -m jiguan_core ...`` in a subprocess, on the sample
office exported as a workspace file and on broken files (exit codes, messages, no traceback)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from jiguan_core.cli import SCHEMA_FILE, schema_files
from tests._cli_workspaces import export_sample_workspace, sample_data, write_data


def jiguan(*args: str | Path, cwd: Path) -> subprocess.CompletedProcess[str]:
    """Run the command line as a user would, in ``cwd``."""
    return subprocess.run(
        [sys.executable, "-m", "jiguan_core", *map(str, args)],
        capture_output=True,
        text=True,
        encoding="utf-8",
        cwd=cwd,
        timeout=120,
        check=False,
    )


@pytest.fixture(scope="module")
def workdir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("cli")


@pytest.fixture(scope="module")
def office_file(workdir: Path) -> Path:
    return export_sample_workspace(workdir)


def _assert_bad_input(result: subprocess.CompletedProcess[str], *fragments: str) -> None:
    assert result.returncode == 2, result.stderr
    assert result.stdout == ""
    assert "Traceback" not in result.stderr
    for fragment in fragments:
        assert fragment in result.stderr


class TestOnTheSampleOffice:
    def test_demo_still_prints_the_sample_office_summary(self, workdir: Path) -> None:
        """`demo --lang en` exits 0 and prints the English demo."""
        from jiguan_core.examples.demo import demo_text

        result = jiguan("demo", "--lang", "en", cwd=workdir)
        assert result.returncode == 0
        assert result.stdout == demo_text("en")

    def test_check_reports_the_sample_conflicts_and_exits_1(
        self, office_file: Path, workdir: Path
    ) -> None:
        """The sample calendar has hard conflicts: the table names SCHED-COORD-PERSON and the exit is 1."""
        result = jiguan("check", office_file, cwd=workdir)
        assert result.returncode == 1
        assert "SCHED-COORD-PERSON" in result.stdout
        assert "硬" in result.stdout
        assert result.stderr == ""

    def test_check_json_is_the_same_as_in_process(self, office_file: Path, workdir: Path) -> None:
        """`check --json` prints sorted JSON equal to the in-process command's."""
        from jiguan_core.cli import run_check, sample_workspace

        result = jiguan("check", office_file, "--json", cwd=workdir)
        assert result.returncode == 1
        assert result.stdout == run_check(sample_workspace(), as_json=True).text
        data = json.loads(result.stdout)
        assert data["feasible"] is False
        assert data["score"]["hard"] < 0  # the sign the text shows: penalties are negative

    def test_check_of_an_office_without_conflicts_exits_0(self, workdir: Path) -> None:
        """An office with no activities and no absences has nothing to violate: exit 0."""
        data = sample_data()
        data["office"]["activities"] = []
        data["office"]["absences"] = []
        data["policy"]["blackouts"] = []
        result = jiguan(
            "check", write_data(workdir, "quiet.json", data), "--lang", "en", cwd=workdir
        )
        assert result.returncode == 0, result.stderr
        assert "no hard violation" in result.stdout

    def test_plan_prints_the_placements_and_exits_1_for_unplaced_requests(
        self, office_file: Path, workdir: Path
    ) -> None:
        """The sample quarter leaves requests unplaced: JSON lists them and the exit is 1."""
        result = jiguan("plan", office_file, "--json", cwd=workdir)
        assert result.returncode == 1
        data = json.loads(result.stdout)
        assert data["placed"]
        assert data["unplaced"]
        assert data["score"]["hard"] == 0
        assert result.stderr == ""  # no progress lines: stderr is not a terminal here

    def test_assess_prints_the_quarters_and_the_year_in_english(
        self, office_file: Path, workdir: Path
    ) -> None:
        """`assess --lang en` shows each quarter and the annual table."""
        result = jiguan("assess", office_file, "--lang", "en", cwd=workdir)
        assert result.returncode in (0, 1)
        assert "2025 Q1 routine assessment" in result.stdout
        assert "2025 annual assessment" in result.stdout

    def test_coverage_finds_no_gap_in_the_sample_quarter(
        self, office_file: Path, workdir: Path
    ) -> None:
        """The sample's A/B roles cover every key post in April-June: exit 0."""
        result = jiguan("coverage", office_file, cwd=workdir)
        assert result.returncode == 0
        assert "p-office-1" in result.stdout

    def test_rotation_lists_who_is_due_and_exits_1(self, office_file: Path, workdir: Path) -> None:
        """Some sample staff are overdue for rotation at the end of 2025."""
        result = jiguan("rotation", office_file, "--json", cwd=workdir)
        assert result.returncode == 1
        statuses = {c["status"] for c in json.loads(result.stdout)["checks"]}
        assert "due" in statuses

    def test_stats_since_a_date_writes_only_the_out_file(
        self, office_file: Path, workdir: Path
    ) -> None:
        """`stats --since ... --out F` writes F, prints nothing and exits 0."""
        out = workdir / "stats.json"
        result = jiguan(
            "stats", office_file, "--since", "2025-01-01", "--json", "--out", out, cwd=workdir
        )
        assert result.returncode == 0
        assert result.stdout == ""
        figures = json.loads(out.read_text(encoding="utf-8"))
        assert figures["start"] == "2025-01-01"
        assert sum(figures["totals"].values()) > 0

    def test_ics_of_a_leader_parses_back_with_icalendar(
        self, office_file: Path, workdir: Path
    ) -> None:
        """The leader's calendar is valid iCalendar whose events all list the leader."""
        import icalendar

        out = workdir / "leader.ics"
        result = jiguan(
            "ics",
            office_file,
            "--leader",
            "s001",
            "--stamp",
            "2025-01-01T00:00:00+08:00",
            "--out",
            out,
            cwd=workdir,
        )
        assert result.returncode == 0, result.stderr
        calendar = icalendar.Calendar.from_ical(out.read_bytes())
        events = list(calendar.walk("VEVENT"))
        assert events
        assert all(str(e["UID"]).endswith(".jiguan-core.invalid") for e in events)

    def test_schema_out_writes_the_shipped_schema(self, workdir: Path) -> None:
        """`schema --out F` writes exactly the schema shipped in the package."""
        out = workdir / "workspace.schema.json"
        result = jiguan("schema", "--out", out, cwd=workdir)
        assert result.returncode == 0
        assert result.stdout == ""
        assert out.read_text(encoding="utf-8") == schema_files()[SCHEMA_FILE]


class TestOnBrokenFiles:
    def test_a_file_that_is_not_json_exits_2_with_line_and_column(self, workdir: Path) -> None:
        """Truncated JSON: exit 2, the position of the error, no traceback."""
        path = workdir / "truncated.json"
        path.write_text('{"office": {', encoding="utf-8")
        _assert_bad_input(jiguan("check", path, "--lang", "en", cwd=workdir), "not JSON", "line 1")

    def test_schema_violations_and_naive_times_are_all_listed_with_paths(
        self, workdir: Path
    ) -> None:
        """A naive time, a bad enum value and a bad duration: three problems, three paths."""
        data = sample_data()
        data["office"]["activities"][0]["span"]["start"] = "2025-01-14T09:00:00"
        data["office"]["staff"][0]["level"] = "boss"
        data["plan"]["requests"][1]["duration"] = "two hours"
        path = write_data(workdir, "schema.json", data)
        _assert_bad_input(
            jiguan("plan", path, "--lang", "en", cwd=workdir),
            "3 problem(s)",
            "$.office.activities[0].span.start: '2025-01-14T09:00:00' is not a datetime with its UTC offset",
            "$.office.staff[0].level",
            "$.plan.requests[1].duration",
        )

    def test_unknown_ids_in_the_sections_are_listed_with_paths(self, workdir: Path) -> None:
        """Ids the office does not define, in the plan and the rotation sections: exit 2."""
        data = sample_data()
        data["plan"]["requests"][0]["participants"].append("s999")
        data["rotation"]["under_investigation"] = ["nobody"]
        path = write_data(workdir, "unknown.json", data)
        _assert_bad_input(
            jiguan("rotation", path, cwd=workdir),
            "$.plan.requests[0].participants",
            "'s999'",
            "$.rotation.under_investigation",
            "'nobody'",
        )

    def test_a_missing_file_exits_2(self, workdir: Path) -> None:
        """A file that does not exist: exit 2 and the reason."""
        _assert_bad_input(
            jiguan("assess", workdir / "nowhere.json", "--lang", "en", cwd=workdir),
            "cannot read",
        )
        assert not (workdir / "nowhere.json").exists()
