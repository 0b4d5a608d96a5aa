"""The world behind a corpus: outlets, people and a dated run of events of eight kinds."""

from __future__ import annotations

import datetime as dt
from random import Random

from .events.budget import budget
from .events.commission import commission
from .events.defence import defence
from .events.disaster import disaster
from .events.election import election
from .events.results import results
from .events.summit import summit
from .events.trade import trade
from .types import ARTICLES_PER_EVENT, _Outlet, _Person
from .vocabulary import _BLOG_A, _BLOG_B, _COUNTRIES, _FIRST, _LAST, _PAPER_WORDS, _WIRES


class _World:
    def __init__(self, r: Random, articles: int) -> None:
        self.r = r
        self.people: dict[tuple[int, str], _Person] = {}
        self.outlets = self._outlets(max(12, min(400, articles // 15)))
        n_events = max(4, articles // ARTICLES_PER_EVENT)
        # The first event starts in 2024; events follow every day or two.
        base = dt.date(2024, 1, 8) + dt.timedelta(days=r.randrange(0, 180))
        self.events = []
        day = base
        makers = [
            summit,
            trade,
            defence,
            budget,
            election,
            disaster,
            results,
            commission,
        ]
        # A country has one budget a season, not two in a week: an event of a
        # kind already held in the same country within 60 days is redrawn.
        last: dict[tuple[str, str], dt.date] = {}
        for i in range(n_events):
            day += dt.timedelta(days=r.choice([0, 1, 1, 2, 3]))
            for _ in range(8):
                event = r.choice(makers)(self, i, day)
                key = (event.kind, event.ctx["A"])
                if key not in last or (day - last[key]).days > 60:
                    break
            last[(event.kind, event.ctx["A"])] = day
            self.events.append(event)
        # Some stories are big (dozens of reports), most small.
        weights = [r.paretovariate(1.3) for _ in self.events]
        self.cum_weights = []
        total = 0.0
        for w in weights:
            total += min(w, 25.0)
            self.cum_weights.append(total)

    # -- people and outlets

    def person(self, country: int, title: str) -> _Person:
        key = (country, title)
        p = self.people.get(key)
        if p is None:
            pool = _COUNTRIES[country][3]
            p = _Person(
                f"{self.r.choice(_FIRST[pool])} {self.r.choice(_LAST[pool])}", title, country
            )
            self.people[key] = p
        return p

    def _outlets(self, n: int) -> list[_Outlet]:
        r = self.r
        out: list[_Outlet] = []
        seen: set[str] = set()
        for wire in _WIRES:
            out.append(_Outlet(wire, "wire", wire=wire))
            seen.add(wire)
        # Names can run out for very large n; stop drawing after enough tries.
        for _ in range(50 * n):
            if len(out) >= n:
                break
            c = r.randrange(len(_COUNTRIES))
            name, dem, capital, pool, _, _ = _COUNTRIES[c]
            kind = r.choice(["newspaper", "newspaper", "newspaper", "state", "blog", "broadcaster"])
            if kind == "newspaper":
                title = f"The {capital} {r.choice(_PAPER_WORDS)}"
            elif kind == "state":
                title = r.choice(
                    [
                        f"{dem} State Television",
                        f"{dem} News Agency",
                        f"Voice of {name.removeprefix('the ')}",
                    ]
                )
            elif kind == "blog":
                title = f"{r.choice(_BLOG_A)} {r.choice(_BLOG_B)}"
            else:
                title = r.choice([f"{capital} 24", f"{dem} News Network", f"{capital} Live"])
            if title in seen:
                continue
            seen.add(title)
            reporters = [
                f"{r.choice(_FIRST[pool])} {r.choice(_LAST[pool])}" for _ in range(r.randint(1, 4))
            ]
            wire = (
                r.choice(_WIRES)
                if kind in ("newspaper", "broadcaster") and r.random() < 0.5
                else ""
            )
            out.append(_Outlet(title, kind, wire=wire, reporters=reporters))
        return out

    def country(self) -> int:
        """A country for an event; the desk's home country (India) in a quarter."""
        r = self.r
        return 0 if r.random() < 0.25 else r.randrange(len(_COUNTRIES))

    def pair(self) -> tuple[int, int]:
        a = self.country()
        b = self.r.randrange(len(_COUNTRIES) - 1)
        b += b >= a
        # Either side may be the home country.
        return (a, b) if self.r.random() < 0.5 else (b, a)

    def names(self, c: int) -> tuple[str, str, str]:
        name, dem, capital, *_ = _COUNTRIES[c]
        return name, dem, capital

    @staticmethod
    def cap(s: str) -> str:
        return s[:1].upper() + s[1:]

    # -- events: each builds its facts, quotes, anonymous claims and headlines
