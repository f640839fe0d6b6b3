"""Extract stage: propose dated events from the sources' text, for editors to review.

Each sentence that carries a resolved date becomes a candidate; candidates from several
articles that report the same thing on the same date become one, with several sources.
Candidates an editor has already dealt with (an event citing that sentence, or a file
with that id) are not proposed again, so review decisions survive every run.
"""

from __future__ import annotations

import functools
import hashlib
import math
import re
import textwrap
from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace
from itertools import filterfalse
from pathlib import Path

import snowballstemmer
import yaml

from builder.candidates import Candidate, candidates_from_text
from builder.collector import collector_paused
from builder.dates import DateError, DateSpan, PartialDate, Precision
from builder.load import PARAGRAPH_SEPARATOR, tagger_text
from builder.markdown_text import without_emphasis, without_list_mark
from builder.model import Citation, EventRecord, Site, Source, Status
from builder.parallel import parallel_map
from builder.places import Places, placed_apart, places_named
from builder.problems import ContentError, Problem
from builder.slugs import is_reserved_name, slugify
from builder.temporal import day_first
from builder.views import UnreviewedRecord

CANDIDATES_DIR = Path("content/candidates")
_TITLE_WORDS = 14
# Two sentences share enough to be one event when this share of the shorter one's
# content words is also in the other.
_SAME_EVENT_OVERLAP = 0.5
# Sentences of one source are one event when this share is: an article tells of several
# things of a day in the same words more often than of one thing twice.
_SAME_SOURCE_OVERLAP = 0.75
# Below this many sources, extracting in one process is quicker than starting workers.
_PARALLEL_FROM = 50
_LONG_WORD = re.compile(r"\w{3,}")  # a word of three characters or more
_STOPWORDS = frozenset(
    (
        "a an and are as at be been but by for from had has have he her his in is it its of on "
        "or said says she that the their they this to was were which while who will with would "
        "after before since until during also not no than then there these those into over"
    ).split()
)
# Words that date or attribute a sentence rather than tell what happened ("..., the ministry
# said on Thursday", "officials admitted"): two reports of one event date and attribute it
# in their own ways, and two events of one day share their date.
_NOT_WHAT_HAPPENED = frozenset(
    (
        "monday tuesday wednesday thursday friday saturday sunday january february april "
        "june july august september october november december jan feb mar apr jun jul aug "
        "sep sept oct nov dec yesterday today tonight tomorrow morning afternoon evening night "
        "midnight noon week weekend month year day days ago earlier later last next early late "
        "according told added admitted claimed reportedly officials official witnesses monitors "
        "sources spokesman spokeswoman spokesperson"
    ).split()
)

# The same for the other languages newsrooms write in most, by Snowball's name for each:
# their little words (articles, prepositions, auxiliaries, pronouns), which two reports of
# different things share as much as two of one thing ("les", "une", "dans", "ont"), and
# their words that date or attribute a sentence.
_NOT_WHAT_HAPPENED_IN = {
    "french": """
        les des une dans par pour sur avec sans sous entre vers chez aux est sont ont été
        était étaient sera seront serait avait avaient avoir être qui que quoi dont mais donc
        car leur leurs ses son cette ces cet lui elle elles ils nous vous pas plus très tout
        tous toute toutes après avant depuis pendant lors comme aussi encore ainsi alors même
        moins selon déclaré indiqué affirmé ajouté précisé autorités responsables lundi mardi
        mercredi jeudi vendredi samedi dimanche janvier février mars avril mai juin juillet
        août septembre octobre novembre décembre hier aujourd demain matin midi soir nuit
        semaine mois année jour jours dernier dernière prochain prochaine
    """,
    "spanish": """
        los las una unos unas del con por para sin sobre entre hacia desde hasta durante según
        tras ante que quien quienes cual cuales cuyo donde pero como más muy sus este esta
        estos estas ese esa esos esas fue fueron era eran sido ser está están estaba han había
        habían hay será serán también aunque porque todo todos toda todas otro otra otros
        otras menos dijo dijeron afirmó indicó señaló informó explicó aseguró autoridades
        fuentes portavoz lunes martes miércoles jueves viernes sábado domingo enero febrero
        marzo abril mayo junio julio agosto septiembre octubre noviembre diciembre ayer hoy
        mañana tarde noche semana mes año día días pasado pasada próximo próxima
    """,
    "german": """
        der die das den dem des ein eine einer eines einem einen und oder aber mit von vom zum
        zur bei nach seit aus für gegen ohne über unter vor auf ist sind war waren wurde wurden
        hat haben hatte hatten wird werden sich nicht auch noch als wie dass sie ihr ihre sein
        seine laut sagte sagten erklärte teilte zufolge behörden angaben sprecher sprecherin
        montag dienstag mittwoch donnerstag freitag samstag sonntag januar februar märz april
        mai juni juli august september oktober november dezember gestern heute morgen abend
        nacht woche monat jahr tag tage vergangenen letzten nächsten
    """,
    "italian": """
        gli una uno del della delle dei degli dello nel nella nelle nei negli con per tra fra
        sul sulla dal dalla che chi cui non più anche come dopo prima durante secondo sono era
        erano stato stata stati state essere hanno aveva avevano sarà suo sua suoi sue loro
        questo questa questi queste quello quella meno detto dichiarato riferito autorità fonti
        portavoce lunedì martedì mercoledì giovedì venerdì sabato domenica gennaio febbraio
        marzo aprile maggio giugno luglio agosto settembre ottobre novembre dicembre ieri oggi
        domani mattina pomeriggio sera notte settimana mese anno giorno giorni scorso scorsa
        prossimo prossima
    """,
    "portuguese": """
        das dos uma umas uns com por para sem sobre entre até desde durante segundo que quem
        qual onde mas como mais muito seu sua seus suas este esta estes estas esse essa foi
        foram era eram sido ser está estão estava tem têm havia será também porque todo todos
        toda todas outro outra menos disse disseram afirmou informou autoridades fontes porta
        voz segunda terça quarta quinta sexta feira sábado domingo janeiro fevereiro março
        abril maio junho julho agosto setembro outubro novembro dezembro ontem hoje amanhã
        manhã tarde noite semana mês ano dia dias passado passada próximo próxima
    """,
}


# The clause that closes a sentence with who reported it, in up to eight words: ", aid
# groups said.", ", the Syrian Observatory for Human Rights said.", ", the operator Ostmet
# said on Thursday.", ", according to the state news agency."
_ATTRIBUTION = re.compile(
    r",\s+(?:[\w.'’-]+\s+){0,8}?(?:said|says|told\s+\w+|reported|added|announced|confirmed"
    r"|admitted|claimed|according\s+to)\b[^,;:]*$"
)


