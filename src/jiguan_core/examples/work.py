"""Deterministic sample data of the work area for the sample office: learning and activity
records 2024-2025 (sized like the article's figures), the central instructions they study,
documents and meetings under way in late 2025, and the work area's demo section.

Built in code from a fixed seed on top of :func:`jiguan_core.examples.office.sample_office`; the
2025 study sessions, trainings and field trips are the office's own activities turned into
records, so both views agree. Everything is cached: the values are immutable. ``demo_lines``
shows what is late on the sample day and the "2024年以来" statistics paragraph.
"""

from __future__ import annotations

import datetime as dt
import random
from functools import cache

from jiguan_core.activity import Activity, ActivityKind
from jiguan_core.calendar import WorkCalendar
from jiguan_core.catalogue.work import TASK_LIST
from jiguan_core.examples.office import sample_office
from jiguan_core.text import Lang
from jiguan_core.work.documents import (
    DocumentFlow,
    DocumentKind,
    DocumentWorkflow,
    Urgency,
    start_document,
)
from jiguan_core.work.lateness import ItemKind, late_items
from jiguan_core.work.meetings import MeetingStage, MeetingWorkflow, start_meeting
from jiguan_core.work.records import (
    AgendaItem,
    CentralInstruction,
    Record,
    RecordBook,
    RecordKind,
    StudyMeeting,
    Tier,
    first_topic_findings,
)
from jiguan_core.work.statistics import YuConvention, render_statistics, statistics
from jiguan_core.work.tasks import due_within

__all__ = [
    "SAMPLE_AS_OF",
    "SAMPLE_SINCE",
    "demo_lines",
    "sample_documents",
    "sample_instructions",
    "sample_meetings",
    "sample_record_book",
    "sample_records",
]

#: The day the demo reports on (a Monday), and the start of "2024年以来".
SAMPLE_AS_OF = dt.date(2025, 12, 1)
SAMPLE_SINCE = dt.date(2024, 1, 1)

_CALENDAR = WorkCalendar()


def _working_days(start: dt.date, end: dt.date) -> list[dt.date]:
    return _CALENDAR.working_days(start, end)


@cache
def sample_instructions() -> tuple[CentralInstruction, ...]:
    """One central instruction issued around the 5th of every month, 2024-2025."""
    found = []
    for index in range(24):
        year, month = 2024 + index // 12, index % 12 + 1
        found.append(
            CentralInstruction(
                id=f"ci{year}{month:02d}",
                title=f"中央最新指示精神（{year}年第{month}期）",
                issued=dt.date(year, month, 5),
            )
        )
    return tuple(found)


def _latest_before(day: dt.date) -> CentralInstruction:
    return [i for i in sample_instructions() if i.issued <= day][-1]


def _study_agenda(day: dt.date, number: int) -> tuple[AgendaItem, ...]:
    # Two deliberate lapses for the 第一议题 check: one session opens with business,
    # one studies an instruction two months old.
    if number == 17:
        return (AgendaItem(title="通报近期工作"), AgendaItem(title="学习中央精神"))
    instruction = _latest_before(day)
    if number == 29:
        instruction = [i for i in sample_instructions() if i.issued <= day][-3]
    return (
        AgendaItem(title=f"学习{instruction.title}", instruction_id=instruction.id),
        AgendaItem(title="研究部署近期工作"),
    )


def _from_activity(activity: Activity, number: int) -> Record | None:
    kind = {
        ActivityKind.STUDY_SESSION: RecordKind.STUDY_SESSION,
        ActivityKind.TRAINING: RecordKind.TRAINING,
        ActivityKind.RESEARCH: RecordKind.RESEARCH,
        ActivityKind.INSPECTION: RecordKind.INSPECTION,
        ActivityKind.STUDY_VISIT: RecordKind.STUDY_VISIT,
    }.get(activity.kind)
    if kind is None:
        return None
    day = activity.span.start.date()
    study = kind is RecordKind.STUDY_SESSION
    return Record(
        id=f"r-{activity.id}",
        kind=kind,
        on=dt.date(day.year, day.month, day.day),
        title=activity.title,
        department_id=activity.department_id,
        participants=(*activity.participants, *activity.leaders),
        meeting=StudyMeeting.THEORY_GROUP if study else None,
        agenda=_study_agenda(day, number) if study else (),
    )


