"""The workflow on the fact page: the written fact-check, review, approval, publishing,
re-review; permissions, CSRF, and the 400/409 answers. The public page and its
JSON-LD (read with extruct) show what was published.
"""

import extruct
import pytest
from django.contrib.auth.models import Permission
from django.test import Client
from django.urls import reverse

from factcheck.models import Evidence, FactChange, Publication, Stage, Status
from factcheck.publishing import approve_publication, request_review
from factcheck.services import add_evidence, record_verdict
from tests.factcheck.desk_scenario import build_story

pytestmark = pytest.mark.django_db

HX = {"HX-Request": "true"}


def url(name, fact, *args):
    return reverse(f"factcheck:{name}", args=[fact.pk, *args])


def post(client, name, fact, data, *args, htmx=True):
    return client.post(url(name, fact, *args), data, headers=HX if htmx else {})


def section(html: str, region: str) -> str:
    return html.split(f'id="{region}"', 1)[1].split("</section>", 1)[0]


def test_the_fact_page_offers_the_written_fact_check_with_the_best_sentence(editor_client):
    story = build_story()
    html = editor_client.get(story.trade.get_absolute_url()).content.decode()
    form = section(html, "fact-factcheck")
    assert f'action="{url("fact-factcheck", story.trade)}"' in form
    assert 'name="csrfmiddlewaretoken"' in form
    # The statement box starts with the best claim's sentence (here the builders'
    # claims are their own sentences).
    assert ">Bilateral trade reached $68.7 billion in FY25</textarea>" in form


def test_saving_the_fact_check_answers_its_region(editor_client):
    story = build_story()
    data = {
        "statement": "India–Russia trade reached $68.7 billion in FY25.",
        "claimant": "Ministry of Commerce",
        "claimant_kind": "Organization",
        "conclusion": "Two independent reports agree.",
        "version": 1,
    }
    response = post(editor_client, "fact-factcheck", story.trade, data)
    assert response.status_code == 200
    content = response.content.decode()
    assert content.lstrip().startswith('<section id="fact-factcheck"')
    assert "Fact-check saved." in content
    assert "factcheckChanged" in response["HX-Trigger"]
    story.trade.refresh_from_db()
    assert story.trade.claimant == "Ministry of Commerce"
    assert story.trade.stage == Stage.IN_PROGRESS
    # Without htmx: a redirect to the region.
    data["conclusion"] = "Changed."
    data["version"] = 2
    response = post(editor_client, "fact-factcheck", story.trade, data, htmx=False)
    assert response.status_code == 302 and response.url.endswith("#fact-factcheck")


def test_a_stale_fact_check_is_refused_with_409_keeping_what_was_typed(editor_client, editor):
    story = build_story()
    record_verdict(fact=story.trade, status="corroborated", user=editor, expected_version=1)
    data = {"statement": "", "claimant": "", "claimant_kind": "Person", "version": 1}
    data["conclusion"] = "My careful conclusion"
    response = post(editor_client, "fact-factcheck", story.trade, data)
    assert response.status_code == 409
    content = response.content.decode()
    assert 'role="alert"' in content and "My careful conclusion" in content
    assert response["HX-Trigger"] == f'{{"staleEdit": {{"fact": {story.trade.pk}}}}}'


def test_a_bad_claimant_kind_is_a_400(editor_client):
    story = build_story()
    data = {"statement": "", "claimant": "", "claimant_kind": "Robot", "version": 1}
    response = post(editor_client, "fact-factcheck", story.trade, data)
    assert response.status_code == 400
    assert "The claimant is" in response.content.decode()


