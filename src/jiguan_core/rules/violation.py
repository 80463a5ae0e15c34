"""A broken scheduling rule: who, what, where and when, in Chinese and English."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping
from typing import Any, TypeVar

import attrs
from attrs import field, frozen

from jiguan_core.errors import InvalidValue
from jiguan_core.finding import Finding
from jiguan_core.rule import Severity
from jiguan_core.text import Lang, Text

__all__ = ["Violation"]

_T = TypeVar("_T")


def _ids(values: tuple[str, ...] | list[str]) -> tuple[str, ...]:
    if len(values) < 2:
        return tuple(values)
    if len(values) == 2:
        first, second = values
        if first == second:
            return (first,)
        return (first, second) if first < second else (second, first)
    return tuple(sorted(set(values)))


@frozen(kw_only=True)
class Violation:
    """One violation of one rule, found exactly once.

    ``part`` names the rule's pattern that matched (e.g. ``SCHED-COORD-PERSON/clash``); ``refs`` are the ids of
    a pair pattern's two matched facts in pattern order (for SCHED-DEV-AB: A's item, then B's). Id tuples
    are sorted;
    the fields not relevant to the rule are empty. ``penalty`` (>= 1) is what it costs at its
    level. ``key`` identifies the violation and orders reports.
    """

    rule_id: str
    part: str
    level: Severity
    activity_ids: tuple[str, ...] = field(default=(), converter=_ids)
    absence_ids: tuple[str, ...] = field(default=(), converter=_ids)
    staff_ids: tuple[str, ...] = field(default=(), converter=_ids)
    post_id: str | None = None
    room_id: str | None = None
    department_id: str | None = None
    place: str | None = None
    blackout_id: str | None = None
    day: dt.date | None = None
    refs: tuple[str, ...] = ()
    penalty: int = 1
    _message: Text | None = field(default=None, eq=False, repr=False, alias="message")
    _explain: Callable[..., Text] | None = field(
        default=None, eq=False, repr=False, alias="explain"
    )
    # What ``explain`` is called with. An engine passes one explainer shared by every violation
    # of a check and here only plain data (ids, ints): a tuple of those is not tracked by the
    # cyclic garbage collector, so tens of thousands of violations cost collections little.
    _detail: tuple[Any, ...] = field(default=(), eq=False, repr=False, alias="detail")

    def __attrs_post_init__(self) -> None:
        object.__setattr__(self, "_key", self._make_key())
        if self._message is None and self._explain is None:
            raise InvalidValue(
                f"violation of {self.rule_id} needs a message (or explain, which makes one)",
                f"{self.rule_id} 的违规记录缺少说明",
                field="message",
                value=None,
            )

    @property
    def message(self) -> Text:
        """What happened, naming the people and activities (Chinese and English). Rendered on
        first use: a check with tens of thousands of violations does not format them all."""
        found = self._message
        if found is None:
            assert self._explain is not None
            found = self._explain(*self._detail)
            object.__setattr__(self, "_message", found)
            object.__setattr__(self, "_explain", None)
            object.__setattr__(self, "_detail", ())
        return found

    def __getstate__(self) -> dict[str, object]:
        """Pickles with its message rendered (the renderer is not kept)."""
        self.message  # noqa: B018 - render before pickling
        return {name: getattr(self, name) for name in _FIELDS if name != "_explain"}

    def __setstate__(self, state: dict[str, object]) -> None:
        for name in _FIELDS:
            object.__setattr__(self, name, state.get(name))

    _key: tuple[object, ...] = field(init=False, eq=False, repr=False)

    @property
    def key(self) -> tuple[object, ...]:
        """Identity and sort key: rule number, day, then the ids involved."""
        return self._key

    def _make_key(self) -> tuple[object, ...]:
        return (
            _rule_number(self.rule_id),
            self.rule_id,
            self.day or dt.date.min,
            self.part,
            self.activity_ids,
            self.absence_ids,
            self.staff_ids,
            self.post_id or "",
            self.room_id or "",
            self.department_id or "",
            self.place or "",
            self.blackout_id or "",
            self.refs,
        )

    def render(self, lang: Lang = "zh") -> str:
        return f"[{self.rule_id} {self.level.label(lang)}] {self.message.render(lang)}"

    def to_finding(self) -> Finding:
        """This violation as the one :class:`~jiguan_core.finding.Finding` every area shares."""
        from jiguan_core.catalogue import rule

        subjects = {
            "activity": self.activity_ids,
            "absence": self.absence_ids,
            "staff": self.staff_ids,
            "post": _one(self.post_id),
            "room": _one(self.room_id),
            "department": _one(self.department_id),
            "place": _one(self.place),
            "blackout": _one(self.blackout_id),
        }
        return Finding(
            rule_id=self.rule_id,
            part=self.part,
            level=self.level,
            subjects=subjects,
            dates=_one(self.day),
            message=self.message,
            sources=rule(self.rule_id).sources,
        )

    def to_dict(self) -> dict[str, Any]:
        """Plain JSON data with the message and the sources, read back by :meth:`from_dict`."""
        from jiguan_core.catalogue import rule

        return {
            "rule_id": self.rule_id,
            "part": self.part,
            "level": self.level.value,
            "activity_ids": list(self.activity_ids),
            "absence_ids": list(self.absence_ids),
            "staff_ids": list(self.staff_ids),
            "post_id": self.post_id,
            "room_id": self.room_id,
            "department_id": self.department_id,
            "place": self.place,
            "blackout_id": self.blackout_id,
            "day": self.day.isoformat() if self.day is not None else None,
            "refs": list(self.refs),
            "penalty": self.penalty,
            "message": {"zh": self.message.zh, "en": self.message.en},
            "sources": list(rule(self.rule_id).sources),
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Violation:
        """A violation from :meth:`to_dict`'s data (``sources`` is read from the catalogue)."""
        from jiguan_core.serialization import from_dict

        if not isinstance(data, Mapping):
            raise InvalidValue(
                f"a violation is a JSON object, got {data!r}",
                f"违规记录应为 JSON 对象，实际为 {data!r}",
                field="violation",
                value=data,
            )
        fields = {k: v for k, v in data.items() if k != "sources"}
        return from_dict(_ViolationData, fields).build()


