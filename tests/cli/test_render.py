"""Rendering for the command line: tables, JSON, problem lists, and the commands' text."""

from __future__ import annotations

import json

import attrs
import pytest

from jiguan_core.cli import EXIT_ACTION, EXIT_OK, Workspace, run_check, run_coverage
from jiguan_core.cli.commands import as_problems
from jiguan_core.cli.render import display_width, problems_text, table, to_json_text
from jiguan_core.errors import InvalidInput, InvalidValue, Problem, UnknownEntity
from jiguan_core.examples.office import sample_office
from tests._two_processes import two_runs


class TestTable:
    def test_chinese_characters_count_as_two_columns(self) -> None:
        """A wide character takes two terminal columns, an ASCII one takes one."""
        assert display_width("岗位") == 4
        assert display_width("p-1") == 3
        assert display_width("岗位p") == 5

    def test_columns_line_up_with_mixed_chinese_and_ascii_cells(self) -> None:
        """Every row's second column starts at the same display column."""
        text = table(["人员", "等次"], [["s001", "优秀"], ["一个很长的名字", "称职"]])
        lines = text.splitlines()
        starts = {
            display_width(line[: line.index(cell)])
            for line, cell in zip(lines, ["等次", "-", "优秀", "称职"], strict=True)
            if cell != "-"
        }
        assert starts == {display_width("一个很长的名字") + 2}
        assert lines[1].startswith("-" * display_width("一个很长的名字"))

    def test_none_shows_as_a_dash_and_trailing_spaces_are_trimmed(self) -> None:
        """Missing values print as '-'; no line ends in a space."""
        text = table(["a", "b"], [[None, ""], ["x", 1]])
        assert text.splitlines()[2] == "-"
        assert all(not line.endswith(" ") for line in text.splitlines())

    def test_a_row_of_the_wrong_length_is_refused(self) -> None:
        """Rows must have as many cells as the header."""
        with pytest.raises(ValueError, match="cells"):
            table(["a", "b"], [["only one"]])


class TestJsonAndProblems:
    def test_json_output_is_sorted_and_keeps_chinese(self) -> None:
        """Keys are sorted, Chinese is written as is, and the text ends in a newline."""
        text = to_json_text({"b": 1, "a": "机关"})
        assert text == '{\n  "a": "机关",\n  "b": 1\n}\n'

    def test_problems_are_listed_one_per_line_in_the_chosen_language(self) -> None:
        """Each problem prints as `path: message`, under a heading with the count."""
        problems = [Problem("$.a", "bad a", "a 有误"), Problem("$.b[0]", "bad b", "b 有误")]
        en = problems_text(problems, "en", source="x.json")
        zh = problems_text(problems, "zh")
        assert en.splitlines() == [
            "x.json: 2 problem(s) in the input:",
            "  $.a: bad a",
            "  $.b[0]: bad b",
        ]
        assert zh.splitlines()[0] == "输入有 2 处问题："
        assert "  $.a: a 有误" in zh.splitlines()

    def test_library_errors_become_problems_under_the_section_path(self) -> None:
        """Relative paths are put under the section; a field names the place."""
        nested = InvalidInput([Problem("records[2].staff_id", "unknown", "未知")])
        assert [p.path for p in as_problems(nested, "$.assessment")] == [
            "$.assessment.records[2].staff_id"
        ]
        value = InvalidValue("too big", "太大", field="year", value=1)
        assert as_problems(value, "$.assessment")[0].path == "$.assessment.year"
        unknown = UnknownEntity("staff", "s999")
        assert as_problems(unknown, "$")[0].path == "$"


