"""The temporal tagger: recognition spans, TIMEX3 types and values, anchoring, robustness."""

from __future__ import annotations

import re
import time
from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from builder.temporal import Timex, tag

SATURDAY = "2024-11-30"


def only(text: str, dct: str = SATURDAY) -> Timex:
    found = tag(text, dct)
    assert len(found) == 1, found
    return found[0]


def values(text: str, dct: str = SATURDAY) -> list[tuple[str, str, str]]:
    return [(t.text, t.type, t.value) for t in tag(text, dct)]


@pytest.mark.parametrize(
    ("sentence", "span", "value"),
    [
        ("The treaty was signed on 27 November 2024 in Paris.", "27 November 2024", "2024-11-27"),
        ("The treaty was signed on Nov. 27, 2024, in Paris.", "Nov. 27, 2024", "2024-11-27"),
        ("The vote is set for 2025-01-15.", "2025-01-15", "2025-01-15"),
        ("Prices peaked in August 2023.", "August 2023", "2023-08"),
        ("The dam was finished in 1998.", "1998", "1998"),
        ("The plant opened in the 1970s.", "the 1970s", "197"),
        ("Farming changed a lot in the 19th century.", "the 19th century", "18"),
        ("Sales fell in the third quarter of 2023.", "the third quarter of 2023", "2023-Q3"),
        ("Construction ends in the summer of 2026.", "the summer of 2026", "2026-SU"),
        ("Growth slowed in the first half of 2022.", "the first half of 2022", "2022-H1"),
        ("The firm was founded in nineteen eighty-four.", "nineteen eighty-four", "1984"),
        ("Results for fiscal 2023 were weak.", "fiscal 2023", "2023"),
    ],
)
def test_absolute_dates_at_each_precision(sentence: str, span: str, value: str) -> None:
    timex = only(sentence)
    assert (timex.text, timex.type, timex.value) == (span, "DATE", value)


@pytest.mark.parametrize(
    ("sentence", "span", "value"),
    [
        ("The ministers met yesterday.", "yesterday", "2024-11-29"),
        ("The ministers meet tomorrow.", "tomorrow", "2024-12-01"),
        ("The ministers met today.", "today", "2024-11-30"),
        ("Exports rose last year.", "last year", "2023"),
        ("Exports will rise next year.", "next year", "2025"),
        ("Exports fell last month.", "last month", "2024-10"),
        ("The board meets this week.", "this week", "2024-W48"),
        ("The rally was held last week.", "last week", "2024-W47"),
        ("The factory closed three years ago.", "three years ago", "2021"),
        ("The factory closed two months ago.", "two months ago", "2024-09"),
        ("The factory closed 10 days ago.", "10 days ago", "2024-11-20"),
        ("Talks resumed last April.", "last April", "2024-04"),
        ("The storm hit this spring.", "this spring", "2024-SP"),
        ("Talks are planned for early next year.", "early next year", "2025"),
    ],
)
def test_relative_to_publication_date(sentence: str, span: str, value: str) -> None:
    timex = only(sentence)
    assert (timex.text, timex.value) == (span, value)


@pytest.mark.parametrize(
    ("sentence", "value"),
    [
        ("The army launched the attack on Wednesday.", "2024-11-27"),
        ("The president said on Saturday that talks had failed.", "2024-11-30"),
        ("The envoy will travel to Cairo on Sunday.", "2024-12-01"),
        ("The envoy would travel to Cairo on Tuesday, his office said.", "2024-12-03"),
        ("The committee met Friday to review the plan.", "2024-11-29"),
        ("The shops stay shut until Monday.", "2024-12-02"),
        ("The rally took place last Saturday.", "2024-11-23"),
        ("The vote is next Thursday.", "2024-12-05"),
    ],
)
def test_weekdays_follow_the_tense(sentence: str, value: str) -> None:
    weekday = [t for t in tag(sentence, SATURDAY) if t.type == "DATE"]
    assert weekday[-1].value == value


