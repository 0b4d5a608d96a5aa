"""Simulated editors for the load benchmark (``bench/run.py load``), run by headless locust.

Each editor holds a logged-in session made beforehand (``bench.jobs load-setup``; the
file named by ``BENCH_SESSIONS``), opens the review queue, pages and filters it as htmx
does, opens facts, and marks verdicts from the queue rows it was shown. Every verdict
is appended to ``BENCH_VERDICT_LOG`` (fact, status, the version the form carried, editor)
when it is sent (answer 0) and again with its answer, which ``bench.jobs load-check`` then compares with the database. A
verdict refused as stale (409: another editor changed the fact since the page was read)
is what the desk should answer under concurrency: counted, not an error.
"""

from __future__ import annotations

import itertools
import json
import os
import random
import re
from pathlib import Path

from locust import HttpUser, between, events, task

SESSIONS = json.loads(Path(os.environ["BENCH_SESSIONS"]).read_text(encoding="utf-8"))["sessions"]
# Open for the whole run; closed when locust quits.
LOG = open(os.environ["BENCH_VERDICT_LOG"], "a", encoding="utf-8")  # noqa: SIM115
# Every request, [when it started (s since the epoch), name, ms], for the p95 of a part of
# the run (``bench.report.load_p95_after``): locust's own table covers the whole run only.
REQUESTS = open(os.environ["BENCH_REQUEST_LOG"], "a", encoding="utf-8")  # noqa: SIM115
NAMES = itertools.cycle(sorted(SESSIONS))
ATTEMPTS = itertools.count()
STATUSES = ["corroborated", "single_source", "disputed"]
ROW = re.compile(
    r'<tr id="claim-row-(?P<claim>\d+)"[^>]*data-verdict="(?P<verdict>[^"]*)"[^>]*'
    r'data-fact="(?P<fact>\d+)".*?name="version" value="(?P<version>\d+)"',
    re.S,
)
CSRF = re.compile(r'"x-csrftoken": "([^"]+)"')
FILTERS = [
    "?suggested=disputed",
    "?suggested=corroborated",
    "?min_score=0.8",
    "?kind=quantity",
    "?q=minister",
]
HTMX = {"HX-Request": "true"}


@events.quitting.add_listener
def _close_log(environment, **kwargs):
    LOG.close()
    REQUESTS.close()


@events.request.add_listener
def _log_request(request_type, name, response_time, start_time=None, **kwargs):
    REQUESTS.write(json.dumps([start_time, name, response_time]) + "\n")


class Editor(HttpUser):
    # An editor reads a page before the next click.
    wait_time = between(1, 3)

    def on_start(self) -> None:
        self.name = next(NAMES)
        self.client.cookies.set("sessionid", SESSIONS[self.name])
        self.rows: list[dict] = []
        self.csrf = ""
        self.page = 1
        self.open_queue()

    def remember(self, html: str) -> None:
        rows = [m.groupdict() for m in ROW.finditer(html)]
        if rows:
            self.rows = rows

    def open_queue(self) -> None:
        with self.client.get("/claims/", name="queue full page", catch_response=True) as r:
            token = CSRF.search(r.text)
            if r.status_code != 200 or not token:
                r.failure(f"queue answered {r.status_code} without a CSRF token")
                return
            self.csrf = token.group(1)
            self.remember(r.text)

    @task(3)
    def browse(self) -> None:
        self.page = self.page % 20 + 1
        r = self.client.get(f"/claims/?page={self.page}", headers=HTMX, name="queue page (htmx)")
        self.remember(r.text)

    @task(2)
    def filter(self) -> None:
        query = random.choice(FILTERS)
        r = self.client.get(f"/claims/{query}", headers=HTMX, name="queue filtered (htmx)")
        self.remember(r.text)

    @task(1)
    def reload(self) -> None:
        self.open_queue()

    @task(2)
    def open_fact(self) -> None:
        if self.rows:
            fact = random.choice(self.rows)["fact"]
            self.client.get(f"/facts/{fact}/", name="fact page")

    @task(3)
    def mark(self) -> None:
        if not self.rows:
            return
        row = self.rows.pop(random.randrange(len(self.rows)))
        status = random.choice([s for s in STATUSES if s != row["verdict"]])
        record = {
            "fact": int(row["fact"]),
            "status": status,
            "version": int(row["version"]),
            "user": self.name,
            "attempt": next(ATTEMPTS),
        }
        # Logged before it is sent: a POST cut off when the run stops may still be applied.
        write({**record, "code": 0})
        with self.client.post(
            f"/claims/{row['claim']}/verdict/",
            {"status": status, "version": row["version"]},
            headers={**HTMX, "X-CSRFToken": self.csrf, "Referer": self.host + "/claims/"},
            name="verdict POST",
            catch_response=True,
        ) as r:
            if r.status_code not in (200, 409):
                r.failure(f"verdict answered {r.status_code}")
                return
            r.success()
            write({**record, "code": r.status_code})


def write(record: dict) -> None:
    LOG.write(json.dumps(record) + "\n")
    LOG.flush()
