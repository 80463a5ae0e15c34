"""Learning records: validation, the record book's reference checks, the 第一议题 check."""

from __future__ import annotations

import datetime as dt

import pytest

from jiguan_core.errors import InvalidInput, InvalidValue, UnknownEntity
from jiguan_core.examples.office import sample_office
from jiguan_core.work.records import (
    AgendaItem,
    CentralInstruction,
    Record,
    RecordBook,
    RecordKind,
    StudyMeeting,
    Tier,
    first_topic_findings,
)

DAY = dt.date(2024, 6, 20)
INSTRUCTIONS = (
    CentralInstruction(id="ci1", title="五月精神", issued=dt.date(2024, 5, 5)),
    CentralInstruction(id="ci2", title="六月精神", issued=dt.date(2024, 6, 5)),
    CentralInstruction(id="ci3", title="六月下旬精神", issued=dt.date(2024, 6, 18)),
)


def _study(rid: str, first: AgendaItem | None, on: dt.date = DAY) -> Record:
    return Record(
        id=rid,
        kind=RecordKind.STUDY_SESSION,
        on=on,
        title="党组会议",
        department_id="d-party",
        meeting=StudyMeeting.PARTY_GROUP,
        agenda=() if first is None else (first, AgendaItem(title="其他事项")),
    )


def test_a_publication_needs_a_media_level() -> None:
    """Publications are counted by central / provincial / municipal media."""
    with pytest.raises(InvalidValue) as caught:
        Record(
            id="r1",
            kind=RecordKind.PUBLICATION,
            on=DAY,
            title="稿件",
            department_id="d-a",
            participants=["p1"],
        )
    assert caught.value.field == "level"


def test_a_book_loan_names_the_borrower() -> None:
    """A loan without a person cannot be counted in person-times."""
    with pytest.raises(InvalidValue):
        Record(id="r1", kind=RecordKind.BOOK_LOAN, on=DAY, title="借阅", department_id="d-a")


def test_only_study_sessions_have_an_agenda() -> None:
    """A training with an agenda is a mistake."""
    with pytest.raises(InvalidValue):
        Record(
            id="r1",
            kind=RecordKind.TRAINING,
            on=DAY,
            title="培训",
            department_id="d-a",
            agenda=(AgendaItem(title="x"),),
        )


def test_a_record_with_an_unknown_person_is_refused_naming_the_person() -> None:
    """Every unknown person and department is listed with the record's path."""
    records = [
        Record(
            id="r1",
            kind=RecordKind.ESSAY,
            on=DAY,
            title="心得",
            department_id="d-office",
            participants=["nobody"],
        ),
        Record(id="r2", kind=RecordKind.RESEARCH, on=DAY, title="调研", department_id="d-nowhere"),
    ]
    with pytest.raises(InvalidInput) as caught:
        RecordBook.of(records, sample_office())
    message = str(caught.value)
    assert "nobody" in message
    assert "records[r1].participants" in message
    assert "d-nowhere" in message
    assert len(caught.value.problems) == 2


def test_a_duplicate_record_id_is_refused() -> None:
    """Two records with one id."""
    record = Record(id="r1", kind=RecordKind.RESEARCH, on=DAY, title="调研", department_id="d-a")
    with pytest.raises(InvalidInput):
        RecordBook(records=[record, record], staff_ids=[], department_ids=["d-a"])


def test_the_book_sorts_records_by_date_and_id() -> None:
    """Same content, same order."""
    a = Record(id="r2", kind=RecordKind.RESEARCH, on=DAY, title="a", department_id="d-a")
    b = Record(id="r1", kind=RecordKind.RESEARCH, on=DAY, title="b", department_id="d-a")
    c = Record(
        id="r0", kind=RecordKind.RESEARCH, on=DAY + dt.timedelta(1), title="c", department_id="d-a"
    )
    book = RecordBook(records=[c, a, b], staff_ids=[], department_ids=["d-a"])
    assert [r.id for r in book.records] == ["r1", "r2", "r0"]
    assert book.between(DAY, DAY + dt.timedelta(1)) == (b, a)


