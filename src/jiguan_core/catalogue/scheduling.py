"""The scheduling rule catalogue: nine rules, each a :class:`~jiguan_core.rule.Rule` with the
declarative patterns the engines evaluate.

The rules serve the office's goal "调研不扎堆、开会不冲突" (ARTICLE-COORD): research trips never
pile up on one place and meetings never clash. Every number is a parameter with a documented
default; :func:`catalogue_markdown` renders the catalogue (``docs/rules.md`` is its output).
"""

from __future__ import annotations

from jiguan_core._frozen import FrozenDict
from jiguan_core.activity import ActivityKind
from jiguan_core.calendar import Granularity
from jiguan_core.errors import InvalidValue, UnknownEntity
from jiguan_core.patterns import (
    Condition,
    CountPerPeriod,
    DailyCoverage,
    PairOfFacts,
    Pattern,
    SingleFact,
)
from jiguan_core.rule import Parameter, ParameterValue, Rule, Severity
from jiguan_core.sources import source
from jiguan_core.text import Lang, Text

__all__ = ["CATALOGUE", "RULES", "ScheduleRule", "catalogue_markdown", "parse_kinds", "rule"]

#: The former name of a scheduling rule: every area's rules are now one :class:`Rule`.
ScheduleRule = Rule


def parse_kinds(text: str, *, field: str = "kinds") -> frozenset[ActivityKind]:
    """A comma-separated list of activity kinds (values, names or Chinese terms)."""
    kinds: set[ActivityKind] = set()
    for part in text.split(","):
        item = part.strip()
        if not item:
            continue
        try:
            kinds.add(ActivityKind.parse(item))
        except InvalidValue as error:
            raise InvalidValue(
                f"{field}: {error.message_en}",
                f"{field}：{error.message_zh}",
                field=field,
                value=text,
            ) from None
    return frozenset(kinds)


def _kinds(value: ParameterValue, where: str) -> None:
    parse_kinds(str(value), field=where)


def _p(
    name: str,
    default: ParameterValue,
    zh: str,
    en: str,
    minimum: float | None = None,
    maximum: float | None = None,
) -> Parameter:
    # A parameter naming activity kinds is checked to name real kinds.
    return Parameter(
        name=name,
        default=default,
        description=Text(zh, en),
        minimum=minimum,
        maximum=maximum,
        validator=_kinds if name.endswith("kinds") else None,
    )


_WORKING_DAY_KINDS = "meeting,study_session,training,research,inspection,study_visit"

