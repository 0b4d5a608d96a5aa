"""Turn a received article file into clean text and metadata.

Pure functions, no ORM: bytes in, a ``ParsedArticle`` out, or ``ArticleRejected``
naming what was wrong. The body produced here is what gets stored and what claim
offsets point into, so it must be final: nothing may alter it after parsing.
"""

from __future__ import annotations

import codecs
import datetime as dt
import re
import unicodedata
from dataclasses import dataclass, field

TEXT_SUFFIXES = {".txt", ".md", ".markdown", ".text"}
HTML_SUFFIXES = {".html", ".htm"}
SUPPORTED_SUFFIXES = TEXT_SUFFIXES | HTML_SUFFIXES

TITLE_MAX = 120


class ArticleRejected(ValueError):
    """The file cannot become an article; the message says why, in one line."""


@dataclass
class ParsedArticle:
    title: str
    title_derived: bool
    body: str
    published: dt.date | None = None
    byline: str = ""
    wire_credit: str = ""
    outlet_name: str = ""
    url: str = ""
    encoding: str = "utf-8"
    removed: list[str] = field(default_factory=list)


# --- decoding -----------------------------------------------------------------


# Byte-order marks of the UTF-16/32 files some editors save (UTF-32's first: FF FE 00 00
# also starts with UTF-16-LE's FF FE). Python's codecs read the mark and drop it.
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
# A UTF-8 file with a few bad bytes (a stray byte pasted from elsewhere) is still UTF-8:
# read it with those bytes replaced, rather than as another code page that turns every
# accent and curly quote into mojibake. "A few": at most this many, or one in a thousand.
UTF8_MAX_INVALID = 10


