"""The private fast constructor of frozen, slotted attrs result classes."""

from __future__ import annotations

import attrs
import pytest

from jiguan_core.assessment._fast import positional_maker


@attrs.frozen
class _Slotted:
    a: int
    b: str


def test_the_fast_constructor_builds_the_instance_the_class_would() -> None:
    assert positional_maker(_Slotted)(1, "x") == _Slotted(a=1, b="x")


def test_a_class_without_slots_is_refused() -> None:
    """Its fields are not slot descriptors: writing them directly would be wrong."""

    @attrs.frozen(slots=False)
    class WithoutSlots:
        a: int

    with pytest.raises(TypeError, match="not a plain slotted attrs class"):
        positional_maker(WithoutSlots)


def test_a_class_with_a_post_init_hook_is_refused() -> None:
    """The hook would be skipped."""

    @attrs.frozen
    class WithHook:
        a: int

        def __attrs_post_init__(self) -> None:
            pass

    with pytest.raises(TypeError, match="not a plain slotted attrs class"):
        positional_maker(WithHook)
