"""Build the reference document frequencies of ``story_words`` from sentences in the
CheckThat! format (a tab-separated file with a header and a ``Text`` column).

Each sentence is one document; a word's frequency is the number of sentences holding
it, as ``story_words.topic_words`` reads words. Words held by one sentence only are left
out (the table reads them as one, which they are). Pure Python; the same file gives the
same table byte for byte (words sorted, nothing that records the time or the machine).
"""

from __future__ import annotations

import csv
from collections import Counter
from collections.abc import Iterable
from pathlib import Path

from factcheck.engine.story_words import TABLE_FORMAT, topic_words

__all__ = ["SourceError", "build_table", "count_words"]

# The reference corpus the shipped table is counted over, and its licence, for the header.
SOURCE_NOTE = (
    "CheckThat! Lab 2024 Task 1 English training sentences (ClaimBuster: Arslan, Hassan, "
    "Li and Tremayne, ICWSM 2020), licensed CC BY 4.0"
)


class SourceError(ValueError):
    """The reference file cannot be read as sentences."""


def count_words(sentences: Iterable[str]) -> tuple[int, Counter[str]]:
    """How many sentences there are, and how many of them hold each word."""
    documents = 0
    frequency: Counter[str] = Counter()
    for sentence in sentences:
        documents += 1
        frequency.update(set(topic_words(sentence)))
    return documents, frequency


def _sentences(path: Path) -> list[str]:
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError as error:
        raise SourceError(f"{path}: not UTF-8 text ({error.reason})") from None
    rows = csv.DictReader(text.splitlines(), delimiter="\t", quoting=csv.QUOTE_NONE)
    if rows.fieldnames is None or "Text" not in rows.fieldnames:
        raise SourceError(f"{path}: no 'Text' column in the header {rows.fieldnames}")
    return [row["Text"] or "" for row in rows]


def build_table(path: Path) -> str:
    """The table's text, from the sentences of the file at ``path``."""
    sentences = _sentences(path)
    if not sentences:
        raise SourceError(f"{path}: no sentences")
    documents, frequency = count_words(sentences)
    lines = [
        f"# {TABLE_FORMAT}",
        "# Reference document frequencies for story topics, written by manage.py "
        "build_story_words.",
        f"# Counted over {path.name}: {SOURCE_NOTE}.",
        "# Columns: word (as story_words.topic_words reads it), sentences holding it;",
        "# words held by one sentence only are left out.",
        f"# documents {documents}",
    ]
    lines += [f"{w}\t{n}" for w, n in sorted(frequency.items()) if n > 1]
    return "\n".join(lines) + "\n"