RULES: tuple[Rule, ...] = (
    Rule(
        id="SCHED-COORD-PERSON",
        aliases=("SCH1",),
        statement=Text(
            "同一人员不得同时参加两项时间重叠的活动，也不得在本人请假（外出）期间参加活动。",
            "A person is never in two overlapping activities, nor in an activity during "
            "their own absence.",
        ),
        sources=("ARTICLE-COORD",),
        level=Severity.HARD,
        parameters=(
            _p(
                "include_absences",
                True,
                "是否检查请假期间参加活动",
                "also check activities during the person's own absences",
            ),
        ),
        patterns=(
            PairOfFacts(
                id="SCHED-COORD-PERSON/clash",
                left="attendance",
                right="attendance",
                description=Text(
                    "同一人员（键）的两条参加记录时间重叠",
                    "two attendance facts of the same person (key) whose spans overlap",
                ),
            ),
            PairOfFacts(
                id="SCHED-COORD-PERSON/absent",
                left="attendance",
                right="absence",
                description=Text(
                    "同一人员的参加记录与其请假记录时间重叠",
                    "an attendance fact and an absence of the same person overlap",
                ),
            ),
        ),
    ),
    Rule(
        id="SCHED-COORD-TRIPS",
        aliases=("SCH2",),
        statement=Text(
            "调研、视察、考察不扎堆：同一目的地的两项此类活动间隔须不少于 D 天。",
            "Research, inspection and study-visit trips do not pile up: two of them to the "
            "same target place are at least D days apart.",
        ),
        sources=("ARTICLE-COORD",),
        level=Severity.MEDIUM,
        parameters=(
            _p(
                "days",
                30,
                "同一目的地两次调研的最小间隔（天）",
                "minimum gap in days between two trips to the same place",
                1,
                366,
            ),
        ),
        patterns=(
            PairOfFacts(
                id="SCHED-COORD-TRIPS/pile_up",
                left="trip",
                right="trip",
                within_days="days",
                description=Text(
                    "同一目的地（键）的两次外出活动相距不足 days 天",
                    "two trips to the same place (key) less than `days` days apart",
                ),
            ),
        ),
    ),
    Rule(
        id="SCHED-DEV-AB",
        aliases=("SCH3",),
        statement=Text(
            "同一岗位的 A 角与 B 角不得同时不在岗（请假或外出活动均算不在岗）。",
            "The A and B of a post are never away at once (an absence or an off-site "
            "activity counts as away).",
        ),
        sources=("ARTICLE-DEV",),
        level=Severity.HARD,
        parameters=(
            _p(
                "count_off_site",
                True,
                "外出活动是否算作不在岗",
                "an off-site activity counts as away",
            ),
        ),
        patterns=(
            PairOfFacts(
                id="SCHED-DEV-AB/both_away",
                left="away_a",
                right="away_b",
                description=Text(
                    "同一岗位（键）A 角与 B 角的不在岗记录时间重叠",
                    "an away fact of a post's A and one of its B (key: the post) overlap",
                ),
            ),
        ),
    ),
    Rule(
        id="SCHED-LEADERS-MEETINGS",
        aliases=("SCH4",),
        statement=Text(
            "主席会议成员活动统筹安排：有主席会议成员出席的活动互不重叠（同一人的冲突见 "
            "SCHED-COORD-PERSON），且每个工作日至少 N 名主席会议成员在岗。",
            "Leadership members' activities are arranged centrally: activities attended by "
            "leadership members never overlap (one person double-booked is SCHED-COORD-PERSON), and at "
            "least N leadership members stay on duty every working day.",
        ),
        sources=("ARTICLE-LEADERS",),
        level=Severity.MEDIUM,
        parameters=(
            _p(
                "check_parallel",
                True,
                "是否检查领导活动重叠",
                "check that leadership activities do not overlap",
            ),
            _p(
                "min_on_duty",
                1,
                "每个工作日至少在岗的主席会议成员人数（0 表示不检查）",
                "leadership members on duty every working day (0 = not checked)",
                0,
                100,
            ),
        ),
        patterns=(
            PairOfFacts(
                id="SCHED-LEADERS-MEETINGS/parallel",
                left="leader_activity",
                right="leader_activity",
                unless="shared_leaders",
                description=Text(
                    "两项有主席会议成员出席的活动时间重叠，且无共同出席的领导",
                    "two activities with leadership members overlap and share no leader",
                ),
            ),
            DailyCoverage(
                id="SCHED-LEADERS-MEETINGS/on_duty",
                table="leader_away",
                minimum="min_on_duty",
                description=Text(
                    "某工作日在岗的主席会议成员少于 min_on_duty 人",
                    "fewer than `min_on_duty` leadership members present on a working day",
                ),
            ),
        ),
    ),
    Rule(
        id="SCHED-COORD-ROOMS",
        aliases=("SCH5",),
        statement=Text(
            "会议室不得重复预订。",
            "A room is never double-booked.",
        ),
        sources=("ARTICLE-COORD",),
        level=Severity.HARD,
        parameters=(
            _p(
                "check_rooms",
                True,
                "是否检查会议室冲突",
                "check room bookings",
            ),
        ),
        patterns=(
            PairOfFacts(
                id="SCHED-COORD-ROOMS/double_booked",
                left="booking",
                right="booking",
                description=Text(
                    "同一会议室（键）的两次预订时间重叠",
                    "two bookings of the same room (key) overlap",
                ),
            ),
        ),
    ),
    Rule(
        id="SCHED-C2-WORKDAYS",
        aliases=("SCH6",),
        statement=Text(
            "须在工作日进行的活动不得安排在非工作日（按放假调休安排），任何活动不得落在"
            "调用方声明的禁排时段（如全会期间）。",
            "Activities of kinds that need working days are not on non-working days (per "
            "the official holiday arrangement), and nothing falls in a caller-declared "
            "blackout period (e.g. the plenary session).",
        ),
        sources=("C1", "C2", "C3", "ARTICLE-COORD"),
        level=Severity.HARD,
        parameters=(
            _p(
                "kinds",
                _WORKING_DAY_KINDS,
                "须在工作日进行的活动类别（逗号分隔）",
                "the activity kinds that need working days (comma-separated)",
            ),
        ),
        patterns=(
            SingleFact(
                id="SCHED-C2-WORKDAYS/non_working_day",
                table="activity",
                conditions=(
                    Condition(field="kind", op="in", parameter="kinds"),
                    Condition(field="non_working_day", op=">", value=0),
                ),
                description=Text(
                    "活动类别属于 kinds，且时间跨越非工作日",
                    "an activity of a kind in `kinds` touching a non-working day",
                ),
            ),
            PairOfFacts(
                id="SCHED-C2-WORKDAYS/blackout",
                left="activity",
                right="blackout",
                by_key=False,
                unless="exempt",
                description=Text(
                    "活动与禁排时段重叠（该时段豁免的活动除外）",
                    "an activity overlaps a blackout period (unless the blackout exempts it)",
                ),
            ),
        ),
    ),
    Rule(
        id="SCHED-COORD-LOAD",
        aliases=("SCH7",),
        statement=Text(
            "一个部门每周组织的活动不超过 K 项。",
            "A department organises at most K activities per week.",
        ),
        sources=("ARTICLE-COORD",),
        level=Severity.SOFT,
        parameters=(
            _p(
                "max_per_week",
                3,
                "每个部门每周组织活动的上限",
                "most activities a department organises per week",
                0,
                1000,
            ),
        ),
        patterns=(
            CountPerPeriod(
                id="SCHED-COORD-LOAD/busy_week",
                table="activity",
                period=Granularity.WEEK,
                limit="max_per_week",
                description=Text(
                    "同一部门（键）一周内组织的活动多于 max_per_week 项",
                    "more than `max_per_week` activities of one department (key) in a week",
                ),
            ),
        ),
    ),
    Rule(
        id="SCHED-LEADERS-TRIPS",
        aliases=("SCH8",),
        statement=Text(
            "每名主席会议成员每月调研（含视察、考察）不超过 M 次。",
            "Each leadership member goes on at most M research trips (research, "
            "inspection, study visit) a month.",
        ),
        sources=("ARTICLE-LEADERS", "ARTICLE-COORD"),
        level=Severity.SOFT,
        parameters=(
            _p(
                "max_trips_per_month",
                4,
                "每名主席会议成员每月外出调研的上限",
                "most trips a leadership member makes per month",
                0,
                100,
            ),
        ),
        patterns=(
            CountPerPeriod(
                id="SCHED-LEADERS-TRIPS/many_trips",
                table="leader_trip",
                period=Granularity.MONTH,
                limit="max_trips_per_month",
                description=Text(
                    "同一主席会议成员（键）一个月内外出调研多于 max_trips_per_month 次",
                    "more than `max_trips_per_month` trips of one leadership member (key) in a "
                    "month",
                ),
            ),
        ),
    ),
    Rule(
        id="SCHED-COORD-CAPACITY",
        aliases=("SCH9",),
        statement=Text(
            "会议室容量：活动的参加人数（另加预留座位）不得超过所用会议室的座位数。",
            "Room capacity: an activity's attendees (plus any seats kept free) never "
            "exceed the seats of the room it uses.",
        ),
        sources=("ARTICLE-COORD",),
        level=Severity.HARD,
        parameters=(
            _p(
                "check_capacity",
                True,
                "是否检查会议室容量（座位数未知的会议室不检查）",
                "check room capacity (rooms of unknown capacity are not checked)",
            ),
            _p(
                "extra_seats",
                0,
                "参加人员之外须预留的座位数（如工作人员）",
                "seats kept free beyond the attendees (e.g. for staff)",
                0,
                1000,
            ),
        ),
        patterns=(
            SingleFact(
                id="SCHED-COORD-CAPACITY/over_capacity",
                table="booking",
                conditions=(Condition(field="over_capacity", op=">", value=0),),
                description=Text(
                    "参加人数加 extra_seats 超过会议室座位数",
                    "attendees plus `extra_seats` exceed the room's seats",
                ),
            ),
        ),
    ),
)

