"""The multi-year rotation plan (轮岗交流, REGULATIONS T1-T5): year by year, who moves where.

*The plan* (:func:`plan_rotation`, 有计划、分层次、按步骤): year by year, as of the year's
rotation day, the due people are taken longest-overdue first, at most ``moves_per_department``
from each department, never both the A and the B of a post (the office's AB roles) in the same
year. The selected people exchange posts among themselves (leading posts with leading posts,
other posts with other posts) by a minimum-cost assignment (networkx ``min_cost_flow``) that
prefers another department and keeps to each person's nearest ``candidate_posts`` options. A
person who is the department's only one with experience of one of its key posts only moves
within the department. After the assignment the year is checked as a whole: a move that would
create an avoidance situation (T5), or leave a department without anyone who has held one of
its key posts, is withdrawn (the lowest-priority person involved is postponed) and the
assignment solved again. Withdrawn places are not refilled that year. Every move and every
postponement carries its explanation. The same input gives the same plan.

*Existing avoidance cases* (T5) are resolved by the plan, not carried along: after a year's
exchanges, each T5 case that still stands moves one of the two relatives (the one who is not the
leader first) by exchanging posts with a colleague of another department who may rotate (same
kind of post, not under investigation or on probation, not rotated within the minimum interval,
not the A/B partner of someone moving that year), when the exchange creates no new avoidance case
and leaves every department someone with experience of its key posts. A case no exchange can
resolve is listed in :attr:`RotationPlan.unresolved` with the reason.

*Years without a calendar*: the rotation day of a year the calendar does not cover is not known
(the first working day of ``move_month`` depends on that year's 调休). Moves of such a year are
marked :attr:`PlannedMove.pending_calendar`, dated the 1st of ``move_month`` as a placeholder
"on or after", and carry no handover deadline until the year's arrangement is supplied.

Who is due in a year comes from :mod:`jiguan_core.development.tenure`.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable

from attrs import field, frozen

from jiguan_core._validation import Year, boundary, result_year
from jiguan_core.calendar import WorkCalendar
from jiguan_core.catalogue.development import EXEMPTIONS, HANDOVER, ROTATION_PLAN, TENURE
from jiguan_core.development._explained import Explained
from jiguan_core.development.avoidance import (
    AvoidanceFinding,
    Placement,
    RelativePair,
    _conflicts,
    apply_moves,
    relative_pairs,
)
from jiguan_core.development.policy import DevelopmentPolicy, development_view
from jiguan_core.development.tenure import (
    RotationCheck,
    RotationStatus,
    _add_years,
    _checks,
    _full_years,
    _in_scope,
    _investigated,
    _tenure,
)
from jiguan_core.errors import CalendarYearNotCovered, InvalidValue
from jiguan_core.organization import Organization
from jiguan_core.policy import Policy
from jiguan_core.post import Post
from jiguan_core.staff import Staff
from jiguan_core.text import Lang, TermEnum, Text

__all__ = [
    "PlannedMove",
    "PostponeReason",
    "Postponement",
    "RotationPlan",
    "UnresolvedAvoidance",
    "handover_deadline",
    "placement_after",
    "plan_rotation",
]


class PostponeReason(TermEnum):
    PROBATION = "probation", "试用期内"
    UNDER_INVESTIGATION = "under_investigation", "接受审查调查"
    TOO_SOON = "too_soon", "距上次轮岗不满最短间隔"
    CAPACITY = "capacity", "本部门本年度轮岗名额已满"
    AB_SAME_YEAR = "ab_same_year", "同一岗位 A、B 角不同年轮岗"
    AVOIDANCE = "avoidance", "调整后将形成回避情形"
    EXPERIENCE = "experience", "部门须保留熟悉重点岗位的人员"
    NO_POST = "no_post", "本年度没有合适的对调岗位"


@frozen(kw_only=True)
class PlannedMove(Explained):
    """One proposed move, with its explanation."""

    year: int
    staff_id: str
    from_post: str
    to_post: str
    from_department: str
    to_department: str
    effective_on: dt.date
    handover_by: dt.date | None
    years_in_post: int
    reason: Text = field(eq=False)
    #: True when the year's official calendar is not known: ``effective_on`` is then the 1st of
    #: the move month as a placeholder (the move is on the first working day from then) and
    #: ``handover_by`` is None until the year's arrangement is supplied.
    pending_calendar: bool = False
    #: The T5 avoidance case this move resolves (an exchange made for it), or None.
    resolves: AvoidanceFinding | None = None


@frozen(kw_only=True)
class UnresolvedAvoidance(Explained):
    """An existing T5 avoidance case that no exchange of ``year`` could resolve, and why."""

    _explanation = "detail"

    year: int
    finding: AvoidanceFinding
    detail: Text = field(eq=False)


@frozen(kw_only=True)
class Postponement(Explained):
    """A person due (by tenure) in ``year`` who is not moved, and why."""

    _explanation = "detail"

    year: int
    staff_id: str
    post_id: str
    reason: PostponeReason
    detail: Text = field(eq=False)


@frozen(kw_only=True)
class RotationPlan:
    """A plan over ``years``: moves and postponements sorted by (year, staff id)."""

    years: tuple[int, ...]
    moves: tuple[PlannedMove, ...]
    postponements: tuple[Postponement, ...]
    as_of: dt.date
    #: Existing avoidance cases the plan could not resolve, by year (see the module docstring).
    unresolved: tuple[UnresolvedAvoidance, ...] = ()
    #: Years whose official calendar is not known: their moves are ``pending_calendar``.
    pending_years: tuple[int, ...] = ()

    def moves_in(self, year: int) -> tuple[PlannedMove, ...]:
        return tuple(m for m in self.moves if m.year == year)

    def postponements_in(self, year: int) -> tuple[Postponement, ...]:
        return tuple(p for p in self.postponements if p.year == year)

    def render(self, lang: Lang = "zh") -> str:
        """The same text as :meth:`render_lines`, one string (lines joined by newlines)."""
        return "\n".join(self.render_lines(lang))

    def render_lines(self, lang: Lang = "zh") -> list[str]:
        lines: list[str] = []
        for year in self.years:
            moves = self.moves_in(year)
            later = self.postponements_in(year)
            open_cases = [u for u in self.unresolved if u.year == year]
            pending = year in self.pending_years
            if lang == "zh":
                lines.append(
                    f"{year} 年：轮岗 {len(moves)} 人，推迟 {len(later)} 人"
                    + ("（该年放假安排未知，日期待定）" if pending else "")
                )
            else:
                lines.append(
                    f"{year}: {len(moves)} moves, {len(later)} postponed"
                    + (" (that year's calendar is not known: dates pending)" if pending else "")
                )
            lines.extend("  " + m.render(lang) for m in moves)
            lines.extend("  " + p.render(lang) for p in later)
            lines.extend("  " + u.render(lang) for u in open_cases)
        return lines


@boundary
def handover_deadline(
    effective_on: dt.date,
    *,
    calendar: WorkCalendar | None = None,
    policy: DevelopmentPolicy | Policy | None = None,
) -> dt.date:
    """T4: the day by which the handover is done (``handover_working_days`` working days)."""
    policy = development_view(policy)
    calendar = calendar or WorkCalendar()
    return calendar.add_working_days(effective_on, policy.handover_working_days)


# The plan -------------------------------------------------------------------------------
_POSTPONE_STATUS = {
    RotationStatus.PROBATION: PostponeReason.PROBATION,
    RotationStatus.UNDER_INVESTIGATION: PostponeReason.UNDER_INVESTIGATION,
    RotationStatus.TOO_SOON: PostponeReason.TOO_SOON,
}


class _State:
    """What the plan has changed so far: main posts, tenure and experience per person."""

    def __init__(self, office: Organization, start: dt.date, policy: DevelopmentPolicy) -> None:
        self.placement = Placement.of(office, start)
        self.since: dict[str, dt.date] = {}
        self.last_rotation: dict[str, dt.date | None] = {}
        self.experience: dict[str, set[str]] = {}
        for person in office.staff:
            held = office.assignments_of(person.id)
            tenure = _tenure(held, start)
            if tenure is not None:
                self.since[person.id] = tenure.since
                self.last_rotation[person.id] = tenure.last_rotation
            self.experience[person.id] = {a.post_id for a in held if a.start <= start}
        # The key posts each department keeps experience of: those held as main post.
        self.key_posts: dict[str, tuple[str, ...]] = defaultdict(tuple)
        held_now = {p for p in self.placement.main.values() if p is not None}
        by_department: dict[str, list[str]] = defaultdict(list)
        for post in office.posts:
            if post.is_key and post.id in held_now:
                by_department[post.department_id].append(post.id)
        self.key_posts.update({d: tuple(sorted(v)) for d, v in by_department.items()})


@frozen
class _Given:
    """What stays the same over the plan's years: the office's staff and posts by id, its
    relative pairs and A/B partners, the policy, and who is under investigation."""

    staff: dict[str, Staff]
    posts: dict[str, Post]
    pairs: tuple[RelativePair, ...]
    ab_partners: dict[str, list[tuple[str, str]]]
    policy: DevelopmentPolicy
    investigated: frozenset[str]


def _keepers(state: _State) -> dict[tuple[str, str], list[str]]:
    """(department, key post) -> the department's staff who have held that post, sorted."""
    found: dict[tuple[str, str], list[str]] = defaultdict(list)
    for staff_id in sorted(state.placement.department):
        department = state.placement.department[staff_id]
        for post_id in state.key_posts.get(department, ()):
            if post_id in state.experience[staff_id]:
                found[(department, post_id)].append(staff_id)
    return found


