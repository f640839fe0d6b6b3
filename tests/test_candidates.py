"""Candidate events from a text: one per sentence with a calendar date, dated by its main date,
and one more per other event date of the sentence."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from builder.candidates import Candidate, candidates_from_text

SEED = Path(__file__).resolve().parents[1].parent / "shared" / "seed" / "000_1d4fcaa9ea4a2ca7.txt"
SATURDAY = "2024-11-30"
CALENDAR = re.compile(r"^\d{4}(?:-\d\d(?:-\d\d(?:T\d\d:\d\d(?::\d\d)?(?:Z|[+-]\d\d:?\d\d)?)?)?)?$")


def dated(text: str, published: str = SATURDAY) -> list[tuple[str, str | None, bool]]:
    return [(c.value, c.end, c.ongoing) for c in candidates_from_text(text, published)]


def check_invariants(text: str, found: list[Candidate]) -> None:
    for candidate in found:
        assert text[candidate.start : candidate.end_offset] == candidate.quote
        assert text[candidate.timex_start : candidate.timex_end] == candidate.timex_text
        assert (
            candidate.start <= candidate.timex_start < candidate.timex_end <= candidate.end_offset
        )
        assert CALENDAR.match(candidate.value)
        assert candidate.end is None or CALENDAR.match(candidate.end)


def test_paraphrased_dispatch() -> None:
    text = (
        "Insurgents captured the city's airport on Saturday, a monitoring group said.\n\n"
        "They pressed an offensive begun on Wednesday, the day a truce started next door.\n\n"
        "The city had been held by insurgents until 2016, when a siege forced them out.\n\n"
        "Since 2020, a ceasefire has mostly held in the northwest.\n\n"
        "The foreign minister will fly to the capital on Sunday.\n\n"
        "The neighbouring government issued a statement on Friday.\n\n"
        "Jets struck the city for the first time since 2016, residents said.\n\n"
        "The economy is now in ruins, and prices keep rising every month."
    )
    found = candidates_from_text(text, SATURDAY)
    check_invariants(text, found)
    assert [(c.paragraph, c.value, c.ongoing) for c in found] == [
        (0, "2024-11-30", False),
        (1, "2024-11-27", False),
        (2, "2016", False),
        (3, "2020", True),
        (4, "2024-12-01", False),
        (5, "2024-11-29", False),
    ]
    assert found[3].timex_text == "2020"
    assert found[0].quote.startswith("Insurgents captured")


def test_ranges_and_spans() -> None:
    text = "The governor served from 2011 to 2016. Output grew between March 2020 and June 2021."
    assert dated(text) == [("2011", "2016", False), ("2020-03", "2021-06", False)]


def test_a_reporting_date_gives_way_to_the_event_date() -> None:
    text = "The accord signed in 2015 is dead, a spokesman said on Saturday."
    assert dated(text) == [("2015", None, False)]


def test_the_most_specific_date_wins() -> None:
    text = "In 2019 the plant reopened on March 4 after repairs."
    assert dated(text) == [("2019-03-04", None, False)]


def test_no_candidates_from_vague_or_generic_expressions() -> None:
    text = (
        "Prices are now higher. The talks lasted eight years. Reports come out every week. "
        "Recently, things changed. Today's markets are calm. Growth will pick up in the future."
    )
    assert dated(text) == []


def test_published_may_be_a_datetime() -> None:
    assert dated("The vote took place yesterday.", "2024-11-30T18:00:00+01:00") == [
        ("2024-11-29", None, False)
    ]


@pytest.fixture(scope="module")
def seed() -> str:
    if not SEED.exists():
        pytest.skip("../shared/seed is not available")
    return SEED.read_text(encoding="utf-8")


def test_seed_article_candidates(seed: str) -> None:
    found = candidates_from_text(seed, SATURDAY)
    check_invariants(seed, found)

    def find(value: str, words: str) -> Candidate:
        for candidate in found:
            if candidate.value == value and words in candidate.quote:
                return candidate
        raise AssertionError(
            f"no candidate {value} for {words!r}: {[(c.value, c.quote[:50]) for c in found]}"
        )

    find("2024-11-27", "lightning offensive they launched on Wednesday")
    find("2024-11-27", "ceasefire took effect in neighbouring Lebanon")
    find("2016", "army siege forced a negotiated evacuation")
    assert find("2020", "Idlib rebel enclave has been subject").ongoing
    find("2024-11-30", "seized Aleppo’s airport")
    find("2024-11-29", "Ankara had issued a statement on Friday")
    find("2024-12-01", "Araghchi would travel to Damascus on Sunday")
    find("2015", "a 2015 peace process")


def test_seed_article_has_no_unsupported_dates(seed: str) -> None:
    found = candidates_from_text(seed, SATURDAY)
    supported = {"2024-11-27", "2024-11-29", "2024-11-30", "2024-12-01", "2016", "2020", "2015"}
    for candidate in found:
        assert candidate.value[:10] in supported, candidate
        if candidate.value == "2016":
            assert "since 2016" not in candidate.quote
    assert not any("eight years after" in c.quote for c in found)
    assert sum(c.ongoing for c in found) == 1


def test_a_sentence_with_two_event_dates_gives_two_candidates() -> None:
    text = "The mill was built in 1951 and shut down on March 3, 2009."
    found = candidates_from_text(text, SATURDAY)
    check_invariants(text, found)
    assert [(c.value, c.timex_text) for c in found] == [
        ("2009-03-03", "March 3, 2009"),
        ("1951", "1951"),
    ]
    assert found[0].quote == found[1].quote == text


def test_a_dividend_gives_its_payment_and_record_dates() -> None:
    text = "The dividend is payable Jan. 6 to holders of record Dec. 12."
    assert dated(text) == [("2025-01-06", None, False), ("2024-12-12", None, False)]


def test_no_second_candidate_from_a_statement_date_or_a_baseline() -> None:
    text = "The ministry said Thursday that the dam was finished in 2019."
    assert dated(text) == [("2019", None, False)]
    text = "Profit rose to $5 million in 2023, up from $3 million in 2021."
    assert dated(text) == [("2023", None, False)]
    text = "Sales were $8 million, compared with $6 million a year earlier, on Tuesday."
    assert [v for v, _, _ in dated(text)] == ["2024-11-26"]


def test_no_second_candidate_inside_or_around_the_main_date() -> None:
    text = "In March 2022 the bridge reopened on March 14 after repairs."
    assert dated(text) == [("2022-03-14", None, False)]


def test_one_time_in_two_zones_is_one_candidate() -> None:
    text = "The border stays closed until 6 pm (1600 GMT) Monday."
    assert [v for v, _, _ in dated(text)] == ["2024-12-02T16:00Z"]


def test_a_statement_date_after_in_a_statement_is_not_an_event_date() -> None:
    text = "The 2019 accord has failed, the minister said in a statement Friday."
    assert dated(text) == [("2019", None, False)]


def test_a_count_of_units_later_is_counted_from_the_date_the_story_is_at() -> None:
    text = (
        "The strike hit the port on Jan. 2, 2024. Two days later, the navy shot down four "
        "drones. A week later the port reopened. Three months later it was sold."
    )
    assert dated(text) == [
        ("2024-01-02", None, False),
        ("2024-01-04", None, False),
        ("2024-01-11", None, False),  # a week after the day before it
        ("2024-04", None, False),  # months: to the month
    ]


def test_a_count_later_with_nothing_to_count_from_gives_no_date() -> None:
    # No date before it; and one so far back it is another part of the story.
    assert dated("Two days later, the navy shot down four drones.") == []
    far = "The port opened in 2019. " + "The harbour was busy. " * 20
    assert dated(far + "Two years later, it closed.") == [("2019", None, False)]


def test_a_count_later_is_not_taken_past_the_publication_day_in_a_past_story() -> None:
    # Published on Saturday 30 November 2024: a year after January 2024 has not come yet.
    text = "The port reopened on Jan. 2, 2024. A year later, it was sold."
    assert dated(text) == [("2024-01-02", None, False)]
    ahead = "The summit opens on Dec. 2, 2024. Two days later, leaders will sign the deal."
    assert dated(ahead) == [("2024-12-02", None, False), ("2024-12-04", None, False)]


def test_a_count_after_a_date_moves_the_story_by_an_unknown_amount() -> None:
    # "Eight trading days after Oct. 12" is not Oct. 12: three days later is not counted.
    text = (
        "Eight trading days after Oct. 12, the day before the plunge, the index had "
        "fallen. Three days later, it recovered."
    )
    assert dated(text, "1989-10-30") == [("1989-10-12", None, False)]


def test_a_date_the_sentence_states_wins_over_one_counted() -> None:
    text = "The strike hit on March 2, 2024. Two days later, on March 4, 2024, the port reopened."
    found = candidates_from_text(text, SATURDAY)
    assert [(c.value, c.timex_text) for c in found] == [
        ("2024-03-02", "March 2, 2024"),
        ("2024-03-04", "March 4, 2024"),
    ]


def test_a_date_closing_a_clause_before_said_is_not_the_statement_date() -> None:
    # "who took over in April 2022, said ...": the comma ends the clause holding the date.
    text = "Jane Doe, who took over in April 2022, said the group would open stores next year."
    assert dated(text) == [("2022-04", None, False), ("2025", None, False)]
    assert dated("The minister Thursday said the group would open stores on Dec. 1.") == [
        ("2024-12-01", None, False)
    ]


def test_since_the_year_of_a_named_event_is_an_ongoing_span() -> None:
    assert dated("The rules have been in place since the 2008 crisis.") == [("2008", None, True)]
    assert dated("Sales fell for the first time since the 2008 crisis.") == []


def test_midnight_of_a_day_dates_the_day_named() -> None:
    # TIMEX3 writes midnight as T24:00, which no calendar date has: the candidate is the day.
    text = "A ceasefire took effect at midnight on Thursday, UN officials said on Saturday."
    assert dated(text) == [("2024-11-28", None, False)]


def test_a_time_keeps_the_zone_it_is_stated_in() -> None:
    text = "The probe flew past Mercury at 2:25 p.m. EDT on Friday, controllers said."
    assert dated(text) == [("2024-11-29T14:25-04:00", None, False)]
    assert dated("The sirens sounded at 0145 GMT on Friday.") == [
        ("2024-11-29T01:45Z", None, False)
    ]
    # A time given in two zones: the one with an offset is the more exact.
    text = "Sirens sounded at 3:45 am local time (0145 GMT) on Friday."
    assert dated(text) == [("2024-11-29T01:45Z", None, False)]


def test_a_season_or_quarter_of_a_stated_year_dates_the_year() -> None:
    assert dated("The case began in the spring of 2021.") == [("2021", None, False)]
    assert dated("The deal should close in the first quarter of 2025.") == [("2025", None, False)]
    # Without the year stated, nothing: which year is a guess.
    assert dated("Sales rose in the third quarter.") == []
    assert dated("It was cold last winter.") == []


def test_days_of_one_month_make_a_range() -> None:
    assert dated("The summit will be held Nov. 28-30 in Baku.") == [
        ("2024-11-28", "2024-11-30", False)
    ]
    assert dated("Elections were held on 27 and 28 October.") == [
        ("2024-10-27", "2024-10-28", False)
    ]
    # A score, a day that is not in the month, a number after a dash: one day.
    assert dated("The team won 3-2 on 28 October.") == [("2024-10-28", None, False)]
    assert dated("The fair ran Nov. 28-31.") == [("2024-11-28", None, False)]
    assert dated("Votes were cast on Nov. 28 - 12 percent more.") == [("2024-11-28", None, False)]


def test_a_span_of_months_is_a_range() -> None:
    assert dated("The economy grew 0.6% in the July-September quarter.") == [
        ("2024-07", "2024-09", False)
    ]
    # Across the new year: from the November before.
    assert dated("Output fell in Nov-Feb.", "2024-03-10") == [("2023-11", "2024-02", False)]


def test_a_time_without_its_zone_dates_its_day() -> None:
    # An event's time needs its zone; "local time" does not give it, the day is known.
    text = "The storm made landfall at about 4 a.m. local time on Friday."
    assert dated(text) == [("2024-11-29", None, False)]


def test_a_deadline_no_later_than_a_day_is_an_event_date() -> None:
    text = "The tariffs must be reviewed by mid-2025, no later than 31 March."
    assert dated(text, "2024-11-27") == [("2025-03-31", None, False)]
    # A comparison's "than" is still a baseline.
    assert dated("Sales rose 5% this year, more than in 2023.") == [("2024", None, False)]


def test_a_count_after_a_weekend_or_week_is_not_counted() -> None:
    # "a day earlier" than a weekend is no day the text gives.
    text = (
        "Last Friday's vote was close. This past weekend, crowds gathered. "
        "A day earlier, police had warned of unrest."
    )
    # (the weekend, 23 and 24 November, dates its sentence to the month it lies in)
    assert dated(text, "2024-11-27") == [("2024-11-22", None, False), ("2024-11", None, False)]


def test_the_fastest_pace_since_a_date_dates_nothing_to_it() -> None:
    text = "Prices rose 3% in October, the fastest pace since February 2023."
    assert dated(text) == [("2024-10", None, False)]


def test_a_correction_notice_tells_of_the_article_not_of_an_event() -> None:
    text = (
        "Correction, 3 May 2025: An earlier version of this article said that the meeting "
        "took place on Tuesday. It took place on Wednesday 30 April.\n\n"
        "Councillors approved the plans on Wednesday evening.\n\n"
        "This article was amended on 3 May 2025 to correct the date of the meeting."
    )
    assert dated(text, "2025-05-02") == [("2025-04-30", None, False), ("2025-04-30", None, False)]


def test_a_financial_year_written_with_a_slash_is_a_range() -> None:
    assert dated("In the 2024/25 financial year it made £588m.") == [("2024", "2025", False)]


def test_a_day_after_to_is_a_date_not_a_baseline() -> None:
    text = "The results for the quarter to 31 December were published on 12 February."
    assert dated(text, "2025-03-14") == [("2024-12-31", None, False), ("2025-02-12", None, False)]


def test_a_span_of_ordinal_days_is_a_range() -> None:
    assert dated("The summit opens on 20th-21st March.", "2025-03-14") == [
        ("2025-03-20", "2025-03-21", False)
    ]
    assert dated("The fair runs from the 3rd to 5th June.", "2025-03-14") == [
        ("2025-06-03", "2025-06-05", False)
    ]


def test_a_time_converted_to_gmt_in_brackets_is_the_same_moment() -> None:
    text = "The quake struck at 02:14 local time on Saturday (17:14 GMT Friday)."
    assert dated(text, "2025-03-15") == [("2025-03-14T17:14Z", None, False)]
    # Two events on neighbouring days stay two.
    text = "The quake struck at 17:14 GMT on Friday and a second one on Saturday."
    assert len(dated(text, "2025-03-15")) == 2


def test_said_today_dates_only_the_report_on_the_datelines_day() -> None:
    # Wire copy written on 14 March and published after midnight UTC, on the 15th.
    text = (
        "WASHINGTON, March 14 — The talks resumed.\n\n"
        "The ministry said in a statement issued today that the plant closed in May 2024."
    )
    assert [c.value for c in candidates_from_text(text, "2025-03-15")] == ["2024-05", "2025-03-14"]


def test_a_statements_clock_time_is_on_the_day_the_story_was_written() -> None:
    text = (
        "WASHINGTON, March 14 — The Senate passed the stopgap bill, which the House "
        "approved in February, after a day of wrangling.\n\n"
        "Thune said at 9:45 p.m. that the vote would be held."
    )
    found = candidates_from_text(text, "2025-03-15")
    assert [(c.value, c.timex_text) for c in found][-1] == ("2025-03-14", "9:45 p.m.")


def test_a_range_from_midnight_to_a_time_is_on_the_day_named() -> None:
    text = "A curfew was imposed from midnight to 6am on Friday."
    assert dated(text, "2025-03-12") == [("2025-03-07", None, False)]
    text = "A curfew was imposed from 10pm to 6am on Friday."
    assert dated(text, "2025-03-12") == [("2025-03-06", "2025-03-07", False)]


def test_a_list_of_days_of_one_month_is_a_range_from_the_first() -> None:
    text = "Teachers will strike on 4, 5 and 6 November."
    assert dated(text, "2025-10-01") == [("2025-11-04", "2025-11-06", False)]


def test_one_moment_in_two_zones_joined_by_or_is_one_candidate() -> None:
    text = "The polls close at 8 p.m. EST, or 0100 GMT on Sunday."
    assert dated(text, "2025-03-15") == [("2025-03-16T01:00Z", None, False)]


def test_a_page_date_a_heading_or_a_picture_credit_is_no_event() -> None:
    text = (
        "Published: 10 March 2025, 14:32 GMT\nUpdated: 11 March 2025\n\n"
        "## Friday 14 March\n\n"
        "The council voted on Monday to close the library.\n\n"
        "Photograph: John Smith, 9 March 2025"
    )
    assert dated(text, "2025-03-15") == [("2025-03-10", None, False)]


def test_a_season_of_a_span_of_years_is_a_range_of_years() -> None:
    text = "Prices peaked in the winter of 2022-23, when bills were capped."
    assert dated(text, "2025-05-23") == [("2022", "2023", False)]


def test_the_furniture_of_a_news_page_is_no_event() -> None:
    """A byline, a copyright line, a page's time, a pointer to another article, the
    credits of a report and a captioned picture tell of no event, dated or not."""
    furniture = [
        "By Lena Ostrova, 13 March 2025",
        "Lena Ostrova | 13 March 2025 | 09:30",
        "**By Ruth Ames** | March 13, 2025",
        "_By Ruth Ames and Tom Hale_, 13 March 2025",
        "Copyright 2025 The Daily Ledger. All rights reserved.",
        "© 2025 Meridian Press",
        "Updated at 14:32 GMT",
        "Published March 13, 2025 at 9:30 a.m. ET",
        "Sign up for our newsletter.",
        "Thursday, 13 March 2025 09:30 GMT",
        "Sign up for our newsletter.",
        "13.03.2025, 09:30",
        "This article was first published on 12 March 2025.",
        "Read more: Army pushes into Varna Ridge on Wednesday",
        "RELATED: Ceasefire begins in the east on Wednesday",
        "(Reporting by Mira Holt; Editing by Ken Dale on March 13)",
        "Reuters contributed to this report on Thursday.",
        "A woman carries her child past a burnt-out car on Thursday. (Ledger photo)",
        "Smoke rises over Varna Ridge on Wednesday. Photograph: Tomas Ek/Reuters",
        "Troops patrol the square on Thursday. (Photo by Tomas Ek/AFP via Getty Images)",
        "Posted on March 13, 2025 by Lena Ostrova",
        "— Lena Ostrova (@lenaostrova) March 13, 2025",
        "The army is moving in. pic.twitter.com/abc123",
        "Share this article: Army enters Varna Ridge on Wednesday",
        "Most read: Army enters Varna Ridge on Wednesday",
        "Image caption, Troops entered the town on Wednesday",
        "Source: Ministry of Defence, 12 March 2025",
    ]
    events = [
        "By Thursday, the army had reached the main square.",
        "Army launches offensive on Varna Ridge, 12 March 2025",
        "Rebels blew up the bridge on Thursday.",
    ]
    text = "\n\n".join(furniture + events)
    found = candidates_from_text(text, "2025-03-14T12:00:00+00:00")
    assert [c.quote for c in found] == events


def test_a_clock_time_alone_is_on_the_day_the_story_is_at_not_the_last_date_named() -> None:
    """Told "at 4 p.m." after a ruling of Tuesday on an election of 25 January: Tuesday."""
    text = (
        "The Supreme Court on Tuesday suspended the certification of the Jan. 25 "
        "presidential election.\n\n"
        "Chief Justice Marta Ilves read the ruling at 4 p.m. local time."
    )
    found = candidates_from_text(text, "2026-02-11")
    assert [(c.value, c.timex_text) for c in found if c.quote.startswith("Chief")] == [
        ("2026-02-10", "4 p.m.")
    ]


def test_a_weekday_labelling_a_list_item_is_the_nearest_such_day() -> None:
    """Told in the present like a headline, "Wednesday: offensive begins" in a list of
    Friday's paper is two days before, not five days after."""
    text = (
        "Key developments:\n- Wednesday: offensive on Varna Ridge begins\n"
        "- Thursday: rebels blow up the bridge\n- Friday: aid convoys arrive\n"
        "- Saturday: talks open in Kessel"
    )
    found = candidates_from_text(text, "2025-03-14")
    assert [(c.value, c.quote.split(":")[0]) for c in found] == [
        ("2025-03-12", "Wednesday"),
        ("2025-03-13", "Thursday"),
        ("2025-03-14", "Friday"),
        ("2025-03-15", "Saturday"),
    ]


