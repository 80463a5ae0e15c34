"""Main + secondary post (主岗+副岗): validation, and a suggestion for those without one.

Every section-level-and-below person (not a leadership member; staff on probation exempt by
default) has exactly one main post and claims exactly one secondary post, in another
department (both parameters of DEV-SECONDARY). :func:`validate_secondary` names each missing or
invalid claim. :func:`suggest_secondary` proposes a secondary post for each person who lacks one
by a minimum-cost maximum flow (networkx ``max_flow_min_cost``): as many people as possible get
a post, then each as high on their ranked wishes as possible, within each post's and each
department's remaining capacity and never in an avoidance situation (T5: a post in
organisation, personnel, discipline, supervision, audit or finance where a relative leads).
A post outside a person's wishes is suggested only when none of the wishes can be met (and
the policy allows it); it costs more than any wish.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Mapping, Sequence

from attrs import field, frozen

from jiguan_core._validation import boundary
from jiguan_core.catalogue.development import AVOIDANCE, SECONDARY_POST
from jiguan_core.development._explained import Explained
from jiguan_core.development.avoidance import Placement, relative_pairs
from jiguan_core.development.findings import Finding
from jiguan_core.development.policy import DevelopmentPolicy, development_view
from jiguan_core.errors import UnknownEntity
from jiguan_core.organization import Organization
from jiguan_core.policy import Policy
from jiguan_core.post import AVOIDANCE_AREAS, Post, PostRole
from jiguan_core.staff import Staff
from jiguan_core.text import Lang, Text

__all__ = [
    "SecondarySuggestion",
    "SuggestedClaim",
    "Unplaced",
    "needs_secondary",
    "suggest_secondary",
    "validate_secondary",
]


def _in_scope(person: Staff, as_of: dt.date, policy: DevelopmentPolicy) -> bool:
    if person.is_leadership_member or not person.is_section_level_or_below:
        return False
    return not (policy.secondary_exempt_probation and person.on_probation(as_of))


def _held(office: Organization, staff_id: str, as_of: dt.date) -> tuple[list[Post], list[Post]]:
    mains: list[Post] = []
    secondaries: list[Post] = []
    for assignment in office.assignments_of(staff_id):
        if assignment.active_on(as_of):
            post = office.post(assignment.post_id)
            (mains if assignment.role is PostRole.MAIN else secondaries).append(post)
    return mains, secondaries


def _finding(code: str, staff_id: str, post_id: str | None, zh: str, en: str) -> Finding:
    return Finding(
        rule_id=SECONDARY_POST.id,
        code=code,
        staff_ids=(staff_id,),
        post_id=post_id,
        message=Text(zh, en),
    )


@boundary
def validate_secondary(
    office: Organization, as_of: dt.date, *, policy: DevelopmentPolicy | Policy | None = None
) -> tuple[Finding, ...]:
    """Every missing or invalid main/secondary claim on ``as_of``, and over-full departments
    and posts, sorted."""
    policy = development_view(policy)
    findings: list[Finding] = []
    per_department: dict[str, list[str]] = defaultdict(list)
    per_post: dict[str, list[str]] = defaultdict(list)
    for person in office.staff:
        mains, secondaries = _held(office, person.id, as_of)
        for post in secondaries:
            per_department[post.department_id].append(person.id)
            per_post[post.id].append(person.id)
        if not _in_scope(person, as_of, policy):
            continue
        who = f"{person.id}（{person.name}）"
        if not mains:
            findings.append(
                _finding(
                    "no_main",
                    person.id,
                    None,
                    f"{who} 在 {as_of} 没有主岗",
                    f"{person.id} has no main post on {as_of}",
                )
            )
        if policy.secondary_required and not secondaries:
            findings.append(
                _finding(
                    "no_secondary",
                    person.id,
                    None,
                    f"{who} 尚未认领副岗，请在其他部门认领一个",
                    f"{person.id} has not claimed a secondary post; claim one in another "
                    "department",
                )
            )
        if len(secondaries) > 1:
            names = ", ".join(p.id for p in secondaries)
            findings.append(
                _finding(
                    "too_many_secondary",
                    person.id,
                    None,
                    f"{who} 认领了 {len(secondaries)} 个副岗（{names}），只能认领一个",
                    f"{person.id} claims {len(secondaries)} secondary posts ({names}); keep one",
                )
            )
        main_department = mains[0].department_id if mains else person.department_id
        for post in secondaries:
            if policy.secondary_other_department and post.department_id == main_department:
                findings.append(
                    _finding(
                        "same_department",
                        person.id,
                        post.id,
                        f"{who} 的副岗 {post.id} 与主岗在同一部门 {post.department_id}，"
                        "应在其他部门认领",
                        f"{person.id}'s secondary post {post.id} is in their own department "
                        f"{post.department_id}; claim one in another department",
                    )
                )
            if post.leading:
                findings.append(
                    _finding(
                        "leading_post",
                        person.id,
                        post.id,
                        f"{who} 认领的副岗 {post.id} 是领导职务，不能作为副岗",
                        f"{person.id} claims the leading post {post.id} as secondary post; "
                        "leading posts cannot be claimed",
                    )
                )
    for department_id in sorted(per_department):
        claimants = sorted(per_department[department_id])
        if len(claimants) > policy.secondary_claims_per_department:
            findings.append(
                Finding(
                    rule_id=SECONDARY_POST.id,
                    code="department_full",
                    staff_ids=tuple(claimants),
                    message=Text(
                        f"{department_id} 接纳副岗 {len(claimants)} 人，超过上限 "
                        f"{policy.secondary_claims_per_department} 人",
                        f"{department_id} takes {len(claimants)} secondary claims, more than "
                        f"{policy.secondary_claims_per_department}",
                    ),
                )
            )
    for post_id in sorted(per_post):
        claimants = sorted(per_post[post_id])
        if len(claimants) > policy.secondary_claims_per_post:
            findings.append(
                Finding(
                    rule_id=SECONDARY_POST.id,
                    code="post_full",
                    staff_ids=tuple(claimants),
                    post_id=post_id,
                    message=Text(
                        f"岗位 {post_id} 有副岗 {len(claimants)} 人，超过上限 "
                        f"{policy.secondary_claims_per_post} 人",
                        f"post {post_id} has {len(claimants)} secondary claims, more than "
                        f"{policy.secondary_claims_per_post}",
                    ),
                )
            )
    return tuple(sorted((f for f in findings if policy.enabled(f.rule_id)), key=lambda f: f.key))


@boundary
def needs_secondary(
    office: Organization, as_of: dt.date, *, policy: DevelopmentPolicy | Policy | None = None
) -> tuple[str, ...]:
    """The staff in scope who hold no secondary post on ``as_of``, by id."""
    policy = development_view(policy)
    return tuple(
        p.id
        for p in office.staff
        if _in_scope(p, as_of, policy) and not _held(office, p.id, as_of)[1]
    )


@frozen(kw_only=True)
class SuggestedClaim(Explained):
    staff_id: str
    post_id: str
    department_id: str
    wish_rank: int | None  # 1 = first wish; None = outside the wishes
    reason: Text = field(eq=False)


@frozen(kw_only=True)
class Unplaced(Explained):
    staff_id: str
    reason: Text = field(eq=False)


@frozen(kw_only=True)
class SecondarySuggestion:
    claims: tuple[SuggestedClaim, ...]
    unplaced: tuple[Unplaced, ...]
    notes: tuple[Text, ...] = field(eq=False, default=())

    def render(self, lang: Lang = "zh") -> str:
        """The same text as :meth:`render_lines`, one string (lines joined by newlines)."""
        return "\n".join(self.render_lines(lang))

    def render_lines(self, lang: Lang = "zh") -> list[str]:
        return [
            *(c.render(lang) for c in self.claims),
            *(u.render(lang) for u in self.unplaced),
            *(n.render(lang) for n in self.notes),
        ]


_OUTSIDE_COST = 1000


@boundary
def suggest_secondary(
    office: Organization,
    as_of: dt.date,
    *,
    wishes: Mapping[str, Sequence[str]] | None = None,
    policy: DevelopmentPolicy | Policy | None = None,
) -> SecondarySuggestion:
    """A secondary post for each person in scope without one (see the module docstring).

    ``wishes`` maps a staff id to post ids, best first; an unknown person or post raises
    :class:`~jiguan_core.errors.UnknownEntity`, a wish that cannot be met is explained in
    ``notes``.
    """
    import networkx as nx  # here, not at the top: importing the package must not load networkx

    policy = development_view(policy)
    wishes = wishes or {}
    for staff_id in sorted(wishes):
        office.person(staff_id)
        for post_id in wishes[staff_id]:
            try:
                office.post(post_id)
            except UnknownEntity:
                raise UnknownEntity(
                    "post", post_id, hint=f"listed in the wishes of {staff_id}"
                ) from None
    placement = Placement.of(office, as_of)
    relatives: dict[str, list[str]] = defaultdict(list)
    for pair in relative_pairs(office):
        relatives[pair.first].append(pair.second)
        relatives[pair.second].append(pair.first)
    held_main = {p for p in placement.main.values() if p is not None}
    claimable = [p for p in office.posts if not p.leading and p.id in held_main]
    used_post: dict[str, int] = defaultdict(int)
    used_department: dict[str, int] = defaultdict(int)
    for _staff_id, secondaries in sorted(placement.secondary.items()):
        for post_id in secondaries:
            used_post[post_id] += 1
            used_department[office.post(post_id).department_id] += 1

    def blocked(staff_id: str, post: Post) -> str | None:
        if (
            policy.secondary_other_department
            and post.department_id == placement.department[staff_id]
        ):
            return "same department"
        if post.id == placement.main.get(staff_id):
            return "own main post"
        if post.key_areas & AVOIDANCE_AREAS:
            for other in relatives[staff_id]:
                if other in placement.leadership_members or placement.leads(
                    other, post.department_id
                ):
                    return f"avoidance ({AVOIDANCE.id}) with {other}"
        return None

    people = needs_secondary(office, as_of, policy=policy)
    notes: list[Text] = [
        Text(
            f"{staff_id} 已有副岗或不在范围内，其志愿未予考虑",
            f"{staff_id} already has a secondary post or is not in scope; wishes ignored",
        )
        for staff_id in sorted(wishes)
        if staff_id not in people
    ]
    graph: nx.DiGraph[tuple[str, str]] = nx.DiGraph()
    graph.add_node(("source", ""))
    graph.add_node(("sink", ""))
    for department_id in sorted({p.department_id for p in claimable}):
        room = policy.secondary_claims_per_department - used_department[department_id]
        if room > 0:
            graph.add_edge(("d", department_id), ("sink", ""), capacity=room, weight=0)
    for post in claimable:
        room = policy.secondary_claims_per_post - used_post[post.id]
        if room > 0:
            graph.add_edge(("p", post.id), ("d", post.department_id), capacity=room, weight=0)
    rank_of: dict[tuple[str, str], int] = {}
    for staff_id in people:
        graph.add_edge(("source", ""), ("s", staff_id), capacity=1, weight=0)
        wished = list(dict.fromkeys(wishes.get(staff_id, ())))
        for rank, post_id in enumerate(wished, start=1):
            post = office.post(post_id)
            why = blocked(staff_id, post)
            if why is None and post not in claimable:
                why = "not claimable (a leading post or one nobody holds)"
            if why is not None:
                notes.append(
                    Text(
                        f"{staff_id} 的第 {rank} 志愿 {post_id} 不可行：{why}",
                        f"{staff_id}'s wish {rank}, {post_id}, cannot be met: {why}",
                    )
                )
                continue
            rank_of[(staff_id, post_id)] = rank
            graph.add_edge(("s", staff_id), ("p", post_id), capacity=1, weight=rank)
        if policy.suggest_outside_wishes:
            for post in claimable:
                if post.id not in wished and blocked(staff_id, post) is None:
                    # Outside the wishes: prefer departments with fewer claims so far.
                    cost = _OUTSIDE_COST + used_department[post.department_id]
                    graph.add_edge(("s", staff_id), ("p", post.id), capacity=1, weight=cost)
    flow = nx.max_flow_min_cost(graph, ("source", ""), ("sink", "")) if people else {}
    claims: list[SuggestedClaim] = []
    unplaced: list[Unplaced] = []
    for staff_id in people:
        target = next(
            (node[1] for node, amount in sorted(flow.get(("s", staff_id), {}).items()) if amount),
            None,
        )
        if target is None:
            unplaced.append(
                Unplaced(
                    staff_id=staff_id,
                    reason=Text(
                        f"{staff_id} 暂无可认领的副岗（容量已满或需回避），请调整容量或志愿",
                        f"{staff_id} cannot be given a secondary post (capacity or avoidance); "
                        "raise the capacity or widen the wishes",
                    ),
                )
            )
            continue
        post = office.post(target)
        wish_rank = rank_of.get((staff_id, target))
        claims.append(
            SuggestedClaim(
                staff_id=staff_id,
                post_id=target,
                department_id=post.department_id,
                wish_rank=wish_rank,
                reason=Text(
                    f"{staff_id} 认领 {post.department_id} 的 {target}（{post.name}）"
                    + (f"，第 {wish_rank} 志愿" if wish_rank else "，志愿以外"),
                    f"{staff_id} claims {target} ({post.department_id})"
                    + (f", wish {wish_rank}" if wish_rank else ", outside the wishes"),
                ),
            )
        )
    return SecondarySuggestion(claims=tuple(claims), unplaced=tuple(unplaced), notes=tuple(notes))
