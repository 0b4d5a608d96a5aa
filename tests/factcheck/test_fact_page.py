"""The fact page: claims, verdict, note, evidence, assignment, regrouping, publishing, history."""

import datetime
import re
import threading

import pytest
from django.contrib.auth.models import Permission
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from factcheck.models import Claim, Evidence, Fact, FactChange, FactKey, Status
from factcheck.services import add_evidence, assign_fact, record_verdict, set_note
from tests.builders import make_article, make_claim, make_fact
from tests.factcheck.desk_scenario import add_filler, build_story

pytestmark = pytest.mark.django_db

HX = {"HX-Request": "true"}
REGIONS = [
    "fact-summary",
    "fact-claims",
    "fact-verdict",
    "fact-publish",
    "fact-assign",
    "fact-note",
    "fact-evidence",
    "fact-history",
]


def url(name, fact, *args):
    return reverse(f"factcheck:{name}", args=[fact.pk, *args])


def fact_url(fact):
    return fact.get_absolute_url()


def post(client, name, fact, data, htmx=True, *args):
    return client.post(url(name, fact, *args), data, headers=HX if htmx else {})


def test_anonymous_visitors_are_sent_to_log_in(client):
    story = build_story()
    response = client.get(fact_url(story.squadrons))
    assert response.status_code == 302
    assert response.url.startswith(reverse("login"))
    response = client.post(url("fact-verdict", story.squadrons), {"status": "disputed"})
    assert response.status_code == 302
    assert response.url.startswith(reverse("login"))


def test_full_page_shows_claims_with_article_links_and_every_region(editor_client):
    story = build_story()
    response = editor_client.get(fact_url(story.squadrons))
    assert response.status_code == 200
    page = response.content.decode()
    for region in REGIONS:
        assert f'id="{region}"' in page
    assert "Reported by 3 articles (3 claims)" in page
    for article in (story.wire, story.copy, story.rival):
        assert f'href="{article.get_absolute_url()}"' in page
    assert "3 of 5 squadrons vs 4 of 5 squadrons" in page
    assert "val-differs" in page
    # The out-of-band version field is not part of the page.
    assert "hx-swap-oob" not in page


@pytest.mark.parametrize("region", REGIONS)
def test_each_region_is_a_fragment(editor_client, region):
    story = build_story()
    response = editor_client.get(fact_url(story.squadrons), headers={**HX, "HX-Target": region})
    content = response.content.decode().lstrip()
    assert content.startswith(f'<section id="{region}"')
    assert "<html" not in content
    assert "HX-Target" in response["Vary"]


def test_regions_refresh_themselves_on_events(editor_client):
    story = build_story()
    page = editor_client.get(fact_url(story.squadrons)).content.decode()
    # Summary and history follow every change, and a refused stale edit.
    assert page.count('hx-trigger="factChanged from:body, staleEdit from:body"') == 2
    # The publication region follows what publishing depends on: the verdict, the
    # written fact-check, the evidence shown, a cleared re-review flag; and a stale
    # refusal (the fact may be published now).
    assert (
        'hx-trigger="verdictChanged from:body, factcheckChanged from:body, '
        'evidenceChanged from:body, reviewCleared from:body, staleEdit from:body"'
    ) in page
    # The re-review region disappears when a verdict clears the flag.
    assert 'hx-trigger="verdictChanged from:body, staleEdit from:body"' in page


def test_viewers_see_everything_but_no_controls(viewer_client):
    story = build_story()
    set_note(fact=story.squadrons, note="Check with the ministry.", user=None, expected_version=1)
    page = viewer_client.get(fact_url(story.squadrons)).content.decode()
    assert "Check with the ministry." in page
    assert "<form" not in page.split('<main id="main"', 1)[1]
    assert "You can view this fact; editors record verdicts." in page


@pytest.mark.parametrize(
    "name",
    [
        "fact-verdict",
        "fact-note",
        "fact-assign",
        "fact-evidence-add",
        "fact-split",
        "fact-merge",
        "fact-publish",
        "fact-unpublish",
    ],
)
def test_viewers_are_refused_every_change(viewer_client, name):
    story = build_story()
    response = viewer_client.post(url(name, story.squadrons), {"version": 1})
    assert response.status_code == 403
    assert not FactChange.objects.exists()


def test_viewers_cannot_remove_evidence(viewer_client, editor):
    story = build_story()
    item = add_evidence(
        fact=story.squadrons, url="https://example.org", note="", user=editor, expected_version=1
    )
    response = viewer_client.post(url("fact-evidence-remove", story.squadrons, item.pk))
    assert response.status_code == 403
    assert Evidence.objects.filter(pk=item.pk).exists()


def test_gets_are_refused_on_change_urls(editor_client):
    story = build_story()
    assert editor_client.get(url("fact-verdict", story.squadrons)).status_code == 405


# ---------------------------------------------------------------- verdict


