"""Article prose: inline alternatives, fillers, synonyms, word variants and quotes."""

from __future__ import annotations

import re
from random import Random

from .types import _Person

# ------------------------------------------------------------ article prose

# Templates write alternatives inline as "[a|b|c]"; each use picks one, so two
# outlets filling the same template rarely share a long run of words, as two
# independent reporters would not.
_ALT_RE = re.compile(r"\[([^\[\]]*)\]")
_PARSED: dict[str, tuple[str, list[tuple[list[str], int, str]]]] = {}


def _x(r: Random, template: str) -> str:
    """Expand "[a|b]" alternatives with ``r``."""
    parsed = _PARSED.get(template)
    if parsed is None:
        pieces = _ALT_RE.split(template)
        # split() alternates literal, options, literal, ...
        slots = [
            (pieces[k].split("|"), pieces[k].count("|") + 1, pieces[k + 1])
            for k in range(1, len(pieces), 2)
        ]
        parsed = (pieces[0], slots)
        if len(_PARSED) > 20_000:
            _PARSED.clear()
        _PARSED[template] = parsed
    # random() and an index: several times faster than choice(), and this is
    # the generator's innermost loop.
    rnd = r.random
    out = [parsed[0]]
    for options, n, literal in parsed[1]:
        out.append(options[int(rnd() * n)])
        out.append(literal)
    return "".join(out)


def _alt(*options: str) -> str:
    """A "[a|b|c]" alternative for templates."""
    return "[" + "|".join(options) + "]"


