"""The written lists, read back with the library that reads each format: python-docx for .docx,
openpyxl for .xlsx, html.parser for HTML. Each has the six headings, every activity of the
period exactly once (against a brute-force selection), the leaders' names and the holiday
marks."""

from __future__ import annotations

import datetime as dt
import io
import sys
from collections import Counter
from functools import cache
from html.parser import HTMLParser

import pytest

from jiguan_core.activity_list import ActivityList, activity_list
from jiguan_core.calendar import Granularity
from jiguan_core.errors import MissingExtra
from jiguan_core.organization import Organization
from jiguan_core.outputs import list_docx, list_html, list_xlsx
from jiguan_core.sample import sample_office
from jiguan_core.time import SHANGHAI
from jiguan_core.workplan import Milestone, PlanItem, WorkPlan

docx = pytest.importorskip("docx", reason="the office extra (python-docx) is not installed")
openpyxl = pytest.importorskip("openpyxl", reason="the office extra (openpyxl) is not installed")

SIX = ["时间", "地点", "内容", "出席领导", "牵头委室", "参加人员"]
MILESTONE_SIX = ["目标日期", "节点编号", "工作要点及节点", "责任人", "牵头委室", "完成情况"]
NATIONAL_DAY_WEEK = dt.date(2025, 10, 8)
BUSY_MONTH = dt.date(2025, 6, 1)


@cache
def office() -> Organization:
    return sample_office()


def expected_titles(listed: ActivityList) -> Counter[str]:
    """Brute force: the titles of the office's activities starting in the period."""
    return Counter(
        a.title
        for a in office().activities
        if listed.period.start <= a.span.start.in_timezone(SHANGHAI).date() < listed.period.end
    )


def leader_names(listed: ActivityList) -> set[str]:
    names = {s.id: s.name for s in office().staff}
    return {
        names[p]
        for a in office().activities
        if listed.period.start <= a.span.start.in_timezone(SHANGHAI).date() < listed.period.end
        for p in a.leaders
    }


@pytest.fixture(scope="module", params=["week", "month"])
def listed(request: pytest.FixtureRequest) -> ActivityList:
    if request.param == "week":
        return activity_list(office(), Granularity.WEEK, NATIONAL_DAY_WEEK)
    return activity_list(office(), Granularity.MONTH, BUSY_MONTH)


class TestDocx:
    def test_the_document_has_the_headings_every_activity_once_and_the_leaders(
        self, listed: ActivityList
    ) -> None:
        document = docx.Document(io.BytesIO(list_docx(listed)))
        titles: Counter[str] = Counter()
        leaders: set[str] = set()
        list_tables = [t for t in document.tables if [c.text for c in t.rows[0].cells] == SIX]
        assert list_tables
        for table in list_tables:
            for row in table.rows[1:]:
                cells = [c.text for c in row.cells]
                if len(set(cells)) == 1:  # a merged day row
                    continue
                titles[cells[2]] += 1
                leaders.update(n for n in cells[3].split("、") if n)
        assert titles == expected_titles(listed)
        assert titles
        assert leaders == leader_names(listed)
        assert leaders
        paragraphs = [p.text for p in document.paragraphs]
        assert paragraphs[0] == listed.title()

    def test_the_page_is_a4_landscape_with_the_title_font_set(self) -> None:
        listed = activity_list(office(), Granularity.WEEK, NATIONAL_DAY_WEEK)
        document = docx.Document(io.BytesIO(list_docx(listed)))
        section = document.sections[0]
        assert (round(section.page_width.mm), round(section.page_height.mm)) == (297, 210)
        fonts = document.paragraphs[0].runs[0]._element.rPr.rFonts
        assert (
            fonts.get("{http://schemas.openxmlformats.org/wordprocessingml/2006/main}eastAsia")
            == "方正小标宋简体"
        )

    def test_holiday_rows_are_marked(self) -> None:
        listed = activity_list(office(), Granularity.WEEK, NATIONAL_DAY_WEEK)
        document = docx.Document(io.BytesIO(list_docx(listed)))
        texts = {c.text for t in document.tables for r in t.rows for c in r.cells}
        assert "10月6日 星期一（法定节假日）" in texts
        assert "10月11日 星期六（调休上班）" in texts


