"""One Finding for every area: rule, part, level, subjects, dates, message, cited sources."""

from __future__ import annotations

import datetime as dt
import json
import pickle

import pytest
from hypothesis import given, settings

from jiguan_core.errors import InvalidValue, JiguanError
from jiguan_core.finding import Finding
from jiguan_core.rule import Severity
from jiguan_core.rules import check
from jiguan_core.rules.report import Report
from jiguan_core.text import Text
from tests.strategies_rules import calendars, policies, small_office


def _finding() -> Finding:
    return Finding.of(
        "A6",
        message=Text("张三当年受警告处分，不得评为优秀", "Zhang San was warned this year"),
        subjects={"staff": ["s002", "s001", "s001"]},
        dates=[dt.date(2025, 12, 31), dt.date(2025, 1, 1)],
    )


class TestAFinding:
    def test_a_finding_made_from_the_catalogue_cites_the_rules_sources(self) -> None:
        """Finding.of takes the rule's sources and level from the one catalogue."""
        finding = _finding()
        assert finding.sources == ("A6",)
        assert finding.level is Severity.HARD
        assert "公务员考核规定 29(1)" in finding.render("zh")
        assert finding.render("en").startswith("[A6 hard] Zhang San was warned this year — A6 ")

    def test_subjects_and_dates_are_sorted_without_repeats(self) -> None:
        """The same finding is built from ids in any order."""
        finding = _finding()
        assert finding.ids("staff") == ("s001", "s002")
        assert finding.ids("activity") == ()
        assert finding.dates == (dt.date(2025, 1, 1), dt.date(2025, 12, 31))

    @pytest.mark.parametrize(
        ("subjects", "culprit"),
        [({"people": ["s1"]}, "people"), ({"staff": "s1"}, "staff"), ({"staff": [1]}, "staff")],
    )
    def test_bad_subjects_are_refused_by_name(
        self, subjects: dict[str, object], culprit: str
    ) -> None:
        """An unknown subject kind or ids that are not strings raise InvalidValue."""
        with pytest.raises(InvalidValue, match=culprit):
            Finding.of("A6", message=Text("x", "x"), subjects=subjects)  # type: ignore[arg-type]

    def test_a_finding_round_trips_through_json_and_pickle(self) -> None:
        """JSON text and pickles give back an equal finding."""
        finding = _finding()
        text = json.dumps(finding.to_dict(), ensure_ascii=False)
        assert Finding.from_dict(json.loads(text)) == finding
        assert pickle.loads(pickle.dumps(finding)) == finding

    def test_bad_json_for_a_finding_is_a_clear_error(self) -> None:
        """A level that is not hard/medium/soft is named in the error."""
        data = _finding().to_dict() | {"level": "fatal"}
        with pytest.raises(JiguanError, match="fatal"):
            Finding.from_dict(data)


class TestAReportAsFindings:
    def test_every_violation_of_the_sample_office_is_a_finding_citing_its_sources(self) -> None:
        """Each finding names the violation's rule, part, subjects and day, and its sources."""
        from jiguan_core import sample_office

        report = check(sample_office())
        assert len(report.findings) == len(report.violations) > 0
        for violation, finding in zip(report.violations, report.findings, strict=True):
            assert finding.rule_id == violation.rule_id
            assert finding.part == violation.part
            assert finding.level is violation.level
            assert finding.ids("activity") == violation.activity_ids
            assert finding.ids("staff") == violation.staff_ids
            assert finding.dates == ((violation.day,) if violation.day else ())
            assert finding.sources
            assert finding.sources[0] in finding.render("en")

    @settings(max_examples=40)
    @given(calendar=calendars(), policy=policies())
    def test_a_report_round_trips_through_json(self, calendar, policy) -> None:  # type: ignore[no-untyped-def]
        """Report.to_dict → JSON text → Report.from_dict gives an equal report, score included."""
        activities, absences = calendar
        report = check(small_office(), activities=activities, absences=absences, policy=policy)
        text = json.dumps(report.to_dict(), ensure_ascii=False, sort_keys=True)
        again = Report.from_dict(json.loads(text))
        assert again == report
        assert again.score == report.score
        assert [v.message for v in again.violations] == [v.message for v in report.violations]
        assert json.loads(text)["score"]["hard"] == -report.score.hard  # the sign of "-68hard"

    def test_the_json_of_a_report_carries_the_sources(self) -> None:
        """A reader of the JSON alone can look each rule up in docs/regulations.md."""
        from jiguan_core import sample_office

        data = check(sample_office()).to_dict()
        assert all(v["sources"] for v in data["violations"])
        assert data["violations"][0]["sources"] == ["ARTICLE-COORD"]

    def test_a_report_of_the_wrong_shape_is_refused(self) -> None:
        """Violations that are not a list raise InvalidValue naming them."""
        with pytest.raises(InvalidValue, match="violations"):
            Report.from_dict({"violations": {}})


