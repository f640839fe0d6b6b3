"""Cases of news text, of many kinds, each turned into temporal expressions and candidate
events as a user of `timeline dates` and `timeline extract` sees them."""

from __future__ import annotations

from pathlib import Path

import yaml

from builder.candidates import candidates_from_text
from builder.temporal import tag


def _values(text: str, published: str, day_first: bool = False) -> dict[str, str]:
    """Each temporal expression's text and its value."""
    return {timex.text: timex.value for timex in tag(text, published, day_first)}


def _dated_quotes(text: str, published: str, day_first: bool = False) -> list[tuple]:
    """Each candidate's date (and end of its range, when it has one) and its quote."""
    return [
        (c.value, c.end, c.quote) if c.end else (c.value, c.quote)
        for c in candidates_from_text(text, published, day_first)
    ]


def test_a_date_line_opening_the_text_gives_the_day_the_story_was_written() -> None:
    # The page's metadata says it was published the next morning.
    text = (
        "14 March 2025, 21:40\n\n"
        "The health minister resigned today after a week of pressure over hospital waiting lists."
    )
    assert _dated_quotes(text, "2025-03-15") == [
        (
            "2025-03-14",
            "The health minister resigned today after a week of pressure over hospital "
            "waiting lists.",
        )
    ]


def test_a_span_of_days_told_in_the_past_is_the_one_gone_and_ends_after_it_opens() -> None:
    # Published 10 November 2025: last winter's exhibition, not the coming one.
    text = "The exhibition ran from 20 December to 5 January and drew 40,000 visitors."
    assert _dated_quotes(text, "2025-11-10") == [("2024-12-20", "2025-01-05", text)]
    text = "Voting took place between 30 April and 2 May."
    assert _dated_quotes(text, "2025-03-01") == [("2024-04-30", "2024-05-02", text)]
    # Ahead, and moved from a day set before: the days to come.
    text = "The exhibition will run from 20 December to 5 January."
    assert _dated_quotes(text, "2025-11-10") == [("2025-12-20", "2026-01-05", text)]
    text = "The vote was postponed from 28 February to 14 March."
    assert _values(text, "2025-01-10")["28 February"] == "2025-02-28"


def test_overnight_into_a_day_is_the_night_before_it() -> None:
    # Published Saturday 15 March 2025.
    text = "Heavy rain fell overnight into Thursday, flooding roads across the county."
    assert _values(text, "2025-03-15")["overnight"] == "2025-03-12TNI"
    assert _dated_quotes(text, "2025-03-15") == [("2025-03-12", "2025-03-13", text)]


def test_a_date_moved_from_one_day_to_another_is_two_days_not_a_span() -> None:
    text = "The trial was adjourned from 4 to 11 April after a juror fell ill."
    assert _dated_quotes(text, "2025-04-04") == [("2025-04-11", text), ("2025-04-04", text)]
    text = "The hearing was brought forward from 12 May to 5 May."
    assert _dated_quotes(text, "2025-04-20") == [("2025-05-05", text), ("2025-05-12", text)]
    # A span that was not moved stays one.
    text = "Prices rose from 4 to 11 April."
    assert _dated_quotes(text, "2025-04-20") == [("2025-04-04", "2025-04-11", text)]


def test_a_count_after_an_event_told_earlier_is_counted_from_its_day() -> None:
    told = "A car bomb tore through a market on 3 March, killing 14 people."
    later = "Three days after the bombing, the interior minister resigned."
    assert _dated_quotes(f"{told} {later}", "2025-03-10") == [
        ("2025-03-03", told),
        ("2025-03-06", later),
    ]
    # The day told is not the event's: which day the attack was, the text does not say.
    told = "The minister resigned on 3 March."
    later = "Two weeks after the attack, the border reopened."
    assert _dated_quotes(f"{told} {later}", "2025-03-30") == [("2025-03-03", told)]


def test_the_first_since_a_date_when_something_happened_dates_what_happened() -> None:
    text = (
        "It was the strongest earthquake to hit the region since 1939, when a quake killed "
        "33,000 people."
    )
    assert _dated_quotes(text, "2023-02-06") == [("1939", text)]
    # Without the clause, nothing is told of 1939.
    assert _dated_quotes("It was the strongest quake since 1939.", "2023-02-06") == []


def test_a_count_of_hours_later_is_counted_from_the_time_told() -> None:
    first = "The first blast was heard at 21:30 GMT on Friday."
    second = "Two hours later a second blast shook the port."
    assert _dated_quotes(f"{first} {second}", "2024-07-10") == [
        ("2024-07-05T21:30Z", first),
        ("2024-07-05T23:30Z", second),
    ]
    # Past midnight, the next day (a time without its zone dates only its day).
    first = "The polls closed at 10pm on 4 July."
    second = "Three hours later, the result was declared."
    assert _dated_quotes(f"{first} {second}", "2024-07-10") == [
        ("2024-07-04", first),
        ("2024-07-05", second),
    ]
    # From a day alone, hours later may be the next day: nothing is counted.
    text = "The talks began on Monday. Twelve hours later, they collapsed."
    assert _dated_quotes(text, "2024-07-10") == [("2024-07-08", "The talks began on Monday.")]


def test_by_a_month_what_had_been_done_is_the_month_gone() -> None:
    text = "By mid-February, the freeze had been partly lifted, but many programs never reopened."
    assert _dated_quotes(text, "2025-04-02") == [("2025-02", text)]
    # A deadline is still ahead.
    text = "Manufacturers must submit their plans by February."
    assert _values(text, "2025-04-02")["February"] == "2026-02"


def test_today_and_tomorrow_in_a_live_blog_entry_are_told_from_its_heading_day() -> None:
    text = (
        "## Wednesday 12 March\n\n"
        "**09:15** The prime minister has arrived at parliament for the debate.\n\n"
        "## Tuesday 11 March\n\n"
        "**18:02** The vote on the bill has been pushed back to tomorrow, the Speaker's office "
        "says.\n\n"
        "**17:30** Ministers met this afternoon to discuss the delay."
    )
    values = _values(text, "2025-03-12")
    assert values["tomorrow"] == "2025-03-12"
    assert values["this afternoon"] == "2025-03-11TAF"


def test_the_month_a_figure_rose_to_a_level_is_the_event_not_the_day_it_was_reported() -> None:
    text = (
        "Inflation rose to 3% in January, from 2.5% in December, the Office for National "
        "Statistics said on Wednesday."
    )
    assert _dated_quotes(text, "2025-03-21") == [("2025-01", text)]


def test_the_day_data_showed_something_dates_only_the_report() -> None:
    text = (
        "Japan's economy grew less than initially estimated in the October-December quarter, "
        "revised data showed on Tuesday."
    )
    assert _dated_quotes(text, "2025-03-11") == [("2024-10", "2024-12", text)]


def test_a_date_quoted_with_a_french_german_or_spanish_month_is_read() -> None:
    text = (
        "The summit opened le 3 mars in Paris. The deal was signed on 3. März in Berlin. "
        "The law took effect on 5 de marzo de 2024."
    )
    assert _dated_quotes(text, "2025-03-10") == [
        ("2025-03-03", "The summit opened le 3 mars in Paris."),
        ("2025-03-03", "The deal was signed on 3. März in Berlin."),
        ("2024-03-05", "The law took effect on 5 de marzo de 2024."),
    ]
    # A French month is written in lower case: "3 Mars bars" is no date.
    assert _dated_quotes("He ate 3 Mars bars on the way.", "2025-03-10") == []


def test_a_day_a_thing_has_been_put_back_or_brought_forward_to_is_ahead() -> None:
    # Published Wednesday 12 March 2025.
    values = _values("Kick-off has been put back to 8pm on Sunday.", "2025-03-12")
    assert values["8pm on Sunday"] == "2025-03-16T20:00"
    values = _values("The hearing has been brought forward to Friday.", "2025-03-12")
    assert values["Friday"] == "2025-03-14"


def test_a_day_moved_to_is_the_one_nearest_the_day_it_was_set_for() -> None:
    # Published Monday 10 March 2025: the vote had been set for Thursday 13 March.
    text = "The vote, originally set for Thursday, was moved up a day, to Wednesday."
    values = _values(text, "2025-03-10")
    assert (values["Thursday"], values["Wednesday"]) == ("2025-03-13", "2025-03-12")


