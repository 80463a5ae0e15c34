"""The staff-development demo."""

from __future__ import annotations

from jiguan_core.examples.development import demo_lines


def test_the_demo_shows_rotation_plan_coverage_and_avoidance_in_both_languages() -> None:
    """Both languages render every section with content."""
    zh = demo_lines("zh")
    en = demo_lines("en")
    assert zh[0].startswith("==")
    assert any("应轮岗" in line for line in zh)
    assert any("Rotation plan" in line for line in en)
    assert any("s007" in line and "s008" in line for line in en)
    assert any("fallback" in line for line in en)
    assert len(zh) == len(en)
