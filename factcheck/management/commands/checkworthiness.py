from pathlib import Path

from django.core.management.base import BaseCommand, CommandError, CommandParser

from factcheck.engine.checkworthiness import score_sentences
from factcheck.engine.checkworthiness_training import SentenceFileError, figures, read_sentences


class Command(BaseCommand):
    help = (
        "Score the sentences of a CheckThat! TSV (header Sentence_id, Text, optional "
        "class_label) with the shipped check-worthiness model. Writes "
        "Sentence_id<TAB>score<TAB>Yes|No lines after a header line (the CheckThat! scorer "
        "skips its input's first line). With --run-id, writes the CheckThat! 2024 submission "
        "format instead: id<TAB>class_label<TAB>run_id. When the input has labels, prints "
        "precision, recall and F1 of the Yes class. "
        "Example: manage.py checkworthiness dev.tsv --output dev-scores.tsv"
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("input", type=Path, help="CheckThat! TSV of sentences")
        parser.add_argument("--output", type=Path, required=True, help="TSV to write")
        parser.add_argument("--run-id", default="", help="write the CheckThat! submission format")

    def handle(
        self, *args: object, input: Path, output: Path, run_id: str, **options: object
    ) -> None:
        try:
            sentences = read_sentences(input)
        except SentenceFileError as error:
            raise CommandError(str(error)) from None
        scores = score_sentences(s.text for s in sentences)
        if run_id:
            lines = ["id\tclass_label\trun_id"]
            lines += [
                f"{s.sentence_id}\t{'Yes' if c.checkworthy else 'No'}\t{run_id}"
                for s, c in zip(sentences, scores, strict=True)
            ]
        else:
            lines = ["Sentence_id\tscore\tclass_label"]
            lines += [
                f"{s.sentence_id}\t{c.probability:.4f}\t{'Yes' if c.checkworthy else 'No'}"
                for s, c in zip(sentences, scores, strict=True)
            ]
        try:
            output.write_text("\n".join(lines) + "\n", encoding="utf-8")
        except OSError as error:
            raise CommandError(f"{output}: cannot write ({error.strerror})") from None
        flagged = sum(c.checkworthy for c in scores)
        self.stdout.write(f"{len(sentences)} sentences scored, {flagged} check-worthy: {output}")
        if sentences and all(s.label is not None for s in sentences):
            result = figures([c.checkworthy for c in scores], [bool(s.label) for s in sentences])
            self.stdout.write(f"Yes class: {result.line()}")
