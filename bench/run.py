"""Benchmarks with budgets: `make bench` (all) or `make bench BENCH_ARGS="pages --claims 5000"`.

On SQLite by default; with ``DATABASE_URL=postgres://…`` on that PostgreSQL server, in
databases of the run's own. Each benchmark is selected by name:

* seeds:      `manage.py import_seeds` on a fresh database, Django start-up included.
* scale:      import generated corpora of `--sizes` (1,000 and 10,000 articles); per-article
              cost and its ratio (budget <= 1.25), the import process's peak memory.
* statements: SQL statements per article of `intake.services.ingest_article` over
              `--statement-articles` generated articles: median and max (budget <= 40).
* parallel:   (PostgreSQL) `--parallel-articles` imported by one `import_articles` process
              and by two at once (alternate files, disjoint): throughput ratio (budget >= 1.6)
              and whether both give the same facts (claims as (origin, start, end)) and
              suggested statuses.
* pages:      the desk's pages at `--claims` claims (default 100,000), median/p95 over
              `--requests` requests and query count, beside the admin's claim changelist;
              query counts compared with a database of `--compare-claims` claims.
              Budgets: queue <= 0.5x admin and <= 100 ms, dashboard <= 150 ms, verdict
              POST <= 20 ms median, query counts constant. ("verdict" is an alias.)
* load:       headless locust, `--editors` (20) simulated editors for `--seconds` (60)
              against gunicorn (deploy/gunicorn.conf.py) on loopback, on a copy of the pages
              database: errors (budget 0), p95 (budget <= 300 ms), no lost verdict.
* memory:     peak memory of an import of `--memory-articles` and of a web worker serving
              the desk's pages (VmHWM).

A database filled for "pages" (a generated corpus imported by the real importer) is kept in
bench/out/cache/ (or as a PostgreSQL database) keyed by size, seed and the product code, and
reused by the next run. Above `--replicate-above` (20,000) claims, a `--replicate`-th (10)
of the corpus is imported and its rows copied that many times in SQL, each copy with its own
articles and facts (bench.jobs.replicate): the report says so; `--replicate 1` imports all. Every figure is printed beside its budget; a final table and a JSON
report (bench/out/report-<engine>-<timestamp>.json, with the machine) close the run.
Timings are wall clock on this machine, shared with whatever else runs on it.
"""

from __future__ import annotations

import argparse
import csv
import json
import math
import os
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench.databases import Databases, code_key, django_env, manage  # noqa: E402
from bench.report import Budget, Figure, Report, load_p95_after, machine_info  # noqa: E402

PYTHON = sys.executable
OUT = ROOT / "bench" / "out"
ALL = ["seeds", "scale", "statements", "parallel", "pages", "load", "memory"]
# Claims per generated article (5,766 claims from 1,000 articles, seed 7): how many
# articles to generate for a number of claims. The figures report the claims found.
CLAIMS_PER_ARTICLE = 5.7
# The load test's p95 is also given without its first seconds (``load_p95_after``).
WARM_UP_SECONDS = 5


@dataclass
class Run:
    args: argparse.Namespace
    dbs: Databases
    report: Report
    folder: Path

    def figure(self, *args, **kwargs) -> Figure:
        figure = self.report.add(Figure(*args, **kwargs))
        holds = "" if figure.holds is None else (" holds" if figure.holds else " DOES NOT HOLD")
        budget = f" (budget {figure.budget}{holds})" if figure.budget else ""
        note = f" [{figure.note}]" if figure.note else ""
        print(f"  {figure.name}: {figure.shown()}{budget}{note}", flush=True)
        return figure


# --- helpers ---------------------------------------------------------------------------


def job(name: str, url: str, *args: str) -> dict:
    """Run ``bench.jobs <name>`` on the database at ``url`` and return its JSON."""
    with tempfile.NamedTemporaryFile(suffix=".json", delete=False) as out:
        path = Path(out.name)
    try:
        done = subprocess.run(
            [PYTHON, "-m", "bench.jobs", name, "--out", str(path), *args],
            cwd=ROOT,
            env=django_env(url),
            capture_output=True,
            text=True,
        )
        if done.returncode != 0:
            raise SystemExit(
                f"bench job {name} failed:\n{done.stdout[-2000:]}{done.stderr[-4000:]}"
            )
        return json.loads(path.read_text())
    finally:
        path.unlink(missing_ok=True)


