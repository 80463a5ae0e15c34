"""The pictures, read back with xml.etree: every block where it belongs, clashes, gaps,
fallbacks and busy weeks flagged exactly where brute-force computations put them."""

from __future__ import annotations

import datetime as dt
import xml.etree.ElementTree as ET
from collections import Counter
from functools import cache

from jiguan_core.absence import Absence, AbsenceKind
from jiguan_core.calendar import DateRange, WorkCalendar
from jiguan_core.organization import Organization
from jiguan_core.outputs.html_writer import list_html
from jiguan_core.outputs.svg_charts import (
    CLASH,
    COVER_COLOURS,
    coverage_svg,
    leaders_week_svg,
    workload_svg,
)
from jiguan_core.rules import SchedulingPolicy
from jiguan_core.sample import sample_office
from jiguan_core.time import SHANGHAI, TimeSpan

SVG = "{http://www.w3.org/2000/svg}"
CLASH_WEEK = dt.date(2025, 2, 24)  # 曹敏 is on a field trip during the party group meeting


@cache
def office() -> Organization:
    return sample_office()


def parse(svg: str) -> ET.Element:
    root = ET.fromstring(svg.encode("utf-8"))
    assert root.tag == f"{SVG}svg"
    return root


def rects(root: ET.Element, attribute: str) -> list[dict[str, str]]:
    return [dict(r.attrib) for r in root.iter(f"{SVG}rect") if f"data-{attribute}" in r.attrib]


def test_pictures_are_self_contained() -> None:
    """No link, image, script or address other than the SVG namespace."""
    for svg in (
        leaders_week_svg(office(), CLASH_WEEK),
        coverage_svg(office(), DateRange(dt.date(2025, 4, 1), dt.date(2025, 5, 1))),
    ):
        assert "href" not in svg
        assert "<script" not in svg
        assert svg.count("http") == 1  # xmlns


class TestLeadersWeek:
    def test_each_leader_has_a_block_for_each_day_of_each_activity_attended(self) -> None:
        root = parse(leaders_week_svg(office(), CLASH_WEEK))
        drawn = Counter(
            (r["data-leader-id"], r["data-activity-id"], r["data-day"])
            for r in rects(root, "activity-id")
        )
        week = DateRange(CLASH_WEEK, CLASH_WEEK + dt.timedelta(days=7))
        expected: Counter[tuple[str, str, str]] = Counter()
        for a in office().activities:
            start_day = a.span.start.in_timezone(SHANGHAI).date()
            if start_day not in week:
                continue
            for leader in a.leaders:
                for day in a.span.dates():
                    if day in week:
                        expected[(leader, a.id, day.isoformat())] += 1
        assert drawn == expected
        assert drawn

    def test_clashes_are_red_exactly_where_a_leaders_activities_overlap(self) -> None:
        root = parse(leaders_week_svg(office(), CLASH_WEEK))
        blocks = rects(root, "activity-id")
        red = {(r["data-leader-id"], r["data-activity-id"]) for r in blocks if r["fill"] == CLASH}
        flagged = {
            (r["data-leader-id"], r["data-activity-id"])
            for r in blocks
            if r["data-clash"] == "true"
        }
        week = DateRange(CLASH_WEEK, CLASH_WEEK + dt.timedelta(days=7))
        mine = [a for a in office().activities if a.span.start.in_timezone(SHANGHAI).date() in week]
        brute = {
            (leader, a.id)
            for a in mine
            for b in mine
            if a.id != b.id
            for leader in set(a.leaders) & set(b.leaders)
            if a.span.start < b.span.end and b.span.start < a.span.end
        }
        assert red == flagged == brute
        assert brute

    def test_holidays_are_shaded_in_the_national_day_week(self) -> None:
        root = parse(leaders_week_svg(office(), dt.date(2025, 10, 8)))
        kinds = {(r["data-day"], r["data-day-kind"]) for r in rects(root, "day-kind")}
        assert ("2025-10-06", "holiday") in kinds
        assert ("2025-10-11", "swapped_working") in kinds

    def test_the_picture_is_embedded_in_the_html_list(self) -> None:
        from jiguan_core.activity_list import activity_list
        from jiguan_core.calendar import Granularity

        svg = leaders_week_svg(office(), CLASH_WEEK)
        page = list_html(activity_list(office(), Granularity.WEEK, CLASH_WEEK), pictures=[svg])
        assert page.count("<svg") == 1
        assert "<?xml" not in page


def _away(staff_id: str, day: dt.date, n: int) -> Absence:
    return Absence(
        id=f"chart-ab{n}",
        staff_id=staff_id,
        span=TimeSpan.whole_days(day, day),
        kind=AbsenceKind.ANNUAL_LEAVE,
    )


