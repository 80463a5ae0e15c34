"""A/B coverage, AB validation and leave approval."""

from __future__ import annotations

import datetime as dt

import pytest

from jiguan_core.absence import Absence, AbsenceKind
from jiguan_core.calendar import DateRange
from jiguan_core.development import (
    ABRoleError,
    CoverRole,
    DevelopmentPolicy,
    assess_leave,
    coverage,
    responsible_on,
    validate_ab_roles,
)
from jiguan_core.errors import IntegrityError, InvalidValue, JiguanError
from jiguan_core.examples.office import sample_office
from jiguan_core.organization import Organization
from jiguan_core.policy import Policy
from jiguan_core.post import ABRole, KeyArea
from jiguan_core.rule import Severity
from jiguan_core.time import TimeSpan
from tests.strategies_development import absence, build_office, off_site

FIN = frozenset({KeyArea.FINANCE})
MARCH = DateRange(dt.date(2025, 3, 1), dt.date(2025, 4, 1))


class TestWhoIsResponsible:
    def test_a_answers_when_present_b_when_a_is_away_and_nobody_when_both_are(self) -> None:
        """A, else B; both away on a working day is a gap."""
        office = build_office(
            departments=[[(2020, FIN), (2020, frozenset())]], ab=[("p01", "s01", "s02")]
        )
        absences = [
            absence("s01", dt.date(2025, 3, 3), dt.date(2025, 3, 5), 1),
            absence("s02", dt.date(2025, 3, 5), dt.date(2025, 3, 6), 2),
        ]
        post = coverage(office, MARCH, absences=absences).of("p01")
        assert post.responsible(dt.date(2025, 3, 3)) == "s02"
        assert post.role_on(dt.date(2025, 3, 3)) is CoverRole.B
        assert post.responsible(dt.date(2025, 3, 6)) == "s01"
        assert post.gaps == (dt.date(2025, 3, 5),)
        assert post.role_on(dt.date(2025, 3, 5)) is CoverRole.NOBODY

    def test_the_fallback_chain_covers_in_order(self) -> None:
        """With A and B away the first present person of the chain answers."""
        office = build_office(departments=[[(2020, FIN), (2020, frozenset()), (2020, frozenset())]])
        office = office.evolve(
            ab_roles=[ABRole(post_id="p01", a_id="s01", b_id="s02", fallback=("s03", "h0"))]
        )
        absences = [
            absence("s01", dt.date(2025, 3, 3), dt.date(2025, 3, 3), 1),
            absence("s02", dt.date(2025, 3, 3), dt.date(2025, 3, 3), 2),
            absence("s03", dt.date(2025, 3, 3), dt.date(2025, 3, 3), 3),
        ]
        assert responsible_on(office, "p01", dt.date(2025, 3, 3), absences=absences) == "h0"
        post = coverage(office, MARCH, absences=absences).of("p01")
        assert post.role_on(dt.date(2025, 3, 3)) is CoverRole.FALLBACK

    def test_off_site_activities_take_people_away_but_on_site_ones_do_not(self) -> None:
        """A research trip is an absence from the post; weekends never count."""
        office = build_office(
            departments=[[(2020, FIN), (2020, frozenset())]], ab=[("p01", "s01", "s02")]
        )
        trip = off_site(["s01", "s02"], dt.date(2025, 3, 7), dt.date(2025, 3, 9))
        post = coverage(office, MARCH, absences=[], activities=[trip]).of("p01")
        assert post.gaps == (dt.date(2025, 3, 7),)  # the 8th and 9th are a weekend

    def test_a_key_post_without_an_ab_role_is_answered_by_its_holder_alone(self) -> None:
        """No B: the holder's absence is a gap."""
        office = build_office(departments=[[(2020, FIN)]])
        report = coverage(
            office, MARCH, absences=[absence("s01", dt.date(2025, 3, 3), dt.date(2025, 3, 3))]
        )
        assert report.gaps == (("p01", dt.date(2025, 3, 3)),)

    def test_the_sample_a_and_b_away_in_may_are_covered_by_the_fallback(self) -> None:
        """A and B of the first key post are away 2025-05-26..28; the office head answers."""
        office = sample_office()
        role = office.ab_roles[0]
        report = coverage(office, DateRange(dt.date(2025, 5, 26), dt.date(2025, 5, 29)))
        post = report.of(role.post_id)
        assert [post.responsible(dt.date(2025, 5, d)) for d in (26, 27, 28)] == [
            role.fallback[0]
        ] * 3
        year = coverage(office, DateRange(dt.date(2025, 1, 1), dt.date(2026, 1, 1)))
        assert all("DEV-COVER" in line for line in year.render_lines("en"))
        assert year.gaps

    def test_a_non_working_day_has_nobody_to_ask_about(self) -> None:
        """responsible_on a Saturday is None."""
        office = sample_office()
        assert responsible_on(office, "p-office-1", dt.date(2025, 3, 8)) is None

    def test_an_unknown_post_is_named(self) -> None:
        """Asking about a post that does not exist raises UnknownEntity."""
        with pytest.raises(JiguanError, match="p-nope"):
            coverage(sample_office(), MARCH, post_ids=["p-nope"])


