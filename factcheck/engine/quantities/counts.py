"""Patterns for percentages, fractions, ordinals, counts, ages and single periods
("within a month").

The ``_AT`` patterns are tried only at a number's start (``match``, not ``search``) and
the rest only when their trigger words are present, because scanning every sentence
with every pattern cost ten times more; ``finder.py`` applies them.
"""

from __future__ import annotations

import re

from .numbers import _ND_BARE, _NUM, _SCALE, MULTIPLE_SCALE_WORDS, word_set

# --- percent, fraction, ordinal, count ----------------------------------------

_PERCENT_AT = re.compile(
    rf"(?P<num>{_NUM})\s?(?:%|(?i:per\s?cent|percent|pc)\b)(?![\s\-](?i:percentage|points?)\b)"
)
_PERCENT_TRIGGERS = frozenset(("per", "percent", "pc", "percentage"))
# A change told by its sign, as briefs and tables do: "1.38mt (-22% y/y)", "+5%". The
# sign stands after a space or a bracket, so "COVID-19" and "10-22%" are not signed.
# The magnitude is read, as "down 22%" is: the direction stays in the words.
_SIGNED_PERCENT_RE = re.compile(rf"(?<![^\s(\[])[+\-\u2212\u2013](?P<num>{_ND_BARE})%")

# A rate's change is counted in points, its level in per cent: "up 0.3 percentage
# points to 5.9%", "by 25 basis points (a hundredth of a point each) to 4.75%". Unit
# "point" or "bp" (see units.py), right after the number ("25bp", "a 50-basis-point rise").
_POINTS_AFTER = re.compile(
    r"(?:[ \t\-]?(?P<bp>bps?)"
    r"|[ \t\-](?i:(?:(?P<basis>basis)[ \t\-]|percent(?:age)?[ \t\-])?points?))\b"
)
# The same change in words: "a quarter-point", "half a percentage point", "three-tenths
# of a point", "a quarter of a basis point"; and a part of one per cent, which is a
# percentage like any other: "three-quarter per cent", "half of one percent" (0.75, 0.5).
_POINT_FRACTION_RE = re.compile(
    r"\b(?i:(?:(?P<n>an?|one|two|three|four|five|six|seven|eight|nine)[ \t\-]+)?"
    r"(?P<d>half|quarters?|thirds?|tenths?)(?:[ \t\-]+of)?(?:[ \t\-]+(?:an?|one))?[ \t\-]+"
    r"(?:(?:(?P<basis>basis)[ \t\-]+|percent(?:age)?[ \t\-]+)?points?"
    r"|(?P<percent>per[ \t]?cent|percent)))\b"
)
_POINT_WORDS = frozenset(("point", "points", "percent", "cent"))
# The whole number before such a part: "one and a half percentage points", "twelve and a
# half per cent" (searched in the text before the part).
_WHOLE_AND_BEFORE = re.compile(rf"(?P<whole>{_NUM})[ \t]+and[ \t]+$")

# A vote's tally: "on a 6-1 vote", "voted 7-2", "split 4-3", "by seven votes to one".
# It is read as a part of the votes cast (6 of 7), so that two tallies of one vote
# compare as fractions do.
_TALLY_AT = re.compile(r"(?P<a>\d{1,3})[ \t]?[\-–—][ \t]?(?P<b>\d{1,3})(?![\d\-–—/%:]|[.,]\d)")
_TALLY_AFTER = re.compile(
    r"[ \t]+(?:[A-Za-z\-]+[ \t]+)?(?i:votes?|decision|majority|ruling|verdict)\b"
)
# "voted 6-2", "voted by 41 to 27", "was voted down 39 to 30", "split 4-3".
_TALLY_BEFORE = re.compile(
    r"\b(?i:voted|voting|vote\s+of|split|votes?\s+were)(?:[ \t]+(?i:by|down|up|through))?[ \t]+$"
)
_VOTES_TO_AT = re.compile(rf"(?P<a>{_NUM})[ \t]+(?i:votes?)[ \t]+to[ \t]+(?P<b>{_NUM})\b")
# A tally said with "to" after a verb of voting: "voted by 41 to 27".
_TALLY_TO_AT = re.compile(rf"(?P<a>{_NUM})[ \t]+to[ \t]+(?P<b>{_NUM})\b")
_TALLY_WORDS = frozenset(
    ("vote", "votes", "voted", "voting", "split", "decision", "majority", "ruling", "verdict")
)

