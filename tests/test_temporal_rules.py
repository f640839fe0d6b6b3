"""Smaller conventions of the temporal tagger, one example sentence per rule."""

from __future__ import annotations

from builder.temporal import tag

REPORT_DAY = "2024-10-25"


def values(text: str, dct: str = REPORT_DAY) -> list[tuple[str, str, str]]:
    return [(t.text, t.type, t.value) for t in tag(text, dct)]


def test_last_years_quarter_is_the_same_quarter_a_year_before() -> None:
    text = "Acme's third-quarter sales rose. Sales for last year's quarter were $3 million."
    assert values(text)[-1] == ("last year's quarter", "DATE", "2023-Q3")


def test_next_years_quarter_is_a_year_later() -> None:
    text = "The merger may close in next year's first quarter."
    assert values(text) == [("next year's first quarter", "DATE", "2025-Q1")]


def test_a_quarter_to_quarter_compound_is_not_a_period() -> None:
    text = "Acme's third-quarter sales rose. The quarter-to-quarter comparison was flattering."
    assert values(text) == [("third-quarter", "DATE", "2024-Q3")]


def test_in_a_count_of_units_ahead_is_a_date() -> None:
    text = "The bonds will be repaid in five years."
    assert values(text) == [("five years", "DATE", "2029")]


def test_in_a_count_of_units_after_a_record_stays_a_duration() -> None:
    assert values("It will be the highest level in ten years.") == [
        ("ten years", "DURATION", "P10Y")
    ]
    assert values("Sales rose 5% in two years.") == [("two years", "DURATION", "P2Y")]


def test_now_for_opening_a_segment_is_a_discourse_marker() -> None:
    assert values("That was the news. And now for the weather.") == []
    assert values("The firm is now for sale.") == [("now", "DATE", "PRESENT_REF")]


def test_until_then_is_the_date_just_stated() -> None:
    text = "The offer expires on Nov. 30. Until then, the shares stay listed."
    assert values(text)[-1] == ("then", "DATE", "2024-11-30")
    assert values("Since then, nothing has changed.") == []


def test_recent_and_current_before_a_noun_are_tagged_without_a_time_word_nearby() -> None:
    assert values("Buyers fretted over the recent slide in orchard prices.") == [
        ("recent", "DATE", "PAST_REF")
    ]
    assert values("Ferry riders dislike its current timetable.") == [
        ("current", "DATE", "PRESENT_REF")
    ]


def test_a_weekday_after_a_present_tense_schedule_verb_is_ahead() -> None:
    # The report day is a Friday.
    assert values("The two envoys meet privately Thursday in Geneva.") == [
        ("Thursday", "DATE", "2024-10-31")
    ]
    assert values("The county board convenes Monday to settle the levy.") == [
        ("Monday", "DATE", "2024-10-28")
    ]
    assert values("The envoys met privately Thursday in Geneva.") == [
        ("Thursday", "DATE", "2024-10-24")
    ]


def test_since_year_end_is_the_last_day_of_last_year() -> None:
    assert values("The index has gained 12% since year-end.") == [
        ("year-end", "DATE", "2023-12-31")
    ]
    assert values("The sale should close by year-end.") == [("year-end", "DATE", "2024")]


def test_last_and_the_month_just_gone_is_a_year_back() -> None:
    # Said in October: September itself would be "last month".
    assert values("The dam burst last September.") == [("last September", "DATE", "2023-09")]
    assert values("The dam burst last August.") == [("last August", "DATE", "2024-08")]
    assert values("The dam burst this past September.") == [
        ("this past September", "DATE", "2024-09")
    ]


def test_a_hyphenated_fiscal_quarter_is_the_period_a_year_earlier_refers_to() -> None:
    text = "Acme earned $4 million in the fiscal-first quarter, up from $3 million a year earlier."
    assert values(text) == [
        ("the fiscal-first quarter", "DATE", "2024-Q1"),
        ("a year earlier", "DATE", "2023-Q1"),
    ]


def test_now_that_still_refers_to_the_present() -> None:
    assert values("Tolls will rise now that the bridge is finished.") == [
        ("now", "DATE", "PRESENT_REF")
    ]


def test_recent_after_about_and_the_then_current_price() -> None:
    assert values("Traders worried about recent swings in cocoa.") == [
        ("recent", "DATE", "PAST_REF")
    ]
    assert values("Holders could buy at half the then current price.") == [
        ("then current", "DATE", "PAST_REF")
    ]


def test_today_is_the_nth_day_of_an_event_is_the_report_day() -> None:
    assert values("It's the third day of the dock strike.") == [
        ("the third day", "DATE", "2024-10-25")
    ]
    assert values("The third day of the strike was calm.") == []


def test_the_day_before_in_apposition_to_a_date_is_that_date() -> None:
    text = "Shares peaked on Oct. 3, the day before the recall."
    assert values(text) == [("Oct. 3", "DATE", "2024-10-03"), ("the day", "DATE", "2024-10-03")]
    assert values("He left, the day before the vote.") == []


def test_this_year_as_last_is_last_year() -> None:
    text = "The orchard sold twice as many apples this year as last."
    assert values(text) == [("this year", "DATE", "2024"), ("last", "DATE", "2023")]


def test_a_span_through_a_month_ends_at_the_nearest_such_month() -> None:
    # Said in October 2024: the credit line reaches into next year ...
    assert values("The bank has extended the credit line through January.") == [
        ("January", "DATE", "2025-01")
    ]
    # ... and a run of figures through August ended this summer.
    assert values("Sales slipped through August.") == [("August", "DATE", "2024-08")]


def test_a_year_earlier_a_few_paragraphs_after_the_quarter_is_that_quarter() -> None:
    filler = "The mill also booked a charge for closing an old warehouse. " * 11
    text = f"Acme said third-quarter profit fell. {filler}A year earlier, it earned $2 million."
    assert 600 < text.index("A year earlier") < 800
    assert values(text)[-1] == ("A year earlier", "DATE", "2023-Q3")


def test_this_moment_is_the_present() -> None:
    assert values("Nobody should leave the coalition at this delicate moment.") == [
        ("this delicate moment", "DATE", "PRESENT_REF")
    ]
    assert values("There are no buyers at the moment.") == []


def test_last_years_results_in_a_quarterly_report_are_that_quarter_a_year_before() -> None:
    text = "Acme's third-quarter profit doubled. Last year's results included a tax gain."
    assert values(text)[-1] == ("Last year", "DATE", "2023-Q3")
    assert values("Last year's results included a tax gain.") == [("Last year", "DATE", "2023")]


def test_an_attribution_after_the_day_does_not_set_its_tense() -> None:
    # The report day is a Friday: "said" tells when it was said, not when the ferry runs.
    assert values("A ferry service will run from Monday, the council said.") == [
        ("Monday", "DATE", "2024-10-28")
    ]
    assert values("The ferry will run from Monday — officials told reporters.") == [
        ("Monday", "DATE", "2024-10-28")
    ]
    # Said with the day, it is the day it was said.
    assert values("The ferry stopped running, the council said Monday.") == [
        ("Monday", "DATE", "2024-10-21")
    ]
    assert values("The ferry will run again, the council said on Monday.") == [
        ("Monday", "DATE", "2024-10-21")
    ]


def test_a_season_is_on_the_side_of_the_report_its_verb_points_to() -> None:
    # Written in February: the spring just gone is last year's; in October, next year's
    # summer is the one ahead.
    assert values("The last truce ended in the spring.", "2025-02-03") == [
        ("the spring", "DATE", "2024-SP")
    ]
    assert values("The new terminal will open in the spring.", "2024-11-20") == [
        ("the spring", "DATE", "2025-SP")
    ]
    assert values("The new terminal will open in the spring.", "2025-02-03") == [
        ("the spring", "DATE", "2025-SP")
    ]
    assert values("Shortages made it hard to meet demand well into the summer.", "2024-10-25") == [
        ("the summer", "DATE", "2024-SU")
    ]


def test_a_doubled_closing_quote_ends_a_sentence() -> None:
    # Newswire in the Penn Treebank's style closes quotes with two apostrophes: the verb
    # of the next sentence is not this one's.
    text = "``Exports will, the bankers think, recover in the spring.'' Sales dropped."
    assert values(text, "2025-02-03")[0] == ("the spring", "DATE", "2025-SP")


def test_numeric_dates_in_the_order_the_text_writes_them() -> None:
    assert values("Talks resumed on 04/03/2024.") == [("04/03/2024", "DATE", "2024-04-03")]
    day_first = [(t.text, t.value) for t in tag("Talks resumed on 04/03/2024.", REPORT_DAY, True)]
    assert day_first == [("04/03/2024", "2024-03-04")]
    # Only one order names a date: read that way whatever the convention.
    assert values("Talks resumed on 25/03/2024.") == [("25/03/2024", "DATE", "2024-03-25")]
    late = [(t.text, t.value) for t in tag("Talks resumed on 03/25/2024.", REPORT_DAY, True)]
    assert late == [("03/25/2024", "2024-03-25")]


def test_dotted_year_first_and_dashed_numeric_dates() -> None:
    text = "It opened on 12.05.2024, closed on 2024/05/20 and reopens on 04-06-2024."
    assert [(t.text, t.value) for t in tag(text, REPORT_DAY)] == [
        ("12.05.2024", "2024-05-12"),  # dots: day first in every language that writes them
        ("2024/05/20", "2024-05-20"),
        ("04-06-2024", "2024-04-06"),  # as slashes: month first in American English
    ]
    assert tag(text, REPORT_DAY, True)[2].value == "2024-06-04"
    # Not a day of the calendar, not a date; a version number is not one either.
    assert values("On 31.02.2024 it ran version 4.10.2 of the software.") == []


def test_a_time_after_a_year_is_on_no_day_the_text_names() -> None:
    # The narrative moved to 2019: the first of January 2019 is not a day the text tells of.
    assert values("In 2019 the plant was sold. The deal closed at 3 p.m.") == [
        ("2019", "DATE", "2019"),
        ("3 p.m.", "TIME", "XXXX-XX-XXT15:00"),
    ]
    # An American zone named without its summer time, then the day.
    assert values("Polls closed at 8 p.m. ET on Tuesday.") == [
        ("8 p.m. ET on Tuesday", "TIME", "2024-10-22T20:00")
    ]
    assert values("Polls close at 8 p.m.") == [("8 p.m.", "TIME", "2024-10-25T20:00")]


def test_a_month_just_after_a_past_verb_is_the_one_gone() -> None:
    # Written in November: "took office in January" is the January just gone, though the
    # coming one is nearer; a future or an expectation keeps the nearer one.
    assert values("The mayor, who took office in January, resigned.", "2024-11-30")[0] == (
        "January",
        "DATE",
        "2024-01",
    )
    assert values("Talks will resume in January.", "2024-11-30") == [("January", "DATE", "2025-01")]
    assert values("The deal is expected in January.", "2024-11-30") == [
        ("January", "DATE", "2025-01")
    ]