def test_the_nth_time_since_a_date_counts_from_it_and_is_no_span() -> None:
    text = (
        "The Fed raised rates by a quarter point on July 26, 2023, the 11th increase since "
        "March 2022."
    )
    assert _dated_quotes(text, "2025-01-10") == [("2023-07-26", text)]


def test_so_many_years_on_is_counted_as_so_many_years_later() -> None:
    founded = "The company was founded in 1998 by two students."
    on = "Twenty years on, it employed 180,000 people."
    assert _dated_quotes(f"{founded} {on}", "2025-03-14") == [("1998", founded), ("2018", on)]


def test_a_length_after_the_verb_last_does_not_take_the_verb_in() -> None:
    found = tag("The strike is due to last 48 hours.", "2025-03-20")
    assert [(t.text, t.value) for t in found] == [("48 hours", "PT48H")]
    found = tag("Prices rose in the last 48 hours.", "2025-03-20")
    assert [t.text for t in found] == ["the last 48 hours"]


def test_a_year_compared_with_by_later_than_is_a_baseline_and_no_event() -> None:
    text = "The race starts at 10.30am on Sunday 6 April, a week later than last year."
    assert _dated_quotes(text, "2025-03-15") == [("2025-04-06", text)]
    # A deadline is no comparison.
    text = "The station closed on 2 March and must reopen no later than 31 March."
    assert [value for value, _ in _dated_quotes(text, "2025-03-15")] == [
        "2025-03-02",
        "2025-03-31",
    ]


def test_a_count_of_years_before_or_months_afterwards_is_counted_from_the_date_told() -> None:
    jailed = "He was jailed in 2010."
    before = "Three years before, he had been acquitted of a similar charge."
    assert _dated_quotes(f"{jailed} {before}", "2025-03-20") == [
        ("2010", jailed),
        ("2007", before),
    ]
    closed = "The plant closed in March 2024."
    after = "It reopened six months afterwards."
    assert _dated_quotes(f"{closed} {after}", "2025-03-20") == [
        ("2024-03", closed),
        ("2024-09", after),
    ]


def test_the_day_a_warning_was_given_dates_only_the_warning() -> None:
    text = "The company warned on Tuesday that profits would fall in 2026."
    assert _dated_quotes(text, "2025-03-20") == [("2026", text)]


def test_a_day_opening_a_sentence_that_reports_a_statement_dates_only_the_statement() -> None:
    text = "On Monday, the prime minister announced that elections will be held on 4 May."
    assert _dated_quotes(text, "2025-03-20") == [("2025-05-04", text)]
    # The day of what was done stays.
    text = "On Monday, the prime minister sacked two ministers, and on 4 May he called elections."
    assert [value for value, _ in _dated_quotes(text, "2025-05-10")] == [
        "2025-05-05",
        "2025-05-04",
    ]


def test_a_rough_count_dates_only_what_every_day_it_may_mean_shares() -> None:
    began = "The ceasefire began on 3 March."
    later = "About two weeks later, it collapsed."
    assert _dated_quotes(f"{began} {later}", "2025-04-20") == [
        ("2025-03-03", began),
        ("2025-03", later),
    ]
    text = "The army retook the palace on Friday, almost two years after losing it."
    assert _dated_quotes(text, "2025-03-23") == [("2025-03-21", text)]


def test_each_line_of_a_timeline_opened_by_a_month_and_year_is_its_own_sentence() -> None:
    text = (
        "Timeline:\n"
        "2004 — Goes public; shares jump 18% on first day\n"
        "Aug. 2015 — Restructures as a holding company"
    )
    assert _dated_quotes(text, "2025-03-28") == [
        ("2004", "2004 — Goes public; shares jump 18% on first day"),
        ("2015-08", "Aug. 2015 — Restructures as a holding company"),
    ]


def test_on_this_day_in_a_year_is_that_day_of_that_year() -> None:
    text = "On this day in 1945, Allied forces crossed the Rhine."
    assert _values(text, "2025-03-07")["this day"] == "1945-03-07"
    assert _dated_quotes(text, "2025-03-07") == [("1945-03-07", text)]


def test_the_end_of_the_month_after_a_day_told_is_that_days_month() -> None:
    text = (
        "Talks broke down on 4 June 2024. The next morning, strikers blocked the port. "
        "By the end of the month, exports had halved."
    )
    assert _values(text, "2025-03-07")["the end of the month"] == "2024-06"
    text = "Talks broke down on 27 February. Rents will rise at the end of the month."
    assert _values(text, "2025-03-07")["the end of the month"] == "2025-03"


def test_a_page_time_byline_date_or_published_line_opening_the_text_gives_the_day_written() -> None:
    # Each page's metadata says it was published the next day (in UTC).
    body = "The Senate passed the bill tonight by a vote of 54-46."
    text = f"Published: 9:41 PM EDT, March 13, 2025\n\n{body}"
    assert _values(text, "2025-03-14")["tonight"] == "2025-03-13TNI"
    body = "Officials confirmed yesterday that the plant will close."
    text = f"By Jane Doe | March 13, 2025\n\n{body}"
    assert _dated_quotes(text, "2025-03-14") == [("2025-03-12", body)]
    text = f"Thu 13 Mar 2025 18.02 GMT\n\n{body}"
    assert _dated_quotes(text, "2025-03-14") == [("2025-03-12", body)]
    # The day a page was updated is not the day its story was written.
    text = f"Updated: March 13, 2025\n\n{body}"
    assert _dated_quotes(text, "2025-03-14") == [("2025-03-13", body)]


def test_a_page_time_over_a_last_modified_line_is_no_event() -> None:
    body = "The chancellor will set out spending cuts in a statement to MPs on 26 March."
    text = f"Thu 13 Mar 2025 18.02 GMT\nLast modified on Thu 13 Mar 2025 20.15 GMT\n\n{body}"
    assert _dated_quotes(text, "2025-03-14") == [("2025-03-26", body)]


def test_a_poll_or_a_recess_told_in_the_present_is_ahead() -> None:
    # Published Wednesday 12 November 2025.
    assert _values("Voters head to the polls on Sunday.", "2025-11-12")["Sunday"] == "2025-11-16"
    text = "Parliament breaks for the Christmas recess on Thursday."
    assert _values(text, "2025-11-12")["Thursday"] == "2025-11-13"
    assert _values("The tournament gets under way in June.", "2025-11-12")["June"] == "2026-06"


def test_a_day_told_of_an_event_the_sentence_names_by_its_year_is_in_that_year() -> None:
    text = "The 1970 World Cup final, played at the Azteca on 21 June, remains the benchmark."
    assert _values(text, "2025-03-09")["21 June"] == "1970-06-21"
    assert _values("The 2016 referendum was held in June.", "2025-03-09")["June"] == "2016-06"
    # A year labelling a thing is not the year of what is told of it.
    text = "The 2025 budget, unveiled on 30 October, raised taxes."
    assert _values(text, "2025-03-09")["30 October"] == "2024-10-30"


def test_a_day_of_the_month_after_until_by_from_or_since_is_read() -> None:
    # Published 10 March 2025.
    assert _values("The show runs until the 30th.", "2025-03-10")["the 30th"] == "2025-03-30"
    assert _values("Applications must be in by the 2nd.", "2025-03-10")["the 2nd"] == "2025-04-02"
    text = "The sale runs from the 14th to the 20th."
    assert _dated_quotes(text, "2025-03-10") == [("2025-03-14", "2025-03-20", text)]
    text = "The road has been closed since the 3rd."
    assert _values(text, "2025-03-10")["the 3rd"] == "2025-03-03"
    assert _values("He lives on the 5th floor.", "2025-03-10") == {}


def test_a_month_and_day_then_another_day_by_its_number_is_a_span() -> None:
    text = "Markets were closed on Dec. 25 and 26."
    assert _dated_quotes(text, "2025-01-10") == [("2024-12-25", "2024-12-26", text)]
    text = "The summit runs from March 3 to 5."
    assert _dated_quotes(text, "2025-01-10") == [("2025-03-03", "2025-03-05", text)]
    # A number counting a thing is no day.
    text = "On Dec. 25 and 26 people queued for food."
    assert _dated_quotes(text, "2025-01-10") == [("2024-12-25", text)]


