"""Whether two claims from different articles state the same fact.

``match(a, b)`` decides for one candidate pair, with reasons for editors; the
service that groups claims into facts calls it on the candidates that share a
key (``keys.index_keys``), and ``conflicts.find_conflicts`` then says how two
matched claims disagree. ``measured`` reads one claim the way ``match`` does.

Everything is pure Python on plain data (``features.ClaimFeatures``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache
from typing import TYPE_CHECKING

from rapidfuzz import fuzz

from factcheck.engine.conflicts import (
    _conflicting,
    _minutes,
    comparable,
    same_currency,
    same_slot,
)
from factcheck.engine.describe import describe_value
from factcheck.engine.features import (
    FIGURE_MARK,
    ONE_AMOUNT_MARK,
    ClaimFeatures,
    PerClaim,
    names_in,
)
from factcheck.engine.names import (
    _entity_set,
    _is_specific,
    _named_in,
    _norm_entity,
    _specificity,
)
from factcheck.engine.quantities.counts import PERIOD_NOUNS
from factcheck.engine.same_fact import SOFT_VETOES, load_model
from factcheck.engine.story_words import topic_similarity, topic_weights
from factcheck.engine.subjects import (
    _content_stems,
    _subject_stem,
    _time_words,
    dated_clause,
    subject_phrase,
    subject_words,
)
from factcheck.engine.units import measure_of
from factcheck.engine.values import (
    MOMENT_BOUNDS,
    _amount,
    _count_unit,
    _date_range,
    _int,
    _same_amount,
    _same_large_count,
    is_specific_figure,
    related_units,
)
from factcheck.engine.wording import (
    _TIME_TYPES,
    _masked_tokens,
    _plain,
    _quotes,
)

if TYPE_CHECKING:
    from factcheck.engine.types import Value

__all__ = [
    "MAX_DAYS_APART",
    "Match",
    "Measured",
    "could_match",
    "too_far_apart",
    "match",
    "measured",
]

# Score needed for "same fact" once no veto applies. Tuned on the seed
# articles: paraphrases of one fact score 0.62-0.9, different facts about the
# same event 0.3-0.5.
SAME_FACT = 0.58

# Share of names two stories must have in common (overlap coefficient), or two
# claims (Jaccard), before their claims can be one fact: the two countries and
# the ministers of a summit, not just the home country and its minister that
# many stories name. The seed articles (one story) overlap 0.67-0.83.
MIN_STORY_OVERLAP = 0.5
# Reports of one event mostly appear within a week. Further apart, two claims
# need stories that agree more closely still.
CLOSE_DAYS = 7
STORY_NAMES_SHARED = 2
# Names two articles (``ClaimFeatures.article_names``) share that place their claims of
# the same week in one story: on the 16 development clusters and the seeds, 226 of 262
# pairs of one story's articles share three or more, 2 of 4,991 pairs of two stories do.
# Beside one shared name, an exact figure of three significant digits both give counts
# as a name (``features.article_figures``): over the 24 clusters and the seeds, 31 more
# pairs of one story's articles reach three, no pair of two stories does.
ARTICLE_NAMES_SHARED = 3
MIN_STORY_OVERLAP_LATER = 0.75
# Beyond a week, articles sharing five names are still one story: over the 23 clusters
# and the seeds, 186 of 409 pairs of one story's articles share five or more, none of
# 11,067 pairs of two stories does (the most they share is four: "us", "securities").
ARTICLE_NAMES_SHARED_LATER = 5
# Beside one shared name, articles of the same week whose topics (``story_words``: the
# cosine of their strongest words other than names, weighted against a reference corpus)
# reach this are one story: a union's bulletin and a wire share "nurses", "ballot" and
# "picket", not their names. Reports of two events of one kind in one place share their
# kind's words too: two fires in one city in one week (clusters ab and ac) reach 0.26,
# and the generated corpus's events of one kind, written from one set of phrases, reach
# 0.2 (3 of its 4,231 pairs of two events of one week sharing one or two names). At 0.07
# (twice the 0.036 that two stories sharing a name reach over the other 27 clusters),
# facts joining two events rose from 15 to 36 on 1,000 generated articles; at 0.2 they
# stay at 16, and 17 of the 46 pairs of one story's articles the names left apart are
# placed.
SAME_TOPIC = 0.2
# Two shared names anchor a story better than one, so less of the topic must agree: a
# trade brief in codes and a union bulletin name two of the wire's names and share a third
# to a fifth of its topic. Over the 29 clusters' articles, pairs of one story placed by
# their articles rise from 469 to 478 of 508; pairs of two stories that would be placed if
# they ran the same week, from 33 to 36 of 16,697 (two fires in one town among them). On
# 1,000 generated articles, facts joining two events went from 16 to 17.
SAME_TOPIC_TWO_NAMES = 0.12
# Reports of one fact cluster in time; two claims published further apart are
# treated as two facts (a figure restated months later is a new report).
MAX_DAYS_APART = 45
# A misreported figure is usually near the right one (a digit, a rounding, last
# year's number). Figures further apart than this factor, stated in different
# words, measure different things ("$586 billion in all", "$52.7 billion for
# defence"); worded all but the same, they are still one disputed fact.
FAR_APART_FACTOR = 3.0
FAR_APART_SAME_WORDING = 0.85
# Wording needed beside one exact, uncommon figure when the words around the
# two figures share nothing ("24.6-km corridor" / "24.6-kilometre line").
SAME_FIGURE_WORDING = 0.3
_AMOUNT_TYPES = ("money", "count", "percent", "fraction")
# Wording two claims cut from sentences must share in their own clauses (as ``match``
# compares sentences: numbers masked) when their figures do not agree: the sentence's
# wording alone joins its other clauses' facts. The bar a sentence must pass.
CLAUSE_WORDING = 0.5
# _specificity of a name with a digit in it: a product or programme code ("s-400").
CODE_SPECIFICITY = 3.0


@dataclass(frozen=True, slots=True)
class Match:
    """The decision on one pair of claims.

    ``rule`` names what made them one fact ("similar_wording", "same_figure"),
    ``veto`` what kept them apart ("different_subjects", "different_stories");
    both are empty when nothing applied. ``agrees`` says whether their figures
    agree (None when they share no comparable figure): among candidates that
    match, one that agrees is the better home for a claim than one it disputes.
    ``reasons`` say the same in words for editors. ``evidence`` holds the
    measurements the learned model weighs (``same_fact.EVIDENCE``), so training
    reads exactly what deciding reads (empty when a rule decided the pair and
    ``match`` was not asked for them with ``learned=False``).
    """

    score: float
    same_fact: bool
    reasons: list[str]
    rule: str = ""
    veto: str = ""
    agrees: bool | None = None
    evidence: dict[str, float] = field(default_factory=dict)
    # Every rule that kept them apart (``veto`` is the first of them).
    vetoes: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class _Veto:
    """Why two claims are kept apart: a rule name, and the reason in words."""

    rule: str
    message: str

    def __bool__(self) -> bool:
        return bool(self.rule)


NO_VETO = _Veto("", "")


def _also(veto: _Veto, fired: set[str], found: _Veto) -> _Veto:
    """Record ``found`` among the rules that fired; the first veto stays the one named."""
    fired.add(found.rule)
    return veto or found


# ---------------------------------------------------------------------- match

# Words that change what an amount is: a deficit is not the trade total, a
# target is not an outcome, exports are not imports.
_QUALIFIERS = {
    "deficit": "balance",
    "surplus": "balance",
    "shortfall": "balance",
    "gap": "balance",
    "export": "export",
    "exports": "export",
    "import": "import",
    "imports": "import",
    "target": "target",
    "goal": "target",
    "aim": "target",
    "ambition": "target",
    "ambitious": "target",
    "forecast": "target",
    "projected": "target",
    "projection": "target",
    "estimate": "target",
    "plan": "target",
    "planned": "target",
}

_KIND_GROUPS = {
    "quote": "speech",
    "attribution": "speech",
    "anonymous": "speech",
    "quantity": "figure",
    "comparison": "figure",
    "date": "figure",
}


# A statement telling at least this share of a quotation's content words (stemmed:
# "deny"/"denied") and at least PARAPHRASE_WORDS of them reports that quotation.
PARAPHRASE_SHARE = 0.4
PARAPHRASE_WORDS = 4


def _paraphrase_share(quote: str, statement: str) -> float:
    """Share of the smaller of the two content-word sets found in the other."""
    q = _content_stems(quote, set())
    s = _content_stems(statement, set())
    shared = len(q & s)
    if shared < PARAPHRASE_WORDS:
        return 0.0
    return shared / min(len(q), len(s))


def _quote_similarity(x: str, y: str) -> float:
    x, y = _plain(x), _plain(y)
    return (fuzz.token_set_ratio(x, y) + fuzz.token_sort_ratio(x, y)) / 200


# Where a clause ends: what a qualifier says beyond it is said of something else
# ("Officials had planned a parade, but 14 buses ran": the 14 is no plan). Within
# the clause, only the words next to the figure qualify it: "a £38m funding gap" is a
# balance, "the £742m budget closes a funding gap" is not (a window of 6 words read
# the gap into the budget; 3 kept 4 more right pairs on the fresh clusters q-t and
# cost 4 on the development ones, with 4 fewer wrong pairs there).
QUALIFIER_WINDOW = 3
_CLAUSE_BREAK_RE = re.compile(r"[;,()]|\s(?:and|but|while|whereas|although|though)\s", re.I)


def _qualifiers(f: ClaimFeatures, v: Value) -> set[str]:
    """What kind of figure ``v`` is (a target, a balance, exports...), read from the
    words next to it in its own clause, never from anywhere in the sentence."""
    vt = v.get("text") or ""
    at = f.context.find(vt) if vt else -1
    if at < 0:
        words = re.findall(r"[a-z]+", f.context.lower())
        window = words
    else:
        breaks = [m for m in _CLAUSE_BREAK_RE.finditer(f.context)]
        start = max((m.end() for m in breaks if m.end() <= at), default=0)
        end = min((m.start() for m in breaks if m.start() >= at + len(vt)), default=len(f.context))
        before = re.findall(r"[a-z0-9]+", f.context[start:at].lower())[-QUALIFIER_WINDOW:]
        clause_after = re.findall(r"[a-z0-9]+", f.context[at + len(vt) : end].lower())
        window = before + clause_after[:QUALIFIER_WINDOW]
        # "$100 billion by 2030", "320,000 riders a day by 2031": a future year after
        # "by" in the figure's clause marks a target.
        for i, w in enumerate(clause_after[:-1]):
            if w == "by" and clause_after[i + 1].isdigit() and len(clause_after[i + 1]) == 4:
                window = [*window, "target"]
    return {_QUALIFIERS[w] for w in window if w in _QUALIFIERS}


def _periods_overlap(a: list[Value], b: list[Value]) -> bool | None:
    """Do the claims' time anchors overlap? ``None`` when either has none."""
    ra = [r for r in map(_date_range, a) if r]
    rb = [r for r in map(_date_range, b) if r]
    if not ra or not rb:
        return None
    return any(x0 <= y1 and y0 <= x1 for x0, x1 in ra for y0, y1 in rb)