@dataclass(frozen=True)
class SourceSentence:
    """One dated sentence of one source, with its offsets inside its paragraph."""

    source: Source
    candidate: Candidate
    start: int
    end: int

    @functools.cached_property
    def told(self) -> str:
        """The sentence without the clause closing it with who reported it, when the rest
        is the most of it."""
        quote = self.candidate.quote
        told = _ATTRIBUTION.search(quote)
        if told is not None and told.start() > len(quote) // 3:
            return quote[: told.start()]
        return quote

    @property
    def words(self) -> frozenset[str]:
        """What the sentence is about: its content words, less those of its date."""
        language = self.source.language
        date_words = _date_words(self.candidate.timex_text, language)
        return content_words(self.told, language, _NOT_EVENT_WORDS) - date_words

    @property
    def figures(self) -> frozenset[str]:
        """The figures the sentence gives ("5.4", "4,000" as "#4000"), less those of its
        date."""
        return _figures(self.told) - _figures(self.candidate.timex_text)

    @functools.cached_property
    def places(self) -> Places:
        """Where the sentence says its event happened, and every name it gives."""
        return places_named(self.told)

    def overlaps(self, citation: Citation) -> bool:
        return (
            citation.source_id == self.source.id
            and citation.paragraph == self.candidate.paragraph
            and citation.start < self.end
            and self.start < citation.end
        )


@dataclass(frozen=True)
class ProposedEvent:
    """A candidate event: one date, the sentences (from one or more sources) that give it.
    `joins`: the event an editor has already dealt with that these sentences, from
    articles that arrived since, report too (None for a new event)."""

    id: str
    when: DateSpan
    sentences: tuple[SourceSentence, ...]
    joins: EventRecord | None = None
    # Sentences that tell of this event and of another one, whose candidate they are
    # (see _told_with_another): sources of this event too, but not what names it or
    # what says an editor has dealt with it.
    also: tuple[SourceSentence, ...] = ()
    # For further reports of a candidate file: the text extract wrote in that file, and
    # the text listing these reports among its sources too, which replaces it while the
    # file is as extract wrote it (no one has reviewed it yet).
    listed_with: tuple[str, str] | None = None

    @property
    def title(self) -> str:
        candidate = self.sentences[0].candidate
        if candidate.other_dates:
            return headline(clause_of(candidate), candidate.timex_text)
        return headline(candidate.quote, candidate.timex_text)

    @property
    def reports(self) -> tuple[SourceSentence, ...]:
        """Every sentence that reports the event: its own, then those of `also`."""
        return self.sentences + self.also

    def as_json(self) -> dict:
        found: dict[str, object] = {
            "id": self.id,
            "date": self.when.start.iso(),
            "end": self.when.end.iso() if self.when.end else None,
            "ongoing": self.when.ongoing,
            "sources": [
                {
                    "source": s.source.id,
                    "quote": s.candidate.quote,
                    "paragraph": s.candidate.paragraph,
                    "start": s.start,
                    "end": s.end,
                    "expression": s.candidate.timex_text,
                }
                for s in self.reports
            ],
        }
        if self.joins is not None:
            found["joins"] = self.joins.id
        return found

    def as_record(self, path: Path) -> UnreviewedRecord:
        """The candidate as the build publishes it (`publish_candidates`): listed, marked
        as unreviewed, with no page of its own (see builder.views.UnreviewedRecord)."""
        citations = tuple(
            Citation(s.source.id, s.candidate.quote, 0, s.candidate.paragraph, s.start, s.end)
            for s in self.reports
        )
        return UnreviewedRecord(
            id=self.id,
            path=path,
            when=self.when,
            title=self.title,
            summary="",
            tags=(),
            status=Status.REPORTED,
            citations=citations,
            extracted=True,
        )


# What a headline cut short does not end with: punctuation, an opening quote or bracket,
# and words that lead on to what was cut ("... in the capital of the…").
_CUT_END = re.compile(
    r"(?:[\s,;:(\[“‘\"'–—-]+|\s(?i:a|an|the|of|to|in|on|at|for|and|or|but|with|by|from|as|that"
    r"|which|who|its|their|his|her))+$"
)
# A word opening a sentence that links it to the one before ("But on Tuesday ...",
# "However, ..."), which a headline, standing alone, does without.
_LINKING_OPENER = re.compile(
    r"(?:(?:but|and),?|(?:however|meanwhile|still|also|moreover|furthermore|nevertheless"
    r"|nonetheless|separately|in\s+addition),)\s+(?=\w)",
    re.IGNORECASE,
)


def _without_linking_opener(sentence: str) -> str:
    """The sentence without a _LINKING_OPENER, its next word capitalised."""
    opener = _LINKING_OPENER.match(sentence)
    if opener is None:
        return sentence
    rest = sentence[opener.end() :]
    return rest[0].upper() + rest[1:]


# An _ATTRIBUTION that only says who said it, and when: it ends with the saying ("..., the
# agency said on Tuesday."), not with what was said ("..., the mayor said schools would
# reopen.").
_SAID_LAST = re.compile(
    r"\b(?:said|says|told\s+\w+|reported|added|announced|confirmed|admitted|claimed)"
    r"(?:\s+[\w.]+){0,3}\W*$|\baccording\s+to\b"
)
_CLOSE = {"“": "”", "(": ")", "[": "]", "«": "»"}
# Where what happened gives way to what followed from it or when ("..., killing at least
# 37 people", "..., when more than 200 people died", "...; ...", "... – ..."), for a
# headline that would be cut short after it.
_MAIN_CLAUSE_END = re.compile(
    r",\s+(?=(?:[a-z]+ing|which|who|whose|where|when|while|after|according)\b)|;\s+|\s+[–—]\s+"
)
# A main clause shorter than this is no headline of its own ("Rebels said, ...").
_MAIN_CLAUSE_WORDS = 6


def headline(sentence: str, date_text: str = "") -> str:
    """The sentence as a candidate's title: its first _TITLE_WORDS words (then "…"), or
    all of them but the clause closing it with who said it when the rest is no longer,
    or its main clause whole when that is and tells the date `date_text` (see
    _main_clause),
    without its full stop, the quote marks and brackets it leaves open closed and those it
    closes without opening (a quote spanning sentences) left out, and without Markdown's
    emphasis marks, the mark of a list item ("* ") or a word linking it to the sentence
    before ("But", "However,")."""
    sentence = _without_linking_opener(without_list_mark(without_emphasis(sentence)))
    words = sentence.split()
    told = _ATTRIBUTION.search(sentence) if len(words) > _TITLE_WORDS else None
    if (
        told is not None
        and _SAID_LAST.search(told.group())
        and len(sentence[: told.start()].split()) <= _TITLE_WORDS
    ):
        # What happened, whole, rather than cut inside who said it ("..., the civil…").
        words = sentence[: told.start()].split()
    if len(words) > _TITLE_WORDS:
        words = _main_clause(sentence, date_text) or words
    if len(words) <= _TITLE_WORDS:
        text = " ".join(words)
        if text.endswith(".") and "." not in words[-1][:-1]:  # not "U.S."
            text = text[:-1]
    else:
        text = _CUT_END.sub("", " " + " ".join(words[:_TITLE_WORDS]))[1:] + "…"
    return _balanced(text)


