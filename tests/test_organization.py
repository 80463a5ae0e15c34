"""The Organization aggregate: integrity problems, look-ups and immutable changes."""

from __future__ import annotations

import datetime as dt
from typing import Any

import attrs
import pendulum
import pytest

from jiguan_core.absence import Absence, AbsenceKind
from jiguan_core.activity import Activity, ActivityKind
from jiguan_core.department import Department
from jiguan_core.errors import (
    IntegrityError,
    InvalidValue,
    JiguanError,
    UnknownEntity,
    WrongType,
)
from jiguan_core.organization import Organization
from jiguan_core.post import ABRole, KeyArea, Post, PostAssignment, PostRole
from jiguan_core.room import Room
from jiguan_core.staff import Level, Relation, Relative, Staff
from jiguan_core.task import Task, TaskStatus
from jiguan_core.time import SHANGHAI, TimeSpan

D = dt.date
MAIN, SECONDARY = PostRole.MAIN, PostRole.SECONDARY


def _span(day: int, start: int = 9, end: int = 11) -> TimeSpan:
    return TimeSpan(
        pendulum.datetime(2025, 3, day, start, tz=SHANGHAI),
        pendulum.datetime(2025, 3, day, end, tz=SHANGHAI),
    )


def _person(person_id: str, **changes: Any) -> Staff:
    values = {
        "id": person_id,
        "name": f"人员{person_id}",
        "department_id": "d1",
        "level": Level.CLERK,
        "hire_date": D(2015, 7, 1),
    }
    return Staff(**{**values, **changes})


START = D(2020, 1, 1)


def _main(staff_id: str, post_id: str, start: dt.date = START, **changes: Any) -> Any:
    return PostAssignment(staff_id=staff_id, post_id=post_id, role=MAIN, start=start, **changes)


def parts() -> dict[str, Any]:
    """A small valid office: two departments, a chair and three staff, a finance post with AB."""
    return {
        "name": "测试机关",
        "departments": [Department(id="d1", name="办公室"), Department(id="d2", name="研究室")],
        "staff": [
            _person("s1", is_leadership_member=True, level=Level.BUREAU_HEAD),
            _person("s2", reports_to="s1"),
            _person(
                "s3",
                department_id="d2",
                relatives=[Relative(staff_id="s2", relation=Relation.SPOUSE)],
            ),
            _person("s4", department_id="d2"),
        ],
        "posts": [
            Post(id="p1", name="主席", department_id="d1", leading=True),
            Post(id="p2", name="财务岗", department_id="d1", key_areas=[KeyArea.FINANCE]),
            Post(id="p3", name="文稿岗", department_id="d2"),
            Post(id="p4", name="联络岗", department_id="d2"),
        ],
        "assignments": [
            _main("s1", "p1"),
            _main("s2", "p2"),
            _main("s3", "p3"),
            _main("s4", "p4"),
            PostAssignment(staff_id="s3", post_id="p2", role=SECONDARY, start=D(2024, 1, 1)),
        ],
        "ab_roles": [ABRole(post_id="p2", a_id="s2", b_id="s3", fallback=("s4",))],
        "rooms": [Room(id="r1", name="第一会议室", capacity=30)],
        "absences": [
            Absence(id="a1", staff_id="s2", span=_span(4), kind=AbsenceKind.SICK_LEAVE),
        ],
        "activities": [
            Activity(
                id="act1",
                kind=ActivityKind.MEETING,
                title="工作例会",
                span=_span(3),
                department_id="d1",
                participants=["s2", "s3"],
                leaders=["s1"],
                room_id="r1",
            ),
        ],
        "tasks": [
            Task(
                id="t1",
                title="起草报告",
                owner_id="s3",
                department_id="d2",
                created=D(2025, 3, 1),
                deadline=D(2025, 3, 20),
            )
        ],
    }


def office(**changes: Any) -> Organization:
    return Organization(**{**parts(), **changes})


def problems_of(**changes: Any) -> dict[str, str]:
    """The problems (path -> English messages, joined) of an office with ``changes`` applied."""
    with pytest.raises(IntegrityError) as caught:
        office(**changes)
    found: dict[str, str] = {}
    for problem in caught.value.problems:
        found[problem.path] = " | ".join(
            filter(None, [found.get(problem.path), problem.message_en])
        )
    return found


def _replaced(name: str, index: int, **changes: Any) -> list[Any]:
    items = list(parts()[name])
    items[index] = attrs.evolve(items[index], **changes)
    return items


def test_the_small_office_is_valid() -> None:
    """The fixture itself passes every check."""
    assert office().name == "测试机关"


