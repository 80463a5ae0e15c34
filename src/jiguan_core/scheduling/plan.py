"""The scheduler's answer: placed activities, unplaced requests with reasons, the score."""

from __future__ import annotations

from attrs import frozen

from jiguan_core.activity import Activity
from jiguan_core.rules import Score
from jiguan_core.text import Lang, Text

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
    made infeasible (they stay, unmoved); ``iterations`` the checker calls and moves spent.
    """

    placed: tuple[Placement, ...]
    unplaced: tuple[Unplaced, ...]
    score: Score
    moved: tuple[str, ...] = ()
    pinned_conflicts: tuple[Text, ...] = ()
    iterations: int = 0

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

    def render(self, lang: Lang = "zh") -> list[str]:
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
        return lines