def test_the_first_month_of_a_span_takes_the_year_of_its_end() -> None:
    assert values("The siege lasted from July to December 2016.") == [
        ("July", "DATE", "2016-07"),
        ("December 2016", "DATE", "2016-12"),
    ]
    assert values("It snowed from November to February 2017.") == [
        ("November", "DATE", "2016-11"),
        ("February 2017", "DATE", "2017-02"),
    ]
    assert values("Prices rose between March and May 2019.") == [
        ("March", "DATE", "2019-03"),
        ("May 2019", "DATE", "2019-05"),
    ]


def test_present_tense_schedule_verbs_of_reopening_and_expiry_point_ahead() -> None:
    # The report day is a Friday.
    for sentence in (
        "The exhibition reopens on Monday.",
        "The lease expires on Monday.",
        "The ban takes effect on Monday.",
    ):
        assert values(sentence) == [("Monday", "DATE", "2024-10-28")], sentence
    assert values("The lease expired on Monday.") == [("Monday", "DATE", "2024-10-21")]


def test_counts_with_thousands_separators_and_days_before_the_calendar() -> None:
    assert values("The town was founded 1,200 years ago.") == [("1,200 years ago", "DATE", "0824")]
    # Before the year 1: no calendar day to give, and not "000 years ago" either.
    assert values("The town was settled 5,000 years ago.") == []
    assert values("The town was settled 5000 years ago.") == []


def test_an_expectation_points_ahead_even_with_its_object_between() -> None:
    # The report day is a Friday: what is expected "by Sunday" is the coming Sunday.
    assert values("Forecasters expect the water to fall back by Sunday.") == [
        ("Sunday", "DATE", "2024-10-27")
    ]


def test_a_clause_joined_after_the_day_does_not_set_its_tense() -> None:
    # "but warned" is a clause of its own: "expect ... by Sunday" tells the tense.
    assert values("Forecasters expect the water to fall back by Sunday, but warned of rain.") == [
        ("Sunday", "DATE", "2024-10-27")
    ]
    # With no verb before the day, the one after it is all there is to go by.
    assert values("On Monday, but only briefly, the ferry stopped.") == [
        ("Monday", "DATE", "2024-10-21")
    ]


def test_a_day_of_a_near_month_after_a_past_verb_is_the_one_gone() -> None:
    # Written on 25 October: "began on Dec. 5" is last December, not the coming one.
    assert values("The talks began on Dec. 5 in Geneva.") == [("Dec. 5", "DATE", "2023-12-05")]
    assert values("The talks will begin on Dec. 5.") == [("Dec. 5", "DATE", "2024-12-05")]


def test_a_number_ending_a_sentence_is_not_the_rate_of_a_duration() -> None:
    # "300 flights a week" is a rate; "in 2024. A week later" a duration.
    assert values("It began in 2024. A week later it ended.") == [
        ("2024", "DATE", "2024"),
        ("A week", "DURATION", "P1W"),
    ]
    assert values("The airline runs 300 flights a week.") == []


def test_a_day_of_the_month_alone_is_in_the_month_the_story_is_in() -> None:
    # Reported on Friday 25 October 2024.
    assert values("The report will be published on the 28th.") == [
        ("the 28th", "DATE", "2024-10-28")
    ]
    assert values("The report was published on the 28th.") == [("the 28th", "DATE", "2024-09-28")]
    assert values("Talks began on Sept. 3 and resumed on the 5th, officials said.") == [
        ("Sept. 3", "DATE", "2024-09-03"),
        ("the 5th", "DATE", "2024-09-05"),
    ]
    # An ordinal that is not a day.
    assert values("The office is on the 5th floor.") == []
    assert values("He was ranked on the 5th list of candidates.") == []


def test_a_when_clause_tells_more_of_the_year_before_it() -> None:
    text = "The probe orbited it from 2011 until 2015, when it crashed on April 30."
    assert values(text)[-1] == ("April 30", "DATE", "2015-04-30")
    # A sentence later, the year no longer holds.
    assert values("Sales fell in 2015. They rose on April 30.")[-1] == (
        "April 30",
        "DATE",
        "2024-04-30",
    )


def test_a_day_opening_the_sentence_is_when_its_attribution_was_said() -> None:
    # "the firm said" is the sentence's own verb here: April 30 is the one gone.
    assert values("On April 30, the firm said it would cut jobs.") == [
        ("April 30", "DATE", "2024-04-30")
    ]


def test_a_weekday_of_last_or_next_week_is_in_that_week() -> None:
    # Reported on Friday 25 October 2024: last week is 14-20 October.
    assert values("Hearings were held from Monday through Wednesday of last week.")[:2] == [
        ("Monday", "DATE", "2024-10-14"),
        ("Wednesday", "DATE", "2024-10-16"),
    ]
    assert values("The vote is on Friday of next week.")[0] == ("Friday", "DATE", "2024-11-01")


def test_a_clock_time_after_its_day_is_on_that_day() -> None:
    # Reported on Friday 25 October 2024.
    assert values("Flights will resume tomorrow at 6 a.m.") == [
        ("tomorrow", "DATE", "2024-10-26"),
        ("6 a.m.", "TIME", "2024-10-26T06:00"),
    ]
    assert values("The vote opens on Monday at 9 a.m.")[-1] == (
        "9 a.m.",
        "TIME",
        "2024-10-28T09:00",
    )


def test_holidays_are_their_days_on_the_side_the_verb_points_to() -> None:
    # Reported on Friday 25 October 2024.
    assert values("A vote is expected before Christmas.") == [("Christmas", "DATE", "2024-12-25")]
    assert values("The market closed early on Christmas Eve.") == [
        ("Christmas Eve", "DATE", "2023-12-24")
    ]
    assert values("Talks will resume after Easter Monday.") == [
        ("Easter Monday", "DATE", "2025-04-21")
    ]
    assert values("Shops reopened on Good Friday 2023.") == [
        ("Good Friday 2023", "DATE", "2023-04-07")
    ]
    assert values("Fans gathered on Halloween.") == [("Halloween", "DATE", "2023-10-31")]
    # Not a holiday: a verb and a noun.
    assert values("Traders may day-trade, and others may day dream.") == []


def test_a_unit_in_a_hyphenated_adjective_is_not_a_relative_date() -> None:
    # "a previous week-long truce" is a truce that lasted a week, not last week's.
    assert values("A previous week-long truce ended. Last week, prices rose.") == [
        ("Last week", "DATE", "2024-W42")
    ]


def test_a_span_of_months_is_one_expression() -> None:
    # Reported on 25 October 2024.
    assert values("The economy grew in the July-September quarter.") == [
        ("July-September", "DATE", "2024-Q3")
    ]
    assert values("Output fell in the June-August period.") == [("June-August", "DATE", "2024-06")]


def test_a_quarter_or_half_in_short_form_with_its_year() -> None:
    assert values("Growth should pick up in Q3 2025.") == [("Q3 2025", "DATE", "2025-Q3")]
    assert values("The 2023 Q4 results were strong.") == [("2023 Q4", "DATE", "2023-Q4")]
    assert values("Sales fell in H1 2024.") == [("H1 2024", "DATE", "2024-H1")]
    # No year, no date: which year is not said.
    assert values("Sales fell in Q3.") == []


def test_the_following_morning_is_the_day_after_the_one_the_story_is_at() -> None:
    text = "Police raided the offices on Oct. 8. The following morning, the leader was freed."
    assert values(text)[-1] == ("The following morning", "TIME", "2024-10-09TMO")


def test_a_weekend_is_not_the_day_the_story_is_at() -> None:
    # "the weekend" names no day: "the next day" counts from the last day stated.
    text = (
        "Police raided the offices on Oct. 8. At the weekend, crowds marched. "
        "The next day, he spoke."
    )
    assert values(text)[-1] == ("The next day", "DATE", "2024-10-09")


def test_the_year_to_a_month_is_twelve_months_not_this_year() -> None:
    assert values("In the year to June 2023 it lost money.") == [
        ("the year", "DURATION", "P1Y"),
        ("June 2023", "DATE", "2023-06"),
    ]


def test_a_holiday_opening_a_name_is_not_a_date() -> None:
    assert values("The Good Friday Agreement ended the conflict.") == []
    assert values("The Easter Rising failed.") == []


def test_a_span_of_years_is_one_expression() -> None:
    assert values("Roe (1940-2024) is survived by two daughters.") == [
        ("1940-2024", "DATE", "1940")
    ]
    assert values("They won in the 2022-23 season.") == [("2022-23", "DATE", "2022")]


def test_a_number_counting_or_labelling_things_is_not_a_year() -> None:
    assert values("About 2000 police were deployed near exit 1990 and in room 2019.") == []
    assert values("UN Security Council Resolution 2019 passed.") == []
    # After "in" or "since", a year before a plural noun is a year.
    assert values("In 2011 protesters marched; since 1990 rebels have held it.") == [
        ("2011", "DATE", "2011"),
        ("1990", "DATE", "1990"),
    ]


def test_a_clock_time_with_no_day_is_on_the_day_just_told_of() -> None:
    # Reported on Friday 25 October 2024; the story is at Monday.
    text = "The blast happened on Monday. Rescuers arrived at 1430 GMT."
    assert values(text)[-1] == ("1430 GMT", "TIME", "2024-10-21T14:30Z")


def test_a_decade_of_someone_s_life_is_an_age_not_a_date() -> None:
    assert values("A man in his sixties was injured.") == []
    assert values("She published until her late seventies.") == []
    assert values("Prices rose in the sixties.") == [("the sixties", "DATE", "196")]


def test_a_day_and_month_with_last_or_next_year_is_in_that_year() -> None:
    assert values("He was arrested on 5 March last year.") == [
        ("5 March last year", "DATE", "2023-03-05")
    ]
    assert values("The law takes effect on January 1 next year.") == [
        ("January 1 next year", "DATE", "2025-01-01")
    ]


def test_a_clock_time_this_morning_or_last_night_is_on_that_day() -> None:
    # Friday 25 October 2024.
    text = "Rescuers worked between 10pm on Monday and 5am this morning."
    assert values(text)[-1] == ("5am this morning", "TIME", "2024-10-25T05:00")
    assert values("The blast came at 11pm last night.") == [
        ("11pm last night", "TIME", "2024-10-24T23:00")
    ]


