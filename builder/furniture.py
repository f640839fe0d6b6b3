"""What a news page puts around its story, as pattern fragments that adding a page (which
leaves such lines out of the text) and extraction (which proposes no event from them)
both use: the words that open a byline, a pointer to another article, a copyright line
and a picture's credit."""

from __future__ import annotations

# "By" as bylines write it in the languages newsrooms use most ("Par Amélie Durand").
BYLINE_OPENER = r"(?:by|par|por|door|przez|von)"

# What introduces a pointer to another article ("Read more: How the 2007 floods changed
# the valley", "LIRE AUSSI | ..."), before its colon, bar or dash; to match ignoring case.
RELATED_POINTER = (
    r"(?:read\s+more|more\s+on\s+this(?:\s+(?:story|topic))?"
    r"|related(?:\s+(?:stories|articles?|topics|coverage|content))?"
    r"|see\s+also|also\s+read|read\s+also|recommended|watch|listen|lire\s+aussi"
    r"|à\s+lire\s+aussi|voir\s+aussi|leer\s+más|lee\s+también|lesen\s+sie\s+auch"
    r"|mehr\s+zum\s+thema|leggi\s+anche|leia\s+(?:também|mais)|lea\s+también|lees\s+ook"
    r"|читайте\s+также|اقرأ\s+(?:أيضاً|أيضا|ايضا)|相关阅读|相關閱讀|延伸阅读|延伸閱讀"
    r"|関連記事|関連ニュース|あわせて読みたい)"
)

# What opens a copyright line ("© 2025 Valley Courier", "Copyright 2025 The Associated
# Press", "(c) Valley Courier"); to match ignoring case.
COPYRIGHT_OPENER = r"(?:copyright\b|©|\(c\)\s)"
# A line reserving the rights, in the languages newsrooms use most.
RIGHTS_RESERVED = (
    r"(?:all\s+rights\s+reserved|tous\s+droits\s+réservés|alle\s+rechte\s+vorbehalten"
    r"|todos\s+los\s+derechos\s+reservados|tutti\s+i\s+diritti\s+riservati)"
)

# The agencies that credit a story or a picture ("Jane Doe/Reuters", "AP Photo", "By Jane
# Doe, The Associated Press"); to match ignoring case.
NEWS_AGENCY = (
    r"(?:getty\s+images|afp|agence\s+france[- ]presse|reuters|(?:the\s+)?associated\s+press"
    r"|ap(?:\s+photo)?|epa(?:-efe)?|pa(?:\s+(?:media|wire))?|press\s+association"
    r"|shutterstock|alamy|anadolu(?:\s+agency)?|xinhua|sopa\s+images|nurphoto|zuma\s+press"
    r"|bloomberg(?:\s+news)?|dpa|deutsche\s+presse-agentur|ansa|efe|kyodo(?:\s+news)?"
    r"|united\s+press\s+international|upi|canadian\s+press|(?:the\s+)?press\s+trust\s+of\s+india)"
)

# The word that labels a picture's credit ("Photograph: Jane Doe", "Credit: Tom Lee",
# "Foto: dpa", "Фото: ТАСС"); to match ignoring case.
PICTURE_WORD = r"(?:photograph|photo|picture|image|credit|foto|фото|الصورة|图片|圖片)s?"