# Scales named before their number: "magnitude 6.8", "a magnitude of 7.1", "a Category 3
# hurricane", "alert level 4". The count's unit is the scale ("6.8-magnitude" says the same).
_SCALE_FIRST = frozenset(("magnitude", "category", "level", "grade", "stage", "phase", "tier"))
# The word right before a number, and whether a comma parts them.
_WORD_BEFORE_RE = re.compile(r"([A-Za-z][A-Za-z'’\-]*)[ \t]*(,?)[ \t]*$")
_SCALE_OF_RE = re.compile(r"\b([A-Za-z]+)[ \t]+of[ \t]+$")
# Words after which a number with no noun of its own counts what the sentence counted
# last: "killing nine people and injuring 64", "gave Osei 21,604 votes to Varga's 21,561",
# "three deaths in one group and five in the other". A possessive or a lower-case word
# that is no function word (a verb: "Osei lost three") does too.
_ELIDING_WORDS = frozenset(("and", "to", "against", "versus", "vs", "while", "but", "from", "with"))
_FRACTION_OUT_OF_AT = re.compile(
    rf"(?P<a>{_NUM})(?P<mid>(?:\s+[A-Za-z][\w'’\-]*){{0,3}}?)\s+out\s+of\s+"
    rf"(?:the\s+|a\s+total\s+of\s+|a\s+)?(?P<b>{_NUM})"
)
# "three of the five squadrons", "2,200 of the airline's 2,640 crew", and without the
# article before a plural noun: "four of
# six wards".
_FRACTION_OF_AT = re.compile(
    rf"(?P<a>{_NUM})\s+of\s+(?:(?P<det>the|its|their|all|his|her|our"
    rf"|(?:the\s+)?[A-Za-z][\w\-]*(?:'s|’s))\s+)?(?P<b>{_NUM})"
)
# "one in five voters", "four in 10", "11 in every 100": a rate told as a part of a
# whole, never a count of the whole.
_FRACTION_IN_AT = re.compile(
    rf"(?P<a>{_NUM})\s+in\s+(?:(?:every|each)\s+)?(?P<b>{_NUM})(?![\w.,]\d|\s*(?:%|per\s*cent|percent))"
)
# Nouns that count periods of time, not things: "three seasons", "48 hours".
PERIOD_NOUNS = frozenset(
    ("second", "minute", "hour", "day", "week", "fortnight", "month", "year", "decade", "season")
)
# What "N in M" is not a rate of: a time ("3 in 10 days") or a measure ("2 in 10 metres").
_NOT_IN_RATE = PERIOD_NOUNS | frozenset(("game", "match", "round", "attempt", "start"))
# "About 600 of the mine's workers": a part of a whole left untold counts the plural
# noun after it, past a possessive.
_PART_OF_THE_AT = re.compile(
    r"\s+of\s+(?:the|its|their|his|her|our|these|those)(?:\s+[\w\-]+['’]s)?", re.I
)
# "118 samples failed, 19 of them from one state": a part of the whole counted just before.
_PART_OF_PRONOUN_AT = re.compile(rf"(?P<a>{_NUM})\s+of\s+(?:them|these|those|which|whom)\b")
_FRACTION_SLASH_AT = re.compile(r"(?<![\w./\-])(?P<a>\d{1,6})\s?/\s?(?P<b>\d{1,6})(?![\w/.]|-\d)")
_DENOMINATORS = {
    "half": 2,
    "halves": 2,
    "third": 3,
    "thirds": 3,
    "quarter": 4,
    "quarters": 4,
    "fourth": 4,
    "fourths": 4,
    "fifth": 5,
    "fifths": 5,
    "sixth": 6,
    "sixths": 6,
    "tenth": 10,
    "tenths": 10,
}
_FRACTION_WORD_RE = re.compile(
    r"\b(?i:(?P<a>one|two|three|four|five|nine)-"
    r"(?P<d>half|halves|thirds?|quarters?|fourths?|fifths?|sixths?|tenths?))\b"
    # "two-thirds of a million voters" is a number (``numbers._MULTIPLE``), no share.
    rf"(?![ \t]+of[ \t]+an?[ \t]+(?:{MULTIPLE_SCALE_WORDS})\b)"
)

