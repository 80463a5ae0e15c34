"""A verifier per rule, in the manner of Timefold's ``ConstraintVerifier``.

``verify(rule_id).given(...).finds(n)`` runs *one* rule of the catalogue on the facts given, the
way the library itself decides it, and checks how many findings it makes::

    verify("SCHED-COORD-PERSON").given(office, activities=[a, b]).finds(1)
    verify("A6").given({"staff_id": "p01", "year": 2025, "warning_in_year": 1}).finds(1)
    verify("DEV-T5").given(office, as_of).finds_nothing()

What ``given`` takes depends on how the rule is decided:

- a scheduling rule: an office and, optionally, ``activities``, ``absences``, ``calendar``
  (run through :func:`jiguan_core.rules.check`, on the engine chosen);
- a grading rule (A1-A7, R4): the arguments of :func:`jiguan_core.assessment.assess_year`; each
  person whose outcome the rule decided is a finding (A2: capped at or tied on the quota line);
- a consequence rule (A8-A14, S2, S4, W2): a person's annual history and the arguments of
  :func:`jiguan_core.assessment.consequences`; each consequence of the rule is a finding;
- any rule with single-fact patterns, through :meth:`RuleVerifier.given_facts`: flat facts (for
  the person-year rules, those of :func:`jiguan_core.assessment.person_year_facts`) run through
  the pattern engine chosen, the pure-Python one or durable_rules;
- a rule computed by a function: the arguments of that function (``rule(id).computed_by``), and
  each result the function gives that the rule decided is a finding (a person graded by A1, a
  place capped by A2, a period merged by S3, a post's gap in cover ...);
- a rule that refuses what breaks it (WORK-D1 to D4, A15's publicity window, W1's kinds,
  PROPOSAL-P1's order of stages, PROPOSAL-P1-KEY's supervising leader): a zero-argument
  callable; the refusal naming the rule is the finding.

The office-work areas (REGULATIONS §10-§12), each finding one thing the rule decides:

- LEAVE-L1 ``given(*years)``: each count of years of work that earns annual leave (part: the
  band); LEAVE-L2 ``given(first, last, calendar)``: each half day that counts as leave;
  LEAVE-L3 ``given(years, absences, year, calendar)``: the year excluded from annual leave;
  LEAVE-L4 ``given(staff, year, **leave_balance)``: a carry-over the rule refuses; LEAVE-L5
  ``given(requester, half_days)``: each approver above the department head the leave goes to
  (part: the role);
- DUTY-Y1, -REST, -FAIR ``given(office, period, **duty_roster)``: each roster issue of the
  rule (a day short, an unavoidable second day running, a spread no evener);
- PROPOSAL-P2 ``given(proposals, as_of=, calendar=)``: each proposal past its stage deadline;
- PLAN-ARTICLE-PLAN ``given(plan, as_of=, calendar=)``: each milestone late on ``as_of``, or
  ``given(callable)``: each problem naming the rule in the plan it refuses;
  PLAN-ARTICLE-PLAN-REPORT ``given(plan, half, calendar=)``: each milestone the half-year
  report raises (late, or due soon); PLAN-ARTICLE-COORD ``given(plan, office, calendar=)``:
  each field trip the scheduler could not place.

Every runner passes the policy through: its overrides to the deciding function and its levels
to the findings.

The verifier belongs to tests (the library's and an application's own): a failed expectation
raises :class:`VerificationFailed`, an ``AssertionError``, listing what was found.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Mapping
from typing import Any, Literal

from attrs import frozen

from jiguan_core.errors import JiguanError, VerificationFailed
from jiguan_core.finding import Finding
from jiguan_core.policy import Policy
from jiguan_core.rule import Rule, RuleArea
from jiguan_core.text import Text

__all__ = ["RuleVerifier", "Verification", "VerificationFailed", "runs_with", "verify"]

Engine = Literal["python", "durable"]
_Runner = Callable[..., Iterable[Finding]]


@frozen
class Verification:
    """What one rule found on the facts given."""

    rule: Rule
    findings: tuple[Finding, ...]

    def finds(self, expected: int) -> Verification:
        """Expect exactly ``expected`` findings of the rule."""
        if len(self.findings) != expected:
            shown = "\n".join(f"  {f.render('en')}" for f in self.findings) or "  (nothing)"
            raise VerificationFailed(
                f"rule {self.rule.id} was expected to find {expected}, "
                f"found {len(self.findings)}:\n{shown}",
                f"规则 {self.rule.id} 预期发现 {expected} 项，实际 {len(self.findings)} 项：\n{shown}",
            )
        return self

    def finds_nothing(self) -> Verification:
        """Expect no finding of the rule."""
        return self.finds(0)

    def about(self, kind: str, *ids: str) -> Verification:
        """Expect every finding to name these subjects of ``kind`` (``"staff"``, ...)."""
        for finding in self.findings:
            missing = set(ids) - set(finding.ids(kind))
            if missing:
                raise VerificationFailed(
                    f"rule {self.rule.id}: {finding.render('en')} does not name {kind} "
                    f"{sorted(missing)}",
                    f"规则 {self.rule.id}：{finding.render('zh')} 未提及 {sorted(missing)}",
                )
        return self


class RuleVerifier:
    """Runs one rule on the facts given; see the module docstring."""

    def __init__(self, rule_id: str, *, policy: Policy | None = None, engine: Engine = "python"):
        from jiguan_core.catalogue import rule

        self.rule = rule(rule_id)
        self.policy = policy if policy is not None else Policy()
        self.engine: Engine = engine

    def given(self, *args: Any, **kwargs: Any) -> Verification:
        runner = _runner_of(self.rule)
        found = runner(self, *args, **kwargs)
        return Verification(self.rule, tuple(f for f in found if f.rule_id == self.rule.id))

    def given_facts(self, *facts: Mapping[str, int | str]) -> Verification:
        """The rule's own single-fact patterns on flat facts, through the engine chosen: a
        finding per matching fact (for the person-year rules, the facts of
        :func:`jiguan_core.assessment.person_year_facts`)."""
        return Verification(self.rule, tuple(_person_year(self, *facts)))


def verify(
    rule_id: str, *, policy: Policy | None = None, engine: Engine = "python"
) -> RuleVerifier:
    """A verifier of the catalogue rule ``rule_id`` (a former id finds it too)."""
    return RuleVerifier(rule_id, policy=policy, engine=engine)


# The runners: how each kind of rule is decided. -----------------------------------------------


def _scheduling(v: RuleVerifier, office: Any, **kwargs: Any) -> Iterable[Finding]:
    from jiguan_core.rules import check

    return check(office, policy=v.policy, engine=v.engine, **kwargs).findings


def _person_year(v: RuleVerifier, *facts: Mapping[str, int | str]) -> Iterable[Finding]:
    """Person-year facts through the pattern engine chosen; a finding per matching fact."""
    from jiguan_core.assessment.evaluate import PatternIndex
    from jiguan_core.patterns import SingleFact

    patterns = [p for p in v.rule.patterns if isinstance(p, SingleFact)]
    if v.engine == "durable":
        from jiguan_core.rules.durable_engine import run_single_fact_patterns

        hits = {index for _, index in run_single_fact_patterns(facts, patterns)}
    else:
        index = PatternIndex(patterns)
        hits = {i for i, fact in enumerate(facts) if index.fired(fact)}
    found = []
    for i in sorted(hits):
        fact = facts[i]
        staff = str(fact.get("staff_id", f"fact{i}"))
        year = fact.get("year")
        found.append(
            Finding.of(
                v.rule.id,
                level=v.policy.level(v.rule.id),
                subjects={"staff": (staff,)},
                dates=(dt.date(year, 12, 31),) if isinstance(year, int) else (),
                message=Text(
                    f"{staff} 符合规则 {v.rule.id}：{v.rule.statement.zh}",
                    f"{staff} meets rule {v.rule.id}: {v.rule.statement.en}",
                ),
            )
        )
    return found


def _refusal(v: RuleVerifier, action: Callable[[], object]) -> Iterable[Finding]:
    """A zero-argument callable: the rule's refusal of it is the finding."""
    try:
        action()
    except JiguanError as error:
        named = getattr(error, "rule_id", "") or ""
        field = str(getattr(error, "field", "") or "")
        if named == v.rule.id or v.rule.id in str(error) or field.startswith(v.rule.id):
            return [_finding(v, Text(error.render("zh"), error.render("en")))]
        raise
    return []


