"""Demo: plan the second quarter of 2025 for the sample office, then a "what if"."""

from __future__ import annotations

import datetime as dt

import pendulum

from jiguan_core.absence import Absence, AbsenceKind
from jiguan_core.activity import ActivityKind, MeetingKind
from jiguan_core.examples.office import sample_office
from jiguan_core.scheduling.request import ActivityRequest
from jiguan_core.scheduling.scheduler import replan, schedule
from jiguan_core.text import Lang
from jiguan_core.time import SHANGHAI, TimeSpan

__all__ = ["demo_lines", "sample_requests"]


def _at(month: int, day: int, hour: int = 8, minute: int = 30) -> pendulum.DateTime:
    return pendulum.datetime(2025, month, day, hour, minute, tz=SHANGHAI)


def sample_requests() -> tuple[ActivityRequest, ...]:
    """A quarter's requests (April-June 2025) for :func:`jiguan_core.examples.office.sample_office`."""
    quarter_start, quarter_end = _at(4, 1), _at(6, 30, 17, 30)
    requests = [
        ActivityRequest(
            id="q2-weekly",
            kind=ActivityKind.MEETING,
            meeting_kind=MeetingKind.WORK_MEETING,
            title="机关工作例会",
            department_id="d-office",
            earliest_start=quarter_start,
            latest_end=quarter_end,
            duration=dt.timedelta(hours=1),
            participants=("s007", "s017", "s023", "s028"),
            leaders=("s006",),
            rooms=("r-1", "r-2"),
            priority=5,
            rrule="FREQ=WEEKLY;BYDAY=TU",
        ),
        ActivityRequest(
            id="q2-chair",
            kind=ActivityKind.MEETING,
            meeting_kind=MeetingKind.CHAIR_MEETING,
            title="主席会议",
            department_id="d-office",
            earliest_start=quarter_start,
            latest_end=quarter_end,
            duration=dt.timedelta(hours=2),
            leaders=("s001", "s002", "s003", "s004", "s005", "s006"),
            rooms=("r-standing",),
            priority=5,
            rrule="FREQ=MONTHLY;BYDAY=+3TH",
        ),
    ]
    trips = (
        ("d-agri", "岳池县", "s040", 4, 7),
        ("d-economy", "岳池县", "s034", 4, 14),
        ("d-env", "华蓥市", "s046", 5, 6),
        ("d-edu", "武胜县", "s051", 5, 12),
        ("d-culture", "邻水县", "s056", 6, 3),
        ("d-proposal", "广安区", "s028", 6, 9),
    )
    for index, (department, place, head, month, day) in enumerate(trips):
        requests.append(
            ActivityRequest(
                id=f"q2-trip-{index + 1}",
                kind=ActivityKind.RESEARCH,
                title=f"赴{place}专题调研",
                department_id=department,
                earliest_start=_at(month, day),
                latest_end=_at(month, day, 17, 30).add(days=10),
                days=1,
                participants=(head,),
                any_leaders=1,
                target_place=place,
                priority=3,
            )
        )
    committees = ("d-agri", "d-economy", "d-env", "d-edu", "d-culture", "d-proposal")
    heads = ("s040", "s034", "s046", "s051", "s056", "s028")
    for index in range(12):
        department = committees[index % len(committees)]
        month = 4 + index // 4
        requests.append(
            ActivityRequest(
                id=f"q2-meeting-{index + 1:02d}",
                kind=ActivityKind.MEETING,
                meeting_kind=MeetingKind.SYMPOSIUM,
                title=f"专题协商座谈会（{index + 1}）",
                department_id=department,
                earliest_start=_at(month, 1 + 7 * (index % 4)),
                latest_end=_at(month, 1 + 7 * (index % 4), 17, 30).add(days=6),
                duration=dt.timedelta(hours=2),
                participants=(heads[index % len(heads)], "s017"),
                optional_participants=("s018",),
                any_leaders=1,
                rooms=("r-1", "r-2"),
                priority=2,
            )
        )
    # Over-subscribed on purpose: three half-day trainings for everyone in one short week.
    for index in range(3):
        requests.append(
            ActivityRequest(
                id=f"q2-training-{index + 1}",
                kind=ActivityKind.TRAINING,
                title=f"业务培训（第{index + 1}讲）",
                department_id="d-party",
                earliest_start=_at(4, 3),
                latest_end=_at(4, 3, 17, 30),
                duration=dt.timedelta(hours=3),
                participants=("s007", "s017", "s023", "s024", "s028", "s034"),
                rooms=("r-hall",),
                priority=1,
            )
        )
    return tuple(requests)


def demo_lines(lang: Lang = "zh") -> list[str]:
    office = sample_office()
    requests = sample_requests()
    plan = schedule(office, requests)
    zh = lang == "zh"
    lines = [
        "示例机关 2025 年第二季度活动排程" if zh else "Sample office: plan for Q2 2025",
        *plan.render_lines(lang)[:1],
    ]
    lines += plan.render_lines(lang)[1:9]
    lines.append("  ……" if zh else "  ...")
    lines += [
        line for line in plan.render_lines(lang) if line.startswith(("  未安排", "  unplaced"))
    ]
    # What if: the secretary-general (s006) is away for the week of 15 April?
    away = Absence(
        id="what-if-1",
        staff_id="s006",
        span=TimeSpan.whole_days(dt.date(2025, 4, 14), dt.date(2025, 4, 18)),
        kind=AbsenceKind.BUSINESS_TRIP,
    )
    changed = office.with_absences((away,))
    again = replan(plan, changed, requests)
    if zh:
        lines.append(
            f"假如秘书长 4月14日至18日出差：重新排程，移动 {len(again.moved)} 项"
            f"（{', '.join(again.moved) or '无'}），已安排 {len(again.placed)} 项"
        )
    else:
        lines.append(
            f"What if the secretary-general is away 14-18 April: replanned, "
            f"{len(again.moved)} moved ({', '.join(again.moved) or 'none'}), "
            f"{len(again.placed)} placed"
        )
    return lines