# Share of the smaller clause's content words that two round hours must both date.
MOMENT_SUBJECT_SHARE = 0.5


def _clock_times(p: _Prepared) -> list[Value]:
    return [v for v in p.times if v.get("type") == "time"]


def _same_moment(pa: _Prepared, pb: _Prepared) -> bool:
    """Two dates-only claims giving one time of day, on days that may be one, for
    something both clauses name: "failed at about 2.40am on Monday" / "the main
    failed at 02:40". Times that are bounds ("by 7:25 a.m.") are not moments.

    A time to the minute ("7:42") is as telling as an exact figure: one word both
    clauses share will do, as for ``same_figure``. A round hour ("at 2 p.m.") is
    when many things happen, so half the smaller clause's words must be shared.
    """
    ca = [v for v in _clock_times(pa) if v.get("bound") in MOMENT_BOUNDS]
    cb = [v for v in _clock_times(pb) if v.get("bound") in MOMENT_BOUNDS]
    sa, sb = pa.time_subject, pb.time_subject
    if not (ca and cb and sa and sb) or _periods_overlap(pa.times, pb.times) is False:
        return False
    agreeing = [(x, y) for x in ca for y in cb if not _conflicting(x, y)]
    if not agreeing:
        return False
    shared = len(sa & sb)
    if any(_to_the_minute(x) and _to_the_minute(y) for x, y in agreeing):
        return shared >= 1
    return shared >= MOMENT_SUBJECT_SHARE * min(len(sa), len(sb))


