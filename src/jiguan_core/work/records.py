"""Learning and activity records (学习与活动记录) and the 第一议题 check.

A :class:`Record` is one thing the office counts: a centralised study session (with its
agenda), a training and who attended, a book loan, an essay, a publication (with its media
level), a research trip, an inspection, a study visit, an honour (with its level; a collective
honour names the unit and no person). A :class:`RecordBook` holds the records of one office and
checks that every person and department they name exists, listing every problem at once.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from operator import attrgetter
from typing import Any, cast

from attrs import field, frozen

from jiguan_core._validation import (
    SortedFrozenSet,
    a_collection,
    boundary,
    date_value,
    id_tuple,
    identifier,
    is_collection,
    keep,
    members_of,
    text,
    unique_ids,
)
from jiguan_core.catalogue.work import FIRST_TOPIC
from jiguan_core.errors import InvalidInput, InvalidValue, Problem, UnknownEntity
from jiguan_core.finding import Finding
from jiguan_core.organization import Organization
from jiguan_core.rule import Severity
from jiguan_core.text import TermEnum, Text
from jiguan_core.work._workflow import member_of

__all__ = [
    "AgendaItem",
    "CentralInstruction",
    "FirstTopicFinding",
    "Record",
    "RecordBook",
    "RecordColumn",
    "RecordKind",
    "StudyMeeting",
    "Tier",
    "first_topic_findings",
]


class RecordKind(TermEnum):
    STUDY_SESSION = "study_session", "集中学习"
    TRAINING = "training", "培训"
    BOOK_LOAN = "book_loan", "借阅图书"
    ESSAY = "essay", "心得体会"
    PUBLICATION = "publication", "发表稿件"
    RESEARCH = "research", "调研"
    INSPECTION = "inspection", "视察"
    STUDY_VISIT = "study_visit", "外出考察学习"
    HONOUR = "honour", "表彰"


class Tier(TermEnum):
    """Level of a medium or an honour."""

    CENTRAL = "central", "中央级"
    PROVINCIAL = "provincial", "省级"
    MUNICIPAL = "municipal", "市级"


class StudyMeeting(TermEnum):
    """The meetings the 第一议题 rule applies to."""

    PARTY_GROUP = "party_group", "党组会议"
    THEORY_GROUP = "theory_group", "理论学习中心组学习"
    CENTRALISED = "centralised", "集中学习"


#: Kinds that need a level.
LEVELLED_KINDS = frozenset({RecordKind.PUBLICATION, RecordKind.HONOUR})
#: Kinds that need at least one person (the borrower, the author).
PERSONAL_KINDS = frozenset({RecordKind.BOOK_LOAN, RecordKind.ESSAY, RecordKind.PUBLICATION})


@frozen(kw_only=True)
class CentralInstruction:
    """A central instruction (中央最新指示精神) to be studied as the first agenda item."""

    id: str = field(validator=identifier)
    title: str = field(validator=text)
    issued: dt.date = field(validator=date_value)


@frozen(kw_only=True)
class AgendaItem:
    """An agenda item; ``instruction_id`` is set when it is the study of a central instruction."""

    title: str = field(validator=text)
    instruction_id: str | None = None


def _agenda(values: Iterable[AgendaItem]) -> tuple[AgendaItem, ...]:
    return tuple(values) if is_collection(values) else keep(values, _agenda)


def _optional_member(cls: type[TermEnum]) -> Any:
    check = member_of(cls)

    def validate(instance: object, attribute: Any, value: object) -> None:
        if value is not None:
            check(instance, attribute, value)

    return validate


@frozen(kw_only=True)
class Record:
    """One counted learning or activity record.

    ``department_id`` is the organising or owning department (a collective honour: the unit
    honoured); ``participants`` the staff involved (attendees, borrower, authors, honourees).
    """

    id: str = field(validator=identifier)
    kind: RecordKind = field(validator=member_of(RecordKind))
    on: dt.date = field(validator=date_value)
    title: str = field(validator=text)
    department_id: str = field(validator=identifier)
    participants: tuple[str, ...] = field(default=(), converter=id_tuple, validator=unique_ids)
    level: Tier | None = field(default=None, validator=_optional_member(Tier))
    meeting: StudyMeeting | None = field(default=None, validator=_optional_member(StudyMeeting))
    agenda: tuple[AgendaItem, ...] = field(
        default=(), converter=_agenda, validator=members_of(AgendaItem)
    )

    def __attrs_post_init__(self) -> None:
        if (self.kind in LEVELLED_KINDS) != (self.level is not None):
            raise InvalidValue(
                f"record {self.id}: a {self.kind.en} "
                + (
                    "needs a level (central/provincial/municipal)"
                    if self.level is None
                    else "has no level; remove level"
                )
                + f", got level={self.level!r}",
                f"记录 {self.id}：{self.kind.zh}"
                + ("须注明级别（中央级/省级/市级）" if self.level is None else "不应有级别"),
                field="level",
                value=self.level,
            )
        if self.kind in PERSONAL_KINDS and not self.participants:
            raise InvalidValue(
                f"record {self.id}: a {self.kind.en} names at least one person in participants",
                f"记录 {self.id}：{self.kind.zh}须注明人员",
                field="participants",
                value=self.participants,
            )
        if self.kind is not RecordKind.STUDY_SESSION and (self.agenda or self.meeting):
            raise InvalidValue(
                f"record {self.id}: only a study session has an agenda and a meeting kind",
                f"记录 {self.id}：只有学习会议有议程和会议类型",
                field="agenda",
                value=self.agenda,
            )

    @property
    def is_collective(self) -> bool:
        """An honour of a unit (先进集体), not of people."""
        return self.kind is RecordKind.HONOUR and not self.participants


_DATE_AND_ID = attrgetter("on", "id")


def _sorted_records(values: Iterable[Record]) -> tuple[Record, ...]:
    if not is_collection(values):
        return keep(values, _sorted_records)  # reported by the validator
    items = list(values)
    try:
        return tuple(sorted(items, key=_DATE_AND_ID))
    except (AttributeError, TypeError):
        # A stray non-Record is reported by RecordBook's check, not as AttributeError.
        return tuple(
            sorted(items, key=lambda r: (getattr(r, "on", dt.date.min), str(getattr(r, "id", ""))))
        )


def _ids(values: Iterable[str]) -> frozenset[str]:
    if isinstance(values, str):
        return SortedFrozenSet((values,))
    return SortedFrozenSet(values) if is_collection(values) else keep(values, _ids)


@frozen(kw_only=True)
class RecordColumn:
    """The records of one (kind, level, collective) group in date order, flattened.

    Built by :class:`RecordBook` in the same pass that checks the records, so that period
    statistics never walk the record objects again. ``offsets[i]`` is the number of
    participations of the first ``i`` records; ``people`` and ``person_departments`` have one
    entry per participation (the person, and the record's department).
    """

    kind: RecordKind
    level: Tier | None
    collective: bool
    days: list[dt.date] = field(factory=list, eq=False, repr=False)
    departments: list[str] = field(factory=list, eq=False, repr=False)
    offsets: list[int] = field(factory=lambda: [0], eq=False, repr=False)
    people: list[str] = field(factory=list, eq=False, repr=False)
    person_departments: list[str] = field(factory=list, eq=False, repr=False)


@frozen(kw_only=True)
class RecordBook:
    """The records of one office, sorted by (date, id), every reference checked.

    ``staff_ids`` and ``department_ids`` are the people and units the records may name;
    :meth:`of` takes them from an :class:`~jiguan_core.organization.Organization`. An unknown
    person or department, or a duplicate id, raises :class:`InvalidInput` listing each one.
    The same pass builds ``columns``, the flat index the statistics read.
    """

    records: tuple[Record, ...] = field(converter=_sorted_records, validator=a_collection)
    staff_ids: frozenset[str] = field(converter=_ids, validator=unique_ids)
    department_ids: frozenset[str] = field(converter=_ids, validator=unique_ids)
    columns: tuple[RecordColumn, ...] = field(init=False, eq=False, repr=False)

    def __attrs_post_init__(self) -> None:
        problems: list[Problem] = []
        seen: set[str] = set()
        staff, departments = self.staff_ids, self.department_ids
        # Keyed by object ids: enum members hash in Python, ids hash in C (a million records).
        groups: dict[tuple[int, int, bool], RecordColumn] = {}
        for item in cast(tuple[object, ...], self.records):
            if not isinstance(item, Record):
                problems.append(Problem("records[?]", f"not a Record: {item!r}", "不是记录"))
                continue
            record = item
            record_id = record.id
            if record_id in seen:
                problems.append(
                    Problem(
                        f"records[{record_id}]",
                        f"duplicate record id {record_id!r}",
                        f"记录编号 {record_id!r} 重复",
                    )
                )
            seen.add(record_id)
            department = record.department_id
            if department not in departments:
                problems.append(
                    Problem(
                        f"records[{record_id}].department_id",
                        f"unknown department {department!r}",
                        f"未知的部门 {department!r}",
                    )
                )
            people = record.participants
            if people and not staff.issuperset(people):
                problems.extend(
                    Problem(
                        f"records[{record_id}].participants",
                        f"unknown person {person!r}; add them to the staff or fix the id",
                        f"未知的人员 {person!r}",
                    )
                    for person in people
                    if person not in staff
                )
            kind, level = record.kind, record.level
            key = (id(kind), id(level), not people)
            column = groups.get(key)
            if column is None:
                column = groups[key] = RecordColumn(
                    kind=kind,
                    level=level,
                    collective=kind is RecordKind.HONOUR and not people,
                )
            column.days.append(record.on)
            column.departments.append(department)
            if people:
                column.people.extend(people)
                column.person_departments.extend([department] * len(people))
            column.offsets.append(len(column.people))
        if problems:
            raise InvalidInput(problems)
        kinds, tiers = list(RecordKind), [None, *Tier]
        ordered = sorted(
            groups.values(),
            key=lambda c: (kinds.index(c.kind), tiers.index(c.level), c.collective),
        )
        object.__setattr__(self, "columns", tuple(ordered))

    @classmethod
    def of(cls, records: Iterable[Record], organization: Organization) -> RecordBook:
        return cls(
            records=records,
            staff_ids=(s.id for s in organization.staff),
            department_ids=(d.id for d in organization.departments),
        )

    def between(self, start: dt.date, end: dt.date) -> tuple[Record, ...]:
        """Records dated in ``[start, end)``."""
        return tuple(r for r in self.records if start <= r.on < end)


@frozen(kw_only=True)
class FirstTopicFinding:
    """A study meeting whose first agenda item is not the latest central instructions."""

    record_id: str
    on: dt.date
    problem: Text

    def to_finding(self, level: Severity | None = None) -> Finding:
        """This finding as the one :class:`~jiguan_core.finding.Finding` (WORK-FIRST-TOPIC)."""
        return Finding.of(
            FIRST_TOPIC.id,
            level=level,
            subjects={"record": (self.record_id,)},
            dates=(self.on,),
            message=self.problem,
        )


@boundary
def first_topic_findings(
    records: Iterable[Record],
    instructions: Iterable[CentralInstruction],
    overrides: Mapping[str, Any] | None = None,
) -> tuple[FirstTopicFinding, ...]:
    """Check 第一议题 (WORK-FIRST-TOPIC) on every study session.

    The first agenda item must study a central instruction, and no instruction issued more
    than ``grace_days`` calendar days before the meeting may be newer than the one studied.
    An agenda item naming an unknown instruction, or one issued after the meeting, is bad
    input (:class:`UnknownEntity` / :class:`InvalidValue`).
    """
    grace = dt.timedelta(days=int(FIRST_TOPIC.resolve(overrides)["grace_days"]))
    known = {i.id: i for i in sorted(instructions, key=lambda i: (i.issued, i.id))}
    issued = sorted(known.values(), key=lambda i: (i.issued, i.id))
    findings: list[FirstTopicFinding] = []
    for record in _sorted_records(records):
        if record.kind is not RecordKind.STUDY_SESSION:
            continue
        if not record.agenda:
            findings.append(
                FirstTopicFinding(
                    record_id=record.id,
                    on=record.on,
                    problem=Text(
                        "没有议程，无法确认第一议题", "no agenda: the first item is unknown"
                    ),
                )
            )
            continue
        first = record.agenda[0]
        if first.instruction_id is None:
            findings.append(
                FirstTopicFinding(
                    record_id=record.id,
                    on=record.on,
                    problem=Text(
                        f"第一项议程“{first.title}”不是学习中央最新指示精神",
                        f"the first item '{first.title}' is not the study of central instructions",
                    ),
                )
            )
            continue
        studied = known.get(first.instruction_id)
        if studied is None:
            raise UnknownEntity(
                "central instruction",
                first.instruction_id,
                hint=f"named by the agenda of record {record.id}; pass it in instructions",
            )
        if studied.issued > record.on:
            raise InvalidValue(
                f"record {record.id} on {record.on} studies {studied.id}, issued later on "
                f"{studied.issued}",
                f"记录 {record.id}（{record.on}）学习的 {studied.id} 于 {studied.issued} 才下发",
                field="agenda",
                value=studied.id,
            )
        newer = [
            i
            for i in issued
            if i.issued <= record.on - grace and (i.issued, i.id) > (studied.issued, studied.id)
        ]
        if newer:
            latest = newer[-1]
            findings.append(
                FirstTopicFinding(
                    record_id=record.id,
                    on=record.on,
                    problem=Text(
                        f"第一议题学习的“{studied.title}”不是最新精神：“{latest.title}”"
                        f"已于 {latest.issued} 下发",
                        f"the first item studies '{studied.title}', but the newer "
                        f"'{latest.title}' was issued on {latest.issued}",
                    ),
                )
            )
    return tuple(findings)
