"""What every workflow shares (documents, meetings, proposals, leave): its history of
:class:`StageEvent`, the checks of a step (who, when) and handing a stage on (private)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from typing import Any, Protocol, TypeVar

import attrs
from attrs import field, frozen

from jiguan_core._validation import (
    date_value,
    identifier,
    is_collection,
    keep,
    optional_date,
    optional_text,
)
from jiguan_core.calendar import WorkCalendar
from jiguan_core.errors import InvalidValue
from jiguan_core.text import Lang, TermEnum

__all__ = [
    "EventKind",
    "StageEvent",
    "check_day",
    "check_person",
    "hand_on",
    "last_day",
    "member_of",
    "started",
    "step",
]


def events(values: Iterable[StageEvent]) -> tuple[StageEvent, ...]:
    """A workflow's history as a tuple (a wrong value is left for the validator to report)."""
    return tuple(values) if is_collection(values) else keep(values, events)


def member_of(cls: type[TermEnum]) -> Any:
    """An attrs validator: the value is a member of ``cls`` (InvalidValue otherwise)."""

    def validate(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
        if not isinstance(value, cls):
            owner = type(instance).__name__
            choices = ", ".join(f"{m.value} ({m.zh})" for m in cls)
            raise InvalidValue(
                f"{owner}.{attribute.name} must be a {cls.__name__} ({choices}), got {value!r}",
                f"{owner}.{attribute.name} 应为 {cls.__name__}（{choices}），实际为 {value!r}",
                field=attribute.name,
                value=value,
            )

    return validate


class EventKind(TermEnum):
    """What happened at a stage."""

    STARTED = "started", "进入环节"
    COMPLETED = "completed", "办结环节"
    RETURNED = "returned", "退回"
    AMENDED = "amended", "修改"
    CHECKED = "checked", "完成清单项"


@frozen(kw_only=True)
class StageEvent:
    """One line of a workflow's history; ``due`` is set when a stage starts."""

    kind: EventKind = field(validator=member_of(EventKind))
    stage: TermEnum = field(validator=member_of(TermEnum))
    person_id: str = field(validator=identifier)
    on: dt.date = field(validator=date_value)
    due: dt.date | None = field(default=None, validator=optional_date)
    note: str = field(default="", validator=optional_text)

    def render(self, lang: Lang = "zh") -> str:
        due = f"（时限 {self.due}）" if lang == "zh" else f" (due {self.due})"
        return (
            f"{self.on} {self.stage.label(lang)} {self.kind.label(lang)} {self.person_id}"
            + (due if self.due is not None else "")
            + (f" — {self.note}" if self.note else "")
        )


def check_person(value: object, field_name: str, workflow_id: str) -> str:
    if not isinstance(value, str) or not value or value != value.strip():
        raise InvalidValue(
            f"{workflow_id}: {field_name} must name a person (a staff id), got {value!r}",
            f"{workflow_id}：{field_name} 应为人员编号，实际为 {value!r}",
            field=field_name,
            value=value,
        )
    return value


def check_day(value: object, field_name: str, workflow_id: str, not_before: dt.date) -> dt.date:
    if not isinstance(value, dt.date) or isinstance(value, dt.datetime):
        raise InvalidValue(
            f"{workflow_id}: {field_name} must be a date, got {value!r}",
            f"{workflow_id}：{field_name} 应为日期，实际为 {value!r}",
            field=field_name,
            value=value,
        )
    if value < not_before:
        raise InvalidValue(
            f"{workflow_id}: {field_name} {value} is before {not_before}, the last step of its "
            "history; transitions happen in time order",
            f"{workflow_id}：{field_name} {value} 早于上一步的日期 {not_before}",
            field=field_name,
            value=value,
        )
    return value


def working_days_late(due: dt.date | None, as_of: dt.date, calendar: WorkCalendar) -> int:
    """Working days after ``due`` up to and including ``as_of``: 0 when nothing is due or it is
    not late yet. Shared by tasks, documents and meetings so that "late" means one thing."""
    if due is None or as_of <= due:
        return 0
    one = dt.timedelta(days=1)
    return calendar.working_days_between(due + one, as_of + one)


def last_day(history: Sequence[StageEvent], since: dt.date) -> dt.date:
    """The day of a workflow's last step (``since``, its start, before any): no later step may
    be dated earlier, so a history reads in time order."""
    return history[-1].on if history else since


def step(
    workflow_id: str,
    kind: EventKind,
    stage: TermEnum,
    *,
    on: object,
    by: object,
    after: dt.date,
    note: str = "",
) -> StageEvent:
    """The event of ``by`` doing ``kind`` at ``stage`` on ``on``, checked: ``on`` a date not
    before ``after`` (the last step's day), ``by`` a person (InvalidValue otherwise, in that
    order)."""
    day = check_day(on, "on", workflow_id, after)
    person = check_person(by, "by", workflow_id)
    return StageEvent(kind=kind, stage=stage, person_id=person, on=day, note=note)


def started(
    workflow_id: str,
    stage: TermEnum,
    *,
    on: dt.date,
    to: object,
    due: dt.date | None,
    note: str = "",
) -> StageEvent:
    """The event of ``stage`` starting on ``on`` with ``to`` responsible (checked), due
    ``due``."""
    person = check_person(to, "to", workflow_id)
    return StageEvent(
        kind=EventKind.STARTED, stage=stage, person_id=person, on=on, due=due, note=note
    )


class _Staged(Protocol):
    @property
    def history(self) -> tuple[StageEvent, ...]: ...


_W = TypeVar("_W", bound=_Staged)


def hand_on(
    workflow: _W,
    events: Iterable[StageEvent],
    stage: TermEnum | None,
    responsible: str | None,
    due: dt.date | None,
    **changes: Any,
) -> _W:
    """``workflow`` with ``events`` added to its history and ``stage`` under way with
    ``responsible`` due ``due`` (all three None once it is finished), plus any ``changes``."""
    return attrs.evolve(  # type: ignore[misc]
        workflow,
        stage=stage,
        responsible_id=responsible,
        due=due,
        history=(*workflow.history, *events),
        **changes,
    )
