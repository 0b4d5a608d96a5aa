"""Take the README screenshots of the desk running on the bundled seed articles.

Run from the project root:

    .venv/bin/python docs/take_screenshots.py

It builds a throwaway SQLite database in a temporary folder (migrate, import_seeds,
ensure_demo_users), starts ``manage.py runserver`` on a free local port, logs in as
the demo editor with Playwright (Chromium at /usr/bin/chromium) and writes these
1366x900 viewport screenshots, overwriting any earlier ones:

    docs/dashboard.png  the dashboard
    docs/queue.png      the review queue, first row selected with the "j" key
    docs/article.png    seed 002_*, claim panel open on the S-400 claim
    docs/fact.png       the fact grouping the "22nd session" claims of several seeds,
                        published through the workflow (verdict, review, approval)
    docs/public.png     that fact-check's public page
"""

import json
import os
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

from playwright.sync_api import sync_playwright

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "docs"
USERNAME, PASSWORD = "editor", "editor-demo-password"  # created by ensure_demo_users

# Printed by `manage.py shell -c`: the pk of seed 002 and of the "22nd session" fact.
QUERY = """
import json
from django.db.models import Count, Q
from factcheck.models import Fact
from sources.models import Article
article = Article.objects.get(source_file__startswith="002_")
fact = (
    Fact.objects.annotate(n=Count("claims", filter=Q(claims__text__contains="22nd")))
    .order_by("-n", "pk")
    .first()
)
# The "22nd session" fact goes through the editorial workflow with the real services:
# the demo editor records a verdict and writes the fact-check, a second editor
# approves and publishes it, so the public page has a fact-check on it.
from django.contrib.auth.models import Group, User
from factcheck.models import Status
from factcheck.publishing import approve_publication, publish_fact, request_review, write_factcheck
from factcheck.services import record_verdict
editor = User.objects.get(username="editor")
reviewer, _ = User.objects.get_or_create(username="reviewer")
reviewer.groups.add(Group.objects.get(name="Editors"))
fact = record_verdict(fact=fact, status=Status.CORROBORATED, user=editor, expected_version=None,
                      reason="Four outlets, two independent origins, agree on the 22nd session.")
fact = write_factcheck(fact=fact, statement="", claimant="Russian Ministry of Defence",
                       conclusion="The visit was for the 22nd session of the intergovernmental "
                       "commission, as every report and the ministry's own statement say.",
                       user=editor, expected_version=None, claimant_kind="Organization")
fact = request_review(fact=fact, user=editor, expected_version=None)
fact = approve_publication(fact=fact, user=reviewer, expected_version=None)
publish_fact(fact=fact, user=reviewer, expected_version=None, confirmed=True)
print(json.dumps({"article": article.pk, "fact": fact.pk}))
"""


def manage(env, *args):
    result = subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env=env,
        check=True,
        capture_output=True,
        text=True,
    )
    return result.stdout


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_until_up(url, server, timeout=30):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise RuntimeError("runserver exited early")
        try:
            urllib.request.urlopen(url + "/login/", timeout=2)
            return
        except OSError:
            time.sleep(0.3)
    raise RuntimeError(f"runserver did not answer at {url}")


def take_screenshots(base, ids):
    written = []
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path="/usr/bin/chromium", headless=True)
        page = browser.new_page(viewport={"width": 1366, "height": 900})

        def shoot(name):
            path = DOCS / name
            page.screenshot(path=path)
            written.append(path)

        page.goto(base + "/login/")
        page.get_by_label("Username").fill(USERNAME)
        page.get_by_label("Password").fill(PASSWORD)
        page.get_by_role("button", name="Log in").click()
        page.wait_for_url(base + "/")
        shoot("dashboard.png")

        page.goto(base + "/claims/")
        page.keyboard.press("j")
        shoot("queue.png")

        page.goto(f"{base}/articles/{ids['article']}/")
        highlight = page.locator("#article-text a.hl", has_text="three squadrons out of five").first
        highlight.click()
        page.locator("#claim-panel", has_text="Claim #").wait_for()
        # Start the view at the article body so the highlight and the panel both show;
        # hovering outlines the clicked highlight again after the scroll.
        page.locator(".article-body").evaluate("el => el.scrollIntoView()")
        highlight.hover()
        shoot("article.png")

        page.goto(f"{base}/facts/{ids['fact']}/")
        shoot("fact.png")

        page.goto(f"{base}/fact-checks/{ids['fact']}/")
        shoot("public.png")

        browser.close()
    return written


def main():
    with tempfile.TemporaryDirectory() as tmp:
        env = {**os.environ, "DEBUG": "true", "DATABASE_URL": f"sqlite:///{tmp}/db.sqlite3"}
        manage(env, "migrate", "--noinput")
        manage(env, "import_seeds")
        manage(env, "ensure_demo_users")
        ids = json.loads(manage(env, "shell", "-c", QUERY).strip().splitlines()[-1])

        port = free_port()
        base = f"http://127.0.0.1:{port}"
        server = subprocess.Popen(
            [sys.executable, "manage.py", "runserver", f"127.0.0.1:{port}", "--noreload"],
            cwd=ROOT,
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        try:
            wait_until_up(base, server)
            written = take_screenshots(base, ids)
        finally:
            server.terminate()
            server.wait(timeout=10)
    for path in written:
        print(path.relative_to(ROOT))


if __name__ == "__main__":
    main()
