from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError, CommandParser

from factcheck.engine.checkworthiness import MODEL_PATH
from factcheck.engine.checkworthiness_training import (
    DEV_FILE,
    TRAIN_FILE,
    SentenceFileError,
    train_model,
)

DEFAULT_DATA = Path(settings.BASE_DIR).parent / "shared" / "eval" / "checkworthiness"


class Command(BaseCommand):
    help = (
        f"Train the check-worthiness model on {TRAIN_FILE}, choose its C and threshold on "
        f"{DEV_FILE} (never on test data) and write the model file. The same data and seed "
        "give the same file byte for byte. Needs scikit-learn (the dev extra). "
        "Example: manage.py train_checkworthiness --seed 0"
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--data", type=Path, default=DEFAULT_DATA, help="folder of the TSVs")
        parser.add_argument("--output", type=Path, default=MODEL_PATH, help="model file to write")
        parser.add_argument("--seed", type=int, default=0, help="the solver's random_state")

    def handle(self, *args: object, data: Path, output: Path, seed: int, **options: object) -> None:
        missing = [name for name in (TRAIN_FILE, DEV_FILE) if not (data / name).is_file()]
        if missing:
            raise CommandError(
                f"{data}: missing {', '.join(missing)} (give the folder with --data)"
            )
        try:
            text, report = train_model(data, seed=seed)
        except ModuleNotFoundError as error:
            raise CommandError(
                f"training needs {error.name}: install the dev extra (pip install -e '.[dev]')"
            ) from None
        except SentenceFileError as error:
            raise CommandError(str(error)) from None
        for line in report:
            self.stdout.write(line)
        try:
            output.parent.mkdir(parents=True, exist_ok=True)
            output.write_text(text, encoding="utf-8")
        except OSError as error:
            raise CommandError(f"{output}: cannot write ({error.strerror})") from None
        self.stdout.write(f"wrote {output} ({len(text.encode()):,} bytes)")
