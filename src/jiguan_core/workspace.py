"""The workspace: one document with an office, its policy and everything the areas need besides.

A :class:`Workspace` holds the office (an :class:`~jiguan_core.organization.Organization`), the
one :class:`~jiguan_core.policy.Policy` of every area (rules switched off, parameters changed,
levels, blackouts) and one optional section per kind of work: the requests to place (``plan``),
the assessment records (``assessment``), a coverage period, a rotation check, learning and
activity records (``statistics``), the duty roster's pools, the work plan, leave, proposals and the
working-day arrangements of years the installed calendar data lacks (``calendar``). It is the
format the ``jiguan`` command line reads and ``jiguan sample`` writes, and the way an application
stores an office with its work in one file.

Reading and writing follow :mod:`json`::

    from jiguan_core import workspace

    ws = workspace.load("office.json")      # a path, or a text or binary file object
    ws = workspace.loads(text)              # str or bytes
    text = workspace.dumps(ws)
    workspace.dump(ws, "office.json")       # a path, or a text or binary file object
    data = workspace.to_dict(ws)            # the JSON-compatible dict, and back:
    assert workspace.from_dict(data) == ws

One policy for every area: the workspace's ``policy`` is what ``check`` and ``plan`` schedule by,
and every other area reads its typed view of the same object (:meth:`Workspace.annual_policy`,
:meth:`Workspace.routine_policy`, :meth:`Workspace.development_policy`,
:meth:`Workspace.overrides` for leave, duty and the work plan). The file's former key
``scheduling_policy`` is still read as an alias of ``policy`` (never written).

Reading reports *every* problem with its JSON path in one
:class:`~jiguan_core.errors.ConversionError`: text that is not JSON, then the JSON Schema
(:func:`schema`, draft 2020-12, generated from the attrs classes and shipped as
``jiguan_core/schemas/workspace.schema.json``), then the values and the ids each section names.
The schema step needs the ``[cli]`` extra (jsonschema, imported on the first read, never by
``import jiguan_core``); without it ``load``/``loads``/``from_dict`` raise
:class:`~jiguan_core.errors.MissingExtra`. Writing is deterministic: the same workspace gives the
same text.

This module is the library's one explicit I/O edge besides the command line: :func:`load` and
:func:`dump` open the path they are given (or use the file object the caller opened) and nothing
else; the rest of the core never touches a file (docs/embedding.md). The command line's
:mod:`jiguan_core.cli.interchange` re-exports these names for compatibility.
"""

from __future__ import annotations

import datetime as dt
import io
import json
import os
import typing
from collections.abc import Iterable, Mapping
from functools import cache
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any

import attrs
from attrs import field, frozen

from jiguan_core.assessment.policy import AnnualPolicy, RoutinePolicy, Weights
from jiguan_core.assessment.records import AssessmentRecords
from jiguan_core.calendar import WorkCalendar, YearArrangement
from jiguan_core.development.policy import DevelopmentPolicy
from jiguan_core.errors import (
    CannotWrite,
    ConversionError,
    IntegrityError,
    InvalidValue,
    Problem,
)
from jiguan_core.organization import Organization
from jiguan_core.policy import Policy
from jiguan_core.proposals.register import ProposalRecord
from jiguan_core.rule import ParameterValue, RuleArea
from jiguan_core.scheduling.request import ActivityRequest
from jiguan_core.work.records import Record
from jiguan_core.workplan.plan import WorkPlan

if TYPE_CHECKING:
    import cattrs

__all__ = [
    "FORMAT_VERSION",
    "POLICY_ALIAS",
    "SCHEMA_FILE",
    "AssessSection",
    "CalendarSection",
    "CoverageSection",
    "DutySection",
    "LeaveSection",
    "PlanSection",
    "RotationSection",
    "StatsSection",
    "Workspace",
    "dump",
    "dumps",
    "from_dict",
    "load",
    "loads",
    "schema",
    "schema_problems",
    "to_dict",
]

#: The interchange format's version; a workspace of another version is refused.
FORMAT_VERSION = 1
#: The shipped schema file, inside the package's ``schemas`` directory.
SCHEMA_FILE = "workspace.schema.json"


def _version(_: object, __: object, value: int) -> None:
    if value != FORMAT_VERSION:
        raise InvalidValue(
            f"format version {value} is not supported; this library reads version {FORMAT_VERSION}",
            f"不支持格式版本 {value}；本库读取版本 {FORMAT_VERSION}",
            field="version",
            value=value,
        )


def _optional_tuple(values: Iterable[str] | None) -> tuple[str, ...] | None:
    return None if values is None else tuple(values)


def _ids(values: Iterable[str]) -> tuple[str, ...]:
    return tuple(values)


def _ints(values: Iterable[int]) -> tuple[int, ...]:
    return tuple(values)


