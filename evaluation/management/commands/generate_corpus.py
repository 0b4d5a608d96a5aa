from pathlib import Path

from django.core.management.base import BaseCommand, CommandError, CommandParser

from evaluation.corpus import generate_corpus


class Command(BaseCommand):
    help = (
        "Write a deterministic, realistic corpus of article files that import_articles reads "
        "(several outlets reporting the same facts in different words, syndicated copies, "
        "contradicting figures). Example: manage.py generate_corpus --articles 1000 --seed 7 "
        "--output /tmp/corpus"
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--articles", type=int, required=True, help="how many articles")
        parser.add_argument("--seed", type=int, default=1, help="same seed, same files")
        parser.add_argument(
            "--output", type=Path, default=Path("corpus"), help="folder to write (created)"
        )

    def handle(
        self, *args: object, articles: int, seed: int, output: Path, **options: object
    ) -> None:
        if articles < 1:
            raise CommandError("--articles must be at least 1")
        try:
            output.mkdir(parents=True, exist_ok=True)
            count = 0
            for name, text in generate_corpus(articles, seed):
                (output / name).write_text(text, encoding="utf-8")
                count += 1
        except OSError as error:
            raise CommandError(f"{output}: cannot write ({error.strerror})") from None
        self.stdout.write(f"{count} articles written to {output}")
