"""Which side of the publication date a sentence points to, from its verbs' tense.

Newswire names days without saying which week they belong to ("left on Tuesday",
"will meet on Thursday"); the tense of the nearest verb tells.  Returns -1 for past,
+1 for future, 0 when no cue is found.
"""

from __future__ import annotations

import re

from builder.temporal.grammar import ZONE, _trie

_FUTURE_WORDS = """will shall would planned planning scheduled expected expect expects due
effective payable ahead upcoming next begins starts opens reopens meets resumes resume meet
convene convenes reconvene reconvenes arrives departs travels visits expires
tomorrow""".split()
_FUTURE = (
    rf"{_trie(_FUTURE_WORDS)}|won't|'ll|going\s+to|plans?\s+to|set\s+to|is\s+to|are\s+to"
    r"|intends?\s+to|aims?\s+to|hopes?\s+to|to\s+be\s+held"
    r"|takes\s+effect|comes?\s+into\s+force|go(?:es)?\s+up|go(?:es)?\s+on\s+sale"
    r"|takes?\s+place|forecasts?\s+for|forecast\s+to|should(?!\s+have)|go(?:es)?\s+to\s+the\s+polls"
    r"|heads?\s+to\s+the\s+polls|gets?\s+under\s?way|breaks?\s+(?:up\s+)?for\s+(?:the\s+)?"
    r"(?:summer|christmas|easter|recess|holidays?)"
    r"|must(?!\s+have)|ha(?:s|ve)\s+to|needs?\s+to"
    r"|appears?\s+(?:in|before)\s+(?:court|(?:a\s+|the\s+)?(?:judge|magistrates?|jury))"
    r"|go(?:es)?\s+live|steps?\s+down|kicks?\s+in|runs?\s+out|takes?\s+(?:office|over)"
    r"|(?:clearing|paving)\s+the\s+way\s+for|setting\s+the\s+stage\s+for"
)
# Words in -ed that are no past verbs: "a hundred", "need", "preferred shares" (tested
# behind the word, where only words in -ed get to).
_IN_ED_NOT_PAST = """hundred indeed need speed seed bed red shed proceed exceed succeed feed
breed greed embed sacred naked wicked""".split()
_NOT_PAST_IN_ED = "".join(rf"(?<!\b{word})" for word in _IN_ED_NOT_PAST)
_NOT_PAST_IN_ED += r"(?!(?<=\bpreferred)\s+(?:shares?|stock)\b)"
_PAST_WORDS = """said was were had did took made met left came went began told saw gave got
won lost held fell rose sold bought paid spent brought sent struck shot hit killed fought led
ran spoke wrote broke chose drew flew froze grew knew rode stole swore threw wore sought
taught thought found kept meant stood understood became overran overcame withdrew ago
yesterday last earlier announced reported agreed ended opened closed started""".split()
_PAST = rf"{_trie(_PAST_WORDS)}|\w+ed{_NOT_PAST_IN_ED}|set\s+off|took\s+over|was\s+to"
# Present-tense verbs of a scheduled event that are nouns too ("the polls close on
# Sunday", "fares rise on Friday", "the embargo lifts at 00:01 GMT on Thursday",
# "Liverpool host Newcastle on Wednesday", "MPs vote on Thursday", "the court decides on
# Friday"; not "a sharp rise on Friday", "ski lifts on Thursday were closed"; not "votes"
# nor "rules", plural nouns as often: "New rules on Monday forced ..."): see
# _is_present_verb.
_SCHEDULED = (
    r"close|closes|open|reopen|start|begin|ends?|rises?|lands?|kicks?\s+off|sails?|returns"
    r"|airs|premieres|lifts?|hosts?|launch(?:es)?|debuts?|vote|decides?"
)
# A cue joined by a hyphen to the word before or after is part of a word describing
# something, no verb: "the worst-hit villages", "war-torn", "closed-door talks".
_CUES = re.compile(
    rf"(?<![\w'-])(?:(?P<future>{_FUTURE})|(?P<past>{_PAST})|(?P<scheduled>{_SCHEDULED}))"
    r"(?![\w-])",
    re.IGNORECASE,
)
_DETERMINER = r"(?:the|its|their|his|her|our|this|that|these|those|any|no|each|every|\w+['’]s)"
# The schedule word is a noun, an adjective or not a simple present: right after a
# determiner, a preposition, an auxiliary or a copula ("the close", "on land", "did not
# close", "to land", "is open"), in a phrase opened by "a" ("a 5% sales rise"), or the
# object of a past verb ("posted sharp rises").
_NOT_PRESENT_VERB = re.compile(
    rf"\b(?:{_DETERMINER}|a|an|on|in|of|for|by|from|at|to|with|not|n't|do|does|did|will|would"
    r"|is|are|was|were|be|been|being"
    r"|could|should|might|must|can|may)\s+$|\ban?\s+(?:[\w%$.,-]+\s+){1,3}$"
    rf"|(?<![\w'])(?:{_PAST})\s+(?:[\w-]+\s+)?$",
    re.IGNORECASE,
)
# A base form after a determiner and words not ending in a plural ("the sharp rise"); the
# verb's subject is plural ("the polls close").
_SINGULAR_AFTER_DETERMINER = re.compile(
    rf"\b{_DETERMINER}\s+(?:[\w%$.,-]+\s+){{0,2}}[\w%$.,-]*(?:[^s\W]|ss)\s+$", re.IGNORECASE
)