_SAY = [
    "said",
    "told reporters",
    "said in a statement",
    "told a news conference",
    "said on the sidelines",
    "told this newspaper",
    "said in an interview",
]
_ANON_OPENERS = [
    "According to {n} [officials|people|sources] [familiar with the matter|with knowledge of the "
    "talks|briefed on the plans], [who spoke on condition of anonymity|who asked not to be "
    "named|speaking anonymously], {claim}.",
    "[Sources|People|Officials] [close to|inside|within] the [government|ministry|delegation] "
    "[said|say|indicated] {claim}.",
    "[An official|A senior official|A diplomat] who [did not wish|declined|asked not] to be "
    "[named|identified] [said|told us|confirmed] {claim}.",
    "People with knowledge of the [discussions|negotiations|matter] [told|informed] [this "
    "newspaper|us|reporters] that {claim}.",
    "Privately, [diplomats|officials|aides] [say|concede|admit] {claim}.",
    "[Insiders|People close to the process] [suggest|claim|say] {claim}.",
]
# Opinion, background and scene. Every template has a choice every word or
# two, so two articles drawing the same template rarely share eight words in a
# row, as two reporters writing independently would not.
_ANALYSTS = _alt(
    "Analysts",
    "Observers",
    "Diplomats",
    "Economists",
    "Commentators",
    "Experts",
    "Strategists",
    "Scholars",
    "Lawmakers",
    "Insiders",
)
_SAYS = _alt("say", "believe", "argue", "note", "warn", "suggest", "contend", "reckon", "insist")
_THING = _alt(
    "the outcome", "the announcement", "the decision", "the move", "the shift", "the plan"
)
_COULD = _alt("could", "may", "might", "would", "will", "should", "can")
_CHANGE = _alt(
    "reshape", "strengthen", "test", "complicate", "redefine", "weaken", "steady", "alter"
)
_ADJ = _alt("regional", "economic", "domestic", "diplomatic", "political", "strategic", "fiscal")
_NOUN = _alt("calculations", "ties", "priorities", "debates", "alliances", "markets", "choices")
_TIME = _alt(
    "soon", "quickly", "eventually", "gradually", "this year", "over time", "for now", "for years"
)
_FILLERS = [
    f"{_ANALYSTS} {_SAYS} {_THING} {_COULD} {_CHANGE} {{A}}'s {_ADJ} {_NOUN} {_TIME}.",
    f"{_THING} {_COULD} {_CHANGE} {_ADJ} {_NOUN} [across|throughout|beyond|within] the region, "
    f"[according to|in the view of] [several|some|many|a few] [analysts|economists|diplomats].",
    "[Doubts|Questions|Concerns|Reservations] [persist|remain|linger]. "
    "[Critics|Opponents|Sceptics] "
    "[say|argue|note] [similar|earlier|past|previous] [promises|pledges|plans] [went|were left] "
    "[unfulfilled|unfinished|unfunded].",
    "[Last year|Recently|Previously|In the past|Earlier], {A} "
    "[signed|negotiated|drafted|pursued] "
    "[a similar|a comparable|a parallel|an earlier] [package|framework|arrangement|plan], "
    "[though|but|yet|and] [progress|implementation|delivery] [was|proved|remained] "
    "[slow|uneven|patchy|limited|modest].",
    "{A} has [long|often|repeatedly] [balanced|juggled|managed|weighed] "
    "[competing|rival|overlapping|several] [partnerships|relationships|alliances|interests], and "
    "[this|the latest|the current|the new] [step|move|decision|round] [fits|follows|matches] "
    "that [pattern|tradition|approach|habit].",
    "[Opposition|Rival|Several|Some] [parties|lawmakers|politicians] have "
    "[questioned|criticised|attacked|challenged] the [cost|price|timing|scope] and the "
    "[secrecy|haste|opacity|vagueness] [of|around|behind] the [process|talks|decision|deal].",
    "[Rating agencies|Bond investors|Foreign investors|Lenders] [are|have been|remain] "
    "[watching|monitoring|tracking|studying] {A}'s [finances|debt|accounts|budget] "
    "[closely|carefully|nervously|warily].",
    "[Previous|Earlier|Past|Prior] [rounds|attempts|efforts|negotiations] "
    "[stalled|collapsed|faltered|dragged] over [pricing|payments|technology|timelines|guarantees].",
    "[Business|Industry|Trade|Employer] [chambers|groups|bodies|lobbies] [want|seek|demand|expect] "
    "[clearer|simpler|faster|fairer] [rules|procedures|approvals|terms] and [lower|fewer|smaller] "
    "[tariffs|barriers|costs|delays].",
    "[Activists|Campaigners|Watchdogs|Advocates] [want|seek|demand|urge] "
    "[more|greater|real|fuller] "
    "[transparency|scrutiny|debate|disclosure] [about|on|over] [the|these|such] "
    "[decisions|plans|commitments|choices].",
    "The [government|administration|cabinet|leadership] [calls|describes|presents|sees] "
    "[the|this] [step|move|plan|shift] as [part of|central to|key to] [a|its] "
    "[longer|broader|wider|bigger] [reform|modernisation|growth|security] "
    "[agenda|drive|strategy|push].",
    "[Whether|How far|How fast|When] [the plans|the pledges|the promises|the commitments] "
    "[turn into|translate into|produce] [results|action|jobs|change] "
    "[remains unclear|is uncertain|is an open question|remains to be seen], "
    "[officials|analysts|diplomats|economists] [admit|say|concede|acknowledge].",
    "[Security was tight|Police were out in force|Traffic was restricted|Security was heavy] in "
    "{city}, [with|as] [roads|streets|avenues|lanes] [closed|sealed|blocked|shut] "
    "[near|around|beside|outside] the [venue|ministry|hall|offices].",
    "[Channels|Broadcasters|Networks|Stations] in {city} [carried|aired|showed|covered] the "
    "[proceedings|events|news|story] [live|all day|for hours|at length].",
    "[Aides|Officials|Clerks|Staff] in {city} [worked|stayed|toiled] "
    "[late|overnight|into the evening|past midnight] on the [paperwork|documents|texts|drafts].",
    "The [mood|atmosphere|feeling|tone] in {city} [was|seemed|felt|remained] "
    "[cautious|sombre|upbeat|tense|calm|restless].",
    "In {city}, the [story|news|issue|matter] [dominated|led|topped|filled] the "
    "[bulletins|front pages|talk shows|headlines].",
    "[For|To] [supporters|backers|allies|admirers], the [step|plan|deal|move] is "
    "[overdue|historic|welcome|sensible]; [for|to] [critics|opponents|sceptics|detractors], it is "
    "[a gamble|a distraction|window dressing|premature].",
    "[Much|A lot|Plenty] [depends|hinges|rests] on [the details|implementation|funding|timing], "
    "[and|but] [much|a lot] [remains|is still|stays] [vague|sketchy|unclear|unsettled].",
    "[Some|A few|Several|Many] [economists|analysts|officials|diplomats] "
    "[expect|predict|anticipate|foresee] [modest|gradual|uneven|limited|real] "
    "[gains|progress|benefits|change] [at first|initially|in the first year|early on].",
    "[The|This] [episode|process|debate|moment] [also|again|once more] "
    "[shows|highlights|exposes|illustrates] [the limits|the reach|the weakness|the strength] of "
    "{A}'s [leverage|influence|bargaining power|diplomacy].",
    "[Attention|Focus|Interest] now [turns|shifts|moves] to "
    "[the next round|implementation|parliament|the markets|the fine print].",
    "[Reporters|Journalists|Crews|Photographers] [waited|gathered|lingered|queued] "
    "[for hours|all afternoon|into the night|since morning] [outside|near|at] the "
    "[ministry|venue|gates|offices] in {city}.",
    "[Neighbouring|Regional|Western|Asian] [capitals|governments|partners|rivals] "
    "[are watching|will watch|watched|followed] [closely|carefully|warily|with interest].",
]
_LINKS = ["Meanwhile, ", "Separately, ", "At the same time, ", "", "", "", "", "Still, "]
_SYNONYMS = [
    ("said", "stated"),
    ("talks", "discussions"),
    ("officials", "authorities"),
    ("according to", "as per"),
    ("announced", "unveiled"),
    ("reached", "touched"),
    ("expected", "likely"),
    ("agreement", "pact"),
    ("rose", "climbed"),
    ("government", "administration"),
]
_SYN_RES = [(re.compile(rf"\b{a}\b"), b) for a, b in _SYNONYMS]


