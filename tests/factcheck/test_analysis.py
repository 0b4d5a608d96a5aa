"""The claim engine inside the ingest service: claims, facts, copies, suggestions."""

import json
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import call_command
from django.db import connection, transaction

from factcheck.models import ArticleRelation, Claim, Fact, Status
from factcheck.services import record_verdict
from intake.services import file_key, ingest_article
from sources.models import Article

pytestmark = pytest.mark.django_db

SEEDS = Path(__file__).resolve().parents[2] / "seeds"

CONTRADICTING = """Moscow and Delhi review arms deals as ministers meet
source: The Contrarian Post
date 2025-12-04

Defence ministers Rajnath Singh and Andrei Belousov met in New Delhi for the 22nd session of the India-Russia Inter-Governmental Commission on Military and Military Technical Cooperation.

Officials said S-400 deliveries have reached four squadrons out of five, with the last due next year.

Bilateral trade reached $65.7 billion in FY25, according to the commerce ministry.
"""


def seed(prefix: str) -> Article:
    return Article.objects.get(source_file__startswith=f"{prefix}_")


def claims_with_value(article: Article, value_type: str) -> list[Claim]:
    return [c for c in article.claims.all() if any(v["type"] == value_type for v in c.values)]


def ingest(name: str, text: str) -> Article:
    return ingest_article(source_file=name, data=text.encode()).article


@pytest.fixture(scope="module")
def _seeded(django_db_setup, django_db_blocker):
    # The seeds go through the whole engine (about 0.3 s): imported once for the module,
    # in a transaction rolled back when the module is done. Each test runs in a savepoint
    # inside it (pytest-django's db), so what a test adds or changes is undone after it.
    # A test here that does not ask for the seeds may still see them: it must not count on
    # an empty database.
    with django_db_blocker.unblock(), transaction.atomic():
        call_command("import_seeds", stdout=StringIO())
        yield
        transaction.set_rollback(True)


@pytest.fixture
def seeds(_seeded, db):
    """The five seed articles, imported by the claim engine."""


def test_22nd_session_claims_of_four_articles_form_one_fact(seeds):
    facts = set()
    for prefix in ("000", "001", "002", "003"):
        ordinals = [
            c
            for c in claims_with_value(seed(prefix), "ordinal")
            if any(v["type"] == "ordinal" and v["value"] == 22 for v in c.values)
        ]
        assert ordinals, f"no 22nd-session claim in {prefix}"
        facts.add(ordinals[0].fact_id)
    assert len(facts) == 1
    fact = Fact.objects.get(pk=facts.pop())
    assert fact.claims.values("article").distinct().count() >= 4


def test_trade_figure_is_stored_as_usd_amount(seeds):
    money = [
        v
        for c in seed("002").claims.all()
        for v in c.values
        if v["type"] == "money" and v["currency"] == "USD"
    ]
    assert any(v["amount"] == pytest.approx(68.7e9) for v in money)


def test_s400_squadrons_are_three_of_five(seeds):
    fractions = [v for c in claims_with_value(seed("002"), "fraction") for v in c.values]
    assert any(
        v["type"] == "fraction" and (v["numerator"], v["denominator"]) == (3, 5) for v in fractions
    )


def test_000_and_001_share_an_origin(seeds):
    a, b = seed("000"), seed("001")
    relation = ArticleRelation.objects.get(original__in=[a, b], copy__in=[a, b])
    assert relation.passages
    # Other seed pairs are independent reports.
    assert ArticleRelation.objects.count() == 1


def test_anonymous_sourcing_in_001_is_flagged(seeds):
    flagged = [c.text for c in seed("001").claims.all() if c.is_anonymous]
    joined = " ".join(flagged)
    for phrase in (
        "internal Russian documents",
        "private correspondence obtained by this reporter",
        "speaking on condition of anonymity",
        "shared exclusively with select journalists",
    ):
        assert phrase in joined


def test_offsets_point_into_the_stored_body(seeds):
    for claim in Claim.objects.select_related("article"):
        assert claim.article.body[claim.start : claim.end] == claim.text


def test_copies_count_as_one_origin(seeds):
    """The December 4-5 visit is reported by 000 and 001, which share one origin."""
    date_claims = [
        c
        for c in claims_with_value(seed("000"), "date")
        if any(v.get("start", "").endswith("12-04") for v in c.values)
    ]
    assert date_claims
    fact = date_claims[0].fact
    articles = set(fact.claims.values_list("article__source_file", flat=True))
    assert {seed("000").source_file, seed("001").source_file} <= articles
    if len(articles) == 2:
        assert fact.origin_count == 1
        assert fact.suggested_status == Status.SINGLE_SOURCE
        assert "copy" in fact.suggested_reason or "origin" in fact.suggested_reason


