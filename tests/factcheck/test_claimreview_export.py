"""ClaimReview JSON-LD, read back by extruct as a crawler reads it, and the ClaimReview export."""

import datetime as dt
import json
from io import StringIO

import extruct
import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.urls import reverse
from django.utils import timezone

from factcheck.models import Status
from sources.models import Outlet
from tests.builders import make_article, make_claim, make_fact, make_outlet, publish

pytestmark = pytest.mark.django_db

SITE = "https://checks.example.org"
VERDICT_WORDS = ("corroborated", "single source", "single-source", "disputed", "confirmed")
WORDING = {
    Status.CORROBORATED: "Corroborated by 3 independent reports",
    Status.SINGLE_SOURCE: "Single source: not independently confirmed",
    Status.DISPUTED: "Disputed: reports give different figures",
}


@pytest.fixture(autouse=True)
def newsroom(settings):
    settings.NEWSROOM_URL = SITE
    settings.NEWSROOM_NAME = "The Example Desk"


def outlet_named(name: str) -> Outlet | None:
    if not name:
        return None
    return Outlet.objects.filter(name=name).first() or make_outlet(name)


def fact_in_three_articles(status=Status.CORROBORATED, published=True, summary=""):
    """Articles dated 3 April, 1 April and undated; the middle one has no web address."""
    fact = make_fact(summary=summary or "The port handled 120 ships in March", origin_count=3)
    bodies = [
        ("Port busy in spring", dt.date(2025, 4, 3), "https://coastal.example/port", "Coastal"),
        ("Ships at the port", dt.date(2025, 4, 1), "", "Wire Agency"),
        ("Port data", None, "https://data.example/port", ""),
    ]
    articles = []
    for title, published_on, url, outlet in bodies:
        article = make_article(
            "Officials said the port handled 120 ships in March.",
            title=title,
            published=published_on,
            url=url,
            outlet=outlet_named(outlet),
        )
        make_claim(article, "the port handled 120 ships in March", fact=fact)
        articles.append(article)
    # Published through the service, after its claims: the page reads the snapshot.
    fact = publish(fact, status=status) if published else fact
    return fact, articles


def crawl(client, fact) -> dict:
    response = client.get(reverse("factcheck:public-fact", args=[fact.pk]))
    assert response.status_code == 200
    items = extruct.extract(response.content.decode(), syntaxes=["json-ld"])["json-ld"]
    [review] = [item for item in items if item.get("@type") == "ClaimReview"]
    return review


def assert_valid_claim_review(review: dict, fact, articles) -> None:
    """Google's fact-check markup: required fields, types and a consistent rating scale."""
    assert review["@context"] == "https://schema.org"
    assert review["@type"] == "ClaimReview"
    assert review["url"] == f"{SITE}/fact-checks/{fact.pk}/"
    assert review["datePublished"] == timezone.localtime(fact.published_at).date().isoformat()
    assert review["author"] == {"@type": "Organization", "name": "The Example Desk", "url": SITE}

    # The statement whole, never cut: the editor words it.
    claim_reviewed = review["claimReviewed"]
    assert claim_reviewed and not claim_reviewed.endswith("…")
    assert not any(word in claim_reviewed.lower() for word in VERDICT_WORDS)

    rating = review["reviewRating"]
    assert rating["@type"] == "Rating"
    for key in ("ratingValue", "bestRating", "worstRating"):
        assert isinstance(rating[key], int)
    assert rating["worstRating"] <= rating["ratingValue"] <= rating["bestRating"]
    assert (rating["worstRating"], rating["bestRating"]) == (1, 3)
    assert rating["alternateName"]

    item = review["itemReviewed"]
    assert item["@type"] == "Claim"
    appearances = item["appearance"]
    assert len(appearances) == len(articles)
    assert {a["headline"] for a in appearances} == {a.title for a in articles}
    for work in appearances:
        assert work["@type"] in ("CreativeWork", "NewsArticle")
        assert work["url"].startswith(("http://", "https://"))
    dated = [a for a in articles if a.published]
    if dated:
        earliest = min(dated, key=lambda a: a.published)
        assert item["firstAppearance"]["headline"] == earliest.title
        assert item["firstAppearance"]["datePublished"] == earliest.published.isoformat()
        assert item["datePublished"] == earliest.published.isoformat()
    assert item["firstAppearance"] == appearances[0]


@pytest.mark.parametrize(
    ("status", "value"),
    [(Status.CORROBORATED, 3), (Status.SINGLE_SOURCE, 2), (Status.DISPUTED, 1)],
)
def test_fact_page_embeds_a_valid_claim_review(client, status, value):
    fact, articles = fact_in_three_articles(status)
    review = crawl(client, fact)
    assert_valid_claim_review(review, fact, articles)
    assert review["reviewRating"]["ratingValue"] == value
    assert review["reviewRating"]["alternateName"] == WORDING[status]


