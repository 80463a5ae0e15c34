"""Consequences over several years, the flat facts, and awards."""

from __future__ import annotations

import datetime as dt

import pytest

from jiguan_core.assessment import (
    ASSESSMENT_CATALOGUE,
    AwardKind,
    ConsequenceKind,
    Grade,
    Honour,
    HonourLevel,
    Ungraded,
    YearOutcome,
    consequences,
    honour_counts,
    person_year_facts,
)
from jiguan_core.assessment.evaluate import PatternIndex, patterns_of
from jiguan_core.errors import InvalidInput

E, C = Grade.EXCELLENT, Grade.COMPETENT


def _h(year: int, grade: Grade | None, person: str = "p01") -> YearOutcome:
    return YearOutcome(
        staff_id=person, year=year, grade=grade, ungraded=None if grade else Ungraded.EXEMPT
    )


def test_facts_are_flat_ints_and_strings() -> None:
    """Every fact value is an int or a str, so a rules engine can take it."""
    facts = person_year_facts([_h(2021, E), _h(2022, None), _h(2023, C)])
    assert all(isinstance(v, int | str) for fact in facts for v in fact.values())
    assert [f["excellent_run"] for f in facts] == [1, 0, 0]


def test_a_missing_year_breaks_the_excellent_run() -> None:
    """2021, 2022, 2024 excellent: no merit in 2024 because 2023 is missing."""
    history = [_h(2021, E), _h(2022, E), _h(2024, E)]
    assert ConsequenceKind.THIRD_CLASS_MERIT not in {c.kind for c in consequences(history)}


def test_the_run_restarts_after_a_merit() -> None:
    """Six excellent years give two merits (2023 and 2026)."""
    history = [_h(y, E) for y in range(2021, 2027)]
    merits = [c.year for c in consequences(history) if c.kind is ConsequenceKind.THIRD_CLASS_MERIT]
    assert merits == [2023, 2026]


def test_a_person_year_given_twice_is_refused() -> None:
    """Duplicates and records with both or neither of grade and reason are errors."""
    with pytest.raises(InvalidInput, match="twice"):
        person_year_facts([_h(2021, E), _h(2021, C)])
    with pytest.raises(InvalidInput, match="exactly one"):
        person_year_facts([YearOutcome(staff_id="p01", year=2021)])


def test_the_indexed_evaluation_equals_testing_every_pattern() -> None:
    """PatternIndex finds exactly the matches of a plain loop over all patterns."""
    history = [
        _h(y, g, p)
        for p in ("a", "b")
        for y, g in zip(range(2019, 2026), [E, E, E, C, None, C, C], strict=True)
    ]
    facts = person_year_facts(history)
    patterns = patterns_of(ASSESSMENT_CATALOGUE)
    plain = {(p.id, i) for i, f in enumerate(facts) for p in patterns if p.matches(f)}
    assert PatternIndex(patterns).matches(facts) == plain


def test_honours_are_counted_in_person_times_per_level() -> None:
    """The same person twice counts twice; outside the period does not count."""
    honours = [
        Honour(
            staff_id="p01",
            kind=AwardKind.ADVANCED_INDIVIDUAL,
            level=HonourLevel.PROVINCIAL,
            day=dt.date(2024, 5, 1),
        ),
        Honour(
            staff_id="p01",
            kind=AwardKind.ADVANCED_INDIVIDUAL,
            level=HonourLevel.PROVINCIAL,
            day=dt.date(2025, 5, 1),
        ),
        Honour(
            staff_id="p02",
            kind=AwardKind.COMMENDATION,
            level=HonourLevel.MUNICIPAL,
            day=dt.date(2023, 5, 1),
        ),
    ]
    counts = dict(honour_counts(honours, dt.date(2024, 1, 1), dt.date(2026, 1, 1)))
    assert counts[HonourLevel.PROVINCIAL] == 2
    assert counts[HonourLevel.MUNICIPAL] == 0


