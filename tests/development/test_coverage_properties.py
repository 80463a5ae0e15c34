"""Coverage against a brute-force day-by-day oracle."""

from __future__ import annotations

import datetime as dt
import random

import pendulum
from hypothesis import given
from hypothesis import strategies as st

from jiguan_core.absence import Absence
from jiguan_core.activity import Activity
from jiguan_core.calendar import DateRange, WorkCalendar
from jiguan_core.development import coverage
from jiguan_core.organization import Organization
from jiguan_core.post import PostRole
from jiguan_core.time import SHANGHAI, TimeSpan
from tests.strategies_development import PERIOD_START, away_events, offices

PERIOD = DateRange(PERIOD_START, PERIOD_START + dt.timedelta(days=40))
CALENDAR = WorkCalendar()


def _oracle(
    office: Organization, absences: list[Absence], activities: list[Activity]
) -> list[tuple[str, dt.date]]:
    """Every working day, every key post, walk the chain and scan every event."""
    gaps = []
    for post in sorted(office.key_posts, key=lambda p: p.id):
        role = office.ab_role(post.id)
        if role is not None:
            chain = role.chain
        else:
            chain = tuple(
                sorted(
                    a.staff_id
                    for a in office.holders_of(post.id)
                    if a.role is PostRole.MAIN and a.active_on(PERIOD.start)
                )
            )
        for day in PERIOD:
            if not CALENDAR.is_working_day(day):
                continue
            start = pendulum.datetime(day.year, day.month, day.day, tz=SHANGHAI)
            whole_day = TimeSpan(start, start.add(days=1))

            def away(person: str, whole_day: TimeSpan = whole_day) -> bool:
                return any(
                    a.staff_id == person and a.span.overlaps(whole_day) for a in absences
                ) or any(
                    x.off_site and person in x.attendees and x.span.overlaps(whole_day)
                    for x in activities
                )

            if all(away(person) for person in chain):
                gaps.append((post.id, day))
    return gaps


@st.composite
def scenarios(draw: st.DrawFn) -> tuple[Organization, list[Absence], list[Activity]]:
    office = draw(offices())
    absences, activities = draw(away_events(office))
    return office, absences, activities


@given(scenario=scenarios())
def test_coverage_gaps_equal_the_brute_force_oracle(
    scenario: tuple[Organization, list[Absence], list[Activity]],
) -> None:
    """The fast coverage finds exactly the gaps of a day-by-day scan."""
    office, absences, activities = scenario
    report = coverage(office, PERIOD, absences=absences, activities=activities, calendar=CALENDAR)
    assert list(report.gaps) == _oracle(office, absences, activities)


@given(scenario=scenarios(), seed=st.integers(0, 2**16))
def test_coverage_does_not_depend_on_the_order_of_events(
    scenario: tuple[Organization, list[Absence], list[Activity]], seed: int
) -> None:
    """Shuffled absences and activities give the same report."""
    office, absences, activities = scenario
    rng = random.Random(seed)
    shuffled_absences = absences[:]
    shuffled_activities = activities[:]
    rng.shuffle(shuffled_absences)
    rng.shuffle(shuffled_activities)
    one = coverage(office, PERIOD, absences=absences, activities=activities)
    two = coverage(office, PERIOD, absences=shuffled_absences, activities=shuffled_activities)
    assert one == two


@given(scenario=scenarios())
def test_someone_present_answers_on_every_covered_day(
    scenario: tuple[Organization, list[Absence], list[Activity]],
) -> None:
    """The person named responsible is never away that day, and is the first such in the chain."""
    office, absences, activities = scenario
    report = coverage(office, PERIOD, absences=absences, activities=activities)
    away: dict[str, set[dt.date]] = {}
    for a in absences:
        away.setdefault(a.staff_id, set()).update(a.span.dates())
    for x in activities:
        for person in x.attendees:
            away.setdefault(person, set()).update(x.span.dates())
    days = list(CALENDAR.working_days(PERIOD.start, PERIOD.end))
    assert days  # the period has working days to check
    expected = {
        (post.post_id, day): next((p for p in post.chain if day not in away.get(p, set())), None)
        for post in report.posts
        for day in days
    }
    found = {(post.post_id, day): post.responsible(day) for post in report.posts for day in days}
    assert found == expected