class TestCoverage:
    def test_gaps_are_red_and_fallbacks_amber_as_the_chain_says(self) -> None:
        """p-office-1 is s008 > s024 > s007: on 04-15 A and B are away (the fallback answers),
        on 04-16 all three (nobody)."""
        absences = [
            _away("s008", dt.date(2025, 4, 15), 1),
            _away("s024", dt.date(2025, 4, 15), 2),
            _away("s008", dt.date(2025, 4, 16), 3),
            _away("s024", dt.date(2025, 4, 16), 4),
            _away("s007", dt.date(2025, 4, 16), 5),
        ]
        changed = office().with_absences(absences)
        april = DateRange(dt.date(2025, 4, 1), dt.date(2025, 5, 1))
        root = parse(coverage_svg(changed, april))
        cells = {(r["data-post-id"], r["data-day"]): r for r in rects(root, "role")}
        assert cells[("p-office-1", "2025-04-15")]["data-role"] == "fallback"
        assert cells[("p-office-1", "2025-04-15")]["fill"] == COVER_COLOURS["fallback"]
        assert cells[("p-office-1", "2025-04-15")]["data-staff-id"] == "s007"
        assert cells[("p-office-1", "2025-04-16")]["fill"] == COVER_COLOURS["nobody"]
        # Brute force over every cell: the first person of the chain who is not away.
        away = _away_days(changed, april)
        working = WorkCalendar().working_days(april.start, april.end)
        assert {day for _, day in cells} == {d.isoformat() for d in working}
        for (post_id, day), cell in cells.items():
            chain = changed.ab_role(post_id).chain if changed.ab_role(post_id) else ()
            present = [s for s in chain if dt.date.fromisoformat(day) not in away.get(s, set())]
            expected = present[0] if present else ""
            assert cell["data-staff-id"] == expected, (post_id, day)


def _away_days(office: Organization, period: DateRange) -> dict[str, set[dt.date]]:
    """Independently: every day an absence or an off-site activity touches."""
    away: dict[str, set[dt.date]] = {}
    for absence in office.absences:
        away.setdefault(absence.staff_id, set()).update(absence.span.dates())
    for activity in office.activities:
        if activity.off_site:
            for person in activity.attendees:
                away.setdefault(person, set()).update(activity.span.dates())
    return {k: {d for d in v if d in period} for k, v in away.items()}


class TestWorkload:
    def test_each_cell_counts_the_persons_activities_and_away_days(self) -> None:
        root = parse(workload_svg(office(), 2025))
        cells = {(r["data-staff-id"], int(r["data-month"])): r for r in rects(root, "month")}
        counts: Counter[tuple[str, int]] = Counter()
        for a in office().activities:
            start = a.span.start.in_timezone(SHANGHAI)
            if start.year == 2025:
                for person in a.attendees:
                    counts[(person, start.month)] += 1
        assert {
            k: int(v["data-activities"]) for k, v in cells.items() if v["data-activities"] != "0"
        } == dict(counts)
        for month in (3, 9):
            first = dt.date(2025, month, 1)
            period = DateRange(first, dt.date(2025, month + 1, 1))
            away = _away_days(office(), period)
            for (person, m), cell in cells.items():
                if m == month:
                    assert int(cell["data-away-days"]) == len(away.get(person, ())), person

    def test_busy_weeks_are_those_over_the_policy_limit(self) -> None:
        """With SCHED-COORD-LOAD's limit at one a week, red weeks are those organising two or more."""
        strict = SchedulingPolicy(overrides={"SCHED-COORD-LOAD": {"max_per_week": 1}})
        root = parse(workload_svg(office(), 2025, policy=strict))
        busy = {
            (r["data-department-id"], r["data-week"])
            for r in rects(root, "busy")
            if r["data-busy"] == "true"
        }
        per_week: Counter[tuple[str, str]] = Counter()
        for a in office().activities:
            day = a.span.start.in_timezone(SHANGHAI).date()
            monday = day - dt.timedelta(days=day.weekday())
            per_week[(a.department_id, monday.isoformat())] += 1
        assert busy == {k for k, n in per_week.items() if n > 1}
        assert busy
        lenient = parse(workload_svg(office(), 2025))
        assert all(r["data-busy"] == "false" for r in rects(lenient, "busy"))


def test_an_empty_week_still_draws_a_panel_per_leader() -> None:
    root = parse(leaders_week_svg(office(), dt.date(2025, 1, 6)))
    assert rects(root, "activity-id") == []
    panels = [g for g in root.iter(f"{SVG}g") if "data-leader-id" in g.attrib]
    assert len(panels) == len(office().leadership_members)


class TestPicturesOfAList:
    def test_each_period_gets_its_pictures(self) -> None:
        """A week: leaders' week and coverage; a month: coverage; a year: workload."""
        from jiguan_core.activity_list import activity_list
        from jiguan_core.calendar import Granularity
        from jiguan_core.outputs.svg_charts import list_pictures

        def drawn(granularity: Granularity) -> list[set[str]]:
            listed = activity_list(office(), granularity, CLASH_WEEK)
            return [
                {
                    a
                    for r in parse(svg).iter(f"{SVG}rect")
                    for a in r.attrib
                    if a.startswith("data-")
                }
                for svg in list_pictures(office(), listed)
            ]

        week = drawn(Granularity.WEEK)
        assert [("data-clash" in d, "data-role" in d) for d in week] == [
            (True, False),
            (False, True),
        ]
        assert [("data-role" in d) for d in drawn(Granularity.MONTH)] == [True]
        assert [("data-away-days" in d) for d in drawn(Granularity.YEAR)] == [True]
