"""The embedded sample: a fictional municipal CPPCC office (示例市政协机关) with one year (2025)
of activities, absences and tasks.

It is generated in code from a fixed seed, so it needs no file I/O and is the same on every run.
It is realistic on purpose, flaws included: a few clashes, research trips piling up on one
county, a pair of relatives in an avoidance situation, staff long in key posts, people without a
secondary post. The demo and the docs use it; applications can use it to try the library.
"""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Iterator
from functools import cache

import pendulum

from jiguan_core.absence import Absence, AbsenceKind
from jiguan_core.activity import Activity, ActivityKind, MeetingKind
from jiguan_core.calendar import WorkCalendar
from jiguan_core.department import Department, DepartmentKind
from jiguan_core.organization import Organization
from jiguan_core.post import ABRole, KeyArea, Post, PostAssignment, PostRole
from jiguan_core.room import Room
from jiguan_core.staff import Level, Relation, Relative, Staff
from jiguan_core.task import Task, TaskSource, TaskStatus
from jiguan_core.time import SHANGHAI, TimeSpan

__all__ = ["SAMPLE_PLACES", "SAMPLE_YEAR", "sample_office"]

#: The year the sample's calendar covers.
SAMPLE_YEAR = 2025

#: Target places of the sample's field trips: the counties of a prefecture-level city, and
#: cities further away for study visits (考察).
SAMPLE_PLACES: tuple[str, ...] = ("岳池县", "武胜县", "邻水县", "华蓥市", "前锋区", "广安区")
_VISIT_CITIES: tuple[str, ...] = ("重庆市", "成都市", "遂宁市", "南充市", "杭州市")

_SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘蒋蔡杜叶程苏魏吕丁沈姚卢姜崔谭陆范"
_GIVEN = "伟芳敏静丽强磊军洋勇艳杰娟涛明超霞平刚英华萍红玲燕彬鹏辉婷雪琳晨宇浩欣怡涵远俊博桐嘉"

# (id, name, English name, kind, number of staff)
_DEPARTMENTS: tuple[tuple[str, str, str, DepartmentKind, int], ...] = (
    ("d-lead", "机关领导", "Leadership", DepartmentKind.LEADERSHIP, 6),
    ("d-office", "办公室", "General Office", DepartmentKind.GENERAL_OFFICE, 10),
    ("d-research", "研究室", "Research Office", DepartmentKind.SECTION, 6),
    ("d-party", "机关党委", "Party Committee of the Office", DepartmentKind.PARTY_OFFICE, 5),
    ("d-proposal", "提案委员会", "Proposals Committee", DepartmentKind.COMMITTEE, 6),
    ("d-economy", "经济委员会", "Economic Affairs Committee", DepartmentKind.COMMITTEE, 6),
    (
        "d-agri",
        "农业农村委员会",
        "Agriculture and Rural Affairs Committee",
        DepartmentKind.COMMITTEE,
        6,
    ),
    (
        "d-env",
        "人口资源环境委员会",
        "Population, Resources and Environment Committee",
        DepartmentKind.COMMITTEE,
        5,
    ),
    (
        "d-edu",
        "教科卫体委员会",
        "Education, Science, Health and Sports Committee",
        DepartmentKind.COMMITTEE,
        5,
    ),
    (
        "d-culture",
        "文化文史和学习委员会",
        "Culture, History and Study Committee",
        DepartmentKind.COMMITTEE,
        5,
    ),
)

_LEADERSHIP_POSTS: tuple[tuple[str, Level], ...] = (
    ("主席", Level.BUREAU_HEAD),
    ("副主席", Level.BUREAU_DEPUTY),
    ("副主席", Level.BUREAU_DEPUTY),
    ("副主席", Level.BUREAU_DEPUTY),
    ("副主席", Level.BUREAU_DEPUTY),
    ("秘书长", Level.DIVISION_HEAD),
)

