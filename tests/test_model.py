"""Every field validator and cross-field rule of the domain classes, one sentence each."""

from __future__ import annotations

import datetime as dt
from typing import Any

import attrs
import pendulum
import pytest

from jiguan_core.absence import Absence, AbsenceKind
from jiguan_core.activity import FIELD_KINDS, Activity, ActivityKind, MeetingKind
from jiguan_core.department import Department, DepartmentKind
from jiguan_core.errors import InvalidValue, JiguanError, WrongType
from jiguan_core.post import AVOIDANCE_AREAS, ABRole, KeyArea, Post, PostAssignment, PostRole
from jiguan_core.room import Room
from jiguan_core.staff import Level, Relation, Relative, Staff
from jiguan_core.task import Task, TaskSource, TaskStatus
from jiguan_core.time import SHANGHAI, TimeSpan

D = dt.date
SPAN = TimeSpan(
    pendulum.datetime(2025, 3, 3, 9, tz=SHANGHAI), pendulum.datetime(2025, 3, 3, 11, tz=SHANGHAI)
)


def department(**changes: Any) -> Department:
    return Department(**{"id": "d1", "name": "办公室", **changes})


def staff(**changes: Any) -> Staff:
    values = {
        "id": "s1",
        "name": "王伟",
        "department_id": "d1",
        "level": Level.CLERK,
        "hire_date": D(2020, 7, 1),
    }
    return Staff(**{**values, **changes})


def post(**changes: Any) -> Post:
    return Post(**{"id": "p1", "name": "财务岗", "department_id": "d1", **changes})


def assignment(**changes: Any) -> PostAssignment:
    values = {"staff_id": "s1", "post_id": "p1", "role": PostRole.MAIN, "start": D(2024, 1, 1)}
    return PostAssignment(**{**values, **changes})


def ab_role(**changes: Any) -> ABRole:
    return ABRole(**{"post_id": "p1", "a_id": "s1", "b_id": "s2", **changes})


def room(**changes: Any) -> Room:
    return Room(**{"id": "r1", "name": "第一会议室", **changes})


def absence(**changes: Any) -> Absence:
    values = {"id": "a1", "staff_id": "s1", "span": SPAN, "kind": AbsenceKind.ANNUAL_LEAVE}
    return Absence(**{**values, **changes})


def activity(**changes: Any) -> Activity:
    values = {
        "id": "act1",
        "kind": ActivityKind.MEETING,
        "title": "工作例会",
        "span": SPAN,
        "department_id": "d1",
    }
    return Activity(**{**values, **changes})


def task(**changes: Any) -> Task:
    values = {
        "id": "t1",
        "title": "起草年度报告",
        "owner_id": "s1",
        "department_id": "d1",
        "created": D(2025, 3, 1),
        "deadline": D(2025, 3, 31),
    }
    return Task(**{**values, **changes})


FACTORIES = {
    "Department": department,
    "Staff": staff,
    "Post": post,
    "PostAssignment": assignment,
    "ABRole": ab_role,
    "Room": room,
    "Absence": absence,
    "Activity": activity,
    "Task": task,
    "Relative": lambda **c: Relative(**{"staff_id": "s2", "relation": Relation.SPOUSE, **c}),
}

ID_FIELDS = [
    ("Department", "id"),
    ("Staff", "id"),
    ("Staff", "department_id"),
    ("Staff", "reports_to"),
    ("Relative", "staff_id"),
    ("Post", "id"),
    ("Post", "department_id"),
    ("PostAssignment", "staff_id"),
    ("PostAssignment", "post_id"),
    ("ABRole", "post_id"),
    ("ABRole", "a_id"),
    ("ABRole", "b_id"),
    ("Room", "id"),
    ("Absence", "id"),
    ("Absence", "staff_id"),
    ("Activity", "id"),
    ("Activity", "department_id"),
    ("Activity", "room_id"),
    ("Task", "id"),
    ("Task", "owner_id"),
    ("Task", "department_id"),
]


def test_all_factories_build_valid_objects() -> None:
    """The defaults used below are valid, so each test changes exactly one thing."""
    built = {name: type(factory()) for name, factory in FACTORIES.items()}
    assert built  # there are factories to check
    assert {name: attrs.has(cls) for name, cls in built.items()} == dict.fromkeys(built, True)