@boundary
def plan_rotation(
    office: Organization,
    *,
    start_year: Year,
    years: int = 5,
    policy: DevelopmentPolicy | Policy | None = None,
    under_investigation: Iterable[str] = (),
    calendar: WorkCalendar | None = None,
) -> RotationPlan:
    """A rotation plan for ``years`` years from ``start_year`` (see the module docstring).

    The rotation day of a year is the first working day from the 1st of ``move_month``; the
    handover deadline (T4) is computed on ``calendar`` and left ``None`` for a year the
    calendar does not cover (supply the year's arrangement to get it).
    """
    policy = development_view(policy)
    calendar = calendar or WorkCalendar()
    if not isinstance(years, int) or isinstance(years, bool) or not 1 <= years <= 50:
        raise InvalidValue(
            f"years must be an int from 1 to 50, got {years!r}",
            f"years 应为 1 到 50 的整数，实际为 {years!r}",
            field="years",
            value=years,
        )
    result_year(start_year + years - 1, field="years", value=years, where="plan_rotation")
    investigated = _investigated(office, under_investigation)
    posts = {p.id: p for p in office.posts}
    staff = {p.id: p for p in office.staff}
    pairs = relative_pairs(office)
    ab_partners: dict[str, list[tuple[str, str]]] = defaultdict(list)
    for role in office.ab_roles:
        ab_partners[role.a_id].append((role.b_id, role.post_id))
        ab_partners[role.b_id].append((role.a_id, role.post_id))

    given = _Given(staff, posts, pairs, ab_partners, policy, investigated)
    first_day = _rotation_day(start_year, policy, calendar)
    state = _State(office, first_day, policy)
    moves: list[PlannedMove] = []
    postponed: list[Postponement] = []
    unresolved: list[UnresolvedAvoidance] = []
    plan_years = tuple(range(start_year, start_year + years))
    pending_years = tuple(y for y in plan_years if not calendar.covers(y))
    for year in plan_years:
        day = _rotation_day(year, policy, calendar)
        pending = year in pending_years
        year_moves, year_postponed = _plan_year(year, day, state, given)
        resolving, year_unresolved = _resolve_avoidance(year, day, state, given, year_moves)
        unresolved.extend(year_unresolved)
        # Someone postponed by the exchanges who now moves to resolve an avoidance case moves.
        year_postponed = [p for p in year_postponed if p.staff_id not in year_moves]
        handover = None if pending else _handover_or_none(day, calendar, policy)
        for staff_id in sorted(year_moves):
            to_post = year_moves[staff_id]
            from_post = posts[state.placement.main[staff_id] or ""]
            since = state.since[staff_id]
            years_in_post = _full_years(since, day)
            move = _move(
                year,
                staff[staff_id],
                from_post,
                to_post,
                day,
                handover,
                since,
                years_in_post,
                policy,
                pending=pending,
                resolves=resolving.get(staff_id),
            )
            moves.append(move)
        apply_moves(state.placement, year_moves)
        for staff_id, post in year_moves.items():
            state.since[staff_id] = day
            state.last_rotation[staff_id] = day
            state.experience[staff_id].add(post.id)
        postponed.extend(year_postponed)
    return RotationPlan(
        years=plan_years,
        moves=tuple(sorted(moves, key=lambda m: (m.year, m.staff_id))),
        postponements=tuple(sorted(postponed, key=lambda p: (p.year, p.staff_id))),
        as_of=first_day,
        unresolved=tuple(unresolved),
        pending_years=pending_years,
    )