class TestABValidation:
    def test_the_sample_roles_are_valid(self) -> None:
        """Every sample B holds the post as a secondary post; nobody is B more than twice."""
        assert validate_ab_roles(sample_office(), dt.date(2025, 6, 1)) == ()

    def test_a_b_without_the_post_is_not_qualified(self) -> None:
        """B must hold the post (main or secondary) or, if allowed, have held it."""
        office = build_office(
            departments=[[(2020, FIN), (2020, frozenset())]], ab=[("p01", "s01", "s02")]
        )
        (finding,) = validate_ab_roles(office, dt.date(2025, 6, 1))
        assert (finding.code, finding.staff_ids) == ("b_not_qualified", ("s02",))

    def test_one_person_may_be_b_for_at_most_m_posts(self) -> None:
        """A third B role for the same person is reported with the posts named."""
        office = build_office(
            departments=[[(2020, FIN), (2020, FIN), (2020, FIN)], [(2020, frozenset())]],
            ab=[("p01", "s01", "s11"), ("p02", "s02", "s11"), ("p03", "s03", "s11")],
            secondary=[("s11", "p01")],
        )
        codes = [f.code for f in validate_ab_roles(office, dt.date(2025, 6, 1))]
        assert "b_overloaded" in codes
        relaxed = DevelopmentPolicy(max_b_posts=3)
        assert "b_overloaded" not in [
            f.code for f in validate_ab_roles(office, dt.date(2025, 6, 1), policy=relaxed)
        ]

    def test_a_key_post_without_a_role_and_an_a_who_does_not_hold_it_are_reported(self) -> None:
        """missing_ab and a_not_holder name the post and the person."""
        office = build_office(
            departments=[[(2020, FIN), (2020, FIN)], [(2020, frozenset())]],
            ab=[("p01", "s11", "s01")],
        )
        codes = sorted(f.code for f in validate_ab_roles(office, dt.date(2025, 6, 1)))
        assert codes == ["a_not_holder", "missing_ab"]

    def test_two_as_for_one_post_and_unknown_people_are_bad_input(self) -> None:
        """Proposed roles with two A's or an unknown person raise ABRoleError naming them."""
        office = build_office(departments=[[(2020, FIN), (2020, FIN)]])
        roles = [
            ABRole(post_id="p01", a_id="s01", b_id="s02"),
            ABRole(post_id="p01", a_id="s02", b_id="ghost"),
        ]
        with pytest.raises(ABRoleError) as caught:
            validate_ab_roles(office, dt.date(2025, 6, 1), roles=roles)
        text = str(caught.value)
        assert "two A" in text
        assert "ghost" in text

    def test_the_organization_refuses_two_roles_for_one_post(self) -> None:
        """Organization's own integrity check already names the post (reused, not duplicated)."""
        with pytest.raises(IntegrityError, match="p01"):
            build_office(
                departments=[[(2020, FIN), (2020, FIN)]],
                ab=[("p01", "s01", "s02"), ("p01", "s02", "s01")],
            )

    def test_a_fallback_chain_that_loops_back_is_refused(self) -> None:
        """A chain naming A again is a cycle: InvalidValue naming the post."""
        with pytest.raises(InvalidValue, match="p01"):
            ABRole(post_id="p01", a_id="s01", b_id="s02", fallback=("s03", "s01"))


