"""What the store keeps per claim for matching (``ClaimFeatures``), and how it is made.

Built from an extracted claim and its article (the sentence it was cut from,
the article's main names, its date), or rebuilt from database columns: plain
data that ``keys``, ``matching`` and ``grouping`` read.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

from factcheck.engine.entities import find_entities
from factcheck.engine.names import _is_specific, _named_in, _norm_entity
from factcheck.engine.sentences import split_sentences
from factcheck.engine.story_words import TOPIC_MARK, article_topic
from factcheck.engine.values import _count_unit

if TYPE_CHECKING:
    from factcheck.engine.types import ExtractedClaim, Value

__all__ = [
    "FIGURE_MARK",
    "ONE_AMOUNT_MARK",
    "ClaimFeatures",
    "PerClaim",
    "article_figures",
    "article_names",
    "article_placing",
    "names_in",
    "context_for",
    "counted_once",
    "story_entities",
]

# How many of an article's names its claims carry for placing it in its story.
ARTICLE_NAMES = 20
# How many of an article's exact figures ride along with its names (``article_figures``),
# and the mark that tells one from a name ("=money:7.426e+08:GBP").
ARTICLE_FIGURES = 24
FIGURE_MARK = "="
# The mark of a noun the article counts with one amount only ("#home"): ``counted_once``.
ONE_AMOUNT_MARK = "#"
# Significant digits a figure needs to place an article in its story ("£742.6m",
# "2,640", "4.99%"): over the 24 clusters and the seeds, no two articles of different
# stories share names and such figures three in all with a name among them (4 pairs
# share one name and one figure, 37 one figure alone). With two digits ("12", "24"), 7
# pairs of different stories share one name and two figures.
FIGURE_DIGITS = 3


@dataclass(frozen=True, slots=True)
class ClaimFeatures:
    """What the store keeps per claim for matching.

    ``context`` is the text matched fuzzily: the claim text, or the sentence it
    was cut from when that is at hand.

    Two optional fields place the claim in its article, which a claim cut from
    a sentence often cannot do alone ("Voting was held in seven phases" names
    no election):

    * ``story``: the article's main entities (see ``story_entities``). Claims
      whose stories share no entity are never one fact, and a claim with few
      entities of its own is keyed on its story's.
    * ``published``: the article's ISO date. Reports more than
      ``matching.MAX_DAYS_APART`` days apart are kept apart.
    * ``article_names``: the names the whole article gives, headline and
      sentences without a claim included (see ``article_names``). Two outlets
      rank a story's names differently ("Veltana" first, or the regulator), but
      reports of one story share several of them. The article's exact figures
      follow its names, marked (``article_figures``).
    """

    text: str
    kind: str
    values: list[Value]
    entities: list[str]
    context: str
    story: tuple[str, ...] = ()
    published: str = ""
    article_names: tuple[str, ...] = ()

    @classmethod
    def from_extracted(
        cls,
        claim: ExtractedClaim,
        body: str = "",
        *,
        story: Iterable[str] = (),
        published: date | str | None = None,
        article_names: Iterable[str] = (),
    ) -> ClaimFeatures:
        """Features of an extracted claim; pass ``body`` to use its sentence."""
        sentence = body[claim.sentence_start : claim.sentence_end] if body else ""
        context = context_for(claim.text, sentence)
        return cls(
            text=claim.text,
            kind=str(claim.kind),
            values=[dict(v) for v in claim.values],
            entities=list(claim.entities),
            context=context,
            story=tuple(story),
            published=published.isoformat() if isinstance(published, date) else published or "",
            article_names=tuple(article_names),
        )


def context_for(text: str, sentence: str) -> str:
    """What a claim is matched on: its sentence, or its own text when cut from a long one.

    The rest of a long sentence is usually another fact.
    """
    return sentence if sentence and len(sentence) <= max(2 * len(text), 240) else text


def story_entities(claims: Iterable[ExtractedClaim], n: int = 10) -> tuple[str, ...]:
    """An article's main entities: the ``n`` names most often in its claims.

    Only names count (an entity written with a capital letter or a digit
    somewhere other than the start of a claim: "India", "S-400", "Belousov"),
    not the units and topics the extraction also lists ("phase", "turnout"),
    which every article of a kind shares. Ties go to the entity named first.
    """
    counts: dict[str, int] = {}
    for claim in claims:
        for e in dict.fromkeys(e for e in claim.entities if e.strip()):
            key = _norm_entity(e)
            if _is_specific(key) and _named_in(e, claim.text):
                counts[key] = counts.get(key, 0) + 1
    ranked = sorted(counts, key=lambda e: -counts[e])
    return tuple(ranked[:n])


def article_figures(claims: Iterable[ExtractedClaim], n: int = ARTICLE_FIGURES) -> tuple[str, ...]:
    """The exact figures of three or more significant digits an article's claims give,
    in one spelling whatever the wording ("£742.6m" and "£742.6 million" are
    ``=money:7.426e+08:GBP``), each marked with ``FIGURE_MARK``, first given first.

    Two reports of one story repeat the same uncommon figures from the same release
    even when they name different people: beside one shared name, each shared figure
    places them as a shared name does (``matching._one_story``). A rounded or
    hedged figure ("about 2,600") is left out: reports round differently.
    """
    found: dict[str, None] = {}
    for claim in claims:
        for v in claim.values:
            token = _figure_token(v)
            if token is not None:
                found.setdefault(token)
    return tuple(found)[:n]


def _figure_token(v: Value) -> str | None:
    vtype = v.get("type")
    if vtype not in ("money", "count", "percent", "fraction") or v.get("bound") == "approx":
        return None
    digits = re.sub(r"\D", "", str(v.get("text") or "")).strip("0")
    if len(digits) < FIGURE_DIGITS:
        return None
    try:
        if vtype == "money":
            return f"{FIGURE_MARK}money:{float(v['amount']):.4g}:{v.get('currency') or ''}"
        if vtype == "fraction":
            return f"{FIGURE_MARK}fraction:{int(v['numerator'])}/{int(v['denominator'])}"
        return f"{FIGURE_MARK}{vtype}:{float(v['value']):.4g}"
    except (KeyError, TypeError, ValueError):
        return None


def names_in(article_names: Iterable[str]) -> tuple[str, ...]:
    """The names among a claim's ``article_names``, without the article's exact figures
    (``FIGURE_MARK``), topic words (``story_words.TOPIC_MARK``) and nouns counted once
    (``ONE_AMOUNT_MARK``) stored beside them."""
    return tuple(
        n for n in article_names if not n.startswith((FIGURE_MARK, TOPIC_MARK, ONE_AMOUNT_MARK))
    )


def article_placing(body: str, title: str, claims: Iterable[ExtractedClaim]) -> tuple[str, ...]:
    """What places an article's claims in their story, as each claim stores it
    (``ClaimFeatures.article_names``): the article's names (``article_names``), its exact
    figures (``article_figures``), its topic words (``story_words.article_topic``) and the
    nouns it counts with one amount (``counted_once``)."""
    claims = list(claims)
    return (
        article_names(body, title)
        + article_figures(claims)
        + article_topic(body, title)
        + counted_once(v for claim in claims for v in claim.values)
    )


def counted_once(values: Iterable[Value]) -> tuple[str, ...]:
    """The nouns an article counts with one amount, however often it repeats it, each
    marked with ``ONE_AMOUNT_MARK``: "#home" when it says "about 300 homes" twice and
    counts no other homes.

    An article that gives one count of firefighters and another that gives one count of
    firefighters in the same story give two counts of the same firefighters, whatever
    the words around them (``matching``'s "same_measure"); an article that counts them
    twice ("35 at first, 50 by noon") says which of its counts is which only in words.

    >>> counted_once([{"type": "count", "value": 300.0, "unit": "homes"},
    ...               {"type": "count", "value": 300.0, "unit": "home"},
    ...               {"type": "count", "value": 4.0, "unit": "engines"},
    ...               {"type": "count", "value": 6.0, "unit": "engine"}])
    ('#home',)
    """
    amounts: dict[str, set[float]] = {}
    for v in values:
        if v.get("type") != "count" or not v.get("unit"):
            continue
        try:
            amount = float(v["value"])
        except (KeyError, TypeError, ValueError):
            continue
        amounts.setdefault(_count_unit(v), set()).add(amount)
    return tuple(
        f"{ONE_AMOUNT_MARK}{unit}" for unit, found in amounts.items() if unit and len(found) == 1
    )


def article_names(body: str, title: str = "", n: int = ARTICLE_NAMES) -> tuple[str, ...]:
    """The ``n`` specific names an article gives in most of its sentences, its headline
    counted as one: what places its claims in a story beside the top names of its claims
    (``story_entities``), which differ more between outlets.

    >>> article_names("The DPC fined Veltana. It said Veltana erred in Dublin.", "Fine for Veltana")
    ('veltana', 'dpc', 'dublin')
    """
    counts: dict[str, int] = {}
    texts = [(title, False)] if title else []
    texts += [(s.text, True) for s in split_sentences(body)]
    for text, sentence in texts:
        # Names only: no values are read, which costs most of finding entities.
        for e in dict.fromkeys(find_entities(text, values=[])):
            key = _norm_entity(e)
            if not _named_in(e, text, at_start=sentence):
                continue
            if not _is_specific(key):
                # "Marston Police Department" is generic by its head, but the name
                # before the head places the article: "marston".
                key = _qualifier(key)
            if key:
                counts[key] = counts.get(key, 0) + 1
    ranked = sorted(counts, key=lambda e: -counts[e])
    return tuple(ranked[:n])


_PLACE_KINDS = frozenset(("county", "city", "district", "borough", "province", "region"))


def _qualifier(entity: str) -> str:
    """The specific name before an entity's generic head words, or "".

    >>> _qualifier("marston police department")
    'marston'
    >>> _qualifier("harlow city council")
    'harlow'
    """
    words = entity.split()
    while len(words) > 1 and not _is_specific(" ".join(words)):
        words.pop()
    # The kind of place before the institution goes too: the county council of
    # Wendleshire is named "wendleshire" where reports say "Wendleshire" alone.
    while len(words) > 1 and words[-1] in _PLACE_KINDS:
        words.pop()
    name = " ".join(words)
    return name if name != entity and _is_specific(name) else ""


class PerClaim[T]:
    """What is derived from a claim's features, kept for the most recent claims.

    One new claim is matched against many stored ones, so what ``match`` derives from a
    claim is derived once per features object. Keyed by ``id()`` with the object kept
    alive beside its entry, so an id is never reused while the entry exists; emptied
    when ``size`` claims are kept.

    >>> lengths = PerClaim(lambda f: len(f.text), size=2)
    """

    def __init__(self, derive: Callable[[ClaimFeatures], T], *, size: int) -> None:
        self.derive = derive
        self.size = size
        self.kept: dict[int, tuple[ClaimFeatures, T]] = {}

    def __call__(self, f: ClaimFeatures) -> T:
        hit = self.kept.get(id(f))
        if hit is not None and hit[0] is f:
            return hit[1]
        if len(self.kept) >= self.size:
            self.kept.clear()
        derived = self.derive(f)
        self.kept[id(f)] = (f, derived)
        return derived