def _rotation_day(year: int, policy: DevelopmentPolicy, calendar: WorkCalendar) -> dt.date:
    first = dt.date(year, policy.move_month, 1)
    return calendar.next_working_day(first) if calendar.covers(year) else first


def _handover_or_none(
    day: dt.date, calendar: WorkCalendar, policy: DevelopmentPolicy
) -> dt.date | None:
    """T4's deadline, or None when the calendar lacks the year(s) it falls in."""
    try:
        return handover_deadline(day, calendar=calendar, policy=policy)
    except CalendarYearNotCovered:
        return None


def _move(
    year: int,
    person: Staff,
    from_post: Post,
    to_post: Post,
    day: dt.date,
    handover: dt.date | None,
    since: dt.date,
    years_in_post: int,
    policy: DevelopmentPolicy,
    *,
    pending: bool = False,
    resolves: tuple[AvoidanceFinding, str] | None = None,
) -> PlannedMove:
    threshold = policy.tenure_years(from_post)
    same = from_post.department_id == to_post.department_id
    where_zh = "本部门" if same else f"{to_post.department_id} "
    where_en = "within the department" if same else f"to department {to_post.department_id}"
    by_zh = f"，{handover} 前完成交接（{HANDOVER.id}）" if handover else "，交接期限待该年日历确定"
    by_en = (
        f"; hand over by {handover} ({HANDOVER.id})"
        if handover
        else "; handover deadline needs that year's calendar"
    )
    on_zh, on_en = f"{day} 起", f"on {day}"
    if pending:
        on_zh = f"{day}（该年放假安排未知，为当日或其后第一个工作日，待定）起"
        on_en = f"on or after {day} (the first working day from then; that year's calendar is not known)"
    finding: AvoidanceFinding | None = None
    if resolves is not None:
        finding, partner = resolves
        reason = Text(
            f"{person.id}（{person.name}）任 {from_post.id}（{from_post.name}）{years_in_post} 年，"
            f"与 {partner} 对调岗位以解决回避情形（{finding.rule_id}：{finding.message.zh}），"
            f"{on_zh}轮岗至{where_zh}{to_post.id}（{to_post.name}）{by_zh}",
            f"{person.id} ({years_in_post} years in {from_post.id}) exchanges posts with "
            f"{partner} to resolve an avoidance case ({finding.rule_id}: {finding.message.en}); "
            f"moves {where_en} to {to_post.id} {on_en}{by_en}",
        )
    else:
        reason = Text(
            f"{person.id}（{person.name}）自 {since} 任 {from_post.id}（{from_post.name}）"
            f"{years_in_post} 年，满 {threshold} 年（{TENURE.id}），{on_zh}轮岗至{where_zh}"
            f"{to_post.id}（{to_post.name}）{by_zh}",
            f"{person.id} has held {from_post.id} since {since} ({years_in_post} years, "
            f"threshold {threshold}, {TENURE.id}); moves {where_en} to {to_post.id} "
            f"{on_en}{by_en}",
        )
    return PlannedMove(
        year=year,
        staff_id=person.id,
        from_post=from_post.id,
        to_post=to_post.id,
        from_department=from_post.department_id,
        to_department=to_post.department_id,
        effective_on=day,
        handover_by=handover,
        years_in_post=years_in_post,
        reason=reason,
        pending_calendar=pending,
        resolves=finding,
    )