def decode(data: bytes, *, name: str) -> tuple[str, str]:
    """Return (text, encoding used); refuse empty, binary and undecodable input.

    The encoding names what was done when it was not plain: "utf-16", "cp1252", or
    "UTF-8, 2 invalid bytes replaced".
    """
    if not data.strip():
        raise ArticleRejected(f"{name}: empty file")
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                text = data.decode(encoding)
            except UnicodeDecodeError:
                raise ArticleRejected(f"{name}: undecodable text (broken {encoding})") from None
            if "\x00" in text or _control_ratio(text) > 0.05:
                raise ArticleRejected(f"{name}: binary file, not text")
            return text, encoding
    # A NUL anywhere (not only in the first block) is binary, and PostgreSQL refuses it.
    if b"\x00" in data or _looks_binary(data):
        raise ArticleRejected(f"{name}: binary file, not text")
    try:
        return data.decode("utf-8-sig"), "utf-8"
    except UnicodeDecodeError:
        pass
    text = data.decode("utf-8-sig", errors="replace")
    replaced = text.count("\ufffd") - data.count("\ufffd".encode())
    valid_non_ascii = sum(1 for c in text if c > "\x7f") - text.count("\ufffd")
    if replaced <= max(UTF8_MAX_INVALID, len(data) // 1000) and valid_non_ascii >= replaced:
        return text, f"UTF-8, {replaced} invalid byte{'s' if replaced > 1 else ''} replaced"
    from charset_normalizer import from_bytes

    matches = list(from_bytes(data))
    if not matches:
        raise ArticleRejected(f"{name}: undecodable text (not UTF-8, no other encoding fits)")
    # On short texts several code pages decode equally cleanly and the detector's
    # language guess decides; news copy is far more often in a common Western one.
    cleanest = min(m.chaos for m in matches)
    tied = [m for m in matches if m.chaos == cleanest]
    best = min(tied, key=lambda m: _PREFERRED.index(m.encoding) if m.encoding in _PREFERRED else 99)
    # A high chaos ratio means the detector only found the least bad guess.
    if best.chaos > 0.2:
        raise ArticleRejected(f"{name}: undecodable text (not UTF-8, no other encoding fits)")
    return str(best), best.encoding


_PREFERRED = ["cp1252", "latin_1", "iso8859_15", "cp1250", "utf_16", "cp1251", "koi8_r", "gb18030"]


def _looks_binary(data: bytes) -> bool:
    sample = data[:8192]
    control = sum(1 for b in sample if b < 32 and b not in (9, 10, 12, 13))
    return control > len(sample) * 0.05


def _control_ratio(text: str) -> float:
    sample = text[:8192]
    control = sum(1 for c in sample if c < " " and c not in "\t\n\x0c\r")
    return control / max(1, len(sample))


# --- headers, credits and boilerplate ------------------------------------------------

# Patterns here run on untrusted lines of any length: a run of spaces must never be
# tried against two adjacent quantifiers (possessive ``*+`` and ``?+`` forbid that), and
# a value "up to the trailing spaces" ends at its last non-space character, so
# ``(?P<value>.*?\S|.)\s*+$`` is the linear spelling of ``(?P<value>.+?)\s*$``.
_DATE_LINE = re.compile(
    r"^\s*+(?:date|published|dated|posted)\s*+[:\-]?+\s*+(?P<value>.*?\S|.)\s*+$", re.I
)
_META_LINE = re.compile(
    r"^\s*(?P<key>source|outlet|publisher|by|byline|author|url|link)\s*+:\s*+(?P<value>.*?\S|.)\s*+$",
    re.I,
)
_BY_LINE = re.compile(r"^\s*by\s+(?P<value>[A-Z][\w.'\- ]{1,80})\s*$")
_WIRE_LINE = re.compile(
    r"^\s*+[\(\[]?+\s*+(?:"
    r"based\s+on\s+(?:an?\s+)?(?P<a>[A-Za-z][\w&.\- ]{0,30}?)\s+report"
    r"|with\s+inputs?\s+from\s+(?P<b>[A-Za-z][\w&.,\- ]{0,40}?)"
    r"|(?:source|courtesy)\s*:\s*(?P<c>[A-Z][\w&.\- ]{0,30}?)"
    r"|via\s+(?P<e>[A-Z][\w&.\- ]{0,30}?)"
    r"|(?P<d>ANI|PTI|IANS|UNI|Reuters|AP|AFP|TASS|Xinhua)"
    r")\s*+[\)\]]?+\s*+\.?+\s*+$",
    re.I,
)
_WORD_COUNT = re.compile(r"(?<!\s)\s*+\(\s*+\d[\d,]*+\s++words?\s*+\)\s*+$", re.I)
_COMMENTS_CLOSED = re.compile(r"^\s*comments\s+are\s+closed\.?\s*$", re.I)
_READ_NEXT = re.compile(
    r"^\s*(?:read\s+next|read\s+more|also\s+read|related\s+(?:stories|articles|news)|"
    r"more\s+from\s+\w+|you\s+may\s+also\s+like|recommended(?:\s+stories)?)\s*+:?+\s*+$",
    re.I,
)
# One link to another story, anywhere in the text: "Read more: Council freezes parking
# charges", "ALSO READ: …". Its headline is that story's, not a claim of this one.
_RELATED_LINK = re.compile(
    r"^\s*(?:read\s+(?:more|next|also)|also\s+read|see\s+also|more\s+on\s+this(?:\s+story)?|"
    r"related(?:\s+(?:stories|story|articles|article|news|coverage))?)\s*:\s*\S",
    re.I,
)
# ``(\*\*|__)(?=\S)(.+?)(?<=\S)\1`` as a regex rescans the rest of the line from every
# unclosed "**", which is quadratic; ``_strip_emphasis`` finds the same spans in one pass.
_EMPHASIS_MARKS = ("**", "__")
_MARKDOWN_HEADING = re.compile(r"^\s{0,3}#{1,6}\s+")

_MONTHS = {
    name: number
    for number, names in enumerate(
        [
            ("jan", "january"),
            ("feb", "february"),
            ("mar", "march"),
            ("apr", "april"),
            ("may",),
            ("jun", "june"),
            ("jul", "july"),
            ("aug", "august"),
            ("sep", "sept", "september"),
            ("oct", "october"),
            ("nov", "november"),
            ("dec", "december"),
        ],
        start=1,
    )
    for name in names
}
_ISO_DATE = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ][\d:.+\-Z]*)?$")
_DMY = re.compile(r"^(\d{1,2})\s+([A-Za-z]{3,9})\.?,?\s+(\d{4})$")
_MDY = re.compile(r"^([A-Za-z]{3,9})\.?\s+(\d{1,2}),?\s+(\d{4})$")
# "20/08/2026", "8.3.2026", "03-08-2026": day first, as most of the world writes it,
# unless the second number cannot be a month ("08/20/2026", the American order).
_NUMERIC = re.compile(r"^(\d{1,2})([/.\-])(\d{1,2})\2(\d{4})$")
_WEEKDAY_PREFIX = re.compile(r"^(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?,?\s+", re.I)