class TestLeaveApproval:
    def test_a_leave_that_leaves_a_post_uncovered_is_not_approvable(self) -> None:
        """The fallback of the sample's first key post may not leave on the days A and B are away."""
        office = sample_office()
        role = office.ab_roles[0]
        leave = Absence(
            id="new-leave",
            staff_id=role.fallback[0],
            span=TimeSpan.whole_days(dt.date(2025, 5, 26), dt.date(2025, 5, 26)),
            kind=AbsenceKind.PERSONAL_LEAVE,
        )
        count = len(office.absences)
        result = assess_leave(office, leave)
        assert not result.approvable
        assert result.new_gaps == ((role.post_id, dt.date(2025, 5, 26)),)
        assert len(office.absences) == count
        assert any("DEV-COVER" in line for line in result.render_lines("en"))

    def test_a_harmless_leave_is_approvable_and_names_who_covers(self) -> None:
        """A's leave on a quiet day is approvable; B answers meanwhile."""
        office = build_office(
            departments=[[(2020, FIN), (2020, frozenset())]], ab=[("p01", "s01", "s02")]
        )
        leave = absence("s01", dt.date(2025, 3, 4), dt.date(2025, 3, 4))
        result = assess_leave(office, leave)
        assert result.approvable
        assert result.handovers == (("p01", dt.date(2025, 3, 4), "s02"),)
        assert result.scheduling == ()

    def test_a_leave_of_several_days_is_assessed_on_every_one_of_them(self) -> None:
        """A away Tuesday to Thursday: B answers on each of the three days, first and last too."""
        office = build_office(
            departments=[[(2020, FIN), (2020, frozenset())]], ab=[("p01", "s01", "s02")]
        )
        leave = absence("s01", dt.date(2025, 3, 4), dt.date(2025, 3, 6))
        result = assess_leave(office, leave)
        assert result.handovers == tuple(("p01", dt.date(2025, 3, day), "s02") for day in (4, 5, 6))

    def test_the_scheduling_rules_are_consulted(self) -> None:
        """A leave during a meeting the person attends brings the scheduling violation."""
        office = sample_office()
        leave = Absence(
            id="new-leave",
            staff_id="s007",
            span=TimeSpan.whole_days(dt.date(2025, 5, 26), dt.date(2025, 5, 26)),
            kind=AbsenceKind.PERSONAL_LEAVE,
        )
        result = assess_leave(office, leave)
        assert result.scheduling
        assert all("s007" in v.staff_ids for v in result.scheduling)

    def test_a_leave_with_an_existing_id_or_unknown_person_is_refused(self) -> None:
        """Bad input names the id or the person."""
        office = sample_office()
        taken = office.absences[0]
        with pytest.raises(JiguanError, match=taken.id):
            assess_leave(office, taken)
        stranger = absence("ghost", dt.date(2025, 3, 4), dt.date(2025, 3, 4))
        with pytest.raises(JiguanError, match="ghost"):
            assess_leave(office, stranger)


