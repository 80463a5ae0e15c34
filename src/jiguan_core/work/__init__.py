"""Work management (ARTICLE-TASKS, ARTICLE-DOCS, ARTICLE-LEARN; REGULATIONS D1-D5).

- :mod:`~jiguan_core.work.tasks`: the task list as of a day (overdue, due soon, done late).
- :mod:`~jiguan_core.work.meeting_agenda`: the next work meeting's agenda and what changed.
- :mod:`~jiguan_core.work.documents`: sending and receiving document workflows.
- :mod:`~jiguan_core.work.meetings`: meeting workflows with a checklist per stage.
- :mod:`~jiguan_core.work.lateness`: what is late, at which stage, whose turn.
- :mod:`~jiguan_core.work.records`: learning and activity records, the 第一议题 check.
- :mod:`~jiguan_core.work.statistics`: period figures "since a date", with the 余 convention.
- :mod:`~jiguan_core.catalogue.work`: the rule catalogue.
"""

from jiguan_core.catalogue.work import WORK_RULES, work_rule
from jiguan_core.work.documents import (
    RECEIVING_STAGES,
    SENDING_STAGES,
    DocumentFlow,
    DocumentKind,
    DocumentPolicy,
    DocumentStage,
    DocumentWorkflow,
    Urgency,
    start_document,
)
from jiguan_core.work.errors import (
    ChecklistIncomplete,
    DocumentRuleViolation,
    OutOfOrderTransition,
    SigningWithoutReview,
    WorkflowError,
    WorkflowFinished,
)
from jiguan_core.work.lateness import ItemKind, LateItem, late_items
from jiguan_core.work.meeting_agenda import (
    AgendaEntry,
    AgendaSection,
    ChangeKind,
    TaskChange,
    WorkMeetingAgenda,
    diff_tasks,
    work_meeting_agenda,
)
from jiguan_core.work.meetings import (
    MEETING_STAGES,
    OFFICE_TEMPLATE,
    ChecklistItem,
    MeetingStage,
    MeetingTemplate,
    MeetingWorkflow,
    start_meeting,
)
from jiguan_core.work.records import (
    AgendaItem,
    CentralInstruction,
    FirstTopicFinding,
    Record,
    RecordBook,
    RecordKind,
    StudyMeeting,
    Tier,
    first_topic_findings,
)
from jiguan_core.work.statistics import (
    Measure,
    Metric,
    PeriodStatistics,
    YuConvention,
    reference_statistics,
    render_figure,
    render_statistics,
    statistics,
    yu_round,
)
from jiguan_core.work.tasks import (
    TaskCounts,
    TaskReport,
    WorkingDaysAfter,
    done_late,
    due_within,
    is_open_on,
    new_task,
    overdue,
    task_report,
    working_days_overdue,
)

__all__ = [
    "MEETING_STAGES",
    "OFFICE_TEMPLATE",
    "RECEIVING_STAGES",
    "SENDING_STAGES",
    "WORK_RULES",
    "AgendaEntry",
    "AgendaItem",
    "AgendaSection",
    "CentralInstruction",
    "ChangeKind",
    "ChecklistIncomplete",
    "ChecklistItem",
    "DocumentFlow",
    "DocumentKind",
    "DocumentPolicy",
    "DocumentRuleViolation",
    "DocumentStage",
    "DocumentWorkflow",
    "FirstTopicFinding",
    "ItemKind",
    "LateItem",
    "Measure",
    "MeetingStage",
    "MeetingTemplate",
    "MeetingWorkflow",
    "Metric",
    "OutOfOrderTransition",
    "PeriodStatistics",
    "Record",
    "RecordBook",
    "RecordKind",
    "SigningWithoutReview",
    "StudyMeeting",
    "TaskChange",
    "TaskCounts",
    "TaskReport",
    "Tier",
    "Urgency",
    "WorkMeetingAgenda",
    "WorkflowError",
    "WorkflowFinished",
    "WorkingDaysAfter",
    "YuConvention",
    "diff_tasks",
    "done_late",
    "due_within",
    "first_topic_findings",
    "is_open_on",
    "late_items",
    "new_task",
    "overdue",
    "reference_statistics",
    "render_figure",
    "render_statistics",
    "start_document",
    "start_meeting",
    "statistics",
    "task_report",
    "work_meeting_agenda",
    "work_rule",
    "working_days_overdue",
    "yu_round",
]
