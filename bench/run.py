"""Benchmarks: `make bench` (all) or `make bench BENCH_ARGS="seeds scale --sizes 1000 10000"`.

* seeds:   `manage.py import_seeds` on a fresh SQLite database, Django start-up included.
* scale:   import generated corpora of several sizes on fresh databases; per-article cost.
* verdict: the htmx verdict POST from the review queue, on the largest "scale" database
           (55,000 claims at 10,000 articles) or on 2,000 generated articles (~11,000 claims).

Timings are wall-clock on this machine; each figure says how it was taken.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PYTHON = sys.executable


def manage(*args: str, db: Path, check: bool = True) -> subprocess.CompletedProcess:
    # The verdict benchmark's test client calls itself "testserver".
    env = {**os.environ, "DATABASE_URL": f"sqlite:///{db}", "ALLOWED_HOSTS": "testserver"}
    return subprocess.run(
        [PYTHON, "manage.py", *args], cwd=ROOT, env=env, check=check, capture_output=True, text=True
    )


def fresh_db(folder: Path, name: str) -> Path:
    db = folder / f"{name}.sqlite3"
    manage("migrate", "-v0", db=db)
    return db


def bench_seeds(folder: Path, repeat: int = 3) -> None:
    times = []
    for n in range(repeat):
        db = fresh_db(folder, f"seeds{n}")
        started = time.perf_counter()
        manage("import_seeds", db=db)
        times.append(time.perf_counter() - started)
    print(
        f"seeds: import_seeds of 5 articles incl. Django start-up: "
        f"best {min(times):.2f} s, median {statistics.median(times):.2f} s ({repeat} runs)"
    )


def bench_scale(folder: Path, sizes: list[int], seed: int) -> None:
    per_article = {}
    for size in sizes:
        corpus = folder / f"corpus{size}"
        _generate(corpus, size, seed)
        db = fresh_db(folder, f"scale{size}")
        started = time.perf_counter()
        done = manage("import_articles", str(corpus), db=db, check=False)
        elapsed = time.perf_counter() - started
        if done.returncode != 0:
            print(done.stdout[-2000:], done.stderr[-2000:])
            raise SystemExit(f"import of {size} generated articles failed")
        per_article[size] = elapsed / size
        counts = manage(
            "shell",
            "-c",
            "from factcheck.models import Claim, Fact, ArticleRelation;"
            "print(Claim.objects.count(), Fact.objects.count(), ArticleRelation.objects.count())",
            db=db,
        ).stdout.split()[-3:]
        print(
            f"scale: {size} articles imported in {elapsed:.1f} s = {per_article[size] * 1000:.1f} "
            f"ms/article ({counts[0]} claims, {counts[1]} facts, {counts[2]} copy relations)"
        )
    if len(sizes) >= 2:
        small, large = sizes[0], sizes[-1]
        ratio = per_article[large] / per_article[small]
        print(f"scale: per-article cost at {large} / at {small} = {ratio:.2f} (target <= 1.25)")


def _generate(corpus: Path, size: int, seed: int) -> None:
    sys.path.insert(0, str(ROOT))
    from evaluation.corpus import generate_corpus

    corpus.mkdir(parents=True, exist_ok=True)
    for name, text in generate_corpus(size, seed):
        (corpus / name).write_text(text, encoding="utf-8")


def bench_verdict(folder: Path, articles: int, seed: int, requests: int) -> None:
    corpus = folder / f"corpus{articles}"
    if not corpus.exists():
        _generate(corpus, articles, seed)
    db = folder / f"scale{articles}.sqlite3"
    if not db.exists():
        db = fresh_db(folder, f"scale{articles}")
        manage("import_articles", str(corpus), db=db)
    script = f"""
import statistics, time
from django.contrib.auth.models import Group, User
from django.test import Client
from django.urls import reverse
from factcheck.models import Claim
user, _ = User.objects.get_or_create(username="bench-editor")
user.groups.add(Group.objects.get(name="Editors"))
client = Client()
client.force_login(user)
claims = list(Claim.objects.select_related("fact").order_by("?")[:{requests}])
statuses = ["corroborated", "single_source", "disputed"]
times = []
for n, claim in enumerate(claims):
    claim.fact.refresh_from_db()
    started = time.perf_counter()
    response = client.post(
        reverse("factcheck:claim-verdict", args=[claim.pk]),
        {{"status": statuses[n % 3], "version": claim.fact.version}},
        headers={{"HX-Request": "true"}},
    )
    times.append(time.perf_counter() - started)
    assert response.status_code == 200, response.status_code
times.sort()
print(Claim.objects.count(), len(times), statistics.median(times) * 1000, times[int(len(times) * 0.95)] * 1000)
"""
    done = manage("shell", "-c", script, db=db, check=False)
    if done.returncode != 0:
        raise SystemExit(f"verdict benchmark failed:\n{done.stderr[-3000:]}")
    out = done.stdout.split()[-4:]
    claims, count, median, p95 = int(out[0]), int(out[1]), float(out[2]), float(out[3])
    print(
        f"verdict: htmx verdict POST from the queue with {claims} claims in the database: "
        f"median {median:.1f} ms, p95 {p95:.1f} ms over {count} requests (in-process test client, "
        "SQLite)"
    )


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawTextHelpFormatter
    )
    parser.add_argument("which", nargs="*", default=["seeds", "scale", "verdict"])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000])
    parser.add_argument("--seed", type=int, default=7)
    # 2,000 generated articles make about 11,000 claims; after "scale", the
    # largest corpus imported there is used instead.
    parser.add_argument("--verdict-articles", type=int, default=2000)
    parser.add_argument("--requests", type=int, default=200)
    parser.add_argument("--keep", type=Path, help="keep databases and corpora in this folder")
    args = parser.parse_args()
    os.environ.setdefault("SECRET_KEY", "bench-only-secret-key")
    os.environ.setdefault("DEBUG", "false")
    with tempfile.TemporaryDirectory(prefix="newsroom-bench-") as tmp:
        folder = args.keep or Path(tmp)
        folder.mkdir(parents=True, exist_ok=True)
        if "seeds" in args.which:
            bench_seeds(folder)
        if "scale" in args.which:
            bench_scale(folder, args.sizes, args.seed)
        if "verdict" in args.which:
            articles = max(args.sizes) if "scale" in args.which else args.verdict_articles
            bench_verdict(folder, articles, args.seed, args.requests)


if __name__ == "__main__":
    main()
