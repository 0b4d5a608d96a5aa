"""Split an article body into sentences with exact offsets.

Paragraphs (lines) are segmented one at a time. Most sentence boundaries in news
copy are plain ("... in 2000. The meeting ..."), and a regex decides those in
microseconds. A paragraph with a boundary that needs judgement (a dotted acronym
such as "U.S." or "Inc." followed by a capital) goes to pysbd, which is correct
on those but costs about a millisecond per sentence: calling it on every
paragraph would cap the engine at a few dozen articles a second.
Abbreviations that never end a sentence ("Mr.", "Dr.", "Dec. 4", "No. 5") and
decimals or model names ("$68.7B.", "Su-30") are handled by the regex rules.
"""

from __future__ import annotations

import re

import pysbd

from .quantities.dates import _MONTH_TOKENS, _WEEKDAYS
from .types import Sentence


def _word_set(words: str) -> frozenset[str]:
    return frozenset(words.split())


_PARAGRAPH_RE = re.compile(r"[^\n\r\u2028\u2029\x0b\x0c\x1c\x1d\x1e\x85]+")
# Sentence-final punctuation, closing quotes/brackets, whitespace, then what follows.
# A run of punctuation that is not a boundary is still consumed (groups 2-5 empty), so
# the scan never restarts inside it: retrying a 50,000-dot run at every dot was quadratic.
_BOUNDARY_RE = re.compile(r"([.!?…]++)(?:([\"”’'\)\]]*+)(\s++)([\"“‘'(\[]*)(\S))?")
_TOKEN_BEFORE_RE = re.compile(r"(\S+)$")
_DOTTED_ACRONYM_RE = re.compile(r"(?:[A-Za-z]\.)+[A-Za-z]")
_BULLET_RE = re.compile(r"[-*•·–—]\s+")
_NEXT_WORD_RE = re.compile(r"[A-Za-z]+")

# Never end a sentence: titles and Latin abbreviations.
_NEVER_FINAL = _word_set(
    """mr mrs ms messrs mme dr prof gen col lt capt cdr cmdr sgt maj adm brig gov sen rep rev hon
    st mt ft sr e.g i.e cf viz vs v approx"""
)
# Not final when a number follows: "No. 5", "Dec. 4", "Rs. 500", "Fig. 2".
_NOT_FINAL_BEFORE_DIGIT = _word_set(
    """no nos vol fig figs p pp art sec ch para op rs inr jan feb mar apr jun jul aug sep sept oct
    nov dec"""
)
# Sometimes final: let pysbd decide.
_AMBIGUOUS = _word_set("inc ltd co corp bros jr etc al a.m p.m ave rd dept govt univ est")

_CLOCK_SUFFIXES = _word_set("a.m p.m")
# The day or month a time of day may be followed by ("at 11 p.m. Monday"); not "Today" or
# "Yesterday", which as often open the next sentence.
_DAY_WORDS = frozenset(_WEEKDAYS) | _MONTH_TOKENS

_PYSBD_MAX_CHARS = 5000
_QUOTE_MAX_CHARS = 600
_segmenter = pysbd.Segmenter(language="en", clean=False)


def _inside_quotes(para: str) -> bytearray:
    """1 at positions strictly inside balanced double quotes, so a quoted passage of
    several sentences ("“We are ready. We will sign,” he said.") stays one sentence."""
    inside = bytearray(len(para) + 1)
    for opener, closer in (("“", "”"), ('"', '"')):
        i = para.find(opener)
        while i != -1:
            j = para.find(closer, i + 1)
            if j == -1:
                break
            if j - i <= _QUOTE_MAX_CHARS:
                inside[i + 1 : j + 1] = b"\x01" * (j - i)
            i = para.find(opener, j + 1)
    return inside


def _decide(para: str, m: re.Match[str]) -> bool | None:
    """True: a boundary; False: not one; None: ask pysbd."""
    nxt = m.group(5)
    if nxt.islower():
        return False
    punct = m.group(1)
    if "?" in punct or "!" in punct or "…" in punct or len(punct) > 1:
        return True
    token = _TOKEN_BEFORE_RE.search(para, max(0, m.start(1) - 64), m.start(1))
    if token is None:
        return True
    word = token.group(1).lstrip("\"“‘'([")
    lower = word.lower()
    if not word:
        return True
    if lower in _NEVER_FINAL:
        return False
    if lower in _NOT_FINAL_BEFORE_DIGIT and nxt.isdigit():
        return False
    if len(word) == 1 and word.isupper():
        # An initial: "J. Smith".
        return False
    if lower in _CLOCK_SUFFIXES:
        # "came ashore at 11 p.m. Monday": a time of day with its day.
        nxt_word = _NEXT_WORD_RE.match(para, m.start(5))
        if nxt_word is not None and nxt_word.group(0).lower() in _DAY_WORDS:
            return False
    if lower in _AMBIGUOUS or _DOTTED_ACRONYM_RE.fullmatch(word):
        return None
    return True


def _pysbd_ends(para: str) -> list[int] | None:
    """Sentence end offsets from pysbd, or None when its output cannot be aligned."""
    ends = []
    cursor = 0
    for sent in _segmenter.processor(para).process():
        piece = sent.strip()
        if not piece:
            continue
        i = para.find(piece, cursor)
        if i == -1 or para[cursor:i].strip():
            return None
        cursor = i + len(piece)
        ends.append(cursor)
    return ends


def _paragraph_ends(para: str) -> list[int]:
    inside = _inside_quotes(para)
    ends: list[int] = []
    ambiguous = False
    for m in _BOUNDARY_RE.finditer(para):
        if m.group(5) is None:
            continue
        end = m.end(2)
        if inside[end]:
            continue
        decision = _decide(para, m)
        if decision is None:
            ambiguous = True
            nxt = _NEXT_WORD_RE.match(para, m.start(5))
            decision = nxt is not None and nxt.group(0) in _COMMON_STARTERS
        if decision:
            ends.append(end)
    if ambiguous and len(para) <= _PYSBD_MAX_CHARS:
        pysbd_ends = _pysbd_ends(para)
        if pysbd_ends is not None:
            return pysbd_ends
    ends.append(len(para))
    return ends


_COMMON_STARTERS = _word_set(
    """The A An He She It They We I You This That These Those There Here But And Or So Yet In On At
    For From By With As If When While After Before Since However Meanwhile Moreover Also His Her Its
    Their Our My Your Such Some Many Most All Both Each Every No Not One Two Three"""
)


def split_sentences(body: str) -> list[Sentence]:
    """Sentences of ``body`` in order; ``body[s.start:s.end] == s.text`` for each.

    >>> [s.text for s in split_sentences("Trade hit $68.7B. Mr. Modi met Dec. 4 in the U.S.")]
    ['Trade hit $68.7B.', 'Mr. Modi met Dec. 4 in the U.S.']
    """
    sentences: list[Sentence] = []
    if not body:
        return sentences
    for pm in _PARAGRAPH_RE.finditer(body):
        para = pm.group(0)
        if not para.strip():
            continue
        base = pm.start()
        prev = 0
        for end in _paragraph_ends(para):
            start = prev
            prev = end
            stop = end
            while start < stop and para[start].isspace():
                start += 1
            while stop > start and para[stop - 1].isspace():
                stop -= 1
            bullet = _BULLET_RE.match(para, start, stop)
            if bullet and bullet.end() < stop:
                start = bullet.end()
            if start < stop:
                sentences.append(
                    Sentence(base + start, base + stop, body[base + start : base + stop])
                )
    return sentences
