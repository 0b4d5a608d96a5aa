"""Public fact-check pages, read as a visitor and as a crawler would read them."""

import datetime as dt

import extruct
import pytest
from django.urls import reverse
from django.utils import timezone

from factcheck.claimreview import json_ld
from factcheck.models import Claim, Status
from factcheck.services import publish_fact, record_verdict, unpublish_fact
from tests.builders import make_article, make_claim, make_fact, make_outlet, publish

pytestmark = pytest.mark.django_db

SITE = "https://checks.example.org"


@pytest.fixture(autouse=True)
def newsroom(settings):
    settings.NEWSROOM_URL = SITE
    settings.NEWSROOM_NAME = "The Example Desk"


def published(fact, status=Status.CORROBORATED):
    """Publish through the service: the public pages read only its snapshot."""
    return publish(fact, status=status)


def reported_fact(status=Status.CORROBORATED, *, publish_it=True, **fact_fields):
    """A fact carried by three articles: two dated, one undated, one without a web address."""
    fact = make_fact(summary="The port handled 120 ships in March", origin_count=2, **fact_fields)
    times = make_outlet("Coastal Times")
    wire = make_outlet("Wire Agency")
    late = make_article(
        "Officials said the port handled 120 ships in March.",
        title="Port busy in spring",
        outlet=times,
        published=dt.date(2025, 4, 3),
        url="https://coastal.example/port",
        byline="Asha Rao",
    )
    early = make_article(
        "The port handled 120 ships in March, the authority said.",
        title="Ships at the port",
        outlet=wire,
        published=dt.date(2025, 4, 1),
        url="https://wire.example/ships",
    )
    undated = make_article("Data show the port handled 120 ships in March.", title="Port data")
    make_claim(late, "the port handled 120 ships in March", fact=fact)
    make_claim(early, "The port handled 120 ships in March", fact=fact)
    make_claim(undated, "the port handled 120 ships in March", fact=fact)
    return (published(fact, status) if publish_it else fact), [early, late, undated]


def claim_reviews(html: str) -> list[dict]:
    data = extruct.extract(html, syntaxes=["json-ld"], uniform=True)["json-ld"]
    return [item for item in data if item.get("@type") == "ClaimReview"]


def page_of(client, fact):
    return client.get(reverse("factcheck:public-fact", args=[fact.pk]))


def test_urls():
    assert reverse("factcheck:public-index") == "/fact-checks/"
    assert reverse("factcheck:public-fact", args=[3]) == "/fact-checks/3/"
    assert reverse("factcheck:methodology") == "/methodology/"


def test_pages_need_no_login(client):
    fact, _ = reported_fact()
    for url in (
        reverse("factcheck:public-index"),
        reverse("factcheck:public-fact", args=[fact.pk]),
        reverse("factcheck:methodology"),
    ):
        response = client.get(url)
        assert response.status_code == 200, url
        html = response.content.decode()
        assert "The Example Desk" in html
        assert "Log in" not in html and "Log out" not in html


def test_public_pages_answer_head_and_refuse_writes(client):
    fact, _ = reported_fact()
    for url in (
        reverse("factcheck:public-index"),
        reverse("factcheck:public-fact", args=[fact.pk]),
        reverse("factcheck:public-feed"),
        reverse("factcheck:methodology"),
    ):
        head, get = client.head(url), client.get(url)
        assert head.status_code == 200, url
        assert head["Content-Type"] == get["Content-Type"], url
        assert client.post(url).status_code == 405, url


def test_fact_page_shows_wording_and_every_report(client):
    fact, (early, late, undated) = reported_fact()
    html = page_of(client, fact).content.decode()
    assert "Corroborated by 2 independent reports" in html
    assert (
        html.index("Ships at the port")
        < html.index("Port busy in spring")
        < html.index("Port data")
    )
    assert 'href="https://coastal.example/port"' in html
    assert f'id="article-{undated.pk}"' in html
    assert "<mark>The port handled 120 ships in March</mark>" in html
    assert '<time datetime="2025-04-01">1 April 2025</time>' in html
    assert "not whether it is true" in html


def test_single_source_wording(client):
    fact, _ = reported_fact(status=Status.SINGLE_SOURCE)
    html = page_of(client, fact).content.decode()
    assert "Single source: not independently confirmed" in html


def test_disputed_fact_shows_the_differing_values_and_who_reported_each(client):
    ships = {"type": "count", "value": 120, "unit": "ship", "text": "120 ships"}
    more = {"type": "count", "value": 150, "unit": "ship", "text": "150 ships"}
    fact, (early, late, undated) = reported_fact(
        publish_it=False,
        conflicts=[{"kind": "count", "a": ships, "b": more, "description": "120 vs 150 ships"}],
    )
    Claim.objects.filter(article__in=[late, undated]).update(values=[ships])
    Claim.objects.filter(article=early).update(values=[more])
    fact = published(fact, Status.DISPUTED)
    html = page_of(client, fact).content.decode()
    assert "Disputed: reports give different figures" in html
    differing = html.split('class="differing"', 1)[1].split("</section>", 1)[0]
    assert '<strong class="value">120 ships</strong>, reported by' in differing
    assert "Coastal Times (“Port busy in spring”)" in differing
    assert "“Port data”" in differing
    assert '<strong class="value">150 ships</strong>, reported by' in differing
    assert "Wire Agency (“Ships at the port”)" in differing
    [review] = claim_reviews(html)
    assert "150 ships, reported by Wire Agency (“Ships at the port”)" in review["reviewBody"]


