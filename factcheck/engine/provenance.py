"""Which articles copy or lightly rewrite one another.

Two questions, two costs:

* ``fingerprint(body)`` turns an article into a few dozen string keys for an
  inverted index (the service stores ``(key, article_id)`` rows). Two articles
  that share a key become candidates; nothing is decided from keys alone.
* ``compare(a, b)`` looks at one candidate pair closely and says whether B is a
  copy of A ("copy": syndicated text with light edits) or shares its origin
  ("rewrite": the same lead and distinctive passages reworded around them), and
  shows the shared passages with exact offsets into both bodies.

Keys are stored in the database, so every hash behind a key is deterministic
(``zlib.crc32`` and ``blake2b``); Python's ``hash()`` is salted per process and
is used only inside one call of ``compare``, never for keys.

Text is compared on normalised words: lower-cased, curly quotes and dashes
unified, punctuation dropped, hyphenated words split ("India-Russia" is
"india russia"). Every word keeps its offsets into the original body so that a
shared passage maps back to the exact characters an editor sees.
"""

from __future__ import annotations

import re
import zlib
from bisect import bisect_right
from dataclasses import dataclass
from hashlib import blake2b

__all__ = [
    "CopyEvidence",
    "Fingerprint",
    "SharedPassage",
    "compare",
    "fingerprint",
    "normalise_words",
]

# A word is a run of letters or digits; apostrophes, hyphens, quotes, dashes and
# all other punctuation separate words. Splitting "Belousov’s" into "belousov s"
# the same way on both sides is what matters, not linguistic accuracy.
_WORD_RE = re.compile(r"[^\W_]+")

# Shingle width for similarity and containment. Three words are distinctive
# enough that two unrelated articles rarely share many, and short enough that a
# changed word only spoils three shingles.
SHINGLE = 3
# Seed width for aligning passages: a shared passage starts as a shared run of
# this many words and is then extended word by word.
SEED = 4
# The shortest shared run shown as a passage and counted as evidence. Eight
# words is past what stock phrases ("on the sidelines of the summit in") reach.
MIN_PASSAGE = 8
# How far into an article (in words) the lead runs: a headline line plus the
# first sentence or two, whichever the body starts with.
LEAD_WORDS = 50

# Evidence (see ``compare``) that makes two articles one origin, and the lower
# bar when both credit the same wire.
REWRITE_EVIDENCE = 20
REWRITE_EVIDENCE_SAME_WIRE = 12
# MinHash over 3-word shingles, one-permutation style: each shingle is hashed
# once and falls into one of BINS bins, keeping the minimum per bin. BANDS bands
# of ROWS bins give LSH keys. With ROWS = 2 the chance that two articles share at
# least one band key is 1 - (1 - J**2) ** BANDS: 0.78 at Jaccard 0.3, 0.99 at
# 0.5, 0.04 at 0.05 (unrelated articles on the same event), so near copies and
# heavy copies always meet and unrelated pairs rarely do.
ROWS = 2
BANDS = 16
BINS = ROWS * BANDS
# Lead keys: 4-word shingles of the lead kept by content-defined sampling (hash
# mod LEAD_MOD == 0). A shingle shared by two leads is kept in both or neither,
# so a shared 12-word run (9 shingles) yields a common key with probability
# 1 - (2/3)**9 = 0.97, while a 50-word lead gives about 15 keys.
LEAD_SHINGLE = 4
LEAD_MOD = 3
MAX_LEAD_KEYS = 24


def _wordset(text: str) -> frozenset[str]:
    return frozenset(text.split())


# Words too common to make a lead shingle distinctive on their own.
_STOPWORDS = _wordset(
    """
    a an the and or but of in on at to for from by with as is are was were be been has have
    had it its this that these those which who will would can could may might not no s he
    she they we his her their our after before over under into about also than then there
    said says
    """
)


@dataclass(frozen=True, slots=True)
class Fingerprint:
    """Index keys for one article; ``shingle_count`` sizes the article."""

    keys: frozenset[str]
    shingle_count: int


@dataclass(frozen=True, slots=True)
class SharedPassage:
    """A run of words both articles contain; ``body_a[a_start:a_end]`` is it in A."""

    a_start: int
    a_end: int
    b_start: int
    b_end: int
    text: str