class TestEveryAreaGivesTheOneFinding:
    """Each area's own result type is told as the one Finding, citing the rule's sources."""

    AS_OF = dt.date(2025, 6, 1)

    def test_an_avoidance_case_is_a_finding_naming_both_relatives(self) -> None:
        """DEV-T5: the spouses s007/s008 of the sample office, with CSL 74 cited."""
        from jiguan_core import sample_office
        from jiguan_core.development import check_avoidance

        finding = check_avoidance(sample_office(), self.AS_OF)[0].to_finding()
        assert finding.rule_id == "DEV-T5"
        assert finding.ids("staff") == ("s007", "s008")
        assert "公务员法 74" in finding.render("zh")

    def test_a_missing_secondary_post_is_a_finding_about_that_person(self) -> None:
        """DEV-SECONDARY names the person who has not claimed a secondary post."""
        from jiguan_core import sample_office
        from jiguan_core.development import validate_secondary

        found = validate_secondary(sample_office(), self.AS_OF)
        findings = [f.to_finding() for f in found]
        assert [f.ids("staff") for f in findings] == [f.staff_ids for f in found]
        assert {f.rule_id for f in findings} == {"DEV-SECONDARY"}

    def test_a_consequence_is_a_finding_dated_at_the_years_end(self) -> None:
        """A8: an 优秀 year's 嘉奖 is dated 31 December of that year."""
        from jiguan_core.assessment import Grade, YearOutcome, consequences

        history = [YearOutcome(staff_id="p01", year=2025, grade=Grade.EXCELLENT)]
        findings = [c.to_finding() for c in consequences(history)]
        commendation = next(f for f in findings if f.part == "commendation")
        assert commendation.rule_id == "A8"
        assert commendation.dates == (dt.date(2025, 12, 31),)
        assert commendation.ids("staff") == ("p01",)
        assert "嘉奖" in commendation.message.zh

    def test_a_wrong_first_topic_is_a_finding_about_that_record(self) -> None:
        """WORK-FIRST-TOPIC names the study meeting's record and its day."""
        from jiguan_core.work import first_topic_findings
        from jiguan_core.work.sample import sample_instructions, sample_records

        found = first_topic_findings(sample_records(), sample_instructions())
        finding = found[0].to_finding()
        assert finding.rule_id == "WORK-FIRST-TOPIC"
        assert finding.ids("record") == (found[0].record_id,)
        assert finding.dates == (found[0].on,)

    def test_switching_DEV_T5_off_in_the_one_policy_silences_the_avoidance_check(self) -> None:
        """A disabled development rule finds nothing."""
        from jiguan_core import sample_office
        from jiguan_core.development import check_avoidance
        from jiguan_core.policy import Policy

        assert check_avoidance(sample_office(), self.AS_OF, policy=Policy())
        assert (
            check_avoidance(sample_office(), self.AS_OF, policy=Policy(disabled={"DEV-T5"})) == ()
        )

    def test_a_finding_takes_the_policys_level(self) -> None:
        """An office that lowers DEV-SECONDARY to soft sees soft findings."""
        from jiguan_core import sample_office
        from jiguan_core.development import validate_secondary
        from jiguan_core.policy import Policy

        policy = Policy(levels={"DEV-SECONDARY": Severity.SOFT})
        found = validate_secondary(sample_office(), self.AS_OF, policy=policy)
        assert {f.to_finding(policy.level(f.rule_id)).level for f in found} == {Severity.SOFT}
