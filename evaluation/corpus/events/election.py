"""The election event: its facts, quotes, anonymous claims, headlines and leads."""

from __future__ import annotations

import datetime as dt
from random import Random
from typing import TYPE_CHECKING, Any

from ..numbers import (
    _alter_count,
    _alter_day,
    _alter_fraction,
    _alter_percent,
    _count,
    _day_range,
    _percent,
)
from ..types import DayRange, Fraction, _Event, _Fact
from ..vocabulary import _PROVINCE, _REGIONS, _WD

if TYPE_CHECKING:
    from ..world import _World


def election(world: _World, i: int, day: dt.date) -> _Event:
    r = world.r
    a = world.country()
    A, Adem, Acap = world.names(a)
    region = f"{r.choice(_REGIONS)} {r.choice(_PROVINCE)}"
    seats = r.choice([60, 90, 117, 140, 182, 224, 243, 288, 403])
    won = r.randint(seats // 2 + 1, int(seats * 0.8))
    turnout = round(r.uniform(48, 82), 1)
    phases = r.randint(1, 7)
    winner = world.person(a, "Chief Minister-designate")
    official = world.person(a, "Chief Electoral Officer")
    fid = f"e{i}:"

    def r_seats(rr: Random, v: Fraction) -> str:
        n, d = v
        return rr.choice(
            [
                f"The ruling alliance [won|secured|took] {n} of {d} seats in the {region} "
                "assembly.",
                f"{winner.name}'s party [secured|won|bagged] {n} of the {d} seats.",
                f"The alliance took {n} seats out of {d}, [results showed|final results "
                "showed|the commission said].",
            ]
        )

    def r_turnout(rr: Random, v: float) -> str:
        p = _percent(rr, float(v))
        return rr.choice(
            [
                f"Turnout was {p}, according to the election commission.",
                f"Voter turnout [stood at|was|came in at] {p}.",
                f"{official.title} {official.name} said turnout [reached|was] {p}.",
            ]
        )

    def r_phases(rr: Random, v: int) -> str:
        return f"Voting was [held|conducted] in {_count(rr, int(v), 'phase')}."

    def r_day(rr: Random, v: DayRange) -> str:
        start, d = v
        return rr.choice(
            [
                f"Counting [took place|was held] on {_day_range(rr, start, d)}.",
                f"Results were [declared|announced] on {_day_range(rr, start, d)}.",
            ]
        )

    facts: list[_Fact[Any]] = [
        _Fact(fid + "seats", "fraction", (won, seats), r_seats, _alter_fraction),
        _Fact(fid + "turnout", "percent", turnout, r_turnout, _alter_percent),
        _Fact(fid + "phases", "count", phases, r_phases, _alter_count),
        _Fact(fid + "counting", "date", (day, 1), r_day, _alter_day),
    ]
    quotes = [
        (winner, "The people have voted for stability and development"),
        (official, "Polling was peaceful and no booth required a repeat vote"),
    ]
    anonymous = [
        "[talks|negotiations|discussions] on [cabinet posts|ministries|portfolios] had "
        "[already|quietly] [begun|started] [before|while] the [count|counting|tally] "
        "[ended|finished|was over]",
        "[two|several|a few] [smaller|regional|minor] parties were [approached|sounded "
        "out|courted] to [join|back|support] the [government|coalition|new cabinet]",
    ]
    headlines = [
        f"{world.cap(region)} election: ruling alliance returns with majority",
        f"{winner.last} set to lead {region} after landslide",
        f"Turnout, seats and surprises: the {region} verdict",
    ]
    wd = _WD
    leads = [
        f"The ruling [alliance|coalition|bloc] [swept|won|carried|retained] the {region} "
        f"[assembly|legislature|council] [election|vote|polls] in {A}, "
        f"[results|final results|official results] [declared|announced|published] "
        f"[by the election commission|on {wd}|overnight] [showed|confirmed|indicated].",
        f"Voters in {A}'s {region} [handed|gave|delivered] {winner.name}'s "
        "[party|alliance|camp] "
        f"a [clear|decisive|comfortable|sweeping] [mandate|victory|majority|win] "
        f"[on {wd}|this week|in the latest polls].",
        f"[Celebrations|Cheers|Fireworks|Music] [broke out|erupted|rang out] "
        f"[at|outside|near] the [offices|headquarters|rallies] of {winner.name}'s "
        "[party|alliance|camp] "
        f"as [results|counting trends|early leads|tallies] [came in|arrived|emerged|firmed up] "
        f"from the {region}.",
    ]
    blurb = f"Results from the {region} election in {A}."
    ctx = {"A": A, "Adem": Adem, "city": Acap, "region": region}
    return _Event(i, "election", day, ctx, facts, quotes, anonymous, headlines, leads, blurb)
