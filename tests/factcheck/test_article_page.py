"""The article page: claims highlighted in place, the claim panel beside the text."""

import html
import re

import pytest
from django.urls import reverse

from factcheck.models import FactChange, Status
from factcheck.services import record_verdict
from tests.builders import make_article, make_claim, make_fact
from tests.factcheck.desk_scenario import add_filler, build_story

pytestmark = pytest.mark.django_db

HX = {"HX-Request": "true"}


def article_url(article):
    return reverse("factcheck:article-detail", args=[article.pk])


def panel_url(claim):
    return reverse("factcheck:claim-panel", args=[claim.pk])


def verdict_url(fact):
    return reverse("factcheck:fact-verdict", args=[fact.pk])


def body_text(content: bytes) -> str:
    """The article body as a reader sees it: tags and screen-reader-only labels removed."""
    page = content.decode()
    body = page.split('<div class="article-body">', 1)[1].split("</div>", 1)[0]
    body = re.sub(r'<span class="(hl-tag|visually-hidden)"[^>]*>.*?</span>', "", body)
    paragraphs = re.findall(r"<p>(.*?)</p>", body, flags=re.S)
    return "\n\n".join(html.unescape(re.sub(r"<[^>]+>", "", p)) for p in paragraphs)


def test_anonymous_visitors_are_sent_to_log_in(client):
    story = build_story()
    for url in (article_url(story.wire), panel_url(story.wire_squadrons)):
        response = client.get(url)
        assert response.status_code == 302
        assert response.url.startswith(reverse("login"))


def test_every_claim_is_highlighted_in_place_without_losing_text(viewer_client):
    story = build_story()
    response = viewer_client.get(article_url(story.wire))
    assert response.status_code == 200
    assert body_text(response.content) == story.wire.body
    page = response.content.decode()
    for claim in story.wire.claims.all():
        assert f'href="{panel_url(claim)}"' in page
        assert f'hx-get="{panel_url(claim)}"' in page
    assert 'hx-target="#claim-panel"' in page
    # The claim list below the text names each claim once, for keyboard users.
    assert page.count('class="claim-index"') == 1
    assert "Claims in this article (4)" in page


def test_nested_claims_split_the_outer_highlight(viewer_client):
    story = build_story()
    page = viewer_client.get(article_url(story.wire)).content.decode()
    outer, inner = panel_url(story.wire_attribution), panel_url(story.wire_squadrons)
    # Outer piece, inner claim, outer piece again: the inner claim stays clickable.
    first_outer = page.index(f'href="{outer}"')
    inner_at = page.index(f'href="{inner}"')
    second_outer = page.index(f'href="{outer}"', inner_at)
    assert first_outer < inner_at < second_outer
    assert f"also inside claim #{story.wire_attribution.pk}" in page
    # The outer claim's second piece is not a second tab stop.
    second_piece = page[second_outer : page.index(">", second_outer)]
    assert 'tabindex="-1"' in second_piece


def test_status_is_given_in_words_and_marks_suggestions(viewer_client, editor):
    story = build_story()
    page = viewer_client.get(article_url(story.wire)).content.decode()
    assert "hl-disputed hl-suggested" in page
    assert f"(claim {story.wire_squadrons.pk}: suggested disputed)" in page
    assert ">D?</span>" in page

    record_verdict(
        fact=story.squadrons, status=Status.CORROBORATED, user=editor, expected_version=1
    )
    page = viewer_client.get(article_url(story.wire)).content.decode()
    assert f"(claim {story.wire_squadrons.pk}: Corroborated)" in page
    assert f'class="hl hl-corroborated" href="{panel_url(story.wire_squadrons)}"' in page


def test_article_text_is_escaped(viewer_client):
    body = "Officials said <script>alert(1)</script> and 3 <b>ships</b> & more.\n\nSecond."
    article = make_article(body)
    make_claim(article, "<script>alert(1)</script> and 3 <b>ships</b>")
    make_claim(article, "3 <b>ships</b> & more", fact=make_fact())
    response = viewer_client.get(article_url(article))
    page = response.content.decode()
    assert "<script>alert(1)</script>" not in page
    assert "<b>ships</b>" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert body_text(response.content) == body


def test_article_text_fragment_for_the_refresh_after_a_verdict(viewer_client):
    story = build_story()
    response = viewer_client.get(
        article_url(story.wire), headers={**HX, "HX-Target": "article-text"}
    )
    content = response.content.decode()
    assert content.lstrip().startswith('<div id="article-text"')
    assert "<html" not in content
    assert 'hx-trigger="verdictChanged from:body, claimsChanged from:body, staleEdit' in content
    assert "HX-Request" in response["Vary"]
    # Any other htmx request (a boosted link, say) gets the page.
    page = viewer_client.get(article_url(story.wire), headers=HX).content.decode()
    assert "<html" in page


