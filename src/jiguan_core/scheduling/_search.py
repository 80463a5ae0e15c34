"""Local search (private): late acceptance over ejection-chain, change and swap moves.

The state is always feasible for the hard rules; the search compares :meth:`State.score`
(weighted placements, then fewest moved, medium and soft penalties) under *late acceptance*
(Burke and Bykov): a move is kept when its score is no worse than the current one or than the
score ``HISTORY`` moves ago, which lets the search walk across plateaus (one long meeting out,
one short one in: equal weight) towards plans where the freed time takes several short ones.

Moves:

- *ejection chain*: place an unplaced job at one of its times, taking out the (unpinned)
  placements in its way; each taken out is put back elsewhere if it fits, then unplaced jobs
  that could use the freed days are tried there;
- *change*: move a placed job to another time (and room);
- *swap*: two placed jobs of the same length sharing a resource exchange their times.

Deterministic for a seed: a ``random.Random(seed)`` makes every choice; the iteration budget or
the caller's clock ends the search, and the best plan seen is restored.
"""

from __future__ import annotations

import random
from collections.abc import Callable, Collection

from jiguan_core.scheduling._construct import best_fit
from jiguan_core.scheduling._model import JobData, Model
from jiguan_core.scheduling._score import Assignment, State

__all__ = ["Search"]

#: Late-acceptance history length.
HISTORY = 64
#: Candidate times sampled per ejection move (the one with the lightest blockers is taken).
EJECTION_SAMPLES = 4
#: At most this many placements are taken out by one ejection move.
MAX_EJECTED = 4
#: Unplaced jobs tried in the days an ejection frees.
FILL_TRIES = 24
#: The stopping rule, in iterations (never seconds, so the result depends only on the seed).
#: *Placement patience*: moves without a better placement (weight, then fewest moved) before
#: the search gives up placing more. It grows with what is left to try: ``PATIENCE_PER_JOB``
#: moves per job it may move (the rearrangements of change and swap) plus
#: ``PATIENCE_PER_UNPLACED`` per job still unplaced that fits in the calendar alone (each is an
#: ejection target), at least ``PATIENCE`` and at most ``PATIENCE_MAX_PER_JOB`` per job. It is
#: skipped once the plan places everything that fits in the calendar alone (the proven upper
#: bound: nothing is left to gain there). Measured on the benchmark families, seeds 0-7: no
#: placement came later than 5 per job plus 35 per unplaced job after the one before.
PATIENCE = 100
PATIENCE_PER_JOB = 5
PATIENCE_PER_UNPLACED = 40
PATIENCE_MAX_PER_JOB = 12
#: *Penalty patience*: then moves without fewer medium penalties before the search stops --
#: at least ``PENALTY_PATIENCE``, or ``PENALTY_PATIENCE_TENTHS_PER_JOB`` tenths of a move per
#: job. The search stops at once when everything is placed and no medium or soft penalty is left.
PENALTY_PATIENCE = 10
PENALTY_PATIENCE_TENTHS_PER_JOB = 12

_Journal = list[tuple[int, Assignment | None]]  # (job, previous assignment or None if unplaced)


