"""Turn an article body into check-worthy claims.

Each sentence is scored with transparent rule features (name -> contribution,
summed and clipped to [0, 1]). A sentence at or above ``THRESHOLD`` becomes
one claim, or one claim per fact when it lists several (list items that each
hold a quantity or a model designation). A named attribution inside an
otherwise unremarkable sentence ("According to the Russian Ministry of
Defense, ...") becomes a claim of its own: whether the source said it can be
checked even when what it said is opinion.

Kinds, by priority when several apply: QUOTE > QUANTITY > DATE > COMPARISON >
ANONYMOUS > ATTRIBUTION. Anonymous or unpublished sourcing is also a flag on
every claim it concerns (``sourcing.py``), whatever the claim's kind.
ATTRIBUTION also covers statements of what named people or bodies did or will
do (meetings, signings) that carry no value.

The rules decide what is a claim; a claim's ``score`` is the learned model's
probability that it is check-worthy (``checkworthiness.py``), with the model's
strongest cues stored beside the rules' features (prefixed ``model: ``). On
the news clusters the rules find claims better than the model alone does (F1
0.91 against 0.81 on their sentences), while the model ranks them: most rule
scores are clipped at 1.
"""

from __future__ import annotations

import datetime
import logging
import re
import time
from bisect import bisect_left, bisect_right
from collections.abc import Callable
from itertools import pairwise

from . import entities as ent
from .checkworthiness import score_sentence
from .quantities import (
    ENTRY_NAME_RE,
    LABEL_LINE_RE,
    find_values,
    has_digit,
    lower_words,
    word_set,
)
from .sentences import split_sentences
from .sourcing import anonymous_sentences, unnamed_speakers
from .types import ExtractedClaim, Kind, Sentence, Value
from .units import measure_of
from .values import MOMENT_BOUNDS

log = logging.getLogger(__name__)

THRESHOLD = 0.4
# Features of the learned model are stored beside the rules' under this prefix.
MODEL_PREFIX = "model: "
# A whole article's time budget (Django passes settings.ENGINE_SECONDS_PER_ARTICLE):
# hostile or broken text must fail one import, not hang a worker.
SECONDS_PER_ARTICLE = 20.0
# Tests turn this on so that bugs surface instead of being logged and skipped.
RAISE_ERRORS = False

BASE = 0.1
VALUE_WEIGHTS = {
    "money": ("has_money", 0.45),
    "percent": ("has_percent", 0.4),
    "fraction": ("has_fraction", 0.4),
    "count": ("has_count", 0.35),
    "ordinal": ("has_ordinal", 0.3),
    "fiscal_year": ("has_fiscal_year", 0.25),
    # When something happened, to the clock, weighs as its day does ("failed at 06:12").
    "time": ("has_time", 0.3),
}
DATE_WEIGHT = {"day": 0.3, "day-no-year": 0.3, "month": 0.2, "year": 0.2}
QUOTE_WEIGHT = 0.45
ANONYMOUS_WEIGHT = 0.6
ATTRIBUTION_WEIGHT = 0.2
NAMED_SOURCE_WEIGHT = 0.1
COMPARISON_WEIGHT = 0.3
DESIGNATION_WEIGHT = 0.15
PERSON_WEIGHT, ENTITY_WEIGHT, ENTITY_CAP = 0.1, 0.05, 0.25
EVENT_WEIGHT = 0.15
CEREMONY_WEIGHT = -0.2
OPINION_WEIGHT, OPINION_CAP = -0.25, -0.6
HEDGE_WEIGHT, HEDGE_CAP = -0.1, -0.2
QUESTION_WEIGHT = -0.2
SHORT_WEIGHT = -0.2
# A list item of a check-worthy sentence ("..., Su-30 upgrades, and ...").
LIST_ITEM_WEIGHT = 0.3

QUANTITY_TYPES = frozenset(("money", "percent", "fraction", "count", "ordinal"))
DATE_TYPES = frozenset(("date", "fiscal_year"))
QUOTE_MIN_WORDS = 4
# A piece of a sentence with fewer words is a list item or an aside, not a clause.
CLAUSE_MIN_WORDS = 5

_I = re.IGNORECASE
_words = word_set

# --- attribution, quotes, comparison ------------------------------------------------