# A verb after a plural noun that is its subject: "Price rises on Friday were steep".
_VERB_AFTER = re.compile(r"[^.;:!?,]{0,40}?\b(?:is|are|was|were|has|have|had|will|would)\b", re.I)


def _is_present_verb(text: str, start: int, word: str) -> bool:
    """Whether the schedule word at `start` is a present-tense verb rather than a noun."""
    before = text[max(0, start - 40) : start]
    if _NOT_PRESENT_VERB.search(before):
        return False
    base_form = not word.lower().split()[0].endswith("s")
    if not base_form and _VERB_AFTER.match(text, start + len(word)):
        return False
    return not (base_form and _SINGULAR_AFTER_DETERMINER.search(before))


# "had been scheduled", "may have been planned": what was arranged is over.
_PAST_AUXILIARY = re.compile(
    r"\b(?:had\s+been|(?:may|might|could|must)\s+have\s+been|was|were|previously)\s+$",
    re.IGNORECASE,
)
# A past form after these is a participle or an adjective, not a finite verb: "would be
# paid", "a still unspecified date", "being sold"; the auxiliary before it tells the tense.
# After a modal it is a verb's base form: "will last until", "will need" (not "may": the
# month). After "if" or "unless" it opens a conditional clause: "If passed on
# Thursday, the law would take effect in April".
_NOT_FINITE = re.compile(
    r"(?:\b(?:be|been|being|is|are|to|a|an|the|its|their|his|her|still|yet|newly|recently"
    r"|if|unless"
    r"|already|on|in|at|for|with|from|of|into|across|over|will|would|could|should|might"
    r"|must|shall|can|cannot|won['’]t|can['’]t|wouldn['’]t|couldn['’]t|shouldn['’]t)|['’]ll)\s+$",
    re.IGNORECASE,
)
# "..., the council said": an attribution after the expression is told in the past
# whatever the tense of what it reports ("a ferry will run from Monday, officials said").
_REPORTING = re.compile(r"said|says|told|added|announced|reported|stated", re.IGNORECASE)
_ATTRIBUTION_GAP = re.compile(r"[^.;:!?]*[,—–]\s*(?:[\w'’-]+\s+){0,6}", re.IGNORECASE)
# ... unless the expression opens the sentence: "On April 30, the firm said ..." or "In a
# statement on Tuesday, the club said ..." is when it said so.
_FRONTED = re.compile(
    r"\s*[\"'“‘(]*(?:(?:in|at|during)\s+(?:a|an|the|its|his|her|their)\s+(?:joint\s+)?"
    r"(?:statement|interview|briefing|news\s+conference|press\s+conference|speech)\s+)?"
    r"(?:(?:on|in|at|by|early|late)\s+)?",
    re.IGNORECASE,
)
_INFINITIVE = re.compile(r"\bto\s+$", re.IGNORECASE)
# What was arranged, agreed or decided to be done, told before the expression: "was bailed
# to return to court in June", "was remanded in custody to appear at the Old Bailey on 14
# April", "Leaders agreed to meet again in June" (not "failed to appear in court in June").
_SENT_TO_COURT = r"bailed|remanded|summoned|ordered|told|released|freed"
_ARRANGED_TO_DO = re.compile(
    rf"\b(?:{_SENT_TO_COURT}|agreed|decided|pledged|promised"
    r"|vowed|resolved|arranged|planned)\b(?:\s+[\w'’-]+){0,3}?\s+to\s+[a-z]+\b[^.;:!?]*$",
    re.IGNORECASE,
)
# "was remanded in custody to appear at the Old Bailey on 14 January": a day in court
# someone was sent to is ahead however far it is.
_SENT_TO_APPEAR = re.compile(
    rf"\b(?:{_SENT_TO_COURT})\b(?:\s+[\w'’-]+){{0,3}}?\s+to\s+(?:appear|return|attend"
    r"|answer|stand\s+trial)\b[^.;:!?]*$",
    re.IGNORECASE,
)


