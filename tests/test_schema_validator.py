"""The library's own JSON export validates against its own JSON Schema under an independent
validator that really checks formats.

The validator is ``jsonschema``'s Draft 2020-12 validator with a ``FormatChecker`` whose
``date-time`` check is the RFC 3339 grammar (section 5.6) written out below, sharing no code with
the library. Why not the stock checker: ``jsonschema`` checks ``date-time`` only when the optional
``rfc3339-validator`` package happens to be installed and otherwise passes every string silently,
which is how a schema claiming RFC 3339 for RFC 9557 values (``...+01:00[Europe/London]``) went
unnoticed. The first test proves the checker is armed (it refuses a naive time and an RFC 9557
suffix as a ``date-time``), so the others cannot pass by checking nothing. check-jsonschema, the
CLI the issue used, wraps the same ``jsonschema`` engine with its own RFC 3339 check; this is the
same pair without a subprocess or extra dependencies in the shared test environment.
"""

from __future__ import annotations

import datetime as dt
import re

import attrs
import jsonschema
import pendulum
import pytest

from jiguan_core import Activity, Organization, sample_office, to_dict
from jiguan_core.cli import sample_workspace, workspace_schema, workspace_to_dict
from jiguan_core.schema import json_schema
from jiguan_core.time import TimeSpan

LONDON = "Europe/London"


#: RFC 3339 section 5.6 ``date-time``: full-date "T" full-time, time-offset "Z" or +hh:mm.
_RFC3339 = re.compile(
    r"^(\d{4})-(\d{2})-(\d{2})[Tt](\d{2}):(\d{2}):(\d{2})(\.\d+)?([Zz]|[+-](\d{2}):(\d{2}))$"
)


def _is_rfc3339_date_time(value: object) -> bool:
    if not isinstance(value, str):
        return True  # formats apply to strings only
    match = _RFC3339.match(value)
    if match is None:
        return False
    year, month, day, hour, minute, second = (int(g) for g in match.groups()[:6])
    try:
        dt.date(year, month, day)
    except ValueError:
        return False
    offset_ok = match.group(9) is None or (int(match.group(9)) <= 23 and int(match.group(10)) <= 59)
    return hour <= 23 and minute <= 59 and second <= 60 and offset_ok  # 60: a leap second


def _checker() -> jsonschema.FormatChecker:
    checker = jsonschema.FormatChecker()
    checker.checks("date-time")(_is_rfc3339_date_time)
    return checker


def _errors(schema: dict[str, object], data: object) -> list[str]:
    jsonschema.Draft202012Validator.check_schema(schema)
    validator = jsonschema.Draft202012Validator(schema, format_checker=_checker())
    return [f"{e.json_path}: {e.message}" for e in validator.iter_errors(data)]


def _office_with_a_london_meeting() -> Organization:
    office = sample_office()
    first = office.activities[0]
    start = pendulum.datetime(2025, 10, 26, 1, 30, tz=LONDON, fold=0)  # ambiguous: clocks go back
    moved: Activity = attrs.evolve(
        first, span=TimeSpan(start, start.add(hours=2)), title="伦敦交流座谈"
    )
    return attrs.evolve(office, activities=(moved, *office.activities[1:]))


class TestTheValidatorIsArmed:
    def test_the_format_checker_really_checks_rfc3339_date_times(self) -> None:
        """A naive time and an RFC 9557 suffix are not RFC 3339 date-times for this checker."""
        checker = _checker()
        assert checker.conforms("2025-01-14T09:00:00+08:00", "date-time")
        assert not checker.conforms("2025-01-14T09:00:00", "date-time")
        assert not checker.conforms("2016-10-30T01:00:00+01:00[Europe/London]", "date-time")
        assert not checker.conforms("2025-02-30", "date")


class TestTheExportValidates:
    def test_an_office_with_a_zone_name_suffix_validates(self) -> None:
        """The writer puts ``[Europe/London]`` after the offset, and the schema accepts it."""
        data = to_dict(_office_with_a_london_meeting())
        assert data["activities"][0]["span"]["start"].endswith("[Europe/London]")
        assert _errors(json_schema(Organization), data) == []

    def test_the_sample_workspace_validates_against_the_shipped_schema(self) -> None:
        """Every section of the command line's sample file, under the workspace schema."""
        workspace = attrs.evolve(sample_workspace(), office=_office_with_a_london_meeting())
        assert _errors(workspace_schema(), workspace_to_dict(workspace)) == []

    def test_no_datetime_field_claims_the_rfc3339_format(self) -> None:
        """Datetimes are described by their RFC 9557 pattern, not ``format: date-time``."""
        text = str(workspace_schema())
        assert "'date-time'" not in text

    @pytest.mark.parametrize(
        "value",
        ["2025-01-14T09:00:00", "2025-01-14 09:00:00+08:00", "2025-01-14T09:00:00+08:00[]"],
    )
    def test_the_schema_still_refuses_what_the_reader_refuses(self, value: str) -> None:
        """A naive time, a space instead of T, an empty zone name: refused by the schema."""
        data = to_dict(sample_office())
        data["activities"][0]["span"]["start"] = value
        assert _errors(json_schema(Organization), data) != []