def test_request_review_approve_and_publish_through_the_page(client, editor, other_editor):
    story = build_story()
    fact = record_verdict(fact=story.trade, status="corroborated", user=editor, expected_version=1)
    client.force_login(editor)
    html = client.get(fact.get_absolute_url()).content.decode()
    assert "Request review" in section(html, "fact-publish")
    assert url("fact-publish", fact) not in html
    response = post(client, "fact-request-review", fact, {"version": 2})
    assert response.status_code == 200
    assert "Waiting for a second editor" in response.content.decode()
    # The requester may not approve: the page says so, and the server refuses.
    response = post(client, "fact-approve", fact, {"version": 3})
    assert response.status_code == 400
    assert "You asked for this review" in response.content.decode()

    client.force_login(other_editor)
    html = client.get(fact.get_absolute_url()).content.decode()
    assert "Approve for publication" in section(html, "fact-publish")
    response = post(client, "fact-approve", fact, {"version": 3})
    assert response.status_code == 200
    content = response.content.decode()
    assert "approved by ed2" in content and "Publish the fact-check" in content
    response = post(client, "fact-publish", fact, {"version": 4})
    assert response.status_code == 200
    assert "Version 1: Corroborated" in response.content.decode()
    fact.refresh_from_db()
    assert fact.stage == Stage.PUBLISHED
    assert Publication.objects.get(fact=fact).approved_by == other_editor


def test_publishing_against_the_suggestion_asks_for_confirmation(editor_client, editor, settings):
    settings.PUBLISH_NEEDS_SECOND_EDITOR = False
    story = build_story()
    assert story.trade.suggested_status == Status.CORROBORATED
    fact = record_verdict(fact=story.trade, status="disputed", user=editor, expected_version=1)
    html = editor_client.get(fact.get_absolute_url()).content.decode()
    assert 'name="confirm"' in section(html, "fact-publish")
    response = post(editor_client, "fact-publish", fact, {"version": 2})
    assert response.status_code == 400
    assert "differs from the engine&#x27;s current suggestion" in response.content.decode()
    assert not Publication.objects.exists()
    response = post(editor_client, "fact-publish", fact, {"version": 2, "confirm": "on"})
    assert response.status_code == 200
    assert Publication.objects.filter(fact=fact).count() == 1


def test_approving_and_publishing_need_the_publish_permission(client, django_user_model, editor):
    story = build_story()
    checker = django_user_model.objects.create_user("checker", password="x")
    checker.user_permissions.add(Permission.objects.get(codename="record_verdict"))
    fact = record_verdict(fact=story.trade, status="corroborated", user=editor, expected_version=1)
    fact = request_review(fact=fact, user=editor, expected_version=2)
    client.force_login(checker)
    html = client.get(fact.get_absolute_url()).content.decode()
    assert "Approve for publication" not in html
    for name in ("fact-approve", "fact-publish", "fact-unpublish"):
        assert post(client, name, fact, {"version": 3}).status_code == 403
    fact.refresh_from_db()
    assert fact.approved_by is None and fact.version == 3


def test_workflow_posts_need_the_csrf_token(editor, other_editor):
    story = build_story()
    fact = record_verdict(fact=story.trade, status="corroborated", user=editor, expected_version=1)
    fact = request_review(fact=fact, user=editor, expected_version=2)
    client = Client(enforce_csrf_checks=True)
    client.force_login(other_editor)
    for name in ("fact-approve", "fact-publish", "fact-request-review", "fact-factcheck"):
        assert post(client, name, fact, {"version": 3}).status_code == 403
    fact.refresh_from_db()
    assert fact.approved_by is None


def test_a_stale_approval_is_a_409(client, editor, other_editor):
    story = build_story()
    fact = record_verdict(fact=story.trade, status="corroborated", user=editor, expected_version=1)
    request_review(fact=fact, user=editor, expected_version=2)
    client.force_login(other_editor)
    response = post(client, "fact-approve", fact, {"version": 2})
    assert response.status_code == 409
    assert "changed by ed" in response.content.decode()


def test_evidence_can_be_shown_publicly_from_the_page(editor_client, editor):
    story = build_story()
    item = add_evidence(
        fact=story.trade, url="https://e.example/x", note="", user=editor, expected_version=1
    )
    response = post(
        editor_client,
        "fact-evidence-visibility",
        story.trade,
        {"version": 2, "public": "on"},
        item.pk,
    )
    assert response.status_code == 200
    assert "shown publicly" in response.content.decode()
    assert Evidence.objects.get(pk=item.pk).public
    response = post(
        editor_client,
        "fact-evidence-add",
        story.trade,
        {"url": "https://e.example/y", "note": "Data", "public": "on", "version": 3},
    )
    assert response.status_code == 200
    assert Evidence.objects.get(url="https://e.example/y").public