def _to_the_minute(v: Value) -> bool:
    minutes = _minutes(v)
    return minutes is not None and minutes % 60 != 0


# Vetoes that all but identical wording outweighs: every veto that fired must be one.
_OVERRIDABLE = frozenset(("different_ordinals", "one_figure"))


# Units that name the same thing in different reports.
_UNIT_SYNONYMS = {
    "session": "meeting",
    "sitting": "meeting",
    "round": "meeting",
    "edition": "meeting",
    "agreement": "agreement",
    "pact": "agreement",
    "accord": "agreement",
    "deal": "agreement",
    # Not "mou": a memorandum between firms is not a treaty between states.
    "document": "agreement",
    "fatality": "death",
    "dead": "death",
    "people": "person",
}


def _unit(v: Value) -> str:
    unit = _count_unit(v)
    return _UNIT_SYNONYMS.get(unit, unit)


def _units_compatible(a: Value, b: Value, pa: _Prepared, pb: _Prepared) -> bool:
    """Same unit (or synonyms), counted nouns that can count the same things
    ("passengers" / "people", "coaches" / "carriages": ``values.related_units``), or
    one unit named in the other claim with a number near its own: "the 22nd session
    of the ... Commission" against "the 22nd ... Commission".

    Money in two currencies is not compared (no exchange rate is assumed), and
    a unit of measure meets only the same measure: "seven years ... passenger
    services" does not count passengers.
    """
    if a.get("type") == "money" and not same_currency(a, b):
        return False
    ua, ub = _unit(a), _unit(b)
    if ua == ub or not ua or not ub:
        return True
    if measure_of(str(a.get("unit") or "")) or measure_of(str(b.get("unit") or "")):
        return False
    if related_units(a, b):
        return True
    if not (ua in pb.words or ub in pa.words):
        return False
    # A noun of one claim found among the other's words may name the same thing
    # ("the 22nd session" / "the 22nd Commission", "nine deaths" / "seven people
    # killed"), but only with numbers near enough to be one measure misreported or
    # updated: "300 people pulled from flooded homes" does not count the "3,400
    # homes damaged" its sentence merely mentions.
    xa, xb = _amount(a), _amount(b)
    return xa is None or xb is None or max(xa, xb) / min(xa, xb) <= FAR_APART_FACTOR


def _value_fit(pa: _Prepared, pb: _Prepared, reasons: list[str]) -> tuple[float, _Veto]:
    """How well the values line up: (score, veto or NO_VETO)."""
    if not pa.primary and not pb.primary:
        if pa.times and pb.times:
            reasons.append("both give a date")
            return 1.0, NO_VETO
        if pa.times or pb.times:
            return 0.3, NO_VETO
        return 0.5, NO_VETO
    if not pa.primary or not pb.primary:
        # A figure and a statement without one ("paying $4.7B for the XA-75"
        # against "the XA-75 order is back in focus") are two facts, unless the
        # wording is all but the same and one side's number went unread.
        return 0.2, _Veto("one_figure", "only one of them gives a figure")
    best = 0.0
    veto = NO_VETO
    for a, qa in zip(pa.primary, pa.qualifiers, strict=True):
        for b, qb in zip(pb.primary, pb.qualifiers, strict=True):
            pair = comparable(a, b)
            if pair is None:
                continue
            va, vb = pair
            ta = va.get("type")
            if not _units_compatible(va, vb, pa, pb):
                best = max(best, 0.3)
                continue
            if ta == "ordinal" and _int(va.get("value")) != _int(vb.get("value")):
                veto = veto or _Veto(
                    "different_ordinals",
                    f"different ordinals ({describe_value(va)} vs {describe_value(vb)})",
                )
                best = max(best, 0.5)
                continue
            if qa != qb:
                what = ", ".join(sorted(qa ^ qb))
                veto = veto or _Veto(
                    "different_qualifiers", f"one figure is a {what} and the other is not"
                )
                continue
            best = 1.0
    if best == 1.0:
        reasons.append("values of the same kind and unit")
        return 1.0, NO_VETO
    if veto:
        return best, veto
    return best, NO_VETO if best else _Veto("different_kinds", "no values of the same kind")


def _same_whole(pa: _Prepared, pb: _Prepared) -> bool:
    """Both give a fraction of the same whole: "x of 5 squadrons"."""
    return any(
        va.get("type") == vb.get("type") == "fraction"
        and va.get("denominator") == vb.get("denominator")
        and same_slot(va, vb)
        for va in pa.primary
        for vb in pb.primary
    )


