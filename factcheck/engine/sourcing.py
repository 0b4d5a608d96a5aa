"""Who a sentence rests on: is its source unnamed?

A claim resting on anonymous or unpublished sourcing is flagged for editors
("anonymous_source"); the flag sits beside the claim's kind, so a figure from
unnamed officials is still a figure that can corroborate or dispute a named
report of it. Three signals, each read from the sentence's shape rather than
a phrase anywhere in it:

* stated anonymity: "on condition of anonymity", "declined to be named",
  "sources close to", "leaked documents" (``_STATED_RE``);
* an unnamed speaker: an indefinite person noun ("a person", "two officials",
  "one of the executives", "a senior engineer") that speaks ("said", "told",
  "according to") or is described by access ("familiar with", "briefed on",
  "with knowledge of"), with no name given beside it ("an official, Mia Ross,
  said" is named);
* unpublished documents: document nouns seen, reviewed or obtained by the
  outlet ("purchase orders seen by The Ledger show"), or said to "show"; and whatever
  a named outlet "saw" or "obtained", whatever it is called ("internal polling seen by
  The Courier", "minutes of the meeting, seen by the Observer"), but not what someone is
  "seen by X as" ("the plan is seen by Western diplomats as a concession").

A sentence that goes on with the same source ("she said", "the person
added", "the documents also show", or the thing seen named again: "The logs show")
inherits the flag from the sentence before, until a named source speaks.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Sequence

from .quantities import STOP_WORDS, word_set

__all__ = ["anonymous_sentences", "is_anonymous", "unnamed_speakers"]

_I = re.IGNORECASE
_words = word_set

_STATED_TRIGGERS = _words(
    """understood source sources anonymity named identified quoted authorised authorized privileged access
    internal leaked confidential classified secret private unpublished restricted exclusively
    exclusive seen reviewed obtained accessed reporter correspondent newspaper publication unnamed
    anonymous unidentified insider insiders learnt learned familiar acquainted briefed privy"""
)
_STATED_RE = re.compile(
    r"\bsources?\s+(?:close|familiar|privy|aware|near)\s+(?:to|with|of)\b"
    r"|\b(?:people|persons|officials?|sources?|diplomats?|insiders?|those)\s+(?:directly\s+)?"
    r"(?:familiar|acquainted|briefed|involved)\s+(?:with|on|in)\b"
    r"|\b(?:on|under)\s+(?:the\s+)?condition\s+of\s+anonymity\b"
    r"|\b(?:declined|refused|asked|requested|did\s+not\s+want|didn[’']t\s+want|not\s+wishing"
    r"|unwilling)\s+(?:not\s+)?to\s+be\s+(?:named|identified|quoted)\b"
    r"|\bnot\s+authori[sz]ed\s+to\s+(?:speak|talk|comment)\b"
    r"|\bprivileged\s+access\b"
    r"|\b(?:granted|given|gained|had|has|have)\s+(?:\w+\s+)?access\s+to\b"
    r"|\b(?:internal|leaked|confidential|classified|secret|private|unpublished|restricted)\s+"
    r"(?:\w+\s+)?(?:documents?|memos?|briefings?|cables?|correspondence|papers?|reports?"
    r"|e-?mails?|communications?|assessments?|letters?|files?|minutes)\b"
    r"|\b(?:shared|provided|given|sent|made\s+available|leaked)\s+exclusively\b"
    r"|\bexclusive(?:ly)?\s+(?:to|with|obtained|accessed|seen)\b"
    r"|\b(?:documents?|papers?|memos?|e-?mails?|letters?|files?)\s+"
    r"(?:seen|reviewed|obtained|accessed)\s+by\b"
    r"|\bobtained\s+by\s+(?:this|our)\b"
    r"|\bthis\s+(?:reporter|correspondent|newspaper|publication)\b"
    r"|\b(?:unnamed|anonymous|unidentified)\s+(?:\w+\s+)?(?:sources?|officials?|diplomats?"
    r"|insiders?|persons?|people|officers?|analysts?|executives?)\b"
    r"|\b(?:a|one|two|three|several|multiple|some|many)\s+(?:\w+\s+)?sources?\b"
    r"|\bsources\s+(?:said|say|says|told|tell|indicated?|indicates|suggest\w*|revealed?"
    r"|claim\w*|added|confirm\w*|believe|put|puts|estimate\w*|expect\w*|reckon\w*|warn\w*"
    r"|insist\w*)\b"
    # The British press's unattributed "is understood to", "it is understood that".
    r"|\b(?:is|are|was|were|has\s+been|have\s+been)\s+understood\s+to\b"
    r"|\bit\s+(?:is|was|has\s+been)\s+understood\b"
    r"|\baccording\s+to\s+(?:\w+\s+){0,2}sources\b"
    r"|\binsiders?\b"
    r"|\bit\s+(?:is|has\s+been)\s+learn(?:t|ed)\b"
    # What the reporter saw: "an internal draft review I have seen".
    r"|\b(?:documents?|memos?|papers|records|minutes|e-?mails?|letters?|files|drafts?|reviews?"
    r"|reports?|assessments?|audits?|presentations?)\s+(?:that\s+)?(?:I|we)\s+"
    r"(?:have\s+|had\s+|['’]ve\s+)?(?:seen|obtained|read|reviewed)\b"
    r"|\b(?:an?|one)\s+(?:senior\s+|top\s+|government\s+)?(?:official|officer|diplomat|source"
    r"|aide)\s+who\s+(?:declined|did\s+not|didn[’']t|asked|requested|spoke|wished)\b",
    _I,
)


_PERSON = (
    r"(?:person|people|persons|officials?|sources?|executives?|aides?|insiders?|diplomats?"
    r"|employees?|workers?|staffers?|officers?|engineers?|managers?|members?|advis[eo]rs?"
    r"|lawyers?|bankers?|investigators?|inspectors?|figures?|individuals?|directors?)"
)
_INDEFINITE = (
    r"(?:an?|one|two|three|four|five|several|some|many|various|multiple"
    r"|(?:one|two|three|some|several)\s+of\s+the)"
)
# "a senior government official", "two officials", "one of the people".
_UNNAMED_RE = re.compile(rf"\b{_INDEFINITE}\s+(?:[\w-]+\s+){{0,3}}?{_PERSON}\b", _I)
_SPEECH = (
    r"(?:said|says|told|tells|added|confirmed|warned|claimed|alleged|insisted|estimated"
    r"|put|described|explained|recalled)"
)
# The unnamed person speaks: "... said", "..., who asked not to be named, told",
# "... familiar with the talks said". The descriptor between runs to the verb.
_SPEAKS_AFTER_RE = re.compile(
    r"(?:\s*,?\s*(?:who|familiar|briefed|with|close|involved|privy|aware|speaking|at|in|from"
    rf"|of|on)\b[^.;]{{0,100}}?)?\s*,?\s*{_SPEECH}\b",
    _I,
)
# The lower-case word right after a person noun, and the words that describe a speaker
# there ("two officials familiar with ...", "a person speaking on condition ...").
_WORD_AFTER_RE = re.compile(r"[ \t]+([a-z]+)\b")
_DESCRIBING_WORDS = word_set(
    "who familiar briefed close involved privy aware speaking knowledgeable said says told"
)
# ... or is named as the source before it: "according to a person briefed on ...", "...,
# said one engineer". A speech verb with a subject of its own says what the unnamed people
# did ("Carrodus said some 780 workers are on site"): only after a comma, a quotation mark
# or a colon, or opening the sentence, does the verb turn to its speaker.
_SPEAKS_BEFORE_RE = re.compile(rf"(?:according\s+to|[,\"”'’:]\s*{_SPEECH})\s+$", _I)
# ... or is described by their access alone: "a person familiar with the bids".
_ACCESS_RE = re.compile(
    r"\s*,?\s*(?:familiar\s+with|briefed\s+(?:on|about)|with\s+(?:direct\s+)?knowledge\s+of"
    r"|close\s+to|privy\s+to|who\s+(?:asked|requested|declined|spoke|did\s+not|didn[’']t))\b",
    _I,
)
_DOCUMENTS = (
    r"(?:documents?|memos?|memorandums?|papers|records|minutes|e-?mails?|letters?|invoices"
    r"|(?:purchase\s+)?orders|contracts|drafts?|files|notes|messages|texts|spreadsheets?"
    r"|presentations?|filings)"
)
_DOCUMENTS_SEEN_RE = re.compile(
    rf"\b{_DOCUMENTS}\s+(?:[\w-]+\s+){{0,2}}?(?:seen|reviewed|obtained|examined|viewed"
    rf"|shared\s+with)\s+by\b|\b(?:the|these|those)\s+{_DOCUMENTS}\s+(?:also\s+)?show",
    _I,
)
# Anything a named outlet saw or obtained: "internal polling seen by The Courier", "a
# memo obtained by Reuters", or the outlet itself: "internal figures seen by this
# newsletter". Not "seen by Western diplomats as a concession".
_SEEN_BY_OUTLET_RE = re.compile(
    r"\b(?:seen|obtained)\s+by\s+(?:(?:the\s+)?[A-Z][\w&'’.-]*+(?:\s+[A-Z][\w&'’.-]*+){0,3}+"
    r"|this\s+[a-z]++)"
    r"(?!\s+(?:[\w-]+\s+){0,2}as\b)"
)
# The thing seen, named again as speaking: "The logs show that ...", "The memo, sent on
# Tuesday, says ...". Its noun must be in the sentence before.
_NAMED_AGAIN_RE = re.compile(
    r"^\W*(?:The|These|Those)\s+(?!same\b)(?P<noun>[a-z]+)\b.{0,120}?\b(?:also\s+)?"
    r"(?:show|shows|showed|say|says|said|record|records|recorded|reveal|reveals|indicate"
    r"|indicates|suggest|suggests|put|puts|estimate|estimates|note|notes)\b"
)
# The source of the sentence before, referred to again.
_SAME_SOURCE_RE = re.compile(
    rf"\b(?:he|she|they)\s+(?:said|added|says|told|explained|recalled|claimed)\b"
    rf"|\b(?:said|added|says|told)\s+(?:he|she|they)\b"
    rf"|\bthe\s+(?:same\s+)?{_PERSON}\s+(?:said|added|says|told)\b"
    rf"|\bone\s+of\s+the\s+{_PERSON}\b"
    rf"|\b(?:the|these|those)\s+{_DOCUMENTS}\b",
    _I,
)
# A name given beside an unnamed-looking speaker: "an official, Mia Ross, said".
_NAMED_AFTER_RE = re.compile(r"\s*,\s*[A-Z][a-z]+\s+[A-Z]")
# A speaker named in the sentence ("Ross said", "said Mia Ross"): the source is known.
_NAMED_SPEAKER_RE = re.compile(
    # A capitalised pronoun opening the sentence ("They said") names nobody.
    r"\b(?!(?:He|She|They|It|We|I|You|One)\b)[A-Z][a-z]+\s+(?:said|says|told|added)\b"
    r"|\b(?:said|says|told|added)\s+(?!(?:He|She|They|It|We|I|You)\b)[A-Z][a-z]+"
)
# "according to " or "said " right before the unnamed speaker, with room for spaces.
SPEECH_BEFORE_CHARS = 24
# How many sentences after an anonymous one may go on with its source.
CARRY_SENTENCES = 2


def unnamed_speakers(text: str) -> list[tuple[int, int]]:
    """Spans of unnamed people a sentence rests on ("two officials", "a person")."""
    spans = []
    quoted = _Quotations(text)
    for m in _UNNAMED_RE.finditer(text):
        if _NAMED_AFTER_RE.match(text, m.end()) or quoted.around(m.start()):
            continue
        # Only the few words before the speaker are read: searching the whole
        # prefix at every match would be quadratic on hostile text.
        at = max(0, m.start() - SPEECH_BEFORE_CHARS)
        # The sentence's start counts as a comma: "Said one engineer: ...".
        before = ("," if at == 0 else "") + text[at : m.start()]
        if (
            _SPEAKS_AFTER_RE.match(text, m.end())
            or (_SPEAKS_BEFORE_RE.search(before) and not _modifies_next(text, m.end()))
            or _ACCESS_RE.match(text, m.end())
        ):
            spans.append((m.start(), m.end()))
    return spans


class _Quotations:
    """Where a sentence's quotations are, read once: people a speaker talks about ("a
    large share of people with prediabetes", inside the quotation marks) are not the
    speaker. Each question is a binary search, so a sentence of many unnamed people is
    not read again for each (hostile text)."""

    def __init__(self, text: str) -> None:
        self.straight = [i for i, ch in enumerate(text) if ch == '"']
        self.curly = [(i, ch == "“") for i, ch in enumerate(text) if ch in "“”"]

    def around(self, pos: int) -> bool:
        """Whether ``pos`` lies inside a quotation: after an opening curly quote not yet
        closed, or after an odd number of straight ones."""
        last = bisect_left(self.curly, (pos, False)) - 1
        if last >= 0 and self.curly[last][1]:
            return True
        return bisect_left(self.straight, pos) % 2 == 1


def _modifies_next(text: str, pos: int) -> bool:
    """Whether the person noun ending at ``pos`` is said of the word after it: "according
    to an official review", "an executive summary". A speaker is followed by punctuation,
    a function word or what describes them ("two officials familiar with the talks")."""
    m = _WORD_AFTER_RE.match(text, pos)
    return m is not None and m[1] not in STOP_WORDS and m[1] not in _DESCRIBING_WORDS


def is_anonymous(text: str) -> bool:
    """Does this sentence, on its own, rest on an unnamed source?"""
    words = frozenset(re.findall(r"[a-z]+", text.lower()))
    if not words.isdisjoint(_STATED_TRIGGERS) and _STATED_RE.search(text):
        return True
    return bool(
        _DOCUMENTS_SEEN_RE.search(text)
        or ("seen" in words or "obtained" in words)
        and _SEEN_BY_OUTLET_RE.search(text)
        or unnamed_speakers(text)
    )


# "The same person said", "the same analyst told me": a source named again by its noun,
# however many sentences after it was introduced.
_SAME_NOUN_RE = re.compile(
    r"\b(?:the|this)\s+same\s+(?P<noun>[a-z]+)\s+(?:also\s+)?(?:said|says|added|told|claimed"
    r"|explained|recalled|insisted|confirmed)\b",
    _I,
)


def _same_unnamed(text: str, earlier: list[str]) -> bool:
    """Whether ``text`` names again, as "the same <noun>", a source an earlier anonymous
    sentence of the article introduced by that noun."""
    m = _SAME_NOUN_RE.search(text)
    if m is None or _NAMED_SPEAKER_RE.search(text):
        return False
    noun = re.compile(rf"\b{re.escape(m['noun'])}\b", _I)
    return any(noun.search(sentence) for sentence in earlier)


def anonymous_sentences(texts: Sequence[str]) -> list[bool]:
    """For each sentence of an article, whether it rests on an unnamed source.

    >>> anonymous_sentences([
    ...     "Two officials who asked not to be named said the cost had doubled.",
    ...     "They said the contract was never tendered.",
    ...     "Mayor Lina Park said the project was on time.",
    ... ])
    [True, True, False]
    """
    out: list[bool] = []
    carry = 0
    before = ""
    earlier: list[str] = []  # the article's anonymous sentences so far
    for text in texts:
        if is_anonymous(text) or _same_unnamed(text, earlier):
            out.append(True)
            carry = CARRY_SENTENCES
            before = text
            earlier.append(text)
            continue
        again = _NAMED_AGAIN_RE.match(text) if carry > 0 else None
        going_on = (
            carry > 0
            and (
                _SAME_SOURCE_RE.search(text)
                or (again is not None and re.search(rf"\b{again['noun']}\b", before, _I))
            )
            and not _NAMED_SPEAKER_RE.search(text)
        )
        out.append(bool(going_on))
        carry = carry - 1 if going_on else 0
        if going_on:
            before = text
    return out
