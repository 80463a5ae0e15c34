"""Tenure and rotation status (轮岗, REGULATIONS T1-T3): who is due for rotation on a day.

:func:`rotation_status` covers everyone in scope (not a leadership member; unit leaders only when
the policy includes them) with a main post on the day. Tenure counts from the start of the
uninterrupted run of main assignments to the same post. A person is due when tenure reaches the
post kind's threshold (T1) — unless on probation or under investigation (T2; an input set of staff
ids) or last rotated less than the minimum interval ago (T3).

T1, T2 and T3 are declarative: each person's ``post_tenure`` fact (:func:`tenure_fact`, built
here and nowhere else) goes through :func:`jiguan_core.facts.match_facts` on the engine chosen
(``"python"`` or ``"durable"``); the status is the first of T1 not reached, T2 (investigation,
then probation), T3, else due. A rule the policy switches off does not apply.

The multi-year plan built on it is :mod:`jiguan_core.development.rotation_plan`.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping, Sequence

from attrs import field, frozen

from jiguan_core._validation import LAST_YEAR, boundary, result_year
from jiguan_core.catalogue.development import EXEMPTIONS, MIN_INTERVAL, TENURE
from jiguan_core.development._explained import Explained
from jiguan_core.development.avoidance import unknown_staff
from jiguan_core.development.policy import DevelopmentPolicy, development_view
from jiguan_core.errors import InvalidValue
from jiguan_core.facts import FactEngine, match_facts
from jiguan_core.organization import Organization
from jiguan_core.patterns import FactValue, SingleFact
from jiguan_core.policy import Policy
from jiguan_core.post import Post, PostAssignment, PostRole
from jiguan_core.staff import Staff
from jiguan_core.text import TermEnum, Text

__all__ = [
    "RotationCheck",
    "RotationStatus",
    "add_years",
    "due_for_rotation",
    "rotation_status",
    "tenure_fact",
]


class RotationStatus(TermEnum):
    DUE = "due", "应轮岗"
    NOT_DUE = "not_due", "未到轮岗年限"
    PROBATION = "probation", "试用期内暂不轮岗"
    UNDER_INVESTIGATION = "under_investigation", "接受审查调查期间暂不轮岗"
    TOO_SOON = "too_soon", "距上次轮岗不满最短间隔"


@boundary
def add_years(day: dt.date, years: int) -> dt.date:
    """``day`` moved by whole years; 29 February becomes 28 February in a common year. A result
    outside the supported years (1949-2200) raises :class:`InvalidValue`."""
    return _add_years(day, years)


def _add_years(day: dt.date, years: int) -> dt.date:
    # add_years without the argument checks of @boundary (which bind the arguments through
    # inspect: most of a person's check when the planner calls it thousands of times); the
    # types are the library's own here, the range is still checked.
    result_year(day.year + years, field="years", value=years, where="add_years")
    try:
        return day.replace(year=day.year + years)
    except ValueError:
        return day.replace(year=day.year + years, day=28)


def _full_years(start: dt.date, end: dt.date) -> int:
    # The anniversary falls in ``end``'s year, a supported one: no range check (add_years's,
    # whose argument checks cost more than the rest of a person's check) is needed.
    try:
        anniversary = start.replace(year=end.year)
    except ValueError:
        anniversary = start.replace(year=end.year, day=28)
    years = end.year - start.year
    return years - 1 if anniversary > end else years


@frozen(kw_only=True)
class RotationCheck(Explained):
    """One person's rotation status on ``as_of``, with the numbers behind it."""

    staff_id: str
    department_id: str
    post_id: str
    since: dt.date
    years_in_post: int
    threshold_years: int
    due_on: dt.date
    last_rotation: dt.date | None
    status: RotationStatus
    reason: Text = field(eq=False)

    @property
    def is_due(self) -> bool:
        return self.status is RotationStatus.DUE


@frozen(kw_only=True)
class _Tenure:
    post_id: str
    since: dt.date
    last_rotation: dt.date | None


def _tenure(held: Iterable[PostAssignment], as_of: dt.date) -> _Tenure | None:
    mains = sorted(
        (a for a in held if a.role is PostRole.MAIN and a.start <= as_of),
        key=lambda a: (a.start, a.post_id),
    )
    current = next((a for a in mains if a.active_on(as_of)), None)
    if current is None:
        return None
    since = current.start
    earlier = [a for a in mains if a.start < current.start]
    # Walk back over contiguous assignments to the same post (a renewed appointment).
    for previous in reversed(earlier):
        if previous.post_id == current.post_id and previous.end == since:
            since = previous.start
    moved_from_other = any(
        a.post_id != current.post_id and a.end is not None and a.end <= since for a in earlier
    )
    return _Tenure(
        post_id=current.post_id, since=since, last_rotation=since if moved_from_other else None
    )