def test_contradicting_article_makes_facts_disputed_with_reason(seeds):
    contrarian = ingest("contrarian.txt", CONTRADICTING)
    squadrons = [c for c in claims_with_value(contrarian, "fraction") if "S-400" in c.text]
    assert squadrons
    fact = Fact.objects.get(pk=squadrons[0].fact_id)
    assert fact.suggested_status == Status.DISPUTED
    # Reasons name outlets (or, without one, the headline), not file names.
    assert "The Contrarian Post" in fact.suggested_reason
    assert "Defense Ministers of India and Russia" in fact.suggested_reason
    assert ".txt" not in fact.suggested_reason
    assert "4 of 5" in fact.suggested_reason and "3 of 5" in fact.suggested_reason

    trade = [c for c in claims_with_value(contrarian, "money")]
    assert trade
    trade_fact = Fact.objects.get(pk=trade[0].fact_id)
    assert trade_fact.suggested_status == Status.DISPUTED
    assert "65.7" in trade_fact.suggested_reason and "68.7" in trade_fact.suggested_reason


def test_syndicated_copy_does_not_corroborate(seeds):
    original = SEEDS / next(p.name for p in SEEDS.iterdir() if p.name.startswith("002_"))
    text = original.read_text(encoding="utf-8")
    copy_text = (
        "India, Russia defence ministers hail ties ahead of Putin visit\n\n"
        + text.replace("praised the strong relations", "hailed the strong ties").replace(
            "Comments are closed.", ""
        )
        + "\n\n(With inputs from ANI)\n"
    )
    copy = ingest("syndicated-copy.txt", copy_text)
    relation = ArticleRelation.objects.get(copy=copy)
    assert relation.original == seed("002")
    deficit = [c for c in copy.claims.all() if "trade deficit" in c.text]
    assert deficit
    fact = deficit[0].fact
    assert set(fact.claims.values_list("article_id", flat=True)) == {seed("002").pk, copy.pk}
    assert fact.origin_count == 1
    assert fact.suggested_status == Status.SINGLE_SOURCE


def test_rerunning_never_touches_an_editor_verdict(seeds, editor):
    claim = seed("002").claims.first()
    record_verdict(
        fact=claim.fact, status=Status.DISPUTED, user=editor, expected_version=claim.fact.version
    )
    ingest("contrarian.txt", CONTRADICTING)
    call_command("import_seeds", stdout=StringIO())
    claim.fact.refresh_from_db()
    assert claim.fact.status == Status.DISPUTED


def test_reimporting_an_updated_article_keeps_facts_of_unchanged_claims(seeds):
    article = seed("002")
    before = {c.text: c.fact_id for c in article.claims.all()}
    path = next(p for p in SEEDS.iterdir() if p.name.startswith("002_"))
    data = path.read_bytes() + b"\n\nEditor's note: this story was updated.\n"
    # The same file read again from seeds/: its origin, not its bare name, makes it the same.
    result = ingest_article(source_file=path.name, path=file_key(path), data=data)
    assert result.outcome == "updated"
    after = {c.text: c.fact_id for c in article.claims.all()}
    shared = set(before) & set(after)
    assert shared and all(before[t] == after[t] for t in shared)


def test_export_jsonl_lists_claims_with_their_fields(seeds, tmp_path):
    out = tmp_path / "claims.jsonl"
    call_command("export_claims", "--format", "jsonl", "--output", str(out), stderr=StringIO())
    records = [json.loads(line) for line in out.read_text().splitlines()]
    assert len(records) == Claim.objects.count()
    fields = {
        "id",
        "source_file",
        "article_title",
        "text",
        "start",
        "end",
        "kind",
        "score",
        "values",
        "group_id",
        "suggested_status",
        "reason",
        "status",
        "independent_origins",
        "group_articles",
    }
    assert fields <= set(records[0])
    trade = next(r for r in records if "$68.7B" in r["text"])
    assert any(
        v["type"] == "money" and v["amount"] == pytest.approx(68.7e9) for v in trade["values"]
    )
    session = [
        r for r in records if any(v["type"] == "ordinal" and v["value"] == 22 for v in r["values"])
    ]
    assert any(len(r["group_articles"]) >= 3 for r in session)
    assert {r["suggested_status"] for r in records} <= {"corroborated", "single_source", "disputed"}


def test_export_csv(seeds):
    out = StringIO()
    call_command("export_claims", "--format", "csv", stdout=out, stderr=StringIO())
    lines = out.getvalue().splitlines()
    assert lines[0].startswith("id,source_file,article_title,text,start,end,kind,score")
    assert len(lines) > Claim.objects.count() // 2


