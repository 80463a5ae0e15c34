"""`jiguan list` and `jiguan chart` end to end: a subprocess on the sample workspace, the
written files read back, exit statuses and messages."""

from __future__ import annotations

import io
import json
import subprocess
import sys
from pathlib import Path

import pytest

from jiguan_core.cli import dump_workspace, parse_workspace
from tests._cli_workspaces import export_sample_workspace, sample_data, write_data


def jiguan(*args: str | Path, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "jiguan_core", *map(str, args)],
        capture_output=True,
        text=True,
        encoding="utf-8",
        cwd=cwd,
        timeout=120,
        check=False,
    )


@pytest.fixture(scope="module")
def workdir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("cli-list")


@pytest.fixture(scope="module")
def office_file(workdir: Path) -> Path:
    return export_sample_workspace(workdir)


@pytest.fixture(scope="module")
def earlier_file(workdir: Path) -> Path:
    """An earlier edition: a052 was in another room, a133 is not there yet."""
    data = sample_data()
    acts = data["office"]["activities"]
    data["office"]["activities"] = [a for a in acts if a["id"] != "a133"]
    for a in data["office"]["activities"]:
        if a["id"] == "a052":
            a["room_id"] = "r-1"
    # Round-trip through the library so that the file is a valid workspace.
    text = dump_workspace(parse_workspace(json.dumps(data, ensure_ascii=False)))
    path = workdir / "earlier.json"
    path.write_text(text, encoding="utf-8")
    return path


class TestList:
    def test_the_text_list_of_a_week_marks_the_holidays(
        self, office_file: Path, workdir: Path
    ) -> None:
        result = jiguan("list", office_file, "--on", "2025-10-08", cwd=workdir)
        assert result.returncode == 0, result.stderr
        assert "时间 | 地点 | 内容 | 出席领导 | 牵头委室 | 参加人员" in result.stdout
        assert "10月6日 星期一（法定节假日）" in result.stdout

    def test_docx_and_xlsx_are_written_to_out_and_read_back(
        self, office_file: Path, workdir: Path
    ) -> None:
        docx = pytest.importorskip("docx")
        openpyxl = pytest.importorskip("openpyxl")
        for fmt in ("docx", "xlsx"):
            out = workdir / f"week.{fmt}"
            result = jiguan(
                "list", office_file, "--period", "month", "--on", "2025-02-10",
                "--leader", "s003", "--format", fmt, "--out", out, cwd=workdir,
            )  # fmt: skip
            assert result.returncode == 0, result.stderr
        document = docx.Document(io.BytesIO((workdir / "week.docx").read_bytes()))
        assert "董芳" in document.paragraphs[1].text  # the filter names the leader
        book = openpyxl.load_workbook(workdir / "week.xlsx")
        assert book.worksheets[0]["A2"].value == "时间"

    def test_a_binary_format_without_out_is_refused(self, office_file: Path, workdir: Path) -> None:
        result = jiguan("list", office_file, "--on", "2025-10-08", "--format", "docx", cwd=workdir)
        assert result.returncode == 2
        assert "--out" in result.stderr
        assert result.stdout == ""

    def test_since_an_earlier_edition_marks_the_rows_and_exits_1(
        self, office_file: Path, earlier_file: Path, workdir: Path
    ) -> None:
        result = jiguan(
            "list", office_file, "--on", "2025-02-17", "--since", earlier_file, "--json",
            cwd=workdir,
        )  # fmt: skip
        assert result.returncode == 1, result.stderr
        data = json.loads(result.stdout)
        changes = {(c["activity_id"], c["kind"]) for c in data["changes"]}
        assert changes == {("a052", "moved"), ("a133", "added")}
        rows = {r["activity_id"]: r["changes"] for d in data["days"] for r in d["rows"]}
        assert rows["a133"] == ["added"]
        assert rows["a052"] == ["moved"]

    def test_an_unknown_leader_is_bad_input(self, office_file: Path, workdir: Path) -> None:
        result = jiguan("list", office_file, "--on", "2025-10-08", "--leader", "zz", cwd=workdir)
        assert result.returncode == 2
        assert "zz" in result.stderr
        assert "Traceback" not in result.stderr


def test_a_broken_earlier_edition_is_bad_input(office_file: Path, workdir: Path) -> None:
    broken = write_data(workdir, "broken.json", {"office": {"name": 3}})
    result = jiguan("list", office_file, "--on", "2025-10-08", "--since", broken, cwd=workdir)
    assert result.returncode == 2
    assert "Traceback" not in result.stderr


class TestChart:
    @pytest.mark.parametrize(
        ("kind", "on", "marker"),
        [
            ("leaders-week", "2025-02-24", "data-clash"),
            ("coverage", "2025-04-08", "data-role"),
            ("workload", "2025-06-01", "data-away-days"),
        ],
    )
    def test_each_picture_is_written_as_well_formed_svg(
        self, kind: str, on: str, marker: str, office_file: Path, workdir: Path
    ) -> None:
        import xml.etree.ElementTree as ET

        out = workdir / f"{kind}.svg"
        result = jiguan("chart", office_file, "--kind", kind, "--on", on, "--out", out, cwd=workdir)
        assert result.returncode == 0, result.stderr
        text = out.read_text(encoding="utf-8")
        assert ET.fromstring(text.encode("utf-8")).tag == "{http://www.w3.org/2000/svg}svg"
        assert marker in text

    def test_an_unknown_kind_is_refused_by_the_option_parser(
        self, office_file: Path, workdir: Path
    ) -> None:
        result = jiguan("chart", office_file, "--kind", "pie", "--on", "2025-02-24", cwd=workdir)
        assert result.returncode == 2
        assert "invalid choice" in result.stderr

    def test_the_html_week_embeds_the_leaders_week_and_the_coverage(
        self, office_file: Path, workdir: Path
    ) -> None:
        out = workdir / "week.html"
        result = jiguan(
            "list", office_file, "--on", "2025-02-24", "--format", "html", "--out", out,
            cwd=workdir,
        )  # fmt: skip
        assert result.returncode == 0, result.stderr
        page = out.read_text(encoding="utf-8")
        assert page.count("<svg") == 2
        assert 'data-clash="true"' in page
        assert 'data-role="a"' in page
