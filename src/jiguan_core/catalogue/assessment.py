"""The assessment catalogue: every grading and consequence rule as a :class:`~jiguan_core.rule.Rule`,
where a rule is a check of one person-year, a declarative condition over flat facts.

A *fact* is one person-year as a flat mapping of ``str -> int | str`` (see
:func:`jiguan_core.assessment.consequences.person_year_facts`). History features such as
``excellent_run`` (consecutive 优秀 years, an ungraded year breaking the run) are precomputed into
the fact, so every condition here is a *single-fact pattern*: a conjunction of
``(field, operator, value)`` tests, and a rule fires when any of its patterns matches. That is the
shape a rules engine such as durable_rules can run too (the conformance suite compares them).

Rules that rank people against each other (A2 quota, R3 share of 好) or compute periods (S1, S3)
have no single-fact pattern: their ``patterns`` are empty and the modules named in ``computed_by``
compute them.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from types import MappingProxyType
from typing import Any

from jiguan_core._validation import boundary
from jiguan_core.errors import UnknownEntity
from jiguan_core.patterns import OPERATORS, Condition, FactValue, SingleFact
from jiguan_core.rule import Parameter, Rule, Severity
from jiguan_core.text import Text

__all__ = [
    "ASSESSMENT_CATALOGUE",
    "OPERATORS",
    "AssessmentRule",
    "Condition",
    "FactPattern",
    "FactValue",
    "assessment_rule",
    "computations",
]

#: The former names: an assessment rule is a :class:`Rule`, its patterns single-fact patterns
#: over the ``person_year`` table.
AssessmentRule = Rule
FactPattern = SingleFact


def _p(
    name: str,
    default: float | int | bool | str,
    zh: str,
    en: str,
    *,
    minimum: float | None = None,
    maximum: float | None = None,
) -> Parameter:
    return Parameter(
        name=name, default=default, description=Text(zh, en), minimum=minimum, maximum=maximum
    )


def _pattern(rule_id: str, n: int, *conds: tuple[str, str, FactValue]) -> SingleFact:
    return SingleFact(
        id=f"{rule_id}#{n}",
        table="person_year",
        conditions=tuple(Condition(f, o, v) for f, o, v in conds),  # type: ignore[arg-type]
    )


def _rule(
    rule_id: str,
    zh: str,
    en: str,
    *,
    sources: Sequence[str] = (),
    level: Severity = Severity.HARD,
    parameters: Sequence[Parameter] = (),
    patterns: Sequence[Sequence[tuple[str, str, FactValue]]] = (),
) -> Rule:
    return Rule(
        id=rule_id,
        statement=Text(zh, en),
        sources=tuple(sources) or (rule_id.split(".")[0],),
        level=level,
        parameters=tuple(parameters),
        patterns=tuple(_pattern(rule_id, i + 1, *conds) for i, conds in enumerate(patterns)),
    )


_SHARE = {"minimum": 0.0, "maximum": 1.0}
_SCORE = {"minimum": 0.0}

_RULES: tuple[Rule, ...] = (
    _rule(
        "A1",
        "年度考核等次为优秀、称职、基本称职、不称职，或不定等次；按综合得分阈值定等",
        "annual grades are excellent, competent, basically competent, incompetent or ungraded; "
        "grades follow composite thresholds",
        parameters=(
            _p(
                "excellent_min",
                85.0,
                "评为优秀的最低综合分",
                "lowest composite for excellent",
                **_SCORE,
            ),
            _p(
                "competent_min",
                70.0,
                "称职的最低综合分",
                "lowest composite for competent",
                **_SCORE,
            ),
            _p(
                "basically_competent_min",
                60.0,
                "基本称职的最低综合分（以下为不称职）",
                "lowest composite for basically competent (below: incompetent)",
                **_SCORE,
            ),
            _p("scale_min", 0.0, "评分下限", "lowest score of the scale"),
            _p("scale_max", 100.0, "评分上限", "highest score of the scale"),
        ),
    ),
    _rule(
        "A2",
        "优秀人数不超过参加考核（定等次）人数的20%，经批准可到25%；名额取整方式可配置",
        "excellent at most 20% of the graded participants, 25% with approval; rounding is a "
        "parameter (floor by default)",
        parameters=(
            _p("share", 0.20, "优秀比例上限", "highest share of excellent", **_SHARE),
            _p("approved_share", 0.25, "经批准的比例上限", "share with approval", **_SHARE),
            _p("approved", False, "是否经主管部门批准", "approved by the competent department"),
            _p("rounding", "floor", "名额取整：floor/round/ceil", "rounding: floor/round/ceil"),
            _p(
                "count_ungraded",
                False,
                "不定等次人员是否计入基数",
                "whether ungraded people count in the base",
            ),
        ),
    ),
    _rule(
        "A3",
        "试用期人员只写评语，不定等次",
        "a probationer gets a written comment only, no grade",
        patterns=[[("on_probation", "==", 1)]],
    ),
    _rule(
        "A4",
        "病假、事假累计超过考核年度一半的，不定等次",
        "sick + personal leave over half the assessment year: no grade",
        parameters=(
            _p("leave_share", 0.5, "病事假占全年天数的上限", "share of the year's days", **_SHARE),
        ),
        patterns=[[("leave_excess_days", ">", 0)]],
    ),
    _rule(
        "A5",
        "立案审查调查尚未结案的，不定等次；结案后未受处分或受警告的补定等次",
        "under open investigation: no grade until closed; closed with no sanction or a "
        "warning: graded afterwards",
        patterns=[[("investigation_open", "==", 1)]],
    ),
    _rule(
        "A6",
        "受警告处分的当年不得评为优秀",
        "a warning sanction in the year bars excellent",
        patterns=[[("warning_in_year", "==", 1)]],
    ),
    _rule(
        "A7",
        "受记过以上处分、处分期间与考核年度重叠的，不定等次（可配置）",
        "记过 or heavier with a period overlapping the year: no grade (configurable)",
        parameters=(
            _p(
                "ungraded",
                True,
                "处分期间是否不定等次（否则只是不得评优秀）",
                "ungraded (else only barred from excellent)",
            ),
        ),
        patterns=[[("heavy_sanction_in_period", "==", 1)]],
    ),
    _rule(
        "A8",
        "评为优秀的，当年给予嘉奖，晋升职级所需年限缩短半年",
        "excellent: commendation (嘉奖) that year; time-in-rank for the next 职级 shortened",
        parameters=(
            _p("months_shortened", 6, "缩短的月数", "months shortened", minimum=0, maximum=24),
        ),
        patterns=[[("grade", "==", "excellent")]],
    ),
    _rule(
        "A9",
        "连续三年评为优秀的，记三等功；不定等次的年度中断连续",
        "excellent three years in a row: third-class merit; an ungraded year breaks the run",
        parameters=(_p("years", 3, "连续年数", "consecutive years", minimum=1, maximum=10),),
        patterns=[[("grade", "==", "excellent"), ("excellent_run_due", "==", 1)]],
    ),
    _rule(
        "A10.step",
        "称职以上累计两年的，晋升一个工资档次（记过以上处分期间暂缓）",
        "competent or better for 2 cumulative years: +1 pay step (deferred during a 记过+ period)",
        sources=("A10", "S2"),
        parameters=(_p("years", 2, "累计年数", "cumulative years", minimum=1, maximum=10),),
        patterns=[
            [("counts_for_step", "==", 1), ("step_due", "==", 1), ("pay_step_blocked", "==", 0)]
        ],
    ),
    _rule(
        "A10.grade",
        "称职以上累计五年的，晋升一个级别",
        "competent or better for 5 cumulative years: +1 级别",
        sources=("A10",),
        parameters=(_p("years", 5, "累计年数", "cumulative years", minimum=1, maximum=20),),
        patterns=[[("counts_for_step", "==", 1), ("grade_step_due", "==", 1)]],
    ),
    _rule(
        "A10.deferred",
        "应晋升工资档次但处于记过以上处分期间的，暂缓晋升",
        "a pay step due during a 记过-or-heavier period is deferred",
        sources=("A10", "S2"),
        level=Severity.MEDIUM,
        patterns=[[("step_due", "==", 1), ("pay_step_blocked", "==", 1)]],
    ),
    _rule(
        "A11",
        "基本称职的予以诫勉，当年不计算晋升档次、级别和任职年限，不发年终奖金",
        "basically competent: admonition (诫勉); the year does not count; no year-end bonus",
        sources=("A11",),
        patterns=[[("grade", "==", "basically_competent")]],
    ),
    _rule(
        "A12",
        "年终奖金只发给优秀、称职人员",
        "the year-end bonus goes to excellent or competent only",
        patterns=[[("grade", "==", "excellent")], [("grade", "==", "competent")]],
    ),
    _rule(
        "A13",
        "不称职的，降低一个职务或职级层次任职",
        "incompetent: down one level",
        patterns=[[("grade", "==", "incompetent")]],
    ),
    _rule(
        "A14",
        "连续两年不称职的予以辞退；孕期、产期、哺乳期、医疗期内或因工伤的除外",
        "incompetent two years in a row: dismissal flag, unless a protected situation applies",
        parameters=(_p("years", 2, "连续年数", "consecutive years", minimum=1, maximum=10),),
        patterns=[
            [
                ("grade", "==", "incompetent"),
                ("incompetent_run_due", "==", 1),
                ("protected", "==", 0),
            ]
        ],
    ),
    _rule(
        "A14.protected",
        "连续不称职但处于受保护情形的，不得辞退",
        "incompetent in a row but protected: no dismissal",
        sources=("A14",),
        level=Severity.MEDIUM,
        patterns=[
            [
                ("grade", "==", "incompetent"),
                ("incompetent_run_due", "==", 1),
                ("protected", "==", 1),
            ]
        ],
    ),
    _rule(
        "A15",
        "优秀人选公示不少于5个工作日",
        "the excellent list is posted publicly for at least 5 working days",
        parameters=(
            _p(
                "publicity_working_days",
                5,
                "公示工作日数",
                "working days posted",
                minimum=5,
                maximum=30,
            ),
        ),
    ),
    _rule(
        "R1",
        "平时考核每季度开展，次季度首月考核上季度并公示",
        "every quarter; the previous quarter is scored in the first month of the next and posted",
        parameters=(
            _p(
                "publicity_working_days",
                3,
                "平时考核公示工作日数",
                "working days posted",
                minimum=1,
                maximum=30,
            ),
        ),
    ),
    _rule(
        "R2",
        "平时考核等次为好、较好、一般、较差，按得分阈值确定",
        "routine grades good / fairly good / average / poor by score thresholds",
        parameters=(
            _p("good_min", 90.0, "好的最低分", "lowest score for good", **_SCORE),
            _p("fairly_good_min", 80.0, "较好的最低分", "lowest score for fairly good", **_SCORE),
            _p(
                "average_min",
                60.0,
                "一般的最低分（以下为较差）",
                "lowest score for average",
                **_SCORE,
            ),
            _p("scale_min", 0.0, "评分下限", "lowest score of the scale"),
            _p("scale_max", 100.0, "评分上限", "highest score of the scale"),
        ),
    ),
    _rule(
        "R3",
        "好等次人数不超过参加人数的一定比例（默认40%）",
        "good limited to a share of the graded participants (default 40%)",
        parameters=(
            _p("share", 0.40, "好等次比例上限", "highest share of good", **_SHARE),
            _p("rounding", "floor", "名额取整：floor/round/ceil", "rounding: floor/round/ceil"),
        ),
    ),
    _rule(
        "R4",
        "平时考核结果按规定比例计入年度考核综合得分（与民主测评、党组会议测评加权）",
        "the routine results enter the annual composite with a weight (with the democratic "
        "and party-group ratings)",
        sources=("R4", "ARTICLE-ASSESS", "SC9"),
        parameters=(
            _p("democratic", 0.3, "民主测评权重", "weight of the democratic rating", **_SHARE),
            _p("routine", 0.4, "平时考核权重", "weight of the routine results", **_SHARE),
            _p(
                "party_group", 0.3, "党组会议测评权重", "weight of the party-group rating", **_SHARE
            ),
        ),
    ),
    _rule(
        "S1",
        "处分期间：警告6个月，记过12个月，记大过18个月，降级、撤职24个月",
        "sanction periods: warning 6, demerit 12, major demerit 18, demotion/removal 24 months",
        parameters=(
            _p("warning", 6, "警告（月）", "warning (months)", minimum=1, maximum=60),
            _p("demerit", 12, "记过（月）", "demerit (months)", minimum=1, maximum=60),
            _p(
                "major_demerit", 18, "记大过（月）", "major demerit (months)", minimum=1, maximum=60
            ),
            _p("demotion", 24, "降级（月）", "demotion (months)", minimum=1, maximum=60),
            _p("removal", 24, "撤职（月）", "removal from post (months)", minimum=1, maximum=60),
        ),
    ),
    _rule(
        "S2",
        "处分期间不得晋升职务、职级；记过以上的不得晋升工资档次",
        "during a period no promotion; for 记过 or heavier no pay step either",
        patterns=[[("promotion_blocked", "==", 1)]],
    ),
    _rule(
        "S3",
        "处分期间再受处分的，处分期间为原处分期间尚未执行的期限与新处分期间之和",
        "a new sanction during a running period: time left on the old one + the new period",
    ),
    _rule(
        "S4",
        "党纪处分：警告一年内、严重警告一年半内不得提拔",
        "party discipline: warning 1 year, serious warning 1.5 years without promotion",
        parameters=(
            _p(
                "party_warning",
                12,
                "党内警告（月）",
                "party warning (months)",
                minimum=1,
                maximum=60,
            ),
            _p(
                "party_serious_warning",
                18,
                "党内严重警告（月）",
                "party serious warning (months)",
                minimum=1,
                maximum=60,
            ),
        ),
        patterns=[[("party_sanction_running", "==", 1)]],
    ),
    _rule(
        "W1",
        "奖励种类：嘉奖、记三等功、记二等功、记一等功、授予称号",
        "kinds of award: commendation, third-, second-, first-class merit, honorary title",
    ),
    _rule(
        "W2",
        "处分期间不予奖励（实践做法，可配置）；评先评优还要求当年称职以上",
        "no award while a sanction period runs (practice; configurable); awards also need "
        "competent or better that year",
        level=Severity.MEDIUM,
        parameters=(
            _p("sanction_blocks", True, "处分期间是否不予奖励", "a running sanction blocks awards"),
            _p(
                "minimum_grade",
                "competent",
                "评先评优要求的最低年度等次",
                "lowest annual grade for an award",
            ),
        ),
        patterns=[[("award_blocked", "==", 1)]],
    ),
)


def _natural(rule_id: str) -> tuple[str, int, str]:
    head, _, tail = rule_id.partition(".")
    return head[0], int(head[1:]), tail


#: Every assessment rule, in id order, keyed by id.
ASSESSMENT_CATALOGUE: Mapping[str, Rule] = MappingProxyType(
    {r.id: r for r in sorted(_RULES, key=lambda r: _natural(r.id))}
)


@boundary
def assessment_rule(rule_id: str) -> Rule:
    """The rule with this id; :class:`UnknownEntity` names the known ids otherwise."""
    try:
        return ASSESSMENT_CATALOGUE[rule_id]
    except KeyError:
        raise UnknownEntity(
            "assessment rule", rule_id, hint=f"known: {', '.join(ASSESSMENT_CATALOGUE)}"
        ) from None


def resolve(
    rule_id: str, overrides: Mapping[str, Mapping[str, object]] | None
) -> Mapping[str, object]:
    """The parameters of a rule with the caller's overrides for it applied and checked."""
    return assessment_rule(rule_id).resolve((overrides or {}).get(rule_id))


def computations() -> Mapping[str, Callable[..., Any]]:
    """The functions that decide the rules that are not single-fact patterns, by rule id.

    Imported here, when the one catalogue binds them, because those modules read this
    catalogue's parameters.
    """
    from jiguan_core.assessment import annual, records, routine, sanctions

    return {
        "A1": annual.assess_year,
        "A2": annual.assess_year,
        "A15": annual.excellent_publicity,
        "R1": routine.routine_timetable,
        "R2": routine.assess_quarter,
        "R3": routine.assess_quarter,
        "R4": annual.assess_year,
        "S1": sanctions.sanction_periods,
        "S3": sanctions.sanction_periods,
        "W1": records.AwardKind,
    }