def test_closing_the_panel_swaps_in_the_empty_panel(viewer_client):
    story = build_story()
    panel = viewer_client.get(panel_url(story.wire_squadrons), headers=HX).content.decode()
    url = article_url(story.wire)
    assert '<h2 id="claim-panel-title" tabindex="-1">' in panel
    assert f'class="panel-close" href="{url}" hx-get="{url}" hx-target="#claim-panel"' in panel
    response = viewer_client.get(url, headers={**HX, "HX-Target": "claim-panel"})
    content = response.content.decode()
    assert content.lstrip().startswith('<aside id="claim-panel" class="claim-panel"')
    assert "data-open-claim" not in content and "<html" not in content


def test_claim_panel_full_page_shows_the_article_and_the_panel(viewer_client):
    story = build_story()
    response = viewer_client.get(panel_url(story.wire_squadrons))
    assert response.status_code == 200
    page = response.content.decode()
    assert "<html" in page
    assert body_text(response.content) == story.wire.body
    assert '<aside id="claim-panel"' in page
    assert f"Claim #{story.wire_squadrons.pk}</h2>" in page
    assert "hl-selected" in page
    assert "HX-Request" in response["Vary"]


def test_claim_panel_fragment(viewer_client):
    story = build_story()
    response = viewer_client.get(panel_url(story.wire_squadrons), headers=HX)
    content = response.content.decode()
    assert content.lstrip().startswith('<aside id="claim-panel"')
    assert "<html" not in content


def test_claim_panel_explains_the_claim_and_its_fact(viewer_client):
    story = build_story()
    page = viewer_client.get(panel_url(story.wire_squadrons), headers=HX).content.decode()
    # Claim text, kind, score and the features behind it.
    assert "Quantity, money or percentage" in page
    assert "<strong>0.90</strong>" in page
    assert '<td>quantity</td><td class="num">+0.50</td>' in page
    # Normalised values: their text and meaning.
    assert "“three of the five squadrons” → <strong>3 of 5 squadrons</strong>" in page
    # The fact's suggestion, reason, origins and conflicts.
    assert "wire and copy say 3 of 5 squadrons; rival says 4 of 5 squadrons" in page
    assert "2 independent origins" in page
    assert "3 of 5 squadrons vs 4 of 5 squadrons" in page
    # The other reports side by side, differing values marked.
    assert "Reported by 3 articles" in page
    assert story.copy.title in page and story.rival.title in page
    assert re.search(r'<mark class="val val-differs[^"]*"[^>]*>four of the five squadrons', page)
    # The copy is named as a copy of the wire story.
    assert f'<span class="tag tag-copy">Copy</span> of <a href="{article_url(story.wire)}"' in page
    # Provenance of this article, with the shared passage.
    assert "is a copy of this article" in page
    assert "Similarity 82%" in page
    assert (
        "India and Russia discussed S-400 deliveries in New Delhi on Thursday.</blockquote>" in page
    )


def test_panel_flags_anonymous_sourcing(viewer_client):
    story = build_story()
    claim = story.anonymous.claims.get()
    page = viewer_client.get(panel_url(claim), headers=HX).content.decode()
    assert "Anonymous sourcing" in page
    assert "No other article reports this fact." in page


def test_values_that_agree_are_not_marked(viewer_client):
    story = build_story()
    claim = story.trade.claims.get(article=story.wire)
    page = viewer_client.get(panel_url(claim), headers=HX).content.decode()
    assert "val-differs" not in page
    assert "→ <strong>$68.7 billion</strong>" in page


def test_viewers_see_no_verdict_controls(viewer_client):
    story = build_story()
    page = viewer_client.get(panel_url(story.wire_squadrons)).content.decode()
    assert verdict_url(story.squadrons) not in page
    assert 'name="status"' not in page


def test_editors_see_verdict_controls_with_the_version(editor_client):
    story = build_story()
    page = editor_client.get(panel_url(story.wire_squadrons), headers=HX).content.decode()
    assert f'hx-post="{verdict_url(story.squadrons)}"' in page
    assert f'action="{verdict_url(story.squadrons)}"' in page
    assert f'name="version" value="{story.squadrons.version}"' in page
    assert f'name="claim" value="{story.wire_squadrons.pk}"' in page
    for status in Status.values:
        assert f'name="status" value="{status}"' in page


