"""The editorial workflow's rules: written fact-checks, review and approval, publications
as snapshots, and re-review when the engine moves a reviewed fact.

The engine cases import real articles through the ingest service (the claim
engine groups the same port figure from three outlets into one fact).
"""

import importlib

import pytest
from django.apps import apps as django_apps
from django.urls import reverse
from django.utils import timezone
from django.utils.html import escape

from factcheck.analysis import analyse_article
from factcheck.claimreview import claim_review, live_publications
from factcheck.models import Claim, Evidence, Fact, FactChange, Publication, Stage, Status
from factcheck.publishing import (
    approve_publication,
    clear_review_flag,
    publish_fact,
    request_review,
    show_evidence,
    unpublish_fact,
    write_factcheck,
)
from factcheck.services import InvalidChange, StaleEdit, add_evidence, record_verdict
from intake.services import ingest_article, replace_article_text
from sources.models import Article
from tests.builders import make_article, make_claim, make_fact
from tests.factcheck.port_story import imported, port_report

pytestmark = pytest.mark.django_db


def port_fact() -> Fact:
    """The port figure as two outlets report it: corroborated, and no conflict yet."""
    imported("Coastal Times", "Mundra port busier", 120, "coastal")
    imported("Harbour Daily", "Record month at Mundra", 120, "harbour")
    [fact] = Fact.objects.reported()
    assert fact.claims.count() == 2 and not fact.conflicts
    return fact


def actions(fact) -> list[str]:
    return list(
        FactChange.objects.filter(fact=fact).order_by("id").values_list("action", flat=True)
    )


def ready(fact, editor, second) -> Fact:
    """Verdict by ``editor``, review requested by ``editor``, approved by ``second``."""
    fact.refresh_from_db()
    if fact.status != fact.suggested_status or fact.needs_review:
        fact = record_verdict(
            fact=fact, status=fact.suggested_status, user=editor, expected_version=fact.version
        )
    fact = request_review(fact=fact, user=editor, expected_version=fact.version)
    return approve_publication(fact=fact, user=second, expected_version=fact.version)


# --------------------------------------------------------------- the written fact-check


def test_write_factcheck_records_what_changed_and_starts_the_work(editor):
    fact = make_fact()
    make_claim(make_article("The port handled 120 ships in March, officials said."), fact=fact)
    assert fact.stage == Stage.UNSTARTED
    fact = write_factcheck(
        fact=fact,
        statement="  The port handled   120 ships in March. ",
        claimant="Port authority",
        claimant_kind="Organization",
        conclusion="Two independent reports agree.",
        user=editor,
        expected_version=1,
    )
    assert (fact.statement, fact.claimant, fact.claimant_kind) == (
        "The port handled 120 ships in March.",
        "Port authority",
        "Organization",
    )
    assert fact.stage == Stage.IN_PROGRESS and fact.version == 2
    change = FactChange.objects.get(fact=fact)
    assert change.action == "factcheck" and change.get_action_display() == "Fact-check edited"
    assert "Conclusion: Two independent reports agree." in change.new_value
    # The same text again changes nothing; a stale version is refused.
    write_factcheck(
        fact=fact,
        statement="The port handled 120 ships in March.",
        claimant="Port authority",
        claimant_kind="Organization",
        conclusion="Two independent reports agree.",
        user=editor,
        expected_version=2,
    )
    with pytest.raises(StaleEdit):
        write_factcheck(
            fact=fact, statement="x", claimant="", conclusion="", user=editor, expected_version=1
        )
    assert FactChange.objects.filter(fact=fact).count() == 1


def test_the_statement_defaults_to_the_best_claims_whole_sentence(editor, settings):
    settings.PUBLISH_NEEDS_SECOND_EDITOR = False
    fact = make_fact(summary="shortened…")
    article = make_article("First sentence here. The port handled 120 ships in March, it said.")
    sentence = "The port handled 120 ships in March, it said."
    start = article.body.index(sentence)
    make_claim(
        article,
        "120 ships",
        fact=fact,
        score=0.9,
        sentence_start=start,
        sentence_end=start + len(sentence),
    )
    make_claim(make_article("Weaker 120 ships."), "Weaker 120 ships.", fact=fact, score=0.2)
    fact = record_verdict(fact=fact, status="single_source", user=editor, expected_version=1)
    fact = publish_fact(fact=fact, user=editor, expected_version=fact.version)
    assert Publication.objects.get(fact=fact).snapshot["statement"] == sentence