def test_verdict_htmx_answers_with_its_region_and_syncs_versions(editor_client, editor):
    story = build_story()
    response = post(
        editor_client,
        "fact-verdict",
        story.squadrons,
        {"status": "disputed", "version": 1, "reason": "Rival says four"},
    )
    assert response.status_code == 200
    content = response.content.decode()
    assert content.lstrip().startswith('<section id="fact-verdict"')
    assert '<span class="badge badge-disputed">Disputed</span>' in content
    assert 'aria-pressed="true">Disputed' in content
    # Every other form on the page gets the new version out of band.
    assert 'hx-swap-oob="outerHTML:.fact-version"' in content
    assert content.count('name="version" value="2"') >= 2
    assert "verdictChanged" in response["HX-Trigger"]
    assert "factChanged" in response["HX-Trigger"]
    change = FactChange.objects.get(fact=story.squadrons)
    assert (change.user, change.old_value, change.new_value, change.reason) == (
        editor,
        "",
        "disputed",
        "Rival says four",
    )


def test_verdict_without_htmx_redirects_to_the_page(editor_client):
    story = build_story()
    response = post(
        editor_client, "fact-verdict", story.squadrons, {"status": "disputed", "version": 1}, False
    )
    assert response.status_code == 302
    assert response.url == fact_url(story.squadrons) + "#fact-verdict"


def test_invalid_verdict_is_an_alert(editor_client):
    story = build_story()
    response = post(
        editor_client, "fact-verdict", story.squadrons, {"status": "true", "version": 1}
    )
    assert 'role="alert"' in response.content.decode()
    # A real 400, swapped in place by htmx's responseHandling config: no retargeting.
    assert response.status_code == 400
    assert "HX-Retarget" not in response
    plain = post(
        editor_client, "fact-verdict", story.squadrons, {"status": "true", "version": 1}, False
    )
    assert plain.status_code == 400


# --------------------------------------------- two editors on one fact at once


def test_stale_verdict_is_refused_with_the_current_state(editor_client, other_editor):
    story = build_story()
    record_verdict(
        fact=story.squadrons, status=Status.CORROBORATED, user=other_editor, expected_version=1
    )
    response = post(
        editor_client, "fact-verdict", story.squadrons, {"status": "disputed", "version": 1}
    )
    assert response.status_code == 409
    assert "HX-Retarget" not in response
    content = response.content.decode()
    assert 'role="alert"' in content
    assert "was changed by ed2" in content
    assert "it is now: Corroborated" in content
    assert '<span class="badge badge-corroborated">Corroborated</span>' in content
    # The region offers the current version; the other forms are not synced.
    assert 'name="version" value="2"' in content
    assert "hx-swap-oob" not in content
    # Nothing changed; the page's read-only regions refetch to show who did what.
    assert "staleEdit" in response["HX-Trigger"]
    assert "verdictChanged" not in response["HX-Trigger"]

    plain = post(
        editor_client, "fact-verdict", story.squadrons, {"status": "disputed", "version": 1}, False
    )
    assert plain.status_code == 409
    assert "was changed by ed2" in plain.content.decode()
    story.squadrons.refresh_from_db()
    assert story.squadrons.status == Status.CORROBORATED
    assert FactChange.objects.filter(fact=story.squadrons).count() == 1


def test_stale_verdict_keeps_the_reason_typed(editor_client, other_editor):
    story = build_story()
    record_verdict(
        fact=story.squadrons, status=Status.CORROBORATED, user=other_editor, expected_version=1
    )
    data = {"status": "disputed", "version": 1, "reason": "Ministry says 4 & not 3"}
    for htmx in (True, False):
        response = post(editor_client, "fact-verdict", story.squadrons, data, htmx)
        assert response.status_code == 409
        assert 'value="Ministry says 4 &amp; not 3"' in response.content.decode()
    done = post(editor_client, "fact-verdict", story.squadrons, {**data, "version": 2})
    assert done.status_code == 200
    assert 'name="reason" maxlength="1000" value=""' in done.content.decode()


def test_stale_note_keeps_the_draft_and_shows_the_saved_note(editor_client, other_editor):
    story = build_story()
    set_note(
        fact=story.squadrons, note="Ministry confirms three.", user=other_editor, expected_version=1
    )
    response = post(editor_client, "fact-note", story.squadrons, {"note": "My draft", "version": 1})
    content = response.content.decode()
    assert response.status_code == 409
    assert "was changed by ed2" in content
    assert "The saved note is now:" in content
    assert "Ministry confirms three." in content
    assert ">My draft</textarea>" in content
    assert 'name="version" value="2"' in content

    plain = post(
        editor_client, "fact-note", story.squadrons, {"note": "My draft", "version": 1}, False
    )
    assert plain.status_code == 409
    story.squadrons.refresh_from_db()
    assert story.squadrons.note == "Ministry confirms three."