# A part of a whole in words: "a third of the workforce", "two fifths of voters",
# "half of its stations", "half the homes". Ordinals and counts read these words
# otherwise ("a third term", "three quarters" as 3 quarters), so this runs first.
_PART_IN_WORDS_RE = re.compile(
    r"\b(?i:(?P<a>an?|one|two|three|four|five|seven|nine)[ \t]+"
    r"(?P<d>thirds?|quarters?|fifths?|sixths?|tenths?)[ \t]+of"
    # "a quarter of a million packs" is a number (``numbers._MULTIPLE``), no share.
    rf"(?![ \t]+an?[ \t]+(?:{MULTIPLE_SCALE_WORDS})\b)"
    r"|(?P<half>half)(?:[ \t]+of)?(?=[ \t]+(?:the|its|their|his|her|our|all|those|these)\b))\b"
)
# A part of a whole left unsaid, as a verb's subject: "nearly a third lost weight", "a
# quarter said they would move". Before a noun the words rank ("a third term").
_PART_AS_SUBJECT_RE = re.compile(
    r"\b(?i:(?P<a>an?|one|two|three|four|five|seven|nine)[ \t]+"
    r"(?P<d>thirds?|quarters?|fifths?|sixths?|tenths?))[ \t]+(?P<verb>[a-z]+)\b"
)
# A part as the size of a change: "fell by a third", "a drop of about a quarter since
# 2023", "cut its spending by half". Read as the share it is (a third meets "down 33%":
# conflicts' ``comparable``), only where the part ends its phrase: "cut by a third party"
# is no share.
_PART_OF_CHANGE_RE = re.compile(
    r"\b(?i:(?:fell|falls?|fallen|drop(?:s|ped)?|r[io]se|rises|risen|cut|cuts|reduc(?:ed|tion)"
    r"|gr[eo]w|grown|growth|increased?|increases|decreased?|decreases|declined?|declines"
    r"|shr[au]nk|slump(?:ed|s)?|jump(?:ed|s)?|climb(?:ed|s)?|down|up|lower|higher"
    r"|raised|lowered|slashed|trimmed|boosted)"
    # What was changed may stand between: "cut its spending by half".
    r"(?:(?:[ \t]+[a-z][\w'\-]*){0,3}?[ \t]+by|[ \t]+of)[ \t]+"
    r"(?P<part>(?:(?:about|around|roughly|nearly|almost|some|over|more[ \t]+than"
    r"|less[ \t]+than|just[ \t]+(?:under|over))[ \t]+)?"
    r"(?:(?P<a>an?|one|two|three|four)[ \t\-]+(?P<d>thirds?|quarters?|fifths?|tenths?)"
    r"|(?P<half>half))))"
    r"(?=[ \t]*(?:[,.;:)!?]|$)|[ \t]+(?i:in|since|from|to|on|over|after|against|and|but"
    r"|compared|year|last|this|at|as|between|during|while|when|because|than)\b)"
)
# Verbs such a subject takes that no rule of form finds: auxiliaries and modals, and
# common irregular past forms (regular ones end in -ed: ``_is_past_verb``).
SUBJECT_VERBS = word_set(
    """are were have had will would could can may might should must did do say said
    lost got fell rose left took went gave made paid spent won felt thought told saw came
    became kept grew"""
)
_PART_DETERMINER_AT = re.compile(
    r"[ \t]+(?i:the|its|their|his|her|our|all|those|these)(?:[ \t]+(?:of[ \t]+)?the)?\b"
)
# "the first half of the year", "the other half of the deal": a half that is no share.
_NOT_A_SHARE_BEFORE = frozenset(("first", "second", "latter", "former", "other", "last", "back"))