def test_a_year_naming_a_budget_or_a_target_dates_no_event() -> None:
    # the year a budget is for, a car's model year, a target's year: labels, not when
    # anything happened
    assert dated("The 2025 budget includes deep cuts to welfare.", "2024-10-30") == []
    assert dated("Its 2026 models will be cheaper.", "2025-09-01") == []
    assert dated("The country will miss its 2030 climate targets.", "2025-09-01") == []
    # an election, a crash: events of that year
    assert dated("The 2024 election was won by the opposition.", "2025-09-01") == [
        ("2024", None, False)
    ]
    # the budget's day, when the sentence gives it
    assert dated("The minister presented the 2025 budget on Wednesday.", "2024-10-31") == [
        ("2024-10-30", None, False)
    ]


def test_an_event_a_count_of_units_before_or_after_a_date_is_dated_from_it() -> None:
    text = "The ceasefire collapsed on Friday, a week after the talks began."
    assert dated(text, "2025-03-11") == [("2025-03-07", None, False), ("2025-02-28", None, False)]
    text = "He resigned on Monday, two days before the vote."
    assert dated(text) == [("2024-11-25", None, False), ("2024-11-27", None, False)]
    # the story stays at the date stated: "two days later" counts from Friday
    text += " A day later, the party chose a new leader."
    assert dated(text)[-1] == ("2024-11-26", None, False)
    # "a year after": to the year only when the date is a year
    text = "The plant closed in 2019, three years after the merger."
    assert dated(text) == [("2019", None, False), ("2016", None, False)]
    # not a count between two dates stated
    text = "The plant closed on May 3, a week after May 1 rallies."
    assert [value for value, _, _ in dated(text, "2025-06-01")] == ["2025-05-03", "2025-05-01"]


