"""The demo: a readable summary of the embedded sample office, section by section.

Each area of the library contributes a section (its ``demo_lines``); this module only puts them
together and returns text. Printing happens at the edge (``python -m jiguan_core demo``).
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Callable

from jiguan_core.activity import ActivityKind
from jiguan_core.calendar import WorkCalendar
from jiguan_core.examples.office import SAMPLE_YEAR, sample_office
from jiguan_core.text import Lang, Text, display_width, pad

__all__ = ["demo_text", "office_lines"]


def _sections() -> tuple[tuple[Text, Callable[[Lang], list[str]]], ...]:
    """Each area's demo section, in reading order (imported here: only the demo needs them)."""
    from jiguan_core.examples.assessment import demo_lines as assessment
    from jiguan_core.examples.development import demo_lines as development
    from jiguan_core.examples.rules import demo_lines as rules
    from jiguan_core.examples.scheduling import demo_lines as scheduling
    from jiguan_core.examples.work import demo_lines as work

    return (
        (Text("冲突检查（调研不扎堆、开会不冲突）", "Conflict check"), rules),
        (Text("活动排期", "Scheduling"), scheduling),
        (Text("考核", "Assessment"), assessment),
        (Text("干部培养：轮岗、回避、主岗+副岗、AB角", "Staff development"), development),
        (Text("工作管理：任务清单、办文办会、学习统计", "Work management"), work),
    )


def _heading(title: Text, lang: Lang) -> list[str]:
    text = title.render(lang)
    return ["", text, "=" * display_width(text)]


def office_lines(lang: Lang = "zh") -> list[str]:
    """The office itself: staff per department, activities per kind, working days per month."""
    office = sample_office()
    calendar = WorkCalendar()
    zh = lang == "zh"
    lines = [
        f"{office.name}：{len(office.departments)} 个部门，{len(office.staff)} 名干部职工，"
        f"{len(office.posts)} 个岗位（重点岗位 {len(office.key_posts)} 个），"
        f"{len(office.leadership_members)} 名主席会议成员"
        if zh
        else f"{office.name} (sample office): {len(office.departments)} departments, "
        f"{len(office.staff)} staff, {len(office.posts)} posts ({len(office.key_posts)} key), "
        f"{len(office.leadership_members)} leadership members",
        "",
        "各部门人数：" if zh else "Staff per department:",
    ]
    per_department = Counter(person.department_id for person in office.staff)
    labels = {d.id: d.name if zh else (d.name_en or d.name) for d in office.departments}
    width = max(display_width(label) for label in labels.values()) + 2
    for department in office.departments:
        lines.append(f"  {pad(labels[department.id], width)}{per_department[department.id]:>4}")
    lines += [
        "",
        f"{SAMPLE_YEAR} 年活动（按类别）：" if zh else f"Activities in {SAMPLE_YEAR} by kind:",
    ]
    per_kind = Counter(activity.kind for activity in office.activities)
    for kind in ActivityKind:
        if per_kind[kind]:
            lines.append(f"  {pad(kind.label(lang), 16)}{per_kind[kind]:>4}")
    lines += [
        "",
        f"{SAMPLE_YEAR} 年每月工作日（含调休）："
        if zh
        else f"Working days per month in {SAMPLE_YEAR} (调休 included):",
    ]
    months = []
    for month in range(1, 13):
        start = dt.date(SAMPLE_YEAR, month, 1)
        end = dt.date(SAMPLE_YEAR + month // 12, month % 12 + 1, 1)
        months.append(f"{month}{'月' if zh else '/'}{calendar.working_days_between(start, end)}")
    lines.append("  " + "  ".join(months))
    total = calendar.working_days_between(
        dt.date(SAMPLE_YEAR, 1, 1), dt.date(SAMPLE_YEAR + 1, 1, 1)
    )
    lines.append(f"  全年 {total} 个工作日" if zh else f"  {total} working days in the year")
    lines += [
        "",
        f"缺勤记录 {len(office.absences)} 条，任务 {len(office.tasks)} 项"
        if zh
        else f"{len(office.absences)} absences, {len(office.tasks)} tasks",
    ]
    return lines


def demo_text(lang: Lang = "zh") -> str:
    """The whole demo as text."""
    title = Text("jiguan_core 示例机关", "jiguan_core sample office")
    lines = _heading(title, lang)[1:] + office_lines(lang)
    for heading, section in _sections():
        lines += _heading(heading, lang) + section(lang)
    return "\n".join(lines) + "\n"
