from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from factcheck.claimreview import write_claimreviews
from factcheck.export import claim_records, write_csv, write_jsonl

WRITERS = {"jsonl": write_jsonl, "csv": write_csv}
# A JSON array of schema.org ClaimReviews, one per published fact-check (not per claim).
CLAIMREVIEW = "claimreview"


class Command(BaseCommand):
    help = (
        "Export every claim with its group, suggested status and verdict. "
        "Example: manage.py export_claims --format jsonl --output claims.jsonl. "
        "--format claimreview writes the published fact-checks as a JSON array of ClaimReviews."
    )

    def add_arguments(self, parser):
        parser.add_argument("--format", choices=sorted([*WRITERS, CLAIMREVIEW]), default="jsonl")
        parser.add_argument("--output", type=Path, help="file to write (default: standard output)")

    def handle(self, *args, format: str, output: Path | None, **options):
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

    def write_export(self, format: str, out) -> int:
        if format == CLAIMREVIEW:
            return write_claimreviews(out)
        return WRITERS[format](claim_records(), out)
