"""Ranking and the quota line (A2, R3): "1224" ranks, and who takes the places at the line."""

from __future__ import annotations

from jiguan_core.assessment.ranking import competition_ranks, select_within_quota


def test_equal_keys_share_a_rank_and_the_next_rank_skips_them() -> None:
    """90, 85, 85, 80: ranks 1, 2, 2, 4 ("1224"), whatever the input order."""
    scores = [("d", (80.0,)), ("b", (85.0,)), ("a", (90.0,)), ("c", (85.0,))]
    assert competition_ranks(scores) == {"a": 1, "b": 2, "c": 2, "d": 4}
    assert competition_ranks(list(reversed(scores))) == {"a": 1, "b": 2, "c": 2, "d": 4}


def test_a_later_part_of_the_key_separates_equal_first_parts() -> None:
    scores = [("a", (85.0, 2.0)), ("b", (85.0, 3.0)), ("c", (85.0, 2.0))]
    assert competition_ranks(scores) == {"b": 1, "a": 2, "c": 2}


def test_nobody_to_rank_gives_no_ranks() -> None:
    assert competition_ranks([]) == {}


def test_people_tied_across_the_line_take_none_of_the_contested_places() -> None:
    """Two places; one clear first, three sharing second: one place left for three people."""
    candidates = [("a", (95.0,)), ("b", (90.0,)), ("c", (90.0,)), ("d", (90.0,))]
    selection = select_within_quota(candidates, 2)
    assert selection.selected == frozenset({"a"})
    assert selection.tie is not None
    assert (selection.tie.staff_ids, selection.tie.places) == (("b", "c", "d"), 1)


def test_a_tie_that_fits_the_places_left_takes_them_all() -> None:
    candidates = [("a", (95.0,)), ("b", (90.0,)), ("c", (90.0,)), ("d", (80.0,))]
    selection = select_within_quota(candidates, 3)
    assert selection.selected == frozenset({"a", "b", "c"})
    assert selection.tie is None


def test_a_tie_order_naming_everyone_tied_breaks_the_tie() -> None:
    candidates = [("a", (95.0,)), ("b", (90.0,)), ("c", (90.0,))]
    selection = select_within_quota(candidates, 2, tie_order=["c", "b"])
    assert selection.selected == frozenset({"a", "c"})
    assert selection.broken_by_order == frozenset({"b", "c"})
    partial = select_within_quota(candidates, 2, tie_order=["c"])
    assert partial.selected == frozenset({"a"})


def test_no_places_select_nobody_and_enough_places_select_everyone() -> None:
    candidates = [("a", (95.0,)), ("b", (90.0,))]
    assert select_within_quota(candidates, 0).selected == frozenset()
    assert select_within_quota(candidates, 0).tie is None
    assert select_within_quota(candidates, 2).selected == frozenset({"a", "b"})
    assert select_within_quota(candidates, 5).selected == frozenset({"a", "b"})
