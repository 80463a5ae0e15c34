"""The commands of ``python -m jiguan_core`` as pure functions: a workspace in, an
:class:`Outcome` (exit status and the text for stdout) out. The entry point
(:mod:`jiguan_core.__main__`) reads the files, prints and writes.

Exit statuses: 0 nothing to act on; 1 something to act on (see each command and docs/cli.md);
2 bad input (raised as :class:`~jiguan_core.errors.InvalidInput`, rendered by the entry point).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING, Any

import pendulum
from attrs import frozen

from jiguan_core.cli.interchange import Workspace
from jiguan_core.cli.render import table, to_json_text
from jiguan_core.errors import (
    CalendarYearNotCovered,
    InvalidInput,
    InvalidValue,
    JiguanError,
    Problem,
)
from jiguan_core.serialization import to_dict
from jiguan_core.text import Lang
from jiguan_core.time import SHANGHAI

if TYPE_CHECKING:
    from jiguan_core.rules.report import Score

__all__ = [
    "EXIT_ACTION",
    "EXIT_BAD_INPUT",
    "EXIT_OK",
    "Outcome",
    "as_problems",
    "run_assess",
    "run_check",
    "run_coverage",
    "run_ics",
    "run_plan",
    "run_rotation",
    "run_stats",
]

EXIT_OK = 0
#: check/plan: a hard violation; coverage: a gap; rotation: someone due; assess: see run_assess.
EXIT_ACTION = 1
EXIT_BAD_INPUT = 2


@frozen(kw_only=True)
class Outcome:
    """What a command produced: its exit status and the text for stdout, or ``data`` (bytes)
    for a binary file (.docx, .xlsx) that the entry point writes to ``--out``."""

    exit_code: int
    text: str
    data: bytes | None = None


def as_problems(error: JiguanError, section: str = "$") -> list[Problem]:
    """A library error as problems with JSON paths under ``section`` (e.g. ``$.assessment``)."""
    if isinstance(error, InvalidInput):
        return [
            p
            if p.path.startswith("$")
            else Problem(f"{section}.{p.path}", p.message_en, p.message_zh)
            for p in error.problems
        ]
    field = getattr(error, "field", None)
    path = f"{section}.{field}" if isinstance(field, str) and field else section
    return [Problem(path, error.message_en, error.message_zh)]


def year_missing(error: CalendarYearNotCovered) -> Problem:
    """A year the working-day calendar lacks, said to a file user: where to add it (the
    workspace's ``calendar`` section or ``--calendar FILE``) and in what shape."""
    year = error.year
    covered = builtin_years_text()
    example = (
        f'{{"arrangements": [{{"year": {year}, "holidays": ["{year}-01-01", ...], '
        f'"working_weekend_days": [...]}}]}}'
    )
    return Problem(
        "$.calendar",
        f"the official working-day arrangement (holidays and swapped working days) of {year} is "
        f"not known (the installed calendar data covers {covered}); add it from the State "
        f"Council notice to the workspace's `calendar` section or pass --calendar FILE, e.g. "
        f"{example}",
        f"{year} 年的放假调休安排未知（已安装的日历数据覆盖 {covered}）；请按国务院办公厅通知写入"
        f"工作区的 `calendar` 部分，或用 --calendar FILE 传入，例如 {example}",
    )


def builtin_years_text() -> str:
    from jiguan_core.calendar import builtin_years

    first, last = builtin_years()
    return f"{first}-{last}"


def _guarded(section: str, run: Callable[[], Outcome]) -> Outcome:
    try:
        return run()
    except CalendarYearNotCovered as error:
        raise InvalidInput([year_missing(error)]) from error
    except InvalidInput as error:
        raise InvalidInput(as_problems(error, section)) from error
    except JiguanError as error:
        raise InvalidInput(as_problems(error, section)) from error


def _missing(section: str, command: str) -> InvalidInput:
    return InvalidInput(
        [
            Problem(
                f"$.{section}",
                f"the workspace has no {section!r} section, which `{command}` reads; add it "
                "(see docs/cli.md)",
                f"工作区缺少 `{command}` 所需的 {section!r} 部分；请补充（见 docs/cli.md）",
            )
        ]
    )


def _when(moment: pendulum.DateTime) -> str:
    return moment.in_timezone(SHANGHAI).format("YYYY-MM-DD HH:mm")


def _zh(lang: Lang, zh: str, en: str) -> str:
    return zh if lang == "zh" else en


# -- check -----------------------------------------------------------------------------------


def _score_data(score: Score) -> dict[str, object]:
    """A score for JSON with the sign the text shows (``-68hard/-48medium/0soft``: penalties are
    negative, 0 is perfect), and that text itself."""
    return {
        "hard": -score.hard,
        "medium": -score.medium,
        "soft": -score.soft,
        "text": str(score),
    }


def run_check(ws: Workspace, *, lang: Lang = "zh", as_json: bool = False) -> Outcome:
    """The conflict report of the office's calendar; 1 when there is a hard violation."""
    from jiguan_core.rules import check

    def run() -> Outcome:
        report = check(ws.office, policy=ws.scheduling_policy, calendar=ws.work_calendar())
        code = EXIT_OK if report.is_feasible and report.is_complete else EXIT_ACTION
        if as_json:
            data = {
                "command": "check",
                "complete": report.is_complete,
                "not_made": [
                    {
                        "rule_id": n.rule_id,
                        "part": n.part,
                        "years": list(n.years),
                        "days": [d.isoformat() for d in n.days],
                        "message": {"zh": n.message.zh, "en": n.message.en},
                    }
                    for n in report.not_made
                ],
                "feasible": report.is_feasible,
                "score": _score_data(report.score),
                "summary": [to_dict(s) for s in report.summary],
                "violations": [_violation_data(v) for v in report.violations],
            }
            return Outcome(exit_code=code, text=to_json_text(data))
        score = report.score
        head = _zh(
            lang,
            f"冲突检查：{len(report.violations)} 项违规（{score.render('zh')}）",
            f"conflict check: {len(report.violations)} violations ({score.render('en')})",
        )
        summary = table(
            [
                _zh(lang, "规则", "rule"),
                _zh(lang, "级别", "level"),
                _zh(lang, "启用", "on"),
                _zh(lang, "违规", "count"),
                _zh(lang, "扣分", "penalty"),
            ],
            [
                [
                    s.rule_id,
                    s.level.label(lang),
                    _zh(lang, "是", "yes") if s.enabled else _zh(lang, "否", "no"),
                    s.count,
                    s.penalty,
                ]
                for s in report.summary
            ],
        )
        details = table(
            [
                _zh(lang, "规则", "rule"),
                _zh(lang, "级别", "level"),
                _zh(lang, "日期", "day"),
                _zh(lang, "说明", "message"),
            ],
            [
                [v.part, v.level.label(lang), v.day, v.message.render(lang)]
                for v in report.violations
            ],
        )
        verdict = (
            _zh(lang, "结论：无硬约束违规。", "verdict: no hard violation.")
            if report.is_feasible
            else _zh(
                lang, "结论：存在硬约束违规（退出码 1）。", "verdict: hard violations (exit 1)."
            )
        )
        parts = [head, summary, details, verdict]
        if not report.is_complete:
            hint = _zh(
                lang,
                "！！部分检查未进行（退出码 1）：请在工作区的 calendar 部分或用 --calendar FILE "
                "补充缺少年份的放假调休安排",
                "!! SOME CHECKS WERE NOT MADE (exit 1): add the missing years' working-day "
                "arrangements in the workspace's calendar section or with --calendar FILE",
            )
            parts = [head, hint, *(n.render(lang) for n in report.not_made), *parts[1:]]
        return Outcome(exit_code=code, text="\n\n".join(parts) + "\n")

    return _guarded("$.scheduling_policy", run)


def _violation_data(v: Any) -> dict[str, Any]:
    return {
        "rule_id": v.rule_id,
        "part": v.part,
        "level": v.level.value,
        "activity_ids": list(v.activity_ids),
        "absence_ids": list(v.absence_ids),
        "staff_ids": list(v.staff_ids),
        "post_id": v.post_id,
        "room_id": v.room_id,
        "department_id": v.department_id,
        "place": v.place,
        "blackout_id": v.blackout_id,
        "day": v.day.isoformat() if v.day is not None else None,
        "penalty": v.penalty,
        "message": {"zh": v.message.zh, "en": v.message.en},
    }


# -- plan ------------------------------------------------------------------------------------


def run_plan(
    ws: Workspace,
    *,
    lang: Lang = "zh",
    as_json: bool = False,
    progress: Callable[[str], None] | None = None,
    on_step: Callable[[int, int], None] | None = None,
) -> Outcome:
    """The scheduler's plan; 1 when a request could not be placed without breaking a hard rule
    or a pinned placement is in conflict. ``progress`` receives a line before, about ten while the
    requests are tried, and one after; ``on_step(done, total)`` is called as each request is
    tried (for a progress bar)."""
    from jiguan_core.scheduling import schedule

    section = ws.plan
    if section is None:
        raise _missing("plan", "plan")

    def run() -> Outcome:
        if progress is not None:
            progress(
                _zh(
                    lang,
                    f"正在安排 {len(section.requests)} 项活动申请……",
                    f"planning {len(section.requests)} requests ...",
                )
            )

        def tried(done: int, total: int) -> None:
            if on_step is not None:
                on_step(done, total)
            # One line per tenth of the way (recurring requests count once per occurrence).
            if progress is not None and done * 10 // total != (done - 1) * 10 // total:
                progress(
                    _zh(
                        lang,
                        f"  已尝试 {done}/{total} 项活动",
                        f"  tried {done}/{total} activities",
                    )
                )

        plan = schedule(
            ws.office,
            section.requests,
            policy=ws.scheduling_policy,
            calendar=ws.work_calendar(),
            seed=section.seed,
            max_iterations=section.max_iterations,
            progress=tried if progress is not None or on_step is not None else None,
        )
        if progress is not None:
            progress(
                _zh(lang, f"完成：{plan.iterations} 次迭代", f"done: {plan.iterations} iterations")
            )
        bad = bool(plan.unplaced) or bool(plan.pinned_conflicts) or plan.score.hard > 0
        code = EXIT_ACTION if bad else EXIT_OK
        if as_json:
            data = {
                "command": "plan",
                "complete": not bad,
                "score": _score_data(plan.score),
                "iterations": plan.iterations,
                "placed": [
                    {
                        "request_id": p.request_id,
                        "priority": p.priority,
                        "pinned": p.pinned,
                        "activity": to_dict(p.activity),
                    }
                    for p in plan.placed
                ],
                "unplaced": [
                    {
                        "request_id": u.request_id,
                        "title": u.title,
                        "priority": u.priority,
                        "reason": {"zh": u.reason.zh, "en": u.reason.en},
                    }
                    for u in plan.unplaced
                ],
                "pinned_conflicts": [{"zh": t.zh, "en": t.en} for t in plan.pinned_conflicts],
            }
            return Outcome(exit_code=code, text=to_json_text(data))
        placed = table(
            [
                _zh(lang, "申请", "request"),
                _zh(lang, "开始", "start"),
                _zh(lang, "结束", "end"),
                _zh(lang, "会议室", "room"),
                _zh(lang, "标题", "title"),
            ],
            [
                [
                    p.activity.id,
                    _when(p.activity.span.start),
                    _when(p.activity.span.end),
                    p.activity.room_id,
                    p.activity.title,
                ]
                for p in plan.placed
            ],
        )
        parts = [plan.render_lines(lang)[0], placed]
        if plan.unplaced:
            parts.append(
                table(
                    [
                        _zh(lang, "未安排", "unplaced"),
                        _zh(lang, "优先级", "priority"),
                        _zh(lang, "原因", "reason"),
                    ],
                    [[u.request_id, u.priority, u.reason.render(lang)] for u in plan.unplaced],
                )
            )
        for conflict in plan.pinned_conflicts:
            parts.append(conflict.render(lang))
        return Outcome(exit_code=code, text="\n\n".join(parts) + "\n")

    return _guarded("$.plan", run)


# -- assess ----------------------------------------------------------------------------------


def run_assess(ws: Workspace, *, lang: Lang = "zh", as_json: bool = False) -> Outcome:
    """The quarters' and the year's results; 1 when someone is graded 不称职 (incompetent) in
    the year or 较差 (poor) in a quarter — outcomes with consequences to act on."""
    from jiguan_core.assessment import Grade, RoutineGrade, assess_quarter, assess_year

    section = ws.assessment
    if section is None:
        raise _missing("assessment", "assess")

    def run() -> Outcome:
        quarters = [
            assess_quarter(
                ws.office, section.records, section.year, q, policy=section.routine_policy
            )
            for q in sorted(set(section.quarters))
        ]
        annual = assess_year(
            ws.office,
            section.records,
            section.year,
            policy=section.annual_policy,
            as_of=section.as_of,
        )
        bad = annual.count(Grade.INCOMPETENT) > 0 or any(
            q.count(RoutineGrade.POOR) > 0 for q in quarters
        )
        code = EXIT_ACTION if bad else EXIT_OK
        if as_json:
            data = {
                "command": "assess",
                "year": section.year,
                "quarters": [
                    {
                        "quarter": q.quarter,
                        "graded": q.graded,
                        "good_places": q.good_places,
                        "outcomes": [_routine_data(o) for o in q.outcomes],
                    }
                    for q in quarters
                ],
                "annual": {
                    "as_of": annual.as_of.isoformat(),
                    "quota": to_dict(annual.quota),
                    "outcomes": [_annual_data(o) for o in annual.outcomes],
                },
            }
            return Outcome(exit_code=code, text=to_json_text(data))
        parts: list[str] = []
        for q in quarters:
            parts.append(
                _zh(
                    lang,
                    f"{q.year}年第{q.quarter}季度平时考核（定等 {q.graded} 人，“好”名额 {q.good_places}）",
                    f"{q.year} Q{q.quarter} routine assessment ({q.graded} graded, "
                    f"{q.good_places} places for good)",
                )
            )
            parts.append(
                table(
                    [
                        _zh(lang, "人员", "staff"),
                        _zh(lang, "得分", "score"),
                        _zh(lang, "等次", "grade"),
                        _zh(lang, "名次", "rank"),
                    ],
                    [
                        [o.staff_id, _score(o.score), _grade(o.grade, o.ungraded, lang), o.rank]
                        for o in q.outcomes
                    ],
                )
            )
        quota = annual.quota
        parts.append(
            _zh(
                lang,
                f"{annual.year}年度考核（优秀名额 {quota.places}，评定优秀 {quota.excellent}）",
                f"{annual.year} annual assessment ({quota.places} places for excellent, "
                f"{quota.excellent} excellent)",
            )
        )
        parts.append(
            table(
                [
                    _zh(lang, "人员", "staff"),
                    _zh(lang, "综合得分", "composite"),
                    _zh(lang, "等次", "grade"),
                    _zh(lang, "名次", "rank"),
                    _zh(lang, "依据", "rules"),
                ],
                [
                    [
                        o.staff_id,
                        _score(o.composite),
                        _grade(o.grade, o.ungraded, lang),
                        o.rank,
                        ",".join(o.rules),
                    ]
                    for o in annual.outcomes
                ],
            )
        )
        return Outcome(exit_code=code, text="\n\n".join(parts) + "\n")

    return _guarded("$.assessment", run)


def _score(value: float | None) -> str | None:
    return None if value is None else f"{value:.2f}"


def _grade(grade: Any, ungraded: Any, lang: Lang) -> str | None:
    if grade is not None:
        return str(grade.label(lang))
    if ungraded is not None:
        return _zh(lang, "不定等次", "ungraded") + f" ({ungraded.value})"
    return None


def _routine_data(o: Any) -> dict[str, Any]:
    return {
        "staff_id": o.staff_id,
        "score": o.score,
        "grade": o.grade.value if o.grade is not None else None,
        "ungraded": o.ungraded.value if o.ungraded is not None else None,
        "rank": o.rank,
        "rules": list(o.rules),
        "capped": o.capped,
        "tied": o.tied,
    }


def _annual_data(o: Any) -> dict[str, Any]:
    return {
        "staff_id": o.staff_id,
        "composite": o.composite,
        "grade": o.grade.value if o.grade is not None else None,
        "ungraded": o.ungraded.value if o.ungraded is not None else None,
        "rank": o.rank,
        "rules": list(o.rules),
        "good_quarters": o.good_quarters,
        "capped": o.capped,
        "tied": o.tied,
        "barred": o.barred,
    }


# -- coverage and rotation -------------------------------------------------------------------


def run_coverage(ws: Workspace, *, lang: Lang = "zh", as_json: bool = False) -> Outcome:
    """A/B coverage of the key posts over the period; 1 when a post has nobody on a working day."""
    from jiguan_core.calendar import DateRange
    from jiguan_core.development import coverage

    section = ws.coverage
    if section is None:
        raise _missing("coverage", "coverage")

    def run() -> Outcome:
        report = coverage(
            ws.office,
            DateRange(start=section.start, end=section.end),
            post_ids=section.post_ids,
            calendar=ws.work_calendar(),
        )
        code = EXIT_ACTION if report.gaps else EXIT_OK
        if as_json:
            data = {
                "command": "coverage",
                "start": section.start.isoformat(),
                "end": section.end.isoformat(),
                "posts": [
                    {
                        "post_id": p.post_id,
                        "chain": list(p.chain),
                        "covered": [[d.isoformat(), s] for d, s in p.covered],
                        "gaps": [d.isoformat() for d in p.gaps],
                    }
                    for p in report.posts
                ],
            }
            return Outcome(exit_code=code, text=to_json_text(data))
        head = _zh(
            lang,
            f"AB角补位：{section.start} 至 {section.end}（不含），关键岗位 {len(report.posts)} 个，"
            f"无人负责 {len(report.gaps)} 个岗位日",
            f"A/B coverage {section.start} to {section.end} (exclusive): {len(report.posts)} key "
            f"posts, {len(report.gaps)} post-days with nobody responsible",
        )
        rows = table(
            [
                _zh(lang, "岗位", "post"),
                _zh(lang, "A/B 顺序", "chain"),
                _zh(lang, "由B角等负责的天数", "days covered"),
                _zh(lang, "无人天数", "gaps"),
            ],
            [[p.post_id, " > ".join(p.chain), len(p.covered), len(p.gaps)] for p in report.posts],
        )
        return Outcome(
            exit_code=code, text="\n\n".join([head, rows, *report.render_lines(lang)]) + "\n"
        )

    return _guarded("$.coverage", run)


def run_rotation(ws: Workspace, *, lang: Lang = "zh", as_json: bool = False) -> Outcome:
    """Everyone's rotation status on the day; 1 when someone is due for rotation."""
    from jiguan_core.development import rotation_status

    section = ws.rotation
    if section is None:
        raise _missing("rotation", "rotation")

    def run() -> Outcome:
        checks = rotation_status(
            ws.office,
            section.as_of,
            policy=section.policy,
            under_investigation=section.under_investigation,
        )
        due = [c for c in checks if c.is_due]
        code = EXIT_ACTION if due else EXIT_OK
        if as_json:
            data = {
                "command": "rotation",
                "as_of": section.as_of.isoformat(),
                "checks": [
                    {
                        "staff_id": c.staff_id,
                        "department_id": c.department_id,
                        "post_id": c.post_id,
                        "since": c.since.isoformat(),
                        "years_in_post": c.years_in_post,
                        "threshold_years": c.threshold_years,
                        "due_on": c.due_on.isoformat(),
                        "status": c.status.value,
                        "reason": {"zh": c.reason.zh, "en": c.reason.en},
                    }
                    for c in checks
                ],
            }
            return Outcome(exit_code=code, text=to_json_text(data))
        head = _zh(
            lang,
            f"轮岗交流：截至 {section.as_of}，在范围内 {len(checks)} 人，应轮岗 {len(due)} 人",
            f"rotation on {section.as_of}: {len(checks)} in scope, {len(due)} due",
        )
        rows = table(
            [
                _zh(lang, "人员", "staff"),
                _zh(lang, "岗位", "post"),
                _zh(lang, "任职起", "since"),
                _zh(lang, "年限", "years"),
                _zh(lang, "到期日", "due on"),
                _zh(lang, "状态", "status"),
            ],
            [
                [
                    c.staff_id,
                    c.post_id,
                    c.since,
                    f"{c.years_in_post}/{c.threshold_years}",
                    c.due_on,
                    c.status.label(lang),
                ]
                for c in checks
            ],
        )
        return Outcome(exit_code=code, text="\n\n".join([head, rows]) + "\n")

    return _guarded("$.rotation", run)


# -- stats -----------------------------------------------------------------------------------


def run_stats(
    ws: Workspace, *, since: dt.date, lang: Lang = "zh", as_json: bool = False
) -> Outcome:
    """The figures of ``[since, as_of)``; always 0 (figures are not violations)."""
    from jiguan_core.work import RecordBook, render_statistics, statistics

    section = ws.statistics
    if section is None:
        raise _missing("statistics", "stats")

    def run() -> Outcome:
        if since > section.as_of:
            raise InvalidValue(
                f"--since {since} is after the report day as_of {section.as_of}",
                f"--since {since} 晚于统计截止日 as_of {section.as_of}",
                field="as_of",
                value=section.as_of,
            )
        book = RecordBook.of(section.records, ws.office)
        stats = statistics(book, since, section.as_of)
        if as_json:
            return Outcome(
                exit_code=EXIT_OK, text=to_json_text({"command": "stats", **stats.to_data()})
            )
        head = _zh(
            lang,
            f"{since} 以来（截至 {section.as_of}，不含当日）",
            f"since {since} (up to {section.as_of}, exclusive)",
        )
        rows = table(
            [_zh(lang, "指标", "metric"), _zh(lang, "数量", "figure")],
            [[metric.label(lang), value] for metric, value in stats.totals.items()],
        )
        return Outcome(
            exit_code=EXIT_OK,
            text="\n\n".join([head, render_statistics(stats, lang), rows]) + "\n",
        )

    return _guarded("$.statistics", run)


# -- ics -------------------------------------------------------------------------------------


def run_ics(
    ws: Workspace,
    *,
    stamp: dt.datetime,
    lang: Lang = "zh",
    person_id: str | None = None,
    department_id: str | None = None,
    leader_id: str | None = None,
    week: dt.date | None = None,
) -> Outcome:
    """The office's activities (filtered) as iCalendar text; always 0."""
    from jiguan_core.agenda import agenda
    from jiguan_core.calendar import Granularity
    from jiguan_core.ics import activities_to_ics

    office = ws.office
    known = (
        ("--person", person_id, {s.id for s in office.staff}, "staff member", "人员"),
        ("--department", department_id, {d.id for d in office.departments}, "department", "部门"),
        (
            "--leader",
            leader_id,
            {s.id for s in office.leadership_members},
            "leadership member",
            "领导班子成员",
        ),
    )
    unknown = [
        Problem(
            option,
            f"{value!r} is not a {kind_en} of the office; use one of its ids",
            f"{value!r} 不是本机关的{kind_zh}；请使用已定义的编号",
        )
        for option, value, ids, kind_en, kind_zh in known
        if value is not None and value not in ids
    ]
    if unknown:
        raise InvalidInput(unknown)

    def run() -> Outcome:
        periods = agenda(
            ws.office,
            Granularity.WEEK,
            person_id=person_id,
            department_id=department_id,
            leader_id=leader_id,
        )
        chosen: Iterable[Any] = (
            p for p in periods if week is None or p.period.start <= week < p.period.end
        )
        activities = [a for p in chosen for a in p.activities]
        name = ws.office.name
        return Outcome(
            exit_code=EXIT_OK,
            text=activities_to_ics(activities, as_of=stamp, office=ws.office, name=name, lang=lang),
        )

    return _guarded("$", run)
