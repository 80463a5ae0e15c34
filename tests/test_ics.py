"""Activity lists export to iCalendar and read back through icalendar's parser."""

from __future__ import annotations

import datetime as dt

import icalendar
import pendulum
import pytest
import recurring_ical_events
from dateutil.rrule import rrulestr

from jiguan_core import ActivityKind, InvalidValue, MeetingKind, NaiveDateTime, sample_office
from jiguan_core.ics import RecurringActivity, activities_to_ics

AS_OF = pendulum.datetime(2025, 1, 1, tz="Asia/Shanghai")


def _events(text: str) -> list[icalendar.Event]:
    return list(icalendar.Calendar.from_ical(text).walk("VEVENT"))


class TestIcsExport:
    def test_every_activity_becomes_one_event_with_a_stable_uid(self) -> None:
        """UIDs are the activity ids at the office, the same on every export."""
        office = sample_office()
        chosen = office.activities[:10]
        first = activities_to_ics(chosen, as_of=AS_OF, office=office)
        again = activities_to_ics(reversed(chosen), as_of=AS_OF, office=office)
        assert first == again
        uids = [str(e["UID"]) for e in _events(first)]
        assert sorted(u.split("@")[0] for u in uids) == sorted(a.id for a in chosen)

    def test_times_are_in_asia_shanghai_and_round_trip(self) -> None:
        """DTSTART/DTEND read back equal the activity's span."""
        office = sample_office()
        activity = office.activities[0]
        (event,) = _events(activities_to_ics([activity], as_of=AS_OF, office=office))
        assert event["DTSTART"].params["TZID"] == "Asia/Shanghai"
        assert event["DTSTART"].dt == activity.span.start
        assert event["DTEND"].dt == activity.span.end
        assert str(event["SUMMARY"]) == activity.title

    def test_participants_and_leaders_are_attendees_with_names(self) -> None:
        """Each attendee is there once, leaders as chairs."""
        office = sample_office()
        activity = next(a for a in office.activities if a.leaders and a.participants)
        (event,) = _events(activities_to_ics([activity], as_of=AS_OF, office=office))
        attendees = event["ATTENDEE"]
        assert sorted(str(a).rsplit(":", 1)[1] for a in attendees) == list(activity.attendees)
        chairs = {str(a).rsplit(":", 1)[1] for a in attendees if a.params["ROLE"] == "CHAIR"}
        assert chairs == set(activity.leaders)
        names = {a.params["CN"] for a in attendees}
        assert office.person(activity.leaders[0]).name in names

    def test_a_field_trip_has_its_target_place_as_location(self) -> None:
        """调研 events say where they go."""
        office = sample_office()
        trip = next(a for a in office.activities if a.kind is ActivityKind.RESEARCH)
        (event,) = _events(activities_to_ics([trip], as_of=AS_OF, office=office))
        assert trip.target_place is not None
        assert trip.target_place in str(event["LOCATION"])

    def test_a_recurring_activity_expands_like_its_rrule(self) -> None:
        """recurring_ical_events yields the same occurrences as dateutil's rrule."""
        office = sample_office()
        meeting = next(a for a in office.activities if a.meeting_kind is MeetingKind.WORK_MEETING)
        rule = "FREQ=WEEKLY;BYDAY=MO;COUNT=6"
        text = activities_to_ics(
            [], as_of=AS_OF, office=office, recurring=[RecurringActivity(first=meeting, rrule=rule)]
        )
        calendar = icalendar.Calendar.from_ical(text)
        found = sorted(
            e["DTSTART"].dt
            for e in recurring_ical_events.of(calendar).between((2025, 1, 1), (2026, 1, 1))
        )
        expected = list(rrulestr(rule, dtstart=meeting.span.start))
        assert found == expected

    def test_a_bad_rrule_is_refused_naming_the_activity(self) -> None:
        """An RRULE that does not parse is an InvalidValue, not a crash."""
        office = sample_office()
        meeting = office.activities[0]
        with pytest.raises(InvalidValue, match=meeting.id):
            activities_to_ics(
                [],
                as_of=AS_OF,
                recurring=[RecurringActivity(first=meeting, rrule="FREQ=SOMETIMES")],
            )

    def test_the_stamp_must_be_an_aware_datetime(self) -> None:
        """DTSTAMP comes from the caller; a naive one is refused."""
        with pytest.raises(NaiveDateTime):
            activities_to_ics([], as_of=dt.datetime(2025, 1, 1))  # naive on purpose
