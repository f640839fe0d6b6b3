"""Recognition: one compiled regular expression whose named branches are the kinds of expression.

The branches are tried in order at each position, so the longer constructions come first.
The grammar only decides *where* an expression is and of what kind; `normalise` decides
its value.  Fragments are plain strings so branches can share them.
"""

from __future__ import annotations

import re

from builder.temporal.lexicon import (
    CAPITALISED_MONTHS,
    CAPITALISED_WEEKDAYS,
    GERMAN_MONTHS_SPELLED_AS_ENGLISH,
    LOWER_CASE_MONTHS,
    LOWER_CASE_WEEKDAYS,
    OTHER_LANGUAGE_DEICTIC_DAYS,
    OTHER_LANGUAGE_WEEK_WORDS,
)

try:  # Python's own pattern parser: private, used only to make matching faster
    from re import _constants, _parser
except ImportError:  # another Python: the branches are used as they are (see _branch)
    _constants = _parser = None  # type: ignore[assignment]


def _alt(*words: str) -> str:
    return "(?:" + "|".join(sorted(words, key=len, reverse=True)) + ")"


MONTH_FULL = _alt(
    "january", "february", "march", "april", "may", "june", "july", "august",
    "september", "october", "november", "december",
)  # fmt: skip
MONTH_ABBR = _alt(
    "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sept", "sep", "oct", "nov", "dec"
)
MONTH = rf"(?:{MONTH_FULL}|{MONTH_ABBR}\.?)(?![\w-])"
WEEKDAY = r"(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)"
# Only before a date: "Wed 12 Mar" ("sat" and "sun" alone are words).
WEEKDAY_SHORT = r"(?:mon|tues?|wed|thu(?:rs?)?|fri|sat|sun)\.?"
PART = r"(?:morning|afternoon|evening|night)"
# The words saying a page was published, and that it was changed, in the languages
# newsrooms use most ("Publié", "Mis à jour").
PAGE_PUBLISHED_WORD = (
    r"(?:published|posted|publié|publicado|veröffentlicht|pubblicato|gepubliceerd)"
)
PAGE_UPDATED_WORD = (
    r"(?:updated|modified|mis\s+à\s+jour|modifié|actualizado|atualizado|aktualisiert"
    r"|aggiornato|bijgewerkt)"
)
# What labels a line giving the day a page was published or changed: "Published", "Last
# updated on", "Publié le".
PAGE_DATE_LABEL = (
    rf"(?:(?:first|last)\s+)?(?:{PAGE_PUBLISHED_WORD}|{PAGE_UPDATED_WORD})"
    r"(?:\s+(?:on|le|el|em|am|il|op))?"
)
SEASON = r"(?:spring|summer|fall|autumn|winter)"
UNIT_SG = (
    r"(?:second|minute|hour|day|night|week|fortnight|month|quarter|year|decade|century|millennium)"
)
UNIT_PL = (
    r"(?:seconds|minutes|hours|days|nights|weeks|fortnights|months|quarters|years|decades"
    r"|centuries|millennia)"
)
UNIT = rf"(?:{UNIT_PL}|{UNIT_SG})"

_DIGIT_WORD = r"(?:one|two|three|four|five|six|seven|eight|nine)"
_TEEN = r"(?:ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen)"
_TENS = r"(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)"
NUMBER_WORD = rf"(?:{_TENS}(?:[-\s]{_DIGIT_WORD})?|{_TEEN}|{_DIGIT_WORD}|zero)"
NUMBER = (
    r"(?:\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?(?:\s\d/\d)?|\d/\d"
    rf"|{NUMBER_WORD}(?:\s+(?:hundred|thousand))?(?:\s+and\s+a\s+half)?"
    r"|a\s+(?:few|couple(?:\s+of)?|dozen|hundred|thousand)|an?|half\s+an?|few|several"
    r"|couple\s+of|some|many|numerous)"
)
QUALIFIER = (
    r"(?:(?:about|around|approximately|roughly|nearly|almost|some|over|under|just|only"
    r"|more\s+than|less\s+than|fewer\s+than|at\s+least|at\s+most|up\s+to|no\s+more\s+than"
    r"|no\s+less\s+than|upwards\s+of|within)\s+)"
)

