"""The error hierarchy, bilingual terms (TermEnum), sources and rule metadata."""

from __future__ import annotations

import pytest

from jiguan_core.activity import ActivityKind
from jiguan_core.errors import (
    CalendarYearNotCovered,
    ConversionError,
    IntegrityError,
    InvalidInput,
    InvalidValue,
    JiguanError,
    NaiveDateTime,
    Problem,
    UnknownEntity,
    WrongType,
)
from jiguan_core.rule import Parameter, RuleInfo, Severity
from jiguan_core.sources import SOURCES, source
from jiguan_core.staff import Level
from jiguan_core.text import Text

# Error hierarchy ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("error_type", "builtin"),
    [
        (InvalidValue, ValueError),
        (WrongType, TypeError),
        (WrongType, ValueError),
        (NaiveDateTime, ValueError),
        (UnknownEntity, LookupError),
        (CalendarYearNotCovered, LookupError),
        (InvalidInput, ValueError),
        (IntegrityError, ValueError),
        (ConversionError, ValueError),
    ],
)
def test_every_error_is_a_jiguan_error_and_the_matching_builtin(
    error_type: type[JiguanError], builtin: type[Exception]
) -> None:
    """Callers can catch either the library's root or the built-in the error resembles."""
    assert issubclass(error_type, JiguanError)
    assert issubclass(error_type, builtin)


def test_integrity_and_conversion_errors_are_invalid_input() -> None:
    """Both list problems, so both share InvalidInput."""
    assert issubclass(IntegrityError, InvalidInput)
    assert issubclass(ConversionError, InvalidInput)


def test_an_invalid_value_carries_its_field_value_and_both_languages() -> None:
    """InvalidValue keeps the English and Chinese message and the offending field and value."""
    error = InvalidValue("bad", "坏", field="level", value=3)
    assert (str(error), error.render("en"), error.render("zh")) == ("bad", "bad", "坏")
    assert (error.field, error.value) == ("level", 3)


def test_a_jiguan_error_without_chinese_falls_back_to_english() -> None:
    """A message given only in English renders the same in both languages."""
    assert JiguanError("only english").render("zh") == "only english"


def test_an_unknown_entity_names_its_kind_id_and_hint() -> None:
    """UnknownEntity says what kind of thing was missing and how to fix it."""
    error = UnknownEntity("post", "p-9", hint="add it first")
    assert (error.kind, error.entity_id) == ("post", "p-9")
    assert str(error) == "unknown post 'p-9'; add it first"
    assert "未知的post" in error.render("zh")
    assert "add it first" in error.render("zh")


def test_an_unknown_entity_can_name_its_kind_and_hint_in_chinese() -> None:
    """kind_zh and hint_zh make the Chinese message fully Chinese."""
    error = UnknownEntity("post", "p-9", hint="add it", kind_zh="岗位", hint_zh="请先添加")
    assert error.render("zh") == "未知的岗位：'p-9'；请先添加"
    assert str(error) == "unknown post 'p-9'; add it"


def test_a_naive_datetime_error_explains_how_to_give_a_zone() -> None:
    """The message says which field had no zone and shows an aware example in both languages."""
    error = NaiveDateTime(field="start", value="2025-01-01T09:00")
    assert error.field == "start"
    assert "+08:00" in str(error)
    assert "缺少时区" in error.render("zh")


def test_calendar_year_not_covered_names_the_year_and_the_fix() -> None:
    """The error names the year, the built-in years and YearArrangement, in both languages."""
    error = CalendarYearNotCovered(2027, (2004, 2026))
    assert error.year == 2027
    assert "2004-2026" in str(error)
    assert "YearArrangement" in str(error)
    assert "2027 年" in error.render("zh")


def test_invalid_input_lists_every_problem_with_its_path_in_both_languages() -> None:
    """Each problem appears on its own line with its path; the count is in the summary."""
    problems = [Problem("$.a", "bad a", "a 有误"), Problem("$.b", "bad b", "b 有误")]
    error = ConversionError(problems)
    assert error.problems == tuple(problems)
    assert "(2 problems)" in str(error)
    assert "$.a: bad a" in str(error)
    assert "$.b: b 有误" in error.render("zh")
    assert "共 2 处" in error.render("zh")


def test_a_single_problem_is_not_pluralised() -> None:
    """One problem reads "1 problem"."""
    assert "(1 problem)" in str(IntegrityError([Problem("$", "x", "x")]))


def test_a_problem_renders_its_path_and_message_in_either_language() -> None:
    """Problem.render puts the path first."""
    problem = Problem("$.staff[0].id", "missing", "缺少")
    assert problem.render("en") == "$.staff[0].id: missing"
    assert problem.render("zh") == "$.staff[0].id: 缺少"


# Text and TermEnum --------------------------------------------------------------------------


def test_text_renders_chinese_by_default_and_prints_english() -> None:
    """Text.render defaults to Chinese; str() gives English."""
    text = Text("你好", "hello")
    assert (text.render(), text.render("en"), str(text)) == ("你好", "hello", "hello")


def test_a_term_enum_member_carries_its_chinese_term_and_english_label() -> None:
    """Members have zh, en (value with spaces) and label(lang)."""
    assert ActivityKind.STUDY_VISIT.zh == "考察"
    assert ActivityKind.STUDY_VISIT.en == "study visit"
    assert ActivityKind.STUDY_VISIT.label("zh") == "考察"
    assert ActivityKind.STUDY_VISIT.label("en") == "study visit"


@pytest.mark.parametrize("text", ["section_head", "SECTION_HEAD", "乡科级正职"])
def test_a_term_enum_parses_its_value_name_or_chinese_term(text: str) -> None:
    """parse accepts the JSON value, the Python name or the office's term."""
    assert Level.parse(text) is Level.SECTION_HEAD