def test_a_time_the_next_morning_is_on_the_day_after_the_one_told() -> None:
    text = (
        "The last train left at 23:50 on Saturday and the first bus ran at 05:10 the next morning."
    )
    values = _values(text, "2025-03-17")
    assert values["05:10 the next morning"] == "2025-03-16T05:10"


def test_a_month_opening_a_sentence_with_by_told_in_the_past_is_the_month_gone() -> None:
    text = (
        "Scientists first identified the variant in late November. By mid-December it was dominant."
    )
    assert _values(text, "2025-01-20")["mid-December"] == "2024-12"
    text = "By December, the new line will be open."
    assert _values(text, "2025-01-20")["December"] == "2025-12"


def test_a_month_opening_the_next_sentence_goes_on_with_the_story_in_its_year() -> None:
    text = "She was appointed in January 2021. In June, she launched an inquiry."
    assert _values(text, "2025-01-20")["June"] == "2021-06"
    text = (
        "In 2019, the company moved its headquarters to Austin. On March 3, it announced layoffs."
    )
    assert _values(text, "2025-01-20")["March 3"] == "2019-03-03"
    # A month before the one told is not the story going on: the nearest such month.
    text = "The war began in April 2023. In March, the army retook the palace."
    assert _values(text, "2025-03-23")["March"] == "2025-03"


def test_the_week_after_the_following_week_is_the_week_after_that() -> None:
    text = (
        "The bank collapsed on 10 March 2023. The following week, regulators seized a second "
        "lender. The week after, a third was rescued."
    )
    values = _values(text, "2025-03-07")
    assert (values["The following week"], values["The week after"]) == ("2023-W11", "2023-W12")


def test_a_season_counted_from_a_date_told_dates_its_year() -> None:
    text = "He was arrested in September 2021 and charged the following spring."
    assert _dated_quotes(text, "2025-03-17") == [("2021-09", text), ("2022", text)]
    # A season alone is not dated: which year's, the tense only guesses.
    assert _dated_quotes("The bridge reopened in the spring.", "2025-03-17") == []


def test_last_summer_said_at_the_end_of_summer_dates_nothing() -> None:
    assert _dated_quotes("Wildfires burned through the region last summer.", "2025-09-10") == []


def test_a_date_alone_in_bold_is_a_heading_and_no_event() -> None:
    text = "**Monday, March 10**\n\nStocks fell sharply on Tuesday, March 11."
    assert _dated_quotes(text, "2025-03-12") == [
        ("2025-03-11", "Stocks fell sharply on Tuesday, March 11.")
    ]


def test_hours_counted_past_the_calendars_end_date_nothing() -> None:
    text = "The vote closed at 23:59 GMT today. Two hours later, the result was declared."
    assert _dated_quotes(text, "9999-12-31") == [
        ("9999-12-31T23:59Z", "The vote closed at 23:59 GMT today.")
    ]


def test_a_week_running_past_the_calendars_end_dates_nothing() -> None:
    assert _dated_quotes("It will be taken up later this week.", "9999-12-31") == []


def test_hours_later_than_a_morning_time_is_that_day() -> None:
    told = "The bomb exploded at 9:15 a.m. on 3 March 2025."
    later = "Hours later, police arrested two men."
    assert _dated_quotes(f"{told} {later}", "2025-03-10") == [
        ("2025-03-03", told),
        ("2025-03-03", later),
    ]
    # Hours after an evening's time, or after a day, may be the next day.
    told = "The bomb exploded at 9:15 p.m. on 3 March 2025."
    assert _dated_quotes(f"{told} {later}", "2025-03-10") == [("2025-03-03", told)]


def test_a_span_from_a_date_to_the_present_or_until_further_notice_is_going_on() -> None:
    text = "He has served as mayor from 2011 to the present day."
    assert [(c.value, c.ongoing) for c in candidates_from_text(text, "2025-06-12")] == [
        ("2011", True)
    ]
    text = "The ban, in force from 1 March until further notice, covers all flights."
    assert [(c.value, c.ongoing) for c in candidates_from_text(text, "2025-06-12")] == [
        ("2025-03-01", True)
    ]


def test_no_expression_spans_a_blank_line_whatever_ends_the_lines() -> None:
    text = "He left on Monday\r\n\r\nMarch 3 saw protests."
    assert _values(text, "2025-03-15") == {"Monday": "2025-03-10", "March 3": "2025-03-03"}
    assert _dated_quotes(text, "2025-03-15") == [
        ("2025-03-10", "He left on Monday"),
        ("2025-03-03", "March 3 saw protests."),
    ]


def test_a_date_line_and_a_live_blog_heading_count_with_windows_line_ends() -> None:
    text = "14 March 2025, 21:40\r\n\r\nThe health minister resigned today."
    assert _values(text, "2025-03-15")["today"] == "2025-03-14"
    text = "## Tuesday 11 March\r\n\r\n**18:02** The vote has been pushed back to tomorrow."
    assert _values(text, "2025-03-12")["tomorrow"] == "2025-03-12"


def test_a_decade_or_year_shortened_with_a_typographic_apostrophe_is_read() -> None:
    assert _values("The band was huge in the ’90s.", "2025-01-03") == {"the ’90s": "199"}
    assert _values("Prices peaked in March ’22.", "2025-01-03") == {"March ’22": "2022-03"}


def test_a_vote_or_a_ruling_told_in_the_present_is_ahead() -> None:
    # Published Tuesday 11 March 2025.
    assert _values("On Thursday, MPs vote on the bill.", "2025-03-11")["Thursday"] == "2025-03-13"
    assert _values("The court decides on Friday.", "2025-03-11")["Friday"] == "2025-03-14"
    # A plural noun stays a noun.
    text = "New rules on Monday forced shops to close early."
    assert _values(text, "2025-03-11")["Monday"] == "2025-03-10"
    # A noun stays a noun: "the vote on Thursday", told in the past.
    text = "The vote on Thursday was close."
    assert _values(text, "2025-03-11")["Thursday"] == "2025-03-06"


def test_a_day_of_the_month_after_a_month_told_is_in_that_month() -> None:
    text = "Talks began in Doha in early January and a deal was struck on the 15th."
    assert _values(text, "2025-03-13")["the 15th"] == "2025-01-15"


def test_the_following_month_after_a_year_alone_has_no_year() -> None:
    text = "The treaty was signed in 1992 and came into force the following November."
    assert _values(text, "2025-03-13")["the following November"] == "XXXX-11"
    assert _dated_quotes(text, "2025-03-13") == [("1992", text)]
    text = "He was arrested in March 2022 and charged the following January."
    assert _values(text, "2025-03-13")["the following January"] == "2023-01"


def test_a_day_someone_was_bailed_or_remanded_to_appear_on_is_ahead() -> None:
    text = "He was bailed to appear before magistrates on Thursday."
    assert _values(text, "2025-03-18")["Thursday"] == "2025-03-20"
    text = "She was bailed to return to court in June."
    assert _values(text, "2025-03-20")["June"] == "2025-06"
    # A failure to appear is gone.
    text = "He failed to appear in court in June."
    assert _values(text, "2025-03-20")["June"] == "2024-06"


def test_a_month_something_was_agreed_or_decided_to_be_done_in_is_ahead() -> None:
    # Published 21 March 2025.
    text = "Leaders agreed to meet again in June."
    assert _values(text, "2025-03-21")["June"] == "2025-06"
    text = "The board decided to close the plant in December."
    assert _values(text, "2025-03-21")["December"] == "2025-12"
    # The month of the agreeing is gone.
    assert _values("They agreed in June to cut output.", "2025-03-21")["June"] == "2024-06"


def test_the_tense_inside_a_quote_does_not_tell_when_it_was_said() -> None:
    # Published Wednesday 11 June 2025: told on Tuesday gone, whatever the quote promises.
    text = 'On Tuesday, "We will not back down," the prime minister told parliament.'
    assert _values(text, "2025-06-11")["Tuesday"] == "2025-06-10"
    # A day inside the quote is told by the quote's own tense.
    text = '"We will vote on Thursday," the minister said.'
    assert _values(text, "2025-06-11")["Thursday"] == "2025-06-12"