def test_a_live_blog_entry_time_is_on_the_blog_s_day_after_an_older_date() -> None:
    # Friday 25 October 2024: each entry opens with its time; one names an old record.
    text = (
        "09:12 GMT — Gusts beat the record set in February 2022.\n\n"
        "11:15 GMT — Trains are suspended until at least 18:00."
    )
    assert values(text)[2:] == [
        ("11:15 GMT", "TIME", "2024-10-25T11:15Z"),
        ("18:00", "TIME", "2024-10-25T18:00"),
    ]
    # Under a heading naming its day, the entries are on that day.
    text = "Thursday 24 October\n\n21:40 GMT — Rain spread north after February 2022's record."
    assert values(text)[1] == ("21:40 GMT", "TIME", "2024-10-24T21:40Z")


def test_a_midnight_gone_on_the_publication_day_ends_the_day_before() -> None:
    # Published on 1 January 2026, just after midnight.
    text = "Crowds watched the fireworks at midnight as 2026 began."
    assert values(text, "2026-01-01")[0] == ("midnight", "TIME", "2025-12-31T24:00")
    assert values("The curfew will end at midnight.") == [("midnight", "TIME", "2024-10-25T24:00")]


def test_a_month_that_year_is_in_the_year_last_told() -> None:
    text = (
        "Plans were first submitted in the spring of 2023. "
        "They were rejected in December that year and resubmitted last summer."
    )
    assert values(text)[1] == ("December that year", "DATE", "2023-12")
    text = (
        "The meeting will be held on Oct. 21. In the first half of 2024, it cut 800 jobs "
        "in a restructuring announced in January of that year."
    )
    assert values(text)[-1] == ("January of that year", "DATE", "2024-01")


def test_the_same_month_after_a_year_alone_is_not_padded_to_january() -> None:
    text = "Auditors checked the 2022-23 accounts. He was suspended the same month."
    assert ("the same month", "DATE", "2022-01") not in values(text)


def test_a_clock_time_on_a_holiday_is_on_that_day() -> None:
    # Published on 1 January 2026.
    text = "Police had arrested 42 people by 11pm on New Year's Eve."
    assert values(text, "2026-01-01") == [("11pm on New Year's Eve", "TIME", "2025-12-31T23:00")]
    text = "The service starts at 10 a.m. on Easter Monday 2025."
    assert values(text) == [("10 a.m. on Easter Monday 2025", "TIME", "2025-04-21T10:00")]


def test_overnight_ahead_is_the_coming_night() -> None:
    assert values("The storm is expected to move east overnight.") == [
        ("overnight", "TIME", "2024-10-25TNI")
    ]
    assert values("Temperatures fell overnight.") == [("overnight", "TIME", "2024-10-24TNI")]
    # After a midnight just gone, the night is the one that midnight was in.
    text = "Crowds cheered at midnight as 2026 began. Temperatures fell overnight."
    assert values(text, "2026-01-01")[-1] == ("overnight", "TIME", "2025-12-31TNI")


def test_a_clock_time_on_a_weekday_and_a_day_month_date_is_on_that_date() -> None:
    # Thursday 9 January 2025.
    text = "The bridge will close from 8pm on Friday 17th January until 6am on Monday 27 January."
    assert values(text, "2025-01-09") == [
        ("8pm on Friday 17th January", "TIME", "2025-01-17T20:00"),
        ("6am on Monday 27 January", "TIME", "2025-01-27T06:00"),
    ]
    assert values("Doors open at 7pm on 17 January 2025.", "2025-01-09") == [
        ("7pm on 17 January 2025", "TIME", "2025-01-17T19:00")
    ]


def test_a_game_clock_is_not_a_time_of_day() -> None:
    assert values("He threw the winning touchdown with 1:12 left.") == []
    assert values("They led with 4:30 remaining in the third period.") == []
    assert values("The polls close at 8:00 tonight.")[0][0] == "8:00 tonight"


def test_a_season_before_its_year_is_that_season() -> None:
    assert values("Six stores will open in spring 2026.") == [("spring 2026", "DATE", "2026-SP")]
    assert values("It was built in late summer 1999.") == [("late summer 1999", "DATE", "1999-SU")]


def test_a_span_of_years_may_be_written_with_a_slash() -> None:
    assert values("In the 2024/25 financial year it made £588m.") == [("2024/25", "DATE", "2024")]


def test_a_weekday_after_go_up_or_come_into_force_is_ahead() -> None:
    # Wednesday 31 December 2025.
    assert values("Rail fares go up on Friday by 4.6%.", "2025-12-31") == [
        ("Friday", "DATE", "2026-01-02")
    ]
    assert values("The new cap comes into force on Thursday.", "2025-12-31") == [
        ("Thursday", "DATE", "2026-01-01")
    ]
    assert values("Shares posted a sharp rise on Friday.", "2025-12-31") == [
        ("Friday", "DATE", "2025-12-26")
    ]


def test_an_iso_date_and_time_is_one_time() -> None:
    text = "It was rolled out at 2025-07-18T13:02Z and fixed at 2025-07-18T14:30+02:00."
    assert values(text, "2025-07-18") == [
        ("2025-07-18T13:02Z", "TIME", "2025-07-18T13:02Z"),
        ("2025-07-18T14:30+02:00", "TIME", "2025-07-18T14:30+02:00"),
    ]


def test_a_season_in_a_compound_adjective_is_not_a_date() -> None:
    assert values("The last summer-long dispute, in 2019, cost €800m.") == [
        ("2019", "DATE", "2019")
    ]


def test_a_date_after_a_short_weekday_dates_the_clock_times_before_it() -> None:
    # Monday 10 March 2025.
    text = "Controllers walk out from 06:00 local time (05:00 GMT) on Wed 12 Mar, unions said."
    assert values(text, "2025-03-10") == [
        ("06:00", "TIME", "2025-03-12T06:00"),
        ("05:00 GMT", "TIME", "2025-03-12T05:00Z"),
        ("Wed 12 Mar", "DATE", "2025-03-12"),
    ]
    assert values("Talks resume at 2pm on 14 March.", "2025-03-10") == [
        ("2pm on 14 March", "TIME", "2025-03-14T14:00")
    ]


def test_end_and_start_hyphenated_to_a_month_or_year_is_that_period() -> None:
    assert values("Deliveries are due by end-March.") == [("end-March", "DATE", "2025-03")]
    assert values("Rates will stay high until end-2025.") == [("end-2025", "DATE", "2025")]


def test_a_month_just_gone_after_will_is_next_year_s() -> None:
    # Published on 1 January 2026: "will ... in December" is not the December just gone.
    assert values("The vote will be held in December.", "2026-01-01") == [
        ("December", "DATE", "2026-12")
    ]
    assert values("The plant will reopen in October.", "2025-11-20") == [
        ("October", "DATE", "2026-10")
    ]
    assert values("The deal will be signed on 28 December.", "2026-01-01") == [
        ("28 December", "DATE", "2026-12-28")
    ]
    assert values("Prices rose 4% in December.", "2026-01-01") == [("December", "DATE", "2025-12")]


def test_the_first_clock_time_of_a_range_is_on_the_day_of_the_second() -> None:
    # Saturday 15 March 2025.
    text = "Voting takes place between 7am and 10pm on 1 May."
    assert values(text, "2025-03-15") == [
        ("7am", "TIME", "2025-05-01T07:00"),
        ("10pm on 1 May", "TIME", "2025-05-01T22:00"),
    ]
    # Overnight: the first time is on the evening before.
    text = "The road will be shut from 20:00 to 06:00 GMT on Monday."
    assert values(text, "2025-03-15")[0] == ("20:00", "TIME", "2025-03-16T20:00")


def test_a_count_of_units_in_a_name_is_not_a_duration() -> None:
    assert values("The Seven Years' War ended in 1763.") == [("1763", "DATE", "1763")]
    assert values("The Six-Day War began in June 1967.") == [("June 1967", "DATE", "1967-06")]
    assert values("The war lasted seven years.") == [("seven years", "DURATION", "P7Y")]


def test_a_day_of_this_or_last_month_is_that_day() -> None:
    assert values("The deal was agreed on the 14th of this month.", "2025-03-20") == [
        ("the 14th of this month", "DATE", "2025-03-14")
    ]
    assert values("He was arrested on the 28th of last month.", "2025-03-20") == [
        ("the 28th of last month", "DATE", "2025-02-28")
    ]
    # February has no 30th: the month alone.
    assert values("He was arrested on the 30th of last month.", "2025-03-20") == [
        ("last month", "DATE", "2025-02")
    ]


def test_a_week_on_a_weekday_is_that_weekday_of_the_week_after() -> None:
    # Monday 10 March 2025: "a week on Friday" is Friday 21 March.
    text = "Unions threatened further action a week on Friday if talks fail."
    assert values(text, "2025-03-10") == [("a week on Friday", "DATE", "2025-03-21")]


def test_a_day_naming_a_past_event_without_its_year_gets_no_year() -> None:
    # Which October 7 the text does not say: the year is left out, not guessed.
    assert values("Since the October 7 attack, 40,000 people have died.", "2025-03-14") == [
        ("October 7", "DATE", "XXXX-10-07")
    ]
    assert values("The Jan. 6 riot led to hundreds of prosecutions.", "2025-03-14") == [
        ("Jan. 6", "DATE", "XXXX-01-06")
    ]
    # With its year, or as a plain date, it is that day.
    assert values("The October 7, 2023 attack shocked Israel.", "2025-03-14") == [
        ("October 7, 2023", "DATE", "2023-10-07")
    ]
    assert values("The attack came on October 7.", "2025-03-14") == [
        ("October 7", "DATE", "2024-10-07")
    ]
    # A few days after it, the event is the one just gone.
    assert values("Since the October 7 attack, 1,200 people have died.", "2023-10-12") == [
        ("October 7", "DATE", "2023-10-07")
    ]
    assert values("In 2023, the October 7 attack shocked Israel.", "2025-03-14")[1] == (
        "October 7",
        "DATE",
        "2023-10-07",
    )


def test_a_clock_time_in_a_named_zone_takes_the_day_after_it() -> None:
    text = "Acme will webcast the call at 8:30 a.m. Eastern Time on Thursday, June 5, 2025."
    assert values(text, "2025-06-03")[0] == ("8:30 a.m.", "TIME", "2025-06-05T08:30")
    text = "The announcement came at 10 a.m. Sydney time on Saturday."
    assert values(text, "2025-03-17")[0] == ("10 a.m.", "TIME", "2025-03-15T10:00")


def test_a_clock_time_on_a_weekday_and_full_date_takes_its_year() -> None:
    text = "Embargoed until 00:01 BST Tuesday 3 June 2025."
    assert values(text, "2025-06-02") == [
        ("00:01 BST Tuesday 3 June 2025", "TIME", "2025-06-03T00:01")
    ]


