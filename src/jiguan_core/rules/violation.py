"""A broken scheduling rule: who, what, where and when, in Chinese and English."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

import attrs
from attrs import field, frozen

from jiguan_core.errors import InvalidValue
from jiguan_core.rule import Severity
from jiguan_core.text import Lang, Text

__all__ = ["Violation"]


def _ids(values: tuple[str, ...] | list[str]) -> tuple[str, ...]:
    if len(values) < 2:
        return tuple(values)
    if len(values) == 2:
        first, second = values
        if first == second:
            return (first,)
        return (first, second) if first < second else (second, first)
    return tuple(sorted(set(values)))


@frozen(kw_only=True)
class Violation:
    """One violation of one rule, found exactly once.

    ``part`` names the rule's pattern that matched (e.g. ``SCH1/clash``); ``refs`` are the ids of
    a pair pattern's two matched facts in pattern order (for SCH3: A's item, then B's). Id tuples
    are sorted;
    the fields not relevant to the rule are empty. ``penalty`` (>= 1) is what it costs at its
    level. ``key`` identifies the violation and orders reports.
    """

    rule_id: str
    part: str
    level: Severity
    activity_ids: tuple[str, ...] = field(default=(), converter=_ids)
    absence_ids: tuple[str, ...] = field(default=(), converter=_ids)
    staff_ids: tuple[str, ...] = field(default=(), converter=_ids)
    post_id: str | None = None
    room_id: str | None = None
    department_id: str | None = None
    place: str | None = None
    blackout_id: str | None = None
    day: dt.date | None = None
    refs: tuple[str, ...] = ()
    penalty: int = 1
    _message: Text | None = field(default=None, eq=False, repr=False, alias="message")
    _explain: Callable[[], Text] | None = field(default=None, eq=False, repr=False, alias="explain")

    def __attrs_post_init__(self) -> None:
        object.__setattr__(self, "_key", self._make_key())
        if self._message is None and self._explain is None:
            raise InvalidValue(
                f"violation of {self.rule_id} needs a message (or explain, which makes one)",
                f"{self.rule_id} 的违规记录缺少说明",
                field="message",
                value=None,
            )

    @property
    def message(self) -> Text:
        """What happened, naming the people and activities (Chinese and English). Rendered on
        first use: a check with tens of thousands of violations does not format them all."""
        found = self._message
        if found is None:
            assert self._explain is not None
            found = self._explain()
            object.__setattr__(self, "_message", found)
            object.__setattr__(self, "_explain", None)
        return found

    def __getstate__(self) -> dict[str, object]:
        """Pickles with its message rendered (the renderer is not kept)."""
        self.message  # noqa: B018 - render before pickling
        return {name: getattr(self, name) for name in _FIELDS if name != "_explain"}

    def __setstate__(self, state: dict[str, object]) -> None:
        for name in _FIELDS:
            object.__setattr__(self, name, state.get(name))

    _key: tuple[object, ...] = field(init=False, eq=False, repr=False)

    @property
    def key(self) -> tuple[object, ...]:
        """Identity and sort key: rule number, day, then the ids involved."""
        return self._key

    def _make_key(self) -> tuple[object, ...]:
        return (
            _rule_number(self.rule_id),
            self.rule_id,
            self.day or dt.date.min,
            self.part,
            self.activity_ids,
            self.absence_ids,
            self.staff_ids,
            self.post_id or "",
            self.room_id or "",
            self.department_id or "",
            self.place or "",
            self.blackout_id or "",
            self.refs,
        )

    def render(self, lang: Lang = "zh") -> str:
        return f"[{self.rule_id} {self.level.label(lang)}] {self.message.render(lang)}"


_FIELDS = tuple(f.name for f in attrs.fields(Violation))


def _rule_number(rule_id: str) -> int:
    found = _NUMBERS.get(rule_id)
    if found is None:
        digits = "".join(ch for ch in rule_id if ch.isdigit())
        found = int(digits) if digits else 0
        _NUMBERS[rule_id] = found
    return found


_NUMBERS: dict[str, int] = {}
