"""The defence event: its facts, quotes, anonymous claims, headlines and leads."""

from __future__ import annotations

import datetime as dt
from random import Random
from typing import TYPE_CHECKING, Any

from ..numbers import _alter_amount, _alter_fraction, _fraction, _money, _plural
from ..types import Fraction, Money, _Event, _Fact
from ..vocabulary import _COUNTRIES, _SYSTEMS, _WD

if TYPE_CHECKING:
    from ..world import _World


def defence(world: _World, i: int, day: dt.date) -> _Event:
    r = world.r
    buyer, seller = world.pair()
    A, Adem, Acap = world.names(buyer)
    B, Bdem, _ = world.names(seller)
    kind, unit = r.choice(_SYSTEMS)
    number = r.choice([10, 30, 57, 75, 90, 200, 300, 400, 500])
    system = f"{r.choice('ABKMRSTVX')}{r.choice('ACKRSU')}-{number}"
    d = r.randint(3, 12)
    n = r.randint(1, d - 1)
    value = round(r.uniform(0.4, 9), 2) * 1e9
    home = _COUNTRIES[buyer][4]
    cur = home if home != "USD" and r.random() < 0.5 else "USD"
    if cur == "INR":
        value = round(value * 83 / 1e9) * 1e9
    minister = world.person(buyer, "Defence Minister")
    counterpart = world.person(seller, "Defence Minister")
    last_year = day.year + r.choice([1, 2, 3])
    fid = f"e{i}:"

    def r_deliv(rr: Random, v: Fraction) -> str:
        f = _fraction(rr, v, unit)
        return rr.choice(
            [
                f"{B} has so far delivered {f} under the {system} {kind} [order|contract|deal].",
                f"Deliveries of the {system} stand at {f}, [officials said|the ministry "
                "said|sources in the ministry said].",
                f"{A} has [received|taken delivery of] {f} under the {system} contract.",
                f"Of the {system} order, {f} have [arrived in|reached] {A}.",
            ]
        )

    def r_value(rr: Random, v: Money) -> str:
        amount, c = v
        m = _money(rr, amount, c)
        return rr.choice(
            [
                f"The {system} deal, signed with {B}[ in an earlier year| before the war|], is "
                f"worth {m}.",
                f"{A} [agreed to pay|is paying] {m} for the {system} {_plural(kind)}.",
                f"The contract for the {system} is [valued at|worth] {m}.",
            ]
        )

    def r_year(rr: Random, v: int) -> str:
        return rr.choice(
            [
                f"The remaining {_plural(unit)} are [due|expected] by {v}.",
                f"Deliveries should be [completed|finished|wrapped up] in {v}, according to "
                "the ministry.",
            ]
        )

    facts: list[_Fact[Any]] = [
        _Fact(fid + "delivered", "fraction", (n, d), r_deliv, _alter_fraction),
        _Fact(fid + "value", "money", (value, cur), r_value, _alter_amount),
        _Fact(fid + "year", "date", last_year, r_year, lambda rr, v: int(v) + 1),
    ]
    quotes = [
        (minister, f"The {system} gives our forces a capability they did not have before"),
        (counterpart, f"{B} will honour every commitment it has made to {A}"),
        (minister, "Self-reliance remains our goal, and co-production is the way to get there"),
    ]
    anonymous = [
        f"the [next|following|last] {unit} [could|may|might] be [delayed|held up|pushed back] "
        "[by|because of|owing to] [sanctions|restrictions|payment problems] [on|affecting] "
        f"{B}",
        f"{A} is [also|quietly|now] [weighing|considering|exploring] a "
        f"[second|follow-on|further] [order|purchase|batch] of the {system}",
        f"[payment|money|funds] for the {system} [has been|was|is being] "
        "[routed|channelled|sent] through a [third|neutral|friendly] country",
    ]
    headlines = [
        f"{system} deliveries: where {A}'s order stands",
        f"{A} receives more {system} {_plural(kind)} from {B}",
        f"{minister.last} reviews {system} programme with {Bdem} counterpart",
    ]
    wd = _WD
    leads = [
        f"{A}'s [order|purchase|acquisition] of {system} {_plural(kind)} from {B} "
        "[is back in|returned to|re-entered] [focus|the spotlight|the headlines|the news] "
        "[as|while|when] [defence ministers|the defence chiefs|senior officials|the ministers] "
        "of "
        "[the two countries|both countries|both nations] [meet|met|held talks|sat down].",
        f"Defence Minister {minister.name} [met|held talks with|hosted|received] the {Bdem} "
        f"[counterpart|defence minister|delegation led by] {counterpart.name} "
        f"[to review|to assess|to discuss|and reviewed] the {system} "
        "[programme|deal|project|contract] "
        f"[on {wd}|this week|in {Acap}].",
        f"The {system} [programme|deal|contract], [long|for years|often] "
        f"[a test|a barometer|a measure|a symbol] of {A}'s [ties|relations|partnership] with "
        f"{B}, "
        "[returned to|was back on|topped|resurfaced on] the [agenda|table] [this week|on "
        f"{wd}].",
    ]
    blurb = f"{A} reviews progress on the {system} {kind} programme."
    ctx = {"A": A, "B": B, "Adem": Adem, "Bdem": Bdem, "city": Acap, "system": system}
    return _Event(i, "defence", day, ctx, facts, quotes, anonymous, headlines, leads, blurb)