def parse_date(value: str) -> dt.date | None:
    """Parse the date forms found at the top of articles; None when it is not a date."""
    value = _WEEKDAY_PREFIX.sub("", value.strip().rstrip("."))
    try:
        if m := _ISO_DATE.match(value):
            return dt.date(int(m[1]), int(m[2]), int(m[3]))
        if m := _DMY.match(value):
            month = _MONTHS.get(m[2].lower())
            return dt.date(int(m[3]), month, int(m[1])) if month else None
        if m := _MDY.match(value):
            month = _MONTHS.get(m[1].lower())
            return dt.date(int(m[3]), month, int(m[2])) if month else None
        if m := _NUMERIC.match(value):
            first, second = int(m[1]), int(m[3])
            day, month = (second, first) if second > 12 else (first, second)
            return dt.date(int(m[4]), month, day)
    except ValueError:
        return None
    return None


def wire_credit_of(line: str) -> str:
    """The agency named by a wire-credit line ("Based On ANI Report" -> "ANI"), or ""."""
    m = _WIRE_LINE.match(line)
    if not m:
        return ""
    credit = next(g for g in m.groups() if g)
    return credit.strip().rstrip(".,")


# --- the parser ------------------------------------------------------------------


def parse_text(text: str, *, name: str, title: str = "") -> ParsedArticle:
    """Parse plain text or Markdown into an article. ``title`` overrides the headline."""
    text = unicodedata.normalize("NFC", text.replace("\r\n", "\n").replace("\r", "\n"))
    text = text.replace("\u00a0", " ").replace("\ufeff", "")
    lines = [line.rstrip() for line in text.split("\n")]
    parsed = ParsedArticle(title="", title_derived=False, body="")

    lines = _take_header(lines, parsed)
    lines = _drop_tail(lines, parsed)
    if not title:
        lines, title = _take_headline(lines, parsed)
    paragraphs = _paragraphs(lines, parsed)
    if not paragraphs:
        raise ArticleRejected(f"{name}: no article text after removing headers and boilerplate")
    parsed.body = "\n\n".join(paragraphs)
    if title:
        parsed.title = _clean_inline(title)[:300]
    else:
        parsed.title = derive_title(parsed.body)
        parsed.title_derived = True
    if not parsed.title:
        raise ArticleRejected(f"{name}: no headline or text to title the article")
    return parsed


def _take_header(lines: list[str], parsed: ParsedArticle) -> list[str]:
    """Consume metadata lines (date, source, byline, url) around the headline.

    They count only among the first lines: once a headline and a paragraph
    have been seen, a line that looks like metadata is article text.
    """
    kept: list[str] = []
    content_seen = 0
    for index, line in enumerate(lines):
        if content_seen >= 2:
            return kept + lines[index:]
        if not line.strip():
            kept.append(line)
        elif not _take_header_line(line, parsed):
            kept.append(line)
            content_seen += 1
    return kept