@pytest.mark.parametrize(
    ("sentence", "span", "type_", "value"),
    [
        ("The blast came at 10 a.m. Tuesday.", "10 a.m. Tuesday", "TIME", "2024-11-26T10:00"),
        ("A curfew runs until 1500 GMT Sunday.", "1500 GMT Sunday", "TIME", "2024-12-01T15:00Z"),
        (
            "Witnesses heard shots late Tuesday night.",
            "late Tuesday night",
            "TIME",
            "2024-11-26TNI",
        ),
        ("The minister spoke this morning.", "this morning", "TIME", "2024-11-30TMO"),
        ("Guards were attacked last night.", "last night", "TIME", "2024-11-29TNI"),
        ("Troops arrived at noon.", "noon", "TIME", "2024-11-30T12:00"),
    ],
)
def test_times_and_parts_of_day(sentence: str, span: str, type_: str, value: str) -> None:
    timex = only(sentence)
    assert (timex.text, timex.type, timex.value) == (span, type_, value)


@pytest.mark.parametrize(
    ("sentence", "span", "value"),
    [
        ("The war lasted eight years.", "eight years", "P8Y"),
        ("It was a two-year project.", "two-year", "P2Y"),
        ("Prices rose for the past three months.", "the past three months", "P3M"),
        ("The meeting ran for more than four hours.", "more than four hours", "PT4H"),
        ("The talks lasted 45 minutes.", "45 minutes", "PT45M"),
        ("Output will grow over the next few years.", "the next few years", "PXY"),
        ("The siege lasted 2 1/2 years.", "2 1/2 years", "P2Y6M"),
        ("The dispute has simmered for decades.", "decades", "PXDE"),
    ],
)
def test_durations(sentence: str, span: str, value: str) -> None:
    timex = only(sentence)
    assert (timex.text, timex.type, timex.value) == (span, "DURATION", value)


@pytest.mark.parametrize(
    ("sentence", "span", "value"),
    [
        ("The figures are published monthly.", "monthly", "P1M"),
        ("The council meets each Tuesday.", "each Tuesday", "XXXX-WXX-2"),
        ("Inspectors visit every year.", "every year", "P1Y"),
        ("Dividends are paid twice a year.", "twice a year", "P1Y"),
    ],
)
def test_sets(sentence: str, span: str, value: str) -> None:
    timex = only(sentence)
    assert (timex.text, timex.type, timex.value) == (span, "SET", value)


@pytest.mark.parametrize(
    ("sentence", "span", "value"),
    [
        ("Prices are now falling.", "now", "PRESENT_REF"),
        ("The firm currently employs 40 people.", "currently", "PRESENT_REF"),
        ("The bridge was recently repaired.", "recently", "PAST_REF"),
        ("Such crises happened in the past.", "the past", "PAST_REF"),
        ("A deal may come in the near future.", "the near future", "FUTURE_REF"),
    ],
)
def test_references(sentence: str, span: str, value: str) -> None:
    timex = only(sentence)
    assert (timex.text, timex.type, timex.value) == (span, "DATE", value)


def test_relative_expressions_follow_the_narrative_date() -> None:
    text = "The dam burst on March 3, 2019. The next day, rescuers reached the valley."
    assert values(text)[-1] == ("The next day", "DATE", "2019-03-04")
    text = "The firm was sold in 1990. The following year, it closed."
    assert values(text)[-1] == ("The following year", "DATE", "1991")


def test_a_year_earlier_in_an_earnings_report_is_the_same_quarter() -> None:
    text = "Profit rose 8% in the third quarter from a year earlier."
    assert values(text, "2024-10-25") == [
        ("the third quarter", "DATE", "2024-Q3"),
        ("a year earlier", "DATE", "2023-Q3"),
    ]


def test_not_temporal() -> None:
    assert tag("You may go when it is done.", SATURDAY) == []
    assert tag("They march on the capital.", SATURDAY) == []
    assert tag("The town has 1500 people and 2000 cars.", SATURDAY) == []
    assert tag("", SATURDAY) == []


