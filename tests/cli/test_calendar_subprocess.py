"""The 2027 calendar from the command line: a workspace reaching a year the installed
``chinesecalendar`` data lacks is checked as far as it can be, with the checks not made listed
loudly; a command that cannot run without the year points at where the year goes (the
workspace's ``calendar`` section or ``--calendar FILE``); either way supplies it."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from jiguan_core.calendar import builtin_years
from tests._cli_workspaces import sample_data, write_data

#: The State Council's 2027 notice is not in the installed data (it ends with 2026); this is a
#: made-up arrangement of the right shape, enough to let a check run.
ARRANGEMENT_2027 = {
    "year": 2027,
    "holidays": ["2027-01-01", "2027-10-01", "2027-10-04"],
    "working_weekend_days": ["2027-09-26"],
}


def run(*args: str | Path, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "jiguan_core", *map(str, args)],
        capture_output=True,
        text=True,
        encoding="utf-8",
        cwd=cwd,
        timeout=120,
        check=False,
    )


def _in_2027() -> dict[str, Any]:
    """The sample workspace with its first activity moved to Wednesday 10 March 2027."""
    data = sample_data()
    span = data["office"]["activities"][0]["span"]
    span["start"], span["end"] = "2027-03-10T09:00:00+08:00", "2027-03-10T11:00:00+08:00"
    return data


@pytest.fixture(scope="module")
def workdir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("calendar")


pytestmark = pytest.mark.skipif(
    builtin_years()[1] >= 2027, reason="the installed chinesecalendar already carries 2027"
)


class TestAYearTheDataLacks:
    def test_check_runs_and_says_loudly_which_checks_were_not_made(self, workdir: Path) -> None:
        """Exit 1 (something to act on), the rest of the report as usual, and a NOT MADE line
        naming the rule, the day and where to add the year."""
        path = write_data(workdir, "2027.json", _in_2027())
        result = run("check", path, "--lang", "en", cwd=workdir)
        assert result.returncode == 1
        assert "Traceback" not in result.stderr
        assert "NOT MADE: SCHED-C2-WORKDAYS/non_working_day on 2027-03-10" in result.stdout
        assert "--calendar FILE" in result.stdout
        assert "SCHED-COORD-PERSON" in result.stdout  # the rules that need no calendar were checked

    def test_check_json_lists_the_checks_not_made(self, workdir: Path) -> None:
        """`--json`: complete is false and not_made names the rule part, year and days."""
        path = write_data(workdir, "2027j.json", _in_2027())
        result = run("check", path, "--json", cwd=workdir)
        data = json.loads(result.stdout)
        assert data["complete"] is False
        assert data["not_made"][0]["part"] == "SCHED-C2-WORKDAYS/non_working_day"
        assert data["not_made"][0]["years"] == [2027]
        assert data["not_made"][0]["days"] == ["2027-03-10"]

    def test_coverage_in_2027_points_at_the_calendar_section_and_the_option(
        self, workdir: Path
    ) -> None:
        """A period that needs 2027's working days: exit 2 at $.calendar, saying what to add and
        in which shape; not at $.scheduling_policy, not at a Python constructor."""
        data = _in_2027()
        data["coverage"] = {"start": "2027-01-04", "end": "2027-01-18"}
        result = run("coverage", write_data(workdir, "cov.json", data), "--lang", "en", cwd=workdir)
        assert result.returncode == 2
        assert "Traceback" not in result.stderr
        assert "$.calendar:" in result.stderr
        assert "2027" in result.stderr
        assert "--calendar FILE" in result.stderr
        assert '"arrangements"' in result.stderr
        assert "$.scheduling_policy" not in result.stderr
        assert "WorkCalendar(" not in result.stderr

    def test_the_calendar_option_supplies_the_year(self, workdir: Path) -> None:
        """`--calendar FILE` with 2027's arrangement: the check runs (0 or 1, not 2)."""
        calendar = write_data(workdir, "cal2027.json", {"arrangements": [ARRANGEMENT_2027]})
        ws = write_data(workdir, "2027b.json", _in_2027())
        result = run("check", ws, "--calendar", calendar, "--lang", "en", "--json", cwd=workdir)
        assert result.returncode in (0, 1), result.stderr
        data = json.loads(result.stdout)
        assert data["complete"] is True
        assert data["not_made"] == []

    def test_a_calendar_section_in_the_workspace_supplies_the_year(self, workdir: Path) -> None:
        """The same arrangement inside the workspace file: the check runs."""
        data = _in_2027()
        data["calendar"] = {"arrangements": [ARRANGEMENT_2027], "closures": ["2027-03-12"]}
        result = run("check", write_data(workdir, "2027c.json", data), "--json", cwd=workdir)
        assert result.returncode in (0, 1), result.stderr
        assert json.loads(result.stdout)["complete"] is True

    def test_a_bad_arrangement_in_the_calendar_file_is_located(self, workdir: Path) -> None:
        """A 2026 day among 2027's holidays: exit 2, the path inside the --calendar file."""
        bad = {**ARRANGEMENT_2027, "holidays": ["2026-12-31"]}
        calendar = write_data(workdir, "bad-cal.json", {"arrangements": [bad]})
        ws = write_data(workdir, "2027d.json", _in_2027())
        result = run("check", ws, "--calendar", calendar, "--lang", "en", cwd=workdir)
        assert result.returncode == 2
        assert "--calendar $.arrangements[0]" in result.stderr
        assert "Traceback" not in result.stderr

    def test_a_year_given_twice_is_refused(self, workdir: Path) -> None:
        """Two arrangements for 2027 in the workspace: exit 2 at $.calendar.arrangements."""
        data = _in_2027()
        data["calendar"] = {"arrangements": [ARRANGEMENT_2027, ARRANGEMENT_2027]}
        result = run("check", write_data(workdir, "twice.json", data), "--lang", "en", cwd=workdir)
        assert result.returncode == 2
        assert "$.calendar.arrangements" in result.stderr
