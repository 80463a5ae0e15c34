"""The scheduler: place requests so that the calendar gains no hard violation.

Method (see docs/scheduling.md): a *construction heuristic* places the one-off requests (after
RRULE expansion) in order of priority, then of fewest candidate times ("most constrained
first"); for each it walks the candidate times of its window (office hours, working days, the
30-minute step) and keeps the cheapest of the first few feasible ones. A *local search* then
tries, for every unplaced request, an ejection move: take out one placed (unpinned) activity of
no higher priority that blocks a candidate, place the request there, and re-place the ejected
one elsewhere; the move is kept only if the priority-weighted number of placements grows.

Feasibility is never decided here: a fast occupancy index only prunes candidates, and every
surviving candidate is put to :meth:`jiguan_core.rules.IncrementalChecker.violations_if_added`.
A candidate is feasible iff that returns no hard violation, so the scheduler and the checker
cannot disagree. At the end the plan is checked once more against the full check.

Determinism: the result depends only on the input, ``seed`` and ``max_iterations``. The clock is
read only when ``time_limit`` is given (it then stops the search early and returns the best plan
so far, which may depend on the machine's speed); without it the search is iteration-bounded.
"""

from __future__ import annotations

import datetime as dt
import random
import time
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from typing import Any

import attrs
import pendulum
from attrs import define, field

from jiguan_core._validation import boundary
from jiguan_core.activity import Activity
from jiguan_core.calendar import WorkCalendar
from jiguan_core.errors import CalendarYearNotCovered, InvalidInput, Problem
from jiguan_core.organization import Organization
from jiguan_core.rule import Severity
from jiguan_core.rules import CATALOGUE, IncrementalChecker, SchedulingPolicy, Score
from jiguan_core.scheduling._candidates import Candidate as _Candidate
from jiguan_core.scheduling._candidates import candidates
from jiguan_core.scheduling._occupancy import LEADERSHIP, Occupancy, _Booking
from jiguan_core.scheduling.plan import Placement, Plan, Unplaced
from jiguan_core.scheduling.recurrence import expand
from jiguan_core.scheduling.request import ActivityRequest, OfficeHours, SchedulingError
from jiguan_core.text import Text
from jiguan_core.time import SHANGHAI, TimeSpan

__all__ = ["replan", "schedule"]

#: Feasible candidates compared per request before taking the cheapest (spread over days).
FEASIBLE_CANDIDATES_COMPARED = 4
#: ... and up to this many while every one found breaks a medium rule (medium outweighs soft).
MEDIUM_CANDIDATES_COMPARED = 12
#: Candidate times tried per unplaced request in one ejection pass.
EJECTION_TRIES = 100
#: At most this many placements are moved out of the way in one ejection move.
MAX_VICTIMS = 3
#: At most this many blockers are named in an unplaced request's reason.
REASONS_SHOWN = 4

_RULE_PERSON = "SCH1"
_RULE_TARGET = "SCH2"
_RULE_LEADERS = "SCH4"
_RULE_ROOM = "SCH5"
_RULE_DAYS = "SCH6"


@boundary
def schedule(
    office: Organization,
    requests: Sequence[ActivityRequest],
    *,
    policy: SchedulingPolicy | None = None,
    calendar: WorkCalendar | None = None,
    hours: Mapping[str, Any] | None = None,
    seed: int = 0,
    max_iterations: int = 20_000,
    time_limit: float | None = None,
    clock: Callable[[], float] = time.monotonic,
    progress: Callable[[int, int], None] | None = None,
) -> Plan:
    """Place ``requests`` around the office's own activities and absences.

    Raises :class:`SchedulingError` / :class:`~jiguan_core.errors.InvalidInput` (both
    :class:`~jiguan_core.errors.JiguanError`) for bad input, before any placing: never a partial
    plan. ``hours`` overrides :data:`~jiguan_core.scheduling.request.OFFICE_HOURS`.
    ``progress(done, total)`` is called as each request to place is tried (for a progress bar;
    it must not raise).
    """
    return _Engine(
        office,
        requests,
        policy=policy,
        calendar=calendar,
        hours=hours,
        seed=seed,
        max_iterations=max_iterations,
        time_limit=time_limit,
        clock=clock,
        progress=progress,
    ).run(previous=None)