_ATTRIBUTION_WORDS = _words(
    """said says told tells according announced announces reported stated confirmed confirms
    denied denies claimed quoted disclosed revealed alleged informed wrote tweeted"""
)
_REPORTING_WORDS = _ATTRIBUTION_WORDS | _words(
    """emphasised emphasized stressed insisted argued warned noted added asserted declared
    maintained"""
)
# A named source: "according to the Russian Ministry of Defense", "announced by X",
# "The Kremlin has emphasized".
_NAMED_SOURCE_RE = re.compile(
    r"\b(?i:according\s+to|announced\s+by|reported\s+by|confirmed\s+by|cited\s+by"
    r"|stated\s+by)\s+(?:the\s+)?[A-Z]"
    r"|\b(?!(?:He|She|They|It|We|I|You|This|That|These|Those|The|There)\b)"
    # A name is at most 60 characters: an unbounded run was rescanned from every capital
    # of a long hyphenated token ("A-A-A-..."), which is quadratic.
    r"[A-Z][\w’'\-]{0,60}+\s+(?:has\s+|have\s+)?(?:said|says|told|announced|reported|stated"
    r"|confirmed|denied|claimed|emphasi[sz]ed|stressed|insisted|argued|warned|noted|asserted"
    r"|declared|maintained)\b"
)
# The attribution phrase alone, for a claim of its own: "According to X" up to the
# comma, or "<subject>, announced by X".
_ATTRIBUTION_CLAUSE_RE = re.compile(
    r"\b(?i:according\s+to)\s+(?:the\s+)?[A-Z][^,;:.!?]{0,120}"
    r"|(?:^|(?<=[,;]\s))[^,;:]{1,80},\s+(?i:announced|reported|confirmed|cited|stated)\s+by\s+"
    r"(?:the\s+)?[A-Z][^,;:.!?]{0,120}"
)
_SPEECH_RE = re.compile(
    r"\b(?:said|says|say|told|tells|added|adds|stated|states|remarked|remarks|noted|noting"
    r"|notes|describ\w+|called|calling|asserted|declared|wrote|writes|tweeted|posted|insisted"
    r"|argued|warned|explained|emphasi[sz]\w*|stressed|reiterated|maintained|observed|replied"
    r"|answered|according\s+to|quoted|quoting|recalled|acknowledged|admitted|announced|urged"
    r"|asked|in\s+a\s+statement|in\s+(?:his|her)\s+speech)\b",
    _I,
)
_COMPARISON_TRIGGERS = _words(
    """first only last maiden largest biggest highest lowest smallest fastest slowest strongest
    weakest longest shortest oldest newest richest poorest busiest deadliest costliest cheapest
    heaviest record time more less fewer higher lower bigger smaller larger greater faster slower
    ranked ranks overtook overtakes overtaken surpassed surpasses outpaced outstripped top ever"""
)
_COMPARISON_RE = re.compile(
    r"\b(?:the\s+)?(?:first|only|last|maiden)\s+(?:[\w’'\-]+\s+){0,5}?(?:since|after"
    r"|in\s+(?:over|more\s+than)|in\s+(?:\d+|a\s+decade|decades|years))\b"
    r"|\b(?:first|only|maiden)[- ]ever\b"
    r"|\b(?:second|third|fourth|fifth|\d+(?:st|nd|rd|th))[- ](?:largest|biggest|highest|lowest"
    r"|smallest|most|least|fastest|strongest|top)\b"
    r"|\b(?:largest|biggest|highest|lowest|smallest|fastest|slowest|strongest|weakest|longest"
    r"|shortest|oldest|newest|richest|poorest|busiest|deadliest|costliest|cheapest|heaviest)\b"
    r"|\brecord[- ](?:high|low|levels?|number|breaking)\b|\ball-time\s+(?:high|low)\b"
    r"|\b(?:more|less|fewer|higher|lower|bigger|smaller|larger|greater|faster|slower)\s+than\b"
    r"(?!\s+(?:\$|₹|€|£|Rs|US\$|\d|(?:a|one|two|three|four|five|six|seven|eight|nine|ten|twenty"
    r"|thirty|forty|fifty|hundred|thousand|million|billion|half|double|twice)\b))"
    r"|\b(?:ranked|ranks|overtook|overtakes|overtaken|surpassed|surpasses|outpaced"
    r"|outstripped)\b"
    r"|\btop\s+(?:\d+|five|ten|three)\b",
    _I,
)

# --- tone: opinion, hedging, ceremony, events ------------------------------------------

# Evaluative words a reporter's fact does not need.
_OPINION_WORDS = _words(
    """pivotal testament cornerstone paramount compelling undeniable undeniably unmistakable
    unmistakably arguably crucial crucially vital deft meticulous meticulously ambitious beacon
    landmark underscore underscores underscored underscoring redefine redefines redefined
    redefining reshaping reshape symbolise symbolises symbolised symbolize symbolizes symbolized
    symbolic"""
)
_OPINION_PHRASE_TRIGGERS = _words(
    """clear reminder stands stand marks mark point chapter vision era importance significance
    seen mere merely just fraught come world reveal heart interplay landscape narrative act role
    depth chessboard moment opportunity takeaways takeaway study sword changer"""
)
_OPINION_PHRASE_RE = re.compile(
    r"\bremains\s+clear\b|\bit\s+is\s+clear\b|\bpotent\s+reminder\b|\breminder\s+that\b"
    r"|\bstands?\s+as\b|\bmarks?\s+a\s+(?:new\s+)?(?:chapter|milestone|turning\s+point|moment"
    r"|watershed)\b|\bturning\s+point\b|\bnew\s+chapter\b|\bshared\s+vision\b"
    r"|\bin\s+an\s+era\s+of\b|\bhighlights?\s+the\s+(?:\w+\s+)?(?:importance|significance)\b"
    r"|\b(?:is|are)\s+(?:increasingly\s+)?seen\s+as\b|\bno\s+longer\s+a\s+mere\b"
    r"|\bnot\s+merely\b|\b(?:is|isn[’']t|are|aren[’']t)\s+(?:not\s+)?just\s+(?:about|a)\b"
    r"|\bfraught\s+with\b|\bdecades\s+to\s+come\b|\bas\s+the\s+world\b"
    r"|\bremains\s+to\s+be\s+seen\b|\bwill\s+reveal\b|\bat\s+the\s+heart\s+of\b"
    r"|\bcomplex\s+(?:interplay|landscape|narrative)\b|\bbalancing\s+act\b"
    r"|\bplays?\s+a\s+(?:\w+\s+)?(?:vital|crucial|key|critical)\s+role\b"
    r"|\bstrategic\s+depth\b|\bgeopolitical\s+chessboard\b"
    r"|\b(?:key|pivotal|historic|defining|landmark)\s+(?:moment|opportunity)\b"
    r"|\bkey\s+takeaways?\b|\bcase\s+study\b|\bshield\s+and\s+a\s+sword\b|\bgame[- ]changer\b",
    _I,
)
_HEDGE_WORDS = _words("could might may possibly potentially perhaps likely unlikely speculation")
# Courtesies of a visit: thanks, praise, hopes.
_CEREMONY_WORDS = _words(
    """expressed thanked praised praising welcomed congratulated congratulations hailed lauded
    appreciated appreciation happiness hope hospitality warmth gratitude tribute reiterated
    reaffirmed reaffirming highlighted cordial gracious condolences"""
)
# Things that happen and can be checked: meetings, signings, deliveries.
_EVENT_WORDS = _words(
    """meet meets met meeting meetings summit summits talks visit visits visited visiting arrival
    arrived arrive arrives arriving sign signs signed signing agreement agreements deal deals
    treaty treaties accord pact contract contracts mou mous approved approval approve announced
    launched held hold holds hosted host hosts attend attended attends delivered acquired
    purchased ratified inaugurated chaired elected appointed killed arrested imposed deployed
    scheduled itinerary"""
)