class TestHalfDays:
    @staticmethod
    def _away(staff_id: str, start: int, end: int, number: int) -> Absence:
        import pendulum

        return Absence(
            id=f"half{number}",
            staff_id=staff_id,
            span=TimeSpan(
                pendulum.datetime(2025, 3, 3, start, tz="Asia/Shanghai"),
                pendulum.datetime(2025, 3, 3, end, tz="Asia/Shanghai"),
            ),
            kind=AbsenceKind.PERSONAL_LEAVE,
        )

    def test_a_away_in_the_morning_and_b_in_the_afternoon_leave_no_gap(self) -> None:
        """Half-day absences are half days: B answers in the morning, A in the afternoon."""
        from jiguan_core.time import DayPart

        office = build_office(
            departments=[[(2020, FIN), (2020, frozenset())]], ab=[("p01", "s01", "s02")]
        )
        day = dt.date(2025, 3, 3)
        absences = [self._away("s01", 9, 12, 1), self._away("s02", 14, 17, 2)]
        post = coverage(office, MARCH, absences=absences).of("p01")
        assert post.gaps == ()
        assert post.responsible(day) == "s02"
        assert post.responsible(day, DayPart.MORNING) == "s02"
        assert post.responsible(day, DayPart.AFTERNOON) == "s01"
        assert post.role_on(day, DayPart.AFTERNOON) is CoverRole.A
        assert post.half_days == ((day, DayPart.MORNING, "s02"),)

    def test_both_away_in_the_same_half_is_a_gap_for_that_half(self) -> None:
        """A and B both away on the morning: the day is a gap, and the half says which."""
        from jiguan_core.time import DayPart

        office = build_office(
            departments=[[(2020, FIN), (2020, frozenset())]], ab=[("p01", "s01", "s02")]
        )
        day = dt.date(2025, 3, 3)
        absences = [self._away("s01", 9, 11, 1), self._away("s02", 10, 12, 2)]
        post = coverage(office, MARCH, absences=absences).of("p01")
        assert post.gaps == (day,)
        assert post.half_days == ((day, DayPart.MORNING, None),)
        assert post.responsible(day, DayPart.AFTERNOON) == "s01"


class TestCoverageUnderAPolicy:
    """DEV-COVER follows the one Policy: switched off, its level, unknown ids."""

    def office_and_absences(self) -> tuple[Organization, list[Absence]]:
        office = build_office(
            departments=[[(2020, FIN), (2020, frozenset())]], ab=[("p01", "s01", "s02")]
        )
        return office, [
            absence("s01", dt.date(2025, 3, 3), dt.date(2025, 3, 5), 1),
            absence("s02", dt.date(2025, 3, 5), dt.date(2025, 3, 6), 2),
        ]

    def test_switching_dev_cover_off_leaves_no_gap_but_still_nobody_answering(self) -> None:
        """A and B both away on 5 March: a gap by default; with DEV-COVER off no gap is found,
        and the day still has nobody responsible."""
        office, absences = self.office_and_absences()
        assert coverage(office, MARCH, absences=absences).gaps == (("p01", dt.date(2025, 3, 5)),)
        off = coverage(office, MARCH, absences=absences, policy=Policy(disabled={"DEV-COVER"}))
        assert off.gaps == ()
        assert off.of("p01").responsible(dt.date(2025, 3, 5)) is None
        assert off.of("p01").responsible(dt.date(2025, 3, 3)) == "s02"

    def test_the_report_carries_the_policys_level_for_dev_cover(self) -> None:
        office, absences = self.office_and_absences()
        assert coverage(office, MARCH, absences=absences).level is Severity.HARD
        softer = Policy(levels={"DEV-COVER": Severity.SOFT})
        assert coverage(office, MARCH, absences=absences, policy=softer).level is Severity.SOFT

    def test_a_leave_is_approvable_when_the_office_switches_dev_cover_off(self) -> None:
        """The sample's fallback leaving on the day A and B are away: refused by default,
        approvable when DEV-COVER is off (no scheduling rule breaks)."""
        office = sample_office()
        leave = Absence(
            id="new-leave",
            staff_id=office.ab_roles[0].fallback[0],
            span=TimeSpan.whole_days(dt.date(2025, 5, 26), dt.date(2025, 5, 26)),
            kind=AbsenceKind.PERSONAL_LEAVE,
        )
        off = assess_leave(office, leave, policy=Policy(disabled={"DEV-COVER"}))
        assert off.new_gaps == ()
        assert not assess_leave(office, leave).approvable

    def test_a_policy_that_is_not_one_is_refused(self) -> None:
        office, _ = self.office_and_absences()
        with pytest.raises(InvalidValue, match="policy must be"):
            coverage(office, MARCH, policy={"disabled": ["DEV-COVER"]})  # type: ignore[arg-type]
        with pytest.raises(JiguanError, match="DEV-COVERS"):
            Policy(disabled={"DEV-COVERS"})