_ORDINAL_WORD = _alt(
    "first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth",
    "tenth", "eleventh", "twelfth", "thirteenth", "fourteenth", "fifteenth", "sixteenth",
    "seventeenth", "eighteenth", "nineteenth", "twentieth", "twenty-first", "twenty-second",
    "twenty-third", "twenty-fourth", "twenty-fifth", "twenty-sixth", "twenty-seventh",
    "twenty-eighth", "twenty-ninth", "thirtieth", "thirty-first",
)  # fmt: skip
DAY = rf"(?:(?:3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)?(?![\d%:.,]\d|[\w%])|{_ORDINAL_WORD}(?![\w-]))"
YEAR = r"(?<![\d$£€#.,/])(?:1[5-9]\d\d|20\d\d)(?![\d%]|[.,/-]\d|\w)"
YEAR_DIGITS = r"(?<![\d$£€#.,/-])(?:1[5-9]\d\d|20\d\d)"
SPELLED_YEAR = (
    rf"(?:(?:nineteen|eighteen|twenty)[-\s](?:hundred|oh[-\s]{_DIGIT_WORD}|{_TEEN}"
    rf"|{_TENS}(?:[-\s]{_DIGIT_WORD})?)"
    rf"|two\s+thousand(?:\s+and)?(?:[-\s](?:{_TEEN}|{_TENS}(?:[-\s]{_DIGIT_WORD})?|{_DIGIT_WORD}))?)"
    r"(?![\w-])"
)
ANY_YEAR = rf"(?:{YEAR}|{SPELLED_YEAR})"
DECADE = (
    r"(?:(?<![\d$])(?:1[5-9]|20)\d0['’]?s(?!\w)|['’]\d0s(?!\w)"
    r"|(?:nineteen[-\s])?(?:twenties|thirties|forties|fifties|sixties|seventies|eighties|nineties))"
)
# ET, CT, MT, PT: American zones named without saying whether summer time is on.
_ZONES = r"(?:gmt|utc|est|edt|cst|cdt|mst|mdt|pst|pdt|bst|cet|cest|eet|eest|et|ct|mt|pt)(?!\w)"
CLOCK = (
    r"(?:(?<![\d:.,$])(?:[01]?\d|2[0-3])(?:[:.][0-5]\d)?\s*(?:a\.m\.|p\.m\.|am|pm|a\.m|p\.m)(?![\w])"
    r"|(?<![\d:.,$])(?:[01]?\d|2[0-3]):[0-5]\d(?![\d:]|\.\d)"  # not a race's "3:29.40"
    r"|(?<![\w:.,$])(?:[01]?\d|2[0-3])h[0-5]\d(?!\w)"  # "14h30"
    rf"|(?<![\d:.,$£€])(?:[01]?\d|2[0-3])\.[0-5]\d(?=\s*{_ZONES})"  # "9.30 GMT"
    r"|(?<![\d:.,$])(?:[01]\d|2[0-3])[0-5]\d(?=\s*(?:gmt|utc|hours|hrs|h\b|local\s+time\b))"
    r"(?:\s*(?:hours|hrs|h\b))?"
    r"|(?<![\d:.,$])(?:1[0-2]|0?[1-9])\s*o['’]clock(?!\w)"  # "3 o'clock"
    r"|noon|midnight|midday)"
)
ZONE = rf"(?:\s*(?:\({_ZONES}\)|{_ZONES}))"
BOUND = (
    r"(?:(?:the\s+)?(?:very\s+)?(?:end|beginning|start|middle|close|turn|first\s+half|second\s+half"
    r"|last\s+half|latter\s+half|first\s+part|latter\s+part|early\s+part|later\s+part"
    r"|rest|remainder|good\s+part|bulk)\s+of\s+(?:the\s+)?"
    r"|(?:early|late|mid)[-\s]+|(?:end|start)-|around\s+)"
)
RELATIVE_WORD = (
    r"(?:this\s+past|this\s+coming|the\s+past|the\s+last|the\s+next|the\s+coming|the\s+previous"
    r"|the\s+following|the\s+same|that\s+same|the\s+current|the\s+preceding|this|last|next|past|coming"
    r"|previous|following|that)"
)
EDGE = r"(?:(?:early|late|earlier|later|mid)[-\s]+(?:in\s+)?)"
# Month names of other languages: "mars", "marzo", "märz" (see lexicon).
OTHER_LANGUAGE_MONTH = _alt(*sorted(set(LOWER_CASE_MONTHS) | set(CAPITALISED_MONTHS)))
_GERMAN_MONTH_AS_ENGLISH = _alt(*GERMAN_MONTHS_SPELLED_AS_ENGLISH)
# Weekday names of other languages, and the words telling their week (see lexicon).
OTHER_LANGUAGE_WEEKDAY = _alt(*sorted(set(LOWER_CASE_WEEKDAYS) | set(CAPITALISED_WEEKDAYS)))
_OTHER_LANGUAGE_WEEK_WORD = _alt(*sorted(OTHER_LANGUAGE_WEEK_WORDS))
# "November 27", "27 November", "the 27th of November".
MONTH_DAY = rf"(?:{MONTH}\s+(?:the\s+)?{DAY}|(?:the\s+)?{DAY}\s+(?:of\s+)?{MONTH})"
# "15/03", "15/03/2025", "17.03.2025": a numeric day, where a clock time names its day.
NUMERIC_DAY = (
    r"(?:3[01]|[12]\d|0?[1-9])(?:/(?:3[01]|[12]\d|0?[1-9])(?:/(?:\d{4}|\d\d))?"
    r"|\.(?:1[0-2]|0?[1-9])\.\d{4})(?![\d/]|\.\d)"
)
# Holidays on a fixed day, and those Easter sets ("before Christmas", "Easter Monday").
HOLIDAY = (
    r"(?:christmas(?:\s+(?:day|eve))?|new\s+year['’]?s\s+(?:day|eve)|boxing\s+day"
    r"|valentine['’]?s\s+day|halloween|easter(?:\s+(?:sunday|monday|day))?|good\s+friday"
    r"|bastille\s+day|may\s+day|thanksgiving(?:\s+day)?|black\s+friday|cyber\s+monday"
    r"|veterans['’]?\s+day|armistice\s+day|remembrance\s+day|bonfire\s+night|memorial\s+day"
    r"|labor\s+day)(?![\w-])"
)