def clause_of(candidate: Candidate) -> str:
    """The words of the candidate's sentence that tell of its date, for a sentence telling
    of more than one: the clause its expression is in (between _CLAUSE_BREAKs, and before
    the next date another candidate is of; with the clause after it when it says no more
    than its date: "On Monday, rebels seized the airport"), after the sentence's first
    clause, which names what it is about ("The dam, built in 1962" and "The dam … had been
    under repair since 2023"), unless that clause only dates another ("In 2019, the plant
    closed; in 2021 it was demolished": "In 2021 it was demolished")."""
    quote, offset = candidate.quote, candidate.start
    at, ends = candidate.timex_start - offset, candidate.timex_end - offset
    if not 0 <= at < ends <= len(quote):
        return quote
    breaks = list(_CLAUSE_BREAK.finditer(quote))
    others = [other - offset for other in candidate.other_dates]
    before = [brk for brk in breaks if brk.end() <= at]
    after = [brk for brk in breaks if brk.start() >= ends]
    opens = before[-1].end() if before else 0
    if after and _only_dating(quote[opens:at] + " " + quote[ends : after[0].start()]):
        after = after[1:]  # "On Monday, rebels seized the airport"
    clause_end = min(
        [brk.start() for brk in after[:1]] + [o for o in others if o >= ends] + [len(quote)]
    )
    first_end = breaks[0].start() if breaks else len(quote)
    if len(before) <= 1:  # the first clause, or the one right after it
        clause = quote[:clause_end]
    else:
        clause = _LINKING_OPENER.sub("", quote[opens:clause_end], count=1)
        if any(o < first_end for o in others) and len(quote[:first_end].split()) <= 4:
            clause = clause[:1].upper() + clause[1:]  # after "In 2019": no subject
        else:
            clause = f"{quote[:first_end]} … {clause}"
    return _CUT_END.sub("", " " + clause)[1:]  # not "... to hold elections on"


def _main_clause(sentence: str, date_text: str) -> list[str] | None:
    """The words of the sentence before the last _MAIN_CLAUSE_END that leaves a headline
    of _MAIN_CLAUSE_WORDS to _TITLE_WORDS words telling the date `date_text` (None when
    none does: the date may be told by what follows, "..., whose house collapsed on
    Tuesday")."""
    found = None
    for end in _MAIN_CLAUSE_END.finditer(sentence):
        clause = sentence[: end.start()]
        words = clause.split()
        if len(words) > _TITLE_WORDS:
            break
        if len(words) >= _MAIN_CLAUSE_WORDS and date_text in clause:
            found = words
    return found


# The words a clause saying no more than its date holds besides it: "On Monday", "And late
# on Tuesday".
_DATING_WORDS = frozenset("on in at by late early since from during and but then".split())


def _only_dating(text: str) -> bool:
    """Whether `text`, what a clause says besides its date, are _DATING_WORDS alone."""
    return all(word.strip(",;:").lower() in _DATING_WORDS for word in text.split())


def _balanced(text: str) -> str:
    """`text` with its unopened closing quote marks and brackets left out, and those it
    leaves open closed at its end. A straight quote opens after a space or a bracket."""
    kept: list[str] = []
    still_open: list[str] = []  # the closing marks awaited
    for index, char in enumerate(text):
        opens = char in _CLOSE or (
            char == '"' and (index == 0 or text[index - 1].isspace() or text[index - 1] in "([")
        )
        if opens:
            still_open.append(_CLOSE.get(char, char))
        elif char in _CLOSING_MARKS:
            if char not in still_open:
                continue  # closes a quote opened in an earlier sentence
            del still_open[len(still_open) - 1 - still_open[::-1].index(char) :]
        kept.append(char)
    text = " ".join("".join(kept).split())
    return text + "".join(reversed(still_open))


_CLOSING_MARKS = frozenset('”)]»"')
# A figure of two digits or more ("84", "5.4", "4,000", "6,9" in French), not "3 a.m.".
_FIGURE = re.compile(r"(?<![\w.,])\d+(?:[.,]\d+)*(?!\w)(?:(?<=\d\d)|(?<=\d[.,]\d))")


def _figures(text: str) -> frozenset[str]:
    """The figures of `text` as words that are no word of any text ("#5.4", "#4000")."""
    if not any(char.isdigit() for char in text):
        return frozenset()
    return frozenset(
        "#" + figure.group().replace(",", ".").rstrip(".") for figure in _FIGURE.finditer(text)
    )


def content_words(
    text: str, language: str | None = None, leave_out: frozenset[str] = _STOPWORDS
) -> frozenset[str]:
    """The words of three characters or more, less those of `leave_out` (stopwords) and
    numbers, casefolded and reduced to their stems in the text's language ("attacked" and
    "attacks" are one)."""
    words = set(_LONG_WORD.findall(text.casefold()))
    words -= leave_out
    words -= _not_what_happened_in(language)
    stem = _stemmer(language)
    return frozenset(map(stem, filterfalse(str.isdigit, words)))


_NOT_EVENT_WORDS = _STOPWORDS | _NOT_WHAT_HAPPENED


@functools.lru_cache(maxsize=4096)
def _date_words(text: str, language: str | None) -> frozenset[str]:
    """content_words of a temporal expression's text (the same ones recur)."""
    return content_words(text, language)


# Snowball's stemmers by language subtag (an untagged text is taken for English, as the
# temporal tagger takes it).
_SNOWBALL = {
    "ar": "arabic", "ca": "catalan", "cs": "czech", "da": "danish", "de": "german",
    "el": "greek", "en": "english", "es": "spanish", "et": "estonian", "eu": "basque",
    "fa": "persian", "fi": "finnish", "fr": "french", "ga": "irish", "hi": "hindi",
    "hu": "hungarian", "hy": "armenian", "id": "indonesian", "it": "italian",
    "lt": "lithuanian", "nb": "norwegian", "ne": "nepali", "nl": "dutch", "nn": "norwegian",
    "no": "norwegian", "pl": "polish", "pt": "portuguese", "ro": "romanian", "ru": "russian",
    "sr": "serbian", "sv": "swedish", "ta": "tamil", "tr": "turkish", "yi": "yiddish",
}  # fmt: skip


