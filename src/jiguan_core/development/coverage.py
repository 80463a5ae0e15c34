"""A/B coverage (AB角补位): who answers for each key post on each working day.

For a key post the responsible person on a working day is A, else B (when A is away), else the
first of the post's ``fallback`` chain who is there; a working day with nobody is a *gap*. A
person is away on every half day (morning or afternoon, split at
:data:`~jiguan_core.time.MIDDAY`) that an absence or an off-site activity
(``Activity.off_site``, attended as participant or leader) touches: A away for a morning answers
for the afternoon, and A away in the morning with B away in the afternoon leaves no gap. A part of
a half day counts as the whole half, which errs on the side of finding a gap. A day is a gap when
nobody answers for one of its halves. Only working days of the
:class:`~jiguan_core.calendar.WorkCalendar` count. A key post without an AB role is answered
for by its main holder(s) on the first day of the period alone.

:func:`validate_ab_roles` checks the roles themselves (DEV-AB); :func:`assess_leave` answers
"can this leave be approved?" without changing anything.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING

from attrs import field, frozen

from jiguan_core._validation import boundary
from jiguan_core.absence import Absence
from jiguan_core.activity import Activity
from jiguan_core.away import away_periods
from jiguan_core.calendar import DateRange, WorkCalendar
from jiguan_core.catalogue.development import AB_ROLES, COVERAGE
from jiguan_core.development.findings import Finding
from jiguan_core.development.policy import DevelopmentPolicy, development_view
from jiguan_core.errors import ABRoleError, JiguanError, Problem, UnknownEntity
from jiguan_core.organization import Organization
from jiguan_core.policy import Policy, effective_policy
from jiguan_core.post import ABRole, PostRole
from jiguan_core.rule import Severity
from jiguan_core.text import Lang, TermEnum, Text
from jiguan_core.time import DayPart

if TYPE_CHECKING:
    from jiguan_core.rules import Violation

__all__ = [
    "ABRoleError",
    "CoverRole",
    "CoverageReport",
    "LeaveAssessment",
    "PostCoverage",
    "assess_leave",
    "away_days",
    "away_half_days",
    "coverage",
    "responsible_on",
    "validate_ab_roles",
]


class CoverRole(TermEnum):
    A = "a", "A角"
    B = "b", "B角"
    FALLBACK = "fallback", "补位人员"
    NOBODY = "nobody", "无人负责"


@frozen(kw_only=True)
class PostCoverage:
    """One key post over a period: its chain, the days someone other than A answers, the gaps."""

    post_id: str
    chain: tuple[str, ...]
    #: Days A is away and someone else answers (for the first half A is away) and no half is a gap.
    covered: tuple[tuple[dt.date, str], ...]
    #: Days on which nobody answers for at least one half.
    gaps: tuple[dt.date, ...]
    #: Every half day A is away: (day, half, who answers or None for nobody), in order.
    half_days: tuple[tuple[dt.date, DayPart, str | None], ...] = ()

    def responsible(self, day: dt.date, part: DayPart | None = None) -> str | None:
        """Who answers on ``day`` (a working day of the period): A unless listed otherwise.
        With ``part``, who answers in that half of the day."""
        if part is not None:
            for half_day, half, staff_id in self.half_days:
                if half_day == day and half is part:
                    return staff_id
            return self.chain[0] if self.chain else None
        if day in self.gaps:
            return None
        for covered_day, staff_id in self.covered:
            if covered_day == day:
                return staff_id
        if any(half_day == day for half_day, _, _ in self.half_days):
            return None  # A away and nobody answers (DEV-COVER switched off: not a gap)
        return self.chain[0] if self.chain else None

    def role_on(self, day: dt.date, part: DayPart | None = None) -> CoverRole:
        who = self.responsible(day, part)
        if who is None:
            return CoverRole.NOBODY
        index = self.chain.index(who)
        return (CoverRole.A, CoverRole.B)[index] if index < 2 else CoverRole.FALLBACK


@frozen(kw_only=True)
class CoverageReport:
    """Coverage of the key posts over ``period`` (working days only), posts by id."""

    period: DateRange
    posts: tuple[PostCoverage, ...]
    #: DEV-COVER's level under the policy the report was made by.
    level: Severity = COVERAGE.level

    @property
    def gaps(self) -> tuple[tuple[str, dt.date], ...]:
        """Every (post, day) with nobody responsible, by post then day."""
        return tuple((p.post_id, day) for p in self.posts for day in p.gaps)

    def of(self, post_id: str) -> PostCoverage:
        for post in self.posts:
            if post.post_id == post_id:
                return post
        raise UnknownEntity("key post in this coverage report", post_id)

    def render(self, lang: Lang = "zh") -> str:
        """The same text as :meth:`render_lines`, one string (lines joined by newlines)."""
        return "\n".join(self.render_lines(lang))

    def render_lines(self, lang: Lang = "zh") -> list[str]:
        lines = []
        for post in self.posts:
            if not post.gaps:
                continue
            days = (
                "、".join(str(d) for d in post.gaps)
                if lang == "zh"
                else ", ".join(str(d) for d in post.gaps)
            )
            lines.append(
                f"岗位 {post.post_id} 无人负责的工作日：{days}（{COVERAGE.id}）"
                if lang == "zh"
                else f"post {post.post_id} has nobody responsible on {days} ({COVERAGE.id})"
            )
        return lines


def _chains(
    office: Organization, start: dt.date, post_ids: Iterable[str] | None
) -> dict[str, tuple[str, ...]]:
    if post_ids is None:
        wanted = [p.id for p in office.key_posts]
    else:
        wanted = sorted(set(post_ids))
        for post_id in wanted:
            office.post(post_id)
    chains: dict[str, tuple[str, ...]] = {}
    for post_id in wanted:
        role = office.ab_role(post_id)
        if role is not None:
            chains[post_id] = role.chain
        else:
            chains[post_id] = tuple(
                sorted(
                    a.staff_id
                    for a in office.holders_of(post_id)
                    if a.role is PostRole.MAIN and a.active_on(start)
                )
            )
    return chains


@boundary
def away_days(
    office: Organization,
    period: DateRange,
    *,
    staff_ids: Iterable[str] | None = None,
    absences: Sequence[Absence] | None = None,
    activities: Sequence[Activity] | None = None,
) -> dict[str, set[dt.date]]:
    """staff id -> the days of ``period`` on which they are away (absent or off site) for at
    least part of the day (see :func:`away_half_days` for the halves)."""
    halves = away_half_days(
        office, period, staff_ids=staff_ids, absences=absences, activities=activities
    )
    return {staff_id: set(days) for staff_id, days in halves.items()}


@boundary
def away_half_days(
    office: Organization,
    period: DateRange,
    *,
    staff_ids: Iterable[str] | None = None,
    absences: Sequence[Absence] | None = None,
    activities: Sequence[Activity] | None = None,
) -> dict[str, dict[dt.date, frozenset[DayPart]]]:
    """staff id -> day of ``period`` -> the halves of it (morning, afternoon) they are away."""
    wanted = None if staff_ids is None else set(staff_ids)
    away: dict[str, dict[dt.date, set[DayPart]]] = defaultdict(lambda: defaultdict(set))
    # The same away periods as SCHED-DEV-AB's (jiguan_core.away), counted in half days of the period.
    for period_away in away_periods(
        office.absences if absences is None else absences,
        office.activities if activities is None else activities,
    ):
        if wanted is None or period_away.staff_id in wanted:
            for day, part in period_away.span.half_days():
                if day in period:
                    away[period_away.staff_id][day].add(part)
    return {
        staff_id: {day: frozenset(parts) for day, parts in sorted(days.items())}
        for staff_id, days in away.items()
    }


@boundary
def coverage(
    office: Organization,
    period: DateRange,
    *,
    post_ids: Iterable[str] | None = None,
    absences: Sequence[Absence] | None = None,
    activities: Sequence[Activity] | None = None,
    calendar: WorkCalendar | None = None,
    policy: Policy | None = None,
) -> CoverageReport:
    """Who answers for each key post (or each of ``post_ids``) on each working day of
    ``period``, and the gaps. ``absences``/``activities`` default to the office's own. Under a
    ``policy`` that switches DEV-COVER off no day is a gap (the half days with nobody stay in
    :attr:`PostCoverage.half_days`); the report carries the rule's level under it."""
    chosen = effective_policy(policy, where="coverage")
    finds = chosen.enabled(COVERAGE.id)
    calendar = calendar or WorkCalendar()
    chains = _chains(office, period.start, post_ids)
    people = {s for chain in chains.values() for s in chain}
    away = away_half_days(
        office, period, staff_ids=people, absences=absences, activities=activities
    )
    working = calendar.working_days(period.start, period.end)
    no_one: dict[dt.date, frozenset[DayPart]] = {}
    whole_day = (DayPart.MORNING, DayPart.AFTERNOON)
    reports = []
    for post_id in sorted(chains):
        chain = chains[post_id]
        # Only the halves the A is away need a look down the chain.
        first_away = away.get(chain[0], no_one) if chain else None
        covered: list[tuple[dt.date, str]] = []
        gaps: list[dt.date] = []
        halves: list[tuple[dt.date, DayPart, str | None]] = []
        days = working if first_away is None else [d for d in working if d in first_away]
        for day in days:
            parts = (
                whole_day
                if first_away is None
                else tuple(p for p in whole_day if p in first_away[day])
            )
            answering = [
                next(
                    (s for s in chain[1:] if part not in away.get(s, no_one).get(day, ())),
                    None,
                )
                for part in parts
            ]
            halves.extend(zip([day] * len(parts), parts, answering, strict=True))
            if finds and any(who is None for who in answering):
                gaps.append(day)
            elif any(who is not None for who in answering):
                covered.append((day, next(w for w in answering if w is not None)))
        reports.append(
            PostCoverage(
                post_id=post_id,
                chain=chain,
                covered=tuple(covered),
                gaps=tuple(gaps),
                half_days=tuple(halves),
            )
        )
    return CoverageReport(period=period, posts=tuple(reports), level=chosen.level(COVERAGE.id))


