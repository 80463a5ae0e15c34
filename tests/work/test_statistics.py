"""Period statistics and the 余 convention, in the article's words."""

from __future__ import annotations

import datetime as dt

import pytest

from jiguan_core.errors import InvalidValue, JiguanError
from jiguan_core.examples.work import SAMPLE_AS_OF, SAMPLE_SINCE, sample_record_book
from jiguan_core.work.records import Record, RecordBook, RecordKind, Tier
from jiguan_core.work.statistics import (
    Metric,
    YuConvention,
    reference_statistics,
    render_figure,
    render_statistics,
    since_text,
    statistics,
    yu_round,
)

DAY = dt.date(2024, 3, 5)


def _book() -> RecordBook:
    records = [
        Record(
            id="r1",
            kind=RecordKind.TRAINING,
            on=DAY,
            title="培训",
            department_id="d-a",
            participants=["p1", "p2", "p3"],
        ),
        Record(
            id="r2",
            kind=RecordKind.TRAINING,
            on=DAY,
            title="培训",
            department_id="d-b",
            participants=["p1"],
        ),
        Record(id="r3", kind=RecordKind.STUDY_SESSION, on=DAY, title="学习", department_id="d-a"),
        Record(
            id="r4",
            kind=RecordKind.PUBLICATION,
            on=DAY,
            title="稿件",
            department_id="d-b",
            participants=["p2"],
            level=Tier.PROVINCIAL,
        ),
    ]
    return RecordBook(records=records, staff_ids=["p1", "p2", "p3"], department_ids=["d-a", "d-b"])


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (83, (80, True)),
        (80, (80, False)),
        (235, (200, True)),
        (9, (9, False)),
        (1234, (1000, True)),
    ],
)
def test_the_yu_convention_keeps_the_leading_digit(value: int, expected: tuple[int, bool]) -> None:
    """83 -> 80余, 235 -> 200余, 80 stays 80, 9 stays 9."""
    assert yu_round(value) == expected


def test_two_significant_digits_keep_more() -> None:
    """1234 -> 1200余 with two digits."""
    assert yu_round(1234, significant_digits=2) == (1200, True)


def test_a_negative_figure_is_refused() -> None:
    """Figures are counts."""
    with pytest.raises(InvalidValue):
        yu_round(-1)


def test_publications_are_exact_by_default_as_in_the_article() -> None:
    """省级媒体发表稿件98篇, not 90余篇."""
    convention = YuConvention()
    assert render_figure(Metric.PUBLICATIONS_PROVINCIAL, 98, "zh", convention) == "98篇"
    assert render_figure(Metric.STUDY_SESSIONS, 83, "zh", convention) == "80余次"
    assert render_figure(Metric.TRAINING_PERSON_TIMES, 215, "zh", convention) == "200余人次"
    assert render_figure(Metric.STUDY_SESSIONS, 83, "en", convention) == "over 80"
    assert render_figure(Metric.STUDY_SESSIONS, 83, "zh") == "83次"


def test_the_convention_is_checked_against_its_rule() -> None:
    """significant_digits=0 is outside the rule's range."""
    assert YuConvention.of({"significant_digits": 2}).significant_digits == 2
    with pytest.raises(JiguanError):
        YuConvention.of({"significant_digits": 0})


def test_counts_and_person_times_are_told_apart() -> None:
    """Two trainings with 4 participants in all: 4 person-times; one study session: 1."""
    stats = statistics(_book(), dt.date(2024, 1, 1), dt.date(2025, 1, 1))
    assert stats[Metric.TRAINING_PERSON_TIMES] == 4
    assert stats[Metric.STUDY_SESSIONS] == 1
    assert stats[Metric.PUBLICATIONS_PROVINCIAL] == 1
    assert stats.by_department["d-a"][Metric.TRAINING_PERSON_TIMES] == 3
    assert stats.by_person["p1"][Metric.TRAINING_PERSON_TIMES] == 2
    assert "d-b" in stats.by_department


def test_the_period_is_half_open() -> None:
    """A record on the end day is not counted."""
    assert statistics(_book(), dt.date(2024, 1, 1), DAY)[Metric.STUDY_SESSIONS] == 0
    assert statistics(_book(), DAY, DAY + dt.timedelta(1))[Metric.STUDY_SESSIONS] == 1


def test_a_period_ending_before_it_starts_is_refused() -> None:
    """end < start names the field."""
    with pytest.raises(InvalidValue) as caught:
        statistics(_book(), dt.date(2025, 1, 1), dt.date(2024, 1, 1))
    assert caught.value.field == "end"


def test_the_sample_paragraph_reads_like_the_article() -> None:
    """2024年以来 ... 集中学习80余次 ... 省级媒体发表稿件98篇."""
    stats = statistics(sample_record_book(), SAMPLE_SINCE, SAMPLE_AS_OF)
    text = render_statistics(stats, "zh", convention=YuConvention(), subject="市政协机关")
    assert text.startswith("2024年以来，市政协机关组织开展集中学习80余次；")
    assert "干部职工参加各类培训200余人次" in text
    assert "借阅图书300余人次" in text
    assert "撰写心得体会50余篇" in text
    assert "在中央级媒体发表稿件5篇、省级媒体发表稿件98篇" in text
    assert "干部职工被评为省级先进9人次、市级先进13人次" in text
    english = render_statistics(stats, "en", convention=YuConvention())
    assert english.startswith("Since 2024")
    assert "over 80 centralised study sessions" in english


def test_the_fast_statistics_equal_the_reference_on_the_sample() -> None:
    """The indexed path and the plain loop agree, per department and per person too."""
    book = sample_record_book()
    fast = statistics(book, SAMPLE_SINCE, SAMPLE_AS_OF)
    slow = reference_statistics(book.records, SAMPLE_SINCE, SAMPLE_AS_OF)
    assert fast == slow
    assert fast.to_data() == slow.to_data()


def test_since_text_names_the_start_day() -> None:
    """1 January reads as the year alone."""
    assert since_text(dt.date(2024, 1, 1)) == "2024年以来"
    assert since_text(dt.date(2024, 3, 1)) == "2024年3月1日以来"
    assert since_text(dt.date(2024, 3, 1), "en") == "Since 1 March 2024"


def test_an_empty_period_says_so() -> None:
    """No figures: one sentence saying there are none."""
    stats = statistics(_book(), dt.date(2020, 1, 1), dt.date(2020, 2, 1))
    assert "暂无" in render_statistics(stats)
    assert "no figures" in render_statistics(stats, "en")


def test_the_data_form_uses_metric_values() -> None:
    """JSON-ready keys."""
    data = statistics(_book(), dt.date(2024, 1, 1), dt.date(2025, 1, 1)).to_data()
    assert data["totals"]["training_person_times"] == 4
    assert data["by_person"]["p3"] == {"training_person_times": 1}