# Word choices reporters make differently; applied to fact sentences and leads
# so that two outlets stating one fact rarely share a long run of words. None
# of these changes a number or the direction of a change.
_VARIANTS = {
    "said": ["said", "stated", "noted", "added"],
    "officials": ["officials", "authorities"],
    "reached": ["reached", "hit", "touched"],
    "according to": ["according to", "as per", "citing"],
    "signed": ["signed", "inked"],
    "agreements": ["agreements", "pacts", "accords"],
    "the two sides": ["the two sides", "both sides"],
    "the two countries": ["the two countries", "both countries", "the two nations"],
    "two-way": ["two-way", "bilateral"],
    "announced": ["announced", "unveiled", "declared"],
    "talks": ["talks", "discussions", "negotiations"],
    "government": ["government", "administration"],
    "rose": ["rose", "climbed", "increased"],
    "grew": ["grew", "expanded", "increased"],
    "so far": ["so far", "to date", "thus far"],
    "remaining": ["remaining", "outstanding", "pending"],
    "company": ["company", "firm"],
    "reported": ["reported", "posted"],
    "scheduled": ["scheduled", "slated", "set"],
    "confirmed": ["confirmed", "said"],
    "official data": ["official data", "government data", "official figures"],
    "the year before": ["the year before", "the previous year", "a year earlier"],
    "year on year": ["year on year", "year-on-year", "from a year ago"],
    "presented": ["presented", "tabled"],
    "relief": ["relief", "aid", "assistance"],
    "residents": ["residents", "people", "inhabitants"],
    "ruling": ["ruling", "governing"],
    "alliance": ["alliance", "coalition", "bloc"],
    "for signing": ["for signing", "for signature"],
    "review": ["review", "assess", "examine"],
    "showing": ["showing", "pointing to", "indicating"],
    "growth": ["growth", "expansion"],
    "ministers": ["ministers", "cabinet ministers"],
    "people": ["people", "persons"],
    "annual": ["annual", "yearly"],
    "meeting": ["meeting", "session", "gathering"],
    "results": ["results", "figures"],
    "also": ["also", "additionally"],
    "the country": ["the country", "the nation"],
    "on the table": ["on the table", "under discussion", "on the agenda"],
}
_VARIANT_RE = re.compile(
    r"\b(" + "|".join(sorted(map(re.escape, _VARIANTS), key=len, reverse=True)) + r")\b"
)


def _vary(r: Random, text: str) -> str:
    """Swap some words for a reporter's own choices."""
    rnd = r.random

    def pick(m: re.Match[str]) -> str:
        options = _VARIANTS[m.group(1)]
        return options[int(rnd() * len(options))]

    return _VARIANT_RE.sub(pick, text)


def _cap(s: str) -> str:
    return s[:1].upper() + s[1:]


def _filler(r: Random, ctx: dict[str, str], template: str | None = None) -> str:
    """One or two sentences of opinion, background or scene, no checkable numbers."""
    sentence = _x(r, template or r.choice(_FILLERS)).format(**ctx)
    link = r.choice(_LINKS)
    if link and not sentence.startswith((ctx.get("A", "\0"), ctx.get("city", "\0"))):
        return link + sentence[:1].lower() + sentence[1:]
    return _cap(sentence)


def _fillers(r: Random, ctx: dict[str, str], n: int) -> str:
    """``n`` filler sentences from different templates."""
    return " ".join(_filler(r, ctx, t) for t in r.sample(_FILLERS, n))


def _quote(r: Random, person: _Person, text: str, dem: str) -> str:
    who = f"{person.title} {person.name}" if r.random() < 0.6 else person.name
    style = r.randrange(4)
    if style == 0:
        return f"“{text},” {who} {r.choice(_SAY)}."
    if style == 1:
        return f"{_cap(who)} said: “{text}.”"
    if style == 2:
        return f"“{text},” said {who}."
    return f"Speaking to {dem} media, {person.last} said, “{text}.”"
