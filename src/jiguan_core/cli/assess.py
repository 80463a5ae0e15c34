"""``jiguan assess FILE [--json]``: the quarters' routine assessment and the year's annual
assessment from the workspace's ``assessment`` section. Exit status 1 when someone is graded
不称职 (incompetent) in the year or 较差 (poor) in a quarter: outcomes with consequences."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING, Any

from jiguan_core.cli.outcome import EXIT_ACTION, EXIT_OK, Outcome, guarded, missing_section, pick
from jiguan_core.cli.render import columns, table, to_json_text
from jiguan_core.text import Lang

if TYPE_CHECKING:
    from jiguan_core.assessment.annual import AnnualOutcome
    from jiguan_core.assessment.routine import RoutineOutcome
    from jiguan_core.cli.interchange import Workspace
    from jiguan_core.cli.registry import Edge

__all__ = ["add_arguments", "from_args", "run_assess"]


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """``assess`` has no options of its own (the year and quarters are in the workspace)."""


def from_args(ws: Workspace, args: argparse.Namespace, edge: Edge) -> Outcome:
    return run_assess(ws, lang=args.lang, as_json=args.json)


def run_assess(ws: Workspace, *, lang: Lang = "zh", as_json: bool = False) -> Outcome:
    """The quarters' and the year's results; 1 when someone is graded 不称职 (incompetent) in
    the year or 较差 (poor) in a quarter — outcomes with consequences to act on."""
    from jiguan_core.assessment import Grade, RoutineGrade, assess_quarter, assess_year
    from jiguan_core.cli.names import Names
    from jiguan_core.serialization import to_dict

    section = ws.assessment
    if section is None:
        raise missing_section("assessment", "assess")

    def run() -> Outcome:
        quarters = [
            assess_quarter(
                ws.office, section.records, section.year, q, policy=section.routine_policy
            )
            for q in sorted(set(section.quarters))
        ]
        annual = assess_year(
            ws.office,
            section.records,
            section.year,
            policy=section.annual_policy,
            as_of=section.as_of,
        )
        bad = annual.count(Grade.INCOMPETENT) > 0 or any(
            q.count(RoutineGrade.POOR) > 0 for q in quarters
        )
        code = EXIT_ACTION if bad else EXIT_OK
        if as_json:
            data = {
                "command": "assess",
                "year": section.year,
                "quarters": [
                    {
                        "quarter": q.quarter,
                        "graded": q.graded,
                        "good_places": q.good_places,
                        "outcomes": [_routine_data(o) for o in q.outcomes],
                    }
                    for q in quarters
                ],
                "annual": {
                    "as_of": annual.as_of.isoformat(),
                    "quota": to_dict(annual.quota),
                    "outcomes": [_annual_data(o) for o in annual.outcomes],
                },
            }
            return Outcome(exit_code=code, text=to_json_text(data))
        names = Names.of(ws.office)
        parts: list[str] = []
        for q in quarters:
            parts.append(
                pick(
                    lang,
                    f"{q.year}年第{q.quarter}季度平时考核（定等 {q.graded} 人，“好”名额 {q.good_places}）",
                    f"{q.year} Q{q.quarter} routine assessment ({q.graded} graded, "
                    f"{q.good_places} places for good)",
                )
            )
            parts.append(
                table(
                    columns(lang, "人员|得分|等次|名次", "staff|score|grade|rank"),
                    [
                        [
                            names.person(o.staff_id),
                            _score(o.score),
                            _grade(o.grade, o.ungraded, lang),
                            o.rank,
                        ]
                        for o in q.outcomes
                    ],
                )
            )
        quota = annual.quota
        parts.append(
            pick(
                lang,
                f"{annual.year}年度考核（优秀名额 {quota.places}，评定优秀 {quota.excellent}）",
                f"{annual.year} annual assessment ({quota.places} places for excellent, "
                f"{quota.excellent} excellent)",
            )
        )
        parts.append(
            table(
                columns(lang, "人员|综合得分|等次|名次|依据", "staff|composite|grade|rank|rules"),
                [
                    [
                        names.person(o.staff_id),
                        _score(o.composite),
                        _grade(o.grade, o.ungraded, lang),
                        o.rank,
                        ",".join(o.rules),
                    ]
                    for o in annual.outcomes
                ],
            )
        )
        return Outcome(exit_code=code, text="\n\n".join(parts) + "\n")

    return guarded("$.assessment", run)


def _score(value: float | None) -> str | None:
    """A score with two decimals, as the assessment forms give it (same sign as in JSON)."""
    return None if value is None else f"{value:.2f}"


def _grade(grade: Any, ungraded: Any, lang: Lang) -> str | None:
    if grade is not None:
        return str(grade.label(lang))
    if ungraded is not None:
        return pick(lang, "不定等次", "ungraded") + f" ({ungraded.value})"
    return None


def _routine_data(o: RoutineOutcome) -> dict[str, Any]:
    return {
        "staff_id": o.staff_id,
        "score": o.score,
        "grade": o.grade.value if o.grade is not None else None,
        "ungraded": o.ungraded.value if o.ungraded is not None else None,
        "rank": o.rank,
        "rules": list(o.rules),
        "capped": o.capped,
        "tied": o.tied,
    }


def _annual_data(o: AnnualOutcome) -> dict[str, Any]:
    return {
        "staff_id": o.staff_id,
        "composite": o.composite,
        "grade": o.grade.value if o.grade is not None else None,
        "ungraded": o.ungraded.value if o.ungraded is not None else None,
        "rank": o.rank,
        "rules": list(o.rules),
        "good_quarters": o.good_quarters,
        "capped": o.capped,
        "tied": o.tied,
        "barred": o.barred,
    }
