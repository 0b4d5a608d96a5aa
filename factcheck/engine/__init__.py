"""Pure-Python claim extraction: text in, ``types`` objects out (no Django)."""

from .extraction import extract_claims
from .sentences import split_sentences

__all__ = ["extract_claims", "split_sentences"]