# Field validators ---------------------------------------------------------------------------


@pytest.mark.parametrize(("owner", "name"), ID_FIELDS)
@pytest.mark.parametrize("bad", ["", " s1", "s1 ", 7])
def test_an_id_must_be_a_non_empty_string_without_surrounding_spaces(
    owner: str, name: str, bad: object
) -> None:
    """Every id field refuses empty strings, padded strings and non-strings, naming the field."""
    with pytest.raises(InvalidValue) as caught:
        FACTORIES[owner](**{name: bad})
    assert caught.value.field == name
    assert caught.value.value == bad
    assert f"{owner}.{name}" in str(caught.value)
    assert "非空字符串编号" in caught.value.render("zh")


@pytest.mark.parametrize(
    ("owner", "name"),
    [
        ("Department", "name"),
        ("Staff", "name"),
        ("Post", "name"),
        ("Room", "name"),
        ("Activity", "title"),
        ("Task", "title"),
        ("Activity", "target_place"),
    ],
)
@pytest.mark.parametrize("bad", ["", "   ", 3])
def test_names_and_titles_must_be_non_empty_text(owner: str, name: str, bad: object) -> None:
    """Free text may not be blank or a non-string."""
    with pytest.raises(InvalidValue) as caught:
        FACTORIES[owner](**{name: bad})
    assert caught.value.field == name


@pytest.mark.parametrize(
    ("owner", "name"),
    [
        ("Staff", "hire_date"),
        ("Staff", "probation_end"),
        ("PostAssignment", "start"),
        ("PostAssignment", "end"),
        ("Task", "created"),
        ("Task", "deadline"),
    ],
)
@pytest.mark.parametrize(
    "bad", [dt.datetime(2025, 3, 1, tzinfo=dt.UTC), "2025-03-01", 20250301], ids=repr
)
def test_a_date_field_takes_a_date_not_a_datetime_or_a_string(
    owner: str, name: str, bad: object
) -> None:
    """A datetime's zone would make the day ambiguous; strings belong to the JSON edge."""
    with pytest.raises(InvalidValue) as caught:
        FACTORIES[owner](**{name: bad})
    assert caught.value.field == name


@pytest.mark.parametrize(
    ("owner", "name"),
    [
        ("Staff", "level"),
        ("Relative", "relation"),
        ("PostAssignment", "role"),
        ("Absence", "kind"),
        ("Activity", "kind"),
        ("Activity", "meeting_kind"),
        ("Task", "status"),
        ("Task", "source"),
    ],
)
def test_an_enum_field_refuses_its_plain_string_value(owner: str, name: str) -> None:
    """Pass the enum member (or go through from_dict); the error lists the members to use."""
    with pytest.raises(WrongType) as caught:
        FACTORIES[owner](**{name: "clerk"})
    assert caught.value.field == name
    assert isinstance(caught.value, TypeError)
    assert isinstance(caught.value, JiguanError)
    assert "use one of" in str(caught.value)
    assert "可选" in caught.value.render("zh")


@pytest.mark.parametrize(
    ("owner", "name"),
    [
        ("Staff", "is_leadership_member"),
        ("Staff", "is_party_member"),
        ("Post", "leading"),
        ("Activity", "off_site"),
    ],
)
def test_a_flag_must_be_a_real_boolean(owner: str, name: str) -> None:
    """1 is not True here."""
    with pytest.raises(WrongType) as caught:
        FACTORIES[owner](**{name: 1})
    assert caught.value.field == name


@pytest.mark.parametrize("bad", [0, -3, True, 2.5, "20"])
def test_a_room_capacity_is_a_whole_number_of_at_least_one_seat(bad: object) -> None:
    """Zero, negatives, booleans, fractions and strings are refused."""
    with pytest.raises(InvalidValue) as caught:
        room(capacity=bad)
    assert caught.value.field == "capacity"


def test_a_room_capacity_may_be_unknown() -> None:
    """capacity=None means not recorded."""
    assert room().capacity is None
    assert room(capacity=1).capacity == 1