# ------------------------------------------------------------- review and approval


def test_publishing_needs_a_review_request_and_a_second_editors_approval(editor, other_editor):
    fact = port_fact()
    fact = record_verdict(fact=fact, status="corroborated", user=editor, expected_version=1)
    with pytest.raises(InvalidChange, match="Request review first"):
        publish_fact(fact=fact, user=editor, expected_version=fact.version)
    fact = request_review(fact=fact, user=editor, expected_version=fact.version)
    assert fact.stage == Stage.READY and fact.review_requested_by == editor
    with pytest.raises(InvalidChange, match="already requested by ed"):
        request_review(fact=fact, user=other_editor, expected_version=fact.version)
    with pytest.raises(InvalidChange, match="second editor must approve"):
        publish_fact(fact=fact, user=other_editor, expected_version=fact.version)
    # The editor who asked may not approve.
    with pytest.raises(InvalidChange, match="You asked for this review"):
        approve_publication(fact=fact, user=editor, expected_version=fact.version)
    fact = approve_publication(fact=fact, user=other_editor, expected_version=fact.version)
    assert fact.approved_by == other_editor
    # Anyone with the right may now publish it, the first editor included.
    fact = publish_fact(fact=fact, user=editor, expected_version=fact.version)
    assert fact.stage == Stage.PUBLISHED and fact.is_published
    publication = Publication.objects.get(fact=fact)
    assert (publication.number, publication.published_by, publication.approved_by) == (
        1,
        editor,
        other_editor,
    )
    assert actions(fact) == ["status", "stage", "approve", "publish"]
    stage = FactChange.objects.get(fact=fact, action="stage")
    assert (stage.old_value, stage.new_value) == ("In progress", "Ready for review")


def test_the_editor_who_recorded_the_verdict_cannot_approve(editor, other_editor):
    fact = port_fact()
    fact = record_verdict(fact=fact, status="corroborated", user=editor, expected_version=1)
    fact = request_review(fact=fact, user=other_editor, expected_version=fact.version)
    with pytest.raises(InvalidChange, match="You recorded this verdict"):
        approve_publication(fact=fact, user=editor, expected_version=fact.version)
    fact.refresh_from_db()
    assert fact.approved_by is None


def test_an_edit_after_the_review_request_withdraws_it(editor, other_editor):
    fact = ready(port_fact(), editor, other_editor)
    fact = write_factcheck(
        fact=fact,
        statement="",
        claimant="",
        conclusion="Changed my mind",
        user=editor,
        expected_version=fact.version,
    )
    assert fact.stage == Stage.IN_PROGRESS and fact.approved_by is None
    with pytest.raises(InvalidChange):
        publish_fact(fact=fact, user=editor, expected_version=fact.version)
    change = FactChange.objects.filter(fact=fact, action="stage").order_by("id").last()
    assert (change.old_value, change.new_value) == ("Ready for review", "In progress")
    assert change.reason == "The fact-check was edited."


def test_with_the_setting_off_one_editor_publishes(editor, settings):
    settings.PUBLISH_NEEDS_SECOND_EDITOR = False
    fact = port_fact()
    fact = record_verdict(fact=fact, status="corroborated", user=editor, expected_version=1)
    fact = publish_fact(fact=fact, user=editor, expected_version=fact.version)
    assert fact.is_published and fact.stage == Stage.PUBLISHED
    # Publishing again with nothing changed makes no new version.
    publish_fact(fact=fact, user=editor, expected_version=fact.version)
    assert Publication.objects.filter(fact=fact).count() == 1


