"""Ranking and the quota line, shared by the routine (R3) and the annual (A2) assessment.

Candidates are ordered by a key (higher is better). When the people who share the key at the
quota line do not all fit, a caller-given order (``tie_order``, earlier is preferred) breaks the
tie if it names all of them; otherwise none of them takes the contested places and the tie is
reported for the party group to decide. Input order never breaks a tie.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from operator import itemgetter

from attrs import frozen

from jiguan_core._validation import SortedFrozenSet, boundary

__all__ = ["Selection", "Tie", "competition_ranks", "select_within_quota"]

Key = tuple[float, ...]


@frozen(kw_only=True)
class Tie:
    """People sharing the key at the quota line, ``places`` places left for them, undecided."""

    staff_ids: tuple[str, ...]
    places: int
    key: Key


@frozen(kw_only=True)
class Selection:
    selected: frozenset[str]
    tie: Tie | None
    #: People decided by the caller's tie order (the tie was broken, not left open).
    broken_by_order: frozenset[str]


@boundary
def select_within_quota(
    candidates: Sequence[tuple[str, Key]], places: int, tie_order: Sequence[str] = ()
) -> Selection:
    """The candidates that take the ``places`` places; see the module docstring for ties."""
    # Best key first, equal keys by id (a stable sort keeps the id order among equals).
    ordered = sorted(sorted(candidates), key=itemgetter(1), reverse=True)
    if len(ordered) <= places:
        return Selection(
            selected=SortedFrozenSet(c[0] for c in ordered),
            tie=None,
            broken_by_order=SortedFrozenSet(),
        )
    if places <= 0:
        return Selection(selected=SortedFrozenSet(), tie=None, broken_by_order=SortedFrozenSet())
    line_key = ordered[places - 1][1]
    above = [c[0] for c in ordered if c[1] > line_key]
    at_line = [c[0] for c in ordered if c[1] == line_key]
    left = places - len(above)
    if len(at_line) <= left:
        return Selection(
            selected=SortedFrozenSet(above + at_line), tie=None, broken_by_order=SortedFrozenSet()
        )
    position = {staff_id: i for i, staff_id in enumerate(tie_order)}
    if all(s in position for s in at_line):
        chosen = sorted(at_line, key=position.__getitem__)[:left]
        return Selection(
            selected=SortedFrozenSet(above + chosen),
            tie=None,
            broken_by_order=SortedFrozenSet(at_line),
        )
    return Selection(
        selected=SortedFrozenSet(above),
        tie=Tie(staff_ids=tuple(sorted(at_line)), places=left, key=line_key),
        broken_by_order=SortedFrozenSet(),
    )


@boundary
def competition_ranks(scores: Sequence[tuple[str, Key]]) -> dict[str, int]:
    """1 + the number of people with a strictly better key ("1224" ranking)."""
    ordered = sorted(scores, key=itemgetter(1), reverse=True)
    ranks: dict[str, int] = {}
    previous: Key | None = None
    rank = 0
    for i, (staff_id, key) in enumerate(ordered):
        if key != previous:
            rank, previous = i + 1, key
        ranks[staff_id] = rank
    return ranks


def _ranks_by_value(values: Mapping[str, float]) -> dict[str, int]:
    """:func:`competition_ranks` for a single number per person (the same ranks as for the keys
    ``(value,)``), without building the key tuples."""
    ranks: dict[str, int] = {}
    previous: float | None = None
    rank = 0
    for i, staff_id in enumerate(sorted(values, key=values.__getitem__, reverse=True)):
        value = values[staff_id]
        if value != previous:
            rank, previous = i + 1, value
        ranks[staff_id] = rank
    return ranks
