"""Explanations of routine and annual outcomes: what each line says."""

from __future__ import annotations

from jiguan_core.assessment import assess_year, explain_annual
from tests.strategies_assessment import SIMPLE, YEAR, tiny_office, year_records

TEN = {f"p{i:02d}": 80.0 for i in range(1, 11)}


def test_the_quota_line_names_the_lowest_excellent_composite() -> None:
    """A2: two places, 99 and 95 take them; the line is at 95.00."""
    scores = dict(TEN, p01=99.0, p02=95.0)
    result = assess_year(tiny_office(scores), year_records(scores), YEAR, policy=SIMPLE)
    zh = explain_annual(result.outcome("p03"), result)
    en = explain_annual(result.outcome("p03"), result, "en")
    assert "  优秀名额 2（10 人 × 20%，向下取整）；已定优秀 2 人，末位综合分 95.00" in zh
    assert "  excellent places 2 (10 × 20%, floor); 2 excellent, last at 95.00" in en


def test_the_quota_line_has_no_composite_when_nobody_is_excellent() -> None:
    result = assess_year(tiny_office(TEN), year_records(TEN), YEAR, policy=SIMPLE)
    en = explain_annual(result.outcome("p03"), result, "en")
    assert "  excellent places 2 (10 × 20%, floor); 0 excellent, last at —" in en