def test_a_day_a_past_span_lasted_until_is_gone() -> None:
    # Published Wednesday 11 June 2025.
    text = "Fighting continued from dawn until dusk on Sunday."
    assert _values(text, "2025-06-11")["Sunday"] == "2025-06-08"
    assert _values("The protest lasted until Friday.", "2025-06-11")["Friday"] == "2025-06-06"
    # A curfew imposed until a day, or one in force until it, runs to the day ahead.
    text = "Police imposed a curfew until 5 pm Sunday."
    assert _values(text, "2025-06-11")["5 pm Sunday"] == "2025-06-15T17:00"
    text = "The curfew remains in force until Sunday."
    assert _values(text, "2025-06-11")["Sunday"] == "2025-06-15"


def test_a_day_in_a_conditional_clause_is_ahead() -> None:
    # Published Tuesday 11 March 2025.
    text = "If passed on Thursday, the law would take effect in April."
    assert _values(text, "2025-03-11")["Thursday"] == "2025-03-13"
    text = "If approved on Thursday, the plan will cut fares."
    assert _values(text, "2025-03-11")["Thursday"] == "2025-03-13"
    # A past verb with its subject after "if" keeps its tense.
    text = "If he passed on Thursday, nobody noticed."
    assert _values(text, "2025-03-11")["Thursday"] == "2025-03-06"


def test_a_days_event_that_could_or_may_do_something_is_ahead() -> None:
    # Published Tuesday 11 March 2025.
    text = "Thursday's vote could topple the government."
    assert _values(text, "2025-03-11")["Thursday"] == "2025-03-13"
    assert _values("Thursday's ruling may force a rerun.", "2025-03-11")["Thursday"] == "2025-03-13"
    # What it could have done is gone.
    text = "Thursday's vote could have gone either way."
    assert _values(text, "2025-03-11")["Thursday"] == "2025-03-06"


def test_a_day_just_after_a_day_told_in_a_year_gone_goes_on_in_that_year() -> None:
    told = "The 2016 referendum was held on 23 June."
    later = "The result shocked markets on 24 June."
    assert _dated_quotes(f"{told} {later}", "2025-03-11") == [
        ("2016-06-23", told),
        ("2016-06-24", later),
    ]
    text = "The dam burst on 3 March 2019. Rescuers found survivors on 5 March."
    assert _values(text, "2025-03-11")["5 March"] == "2019-03-05"
    # A day told in the future is no part of that year's story.
    text = "The 2016 referendum was held on 23 June. The result will be marked on 24 June."
    assert _values(text, "2025-03-11")["24 June"] == "2025-06-24"


def test_a_day_someone_was_remanded_to_appear_on_is_ahead_however_far() -> None:
    # Published 20 March 2025: January is the next one, ten months ahead.
    text = "He was remanded in custody to appear at the Old Bailey on 14 January."
    assert _values(text, "2025-03-20")["14 January"] == "2026-01-14"
    text = "She was bailed to appear before magistrates in February."
    assert _values(text, "2025-03-20")["February"] == "2026-02"
    # A failure to appear is gone.
    text = "He failed to appear in court on 14 January."
    assert _values(text, "2025-03-20")["14 January"] == "2025-01-14"


def test_a_live_blog_time_in_bold_opening_an_entry_is_on_the_blogs_day() -> None:
    # Published Saturday 14 June 2025.
    text = (
        "**17.30 GMT** Schools will reopen on Monday.\n\n"
        "**18.45 GMT** The prime minister has left Brenvik."
    )
    assert _values(text, "2025-06-14")["18.45 GMT"] == "2025-06-14T18:45Z"
    text = f"## Friday 13 June\n\n{text}"
    assert _values(text, "2025-06-14")["18.45 GMT"] == "2025-06-13T18:45Z"


def test_a_quotation_of_two_short_sentences_is_quoted_whole() -> None:
    text = 'The mayor said: "We warned them on Dec. 3. Nobody listened."'
    assert _dated_quotes(text, "2025-03-20") == [("2024-12-03", text)]
    text = "The mayor said: “We warned them on Dec. 3. Nobody listened.”"
    assert _dated_quotes(text, "2025-03-20") == [("2024-12-03", text)]


def test_the_month_a_financial_or_school_year_turns_every_year_is_no_event() -> None:
    text = "The retailer, whose financial year ends in March, reported a loss."
    assert _values(text, "2025-06-20") == {"March": "XXXX-03"}
    assert _dated_quotes(text, "2025-06-20") == []
    # The month one year of accounts ended is a month of that year.
    text = "The company said its financial year ended in March."
    assert _dated_quotes(text, "2025-06-20") == [("2025-03", text)]


def test_a_day_told_with_a_span_of_years_dates_the_sentence_first() -> None:
    text = "The regulator fined the bank on Thursday for failings between 2018 and 2022."
    assert _dated_quotes(text, "2025-06-20") == [
        ("2025-06-19", text),
        ("2018", "2022", text),
    ]
    # A span of days still comes first.
    text = "The festival ran from 3 to 5 May and closed on 5 May."
    assert _dated_quotes(text, "2025-06-20")[0] == ("2025-05-03", "2025-05-05", text)


def test_march_or_may_after_another_month_and_and_or_or_is_a_month() -> None:
    text = "Thefts rose between January and March."
    assert _dated_quotes(text, "2025-06-11") == [("2025-01", "2025-03", text)]
    assert _values("It rose in April or May.", "2025-06-11")["May"] == "2025-05"
    # After a name, "May" is one.
    assert "May" not in _values("Boris Johnson and May spoke on Tuesday.", "2025-06-11")


def test_a_word_cut_at_the_edge_of_what_is_read_before_a_date_is_not_a_comparison() -> None:
    # "was" 80 characters before the date, cut to "as", was read as a comparison's "as".
    text = (
        "He was charged on Tuesday and remanded in custody to appear at Leeds Crown Court "
        "on 7 July."
    )
    assert _dated_quotes(text, "2025-06-11") == [("2025-06-10", text), ("2025-07-07", text)]


def test_a_day_told_of_an_event_named_by_its_year_and_a_past_verb_is_in_that_year() -> None:
    told = "The 2011 earthquake struck on 11 March."
    later = "A tsunami hit the coast on 12 March."
    assert _dated_quotes(f"{told} {later}", "2025-06-11") == [
        ("2011-03-11", told),
        ("2011-03-12", later),
    ]
    text = "The 2019 fire destroyed the roof on 15 April."
    assert _values(text, "2025-06-11")["15 April"] == "2019-04-15"


def test_a_day_a_condition_may_be_confirmed_or_announced_on_is_ahead() -> None:
    # Published Wednesday 11 June 2025.
    text = "If confirmed on Friday, she would become the first woman to lead the court."
    assert _values(text, "2025-06-11")["Friday"] == "2025-06-13"
    # Confirmed on a day, it is gone.
    text = "The ministry confirmed on Friday that she would lead the court."
    assert _values(text, "2025-06-11")["Friday"] == "2025-06-06"


def test_a_day_a_past_activity_went_on_until_is_gone() -> None:
    # Published Wednesday 11 June 2025.
    text = "Rescue teams searched until dark on Saturday."
    assert _values(text, "2025-06-11")["Saturday"] == "2025-06-07"
    text = "Crews worked until Friday to restore power."
    assert _values(text, "2025-06-11")["Friday"] == "2025-06-06"
    assert _values("Crews will work until Friday.", "2025-06-11")["Friday"] == "2025-06-13"


def test_a_day_something_is_forecast_to_happen_on_is_ahead() -> None:
    # Published Wednesday 11 June 2025.
    text = "The storm is forecast to make landfall late on Friday or early on Saturday."
    assert _values(text, "2025-06-11") == {"Friday": "2025-06-13", "Saturday": "2025-06-14"}
    # What was forecast, and did not happen, is gone.
    text = "The storm was forecast to make landfall on Friday but veered away."
    assert _values(text, "2025-06-11")["Friday"] == "2025-06-06"


