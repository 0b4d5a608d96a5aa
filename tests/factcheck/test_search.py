"""The queue's search (``?q=``): word prefixes in claim text or article title.

The same searches give the same claims on PostgreSQL (GIN indexes) and SQLite (FTS5
tables). On SQLite the FTS5 tables are kept in step by triggers, so every write that
changes claims or titles (an import, a re-read, a deletion, a bulk copy in SQL) leaves
them finding what the tables hold, and nothing else.
"""

import re

import pytest
from django.db import connection
from django.urls import reverse

from factcheck.filters import search_claims
from factcheck.models import Claim
from factcheck.services import split_claim
from intake.services import ingest_article
from sources.models import Article
from tests.builders import make_article, make_claim
from tests.factcheck.test_import_order import COPY, OTHER, WIRE

pytestmark = pytest.mark.django_db

LIST = reverse("factcheck:claim-list")
sqlite_only = pytest.mark.skipif(
    connection.vendor != "sqlite", reason="SQLite's FTS5 tables and their triggers"
)
FTS_TABLES = ("claim_text_fts", "article_title_fts")


def found(q: str) -> set[int]:
    return set(search_claims(Claim.objects.all(), q).values_list("pk", flat=True))


def check_fts() -> None:
    """Fail when an FTS5 table's index and its content table disagree (SQLite)."""
    if connection.vendor != "sqlite":
        return
    with connection.cursor() as cursor:
        for table in FTS_TABLES:
            # rank 1: compare the index with the content table too, not only with itself.
            cursor.execute(f"INSERT INTO {table}({table}, rank) VALUES ('integrity-check', 1)")


@pytest.fixture
def claims() -> dict[str, Claim]:
    harbour = make_article(
        "The port handled 120 ships in March. The Café Müller reopened.",
        title="Busy harbour in spring",
    )
    budget = make_article("The budget is $4 billion, officials said.", title="Budget talks")
    ships = make_claim(harbour, "The port handled 120 ships in March")
    return {
        "ships": ships,
        "cafe": make_claim(harbour, "The Café Müller reopened", fact=ships.fact),
        "budget": make_claim(budget, "The budget is $4 billion"),
    }


# --- what a search finds, on either database ---------------------------------------------


def test_every_word_is_a_word_prefix(claims):
    assert found("ship") == {claims["ships"].pk}
    assert found("port ships") == {claims["ships"].pk}
    assert found("PORT Ships") == {claims["ships"].pk}
    # A prefix of a word, not a substring of one.
    assert found("hips") == set()
    assert found("udget") == set()


def test_every_word_must_match(claims):
    assert found("port budget") == set()
    assert found("budget billion") == {claims["budget"].pk}


def test_a_title_finds_every_claim_of_its_article(claims):
    assert found("harb") == {claims["ships"].pk, claims["cafe"].pk}
    assert found("busy spring") == {claims["ships"].pk, claims["cafe"].pk}


def test_words_are_matched_in_the_text_or_in_the_title_not_across_both(claims):
    # "port" is in the claim's text, "harbour" in its article's title: as on PostgreSQL,
    # each document must hold every word.
    assert found("port harbour") == set()


def test_case_is_folded_but_accents_are_kept(claims):
    assert found("café") == {claims["cafe"].pk}
    assert found("CAFÉ müller") == {claims["cafe"].pk}
    assert found("cafe") == set()


def test_numbers_are_words_too(claims):
    assert found("120 ships") == {claims["ships"].pk}
    assert found("4 billion") == {claims["budget"].pk}


def test_punctuation_is_no_operator(claims):
    assert found('"port') == {claims["ships"].pk}
    assert found("port* OR budget") == set()
    assert found("NOT budget") == set()
    assert found("ships)") == {claims["ships"].pk}
    # No word at all: the whole value as a substring, which these claims do not hold.
    assert found("'&|!") == set()
    assert found("$") == {claims["budget"].pk}


def test_the_queue_searches_through_it(editor_client, claims):
    response = editor_client.get(LIST, {"q": "harb", "show": "all"})
    assert {claim.pk for claim in response.context["page"]} == {
        claims["ships"].pk,
        claims["cafe"].pk,
    }
    assert response.context["page"].paginator.count == 2


