from pathlib import Path

from django.core.management.base import BaseCommand, CommandError, CommandParser

from intake.services import IngestResult, Outcome, find_article_files, import_files
from sources.parsing import ArticleRejected


class Command(BaseCommand):
    help = (
        "Import article files (.txt, .md, .html) and folders of them. Each file is its own "
        "transaction; re-importing unchanged files changes nothing. "
        "Example: manage.py import_articles seeds/ extra/story.html"
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("paths", nargs="+", type=Path, help="files or folders to import")
        parser.add_argument("--outlet", default="", help="outlet name for files that name none")
        parser.add_argument(
            "--max-bytes", type=int, default=None, help="largest file accepted (IMPORT_MAX_BYTES)"
        )

    def handle(
        self,
        *args: object,
        paths: list[Path],
        outlet: str,
        max_bytes: int | None,
        **options: object,
    ) -> None:
        try:
            files = list(find_article_files(paths))
        except ArticleRejected as error:
            raise CommandError(str(error)) from None
        self.import_and_report(files, outlet_name=outlet, max_bytes=max_bytes)

    def import_and_report(
        self, files: list[Path], *, outlet_name: str = "", max_bytes: int | None = None
    ) -> None:
        total = len(files)
        live = getattr(self.stdout, "isatty", lambda: False)()
        done = 0

        def report(result: IngestResult) -> None:
            nonlocal done
            done += 1
            if result.outcome == Outcome.FAILED:
                if live:
                    self.stdout.write("\r\033[K", ending="")
                self.stderr.write(f"error: {result.message}")
            elif live:
                self.stdout.write(f"\r\033[K[{done}/{total}] {result.source_file}", ending="")
                self.stdout.flush()
            else:
                self.stdout.write(f"[{done}/{total}] {result.source_file}: {result.message}")

        summary = import_files(
            files, outlet_name=outlet_name, max_bytes=max_bytes, on_result=report
        )
        if live:
            self.stdout.write("\r\033[K", ending="")
        self.stdout.write(f"{total} files: {summary}")
        if summary.failed:
            raise CommandError(f"{len(summary.failed)} of {total} files failed to import")