@cache
def sample_records() -> tuple[Record, ...]:
    """The office's records from 2024 to 2025, sorted by date and id."""
    rng = random.Random(20240101)
    office = sample_office()
    staff = [s.id for s in office.staff]
    departments = [d.id for d in office.departments]
    records: list[Record] = []
    days_2024 = _working_days(dt.date(2024, 1, 1), dt.date(2025, 1, 1))
    days_2025 = _working_days(dt.date(2025, 1, 1), SAMPLE_AS_OF)
    both = days_2024 + days_2025
    study_number = 0

    def add(kind: RecordKind, day: dt.date, title: str, **extra: object) -> None:
        records.append(
            Record(
                id=f"r{len(records) + 1:04d}",
                kind=kind,
                on=day,
                title=title,
                department_id=str(extra.pop("department_id", rng.choice(departments))),
                **extra,  # type: ignore[arg-type]
            )
        )

    # Study sessions: 2024 weekly-ish in term time, plus 2025 extra sessions of the party
    # group (党组会议) and of departments (集中学习) besides the theory group's monthly ones.
    for day in sorted(rng.sample(days_2024, 40)) + sorted(rng.sample(days_2025, 33)):
        study_number += 1
        add(
            RecordKind.STUDY_SESSION,
            day,
            "集中学习",
            department_id="d-party",
            participants=rng.sample(staff, rng.randint(10, 30)),
            meeting=StudyMeeting.PARTY_GROUP if study_number % 4 == 0 else StudyMeeting.CENTRALISED,
            agenda=_study_agenda(day, study_number),
        )
    for day in sorted(rng.sample(both, 13)):
        add(
            RecordKind.TRAINING,
            day,
            "干部业务培训",
            department_id="d-party",
            participants=rng.sample(staff, rng.randint(8, 16)),
        )
    for day in sorted(rng.choice(both) for _ in range(322)):
        add(RecordKind.BOOK_LOAN, day, "借阅图书", participants=[rng.choice(staff)])
    for day in sorted(rng.choice(both) for _ in range(54)):
        add(RecordKind.ESSAY, day, "学习心得体会", participants=[rng.choice(staff)])
    for tier, count in ((Tier.CENTRAL, 5), (Tier.PROVINCIAL, 98), (Tier.MUNICIPAL, 61)):
        for day in sorted(rng.choice(both) for _ in range(count)):
            add(
                RecordKind.PUBLICATION,
                day,
                f"{tier.zh}媒体稿件",
                level=tier,
                participants=rng.sample(staff, rng.randint(1, 2)),
            )
    for kind, count in ((RecordKind.RESEARCH, 6), (RecordKind.INSPECTION, 3)):
        for day in sorted(rng.sample(days_2024, count)):
            add(kind, day, f"{kind.zh}活动", participants=rng.sample(staff, rng.randint(3, 6)))
    for day in sorted(rng.sample(days_2024, 27)):
        add(RecordKind.STUDY_VISIT, day, "外出考察学习", participants=rng.sample(staff, 4))
    for tier, count in ((Tier.PROVINCIAL, 9), (Tier.MUNICIPAL, 13)):
        for day in sorted(rng.sample(both, count)):
            add(
                RecordKind.HONOUR,
                day,
                f"{tier.zh}先进个人",
                level=tier,
                participants=[rng.choice(staff)],
            )
    for tier, count in ((Tier.PROVINCIAL, 3), (Tier.MUNICIPAL, 2)):
        for day in sorted(rng.sample(both, count)):
            add(RecordKind.HONOUR, day, f"{tier.zh}先进集体", level=tier, department_id="d-office")
    for activity in office.activities:
        if activity.kind is ActivityKind.STUDY_SESSION:
            study_number += 1
        found = _from_activity(activity, study_number)
        if found is not None:
            records.append(found)
    return tuple(sorted(records, key=lambda r: (r.on, r.id)))


@cache
def sample_record_book() -> RecordBook:
    """The sample records, checked against the sample office."""
    return RecordBook.of(sample_records(), sample_office())


_SIGNER = "s006"  # the secretary-general signs outgoing documents
_OFFICE = ("s007", "s008", "s009", "s010", "s011", "s012", "s013", "s014", "s015", "s016")


_DOCUMENT_TITLES = (
    "关于报送2026年度协商计划的请示",
    "关于做好年终工作总结的通知（来文）",
    "关于商请支持委员视察活动的函",
    "市委办公室工作会议纪要（来文）",
    "关于加强机关作风建设的意见",
    "关于开展安全生产检查的通知（来文）",
    "关于调整机关公务用车管理的请示",
    "关于提案办理情况的报告（来文）",
    "关于联合开展专题调研的函",
    "专题协商会筹备工作纪要（来文）",
    "关于做好委员履职服务的意见",
    "关于做好冬季防火工作的通知（来文）",
    "关于增补机关工作经费的请示",
    "关于重点提案督办情况的报告（来文）",
    "关于邀请参加协商座谈会的函",
    "主席会议议定事项纪要（来文）",
)