def test_a_day_someone_was_told_to_return_or_appear_on_is_ahead() -> None:
    # Published Wednesday 11 June 2025.
    text = "Released under investigation, he was told to return to the station on 2 January."
    assert _values(text, "2025-06-11")["2 January"] == "2026-01-02"
    text = "He was told to appear before magistrates on Friday."
    assert _values(text, "2025-06-11")["Friday"] == "2025-06-13"
    # What someone told of is told in its own tense.
    text = "She told the court she had gone to Paris in January."
    assert _values(text, "2025-06-11")["January"] == "2025-01"


def test_the_tense_inside_single_quotes_does_not_tell_when_it_was_said() -> None:
    # Published Thursday 12 June 2025, in the British style of single quotes.
    text = "On Wednesday, ‘We shall fight on,’ the rebel leader told supporters."
    assert _values(text, "2025-06-12")["Wednesday"] == "2025-06-11"
    text = "On Wednesday, ‘We don’t give up, we will win,’ the rebel leader told supporters."
    assert _values(text, "2025-06-12")["Wednesday"] == "2025-06-11"


def test_a_days_event_that_may_have_been_planned_is_gone() -> None:
    # Published Thursday 12 June 2025.
    text = "Monday's attack may have been planned for months, police said."
    assert _values(text, "2025-06-12")["Monday"] == "2025-06-09"


def test_a_day_of_a_statement_opening_the_sentence_is_when_it_was_made() -> None:
    # Published Thursday 12 June 2025.
    text = (
        "In a statement on Tuesday, the club said the manager would leave at the end of the season."
    )
    assert _values(text, "2025-06-12")["Tuesday"] == "2025-06-10"
    # A speech to come, reported after it, is ahead.
    text = "He will set out his plans in a speech on Friday, aides said."
    assert _values(text, "2025-06-12")["Friday"] == "2025-06-13"


def test_a_days_event_that_could_do_something_is_ahead_whoever_said_so() -> None:
    # Published Wednesday 11 June 2025.
    text = "Friday's vote could bring down the government, analysts said."
    assert _values(text, "2025-06-11")["Friday"] == "2025-06-13"
    text = "Analysts said Friday's vote could bring down the government."
    assert _values(text, "2025-06-11")["Friday"] == "2025-06-13"


def test_a_day_something_clears_the_way_for_is_ahead() -> None:
    # Published Wednesday 11 June 2025.
    text = (
        "Parliament on Wednesday approved the budget after a session that ran until 3 a.m., "
        "clearing the way for a confidence vote on Friday."
    )
    assert _values(text, "2025-06-11")["Friday"] == "2025-06-13"
    assert sorted(_dated_quotes(text, "2025-06-11")) == [("2025-06-11", text), ("2025-06-13", text)]


def test_a_day_within_a_season_after_a_day_told_in_a_year_gone_goes_on_in_that_year() -> None:
    told = "The 2020 pandemic closed schools on 23 March."
    later = "They reopened on 1 June."
    assert _dated_quotes(f"{told} {later}", "2025-06-12") == [
        ("2020-03-23", told),
        ("2020-06-01", later),
    ]


def test_a_weekday_joined_to_a_weekday_just_told_is_the_first_such_day_after_it() -> None:
    # Published Thursday 12 June 2025.
    text = "Strikes planned for next Tuesday and Wednesday were called off on Monday."
    assert _values(text, "2025-06-12") == {
        "next Tuesday": "2025-06-17",
        "Wednesday": "2025-06-18",
        "Monday": "2025-06-09",
    }
    text = "Talks last Friday and Saturday failed."
    assert _values(text, "2025-06-12")["Saturday"] == "2025-06-07"


def test_the_day_a_financial_year_turns_every_year_is_no_event() -> None:
    text = "The firm, whose accounting year ends on 31 March, reported a loss."
    assert _values(text, "2025-06-12") == {"31 March": "XXXX-03-31"}
    assert _dated_quotes(text, "2025-06-12") == []
    text = "Its financial year ended on 31 March."
    assert _dated_quotes(text, "2025-06-12") == [("2025-03-31", text)]


def test_a_month_a_past_span_lasted_until_is_gone() -> None:
    # Published 12 June 2025.
    assert _values("The strike lasted until March.", "2025-06-12")["March"] == "2025-03"
    text = "Fighting continued until January, when a truce was agreed."
    assert _values(text, "2025-06-12")["January"] == "2025-01"
    # A span to come ends ahead.
    assert _values("The ban will remain until March.", "2025-06-12")["March"] == "2026-03"


def test_inches_after_a_number_open_no_quotation() -> None:
    first = 'The 6ft 2" striker scored on Monday.'
    second = '"It was great," he said on Tuesday.'
    assert _dated_quotes(f"{first} {second}", "2025-06-12") == [
        ("2025-06-09", first),
        ("2025-06-10", second),
    ]


def test_a_live_blog_time_alone_on_its_line_is_no_event() -> None:
    text = "16.52 BST\n\nMinisters met on Tuesday and agreed to act."
    assert _dated_quotes(text, "2025-06-12") == [
        ("2025-06-10", "Ministers met on Tuesday and agreed to act.")
    ]


def test_a_time_ending_a_paragraph_is_not_on_a_day_opening_the_next() -> None:
    # Published Thursday 20 March 2025: a list item without its full stop, then a paragraph.
    text = "The meeting ended at 09:30\n\nThursday, 13 March 2025 was calm."
    assert _values(text, "2025-03-20")["09:30"] == "2025-03-20T09:30"
    # Within a paragraph, the day after the time is its day.
    text = "The meeting ended at 09:30.\nThursday, 13 March 2025 was calm."
    assert _values(text, "2025-03-20")["09:30"] == "2025-03-20T09:30"
    text = "The meeting ended at 09:30 local time on Thursday, 13 March 2025."
    assert _values(text, "2025-03-20")["09:30"] == "2025-03-13T09:30"


def test_as_early_as_a_day_is_ahead_unless_a_verb_tells_it_is_gone() -> None:
    # Published Wednesday 11 June 2025.
    text = "The vote could come as soon as Friday, officials said."
    assert _dated_quotes(text, "2025-06-11") == [("2025-06-13", text)]
    text = "A decision could come as early as March, officials said."
    assert _dated_quotes(text, "2025-06-11") == [("2026-03", text)]
    assert _values("The cuts may be made as soon as May.", "2025-06-11")["May"] == "2026-05"
    # What was known or done as early as a day is gone.
    text = "Officials knew as early as March that the dam was failing."
    assert _values(text, "2025-06-11")["March"] == "2025-03"
    assert _values("Officials were warned as early as Monday.", "2025-06-11")["Monday"] == (
        "2025-06-09"
    )


def test_a_count_of_days_lasting_from_a_day_is_a_span_of_those_days() -> None:
    # Published Wednesday 11 June 2025.
    text = "Protesters occupied the square for five days from 3 March."
    assert _dated_quotes(text, "2025-06-11") == [("2025-03-03", "2025-03-07", text)]
    text = "The festival runs for three days from Friday."
    assert _dated_quotes(text, "2025-06-11") == [("2025-06-13", "2025-06-15", text)]
    text = "Parliament was suspended for two weeks from 10 September."
    assert _dated_quotes(text, "2025-06-11") == [("2024-09-10", "2024-09-23", text)]
    text = "In the five days from 3 March, 40 people died."
    assert _dated_quotes(text, "2025-06-11") == [("2025-03-03", "2025-03-07", text)]
    # A count of days after which something comes is no span.
    text = "The vote is in five days from 3 March."
    assert _dated_quotes(text, "2025-06-11") == [("2025-03-03", text)]


def test_a_month_or_day_a_thing_was_not_done_until_is_gone() -> None:
    # Published Wednesday 11 June 2025.
    assert _values("The council did nothing until May.", "2025-06-11")["May"] == "2025-05"
    assert _values("Police did not act until Friday.", "2025-06-11")["Friday"] == "2025-06-06"
    # Not done until a day to come: ahead.
    text = "The road will not reopen until March."
    assert _values(text, "2025-06-11")["March"] == "2026-03"
    text = "The law was not due to take effect until May."
    assert _values(text, "2025-06-11")["May"] == "2026-05"