_QUOTE_CHARS = "\"“”‘'"
_QUOTE_RES = (
    re.compile(r"“([^“”]+)”"),
    re.compile(r'"([^"\n]+)"'),
    re.compile(r"‘((?:[^‘’]|’(?=\w))++)’(?!\w)"),
    # An opening ' that never closes still consumes its stretch (group 1 empty): retrying
    # from every ' inside it ("'n 'n 'n ...") was quadratic.
    re.compile(r"(?<!\w)'(?:((?:[^'\n]|'(?=\w))++)'|(?:[^'\n]|'(?=\w))*+)"),
)
_QUOTE_WORD_RE = re.compile(r"[A-Za-z0-9]+")
_PAREN_RE = re.compile(r"\([^()]*\)|\[[^\[\]]*\]")
# A run of spaces that separates nothing is still consumed (group "gap"), so the scan never
# restarts inside it: retrying a long run of spaces at every space was quadratic.
_SEPARATOR_RE = re.compile(
    r"\s*+;\s*+|\s*+,\s*+(?:(?:and|or|but|while|with|as\s+well\s+as|plus)\s+)?"
    r"|\s++(?:(?:and|as\s+well\s+as|while|whereas|but|plus)\s+|(?P<gap>))"
)
_WORD_RE = re.compile(r"[A-Za-z]+")
# A word that is not part of a hyphenated compound: "on" in "year-on-year" ends no phrase.
_WHOLE_WORD_RE = re.compile(r"(?<![\w\-])[A-Za-z]+(?![\w\-])")
_CLAUSE_MARK_RE = re.compile(r":\s|\s[\-–—]\s")
_LABEL_COLON_RE = re.compile(r":\s")
# What joins an amount to the duration it is spread over: "12.5% over three years",
# "9% a year for three years", "£4bn over the next five years", "$2m in three days".
_PERIOD_OF_AMOUNT_RE = re.compile(
    r"\s*(?:(?:a|per|each)\s+(?:year|month|week|day)\s+)?(?:spread\s+)?"
    r"(?:over|across|for|within|in|during)\s+"
    r"(?:the\s+(?:next|last|past|coming|first|following)\s+)?[\w.\-]+(?:\s+[\w.\-]+){0,2}",
    _I,
)
_ENTRY_TIME_END_RE = re.compile(r"\s*[—–-]\s")
# A date right after a verb of speech dates the speaking: "the minister said on Monday",
# "told reporters late on Thursday", "said in a statement on Friday", "announced on
# Thursday it would shut the mine".
_SAID_ON_RE = re.compile(
    r"\b(?:said|says|told(?:\s+\w+){1,2}?|added|announced)\s+(?:(?:in|at|during)\s+(?:a|an|its|the|his|her)"
    r"(?:\s+[\w-]+){1,2}?\s+)?(?:(?:late|early)\s+)?(?:on\s+)?$",
    _I,
)
# A wire dateline opening a report: a place in capitals, maybe a date and the agency, a dash.
_DATELINE_RE = re.compile(
    r"[A-Z][A-Z.'\-]+(?:\s+[A-Z][A-Z.'\-]+){0,3}(?:,\s*[A-Z][A-Za-z.]+(?:\s+[A-Z][A-Za-z.]+)?)?"
    r",?\s*(?:[A-Z][a-z]{2,8}\.?\s+\d{1,2}|\d{1,2}\s+[A-Z][a-z]{2,8}\.?)?"
    r"\s*(?:\([A-Za-z .&]{2,30}\))?\s*[—–-]{1,2}\s+"
)
# A fact box's entry is a label line (``LABEL_LINE_RE``: "Homes destroyed: 61", "-
# Containment: 15%") with a figure right after the colon, or after a name in a stat line
# ("Shots: Larsby 14, Orrin 5"). Its label says what the figure counts, so the line is no
# fragment however few its words.
# What follows a label that is a number to dial, not a figure: "Tel: 0800 555 123",
# "Media enquiries: 020 7946 0958", "(555) 123-4567".
_DIALLED_RE = re.compile(r"\+?[\d(][\d \t\-().]{5,}\d|0\d+")
# A piece opening with a relative pronoun is a clause however short ("which ran until 2028").
_RELATIVE_START_RE = re.compile(r"(?:which|who|whose)\b", _I)
# Words that end the noun phrase an amount belongs to: an auxiliary or verb,
# a preposition or a conjunction opens what is said about it.
_PHRASE_ENDERS = _words(
    """will would shall should can could may might must has have had is are was were be been
    being to of for with at in on by from and or but while whereas which that who employing
    including covering carrying costing worth"""
)
_PRONOUN_SPEAKER_RE = re.compile(r"\b(?:he|she|they|the\s+minister|the\s+official)\b", _I)
_NAME_COLON_RE = re.compile(r"([A-Z][\w\-]+)\s*:$")
_DOTTED_END_RE = re.compile(r"(?<![A-Za-z])(?:[A-Za-z]\.){2,}$")
_EDGE = " \t\u00a0,;:.!?–—-…*"
_PAIRS = {"“": "”", "(": ")", "[": "]", "‘": "’", '"': '"'}
_CLOSERS = {v: k for k, v in _PAIRS.items()}


