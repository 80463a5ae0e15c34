"""The year's work plan (年度工作要点、协商计划): each 委室's items, their owners and milestones.

A :class:`WorkPlan` is immutable; :meth:`WorkPlan.complete` records a milestone done and returns
a new plan. Construction checks PLAN-ARTICLE-PLAN: every item has an owner and at least one
milestone, every target date lies in the plan's year, ids are unique.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

import attrs
from attrs import field, frozen
from attrs.validators import optional

from jiguan_core._validation import (
    date_value,
    identifier,
    instance_of,
    is_collection,
    keep,
    members_of,
    number,
    optional_date,
    text,
    unique_ids,
    year,
)
from jiguan_core.errors import InvalidInput, InvalidValue, Problem, UnknownEntity
from jiguan_core.text import Lang, TermEnum
from jiguan_core.work._workflow import member_of

__all__ = ["FieldTrip", "Milestone", "PlanItem", "PlanItemKind", "WorkPlan"]


class PlanItemKind(TermEnum):
    """What a plan item is."""

    CONSULTATION = "consultation", "协商议政"
    RESEARCH = "research", "调研视察"
    PROPOSAL_WORK = "proposal_work", "提案工作"
    LEARNING = "learning", "学习教育"
    SPECIAL = "special", "专项活动"
    OTHER = "other", "其他"


@frozen(kw_only=True)
class Milestone:
    """A node of an item: done by ``target``; ``done_on`` once done."""

    id: str = field(validator=identifier)
    title: str = field(validator=text)
    target: dt.date = field(validator=date_value)
    done_on: dt.date | None = field(default=None, validator=optional_date)

    def is_late(self, as_of: dt.date) -> bool:
        """Not done by its target (as seen on ``as_of``), or done after it."""
        if self.done_on is not None:
            return self.done_on > self.target
        return as_of > self.target

    def render(self, lang: Lang = "zh") -> str:
        done = (
            (f"（{self.done_on} 完成）" if lang == "zh" else f" (done {self.done_on})")
            if self.done_on
            else ""
        )
        return f"{self.title} {self.target}{done}"


def _ids_in_order(values: Iterable[str]) -> tuple[str, ...]:
    """Ids in the given order; a lone id is one item (not its characters)."""
    if isinstance(values, str):
        return (values,)
    return tuple(values) if is_collection(values) else keep(values, _ids_in_order)


def _milestone_key(m: object) -> tuple[int, dt.date, str]:
    # An item of the wrong type sorts last and is reported by the field's validator.
    if isinstance(m, Milestone):
        return (0, m.target, m.id)
    return (1, dt.date.min, repr(m))


def _milestones(values: Iterable[Milestone]) -> tuple[Milestone, ...]:
    if not is_collection(values):
        return keep(values, _milestones)
    return tuple(sorted(values, key=_milestone_key))


@frozen(kw_only=True)
class FieldTrip:
    """A field trip an item needs: ``days`` long, to ``target_place``, in ``quarter``, with its
    participants and leadership members; placed by :func:`~jiguan_core.workplan.plan_field_trips`."""

    target_place: str = field(validator=text)
    days: int = field(default=1, validator=number(minimum=1, maximum=30, integer=True))
    quarter: int = field(default=1, validator=number(minimum=1, maximum=4, integer=True))
    participants: tuple[str, ...] = field(default=(), converter=_ids_in_order, validator=unique_ids)
    leaders: tuple[str, ...] = field(default=(), converter=_ids_in_order, validator=unique_ids)

    def __attrs_post_init__(self) -> None:
        if self.quarter not in (1, 2, 3, 4) or not 1 <= self.days <= 30:
            raise InvalidValue(
                f"FieldTrip: quarter must be 1-4 and days 1-30, got {self.quarter}, {self.days}",
                f"调研安排：季度须为 1-4、天数须为 1-30，实际为 {self.quarter}、{self.days}",
                field="quarter",
                value=(self.quarter, self.days),
            )


@frozen(kw_only=True)
class PlanItem:
    """One item of a 委室's plan."""

    id: str = field(validator=identifier)
    department_id: str = field(validator=identifier)
    title: str = field(validator=text)
    owner_id: str = field(validator=identifier)
    kind: PlanItemKind = field(default=PlanItemKind.OTHER, validator=member_of(PlanItemKind))
    milestones: tuple[Milestone, ...] = field(
        default=(), converter=_milestones, validator=members_of(Milestone)
    )
    trip: FieldTrip | None = field(default=None, validator=optional(instance_of(FieldTrip)))

    @property
    def is_done(self) -> bool:
        return all(m.done_on is not None for m in self.milestones)