@dataclass(frozen=True, slots=True)
class CopyEvidence:
    """Why two articles look like one origin.

    ``relation`` is "copy" (near-duplicate, syndicated with light edits) or
    "rewrite" (shares the lead or several distinctive passages).
    ``similarity`` is the Jaccard similarity of 3-word shingles, ``containment``
    the share of the shorter article's shingles found in the longer one.
    """

    relation: str
    similarity: float
    containment: float
    shared_lead: bool
    same_wire: bool
    passages: list[SharedPassage]
    summary: str


class _Words:
    """Normalised words of a body with their original offsets."""

    __slots__ = ("ends", "starts", "words")

    def __init__(self, body: str) -> None:
        spans = [m.span() for m in _WORD_RE.finditer(body)]
        self.starts = [s for s, _ in spans]
        self.ends = [e for _, e in spans]
        self.words = [body[s:e].lower() for s, e in spans]


def normalise_words(text: str) -> list[str]:
    """The words ``compare`` sees: lower-case, no punctuation, hyphens split."""
    return [w.lower() for w in _WORD_RE.findall(text)]


def _shingle_hashes(words: list[str], width: int) -> list[int]:
    """Deterministic 64-bit hashes of the ``width``-word shingles, in order.

    Two CRC-32s with different seeds side by side: stable across processes and
    machines, and three times faster than blake2b per shingle, which matters
    when every imported article is fingerprinted.
    """
    crc = zlib.crc32
    joined = [" ".join(words[i : i + width]).encode() for i in range(len(words) - width + 1)]
    return [(crc(x) << 32) | crc(x, 0x5BD1E995) for x in joined]


def _shingles(words: list[str], width: int) -> list[tuple[str, ...]]:
    return [tuple(words[i : i + width]) for i in range(len(words) - width + 1)]


def _minhash(shingle_hashes: set[int]) -> list[int]:
    """One-permutation MinHash with densification, ``BINS`` values."""
    mins: list[int | None] = [None] * BINS
    for h in shingle_hashes:
        b = h % BINS
        v = h // BINS
        cur = mins[b]
        if cur is None or v < cur:
            mins[b] = v
    filled = [i for i, v in enumerate(mins) if v is not None]
    if not filled:
        return []
    # Densify: an empty bin borrows the next filled bin's value (cyclically), so
    # short articles still get all BANDS keys and two short articles that share
    # most shingles still agree on most bins.
    out: list[int] = []
    for i in range(BINS):
        j = i
        while mins[j % BINS] is None:
            j += 1
        out.append(mins[j % BINS])  # type: ignore[arg-type]
    return out


def fingerprint(body: str, *, wire_credit: str = "") -> Fingerprint:
    """Index keys for an article: LSH bands, lead shingles and the wire credit.

    Keys look like "b3:9f2c61d0a4e7" (band 3 of the MinHash signature),
    "l:0e02e1ff6736" (a lead shingle) and "w:ani" (the wire credit).
    """
    words = normalise_words(body)
    hashes = set(_shingle_hashes(words, SHINGLE))
    keys: set[str] = set()
    sig = _minhash(hashes)
    for band in range(BANDS if sig else 0):
        rows = sig[band * ROWS : (band + 1) * ROWS]
        digest = blake2b(repr(rows).encode(), digest_size=6).hexdigest()
        keys.add(f"b{band}:{digest}")
    lead: list[tuple[int, str]] = []
    lead_words = words[:LEAD_WORDS]
    for i, h in enumerate(_shingle_hashes(lead_words, LEAD_SHINGLE)):
        # A lead shingle of stop words only ("in the of the") is in every article.
        if sum(w not in _STOPWORDS for w in lead_words[i : i + LEAD_SHINGLE]) < 2:
            continue
        if h % LEAD_MOD == 0:
            lead.append((h, f"l:{h:016x}"[:14]))
    # Keep the smallest hashes when a long lead yields too many: still mostly
    # consistent between two articles, since both keep their smallest.
    for _, key in sorted(set(lead))[:MAX_LEAD_KEYS]:
        keys.add(key)
    wire = _wire_name(wire_credit)
    if wire:
        # One wire agency credits thousands of articles, so this key alone finds
        # nothing useful; the service caps candidates per key. It is here so a
        # same-wire pair that also shares a lead key is ranked first.
        keys.add(f"w:{wire}")
    return Fingerprint(keys=frozenset(keys), shingle_count=len(hashes))


