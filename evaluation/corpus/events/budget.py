"""The budget event: its facts, quotes, anonymous claims, headlines and leads."""

from __future__ import annotations

import datetime as dt
from random import Random
from typing import TYPE_CHECKING, Any

from ..numbers import _alter_amount, _alter_count, _alter_percent, _count, _fiscal, _money, _percent
from ..types import Money, _Event, _Fact
from ..vocabulary import _COUNTRIES, _WD

if TYPE_CHECKING:
    from ..world import _World


def budget(world: _World, i: int, day: dt.date) -> _Event:
    r = world.r
    a = world.country()
    A, Adem, Acap = world.names(a)
    cur = _COUNTRIES[a][4]
    april = _COUNTRIES[a][5]
    fm = world.person(a, "Finance Minister")
    fy = day.year
    if cur == "INR":
        outlay = round(r.uniform(30, 60), 2) * 1e12
        defence = round(r.uniform(4, 8), 2) * 1e12
    else:
        outlay = round(r.uniform(80, 900), 1) * 1e9
        defence = round(outlay * r.uniform(0.03, 0.12) / 1e8) * 1e8
    fiscal_deficit = round(r.uniform(2, 7), 1)
    schemes = r.randint(5, 40)
    fid = f"e{i}:"

    def r_outlay(rr: Random, v: Money) -> str:
        amount, c = v
        m = _money(rr, amount, c)
        when = _fiscal(rr, fy, april)
        return rr.choice(
            [
                f"{fm.title} {fm.name} [presented|tabled|unveiled] a budget of {m} for {when}.",
                f"Total [spending|expenditure] for {when} is [set|pegged|budgeted] at {m}.",
                f"The government [plans|proposes] to spend {m} in {when}.",
            ]
        )

    def r_defence(rr: Random, v: Money) -> str:
        amount, c = v
        m = _money(rr, amount, c)
        return rr.choice(
            [
                f"Defence [gets|receives] an allocation of {m}.",
                f"The defence budget [rises|climbs|goes up] to {m}.",
                f"Of the total, {m} [goes to|is set aside for] defence.",
            ]
        )

    def r_deficit(rr: Random, v: float) -> str:
        p = _percent(rr, float(v))
        return rr.choice(
            [
                f"The fiscal deficit is [projected|estimated|expected] at {p} of GDP.",
                f"{fm.last} [put|pegged] the fiscal deficit [target|goal] at {p} of GDP.",
            ]
        )

    def r_schemes(rr: Random, v: int) -> str:
        c = _count(rr, int(v), "new scheme")
        return rr.choice(
            [
                f"The budget [announces|introduces] {c} for [farmers, women and small "
                "firms|young people and small businesses|rural households].",
                f"{world.cap(c)} were [unveiled|announced] in the [speech|budget speech].",
            ]
        )

    facts: list[_Fact[Any]] = [
        _Fact(fid + "outlay", "money", (outlay, cur), r_outlay, _alter_amount),
        _Fact(fid + "defence", "money", (defence, cur), r_defence, _alter_amount),
        _Fact(fid + "deficit", "percent", fiscal_deficit, r_deficit, _alter_percent),
        _Fact(fid + "schemes", "count", schemes, r_schemes, _alter_count),
    ]
    opposition = world.person(a, "opposition leader")
    quotes = [
        (
            fm,
            "This budget puts growth and jobs first without losing sight of fiscal discipline",
        ),
        (
            opposition,
            "The budget offers nothing to the middle class and hides the real deficit",
        ),
    ]
    anonymous = [
        "the finance ministry had [resisted|opposed|fought] a [larger|bigger|deeper] cut in "
        "[fuel|petrol|energy] [taxes|duties|levies]",
        "a [second|fresh|new] [stimulus|relief|support] package is being "
        "[prepared|drafted|readied] for [later in the year|the autumn|the second half]",
    ]
    headlines = [
        f"{A} budget: key numbers at a glance",
        f"{fm.last} bets on growth in {A}'s new budget",
        f"Budget {fy}: defence, farmers and the deficit",
    ]
    wd = _WD
    leads = [
        f"{A}'s [finance minister|finance chief|treasury] "
        "[unveiled|presented|delivered|tabled] "
        f"the [annual|yearly|new] budget [in parliament|to lawmakers|in {Acap}] on {wd}, "
        "[promising|pledging|vowing] [growth|jobs|stability|investment] [with|and] "
        "[restraint|discipline|prudence|control].",
        f"{fm.name} [laid out|presented|outlined|set out] {A}'s "
        f"[budget|spending plans|fiscal plans] [on {wd}|this week|in parliament], "
        "[calling it|describing it as|billing it as|framing it as] [a|the] "
        "[blueprint|roadmap|plan|platform] for [growth|recovery|jobs|stability].",
        f"[Tax cuts|Roads and defence|Farmers and small firms|Welfare and infrastructure] "
        f"[dominate|headline|top|lead] the budget [that|which] {fm.name} "
        f"[delivered|presented|unveiled|read out] in {Acap} [on {wd}|this week].",
    ]
    blurb = f"{fm.last} presents {A}'s budget with a focus on growth."
    ctx = {"A": A, "Adem": Adem, "city": Acap}
    return _Event(i, "budget", day, ctx, facts, quotes, anonymous, headlines, leads, blurb)