def _in_scope(person: Staff, post: Post, policy: DevelopmentPolicy) -> bool:
    if person.is_leadership_member:
        return False
    return policy.include_unit_leaders or not post.leading


def _kind(post: Post) -> str:
    """The kind of post T1's thresholds are set by: ``leading``, ``key`` or ``general``."""
    return "leading" if post.leading else ("key" if post.is_key else "general")


@boundary
def tenure_fact(
    person: Staff,
    post: Post,
    since: dt.date,
    last_rotation: dt.date | None,
    as_of: dt.date,
    investigated: Iterable[str] = (),
) -> dict[str, FactValue]:
    """The ``post_tenure`` fact of ``person`` holding ``post`` since ``since`` on ``as_of``:
    ``staff_id``, ``post_id``, ``kind`` (``leading``, ``key``, ``general``), ``years`` (full
    years in the post), ``probation`` and ``investigated`` (0/1) and, when the person has
    rotated before, ``years_since_rotation`` (full years since ``last_rotation``)."""
    return _tenure_fact(person, post, since, last_rotation, as_of, frozenset(investigated))


def _tenure_fact(
    person: Staff,
    post: Post,
    since: dt.date,
    last_rotation: dt.date | None,
    as_of: dt.date,
    investigated: frozenset[str],
) -> dict[str, FactValue]:
    fact: dict[str, FactValue] = {
        "staff_id": person.id,
        "post_id": post.id,
        "kind": _kind(post),
        "years": _full_years(since, as_of),
        "probation": int(person.on_probation(as_of)),
        "investigated": int(person.id in investigated),
    }
    if last_rotation is not None:
        fact["years_since_rotation"] = _full_years(last_rotation, as_of)
    return fact


#: The declarative rules of tenure, in the order their statuses take precedence.
_RULES = (TENURE, EXEMPTIONS, MIN_INTERVAL)


def _statuses(
    facts: Sequence[Mapping[str, FactValue]], policy: DevelopmentPolicy, engine: FactEngine
) -> list[RotationStatus]:
    """Each fact's status, from the patterns of T1, T2 and T3 that match it."""
    fired: set[tuple[str, int]] = set()
    for rule in _RULES:
        if policy.enabled(rule.id):
            patterns = [p for p in rule.patterns if isinstance(p, SingleFact)]
            parameters = policy.parameters(rule.id)
            fired |= match_facts(patterns, facts, parameters=parameters, engine=engine)
    by_fact: dict[int, set[str]] = {}
    for pattern_id, index in fired:
        by_fact.setdefault(index, set()).add(pattern_id)
    statuses = []
    for index in range(len(facts)):
        hits = by_fact.get(index, set())
        if not any(h.startswith(TENURE.id + "#") for h in hits):
            statuses.append(RotationStatus.NOT_DUE)
        elif EXEMPTIONS.id + "#investigation" in hits:
            statuses.append(RotationStatus.UNDER_INVESTIGATION)
        elif EXEMPTIONS.id + "#probation" in hits:
            statuses.append(RotationStatus.PROBATION)
        elif any(h.startswith(MIN_INTERVAL.id + "#") for h in hits):
            statuses.append(RotationStatus.TOO_SOON)
        else:
            statuses.append(RotationStatus.DUE)
    return statuses


#: What :func:`_checks` takes per person: the person, the main post, since, last rotation.
_Holder = tuple[Staff, Post, dt.date, dt.date | None]


def _checks(
    holders: Sequence[_Holder],
    as_of: dt.date,
    policy: DevelopmentPolicy,
    investigated: frozenset[str],
    engine: FactEngine = "python",
) -> list[RotationCheck]:
    """The rotation check of each holder on ``as_of``, T1-T3 decided in one batch."""
    facts = [
        _tenure_fact(person, post, since, last, as_of, investigated)
        for person, post, since, last in holders
    ]
    statuses = _statuses(facts, policy, engine)
    return [
        _check(person, post, since, last, as_of, policy, status, int(fact["years"]))
        for (person, post, since, last), fact, status in zip(holders, facts, statuses, strict=True)
    ]


