"""Pure-Python claim extraction: text in, ``types`` objects out (no Django)."""

from .extraction import EngineTimeout, extract_claims
from .sentences import split_sentences

__all__ = ["EngineTimeout", "extract_claims", "split_sentences"]