@boundary
def responsible_on(
    office: Organization,
    post_id: str,
    day: dt.date,
    *,
    absences: Sequence[Absence] | None = None,
    activities: Sequence[Activity] | None = None,
    calendar: WorkCalendar | None = None,
) -> str | None:
    """Who answers for ``post_id`` on ``day``; ``None`` on a gap or a non-working day."""
    calendar = calendar or WorkCalendar()
    if not calendar.is_working_day(day):
        return None
    period = DateRange(day, day + dt.timedelta(days=1))
    report = coverage(
        office,
        period,
        post_ids=[post_id],
        absences=absences,
        activities=activities,
        calendar=calendar,
    )
    return report.posts[0].responsible(day)


# Validation ---------------------------------------------------------------------------------
def _check_roles_input(office: Organization, roles: Sequence[object]) -> None:
    problems: list[Problem] = []
    seen: dict[str, ABRole] = {}
    for index, role in enumerate(roles):  # typed loosely: callers may pass anything
        if not isinstance(role, ABRole):
            problems.append(
                Problem(f"roles[{index}]", f"not an ABRole: {role!r}", f"不是 AB 角：{role!r}")
            )
            continue
        path = f"roles[{role.post_id}]"
        if role.post_id in seen:
            problems.append(
                Problem(
                    path,
                    f"post {role.post_id!r} has two AB roles (A {seen[role.post_id].a_id!r} and "
                    f"A {role.a_id!r}); keep one",
                    f"岗位 {role.post_id!r} 有两个 A 角（{seen[role.post_id].a_id!r}、"
                    f"{role.a_id!r}），请保留一组",
                )
            )
        seen[role.post_id] = role
        try:
            office.post(role.post_id)
        except UnknownEntity:
            problems.append(
                Problem(
                    f"{path}.post_id",
                    f"unknown post {role.post_id!r}",
                    f"未知岗位 {role.post_id!r}",
                )
            )
        for position, staff_id in enumerate(role.chain):
            if not office.has_staff(staff_id):
                problems.append(
                    Problem(
                        f"{path}.chain[{position}]",
                        f"unknown staff member {staff_id!r}; add them or fix the id",
                        f"未知人员 {staff_id!r}",
                    )
                )
    if problems:
        raise ABRoleError(problems)