# Words that news reports use for one thing, by language: each word is taken for the
# first of its line ("began its assault" and "launched an offensive" tell of one thing),
# and irregular forms of a verb for the verb ("blew up", "met"), which stems do not join.
_SAME_THING = {
    "english": """
        ceasefire truce armistice
        offensive assault onslaught attack
        launch begin began begun start
        seize capture overran overrun
        kill dead die death
        destroy blew blow blown demolish
        arrive reach
        fall fell fallen
        meet met
        win won
        lose lost
        flee fled escape
        hold held
        fight fought
        shoot shot
        break broke broken
        bring brought
        send sent
        rise rose risen
        fly flew flown
        lead led
        seek sought
        take took taken
        give gave given
        sink sank sunk
        swear swore sworn
        earthquake quake tremor
        collapse burst breach fail
        strike struck hit
        approve pass adopt endorse ratify
        parliament lawmakers mps congress
        bill legislation law
        visit tour
        resign quit
        arrest detain
        raise increase hike
        cut reduce slash axe
        vote voter ballot poll
        company firm
        explosion blast explode
        injure wound hurt
        agreement accord pact deal
        rebel insurgent militant
        talks negotiations
        close shut seal
        release free freed
        troops soldiers army military
        dismiss sack oust
        hostage captive
        gunman gunmen attacker assailant
        storm raid
        protest protester demonstrator demonstration
        missile rocket
        plane aircraft airliner
        ship vessel
    """,
    "french": """
        séisme tremblement secousse
        tuer tué tués tuée morts mort décès
        attaque offensive assaut
        frappe bombardement raid
        explosion déflagration
        arrêter arrêté arrêtés interpeller interpellé interpellés
        blessé blessés blessure blessures
        grève débrayage
        trêve armistice
    """,
    "spanish": """
        terremoto sismo seísmo temblor
        muerte muerto muertos matar mató fallecido fallecidos
        ataque ofensiva asalto
        explosión estallido
        detener detenido detenidos arrestar arrestado arrestados
        herido heridos lesionado lesionados
        huelga paro
        tregua armisticio
    """,
}


def _snowball_name(language: str | None) -> str | None:
    """Snowball's name for the language of a language tag ("fr-CA": "french")."""
    return _SNOWBALL.get((language or "en").split("-")[0].casefold())


@functools.lru_cache(maxsize=64)
def _not_what_happened_in(language: str | None) -> frozenset[str]:
    """The words of _NOT_WHAT_HAPPENED_IN for the language (none for English, whose are
    _STOPWORDS and _NOT_WHAT_HAPPENED)."""
    return frozenset(_NOT_WHAT_HAPPENED_IN.get(_snowball_name(language) or "", "").split())


@functools.lru_cache(maxsize=64)
def _stemmer(language: str | None) -> Callable[[str], str]:
    """A word's stem in `language` (the stem of the first word of its line in _SAME_THING),
    each word stemmed once (stemming takes microseconds, and the words of a site's
    sentences recur); words unchanged where Snowball has no stemmer for the language."""
    name = _snowball_name(language)
    if name is None:
        return str
    stem_word = snowballstemmer.stemmer(name).stemWord
    same = {
        stem_word(word): stem_word(line.split()[0])
        for line in _SAME_THING.get(name, "").strip().splitlines()
        for word in line.split()
    }
    if same:
        plain_stem = stem_word

        def stem_word(word: str) -> str:
            stem = plain_stem(word)
            return same.get(stem, stem)

    return functools.lru_cache(maxsize=1 << 16)(stem_word)


def source_candidates(source: Source) -> list[Candidate]:
    """The candidates of one source: its text as the tagger reads it, dated from its
    publication day, its numeric dates read in the order of its language. A source
    published in a month or a year only has none: "on Wednesday" is no day without one."""
    if source.published.day is None:
        return []
    text, published = tagger_text(source.paragraphs), source.published.iso()[:10]
    return candidates_from_text(text, published, day_first(source.language))


def extraction_key(source: Source) -> str:
    """A digest of what extraction reads from a source: its text, publication day and
    the order of its numeric dates."""
    read = (
        f"{source.published.iso()[:10]}\n{day_first(source.language)}\n"
        f"{tagger_text(source.paragraphs)}"
    )
    return hashlib.blake2b(read.encode(), digest_size=16).hexdigest()


def extract_sources(
    sources: list[Source],
    remembered: dict[str, list[Candidate]] | None = None,
    kept: dict[str, list[Candidate]] | None = None,
    workers: int = 0,
) -> list[list[Candidate]]:
    """Each source's candidates. Those in `remembered` (by `extraction_key`, from an
    earlier build) are not extracted again; the others are, on every core. `kept`
    receives every source's candidates by key, for the next build."""
    remembered = remembered or {}
    keys = [extraction_key(source) for source in sources]
    missing = {
        key: source for key, source in zip(keys, sources, strict=True) if key not in remembered
    }
    extracted = parallel_map(source_candidates, list(missing.values()), workers)
    found = {**remembered, **dict(zip(missing, extracted, strict=True))}
    if kept is not None:
        kept.update((key, found[key]) for key in keys)
    return [found[key] for key in keys]


def dated_sentences(
    source: Source, candidates: list[Candidate] | None = None
) -> list[SourceSentence]:
    """The source's candidates (extracted now unless given), located in its paragraphs."""
    if candidates is None:
        candidates = source_candidates(source)
    paragraph_starts = []
    offset = 0
    for paragraph in source.paragraphs:
        paragraph_starts.append(offset)
        offset += len(paragraph) + len(PARAGRAPH_SEPARATOR)
    sentences = []
    for candidate in candidates:
        base = paragraph_starts[candidate.paragraph]
        sentences.append(
            SourceSentence(source, candidate, candidate.start - base, candidate.end_offset - base)
        )
    return sentences


def candidate_span(candidate: Candidate) -> DateSpan | None:
    """The candidate's date as our date type; None for a value it cannot express."""
    try:
        start = PartialDate.parse(candidate.value)
        end = PartialDate.parse(candidate.end) if candidate.end else None
    except DateError:
        return None
    if end is not None and end.ends_before(start):
        return None
    return DateSpan(start, end, candidate.ongoing)


