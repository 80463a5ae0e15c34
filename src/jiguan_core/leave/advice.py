"""Approval advice for a leave: what approving it would cause, from what the library knows.

Three checks, none of which changes anything: A/B coverage of every key post and the
scheduling rules through :func:`jiguan_core.development.assess_leave` (DEV coverage gaps, SCHED-DEV-AB
A and B away together, SCHED-LEADERS-MEETINGS fewer leadership members on duty than ``min_on_duty``); the
requester's own scheduled activities inside the leave; and, for annual leave, the days left
(LEAVE-L1 to L4). The advice is advice: the approver decides.
"""

from __future__ import annotations

from attrs import frozen

from jiguan_core._validation import boundary
from jiguan_core.absence import Absence
from jiguan_core.calendar import WorkCalendar
from jiguan_core.catalogue.leave import ANNUAL_LEAVE_ENTITLEMENT
from jiguan_core.development.coverage import assess_leave
from jiguan_core.leave.entitlement import LeaveBalance
from jiguan_core.leave.halfday import slots_span
from jiguan_core.leave.request import LeaveKind, LeaveRequest
from jiguan_core.organization import Organization
from jiguan_core.policy import Policy, effective_policy
from jiguan_core.text import Lang, Text

__all__ = ["LeaveAdvice", "advise_leave"]


@frozen(kw_only=True)
class LeaveAdvice:
    """``approvable`` is False when a key post would have nobody, a hard scheduling rule would
    break, the requester has activities in the leave, or annual leave would exceed what is
    left; ``reasons`` say each thing found, in order."""

    request_id: str
    approvable: bool
    new_gaps: tuple[tuple[str, object], ...]
    activities: tuple[str, ...]
    rule_ids: tuple[str, ...]
    reasons: tuple[Text, ...]

    def render(self, lang: Lang = "zh") -> str:
        """The same text as :meth:`render_lines`, one string (lines joined by newlines)."""
        return "\n".join(self.render_lines(lang))

    def render_lines(self, lang: Lang = "zh") -> list[str]:
        head = (
            ("建议批准" if self.approvable else "建议暂缓或调整")
            if lang == "zh"
            else ("can be approved" if self.approvable else "hold or adjust")
        )
        return [f"{self.request_id}: {head}", *(f"  {r.render(lang)}" for r in self.reasons)]


@boundary
def advise_leave(
    request: LeaveRequest,
    office: Organization,
    *,
    calendar: WorkCalendar,
    balance: LeaveBalance | None = None,
    policy: Policy | None = None,
) -> LeaveAdvice:
    """Advice on ``request`` against ``office`` (its absences, activities and AB roles), under
    ``policy``: a rule it switches off raises nothing (DEV-COVER: no gap; LEAVE-L1: annual
    leave beyond what is left is not flagged; the balance's own exclusion is LEAVE-L3's)."""
    chosen = effective_policy(policy, where="advise_leave")
    absence = Absence(
        id=request.id,
        staff_id=request.staff_id,
        span=slots_span(request.first, request.last),
        kind=request.kind.absence_kind,
        note=request.reason,
    )
    others = (
        office.without_absence(request.id)
        if any(a.id == request.id for a in office.absences)
        else office
    )
    assessment = assess_leave(others, absence, calendar=calendar, policy=chosen)
    reasons: list[Text] = list(assessment.reasons)
    clashing = tuple(
        a.id
        for a in office.activities
        if request.staff_id in a.attendees and a.span.overlaps(absence.span)
    )
    for activity_id in clashing:
        activity = office.activity(activity_id)
        reasons.append(
            Text(
                f"请假期间本人有安排：{activity.title}（{activity.span}）",
                f"the requester is scheduled for {activity.title} ({activity.span})",
            )
        )
    over = False
    if request.kind is LeaveKind.ANNUAL and balance is not None:
        if balance.excluded is not None:
            over = True
            reasons.append(balance.excluded)
        elif request.days > balance.left and chosen.enabled(ANNUAL_LEAVE_ENTITLEMENT.id):
            over = True
            reasons.append(
                Text(
                    f"年休假剩余{balance.left:g}天，不足所请{request.days:g}天（LEAVE-L1）",
                    f"{balance.left:g} day(s) of annual leave left, fewer than the "
                    f"{request.days:g} asked (LEAVE-L1)",
                )
            )
    return LeaveAdvice(
        request_id=request.id,
        approvable=assessment.approvable and not clashing and not over,
        new_gaps=tuple(assessment.new_gaps),
        activities=clashing,
        rule_ids=tuple(sorted({v.rule_id for v in assessment.scheduling})),
        reasons=tuple(reasons),
    )
