"""The disaster event: its facts, quotes, anonymous claims, headlines and leads."""

from __future__ import annotations

import datetime as dt
from random import Random
from typing import TYPE_CHECKING, Any

from ..numbers import _alter_amount, _alter_count, _alter_day, _day_range, _money
from ..types import DayRange, Money, _Event, _Fact
from ..vocabulary import _COUNTRIES, _DISASTERS, _PROVINCE, _REGIONS, _WD

if TYPE_CHECKING:
    from ..world import _World


def disaster(world: _World, i: int, day: dt.date) -> _Event:
    r = world.r
    a = world.country()
    A, Adem, Acap = world.names(a)
    what, verb = r.choice(_DISASTERS)
    region = f"{r.choice(_REGIONS)} {r.choice(_PROVINCE)}"
    dead = r.randint(3, 400)
    displaced = r.randint(2, 300) * 1000
    aid = round(r.uniform(5, 500)) * 1e6
    cur = _COUNTRIES[a][4] if _COUNTRIES[a][4] != "INR" else "USD"
    official = world.person(a, "disaster management chief")
    minister = world.person(a, "Interior Minister")
    fid = f"e{i}:"

    def r_dead(rr: Random, v: int) -> str:
        n = int(v)
        return rr.choice(
            [
                f"At least {n} people were killed when the {what} {verb} the {region}.",
                f"The death toll from the {what} [rose|climbed] to {n}, [officials "
                "said|authorities said].",
                f"The {what} has killed {n} people, according to the {official.title}.",
            ]
        )

    def r_displaced(rr: Random, v: int) -> str:
        n = int(v)
        return rr.choice(
            [
                f"[About|Around|Nearly] {n:,} people have been moved to [relief camps|shelters].",
                f"Some {n:,} residents were [displaced|forced from their homes].",
                f"Authorities evacuated {n:,} people from [low-lying areas|the worst-hit "
                "villages].",
            ]
        )

    def r_aid(rr: Random, v: Money) -> str:
        amount, c = v
        m = _money(rr, amount, c)
        return rr.choice(
            [
                f"The government [announced|approved] relief of {m}.",
                f"{minister.name} [approved|released] {m} in emergency aid.",
            ]
        )

    def r_day(rr: Random, v: DayRange) -> str:
        start, d = v
        return f"The {what} {verb} the {region} on {_day_range(rr, start, d)}."

    facts: list[_Fact[Any]] = [
        _Fact(fid + "dead", "count", dead, r_dead, _alter_count),
        _Fact(fid + "displaced", "count", displaced, r_displaced, _alter_count),
        _Fact(fid + "aid", "money", (aid, cur), r_aid, _alter_amount),
        _Fact(fid + "day", "date", (day - dt.timedelta(days=1), 1), r_day, _alter_day),
    ]
    quotes = [
        (official, "Rescue teams are working through the night and more help is on the way"),
        (minister, "No family will be left without shelter"),
    ]
    anonymous = [
        "[warnings|alerts|evacuation orders] [issued|sent|given] [two days earlier|in "
        "advance|beforehand] never [reached|got to|arrived in] [several|many|some] "
        "[villages|towns|districts]",
        "the [toll|death toll|number of dead] is [likely|expected|bound] to [rise|climb|grow] "
        "as [roads reopen|rescuers reach remote areas|the water recedes]",
    ]
    headlines = [
        f"{world.cap(what)} in {A}'s {region}: toll rises",
        f"Relief effort under way after {what} in {A}",
        f"Thousands displaced as {what} hits {region}",
    ]
    wd = _WD
    leads = [
        f"[Rescue workers|Rescuers|Emergency crews|Soldiers] in {A} "
        "[searched|dug|combed|sifted] "
        f"[through rubble|through debris|for survivors|into the night] after a {what} {verb} "
        "the "
        f"{region} [on {wd}|this week|overnight|early on {wd}].",
        f"A [powerful|deadly|devastating|violent] {what} {verb} {A}'s {region}, "
        "[flattening|destroying|damaging|wrecking] [homes|houses|villages|roads] and "
        "[cutting|knocking out|severing|disrupting] [power|phone lines|water supplies|roads].",
        f"[Villages|Towns|Communities|Settlements] across {A}'s {region} "
        f"[lay in ruins|were cut off|were flooded|were devastated] "
        f"[on {wd}|this week|after days of chaos] [after|following|in the wake of] a {what}.",
    ]
    blurb = f"The {what} in {A}'s {region} and the relief effort."
    ctx = {"A": A, "Adem": Adem, "city": Acap}
    return _Event(i, "disaster", day, ctx, facts, quotes, anonymous, headlines, leads, blurb)