# Unknown ids everywhere ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("collection", "index", "changes", "path"),
    [
        ("staff", 1, {"department_id": "dX"}, "staff[s2].department_id"),
        ("staff", 1, {"reports_to": "sX"}, "staff[s2].reports_to"),
        (
            "staff",
            2,
            {"relatives": [Relative(staff_id="sX", relation=Relation.SPOUSE)]},
            "staff[s3].relatives[0].staff_id",
        ),
        ("posts", 0, {"department_id": "dX"}, "posts[p1].department_id"),
        ("absences", 0, {"staff_id": "sX"}, "absences[a1].staff_id"),
        ("activities", 0, {"department_id": "dX"}, "activities[act1].department_id"),
        ("activities", 0, {"room_id": "rX"}, "activities[act1].room_id"),
        ("activities", 0, {"participants": ["s2", "sX"]}, "activities[act1].participants[1]"),
        ("activities", 0, {"leaders": ["sX"]}, "activities[act1].leaders[0]"),
        ("tasks", 0, {"owner_id": "sX"}, "tasks[t1].owner_id"),
        ("tasks", 0, {"department_id": "dX"}, "tasks[t1].department_id"),
        ("ab_roles", 0, {"fallback": ("sX",)}, "ab_roles[p2].chain[2]"),
        ("ab_roles", 0, {"b_id": "sX"}, "ab_roles[p2].chain[1]"),
    ],
)
def test_an_unknown_id_is_reported_with_the_path_of_the_reference(
    collection: str, index: int, changes: dict[str, Any], path: str
) -> None:
    """Every reference is checked; the problem names where it is and the unknown id."""
    found = problems_of(**{collection: _replaced(collection, index, **changes)})
    assert path in found
    assert "unknown" in found[path]
    assert "X" in found[path]


def test_an_ab_role_for_an_unknown_post_is_reported() -> None:
    """The AB role's post must exist."""
    roles = [ABRole(post_id="pX", a_id="s2", b_id="s3")]
    assert "ab_roles[pX].post_id" in problems_of(ab_roles=roles)


def test_an_assignment_to_an_unknown_person_or_post_is_reported() -> None:
    """Both ends of an assignment are checked."""
    extra = [
        *parts()["assignments"],
        PostAssignment(staff_id="sX", post_id="pX", role=SECONDARY, start=D(2024, 1, 1)),
    ]
    found = problems_of(assignments=extra)
    assert "assignments[sX@pX/secondary/2024-01-01].staff_id" in found
    assert "assignments[sX@pX/secondary/2024-01-01].post_id" in found


# Duplicates ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("collection", "item_id"),
    [
        ("departments", "d1"),
        ("staff", "s1"),
        ("posts", "p1"),
        ("rooms", "r1"),
        ("absences", "a1"),
        ("activities", "act1"),
        ("tasks", "t1"),
    ],
)
def test_a_duplicate_id_is_reported(collection: str, item_id: str) -> None:
    """Two entries with one id in any collection are a problem naming the id."""
    items = parts()[collection]
    found = problems_of(**{collection: [*items, items[0]]})
    assert f"{collection}[{item_id}]" in found
    assert "duplicate id" in found[f"{collection}[{item_id}]"]


def test_two_ab_roles_for_one_post_are_reported() -> None:
    """One AB role per post."""
    roles = [*parts()["ab_roles"], ABRole(post_id="p2", a_id="s3", b_id="s4")]
    found = problems_of(ab_roles=roles)
    assert "two AB roles" in found["ab_roles[p2]"]


# Main posts ---------------------------------------------------------------------------------


def test_a_person_without_a_main_post_is_reported() -> None:
    """Everyone needs a main post (主岗)."""
    assignments = [a for a in parts()["assignments"] if a.staff_id != "s4"]
    found = problems_of(assignments=assignments)
    assert "no main post" in found["staff[s4]"]


def test_a_person_with_only_a_secondary_post_has_no_main_post() -> None:
    """A secondary post does not count as a main post."""
    assignments = [
        *(a for a in parts()["assignments"] if a.staff_id != "s4"),
        PostAssignment(staff_id="s4", post_id="p4", role=SECONDARY, start=D(2020, 1, 1)),
    ]
    assert "staff[s4]" in problems_of(assignments=assignments)