def test_stale_publish_is_refused(editor_client, other_editor):
    story = build_story()
    record_verdict(
        fact=story.trade, status=Status.CORROBORATED, user=other_editor, expected_version=1
    )
    set_note(fact=story.trade, note="Ready", user=other_editor, expected_version=2)
    response = post(editor_client, "fact-publish", story.trade, {"version": 2})
    content = response.content.decode()
    assert response.status_code == 409
    assert "was changed by ed2" in content
    assert "Not published." in content
    assert 'name="version" value="3"' in content
    plain = post(editor_client, "fact-publish", story.trade, {"version": 2}, False)
    assert plain.status_code == 409
    story.trade.refresh_from_db()
    assert story.trade.published_at is None


def test_stale_assignment_is_refused(editor_client, editor, other_editor):
    story = build_story()
    assign_fact(fact=story.squadrons, assignee=other_editor, user=other_editor, expected_version=1)
    response = post(
        editor_client, "fact-assign", story.squadrons, {"assignee": editor.pk, "version": 1}
    )
    assert "was changed by ed2" in response.content.decode()
    story.squadrons.refresh_from_db()
    assert story.squadrons.assigned_to == other_editor


MERGE_ROUNDS = 20


@pytest.mark.django_db(transaction=True)
def test_opposite_merges_at_once_never_deadlock(editor, other_editor):
    """Two editors merge the same two facts in opposite directions at the same moment.

    Real threads, real transactions, real row locks: PostgreSQL only (CI runs the
    suite on it; SQLite serialises every write, so there is nothing to test).
    Without the fixed lock order a round could deadlock (a 500); now one merge
    wins and the other is refused as stale.
    """
    if connection.vendor != "postgresql":
        pytest.skip("needs PostgreSQL row locks: set DATABASE_URL to a PostgreSQL database")
    clients = {}
    for user in (editor, other_editor):
        clients[user.username] = Client()
        clients[user.username].force_login(user)

    for n in range(MERGE_ROUNDS):
        one = make_claim(make_article(f"Round {n}: the port handled {n} ships.")).fact
        two = make_claim(make_article(f"Round {n}: the port saw {n} ships.")).fact
        start = threading.Barrier(2)
        outcome = {}

        def merge(who, target, other, start=start, outcome=outcome):
            try:
                start.wait(timeout=10)
                response = clients[who].post(
                    url("fact-merge", target), {"other": other.pk, "version": 1, "confirm": "1"}
                )
                outcome[who] = response.status_code
            except Exception as error:  # a deadlock surfaces here as OperationalError
                outcome[who] = repr(error)
            finally:
                connection.close()

        threads = [
            threading.Thread(target=merge, args=("ed", one, two)),
            threading.Thread(target=merge, args=("ed2", two, one)),
        ]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(timeout=60)
        # Exactly one merge wins (a redirect); the other is the stale edit's 409.
        assert sorted(outcome.values(), key=str) == [302, 409], (n, outcome)
        winner = "ed" if outcome["ed"] == 302 else "ed2"
        target, other = (one, two) if winner == "ed" else (two, one)
        assert Claim.objects.filter(fact=target).count() == 2
        assert not Claim.objects.filter(fact=other).exists()
        # One merge row on each fact, both by the winner; both versions moved once.
        for fact in (target, other):
            fact.refresh_from_db()
            assert fact.version == 2
            rows = list(
                FactChange.objects.filter(fact=fact).values_list("action", "user__username")
            )
            assert rows == [("merge", winner)]


# ------------------------------------------------------------ note, assignment


def test_note_is_saved_with_history(editor_client, editor):
    story = build_story()
    response = post(
        editor_client, "fact-note", story.squadrons, {"note": " Call the ministry. ", "version": 1}
    )
    content = response.content.decode()
    assert content.lstrip().startswith('<section id="fact-note"')
    assert ">Call the ministry.</textarea>" in content
    assert "factChanged" in response["HX-Trigger"]
    story.squadrons.refresh_from_db()
    assert story.squadrons.note == "Call the ministry."
    change = FactChange.objects.get(fact=story.squadrons)
    assert (change.action, change.new_value, change.user) == ("note", "Call the ministry.", editor)


def test_assign_an_editor_and_assign_to_me(editor_client, editor, other_editor):
    story = build_story()
    page = editor_client.get(fact_url(story.squadrons)).content.decode()
    assert f'<option value="{other_editor.pk}">ed2</option>' in page
    assert "Assign to me" in page

    response = post(
        editor_client, "fact-assign", story.squadrons, {"assignee": other_editor.pk, "version": 1}
    )
    assert "<p>ed2</p>" in response.content.decode()
    response = post(
        editor_client, "fact-assign", story.squadrons, {"assignee": editor.pk, "version": 2}
    )
    content = response.content.decode()
    assert "<p>ed</p>" in content
    assert "Assign to me" not in content
    response = post(
        editor_client, "fact-assign", story.squadrons, {"assignee": "", "version": 3}, False
    )
    assert response.status_code == 302
    story.squadrons.refresh_from_db()
    assert story.squadrons.assigned_to is None
    assert list(
        FactChange.objects.filter(fact=story.squadrons).values_list("old_value", "new_value")
    ) == [("ed", ""), ("ed2", "ed"), ("", "ed2")]