def _finding(
    v: RuleVerifier,
    message: Text,
    *,
    part: str = "",
    subjects: Mapping[str, Iterable[str]] | None = None,
    dates: Iterable[dt.date] = (),
) -> Finding:
    return Finding.of(
        v.rule.id,
        part=part,
        level=v.policy.level(v.rule.id),
        subjects=subjects,
        dates=dates,
        message=message,
    )


def _decided(v: RuleVerifier, outcomes: Iterable[Any], quota_rule: str) -> list[Finding]:
    """The outcomes (annual or quarterly) the rule decided; for the quota rule (A2, R3), those
    the quota capped or left tied on its line."""
    found = []
    for outcome in outcomes:
        if v.rule.id == quota_rule:
            decided = outcome.capped or outcome.tied
        else:
            decided = v.rule.id in outcome.rules
        if decided:
            year_end = dt.date(outcome.year, 12, 31)
            found.append(
                _finding(
                    v,
                    Text(
                        f"{outcome.staff_id} 由 {v.rule.id} 定等",
                        f"{outcome.staff_id} decided by {v.rule.id}",
                    ),
                    subjects={"staff": (outcome.staff_id,)},
                    dates=(year_end,),
                )
            )
    return found


def _annual(v: RuleVerifier, *args: Any, **kwargs: Any) -> Iterable[Finding]:
    """A1-A7, R4: the people whose outcome the rule decided (A2: capped at or tied on the
    quota line)."""
    from jiguan_core.assessment import AnnualPolicy, assess_year

    kwargs.setdefault("policy", AnnualPolicy.from_policy(v.policy))
    return _decided(v, assess_year(*args, **kwargs).outcomes, "A2")


