"""Whether two counted nouns can count the same things: one synset, or one a kind of the other.

Two reports of one fact name what they count differently: "about 230 passengers" /
"around 230 people", "six carriages" / "6 coaches" / "six-car", "14,000 homes" /
"14,000 households". The relation comes from WordNet 3.0, derived once into
``models/counted_nouns.tsv`` by ``manage.py build_counted_nouns`` (see
``counted_nouns_build`` for what is kept and why): each noun's main counted senses
(the first few of WordNet's senses that name something one counts), its other
counted senses, and the more general senses its main ones are kinds of.

Two nouns are related when a main sense of one, or a kind it is, is any counted sense
of the other: "passenger" is a kind of "person" (traveler, person), "coach" and
"carriage" share the railway carriage, "household" is a sense of "home". Siblings are
not related: "passenger" and "patient" are both people, but neither is the other, so
"230 passengers" and "18 patients" stay different counts.

The table is read once per process, on first use.

    >>> related("passenger", "person"), related("coach", "carriage")
    (True, True)
    >>> related("passenger", "patient"), related("job", "person")
    (False, False)
"""

from __future__ import annotations

from functools import cache, lru_cache
from pathlib import Path
from typing import NamedTuple

__all__ = ["TABLE_FORMAT", "TABLE_PATH", "CountedNouns", "load_table", "related", "senses_of"]

TABLE_PATH = Path(__file__).resolve().parent / "models" / "counted_nouns.tsv"
TABLE_FORMAT = "counted-nouns/1"


class _Senses(NamedTuple):
    # A noun's main senses and the senses they are kinds of: what it can count as.
    reaches: frozenset[int]
    # A noun's counted senses, main or not: what another noun may count it as.
    names: frozenset[int]


_NONE = _Senses(frozenset(), frozenset())


class CountedNouns:
    """The table: each noun's line is kept as text and read when the noun is first asked
    about, since a process meets a few hundred of the table's 34,000 nouns."""

    def __init__(self, text: str) -> None:
        self._lines = dict(
            line.split("\t", 1) for line in text.splitlines() if line and line[0] != "#"
        )
        self._read: dict[str, _Senses] = {}

    def __len__(self) -> int:
        return len(self._lines)

    def __contains__(self, noun: object) -> bool:
        return noun in self._lines

    def senses(self, noun: str) -> _Senses:
        found = self._read.get(noun)
        if found is None:
            line = self._lines.get(noun)
            if line is None:
                return _NONE
            main, other, kinds = (_ids(column) for column in line.split("\t"))
            found = self._read[noun] = _Senses(frozenset(main + kinds), frozenset(main + other))
        return found

    def related(self, a: str, b: str) -> bool:
        """Whether a main sense of one noun, or a kind it is, is a sense of the other."""
        if a == b:
            return True
        sa, sb = self.senses(a), self.senses(b)
        return bool(sa.reaches & sb.names or sb.reaches & sa.names)


def _ids(column: str) -> list[int]:
    return [int(x, 36) for x in column.split()]


@cache
def load_table(path: Path = TABLE_PATH) -> CountedNouns:
    """The table at ``path``, read once per process."""
    text = path.read_text(encoding="utf-8")
    if not text.startswith(f"# {TABLE_FORMAT}\n"):
        raise ValueError(f"{path}: not a {TABLE_FORMAT} table (rebuild: build_counted_nouns)")
    return CountedNouns(text)


@lru_cache(maxsize=8192)
def related(a: str, b: str) -> bool:
    """Whether nouns ``a`` and ``b`` (singular, lower case) can count the same things."""
    return load_table().related(a, b)


def senses_of(noun: str) -> frozenset[int]:
    """Every sense ``related`` may find ``noun`` sharing with another noun (ids into the
    table): two related nouns always share one, so keys made of them meet."""
    senses = load_table().senses(noun)
    return senses.reaches | senses.names
