"""Paragraph and sentence splitting with offsets."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from builder.sentences import dateline_end, paragraphs, split_sentences


def texts(body: str) -> list[str]:
    return [s.text for s in split_sentences(body)]


def test_paragraphs_are_blank_line_separated_with_offsets() -> None:
    body = "First one.\n\n  Second one.\nStill second.\n \n\nThird."
    found = paragraphs(body)
    assert [p.text for p in found] == ["First one.", "Second one.\nStill second.", "Third."]
    for paragraph in found:
        assert body[paragraph.start : paragraph.end] == paragraph.text


def test_abbreviations_do_not_end_sentences() -> None:
    body = (
        "Mr. Lee met Gen. Ortiz on Jan. 5 at 10 a.m. local time. The U.S. envoy joined "
        "them at No. 5 Downing St. in London. Dr. Kay left."
    )
    assert texts(body) == [
        "Mr. Lee met Gen. Ortiz on Jan. 5 at 10 a.m. local time.",
        "The U.S. envoy joined them at No. 5 Downing St. in London.",
        "Dr. Kay left.",
    ]


def test_an_initialism_can_end_a_sentence() -> None:
    body = "The plant moved to the U.S. The workers stayed behind."
    assert texts(body) == ["The plant moved to the U.S.", "The workers stayed behind."]


def test_sentence_ending_inside_closing_quotes() -> None:
    body = "“We will stay,” the mayor said. “Nobody leaves.” Residents cheered. 'Good.' Then rain."
    assert texts(body) == [
        "“We will stay,” the mayor said.",
        "“Nobody leaves.”",
        "Residents cheered.",
        "'Good.'",
        "Then rain.",
    ]


def test_datelines_are_not_part_of_the_sentence() -> None:
    body = "Beirut (Lebanon) (AFP) - Rebels took the airport. Fighting went on."
    assert texts(body) == ["Rebels took the airport.", "Fighting went on."]
    assert texts("WASHINGTON (Reuters) - The vote passed.") == ["The vote passed."]
    assert texts("NAIROBI - Rain fell all week.") == ["Rain fell all week."]
    assert dateline_end("In Paris - a city of light - rain fell.") == 0


def test_a_caption_without_final_punctuation_is_one_sentence() -> None:
    body = "A man walks past Mr. Smith's shop. Photo by J. Doe\n\nThe shop shut on Monday."
    found = split_sentences(body)
    assert [(s.text, s.paragraph) for s in found] == [
        ("A man walks past Mr. Smith's shop. Photo by J. Doe", 0),
        ("The shop shut on Monday.", 1),
    ]


def test_offsets_point_into_the_body() -> None:
    body = "Headline without stop\n\nCAIRO (AP)_ One. Two? Three!\n\n- Heading -"
    for sentence in split_sentences(body):
        assert body[sentence.start : sentence.end] == sentence.text
    assert texts(body) == ["Headline without stop", "One.", "Two?", "Three!", "- Heading -"]


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("Ab. ,?!”“\"'\n(-)U.S5")), max_size=120))
def test_random_bodies_split_into_valid_spans(body: str) -> None:
    previous = 0
    for sentence in split_sentences(body):
        assert body[sentence.start : sentence.end] == sentence.text
        assert sentence.text.strip() == sentence.text and sentence.text
        assert sentence.start >= previous
        previous = sentence.end


def test_a_long_paragraph_with_a_trailing_signature_is_still_split() -> None:
    body = (
        " ".join(["The talks resumed on Monday in the capital after a long pause."] * 8)
        + " (ab/cd)"
    )
    found = split_sentences(body)
    assert len(found) == 8
    assert found[-1].text.endswith("(ab/cd)")


def test_sentence_after_a_dateline_and_a_line_break_starts_at_its_first_word() -> None:
    assert [s.text for s in split_sentences("AA- \n5")] == ["5"]
    assert [s.text for s in split_sentences("BEIRUT - \nThe convoy left.")] == ["The convoy left."]


def test_each_item_of_a_list_is_a_sentence_of_its_own() -> None:
    body = (
        "What we know\n\n"
        "- The count ended on November 6, with the incumbent ahead.\n"
        "- A recount was ordered on Nov 12\n"
        "* Certification must happen by Dec. 11.\n\n"
        "1. First, the court.\n2) Then the vote"
    )
    assert [s.text for s in split_sentences(body)] == [
        "What we know",
        "The count ended on November 6, with the incumbent ahead.",
        "A recount was ordered on Nov 12",
        "Certification must happen by Dec. 11.",
        "First, the court.",
        "Then the vote",
    ]
    # One dash at the start of a line is not a list.
    assert [s.text for s in split_sentences("Rebels advanced\n- and took the city.")] == [
        "Rebels advanced\n- and took the city."
    ]


def test_a_dateline_naming_a_country_and_a_day_is_not_part_of_the_sentence() -> None:
    for dateline in (
        "KESSEL, Morvania, March 20 (KNA) - ",
        "Kessel, Morvania, 20 March (KNA) — ",
        "WASHINGTON, March 20 (Reuters) - ",
    ):
        sentence = "Rebels seized the airport on Saturday."
        assert [s.text for s in split_sentences(dateline + sentence)] == [sentence]


def test_ranks_titles_and_numbered_references_do_not_end_sentences() -> None:
    for sentence in (
        "Brig. Gen. Ali Haddad said the army withdrew on Monday.",
        "Cpl. Jane Roe and Pvt. John Doe were killed on Monday.",
        "Opposition leader Gen. (ret.) Pavel Orin filed on Feb. 2.",
        "Fr. Tomas Ek led the service on Sunday.",
        "The Rt. Hon. Ann Lee and Msgr. Tom Ray spoke on Sunday.",
        "He cited Art. 5 of the treaty and Sec. 12 of the law on Monday.",
    ):
        assert texts(sentence + " It rained.") == [sentence, "It rained."]
    assert texts("He loves modern art. The gallery opened on Monday.") == [
        "He loves modern art.",
        "The gallery opened on Monday.",
    ]


def test_a_question_or_exclamation_quoted_before_who_said_it_is_one_sentence() -> None:
    for sentence in (
        '"Why now?" Mayor Irina Dal asked on Friday.',
        "“We will win!” Assad said on Friday.",
        "“Leave now!” Governor Lia Frost told residents on Monday.",
    ):
        assert texts(sentence + " It rained.") == [sentence, "It rained."]
    assert texts('He asked: "Is this the end?" Nobody answered on Friday.') == [
        'He asked: "Is this the end?"',
        "Nobody answered on Friday.",
    ]


def test_a_time_of_day_can_end_a_sentence_before_a_name() -> None:
    assert texts("The vote closed at 8 p.m. Kerr declared victory on Monday.") == [
        "The vote closed at 8 p.m.",
        "Kerr declared victory on Monday.",
    ]
    for sentence in (
        "The vote closed at 8 p.m. Sunday.",
        "The vote closed at 8 p.m. EST on Sunday.",
        "The vote closed at 8 p.m. Eastern time.",
        "The vote closed at 8 a.m. local time.",
        "It ended at 8 p.m. Jan. 5.",
    ):
        assert texts(sentence) == [sentence]


def test_a_month_or_weekday_abbreviation_ends_a_sentence_before_a_typical_opener() -> None:
    body = "The meeting is set for Fri, 6 Dec. The ceasefire took effect on 27 Nov. It held."
    assert texts(body) == [
        "The meeting is set for Fri, 6 Dec.",
        "The ceasefire took effect on 27 Nov.",
        "It held.",
    ]
    # before a day or a year, or a name: the date goes on
    body = "Talks open on Dec. 6 in Doha. Sales rose in Jan. 2025 and on Fri. Dec. 6 Smith left."
    assert texts(body) == [
        "Talks open on Dec. 6 in Doha.",
        "Sales rose in Jan. 2025 and on Fri. Dec. 6 Smith left.",
    ]


def test_a_dateline_naming_a_region_and_a_day_is_not_part_of_the_first_sentence() -> None:
    body = "KHARTOUM, Sudan, April 15 (AP) — Fighting erupted in the capital. It went on."
    assert texts(body) == ["Fighting erupted in the capital.", "It went on."]


def test_c_for_circa_does_not_end_a_sentence() -> None:
    body = "The house was built c. 1790 and extended ca. 1890. It fell down."
    assert texts(body) == ["The house was built c. 1790 and extended ca. 1890.", "It fell down."]


def test_a_dateline_of_a_day_and_an_agency_is_not_part_of_the_first_sentence() -> None:
    assert texts("Jan 5 (Reuters) - Oil prices rose. They fell.") == [
        "Oil prices rose.",
        "They fell.",
    ]


def test_an_abbreviation_in_bold_or_italics_does_not_end_a_sentence() -> None:
    body = "**Dec. 8** — Assad flees to Moscow. It was cold on _Jan. 3_ in Damascus."
    assert texts(body) == [
        "**Dec. 8** — Assad flees to Moscow.",
        "It was cold on _Jan. 3_ in Damascus.",
    ]