class TestXlsx:
    def test_each_week_sheet_has_the_headings_frozen_and_every_activity_once(
        self, listed: ActivityList
    ) -> None:
        book = openpyxl.load_workbook(io.BytesIO(list_xlsx(listed)))
        weeks = [s for s in book.worksheets if s.title[:4].isdigit()]
        assert len(weeks) == len({d.day.isocalendar()[:2] for d in listed.days})
        titles: Counter[str] = Counter()
        leaders: set[str] = set()
        for sheet in weeks:
            rows = list(sheet.iter_rows(values_only=True))
            assert list(rows[1]) == SIX
            assert sheet.freeze_panes == "A3"
            for row in rows[2:]:
                if row[1] is None and row[2] is None:  # a merged day row
                    continue
                titles[str(row[2])] += 1
                leaders.update(n for n in str(row[3] or "").split("、") if n)
        assert titles == expected_titles(listed)
        assert leaders == leader_names(listed)

    def test_columns_are_wide_enough_for_their_chinese_text(self) -> None:
        """A Chinese character counts two: the content column fits its longest title."""
        from jiguan_core.text import display_width

        listed = activity_list(office(), Granularity.MONTH, BUSY_MONTH)
        sheet = openpyxl.load_workbook(io.BytesIO(list_xlsx(listed))).worksheets[0]
        longest = max(display_width(str(c.value)) for c in sheet["C"][1:] if c.value)
        assert sheet.column_dimensions["C"].width >= min(longest, 48)

    def test_holidays_are_marked_and_the_schedule_has_a_sheet(self) -> None:
        listed = activity_list(office(), Granularity.WEEK, NATIONAL_DAY_WEEK)
        book = openpyxl.load_workbook(io.BytesIO(list_xlsx(listed)))
        cells = {c for row in book.worksheets[0].iter_rows(values_only=True) for c in row}
        assert "10月6日 星期一（法定节假日）" in cells
        assert "10月11日 星期六（调休上班）" in cells
        schedule = book["领导活动安排表"]
        assert [r[0] for r in schedule.iter_rows(min_row=2, values_only=True)] == [
            s.name for s in office().leadership_members
        ]


class _Cells(HTMLParser):
    """Collects table rows: (tr attributes, [cell texts])."""

    def __init__(self) -> None:
        super().__init__()
        self.rows: list[tuple[dict[str, str | None], list[str]]] = []
        self._cell: list[str] | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "tr":
            self.rows.append((dict(attrs), []))
        elif tag in ("td", "th"):
            self._cell = []

    def handle_endtag(self, tag: str) -> None:
        if tag in ("td", "th") and self._cell is not None:
            self.rows[-1][1].append("".join(self._cell).strip())
            self._cell = None

    def handle_data(self, data: str) -> None:
        if self._cell is not None:
            self._cell.append(data)


class TestHtml:
    def test_the_page_has_the_headings_every_activity_once_and_no_network(
        self, listed: ActivityList
    ) -> None:
        page = list_html(listed)
        parser = _Cells()
        parser.feed(page)
        assert parser.rows[0][1] == SIX
        acts = [(a, cells) for a, cells in parser.rows if a.get("class") == "act"]
        assert Counter(cells[2] for _, cells in acts) == expected_titles(listed)
        listed_ids = [a["data-activity-id"] for a, _ in acts]
        assert len(listed_ids) == len(set(listed_ids))
        assert {n for _, cells in acts for n in cells[3].split("、") if n} == leader_names(listed)
        for fragment in ("http://", "https://", "<script", "<link", "@import", "url("):
            assert fragment not in page.replace('xmlns="http://www.w3.org/2000/svg"', "")

    def test_day_rows_carry_their_kind(self) -> None:
        listed = activity_list(office(), Granularity.WEEK, NATIONAL_DAY_WEEK)
        parser = _Cells()
        parser.feed(list_html(listed))
        kinds = {a["data-day"]: a["data-day-kind"] for a, _ in parser.rows if "data-day-kind" in a}
        assert kinds["2025-10-06"] == "holiday"
        assert kinds["2025-10-11"] == "swapped_working"
        assert len(kinds) == 7


