"""Pictures as self-contained SVG (written with :mod:`xml.etree`, no plotting dependency, no
network): the leadership members' week grid, the A/B coverage of key posts, and the workload of
people and departments. Each function returns the SVG document as text; every drawn block
carries ``data-*`` attributes (ids, days, state) so that tests and tools can read it back.

- :func:`leaders_week_svg`: a panel per leadership member, days × office hours, one block per
  activity, clashes (two of the member's activities at once) red; non-working days shaded.
- :func:`coverage_svg`: key posts × working days, who answers (A, B, a fallback: amber, nobody:
  red) — :func:`jiguan_core.development.coverage`.
- :func:`workload_svg`: activities and away-days per person per month, and activities organised
  per department per week with the busy weeks of SCHED-COORD-LOAD red (:func:`jiguan_core.rules.check`).
"""

from __future__ import annotations

import datetime as dt
import xml.etree.ElementTree as ET
from collections.abc import Mapping

from jiguan_core.activity_list import (
    WEEKDAYS,
    ActivityList,
    DayKind,
    ListRow,
    activity_list,
    day_kind,
)
from jiguan_core.calendar import DateRange, Granularity, WorkCalendar
from jiguan_core.organization import Organization
from jiguan_core.text import Lang, display_width
from jiguan_core.time import SHANGHAI

__all__ = [
    "CLASH",
    "COVER_COLOURS",
    "FONT_FAMILY",
    "coverage_svg",
    "leaders_week_svg",
    "list_pictures",
    "workload_svg",
]

#: Sans-serif CJK fonts for pictures, first choice first.
FONT_FAMILY = (
    "'Noto Sans CJK SC', 'Source Han Sans SC', 'Microsoft YaHei', 'PingFang SC', SimHei, sans-serif"
)
CLASH = "#d9342b"
BLOCK = "#4a7ab8"
#: Fill per coverage role (values of CoverRole).
COVER_COLOURS: Mapping[str, str] = {
    "a": "#cfe8cf",
    "b": "#9fc5e8",
    "fallback": "#f5b942",
    "nobody": CLASH,
}
_DAY_SHADE = {
    DayKind.WEEKEND: "#eeeeee",
    DayKind.HOLIDAY: "#fde2e2",
    DayKind.CLOSURE: "#eeeeee",
    DayKind.SWAPPED_WORKING: "#fff1cc",
}


def _svg(width: float, height: float, title: str) -> ET.Element:
    width = max(width, display_width(title) * 9.5 + 40)  # the 18 px title fits
    root = ET.Element(
        "svg",
        {
            "xmlns": "http://www.w3.org/2000/svg",
            "width": f"{width:.0f}",
            "height": f"{height:.0f}",
            "viewBox": f"0 0 {width:.0f} {height:.0f}",
            "font-family": FONT_FAMILY,
            "font-size": "12",
        },
    )
    ET.SubElement(root, "title").text = title
    ET.SubElement(
        root, "rect", x="0", y="0", width=f"{width:.0f}", height=f"{height:.0f}", fill="#ffffff"
    )
    _text(root, width / 2, 26, title, size=18, anchor="middle", weight="bold")
    return root


def _text(
    parent: ET.Element,
    x: float,
    y: float,
    text: str,
    *,
    size: float = 12,
    anchor: str = "start",
    weight: str = "normal",
    fill: str = "#000000",
) -> ET.Element:
    node = ET.SubElement(
        parent,
        "text",
        x=f"{x:.1f}",
        y=f"{y:.1f}",
        fill=fill,
        attrib={"font-size": f"{size:g}", "text-anchor": anchor, "font-weight": weight},
    )
    node.text = text
    return node


def _rect(
    parent: ET.Element, x: float, y: float, w: float, h: float, fill: str, **data: str
) -> ET.Element:
    attrib = {
        "x": f"{x:.1f}",
        "y": f"{y:.1f}",
        "width": f"{max(w, 0.5):.1f}",
        "height": f"{max(h, 0.5):.1f}",
        "fill": fill,
    }
    attrib.update({f"data-{k.replace('_', '-')}": v for k, v in data.items()})
    return ET.SubElement(parent, "rect", attrib)