def _wire_name(credit: str) -> str:
    """ "(With inputs from ANI)" and "Based On ANI Report" both give "ani"."""
    words = normalise_words(credit)
    drop = {"with", "inputs", "input", "from", "based", "on", "report", "agencies", "agency"}
    return " ".join(w for w in words if w not in drop)


def _align(a: _Words, b: _Words) -> list[tuple[int, int, int]]:
    """Maximal shared word runs as (i in A, j in B, length), in A order.

    Greedy string tiling: every maximal run that starts with a shared
    SEED-word shingle is found, then runs are taken longest first so that a
    headline sharing a few words with the lead cannot split the lead's long
    run. Each word of A and of B belongs to one run at most. Unlike a longest
    common subsequence this also finds passages a rewrite moved.
    """
    wa, wb = a.words, b.words
    na, nb = len(wa), len(wb)
    if na < SEED or nb < SEED:
        return []
    where: dict[tuple[str, ...], list[int]] = {}
    for j in range(nb - SEED + 1):
        where.setdefault(tuple(wb[j : j + SEED]), []).append(j)
    found: list[tuple[int, int, int]] = []
    for i in range(na - SEED + 1):
        # A shingle repeated many times in B is boilerplate; eight places do.
        for j in where.get(tuple(wa[i : i + SEED]), ())[:8]:
            # Only runs that cannot be extended to the left are maximal.
            if i and j and wa[i - 1] == wb[j - 1]:
                continue
            k = SEED
            while i + k < na and j + k < nb and wa[i + k] == wb[j + k]:
                k += 1
            found.append((-k, i, j))
    found.sort()
    used_a = bytearray(na)
    used_b = bytearray(nb)
    runs: list[tuple[int, int, int]] = []
    for neg_k, i, j in found:
        # Keep the longest stretch of this run that no longer run has taken.
        best_s, best_n, s = 0, 0, 0
        for t in range(-neg_k + 1):
            if t == -neg_k or used_a[i + t] or used_b[j + t]:
                if t - s > best_n:
                    best_s, best_n = s, t - s
                s = t + 1
        if best_n < SEED:
            continue
        i2, j2 = i + best_s, j + best_s
        used_a[i2 : i2 + best_n] = b"\x01" * best_n
        used_b[j2 : j2 + best_n] = b"\x01" * best_n
        runs.append((i2, j2, best_n))
    runs.sort()
    return runs


def compare(body_a: str, body_b: str, *, wire_a: str = "", wire_b: str = "") -> CopyEvidence | None:
    """Evidence that two articles share an origin, or ``None``.

    >>> compare("One two three four five six seven eight nine ten.",
    ...         "One two three four five six seven eight nine ten.").relation
    'copy'
    """
    a, b = _Words(body_a), _Words(body_b)
    sa = set(_shingles(a.words, SHINGLE))
    sb = set(_shingles(b.words, SHINGLE))
    if not sa or not sb:
        if a.words and a.words == b.words:
            sa, sb = {tuple(a.words)}, {tuple(b.words)}
        else:
            return None
    inter = len(sa & sb)
    similarity = inter / len(sa | sb)
    containment = inter / min(len(sa), len(sb))

    runs = [r for r in _align(a, b) if r[2] >= MIN_PASSAGE]
    # Quotations are verbatim by nature: independent reports of one speech
    # share them, so a passage that is mostly quoted is shown but not counted.
    qa, qb = _quoted(body_a, a), _quoted(body_b, b)
    own = [2 * max(sum(qa[i : i + n]), sum(qb[j : j + n])) < n for i, j, n in runs]
    passages = [
        SharedPassage(
            a_start=a.starts[i],
            a_end=a.ends[i + n - 1],
            b_start=b.starts[j],
            b_end=b.ends[j + n - 1],
            text=body_a[a.starts[i] : a.ends[i + n - 1]],
        )
        for i, j, n in runs
    ]
    # Long proper names ("the 22nd India-Russia Inter-Governmental Commission on
    # Military and Military Technical Cooperation", 13 words) are shared by any
    # two reports of one event. A passage counts as prose, evidence of shared
    # wording, when at least four of its words are lower-case content words.
    prose = [
        o and min(_prose_words(body_a, a, i, n), _prose_words(body_b, b, j, n)) >= 4
        for o, (i, j, n) in zip(own, runs, strict=True)
    ]
    in_lead = [i < LEAD_WORDS and j < LEAD_WORDS for i, j, _ in runs]
    # The lead is shared when a prose passage lies in both leads.
    shared_lead = any(p and lead for p, lead in zip(prose, in_lead, strict=True))
    # Chance shared runs get rarer with every word past the minimum, so each
    # passage weighs its words past seven; a prose passage in both leads counts
    # double, since a reporter writing independently never reuses a lead.
    # Seeds 000/001 (one origin): 8 * 2 + 3 + 3 = 22. Seeds 002/003
    # (independent): one 13-word name, 6.
    evidence = sum(
        (n - 7) * (2 if p and lead else 1)
        for (_, _, n), o, p, lead in zip(runs, own, prose, in_lead, strict=True)
        if o
    )
    wa_name, wb_name = _wire_name(wire_a), _wire_name(wire_b)
    same_wire = bool(wa_name) and wa_name == wb_name

    # Syndicated copies keep most of the text: high Jaccard, or high containment
    # when one side dropped or added paragraphs.
    shared_words = sum(n for _, _, n in runs)
    if similarity >= 0.5 or (containment >= 0.7 and shared_words >= 30):
        relation = "copy"
    elif _is_rewrite(evidence, sum(own), containment, same_wire):
        relation = "rewrite"
    else:
        return None
    summary = _summary(relation, similarity, containment, shared_lead, same_wire, passages, wa_name)
    return CopyEvidence(
        relation=relation,
        similarity=round(similarity, 4),
        containment=round(containment, 4),
        shared_lead=shared_lead,
        same_wire=same_wire,
        passages=passages,
        summary=summary,
    )