def test_a_consequence_renders_with_its_source() -> None:
    """The Chinese line names the consequence and cites the rule."""
    (first, *_) = consequences([_h(2021, E)])
    lines = [c.render("zh") for c in consequences([_h(2021, E)])]
    assert "p01 2021: 嘉奖 [A8 — 公务员考核规定 18]" in lines
    del first


def test_a_later_warning_keeps_the_demerits_effects_for_its_remaining_time() -> None:
    """S3 merge: 记过 2024-03-01 then 警告 2024-12-01. On 1 January 2025 the 记过 still runs,
    so the pay step is deferred (S2) and no award is given (W2), exactly as with the 记过 alone."""
    from jiguan_core.assessment import Sanction, SanctionKind, award_eligibility, sanction_periods

    def history() -> list[YearOutcome]:
        return [
            YearOutcome(staff_id="p01", year=year, grade=Grade.COMPETENT, ungraded=None)
            for year in range(2021, 2025)
        ]

    demerit = Sanction(staff_id="p01", kind=SanctionKind.DEMERIT, start=dt.date(2024, 3, 1))
    warning = Sanction(staff_id="p01", kind=SanctionKind.WARNING, start=dt.date(2024, 12, 1))
    alone = sanction_periods([demerit])
    merged = sanction_periods([demerit, warning])
    for periods in (alone, merged):
        kinds = {c.kind for c in consequences(history(), periods=periods) if c.year == 2024}
        assert ConsequenceKind.PAY_STEP_DEFERRED in kinds
        assert ConsequenceKind.NO_PROMOTION in kinds
        (award,) = award_eligibility(
            ["p01"], year=2024, on=dt.date(2025, 2, 15), history=history(), periods=periods
        )
        assert not award.eligible
        assert "demerit runs until 2025-03-01" in award.reasons[0][1].en


def test_a_demotion_names_the_level_below_in_the_language_asked() -> None:
    """A13 with the office: 县处级副职 → 乡科级正职, in Chinese and in English."""
    from jiguan_core.staff import Level
    from tests.strategies_assessment import tiny_office

    office = tiny_office(["p01"], level=Level.DIVISION_DEPUTY)
    (demotion,) = consequences(
        [YearOutcome(staff_id="p01", year=2025, grade=Grade.INCOMPETENT)], office=office
    )
    assert demotion.kind is ConsequenceKind.DEMOTION
    assert "（县处级副职 → 乡科级正职）" in demotion.render("zh")
    assert "(division deputy → section head)" in demotion.render("en")


def test_year_outcomes_from_a_result_are_of_the_class_asked_for() -> None:
    """``from_result`` on a subclass builds the subclass, each outcome's fields kept."""
    import attrs

    from jiguan_core.assessment import assess_year
    from tests.strategies_assessment import SIMPLE, YEAR, tiny_office, year_records

    @attrs.frozen(kw_only=True)
    class Mine(YearOutcome):
        pass

    scores = {"p01": 90.0, "p02": 80.0}
    result = assess_year(tiny_office(scores), year_records(scores), YEAR, policy=SIMPLE)
    mine = Mine.from_result(result)
    assert [type(o) for o in mine] == [Mine, Mine]
    assert [(o.staff_id, o.year, o.grade) for o in mine] == [
        ("p01", YEAR, Grade.COMPETENT),
        ("p02", YEAR, Grade.COMPETENT),
    ]


def test_year_outcomes_from_a_result_refuse_what_the_constructor_refuses() -> None:
    """An outcome edited to an id with spaces is refused, as ``YearOutcome(...)`` would."""
    import attrs

    from jiguan_core.assessment import assess_year
    from jiguan_core.errors import InvalidValue
    from tests.strategies_assessment import SIMPLE, YEAR, tiny_office, year_records

    scores = {"p01": 90.0}
    result = assess_year(tiny_office(scores), year_records(scores), YEAR, policy=SIMPLE)
    edited = attrs.evolve(result, outcomes=(attrs.evolve(result.outcomes[0], staff_id=" p01"),))
    with pytest.raises(InvalidValue, match="staff_id"):
        YearOutcome.from_result(edited)
    for field, value in (("grade", "excellent"), ("ungraded", "probation")):
        edited = attrs.evolve(
            result, outcomes=(attrs.evolve(result.outcomes[0], **{field: value}),)
        )
        with pytest.raises(InvalidValue, match=field):
            YearOutcome.from_result(edited)


