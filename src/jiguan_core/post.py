"""Posts (岗位), who holds them (主岗/副岗), and their A/B backup roles (AB角)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from attrs import field, frozen

from jiguan_core._validation import (
    SortedFrozenSet,
    date_value,
    identifier,
    instance_of,
    is_collection,
    keep,
    members_of,
    optional_date,
    text,
    unique_ids,
)
from jiguan_core.errors import InvalidValue
from jiguan_core.text import TermEnum

__all__ = ["ABRole", "KeyArea", "Post", "PostAssignment", "PostRole"]


class KeyArea(TermEnum):
    """Areas that make a post a key post (重点岗位): REGULATIONS T1, T5 and the article's
    integrity risk points (procurement, tendering, fund disbursement, receptions)."""

    ORGANIZATION = "organization", "组织"
    PERSONNEL = "personnel", "人事"
    DISCIPLINE = "discipline", "纪检"
    SUPERVISION = "supervision", "监察"
    AUDIT = "audit", "审计"
    FINANCE = "finance", "财务"
    FUND_APPROVAL = "fund_approval", "项目资金审批"
    PROCUREMENT = "procurement", "招标采购"
    LICENSING = "licensing", "行政许可"
    PENALTY = "penalty", "行政处罚"
    RECEPTION = "reception", "公务接待"


#: The areas CSL 74 (T5) names: relatives may not work here under a relative who leads.
AVOIDANCE_AREAS: frozenset[KeyArea] = frozenset(
    {
        KeyArea.ORGANIZATION,
        KeyArea.PERSONNEL,
        KeyArea.DISCIPLINE,
        KeyArea.SUPERVISION,
        KeyArea.AUDIT,
        KeyArea.FINANCE,
    }
)


def _areas(values: Iterable[KeyArea]) -> frozenset[KeyArea]:
    # A lone member (or a string) is one item, not an iterable of characters.
    if isinstance(values, KeyArea | str):
        return SortedFrozenSet((values,))
    return SortedFrozenSet(values) if is_collection(values) else keep(values, _areas)


@frozen(kw_only=True)
class Post:
    """A post in a department. ``leading`` marks a leading post (领导职务) of the unit."""

    id: str = field(validator=identifier)
    name: str = field(validator=text)
    department_id: str = field(validator=identifier)
    key_areas: frozenset[KeyArea] = field(
        factory=frozenset,
        converter=_areas,
        validator=members_of(KeyArea),
    )
    leading: bool = field(default=False, validator=instance_of(bool))

    @property
    def is_key(self) -> bool:
        return bool(self.key_areas)


class PostRole(TermEnum):
    MAIN = "main", "主岗"
    SECONDARY = "secondary", "副岗"


@frozen(kw_only=True)
class PostAssignment:
    """``staff_id`` holds ``post_id`` in ``role`` on the days ``[start, end)``; ``end=None``
    means it still holds."""

    staff_id: str = field(validator=identifier)
    post_id: str = field(validator=identifier)
    role: PostRole = field(validator=instance_of(PostRole))
    start: dt.date = field(validator=date_value)
    end: dt.date | None = field(default=None, validator=optional_date)

    def __attrs_post_init__(self) -> None:
        if self.end is not None and self.end <= self.start:
            raise InvalidValue(
                f"assignment of {self.staff_id} to {self.post_id} ends {self.end}, not after "
                f"it starts {self.start}",
                f"{self.staff_id} 任 {self.post_id} 的结束日期 {self.end} 不晚于开始日期 {self.start}",
                field="end",
                value=self.end,
            )

    def active_on(self, day: dt.date) -> bool:
        return self.start <= day and (self.end is None or day < self.end)

    def overlaps(self, other: PostAssignment) -> bool:
        return (other.end is None or self.start < other.end) and (
            self.end is None or other.start < self.end
        )


def _id_chain(values: Iterable[str]) -> tuple[str, ...]:
    """An ordered chain of ids (order matters: it is who covers first)."""
    if isinstance(values, str):
        return (values,)
    return tuple(values) if is_collection(values) else keep(values, _id_chain)


@frozen(kw_only=True)
class ABRole:
    """AB角: ``a_id`` is responsible for ``post_id``; ``b_id`` covers when A is away, then the
    ``fallback`` chain in order."""

    post_id: str = field(validator=identifier)
    a_id: str = field(validator=identifier)
    b_id: str = field(validator=identifier)
    fallback: tuple[str, ...] = field(default=(), converter=_id_chain, validator=unique_ids)

    def __attrs_post_init__(self) -> None:
        if self.a_id == self.b_id:
            raise InvalidValue(
                f"AB role of post {self.post_id}: A and B are both {self.a_id}; B must be "
                "another person",
                f"岗位 {self.post_id} 的 A 角与 B 角同为 {self.a_id}，B 角须为另一人",
                field="b_id",
                value=self.b_id,
            )
        repeated = {self.a_id, self.b_id} & set(self.fallback)
        if repeated:
            raise InvalidValue(
                f"AB role of post {self.post_id}: the fallback chain repeats {sorted(repeated)}, "
                "who is already A or B (a cycle)",
                f"岗位 {self.post_id} 的补位顺序重复了 A/B 角 {sorted(repeated)}",
                field="fallback",
                value=self.fallback,
            )

    @property
    def chain(self) -> tuple[str, ...]:
        """Who is responsible, in order: A, B, then the fallback."""
        return (self.a_id, self.b_id, *self.fallback)