def _far_apart(pa: _Prepared, pb: _Prepared) -> str:
    """Why the claims' comparable amounts are too far apart to be one measure, or ""."""
    far = ""
    for va in pa.primary:
        for vb in pb.primary:
            if va.get("type") not in _AMOUNT_TYPES:
                continue
            if not same_slot(va, vb):
                continue
            if va.get("type") == "fraction":
                xa, xb = _parts_of_other_wholes(va, vb)
            else:
                xa, xb = _amount(va), _amount(vb)
            if xa is None or xb is None:
                continue
            if max(xa, xb) / min(xa, xb) <= FAR_APART_FACTOR:
                return ""
            far = far or f"figures far apart ({describe_value(va)} vs {describe_value(vb)})"
    return far


def _parts_of_other_wholes(a: Value, b: Value) -> tuple[float | None, float | None]:
    """The shares two fractions give when they count parts of different wholes
    ("9 of 14 samples" / "19 of 118 samples"); (None, None) for one whole, where
    any two parts are a dispute ("8 of 14" / "9 of 14")."""
    da, db = _int(a.get("denominator")), _int(b.get("denominator"))
    na, nb = _int(a.get("numerator")), _int(b.get("numerator"))
    if not da or not db or da == db or not na or not nb:
        return None, None
    return na / da, nb / db


def _days_apart(pa: _Placing | _Prepared, pb: _Placing | _Prepared) -> int:
    if pa.published and pb.published:
        return abs((pa.published - pb.published).days)
    return 0


def _tense(p: _Prepared) -> str:
    """ "past" when all a claim's dates end before its report, "future" when all
    begin after it, else "" (no dates, no report date, or dates around it)."""
    ranges = [r for r in map(_date_range, p.times) if r]
    if not ranges or p.published is None:
        return ""
    if all(end < p.published for _, end in ranges):
        return "past"
    if all(start > p.published for start, _ in ranges):
        return "future"
    return ""


def _story_overlap(pa: _Placing, pb: _Placing) -> float:
    """Overlap coefficient of two stories' names: a short story list inside a long one
    is a match. One shared name is a coincidence (two chief executives called Costa)
    unless a story has only one."""
    shared = len(pa.story & pb.story)
    smaller = min(len(pa.story), len(pb.story))
    return shared / smaller if shared >= min(2, smaller) else 0.0


def _topic_placed(names: int, pa: _Placing, pb: _Placing) -> bool:
    """Whether articles of one week sharing ``names`` names (fewer than would place them
    alone) have topics close enough to be one story: the more names they share, the less
    of their topic must agree."""
    if not names:
        return False
    needed = SAME_TOPIC if names == 1 else SAME_TOPIC_TWO_NAMES
    return topic_similarity(pa.topic, pb.topic) >= needed


def _one_story(pa: _Placing, pb: _Placing, story: float, text: float) -> bool:
    """Whether two claims of articles that both have a story are placed in one story.

    ``story`` is ``_story_overlap``, ``text`` the wording's likeness (0-1): a larger
    ``text`` never places them apart, so 1.0 asks whether any wording could place them.
    """
    if _days_apart(pa, pb) <= CLOSE_DAYS:
        # Names either claim or its story gives: one outlet's story is "Dunmore,
        # Harrow River", another's "Pelican Sound, North Carolina", and the claims
        # themselves both name the hurricane and the state.
        shared_names = len((pa.story | pa.names) & (pb.story | pb.names))
        # A claim that names nothing specific ("The commission met on June
        # 25") can only be placed by its story: without shared names, either
        # in the claims or in their stories, two claims are two facts.
        own_a, own_b = pa.names, pb.names
        own = len(own_a & own_b) / len(own_a | own_b) if own_a and own_b else 0.0
        # Two outlets pick different main names for one story (a markets
        # paper names the stock exchange, a wire the regulator): in the
        # same week, two shared names place the claims in one story.
        # Outlets rank one story's names differently, but their articles share several:
        # "Veltana" and "Kilbane" in the wire, "DPC" and "GDPR" in the trade paper.
        article = len(pa.article & pb.article)
        if article:
            # A trade paper names few of a story's people; the exact figures it
            # repeats from the same release place it as well as names do.
            article += len(pa.figures & pb.figures)
        return (
            max(story, own) >= MIN_STORY_OVERLAP
            or shared_names >= STORY_NAMES_SHARED
            or article >= ARTICLE_NAMES_SHARED
            # What the articles are about, with a name to anchor it: two strikes of one
            # week share their kind's words but not their names.
            or _topic_placed(len(pa.article & pb.article), pa, pb)
        )
    # Further apart in time, only the stories themselves can vouch: a name
    # both claims share (a weapon system, a minister) recurs across stories.
    # The same officials answer for the next flood too: weeks apart,
    # the claims must also say nearly the same thing.
    if len(pa.article & pb.article) >= ARTICLE_NAMES_SHARED_LATER:
        return True
    return story >= MIN_STORY_OVERLAP_LATER and text >= 0.75


@dataclass(frozen=True, slots=True)
class Measured:
    """A claim read as a measured subject with a value, and attributes beside it."""

    subject: str
    value: Value | None
    time_reference: list[str]
    attributes: list[str]


_BOUND_ATTRIBUTES = {
    "approx": "approximate",
    "min": "at least",
    "max": "at most",
    "range": "a range",
}


def measured(f: ClaimFeatures) -> Measured:
    """What a claim measures, the figure, the time it refers to and its attributes.

    >>> text = "about 320,000 riders a day by 2031"
    >>> m = measured(ClaimFeatures(text, "quantity", [
    ...     {"type": "count", "value": 320000, "unit": "rider", "bound": "approx",
    ...      "text": "about 320,000 riders"},
    ...     {"type": "date", "precision": "year", "bound": "max", "text": "by 2031"}], [], text))
    >>> (m.value["value"], m.time_reference, m.attributes)
    (320000, ['by 2031'], ['approximate', 'target'])
    """
    prepared = _prepare(f)
    story = {w for e in f.story for w in re.split(r"[\s-]+", _norm_entity(e))}
    value = prepared.primary[0] if prepared.primary else None
    attributes: list[str] = []
    if value is not None:
        bound = _BOUND_ATTRIBUTES.get(str(value.get("bound") or ""))
        if bound:
            attributes.append(bound)
        attributes.extend(sorted(prepared.qualifiers[0]))
    if prepared.quotes or f.kind == "quote":
        attributes.append("quotation")
    return Measured(
        subject=subject_phrase(f.text, value, story) if value is not None else "",
        value=value,
        time_reference=[str(t.get("text") or t.get("label") or "") for t in prepared.times],
        attributes=attributes,
    )


