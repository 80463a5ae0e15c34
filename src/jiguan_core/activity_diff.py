"""What changed on the calendar since the last edition of the activity list: activities added,
cancelled, moved (time, room or target place) and changed (people, title, organiser ...), each
with the people it affects (ARTICLE-COORD). The work meeting's agenda diffs tasks the same way
(:func:`jiguan_core.work.diff_tasks`).

Activities are matched by id. One activity can be both moved and changed: it then gives two
changes, moved first. Every field of :class:`~jiguan_core.activity.Activity` other than the id
is compared, so a field added to the class later is diffed without touching this module.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

import attrs
from attrs import frozen

from jiguan_core._validation import boundary
from jiguan_core.activity import Activity
from jiguan_core.errors import InvalidInput, Problem
from jiguan_core.text import Lang, TermEnum
from jiguan_core.time import SHANGHAI, format_datetime

__all__ = ["MOVE_FIELDS", "ActivityChange", "ActivityChangeKind", "diff_activities"]

#: The fields whose change *moves* an activity (when and where); any other field *changes* it.
MOVE_FIELDS: tuple[str, ...] = ("span", "room_id", "target_place")


class ActivityChangeKind(TermEnum):
    """How an activity differs between two editions of the calendar (活动变动)."""

    ADDED = "added", "新增"
    CANCELLED = "cancelled", "取消"
    MOVED = "moved", "调整时间地点"
    CHANGED = "changed", "调整人员或内容"


def _compared_fields() -> tuple[str, ...]:
    return tuple(f.name for f in attrs.fields(Activity) if f.name != "id")


def _shown(activity: Activity, name: str) -> str:
    value = getattr(activity, name)
    if name == "span":
        start = value.start.in_timezone(SHANGHAI)
        end = value.end.in_timezone(SHANGHAI)
        same_day = start.date() == end.date()
        return f"{start:%Y-%m-%d %H:%M}-{end:%H:%M}" if same_day else str(value)
    if isinstance(value, tuple):
        return "、".join(value) if value else "-"
    if isinstance(value, TermEnum):
        return value.zh
    if value is None:
        return "-"
    return str(value)


@frozen(kw_only=True)
class ActivityChange:
    """One change of one activity between two editions.

    ``fields`` names the :class:`Activity` fields that differ (empty for added and cancelled);
    ``affected`` the staff ids it concerns: everyone attending (before or after) when the
    activity is added, cancelled or moved, or when its title, kind or organiser changes; else
    only the people who joined, left or changed role (participant / leader).
    """

    activity_id: str
    kind: ActivityChangeKind
    before: Activity | None
    after: Activity | None
    fields: tuple[str, ...] = ()
    affected: tuple[str, ...] = ()

    @property
    def title(self) -> str:
        shown = self.after if self.after is not None else self.before
        assert shown is not None
        return shown.title

    def details(self) -> tuple[tuple[str, str, str], ...]:
        """(field, before, after) as text for every changed field."""
        if self.before is None or self.after is None:
            return ()
        return tuple(
            (name, _shown(self.before, name), _shown(self.after, name)) for name in self.fields
        )

    def render(self, lang: Lang = "zh", names: Mapping[str, str] | None = None) -> str:
        """One line: the activity, what changed, who is affected (``names``: id -> name)."""
        shown = names or {}
        people = "、".join(shown.get(p, p) for p in self.affected) or "-"
        parts = [f"{self.activity_id} {self.title} [{self.kind.label(lang)}]"]
        parts.extend(f"{field}: {a} → {b}" for field, a, b in self.details())
        parts.append(f"涉及：{people}" if lang == "zh" else f"affects: {people}")
        return "；".join(parts) if lang == "zh" else "; ".join(parts)

    def to_data(self) -> dict[str, Any]:
        """JSON-ready: ids, kind, changed fields with before/after text, affected ids."""

        def span(activity: Activity | None) -> dict[str, str] | None:
            if activity is None:
                return None
            return {
                "start": format_datetime(activity.span.start),
                "end": format_datetime(activity.span.end),
            }

        return {
            "activity_id": self.activity_id,
            "kind": self.kind.value,
            "title": self.title,
            "fields": [{"field": name, "before": a, "after": b} for name, a, b in self.details()],
            "before": span(self.before),
            "after": span(self.after),
            "affected": list(self.affected),
        }


def _by_id(activities: Iterable[Activity], name: str) -> dict[str, Activity]:
    found: dict[str, Activity] = {}
    problems: list[Problem] = []
    for activity in activities:
        if activity.id in found:
            problems.append(
                Problem(
                    f"{name}[{activity.id}]",
                    "activity listed twice in one edition; keep one",
                    "同一版清单中活动重复列出，请保留一项",
                )
            )
        found[activity.id] = activity
    if problems:
        raise InvalidInput(problems)
    return found


def _role_changes(old: Activity, new: Activity) -> set[str]:
    return (set(old.participants) ^ set(new.participants)) | (set(old.leaders) ^ set(new.leaders))


@boundary
def diff_activities(
    previous: Iterable[Activity], current: Iterable[Activity]
) -> tuple[ActivityChange, ...]:
    """What changed from the ``previous`` edition to the ``current`` one, by activity id (moved
    before changed for one activity). Inputs are not changed."""
    before = _by_id(previous, "previous")
    after = _by_id(current, "current")
    compared = _compared_fields()
    changes: list[ActivityChange] = []
    for activity_id in sorted(before.keys() | after.keys()):
        old, new = before.get(activity_id), after.get(activity_id)
        if old is None:
            assert new is not None
            changes.append(
                ActivityChange(
                    activity_id=activity_id,
                    kind=ActivityChangeKind.ADDED,
                    before=None,
                    after=new,
                    affected=new.attendees,
                )
            )
            continue
        if new is None:
            changes.append(
                ActivityChange(
                    activity_id=activity_id,
                    kind=ActivityChangeKind.CANCELLED,
                    before=old,
                    after=None,
                    affected=old.attendees,
                )
            )
            continue
        differ = [name for name in compared if getattr(old, name) != getattr(new, name)]
        everyone = tuple(sorted(set(old.attendees) | set(new.attendees)))
        moved = tuple(name for name in differ if name in MOVE_FIELDS)
        changed = tuple(name for name in differ if name not in MOVE_FIELDS)
        if moved:
            changes.append(
                ActivityChange(
                    activity_id=activity_id,
                    kind=ActivityChangeKind.MOVED,
                    before=old,
                    after=new,
                    fields=moved,
                    affected=everyone,
                )
            )
        if changed:
            people_only = set(changed) <= {"participants", "leaders"}
            affected = tuple(sorted(_role_changes(old, new))) if people_only else everyone
            changes.append(
                ActivityChange(
                    activity_id=activity_id,
                    kind=ActivityChangeKind.CHANGED,
                    before=old,
                    after=new,
                    fields=changed,
                    affected=affected,
                )
            )
    return tuple(changes)