class TestCommandText:
    def test_check_renders_the_summary_and_exits_1_on_hard_violations(self) -> None:
        """The sample's check: English headings, every rule in the summary, exit 1."""
        outcome = run_check(Workspace(office=sample_office()), lang="en")
        assert outcome.exit_code == EXIT_ACTION
        for rule_id in ("SCHED-COORD-PERSON", "SCHED-LEADERS-TRIPS"):
            assert rule_id in outcome.text
        assert outcome.text.startswith("conflict check:")

    def test_check_json_is_deterministic(self) -> None:
        """Two interpreters with different hash seeds give byte-identical JSON, this one's, with
        every violation's bilingual message."""
        ws = Workspace(office=sample_office())
        first = run_check(ws, as_json=True).text
        one, two = two_runs(
            "from jiguan_core.cli import Workspace, run_check\n"
            "from jiguan_core.examples.office import sample_office\n"
            "print(run_check(Workspace(office=sample_office()), as_json=True).text)\n"
        )
        assert one == two == first + "\n"
        data = json.loads(first)
        assert data["violations"][0]["message"].keys() == {"zh", "en"}

    def test_check_of_an_empty_calendar_exits_0(self) -> None:
        """No activities and no absences: no violation, exit 0, Chinese verdict."""
        office = attrs.evolve(sample_office(), activities=(), absences=())
        outcome = run_check(Workspace(office=office))
        assert outcome.exit_code == EXIT_OK
        assert "无硬约束违规" in outcome.text

    def test_a_command_without_its_section_is_bad_input(self) -> None:
        """`coverage` on a workspace with no coverage section names the missing section."""
        with pytest.raises(InvalidInput) as caught:
            run_coverage(Workspace(office=sample_office()))
        assert [p.path for p in caught.value.problems] == ["$.coverage"]


class TestPlanAndIcs:
    def test_plan_reports_progress_through_the_callback_only(self) -> None:
        """The progress callback gets a line before, a few while requests are tried, and one
        after; the text is the plan."""
        from jiguan_core.cli import run_plan, sample_workspace

        lines: list[str] = []
        outcome = run_plan(sample_workspace(), lang="en", progress=lines.append)
        assert lines[0].startswith("planning")
        assert lines[-1].startswith("done")
        tried = lines[1:-1]
        assert 1 <= len(tried) <= 10
        assert all(line.strip().startswith("tried") for line in tried)
        done, total = tried[-1].split()[1].split("/")
        assert done == total
        assert "planning" not in outcome.text
        assert outcome.exit_code == EXIT_ACTION  # the sample quarter leaves requests unplaced

    def test_ics_with_an_unknown_person_names_the_option(self) -> None:
        """An id the office lacks is bad input at the option that gave it."""
        import datetime as dt

        from jiguan_core.cli import run_ics

        with pytest.raises(InvalidInput) as caught:
            run_ics(
                Workspace(office=sample_office()),
                stamp=dt.datetime(2025, 1, 1, tzinfo=dt.UTC),
                person_id="s999",
            )
        assert [p.path for p in caught.value.problems] == ["--person"]


class TestScoreSign:
    @pytest.mark.parametrize("command", ["check", "plan"])
    def test_the_json_score_has_the_sign_the_text_shows(self, command: str) -> None:
        """Penalties are negative in the text (-68hard/...) and so they are in the JSON."""
        from jiguan_core.cli import run_plan, sample_workspace

        run = run_check if command == "check" else run_plan
        ws = sample_workspace()
        score = json.loads(run(ws, lang="en", as_json=True).text)["score"]
        text = run(ws, lang="en").text
        assert score["text"] == f"{score['hard']}hard/{score['medium']}medium/{score['soft']}soft"
        assert score["text"] in text
        assert max(score["hard"], score["medium"], score["soft"]) <= 0


class TestTablesFitTheTerminal:
    def test_a_table_fits_the_width_it_is_given(self) -> None:
        """Long cells wrap inside their column; no line is wider than the width."""
        long = "a message long enough to need wrapping in a narrow terminal window"
        text = table(["rule", "message"], [["SCH1", long], ["SCH2", "short"]], width=40)
        assert max(display_width(line) for line in text.splitlines()) <= 40
        assert " ".join(text.split()).count("wrapping") == 1

    def test_the_terminal_width_applies_inside_table_width(self) -> None:
        """The command line sets the width once; every table drawn inside fits it."""
        from jiguan_core.cli.render import table_width

        rows = [["s001", "一个很长很长很长很长很长很长很长很长的名字"]]
        with table_width(24):
            narrow = table(["id", "name"], rows)
        wide = table(["id", "name"], rows)
        assert max(display_width(line) for line in narrow.splitlines()) <= 24
        assert len(wide.splitlines()) == 3

    def test_numbers_are_right_aligned(self) -> None:
        """A column of numbers lines up on its last digit."""
        text = table(["who", "count"], [["a", 5], ["b", 120], ["c", None]])
        lines = text.splitlines()[2:]
        ends = {len(line) for line in lines[:2]}
        assert len(ends) == 1
        assert lines[2].endswith("-")