class Search:
    def __init__(
        self,
        model: Model,
        state: State,
        rng: random.Random,
        *,
        spend: Callable[[], bool],
        bound: int,
        hopeless: Collection[int],
    ) -> None:
        self.bound = bound  # weight of the jobs that fit in the calendar alone
        self.model = model
        self.state = state
        self.rng = rng
        self.spend = spend  # counts one iteration; True when the budget is exhausted
        # jobs that do not fit in the calendar alone are never placed: not worth a move
        self.movable = [
            d for d in model.jobs if d.cands and not d.pinned and d.index not in hopeless
        ]
        self.on_day: dict[int, list[int]] = {}
        for data in self.movable:
            for day in data.by_day:
                self.on_day.setdefault(day, []).append(data.index)

    # ---- journal ----

    def _unplace(self, data: JobData, journal: _Journal) -> None:
        journal.append((data.index, self.state.unplace(data)))

    def _place(self, data: JobData, assignment: Assignment, journal: _Journal) -> None:
        self.state.place(data, assignment)
        journal.append((data.index, None))

    def _undo(self, journal: _Journal) -> None:
        jobs = self.model.jobs
        for index, previous in reversed(journal):
            data = jobs[index]
            if previous is None:
                self.state.unplace(data)
            else:
                self.state.place(data, previous)

    # ---- the run ----

    def run(self) -> None:
        state = self.state
        if not self.movable:
            return
        # the state's weight when every movable job is placed (the others never change here)
        self.total = state.weight + sum(
            d.weight for d in self.movable if state.assign[d.index] is None
        )
        current = state.score()
        history = [current] * HISTORY
        best = current
        best_assign = list(state.assign)
        n = len(self.movable)
        penalty_patience = max(PENALTY_PATIENCE, PENALTY_PATIENCE_TENTHS_PER_JOB * n // 10)
        idle = 0  # moves since the placements last improved
        idle_penalty = 0  # moves since the placements or the medium penalties last improved
        step = 0
        while True:
            unplaced = (
                [d for d in self.movable if state.assign[d.index] is None]
                if state.weight < self.total
                else []
            )
            patience = max(
                PATIENCE,
                min(
                    PATIENCE_MAX_PER_JOB * n,
                    PATIENCE_PER_JOB * n + PATIENCE_PER_UNPLACED * len(unplaced),
                ),
            )
            placing = best[0] < self.bound and idle < patience
            if not placing and idle_penalty >= penalty_patience:
                break
            if not unplaced and state.penalties[1] == 0 == state.penalties[2]:
                break
            if self.spend():
                break
            journal: _Journal = []
            roll = self.rng.random()
            if unplaced and roll < 0.6:
                self._eject(self.rng.choice(unplaced), journal)
            elif roll < 0.85:
                self._change(journal)
            else:
                self._swap(journal)
            if not journal:
                idle += 1
                idle_penalty += 1
                continue
            score = state.score()
            slot = step % HISTORY
            if score >= current or score >= history[slot]:
                current = score
                idle = 0 if score[:2] > best[:2] else idle + 1
                idle_penalty = 0 if score[:3] > best[:3] else idle_penalty + 1
                if score > best:
                    best = score
                    best_assign = list(state.assign)
            else:
                self._undo(journal)
                idle += 1
                idle_penalty += 1
            history[slot] = current
            step += 1
        if state.score() < best:
            self._restore(best_assign)

    def _restore(self, assign: list[Assignment | None]) -> None:
        state = self.state
        for data in self.movable:
            if state.assign[data.index] is not None:
                state.unplace(data)
        for data in self.movable:
            target = assign[data.index]
            if target is not None:
                state.place(data, target)

    # ---- moves ----

    def _eject(self, data: JobData, journal: _Journal) -> None:
        state, rng, jobs = self.state, self.rng, self.model.jobs
        best: tuple[int, int, set[int]] | None = None
        for _ in range(EJECTION_SAMPLES):
            c = rng.randrange(len(data.cands))
            owners = state.blockers(data, c)
            if any(o < 0 or jobs[o].pinned for o in owners):
                continue
            room_owners: set[int] = set()
            if data.rooms and state.rules.room:
                options = []
                for room in data.rooms:
                    found: set[int] = set()
                    start, end, first, last = data.cands[c]
                    state.owners(room, start, end, first, last, found)
                    if all(o >= 0 and not jobs[o].pinned for o in found):
                        options.append((sum(jobs[o].weight for o in found - owners), found))
                if not options:
                    continue
                room_owners = min(options, key=lambda x: (x[0], sorted(x[1])))[1]
            victims = owners | room_owners
            if len(victims) > MAX_EJECTED:
                continue
            weight = sum(jobs[o].weight for o in victims)
            if best is None or (weight, len(victims)) < (best[0], len(best[2])):
                best = (weight, c, victims)
        if best is None:
            return
        _, c, victims = best
        for owner in sorted(victims):
            self._unplace(jobs[owner], journal)
        found_assignment = state.fit(data, c)
        if found_assignment is None:
            self._undo(journal)
            journal.clear()
            return
        self._place(data, found_assignment, journal)
        days: set[int] = set()
        for owner in sorted(victims, key=lambda o: (-jobs[o].weight, o)):
            victim = jobs[owner]
            previous = next(a for i, a in reversed(journal) if i == owner and a is not None)
            days.update(range(victim.cands[previous[0]][2], victim.cands[previous[0]][3] + 1))
            again = best_fit(state, victim, start=rng.randrange(len(victim.cands)))
            if again is not None:
                self._place(victim, again, journal)
        self._fill(days, journal)

    def _fill(self, days: set[int], journal: _Journal) -> None:
        """Try unplaced jobs with times on ``days`` there."""
        state, jobs = self.state, self.model.jobs
        pool = sorted({j for day in days for j in self.on_day.get(day, ())})
        pool = [j for j in pool if state.assign[j] is None]
        self.rng.shuffle(pool)
        for j in pool[:FILL_TRIES]:
            data = jobs[j]
            for day in sorted(days):
                placed = False
                for c in data.by_day.get(day, ()):
                    found = state.fit(data, c)
                    if found is not None:
                        self._place(data, found, journal)
                        placed = True
                        break
                if placed:
                    break

    def _change(self, journal: _Journal) -> None:
        state, rng = self.state, self.rng
        placed = [d for d in self.movable if state.assign[d.index] is not None]
        if not placed:
            return
        data = rng.choice(placed)
        if len(data.cands) < 2:
            return
        c = rng.randrange(len(data.cands))
        current = state.assign[data.index]
        assert current is not None
        if c == current[0]:
            return
        self._unplace(data, journal)
        found = state.fit(data, c)
        if found is None:
            self._undo(journal)
            journal.clear()
            return
        self._place(data, found, journal)

    def _swap(self, journal: _Journal) -> None:
        """Two placed jobs of equal length exchange their start times."""
        state, rng = self.state, self.rng
        placed = [d for d in self.movable if state.assign[d.index] is not None]
        if len(placed) < 2:
            return
        first = rng.choice(placed)
        other = rng.choice(placed)
        if other is first or other.duration != first.duration:
            return
        a = state.assign[first.index]
        b = state.assign[other.index]
        assert a is not None
        assert b is not None
        start_a, start_b = first.cands[a[0]][0], other.cands[b[0]][0]
        c_first = _index_of(first, start_b)
        c_other = _index_of(other, start_a)
        if c_first is None or c_other is None:
            return
        self._unplace(first, journal)
        self._unplace(other, journal)
        found_first = state.fit(first, c_first)
        if found_first is not None:
            self._place(first, found_first, journal)
            found_other = state.fit(other, c_other)
            if found_other is not None:
                self._place(other, found_other, journal)
                return
        self._undo(journal)
        journal.clear()


def _index_of(data: JobData, start: int) -> int | None:
    for c, cand in enumerate(data.cands):
        if cand[0] == start:
            return c
    return None