_BY_ID: FrozenDict[str, Rule] = FrozenDict({key: r for r in RULES for key in (r.id, *r.aliases)})

#: The scheduling rules' metadata, in id order.
CATALOGUE: tuple[Rule, ...] = RULES


def rule(rule_id: object) -> Rule:
    """The catalogue entry ``rule_id``; an unknown id raises :class:`UnknownEntity`."""
    found = _BY_ID.get(rule_id) if isinstance(rule_id, str) else None
    if found is None:
        raise UnknownEntity("scheduling rule", rule_id, hint=f"known rules: {', '.join(_BY_ID)}")
    return found


_TABLES: tuple[tuple[str, str, str], ...] = (
    (
        "attendance",
        "每项活动的每名参加者（含领导）一条；键：人员",
        "one per (activity, attendee, leaders included); key: the person",
    ),
    ("absence", "每条请假（外出）记录一条；键：人员", "one per absence; key: the person"),
    (
        "trip",
        "每项调研、视察、考察一条；键：目的地",
        "one per research / inspection / study-visit activity; key: the target place",
    ),
    (
        "away_a / away_b",
        "岗位 A 角（B 角）的每条请假或外出活动记录；键：岗位",
        "one per absence or off-site activity of a post's A (B); key: the post",
    ),
    (
        "leader_activity",
        "每项有主席会议成员出席的活动一条；键：全体",
        "one per activity attended by leadership members; key: all",
    ),
    (
        "leader_away",
        "每名主席会议成员的每条请假或外出活动；键：人员",
        "one per absence or off-site activity of a leadership member; key: the person",
    ),
    (
        "booking",
        "每项占用会议室的活动一条；键：会议室",
        "one per activity with a room; key: the room",
    ),
    ("activity", "每项活动一条；键：组织部门", "one per activity; key: the organising department"),
    (
        "leader_trip",
        "每项外出调研的每名出席领导一条；键：领导",
        "one per (trip, leadership member); key: the leader",
    ),
    ("blackout", "每个禁排时段一条；键：全体", "one per blackout period; key: all"),
)