@dataclass(frozen=True, slots=True)
class _Figures:
    """The best-aligned pair of comparable figures of two claims."""

    agree: bool
    specific: bool
    # Share of the smaller subject found in the other; None when either is empty.
    subject: float | None
    # The noun both figures count, when it is one and names something specific.
    counted: str = ""


def _figures(pa: _Prepared, pb: _Prepared) -> _Figures | None:
    """Compare the claims' figures of the same kind, unit and qualifiers.

    Pairs that agree are preferred to pairs that conflict, then pairs whose
    subjects overlap most: a claim is about the figure it shares, if any.
    """
    best: tuple[tuple[bool, bool, float], _Figures] | None = None
    for a, qa, sa in zip(pa.primary, pa.qualifiers, pa.subjects, strict=True):
        for b, qb, sb in zip(pb.primary, pb.qualifiers, pb.subjects, strict=True):
            pair = comparable(a, b)
            if pair is None or pair[0].get("type") == "ordinal" or qa != qb:
                continue
            va, vb = pair
            one_slot = same_slot(va, vb)
            if (
                not one_slot
                and not _units_compatible(va, vb, pa, pb)
                and not _same_large_count(va, vb)
            ):
                continue
            if not one_slot:
                # A subject leaves out its own unit, which the other claim may give as a
                # subject word: "injuring 64 [people]" and "71 injured" both count the
                # injured.
                sa, sb = sa | _unit_stem(va), sb | _unit_stem(vb)
            agree = not _conflicting(va, vb)
            subject = len(sa & sb) / min(len(sa), len(sb)) if sa and sb else None
            # "about 2.4 lakh" and "some 240,000" are one figure; "about 25 km"
            # merely covers 24.6 km.
            # A share worked out from a part of a whole may meet a percentage by chance
            # ("11 of the 18 stations" / "60 per cent of the cost"): never one figure.
            equal = a.get("type") == b.get("type") and _same_amount(va, vb)
            found = _Figures(
                agree=agree,
                specific=equal and (is_specific_figure(va) or is_specific_figure(vb)),
                subject=subject,
                counted=_counted_noun(va, vb),
            )
            rank = (agree, found.specific, subject or 0.0)
            if best is None or rank > best[0]:
                best = (rank, found)
    return best[1] if best else None


def _counted_noun(a: Value, b: Value) -> str:
    """The noun two counts both count ("firefighter"), when it says what they measure.

    A ceiling ("up to 120 further posts") is what could be, not what was counted."""
    unit = _unit(a)
    if (
        a.get("type") != "count"
        or b.get("type") != "count"
        or "max" in (a.get("bound"), b.get("bound"))
        or not unit
        or unit != _unit(b)
        or unit in _NOT_ONE_MEASURE
        or measure_of(str(a.get("unit") or ""))
        or measure_of(str(b.get("unit") or ""))
    ):
        return ""
    return unit


# Nouns whose count says nothing of which fact it is: people are counted for every
# fact of a story, ages belong to people, periods and times to any event.
_NOT_ONE_MEASURE = frozenset(("person", "age", "time", "one", "other")) | PERIOD_NOUNS


def _unit_stem(v: Value) -> frozenset[str]:
    unit = str(v.get("unit") or "").lower()
    return frozenset((_subject_stem(unit),)) if unit and not measure_of(unit) else frozenset()


@lru_cache(maxsize=4096)
def _story_names(story: tuple[str, ...]) -> frozenset[str]:
    """The specific names of an article's story (its claims all carry the same story)."""
    return frozenset(e for e in _entity_set(list(story), synthesise=False) if _is_specific(e))


@lru_cache(maxsize=4096)
def _topic(article_names: tuple[str, ...]) -> dict[str, float]:
    """The topic words of an article (its claims all carry the same ``article_names``)."""
    return topic_weights(article_names)


class _Placing:
    """What places a claim in its story, computed once per claim: the story's
    names, the claim's own names, its date, and whether it gives a figure (an
    ordinal one). Cheap beside ``_Prepared``, which reads the wording; the
    claim's own names are read from its sentence only when asked for, since
    the date alone tells most candidates apart."""

    __slots__ = (
        "_names",
        "article",
        "features",
        "figured",
        "figures",
        "once",
        "ordinal",
        "published",
        "story",
        "topic",
    )

    def __init__(self, f: ClaimFeatures) -> None:
        self.features = f
        self.story = _story_names(tuple(f.story))
        self.article = _story_names(names_in(f.article_names))
        self.figures = frozenset(n for n in f.article_names if n.startswith(FIGURE_MARK))
        self.once = frozenset(
            _UNIT_SYNONYMS.get(n[1:], n[1:])
            for n in f.article_names
            if n.startswith(ONE_AMOUNT_MARK)
        )
        self.topic = _topic(tuple(f.article_names))
        try:
            self.published: date | None = date.fromisoformat(f.published[:10])
        except ValueError:
            self.published = None
        primary = [v for v in f.values if v.get("type") not in _TIME_TYPES]
        self.figured = bool(primary)
        self.ordinal = any(v.get("type") == "ordinal" for v in primary)
        self._names: set[str] | None = None

    @property
    def names(self) -> set[str]:
        """Names proper: written with a capital or a digit in the claim, and
        specific ("Belousov", "S-400", "Poland"; not "phase" or "protocol")."""
        if self._names is None:
            f = self.features
            context = f.context or f.text
            self._names = {
                _norm_entity(e)
                for e in f.entities
                if _named_in(e, context) and _is_specific(_norm_entity(e))
            }
        return self._names