REWORDED = """Belousov in Delhi: what the defence talks mean
source: The Delhi Ledger
date 2025-12-04

Russian Defence Minister Andrei Belousov arrived in New Delhi on Wednesday for talks with Rajnath Singh at the 22nd meeting of the India-Russia Inter-Governmental Commission on Military and Military-Technical Cooperation.

Russia has so far delivered four of the five S-400 squadrons India ordered in 2018, a defence ministry official said.

President Vladimir Putin is expected in India on December 5-6 for the annual summit.
"""


def fact_of(article: Article, words: str) -> Fact:
    return next(c for c in article.claims.all() if words in c.text).fact


def test_a_contradiction_in_other_words_is_still_found(seeds):
    ledger = ingest("ledger.txt", REWORDED)

    squadrons = fact_of(ledger, "four of the five S-400")
    assert squadrons == fact_of(seed("002"), "three squadrons out of five")
    assert squadrons.suggested_status == Status.DISPUTED
    assert "3 of 5 squadrons" in squadrons.suggested_reason
    assert "4 of 5 squadrons" in squadrons.suggested_reason

    summit = fact_of(ledger, "December 5-6")
    assert summit == fact_of(seed("000"), "December 4-5")
    assert summit.suggested_status == Status.DISPUTED


def test_a_background_year_does_not_dispute_the_day_of_the_meeting(seeds):
    # 002 says the commission was "established in 2000"; the ledger gives the
    # day the minister arrived. Same fact (the 22nd session), no dispute.
    ledger = ingest("ledger.txt", REWORDED)
    session = fact_of(ledger, "22nd meeting")
    assert session == fact_of(seed("002"), "22nd India-Russia")
    assert session.suggested_status == Status.CORROBORATED, session.suggested_reason


ELECTION = """{title}
source: {outlet}
date {day}

{country} held its general election, President {leader} said on Monday.

Voting was held in seven phases, the election commission said.

{leader} thanked the voters of {country}.
"""


def election(name: str, outlet: str, country: str, leader: str, day: str) -> Article:
    text = ELECTION.format(
        title=f"{country} votes", outlet=outlet, country=country, leader=leader, day=day
    )
    return ingest(name, text)


def phases_claim(article: Article) -> Claim:
    return next(c for c in article.claims.all() if "seven phases" in c.text)


def test_a_claim_naming_nothing_is_matched_within_its_story_only():
    mexico = election("mx.txt", "Daily A", "Mexico", "Claudia Lopez", "2024-06-03")
    mexico_again = election("mx2.txt", "Paper B", "Mexico", "Claudia Lopez", "2024-06-04")
    kenya = election("ke.txt", "Paper C", "Kenya", "William Otieno", "2024-06-04")

    assert phases_claim(mexico).story, "the article's main names are stored with the claim"
    assert phases_claim(mexico_again).fact_id == phases_claim(mexico).fact_id
    assert phases_claim(kenya).fact_id != phases_claim(mexico).fact_id


def test_the_same_words_months_later_are_another_report():
    june = election("jun.txt", "Daily A", "Mexico", "Claudia Lopez", "2024-06-03")
    september = election("sep.txt", "Paper B", "Mexico", "Claudia Lopez", "2024-09-03")
    assert phases_claim(september).fact_id != phases_claim(june).fact_id


def test_facts_left_without_claims_go_unless_an_editor_worked_on_them(
    editor, django_assert_num_queries
):
    from factcheck.analysis import refresh_suggestions
    from factcheck.models import FactKey
    from factcheck.services import set_note
    from tests.builders import make_article, make_claim, make_fact

    article = make_article("The pier reopened with 40 berths and 12 cranes.")
    reported = make_claim(article, "40 berths").fact
    bare = [make_fact(summary=f"Left behind {n}") for n in range(3)]
    FactKey.objects.create(fact=bare[0], key="count:berth")
    noted = make_fact(summary="An editor wrote on it")
    set_note(fact=noted, note="Check the port's register.", user=editor, expected_version=1)
    ruled = make_fact(summary="An editor ruled on it", status=Status.CORROBORATED)
    every = [reported, *bare, noted, ruled]

    # However many facts were left empty: their history is looked up in one query, and
    # they go in one statement (PostgreSQL adds the recount's lock).
    locks = 1 if connection.vendor == "postgresql" else 0
    with django_assert_num_queries(9 + locks):
        refresh_suggestions(fact_ids={f.pk for f in every})

    left = Fact.objects.filter(pk__in=[f.pk for f in every])
    assert set(left.values_list("pk", flat=True)) == {reported.pk, noted.pk, ruled.pk}
    assert not FactKey.objects.filter(fact_id=bare[0].pk).exists()
    assert Fact.objects.get(pk=reported.pk).article_count == 1
