"""Writing a derived table that ships with the engine (``models/*.tsv``), for the commands
that build one."""

from __future__ import annotations

from pathlib import Path

from django.core.management.base import CommandError


def write_table(output: Path, text: str, *, rows: str) -> str:
    """Write ``text`` to ``output`` and say what was written ("wrote PATH (6,005 words,
    65,036 bytes)"), counting the lines that are not comments as ``rows``; a file that
    cannot be written is a ``CommandError`` naming it."""
    try:
        output.parent.mkdir(parents=True, exist_ok=True)
        output.write_text(text, encoding="utf-8")
    except OSError as error:
        raise CommandError(f"{output}: cannot write ({error.strerror})") from None
    count = sum(1 for line in text.splitlines() if line and not line.startswith("#"))
    return f"wrote {output} ({count:,} {rows}, {len(text.encode()):,} bytes)"