def merge_sentences(sentences: Iterable[SourceSentence], workers: int = 1) -> list[ProposedEvent]:
    """Group sentences (given in the order their sources were published) by date; within a
    date, sentences from different sources that share most of their content words are one
    event (the group sharing the largest part, the first of them in order found), and so
    are sentences of one source that share three quarters of them; not those placing
    their events in different named places ("in Hama", "in Homs": see builder.places). Each
    date's sentences are merged apart from the others', on up to `workers` processes (0:
    one per core)."""
    by_date: dict[DateSpan, list[SourceSentence]] = {}
    # The same dates recur: each is parsed once, and its sentences' list found by the
    # candidate's (value, end, ongoing) rather than by hashing a DateSpan per sentence.
    lists: dict[tuple, list[SourceSentence] | None] = {}
    for sentence in sentences:
        candidate = sentence.candidate
        date = (candidate.value, candidate.end, candidate.ongoing)
        if date not in lists:
            when = candidate_span(candidate)
            lists[date] = None if when is None else by_date.setdefault(when, [])
        found = lists[date]
        if found is not None:
            found.append(sentence)
    dates = list(by_date)
    merged = parallel_map(lambda when: _merge_date(when, by_date[when]), dates, workers)
    proposed = []
    for when, events in zip(dates, merged, strict=True):
        found = by_date[when]
        proposed += [
            ProposedEvent(
                event_id,
                when,
                tuple([found[index] for index in members]),
                also=tuple([found[index] for index in extra]),
            )
            for event_id, members, extra in events
        ]
    proposed = _fold_into_finer(proposed)
    sort_keys = {when: when.sort_key() for when in dates}
    return sorted(proposed, key=lambda p: (sort_keys[p.when], p.id))


def _fold_into_finer(proposed: list[ProposedEvent]) -> list[ProposedEvent]:
    """The events with a day or a time inside a month or a day that another event tells of
    in most of its words, from other sources ("In June, a shaft collapsed" and "the shaft
    collapsed on Tuesday", 3 June), take that event's sentences in: one event, at the more
    precise date. Days join times first, then months join days or times."""
    by_month: dict[tuple[int, int], list[int]] = {}
    for index, event in enumerate(proposed):
        when = event.when
        if when.start.month is not None and when.end is None and not when.ongoing:
            by_month.setdefault((when.start.year, when.start.month), []).append(index)
    joined: dict[int, list[SourceSentence]] = {}
    gone: set[int] = set()
    for members in by_month.values():
        precisions = [proposed[index].when.start.precision for index in members]
        if len(set(precisions)) < 2:
            continue  # most months: days only
        words = {i: [s.words for s in proposed[i].sentences] for i in members}
        sources = {i: {s.source.id for s in proposed[i].sentences} for i in members}
        for coarse in sorted(members, key=lambda i: -proposed[i].when.start.precision):
            precision = proposed[coarse].when.start.precision
            if precision == Precision.MINUTE:
                continue
            inside = proposed[coarse].when.start.iso()
            best, best_share = None, _SAME_EVENT_OVERLAP
            for fine in members:
                start = proposed[fine].when.start
                if (
                    fine in gone
                    or start.precision <= precision
                    or not start.iso().startswith(inside)
                    or sources[coarse] & sources[fine]
                    or placed_apart(
                        (s.places for s in proposed[coarse].sentences),
                        (s.places for s in proposed[fine].sentences),
                    )
                ):
                    continue
                share = max(
                    len(one & other) / (min(len(one), len(other)) or 1)
                    for one in words[coarse]
                    for other in words[fine]
                )
                if share >= best_share and (best is None or share > best_share):
                    best, best_share = fine, share
            if best is not None:
                gone.add(coarse)
                joined.setdefault(best, []).extend(
                    [*joined.pop(coarse, ()), *proposed[coarse].sentences]
                )
                sources[best] |= sources[coarse]
                words[best] += words[coarse]
    if not gone:
        return proposed
    return [
        replace(event, sentences=event.sentences + tuple(joined[index]))
        if index in joined
        else event
        for index, event in enumerate(proposed)
        if index not in gone
    ]


# A sentence's content words as an integer with one bit per word of its date's vocabulary,
# and their number: the words two sentences share are counted by `int.bit_count` rather
# than by intersecting sets.
_WordBits = tuple[int, int]


class _Group:
    """An event being found: its sources, its sentences' words and its sentences (indexes),
    the words of any of them and its core: the words two of them or more have."""

    __slots__ = ("core", "members", "seen", "sources", "told_by", "words")

    def __init__(self, source_id: str, words: _WordBits, index: int) -> None:
        self.sources = {source_id}
        self.words = [words]
        self.told_by = [source_id]  # each sentence's source
        self.members = [index]
        self.seen = words[0]
        self.core = 0

    def add(self, source_id: str, words: _WordBits, index: int) -> None:
        self.sources.add(source_id)
        self.words.append(words)
        self.told_by.append(source_id)
        self.members.append(index)
        self.core |= self.seen & words[0]
        self.seen |= words[0]

    def told_alike(self, words: _WordBits) -> bool:
        """Whether a sentence like one of the group's has half of the core, or is like it
        mostly in words of the core, once there is one: a report of two events of one day
        ("launched an offensive as a ceasefire took effect") is like the report of each,
        and its first report, in other words; the second is not of the first one's event."""
        if len(self.members) < 2:
            return True
        bits = words[0]
        if (bits & self.core).bit_count() * 2 >= self.core.bit_count():
            return True
        closest = max(self.words, key=lambda member: (bits & member[0]).bit_count())[0]
        shared = bits & closest
        return (shared & self.core).bit_count() * 2 >= shared.bit_count()


def _merge_date(
    when: DateSpan, sentences: list[SourceSentence]
) -> list[tuple[str, list[int], list[int]]]:
    """The events among the sentences of one date, in the order found: each its id, its
    sentences and the sentences of other events that tell of it too (indexes into
    `sentences`)."""
    vocabulary: dict[str, int] = {}
    bits_of: list[int] = []  # each sentence's words, as bits
    groups: list[_Group] = []
    # Groups a sentence was like as well as the one it joined, by their indexes: a report
    # may be like none of an event's reports when it comes, and like one that comes after.
    also_like: list[tuple[int, int]] = []
    # Each sentence and each group it was like in words when it came, by their indexes.
    near: list[tuple[int, int]] = []
    for index, sentence in enumerate(sentences):
        # A figure both reports give counts among the words they share, but one only
        # the one gives is no sign of two events (a toll rises from report to report).
        content = sentence.words
        words = _word_bits(content | sentence.figures, vocabulary, len(content))
        bits_of.append(words[0])
        source_id = sentence.source.id
        best, best_share = -1, _SAME_EVENT_OVERLAP
        like = []
        for number, group in enumerate(groups):
            share = _shared_share(words, group.words)
            if share < _SAME_EVENT_OVERLAP or _placed_apart(sentence, group, sentences):
                continue
            near.append((index, number))
            if not group.told_alike(words):
                continue
            if source_id in group.sources:
                # Told twice by one article: like its own other telling.
                own = [w for w, s in zip(group.words, group.told_by, strict=True) if s == source_id]
                share = _shared_share(words, own)
                if share >= _SAME_SOURCE_OVERLAP and (best < 0 or share > best_share):
                    best, best_share = number, share
                continue
            like.append(number)
            if best < 0 or share > best_share:
                best, best_share = number, share
        if best >= 0:
            also_like += [
                (other, best)
                for other in like
                if other != best and _alike_in_the_same_words(words, groups[other], groups[best])
            ]
            groups[best].add(source_id, words, index)
        else:
            groups.append(_Group(source_id, words, index))
    founders = [group.members[0] for group in groups]
    if also_like:
        groups = _join_groups(groups, also_like)
    extra: dict[int, list[int]] = {}
    if near:
        group_of = {index: number for number, group in enumerate(groups) for index in group.members}
        like_pairs = {(index, group_of[founders[number]]) for index, number in near}
        told_by = [sentence.source.id for sentence in sentences]

        def clauses(index: int) -> list[tuple[int, int]]:
            return _clause_bits(sentences[index], vocabulary)

        extra = _told_with_another(groups, like_pairs, group_of, bits_of, told_by, clauses)
    return [
        (_candidate_id(when, sentences[group.members[0]]), group.members, extra.get(number, []))
        for number, group in enumerate(groups)
    ]