def test_today_in_a_dated_dateline_story_is_the_dateline_s_day() -> None:
    # Published at 04:10 UTC on 15 March, written in Washington on 14 March.
    text = "WASHINGTON, March 14 — The Senate voted today. The House votes tomorrow."
    assert [v for _, _, v in values(text, "2025-03-15")] == [
        "2025-03-14",
        "2025-03-14",
        "2025-03-15",
    ]
    text = "NEW YORK, June 2, 2025 (GLOBE NEWSWIRE) -- Acme Corp. today announced its results."
    assert values(text, "2025-06-03")[1] == ("today", "DATE", "2025-06-02")
    # A dateline far from the publication day is not the day of writing.
    text = "KYIV, March 1 — Troops advanced today."
    assert values(text, "2025-03-15")[1] == ("today", "DATE", "2025-03-15")


def test_a_live_blog_entry_time_may_be_bold_or_end_in_a_colon() -> None:
    # Friday 25 October 2024.
    text = (
        "09:12 GMT — Gusts beat the record set in February 2022.\n\n"
        "10.42am: Trains are suspended.\n\n"
        "**11:15 GMT** — Ferries are cancelled."
    )
    assert [v for _, _, v in values(text)][2:] == ["2024-10-25T10:42", "2024-10-25T11:15Z"]


def test_a_scheduled_event_in_the_present_with_a_weekday_is_ahead() -> None:
    saturday = "2025-03-15"
    assert values("The polls close at 8 p.m. EST, or 0100 GMT on Sunday.", saturday)[-1] == (
        "0100 GMT on Sunday",
        "TIME",
        "2025-03-16T01:00Z",
    )
    for sentence, day in (
        ("Rail fares in England rise on Friday by an average of 4.6%.", "2025-03-21"),
        ("Her plane lands on Monday.", "2025-03-17"),
        ("The sale ends on Monday.", "2025-03-17"),
        # The same words as nouns, or not in the present, leave the day behind.
        ("The company posted a sharp rise on Friday.", "2025-03-14"),
        ("Shares posted sharp rises on Friday.", "2025-03-14"),
        ("The company reported a 5% sales rise on Friday.", "2025-03-14"),
        ("The polls did not close on Sunday.", "2025-03-09"),
        ("Price rises on Friday were steep.", "2025-03-14"),
    ):
        assert values(sentence, saturday)[-1][2] == day, sentence


def test_a_deadline_extended_or_adjourned_to_a_day_is_ahead() -> None:
    tuesday = "2025-02-11"
    text = "Germany's DWD has extended its warnings for Lower Saxony to midnight on Wednesday."
    assert values(text, tuesday) == [("midnight on Wednesday", "TIME", "2025-02-12T24:00")]
    assert values("The judge adjourned the hearing to Monday.", tuesday) == [
        ("Monday", "DATE", "2025-02-17")
    ]
    # "to" naming whom, not when: the past verb tells.
    assert values("The government extended aid to farmers on Friday.", tuesday) == [
        ("Friday", "DATE", "2025-02-07")
    ]
    # An extension told of in the past: the past verb tells.
    assert values("The talks, which were extended to Friday, collapsed.", tuesday) == [
        ("Friday", "DATE", "2025-02-07")
    ]


def test_a_change_at_midnight_starts_the_day_it_was_said_to_start_from() -> None:
    text = "From tomorrow, prices rise by 5%. The change takes effect at midnight."
    assert values(text, "2025-12-31T23:05")[-1] == ("midnight", "TIME", "2025-12-31T24:00")
    # Closing at midnight on the day told: the end of that day.
    text = "Tomorrow the shops open again. They close at midnight."
    assert values(text, "2025-12-31")[-1] == ("midnight", "TIME", "2026-01-01T24:00")


def test_a_numeric_day_and_month_after_on_or_a_weekday() -> None:
    monday = "2025-03-10"
    british = [
        (t.text, t.value)
        for t in tag("Services are due to resume on 14/03 at 14:00 CET.", monday, day_first=True)
    ]
    assert british == [("14/03", "2025-03-14"), ("14:00 CET", "2025-03-14T14:00")]
    american = [(t.text, t.value) for t in tag("The match is on Friday 3/14.", monday)]
    assert american == [("Friday 3/14", "2025-03-14")]
    # Fractions and "round the clock" are no days.
    assert values("He scored on 3/4 of his attempts. Staff are on 24/7.", monday) == []


def test_a_clock_time_with_h_between_hours_and_minutes() -> None:
    assert values("He spoke at 14h30 on Friday.", "2025-03-15") == [
        ("14h30 on Friday", "TIME", "2025-03-14T14:30")
    ]


def test_a_sentence_final_month_abbreviation_leaves_out_the_full_stop() -> None:
    assert values("The meeting is on 12 Mar. It will be long.", "2025-03-10") == [
        ("12 Mar", "DATE", "2025-03-12")
    ]
    assert values("The meeting was on 12 Mar. 2024 in Paris.", "2025-03-10") == [
        ("12 Mar. 2024", "DATE", "2024-03-12")
    ]


def test_a_quarter_of_a_game_is_not_a_quarter_of_the_year() -> None:
    assert values("He scored 17 points in the fourth quarter.", "2025-11-24") == []
    assert values("The Celtics trailed by nine in the third quarter.", "2025-11-24") == []
    assert values("The index rose 50 points in the fourth quarter.", "2025-11-24") == [
        ("the fourth quarter", "DATE", "2025-Q4")
    ]
    # figures of a business told of: the year's quarter, whatever else the sentence tells
    text = "Sales rose in the fourth quarter, when Smith scored the winning goal in the final."
    assert values(text, "2025-11-24") == [("the fourth quarter", "DATE", "2025-Q4")]


def test_the_same_period_last_year_as_months_to_a_day() -> None:
    text = (
        "Revenue rose 5% in the six months to 27 September, compared with the same period "
        "last year."
    )
    assert values(text, "2025-11-13")[-1] == ("the same period last year", "DATE", "2024")
    # Six months to 31 March straddle two years: no value holds them.
    text = text.replace("27 September", "31 March")
    assert values(text, "2025-05-13")[-1][0] == "31 March"


def test_the_week_commencing_a_day_is_that_days_week() -> None:
    assert values("Strikes are planned in the week beginning Monday 3 March.", "2025-02-20") == [
        ("the week", "DATE", "2025-W10"),
        ("Monday 3 March", "DATE", "2025-03-03"),
    ]
    assert values("Talks are planned for the week commencing 3 March.", "2025-02-20")[0] == (
        "the week",
        "DATE",
        "2025-W10",
    )


def test_the_following_or_previous_month_counts_from_the_date_told() -> None:
    text = "He was first arrested in March 2022 and charged the following January."
    assert values(text, "2025-06-12")[-1] == ("the following January", "DATE", "2023-01")
    text = "He was arrested in March 2022. The previous December he had fled."
    assert values(text, "2025-06-12")[-1] == ("The previous December", "DATE", "2021-12")


def test_a_season_naming_an_event_is_not_a_season_of_this_year() -> None:
    friday = "2025-08-08"
    assert values("Nobody has forgotten the winter World Cup of 2022.", friday) == [
        ("2022", "DATE", "2022")
    ]
    assert values("She competed in the Summer Olympics.", friday) == []
    assert values("In the summer Biden visited Kyiv.", friday) == [
        ("the summer", "DATE", "2025-SU")
    ]


def test_a_quarter_of_this_next_or_last_year_is_in_that_year() -> None:
    thursday = "2025-03-20"
    for sentence, value in (
        ("Inflation is forecast to peak in the third quarter of this year.", "2025-Q3"),
        ("The merger will close in the first quarter of next year.", "2026-Q1"),
        ("Sales fell in the fourth quarter of last year.", "2024-Q4"),
        ("Sales fell in this year's third quarter.", "2025-Q3"),
    ):
        assert values(sentence, thursday)[0][2] == value, sentence


def test_a_weekday_week_is_the_one_a_week_after_the_coming_one() -> None:
    assert values("The governor will appear before MPs on Tuesday week.", "2025-03-20") == [
        ("Tuesday week", "DATE", "2025-04-01")
    ]


def test_a_quarter_of_a_point_is_no_duration() -> None:
    assert values("Two members voted for a cut of a quarter point.") == []
    assert values("Rates fell by three quarters of a point.") == []
    assert values("It took two quarters of growth.") == [("two quarters", "DURATION", "P2Q")]


def test_mid_afternoon_is_on_the_day_told_of() -> None:
    text = "Thousands were stranded on Friday. Services were restored by mid-afternoon."
    assert values(text, "2025-07-19")[-1] == ("mid-afternoon", "TIME", "2025-07-18TAF")


def test_a_weekday_a_spell_runs_into_is_ahead_unless_told_in_the_past() -> None:
    wednesday = "2025-01-22"
    text = "Gusts of up to 90mph are possible on exposed coasts overnight into Saturday."
    assert values(text, wednesday)[-1] == ("Saturday", "DATE", "2025-01-25")
    assert values("The talks ran into Sunday.", wednesday) == [("Sunday", "DATE", "2025-01-19")]


def test_a_span_of_weekdays_told_in_no_tense_ends_ahead() -> None:
    text = (
        "A yellow warning for rain covers the whole of Wales from midday Thursday to 6pm Saturday."
    )
    assert [v for _, _, v in values(text, "2025-01-22")] == ["2025-01-23T12:00", "2025-01-25T18:00"]
    # Published on a Friday: the span running now, not next week's Thursday.
    text = "The exhibition is open from Thursday to Sunday."
    assert [v for _, _, v in values(text, "2025-01-24")] == ["2025-01-23", "2025-01-26"]
    text = "Protesters marched from Thursday to Saturday."
    assert [v for _, _, v in values(text, "2025-01-22")] == ["2025-01-16", "2025-01-18"]


def test_tickets_going_on_sale_on_a_weekday_are_ahead() -> None:
    text = "Tickets go on sale at 10am on Friday, with a presale on Thursday morning."
    assert [v for _, _, v in values(text, "2025-02-18")] == ["2025-02-21T10:00", "2025-02-20TMO"]
    assert values("Tickets went on sale on Friday.", "2025-02-18") == [
        ("Friday", "DATE", "2025-02-14")
    ]


def test_a_weekday_in_no_tense_after_a_day_just_ahead_is_ahead() -> None:
    text = (
        "The next attempt is set for 7:14 p.m. EDT on Wednesday, weather permitting. "
        "Forecasters give a 60% chance of acceptable conditions, improving to 80% on Thursday."
    )
    assert values(text, "2025-10-13")[-1] == ("Thursday", "DATE", "2025-10-16")
    # A day years ahead says nothing of the week: "Thursday's closing price" is behind.
    text = "The notes are due Oct. 15, 1999. The price is a premium over Thursday's closing price."
    assert values(text, "1989-10-30")[-1] == ("Thursday", "DATE", "1989-10-26")


def test_the_half_year_end_is_not_the_year_end() -> None:
    assert values("Trading since the half-year end had been encouraging.", "2025-11-06") == []


