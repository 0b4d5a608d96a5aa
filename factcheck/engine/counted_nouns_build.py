"""Build the table of counted nouns (``counted_nouns``) from the WordNet 3.0 database files.

Reads ``index.noun`` and ``data.noun`` (Debian's ``wordnet-base`` puts them in
``/usr/share/wordnet``) and writes one line per noun: the senses in which it can name a
counted thing, and the more general senses those are kinds of. Pure Python; the same
files give the same table byte for byte (sorted lines, ids numbered in that order,
nothing that records the time or the machine).

What is kept, and why:

* Single lower-case words only (with hyphens): a count's unit is one singular noun.
* Senses of counted things: a sense filed under a lexicographer file of things one can
  count in news (people, groups, artefacts, acts, events, places, documents, possessions,
  food, animals, body parts). States, attributes, feelings, quantities, times and
  substances are not counted nouns ("position" as posture, "carriage" as bearing), and
  units of measure are ``units.py``'s. Instances (proper names: "Job" the prophet) are
  not kinds of anything counted.
* Polysemy: WordNet lists a word's senses most frequent first, and says how many of
  them its sense-tagged corpus (SemCor) met. A noun's main senses, the ones it names in
  a count, are its first ``SENSES`` counted senses among those met ("job" as an
  occupation, a task or a workplace; not the prophet or a robbery); a noun never met
  there ("helicopter") keeps its first counted sense. Its other counted senses can
  still be another noun's main sense: "household" has one sense, which is "home"'s
  eighth, and the railway carriage is "carriage"'s first sense and "coach"'s third.
* Kinds: a sense is a kind of its hypernyms up to ``DEPTH`` steps up ("passenger" ->
  "traveler" -> "person"; "helicopter" -> "heavier-than-air craft" -> "aircraft").
  Further up the hierarchy says nothing a reader would count ("whole", "object").
* Only synsets that can relate two nouns are written: a synset that one noun alone
  holds is dropped, and so is a noun left with none.
"""

from __future__ import annotations

import hashlib
import re
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from factcheck.engine.counted_nouns import TABLE_FORMAT
from factcheck.engine.quantities.nouns import IRREGULAR

__all__ = [
    "DEPTH",
    "SENSES",
    "SOURCE_FILES",
    "WordNetError",
    "build_table",
]

SOURCE_FILES = ("index.noun", "data.noun")
# A noun's first SENSES counted senses met in WordNet's tagged corpus are its main ones.
SENSES = 3
# A sense is a kind of its hypernyms up to DEPTH steps up.
DEPTH = 3
# Lexicographer files (WordNet's lexnames) whose senses name counted things.
COUNTED_FILES = {
    3: "noun.Tops",
    4: "noun.act",
    5: "noun.animal",
    6: "noun.artifact",
    8: "noun.body",
    10: "noun.communication",
    11: "noun.event",
    13: "noun.food",
    14: "noun.group",
    15: "noun.location",
    17: "noun.object",
    18: "noun.person",
    21: "noun.possession",
}
_WORD_RE = re.compile(r"[a-z][a-z-]*[a-z]")
_HYPERNYMS = ("@", "@i")


class WordNetError(ValueError):
    """The WordNet files cannot be read; the message names the file and the line."""


@dataclass(frozen=True, slots=True)
class _Synset:
    lexfile: int
    hypernyms: tuple[str, ...]
    instance: bool


def _licence(data_noun: str) -> list[str]:
    """The licence WordNet's files open with (lines starting with two spaces)."""
    lines = []
    for line in data_noun.splitlines():
        if not line.startswith("  "):
            break
        # "  1 This software ..." -> "This software ..."
        text = line.strip()
        lines.append(text.split(" ", 1)[1].rstrip() if " " in text else "")
    return lines


def _synsets(data_noun: str) -> dict[str, _Synset]:
    synsets: dict[str, _Synset] = {}
    for number, line in enumerate(data_noun.splitlines(), 1):
        if line.startswith("  ") or not line.strip():
            continue
        fields = line.partition(" | ")[0].split()
        try:
            offset, lexfile, words = fields[0], int(fields[1]), int(fields[3], 16)
            at = 4 + 2 * words
            pointers = int(fields[at])
            hypernyms, instance = [], False
            for i in range(at + 1, at + 1 + 4 * pointers, 4):
                symbol, target, pos = fields[i], fields[i + 1], fields[i + 2]
                if symbol in _HYPERNYMS and pos == "n":
                    hypernyms.append(target)
                    instance = instance or symbol == "@i"
        except (IndexError, ValueError):
            raise WordNetError(f"data.noun line {number}: not a WordNet synset line") from None
        synsets[offset] = _Synset(lexfile, tuple(hypernyms), instance)
    return synsets