def _as_date(published: datetime.date | None) -> datetime.date | None:
    if isinstance(published, datetime.datetime):
        return published.date()
    return published if isinstance(published, datetime.date) else None


def _trim(body: str, start: int, end: int) -> tuple[int, int]:
    """Shrink a span past edge whitespace/punctuation and unmatched brackets or quotes."""
    changed = True
    while changed and start < end:
        changed = False
        while start < end and body[start] in _EDGE:
            start += 1
            changed = True
        while end > start and body[end - 1] in _EDGE:
            if body[end - 1] == "." and _DOTTED_END_RE.search(body, max(start, end - 12), end):
                # "... in the U.S." keeps its last full stop.
                break
            end -= 1
            changed = True
        if start < end:
            first, last = body[start], body[end - 1]
            if first in _PAIRS and _PAIRS[first] not in body[start + 1 : end]:
                start += 1
                changed = True
            elif last in _CLOSERS and _CLOSERS[last] not in body[start : end - 1]:
                end -= 1
                changed = True
    return start, end


def _quotes(text: str) -> list[tuple[int, int, int, int]]:
    """Quoted passages as (outer_start, outer_end, inner_start, inner_end), local offsets."""
    found: list[tuple[int, int, int, int]] = []
    taken = bytearray(len(text))
    for rx in _QUOTE_RES:
        for m in rx.finditer(text):
            if m.start(1) != -1 and taken.find(1, m.start(), m.end()) == -1:
                found.append((m.start(), m.end(), m.start(1), m.end(1)))
                taken[m.start() : m.end()] = b"\x01" * (m.end() - m.start())
    # A quotation cut by the sentence splitter: an opening mark with no closing one.
    if not found:
        i = text.find("“")
        j = text.find("”")
        if i != -1 and "”" not in text[i:]:
            found.append((i, len(text), i + 1, len(text)))
        elif j != -1 and "“" not in text[:j]:
            found.append((0, j + 1, 0, j))
    found.sort()
    return found


def _blank(text: str, spans: list[tuple[int, int]]) -> str:
    """``text`` with the given spans blanked out (offsets preserved)."""
    if not spans:
        return text
    chars = list(text)
    for a, b in spans:
        chars[a:b] = " " * (b - a)
    return "".join(chars)


# What a claim's quantities say, without where they are: (key, value) pairs per value.
type _Signature = tuple[tuple[tuple[str, str], ...], ...]


class _Article:
    """What one sentence's claims need to know about the rest of the article."""

    def __init__(self, body: str, sentences: list[Sentence], published: datetime.date | None):
        self.body = body
        self.sentences = sentences
        self.published = published
        # Surnames seen with a first name or title, so that a later "Singh" is a person.
        known: set[str] = set()
        for s in sentences:
            known.update(ent.people(s.text))
        self.known_people = frozenset(known)
        self.seen_values: set[_Signature] = set()
        self.anonymous = anonymous_sentences([s.text for s in sentences])

    def people_in(self, index: int) -> list[str]:
        return ent.people(self.sentences[index].text, self.known_people)


def _speaker(article: _Article, index: int, outside_quotes: str) -> str | None:
    """Who said a quote in sentence ``index``: a person named outside the quote,
    else (for "he said") the first person named in the nearest earlier sentence."""
    named = ent.people(outside_quotes, article.known_people)
    if named:
        return named[0]
    if not _PRONOUN_SPEAKER_RE.search(outside_quotes):
        return None
    for j in range(index - 1, max(-1, index - 4), -1):
        found = article.people_in(j)
        if found:
            return found[0]
    return None


def _value_features(values: list[Value]) -> dict[str, float]:
    features: dict[str, float] = {}
    for v in values:
        t = v["type"]
        if t == "date":
            name, weight = "has_date", DATE_WEIGHT.get(v.get("precision", ""), 0.2)
        elif t in VALUE_WEIGHTS:
            name, weight = VALUE_WEIGHTS[t]
        else:
            continue
        features[name] = max(features.get(name, 0.0), weight)
    return features


def _score(features: dict[str, float]) -> float:
    return round(min(1.0, max(0.0, sum(features.values()))), 3)


def _signature(values: list[Value]) -> _Signature:
    """What a claim's quantities say, without where they are: repeats in one article."""
    return tuple(
        sorted(
            tuple(
                sorted(
                    (k, str(v))
                    for k, v in value.items()
                    if k not in ("text", "span_start", "span_end", "start", "end")
                )
            )
            for value in values
            if value["type"] in QUANTITY_TYPES
        )
    )