def test_an_absence_span_must_be_a_time_span() -> None:
    """A tuple of datetimes is not a TimeSpan."""
    with pytest.raises(WrongType) as caught:
        absence(span=(SPAN.start, SPAN.end))
    assert caught.value.field == "span"


# Cross-field rules --------------------------------------------------------------------------


def test_a_probation_cannot_end_before_the_hire_date() -> None:
    """probation_end before hire_date is refused; on the same day it is allowed."""
    with pytest.raises(InvalidValue) as caught:
        staff(probation_end=D(2020, 6, 30))
    assert caught.value.field == "probation_end"
    assert "试用期" in caught.value.render("zh")
    assert staff(probation_end=D(2020, 7, 1)).probation_end == D(2020, 7, 1)


def test_a_person_cannot_report_to_themselves() -> None:
    """reports_to must be another person."""
    with pytest.raises(InvalidValue) as caught:
        staff(reports_to="s1")
    assert caught.value.field == "reports_to"


def test_a_person_cannot_be_their_own_relative() -> None:
    """A relative must be another person."""
    with pytest.raises(InvalidValue) as caught:
        staff(relatives=[Relative(staff_id="s1", relation=Relation.SPOUSE)])
    assert caught.value.field == "relatives"


def test_a_relative_cannot_be_listed_twice() -> None:
    """One entry per relative, even with different relations."""
    relatives = [
        Relative(staff_id="s2", relation=Relation.SPOUSE),
        Relative(staff_id="s2", relation=Relation.CLOSE_IN_LAW),
    ]
    with pytest.raises(InvalidValue) as caught:
        staff(relatives=relatives)
    assert caught.value.field == "relatives"


def test_relatives_are_stored_sorted() -> None:
    """The same relatives in another order give an equal Staff."""
    a = Relative(staff_id="s3", relation=Relation.SPOUSE)
    b = Relative(staff_id="s2", relation=Relation.DIRECT_BLOOD)
    assert staff(relatives=[a, b]) == staff(relatives=[b, a])
    assert staff(relatives=[a, b]).relatives == (b, a)


def test_probation_is_judged_as_of_a_given_day() -> None:
    """on_probation is true before probation_end and false from it on."""
    person = staff(probation_end=D(2021, 1, 1))
    assert person.on_probation(D(2020, 12, 31))
    assert not person.on_probation(D(2021, 1, 1))
    assert not staff().on_probation(D(2020, 7, 2))


def test_an_assignment_must_end_after_it_starts() -> None:
    """end == start or end < start is refused; end=None means it still holds."""
    for end in (D(2024, 1, 1), D(2023, 12, 31)):
        with pytest.raises(InvalidValue) as caught:
            assignment(end=end)
        assert caught.value.field == "end"
    assert assignment().end is None


def test_an_assignment_is_active_on_its_days_half_open() -> None:
    """active_on includes the start day and excludes the end day."""
    held = assignment(end=D(2024, 2, 1))
    assert held.active_on(D(2024, 1, 1))
    assert held.active_on(D(2024, 1, 31))
    assert not held.active_on(D(2024, 2, 1))
    assert not held.active_on(D(2023, 12, 31))
    assert assignment().active_on(D(2099, 1, 1))


def test_assignments_that_touch_do_not_overlap() -> None:
    """One ending on 1 February and one starting that day do not overlap; open ends do."""
    first = assignment(end=D(2024, 2, 1))
    assert not first.overlaps(assignment(start=D(2024, 2, 1)))
    assert first.overlaps(assignment(start=D(2024, 1, 31)))
    assert assignment().overlaps(assignment(start=D(2030, 1, 1)))


def test_an_ab_role_needs_two_different_people() -> None:
    """A equal to B is refused, naming B."""
    with pytest.raises(InvalidValue) as caught:
        ab_role(b_id="s1")
    assert caught.value.field == "b_id"
    assert "B 角须为另一人" in caught.value.render("zh")


@pytest.mark.parametrize("fallback", [("s1",), ("s3", "s2")])
def test_an_ab_fallback_chain_cannot_cycle_back_to_a_or_b(fallback: tuple[str, ...]) -> None:
    """The fallback chain lists people other than A and B."""
    with pytest.raises(InvalidValue) as caught:
        ab_role(fallback=fallback)
    assert caught.value.field == "fallback"


