"""Hypothesis strategies and small builders for the work area's tests."""

from __future__ import annotations

import datetime as dt

from hypothesis import strategies as st

from jiguan_core.calendar import WorkCalendar
from jiguan_core.work.records import Record, RecordBook, RecordKind, Tier

CALENDAR = WorkCalendar()
STAFF = tuple(f"p{i:02d}" for i in range(8))
DEPARTMENTS = ("d-a", "d-b", "d-c")
FIRST_DAY = dt.date(2024, 1, 1)
LAST_DAY = dt.date(2025, 12, 31)

days = st.dates(min_value=FIRST_DAY, max_value=LAST_DAY)


@st.composite
def records(draw: st.DrawFn, index: int) -> Record:
    kind = draw(st.sampled_from(tuple(RecordKind)))
    needs_person = kind in (RecordKind.BOOK_LOAN, RecordKind.ESSAY, RecordKind.PUBLICATION)
    people = draw(
        st.lists(st.sampled_from(STAFF), min_size=1 if needs_person else 0, max_size=5, unique=True)
    )
    level = (
        draw(st.sampled_from(tuple(Tier)))
        if kind in (RecordKind.PUBLICATION, RecordKind.HONOUR)
        else None
    )
    return Record(
        id=f"r{index:04d}",
        kind=kind,
        on=draw(days),
        title="记录",
        department_id=draw(st.sampled_from(DEPARTMENTS)),
        participants=people,
        level=level,
    )


@st.composite
def record_lists(draw: st.DrawFn, max_size: int = 40) -> list[Record]:
    size = draw(st.integers(min_value=0, max_value=max_size))
    return [draw(records(i)) for i in range(size)]


def book_of(items: list[Record]) -> RecordBook:
    return RecordBook(records=items, staff_ids=STAFF, department_ids=DEPARTMENTS)
