"""How two claims of one fact disagree: values for one slot that cannot both be true.

A slot is a type and a unit (money in dollars, a count of squadrons, a date);
two values conflict when they differ beyond rounding, bounds ("up to", "more
than") and hedges ("about") allowed for. Money in two currencies never does.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from factcheck.engine.describe import describe_value
from factcheck.engine.quantities import UNSTATED_DOLLAR
from factcheck.engine.values import (
    MONEY_TOLERANCE,
    _count_unit,
    _date_range,
    _factor,
    related_units,
    share,
)

if TYPE_CHECKING:
    from factcheck.engine.types import Value

__all__ = ["Conflict", "comparable", "find_conflicts", "same_currency", "same_slot"]


# "nearly $100 billion", "about 10,000": a hedged value covers its rounding step, at
# most ±10 % (see ``_approx_step``).
APPROX_TOLERANCE = 0.10
# "about 11 p.m." covers the hour around it.
APPROX_MINUTES = 60


@dataclass(frozen=True, slots=True)
class Conflict:
    """Two values for one slot that cannot both be true."""

    kind: str
    a: Value
    b: Value
    description: str


# Digits as written, grouped by commas or spaces ("3,200", "3 200").
_WRITTEN_NUMBER_RE = re.compile(r"\d(?:[\d,]|[ \u00a0\u202f](?=\d{3}))*(?:\.(\d+))?")


def _approx_step(v: Value, amount: float) -> float:
    """How far "about" stretches a figure: to its next rounding step, at most
    ``APPROX_TOLERANCE`` of it. "about 38 per cent" is 37 to 39, not 34 to 42; "about
    230" is 220 to 240; "nearly 7,000" is 6,300 to 7,700. A figure in words stretches
    by the tolerance."""
    widest = abs(amount) * APPROX_TOLERANCE
    m = _WRITTEN_NUMBER_RE.search(str(v.get("text") or ""))
    if m is None:
        return widest
    digits = re.sub(r"[,\s]", "", m.group(0))
    try:
        written = float(digits)
    except ValueError:
        return widest
    if written == 0:
        return widest
    if m.group(1):
        step = 10.0 ** -len(m.group(1))
    else:
        whole = digits.rstrip(".")
        step = 10.0 ** (len(whole) - len(whole.rstrip("0")))
    # The written number times its scale ("$1.2bn", "3.2 lakh") is the amount.
    return min(widest, step * abs(amount / written))


def _interval(v: Value, amount: float) -> tuple[float, float]:
    bound = v.get("bound")
    if bound == "min":
        return amount, float("inf")
    if bound == "max":
        return float("-inf"), amount
    if bound == "approx":
        step = _approx_step(v, amount)
        return amount - step, amount + step
    if bound == "range" and v.get("low") is not None and v.get("value"):
        # The low end in the same scale and unit as the figure (its top).
        return float(v["low"]) * amount / float(v["value"]), amount
    return amount, amount


def _amounts_conflict(a: Value, b: Value, key: str) -> bool:
    try:
        xa, xb = float(a[key]) * _factor(a), float(b[key]) * _factor(b)
    except (KeyError, TypeError, ValueError):
        return False
    lo_a, hi_a = _interval(a, xa)
    lo_b, hi_b = _interval(b, xb)
    # Widen both by the rounding tolerance, then ask whether they meet.
    tol_a = MONEY_TOLERANCE * abs(xa)
    tol_b = MONEY_TOLERANCE * abs(xb)
    return hi_a + tol_a < lo_b - tol_b or hi_b + tol_b < lo_a - tol_a


def _month_day(s: str) -> str:
    return s[-5:]


def _dates_conflict(a: Value, b: Value) -> bool:
    pa, pb = a.get("precision"), b.get("precision")
    sa, sb = str(a.get("start") or ""), str(b.get("start") or "")
    ea, eb = str(a.get("end") or sa), str(b.get("end") or sb)
    if "day-no-year" in (pa, pb):
        if {pa, pb} <= {"day", "day-no-year"}:
            return (_month_day(sa), _month_day(ea)) != (_month_day(sb), _month_day(eb))
        return False
    if (pa == "year") != (pb == "year"):
        # A bare year beside a day is background ("the commission, established
        # in 2000, met on Wednesday"), not another date for the same event.
        return False
    ra, rb = _date_range(a), _date_range(b)
    if not ra or not rb:
        return False
    if pa == "day" and pb == "day":
        # One event, two different day ranges (4-5 vs 5-6 December) is a
        # dispute even though the ranges overlap.
        return ra != rb
    return not (ra[0] <= rb[1] and rb[0] <= ra[1])


# A part of a whole told as a rate in words over at most this many ("one in five",
# "four in 10", "a third") is a rounded share: "four in 10" fits 41.2 per cent.
RATE_WHOLE = 10


def _share_as_said(v: Value) -> Value | None:
    """A fraction's share (``share``), hedged as its wording is: a rate over a small whole
    rounds, and stays near its value when bounded, so "one in five" and "more than a
    fifth" are about 20 per cent (not 26.8, which is "more than a quarter")."""
    found = share(v)
    if found is None:
        return None
    try:
        small = float(v.get("denominator")) <= RATE_WHOLE  # type: ignore[arg-type]
    except (TypeError, ValueError):
        small = False
    if small:
        return {**found, "bound": "approx"}
    return found


