import tempfile
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from evaluation.corpus import generate_articles
from evaluation.database import throwaway_database
from evaluation.scoring import CorpusFigures, Figures, evaluate, evaluate_corpus, load_labels
from factcheck.models import ArticleRelation, Claim, Status
from intake.services import find_article_files, import_files
from sources.models import Article

DEFAULT_LABELS = Path(__file__).resolve().parents[2] / "data" / "seed_labels.json"


class Command(BaseCommand):
    help = (
        "Print the claim engine's extraction and grouping precision and recall against hand "
        "labels. Each scoring mode imports its articles into a throwaway database of its own "
        "(created, migrated and destroyed like a test database), so the live database is "
        "never read, written or locked. With --corpus N, also import N generated articles "
        "and score copy detection and dispute suggestions against the generator's truth. "
        "Example: manage.py evaluate_engine --corpus 1000"
    )

    def add_arguments(self, parser):
        parser.add_argument("--labels", type=Path, default=DEFAULT_LABELS)
        parser.add_argument("--articles", type=Path, default=Path(settings.BASE_DIR) / "seeds")
        parser.add_argument("--corpus", type=int, default=0, help="generated articles to score")
        parser.add_argument("--seed", type=int, default=7, help="the generated corpus's seed")

    def handle(self, *args, labels: Path, articles: Path, corpus: int, seed: int, **options):
        try:
            wanted = load_labels(labels)
        except (OSError, ValueError) as error:
            raise CommandError(f"{labels}: cannot read labels ({error})") from None
        files = [p for p in find_article_files([articles]) if p.name in wanted["articles"]]
        figures = score_labels(wanted, files)
        self.stdout.write(figures.report())
        if options["verbosity"] >= 2:
            for title, pairs in (
                ("grouped but labelled apart", figures.wrong_pairs),
                ("labelled together but left apart", figures.missed_pairs),
            ):
                self.stdout.write(f"{title}:")
                for a, b in pairs:
                    self.stdout.write(f"  {a} ~ {b}")
        if corpus > 0:
            self.stdout.write(score_corpus(corpus, seed).report())


def _import(files: list[Path]) -> None:
    summary = import_files(files)
    if summary.failed:
        raise CommandError("; ".join(r.message for r in summary.failed))


def score_labels(labels: dict, files: list[Path]) -> Figures:
    """Extraction and grouping against hand labels, on a throwaway database."""
    with throwaway_database():
        _import(files)
        bodies = dict(Article.objects.values_list("source_file", "body"))
        claims: dict[str, list[tuple[int, int, int]]] = {}
        for source_file, start, end, fact_id in Claim.objects.values_list(
            "article__source_file", "start", "end", "fact_id"
        ):
            claims.setdefault(source_file, []).append((start, end, fact_id))
        return evaluate(labels, bodies, claims)


def score_corpus(size: int, seed: int) -> CorpusFigures:
    """Copies and disputes on ``size`` generated articles, on a throwaway database."""
    truth = list(generate_articles(size, seed))
    with tempfile.TemporaryDirectory(prefix="evaluate-corpus-") as folder:
        for article in truth:
            (Path(folder) / article.name).write_text(article.text, encoding="utf-8")
        with throwaway_database():
            _import(list(find_article_files([Path(folder)])))
            relations = list(
                ArticleRelation.objects.values_list("original__source_file", "copy__source_file")
            )
            disputed: dict[int, set[str]] = {}
            for fact_id, source_file in Claim.objects.filter(
                fact__suggested_status=Status.DISPUTED
            ).values_list("fact_id", "article__source_file"):
                disputed.setdefault(fact_id, set()).add(source_file)
    return evaluate_corpus(truth, relations, disputed)