# Non-leading posts per department, in the order staff fill them; key areas as the article
# names them (finance, procurement, personnel, reception ...).
_OFFICE_POSTS: tuple[tuple[str, frozenset[KeyArea]], ...] = (
    ("财务会计", frozenset({KeyArea.FINANCE})),
    ("出纳", frozenset({KeyArea.FINANCE, KeyArea.FUND_APPROVAL})),
    ("政府采购", frozenset({KeyArea.PROCUREMENT})),
    ("人事劳资", frozenset({KeyArea.PERSONNEL})),
    ("公务接待", frozenset({KeyArea.RECEPTION})),
    ("文秘", frozenset()),
    ("机要保密", frozenset()),
    ("信息宣传", frozenset()),
)
_PARTY_POSTS: tuple[tuple[str, frozenset[KeyArea]], ...] = (
    ("组织", frozenset({KeyArea.ORGANIZATION})),
    ("纪检监察", frozenset({KeyArea.DISCIPLINE, KeyArea.SUPERVISION})),
    ("宣传", frozenset()),
    ("群团", frozenset()),
)
_SECTION_POST_NAMES = ("综合科", "调研科", "联络科", "文稿科", "资料科")

_ROOMS: tuple[tuple[str, str, int], ...] = (
    ("r-1", "第一会议室", 30),
    ("r-2", "第二会议室", 20),
    ("r-standing", "常委会议室", 80),
    ("r-hall", "报告厅", 200),
)


def _names(rng: random.Random, count: int) -> list[str]:
    names: list[str] = []
    seen: set[str] = set()
    while len(names) < count:
        name = rng.choice(_SURNAMES) + "".join(
            rng.choice(_GIVEN) for _ in range(rng.choice((1, 2)))
        )
        if name not in seen:
            seen.add(name)
            names.append(name)
    return names


def _at(day: dt.date, hour: int, minute: int = 0) -> pendulum.DateTime:
    return pendulum.datetime(day.year, day.month, day.day, hour, minute, tz=SHANGHAI)


def _working_days(calendar: WorkCalendar, year: int) -> list[dt.date]:
    return calendar.working_days(dt.date(year, 1, 1), dt.date(year + 1, 1, 1))


@cache
def sample_office() -> Organization:
    """The sample office (cached: it is immutable, so every caller can share it)."""
    return _build()


