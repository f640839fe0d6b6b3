"""Words of the temporal vocabulary and what they mean (months, weekdays, units, numbers)."""

from __future__ import annotations

MONTHS: dict[str, int] = {
    "january": 1, "jan": 1,
    "february": 2, "feb": 2,
    "march": 3, "mar": 3,
    "april": 4, "apr": 4,
    "may": 5,
    "june": 6, "jun": 6,
    "july": 7, "jul": 7,
    "august": 8, "aug": 8,
    "september": 9, "sept": 9, "sep": 9,
    "october": 10, "oct": 10,
    "november": 11, "nov": 11,
    "december": 12, "dec": 12,
}  # fmt: skip

# Month names of other languages an English text may quote a date in ("le 3 mars", "5 de
# marzo"), written in lower case: French, Spanish, Italian.
LOWER_CASE_MONTHS: dict[str, int] = {
    "janvier": 1, "février": 2, "mars": 3, "avril": 4, "mai": 5, "juin": 6, "juillet": 7,
    "août": 8, "septembre": 9, "octobre": 10, "novembre": 11, "décembre": 12,
    "enero": 1, "febrero": 2, "marzo": 3, "abril": 4, "mayo": 5, "junio": 6, "julio": 7,
    "agosto": 8, "septiembre": 9, "setiembre": 9, "octubre": 10, "noviembre": 11,
    "diciembre": 12,
    "gennaio": 1, "febbraio": 2, "aprile": 4, "maggio": 5, "giugno": 6, "luglio": 7,
    "settembre": 9, "ottobre": 10, "dicembre": 12,
}  # fmt: skip
# ... and capitalised: German ("3. März"; "April", "August", "September" and "November"
# are the English names).
CAPITALISED_MONTHS: dict[str, int] = {
    "januar": 1, "jänner": 1, "februar": 2, "märz": 3, "mai": 5, "juni": 6, "juli": 7,
    "oktober": 10, "dezember": 12,
}  # fmt: skip
# The German months whose names are the English ones, which a German date writes after its
# day and a dot ("am 10. September").
GERMAN_MONTHS_SPELLED_AS_ENGLISH: dict[str, int] = {
    "april": 4, "august": 8, "september": 9, "november": 11,
}  # fmt: skip

# Weekday names of other languages, written in lower case: French, Spanish, Italian ("le
# mardi 4 mars", "el martes", "martedì"; Monday is 0) ...
LOWER_CASE_WEEKDAYS: dict[str, int] = {
    "lundi": 0, "mardi": 1, "mercredi": 2, "jeudi": 3, "vendredi": 4, "samedi": 5,
    "dimanche": 6,
    "lunes": 0, "martes": 1, "miércoles": 2, "miercoles": 2, "jueves": 3, "viernes": 4,
    "sábado": 5, "sabado": 5, "domingo": 6,
    "lunedì": 0, "martedì": 1, "mercoledì": 2, "giovedì": 3, "venerdì": 4, "sabato": 5,
    "domenica": 6,
}  # fmt: skip
# ... and capitalised: German ("am Dienstag").
CAPITALISED_WEEKDAYS: dict[str, int] = {
    "montag": 0, "dienstag": 1, "mittwoch": 2, "donnerstag": 3, "freitag": 4, "samstag": 5,
    "sonnabend": 5, "sonntag": 6,
}  # fmt: skip
# Days named from the day a text is written in French, Spanish, Italian and German, by
# their distance from it ("ayer" is the day before). Not the French "hier", which is
# German for "here", nor "mañana" and "Morgen", which are mornings too.
OTHER_LANGUAGE_DEICTIC_DAYS: dict[str, int] = {
    "aujourd'hui": 0, "aujourd’hui": 0, "demain": 1, "avant-hier": -2, "après-demain": 2,
    "hoy": 0, "ayer": -1, "anteayer": -2,
    "oggi": 0, "ieri": -1, "domani": 1, "dopodomani": 2,
    "heute": 0, "gestern": -1, "vorgestern": -2, "übermorgen": 2,
}  # fmt: skip
# ... and that it is done: auxiliaries of a past tense ("Le gouvernement avait démissionné",
# "Die Regierung hatte ...", "La ley fue aprobada").
OTHER_LANGUAGE_PAST_WORDS = frozenset(
    """ont avait avaient était étaient fut furent
    fue fueron había habían
    hanno aveva avevano fu furono
    hat haben hatte hatten wurde wurden war waren""".split()
)
# Words before or after such a weekday saying which week it is in: the coming one or the
# last ("mardi prochain", "el pasado martes", "am kommenden Dienstag"), by the step.
OTHER_LANGUAGE_WEEK_WORDS: dict[str, int] = {
    "prochain": 1, "próximo": 1, "proximo": 1, "prossimo": 1, "kommenden": 1, "nächsten": 1,
    "dernier": -1, "pasado": -1, "scorso": -1, "vergangenen": -1, "letzten": -1,
}  # fmt: skip
# Words telling that what a sentence in French, Spanish, Italian or German says is to come
# ("Le président doit s'exprimer jeudi", "La votación será el martes", "Die Wahl soll am
# Sonntag stattfinden"): its weekday is the coming one.
OTHER_LANGUAGE_FUTURE_WORDS = frozenset(
    """doit doivent devra devront va vont sera seront aura auront pourrait pourraient prévu
    prévue prévus prévues attendu attendue
    será serán deberá deberán debe deben podría podrían tendrá tendrán previsto prevista
    sarà saranno dovrà dovranno deve devono potrebbe potrebbero
    wird werden soll sollen könnte könnten geplant""".split()
)