_ORDINAL_UNITS = {
    "second": 2,
    "third": 3,
    "fourth": 4,
    "fifth": 5,
    "sixth": 6,
    "seventh": 7,
    "eighth": 8,
    "ninth": 9,
    "tenth": 10,
    "eleventh": 11,
    "twelfth": 12,
    "thirteenth": 13,
    "fourteenth": 14,
    "fifteenth": 15,
    "sixteenth": 16,
    "seventeenth": 17,
    "eighteenth": 18,
    "nineteenth": 19,
}
_ORDINAL_TENS = {
    "twentieth": 20,
    "thirtieth": 30,
    "fortieth": 40,
    "fiftieth": 50,
    "sixtieth": 60,
    "seventieth": 70,
    "eightieth": 80,
    "ninetieth": 90,
    "hundredth": 100,
    "thousandth": 1000,
}
_TENS = {
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "sixty": 60,
    "seventy": 70,
    "eighty": 80,
    "ninety": 90,
}
_ORDINAL_TRIGGERS = frozenset(_ORDINAL_UNITS) | frozenset(_ORDINAL_TENS) | {"first"}
# A hyphen after an ordinal makes a compound ("second-hand", "third-party", "22nd-ranked"),
# except before a superlative: "third-biggest signing", "second-most expensive", "3rd-highest"
# rank a thing like "fifth largest bank" does.
_RANKING = r"-(?:most|least|[a-z]{2,}est)\b"
_RANKING_AT = re.compile(r"-(?:(?:most|least)[ \t]+[A-Za-z]+|[a-z]{2,}est)\b")
_ORDINAL_DIGIT_AT = re.compile(
    r"(?<![\w.\-])(?P<digits>\d{1,6})(?:st|nd|rd|th)\b(?:(?=" + _RANKING + r")|(?!-))"
)
# "first" and "last" are left to comparisons ("first visit since 2021").
_ORDINAL_WORD_RE = re.compile(
    r"\b(?i:(?:(?P<tens>twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)[- ]"
    r"(?P<unit1>first|" + "|".join(_ORDINAL_UNITS) + r"))"
    r"|(?P<unit2>" + "|".join(list(_ORDINAL_UNITS) + list(_ORDINAL_TENS)) + r"))\b"
    r"(?:(?=" + _RANKING + r")|(?![-’']))"
)
_COUNT_AT = re.compile(
    rf"(?P<num>{_NUM}){_SCALE}?(?P<plus>\+)?(?:-(?P<hyunit>[A-Za-z]{{2,20}})\b(?!-)"
    # Units of measure written onto the number: "24.6km", "115mph", "185km/h".
    r"|(?<=\d)(?P<glued>km/h|kmph|kph|mph|kms?|nmi|nm|mm|cm|kg|ft|ha|mw|gw|kw|mt|kt|Mt|MT|KT)\b)?"
)

# Ages: "the 22-year-old", "aged 22", "at the age of 12", and the appositive
# "Morais, 22, will sign", where a number alone between commas after a name or a
# noun is the person's age. An age is a count with the unit "age", which no other
# count or duration shares, so "22" never meets a "five-year contract".
_AGE_COMPOUND_AT = re.compile(rf"(?P<num>{_NUM})[- ](?i:years?)[- ](?i:old)s?\b")
_AGE_PHRASE_RE = re.compile(
    rf"\b(?i:aged|at\s+(?:the\s+)?age\s+of|at\s+age|age)\s+(?P<num>{_NUM})(?![\w.,]\d|%)"
)
_AGE_APPOSITIVE_RE = re.compile(
    r"(?<![\w-])(?P<word>[A-Za-z][A-Za-z'’\-]*),[ \t](?P<num>\d{1,3}),(?=[ \t][A-Za-z])"
)
AGE_UNIT = "age"
MAX_AGE = 120
# Words a number between commas follows when it is no age: "on Monday, 14, ...".
_NOT_AGED = word_set(
    """january february march april may june july august september october november december
    jan feb mar apr jun jul aug sep sept oct nov dec monday tuesday wednesday thursday friday
    saturday sunday today yesterday tomorrow no number page pages section chapter article clause
    category grade level phase round route gate platform room seat step stage table figure item
    items nos"""
)
# Nouns that name the one thing a number right after them identifies, whatever follows:
# "type 2 diabetes", "section 21 notices", "platform 4 trains" hold no count of diabetes,
# notices or trains.
_DESIGNATORS = word_set(
    """type section chapter article clause schedule annex appendix round route gate
    platform terminal room ward seat step table figure item page junction exit"""
)

# A single period written with an article after a preposition of time: "for a week
# or longer", "within a month", "in one year". Without the preposition "a day" is a
# rate ("95,000 cars a day", "£210,000 a week"), not a duration.
_DURATION_WORDS = frozenset(("hour", "day", "week", "fortnight", "month", "year"))
_ONE_PERIOD_RE = re.compile(
    r"\b(?i:for|within|over|in|after|than|about|nearly|almost|around|to|least)\s+"
    r"(?P<one>(?i:an?|one))\s+(?P<unit>(?i:hour|day|week|fortnight|month|year))\b(?![-’'])"
    r"(?P<more>\s+(?i:or\s+(?:longer|more)))?"
)