def test_publishing_against_the_engines_suggestion_needs_confirming(editor, settings):
    settings.PUBLISH_NEEDS_SECOND_EDITOR = False
    fact = port_fact()
    assert fact.suggested_status == Status.CORROBORATED
    fact = record_verdict(fact=fact, status="single_source", user=editor, expected_version=1)
    with pytest.raises(InvalidChange) as refused:
        publish_fact(fact=fact, user=editor, expected_version=fact.version)
    assert "differs from the engine's current suggestion (Corroborated" in str(refused.value)
    assert not Publication.objects.exists()
    fact = publish_fact(fact=fact, user=editor, expected_version=fact.version, confirmed=True)
    assert fact.is_published


# ---------------------------------------------------------- publications are snapshots


def test_a_new_article_joining_a_published_fact_leaves_the_publication_unchanged(
    editor, other_editor
):
    fact = port_fact()
    fact = write_factcheck(
        fact=fact,
        statement="The port of Mundra handled 120 ships in March.",
        claimant="Adani Ports",
        claimant_kind="Organization",
        conclusion="Two outlets report the same figure.",
        user=editor,
        expected_version=1,
    )
    fact = publish_fact(
        fact=ready(fact, editor, other_editor), user=other_editor, expected_version=None
    )
    [before] = [claim_review(p, base_url="https://checks.example.org") for p in live_publications()]
    snapshot = Publication.objects.get(fact=fact).snapshot

    imported("Gujarat Wire", "Mundra traffic surges", 150, "gujarat")

    fact.refresh_from_db()
    assert fact.claims.count() == 3 and fact.conflicts
    assert Publication.objects.get(fact=fact).snapshot == snapshot
    [after] = [claim_review(p, base_url="https://checks.example.org") for p in live_publications()]
    assert after == before
    assert len(after["itemReviewed"]["appearance"]) == 2
    # ...and the fact is flagged, saying why.
    assert fact.needs_review and fact.stage == Stage.IN_PROGRESS
    assert "The engine added a report: Gujarat Wire “Mundra traffic surges”." in (
        fact.review_reason
    )
    assert "The engine found a new conflict:" in fact.review_reason
    flag = FactChange.objects.get(fact=fact, action="review_flag")
    assert flag.user is None and flag.reason == fact.review_reason


def test_republishing_makes_a_new_version_with_date_modified(editor, other_editor):
    fact = publish_fact(
        fact=ready(port_fact(), editor, other_editor), user=editor, expected_version=None
    )
    first = Publication.objects.get(fact=fact)
    fact = write_factcheck(
        fact=fact,
        statement="",
        claimant="",
        conclusion="Updated: a third outlet confirms.",
        user=editor,
        expected_version=fact.version,
    )
    assert fact.stage == Stage.IN_PROGRESS and fact.is_published
    # Until republished, the public still sees version 1.
    [review] = [claim_review(p, base_url="https://checks.example.org") for p in live_publications()]
    assert "reviewBody" not in review and review["version"] == 1
    fact = publish_fact(fact=ready(fact, editor, other_editor), user=editor, expected_version=None)
    second = Publication.objects.get(fact=fact, number=2)
    [review] = [claim_review(p, base_url="https://checks.example.org") for p in live_publications()]
    assert review["version"] == 2
    assert review["reviewBody"] == "Updated: a third outlet confirms."
    assert review["datePublished"] == first.published_at.date().isoformat()
    assert review["dateModified"] == second.published_at.isoformat()
    publish = FactChange.objects.filter(fact=fact, action="publish").order_by("id").last()
    assert (publish.old_value, publish.new_value) == ("version 1", "version 2: Corroborated")


def test_unpublishing_is_recorded_and_republishing_keeps_the_first_date(editor, other_editor):
    fact = publish_fact(
        fact=ready(port_fact(), editor, other_editor), user=editor, expected_version=None
    )
    first = Publication.objects.get(fact=fact)
    fact = unpublish_fact(
        fact=fact, user=editor, expected_version=fact.version, reason="Checking a figure"
    )
    assert not fact.is_published and fact.stage == Stage.IN_PROGRESS
    assert not live_publications().exists()
    change = FactChange.objects.get(fact=fact, action="unpublish")
    assert (change.old_value, change.reason) == ("version 1", "Checking a figure")
    fact = publish_fact(fact=ready(fact, editor, other_editor), user=editor, expected_version=None)
    [review] = [claim_review(p, base_url="https://checks.example.org") for p in live_publications()]
    assert review["version"] == 2
    assert review["datePublished"] == first.published_at.date().isoformat()


