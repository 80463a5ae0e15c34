"""The sources a rule can cite: the ids of ``REGULATIONS.md`` (shared with the project).

Every rule in every catalogue names its sources by these ids, so an explanation can cite the
regulation and a reviewer can check the rule against it. ``mark`` is the confidence the
regulations file gives: V (wording seen), P (paraphrased or cut off), N (no text: common
practice, kept configurable).
"""

from __future__ import annotations

from types import MappingProxyType

from attrs import frozen

from jiguan_core.errors import UnknownEntity
from jiguan_core.text import Text

__all__ = ["SOURCES", "Source", "source"]


@frozen
class Source:
    id: str
    reference: str
    summary: Text
    mark: str


def _s(id_: str, reference: str, zh: str, en: str, mark: str) -> tuple[str, Source]:
    return id_, Source(id_, reference, Text(zh, en), mark)


SOURCES: MappingProxyType[str, Source] = MappingProxyType(
    dict(
        [
            _s(
                "ARTICLE",
                "广安市政协机关建设报告",
                "来源文章：机关建设的做法",
                "the source article on how the office runs itself",
                "V",
            ),
            _s(
                "ARTICLE-COORD",
                "广安市政协机关建设报告",
                "调研不扎堆、开会不冲突；年季月周重要活动清单",
                "research trips never pile up, meetings never clash; activity lists by year/quarter/month/week",
                "V",
            ),
            _s(
                "ARTICLE-LEADERS",
                "广安市政协机关建设报告",
                "主席会议成员活动统筹安排",
                "leadership members' activities are arranged centrally",
                "V",
            ),
            _s(
                "ARTICLE-TASKS",
                "广安市政协机关建设报告",
                "工作例会+任务清单",
                "work meeting driven by a task list, every task with owner and deadline",
                "V",
            ),
            _s(
                "ARTICLE-DOCS",
                "广安市政协机关建设报告",
                "办文办会每个环节明确责任人和时间节点",
                "every document and meeting stage has a responsible person and a time node",
                "V",
            ),
            _s(
                "ARTICLE-DEV",
                "广安市政协机关建设报告",
                "轮岗交流、主岗+副岗、AB角补位",
                "rotation, main + secondary post, A/B backup",
                "V",
            ),
            _s(
                "ARTICLE-ASSESS",
                "广安市政协机关建设报告",
                "平时考核每季度；年度优秀按民主测评、平时考核、党组会议测评加权",
                "quarterly routine assessment; annual 优秀 from weighted democratic, routine and party-group ratings",
                "V",
            ),
            _s(
                "ARTICLE-LEARN",
                "广安市政协机关建设报告",
                "第一议题、集中学习、培训、借阅、心得、发表",
                "first agenda item, study sessions, trainings, loans, essays, publications",
                "V",
            ),
            _s(
                "ARTICLE-INTEGRITY",
                "广安市政协机关建设报告",
                "采购、招投标、资金拨付、公务接待为廉政风险点",
                "procurement, tendering, fund disbursement and receptions are integrity risk points",
                "V",
            ),
            _s(
                "A1",
                "公务员法 36-38",
                "年度考核等次：优秀、称职、基本称职、不称职，或不定等次",
                "annual grades: excellent, competent, basically competent, incompetent, or ungraded",
                "V",
            ),
            _s(
                "A2",
                "公务员考核规定",
                "优秀不超过参加人数的20%，经批准可到25%",
                "excellent at most 20% of participants, 25% with approval",
                "P",
            ),
            _s(
                "A3",
                "公务员考核规定 25",
                "试用期人员只写评语，不定等次",
                "probationers get a written comment only, no grade",
                "V",
            ),
            _s(
                "A4",
                "公务员考核规定 27",
                "病假事假累计超过考核年度半年的，不定等次",
                "sick + personal leave over half the year: no grade",
                "V",
            ),
            _s(
                "A5",
                "公务员考核规定 28",
                "立案审查调查期间不定等次，结案后补定",
                "under investigation: no grade until closed, then filled in",
                "V",
            ),
            _s(
                "A6",
                "公务员考核规定 29(1)",
                "受警告处分的当年不得评为优秀",
                "a warning in the year bars excellent",
                "V",
            ),
            _s(
                "A7",
                "公务员考核规定 29(2)",
                "受记过以上处分期间不定等次",
                "记过 or heavier during its period: no grade",
                "P",
            ),
            _s(
                "A8",
                "公务员考核规定 18",
                "优秀给予嘉奖，晋升职级所需年限缩短半年",
                "excellent: commendation, time-in-rank shortened by 6 months",
                "V",
            ),
            _s(
                "A9",
                "公务员考核规定 18",
                "连续三年优秀记三等功",
                "three consecutive excellent: third-class merit",
                "V",
            ),
            _s(
                "A10",
                "公务员考核规定 19",
                "称职以上累计两年晋升一个工资档次，累计五年晋升一个级别",
                "competent or better: 2 cumulative years +1 pay step, 5 years +1 grade",
                "V",
            ),
            _s(
                "A11",
                "公务员考核规定 20；公务员法 80",
                "基本称职予以诫勉，当年不计年限，不发年终奖",
                "basically competent: admonition, year not counted, no bonus",
                "V",
            ),
            _s(
                "A12",
                "公务员法 80",
                "年终奖金只发给优秀、称职",
                "year-end bonus only for excellent or competent",
                "V",
            ),
            _s(
                "A13",
                "公务员法 50",
                "不称职降低一个职务或职级层次",
                "incompetent: down one level",
                "V",
            ),
            _s(
                "A14",
                "公务员法 88(1)、89",
                "连续两年不称职予以辞退，孕期产期哺乳期等除外",
                "two consecutive incompetent: dismissal, except protected situations",
                "V",
            ),
            _s(
                "A15",
                "公务员考核规定",
                "个人总结、民主测评、核实、审核、确定等次；优秀公示不少于5个工作日",
                "procedure; excellent list posted for at least 5 working days",
                "P",
            ),
            _s(
                "R1",
                "来源文章",
                "每季度开展平时考核，次季度首月考核上季度",
                "quarterly; the previous quarter is scored in the first month of the next",
                "V",
            ),
            _s(
                "R2",
                "公务员平时考核办法（试行）",
                "平时考核等次：好、较好、一般、较差",
                "routine grades: good, fairly good, average, poor",
                "N",
            ),
            _s(
                "R3",
                "公务员平时考核办法（试行）",
                "好等次比例一般不超过40%",
                "good limited to a share of participants (default 40%)",
                "N",
            ),
            _s(
                "R4",
                "公务员法 36；来源文章",
                "平时考核结果作为年度考核的依据",
                "routine results feed the annual grade",
                "V",
            ),
            _s(
                "S1",
                "公务员法 64",
                "处分期间：警告6个月，记过12个月，记大过18个月，降级撤职24个月",
                "sanction periods: warning 6, demerit 12, major demerit 18, demotion/removal 24 months",
                "V",
            ),
            _s(
                "S2",
                "公务员法 64",
                "处分期间不得晋升职务职级；记过以上不得晋升档次",
                "no promotion during a period; no pay step for demerit or heavier",
                "V",
            ),
            _s(
                "S3",
                "行政机关公务员处分条例 7",
                "处分期间再受处分，期间为原处分剩余期间加新处分期间",
                "a new sanction during a period adds to the time left",
                "V",
            ),
            _s(
                "S4",
                "中国共产党纪律处分条例 10",
                "党内警告一年、严重警告一年半内不得提拔",
                "party warning 1 year, serious warning 1.5 years: no promotion",
                "V",
            ),
            _s(
                "T1",
                "公务员转任规定",
                "同一职位任职满10年的须轮岗",
                "rotate after 10 years in the same post (key posts, unit leaders)",
                "P",
            ),
            _s(
                "T2",
                "公务员转任规定",
                "试用期、接受审查调查的不轮岗",
                "no rotation on probation or under investigation",
                "P",
            ),
            _s(
                "T3",
                "公务员转任规定",
                "不得频繁轮岗",
                "no frequent rotation of the same person",
                "P",
            ),
            _s(
                "T4",
                "公务员转任规定",
                "轮岗后10个工作日内完成交接",
                "handover within 10 working days",
                "P",
            ),
            _s("T5", "公务员法 74", "亲属任职回避", "avoidance between relatives in posts", "V"),
            _s("T6", "公务员法 76", "公务回避", "official recusal", "V"),
            _s(
                "W1",
                "公务员法 53",
                "奖励种类：嘉奖、三等功、二等功、一等功、授予称号",
                "kinds of award",
                "V",
            ),
            _s("W2", "实践做法", "处分期间不予奖励", "no award while a sanction period runs", "N"),
            _s(
                "D1",
                "党政机关公文处理工作条例 19-20",
                "起草→审核→签发，未经审核不得签发",
                "drafting → review → signing; no signing without review",
                "V",
            ),
            _s(
                "D2",
                "党政机关公文处理工作条例 25",
                "复核→登记→印制→核发；签发后实质性修改须报原签批人",
                "sending: re-check → register → print → dispatch; substantive change returns to signer",
                "V",
            ),
            _s(
                "D3",
                "党政机关公文处理工作条例 24",
                "签收→登记→初审→承办→传阅→催办→答复",
                "receiving stages in order",
                "V",
            ),
            _s(
                "D4",
                "党政机关公文处理工作条例 24",
                "紧急公文应明确办理时限，紧急重要公文及时催办",
                "urgent documents state a deadline and have a chaser",
                "V",
            ),
            _s(
                "D5",
                "党政机关公文处理工作条例",
                "各环节时限由各机关规定",
                "stage deadlines are local parameters in working days",
                "V",
            ),
            _s(
                "C1",
                "全国年节及纪念日放假办法 2024",
                "全体公民放假的节日共13天",
                "13 public-holiday days a year",
                "V",
            ),
            _s(
                "C2",
                "全国年节及纪念日放假办法 6-7",
                "国务院每年发布调休安排",
                "weekend days swapped into workdays each year by notice",
                "V",
            ),
            _s(
                "C3",
                "chinesecalendar",
                "chinesecalendar 提供 2004-2026 年安排",
                "chinesecalendar holds 2004-2026; other years must be supplied",
                "V",
            ),
            _s(
                "C4",
                "chinesecalendar",
                "示例：2026-02-14 上班，2026-02-23 放假",
                "example: 2026-02-14 workday, 2026-02-23 rest day",
                "V",
            ),
            _s(
                "SC9",
                "地方实践",
                "综合评分权重由各地规定",
                "composite weights are local policy",
                "P",
            ),
            _s(
                "ARTICLE-PLAN",
                "广安市政协机关建设报告",
                "以委室为单位制定全年工作计划，常委会会议每半年听取一次工作汇报；细化责任分工，明确完成时限",
                "each 委室 makes its plan for the year; the standing committee hears a report every "
                "half year; duties and deadlines are set",
                "V",
            ),
            _s(
                "L1",
                "职工带薪年休假条例 第三条",
                "累计工作已满1年不满10年年休假5天；满10年不满20年10天；满20年15天",
                "annual leave by cumulative years of work: 1 to under 10 → 5 days; "
                "10 to under 20 → 10 days; 20 and more → 15 days",
                "V",
            ),
            _s(
                "L2",
                "职工带薪年休假条例 第三条",
                "国家法定休假日、休息日不计入年休假的假期",
                "public holidays and rest days inside a leave do not count as annual-leave days",
                "V",
            ),
            _s(
                "L3",
                "职工带薪年休假条例 第四条",
                "事假累计20天以上且不扣工资、病假累计2/3/4个月以上的，不享受当年年休假",
                "no annual leave that year after 20+ days of personal leave (pay kept) or sick "
                "leave of 2+ / 3+ / 4+ months (1-10 / 10-20 / 20+ years of work)",
                "P",
            ),
            _s(
                "L4",
                "职工带薪年休假条例 第五条",
                "年休假由单位统筹安排，可集中可分段，一般不跨年度；确需跨年度的可跨1个年度",
                "annual leave is arranged by the unit, may be split, normally within the year; "
                "at most into the next year when work requires",
                "P",
            ),
            _s(
                "L5",
                "地方实践",
                "请假审批权限按请假人职级和天数确定，各地规定不同",
                "who approves a leave depends on the requester's level and the length (local)",
                "N",
            ),
            _s(
                "P1",
                "政协提案工作条例（二手资料）",
                "提交→审查立案→交办→办理→答复→提案者反馈；重点提案督办",
                "stages: submitted, filed, assigned, handled, answered, proposer's feedback; "
                "key proposals are supervised",
                "P",
            ),
            _s(
                "P2",
                "政协提案工作条例（二手资料）",
                "承办单位一般应在收到提案之日起3个月内答复，情况复杂的不超过6个月",
                "the handling unit replies within three months of receiving the proposal; hard "
                "cases at most six months",
                "P",
            ),
            _s(
                "Y1",
                "通行做法",
                "法定节假日实行领导带班、工作人员值班，均衡安排，人数由各地确定",
                "on public holidays a leadership member is in charge with staff on duty, spread "
                "fairly; the counts are local",
                "N",
            ),
            _s(
                "M1",
                "广安市政协机关建设报告",
                "主席会议成员联系党员委员，党员委员联系党外委员，专委会联系委员，联系情况有记录",
                "leadership members contact party-member 委员, who contact non-party 委员; "
                "committees contact their 委员; contacts are recorded",
                "V",
            ),
        ]
    )
)


def source(source_id: str) -> Source:
    try:
        return SOURCES[source_id]
    except KeyError:
        raise UnknownEntity(
            "source",
            source_id,
            hint="cite an id from REGULATIONS.md (e.g. A2, T5, ARTICLE-COORD)",
            kind_zh="出处",
            hint_zh="请引用 REGULATIONS.md 中的编号（如 A2、T5、ARTICLE-COORD）",
        ) from None