def _check(
    person: Staff,
    post: Post,
    since: dt.date,
    last_rotation: dt.date | None,
    as_of: dt.date,
    policy: DevelopmentPolicy,
    status: RotationStatus,
    years: int,
) -> RotationCheck:
    """One person's check, its ``status`` as :func:`_statuses` decided it on the person's fact,
    with the reason in words."""
    threshold = policy.tenure_years(post)
    if since.year + threshold > LAST_YEAR:
        # Blame what the caller gave (the day asked about), not this helper's arithmetic.
        raise InvalidValue(
            f"{person.id} has held {post.id} since {since}: {threshold} years are reached after "
            f"{LAST_YEAR}, the last supported year; ask about a day (as_of, start_year) whose "
            f"tenures end by {LAST_YEAR}",
            f"{person.id} 自 {since} 任 {post.id}，满 {threshold} 年已在 {LAST_YEAR} 年之后，"
            f"超出支持的年份；请查询任职年限在 {LAST_YEAR} 年前届满的日期（as_of、start_year）",
            field="as_of",
            value=as_of,
        )
    due_on = _add_years(since, threshold)
    kind_zh = "领导职务" if post.leading else ("重点岗位" if post.is_key else "一般岗位")
    kind_en = "leading post" if post.leading else ("key post" if post.is_key else "post")
    basis = Text(
        f"{person.id}（{person.name}）自 {since} 任{kind_zh} {post.id}（{post.name}）{years} 年，"
        f"满 {threshold} 年之日为 {due_on}",
        f"{person.id} has held the {kind_en} {post.id} since {since} ({years} years); "
        f"{threshold} years are reached on {due_on}",
    )
    interval_end = (
        _add_years(last_rotation, policy.min_interval_years) if last_rotation is not None else None
    )
    if status is RotationStatus.NOT_DUE:
        extra = Text("，未到轮岗年限", "; not yet due")
    elif status is RotationStatus.UNDER_INVESTIGATION:
        extra = Text(
            f"；正在接受审查调查，暂不轮岗（{EXEMPTIONS.id}）",
            f"; under investigation, not rotated now ({EXEMPTIONS.id})",
        )
    elif status is RotationStatus.PROBATION:
        extra = Text(
            f"；试用期至 {person.probation_end}，暂不轮岗（{EXEMPTIONS.id}）",
            f"; on probation until {person.probation_end}, not rotated now ({EXEMPTIONS.id})",
        )
    elif status is RotationStatus.TOO_SOON:
        extra = Text(
            f"；上次轮岗为 {last_rotation}，{interval_end} 前不再轮岗（{MIN_INTERVAL.id}）",
            f"; last rotated on {last_rotation}, not again before {interval_end} "
            f"({MIN_INTERVAL.id})",
        )
    else:
        extra = Text(f"，应轮岗（{TENURE.id}）", f"; due for rotation ({TENURE.id})")
    return RotationCheck(
        staff_id=person.id,
        department_id=post.department_id,
        post_id=post.id,
        since=since,
        years_in_post=years,
        threshold_years=threshold,
        due_on=due_on,
        last_rotation=last_rotation,
        status=status,
        reason=Text(basis.zh + extra.zh, basis.en + extra.en),
    )


def _investigated(office: Organization, ids: Iterable[str]) -> frozenset[str]:
    found = frozenset(ids)
    unknown_staff(office, found, "under_investigation")
    return found


@boundary
def rotation_status(
    office: Organization,
    as_of: dt.date,
    *,
    policy: DevelopmentPolicy | Policy | None = None,
    under_investigation: Iterable[str] = (),
    engine: FactEngine = "python",
) -> tuple[RotationCheck, ...]:
    """The rotation status of everyone in scope on ``as_of``, by staff id; T1-T3 decided by
    their patterns on the ``engine`` chosen (``"python"`` or ``"durable"``)."""
    policy = development_view(policy)
    investigated = _investigated(office, under_investigation)
    holders: list[_Holder] = []
    for person in office.staff:
        tenure = _tenure(office.assignments_of(person.id), as_of)
        if tenure is None:
            continue
        post = office.post(tenure.post_id)
        if not _in_scope(person, post, policy):
            continue
        holders.append((person, post, tenure.since, tenure.last_rotation))
    return tuple(_checks(holders, as_of, policy, investigated, engine))


@boundary
def due_for_rotation(
    office: Organization,
    as_of: dt.date,
    *,
    policy: DevelopmentPolicy | Policy | None = None,
    under_investigation: Iterable[str] = (),
    engine: FactEngine = "python",
) -> tuple[RotationCheck, ...]:
    """Those due on ``as_of`` (no exemption applies), longest overdue first."""
    due = [
        c
        for c in rotation_status(
            office, as_of, policy=policy, under_investigation=under_investigation, engine=engine
        )
        if c.is_due
    ]
    return tuple(sorted(due, key=lambda c: (c.due_on, c.staff_id)))