class _Scorer:
    """Features of one sentence and of spans cut from it."""

    def __init__(self, article: _Article, index: int) -> None:
        self.article = article
        self.index = index
        sentence = article.sentences[index]
        self.sentence = sentence
        text = sentence.text
        self.text = text
        self.words = words = lower_words(text)
        self.headline = ent.is_headline(text)
        self.values = find_values(
            text, offset=sentence.start, published=article.published, words=words
        )
        self.anonymous = article.anonymous[index]
        if self.anonymous:
            # "Two officials said ...": who spoke is not a figure to check.
            speakers = [(a + sentence.start, b + sentence.start) for a, b in unnamed_speakers(text)]
            self.values = [
                v for v in self.values if not any(a <= v["span_start"] < b for a, b in speakers)
            ]

        dateline = _DATELINE_RE.match(text) if self.values else None
        if dateline:
            # "SYDNEY, Aug 20 (Meridian) -": where and when the report was filed.
            self.values = [
                v for v in self.values if v["span_start"] - sentence.start >= dateline.end()
            ]
        if self.values and self.values[0]["type"] == "time":
            # "2:30 p.m. — The sheriff says...": a live blog's entry opens with the
            # time it was posted, not a time anything happened.
            first = self.values[0]
            a, b = first["span_start"] - sentence.start, first["span_end"] - sentence.start
            if not text[:a].strip() and _ENTRY_TIME_END_RE.match(text, b):
                self.values = self.values[1:]
        if not words.isdisjoint(("said", "says", "told", "added", "announced")):
            # "..., the company said on Thursday": when it was said, not what.
            self.values = [
                v
                for v in self.values
                if v["type"] not in DATE_TYPES
                or not _SAID_ON_RE.search(text, 0, v["span_start"] - sentence.start)
            ]

        if len(self.values) > 1:
            # "an offer of 12.5% over three years": the time the offer is spread over,
            # part of the offer as a year beside a figure is, not a figure to check.
            self.values = [
                v for v in self.values if not _spans_period(text, v, sentence.start, self.values)
            ]

        data_line = LABEL_LINE_RE.match(text) if ":" in text else None
        if data_line is not None and _DIALLED_RE.fullmatch(text, data_line.end()):
            data_line = None
        self.data_line = data_line is not None and any(
            v["type"] in QUANTITY_TYPES
            and (
                v["span_start"] - sentence.start == data_line.end()
                # "Shots: Larsby 14, Orrin 5": a stat line, each figure after a name.
                or ENTRY_NAME_RE.fullmatch(text, data_line.end(), v["span_start"] - sentence.start)
                is not None
            )
            for v in self.values
        )

        self.quotes = _quotes(text) if any(c in text for c in _QUOTE_CHARS) else []
        self.outside = _blank(text, [(a, b) for a, b, _, _ in self.quotes])
        self.quote_texts: list[str] = []
        self.speakers: list[str] = []
        if self.quotes:
            self._find_quotations()

        self.named_source = not words.isdisjoint(_REPORTING_WORDS) and bool(
            _NAMED_SOURCE_RE.search(self.outside)
        )
        self.attribution = not words.isdisjoint(_ATTRIBUTION_WORDS) or self.named_source
        self.comparisons = (
            [
                (m.start() + sentence.start, m.end() + sentence.start)
                for m in _COMPARISON_RE.finditer(self.outside)
            ]
            if not words.isdisjoint(_COMPARISON_TRIGGERS)
            else []
        )

    def _find_quotations(self) -> None:
        text, article, index = self.text, self.article, self.index
        speech = bool(_SPEECH_RE.search(self.outside))
        for a, _, ia, ib in self.quotes:
            if len(_QUOTE_WORD_RE.findall(text, ia, ib)) < QUOTE_MIN_WORDS:
                continue
            # "Singh: “...”" names its speaker right before the colon.
            before = text[max(0, a - 60) : a].rstrip()
            named = _NAME_COLON_RE.search(before)
            colon = named is not None and named.group(1).lower() in ent.people(
                before, article.known_people
            )
            prev_colon = index > 0 and article.sentences[index - 1].text.rstrip().endswith(":")
            if speech or colon or prev_colon:
                self.quote_texts.append(text[ia:ib])
        if self.quote_texts:
            speaker = _speaker(article, index, self.outside)
            if speaker:
                self.speakers.append(speaker)

    def tone(self, span_text: str, words: frozenset[str]) -> dict[str, float]:
        """Features of the wording of a span (opinion, hedging, ceremony, events)."""
        features: dict[str, float] = {}
        opinions = len(words & _OPINION_WORDS)
        if not words.isdisjoint(_OPINION_PHRASE_TRIGGERS):
            opinions += len(_OPINION_PHRASE_RE.findall(span_text))
        if opinions:
            features["opinion_hedge"] = max(OPINION_CAP, OPINION_WEIGHT * opinions)
        hedges = len(words & _HEDGE_WORDS)
        if hedges:
            features["speculation"] = max(HEDGE_CAP, HEDGE_WEIGHT * hedges)
        if not words.isdisjoint(_CEREMONY_WORDS):
            features["ceremony"] = CEREMONY_WEIGHT
        if not words.isdisjoint(_EVENT_WORDS):
            features["event"] = EVENT_WEIGHT
        return features

    def features(
        self,
        span_text: str,
        values: list[Value],
        offset: int,
        comparisons: list[tuple[int, int]],
        *,
        whole: bool,
    ) -> tuple[dict[str, float], list[str]]:
        words = self.words if whole else lower_words(span_text)
        features: dict[str, float] = {"base": BASE}
        if self.quote_texts:
            features["has_quote"] = QUOTE_WEIGHT
        if self.anonymous:
            features["anonymous_source"] = ANONYMOUS_WEIGHT
        if self.attribution:
            features["attribution_verb"] = ATTRIBUTION_WEIGHT
            if self.named_source:
                features["named_source"] = NAMED_SOURCE_WEIGHT
        features.update(self.tone(span_text, words))
        features.update(_value_features(values))
        if comparisons:
            features["comparison"] = COMPARISON_WEIGHT
        if span_text.rstrip("”’\"' ").endswith("?"):
            features["question"] = QUESTION_WEIGHT
        if whole and len(span_text.split()) < 6 and not self.data_line:
            features["short_sentence"] = SHORT_WEIGHT
        keys = ent.find_entities(span_text, values=values, offset=offset, headline=self.headline)
        if has_digit(span_text) and ent.designations(span_text):
            features["has_designation"] = DESIGNATION_WEIGHT
        people = ent.people(span_text, self.article.known_people, headline=self.headline)
        for s in self.speakers:
            if s not in keys:
                keys.append(s)
        if keys:
            weight = PERSON_WEIGHT * len(people) + ENTITY_WEIGHT * (len(keys) - len(people))
            features["named_entity_count"] = min(ENTITY_CAP, round(weight, 3))
        return features, keys

    def kind(
        self, values: list[Value], comparisons: list[tuple[int, int]], keys: list[str]
    ) -> Kind | None:
        # Anonymous sourcing is a flag beside the kind: a figure from unnamed
        # officials is still a figure, to be corroborated or disputed as one.
        if self.quote_texts:
            return Kind.QUOTE

        # A date inside "first visit ... after 2021" belongs to the comparison.
        starts = [a for a, _ in comparisons]

        def absorbed(v: Value) -> bool:
            i = bisect_right(starts, v["span_start"]) - 1
            return i >= 0 and v["span_start"] <= comparisons[i][1] + 3

        primary = [v for v in values if not absorbed(v)]
        if any(v["type"] in QUANTITY_TYPES for v in primary):
            return Kind.QUANTITY
        if any(v["type"] in DATE_TYPES or v["type"] == "time" for v in primary):
            return Kind.DATE
        if comparisons:
            return Kind.COMPARISON
        if self.anonymous:
            return Kind.ANONYMOUS
        if self.attribution or keys:
            return Kind.ATTRIBUTION
        return None


