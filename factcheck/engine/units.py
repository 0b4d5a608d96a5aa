"""Physical units of measure: one canonical unit per dimension, and the factor to it.

Reports of one fact measure it in different units ("24.6 km" / "24.6-kilometre",
"115 mph" / "185 km/h", "9 ft" / "2.7 m"); a count's unit is otherwise a noun
("stations", "bottles") compared by its stem. Only units of measure are listed:
a noun we do not know stays a noun.
"""

from __future__ import annotations

from typing import NamedTuple

__all__ = ["Measure", "measure_of"]


class Measure(NamedTuple):
    """A unit of measure: its canonical unit and the factor that converts to it."""

    unit: str
    factor: float


_MILE = 1.609344
_UNITS: dict[str, Measure] = {}


def _add(names: str, unit: str, factor: float = 1.0) -> None:
    for name in names.split():
        _UNITS[name] = Measure(unit, factor)


_add("km kms kilometre kilometres kilometer kilometers", "km")
_add("mile miles mi", "km", _MILE)
# The sea's mile ("20 nm", "seven nautical miles"); "3nm" chips are nanometres, but two
# reports of one chip give the same figure either way.
_add("nmi nm nautical-mile nautical-miles", "km", 1.852)
_add("m metre metres meter meters", "km", 0.001)
_add("ft foot feet", "km", 0.0003048)
_add("inch inches in", "km", 0.0000254)
_add("cm centimetre centimetres centimeter centimeters", "km", 0.00001)
_add("mm millimetre millimetres millimeter millimeters", "km", 0.000001)
_add("km/h kmh kph kmph", "km/h")
# A distance per hour is a speed, whatever the distance's spelling: "kilometres/h" is
# how the finder writes "95 kilometres per hour".
for _name, _measure in list(_UNITS.items()):
    if _measure.unit == "km" and f"{_name}/h" not in _UNITS:
        _UNITS[f"{_name}/h"] = Measure("km/h", _measure.factor)
_add("mph", "km/h", _MILE)
_add("knot knots kt kts", "km/h", 1.852)
_add("ha hectare hectares", "ha")
_add("acre acres", "ha", 0.40468564224)
_add("sq-km km2", "ha", 100.0)
_add("t tonne tonnes ton tons", "t")
_add("kg kilogram kilograms kilo kilos", "t", 0.001)
_add("lb lbs pound-weight", "t", 0.00045359237)
_add("l litre litres liter liters", "l")
_add("ml millilitre millilitres milliliter milliliters", "l", 0.001)
_add("gallon gallons", "l", 3.785411784)
# Durations: "within 60 days" is "within two months" (a month is 30.44 days).
_add("day days", "day")
_add("week weeks", "day", 7.0)
_add("fortnight fortnights", "day", 14.0)
_add("month months", "day", 30.436875)
_add("year years", "day", 365.2425)
_add("hour hours hr hrs", "day", 1 / 24)
_add("minute minutes min mins", "day", 1 / 1440)
# A change in a rate: "0.3 percentage points", "25 basis points" (0.25 points).
_add("point points pt pts", "point")
_add("bp bps", "point", 0.01)
_add("mw megawatt megawatts", "mw")
_add("gw gigawatt gigawatts", "mw", 1000.0)
_add("kw kilowatt kilowatts", "mw", 0.001)


def measure_of(unit: str) -> Measure | None:
    """The canonical unit and factor of a unit of measure, or None for a plain noun.

    >>> measure_of("kilometre")
    Measure(unit='km', factor=1.0)
    >>> measure_of("stations") is None
    True
    """
    return _UNITS.get(unit.strip().lower())