def _postpone(
    year: int, staff_id: str, post_id: str, reason: PostponeReason, zh: str, en: str
) -> Postponement:
    return Postponement(
        year=year,
        staff_id=staff_id,
        post_id=post_id,
        reason=reason,
        detail=Text(
            f"{staff_id}（{post_id}）{year} 年暂缓轮岗：{reason.zh}；{zh}",
            f"{staff_id} ({post_id}) is postponed in {year}: {reason.en}; {en}",
        ),
    )


def _plan_year(
    year: int, day: dt.date, state: _State, given: _Given
) -> tuple[dict[str, Post], list[Postponement]]:
    staff, posts, pairs, policy = given.staff, given.posts, given.pairs, given.policy
    ab_partners, investigated = given.ab_partners, given.investigated
    postponed: list[Postponement] = []
    due: list[RotationCheck] = []
    holders: list[tuple[Staff, Post, dt.date, dt.date | None]] = []
    for staff_id in sorted(state.since):
        person = staff[staff_id]
        post_id = state.placement.main.get(staff_id)
        if post_id is None:
            continue
        post = posts[post_id]
        if not _in_scope(person, post, policy):
            continue
        holders.append((person, post, state.since[staff_id], state.last_rotation.get(staff_id)))
    # T1-T3 decided for everyone at once by their patterns (development.tenure).
    for check in _checks(holders, day, policy, investigated):
        staff_id, post_id = check.staff_id, check.post_id
        if check.status is RotationStatus.DUE:
            due.append(check)
        elif check.status in _POSTPONE_STATUS:
            postponed.append(
                _postpone(
                    year,
                    staff_id,
                    post_id,
                    _POSTPONE_STATUS[check.status],
                    check.reason.zh,
                    check.reason.en,
                )
            )
    due.sort(key=lambda c: (c.due_on, c.staff_id))
    priority = {c.staff_id: index for index, c in enumerate(due)}

    selected: list[RotationCheck] = []
    per_department: dict[str, int] = defaultdict(int)
    chosen: set[str] = set()
    for check in due:
        if per_department[check.department_id] >= policy.moves_per_department:
            postponed.append(
                _postpone(
                    year,
                    check.staff_id,
                    check.post_id,
                    PostponeReason.CAPACITY,
                    f"{check.department_id} 本年度已安排 {policy.moves_per_department} 人"
                    f"（{ROTATION_PLAN.id}）",
                    f"{check.department_id} already has {policy.moves_per_department} moves "
                    f"this year ({ROTATION_PLAN.id})",
                )
            )
            continue
        partner = next(((p, post) for p, post in ab_partners[check.staff_id] if p in chosen), None)
        if partner is not None:
            postponed.append(
                _postpone(
                    year,
                    check.staff_id,
                    check.post_id,
                    PostponeReason.AB_SAME_YEAR,
                    f"{partner[0]} 与其同为岗位 {partner[1]} 的 A/B 角，本年度已安排轮岗"
                    f"（{ROTATION_PLAN.id}）",
                    f"{partner[0]}, the other of A/B of post {partner[1]}, moves this year "
                    f"({ROTATION_PLAN.id})",
                )
            )
            continue
        selected.append(check)
        chosen.add(check.staff_id)
        per_department[check.department_id] += 1

    before = {f.key for f in _conflicts(state.placement, pairs, whole_line=policy.whole_line)}
    movers = [c.staff_id for c in selected]
    keepers = _keepers(state)
    while True:
        assignment = _assign(movers, state, posts, keepers, policy)
        placement = state.placement.copy()
        apply_moves(placement, assignment)
        problem = _first_problem(assignment, placement, keepers, pairs, before, priority, policy)
        if problem is None:
            break
        staff_id, reason, zh, en = problem
        movers.remove(staff_id)
        post_id = state.placement.main[staff_id] or ""
        postponed.append(_postpone(year, staff_id, post_id, reason, zh, en))
    for staff_id in movers:
        if staff_id not in assignment:
            post_id = state.placement.main[staff_id] or ""
            why = _NO_POST_LOCAL if _sole_keeper(staff_id, state, keepers) else _NO_POST
            postponed.append(_postpone(year, staff_id, post_id, PostponeReason.NO_POST, *why))
    return assignment, postponed