class _Prepared:
    """What ``match`` derives from one claim, computed once per claim."""

    __slots__ = (
        "entities",
        "kind",
        "masked",
        "named",
        "placing",
        "primary",
        "published",
        "qualifiers",
        "quotes",
        "story",
        "subjects",
        "time_subject",
        "times",
        "words",
    )

    def __init__(self, f: ClaimFeatures) -> None:
        context = f.context or f.text
        self.kind = f.kind
        self.entities = _entity_set(f.entities)
        self.placing = _placing(f)
        self.story = self.placing.story
        self.published = self.placing.published
        self.named = _entity_set(f.entities, synthesise=False)
        self.masked = " ".join(_masked_tokens(context, f.values))
        self.words = {_UNIT_SYNONYMS.get(w, w) for w in _masked_tokens(context, [])}
        self.quotes = _quotes(context)
        self.primary = [v for v in f.values if v.get("type") not in _TIME_TYPES]
        self.times = [v for v in f.values if v.get("type") in _TIME_TYPES]
        self.qualifiers = [_qualifiers(f, v) for v in self.primary]
        story_words = {w for e in f.story for w in re.split(r"[\s-]+", _norm_entity(e))}
        self.subjects = [subject_words(f.text, v, story_words) for v in self.primary]
        # What a claim's dates date: the content words of the claim itself, which is
        # the clause holding them when the sentence states several facts. A time of
        # day dates the event of its clause, whose opening the claim lacks when the
        # figure before the time was cut off as a fact of its own.
        dated = (
            dated_clause(f.text, context)
            if any(v.get("type") == "time" for v in self.times)
            else f.text
        )
        self.time_subject = (
            _content_stems(dated, story_words | _time_words(self.times))
            if self.times and not self.primary
            else frozenset()
        )


# One new claim is matched against many stored ones: what each reads of a claim is
# derived once per claim.
_prepare = PerClaim(_Prepared, size=4096)
_placing = PerClaim(_Placing, size=4096)


def too_far_apart(a: ClaimFeatures, b: ClaimFeatures) -> bool:
    """Reported further apart than ``MAX_DAYS_APART``: ``match`` keeps them apart whatever
    else they share (its ``far_in_time`` veto outweighs every rule)."""
    return _days_apart(_placing(a), _placing(b)) > MAX_DAYS_APART


def could_match(a: ClaimFeatures, b: ClaimFeatures) -> bool:
    """False only when ``match(a, b)`` cannot find one fact; True when it may.

    Decided from what places the two claims (stories, names, dates, whether
    they give a figure) with ``match``'s own rules, without reading their
    wording, which is most of what ``match`` costs. Most candidates a new claim
    meets share only a broad key with it ("money:united states") and belong to
    other stories: they are told apart here.

    >>> x = ClaimFeatures("trade of $68.7B", "quantity", [], [], "", ("India", "Russia"))
    >>> y = ClaimFeatures("trade of $68.7B", "quantity", [], [], "", ("Chile", "Peru"))
    >>> could_match(x, y), match(x, y).same_fact, could_match(x, x)
    (False, False, True)
    """
    pa, pb = _placing(a), _placing(b)
    if pa.figured != pb.figured or (pa.ordinal and pb.ordinal):
        # ``_value_fit`` may keep them apart by a veto that all but identical
        # wording overrides ("one_figure", "different_ordinals"), and a veto
        # found first is the one that counts: only ``match`` can tell.
        return True
    if _days_apart(pa, pb) > MAX_DAYS_APART:
        return False
    if pa.story and pb.story:
        return _one_story(pa, pb, _story_overlap(pa, pb), text=1.0)
    return True


