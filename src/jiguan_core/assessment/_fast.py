"""A private fast constructor for frozen, slotted attrs result classes (internal use only).

The assessment builds tens of thousands of result objects (:class:`RoutineOutcome`,
:class:`Consequence` ...) from values it has already computed and checked. attrs' generated
``__init__`` of a frozen class sets each field through ``object.__setattr__`` inside a Python
frame; :func:`positional_maker` builds the same instance by writing the slots directly. It is
only used where every value comes from validated inputs, so validators and converters (which
these classes do not have, or which the inputs already passed) are not re-run. The instances
are indistinguishable: same class, same field values, same equality and hash.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

import attrs

__all__ = ["positional_maker"]

_T = TypeVar("_T")


def positional_maker(cls: type[_T]) -> Callable[..., _T]:
    """A function ``make(*values)`` taking every field of ``cls`` positionally, in field order,
    that returns the instance ``cls(**fields)`` would (no validators, converters or defaults)."""
    fields = attrs.fields(cls)  # type: ignore[arg-type]
    names = [f.name for f in fields]
    if "__slots__" not in cls.__dict__ or hasattr(cls, "__attrs_post_init__"):
        raise TypeError(f"{cls.__name__} is not a plain slotted attrs class")  # pragma: no cover
    namespace: dict[str, Any] = {"_new": object.__new__, "_cls": cls}
    lines = [f"def make({', '.join(names)}):", "    self = _new(_cls)"]
    for i, name in enumerate(names):
        namespace[f"_set{i}"] = cls.__dict__[name].__set__
        lines.append(f"    _set{i}(self, {name})")
    lines.append("    return self")
    # A fixed template over attrs field names (identifiers), as attrs builds its own __init__.
    exec("\n".join(lines), namespace)
    maker: Callable[..., _T] = namespace["make"]
    return maker