def comparable(a: Value, b: Value) -> tuple[Value, Value] | None:
    """Two values as one type, or None when they are not two figures for one measure.

    A part of a whole meets a percentage as the share it gives, when the share fits it:
    "about one in five voters" and "21 per cent", "98 of 897 participants" and "10.9%".
    Shares that do not fit are taken for other measures, never for a dispute: the
    wholes may differ ("15 in every 100 on placebo" / "lost 2.1% of their weight").
    Any other type meets only its own.
    """
    ta, tb = a.get("type"), b.get("type")
    if ta == tb:
        return a, b
    if {ta, tb} != {"fraction", "percent"}:
        return None
    sa = _share_as_said(a) if ta == "fraction" else a
    sb = _share_as_said(b) if tb == "fraction" else b
    if sa is None or sb is None or _amounts_conflict(sa, sb, "value"):
        return None
    return sa, sb


def _conflicting(a: Value, b: Value) -> bool:
    t = a.get("type")
    if t != b.get("type"):
        return False
    if t == "money":
        if not same_currency(a, b):
            return False
        return _amounts_conflict(a, b, "amount")
    if t in ("count", "percent"):
        return _amounts_conflict(a, b, "value")
    if t == "fraction":
        if a.get("denominator") == b.get("denominator"):
            return a.get("numerator") != b.get("numerator")
        # Parts of wholes told differently ("roughly 11 in every 100" / "98 of 897"):
        # the shares they give, with their hedges, must meet.
        sa, sb = share(a), share(b)
        return sa is not None and sb is not None and _amounts_conflict(sa, sb, "value")
    if t == "ordinal":
        return a.get("value") != b.get("value")
    if t == "date":
        return _dates_conflict(a, b)
    if t == "fiscal_year":
        return (a.get("start"), a.get("end")) != (b.get("start"), b.get("end"))
    if t == "time":
        return _times_conflict(a, b)
    return False


def _minutes(v: Value) -> int | None:
    try:
        hours, minutes = str(v.get("value") or "").split(":")
        return int(hours) * 60 + int(minutes)
    except ValueError:
        return None