def _pieces(text: str, blocked: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Local spans between list separators (commas, ";", "and") outside ``blocked``."""
    mask = bytearray(len(text))
    for a, b in blocked:
        mask[a:b] = b"\x01" * (b - a)
    pieces: list[tuple[int, int]] = []
    prev = 0
    for m in _SEPARATOR_RE.finditer(text):
        if m.group("gap") is not None:
            continue
        if m.start() == 0 or m.end() >= len(text):
            continue
        if mask.find(1, m.start(), m.end()) != -1:
            continue
        if m.end() - m.start() == 1 and text[m.start() - 1].isdigit() and text[m.end()].isdigit():
            # A thousands separator of a number no value was read from: "from 49,760 to".
            continue
        pieces.append((prev, m.start()))
        prev = m.end()
    pieces.append((prev, len(text)))
    return pieces


def _groups(scorer: _Scorer) -> list[tuple[int, int]]:
    """Local spans of the facts a sentence lists, or [] when it states one fact.

    Pieces between list separators are anchors when they hold a quantity or a
    model designation, or a date in a piece that is a clause of its own; each
    anchor takes the pieces after it, the first also the ones before it. A short
    piece with only a date ("on Monday") dates its neighbour instead.
    """
    text, offset = scorer.text, scorer.sentence.start
    amounts = [
        (v["span_start"] - offset, v["span_end"] - offset)
        for v in scorer.values
        if v["type"] in QUANTITY_TYPES
    ]
    amounts += _moments(scorer, amounts)
    amounts.sort()
    anchor_starts = [a for a, _ in amounts]
    if has_digit(text):
        anchor_starts += [m.start() for m in ent.DESIGNATION_RE.finditer(text)]
    # "will close the mine by the end of October and cut 350 jobs": two facts.
    dates = [
        (v["span_start"] - offset, v["span_end"] - offset)
        for v in scorer.values
        if v["type"] in DATE_TYPES
    ]
    date_starts = [a for a, _ in dates]
    if len(anchor_starts) + len(date_starts) < 2:
        return []
    spans = [
        span
        for group in _list_groups(scorer, text, sorted(anchor_starts), sorted(date_starts))
        for span in _split_by_amount(text, group, amounts, dates)
    ]
    return [] if spans == [(0, len(text))] else spans


def _spans_period(text: str, value: Value, offset: int, values: list[Value]) -> bool:
    """Whether ``value`` is the time an amount right before it is spread over:
    "an offer of 12.5 per cent over three years", "£4bn over the next five years",
    "lost $2 million in three days". That duration is part of the amount's fact,
    as a year beside a figure is, not a fact of its own; a duration that a verb
    of its own states ("and was jailed for six years") is."""
    if value["type"] != "count" or not _is_duration(value.get("unit") or ""):
        return False
    before = [
        v["span_end"] - offset
        for v in values
        if v["type"] in QUANTITY_TYPES and v["span_end"] <= value["span_start"]
    ]
    if not before:
        return False
    return _PERIOD_OF_AMOUNT_RE.fullmatch(text, max(before), value["span_end"] - offset) is not None


def _is_duration(unit: str) -> bool:
    measure = measure_of(unit)
    return measure is not None and measure.unit == "day"


def _moments(scorer: _Scorer, amounts: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Local spans of the times of day that say when something happened, to be cut
    off as facts of their own: "The 900mm main failed at 02:40" states a size and
    a time. A time in the label of the figure after it ("Gauge at 17:00: 3.84 m")
    is when the figure was read, and stays with it; so does a bound ("by 7:25 a.m.",
    "since 6am"), which says until or since when a figure held."""
    offset = scorer.sentence.start
    text = scorer.text
    starts = sorted(a for a, _ in amounts)
    spans = []
    for v in scorer.values:
        if v["type"] != "time" or v.get("bound") not in MOMENT_BOUNDS:
            continue
        a, b = v["span_start"] - offset, v["span_end"] - offset
        i = bisect_left(starts, b)
        if i < len(starts) and _LABEL_COLON_RE.search(text, b, starts[i]):
            continue
        spans.append((a, b))
    return spans


def _list_groups(
    scorer: _Scorer, text: str, anchor_starts: list[int], date_starts: list[int]
) -> list[tuple[int, int]]:
    """Spans between list separators, each holding one anchor (or the whole sentence).

    A clause whose only value is a date ("aims to finish the line by March
    2029") states a fact of its own beside a clause with an amount; a date
    next to an amount in one clause only dates it.
    """
    offset = scorer.sentence.start
    blocked = [(a, b) for a, b, _, _ in scorer.quotes]
    if "(" in text or "[" in text:
        blocked += [(m.start(), m.end()) for m in _PAREN_RE.finditer(text)]
    blocked += [(v["span_start"] - offset, v["span_end"] - offset) for v in scorer.values]
    pieces = _pieces(text, blocked)

    def holds(starts: list[int], a: int, b: int) -> bool:
        return bisect_left(starts, a) < bisect_left(starts, b)

    anchors = [
        holds(anchor_starts, a, b)
        or (
            holds(date_starts, a, b)
            and (
                len(text[a:b].split()) >= CLAUSE_MIN_WORDS
                or _RELATIVE_START_RE.match(text, a) is not None
            )
        )
        for a, b in pieces
    ]
    if sum(anchors) < 2:
        return [(0, len(text))]
    groups: list[list[int]] = []
    seen_anchor = False
    for i in range(len(pieces)):
        if not groups or (anchors[i] and seen_anchor):
            groups.append([i, i])
        else:
            groups[-1][1] = i
        seen_anchor = seen_anchor or anchors[i]
    return [(pieces[g[0]][0], pieces[g[1]][1]) for g in groups]


def _split_by_amount(
    text: str,
    span: tuple[int, int],
    amounts: list[tuple[int, int]],
    dates: list[tuple[int, int]] = [],  # noqa: B006 - read only
) -> list[tuple[int, int]]:
    """Cut a span holding several amounts into one span per amount.

    "The 24.6-km corridor will have 18 stations" states a length and a count:
    two facts, each to be matched and disputed on its own. The cut falls
    where the first amount's noun phrase ends (at the first function word
    after it: "will", "has", "of"), else right before the next amount. A
    preposition that opens a date ("in 2025", "on Monday") dates the first
    amount rather than ending it: "fell to 1.34 in 2025 | from 1.43".
    """
    start, end = span
    inside = sorted((a, b) for a, b in amounts if start <= a and b <= end)
    if len(inside) < 2:
        return [span]
    cuts = []
    for (_, a_end), (b_start, _) in pairwise(inside):
        cut = b_start
        for m in _WHOLE_WORD_RE.finditer(text, a_end, b_start):
            word = m.group().lower()
            if word in _PHRASE_ENDERS:
                if word in _DATING_PREPOSITIONS and _opens_date(text, m.end(), dates):
                    continue
                cut = m.start()
                break
        else:
            # With no function word between them, a colon or a dash still ends the
            # first figure's clause ("the second part: the stock closed down 9.8%");
            # cutting right before the second figure would leave it without its verb.
            mark = _CLAUSE_MARK_RE.search(text, a_end, b_start)
            if mark is not None:
                cut = mark.end()
            else:
                # A bracket or a sign opening the second figure goes with it:
                # "reached 2.1mt | (+5% y/y)".
                while cut > a_end and text[cut - 1] in _OPENS_FIGURE:
                    cut -= 1
        cuts.append(cut)
    bounds = [start, *cuts, end]
    return [(a, b) for a, b in pairwise(bounds) if text[a:b].strip()]


_OPENS_FIGURE = frozenset("([+-\u2212\u2013")

# Prepositions that may open the date of the figure before them.
_DATING_PREPOSITIONS = frozenset(("in", "on", "at", "during"))


def _opens_date(text: str, at: int, dates: list[tuple[int, int]]) -> bool:
    """Whether a date starts right after ``at`` (past spaces and a "the")."""
    rest = text[at:]
    skipped = len(rest) - len(rest.lstrip())
    if rest[skipped:].lower().startswith("the "):
        skipped += 4
    return any(start == at + skipped for start, _ in dates)


# Builds one claim of a sentence: (start, end, kind, features, values, entity keys).
type _MakeClaim = Callable[
    [int, int, Kind, dict[str, float], list[Value], list[str]], ExtractedClaim
]


def _sentence_claims(article: _Article, index: int) -> list[ExtractedClaim]:
    scorer = _Scorer(article, index)
    sentence, body = scorer.sentence, article.body
    flags = ["anonymous_source"] if scorer.anonymous else []

    def claim(
        start: int,
        end: int,
        kind: Kind,
        features: dict[str, float],
        values: list[Value],
        keys: list[str],
    ) -> ExtractedClaim:
        if scorer.anonymous and _score(features) < THRESHOLD:
            # Anonymous or exclusive sourcing is always worth an editor's look.
            features["anonymous_floor"] = round(THRESHOLD - _score(features), 3)
        text = body[start:end]
        # The rules above pick the claim; the learned model says how check-worthy
        # it is, with the cues that moved it (see checkworthiness.py).
        learned = score_sentence(text)
        explained = {k: round(v, 3) for k, v in features.items()}
        for name, contribution in learned.top_features:
            explained[MODEL_PREFIX + name] = round(contribution, 3)
        return ExtractedClaim(
            start=start,
            end=end,
            text=text,
            kind=kind,
            score=round(learned.probability, 3),
            features=explained,
            values=values,
            entities=keys,
            flags=list(flags),
            sentence_start=sentence.start,
            sentence_end=sentence.end,
        )

    features, keys = scorer.features(
        scorer.text, scorer.values, sentence.start, scorer.comparisons, whole=True
    )
    kind = scorer.kind(scorer.values, scorer.comparisons, keys)
    if kind is None or (_score(features) < THRESHOLD and not scorer.anonymous):
        return _attribution_claims(scorer, claim)

    groups = [] if scorer.quote_texts else _groups(scorer)
    if not groups:
        start, end = _trim(body, sentence.start, sentence.end)
        signature = _signature(scorer.values)
        if start >= end or (signature and signature in article.seen_values):
            return []
        article.seen_values.add(signature)
        return [claim(start, end, kind, features, scorer.values, keys)]

    claims = []
    # A figure repeated from an earlier sentence is that sentence's claim again; two
    # equal figures in one sentence are two facts ("two were defeated and two retired").
    repeated = set(article.seen_values)
    value_starts = [v["span_start"] for v in scorer.values]
    comparison_starts = [x for x, _ in scorer.comparisons]
    for a, b in groups:
        start, end = _trim(body, a + sentence.start, b + sentence.start)
        if start >= end:
            continue
        values = scorer.values[bisect_left(value_starts, start) : bisect_left(value_starts, end)]
        end = max([end] + [v["span_end"] for v in values])
        comparisons = scorer.comparisons[
            bisect_left(comparison_starts, start) : bisect_left(comparison_starts, end)
        ]
        item_features, item_keys = scorer.features(
            body[start:end], values, start, comparisons, whole=False
        )
        item_features["list_item"] = LIST_ITEM_WEIGHT
        # An item with no value of its own ("Su-30 upgrades") states what the actors
        # plan or did: ATTRIBUTION, as the desk labels it.
        item_kind = scorer.kind(values, comparisons, item_keys) or kind
        signature = _signature(values)
        if _score(item_features) < THRESHOLD and not scorer.anonymous:
            continue
        if signature and signature in repeated:
            continue
        article.seen_values.add(signature)
        claims.append(claim(start, end, item_kind, item_features, values, item_keys))
    return claims


def _attribution_claims(scorer: _Scorer, claim: _MakeClaim) -> list[ExtractedClaim]:
    """ "According to X" or "<subject>, announced by X" as a claim of its own, when the
    sentence around it is not check-worthy."""
    if not scorer.named_source:
        return []
    offset = scorer.sentence.start
    for m in _ATTRIBUTION_CLAUSE_RE.finditer(scorer.outside):
        start, end = _trim(scorer.article.body, m.start() + offset, m.end() + offset)
        if start >= end:
            continue
        span_text = scorer.article.body[start:end]
        values = [v for v in scorer.values if start <= v["span_start"] and v["span_end"] <= end]
        features, keys = scorer.features(span_text, values, start, [], whole=False)
        if _score(features) >= THRESHOLD:
            return [claim(start, end, Kind.ATTRIBUTION, features, values, keys)]
    return []


def score_sentences(
    body: str, *, published: datetime.date | None = None
) -> list[tuple[Sentence, float, dict[str, float]]]:
    """Every sentence with its check-worthiness score and features, claim or not:
    for editors asking why a sentence was (not) picked, and for tuning."""
    if not body or not body.strip():
        return []
    sentences = split_sentences(body)
    article = _Article(body, sentences, _as_date(published))
    scored = []
    for index, sentence in enumerate(sentences):
        scorer = _Scorer(article, index)
        features, _ = scorer.features(
            sentence.text, scorer.values, sentence.start, scorer.comparisons, whole=True
        )
        scored.append((sentence, _score(features), features))
    return scored


class EngineTimeout(Exception):
    """Extraction ran past its time budget; the message says how far it got."""


def extract_claims(
    body: str,
    *,
    published: datetime.date | None = None,
    seconds: float | None = SECONDS_PER_ARTICLE,
) -> list[ExtractedClaim]:
    """Check-worthy claims of an article body, in order of appearance.

    Raises ``EngineTimeout`` when the article takes more than ``seconds`` (checked
    between sentences; None: no limit).

    >>> [c.kind.value for c in extract_claims("Trade reached $68.7B in FY25, officials said.")]
    ['quantity']
    """
    if not body or not body.strip():
        return []
    sentences = split_sentences(body)
    article = _Article(body, sentences, _as_date(published))
    claims: list[ExtractedClaim] = []
    deadline = None if seconds is None else time.monotonic() + seconds
    for index in range(len(sentences)):
        if deadline is not None and time.monotonic() > deadline:
            raise EngineTimeout(
                f"claim extraction took over {seconds:g} s and stopped at sentence "
                f"{index + 1} of {len(sentences)} (character {sentences[index].start:,} "
                f"of {len(body):,})"
            )
        try:
            claims.extend(_sentence_claims(article, index))
        except Exception:
            if RAISE_ERRORS:
                raise
            # One odd sentence must not cost the article its other claims.
            log.exception("claim extraction failed on sentence %d", index)
    return claims
