"""The summit event: its facts, quotes, anonymous claims, headlines and leads."""

from __future__ import annotations

import datetime as dt
from random import Random
from typing import TYPE_CHECKING, Any

from ..numbers import (
    _alter_amount,
    _alter_count,
    _alter_day,
    _alter_ordinal,
    _count,
    _day_range,
    _money,
    _ordinal,
)
from ..types import DayRange, Money, _Event, _Fact
from ..vocabulary import _SECTORS, _WD

if TYPE_CHECKING:
    from ..world import _World


def summit(world: _World, i: int, day: dt.date) -> _Event:
    r = world.r
    a, b = world.pair()
    A, Adem, Acap = world.names(a)
    B, Bdem, Bcap = world.names(b)
    la = world.person(a, r.choice(["President", "Prime Minister"]))
    lb = world.person(b, r.choice(["President", "Prime Minister"]))
    days = r.choice([1, 2, 2, 3])
    nth = r.randint(2, 25)
    n_docs = r.randint(4, 18)
    n_mous = r.randint(6, 30)
    target = round(r.uniform(20, 200)) * 1e9
    target_year = day.year + r.choice([4, 5, 6, 8])
    sectors = r.sample(_SECTORS, 3)
    fid = f"e{i}:"

    def r_dates(rr: Random, v: DayRange) -> str:
        start, d = v
        when = _day_range(rr, start, d)
        return rr.choice(
            [
                f"{lb.title} {lb.name} will [visit|travel to|be in] {A} on {when} for the "
                "[annual summit|summit|yearly summit].",
                f"The [visit|trip] of {Bdem} {lb.title} {lb.name} to {A}, scheduled for "
                f"{when}, is being [closely watched|followed closely|keenly awaited] in "
                f"{Acap}.",
                f"{lb.last} is [due|expected|set to arrive] in {Acap} on {when}, [officials "
                "confirmed|the foreign ministry said|according to the protocol office].",
                f"The {A}-{B} summit will [be held|take place] in {Acap} on {when}.",
            ]
        )

    def r_ordinal(rr: Random, v: int) -> str:
        o = _ordinal(int(v), rr)
        return rr.choice(
            [
                f"This will be the {o} annual summit between {A} and {B}.",
                f"The [talks|meeting] [mark|will be] the {o} {A}-{B} annual summit, a format "
                "both sides [describe|regard] as [the backbone of|central to] the "
                "relationship.",
                f"{la.last} and {lb.last} [are meeting|meet|will meet] for the {o} annual "
                "summit of the two [countries|nations].",
            ]
        )

    def r_docs(rr: Random, v: int) -> str:
        n = int(v)
        return rr.choice(
            [
                "[Officials have prepared|Negotiators have readied|Diplomats have drafted] "
                f"{_count(rr, n, 'inter-governmental document')} for signing during the visit.",
                "The two sides are [expected|set|likely] to sign "
                f"{_count(rr, n, 'inter-governmental agreement')} covering {sectors[0]} and "
                f"{sectors[1]}.",
                f"{Bdem} state media [reported|said] that "
                f"{_count(rr, n, 'inter-governmental document')} were [ready for "
                "signature|being prepared|in the final stage].",
            ]
        )

    def r_mous(rr: Random, v: int) -> str:
        n = int(v)
        more = rr.choice(["more than ", "over ", ""])
        return rr.choice(
            [
                f"[Businesses|Companies|Firms] from both [countries|sides] will sign {more}{n} "
                f"commercial MoUs in {sectors[1]}, {sectors[2]} and {sectors[0]}.",
                f"{world.cap(more)}{n} commercial memoranda of understanding are also [on the "
                "table|in the works|lined up], according to the [trade|commerce] ministry.",
            ]
        )

    def r_target(rr: Random, v: Money) -> str:
        amount, cur = v
        m = _money(rr, amount, cur, rr.choice(["approx", None]))
        return rr.choice(
            [
                f"The two leaders have set a target of {m} in bilateral trade by {target_year}.",
                f"{A} and {B} aim to [lift|raise|boost] two-way trade to {m} by {target_year}.",
                f"Both governments want [trade|bilateral trade] to reach {m} by "
                f"{target_year}[, up from current levels|].",
            ]
        )

    facts: list[_Fact[Any]] = [
        _Fact(fid + "dates", "date", (day, days), r_dates, _alter_day),
        _Fact(fid + "ordinal", "ordinal", nth, r_ordinal, _alter_ordinal),
        _Fact(fid + "documents", "count", n_docs, r_docs, _alter_count),
        _Fact(fid + "mous", "count", n_mous, r_mous, _alter_count),
        _Fact(fid + "target", "money", (target, "USD"), r_target, _alter_amount),
    ]
    quotes = [
        (
            la,
            f"{B} is a time-tested partner and this summit will take our relationship to a new "
            f"level in {sectors[0]}",
        ),
        (
            lb,
            "Our countries are bound by a friendship that has withstood every storm, and we "
            "intend to build on it",
        ),
        (la, f"We discussed {sectors[1]}, {sectors[2]} and the regional situation in detail"),
    ]
    anonymous = [
        f"a [deal|pact|agreement] on {sectors[2]} [could|may|might] be "
        "[announced|unveiled|signed] [at the end of|after|on the last day of] the "
        "[talks|visit|summit]",
        f"{B} had [pressed|pushed|lobbied] for [faster|smoother|easier] [payments|settlements] "
        "in [national|local] currencies [before|ahead of] the [visit|summit|talks]",
        "the joint statement was still [being negotiated|being drafted|under discussion] [late "
        "into the night|past midnight|on the eve of the talks]",
    ]
    headlines = [
        f"{lb.last} arrives in {Acap} for {A}-{B} summit",
        f"{A}, {B} to sign {n_docs} agreements as {lb.last} visits",
        f"What to expect from {lb.last}'s visit to {A}",
        f"{la.last} and {lb.last} set ambitious trade goal",
        f"{lb.last}'s {A} visit: {sectors[0]} and trade on the table",
    ]
    wd = _WD
    leads = [
        f"[Leaders|Heads of government|The leaders] of {A} and {B} [meet|sit down|hold talks] "
        f"[this week|on {wd}|in {Acap}] [as|while] [trade|energy|defence|investment] and "
        f"{sectors[0]} "
        "[top|lead|dominate|crowd] the [agenda|talks|discussions].",
        f"{lb.title} {lb.name} [arrives in|lands in|travels to|heads to] {Acap} [on {wd}|this "
        "week] "
        "for [a|a two-day|a high-profile|an official] [summit|visit|trip] [that|which] "
        "[both sides|officials|diplomats|the two governments] [hope|expect|say] will "
        "[deepen|broaden|reset|revive|cement] [ties|relations|cooperation|the partnership].",
        f"[The|A] [visit|trip] by {Bdem} {lb.title} {lb.name} to {A} [is|will be|marks] "
        "[the first|a rare|a closely watched|an important] [test|moment|opportunity] for "
        "[relations|ties] that have [weathered|survived|outlasted] "
        "[sanctions|pressure|storms|shocks].",
    ]
    blurb = f"{la.last} and {lb.last} hold talks on {sectors[0]} and trade."
    ctx = {"A": A, "B": B, "Adem": Adem, "Bdem": Bdem, "city": Acap}
    return _Event(i, "summit", day, ctx, facts, quotes, anonymous, headlines, leads, blurb)
