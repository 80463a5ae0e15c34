"""The rules demo computes on the sample office and reads in both languages."""

from __future__ import annotations

from jiguan_core.examples.rules import demo_lines
from tests._two_processes import two_runs


def test_the_demo_shows_the_sample_offices_score_summary_and_conflicts() -> None:
    """First line: the score; then one line per rule; then examples and a what-if."""
    zh = demo_lines("zh")
    en = demo_lines("en")
    assert "得分" in zh[0]
    assert "score" in en[0]
    assert sum(line.startswith("SCH") for line in en) == 9
    assert any("[SCHED-COORD-PERSON" in line for line in en)
    assert any(line.startswith("adding") for line in en)
    first, second = two_runs(
        "from jiguan_core.examples.rules import demo_lines; print(*demo_lines('zh'), sep='\\n')"
    )
    assert first == second == "\n".join(zh) + "\n"