@pytest.mark.parametrize(
    "state",
    ["no verdict", "suggested only", "verdict not published", "unpublished"],
)
def test_unpublished_facts_are_not_public(client, editor, state, settings):
    settings.PUBLISH_NEEDS_SECOND_EDITOR = False
    fact, _ = reported_fact(publish_it=False)
    if state == "suggested only":
        fact.suggested_status = Status.CORROBORATED
        fact.save()
    elif state == "verdict not published":
        record_verdict(fact=fact, status=Status.CORROBORATED, user=editor, expected_version=None)
    elif state == "unpublished":
        fact = record_verdict(
            fact=fact, status=Status.CORROBORATED, user=editor, expected_version=None
        )
        fact = publish_fact(fact=fact, user=editor, expected_version=fact.version, confirmed=True)
        assert page_of(client, fact).status_code == 200
        unpublish_fact(fact=fact, user=editor, expected_version=fact.version)
    assert page_of(client, fact).status_code == 404
    index = client.get(reverse("factcheck:public-index")).content.decode()
    assert fact.summary not in index
    assert "No fact-checks have been published yet." in index


def test_unknown_fact_is_404(client):
    assert client.get("/fact-checks/4242/").status_code == 404


def test_index_lists_published_newest_first(client):
    older, _ = reported_fact()
    older.published_at = timezone.now() - dt.timedelta(days=2)
    older.save()
    newer = make_fact(summary="Exports rose 14% to $3.2 billion")
    make_claim(make_article("Exports rose 14% to $3.2 billion."), fact=newer)
    newer = published(newer, Status.SINGLE_SOURCE)
    hidden = make_fact(summary="Hidden draft claim", status=Status.DISPUTED)
    html = client.get(reverse("factcheck:public-index")).content.decode()
    assert html.index("Exports rose 14%") < html.index("port handled 120 ships")
    assert "Single source: not independently confirmed" in html
    assert "Reported in 3 articles" in html
    assert hidden.summary not in html
    assert f'href="/fact-checks/{newer.pk}/"' in html


def test_index_query_count_is_flat(client, django_assert_max_num_queries):
    for n in range(40):
        fact = make_fact(summary=f"Claim number {n}")
        make_claim(make_article(f"Claim number {n} in the body."), f"Claim number {n}", fact=fact)
        published(fact)
    with django_assert_max_num_queries(4):
        response = client.get(reverse("factcheck:public-index"))
    assert response.content.decode().count('class="public-item"') == 25


def test_fact_page_query_count_is_flat(client, django_assert_max_num_queries):
    fact = make_fact(summary="The port handled 120 ships")
    for n in range(30):
        make_claim(
            make_article(f"The port handled 120 ships, report {n}."),
            "The port handled 120 ships",
            fact=fact,
        )
    fact = published(fact)
    with django_assert_max_num_queries(4):
        assert page_of(client, fact).status_code == 200


def test_methodology_explains_the_scale(client):
    html = client.get(reverse("factcheck:methodology")).content.decode()
    assert "how well a claim is sourced" in html
    assert "not</strong> say whether the claim is true" in html
    for wording in (
        "Corroborated by 2 independent reports",
        "Single source: not independently confirmed",
        "Disputed: reports give different figures",
    ):
        assert wording in html
    assert "<code>bestRating</code>" in html and "<code>worstRating</code>" in html


def test_article_text_is_escaped(client):
    fact = make_fact(summary='<script>alert("x")</script> 120 ships')
    article = make_article(
        'He said <img src=x onerror=alert(1)> "120 ships" arrived.',
        title="<b>Bold</b> title",
        url="javascript:alert(1)",
    )
    make_claim(article, '"120 ships"', fact=fact, sentence_start=0, sentence_end=len(article.body))
    fact = publish(fact, status=Status.CORROBORATED, statement='<script>alert("x")</script> 120')
    html = page_of(client, fact).content.decode()
    assert "<script>alert" not in html
    assert "<img src=x" not in html and "<b>Bold</b>" not in html
    assert "&lt;img src=x onerror=alert(1)&gt;" in html
    assert "javascript:" not in html
    # The JSON-LD cannot be closed early by text from the article.
    assert html.count("</script>") == 1
    [review] = claim_reviews(html)
    assert review["claimReviewed"] == '<script>alert("x")</script> 120'
    assert review["itemReviewed"]["appearance"][0]["headline"] == "<b>Bold</b> title"


def test_json_ld_escaping_survives_a_closing_tag():
    data = {"claimReviewed": "a </script><script>alert(1)</script> & b"}
    html = f'<html><head><script type="application/ld+json">{json_ld(data)}</script></head></html>'
    assert "</script><script>" not in str(json_ld(data))
    assert extruct.extract(html, syntaxes=["json-ld"])["json-ld"] == [data]


def test_public_pages_are_covered_by_the_csp(client):
    fact, _ = reported_fact()
    response = page_of(client, fact)
    assert "script-src 'self'" in response["Content-Security-Policy"]
    # No inline executable script or style on the page; only the JSON-LD data block.
    html = response.content.decode()
    assert html.count("<script") == 1
    assert '<script type="application/ld+json">' in html
    assert "style=" not in html
