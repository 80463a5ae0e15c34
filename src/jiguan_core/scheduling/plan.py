"""The scheduler's answer: placed activities, unplaced requests with reasons, the score."""

from __future__ import annotations

import datetime as dt
import re

import pendulum
from attrs import evolve, frozen

from jiguan_core.activity import Activity
from jiguan_core.ics import RecurringActivity
from jiguan_core.rules import Score
from jiguan_core.scheduling.recurrence import OccurrenceChange, rule_moments
from jiguan_core.scheduling.request import ActivityRequest
from jiguan_core.text import Lang, Text
from jiguan_core.time import SHANGHAI

__all__ = ["Placement", "Plan", "Unplaced"]


@frozen(kw_only=True)
class Placement:
    """A request placed: the activity made of it (id = the request's or occurrence's id)."""

    request_id: str
    priority: int
    pinned: bool
    activity: Activity


@frozen(kw_only=True)
class Unplaced:
    """A request that could not be placed, and why (a bilingual summary of the blockers)."""

    request_id: str
    title: str
    priority: int
    reason: Text


@frozen(kw_only=True)
class Plan:
    """Placed activities sorted by start, unplaced requests sorted by id, and the score.

    ``score`` (a :class:`jiguan_core.rules.Score`) counts the penalties of the violations the
    placed activities add to the calendar (zero hard, always); ``moved`` lists the placements a
    replan changed; ``pinned_conflicts`` the hard violations of pinned placements that a change
    made infeasible (they stay, unmoved); ``iterations`` the construction steps and search
    moves spent; ``occurrences`` the dates recurring requests' rules yielded that were dropped
    or moved (holidays, "the N-th working day"). With ``engine="cpsat"``: ``optimal`` says whether CP-SAT proved that no plan
    places a larger weight, ``bound`` is its upper bound on the weighted placements (both None
    for the default engine).
    """

    placed: tuple[Placement, ...]
    unplaced: tuple[Unplaced, ...]
    score: Score
    moved: tuple[str, ...] = ()
    pinned_conflicts: tuple[Text, ...] = ()
    iterations: int = 0
    occurrences: tuple[OccurrenceChange, ...] = ()
    optimal: bool | None = None
    bound: int | None = None

    @property
    def activities(self) -> tuple[Activity, ...]:
        return tuple(p.activity for p in self.placed)

    @property
    def placed_weight(self) -> int:
        """Priority-weighted number of placed requests."""
        return sum(p.priority for p in self.placed)

    @property
    def unplaced_weight(self) -> int:
        return sum(u.priority for u in self.unplaced)

    def placement(self, request_id: str) -> Placement | None:
        for placement in self.placed:
            if placement.request_id == request_id:
                return placement
        return None

    def series(self, request: ActivityRequest) -> RecurringActivity | None:
        """The placed occurrences of the recurring ``request`` as one iCalendar series: its
        RRULE from the first placed occurrence (ending at the window's end), EXDATE for every
        instant of the rule not held there (a holiday, a moved or unplaced occurrence), RDATE for
        every occurrence held elsewhere (moved to another day or time). None if nothing of it is
        placed."""
        if request.rrule is None:
            return None
        placed = sorted(
            (p.activity for p in self.placed if p.request_id.startswith(f"{request.id}@")),
            key=lambda a: (a.span.start, a.id),
        )
        if not placed:
            return None
        first = placed[0]
        starts = {a.span.start.in_timezone(SHANGHAI).naive() for a in placed}
        first_start = first.span.start.in_timezone(SHANGHAI)
        anchor = evolve(request, earliest_start=first_start)
        instants = rule_moments(anchor, request.rrule)
        rule = request.rrule
        if not re.search(r"(UNTIL|COUNT)\s*=", rule, re.IGNORECASE):
            until = request.latest_end.in_timezone("UTC")
            rule = f"{rule.rstrip(';')};UNTIL={until:%Y%m%dT%H%M%SZ}"
        return RecurringActivity(
            first=first,
            rrule=rule,
            exdates=tuple(_local(m) for m in instants if m not in starts),
            rdates=tuple(
                _local(m) for m in sorted(starts - set(instants)) if m != first_start.naive()
            ),
        )

    def render(self, lang: Lang = "zh") -> str:
        """The same text as :meth:`render_lines`, one string (lines joined by newlines)."""
        return "\n".join(self.render_lines(lang))

    def render_lines(self, lang: Lang = "zh") -> list[str]:
        """Readable lines: the placements, then the unplaced requests with reasons."""
        lines: list[str] = []
        score = self.score
        if lang == "zh":
            lines.append(
                f"已安排 {len(self.placed)} 项，未能安排 {len(self.unplaced)} 项；"
                f"得分 {score.render('zh')}"
            )
        else:
            lines.append(
                f"placed {len(self.placed)}, unplaced {len(self.unplaced)}; "
                f"score {score.render('en')}"
            )
        for placement in self.placed:
            activity = placement.activity
            room = f" [{activity.room_id}]" if activity.room_id else ""
            lines.append(f"  {activity.span}{room} {activity.title}")
        for unplaced in self.unplaced:
            head = "未安排" if lang == "zh" else "unplaced"
            lines.append(
                f"  {head} {unplaced.title} ({unplaced.request_id}): {unplaced.reason.render(lang)}"
            )
        for change in self.occurrences:
            head = "重复日期" if lang == "zh" else "recurrence"
            lines.append(f"  {head} {change.request_id}: {change.reason.render(lang)}")
        return lines


def _local(moment: dt.datetime) -> pendulum.DateTime:
    """A naive office-zone moment made aware."""
    return pendulum.datetime(
        moment.year, moment.month, moment.day, moment.hour, moment.minute, tz=SHANGHAI
    )
