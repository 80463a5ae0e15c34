"""Violations from pattern matches: one builder per pattern, shared by every engine (private).

Engines only find matches (pairs of facts, single facts, groups); the violation a match means,
its message in Chinese and English and its penalty come from here, so two engines that find the
same matches report equal violations.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Mapping, Sequence
from functools import partial
from typing import Any

from jiguan_core.absence import Absence
from jiguan_core.activity import Activity
from jiguan_core.catalogue.scheduling import rule
from jiguan_core.patterns import CountPerPeriod
from jiguan_core.rule import RuleInfo
from jiguan_core.rules._facts import (
    _EPOCH_ORDINAL,
    _OFFSET,
    ABSENCE,
    ACTIVITY,
    DAY,
    END,
    KEY,
    PERSON,
    REF,
    SOURCE,
    START,
    Context,
    Fact,
    local_ordinal,
)
from jiguan_core.rules.violation import (
    Subjects,
    Violation,
    _ids,
    make_violation,
    pair_ids,
    violation_of,
)
from jiguan_core.text import Text
from jiguan_core.time import SHANGHAI

__all__ = [
    "Lookup",
    "count_violation",
    "coverage_violation",
    "pair_violation",
    "pair_violations",
    "single_violation",
]


class Lookup:
    """Activities and absences by id, for messages."""

    def __init__(self, activities: Mapping[str, Activity], absences: Mapping[str, Absence]) -> None:
        self.activities = activities
        self.absences = absences
        self._leaders: dict[str, frozenset[str]] = {}

    def leaders_of(self, activity_id: str, leaders: frozenset[str]) -> frozenset[str]:
        """The leadership members attending an activity (cached per id)."""
        found = self._leaders.get(activity_id)
        if found is None:
            found = frozenset(leaders.intersection(self.activities[activity_id].attendees))
            self._leaders[activity_id] = found
        return found

    def forget(self, activity_id: str) -> None:
        self._leaders.pop(activity_id, None)

    def act_zh(self, activity_id: str) -> str:
        a = self.activities.get(activity_id)
        return f"「{a.title}」（{activity_id}）" if a else activity_id

    def act_en(self, activity_id: str) -> str:
        a = self.activities.get(activity_id)
        return f"“{a.title}” ({activity_id})" if a else activity_id

    def absence_text(self, absence_id: str) -> Text:
        b = self.absences.get(absence_id)
        if b is None:
            return Text(absence_id, absence_id)
        return Text(
            f"{b.kind.zh}（{absence_id}，{b.span}）", f"{b.kind.en} ({absence_id}, {b.span})"
        )


def _day(ordinal: int) -> dt.date:
    return dt.date.fromordinal(ordinal)


def _item(look: Lookup, fact: Fact) -> Text:
    if fact[SOURCE] == ABSENCE:
        return look.absence_text(fact[REF])
    return Text(look.act_zh(fact[REF]), look.act_en(fact[REF]))


def _split(facts: Sequence[Fact]) -> tuple[list[str], list[str]]:
    acts = [f[REF] for f in facts if f[SOURCE] == ACTIVITY]
    absences = [f[REF] for f in facts if f[SOURCE] == ABSENCE]
    return acts, absences


def _info(pattern_id: str) -> RuleInfo:
    found = _INFO.get(pattern_id)
    if found is None:
        found = rule(pattern_id.split("/", 1)[0]).info
        _INFO[pattern_id] = found
    return found


_INFO: dict[str, RuleInfo] = {}


def pair_violation(ctx: Context, look: Lookup, pattern_id: str, f1: Fact, f2: Fact) -> Violation:
    """The violation a matched pair means; its message is rendered on first use."""
    return pair_violations(ctx, look, pattern_id, [(f1, f2)])[0]


def pair_violations(
    ctx: Context, look: Lookup, pattern_id: str, pairs: Iterable[tuple[Fact, Fact]]
) -> list[Violation]:
    """:func:`pair_violation` of each matched pair, in order (one loop per pattern: an engine
    with tens of thousands of matches does not pay a dispatch per match)."""
    info = _info(pattern_id)
    rid, level = info.id, ctx.levels[info.id]
    subjects = _pair_subjects(ctx, look, pattern_id)
    explain = partial(_pair_text, ctx, look)  # one per pattern, shared by its violations
    return [
        violation_of(
            rid,
            pattern_id,
            level,
            _day_at(max(f1[START], f2[START])),
            subjects(f1, f2),
            1,
            None,
            explain,
            (pattern_id, f1, f2),
        )
        for f1, f2 in pairs
    ]


def _day_at(seconds: int) -> dt.date:
    """The local day of an epoch second (``date.fromordinal(local_ordinal(seconds))``), one
    shared ``date`` per day: violations of one day then compare their days by identity."""
    ordinal = (seconds + _OFFSET) // DAY + _EPOCH_ORDINAL
    found = _DAYS.get(ordinal)
    if found is None:
        found = _DAYS.setdefault(ordinal, dt.date.fromordinal(ordinal))
    return found


_DAYS: dict[int, dt.date] = {}


def _pair_subjects(ctx: Context, look: Lookup, part: str) -> Callable[[Fact, Fact], Subjects]:
    """What a matched pair of ``part`` names (:data:`Subjects`: activities, absences, staff,
    post, room, department, place, blackout, refs): the one place where the patterns' pair
    violations differ, by what the pattern's tables hold (a fact's ref, its shared key; see
    the catalogue's tables)."""
    if part == "SCHED-COORD-PERSON/clash":  # attendance x attendance, key: the person
        return lambda f1, f2: (
            pair_ids(f1[REF], f2[REF]),
            (),
            (f1[KEY],),
            None,
            None,
            None,
            None,
            None,
            (),
        )
    if part == "SCHED-COORD-PERSON/absent":  # attendance x absence, key: the person
        return lambda f1, f2: ((f1[REF],), (f2[REF],), (f1[KEY],), None, None, None, None, None, ())
    if part == "SCHED-COORD-TRIPS/pile_up":  # trip x trip, key: the place
        return lambda f1, f2: (
            pair_ids(f1[REF], f2[REF]),
            (),
            (),
            None,
            None,
            None,
            f1[KEY],
            None,
            (),
        )
    if part == "SCHED-DEV-AB/both_away":  # away_a x away_b, key: the post; refs of either kind
        return _both_away
    if part == "SCHED-LEADERS-MEETINGS/parallel":  # leader_activity x leader_activity
        leaders_of, leaders = look.leaders_of, ctx.leaders
        return lambda f1, f2: (
            pair_ids(f1[REF], f2[REF]),
            (),
            tuple(sorted(leaders_of(f1[REF], leaders) | leaders_of(f2[REF], leaders))),
            None,
            None,
            None,
            None,
            None,
            (),
        )
    if part == "SCHED-COORD-ROOMS/double_booked":  # booking x booking, key: the room
        return lambda f1, f2: (
            pair_ids(f1[REF], f2[REF]),
            (),
            (),
            None,
            f1[KEY],
            None,
            None,
            None,
            (),
        )
    if part == "SCHED-C2-WORKDAYS/blackout":  # activity x blackout, no key
        return lambda f1, f2: ((f1[REF],), (), (), None, None, None, None, f2[REF], ())
    raise AssertionError(f"no builder for pattern {part}")  # pragma: no cover


