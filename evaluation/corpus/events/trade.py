"""The trade event: its facts, quotes, anonymous claims, headlines and leads."""

from __future__ import annotations

import datetime as dt
from random import Random
from typing import TYPE_CHECKING, Any

from ..numbers import _alter_amount, _alter_percent, _in_fiscal, _money, _percent
from ..types import Money, _Event, _Fact
from ..vocabulary import _COUNTRIES, _WD

if TYPE_CHECKING:
    from ..world import _World


def trade(world: _World, i: int, day: dt.date) -> _Event:
    r = world.r
    a, b = world.pair()
    A, Adem, Acap = world.names(a)
    B, Bdem, _ = world.names(b)
    april = _COUNTRIES[a][5]
    minister = world.person(a, r.choice(["Commerce Minister", "Trade Minister"]))
    fy = day.year - 1
    total = round(r.uniform(3, 150), 1) * 1e9
    growth = round(r.uniform(1, 25), 1)
    deficit = round(total * r.uniform(0.2, 0.6) / 1e9) * 1e9
    # Trade is mostly counted in dollars; euro-area figures often in euros.
    cur = "EUR" if _COUNTRIES[a][4] == "EUR" and r.random() < 0.6 else "USD"
    fid = f"e{i}:"

    def r_total(rr: Random, v: Money) -> str:
        amount, c = v
        m = _money(rr, amount, c)
        when = _in_fiscal(rr, fy, april)
        return rr.choice(
            [
                f"Bilateral trade between {A} and {B} [reached|hit|rose to] {m} {when}, "
                "according to [official data|government figures|the ministry].",
                f"{A}-{B} trade stood at {m} {when}.",
                f"Two-way trade [touched|reached|came to] {m} {when}, {minister.title} "
                f"{minister.name} [said|told parliament|noted].",
                f"{world.cap(when)}, [bilateral trade|trade] between the two "
                f"[countries|nations] was worth {m}.",
                f"Trade between {A} and {B} amounted to {m} {when}, [customs figures show|the "
                f"data show|figures released on {_WD} show].",
            ]
        )

    def r_growth(rr: Random, v: float) -> str:
        p = _percent(rr, float(v))
        return rr.choice(
            [
                f"That is a [rise|jump|increase] of {p} on the previous year.",
                f"Trade grew {p} year on year, [driven|helped] by [energy and machinery|fuel, "
                "fertiliser and machinery|higher energy purchases].",
                f"The figure [represents|marks] growth of {p} over the year before.",
            ]
        )

    def r_deficit(rr: Random, v: Money) -> str:
        amount, c = v
        m = _money(rr, amount, c, rr.choice([None, None, "min"]))
        return rr.choice(
            [
                f"{A} runs a trade deficit of {m} with {B}, a gap {Acap} [wants to "
                "narrow|hopes to close|has vowed to reduce].",
                f"The trade deficit with {B} [widened|grew] to {m}.",
                f"[Officials|Ministers] want to reduce the {m} trade deficit by "
                "[pushing|promoting] exports of [pharmaceuticals and farm goods|textiles and "
                "machinery|cars and medicines].",
            ]
        )

    facts: list[_Fact[Any]] = [
        _Fact(fid + "total", "money", (total, cur), r_total, _alter_amount),
        _Fact(fid + "growth", "percent", growth, r_growth, _alter_percent),
        _Fact(fid + "deficit", "money", (deficit, cur), r_deficit, _alter_amount),
    ]
    quotes = [
        (minister, f"Our exporters have shown that they can compete in the {Bdem} market"),
        (minister, "We want balanced trade, not trade that flows only one way"),
    ]
    anonymous = [
        f"{Acap} [will|plans to|intends to] [ask|press|urge] {B} to [remove|ease|lift] "
        "[barriers|curbs|restrictions] on [farm|agricultural|food] [exports|shipments]",
        f"a [review|revision|renegotiation] of the trade [deal|pact|agreement] with {B} is "
        "[likely|expected|planned] [before the end of the year|within months|by the winter]",
    ]
    headlines = [
        f"{A}-{B} trade hits record as exports climb",
        f"Trade with {B} grows, but deficit worries {Acap}",
        f"{A}'s trade with {B}: the numbers behind the headlines",
    ]
    wd = _WD
    leads = [
        f"[Trade|Commerce|Business] between {A} and {B} [rose|grew|expanded|climbed] "
        f"[again|further|once more] [last year|in the past year], [according to|as per] "
        "[new|fresh|latest|official] [figures|data|numbers] [from|released in|published in] "
        f"{Acap}.",
        f"{A}'s [commerce|trade] [ministry|department|officials] [published|released|issued] "
        f"[data|figures|numbers] on {wd} [showing|pointing to|indicating] "
        "[steady|solid|uneven|strong|modest] [growth|gains|expansion] in "
        f"[business|trade|commerce] with {B}.",
        f"[Business|Trade] with {B} is [booming|growing|rising|climbing], but so [is|too is] "
        f"{Acap}'s [worry|unease|concern|anxiety] about a [lopsided|one-sided|skewed|tilted] "
        "[relationship|ledger|exchange].",
    ]
    blurb = f"New data show {A}'s trade with {B} growing."
    ctx = {"A": A, "B": B, "Adem": Adem, "Bdem": Bdem, "city": Acap}
    return _Event(i, "trade", day, ctx, facts, quotes, anonymous, headlines, leads, blurb)