_BRANCHES: list[tuple[str, str]] = [
    # The text is matched lower-cased: "2025-07-18t13:02z".
    ("iso", r"(?<![\d-])\d{4}-\d\d-\d\d(?:t\d\d:\d\d(?::\d\d)?(?:z|[+-]\d\d:?\d\d)?)?(?![\d-])"),
    # Month or day first: which, the text's language tells (normalise._slash).
    (
        "slash",
        r"(?<![\d/.,])(?:3[01]|[12]\d|0?[1-9])/(?:3[01]|[12]\d|0?[1-9])/(?:\d{4}|\d\d)(?![\d/])",
    ),
    # "on 14/03 at 14:00", "Friday 14/03", "between 15/03 and 17/03": a day and month without
    # the year, only where a day is named ("on", a weekday) or a span of days opens or closes,
    # and the clause goes on with a time or ends.
    (
        "day_month",
        # (the look-ahead for the slash first: most digits have none, and fail at once)
        r"(?:(?=\d\d?/\d)(?:(?<=\bon\s)|(?<=\bfrom\s)|(?<=\bbetween\s)|(?<=\bsince\s)"
        rf"|(?<=\buntil\s)|(?<=\bby\s)|(?<=\band\s)|(?<=\bto\s))|{WEEKDAY},?\s+)"
        r"(?:3[01]|[12]\d|0?[1-9])/(?:3[01]|[12]\d|0?[1-9])"
        r"(?![\d/]|\.\d)(?=\s*(?:[.,;:!?)]|$|\s+(?:at|and|or|to|until|from)\b))",
    ),
    # "best before 12/2026": a month and year.
    ("numeric_month", r"(?<![\d/.,-])(?:1[0-2]|0?[1-9])/(?:1[5-9]\d\d|20\d\d)(?![\d/]|[.,]\d)"),
    ("dashed", r"(?<![\d/.,-])(?:3[01]|[12]\d|0?[1-9])-(?:3[01]|[12]\d|0?[1-9])-\d{4}(?![\d-])"),
    # Day first wherever dots separate the parts (12.05.2025); year first with slashes
    # (2025/05/12).
    ("dotted", r"(?<![\d.,])(?:3[01]|[12]\d|0?[1-9])\.(?:1[0-2]|0?[1-9])\.\d{4}(?!\d|\.\d)"),
    ("year_first", r"(?<![\d/])\d{4}/(?:1[0-2]|0?[1-9])/(?:3[01]|[12]\d|0?[1-9])(?![\d/])"),
    (
        "clock",
        rf"(?:(?:about|around|approximately|shortly\s+(?:before|after))\s+)?{CLOCK}{ZONE}?"
        rf"(?:,?\s+(?:on\s+)?(?:{WEEKDAY}(?:\s+week|,?\s+{MONTH_DAY}(?:,?\s+{YEAR})?"
        rf"|,?\s+{NUMERIC_DAY})?|today|yesterday|tomorrow"
        rf"|this\s+{PART}|last\s+night|tonight|{HOLIDAY}(?:,?\s+{YEAR})?"
        rf"|the\s+(?:next|following|previous|preceding)\s+(?:day|{PART})"
        rf"|{MONTH_DAY}(?:,?\s+{YEAR})?|{NUMERIC_DAY})(?![\w-]))?",
    ),
    # "the first Tuesday of December", "the last Monday in May 2026".
    (
        "nth_weekday",
        r"(?:the\s+)?(?:first|second|third|fourth|fifth|last|1st|2nd|3rd|4th|5th)\s+"
        rf"{WEEKDAY}\s+(?:of|in)\s+{MONTH}(?:,?\s+{YEAR})?",
    ),
    (
        "date",
        r"(?:(?:around\s+|about\s+)?"
        rf"(?:(?:this\s+(?:coming\s+|past\s+)?|last\s+|next\s+)?(?:{WEEKDAY}|{WEEKDAY_SHORT}),?\s+)?"
        rf"{MONTH_DAY}"
        rf"(?:,?\s+{ANY_YEAR}|\s+(?:this|last|next)\s+year(?![\w'’]))?)",
    ),
    # "le 3 mars 2025", "1er avril", "3. März", "5 de marzo de 2025": a day and a month named
    # in another language.
    (
        "other_language_date",
        rf"(?<![\w-])(?:{OTHER_LANGUAGE_WEEKDAY},?\s+)?"
        r"(?<![\d.,/])(?:1er|3[01]|[12]\d|0?[1-9])(?:\.?\s+(?:de\s+)?"
        rf"{OTHER_LANGUAGE_MONTH}|\.\s+{_GERMAN_MONTH_AS_ENGLISH})(?![\w-])"
        rf"(?:\s+(?:de\s+)?{YEAR})?",
    ),
    # "mars 2024", "marzo de 2024", "im März 2024", "en juin", "en décembre dernier": a
    # month named in another language, with its year, or alone after a preposition.
    (
        "other_language_month",
        rf"(?<![\w-]){OTHER_LANGUAGE_MONTH},?\s+(?:de\s+|del\s+)?{YEAR}"
        r"|(?:(?<=\ben\s)|(?<=\bim\s)|(?<=\bin\s)|(?<=\bnel\s)|(?<=\ba\s))"
        rf"{OTHER_LANGUAGE_MONTH}(?![\w-])(?:\s+{_OTHER_LANGUAGE_WEEK_WORD}(?![\w-]))?",
    ),
    # "ayer", "gestern", "demain": a day named from the day the text is written, in
    # another language.
    (
        "other_language_deictic",
        rf"(?<![\w'’-]){_alt(*(re.escape(word) for word in OTHER_LANGUAGE_DEICTIC_DAYS))}"
        r"(?![\w'’-])",
    ),
    # "mardi", "el pasado martes", "am kommenden Dienstag": a weekday named in another
    # language, and the week it is in.
    (
        "other_language_weekday",
        rf"(?<![\w-])(?:{_OTHER_LANGUAGE_WEEK_WORD}\s+)?{OTHER_LANGUAGE_WEEKDAY}(?![\w-])"
        rf"(?:\s+{_OTHER_LANGUAGE_WEEK_WORD}(?![\w-]))?",
    ),
    (
        "monthyear",
        rf"{BOUND}?{MONTH},?\s+(?:of\s+)?(?:{ANY_YEAR}|(?:this|last|next)\s+year(?!')|['’]\d\d(?!\w)"
        r"|(?:that|the\s+same)\s+year(?![\w'’]))",
    ),
    (
        "quarter",
        r"(?:(?:the|its|this\s+year's|last\s+year's|next\s+year's|\d{4}'s|year-ago|year-earlier"
        r"|comparable|corresponding|same|latest|current|previous|prior|fiscal|this|last|next"
        rf"|flat|{YEAR})[-\s]+){{0,4}}"
        r"(?:first|second|third|fourth|1st|2nd|3rd|4th|final)[-\s]+(?:fiscal[-\s]+)?quarter(?![\w-])"
        rf"(?:\s+of\s+(?:fiscal\s+)?(?:{YEAR}|(?:this|last|next)\s+year|the\s+year))?",
    ),
    (
        "half",
        r"(?:the\s+)?(?:(?:first|second|last|latter)\s+half|first\s+two\s+quarters)\s+of\s+"
        rf"(?:(?:fiscal\s+)?{YEAR}|(?:this|last|next)\s+year|the\s+year|the\s+['’]\d0s|the\s+\d{{4}}s)",
    ),
    (
        "period",
        r"(?:the\s+)?(?:(?:latest|current|comparable|corresponding|same|year-ago|year-earlier"
        rf"|previous|prior|{YEAR}|fiscal)[-\s]+){{1,4}}(?:quarter|period)(?![\w-])"
        r"(?:\s+(?:last|a)\s+year(?:\s+(?:earlier|ago|before))?(?!\w))?"
        r"|the\s+quarter(?!\w)(?:\s+a\s+year\s+(?:ago|earlier))?"
        r"|last\s+year's\s+(?:quarter|period)(?!\w)"
        r"|year-(?:ago|earlier)(?![\w-])",
    ),
    ("century", rf"(?:the\s+)?(?:\d{{1,2}}(?:st|nd|rd|th)|{_ORDINAL_WORD})[-\s]century(?!\w)"),
    ("decade", rf"(?:the\s+)?(?:(?:early|late|mid)[-\s]+)?{DECADE}"),
    (
        "fiscal",
        rf"(?:fiscal\s+(?:year\s+)?{YEAR}|fy\s?(?:\d{{4}}|'?\d\d)(?!\w)"
        r"|(?:the\s+)?(?:current|latest|previous|last|next|this)\s+fiscal\s+year"
        r"|the\s+fiscal\s+year(?!\s+(?:ended|ending|ends))(?!\w))",
    ),
    (
        "season",
        # "the winter of 2022-23": the season of the span's first year
        rf"(?:(?:the\s+)?(?:(?:early|late|mid)[-\s]+)?{SEASON}\s+"
        rf"(?:of\s+(?:{YEAR_DIGITS}\s*[-–/]\s*(?:\d{{4}}|\d\d)(?![\d%-]|[.,/]\d|\w)|{ANY_YEAR})|{YEAR})"
        rf"|(?:{EDGE})?(?:this\s+past|this\s+coming|this|that|last|next|the\s+past|the\s+early"
        r"|the\s+following|the\s+next|the\s+previous|the\s+preceding"
        rf"|the\s+late|the|early|late)\s+{SEASON}"
        rf"(?:\s+of\s+{ANY_YEAR})?(?![\w-])|{ANY_YEAR}\s+{SEASON}|(?<=\bin\s)(?:summer|winter))",
    ),
    ("yearpos", rf"{BOUND}(?:fiscal\s+)?{ANY_YEAR}"),
    (
        "yearend",
        # not "the half-year end"
        r"(?:around\s+)?(?:(?<!half-)(?<!half\s)year[-\s]end|year's\s+end|the\s+end\s+of\s+(?:the|this|last|next)\s+"
        r"(?:year|month|week|quarter)|(?:the\s+)?(?:beginning|start|middle)\s+of\s+(?:the|this|next"
        r"|last)\s+(?:year|month|week))(?!\w)",
    ),
    (
        "ago",
        rf"{QUALIFIER}?(?:{NUMBER}|a\s+few|a\s+couple\s+of)[-\s]+{UNIT}(?:\s+or\s+so)?"
        r"\s+(?:ago(?:\s+(?:today|this\s+week|this\s+month)(?![\w'’]))?|earlier"
        r"|from\s+(?:now|today)(?![\w'’]))(?!\w)",
    ),
    (
        # "at dawn", "shortly before dusk on Tuesday", "at first light on 3 May": the edge
        # of a day's light, on the day named after it or the one the text is at (not "from
        # dusk to dawn", every night's).
        "day_edge",
        r"(?:(?<=\bat\s)|(?<=\bbefore\s)|(?<=\bafter\s)|(?<=\baround\s))"
        r"(?:dawn|daybreak|first\s+light|sunrise|dusk|nightfall|sunset)(?![\w-])"
        rf"(?:,?\s+on\s+(?:(?:{WEEKDAY},?\s+)?{MONTH_DAY}(?:,?\s+{YEAR})?|{WEEKDAY})(?![\w-]))?",
    ),
    (
        "deictic_part",
        rf"(?:{EDGE}|mid[-\s]?{PART}\s+)?(?:(?:this|last|tomorrow|yesterday|that)\s+{PART}|tonight"
        rf"|the\s+(?:next|following|previous|preceding)\s+{PART}"
        r"|overnight)(?!\w)"
        rf"|mid[-\s]?(?:morning|afternoon)(?:\s+(?:yesterday|today|tomorrow|{WEEKDAY}))?(?!\w)",
    ),
    (
        "deictic",
        rf"{EDGE}?(?:the\s+day\s+(?:before|after)\s+)?(?:today|yesterday|tomorrow)(?!\w)",
    ),
    (
        # "Today is the eighth day of the strike", "It's the second day of talks": today.
        "nth_day",
        r"(?:(?<=\btoday\sis\s)|(?<=\bit's\s)|(?<=\bit’s\s)|(?<=\bit\sis\s)|(?<=\bthis\sis\s))"
        rf"(?:the\s+)?{_ORDINAL_WORD}\s+day(?=\s+of\b)",
    ),
    (
        # "Talks collapsed on Thursday. The day before, ...": the day before the one told of
        # ("The month before", "the year after": the month or year).
        "day_before",
        r"the\s+(?:day|night|week|month|year)\s+(?:before|after)(?=\s*[,.;:!?)])",
    ),
    (
        # "Oct. 12, the day before the crash": an apposition naming the date just stated.
        "apposition",
        r"(?<=,\s)the\s+day(?=\s+(?:before|after)\b)",
    ),
    (
        # The day or week the narrative is at: "in the morning", "later in the day",
        # "for the week", "the week's".
        "narrative",
        rf"(?:(?<=\bin\s)|(?<=\bduring\s))the\s+{PART}(?!\w)(?!\s+of\b)"
        r"|(?:later|earlier)\s+in\s+the\s+(?:day|week|month|year)(?!\w)"
        r"|(?:(?<=\bfor\s)|(?<=\bof\s))the\s+week(?![\w-])|the\s+week(?='s)"
        # "the week commencing 3 March": the week of that day.
        rf"|the\s+week(?=\s+(?:commencing|beginning|starting|of)\s+(?:{WEEKDAY},?\s+)?{MONTH_DAY})",
    ),
    # "a week on Friday", "Friday week" (British): the Friday of the week after the coming one.
    ("week_on", rf"an?\s+week\s+on\s+{WEEKDAY}(?![\w-])|{WEEKDAY}\s+week(?![\w-])"),
    (
        "relative",
        rf"{EDGE}?{RELATIVE_WORD}\s+(?:{UNIT_SG}|weekend|{MONTH}|{WEEKDAY})(?![\w-])"
        r"(?:'s|\s+or\s+so(?!\w))?|the\s+weekend(?!\w)",
    ),
    (
        "duration",
        rf"(?:{QUALIFIER}(?!the\s))?(?:the\s+)?(?:(?:past|last|next|first|final|coming|previous|latest|following"
        r"|initial|same|remaining|year-earlier|entire|whole)\s+)?"
        rf"(?:{NUMBER}[-\s]+(?:to|or)\s+)?{NUMBER}[-\s]+(?:more[-\s]+|additional[-\s]+|full[-\s]+|straight[-\s]+)?"
        rf"(?:trading[-\s]+|business[-\s]+|calendar[-\s]+|working[-\s]+)?{UNIT}(?!\w|-(?!old\b|long\b))"
        r"(?:-old|-long|\s+or\s+so|\s+ahead)?"
        rf"|(?:the\s+)?(?:past|last|next|coming|recent)\s+(?:few|several|couple\s+of)\s+{UNIT_PL}(?!\w)"
        rf"|(?:recent|coming)\s+{UNIT_PL}(?!\w)"
        r"|(?<=\bfor\s)(?:years|months|weeks|decades|centuries)(?!\w)"
        r"|(?<=\bin\s)(?:years|decades)(?!\w)"
        r"|(?<=\bwithin\s)(?:hours|days|weeks|months)(?!\w)"
        r"|(?:decades|centuries)(?!\w)"
        # "Hours later", "minutes earlier": a count of hours or minutes not told.
        r"|(?<![\w-])(?:hours|minutes)(?=\s+(?:later|earlier)\b)"
        r"|the\s+(?:days|weeks|months|years)\s+ahead(?!\w)"
        r"|(?<=\bfor\s)(?:some\s+time|a\s+while)(?!\w)",
    ),
    (
        "set",
        r"(?:each|every)\s+(?:other\s+)?"
        rf"(?:{UNIT_SG}|{WEEKDAY}|{MONTH}|{SEASON}|morning|evening|weekend)(?!\w)"
        # Frequency adverbs, not the adjectives of "a quarterly dividend".
        r"|(?:hourly|daily|nightly|weekly|biweekly|monthly|quarterly|yearly|annually|semiannually)"
        r"(?=\s*(?:[.,;:!?)\"'”’]|$))"
        rf"|(?:once|twice|{NUMBER}\s+times)\s+(?:a|an|per|each)\s+{UNIT_SG}(?!\w)"
        rf"|{WEEKDAY}s(?:\s+{PART}s?)?(?!\w)|{WEEKDAY}\s+{PART}s(?!\w)"
        rf"|(?:the\s+)?(?:past|last|next|coming)\s+{NUMBER}\s+(?:summers|winters|springs|autumns|falls)(?!\w)",
    ),
    (
        "weekday",
        r"(?:(?:early|late|earlier|later|last|this|next|this\s+coming|this\s+past|the\s+previous"
        rf"|the\s+following|that)\s+)?{WEEKDAY}(?:\s+{PART})?(?!\w)",
    ),
    ("holiday", rf"{HOLIDAY}(?:,?\s+{YEAR})?"),
    (
        "month",
        rf"(?:(?:{EDGE}|(?:end|start)-|the\s+(?:middle|end|beginning|start)\s+of\s+)(?:this\s+)?{MONTH}"
        rf"|(?:(?<=\bin\s)|(?<=\bsince\s)|(?<=\buntil\s)|(?<=\bby\s)|(?<=\bduring\s)|(?<=\bfrom\s)"
        rf"|(?<=\bthrough\s)|(?<=\bbefore\s)|(?<=\bafter\s)|(?<=\bof\s)|(?<=\bthrough\s)"
        rf"|(?<=\bend\s)|(?<=\bin\searly\s)|(?<=\bfor\s)|(?<=\bto\s)|(?<=\bbetween\s)"
        rf"|(?<=\bas\searly\sas\s)|(?<=\bas\ssoon\sas\s)){MONTH}"
        # "between January and March", "in April or May": see _month's _AFTER_MONTH_AND
        r"|(?:(?<=\band\s)|(?<=\bor\s))(?:march|may)(?=\s|[,.;:])"
        # "March – Talks collapse": a timeline's month labelling its line
        r"|(?:(?<=^)|(?<=\n))(?:march|may)(?=\s*(?:[–—:]|-\s))"
        rf"|(?:january|february|april|june|july|august|september|october|november|december)(?=\s|'s|[,.;:])"
        r")",
    ),
    (
        # "Q3 2025", "2025 Q3", "H1 2024", "fiscal Q3 2025": a quarter or half in its short
        # form, with its year.
        "quarter_code",
        rf"(?:fiscal\s+)?[qh][1-4](?:\s+|-)?(?:{YEAR}|fy\s*{YEAR})(?![\w-])|{YEAR}\s*[-/]?\s*[qh][1-4](?![\w-])",
    ),
    (
        # "(1940-2024)", "the 2022-23 season", "the 2024/25 financial year": a span of years.
        "year_span",
        rf"{YEAR_DIGITS}\s*[-–/]\s*(?:1[5-9]\d\d|20\d\d|\d\d)(?![\d%-]|[.,/]\d|\w)",
    ),
    ("year", rf"(?:the\s+year\s+)?{ANY_YEAR}"),
    (
        "wholeyear",
        r"the\s+full\s+year(?![\w-])|(?:(?<=\bfor\s)|(?<=\bof\s)|(?<=\bin\s))the\s+(?:fiscal\s+)?year(?![\w-])"
        r"(?!\s+(?:ago|earlier|before|after))",
    ),
    (
        # "twice as much this year as last": the elided unit, one back.
        "elided",
        r"(?:(?<=\bthis\syear\sas\s)|(?<=\bthis\syear\sthan\s))last(?=\s*[.,;:!?)])",
    ),
    (
        "ref",
        r"(?:right\s+now|just\s+now|now|currently|presently|nowadays|these\s+days|at\s+present"
        r"|this\s+(?:[a-z]+\s+)?moment"
        r"|the\s+present|recently|lately|more\s+recently"
        # not "the past three summers": a count of periods follows
        rf"|the\s+past(?!\s+(?:\d|{NUMBER_WORD}|few|several|couple)(?![\w-]))"
        r"|the\s+near\s+future|the\s+future|soon|the\s+near\s+term|the\s+long\s+term"
        r"|the\s+short\s+term|a\s+later\s+date|recent\s+years|past\s+(?:years|decades)"
        r"|(?:just\s+)?(?:days|weeks|months|years|decades)\s+ago"
        # "until then" after a stated date: that date (anaphoric "then")
        r"|(?:(?<=\buntil\s)|(?<=\btill\s)|(?<=\bby\s)|(?<=\bsince\s))then"
        # Adjectives locating a noun in time: "the recent sale", "its current position".
        r"|(?<=\bthe\s)recent|(?<=\ba\s)recent|(?<=\babout\s)recent"
        # "the then current price": the present of a past moment
        r"|(?<=\bthe\s)then\s+current"
        r"|(?:(?<=\bthe\s)|(?<=\bits\s)|(?<=\bhis\s)|(?<=\bher\s)|(?<='s\s)|(?<=\bof\s))current"
        r"(?!\s+(?:account|accounts|quarter|year|fiscal|period|month|week|issue|price|prices)\b)"
        r")(?![\w-])",
    ),
    (
        # "the July-September quarter": a span of months (a quarter when it is one).
        "month_span",
        rf"(?:{MONTH_FULL}|{MONTH_ABBR}\.?)\s*[-–]\s*{MONTH}(?:,?\s+{YEAR})?",
    ),
    (
        # "talks resume on the 28th.", "runs until the 30th.", "from the 14th to the 20th": a
        # day of the month the story is in. Only after "on", "until", "by", "from", "to" or
        # "since", and before the clause ends or a span's end, not "on the 5th floor".
        "day_of_month",
        r"(?:(?<=\bon\s)|(?<=\buntil\s)|(?<=\btill\s)|(?<=\bby\s)|(?<=\bfrom\s)|(?<=\bsince\s)"
        r"|(?<=\bto\s))the\s+(?:3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)(?!\w)"
        r"(?=\s*(?:[.,;:!?)]|$)|\s+(?:and|or|but|at|in|after|before|when|while|until)\b"
        r"|\s+to\s+the\s+\d)"
        # "the 14th of this month", "the 28th of last month".
        r"|the\s+(?:3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)\s+of\s+(?:this|last|next)\s+month(?!\w)",
    ),
]