def test_offsets_are_python_string_indices() -> None:
    text = "Déjà vu: “the offensive” began on Wednesday — again."
    timex = only(text)
    assert text[timex.start : timex.end] == "Wednesday"


# A validator of TIMEX3 value syntax, independent of the tagger's code.
_DATE_VALUE = re.compile(
    r"^(?:PRESENT_REF|PAST_REF|FUTURE_REF"
    r"|\d{2}|\d{3}|\d{4}"
    r"|\d{4}-(?:0[1-9]|1[0-2])"
    r"|\d{4}-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12]\d|3[01])"
    r"|\d{4}-W(?:0[1-9]|[1-4]\d|5[0-3]|XX)(?:-WE)?"
    r"|\d{4}-Q[1-4]|\d{4}-H[12]|\d{4}-(?:SP|SU|FA|WI))$"
)
_TIME_VALUE = re.compile(
    r"^(?:\d{4}-\d\d-\d\d|XXXX-XX-XX)T(?:MO|AF|EV|NI|MI|DT|(?:[01]\d|2[0-4]):[0-5]\d(?::[0-5]\d)?(?:Z|[+-]\d\d(?::?\d\d)?)?)$"
)
_DURATION_VALUE = re.compile(
    r"^P(?:(?:\d+(?:\.\d+)?|X)(?:Y|M|W|D|Q|DE|CE|ML))*(?:T(?:(?:\d+(?:\.\d+)?|X)[HMS])+)?$"
)


def valid_value(timex: Timex) -> bool:
    if timex.type == "DATE":
        return bool(_DATE_VALUE.match(timex.value))
    if timex.type == "TIME":
        return bool(_TIME_VALUE.match(timex.value))
    if timex.type == "DURATION":
        return timex.value != "P" and bool(_DURATION_VALUE.match(timex.value))
    if timex.type == "SET":
        return bool(_DURATION_VALUE.match(timex.value) or timex.value.startswith("XXXX"))
    return False


def _check(text: str, dct: str) -> None:
    found = tag(text, dct)
    previous_end = 0
    for timex in found:
        assert 0 <= timex.start < timex.end <= len(text)
        assert text[timex.start : timex.end] == timex.text
        assert timex.start >= previous_end
        previous_end = timex.end
        assert valid_value(timex), timex
        if timex.type == "DATE" and timex.value[:1].isdigit() and len(timex.value) >= 7:
            assert _DATE_VALUE.match(timex.value)


_WORDS = (
    "on Monday last week the third quarter of 2023 since 2020 three years ago next year "
    "May march 5 pm GMT Nov. 9 , 1999 the 1990s this spring early each every daily now "
    "recently yesterday tomorrow fiscal 2024 1500 hours a few days the past two weeks "
    "Dec. 31 the 21st century mid-2010 twenty four hours ' ’ - . \n\n ( ) 30 13 2100 "
    "1st 32 Feb. 30 year-end the end of the month Sunday night at noon"
).split(" ")


@settings(max_examples=300, deadline=None)
@given(
    st.lists(st.sampled_from(_WORDS), max_size=30).map(" ".join),
    st.dates(min_value=date(1900, 1, 1), max_value=date(2099, 12, 31)).map(date.isoformat),
)
def test_random_temporal_word_salad_never_breaks(text: str, dct: str) -> None:
    _check(text, dct)


_EDGE_WORDS = ["5,000", "99999", "years", "ago", "last", "previous", "December", "March"]


@settings(max_examples=300, deadline=None)
@given(
    st.lists(st.sampled_from([*_WORDS, *_EDGE_WORDS]), max_size=30).map(" ".join),
    st.sampled_from(["0001-01-01", "0002-06-30", "9998-06-15", "9999-12-31"]),
)
def test_days_at_the_ends_of_the_calendar_give_no_value_rather_than_break(
    text: str, dct: str
) -> None:
    """An article dated in the first or last years the calendar holds: what would fall
    outside it gets no value (there is no year 0, nor 10000), and nothing raises."""
    for timex in tag(text, dct):
        assert not timex.value.startswith("0000"), timex


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=200))
def test_random_text_never_breaks(text: str) -> None:
    _check(text, "2024-11-30")