def test_only_editors_can_be_assigned(editor_client, viewer):
    story = build_story()
    response = post(
        editor_client, "fact-assign", story.squadrons, {"assignee": viewer.pk, "version": 1}
    )
    assert 'role="alert"' in response.content.decode()
    assert not FactChange.objects.exists()


# -------------------------------------------------------------------- evidence


def test_add_and_remove_evidence(editor_client, editor):
    story = build_story()
    response = post(
        editor_client,
        "fact-evidence-add",
        story.squadrons,
        {"url": "https://mod.example.org/release", "note": "Ministry release", "version": 1},
    )
    content = response.content.decode()
    assert content.lstrip().startswith('<section id="fact-evidence"')
    assert 'href="https://mod.example.org/release"' in content
    assert "Ministry release" in content
    assert "Evidence added." in content
    assert 'hx-swap-oob="outerHTML:.fact-version"' in content
    item = Evidence.objects.get()
    assert item.added_by == editor

    response = post(
        editor_client, "fact-evidence-remove", story.squadrons, {"version": 2}, True, item.pk
    )
    assert "No evidence linked yet." in response.content.decode()
    assert not Evidence.objects.exists()
    assert list(FactChange.objects.values_list("action", flat=True)) == [
        "evidence_remove",
        "evidence_add",
    ]


def assert_refused_as_stale(response, region):
    """The answer a stale verdict gets (see test_stale_verdict_is_refused_with_the_current_state)."""
    assert response.status_code == 409
    assert "HX-Retarget" not in response
    assert "staleEdit" in response["HX-Trigger"]
    assert "factChanged" not in response["HX-Trigger"]
    content = response.content.decode()
    assert content.lstrip().startswith(f'<section id="{region}"')
    assert 'role="alert"' in content
    assert "was changed by ed2" in content
    # The region offers the current version; the other forms are not synced.
    assert "hx-swap-oob" not in content
    return content


def test_stale_evidence_add_is_refused_and_keeps_the_input(editor_client, other_editor):
    story = build_story()
    set_note(fact=story.squadrons, note="x", user=other_editor, expected_version=1)
    data = {"url": "https://a.example/report", "note": "Their figures", "version": 1}
    response = post(editor_client, "fact-evidence-add", story.squadrons, data)
    content = assert_refused_as_stale(response, "fact-evidence")
    assert 'value="https://a.example/report"' in content
    assert 'value="Their figures"' in content
    assert 'name="version" value="2"' in content
    plain = post(editor_client, "fact-evidence-add", story.squadrons, data, False)
    assert plain.status_code == 409
    assert "was changed by ed2" in plain.content.decode()
    assert not Evidence.objects.exists()
    assert list(FactChange.objects.values_list("action", flat=True)) == ["note"]


def test_stale_evidence_remove_is_refused(editor_client, editor, other_editor):
    story = build_story()
    item = add_evidence(
        fact=story.squadrons, url="https://example.org", note="", user=editor, expected_version=1
    )
    set_note(fact=story.squadrons, note="x", user=other_editor, expected_version=2)
    response = post(
        editor_client, "fact-evidence-remove", story.squadrons, {"version": 2}, True, item.pk
    )
    content = assert_refused_as_stale(response, "fact-evidence")
    assert 'href="https://example.org"' in content
    plain = post(
        editor_client, "fact-evidence-remove", story.squadrons, {"version": 2}, False, item.pk
    )
    assert plain.status_code == 409
    assert Evidence.objects.filter(pk=item.pk).exists()
    assert FactChange.objects.filter(action="evidence_remove").count() == 0


def test_evidence_remove_needs_the_version(editor_client, editor):
    story = build_story()
    item = add_evidence(
        fact=story.squadrons, url="https://example.org", note="", user=editor, expected_version=1
    )
    response = post(editor_client, "fact-evidence-remove", story.squadrons, {}, False, item.pk)
    assert response.status_code == 400
    assert Evidence.objects.filter(pk=item.pk).exists()


def test_bad_evidence_link_is_an_alert_and_keeps_the_input(editor_client):
    story = build_story()
    response = post(
        editor_client,
        "fact-evidence-add",
        story.squadrons,
        {"url": "javascript:alert(1)", "note": "n", "version": 1},
    )
    content = response.content.decode()
    assert 'role="alert"' in content
    assert 'value="n"' in content
    assert not Evidence.objects.exists()
    plain = post(editor_client, "fact-evidence-add", story.squadrons, {"url": "nope nope"}, False)
    assert plain.status_code == 400


