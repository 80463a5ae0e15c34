"""What the writers share: the office's fonts and page set-up, week grouping, the work plan's
milestones as table rows."""

from __future__ import annotations

import datetime as dt

from attrs import frozen

from jiguan_core.activity_list import ActivityList, ListDay, PlanRow
from jiguan_core.text import Lang, Text

__all__ = [
    "BODY_FONTS",
    "MILESTONE_HEADINGS",
    "TITLE_FONTS",
    "OfficeStyle",
    "milestone_cells",
    "milestones_title",
    "monday_of",
    "weeks_of",
]

#: 小标宋-style title fonts, first choice first (the last ones exist on most systems).
TITLE_FONTS: tuple[str, ...] = (
    "方正小标宋简体",
    "FZXiaoBiaoSong-B05S",
    "华文中宋",
    "STZhongsong",
    "Noto Serif CJK SC",
    "Source Han Serif SC",
    "SimSun",
    "宋体",
)
#: 仿宋-style body fonts, first choice first.
BODY_FONTS: tuple[str, ...] = (
    "仿宋_GB2312",
    "仿宋",
    "FangSong",
    "STFangsong",
    "Noto Serif CJK SC",
    "Source Han Serif SC",
    "SimSun",
    "宋体",
)


@frozen(kw_only=True)
class OfficeStyle:
    """Page set-up after GB/T 9704-2012 where it fits a wide table: A4 landscape (the six
    columns need the width), 小标宋 title at 小二 (18 pt: the standard's 二号 would break a
    list's long title over two lines), 仿宋 body; sizes in points,
    margins in millimetres. The first font of each list is written into .docx files (Word
    substitutes a missing font); HTML lists them all as fallbacks."""

    title_fonts: tuple[str, ...] = TITLE_FONTS
    body_fonts: tuple[str, ...] = BODY_FONTS
    title_size: float = 18.0  # 小二
    body_size: float = 10.5  # 五号: six columns of names must fit one page
    margin_top: float = 20.0
    margin_bottom: float = 15.0
    margin_left: float = 20.0
    margin_right: float = 20.0
    #: Column widths in tenths of the table width, in the order of HEADINGS.
    column_shares: tuple[int, ...] = (12, 16, 24, 14, 12, 22)


def weeks_of(listed: ActivityList) -> list[tuple[tuple[int, int], list[ListDay]]]:
    """The list's days grouped by ISO week ((year, week), days), in order."""
    groups: dict[tuple[int, int], list[ListDay]] = {}
    for day in listed.days:
        year, week, _ = day.day.isocalendar()
        groups.setdefault((year, week), []).append(day)
    return list(groups.items())


def monday_of(year: int, week: int) -> dt.date:
    return dt.date.fromisocalendar(year, week, 1)


#: The six column headings of the work plan's milestones (年度工作要点节点), in the order of
#: :func:`milestone_cells`: six, like the list's own, so that the same column widths fit.
MILESTONE_HEADINGS: tuple[Text, ...] = (
    Text("目标日期", "Target date"),
    Text("节点编号", "Milestone"),
    Text("工作要点及节点", "Plan item and milestone"),
    Text("责任人", "Owner"),
    Text("牵头委室", "Department"),
    Text("完成情况", "State"),
)


def milestones_title(listed: ActivityList, lang: Lang = "zh") -> str:
    """``年度工作要点节点（2 项）`` / ``Work plan milestones (2)``: the heading of the section."""
    count = len(listed.milestones)
    return f"年度工作要点节点（{count} 项）" if lang == "zh" else f"Work plan milestones ({count})"


def milestone_cells(row: PlanRow, lang: Lang = "zh") -> tuple[str, ...]:
    """A milestone's six cells: the full target date (a quarter's or a year's list spans
    months), its id, the item and milestone, owner and 委室 as id then name (the command
    line's "names beside ids", so that a column still sorts by id), and its state."""
    _, title, _, _, state = row.cells(lang)
    return (
        row.target.isoformat(),
        row.milestone_id,
        title,
        _beside(row.owner_id, row.owner),
        _beside(row.department_id, row.organiser),
        state,
    )


def _beside(identifier: str, name: str) -> str:
    return name if not identifier or identifier == name else f"{identifier} {name}"
