"""iCalendar (.ics) export of activity lists, for calendar applications (an edge adapter).

Needs the ``[ics]`` extra (icalendar): ``pip install "jiguan-core[ics]"``; without it
:func:`activities_to_ics` raises :class:`~jiguan_core.errors.MissingExtra`.

Times are written in Asia/Shanghai with a VTIMEZONE, UIDs are stable (the activity id and the
office), participants and leaders are attendees, and the output is byte-for-byte the same for the
same input: DTSTAMP comes from the caller's ``as_of``, never from the clock. A recurring activity
(the weekly 工作例会) can be written once with its RRULE instead of as many events.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from collections.abc import Iterable, Mapping, Sequence
from typing import TYPE_CHECKING, Any

from attrs import frozen

from jiguan_core._optional import require
from jiguan_core.activity import Activity
from jiguan_core.errors import InvalidValue
from jiguan_core.text import Lang
from jiguan_core.time import SHANGHAI, aware

if TYPE_CHECKING:
    from jiguan_core.organization import Organization

__all__ = ["RecurringActivity", "activities_to_ics"]


@frozen(kw_only=True)
class RecurringActivity:
    """An activity that repeats: ``first`` is the first occurrence, ``rrule`` the RFC 5545
    recurrence rule (e.g. ``FREQ=WEEKLY;BYDAY=MO;COUNT=10``); ``exdates`` are instants of the
    rule that do not take place (EXDATE: a holiday Monday), ``rdates`` extra instants that do
    (RDATE: the Monday meeting moved to Thursday). ``Plan.series(request)`` builds one from a
    plan."""

    first: Activity
    rrule: str
    exdates: tuple[dt.datetime, ...] = ()
    rdates: tuple[dt.datetime, ...] = ()


def _office_key(name: str) -> str:
    """A stable, ASCII key for an office's UIDs: its Latin letters, else a hash of its name
    (a Chinese name has no Latin letters, and two offices must not share UIDs)."""
    slug = re.sub(r"[^0-9A-Za-z]+", "-", name).strip("-").lower()
    return slug or "office-" + hashlib.sha256(name.encode("utf-8")).hexdigest()[:12]


def activities_to_ics(
    activities: Iterable[Activity],
    *,
    as_of: dt.datetime,
    office: Organization | None = None,
    recurring: Sequence[RecurringActivity] = (),
    name: str = "jiguan_core",
    lang: Lang = "zh",
    domain: str = "jiguan-core.invalid",
) -> str:
    """The activities as iCalendar text.

    ``as_of`` stamps every event (DTSTAMP); ``office`` (optional) supplies names of people, rooms
    and departments, otherwise ids are written; ``domain`` completes the stable UIDs
    ``<activity id>@<office>.<domain>``.
    """
    # Imported here: only callers who export pay for it; installed by the ``[ics]`` extra.
    icalendar: Any = require("icalendar", feature="iCalendar export", feature_zh="iCalendar 导出")

    stamp = aware(as_of, "as_of").in_timezone("UTC")
    cal = icalendar.Calendar()
    cal.add("prodid", "-//jiguan_core//activity calendar//ZH")
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("x-wr-calname", name)
    cal.add("x-wr-timezone", "Asia/Shanghai")
    cal.add_component(icalendar.Timezone.from_tzid("Asia/Shanghai"))
    office_key = _office_key(office.name) if office is not None else "office"
    events: list[tuple[Activity, RecurringActivity | None]] = [(a, None) for a in activities]
    for one in recurring:
        events.append((one.first, one))
    events.sort(key=lambda item: (item[0].span.start, item[0].id))
    for activity, series in events:
        event = _event(
            icalendar,
            activity,
            series.rrule if series else None,
            stamp,
            office,
            office_key,
            domain,
            lang,
        )
        if series is not None:
            for name, moments in (("exdate", series.exdates), ("rdate", series.rdates)):
                if moments:
                    event.add(
                        name,
                        [aware(m, name).in_timezone(SHANGHAI) for m in sorted(moments)],
                    )
        cal.add_component(event)
    text: str = cal.to_ical().decode("utf-8")
    return text


def _event(
    ical: Any,
    activity: Activity,
    rrule: str | None,
    stamp: dt.datetime,
    office: Organization | None,
    office_key: str,
    domain: str,
    lang: Lang,
) -> Any:
    # ``ical`` is the icalendar module, passed in because it is imported lazily.
    event = ical.Event()
    event.add("uid", f"{activity.id}@{office_key}.{domain}")
    event.add("dtstamp", stamp)
    event.add("dtstart", activity.span.start.in_timezone(SHANGHAI))
    event.add("dtend", activity.span.end.in_timezone(SHANGHAI))
    event.add("summary", activity.title)
    event.add("categories", [activity.kind.label(lang)])
    if rrule is not None:
        try:
            event.add("rrule", ical.vRecur.from_ical(rrule))
        except ValueError as error:
            raise InvalidValue(
                f"activity {activity.id}: RRULE {rrule!r} does not parse ({error})",
                f"活动 {activity.id} 的重复规则 {rrule!r} 无法解析",
                field="rrule",
                value=rrule,
            ) from error
    location = _location(activity, office)
    if location:
        event.add("location", location)
    people = _names(office)
    for person_id in activity.attendees:
        attendee = ical.vCalAddress(f"urn:jiguan:staff:{person_id}")
        attendee.params["cn"] = people.get(person_id, person_id)
        attendee.params["role"] = "CHAIR" if person_id in activity.leaders else "REQ-PARTICIPANT"
        event.add("attendee", attendee, encode=0)
    organiser = activity.department_id
    if office is not None:
        organiser = office.department(activity.department_id).name
    event.add("description", f"{activity.kind.label(lang)} · {organiser}")
    return event


def _location(activity: Activity, office: Organization | None) -> str | None:
    parts = []
    if activity.room_id is not None:
        parts.append(office.room(activity.room_id).name if office is not None else activity.room_id)
    if activity.target_place is not None:
        parts.append(activity.target_place)
    return "，".join(parts) or None


def _names(office: Organization | None) -> Mapping[str, str]:
    if office is None:
        return {}
    return {person.id: person.name for person in office.staff}