# The gate in front of the grammar: an expression starts with a digit, a quote ('80s) or a
# head word, or with a modifier ("the", "last", "about", a number word) that has a head word
# or a digit a few words later.  Checking this first (trie-shaped regexes) lets the matcher
# skip most positions of a text cheaply; it is what makes the tagger fast.
HEAD_WORDS = (
    """
january february march april may june july august september october november december
jan feb mar apr jun jul aug sept sep oct nov dec
monday tuesday wednesday thursday friday saturday sunday mondays tuesdays wednesdays
thursdays fridays saturdays sundays mon tue tues wed thu thur thurs fri sat sun
today yesterday tomorrow tonight now currently recently lately past present presently
future soon nowadays term date
year years month months week weeks day days night nights decade decades century centuries
quarter quarters hour hours minute minutes second seconds fortnight fortnights weekend
millennium millennia
spring summer fall autumn winter morning afternoon evening overnight noon midnight midday
hourly daily nightly weekly biweekly monthly quarterly yearly annually semiannually
fiscal fy year-ago year-earlier year-end recent current last moment
twenties thirties forties fifties sixties seventies eighties nineties
nineteen eighteen thousand period time while then
christmas easter halloween thanksgiving q1 q2 q3 q4 h1 h2
dawn daybreak first sunrise dusk nightfall sunset
""".split()
    + [*LOWER_CASE_WEEKDAYS, *CAPITALISED_WEEKDAYS, *OTHER_LANGUAGE_WEEK_WORDS]
    + [*LOWER_CASE_MONTHS, *CAPITALISED_MONTHS]
    + [word.split()[0].split("'")[0] for word in OTHER_LANGUAGE_DEICTIC_DAYS]
)
MODIFIER_WORDS = """
the a an last this next coming previous preceding following that early late earlier later
mid about around approximately roughly nearly almost some over under only more less fewer
at up no upwards within each every once twice several few couple many numerous half its
flat comparable corresponding same latest current prior final first third fourth 1st 2nd
3rd 4th shortly in recent entire whole remaining initial very end beginning start middle
close turn rest remainder good bulk latter these right just one two three four five six
seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen
nineteen twenty thirty forty fifty sixty seventy eighty ninety
new good boxing valentine valentines bastille black cyber veterans armistice remembrance
bonfire memorial labor
""".split()