def test_an_ab_fallback_chain_lists_each_person_once() -> None:
    """A repeated fallback person is a cycle too."""
    with pytest.raises(InvalidValue) as caught:
        ab_role(fallback=("s3", "s3"))
    assert caught.value.field == "fallback"


def test_an_ab_chain_keeps_its_order() -> None:
    """A, then B, then the fallback in the order given (not sorted)."""
    role = ab_role(fallback=("s9", "s3"))
    assert role.chain == ("s1", "s2", "s9", "s3")
    assert ab_role(fallback="s3").fallback == ("s3",)


def test_a_person_cannot_be_both_participant_and_leader() -> None:
    """Each attendee is listed once, as participant or as leader."""
    with pytest.raises(InvalidValue) as caught:
        activity(participants=["s1", "s2"], leaders=["s2"])
    assert caught.value.field == "leaders"


def test_only_a_meeting_has_a_meeting_kind() -> None:
    """meeting_kind on a study session is refused; on a meeting it is kept."""
    with pytest.raises(InvalidValue) as caught:
        activity(kind=ActivityKind.STUDY_SESSION, meeting_kind=MeetingKind.CHAIR_MEETING)
    assert caught.value.field == "meeting_kind"
    assert (
        activity(meeting_kind=MeetingKind.CHAIR_MEETING).meeting_kind is MeetingKind.CHAIR_MEETING
    )


@pytest.mark.parametrize("kind", sorted(FIELD_KINDS, key=lambda k: k.value))
def test_a_field_trip_needs_a_target_place(kind: ActivityKind) -> None:
    """调研、视察、考察 must say where they go."""
    with pytest.raises(InvalidValue) as caught:
        activity(kind=kind)
    assert caught.value.field == "target_place"
    assert activity(kind=kind, target_place="岳池县").target_place == "岳池县"


@pytest.mark.parametrize("field", ["participants", "leaders"])
def test_an_activity_lists_each_attendee_once(field: str) -> None:
    """Duplicate ids in participants or leaders are refused."""
    with pytest.raises(InvalidValue) as caught:
        activity(**{field: ["s1", "s1"]})
    assert caught.value.field == field


def test_field_trips_are_off_site_by_default_and_meetings_are_not() -> None:
    """off_site defaults from the kind and can be overridden."""
    assert activity(kind=ActivityKind.RESEARCH, target_place="华蓥市").off_site
    assert not activity().off_site
    assert activity(off_site=True).off_site


def test_attendees_are_participants_and_leaders_sorted() -> None:
    """Participants are stored sorted; attendees merge them with the leaders."""
    item = activity(participants=["s3", "s1"], leaders=["s2"])
    assert item.participants == ("s1", "s3")
    assert item.attendees == ("s1", "s2", "s3")
    assert activity(participants="s1").participants == ("s1",)


def test_a_task_deadline_cannot_precede_its_creation() -> None:
    """deadline before created is refused; the same day is allowed."""
    with pytest.raises(InvalidValue) as caught:
        task(deadline=D(2025, 2, 28))
    assert caught.value.field == "deadline"
    assert task(deadline=D(2025, 3, 1)).deadline == D(2025, 3, 1)


def test_a_done_task_needs_a_completion_date() -> None:
    """status DONE without completed_on is refused."""
    with pytest.raises(InvalidValue) as caught:
        task(status=TaskStatus.DONE)
    assert caught.value.field == "completed_on"


@pytest.mark.parametrize("status", [TaskStatus.OPEN, TaskStatus.IN_PROGRESS, TaskStatus.CANCELLED])
def test_only_a_done_task_has_a_completion_date(status: TaskStatus) -> None:
    """completed_on on an unfinished or cancelled task is refused."""
    with pytest.raises(InvalidValue) as caught:
        task(status=status, completed_on=D(2025, 3, 10))
    assert caught.value.field == "completed_on"