def measured(command: list[str], env: dict[str, str], log: Path) -> tuple[float, int]:
    """Run ``command``; its wall-clock seconds and peak resident memory (KiB, getrusage)."""
    with log.open("w") as out:
        started = time.perf_counter()
        process = subprocess.Popen(command, cwd=ROOT, env=env, stdout=out, stderr=subprocess.STDOUT)
        _, status, usage = os.wait4(process.pid, 0)
        elapsed = time.perf_counter() - started
    process.returncode = os.waitstatus_to_exitcode(status)
    if process.returncode != 0:
        raise SystemExit(f"failed: {' '.join(command)}\n{log.read_text()[-3000:]}")
    return elapsed, usage.ru_maxrss


def import_command(*paths: Path) -> list[str]:
    return [PYTHON, "manage.py", "import_articles", *map(str, paths)]


def generate(folder: Path, articles: int, seed: int) -> Path:
    """The generated corpus of ``articles`` files, in a folder named ``corpus`` (file keys)."""
    from evaluation.corpus import generate_corpus

    corpus = folder / f"gen-{articles}-{seed}" / "corpus"
    if not corpus.exists():
        corpus.mkdir(parents=True)
        for name, text in generate_corpus(articles, seed):
            (corpus / name).write_text(text, encoding="utf-8")
    return corpus


def collect_static(run: Run) -> Path:
    """Production's static files (manifest storage), for pages rendered with DEBUG off."""
    static = run.folder / "static"
    if not (static / "staticfiles.json").exists():
        manage("collectstatic", "--noinput", "-v0", url=run.dbs.url("unused"))
    return static


def filled(run: Run, claims: int) -> tuple[str, dict]:
    """A database holding about ``claims`` claims, from the cache or filled now.

    Above ``--replicate-above`` claims, a ``--replicate``-th of the corpus is imported by the
    real importer and copied in SQL (``bench.jobs.replicate``); the key says so (``-r<N>``).
    """
    articles = max(1, math.ceil(claims / CLAIMS_PER_ARTICLE))
    copies = run.args.replicate if claims > run.args.replicate_above else 1
    if copies <= 1:
        return imported(run, articles)
    base = math.ceil(articles / copies)
    key = f"{run.dbs.engine}-a{base * copies}-r{copies}-s{run.args.seed}-{fill_code(run)}"
    url, ready = run.dbs.cached(key)
    if not ready and run.args.fill_code:
        raise SystemExit(f"--fill-code: no database of that code is kept ({key})")
    note = f"{base} imported articles x {copies} (replicated in SQL, not imported)"
    if ready:
        print(f"  reusing the database of {note} ({key})", flush=True)
        counts = job("counts", url)
    else:
        imported_url, _ = imported(run, base)
        fresh = run.dbs.clone(imported_url, f"fill{base}x{copies}")
        started = time.perf_counter()
        counts = job("replicate", fresh, "--copies", str(copies - 1))
        seconds = time.perf_counter() - started
        print(
            f"  replicated: {note} in {seconds:.0f} s "
            f"({counts['claims']} claims, {counts['facts']} facts); kept as {key}",
            flush=True,
        )
        url = run.dbs.keep(fresh, key)
    said = f"database of {counts['claims']} claims: {note}"
    if said not in run.report.notes:
        run.report.notes.append(said)
    return url, counts


def fill_code(run: Run) -> str:
    """Whose filled databases to use: ``--fill-code``'s, else this code's (``code_key``)."""
    return run.args.fill_code or code_key()


def working_copy(run: Run, url: str, name: str) -> str:
    """A copy of a filled database for one benchmark, migrated when it was filled by other
    code (``--fill-code``): the migrations bring it to this code's tables and counts."""
    clone = run.dbs.clone(url, name)
    if run.args.fill_code:
        manage("migrate", "-v0", url=clone)
        # A migration that rewrites rows leaves them as autovacuum would not for long.
        job("vacuum", clone)
    return clone


