"""Staff members, their levels and their relatives."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from attrs import field, frozen

from jiguan_core._validation import (
    date_value,
    identifier,
    instance_of,
    is_collection,
    keep,
    members_of,
    optional_date,
    optional_identifier,
    text,
)
from jiguan_core.errors import InvalidValue
from jiguan_core.text import TermEnum

__all__ = ["Level", "Relation", "Relative", "Staff"]


class Level(TermEnum):
    """Position level (职务层次), highest first. ``rank`` orders them (0 = highest)."""

    BUREAU_HEAD = "bureau_head", "厅局级正职"
    BUREAU_DEPUTY = "bureau_deputy", "厅局级副职"
    DIVISION_HEAD = "division_head", "县处级正职"
    DIVISION_DEPUTY = "division_deputy", "县处级副职"
    SECTION_HEAD = "section_head", "乡科级正职"
    SECTION_DEPUTY = "section_deputy", "乡科级副职"
    CLERK = "clerk", "科员"
    OFFICE_CLERK = "office_clerk", "办事员"
    WORKER = "worker", "工勤人员"

    @property
    def rank(self) -> int:
        return _LEVEL_ORDER.index(self)

    @property
    def is_section_level_or_below(self) -> bool:
        """科级及以下: the people rotation and 主岗+副岗 apply to."""
        return self.rank >= Level.SECTION_HEAD.rank

    def one_below(self) -> Level:
        """The next lower level (A13: 不称职 → down one level); the lowest stays."""
        index = min(self.rank + 1, len(_LEVEL_ORDER) - 1)
        return _LEVEL_ORDER[index]


_LEVEL_ORDER: tuple[Level, ...] = tuple(Level)


class Relation(TermEnum):
    """The kinds of relatives CSL 74 (REGULATIONS T5) names for avoidance (回避)."""

    SPOUSE = "spouse", "夫妻关系"
    DIRECT_BLOOD = "direct_blood", "直系血亲关系"
    COLLATERAL_BLOOD = "collateral_blood", "三代以内旁系血亲关系"
    CLOSE_IN_LAW = "close_in_law", "近姻亲关系"


@frozen(kw_only=True)
class Relative:
    """A relative who also works in the office."""

    staff_id: str = field(validator=identifier)
    relation: Relation = field(validator=instance_of(Relation))


def _relative_key(relative: object) -> tuple[int, str, str]:
    if isinstance(relative, Relative):
        return (0, relative.staff_id, relative.relation.value)
    return (1, repr(relative), "")  # reported by the members_of validator


def _relatives(values: Iterable[Relative]) -> tuple[Relative, ...]:
    if not is_collection(values):
        return keep(values, _relatives)  # reported by the validator
    return tuple(sorted(values, key=_relative_key))


@frozen(kw_only=True)
class Staff:
    """A member of staff.

    ``reports_to`` is the direct leader (for avoidance); ``is_leadership_member`` marks a
    主席会议成员 (chair, vice-chairs, secretary-general), whose activities are arranged centrally.
    """

    id: str = field(validator=identifier)
    name: str = field(validator=text)
    department_id: str = field(validator=identifier)
    level: Level = field(validator=instance_of(Level))
    hire_date: dt.date = field(validator=date_value)
    is_leadership_member: bool = field(default=False, validator=instance_of(bool))
    is_party_member: bool = field(default=True, validator=instance_of(bool))
    probation_end: dt.date | None = field(default=None, validator=optional_date)
    reports_to: str | None = field(default=None, validator=optional_identifier)
    relatives: tuple[Relative, ...] = field(
        default=(), converter=_relatives, validator=members_of(Relative)
    )

    def __attrs_post_init__(self) -> None:
        if self.probation_end is not None and self.probation_end < self.hire_date:
            raise InvalidValue(
                f"Staff {self.id}: probation ends {self.probation_end}, before the hire date "
                f"{self.hire_date}",
                f"人员 {self.id}：试用期结束 {self.probation_end} 早于入职 {self.hire_date}",
                field="probation_end",
                value=self.probation_end,
            )
        if self.reports_to == self.id:
            raise InvalidValue(
                f"Staff {self.id} cannot report to themselves",
                f"人员 {self.id} 不能以自己为直接领导",
                field="reports_to",
                value=self.reports_to,
            )
        for relative in self.relatives:
            if relative.staff_id == self.id:
                raise InvalidValue(
                    f"Staff {self.id} lists themselves as a relative",
                    f"人员 {self.id} 把自己列为亲属",
                    field="relatives",
                    value=relative,
                )
        ids = [r.staff_id for r in self.relatives]
        if len(ids) != len(set(ids)):
            raise InvalidValue(
                f"Staff {self.id} lists a relative more than once: {ids}",
                f"人员 {self.id} 重复列出亲属：{ids}",
                field="relatives",
                value=ids,
            )

    def on_probation(self, as_of: dt.date) -> bool:
        return self.probation_end is not None and as_of < self.probation_end

    @property
    def is_section_level_or_below(self) -> bool:
        return self.level.is_section_level_or_below