def match(a: ClaimFeatures, b: ClaimFeatures, *, learned: bool = True) -> Match:
    """Score two claims; ``same_fact`` when they state one fact.

    The score mixes wording (45 %, fuzzy ratio with numbers masked), entity
    overlap (25 %, Jaccard), value fit (20 %, same type and unit) and kind
    (10 %). Vetoes override the score: different quotations, a deficit or a
    target against a plain figure, different ordinals, figures for periods
    that do not overlap. Pairs that no rule joins and only a soft rule (one
    figure, no values of one kind) keeps apart go to the learned evidence
    (``same_fact``), unless ``learned`` is False (training reads the evidence).

    >>> x = ClaimFeatures("trade of $68.7B in FY25", "quantity", [], ["trade"], "")
    >>> match(x, x).same_fact
    True
    """
    pa, pb = _prepare(a), _prepare(b)
    reasons: list[str] = []
    ea, eb = pa.entities, pb.entities
    ent = len(ea & eb) / len(ea | eb) if ea and eb else 0.0
    # Name only entities the claims state (or spell as a pair), not the pairs
    # made up for scoring.
    shown = pa.named & pb.named
    if shown:
        reasons.append(f"shared entities: {', '.join(sorted(shown)[:4])}")

    ta, tb = pa.masked, pb.masked
    text = _wording(ta, tb) if ta and tb else 0.0
    reasons.append(f"wording {text:.0%} alike")
    wording_alike = text

    value, veto = _value_fit(pa, pb, reasons)
    # Every rule that kept them apart; ``veto`` is the first, which the reasons name.
    fired = {veto.rule} if veto else set()

    ga, gb = _KIND_GROUPS.get(a.kind, a.kind), _KIND_GROUPS.get(b.kind, b.kind)
    kind = 1.0 if a.kind == b.kind else 0.7 if ga == gb else 0.3

    if pa.story and pb.story:
        story = _story_overlap(pa.placing, pb.placing)
        ent = 0.7 * ent + 0.3 * story
        if not _one_story(pa.placing, pb.placing, story, text):
            veto = _also(veto, fired, _Veto("different_stories", "different stories"))
    if _days_apart(pa, pb) > MAX_DAYS_APART:
        veto = _also(
            veto, fired, _Veto("far_in_time", f"reported {_days_apart(pa, pb)} days apart")
        )

    qsim = told = 0.0
    if pa.quotes and pb.quotes:
        # Half sort ratio: a short phrase in scare quotes shares its few words
        # with many longer quotations.
        qsim = max(_quote_similarity(x, y) for x in pa.quotes for y in pb.quotes)
        if qsim < 0.6:
            veto = _also(veto, fired, _Veto("different_quotations", "different quotations"))
        else:
            reasons.append(f"same quotation ({qsim:.0%})")
            text = max(text, qsim)
    elif (a.kind == "quote") != (b.kind == "quote") and text < 0.7:
        # A quotation and a paraphrase about the same people are usually two
        # statements ("X said: '...'" against "X met Y to review Z"), unless the
        # statement says most of what the quotation says, in its own grammar.
        quoted, other = (pa, b) if pa.quotes else (pb, a)
        told = max((_paraphrase_share(q, other.text) for q in quoted.quotes), default=0.0)
        if told >= PARAPHRASE_SHARE:
            reasons.append(f"a paraphrase of the quotation ({told:.0%} of its words)")
            text = max(text, told)
        else:
            veto = _also(
                veto,
                fired,
                _Veto("quotation_and_statement", "a quotation against another statement"),
            )

    # An amount belongs to its period: trade in FY2024-25 and trade by 2030 are
    # two facts. An ordinal names its event whatever dates surround it.
    amounts = ("money", "count", "percent", "fraction")
    if (
        any(v.get("type") in amounts for v in pa.primary)
        and any(v.get("type") in amounts for v in pb.primary)
        and _periods_overlap(pa.times, pb.times) is False
    ):
        veto = _also(veto, fired, _Veto("different_periods", "different periods"))

    far = _far_apart(pa, pb)
    if far and text < FAR_APART_SAME_WORDING:
        veto = _also(veto, fired, _Veto("far_apart", far))

    score = 0.45 * text + 0.25 * ent + 0.2 * value + 0.1 * kind
    # Two dates agree on type whatever they date, so a date alone says less
    # than an amount with its unit: the wording must carry more of the match.
    dates_only = not pa.primary and not pb.primary and bool(pa.times or pb.times)
    if (
        dates_only
        and pa.published == pb.published
        and {_tense(pa), _tense(pb)} == {"past", "future"}
    ):
        # "since it opened in 2021" / "will close by the end of October", reported the
        # same day: what had happened and what was to come are two facts, not two
        # dates of one. (Across days, a date to come may since have passed.)
        veto = _also(veto, fired, _Veto("past_and_future", "a past date against a future one"))
    if dates_only and pa.time_subject and pb.time_subject and not pa.time_subject & pb.time_subject:
        # "due to undergo a medical on Thursday" / "the contract runs until June 2031":
        # dates of different things, whatever the sentences around them share.
        veto = _also(veto, fired, _Veto("different_subjects", "dates of different things"))
    # A part of a whole ("three of the five S-400 squadrons") told of a product or
    # programme both claims name by its code is specific on its own, so the words
    # around it may differ more: "got three squadrons out of five" against "has
    # delivered four of the five S-400 squadrons".
    coded = any(_specificity(e) >= CODE_SPECIFICITY for e in shown)
    wording = 0.6 if dates_only else 0.4 if coded and _same_whole(pa, pb) else 0.5
    same = score >= SAME_FACT and text >= wording
    rule = "similar_wording" if same else ""
    figures = _figures(pa, pb)
    if same and (figures is None or not figures.agree) and _other_clauses(a, b):
        # Two claims cut from one sentence and its copy ("12 of the 18 stations will be
        # elevated" / "with the remaining six built at grade") share the sentence's
        # wording, not a fact: unless their figures agree, their own clauses must be alike.
        same, rule = False, ""
        veto = _also(veto, fired, _Veto("different_clauses", "different clauses of one sentence"))
    if (
        not same
        and figures is not None
        and figures.specific
        and (figures.subject or text >= SAME_FIGURE_WORDING)
    ):
        # One exact, uncommon figure of one unit, in two reports of one story
        # ("24.6-km corridor" / "24.6-kilometre line"): the same fact however
        # differently the sentence around it is written.
        same, rule = True, "same_figure"
        reasons.append("the same figure")
    if not same and dates_only and _same_moment(pa, pb):
        # A time of day to the minute is as telling as an exact figure, once both
        # clauses say what happened then.
        same, rule = True, "same_moment"
        reasons.append("the same time of day")
    toll = bool(pa.story and pb.story) and _one_toll(pa, pb)
    if not same and not veto and toll:
        # A story's dead (injured, missing) counted by two reports, however each words
        # it ("killing at least four people" / "Nine people are dead"): one toll, which
        # the figures then confirm, dispute or update, whatever else the clauses say.
        same, rule = True, "same_toll"
        reasons.append(f"the {_TOLLS[_casualty_unit(pa)]} of one story")
    # Each report counts this noun once, in one story: "35 firefighters" and "more than
    # 50 firefighters at the scene" are one count, which the figures then confirm or
    # dispute, however differently each sentence goes on.
    counted = figures.counted if figures is not None and pa.story and pb.story else ""
    one_measure = bool(counted) and counted in pa.placing.once and counted in pb.placing.once
    if not same and not veto and one_measure:
        same, rule = True, "same_measure"
        reasons.append(f"each report counts “{counted}” once")
    if (
        figures is not None
        and not figures.agree
        and figures.subject == 0
        and not one_measure
        and not toll
        and text < FAR_APART_SAME_WORDING
    ):
        # Different figures said of different things ("20 per cent of the cost"
        # / "60 per cent will come as a loan") are two facts, not a dispute.
        veto = _also(
            veto, fired, _Veto("different_subjects", "different figures of different things")
        )
    if veto:
        reasons.append(veto.message)
        # Identical wording outweighs a difference in the figures: that is the
        # same statement with a disputed number, not two facts.
        overridable = fired <= _OVERRIDABLE
        same = same and overridable and text >= 0.9
    evidence: dict[str, float] = {}
    if not learned or (not same and fired <= SOFT_VETOES):
        evidence = _evidence(
            pa,
            pb,
            a,
            b,
            wording=wording_alike,
            entities=ent,
            figures=figures,
            quotation=qsim,
            paraphrase=told,
            fired=fired,
        )
    if learned and not same and fired <= SOFT_VETOES:
        # Several weak cues that agree: the learned model weighs them (see same_fact).
        weighing = load_model().weigh(evidence)
        if weighing.same_fact:
            same, rule = True, "learned_evidence"
            reasons.append(
                f"the evidence together ({weighing.probability:.0%}: {weighing.explain()})"
                + (f" outweighs {veto.message}" if veto else "")
            )
            veto = NO_VETO
            fired = set()
    return Match(
        score=round(score, 4),
        same_fact=same,
        reasons=reasons,
        rule=rule if same else "",
        veto=veto.rule,
        vetoes=tuple(sorted(fired)),
        agrees=figures.agree if figures is not None else None,
        evidence=evidence,
    )