_NOTES: tuple[tuple[str, str], ...] = (
    (
        "时间段均为左闭右开：10:00 结束的会议与 10:00 开始的会议不冲突。",
        "Spans are half-open: a meeting ending at 10:00 does not clash with one starting then.",
    ),
    (
        "“相距不足 D 天”：后一项开始与前一项结束之间的间隔小于 D×24 小时（重叠算间隔为 0）。",
        "“Within D days”: the gap between one's end and the other's start is less than D × 24 "
        "hours (overlapping spans have gap 0).",
    ),
    (
        "“不在岗”：一条请假记录，或一项外出活动（Activity.off_site，调研、视察、考察默认外出）。",
        "“Away”: an absence, or an off-site activity (Activity.off_site; field trips default "
        "to off-site).",
    ),
    (
        "SCHED-LEADERS-MEETINGS 的解读：主席会议成员活动统筹安排，即有主席会议成员出席的两项活动不得同时进行；"
        "若两项活动有同一位领导，那是 SCHED-COORD-PERSON（硬约束），不在 SCHED-LEADERS-MEETINGS 重复计。某人在某个工作日有"
        "任何时段不在岗，即算当天不在岗。",
        "SCHED-LEADERS-MEETINGS is read as: leadership members' activities are arranged centrally, so two "
        "activities attended by leadership members never run at the same time; when both have "
        "the same leader it is SCHED-COORD-PERSON (hard) and not counted again here. A leader away for any "
        "part of a working day counts as away that day.",
    ),
    (
        "按期计数以活动开始日（北京时间）所在的周（周一起）或月为准；扣分为超出的项数。",
        "Counts per period use the week (Monday first) or month of the activity's start day "
        "(Beijing time); the penalty is the number above the limit.",
    ),
    (
        "扣分：事实对与单条事实每项 1 分；每日覆盖按缺少的人数计。",
        "Penalties: 1 per pair or single-fact violation; daily coverage costs the number of "
        "members missing.",
    ),
    (
        "工作日按国务院放假调休安排（WorkCalendar）；日历未覆盖的年份会报错，而不是假定周一至周五。",
        "Working days follow the official holiday arrangement (WorkCalendar); a year it does "
        "not cover raises an error instead of assuming Monday to Friday.",
    ),
)