@boundary
def validate_ab_roles(
    office: Organization,
    as_of: dt.date,
    *,
    roles: Sequence[ABRole] | None = None,
    policy: DevelopmentPolicy | Policy | None = None,
) -> tuple[Finding, ...]:
    """Check the AB roles (the office's, or proposed ``roles``) on ``as_of`` (DEV-AB).

    Bad input — a post with two roles (two A's), an unknown post or person — raises
    :class:`ABRoleError` listing each; a role naming the same person twice (A = B, a fallback
    cycle) is already refused by :class:`~jiguan_core.post.ABRole` itself. Findings: a key post
    without a role, an A who does not hold the post, a B who neither holds it (main or
    secondary) nor — when the policy allows — held it before, and a B for more than M posts.
    """
    policy = development_view(policy)
    checked = office.ab_roles if roles is None else tuple(roles)
    _check_roles_input(office, checked)
    by_post = {r.post_id: r for r in checked}
    findings: list[Finding] = []
    for post in office.key_posts:
        if post.id not in by_post and any(
            a.role is PostRole.MAIN and a.active_on(as_of) for a in office.holders_of(post.id)
        ):
            findings.append(
                Finding(
                    rule_id=AB_ROLES.id,
                    code="missing_ab",
                    post_id=post.id,
                    message=Text(
                        f"重点岗位 {post.id}（{post.name}）未设 AB 角，请指定 A 角和 B 角",
                        f"key post {post.id} ({post.name}) has no AB role; name an A and a B",
                    ),
                )
            )
    b_posts: dict[str, list[str]] = defaultdict(list)
    for role in sorted(checked, key=lambda r: r.post_id):
        holders = office.holders_of(role.post_id)
        a_holds = any(
            h.staff_id == role.a_id and h.role is PostRole.MAIN and h.active_on(as_of)
            for h in holders
        )
        if not a_holds:
            findings.append(
                Finding(
                    rule_id=AB_ROLES.id,
                    code="a_not_holder",
                    staff_ids=(role.a_id,),
                    post_id=role.post_id,
                    message=Text(
                        f"岗位 {role.post_id} 的 A 角 {role.a_id} 在 {as_of} 不以主岗担任该岗位",
                        f"the A of post {role.post_id}, {role.a_id}, does not hold it as main "
                        f"post on {as_of}",
                    ),
                )
            )
        b_now = any(h.staff_id == role.b_id and h.active_on(as_of) for h in holders)
        b_before = any(h.staff_id == role.b_id and h.start <= as_of for h in holders)
        if not (b_now or (policy.b_may_have_held and b_before)):
            findings.append(
                Finding(
                    rule_id=AB_ROLES.id,
                    code="b_not_qualified",
                    staff_ids=(role.b_id,),
                    post_id=role.post_id,
                    message=Text(
                        f"岗位 {role.post_id} 的 B 角 {role.b_id} 未以主岗或副岗担任该岗位"
                        + ("，也未曾任该岗位" if policy.b_may_have_held else ""),
                        f"the B of post {role.post_id}, {role.b_id}, holds it neither as main "
                        "nor as secondary post"
                        + (" and never held it" if policy.b_may_have_held else ""),
                    ),
                )
            )
        b_posts[role.b_id].append(role.post_id)
    for staff_id in sorted(b_posts):
        held = b_posts[staff_id]
        if len(held) > policy.max_b_posts:
            findings.append(
                Finding(
                    rule_id=AB_ROLES.id,
                    code="b_overloaded",
                    staff_ids=(staff_id,),
                    message=Text(
                        f"{staff_id} 担任 {len(held)} 个岗位的 B 角（{'、'.join(held)}），"
                        f"超过 {policy.max_b_posts} 个",
                        f"{staff_id} is B for {len(held)} posts ({', '.join(held)}), more "
                        f"than {policy.max_b_posts}",
                    ),
                )
            )
    return tuple(sorted((f for f in findings if policy.enabled(f.rule_id)), key=lambda f: f.key))