def test_a_collective_honour_names_no_person() -> None:
    """先进集体: the unit is honoured."""
    honour = Record(
        id="r1",
        kind=RecordKind.HONOUR,
        on=DAY,
        title="先进集体",
        department_id="d-office",
        level=Tier.PROVINCIAL,
    )
    assert honour.is_collective


def test_a_session_opening_with_the_latest_instructions_passes() -> None:
    """ci2 is the latest issued more than the grace period before the meeting."""
    record = _study("r1", AgendaItem(title="学习", instruction_id="ci2"))
    assert first_topic_findings([record], INSTRUCTIONS) == ()


def test_a_session_opening_with_other_business_is_found() -> None:
    """The first item must be the study of central instructions."""
    findings = first_topic_findings([_study("r1", AgendaItem(title="通报工作"))], INSTRUCTIONS)
    assert [f.record_id for f in findings] == ["r1"]
    assert "通报工作" in findings[0].problem.zh


def test_a_session_without_an_agenda_is_found() -> None:
    """No agenda, no first item."""
    findings = first_topic_findings([_study("r1", None)], INSTRUCTIONS)
    assert [f.record_id for f in findings] == ["r1"]


def test_studying_an_older_instruction_is_found() -> None:
    """ci1 when ci2 has been out for two weeks."""
    findings = first_topic_findings(
        [_study("r1", AgendaItem(title="学习", instruction_id="ci1"))], INSTRUCTIONS
    )
    assert "六月精神" in findings[0].problem.zh


def test_the_grace_period_is_a_parameter() -> None:
    """With no grace, ci3 (issued two days before) should have been studied."""
    record = _study("r1", AgendaItem(title="学习", instruction_id="ci2"))
    findings = first_topic_findings([record], INSTRUCTIONS, {"grace_days": 0})
    assert [f.record_id for f in findings] == ["r1"]
    assert "六月下旬精神" in findings[0].problem.zh


def test_an_unknown_instruction_is_named() -> None:
    """Bad input, not a finding."""
    with pytest.raises(UnknownEntity) as caught:
        first_topic_findings([_study("r1", AgendaItem(title="学习", instruction_id="ci9"))], ())
    assert "ci9" in str(caught.value)


def test_an_instruction_issued_after_the_meeting_is_refused() -> None:
    """A meeting cannot study what did not exist yet."""
    record = _study("r1", AgendaItem(title="学习", instruction_id="ci3"), on=dt.date(2024, 6, 1))
    with pytest.raises(InvalidValue):
        first_topic_findings([record], INSTRUCTIONS)


def test_something_other_than_a_record_is_reported_not_crashed_on() -> None:
    """A stray value in the records is a problem in the list, not an AttributeError."""
    with pytest.raises(InvalidInput) as caught:
        RecordBook(records=["r1"], staff_ids=[], department_ids=[])  # type: ignore[list-item]
    assert "not a Record" in str(caught.value)


def test_the_book_groups_records_into_date_ordered_columns() -> None:
    """One column per kind and level; collective honours apart from personal ones."""
    records = [
        Record(
            id="r1",
            kind=RecordKind.HONOUR,
            on=DAY,
            title="先进个人",
            department_id="d-a",
            participants=["p1"],
            level=Tier.PROVINCIAL,
        ),
        Record(
            id="r2",
            kind=RecordKind.HONOUR,
            on=DAY,
            title="先进集体",
            department_id="d-a",
            level=Tier.PROVINCIAL,
        ),
        Record(
            id="r3",
            kind=RecordKind.TRAINING,
            on=DAY - dt.timedelta(days=1),
            title="培训",
            department_id="d-a",
            participants=["p1", "p2"],
        ),
    ]
    book = RecordBook(records=records, staff_ids=["p1", "p2"], department_ids=["d-a"])
    shape = [(c.kind, c.level, c.collective, len(c.days), c.offsets) for c in book.columns]
    assert shape == [
        (RecordKind.TRAINING, None, False, 1, [0, 2]),
        (RecordKind.HONOUR, Tier.PROVINCIAL, False, 1, [0, 1]),
        (RecordKind.HONOUR, Tier.PROVINCIAL, True, 1, [0, 0]),
    ]