def _pattern_line(pattern: Pattern, lang: Lang) -> str:
    if isinstance(pattern, SingleFact):
        kind = "单条事实" if lang == "zh" else "single fact"
        conditions = " & ".join(
            f"{c.field} {c.op} {c.parameter if c.parameter else c.value!r}"
            for c in pattern.conditions
        )
        shape = f"`{pattern.table}`: {conditions}"
    elif isinstance(pattern, PairOfFacts):
        kind = "事实对" if lang == "zh" else "pair of facts"
        if pattern.within_days:
            relation = (
                f"相距不足 `{pattern.within_days}` 天"
                if lang == "zh"
                else f"within `{pattern.within_days}` days"
            )
        else:
            relation = "时间重叠" if lang == "zh" else "spans overlap"
        shape = f"`{pattern.left}` × `{pattern.right}`, {relation}"
        if pattern.unless:
            shape += f", unless `{pattern.unless}`"
    elif isinstance(pattern, CountPerPeriod):
        kind = "按期计数" if lang == "zh" else "count per period"
        shape = f"`{pattern.table}` per key per {pattern.period.label(lang)} > `{pattern.limit}`"
    else:
        kind = "每日覆盖" if lang == "zh" else "daily coverage"
        shape = f"present = members − `{pattern.table}` < `{pattern.minimum}`"
    described = f" — {pattern.description.render(lang)}" if pattern.description else ""
    return f"- `{pattern.id}` ({kind}) {shape}{described}"


def catalogue_markdown(lang: Lang = "en") -> str:
    """The catalogue as markdown, generated from the rules' metadata (``docs/rules.md``)."""
    zh = lang == "zh"
    lines = [
        "# 日程规则目录" if zh else "# The scheduling rule catalogue",
        "",
        (
            "本页由 `jiguan_core.catalogue.scheduling_markdown()` 生成，请勿手工编辑。"
            if zh
            else "Generated by `jiguan_core.catalogue.scheduling_markdown()` from the rules "
            "themselves; do not edit by hand."
        ),
        "",
    ]
    for entry in RULES:
        info = entry.info
        former = (
            f" — {'原编号' if zh else 'formerly'} {', '.join(info.aliases)}" if info.aliases else ""
        )
        lines += [
            f"## {info.id} ({info.level.label(lang)}){former}",
            "",
            info.statement.render(lang),
            "",
        ]
        cited = ", ".join(
            f"[{s}](regulations.md#{s}) ({source(s).reference}: {source(s).summary.render(lang)})"
            for s in info.sources
        )
        lines += [("出处：" if zh else "Sources: ") + cited, ""]
        if info.parameters:
            lines += [
                "| 参数 | 默认值 | 范围 | 说明 |"
                if zh
                else "| parameter | default | range | meaning |",
                "|---|---|---|---|",
            ]
            for p in info.parameters:
                bounds = (
                    f"{p.minimum:g}–{p.maximum:g}"
                    if p.minimum is not None and p.maximum is not None
                    else ""
                )
                lines.append(
                    f"| `{p.name}` | `{p.default!r}` | {bounds} | {p.description.render(lang)} |"
                )
            lines.append("")
        lines += ["模式：" if zh else "Patterns:", ""]
        lines += [_pattern_line(p, lang) for p in entry.patterns]
        lines.append("")
    lines += ["## " + ("定义" if zh else "Definitions"), ""]
    lines += [f"- {z if zh else e}" for z, e in _NOTES]
    lines.append("")
    lines += ["## " + ("事实表" if zh else "Fact tables"), ""]
    lines += [f"- `{name}`: {z if zh else e}" for name, z, e in _TABLES]
    lines.append("")
    return "\n".join(lines)
