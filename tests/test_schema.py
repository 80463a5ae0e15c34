"""The JSON Schema is generated from the attrs classes and agrees with the converter."""

from __future__ import annotations

import copy

import jsonschema
import pytest

from jiguan_core import Activity, InvalidValue, Organization, Staff, sample_office, to_dict
from jiguan_core.schema import json_schema


def _validator(cls: type) -> jsonschema.Draft202012Validator:
    schema = json_schema(cls)
    jsonschema.Draft202012Validator.check_schema(schema)
    return jsonschema.Draft202012Validator(schema, format_checker=jsonschema.FormatChecker())


class TestJsonSchema:
    def test_the_organization_schema_is_a_valid_draft_2020_12_schema(self) -> None:
        """The generated schema passes the meta-schema check and names the office's parts."""
        schema = json_schema(Organization)
        meta = jsonschema.Draft202012Validator(jsonschema.Draft202012Validator.META_SCHEMA)
        assert [e.message for e in meta.iter_errors(schema)] == []
        assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
        assert {"staff", "departments", "posts", "activities"} <= set(schema["properties"])

    def test_the_sample_office_validates_against_the_schema(self) -> None:
        """What the converter writes for the sample office is valid per the schema."""
        assert list(_validator(Organization).iter_errors(to_dict(sample_office()))) == []

    def test_a_naive_datetime_is_refused_with_its_json_path(self) -> None:
        """A datetime without offset fails at its path."""
        data = copy.deepcopy(to_dict(sample_office()))
        data["activities"][0]["span"]["start"] = "2025-01-14T09:00:00"
        errors = list(_validator(Organization).iter_errors(data))
        assert [e.json_path for e in errors] == ["$.activities[0].span.start"]

    def test_an_unknown_enum_value_and_an_extra_field_are_refused(self) -> None:
        """Enums are closed and objects allow no extra keys, as in the converter."""
        data = copy.deepcopy(to_dict(sample_office()))
        data["staff"][0]["level"] = "boss"
        data["staff"][1]["nickname"] = "x"
        paths = sorted(e.json_path for e in _validator(Organization).iter_errors(data))
        assert paths == ["$.staff[0].level", "$.staff[1]"]

    def test_required_fields_are_those_without_defaults(self) -> None:
        """A field with a default may be left out; one without must be given."""
        schema = json_schema(Staff)
        assert set(schema["required"]) == {"id", "name", "department_id", "level", "hire_date"}

    def test_enums_list_their_chinese_terms(self) -> None:
        """The schema's enum descriptions carry the Chinese terms."""
        definitions = json_schema(Activity)["$defs"]
        assert "research = 调研" in definitions["ActivityKind"]["description"]

    def test_a_class_that_is_not_attrs_is_refused(self) -> None:
        """Only domain classes have a schema."""
        with pytest.raises(InvalidValue):
            json_schema(dict)
