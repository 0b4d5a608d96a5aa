"""The results event: its facts, quotes, anonymous claims, headlines and leads."""

from __future__ import annotations

import datetime as dt
from random import Random
from typing import TYPE_CHECKING, Any

from ..numbers import _alter_amount, _alter_count, _alter_percent, _count, _money, _percent
from ..types import Money, _Event, _Fact
from ..vocabulary import _CO_A, _CO_B, _COUNTRIES, _INDUSTRIES, _WD

if TYPE_CHECKING:
    from ..world import _World


def results(world: _World, i: int, day: dt.date) -> _Event:
    r = world.r
    a = world.country()
    A, Adem, Acap = world.names(a)
    company = f"{r.choice(_CO_A)}{r.choice(_CO_B)} {r.choice(_INDUSTRIES)}"
    cur = _COUNTRIES[a][4]
    revenue = round(r.uniform(0.3, 60), 2) * 1e9
    profit = round(revenue * r.uniform(0.03, 0.2) / 1e7) * 1e7
    growth = round(r.uniform(-12, 35), 1)
    jobs = r.randint(2, 90) * 100
    quarter = r.choice(["first", "second", "third", "fourth"])
    ceo = world.person(a, f"chief executive of {company}")
    fid = f"e{i}:"

    def r_rev(rr: Random, v: Money) -> str:
        amount, c = v
        m = _money(rr, amount, c)
        return rr.choice(
            [
                f"{company} [reported|posted] revenue of {m} for the {quarter} quarter.",
                f"Quarterly revenue at {company} [came in at|was] {m}.",
                f"{company}'s {quarter}-quarter sales [reached|totalled] {m}.",
            ]
        )

    def r_profit(rr: Random, v: Money) -> str:
        amount, c = v
        return rr.choice(
            [
                f"Net profit [was|came in at] {_money(rr, amount, c)}.",
                f"The company [posted|reported] a net profit of {_money(rr, amount, c)}.",
            ]
        )

    def r_growth(rr: Random, v: float) -> str:
        x = float(v)
        word = "[rose|grew|climbed]" if x >= 0 else "[fell|declined|dropped]"
        return rr.choice(
            [
                f"Revenue {word} {_percent(rr, abs(x))} from a year earlier.",
                f"Sales {word} {_percent(rr, abs(x))} year on year.",
            ]
        )

    def r_jobs(rr: Random, v: int) -> str:
        c = int(v)
        return rr.choice(
            [
                f"The company [plans|intends] to hire {_count(rr, c, 'worker')} this year.",
                f"{company} said it would [add|create] {_count(rr, c, 'job')}.",
            ]
        )

    facts: list[_Fact[Any]] = [
        _Fact(fid + "revenue", "money", (revenue, cur), r_rev, _alter_amount),
        _Fact(fid + "profit", "money", (profit, cur), r_profit, _alter_amount),
        _Fact(fid + "growth", "percent", growth, r_growth, _alter_percent),
        _Fact(fid + "jobs", "count", jobs, r_jobs, _alter_count),
    ]
    quotes = [
        (ceo, "Demand held up better than we expected in every market we serve"),
        (ceo, "We will keep investing through the cycle"),
    ]
    anonymous = [
        f"{company} is in [early|preliminary|informal] [talks|discussions|negotiations] to "
        "[buy|acquire|take over] a [smaller|local|regional] [rival|competitor|peer]",
        "the board [discussed|considered|debated] a [share buyback|special dividend|capital "
        "return] but [took no decision|deferred a decision|did not decide]",
    ]
    headlines = [
        f"{company} results beat estimates",
        f"{company} {quarter}-quarter revenue: what the numbers say",
        f"{company} to hire as sales grow",
    ]
    wd = _WD
    leads = [
        f"{company}, [one of|among] {A}'s [largest|biggest|best-known|most watched] "
        f"[listed firms|companies|employers|exporters], [reported|posted|published|released] "
        f"{quarter}-quarter [results|earnings|numbers|figures] [on {wd}|this week|after the "
        "bell].",
        f"Shares of {company} [moved sharply|swung|jumped|slid|rallied] "
        f"[on {wd}|in early trade|after hours] after the [company|firm|group] "
        f"[published|released|posted] its {quarter}-quarter "
        "[numbers|figures|earnings|results].",
        "[Investors|Analysts|Traders|Markets] [had braced for|were expecting|feared|had "
        "priced in] "
        f"a [weak|difficult|mixed|soft] [quarter|period|set of numbers] at {company}. "
        "[They got|What came was|The result was|The outcome was] "
        "[something else|a surprise|a mixed picture|a different story].",
    ]
    blurb = f"{company} publishes {quarter}-quarter results."
    ctx = {"A": A, "Adem": Adem, "city": Acap, "company": company}
    return _Event(i, "results", day, ctx, facts, quotes, anonymous, headlines, leads, blurb)