#: Why someone due is not moved when no post is left for them: as the only one in their
#: department with experience of a key post (they only move within it), or at all.
_NO_POST_LOCAL = (
    "其为本部门唯一熟悉该重点岗位的人员，只能在本部门内对调，而本部门本年度没有其他轮岗人员",
    "as the department's only one with experience of a key post they can only exchange within "
    "the department, and nobody else there moves this year",
)
_NO_POST = (
    "本年度轮岗人员中没有可对调的同类岗位",
    "no post of the same kind is vacated by this year's movers",
)


def _resolve_avoidance(
    year: int, day: dt.date, state: _State, given: _Given, year_moves: dict[str, Post]
) -> tuple[dict[str, tuple[AvoidanceFinding, str]], list[UnresolvedAvoidance]]:
    """Resolve the T5 cases that still stand after the year's exchanges (see the module
    docstring); ``year_moves`` gains the exchanges made. Returns who moves for which case (and
    with whom), and the cases left open with the reason."""
    posts, pairs, policy = given.posts, given.pairs, given.policy
    whole_line = policy.whole_line
    before = {f.key for f in _conflicts(state.placement, pairs, whole_line=whole_line)}
    keepers = _keepers(state)
    resolving: dict[str, tuple[AvoidanceFinding, str]] = {}
    unresolved: list[UnresolvedAvoidance] = []

    def standing() -> list[AvoidanceFinding]:
        placement = state.placement.copy()
        apply_moves(placement, year_moves)
        return [f for f in _conflicts(placement, pairs, whole_line=whole_line) if f.key in before]

    handled: set[tuple[str, str, str, str, str]] = set()
    while True:
        open_cases = [f for f in standing() if f.key not in handled]
        if not open_cases:
            break
        finding = open_cases[0]
        handled.add(finding.key)
        leader = finding.leader_id
        order = sorted(finding.staff_ids, key=lambda s: (s == leader, s))
        reasons: list[tuple[str, str]] = []
        for mover in order:
            why = _why_not_movable(mover, day, state, given, year_moves)
            if why is not None:
                reasons.append(why)
                continue
            partner, why_not = _exchange_partner(
                mover, finding, day, state, given, year_moves, keepers, before
            )
            if partner is None:
                reasons.append(why_not)
                continue
            own = posts[state.placement.main[mover] or ""]
            year_moves[mover] = posts[state.placement.main[partner] or ""]
            year_moves[partner] = own
            resolving[mover] = (finding, partner)
            resolving[partner] = (finding, mover)
            break
        else:
            zh = "；".join(r[0] for r in reasons)
            en = "; ".join(r[1] for r in reasons)
            unresolved.append(
                UnresolvedAvoidance(
                    year=year,
                    finding=finding,
                    detail=Text(
                        f"{year} 年未能通过对调解决回避情形（{finding.rule_id}：{finding.message.zh}）："
                        f"{zh}；需另行调整",
                        f"{year}: no exchange resolves the avoidance case ({finding.rule_id}: "
                        f"{finding.message.en}): {en}; it needs another adjustment",
                    ),
                )
            )
    return resolving, unresolved


