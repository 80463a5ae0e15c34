"""Sanction periods (S1, S3, S4) and what they block (S2, W2).

S1: 警告 6 months, 记过 12, 记大过 18, 降级/撤职 24 (parameters of S1). S4: party 警告 12 months,
严重警告 18 (parameters of S4). S3: a new 政务处分 decided while an earlier one's period runs gets
the old period's remaining time added to its own. The merged period never lightens a sanction:
when the earlier sanction is the heavier one, its period keeps running to its own end, so its
effects (A7, S2, W2) hold for its remaining time, inside the merged period; when the new one is
as heavy or heavier, the earlier period ends on the new decision day (the new sanction's effects
cover the rest). Party and 政务 periods are separate families and do not combine.
"""

from __future__ import annotations

import calendar
import datetime as dt
from collections.abc import Iterable, Mapping

from attrs import field, frozen

from jiguan_core._validation import (
    boundary,
    date_value,
    identifier,
    instance_of,
    only_keys,
    result_year,
)
from jiguan_core.assessment.records import Sanction, SanctionKind
from jiguan_core.catalogue.assessment import resolve

__all__ = ["SanctionPeriod", "add_months", "sanction_periods"]


@boundary
def add_months(day: dt.date, months: int) -> dt.date:
    """``day`` plus whole months, clamped to the month's end (31 Jan + 1 month = 28/29 Feb)."""
    index = day.month - 1 + months
    year, month = day.year + index // 12, index % 12 + 1
    result_year(year, field="months", value=months, where="add_months")
    return dt.date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


#: 政务处分 kinds from the lightest; a merged period keeps the heavier one's effects (S3).
_SEVERITY = {kind: rank for rank, kind in enumerate(SanctionKind)}


@frozen(kw_only=True)
class SanctionPeriod:
    """The half-open period [start, end) during which a sanction has its effects.

    After an S3 merge with a lighter later sanction, the heavier earlier period still runs to its
    own end, overlapping the new one: on any day the heaviest period covering it decides.
    """

    staff_id: str = field(validator=identifier)
    kind: SanctionKind = field(validator=instance_of(SanctionKind))
    start: dt.date = field(validator=date_value)
    end: dt.date = field(validator=date_value)
    #: S3: days carried over from the period this one interrupted (0 when none).
    carried_days: int = field(default=0, validator=instance_of(int))

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
    """Every sanction's period, with S3 applied, sorted by (person, start, kind).

    ``overrides`` may only name S1 and S4 (the rules with periods); another key is refused.
    """
    if overrides is not None:
        only_keys(overrides, {"S1", "S4"}, field="overrides", where="sanction_periods")
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
                if _SEVERITY[previous.kind] <= _SEVERITY[sanction.kind]:
                    # The new sanction is as heavy or heavier: it takes over from its day.
                    out[previous_index] = SanctionPeriod(
                        staff_id=previous.staff_id,
                        kind=previous.kind,
                        start=previous.start,
                        end=sanction.start,
                        carried_days=previous.carried_days,
                    )
                # Else the heavier earlier period runs on to its end: the lighter new sanction
                # must not relabel its remaining time.
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