def _placed_apart(sentence: SourceSentence, group: _Group, sentences: list[SourceSentence]) -> bool:
    """Whether the sentence places its event in a named place and the group's sentences
    in another (see builder.places)."""
    return placed_apart([sentence.places], [sentences[index].places for index in group.members])


def _told_with_another(
    groups: list[_Group],
    like_pairs: set[tuple[int, int]],
    group_of: dict[int, int],
    bits_of: list[int],
    told_by: list[str],
    clauses: Callable[[int], list[tuple[int, int]]],
) -> dict[int, list[int]]:
    """For each group (by index) that has any, the sentences of other groups that tell of
    its event as well as of their own (see _tells_both), found among the sentences and
    groups that were alike in words (`like_pairs`, indexes of a sentence and of a group)
    when the sentences came."""
    extra: dict[int, set[int]] = {}
    for index, number in like_pairs:
        own = group_of[index]
        if own == number:
            continue
        if _tells_both(index, groups[own], groups[number], bits_of, told_by, clauses):
            extra.setdefault(number, set()).add(index)
        for member in groups[number].members:
            if _tells_both(member, groups[number], groups[own], bits_of, told_by, clauses):
                extra.setdefault(own, set()).add(member)
    return {number: sorted(found) for number, found in extra.items()}


def _tells_both(
    index: int,
    own: _Group,
    other: _Group,
    bits_of: list[int],
    told_by: list[str],
    clauses: Callable[[int], list[tuple[int, int]]],
) -> bool:
    """Whether the sentence `index` of the group `own` tells of the event of `other` too:
    "Rebels launched an offensive on Wednesday, the day a ceasefire took effect in
    Lebanon", a report of the offensive, is like the ceasefire's reports too, in words
    other than those it shares with the offensive's, and those words are in a clause of
    their own. Only a sentence whose event another source tells too is such a report,
    and never of an event its own source tells."""
    if told_by[index] in other.sources:
        return False
    bits = bits_of[index]
    theirs = [(bits_of[m], bits_of[m].bit_count()) for m in other.members]
    if _shared_share((bits, bits.bit_count()), theirs) < _SAME_EVENT_OVERLAP:
        return False
    like_own = _closest(bits, [bits_of[m] for m in own.members if told_by[m] != told_by[index]])
    if not like_own:
        return False
    like_other = _closest(bits, [bits_of[m] for m in other.members])
    in_both = (like_own & like_other).bit_count()
    if in_both * 2 >= min(like_own.bit_count(), like_other.bit_count()):
        return False
    own_only, other_only = like_own & ~like_other, like_other & ~like_own
    return any(
        (own_only & ~first == 0 and other_only & ~second == 0)
        or (other_only & ~first == 0 and own_only & ~second == 0)
        for first, second in clauses(index)
    )


# Where a sentence may pass from telling one thing to telling another: "..., the day a
# ceasefire took effect", "... as a ceasefire took effect", "...; troops ...".
_CLAUSE_BREAK = re.compile(
    r",\s+|;\s+|\s+(?:as|while|when|whereas|after|before|and|but|the\s+day)\s+", re.I
)


def _clause_bits(sentence: SourceSentence, vocabulary: dict[str, int]) -> list[tuple[int, int]]:
    """For each place the sentence may pass from one thing to another (_CLAUSE_BREAK), the
    words before it and after it, as bits of `vocabulary` (words not in it left out)."""
    quote, language = sentence.candidate.quote, sentence.source.language

    def bits(text: str) -> int:
        found = 0
        for word in content_words(text, language, _NOT_EVENT_WORDS):
            if word in vocabulary:
                found |= 1 << vocabulary[word]
        return found

    return [
        (bits(quote[: brk.start()]), bits(quote[brk.end() :]))
        for brk in _CLAUSE_BREAK.finditer(quote)
    ]


def _closest(bits: int, others: list[int]) -> int:
    """The words `bits` shares with the one of `others` it shares most with (0 for none)."""
    return max((bits & other for other in others), key=int.bit_count, default=0)


def _alike_in_the_same_words(words: _WordBits, one: _Group, other: _Group) -> bool:
    """Whether a sentence like a sentence of each group is so in mostly the same words (the
    two then tell of one event); not when it tells of two events, one like each ("launched
    an offensive as a ceasefire took effect")."""
    bits = words[0]
    closest = [
        max(group.words, key=lambda member: (bits & member[0]).bit_count())[0]
        for group in (one, other)
    ]
    shared = [(bits & member).bit_count() for member in closest]
    in_both = (bits & closest[0] & closest[1]).bit_count()
    return in_both * 2 >= min(shared)


def _join_groups(groups: list[_Group], pairs: list[tuple[int, int]]) -> list[_Group]:
    """The groups, those of each pair (by index) that have no source in common one: the
    later joins the earlier, its sentences in the order found."""
    into = list(range(len(groups)))

    def root(number: int) -> int:
        while into[number] != number:
            number = into[number]
        return number

    for one, other in pairs:
        first, second = sorted((root(one), root(other)))
        if first != second and groups[first].sources.isdisjoint(groups[second].sources):
            into[second] = first
            groups[first].sources.update(groups[second].sources)
            groups[first].members.extend(groups[second].members)
    joined = [group for number, group in enumerate(groups) if into[number] == number]
    for group in joined:
        group.members.sort()
    return joined


def _share(words: frozenset[str], other: frozenset[str]) -> float:
    """The share of the shorter one's words that are in both."""
    return len(words & other) / (min(len(words), len(other)) or 1)


def _word_bits(
    words: frozenset[str], vocabulary: dict[str, int], size: int | None = None
) -> _WordBits:
    """`words` as bits, numbering words not yet in `vocabulary`, and their number (or
    `size`: the number of them two sentences are compared by)."""
    bits = 0
    for word in words:
        bit = vocabulary.get(word)
        if bit is None:
            bit = vocabulary[word] = len(vocabulary)
        bits |= 1 << bit
    return bits, len(words) if size is None else size


