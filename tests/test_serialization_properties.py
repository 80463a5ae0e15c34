"""Serialization: lossless round trips for every type, and robust, non-mutating reading."""

from __future__ import annotations

import copy
import json
import random
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from jiguan_core.absence import Absence
from jiguan_core.activity import Activity
from jiguan_core.calendar import DateRange, YearArrangement
from jiguan_core.department import Department
from jiguan_core.errors import ConversionError
from jiguan_core.examples.office import _build, sample_office
from jiguan_core.organization import Organization
from jiguan_core.post import ABRole, Post, PostAssignment
from jiguan_core.room import Room
from jiguan_core.serialization import from_dict, from_json, to_dict, to_json
from jiguan_core.staff import Relative, Staff
from jiguan_core.task import Task
from jiguan_core.text import Text
from jiguan_core.time import TimeSpan
from tests._two_processes import two_runs
from tests.strategies import (
    ab_roles,
    absences,
    activities,
    date_ranges,
    departments,
    organizations,
    post_assignments,
    posts,
    relatives,
    rooms,
    staff_members,
    tasks,
    texts,
    time_spans,
    year_arrangements,
)

#: Every type that crosses the edge, with a strategy of valid values.
TYPES: list[tuple[type[Any], st.SearchStrategy[Any]]] = [
    (TimeSpan, time_spans()),
    (DateRange, date_ranges()),
    (YearArrangement, year_arrangements()),
    (Text, texts()),
    (Department, departments()),
    (Relative, relatives()),
    (Staff, staff_members()),
    (Post, posts()),
    (PostAssignment, post_assignments()),
    (ABRole, ab_roles()),
    (Room, rooms()),
    (Absence, absences()),
    (Activity, activities()),
    (Task, tasks()),
    (Organization, organizations(max_staff=6, max_activities=6)),
]
IDS = [cls.__name__ for cls, _ in TYPES]

# Round trips --------------------------------------------------------------------------------


@pytest.mark.parametrize(("cls", "values"), TYPES, ids=IDS)
@given(data=st.data())
def test_to_dict_and_back_gives_an_equal_object(
    cls: type[Any], values: st.SearchStrategy[Any], data: st.DataObject
) -> None:
    """Lossless: from_dict(to_dict(x)) == x and writes the same dict again."""
    value = data.draw(values)
    plain = to_dict(value)
    again = from_dict(cls, plain)
    assert again == value
    assert to_dict(again) == plain


@pytest.mark.parametrize(("cls", "values"), TYPES, ids=IDS)
@given(data=st.data())
def test_to_json_and_back_gives_an_equal_object_and_the_same_text(
    cls: type[Any], values: st.SearchStrategy[Any], data: st.DataObject
) -> None:
    """The JSON text is plain JSON and reads back to an equal object with identical text."""
    value = data.draw(values)
    text = to_json(value)
    assert json.loads(text) == to_dict(value)
    again = from_json(cls, text)
    assert again == value
    assert to_json(again) == text


# Determinism --------------------------------------------------------------------------------


@settings(suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(organizations(), st.randoms(use_true_random=False))
def test_the_same_content_in_shuffled_order_gives_an_equal_organization_and_json(
    org: Organization, rng: random.Random
) -> None:
    """Input order never shows: collections, participants and relatives are stored sorted."""
    data = to_dict(org)
    for value in data.values():
        if isinstance(value, list):
            rng.shuffle(value)
    for item in data["activities"]:
        rng.shuffle(item["participants"])
        rng.shuffle(item["leaders"])
    for person in data["staff"]:
        rng.shuffle(person["relatives"])
    for post in data["posts"]:
        rng.shuffle(post["key_areas"])
    shuffled = from_dict(Organization, data)
    assert shuffled == org
    assert to_json(shuffled) == to_json(org)


def test_the_sample_office_is_deterministic_and_valid() -> None:
    """Two interpreters with different hash seeds build the same JSON as this one, and the JSON
    reads back to an equal office."""
    first, second = two_runs(
        "from jiguan_core.examples.office import _build\n"
        "from jiguan_core.serialization import to_json\n"
        "print(to_json(_build()))\n"
    )
    assert first == second == to_json(_build()) + "\n"
    assert from_json(Organization, to_json(sample_office())) == sample_office()


# Reading anything ---------------------------------------------------------------------------


def _read(cls: type[Any], data: Any) -> ConversionError | None:
    """None when ``data`` reads as ``cls``; the ConversionError when it does not. Any other
    exception propagates and fails the test."""
    try:
        from_dict(cls, data)
    except ConversionError as error:
        return error
    return None


JSON_SCALARS = (
    st.none()
    | st.booleans()
    | st.integers(-(2**40), 2**40)
    | st.floats(allow_nan=False, allow_infinity=False)
    | st.text(max_size=12)
    | st.sampled_from(["2025-03-03", "2025-03-03T09:00:00", "2025-03-03T09:00:00+08:00", "main"])
)
JSON_VALUES = st.recursive(
    JSON_SCALARS,
    lambda children: (
        st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=8), children, max_size=4)
    ),
    max_leaves=20,
)