# Monday is 0, as in datetime.date.weekday().
WEEKDAYS: dict[str, int] = {
    "monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3,
    "friday": 4, "saturday": 5, "sunday": 6,
}  # fmt: skip

SEASONS: dict[str, str] = {
    "spring": "SP", "summer": "SU", "fall": "FA", "autumn": "FA", "winter": "WI",
}  # fmt: skip

PARTS_OF_DAY: dict[str, str] = {
    "morning": "MO", "afternoon": "AF", "evening": "EV", "night": "NI",
    "tonight": "NI", "overnight": "NI", "midday": "MI",
}  # fmt: skip

# The edges of daylight, and the part of the day each is in: "at dawn" is in the morning,
# "at dusk" in the evening.
DAY_EDGES: dict[str, str] = {
    "dawn": "MO", "daybreak": "MO", "first light": "MO", "sunrise": "MO",
    "dusk": "EV", "nightfall": "EV", "sunset": "EV",
}  # fmt: skip

# TIMEX3 duration unit letters. Time units go after the "T" of the value.
UNITS: dict[str, str] = {
    "second": "S", "minute": "M", "hour": "H",
    "day": "D", "night": "D", "week": "W", "fortnight": "W", "month": "M",
    "quarter": "Q", "year": "Y", "decade": "DE", "century": "CE", "centurie": "CE",
    "millennium": "ML", "millennia": "ML",
}  # fmt: skip
TIME_UNITS = frozenset({"S", "M", "H"})

SMALL_NUMBERS: dict[str, int] = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
    "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17,
    "eighteen": 18, "nineteen": 19, "a": 1, "an": 1, "dozen": 12,
}  # fmt: skip
TENS: dict[str, int] = {
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50,
    "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90,
}  # fmt: skip

ORDINALS: dict[str, int] = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6,
    "seventh": 7, "eighth": 8, "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12,
    "thirteenth": 13, "fourteenth": 14, "fifteenth": 15, "sixteenth": 16,
    "seventeenth": 17, "eighteenth": 18, "nineteenth": 19, "twentieth": 20,
    "thirtieth": 30, "twenty-first": 21, "twenty-second": 22, "twenty-third": 23,
    "twenty-fourth": 24, "twenty-fifth": 25, "twenty-sixth": 26, "twenty-seventh": 27,
    "twenty-eighth": 28, "twenty-ninth": 29, "thirty-first": 31,
}  # fmt: skip

# Vague quantities: the number of a duration is unknown ("several years" is PXY).
VAGUE_QUANTITIES = frozenset({"few", "several", "some", "many", "couple", "numerous"})

# Adverbs of frequency and the SET value they stand for.
FREQUENCY_ADVERBS: dict[str, str] = {
    "hourly": "PT1H", "daily": "P1D", "nightly": "P1D", "weekly": "P1W",
    "biweekly": "P2W", "monthly": "P1M", "quarterly": "P1Q", "yearly": "P1Y",
    "annually": "P1Y", "semiannually": "P6M", "biannually": "P6M",
}  # fmt: skip

# Time zones to UTC offsets in hours.
ZONES: dict[str, int] = {
    "gmt": 0, "utc": 0, "z": 0, "bst": 1, "cet": 1, "cest": 2, "eet": 2, "eest": 3,
    "est": -5, "edt": -4, "cst": -6, "cdt": -5, "mst": -7, "mdt": -6,
    "pst": -8, "pdt": -7,
}  # fmt: skip