def test_a_task_is_overdue_only_while_open_after_its_deadline() -> None:
    """Overdue the day after the deadline; closed tasks are never overdue."""
    assert not task().is_overdue(D(2025, 3, 31))
    assert task().is_overdue(D(2025, 4, 1))
    assert not task(status=TaskStatus.CANCELLED).is_overdue(D(2025, 4, 1))
    done = task(status=TaskStatus.DONE, completed_on=D(2025, 4, 2))
    assert not done.is_overdue(D(2025, 5, 1))
    assert done.done_late
    assert not task(status=TaskStatus.DONE, completed_on=D(2025, 3, 31)).done_late


# Enums and helpers --------------------------------------------------------------------------


def test_levels_rank_from_highest_to_lowest() -> None:
    """rank 0 is the highest level; one_below steps down and stops at the lowest."""
    assert Level.BUREAU_HEAD.rank == 0
    assert Level.DIVISION_HEAD.one_below() is Level.DIVISION_DEPUTY
    assert Level.WORKER.one_below() is Level.WORKER


def test_section_level_and_below_starts_at_section_head() -> None:
    """科级及以下: section head and every lower level."""
    below = {level for level in Level if level.is_section_level_or_below}
    assert below == {
        Level.SECTION_HEAD,
        Level.SECTION_DEPUTY,
        Level.CLERK,
        Level.OFFICE_CLERK,
        Level.WORKER,
    }
    assert staff(level=Level.SECTION_DEPUTY).is_section_level_or_below
    assert not staff(level=Level.DIVISION_DEPUTY).is_section_level_or_below


def test_a_post_is_key_when_it_has_a_key_area() -> None:
    """key_areas are a frozenset; any area makes the post key."""
    assert not post().is_key
    finance = post(key_areas=[KeyArea.FINANCE, KeyArea.FINANCE])
    assert finance.is_key
    assert finance.key_areas == frozenset({KeyArea.FINANCE})
    assert KeyArea.FINANCE in AVOIDANCE_AREAS
    assert KeyArea.PROCUREMENT not in AVOIDANCE_AREAS


def test_only_research_inspection_and_study_visits_are_field_trips() -> None:
    """FIELD_KINDS is 调研、视察、考察."""
    assert {k.zh for k in ActivityKind if k.is_field_trip} == {"调研", "视察", "考察"}


def test_a_department_is_a_section_unless_told_otherwise() -> None:
    """The default kind is 科室."""
    assert department().kind is DepartmentKind.SECTION
    assert DepartmentKind.COMMITTEE.zh == "专门委员会"


def test_task_sources_and_statuses_carry_chinese_terms() -> None:
    """Done and cancelled are the closed statuses."""
    assert {s for s in TaskStatus if s.is_closed} == {TaskStatus.DONE, TaskStatus.CANCELLED}
    assert TaskSource.LEADER_INSTRUCTION.zh == "领导批示"


def test_domain_objects_are_immutable() -> None:
    """Frozen: assigning a field raises; attrs.evolve makes a changed copy."""
    person = staff()
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        person.name = "李强"  # type: ignore[misc]
    changed = attrs.evolve(person, name="李强")
    assert (person.name, changed.name) == ("王伟", "李强")


def test_evolve_runs_the_validators_again() -> None:
    """A change through attrs.evolve cannot produce an invalid object."""
    with pytest.raises(InvalidValue):
        attrs.evolve(task(), deadline=D(2020, 1, 1))


# Collections hold the right kind of item ----------------------------------------------------


def test_key_areas_hold_key_area_members_not_strings() -> None:
    """Post(key_areas=["finance"]) is refused; a lone member is one area, not an iterable."""
    with pytest.raises(WrongType) as caught:
        post(key_areas=["finance"])
    assert caught.value.field == "key_areas"
    assert post(key_areas=KeyArea.AUDIT).key_areas == frozenset({KeyArea.AUDIT})


def test_relatives_hold_relative_items() -> None:
    """A bare id in relatives is refused with WrongType, not a bare AttributeError."""
    with pytest.raises(WrongType) as caught:
        staff(relatives=["s2"])
    assert caught.value.field == "relatives"


def test_a_non_string_participant_is_refused_without_a_bare_type_error() -> None:
    """Mixed ids are reported by the id validator, not by sorting."""
    with pytest.raises(InvalidValue) as caught:
        activity(participants=["s1", 2])
    assert caught.value.field == "participants"
