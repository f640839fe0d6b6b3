"""Property-based tests: the date type, the front-matter loader, file names made from
tags, and the temporal tagger, on generated and random input."""

from __future__ import annotations

import re
import tempfile
from datetime import UTC, date, datetime, timedelta, timezone
from pathlib import Path

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from builder.dates import DateError, PartialDate
from builder.frontmatter import FrontMatterError, parse_front_matter
from builder.load import load_event, load_source
from builder.problems import Problems
from builder.slugs import is_reserved_name, slugify
from builder.temporal import tag

SETTINGS = settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])

# --- Partial dates -------------------------------------------------------------------

zones = st.integers(min_value=-14 * 60, max_value=14 * 60).map(
    lambda minutes: timezone(timedelta(minutes=minutes))
)


@st.composite
def partial_dates(draw) -> PartialDate:
    day = draw(st.dates(min_value=date(2, 1, 1), max_value=date(9998, 12, 31)))
    precision = draw(st.sampled_from(["year", "month", "day", "minute"]))
    if precision == "year":
        return PartialDate(day.year)
    if precision == "month":
        return PartialDate(day.year, day.month)
    if precision == "day":
        return PartialDate(day.year, day.month, day.day)
    moment = datetime(
        day.year,
        day.month,
        day.day,
        draw(st.integers(0, 23)),
        draw(st.integers(0, 59)),
        tzinfo=draw(zones),
    )
    return PartialDate(day.year, day.month, day.day, moment)


@SETTINGS
@given(partial_dates())
def test_iso_parses_back_to_an_equal_value(value: PartialDate) -> None:
    again = PartialDate.parse(value.iso())
    assert again == value
    assert again.precision == value.precision
    assert again.iso() == value.iso()
    assert value.display()  # never raises


@SETTINGS
@given(st.one_of(st.text(), st.integers(), st.floats(), st.booleans(), st.none()))
def test_any_value_is_a_date_or_a_date_error(value: object) -> None:
    try:
        parsed = PartialDate.parse(value)
    except DateError:
        return
    assert PartialDate.parse(parsed.iso()) == parsed


@SETTINGS
@given(st.from_regex(r"\A\d{4}(-\d{2}(-\d{2}([T ]\d{2}:\d{2}(Z|[+-]\d{2}:\d{2})?)?)?)?\Z"))
def test_date_shaped_text_is_a_date_or_a_date_error(text: str) -> None:
    try:
        parsed = PartialDate.parse(text)
    except DateError:
        return
    parsed.display()
    parsed.first_day()
    parsed.last_day()
    parsed.in_zone(UTC)


def in_utc(value: PartialDate) -> PartialDate:
    return value.in_zone(UTC)


@SETTINGS
@given(partial_dates(), partial_dates(), partial_dates())
def test_order_is_total_and_follows_precision(a: PartialDate, b: PartialDate, c: PartialDate):
    a, b, c = in_utc(a), in_utc(b), in_utc(c)
    ka, kb, kc = a.sort_key(), b.sort_key(), c.sort_key()
    assert (ka <= kb) or (kb <= ka)  # total
    if ka <= kb and kb <= kc:
        assert ka <= kc  # transitive
    if ka == kb:
        assert a == b  # antisymmetric, once seen from one zone
    # A period sorts before everything that starts later, and a coarser date comes
    # before the finer dates inside it.
    if a.first_day() < b.first_day():
        assert ka < kb
    inside = a.first_day() <= b.first_day() and b.last_day() <= a.last_day()
    if inside and a.precision < b.precision:
        assert ka < kb
    assert not a.ends_before(a)


# --- Front matter --------------------------------------------------------------------

yaml_pieces = st.sampled_from(
    [
        "---",
        "\n",
        "  ",
        "- ",
        ": ",
        "title",
        "date",
        "2024-11-27",
        "&a ",
        "*a",
        "!!python/object:os.system",
        "!!binary",
        "[",
        "]",
        "{",
        "}",
        "'",
        '"',
        "|",
        ">",
        "#",
        "%YAML 1.1",
        "? ",
        ",",
        "\t",
        "\ufeff",
        "\r\n",
        "حلب",
        "\x00",
        "<<: ",
    ]
)
yamlish = st.lists(st.one_of(yaml_pieces, st.text(max_size=5)), max_size=40).map("".join)


@SETTINGS
@given(st.one_of(st.text(), yamlish, yamlish.map(lambda t: "---\n" + t + "\n---\nbody")))
def test_front_matter_raises_only_its_own_error(text: str) -> None:
    try:
        front = parse_front_matter(text)
    except FrontMatterError as error:
        assert error.line >= 1
        assert error.message
        return
    assert isinstance(front.data, dict)
    for line in front.lines.values():
        assert 1 <= line <= text.count("\n") + 2


