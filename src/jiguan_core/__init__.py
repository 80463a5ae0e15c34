"""jiguan_core: how a government office (政协机关) runs itself, as a pure library.

Everything public is re-exported here; the modules behind it hold one concept each.
``jiguan_core.__version__`` is the installed version (read from the package metadata on first use);
the sample office (``sample_office``) is imported on first use too, so ``import jiguan_core`` stays
light.
"""

from typing import TYPE_CHECKING

from jiguan_core.absence import Absence, AbsenceKind
from jiguan_core.activity import FIELD_KINDS, Activity, ActivityKind, MeetingKind
from jiguan_core.calendar import DateRange, Granularity, WorkCalendar, YearArrangement, quarter_of
from jiguan_core.department import Department, DepartmentKind
from jiguan_core.errors import (
    CalendarYearNotCovered,
    ConversionError,
    IntegrityError,
    InvalidInput,
    InvalidValue,
    JiguanError,
    MissingExtra,
    NaiveDateTime,
    Problem,
    UnknownEntity,
    WrongType,
)
from jiguan_core.organization import Organization
from jiguan_core.post import AVOIDANCE_AREAS, ABRole, KeyArea, Post, PostAssignment, PostRole
from jiguan_core.room import Room
from jiguan_core.serialization import from_dict, from_json, make_converter, to_dict, to_json
from jiguan_core.staff import Level, Relation, Relative, Staff
from jiguan_core.task import Task, TaskSource, TaskStatus
from jiguan_core.text import Lang, TermEnum, Text
from jiguan_core.time import SHANGHAI, TimeSpan, aware, parse_datetime

if TYPE_CHECKING:
    from jiguan_core.examples.office import sample_office

    __version__: str

__all__ = [
    "AVOIDANCE_AREAS",
    "FIELD_KINDS",
    "SHANGHAI",
    "ABRole",
    "Absence",
    "AbsenceKind",
    "Activity",
    "ActivityKind",
    "CalendarYearNotCovered",
    "ConversionError",
    "DateRange",
    "Department",
    "DepartmentKind",
    "Granularity",
    "IntegrityError",
    "InvalidInput",
    "InvalidValue",
    "JiguanError",
    "KeyArea",
    "Lang",
    "Level",
    "MeetingKind",
    "MissingExtra",
    "NaiveDateTime",
    "Organization",
    "Post",
    "PostAssignment",
    "PostRole",
    "Problem",
    "Relation",
    "Relative",
    "Room",
    "Staff",
    "Task",
    "TaskSource",
    "TaskStatus",
    "TermEnum",
    "Text",
    "TimeSpan",
    "UnknownEntity",
    "WorkCalendar",
    "WrongType",
    "YearArrangement",
    "aware",
    "from_dict",
    "from_json",
    "make_converter",
    "parse_datetime",
    "quarter_of",
    "sample_office",
    "to_dict",
    "to_json",
]


def __getattr__(name: str) -> object:
    """``__version__`` and ``sample_office``, resolved on first use so that ``import jiguan_core``
    stays cheap (the sample office is example data)."""
    if name == "__version__":
        from jiguan_core._version import version

        return version()
    if name == "sample_office":
        from jiguan_core.examples.office import sample_office

        return sample_office
    raise AttributeError(f"module 'jiguan_core' has no attribute {name!r}")