def test_the_same_period_a_year_earlier_after_weeks_to_a_day() -> None:
    text = (
        "Profits fell by a third in the 26 weeks to 30 August. Pre-tax profit was £112m, "
        "down from £168m in the same period a year earlier."
    )
    assert values(text, "2025-11-06")[-1] == ("the same period a year earlier", "DATE", "2024")


def test_the_holidays_around_a_holiday_are_around_the_nearest_one() -> None:
    text = "Cases rose sharply in the fortnight after the Easter holidays began, officials said."
    assert values(text, "2025-04-09") == [("Easter", "DATE", "2025-04-20")]
    assert values("Sales fell over Christmas.", "2025-04-09") == [
        ("Christmas", "DATE", "2024-12-25")
    ]


def test_past_before_a_weekday_alone_is_a_preposition() -> None:
    text = "If the launch slips past Friday, the next opportunity will not come until Oct. 24."
    assert values(text, "2025-10-13")[0] == ("Friday", "DATE", "2025-10-17")
    assert values("He arrived this past Friday.", "2025-10-13") == [
        ("this past Friday", "DATE", "2025-10-10")
    ]


def test_a_weekday_since_which_something_holds_is_behind() -> None:
    text = "A dispersal order has been in place since 9pm on Saturday and will remain until Monday."
    assert values(text, "2025-08-17") == [
        ("9pm on Saturday", "TIME", "2025-08-16T21:00"),
        ("Monday", "DATE", "2025-08-18"),
    ]


def test_a_clock_time_on_a_weekday_week() -> None:
    text = "A funeral will be held at Bradford Cathedral at 11am on Friday week."
    assert values(text, "2025-05-21") == [("11am on Friday week", "TIME", "2025-05-30T11:00")]


def test_the_day_a_statement_was_made_is_behind_whatever_it_says() -> None:
    text = "The company said in a statement on Wednesday evening that it would not appeal."
    assert values(text, "2025-06-26") == [("Wednesday evening", "TIME", "2025-06-25TEV")]


def test_the_day_a_span_began_since_is_not_the_day_the_story_is_at() -> None:
    text = (
        "Temperatures in Seville had not fallen below 25C at night since June 24. "
        "Wildfires forced the evacuation of two villages overnight, officials said."
    )
    assert values(text, "2025-07-01")[-1] == ("overnight", "TIME", "2025-06-30TNI")


def test_months_in_a_sentence_opened_by_last_summer_or_next_year_are_in_it() -> None:
    text = (
        "Last summer, fires burned 100,000 hectares across the region between July and September."
    )
    assert [v for _, _, v in values(text, "2025-07-02")] == ["2024-SU", "2024-07", "2024-09"]
    text = "Last year, on 3 March, the plant closed."
    assert [v for _, _, v in values(text, "2025-07-02")] == ["2024", "2024-03-03"]


def test_a_live_blog_entry_is_on_its_headings_day_after_an_older_day() -> None:
    text = (
        "## Friday 14 March\n\n"
        "**16:35** — The FTSE 100 closed at 8,632, its best day since 24 February.\n\n"
        "**14:10** — US retail sales figures are due at 13:30 on Monday."
    )
    assert values(text, "2025-03-15")[3] == ("14:10", "TIME", "2025-03-14T14:10")


def test_a_day_on_the_night_of_which_something_happened_is_behind() -> None:
    text = "Homes in the area flooded again on the night of 3 January, when the river peaked."
    assert values(text, "2025-11-19") == [("3 January", "DATE", "2025-01-03")]


def test_the_nth_weekday_of_a_month() -> None:
    friday = "2025-11-21"
    text = "The company will hold its annual meeting on the first Tuesday of December."
    assert values(text, friday) == [("the first Tuesday of December", "DATE", "2025-12-02")]
    assert values("The holiday falls on the last Monday in May 2026.", friday) == [
        ("the last Monday in May 2026", "DATE", "2026-05-25")
    ]


def test_thanksgiving_black_friday_and_cyber_monday() -> None:
    assert values("The offer expires on Black Friday.", "2025-11-21") == [
        ("Black Friday", "DATE", "2025-11-28")
    ]
    assert values("Sales on Cyber Monday rose 5%.", "2025-12-03") == [
        ("Cyber Monday", "DATE", "2025-12-01")
    ]
    assert values("Families gathered for Thanksgiving.", "2025-11-30") == [
        ("Thanksgiving", "DATE", "2025-11-27")
    ]


def test_a_unit_earlier_after_an_amount_is_no_rate() -> None:
    text = "Shares closed at $41.20 on Thursday, down from $45 a week earlier."
    assert values(text, "2025-11-21")[-1] == ("a week", "DURATION", "P1W")
    assert values("He earned $45 a week.", "2025-11-21") == []


def test_a_past_verb_with_an_amount_before_on_a_day_puts_it_behind() -> None:
    text = "The euro fell to $1.05 on 2 January, its lowest since November 2022."
    assert values(text, "2025-11-25")[0] == ("2 January", "DATE", "2025-01-02")


def test_an_event_taking_place_or_forecast_for_a_weekday_is_ahead() -> None:
    thursday = "2025-07-03"
    text = "The British Grand Prix takes place on Sunday, with qualifying on Saturday afternoon."
    assert [v for _, _, v in values(text, thursday)] == ["2025-07-06", "2025-07-05TAF"]
    text = "Rain is forecast for Saturday, but Sunday should be dry."
    assert [v for _, _, v in values(text, thursday)] == ["2025-07-05", "2025-07-06"]
    assert values("The race took place on Sunday.", thursday)[0][2] == "2025-06-29"


def test_an_event_that_is_on_a_weekday_is_ahead() -> None:
    thursday = "2025-07-03"
    assert values("The hearing is on Monday.", thursday) == [("Monday", "DATE", "2025-07-07")]
    assert values("The vote is at 3pm on Friday.", thursday) == [
        ("3pm on Friday", "TIME", "2025-07-04T15:00")
    ]
    assert values("The meeting was on Tuesday.", thursday) == [("Tuesday", "DATE", "2025-07-01")]


def test_until_a_season_is_ahead() -> None:
    text = "The judge denied a request on Friday to delay the trial until the spring."
    assert values(text, "2025-01-14")[-1] == ("the spring", "DATE", "2025-SP")
    assert values("Sales slumped in the spring.", "2025-01-14") == [
        ("the spring", "DATE", "2024-SP")
    ]


def test_the_day_before_or_after_alone_counts_from_the_day_told_of() -> None:
    text = "Talks collapsed on Thursday. The day before, the union had rejected an offer."
    assert values(text, "2025-05-24")[-1] == ("The day before", "DATE", "2025-05-21")
    assert values("The day before, nothing happened.", "2025-05-24") == []


def test_a_clock_time_with_a_dot_before_a_zone() -> None:
    assert values("Trading resumed at 9.30 GMT.", "2025-05-24") == [
        ("9.30 GMT", "TIME", "2025-05-24T09:30Z")
    ]
    assert values("Shares rose 2.30 on Friday.", "2025-05-24") == [("Friday", "DATE", "2025-05-23")]


def test_the_following_or_previous_season_counts_from_the_date_told() -> None:
    text = (
        "A previous application was rejected in October 2024, and a revised scheme was "
        "submitted the following spring."
    )
    assert values(text, "2026-02-05")[-1] == ("the following spring", "DATE", "2025-SP")
    text = "The plant opened in May 2019; the previous autumn it had been flooded."
    assert values(text, "2026-02-05")[-1] == ("the previous autumn", "DATE", "2018-FA")


def test_a_weekday_followed_by_next_or_last_week_is_in_that_week() -> None:
    wednesday = "2025-11-26"
    assert values("The report is published on Tuesday next week.", wednesday)[0] == (
        "Tuesday",
        "DATE",
        "2025-12-02",
    )
    assert values("He resigned on Tuesday last week.", wednesday)[0] == (
        "Tuesday",
        "DATE",
        "2025-11-18",
    )


def test_a_season_of_a_span_of_years() -> None:
    text = "Prices peaked in the winter of 2022-23, when bills were capped."
    assert values(text, "2025-05-23") == [("the winter of 2022-23", "DATE", "2022-WI")]


def test_returning_sailing_and_going_to_the_polls_on_a_weekday_are_ahead() -> None:
    thursday = "2025-11-20"
    for sentence, value in (
        ("Parliament returns from recess on Monday.", "2025-11-24"),
        ("Voters in Chile go to the polls on Sunday.", "2025-11-23"),
        ("The ferry sails at 6am on Saturday.", "2025-11-22T06:00"),
        ("He filed tax returns on Monday.", "2025-11-17"),
        ("Voters went to the polls on Sunday.", "2025-11-16"),
    ):
        assert values(sentence, thursday)[0][2] == value, sentence


def test_units_ago_today_is_that_day() -> None:
    assert values("Two weeks ago today, the bridge collapsed.", "2025-11-20") == [
        ("Two weeks ago today", "DATE", "2025-11-06")
    ]
    assert values("A year ago today, he died.", "2025-11-20") == [
        ("A year ago today", "DATE", "2024-11-20")
    ]


def test_a_clock_time_on_a_numeric_day() -> None:
    monday = "2025-03-10"
    found = tag("The plant will be closed from 10:00 to 12:00 on 15/03.", monday, day_first=True)
    assert [t.value for t in found] == ["2025-03-15T10:00", "2025-03-15T12:00"]
    found = tag("The strike begins at 06:00 on Monday 17.03.2025.", monday, day_first=True)
    assert [(t.text, t.value) for t in found] == [
        ("06:00 on Monday 17.03.2025", "2025-03-17T06:00")
    ]


def test_a_statement_to_be_made_on_a_weekday_is_ahead() -> None:
    thursday = "2025-11-20"
    assert values("The winners will be announced on Friday.", thursday) == [
        ("Friday", "DATE", "2025-11-21")
    ]
    assert values("He is expected to be told on Monday.", thursday) == [
        ("Monday", "DATE", "2025-11-24")
    ]


def test_a_night_gone_is_not_after_the_publication_day() -> None:
    text = (
        "Forecasters said the heat would peak on Thursday. "
        "Wildfires forced the evacuation of two villages overnight, officials said."
    )
    assert values(text, "2025-07-01")[-1] == ("overnight", "TIME", "2025-06-30TNI")


def test_a_span_from_a_weekday_told_in_the_present_starts_ahead() -> None:
    saturday = "2025-11-22"
    assert values("From Monday, masks are required.", saturday) == [
        ("Monday", "DATE", "2025-11-24")
    ]
    assert values("Rain is possible from Thursday.", saturday) == [
        ("Thursday", "DATE", "2025-11-27")
    ]
    assert values("Talks ran from Monday to Wednesday.", saturday)[0][2] == "2025-11-17"


