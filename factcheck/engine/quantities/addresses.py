"""Web and e-mail addresses, which hold digits that are not values: the finder blocks
their spans before it reads anything else.

They are found in one pass over the text's tokens rather than with a regex, because the
e-mail regex backtracked in cubic time (see ``_url_spans``).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

# --- things that look numeric but are not values ---------------------------------

# Web addresses and e-mail addresses, which hold digits that are not values. The e-mail
# half used to be the regex ``\S+@\S+\.\w+``, whose three overlapping runs backtrack in
# cubic time (8,000 "@" took minutes); ``_url_spans`` finds the same spans in one pass.
_WEB_RE = re.compile(r"\b(?:https?://|www\.)\S+")
_TOKEN_RE = re.compile(r"\S+")
_WORD_RUN_RE = re.compile(r"\w+")


def _email_end(text: str, start: int, end: int) -> int:
    r"""End of the e-mail-like span ``\S+@\S+\.\w+`` at the token ``text[start:end]``
    (greedy, as the regex would take it), or -1 when the token holds none."""
    at = text.find("@", start + 1, end)
    if at == -1:
        return -1
    dot = end
    while True:
        dot = text.rfind(".", at + 2, dot)
        if dot == -1:
            return -1
        word = _WORD_RUN_RE.match(text, dot + 1, end)
        if word:
            return word.end()


def _url_spans(text: str) -> Iterator[tuple[int, int]]:
    r"""(start, end) of each web or e-mail address, as ``_WEB_RE|\S+@\S+\.\w+`` would
    find them left to right."""
    for token in _TOKEN_RE.finditer(text):
        start, end = token.span()
        if _WEB_RE.match(text, start):
            yield start, end
            continue
        pos = start
        email_end = _email_end(text, start, end)
        if email_end != -1:
            yield start, email_end
            pos = email_end
        web = _WEB_RE.search(text, pos, end)
        if web:
            yield web.span()
