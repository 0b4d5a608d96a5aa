"""The commission event: its facts, quotes, anonymous claims, headlines and leads."""

from __future__ import annotations

import datetime as dt
from random import Random
from typing import TYPE_CHECKING, Any

from ..numbers import _alter_count, _alter_day, _alter_ordinal, _count, _day_range, _ordinal
from ..types import DayRange, _Event, _Fact
from ..vocabulary import _WD

if TYPE_CHECKING:
    from ..world import _World


def commission(world: _World, i: int, day: dt.date) -> _Event:
    r = world.r
    a, b = world.pair()
    A, Adem, Acap = world.names(a)
    B, Bdem, _ = world.names(b)
    topic = r.choice(
        [
            "Military and Military-Technical Cooperation",
            "Trade and Economic Cooperation",
            "Science and Technology",
            "Energy",
        ]
    )
    pair = f"{A.removeprefix('the ')}-{B.removeprefix('the ')}"
    body = f"{pair} Intergovernmental Commission on {topic}"
    nth = r.randint(5, 30)
    ma = world.person(a, "Foreign Minister")
    mb = world.person(b, "Foreign Minister")
    days = r.choice([1, 2])
    n_docs = r.randint(3, 15)
    fid = f"e{i}:"

    def r_ord(rr: Random, v: int) -> str:
        o = _ordinal(int(v), rr)
        return rr.choice(
            [
                f"{ma.last} and {mb.last} co-chaired the {o} session of the {body}.",
                f"The {o} session of the {body} was held in {Acap}.",
                f"The ministers met for the {o} {body} meeting.",
            ]
        )

    def r_dates(rr: Random, v: DayRange) -> str:
        start, d = v
        return f"The commission [met|convened|sat] on {_day_range(rr, start, d)}."

    def r_docs(rr: Random, v: int) -> str:
        c = int(v)
        return rr.choice(
            [
                f"The session [ended|closed|concluded] with {_count(rr, c, 'signed protocol')}.",
                f"Ministers signed {_count(rr, c, 'protocol')} at the close of the "
                "[session|meeting].",
            ]
        )

    facts: list[_Fact[Any]] = [
        _Fact(fid + "session", "ordinal", nth, r_ord, _alter_ordinal),
        _Fact(fid + "dates", "date", (day, days), r_dates, _alter_day),
        _Fact(fid + "protocols", "count", n_docs, r_docs, _alter_count),
    ]
    quotes = [
        (ma, f"The commission remains the engine of our cooperation with {B}"),
        (mb, "We reviewed every project on the list and agreed on new priorities"),
    ]
    anonymous = [
        "a [long-delayed|stalled|troubled] joint [venture|project|factory] was "
        "[discussed|raised|revived] [on the sidelines|in private|over dinner]",
        f"{B} [asked|pressed|pushed] for [quicker|faster|simpler] [customs clearance|visa "
        "processing|market access] for its [firms|companies|exporters]",
    ]
    headlines = [
        f"{A}, {B} review cooperation at commission meeting",
        f"{ma.last} and {mb.last} co-chair {A}-{B} commission",
    ]
    wd = _WD
    leads = [
        f"[Ministers|Officials|Delegations] of {A} and {B} [reviewed|took stock "
        "of|assessed|examined] "
        f"[their|joint|bilateral] [cooperation|projects|ties|programmes] at "
        f"[the|this year's|the latest] [annual|yearly|regular] [session|meeting|round] of "
        f"[their|the] [intergovernmental|joint|bilateral] commission [on {wd}|this week|in "
        f"{Acap}].",
        f"{ma.name} [hosted|welcomed|received|met] {mb.name} in {Acap} [for|at|to chair] "
        f"[the|this year's|a] [commission|joint commission|intergovernmental commission] "
        f"[meeting|session|round] [on {wd}|this week].",
        f"[A long list of|A backlog of|Dozens of|Unfinished] [joint|stalled|shared|pending] "
        f"[projects|ventures|plans|programmes] [awaited|faced|confronted|greeted] the "
        f"[ministers|delegations|officials] of {A} and {B} as they [sat "
        "down|met|gathered|convened] "
        f"in {Acap}.",
    ]
    blurb = f"{A} and {B} hold the {body}."
    ctx = {"A": A, "B": B, "Adem": Adem, "Bdem": Bdem, "city": Acap}
    return _Event(i, "commission", day, ctx, facts, quotes, anonymous, headlines, leads, blurb)