def test_evidence_shown_publicly_is_in_the_snapshot_and_hidden_evidence_is_not(editor, settings):
    settings.PUBLISH_NEEDS_SECOND_EDITOR = False
    fact = port_fact()
    shown = add_evidence(
        fact=fact,
        url="https://ports.example/march",
        note="Port statistics",
        user=editor,
        expected_version=1,
        public=True,
    )
    hidden = add_evidence(
        fact=fact, url="https://desk.example/call", note="", user=editor, expected_version=2
    )
    fact = show_evidence(evidence=hidden, public=False, user=editor, expected_version=3)
    assert fact.version == 3  # nothing changed
    fact = record_verdict(fact=fact, status="corroborated", user=editor, expected_version=3)
    fact = publish_fact(fact=fact, user=editor, expected_version=fact.version)
    snapshot = Publication.objects.get(fact=fact).snapshot
    assert snapshot["evidence"] == [{"url": shown.url, "note": "Port statistics"}]
    fact = show_evidence(evidence=shown, public=False, user=editor, expected_version=fact.version)
    assert not Evidence.objects.get(pk=shown.pk).public
    assert fact.stage == Stage.IN_PROGRESS
    assert actions(fact)[-2:] == ["stage", "evidence_public"]


# -------------------------------------------------------------------- re-review


def test_the_engine_flags_only_facts_with_a_verdict_or_a_publication(editor):
    fact = port_fact()
    imported("Gujarat Wire", "Mundra traffic surges", 150, "gujarat")
    fact.refresh_from_db()
    assert fact.claims.count() == 3 and fact.conflicts
    assert not fact.needs_review
    assert not FactChange.objects.filter(fact=fact).exists()


def test_a_new_report_flags_a_fact_with_a_verdict(editor):
    fact = port_fact()
    fact = record_verdict(fact=fact, status="corroborated", user=editor, expected_version=1)
    imported("Gujarat Wire", "Mundra figures", 120, "gujarat")
    fact.refresh_from_db()
    assert fact.claims.count() == 3 and not fact.conflicts
    assert fact.needs_review
    assert fact.review_reason == "The engine added a report: Gujarat Wire “Mundra figures”."
    assert fact.version == 3


def test_an_unrelated_import_flags_nothing(editor):
    fact = port_fact()
    fact = record_verdict(fact=fact, status="corroborated", user=editor, expected_version=1)
    ingest_article(
        source_file="other.txt",
        data=b"Rain in Pune\n\nsource: Pune Post\n\nPune received 40 mm of rain on Monday.\n",
    )
    fact.refresh_from_db()
    assert not fact.needs_review and fact.version == 2


def test_clearing_the_flag_is_a_recorded_action_with_a_reason(editor):
    fact = port_fact()
    fact = record_verdict(fact=fact, status="corroborated", user=editor, expected_version=1)
    imported("Gujarat Wire", "Mundra figures", 120, "gujarat")
    fact.refresh_from_db()
    with pytest.raises(InvalidChange, match="Say why"):
        clear_review_flag(fact=fact, user=editor, expected_version=fact.version, reason=" ")
    with pytest.raises(InvalidChange, match="flagged for re-review"):
        request_review(fact=fact, user=editor, expected_version=fact.version)
    fact = clear_review_flag(
        fact=fact, user=editor, expected_version=fact.version, reason="Same figure, third outlet"
    )
    assert not fact.needs_review and fact.review_reason == ""
    change = FactChange.objects.get(fact=fact, action="review_clear")
    assert change.user == editor and change.reason == "Same figure, third outlet"
    assert change.old_value.startswith("The engine added a report")
    with pytest.raises(InvalidChange, match="not flagged"):
        clear_review_flag(fact=fact, user=editor, expected_version=fact.version, reason="x")


