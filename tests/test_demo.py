"""The demo summarises the sample office in both languages, every area included."""

from __future__ import annotations

import pytest

from jiguan_core.__main__ import main
from jiguan_core.examples.demo import demo_text
from tests._two_processes import two_runs


class TestDemo:
    @pytest.mark.parametrize(
        ("lang", "headings"),
        [
            ("zh", ["各部门人数", "冲突检查", "活动排期", "考核", "干部培养", "工作管理"]),
            (
                "en",
                [
                    "Staff per department",
                    "Conflict check",
                    "Scheduling",
                    "Assessment",
                    "Staff development",
                    "Work management",
                ],
            ),
        ],
    )
    def test_the_demo_has_a_section_for_every_area(self, lang: str, headings: list[str]) -> None:
        """Every area contributes its section, in reading order."""
        text = demo_text(lang)  # type: ignore[arg-type]
        positions = [text.index(heading) for heading in headings]
        assert positions == sorted(positions)

    def test_the_demo_is_the_same_on_every_run(self) -> None:
        """Same sample, same text: two interpreters with different hash seeds, and this one."""
        first, second = two_runs(
            "from jiguan_core.examples.demo import demo_text; print(demo_text('zh'))"
        )
        assert first == second == demo_text("zh") + "\n"

    def test_the_command_prints_both_languages_by_default(
        self, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """``python -m jiguan_core demo`` prints Chinese then English."""
        assert main(["demo"]) == 0
        out = capsys.readouterr().out
        assert out.index("各部门人数") < out.index("Staff per department")
