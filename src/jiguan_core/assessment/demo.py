"""Demo: the sample office's quarterly and annual results with their explanations."""

from __future__ import annotations

import datetime as dt

from jiguan_core.assessment.awards import award_eligibility, honour_counts
from jiguan_core.assessment.consequences import consequences
from jiguan_core.assessment.explain import explain_annual, explain_routine
from jiguan_core.assessment.grades import Grade, RoutineGrade
from jiguan_core.assessment.routine import routine_timetable
from jiguan_core.assessment.sample import sample_history, sample_records, sample_results
from jiguan_core.assessment.sanctions import sanction_periods
from jiguan_core.text import Lang

__all__ = ["demo_lines"]


def demo_lines(lang: Lang = "zh") -> list[str]:
    zh = lang == "zh"
    records = sample_records()
    result = sample_results()[-1]
    lines: list[str] = []
    q3 = result.quarters[2]
    timetable = routine_timetable(2025, 3, scored_on=dt.date(2025, 10, 13))
    lines.append(
        f"== 2025 年第三季度平时考核（{timetable.scored_on} 考核，公示 {timetable.publicity_start}"
        f" 至 {timetable.publicity_end}）=="
        if zh
        else f"== Routine assessment 2025Q3 (scored {timetable.scored_on}, posted "
        f"{timetable.publicity_start} to {timetable.publicity_end}) =="
    )
    lines.append("  " + ", ".join(f"{g.label(lang)} {q3.count(g)}" for g in RoutineGrade))
    for outcome in q3.outcomes[:3]:
        lines.extend(explain_routine(outcome, q3, lang))
    lines.append("== 2025 年度考核 ==" if zh else "== Annual assessment 2025 ==")
    lines.append("  " + ", ".join(f"{g.label(lang)} {result.count(g)}" for g in Grade))
    shown = ["s007", "s020", "s030", "s040", "s050"]
    for staff_id in shown:
        lines.extend(explain_annual(result.outcome(staff_id), result, lang))
    periods = sanction_periods(records.sanctions)
    lines.append("== 考核结果运用（2025）==" if zh else "== Consequences (2025) ==")
    for c in consequences(
        sample_history(), periods=periods, protected=records.protected, years=[2025]
    ):
        if c.staff_id in shown:
            lines.append("  " + c.render(lang))
    lines.append("== 评先评优资格（2025）==" if zh else "== Award eligibility (2025) ==")
    for e in award_eligibility(
        shown,
        year=2025,
        on=dt.date(2026, 1, 15),
        history=sample_history(),
        periods=periods,
        investigations=records.investigations,
    ):
        status = (
            ("可以" if zh else "eligible") if e.eligible else ("不可" if zh else "not eligible")
        )
        why = "; ".join(f"{t.render(lang)} [{r}]" for r, t in e.reasons)
        lines.append(f"  {e.staff_id}: {status}" + (f" — {why}" if why else ""))
    counts = honour_counts(records.honours, dt.date(2024, 1, 1), dt.date(2026, 1, 1))
    lines.append(
        ("  2024 年以来获评：" if zh else "  honours since 2024: ")
        + ", ".join(
            f"{level.label(lang)} {n} {'人次' if zh else 'person-times'}"
            for level, n in counts
            if n
        )
    )
    return lines
