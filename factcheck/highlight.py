"""Cut an article body into segments for highlighting its claims in place.

Pure Python, no ORM: text and spans in, segments out. Templates render the
segments with autoescaping on, so untrusted article text never reaches the page
as markup: this module never builds HTML.

Claims may overlap or nest (a quote inside an attribution, a figure inside a
longer claim). The text is cut at every span boundary; each piece is marked with
the innermost span covering it (the shortest; ties go to the later start, then to
the span given first), so every character appears exactly once and a nested
claim stays clickable inside the claim around it.

>>> [(s.text, s.key) for s in segment("ab cd ef", [Span(0, 5, 1), Span(3, 5, 2)])]
[('ab ', 1), ('cd', 2), (' ef', None)]
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Hashable, Iterable, Sequence
from dataclasses import dataclass

from factcheck.engine.describe import describe_value
from factcheck.engine.types import Value

PARAGRAPH_BREAK = "\n\n"

__all__ = [
    "Paragraph",
    "Segment",
    "Span",
    "describe_value",
    "differing_values",
    "paragraphs",
    "segment",
    "value_spans",
]


@dataclass(frozen=True, slots=True)
class Span[K: Hashable]:
    """A marked stretch of text: ``[start, end)`` offsets and what it stands for."""

    start: int
    end: int
    key: K


@dataclass(frozen=True, slots=True)
class Segment[K: Hashable]:
    """A piece of text, marked with one span (``key``) or none.

    ``covering`` lists every span over (part of) the piece, its mark first, so a page can
    say "also part of claim 3". ``first``/``last`` say whether the piece opens or
    closes its span's visible run: a page makes only the first piece a tab stop
    and labels the last.
    """

    text: str
    start: int
    end: int
    key: K | None = None
    covering: tuple[K, ...] = ()
    first: bool = False
    last: bool = False

    @property
    def others(self) -> tuple[K, ...]:
        return tuple(k for k in self.covering if k != self.key)


@dataclass(frozen=True, slots=True)
class Paragraph[K: Hashable]:
    start: int
    end: int
    segments: list[Segment[K]]


def _innermost[K: Hashable](spans: Sequence[tuple[int, Span[K]]]) -> list[Span[K]]:
    # Shortest first; among equals the later start (more inner), then input order.
    return [s for _, s in sorted(spans, key=lambda p: (p[1].end - p[1].start, -p[1].start, p[0]))]


def segment[K: Hashable](
    text: str, spans: Iterable[Span[K]], *, offset: int = 0
) -> list[Segment[K]]:
    """Cut ``text`` (which starts at ``offset`` in its document) at every span boundary.

    Spans are in document offsets; parts outside the text are clipped and empty
    spans dropped. Adjacent pieces with the same marking are joined. The segments'
    texts always add up to ``text``.
    """
    end_of_text = offset + len(text)
    indexed: list[tuple[int, Span[K]]] = []
    for i, span in enumerate(spans):
        start, end = max(span.start, offset), min(span.end, end_of_text)
        if start < end:
            indexed.append((i, Span(start, end, span.key)))
    cuts = sorted(
        {offset, end_of_text, *(s.start for _, s in indexed), *(s.end for _, s in indexed)}
    )

    pieces: list[tuple[int, int, tuple[K, ...]]] = []
    for a, b in zip(cuts, cuts[1:], strict=False):
        over = [(i, s) for i, s in indexed if s.start <= a and b <= s.end]
        covering = tuple(s.key for s in _innermost(over))
        if pieces and pieces[-1][2][:1] == covering[:1]:
            # Same mark: one piece, naming every span over any part of it.
            joined = pieces[-1][2] + tuple(k for k in covering if k not in pieces[-1][2])
            pieces[-1] = (pieces[-1][0], b, joined)
        else:
            pieces.append((a, b, covering))

    out: list[Segment[K]] = []
    seen: set[K] = set()
    for a, b, covering in pieces:
        key = covering[0] if covering else None
        first = key is not None and key not in seen
        if key is not None:
            seen.add(key)
        out.append(
            Segment(
                text=text[a - offset : b - offset],
                start=a,
                end=b,
                key=key,
                covering=covering,
                first=first,
            )
        )
    # The last piece of each span's run gets the label.
    labelled: set[K] = set()
    for i in range(len(out) - 1, -1, -1):
        seg = out[i]
        if seg.key is not None and seg.key not in labelled:
            labelled.add(seg.key)
            out[i] = Segment(seg.text, seg.start, seg.end, seg.key, seg.covering, seg.first, True)
    return out


def paragraphs[K: Hashable](body: str, spans: Iterable[Span[K]]) -> list[Paragraph[K]]:
    """The body's paragraphs ("\\n\\n"-separated, blank ones skipped), each cut into segments.

    Offsets stay those of the whole body. A span that crosses a paragraph break
    (claims should not) is shown in each paragraph it touches.
    """
    listed = list(spans)
    out: list[Paragraph[K]] = []
    start = 0
    while start <= len(body):
        end = body.find(PARAGRAPH_BREAK, start)
        if end < 0:
            end = len(body)
        text = body[start:end]
        if text.strip():
            inside = [s for s in listed if s.start < end and s.end > start]
            out.append(Paragraph(start, end, segment(text, inside, offset=start)))
        start = end + len(PARAGRAPH_BREAK)
    return out


def value_spans(text: str, offset: int, values: Iterable[Value], body: str = "") -> list[Span[int]]:
    """Spans of a claim's normalised values inside the claim text, keyed by value index.

    A value's offsets into the body are ``span_start``/``span_end`` (or
    ``start``/``end`` when those are integers: dates use them for ISO dates).
    When the offsets do not point at the value's ``text``, the text is looked up
    in the claim.
    """
    out: list[Span[int]] = []
    for i, value in enumerate(values):
        vtext = str(value.get("text") or "")
        if not vtext:
            continue
        for start_key, end_key in (("span_start", "span_end"), ("start", "end")):
            start, end = value.get(start_key), value.get(end_key)
            if (
                isinstance(start, int)
                and isinstance(end, int)
                and offset <= start < end <= offset + len(text)
                and text[start - offset : end - offset] == vtext
            ):
                out.append(Span(start, end, i))
                break
        else:
            at = text.find(vtext)
            if at >= 0:
                out.append(Span(offset + at, offset + at + len(vtext), i))
    return out


def _slot(value: Value) -> tuple[str, str]:
    unit = str(value.get("unit") or "").lower().rstrip("s")
    vtype = str(value.get("type") or "")
    if vtype == "money":
        unit = str(value.get("currency") or "")
    return vtype, unit


def differing_values(reports: Sequence[Sequence[Value]]) -> list[set[int]]:
    """For each report (a claim's values), the indexes of values another report states differently.

    Two values are in the same slot when their type and unit (currency for
    money) match; they differ when their normalised meaning does
    (``describe_value``: amount, numerator/denominator, dates...). A value whose
    slot no other report fills is not marked: nothing contradicts it.

    >>> differing_values([[{"type": "percent", "value": 5.0}], [{"type": "percent", "value": 6.0}]])
    [{0}, {0}]
    """
    meanings = [[(_slot(v), describe_value(v)) for v in values] for values in reports]
    # A value differs when some other report fills its slot without its meaning. Counting,
    # per slot, the reports that fill it and, per meaning, those that state it answers that
    # for every value at once: linear in the reports (comparing every pair of reports was
    # quadratic, 4,000 comparisons for a fact of 66 claims).
    filling: Counter[tuple[str, str]] = Counter()
    stating: Counter[tuple[tuple[str, str], str]] = Counter()
    for mine in meanings:
        filling.update({slot for slot, _ in mine})
        stating.update(set(mine))
    # Report i fills the slot and states the meaning, so it is in both counts.
    return [
        {j for j, (slot, meaning) in enumerate(mine) if filling[slot] > stating[slot, meaning]}
        for mine in meanings
    ]