def _take_header_line(line: str, parsed: ParsedArticle) -> bool:
    """Record the metadata a line carries; False when it is not a metadata line."""
    if (
        (m := _DATE_LINE.match(line))
        and (day := parse_date(m["value"]))
        or (day := parse_date(line))
    ):
        parsed.published = parsed.published or day
    elif m := _META_LINE.match(line):
        key, value = m["key"].lower(), m["value"]
        if key in ("source", "outlet", "publisher"):
            parsed.outlet_name = value[:200]
        elif key in ("url", "link"):
            parsed.url = value[:500]
        else:
            parsed.byline = value[:200]
    elif (m := _BY_LINE.match(line)) and len(line) < 80:
        parsed.byline = m["value"].strip()[:200]
    elif (m := _DATE_LINE.match(line)) and line.lstrip()[:4].lower() == "date" and ":" in line:
        # "date: sometime in May": a metadata line whose date cannot be read is still
        # metadata (listed as removed), not the first line of the text, so the lines
        # after it are read as metadata too.
        pass
    else:
        return False
    parsed.removed.append(line.strip())
    return True


def _drop_tail(lines: list[str], parsed: ParsedArticle) -> list[str]:
    """Remove "Read next" lists, links to other stories, closed-comment notices and
    wire-credit lines."""
    for index, line in enumerate(lines):
        # A related-links list only counts near the end, not a "Read more" mid-text.
        if _READ_NEXT.match(line) and index >= len(lines) * 0.4:
            parsed.removed.append(f"{line.strip()} list ({len(lines) - index - 1} lines)")
            lines = lines[:index]
            break
    kept = []
    for line in lines:
        if _COMMENTS_CLOSED.match(line) or (len(line) <= 200 and _RELATED_LINK.match(line)):
            parsed.removed.append(line.strip())
        elif len(line) < 80 and (credit := wire_credit_of(line)):
            parsed.wire_credit = parsed.wire_credit or credit
            parsed.removed.append(line.strip())
        else:
            kept.append(line)
    return kept


def _take_headline(lines: list[str], parsed: ParsedArticle) -> tuple[list[str], str]:
    """The first line is a headline when it reads like one: short, not a full sentence."""
    first = next((i for i, line in enumerate(lines) if line.strip()), None)
    if first is None:
        return lines, ""
    candidate = lines[first].strip()
    rest_has_text = any(line.strip() for line in lines[first + 1 :])
    is_markdown_heading = bool(_MARKDOWN_HEADING.match(candidate))
    looks_like_headline = (
        len(candidate) <= 200
        and not candidate.endswith((".", ",", ";", ":"))
        and len(candidate.split()) >= 2
        and not candidate.startswith(("-", "*", "•"))
    )
    if rest_has_text and (is_markdown_heading or looks_like_headline):
        return lines[first + 1 :], _MARKDOWN_HEADING.sub("", candidate)
    return lines, ""


def _paragraphs(lines: list[str], parsed: ParsedArticle) -> list[str]:
    """Group lines into paragraphs.

    Blank lines separate paragraphs. Inside a block, lines that look hard-wrapped
    (every line but the last of similar, moderate length) are joined; otherwise
    each line is its own paragraph, as in feeds that put one paragraph per line.
    """
    blocks: list[list[str]] = [[]]
    for line in lines:
        if line.strip():
            blocks[-1].append(line.strip())
        elif blocks[-1]:
            blocks.append([])
    paragraphs: list[str] = []
    for block in blocks:
        if not block:
            continue
        if len(block) > 1 and all(40 <= len(line) <= 100 for line in block[:-1]):
            block = [" ".join(block)]
        for line in block:
            cleaned = _clean_inline(line)
            if word_count := _WORD_COUNT.search(cleaned):
                parsed.removed.append(word_count.group().strip())
                cleaned = _WORD_COUNT.sub("", cleaned)
            cleaned = _MARKDOWN_HEADING.sub("", cleaned)
            if cleaned:
                paragraphs.append(cleaned)
    return paragraphs