def _why_not_movable(
    staff_id: str, day: dt.date, state: _State, given: _Given, year_moves: dict[str, Post]
) -> tuple[str, str] | None:
    ab_partners, investigated = given.ab_partners, given.investigated
    person = given.staff[staff_id]
    if staff_id in year_moves:
        return (f"{staff_id} 本年度已另有轮岗安排", f"{staff_id} already moves this year")
    if person.is_leadership_member or state.placement.main.get(staff_id) is None:
        return (
            f"{staff_id} 为主席会议成员或无主岗，不在轮岗范围",
            f"{staff_id} is a leadership member or holds no main post",
        )
    partner = next((p for p, _ in ab_partners[staff_id] if p in year_moves), None)
    if partner is not None:
        return (
            f"{staff_id} 与 {partner} 同为一岗位的 A/B 角，{partner} 本年度已轮岗（{ROTATION_PLAN.id}）",
            f"{staff_id}'s A/B partner {partner} moves this year ({ROTATION_PLAN.id})",
        )
    if staff_id in investigated:
        return (
            f"{staff_id} 正在接受审查调查（{EXEMPTIONS.id}）",
            f"{staff_id} is under investigation ({EXEMPTIONS.id})",
        )
    if person.on_probation(day):
        return (
            f"{staff_id} 在试用期内（{EXEMPTIONS.id}）",
            f"{staff_id} is on probation ({EXEMPTIONS.id})",
        )
    return None