def test_two_main_posts_at_once_are_reported() -> None:
    """A second main post overlapping the first is a problem naming both posts."""
    assignments = [
        *parts()["assignments"],
        PostAssignment(staff_id="s4", post_id="p3", role=MAIN, start=D(2024, 1, 1)),
    ]
    found = problems_of(assignments=assignments)
    message = found["assignments[s4@p3/main/2024-01-01]"]
    assert "two main posts at once" in message
    assert "'p4'" in message


def test_successive_main_posts_are_fine() -> None:
    """A main post ending the day the next one starts is a rotation, not a clash."""
    assignments = [
        *(a for a in parts()["assignments"] if a.staff_id != "s4"),
        _main("s4", "p3", start=D(2018, 1, 1), end=D(2020, 1, 1)),
        _main("s4", "p4", start=D(2020, 1, 1)),
    ]
    org = office(assignments=assignments)
    assert org.main_post_of("s4", D(2019, 6, 1)) == org.post("p3")
    assert org.main_post_of("s4", D(2020, 1, 1)) == org.post("p4")


def test_the_same_post_twice_over_overlapping_dates_is_reported() -> None:
    """Holding one post twice at once (even main and secondary) is a problem."""
    assignments = [
        *parts()["assignments"],
        PostAssignment(staff_id="s3", post_id="p3", role=SECONDARY, start=D(2024, 1, 1)),
    ]
    found = problems_of(assignments=assignments)
    assert any("twice over overlapping dates" in m for m in found.values())


def test_two_main_holders_of_one_post_at_once_are_reported() -> None:
    """A post has one main holder at a time."""
    assignments = [
        *(a for a in parts()["assignments"] if a.staff_id != "s4"),
        _main("s4", "p3", start=D(2022, 1, 1)),
    ]
    found = problems_of(assignments=assignments)
    message = found["assignments[s4@p3/main/2022-01-01]"]
    assert "two main holders at once" in message
    assert "'s3'" in message


def test_one_main_holder_after_another_is_fine() -> None:
    """A post handed over on a day has one main holder on each day."""
    assignments = [
        *(a for a in parts()["assignments"] if a.staff_id not in ("s3", "s4")),
        _main("s3", "p3", start=D(2018, 1, 1), end=D(2022, 1, 1)),
        _main("s3", "p4", start=D(2022, 1, 1)),
        _main("s4", "p3", start=D(2022, 1, 1)),
        PostAssignment(staff_id="s3", post_id="p2", role=SECONDARY, start=D(2024, 1, 1)),
    ]
    org = office(assignments=assignments)
    assert [a.staff_id for a in org.holders_of("p3")] == ["s3", "s4"]


# AB roles and leaders -----------------------------------------------------------------------


def test_an_ab_role_whose_a_equals_b_cannot_even_be_built() -> None:
    """A == B is refused by ABRole itself, before any organization sees it."""
    with pytest.raises(InvalidValue):
        ABRole(post_id="p2", a_id="s2", b_id="s2")


def test_a_fallback_cycle_cannot_even_be_built() -> None:
    """A fallback chain returning to A is refused by ABRole itself."""
    with pytest.raises(InvalidValue, match="cycle"):
        ABRole(post_id="p2", a_id="s2", b_id="s3", fallback=("s4", "s2"))


def test_a_leader_who_is_not_a_leadership_member_is_reported() -> None:
    """Only 主席会议成员 are listed as leaders."""
    found = problems_of(activities=_replaced("activities", 0, participants=["s3"], leaders=["s2"]))
    assert "not a leadership member" in found["activities[act1].leaders[0]"]


# All problems at once -----------------------------------------------------------------------


def test_every_problem_is_reported_at_once() -> None:
    """Three independent mistakes give three problems in one IntegrityError."""
    with pytest.raises(IntegrityError) as caught:
        office(
            staff=_replaced("staff", 1, department_id="dX"),
            tasks=_replaced("tasks", 0, owner_id="sX"),
            rooms=[],
        )
    paths = [p.path for p in caught.value.problems]
    assert paths == ["staff[s2].department_id", "activities[act1].room_id", "tasks[t1].owner_id"]
    assert isinstance(caught.value, JiguanError)
    assert isinstance(caught.value, ValueError)


def test_integrity_problems_are_bilingual() -> None:
    """Each problem has a Chinese message too."""
    with pytest.raises(IntegrityError) as caught:
        office(tasks=_replaced("tasks", 0, owner_id="sX"))
    assert "引用了不存在的人员编号 'sX'" in caught.value.render("zh")
    assert "机关数据不一致" in caught.value.render("zh")


# Order and look-ups -------------------------------------------------------------------------


