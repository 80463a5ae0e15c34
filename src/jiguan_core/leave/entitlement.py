"""Annual paid leave (年休假): entitlement (LEAVE-L1), days taken on the 调休 calendar
(LEAVE-L2), the exclusions after long leave (LEAVE-L3) and days carried over (LEAVE-L4).

Years of work are counted on 1 January of the year, from the day the person started working
(``work_start``; the hire date when the office does not know an earlier one). Days taken are the
working half days of the year's annual-leave absences, so a leave over a public holiday costs
only its working days.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from typing import Any

import pendulum
from attrs import frozen

from jiguan_core._validation import boundary
from jiguan_core.absence import Absence, AbsenceKind
from jiguan_core.calendar import WorkCalendar
from jiguan_core.catalogue.leave import ANNUAL_LEAVE_ENTITLEMENT, CARRY_OVER, LEAVE_EXCLUSIONS
from jiguan_core.errors import InvalidValue
from jiguan_core.leave.halfday import span_working_half_days
from jiguan_core.policy import Policy, effective_policy
from jiguan_core.staff import Staff
from jiguan_core.text import Lang, Text
from jiguan_core.time import SHANGHAI, TimeSpan

__all__ = [
    "LeaveBalance",
    "annual_entitlement",
    "exclusion",
    "leave_balance",
    "years_of_work",
]


def years_of_work(work_start: dt.date, on: dt.date) -> int:
    """Whole years from ``work_start`` to ``on`` (0 before the first anniversary)."""
    years = on.year - work_start.year
    try:
        anniversary = work_start.replace(year=on.year)
    except ValueError:  # 29 February in a common year
        anniversary = dt.date(on.year, 2, 28)
    return max(years - (anniversary > on), 0)


def annual_entitlement(
    years: int, overrides: Mapping[str, Any] | None = None, *, policy: Policy | None = None
) -> int:
    """LEAVE-L1: days of annual leave after ``years`` of cumulative work, by the rule's
    parameters under ``policy`` (``overrides``: its parameters, a shorthand; not both)."""
    values = effective_policy(
        policy, overrides, where="annual_entitlement", rule_id=ANNUAL_LEAVE_ENTITLEMENT.id
    ).parameters(ANNUAL_LEAVE_ENTITLEMENT.id)
    if years < int(values["min_years"]):
        return 0
    if years >= int(values["third_band_from"]):
        return int(values["third_band_days"])
    if years >= int(values["second_band_from"]):
        return int(values["second_band_days"])
    return int(values["first_band_days"])


def _year_span(year: int) -> TimeSpan:
    return TimeSpan(
        start=pendulum.datetime(year, 1, 1, tz=SHANGHAI),
        end=pendulum.datetime(year + 1, 1, 1, tz=SHANGHAI),
    )


def _clipped(span: TimeSpan, year: TimeSpan) -> TimeSpan | None:
    if not span.overlaps(year):
        return None
    return TimeSpan(start=max(span.start, year.start), end=min(span.end, year.end))


def exclusion(
    years: int,
    absences: Iterable[Absence],
    year: int,
    calendar: WorkCalendar,
    overrides: Mapping[str, Any] | None = None,
    *,
    policy: Policy | None = None,
) -> Text | None:
    """LEAVE-L3: why no annual leave is due in ``year`` after long personal or sick leave that
    year (None when none applies, or when ``policy`` switches LEAVE-L3 off). Personal leave
    counts working days, sick leave calendar days (a month is ``days_per_month`` days); the
    bands of years are LEAVE-L1's under ``policy``. ``overrides``: LEAVE-L3's parameters, a
    shorthand for ``policy`` (not both)."""
    chosen = effective_policy(policy, overrides, where="exclusion", rule_id=LEAVE_EXCLUSIONS.id)
    values = chosen.parameters(LEAVE_EXCLUSIONS.id)
    bands = chosen.parameters(ANNUAL_LEAVE_ENTITLEMENT.id)
    if not chosen.enabled(LEAVE_EXCLUSIONS.id):
        return None
    whole = _year_span(year)
    personal_half_days = 0
    sick_days: set[dt.date] = set()
    for absence in absences:
        clipped = _clipped(absence.span, whole)
        if clipped is None:
            continue
        if absence.kind is AbsenceKind.PERSONAL_LEAVE:
            personal_half_days += span_working_half_days(clipped, calendar)
        elif absence.kind is AbsenceKind.SICK_LEAVE:
            sick_days.update(clipped.dates())
    limit = int(values["personal_leave_days"])
    if personal_half_days >= 2 * limit:
        return Text(
            f"{year}年事假累计{personal_half_days / 2:g}天（≥{limit}天），不享受当年年休假（LEAVE-L3）",
            f"{personal_half_days / 2:g} days of personal leave in {year} (≥ {limit}): no annual "
            "leave that year (LEAVE-L3)",
        )
    band = (
        "sick_months_third"
        if years >= int(bands["third_band_from"])
        else "sick_months_second"
        if years >= int(bands["second_band_from"])
        else "sick_months_first"
    )
    months = int(values[band])
    if len(sick_days) >= months * int(values["days_per_month"]):
        return Text(
            f"{year}年病假累计{len(sick_days)}天（≥{months}个月），不享受当年年休假（LEAVE-L3）",
            f"{len(sick_days)} days of sick leave in {year} (≥ {months} months): no annual leave "
            "that year (LEAVE-L3)",
        )
    return None


@frozen(kw_only=True)
class LeaveBalance:
    """One person's annual leave in one year, in days (halves allowed)."""

    staff_id: str
    year: int
    years_of_work: int
    entitled: float
    carried_over: float
    taken: float
    excluded: Text | None

    @property
    def left(self) -> float:
        """Days still to take (negative: more taken than due)."""
        return self.entitled + self.carried_over - self.taken

    def render(self, lang: Lang = "zh") -> str:
        if lang == "zh":
            line = (
                f"{self.staff_id} {self.year}年 工龄{self.years_of_work}年 应休{self.entitled:g}天"
                + (f"（含上年结转{self.carried_over:g}天）" if self.carried_over else "")
                + f" 已休{self.taken:g}天 剩余{self.left:g}天"
            )
        else:
            line = (
                f"{self.staff_id} {self.year}: {self.years_of_work} years of work, "
                f"{self.entitled:g} day(s) due"
                + (f" (+{self.carried_over:g} carried over)" if self.carried_over else "")
                + f", {self.taken:g} taken, {self.left:g} left"
            )
        return line + (f" — {self.excluded.render(lang)}" if self.excluded else "")