def _exchange_partner(
    mover: str,
    finding: AvoidanceFinding,
    day: dt.date,
    state: _State,
    given: _Given,
    year_moves: dict[str, Post],
    keepers: dict[tuple[str, str], list[str]],
    before: set[tuple[str, str, str, str, str]],
) -> tuple[str | None, tuple[str, str]]:
    """The colleague ``mover`` exchanges posts with to resolve ``finding`` (longest in post
    first), or None with the reason."""
    staff, posts, pairs, policy = given.staff, given.posts, given.pairs, given.policy
    ab_partners, investigated = given.ab_partners, given.investigated
    own = posts[state.placement.main[mover] or ""]
    moving = set(year_moves) | {mover}
    per_department: dict[str, int] = defaultdict(int)
    for staff_id in year_moves:
        per_department[state.placement.department[staff_id]] += 1
    candidates: list[tuple[dt.date, str]] = []
    for staff_id, post_id in state.placement.main.items():
        if post_id is None or staff_id in moving or staff_id in finding.staff_ids:
            continue
        post = posts[post_id]
        person = staff[staff_id]
        if (
            post.leading != own.leading
            or post.department_id == own.department_id
            or person.is_leadership_member
            or staff_id in investigated
            or person.on_probation(day)
            or per_department[post.department_id] >= policy.moves_per_department
            or any(p in moving for p, _ in ab_partners[staff_id])
        ):
            continue
        last = state.last_rotation.get(staff_id)
        if last is not None and day < _add_years(last, policy.min_interval_years):
            continue
        candidates.append((state.since.get(staff_id, day), staff_id))
    last_problem: tuple[str, str] | None = None
    for _, partner in sorted(candidates):
        trial = {**year_moves, mover: posts[state.placement.main[partner] or ""], partner: own}
        placement = state.placement.copy()
        apply_moves(placement, trial)
        if finding.key in {
            f.key for f in _conflicts(placement, pairs, whole_line=policy.whole_line)
        }:
            continue
        problem = _first_problem(trial, placement, keepers, pairs, before, {}, policy)
        if problem is None:
            return partner, ("", "")
        last_problem = (problem[2], problem[3])
    if last_problem is not None:
        return None, (
            f"{mover} 与其他部门同类岗位人员对调均不可行（例如：{last_problem[0]}）",
            f"no exchange of {mover} with a colleague of another department works (e.g. "
            f"{last_problem[1]})",
        )
    return None, (
        f"其他部门没有可与 {mover} 对调的同类岗位人员",
        f"no colleague of another department with a post of the same kind may rotate with "
        f"{mover} this year",
    )