def _wording(x: str, y: str) -> float:
    """How alike two masked wordings are (0-1). token_set forgives a longer sentence
    around the same words; the sort ratio keeps two short claims with one shared word
    from scoring 100."""
    return (0.6 * fuzz.token_set_ratio(x, y) + 0.4 * fuzz.token_sort_ratio(x, y)) / 100


def _other_clauses(a: ClaimFeatures, b: ClaimFeatures) -> bool:
    """Whether either claim was cut from a longer sentence and the two claims' own clauses
    are worded unlike each other (numbers masked, as ``match`` compares sentences)."""
    if not (_cut_from_sentence(a) or _cut_from_sentence(b)):
        return False
    own_a, own_b = _own_words(a), _own_words(b)
    if not own_a or not own_b:
        return True
    return _wording(own_a, own_b) < CLAUSE_WORDING


def _cut_from_sentence(f: ClaimFeatures) -> bool:
    return bool(f.context) and f.context.strip() != f.text.strip()


def _own_words(f: ClaimFeatures) -> str:
    return " ".join(_masked_tokens(f.text, f.values))


# Casualties a story counts, and how the reason names each count.
_TOLLS = {
    "death": "death toll",
    "injury": "count of the injured",
    "missing": "count of the missing",
}


def _casualty_unit(p: _Prepared) -> str:
    """ "death", "injury" or "missing" when the claim's first figure counts casualties,
    else ""."""
    first = p.primary[0] if p.primary else None
    if first is None or first.get("type") != "count":
        return ""
    unit = _unit(first)
    return unit if unit in _TOLLS else ""


def _one_toll(pa: _Prepared, pb: _Prepared) -> bool:
    """Whether both claims' first figures count the same casualties (deaths, injuries)."""
    unit = _casualty_unit(pa)
    return bool(unit) and unit == _casualty_unit(pb)


def _evidence(
    pa: _Prepared,
    pb: _Prepared,
    a: ClaimFeatures,
    b: ClaimFeatures,
    *,
    wording: float,
    entities: float,
    figures: _Figures | None,
    quotation: float,
    paraphrase: float,
    fired: set[str],
) -> dict[str, float]:
    """The measurements ``same_fact`` weighs, each in [0, 1] (names in ``EVIDENCE``)."""
    equal = False
    shared_subject = 0
    for a_value, qa, sa in zip(pa.primary, pa.qualifiers, pa.subjects, strict=True):
        for b_value, qb, sb in zip(pb.primary, pb.qualifiers, pb.subjects, strict=True):
            pair = comparable(a_value, b_value)
            if pair is None or qa != qb:
                continue
            va, vb = pair
            if not _units_compatible(va, vb, pa, pb):
                continue
            equal = equal or (a_value.get("type") == b_value.get("type") and _same_amount(va, vb))
            shared_subject = max(shared_subject, len(sa & sb))
    ga, gb = _KIND_GROUPS.get(a.kind, a.kind), _KIND_GROUPS.get(b.kind, b.kind)
    own_a, own_b = pa.placing.names, pb.placing.names
    own_names = len(own_a & own_b) / len(own_a | own_b) if own_a and own_b else 0.0
    time_subject = 0.0
    if pa.time_subject and pb.time_subject:
        shared = len(pa.time_subject & pb.time_subject)
        time_subject = shared / min(len(pa.time_subject), len(pb.time_subject))
    evidence = {
        "wording": wording,
        "entities": entities,
        "own_names": own_names,
        "has_figures": float(figures is not None),
        "figures_agree": float(figures is not None and figures.agree),
        "figures_equal": float(equal),
        "figure_specific": float(figures is not None and figures.specific),
        "subject_overlap": (figures.subject or 0.0) if figures is not None else 0.0,
        "subject_words": min(shared_subject, 3) / 3,
        "dates_only": float(not pa.primary and not pb.primary and bool(pa.times or pb.times)),
        "dates_overlap": float(bool(_periods_overlap(pa.times, pb.times))),
        "date_subject": time_subject,
        "same_kind": float(a.kind == b.kind),
        "same_kind_group": float(ga == gb),
        "both_speech": float(ga == gb == "speech"),
        "quotation": quotation,
        "paraphrase": paraphrase,
        "one_figure": float("one_figure" in fired),
        "different_kinds": float("different_kinds" in fired),
    }
    return {name: round(value, 4) for name, value in evidence.items()}