def test_clearing_re_review_from_the_page_needs_a_reason(editor_client, editor):
    story = build_story()
    fact = record_verdict(fact=story.trade, status="corroborated", user=editor, expected_version=1)
    fact.needs_review = True
    fact.review_reason = "The engine added a report: X."
    fact.save()
    response = post(editor_client, "fact-clear-review", fact, {"version": 2, "reason": ""})
    assert response.status_code == 400
    assert "Why no re-review is needed" in response.content.decode()
    response = post(editor_client, "fact-clear-review", fact, {"version": 2, "reason": "Same"})
    assert response.status_code == 200
    assert "Re-review cleared." in response.content.decode()
    assert "reviewCleared" in response["HX-Trigger"]
    change = FactChange.objects.get(fact=fact, action="review_clear")
    assert (change.user, change.reason) == (editor, "Same")


# ------------------------------------------------------------------ the public page


def test_the_public_page_and_json_ld_carry_the_written_fact_check(
    client, editor, other_editor, settings
):
    settings.NEWSROOM_URL = "https://checks.example.org"
    story = build_story()
    fact = story.squadrons
    story.wire.url = "https://wire.example/s400"
    story.wire.save()
    fact.claimant = "Defence ministry"
    fact.claimant_kind = "Organization"
    fact.conclusion = "Outlets disagree on how many squadrons have arrived."
    statement = (
        "Russia has delivered three of the five S-400 squadrons it owes India, officials "
        "said, although a rival report puts the number at four of five, citing a source "
        "familiar with the talks held in New Delhi."
    )
    fact.statement = statement
    fact.save()
    add_evidence(
        fact=fact,
        url="https://ministry.example/answer",
        note="Ministry's answer in parliament",
        user=editor,
        expected_version=1,
        public=True,
    )
    add_evidence(
        fact=fact, url="https://desk.example/notes", note="", user=editor, expected_version=2
    )
    fact = record_verdict(fact=fact, status="disputed", user=editor, expected_version=3)
    fact = request_review(fact=fact, user=editor, expected_version=4)
    fact = approve_publication(fact=fact, user=other_editor, expected_version=5)
    client.force_login(other_editor)
    assert post(client, "fact-publish", fact, {"version": 6}).status_code == 200
    client.logout()

    html = client.get(reverse("factcheck:public-fact", args=[fact.pk])).content.decode()
    assert statement in html
    assert "Outlets disagree on how many squadrons have arrived." in html
    assert "Ministry&#x27;s answer in parliament" in html
    assert "desk.example" not in html
    differing = section(html, "differing-title")
    assert "3 of 5 squadrons" in differing and "4 of 5 squadrons" in differing
    assert f"“{story.rival.title}”" in differing and f"“{story.wire.title}”" in differing

    [review] = [
        item
        for item in extruct.extract(html, syntaxes=["json-ld"])["json-ld"]
        if item.get("@type") == "ClaimReview"
    ]
    assert review["claimReviewed"] == statement  # whole: 190 characters, no "…"
    assert review["itemReviewed"]["author"] == {
        "@type": "Organization",
        "name": "Defence ministry",
    }
    urls = [work["url"] for work in review["itemReviewed"]["appearance"]]
    assert "https://wire.example/s400" in urls
    assert {work["headline"] for work in review["itemReviewed"]["appearance"]} == {
        story.wire.title,
        story.copy.title,
        story.rival.title,
    }
    assert review["reviewBody"].startswith("Outlets disagree on how many squadrons")
    assert "4 of 5 squadrons, reported by" in review["reviewBody"]
    assert review["citation"] == [
        {
            "@type": "CreativeWork",
            "url": "https://ministry.example/answer",
            "name": "Ministry's answer in parliament",
        }
    ]
    assert review["reviewRating"]["ratingValue"] == 1
    assert review["datePublished"] and review["dateModified"]
