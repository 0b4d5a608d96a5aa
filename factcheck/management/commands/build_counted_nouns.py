from pathlib import Path

from django.core.management.base import BaseCommand, CommandError, CommandParser

from factcheck.engine.counted_nouns import TABLE_PATH
from factcheck.engine.counted_nouns_build import SOURCE_FILES, WordNetError, build_table
from factcheck.management.tables import write_table

# Where Debian's wordnet-base package puts the WordNet 3.0 database files.
DEFAULT_WORDNET = Path("/usr/share/wordnet")


class Command(BaseCommand):
    help = (
        "Build the table of counted nouns (which nouns can count the same things) from "
        f"the WordNet 3.0 database files ({', '.join(SOURCE_FILES)}) and write it. The "
        "same files give the same table byte for byte. Example (Debian: apt-get install "
        "wordnet-base): manage.py build_counted_nouns --wordnet /usr/share/wordnet"
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--wordnet",
            type=Path,
            default=DEFAULT_WORDNET,
            help="folder of the WordNet database files",
        )
        parser.add_argument("--output", type=Path, default=TABLE_PATH, help="table to write")

    def handle(self, *args: object, wordnet: Path, output: Path, **options: object) -> None:
        missing = [name for name in SOURCE_FILES if not (wordnet / name).is_file()]
        if missing:
            raise CommandError(
                f"{wordnet}: missing {', '.join(missing)} (install Debian's wordnet-base, "
                "or give the folder of WordNet 3.0's dict files with --wordnet)"
            )
        try:
            text = build_table(wordnet)
        except WordNetError as error:
            raise CommandError(str(error)) from None
        self.stdout.write(write_table(output, text, rows="nouns"))