# "Unions have called a strike for Thursday", "A trial date was set for 8 September": the
# day an event is called or set for, whatever the tense of the setting; not "had called a
# strike for Thursday".
_SET_FOR = re.compile(
    r"(?<!\bhad\s)\b(?:called|calls|set|sets|scheduled|rescheduled|planned|slated|fixed|booked"
    r"|adjourned|summoned|convened)\b[^.;:!?]{0,40}?\bfor\s+$",
    re.IGNORECASE,
)


def set_for(text: str, start: int) -> bool:
    """Whether the expression at `start` is the day or month an event is called or set for."""
    return (
        text.endswith("for ", 0, start)
        and _SET_FOR.search(text, max(0, start - 70), start) is not None
    )


# "down from a forecast of £65m in March", "up from 3.2% in May": the figure a change is
# measured from, told at a month gone.
_CHANGED_FROM = re.compile(
    r"\b(?:up|down|rose|fell|rising|falling|climbed|dropped|jumped|slipped|increased"
    r"|decreased|cut|raised)\b(?:[^.;:!?]|\.\d){0,25}?\bfrom\s+(?:[^.;:!?]|\.\d){1,40}?"
    r"\b(?:in|on)\s+$",
    re.IGNORECASE,
)


def changed_from(text: str, start: int) -> bool:
    """Whether the expression at `start` dates the figure a change is measured from."""
    return "from" in text[max(0, start - 70) : start] and (
        _CHANGED_FROM.search(text, max(0, start - 90), start) is not None
    )


def sent_to_appear(text: str, start: int) -> bool:
    """Whether the expression at `start` is the day or month someone was bailed, remanded or
    summoned to appear in court."""
    return _SENT_TO_APPEAR.search(text, max(0, start - 120), start) is not None


# A clause joined after the expression ("... by Sunday, but warned that ...") has verbs
# of its own: they do not tell the tense of the clause holding the expression.
_NEXT_CLAUSE = re.compile(
    r"\s*(?:[,;—–]\s*)+(?:but|while|whereas|although|though|yet)\b", re.IGNORECASE
)
# Closing quotes may be doubled, as newswire in the Penn Treebank's style writes them ('').
# Not the dot of "8 p.m. EST", "9:30 a.m. Eastern".
_SENTENCE_END = re.compile(
    rf"[.!?](?!(?<=[ap]\.m\.)(?i:{ZONE}|\s+(?:eastern|central|mountain|pacific)\b))"
    r"[\"'”’)]*\s+(?=[\"'“‘(`]*[A-Z])|\n\s*\n"
)

_WINDOW = 160

# Future cues that are adjectives after a determiner, telling no tense ("their scheduled
# close"; but "an upcoming vote" is ahead).
_FUTURE_ADJECTIVES = frozenset({"scheduled", "planned", "expected"})
_DETERMINER_BEFORE = re.compile(
    r"\b(?:the|its|their|his|her|our|a|an|this|that)\s+$", re.IGNORECASE
)


def sentence_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    """A cheap approximation of the sentence around [start, end) (at most a few hundred chars)."""
    left = max(0, start - _WINDOW)
    before = text[left:start]
    cut = left
    for match in _SENTENCE_END.finditer(before):
        cut = left + match.end()
    right = min(len(text), end + _WINDOW)
    after = _SENTENCE_END.search(text, end, right)
    return cut, after.start() + 1 if after else right


# "The bill, which the House approved on Tuesday, funds ...", "Prime Minister Elena Voss,
# who declared ... on Tuesday, will visit ...": a clause set aside in commas after the
# noun phrase or the name (two words or more) opening the sentence; its verbs do not tell
# the tense of the clause around it, nor those around it its own. (Not "He succeeds James
# Taylor, who stepped down as chairman, president and chief executive in March": the
# commas of a list are not the clause's end.)
_RELATIVE_CLAUSE = re.compile(
    r"\s*[\"'“‘(]*(?:(?:the|a|an|this|that|these|those|its|his|her|their|our)\s+"
    r"(?:[\w'’.-]+\s+){0,3}?[\w'’.-]+|(?-i:(?:[A-Z][\w'’.-]*\s+){1,4}[A-Z][\w'’.-]*))"
    r"(,\s+(?:which|who|whose|whom)\b[^,;:.!?\"“”]{1,80},)",
    re.IGNORECASE,
)


