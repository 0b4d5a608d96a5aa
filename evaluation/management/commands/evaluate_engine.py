import random
import tempfile
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError, CommandParser

from evaluation.clusters import (
    ClaimRow,
    ClusterFigures,
    FactRow,
    Snapshot,
    load_gold,
    score_cluster,
)
from evaluation.corpus import GeneratedArticle, generate_articles
from evaluation.database import throwaway_database
from evaluation.orders import OrderState, compare_states
from evaluation.scoring import CorpusFigures, Figures, evaluate, evaluate_corpus, load_labels
from factcheck.models import ArticleRelation, Claim, Fact, Status
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
        "With --clusters DIR [DIR ...], import each gold news cluster after the seeds and "
        "print, per fact, what was extracted, grouped and suggested, with totals. "
        "Example: manage.py evaluate_engine --corpus 1000 --clusters ../shared/eval/news-clusters"
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--labels", type=Path, default=DEFAULT_LABELS)
        parser.add_argument("--articles", type=Path, default=Path(settings.BASE_DIR) / "seeds")
        parser.add_argument("--corpus", type=int, default=0, help="generated articles to score")
        parser.add_argument("--seed", type=int, default=7, help="the generated corpus's seed")
        parser.add_argument(
            "--clusters",
            type=Path,
            nargs="+",
            default=[],
            help="gold cluster folders (each with gold.json), or folders holding them",
        )
        parser.add_argument(
            "--orders",
            type=int,
            default=0,
            help="import the seeds and the clusters together (or, with --corpus, the generated "
            "articles) in N orders (the given one, then shuffles with fixed seeds) and print "
            "how groups, suggestions and copy relations differ from the first order's",
        )
        parser.add_argument(
            "--together",
            action="store_true",
            help="with --clusters: import the seeds and every cluster into one database, score "
            "each cluster there, and count the facts that join claims of different stories "
            "(always wrong: each cluster is its own story)",
        )

    def handle(
        self,
        *args: object,
        labels: Path,
        articles: Path,
        corpus: int,
        seed: int,
        clusters: list[Path],
        orders: int,
        together: bool,
        verbosity: int,
        **options: object,
    ) -> None:
        folders = _cluster_folders(clusters)
        if orders > 0:
            if corpus > 0:
                with tempfile.TemporaryDirectory(prefix="evaluate-orders-") as written:
                    files = _write_corpus(generate_articles(corpus, seed), Path(written))
                    self._compare_orders(files, orders, verbose=verbosity >= 2)
                return
            files = list(find_article_files([articles]))
            for folder in folders:
                files.extend(folder / n for n in load_gold(folder)["import_order"])
            self._compare_orders(files, orders, verbose=verbosity >= 2)
            return
        if together:
            if not folders:
                raise CommandError("--together needs --clusters")
            self._score_together(folders, articles, verbosity=verbosity)
            return
        try:
            wanted = load_labels(labels)
        except (OSError, ValueError) as error:
            raise CommandError(f"{labels}: cannot read labels ({error})") from None
        files = [p for p in find_article_files([articles]) if p.name in wanted["articles"]]
        figures = score_labels(wanted, files)
        self.stdout.write(figures.report())
        if verbosity >= 2:
            for title, pairs in (
                ("grouped but labelled apart", figures.wrong_pairs),
                ("labelled together but left apart", figures.missed_pairs),
            ):
                self.stdout.write(f"{title}:")
                for a, b in pairs:
                    self.stdout.write(f"  {a} ~ {b}")
        if corpus > 0:
            self.stdout.write(score_corpus(corpus, seed).report())
        if folders:
            seeds = list(find_article_files([articles]))
            total = ClusterFigures(name=f"all {len(folders)} clusters")
            for folder in folders:
                cluster = score_news_cluster(folder, seeds=seeds)
                self.stdout.write(cluster.report(verbose=verbosity >= 2, claims=verbosity >= 3))
                total.add(cluster)
            self.stdout.write(f"== {total.name}")
            self.stdout.write("\n".join("  " + line for line in total.totals()))

    def _score_together(self, folders: list[Path], articles: Path, *, verbosity: int) -> None:
        seeds = list(find_article_files([articles]))
        scored, across = score_clusters_together(folders, seeds=seeds)
        total = ClusterFigures(name=f"all {len(folders)} clusters, in one database")
        for cluster in scored:
            self.stdout.write(cluster.report(verbose=verbosity >= 2, claims=verbosity >= 3))
            total.add(cluster)
        self.stdout.write(f"== {total.name}")
        self.stdout.write("\n".join("  " + line for line in total.totals()))
        self.stdout.write(f"  facts joining stories    {len(across)}")
        if verbosity >= 2:
            self.stdout.write("\n".join(f"    {line}" for line in across))

    def _compare_orders(self, files: list[Path], orders: int, *, verbose: bool) -> None:
        reference: OrderState | None = None
        for n in range(orders):
            order = list(files)
            if n:
                random.Random(n).shuffle(order)
            state = state_after_import(order)
            if reference is None:
                reference = state
                self.stdout.write(
                    f"order 0 (as given): {len(order)} articles, {len(state.groups)} groups, "
                    f"{len(state.relations)} copy relations"
                )
                continue
            difference = compare_states(reference, state)
            self.stdout.write(f"order {n} (shuffled, seed {n}): {difference.line()}")
            if verbose:
                self.stdout.write("\n".join(f"    {e}" for e in difference.examples))


