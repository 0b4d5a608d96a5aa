"""The benchmarks' work inside Django: ``python -m bench.jobs <job> --out FILE [options]``.

``bench/run.py`` starts each job in a process of its own, with ``DATABASE_URL`` set to the
database it measures, and reads the JSON the job writes to ``--out``. Jobs:

* ``counts``: articles, claims, facts and copy relations in the database.
* ``replicate``: ``--copies`` copies, in SQL, of the imported articles with everything the
  engine wrote for them (``replicate``), to reach a size the importer would take an hour for.
* ``vacuum``: on PostgreSQL, ``VACUUM ANALYZE`` (what autovacuum does after a bulk write).
* ``statements``: SQL statements run by ``intake.services.ingest_article`` for each file
  of a corpus folder (``count_statements``), imported in order into the database.
* ``pages``: median and p95 wall-clock time and query count of the desk's pages, the
  admin's claim changelist and the htmx verdict POST, with Django's test client.
* ``profile``: where one request of a page (``--page``, a name ``pages`` prints) spends
  its time: cProfile's top functions and its slowest SQL, with PostgreSQL's plan of it.
* ``load-setup``: logged-in sessions for the load test's simulated editors.
* ``load-check``: the load test's successful verdicts against facts and their history.
* ``groups``: the claim groups (facts) and their suggested statuses, for comparing imports.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import re
import statistics
import sys
import time
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def setup_django() -> None:
    sys.path.insert(0, str(ROOT))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "newsroom.settings")
    import django

    django.setup()


# --- statements per article ---------------------------------------------------------


def count_statements(files: Iterable[Path]) -> list[int]:
    """SQL statements each file's ``ingest_article`` runs (a savepoint counts as one).

    Every statement Django sends for the call is counted, through
    ``connection.execute_wrapper``: lookups, inserts, updates, savepoints.
    """
    from django.db import connection

    from intake.services import file_key, ingest_article

    counts = []
    for path in files:
        seen = 0

        def counter(execute, sql, params, many, context):
            nonlocal seen
            seen += 1
            return execute(sql, params, many, context)

        with connection.execute_wrapper(counter):
            ingest_article(source_file=path.name, data=path.read_bytes(), path=file_key(path))
        counts.append(seen)
    return counts


def job_statements(args) -> dict:
    files = sorted(Path(args.corpus).iterdir())
    started = time.perf_counter()
    counts = count_statements(files)
    elapsed = time.perf_counter() - started
    return {
        "articles": len(counts),
        "median": statistics.median(counts),
        "max": max(counts),
        "mean": statistics.fmean(counts),
        "seconds": elapsed,
    }


# --- counts and groups ---------------------------------------------------------------


def job_counts(args) -> dict:
    from factcheck.models import ArticleRelation, Claim, Fact
    from sources.models import Article

    return {
        "articles": Article.objects.count(),
        "claims": Claim.objects.count(),
        "facts": Fact.objects.count(),
        "relations": ArticleRelation.objects.count(),
    }


def job_groups(args) -> dict:
    """Each fact as the sorted (article origin, claim start, end) of its claims, with its suggestion."""
    from factcheck.models import Claim, Fact

    members: dict[int, list] = {}
    for fact_id, origin, start, end in Claim.objects.values_list(
        "fact_id", "article__origin", "start", "end"
    ).iterator(chunk_size=5000):
        members.setdefault(fact_id, []).append([origin, start, end])
    suggested = dict(Fact.objects.values_list("pk", "suggested_status"))
    groups = [
        {"claims": sorted(claims), "suggested": suggested[fact_id]}
        for fact_id, claims in members.items()
    ]
    groups.sort(key=lambda g: g["claims"])
    return {"groups": groups}


# --- replicated fill -----------------------------------------------------------------


def replicate(copies: int) -> dict:
    """Add ``copies`` replicas of every article and what the engine stored for it, in SQL.

    Filling 100,000 claims through the importer takes 45 minutes or more, so ``pages`` and
    ``load`` can fill a tenth with the real importer and replicate it. Replica ``k`` of a row
    gets the id ``id + k * max(id)`` and points to replica ``k`` of its article, fact or
    other row, so each replica has facts of its own (groups, suggestions and copy relations
    as the importer made them, never spanning two replicas). Articles get distinct titles,
    addresses, origins and content hashes (the suffix `` [r<k>]``); the text of bodies and
    claims is the same. Outlets are shared. Editors' work (verdicts, history, evidence,
    publications) is not copied: a filled database has none. PostgreSQL's id sequences are
    moved past the new ids and the tables vacuumed and analysed, as autovacuum would after
    the import.
    """
    from django.core.management.color import no_style
    from django.db import connection, transaction
    from django.db.models import Max

    from factcheck.models import (
        ArticleFingerprint,
        ArticleProgress,
        ArticleRelation,
        Claim,
        Fact,
        FactKey,
    )
    from sources.models import Article

    # Each table's rows are shifted by its own largest id; each foreign key by its target's
    # (an article's progress row has its article's id as its own).
    tables = [Article, ArticleProgress, Fact, Claim, FactKey, ArticleFingerprint, ArticleRelation]
    shift = {model: model.objects.aggregate(n=Max("pk"))["n"] or 0 for model in tables}
    shift["component"] = Claim.objects.aggregate(n=Max("component"))["n"] or 0
    quote = connection.ops.quote_name
    with transaction.atomic():
        for k in range(1, copies + 1):
            for model in tables:
                columns, values, params = [], [], []
                for field in model._meta.concrete_fields:
                    column = quote(field.column)
                    target = field.related_model if field.is_relation else model
                    if field.primary_key or (field.is_relation and target in shift):
                        value, param = f"{column} + %s", [k * shift[target]]
                    elif field.is_relation:
                        value, param = column, []
                    else:
                        value, param = _replica_value(model, field.name, column, k, shift)
                    columns.append(column)
                    values.append(value)
                    params += param
                with connection.cursor() as cursor:
                    cursor.execute(
                        f"INSERT INTO {quote(model._meta.db_table)} ({', '.join(columns)}) "
                        f"SELECT {', '.join(values)} FROM {quote(model._meta.db_table)} "
                        f"WHERE {quote(model._meta.pk.column)} <= %s",
                        [*params, shift[model]],
                    )
        with connection.cursor() as cursor:
            for statement in connection.ops.sequence_reset_sql(no_style(), tables):
                cursor.execute(statement)
    vacuum()
    return job_counts(None) | {"copies": copies}


def vacuum() -> None:
    """On PostgreSQL, what autovacuum does soon after a bulk write: dead rows reclaimed,
    the visibility map set (index-only scans rely on it) and statistics gathered."""
    from django.db import connection

    # VACUUM cannot run in a transaction: inside one (a test's), there is nothing to do.
    if connection.vendor == "postgresql" and not connection.in_atomic_block:
        with connection.cursor() as cursor:
            cursor.execute("VACUUM ANALYZE")


def job_vacuum(args) -> dict:
    vacuum()
    return {}


def _replica_value(model, name: str, column: str, k: int, shift: dict) -> tuple[str, list]:
    """The SQL for column ``name`` of replica ``k``: distinct where the column is unique."""
    suffix = f" [r{k}]"
    if model.__name__ == "Article":
        if name == "title":
            return f"SUBSTR({column}, 1, 280) || %s", [suffix]
        if name in ("origin", "source_file"):
            return f"{column} || %s", [suffix.replace(" ", "")]
        if name == "url":
            return f"CASE WHEN {column} = '' THEN '' ELSE {column} || %s END", [f"#r{k}"]
        if name == "content_hash":
            # Still 64 hex digits: the last 8 say which replica.
            return f"SUBSTR({column}, 1, 56) || %s", [f"{k:08x}"]
    if model.__name__ == "Claim" and name == "component":
        return f"{column} + %s", [k * shift["component"]]
    return column, []


def job_replicate(args) -> dict:
    return replicate(args.copies)


# --- pages ---------------------------------------------------------------------------


def bench_users():
    from django.contrib.auth.models import Group, User

    editor, _ = User.objects.get_or_create(username="bench-editor")
    editor.groups.add(Group.objects.get(name="Editors"))
    admin, _ = User.objects.get_or_create(
        username="bench-admin", defaults={"is_staff": True, "is_superuser": True}
    )
    return editor, admin


def desk_pages() -> list[tuple[str, str, dict]]:
    """(name, URL, headers) of each page measured, chosen from the data, deterministically."""
    from django.db.models import Count
    from django.urls import reverse

    from factcheck.models import Claim, Fact

    queue = reverse("factcheck:claim-list")
    ids = list(Claim.objects.order_by("pk").values_list("pk", flat=True))
    middle = Claim.objects.select_related("article").get(pk=ids[len(ids) // 2])
    # A word editors would search for: the longest word of the middle claim.
    word = max(re.findall(r"[A-Za-z]{4,}", middle.text) or ["port"], key=len).lower()
    # The fact with the most claims: the heaviest fact page.
    fact = Fact.objects.annotate(n=Count("claims")).order_by("-n", "pk").first()
    htmx = {"HX-Request": "true"}
    return [
        ("queue full page", queue, {}),
        ("queue htmx fragment", queue, htmx),
        ("queue filtered (suggested=disputed)", f"{queue}?suggested=disputed", htmx),
        (f"queue searched (q={word})", f"{queue}?q={word}", htmx),
        ("queue deep page (page=last)", f"{queue}?page=last", {}),
        ("article page", reverse("factcheck:article-detail", args=[middle.article_id]), {}),
        ("fact page", reverse("factcheck:fact-detail", args=[fact.pk]), {}),
        ("dashboard", reverse("factcheck:dashboard"), {}),
        ("admin claim changelist", reverse("admin:factcheck_claim_changelist"), {}),
    ]


def timed(request: Callable[[], object], repeat: int) -> tuple[list[float], object]:
    times, response = [], None
    for _ in range(repeat):
        started = time.perf_counter()
        response = request()
        times.append((time.perf_counter() - started) * 1000)
    return times, response


def job_pages(args) -> dict:
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    from bench.report import median, percentile

    editor, admin = bench_users()
    desk, staff = Client(), Client()
    desk.force_login(editor)
    staff.force_login(admin)
    results = []
    for name, url, headers in desk_pages():
        client = staff if url.startswith("/admin/") else desk
        # The first request warms caches (templates, permissions) and counts the queries;
        # the timed ones run without the query log.
        with CaptureQueriesContext(connection) as queries:
            response = client.get(url, headers=headers)
        if response.status_code != 200:
            raise SystemExit(f"{name}: {url} answered {response.status_code}")
        row = {"name": name, "url": url, "queries": len(queries), "bytes": len(response.content)}
        if args.requests:
            times, _ = timed(lambda c=client, u=url, h=headers: c.get(u, headers=h), args.requests)
            row |= {"median_ms": median(times), "p95_ms": percentile(times, 0.95)}
        results.append(row)
    results.append(verdict_posts(desk, max(args.requests, 1), args.seed))
    return {"pages": results}


VERDICT = "verdict POST"


def verdict_requests(requests: int, seed: int) -> Iterator[tuple[str, dict[str, object]]]:
    """The queue's htmx verdict POSTs on ``requests`` claims picked at random (seeded): the
    URL and form of each, made just before it is sent (an earlier one may have changed the
    claim's fact)."""
    from django.urls import reverse

    from factcheck.models import Claim, Status

    ids = list(Claim.objects.order_by("pk").values_list("pk", flat=True))
    picked = random.Random(seed).sample(ids, min(requests, len(ids)))
    statuses = list(Status.values)
    for n, pk in enumerate(picked):
        claim = Claim.objects.select_related("fact").get(pk=pk)
        # A different verdict than the fact has, as an editor changing it would post.
        status = next(s for s in statuses[n % 3 :] + statuses if s != claim.fact.status)
        url = reverse("factcheck:claim-verdict", args=[pk])
        yield url, {"status": status, "version": claim.fact.version}


def verdict_posts(client, requests: int, seed: int) -> dict:
    """The queue's htmx verdict POST on ``requests`` claims picked at random (seeded)."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from bench.report import median, percentile

    times, queries = [], 0
    for n, (url, data) in enumerate(verdict_requests(requests + 1, seed)):
        if n == 0:
            with CaptureQueriesContext(connection) as captured:
                response = client.post(url, data, headers={"HX-Request": "true"})
            queries = len(captured)
        else:
            started = time.perf_counter()
            response = client.post(url, data, headers={"HX-Request": "true"})
            times.append((time.perf_counter() - started) * 1000)
        if response.status_code != 200:
            raise SystemExit(f"verdict POST {url} answered {response.status_code}")
    row = {"name": "verdict POST (htmx, from the queue)", "url": "", "queries": queries}
    if times:
        row |= {"median_ms": median(times), "p95_ms": percentile(times, 0.95)}
    return row


def job_profile(args) -> dict:
    """cProfile of one request of page ``args.page`` (after a warm-up) and its slowest SQL.

    ``--page "verdict POST"``: the queue's verdict POST, as ``pages`` sends it, profiled
    over ``--requests`` POSTs on random claims (seeded) after one that warms up: the
    figures are per POST, and the SQL is every POST's.
    """
    import cProfile
    import io
    import pstats

    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    editor, admin = bench_users()
    pages = {name.split(" (q=")[0]: (name, url, headers) for name, url, headers in desk_pages()}
    pages[VERDICT] = (VERDICT, "", {"HX-Request": "true"})
    name, url, headers = pages[args.page]
    client = Client()
    client.force_login(admin if url.startswith("/admin/") else editor)
    if name == VERDICT:
        posts = list(verdict_requests(max(args.requests, 1) + 1, args.seed))
        client.post(*posts[0], headers=headers)
        requests = [lambda u=u, d=d: client.post(u, d, headers=headers) for u, d in posts[1:]]
    else:
        client.get(url, headers=headers)
        requests = [lambda: client.get(url, headers=headers)]
    profiler = cProfile.Profile()
    with CaptureQueriesContext(connection) as queries:
        started = time.perf_counter()
        profiler.enable()
        for request in requests:
            request()
        profiler.disable()
        elapsed = (time.perf_counter() - started) * 1000 / len(requests)
    out = io.StringIO()
    pstats.Stats(profiler, stream=out).sort_stats("cumulative").print_stats(args.top)
    slowest = sorted(queries.captured_queries, key=lambda q: -float(q["time"]))[:3]
    sql_ms = sum(float(q["time"]) for q in queries.captured_queries) * 1000
    plan = ""
    if connection.vendor == "postgresql" and slowest:
        # ANALYZE runs the statement: a write (a verdict's) is only planned, not run again.
        analyze = "(ANALYZE, BUFFERS) " if slowest[0]["sql"].startswith("SELECT") else ""
        with connection.cursor() as cursor:
            cursor.execute(f"EXPLAIN {analyze}" + slowest[0]["sql"])
            plan = "\n".join(row[0] for row in cursor.fetchall())
    report = {
        "page": name,
        "url": url,
        "ms": elapsed,
        "queries": len(queries),
        "sql_ms": sql_ms,
        "slowest_sql": [{"ms": float(q["time"]) * 1000, "sql": q["sql"]} for q in slowest],
        "plan": plan,
        "profile": out.getvalue(),
    }
    print(
        f"{name} {url}: {elapsed:.1f} ms a request (profiled, over {len(requests)}), "
        f"{len(queries)} queries, {sql_ms:.0f} ms in SQL"
    )
    for q in report["slowest_sql"]:
        print(f"  {q['ms']:.1f} ms: {q['sql'][:400]}")
    print(plan)
    print(report["profile"])
    return report


# --- load test -------------------------------------------------------------------------


def job_load_setup(args) -> dict:
    """``args.editors`` editors, each with a logged-in session (no password hashing)."""
    from django.contrib.auth.models import Group, User
    from django.test import Client

    group = Group.objects.get(name="Editors")
    sessions = {}
    for n in range(args.editors):
        user, _ = User.objects.get_or_create(username=f"load-editor-{n}")
        user.groups.add(group)
        client = Client()
        client.force_login(user)
        sessions[user.username] = client.cookies["sessionid"].value
    return {"sessions": sessions}


def job_load_check(args) -> dict:
    """Every verdict the editors got a 200 for is in the history; each fact ends as the last one.

    The log holds two lines per verdict POST, one when it was sent (answer 0) and one with
    its answer (200, or 409 when another editor had changed the fact): fact, status, the
    version it carried, the editor. Versions order the successful verdicts on one fact
    (each one bumps it). A POST never answered (cut off when the run stopped) may or may
    not have been applied: a fact that ends with such a verdict is counted apart, not as
    a lost verdict.
    """
    from factcheck.models import Fact, FactChange

    lines = [json.loads(line) for line in Path(args.log).read_text().splitlines() if line]
    answered = {v["attempt"]: v for v in lines if v["code"]}
    unanswered = [v for v in lines if not v["code"] and v["attempt"] not in answered]
    posted = [v for v in answered.values() if v["code"] == 200]
    last: dict[int, dict] = {}
    for verdict in posted:
        fact = verdict["fact"]
        if fact not in last or verdict["version"] > last[fact]["version"]:
            last[fact] = verdict
    history: dict[tuple, int] = {}
    for fact, new, user in FactChange.objects.filter(
        action=FactChange.Action.STATUS, fact_id__in=last
    ).values_list("fact_id", "new_value", "user__username"):
        history[(fact, new, user)] = history.get((fact, new, user), 0) + 1
    wanted: dict[tuple, int] = {}
    for v in posted:
        key = (v["fact"], v["status"], v["user"])
        wanted[key] = wanted.get(key, 0) + 1
    missing = sum(max(0, n - history.get(key, 0)) for key, n in wanted.items())
    final = dict(Fact.objects.filter(pk__in=last).values_list("pk", "status"))
    cut_off = {(v["fact"], v["status"]) for v in unanswered}
    wrong = [f for f, v in last.items() if final.get(f) != v["status"]]
    explained = [f for f in wrong if (f, final.get(f)) in cut_off]
    return {
        "verdicts": len(posted),
        "stale": sum(v["code"] == 409 for v in answered.values()),
        "unanswered": len(unanswered),
        "facts": len(last),
        "missing_from_history": missing,
        "wrong_final_status": len(wrong) - len(explained),
        "ended_by_unanswered": len(explained),
        "wrong_examples": [f for f in wrong if f not in explained][:10],
    }


JOBS = {
    "counts": job_counts,
    "replicate": job_replicate,
    "vacuum": job_vacuum,
    "statements": job_statements,
    "groups": job_groups,
    "pages": job_pages,
    "profile": job_profile,
    "load-setup": job_load_setup,
    "load-check": job_load_check,
}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("job", choices=sorted(JOBS))
    parser.add_argument("--out", type=Path, required=True)
    parser.add_argument("--corpus")
    parser.add_argument("--requests", type=int, default=20)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--editors", type=int, default=20)
    parser.add_argument("--log")
    parser.add_argument("--copies", type=int, default=1)
    parser.add_argument("--page", default="dashboard")
    parser.add_argument("--top", type=int, default=30)
    args = parser.parse_args()
    setup_django()
    result = JOBS[args.job](args)
    args.out.write_text(json.dumps(result), encoding="utf-8")


if __name__ == "__main__":
    main()
