"""Reading and comparing normalised values: what a figure comes to, and when two are one.

A count's canonical unit ("km" for "kilometre"), an amount in that unit (a rate
per year for money), a date's range, whether two figures are the same number
rounding aside, and whether a figure is specific enough to be shared by chance.
"""

from __future__ import annotations

import re
from datetime import date
from typing import TYPE_CHECKING, Any

from factcheck.engine.counted_nouns import related
from factcheck.engine.units import measure_of
from factcheck.engine.wording import _stem

if TYPE_CHECKING:
    from factcheck.engine.types import Value

__all__ = [
    "LARGE_COUNT",
    "MOMENT_BOUNDS",
    "MONEY_TOLERANCE",
    "is_specific_figure",
    "related_units",
]


# Bounds of a time of day that say when something happened ("at 7:42", "about 2.40am"),
# not by or since when a figure held ("by 7:25 a.m.", "since 6am").
MOMENT_BOUNDS = frozenset((None, "approx"))

# Relative difference tolerated between two amounts before they conflict:
# rounding ("$68.7B" vs "$68.66 billion") is not a dispute.
MONEY_TOLERANCE = 0.02


def _date_range(v: Value) -> tuple[date, date] | None:
    try:
        start = str(v.get("start") or "")
        end = str(v.get("end") or start)
        if len(start) < 10 or start[0] in "-X":
            return None
        return date.fromisoformat(start[:10]), date.fromisoformat(end[:10])
    except ValueError:
        return None


def _count_unit(v: Value) -> str:
    """A count's unit: the canonical unit of measure ("km" for "kilometre"), or the noun's stem."""
    raw = str(v.get("unit") or "").lower()
    measure = measure_of(raw)
    return measure.unit if measure else _stem(raw)


def related_units(a: Value, b: Value) -> bool:
    """Two counts (or fractions) whose nouns can count the same things: one WordNet
    synset, or one a kind of the other ("passengers" / "people", "coaches" / "carriages",
    "homes" / "households"; see ``counted_nouns``). Units of measure are never nouns
    ("9 ft" counts no "feet" of anything), and an unnamed unit relates to nothing here."""
    if a.get("type") not in _COUNTED or b.get("type") != a.get("type"):
        return False
    na, nb = str(a.get("unit") or "").strip().lower(), str(b.get("unit") or "").strip().lower()
    if not na or not nb or measure_of(na) or measure_of(nb):
        return False
    return related(na, nb)


_COUNTED = ("count", "fraction")


def _amount(v: Value) -> float | None:
    key = "amount" if v.get("type") == "money" else "value"
    try:
        x = abs(float(v[key]))
    except (KeyError, TypeError, ValueError):
        return None
    return x * _factor(v) or None


# A money rate is compared by what it comes to in a year: "£210,000 a week" is "about
# £11m a year". An amount with no period is taken as it is (a total, or a year's).
_PER_YEAR = {"day": 365.0, "week": 52.0, "month": 12.0, "year": 1.0}


def _factor(v: Value) -> float:
    """What converts a value to its canonical unit of measure (1 for plain counts)."""
    if v.get("type") == "money":
        return _PER_YEAR.get(str(v.get("per") or "year"), 1.0)
    measure = measure_of(str(v.get("unit") or "")) if v.get("type") == "count" else None
    return measure.factor if measure else 1.0


def _int(x: Any) -> int | None:
    """``x`` (a value read from JSON) as an int, or None when it is not a number."""
    try:
        return int(x)
    except (TypeError, ValueError):
        return None


def is_specific_figure(v: Value) -> bool:
    """A figure two reports are unlikely to share by chance: exact (no "about")
    and written with two or more significant digits ("24.6 km", "23 batches",
    "₹4,250 crore"), not a round or small number ("six", "20 per cent")."""
    if v.get("type") not in ("money", "count", "percent", "fraction"):
        return False
    if v.get("bound") == "range":
        # "between 130 and 150" is as unlikely to recur by chance; "between 300 and 400"
        # is round. Each end is read on its own, not the two ends' digits run together.
        ends = (v.get("low"), v.get("value"))
        return all(_significant(end) >= 2 for end in ends)
    digits = re.sub(r"\D", "", str(v.get("text") or ""))
    return len(digits.strip("0")) >= 2


def _significant(number: object) -> int:
    """Significant digits of a number as written in full (130 -> 2, 300 -> 1)."""
    try:
        digits = f"{float(number):f}".replace(".", "")  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return 0
    return len(digits.strip("0").lstrip("-"))


def share(v: Value) -> Value | None:
    """A fraction as the percentage of its whole it is, with its bound and wording: "one in
    five" is 20 per cent, "98 of 897" 10.9 per cent. None when it names no whole."""
    numerator, denominator = v.get("numerator"), v.get("denominator")
    try:
        part, whole = float(numerator), float(denominator)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return None
    if whole <= 0:
        return None
    return {
        "type": "percent",
        "value": 100 * part / whole,
        "bound": v.get("bound"),
        "text": str(v.get("text") or ""),
    }


def _same_amount(a: Value, b: Value) -> bool:
    """The same number, rounding aside ("$68.7B" / "$68.66 billion").

    An approximate figure is the same as another approximate one only: "about
    25 km" merely covers the exact 24.6 km of something else.
    """
    if (a.get("bound") == "approx") != (b.get("bound") == "approx"):
        return False
    if "range" in (a.get("bound"), b.get("bound")):
        # A range is one figure only with the same range: "between 300 and 400" merely
        # covers 350.
        return (a.get("bound"), a.get("low"), a.get("value")) == (
            b.get("bound"),
            b.get("low"),
            b.get("value"),
        )
    if a.get("type") == "fraction":
        if (a.get("numerator"), a.get("denominator")) == (
            b.get("numerator"),
            b.get("denominator"),
        ):
            return True
        # Parts of wholes told differently: "two-thirds of the stations" is "12 of the 18".
        a, b = share(a) or a, share(b) or b
        if a.get("type") != "percent" or b.get("type") != "percent":
            return False
    xa, xb = _amount(a), _amount(b)
    if xa is None or xb is None:
        return False
    return abs(xa - xb) <= MONEY_TOLERANCE * max(xa, xb)


# A count at least this large, exact and equal in two reports of one story, is
# one figure even when the reports name what is counted differently ("320,000
# daily riders" / "3.2 lakh passengers a day"); small counts coincide too often.
LARGE_COUNT = 1000


def _same_large_count(a: Value, b: Value) -> bool:
    """Two counts of nouns (not units of measure) giving one large, exact number."""
    if a.get("type") != "count" or b.get("type") != "count":
        return False
    if measure_of(str(a.get("unit") or "")) or measure_of(str(b.get("unit") or "")):
        return False
    amount = _amount(a)
    return (
        amount is not None
        and amount >= LARGE_COUNT
        and _same_amount(a, b)
        and is_specific_figure(a)
        and is_specific_figure(b)
    )