def test_the_end_of_a_span_of_weekdays_is_on_or_after_its_start() -> None:
    text = "The exhibition will be open from Thursday to Sunday."
    assert [v for _, _, v in values(text, "2025-01-24")] == ["2025-01-30", "2025-02-02"]
    text = "Talks ran from Monday until Friday."
    assert [v for _, _, v in values(text, "2025-11-22")] == ["2025-11-17", "2025-11-21"]


def test_a_season_closing_a_span_from_a_month_is_after_it() -> None:
    text = "The museum closes for refurbishment from January until the autumn."
    assert [v for _, _, v in values(text, "2025-11-21")] == ["2026-01", "2026-FA"]


def test_a_numeric_month_and_year() -> None:
    assert values("The affected tins carry best-before dates of 12/2026.", "2025-02-07") == [
        ("12/2026", "DATE", "2026-12")
    ]


def test_an_hour_o_clock_is_a_clock_time() -> None:
    assert values("The vote is at 4 o’clock in the afternoon.")[0][2] == "2024-10-25T16:00"
    assert values("It ended at 11 o'clock at night.")[0][2] == "2024-10-25T23:00"
    assert values("It ended at 3 o'clock in the morning.")[0][2] == "2024-10-25T03:00"
    # Which 3 o'clock, the night's or the afternoon's, the text does not say: its day only.
    assert values("The meeting starts at 3 o'clock on Friday.") == [
        ("3 o'clock on Friday", "DATE", "2024-10-25")
    ]


def test_a_weekday_a_change_applies_as_of_is_ahead() -> None:
    assert values("The new rules apply as of Monday.", "2025-05-21") == [
        ("Monday", "DATE", "2025-05-26")
    ]
    assert values("As of Monday, 300 people had died.", "2025-05-21") == [
        ("Monday", "DATE", "2025-05-19")
    ]


def test_a_weekday_of_an_event_called_off_in_the_perfect_is_ahead() -> None:
    text = "Ferry operators have cancelled all sailings on Friday."
    assert values(text, "2025-01-22") == [("Friday", "DATE", "2025-01-24")]
    text = "The club has postponed the match on Saturday."
    assert values(text, "2025-01-22") == [("Saturday", "DATE", "2025-01-25")]
    text = "Ferry operators cancelled all sailings on Friday."
    assert values(text, "2025-01-22") == [("Friday", "DATE", "2025-01-17")]


def test_a_clock_time_is_on_the_day_named_after_its_place() -> None:
    text = "The show airs at 9pm on BBC One on Sunday."
    assert values(text, "2025-03-20") == [
        ("9pm", "TIME", "2025-03-23T21:00"),
        ("Sunday", "DATE", "2025-03-23"),
    ]


def test_a_season_a_past_forecast_puts_something_before_is_ahead() -> None:
    text = "The central bank signalled cuts were unlikely before the summer."
    assert values(text, "2025-03-20") == [("the summer", "DATE", "2025-SU")]
    text = "The central bank raised rates before the summer."
    assert values(text, "2025-03-20") == [("the summer", "DATE", "2024-SU")]


def test_a_quarter_whose_results_come_out_later_this_year_is_this_years() -> None:
    text = "The company reports its fourth-quarter results in late October."
    assert values(text, "2025-09-10") == [
        ("fourth-quarter", "DATE", "2025-Q4"),
        ("late October", "DATE", "2025-10"),
    ]
    text = "The company reported weak fourth-quarter results in February."
    assert values(text, "2025-09-10")[0] == ("fourth-quarter", "DATE", "2024-Q4")


def test_a_ban_or_embargo_that_lifts_is_a_scheduled_event_ahead() -> None:
    text = "The embargo lifts at 00:01 GMT on Thursday."
    assert values(text, "2025-03-10") == [("00:01 GMT on Thursday", "TIME", "2025-03-13T00:01Z")]
    # a noun: the lifts of a ski resort
    text = "Ski lifts on Thursday were closed by the storm."
    assert values(text, "2025-03-10") == [("Thursday", "DATE", "2025-03-06")]
    text = "The ski lifts closed early on Thursday."
    assert values(text, "2025-03-10")[0][2] == "2025-03-06"


def test_a_clock_time_far_from_the_day_stated_gets_no_day() -> None:
    filler = (
        " The decision followed weeks of wrangling over the cost of the scheme, which critics"
        " say will add billions to the national debt. Opposition leaders called it rushed and"
        " said they would challenge it in parliament. Several unions also criticised the move,"
        " saying workers had not been consulted about the changes to pension rules. The"
        " finance minister defended the plan in a radio interview."
    )
    text = "The ministry said on Tuesday that the plan had been approved." + filler
    # Tuesday's 1am or the publication day's (Thursday 13 March)? The text does not tell.
    assert values(text + " It was announced shortly after 1am.", "2025-03-13")[-1] == (
        "shortly after 1am",
        "TIME",
        "XXXX-XX-XXT01:00",
    )
    # near the day stated, it is that day's
    text = "The ministry said on Tuesday that the plan had been approved. It was announced at 1am."
    assert values(text, "2025-03-13")[-1] == ("1am", "TIME", "2025-03-11T01:00")
    # a story whose only day is the publication day: that day's
    text = "The ministry said on Thursday that the plan had been approved." + filler
    assert values(text + " It was announced at 1am.", "2025-03-13")[-1][2] == "2025-03-13T01:00"
    # so do a part of the day and "later in the day"
    text = "The ministry said on Tuesday that the plan had been approved." + filler
    for tail in (" It was announced in the morning.", " Later in the day, crowds gathered."):
        assert values(text + tail, "2025-03-13")[1:] == [], tail
    assert values(text + " Power was back by mid-afternoon.", "2025-03-13")[1:] == []


def test_a_weekday_a_disruption_to_come_lasts_until_is_after_its_start() -> None:
    text = (
        "Rail workers will strike on Wednesday 19 March. Normal services are not expected to"
        " resume until Thursday morning."
    )
    assert values(text, "2025-03-11")[-1] == ("Thursday morning", "TIME", "2025-03-20TMO")
    text = "Rail workers will strike on Thursday 20 March. Services will be cut until Friday."
    assert values(text, "2025-03-11")[-1] == ("Friday", "DATE", "2025-03-21")
    # a strike that has begun: the coming Thursday
    text = "Rail workers walked out on Wednesday. Services will not resume until Thursday."
    assert values(text, "2025-03-13")[-1] == ("Thursday", "DATE", "2025-03-13")
    text = "Rail workers walked out on Monday. Services will not resume until Thursday."
    assert values(text, "2025-03-11")[-1] == ("Thursday", "DATE", "2025-03-13")


def test_a_half_in_a_count_of_units_is_a_half() -> None:
    text = (
        "The war lasted two and a half years. It was the wettest in half a century."
        " He waited half an hour. Prices were frozen for one and a half years."
    )
    assert [value for _, _, value in values(text)] == ["P2Y6M", "P50Y", "PT30M", "P1Y6M"]


def test_a_weekday_a_forecast_is_for_is_ahead() -> None:
    text = (
        "Schools will stay closed until December 9, the ministry said, and the weather service"
        " forecast more rain from Wednesday to Friday."
    )
    assert values(text, "2024-12-02")[1:] == [
        ("Wednesday", "DATE", "2024-12-04"),
        ("Friday", "DATE", "2024-12-06"),
    ]
    text = "The Met Office forecast heavy snow for Thursday, it said."
    assert values(text, "2024-12-02") == [("Thursday", "DATE", "2024-12-05")]
    # a forecast told of as gone
    text = "Forecasters had forecast rain for Thursday, but the day stayed dry."
    assert values(text, "2024-12-02") == [("Thursday", "DATE", "2024-11-28")]


def test_a_weekday_an_event_is_called_or_set_for_is_ahead() -> None:
    wednesday = "2023-03-22"
    for text in (
        "Unions have called a nationwide strike for Thursday.",
        "Unions called a nationwide strike for Thursday.",
        "The vote was set for Thursday.",
        "The judge adjourned the case for Thursday.",
    ):
        assert values(text, wednesday) == [("Thursday", "DATE", "2023-03-23")], text
    assert values("He was arrested for Thursday's attack.", wednesday)[0][2] == "2023-03-16"
    text = "Unions had called a strike for Thursday."
    assert values(text, wednesday)[0][2] == "2023-03-16"


def test_a_numeric_date_read_both_ways_takes_the_reading_its_tense_allows() -> None:
    # month first (American English): 3 November 2023 has not come on 22 March 2023
    text = "It was adopted by the Senate on 11/03/2023 after weeks of debate."
    assert values(text, "2023-03-22") == [("11/03/2023", "DATE", "2023-03-11")]
    text = "The summit will be held on 04/05/2023."
    assert values(text, "2023-04-10") == [("04/05/2023", "DATE", "2023-05-04")]
    # both readings past: the language's order
    text = "It was adopted by the Senate on 01/03/2023."
    assert values(text, "2023-03-22") == [("01/03/2023", "DATE", "2023-01-03")]


def test_a_verb_after_a_modal_is_not_a_past_tense() -> None:
    # "last" and "need" after "will" are verbs to come, not "last week" nor a past in -ed
    text = "The curfew, which the army imposed in January, will last until Oct. 31."
    assert values(text, "2025-03-15")[-1] == ("Oct. 31", "DATE", "2025-10-31")
    text = "The agency will need funding by Oct. 31."
    assert values(text, "2025-03-15")[-1] == ("Oct. 31", "DATE", "2025-10-31")


def test_a_day_a_span_told_in_no_tense_ends_on_is_ahead() -> None:
    assert values("The bill funds agencies through Oct. 31.", "2025-03-15") == [
        ("Oct. 31", "DATE", "2025-10-31")
    ]
    assert values("The bill funded agencies through Oct. 31.", "2025-03-15") == [
        ("Oct. 31", "DATE", "2024-10-31")
    ]


def test_the_verbs_of_a_clause_set_aside_in_commas_do_not_tell_the_tense() -> None:
    text = "The bill, which the House approved on Tuesday, funds agencies through Oct. 31."
    assert values(text, "2025-03-15")[-1] == ("Oct. 31", "DATE", "2025-10-31")
    # the commas of a list do not close the clause holding the expression
    text = (
        "He succeeds James Taylor, who stepped down as chairman, president and chief"
        " executive in March."
    )
    assert values(text, "1989-11-02") == [("March", "DATE", "1989-03")]


def test_a_midnight_something_comes_before_ends_the_day() -> None:
    text = "The Senate passed the bill on Friday, hours before a midnight deadline."
    assert values(text, "2025-03-14")[-1] == ("midnight", "TIME", "2025-03-14T24:00")
    text = "The deal was struck on Friday, minutes before midnight."
    assert values(text, "2025-03-14")[-1] == ("midnight", "TIME", "2025-03-14T24:00")
    # the midnight a day told of in the past began with
    text = "Fireworks were set off at midnight."
    assert values(text, "2025-03-14") == [("midnight", "TIME", "2025-03-13T24:00")]