def _item_key(i: object) -> tuple[int, str, str]:
    # An item of the wrong type sorts last and is reported by the field's validator.
    if isinstance(i, PlanItem):
        return (0, i.department_id, i.id)
    return (1, "", repr(i))


def _items(values: Iterable[PlanItem]) -> tuple[PlanItem, ...]:
    if not is_collection(values):
        return keep(values, _items)
    return tuple(sorted(values, key=_item_key))


@frozen(kw_only=True)
class WorkPlan:
    """The plan of ``year``: items sorted by department and id."""

    year: int = field(validator=year)
    items: tuple[PlanItem, ...] = field(converter=_items, validator=members_of(PlanItem))

    def __attrs_post_init__(self) -> None:
        problems: list[Problem] = []
        seen: set[str] = set()
        for i, item in enumerate(self.items):
            at = f"items[{i}]"
            if item.id in seen:
                problems.append(
                    Problem(at, f"item id {item.id!r} appears twice", f"事项编号 {item.id!r} 重复")
                )
            seen.add(item.id)
            if not item.milestones:
                problems.append(
                    Problem(
                        f"{at}.milestones",
                        f"item {item.id} has no milestone; give it at least one with a target "
                        "date (PLAN-ARTICLE-PLAN)",
                        f"事项 {item.id} 没有节点；请至少设一个带完成时限的节点",
                    )
                )
            for j, milestone in enumerate(item.milestones):
                if milestone.id in seen:
                    problems.append(
                        Problem(
                            f"{at}.milestones[{j}]",
                            f"milestone id {milestone.id!r} appears twice",
                            f"节点编号 {milestone.id!r} 重复",
                        )
                    )
                seen.add(milestone.id)
                if milestone.target.year != self.year:
                    problems.append(
                        Problem(
                            f"{at}.milestones[{j}].target",
                            f"milestone {milestone.id} is due {milestone.target}, outside "
                            f"{self.year} (PLAN-ARTICLE-PLAN)",
                            f"节点 {milestone.id} 时限 {milestone.target} 不在 {self.year} 年内",
                        )
                    )
        if problems:
            raise InvalidInput(problems)

    @property
    def milestones(self) -> tuple[tuple[PlanItem, Milestone], ...]:
        """Every (item, milestone), by target date then id."""
        pairs = [(item, m) for item in self.items for m in item.milestones]
        return tuple(sorted(pairs, key=lambda p: (p[1].target, p[1].id)))

    def departments(self) -> tuple[str, ...]:
        return tuple(sorted({i.department_id for i in self.items}))

    def complete(self, milestone_id: str, *, on: dt.date) -> WorkPlan:
        """The plan with ``milestone_id`` done on ``on`` (done twice keeps the first day)."""
        for item in self.items:
            for milestone in item.milestones:
                if milestone.id == milestone_id:
                    if milestone.done_on is not None:
                        return self
                    done = attrs.evolve(milestone, done_on=on)
                    new_item = attrs.evolve(
                        item,
                        milestones=[done if m is milestone else m for m in item.milestones],
                    )
                    return attrs.evolve(
                        self, items=[new_item if i is item else i for i in self.items]
                    )
        raise UnknownEntity(
            "milestone", milestone_id, hint="use a milestone id of the plan", kind_zh="节点"
        )