def _quarter(v: RuleVerifier, *args: Any, **kwargs: Any) -> Iterable[Finding]:
    """R2, R3: the people graded by R2's thresholds, or whose 好 the R3 share capped."""
    from jiguan_core.assessment import RoutinePolicy, assess_quarter

    kwargs.setdefault("policy", RoutinePolicy.from_policy(v.policy))
    return _decided(v, assess_quarter(*args, **kwargs).outcomes, "R3")


def _sanction_periods(v: RuleVerifier, sanctions: Iterable[Any]) -> Iterable[Finding]:
    """S1: one finding per sanction period; S3: per period that carries time from another."""
    from jiguan_core.assessment import sanction_periods

    found = []
    for period in sanction_periods(sanctions):
        if v.rule.id == "S3" and period.carried_days == 0:
            continue
        found.append(
            _finding(
                v,
                Text(
                    f"{period.staff_id} {period.kind.zh} {period.start}–{period.end}",
                    f"{period.staff_id} {period.kind.en} {period.start} to {period.end}",
                ),
                subjects={"staff": (period.staff_id,)},
                dates=(period.start, period.end),
            )
        )
    return found


def _consequences(v: RuleVerifier, history: Iterable[Any], **kwargs: Any) -> Iterable[Finding]:
    """Consequence rules given a person's annual history (and sanction periods ...)."""
    from jiguan_core.assessment import consequences

    return [c.to_finding() for c in consequences(history, policy=v.policy, **kwargs)]


def _rotation_status(
    v: RuleVerifier, office: Any, as_of: dt.date, **kwargs: Any
) -> Iterable[Finding]:
    """DEV-T1: people due; DEV-T2: people exempt (probation, investigation); DEV-T3: people
    not moved because their last rotation is too recent (their patterns run on the verifier's
    engine)."""
    from jiguan_core.development import rotation_status
    from jiguan_core.development.rotation import RotationStatus

    wanted = {
        "DEV-T1": {RotationStatus.DUE},
        "DEV-T2": {RotationStatus.PROBATION, RotationStatus.UNDER_INVESTIGATION},
        "DEV-T3": {RotationStatus.TOO_SOON},
    }[v.rule.id]
    return [
        _finding(
            v,
            c.reason,
            part=c.status.value,
            subjects={"staff": (c.staff_id,), "post": (c.post_id,)},
            dates=(c.due_on,),
        )
        for c in rotation_status(office, as_of, policy=v.policy, engine=v.engine, **kwargs)
        if c.status in wanted
    ]


def _handover(v: RuleVerifier, effective_on: dt.date, **kwargs: Any) -> Iterable[Finding]:
    """DEV-T4: the handover deadline of a rotation effective on the day given."""
    from jiguan_core.development import handover_deadline

    due = handover_deadline(effective_on, policy=v.policy, **kwargs)
    return [_finding(v, Text(f"交接期限 {due}", f"hand over by {due}"), dates=(due,))]


