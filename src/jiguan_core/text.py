"""Bilingual text: every user-facing message and domain term exists in Chinese and English."""

from __future__ import annotations

import enum
import unicodedata
from typing import Literal, Self

from attrs import frozen

__all__ = ["Lang", "TermEnum", "Text", "display_width", "pad"]

#: The languages a message can be rendered in.
Lang = Literal["zh", "en"]


@frozen
class Text:
    """One message in Chinese and English; ``render`` picks one."""

    zh: str
    en: str

    def render(self, lang: Lang = "zh") -> str:
        return self.zh if lang == "zh" else self.en

    def __str__(self) -> str:
        return self.en


class TermEnum(enum.Enum):
    """An enum whose members carry their Chinese term.

    Members are declared as ``NAME = "english_value", "中文术语"``; the value (used in JSON)
    is the English identifier and ``zh`` is the term an office uses.
    """

    _value_: str
    zh: str

    # ``zh`` has a default only so that the value lookup ``Grade("excellent")`` type-checks;
    # every member declares its term.
    def __new__(cls, value: str, zh: str = "") -> Self:
        member = object.__new__(cls)
        member._value_ = value
        member.zh = zh
        return member

    @property
    def en(self) -> str:
        """The English label: the value with underscores as spaces."""
        return self._value_.replace("_", " ")

    def label(self, lang: Lang = "zh") -> str:
        return self.zh if lang == "zh" else self.en

    @classmethod
    def parse(cls, text: str) -> Self:
        """Find a member by its value, its name or its Chinese term."""
        for member in cls:
            if text in (member.value, member.name, member.zh):
                return member
        from jiguan_core.errors import InvalidValue

        choices = ", ".join(f"{m.value} ({m.zh})" for m in cls)
        raise InvalidValue(
            f"{text!r} is not a {cls.__name__}; use one of: {choices}",
            f"{text!r} 不是有效的{cls.__name__}取值；可选：{choices}",
            field=cls.__name__,
            value=text,
        )


def display_width(text: str) -> int:
    """Columns ``text`` takes in a terminal: CJK characters take two."""
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def pad(text: str, width: int) -> str:
    """``text`` left-aligned in ``width`` terminal columns (CJK-aware ``ljust``)."""
    return text + " " * max(0, width - display_width(text))
