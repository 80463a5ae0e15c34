"""评先评优: award eligibility (W1, W2) with a reason per ineligible person, and honour counts
per level and period (the article's "省级先进 9 人次")."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping, Sequence

from attrs import frozen

from jiguan_core._validation import Year, boundary
from jiguan_core.assessment.consequences import YearOutcome
from jiguan_core.assessment.grades import Grade
from jiguan_core.assessment.records import AwardKind, Honour, HonourLevel, Investigation
from jiguan_core.assessment.sanctions import SanctionPeriod
from jiguan_core.catalogue.assessment import resolve
from jiguan_core.text import Text

__all__ = ["AwardEligibility", "award_eligibility", "honour_counts"]


@frozen(kw_only=True)
class AwardEligibility:
    staff_id: str
    kind: AwardKind
    eligible: bool
    #: Why not (empty when eligible), each with the rule id it comes from.
    reasons: tuple[tuple[str, Text], ...]


@boundary
def award_eligibility(
    staff_ids: Iterable[str],
    *,
    year: Year,
    on: dt.date,
    history: Iterable[YearOutcome],
    periods: Sequence[SanctionPeriod] = (),
    investigations: Sequence[Investigation] = (),
    kind: AwardKind = AwardKind.ADVANCED_INDIVIDUAL,
    overrides: Mapping[str, Mapping[str, object]] | None = None,
) -> tuple[AwardEligibility, ...]:
    """Who may receive ``kind`` for ``year``, decided on ``on``: no sanction period running (W2),
    no open investigation (A5), and at least the W2 minimum grade in ``year``. Sorted by id."""
    params = resolve("W2", overrides)
    minimum = Grade.parse(str(params["minimum_grade"]))
    blocks = bool(params["sanction_blocks"])
    grades = {h.staff_id: h for h in history if h.year == year}
    out: list[AwardEligibility] = []
    for staff_id in sorted(set(staff_ids)):
        reasons: list[tuple[str, Text]] = []
        running = [p for p in periods if p.staff_id == staff_id and p.covers(on)]
        if blocks and running:
            p = min(running, key=lambda r: r.end)
            reasons.append(
                (
                    "W2",
                    Text(
                        f"{p.kind.zh}处分期间（至 {p.end}）不予奖励",
                        f"sanction period of a {p.kind.en} runs until {p.end}",
                    ),
                )
            )
        if any(i.staff_id == staff_id and i.is_open(on) for i in investigations):
            reasons.append(("A5", Text("立案审查调查尚未结案", "under open investigation")))
        outcome = grades.get(staff_id)
        if outcome is None or outcome.grade is None:
            why = outcome.ungraded.zh if outcome and outcome.ungraded else "无年度考核结果"
            why_en = outcome.ungraded.en if outcome and outcome.ungraded else "no annual result"
            reasons.append(
                ("W2", Text(f"{year} 年度不定等次（{why}）", f"ungraded in {year} ({why_en})"))
            )
        elif outcome.grade.rank > minimum.rank:
            reasons.append(
                (
                    "W2",
                    Text(
                        f"{year} 年度考核为{outcome.grade.zh}，低于{minimum.zh}",
                        f"{outcome.grade.en} in {year}, below {minimum.en}",
                    ),
                )
            )
        out.append(
            AwardEligibility(
                staff_id=staff_id, kind=kind, eligible=not reasons, reasons=tuple(reasons)
            )
        )
    return tuple(out)


@boundary
def honour_counts(
    honours: Iterable[Honour],
    start: dt.date,
    end: dt.date,
    *,
    kinds: Iterable[AwardKind] | None = None,
) -> tuple[tuple[HonourLevel, int], ...]:
    """Person-times (人次) of honours received in [start, end) per level, every level listed
    (national first), counting one person twice when honoured twice."""
    wanted = set(kinds) if kinds is not None else None
    counts = dict.fromkeys(HonourLevel, 0)
    for honour in honours:
        if start <= honour.day < end and (wanted is None or honour.kind in wanted):
            counts[honour.level] += 1
    return tuple((level, counts[level]) for level in HonourLevel)