def _quarters(_: object, __: object, value: tuple[int, ...]) -> None:
    wrong = [q for q in value if q not in (1, 2, 3, 4) or isinstance(q, bool)]
    if wrong or not value:
        raise InvalidValue(
            f"quarters must be some of 1, 2, 3, 4; got {list(value)}",
            f"quarters 只能取 1、2、3、4；实际为 {list(value)}",
            field="quarters",
            value=value,
        )


def _requests(values: Iterable[ActivityRequest]) -> tuple[ActivityRequest, ...]:
    return tuple(values)


def _records(values: Iterable[Record]) -> tuple[Record, ...]:
    return tuple(values)


@frozen(kw_only=True)
class PlanSection:
    """``plan``: the activity requests to place around the office's own calendar, the seed and
    the iteration budget of the scheduler (the plan depends only on these)."""

    requests: tuple[ActivityRequest, ...] = field(converter=_requests)
    seed: int = 0
    max_iterations: int = 20_000


@frozen(kw_only=True)
class AssessSection:
    """``assessment``: the records, the year, the quarters graded (each on its own) and the
    composite schemes; ``as_of`` is the day the annual assessment is made (default 1 January
    after).

    The rules' numbers and switches are not here: they are the workspace's one ``policy``
    (``{"overrides": {"A2": {"approved": true}}, "disabled": ["A6"]}``), which the workspace binds
    to the section; :attr:`routine_policy` and :attr:`annual_policy` are its views. ``weights``
    is the annual composite's scheme (default R4's parameters: 民主测评 + 平时考核 + 党组会议测评;
    REGULATIONS §9 names others), ``rater_weights`` the quarter's rater groups (default the
    routine assessment's).
    """

    records: AssessmentRecords
    year: int
    quarters: tuple[int, ...] = field(default=(1, 2, 3, 4), converter=_ints, validator=_quarters)
    weights: Weights | None = None
    rater_weights: Weights | None = None
    as_of: dt.date | None = None
    #: The workspace's policy, bound by :class:`Workspace` (not part of the section's JSON).
    policy: Policy = field(init=False, factory=Policy, eq=False, repr=False)

    @property
    def routine_policy(self) -> RoutinePolicy:
        """The quarters' view of the workspace's policy (R1-R3), with ``rater_weights``."""
        return RoutinePolicy.from_policy(self.policy, rater_weights=self.rater_weights)

    @property
    def annual_policy(self) -> AnnualPolicy:
        """The year's view of the workspace's policy (A1-A15, R1-R4 and the assessment rules it
        switches off), with ``weights`` and ``rater_weights``."""
        return AnnualPolicy.from_policy(
            self.policy, weights=self.weights, rater_weights=self.rater_weights
        )


@frozen(kw_only=True)
class CoverageSection:
    """``coverage``: the half-open period ``[start, end)`` and, optionally, the posts to check
    (default: every key post)."""

    start: dt.date
    end: dt.date
    post_ids: tuple[str, ...] | None = field(default=None, converter=_optional_tuple)


@frozen(kw_only=True)
class RotationSection:
    """``rotation``: the day of the check and the people under investigation (postponed, T3).

    The development rules' numbers and switches are the workspace's one ``policy``
    (``{"overrides": {"DEV-T1": {"key_years": 5}}}``), bound to the section by
    :class:`Workspace`; :attr:`development_policy` is its view.
    """

    as_of: dt.date
    under_investigation: tuple[str, ...] = field(default=(), converter=_ids)
    #: The workspace's policy, bound by :class:`Workspace` (not part of the section's JSON).
    policy: Policy = field(init=False, factory=Policy, eq=False, repr=False)

    @property
    def development_policy(self) -> DevelopmentPolicy:
        """The staff-development view of the workspace's policy (DEV-T1 ... DEV-AB)."""
        return DevelopmentPolicy.from_policy(self.policy)


@frozen(kw_only=True)
class StatsSection:
    """``stats``: the learning and activity records and the report day ``as_of`` (figures are
    counted "since" a day given on the command line, up to but not including ``as_of``)."""

    records: tuple[Record, ...] = field(converter=_records)
    as_of: dt.date


def _arrangements(values: Iterable[YearArrangement]) -> tuple[YearArrangement, ...]:
    return tuple(sorted(values, key=lambda a: a.year))


def _days(values: Iterable[dt.date]) -> tuple[dt.date, ...]:
    return tuple(sorted(values))