def test_then_is_the_date_last_stated_a_year_or_a_month_too() -> None:
    text = (
        "A fire broke out on Sunday. The day before, traders had complained. A similar fire"
        " destroyed the market in 2017. Since then, the city has spent millions on it."
    )
    assert values(text, "2024-10-07")[-1] == ("then", "DATE", "2017")
    text = "The market was rebuilt in March 2018. Until then, traders sold from tents."
    assert values(text, "2024-10-07")[-1] == ("then", "DATE", "2018-03")
    text = "Talks resume on Nov. 30. Until then, the truce holds."
    assert values(text, "2024-10-07")[-1] == ("then", "DATE", "2024-11-30")


def test_what_must_be_done_by_a_day_is_ahead() -> None:
    assert values("Troops must withdraw by Friday.", "2025-01-08") == [
        ("Friday", "DATE", "2025-01-10")
    ]
    assert values("The bill has to be signed by Friday.", "2025-01-08")[0][2] == "2025-01-10"
    assert values("The troops must have left on Friday.", "2025-01-08")[0][2] == "2025-01-03"
    assert values("The troops had to leave on Friday.", "2025-01-08")[0][2] == "2025-01-03"


def test_a_count_of_units_from_now_is_that_far_ahead() -> None:
    text = "The results will be published two weeks from now."
    assert values(text, "2025-01-22") == [("two weeks from now", "DATE", "2025-W06")]
    assert values("The vote is three days from today.", "2025-01-22") == [
        ("three days from today", "DATE", "2025-01-25")
    ]
    assert values("Ten years from now, the mine will be closed.", "2025-01-22") == [
        ("Ten years from now", "DATE", "2035")
    ]
    assert values("It opens a few weeks from now.", "2025-01-22") == [
        ("a few weeks from now", "DATE", "FUTURE_REF")
    ]
    assert values("It opens 36 hours from now.", "2025-01-22") == [
        ("36 hours", "DURATION", "PT36H")
    ]


def test_in_a_count_of_units_opening_a_sentence_to_come_is_a_date() -> None:
    assert values("In three days, the plant will close.", "2025-01-22") == [
        ("three days", "DATE", "2025-01-25")
    ]
    assert values("It said so. In two years, the mine will shut.", "2025-01-22")[-1] == (
        "two years",
        "DATE",
        "2027",
    )
    # an expression in the clause: the verbs around it do not tell its tense
    text = (
        "The Bank of England, which cut rates in August and November, is expected to keep"
        " them on hold next week."
    )
    assert values(text, "2024-12-13")[0] == ("August", "DATE", "2024-08")


def test_that_same_year_is_the_year_told() -> None:
    text = "The company was founded in 1998. That same year it listed in New York."
    assert values(text, "2025-01-29")[-1] == ("That same year", "DATE", "1998")
    text = "He was arrested on 3 May 2019. That same day, police searched his home."
    assert values(text, "2025-01-29")[-1] == ("That same day", "DATE", "2019-05-03")


def test_a_fixture_or_event_a_team_or_a_country_hosts_is_ahead() -> None:
    monday = "2024-12-02"
    text = "Liverpool host Newcastle on Wednesday night."
    assert values(text, monday) == [("Wednesday night", "TIME", "2024-12-04TNI")]
    assert values("Japan hosts the summit on Friday.", monday)[0][2] == "2024-12-06"
    # a noun: the host
    assert values("The host nation won on Wednesday.", monday)[0][2] == "2024-11-27"


def test_the_weekday_is_that_day_of_the_week_told_of() -> None:
    text = (
        "The storm hit on 24 January, the strongest since 1945. A red warning was in place"
        " on the Friday, and schools closed on the Saturday."
    )
    assert values(text, "2025-03-11")[-2:] == [
        ("Friday", "DATE", "2025-01-24"),
        ("Saturday", "DATE", "2025-01-25"),
    ]
    # no day told of: the weekday as it is read without "the"
    text = "Schools closed on the Saturday."
    assert values(text, "2025-03-11") == [("Saturday", "DATE", "2025-03-08")]
    # a clock time on the Friday
    text = (
        "The storm hit on 24 January, the strongest since 1945. A warning was in place from"
        " 7am to 2pm on the Friday."
    )
    assert [value for _, _, value in values(text, "2025-03-11")][2:4] == [
        "2025-01-24T07:00",
        "2025-01-24T14:00",
    ]


def test_a_month_a_past_verb_of_anticipation_points_to_is_not_past_by_it() -> None:
    text = "The bank held rates on Thursday but signalled a cut in February was likely."
    assert values(text, "2024-12-19")[-1] == ("February", "DATE", "2025-02")
    text = "The bank promised a decision in February."
    assert values(text, "2024-12-19") == [("February", "DATE", "2025-02")]
    # a past verb whose object is done then
    text = "The bank made a cut in February."
    assert values(text, "2024-12-19") == [("February", "DATE", "2024-02")]


def test_in_the_night_of_a_day_is_that_day_not_the_day_told() -> None:
    text = "The suspects were detained in the night of 3 January."
    assert values(text, "2025-03-10") == [("3 January", "DATE", "2025-01-03")]
    text = "The suspects were detained on Friday. Police raided the house in the night."
    assert values(text, "2025-03-10")[-1] == ("the night", "TIME", "2025-03-07TNI")


def test_words_in_ed_that_are_no_past_verbs_do_not_tell_the_tense() -> None:
    text = "The bank said it will redeem 9.5 million Series H preferred shares on Oct. 31."
    assert values(text, "2025-06-10") == [("Oct. 31", "DATE", "2025-10-31")]
    text = "Rangers need a win in October to stay up."
    assert values(text, "2025-06-10") == [("October", "DATE", "2025-10")]


def test_a_weekday_a_past_statement_puts_ahead_is_after_the_statement() -> None:
    # published on Saturday 15 March: Monday's "on Friday" was the 14th
    text = "He said on Monday that he would resign on Friday."
    assert values(text, "2025-03-15") == [
        ("Monday", "DATE", "2025-03-10"),
        ("Friday", "DATE", "2025-03-14"),
    ]
    text = "On Tuesday the minister said talks would resume on Thursday."
    assert values(text, "2025-03-15")[-1] == ("Thursday", "DATE", "2025-03-13")
    # a Friday still to come after the statement
    text = "He said on Thursday that he would resign on Monday."
    assert values(text, "2025-03-15")[-1] == ("Monday", "DATE", "2025-03-17")
    # no day for the statement: the coming one
    assert values("He said he would resign on Friday.", "2025-03-15")[0][2] == "2025-03-21"


def test_a_dateline_naming_a_region_gives_the_day_written() -> None:
    text = "KHARTOUM, Sudan, April 15 (AP) — Fighting erupted today in the capital."
    assert values(text, "2023-04-16")[-1] == ("today", "DATE", "2023-04-15")


def test_a_clock_time_takes_its_day_across_local_or_a_zone_word() -> None:
    wednesday = "2025-01-08"
    text = "The vote closes at 6pm local (1500 GMT) on Sunday."
    assert values(text, wednesday)[0] == ("6pm", "TIME", "2025-01-12T18:00")
    text = "Trading opens at 9:30 a.m. Eastern on Monday."
    assert values(text, wednesday)[0] == ("9:30 a.m.", "TIME", "2025-01-13T09:30")


def test_a_four_digit_time_in_local_time_is_a_clock_time() -> None:
    text = "The strike starts at 2300 local time on Friday."
    assert values(text, "2025-01-08") == [
        ("2300", "TIME", "2025-01-10T23:00"),
        ("Friday", "DATE", "2025-01-10"),
    ]
    # a count of things is no time
    assert values("Some 2300 local residents fled.", "2025-01-08") == []


def test_the_month_or_year_before_or_after_is_counted_from_the_date_told() -> None:
    text = (
        "The bridge collapsed on 14 August 2018. The month before, inspectors had reported"
        " no problems. The year after, it was rebuilt."
    )
    assert values(text, "2025-11-01")[1:] == [
        ("The month before", "DATE", "2018-07"),
        ("The year after", "DATE", "2019"),
    ]
    # a year told: the year before it; no month to count a month from
    text = "The plant closed in 2019. The year before, it had made a loss. The month after, ..."
    assert values(text, "2025-11-01")[1:] == [("The year before", "DATE", "2018")]


def test_a_weekday_a_change_starts_on_told_in_no_tense_is_ahead() -> None:
    wednesday = "2025-03-05"
    text = "Starting Monday, masks are mandatory on buses."
    assert values(text, wednesday) == [("Monday", "DATE", "2025-03-10")]
    text = "Fares are frozen effective Friday."
    assert values(text, wednesday) == [("Friday", "DATE", "2025-03-07")]
    text = "Starting Monday, masks were mandatory on buses."
    assert values(text, wednesday) == [("Monday", "DATE", "2025-03-03")]


def test_that_season_is_the_season_of_the_year_told() -> None:
    text = (
        "The scheme was uncovered in 2021. That autumn, police raided his home. He was"
        " charged the following spring."
    )
    assert values(text, "2025-02-14")[1:] == [
        ("That autumn", "DATE", "2021-FA"),
        ("the following spring", "DATE", "2022-SP"),
    ]
    # "that" joining a clause: no season of the year told
    text = "The scheme was uncovered in 2021. Officials warned that winter would be harsh."
    assert values(text, "2025-02-14") == [("2021", "DATE", "2021")]
    text = "The scheme was uncovered in 2021. Later that summer, he fled; in that winter he died."
    assert [v for _, _, v in values(text, "2025-02-14")] == ["2021", "2021-SU", "2021-WI"]


def test_holidays_on_a_fixed_day_or_a_weekday_of_their_month() -> None:
    text = "Parades are held on Veterans Day and on Armistice Day in France."
    assert [v for _, _, v in values(text, "2025-10-01")] == ["2025-11-11", "2025-11-11"]
    text = "Traffic was heavy over the Memorial Day weekend, and on Labor Day."
    assert [v for _, _, v in values(text, "2025-09-10")] == ["2025-05-26", "2025-09-01"]
    assert values("Fireworks lit the sky on Bonfire Night.", "2025-11-10")[0][2] == "2025-11-05"
    # a name: the Memorial Day Massacre
    assert values("He recalled the Memorial Day Massacre.", "2025-09-10") == []


def test_the_month_closing_a_span_is_the_first_after_its_start() -> None:
    text = "The truce lasted from late November until mid-December."
    assert values(text, "2025-02-20") == [
        ("late November", "DATE", "2024-11"),
        ("mid-December", "DATE", "2024-12"),
    ]
    text = "The road will be closed from November to January."
    assert [v for _, _, v in values(text, "2025-10-20")] == ["2025-11", "2026-01"]


