"""One finding, whatever the area: which rule, who and what, when, and why, citing the source.

Every check of the library -- a clash in the calendar, a person barred from 优秀, an avoidance
case, a post without cover, a study meeting whose first item is wrong, a late document -- can be
told as a :class:`Finding`: the rule's id and the part of it that matched, the level under the
caller's policy, the subjects by kind and id (``{"staff": ("s001",), "activity": ("a12",)}``),
the dates it concerns, the bilingual message, and the REGULATIONS ids the rule cites. The areas
keep their own rich result types for their own work and give each as a finding
(``to_finding()``); reports list their findings, and every finding round-trips through JSON.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from typing import Any

from attrs import field, frozen

from jiguan_core._frozen import FrozenDict
from jiguan_core.errors import InvalidValue
from jiguan_core.rule import Severity
from jiguan_core.text import Lang, Text

__all__ = ["SUBJECT_KINDS", "Finding", "cite"]

#: The kinds of subject a finding may name, each with its Chinese term.
SUBJECT_KINDS: Mapping[str, str] = FrozenDict(
    {
        "staff": "人员",
        "activity": "活动",
        "absence": "请假",
        "post": "岗位",
        "room": "会议室",
        "department": "委室",
        "place": "地点",
        "blackout": "禁排时段",
        "document": "公文",
        "meeting": "会议",
        "task": "任务",
        "record": "记录",
        "request": "申请",
        "proposal": "提案",
        "milestone": "节点",
    }
)


def _subjects(values: Mapping[str, Iterable[str]] | None) -> FrozenDict[str, tuple[str, ...]]:
    if values is None:
        return FrozenDict()
    if not isinstance(values, Mapping):
        raise InvalidValue(
            f"Finding.subjects must map a kind to ids, got {values!r}",
            f"Finding.subjects 应为 类别 -> 编号 的映射，实际为 {values!r}",
            field="subjects",
            value=values,
        )
    found: dict[str, tuple[str, ...]] = {}
    for kind in sorted(values):
        if kind not in SUBJECT_KINDS:
            raise InvalidValue(
                f"Finding.subjects: unknown kind {kind!r}; use one of {', '.join(SUBJECT_KINDS)}",
                f"Finding.subjects 的类别 {kind!r} 无效；可选：{'、'.join(SUBJECT_KINDS)}",
                field=f"subjects.{kind}",
                value=kind,
            )
        ids = values[kind]
        if isinstance(ids, str) or not all(isinstance(i, str) for i in ids):
            raise InvalidValue(
                f"Finding.subjects[{kind!r}] must be a collection of id strings, got {ids!r}",
                f"Finding.subjects[{kind!r}] 应为编号字符串的集合，实际为 {ids!r}",
                field=f"subjects.{kind}",
                value=ids,
            )
        if ids:
            found[kind] = tuple(sorted(set(ids)))
    return FrozenDict(found)


def _dates(values: Iterable[dt.date]) -> tuple[dt.date, ...]:
    found = tuple(values)
    for day in found:
        if not isinstance(day, dt.date) or isinstance(day, dt.datetime):
            raise InvalidValue(
                f"Finding.dates holds dates, got {day!r}",
                f"Finding.dates 应为日期，实际为 {day!r}",
                field="dates",
                value=day,
            )
    return tuple(sorted(set(found)))


def _sources(values: Iterable[str]) -> tuple[str, ...]:
    return tuple(values)


def cite(sources: Iterable[str], lang: Lang = "zh") -> str:
    """The sources as a reader finds them: ``A6 公务员考核规定 29(1)`` ... (docs/regulations.md)."""
    from jiguan_core.sources import SOURCES

    parts = []
    for source_id in sources:
        found = SOURCES.get(source_id)
        parts.append(f"{source_id} {found.reference}" if found is not None else source_id)
    return "; ".join(parts)


@frozen(kw_only=True)
class Finding:
    """What a check found about one rule; see the module docstring.

    ``sources`` defaults to the catalogue rule's sources when the finding is made through
    :meth:`of`; ``render`` cites them.
    """

    rule_id: str
    part: str = ""
    level: Severity
    subjects: FrozenDict[str, tuple[str, ...]] = field(factory=FrozenDict, converter=_subjects)
    dates: tuple[dt.date, ...] = field(default=(), converter=_dates)
    message: Text
    sources: tuple[str, ...] = field(default=(), converter=_sources)

    @classmethod
    def of(
        cls,
        rule_id: str,
        *,
        message: Text,
        part: str = "",
        level: Severity | None = None,
        subjects: Mapping[str, Iterable[str]] | None = None,
        dates: Iterable[dt.date] = (),
    ) -> Finding:
        """A finding of the catalogue rule ``rule_id``: its current id, its level unless
        ``level`` is given (the policy's), and the sources it cites."""
        from jiguan_core.catalogue import rule

        found = rule(rule_id)
        return cls(
            rule_id=found.id,
            part=part,
            level=level if level is not None else found.level,
            subjects=_subjects(subjects),
            dates=_dates(dates),
            message=message,
            sources=found.sources,
        )

    def ids(self, kind: str) -> tuple[str, ...]:
        """The subjects of one kind (``"staff"``, ``"activity"`` ...), or ()."""
        return self.subjects.get(kind, ())

    def render(self, lang: Lang = "zh") -> str:
        """One line: the rule and level, the message, and the sources it cites."""
        cited = cite(self.sources, lang)
        tail = f" —— {cited}" if cited and lang == "zh" else f" — {cited}" if cited else ""
        return f"[{self.rule_id} {self.level.label(lang)}] {self.message.render(lang)}{tail}"

    @property
    def key(self) -> tuple[object, ...]:
        """A stable order: rule, first date, part, then the subjects."""
        return (
            self.rule_id,
            self.dates[0] if self.dates else dt.date.min,
            self.part,
            tuple(sorted(self.subjects.items())),
        )

    def to_dict(self) -> dict[str, Any]:
        """Plain JSON data, read back by :meth:`from_dict`."""
        return {
            "rule_id": self.rule_id,
            "part": self.part,
            "level": self.level.value,
            "subjects": {k: list(v) for k, v in self.subjects.items()},
            "dates": [d.isoformat() for d in self.dates],
            "message": {"zh": self.message.zh, "en": self.message.en},
            "sources": list(self.sources),
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Finding:
        """A finding from :meth:`to_dict`'s data; bad data raises a JiguanError naming it."""
        from jiguan_core.serialization import from_dict

        return from_dict(cls, data)