@frozen(kw_only=True)
class CalendarSection:
    """``calendar``: the working-day arrangement of years the installed ``chinesecalendar`` data
    does not cover yet (each from the State Council notice published in November: public
    holidays and the weekend days worked in exchange, 调休) and the office's own closures. The
    same shape is read from ``--calendar FILE``."""

    arrangements: tuple[YearArrangement, ...] = field(default=(), converter=_arrangements)
    closures: tuple[dt.date, ...] = field(default=(), converter=_days)

    def __attrs_post_init__(self) -> None:
        years = [a.year for a in self.arrangements]
        twice = sorted({y for y in years if years.count(y) > 1})
        if twice:
            raise InvalidValue(
                f"the arrangement of {twice} is given more than once; give each year once",
                f"{twice} 年的安排重复；每年只写一次",
                field="arrangements",
                value=twice,
            )

    def merged(self, other: CalendarSection) -> CalendarSection:
        """This section with ``other``'s years replacing its own and both sets of closures."""
        years = {a.year: a for a in self.arrangements}
        years.update({a.year: a for a in other.arrangements})
        return CalendarSection(
            arrangements=years.values(), closures=set(self.closures) | set(other.closures)
        )

    def work_calendar(self) -> WorkCalendar:
        """The built-in calendar with these years added and these closures."""
        return WorkCalendar(arrangements=self.arrangements, closures=self.closures)


def _counts(values: Mapping[str, int]) -> dict[str, int]:
    return dict(values)


@frozen(kw_only=True)
class DutySection:
    """``duty`` (read by ``roster``): who may be in charge (``leader_ids``, default the leadership
    members) and on duty (``staff_ids``, default everyone else) and duty already done this year
    (``prior``, staff id -> days). The rules' numbers (``{"DUTY-Y1": {"staff_per_day": 3}}``) are
    the workspace's ``policy`` (:meth:`Workspace.overrides`)."""

    leader_ids: tuple[str, ...] | None = field(default=None, converter=_optional_tuple)
    staff_ids: tuple[str, ...] | None = field(default=None, converter=_optional_tuple)
    prior: Mapping[str, int] = field(factory=dict, converter=_counts)


def _proposals(values: Iterable[ProposalRecord] | None) -> tuple[ProposalRecord, ...] | None:
    return None if values is None else tuple(values)


def _days_by_person(values: Mapping[str, float]) -> dict[str, float]:
    return {k: float(v) for k, v in values.items()}


def _dates_by_person(values: Mapping[str, dt.date]) -> dict[str, dt.date]:
    return dict(values)


@frozen(kw_only=True)
class LeaveSection:
    """``leave``: when each person started working (``work_start``, default the hire date) and
    annual-leave days carried over from last year (``carried_over``, LEAVE-L4). The rules'
    numbers (``{"LEAVE-L1": {"first_band_days": 7}}``) are the workspace's ``policy``
    (:meth:`Workspace.overrides`)."""

    work_start: Mapping[str, dt.date] = field(factory=dict, converter=_dates_by_person)
    carried_over: Mapping[str, float] = field(factory=dict, converter=_days_by_person)


@frozen(kw_only=True)
class Workspace:
    """One workspace: the office, its one :class:`~jiguan_core.policy.Policy` and a section per
    kind of work that needs more than the office.

    ``policy`` is every area's: ``check`` and ``plan`` schedule by it, ``assess`` and ``rotation``
    read their typed views of it (bound to their sections), ``roster``, ``leave`` and
    ``workplan`` its overrides of their rules (:meth:`overrides`). The other sections are optional
    and only the command that reads one requires it. Sections given to the constructor are not
    changed: the workspace binds its policy to copies.
    """

    version: int = field(default=FORMAT_VERSION, validator=_version)
    office: Organization
    policy: Policy = field(factory=Policy)
    plan: PlanSection | None = None
    assessment: AssessSection | None = None
    coverage: CoverageSection | None = None
    rotation: RotationSection | None = None
    statistics: StatsSection | None = None
    duty: DutySection | None = None
    workplan: WorkPlan | None = None
    leave: LeaveSection | None = None
    proposals: tuple[ProposalRecord, ...] | None = field(default=None, converter=_proposals)
    calendar: CalendarSection | None = None

    def __attrs_post_init__(self) -> None:
        problems = _reference_problems(self)
        if problems:
            raise IntegrityError(problems)
        # The sections that hand a policy view to their command read this workspace's policy.
        # A frozen class binds in its post-init with object.__setattr__ (the attrs idiom), on a
        # copy, so that the caller's section object stays as it was.
        for name in ("assessment", "rotation"):
            section = getattr(self, name)
            if section is not None and section.policy is not self.policy:
                bound = attrs.evolve(section)
                object.__setattr__(bound, "policy", self.policy)
                object.__setattr__(self, name, bound)

    @property
    def scheduling_policy(self) -> Policy:
        """The former name of :attr:`policy` (the same object)."""
        return self.policy

    def routine_policy(self) -> RoutinePolicy:
        """The routine assessment's view of :attr:`policy` (with the assessment section's rater
        weights, if there is one)."""
        if self.assessment is not None:
            return self.assessment.routine_policy
        return RoutinePolicy.from_policy(self.policy)

    def annual_policy(self) -> AnnualPolicy:
        """The annual assessment's view of :attr:`policy` (with the assessment section's
        weights, if there is one)."""
        if self.assessment is not None:
            return self.assessment.annual_policy
        return AnnualPolicy.from_policy(self.policy)

    def development_policy(self) -> DevelopmentPolicy:
        """The staff-development view of :attr:`policy` (rotation, coverage, avoidance ...)."""
        return DevelopmentPolicy.from_policy(self.policy)

    def overrides(self, area: RuleArea) -> Mapping[str, Mapping[str, ParameterValue]]:
        """:attr:`policy`'s parameter overrides of one area's rules, rule id -> {parameter:
        value} (the older ``overrides=`` shorthand; the areas' functions take ``policy=ws.policy``)."""
        return self.policy.overrides_for(area)

    def work_calendar(self) -> WorkCalendar:
        """The working-day calendar every command uses: the built-in years plus ``calendar``."""
        return WorkCalendar() if self.calendar is None else self.calendar.work_calendar()


