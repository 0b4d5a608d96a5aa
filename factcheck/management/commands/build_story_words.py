from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError, CommandParser

from factcheck.engine.story_words import TABLE_PATH
from factcheck.engine.story_words_build import SourceError, build_table
from factcheck.management.tables import write_table

DEFAULT_SOURCE = (
    Path(settings.BASE_DIR).parent
    / "shared"
    / "eval"
    / "checkworthiness"
    / "CT24_checkworthy_english_train.tsv"
)


class Command(BaseCommand):
    help = (
        "Count the reference document frequencies that weigh an article's topic words "
        "(what places two reports in one story) over a file of sentences in the CheckThat! "
        "format, and write the table. The same file gives the same table byte for byte. "
        "Example: manage.py build_story_words "
        "../shared/eval/checkworthiness/CT24_checkworthy_english_train.tsv"
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "source",
            type=Path,
            nargs="?",
            default=DEFAULT_SOURCE,
            help="tab-separated sentences with a 'Text' column (default: CT24 training)",
        )
        parser.add_argument("--output", type=Path, default=TABLE_PATH, help="table to write")

    def handle(self, *args: object, source: Path, output: Path, **options: object) -> None:
        if not source.is_file():
            raise CommandError(f"{source}: no such file")
        try:
            text = build_table(source)
        except SourceError as error:
            raise CommandError(str(error)) from None
        self.stdout.write(write_table(output, text, rows="words"))
