"""A development finding as the finding every area shares, and its key."""

from __future__ import annotations

from jiguan_core.development.findings import Finding
from jiguan_core.text import Text

MESSAGE = Text("岗位 p1 无人负责", "post p1 has nobody responsible")


def test_a_finding_about_a_post_names_the_post_and_the_staff() -> None:
    finding = Finding(
        rule_id="DEV-COVER", code="gap", staff_ids=("s1",), post_id="p1", message=MESSAGE
    )
    assert dict(finding.to_finding().subjects) == {"post": ("p1",), "staff": ("s1",)}
    assert finding.key == ("DEV-COVER", "gap", ("s1",), "p1")


def test_a_finding_about_no_post_names_only_the_staff() -> None:
    finding = Finding(rule_id="DEV-COVER", code="gap", staff_ids=("s1",), message=MESSAGE)
    assert dict(finding.to_finding().subjects) == {"staff": ("s1",)}
    assert finding.key == ("DEV-COVER", "gap", ("s1",), "")