def _unknown(
    path: str, ids: Iterable[str], known: frozenset[str] | set[str], kind_en: str, kind_zh: str
) -> list[Problem]:
    return [
        Problem(
            path,
            f"unknown {kind_en} id {value!r}; use one defined in the office",
            f"未知的{kind_zh}编号 {value!r}；请使用机关中已定义的编号",
        )
        for value in ids
        if value not in known
    ]


def _reference_problems(ws: Workspace) -> list[Problem]:
    """Every id a section names that the office does not define, with its path."""
    office = ws.office
    staff = {s.id for s in office.staff}
    departments = {d.id for d in office.departments}
    rooms = {r.id for r in office.rooms}
    posts = {p.id for p in office.posts}
    activities = {a.id for a in office.activities}
    problems: list[Problem] = []
    for i, blackout in enumerate(ws.policy.blackouts):
        problems += _unknown(
            f"policy.blackouts[{i}].exempt",
            sorted(blackout.exempt),
            activities,
            "activity",
            "活动",
        )
    if ws.plan is not None:
        for i, request in enumerate(ws.plan.requests):
            at = f"plan.requests[{i}]"
            problems += _unknown(
                f"{at}.department_id", [request.department_id], departments, "department", "部门"
            )
            for name in ("participants", "optional_participants", "leaders"):
                problems += _unknown(f"{at}.{name}", getattr(request, name), staff, "staff", "人员")
            problems += _unknown(f"{at}.rooms", request.rooms, rooms, "room", "会议室")
    if ws.assessment is not None:
        problems += _unknown(
            "assessment.records",
            sorted(ws.assessment.records.staff_ids()),
            staff,
            "staff",
            "人员",
        )
    if ws.coverage is not None and ws.coverage.post_ids is not None:
        problems += _unknown("coverage.post_ids", ws.coverage.post_ids, posts, "post", "岗位")
    if ws.rotation is not None:
        problems += _unknown(
            "rotation.under_investigation", ws.rotation.under_investigation, staff, "staff", "人员"
        )
    if ws.duty is not None:
        for name in ("leader_ids", "staff_ids"):
            problems += _unknown(
                f"duty.{name}", getattr(ws.duty, name) or (), staff, "staff", "人员"
            )
        problems += _unknown("duty.prior", sorted(ws.duty.prior), staff, "staff", "人员")
    for i, entry in enumerate(ws.proposals or ()):
        problems += _unknown(f"proposals[{i}].reviewer", [entry.reviewer], staff, "staff", "人员")
    if ws.leave is not None:
        for name in ("work_start", "carried_over"):
            problems += _unknown(
                f"leave.{name}", sorted(getattr(ws.leave, name)), staff, "staff", "人员"
            )
    if ws.workplan is not None:
        for i, item in enumerate(ws.workplan.items):
            at = f"workplan.items[{i}]"
            problems += _unknown(
                f"{at}.department_id", [item.department_id], departments, "department", "部门"
            )
            problems += _unknown(f"{at}.owner_id", [item.owner_id], staff, "staff", "人员")
            if item.trip is not None:
                for name in ("participants", "leaders"):
                    problems += _unknown(
                        f"{at}.trip.{name}", getattr(item.trip, name), staff, "staff", "人员"
                    )
    if ws.statistics is not None:
        for i, record in enumerate(ws.statistics.records):
            at = f"statistics.records[{i}]"
            problems += _unknown(
                f"{at}.department_id", [record.department_id], departments, "department", "部门"
            )
            problems += _unknown(f"{at}.participants", record.participants, staff, "staff", "人员")
    return problems


# -- converter -------------------------------------------------------------------------------


@cache
def workspace_converter() -> cattrs.Converter:
    """The converter the workspace is read with: the library's own
    (:func:`jiguan_core.serialization.make_converter`), cached."""
    from jiguan_core.serialization import make_converter

    return make_converter()