def _kinds_by_year(history: list[YearOutcome], kind: ConsequenceKind) -> list[int]:
    return [c.year for c in consequences(history) if c.kind is kind]


def test_a_missing_year_breaks_a_run_of_excellent_years() -> None:
    """A9 needs three 优秀 years in a row: 2021-22, no record for 2023, then 2024-26: the third
    year of the new run (2026) earns the merit, not 2025."""
    years = (2021, 2022, 2024, 2025, 2026)
    history = [_h(year, E) for year in years]
    assert _kinds_by_year(history, ConsequenceKind.THIRD_CLASS_MERIT) == [2026]


def test_two_incompetent_years_in_a_row_after_a_competent_one_flag_dismissal() -> None:
    """A14: 称职 in 2023, 不称职 in 2024 and 2025: dismissal in 2025."""
    history = [_h(2023, C), _h(2024, Grade.INCOMPETENT), _h(2025, Grade.INCOMPETENT)]
    assert _kinds_by_year(history, ConsequenceKind.DISMISSAL) == [2025]


def _sanctioned(*sanctions: tuple[str, str, dt.date]) -> list[object]:
    from jiguan_core.assessment import Sanction, SanctionKind, sanction_periods

    return list(
        sanction_periods(
            [Sanction(staff_id=p, kind=SanctionKind(k), start=day) for p, k, day in sanctions]
        )
    )


def test_the_sanction_facts_of_a_year_tell_a_heavy_period_from_a_warning_in_the_year() -> None:
    """p01: 记过 from June 2024 overlaps 2025 (heavy, A7); p02: a 警告 of 2024 running into 2025
    is neither heavy nor a warning *in* 2025 (A6); p03: a 警告 decided in 2025 is."""
    periods = _sanctioned(
        ("p01", "demerit", dt.date(2024, 6, 1)),
        ("p02", "warning", dt.date(2024, 10, 1)),
        ("p03", "warning", dt.date(2025, 3, 1)),
    )
    history = [_h(2025, C, person) for person in ("p01", "p02", "p03")]
    facts = {
        f["staff_id"]: (f["heavy_sanction_in_period"], f["warning_in_year"])
        for f in person_year_facts(history, periods=periods)  # type: ignore[arg-type]
    }
    assert facts == {"p01": (1, 0), "p02": (0, 0), "p03": (0, 1)}


def test_a_sanction_still_running_on_1_january_blocks_the_years_promotion() -> None:
    """S2 takes effect on 1 January of the next year: a 警告 from 2 July 2025 ends on
    2 January 2026 and blocks; one from 1 July 2025 ended on 1 January and does not."""
    periods = _sanctioned(
        ("p01", "warning", dt.date(2025, 7, 2)), ("p02", "warning", dt.date(2025, 7, 1))
    )
    history = [_h(2025, C, "p01"), _h(2025, C, "p02")]
    blocked = {
        c.staff_id
        for c in consequences(history, periods=periods)  # type: ignore[arg-type]
        if c.kind is ConsequenceKind.NO_PROMOTION
    }
    assert blocked == {"p01"}