def test_evidence_of_another_fact_is_not_found(editor_client, editor):
    story = build_story()
    item = add_evidence(
        fact=story.trade, url="https://example.org", note="", user=editor, expected_version=1
    )
    response = post(editor_client, "fact-evidence-remove", story.squadrons, {}, True, item.pk)
    assert response.status_code == 404


# ----------------------------------------------------------------- regrouping


def test_split_moves_a_claim_to_a_new_fact(editor_client, editor):
    story = build_story()
    response = post(
        editor_client,
        "fact-split",
        story.squadrons,
        {"claim": story.rival_squadrons.pk, "reason": "Different delivery", "version": 1},
    )
    content = response.content.decode()
    assert content.lstrip().startswith('<section id="fact-claims"')
    story.rival_squadrons.refresh_from_db()
    new_fact = story.rival_squadrons.fact
    assert new_fact != story.squadrons
    assert f"now forms fact #{new_fact.pk}" in content
    assert "Reported by 2 articles (2 claims)" in content
    assert "claimsChanged" in response["HX-Trigger"]
    # Both facts keep a record; the old one's suggestion is recomputed.
    assert FactChange.objects.filter(fact=story.squadrons, action="split").exists()
    assert FactChange.objects.filter(fact=new_fact, action="split").exists()
    story.squadrons.refresh_from_db()
    assert story.squadrons.suggested_status != Status.DISPUTED


def test_split_refuses_a_claim_of_another_fact_or_the_only_claim(editor_client):
    story = build_story()
    other_claim = story.trade.claims.first()
    response = post(
        editor_client, "fact-split", story.squadrons, {"claim": other_claim.pk, "version": 1}
    )
    assert "That claim is not part of this fact." in response.content.decode()
    only = story.quote.claims.get()
    response = post(
        editor_client, "fact-split", story.quote, {"claim": only.pk, "version": 1}, False
    )
    assert response.status_code == 400
    assert "only one in its fact" in response.content.decode()


def test_merge_another_fact_into_this_one(editor_client, editor):
    story = build_story()
    response = post(
        editor_client,
        "fact-merge",
        story.squadrons,
        {"other": story.attribution.pk, "reason": "Same statement", "version": 1, "confirm": "1"},
    )
    content = response.content.decode()
    assert f"Fact #{story.attribution.pk} merged into this fact." in content
    assert "Reported by 3 articles (4 claims)" in content
    assert Claim.objects.filter(fact=story.squadrons).count() == 4
    assert FactChange.objects.filter(fact=story.attribution, action="merge").exists()
    # The emptied fact keeps its history, and its page leads to the fact it joined.
    assert FactChange.objects.get(fact=story.attribution).new_value.startswith("moved to fact #")
    response = editor_client.get(fact_url(story.attribution))
    assert response.status_code == 302
    assert response.url == fact_url(story.squadrons)
    response = editor_client.get(fact_url(story.attribution), headers=HX)
    assert response["HX-Redirect"] == fact_url(story.squadrons)


def test_stale_split_is_refused(editor_client, other_editor):
    story = build_story()
    set_note(fact=story.squadrons, note="x", user=other_editor, expected_version=1)
    data = {"claim": story.rival_squadrons.pk, "version": 1}
    response = post(editor_client, "fact-split", story.squadrons, data)
    assert_refused_as_stale(response, "fact-claims")
    plain = post(editor_client, "fact-split", story.squadrons, data, False)
    assert plain.status_code == 409
    story.rival_squadrons.refresh_from_db()
    assert story.rival_squadrons.fact_id == story.squadrons.pk
    assert not FactChange.objects.filter(action="split").exists()


def test_split_of_a_claim_another_editor_already_split_is_stale(editor_client, other_editor):
    story = build_story()
    data = {"claim": story.rival_squadrons.pk, "version": 1}
    assert editor_client.post(url("fact-split", story.squadrons), data).status_code == 302
    # A second editor's page still shows version 1 with the claim in it.
    editor_client.force_login(other_editor)
    plain = post(editor_client, "fact-split", story.squadrons, data, False)
    assert plain.status_code == 409
    assert "was changed by ed " in plain.content.decode()
    assert FactChange.objects.filter(action="split").count() == 2


def test_stale_merge_is_refused_and_keeps_the_input(editor_client, other_editor):
    story = build_story()
    set_note(fact=story.squadrons, note="x", user=other_editor, expected_version=1)
    data = {"other": story.attribution.pk, "version": 1, "confirm": "1"}
    response = post(editor_client, "fact-merge", story.squadrons, data)
    content = assert_refused_as_stale(response, "fact-claims")
    assert f'value="{story.attribution.pk}"' in content
    plain = post(editor_client, "fact-merge", story.squadrons, data, False)
    assert plain.status_code == 409
    assert Claim.objects.filter(fact=story.attribution).exists()
    assert not FactChange.objects.filter(action="merge").exists()