def workspace_to_dict(workspace: Workspace) -> Any:
    """The JSON-compatible form of a workspace (what :func:`parse_workspace` reads back)."""
    return workspace_converter().unstructure(workspace)


def dump_workspace(workspace: Workspace) -> str:
    """The workspace as JSON text (UTF-8, two-space indent, one trailing newline)."""
    return json.dumps(workspace_to_dict(workspace), ensure_ascii=False, indent=2) + "\n"


# -- schema ----------------------------------------------------------------------------------


#: The former name of the workspace's ``policy`` key, still read (never written).
POLICY_ALIAS = "scheduling_policy"
#: Section keys that held an area's own policy before the one ``policy``, and where they went.
_MOVED: Mapping[tuple[str, str], tuple[str, str]] = {
    ("assessment", "routine_policy"): (
        "the rules' numbers and switches go in the workspace's `policy` (overrides of R1-R3); "
        "rater weights in assessment.rater_weights",
        "规则参数与开关写入工作区的 `policy`（R1-R3 的 overrides）；评价主体权重写入 "
        "assessment.rater_weights",
    ),
    ("assessment", "annual_policy"): (
        "the rules' numbers and switches go in the workspace's `policy` (overrides of A1-A15 and "
        "R4, disabled rules); the composite's weights in assessment.weights",
        "规则参数与开关写入工作区的 `policy`（A1-A15、R4 的 overrides 与 disabled）；综合权重写入 "
        "assessment.weights",
    ),
    ("rotation", "policy"): (
        "the development rules' numbers go in the workspace's `policy`, e.g. {\"overrides\": "
        '{"DEV-T1": {"key_years": 5}}}',
        '干部培养规则的参数写入工作区的 `policy`，例如 {"overrides": {"DEV-T1": {"key_years": 5}}}',
    ),
    ("duty", "overrides"): (
        "rule overrides go in the workspace's `policy.overrides` (same shape)",
        "规则参数覆盖写入工作区的 `policy.overrides`（格式相同）",
    ),
    ("leave", "overrides"): (
        "rule overrides go in the workspace's `policy.overrides` (same shape)",
        "规则参数覆盖写入工作区的 `policy.overrides`（格式相同）",
    ),
}


@cache
def _schema() -> dict[str, Any]:
    from jiguan_core.schema import json_schema

    generated = json_schema(Workspace, title="jiguan_core workspace")
    # The former key is read as an alias: the same schema, marked deprecated, never both.
    properties = generated["properties"]
    properties[POLICY_ALIAS] = {
        **properties["policy"],
        "deprecated": True,
        "description": "The former name of `policy`: read, never written; give one of the two.",
    }
    generated["not"] = {"required": ["policy", POLICY_ALIAS]}
    return generated