# What the regex ``“[^”\n]*”|"[^"\n]*"`` finds, left to right, with each opening mark's
# closing mark looked up rather than rescanned for: the regex retried a line of
# "““““..." from every mark, which was quadratic.
_QUOTE_CLOSERS = {"“": "”\n", '"': '"\n'}


def _quote_spans(body: str) -> list[tuple[int, int]]:
    stops = {
        mark: [i for i, c in enumerate(body) if c in closers]
        for mark, closers in _QUOTE_CLOSERS.items()
    }
    spans: list[tuple[int, int]] = []
    pos = 0
    for p, c in enumerate(body):
        if p < pos or c not in _QUOTE_CLOSERS:
            continue
        k = bisect_right(stops[c], p)
        if k < len(stops[c]) and body[stops[c][k]] != "\n":
            pos = stops[c][k] + 1
            spans.append((p, pos))
    return spans


def _quoted(body: str, words: _Words) -> bytearray:
    """1 for each word inside a quotation (curly or straight double quotes)."""
    flags = bytearray(len(words.words))
    spans = _quote_spans(body) if "“" in body or '"' in body else []
    if not spans:
        return flags
    k = 0
    for t, start in enumerate(words.starts):
        while k < len(spans) and spans[k][1] <= start:
            k += 1
        if k < len(spans) and spans[k][0] <= start:
            flags[t] = 1
    return flags


def _prose_words(body: str, words: _Words, i: int, n: int) -> int:
    """Lower-case words of a run that are not stop words: "marks a pivotal
    moment in the evolving relationship" has four, "the Commission on Military
    and Technical Cooperation" none."""
    return sum(
        body[words.starts[t]].islower() and words.words[t] not in _STOPWORDS
        for t in range(i, i + n)
    )


def _is_rewrite(evidence: int, n_own: int, containment: float, same_wire: bool) -> bool:
    # One long passage alone can be a stock sentence or an official name
    # quoted by everyone; an origin shows in several places.
    if evidence >= REWRITE_EVIDENCE and n_own >= 2:
        return True
    if containment >= 0.3 and n_own >= 2:
        return True
    # The same wire credit is no evidence alone (a wire files many stories) but
    # lowers the bar for the shared passages.
    return same_wire and evidence >= REWRITE_EVIDENCE_SAME_WIRE and n_own >= 2


def _summary(
    relation: str,
    similarity: float,
    containment: float,
    shared_lead: bool,
    same_wire: bool,
    passages: list[SharedPassage],
    wire: str,
) -> str:
    head = "Near-copy" if relation == "copy" else "Rewrite of one origin"
    parts = [
        f"{head}: {similarity:.0%} shingle overlap",
        f"{containment:.0%} of the shorter article contained",
        f"{len(passages)} shared passage{'s' if len(passages) != 1 else ''}",
    ]
    if shared_lead:
        parts.append("same lead")
    if same_wire:
        parts.append(f"both credit {wire.upper()}")
    return ", ".join(parts) + "."
