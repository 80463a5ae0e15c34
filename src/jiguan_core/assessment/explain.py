"""Every result explains itself: the composite's breakdown, each rule that fired with its source,
the rank and the quota line, in Chinese or English."""

from __future__ import annotations

from jiguan_core._validation import boundary
from jiguan_core.assessment.annual import AnnualOutcome, AnnualResult
from jiguan_core.assessment.ranking import Tie
from jiguan_core.assessment.routine import QuarterResult, RoutineOutcome
from jiguan_core.catalogue.assessment import ASSESSMENT_CATALOGUE
from jiguan_core.sources import source
from jiguan_core.text import Lang

__all__ = ["explain_annual", "explain_routine", "rule_line"]

_COMPONENTS_ZH = {
    "democratic": "民主测评",
    "party_group": "党组会议测评",
    "routine": "平时考核",
    "q1": "一季度",
    "q2": "二季度",
    "q3": "三季度",
    "q4": "四季度",
    "supervisor": "上级评价",
    "colleagues": "同事评价",
    "panel": "考核小组",
    "leadership": "领导评价",
}


def _name(component: str, lang: Lang) -> str:
    return _COMPONENTS_ZH.get(component, component) if lang == "zh" else component


@boundary
def rule_line(rule_id: str, lang: Lang = "zh") -> str:
    """``[A6] statement — source reference``."""
    info = ASSESSMENT_CATALOGUE[rule_id].info
    refs = "; ".join(source(s).reference for s in info.sources)
    return f"[{info.id}] {info.statement.render(lang)} — {refs}"


def _breakdown(parts: tuple[tuple[str, float, float], ...], total: float, lang: Lang) -> str:
    terms = " + ".join(f"{_name(n, lang)} {v:.2f}×{w:g}" for n, v, w in parts)
    return f"{terms} = {total:.2f}"


@boundary
def explain_routine(outcome: RoutineOutcome, result: QuarterResult, lang: Lang = "zh") -> list[str]:
    zh = lang == "zh"
    head = f"{outcome.staff_id} {outcome.year}Q{outcome.quarter}: "
    if outcome.grade is None or outcome.score is None:
        reason = outcome.ungraded.label(lang) if outcome.ungraded else ""
        lines = [head + ("不定等次（" + reason + "）" if zh else f"ungraded ({reason})")]
    else:
        lines = [
            head + outcome.grade.label(lang),
            ("  得分 " if zh else "  score ") + _breakdown(outcome.breakdown, outcome.score, lang),
            (
                f"  排名 {outcome.rank}/{result.graded}；好等次名额 {result.good_places}"
                f"（{result.policy.good_share:.0%}，{result.policy.rounding.zh}）"
                if zh
                else f"  rank {outcome.rank}/{result.graded}; places for good {result.good_places} "
                f"({result.policy.good_share:.0%}, {result.policy.rounding.en})"
            ),
        ]
        if outcome.capped:
            lines.append(
                "  达到好等次分数线，但超出比例，定为较好"
                if zh
                else "  reached the line for good, but the share was full: fairly good"
            )
        if outcome.tied:
            lines.append(_tie_line(outcome.staff_id, result.ties, "较好", "fairly good", lang))
    lines.extend("  " + rule_line(r, lang) for r in outcome.rules)
    return lines


@boundary
def explain_annual(outcome: AnnualOutcome, result: AnnualResult, lang: Lang = "zh") -> list[str]:
    zh = lang == "zh"
    head = f"{outcome.staff_id} {outcome.year}: "
    graded = sum(1 for o in result.outcomes if o.composite is not None)
    if outcome.grade is None or outcome.composite is None:
        reason = outcome.ungraded.label(lang) if outcome.ungraded else ""
        lines = [head + ("不定等次（" + reason + "）" if zh else f"ungraded ({reason})")]
    else:
        lines = [
            head + outcome.grade.label(lang),
            ("  综合 " if zh else "  composite ")
            + _breakdown(outcome.breakdown, outcome.composite, lang),
            (
                f"  排名 {outcome.rank}/{graded}；平时考核好 {outcome.good_quarters} 次"
                if zh
                else f"  rank {outcome.rank}/{graded}; {outcome.good_quarters} quarters good"
            ),
            _quota_line(result, lang),
        ]
        if outcome.capped:
            lines.append(
                "  达到优秀分数线，但名额已满，定为称职"
                if zh
                else "  reached the line for excellent, but the quota was full: competent"
            )
        if outcome.tied:
            lines.append(_tie_line(outcome.staff_id, result.ties, "称职", "competent", lang))
    lines.extend("  " + rule_line(r, lang) for r in outcome.rules)
    return lines


def _tie_line(
    staff_id: str, ties: tuple[Tie, ...], meanwhile_zh: str, meanwhile_en: str, lang: Lang
) -> str:
    """Say what happened to a tied person: tied at the line, with how many places were still
    open for how many people, referred to the party group (not "the quota was full")."""
    tie = next((t for t in ties if staff_id in t.staff_ids), None)
    if tie is None:  # a hand-built outcome without its tie: say the essentials
        return (
            f"  与他人并列于名额线，待党组决定（暂定{meanwhile_zh}）"
            if lang == "zh"
            else f"  tied at the quota line: referred to the party group ({meanwhile_en} meanwhile)"
        )
    others = ", ".join(s for s in tie.staff_ids if s != staff_id)
    if lang == "zh":
        return (
            f"  与 {others} 并列于名额线（{len(tie.staff_ids)} 人争 {tie.places} 个尚余名额），"
            f"不以输入顺序取舍，待党组决定（暂定{meanwhile_zh}）"
        )
    return (
        f"  tied at the quota line with {others} ({len(tie.staff_ids)} people for "
        f"{tie.places} place{'s' if tie.places != 1 else ''} still open): referred to the party "
        f"group to decide ({meanwhile_en} meanwhile)"
    )


def _quota_line(result: AnnualResult, lang: Lang) -> str:
    q = result.quota
    line = f"{q.line:.2f}" if q.line is not None else "—"
    if lang == "zh":
        return (
            f"  优秀名额 {q.places}（{q.base} 人 × {q.share:.0%}，{q.rounding.zh}"
            f"{'，经批准' if q.approved else ''}）；已定优秀 {q.excellent} 人，末位综合分 {line}"
        )
    return (
        f"  excellent places {q.places} ({q.base} × {q.share:.0%}, {q.rounding.en}"
        f"{', approved' if q.approved else ''}); {q.excellent} excellent, last at {line}"
    )