def workspace_schema() -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) of a workspace, generated from the attrs classes."""
    copy: dict[str, Any] = json.loads(json.dumps(_schema()))  # a copy the caller may change
    return copy


def schema_files() -> dict[str, str]:
    """The schema files shipped in ``jiguan_core/schemas`` (file name -> text), for the docs
    generator to write and for a test to compare with what is shipped."""
    text = json.dumps(_schema(), ensure_ascii=False, indent=2, sort_keys=True) + "\n"
    return {SCHEMA_FILE: text}


def _json_path(parts: Iterable[object]) -> str:
    path = "$"
    for part in parts:
        path += f"[{part}]" if isinstance(part, int) else f".{part}"
    return path


def _jsonschema() -> Any:
    """The jsonschema module (the ``[cli]`` extra), imported on the first validation."""
    from jiguan_core._optional import require

    return require(
        "jsonschema",
        feature="checking a workspace against its JSON Schema",
        feature_zh="按 JSON Schema 检查工作区文件",
    )


@cache
def _validator() -> Any:
    jsonschema = _jsonschema()
    return jsonschema.Draft202012Validator(_schema(), format_checker=jsonschema.FormatChecker())


def schema_problems(data: Any, schema: Mapping[str, Any] | None = None) -> list[Problem]:
    """Every place where ``data`` breaks the workspace schema (default: the generated one; the
    command line passes the shipped file), sorted by path."""
    found: list[Problem] = []
    if schema is None:
        validator = _validator()
    else:
        jsonschema = _jsonschema()
        validator = jsonschema.Draft202012Validator(
            schema, format_checker=jsonschema.FormatChecker()
        )
    for error in validator.iter_errors(data):
        # The innermost failure explains an anyOf (e.g. a section that is neither null nor valid).
        leaves = _leaves(error)
        for leaf in leaves:
            found.append(_schema_problem(leaf))
    unique = {(p.path, p.message_en): p for p in found}
    return sorted(unique.values(), key=lambda p: (p.path, p.message_en))


def _schema_problem(error: Any) -> Problem:
    """One schema failure in plain words; the common ones get a hint what to write."""
    from jiguan_core.schema import DATETIME_PATTERN

    path = _json_path(error.absolute_path)
    value = error.instance
    if error.validator == "pattern" and error.validator_value == DATETIME_PATTERN:
        return Problem(
            path,
            f"{value!r} is not a datetime with its UTC offset (a naive time is ambiguous); "
            "write e.g. 2025-01-14T09:00:00+08:00",
            f"{value!r} 不是带时区的时间（不带时区的时间有歧义）；请写成 2025-01-14T09:00:00+08:00 的形式",
        )
    if error.validator == "pattern" and error.schema.get("format") == "duration":
        return Problem(
            path,
            f"{value!r} is not an ISO 8601 duration; write e.g. PT1H30M or P2D",
            f"{value!r} 不是 ISO 8601 时长；请写成 PT1H30M 或 P2D 的形式",
        )
    if error.validator == "pattern" and error.schema.get("format") == "date":
        return Problem(
            path,
            f"{value!r} is not a date; write YYYY-MM-DD",
            f"{value!r} 不是日期；请写成 YYYY-MM-DD",
        )
    if error.validator == "required":
        return Problem(path, f"schema: {error.message}", f"缺少必填字段：{error.message}")
    if error.validator == "not" and not list(error.absolute_path):
        return Problem(
            f"$.{POLICY_ALIAS}",
            f"both `policy` and its former name `{POLICY_ALIAS}` are given; keep `policy` only",
            f"同时给出了 `policy` 和旧名 `{POLICY_ALIAS}`；只保留 `policy`",
        )
    if error.validator == "additionalProperties":
        section = list(error.absolute_path)
        moved = [
            (key, _MOVED[(str(section[0]), key)])
            for key in (value if isinstance(value, Mapping) else {})
            if len(section) == 1 and (str(section[0]), key) in _MOVED
        ]
        if moved:
            key, (en, zh) = moved[0]
            return Problem(
                path,
                f"`{key}` is no longer a field of this section: one policy serves every area; {en}",
                f"本部分不再有 `{key}` 字段：各领域共用一个策略；{zh}",
            )
        return Problem(
            path,
            f"schema: {error.message}; remove or rename the field",
            f"有不认识的字段：{error.message}；请删除或改名",
        )
    message = error.message
    if len(message) > 300:
        message = message[:297] + "..."
    return Problem(path, f"schema: {message}", f"不符合格式（schema）：{message}")


def _leaves(error: Any) -> list[Any]:
    if error.validator == "anyOf" and error.context and error.instance is not None:
        # ``X | None`` given something that is not null: only X's failures explain it.
        real = [
            sub
            for sub in error.context
            if not (sub.validator == "type" and sub.validator_value == "null")
        ]
        branches_left = {sub.relative_schema_path[0] for sub in real}
        if len(branches_left) == 1:
            return [leaf for sub in real for leaf in _leaves(sub)]
    if error.validator == "anyOf" and error.context:
        # Prefer the branch that got furthest (not the "is not null" one).
        branches: dict[int, list[Any]] = {}
        for sub in error.context:
            branches.setdefault(sub.relative_schema_path[0], []).append(sub)
        best = max(
            branches.values(),
            key=lambda subs: (max(len(s.absolute_path) for s in subs), -len(subs)),
        )
        if max(len(s.absolute_path) for s in best) > len(error.absolute_path):
            return [leaf for sub in best for leaf in _leaves(sub)]
    return [error]


# -- reading ---------------------------------------------------------------------------------


def parse_workspace(text: str, *, schema: Mapping[str, Any] | None = None) -> Workspace:
    """Read a workspace from JSON text, or raise :class:`ConversionError` listing every problem
    with its JSON path: not JSON (line and column), then the schema, then the converter (wrong
    values, unknown ids)."""
    from jiguan_core.serialization import parse_json

    return load_workspace(parse_json(text), schema=schema)


def load_workspace(data: Any, *, schema: Mapping[str, Any] | None = None) -> Workspace:
    """Read a workspace from its dict form, reporting every problem in one pass.

    Three checks run on every section whatever the others found, and their problems are
    reported together, sorted by JSON path: the schema (types, enums, patterns, unknown fields),
    the converter section by section (values the schema cannot judge: a 30 February, a span that
    ends before it starts), and the ids each section names, looked up among the ids the office
    defines (read from the raw data, so that a broken staff record does not hide an unknown id in
    a request). A converter problem at or under a place the schema already blamed is not repeated.
    """
    problems = schema_problems(data, schema)
    if not isinstance(data, Mapping):
        raise ConversionError(problems)
    parts, converter_problems = _structure_sections(data)
    blamed = [p.path for p in problems]
    problems += [p for p in converter_problems if not _under_any(p.path, blamed)]
    problems += _raw_reference_problems(data)
    if problems:
        unique = {(p.path, p.message_en): p for p in problems}
        raise ConversionError(sorted(unique.values(), key=lambda p: (p.path, p.message_en)))
    try:
        return Workspace(**parts)
    except IntegrityError as error:  # ids the raw look-up does not cover (e.g. dict keys)
        raise ConversionError(
            [
                p if p.path.startswith("$") else Problem(f"$.{p.path}", p.message_en, p.message_zh)
                for p in error.problems
            ]
        ) from error


def _under_any(path: str, places: Iterable[str]) -> bool:
    return any(path == place or path.startswith((place + ".", place + "[")) for place in places)


def _structure_sections(data: Mapping[str, Any]) -> tuple[dict[str, Any], list[Problem]]:
    """Each section of the workspace read on its own (one broken section hides nothing in
    another): the objects read, by field name, and the problems of the others."""
    from jiguan_core.serialization import structure

    converter = workspace_converter()
    types = typing.get_type_hints(Workspace)
    parts: dict[str, Any] = {}
    problems: list[Problem] = []
    for attribute in attrs.fields(Workspace):
        name = attribute.name
        key = POLICY_ALIAS if name == "policy" and name not in data else name
        if key not in data or not attribute.init:
            continue
        try:
            value = structure(converter, data[key], types[name])
            if name == "version":
                _version(None, None, value)
        except ConversionError as error:
            problems += [
                Problem(p.path.replace("$", f"$.{key}", 1), p.message_en, p.message_zh)
                for p in error.problems
            ]
        except InvalidValue as error:
            problems.append(Problem(f"$.{key}", error.message_en, error.message_zh))
        else:
            parts[name] = value
    return parts, problems


#: Where a workspace names ids of the office, by the kind of id (``*`` any key or index).
_REFERENCES: tuple[tuple[tuple[str, ...], str], ...] = (
    (("policy", "blackouts", "*", "exempt", "*"), "activity"),
    (("scheduling_policy", "blackouts", "*", "exempt", "*"), "activity"),
    (("plan", "requests", "*", "department_id"), "department"),
    (("plan", "requests", "*", "participants", "*"), "staff"),
    (("plan", "requests", "*", "optional_participants", "*"), "staff"),
    (("plan", "requests", "*", "leaders", "*"), "staff"),
    (("plan", "requests", "*", "rooms", "*"), "room"),
    (("assessment", "records", "*", "*", "staff_id"), "staff"),
    (("coverage", "post_ids", "*"), "post"),
    (("rotation", "under_investigation", "*"), "staff"),
    (("statistics", "records", "*", "department_id"), "department"),
    (("statistics", "records", "*", "participants", "*"), "staff"),
    (("duty", "leader_ids", "*"), "staff"),
    (("duty", "staff_ids", "*"), "staff"),
    (("proposals", "*", "reviewer"), "staff"),
    (("workplan", "items", "*", "department_id"), "department"),
    (("workplan", "items", "*", "owner_id"), "staff"),
    (("workplan", "items", "*", "trip", "participants", "*"), "staff"),
    (("workplan", "items", "*", "trip", "leaders", "*"), "staff"),
)
#: The office's list that defines each kind of id, and the kind's name in Chinese.
_DEFINED_IN = {
    "activity": ("activities", "活动"),
    "department": ("departments", "部门"),
    "staff": ("staff", "人员"),
    "room": ("rooms", "会议室"),
    "post": ("posts", "岗位"),
}


def _raw_ids(office: Any, key: str) -> set[str]:
    items = office.get(key) if isinstance(office, Mapping) else None
    if not isinstance(items, list):
        return set()
    return {
        item["id"]
        for item in items
        if isinstance(item, Mapping) and isinstance(item.get("id"), str)
    }


def _matches(value: Any, pattern: tuple[str, ...], path: str) -> Iterable[tuple[str, Any]]:
    if not pattern:
        yield path, value
        return
    head, rest = pattern[0], pattern[1:]
    if isinstance(value, Mapping):
        keys = list(value) if head == "*" else [head] if head in value else []
        for key in keys:
            yield from _matches(value[key], rest, f"{path}.{key}")
    elif isinstance(value, list) and head == "*":
        for index, item in enumerate(value):
            yield from _matches(item, rest, f"{path}[{index}]")


def _raw_reference_problems(data: Mapping[str, Any]) -> list[Problem]:
    """Every id a section names that the office does not define, from the raw data (so that
    problems elsewhere hide none), with its exact path."""
    office = data.get("office")
    if not isinstance(office, Mapping):
        return []
    known = {kind: _raw_ids(office, key) for kind, (key, _) in _DEFINED_IN.items()}
    problems: list[Problem] = []
    for pattern, kind in _REFERENCES:
        zh = _DEFINED_IN[kind][1]
        for path, value in _matches(data, pattern, "$"):
            if isinstance(value, str) and value not in known[kind]:
                problems.append(
                    Problem(
                        path,
                        f"unknown {kind} id {value!r}; use one defined in the office",
                        f"未知的{zh}编号 {value!r}；请使用机关中已定义的编号",
                    )
                )
    return problems


# -- the public functions, as json's ----------------------------------------------------------

#: What :func:`load` reads and :func:`dump` writes: a path, or a file object the caller opened.
Source = str | os.PathLike[str] | IO[str] | IO[bytes]


def loads(text: str | bytes | bytearray, *, schema: Mapping[str, Any] | None = None) -> Workspace:
    """Read a workspace from JSON text (``bytes`` are decoded as UTF-8).

    Raises :class:`~jiguan_core.errors.ConversionError` listing every problem with its JSON path
    (not text, not JSON, then the schema, then the values and the ids). ``schema`` replaces the
    generated JSON Schema (the command line passes the shipped file).
    """
    if isinstance(text, bytes | bytearray):
        try:
            text = bytes(text).decode("utf-8")
        except UnicodeDecodeError as error:
            raise ConversionError(
                [
                    Problem(
                        "$",
                        f"not UTF-8 text (byte {error.start})",
                        f"不是 UTF-8 文本（第 {error.start} 字节）",
                    )
                ]
            ) from error
    if not isinstance(text, str):
        raise ConversionError(
            [
                Problem(
                    "$",
                    f"a workspace is read from JSON text (str or bytes), got {type(text).__name__}",
                    f"工作区应从 JSON 文本（str 或 bytes）读取，实际为 {type(text).__name__}",
                )
            ]
        )
    return parse_workspace(text, schema=schema)


def load(source: Source, *, schema: Mapping[str, Any] | None = None) -> Workspace:
    """Read a workspace from a path (``str`` or :class:`os.PathLike`, UTF-8) or from a text or
    binary file object the caller opened (as :func:`json.load`; it is read, not closed).

    A file that cannot be read is a :class:`~jiguan_core.errors.ConversionError` at ``$`` saying
    why; every other problem is reported as :func:`loads` does.
    """
    if isinstance(source, str | os.PathLike):
        path = Path(source)
        try:
            data = path.read_bytes()
        except OSError as error:
            reason = error.strerror or str(error)
            raise ConversionError(
                [Problem("$", f"cannot read {path}: {reason}", f"无法读取 {path}：{reason}")]
            ) from error
        return loads(data, schema=schema)
    read = getattr(source, "read", None)
    if not callable(read):
        raise ConversionError(
            [
                Problem(
                    "$",
                    f"load reads a path or a file object, got {type(source).__name__}; "
                    "use loads for text",
                    f"load 读取路径或文件对象，实际为 {type(source).__name__}；文本请用 loads",
                )
            ]
        )
    return loads(read(), schema=schema)


def dumps(workspace: Workspace) -> str:
    """The workspace as JSON text: characters as they are (not escaped), two-space indent, one
    trailing newline; the same workspace always gives the same text."""
    return dump_workspace(workspace)


def dump(workspace: Workspace, target: Source) -> None:
    """Write the workspace as JSON text to a path (UTF-8; the file is replaced) or to a text or
    binary file object the caller opened (written, not closed).

    A path that cannot be written is a :class:`~jiguan_core.errors.CannotWrite` saying where and
    why.
    """
    text = dumps(workspace)
    if isinstance(target, str | os.PathLike):
        path = Path(target)
        try:
            path.write_bytes(text.encode("utf-8"))
        except OSError as error:
            reason = error.strerror or str(error)
            raise CannotWrite(
                f"cannot write {path}: {reason}", f"无法写入 {path}：{reason}"
            ) from error
        return
    if _takes_bytes(target):
        typing.cast(IO[bytes], target).write(text.encode("utf-8"))
    else:
        typing.cast(IO[str], target).write(text)


def _takes_bytes(target: object) -> bool:
    """Whether a file object is binary: an io byte stream, or opened with a ``b`` mode."""
    if isinstance(target, io.RawIOBase | io.BufferedIOBase):
        return True
    mode = getattr(target, "mode", "")
    return isinstance(mode, str) and "b" in mode


def to_dict(workspace: Workspace) -> Any:
    """The JSON-compatible dict form of a workspace (what :func:`from_dict` reads back)."""
    return workspace_to_dict(workspace)


def from_dict(data: Any, *, schema: Mapping[str, Any] | None = None) -> Workspace:
    """Read a workspace from its dict form (as :func:`json.loads` gives it), reporting every
    problem as :func:`loads` does."""
    return load_workspace(data, schema=schema)


def schema() -> dict[str, Any]:
    """The workspace's JSON Schema (draft 2020-12), a copy the caller may change."""
    return workspace_schema()
