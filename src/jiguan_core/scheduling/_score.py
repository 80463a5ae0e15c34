"""The search state and its incrementally updated score (private).

:class:`State` holds who is placed where, the occupancy of every resource (bucketed by day) and
the score, updated on every place / unplace in time proportional to what the activity touches:

- *hard*: never broken -- a placement is only made where every hard rule of the model holds
  (:meth:`State.fit` finds the room and the "any N" leadership members too);
- the objective compared by the search: the weighted number of placements, then (for a
  replan) the fewest moved placements, then the fewest medium penalties, then the fewest soft
  ones -- :meth:`State.score`;
- medium and soft penalties: trips to one place within D days (SCHED-COORD-TRIPS), leadership activities in
  parallel (SCHED-LEADERS-MEETINGS), activities per department and week (SCHED-COORD-LOAD) and trips per leader and month
  (SCHED-LEADERS-TRIPS) at the level the policy gives them. The plan's reported score is the full check's.
"""

from __future__ import annotations

from jiguan_core.scheduling._model import SOFT, JobData, Model, local_day, month_of, week_of

__all__ = ["Assignment", "State"]

#: (candidate index, room resource or -1, leadership members taken for "any N")
Assignment = tuple[int, int, tuple[int, ...]]
_Entry = tuple[int, int, int]  # (start, end, owner); owner >= 0 a job, < 0 a fixed ref