def test_after_midnight_is_the_small_hours_of_a_day_never_its_end() -> None:
    # Published Tuesday 6 May 2025.
    text = "The fire broke out shortly after midnight on Saturday."
    assert _values(text, "2025-05-06") == {"shortly after midnight on Saturday": "2025-05-03"}
    assert _values("Police were called just after midnight.", "2025-05-06") == {
        "midnight": "2025-05-06"
    }
    told = "The storm reached the coast on 3 May."
    later = "Shortly after midnight, the dam broke."
    assert _dated_quotes(f"{told} {later}", "2025-05-06") == [
        ("2025-05-03", told),
        ("2025-05-04", later),
    ]


def test_a_quarter_of_a_fiscal_year_is_no_calendar_date() -> None:
    # A company's year may start in any month: its quarter's months are not known.
    assert _dated_quotes("Revenue rose 8% in fiscal Q3 2025.", "2025-05-06") == []
    assert _dated_quotes("Revenue rose in the third fiscal quarter of 2024.", "2025-05-06") == []
    assert _dated_quotes("Revenue rose in Q3 FY2025.", "2025-05-06") == []
    # A quarter of a year told without "fiscal" dates its year.
    text = "GDP shrank 0.3% in Q4 2024."
    assert _dated_quotes(text, "2025-05-06") == [("2024", text)]


def test_a_weekday_named_in_french_spanish_italian_or_german_is_a_day() -> None:
    # Published Friday 7 March 2025.
    text = "Le gouvernement a démissionné mardi."
    assert _dated_quotes(text, "2025-03-07", day_first=True) == [("2025-03-04", text)]
    assert _values("El gobierno dimitió el martes.", "2025-03-07", True) == {"martes": "2025-03-04"}
    assert _values("Die Regierung trat am Dienstag zurück.", "2025-03-07", True) == {
        "Dienstag": "2025-03-04"
    }
    assert _values("Il governo si è dimesso martedì.", "2025-03-07", True) == {
        "martedì": "2025-03-04"
    }
    # The words telling its week: the coming one, the last.
    assert _values("Le conseil se réunira mardi prochain.", "2025-03-07", True) == {
        "mardi prochain": "2025-03-11"
    }
    assert _values("Die Wahl findet am kommenden Sonntag statt.", "2025-03-07", True) == {
        "kommenden Sonntag": "2025-03-09"
    }
    # Quoted in English text, with its day: one expression.
    assert _values("Ministers met (le mardi 4 mars).", "2025-03-07") == {
        "mardi 4 mars": "2025-03-04"
    }
    # A capitalised Romance weekday is a name.
    assert _values("Crowds gathered for Mardi Gras.", "2025-03-07") == {}
    assert _values("Domingo said he would sing.", "2025-03-07") == {}


def _candidate_titles(folder: Path, body: str, published: str) -> list[tuple[str, str]]:
    """Each candidate file's date and title, from `timeline extract` run on a new site
    holding one article of text `body`."""
    from click.testing import CliRunner

    from builder.cli import main

    site = folder / "site"
    assert CliRunner().invoke(main, ["init", str(site)]).exit_code == 0
    for sample in (site / "content").rglob("*.md"):
        sample.unlink()
    (site / "content" / "sources" / "story.md").write_text(
        f"---\ntitle: Story\npublisher: Courier\npublished: {published}\n---\n{body}\n",
        encoding="utf-8",
    )
    assert CliRunner().invoke(main, ["extract", "--site", str(site)]).exit_code == 0
    found = []
    for path in (site / "content" / "candidates").glob("*.md"):
        front = yaml.safe_load(path.read_text(encoding="utf-8").split("---")[1])
        found.append((str(front["date"]), front["title"]))
    return sorted(found)


def test_the_candidates_of_one_sentence_are_titled_by_the_clause_of_each_date(
    tmp_path: Path,
) -> None:
    body = "The dam, built in 1962, had been under repair since 2023."
    assert _candidate_titles(tmp_path / "dam", body, "2025-06-12") == [
        ("1962", "The dam, built in 1962"),
        ("2023", "The dam … had been under repair since 2023"),
    ]
    body = "Ministers met on Monday and agreed on Tuesday to hold a referendum in 2027."
    assert _candidate_titles(tmp_path / "vote", body, "2025-06-12") == [
        ("2025-06-09", "Ministers met on Monday"),
        ("2025-06-10", "Ministers met on Monday and agreed on Tuesday to hold a referendum"),
        ("2027", "Ministers met on Monday and agreed on Tuesday to hold a referendum in 2027"),
    ]


def test_dawn_and_dusk_are_the_morning_and_evening_of_their_day() -> None:
    # Published Thursday 8 May 2025.
    text = "Troops crossed the border at dawn on Tuesday."
    assert _values(text, "2025-05-08") == {"dawn on Tuesday": "2025-05-06TMO"}
    assert _dated_quotes(text, "2025-05-08") == [("2025-05-06", text)]
    assert _values("Fighting resumed at dusk on 3 May.", "2025-05-08") == {
        "dusk on 3 May": "2025-05-03TEV"
    }
    # Alone, on the day the story is at.
    told = "Police sealed off the street on 3 May."
    later = "The raid began shortly before dawn."
    assert _dated_quotes(f"{told} {later}", "2025-05-08") == [
        ("2025-05-03", told),
        ("2025-05-03", later),
    ]
    # Every night's: no day.
    assert _values("The curfew runs from dusk to dawn.", "2025-05-08") == {}


def test_the_small_hours_told_after_an_evening_are_the_next_days() -> None:
    # Published Friday 5 July 2024: an election night.
    first = (
        "Polls closed at 10pm on Thursday and counting went on through the night, with the "
        "first results declared shortly after 1am."
    )
    second = "By 4.30am the governing party had lost 41 seats."
    assert _values(f"{first} {second}", "2024-07-05") == {
        "10pm on Thursday": "2024-07-04T22:00",
        "shortly after 1am": "2024-07-05T01:00",
        "4.30am": "2024-07-05T04:30",
    }
    assert _dated_quotes(f"{first} {second}", "2024-07-05")[1] == ("2024-07-05", second)
    # After a morning, a later time is the same day's.
    text = "The polls opened at 7am on Thursday. By 11am, turnout was 20%."
    assert _values(text, "2024-07-05")["11am"] == "2024-07-04T11:00"


def test_a_count_of_months_up_to_a_day_is_a_span_ending_on_it() -> None:
    # Published 31 July 2025: an earnings report.
    text = "Acme said its net profit fell 12% in the three months to 30 June."
    assert _dated_quotes(text, "2025-07-31") == [("2025-04-01", "2025-06-30", text)]
    text = "Prices rose 4% in the 12 months to 30 June."
    assert _dated_quotes(text, "2025-07-31") == [("2024-07-01", "2025-06-30", text)]
    text = "Rain fell for three months from 1 March."
    assert _dated_quotes(text, "2025-07-31") == [("2025-03-01", "2025-05-31", text)]


def test_a_date_the_sentence_says_is_not_the_one_is_no_candidate() -> None:
    # A correction, published Sunday 8 December 2024.
    text = "It was in August 2013, not September 2013."
    assert _dated_quotes(text, "2024-12-08") == [("2013-08", text)]
    text = "The vote will be held on Tuesday, not Monday."
    assert _dated_quotes(text, "2024-12-08") == [("2024-12-10", text)]
    text = "The meeting was held on Friday instead of Thursday."
    assert _dated_quotes(text, "2024-12-08") == [("2024-12-06", text)]
    # Not done on a day is told of that day.
    text = "The ceasefire did not take effect on Monday."
    assert _dated_quotes(text, "2024-12-08") == [("2024-12-02", text)]


def test_a_date_after_as_naming_a_role_is_an_event_date() -> None:
    # An obituary, published 16 September 2024.
    text = "The tower was completed in 1974 and listed as a monument in 2008."
    assert _dated_quotes(text, "2024-09-16") == [("1974", text), ("2008", text)]
    text = "She worked as a nurse in 1990 and was elected mayor in 2008."
    assert _dated_quotes(text, "2024-09-16") == [("1990", text), ("2008", text)]
    # "as" of a comparison: the year compared with is no event.
    text = "Profits rose in 2024, as high as they were in 2008."
    assert _dated_quotes(text, "2024-09-16") == [("2024", text)]
    text = "Sales fell in 2024, as in 2019."
    assert _dated_quotes(text, "2024-09-16") == [("2024", text)]