def _trie(words: list[str]) -> str:
    """A regex matching exactly `words`, shaped as a trie so that matching never backtracks far."""
    root: dict = {}
    for word in words:
        node = root
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}

    def build(node: dict) -> str:
        final = "" in node
        branches = [re.escape(char) + build(child) for char, child in sorted(node.items()) if char]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        if final:
            return f"(?:{body})?"
        return body

    return build(root)


_CATEGORIES = (
    {
        _constants.CATEGORY_DIGIT: r"\d",
        _constants.CATEGORY_SPACE: r"\s",
        _constants.CATEGORY_WORD: r"\w",
    }
    if _constants is not None
    else {}
)


def _first(items: list) -> tuple[set[str] | None, bool]:
    """The character class items one of which starts every match of the parsed pattern
    `items` (None when that is not worked out), and whether a match can be empty."""
    firsts: set[str] = set()
    for op, arg in items:
        if op is _constants.LITERAL:
            return firsts | {re.escape(chr(arg))}, False
        if op is _constants.IN:
            for kind, value in arg:
                if kind is _constants.LITERAL:
                    firsts.add(re.escape(chr(value)))
                elif kind is _constants.RANGE:
                    firsts.add(f"{re.escape(chr(value[0]))}-{re.escape(chr(value[1]))}")
                elif kind is _constants.CATEGORY and value in _CATEGORIES:
                    firsts.add(_CATEGORIES[value])
                else:
                    return None, False
            return firsts, False
        if op in (_constants.ASSERT, _constants.ASSERT_NOT, _constants.AT):
            continue  # takes no character
        if op is _constants.SUBPATTERN and not (arg[1] or arg[2]):  # no inline flags
            alternatives = [arg[-1]]
        elif op is _constants.BRANCH:
            alternatives = arg[1]
        elif op in (_constants.MAX_REPEAT, _constants.MIN_REPEAT):
            alternatives = [arg[2]]
        else:
            return None, False
        may_be_empty = op not in (_constants.SUBPATTERN, _constants.BRANCH) and arg[0] == 0
        for alternative in alternatives:
            sub, empty = _first(alternative)
            if sub is None:
                return None, False
            firsts |= sub
            may_be_empty = may_be_empty or empty
        if not may_be_empty:
            return firsts, False
    return firsts, True


