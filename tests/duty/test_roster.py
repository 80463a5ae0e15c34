"""The holiday duty roster: who is in charge and on duty (DUTY-Y1, DUTY-Y1-REST, DUTY-Y1-FAIR)."""

from __future__ import annotations

import datetime as dt
import sys

import pytest

from jiguan_core.absence import Absence, AbsenceKind
from jiguan_core.calendar import DateRange, WorkCalendar
from jiguan_core.catalogue import RuleArea, all_rules
from jiguan_core.duty import DutyGroup, duty_days, duty_roster, spring_festival_days
from jiguan_core.errors import InvalidValue, MissingExtra
from jiguan_core.organization import Organization
from jiguan_core.time import TimeSpan
from tests._two_processes import two_runs
from tests.strategies_office_work import duty_office

CALENDAR = WorkCalendar()
NATIONAL_DAY = DateRange(dt.date(2026, 10, 1), dt.date(2026, 10, 8))
SPRING = DateRange(dt.date(2026, 2, 14), dt.date(2026, 2, 25))


def office(leaders: int, staff: int) -> Organization:
    return duty_office(leaders, staff)


def away(staff_id: str, first: dt.date, last: dt.date, number: int = 1) -> Absence:
    return Absence(
        id=f"x{number}",
        staff_id=staff_id,
        span=TimeSpan.whole_days(first, last),
        kind=AbsenceKind.PERSONAL_LEAVE,
    )


class TestTheDutyCatalogue:
    def test_the_duty_rules_are_in_the_one_catalogue(self) -> None:
        """DUTY-Y1, DUTY-Y1-REST and DUTY-Y1-FAIR are gathered under RuleArea.DUTY."""
        ids = [info.id for info in all_rules() if info.area is RuleArea.DUTY]
        assert ids == ["DUTY-Y1", "DUTY-Y1-REST", "DUTY-Y1-FAIR"]


class TestDutyDays:
    def test_public_holidays_need_a_roster_and_ordinary_weekends_only_when_asked(self) -> None:
        """DUTY-Y1: the National Day holiday is 7 days; include_weekends adds 10-11 October
        (the 10th is a swapped working Saturday, so only the 11th)."""
        october = DateRange(dt.date(2026, 10, 1), dt.date(2026, 10, 12))
        assert len(duty_days(october, CALENDAR)) == 7
        assert duty_days(october, CALENDAR, include_weekends=True)[-1] == dt.date(2026, 10, 11)
        assert len(duty_days(october, CALENDAR, include_weekends=True)) == 8

    def test_the_spring_festival_is_found_from_the_official_holidays(self) -> None:
        """2026: 15 to 23 February."""
        days = spring_festival_days(CALENDAR, 2026)
        assert min(days) == dt.date(2026, 2, 15)
        assert max(days) == dt.date(2026, 2, 23)


