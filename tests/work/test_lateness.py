"""What is late and whose turn it is; the rule catalogue; the demo."""

from __future__ import annotations

import datetime as dt

import pytest

from jiguan_core.calendar import WorkCalendar
from jiguan_core.catalogue.work import WORK_RULES, work_rule
from jiguan_core.errors import UnknownEntity
from jiguan_core.examples.work import SAMPLE_AS_OF, demo_lines, sample_documents, sample_meetings
from jiguan_core.work.documents import DocumentFlow, start_document
from jiguan_core.work.lateness import ItemKind, late_items
from tests._two_processes import two_runs

CAL = WorkCalendar()


def test_a_document_past_its_stage_deadline_is_late_with_whose_turn() -> None:
    """Drafting a notice due in 3 working days; a week later it is late with the drafter."""
    doc = start_document(
        id="doc1",
        title="通知",
        flow=DocumentFlow.SENDING,
        department_id="d-office",
        responsible_id="drafter",
        on=dt.date(2025, 9, 1),
        calendar=CAL,
    )
    items = late_items(as_of=dt.date(2025, 9, 10), calendar=CAL, documents=[doc])
    assert len(items) == 1
    item = items[0]
    assert (item.kind, item.responsible_id, item.due) == (
        ItemKind.DOCUMENT,
        "drafter",
        dt.date(2025, 9, 4),
    )
    assert item.working_days_late == 4
    assert "起草" in item.render("zh", {"drafter": "王伟"})
    assert "王伟" in item.render("zh", {"drafter": "王伟"})
    assert late_items(as_of=dt.date(2025, 9, 4), calendar=CAL, documents=[doc]) == ()


def test_the_sample_has_late_documents_and_meetings_most_late_first() -> None:
    """The demo day shows some of each; the order is by working days late."""
    items = late_items(
        as_of=SAMPLE_AS_OF, calendar=CAL, documents=sample_documents(), meetings=sample_meetings()
    )
    kinds = {i.kind for i in items}
    assert kinds == {ItemKind.DOCUMENT, ItemKind.MEETING}
    lates = [i.working_days_late for i in items]
    assert lates == sorted(lates, reverse=True)


def test_every_work_rule_cites_a_source_and_describes_itself() -> None:
    """The catalogue is auditable in both languages."""
    assert {"WORK-D1", "WORK-D2", "WORK-D3", "WORK-D4", "WORK-D5"} <= set(WORK_RULES)
    for rule in WORK_RULES.values():
        assert rule.sources
        assert rule.id in rule.describe("zh")
        assert rule.describe("en")


def test_an_unknown_work_rule_is_named() -> None:
    """Unknown ids list the known ones."""
    with pytest.raises(UnknownEntity) as caught:
        work_rule("WORK-D9")
    assert "WORK-D1" in str(caught.value)


def test_the_demo_shows_overdue_tasks_late_documents_and_the_paragraph() -> None:
    """Chinese and English, deterministic."""
    zh = demo_lines("zh")
    assert any(line.startswith("逾期任务") for line in zh)
    assert any(line.startswith("超时公文") for line in zh)
    assert any(line.startswith("2024年以来") for line in zh)
    first, second = two_runs(
        "from jiguan_core.examples.work import demo_lines; print(*demo_lines('zh'), sep='\\n')"
    )
    assert first == second == "\n".join(zh) + "\n"
    en = demo_lines("en")
    assert any(line.startswith("Late documents") for line in en)
    assert any(line.startswith("Since 2024") for line in en)


def test_the_package_exports_every_name_it_lists() -> None:
    """``from jiguan_core.work import *`` gives real objects."""
    import jiguan_core.work as work

    assert "statistics" in work.__all__
    missing = [name for name in work.__all__ if getattr(work, name, None) is None]
    assert missing == []
