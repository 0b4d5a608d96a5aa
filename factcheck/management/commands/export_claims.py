from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from django.core.exceptions import ImproperlyConfigured
from django.core.management.base import BaseCommand, CommandError, CommandParser

from factcheck.claimreview import configured_site_url, write_claimreviews
from factcheck.export import claim_records, write_csv, write_jsonl

if TYPE_CHECKING:
    from _typeshed import SupportsWrite

WRITERS = {"jsonl": write_jsonl, "csv": write_csv}
# A JSON array of schema.org ClaimReviews, one per published fact-check (not per claim).
CLAIMREVIEW = "claimreview"


class Command(BaseCommand):
    help = (
        "Export every claim with its group, suggested status and verdict. "
        "Example: manage.py export_claims --format jsonl --output claims.jsonl. "
        "--format claimreview writes the published fact-checks as a JSON array of ClaimReviews."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--format", choices=sorted([*WRITERS, CLAIMREVIEW]), default="jsonl")
        parser.add_argument("--output", type=Path, help="file to write (default: standard output)")
        parser.add_argument(
            "--base-url",
            help="public address of the site, for the ClaimReviews' links "
            "(default: the NEWSROOM_URL setting; one of the two is needed for claimreview)",
        )

    def handle(
        self,
        *args: object,
        format: str,
        output: Path | None,
        base_url: str | None,
        **options: object,
    ) -> None:
        self.base_url = ""
        if format == CLAIMREVIEW:
            # Without a request the site's address is unknown: say so before writing anything.
            self.base_url = (base_url or "").rstrip("/") or self.configured_base_url()
            if not self.base_url.startswith(("http://", "https://")):
                raise CommandError(
                    f"--base-url must start with http:// or https://, not {base_url!r}"
                )
        if output is None:
            count = self.write_export(format, self.stdout)
        else:
            try:
                with output.open("w", encoding="utf-8", newline="") as handle:
                    count = self.write_export(format, handle)
            except OSError as error:
                raise CommandError(f"{output}: cannot write ({error.strerror})") from None
        noun = "published fact-checks" if format == CLAIMREVIEW else "claims"
        self.stderr.write(f"{count} {noun} exported")

    def write_export(self, format: str, out: SupportsWrite[str]) -> int:
        if format == CLAIMREVIEW:
            return write_claimreviews(out, base_url=self.base_url)
        return WRITERS[format](claim_records(), out)

    def configured_base_url(self) -> str:
        try:
            return configured_site_url()
        except ImproperlyConfigured as error:
            raise CommandError(f"{error}, or pass --base-url") from None