_FIELDS = tuple(f.name for f in attrs.fields(Violation))


def _one(value: _T | None) -> tuple[_T, ...]:
    return () if value is None else (value,)


@frozen(kw_only=True)
class _ViolationData:
    """A violation's JSON form, checked field by field by the converter."""

    rule_id: str
    part: str
    level: Severity
    activity_ids: tuple[str, ...] = ()
    absence_ids: tuple[str, ...] = ()
    staff_ids: tuple[str, ...] = ()
    post_id: str | None = None
    room_id: str | None = None
    department_id: str | None = None
    place: str | None = None
    blackout_id: str | None = None
    day: dt.date | None = None
    refs: tuple[str, ...] = ()
    penalty: int = 1
    message: Text

    def build(self) -> Violation:
        return Violation(**attrs.asdict(self, recurse=False))


_new = object.__new__
_MIN_DAY = dt.date.min
# The slots' own setters (what ``object.__setattr__`` finds after a look-up), fetched once.
(
    _rule_id,
    _part,
    _level,
    _activity_ids,
    _absence_ids,
    _staff_ids,
    _post_id,
    _room_id,
    _department_id,
    _place,
    _blackout_id,
    _day,
    _refs,
    _penalty,
    _message,
    _explain,
    _detail,
    _key,
) = (
    Violation.__dict__[name].__set__
    for name in (
        "rule_id",
        "part",
        "level",
        "activity_ids",
        "absence_ids",
        "staff_ids",
        "post_id",
        "room_id",
        "department_id",
        "place",
        "blackout_id",
        "day",
        "refs",
        "penalty",
        "_message",
        "_explain",
        "_detail",
        "_key",
    )
)
assert set(_FIELDS) == {
    "rule_id",
    "part",
    "level",
    "activity_ids",
    "absence_ids",
    "staff_ids",
    "post_id",
    "room_id",
    "department_id",
    "place",
    "blackout_id",
    "day",
    "refs",
    "penalty",
    "_message",
    "_explain",
    "_detail",
    "_key",
}, "make_violation must set every field of Violation"


