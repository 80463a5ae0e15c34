"""The one pattern vocabulary: a condition compares one field of a fact with a value or a rule
parameter; a single-fact pattern is a conjunction of conditions."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from jiguan_core.calendar import Granularity
from jiguan_core.errors import InvalidValue
from jiguan_core.patterns import (
    OPERATORS,
    Condition,
    CountPerPeriod,
    DailyCoverage,
    PairOfFacts,
    SingleFact,
)
from jiguan_core.text import Text


class TestAConditionComparesOneField:
    @pytest.mark.parametrize(
        ("op", "value", "found", "expected"),
        [
            ("==", 3, 3, True),
            ("==", 3, 4, False),
            ("!=", 3, 4, True),
            ("<", 3, 2, True),
            ("<", 3, 3, False),
            ("<=", 3, 3, True),
            (">", 3, 4, True),
            (">", 3, 3, False),
            (">=", 3, 3, True),
            ("==", "优秀", "优秀", True),
        ],
    )
    def test_each_operator_compares_the_field_with_the_value(
        self, op: str, value: int | str, found: int | str, expected: bool
    ) -> None:
        """``grade <op> value`` holds exactly when the comparison does."""
        condition = Condition("grade", op, value)  # type: ignore[arg-type]
        assert condition.matches({"grade": found}) is expected

    def test_a_fact_without_the_field_does_not_match(self) -> None:
        """A missing field is not a match, whatever the operator (even ``!=``)."""
        assert Condition("grade", "!=", 3).matches({"other": 1}) is False

    def test_a_number_never_equals_a_string(self) -> None:
        """5 and "5" differ: no engine coerces types, so all engines agree."""
        assert Condition("n", "==", "5").matches({"n": 5}) is False
        assert Condition("n", "!=", "5").matches({"n": 5}) is False
        assert Condition("n", "<", 5).matches({"n": "4"}) is False

    def test_an_unknown_operator_is_refused_naming_the_choices(self) -> None:
        """``=~`` is no operator: the error lists those there are, in both languages."""
        with pytest.raises(InvalidValue, match="=~") as raised:
            Condition("grade", "=~", 3)  # type: ignore[arg-type]
        assert raised.value.field == "op"
        assert "运算符" in raised.value.message_zh


class TestAConditionMayReadARuleParameter:
    def test_the_target_is_the_parameters_value(self) -> None:
        """With ``parameter``, the compared value comes from the rule's parameters."""
        condition = Condition("warnings", ">=", parameter="max_warnings")
        assert condition.target({"max_warnings": 2}) == 2
        assert condition.matches({"warnings": 2}, {"max_warnings": 2}) is True
        assert condition.matches({"warnings": 1}, {"max_warnings": 2}) is False

    @pytest.mark.parametrize("parameters", [None, {}, {"other": 1}])
    def test_a_missing_parameter_is_an_error_naming_it(self, parameters: object) -> None:
        """A condition on a parameter the caller did not pass is an InvalidValue, not a silent
        mismatch."""
        condition = Condition("warnings", ">=", parameter="max_warnings")
        with pytest.raises(InvalidValue, match="max_warnings") as raised:
            condition.matches({"warnings": 1}, parameters)  # type: ignore[arg-type]
        assert raised.value.field == "max_warnings"

    def test_a_condition_without_parameter_targets_its_value(self) -> None:
        """Without ``parameter`` the parameters are not read."""
        assert Condition("grade", "==", 3).target(None) == 3


class TestMembership:
    @pytest.mark.parametrize(
        "members", ["research, inspection", ("research", "inspection"), frozenset({"research"})]
    )
    def test_in_tests_membership_of_a_list_or_a_comma_separated_string(
        self, members: object
    ) -> None:
        """``kind in <kinds>``: the parameter is a collection or "a, b" text."""
        condition = Condition("kind", "in", parameter="kinds")
        assert condition.matches({"kind": "research"}, {"kinds": members}) is True
        assert condition.matches({"kind": "meeting"}, {"kinds": members}) is False

    def test_in_with_a_single_value_is_equality(self) -> None:
        """A single (non-collection) value is a set of one."""
        condition = Condition("year", "in", 2025)
        assert condition.matches({"year": 2025}) is True
        assert condition.matches({"year": 2024}) is False

    def test_blank_entries_of_a_comma_separated_string_are_ignored(self) -> None:
        """ "a, , b" has the members a and b; the empty string is none of them."""
        condition = Condition("kind", "in", "a, , b")
        assert condition.matches({"kind": "b"}) is True
        assert condition.matches({"kind": ""}) is False


class TestReadingAConditionBack:
    def test_a_condition_renders_as_field_operator_target(self) -> None:
        """A value shows as its repr; a parameter in angle brackets."""
        assert Condition("grade", "==", "优秀").render() == "grade == '优秀'"
        assert Condition("warnings", ">=", parameter="max").render() == "warnings >= <max>"

    def test_a_single_fact_pattern_lists_its_conditions_as_tuples(self) -> None:
        """``as_tuples`` is (field, op, value) per condition, in order."""
        pattern = SingleFact(
            id="X/y",
            table="person_year",
            conditions=(Condition("grade", "==", "优秀"), Condition("warnings", ">", 0)),
        )
        assert pattern.as_tuples() == (("grade", "==", "优秀"), ("warnings", ">", 0))


def _oracle(op: str, found: int, value: int) -> bool:
    """The comparison written out, independent of the library's operator table."""
    if op == "==":
        return found == value
    if op == "!=":
        return found != value
    if op == "<":
        return found < value
    if op == "<=":
        return found <= value
    if op == ">":
        return found > value
    return found >= value


class TestASingleFactPatternIsAConjunction:
    @given(
        fact=st.fixed_dictionaries({"a": st.integers(-3, 3), "b": st.integers(-3, 3)}),
        ops=st.lists(st.sampled_from(sorted(OPERATORS)), min_size=2, max_size=2),
        values=st.lists(st.integers(-3, 3), min_size=2, max_size=2),
    )
    def test_it_matches_exactly_when_every_condition_holds(
        self, fact: dict[str, int], ops: list[str], values: list[int]
    ) -> None:
        """Against a brute-force oracle: the pattern matches iff both comparisons hold."""
        pattern = SingleFact(
            id="X/y",
            table="t",
            conditions=(
                Condition("a", ops[0], values[0]),  # type: ignore[arg-type]
                Condition("b", ops[1], values[1]),  # type: ignore[arg-type]
            ),
        )
        expected = _oracle(ops[0], fact["a"], values[0]) and _oracle(ops[1], fact["b"], values[1])
        assert pattern.matches(fact) is expected

    def test_a_pattern_without_conditions_matches_every_fact(self) -> None:
        """The empty conjunction is true: every fact of the table matches."""
        assert SingleFact(id="X/all", table="t", conditions=()).matches({"a": 1}) is True


class TestTheOtherPatternKindsAreData:
    def test_pair_count_and_coverage_patterns_keep_what_they_are_given(self) -> None:
        """The engines read these fields; the defaults are an overlap on a shared key."""
        text = Text("说明", "description")
        pair = PairOfFacts(id="P/x", left="attendance", right="absence", description=text)
        assert (pair.within_days, pair.by_key, pair.unless) == (None, True, None)
        count = CountPerPeriod(
            id="C/x", table="trip", period=Granularity.MONTH, limit="max", description=text
        )
        assert (count.table, count.period, count.limit) == ("trip", Granularity.MONTH, "max")
        cover = DailyCoverage(id="D/x", table="leader_away", minimum="min", description=text)
        assert (cover.table, cover.minimum) == ("leader_away", "min")
