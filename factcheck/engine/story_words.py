"""What an article is about, in its words: the topic that places two reports in one story.

Two outlets of one story do not always name the same people and places: a wire names
the union, the minister and the city; a union's bulletin names its branch and "you";
a trade paper names the chemical and the permit. Names alone then leave two reports of
one story apart (``matching._one_story``), and every fact they share is split. What
they still share is vocabulary: "nurses", "picket", "ballot", "ward"; "ammonium",
"tonnes", "evacuation". Reports of two stories of one kind in one week (two strikes,
two fires in one city) share the words of their kind too, so a topic places two reports
only beside a shared name and above a high threshold (``matching.SAME_TOPIC``).

An article's topic is its content words weighted the classic way, term frequency times
inverse document frequency, and two topics are compared by cosine. The document
frequencies are fixed, not read from the desk's own archive, so that a claim's topic
never changes as other articles arrive and the grouping stays independent of the
order of import: they are counted once, by ``manage.py build_story_words``, over a
public reference corpus (the 22,500 training sentences of the CheckThat! 2024
check-worthiness task: ClaimBuster's U.S. debate sentences, CC BY 4.0), and ship in
``models/story_words.tsv``. Words common in political speech ("people", "percent",
"government") weigh little; a story's own words, rare there, weigh most.

A claim carries its article's strongest ``TOPIC_WORDS`` words in its
``article_names``, each marked with ``TOPIC_MARK`` and its weight ("~nurse:0.231").

    >>> a = article_topic("Nurses walked out at nine hospitals. The nurses' union said the strike would last two days.")
    >>> b = article_topic("Picket lines formed outside hospitals as nurses began a two-day strike over pay.")
    >>> c = article_topic("The central bank raised its policy rate by a quarter point to curb inflation.")
    >>> topic_similarity(topic_weights(a), topic_weights(b)) > topic_similarity(topic_weights(a), topic_weights(c))
    True
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Iterable, Mapping
from functools import cache
from pathlib import Path
from typing import NamedTuple

from factcheck.engine.wording import _STOPWORDS, _plain, _stem

__all__ = [
    "TABLE_FORMAT",
    "TABLE_PATH",
    "TOPIC_MARK",
    "TOPIC_WORDS",
    "ReferenceWords",
    "article_topic",
    "load_table",
    "topic_similarity",
    "topic_weights",
    "topic_words",
]

TABLE_PATH = Path(__file__).resolve().parent / "models" / "story_words.tsv"
TABLE_FORMAT = "story-words/1"
# The mark of a topic word among a claim's article names ("~nurse:0.231"), beside the
# names themselves and the figures ("=money:…").
TOPIC_MARK = "~"
# How many of its strongest words an article's topic keeps. The cosine is computed
# on the article's whole vector, so the words kept carry their true weights; forty
# hold most of the weight of a news report of a few hundred words.
TOPIC_WORDS = 40
# Shorter words are mostly function words, or abbreviations too ambiguous to place
# a story ("said", "govt" pass; "the", "was", "per" do not).
MIN_LETTERS = 4
# Weights are stored to three decimals: enough for a cosine read to two.
WEIGHT_DIGITS = 3

_WORD_RE = re.compile(r"[a-z]+")
# A word written in lower case somewhere: not a name (``topic_words``).
_LOWER_WORD_RE = re.compile(r"(?<![A-Za-z])[a-z]+")


def topic_words(text: str, *, names: bool = True) -> list[str]:
    """The content words of ``text`` as topics compare them: lower-cased, plurals
    stemmed, stop words and words under ``MIN_LETTERS`` letters dropped, in order.
    With ``names=False``, words the text never writes in lower case (names: "Kilbrannan",
    "Corran Star") are dropped too.

    >>> topic_words("The nurses' unions said 4,900 members walked out.")
    ['nurse', 'union', 'member', 'walked']
    >>> topic_words("Nurses in Dunmore struck. Dunmore nurses marched.", names=False)
    ['nurse', 'struck', 'nurse', 'marched']
    """
    found = _WORD_RE.findall(_plain(text))
    if not names:
        lower = set(_LOWER_WORD_RE.findall(text))
        found = [w for w in found if w in lower]
    return [_stem(w) for w in found if len(w) >= MIN_LETTERS and w not in _STOPWORDS]


class ReferenceWords(NamedTuple):
    """Document frequencies of a reference corpus: how many of its ``documents``
    hold each word (words held by one document only are left out of the table and
    count as one)."""

    documents: int
    frequency: dict[str, int]

    def idf(self, word: str) -> float:
        return math.log((self.documents + 1) / (self.frequency.get(word, 1) + 1))


@cache
def load_table(path: Path = TABLE_PATH) -> ReferenceWords:
    """The reference document frequencies at ``path``, read once per process."""
    documents = 0
    frequency: dict[str, int] = {}
    with path.open(encoding="utf-8") as lines:
        first = next(lines, "").strip()
        if first != f"# {TABLE_FORMAT}":
            raise ValueError(f"{path}: not a {TABLE_FORMAT} table (first line {first!r})")
        for line in lines:
            if line.startswith("# documents "):
                documents = int(line.split()[2])
            elif line.strip() and not line.startswith("#"):
                word, count = line.rstrip("\n").split("\t")
                frequency[word] = int(count)
    if documents <= 0:
        raise ValueError(f"{path}: no '# documents N' line")
    return ReferenceWords(documents, frequency)


def article_topic(body: str, title: str = "", n: int = TOPIC_WORDS) -> tuple[str, ...]:
    """The ``n`` strongest words of an article's topic, marked and weighted
    ("~nurse:0.231"), strongest first (ties in alphabetical order).

    The weights are the article's tf-idf vector (1 + log of the count, times the
    reference corpus's idf) normalised over all its words, so two truncated topics
    give nearly the cosine of the whole articles.
    """
    # Names are left to the names that place a story (``features.article_names``): a
    # topic is what the story is about, so that two stories of one place, or one
    # company, do not share a topic through its name alone.
    counts = Counter(topic_words(f"{title}\n{body}" if title else body, names=False))
    if not counts:
        return ()
    table = load_table()
    weights = {w: (1.0 + math.log(c)) * table.idf(w) for w, c in counts.items()}
    norm = math.sqrt(sum(x * x for x in weights.values()))
    if norm == 0:
        return ()
    ranked = sorted(weights, key=lambda w: (-weights[w], w))[:n]
    return tuple(f"{TOPIC_MARK}{w}:{weights[w] / norm:.{WEIGHT_DIGITS}f}" for w in ranked)


def topic_weights(marked: Iterable[str]) -> dict[str, float]:
    """The topic words among ``marked`` (a claim's ``article_names``) with their weights."""
    found: dict[str, float] = {}
    for entry in marked:
        if entry.startswith(TOPIC_MARK):
            word, _, weight = entry[len(TOPIC_MARK) :].rpartition(":")
            try:
                found[word] = float(weight)
            except ValueError:
                continue
    return found


def topic_similarity(a: Mapping[str, float], b: Mapping[str, float]) -> float:
    """Cosine of two topics (0 when either is missing)."""
    if len(b) < len(a):
        a, b = b, a
    return sum(weight * b.get(word, 0.0) for word, weight in a.items())