#: What a violation names, in this order: ``(activity_ids, absence_ids, staff_ids, post_id,
#: room_id, department_id, place, blackout_id, refs)``; the id tuples sorted, without repeats.
Subjects = tuple[
    tuple[str, ...],
    tuple[str, ...],
    tuple[str, ...],
    str | None,
    str | None,
    str | None,
    str | None,
    str | None,
    tuple[str, ...],
]


def make_violation(
    rule_id: str,
    part: str,
    level: Severity,
    day: dt.date | None,
    *,
    activity_ids: tuple[str, ...] = (),
    absence_ids: tuple[str, ...] = (),
    staff_ids: tuple[str, ...] = (),
    post_id: str | None = None,
    room_id: str | None = None,
    department_id: str | None = None,
    place: str | None = None,
    blackout_id: str | None = None,
    refs: tuple[str, ...] = (),
    penalty: int = 1,
    message: Text | None = None,
    explain: Callable[..., Text] | None = None,
    detail: tuple[Any, ...] = (),
) -> Violation:
    """``Violation(...)`` for the engines' hot loops (private): an equal object, made in a
    third of the time by skipping the converters and checks. The caller guarantees what they
    would ensure: id tuples already sorted and without repeats (see ``_ids``), ``message`` or
    ``explain`` given."""
    ids, places = (activity_ids, absence_ids, staff_ids), (post_id, room_id, department_id)
    subjects: Subjects = (*ids, *places, place, blackout_id, refs)
    return violation_of(rule_id, part, level, day, subjects, penalty, message, explain, detail)


def violation_of(
    rule_id: str,
    part: str,
    level: Severity,
    day: dt.date | None,
    subjects: Subjects,
    penalty: int,
    message: Text | None,
    explain: Callable[..., Text] | None,
    detail: tuple[Any, ...],
) -> Violation:
    """:func:`make_violation` with the subjects as one :data:`Subjects` tuple and every argument
    positional: the pair builder's form (one call per match, no keyword dictionaries)."""
    (
        activity_ids,
        absence_ids,
        staff_ids,
        post_id,
        room_id,
        department_id,
        place,
        blackout_id,
        refs,
    ) = subjects
    v = _new(Violation)
    _rule_id(v, rule_id)
    _part(v, part)
    _level(v, level)
    _activity_ids(v, activity_ids)
    _absence_ids(v, absence_ids)
    _staff_ids(v, staff_ids)
    _post_id(v, post_id)
    _room_id(v, room_id)
    _department_id(v, department_id)
    _place(v, place)
    _blackout_id(v, blackout_id)
    _day(v, day)
    _refs(v, refs)
    _penalty(v, penalty)
    _message(v, message)
    _explain(v, explain)
    _detail(v, detail)
    number = _NUMBERS.get(rule_id)
    _key(
        v,
        (
            _rule_number(rule_id) if number is None else number,
            rule_id,
            day or _MIN_DAY,
            part,
            activity_ids,
            absence_ids,
            staff_ids,
            post_id or "",
            room_id or "",
            department_id or "",
            place or "",
            blackout_id or "",
            refs,
        ),
    )
    return v


class SortedViolations(list[Violation]):
    """Violations an engine has sorted by :attr:`Violation.key` (private marker): a report
    takes them as they are instead of checking the order again."""


def pair_ids(first: str, second: str) -> tuple[str, ...]:
    """Two ids as ``_ids`` stores them: sorted, one if equal."""
    if first == second:
        return (first,)
    return (first, second) if first < second else (second, first)


def _rule_number(rule_id: str) -> int:
    """The rule's place in the scheduling catalogue: reports list rules in catalogue order."""
    found = _NUMBERS.get(rule_id)
    if found is None:
        from jiguan_core.catalogue.scheduling import RULES

        _NUMBERS.update({r.id: number for number, r in enumerate(RULES, start=1)})
        found = _NUMBERS.setdefault(rule_id, len(RULES) + 1)
    return found


_NUMBERS: dict[str, int] = {}
