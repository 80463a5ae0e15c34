"""The ``work_item`` fact table and the declarative lateness rules run over it (WORK-D5,
WORK-MEETINGS, WORK-TASKS).

Whether a document's stage, a meeting's stage or a task is late is a condition on that one item
as of a day: it is open (a stage under way, a task neither done nor cancelled) and the day is
past its due date. The due dates themselves are set in working days by the rules' parameters
when a stage starts (:class:`~jiguan_core.work.documents.DocumentPolicy`,
:func:`~jiguan_core.work.meetings.meeting_due`) or given with the task; this module builds one
flat fact per item, in one place, and lets :func:`jiguan_core.facts.match_facts` decide on the
engine chosen (``"python"`` or ``"durable"``).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence

from jiguan_core.catalogue.work import DOCUMENT_DEADLINES, MEETING_DEADLINES, TASK_LIST
from jiguan_core.facts import FactEngine, match_facts
from jiguan_core.patterns import FactValue, SingleFact

__all__ = ["late_rules", "work_item_fact"]

#: The lateness patterns of the three rules, each fact kind matched by one rule only.
_PATTERNS: tuple[SingleFact, ...] = tuple(
    p
    for r in (DOCUMENT_DEADLINES, MEETING_DEADLINES, TASK_LIST)
    for p in r.patterns
    if isinstance(p, SingleFact)
)


def work_item_fact(
    kind: str, *, is_open: bool, due: dt.date | None, as_of: dt.date
) -> dict[str, FactValue]:
    """The ``work_item`` fact of one document, meeting or task (``kind``) as of ``as_of``:
    ``open`` 0/1 and, when something is due, ``days_past_due`` (``as_of`` minus the due date
    in calendar days: positive once the due date has passed)."""
    fact: dict[str, FactValue] = {"kind": kind, "open": int(is_open)}
    if due is not None:
        fact["days_past_due"] = as_of.toordinal() - due.toordinal()
    return fact


def late_rules(
    facts: Sequence[Mapping[str, FactValue]], *, engine: FactEngine = "python"
) -> dict[int, str]:
    """``{fact index: rule id}`` for every ``work_item`` fact a lateness rule matches."""
    return {
        index: pattern_id.split("#", 1)[0]
        for pattern_id, index in sorted(match_facts(_PATTERNS, facts, engine=engine))
    }