def _times_conflict(a: Value, b: Value) -> bool:
    """Two times of day that cannot be one moment, bounds and "about" allowed for."""
    ma, mb = _minutes(a), _minutes(b)
    if ma is None or mb is None:
        return False

    def span(v: Value, m: int) -> tuple[float, float]:
        bound = v.get("bound")
        if bound == "approx":
            return m - APPROX_MINUTES, m + APPROX_MINUTES
        return _interval(v, float(m))

    def apart(ma: int, mb: int) -> bool:
        lo_a, hi_a = span(a, ma)
        lo_b, hi_b = span(b, mb)
        return hi_a < lo_b or hi_b < lo_a

    # "half past six" said with no part of the day is 06:30 or 18:30.
    readings_a = (ma, (ma + 720) % 1440) if a.get("twelve_hour") else (ma,)
    readings_b = (mb, (mb + 720) % 1440) if b.get("twelve_hour") else (mb,)
    return all(apart(x, y) for x in readings_a for y in readings_b)


def find_conflicts(a_values: list[Value], b_values: list[Value]) -> list[Conflict]:
    """Values of the same type and unit that disagree.

    Values are grouped into slots (type plus unit). When one side states a
    slot once, it conflicts only if it agrees with none of the other side's
    values in that slot; when both state it several times, values are paired
    in order of appearance, so "grew 6% ... inflation 4%" against the same two
    figures is not read as 6% vs 4%.
    """
    slots_a: dict[tuple[str, str], list[Value]] = {}
    slots_b: dict[tuple[str, str], list[Value]] = {}
    for v in a_values:
        slots_a.setdefault(_slot_for_conflict(v), []).append(v)
    for v in b_values:
        slots_b.setdefault(_slot_for_conflict(v), []).append(v)
    out: list[Conflict] = []
    for slot, va in slots_a.items():
        # Without this very unit on the other side, its counts of the same things under
        # another noun ("230 passengers" / "231 people"), unless this side states that
        # noun too: "230 passengers ... 9 people died" against "9 people died" pairs
        # the people only.
        vb = slots_b.get(slot) or [
            v
            for other, values in slots_b.items()
            if other not in slots_a
            for v in values
            if same_slot(va[0], v)
        ]
        if not vb:
            continue
        pairs: list[tuple[Value, Value]]
        if len(va) == 1 or len(vb) == 1:
            one, many, flipped = (va[0], vb, False) if len(va) == 1 else (vb[0], va, True)
            if any(not _conflicting(one, m) for m in many):
                continue
            pairs = [(m, one) if flipped else (one, m) for m in many[:1]]
        else:
            key = lambda v: v.get("start", 0)  # noqa: E731
            pairs = list(zip(sorted(va, key=key), sorted(vb, key=key), strict=False))
        for x, y in pairs:
            if _conflicting(x, y):
                out.append(
                    Conflict(
                        kind=str(x.get("type")),
                        a=x,
                        b=y,
                        description=f"{describe_value(x)} vs {describe_value(y)}",
                    )
                )
    return out


def same_currency(a: Value, b: Value) -> bool:
    """One currency, or a bare "$" (no country said) against any dollar."""
    ca, cb = str(a.get("currency") or ""), str(b.get("currency") or "")
    if ca == cb:
        return True
    unstated = a.get("dollar") == UNSTATED_DOLLAR or b.get("dollar") == UNSTATED_DOLLAR
    return unstated and ca in _DOLLARS and cb in _DOLLARS


_DOLLARS = frozenset(("USD", "AUD", "CAD", "SGD", "HKD", "NZD"))


def same_slot(a: Value, b: Value) -> bool:
    """Two values for one slot: the same type and unit, or counts whose nouns can count
    the same things ("about 230 passengers" / "around 230 people": ``related_units``)."""
    return _slot_for_conflict(a) == _slot_for_conflict(b) or related_units(a, b)


def _slot_for_conflict(v: Value) -> tuple[str, str]:
    t = str(v.get("type", ""))
    if t == "money":
        currency = str(v.get("currency") or "")
        # Every dollar shares a slot; same_currency decides which ones compare.
        return t, "dollar" if currency in _DOLLARS else currency
    if t in ("count", "fraction", "ordinal"):
        return t, _count_unit(v)
    return t, ""
