"""Sanction periods (S1, S3, S4) and what they block (S2, W2).

S1: 警告 6 months, 记过 12, 记大过 18, 降级/撤职 24 (parameters of S1). S4: party 警告 12 months,
严重警告 18 (parameters of S4). S3: a new 政务处分 decided while an earlier one's period runs gets
the old period's remaining time added to its own; the old period ends on the new decision day.
Party and 政务 periods are separate families and do not combine.
"""

from __future__ import annotations

import calendar
import datetime as dt
from collections.abc import Iterable, Mapping

from attrs import field, frozen

from jiguan_core._validation import boundary, date_value, identifier, instance_of
from jiguan_core.assessment.records import Sanction, SanctionKind
from jiguan_core.catalogue.assessment import resolve

__all__ = ["SanctionPeriod", "add_months", "sanction_periods"]


@boundary
def add_months(day: dt.date, months: int) -> dt.date:
    """``day`` plus whole months, clamped to the month's end (31 Jan + 1 month = 28/29 Feb)."""
    index = day.month - 1 + months
    year, month = day.year + index // 12, index % 12 + 1
    return dt.date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


@frozen(kw_only=True)
class SanctionPeriod:
    """The half-open period [start, end) during which a sanction has its effects."""

    staff_id: str = field(validator=identifier)
    kind: SanctionKind = field(validator=instance_of(SanctionKind))
    start: dt.date = field(validator=date_value)
    end: dt.date = field(validator=date_value)
    #: S3: days carried over from the period this one interrupted (0 when none).
    carried_days: int = 0

    def covers(self, on: dt.date) -> bool:
        return self.start <= on < self.end

    def overlaps_year(self, year: int) -> bool:
        return self.start < dt.date(year + 1, 1, 1) and dt.date(year, 1, 1) < self.end

    @property
    def rule_ids(self) -> tuple[str, ...]:
        family = ("S4",) if self.kind.is_party else ("S1",)
        return family + (("S3",) if self.carried_days else ())


@boundary
def sanction_periods(
    sanctions: Iterable[Sanction],
    *,
    overrides: Mapping[str, Mapping[str, object]] | None = None,
) -> tuple[SanctionPeriod, ...]:
    """Every sanction's period, with S3 applied, sorted by (person, start, kind)."""
    months = {**resolve("S1", overrides), **resolve("S4", overrides)}
    ordered = sorted(sanctions, key=lambda s: (s.staff_id, s.start, s.kind.value))
    out: list[SanctionPeriod] = []
    running: dict[tuple[str, bool], int] = {}  # (person, is_party) -> index in out
    for sanction in ordered:
        length = int(months[sanction.kind.value])  # type: ignore[call-overload]
        end = add_months(sanction.start, length)
        carried = 0
        key = (sanction.staff_id, sanction.kind.is_party)
        previous_index = running.get(key)
        if previous_index is not None and not sanction.kind.is_party:
            previous = out[previous_index]
            if previous.covers(sanction.start):
                carried = (previous.end - sanction.start).days
                end = end + dt.timedelta(days=carried)
                out[previous_index] = SanctionPeriod(
                    staff_id=previous.staff_id,
                    kind=previous.kind,
                    start=previous.start,
                    end=sanction.start,
                    carried_days=previous.carried_days,
                )
        out.append(
            SanctionPeriod(
                staff_id=sanction.staff_id,
                kind=sanction.kind,
                start=sanction.start,
                end=end,
                carried_days=carried,
            )
        )
        running[key] = len(out) - 1
    return tuple(out)