def _strip_emphasis(line: str) -> str:
    """``**bold**`` and ``__bold__`` without their marks: the closing mark is the first
    one of the same kind, after at least one character, that follows a non-space."""
    if "**" not in line and "__" not in line:
        return line
    if "\n" in line:
        # A span never crosses a line end.
        return "\n".join(_strip_emphasis(part) for part in line.split("\n"))
    # Where each mark could close, in order; a pointer per kind only moves forward.
    closers: dict[str, list[int]] = {}
    for mark in _EMPHASIS_MARKS:
        found, i = [], line.find(mark, 1)
        while i != -1:
            if not line[i - 1].isspace():
                found.append(i)
            i = line.find(mark, i + 1)
        closers[mark] = found
    cursor = dict.fromkeys(_EMPHASIS_MARKS, 0)
    out: list[str] = []
    pos = copied = 0
    while pos < len(line) - 2:
        mark = line[pos : pos + 2]
        if mark not in closers or line[pos + 2].isspace():
            pos += 1
            continue
        candidates, k = closers[mark], cursor[mark]
        while k < len(candidates) and candidates[k] < pos + 3:
            k += 1
        cursor[mark] = k
        close = candidates[k] if k < len(candidates) else -1
        if close == -1:
            pos += 1
            continue
        out += (line[copied:pos], line[pos + 2 : close])
        pos = copied = close + 2
    out.append(line[copied:])
    return "".join(out)


def _clean_inline(line: str) -> str:
    line = _strip_emphasis(line)
    return re.sub(r"[ \t]+", " ", line).strip()


# Punctuation that cannot start a title ("...", ". . .", "— ").
_TITLE_LEAD = " \t.…!?,;:-–—*•·"


def derive_title(body: str) -> str:
    """The first sentence with words in it, shortened at a word boundary; "" when the
    body has no letters or digits at all."""
    for paragraph in body.split("\n\n"):
        paragraph = paragraph.lstrip(_TITLE_LEAD)
        match = re.search(r"^(.+?[.!?])(?:\s|$)", paragraph)
        sentence = (match.group(1) if match else paragraph).strip()
        if not any(c.isalnum() for c in sentence):
            continue
        if len(sentence) <= TITLE_MAX:
            return sentence.rstrip(".")
        cut = sentence[: TITLE_MAX - 1].rsplit(" ", 1)[0].rstrip(",;:—- ")
        return cut + "…"
    return ""


def parse_html(html: str, *, name: str) -> ParsedArticle:
    """Extract an HTML page's main text and metadata; markup never reaches the body."""
    import trafilatura
    from trafilatura.settings import Document

    document = trafilatura.bare_extraction(
        html, include_comments=False, include_tables=False, with_metadata=True
    )
    # A Document, or None when nothing was extracted (a dict only with as_dict=True).
    text = document.text if isinstance(document, Document) else None
    if not isinstance(document, Document) or not text or not text.strip():
        raise ArticleRejected(f"{name}: no article text found in the HTML")
    # trafilatura separates paragraphs with single newlines.
    parsed = parse_text(
        "\n\n".join(line for line in text.split("\n") if line.strip()),
        name=name,
        title=(document.title or "").strip(),
    )
    if document.date and not parsed.published:
        parsed.published = parse_date(document.date)
    parsed.byline = parsed.byline or (document.author or "")[:200]
    parsed.outlet_name = parsed.outlet_name or (document.sitename or "")[:200]
    parsed.url = parsed.url or (document.url or "")[:500]
    return parsed


def parse_file(data: bytes, *, name: str, suffix: str) -> ParsedArticle:
    """Decode and parse one received file; raises ArticleRejected with a one-line reason."""
    suffix = suffix.lower()
    if suffix not in SUPPORTED_SUFFIXES:
        allowed = ", ".join(sorted(SUPPORTED_SUFFIXES))
        raise ArticleRejected(f"{name}: unsupported file type {suffix or '(none)'}; use {allowed}")
    text, encoding = decode(data, name=name)
    parsed = parse_html(text, name=name) if suffix in HTML_SUFFIXES else parse_text(text, name=name)
    parsed.encoding = encoding
    return parsed
