"""The partial date type: precision, ordering and display."""

from datetime import UTC, timedelta, timezone

import pytest

from builder.dates import DateError, DateSpan, PartialDate, Precision


@pytest.mark.parametrize(
    ("text", "precision", "iso"),
    [
        ("2016", Precision.YEAR, "2016"),
        ("2016-12", Precision.MONTH, "2016-12"),
        ("2016-12-22", Precision.DAY, "2016-12-22"),
        ("2024-11-30T15:00+00:00", Precision.MINUTE, "2024-11-30T15:00Z"),
        ("2024-11-30T17:00+02:00", Precision.MINUTE, "2024-11-30T17:00+02:00"),
        ("2024-11-30T15:00Z", Precision.MINUTE, "2024-11-30T15:00Z"),
    ],
)
def test_a_date_keeps_the_precision_it_was_written_with(text, precision, iso):
    date = PartialDate.parse(text)
    assert date.precision == precision
    assert date.iso() == iso


def test_a_year_is_not_padded_to_the_first_of_january():
    year = PartialDate.parse("2016")
    assert year.month is None and year.day is None
    assert year.display() == "2016"
    assert PartialDate.parse(2016) == year  # YAML reads an unquoted year as a number


@pytest.mark.parametrize(
    ("text", "shown"),
    [
        ("2016", "2016"),
        ("2016-12", "December 2016"),
        ("2016-12-22", "22 December 2016"),
        ("2024-12-01T15:00+00:00", "1 December 2024, 15:00 UTC"),
        ("2024-12-01T17:00+02:00", "1 December 2024, 17:00 UTC+02:00"),
    ],
)
def test_display_says_what_is_known_and_no_more(text, shown):
    assert PartialDate.parse(text).display() == shown


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("2024-02-30", "February 2024 has 29 days"),
        ("2023-02-29", "February 2023 has 28 days"),
        ("2024-13", "there is no month 13"),
        ("2024-11-30T15:00", "a time needs its zone"),
        ("next Tuesday", "is not a date"),
        ("12/11/2024", "is not a date"),
        ("", "is not a date"),
    ],
)
def test_impossible_or_ambiguous_dates_are_refused(text, reason):
    with pytest.raises(DateError, match=reason):
        PartialDate.parse(text)


@pytest.mark.parametrize(
    ("text", "iso"),
    [
        ("13 March 2025", "2025-03-13"),
        ("March 13, 2025", "2025-03-13"),
        ("the 13th of March, 2025", "2025-03-13"),
        ("March 2025", "2025-03"),
        ("2025/03/13", "2025-03-13"),
        ("13/03/2025", "2025-03-13"),  # 13 is no month: one reading only
        ("2025-3-13", "2025-03-13"),
    ],
)
def test_a_date_written_another_way_is_refused_with_its_form_here(text, iso):
    with pytest.raises(DateError, match=f"; write {iso}$"):
        PartialDate.parse(text)


@pytest.mark.parametrize("text", ["03/04/2025", "13 March", "Thursday", "spring 2025", "3/4/25"])
def test_no_form_is_offered_for_a_date_the_text_does_not_state_whole(text):
    """Day and month either way round, a day without its year, a weekday: which date it
    is depends on a reading or on when it is read, so none is offered."""
    with pytest.raises(DateError) as refused:
        PartialDate.parse(text)
    assert "; write 2" not in str(refused.value)


def test_a_partial_date_sorts_before_the_days_inside_its_period():
    dates = [
        PartialDate.parse(t)
        for t in ["2016-12-22", "2017", "2016-12", "2016", "2016-01-05", "2016-12-22T09:00+00:00"]
    ]
    ordered = [d.iso() for d in sorted(dates, key=PartialDate.sort_key)]
    assert ordered == ["2016", "2016-01-05", "2016-12", "2016-12-22", "2016-12-22T09:00Z", "2017"]


def test_a_time_is_shown_in_the_site_time_zone():
    moment = PartialDate.parse("2024-11-30T23:30+00:00")
    beirut = moment.in_zone(timezone(timedelta(hours=2)))
    assert beirut.iso() == "2024-12-01T01:30+02:00"
    assert PartialDate.parse("2016-12").in_zone(UTC) == PartialDate.parse("2016-12")


def test_ends_before_compares_whole_periods():
    assert PartialDate.parse("2015").ends_before(PartialDate.parse("2016-01-01"))
    assert not PartialDate.parse("2016").ends_before(PartialDate.parse("2016-06"))
    assert not PartialDate.parse("2016-06").ends_before(PartialDate.parse("2016"))


def test_spans_show_ranges_and_ongoing_periods():
    since = DateSpan(PartialDate.parse("2020"), ongoing=True)
    assert since.display() == "Since 2020"
    span = DateSpan(PartialDate.parse("2024-11-27"), PartialDate.parse("2024-11-30"))
    assert span.display() == "27–30 November 2024"
    across = DateSpan(PartialDate.parse("2024-11-27"), PartialDate.parse("2024-12-03"))
    assert across.display() == "27 November – 3 December 2024"
    months = DateSpan(PartialDate.parse("2011-03"), PartialDate.parse("2016-12"))
    assert months.display() == "March 2011 – December 2016"
    assert since.sort_key() > DateSpan(PartialDate.parse("2020")).sort_key()