def _build() -> Organization:
    rng = random.Random(20250101)
    calendar = WorkCalendar()
    year = SAMPLE_YEAR

    departments = [
        Department(id=dep_id, name=name, name_en=name_en, kind=kind)
        for dep_id, name, name_en, kind, _ in _DEPARTMENTS
    ]
    total = sum(count for *_, count in _DEPARTMENTS)
    names = iter(_names(rng, total))

    staff: list[Staff] = []
    posts: list[Post] = []
    assignments: list[PostAssignment] = []
    heads: dict[str, str] = {}
    members_of: dict[str, list[str]] = {}
    number = 0

    def next_id() -> str:
        nonlocal number
        number += 1
        return f"s{number:03d}"

    # Leadership members (主席会议成员): chair, four vice-chairs, secretary-general.
    chair_id = ""
    for index, (title, level) in enumerate(_LEADERSHIP_POSTS):
        person_id = next_id()
        chair_id = chair_id or person_id
        post_id = f"p-lead-{index + 1}"
        posts.append(Post(id=post_id, name=title, department_id="d-lead", leading=True))
        hired = dt.date(1995 + index * 2, 7, 1)
        staff.append(
            Staff(
                id=person_id,
                name=next(names),
                department_id="d-lead",
                level=level,
                hire_date=hired,
                is_leadership_member=True,
                reports_to=None if index == 0 else chair_id,
            )
        )
        assignments.append(
            PostAssignment(
                staff_id=person_id,
                post_id=post_id,
                role=PostRole.MAIN,
                start=dt.date(2021, 1, 15),
            )
        )
        members_of.setdefault("d-lead", []).append(person_id)
    secretary_general = staff[-1].id

    for dep_id, dep_name, _, kind, count in _DEPARTMENTS[1:]:
        if dep_id == "d-office":
            post_specs = _OFFICE_POSTS
        elif dep_id == "d-party":
            post_specs = _PARTY_POSTS
        else:
            post_specs = tuple((n, frozenset[KeyArea]()) for n in _SECTION_POST_NAMES)
        head_title = "主任" if kind is not DepartmentKind.PARTY_OFFICE else "专职副书记"
        head_id = next_id()
        heads[dep_id] = head_id
        posts.append(
            Post(id=f"p-{dep_id[2:]}-head", name=head_title, department_id=dep_id, leading=True)
        )
        staff.append(
            Staff(
                id=head_id,
                name=next(names),
                department_id=dep_id,
                level=Level.DIVISION_HEAD,
                hire_date=dt.date(rng.randint(1998, 2006), 8, 1),
                reports_to=secretary_general,
            )
        )
        assignments.append(
            PostAssignment(
                staff_id=head_id,
                post_id=f"p-{dep_id[2:]}-head",
                role=PostRole.MAIN,
                start=dt.date(rng.randint(2016, 2022), 3, 1),
            )
        )
        members_of.setdefault(dep_id, []).append(head_id)
        for slot in range(count - 1):
            person_id = next_id()
            post_name, areas = post_specs[slot % len(post_specs)]
            post_id = f"p-{dep_id[2:]}-{slot + 1}"
            posts.append(Post(id=post_id, name=post_name, department_id=dep_id, key_areas=areas))
            hired = dt.date(rng.randint(2003, 2023), rng.choice((3, 7, 9)), 1)
            on_probation = hired.year == 2023 and slot == count - 2
            if on_probation:
                hired = dt.date(2025, 7, 1)
            level = rng.choice((Level.SECTION_HEAD, Level.SECTION_DEPUTY, Level.CLERK, Level.CLERK))
            staff.append(
                Staff(
                    id=person_id,
                    name=next(names),
                    department_id=dep_id,
                    level=Level.CLERK if on_probation else level,
                    hire_date=hired,
                    probation_end=dt.date(2026, 7, 1) if on_probation else None,
                    is_party_member=rng.random() < 0.85,
                    reports_to=head_id,
                )
            )
            # Key posts are held long (rotation will be due); others changed more recently.
            if areas and slot < 3:
                start = max(hired, dt.date(rng.randint(2011, 2015), 3, 1))
            else:
                start = max(hired, dt.date(rng.randint(2017, 2023), 3, 1))
            if start > hired:
                # An earlier main post in the same department, ended when this one started.
                earlier_id = f"p-{dep_id[2:]}-prev-{slot + 1}"
                posts.append(
                    Post(id=earlier_id, name=f"{dep_name}原岗位{slot + 1}", department_id=dep_id)
                )
                assignments.append(
                    PostAssignment(
                        staff_id=person_id,
                        post_id=earlier_id,
                        role=PostRole.MAIN,
                        start=hired,
                        end=start,
                    )
                )
            assignments.append(
                PostAssignment(staff_id=person_id, post_id=post_id, role=PostRole.MAIN, start=start)
            )
            members_of[dep_id].append(person_id)

    by_id = {person.id: person for person in staff}
    post_by_id = {post.id: post for post in posts}
    current_main = {
        a.staff_id: a.post_id for a in assignments if a.role is PostRole.MAIN and a.end is None
    }

    # Secondary posts (副岗): section-level staff claim one post in another department. The key
    # posts are claimed first, so that their B role (AB角) has someone who knows the work.
    key_posts = sorted(
        (p for p in posts if p.key_areas and p.id in current_main.values()), key=lambda p: p.id
    )
    section_staff = [
        p for p in staff if p.level.is_section_level_or_below and p.probation_end is None
    ]
    rng.shuffle(section_staff)
    claimable = [
        p for p in posts if not p.leading and "-prev-" not in p.id and p.id in current_main.values()
    ]
    ab_roles: list[ABRole] = []
    b_count: dict[str, int] = {}
    claimed: set[str] = set()
    for key_post in key_posts:
        holder = next(s for s, p in current_main.items() if p == key_post.id)
        candidates = [
            person
            for person in section_staff
            if person.department_id != key_post.department_id
            and person.id not in claimed
            and person.id != holder
        ]
        backup = candidates[0]
        claimed.add(backup.id)
        b_count[backup.id] = b_count.get(backup.id, 0) + 1
        assignments.append(
            PostAssignment(
                staff_id=backup.id,
                post_id=key_post.id,
                role=PostRole.SECONDARY,
                start=dt.date(2024, 3, 1),
            )
        )
        head = heads[key_post.department_id]
        ab_roles.append(ABRole(post_id=key_post.id, a_id=holder, b_id=backup.id, fallback=(head,)))
    # Most of the others claim a secondary post too; a few have not yet (the demo shows them).
    for person in section_staff:
        if person.id in claimed or rng.random() < 0.15:
            continue
        options = [p for p in claimable if p.department_id != person.department_id]
        choice = rng.choice(options)
        claimed.add(person.id)
        assignments.append(
            PostAssignment(
                staff_id=person.id,
                post_id=choice.id,
                role=PostRole.SECONDARY,
                start=dt.date(2024, 3, 1),
            )
        )

    # Relatives: a married couple with the wife in the office's finance post and the husband
    # heading the office (an avoidance case, T5), and two cousins in different committees.
    finance_holder = current_main_holder(current_main, "p-office-1")
    office_head = heads["d-office"]
    cousin_a = members_of["d-economy"][2]
    cousin_b = members_of["d-edu"][1]
    pairs = (
        (finance_holder, office_head, Relation.SPOUSE),
        (cousin_a, cousin_b, Relation.COLLATERAL_BLOOD),
    )
    for first, second, relation in pairs:
        for me, other in ((first, second), (second, first)):
            person = by_id[me]
            by_id[me] = Staff(
                id=person.id,
                name=person.name,
                department_id=person.department_id,
                level=person.level,
                hire_date=person.hire_date,
                is_leadership_member=person.is_leadership_member,
                is_party_member=person.is_party_member,
                probation_end=person.probation_end,
                reports_to=person.reports_to,
                relatives=(*person.relatives, Relative(staff_id=other, relation=relation)),
            )
    staff = [by_id[person.id] for person in staff]

    rooms = [Room(id=i, name=n, capacity=c) for i, n, c in _ROOMS]
    days = _working_days(calendar, year)
    leaders = [p.id for p in staff if p.is_leadership_member]
    activities = list(_activities(rng, calendar, days, leaders, heads, members_of, post_by_id))
    absences = list(_absences(rng, days, staff, ab_roles))
    tasks = list(_tasks(rng, calendar, days, staff, heads))

    return Organization(
        name="示例市政协机关",
        departments=departments,
        staff=staff,
        posts=posts,
        assignments=assignments,
        ab_roles=ab_roles,
        rooms=rooms,
        absences=absences,
        activities=activities,
        tasks=tasks,
    )


