"""The printable HTML in a real browser: headless Chromium (Debian's ``chromium`` package)
prints it to PDF, and the PDF is read back: one week is one A4 page, and no text overflows its
table cell (measured in the page by a script the test adds to a copy of the HTML).

Skipped, with the reason, where Chromium is not installed (``.ci/run`` installs it with
apt-get when it can).
"""

from __future__ import annotations

import datetime as dt
import json
import re
import shutil
import subprocess
from functools import cache
from pathlib import Path

import pendulum
import pytest

from jiguan_core.activity import Activity, ActivityKind
from jiguan_core.activity_list import ActivityList, activity_list
from jiguan_core.calendar import Granularity
from jiguan_core.organization import Organization
from jiguan_core.outputs import list_html
from jiguan_core.outputs.svg_charts import leaders_week_svg
from jiguan_core.sample import sample_office
from jiguan_core.time import SHANGHAI, TimeSpan

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
pytestmark = pytest.mark.skipif(
    CHROMIUM is None,
    reason="headless Chromium is not installed (Debian: apt-get install chromium; .ci/run "
    "installs it when apt-get is available), so the printed HTML is not checked here",
)

A4_LANDSCAPE = (841.92, 594.96)  # points, as Chromium writes the MediaBox
#: The width of the printable area in CSS pixels (297 mm less 20 + 20 mm of margins).
PRINT_WIDTH_PX = round((297 - 40) / 25.4 * 96)

MEASURE = """
<script>
window.addEventListener("load", () => {
  const over = [];
  for (const cell of document.querySelectorAll("td, th")) {
    if (cell.scrollWidth > cell.clientWidth + 1 || cell.scrollHeight > cell.clientHeight + 1) {
      over.push(cell.textContent.slice(0, 40));
    }
  }
  document.body.setAttribute("data-overflow", JSON.stringify(over));
  document.body.setAttribute("data-cells", String(document.querySelectorAll("td").length));
});
</script>
"""


def _chromium(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    assert CHROMIUM is not None
    return subprocess.run(
        [CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", *args],
        capture_output=True,
        text=True,
        cwd=cwd,
        timeout=180,
        check=False,
    )


def print_to_pdf(html: str, tmp_path: Path, name: str = "list") -> bytes:
    page = tmp_path / f"{name}.html"
    page.write_text(html, encoding="utf-8")
    pdf = tmp_path / f"{name}.pdf"
    result = _chromium(
        "--no-pdf-header-footer", f"--print-to-pdf={pdf}", page.as_uri(), cwd=tmp_path
    )
    assert pdf.exists(), result.stderr[-2000:]
    return pdf.read_bytes()


def pages(pdf: bytes) -> list[tuple[float, float]]:
    """The size (points, rounded) of every page object (``/Type /Page``) of the PDF."""
    sizes = []
    for body in re.findall(rb"\d+ 0 obj\s*<<(.*?)endobj", pdf, re.S):
        if re.search(rb"/Type\s*/Page(?![a-zA-Z])", body) is None:
            continue
        box = re.search(rb"/MediaBox\s*\[\s*0\s+0\s+([\d.]+)\s+([\d.]+)\s*\]", body)
        assert box is not None, "a page object without its MediaBox"
        sizes.append((round(float(box.group(1)), 2), round(float(box.group(2)), 2)))
    return sizes


def overflowing(html: str, tmp_path: Path) -> list[str]:
    """The cells whose text overflows, measured by the browser at the printable width."""
    page = tmp_path / "measure.html"
    page.write_text(html.replace("</body>", MEASURE + "</body>"), encoding="utf-8")
    result = _chromium(
        f"--window-size={PRINT_WIDTH_PX},800",
        "--virtual-time-budget=5000",
        "--dump-dom",
        page.as_uri(),
        cwd=tmp_path,
    )
    found = re.search(r'data-overflow="([^"]*)"', result.stdout)
    assert found is not None, result.stderr[-2000:]
    cells = re.search(r'data-cells="(\d+)"', result.stdout)
    assert cells is not None
    assert int(cells.group(1)) > 0
    over: list[str] = json.loads(found.group(1).replace("&quot;", '"'))
    return over


@cache
def office() -> Organization:
    return sample_office()


def busy_week(place: str = "广安经济技术开发区管委会") -> ActivityList:
    """The sample's busiest week (2025-03-10, five activities) with ten more long ones: long
    titles, many participants, three leaders each, a long place."""
    staff = [s.id for s in office().staff if not s.is_leadership_member]
    leaders = [s.id for s in office().leadership_members]
    extra = []
    for i in range(10):
        day = dt.date(2025, 3, 10) + dt.timedelta(days=i % 5)
        start = pendulum.datetime(day.year, day.month, day.day, 9 + 3 * (i // 5), tz=SHANGHAI)
        extra.append(
            Activity(
                id=f"busy{i:02d}",
                kind=ActivityKind.RESEARCH,
                title=f"关于推进全市重点民生实事项目落实情况的专题协商座谈会（第{i + 1}场）",
                span=TimeSpan(start, start.add(hours=2)),
                department_id=office().departments[i % len(office().departments)].id,
                participants=staff[i : i + 12],
                leaders=leaders[i % 4 : i % 4 + 3],
                target_place=place,
                room_id="r-hall",
            )
        )
    busier = office().with_activities(extra)
    return activity_list(busier, Granularity.WEEK, dt.date(2025, 3, 10))


class TestPrintedWeek:
    def test_a_week_of_the_sample_prints_on_one_a4_landscape_page(self, tmp_path: Path) -> None:
        week = activity_list(office(), Granularity.WEEK, dt.date(2025, 10, 8))
        sizes = pages(print_to_pdf(list_html(week, schedule=False), tmp_path))
        assert sizes == [A4_LANDSCAPE]

    def test_a_busy_week_of_fifteen_long_activities_still_fits_one_page(
        self, tmp_path: Path
    ) -> None:
        week = busy_week()
        assert len(week.rows) == 15
        sizes = pages(print_to_pdf(list_html(week, schedule=False), tmp_path))
        assert sizes == [A4_LANDSCAPE]

    def test_no_text_overflows_its_cell(self, tmp_path: Path) -> None:
        """Long titles, leader lists and even a place name with no break in it wrap inside
        their cells."""
        week = busy_week("GuanganEconomicAndTechnologicalDevelopmentZoneAdministration")
        assert overflowing(list_html(week), tmp_path) == []

    def test_the_schedule_and_the_picture_follow_on_their_own_pages(self, tmp_path: Path) -> None:
        week = activity_list(office(), Granularity.WEEK, dt.date(2025, 2, 24))
        svg = leaders_week_svg(office(), dt.date(2025, 2, 24))
        sizes = pages(print_to_pdf(list_html(week, pictures=[svg]), tmp_path))
        assert sizes == [A4_LANDSCAPE] * 3
