"""A deterministic, realistic corpus of news articles for load tests and demos.

``generate_corpus(articles, seed)`` yields ``(file name, file text)`` pairs in
the plain-text format the importer reads::

    <Headline line>
    source: <Outlet Name>
    by: <Byline>
    date 2026-03-14

    <paragraph>

    <paragraph>
    ...
    (With inputs from ANI)

The world behind it is built from ``random.Random(seed)`` alone: about one
event per eight articles (summits, trade figures, defence deals, budgets,
elections, disasters, company results, commission meetings), each with facts
(money in $, € or ₹ crore, counts, "x of y" fractions, percentages, ordinals,
dates, fiscal years), quotes with speakers and anonymous sourcing. Several
outlets report each event in their own words, so one fact appears in many
wordings ("$68.7B", "68.7 billion dollars"). About 8 % of articles are
syndicated copies of an earlier one with light edits, 2 % light rewrites that
keep the lead and a few paragraphs, and about 5 % state a wrong value for one
fact. ``generate_articles`` yields the same articles with that ground truth.

Pure Python and fast: 10,000 articles (about 22 MB) take about four seconds
of CPU. The same ``(articles, seed)`` always gives the same bytes, whatever
the process (no ``hash()``, no set iteration).

>>> names = [name for name, _ in generate_corpus(3, seed=7)]
>>> names
['gen_000000.txt', 'gen_000001.txt', 'gen_000002.txt']
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from random import Random

__all__ = ["GeneratedArticle", "generate_articles", "generate_corpus"]

COPY_RATE = 0.08
REWRITE_RATE = 0.02
CONTRADICTION_RATE = 0.05
ARTICLES_PER_EVENT = 8


@dataclass(frozen=True, slots=True)
class GeneratedArticle:
    """One generated article and the truth behind it.

    ``relation`` is "original", "copy" (syndicated with light edits) or
    "rewrite" (keeps the lead and some paragraphs); ``copy_of`` names the
    article copied. ``contradicted`` lists fact ids stated with a wrong value,
    ``facts`` every fact id the article states.
    """

    name: str
    text: str
    event: int
    outlet: str
    relation: str = "original"
    copy_of: str | None = None
    facts: tuple[str, ...] = ()
    contradicted: tuple[str, ...] = ()


# ------------------------------------------------------------------ the world

# (name, demonym, capital, name pool, currency, April-March fiscal year)
_COUNTRIES = [
    ("India", "Indian", "New Delhi", "south_asia", "INR", True),
    ("Russia", "Russian", "Moscow", "slavic", "USD", False),
    ("China", "Chinese", "Beijing", "east_asia", "USD", False),
    ("Japan", "Japanese", "Tokyo", "east_asia", "USD", True),
    ("Germany", "German", "Berlin", "europe", "EUR", False),
    ("France", "French", "Paris", "europe", "EUR", False),
    ("Italy", "Italian", "Rome", "europe", "EUR", False),
    ("Spain", "Spanish", "Madrid", "europe", "EUR", False),
    ("the United Kingdom", "British", "London", "europe", "GBP", True),
    ("the United States", "American", "Washington", "europe", "USD", False),
    ("Brazil", "Brazilian", "Brasília", "latin", "USD", False),
    ("Mexico", "Mexican", "Mexico City", "latin", "USD", False),
    ("Argentina", "Argentine", "Buenos Aires", "latin", "USD", False),
    ("South Africa", "South African", "Pretoria", "africa", "USD", True),
    ("Nigeria", "Nigerian", "Abuja", "africa", "USD", False),
    ("Kenya", "Kenyan", "Nairobi", "africa", "USD", True),
    ("Egypt", "Egyptian", "Cairo", "mideast", "USD", False),
    ("Saudi Arabia", "Saudi", "Riyadh", "mideast", "USD", False),
    ("the United Arab Emirates", "Emirati", "Abu Dhabi", "mideast", "USD", False),
    ("Turkey", "Turkish", "Ankara", "mideast", "USD", False),
    ("Iran", "Iranian", "Tehran", "mideast", "USD", False),
    ("Indonesia", "Indonesian", "Jakarta", "east_asia", "USD", False),
    ("Vietnam", "Vietnamese", "Hanoi", "east_asia", "USD", False),
    ("South Korea", "South Korean", "Seoul", "east_asia", "USD", False),
    ("Australia", "Australian", "Canberra", "europe", "USD", False),
    ("Canada", "Canadian", "Ottawa", "europe", "USD", True),
    ("Poland", "Polish", "Warsaw", "slavic", "EUR", False),
    ("Kazakhstan", "Kazakh", "Astana", "slavic", "USD", False),
    ("Bangladesh", "Bangladeshi", "Dhaka", "south_asia", "USD", False),
    ("Sri Lanka", "Sri Lankan", "Colombo", "south_asia", "USD", False),
    ("Nepal", "Nepali", "Kathmandu", "south_asia", "USD", False),
]

_FIRST = {
    "south_asia": [
        "Rajnath",
        "Arvind",
        "Meera",
        "Sunita",
        "Piyush",
        "Nirmala",
        "Anil",
        "Kavita",
        "Suresh",
        "Deepa",
        "Farhan",
        "Nusrat",
        "Ravi",
        "Anjali",
        "Vikram",
    ],
    "slavic": [
        "Andrei",
        "Sergei",
        "Dmitry",
        "Olga",
        "Irina",
        "Mikhail",
        "Yelena",
        "Pavel",
        "Natalia",
        "Viktor",
        "Anna",
        "Oleg",
        "Tatiana",
        "Igor",
        "Marina",
    ],
    "east_asia": [
        "Wei",
        "Li",
        "Hiroshi",
        "Yuki",
        "Min-jun",
        "Ji-woo",
        "Nguyen",
        "Thanh",
        "Budi",
        "Sari",
        "Kenji",
        "Mei",
        "Haruto",
        "Dewi",
        "Jun",
    ],
    "europe": [
        "Anna",
        "Thomas",
        "Claire",
        "Luca",
        "Sofia",
        "Martin",
        "Elena",
        "Pierre",
        "Hannah",
        "James",
        "Olivia",
        "Marco",
        "Julia",
        "Peter",
        "Laura",
    ],
    "latin": [
        "Carlos",
        "Maria",
        "Lucia",
        "Diego",
        "Fernanda",
        "Jorge",
        "Camila",
        "Ricardo",
        "Valentina",
        "Andres",
        "Paula",
        "Mateo",
        "Gabriela",
        "Luis",
        "Rosa",
    ],
    "africa": [
        "Amina",
        "Kwame",
        "Chidi",
        "Nomvula",
        "Thabo",
        "Wanjiru",
        "Tunde",
        "Aisha",
        "Sipho",
        "Zanele",
        "Kofi",
        "Ngozi",
        "Jabari",
        "Lindiwe",
        "Emeka",
    ],
    "mideast": [
        "Ahmed",
        "Fatima",
        "Omar",
        "Layla",
        "Mehmet",
        "Zeynep",
        "Reza",
        "Maryam",
        "Khalid",
        "Noura",
        "Yusuf",
        "Aylin",
        "Hassan",
        "Dalia",
        "Karim",
    ],
}
_LAST = {
    "south_asia": [
        "Singh",
        "Sharma",
        "Goyal",
        "Sitharaman",
        "Patel",
        "Reddy",
        "Iyer",
        "Khan",
        "Rahman",
        "Menon",
        "Verma",
        "Gupta",
        "Das",
        "Nair",
        "Chowdhury",
    ],
    "slavic": [
        "Belousov",
        "Ivanov",
        "Petrov",
        "Sokolova",
        "Volkov",
        "Kuznetsov",
        "Morozova",
        "Lebedev",
        "Kowalski",
        "Nowak",
        "Orlov",
        "Smirnova",
    ],
    "east_asia": [
        "Zhang",
        "Wang",
        "Tanaka",
        "Sato",
        "Kim",
        "Park",
        "Tran",
        "Le",
        "Santoso",
        "Wijaya",
        "Nakamura",
        "Chen",
        "Lee",
        "Suzuki",
        "Pham",
    ],
    "europe": [
        "Muller",
        "Schmidt",
        "Dubois",
        "Rossi",
        "Garcia",
        "Martin",
        "Weber",
        "Bernard",
        "Ricci",
        "Smith",
        "Brown",
        "Wilson",
        "Taylor",
        "Fischer",
        "Moreau",
    ],
    "latin": [
        "Silva",
        "Santos",
        "Oliveira",
        "Rodriguez",
        "Fernandez",
        "Lopez",
        "Gomez",
        "Perez",
        "Costa",
        "Souza",
        "Herrera",
        "Morales",
        "Castro",
        "Rojas",
    ],
    "africa": [
        "Okafor",
        "Mensah",
        "Dlamini",
        "Kamau",
        "Adeyemi",
        "Ndlovu",
        "Otieno",
        "Nkosi",
        "Abubakar",
        "Mwangi",
        "Boateng",
        "Eze",
        "Moyo",
        "Chukwu",
    ],
    "mideast": [
        "Al-Rashid",
        "Yilmaz",
        "Hosseini",
        "Haddad",
        "Demir",
        "Karimi",
        "Mansour",
        "Aziz",
        "Kaya",
        "Farouk",
        "Sadeghi",
        "Nasser",
        "Celik",
    ],
}


# More surnames, so that two officials of one country rarely share one.
for _pool, _names in {
    "south_asia": "Bose Kapoor Joshi Mehta Pillai Rao Saxena Banerjee Kulkarni Bhat Hegde Qureshi",
    "slavic": "Fedorov Novikov Pavlova Zaitsev Sobolev Kovalenko Wisniewski Zielinski Tarasov",
    "east_asia": "Watanabe Ito Yamamoto Liu Huang Choi Jung Nguyen Hoang Kusuma Halim Ogawa",
    "europe": "Becker Hoffmann Leroy Lambert Conti Greco Evans Clarke Novak Jansen Meyer Roux",
    "latin": "Ramirez Torres Flores Vargas Mendoza Ortiz Silveira Pereira Alves Navarro Medina",
    "africa": "Owusu Banda Phiri Odhiambo Mutua Balogun Okonkwo Diallo Toure Sithole Achieng",
    "mideast": "Khoury Aksoy Ozturk Rahimi Jafari Saleh Hamdan Bakr Arslan Tehrani Qasim",
}.items():
    _LAST[_pool] = _LAST[_pool] + _names.split()

_WIRES = ["ANI", "PTI", "IANS", "UNI"]
_PAPER_WORDS = [
    "Herald",
    "Times",
    "Chronicle",
    "Post",
    "Tribune",
    "Gazette",
    "Observer",
    "Courier",
    "Standard",
    "Mail",
]
_BLOG_A = [
    "Strategic",
    "Frontier",
    "Open",
    "Quiet",
    "Northern",
    "Blue",
    "Hard",
    "Long",
    "Plain",
    "Red",
    "Iron",
    "Clear",
]
_BLOG_B = [
    "Ledger",
    "Dispatch",
    "Brief",
    "Review",
    "Signal",
    "Notebook",
    "Wire",
    "Compass",
    "Lens",
    "Report",
]

_SYSTEMS = [
    ("air defence system", "squadron"),
    ("fighter jet", "squadron"),
    ("frigate", "ship"),
    ("attack helicopter", "helicopter"),
    ("main battle tank", "regiment"),
    ("submarine", "submarine"),
    ("howitzer", "battery"),
    ("transport aircraft", "aircraft"),
    ("cruise missile", "battery"),
]
_INDUSTRIES = [
    "Motors",
    "Energy",
    "Pharma",
    "Systems",
    "Steel",
    "Telecom",
    "Foods",
    "Airlines",
    "Logistics",
    "Chemicals",
]
_CO_A = [
    "Vantage",
    "Orion",
    "Meridian",
    "Sterling",
    "Apex",
    "Nova",
    "Crescent",
    "Summit",
    "Harbor",
    "Zenith",
    "Atlas",
]
_CO_B = ["", " Global", " Holdings", " Group", " International", " Industries"]
_SECTORS = [
    "shipbuilding",
    "space exploration",
    "critical minerals",
    "nuclear energy",
    "pharmaceuticals",
    "fertilisers",
    "railways",
    "digital payments",
    "agriculture",
    "healthcare",
    "connectivity",
    "tourism",
    "education",
    "artificial intelligence",
    "fisheries",
    "civil aviation",
]
_DISASTERS = [
    ("earthquake", "[struck|hit|shook|jolted]"),
    ("flood", "[swept through|inundated|submerged|swamped]"),
    ("cyclone", "[made landfall in|slammed into|battered|lashed]"),
    ("landslide", "[hit|buried|struck|engulfed]"),
]
_REGIONS = [
    "northern",
    "southern",
    "eastern",
    "western",
    "central",
    "coastal",
    "north-eastern",
    "hill",
]
_PROVINCE = ["province", "state", "district", "region"]
_MONTHS = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
]
# Stands for "the day of the event" in templates; each article says it the way
# its own date allows ("on Thursday" within the week after, else "on 20 June").
_WD = "\x00WD\x00"
_WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
_SMALL = [
    "zero",
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
    "seventeen",
    "eighteen",
    "nineteen",
    "twenty",
]
_ORD_WORDS = [
    "zeroth",
    "first",
    "second",
    "third",
    "fourth",
    "fifth",
    "sixth",
    "seventh",
    "eighth",
    "ninth",
    "tenth",
    "eleventh",
    "twelfth",
]


@dataclass(slots=True)
class _Person:
    name: str
    title: str
    country: int

    @property
    def last(self) -> str:
        return self.name.split()[-1]


@dataclass(slots=True)
class _Outlet:
    name: str
    kind: str  # wire | newspaper | state | blog | broadcaster
    wire: str = ""
    reporters: list[str] = field(default_factory=list)


@dataclass(slots=True)
class _Fact:
    """One checkable fact of an event and how to say it."""

    id: str
    slot: str
    value: object
    render: Callable[[Random, object], str]
    alter: Callable[[Random, object], object] | None = None


@dataclass(slots=True)
class _Event:
    index: int
    kind: str
    day: dt.date
    ctx: dict
    facts: list[_Fact]
    quotes: list[tuple[_Person, str]]
    anonymous: list[str]
    headlines: list[str]
    leads: list[str]
    blurb: str


# ------------------------------------------------------------- number styles


def _event_day(event: dt.date, article: dt.date) -> str:
    """How an article dated ``article`` names the event's day: "Thursday" in the
    week after it, the date otherwise (a weekday before the event would read as
    last week's)."""
    if 0 <= (article - event).days <= 5:
        return _WEEKDAYS[event.weekday()]
    return f"{_MONTHS[event.month - 1]} {event.day}"


def _trim(x: float) -> str:
    text = f"{x:,.2f}".rstrip("0").rstrip(".")
    return text


def _words(n: int) -> str:
    return _SMALL[n] if 0 <= n < len(_SMALL) else f"{n:,}"


def _ordinal(n: int, r: Random) -> str:
    if n < len(_ORD_WORDS) and r.random() < 0.25:
        return _ORD_WORDS[n]
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


def _plural(unit: str, n: float = 2) -> str:
    if n == 1:
        return unit
    if unit.endswith("y") and unit[-2] not in "aeiou":
        return unit[:-1] + "ies"
    if unit.endswith(("s", "ch", "sh", "x")):
        return unit + "es"
    return unit + "s"


_BOUND_PREFIX = {
    "approx": ["nearly ", "about ", "around ", "roughly ", "close to "],
    "min": ["more than ", "over ", "at least "],
    "max": ["up to ", "as much as "],
}


def _money(r: Random, amount: float, currency: str, bound: str | None = None) -> str:
    """One of the many ways papers write an amount."""
    prefix = r.choice(_BOUND_PREFIX[bound]) if bound else ""
    if currency == "INR":
        crore = amount / 1e7
        if crore >= 100_000 and r.random() < 0.5:
            lakh = _trim(crore / 100_000)
            body = r.choice([f"₹{lakh} lakh crore", f"Rs {lakh} lakh crore"])
        else:
            c = f"{round(crore):,}"
            body = r.choice([f"₹{c} crore", f"Rs {c} crore", f"INR {c} crore", f"₹{c} crore"])
        return prefix + body
    big = amount >= 1e9
    x = _trim(amount / (1e9 if big else 1e6))
    word = "billion" if big else "million"
    letter = "B" if big else "M"
    if currency == "EUR":
        body = r.choice(
            [f"€{x} {word}", f"{x} {word} euros", f"EUR {x} {word}", f"€{x}{letter.lower()}n"]
        )
    elif currency == "GBP":
        body = r.choice([f"£{x} {word}", f"{x} {word} pounds", f"£{x}{letter.lower()}n"])
    else:
        body = r.choice(
            [
                f"${x} {word}",
                f"${x}{letter}",
                f"US${x} {word}",
                f"{x} {word} dollars",
                f"USD {x} {word}",
            ]
        )
    if bound == "min" and r.random() < 0.3 and body.startswith("$"):
        return body.replace(f" {word}", letter) + "+"
    return prefix + body


def _count(r: Random, n: int, unit: str) -> str:
    number = _words(n) if n <= 12 and r.random() < 0.5 else f"{n:,}"
    return f"{number} {_plural(unit, n)}"


def _fraction(r: Random, value: object, unit: str) -> str:
    n, d = value  # type: ignore[misc]
    units = _plural(unit, d)
    return r.choice(
        [
            f"{n} of {d} {units}",
            f"{n} of the {d} {units}",
            f"{_words(n)} {_plural(unit, n)} out of {_words(d)}",
            f"{n} out of {d} {units}",
            f"{_words(n)} of the {_words(d)} {units}",
        ]
    )


def _percent(r: Random, x: float) -> str:
    t = _trim(x)
    return r.choice([f"{t}%", f"{t} per cent", f"{t} percent", f"{t}%"])


def _day_range(r: Random, start: dt.date, days: int) -> str:
    end = start + dt.timedelta(days=days - 1)
    m = _MONTHS[start.month - 1]
    mm = m[:3] + "." if len(m) > 4 and r.random() < 0.2 else m
    year = f", {start.year}" if r.random() < 0.3 else ""
    if days == 1:
        wd = _WEEKDAYS[start.weekday()]
        return r.choice([f"{mm} {start.day}{year}", f"{start.day} {m}", f"{wd}, {m} {start.day}"])
    if end.month != start.month:
        return f"{m} {start.day} to {_MONTHS[end.month - 1]} {end.day}{year}"
    return r.choice(
        [
            f"{mm} {start.day}-{end.day}{year}",
            f"{start.day}-{end.day} {m}",
            f"{m} {start.day} and {end.day}" if days == 2 else f"{m} {start.day} to {end.day}",
            f"{mm} {start.day}–{end.day}",
        ]
    )


def _fiscal(r: Random, year: int, april: bool) -> str:
    """``year`` is the year the fiscal year starts in."""
    if not april:
        return r.choice([f"{year}", f"calendar year {year}", f"fiscal {year}"])
    short = f"{year}-{(year + 1) % 100:02d}"
    return r.choice(
        [
            f"FY{short}",
            f"FY{(year + 1) % 100:02d}",
            short,
            f"the {short} fiscal year",
            f"financial year {short}",
        ]
    )


def _in_fiscal(r: Random, year: int, april: bool) -> str:
    text = _fiscal(r, year, april)
    return ("in " if not text.startswith("the ") else "in ") + text


# -------------------------------------------------------------- alterations


def _alter_amount(r: Random, v: object) -> object:
    amount, cur = v  # type: ignore[misc]
    factor = r.choice([0.85, 0.9, 0.93, 1.07, 1.1, 1.2])
    return (round(amount * factor, -7 if amount >= 1e9 else -5), cur)


def _alter_count(r: Random, v: object) -> object:
    n = int(v)  # type: ignore[call-overload]
    return max(
        1, n + r.choice([-3, -2, -1, 1, 2, 3]) if n < 40 else round(n * r.choice([0.8, 1.25]))
    )


def _alter_fraction(r: Random, v: object) -> object:
    n, d = v  # type: ignore[misc]
    return (n + 1, d) if n + 1 <= d else (n - 1, d)


def _alter_percent(r: Random, v: object) -> object:
    return round(float(v) + r.choice([-2.5, -1.5, 1.2, 2.0, 3.1]), 1)  # type: ignore[arg-type]


def _alter_day(r: Random, v: object) -> object:
    start, days = v  # type: ignore[misc]
    return (start + dt.timedelta(days=r.choice([-1, 1, 2])), days)


def _alter_ordinal(r: Random, v: object) -> object:
    return int(v) + r.choice([-1, 1])  # type: ignore[call-overload]


# ------------------------------------------------------------------ the world
# ------------------------------------------------------------------ the world


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
            self._summit,
            self._trade,
            self._defence,
            self._budget,
            self._election,
            self._disaster,
            self._results,
            self._commission,
        ]
        # A country has one budget a season, not two in a week: an event of a
        # kind already held in the same country within 60 days is redrawn.
        last: dict[tuple[str, str], dt.date] = {}
        for i in range(n_events):
            day += dt.timedelta(days=r.choice([0, 1, 1, 2, 3]))
            for _ in range(8):
                event = r.choice(makers)(i, day)
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

    def _summit(self, i: int, day: dt.date) -> _Event:
        r = self.r
        a, b = self.pair()
        A, Adem, Acap = self.names(a)
        B, Bdem, Bcap = self.names(b)
        la = self.person(a, r.choice(["President", "Prime Minister"]))
        lb = self.person(b, r.choice(["President", "Prime Minister"]))
        days = r.choice([1, 2, 2, 3])
        nth = r.randint(2, 25)
        n_docs = r.randint(4, 18)
        n_mous = r.randint(6, 30)
        target = round(r.uniform(20, 200)) * 1e9
        target_year = day.year + r.choice([4, 5, 6, 8])
        sectors = r.sample(_SECTORS, 3)
        fid = f"e{i}:"

        def r_dates(rr: Random, v: object) -> str:
            start, d = v  # type: ignore[misc]
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

        def r_ordinal(rr: Random, v: object) -> str:
            o = _ordinal(int(v), rr)  # type: ignore[call-overload]
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

        def r_docs(rr: Random, v: object) -> str:
            n = int(v)  # type: ignore[call-overload]
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

        def r_mous(rr: Random, v: object) -> str:
            n = int(v)  # type: ignore[call-overload]
            more = rr.choice(["more than ", "over ", ""])
            return rr.choice(
                [
                    f"[Businesses|Companies|Firms] from both [countries|sides] will sign {more}{n} "
                    f"commercial MoUs in {sectors[1]}, {sectors[2]} and {sectors[0]}.",
                    f"{self.cap(more)}{n} commercial memoranda of understanding are also [on the "
                    "table|in the works|lined up], according to the [trade|commerce] ministry.",
                ]
            )

        def r_target(rr: Random, v: object) -> str:
            amount, cur = v  # type: ignore[misc]
            m = _money(rr, amount, cur, rr.choice(["approx", None]))
            return rr.choice(
                [
                    f"The two leaders have set a target of {m} in bilateral trade by "
                    f"{target_year}.",
                    f"{A} and {B} aim to [lift|raise|boost] two-way trade to {m} by {target_year}.",
                    f"Both governments want [trade|bilateral trade] to reach {m} by "
                    f"{target_year}[, up from current levels|].",
                ]
            )

        facts = [
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

    def _trade(self, i: int, day: dt.date) -> _Event:
        r = self.r
        a, b = self.pair()
        A, Adem, Acap = self.names(a)
        B, Bdem, _ = self.names(b)
        april = _COUNTRIES[a][5]
        minister = self.person(a, r.choice(["Commerce Minister", "Trade Minister"]))
        fy = day.year - 1
        total = round(r.uniform(3, 150), 1) * 1e9
        growth = round(r.uniform(1, 25), 1)
        deficit = round(total * r.uniform(0.2, 0.6) / 1e9) * 1e9
        # Trade is mostly counted in dollars; euro-area figures often in euros.
        cur = "EUR" if _COUNTRIES[a][4] == "EUR" and r.random() < 0.6 else "USD"
        fid = f"e{i}:"

        def r_total(rr: Random, v: object) -> str:
            amount, c = v  # type: ignore[misc]
            m = _money(rr, amount, c)
            when = _in_fiscal(rr, fy, april)
            return rr.choice(
                [
                    f"Bilateral trade between {A} and {B} [reached|hit|rose to] {m} {when}, "
                    "according to [official data|government figures|the ministry].",
                    f"{A}-{B} trade stood at {m} {when}.",
                    f"Two-way trade [touched|reached|came to] {m} {when}, {minister.title} "
                    f"{minister.name} [said|told parliament|noted].",
                    f"{self.cap(when)}, [bilateral trade|trade] between the two "
                    f"[countries|nations] was worth {m}.",
                    f"Trade between {A} and {B} amounted to {m} {when}, [customs figures show|the "
                    f"data show|figures released on {_WD} show].",
                ]
            )

        def r_growth(rr: Random, v: object) -> str:
            p = _percent(rr, float(v))  # type: ignore[arg-type]
            return rr.choice(
                [
                    f"That is a [rise|jump|increase] of {p} on the previous year.",
                    f"Trade grew {p} year on year, [driven|helped] by [energy and machinery|fuel, "
                    "fertiliser and machinery|higher energy purchases].",
                    f"The figure [represents|marks] growth of {p} over the year before.",
                ]
            )

        def r_deficit(rr: Random, v: object) -> str:
            amount, c = v  # type: ignore[misc]
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

        facts = [
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

    def _defence(self, i: int, day: dt.date) -> _Event:
        r = self.r
        buyer, seller = self.pair()
        A, Adem, Acap = self.names(buyer)
        B, Bdem, _ = self.names(seller)
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
        minister = self.person(buyer, "Defence Minister")
        counterpart = self.person(seller, "Defence Minister")
        last_year = day.year + r.choice([1, 2, 3])
        fid = f"e{i}:"

        def r_deliv(rr: Random, v: object) -> str:
            f = _fraction(rr, v, unit)
            return rr.choice(
                [
                    f"{B} has so far delivered {f} under the {system} {kind} "
                    "[order|contract|deal].",
                    f"Deliveries of the {system} stand at {f}, [officials said|the ministry "
                    "said|sources in the ministry said].",
                    f"{A} has [received|taken delivery of] {f} under the {system} contract.",
                    f"Of the {system} order, {f} have [arrived in|reached] {A}.",
                ]
            )

        def r_value(rr: Random, v: object) -> str:
            amount, c = v  # type: ignore[misc]
            m = _money(rr, amount, c)
            return rr.choice(
                [
                    f"The {system} deal, signed with {B}[ in an earlier year| before the war|], is "
                    f"worth {m}.",
                    f"{A} [agreed to pay|is paying] {m} for the {system} {_plural(kind)}.",
                    f"The contract for the {system} is [valued at|worth] {m}.",
                ]
            )

        def r_year(rr: Random, v: object) -> str:
            return rr.choice(
                [
                    f"The remaining {_plural(unit)} are [due|expected] by {v}.",
                    f"Deliveries should be [completed|finished|wrapped up] in {v}, according to "
                    "the ministry.",
                ]
            )

        facts = [
            _Fact(fid + "delivered", "fraction", (n, d), r_deliv, _alter_fraction),
            _Fact(fid + "value", "money", (value, cur), r_value, _alter_amount),
            _Fact(fid + "year", "date", last_year, r_year, lambda rr, v: int(v) + 1),  # type: ignore[call-overload]
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

    def _budget(self, i: int, day: dt.date) -> _Event:
        r = self.r
        a = self.country()
        A, Adem, Acap = self.names(a)
        cur = _COUNTRIES[a][4]
        april = _COUNTRIES[a][5]
        fm = self.person(a, "Finance Minister")
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

        def r_outlay(rr: Random, v: object) -> str:
            amount, c = v  # type: ignore[misc]
            m = _money(rr, amount, c)
            when = _fiscal(rr, fy, april)
            return rr.choice(
                [
                    f"{fm.title} {fm.name} [presented|tabled|unveiled] a budget of {m} for {when}.",
                    f"Total [spending|expenditure] for {when} is [set|pegged|budgeted] at {m}.",
                    f"The government [plans|proposes] to spend {m} in {when}.",
                ]
            )

        def r_defence(rr: Random, v: object) -> str:
            amount, c = v  # type: ignore[misc]
            m = _money(rr, amount, c)
            return rr.choice(
                [
                    f"Defence [gets|receives] an allocation of {m}.",
                    f"The defence budget [rises|climbs|goes up] to {m}.",
                    f"Of the total, {m} [goes to|is set aside for] defence.",
                ]
            )

        def r_deficit(rr: Random, v: object) -> str:
            p = _percent(rr, float(v))  # type: ignore[arg-type]
            return rr.choice(
                [
                    f"The fiscal deficit is [projected|estimated|expected] at {p} of GDP.",
                    f"{fm.last} [put|pegged] the fiscal deficit [target|goal] at {p} of GDP.",
                ]
            )

        def r_schemes(rr: Random, v: object) -> str:
            c = _count(rr, int(v), "new scheme")  # type: ignore[call-overload]
            return rr.choice(
                [
                    f"The budget [announces|introduces] {c} for [farmers, women and small "
                    "firms|young people and small businesses|rural households].",
                    f"{self.cap(c)} were [unveiled|announced] in the [speech|budget speech].",
                ]
            )

        facts = [
            _Fact(fid + "outlay", "money", (outlay, cur), r_outlay, _alter_amount),
            _Fact(fid + "defence", "money", (defence, cur), r_defence, _alter_amount),
            _Fact(fid + "deficit", "percent", fiscal_deficit, r_deficit, _alter_percent),
            _Fact(fid + "schemes", "count", schemes, r_schemes, _alter_count),
        ]
        opposition = self.person(a, "opposition leader")
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

    def _election(self, i: int, day: dt.date) -> _Event:
        r = self.r
        a = self.country()
        A, Adem, Acap = self.names(a)
        region = f"{r.choice(_REGIONS)} {r.choice(_PROVINCE)}"
        seats = r.choice([60, 90, 117, 140, 182, 224, 243, 288, 403])
        won = r.randint(seats // 2 + 1, int(seats * 0.8))
        turnout = round(r.uniform(48, 82), 1)
        phases = r.randint(1, 7)
        winner = self.person(a, "Chief Minister-designate")
        official = self.person(a, "Chief Electoral Officer")
        fid = f"e{i}:"

        def r_seats(rr: Random, v: object) -> str:
            n, d = v  # type: ignore[misc]
            return rr.choice(
                [
                    f"The ruling alliance [won|secured|took] {n} of {d} seats in the {region} "
                    "assembly.",
                    f"{winner.name}'s party [secured|won|bagged] {n} of the {d} seats.",
                    f"The alliance took {n} seats out of {d}, [results showed|final results "
                    "showed|the commission said].",
                ]
            )

        def r_turnout(rr: Random, v: object) -> str:
            p = _percent(rr, float(v))  # type: ignore[arg-type]
            return rr.choice(
                [
                    f"Turnout was {p}, according to the election commission.",
                    f"Voter turnout [stood at|was|came in at] {p}.",
                    f"{official.title} {official.name} said turnout [reached|was] {p}.",
                ]
            )

        def r_phases(rr: Random, v: object) -> str:
            return f"Voting was [held|conducted] in {_count(rr, int(v), 'phase')}."  # type: ignore[call-overload]

        def r_day(rr: Random, v: object) -> str:
            start, d = v  # type: ignore[misc]
            return rr.choice(
                [
                    f"Counting [took place|was held] on {_day_range(rr, start, d)}.",
                    f"Results were [declared|announced] on {_day_range(rr, start, d)}.",
                ]
            )

        facts = [
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
            f"{self.cap(region)} election: ruling alliance returns with majority",
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

    def _disaster(self, i: int, day: dt.date) -> _Event:
        r = self.r
        a = self.country()
        A, Adem, Acap = self.names(a)
        what, verb = r.choice(_DISASTERS)
        region = f"{r.choice(_REGIONS)} {r.choice(_PROVINCE)}"
        dead = r.randint(3, 400)
        displaced = r.randint(2, 300) * 1000
        aid = round(r.uniform(5, 500)) * 1e6
        cur = _COUNTRIES[a][4] if _COUNTRIES[a][4] != "INR" else "USD"
        official = self.person(a, "disaster management chief")
        minister = self.person(a, "Interior Minister")
        fid = f"e{i}:"

        def r_dead(rr: Random, v: object) -> str:
            n = int(v)  # type: ignore[call-overload]
            return rr.choice(
                [
                    f"At least {n} people were killed when the {what} {verb} the {region}.",
                    f"The death toll from the {what} [rose|climbed] to {n}, [officials "
                    "said|authorities said].",
                    f"The {what} has killed {n} people, according to the {official.title}.",
                ]
            )

        def r_displaced(rr: Random, v: object) -> str:
            n = int(v)  # type: ignore[call-overload]
            return rr.choice(
                [
                    f"[About|Around|Nearly] {n:,} people have been moved to [relief "
                    "camps|shelters].",
                    f"Some {n:,} residents were [displaced|forced from their homes].",
                    f"Authorities evacuated {n:,} people from [low-lying areas|the worst-hit "
                    "villages].",
                ]
            )

        def r_aid(rr: Random, v: object) -> str:
            amount, c = v  # type: ignore[misc]
            m = _money(rr, amount, c)
            return rr.choice(
                [
                    f"The government [announced|approved] relief of {m}.",
                    f"{minister.name} [approved|released] {m} in emergency aid.",
                ]
            )

        def r_day(rr: Random, v: object) -> str:
            start, d = v  # type: ignore[misc]
            return f"The {what} {verb} the {region} on {_day_range(rr, start, d)}."

        facts = [
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
            f"{self.cap(what)} in {A}'s {region}: toll rises",
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

    def _results(self, i: int, day: dt.date) -> _Event:
        r = self.r
        a = self.country()
        A, Adem, Acap = self.names(a)
        company = f"{r.choice(_CO_A)}{r.choice(_CO_B)} {r.choice(_INDUSTRIES)}"
        cur = _COUNTRIES[a][4]
        revenue = round(r.uniform(0.3, 60), 2) * 1e9
        profit = round(revenue * r.uniform(0.03, 0.2) / 1e7) * 1e7
        growth = round(r.uniform(-12, 35), 1)
        jobs = r.randint(2, 90) * 100
        quarter = r.choice(["first", "second", "third", "fourth"])
        ceo = self.person(a, f"chief executive of {company}")
        fid = f"e{i}:"

        def r_rev(rr: Random, v: object) -> str:
            amount, c = v  # type: ignore[misc]
            m = _money(rr, amount, c)
            return rr.choice(
                [
                    f"{company} [reported|posted] revenue of {m} for the {quarter} quarter.",
                    f"Quarterly revenue at {company} [came in at|was] {m}.",
                    f"{company}'s {quarter}-quarter sales [reached|totalled] {m}.",
                ]
            )

        def r_profit(rr: Random, v: object) -> str:
            amount, c = v  # type: ignore[misc]
            return rr.choice(
                [
                    f"Net profit [was|came in at] {_money(rr, amount, c)}.",
                    f"The company [posted|reported] a net profit of {_money(rr, amount, c)}.",
                ]
            )

        def r_growth(rr: Random, v: object) -> str:
            x = float(v)  # type: ignore[arg-type]
            word = "[rose|grew|climbed]" if x >= 0 else "[fell|declined|dropped]"
            return rr.choice(
                [
                    f"Revenue {word} {_percent(rr, abs(x))} from a year earlier.",
                    f"Sales {word} {_percent(rr, abs(x))} year on year.",
                ]
            )

        def r_jobs(rr: Random, v: object) -> str:
            c = int(v)  # type: ignore[call-overload]
            return rr.choice(
                [
                    f"The company [plans|intends] to hire {_count(rr, c, 'worker')} this year.",
                    f"{company} said it would [add|create] {_count(rr, c, 'job')}.",
                ]
            )

        facts = [
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

    def _commission(self, i: int, day: dt.date) -> _Event:
        r = self.r
        a, b = self.pair()
        A, Adem, Acap = self.names(a)
        B, Bdem, _ = self.names(b)
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
        ma = self.person(a, "Foreign Minister")
        mb = self.person(b, "Foreign Minister")
        days = r.choice([1, 2])
        n_docs = r.randint(3, 15)
        fid = f"e{i}:"

        def r_ord(rr: Random, v: object) -> str:
            o = _ordinal(int(v), rr)  # type: ignore[call-overload]
            return rr.choice(
                [
                    f"{ma.last} and {mb.last} co-chaired the {o} session of the {body}.",
                    f"The {o} session of the {body} was held in {Acap}.",
                    f"The ministers met for the {o} {body} meeting.",
                ]
            )

        def r_dates(rr: Random, v: object) -> str:
            start, d = v  # type: ignore[misc]
            return f"The commission [met|convened|sat] on {_day_range(rr, start, d)}."

        def r_docs(rr: Random, v: object) -> str:
            c = int(v)  # type: ignore[call-overload]
            return rr.choice(
                [
                    "The session [ended|closed|concluded] with "
                    f"{_count(rr, c, 'signed protocol')}.",
                    f"Ministers signed {_count(rr, c, 'protocol')} at the close of the "
                    "[session|meeting].",
                ]
            )

        facts = [
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


def _filler(r: Random, ctx: dict, template: str | None = None) -> str:
    """One or two sentences of opinion, background or scene, no checkable numbers."""
    sentence = _x(r, template or r.choice(_FILLERS)).format(**ctx)
    link = r.choice(_LINKS)
    if link and not sentence.startswith((ctx.get("A", "\0"), ctx.get("city", "\0"))):
        return link + sentence[:1].lower() + sentence[1:]
    return _cap(sentence)


def _fillers(r: Random, ctx: dict, n: int) -> str:
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


class _Writer:
    def __init__(self, articles: int, seed: int) -> None:
        self.r = Random(f"corpus:{seed}:{articles}")
        self.world = _World(self.r, articles)
        self.articles = articles
        # Originals available for copying, most recent last (bounded memory).
        self.recent: list[tuple[GeneratedArticle, list[str], str, str]] = []

    def run(self) -> Iterator[GeneratedArticle]:
        r = self.r
        for k in range(self.articles):
            name = f"gen_{k:06d}.txt"
            roll = r.random()
            if self.recent and roll < COPY_RATE:
                yield self._copy(name)
            elif self.recent and roll < COPY_RATE + REWRITE_RATE:
                yield self._rewrite(name)
            else:
                yield self._original(name)

    # -- building blocks

    def _pick_event(self) -> _Event:
        w = self.world
        return self.r.choices(w.events, cum_weights=w.cum_weights)[0]

    def _outlet(self) -> _Outlet:
        return self.r.choice(self.world.outlets)

    def _byline(self, outlet: _Outlet) -> str:
        r = self.r
        if outlet.kind == "wire" or not outlet.reporters or r.random() < 0.15:
            return r.choice(["Staff Reporter", "Web Desk", f"{outlet.name} Staff", "News Desk"])
        return r.choice(outlet.reporters)

    def _facts_text(self, ev: _Event, contradict: bool) -> tuple[list[str], list[str], list[str]]:
        r = self.r
        chosen = r.sample(ev.facts, k=min(len(ev.facts), r.randint(2, len(ev.facts))))
        bad = r.choice(chosen) if contradict else None
        sentences, ids, wrong = [], [], []
        for f in chosen:
            value = f.value
            if f is bad and f.alter is not None:
                value = f.alter(r, value)
                wrong.append(f.id)
            sentences.append(_vary(r, _x(r, f.render(r, value))))
            ids.append(f.id)
        return sentences, ids, wrong

    def _body(
        self, ev: _Event, outlet: _Outlet, contradict: bool, day: dt.date
    ) -> tuple[list[str], list[str], list[str]]:
        r = self.r
        ctx = ev.ctx
        # Each filler template at most once per article until all are used.
        deck: list[str] = []

        def fill(n: int) -> str:
            out = []
            for _ in range(n):
                if not deck:
                    deck.extend(r.sample(_FILLERS, len(_FILLERS)))
                out.append(_filler(r, ctx, deck.pop()))
            return " ".join(out)

        facts, ids, wrong = self._facts_text(ev, contradict)
        lead = _vary(r, _x(r, r.choice(ev.leads)))
        if facts and r.random() < 0.5:
            lead += " " + facts.pop(0)
        paragraphs = [lead + (" " + fill(1) if r.random() < 0.5 else "")]
        dem = ctx.get("Bdem") or ctx["Adem"]
        blocks: list[str] = []
        for f in facts:
            blocks.append(f"{f} {fill(r.randint(0, 2))}".rstrip())
        for person, text in r.sample(ev.quotes, k=r.randint(1, len(ev.quotes))):
            extra = f" {fill(r.randint(1, 2))}" if r.random() < 0.5 else ""
            blocks.append(_quote(r, person, text, dem) + extra)
        if r.random() < 0.6:
            opener = r.choice(_ANON_OPENERS)
            claim = _vary(r, _x(r, r.choice(ev.anonymous)))
            blocks.append(
                _x(r, opener).format(n=r.choice(["two", "three", "several"]), claim=claim)
            )
        room = 14 - len(blocks)
        for _ in range(max(0, min(r.randint(2, 6), room))):
            blocks.append(fill(r.randint(2, 3)))
        # Papers run to at least 2 KB; pad the colour paragraphs, not the count.
        size = len(lead) + sum(len(b) for b in blocks)
        while size < 2000:
            i = r.randrange(len(blocks))
            extra = fill(1)
            blocks[i] += " " + extra
            size += len(extra) + 1
        # Facts first, colour later, but not rigidly: shuffle the tail only.
        head, tail = blocks[:2], blocks[2:]
        r.shuffle(tail)
        paragraphs.extend(head + tail)
        when = _event_day(ev.day, day)
        return [p.replace(_WD, when) for p in paragraphs], ids, wrong

    def _render(
        self,
        headline: str,
        outlet: _Outlet,
        byline: str,
        day: dt.date,
        paragraphs: list[str],
        credit: str,
    ) -> str:
        r = self.r
        parts = [f"{headline}\nsource: {outlet.name}\nby: {byline}\ndate {day.isoformat()}"]
        body = list(paragraphs)
        if r.random() < 0.1:
            words = sum(len(p.split()) for p in body)
            body[-1] = f"{body[-1]} ({words} words)"
        parts.extend(body)
        if credit:
            parts.append(credit)
        if r.random() < 0.08:
            parts.append("Comments are closed.")
        if r.random() < 0.1:
            others = [self._pick_event() for _ in range(r.randint(2, 3))]
            lines = ["Read next"]
            for ev in others:
                lines.append(r.choice(ev.headlines))
                lines.append(ev.blurb)
            parts.append("\n".join(lines))
        return "\n\n".join(parts) + "\n"

    def _credit(self, outlet: _Outlet, p: float) -> str:
        r = self.r
        wire = outlet.wire or (outlet.name if outlet.kind == "wire" else "")
        if not wire or r.random() >= p:
            return ""
        return r.choice(
            [f"(With inputs from {wire})", f"Based On {wire} Report", f"(With inputs from {wire})"]
        )

    def _remember(
        self, art: GeneratedArticle, paragraphs: list[str], headline: str, credit: str
    ) -> None:
        self.recent.append((art, paragraphs, headline, credit))
        if len(self.recent) > 300:
            del self.recent[:100]

    # -- the three kinds of article

    def _original(self, name: str) -> GeneratedArticle:
        r = self.r
        ev = self._pick_event()
        outlet = self._outlet()
        contradict = r.random() < CONTRADICTION_RATE
        day = ev.day + dt.timedelta(days=r.choice([-2, -1, 0, 0, 1, 1, 2, 3]))
        paragraphs, ids, wrong = self._body(ev, outlet, contradict, day)
        headline = r.choice(ev.headlines)
        credit = self._credit(outlet, 0.6)
        text = self._render(headline, outlet, self._byline(outlet), day, paragraphs, credit)
        art = GeneratedArticle(
            name, text, ev.index, outlet.name, "original", None, tuple(ids), tuple(wrong)
        )
        self._remember(art, paragraphs, headline, credit)
        return art

    def _copy(self, name: str) -> GeneratedArticle:
        """A syndicated copy: new outlet and headline, light edits, a credit."""
        r = self.r
        src, paragraphs, headline, credit = r.choice(self.recent)
        ev = self.world.events[src.event]
        outlet = self._outlet()
        paras = list(paragraphs)
        if len(paras) > 4 and r.random() < 0.5:
            del paras[r.randrange(1, len(paras))]
        if r.random() < 0.4:
            paras.insert(r.randrange(1, len(paras) + 1), _fillers(r, ev.ctx, 2))
        for _ in range(r.randint(0, 3)):
            i = r.randrange(len(paras))
            pattern, repl = r.choice(_SYN_RES)
            paras[i] = pattern.sub(repl, paras[i], count=1)
        alternatives = [h for h in ev.headlines if h != headline] or [headline]
        new_headline = r.choice(alternatives) if r.random() < 0.7 else headline
        wire = src.outlet if src.outlet in _WIRES else r.choice(_WIRES)
        credit = credit or (f"(With inputs from {wire})" if r.random() < 0.7 else "")
        day = dt.date.fromisoformat(src.text.split("\ndate ", 1)[1][:10]) + dt.timedelta(
            days=r.choice([0, 0, 1])
        )
        text = self._render(new_headline, outlet, self._byline(outlet), day, paras, credit)
        return GeneratedArticle(
            name, text, src.event, outlet.name, "copy", src.name, src.facts, src.contradicted
        )

    def _rewrite(self, name: str) -> GeneratedArticle:
        """A light rewrite: the lead and two paragraphs kept, the rest new."""
        r = self.r
        src, paragraphs, _, _ = r.choice(self.recent)
        ev = self.world.events[src.event]
        outlet = self._outlet()
        day = dt.date.fromisoformat(src.text.split("\ndate ", 1)[1][:10]) + dt.timedelta(
            days=r.choice([0, 1, 2])
        )
        fresh, ids, wrong = self._body(ev, outlet, False, day)
        kept = r.sample(paragraphs[1:], k=min(2, len(paragraphs) - 1))
        paras = [paragraphs[0], *fresh[1:]]
        for p in kept:
            paras.insert(r.randrange(1, len(paras) + 1), p)
        text = self._render(r.choice(ev.headlines), outlet, self._byline(outlet), day, paras, "")
        facts = tuple(dict.fromkeys(src.facts + tuple(ids)))
        return GeneratedArticle(
            name, text, src.event, outlet.name, "rewrite", src.name, facts, src.contradicted
        )


def generate_articles(articles: int, seed: int) -> Iterator[GeneratedArticle]:
    """The corpus with its ground truth (copies, events, contradicted facts)."""
    if articles <= 0:
        return iter(())
    return _Writer(articles, seed).run()


def generate_corpus(articles: int, seed: int) -> Iterator[tuple[str, str]]:
    """Yield ``(file name, file text)`` for ``articles`` generated articles."""
    for art in generate_articles(articles, seed):
        yield art.name, art.text