# Without controls and line separators (YAML reads U+0085, U+2028 as line breaks).
printable = st.characters(blacklist_categories=("Cs", "Cc", "Zl", "Zp"))
scalars = st.one_of(
    st.text(printable, min_size=1, max_size=30).filter(lambda t: t.strip() == t and t),
    st.integers(),
    st.booleans(),
)
keys = st.from_regex(r"\A[a-z][a-z_]{0,10}\Z")
values = st.one_of(scalars, st.lists(scalars, max_size=4), st.dictionaries(keys, scalars))


@SETTINGS
@given(st.dictionaries(keys, values, min_size=1, max_size=6), st.text(max_size=200))
def test_front_matter_round_trip_with_key_lines(data: dict, body: str) -> None:
    dumped = yaml.safe_dump(data, allow_unicode=True, sort_keys=False)
    text = f"---\n{dumped}---\n{body}"
    front = parse_front_matter(text)
    assert front.data == data
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    for key in data:
        # The dumper quotes keys YAML 1.1 reads as booleans ('on', 'no').
        assert re.match(rf"""['"]?{key}['"]?:""", lines[front.line_of(key) - 1])


def write_and_load(raw: bytes) -> list[str]:
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        path = root / "content" / "events" / "x.md"
        path.parent.mkdir(parents=True)
        path.write_bytes(raw)
        problems = Problems(root)
        event = load_event(path, problems, extracted_folder=False)
        source = load_source(path, problems)
        if event is None and source is None:
            assert problems.errors
        return [str(problem) for problem in problems.items]


@SETTINGS
@given(st.one_of(st.binary(max_size=300), yamlish.map(lambda t: ("---\n" + t).encode())))
def test_loading_any_bytes_reports_problems_not_exceptions(raw: bytes) -> None:
    for message in write_and_load(raw):
        assert re.match(r"content/events/x\.md:\d+: ", message)


# --- File names from tags ------------------------------------------------------------


@SETTINGS
@given(st.text(max_size=400))
def test_tag_slugs_are_safe_file_names(text: str) -> None:
    slug = slugify(text)
    assert slug
    assert not set(slug) & set('/\\:*?"<>|\x00.')
    assert not slug.startswith("-") and not slug.endswith("-")
    assert len((slug + ".html").encode("utf-8")) <= 255
    assert not is_reserved_name(slug)
    assert slugify(text) == slug  # the same tag always has the same page


# --- The temporal tagger -------------------------------------------------------------

_CALENDAR = r"(\d{4}|\d{3}X|\d{2}XX|XXXX|\d{2}|\d{3})"
_DATE = (
    _CALENDAR + r"(-(\d{2}|XX)(-(\d{2}|XX))?|-W(\d{2}|XX)(-(\d|WE|XX))?"
    r"|-Q[1-4X]|-H[12X]|-(SP|SU|FA|WI))?"
)
_TIME = _DATE + r"T(\d{2}(:\d{2}(:\d{2}(\.\d+)?)?)?|MO|MI|AF|EV|NI|DT)(Z|[+-]\d{2}(:?\d{2})?)?"
_AMOUNT = r"(\d+(\.\d+)?|X)"
_DURATION = rf"P(({_AMOUNT}(Y|M|W|D|DE|CE|ML|Q|H|WE|L))+(T({_AMOUNT}[HMS])+)?|T({_AMOUNT}[HMS])+)"
TIMEX3_VALUE = re.compile(rf"\A({_DATE}|{_TIME}|{_DURATION}|PRESENT_REF|PAST_REF|FUTURE_REF)\Z")

temporal_words = st.sampled_from(
    [
        "on Wednesday",
        "last week",
        "next month",
        "since 2020",
        "in 2016",
        "eight years after",
        "three days ago",
        "December 2016",
        "22 December",
        "the 1990s",
        "early 2024",
        "Q3",
        "the third quarter",
        "this weekend",
        "every Monday",
        "at 10:30",
        "yesterday morning",
        "tomorrow",
        "a year earlier",
        "for two weeks",
        "the past decade",
        "in the 21st century",
        "this summer",
        "2024-11-30",
        "30/11/2024",
        "recently",
        "now",
        "daily",
        "twice a year",
        "in March",
        "حلب",
        "1st",
        "31 February",
        "Friday, 29 February 2023",
        "9999",
        "0000",
        "  ",
        ". ",
        ", ",
        "\n",
    ]
)
sentences = st.lists(st.one_of(temporal_words, st.text(max_size=8)), max_size=25).map(" ".join)
dcts = st.dates(min_value=date(1900, 1, 1), max_value=date(2100, 12, 31)).map(date.isoformat)


@settings(max_examples=250, deadline=None)
@given(st.one_of(sentences, st.text(max_size=300)), dcts)
def test_tagger_values_are_timex3_and_spans_are_text(text: str, dct: str) -> None:
    found = tag(text, dct)
    for timex in found:
        assert timex.type in {"DATE", "TIME", "DURATION", "SET"}
        assert TIMEX3_VALUE.match(timex.value), (timex, text)
        assert 0 <= timex.start < timex.end <= len(text)
        assert text[timex.start : timex.end] == timex.text
    starts = [timex.start for timex in found]
    assert starts == sorted(starts)