def _both_away(f1: Fact, f2: Fact) -> Subjects:
    acts, absences = _split((f1, f2))
    refs = (f1[REF], f2[REF])
    return (
        _ids(acts),
        _ids(absences),
        pair_ids(f1[PERSON], f2[PERSON]),
        f1[KEY],
        None,
        None,
        None,
        None,
        refs,
    )


def _pair_text(ctx: Context, look: Lookup, pattern_id: str, f1: Fact, f2: Fact) -> Text:
    day = _day(local_ordinal(max(f1[START], f2[START])))
    name = ctx.person_name
    if pattern_id == "SCHED-COORD-PERSON/clash":
        return Text(
            f"{name(f1[KEY])} 在 {day} 同时参加{look.act_zh(f1[REF])}和{look.act_zh(f2[REF])}，时间冲突",
            f"{ctx.person_en(f1[KEY])} is in {look.act_en(f1[REF])} and {look.act_en(f2[REF])} "
            f"at the same time on {day}",
        )
    if pattern_id == "SCHED-COORD-PERSON/absent":
        absence = look.absence_text(f2[REF])
        return Text(
            f"{name(f1[KEY])} 在 {absence.zh} 期间被安排参加{look.act_zh(f1[REF])}",
            f"{ctx.person_en(f1[KEY])} is scheduled for {look.act_en(f1[REF])} during their "
            f"{absence.en}",
        )
    if pattern_id == "SCHED-COORD-TRIPS/pile_up":
        first, second = sorted((f1, f2), key=lambda f: (f[START], f[REF]))
        gap = max(0, (second[START] - first[END]) // DAY)
        days = ctx.parameter(pattern_id, "days")
        place = f1[KEY]
        return Text(
            f"调研扎堆：{look.act_zh(first[REF])}与{look.act_zh(second[REF])}都去{place}，"
            f"相隔约 {gap} 天，少于 {days} 天",
            f"trips pile up on {place}: {look.act_en(first[REF])} and "
            f"{look.act_en(second[REF])} are about {gap} days apart, less than {days}",
        )
    if pattern_id == "SCHED-DEV-AB/both_away":
        post = ctx.office.post(f1[KEY])
        a_item, b_item = _item(look, f1), _item(look, f2)
        return Text(
            f"岗位「{post.name}」（{post.id}）的 A 角 {name(f1[PERSON])}（{a_item.zh}）与 B 角 "
            f"{name(f2[PERSON])}（{b_item.zh}）自 {day} 起同时不在岗",
            f"post “{post.name}” ({post.id}): A {ctx.person_en(f1[PERSON])} ({a_item.en}) "
            f"and B {ctx.person_en(f2[PERSON])} ({b_item.en}) are both away from {day}",
        )
    if pattern_id == "SCHED-LEADERS-MEETINGS/parallel":
        return Text(
            f"主席会议成员活动重叠：{look.act_zh(f1[REF])}与{look.act_zh(f2[REF])}于 {day} "
            "同时进行，未统筹安排",
            f"leadership activities overlap on {day}: {look.act_en(f1[REF])} and "
            f"{look.act_en(f2[REF])}",
        )
    if pattern_id == "SCHED-COORD-ROOMS/double_booked":
        room = ctx.office.room(f1[KEY])
        return Text(
            f"会议室「{room.name}」（{room.id}）在 {day} 被{look.act_zh(f1[REF])}和"
            f"{look.act_zh(f2[REF])}重复预订",
            f"room “{room.name}” ({room.id}) is double-booked on {day} by "
            f"{look.act_en(f1[REF])} and {look.act_en(f2[REF])}",
        )
    blackout = ctx.blackouts[f2[REF]]
    return Text(
        f"{look.act_zh(f1[REF])}落在禁排时段「{blackout.label.zh}」（{blackout.span}）内",
        f"{look.act_en(f1[REF])} falls in the blackout “{blackout.label.en}” ({blackout.span})",
    )


def single_violation(
    ctx: Context, look: Lookup, pattern_id: str, activity: Activity, fact: Fact | None = None
) -> Violation:
    info = _info(pattern_id)
    if pattern_id == "SCHED-COORD-CAPACITY/over_capacity":
        return _over_capacity(ctx, look, activity)
    day = _day(int(ctx.activity_fields(activity, fact)["non_working_day"]))
    return Violation(
        rule_id=info.id,
        part=pattern_id,
        level=ctx.levels[info.id],
        activity_ids=(activity.id,),
        day=day,
        message=Text(
            f"{look.act_zh(activity.id)}（{activity.kind.zh}）安排在非工作日 {day}",
            f"{look.act_en(activity.id)} ({activity.kind.en}) falls on {day}, a non-working day",
        ),
    )


def _over_capacity(ctx: Context, look: Lookup, activity: Activity) -> Violation:
    info = _info("SCHED-COORD-CAPACITY/over_capacity")
    room_id = activity.room_id or ""
    room = ctx.office.room(room_id)
    people = len(activity.attendees)
    extra = ctx.extra_seats
    need_zh = f"{people} 人" + (f"（另需预留 {extra} 座）" if extra else "")
    need_en = f"{people} attendees" + (f" (plus {extra} seats kept free)" if extra else "")
    return Violation(
        rule_id=info.id,
        part="SCHED-COORD-CAPACITY/over_capacity",
        level=ctx.levels[info.id],
        activity_ids=(activity.id,),
        room_id=room_id,
        day=activity.span.start.in_timezone(SHANGHAI).date(),
        message=Text(
            f"{look.act_zh(activity.id)}有 {need_zh}，{room.name}只有 {room.capacity} 个座位",
            f"{look.act_en(activity.id)} has {need_en}, room {room.name} seats {room.capacity}",
        ),
    )


def count_violation(
    ctx: Context,
    look: Lookup,
    pattern_id: str,
    key: str,
    period_start: dt.date,
    facts: Sequence[Fact],
) -> Violation:
    info = _info(pattern_id)
    acts = tuple(sorted({f[REF] for f in facts}))
    limit = int(ctx.parameter(pattern_id, _count_limit(pattern_id)))
    if pattern_id == "SCHED-COORD-LOAD/busy_week":  # activity, key: the organising department
        subjects: dict[str, Any] = {"department_id": key}
        explain = partial(_busy_week_text, ctx, look, key, period_start, acts, limit)
    else:  # leader_trip, key: the leader
        subjects = {"staff_ids": (key,)}
        explain = partial(_many_trips_text, ctx, key, period_start, len(acts), limit)
    return make_violation(
        info.id,
        pattern_id,
        ctx.levels[info.id],
        period_start,
        activity_ids=acts,
        penalty=len(acts) - limit,
        explain=explain,
        **subjects,
    )


def _count_limit(pattern_id: str) -> str:
    """The parameter a count pattern's limit is, as the catalogue declares it."""
    pattern = next(p for p in rule(pattern_id.split("/", 1)[0]).patterns if p.id == pattern_id)
    assert isinstance(pattern, CountPerPeriod)
    return pattern.limit


def _busy_week_text(
    ctx: Context,
    look: Lookup,
    key: str,
    period_start: dt.date,
    acts: tuple[str, ...],
    limit: int,
) -> Text:
    department = ctx.office.department(key)
    count = len(acts)
    return Text(
        f"{department.name}在 {period_start} 起的一周组织了 {count} 项活动，超过 "
        f"{limit} 项：{'、'.join(look.act_zh(r) for r in acts)}",
        f"{department.name_en or department.name} organises {count} activities in the "
        f"week of {period_start}, more than {limit}: " + ", ".join(look.act_en(r) for r in acts),
    )


def _many_trips_text(ctx: Context, key: str, period_start: dt.date, count: int, limit: int) -> Text:
    return Text(
        f"{ctx.person_name(key)} 在 {period_start:%Y年%m月} 外出调研 {count} 次，超过 {limit} 次",
        f"{ctx.person_en(key)} makes {count} trips in {period_start:%Y-%m}, more than {limit}",
    )


def coverage_violation(
    ctx: Context, look: Lookup, pattern_id: str, day: dt.date, facts: Sequence[Fact]
) -> Violation:
    info = _info(pattern_id)
    minimum = int(ctx.parameter(pattern_id, "min_on_duty"))
    away = sorted({f[PERSON] for f in facts})
    present = len(ctx.leaders) - len(away)
    acts, absences = _split(facts)
    names = "、".join(ctx.person_name(p) for p in away)
    return Violation(
        rule_id=info.id,
        part=pattern_id,
        level=ctx.levels[info.id],
        activity_ids=acts,
        absence_ids=absences,
        staff_ids=away,
        day=day,
        penalty=minimum - present,
        message=Text(
            f"{day} 仅 {present} 名主席会议成员在岗，少于 {minimum} 名（不在岗：{names}）",
            f"on {day} only {present} leadership members are on duty, fewer than {minimum} "
            f"(away: {', '.join(ctx.person_en(p) for p in away)})",
        ),
    )
