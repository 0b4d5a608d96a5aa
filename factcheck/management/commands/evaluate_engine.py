import tempfile
from collections.abc import Callable
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from factcheck.evaluation import CorpusFigures, evaluate, evaluate_corpus, load_labels
from factcheck.models import ArticleRelation, Claim, Fact, Status
from sources.corpus import generate_articles
from sources.models import Article
from sources.services import find_article_files, import_files

DEFAULT_LABELS = Path(settings.BASE_DIR) / "tests" / "data" / "seed_labels.json"


class _Rollback(Exception):
    pass


class Command(BaseCommand):
    help = (
        "Print the claim engine's extraction and grouping precision and recall against hand "
        "labels. The labelled articles are imported in a transaction that is rolled back, so "
        "the database is left as it was. With --corpus N, also import N generated articles "
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
        figures = _scored_alone(files, lambda: evaluate(wanted, *_bodies_and_claims()))
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
            self.stdout.write(_score_corpus(corpus, seed).report())


def _scored_alone[T](files: list[Path], score: Callable[[], T]) -> T:
    """Import ``files`` into an otherwise empty database, score, and roll it all back.

    Starting empty keeps earlier imports from changing the figures.
    """
    result: list[T] = []
    try:
        with transaction.atomic():
            Claim.objects.all().delete()
            Fact.objects.all().delete()
            Article.objects.all().delete()
            summary = import_files(files)
            if summary.failed:
                raise CommandError("; ".join(r.message for r in summary.failed))
            result.append(score())
            raise _Rollback
    except _Rollback:
        pass
    return result[0]


def _bodies_and_claims() -> tuple[dict[str, str], dict[str, list[tuple[int, int, int]]]]:
    bodies = dict(Article.objects.values_list("source_file", "body"))
    claims: dict[str, list[tuple[int, int, int]]] = {}
    for source_file, start, end, fact_id in Claim.objects.values_list(
        "article__source_file", "start", "end", "fact_id"
    ):
        claims.setdefault(source_file, []).append((start, end, fact_id))
    return bodies, claims


def _score_corpus(size: int, seed: int) -> CorpusFigures:
    truth = list(generate_articles(size, seed))

    def score() -> CorpusFigures:
        relations = list(
            ArticleRelation.objects.values_list("original__source_file", "copy__source_file")
        )
        disputed: dict[int, set[str]] = {}
        for fact_id, source_file in Claim.objects.filter(
            fact__suggested_status=Status.DISPUTED
        ).values_list("fact_id", "article__source_file"):
            disputed.setdefault(fact_id, set()).add(source_file)
        return evaluate_corpus(truth, relations, disputed)

    with tempfile.TemporaryDirectory(prefix="evaluate-corpus-") as folder:
        for article in truth:
            (Path(folder) / article.name).write_text(article.text, encoding="utf-8")
        return _scored_alone(find_article_files([Path(folder)]), score)
