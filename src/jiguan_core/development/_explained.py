"""Results explained in two languages: ``render`` shows the explanation (private)."""

from __future__ import annotations

from typing import ClassVar

from jiguan_core.text import Lang, Text

__all__ = ["Explained"]


class Explained:
    """A result whose rendering is its bilingual explanation: the field named by
    ``_explanation`` (``reason`` unless a subclass says otherwise)."""

    __slots__ = ()
    _explanation: ClassVar[str] = "reason"

    def render(self, lang: Lang = "zh") -> str:
        text: Text = getattr(self, self._explanation)
        return text.render(lang)