def test_a_weekday_in_a_sentence_telling_in_its_language_of_what_is_to_come_is_ahead() -> None:
    # Published Wednesday 5 March 2025.
    text = "Le président doit s'exprimer jeudi soir."
    assert _dated_quotes(text, "2025-03-05", day_first=True) == [("2025-03-06", text)]
    assert _values("La votación será el martes.", "2025-03-05", True) == {"martes": "2025-03-11"}
    assert _values("Die Wahl soll am Sonntag stattfinden.", "2025-03-05", True) == {
        "Sonntag": "2025-03-09"
    }
    # Told as done: the day gone.
    assert _values("El gobierno dimitió el martes.", "2025-03-05", True) == {"martes": "2025-03-04"}


def test_a_weekday_beside_a_verb_in_the_future_tense_of_its_language_is_ahead() -> None:
    # Published Monday 29 May 2023.
    text = "Las Cortes se disolverán el martes, según fuentes de Moncloa."
    assert _dated_quotes(text, "2023-05-29", day_first=True) == [("2023-05-30", text)]
    assert _values("Les députés voteront mardi.", "2023-05-29", True) == {"mardi": "2023-05-30"}
    assert _values("Il parlamento voterà martedì.", "2023-05-29", True) == {"martedì": "2023-05-30"}
    # "era" is a past tense ("was").
    assert _values("El martes era festivo.", "2023-05-29", True) == {"martes": "2023-05-23"}


def test_a_month_named_in_french_spanish_or_german_is_a_month() -> None:
    # Published Wednesday 5 March 2025.
    text = "Le traité a été signé en mars 2024."
    assert _dated_quotes(text, "2025-03-05", day_first=True) == [("2024-03", text)]
    assert _values("El acuerdo se firmó en marzo de 2024.", "2025-03-05", True) == {
        "marzo de 2024": "2024-03"
    }
    assert _values("Der Vertrag wurde im März 2024 unterzeichnet.", "2025-03-05", True) == {
        "März 2024": "2024-03"
    }
    assert _values("Le gouvernement est tombé en décembre dernier.", "2025-03-05", True) == {
        "décembre dernier": "2024-12"
    }
    assert _values("Les élections auront lieu en juin.", "2025-03-05", True) == {"juin": "2025-06"}
    # The English verb, and the planet: the year alone.
    assert _values("Violence mars 2024 election.", "2025-03-05") == {"2024": "2024"}
    assert _values("The Mars 2024 mission was delayed.", "2025-03-05") == {"2024": "2024"}


def test_a_day_with_its_weekday_alone_on_its_line_is_a_heading_not_an_event() -> None:
    # A live blog, published Friday 24 January 2025.
    text = (
        "Friday 24 January 2025\n\n"
        "09:42 GMT – More than 700,000 homes are without power.\n\n"
        "Thursday 23 January 2025\n\n"
        "18:02 GMT – The storm is expected to make landfall overnight."
    )
    assert _dated_quotes(text, "2025-01-24") == [
        ("2025-01-24T09:42Z", "09:42 GMT – More than 700,000 homes are without power."),
        ("2025-01-23T18:02Z", "18:02 GMT – The storm is expected to make landfall overnight."),
    ]
    # A sentence that is a date, with its full stop, is still one.
    assert _dated_quotes("Friday 24 January 2025.", "2025-01-25") == [
        ("2025-01-24", "Friday 24 January 2025.")
    ]


def test_a_count_of_days_a_thing_was_to_last_until_a_day_is_a_span_ending_on_it() -> None:
    # A Q&A explainer, published 18 March 2025.
    text = "The first phase was to last 42 days, until 1 March."
    assert _dated_quotes(text, "2025-03-18") == [("2025-01-19", "2025-03-01", text)]
    text = "The strike lasted three weeks, until 4 April."
    assert _dated_quotes(text, "2025-04-08") == [("2025-03-15", "2025-04-04", text)]
    text = "The festival lasts five days from Friday."
    assert _dated_quotes(text, "2025-04-08") == [("2025-04-11", "2025-04-15", text)]


def test_a_german_date_whose_month_has_its_english_name_is_a_day_of_one_sentence() -> None:
    # A dpa report, published Thursday 15 August 2024.
    text = "Der Bundestag soll den Entwurf in der ersten Lesung am 10. September beraten."
    assert _dated_quotes(text, "2024-08-15", day_first=True) == [("2024-09-10", text)]
    text = "Die Wahl findet am 28. September 2025 statt."
    assert _values(text, "2024-08-15", True) == {"28. September 2025": "2025-09-28"}


def test_yesterday_today_and_tomorrow_in_french_spanish_italian_or_german_are_days() -> None:
    # Published Thursday 15 August 2024.
    text = "El Gobierno aprobó ayer el decreto."
    assert _dated_quotes(text, "2024-08-15", day_first=True) == [("2024-08-14", text)]
    assert _values("Gestern hatte die Opposition Kritik geübt.", "2024-08-15", True) == {
        "Gestern": "2024-08-14"
    }
    assert _values("Le sommet aura lieu demain à Bruxelles.", "2024-08-15", True) == {
        "demain": "2024-08-16"
    }
    assert _values("Il governo si è dimesso ieri.", "2024-08-15", True) == {"ieri": "2024-08-14"}
    # With a capital inside a sentence, a name.
    assert _values("The Ayer family said so.", "2024-08-15") == {}


def test_a_weekday_opening_a_sentence_told_in_the_present_is_ahead() -> None:
    # Published Saturday 6 April 2024.
    text = "Sunday marks the 30th anniversary of the start of the genocide."
    assert _dated_quotes(text, "2024-04-06") == [("2024-04-07", text)]
    assert _values("Friday is the deadline for bids.", "2024-04-06") == {"Friday": "2024-04-12"}
    # Told in the past: gone.
    assert _values("Sunday marked the anniversary.", "2024-04-06") == {"Sunday": "2024-03-31"}


def test_a_day_or_month_an_event_was_set_for_is_the_nearest_one() -> None:
    # A court report, published 11 March 2025.
    text = "A provisional trial date was set for 8 September."
    assert _dated_quotes(text, "2025-03-11") == [("2025-09-08", text)]
    assert _values("The trial was set for September.", "2025-03-11") == {"September": "2025-09"}
    # Set for a day gone, and told with it: that day.
    text = "The vote, scheduled for 3 March, was postponed."
    assert _values(text, "2025-03-11") == {"3 March": "2025-03-03"}


def test_the_month_of_the_figure_a_change_is_measured_from_is_gone() -> None:
    # A profit warning, published 8 October 2025.
    text = "The company now expects profit of £40m, down from a forecast of £65m in March."
    assert _dated_quotes(text, "2025-10-08") == [("2025-03", text)]
    assert _values("Inflation will rise to 4%, up from 3.2% in May.", "2025-10-08") == {
        "May": "2025-05"
    }
    # Not a figure: "from" a place.
    assert _values("Flights from London in March will cost more.", "2025-10-08") == {
        "March": "2026-03"
    }


def test_a_week_told_by_its_first_day_is_the_span_of_that_week() -> None:
    # Published Thursday 6 March 2025.
    text = "Talks will resume in the week beginning 17 March."
    assert _dated_quotes(text, "2025-03-06") == [("2025-03-17", "2025-03-23", text)]
    text = "The trial resumes the week commencing Monday."
    assert _dated_quotes(text, "2025-03-06") == [("2025-03-10", "2025-03-16", text)]


def test_a_midnight_of_no_known_day_takes_no_candidate_from_a_known_day() -> None:
    # Published Wednesday 14 May 2025; the narrative is at a year, not a day.
    told = "Mediators met in 2019."
    later = "Results are expected before midnight, the commission said on Monday."
    assert _dated_quotes(f"{told} {later}", "2025-05-14") == [
        ("2019", told),
        ("2025-05-12", later),
    ]


def test_of_two_dates_of_a_sentence_one_holding_the_other_the_finer_is_proposed() -> None:
    # Published 14 May 2025: "a year after" counts back to 2024, which April 2024 is in.
    text = (
        "The government lost a confidence vote on 11 March, a year after it took office in "
        "April 2024."
    )
    assert _dated_quotes(text, "2025-05-14") == [("2025-03-11", text), ("2024-04", text)]