class State:
    def __init__(self, model: Model, previous: dict[int, Assignment] | None = None) -> None:
        self.model = model
        self.rules = model.rules
        self.busy: list[dict[int, list[_Entry]]] = [{} for _ in range(model.n_resources)]
        self.trips: dict[int, list[_Entry]] = {}
        self.lead_acts: dict[int, list[tuple[int, int, frozenset[int], int]]] = {}
        self.week: dict[tuple[str, int], int] = {}
        self.leader_month: dict[tuple[int, int], int] = {}
        self.assign: list[Assignment | None] = [None] * len(model.jobs)
        self._booked: list[list[tuple[int, int, _Entry]]] = [[] for _ in model.jobs]
        self.weight = 0
        self.penalties = [0, 0, 0]
        self.moved = 0
        self.previous = previous or {}
        self.load = [0] * len(model.people)
        # per person, precomputed for the hot paths: the away resources their off-site time
        # books and the ones it must find free (when SCHED-DEV-AB counts off-site activities)
        self.away_ab = self.rules.ab and self.rules.count_off_site
        self.books = [model.away(p)[0] for p in range(len(model.people))]
        self.checks = [model.away(p)[1] for p in range(len(model.people))]
        for resource, start, end, first, last, ref in model.fixed:
            entry = (start, end, -1 - ref)
            days = self.busy[resource]
            for day in range(first, last + 1):
                days.setdefault(day, []).append(entry)
        for place, start, end, ref in model.fixed_trips:
            self.trips.setdefault(place, []).append((start, end, -1 - ref))
        for start, end, leaders, ref in model.fixed_leader_acts:
            for day in range(_day(start), _day(end - 1) + 1):
                self.lead_acts.setdefault(day, []).append((start, end, leaders, -1 - ref))
        for department, week in model.fixed_week:
            self.week[(department, week)] = self.week.get((department, week), 0) + 1
        for leader, month in model.fixed_leader_trips:
            self.leader_month[(leader, month)] = self.leader_month.get((leader, month), 0) + 1

    # ---- the objective ----

    def score(self) -> tuple[int, int, int, int]:
        return (self.weight, -self.moved, -self.penalties[1], -self.penalties[2])

    # ---- looking ----

    def owners(
        self, resource: int, start: int, end: int, first: int, last: int, found: set[int]
    ) -> None:
        """Add to ``found`` whoever books ``resource`` within ``[start, end)``."""
        days = self.busy[resource]
        for day in range(first, last + 1):
            for s, e, owner in days.get(day, ()):
                if s < end and start < e:
                    found.add(owner)

    def free(self, resource: int, start: int, end: int, first: int, last: int) -> bool:
        days = self.busy[resource]
        for day in range(first, last + 1):
            for s, e, _ in days.get(day, ()):
                if s < end and start < e:
                    return False
        return True

    def place_owners(self, place: int, start: int, end: int, found: set[int]) -> None:
        gap = self.rules.place_gap
        if gap is None or place < 0:
            return
        for s, e, owner in self.trips.get(place, ()):
            if s < end + gap and start < e + gap:
                found.add(owner)

    def person_ok(self, person: int, cand: tuple[int, int, int, int], off_site: bool) -> bool:
        start, end, first, last = cand
        if self.rules.person and not self.free(person, start, end, first, last):
            return False
        if off_site and self.away_ab:
            for resource in self.checks[person]:
                if not self.free(resource, start, end, first, last):
                    return False
        return True

    def blockers(self, data: JobData, c: int, room: int = -1) -> set[int]:
        """Everyone in the way of ``data`` at candidate ``c`` (the required people, the
        leadership, the place; the room ``room`` when given)."""
        start, end, first, last = data.cands[c]
        found: set[int] = set()
        rules = self.rules
        away = data.off_site and self.away_ab
        for person in data.people:
            if rules.person:
                self.owners(person, start, end, first, last, found)
            if away:
                for resource in self.checks[person]:
                    self.owners(resource, start, end, first, last, found)
        if data.leads and rules.lead:
            self.owners(self.model.lead, start, end, first, last, found)
        if data.place >= 0:
            self.place_owners(data.place, start, end, found)
        if room >= 0 and rules.room:
            self.owners(room, start, end, first, last, found)
        return found

    def fit(self, data: JobData, c: int) -> Assignment | None:
        """An assignment of ``data`` at candidate ``c`` breaking no hard rule, or None."""
        if data.self_away or data.too_small:
            return None
        cand = data.cands[c]
        start, end, first, last = cand
        rules = self.rules
        off_site = data.off_site
        for person in data.people:
            if not self.person_ok(person, cand, off_site):
                return None
        if data.leads and rules.lead and not self.free(self.model.lead, start, end, first, last):
            return None
        if data.place >= 0 and rules.place_gap is not None:
            gap = rules.place_gap
            for s, e, _ in self.trips.get(data.place, ()):
                if s < end + gap and start < e + gap:
                    return None
        room = -1
        if data.rooms:
            if rules.room:
                for option in data.rooms:
                    if self.free(option, start, end, first, last):
                        room = option
                        break
                else:
                    return None
            else:
                room = data.rooms[0]
        chosen: tuple[int, ...] = ()
        if data.n_any:
            picked: list[int] = []
            for leader in sorted(data.pool, key=lambda p: (self.load[p], p)):
                if self.person_ok(leader, cand, off_site) and not _pair_away(
                    self.model,
                    [*data.people, *picked],
                    leader,
                    off_site and rules.ab and rules.count_off_site,
                ):
                    picked.append(leader)
                    if len(picked) == data.n_any:
                        break
            if len(picked) < data.n_any:
                return None
            chosen = tuple(picked)
        return (c, room, chosen)

    # ---- changing ----

    def _book(self, j: int, resource: int, entry: _Entry, first: int, last: int) -> None:
        days = self.busy[resource]
        booked = self._booked[j]
        for day in range(first, last + 1):
            days.setdefault(day, []).append(entry)
            booked.append((resource, day, entry))

    def place(self, data: JobData, assignment: Assignment) -> None:
        j = data.index
        c, room, chosen = assignment
        start, end, first, last = data.cands[c]
        entry = (start, end, j)
        rules = self.rules
        attendees = (*data.people, *chosen)
        away = data.off_site and self.away_ab
        for person in attendees:
            if rules.person:
                self._book(j, person, entry, first, last)
            if away:
                for resource in self.books[person]:
                    self._book(j, resource, entry, first, last)
        for leader in chosen:
            self.load[leader] += 1
        if room >= 0 and rules.room:
            self._book(j, room, entry, first, last)
        leaders = frozenset(p for p in attendees if p in self.model.leadership)
        if leaders and rules.lead:
            self._book(j, self.model.lead, entry, first, last)
        self._score(data, c, leaders, +1)
        self.assign[j] = assignment
        self.weight += data.weight
        if j in self.previous and self.previous[j] != assignment:
            self.moved += 1

    def unplace(self, data: JobData) -> Assignment:
        j = data.index
        assignment = self.assign[j]
        assert assignment is not None
        c, _, chosen = assignment
        for resource, day, entry in self._booked[j]:
            self.busy[resource][day].remove(entry)
        self._booked[j] = []
        for leader in chosen:
            self.load[leader] -= 1
        attendees = (*data.people, *chosen)
        leaders = frozenset(p for p in attendees if p in self.model.leadership)
        self._score(data, c, leaders, -1)
        self.assign[j] = None
        self.weight -= data.weight
        if j in self.previous and self.previous[j] != assignment:
            self.moved -= 1
        return assignment

    def add_optional(self, data: JobData, assignment: Assignment, people: tuple[int, ...]) -> None:
        """Book optional participants who attend ``data`` (at the end, when free)."""
        start, end, first, last = data.cands[assignment[0]]
        entry = (start, end, data.index)
        for person in people:
            if self.rules.person:
                self._book(data.index, person, entry, first, last)
            if data.off_site and self.rules.ab and self.rules.count_off_site:
                for resource in self.model.away(person)[0]:
                    self._book(data.index, resource, entry, first, last)

    def _score(self, data: JobData, c: int, leaders: frozenset[int], sign: int) -> None:
        """Add (sign +1) or take away (-1) the penalties of ``data`` at ``c``, and its facts."""
        j = data.index
        start, end, first, _ = data.cands[c]
        rules = self.rules
        penalties = self.penalties
        if data.place >= 0:
            trips = self.trips.setdefault(data.place, [])
            if sign < 0:
                trips.remove((start, end, j))
            if rules.trip_gap is not None:
                level, gap = rules.trip_gap
                near = sum(1 for s, e, _ in trips if s < end + gap and start < e + gap)
                penalties[level] += sign * near
            if sign > 0:
                trips.append((start, end, j))
        if leaders:
            for day in range(first, _day(end - 1) + 1):
                acts = self.lead_acts.setdefault(day, [])
                if sign < 0:
                    acts.remove((start, end, leaders, j))
                if rules.parallel is not None and day == first:
                    clash = {
                        owner
                        for s, e, others, owner in self._overlapping_leads(start, end)
                        if others.isdisjoint(leaders) and owner != j
                    }
                    penalties[rules.parallel] += sign * len(clash)
                if sign > 0:
                    acts.append((start, end, leaders, j))
        if rules.week is not None:
            level, limit = rules.week
            key = (data.department, week_of(first))
            count = self.week.get(key, 0)
            if sign > 0:
                penalties[level] += 1 if count >= limit else 0
                self.week[key] = count + 1
            else:
                penalties[level] -= 1 if count - 1 >= limit else 0
                self.week[key] = count - 1
        elif sign:
            key = (data.department, week_of(first))
            self.week[key] = self.week.get(key, 0) + sign
        if data.place >= 0 and leaders:
            month = month_of(first)
            for leader in leaders:
                key2 = (leader, month)
                count = self.leader_month.get(key2, 0)
                if rules.trips is not None:
                    level, limit = rules.trips
                    if sign > 0 and count >= limit:
                        penalties[level] += 1
                    elif sign < 0 and count - 1 >= limit:
                        penalties[level] -= 1
                self.leader_month[key2] = count + sign

    def _overlapping_leads(
        self, start: int, end: int
    ) -> list[tuple[int, int, frozenset[int], int]]:
        found: dict[int, tuple[int, int, frozenset[int], int]] = {}
        for day in range(_day(start), _day(end - 1) + 1):
            for act in self.lead_acts.get(day, ()):
                if act[0] < end and start < act[1]:
                    found[act[3]] = act
        return list(found.values())

    def delta(self, data: JobData, assignment: Assignment) -> tuple[int, int]:
        """(medium, soft) penalties placing ``data`` so would add."""
        # the penalties depend on the facts _score keeps, not on the bookings: scored in and
        # out again without booking anyone
        c, _, chosen = assignment
        leadership = self.model.leadership
        leaders = frozenset(p for p in (*data.people, *chosen) if p in leadership)
        before = (self.penalties[1], self.penalties[SOFT])
        self._score(data, c, leaders, +1)
        after = (self.penalties[1], self.penalties[SOFT])
        self._score(data, c, leaders, -1)
        return after[0] - before[0], after[1] - before[1]


def _pair_away(model: Model, picked: list[int], leader: int, away: bool) -> bool:
    """Would ``leader`` and one already picked be the A and B of one post, both away?"""
    if not away or not picked:
        return False
    checks = set(model.away(leader)[1])
    return any(checks.intersection(model.away(other)[0]) for other in picked)


def _day(seconds: int) -> int:
    return local_day(seconds)