def _assign(
    movers: list[str],
    state: _State,
    posts: dict[str, Post],
    keepers: dict[tuple[str, str], list[str]],
    policy: DevelopmentPolicy,
) -> dict[str, Post]:
    """Exchange posts among ``movers`` by a minimum-cost assignment (networkx)."""
    import networkx as nx  # here, not at the top: importing the package must not load networkx

    result: dict[str, Post] = {}
    groups: dict[bool, list[str]] = defaultdict(list)
    for staff_id in movers:
        groups[posts[state.placement.main[staff_id] or ""].leading].append(staff_id)
    for leading in sorted(groups):
        group = sorted(groups[leading], key=lambda s: (state.placement.department[s], s))
        if len(group) < 2:
            continue
        own = {s: posts[state.placement.main[s] or ""] for s in group}
        stay_cost = 10 * (len(group) + policy.candidate_posts) + 10
        graph: nx.DiGraph[tuple[str, str]] = nx.DiGraph()
        for staff_id in group:
            graph.add_node(("s", staff_id), demand=-1)
        for staff_id in group:
            graph.add_node(("p", own[staff_id].id), demand=1)
        for index, staff_id in enumerate(group):
            department = state.placement.department[staff_id]
            local_only = _sole_keeper(staff_id, state, keepers)
            options: list[tuple[int, int, str]] = []
            for step in range(1, len(group)):
                other = group[(index + step) % len(group)]
                target = own[other]
                same = target.department_id == department
                if local_only and not same:
                    continue
                options.append((0 if not same or local_only else 1, step, target.id))
            options.sort()
            for rank, (_, _, target_id) in enumerate(options[: policy.candidate_posts]):
                graph.add_edge(("s", staff_id), ("p", target_id), weight=rank + 1, capacity=1)
            graph.add_edge(("s", staff_id), ("p", own[staff_id].id), weight=stay_cost, capacity=1)
        flow = nx.min_cost_flow(graph)
        for staff_id in group:
            for (_, target_id), amount in sorted(flow[("s", staff_id)].items()):
                if amount and target_id != own[staff_id].id:
                    result[staff_id] = posts[target_id]
    return result


def _sole_keeper(staff_id: str, state: _State, keepers: dict[tuple[str, str], list[str]]) -> bool:
    """Whether ``staff_id`` is the only one in their department with experience of one of its
    key posts (then they only move within the department)."""
    department = state.placement.department[staff_id]
    return any(
        keepers.get((department, post_id)) == [staff_id]
        for post_id in state.key_posts.get(department, ())
    )


def _first_problem(
    assignment: dict[str, Post],
    placement: Placement,
    keepers: dict[tuple[str, str], list[str]],
    pairs: tuple[RelativePair, ...],
    before: set[tuple[str, str, str, str, str]],
    priority: dict[str, int],
    policy: DevelopmentPolicy,
) -> tuple[str, PostponeReason, str, str] | None:
    """The first thing wrong with a year's assignment, as (who to withdraw, why)."""
    if not assignment:
        return None
    findings: list[AvoidanceFinding] = [
        f for f in _conflicts(placement, pairs, whole_line=policy.whole_line) if f.key not in before
    ]
    for finding in findings:
        named = {*finding.staff_ids} | ({finding.leader_id} if finding.leader_id else set())
        involved = named & set(assignment)
        if not involved:
            involved = set(assignment)
        withdraw = max(involved, key=lambda s: (priority.get(s, 0), s))
        return (
            withdraw,
            PostponeReason.AVOIDANCE,
            f"按初步对调方案，{finding.message.zh}（{finding.rule_id}）",
            f"the exchange considered would mean: {finding.message.en} ({finding.rule_id})",
        )
    for (department, post_id), had in sorted(keepers.items()):
        if any(placement.department[s] == department for s in had):
            continue
        leaving = [s for s in had if s in assignment]
        withdraw = max(leaving, key=lambda s: (priority.get(s, 0), s))
        return (
            withdraw,
            PostponeReason.EXPERIENCE,
            f"调出后 {department} 将无人熟悉重点岗位 {post_id}（{ROTATION_PLAN.id}）",
            f"{department} would keep nobody with experience of key post {post_id} "
            f"({ROTATION_PLAN.id})",
        )
    return None


@boundary
def placement_after(office: Organization, plan: RotationPlan, year: Year) -> Placement:
    """Where everyone sits after the plan's moves of ``year`` and the years before it."""
    placement = Placement.of(office, plan.as_of)
    posts = {p.id: p for p in office.posts}
    for plan_year in plan.years:
        if plan_year > year:
            break
        apply_moves(placement, {m.staff_id: posts[m.to_post] for m in plan.moves_in(plan_year)})
    return placement
