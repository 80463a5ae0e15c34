"""A fast, day-bucketed occupancy index used to *prune* candidate times (private).

It answers "who or what blocks this span?" for the hard rules that are plain resource clashes
(a person in two places or away, a room booked twice, leadership members' activities overlapping,
a target place visited within D days, a blackout). It never decides feasibility: every candidate
that survives it is put to :meth:`jiguan_core.rules.IncrementalChecker.violations_if_added`,
which has the last word. Pruning too little costs time; pruning too much would lose placements,
so each test here mirrors the rule's own definition (half-open spans, "gap less than D days").
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict

from attrs import define, field

__all__ = ["Blocker", "Occupancy"]

#: What blocks a candidate: (kind, subject, ref, first day ordinal, last day ordinal).
#: kind is "absent" / "busy" / "room" / "target" / "leadership" / "blackout".
Blocker = tuple[str, str, str, int, int]

#: The pseudo-resource all leadership activities share when their overlap is forbidden.
LEADERSHIP = "\x00leadership"


@define
class _Booking:
    start: int
    end: int
    ref: str  # activity id or absence id
    first_day: int
    last_day: int
    movable: bool


@define
class Occupancy:
    """Bookings of people, rooms, places; spans as epoch seconds, bucketed by local day ordinal."""

    target_gap_days: int | None = None  # None: the target rule is not pruned
    person: dict[str, dict[int, list[_Booking]]] = field(factory=lambda: defaultdict(dict))
    room: dict[str, dict[int, list[_Booking]]] = field(factory=lambda: defaultdict(dict))
    place: dict[str, list[_Booking]] = field(factory=lambda: defaultdict(list))
    blackouts: list[tuple[int, int, str, frozenset[str]]] = field(factory=list)
    # ref -> what was booked under it, for removal
    _by_ref: dict[str, list[tuple[str, str, _Booking]]] = field(factory=dict)

    def _book(self, table: str, key: str, booking: _Booking) -> None:
        days = self.person[key] if table == "person" else self.room[key]
        for day in range(booking.first_day, booking.last_day + 1):
            days.setdefault(day, []).append(booking)
        self._by_ref.setdefault(booking.ref, []).append((table, key, booking))

    def add(
        self,
        ref: str,
        start: int,
        end: int,
        first_day: int,
        last_day: int,
        *,
        people: tuple[str, ...] = (),
        room: str | None = None,
        place: str | None = None,
        movable: bool = False,
    ) -> None:
        booking = _Booking(start, end, ref, first_day, last_day, movable)
        for person in people:
            self._book("person", person, booking)
        if room is not None:
            self._book("room", room, booking)
        if place is not None:
            self.place[place].append(booking)
            self._by_ref.setdefault(ref, []).append(("place", place, booking))

    def remove(self, ref: str) -> None:
        for table, key, booking in self._by_ref.pop(ref, []):
            if table == "place":
                self.place[key].remove(booking)
                continue
            days = self.person[key] if table == "person" else self.room[key]
            for day in range(booking.first_day, booking.last_day + 1):
                days[day].remove(booking)

    def person_blockers(
        self, person: str, start: int, end: int, first_day: int, last_day: int
    ) -> list[_Booking]:
        days = self.person.get(person)
        if not days:
            return []
        found: list[_Booking] = []
        for day in range(first_day, last_day + 1):
            for booking in days.get(day, ()):
                if booking.start < end and start < booking.end and booking not in found:
                    found.append(booking)
        return found

    def room_blockers(
        self, room: str, start: int, end: int, first_day: int, last_day: int
    ) -> list[_Booking]:
        days = self.room.get(room)
        if not days:
            return []
        found: list[_Booking] = []
        for day in range(first_day, last_day + 1):
            for booking in days.get(day, ()):
                if booking.start < end and start < booking.end and booking not in found:
                    found.append(booking)
        return found

    def place_blockers(self, place: str, first_day: int, last_day: int) -> list[_Booking]:
        """Trips to ``place`` whose day gap to ``[first_day, last_day]`` is less than D."""
        if self.target_gap_days is None:
            return []
        gap = self.target_gap_days
        found: list[_Booking] = []
        for booking in self.place.get(place, ()):
            if booking.last_day < first_day:
                distance = first_day - booking.last_day
            elif last_day < booking.first_day:
                distance = booking.first_day - last_day
            else:
                distance = 0
            if distance < gap:
                found.append(booking)
        return found

    def blackout_blocker(self, ref: str, start: int, end: int) -> str | None:
        for b_start, b_end, label, exempt in self.blackouts:
            if b_start < end and start < b_end and ref not in exempt:
                return label
        return None


def ordinal(day: dt.date) -> int:
    return day.toordinal()
