"""The staff-development demo on the sample office: lines to show, computed, never printed."""

from __future__ import annotations

import datetime as dt

from jiguan_core.absence import Absence, AbsenceKind
from jiguan_core.calendar import DateRange
from jiguan_core.development.avoidance import check_avoidance
from jiguan_core.development.coverage import assess_leave, coverage, validate_ab_roles
from jiguan_core.development.rotation import due_for_rotation, plan_rotation
from jiguan_core.development.secondary import suggest_secondary, validate_secondary
from jiguan_core.examples.office import SAMPLE_YEAR, sample_office
from jiguan_core.text import Lang
from jiguan_core.time import TimeSpan

__all__ = ["demo_lines"]

#: The day the demo looks from: the end of the sample year.
DEMO_AS_OF = dt.date(SAMPLE_YEAR, 12, 31)


def demo_lines(lang: Lang = "zh") -> list[str]:
    """Who is due for rotation, the plan, coverage gaps, avoidance and secondary posts."""
    office = sample_office()
    zh = lang == "zh"
    lines: list[str] = []

    def head(text_zh: str, text_en: str) -> None:
        lines.append("")
        lines.append(f"== {text_zh if zh else text_en} ==")

    head(f"截至 {DEMO_AS_OF} 应轮岗人员", f"Due for rotation on {DEMO_AS_OF}")
    due = due_for_rotation(office, DEMO_AS_OF)
    lines.extend("  " + c.render(lang) for c in due)

    start = SAMPLE_YEAR + 1
    head(f"{start}-{start + 4} 年轮岗计划", f"Rotation plan {start}-{start + 4}")
    plan = plan_rotation(office, start_year=start, years=5)
    lines.extend("  " + line for line in plan.render_lines(lang))

    head("回避情形", "Avoidance findings")
    lines.extend("  " + f.render(lang) for f in check_avoidance(office, DEMO_AS_OF))

    period = DateRange(dt.date(SAMPLE_YEAR, 1, 1), dt.date(SAMPLE_YEAR + 1, 1, 1))
    report = coverage(office, period)
    head(f"{SAMPLE_YEAR} 年重点岗位 AB 角补位", f"A/B coverage of key posts in {SAMPLE_YEAR}")
    lines.extend("  " + line for line in report.render_lines(lang))
    first = office.ab_roles[0]
    post = report.of(first.post_id)
    for day in (
        dt.date(SAMPLE_YEAR, 5, 26),
        dt.date(SAMPLE_YEAR, 5, 27),
        dt.date(SAMPLE_YEAR, 5, 28),
    ):
        who = post.responsible(day)
        role = post.role_on(day)
        lines.append(
            f"  {day} 岗位 {first.post_id}：A 角 {first.a_id}、B 角 {first.b_id} 均不在岗，"
            f"由 {who}（{role.zh}）负责"
            if zh
            else f"  {day} post {first.post_id}: A {first.a_id} and B {first.b_id} are both "
            f"away; {who} ({role.en}) answers"
        )
    lines.extend("  " + f.render(lang) for f in validate_ab_roles(office, DEMO_AS_OF))

    head("请假能否批准？", "Can this leave be approved?")
    leave = Absence(
        id="demo-leave",
        staff_id=first.fallback[0],
        span=TimeSpan.whole_days(dt.date(SAMPLE_YEAR, 5, 26), dt.date(SAMPLE_YEAR, 5, 27)),
        kind=AbsenceKind.PERSONAL_LEAVE,
    )
    assessment = assess_leave(office, leave)
    verdict = (
        ("可以批准" if assessment.approvable else "不宜批准")
        if zh
        else ("can be approved" if assessment.approvable else "should not be approved")
    )
    lines.append(
        f"  {leave.staff_id} 请假 2025-05-26 至 05-27：{verdict}"
        if zh
        else f"  leave of {leave.staff_id} 2025-05-26 to 05-27: {verdict}"
    )
    lines.extend("  " + line for line in assessment.render_lines(lang))

    head("主岗+副岗", "Main + secondary posts")
    lines.extend("  " + f.render(lang) for f in validate_secondary(office, DEMO_AS_OF))
    lines.extend("  " + line for line in suggest_secondary(office, DEMO_AS_OF).render_lines(lang))
    return lines[1:]