def _senses(index_noun: str) -> dict[str, tuple[list[str], int]]:
    """Each noun's synsets, most frequent sense first (WordNet's order), and how many of
    them (the first ones) are attested in WordNet's sense-tagged corpus."""
    senses: dict[str, tuple[list[str], int]] = {}
    for number, line in enumerate(index_noun.splitlines(), 1):
        if line.startswith("  ") or not line.strip():
            continue
        fields = line.split()
        try:
            count, pointers = int(fields[2]), int(fields[3])
            tagged = int(fields[5 + pointers])
            offsets = fields[6 + pointers :]
        except (IndexError, ValueError):
            raise WordNetError(f"index.noun line {number}: not a WordNet index line") from None
        if len(offsets) != count:
            raise WordNetError(f"index.noun line {number}: {count} senses announced")
        if _WORD_RE.fullmatch(fields[0]):
            senses[fields[0]] = (offsets, tagged)
    return senses


def _read(folder: Path, name: str) -> str:
    try:
        return (folder / name).read_text(encoding="utf-8")
    except OSError as error:
        raise WordNetError(f"{folder / name}: cannot read ({error.strerror})") from None


def build_table(folder: Path, *, senses: int = SENSES, depth: int = DEPTH) -> str:
    """The table's text, from the WordNet files in ``folder``."""
    texts = {name: _read(folder, name) for name in SOURCE_FILES}
    synsets = _synsets(texts["data.noun"])
    index = _senses(texts["index.noun"])
    unknown = {o for offsets, _ in index.values() for o in offsets} - synsets.keys()
    if unknown:
        raise WordNetError(f"index.noun names synsets data.noun lacks ({min(unknown)}, ...)")

    def counted(offset: str) -> bool:
        s = synsets[offset]
        return s.lexfile in COUNTED_FILES and not s.instance

    main: dict[str, set[str]] = {}
    other: dict[str, set[str]] = {}
    kinds: dict[str, set[str]] = {}
    for word, (offsets, tagged) in index.items():
        ranked = [o for o in offsets if counted(o)]
        if not ranked:
            continue
        # A sense never met in the tagged corpus is no main sense of a word that has
        # senses met there: "person" as a grammatical category is not what "230 people"
        # counts. A word never met there ("helicopter") keeps its first sense.
        attested = [o for o in offsets[: max(tagged, 1)] if counted(o)]
        main[word] = set(attested[:senses])
        other[word] = set(ranked) - main[word]
        up: set[str] = set()
        frontier = list(main[word])
        for _ in range(depth):
            frontier = [h for o in frontier for h in synsets[o].hypernyms]
            up.update(frontier)
        kinds[word] = up - main[word]

    # A count's unit is the engine's singular ("people" -> "person"), where WordNet
    # lists the plural as a noun of its own: "people", the group, whose kinds are "the
    # dead" and "the wounded". The singular may name what the plural names, so "nine
    # dead" meets "nine people"; it does not become a kind of group ("three groups").
    for plural, singular in IRREGULAR.items():
        if plural in main and singular in main:
            other[singular] |= (main[plural] | other[plural]) - main[singular]
    # Two nouns are related when a main sense or kind of one is any sense of the other
    # (``counted_nouns.related``): keep the synsets that can do that for two nouns.
    reaching = Counter(o for word in main for o in main[word] | kinds[word])
    naming = Counter(o for word in main for o in main[word] | other[word])
    either = Counter(o for word in main for o in main[word] | other[word] | kinds[word])
    useful = {o for o in either if reaching[o] and naming[o] and either[o] >= 2}
    # The synsets used most get the shortest ids (ties by offset, so the order is fixed).
    uses = Counter(o for word in main for o in (main[word] | other[word] | kinds[word]) & useful)
    ids = {o: i for i, o in enumerate(sorted(uses, key=lambda o: (-uses[o], o)))}
    rows = []
    for word in sorted(main):
        columns = [main[word] & useful, other[word] & useful, kinds[word] & useful]
        if not any(columns):
            continue
        rows.append(
            "\t".join(
                [word] + [" ".join(_base36(i) for i in sorted(ids[o] for o in c)) for c in columns]
            )
        )
    digests = {name: hashlib.sha256(texts[name].encode()).hexdigest() for name in SOURCE_FILES}
    header = [
        f"# {TABLE_FORMAT}",
        "# Counted nouns from WordNet 3.0, written by manage.py build_counted_nouns.",
        "# Columns: noun, its main counted senses, its other counted senses, the senses",
        f"# its main senses are kinds of (up to {depth} steps up); ids in base 36.",
        f"# senses {senses}, depth {depth}",
        *(f"# source {name} sha256 {digests[name]}" for name in SOURCE_FILES),
        "#",
        *(f"# {line}".rstrip() for line in _licence(texts["data.noun"])),
    ]
    return "\n".join(header + rows) + "\n"


def _base36(n: int) -> str:
    digits = "0123456789abcdefghijklmnopqrstuvwxyz"
    out = ""
    while True:
        n, r = divmod(n, 36)
        out = digits[r] + out
        if not n:
            return out