@pytest.mark.parametrize("name", ["fact-evidence-add", "fact-split", "fact-merge"])
def test_regrouping_and_evidence_need_the_version(editor_client, name):
    story = build_story()
    data = {
        "url": "https://e.org",
        "claim": story.rival_squadrons.pk,
        "other": story.attribution.pk,
    }
    response = post(editor_client, name, story.squadrons, data, False)
    assert response.status_code == 400
    assert not FactChange.objects.exists()


def test_merge_refuses_unknown_and_same_facts(editor_client):
    story = build_story()
    data = {"other": 999999, "version": 1, "confirm": "1"}
    response = post(editor_client, "fact-merge", story.squadrons, data)
    assert "There is no fact #999999." in response.content.decode()
    response = post(
        editor_client,
        "fact-merge",
        story.squadrons,
        {"other": story.squadrons.pk, "version": 1, "confirm": "1"},
        False,
    )
    assert response.status_code == 400
    assert "cannot be merged with itself" in response.content.decode()


def test_merge_suggestions_leave_out_facts_that_only_share_keys(editor_client):
    story = build_story()
    # Sharing a matching key is how candidates are found, never why they are offered.
    FactKey.objects.create(fact=story.squadrons, key="money:trade")
    FactKey.objects.create(fact=story.trade, key="money:trade")
    page = editor_client.get(fact_url(story.squadrons)).content.decode()
    assert f"?other={story.trade.pk}" not in page
    assert "shared key" not in page


def test_a_merge_without_confirmation_is_refused(editor_client):
    story = build_story()
    data = {"other": story.attribution.pk, "version": 1}
    response = post(editor_client, "fact-merge", story.squadrons, data)
    assert response.status_code == 400
    assert "Compare the two facts and confirm the merge first." in response.content.decode()
    assert Claim.objects.filter(fact=story.attribution).exists()


# ----------------------------------------------------------------- publishing


def test_publish_needs_a_verdict(editor_client):
    story = build_story()
    page = editor_client.get(fact_url(story.squadrons)).content.decode()
    assert "needs an editor's verdict before it can be published" in page
    assert url("fact-publish", story.squadrons) not in page
    response = post(editor_client, "fact-publish", story.squadrons, {"version": 1})
    assert "Only a fact with an editor" in response.content.decode()


def test_publish_and_unpublish(editor_client, editor, settings):
    # A newsroom without the second editor's approval (tests/factcheck/test_workflow.py
    # covers it): one editor publishes.
    settings.PUBLISH_NEEDS_SECOND_EDITOR = False
    story = build_story()
    record_verdict(fact=story.trade, status=Status.CORROBORATED, user=editor, expected_version=1)
    page = editor_client.get(fact_url(story.trade)).content.decode()
    assert f'action="{url("fact-publish", story.trade)}"' in page
    response = post(editor_client, "fact-publish", story.trade, {"version": 2})
    content = response.content.decode()
    assert content.lstrip().startswith('<section id="fact-publish"')
    assert "Published " in content
    assert "Unpublish" in content
    assert "factChanged" in response["HX-Trigger"]
    response = post(editor_client, "fact-unpublish", story.trade, {"version": 3}, False)
    assert response.status_code == 302
    story.trade.refresh_from_db()
    assert story.trade.published_at is None
    assert list(FactChange.objects.filter(fact=story.trade).values_list("action", flat=True)) == [
        "unpublish",
        "publish",
        "status",
    ]


def test_publishing_needs_its_own_permission(client, django_user_model):
    story = build_story()
    user = django_user_model.objects.create_user("checker", password="x")
    user.user_permissions.add(Permission.objects.get(codename="record_verdict"))
    client.force_login(user)
    record_verdict(fact=story.trade, status=Status.CORROBORATED, user=user, expected_version=1)
    page = client.get(fact_url(story.trade)).content.decode()
    assert url("fact-publish", story.trade) not in page
    assert client.post(url("fact-publish", story.trade), {"version": 2}).status_code == 403


# -------------------------------------------------------------------- history


def test_history_lists_who_when_what_and_why(viewer_client, editor, other_editor):
    story = build_story()
    record_verdict(
        fact=story.squadrons,
        status=Status.DISPUTED,
        user=editor,
        expected_version=1,
        reason="Two figures",
    )
    assign_fact(fact=story.squadrons, assignee=other_editor, user=editor, expected_version=2)
    record_verdict(
        fact=story.squadrons,
        status=Status.SINGLE_SOURCE,
        user=editor,
        expected_version=3,
        reason="One origin after all",
    )
    response = viewer_client.get(
        fact_url(story.squadrons), headers={**HX, "HX-Target": "fact-history"}
    )
    content = response.content.decode()
    assert "<td>Verdict</td>" in content
    assert "<td>Assignment</td>" in content
    # Status values read as their labels, old and new beside the reason.
    assert '<span class="new">Disputed</span>' in content
    assert '<span class="old">Disputed</span> → <span class="new">Single source</span>' in content
    assert "single_source" not in content
    assert "<td>Two figures</td>" in content
    assert "<td>One origin after all</td>" in content
    assert "<td>ed</td>" in content