class TestWithoutTheExtra:
    @pytest.mark.parametrize(("writer", "module"), [(list_docx, "docx"), (list_xlsx, "openpyxl")])
    def test_a_missing_extra_says_which_to_install(
        self, writer: object, module: str, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        monkeypatch.setitem(sys.modules, module, None)  # import now raises ImportError
        listed = activity_list(office(), Granularity.WEEK, NATIONAL_DAY_WEEK)
        with pytest.raises(MissingExtra, match=r"jiguan-core\[office\]") as info:
            writer(listed)  # type: ignore[operator]
        assert info.value.extra == "office"
        assert "jiguan-core[office]" in info.value.render("zh")


class TestChangesAndPageFit:
    @staticmethod
    def compared() -> ActivityList:
        """The week of 2025-02-17 against an edition where a052 met in r-1 and a133 did not
        exist yet; a105 is cancelled since."""
        import attrs

        earlier = [
            attrs.evolve(a, room_id="r-1") if a.id == "a052" else a
            for a in office().activities
            if a.id != "a133"
        ]
        current = office().without_activity("a105")
        return activity_list(current, Granularity.WEEK, dt.date(2025, 2, 17), previous=earlier)

    def test_the_workbook_has_a_changes_sheet_with_every_change_and_the_people(self) -> None:
        listed = self.compared()
        book = openpyxl.load_workbook(io.BytesIO(list_xlsx(listed)))
        rows = list(book["变化"].iter_rows(min_row=2, values_only=True))
        assert sorted((r[0], r[2]) for r in rows) == [
            ("a052", "调整时间地点"),
            ("a105", "取消"),
            ("a133", "新增"),
        ]
        moved = next(r for r in rows if r[0] == "a052")
        assert moved[3] == "room_id: r-1"
        assert moved[4] == "room_id: r-standing"
        assert "蔡磊伟" in moved[5]  # names, not ids

    def test_the_document_strikes_the_cancelled_row_and_lists_the_changes(self) -> None:
        document = docx.Document(io.BytesIO(list_docx(self.compared())))
        struck = [
            cell.text
            for table in document.tables
            for row in table.rows
            for cell in row.cells
            if any(run.font.strike for p in cell.paragraphs for run in p.runs)
        ]
        assert "【取消】邻水县文旅融合调研" in struck
        texts = "\n".join(p.text for p in document.paragraphs)
        assert "a133 前锋区营商环境视察 [新增]" in texts

    def test_a_busy_week_is_set_smaller_and_a_quiet_one_is_not(self) -> None:
        from jiguan_core.outputs import OfficeStyle, week_body_size

        style = OfficeStyle()
        quiet = activity_list(office(), Granularity.WEEK, NATIONAL_DAY_WEEK)
        assert week_body_size(quiet, style) == style.body_size
        tiny_page = OfficeStyle(margin_top=80, margin_bottom=80)
        assert week_body_size(quiet, tiny_page) < style.body_size


class TestPlanMilestones:
    """The year's plan in the printable lists: 年度工作要点节点 under the list of the period a
    milestone is due in (one on 9 October, in the National Day week; one on 20 October, done
    early), with the owner and 委室 as id then name, and in no other period's list."""

    @staticmethod
    @cache
    def plan() -> WorkPlan:
        department = office().departments[0]
        owner = next(s for s in office().staff if s.department_id == department.id)
        return WorkPlan(
            year=2025,
            items=[
                PlanItem(
                    id="w1",
                    department_id=department.id,
                    title="专题协商",
                    owner_id=owner.id,
                    milestones=[
                        Milestone(id="w1-1", title="方案", target=dt.date(2025, 10, 9)),
                        Milestone(
                            id="w1-2",
                            title="协商会",
                            target=dt.date(2025, 10, 20),
                            done_on=dt.date(2025, 10, 17),
                        ),
                    ],
                )
            ],
        )

    def due(self, listed: ActivityList) -> set[str]:
        """Brute force: the plan's milestones with a target day inside the list's period."""
        return {
            m.id
            for item in self.plan().items
            for m in item.milestones
            if listed.period.start <= m.target < listed.period.end
        }

    def lists(self) -> list[ActivityList]:
        return [
            activity_list(office(), granularity, on, plan=self.plan())
            for granularity, on in [
                (Granularity.WEEK, NATIONAL_DAY_WEEK),  # w1-1
                (Granularity.WEEK, dt.date(2025, 10, 20)),  # w1-2
                (Granularity.WEEK, dt.date(2025, 10, 1)),  # none
                (Granularity.MONTH, dt.date(2025, 10, 1)),  # both
                (Granularity.MONTH, BUSY_MONTH),  # none
            ]
        ]

    def expected_row(self, milestone_id: str) -> list[str]:
        department = office().departments[0]
        owner = next(s for s in office().staff if s.department_id == department.id)
        who, unit = f"{owner.id} {owner.name}", f"{department.id} {department.name}"
        if milestone_id == "w1-1":
            return ["2025-10-09", "w1-1", "专题协商：方案", who, unit, "未完成"]
        return ["2025-10-20", "w1-2", "专题协商：协商会", who, unit, "2025-10-17 完成"]

    @pytest.mark.parametrize("case", range(5))
    def test_the_document_has_the_milestones_of_its_period_only(self, case: int) -> None:
        listed = self.lists()[case]
        document = docx.Document(io.BytesIO(list_docx(listed)))
        tables = [t for t in document.tables if [c.text for c in t.rows[0].cells] == MILESTONE_SIX]
        rows = [[c.text for c in r.cells] for t in tables for r in t.rows[1:]]
        assert {r[1] for r in rows} == self.due(listed), listed.period
        assert rows == [self.expected_row(m) for m in sorted(self.due(listed))]
        headings = [p.text for p in document.paragraphs if p.text.startswith("年度工作要点节点")]
        assert headings == ([f"年度工作要点节点（{len(rows)} 项）"] if rows else [])

    @pytest.mark.parametrize("case", [2, 4])
    def test_a_workbook_of_a_period_without_milestones_has_no_milestones_sheet(
        self, case: int
    ) -> None:
        listed = self.lists()[case]
        book = openpyxl.load_workbook(io.BytesIO(list_xlsx(listed)))
        assert self.due(listed) == set()
        assert "年度工作要点节点" not in book.sheetnames

    @pytest.mark.parametrize("case", [0, 1, 3])
    def test_the_workbook_has_a_milestones_sheet_for_its_period_only(self, case: int) -> None:
        listed = self.lists()[case]
        book = openpyxl.load_workbook(io.BytesIO(list_xlsx(listed)))
        sheet = book["年度工作要点节点"]
        assert sheet["A1"].value == f"年度工作要点节点（{len(self.due(listed))} 项）"
        assert [c.value for c in sheet[2]] == MILESTONE_SIX
        assert sheet.freeze_panes == "A3"
        rows = [list(r) for r in sheet.iter_rows(min_row=3, values_only=True)]
        assert rows == [self.expected_row(m) for m in sorted(self.due(listed))]

    @pytest.mark.parametrize("case", range(5))
    def test_the_page_has_the_milestones_of_its_period_only(self, case: int) -> None:
        listed = self.lists()[case]
        parser = _Cells()
        parser.feed(list_html(listed))
        rows = [(a, cells) for a, cells in parser.rows if a.get("class") == "milestone"]
        assert {a["data-milestone-id"] for a, _ in rows} == self.due(listed)
        assert [cells for _, cells in rows] == [
            self.expected_row(m) for m in sorted(self.due(listed))
        ]
        assert [a["data-target"] for a, _ in rows] == [cells[0] for _, cells in rows]
        heads = [c for _, c in parser.rows if c == MILESTONE_SIX]
        assert len(heads) == (1 if rows else 0)

    def test_the_english_writers_use_english_headings_and_states(self) -> None:
        listed = activity_list(office(), Granularity.MONTH, dt.date(2025, 10, 1), plan=self.plan())
        english = ["Target date", "Milestone", "Plan item and milestone", "Owner"]
        book = openpyxl.load_workbook(io.BytesIO(list_xlsx(listed, lang="en")))
        sheet = book["milestones"]
        assert sheet["A1"].value == "Work plan milestones (2)"
        assert [c.value for c in sheet[2]][:4] == english
        assert [r[5] for r in sheet.iter_rows(min_row=3, values_only=True)] == [
            "open",
            "done 2025-10-17",
        ]
        page = list_html(listed, lang="en")
        assert "Work plan milestones (2)" in page
        assert "年度工作要点节点" not in page