def test_marking_from_the_panel_answers_with_the_panel(editor_client, editor):
    story = build_story()
    response = editor_client.post(
        verdict_url(story.squadrons),
        {"status": "disputed", "version": 1, "claim": story.wire_squadrons.pk, "reason": "4 vs 3"},
        headers=HX,
    )
    assert response.status_code == 200
    content = response.content.decode()
    assert content.lstrip().startswith('<aside id="claim-panel"')
    assert '<span class="badge badge-disputed">Disputed</span>' in content
    assert "verdictChanged" in response["HX-Trigger"]
    change = FactChange.objects.get(fact=story.squadrons)
    assert (change.action, change.new_value, change.user, change.reason) == (
        "status",
        "disputed",
        editor,
        "4 vs 3",
    )


def test_marking_from_the_panel_without_htmx_redirects_to_the_panel(editor_client):
    story = build_story()
    response = editor_client.post(
        verdict_url(story.squadrons),
        {"status": "disputed", "version": 1, "claim": story.wire_squadrons.pk},
    )
    assert response.status_code == 302
    assert response.url == panel_url(story.wire_squadrons)


def test_stale_verdict_from_the_panel_shows_who_changed_it(editor_client, other_editor):
    story = build_story()
    record_verdict(
        fact=story.squadrons, status=Status.CORROBORATED, user=other_editor, expected_version=1
    )
    data = {"status": "disputed", "version": 1, "claim": story.wire_squadrons.pk}
    response = editor_client.post(verdict_url(story.squadrons), data, headers=HX)
    assert response.status_code == 409
    assert "HX-Retarget" not in response
    content = response.content.decode()
    assert 'role="alert"' in content
    assert "changed by ed2" in content
    assert "it is now: Corroborated" in content
    # The panel shows the current state, with the current version to try again.
    assert '<span class="badge badge-corroborated">Corroborated</span>' in content
    assert 'name="version" value="2"' in content
    # Nothing changed; the page's read-only regions refetch to show who did what.
    assert "staleEdit" in response["HX-Trigger"]
    assert "verdictChanged" not in response["HX-Trigger"]

    plain = editor_client.post(verdict_url(story.squadrons), data)
    assert plain.status_code == 409
    assert "changed by ed2" in plain.content.decode()
    story.squadrons.refresh_from_db()
    assert story.squadrons.status == Status.CORROBORATED


def test_stale_verdict_from_the_panel_keeps_the_reason_typed(editor_client, other_editor):
    story = build_story()
    record_verdict(
        fact=story.squadrons, status=Status.CORROBORATED, user=other_editor, expected_version=1
    )
    reason = 'Ministry says 4 <"not 3">'
    data = {"status": "disputed", "version": 1, "claim": story.wire_squadrons.pk, "reason": reason}
    for headers in (HX, {}):
        response = editor_client.post(verdict_url(story.squadrons), data, headers=headers)
        assert response.status_code == 409
        assert f'name="reason" maxlength="1000" value="{html.escape(reason)}"' in (
            response.content.decode()
        )
    # Once the verdict is made, the box is empty again.
    done = editor_client.post(verdict_url(story.squadrons), {**data, "version": 2}, headers=HX)
    assert done.status_code == 200
    assert 'name="reason" maxlength="1000" value=""' in done.content.decode()


def test_viewers_cannot_mark(viewer_client):
    story = build_story()
    response = viewer_client.post(
        verdict_url(story.squadrons),
        {"status": "disputed", "version": 1, "claim": story.wire_squadrons.pk},
    )
    assert response.status_code == 403
    assert not FactChange.objects.exists()


def test_article_page_without_claims(viewer_client):
    article = make_article("Nothing to check here.")
    page = viewer_client.get(article_url(article)).content.decode()
    assert "The engine found no check-worthy claim in this article." in page
    assert "No copy relation found" in page


def _many_rows():
    add_filler(30)
    story = build_story()
    # More claims in the wire article and more reports of its facts.
    for i in range(20):
        make_claim(story.wire, "Russia", fact=story.squadrons if i % 2 else None)
    return story


@pytest.mark.parametrize("rows", ["few", "many"])
def test_article_page_query_count_does_not_grow(viewer_client, django_assert_max_num_queries, rows):
    story = build_story() if rows == "few" else _many_rows()
    with django_assert_max_num_queries(8):
        assert viewer_client.get(article_url(story.wire)).status_code == 200


@pytest.mark.parametrize("rows", ["few", "many"])
def test_claim_panel_query_count_does_not_grow(editor_client, django_assert_max_num_queries, rows):
    story = build_story() if rows == "few" else _many_rows()
    with django_assert_max_num_queries(10):
        assert editor_client.get(panel_url(story.wire_squadrons)).status_code == 200
    with django_assert_max_num_queries(8):
        response = editor_client.get(panel_url(story.wire_squadrons), headers=HX)
        assert response.status_code == 200
