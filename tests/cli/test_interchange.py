"""The interchange format: the shipped schema, reading with every problem's path, durations."""

from __future__ import annotations

import copy
import datetime as dt
import json
from importlib.resources import files

import jsonschema
import pytest

from jiguan_core.cli import (
    SCHEMA_FILE,
    CoverageSection,
    Workspace,
    load_workspace,
    parse_workspace,
    sample_workspace,
    schema_files,
    schema_problems,
    workspace_schema,
    workspace_to_dict,
)
from jiguan_core.errors import ConversionError, IntegrityError, InvalidValue
from jiguan_core.examples.office import sample_office
from jiguan_core.serialization import _duration_text, _parse_duration
from tests._cli_workspaces import sample_data


def _paths(error: ConversionError) -> list[str]:
    return [p.path for p in error.problems]


class TestShippedSchema:
    def test_the_shipped_schema_file_equals_the_generated_schema(self) -> None:
        """The file in jiguan_core/schemas is what the generator writes today (regenerate it with
        tools/gen_docs.py when a class changes)."""
        shipped = files("jiguan_core").joinpath("schemas", SCHEMA_FILE).read_text(encoding="utf-8")
        assert shipped == schema_files()[SCHEMA_FILE]

    def test_the_workspace_schema_is_a_valid_draft_2020_12_schema(self) -> None:
        """The generated schema passes the meta-schema check, and it constrains: a workspace
        with an unknown top-level section is refused."""
        schema = workspace_schema()
        meta = jsonschema.Draft202012Validator(jsonschema.Draft202012Validator.META_SCHEMA)
        assert [e.message for e in meta.iter_errors(schema)] == []
        assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
        bad = dict(sample_data(), surprise={})
        assert not jsonschema.Draft202012Validator(schema).is_valid(bad)

    def test_the_sample_workspace_validates_and_round_trips(self) -> None:
        """The sample workspace (every section) validates and reads back equal."""
        data = sample_data()
        assert schema_problems(data) == []
        assert load_workspace(data) == sample_workspace()

    def test_an_office_alone_is_a_workspace(self) -> None:
        """Only the office is required; the version defaults to 1."""
        data = {"office": workspace_to_dict(Workspace(office=sample_office()))["office"]}
        assert load_workspace(data).version == 1