def test_the_page_shows_no_internal_version_number(viewer_client):
    story = build_story()
    page = viewer_client.get(fact_url(story.squadrons)).content.decode()
    assert "<dt>Version</dt>" not in page


# ---------------------------------------------------------------- query counts


@pytest.mark.parametrize("rows", ["few", "many"])
def test_fact_page_query_count_does_not_grow(
    editor_client, editor, django_assert_max_num_queries, rows
):
    add_filler(0 if rows == "few" else 30)
    story = build_story()
    fact = story.squadrons
    if rows == "many":
        for i in range(15):
            add_evidence(
                fact=fact,
                url=f"https://example.org/{i}",
                note=str(i),
                user=editor,
                expected_version=None,
            )
            FactKey.objects.create(fact=fact, key=f"k{i}")
            other = Fact.objects.create(summary=f"candidate {i}")
            FactKey.objects.create(fact=other, key=f"k{i}")
        for claim in Claim.objects.filter(article__title__startswith="Port")[:20]:
            Claim.objects.filter(pk=claim.pk).update(fact=fact)
    # 11, +1 for the publication region's list of published versions (issue #11), +1 for
    # the body of the best claim's article (the default statement), the others left unread.
    with django_assert_max_num_queries(13):
        assert editor_client.get(fact_url(fact)).status_code == 200


def widely_reported(n: int) -> tuple[Fact, list[Claim]]:
    """A fact reported by ``n`` articles, one a day, each saying "5%", but the last "6%"."""
    fact = make_fact(summary="Exports rose")
    claims = []
    for i in range(n):
        figure = "6%" if i == n - 1 else "5%"
        body = f"Exports rose {figure} in report {i}."
        article = make_article(
            body, title=f"Report {i}", published=datetime.date(2026, 1, 1) + datetime.timedelta(i)
        )
        start = body.index(figure)
        percent = {"type": "percent", "value": float(figure[0]), "text": figure, "start": start}
        claims.append(make_claim(article, body, fact=fact, values=[percent]))
    return fact, claims


def shown_claims(html: str) -> list[int]:
    """The claims whose report the page shows, in order."""
    return [int(pk) for pk in re.findall(r"/claims/(\d+)/panel/", html)]


def test_a_fact_shows_twenty_reports_and_fetches_the_next_twenty(editor_client):
    fact, claims = widely_reported(45)
    ids = [c.pk for c in claims]
    page = editor_client.get(fact_url(fact)).content.decode()
    assert "Reported by 45 articles (45 claims)" in page
    assert shown_claims(page) == ids[:20]
    assert "Show 20 more reports" in page and "(25 not shown)" in page
    # The first report differs from the last, which the page does not show yet.
    assert page.count("val-differs") == 20
    # Every claim can still be moved out.
    assert all(f'<option value="{pk}">' in page for pk in ids)

    more = {**HX, "HX-Target": "fact-reports-more"}
    second = editor_client.get(fact_url(fact), {"reports": 2}, headers=more).content.decode()
    assert shown_claims(second) == ids[20:40]
    assert "<html" not in second and 'id="fact-claims"' not in second
    assert f'hx-get="{fact_url(fact)}?reports=3"' in second
    assert "Show 5 more reports" in second
    third = editor_client.get(fact_url(fact), {"reports": 3}, headers=more).content.decode()
    assert shown_claims(third) == ids[40:]
    assert "fact-reports-more" not in third
    assert third.count("val-differs") == 5

    # Without JavaScript the button is a link to the page with the reports so far.
    assert f'href="{fact_url(fact)}?reports=2#fact-claims"' in page
    whole = editor_client.get(fact_url(fact), {"reports": 3}).content.decode()
    assert shown_claims(whole) == ids
    assert "fact-reports-more" not in whole


@pytest.mark.parametrize("reports", ["0", "-1", "x", "²", "9" * 5000])
def test_a_wrong_reports_number_shows_the_first_page(editor_client, reports):
    fact, claims = widely_reported(25)
    page = editor_client.get(fact_url(fact), {"reports": reports})
    assert page.status_code == 200
    assert shown_claims(page.content.decode()) == [c.pk for c in claims[:20]]


def test_a_regrouped_fact_answers_with_the_first_reports(editor_client):
    fact, claims = widely_reported(25)
    response = post(editor_client, "fact-split", fact, {"claim": claims[-1].pk, "version": 1})
    assert response.status_code == 200
    html = response.content.decode()
    assert shown_claims(html) == [c.pk for c in claims[:20]]
    assert "Show 4 more reports" in html