def state_after_import(files: list[Path]) -> OrderState:
    """Import ``files`` in this order into a throwaway database; what the engine stored."""
    with throwaway_database():
        _import(files)
        members: dict[int, set[tuple[str, int, int]]] = {}
        for fact_id, origin, start, end in Claim.objects.values_list(
            "fact_id", "article__origin", "start", "end"
        ):
            members.setdefault(fact_id, set()).add((origin, start, end))
        suggestion = {
            pk: (status, reason)
            for pk, status, reason in Fact.objects.values_list(
                "pk", "suggested_status", "suggested_reason"
            )
        }
        relations = frozenset(
            ArticleRelation.objects.values_list("original__origin", "copy__origin")
        )
    return OrderState(
        groups={frozenset(m): suggestion[pk] for pk, m in members.items()}, relations=relations
    )


def _import(files: list[Path]) -> None:
    summary = import_files(files)
    if summary.failed:
        raise CommandError("; ".join(r.message for r in summary.failed))


def score_labels(labels: dict[str, Any], files: list[Path]) -> Figures:
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
        files = _write_corpus(truth, Path(folder))
        with throwaway_database():
            _import(files)
            relations = list(
                ArticleRelation.objects.values_list("original__source_file", "copy__source_file")
            )
            facts: dict[int, set[str]] = {}
            disputed: dict[int, set[str]] = {}
            for fact_id, source_file, status in Claim.objects.values_list(
                "fact_id", "article__source_file", "fact__suggested_status"
            ):
                facts.setdefault(fact_id, set()).add(source_file)
                if status == Status.DISPUTED:
                    disputed.setdefault(fact_id, set()).add(source_file)
    return evaluate_corpus(truth, relations, disputed, facts)


def _write_corpus(articles: Iterable[GeneratedArticle], folder: Path) -> list[Path]:
    """Generated articles written into ``folder`` as article files, in file order."""
    for article in articles:
        (folder / article.name).write_text(article.text, encoding="utf-8")
    return list(find_article_files([folder]))


def _cluster_folders(paths: list[Path]) -> list[Path]:
    """Cluster folders: each path that holds a gold.json, or its sub-folders that do."""
    folders: list[Path] = []
    for path in paths:
        if (path / "gold.json").is_file():
            folders.append(path)
            continue
        found = sorted(p.parent for p in path.glob("*/gold.json"))
        if not found:
            raise CommandError(f"{path}: no gold.json in it or in its sub-folders")
        folders.extend(found)
    return folders


def _cluster_gold(folder: Path) -> dict[str, Any]:
    try:
        gold = load_gold(folder)
    except (OSError, ValueError) as error:
        raise CommandError(f"{folder}: cannot read gold.json ({error})") from None
    missing = [n for n in gold["import_order"] if not (folder / n).is_file()]
    if missing:
        raise CommandError(f"{folder}: files named in gold.json are missing: {', '.join(missing)}")
    return gold


def score_news_cluster(folder: Path, *, seeds: list[Path]) -> ClusterFigures:
    """A gold cluster imported after the seeds, in its import order, on a throwaway database."""
    gold = _cluster_gold(folder)
    names = list(gold["import_order"])
    with throwaway_database():
        _import(seeds)
        _import([folder / n for n in names])
        return score_cluster(gold, _snapshot(names), name=folder.name)


def score_clusters_together(
    folders: list[Path], *, seeds: list[Path]
) -> tuple[list[ClusterFigures], list[str]]:
    """Every cluster imported after the seeds into one throwaway database, each scored
    there; and the facts whose claims come from more than one story (the seeds are one
    story, each cluster another), described. Alone in its database a cluster cannot
    show a fact joined across stories; a newsroom's database holds many stories."""
    golds = [(folder, _cluster_gold(folder)) for folder in folders]
    story = {path.name: "seeds" for path in seeds}
    for folder, gold in golds:
        for name in gold["import_order"]:
            if name in story:
                raise CommandError(f"{folder}: {name} is also a file of {story[name]}")
            story[name] = folder.name
    with throwaway_database():
        _import(seeds)
        for folder, gold in golds:
            _import([folder / n for n in gold["import_order"]])
        scored = [
            score_cluster(gold, _snapshot(list(gold["import_order"])), name=folder.name)
            for folder, gold in golds
        ]
        claims: dict[int, list[tuple[str, str]]] = {}
        for fact_id, source_file, text in Claim.objects.order_by(
            "fact_id", "article__source_file", "start"
        ).values_list("fact_id", "article__source_file", "text"):
            claims.setdefault(fact_id, []).append((source_file, text))
    across = []
    for fact_id, rows in claims.items():
        stories = sorted({story.get(file, "?") for file, _ in rows})
        if len(stories) > 1:
            shown = "; ".join(f"{file}: {text[:70]!r}" for file, text in rows[:4])
            across.append(f"fact #{fact_id} joins {', '.join(stories)}: {shown}")
    return scored, across


def _snapshot(names: list[str]) -> Snapshot:
    """What the engine stored for the articles imported from the files ``names``."""
    bodies = dict(Article.objects.filter(source_file__in=names).values_list("source_file", "body"))
    claims: dict[str, list[ClaimRow]] = {}
    for source_file, start, end, fact_id, flags in Claim.objects.filter(
        article__source_file__in=names
    ).values_list("article__source_file", "start", "end", "fact_id", "flags"):
        claims.setdefault(source_file, []).append(ClaimRow(start, end, fact_id, tuple(flags)))
    fact_ids = {c.fact_id for rows in claims.values() for c in rows}
    facts = {
        pk: FactRow(status, reason)
        for pk, status, reason in Fact.objects.filter(pk__in=fact_ids).values_list(
            "pk", "suggested_status", "suggested_reason"
        )
    }
    relations = set(
        ArticleRelation.objects.values_list("original__source_file", "copy__source_file")
    )
    return Snapshot(bodies, claims, facts, relations)