def test_a_court_appearance_in_the_present_is_ahead() -> None:
    wednesday = "2025-03-05"
    text = "The suspect, 34, appears in court on Monday."
    assert values(text, wednesday)[-1] == ("Monday", "DATE", "2025-03-10")
    text = "Both men appear before magistrates on Friday."
    assert values(text, wednesday)[-1] == ("Friday", "DATE", "2025-03-07")
    text = "The suspect appeared in court on Monday."
    assert values(text, wednesday)[-1] == ("Monday", "DATE", "2025-03-03")


def test_present_tense_verbs_of_a_scheduled_change_are_ahead() -> None:
    wednesday = "2025-03-05"
    for text in (
        "The app launches on Friday.",
        "The service goes live on Friday.",
        "The chief executive steps down on Friday.",
        "The new law kicks in on Friday.",
        "The offer runs out on Friday.",
        "The new governor takes office on Friday.",
    ):
        assert values(text, wednesday) == [("Friday", "DATE", "2025-03-07")], text
    # nouns, and the past
    assert values("Rocket launches on Friday were scrubbed.", wednesday)[0][2] == "2025-02-28"
    assert values("The app launched on Friday.", wednesday)[0][2] == "2025-02-28"


def test_weekdays_joined_by_a_hyphen_are_days_of_every_week() -> None:
    text = "The office is open Monday-Friday from 9am to 5pm."
    assert values(text, "2025-03-05") == [
        ("Monday", "SET", "XXXX-WXX-1"),
        ("Friday", "SET", "XXXX-WXX-5"),
        ("9am", "TIME", "XXXX-XX-XXT09:00"),
        ("5pm", "TIME", "XXXX-XX-XXT17:00"),
    ]
    text = "The market opens on Saturdays from 8am."
    assert values(text, "2025-03-05")[-1] == ("8am", "TIME", "XXXX-XX-XXT08:00")
    # a span with its opening word is a span of days
    text = "Talks were held from Monday to Wednesday."
    assert [v for _, _, v in values(text, "2025-03-05")] == ["2025-03-03", "2025-03-05"]


def test_a_month_opening_a_sentence_told_in_the_past_is_gone() -> None:
    november = "2025-11-10"
    text = "In January the company announced it would close the plant."
    assert values(text, november)[0] == ("January", "DATE", "2025-01")
    text = "On Jan. 3, the company announced it would close the plant."
    assert values(text, november)[0] == ("Jan. 3", "DATE", "2025-01-03")
    # told ahead: the coming one
    text = "In January the company will close the plant."
    assert values(text, november)[0] == ("January", "DATE", "2026-01")
    text = "In January, the new rules take effect."
    assert values(text, november)[0] == ("January", "DATE", "2026-01")


def test_a_month_a_past_statement_puts_ahead_is_after_the_statement() -> None:
    november = "2025-11-10"
    text = "The company said in January that it would close the plant in March."
    assert values(text, november) == [("January", "DATE", "2025-01"), ("March", "DATE", "2025-03")]
    text = "On Jan. 5 the firm said it would shut the mine on March 1."
    assert values(text, november)[-1] == ("March 1", "DATE", "2025-03-01")
    # no month for the statement: the coming March
    text = "The company said it would close the plant in March."
    assert values(text, november) == [("March", "DATE", "2026-03")]


def test_that_month_is_the_month_of_the_year_told() -> None:
    text = (
        "Government forces encircled the east in the summer of 2016 and recaptured it that"
        " December after a siege."
    )
    assert values(text, "2024-11-30")[-1] == ("that December", "DATE", "2016-12")


def test_a_months_long_siege_lasts_months() -> None:
    assert values("It fell after a months-long siege.", "2024-11-30") == [
        ("months-long", "DURATION", "PXM")
    ]
    assert values("It ended a years-long feud.", "2024-11-30") == [
        ("years-long", "DURATION", "PXY")
    ]
    assert values("It was a year-long siege.", "2024-11-30") == [("a year-long", "DURATION", "P1Y")]


def test_today_or_yesterday_in_a_quote_said_on_a_day_counts_from_that_day() -> None:
    saturday = "2025-03-15"
    text = '"Today is a dark day for our country," the minister said on Thursday.'
    assert values(text, saturday)[0] == ("Today", "DATE", "2025-03-13")
    text = "“We buried him yesterday,” his mother told reporters on Wednesday."
    assert values(text, saturday)[0] == ("yesterday", "DATE", "2025-03-11")
    # no day for the statement: the publication day's
    text = '"Today is a dark day," the minister said.'
    assert values(text, saturday)[0] == ("Today", "DATE", "2025-03-15")
    # not in the quote
    text = 'Today the minister said "it is a dark day" on the radio on Thursday.'
    assert values(text, saturday)[0] == ("Today", "DATE", "2025-03-15")
    text = '"We will march tonight," the organisers said on Thursday.'
    assert values(text, saturday)[0] == ("tonight", "TIME", "2025-03-13TNI")


def test_a_weekday_in_a_quotation_said_on_a_day_counts_from_that_day() -> None:
    saturday = "2025-03-15"
    text = '"We will strike on Thursday," the union leader said on Monday.'
    assert values(text, saturday)[0] == ("Thursday", "DATE", "2025-03-13")
    text = '"I last saw him on Friday," she told the court on Thursday.'
    assert values(text, saturday)[0] == ("Friday", "DATE", "2025-03-07")


def test_every_fortnight_is_every_two_weeks() -> None:
    assert values("They will march every fortnight.", "2023-11-26") == [
        ("every fortnight", "SET", "P2W")
    ]
    assert values("They march every night.", "2023-11-26") == [
        ("every night", "SET", "XXXX-XX-XXTNI")
    ]
    assert values("He left a fortnight ago.", "2025-01-22") == [
        ("a fortnight ago", "DATE", "2025-W02")
    ]
    assert values("It lasted a fortnight.", "2025-01-22") == [("a fortnight", "DURATION", "P2W")]


def test_a_month_or_day_since_which_something_holds_is_gone() -> None:
    text = "The move, the first since July, lifts the policy rate to 0.5%."
    assert values(text, "2025-01-24")[0] == ("July", "DATE", "2024-07")
    text = "Rates have been frozen since Aug. 1 and will stay so."
    assert values(text, "2025-01-24")[0] == ("Aug. 1", "DATE", "2024-08-01")


def test_a_dateline_without_a_place_gives_the_day_written() -> None:
    text = "Jan 5 (Reuters) - Oil prices rose today after a cold snap."
    assert values(text, "2025-01-06")[-1] == ("today", "DATE", "2025-01-05")
    # a sentence opening with a date is no dateline
    text = "Jan 5 - the day oil prices rose - was cold. Today it is warm."
    assert values(text, "2025-01-06")[-1] == ("Today", "DATE", "2025-01-06")


def test_a_future_participle_after_a_determiner_is_an_adjective() -> None:
    text = "Talks ran more than 30 hours past their scheduled Friday close."
    assert values(text, "2024-11-24")[-1] == ("Friday", "DATE", "2024-11-22")
    # a verb
    text = "The vote is scheduled for Friday."
    assert values(text, "2024-11-24")[-1] == ("Friday", "DATE", "2024-11-29")
    text = "There is an upcoming vote on Friday."
    assert values(text, "2024-11-24")[-1] == ("Friday", "DATE", "2024-11-29")


def test_earlier_or_later_in_the_week_month_or_year_told() -> None:
    text = "The bank collapsed in March 2019. Later in the year, its chief was charged."
    assert values(text, "2024-11-27")[-1] == ("the year", "DATE", "2019")
    text = "Talks collapsed on 14 May 2023. Earlier in the month, the envoy had resigned."
    assert values(text, "2024-11-27")[-1] == ("the month", "DATE", "2023-05")
    text = "Earlier in the week, the minister had denied any wrongdoing."
    assert values(text, "2024-11-27") == [("the week", "DATE", "2024-W48")]


def test_years_ago_this_week_or_month_is_that_week_or_month() -> None:
    text = "Twenty years ago this week, a tsunami killed 230,000 people."
    assert values(text, "2024-12-26") == [("Twenty years ago this week", "DATE", "2004-W52")]
    text = "Thirty years ago this month, the genocide began."
    assert values(text, "2024-04-10") == [("Thirty years ago this month", "DATE", "1994-04")]
    # not years: the count ago
    assert values("Two days ago this week it rained.", "2024-12-26") == [
        ("Two days ago", "DATE", "2024-12-24")
    ]


def test_the_weekday_before_or_after_something_is_not_that_day_of_the_week_told() -> None:
    text = "The strike began on 3 December. It ended on the Friday before Christmas."
    assert values(text, "2025-01-10")[1] == ("Friday", "DATE", "2024-12-20")
    text = "Talks resume on the Monday after 6 January."
    assert values(text, "2024-12-20")[0] == ("Monday", "DATE", "2025-01-13")


def test_a_numeric_day_and_month_a_span_opens_or_closes() -> None:
    text = "The line closes between 15/03 and 17/03. The works were moved from 08/02."
    found = [(t.text, t.value) for t in tag(text, "2025-03-10", day_first=True)]
    assert found == [("15/03", "2025-03-15"), ("17/03", "2025-03-17"), ("08/02", "2025-02-08")]
    # fractions
    text = "Between 1/3 and 1/2 of the crop was lost. It rose from 1/4 to 3/4 of capacity."
    assert tag(text, "2025-03-10", day_first=True) == []


def test_a_weekday_a_past_state_lasted_until_is_after_the_day_told() -> None:
    text = (
        "The president fled in the early hours of Sunday. His whereabouts were unknown until"
        " Sunday evening, when state media said he was in Moscow."
    )
    assert values(text, "2024-12-09")[-1] == ("Sunday evening", "TIME", "2024-12-08TEV")
    # a curfew told in the present: the coming Sunday
    text = "Protests erupted on Friday. A curfew is in force until Sunday."
    assert values(text, "2024-12-09")[-1] == ("Sunday", "DATE", "2024-12-15")


def test_no_expression_spans_a_blank_line_between_paragraphs() -> None:
    """A paragraph ending on a date and the next opening on one are two expressions: "on
    Monday" (published Fri 14 Mar 2025) is 10 March, not the 3 March of the next paragraph."""
    text = "He left on Monday\n\nMarch 3 saw protests.\n \nThursday, 13 March 2025 was calm."
    assert values(text, "2025-03-14") == [
        ("Monday", "DATE", "2025-03-10"),
        ("March 3", "DATE", "2025-03-03"),
        ("Thursday, 13 March 2025", "DATE", "2025-03-13"),
    ]
    # a line break within a paragraph still joins ("Monday,\nMarch 3" is one date)
    assert values("The talks open on Monday,\nMarch 3.", "2025-02-26") == [
        ("Monday,\nMarch 3", "DATE", "2025-03-03")
    ]
