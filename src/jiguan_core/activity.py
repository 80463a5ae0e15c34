"""Activities on the office's calendar: research trips, inspections, meetings, study sessions ..."""

from __future__ import annotations

from attrs import field, frozen
from attrs.validators import optional

from jiguan_core._validation import (
    id_tuple,
    identifier,
    instance_of,
    optional_identifier,
    text,
    unique_ids,
)
from jiguan_core.errors import InvalidValue
from jiguan_core.text import TermEnum
from jiguan_core.time import TimeSpan

__all__ = ["FIELD_KINDS", "Activity", "ActivityKind", "MeetingKind"]


class ActivityKind(TermEnum):
    RESEARCH = "research", "调研"
    INSPECTION = "inspection", "视察"
    STUDY_VISIT = "study_visit", "考察"
    MEETING = "meeting", "会议"
    STUDY_SESSION = "study_session", "集中学习"
    TRAINING = "training", "培训"
    PARTY_BUILDING = "party_building", "党建活动"
    VOLUNTEER = "volunteer", "志愿服务"
    OTHER = "other", "其他"

    @property
    def is_field_trip(self) -> bool:
        """调研、视察、考察: go to a target place, and must not pile up there (调研不扎堆)."""
        return self in FIELD_KINDS


#: The kinds that travel to a target place.
FIELD_KINDS: frozenset[ActivityKind] = frozenset(
    {ActivityKind.RESEARCH, ActivityKind.INSPECTION, ActivityKind.STUDY_VISIT}
)


class MeetingKind(TermEnum):
    PLENARY = "plenary", "全体会议"
    STANDING_COMMITTEE = "standing_committee", "常委会会议"
    CHAIR_MEETING = "chair_meeting", "主席会议"
    SECRETARY_GENERAL = "secretary_general", "秘书长会议"
    CONSULTATION = "consultation", "协商会"
    PARTY_GROUP = "party_group", "党组会议"
    WORK_MEETING = "work_meeting", "工作例会"
    SYMPOSIUM = "symposium", "座谈会"
    OTHER = "other", "其他会议"


@frozen(kw_only=True)
class Activity:
    """One entry of the calendar.

    ``participants`` are the staff taking part, ``leaders`` the leadership members
    (主席会议成员) attending; a person is listed in one of the two. ``off_site`` defaults to
    true for field trips (调研、视察、考察), which take people away from their posts.
    """

    id: str = field(validator=identifier)
    kind: ActivityKind = field(validator=instance_of(ActivityKind))
    title: str = field(validator=text)
    span: TimeSpan = field(validator=instance_of(TimeSpan))
    department_id: str = field(validator=identifier)  # the organiser department
    participants: tuple[str, ...] = field(default=(), converter=id_tuple, validator=unique_ids)
    leaders: tuple[str, ...] = field(default=(), converter=id_tuple, validator=unique_ids)
    target_place: str | None = field(default=None, validator=optional(text))
    room_id: str | None = field(default=None, validator=optional_identifier)
    meeting_kind: MeetingKind | None = field(
        default=None, validator=optional(instance_of(MeetingKind))
    )
    off_site: bool = field(validator=instance_of(bool))

    @off_site.default
    def _off_site_by_kind(self) -> bool:
        # Validators run after defaults: a wrong ``kind`` is reported by its validator.
        return isinstance(self.kind, ActivityKind) and self.kind.is_field_trip

    def __attrs_post_init__(self) -> None:
        both = sorted(set(self.participants) & set(self.leaders))
        if both:
            raise InvalidValue(
                f"activity {self.id}: {both} listed both as participant and as leader; list "
                "each person once",
                f"活动 {self.id}：{both} 同时列为参加人员和领导",
                field="leaders",
                value=both,
            )
        if self.meeting_kind is not None and self.kind is not ActivityKind.MEETING:
            raise InvalidValue(
                f"activity {self.id} has meeting_kind {self.meeting_kind.value} but is a "
                f"{self.kind.value}; set kind to meeting or drop meeting_kind",
                f"活动 {self.id} 不是会议却设置了会议类别 {self.meeting_kind.zh}",
                field="meeting_kind",
                value=self.meeting_kind,
            )
        if self.kind.is_field_trip and self.target_place is None:
            raise InvalidValue(
                f"activity {self.id} is a {self.kind.value} ({self.kind.zh}) without a "
                "target_place; name where it goes",
                f"活动 {self.id}（{self.kind.zh}）缺少目的地",
                field="target_place",
                value=None,
            )

    @property
    def attendees(self) -> tuple[str, ...]:
        """Everyone taking part, leaders included, sorted."""
        return tuple(sorted((*self.participants, *self.leaders)))
