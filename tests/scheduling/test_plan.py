"""The plan a scheduler returns: lookups, weights, the iCalendar series and its text."""

from __future__ import annotations

import datetime as dt

from jiguan_core.examples.office import sample_office
from jiguan_core.scheduling import ActivityRequest, NonWorkingDay, schedule
from tests.strategies_scheduling import at, meeting


def _weekly(**changes: object) -> ActivityRequest:
    """Every Monday of 22 September - 20 October 2025 (6 October is National Day)."""
    values: dict[str, object] = {
        "earliest_start": at(9, 22),
        "latest_end": at(10, 20, 17, 30),
        "participants": ("s040",),
        "rrule": "FREQ=WEEKLY;BYDAY=MO",
    }
    values.update(changes)
    return meeting("weekly", **values)


class TestLookups:
    def test_a_placement_is_found_by_its_request_id_and_an_unknown_id_finds_none(self) -> None:
        plan = schedule(sample_office(), (meeting("m1"),))
        found = plan.placement("m1")
        assert found is not None
        assert found.request_id == "m1"
        assert plan.placement("nobody") is None

    def test_the_unplaced_weight_sums_the_priorities_of_what_did_not_fit(self) -> None:
        window = {"earliest_start": at(4, 8, 8, 30), "latest_end": at(4, 8, 9, 30)}
        requests = (
            meeting("heavy", rooms=("r-2",), priority=3, **window),
            meeting("light", rooms=("r-2",), participants=("s041",), priority=2, **window),
        )
        plan = schedule(sample_office(), requests)
        assert [p.request_id for p in plan.placed] == ["heavy"]
        assert (plan.placed_weight, plan.unplaced_weight) == (3, 2)


class TestSeries:
    def test_a_one_off_request_has_no_series(self) -> None:
        request = meeting("m1")
        assert schedule(sample_office(), (request,)).series(request) is None

    def test_a_recurring_request_of_which_nothing_is_placed_has_no_series(self) -> None:
        request = _weekly(weekdays=frozenset({5}))  # Mondays asked, Saturdays allowed
        plan = schedule(sample_office(), (request,))
        assert not plan.placed
        assert plan.series(request) is None

    def test_a_rule_with_its_own_count_keeps_it_instead_of_an_until(self) -> None:
        request = _weekly(rrule="FREQ=WEEKLY;BYDAY=MO;COUNT=2")
        plan = schedule(sample_office(), (request,))
        series = plan.series(request)
        assert series is not None
        assert series.rrule == "FREQ=WEEKLY;BYDAY=MO;COUNT=2"
        assert "UNTIL" not in series.rrule

    def test_a_rule_without_an_end_ends_at_the_window(self) -> None:
        request = _weekly()
        series = schedule(sample_office(), (request,)).series(request)
        assert series is not None
        assert series.rrule.startswith("FREQ=WEEKLY;BYDAY=MO;UNTIL=20251020T")


class TestText:
    def test_the_text_lists_placements_unplaced_requests_and_moved_dates_in_both_languages(
        self,
    ) -> None:
        request = _weekly(on_non_working=NonWorkingDay.NEXT_WORKING_DAY)
        blocked = meeting(
            "blocked",
            earliest_start=at(4, 8, 8, 30),
            latest_end=at(4, 8, 9, 30),
            weekdays=frozenset({6}),  # a Sunday-only window on a Tuesday: no time at all
        )
        plan = schedule(sample_office(), (request, blocked))
        assert plan.occurrences  # 6 October (National Day) moved
        zh = plan.render("zh").splitlines()
        en = plan.render("en").splitlines()
        assert zh == plan.render_lines("zh")
        assert zh[0].startswith(f"已安排 {len(plan.placed)} 项")
        assert en[0].startswith(f"placed {len(plan.placed)}, unplaced 1")
        assert any(line.startswith("  未安排 ") and "(blocked)" in line for line in zh)
        assert any(line.startswith("  unplaced ") and "(blocked)" in line for line in en)
        assert any(line.startswith("  重复日期 weekly") for line in zh)
        assert any(line.startswith("  recurrence weekly") for line in en)
        assert sum(1 for line in en if "[r-" in line) == len(plan.placed)
        assert dt.date(2025, 10, 9) in {p.activity.span.start.date() for p in plan.placed}
