"""A finding of a development check: which rule, what is wrong, with whom, in two languages."""

from __future__ import annotations

from attrs import field, frozen

from jiguan_core.finding import Finding as CommonFinding
from jiguan_core.rule import Severity
from jiguan_core.text import Lang, Text

__all__ = ["Finding"]


@frozen(kw_only=True)
class Finding:
    """One thing a check found. ``code`` is a stable machine name (``no_secondary``,
    ``b_not_qualified`` ...); ``message`` says what is wrong and what to do."""

    rule_id: str
    code: str
    staff_ids: tuple[str, ...] = ()
    post_id: str | None = None
    message: Text = field(eq=False)

    def render(self, lang: Lang = "zh") -> str:
        return self.message.render(lang)

    def to_finding(self, level: Severity | None = None) -> CommonFinding:
        """This finding as the one :class:`~jiguan_core.finding.Finding` every area shares."""
        return CommonFinding.of(
            self.rule_id,
            part=self.code,
            level=level,
            subjects={
                "staff": self.staff_ids,
                "post": () if self.post_id is None else (self.post_id,),
            },
            message=self.message,
        )

    @property
    def key(self) -> tuple[str, str, tuple[str, ...], str]:
        return (self.rule_id, self.code, self.staff_ids, self.post_id or "")