@cache
def sample_documents() -> tuple[DocumentWorkflow, ...]:
    """Sixteen documents started in October-November 2025, each as far as it got by
    :data:`SAMPLE_AS_OF`; some stages are late."""
    rng = random.Random(20251001)
    days = _working_days(dt.date(2025, 10, 9), dt.date(2025, 11, 25))
    kinds = tuple(DocumentKind)
    found: list[DocumentWorkflow] = []
    for number in range(1, 17):
        flow = DocumentFlow.SENDING if number % 2 else DocumentFlow.RECEIVING
        start = days[(number * 7) % len(days)]
        urgency = Urgency.URGENT if number % 5 == 0 else Urgency.NORMAL
        urgent_in = flow is DocumentFlow.RECEIVING and urgency.is_urgent
        workflow = start_document(
            id=f"doc{number:03d}",
            title=_DOCUMENT_TITLES[number - 1],
            flow=flow,
            kind=kinds[number % len(kinds)],
            urgency=urgency,
            department_id="d-office",
            responsible_id=rng.choice(_OFFICE),
            on=start,
            calendar=_CALENDAR,
            reply_deadline=_CALENDAR.add_working_days(start, 5) if urgent_in else None,
            chaser_id="s008" if urgent_in else None,
        )
        while workflow.stage is not None and workflow.due is not None:
            # Most stages are done on time; some take a few days longer.
            slack = rng.choice((0, 0, 0, 1, 2, 4))
            done_on = _CALENDAR.add_working_days(workflow.due, slack - 1 if slack else 0)
            done_on = max(done_on, workflow.history[-1].on)
            if done_on >= SAMPLE_AS_OF:
                break
            following = workflow.stages.index(workflow.stage) + 1
            nxt = workflow.stages[following] if following < len(workflow.stages) else None
            to = _SIGNER if nxt is not None and nxt.value == "signing" else rng.choice(_OFFICE)
            workflow = workflow.advance(
                workflow.stage,
                on=done_on,
                by=workflow.responsible_id or _SIGNER,
                to=None if nxt is None else to,
                calendar=_CALENDAR,
            )
        found.append(workflow)
    return tuple(found)


@cache
def sample_meetings() -> tuple[MeetingWorkflow, ...]:
    """Four meetings of November-December 2025 as far as they got by :data:`SAMPLE_AS_OF`."""
    plans = (
        ("m001", "主席会议", dt.date(2025, 11, 3), dt.date(2025, 11, 12), 3),
        ("m002", "专题协商会", dt.date(2025, 11, 10), dt.date(2025, 11, 20), 2),
        ("m003", "常委会会议", dt.date(2025, 11, 17), dt.date(2025, 11, 27), 1),
        ("m004", "秘书长会议", dt.date(2025, 11, 24), dt.date(2025, 12, 4), 0),
    )
    found = []
    for meeting_id, title, start, held_on, stages_done in plans:
        meeting = start_meeting(
            id=meeting_id,
            title=title,
            department_id="d-office",
            organiser_id="s009",
            on=start,
            held_on=held_on,
            calendar=_CALENDAR,
        )
        for step in range(stages_done):
            stage = meeting.stage
            assert stage is not None
            day = meeting.due if stage is not MeetingStage.PREPARATION else start
            assert day is not None
            # m001 issues its minutes late; m003 runs but does not tick its record yet.
            if meeting_id == "m001" and stage is MeetingStage.SUMMARY:
                day = _CALENDAR.add_working_days(day, 2)
            items = meeting.open_items
            if meeting_id == "m003" and step == 0:
                items = items[:-1] if stage is MeetingStage.RUNNING else items
            for item in items:
                meeting = meeting.check(item, on=day, by=meeting.responsible_id or "s009")
            if meeting.open_items:
                break
            meeting = meeting.advance(
                stage,
                on=day,
                by=meeting.responsible_id or "s009",
                to=None if stage is MeetingStage.SUMMARY else "s010",
                calendar=_CALENDAR,
            )
        if meeting_id == "m004":
            meeting = meeting.check("notice_sent", on=dt.date(2025, 11, 25), by="s009")
        found.append(meeting)
    return tuple(found)


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