def _aside(text: str, left: int, right: int) -> tuple[int, int] | None:
    """The span of a relative clause between commas after the subject opening the sentence
    text[left:right], or None."""
    if text.find(", wh", left, right) < 0:  # cheap test first
        return None
    clause = _RELATIVE_CLAUSE.match(text, left, right)
    return clause.span(1) if clause is not None else None


# A stretch in double quotes, straight ones paired in order, or in typographic ones, double
# or single (a single closing one before a letter is an apostrophe: "‘We don’t ...’").
_QUOTED = re.compile(r'"[^"]*"|“[^“”]*”|‘(?:[^‘’]|’(?=\w))*’(?!\w)')


def _quotes_apart(text: str, left: int, right: int, start: int, end: int) -> list[tuple[int, int]]:
    """The quoted stretches of text[left:right] that do not hold text[start:end]: the tense
    of what someone said does not tell when they said it ('On Tuesday, "We will not back
    down," the prime minister told parliament.')."""
    sentence = text[left:right]
    if '"' not in sentence and "“" not in sentence and "‘" not in sentence:  # cheap test first
        return []
    return [
        quote.span()
        for quote in _QUOTED.finditer(text, left, right)
        if not (quote.start() <= start and end <= quote.end())
    ]


# "could come as soon as Friday", "as early as March": a hedge on when something is to be,
# ahead when no verb tells otherwise (not "warned as early as Monday").
_HEDGED_AHEAD = re.compile(r"\bas\s+(?:early|soon)\s+as\s+$", re.IGNORECASE)


def direction(text: str, start: int, end: int) -> int:
    """-1 if the verb nearest to text[start:end] is past, +1 if future, 0 if unknown."""
    sentence_start, sentence_end = sentence_bounds(text, start, end)
    best_distance = None
    best = 0
    clause = _NEXT_CLAUSE.search(text, end, sentence_end)
    if clause is not None and _CUES.search(text, sentence_start, start):
        sentence_end = clause.start()  # a verb before the expression is there to tell
    aside = _aside(text, sentence_start, sentence_end)
    if aside is not None and aside[0] <= start and end <= aside[1]:
        sentence_start, sentence_end = aside  # "which cut rates in August": its own tense
        aside = None
    elif aside is not None and start < aside[1]:
        aside = None
    quotes_apart = _quotes_apart(text, sentence_start, sentence_end, start, end)
    for match in _CUES.finditer(text, sentence_start, sentence_end):
        if match.start() < end and match.end() > start:
            continue
        if any(left <= match.start() < right for left, right in quotes_apart):
            continue
        if aside is not None and aside[0] <= match.start() < aside[1]:
            continue
        if match.group("past") and _NOT_FINITE.search(
            text, max(0, match.start() - 10), match.start()
        ):
            continue
        if match.group("scheduled") and not _is_present_verb(text, match.start(), match.group()):
            continue
        # "was bailed to return to court in June": what is to be done is ahead
        arranged = (
            match.group("past")
            and match.end() <= start
            and " to " in text[match.end() : start]
            and _ARRANGED_TO_DO.search(text, match.start(), start) is not None
        )
        if match.group("future") and _INFINITIVE.search(
            text, max(0, match.start() - 4), match.start()
        ):
            continue  # "difficult to meet demand": an infinitive has no tense of its own
        if (
            match.group("future")
            and match.group().lower() in _FUTURE_ADJECTIVES
            and _DETERMINER_BEFORE.search(text, max(0, match.start() - 8), match.start())
        ):
            continue  # "past their scheduled Friday close": an adjective
        if (
            match.start() >= end
            and _REPORTING.fullmatch(match.group())
            and _ATTRIBUTION_GAP.fullmatch(text, end, match.start())
            and not _FRONTED.fullmatch(text, sentence_start, start)
        ):
            continue
        distance = start - match.end() if match.end() <= start else match.start() - end
        # A verb after the expression binds a little less than one before it.
        if match.start() >= end:
            distance += 8
        if best_distance is None or distance < best_distance:
            best_distance = distance
            best = -1 if match.group("past") and not arranged else 1
            if (
                best > 0
                and not arranged
                and _PAST_AUXILIARY.search(text, max(0, match.start() - 20), match.start())
            ):
                best = -1  # "had been scheduled to expire Friday" is over
    if best == 0 and _hedged(text, start):
        return 1
    return best