def test_the_same_content_in_another_order_gives_an_equal_organization() -> None:
    """Collections are stored sorted, so order of input does not matter."""
    reversed_parts = {k: (v[::-1] if isinstance(v, list) else v) for k, v in parts().items()}
    assert Organization(**reversed_parts) == office()
    assert [s.id for s in office().staff] == ["s1", "s2", "s3", "s4"]


def test_look_ups_find_objects_by_id() -> None:
    """person, post, room, activity, absence, task and department find what exists."""
    org = office()
    assert org.person("s2").reports_to == "s1"
    assert org.post("p2").is_key
    assert org.room("r1").capacity == 30
    assert org.activity("act1").leaders == ("s1",)
    assert org.absence("a1").staff_id == "s2"
    assert org.task("t1").owner_id == "s3"
    assert org.department("d2").name == "研究室"
    assert org.has_staff("s1")
    assert not org.has_staff("sX")
    assert org.has_room("r1")


@pytest.mark.parametrize(
    "look_up", ["person", "post", "room", "activity", "absence", "task", "department"]
)
def test_looking_up_an_unknown_id_raises_unknown_entity(look_up: str) -> None:
    """Never a bare KeyError."""
    with pytest.raises(UnknownEntity) as caught:
        getattr(office(), look_up)("nope")
    assert caught.value.entity_id == "nope"
    assert isinstance(caught.value, LookupError)


def test_assignments_holders_and_posts_held_are_found() -> None:
    """assignments_of, holders_of, posts_held and main_post_of agree."""
    org = office()
    assert [a.post_id for a in org.assignments_of("s3")] == ["p2", "p3"]
    assert {a.staff_id for a in org.holders_of("p2")} == {"s2", "s3"}
    assert org.posts_held("s3", D(2025, 1, 1)) == (
        (org.post("p2"), SECONDARY),
        (org.post("p3"), MAIN),
    )
    assert org.posts_held("s3", D(2023, 1, 1)) == ((org.post("p3"), MAIN),)
    assert org.main_post_of("s3", D(2025, 1, 1)) == org.post("p3")
    assert org.main_post_of("s3", D(2019, 1, 1)) is None
    assert org.assignments_of("nobody") == ()


def test_leadership_members_key_posts_and_ab_roles_are_found() -> None:
    """The derived views answer from the stored data."""
    org = office()
    assert [s.id for s in org.leadership_members] == ["s1"]
    assert [p.id for p in org.key_posts] == ["p2"]
    role = org.ab_role("p2")
    assert role is not None
    assert role.chain == ("s2", "s3", "s4")
    assert org.ab_role("p3") is None
    assert [s.id for s in org.staff_of("d2")] == ["s3", "s4"]
    assert [a.id for a in org.absences_of("s2")] == ["a1"]


# Immutable changes --------------------------------------------------------------------------


def _activity(activity_id: str, **changes: Any) -> Activity:
    values = {
        "id": activity_id,
        "kind": ActivityKind.STUDY_SESSION,
        "title": "集中学习",
        "span": _span(5),
        "department_id": "d2",
    }
    return Activity(**{**values, **changes})


def test_with_activities_returns_a_new_organization_and_leaves_the_old_one() -> None:
    """Adding gives a new office; the original keeps its activities."""
    org = office()
    changed = org.with_activities([_activity("act2")])
    assert [a.id for a in changed.activities] == ["act1", "act2"]
    assert [a.id for a in org.activities] == ["act1"]


def test_adding_an_invalid_activity_raises_and_changes_nothing() -> None:
    """A dangling reference in a new activity is an IntegrityError; the original is intact."""
    org = office()
    with pytest.raises(IntegrityError):
        org.with_activities([_activity("act2", department_id="dX")])
    with pytest.raises(IntegrityError):
        org.with_activities([_activity("act1")])
    assert org == office()


def test_replace_and_remove_an_activity() -> None:
    """replace_activity swaps by id; without_activity drops it; unknown ids raise."""
    org = office()
    renamed = org.replace_activity(attrs.evolve(org.activity("act1"), title="月度例会"))
    assert renamed.activity("act1").title == "月度例会"
    assert org.without_activity("act1").activities == ()
    with pytest.raises(UnknownEntity):
        org.replace_activity(_activity("act9"))
    with pytest.raises(UnknownEntity):
        org.without_activity("act9")


