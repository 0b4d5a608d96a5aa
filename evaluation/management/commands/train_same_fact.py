from pathlib import Path

from django.core.management.base import BaseCommand, CommandError, CommandParser

from evaluation.same_fact_training import CLUSTERS_DIR, DEFAULT_CLUSTERS, train, write_model
from factcheck.engine.same_fact import MODEL_PATH


class Command(BaseCommand):
    help = (
        "Train the learned same-fact evidence on hand-labelled news clusters (by default "
        f"the team's own: {', '.join(DEFAULT_CLUSTERS)}) and write the model file. The same "
        "clusters and seed give the same file byte for byte. Needs scikit-learn (the dev "
        "extra). Example: manage.py train_same_fact --seed 0"
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "clusters",
            nargs="*",
            type=Path,
            default=[CLUSTERS_DIR / name for name in DEFAULT_CLUSTERS],
            help="cluster folders (each with a gold.json)",
        )
        parser.add_argument("--output", type=Path, default=MODEL_PATH, help="model file to write")
        parser.add_argument("--seed", type=int, default=0, help="the solver's random_state")

    def handle(
        self, *args: object, clusters: list[Path], output: Path, seed: int, **options: object
    ) -> None:
        missing = [str(folder) for folder in clusters if not (folder / "gold.json").is_file()]
        if missing:
            raise CommandError(f"not a gold cluster (no gold.json): {', '.join(missing)}")
        try:
            document = train(clusters, seed=seed)
        except ModuleNotFoundError as error:
            raise CommandError(
                f"training needs {error.name}: install the dev extra (pip install -e '.[dev]')"
            ) from None
        except ValueError as error:
            raise CommandError(str(error)) from None
        data = document["metadata"]["training_data"]
        self.stdout.write(
            f"trained on {', '.join(data['clusters'])}: {data['pairs']:,} pairs, "
            f"{data['same_fact_pairs']:,} of one fact"
        )
        try:
            output.parent.mkdir(parents=True, exist_ok=True)
            write_model(document, output)
        except OSError as error:
            raise CommandError(f"{output}: cannot write ({error.strerror})") from None
        self.stdout.write(f"wrote {output}")