def _shared_share(words: _WordBits, others: list[_WordBits]) -> float:
    """The largest share of the content words of `words` or of one of `others`, whichever
    is shorter, that are in both; 0 when it is below _SAME_EVENT_OVERLAP for each."""
    bits, size = words
    best = 0.0
    for other_bits, other_size in others:
        shared = (bits & other_bits).bit_count()
        shorter = min(size, other_size) or 1
        if shared >= shorter * _SAME_EVENT_OVERLAP and shared / shorter > best:
            best = shared / shorter
    return best


def _candidate_id(when: DateSpan, first: SourceSentence) -> str:
    """The id of a candidate of `when` (named by its date's first ten characters) whose
    first sentence is `first`."""
    day = when.start.iso()[:10].replace(":", "")
    quote = first.candidate.quote
    digest = hashlib.sha1(f"{first.source.id}\n{quote}".encode()).hexdigest()[:6]
    words = _slug(" ".join(quote.split(None, 6)[:6]))
    words = _NOT_ID_CHARACTERS.sub("", words)[:48].strip("-") or "event"
    return f"{day}-{words}-{digest}"


_NOT_ID_CHARACTERS = re.compile(r"[^a-z0-9-]+")
_NOT_ASCII_WORD = re.compile(r"[^a-z0-9_]+")


def _slug(text: str) -> str:
    """`slugify(text)`, without its character-by-character pass for ASCII text (most
    text, and there is a candidate id to make for every dated sentence): there Unicode
    normalisation changes nothing, casefolding is lowercasing and the word characters
    are [a-z0-9_]. The rare slug that is empty or reserved is left to slugify."""
    if not text.isascii():
        return slugify(text)
    slug = "-".join(_NOT_ASCII_WORD.sub(" ", text.lower()).split()).strip("_")
    slug = slug[:80].strip("-_")
    if not slug or is_reserved_name(slug):
        return slugify(text)
    return slug


class Reviewed:
    """What editors have dealt with: the event files by id, the sentences their citations
    quote (by source and paragraph, with the citing event), looked up without a scan of
    every event, and the sources some file cites."""

    def __init__(
        self, events: Iterable[EventRecord], sources: dict[str, Source] | None = None
    ) -> None:
        self.events: dict[str, EventRecord] = {}
        self.cited: dict[tuple[str, int], list[tuple[Citation, EventRecord]]] = {}
        self.sources: set[str] = set()
        self.by_day: dict[str, list[EventRecord]] = {}  # by the first ten characters of the date
        self.languages = {id: source.language for id, source in (sources or {}).items()}
        # The days extraction gives each dated sentence: (start, end, day) by source and
        # paragraph (see note_extracted).
        self.extracted: dict[tuple[str, int], list[tuple[int, int, str]]] = {}
        self.quoted: dict[str, list[frozenset[str]]] = {}  # see _redated_words
        for event in events:
            self.events[event.id] = event
            self.by_day.setdefault(event.when.start.iso()[:10], []).append(event)
            for citation in event.citations:
                key = (citation.source_id, citation.paragraph)
                self.cited.setdefault(key, []).append((citation, event))
                self.sources.add(citation.source_id)

    def covering(self, proposed: ProposedEvent) -> list[EventRecord]:
        """The event files that have this id or cite one of these sentences (whatever date
        the editor gave them, and even if the editor hid them), in the sentences' order."""
        found = [self.events[proposed.id]] if proposed.id in self.events else []
        for sentence in proposed.sentences:
            key = (sentence.source.id, sentence.candidate.paragraph)
            for citation, event in self.cited.get(key, ()):
                if sentence.overlaps(citation) and event not in found:
                    found.append(event)
        return found

    def covers(self, proposed: ProposedEvent) -> bool:
        """True when an event file has this id, or cites one of these sentences."""
        return bool(self.covering(proposed))

    def _deciding(self, proposed: ProposedEvent) -> list[EventRecord]:
        """The event files that decide what becomes of this event: those covering it
        that have its id or its date, when there are any (a sentence telling of two
        events, "built in 1962, under repair since 2023", is cited by a file for each, and
        only the one of its date speaks for it); else every one covering it (the editor
        may have changed the date)."""
        covering = self.covering(proposed)
        own = [
            event for event in covering if event.id == proposed.id or event.when == proposed.when
        ]
        return own or covering

    def note_extracted(self, sentences: Iterable[SourceSentence]) -> None:
        """Remember the day extraction gives each of these sentences (see _redated)."""
        for sentence in sentences:
            key = (sentence.source.id, sentence.candidate.paragraph)
            place = (sentence.start, sentence.end, sentence.candidate.value[:10])
            self.extracted.setdefault(key, []).append(place)

    def _redated(self, event: EventRecord) -> bool:
        """Whether the editor gave the event a day extraction gives none of its quotes."""
        day = event.when.start.iso()[:10]
        return not any(
            start < citation.end and citation.start < end and extracted == day
            for citation in event.citations
            for start, end, extracted in self.extracted.get(
                (citation.source_id, citation.paragraph), ()
            )
        )

    def _redated_words(self, event: EventRecord) -> list[frozenset[str]]:
        """The content words of each quote of a re-dated event (none for another), each
        event's found once."""
        if event.id not in self.quoted:
            redated = self._redated(event)
            self.quoted[event.id] = [
                content_words(c.quote, self.languages.get(c.source_id), _NOT_EVENT_WORDS)
                for c in (event.citations if redated else ())
            ]
        return self.quoted[event.id]

    def told_alike(self, proposed: ProposedEvent) -> list[EventRecord]:
        """The event files an editor dated to this event's day (or a time of it), a day
        extraction gives none of their quotes, whose quotes tell what one of its sentences
        tells in most of their words: a new report of an event the editor re-dated."""
        day = proposed.when.start.iso()[:10]
        redated = [event for event in self.by_day.get(day, ()) if self._redated_words(event)]
        if not redated:
            return []
        told = [sentence.words for sentence in proposed.sentences]
        return [
            event
            for event in redated
            if any(
                _share(words, quoted) >= _SAME_EVENT_OVERLAP
                for words in told
                for quoted in self._redated_words(event)
            )
        ]

    def further_reports(
        self, proposed: ProposedEvent, deciding: list[EventRecord] | None = None
    ) -> ProposedEvent | None:
        """What is left to propose of an event an editor has dealt with (the files
        `deciding` for it, else those _deciding finds): the sentences of articles no file
        cites yet (articles that arrived since), as further sources of the first event file
        that is not hidden. None when there are none, or when every such file is hidden
        (the editor refused the event)."""
        if deciding is None:
            deciding = self._deciding(proposed)
        shown = [event for event in deciding if not event.hidden]
        fresh = tuple(s for s in proposed.sentences if s.source.id not in self.sources)
        if not shown or not fresh:
            return None
        return ProposedEvent(_candidate_id(proposed.when, fresh[0]), proposed.when, fresh, shown[0])