def test_the_fact_page_reads_as_many_queries_for_3_reports_as_for_60(editor_client):
    def count(fact: Fact, **headers) -> int:
        with CaptureQueriesContext(connection) as queries:
            assert editor_client.get(fact_url(fact), headers=headers).status_code == 200
        return len(queries)

    few, _ = widely_reported(3)
    many, _ = widely_reported(60)
    more = {**HX, "HX-Target": "fact-reports-more"}
    assert count(few) == count(many) <= 13
    assert count(few, **more) == count(many, **more)


def test_every_change_without_htmx_redirects_to_its_region(editor_client, editor, settings):
    settings.PUBLISH_NEEDS_SECOND_EDITOR = False
    story = build_story()
    item = add_evidence(
        fact=story.squadrons, url="https://example.org/x", note="", user=editor, expected_version=1
    )
    record_verdict(fact=story.trade, status=Status.CORROBORATED, user=editor, expected_version=1)
    steps = [
        (url("fact-note", story.squadrons), {"note": "n", "version": 2}, "fact-note"),
        (url("fact-assign", story.squadrons), {"assignee": editor.pk, "version": 3}, "fact-assign"),
        (
            url("fact-evidence-add", story.squadrons),
            {"url": "https://e.org", "version": 4},
            "fact-evidence",
        ),
        (url("fact-evidence-remove", story.squadrons, item.pk), {"version": 5}, "fact-evidence"),
        (
            url("fact-split", story.squadrons),
            {"claim": story.rival_squadrons.pk, "version": 6},
            "fact-claims",
        ),
        (
            url("fact-merge", story.squadrons),
            {"other": story.attribution.pk, "version": 7, "confirm": "1"},
            "fact-claims",
        ),
        (url("fact-publish", story.trade), {"version": 2}, "fact-publish"),
    ]
    for target, data, region in steps:
        response = editor_client.post(target, data)
        assert response.status_code == 302, (target, response.content[:500])
        assert response.url.endswith(f"#{region}")
    # A notice says what a regrouping did, on the page it redirects to.
    page = editor_client.get(fact_url(story.squadrons)).content.decode()
    assert f"Fact #{story.attribution.pk} merged into this fact." in page


# --- undo of the latest verdict -------------------------------------------------


def test_history_offers_undo_on_the_latest_verdict_only(editor_client, editor, viewer):
    story = build_story()
    fact = record_verdict(
        fact=story.squadrons, status=Status.DISPUTED, user=editor, expected_version=1
    )
    verdict = fact.changes.first()
    undo = url("fact-undo", fact)
    history = editor_client.get(fact_url(fact), headers={**HX, "HX-Target": "fact-history"})
    body = history.content.decode()
    assert body.count("data-undo") == 1
    assert f'name="change" value="{verdict.pk}"' in body
    assert f'hx-post="{undo}"' in body and 'hx-target="#fact-verdict"' in body
    viewer_client = Client()
    viewer_client.force_login(viewer)
    assert "data-undo" not in viewer_client.get(fact_url(fact)).content.decode()
    # Once the fact has changed since, the verdict is no longer offered for undo.
    set_note(fact=fact, note="Checked", user=editor, expected_version=fact.version)
    assert "data-undo" not in editor_client.get(fact_url(fact)).content.decode()


def test_undo_from_the_fact_page_restores_the_verdict_and_refreshes(editor_client, editor):
    story = build_story()
    fact = record_verdict(
        fact=story.squadrons, status=Status.DISPUTED, user=editor, expected_version=1
    )
    verdict = fact.changes.first()
    response = post(editor_client, "fact-undo", fact, {"change": verdict.pk, "version": 2})
    assert response.status_code == 200
    body = response.content.decode()
    assert body.strip().startswith('<section id="fact-verdict"')
    assert "Verdict undone" in body
    assert "factChanged" in response.headers["HX-Trigger"]
    fact.refresh_from_db()
    assert (fact.status, fact.version) == ("", 3)
    assert [c.reason for c in fact.changes.all()] == [f"Undo of change #{verdict.pk}", ""]


def test_stale_undo_on_the_fact_page_answers_409(editor_client, editor, other_editor):
    story = build_story()
    fact = record_verdict(
        fact=story.squadrons, status=Status.DISPUTED, user=editor, expected_version=1
    )
    verdict = fact.changes.first()
    record_verdict(fact=fact, status=Status.CORROBORATED, user=other_editor, expected_version=2)
    response = post(editor_client, "fact-undo", fact, {"change": verdict.pk, "version": 2})
    assert response.status_code == 409
    assert "changed by ed2" in response.content.decode()
    plain = post(editor_client, "fact-undo", fact, {"change": verdict.pk, "version": 3}, False)
    assert plain.status_code == 400
    assert "only its latest change can be undone" in plain.content.decode()
    fact.refresh_from_db()
    assert fact.status == Status.CORROBORATED and fact.changes.count() == 2