def test_a_date_after_less_than_a_count_of_time_is_no_comparisons_baseline() -> None:
    # Published 14 May 2025.
    text = (
        "The government lost a confidence vote on 11 March, less than a year after taking "
        "office in April 2024."
    )
    assert _dated_quotes(text, "2025-05-14") == [("2025-03-11", text), ("2024-04", text)]
    # A comparison's year is still its baseline.
    text = "Exports rose 4% in 2024, more than in 2019."
    assert _dated_quotes(text, "2025-05-14") == [("2024", text)]


def test_dawn_on_a_day_with_its_year_is_in_that_year() -> None:
    text = "Russian troops crossed the border before dawn on Feb. 24, 2022."
    assert _values(text, "2025-02-25") == {"dawn on Feb. 24, 2022": "2022-02-24TMO"}
    assert _dated_quotes(text, "2025-02-25") == [("2022-02-24", text)]


def test_yesterday_in_a_quote_after_the_day_it_was_said_is_the_day_before_it() -> None:
    # Published Saturday 14 June 2025.
    text = 'She said on Friday: "Yesterday was a dark day."'
    assert _values(text, "2025-06-14") == {"Friday": "2025-06-13", "Yesterday": "2025-06-12"}
    text = 'She said on Friday: "We arrived today."'
    assert _values(text, "2025-06-14")["today"] == "2025-06-13"
    # Without a day said, the day the story was written.
    assert _values('He said: "Yesterday was hard."', "2025-06-14") == {"Yesterday": "2025-06-13"}


def test_a_clause_saying_only_its_date_is_titled_with_the_clause_it_opens(tmp_path: Path) -> None:
    body = "On Monday, rebels seized the airport, and on Tuesday they entered the city centre."
    assert _candidate_titles(tmp_path / "city", body, "2025-06-11") == [
        ("2025-06-09", "On Monday, rebels seized the airport"),
        ("2025-06-10", "On Tuesday they entered the city centre"),
    ]
    body = "In 2019, the plant closed; in 2021 it was demolished."
    assert _candidate_titles(tmp_path / "plant", body, "2025-06-11") == [
        ("2019", "In 2019, the plant closed"),
        ("2021", "In 2021 it was demolished"),
    ]


def test_an_event_told_by_how_long_it_lasts_spans_from_or_to_its_day() -> None:
    # Published Thursday 8 May 2025.
    text = "Three days of official mourning began on Thursday."
    assert _dated_quotes(text, "2025-05-08") == [("2025-05-08", "2025-05-10", text)]
    text = "A three-day strike starting Monday will halt trains."
    assert _dated_quotes(text, "2025-05-08") == [("2025-05-12", "2025-05-14", text)]
    text = "Five days of talks ended on Friday."
    assert _dated_quotes(text, "2025-05-08") == [("2025-04-28", "2025-05-02", text)]
    # A count after which something came is no span (one date, no end).
    text = "Two days after the vote on Monday, he resigned."
    assert {len(dated) for dated in _dated_quotes(text, "2025-05-08")} == {2}


def test_a_count_after_an_event_dated_just_after_it_is_counted_from_that_date() -> None:
    # Published Sunday 8 June 2025.
    text = "Two days after the vote on Monday, he resigned."
    assert _dated_quotes(text, "2025-06-08") == [("2025-06-02", text), ("2025-06-04", text)]
    text = "Three years after the war in 2003, elections were held."
    assert _dated_quotes(text, "2025-06-08") == [("2003", text), ("2006", text)]


def test_from_one_day_into_another_is_a_span() -> None:
    # A weather forecast, published Sunday 20 July 2025.
    text = "Heavy snow is forecast from Thursday night into Saturday morning."
    assert _dated_quotes(text, "2025-07-20") == [("2025-07-24", "2025-07-26", text)]
    text = "The crisis dragged on from 2019 into 2021."
    assert _dated_quotes(text, "2025-07-20") == [("2019", "2021", text)]


def test_the_days_of_a_timeline_under_a_year_heading_are_in_that_year() -> None:
    # Published 20 January 2025.
    text = (
        "Timeline of the crisis\n\n2023\n\n"
        "October 7 – Militants attack southern Israel.\n\n"
        "2024\n\n"
        "January 26 – The ICJ orders provisional measures.\n\n"
        "June – A truce is proposed."
    )
    assert _dated_quotes(text, "2025-01-20") == [
        ("2023-10-07", "October 7 – Militants attack southern Israel."),
        ("2024-01-26", "January 26 – The ICJ orders provisional measures."),
        ("2024-06", "June – A truce is proposed."),
    ]


def test_march_or_may_labelling_a_timelines_line_is_a_month() -> None:
    text = "2023\n\nMarch – Talks collapse.\n\nMay: A truce is agreed."
    assert _dated_quotes(text, "2025-01-20") == [
        ("2023-03", "March – Talks collapse."),
        ("2023-05", "May: A truce is agreed."),
    ]
    # The verb stays a verb.
    assert list(_values("Protesters march: thousands joined.", "2025-01-20")) == []


def test_a_year_heading_dates_only_the_timeline_entries_under_it() -> None:
    # Published 20 January 2025: a box of key dates over the story.
    text = (
        "Key dates\n\n2019\n\n- May 4 – Workers strike.\n\n"
        "The strike continues. Talks are set for 12 March and a vote in June."
    )
    assert _values(text, "2025-01-20") == {
        "2019": "2019",
        "May 4": "2019-05-04",
        "12 March": "2025-03-12",
        "June": "2025-06",
    }


def test_a_day_in_french_spanish_italian_or_german_told_as_done_is_the_one_gone() -> None:
    # Published Thursday 6 March 2025.
    text = "Le 14 juillet, la foule a envahi les rues."
    assert _dated_quotes(text, "2025-03-06", day_first=True) == [("2024-07-14", text)]
    assert _values("La ley fue aprobada el 20 de marzo.", "2025-03-06", True) == {
        "20 de marzo": "2024-03-20"
    }
    assert _values("Il governo ha votato il 20 marzo.", "2025-03-06", True) == {
        "20 marzo": "2024-03-20"
    }
    assert _values("Die Regierung hatte am 20. März getagt.", "2025-03-06", True) == {
        "20. März": "2024-03-20"
    }
    # Told as to come: ahead.
    assert _values("Le sommet aura lieu le 14 juillet.", "2025-03-06", True) == {
        "14 juillet": "2025-07-14"
    }


def test_the_week_of_a_day_is_that_week_from_monday_to_sunday() -> None:
    # Published Thursday 6 March 2025 (19 March 2025 is a Wednesday).
    text = "Negotiators will meet the week of March 19."
    assert _dated_quotes(text, "2025-03-06") == [("2025-03-17", "2025-03-23", text)]


def test_a_day_in_another_language_with_last_or_next_beside_it_is_that_one() -> None:
    # Published Sunday 6 April 2025.
    assert _values("El pasado 10 de abril, el Congreso votó.", "2025-04-06", True) == {
        "10 de abril": "2024-04-10"
    }
    assert _values("Le 5 mai dernier, le président parle.", "2025-04-06", True) == {
        "5 mai": "2024-05-05"
    }
    assert _values("Le vote est prévu le 5 mai prochain.", "2025-04-06", True) == {
        "5 mai": "2025-05-05"
    }


def test_a_race_time_is_no_time_of_day() -> None:
    # Published Monday 10 March 2025.
    text = "She won the 1500m in 3:29.40 on Sunday."
    assert _values(text, "2025-03-10") == {"Sunday": "2025-03-09"}
    assert _dated_quotes(text, "2025-03-10") == [("2025-03-09", text)]
    # A time closing its sentence is one.
    assert _values("Police arrived at 10:30. Residents fled.", "2025-03-10") == {
        "10:30": "2025-03-10T10:30"
    }


def test_a_count_of_weeks_or_months_from_today_is_that_day() -> None:
    # Published Friday 23 May 2025.
    text = "Voters go to the polls on 4 July, six weeks from today."
    assert _values(text, "2025-05-23")["six weeks from today"] == "2025-07-04"
    assert _values("It ends two months from today.", "2025-05-23") == {
        "two months from today": "2025-07-23"
    }
    assert _values("It ends a week from today.", "2025-05-23") == {
        "a week from today": "2025-05-30"
    }