class TestReadingProblems:
    def test_not_json_is_reported_with_line_and_column(self) -> None:
        """Broken JSON: one problem that says where."""
        with pytest.raises(ConversionError) as caught:
            parse_workspace('{"office": [1, 2')
        assert _paths(caught.value)[0].startswith("$ (line 1, column")

    def test_every_schema_problem_is_listed_sorted_by_path(self) -> None:
        """A missing office and an unknown field: both listed, sorted by path."""
        with pytest.raises(ConversionError) as caught:
            load_workspace({"nickname": "x", "coverage": {"start": "2025-13-01", "end": "x"}})
        paths = _paths(caught.value)
        assert paths == sorted(paths)
        assert "$" in paths
        assert "$.coverage.end" in paths

    def test_a_value_that_is_neither_null_nor_valid_is_explained_by_the_real_type(self) -> None:
        """For an optional section, the message speaks of the section, not of null."""
        data = sample_data()
        data["coverage"] = {"start": "2025-04-01"}
        problems = schema_problems(data)
        assert [p.path for p in problems] == ["$.coverage"]
        assert "'end' is a required property" in problems[0].message_en

    def test_another_format_version_is_refused(self) -> None:
        """Version 2 is not read by this library."""
        data = sample_data()
        data["version"] = 2
        with pytest.raises(ConversionError) as caught:
            load_workspace(data)
        assert _paths(caught.value) == ["$.version"]

    def test_unknown_ids_in_every_section_are_listed_with_their_paths(self) -> None:
        """Plan, assessment, coverage, rotation and statistics ids are all checked at once."""
        data = sample_data()
        data["plan"]["requests"][2]["rooms"] = ["r-nowhere"]
        data["assessment"]["records"]["quarter_scores"][0]["staff_id"] = "s999"
        data["coverage"]["post_ids"] = ["p-nowhere"]
        data["rotation"]["under_investigation"] = ["s998"]
        data["statistics"]["records"][0]["department_id"] = "d-nowhere"
        with pytest.raises(ConversionError) as caught:
            load_workspace(data)
        assert _paths(caught.value) == [
            "$.assessment.records.quarter_scores[0].staff_id",
            "$.coverage.post_ids[0]",
            "$.plan.requests[2].rooms[0]",
            "$.rotation.under_investigation[0]",
            "$.statistics.records[0].department_id",
        ]

    def test_every_kind_of_problem_is_reported_in_one_pass(self) -> None:
        """A bad enum and a naive time (schema) hide neither a 30 February (converter) nor an
        unknown id (references): all four come in one error, each with its path."""
        data = sample_data()
        data["office"]["staff"][0]["level"] = "boss"
        data["office"]["activities"][0]["span"]["start"] = "2025-01-14T09:00:00"
        data["coverage"]["start"] = "2025-02-30"
        data["plan"]["requests"][0]["participants"] = ["s999"]
        before = copy.deepcopy(data)
        with pytest.raises(ConversionError) as caught:
            load_workspace(data)
        paths = _paths(caught.value)
        assert "$.office.staff[0].level" in paths
        assert "$.office.activities[0].span.start" in paths
        assert "$.coverage.start" in paths
        assert "$.plan.requests[0].participants[0]" in paths
        assert paths == sorted(paths)
        assert data == before

    def test_a_converter_problem_under_a_schema_problem_is_not_repeated(self) -> None:
        """The naive time is reported once, by the schema, not again by the converter."""
        data = sample_data()
        data["office"]["activities"][0]["span"]["start"] = "2025-01-14T09:00:00"
        with pytest.raises(ConversionError) as caught:
            load_workspace(data)
        assert _paths(caught.value) == ["$.office.activities[0].span.start"]

    def test_the_references_are_checked_when_the_workspace_is_built_in_python(self) -> None:
        """The same check runs on construction, not only when reading JSON."""
        with pytest.raises(IntegrityError):
            Workspace(
                office=sample_office(),
                coverage=CoverageSection(
                    start=dt.date(2025, 1, 1), end=dt.date(2025, 2, 1), post_ids=("p-nowhere",)
                ),
            )


class TestDurations:
    @pytest.mark.parametrize(
        ("text", "value"),
        [
            ("PT1H", dt.timedelta(hours=1)),
            ("PT1H30M", dt.timedelta(hours=1, minutes=30)),
            ("P2D", dt.timedelta(days=2)),
            ("P1DT2H3M4S", dt.timedelta(days=1, hours=2, minutes=3, seconds=4)),
            ("PT0S", dt.timedelta(0)),
        ],
    )
    def test_durations_are_written_and_read_as_iso_8601(
        self, text: str, value: dt.timedelta
    ) -> None:
        """Each duration writes as its ISO text and reads back."""
        assert _duration_text(value) == text
        assert _parse_duration(text, dt.timedelta) == value

    @pytest.mark.parametrize("text", ["P", "PT", "P1DT", "1H", "PT1.5H", 60])
    def test_malformed_durations_are_refused_by_the_converter_and_the_schema(
        self, text: object
    ) -> None:
        """What the converter refuses, the schema refuses too."""
        with pytest.raises(InvalidValue):
            _parse_duration(text, dt.timedelta)
        data = sample_data()
        data["plan"]["requests"][0]["duration"] = text
        assert [p.path for p in schema_problems(data)] == ["$.plan.requests[0].duration"]


def test_the_schema_text_is_sorted_json() -> None:
    """The shipped text is sorted, indented JSON (stable diffs when a class changes)."""
    text = schema_files()[SCHEMA_FILE]
    assert text == json.dumps(json.loads(text), ensure_ascii=False, indent=2, sort_keys=True) + "\n"