def test_add_replace_and_remove_absences_and_tasks() -> None:
    """The same lifecycle exists for absences and tasks."""
    org = office()
    absence = Absence(id="a2", staff_id="s4", span=_span(6), kind=AbsenceKind.TRAINING)
    assert [a.id for a in org.with_absences([absence]).absences] == ["a1", "a2"]
    moved = org.replace_absence(attrs.evolve(org.absence("a1"), staff_id="s3"))
    assert moved.absence("a1").staff_id == "s3"
    assert org.without_absence("a1").absences == ()
    task = attrs.evolve(org.task("t1"), id="t2")
    assert [t.id for t in org.with_tasks([task]).tasks] == ["t1", "t2"]
    assert (
        org.replace_task(attrs.evolve(task, id="t1", title="新标题")).task("t1").title == "新标题"
    )
    assert org.without_task("t1").tasks == ()
    for change, argument in [
        (org.replace_absence, absence),
        (org.without_absence, "a9"),
        (org.replace_task, task),
        (org.without_task, "t9"),
    ]:
        with pytest.raises(UnknownEntity):
            change(argument)  # type: ignore[operator]


def test_evolve_rechecks_integrity() -> None:
    """Organization.evolve is checked like construction."""
    with pytest.raises(IntegrityError):
        office().evolve(departments=[])


def test_an_organization_needs_a_name() -> None:
    """The name is non-empty text."""
    with pytest.raises(InvalidValue) as caught:
        office(name=" ")
    assert caught.value.field == "name"


@pytest.mark.parametrize(
    "collection",
    [
        "departments",
        "staff",
        "posts",
        "assignments",
        "ab_roles",
        "rooms",
        "absences",
        "activities",
        "tasks",
    ],
)
def test_a_collection_holding_the_wrong_kind_of_item_is_refused(collection: str) -> None:
    """An id string where an object belongs is a WrongType naming the collection."""
    with pytest.raises(WrongType) as caught:
        office(**{collection: [*parts()[collection], "x1"]})
    assert caught.value.field == collection
    assert isinstance(caught.value, TypeError)


def test_a_reporting_line_that_goes_round_in_a_circle_is_refused() -> None:
    """s2 reports to s4 and s4 to s2: one problem naming the circle, from its first id."""
    staff = _replaced("staff", 1, reports_to="s4")
    staff[3] = attrs.evolve(staff[3], reports_to="s2")
    found = problems_of(staff=staff)
    assert "goes round in a circle: s2 → s4 → s2" in found["staff[s2].reports_to"]


def test_a_collection_of_none_is_a_wrong_type_naming_the_field() -> None:
    """Organization(staff=None) is a WrongType (also a TypeError) about ``staff``."""
    with pytest.raises(WrongType) as caught:
        office(staff=None)
    assert isinstance(caught.value, TypeError)
    assert caught.value.field == "staff"
    assert caught.value.value is None
    assert "staff" in caught.value.render("zh")


def test_a_task_completed_before_it_was_created_is_refused() -> None:
    """completed_on before created is an InvalidValue naming completed_on."""
    with pytest.raises(InvalidValue) as caught:
        Task(
            id="t1",
            title="起草报告",
            owner_id="s3",
            department_id="d2",
            created=D(2025, 3, 1),
            deadline=D(2025, 3, 20),
            status=TaskStatus.DONE,
            completed_on=D(2025, 2, 1),
        )
    assert caught.value.field == "completed_on"
    assert "created" in str(caught.value)
    assert "created" in caught.value.render("zh")


@pytest.mark.parametrize(
    "title",
    ["\ud800起草", "\x00\x01", "\u200b", "起草\x07报告"],
    ids=["lone surrogate", "only control characters", "only a zero-width space", "a bell"],
)
def test_text_that_cannot_be_shown_or_written_is_refused(title: str) -> None:
    """One rule for every text field: no lone surrogate, no control character (tab and line
    breaks aside), and something visible."""
    with pytest.raises(InvalidValue) as caught:
        Task(
            id="t1",
            title=title,
            owner_id="s3",
            department_id="d2",
            created=D(2025, 3, 1),
            deadline=D(2025, 3, 20),
        )
    assert caught.value.field == "title"
    assert caught.value.value == title


def test_an_id_with_a_control_character_is_refused_like_any_text() -> None:
    """The text rule holds for ids too."""
    with pytest.raises(InvalidValue, match="control character"):
        Department(id="d\x001", name="办公室")


def test_a_multi_line_note_with_tabs_is_still_text() -> None:
    """Tabs and line breaks are allowed; an empty note too."""
    assert Absence(
        id="a9", staff_id="s2", span=_span(4), kind=AbsenceKind.SICK_LEAVE, note="一\n\t二"
    ).note
    assert Absence(id="a9", staff_id="s2", span=_span(4), kind=AbsenceKind.SICK_LEAVE).note == ""