def _branch(name: str, body: str) -> str:
    """The named branch, behind a look-ahead for the characters it can start with: Python's
    matcher enters every branch of the grammar at every position the gate lets through,
    and a class test rejects most of them at once. It never changes what matches."""
    try:
        firsts, may_be_empty = _first(list(_parser.parse(body)))
    except Exception:  # noqa: BLE001 (a parser of another shape: no look-ahead, same matches)
        return f"(?P<{name}>{body})"
    if firsts is None or may_be_empty:
        return f"(?P<{name}>{body})"
    return f"(?=[{''.join(sorted(firsts))}])(?P<{name}>{body})"


BRANCH_NAMES = tuple(name for name, _ in _BRANCHES)
_BODY = "|".join(_branch(name, body) for name, body in _BRANCHES)
_HEAD = rf"(?:{_trie(HEAD_WORDS)})(?![a-z])"
_GATE = (
    rf"(?<![\w'’])(?=\d|['’]|{_HEAD}"
    rf"|(?:{_trie(MODIFIER_WORDS)})(?![a-z])[^.;:!?\n]{{0,40}}?(?:\d|(?<![a-z]){_HEAD}))"
)
# Matches lower-cased text (the tagger lowers it once); PATTERN_ANY_CASE is the fallback
# for the rare texts whose length changes when lowered.
PATTERN = re.compile(_GATE + f"(?:{_BODY})")
PATTERN_ANY_CASE = re.compile(_GATE + f"(?:{_BODY})", re.IGNORECASE)