def test_parsing_an_unknown_term_raises_invalid_value_listing_the_choices() -> None:
    """An unknown term is an InvalidValue naming the enum and every choice."""
    with pytest.raises(InvalidValue) as caught:
        Level.parse("king")
    assert caught.value.field == "Level"
    assert caught.value.value == "king"
    assert "section_head (乡科级正职)" in str(caught.value)
    assert "不是有效的Level" in caught.value.render("zh")


def test_every_term_enum_member_declares_a_chinese_term() -> None:
    """No member of a foundation enum is left without its Chinese term."""
    import tools.glossary as glossary

    enums = glossary.term_enums()
    assert ActivityKind in enums
    missing = [f"{e.__name__}.{m.name}" for e in enums for m in e if not m.zh]
    assert missing == []


def test_term_enum_values_are_unique_within_each_enum() -> None:
    """Two members with one value would silently alias each other."""
    import tools.glossary as glossary

    enums = glossary.term_enums()
    assert len(enums) > 10
    aliased = [e.__name__ for e in enums if len({m.value for m in e}) != len(list(e))]
    assert aliased == []


# Sources and rules --------------------------------------------------------------------------


def test_a_known_source_is_found_by_its_id() -> None:
    """source() returns the Source of a REGULATIONS id."""
    assert source("ARTICLE-COORD").id == "ARTICLE-COORD"
    assert source("ARTICLE-COORD") is SOURCES["ARTICLE-COORD"]


def test_every_source_has_a_bilingual_summary_and_a_confidence_mark() -> None:
    """Each source is citeable: its id matches, it has both summaries and a mark V, P or N."""
    assert {"A1", "S1", "ARTICLE-COORD"} <= set(SOURCES)
    for source_id, found in SOURCES.items():
        assert found.id == source_id
        assert found.summary.zh
        assert found.summary.en
        assert found.reference
        assert found.mark in {"V", "P", "N"}


def test_an_unknown_source_raises_unknown_entity_with_a_hint() -> None:
    """Citing a source that does not exist is an UnknownEntity naming it."""
    with pytest.raises(UnknownEntity) as caught:
        source("Z99")
    assert caught.value.entity_id == "Z99"
    assert "REGULATIONS.md" in str(caught.value)


def _rule(**changes: object) -> RuleInfo:
    values: dict[str, object] = {
        "id": "X1",
        "statement": Text("测试规则", "a test rule"),
        "sources": ("ARTICLE",),
        "level": Severity.SOFT,
        "parameters": (
            Parameter(name="days", default=5, description=Text("天数", "days"), minimum=1),
            Parameter(name="weight", default=1.0, description=Text("权重", "weight"), maximum=10),
            Parameter(name="strict", default=False, description=Text("严格", "strict")),
            Parameter(name="label", default="x", description=Text("标签", "label")),
        ),
    }
    values.update(changes)
    return RuleInfo(**values)  # type: ignore[arg-type]


def test_a_rule_resolves_to_its_defaults_without_overrides() -> None:
    """No overrides: every parameter keeps its documented default."""
    assert dict(_rule().resolve()) == {"days": 5, "weight": 1.0, "strict": False, "label": "x"}


def test_a_rule_applies_valid_overrides_and_widens_ints_to_floats() -> None:
    """An int is accepted for a float parameter; the rest keep their defaults."""
    resolved = _rule().resolve({"days": 3, "weight": 2})
    assert resolved["days"] == 3
    assert resolved["weight"] == 2.0
    assert isinstance(resolved["weight"], float)


def test_a_rule_refuses_an_unknown_parameter_and_lists_the_known_ones() -> None:
    """A typo in a parameter name is an UnknownEntity naming the rule's parameters."""
    with pytest.raises(UnknownEntity) as caught:
        _rule().resolve({"dayz": 3})
    assert caught.value.entity_id == "dayz"
    assert "days, weight, strict, label" in str(caught.value)


@pytest.mark.parametrize(
    ("name", "value"),
    [("days", "3"), ("days", True), ("days", 2.5), ("strict", 1), ("label", 3), ("weight", "1")],
)
def test_a_rule_refuses_a_parameter_of_the_wrong_type(name: str, value: object) -> None:
    """Strings are not numbers, and True is not 1."""
    with pytest.raises(InvalidValue) as caught:
        _rule().resolve({name: value})
    assert caught.value.field == f"X1.{name}"
    assert caught.value.value == value


@pytest.mark.parametrize(("name", "value"), [("days", 0), ("weight", 10.5)])
def test_a_rule_refuses_a_parameter_outside_its_range(name: str, value: object) -> None:
    """Numbers below the minimum or above the maximum are refused, naming the range."""
    with pytest.raises(InvalidValue, match="outside"):
        _rule().resolve({name: value})


def test_a_rule_must_cite_a_source() -> None:
    """A rule without sources is refused."""
    with pytest.raises(InvalidValue) as caught:
        _rule(sources=())
    assert caught.value.field == "sources"


def test_a_rule_citing_an_unknown_source_is_refused() -> None:
    """Citations are checked against the sources table when the rule is built."""
    with pytest.raises(UnknownEntity):
        _rule(sources=("NOT-A-SOURCE",))


def test_a_rule_describes_itself_in_either_language() -> None:
    """describe gives id, level, statement and sources."""
    assert _rule().describe("en") == "[X1] (soft) a test rule — ARTICLE"
    assert _rule().describe("zh") == "[X1] (软约束) 测试规则 — ARTICLE"


def test_resolved_parameters_cannot_be_changed() -> None:
    """resolve returns a read-only mapping."""
    resolved = _rule().resolve()
    with pytest.raises(TypeError):
        resolved["days"] = 9  # type: ignore[index]
