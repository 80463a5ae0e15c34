"""Document and meeting workflows are written to JSON and read back unchanged; a stage that does
not belong to the workflow's kind is refused with its path."""

from __future__ import annotations

import copy

import pytest

from jiguan_core.errors import ConversionError
from jiguan_core.serialization import from_dict, from_json, to_dict, to_json
from jiguan_core.work.documents import DocumentStage, DocumentWorkflow
from jiguan_core.work.meetings import MeetingStage, MeetingWorkflow
from jiguan_core.work.sample import sample_documents, sample_meetings


class TestWorkflowsReadBack:
    def test_every_sample_document_reads_back_unchanged(self) -> None:
        """Sending and receiving documents, finished or under way: equal after the round trip."""
        documents = sample_documents()
        assert documents
        for document in documents:
            back = from_json(DocumentWorkflow, to_json(document))
            assert back == document
            assert all(isinstance(e.stage, DocumentStage) for e in back.history)

    def test_every_sample_meeting_reads_back_unchanged(self) -> None:
        """Meetings keep their checklist, template and deadline parameters."""
        meetings = [m for m in sample_meetings() if isinstance(m, MeetingWorkflow)]
        assert meetings
        for meeting in meetings:
            back = from_json(MeetingWorkflow, to_json(meeting))
            assert back == meeting
            assert back.parameters == meeting.parameters
            assert all(isinstance(e.stage, MeetingStage) for e in back.history)

    def test_a_meeting_stage_in_a_document_history_is_refused_with_its_path(self) -> None:
        """The event's stage is read as the workflow's own kind of stage."""
        data = to_dict(sample_documents()[0])
        data["history"][0]["stage"] = "preparation"
        before = copy.deepcopy(data)
        with pytest.raises(ConversionError) as caught:
            from_dict(DocumentWorkflow, data)
        assert [p.path for p in caught.value.problems] == ["$.history[0].stage"]
        assert "'preparation' is not a DocumentStage" in str(caught.value)
        assert data == before

    def test_a_history_event_that_is_not_an_object_is_refused_with_its_path(self) -> None:
        """A string among the events: the index and what was expected."""
        data = to_dict(sample_documents()[0])
        data["history"][1] = "drafting"
        with pytest.raises(ConversionError) as caught:
            from_dict(DocumentWorkflow, data)
        assert [p.path for p in caught.value.problems] == ["$.history[1]"]