def test_recording_the_verdict_again_clears_the_flag(editor):
    fact = port_fact()
    fact = record_verdict(fact=fact, status="corroborated", user=editor, expected_version=1)
    imported("Gujarat Wire", "Mundra traffic surges", 150, "gujarat")
    fact.refresh_from_db()
    assert fact.needs_review
    fact = record_verdict(
        fact=fact, status="disputed", user=editor, expected_version=fact.version, reason="150?"
    )
    assert not fact.needs_review and fact.review_reason == ""


def test_the_fact_page_and_dashboard_show_the_flag_with_its_reason(editor_client, editor):
    fact = port_fact()
    fact = record_verdict(fact=fact, status="corroborated", user=editor, expected_version=1)
    imported("Gujarat Wire", "Mundra figures", 120, "gujarat")
    reason = "The engine added a report: Gujarat Wire “Mundra figures”."
    page = editor_client.get(fact.get_absolute_url()).content.decode()
    section = page.split('id="fact-review"', 1)[1].split("</section>", 1)[0]
    assert "Needs re-review" in section and reason in section
    assert "Clear re-review" in section
    dashboard = editor_client.get(reverse("factcheck:dashboard")).content.decode()
    listing = dashboard.split('id="rereview-title"', 1)[1].split("</section>", 1)[0]
    assert f"Fact #{fact.pk}" in listing and reason in listing


def test_a_claim_kept_on_reanalysis_is_not_a_new_report(editor):
    fact = port_fact()
    fact = record_verdict(fact=fact, status="corroborated", user=editor, expected_version=1)
    article = Claim.objects.filter(fact=fact).first().article
    analyse_article(article=article)
    fact.refresh_from_db()
    assert not fact.needs_review


def test_the_queue_tags_a_fact_the_engine_flagged(editor_client, editor):
    fact = port_fact()
    fact = record_verdict(fact=fact, status="corroborated", user=editor, expected_version=1)
    imported("Gujarat Wire", "Mundra figures", 120, "gujarat")
    html = editor_client.get(reverse("factcheck:claim-list")).content.decode()
    assert html.count("Needs re-review</span>") == 3  # one per claim of the fact
    # With the engine's reason beside the tag.
    fact.refresh_from_db()
    assert fact.review_reason
    assert html.count(f'<span class="muted review-reason">{escape(fact.review_reason)[:40]}') == 3


def test_the_migration_snapshots_facts_published_before_publications(client):
    fact = port_fact()
    # A fact published the old way: a verdict and a date, no publication.
    Fact.objects.filter(pk=fact.pk).update(status="corroborated", published_at=timezone.now())
    unpublished = make_fact(status="single_source")
    migration = importlib.import_module("factcheck.migrations.0008_snapshot_published_facts")
    migration.snapshot_published(django_apps, None)
    publication = Publication.objects.get(fact=fact)
    assert publication.number == 1
    assert publication.snapshot["rating"]["wording"] == "Corroborated by 2 independent reports"
    assert len(publication.snapshot["appearances"]) == 2
    assert Fact.objects.get(pk=fact.pk).stage == Stage.PUBLISHED
    assert Fact.objects.get(pk=unpublished.pk).stage == Stage.IN_PROGRESS
    response = client.get(reverse("factcheck:public-fact", args=[fact.pk]))
    assert response.status_code == 200
    assert "Corroborated by 2 independent reports" in response.content.decode()


def test_a_second_reason_is_added_to_a_flag_not_yet_cleared(editor):
    fact = port_fact()
    fact = record_verdict(fact=fact, status="corroborated", user=editor, expected_version=1)
    imported("Gujarat Wire", "Mundra figures", 120, "gujarat")
    coastal = Article.objects.get(outlet__name="Coastal Times")
    replace_article_text(
        article=coastal,
        data=port_report("Coastal Times", "Mundra port busier", 120, "coastal")
        + b"\nThe port expects more ships in April.\n",
        user=editor,
        reason="Correction appended by the outlet",
    )
    fact.refresh_from_db()
    assert fact.needs_review
    assert fact.review_reason.startswith("The engine added a report: Gujarat Wire")
    assert fact.review_reason.endswith(
        "The text of an article it cites was replaced: Correction appended by the outlet"
    )