def _fit(text: str, width: float, size: float) -> str:
    """``text`` cut to fit ``width`` pixels at ``size`` (a Chinese character ≈ one em)."""
    room = int(width / (size / 2))  # in display-width units (Latin = 1, Chinese = 2)
    if display_width(text) <= room:
        return text
    out = ""
    for char in text:
        if display_width(out + char) > room - 2:
            return out + "…"
        out += char
    return out


def _legend(root: ET.Element, x: float, y: float, items: list[tuple[str, str]]) -> None:
    for colour, label in items:
        _rect(root, x, y - 10, 14, 12, colour).set("stroke", "#666666")
        _text(root, x + 18, y, label, size=12)
        x += 28 + display_width(label) * 6.5


def _document(root: ET.Element) -> str:
    ET.indent(root)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n"


# -- leaders' week -----------------------------------------------------------------------------


def _clashing(rows: list[ListRow]) -> set[str]:
    clash: set[str] = set()
    for i, a in enumerate(rows):
        for b in rows[i + 1 :]:
            if a.activity_id != b.activity_id and a.start < b.end and b.start < a.end:
                clash.update((a.activity_id, b.activity_id))
    return clash


def leaders_week_svg(
    office: Organization,
    on: dt.date,
    *,
    calendar: WorkCalendar | None = None,
    lang: Lang = "zh",
    first_hour: int = 8,
    last_hour: int = 18,
    leader_id: str | None = None,
) -> str:
    """The week of ``on``: a panel per leadership member, days across, office hours
    ``[first_hour, last_hour)`` down; a block per activity (clipped to office hours, at least a
    sliver when it lies outside them), red where two of the member's activities overlap."""
    listed = activity_list(office, Granularity.WEEK, on, calendar=calendar, leader_id=leader_id)
    schedule = listed.leader_schedule()
    hours = last_hour - first_hour
    col_w, hour_h, axis_w, head_h = 46.0, 22.0, 36.0, 50.0
    panel_w = axis_w + 7 * col_w + 16
    panel_h = head_h + hours * hour_h + 22
    per_row = min(3, max(1, len(schedule.leaders)))
    rows_of_panels = max(1, -(-len(schedule.leaders) // per_row))
    width = 20 + per_row * panel_w
    height = 50 + rows_of_panels * panel_h + 30
    title = (
        f"{listed.period_label('zh')}领导活动周历"
        if lang == "zh"
        else f"Leadership members' week, {listed.period_label('en')}"
    )
    root = _svg(width, height, title)
    for n, leader in enumerate(schedule.leaders):
        ox = 10 + (n % per_row) * panel_w
        oy = 44 + (n // per_row) * panel_h
        group = ET.SubElement(root, "g", {"data-leader-id": leader.leader_id})
        _text(group, ox + axis_w, oy + 12, leader.name, size=14, weight="bold")
        top = oy + head_h
        every = [r for cell in leader.days for r in cell]
        clash = _clashing(list({r.activity_id: r for r in every}.values()))
        for d, day in enumerate(schedule.days):
            x = ox + axis_w + d * col_w
            shade = _DAY_SHADE.get(day.kind, "#ffffff")
            _rect(
                group,
                x,
                top,
                col_w,
                hours * hour_h,
                shade,
                day=day.day.isoformat(),
                day_kind=day.kind.value,
            ).set("stroke", "#bbbbbb")
            label = f"{WEEKDAYS[day.day.weekday()].render(lang)[-1 if lang == 'zh' else 0 :]}"
            _text(group, x + col_w / 2, top - 16, label, size=11, anchor="middle")
            _text(
                group,
                x + col_w / 2,
                top - 4,
                f"{day.day.month}/{day.day.day}",
                size=10,
                anchor="middle",
                fill="#555555",
            )
        for h in range(hours + 1):
            y = top + h * hour_h
            ET.SubElement(
                group,
                "line",
                x1=f"{ox + axis_w:.1f}",
                x2=f"{ox + axis_w + 7 * col_w:.1f}",
                y1=f"{y:.1f}",
                y2=f"{y:.1f}",
                stroke="#e0e0e0",
            )
            _text(
                group,
                ox + axis_w - 4,
                y + 4,
                f"{first_hour + h:02d}",
                size=10,
                anchor="end",
                fill="#555555",
            )
        for d, (day, cell) in enumerate(zip(schedule.days, leader.days, strict=True)):
            x = ox + axis_w + d * col_w
            _day_blocks(
                group, cell, day.day, x, top, col_w, hour_h, first_hour, last_hour, clash,
                leader.leader_id,
            )  # fmt: skip
    _legend(
        root,
        14,
        height - 12,
        [
            (BLOCK, "活动" if lang == "zh" else "activity"),
            (CLASH, "冲突" if lang == "zh" else "clash"),
            (_DAY_SHADE[DayKind.HOLIDAY], DayKind.HOLIDAY.label(lang)),
            (_DAY_SHADE[DayKind.SWAPPED_WORKING], DayKind.SWAPPED_WORKING.label(lang)),
            (_DAY_SHADE[DayKind.WEEKEND], DayKind.WEEKEND.label(lang)),
        ],
    )
    return _document(root)


def _day_blocks(
    group: ET.Element,
    cell: tuple[ListRow, ...],
    day: dt.date,
    x: float,
    top: float,
    col_w: float,
    hour_h: float,
    first_hour: int,
    last_hour: int,
    clash: set[str],
    leader_id: str,
) -> None:
    open_at = dt.datetime(day.year, day.month, day.day, first_hour, tzinfo=SHANGHAI)
    close_at = dt.datetime(day.year, day.month, day.day, last_hour, tzinfo=SHANGHAI)
    placed: list[tuple[dt.datetime, dt.datetime, int]] = []
    spans = []
    for row in cell:
        start = min(max(row.start, open_at), close_at)
        end = max(min(row.end, close_at), open_at)
        spans.append((row, start, end))
    lanes_needed = 1
    lanes: list[int] = []
    for _, start, end in spans:
        busy = {lane for s, e, lane in placed if s < end and start < e}
        lane = next(i for i in range(len(placed) + 1) if i not in busy)
        placed.append((start, end, lane))
        lanes.append(lane)
        lanes_needed = max(lanes_needed, lane + 1)
    lane_w = (col_w - 4) / lanes_needed
    for (row, start, end), lane in zip(spans, lanes, strict=True):
        y0 = top + (start - open_at).total_seconds() / 3600 * hour_h
        y1 = top + (end - open_at).total_seconds() / 3600 * hour_h
        h = max(y1 - y0, 5.0)
        if y0 + h > top + (last_hour - first_hour) * hour_h:
            y0 = top + (last_hour - first_hour) * hour_h - h
        bx = x + 2 + lane * lane_w
        fill = CLASH if row.activity_id in clash else BLOCK
        block = _rect(
            group,
            bx,
            y0,
            lane_w - 1,
            h,
            fill,
            activity_id=row.activity_id,
            leader_id=leader_id,
            day=day.isoformat(),
            clash="true" if row.activity_id in clash else "false",
        )
        block.set("rx", "2")
        ET.SubElement(block, "title").text = f"{row.time_text()} {row.title} {row.place}".strip()
        if h >= 14 and lane_w >= 16:
            for n, line in enumerate(_wrap(row.title, lane_w - 3, 10, max(int((h - 3) // 12), 1))):
                _text(group, bx + 2, y0 + 11 + 12 * n, line, size=10, fill="#ffffff")


def _wrap(text: str, width: float, size: float, lines: int) -> list[str]:
    """``text`` broken into at most ``lines`` lines of ``width`` pixels, the last one cut."""
    room = int(width / (size / 2))
    out: list[str] = []
    rest = text
    while rest and len(out) < lines:
        line = ""
        while rest and display_width(line + rest[0]) <= room:
            line, rest = line + rest[0], rest[1:]
        if not line:  # a character wider than the room: show it anyway
            line, rest = rest[0], rest[1:]
        out.append(line)
    if rest and out:
        out[-1] = _fit(out[-1] + rest, width, size)
    return out


# -- coverage ----------------------------------------------------------------------------------


def coverage_svg(
    office: Organization,
    period: DateRange,
    *,
    calendar: WorkCalendar | None = None,
    lang: Lang = "zh",
) -> str:
    """Key posts down, working days of ``period`` across; each cell coloured by who answers
    (A, B, a fallback: amber, nobody: red) and labelled with that person's name's first
    character when it is not A."""
    from jiguan_core.development import coverage

    calendar = calendar or WorkCalendar()
    report = coverage(office, period, calendar=calendar)
    days = calendar.working_days(period.start, period.end)
    cell_w, cell_h, label_w, head_h = 26.0, 22.0, 190.0, 44.0
    width = 20 + label_w + max(len(days), 1) * cell_w + 10
    height = 50 + head_h + len(report.posts) * cell_h + 44
    title = (
        f"关键岗位AB角补位（{period.start} 至 {period.last}）"
        if lang == "zh"
        else f"A/B coverage of key posts, {period.start} to {period.last}"
    )
    root = _svg(width, height, title)
    x0, y0 = 10 + label_w, 50 + head_h
    for d, day in enumerate(days):
        x = x0 + d * cell_w + cell_w / 2
        if day_kind(calendar, day) is DayKind.SWAPPED_WORKING:
            shade = _DAY_SHADE[DayKind.SWAPPED_WORKING]
            _rect(root, x0 + d * cell_w, y0 - 36, cell_w - 1, 34, shade, day_kind="swapped_working")
        _text(root, x, y0 - 22, f"{day.day}", size=11, anchor="middle")
        weekday = WEEKDAYS[day.weekday()].render(lang)
        _text(
            root,
            x,
            y0 - 8,
            weekday[-1] if lang == "zh" else weekday[0],
            size=10,
            anchor="middle",
            fill="#555555",
        )
    names = {s.id: s.name for s in office.staff}
    for p, post in enumerate(report.posts):
        y = y0 + p * cell_h
        post_name = office.post(post.post_id).name
        holder = names.get(post.chain[0], post.chain[0]) if post.chain else "-"
        label = _fit(f"{post_name}（A：{holder}）", label_w - 8, 12)
        _text(root, 10 + label_w - 6, y + 15, label, anchor="end")
        for d, day in enumerate(days):
            role = post.role_on(day)
            who = post.responsible(day)
            cell = _rect(
                root,
                x0 + d * cell_w,
                y,
                cell_w - 1,
                cell_h - 1,
                COVER_COLOURS[role.value],
                post_id=post.post_id,
                day=day.isoformat(),
                role=role.value,
                staff_id=who or "",
            )
            shown = names.get(who, who) if who else role.label(lang)
            ET.SubElement(cell, "title").text = f"{post_name} {day}: {shown}"
            if role.value in ("b", "fallback") and who:
                _text(
                    root,
                    x0 + d * cell_w + cell_w / 2,
                    y + 15,
                    names.get(who, who)[:1],
                    size=11,
                    anchor="middle",
                )
            elif role.value == "nobody":
                _text(
                    root,
                    x0 + d * cell_w + cell_w / 2,
                    y + 15,
                    "×",
                    size=12,
                    anchor="middle",
                    fill="#ffffff",
                    weight="bold",
                )
    from jiguan_core.development.coverage import CoverRole

    _legend(root, 14, height - 14, [(COVER_COLOURS[r.value], r.label(lang)) for r in CoverRole])
    return _document(root)


# -- workload ----------------------------------------------------------------------------------


def _busy_weeks(office: Organization, policy: object | None) -> set[tuple[str, dt.date]]:
    """(department, Monday) of every week SCHED-COORD-LOAD finds too busy."""
    from jiguan_core.rules import SchedulingPolicy, check

    chosen = policy if isinstance(policy, SchedulingPolicy) else None
    report = check(office, policy=chosen)
    found: set[tuple[str, dt.date]] = set()
    for violation in report.violations:
        if violation.rule_id == "SCHED-COORD-LOAD" and violation.department_id and violation.day:
            monday = violation.day - dt.timedelta(days=violation.day.weekday())
            found.add((violation.department_id, monday))
    return found


def _heat(count: int, most: int) -> str:
    if count == 0:
        return "#ffffff"
    share = count / max(most, 1)
    level = int(235 - share * 150)
    return f"#{level:02x}{min(level + 12, 255):02x}ff"


def workload_svg(
    office: Organization,
    year: int,
    *,
    calendar: WorkCalendar | None = None,
    policy: object | None = None,
    lang: Lang = "zh",
) -> str:
    """Two tables for ``year``: per person (everyone attending at least one activity) and
    month, ``activities/away-days``; per department and ISO week, the activities it organises,
    red where SCHED-COORD-LOAD (``policy``: a SchedulingPolicy, for its ``max_per_week``) finds the week
    too busy."""
    from jiguan_core.development import away_days

    calendar = calendar or WorkCalendar()
    months = [
        DateRange(dt.date(year, m, 1), dt.date(year + m // 12, m % 12 + 1, 1)) for m in range(1, 13)
    ]
    mine = [a for a in office.activities if a.span.start.in_timezone(SHANGHAI).year == year]
    counts: dict[str, list[int]] = {}
    for activity in mine:
        month = activity.span.start.in_timezone(SHANGHAI).month
        for staff_id in activity.attendees:
            counts.setdefault(staff_id, [0] * 12)[month - 1] += 1
    people = sorted(
        (s for s in office.staff if s.id in counts), key=lambda s: (s.department_id, s.id)
    )
    away = [away_days(office, m, staff_ids=[s.id for s in people]) for m in months]
    cell_w, cell_h, label_w = 52.0, 18.0, 150.0
    whole_year = DateRange(dt.date(year, 1, 1), dt.date(year + 1, 1, 1))
    weeks = sorted({d - dt.timedelta(days=d.weekday()) for d in whole_year})
    week_w = 12.0
    organised: dict[tuple[str, dt.date], int] = {}
    for activity in mine:
        local = activity.span.start.in_timezone(SHANGHAI)
        first = dt.date(local.year, local.month, local.day) - dt.timedelta(days=local.weekday())
        key = (activity.department_id, first)
        organised[key] = organised.get(key, 0) + 1
    busy = _busy_weeks(office, policy)
    departments = sorted({a.department_id for a in mine})
    dept_names = {d.id: d.name for d in office.departments}
    people_h = 24 + len(people) * cell_h
    dept_top = 50 + 30 + people_h + 40
    width = max(20 + label_w + 12 * cell_w, 20 + label_w + len(weeks) * week_w) + 10
    height = dept_top + 24 + len(departments) * cell_h + 50
    title = f"{year}年工作量" if lang == "zh" else f"Workload {year}"
    root = _svg(width, height, title)
    heading = (
        "每人每月：活动数/外出天数"
        if lang == "zh"
        else "Per person and month: activities/away-days"
    )
    _text(root, 10, 64, heading, size=13, weight="bold")
    x0, y0 = 10 + label_w, 50 + 30 + 24
    for m in range(12):
        _text(
            root,
            x0 + m * cell_w + cell_w / 2,
            y0 - 6,
            f"{m + 1}月" if lang == "zh" else f"{m + 1}",
            size=11,
            anchor="middle",
        )
    most = max((c for row in counts.values() for c in row), default=1)
    for p, person in enumerate(people):
        y = y0 + p * cell_h
        _text(
            root,
            x0 - 6,
            y + 13,
            f"{person.name}（{dept_names.get(person.department_id, '')[:4]}）",
            size=11,
            anchor="end",
        )
        for m in range(12):
            n = counts[person.id][m]
            gone = len(away[m].get(person.id, ()))
            cell = _rect(
                root,
                x0 + m * cell_w,
                y,
                cell_w - 1,
                cell_h - 1,
                _heat(n, most),
                staff_id=person.id,
                month=str(m + 1),
                activities=str(n),
                away_days=str(gone),
            )
            cell.set("stroke", "#dddddd")
            if n or gone:
                _text(
                    root,
                    x0 + m * cell_w + cell_w / 2,
                    y + 13,
                    f"{n}/{gone}",
                    size=10,
                    anchor="middle",
                )
    heading = (
        "各委室每周组织活动数（红色：SCHED-COORD-LOAD 繁忙周）"
        if lang == "zh"
        else "Activities organised per department and week (red: busy week, SCHED-COORD-LOAD)"
    )
    _text(root, 10, dept_top - 8, heading, size=13, weight="bold")
    top = dept_top + 24
    for w, monday in enumerate(weeks):
        if w % 4 == 0:
            _text(root, x0 + w * week_w, top - 6, f"{monday.month}/{monday.day}", size=9)
    for d, department in enumerate(departments):
        y = top + d * cell_h
        _text(
            root,
            x0 - 6,
            y + 13,
            _fit(dept_names.get(department, department), label_w - 8, 11),
            size=11,
            anchor="end",
        )
        for w, monday in enumerate(weeks):
            n = organised.get((department, monday), 0)
            is_busy = (department, monday) in busy
            fill = CLASH if is_busy else ("#ffffff" if n == 0 else _heat(n, 4))
            cell = _rect(
                root,
                x0 + w * week_w,
                y,
                week_w - 1,
                cell_h - 1,
                fill,
                department_id=department,
                week=monday.isoformat(),
                activities=str(n),
                busy="true" if is_busy else "false",
            )
            cell.set("stroke", "#dddddd")
            if n:
                colour = "#ffffff" if is_busy else "#000000"
                _text(
                    root,
                    x0 + w * week_w + week_w / 2 - 0.5,
                    y + 13,
                    str(n),
                    size=9,
                    anchor="middle",
                    fill=colour,
                )
    _legend(
        root,
        14,
        height - 14,
        [
            (_heat(1, 4), "活动较少" if lang == "zh" else "few"),
            (_heat(4, 4), "活动较多" if lang == "zh" else "many"),
            (CLASH, "SCHED-COORD-LOAD 繁忙周" if lang == "zh" else "busy week (SCHED-COORD-LOAD)"),
        ],
    )
    return _document(root)


def list_pictures(
    office: Organization,
    listed: ActivityList,
    *,
    calendar: WorkCalendar | None = None,
    policy: object | None = None,
    lang: Lang = "zh",
    leader_id: str | None = None,
) -> list[str]:
    """The pictures that go with a list, for :func:`~jiguan_core.outputs.list_html`: a week
    gets the leaders' week and the A/B coverage of that week; a month or a quarter the coverage
    of the period; a year the workload (with SCHED-COORD-LOAD's busy weeks under ``policy``)."""
    pictures: list[str] = []
    g = listed.granularity
    if g is Granularity.WEEK and listed.leaders:
        pictures.append(
            leaders_week_svg(
                office, listed.period.start, calendar=calendar, lang=lang, leader_id=leader_id
            )
        )
    if g is not Granularity.YEAR and office.key_posts:
        pictures.append(coverage_svg(office, listed.period, calendar=calendar, lang=lang))
    if g is Granularity.YEAR:
        pictures.append(
            workload_svg(
                office, listed.period.start.year, calendar=calendar, policy=policy, lang=lang
            )
        )
    return pictures