# Can this leave be approved? ------------------------------------------------------------------
@frozen(kw_only=True)
class LeaveAssessment:
    """The effect of one more absence, computed on a copy of nothing: the office is unchanged.

    ``new_gaps``: (post, day) left with nobody; ``handovers``: (post, day, who answers instead)
    because of this absence; ``scheduling``: the new scheduling-rule violations (from
    :mod:`jiguan_core.rules`), or ``None`` when that module is not available
    (``scheduling_checked`` is then false).
    """

    absence: Absence
    new_gaps: tuple[tuple[str, dt.date], ...]
    handovers: tuple[tuple[str, dt.date, str], ...]
    scheduling: tuple[Violation, ...]
    approvable: bool
    reasons: tuple[Text, ...] = field(eq=False)

    def render(self, lang: Lang = "zh") -> str:
        """The same text as :meth:`render_lines`, one string (lines joined by newlines)."""
        return "\n".join(self.render_lines(lang))

    def render_lines(self, lang: Lang = "zh") -> list[str]:
        return [r.render(lang) for r in self.reasons]


def _scheduling_effect(
    office: Organization, absence: Absence, calendar: WorkCalendar, policy: Policy
) -> tuple[Violation, ...]:
    """New scheduling-rule violations the absence would cause (jiguan_core.rules)."""
    from jiguan_core.rules import IncrementalChecker

    # The checker is a working index built here and dropped; ``violations_if_absent`` does not
    # change it, and the office is never touched.
    checker = IncrementalChecker(office, policy=policy, calendar=calendar)
    return checker.violations_if_absent(absence)


