"""The scheduler reports progress through a callback and plans the same with or without it."""

from __future__ import annotations

from jiguan_core.cli import sample_workspace
from jiguan_core.scheduling import schedule


class TestProgress:
    def test_progress_counts_every_request_tried_up_to_the_total(self) -> None:
        """``progress(done, total)`` runs 1..total with a constant total."""
        ws = sample_workspace()
        assert ws.plan is not None
        calls: list[tuple[int, int]] = []
        schedule(ws.office, ws.plan.requests, progress=lambda d, t: calls.append((d, t)))
        totals = {total for _, total in calls}
        assert len(totals) == 1
        assert [done for done, _ in calls] == list(range(1, totals.pop() + 1))

    def test_watching_progress_does_not_change_the_plan(self) -> None:
        """The same plan with and without a callback."""
        ws = sample_workspace()
        assert ws.plan is not None
        quiet = schedule(ws.office, ws.plan.requests)
        watched = schedule(ws.office, ws.plan.requests, progress=lambda d, t: None)
        assert watched == quiet
