"""The staff-development rules (轮岗交流、回避、主岗+副岗、AB角补位) as auditable metadata.

Each rule cites REGULATIONS.md (T1-T6, ARTICLE-DEV) and carries every number as a
:class:`~jiguan_core.rule.Parameter` with a documented default. :class:`DevelopmentPolicy`
(:mod:`jiguan_core.development.policy`) reads its values from these parameters, so the catalogue
printed for a reviewer and the numbers the code runs on are the same data.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from jiguan_core._validation import boundary
from jiguan_core.patterns import Condition, SingleFact
from jiguan_core.rule import Parameter, Rule, Severity
from jiguan_core.text import Text

__all__ = [
    "AB_ROLES",
    "AVOIDANCE",
    "CATALOGUE",
    "COVERAGE",
    "EXEMPTIONS",
    "HANDOVER",
    "MIN_INTERVAL",
    "ROTATION_PLAN",
    "SECONDARY_POST",
    "TENURE",
    "computations",
    "rule",
]

TENURE = Rule(
    id="DEV-T1",
    statement=Text(
        "在同一职位任职满规定年限的人员须轮岗；年限按岗位类别设定（领导职务、重点岗位、一般岗位）",
        "staff who have held the same post for the set number of years must rotate; the number "
        "is set per kind of post (leading, key, general)",
    ),
    sources=("T1", "ARTICLE-DEV"),
    level=Severity.MEDIUM,
    parameters=(
        Parameter(
            name="leading_years",
            default=10,
            description=Text("内设机构领导职务的任职年限", "years in a leading post of a unit"),
            minimum=1,
            maximum=30,
        ),
        Parameter(
            name="key_years",
            default=10,
            description=Text(
                "重点岗位（组织、人事、纪检、财务、采购等）的任职年限，可设为 5",
                "years in a key post (organisation, personnel, discipline, finance, procurement "
                "...); an office may set 5",
            ),
            minimum=1,
            maximum=30,
        ),
        Parameter(
            name="general_years",
            default=10,
            description=Text("一般岗位的任职年限", "years in any other post"),
            minimum=1,
            maximum=30,
        ),
        Parameter(
            name="include_unit_leaders",
            default=True,
            description=Text(
                "内设机构领导（如委室主任）是否纳入轮岗",
                "whether unit leaders (heads of committees and sections) are rotated",
            ),
        ),
    ),
    # Declarative: one ``post_tenure`` fact per person in scope with a main post on the day
    # (staff_id, post_id, kind = leading | key | general, years = full years in the post,
    # probation and investigated 0/1, years_since_rotation when the person has rotated before),
    # built by development.tenure.tenure_fact. Who is in scope (no leadership member; unit
    # leaders only with include_unit_leaders) decides who gets a fact at all.
    patterns=(
        SingleFact(
            id="DEV-T1#leading",
            table="post_tenure",
            conditions=(
                Condition("kind", "==", "leading"),
                Condition("years", ">=", parameter="leading_years"),
            ),
            description=Text("领导职务任职满年限", "leading post held for its years"),
        ),
        SingleFact(
            id="DEV-T1#key",
            table="post_tenure",
            conditions=(
                Condition("kind", "==", "key"),
                Condition("years", ">=", parameter="key_years"),
            ),
            description=Text("重点岗位任职满年限", "key post held for its years"),
        ),
        SingleFact(
            id="DEV-T1#general",
            table="post_tenure",
            conditions=(
                Condition("kind", "==", "general"),
                Condition("years", ">=", parameter="general_years"),
            ),
            description=Text("一般岗位任职满年限", "post held for its years"),
        ),
    ),
)

EXEMPTIONS = Rule(
    id="DEV-T2",
    statement=Text(
        "试用期人员、正在接受审查调查的人员暂不轮岗；推迟须经批准",
        "staff on probation and staff under investigation are not rotated; postponement needs "
        "approval",
    ),
    sources=("T2",),
    level=Severity.HARD,
    # Declarative on the same ``post_tenure`` fact: a per-person condition on the day. The
    # approval of a postponement is not modelled.
    patterns=(
        SingleFact(
            id="DEV-T2#investigation",
            table="post_tenure",
            conditions=(Condition("investigated", "==", 1),),
            description=Text("正在接受审查调查", "under investigation"),
        ),
        SingleFact(
            id="DEV-T2#probation",
            table="post_tenure",
            conditions=(Condition("probation", "==", 1),),
            description=Text("试用期内", "on probation"),
        ),
    ),
)

MIN_INTERVAL = Rule(
    id="DEV-T3",
    statement=Text(
        "同一人员不得频繁轮岗：两次轮岗至少间隔规定年限",
        "the same person is not rotated frequently: at least the set number of years between "
        "two rotations",
    ),
    sources=("T3",),
    level=Severity.HARD,
    parameters=(
        Parameter(
            name="years",
            default=3,
            description=Text(
                "两次轮岗的最短间隔（年；法规未定数字，默认 3）",
                "minimum years between two rotations (no number in the regulation; default 3)",
            ),
            minimum=0,
            maximum=20,
        ),
    ),
    # Declarative on the ``post_tenure`` fact: full years since the person's last rotation (the
    # field is absent for someone who never rotated, and then nothing matches).
    patterns=(
        SingleFact(
            id="DEV-T3#too-soon",
            table="post_tenure",
            conditions=(Condition("years_since_rotation", "<", parameter="years"),),
            description=Text("距上次轮岗不满最短间隔", "last rotation less than the interval ago"),
        ),
    ),
)

# Computed (rotation_plan.handover_deadline): its result is a date, N working days on the work
# calendar after the move, not a condition on a fact.
HANDOVER = Rule(
    id="DEV-T4",
    statement=Text(
        "轮岗后在规定的工作日内完成工作交接", "hand over within the set working days of a rotation"
    ),
    sources=("T4",),
    level=Severity.MEDIUM,
    parameters=(
        Parameter(
            name="working_days",
            default=10,
            description=Text("交接期限（工作日）", "handover deadline in working days"),
            minimum=1,
            maximum=60,
        ),
    ),
)

# Computed (avoidance.check_avoidance): a condition on pairs of relatives and the reports-to
# chain between them, across many facts.
AVOIDANCE = Rule(
    id="DEV-T5",
    statement=Text(
        "夫妻、直系血亲、三代以内旁系血亲、近姻亲不得在同一领导人员下工作，不得有直接上下级"
        "领导关系，不得在一方担任领导职务的单位从事组织、人事、纪检、监察、审计、财务工作",
        "spouses, direct blood relatives, collateral relatives within three generations and "
        "close in-laws may not report to the same direct leader, be in a direct "
        "superior/subordinate line, or work in organisation, personnel, discipline, "
        "supervision, audit or finance where the other holds a leading post",
    ),
    sources=("T5", "T6"),
    level=Severity.HARD,
    parameters=(
        Parameter(
            name="whole_line",
            default=True,
            description=Text(
                "上下级关系是否沿直接领导链向上追溯（否则只看直接领导）",
                "whether the superior/subordinate line follows the whole reports-to chain "
                "(otherwise only the direct leader)",
            ),
        ),
    ),
)

# Computed (rotation_plan.plan_rotation): planning, ranking the due and placing them under
# per-department capacity, A/B and avoidance over several years.
ROTATION_PLAN = Rule(
    id="DEV-PLAN",
    statement=Text(
        "轮岗有计划、分层次、按步骤：每个部门每年轮岗人数有上限；同一岗位的 A 角和 B 角不在同一年"
        "轮岗；部门对每个重点岗位始终保留至少一名有该岗位经历的人员；每次调整都符合回避规定",
        "rotation is planned, layered and step by step: at most K moves per department per "
        "year; never both A and B of a post in the same year; a department keeps at least one "
        "person with experience of each of its key posts; every move respects avoidance",
    ),
    sources=("ARTICLE-DEV", "T1", "T5"),
    level=Severity.HARD,
    parameters=(
        Parameter(
            name="moves_per_department",
            default=2,
            description=Text(
                "每个部门每年最多轮岗人数（按调出部门计）",
                "most moves per department per year (counted on the department left)",
            ),
            minimum=0,
            maximum=1000,
        ),
        Parameter(
            name="move_month",
            default=3,
            description=Text(
                "每年集中轮岗的月份（当月 1 日后第一个工作日生效）",
                "month of the year's rotation (effective on the first working day from the 1st)",
            ),
            minimum=1,
            maximum=12,
        ),
        Parameter(
            name="candidate_posts",
            default=8,
            description=Text(
                "每人考虑的候选岗位数（控制计算量）",
                "how many candidate posts are considered per person (bounds the work)",
            ),
            minimum=1,
            maximum=100_000,
        ),
    ),
)

# Computed (secondary.validate_secondary): counts per person, department and post, and
# suggestions ranked by wishes.
SECONDARY_POST = Rule(
    id="DEV-SECONDARY",
    statement=Text(
        "科级及以下人员有且只有一个主岗，并在其他部门认领且只认领一个副岗",
        "every section-level-and-below person has exactly one main post and claims exactly one "
        "secondary post in another department",
    ),
    sources=("ARTICLE-DEV",),
    level=Severity.MEDIUM,
    parameters=(
        Parameter(
            name="required",
            default=True,
            description=Text("是否要求认领副岗", "whether a secondary post is required"),
        ),
        Parameter(
            name="other_department",
            default=True,
            description=Text(
                "副岗是否必须在其他部门", "whether the secondary post must be in another department"
            ),
        ),
        Parameter(
            name="exempt_probation",
            default=True,
            description=Text(
                "试用期人员是否暂不要求副岗", "whether staff on probation are not yet required"
            ),
        ),
        Parameter(
            name="claims_per_department",
            default=10,
            description=Text(
                "每个部门最多接纳的副岗人数（默认值为常见做法）",
                "most secondary claims a department takes (common practice default)",
            ),
            minimum=1,
            maximum=10_000,
        ),
        Parameter(
            name="claims_per_post",
            default=3,
            description=Text("每个岗位最多的副岗人数", "most secondary claims on one post"),
            minimum=1,
            maximum=1000,
        ),
        Parameter(
            name="suggest_outside_wishes",
            default=True,
            description=Text(
                "志愿岗位都不可行时，是否推荐志愿以外的岗位",
                "whether a post outside the person's wishes may be suggested",
            ),
        ),
    ),
)

# Computed (coverage.validate_ab_roles): a post's A and B together, and counts per person.
AB_ROLES = Rule(
    id="DEV-AB",
    statement=Text(
        "重点岗位设 A 角和 B 角：A、B 为不同人员，B 角须主岗或副岗担任该岗位（或曾任该岗位），"
        "一人最多担任规定数量岗位的 B 角",
        "every key post has an A and a B: different people, B holds the post as main or "
        "secondary post (or held it before), and one person is B for at most M posts",
    ),
    sources=("ARTICLE-DEV",),
    level=Severity.HARD,
    parameters=(
        Parameter(
            name="max_b_posts",
            default=2,
            description=Text("一人最多担任 B 角的岗位数 M", "most posts one person is B for (M)"),
            minimum=1,
            maximum=100,
        ),
        Parameter(
            name="b_may_have_held",
            default=True,
            description=Text(
                "曾任该岗位者是否可任 B 角", "whether having held the post before qualifies a B"
            ),
        ),
    ),
)

# Computed (coverage.coverage): per key post and working day, who of A, B and the fallback chain
# is present, across every absence (shared with SCHED-DEV-AB).
COVERAGE = Rule(
    id="DEV-COVER",
    statement=Text(
        "重点岗位每个工作日都有人负责：A 角不在时由 B 角补位，再由指定的补位顺序补位",
        "a key post has someone responsible on every working day: A, else B, else the named "
        "fallback chain",
    ),
    sources=("ARTICLE-DEV",),
    level=Severity.HARD,
)

#: The development rules, in id order.
CATALOGUE: tuple[Rule, ...] = tuple(
    sorted(
        (
            TENURE,
            EXEMPTIONS,
            MIN_INTERVAL,
            HANDOVER,
            AVOIDANCE,
            ROTATION_PLAN,
            SECONDARY_POST,
            AB_ROLES,
            COVERAGE,
        ),
        key=lambda r: r.id,
    )
)

_BY_ID = {r.id: r for r in CATALOGUE}


@boundary
def rule(rule_id: str) -> Rule:
    """The development rule with this id; :class:`~jiguan_core.errors.UnknownEntity` if none."""
    from jiguan_core.errors import UnknownEntity

    found = _BY_ID.get(rule_id)
    if found is None:
        raise UnknownEntity("development rule", rule_id, hint=f"known: {', '.join(sorted(_BY_ID))}")
    return found


def computations() -> Mapping[str, Callable[..., Any]]:
    """The functions that decide each development rule, by rule id (bound by the catalogue)."""
    from jiguan_core.development.avoidance import check_avoidance
    from jiguan_core.development.coverage import coverage, validate_ab_roles
    from jiguan_core.development.rotation_plan import handover_deadline, plan_rotation
    from jiguan_core.development.secondary import validate_secondary
    from jiguan_core.development.tenure import rotation_status

    return {
        "DEV-T1": rotation_status,
        "DEV-T2": rotation_status,
        "DEV-T3": rotation_status,
        "DEV-T4": handover_deadline,
        "DEV-T5": check_avoidance,
        "DEV-PLAN": plan_rotation,
        "DEV-SECONDARY": validate_secondary,
        "DEV-AB": validate_ab_roles,
        "DEV-COVER": coverage,
    }