def current_main_holder(current_main: dict[str, str], post_id: str) -> str:
    return next(staff_id for staff_id, held in sorted(current_main.items()) if held == post_id)


def _activities(
    rng: random.Random,
    calendar: WorkCalendar,
    days: list[dt.date],
    leaders: list[str],
    heads: dict[str, str],
    members_of: dict[str, list[str]],
    post_by_id: dict[str, Post],
) -> Iterator[Activity]:
    del post_by_id  # reserved for kinds that invite post holders
    number = 0

    def next_id() -> str:
        nonlocal number
        number += 1
        return f"a{number:03d}"

    _chair, *vice_chairs, secretary_general = leaders
    committees = [d for d in heads if d not in ("d-office", "d-party")]
    year = days[0].year

    # The plenary session (全体会议) in mid-January: three days, everyone.
    plenary_start = dt.date(year, 1, 14)
    yield Activity(
        id=next_id(),
        kind=ActivityKind.MEETING,
        meeting_kind=MeetingKind.PLENARY,
        title="市政协全体会议",
        span=TimeSpan(_at(plenary_start, 9), _at(plenary_start + dt.timedelta(days=2), 18)),
        department_id="d-office",
        leaders=leaders,
        participants=sorted(heads.values()),
        room_id="r-hall",
    )

    # The weekly work meeting (工作例会) on the first working day of each week, with the task list.
    seen_weeks: set[tuple[int, int]] = set()
    for day in days:
        week = day.isocalendar()[:2]
        if week in seen_weeks or day < dt.date(year, 1, 20):
            continue
        seen_weeks.add(week)
        yield Activity(
            id=next_id(),
            kind=ActivityKind.MEETING,
            meeting_kind=MeetingKind.WORK_MEETING,
            title=f"机关工作例会（第{week[1]}周）",
            span=TimeSpan(_at(day, 8, 30), _at(day, 9, 30)),
            department_id="d-office",
            leaders=[secretary_general],
            participants=sorted(heads.values()),
            room_id="r-1",
        )

    # Monthly chair's meeting (主席会议) and two party-group meetings (党组会议) a month.
    for month in range(2, 13):
        month_days = [d for d in days if d.month == month]
        chair_day = month_days[len(month_days) // 2]
        yield Activity(
            id=next_id(),
            kind=ActivityKind.MEETING,
            meeting_kind=MeetingKind.CHAIR_MEETING,
            title=f"{month}月主席会议",
            span=TimeSpan(_at(chair_day, 14, 30), _at(chair_day, 17, 30)),
            department_id="d-office",
            leaders=leaders,
            participants=[heads["d-office"], heads["d-research"]],
            room_id="r-standing",
        )
        for party_day in (month_days[3], month_days[-4]):
            yield Activity(
                id=next_id(),
                kind=ActivityKind.MEETING,
                meeting_kind=MeetingKind.PARTY_GROUP,
                title=f"党组会议（{party_day:%m月%d日}）",
                span=TimeSpan(_at(party_day, 9), _at(party_day, 11)),
                department_id="d-party",
                leaders=leaders[:5],
                participants=[heads["d-party"]],
                room_id="r-2",
            )
        # Centralised study (集中学习) for all staff of two departments at a time.
        study_day = month_days[8]
        study_departments = ("d-office", "d-research") if month % 2 else ("d-proposal", "d-economy")
        yield Activity(
            id=next_id(),
            kind=ActivityKind.STUDY_SESSION,
            title=f"{month}月集中学习",
            span=TimeSpan(_at(study_day, 15), _at(study_day, 17, 30)),
            department_id="d-party",
            leaders=[secretary_general],
            participants=sorted(p for d in study_departments for p in members_of[d]),
            room_id="r-hall",
        )

    # Quarterly standing committee meetings (常委会会议), two days each.
    for month in (3, 6, 9, 12):
        month_days = [d for d in days if d.month == month]
        start = month_days[-6]
        second = calendar.add_working_days(start, 1)
        yield Activity(
            id=next_id(),
            kind=ActivityKind.MEETING,
            meeting_kind=MeetingKind.STANDING_COMMITTEE,
            title=f"常委会第{(month // 3)}次会议",
            span=TimeSpan(_at(start, 9), _at(second, 17, 30)),
            department_id="d-office",
            leaders=leaders,
            participants=sorted(heads.values()),
            room_id="r-standing",
        )

    # Field trips: research (调研), inspection (视察), study visits (考察), led by committees.
    trip_kinds = (
        [ActivityKind.RESEARCH] * 30
        + [ActivityKind.INSPECTION] * 8
        + [ActivityKind.STUDY_VISIT] * 6
    )
    candidate_days = [d for d in days if d >= dt.date(year, 2, 17) and d.month not in (1,)]
    for index, kind in enumerate(trip_kinds):
        committee = committees[index % len(committees)]
        day = rng.choice(candidate_days)
        length = 1 if kind is ActivityKind.RESEARCH else rng.choice((1, 2))
        last = calendar.add_working_days(day, length - 1)
        place = (
            rng.choice(_VISIT_CITIES)
            if kind is ActivityKind.STUDY_VISIT
            else rng.choice(SAMPLE_PLACES)
        )
        team = members_of[committee]
        yield Activity(
            id=next_id(),
            kind=kind,
            title=f"{place}{_TRIP_TOPICS[index % len(_TRIP_TOPICS)]}{kind.zh}",
            span=TimeSpan(_at(day, 8, 30), _at(last, 18)),
            department_id=committee,
            leaders=[vice_chairs[index % len(vice_chairs)]],
            participants=sorted(rng.sample(team, k=min(3, len(team)))),
            target_place=place,
        )

    # Trainings (培训) and party-building / volunteer days.
    for month, title in ((4, "政协履职能力培训"), (7, "机关干部业务培训"), (10, "公文写作培训")):
        day = [d for d in days if d.month == month][10]
        yield Activity(
            id=next_id(),
            kind=ActivityKind.TRAINING,
            title=title,
            span=TimeSpan(_at(day, 9), _at(day, 17)),
            department_id="d-party",
            participants=sorted(
                rng.sample(
                    sorted(p for m in members_of.values() for p in m if p not in leaders), k=20
                )
            ),
            room_id="r-hall",
        )
    for month, kind, title in (
        (3, ActivityKind.VOLUNTEER, "学雷锋志愿服务"),
        (7, ActivityKind.PARTY_BUILDING, "七一主题党日"),
        (11, ActivityKind.VOLUNTEER, "社区志愿服务"),
    ):
        day = [d for d in days if d.month == month][4]
        yield Activity(
            id=next_id(),
            kind=kind,
            title=title,
            span=TimeSpan(_at(day, 14, 30), _at(day, 17, 30)),
            department_id="d-party",
            participants=sorted(members_of["d-party"] + members_of["d-office"][:4]),
            off_site=True,
        )


_TRIP_TOPICS = (
    "乡村振兴",
    "营商环境",
    "生态环境保护",
    "义务教育",
    "基层医疗",
    "文旅融合",
    "民营经济",
    "城市更新",
)


def _absences(
    rng: random.Random, days: list[dt.date], staff: list[Staff], ab_roles: list[ABRole]
) -> Iterator[Absence]:
    number = 0

    def next_id() -> str:
        nonlocal number
        number += 1
        return f"ab{number:03d}"

    kinds = (
        [AbsenceKind.ANNUAL_LEAVE] * 5
        + [AbsenceKind.PERSONAL_LEAVE, AbsenceKind.SICK_LEAVE, AbsenceKind.BUSINESS_TRIP]
        + [AbsenceKind.TRAINING]
    )
    for person in staff:
        for _ in range(rng.choice((0, 1, 1, 2))):
            start = rng.choice(days[10:-10])
            length = rng.randint(1, 5)
            yield Absence(
                id=next_id(),
                staff_id=person.id,
                span=TimeSpan.whole_days(start, start + dt.timedelta(days=length - 1)),
                kind=rng.choice(kinds),
            )
    # A and B of the first key post away together in late May: the coverage gap AB角 prevents.
    first = ab_roles[0]
    for person_id, kind in (
        (first.a_id, AbsenceKind.ANNUAL_LEAVE),
        (first.b_id, AbsenceKind.TRAINING),
    ):
        yield Absence(
            id=next_id(),
            staff_id=person_id,
            span=TimeSpan.whole_days(dt.date(2025, 5, 26), dt.date(2025, 5, 28)),
            kind=kind,
        )


def _tasks(
    rng: random.Random,
    calendar: WorkCalendar,
    days: list[dt.date],
    staff: list[Staff],
    heads: dict[str, str],
) -> Iterator[Task]:
    titles = (
        "起草年度协商计划",
        "整理提案办理情况",
        "筹备专题协商会",
        "报送调研报告",
        "更新机关固定资产台账",
        "完成政府采购备案",
        "编印政协信息",
        "组织委员培训",
        "修订机关制度汇编",
        "督办重点提案",
    )
    by_department: dict[str, list[Staff]] = {}
    for person in staff:
        by_department.setdefault(person.department_id, []).append(person)
    for number in range(1, 41):
        department = sorted(heads)[number % len(heads)]
        owner = rng.choice(by_department[department])
        created = rng.choice(days[15:-30])
        deadline = calendar.add_working_days(created, rng.choice((5, 10, 15, 20)))
        status = rng.choice(
            (
                TaskStatus.DONE,
                TaskStatus.DONE,
                TaskStatus.DONE,
                TaskStatus.IN_PROGRESS,
                TaskStatus.OPEN,
            )
        )
        completed = None
        if status is TaskStatus.DONE:
            completed = calendar.add_working_days(created, rng.randint(2, 24))
        yield Task(
            id=f"t{number:03d}",
            title=titles[number % len(titles)],
            owner_id=owner.id,
            department_id=department,
            created=created,
            deadline=deadline,
            status=status,
            completed_on=completed,
            source=rng.choice(tuple(TaskSource)),
        )
