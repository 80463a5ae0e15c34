"""The demo and the sample data."""

from __future__ import annotations

from jiguan_core.assessment import Grade
from jiguan_core.examples.assessment import SAMPLE_YEARS, demo_lines, sample_results


def test_the_demo_shows_quarterly_and_annual_results_in_both_languages() -> None:
    """Both renderings have the section headings and an explanation with its source."""
    zh = "\n".join(demo_lines("zh"))
    en = "\n".join(demo_lines("en"))
    assert "平时考核" in zh
    assert "年度考核" in zh
    assert "省级 9 人次" in zh
    assert "Annual assessment 2025" in en
    assert "[A6]" in en


def test_the_sample_results_are_within_the_quota_every_year() -> None:
    """Each sample year keeps 优秀 within 20% of the graded participants."""
    results = sample_results()
    assert tuple(r.year for r in results) == SAMPLE_YEARS
    for result in results:
        assert result.count(Grade.EXCELLENT) <= result.quota.places