class TestTheRoster:
    def test_every_holiday_has_one_leader_and_two_staff_nobody_away_is_rostered(self) -> None:
        """DUTY-Y1: 1 leader + 2 staff a day; S01 on leave 1-4 October is never on duty then."""
        absences = [away("S01", dt.date(2026, 10, 1), dt.date(2026, 10, 4))]
        roster = duty_roster(office(3, 6), NATIONAL_DAY, calendar=CALENDAR, absences=absences)
        assert roster.is_complete
        assert [len(d.leader_ids) for d in roster.days] == [1] * 7
        assert [len(d.staff_ids) for d in roster.days] == [2] * 7
        assert all("S01" not in d.staff_ids for d in roster.days[:4])

    def test_counts_within_each_group_differ_by_at_most_one(self) -> None:
        """DUTY-Y1-FAIR: 7 days over 3 leaders is 3/2/2; 14 duties over 6 staff is 3/3/2/2/2/2."""
        roster = duty_roster(office(3, 6), NATIONAL_DAY, calendar=CALENDAR)
        assert sorted(roster.counts(DutyGroup.LEADERS).values()) == [2, 2, 3]
        assert sorted(roster.counts(DutyGroup.STAFF).values()) == [2, 2, 2, 2, 3, 3]

    def test_nobody_is_on_duty_two_days_running_when_it_can_be_avoided(self) -> None:
        """DUTY-Y1-REST: with 3 leaders for 7 days nobody needs two days in a row."""
        roster = duty_roster(office(3, 6), NATIONAL_DAY, calendar=CALENDAR)
        for group in DutyGroup:
            for before, after in zip(roster.days, roster.days[1:], strict=False):
                assert not set(before.of(group)) & set(after.of(group))
        assert not [i for i in roster.issues if i.rule_id == "DUTY-Y1-REST"]

    def test_three_of_five_days_are_dealt_every_other_day(self) -> None:
        """DUTY-Y1-REST before DUTY-Y1-FAIR: 4 staff, 2 a day over the 5 May holidays: the two
        with three days take the 1st, 3rd and 5th, nobody has two running."""
        may = DateRange(dt.date(2026, 5, 1), dt.date(2026, 5, 6))
        roster = duty_roster(office(1, 4), may, calendar=CALENDAR)
        assert sorted(roster.counts(DutyGroup.STAFF).values()) == [2, 2, 3, 3]
        for before, after in zip(roster.days, roster.days[1:], strict=False):
            assert not set(before.staff_ids) & set(after.staff_ids)

    def test_an_unavoidable_second_day_running_is_reported(self) -> None:
        """DUTY-Y1-REST: one leader for a 7-day holiday is in charge every day, reported."""
        roster = duty_roster(
            office(1, 2),
            NATIONAL_DAY,
            calendar=CALENDAR,
            overrides={"DUTY-Y1": {"staff_per_day": 1}},
        )
        rest = [i for i in roster.issues if i.rule_id == "DUTY-Y1-REST"]
        leaders = [i for i in rest if i.group is DutyGroup.LEADERS]
        # The one leader, on each day from the second of the run (2-7 October) to its end.
        assert [i.day for i in leaders] == [dt.date(2026, 10, d) for d in range(2, 8)]
        assert len({i.staff_id for i in leaders}) == 1
        assert roster.proven
        assert "unavoidable, the two days need 2 places and only 1" in rest[0].message.en
        assert "无法避免" in rest[0].message.zh

    def test_two_leaders_take_a_seven_day_holiday_turn_about(self) -> None:
        """DUTY-Y1-REST, DUTY-Y1-FAIR: two leaders over National Day alternate (4 and 3 days),
        nobody is in charge two days running and nothing is reported."""
        roster = duty_roster(office(2, 4), NATIONAL_DAY, calendar=CALENDAR, engine="flow")
        assert [d.leader_ids for d in roster.days] == [("L1",), ("L2",)] * 3 + [("L1",)]
        assert roster.proven
        assert not roster.issues

    def test_the_exact_engine_avoids_a_running_duty_the_flow_roster_keeps(self) -> None:
        """DUTY-Y1-REST: two staff, one a day; S01 is away 3-7 October and S02 on the 4th. The
        flow roster has three running duties and cannot show that is the least; the exact
        engine finds two (5-6 and 6-7 October, when S02 is the only one free) and proves it."""
        pytest.importorskip("ortools", reason="the solver extra (OR-Tools) is not installed")
        absences = [
            away("S01", dt.date(2026, 10, 3), dt.date(2026, 10, 7), 1),
            away("S02", dt.date(2026, 10, 4), dt.date(2026, 10, 4), 2),
        ]
        rules = {"DUTY-Y1": {"leaders_per_day": 0, "staff_per_day": 1}}
        flow = duty_roster(
            office(0, 2),
            NATIONAL_DAY,
            calendar=CALENDAR,
            absences=absences,
            overrides=rules,
            engine="flow",
        )
        exact = duty_roster(
            office(0, 2),
            NATIONAL_DAY,
            calendar=CALENDAR,
            absences=absences,
            overrides=rules,
            engine="cpsat",
        )
        flow_rest = [i for i in flow.issues if i.rule_id == "DUTY-Y1-REST"]
        exact_rest = [i for i in exact.issues if i.rule_id == "DUTY-Y1-REST"]
        assert not flow.proven
        assert len(flow_rest) == 3
        assert all("not proven" in i.message.en for i in flow_rest)
        assert exact.proven
        assert [i.day for i in exact_rest] == [dt.date(2026, 10, 6), dt.date(2026, 10, 7)]
        assert all("unavoidable" in i.message.en for i in exact_rest)

    def test_a_spread_that_cannot_be_evener_is_explained_with_who_is_lowest(self) -> None:
        """DUTY-Y1-FAIR: three staff, one a day; S01 is away 2-7 October, so S01 has one day
        and the others three: the issue names S01 and the one day S01 is free on."""
        absences = [away("S01", dt.date(2026, 10, 2), dt.date(2026, 10, 7))]
        roster = duty_roster(
            office(0, 3),
            NATIONAL_DAY,
            calendar=CALENDAR,
            absences=absences,
            overrides={"DUTY-Y1": {"leaders_per_day": 0, "staff_per_day": 1}},
        )
        fair = [i for i in roster.issues if i.rule_id == "DUTY-Y1-FAIR"]
        assert sorted(roster.counts(DutyGroup.STAFF).values()) == [1, 3, 3]
        assert len(fair) == 1
        assert "S01, free on 1 of 7 duty days" in fair[0].message.en
        assert "S01" in fair[0].message.zh

    def test_without_the_solver_extra_auto_keeps_the_flow_roster_and_cpsat_says_what_to_install(
        self, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        """engine="auto" falls back to the flow roster (not proven) when OR-Tools is missing;
        engine="cpsat" raises MissingExtra naming the solver extra."""
        monkeypatch.setitem(sys.modules, "ortools.sat.python.cp_model", None)
        absences = [
            away("S01", dt.date(2026, 10, 3), dt.date(2026, 10, 7), 1),
            away("S02", dt.date(2026, 10, 4), dt.date(2026, 10, 4), 2),
        ]
        rules = {"DUTY-Y1": {"leaders_per_day": 0, "staff_per_day": 1}}
        roster = duty_roster(
            office(0, 2), NATIONAL_DAY, calendar=CALENDAR, absences=absences, overrides=rules
        )
        assert not roster.proven
        assert roster.to_data()["proven"] is False
        with pytest.raises(MissingExtra, match="solver"):
            duty_roster(
                office(0, 2),
                NATIONAL_DAY,
                calendar=CALENDAR,
                absences=absences,
                overrides=rules,
                engine="cpsat",
            )

    @pytest.mark.parametrize(
        ("argument", "value"), [("engine", "ilp"), ("work_limit", 0), ("work_limit", -1.0)]
    )
    def test_an_unknown_engine_or_a_work_limit_not_above_zero_is_refused(
        self, argument: str, value: object
    ) -> None:
        """engine is auto, flow or cpsat; work_limit is > 0."""
        with pytest.raises(InvalidValue, match=argument):
            duty_roster(office(1, 1), NATIONAL_DAY, calendar=CALENDAR, **{argument: value})

    def test_a_day_nobody_can_take_is_filled_as_far_as_possible_and_explained(self) -> None:
        """DUTY-Y1: both staff away on 3 October: the day is short by two, and says why."""
        absences = [
            away("S01", dt.date(2026, 10, 3), dt.date(2026, 10, 3), 1),
            away("S02", dt.date(2026, 10, 3), dt.date(2026, 10, 3), 2),
        ]
        roster = duty_roster(office(2, 2), NATIONAL_DAY, calendar=CALENDAR, absences=absences)
        assert not roster.is_complete
        short = [i for i in roster.issues if i.rule_id == "DUTY-Y1"]
        assert [(i.day, i.group) for i in short] == [(dt.date(2026, 10, 3), DutyGroup.STAFF)]
        assert "only 0 of 2" in short[0].message.en

    def test_spring_festival_days_weigh_more(self) -> None:
        """DUTY-Y1-FAIR spring_festival_weight = 2: of two leaders over the 9 festival days,
        the loads (not the counts) are kept even, each festival day counting two."""
        roster = duty_roster(office(2, 4), SPRING, calendar=CALENDAR)
        assert all(d.weight == 2 for d in roster.days)
        loads = roster.loads(DutyGroup.LEADERS)
        assert sorted(loads.values()) == [8, 10]

    def test_duty_done_earlier_in_the_year_is_balanced_out(self) -> None:
        """DUTY-Y1-FAIR with prior: a leader with 4 duties already gets none of the 7 days,
        which the others share 4/3 (loads 4/4/3)."""
        roster = duty_roster(office(3, 6), NATIONAL_DAY, calendar=CALENDAR, prior={"L1": 4})
        counts = roster.counts(DutyGroup.LEADERS)
        assert counts["L1"] == 0
        assert sorted([counts["L2"], counts["L3"]]) == [3, 4]

    def test_a_negative_prior_is_refused(self) -> None:
        """prior counts are whole numbers >= 0."""
        with pytest.raises(InvalidValue, match="prior"):
            duty_roster(office(1, 1), NATIONAL_DAY, calendar=CALENDAR, prior={"L1": -1})

    def test_the_same_input_gives_the_same_roster(self) -> None:
        """Determinism: two interpreters with different hash seeds write the same roster as
        this one, day by day."""
        first = duty_roster(office(4, 9), NATIONAL_DAY, calendar=CALENDAR)
        one, two = two_runs(
            "import datetime as dt\n"
            "from jiguan_core.calendar import DateRange, WorkCalendar\n"
            "from jiguan_core.duty import duty_roster\n"
            "from tests.strategies_office_work import duty_office\n"
            "days = DateRange(dt.date(2026, 10, 1), dt.date(2026, 10, 8))\n"
            "print(duty_roster(duty_office(4, 9), days, calendar=WorkCalendar()).render('zh'))\n"
        )
        assert one == two == first.render("zh") + "\n"
        assert "值班表" in first.render("zh")