def _publication_order(source: Source) -> tuple:
    """Sources in the order they were published (a day before the times of that day), then
    by id: the first report of an event names and titles its candidate, and an article
    published later that tells of it too changes neither."""
    published = source.published
    moment = published.moment.timestamp() if published.moment is not None else -math.inf
    return (published.sort_key()[:3], moment, source.id)


def propose_events(
    site: Site,
    remembered: dict[str, list[Candidate]] | None = None,
    kept: dict[str, list[Candidate]] | None = None,
    workers: int = 0,
) -> list[ProposedEvent]:
    """Every candidate from every source, merged, less those editors have dealt with (of
    these, only the reports of articles that arrived since are proposed, as further
    sources: see Reviewed.further_reports).
    `remembered` and `kept` carry each source's candidates from one build to the next
    (see extract_sources); the work is spread over `workers` processes (0: one per core)
    when there are many sources."""
    sources = sorted(site.sources.values(), key=_publication_order)
    if len(sources) < _PARALLEL_FROM:
        workers = 1
    with collector_paused():  # hundreds of thousands of sentences and candidates
        found = extract_sources(sources, remembered, kept, workers)
        sentences = [
            sentence
            for source, candidates in zip(sources, found, strict=True)
            for sentence in dated_sentences(source, candidates)
        ]
        reviewed = Reviewed(site.events, site.sources)
        reviewed.note_extracted(sentences)
        proposed = []
        for event in merge_sentences(sentences, workers):
            covered = reviewed.covers(event)
            alike = [] if covered else reviewed.told_alike(event)
            if covered or alike:
                further = reviewed.further_reports(event, alike or None)
                if further is not None:
                    proposed.append(_with_its_candidates_text(further, event))
            else:
                proposed.append(event)
        return proposed


def _with_its_candidates_text(further: ProposedEvent, event: ProposedEvent) -> ProposedEvent:
    """The further reports of `event`, when what they join is a candidate file: with the
    text extract wrote in that file, made of `event`'s other reports, and the text listing
    them all (see ProposedEvent.listed_with)."""
    joined = further.joins
    if joined is None or not joined.extracted or joined.path.parent.name != CANDIDATES_DIR.name:
        return further
    fresh = set(further.sentences)
    written = replace(
        event,
        id=joined.id,
        sentences=tuple(s for s in event.sentences if s not in fresh),
        also=tuple(s for s in event.also if s not in fresh),
    )
    if not written.sentences:
        return further
    listing = replace(event, id=joined.id)
    return replace(
        further, listed_with=(candidate_file_text(written), candidate_file_text(listing))
    )


def candidate_file_text(proposed: ProposedEvent) -> str:
    """A reviewable event file: the editor edits it, moves it to content/events/ to accept
    it, or sets `hidden: true` to refuse it."""
    front: dict[str, object] = {"date": proposed.when.start.iso()}
    if proposed.when.end is not None:
        front["end"] = proposed.when.end.iso()
    if proposed.when.ongoing:
        front["ongoing"] = True
    front.update(
        {
            "title": proposed.title,
            "status": Status.REPORTED.value,
            "extracted": True,
            "tags": [],
            "sources": [
                {"source": s.source.id, "quote": s.candidate.quote} for s in proposed.reports
            ],
        }
    )
    if proposed.joins is not None:
        front["joins"] = proposed.joins.id
    header = yaml.safe_dump(front, allow_unicode=True, sort_keys=False, width=1000)
    return f"---\n{header}{_as_comment(_review_note(proposed))}---\n"


def _review_note(proposed: ProposedEvent) -> str:
    """What the editor is to do with a candidate file: said in YAML comments, so that a
    file accepted as it is has no summary rather than this note as its summary."""
    expressions = ", ".join(
        f"“{s.candidate.timex_text}” in {s.source.id}" for s in proposed.reports
    )
    if proposed.joins is not None:
        joined = proposed.joins
        return (
            f"Proposed by `timeline extract` from {expressions}, which reports the event "
            f"{_content_path(joined.path)} (“{joined.title}”) too. To add it there, copy its "
            "source and quote into that file's sources and delete this file; or set "
            "`hidden: true` to refuse it."
        )
    return (
        f"Proposed by `timeline extract` from {expressions}. Review the date, and write a "
        "summary below the next line."
    )


def _as_comment(note: str) -> str:
    """`note` as YAML comment lines of at most 88 characters."""
    lines = textwrap.wrap(
        " ".join(note.split()), width=86, break_long_words=False, break_on_hyphens=False
    )
    return "".join(f"# {line}\n" for line in lines)


def _content_path(path: Path) -> str:
    """The file's path from the site's content/ folder on ("content/events/x.md")."""
    parts = path.parts
    if "content" not in parts:
        return path.as_posix()
    last = len(parts) - 1 - parts[::-1].index("content")
    return "/".join(parts[last:])


def write_candidates(
    site_dir: Path, proposed: list[ProposedEvent]
) -> tuple[list[Path], list[Path]]:
    """Write each proposal as a file of its own, and the paths of the files written and
    of those updated: the further reports of a candidate file still as extract wrote it
    are listed in that file instead; any other existing file is never overwritten."""
    folder = site_dir / CANDIDATES_DIR
    if not folder.resolve().is_relative_to(site_dir.resolve()):
        # A link out of the site (as the build refuses to read one): files are not
        # written wherever a site's folders happen to point.
        raise ContentError(
            [
                Problem(
                    str(CANDIDATES_DIR),
                    1,
                    "this is a link to a place outside the site folder, where extract does "
                    "not write; make it a folder of the site",
                )
            ]
        )
    folder.mkdir(parents=True, exist_ok=True)
    written, updated = [], []
    for proposal in proposed:
        listed_in = _listed_in_its_candidate(folder, proposal)
        if listed_in is not None:
            updated.append(listed_in)
            continue
        path = folder / f"{proposal.id}.md"
        try:
            with open(path, "x", encoding="utf-8") as handle:
                handle.write(candidate_file_text(proposal))
        except FileExistsError:
            continue
        written.append(path)
    return written, updated


def _listed_in_its_candidate(folder: Path, proposal: ProposedEvent) -> Path | None:
    """The candidate file the proposal's reports join, once they are listed in it: they
    are when extract wrote that file and no one has changed it since (else None)."""
    if proposal.listed_with is None or proposal.joins is None:
        return None
    untouched, text = proposal.listed_with
    path = folder / proposal.joins.path.name
    try:
        if path.read_text(encoding="utf-8") != untouched:
            return None
    except (OSError, UnicodeDecodeError):
        return None
    swap = path.with_name(f".{path.name}.new")
    swap.write_text(text, encoding="utf-8")
    swap.replace(path)
    return path