def test_a_count_set_beside_a_date_names_that_date() -> None:
    # "in 2014, eight years earlier": 2014 is eight years before the date told before it
    text = "Russia invaded on Feb. 24, 2022. Moscow annexed Crimea in 2014, eight years earlier."
    assert dated(text) == [("2022-02-24", None, False), ("2014", None, False)]


def test_a_time_in_american_eastern_time_takes_the_offset_of_its_day() -> None:
    # ET (or PT, CT, MT) is standard or summer time as the day falls
    text = "Powell spoke at 2:30 p.m. ET on Wednesday."
    assert dated(text, "2024-12-19") == [("2024-12-18T14:30-05:00", None, False)]
    assert dated(text, "2024-07-19") == [("2024-07-17T14:30-04:00", None, False)]
    assert dated("The launch is at 9 a.m. PT on Friday.", "2024-07-17") == [
        ("2024-07-19T09:00-07:00", None, False)
    ]
    # the day the clocks change: which side of the change, the text does not say
    assert dated("The vote closed at 1:30 a.m. ET on Sunday.", "2024-11-04") == [
        ("2024-11-03", None, False)
    ]


def test_a_week_within_one_month_dates_its_sentence_to_the_month() -> None:
    # the week of 9 to 15 December 2024: a week our dates cannot hold, within December
    assert dated("Last week, the president pledged aid.", "2024-12-19") == [
        ("2024-12", None, False)
    ]
    # 25 November to 1 December: no month holds it
    assert dated("Last week, the president pledged aid.", "2024-12-04") == []
    # another date in the sentence dates it
    text = "The paper said on Sunday that his comments last week were a signal."
    assert dated(text, "1998-03-01") == [("1998-03-01", None, False)]


