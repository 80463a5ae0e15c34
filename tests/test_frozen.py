"""FrozenDict: the immutable mapping policies and findings hold (picklable, unlike
``mappingproxy``)."""

from __future__ import annotations

import copy
import pickle

import pytest

from jiguan_core._frozen import FrozenDict


class TestAFrozenDictIsAReadOnlyMapping:
    def test_it_reads_like_the_dict_it_was_made_from(self) -> None:
        """Items, order, length and lookups are those of the source."""
        frozen = FrozenDict([("b", 2), ("a", 1)])
        assert list(frozen) == ["b", "a"]
        assert (len(frozen), frozen["a"], frozen.get("c")) == (2, 1, None)
        with pytest.raises(KeyError):
            frozen["c"]

    def test_it_cannot_be_changed(self) -> None:
        """No item assignment, no deletion: it has no such methods."""
        frozen = FrozenDict({"a": 1})
        with pytest.raises(TypeError):
            frozen["a"] = 2  # type: ignore[index]
        with pytest.raises(TypeError):
            del frozen["a"]  # type: ignore[attr-defined]
        assert frozen == {"a": 1}

    def test_the_source_dict_changing_later_does_not_change_it(self) -> None:
        """It copies its items: the caller's dict stays the caller's."""
        source = {"a": 1}
        frozen = FrozenDict(source)
        source["a"] = 2
        assert frozen["a"] == 1

    def test_it_shows_its_items(self) -> None:
        """repr names the class and the items."""
        assert repr(FrozenDict({"a": 1})) == "FrozenDict({'a': 1})"


class TestEqualityAndHashing:
    def test_it_equals_any_mapping_with_the_same_items(self) -> None:
        """A dict or another FrozenDict with the same items is equal, in any order."""
        frozen = FrozenDict({"a": 1, "b": 2})
        assert frozen == {"b": 2, "a": 1}
        assert frozen == FrozenDict({"b": 2, "a": 1})
        assert frozen != {"a": 1}

    def test_it_never_equals_something_that_is_not_a_mapping(self) -> None:
        """A list of the same pairs is not equal (comparison is left to the other side)."""
        frozen = FrozenDict({"a": 1})
        assert frozen != [("a", 1)]
        assert frozen.__eq__([("a", 1)]) is NotImplemented

    def test_equal_frozen_dicts_hash_equal_and_the_hash_is_kept(self) -> None:
        """Equal values (any insertion order) hash alike; asking twice gives the same hash."""
        first, second = FrozenDict({"a": 1, "b": 2}), FrozenDict({"b": 2, "a": 1})
        once = hash(first)
        assert hash(second) == once
        assert hash(first) == once
        assert {first: "x"}[second] == "x"

    def test_it_is_unhashable_when_a_value_is(self) -> None:
        """Hashable only when its values are, like a tuple."""
        with pytest.raises(TypeError):
            hash(FrozenDict({"a": [1]}))


class TestItCrossesProcessBoundaries:
    def test_it_pickles_equal_and_still_frozen(self) -> None:
        """Pickling keeps type, items and order."""
        frozen = FrozenDict({"b": (1, 2), "a": 3})
        back = pickle.loads(pickle.dumps(frozen))
        assert type(back) is FrozenDict
        assert list(back.items()) == [("b", (1, 2)), ("a", 3)]

    def test_a_shallow_copy_is_itself(self) -> None:
        """Being immutable, a copy need not be made."""
        frozen = FrozenDict({"a": 1})
        assert copy.copy(frozen) is frozen

    def test_a_deep_copy_is_equal_and_copies_mutable_values(self) -> None:
        """deepcopy gives an equal FrozenDict whose mutable values are new objects."""
        inner = [1, 2]
        frozen = FrozenDict({"a": inner})
        deep = copy.deepcopy(frozen)
        assert type(deep) is FrozenDict
        assert deep == frozen
        assert deep["a"] is not inner
