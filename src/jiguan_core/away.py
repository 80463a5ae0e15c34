"""Who is away, and when: the one definition the A/B rules share (AB角补位).

A person is away during their own absence (leave, sick leave, a business trip recorded as an
absence) and during an off-site activity they attend (a research trip, an inspection). Two rules
read this: SCHED-DEV-AB, "A and B of a key post are never away at once", on the calendar's instants; and
DEV-COVER, "a key post has someone responsible on every working day", on working days. Both take
the away periods from here, so the office's one notion of being away is computed once.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from attrs import frozen

from jiguan_core.absence import Absence
from jiguan_core.activity import Activity
from jiguan_core.time import TimeSpan

__all__ = ["Away", "away_periods", "taken_away_by"]


@frozen
class Away:
    """One person away over ``span``, because of the absence or activity ``ref_id``."""

    staff_id: str
    span: TimeSpan
    ref_id: str
    by_activity: bool


def taken_away_by(activity: Activity, *, count_off_site: bool = True) -> tuple[str, ...]:
    """The people an activity takes away from the office: its attendees when it is off site
    (and off-site activities count, SCHED-DEV-AB's ``count_off_site``), else nobody."""
    if count_off_site and activity.off_site:
        return activity.attendees
    return ()


def away_periods(
    absences: Iterable[Absence],
    activities: Iterable[Activity],
    *,
    count_off_site: bool = True,
) -> Iterator[Away]:
    """Every away period: each absence, then each off-site activity per attendee."""
    for absence in absences:
        yield Away(absence.staff_id, absence.span, absence.id, False)
    for activity in activities:
        for staff_id in taken_away_by(activity, count_off_site=count_off_site):
            yield Away(staff_id, activity.span, activity.id, True)