# "on the night of", "in the early hours of": the day of a part of it.
_PART_OF = r"(?:the\s+(?:night|morning|afternoon|evening|early\s+hours)\s+of\s+)?"
# A past verb at most two words before "in", "on", "since", "from" or "between" and the
# expression, with nothing between to start another clause: "took office in January",
# "ended on Monday", "flooded on the night of 3 January", "fell to $1.05 on 2 January",
# "ran from 28 Feb to 2 Mar", "took place between 30 April and 2 May".
# Not a past verb of anticipation, whose object is a thing to come: "signalled a cut in
# February", "promised a decision in May".
_ANTICIPATING = (
    r"signall?ed|predicted|forecast|promised|pledged|proposed|flagged|hinted|projected"
    r"|anticipated|foresaw|envisaged|envisioned|vowed"
)
_CLOSELY_PAST = re.compile(
    rf"(?<![\w'])(?!(?:{_FUTURE}|{_ANTICIPATING})(?!\w))(?:{_PAST})(?:\s+[\w'’$£€.,%-]+){{0,2}}?"
    rf"\s+(?:in|on|since|from|between)\s+{_PART_OF}$",
    re.IGNORECASE,
)
# The verbs moving a thing to another date: "postponed", "adjourned", "brought forward".
MOVED = (
    r"\b(?:postpon\w*|delay\w*|adjourn\w*|reschedul\w*|mov(?:e|ed|es|ing)"
    r"|push(?:ed|es|ing)?\s+back|br(?:ought|ing|ings|inging)\s+forward|put(?:s|ting)?\s+(?:back|off))"
    r"(?:\s+(?:back|forward|up|off))?"
)
# A date a thing was moved from is the one it had been set for, past or ahead: "was
# postponed from 28 Feb to 14 Mar", "was brought forward from Thursday".
MOVED_FROM = re.compile(rf"{MOVED}\s+from\s+$", re.IGNORECASE)


def closely_past(text: str, start: int, end: int | None = None) -> bool:
    """Whether the expression at `start` is the object of a past verb just before it; or,
    given its `end`, opens its sentence before a past verb ("In January the company
    announced ...")."""
    before = text[max(0, start - 60) : start]
    match = _CLOSELY_PAST.search(before)
    if (
        match is not None
        and not _NOT_FINITE.search(before, 0, match.start())
        and not (before.endswith("from ") and MOVED_FROM.search(before))
    ):
        return True
    if end is None or not _OPENING.search(text, max(0, start - 12), start):
        return False
    verb = _FRONTED_PAST.match(text, end)
    return verb is not None and not _NOT_FINITE.search(text, end, verb.start(1))


# "In January", "On Jan. 3,": an expression opening a sentence ...
_OPENING = re.compile(r"(?:^|[.!?:;\"”]\s+|\n\s*)[\"“]?(?:in|on|by|early\s+in|late\s+in)\s+$", re.I)
# ... and a past verb among the first words after it ("the company announced").
_FRONTED_PAST = re.compile(
    rf",?\s+(?:[\w'’.-]+\s+){{0,3}}?(?!(?:{_FUTURE})(?!\w))({_PAST})(?![\w'])", re.IGNORECASE
)


# "will be held in", "will reopen on": a future auxiliary a few words before "in" or "on".
_CLOSELY_FUTURE = re.compile(
    rf"(?<![\w'])(?:will|shall|'ll)(?:\s+[\w'’-]+){{0,3}}?\s+(?:in|on)\s+{_PART_OF}$", re.I
)


def hedged_ahead(text: str, start: int, end: int) -> bool:
    """Whether the expression at text[start:end] is the earliest something may be, ahead:
    "could be made as soon as May" (not "was warned as early as May")."""
    return _hedged(text, start) and direction(text, start, end) > 0


def _hedged(text: str, start: int) -> bool:
    return _HEDGED_AHEAD.search(text, max(0, start - 16), start) is not None


def closely_future(text: str, start: int) -> bool:
    """Whether the expression at `start` is the object of a verb in the future just before it."""
    return _CLOSELY_FUTURE.search(text, max(0, start - 50), start) is not None