@pytest.mark.parametrize(
    "sentence",
    [
        "The 52-year-old minister resigned.",
        "The chairman, 61 years old, resigned.",
        "Iraq imports about three-quarters of its food.",
        "The plant makes 300 cars a week.",
        "The firm raised its quarterly dividend.",
        "She hopes to guide the children of tomorrow.",
        "Troops left soon after the vote.",
        "It was a previously announced plan.",
    ],
)
def test_look_alikes_are_not_tagged(sentence: str) -> None:
    assert tag(sentence, SATURDAY) == []


def test_earnings_report_conventions() -> None:
    text = (
        "The company posted a third-quarter loss. In the year ended June 30, sales rose, "
        "compared with year-earlier sales."
    )
    assert values(text, "2024-10-25") == [
        ("third-quarter", "DATE", "2024-Q3"),
        ("the year", "DURATION", "P1Y"),
        ("June 30", "DATE", "2024-06-30"),
        ("year-earlier", "DATE", "2023"),
    ]


def test_a_month_near_the_publication_date_is_the_nearest_one() -> None:
    assert values("The deal closes in January.", "2024-11-30") == [("January", "DATE", "2025-01")]
    assert values("The deal was signed in April.", "2024-11-30") == [("April", "DATE", "2024-04")]
    assert values("Loans run until February.", "2024-11-30") == [("February", "DATE", "2025-02")]


def test_a_year_earlier_is_the_same_quarter_as_the_one_reported() -> None:
    # A fiscal quarter told outright is the period the comparison refers to.
    text = (
        "Acme earned $5 million in its fiscal first quarter, against $4 million a year earlier. "
        "The latest period also had a tax gain."
    )
    found = values(text, "2024-10-25")
    assert ("a year earlier", "DATE", "2023-Q1") in found
    assert ("The latest period", "DATE", "2024-Q1") in found


def test_year_earlier_adjective_follows_the_quarter_under_discussion() -> None:
    text = "Acme posted a third-quarter loss, compared with year-earlier profit of $2 million."
    assert values(text, "2024-10-25")[-1] == ("year-earlier", "DATE", "2023-Q3")


def test_a_past_quarter_mentioned_in_passing_does_not_become_the_period() -> None:
    text = (
        "Acme's third-quarter profit rose. After a flat second quarter, sales recovered. "
        "Profit was $3 million a year ago."
    )
    assert values(text, "2024-10-25")[-1] == ("a year ago", "DATE", "2023-Q3")


def test_nine_months_and_plain_years_make_the_comparison_yearly() -> None:
    text = "For the nine months, Acme earned $9 million, compared with $7 million a year earlier."
    assert values(text, "2024-10-25")[-1] == ("a year earlier", "DATE", "2023")
    text = (
        "Acme's third-quarter profit rose. Last year, storms cut its profit. "
        "The year-earlier results included a gain."
    )
    assert values(text, "2024-10-25")[-1] == ("year-earlier", "DATE", "2023")


def test_a_stated_year_period_in_a_quarterly_report_is_that_years_quarter() -> None:
    text = "Acme's third-quarter sales rose. In the 2023 period, it had a one-time gain."
    assert values(text, "2024-10-25")[-1] == ("the 2023 period", "DATE", "2023-Q3")


def test_a_participle_is_not_a_past_tense_cue() -> None:
    # "be named", "a still unspecified date": the modal decides, not the -ed form.
    text = "She will be named pilot of the flight in December."
    assert values(text, "2025-03-04") == [("December", "DATE", "2025-12")]
    text = "The bonus would be paid on a still unspecified date in January."
    assert values(text, "2024-10-27") == [("January", "DATE", "2025-01")]