# --- SQLite: the FTS5 tables follow every write ------------------------------------------


@sqlite_only
def test_the_triggers_are_in_place_after_every_migration():
    # Django alters a SQLite table by copying it and dropping the old one, which drops
    # its triggers: a later migration of either table must create them again.
    with connection.cursor() as cursor:
        cursor.execute("SELECT name FROM sqlite_master WHERE type = 'trigger'")
        triggers = {row[0] for row in cursor.fetchall()}
    assert {
        f"{table}_{action}" for table in FTS_TABLES for action in ("insert", "delete", "update")
    } <= triggers


@sqlite_only
def test_an_edited_claim_is_found_by_its_new_text_only(claims):
    claim = claims["ships"]
    Claim.objects.filter(pk=claim.pk).update(text="The port handled 130 tankers in April")
    assert found("tankers") == {claim.pk}
    assert found("ships") == set()
    claim.refresh_from_db()
    claim.text = "The port handled 140 ferries"
    claim.save()
    assert found("ferries") == {claim.pk}
    assert found("tankers") == set()
    check_fts()


@sqlite_only
def test_a_retitled_article_is_found_by_its_new_title_only(claims):
    Article.objects.filter(pk=claims["budget"].article_id).update(title="Spending review")
    assert found("spending") == {claims["budget"].pk}
    assert found("talks") == set()
    check_fts()


@sqlite_only
def test_deleted_claims_and_articles_are_gone_from_the_search(claims):
    claims["cafe"].delete()
    assert found("harbour") == {claims["ships"].pk}
    Article.objects.filter(pk=claims["budget"].article_id).delete()
    assert found("budget") == set()
    check_fts()


@sqlite_only
def test_other_changes_leave_the_index_alone(claims, editor):
    # A verdict rewrites the claims' queue keys, a split their fact: not their text.
    claim = claims["ships"]
    Claim.objects.filter(pk=claim.pk).update(score=0.1, needs_editor=False)
    split_claim(claim=claims["cafe"], user=editor, expected_version=None, reason="")
    assert found("ships") == {claim.pk}
    assert found("café") == {claims["cafe"].pk}
    check_fts()


def holding(word: str) -> set[int]:
    """The claims whose text or article title has a word starting with ``word``, read in Python."""
    prefix = re.compile(rf"\b{word}", re.IGNORECASE)
    return {
        pk
        for pk, text, title in Claim.objects.values_list("pk", "text", "article__title")
        if prefix.search(text) or prefix.search(title)
    }


def test_imports_re_reads_and_withdrawals_keep_the_search_true():
    wire = ingest_article(source_file="wire.txt", data=WIRE.encode()).article
    ingest_article(source_file="copy.txt", data=COPY.encode())
    other = ingest_article(source_file="other.txt", data=OTHER.encode()).article
    assert (
        found("reservoir") == holding("reservoir") >= set(wire.claims.values_list("pk", flat=True))
    )
    check_fts()

    # New bytes under the same origin: the article is read again, its claims replaced.
    reread = WIRE.replace("Reservoir", "Aquifer")
    ingest_article(source_file="wire.txt", data=reread.encode())
    assert found("aquifer") == holding("aquifer") != set()
    assert found("reservoir") == holding("reservoir")
    check_fts()

    other.delete()
    assert found("thursday") == holding("thursday") != set()
    assert found("reservoir") == holding("reservoir")
    check_fts()


@sqlite_only
def test_rows_copied_in_sql_are_indexed(claims):
    # As the bench's replicated fill writes them: INSERT ... SELECT, no ORM.
    quote = connection.ops.quote_name
    columns = [quote(f.column) for f in Claim._meta.concrete_fields]
    copied = {quote("id"): "id + 1000", quote("text"): "'Copied ' || text"}
    with connection.cursor() as cursor:
        cursor.execute(
            f"INSERT INTO factcheck_claim ({', '.join(columns)}) "
            f"SELECT {', '.join(copied.get(c, c) for c in columns)} FROM factcheck_claim "
            "WHERE id = %s",
            [claims["budget"].pk],
        )
    assert found("copied budget") == {claims["budget"].pk + 1000}
    check_fts()
