"""The fact tables' helpers (rules/_facts.py), at their edges."""

from __future__ import annotations

import datetime as dt

import pytest

from jiguan_core.rules._facts import epoch

UTC = dt.UTC
EAST_8 = dt.timezone(dt.timedelta(hours=8))


@pytest.mark.parametrize(
    "moment",
    [
        dt.datetime(2025, 3, 1, 9, 30, tzinfo=EAST_8),
        dt.datetime(2025, 3, 1, 9, 30, 15, 999_999, tzinfo=EAST_8),
        dt.datetime(2025, 3, 1, 9, 30, 15, tzinfo=EAST_8),
        dt.datetime(2025, 3, 1, 23, 59, 59, tzinfo=dt.timezone(dt.timedelta(hours=-5))),
        dt.datetime(1969, 12, 31, 23, 59, 59, 500_000, tzinfo=UTC),
        dt.datetime(1969, 12, 31, 23, 59, 59, tzinfo=UTC),
    ],
)
def test_epoch_is_the_timestamp_truncated_to_whole_seconds(moment: dt.datetime) -> None:
    """Before 1970 too, where truncation (towards zero) and the floor differ by a second."""
    assert epoch(moment) == int(moment.timestamp())