@boundary
def replan(
    previous: Plan,
    office: Organization,
    requests: Sequence[ActivityRequest],
    *,
    policy: SchedulingPolicy | None = None,
    calendar: WorkCalendar | None = None,
    hours: Mapping[str, Any] | None = None,
    seed: int = 0,
    max_iterations: int = 20_000,
    time_limit: float | None = None,
    clock: Callable[[], float] = time.monotonic,
    progress: Callable[[int, int], None] | None = None,
) -> Plan:
    """Re-plan after a change (absences added, requests withdrawn or added ...).

    ``office`` and ``requests`` are the new situation. Placements of ``previous`` whose request
    is still asked for are kept where they still fit, so as few as possible move; placements of
    pinned requests never move (if a change breaks one, it stays and the conflict is listed in
    ``Plan.pinned_conflicts``). ``Plan.moved`` names the placements that changed.
    """
    return _Engine(
        office,
        requests,
        policy=policy,
        calendar=calendar,
        hours=hours,
        seed=seed,
        max_iterations=max_iterations,
        time_limit=time_limit,
        clock=clock,
        progress=progress,
    ).run(previous=previous)


# --------------------------------------------------------------------------------------------
# internals


@define
class _Job:
    request: ActivityRequest  # one-off (an occurrence of a recurring request, or itself)
    parent: ActivityRequest
    order: int  # position in the input, for stable ties
    reasons: dict[tuple[str, str], list[tuple[int, int, str]]] = field(factory=dict)
    rule_reasons: dict[str, Text] = field(factory=dict)
    estimate: int = 0  # candidate times
    days: int = 0  # distinct candidate days

    @property
    def id(self) -> str:
        return self.request.id

    @property
    def priority(self) -> int:
        return self.request.priority

    @property
    def pinned(self) -> bool:
        return self.parent.pinned