def test_each_range_or_span_of_a_sentence_is_a_candidate() -> None:
    text = "She served as mayor from 2010 to 2018, and as senator between 2019 and 2023."
    assert dated(text) == [("2010", "2018", False), ("2019", "2023", False)]
    text = "Prices doubled from 2019 to 2021 and have fallen since 2022."
    assert dated(text) == [("2019", "2021", False), ("2022", None, True)]
    # a span inside the main one is not another
    text = "The war lasted from 2011 to 2016, the 2014-15 winter being the worst."
    assert dated(text) == [("2011", "2016", False)]


def test_the_night_of_one_day_to_the_next_is_one_range() -> None:
    text = "The attack took place on the night of Friday to Saturday."
    assert dated(text, "2025-03-10") == [("2025-03-07", "2025-03-08", False)]
    text = "Storms hit in the night of 3 to 4 March."
    assert dated(text, "2025-03-10") == [("2025-03-03", "2025-03-04", False)]


def test_a_copyright_line_dates_nothing() -> None:
    text = "Rebels entered Aleppo on Friday.\n\n© 2024 Reuters. All rights reserved."
    assert dated(text) == [("2024-11-29", None, False)]
    assert dated("Copyright 2024 The Associated Press. All rights reserved.") == []
    assert dated("(c) 2024 AFP") == []


def test_since_the_start_of_an_event_in_a_year_is_an_ongoing_span() -> None:
    text = "More than 6 million people have fled since the start of the war in 2022."
    assert dated(text, "2025-01-12") == [("2022", None, True)]
    text = "Prices have doubled since the outbreak of the pandemic in early 2020."
    assert dated(text, "2025-01-12") == [("2020", None, True)]
    # "the first since": nothing dated to it
    text = "It was the first such visit since the end of the war in 1945."
    assert dated(text, "2025-01-12") == []


def test_a_pointer_to_another_article_is_no_event_in_the_words_add_knows_it_by() -> None:
    """Extraction and `add` share the words that point to another article ("Lire aussi",
    "Recommended"), so a source added by hand is read as an added page is."""
    pointers = [
        "Recommended: Army enters Varna Ridge on Wednesday",
        "Lire aussi : Army enters Varna Ridge on Wednesday",
        "Lesen Sie auch: Army enters Varna Ridge on Wednesday",
    ]
    event = "Rebels blew up the bridge on Thursday."
    found = candidates_from_text("\n\n".join([*pointers, event]), "2025-03-14")
    assert [c.quote for c in found] == [event]
