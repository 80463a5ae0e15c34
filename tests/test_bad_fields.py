"""Every field of every input class refuses a bad value with a JiguanError, never a bare one.

The class of defects of issue 13 (a TypeError from ``Organization(staff=None)``, an OverflowError
from a date, a silently accepted lone surrogate): each field of a real instance of each input class
is given values of the wrong kind, and whatever the constructor raises must be a JiguanError that
also is the matching built-in and names the field.
"""

from __future__ import annotations

import datetime as dt
import math
import typing

import attrs
import pytest

from jiguan_core.assessment import AnnualPolicy, RoutinePolicy, Weights
from jiguan_core.assessment.sample import sample_records
from jiguan_core.calendar import DateRange, YearArrangement
from jiguan_core.development import DevelopmentPolicy
from jiguan_core.errors import InvalidValue, JiguanError
from jiguan_core.policy import Policy
from jiguan_core.sample import sample_office
from jiguan_core.work import sample as work_sample
from jiguan_core.work.statistics import YuConvention
from jiguan_core.workplan import FieldTrip, Milestone, PlanItem, WorkPlan

BAD_VALUES: tuple[object, ...] = (
    None,
    "x",
    -1,
    10**12,
    math.nan,
    math.inf,
    True,
    [None],
    {"k": None},
    ("a", "a"),
    "\ud800",
    "\x00\x01",
    dt.date(1800, 1, 1),
    dt.datetime(2025, 1, 1),
)


def _instances() -> list[object]:
    office = sample_office()
    records = sample_records()
    found: list[object] = [office, records]
    for group in (
        office.departments,
        office.staff,
        office.posts,
        office.assignments,
        office.ab_roles,
        office.rooms,
        office.absences,
        office.activities,
        office.tasks,
    ):
        found.extend(group[:1])
    found.extend([p.relatives[0] for p in office.staff if p.relatives][:1])
    for name in (
        "quarter_scores",
        "exemptions",
        "annual_scores",
        "leave",
        "probations",
        "investigations",
        "sanctions",
        "protected",
        "honours",
    ):
        found.extend(getattr(records, name)[:1])
    found += [
        RoutinePolicy(),
        AnnualPolicy(),
        Weights({"a": 1.0}),
        DevelopmentPolicy(),
        DateRange(dt.date(2025, 1, 1), dt.date(2025, 2, 1)),
        YearArrangement(year=2027, holidays=[dt.date(2027, 1, 1)]),
        YuConvention(),
        Policy(),
    ]
    documents = work_sample.sample_documents()
    meetings = work_sample.sample_meetings()
    found += [
        work_sample.sample_instructions()[0],
        work_sample.sample_records()[0],
        work_sample.sample_record_book(),
        documents[0],
        meetings[0],
        next(d.history[0] for d in documents if d.history),
    ]
    item = PlanItem(
        id="i1",
        department_id="d1",
        title="调研",
        owner_id="s1",
        milestones=[Milestone(id="m1", title="完成", target=dt.date(2026, 6, 30))],
        trip=FieldTrip(target_place="某县", participants=("s1",)),
    )
    found += [WorkPlan(year=2026, items=[item]), item, item.milestones[0], item.trip]
    return found


INSTANCES = _instances()


def _cases() -> list[tuple[object, str]]:
    return [
        (instance, field.alias or field.name)
        for instance in INSTANCES
        for field in attrs.fields(type(instance))
        if field.init
    ]


@pytest.mark.parametrize(
    ("instance", "name"), _cases(), ids=[f"{type(i).__name__}.{n}" for i, n in _cases()]
)
def test_a_bad_value_in_any_field_is_a_jiguan_error(instance: object, name: str) -> None:
    """None, a number, NaN, a bool, a list, a dict, a lone surrogate, control characters, a
    date outside 1949-2200 and a naive datetime: accepted (when valid there) or refused with a
    JiguanError (that also is a ValueError, or a LookupError for an unknown id) — never a bare TypeError, ValueError or
    OverflowError. The instance is not changed."""
    before = attrs.asdict(instance, recurse=False)  # type: ignore[arg-type]
    wrong: list[str] = []
    for bad in BAD_VALUES:
        try:
            attrs.evolve(instance, **{name: bad})  # type: ignore[misc]
        except JiguanError as error:
            if not isinstance(error, ValueError | LookupError):  # LookupError: an unknown id
                wrong.append(f"{bad!r}: {type(error).__name__} is no ValueError")
        except Exception as error:
            wrong.append(f"{bad!r}: {type(error).__name__} {error}")
    assert wrong == []
    assert attrs.asdict(instance, recurse=False) == before  # type: ignore[arg-type]


def _text_fields() -> list[tuple[object, str]]:
    found = []
    for instance in INSTANCES:
        hints = typing.get_type_hints(type(instance))
        for field in attrs.fields(type(instance)):
            if field.init and hints.get(field.name) in (str, str | None):
                found.append((instance, field.alias or field.name))
    return found


@pytest.mark.parametrize(
    ("instance", "name"),
    _text_fields(),
    ids=[f"{type(i).__name__}.{n}" for i, n in _text_fields()],
)
def test_every_text_field_refuses_lone_surrogates_and_control_characters(
    instance: object, name: str
) -> None:
    """The one text rule holds for every str field of every input class."""
    for bad in ("\ud800", "\x00\x01", "名称\x1b[31m"):
        with pytest.raises(InvalidValue) as caught:
            attrs.evolve(instance, **{name: bad})  # type: ignore[misc]
        assert caught.value.value == bad
