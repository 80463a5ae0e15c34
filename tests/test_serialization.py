"""Serialization at the edge: strict reading, every problem with its path, and the sample."""

from __future__ import annotations

import copy
import datetime as dt
import json
from typing import Any

import pendulum
import pytest

from jiguan_core.activity import Activity, ActivityKind
from jiguan_core.calendar import DateRange, WorkCalendar, YearArrangement
from jiguan_core.errors import ConversionError, JiguanError
from jiguan_core.examples.office import SAMPLE_YEAR, sample_office
from jiguan_core.organization import Organization
from jiguan_core.post import Post
from jiguan_core.room import Room
from jiguan_core.serialization import from_dict, from_json, make_converter, to_dict, to_json
from jiguan_core.staff import Staff
from jiguan_core.task import Task
from jiguan_core.time import SHANGHAI, TimeSpan


def _activity_dict() -> dict[str, Any]:
    return to_dict(sample_office().activities[0])  # type: ignore[no-any-return]


def _errors(cls: type[Any], data: Any) -> dict[str, str]:
    with pytest.raises(ConversionError) as caught:
        from_dict(cls, data)
    return {p.path: p.message_en for p in caught.value.problems}


def test_a_time_span_becomes_two_iso_strings_with_offsets() -> None:
    """Datetimes are written as ISO 8601 with their UTC offset."""
    span = TimeSpan(
        pendulum.datetime(2025, 3, 3, 9, tz=SHANGHAI),
        pendulum.datetime(2025, 3, 3, 10, tz=SHANGHAI),
    )
    assert to_dict(span) == {
        "start": "2025-03-03T09:00:00+08:00",
        "end": "2025-03-03T10:00:00+08:00",
    }


def test_enums_become_their_english_values_and_sets_become_sorted_lists() -> None:
    """JSON holds enum values; frozensets are written in one stable order."""
    data = to_dict(sample_office().key_posts[0])
    assert data["key_areas"] == sorted(data["key_areas"])
    assert all(isinstance(v, str) for v in data["key_areas"])


def test_a_missing_field_is_reported_with_its_path() -> None:
    """A required field left out is "required field is missing" at its path."""
    data = _activity_dict()
    del data["title"]
    assert _errors(Activity, data) == {"$.title": "required field is missing"}


def test_a_wrong_type_is_reported_not_coerced() -> None:
    """ "3" is not 3, 1 is not true, and a number is not an id."""
    room = {"id": "r", "name": "会议室", "capacity": "30"}
    assert "$.capacity" in _errors(Room, room)
    data = _activity_dict()
    data["off_site"] = 1
    data["department_id"] = 7
    assert set(_errors(Activity, data)) == {"$.off_site", "$.department_id"}


def test_an_unknown_enum_value_lists_the_choices() -> None:
    """kind "party" is not an ActivityKind; the message lists the valid values."""
    data = _activity_dict()
    data["kind"] = "party"
    message = _errors(Activity, data)["$.kind"]
    assert "'party' is not a ActivityKind" in message
    assert "research" in message


def test_a_naive_datetime_string_is_reported() -> None:
    """A datetime without an offset is refused at its path."""
    data = _activity_dict()
    data["span"]["start"] = "2025-03-03T09:00:00"
    assert "no time zone" in _errors(Activity, data)["$.span.start"]


def test_a_date_must_be_an_iso_date_string() -> None:
    """Dates are YYYY-MM-DD strings, not datetimes or numbers."""
    data = to_dict(sample_office().tasks[0])
    data["deadline"] = "2025-03-03T09:00:00+08:00"
    data["created"] = 20250301
    assert set(_errors(Task, data)) == {"$.deadline", "$.created"}


def test_an_unknown_field_is_reported() -> None:
    """Extra keys are refused (a typo would otherwise be silently ignored)."""
    data = _activity_dict()
    data["titel"] = "x"
    assert "unknown field(s) titel" in _errors(Activity, data)["$"]


def test_a_string_where_a_list_is_expected_is_not_split_into_characters() -> None:
    """ "finance" is not ["f", "i", ...]; a dict is not a list of its keys."""
    post = to_dict(sample_office().key_posts[0])
    post["key_areas"] = "finance"
    assert "expected a list" in _errors(Post, post)["$.key_areas"]
    data = _activity_dict()
    data["participants"] = {"s001": True}
    assert "expected a list" in _errors(Activity, data)["$.participants"]


def test_a_non_object_where_an_object_is_expected_is_reported() -> None:
    """A list or a string given for a TimeSpan or a Staff is refused, never an AttributeError."""
    data = _activity_dict()
    data["span"] = ["2025-03-03T09:00:00+08:00"]
    assert "expected an object (dict) for TimeSpan" in _errors(Activity, data)["$.span"]
    for value in (None, 3, "x", [], [{}]):
        assert "$" in _errors(Staff, value)


def test_a_rule_across_fields_is_reported_at_the_field_it_blames() -> None:
    """A study session with a meeting kind is reported at $.meeting_kind."""
    data = _activity_dict()
    data["kind"] = "study_session"
    data["meeting_kind"] = "chair_meeting"
    assert "meeting_kind" in _errors(Activity, data)["$.meeting_kind"]


def test_every_problem_is_listed_at_once() -> None:
    """Four independent mistakes, four problems, in one ConversionError."""
    data = to_dict(sample_office())
    data["staff"][0]["level"] = "king"
    del data["staff"][1]["name"]
    data["activities"][2]["span"]["end"] = "soon"
    data["rooms"] = "none"
    found = _errors(Organization, data)
    assert set(found) == {
        "$.staff[0].level",
        "$.staff[1].name",
        "$.activities[2].span.end",
        "$.rooms",
    }


