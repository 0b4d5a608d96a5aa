"""Number styles (one value, many wordings) and the alterations that make a wrong value."""

from __future__ import annotations

import datetime as dt
from random import Random

from .types import DayRange, Fraction, Money
from .vocabulary import _MONTHS, _ORD_WORDS, _SMALL, _WEEKDAYS

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


def _fraction(r: Random, value: Fraction, unit: str) -> str:
    n, d = value
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


def _alter_amount(r: Random, v: Money) -> Money:
    amount, cur = v
    factor = r.choice([0.85, 0.9, 0.93, 1.07, 1.1, 1.2])
    return (round(amount * factor, -7 if amount >= 1e9 else -5), cur)


def _alter_count(r: Random, v: int) -> int:
    n = int(v)
    return max(
        1, n + r.choice([-3, -2, -1, 1, 2, 3]) if n < 40 else round(n * r.choice([0.8, 1.25]))
    )


def _alter_fraction(r: Random, v: Fraction) -> Fraction:
    n, d = v
    return (n + 1, d) if n + 1 <= d else (n - 1, d)


def _alter_percent(r: Random, v: float) -> float:
    return round(float(v) + r.choice([-2.5, -1.5, 1.2, 2.0, 3.1]), 1)


def _alter_day(r: Random, v: DayRange) -> DayRange:
    start, days = v
    return (start + dt.timedelta(days=r.choice([-1, 1, 2])), days)


def _alter_ordinal(r: Random, v: int) -> int:
    return int(v) + r.choice([-1, 1])
