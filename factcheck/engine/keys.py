"""Candidate keys for the inverted index that finds which stored claims a new one may match.

The store keeps ``(key, fact_id)`` rows; a new claim fetches the facts that
share one of its keys (capped per key), so the work per claim stays flat as the
corpus grows. Keys say *what* a claim is about, never the number it gives, so
that two reports that disagree still meet and the dispute is seen.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from factcheck.engine.counted_nouns import senses_of
from factcheck.engine.features import names_in
from factcheck.engine.names import _is_specific, _norm_entity, _top_entities
from factcheck.engine.units import measure_of
from factcheck.engine.values import (
    LARGE_COUNT,
    _amount,
    _count_unit,
    _int,
    is_specific_figure,
    share,
)
from factcheck.engine.wording import _TIME_TYPES, _masked_tokens, _quotes, _stem, _wordset

if TYPE_CHECKING:
    from factcheck.engine.features import ClaimFeatures
    from factcheck.engine.types import Value

__all__ = ["index_keys"]

# How many of its article's main names a claim with a figure is keyed on.
ARTICLE_KEY_NAMES = 4


def _value_anchor_words(
    f: ClaimFeatures, v: Value, width: int = 3, side: str = "both"
) -> list[str]:
    """Content words next to a value in the context ("trade" in "trade of $X")."""
    vt = v.get("text") or ""
    at = f.context.find(vt) if vt else -1
    if at < 0:
        return []
    before = _masked_tokens(f.context[:at], [])[-width:] if side != "after" else []
    after = _masked_tokens(f.context[at + len(vt) :], [])[:width]
    return [w for w in before + after if w != "#" and len(w) > 2]


# Bodies and events an ordinal counts: "the 22nd session", "the 23rd summit".
_BODIES = _wordset(
    """
    session meeting summit commission conference congress council round forum dialogue
    edition anniversary plenum assembly election parliament lok sabha games championship
    festival group committee
    """
)


# Nouns that name what an amount measures. A money or percent value is keyed
# on the first of these near it, so "trade of $68.7B" and "trade of $65.7B"
# share "money:trade" whatever the numbers.
_MEASURE_WORDS = {
    # What is spent: a budget, its outlay, an allocation.
    "budget": "spending",
    "spend": "spending",
    "spending": "spending",
    "expenditure": "spending",
    "outlay": "spending",
    "allocation": "spending",
    "revenue": "revenue",
    "sale": "revenue",
    "turnover": "revenue",
    "profit": "profit",
    "earning": "profit",
    "income": "profit",
    "loss": "loss",
    "death": "death",
    "dead": "death",
    "killed": "death",
    "toll": "death",
    "casualty": "death",
    "fatality": "death",
    "aid": "aid",
    "relief": "aid",
    "assistance": "aid",
    "package": "aid",
    "deficit": "deficit",
    "shortfall": "deficit",
    "surplus": "surplus",
    "deal": "deal",
    "contract": "deal",
    "order": "deal",
    "fund": "fund",
    "funding": "fund",
    "price": "price",
    "cost": "price",
}
_MEASURES = frozenset(_MEASURE_WORDS) | _wordset(
    """
    trade export import investment loan debt subsidy tariff gdp growth inflation turnout
    share stake valuation fine bill reserve output production capacity unemployment rate
    vote seat
    """
)


# Nouns that name an event a date belongs to.
_EVENTS = _wordset(
    """
    visit summit meeting session talk election vote poll launch inauguration ceremony
    conference hearing trial verdict ruling deadline strike earthquake flood storm cyclone
    attack crash fire tour trip signing opening closing release result
    """
)


def _measure(f: ClaimFeatures, v: Value) -> str:
    """What an amount measures, in one word per idea ("outlay" is "spending")."""
    near = _value_anchor_words(f, v, width=4)
    for w in near + _masked_tokens(f.context, f.values):
        if w in _MEASURES:
            return _MEASURE_WORDS.get(w, w)
    return ""


def _add_grains(
    keys: set[str], vtype: str, anchor: str, fine: list[str], headline_names: list[str]
) -> None:
    """Three grains: what is measured ("money:trade"), what is measured in which story
    ("money:trade:india-russia"), and any figure of this type in the story
    ("money:belousov"), for reports that name the measure differently ("tabled a budget
    of" / "plans to spend")."""
    if anchor:
        keys.add(f"{vtype}:{anchor}")
        for e in fine[:2]:
            if e != anchor:
                keys.add(f"{vtype}:{anchor}:{e}")
    for e in fine:
        if e != anchor:
            keys.add(f"{vtype}:{e}")
    # The article's own main names: two outlets' claims of one story often name it
    # differently ("the stock" / "Norhaven shares"), their articles do not.
    for e in headline_names:
        keys.add(f"{vtype}:{e}")


def index_keys(f: ClaimFeatures) -> set[str]:
    """Candidate keys: specific enough to be rare, blind to the stated number.

    * Money, counts, fractions, percents and dates may legitimately disagree
      between reports ($68.7B vs $65.7B trade, 3 vs 4 of 5 squadrons, 4-5 vs
      5-6 December), so they are keyed on what is measured, never on the
      amount: "money:trade", "money:trade:india-russia" (with one of the two
      most specific names of the claim or its story) and "money:belousov"
      (any amount in that story, for reports that name the measure
      differently). Synonyms share a measure ("budget", "outlay" and "spend"
      are "spending").
    * A count or fraction of a noun is also keyed on each WordNet sense that
      ``counted_nouns.related`` may find it sharing with another noun
      ("count:~1f"), so "about 230 passengers" meets "around 230 people" and
      "six carriages" meets "6 coaches" even when their stories share no name.
      The ids are the table's: a table rebuilt with other parameters numbers
      them anew, and stored claims need their keys again (a re-import).
    * A fraction with a whole is also keyed as the percentage it gives
      ("percent:turnout"), so "about one in five voters" meets "21% of voters".
    * Ordinals are keyed on their number: "22nd session" and "23rd summit"
      are different facts. "ordinal:22:session", "ordinal:22:commission" (a
      body named after the number) and "ordinal:22:india-russia".
    * Claims without values (quotes, attributions, anonymous sourcing) are
      keyed on pairs of their most specific names, the story's included:
      "pair:modi|putin" is far rarer than "india" alone, which every article
      of a story shares. A quotation is also keyed on its first and last four
      words ("quote:russia-time-tested-special"): it is repeated verbatim.
    * Every key combines a type (or a second name) with what it is about; a
      lone "money" or "india" is never emitted. The broadest keys
      ("money:trade") are the ones the store's per-key cap trims.
    """
    keys: set[str] = set()
    top = _top_entities(f.entities, 3)
    # Claims are also keyed on their article's story: "Voting was held in seven
    # phases" names no election, and a fine key like "count:phase:mexico"
    # meets the reports of this story where "count:phase" meets them all.
    story = [e for e in f.story if _is_specific(_norm_entity(e))][:3]
    story = [_norm_entity(e) for e in story]
    named = [e for e in top if _is_specific(e)]
    fine = list(dict.fromkeys(named[:2] + story + top))[:4]
    primary = [v for v in f.values if v.get("type") not in _TIME_TYPES] or list(f.values)
    headline_names = [e for e in names_in(f.article_names) if _is_specific(e)][:ARTICLE_KEY_NAMES]
    for v in primary:
        vtype = v.get("type", "")
        if vtype == "ordinal":
            n = _int(v.get("value"))
            # "22nd session of the ... Commission" and "22nd ... Commission":
            # the unit and every body named right after the number.
            anchors = {_stem(str(v.get("unit") or "").lower())}
            anchors.update(
                w for w in _value_anchor_words(f, v, width=8, side="after") if w in _BODIES
            )
            anchors.discard("")
            for anchor in sorted(anchors):
                keys.add(f"ordinal:{n}:{anchor}")
            for e in fine:
                if e not in anchors:
                    keys.add(f"ordinal:{n}:{e}")
            continue
        if vtype in ("count", "fraction"):
            anchor = _count_unit(v) or _measure(f, v)
            noun = str(v.get("unit") or "").strip().lower()
            if noun and not measure_of(noun):
                # Nouns that count the same things under other names ("passengers" /
                # "people", "coaches" / "carriages") share a sense: key on each, so
                # that such counts meet even where their stories name nothing alike.
                keys.update(f"{vtype}:~{sense:x}" for sense in senses_of(noun))
            amount = _amount(v)
            if vtype == "count" and amount and amount >= LARGE_COUNT and is_specific_figure(v):
                # A large exact count meets its other wordings ("320,000 daily
                # riders" / "3.2 lakh passengers"): see _same_large_count. Alone too:
                # outlets name the story differently (the operator, the city), and an
                # exact large count is rare enough to be a key on its own.
                keys.add(f"figure:{amount:g}")
                for e in fine[:2]:
                    keys.add(f"figure:{amount:g}:{e}")
        elif vtype in ("money", "percent"):
            anchor = _measure(f, v)
        else:  # dates: what happens then ("visit", "summit") is the anchor
            anchor = next((w for w in _masked_tokens(f.context, f.values) if w in _EVENTS), "")
        grains = [(vtype, anchor)]
        if vtype == "fraction" and share(v) is not None:
            # A part of a whole is also the share it gives, which a percentage of
            # another report may state ("one in five voters" / "21% of voters").
            grains.append(("percent", _measure(f, v)))
        for kind, what in grains:
            _add_grains(keys, kind, what, fine, headline_names)
    # A quotation is repeated word for word by every report of it: its opening
    # and closing words are a key no other statement shares.
    for quote in _quotes(f.context):
        words = [w for w in _masked_tokens(quote, []) if w != "#"]
        if len(words) >= 4:
            keys.add("quote:" + "-".join(words[:4]))
            keys.add("quote:" + "-".join(words[-4:]))
    if not primary:
        # Named entities only: "india|india-russia" would say nothing new.
        top = _top_entities(f.entities, 3, expand=False)
        # The story's two main names join the claim's own, so "Iyer said: ..."
        # in a story about Bangladesh meets "Finance Minister Piyush Iyer ...".
        top = list(dict.fromkeys(top + story[:2]))[:4]
        for i, x in enumerate(top):
            for y in top[i + 1 :]:
                keys.add(f"pair:{min(x, y)}|{max(x, y)}")
        if len(top) == 1:
            # One entity only: pair it with the claim's rarest-looking word.
            words = sorted(
                {w for w in _masked_tokens(f.context, []) if len(w) > 5},
                key=lambda w: (-len(w), w),
            )
            for w in words[:2]:
                keys.add(f"pair:{top[0]}|~{w}")
    return keys
