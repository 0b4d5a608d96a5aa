"""The generated world's records: articles with their truth, people, outlets, facts, events."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field
from random import Random
from typing import Any

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


# A fact's value, by kind; counts and ordinals are ints, percentages floats.
type Money = tuple[float, str]  # amount, currency code
type Fraction = tuple[int, int]  # part, whole
type DayRange = tuple[dt.date, int]  # first day, number of days


@dataclass(slots=True)
class _Fact[V]:
    """One checkable fact of an event and how to say it (``render``) or misstate it
    (``alter``); both take the fact's value."""

    id: str
    slot: str
    value: V
    render: Callable[[Random, V], str]
    alter: Callable[[Random, V], V] | None = None


@dataclass(slots=True)
class _Event:
    index: int
    kind: str
    day: dt.date
    ctx: dict[str, str]
    facts: list[_Fact[Any]]
    quotes: list[tuple[_Person, str]]
    anonymous: list[str]
    headlines: list[str]
    leads: list[str]
    blurb: str
