"""Readable text for a normalised value: "$68.7 billion", "3 of 5 squadrons", "4–5 December 2025".

What editors read wherever the engine shows a figure: conflicts, highlights,
suggestions, the dashboard. Formatting only: nothing here decides anything.
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from factcheck.engine.quantities import AGE_UNIT
from factcheck.engine.units import measure_of

if TYPE_CHECKING:
    from factcheck.engine.types import Value

__all__ = ["describe_value"]


_CURRENCY_SIGNS = {"USD": "$", "EUR": "€", "GBP": "£", "JPY": "¥", "ZAR": "R"}
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
_BOUND_WORDS = {"min": "more than ", "max": "up to ", "approx": "about "}


def _number(x: float) -> str:
    """68.7e9 -> "68.7 billion", 45000 -> "45,000", 12.5 -> "12.5"."""
    ax = abs(x)
    for size, word in ((1e12, "trillion"), (1e9, "billion"), (1e6, "million")):
        if ax >= size:
            return f"{_trim(x / size)} {word}"
    if ax >= 1000 and float(x).is_integer():
        return f"{int(x):,}"
    return _trim(x)


def _trim(x: float) -> str:
    text = f"{x:,.2f}".rstrip("0").rstrip(".")
    return text if text not in ("-0", "") else "0"


_IRREGULAR_PLURALS = {"foot": "feet", "person": "people", "child": "children", "man": "men"}


def _plural(unit: str, n: float) -> str:
    if not unit or n == 1:
        return unit
    if unit in _IRREGULAR_PLURALS:
        return _IRREGULAR_PLURALS[unit]
    # Abbreviated units of measure stay as written: "24.6 km", "115 mph", "185 km/h".
    if measure_of(unit) and (len(unit) <= 3 or "/" in unit):
        return unit
    if unit.endswith("y") and unit[-2:-1] not in "aeiou":
        return unit[:-1] + "ies"
    if unit.endswith(("s", "x", "ch", "sh")):
        return unit + "es"
    return unit + "s"


def _ordinal_suffix(n: int) -> str:
    if 10 <= n % 100 <= 20:
        return "th"
    return {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")


def _describe_date(v: Value) -> str:
    precision = v.get("precision")
    start = str(v.get("start") or "")
    end = str(v.get("end") or start)
    try:
        if precision == "day-no-year":
            sm, sd = int(start[-5:-3]), int(start[-2:])
            em, ed = int(end[-5:-3]), int(end[-2:])
            if (sm, sd) == (em, ed):
                return f"{sd} {_MONTHS[sm - 1]}"
            if sm == em:
                return f"{sd}–{ed} {_MONTHS[sm - 1]}"
            return f"{sd} {_MONTHS[sm - 1]} – {ed} {_MONTHS[em - 1]}"
        s, e = date.fromisoformat(start[:10]), date.fromisoformat(end[:10])
    except (ValueError, IndexError):
        return v.get("text") or start
    if precision == "year":
        return str(s.year) if s.year == e.year else f"{s.year}–{e.year}"
    if precision == "quarter":
        return f"Q{(s.month - 1) // 3 + 1} {s.year}"
    if precision == "month":
        first = f"{_MONTHS[s.month - 1]} {s.year}"
        if (s.year, s.month) == (e.year, e.month):
            return first
        return f"{first} – {_MONTHS[e.month - 1]} {e.year}"
    if s == e:
        return f"{s.day} {_MONTHS[s.month - 1]} {s.year}"
    if (s.year, s.month) == (e.year, e.month):
        return f"{s.day}–{e.day} {_MONTHS[s.month - 1]} {s.year}"
    if s.year == e.year:
        return f"{s.day} {_MONTHS[s.month - 1]} – {e.day} {_MONTHS[e.month - 1]} {s.year}"
    return f"{s.day} {_MONTHS[s.month - 1]} {s.year} – {e.day} {_MONTHS[e.month - 1]} {e.year}"


def describe_value(v: Value) -> str:
    """Readable text for a normalised value.

    >>> describe_value({"type": "money", "amount": 68.7e9, "currency": "USD", "bound": None})
    '$68.7 billion'
    >>> describe_value({"type": "money", "amount": 190e9, "currency": "INR", "bound": None})
    'INR 190 billion'
    >>> describe_value({"type": "fraction", "numerator": 3, "denominator": 5, "unit": "squadron"})
    '3 of 5 squadrons'
    """
    t = v.get("type")
    prefix = _BOUND_WORDS.get(v.get("bound") or "", "")
    try:
        if t == "money":
            currency = str(v.get("currency") or "")
            amount = _number(float(v["amount"]))
            sign = _CURRENCY_SIGNS.get(currency)
            per = f" a {v['per']}" if v.get("per") else ""
            shown = f"{prefix}{sign}{amount}" if sign else f"{prefix}{currency} {amount}".strip()
            return shown + per
        if t == "count":
            n = float(v["value"])
            unit = str(v.get("unit") or "")
            if unit == AGE_UNIT:
                return f"{prefix}aged {_number(n)}"
            if v.get("bound") == "range" and v.get("low") is not None:
                return f"{_number(float(v['low']))} to {_number(n)} {_plural(unit, n)}".strip()
            return f"{prefix}{_number(n)} {_plural(unit, n)}".strip()
        if t == "fraction":
            d = v["denominator"]
            unit = _plural(str(v.get("unit") or ""), float(d))
            return f"{v['numerator']} of {d} {unit}".strip()
        if t == "percent":
            return f"{prefix}{_trim(float(v['value']))}%"
        if t == "ordinal":
            n = int(v["value"])
            return f"{n}{_ordinal_suffix(n)} {v.get('unit') or ''}".strip()
        if t == "date":
            return _describe_date(v)
        if t == "fiscal_year":
            return str(v.get("label") or f"FY {v.get('start')}–{v.get('end')}")
        if t == "time":
            return f"{prefix}{v['value']}"
    except (KeyError, TypeError, ValueError):
        pass
    return str(v.get("text") or t or "value")
