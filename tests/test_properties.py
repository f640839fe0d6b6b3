"""Property-based tests: the date type, the front-matter loader, file names made from
tags, and the temporal tagger, on generated and random input."""

from __future__ import annotations

import random
import re
import sys
import tempfile
from datetime import UTC, date, datetime, timedelta, timezone
from pathlib import Path
from unittest import mock

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from builder.build import build
from builder.dates import DateError, PartialDate
from builder.frontmatter import FrontMatterError, parse_front_matter
from builder.load import load_event, load_source
from builder.problems import Problems
from builder.slugs import is_reserved_name, slugify
from builder.temporal import tag

from .test_incremental import clean_build_of, tree

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


# --- Delta rebuilds ------------------------------------------------------------------

_BENCHMARKS = Path(__file__).resolve().parents[1] / "benchmarks"
_DELTA_SITE_EVENTS = 120
_CHANGES = ("new source", "edited event", "deleted event", "new event", "renamed tag", "split")


@pytest.fixture(scope="module")
def delta_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A generated site of 240 records, its chronology split by year (and a year of
    many events by month), built once: each example changes it further."""
    sys.path.insert(0, str(_BENCHMARKS))
    from sitegen import generate_site

    root = tmp_path_factory.mktemp("delta") / "site"
    generate_site(root, _DELTA_SITE_EVENTS, seed=5)
    config = root / "timeline.toml"
    config.write_text(config.read_text() + "period_pages_above = 6\n")
    build(root, root / "site", workers=1)
    return root


def _quote_from(source: Path) -> tuple[str, str]:
    body = source.read_text().split("---\n", 2)[2]
    return source.stem, body.split("\n\n")[0][:60].strip()


def _change(root: Path, kind: str, number: int) -> None:
    from sitegen import add_source, edit_event, event_file

    events = sorted((root / "content" / "events").glob("*.md"))
    event = events[number % len(events)]
    if kind == "new source":
        add_source(root, 1000 + number % 1000)
    elif kind == "edited event":
        edit_event(root, int(event.stem[1:]), f"Edited as change {number}.")
    elif kind == "deleted event" and len(events) > _DELTA_SITE_EVENTS // 2:
        event.unlink()
    elif kind == "new event":
        sources = sorted((root / "content" / "sources").glob("*.md"))
        quotes = [_quote_from(sources[(number * k) % len(sources)]) for k in (1, 7)]
        text = event_file(5000 + number, random.Random(number), quotes)
        (root / "content" / "events" / f"e{5000 + number:06d}.md").write_text(text)
    elif kind == "renamed tag":
        text = re.sub(r"tags: \[[^\]]*\]", f"tags: [renamed-{number % 5}]", event.read_text())
        event.write_text(text)
    elif kind == "split":  # one more event in a year of a few: it gets a page per month
        sources = sorted((root / "content" / "sources").glob("*.md"))
        text = event_file(6000 + number, random.Random(number), [_quote_from(sources[0])])
        text = re.sub(r"date: \S+", "date: 2001-05-0" + str(1 + number % 9), text)
        (root / "content" / "events" / f"e{6000 + number:06d}.md").write_text(text)


def _break_a_quote(root: Path) -> tuple[Path, str]:
    """Cut the text of a source some event quotes; the source file and its text."""
    event = sorted((root / "content" / "events").glob("*.md"))[0]
    cited = re.search(r"source: (\S+)", event.read_text())
    assert cited is not None
    source = root / "content" / "sources" / f"{cited.group(1)}.md"
    text = source.read_text()
    _, front, _ = text.split("---\n", 2)
    source.write_text(f"---\n{front}---\nGone.\n")
    return source, text


_DELTA_TAKEN: list[bool] = []


@settings(
    max_examples=12,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
@given(
    changes=st.lists(
        st.tuples(st.sampled_from(_CHANGES), st.integers(0, 10**6)), min_size=1, max_size=3
    ),
    break_quote=st.booleans(),
)
def test_delta_rebuild_equals_clean_build(
    delta_site: Path, changes: list[tuple[str, int]], break_quote: bool
) -> None:
    """Random small change sets on a site big enough for the delta path: each rebuild
    gives the bytes of a clean build; a quote that no longer matches its edited source
    fails the build and leaves the site as it was."""
    from builder import delta
    from builder.cache import UnreadableCache
    from builder.problems import ContentError
    from builder.progress import StageTimer

    output = delta_site / "site"
    strict = (delta._FullPath, UnreadableCache)  # a stand-in asked for more: a failure
    with mock.patch.object(delta, "FALLBACK", strict):
        if break_quote:
            published = tree(output)
            source, text = _break_a_quote(delta_site)
            with pytest.raises(ContentError, match="quote not found"):
                build(delta_site, output, workers=1)
            assert tree(output) == published
            source.write_text(text)
        for kind, number in changes:
            _change(delta_site, kind, number)
        timer = StageTimer()
        build(delta_site, output, workers=1, timer=timer)
    _DELTA_TAKEN.append("delta: render" in timer.times)
    with tempfile.TemporaryDirectory() as scratch:
        assert tree(output) == clean_build_of(delta_site, Path(scratch) / "clean"), changes


def test_delta_rebuilds_were_taken() -> None:
    """The property test above took the delta path for most change sets (a change
    reaching further, a new month page say, takes the full path)."""
    if _DELTA_TAKEN:
        assert sum(_DELTA_TAKEN) >= len(_DELTA_TAKEN) // 2, _DELTA_TAKEN