def _plan(v: RuleVerifier, office: Any, **kwargs: Any) -> Iterable[Finding]:
    """DEV-PLAN: one finding per planned move."""
    from jiguan_core.development import plan_rotation

    plan = plan_rotation(office, policy=v.policy, **kwargs)
    return [
        _finding(v, Text(m.render("zh"), m.render("en")), subjects={"staff": (m.staff_id,)})
        for m in plan.moves
    ]


def _development_findings(check: str) -> _Runner:
    def run(v: RuleVerifier, *args: Any, **kwargs: Any) -> Iterable[Finding]:
        from jiguan_core import development

        found = getattr(development, check)(*args, policy=v.policy, **kwargs)
        return [f.to_finding(v.policy.level(f.rule_id)) for f in found]

    return run


def _coverage(v: RuleVerifier, office: Any, period: Any, **kwargs: Any) -> Iterable[Finding]:
    """DEV-COVER: one finding per key post and working day with nobody responsible."""
    from jiguan_core.development import coverage

    report = coverage(office, period, **kwargs)
    return [
        _finding(
            v,
            Text(f"{post} 在 {day} 无人负责", f"nobody answers for {post} on {day}"),
            subjects={"post": (post,)},
            dates=(day,),
        )
        for post, day in report.gaps
    ]


def _late(v: RuleVerifier, **kwargs: Any) -> Iterable[Finding]:
    """WORK-D5, WORK-MEETINGS, WORK-TASKS: the late items of that kind (their patterns run on
    the verifier's engine)."""
    from jiguan_core.work import late_items

    kwargs.setdefault("engine", v.engine)
    return [item.to_finding(v.policy.level(v.rule.id)) for item in late_items(**kwargs)]


def _first_topic(v: RuleVerifier, records: Any, instructions: Any) -> Iterable[Finding]:
    from jiguan_core.work import first_topic_findings

    overrides = v.policy.overrides.get(v.rule.id)
    return [f.to_finding() for f in first_topic_findings(records, instructions, overrides)]


def _award_kinds(v: RuleVerifier, *kinds: str) -> Iterable[Finding]:
    """W1: a finding per award named that is not one of the kinds the law knows."""
    from jiguan_core.assessment.records import AwardKind

    found = []
    for kind in kinds:
        try:
            AwardKind.parse(kind)
        except JiguanError as error:
            found.append(_finding(v, Text(error.render("zh"), error.render("en")), part=kind))
    return found


def _yu(v: RuleVerifier, *values: int) -> Iterable[Finding]:
    """WORK-YU: a finding per figure shown rounded ("N余") rather than exactly."""
    from jiguan_core.work.statistics import yu_round

    parameters = v.policy.parameters(v.rule.id)
    found = []
    for value in values:
        shown, approximate = yu_round(
            value,
            significant_digits=int(parameters["significant_digits"]),
            exact_below=int(parameters["exact_below"]),
        )
        if approximate:
            found.append(
                _finding(v, Text(f"{value} 写作 {shown}余", f"{value} shown as over {shown}"))
            )
    return found


def _entitlement(v: RuleVerifier, *years: int) -> Iterable[Finding]:
    """LEAVE-L1: a finding per number of years of work that earns annual leave, its band the
    part (``first_band``, ``second_band``, ``third_band``); under ``min_years`` nothing."""
    from jiguan_core.leave import annual_entitlement

    parameters = v.policy.parameters(v.rule.id)
    found = []
    for count in years:
        days = annual_entitlement(count, policy=v.policy)
        if not days:
            continue
        band = (
            "third_band"
            if count >= int(parameters["third_band_from"])
            else "second_band"
            if count >= int(parameters["second_band_from"])
            else "first_band"
        )
        found.append(
            _finding(
                v,
                Text(f"工龄{count}年，年休假{days}天", f"{count} years of work: {days} days"),
                part=band,
            )
        )
    return found


def _half_days(v: RuleVerifier, first: Any, last: Any, calendar: Any) -> Iterable[Finding]:
    """LEAVE-L2: a finding per half day of ``first`` .. ``last`` that counts as leave (a
    working half day on the 调休 calendar), each counted by the library's own
    :func:`~jiguan_core.leave.working_half_days`."""
    from jiguan_core.leave import slot_range, working_half_days

    return [
        _finding(
            v, Text(f"{slot.render('zh')} 计假", f"{slot.render('en')} counts"), dates=(slot.day,)
        )
        for slot in slot_range(first, last)
        if working_half_days(slot, slot, calendar)
    ]


