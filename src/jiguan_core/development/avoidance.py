"""Avoidance between relatives (回避, REGULATIONS T5 / CSL 74).

Spouses, direct blood relatives, collateral relatives within three generations and close
in-laws may not

* report to the same direct leader (``Staff.reports_to``),
* be in a direct superior/subordinate line (the reports-to chain, or only the direct leader
  when the policy's ``whole_line`` is off),
* work in organisation, personnel, discipline, supervision, audit or finance
  (:data:`jiguan_core.post.AVOIDANCE_AREAS`) where the other holds a leading post: the other
  holds a leading post (``Post.leading``) of the same department, or is a leadership member
  (主席会议成员) of the office. Main and secondary posts both count as working in an area.

Relative links are treated **symmetrically**: a link listed by only one of the two people
counts for both (data entry often records it once). When the two sides name different
relations, the closer one (the first in :class:`~jiguan_core.staff.Relation`'s order) is used.
A link to an unknown person is already refused by the organization's integrity check.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping

from attrs import field, frozen

from jiguan_core._validation import boundary
from jiguan_core.catalogue.development import AVOIDANCE
from jiguan_core.development.policy import DevelopmentPolicy, development_view
from jiguan_core.errors import InvalidValue, ReportingCycle, UnknownEntity
from jiguan_core.finding import Finding
from jiguan_core.organization import Organization
from jiguan_core.policy import Policy
from jiguan_core.post import AVOIDANCE_AREAS, Post, PostRole
from jiguan_core.rule import Severity
from jiguan_core.staff import Relation
from jiguan_core.text import Lang, TermEnum, Text

__all__ = [
    "AvoidanceFinding",
    "AvoidanceKind",
    "Placement",
    "RelativePair",
    "ReportingCycle",
    "apply_moves",
    "check_assignment",
    "check_avoidance",
    "check_placement",
    "relative_pairs",
]


class AvoidanceKind(TermEnum):
    SAME_LEADER = "same_leader", "在同一领导人员下工作"
    DIRECT_LINE = "direct_line", "直接上下级领导关系"
    SENSITIVE_AREA = "sensitive_area", "在亲属担任领导职务的单位从事敏感工作"


_RELATION_ORDER = {relation: index for index, relation in enumerate(Relation)}


@frozen(kw_only=True)
class RelativePair:
    """Two relatives, ``first < second``; ``declared_by`` lists who recorded the link."""

    first: str
    second: str
    relation: Relation
    declared_by: tuple[str, ...]


def _opt(value: str | None) -> tuple[str, ...]:
    return () if value is None else (value,)


@frozen(kw_only=True)
class AvoidanceFinding:
    """One avoidance situation: which pair, what kind, and through which leader or post."""

    rule_id: str
    kind: AvoidanceKind
    staff_ids: tuple[str, str]
    relation: Relation
    leader_id: str | None = None
    post_id: str | None = None
    message: Text = field(eq=False)

    def render(self, lang: Lang = "zh") -> str:
        return self.message.render(lang)

    def to_finding(self, level: Severity | None = None) -> Finding:
        """This case as the one :class:`~jiguan_core.finding.Finding` (``level``: the policy's)."""
        return Finding.of(
            self.rule_id,
            part=self.kind.value,
            level=level,
            subjects={"staff": self.staff_ids, "post": _opt(self.post_id)},
            message=self.message,
        )

    @property
    def key(self) -> tuple[str, str, str, str, str]:
        return (*self.staff_ids, self.kind.value, self.leader_id or "", self.post_id or "")


@boundary
def relative_pairs(office: Organization) -> tuple[RelativePair, ...]:
    """Every pair of relatives in ``office``, treated symmetrically, sorted."""
    found: dict[tuple[str, str], tuple[Relation, set[str]]] = {}
    for person in office.staff:
        for relative in person.relatives:
            key = (min(person.id, relative.staff_id), max(person.id, relative.staff_id))
            relation, declared = found.get(key, (relative.relation, set()))
            if _RELATION_ORDER[relative.relation] < _RELATION_ORDER[relation]:
                relation = relative.relation
            declared.add(person.id)
            found[key] = (relation, declared)
    return tuple(
        RelativePair(first=a, second=b, relation=relation, declared_by=tuple(sorted(declared)))
        for (a, b), (relation, declared) in sorted(found.items())
    )


class Placement:
    """Who sits where on one day: a light, copyable view used to check proposals.

    ``department``/``reports_to``/``posts`` are keyed by staff id; ``posts`` holds the posts a
    person holds (main first). It is a working copy: :meth:`copy` before changing it.
    """

    def __init__(
        self,
        *,
        posts_by_id: Mapping[str, Post],
        department: dict[str, str],
        reports_to: dict[str, str | None],
        main: dict[str, str | None],
        secondary: dict[str, tuple[str, ...]],
        leadership_members: frozenset[str],
    ) -> None:
        self.posts_by_id = posts_by_id
        self.department = department
        self.reports_to = reports_to
        self.main = main
        self.secondary = secondary
        self.leadership_members = leadership_members

    @classmethod
    def of(cls, office: Organization, as_of: dt.date) -> Placement:
        main: dict[str, str | None] = {}
        secondary: dict[str, list[str]] = {}
        for person in office.staff:
            main[person.id] = None
            secondary[person.id] = []
        for assignment in office.assignments:
            if not assignment.active_on(as_of):
                continue
            if assignment.role is PostRole.MAIN:
                main[assignment.staff_id] = assignment.post_id
            else:
                secondary[assignment.staff_id].append(assignment.post_id)
        return cls(
            posts_by_id={p.id: p for p in office.posts},
            department={p.id: p.department_id for p in office.staff},
            reports_to={p.id: p.reports_to for p in office.staff},
            main=main,
            secondary={k: tuple(sorted(v)) for k, v in secondary.items()},
            leadership_members=frozenset(p.id for p in office.leadership_members),
        )

    def copy(self) -> Placement:
        return Placement(
            posts_by_id=self.posts_by_id,
            department=dict(self.department),
            reports_to=dict(self.reports_to),
            main=dict(self.main),
            secondary=dict(self.secondary),
            leadership_members=self.leadership_members,
        )

    def held(self, staff_id: str) -> tuple[str, ...]:
        main = self.main.get(staff_id)
        return ((main,) if main else ()) + self.secondary.get(staff_id, ())

    def leads(self, staff_id: str, department_id: str) -> bool:
        """Whether ``staff_id`` holds a leading post of ``department_id`` as main post."""
        main = self.main.get(staff_id)
        if main is None:
            return False
        post = self.posts_by_id[main]
        return post.leading and post.department_id == department_id

    def leaders_of(self) -> dict[str, str]:
        """department -> the holder of its first leading post (by post id)."""
        found: dict[str, tuple[str, str]] = {}
        for staff_id, post_id in self.main.items():
            if post_id is None:
                continue
            post = self.posts_by_id[post_id]
            if post.leading:
                best = found.get(post.department_id)
                if best is None or (post_id, staff_id) < best:
                    found[post.department_id] = (post_id, staff_id)
        return {department: staff_id for department, (_, staff_id) in found.items()}

    def line_of(self, staff_id: str) -> tuple[str, ...]:
        """The leaders above ``staff_id`` along ``reports_to``, nearest first."""
        line: list[str] = []
        seen = {staff_id}
        current = self.reports_to.get(staff_id)
        while current is not None:
            if current in seen:
                cycle = (
                    [*line[line.index(current) :], current]
                    if current in line
                    else [
                        staff_id,
                        *line,
                        current,
                    ]
                )
                raise ReportingCycle(cycle)
            line.append(current)
            seen.add(current)
            current = self.reports_to.get(current)
        return tuple(line)


def _conflicts(
    placement: Placement, pairs: Iterable[RelativePair], *, whole_line: bool
) -> list[AvoidanceFinding]:
    findings: list[AvoidanceFinding] = []
    for pair in pairs:
        a, b = pair.first, pair.second
        relation = pair.relation
        leader = placement.reports_to.get(a)
        if leader is not None and leader == placement.reports_to.get(b):
            findings.append(
                AvoidanceFinding(
                    rule_id=AVOIDANCE.id,
                    kind=AvoidanceKind.SAME_LEADER,
                    staff_ids=(a, b),
                    relation=relation,
                    leader_id=leader,
                    message=Text(
                        f"{a} 与 {b}（{relation.zh}）同在 {leader} 直接领导下工作，应予回避",
                        f"{a} and {b} ({relation.en}) both report to {leader}; one must move",
                    ),
                )
            )
        for low, high in ((a, b), (b, a)):
            line = placement.line_of(low) if whole_line else (placement.reports_to.get(low),)
            if high in line:
                findings.append(
                    AvoidanceFinding(
                        rule_id=AVOIDANCE.id,
                        kind=AvoidanceKind.DIRECT_LINE,
                        staff_ids=(a, b),
                        relation=relation,
                        leader_id=high,
                        message=Text(
                            f"{low} 的领导链上有其亲属 {high}（{relation.zh}），构成直接上下级"
                            "领导关系，应予回避",
                            f"{high} is in the line of leaders above their relative {low} "
                            f"({relation.en}); one must move",
                        ),
                    )
                )
        for worker, other in ((a, b), (b, a)):
            for post_id in placement.held(worker):
                post = placement.posts_by_id[post_id]
                areas = sorted(post.key_areas & AVOIDANCE_AREAS, key=lambda k: k.value)
                if not areas:
                    continue
                if other in placement.leadership_members or placement.leads(
                    other, post.department_id
                ):
                    names_zh = "、".join(area.zh for area in areas)
                    names_en = ", ".join(area.en for area in areas)
                    findings.append(
                        AvoidanceFinding(
                            rule_id=AVOIDANCE.id,
                            kind=AvoidanceKind.SENSITIVE_AREA,
                            staff_ids=(a, b),
                            relation=relation,
                            leader_id=other,
                            post_id=post_id,
                            message=Text(
                                f"{worker} 在岗位 {post_id} 从事{names_zh}工作，而其亲属 {other}"
                                f"（{relation.zh}）在该单位担任领导职务，应予回避",
                                f"{worker} works in {names_en} (post {post_id}) where their "
                                f"relative {other} ({relation.en}) holds a leading post; one "
                                "must move",
                            ),
                        )
                    )
    return sorted(findings, key=lambda f: f.key)


@boundary
def check_placement(
    office: Organization, placement: Placement, *, policy: DevelopmentPolicy | Policy | None = None
) -> tuple[AvoidanceFinding, ...]:
    """Every avoidance situation in a (possibly projected) ``placement`` of ``office``'s staff."""
    policy = development_view(policy)
    if not policy.enabled("DEV-T5"):
        return ()
    return tuple(_conflicts(placement, relative_pairs(office), whole_line=policy.whole_line))


@boundary
def check_avoidance(
    office: Organization, as_of: dt.date, *, policy: DevelopmentPolicy | Policy | None = None
) -> tuple[AvoidanceFinding, ...]:
    """Every avoidance situation in ``office`` on ``as_of``, sorted.

    Raises :class:`ReportingCycle` when the reports-to links go round in a circle.
    """
    policy = development_view(policy)
    placement = Placement.of(office, as_of)
    if not policy.enabled("DEV-T5"):
        return ()
    return tuple(_conflicts(placement, relative_pairs(office), whole_line=policy.whole_line))


@boundary
def check_assignment(
    office: Organization,
    *,
    staff_id: str,
    post_id: str,
    role: PostRole,
    as_of: dt.date,
    policy: DevelopmentPolicy | Policy | None = None,
) -> tuple[AvoidanceFinding, ...]:
    """The avoidance situations that giving ``staff_id`` ``post_id`` (as ``role``) would *add*.

    A new main post replaces the current one and moves the person to that post's department,
    under its leader; when the post is a leading one, the department's staff then report to
    the person. Nothing is changed: the office is read only.
    """
    policy = development_view(policy)
    office.person(staff_id)  # UnknownEntity for an unknown person
    post = office.post(post_id)
    if not isinstance(role, PostRole):
        raise InvalidValue(
            f"role must be a PostRole (main or secondary), got {role!r}",
            f"role 应为主岗或副岗，实际为 {role!r}",
            field="role",
            value=role,
        )
    before = Placement.of(office, as_of)
    after = before.copy()
    if role is PostRole.MAIN:
        apply_moves(after, {staff_id: post})
    else:
        if post_id in after.held(staff_id):
            return ()
        after.secondary[staff_id] = tuple(sorted((*after.secondary[staff_id], post_id)))
    pairs = relative_pairs(office)
    old = {f.key for f in _conflicts(before, pairs, whole_line=policy.whole_line)}
    return tuple(
        f for f in _conflicts(after, pairs, whole_line=policy.whole_line) if f.key not in old
    )


@boundary
def apply_moves(placement: Placement, moves: Mapping[str, Post]) -> None:
    """Give each mover their new main post in ``placement`` (in place) and re-point reports_to.

    A mover to a non-leading post reports to the new department's leader; staff whose leader
    left the leading post of their department report to its new holder; a mover to a leading
    post keeps their own leader.
    """
    old_leaders = placement.leaders_of()
    for staff_id in sorted(moves):
        post = moves[staff_id]
        placement.main[staff_id] = post.id
        placement.department[staff_id] = post.department_id
        placement.secondary[staff_id] = tuple(
            p for p in placement.secondary.get(staff_id, ()) if p != post.id
        )
    new_leaders = placement.leaders_of()
    replaced = {
        old_leaders[d]: new_leaders.get(d)
        for d in old_leaders
        if new_leaders.get(d) != old_leaders[d]
    }
    old_reports_to = dict(placement.reports_to)
    for staff_id, current in placement.reports_to.items():
        department = placement.department[staff_id]
        if staff_id in moves and moves[staff_id].leading:
            predecessor = old_leaders.get(department)
            if predecessor is not None and predecessor != staff_id:
                above = old_reports_to.get(predecessor)
                placement.reports_to[staff_id] = above if above != staff_id else current
        elif staff_id in moves:
            leader = new_leaders.get(department)
            if leader is not None and leader != staff_id:
                placement.reports_to[staff_id] = leader
        elif current in replaced and staff_id not in moves:
            successor = replaced[current]
            if (
                successor is not None
                and successor != staff_id
                and (old_leaders.get(department) == current)
            ):
                placement.reports_to[staff_id] = successor


def unknown_staff(office: Organization, ids: Iterable[str], what: str) -> None:
    """Raise :class:`UnknownEntity` for the first id in ``ids`` not on the staff."""
    for staff_id in sorted(ids):
        if not office.has_staff(staff_id):
            raise UnknownEntity("staff member", staff_id, hint=f"listed in {what}")