class _Engine:
    def __init__(
        self,
        office: Organization,
        requests: Sequence[ActivityRequest],
        *,
        policy: SchedulingPolicy | None,
        calendar: WorkCalendar | None,
        hours: Mapping[str, Any] | None,
        seed: int,
        max_iterations: int,
        time_limit: float | None,
        clock: Callable[[], float],
        progress: Callable[[int, int], None] | None = None,
    ) -> None:
        self.office = office
        self.progress = progress
        self.policy = policy if policy is not None else SchedulingPolicy()
        self.calendar = calendar if calendar is not None else WorkCalendar()
        self.hours = OfficeHours.resolve(hours)
        self.seed = seed
        self.max_iterations = max_iterations
        self.time_limit = time_limit
        self.clock = clock
        self.deadline: float | None = None
        self.iterations = 0
        self.jobs = self._validate(requests)
        self.levels = {info.id: self.policy.level(info.id) for info in CATALOGUE}
        self.leadership = tuple(s.id for s in office.leadership_members)
        self.names = {s.id: s.name for s in office.staff}
        self.room_names = {r.id: r.name for r in office.rooms}
        #: Requests whose window needs a year the calendar does not know: refused with that reason.
        self.missing_year: dict[str, int] = {}

    # ---- validation: all problems at once, before anything is placed ----

    def _validate(self, requests: Sequence[ActivityRequest]) -> list[_Job]:
        problems: list[Problem] = []
        jobs: list[_Job] = []
        seen: set[str] = set()
        existing = {a.id for a in self.office.activities}
        leaders = {s.id for s in self.office.leadership_members}
        departments = {d.id for d in self.office.departments}
        for index, request in enumerate(requests):
            path = f"$.requests[{index}]"
            given: object = request
            if not isinstance(given, ActivityRequest):
                problems.append(
                    Problem(path, f"not an ActivityRequest: {request!r}", "不是 ActivityRequest")
                )
                continue
            where = f"{path} ({request.id})"
            if request.id in seen:
                problems.append(
                    Problem(where, f"request id {request.id!r} used twice", "活动申请编号重复")
                )
            seen.add(request.id)
            for person in (*request.participants, *request.optional_participants):
                if not self.office.has_staff(person):
                    problems.append(
                        Problem(
                            f"{where}.participants",
                            f"request {request.id!r}: unknown staff member {person!r}",
                            f"活动申请 {request.id!r}：未知人员 {person!r}",
                        )
                    )
            for person in request.leaders:
                if person not in leaders:
                    problems.append(
                        Problem(
                            f"{where}.leaders",
                            f"request {request.id!r}: {person!r} is not a leadership member "
                            "(主席会议成员)",
                            f"活动申请 {request.id!r}：{person!r} 不是主席会议成员",
                        )
                    )
            for room in request.rooms:
                if not self.office.has_room(room):
                    problems.append(
                        Problem(
                            f"{where}.rooms",
                            f"request {request.id!r}: unknown room {room!r}",
                            f"活动申请 {request.id!r}：未知会议室 {room!r}",
                        )
                    )
            if request.department_id not in departments:
                problems.append(
                    Problem(
                        f"{where}.department_id",
                        f"request {request.id!r}: unknown department {request.department_id!r}",
                        f"活动申请 {request.id!r}：未知部门 {request.department_id!r}",
                    )
                )
            if request.duration is not None and request.hours is None:
                longest = dt.timedelta(minutes=self.hours.longest_block_minutes)
                if request.duration > longest:
                    problems.append(
                        Problem(
                            f"{where}.duration",
                            f"request {request.id!r}: duration {request.duration} is longer "
                            f"than the longest office-hours block ({longest}); use days= for "
                            "whole-day activities",
                            f"活动申请 {request.id!r}：时长超过单个上班时段，整天活动请用 days",
                        )
                    )
            try:
                occurrences = expand(request)
            except SchedulingError as error:
                problems.append(Problem(f"{where}.rrule", error.message_en, error.message_zh))
                continue
            for occurrence in occurrences:
                if occurrence.id in existing:
                    problems.append(
                        Problem(
                            f"{where}.id",
                            f"request {request.id!r}: activity id {occurrence.id!r} is already "
                            "on the calendar",
                            f"活动申请 {request.id!r}：活动编号 {occurrence.id!r} 已存在",
                        )
                    )
                jobs.append(_Job(request=occurrence, parent=request, order=len(jobs)))
        if problems:
            raise InvalidInput(problems)
        return jobs

    def _candidates(self, request: ActivityRequest) -> Iterator[_Candidate]:
        """The request's candidate times; none when its window needs the working-day
        arrangement of a year the calendar does not know (never assumed: the request is left
        unplaced with that reason, and the other requests are planned as usual)."""
        if request.id in self.missing_year:
            return iter(())
        try:
            return iter(list(candidates(request, self.hours, self.calendar)))
        except CalendarYearNotCovered as error:
            self.missing_year[request.id] = error.year
            return iter(())

    # ---- the run ----

    def run(self, *, previous: Plan | None) -> Plan:
        if self.time_limit is not None:
            self.deadline = self.clock() + self.time_limit
        self.rng = random.Random(self.seed)
        job_by_id = {job.id: job for job in self.jobs}
        pinned_fixed: list[Activity] = []
        kept: list[Placement] = []
        if previous is not None:
            for placement in previous.placed:
                job = job_by_id.get(placement.request_id)
                if job is None:
                    continue
                if job.pinned:
                    pinned_fixed.append(placement.activity)
                else:
                    kept.append(placement)
        base = self.office
        if pinned_fixed:
            base = base.with_activities(pinned_fixed)
        self._setup(base)
        pinned_conflicts = self._pinned_conflicts(pinned_fixed)
        self.placed: dict[str, tuple[_Job, Activity]] = {}
        for activity in pinned_fixed:
            self.placed[activity.id] = (job_by_id[activity.id], activity)
        fixed_ids = {a.id for a in pinned_fixed}
        old = {p.request_id: p.activity for p in kept}
        # keep what still fits, highest priority first
        for placement in sorted(kept, key=lambda p: (-p.priority, p.request_id)):
            job = job_by_id[placement.request_id]
            if self._still_asked(job, placement.activity) and self._fits(placement.activity):
                self._commit(job, placement.activity)
        pending = [j for j in self.jobs if j.id not in self.placed]
        for job in pending:
            times = list(self._candidates(job.request))
            job.days = len({c.first_day for c in times})
            job.estimate = len(times)
        pending.sort(
            key=lambda j: (
                -j.priority,
                j.days,
                j.estimate,
                -len(j.request.attendee_ids),
                j.order,
            )
        )
        for done, job in enumerate(pending, start=1):
            if self._out_of_time():
                break
            self._place(job)
            if self.progress is not None:
                self.progress(done, len(pending))
        self._improve()
        self._final_guard()
        return self._plan(fixed_ids, old, pinned_conflicts)

    def _still_asked(self, job: _Job, activity: Activity) -> bool:
        """Does a previous placement still answer the (possibly changed) request?"""
        request = job.request
        start = int(activity.span.start.timestamp())
        end = int(activity.span.end.timestamp())
        if not any(c.start == start and c.end == end for c in self._candidates(request)):
            return False
        leaders = set(activity.leaders)
        return (
            activity.kind is request.kind
            and activity.title == request.title
            and activity.department_id == request.department_id
            and activity.target_place == request.target_place
            and activity.meeting_kind is request.meeting_kind
            and set(request.participants) <= set(activity.participants)
            and set(activity.participants)
            <= set(request.participants) | set(request.optional_participants)
            and set(request.leaders) <= leaders
            and len(leaders) == len(request.leaders) + request.any_leaders
            and (activity.room_id in request.rooms if request.rooms else activity.room_id is None)
        )

    def _setup(self, base: Organization) -> None:
        self.checker = IncrementalChecker(base, policy=self.policy, calendar=self.calendar)
        self.baseline = set(self.checker.violations())
        gap: int | None = None
        if self._hard(_RULE_TARGET):
            value = self.policy.parameters(_RULE_TARGET).get("days")
            gap = int(value) if isinstance(value, int | float) else None
        self.occupancy = Occupancy(target_gap_days=gap)
        for absence in base.absences:
            self._book_span(absence.id, absence.span, people=(absence.staff_id,))
        for activity in base.activities:
            self._book_activity(activity, movable=False)
        if self._hard(_RULE_DAYS):
            for blackout in self.policy.blackouts:
                self.occupancy.blackouts.append(
                    (
                        int(blackout.span.start.timestamp()),
                        int(blackout.span.end.timestamp()),
                        blackout.id,
                        frozenset(blackout.exempt),
                    )
                )
        self.blackout_labels = {b.id: b.label for b in self.policy.blackouts}
        self.leader_load: dict[str, int] = dict.fromkeys(self.leadership, 0)

    def _hard(self, rule_id: str) -> bool:
        return self.policy.enabled(rule_id) and self.levels.get(rule_id) is Severity.HARD

    def _book_span(
        self,
        ref: str,
        span: TimeSpan,
        *,
        people: tuple[str, ...] = (),
        room: str | None = None,
        place: str | None = None,
        movable: bool = False,
    ) -> None:
        days = list(span.dates())
        self.occupancy.add(
            ref,
            int(span.start.timestamp()),
            int(span.end.timestamp()),
            days[0].toordinal(),
            days[-1].toordinal(),
            people=people,
            room=room,
            place=place,
            movable=movable,
        )

    def _book_activity(self, activity: Activity, *, movable: bool) -> None:
        people: tuple[str, ...] = activity.attendees if self._hard(_RULE_PERSON) else ()
        if activity.leaders and self._hard(_RULE_LEADERS):
            people = (*people, LEADERSHIP)
        room = activity.room_id if self._hard(_RULE_ROOM) else None
        place = activity.target_place if activity.kind.is_field_trip else None
        self._book_span(
            activity.id, activity.span, people=people, room=room, place=place, movable=movable
        )

    def _pinned_conflicts(self, pinned: list[Activity]) -> tuple[Text, ...]:
        ids = {a.id for a in pinned}
        return tuple(
            v.message
            for v in sorted(self.baseline, key=lambda v: v.key)
            if v.level is Severity.HARD and ids.intersection(v.activity_ids)
        )

    def _out_of_time(self) -> bool:
        if self.iterations >= self.max_iterations:
            return True
        return self.deadline is not None and self.clock() >= self.deadline

    # ---- placing one request ----

    def _fits(self, activity: Activity) -> bool:
        self.iterations += 1
        return not any(v.level is Severity.HARD for v in self.checker.violations_if_added(activity))

    def _commit(self, job: _Job, activity: Activity) -> None:
        self.checker.add(activity)
        self._book_activity(activity, movable=not job.pinned)
        for leader in activity.leaders:
            self.leader_load[leader] = self.leader_load.get(leader, 0) + 1
        self.placed[job.id] = (job, activity)

    def _withdraw(self, job_id: str) -> Activity:
        _, activity = self.placed.pop(job_id)
        self.checker.remove(job_id)
        self.occupancy.remove(job_id)
        for leader in activity.leaders:
            self.leader_load[leader] -= 1
        return activity

    def _place(self, job: _Job, *, record: bool = True) -> bool:
        """Place ``job`` at the cheapest of its first feasible candidates; False if none."""
        best: tuple[tuple[int, int], Activity] | None = None
        compared = 0
        days_seen: set[int] = set()
        any_day = False
        for candidate in self._candidates(job.request):
            any_day = True
            if candidate.first_day in days_seen:
                continue
            activity = self._build(job, candidate, record=record)
            if activity is None:
                continue
            self.iterations += 1
            violations = self.checker.violations_if_added(activity)
            hard = [v for v in violations if v.level is Severity.HARD]
            if hard and len(activity.participants) > len(job.request.participants):
                # an optional participant is in the way: go without them
                activity = attrs.evolve(activity, participants=job.request.participants)
                self.iterations += 1
                violations = self.checker.violations_if_added(activity)
                hard = [v for v in violations if v.level is Severity.HARD]
            if hard:
                if record:
                    for v in hard:
                        job.rule_reasons.setdefault(v.rule_id + v.part, v.message)
                continue
            cost = (
                sum(v.penalty for v in violations if v.level is Severity.MEDIUM),
                sum(v.penalty for v in violations if v.level is Severity.SOFT),
            )
            if best is None or cost < best[0]:
                best = (cost, activity)
            days_seen.add(candidate.first_day)
            compared += 1
            if best[0] == (0, 0) or compared >= (
                FEASIBLE_CANDIDATES_COMPARED if best[0][0] == 0 else MEDIUM_CANDIDATES_COMPARED
            ):
                break
        if not any_day and record:
            job.reasons[("no_day", "")] = []
        if best is None:
            return False
        self._commit(job, best[1])
        return True

    def _blockers(self, job: _Job, candidate: _Candidate) -> list[tuple[str, str, _Booking]]:
        """Everything that rules a candidate out for the required people, room and place."""
        request = job.request
        occupancy = self.occupancy
        found: list[tuple[str, str, _Booking]] = []
        args = (candidate.start, candidate.end, candidate.first_day, candidate.last_day)
        people: tuple[str, ...] = request.attendee_ids
        if (request.leaders or request.any_leaders) and self._hard(_RULE_LEADERS):
            people = (*people, LEADERSHIP)
        for person in people:
            for booking in occupancy.person_blockers(person, *args):
                found.append(("person", person, booking))
        if request.target_place is not None and request.kind.is_field_trip:
            for booking in occupancy.place_blockers(
                request.target_place, candidate.first_day, candidate.last_day
            ):
                found.append(("place", request.target_place, booking))
        return found

    def _free_room(
        self, job: _Job, candidate: _Candidate, ignore: str | None = None
    ) -> tuple[bool, str | None, list[tuple[str, str, _Booking]]]:
        """The first of the request's rooms free at ``candidate`` (``ignore``: a booking to skip)."""
        request = job.request
        if not request.rooms:
            return True, None, []
        if not self._hard(_RULE_ROOM):
            return True, request.rooms[0], []
        blocked: list[tuple[str, str, _Booking]] = []
        for room in request.rooms:
            bookings = [
                b
                for b in self.occupancy.room_blockers(
                    room, candidate.start, candidate.end, candidate.first_day, candidate.last_day
                )
                if b.ref != ignore
            ]
            if not bookings:
                return True, room, []
            blocked.extend(("room", room, b) for b in bookings)
        return False, None, blocked

    def _build(
        self, job: _Job, candidate: _Candidate, *, record: bool, ignore: str | None = None
    ) -> Activity | None:
        """The activity for ``candidate``, or None (and reasons noted) if the index rules it out.

        ``ignore``: the id of a booking treated as absent (the one an ejection would move).
        """
        request = job.request
        blockers = [b for b in self._blockers(job, candidate) if b[2].ref != ignore]
        label = None
        if self._hard(_RULE_DAYS):
            label = self.occupancy.blackout_blocker(request.id, candidate.start, candidate.end)
        ok, room, room_blockers = self._free_room(job, candidate, ignore)
        if blockers or label is not None or not ok:
            if record:
                self._note(job, blockers + room_blockers, label)
            return None
        args = (candidate.start, candidate.end, candidate.first_day, candidate.last_day)
        chosen: list[str] = []
        if request.any_leaders:
            named = set(request.leaders) | set(request.participants)
            pool = sorted(
                (s for s in self.leadership if s not in named),
                key=lambda s: (self.leader_load.get(s, 0), s),
            )
            for leader in pool:
                busy = [b for b in self.occupancy.person_blockers(leader, *args) if b.ref != ignore]
                if not busy:
                    chosen.append(leader)
                    if len(chosen) == request.any_leaders:
                        break
            if len(chosen) < request.any_leaders:
                if record:
                    job.reasons.setdefault(("leaders", ""), [])
                return None
        optional = [
            p
            for p in request.optional_participants
            if not [b for b in self.occupancy.person_blockers(p, *args) if b.ref != ignore]
        ]
        start = pendulum.from_timestamp(candidate.start, tz=SHANGHAI)
        end = pendulum.from_timestamp(candidate.end, tz=SHANGHAI)
        return Activity(
            id=request.id,
            kind=request.kind,
            title=request.title,
            span=TimeSpan(start, end),
            department_id=request.department_id,
            participants=(*request.participants, *optional),
            leaders=(*request.leaders, *chosen),
            target_place=request.target_place,
            room_id=room,
            meeting_kind=request.meeting_kind,
        )

    def _note(
        self, job: _Job, blockers: list[tuple[str, str, _Booking]], label: str | None
    ) -> None:
        for kind, subject, booking in blockers:
            if kind == "person" and subject == LEADERSHIP:
                key = ("leadership", booking.ref)
            elif kind == "person":
                absence = booking.ref in self._absence_ids
                key = ("absent" if absence else "busy", subject)
            else:
                key = (kind, subject)
            entries = job.reasons.setdefault(key, [])
            entry = (booking.first_day, booking.last_day, booking.ref)
            if entry not in entries and len(entries) < 50:
                entries.append(entry)
        if label is not None:
            job.reasons.setdefault(("blackout", label), [])

    @property
    def _absence_ids(self) -> set[str]:
        cached: set[str] | None = getattr(self, "_absence_cache", None)
        if cached is None:
            cached = {a.id for a in self.office.absences}
            self._absence_cache = cached
        return cached

    # ---- local search: ejection moves ----

    def _improve(self) -> None:
        improved = True
        while improved and not self._out_of_time():
            improved = False
            unplaced = [j for j in self.jobs if j.id not in self.placed]
            self.rng.shuffle(unplaced)
            unplaced.sort(key=lambda j: -j.priority)
            for job in unplaced:
                if self._out_of_time():
                    return
                if self._eject_for(job):
                    improved = True

    def _victims(self, job: _Job, candidate: _Candidate) -> list[str] | None:
        """The movable placements (unpinned, of no higher priority; at most
        :data:`MAX_VICTIMS`) whose removal would free ``candidate`` for the required people
        and one of the rooms, fewest first; None if there are none such."""
        people = {b[2].ref for b in self._blockers(job, candidate)}
        options = [people]
        ok, _, room_blockers = self._free_room(job, candidate)
        if not ok:
            options = [
                people | {b[2].ref for b in room_blockers if b[1] == room}
                for room in job.request.rooms
            ]
        best: list[str] | None = None
        for refs in options:
            if not refs or len(refs) > MAX_VICTIMS:
                continue
            entries = [self.placed.get(ref) for ref in refs]
            if any(e is None or e[0].pinned or e[0].priority > job.priority for e in entries):
                continue
            if best is None or len(refs) < len(best):
                best = sorted(refs)
        return best

    def _eject_for(self, job: _Job) -> bool:
        """Place ``job`` by moving up to :data:`MAX_VICTIMS` placements out of its way; kept
        only when the weighted number of placements grows (else everything is put back)."""
        tries = 0
        for candidate in self._candidates(job.request):
            if tries >= EJECTION_TRIES or self._out_of_time():
                return False
            refs = self._victims(job, candidate)
            if refs is None:
                continue
            tries += 1
            self.iterations += 1
            victims = [self.placed[ref] for ref in refs]
            for ref in refs:
                self._withdraw(ref)
            activity = self._build(job, candidate, record=False)
            if activity is not None and self._fits(activity):
                self._commit(job, activity)
                lost = 0
                replaced: list[str] = []
                for victim_job, _ in sorted(victims, key=lambda v: (-v[0].priority, v[0].id)):
                    if self._place(victim_job, record=False):
                        replaced.append(victim_job.id)
                    else:
                        lost += victim_job.priority
                if job.priority > lost:
                    for victim_job, _ in victims:
                        if victim_job.id not in self.placed:
                            victim_job.reasons.clear()
                            victim_job.rule_reasons = {
                                "displaced": Text(
                                    f"让位于优先级更高的“{job.request.title}”（{job.id}）",
                                    f"gave way to the higher-priority '{job.request.title}' "
                                    f"({job.id})",
                                )
                            }
                    return True
                for ref in replaced:
                    self._withdraw(ref)
                self._withdraw(job.id)
            for victim_job, victim in victims:
                self._commit(victim_job, victim)
        return False

    # ---- the end ----

    def _final_guard(self) -> None:
        """Drop any placement the full check finds in a new hard violation (a safety net)."""
        while True:
            new_hard = [
                v
                for v in self.checker.violations()
                if v.level is Severity.HARD and v not in self.baseline
            ]
            culprits = sorted(
                {a for v in new_hard for a in v.activity_ids if a in self.placed}
                - {j.id for j, _ in self.placed.values() if j.pinned}
            )
            if not culprits:
                return
            job, _ = self.placed[culprits[-1]]
            self._withdraw(job.id)
            for v in new_hard:
                job.rule_reasons.setdefault(v.rule_id + v.part, v.message)

    def _score(self) -> Score:
        new = [v for v in self.checker.violations() if v not in self.baseline]
        return Score(
            hard=sum(v.penalty for v in new if v.level is Severity.HARD),
            medium=sum(v.penalty for v in new if v.level is Severity.MEDIUM),
            soft=sum(v.penalty for v in new if v.level is Severity.SOFT),
        )

    def _plan(
        self,
        fixed_ids: set[str],
        old: Mapping[str, Activity],
        pinned_conflicts: tuple[Text, ...],
    ) -> Plan:
        placed = sorted(
            (
                Placement(
                    request_id=job.id, priority=job.priority, pinned=job.pinned, activity=activity
                )
                for job, activity in self.placed.values()
            ),
            key=lambda p: (p.activity.span.start, p.request_id),
        )
        unplaced = sorted(
            (
                Unplaced(
                    request_id=job.id,
                    title=job.request.title,
                    priority=job.priority,
                    reason=self._reason(job),
                )
                for job in self.jobs
                if job.id not in self.placed
            ),
            key=lambda u: u.request_id,
        )
        moved = sorted(
            request_id
            for request_id, activity in old.items()
            if request_id not in fixed_ids
            and (request_id not in self.placed or self.placed[request_id][1] != activity)
        )
        return Plan(
            placed=tuple(placed),
            unplaced=tuple(unplaced),
            score=self._score(),
            moved=tuple(moved),
            pinned_conflicts=pinned_conflicts,
            iterations=self.iterations,
        )

    # ---- reasons ----

    def _reason(self, job: _Job) -> Text:
        year = self.missing_year.get(job.request.id)
        if year is not None:
            return Text(
                f"时间窗口需要 {year} 年的放假调休安排，尚未提供；请按国务院办公厅通知补充该年安排"
                "（WorkCalendar 的 YearArrangement，或命令行 --calendar FILE）",
                f"the window needs the official working-day arrangement of {year}, which is not "
                "known yet; supply that year (a YearArrangement in the WorkCalendar, or "
                "--calendar FILE on the command line)",
            )
        zh: list[str] = []
        en: list[str] = []
        titles = {a.id: a.title for a in self.office.activities}
        titles.update({j.id: a.title for j, a in self.placed.values()})
        for (kind, subject), entries in job.reasons.items():
            days = _days(entries)
            if kind == "absent":
                name = self.names.get(subject, subject)
                zh.append(f"{name} {_zh_days(days)} 不在岗")
                en.append(f"{name} is away {_en_days(days)}")
            elif kind == "busy":
                name = self.names.get(subject, subject)
                title = titles.get(entries[0][2], entries[0][2])
                zh.append(f"{name} {_zh_days(days)} 已有活动（如“{title}”）")
                en.append(f"{name} is at other activities {_en_days(days)} (e.g. '{title}')")
            elif kind == "room":
                name = self.room_names.get(subject, subject)
                zh.append(f"{name} {_zh_days(days)} 已被占用")
                en.append(f"room {name} is taken {_en_days(days)}")
            elif kind == "place":
                zh.append(f"{subject} {_zh_days(days)} 已有调研视察")
                en.append(f"{subject} was visited {_en_days(days)}")
            elif kind == "leadership":
                title = titles.get(subject, subject)
                zh.append(f"主席会议成员已有活动“{title}”")
                en.append(f"leadership members are at '{title}'")
            elif kind == "leaders":
                zh.append("空闲的主席会议成员不足")
                en.append("not enough leadership members free")
            elif kind == "blackout":
                label = self.blackout_labels.get(subject)
                zh.append(f"禁排时段：{label.zh if label else subject}")
                en.append(f"blackout period: {label.en if label else subject}")
            elif kind == "no_day":
                zh.append("时间窗口内没有允许的工作日和时段")
                en.append("no allowed working day and hours in the window")
        for message in job.rule_reasons.values():
            zh.append(message.zh)
            en.append(message.en)
        if not zh:
            zh.append("在搜索的时间或迭代上限内未能安排")
            en.append("not placed within the search's time or iteration limit")
        more = len(zh) - REASONS_SHOWN
        zh_text = "；".join(zh[:REASONS_SHOWN]) + (f"；另有 {more} 项" if more > 0 else "")
        en_text = "; ".join(en[:REASONS_SHOWN]) + (f"; and {more} more" if more > 0 else "")
        return Text(zh_text, en_text)


def _days(entries: Iterable[tuple[int, int, str]]) -> list[tuple[dt.date, dt.date]]:
    return sorted(
        {(dt.date.fromordinal(first), dt.date.fromordinal(last)) for first, last, _ in entries}
    )


def _zh_days(days: list[tuple[dt.date, dt.date]]) -> str:
    shown = [
        f"{a.month}月{a.day}日" if a == b else f"{a.month}月{a.day}日至{b.month}月{b.day}日"
        for a, b in days[:3]
    ]
    return "、".join(shown) + ("等" if len(days) > 3 else "")


def _en_days(days: list[tuple[dt.date, dt.date]]) -> str:
    def one(a: dt.date, b: dt.date) -> str:
        if a == b:
            return f"on {a.day} {a:%B}"
        if a.month == b.month:
            return f"{a.day}-{b.day} {a:%B}"
        return f"{a.day} {a:%B}-{b.day} {b:%B}"

    shown = [one(a, b) for a, b in days[:3]]
    return ", ".join(shown) + (" ..." if len(days) > 3 else "")