def test_a_protected_situation_counts_for_the_years_it_touches() -> None:
    """A14: maternity ending on 2 January 2025 (so covering 1 January) still protects 2025;
    nursing from 1 January 2026 does not protect 2025, nor maternity that ended on 1 January 2025
    (the end day is outside the period)."""
    from jiguan_core.assessment import ProtectedKind, ProtectedPeriod

    incompetent = Grade.INCOMPETENT
    history = [_h(y, incompetent, p) for p in ("p01", "p02", "p03") for y in (2024, 2025)]
    protected = [
        ProtectedPeriod(
            staff_id="p01",
            kind=ProtectedKind.MATERNITY,
            start=dt.date(2024, 7, 15),
            end=dt.date(2025, 1, 2),
        ),
        ProtectedPeriod(staff_id="p02", kind=ProtectedKind.NURSING, start=dt.date(2026, 1, 1)),
        ProtectedPeriod(
            staff_id="p03",
            kind=ProtectedKind.MATERNITY,
            start=dt.date(2024, 7, 1),
            end=dt.date(2025, 1, 1),
        ),
    ]
    found = {
        (c.staff_id, c.kind)
        for c in consequences(history, protected=protected)
        if c.year == 2025
        and c.kind in (ConsequenceKind.DISMISSAL, ConsequenceKind.DISMISSAL_WITHHELD)
    }
    assert found == {
        ("p01", ConsequenceKind.DISMISSAL_WITHHELD),
        ("p02", ConsequenceKind.DISMISSAL),
        ("p03", ConsequenceKind.DISMISSAL),
    }


def test_the_facts_of_an_ungraded_year_name_its_reason() -> None:
    """A3, A4, A5: one flag per reason, and none for a graded year."""
    history = [
        YearOutcome(staff_id="p01", year=2025, ungraded=Ungraded.PROBATION),
        YearOutcome(staff_id="p02", year=2025, ungraded=Ungraded.LONG_LEAVE),
        YearOutcome(staff_id="p03", year=2025, ungraded=Ungraded.UNDER_INVESTIGATION),
        _h(2025, C, "p04"),
    ]
    history.append(_h(2025, Grade.BASICALLY_COMPETENT, "p05"))
    facts = {
        f["staff_id"]: (
            f["on_probation"],
            f["leave_excess_days"],
            f["investigation_open"],
            f["counts_for_step"],
        )
        for f in person_year_facts(history)
    }
    # Only a 称职 (or 优秀) year counts towards the pay step (A10, A11).
    assert facts == {
        "p01": (1, 0, 0, 0),
        "p02": (0, 1, 0, 0),
        "p03": (0, 0, 1, 0),
        "p04": (0, 0, 0, 1),
        "p05": (0, 0, 0, 0),
    }


def test_the_facts_of_two_plain_competent_years() -> None:
    """A10 counts 称职 years: the second makes a pay step due (2 years), the 级别 needs 5; every
    other flag is 0 (no run, no sanction, no protection)."""
    quiet = dict.fromkeys(
        (
            "on_probation",
            "leave_excess_days",
            "investigation_open",
            "heavy_sanction_in_period",
            "warning_in_year",
            "excellent_run",
            "excellent_run_due",
            "incompetent_run",
            "incompetent_run_due",
            "pay_step_blocked",
            "promotion_blocked",
            "party_sanction_running",
            "award_blocked",
            "protected",
        ),
        0,
    )
    common = {"staff_id": "p01", "grade": "competent", "ungraded": "", "counts_for_step": 1}
    assert person_year_facts([_h(2024, C), _h(2025, C)]) == [
        {
            **common,
            **quiet,
            "year": 2024,
            "step_years": 1,
            "step_due": 0,
            "grade_years": 1,
            "grade_step_due": 0,
        },
        {
            **common,
            **quiet,
            "year": 2025,
            "step_years": 2,
            "step_due": 1,
            "grade_years": 2,
            "grade_step_due": 0,
        },
    ]


def test_a_consequence_is_a_finding_dated_31_december_of_its_year() -> None:
    (commendation, *_) = consequences([_h(2025, E)])
    finding = commendation.to_finding()
    assert finding.dates == (dt.date(2025, 12, 31),)
    assert finding.rule_id == "A8"