def _excluded_year(
    v: RuleVerifier, years: int, absences: Iterable[Any], year: int, calendar: Any
) -> Iterable[Finding]:
    """LEAVE-L3: the year excluded from annual leave after long personal or sick leave."""
    from jiguan_core.leave import exclusion

    why = exclusion(years, absences, year, calendar, policy=v.policy)
    return [] if why is None else [_finding(v, why, dates=(dt.date(year, 12, 31),))]


def _carry_over(v: RuleVerifier, staff: Any, year: int, **kwargs: Any) -> Iterable[Finding]:
    """LEAVE-L4: a carry-over into ``year`` the rule refuses (``carry_over_years`` = 0)."""
    from jiguan_core.leave import leave_balance

    if "overrides" not in kwargs:
        kwargs.setdefault("policy", v.policy)
    try:
        leave_balance(staff, year, **kwargs)
    except JiguanError as error:
        if getattr(error, "field", None) != "carried_over":
            raise
        found = Text(error.render("zh"), error.render("en"))
        return [_finding(v, found, subjects={"staff": (staff.id,)}, dates=(dt.date(year, 1, 1),))]
    return []


def _approvers(v: RuleVerifier, requester: Any, half_days: int) -> Iterable[Finding]:
    """LEAVE-L5: a finding per approver the leave goes up to beyond its department head (the
    secretary-general, the chair), the role the part; a leave the department head approves
    alone finds nothing."""
    from jiguan_core.leave import ApproverRole, approval_chain

    chain = approval_chain(requester, half_days, policy=v.policy)
    return [
        _finding(
            v,
            Text(
                f"{requester.id} 的请假报{role.zh}审批",
                f"{requester.id}'s leave goes to the {role.en}",
            ),
            part=role.value,
            subjects={"staff": (requester.id,)},
        )
        for role in chain
        if role is not ApproverRole.DEPARTMENT_HEAD
    ]


def _roster(v: RuleVerifier, office: Any, period: Any, **kwargs: Any) -> Iterable[Finding]:
    """DUTY-Y1, -REST, -FAIR: a finding per roster issue of the rule (a day short of people, an
    unavoidable second day running, a spread no evener)."""
    from jiguan_core.duty import duty_roster

    if "overrides" not in kwargs:
        kwargs.setdefault("policy", v.policy)
    roster = duty_roster(office, period, **kwargs)
    return [
        _finding(
            v,
            issue.message,
            part=issue.group.value,
            subjects={"staff": (issue.staff_id,)} if issue.staff_id else None,
            dates=(issue.day,) if issue.day else (),
        )
        for issue in roster.issues
        if issue.rule_id == v.rule.id
    ]


def _late_proposals(v: RuleVerifier, proposals: Iterable[Any], **kwargs: Any) -> Iterable[Finding]:
    """PROPOSAL-P2: a finding per proposal past its stage deadline (the deadlines are fixed at
    submission, by :func:`~jiguan_core.proposals.submit_proposal`'s ``overrides``)."""
    from jiguan_core.proposals import proposal_late_items

    kwargs.setdefault("policy", v.policy)
    return [
        i.to_finding(v.policy.level(v.rule.id)) for i in proposal_late_items(proposals, **kwargs)
    ]


def _late_milestones(v: RuleVerifier, plan: Any, **kwargs: Any) -> Iterable[Finding]:
    """PLAN-ARTICLE-PLAN: given a plan, a finding per milestone late on ``as_of`` (done after
    its target, or open past it); given a zero-argument callable, the plan it refuses, a
    finding per problem naming the rule (an item without milestones, a target outside the
    year)."""
    from jiguan_core.errors import InvalidInput
    from jiguan_core.workplan import plan_progress

    if callable(plan):
        try:
            plan()
        except InvalidInput as error:
            named = [p for p in error.problems if v.rule.id in p.render("en")]
            if not named:
                raise
            return [_finding(v, Text(p.render("zh"), p.render("en")), part=p.path) for p in named]
        return []
    if "overrides" not in kwargs:
        kwargs.setdefault("policy", v.policy)
    return [
        _finding(
            v,
            Text(m.render("zh"), m.render("en")),
            subjects={"milestone": (m.id,)},
            dates=(m.target,),
        )
        for department in plan_progress(plan, **kwargs)
        for m in department.late
    ]


