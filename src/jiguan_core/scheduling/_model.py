"""The scheduling problem in integers (private): rules, resources, candidate times, fixed bookings.

Built once per call from the office, the policy and the validated jobs; nothing in it changes
during the search. Time is integer epoch seconds on the office-hours grid and days are date
ordinals in the office's zone, so the search never builds a datetime. Resources are small ints:
a person, a room, the leadership as a whole (when their activities may not run in parallel),
and the "away" side A or B of a post (when A and B may not be away at once).

Which rule does what is read from the catalogue through the policy (enabled, level and
parameters of each rule); a hard rule the model does not express (a coverage or a count made
hard by a policy) switches the engine to *verified* mode, where each placement is also put to
the incremental checker.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from attrs import define, field

from jiguan_core.activity import FIELD_KINDS, ActivityKind
from jiguan_core.calendar import WorkCalendar
from jiguan_core.errors import CalendarYearNotCovered
from jiguan_core.organization import Organization
from jiguan_core.patterns import CountPerPeriod, PairOfFacts, Pattern, SingleFact
from jiguan_core.rule import Severity
from jiguan_core.rules import CATALOGUE, SchedulingPolicy
from jiguan_core.rules.catalogue import parse_kinds
from jiguan_core.scheduling._candidates import candidates
from jiguan_core.scheduling._validate import Job
from jiguan_core.scheduling.request import OfficeHours

__all__ = ["MEDIUM", "SOFT", "JobData", "Model", "Rules"]


def _guarding(table: str, *, kind: type[Pattern], key: str = "") -> str:
    """The id of the catalogue rule whose pattern of ``kind`` reads ``table`` (and, for a
    single fact, tests ``key``): the scheduler finds its hard rules by what they guard, not by
    naming rule ids."""
    for candidate in CATALOGUE:
        for pattern in candidate.patterns:
            if not isinstance(pattern, kind):
                continue
            if isinstance(pattern, PairOfFacts) and table in (pattern.left, pattern.right):
                return candidate.id
            tests_key = not key or any(c.field == key for c in getattr(pattern, "conditions", ()))
            if isinstance(pattern, SingleFact) and pattern.table == table and tests_key:
                return candidate.id
            if isinstance(pattern, CountPerPeriod) and pattern.table == table:
                return candidate.id
    raise AssertionError(f"no scheduling rule guards {table}")  # pragma: no cover - catalogue


#: The rules the model expresses, found in the catalogue by the facts they guard.
RULE_PERSON = _guarding("attendance", kind=PairOfFacts)
RULE_PLACE = _guarding("trip", kind=PairOfFacts)
RULE_AB = _guarding("away_a", kind=PairOfFacts)
RULE_LEADERS = _guarding("leader_activity", kind=PairOfFacts)
RULE_ROOM = _guarding("booking", kind=PairOfFacts)
RULE_DAYS = _guarding("activity", kind=SingleFact, key="non_working_day")
RULE_WEEK = _guarding("activity", kind=CountPerPeriod)
RULE_TRIPS = _guarding("leader_trip", kind=CountPerPeriod)
RULE_CAPACITY = _guarding("booking", kind=SingleFact, key="over_capacity")
_KNOWN = {info.id for info in CATALOGUE}

MEDIUM = 1
SOFT = 2
DAY = 86_400
#: A whole day past an activity's last day: trip gaps are measured in seconds.
_LEVEL_INDEX = {Severity.MEDIUM: MEDIUM, Severity.SOFT: SOFT}


@define
class Rules:
    """What the policy makes of each rule the model expresses."""

    person: bool = False  # SCHED-COORD-PERSON hard: nobody in two places
    absent: bool = False  # SCHED-COORD-PERSON hard with include_absences
    room: bool = False  # SCHED-COORD-ROOMS hard
    lead: bool = False  # SCHED-LEADERS-MEETINGS hard: leadership activities never in parallel
    ab: bool = False  # SCHED-DEV-AB hard
    count_off_site: bool = True
    place_gap: int | None = None  # SCHED-COORD-TRIPS hard: seconds
    capacity: bool = False  # SCHED-COORD-CAPACITY hard
    extra_seats: int = 0
    blackouts: bool = False  # SCHED-C2-WORKDAYS hard
    working_kinds: frozenset[ActivityKind] = (
        frozenset()
    )  # SCHED-C2-WORKDAYS hard: kinds on working days
    trip_gap: tuple[int, int] | None = None  # SCHED-COORD-TRIPS medium/soft: (level, seconds)
    parallel: int | None = None  # SCHED-LEADERS-MEETINGS parallel medium/soft: level
    week: tuple[int, int] | None = None  # SCHED-COORD-LOAD: (level, most per department and week)
    trips: tuple[int, int] | None = (
        None  # SCHED-LEADERS-TRIPS: (level, most trips per leader and month)
    )
    # count rules a policy makes hard: the default engine has the checker confirm each
    # placement (``verified``); the exact engine models the counts as constraints
    week_hard: int | None = None  # SCHED-COORD-LOAD hard: most per department and week
    trips_hard: int | None = None  # SCHED-LEADERS-TRIPS hard: most trips per leader and month
    coverage: int | None = None  # SCHED-LEADERS-MEETINGS hard: leadership members on duty
    verified: bool = False

    @classmethod
    def of(cls, policy: SchedulingPolicy) -> Rules:
        def on(rule_id: str) -> bool:
            return rule_id in _KNOWN and policy.enabled(rule_id)

        def hard(rule_id: str) -> bool:
            return on(rule_id) and policy.level(rule_id) is Severity.HARD

        def level(rule_id: str) -> int | None:
            return _LEVEL_INDEX.get(policy.level(rule_id)) if on(rule_id) else None

        def param(rule_id: str, name: str) -> object:
            return policy.parameters(rule_id).get(name)

        rules = cls()
        if hard(RULE_PERSON):
            rules.person = True
            rules.absent = bool(param(RULE_PERSON, "include_absences"))
        rules.room = hard(RULE_ROOM) and bool(param(RULE_ROOM, "check_rooms"))
        parallel = on(RULE_LEADERS) and bool(param(RULE_LEADERS, "check_parallel"))
        if parallel and hard(RULE_LEADERS):
            rules.lead = True
        elif parallel:
            rules.parallel = level(RULE_LEADERS)
        if hard(RULE_AB):
            rules.ab = True
            rules.count_off_site = bool(param(RULE_AB, "count_off_site"))
        gap = param(RULE_PLACE, "days") if on(RULE_PLACE) else None
        if isinstance(gap, int | float):
            if hard(RULE_PLACE):
                rules.place_gap = int(gap * DAY)
            elif (found := level(RULE_PLACE)) is not None:
                rules.trip_gap = (found, int(gap * DAY))
        if hard(RULE_CAPACITY):
            rules.capacity = True
            seats = param(RULE_CAPACITY, "extra_seats")
            rules.extra_seats = int(seats) if isinstance(seats, int | float) else 0
        if hard(RULE_DAYS):
            rules.blackouts = True
            rules.working_kinds = parse_kinds(str(param(RULE_DAYS, "kinds")))
        for rule_id, name, slot in (
            (RULE_WEEK, "max_per_week", "week"),
            (RULE_TRIPS, "max_trips_per_month", "trips"),
        ):
            limit = param(rule_id, name) if on(rule_id) else None
            if not isinstance(limit, int | float):
                continue
            if hard(rule_id):
                rules.verified = True
                setattr(rules, f"{slot}_hard", int(limit))
            elif (found := level(rule_id)) is not None:
                setattr(rules, slot, (found, int(limit)))
        if (
            hard(RULE_LEADERS)
            and isinstance(param(RULE_LEADERS, "min_on_duty"), int | float)
            and float(param(RULE_LEADERS, "min_on_duty")) > 0  # type: ignore[arg-type]
        ):
            rules.verified = True  # daily coverage is not in the model: the checker confirms
            rules.coverage = int(param(RULE_LEADERS, "min_on_duty"))  # type: ignore[call-overload]
        return rules


@define(slots=True)
class JobData:
    """A job in integers: its candidate times, people, rooms and what it takes away."""

    index: int
    job: Job
    weight: int
    pinned: bool
    cands: list[tuple[int, int, int, int]]  # (start, end, first day, last day)
    by_day: dict[int, list[int]]  # first day -> candidate indices
    people: tuple[int, ...]  # required participants and named leaders
    optional: tuple[int, ...]
    rooms: tuple[int, ...]  # room resources allowed (fitting), in preference order
    pool: tuple[int, ...]  # leadership members "any N" may take
    n_any: int
    leads: bool  # leadership members attend
    off_site: bool
    place: int  # target place index of a field trip, -1 if none
    department: str
    duration: int
    blackout_labels: tuple[str, ...] = ()  # blackouts that removed candidates
    too_small: bool = False  # rooms asked, none seats everyone
    not_working: bool = False  # candidates removed: kind needs working days
    missing_year: int | None = None  # the window needs this year, which the calendar lacks
    self_away: bool = False  # an off-site job taking both the A and the B of a post


@define
class Model:
    """The static problem: rules, resources, jobs and the fixed bookings of the calendar."""

    rules: Rules
    people: list[str]  # person index -> staff id
    person_index: dict[str, int]
    rooms: list[str]  # room index (resource - room_base) -> room id
    seats: list[int | None]  # room index -> capacity, None when unknown
    room_base: int
    lead: int  # the leadership pseudo-resource
    away_base: int  # away_a of post k: away_base + 2k, away_b: + 1
    a_posts: dict[int, tuple[int, ...]]  # person -> posts where they are A
    b_posts: dict[int, tuple[int, ...]]
    leadership: frozenset[int]
    places: list[str]
    jobs: list[JobData]
    n_resources: int
    #: fixed bookings: (resource, start, end, first day, last day, ref index)
    fixed: list[tuple[int, int, int, int, int, int]] = field(factory=list)
    fixed_trips: list[tuple[int, int, int, int]] = field(factory=list)  # (place, start, end, ref)
    fixed_leader_acts: list[tuple[int, int, frozenset[int], int]] = field(factory=list)
    fixed_week: list[tuple[str, int]] = field(factory=list)  # (department, week)
    fixed_leader_trips: list[tuple[int, int]] = field(factory=list)  # (leader, month)
    refs: list[tuple[str, str]] = field(factory=list)  # fixed ref index -> (id, "absent"/"busy")
    ref_spans: list[tuple[int, int]] = field(factory=list)  # fixed ref index -> (start, end)
    _away: dict[int, tuple[list[int], list[int]]] = field(factory=dict)

    @classmethod
    def build(
        cls,
        office: Organization,
        jobs: Sequence[Job],
        base: Organization,
        *,
        policy: SchedulingPolicy,
        calendar: WorkCalendar,
        hours: OfficeHours,
    ) -> Model:
        rules = Rules.of(policy)
        people = [s.id for s in office.staff]
        person_index = {p: i for i, p in enumerate(people)}
        rooms = [r.id for r in office.rooms]
        seats = {r.id: r.capacity for r in office.rooms}
        room_base = len(people)
        lead = room_base + len(rooms)
        away_base = lead + 1
        posts = [role.post_id for role in office.ab_roles]
        a_posts: dict[int, list[int]] = {}
        b_posts: dict[int, list[int]] = {}
        for k, role in enumerate(office.ab_roles):
            a_posts.setdefault(person_index[role.a_id], []).append(k)
            b_posts.setdefault(person_index[role.b_id], []).append(k)
        leader_ids = sorted(s.id for s in office.leadership_members)
        leadership = frozenset(person_index[s] for s in leader_ids)
        room_at = {r: k for k, r in enumerate(rooms)}
        places: list[str] = []
        place_index: dict[str, int] = {}

        def place_of(name: str | None) -> int:
            if name is None:
                return -1
            if name not in place_index:
                place_index[name] = len(places)
                places.append(name)
            return place_index[name]

        blackouts = (
            [
                (int(b.span.start.timestamp()), int(b.span.end.timestamp()), b.id, b.exempt)
                for b in policy.blackouts
            ]
            if rules.blackouts
            else []
        )
        model = cls(
            rules=rules,
            people=people,
            person_index=person_index,
            rooms=rooms,
            seats=[seats[r] for r in rooms],
            room_base=room_base,
            lead=lead,
            away_base=away_base,
            a_posts={p: tuple(v) for p, v in a_posts.items()},
            b_posts={p: tuple(v) for p, v in b_posts.items()},
            leadership=leadership,
            places=places,
            jobs=[],
            n_resources=away_base + 2 * len(posts),
        )
        for index, job in enumerate(jobs):
            request = job.request
            cands: list[tuple[int, int, int, int]] = []
            labels: set[str] = set()
            not_working = False
            check_kind = (
                bool(rules.working_kinds)
                and not request.working_days_only
                and request.kind in rules.working_kinds
            )
            missing_year: int | None = None
            try:
                for c in candidates(request, hours, calendar):
                    if blackouts:
                        hit = [
                            label
                            for start, end, label, exempt in blackouts
                            if start < c.end and c.start < end and request.id not in exempt
                        ]
                        if hit:
                            labels.update(hit)
                            continue
                    if check_kind and not all(
                        calendar.is_working_day(dt.date.fromordinal(d))
                        for d in range(c.first_day, c.last_day + 1)
                    ):
                        not_working = True
                        continue
                    cands.append((c.start, c.end, c.first_day, c.last_day))
            except CalendarYearNotCovered as error:
                # The window needs a year whose working days are not known: the request is
                # refused with that reason (never planned on an assumed Monday-Friday).
                cands, labels, not_working = [], set(), False
                missing_year = error.year
            by_day: dict[int, list[int]] = {}
            for k, cand in enumerate(cands):
                by_day.setdefault(cand[2], []).append(k)
            named = set(request.leaders) | set(request.participants)
            pool = tuple(person_index[s] for s in leader_ids if s not in named)
            size = len(request.participants) + len(request.leaders) + request.any_leaders
            allowed = tuple(
                room_base + room_at[r]
                for r in request.rooms
                if not rules.capacity or _seats_enough(seats[r], size + rules.extra_seats)
            )
            duration = cands[0][1] - cands[0][0] if cands else 0
            model.jobs.append(
                JobData(
                    index=index,
                    job=job,
                    weight=request.priority,
                    pinned=job.pinned,
                    cands=cands,
                    by_day=by_day,
                    people=tuple(sorted(person_index[p] for p in request.attendee_ids)),
                    optional=tuple(person_index[p] for p in request.optional_participants),
                    rooms=allowed,
                    pool=pool,
                    n_any=request.any_leaders,
                    leads=bool(request.leaders or request.any_leaders)
                    or any(person_index[p] in leadership for p in request.participants),
                    off_site=request.kind.is_field_trip,
                    place=place_of(request.target_place) if request.kind in FIELD_KINDS else -1,
                    department=request.department_id,
                    duration=duration,
                    blackout_labels=tuple(sorted(labels)),
                    too_small=bool(request.rooms) and not allowed,
                    not_working=not_working,
                    missing_year=missing_year,
                )
            )
            data = model.jobs[-1]
            if data.off_site and rules.ab and rules.count_off_site:
                required = list(data.people)
                data.self_away = any(
                    set(model.away(p)[1]).intersection(model.away(q)[0])
                    for p in required
                    for q in required
                )
        model._fixed(base)
        return model

    def away(self, person: int) -> tuple[list[int], list[int]]:
        """(resources the person's away time books, resources it must find free)."""
        found = self._away.get(person)
        if found is None:
            found = self._away[person] = self._away_of(person)
        return found

    def _away_of(self, person: int) -> tuple[list[int], list[int]]:
        books: list[int] = []
        checks: list[int] = []
        for post in self.a_posts.get(person, ()):
            books.append(self.away_base + 2 * post)
            checks.append(self.away_base + 2 * post + 1)
        for post in self.b_posts.get(person, ()):
            books.append(self.away_base + 2 * post + 1)
            checks.append(self.away_base + 2 * post)
        return books, checks

    def _ref(self, ref: str, kind: str, start: int, end: int) -> int:
        self.refs.append((ref, kind))
        self.ref_spans.append((start, end))
        return len(self.refs) - 1

    def _fixed(self, base: Organization) -> None:
        rules = self.rules
        for absence in base.absences:
            person = self.person_index.get(absence.staff_id)
            if person is None:
                continue
            start, end = int(absence.span.start.timestamp()), int(absence.span.end.timestamp())
            first, last = _days(start, end)
            ref = self._ref(absence.id, "absent", start, end)
            if rules.absent:
                self.fixed.append((person, start, end, first, last, ref))
            if rules.ab:
                books, _ = self.away(person)
                for resource in books:
                    self.fixed.append((resource, start, end, first, last, ref))
        for activity in base.activities:
            start, end = int(activity.span.start.timestamp()), int(activity.span.end.timestamp())
            first, last = _days(start, end)
            ref = self._ref(activity.id, "busy", start, end)
            attendees = [self.person_index[p] for p in activity.attendees if p in self.person_index]
            leaders = frozenset(p for p in attendees if p in self.leadership)
            if rules.person:
                for person in attendees:
                    self.fixed.append((person, start, end, first, last, ref))
            if rules.room and activity.room_id in self.rooms:
                room = self.room_base + self.rooms.index(activity.room_id)
                self.fixed.append((room, start, end, first, last, ref))
            if leaders:
                if rules.lead:
                    self.fixed.append((self.lead, start, end, first, last, ref))
                self.fixed_leader_acts.append((start, end, leaders, ref))
            if rules.ab and activity.off_site and rules.count_off_site:
                for person in attendees:
                    for resource in self.away(person)[0]:
                        self.fixed.append((resource, start, end, first, last, ref))
            if activity.target_place is not None and activity.kind in FIELD_KINDS:
                place = (
                    self.places.index(activity.target_place)
                    if (activity.target_place in self.places)
                    else -1
                )
                if place >= 0:
                    self.fixed_trips.append((place, start, end, ref))
                for leader in leaders:
                    self.fixed_leader_trips.append((leader, month_of(first)))
            self.fixed_week.append((activity.department_id, week_of(first)))


def _seats_enough(seats: int | None, needed: int) -> bool:
    """A room of unknown size is taken to fit."""
    return seats is None or seats >= needed


def _days(start: int, end: int) -> tuple[int, int]:
    """The local days (ordinals) a half-open span touches."""
    return local_day(start), local_day(end - 1)


_EPOCH_ORDINAL = dt.date(1970, 1, 1).toordinal()


def local_day(seconds: int) -> int:
    """The office-zone (UTC+8) day of an epoch second, as an ordinal."""
    return (seconds + 8 * 3600) // DAY + _EPOCH_ORDINAL


def week_of(ordinal: int) -> int:
    """The Monday-first week of a day, as the ordinal of its Monday."""
    return ordinal - (ordinal - 1) % 7


def month_of(ordinal: int) -> int:
    day = dt.date.fromordinal(ordinal)
    return day.year * 12 + day.month