def test_a_month_a_season_away_follows_the_tense() -> None:
    text = "In January, the firm brought in a new chief."
    assert values(text, "2024-10-27") == [("January", "DATE", "2024-01")]
    text = "The firm changed its fiscal year in January."
    assert values(text, "2024-10-27") == [("January", "DATE", "2024-01")]


def test_overnight_is_the_night_before_the_day_the_text_is_at() -> None:
    text = "Shares closed lower Friday. They were hit by overnight losses in Tokyo."
    assert values(text, "2024-11-04")[-1] == ("overnight", "TIME", "2024-10-31TNI")
    assert values("Rain fell overnight.", "2024-11-04") == [("overnight", "TIME", "2024-11-03TNI")]


def test_the_previous_weekday_counts_from_the_day_being_told() -> None:
    text = "The index fell 2% on Friday, and was down 4% from the previous Friday."
    assert values(text, "2024-11-04")[-1] == ("the previous Friday", "DATE", "2024-10-25")


def test_the_day_and_week_the_narrative_is_at() -> None:
    text = "Stocks slid on Thursday. Buyers came back in the afternoon."
    assert values(text, "2024-11-04")[-1] == ("the afternoon", "TIME", "2024-10-31TAF")
    text = "The envoy landed in Rome, and met the pope later in the day."
    assert values(text, "2024-11-04") == [("the day", "DATE", "2024-11-04")]
    text = "For the week, the index lost 2%."
    assert values(text, "2024-11-04") == [("the week", "DATE", "2024-WXX")]


def test_weekdays_sharing_a_plural_part_of_day_recur() -> None:
    text = "Ferries leave on Monday and Thursday evenings."
    assert values(text) == [
        ("Monday", "SET", "XXXX-WXX-1TEV"),
        ("Thursday evenings", "SET", "XXXX-WXX-4TEV"),
    ]


def test_a_quoted_programme_title_is_not_a_week() -> None:
    assert values('The minister spoke on the programme "This Week" about tariffs.') == []


@pytest.mark.parametrize("repeated", ["2016 ", "fiscal ", "this year's ", "year-ago "])
def test_a_long_run_of_years_or_modifiers_is_tagged_in_linear_time(repeated: str) -> None:
    # A table of years pasted as text: each position once tried every year after it for
    # a "quarter" to follow (10,000 years took 20 s, 40,000 six minutes).
    started = time.monotonic()
    tag(repeated * 10_000, "2024-11-30")
    assert time.monotonic() - started < 3


def test_the_grammar_matches_alike_without_pythons_private_pattern_parser(monkeypatch) -> None:
    """The branches' look-aheads (a speed-up) are worked out with a private module of
    Python's; on a Python without it the grammar is built without them, matching alike."""
    import importlib
    import sys

    from builder.temporal import grammar

    text = (
        "On Wednesday, 27 November 2024, at 3:15 p.m. EST, two days later, since 2016, in "
        "the 1990s, Q3 2025, the first Tuesday of December, 14h30 on Friday 17th January, "
        "last year's fourth quarter, 2024/25, mid-afternoon, a week on Friday, 12/2026."
    )
    spans = {
        "lowered": [m.span() for m in grammar.PATTERN.finditer(text.lower())],
        "any case": [m.span() for m in grammar.PATTERN_ANY_CASE.finditer(text)],
    }
    monkeypatch.delattr(re, "_parser")
    monkeypatch.setitem(sys.modules, "re._parser", None)
    try:
        plain = importlib.reload(grammar)
        assert plain._parser is None and "(?=[" not in plain._BODY
        assert [m.span() for m in plain.PATTERN.finditer(text.lower())] == spans["lowered"]
        assert [m.span() for m in plain.PATTERN_ANY_CASE.finditer(text)] == spans["any case"]
    finally:
        monkeypatch.undo()
        importlib.reload(grammar)
    assert len(spans["lowered"]) > 10