@boundary
def assess_leave(
    office: Organization,
    absence: Absence,
    *,
    calendar: WorkCalendar | None = None,
    policy: Policy | None = None,
) -> LeaveAssessment:
    """Can ``absence`` be approved? Its effect on A/B coverage of every key post and on the
    scheduling rules under ``policy`` (rules it switches off find nothing, levels are its),
    without changing ``office`` (a new organization is never built)."""
    chosen = effective_policy(policy, where="assess_leave")
    calendar = calendar or WorkCalendar()
    if not isinstance(absence, Absence):
        raise JiguanError(
            f"assess_leave needs an Absence, got {type(absence).__name__}",
            f"assess_leave 需要 Absence，实际为 {type(absence).__name__}",
        )
    office.person(absence.staff_id)
    if any(a.id == absence.id for a in office.absences):
        raise JiguanError(
            f"absence id {absence.id!r} is already in the office; give the new leave its own id",
            f"请假编号 {absence.id!r} 已存在，请使用新编号",
        )
    days = list(absence.span.dates())
    period = DateRange(days[0], days[-1] + dt.timedelta(days=1))
    before = coverage(office, period, calendar=calendar, policy=chosen)
    after = coverage(
        office, period, calendar=calendar, absences=(*office.absences, absence), policy=chosen
    )
    old_gaps = set(before.gaps)
    new_gaps = tuple(g for g in after.gaps if g not in old_gaps)
    handovers: list[tuple[str, dt.date, str]] = []
    for old, new in zip(before.posts, after.posts, strict=True):
        for day in calendar.working_days(period.start, period.end):
            was, now = old.responsible(day), new.responsible(day)
            if now is not None and now != was:
                handovers.append((new.post_id, day, now))
    scheduling = _scheduling_effect(office, absence, calendar, chosen)
    reasons: list[Text] = []
    for post_id, day in new_gaps:
        reasons.append(
            Text(
                f"{day} 岗位 {post_id} 将无人负责（{COVERAGE.id}）",
                f"post {post_id} would have nobody responsible on {day} ({COVERAGE.id})",
            )
        )
    for post_id, day, staff_id in handovers:
        reasons.append(
            Text(
                f"{day} 岗位 {post_id} 由 {staff_id} 补位",
                f"{staff_id} answers for post {post_id} on {day}",
            )
        )
    reasons.extend(v.message for v in scheduling)
    hard = sum(1 for v in scheduling if v.level is Severity.HARD)
    return LeaveAssessment(
        absence=absence,
        new_gaps=new_gaps,
        handovers=tuple(sorted(handovers)),
        scheduling=scheduling,
        approvable=not new_gaps and hard == 0,
        reasons=tuple(reasons),
    )