@boundary
def leave_balance(
    staff: Staff,
    year: int,
    *,
    absences: Iterable[Absence],
    calendar: WorkCalendar,
    work_start: dt.date | None = None,
    carried_over: float = 0.0,
    overrides: Mapping[str, Mapping[str, Any]] | None = None,
    policy: Policy | None = None,
) -> LeaveBalance:
    """Annual leave of ``staff`` in ``year``: due (L1, or 0 under L3), carried over (L4), taken
    (L2: working half days of the year's annual-leave absences) and left.

    ``absences`` may be everyone's: only ``staff``'s own count. The rules' parameters are
    ``policy``'s; a rule it switches off finds nothing (LEAVE-L3 off: no year is excluded;
    LEAVE-L4 off: any carry-over is taken as given). ``overrides`` (rule id -> parameters,
    LEAVE-L1, LEAVE-L3, LEAVE-L4) is a shorthand for ``policy`` (not both).
    """
    chosen = effective_policy(policy, overrides, where="leave_balance")
    start = work_start if work_start is not None else staff.hire_date
    years = years_of_work(start, dt.date(year, 1, 1))
    own = [a for a in absences if a.staff_id == staff.id]
    if carried_over < 0 or (
        carried_over > 0
        and chosen.enabled(CARRY_OVER.id)
        and int(chosen.parameters(CARRY_OVER.id)["carry_over_years"]) < 1
    ):
        raise InvalidValue(
            f"{staff.id}: {carried_over:g} day(s) carried into {year}, but LEAVE-L4 allows no "
            "carry-over here (carry_over_years = 0) or the figure is negative",
            f"{staff.id}：结转至{year}年{carried_over:g}天，但按 LEAVE-L4 不得跨年度或数值为负",
            field="carried_over",
            value=carried_over,
        )
    excluded = exclusion(years, own, year, calendar, policy=chosen)
    entitled = 0 if excluded else annual_entitlement(years, policy=chosen)
    whole = _year_span(year)
    taken_half_days = 0
    for absence in own:
        if absence.kind is not AbsenceKind.ANNUAL_LEAVE:
            continue
        clipped = _clipped(absence.span, whole)
        if clipped is not None:
            taken_half_days += span_working_half_days(clipped, calendar)
    return LeaveBalance(
        staff_id=staff.id,
        year=year,
        years_of_work=years,
        entitled=float(entitled),
        carried_over=float(carried_over),
        taken=taken_half_days / 2,
        excluded=excluded,
    )
