"""The public Atom feed of published fact-checks."""

import datetime as dt
import xml.etree.ElementTree as ET

import pytest
from django.urls import reverse
from django.utils import timezone

from factcheck.models import Fact, Publication, Status
from factcheck.services import unpublish_fact
from tests.builders import make_article, make_claim, make_fact, publish

pytestmark = pytest.mark.django_db

ATOM = "{http://www.w3.org/2005/Atom}"
SITE = "https://checks.example.org"
FEED = "/fact-checks/feed/"


@pytest.fixture(autouse=True)
def newsroom(settings):
    settings.NEWSROOM_URL = SITE
    settings.NEWSROOM_NAME = "The Example Desk"


def fact(summary: str, status: str = Status.CORROBORATED, days_ago: int = 0, published=True):
    made = make_fact(summary=summary, origin_count=2)
    make_claim(make_article(f"{summary}, officials said."), summary, fact=made)
    if status and not published:
        Fact.objects.filter(pk=made.pk).update(status=status)
    if not published:
        return made
    publish(made, status=status)
    # Published ``days_ago``: the publication and the fact both say so.
    when = timezone.now() - dt.timedelta(days=days_ago)
    Publication.objects.filter(fact=made).update(published_at=when)
    Fact.objects.filter(pk=made.pk).update(published_at=when)
    made.refresh_from_db()
    return made


def entries(client) -> list[ET.Element]:
    response = client.get(FEED)
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/atom+xml")
    root = ET.fromstring(response.content)
    assert root.tag == f"{ATOM}feed"
    return root.findall(f"{ATOM}entry")


def test_url():
    assert reverse("factcheck:public-feed") == FEED


def test_feed_lists_published_fact_checks_newest_first(client):
    older = fact("The port handled 120 ships in March", days_ago=3)
    newer = fact("Exports rose 14% to $3.2 billion", Status.DISPUTED, days_ago=1)
    first, second = entries(client)
    assert first.findtext(f"{ATOM}title") == (
        "Exports rose 14% to $3.2 billion — Disputed: reports give different figures"
    )
    assert first.find(f"{ATOM}link").get("href") == f"{SITE}/fact-checks/{newer.pk}/"
    assert first.findtext(f"{ATOM}id") == f"{SITE}/fact-checks/{newer.pk}/"
    assert second.findtext(f"{ATOM}title") == (
        "The port handled 120 ships in March — Corroborated by 2 independent reports"
    )
    published = dt.datetime.fromisoformat(second.findtext(f"{ATOM}published"))
    assert abs(published - older.published_at) < dt.timedelta(seconds=1)


def test_feed_metadata_uses_absolute_public_urls(client):
    fact("The port handled 120 ships in March")
    root = ET.fromstring(client.get(FEED).content)
    assert root.findtext(f"{ATOM}title") == "The Example Desk: fact-checks"
    links = {link.get("rel"): link.get("href") for link in root.findall(f"{ATOM}link")}
    assert links["alternate"] == f"{SITE}/fact-checks/"
    assert links["self"] == f"{SITE}/fact-checks/feed/"


def test_unpublished_facts_are_not_in_the_feed(client, editor):
    fact("No verdict yet", status="", published=False)
    fact("Verdict but not published", published=False)
    suggested = make_fact(summary="Suggested only", suggested_status=Status.CORROBORATED)
    make_claim(make_article("Suggested only."), fact=suggested)
    withdrawn = fact("Published then withdrawn")
    unpublish_fact(fact=withdrawn, user=editor, expected_version=None)
    shown = fact("Still published")
    titles = [e.findtext(f"{ATOM}title") for e in entries(client)]
    assert titles == [f"{shown.summary} — Corroborated by 2 independent reports"]


def test_article_text_in_the_feed_is_escaped(client):
    fact('Officials said <img src=x onerror=alert(1)> & "120 ships"')
    [entry] = entries(client)
    assert entry.findtext(f"{ATOM}title").startswith("Officials said <img src=x")
    summary = entry.find(f"{ATOM}summary")
    assert summary.get("type") == "html"
    # The summary is HTML: the article text must arrive as text, not as markup.
    assert "&lt;img src=x onerror=alert(1)&gt; &amp; &quot;120 ships&quot;" in summary.text


def test_feed_shows_the_newest_fifty(client, django_assert_max_num_queries):
    for n in range(55):
        fact(f"Claim number {n}", days_ago=n)
    with django_assert_max_num_queries(2):
        found = entries(client)
    assert len(found) == 50
    assert found[0].findtext(f"{ATOM}title").startswith("Claim number 0 ")


def test_without_newsroom_url_the_feed_links_to_the_host_it_was_served_at(client, settings):
    settings.NEWSROOM_URL = ""
    settings.ALLOWED_HOSTS = ["desk.example"]
    published = fact("Ridership rose to 300,000")
    response = client.get(FEED, HTTP_HOST="desk.example:9000")
    root = ET.fromstring(response.content)
    links = {link.get("rel"): link.get("href") for link in root.findall(f"{ATOM}link")}
    assert links == {
        "alternate": "http://desk.example:9000/fact-checks/",
        "self": "http://desk.example:9000/fact-checks/feed/",
    }
    [entry] = root.findall(f"{ATOM}entry")
    assert entry.find(f"{ATOM}link").get("href") == (
        f"http://desk.example:9000/fact-checks/{published.pk}/"
    )