def test_appearances_carry_what_is_known_of_each_article(client):
    fact, (late, early, undated) = fact_in_three_articles()
    appearances = crawl(client, fact)["itemReviewed"]["appearance"]
    assert [a["headline"] for a in appearances] == [early.title, late.title, undated.title]
    first, second, third = appearances
    # No web address: the public page's reference to the article stands in for it.
    assert first["url"] == f"{SITE}/fact-checks/{fact.pk}/#article-{early.pk}"
    assert first["publisher"] == {"@type": "Organization", "name": "Wire Agency"}
    assert first["author"] == {"@type": "Organization", "name": "Wire Agency"}
    assert first["datePublished"] == "2025-04-01"
    assert second["url"] == "https://coastal.example/port"
    assert "datePublished" not in third and "publisher" not in third
    assert third["url"] == "https://data.example/port"


def test_claim_reviewed_is_the_whole_statement(client):
    # Changed rule (issue #11): claimReviewed used to be the summary cut at 150
    # characters with "…"; it is now the editor's statement, whole, and by default
    # the best claim's whole sentence.
    fact, articles = fact_in_three_articles(Status.DISPUTED)
    review = crawl(client, fact)
    assert_valid_claim_review(review, fact, articles)
    assert review["claimReviewed"] == "the port handled 120 ships in March"
    statement = "Officials said " + "the port handled 120 ships in March and more " * 5
    fact = publish(make_fact(), status=Status.SINGLE_SOURCE, statement=statement.strip())
    assert crawl(client, fact)["claimReviewed"] == statement.strip()


def test_no_dates_known(client):
    fact = make_fact(summary="A claim")
    make_claim(make_article("A claim in an article."), "A claim", fact=fact)
    fact = publish(fact, status=Status.SINGLE_SOURCE)
    review = crawl(client, fact)
    assert "datePublished" not in review["itemReviewed"]
    assert review["itemReviewed"]["firstAppearance"] == review["itemReviewed"]["appearance"][0]


# --- export_claims --format claimreview ----------------------------------------


def export(*args: str) -> tuple[list[dict], str]:
    out, err = StringIO(), StringIO()
    call_command("export_claims", "--format", "claimreview", *args, stdout=out, stderr=err)
    return json.loads(out.getvalue()), err.getvalue()


def test_export_writes_the_claim_reviews_of_published_facts_only(client):
    corroborated, _ = fact_in_three_articles(Status.CORROBORATED)
    disputed, _ = fact_in_three_articles(Status.DISPUTED)
    fact_in_three_articles(Status.CORROBORATED, published=False)
    make_claim(make_article("Suggested only."), fact=make_fact(suggested_status="corroborated"))
    exported, message = export()
    assert [r["url"] for r in exported] == [
        f"{SITE}/fact-checks/{disputed.pk}/",
        f"{SITE}/fact-checks/{corroborated.pk}/",
    ]
    assert "2 published fact-checks exported" in message
    # The same dicts the pages embed.
    assert exported[1] == crawl(client, corroborated)


def test_export_with_nothing_published_is_an_empty_array():
    fact_in_three_articles(Status.CORROBORATED, published=False)
    assert export() == ([], "0 published fact-checks exported\n")


def test_export_to_a_file(tmp_path):
    fact_in_three_articles(Status.SINGLE_SOURCE)
    path = tmp_path / "claimreview.json"
    call_command(
        "export_claims", "--format", "claimreview", "--output", str(path), stderr=StringIO()
    )
    [review] = json.loads(path.read_text(encoding="utf-8"))
    assert review["reviewRating"]["ratingValue"] == 2


def test_export_query_count_is_flat(django_assert_max_num_queries):
    for _ in range(10):
        fact_in_three_articles(Status.CORROBORATED)
    with django_assert_max_num_queries(3):
        exported, _ = export()
    assert len(exported) == 10


def test_without_newsroom_url_the_page_links_to_the_host_it_was_served_at(client, settings):
    settings.NEWSROOM_URL = ""
    settings.ALLOWED_HOSTS = ["desk.example"]
    fact, _ = fact_in_three_articles()
    response = client.get(
        reverse("factcheck:public-fact", args=[fact.pk]), HTTP_HOST="desk.example:9000"
    )
    items = extruct.extract(response.content.decode(), syntaxes=["json-ld"])["json-ld"]
    [review] = [item for item in items if item.get("@type") == "ClaimReview"]
    here = "http://desk.example:9000"
    assert review["url"] == f"{here}/fact-checks/{fact.pk}/"
    assert review["author"]["url"] == here
    own = [w["url"] for w in review["itemReviewed"]["appearance"] if "#article-" in w["url"]]
    assert own and all(url.startswith(f"{here}/fact-checks/") for url in own)
    assert ":8000" not in response.content.decode()


def test_export_without_a_site_address_names_the_setting_and_the_option(settings):
    settings.NEWSROOM_URL = ""
    fact_in_three_articles()
    with pytest.raises(CommandError, match="NEWSROOM_URL.*--base-url"):
        export()


def test_export_base_url_option_overrides_the_setting(settings):
    settings.NEWSROOM_URL = ""
    fact, _ = fact_in_three_articles()
    [review], _ = export("--base-url", "https://other.example/")
    assert review["url"] == f"https://other.example/fact-checks/{fact.pk}/"
    with pytest.raises(CommandError, match="--base-url must start with http"):
        export("--base-url", "other.example")