def _half_year(v: RuleVerifier, plan: Any, half: int, **kwargs: Any) -> Iterable[Finding]:
    """PLAN-ARTICLE-PLAN-REPORT: a finding per milestone the half-year report to the standing
    committee must raise, late (part ``late``) or due within ``due_soon_days`` working days of
    the half's end (part ``due_soon``), dated the day the report is due."""
    from jiguan_core.workplan import half_year_report

    if "overrides" not in kwargs:
        kwargs.setdefault("policy", v.policy)
    report = half_year_report(plan, half, **kwargs)
    return [
        _finding(
            v,
            Text(
                f"{m.render('zh')}（{report.due}前汇报）",
                f"{m.render('en')} (report by {report.due})",
            ),
            part=part,
            subjects={"milestone": (m.id,), "department": (department.department_id,)},
            dates=(report.due,),
        )
        for department in report.departments
        for item in department.items
        for part, milestones in (("late", item.late), ("due_soon", item.due_soon))
        for m in milestones
    ]


def _unplaced_trips(v: RuleVerifier, plan: Any, office: Any, **kwargs: Any) -> Iterable[Finding]:
    """PLAN-ARTICLE-COORD: a finding per field trip of the plan the scheduler could not place
    (the policy's levels and overrides apply; ``never_pile_up`` makes SCHED-COORD-TRIPS hard)."""
    from jiguan_core.workplan import plan_field_trips

    placed = plan_field_trips(plan, office, policy=v.policy, **kwargs)
    return [_finding(v, u.reason, subjects={"request": (u.request_id,)}) for u in placed.unplaced]


_BY_ID: Mapping[str, _Runner] = {
    "A1": _annual,
    "A2": _annual,
    "A3": _annual,
    "A4": _annual,
    "A5": _annual,
    "A6": _annual,
    "A7": _annual,
    "R4": _annual,
    "R2": _quarter,
    "R3": _quarter,
    "S1": _sanction_periods,
    "S3": _sanction_periods,
    "A15": _refusal,
    "R1": _refusal,
    "W1": _award_kinds,
    "DEV-T1": _rotation_status,
    "DEV-T2": _rotation_status,
    "DEV-T3": _rotation_status,
    "DEV-T4": _handover,
    "DEV-PLAN": _plan,
    "DEV-T5": _development_findings("check_avoidance"),
    "DEV-SECONDARY": _development_findings("validate_secondary"),
    "DEV-AB": _development_findings("validate_ab_roles"),
    "DEV-COVER": _coverage,
    "WORK-D1": _refusal,
    "WORK-D2": _refusal,
    "WORK-D3": _refusal,
    "WORK-D4": _refusal,
    "WORK-D5": _late,
    "WORK-MEETINGS": _late,
    "WORK-TASKS": _late,
    "WORK-FIRST-TOPIC": _first_topic,
    "WORK-YU": _yu,
    "LEAVE-L1": _entitlement,
    "LEAVE-L2": _half_days,
    "LEAVE-L3": _excluded_year,
    "LEAVE-L4": _carry_over,
    "LEAVE-L5": _approvers,
    "DUTY-Y1": _roster,
    "DUTY-Y1-REST": _roster,
    "DUTY-Y1-FAIR": _roster,
    "PROPOSAL-P1": _refusal,
    "PROPOSAL-P1-KEY": _refusal,
    "PROPOSAL-P2": _late_proposals,
    "PLAN-ARTICLE-PLAN": _late_milestones,
    "PLAN-ARTICLE-PLAN-REPORT": _half_year,
    "PLAN-ARTICLE-COORD": _unplaced_trips,
}


def _runner_of(rule: Rule) -> _Runner:
    found = _BY_ID.get(rule.id)
    if found is not None:
        return found
    if rule.area is RuleArea.SCHEDULING:
        return _scheduling
    if rule.area is RuleArea.ASSESSMENT and rule.patterns:
        return _consequences
    return _refusal


def runs_with(rule_id: str) -> str:
    """How the verifier runs a rule (the runner's name), for docs and the catalogue tests."""
    from jiguan_core.catalogue import rule

    return _runner_of(rule(rule_id)).__name__.lstrip("_")
