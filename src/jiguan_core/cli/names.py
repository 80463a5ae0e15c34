"""Names beside ids in the command line's text: ``s001 王某``, ``d-office 办公室``,
``p-office-1 文电岗``, ``r-1 第一会议室``.

Ids are what a workspace file and the JSON output use; people read names. A table cell that
names a staff member, department, post or room shows both, the id first (so a column still
sorts and greps by id). An id the office does not define shows alone. Each kind has its own
lookup: the same string may be a staff id in one office and a room id in another.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING

from attrs import frozen

if TYPE_CHECKING:
    from jiguan_core.organization import Organization

__all__ = ["Names", "label"]


def label(id_: str, name: str | None) -> str:
    """``id name``, or the id alone when there is no name (or the name is the id)."""
    return id_ if not name or name == id_ else f"{id_} {name}"


def _labels(items: Iterable[tuple[str, str]]) -> Mapping[str, str]:
    return {id_: label(id_, name) for id_, name in items}


@frozen
class Names:
    """Labels (``id name``) of an office's staff, departments, posts and rooms, by id."""

    staff: Mapping[str, str]
    departments: Mapping[str, str]
    posts: Mapping[str, str]
    rooms: Mapping[str, str]

    @classmethod
    def of(cls, office: Organization) -> Names:
        return cls(
            staff=_labels((s.id, s.name) for s in office.staff),
            departments=_labels((d.id, d.name) for d in office.departments),
            posts=_labels((p.id, p.name) for p in office.posts),
            rooms=_labels((r.id, r.name) for r in office.rooms),
        )

    def person(self, id_: str | None) -> str | None:
        return None if id_ is None else self.staff.get(id_, id_)

    def department(self, id_: str | None) -> str | None:
        return None if id_ is None else self.departments.get(id_, id_)

    def post(self, id_: str | None) -> str | None:
        return None if id_ is None else self.posts.get(id_, id_)

    def room(self, id_: str | None) -> str | None:
        return None if id_ is None else self.rooms.get(id_, id_)