def imported(run: Run, articles: int) -> tuple[str, dict]:
    """A database of ``articles`` generated articles imported by the real importer (cached)."""
    key = f"{run.dbs.engine}-a{articles}-s{run.args.seed}-{fill_code(run)}"
    url, ready = run.dbs.cached(key)
    if not ready and run.args.fill_code:
        raise SystemExit(f"--fill-code: no database of that code is kept ({key})")
    if ready:
        print(f"  reusing the database of {articles} generated articles ({key})", flush=True)
        return url, job("counts", url)
    corpus = generate(run.folder, articles, run.args.seed)
    fresh = run.dbs.fresh(f"fill{articles}")
    log = run.folder / f"fill{articles}.log"
    seconds, _ = measured(import_command(corpus), django_env(fresh), log)
    counts = job("counts", fresh)
    print(
        f"  filled: {articles} articles imported in {seconds:.0f} s "
        f"({counts['claims']} claims, {counts['facts']} facts); kept as {key}",
        flush=True,
    )
    run.report.notes.append(
        f"fill of {articles} articles ({counts['claims']} claims): {seconds:.0f} s"
    )
    return run.dbs.keep(fresh, key), counts


# --- benchmarks ------------------------------------------------------------------------


def bench_seeds(run: Run, repeat: int = 3) -> None:
    times = []
    for n in range(repeat):
        url = run.dbs.fresh(f"seeds{n}")
        started = time.perf_counter()
        manage("import_seeds", url=url)
        times.append(time.perf_counter() - started)
    times.sort()
    run.figure(
        f"import_seeds, 5 articles, with start-up (median of {repeat})", times[repeat // 2], "s"
    )


def bench_scale(run: Run) -> None:
    per_article = {}
    for size in run.args.sizes:
        corpus = generate(run.folder, size, run.args.seed)
        url = run.dbs.fresh(f"scale{size}")
        seconds, rss = measured(import_command(corpus), django_env(url), run.folder / "scale.log")
        counts = job("counts", url)
        per_article[size] = seconds * 1000 / size
        run.figure(
            f"import at {size:,} articles, per article",
            per_article[size],
            "ms",
            note=f"{counts['claims']} claims, {counts['facts']} facts, {seconds:.0f} s",
        )
        run.figure(f"import process peak memory at {size:,} articles", rss / 1024, "MiB")
    if len(per_article) >= 2:
        small, large = min(per_article), max(per_article)
        run.figure(
            f"import per-article cost at {large:,} / at {small:,}",
            per_article[large] / per_article[small],
            budget=Budget(1.25),
        )


def bench_statements(run: Run) -> None:
    corpus = generate(run.folder, run.args.statement_articles, run.args.seed)
    url = run.dbs.fresh("statements")
    found = job("statements", url, "--corpus", str(corpus))
    note = f"{found['articles']} articles into an empty database"
    run.figure(
        "SQL statements per article imported, median", found["median"], budget=Budget(40), note=note
    )
    run.figure("SQL statements per article imported, max", found["max"], budget=Budget(40))


def bench_parallel(run: Run) -> None:
    if run.dbs.engine != "postgresql":
        print("  skipped: parallel imports are measured on PostgreSQL (set DATABASE_URL)")
        return
    corpus = generate(run.folder, run.args.parallel_articles, run.args.seed)
    files = sorted(corpus.iterdir())
    # Two disjoint halves, each in a folder named "corpus" so the articles' origins (which
    # hold the folder's name) are the ones a single import gives.
    halves = []
    for n in range(2):
        half = run.folder / f"half{n}" / "corpus"
        half.mkdir(parents=True, exist_ok=True)
        for path in files[n::2]:
            (half / path.name).unlink(missing_ok=True)
            (half / path.name).symlink_to(path)
        halves.append(half)
    single = run.dbs.fresh("parallel1")
    one, _ = measured(import_command(corpus), django_env(single), run.folder / "single.log")
    double = run.dbs.fresh("parallel2")
    started = time.perf_counter()
    processes = []
    for n, half in enumerate(halves):
        log = (run.folder / f"half{n}.log").open("w")
        processes.append(
            subprocess.Popen(
                import_command(half), cwd=ROOT, env=django_env(double), stdout=log, stderr=log
            )
        )
    # While both run, what their database sessions are doing, five times a second: running
    # SQL, waiting on a lock (the advisory lock serialises tracing copies and grouping), or
    # idle in a transaction while Python works.
    states: Counter[str] = Counter()
    while any(p.poll() is None for p in processes):
        states.update(run.dbs.session_states(double))
        time.sleep(0.2)
    codes = [p.returncode for p in processes]
    two = time.perf_counter() - started
    if any(codes):
        raise SystemExit(f"a parallel import failed: see {run.folder}/half*.log")
    size = len(files)
    run.figure(
        f"parallel import, 2 processes vs 1 ({size:,} articles), throughput ratio",
        one / two,
        "x",
        budget=Budget(1.6, "at_least"),
        note=f"1 process {one:.0f} s, 2 processes {two:.0f} s",
    )
    sampled = sum(states.values()) or 1
    run.figure(
        "parallel import: sessions waiting on a lock, share of samples",
        100 * sum(n for state, n in states.items() if state.startswith("waiting")) / sampled,
        "%",
        note=", ".join(f"{state} {100 * n / sampled:.0f} %" for state, n in states.most_common()),
    )
    a, b = job("groups", single)["groups"], job("groups", double)["groups"]
    one_groups = {json.dumps(g["claims"]): g["suggested"] for g in a}
    two_groups = {json.dumps(g["claims"]): g["suggested"] for g in b}
    differing = one_groups.keys() ^ two_groups.keys()
    run.figure(
        "parallel import: claim groups (facts) not found in both",
        len(differing),
        "groups",
        budget=Budget(0, "equal"),
        note=f"{len(a)} facts from 1 process, {len(b)} from 2",
    )
    run.figure(
        "parallel import: same group, different suggested status",
        sum(one_groups[k] != two_groups[k] for k in one_groups.keys() & two_groups.keys()),
        "groups",
        budget=Budget(0, "equal"),
    )


PAGE_BUDGETS = {
    "queue full page": Budget(100),
    "dashboard": Budget(150),
}


def bench_pages(run: Run) -> None:
    collect_static(run)
    url, counts = filled(run, run.args.claims)
    clone = working_copy(run, url, "pages")
    pages = job("pages", clone, "--requests", str(run.args.requests), "--seed", str(run.args.seed))
    reference, small_claims = {}, 0
    if run.args.compare_claims:
        small, small_counts = filled(run, run.args.compare_claims)
        small_clone = working_copy(run, small, "pages-small")
        found = job("pages", small_clone, "--requests", "0", "--seed", str(run.args.seed))
        # The searched word is chosen from the data, so it differs between sizes.
        reference = {_kind(p["name"]): p["queries"] for p in found["pages"]}
        small_claims = small_counts["claims"]
        print(f"  query counts compared with {small_claims:,} claims", flush=True)
    claims = counts["claims"]
    times = {}
    for page in pages["pages"]:
        name, kind = page["name"], _kind(page["name"])
        times[kind] = page.get("median_ms")
        budget = Budget(20) if kind.startswith("verdict") else PAGE_BUDGETS.get(kind)
        size = f" ({page['bytes'] / 1024:.0f} KiB)" if "bytes" in page else ""
        run.figure(
            f"{name} at {claims:,} claims, median",
            page["median_ms"],
            "ms",
            budget=budget,
            note=page["url"] + size,
        )
        run.figure(f"{name}, p95", page["p95_ms"], "ms")
        if kind in reference:
            run.figure(
                f"{name}, queries",
                page["queries"],
                budget=Budget(reference[kind], "equal"),
                note=f"{reference[kind]} at {small_claims:,} claims",
            )
        else:
            run.figure(f"{name}, queries", page["queries"])
    admin = times["admin claim changelist"]
    for kind in ("queue full page", "queue htmx fragment"):
        run.figure(f"{kind} / admin changelist", times[kind] / admin, "x", budget=Budget(0.5))


def _kind(name: str) -> str:
    return name.split(" (q=")[0] if name.startswith("queue searched") else name


def bench_load(run: Run) -> None:
    url, counts = filled(run, run.args.claims)
    clone = working_copy(run, url, "load")
    sessions = job("load-setup", clone, "--editors", str(run.args.editors))
    session_file = run.folder / "sessions.json"
    session_file.write_text(json.dumps(sessions))
    verdicts = run.folder / "verdicts.jsonl"
    verdicts.write_text("")
    request_log = run.folder / "requests.jsonl"
    request_log.write_text("")
    with Gunicorn(run, clone) as server:
        stats = run.folder / "locust"
        command = [
            str(Path(PYTHON).parent / "locust"),
            "-f",
            str(ROOT / "bench" / "locustfile.py"),
            "--headless",
            "--users",
            str(run.args.editors),
            "--spawn-rate",
            str(run.args.editors),
            "--run-time",
            f"{run.args.seconds}s",
            "--host",
            server.base,
            "--csv",
            str(stats),
            "--only-summary",
            # Users finish the task they are in (a verdict POST gets its answer) before the end.
            "--stop-timeout",
            "10",
            "--exit-code-on-error",
            "0",
        ]
        env = {
            **os.environ,
            "BENCH_SESSIONS": str(session_file),
            "BENCH_VERDICT_LOG": str(verdicts),
            "BENCH_REQUEST_LOG": str(request_log),
        }
        measured(command, env, run.folder / "locust.log")
        worker_kib = server.worker_peak_kib()
    rows = {row["Name"]: row for row in csv.DictReader((run.folder / "locust_stats.csv").open())}
    total = rows["Aggregated"]
    requests = int(total["Request Count"])
    note = f"{run.args.editors} editors, {run.args.seconds} s, {counts['claims']:,} claims, {requests} requests"
    run.figure("load: errors", int(total["Failure Count"]), budget=Budget(0), note=note)
    run.figure("load: requests per second", float(total["Requests/s"]), "/s")
    run.figure("load: p50", float(total["50%"]), "ms")
    run.figure("load: p95", float(total["95%"]), "ms", budget=Budget(300))
    logged = [tuple(json.loads(line)) for line in request_log.read_text().splitlines()]
    if logged:
        late, count = load_p95_after(logged, WARM_UP_SECONDS)
        run.figure(
            f"load: p95 from {WARM_UP_SECONDS} s on",
            late,
            "ms",
            note=f"{count} requests; before, all editors log on and open the queue at once",
        )
    for name, row in rows.items():
        if name != "Aggregated":
            run.figure(
                f"load: {name} p95",
                float(row["95%"]),
                "ms",
                note=f"{row['Request Count']} requests",
            )
    check = job("load-check", clone, "--log", str(verdicts))
    run.figure(
        "load: verdicts answered 200 missing from the history",
        check["missing_from_history"],
        budget=Budget(0),
        note=f"{check['verdicts']} verdicts on {check['facts']} facts, "
        f"{check['stale']} refused as stale (409), {check['unanswered']} cut off by the end",
    )
    run.figure(
        "load: facts whose final status is not the last verdict",
        check["wrong_final_status"],
        budget=Budget(0),
        note=f"{check['ended_by_unanswered']} ended by a POST cut off by the end of the run",
    )
    run.figure("web worker peak memory after the load test (VmHWM)", worker_kib / 1024, "MiB")


def bench_memory(run: Run) -> None:
    corpus = generate(run.folder, run.args.memory_articles, run.args.seed)
    url = run.dbs.fresh("memory")
    _, rss = measured(import_command(corpus), django_env(url), run.folder / "memory.log")
    run.figure(
        f"import process peak memory ({run.args.memory_articles:,} articles)", rss / 1024, "MiB"
    )
    sessions = job("load-setup", url, "--editors", "1")["sessions"]
    with Gunicorn(run, url) as server:
        cookie = f"sessionid={next(iter(sessions.values()))}"
        paths = ["/claims/", "/claims/?page=last", "/claims/?q=minister", "/", "/articles/"]
        for _ in range(run.args.memory_rounds):
            for path in paths:
                request = urllib.request.Request(server.base + path, headers={"Cookie": cookie})
                with urllib.request.urlopen(request, timeout=60) as answer:
                    answer.read()
        kib = server.worker_peak_kib()
    run.figure(
        "web worker peak memory (VmHWM)",
        kib / 1024,
        "MiB",
        note=f"{len(paths)} pages x {run.args.memory_rounds} at {run.args.memory_articles:,} articles",
    )


class Gunicorn:
    """gunicorn with deploy/gunicorn.conf.py on a free loopback port, production settings."""

    def __init__(self, run: Run, url: str) -> None:
        self.run, self.url = run, url
        with socket.socket() as probe:
            probe.bind(("127.0.0.1", 0))
            self.port = probe.getsockname()[1]
        self.base = f"http://127.0.0.1:{self.port}"

    def __enter__(self) -> Gunicorn:
        static = collect_static(self.run)
        env = django_env(
            self.url,
            DEBUG="false",
            DEV_TOOLS="false",
            STATIC_ROOT=str(static),
            SECURE_SSL_REDIRECT="false",
            SESSION_COOKIE_SECURE="false",
            CSRF_COOKIE_SECURE="false",
            CSRF_TRUSTED_ORIGINS=self.base,
            GUNICORN_BIND=f"127.0.0.1:{self.port}",
        )
        self.log = (self.run.folder / "gunicorn.log").open("w")
        self.process = subprocess.Popen(
            [
                str(Path(PYTHON).parent / "gunicorn"),
                "-c",
                "deploy/gunicorn.conf.py",
                "newsroom.wsgi",
            ],
            cwd=ROOT,
            env=env,
            stdout=self.log,
            stderr=self.log,
        )
        deadline = time.monotonic() + 60
        while True:
            try:
                with urllib.request.urlopen(self.base + "/login/", timeout=5) as answer:
                    if answer.status == 200:
                        return self
            except OSError:
                pass
            if self.process.poll() is not None or time.monotonic() > deadline:
                self.__exit__()
                raise SystemExit(f"gunicorn did not start: see {self.run.folder}/gunicorn.log")
            time.sleep(0.3)

    def worker_peak_kib(self) -> int:
        """The largest VmHWM (peak resident set) among gunicorn's worker processes."""
        children = Path(f"/proc/{self.process.pid}/task/{self.process.pid}/children").read_text()
        peaks = []
        for pid in children.split():
            for line in Path(f"/proc/{pid}/status").read_text().splitlines():
                if line.startswith("VmHWM:"):
                    peaks.append(int(line.split()[1]))
        return max(peaks)

    def __exit__(self, *exc) -> None:
        self.process.terminate()
        try:
            self.process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()
        self.log.close()


BENCHMARKS = {
    "seeds": bench_seeds,
    "scale": bench_scale,
    "statements": bench_statements,
    "parallel": bench_parallel,
    "pages": bench_pages,
    "load": bench_load,
    "memory": bench_memory,
}


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawTextHelpFormatter
    )
    parser.add_argument("which", nargs="*", choices=[*ALL, "verdict", "import"], default=ALL)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000])
    parser.add_argument("--statement-articles", type=int, default=300)
    parser.add_argument("--parallel-articles", type=int, default=1000)
    parser.add_argument("--claims", type=int, default=100_000)
    parser.add_argument(
        "--compare-claims", type=int, default=None, help="default: a tenth of --claims"
    )
    parser.add_argument(
        "--replicate",
        type=int,
        default=10,
        help="above --replicate-above claims, import 1/N of the corpus and copy it N times "
        "in SQL (1: import all)",
    )
    parser.add_argument("--replicate-above", type=int, default=20_000)
    parser.add_argument(
        "--fill-code",
        help="use the filled databases kept for another version of the product code (the "
        "hash ending their key in bench/out/cache/), migrated to this one, instead of "
        "filling again: for changes that do not change what the importer stores",
    )
    parser.add_argument("--requests", type=int, default=20)
    parser.add_argument("--editors", type=int, default=20)
    parser.add_argument("--seconds", type=int, default=60)
    parser.add_argument("--memory-articles", type=int, default=1000)
    parser.add_argument("--memory-rounds", type=int, default=5)
    parser.add_argument("--keep", type=Path, help="keep corpora, logs and SQLite databases here")
    args = parser.parse_args(argv)
    if args.compare_claims is None:
        args.compare_claims = max(500, args.claims // 10)
    chosen = set()
    for name in args.which:
        chosen |= {"verdict": {"pages"}, "import": {"scale", "statements", "parallel"}}.get(
            name, {name}
        )
    os.environ.setdefault("SECRET_KEY", "bench-only-secret-key")
    os.environ.setdefault("DEBUG", "false")
    # The generator and the bench jobs are development tools.
    os.environ.setdefault("DEV_TOOLS", "true")
    with tempfile.TemporaryDirectory(prefix="newsroom-bench-") as tmp:
        folder = args.keep or Path(tmp)
        folder.mkdir(parents=True, exist_ok=True)
        dbs = Databases.from_environment(folder, OUT / "cache")
        report = Report(engine=dbs.engine, machine=machine_info(dbs.version()))
        run = Run(args=args, dbs=dbs, report=report, folder=folder)
        # Every Django process of the run (jobs, gunicorn) serves the same collected files.
        os.environ["STATIC_ROOT"] = str(folder / "static")
        print(
            f"bench on {report.machine['database']}, {report.machine['cores']} cores "
            f"({report.machine['cpu']}), load average {report.machine['load_average'][0]:.1f}"
        )
        try:
            for name in ALL:
                if name in chosen:
                    print(f"{name}:", flush=True)
                    BENCHMARKS[name](run)
        finally:
            dbs.drop_all()
            report.machine["load_average_at_end"] = list(os.getloadavg())
            print()
            print(report.table())
            for note in report.notes:
                print(f"note: {note}")
            print(f"\nreport: {report.write(OUT)}")


if __name__ == "__main__":
    main()
