"""The roster's spread is as even as any assignment can be (brute force on small cases)."""

from __future__ import annotations

import datetime as dt
import itertools

from hypothesis import given
from hypothesis import strategies as st

from jiguan_core.absence import Absence, AbsenceKind
from jiguan_core.calendar import DateRange, WorkCalendar
from jiguan_core.duty import DutyGroup, duty_roster
from jiguan_core.organization import Organization
from jiguan_core.time import TimeSpan
from tests.strategies_office_work import duty_office

CALENDAR = WorkCalendar()
#: Five holidays in a row with no Spring Festival weighting: 1-5 May 2026.
MAY = DateRange(dt.date(2026, 5, 1), dt.date(2026, 5, 6))
DAYS = [dt.date(2026, 5, d) for d in range(1, 6)]


def _office(people: int) -> Organization:
    return duty_office(0, people)


def _apart(free_days: list[int]) -> int:
    """The most of these day numbers one person can take with no two adjacent."""
    best = 0
    for size in range(len(free_days), 0, -1):
        for chosen in itertools.combinations(free_days, size):
            if all(b - a > 1 for a, b in itertools.pairwise(chosen)):
                return size
    return best


def _best_spread(people: int, need: int, away: set[tuple[int, int]]) -> int | None:
    """The smallest max-min of duty counts over every full assignment (None: none exists),
    among those where nobody has more days than they could take without two running when
    there is such an assignment (DUTY-Y1-REST comes before DUTY-Y1-FAIR)."""
    options = []
    for d in range(len(DAYS)):
        free = [p for p in range(people) if (p, d) not in away]
        options.append(list(itertools.combinations(free, need)))
    bound = [_apart([d for d in range(len(DAYS)) if (p, d) not in away]) for p in range(people)]
    best: int | None = None
    best_rested: int | None = None
    for choice in itertools.product(*options):
        counts = [0] * people
        for chosen in choice:
            for p in chosen:
                counts[p] += 1
        spread = max(counts) - min(counts)
        best = spread if best is None else min(best, spread)
        if all(c <= b for c, b in zip(counts, bound, strict=True)):
            best_rested = spread if best_rested is None else min(best_rested, spread)
    return best_rested if best_rested is not None else best


@given(
    people=st.integers(min_value=1, max_value=4),
    need=st.integers(min_value=1, max_value=2),
    away=st.sets(st.tuples(st.integers(0, 3), st.integers(0, 4)), max_size=6),
)
def test_the_roster_spread_equals_the_brute_force_optimum(
    people: int, need: int, away: set[tuple[int, int]]
) -> None:
    """DUTY-Y1-FAIR: when every day can be filled the roster's max-min count is the smallest
    any full assignment reaches (among those that give nobody more days than they could take
    without two running, when there are such: DUTY-Y1-REST first); when none can, the roster
    says a day is short (DUTY-Y1)."""
    away = {(p, d) for p, d in away if p < people}
    absences = [
        Absence(
            id=f"x{n}",
            staff_id=f"S{p + 1:02d}",
            span=TimeSpan.whole_days(DAYS[d], DAYS[d]),
            kind=AbsenceKind.PERSONAL_LEAVE,
        )
        for n, (p, d) in enumerate(sorted(away))
    ]
    roster = duty_roster(
        _office(people),
        MAY,
        calendar=CALENDAR,
        absences=absences,
        overrides={"DUTY-Y1": {"leaders_per_day": 0, "staff_per_day": need}},
    )
    best = _best_spread(people, need, away)
    if best is None:
        assert not roster.is_complete
        return
    assert roster.is_complete
    counts = roster.counts(DutyGroup.STAFF).values()
    assert max(counts) - min(counts) == best