def test_a_dangling_reference_is_reported_by_id_path() -> None:
    """Integrity problems come through from_dict as ConversionError, prefixed with $."""
    data = to_dict(sample_office())
    data["staff"][3]["department_id"] = "d-nowhere"
    found = _errors(Organization, data)
    staff_id = data["staff"][3]["id"]
    assert "unknown department id 'd-nowhere'" in found[f"$.staff[{staff_id}].department_id"]


def test_a_conversion_error_is_a_jiguan_error_and_a_value_error_in_two_languages() -> None:
    """Callers catch it either way and can show it in Chinese."""
    with pytest.raises(ConversionError) as caught:
        from_dict(Room, {"id": "r"})
    assert isinstance(caught.value, JiguanError)
    assert isinstance(caught.value, ValueError)
    assert "缺少必填字段" in caught.value.render("zh")
    assert "无法读取输入" in caught.value.render("zh")


def test_from_dict_never_modifies_its_input() -> None:
    """The caller's dict is left exactly as it was, valid or not."""
    data = to_dict(sample_office())
    data["staff"][0]["level"] = "king"
    before = copy.deepcopy(data)
    with pytest.raises(ConversionError):
        from_dict(Organization, data)
    assert data == before


def test_from_json_reports_text_that_is_not_json() -> None:
    """Broken JSON is a ConversionError with line and column."""
    with pytest.raises(ConversionError) as caught:
        from_json(Room, '{"id": ')
    assert "line 1" in caught.value.problems[0].path


def test_to_json_keeps_chinese_readable() -> None:
    """ensure_ascii is off: Chinese stays Chinese in the JSON text."""
    assert "会议室" in to_json(Room(id="r1", name="会议室"))
    assert json.loads(to_json(Room(id="r1", name="会议室"), indent=2))["name"] == "会议室"


def test_the_office_zone_survives_a_json_round_trip() -> None:
    """A span in Asia/Shanghai reads back in Asia/Shanghai."""
    span = sample_office().activities[0].span
    again = from_json(TimeSpan, to_json(span))
    assert again == span
    assert again.start.timezone_name == "Asia/Shanghai"


def test_calendar_values_round_trip() -> None:
    """YearArrangement and DateRange convert like the domain classes."""
    arrangement = YearArrangement(
        year=2027, holidays=[dt.date(2027, 1, 1)], working_weekend_days=[dt.date(2027, 2, 6)]
    )
    assert from_dict(YearArrangement, to_dict(arrangement)) == arrangement
    days = DateRange(dt.date(2025, 1, 1), dt.date(2025, 2, 1))
    assert from_dict(DateRange, to_dict(days)) == days
    calendar = WorkCalendar(arrangements=[from_dict(YearArrangement, to_dict(arrangement))])
    assert calendar.is_working_day(dt.date(2027, 2, 6))


def test_make_converter_returns_a_fresh_converter_each_time() -> None:
    """Callers extend their own copy; the library's converter cannot be reconfigured."""
    assert make_converter() is not make_converter()
    converter = make_converter()
    room = Room(id="r1", name="会议室")
    assert converter.structure(converter.unstructure(room), Room) == room


# The sample office --------------------------------------------------------------------------


def test_the_sample_office_has_the_documented_size() -> None:
    """About 10 departments, 60 staff, posts, AB roles, a year of activities and absences."""
    org = sample_office()
    assert len(org.departments) == 10
    assert len(org.staff) == 60
    assert len(org.ab_roles) >= 5
    assert len(org.activities) > 100
    assert len(org.absences) > 20
    assert org.leadership_members
    assert any(s.relatives for s in org.staff)
    assert any(a.role.value == "secondary" for a in org.assignments)


def test_the_sample_activities_lie_in_the_sample_year() -> None:
    """SAMPLE_YEAR is 2025, and the calendar covers every activity."""
    calendar = WorkCalendar()
    activities = sample_office().activities
    assert activities
    assert {a.span.start.in_timezone(SHANGHAI).year for a in activities} == {SAMPLE_YEAR}
    days = {day for a in activities for day in a.span.dates()}
    assert {type(calendar.is_working_day(day)) for day in days} == {bool}


def test_the_sample_office_is_cached_and_deterministic() -> None:
    """The same object every call, and the same JSON as a fresh build."""
    from jiguan_core.examples.office import _build

    assert sample_office() is sample_office()
    assert to_json(_build()) == to_json(sample_office())


def test_the_sample_has_every_field_trip_kind_and_meeting_kinds() -> None:
    """The demo shows research, inspections and study visits, and chair meetings."""
    kinds = {a.kind for a in sample_office().activities}
    assert {ActivityKind.RESEARCH, ActivityKind.INSPECTION, ActivityKind.MEETING} <= kinds


def test_json_nested_a_hundred_thousand_deep_is_a_conversion_error() -> None:
    """Deep nesting is a ConversionError saying so, not a RecursionError."""
    from jiguan_core.errors import ConversionError
    from jiguan_core.organization import Organization
    from jiguan_core.serialization import MAX_JSON_DEPTH, from_json

    for text in ("[" * 100_000 + "]" * 100_000, '{"a":' * 100_000 + "1" + "}" * 100_000):
        with pytest.raises(ConversionError, match=f"more than {MAX_JSON_DEPTH} levels"):
            from_json(Organization, text)
    shallow = "[" * 60 + "]" * 60
    with pytest.raises(ConversionError) as caught:
        from_json(Organization, shallow)  # not an organization, but not too deep either
    assert "levels" not in str(caught.value)
