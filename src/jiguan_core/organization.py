"""The :class:`Organization` aggregate: one office's departments, staff, posts, calendar and tasks.

It checks referential integrity on construction and reports *every* problem at once, each with
the path of the offending object (``staff[3].department_id``), so a caller can fix a file in one
pass. It is immutable: ``with_*`` methods return a new organization.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from typing import Any, TypeVar

import attrs
from attrs import field, frozen

from jiguan_core._validation import is_collection, keep, members_of, sort_key, text
from jiguan_core.absence import Absence
from jiguan_core.activity import Activity
from jiguan_core.department import Department
from jiguan_core.errors import IntegrityError, Problem, UnknownEntity
from jiguan_core.post import ABRole, Post, PostAssignment, PostRole
from jiguan_core.room import Room
from jiguan_core.staff import Staff
from jiguan_core.task import Task

__all__ = ["Organization"]

_T = TypeVar("_T")


def _sorted_by_id(values: Iterable[Any]) -> tuple[Any, ...]:
    # Typed loosely on purpose: mypy's attrs plugin cannot solve a generic converter.
    # An item of the wrong type sorts last and is reported by the field's validator, and so is
    # a value that is no collection at all (None ...).
    if not is_collection(values):
        return keep(values, _sorted_by_id)
    return tuple(sorted(values, key=sort_key("id")))


def _assignment_key(a: object) -> tuple[int, str, str, dt.date, str]:
    if isinstance(a, PostAssignment):
        return (0, a.staff_id, a.post_id, a.start, a.role.value)
    return (1, repr(a), "", dt.date.min, "")


def _sorted_assignments(values: Iterable[PostAssignment]) -> tuple[PostAssignment, ...]:
    if not is_collection(values):
        return keep(values, _sorted_assignments)  # reported by the validator
    return tuple(sorted(values, key=_assignment_key))


def _ab_role_key(r: object) -> tuple[int, str, str, str]:
    if isinstance(r, ABRole):
        return (0, r.post_id, r.a_id, r.b_id)
    return (1, repr(r), "", "")


def _sorted_ab_roles(values: Iterable[ABRole]) -> tuple[ABRole, ...]:
    if not is_collection(values):
        return keep(values, _sorted_ab_roles)  # reported by the validator
    return tuple(sorted(values, key=_ab_role_key))


@frozen(kw_only=True)
class _Index:
    departments: Mapping[str, Department]
    staff: Mapping[str, Staff]
    posts: Mapping[str, Post]
    rooms: Mapping[str, Room]
    activities: Mapping[str, Activity]
    absences: Mapping[str, Absence]
    tasks: Mapping[str, Task]
    assignments_by_staff: Mapping[str, tuple[PostAssignment, ...]]
    assignments_by_post: Mapping[str, tuple[PostAssignment, ...]]
    ab_role_by_post: Mapping[str, ABRole]


@frozen(kw_only=True)
class Organization:
    """One office. Collections are stored sorted (by id, or by a natural key) so that the same
    content always gives the same object, the same JSON and the same iteration order."""

    name: str = field(validator=text)
    departments: tuple[Department, ...] = field(
        default=(), converter=_sorted_by_id, validator=members_of(Department)
    )
    staff: tuple[Staff, ...] = field(
        default=(), converter=_sorted_by_id, validator=members_of(Staff)
    )
    posts: tuple[Post, ...] = field(default=(), converter=_sorted_by_id, validator=members_of(Post))
    assignments: tuple[PostAssignment, ...] = field(
        default=(), converter=_sorted_assignments, validator=members_of(PostAssignment)
    )
    ab_roles: tuple[ABRole, ...] = field(
        default=(), converter=_sorted_ab_roles, validator=members_of(ABRole)
    )
    rooms: tuple[Room, ...] = field(default=(), converter=_sorted_by_id, validator=members_of(Room))
    absences: tuple[Absence, ...] = field(
        default=(), converter=_sorted_by_id, validator=members_of(Absence)
    )
    activities: tuple[Activity, ...] = field(
        default=(), converter=_sorted_by_id, validator=members_of(Activity)
    )
    tasks: tuple[Task, ...] = field(default=(), converter=_sorted_by_id, validator=members_of(Task))
    _index: _Index = field(init=False, eq=False, repr=False)

    def __attrs_post_init__(self) -> None:
        problems: list[Problem] = []
        index = self._build_index(problems)
        self._check_references(index, problems)
        self._check_assignments(index, problems)
        if problems:
            raise IntegrityError(problems)
        object.__setattr__(self, "_index", index)

    # Construction checks ----------------------------------------------------------------
    def _build_index(self, problems: list[Problem]) -> _Index:
        def unique(name: str, items: Sequence[Any]) -> dict[str, Any]:
            found: dict[str, Any] = {}
            for item in items:
                if item.id in found:
                    problems.append(
                        Problem(
                            f"{name}[{item.id}]",
                            f"duplicate id {item.id!r}; every {name} entry needs its own id",
                            f"{name} 中编号 {item.id!r} 重复",
                        )
                    )
                found[item.id] = item
            return found

        by_staff: dict[str, list[PostAssignment]] = defaultdict(list)
        by_post: dict[str, list[PostAssignment]] = defaultdict(list)
        for assignment in self.assignments:
            by_staff[assignment.staff_id].append(assignment)
            by_post[assignment.post_id].append(assignment)
        ab_by_post: dict[str, ABRole] = {}
        for role in self.ab_roles:
            if role.post_id in ab_by_post:
                problems.append(
                    Problem(
                        f"ab_roles[{role.post_id}]",
                        f"post {role.post_id!r} has two AB roles (two A's); keep one",
                        f"岗位 {role.post_id!r} 设置了两组 AB 角",
                    )
                )
            ab_by_post[role.post_id] = role
        return _Index(
            departments=unique("departments", self.departments),
            staff=unique("staff", self.staff),
            posts=unique("posts", self.posts),
            rooms=unique("rooms", self.rooms),
            activities=unique("activities", self.activities),
            absences=unique("absences", self.absences),
            tasks=unique("tasks", self.tasks),
            assignments_by_staff={k: tuple(v) for k, v in by_staff.items()},
            assignments_by_post={k: tuple(v) for k, v in by_post.items()},
            ab_role_by_post=ab_by_post,
        )

    def _check_reporting_lines(self, index: _Index, problems: list[Problem]) -> None:
        """``reports_to`` must lead up to someone who reports to nobody: a cycle (a reports to
        b, b to a) has no top and would send every walk up the line round for ever."""
        done: set[str] = set()
        for person in self.staff:
            path: list[str] = []
            on_path: set[str] = set()
            current: str | None = person.id
            while current is not None and current not in done and current not in on_path:
                path.append(current)
                on_path.add(current)
                found = index.staff.get(current)
                current = found.reports_to if found is not None else None
            if current is not None and current in on_path:
                cycle = path[path.index(current) :]
                first = min(cycle)
                start = cycle.index(first)
                ordered = cycle[start:] + cycle[:start]
                shown = " → ".join([*ordered, first])
                problems.append(
                    Problem(
                        f"staff[{first}].reports_to",
                        f"the reporting line goes round in a circle: {shown}; one of them must "
                        "report to someone outside the circle, or to nobody",
                        f"上下级关系形成循环：{shown}；其中一人应向循环之外的人汇报或无上级",
                    )
                )
            done.update(path)

    def _check_references(self, index: _Index, problems: list[Problem]) -> None:
        kinds_en = {"departments": "department", "staff": "staff", "posts": "post", "rooms": "room"}
        kinds_zh = {"departments": "部门", "staff": "人员", "posts": "岗位", "rooms": "会议室"}

        def ref(path: str, target: str, value: str | None) -> None:
            table: Mapping[str, object] = getattr(index, target)
            if value is not None and value not in table:
                problems.append(
                    Problem(
                        path,
                        f"refers to unknown {kinds_en[target]} id {value!r}; add it to {target} "
                        "or fix the id",
                        f"引用了不存在的{kinds_zh[target]}编号 {value!r}",
                    )
                )

        self._check_reporting_lines(index, problems)
        for person in self.staff:
            i = person.id
            ref(f"staff[{i}].department_id", "departments", person.department_id)
            ref(f"staff[{i}].reports_to", "staff", person.reports_to)
            for j, relative in enumerate(person.relatives):
                ref(f"staff[{i}].relatives[{j}].staff_id", "staff", relative.staff_id)
        for post in self.posts:
            ref(f"posts[{post.id}].department_id", "departments", post.department_id)
        for role in self.ab_roles:
            i = role.post_id
            ref(f"ab_roles[{i}].post_id", "posts", role.post_id)
            for j, person_id in enumerate(role.chain):
                ref(f"ab_roles[{i}].chain[{j}]", "staff", person_id)
        for absence in self.absences:
            ref(f"absences[{absence.id}].staff_id", "staff", absence.staff_id)
        for activity in self.activities:
            i = activity.id
            ref(f"activities[{i}].department_id", "departments", activity.department_id)
            ref(f"activities[{i}].room_id", "rooms", activity.room_id)
            for j, person_id in enumerate(activity.participants):
                ref(f"activities[{i}].participants[{j}]", "staff", person_id)
            for j, person_id in enumerate(activity.leaders):
                ref(f"activities[{i}].leaders[{j}]", "staff", person_id)
                leader = index.staff.get(person_id)
                if leader is not None and not leader.is_leadership_member:
                    problems.append(
                        Problem(
                            f"activities[{i}].leaders[{j}]",
                            f"{person_id!r} is not a leadership member (主席会议成员); list them "
                            "as a participant",
                            f"{person_id!r} 不是主席会议成员，应列为参加人员",
                        )
                    )
        for task in self.tasks:
            i = task.id
            ref(f"tasks[{i}].owner_id", "staff", task.owner_id)
            ref(f"tasks[{i}].department_id", "departments", task.department_id)

    def _check_assignments(self, index: _Index, problems: list[Problem]) -> None:
        for assignment in self.assignments:
            i = _label(assignment)
            if assignment.staff_id not in index.staff:
                problems.append(
                    Problem(
                        f"assignments[{i}].staff_id",
                        f"refers to unknown staff id {assignment.staff_id!r}",
                        f"引用了不存在的人员编号 {assignment.staff_id!r}",
                    )
                )
            if assignment.post_id not in index.posts:
                problems.append(
                    Problem(
                        f"assignments[{i}].post_id",
                        f"refers to unknown post id {assignment.post_id!r}",
                        f"引用了不存在的岗位编号 {assignment.post_id!r}",
                    )
                )
        for staff_id, held in index.assignments_by_staff.items():
            mains = [a for a in held if a.role is PostRole.MAIN]
            for first, second in _overlapping_pairs(mains):
                problems.append(
                    Problem(
                        f"assignments[{_label(second)}]",
                        f"{staff_id!r} would hold two main posts at once ({first.post_id!r} "
                        f"from {first.start}, {second.post_id!r} from {second.start}); end "
                        "the first before the second starts",
                        f"{staff_id!r} 同时有两个主岗（{first.post_id!r}、{second.post_id!r}）",
                    )
                )
            by_post: dict[str, list[PostAssignment]] = defaultdict(list)
            for a in held:
                by_post[a.post_id].append(a)
            for post_id, same in by_post.items():
                for first, second in _overlapping_pairs(same):
                    problems.append(
                        Problem(
                            f"assignments[{_label(second)}]",
                            f"{staff_id!r} is assigned to post {post_id!r} twice over "
                            f"overlapping dates (from {first.start} and from {second.start})",
                            f"{staff_id!r} 在重叠的时间内两次任岗位 {post_id!r}",
                        )
                    )
        for person in self.staff:
            i = person.id
            if not any(
                a.role is PostRole.MAIN for a in index.assignments_by_staff.get(person.id, ())
            ):
                problems.append(
                    Problem(
                        f"staff[{i}]",
                        f"{person.id!r} ({person.name}) has no main post (主岗); add a main "
                        "assignment",
                        f"{person.id!r}（{person.name}）没有主岗",
                    )
                )
        for post_id, held in index.assignments_by_post.items():
            mains = [a for a in held if a.role is PostRole.MAIN]
            for first, second in _overlapping_pairs(mains):
                if first.staff_id != second.staff_id:
                    problems.append(
                        Problem(
                            f"assignments[{_label(second)}]",
                            f"post {post_id!r} has two main holders at once ({first.staff_id!r} "
                            f"and {second.staff_id!r}); end one assignment first",
                            f"岗位 {post_id!r} 同时有两名主岗人员（{first.staff_id!r}、"
                            f"{second.staff_id!r}）",
                        )
                    )

    # Look-ups -----------------------------------------------------------------------------
    def department(self, department_id: str) -> Department:
        return _lookup(self._index.departments, "department", department_id, "部门")

    def person(self, staff_id: str) -> Staff:
        return _lookup(self._index.staff, "staff member", staff_id, "人员")

    def post(self, post_id: str) -> Post:
        return _lookup(self._index.posts, "post", post_id, "岗位")

    def room(self, room_id: str) -> Room:
        return _lookup(self._index.rooms, "room", room_id, "会议室")

    def activity(self, activity_id: str) -> Activity:
        return _lookup(self._index.activities, "activity", activity_id, "活动")

    def absence(self, absence_id: str) -> Absence:
        return _lookup(self._index.absences, "absence", absence_id, "请假/外出记录")

    def task(self, task_id: str) -> Task:
        return _lookup(self._index.tasks, "task", task_id, "任务")

    def has_staff(self, staff_id: str) -> bool:
        return staff_id in self._index.staff

    def has_room(self, room_id: str) -> bool:
        return room_id in self._index.rooms

    def staff_of(self, department_id: str) -> tuple[Staff, ...]:
        return tuple(s for s in self.staff if s.department_id == department_id)

    @property
    def leadership_members(self) -> tuple[Staff, ...]:
        """主席会议成员, by id."""
        return tuple(s for s in self.staff if s.is_leadership_member)

    def assignments_of(self, staff_id: str) -> tuple[PostAssignment, ...]:
        return self._index.assignments_by_staff.get(staff_id, ())

    def holders_of(self, post_id: str) -> tuple[PostAssignment, ...]:
        return self._index.assignments_by_post.get(post_id, ())

    def main_post_of(self, staff_id: str, as_of: dt.date) -> Post | None:
        for assignment in self.assignments_of(staff_id):
            if assignment.role is PostRole.MAIN and assignment.active_on(as_of):
                return self.post(assignment.post_id)
        return None

    def posts_held(self, staff_id: str, as_of: dt.date) -> tuple[tuple[Post, PostRole], ...]:
        return tuple(
            (self.post(a.post_id), a.role)
            for a in self.assignments_of(staff_id)
            if a.active_on(as_of)
        )

    def ab_role(self, post_id: str) -> ABRole | None:
        return self._index.ab_role_by_post.get(post_id)

    @property
    def key_posts(self) -> tuple[Post, ...]:
        return tuple(p for p in self.posts if p.is_key)

    def absences_of(self, staff_id: str) -> tuple[Absence, ...]:
        return tuple(a for a in self.absences if a.staff_id == staff_id)

    # Changes (each returns a new organization) ------------------------------------------
    def evolve(self, **changes: Any) -> Organization:
        return attrs.evolve(self, **changes)

    def with_activities(self, activities: Iterable[Activity]) -> Organization:
        return attrs.evolve(self, activities=(*self.activities, *activities))

    def with_absences(self, absences: Iterable[Absence]) -> Organization:
        return attrs.evolve(self, absences=(*self.absences, *absences))

    def with_tasks(self, tasks: Iterable[Task]) -> Organization:
        return attrs.evolve(self, tasks=(*self.tasks, *tasks))

    def replace_activity(self, activity: Activity) -> Organization:
        self.activity(activity.id)  # raises UnknownEntity when there is nothing to replace
        return attrs.evolve(
            self,
            activities=tuple(activity if a.id == activity.id else a for a in self.activities),
        )

    def without_activity(self, activity_id: str) -> Organization:
        self.activity(activity_id)
        return attrs.evolve(
            self, activities=tuple(a for a in self.activities if a.id != activity_id)
        )

    def replace_absence(self, absence: Absence) -> Organization:
        self.absence(absence.id)  # raises UnknownEntity when there is nothing to replace
        return attrs.evolve(
            self, absences=tuple(absence if a.id == absence.id else a for a in self.absences)
        )

    def without_absence(self, absence_id: str) -> Organization:
        self.absence(absence_id)
        return attrs.evolve(self, absences=tuple(a for a in self.absences if a.id != absence_id))

    def replace_task(self, task: Task) -> Organization:
        self.task(task.id)  # raises UnknownEntity when there is nothing to replace
        return attrs.evolve(self, tasks=tuple(task if t.id == task.id else t for t in self.tasks))

    def without_task(self, task_id: str) -> Organization:
        self.task(task_id)
        return attrs.evolve(self, tasks=tuple(t for t in self.tasks if t.id != task_id))


def _lookup(table: Mapping[str, _T], kind: str, key: str, kind_zh: str) -> _T:
    try:
        return table[key]
    except KeyError:
        raise UnknownEntity(kind, key, kind_zh=kind_zh) from None


def _label(assignment: PostAssignment) -> str:
    """Names an assignment in a problem path (assignments have no id of their own)."""
    return f"{assignment.staff_id}@{assignment.post_id}/{assignment.role.value}/{assignment.start}"


def _overlapping_pairs(
    assignments: Sequence[PostAssignment],
) -> list[tuple[PostAssignment, PostAssignment]]:
    """Pairs of assignments whose date ranges overlap (sorted sweep, not all pairs)."""
    ordered = sorted(assignments, key=lambda a: (a.start, a.post_id))
    pairs = []
    open_until: PostAssignment | None = None
    for assignment in ordered:
        if open_until is not None and open_until.overlaps(assignment):
            pairs.append((open_until, assignment))
        if open_until is None or (
            open_until.end is not None
            and (assignment.end is None or assignment.end > open_until.end)
        ):
            open_until = assignment
    return pairs
