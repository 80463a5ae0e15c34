"""Demo of the work area on the sample office: overdue tasks, late documents and meetings, and
the "2024年以来" statistics paragraph."""

from __future__ import annotations

from jiguan_core.calendar import WorkCalendar
from jiguan_core.catalogue.work import TASK_LIST
from jiguan_core.sample import sample_office
from jiguan_core.text import Lang
from jiguan_core.work.lateness import ItemKind, late_items
from jiguan_core.work.records import first_topic_findings
from jiguan_core.work.sample import (
    SAMPLE_AS_OF,
    SAMPLE_SINCE,
    sample_documents,
    sample_instructions,
    sample_meetings,
    sample_record_book,
)
from jiguan_core.work.statistics import YuConvention, render_statistics, statistics
from jiguan_core.work.tasks import due_within

__all__ = ["demo_lines"]


def demo_lines(lang: Lang = "zh") -> list[str]:
    """Readable lines: what is late on the sample day, and the period figures."""
    office = sample_office()
    calendar = WorkCalendar()
    zh = lang == "zh"
    as_of = SAMPLE_AS_OF
    names = {s.id: s.name for s in office.staff}
    late = late_items(
        as_of=as_of,
        calendar=calendar,
        documents=sample_documents(),
        meetings=sample_meetings(),
        tasks=office.tasks,
    )
    lines = [f"截至 {as_of}：" if zh else f"As of {as_of}:"]
    for kind, title_zh, title_en in (
        (ItemKind.TASK, "逾期任务", "Overdue tasks"),
        (ItemKind.DOCUMENT, "超时公文", "Late documents"),
        (ItemKind.MEETING, "超时会议环节", "Late meeting stages"),
    ):
        items = [i for i in late if i.kind is kind]
        lines.append(f"{title_zh}（{len(items)}）：" if zh else f"{title_en} ({len(items)}):")
        for item in items:
            lines.append("  " + item.render(lang, names))
    days = int(TASK_LIST.defaults["due_soon_days"])
    soon = due_within(office.tasks, as_of, calendar, days)
    lines.append(
        f"{days}个工作日内到期的任务：{len(soon)} 项"
        if zh
        else f"Tasks due within {days} working days: {len(soon)}"
    )
    book = sample_record_book()
    stats = statistics(book, SAMPLE_SINCE, as_of)
    lines.append(
        render_statistics(
            stats, lang, convention=YuConvention(), subject="市政协机关" if zh else None
        )
    )
    findings = first_topic_findings(book.records, sample_instructions())
    lines.append(
        f"第一议题检查：{len(findings)} 次学习未以中央最新精神为第一议题"
        if zh
        else f"First agenda item check: {len(findings)} study session(s) did not open with "
        "the latest central instructions"
    )
    lines.extend(f"  {f.record_id} {f.on} {f.problem.render(lang)}" for f in findings)
    return lines