@pytest.mark.parametrize(("cls", "values"), TYPES, ids=IDS)
@given(data=st.data())
def test_from_dict_of_arbitrary_json_raises_only_conversion_error(
    cls: type[Any], values: st.SearchStrategy[Any], data: st.DataObject
) -> None:
    """Whatever JSON arrives, the result is an object or a ConversionError; input untouched."""
    raw = data.draw(JSON_VALUES, label="raw")
    before = copy.deepcopy(raw)
    error = _read(cls, raw)
    if error is not None:
        assert error.problems
        assert all(p.path.startswith("$") for p in error.problems)
    assert raw == before


def _paths(node: Any, prefix: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    """Every path (keys and indexes) into a JSON tree, the root excluded."""
    found: list[tuple[Any, ...]] = []
    children = (
        node.items()
        if isinstance(node, dict)
        else enumerate(node)
        if isinstance(node, list)
        else ()
    )
    for key, child in children:
        found.append((*prefix, key))
        found.extend(_paths(child, (*prefix, key)))
    return found


MUTATIONS = ["delete", "replace", "bad_enum", "naive", "dangling", "wrong_type", "extra_key"]


def _mutate(tree: Any, path: tuple[Any, ...], how: str, replacement: Any) -> None:
    parent = tree
    for key in path[:-1]:
        parent = parent[key]
    key = path[-1]
    current = parent[key]
    if how == "delete":
        del parent[key]
    elif how == "replace":
        parent[key] = replacement
    elif how == "bad_enum":
        parent[key] = "no_such_member"
    elif how == "naive":
        parent[key] = (
            current[:19]
            if isinstance(current, str) and len(current) > 19
            else "2025-03-03T09:00:00"
        )
    elif how == "dangling":
        parent[key] = "dangling-id"
    elif how == "wrong_type":
        parent[key] = [current] if not isinstance(current, list) else "not a list"
    elif isinstance(current, dict):
        current["unexpected"] = 1
    else:
        parent[key] = {"unexpected": current}


@pytest.mark.parametrize(("cls", "values"), TYPES, ids=IDS)
@settings(suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(data=st.data())
def test_from_dict_of_a_mutated_valid_dict_raises_only_conversion_error(
    cls: type[Any], values: st.SearchStrategy[Any], data: st.DataObject
) -> None:
    """Deleted keys, wrong types, unknown enum values, naive datetimes, dangling ids: each is
    read or refused with a ConversionError, never another exception; the input is untouched."""
    plain = to_dict(data.draw(values, label="valid"))
    for _ in range(data.draw(st.integers(1, 3), label="mutations")):
        paths = _paths(plain)
        if not paths:
            break
        path = data.draw(st.sampled_from(paths), label="path")
        how = data.draw(st.sampled_from(MUTATIONS), label="how")
        _mutate(plain, path, how, data.draw(JSON_SCALARS, label="replacement"))
    before = copy.deepcopy(plain)
    error = _read(cls, plain)
    if error is not None:
        assert error.problems
        assert error.render("zh")
    assert plain == before


@given(st.text(max_size=40))
def test_from_json_of_any_text_raises_only_conversion_error(text: str) -> None:
    """Not JSON, or JSON of the wrong shape, is a ConversionError."""
    try:
        from_json(Room, text)
    except ConversionError as error:
        problems = error.problems
    else:
        problems = ("read",)
    assert problems
