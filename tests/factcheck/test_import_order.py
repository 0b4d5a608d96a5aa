"""What does not depend on the order articles arrive in.

Copy relations and their direction are decided from the articles themselves
(date, wire credit, length, content), and a copy cluster is named by its
original, so the same articles imported in another order give the same
relations and the same origin counts; which articles are compared does not
depend on the order either (never by id). Claims are grouped into facts by
regrouping, at each import, the whole components of claims the new ones are
linked to (``factcheck/engine/grouping.py``), or, for a component too large to
read whole, the claims after the new article with the facts they are linked to (up to
a day past which nothing it changed can reach), so the facts, their suggestions and
their reasons are the same for every order too.
"""

import threading
from datetime import date

import pytest
from django.db import connection, transaction

from factcheck import analysis
from factcheck.models import ArticleRelation, Claim, Fact, Status
from factcheck.services import split_claim
from intake.services import ingest_article

pytestmark = pytest.mark.django_db

WIRE = """Reservoir levels fall to 31 per cent as drought deepens
date 2026-08-03
source: Coastline Wire

Reservoirs serving the Dorrin valley have fallen to 31 per cent of capacity, the lowest August level since 1994, the regional water board said on Monday.

The board said it would cut supplies to 14 irrigation districts from Thursday and asked households to keep daily use under 120 litres a person.

Water board chair Ilse Marquardt said the cuts would last at least six weeks.
"""
# The same story syndicated the same day: a new headline and an added line.
COPY = WIRE.replace(
    "Reservoir levels fall to 31 per cent as drought deepens", "Dorrin valley faces water cuts"
).replace("source: Coastline Wire", "source: Valley Daily") + (
    "\nFarmers' groups said they would meet the board on Wednesday.\n\n(Coastline Wire)\n"
)
OTHER = """Dorrin valley water cuts to start Thursday
date 2026-08-03
source: The Dorrin Ledger

Fourteen irrigation districts in the Dorrin valley will lose part of their supply from Thursday, with reservoirs at 31 per cent of capacity, the water board announced.

Households are being asked to use less than 120 litres a day each.
"""


def _state(order: list[tuple[str, str]]) -> tuple[set, list]:
    with transaction.atomic():
        for name, text in order:
            ingest_article(source_file=name, data=text.encode())
        relations = set(
            ArticleRelation.objects.values_list("original__source_file", "copy__source_file")
        )
        origins = sorted(Fact.objects.values_list("origin_count", flat=True))
        transaction.set_rollback(True)
    return relations, origins


def test_copy_relations_and_origins_do_not_depend_on_the_order_of_import():
    articles = [("wire.txt", WIRE), ("copy.txt", COPY), ("other.txt", OTHER)]
    first = _state(articles)
    assert ("wire.txt", "copy.txt") in first[0]
    for order in (articles[::-1], [articles[1], articles[2], articles[0]]):
        assert _state(order) == first


def test_articles_sharing_only_a_wire_credit_are_not_compared(monkeypatch):
    # Thousands of articles credit one wire: the few a capped key would name depend on
    # which came in first, and a shared credit alone is no evidence of a shared text.
    compared: list[tuple[str, str]] = []
    real = analysis.compare

    def spied(body_a, body_b, **wires):
        compared.append((body_a[:20], body_b[:20]))
        return real(body_a, body_b, **wires)

    monkeypatch.setattr(analysis, "compare", spied)
    unrelated = (
        "Harbour dues rise by 4 per cent\ndate 2026-08-03\nsource: Port Gazette\n\n"
        "The harbour board raised its dues by 4 per cent from September, citing dredging.\n"
        "\n(With inputs from PTI)\n"
    )
    credited = COPY.replace("(Coastline Wire)", "(With inputs from PTI)")
    relations, _ = _state([("copy.txt", credited), ("harbour.txt", unrelated), ("wire.txt", WIRE)])
    assert relations == {("wire.txt", "copy.txt")}
    assert all("harbour" not in a + b for a, b in compared)


def test_a_facts_reason_does_not_depend_on_the_facts_refreshed_with_it():
    # The copy adds a figure its original does not give; another paper gives it too. The
    # copy relation lies outside that fact (its original does not report it), so it must
    # not change how the fact names its reports, whichever facts are refreshed with it.
    # (The copy's bytes sort before the other report's, so a copy relation wrongly counted
    # would put it second.)
    wells = "\nThe board said {n} wells had run dry across the district.\n"
    copy = COPY + wells.format(n="2,300")
    other = OTHER + "\nSome 2,300 wells have run dry, the water board said.\n"
    with transaction.atomic():
        for name, text in [("wire.txt", WIRE), ("copy.txt", copy), ("other.txt", other)]:
            ingest_article(source_file=name, data=text.encode())
        assert ArticleRelation.objects.filter(copy__source_file="copy.txt").exists()
        wells_fact = Claim.objects.get(
            article__source_file="other.txt", text__contains="wells"
        ).fact
        assert {c.article.source_file for c in wells_fact.claims.all()} == {"copy.txt", "other.txt"}
        everything = set(Fact.objects.values_list("pk", flat=True))
        reasons = []
        for refreshed in ({wells_fact.pk}, everything):
            analysis.refresh_suggestions(fact_ids=refreshed)
            wells_fact.refresh_from_db()
            reasons.append(wells_fact.suggested_reason)
        transaction.set_rollback(True)
    assert reasons[0] == reasons[1]


# Four reports of one bridge: two independent ones in other words, a syndicated
# copy of the first, and a radio report disputing the cost on the same day.
BRIDGE_WIRE = """Karsten river bridge to cost €412 million, open in 2030
date 2027-02-09
source: Alpine Wire

The new Karsten river bridge will cost €412 million and carry 38,000 vehicles a day, the regional transport authority said on Tuesday.

Construction of the 1.8-km crossing starts in March 2027, and the bridge is due to open in 2030, the authority said.

Transport commissioner Lena Vogt said the bridge "will cut the commute across the valley by half".

The authority will borrow 60 per cent of the cost from the European Investment Bank, and the rest will come from the regional budget.
"""
BRIDGE_LEDGER = """Valley bridge gets green light with €412m budget
date 2027-02-09
source: Danube Business Ledger

The regional transport authority approved a €412m budget for a bridge over the Karsten river, which it expects to be used by 38,000 cars daily.

The 1,800-metre bridge will be built from March 2027 and should open to traffic by 2030.

"It will cut the commute across the valley by half," commissioner Lena Vogt told reporters.

Some 60% of the money is to be lent by the European Investment Bank.
"""
BRIDGE_COPY = (
    BRIDGE_WIRE.replace(
        "Karsten river bridge to cost €412 million, open in 2030", "Karsten crossing approved"
    ).replace("source: Alpine Wire", "source: Valley Post")
    + "\nResidents of Oberfeld have opposed the route.\n\n(Alpine Wire)\n"
)
BRIDGE_RADIO = """Karsten bridge: cost put at €450 million
date 2027-02-09
source: Radio Karsten

The bridge over the Karsten river will cost €450 million, not the figure the transport authority gave, according to two officials who spoke on condition of anonymity.

The crossing, 1.8 kilometres long, would carry 38,000 vehicles every day once it opens in 2030.

Lena Vogt, the transport commissioner, said it would halve the commute across the valley.
"""
BRIDGE = [
    ("copy.txt", BRIDGE_COPY),
    ("ledger.txt", BRIDGE_LEDGER),
    ("radio.txt", BRIDGE_RADIO),
    ("wire.txt", BRIDGE_WIRE),
]


def _facts() -> dict[frozenset, tuple[str, str]]:
    """Each fact as its claims (file, span), with its suggested status and reason."""
    members: dict[int, set] = {}
    for fact_id, name, start, end in Claim.objects.values_list(
        "fact_id", "article__source_file", "start", "end"
    ):
        members.setdefault(fact_id, set()).add((name, start, end))
    suggestion = {f.pk: (f.suggested_status, f.suggested_reason) for f in Fact.objects.all()}
    return {frozenset(m): suggestion[pk] for pk, m in members.items()}


def _grouped(order: list[tuple[str, str]]) -> tuple[dict, set]:
    with transaction.atomic():
        for name, text in order:
            ingest_article(source_file=name, data=text.encode())
        facts = _facts()
        relations = set(
            ArticleRelation.objects.values_list("original__source_file", "copy__source_file")
        )
        transaction.set_rollback(True)
    return facts, relations


def test_facts_suggestions_and_copies_do_not_depend_on_the_order_of_import():
    first, relations = _grouped(BRIDGE)
    assert relations == {("wire.txt", "copy.txt")}
    everyone = {n for n, _ in BRIDGE}
    # The cost is disputed on the day; the traffic figure is told by all four.
    statuses = [status for fact, (status, _) in first.items() if {n for n, *_ in fact} == everyone]
    assert Status.DISPUTED in statuses and Status.CORROBORATED in statuses
    # The greedy grouping of old gave two different sets of facts for these
    # orders: the radio's "38,000 vehicles" joined the others or stood alone.
    for order in (
        [BRIDGE[0], BRIDGE[2], BRIDGE[1], BRIDGE[3]],
        BRIDGE[::-1],
        [BRIDGE[2], BRIDGE[3], BRIDGE[0], BRIDGE[1]],
    ):
        assert _grouped(order) == (first, relations)


def test_a_common_key_nominates_the_facts_reported_nearest_whatever_came_in_last(monkeypatch):
    # Each key nominates one fact only, as a key shared by many stories nominates few of
    # them. Reports of the same bridge in the autumn, in the wire's words, share all its
    # keys, and are months apart from it (never one fact). Imported between the wire and
    # the ledger, they are what came in last, but not what was reported nearest: the
    # ledger still finds the wire's facts, as in any other order.
    monkeypatch.setattr(analysis, "CANDIDATES_PER_KEY", 1)
    autumn = [
        (
            f"autumn{n}.txt",
            BRIDGE_WIRE.replace("2027-02-09", f"2027-10-0{n}").replace(
                "Alpine Wire", f"Lake Paper {n}"
            ),
        )
        for n in (1, 2)
    ]
    wire, ledger = BRIDGE[3], BRIDGE[1]
    first = _grouped([wire, ledger, *autumn])
    both = {"wire.txt", "ledger.txt"}
    assert sum(1 for fact in first[0] if {name for name, *_ in fact} == both) >= 3
    for order in ([wire, *autumn, ledger], [*autumn[::-1], ledger, wire]):
        assert _grouped(order) == first


def test_a_key_nominates_no_fact_reported_beyond_matchings_reach(monkeypatch):
    # The same bridge story, in the wire's words, told again a month and eight months
    # later: it shares every key with the wire's facts, but only the report within
    # ``MAX_DAYS_APART`` may be their fact, so only its import reads them.
    real = analysis._candidate_facts
    nominated: dict[str, set[int]] = {}

    def spied(keys, day):
        found = real(keys, day)
        nominated[str(day)] = set(found)
        return found

    monkeypatch.setattr(analysis, "_candidate_facts", spied)
    ingest_article(source_file="wire.txt", data=BRIDGE_WIRE.encode())
    wire_facts = set(Fact.objects.values_list("pk", flat=True))
    for day, name in (("2027-10-03", "autumn.txt"), ("2027-03-08", "march.txt")):
        text = BRIDGE_WIRE.replace("2027-02-09", day).replace("Alpine Wire", f"Paper {name}")
        ingest_article(source_file=name, data=text.encode())
    assert not nominated["2027-10-03"] & wire_facts
    assert nominated["2027-03-08"] & wire_facts
    assert (date(2027, 10, 3) - date(2027, 3, 8)).days > analysis.MAX_DAYS_APART


def test_components_too_large_to_read_whole_group_as_if_they_were_read(monkeypatch):
    # Every component is taken as too large to group again whole: each import then
    # places again only the claims after it in the canonical order, with the facts
    # they share a key with, and the facts are those of the whole pass.
    reference = _grouped(BRIDGE)
    monkeypatch.setattr(analysis, "_regroup_set", lambda *args: None)
    real = analysis._regroup_after
    read: list[int | None] = []

    def spied(*args):
        found = real(*args)
        read.append(None if found is None else len(found[0]))
        return found

    monkeypatch.setattr(analysis, "_regroup_after", spied)
    for order in (BRIDGE, BRIDGE[::-1], [BRIDGE[2], BRIDGE[0], BRIDGE[3], BRIDGE[1]]):
        read.clear()
        assert _grouped(order) == reference
        assert read and None not in read


def test_a_report_after_the_others_reads_only_the_facts_it_shares_a_key_with(monkeypatch):
    monkeypatch.setattr(analysis, "_regroup_set", lambda *args: None)
    brief = (
        "Karsten bridge cost confirmed\ndate 2027-02-11\nsource: Valley Radio\n\n"
        "The Karsten river bridge will cost €412 million, the transport authority said.\n"
    )
    real = analysis._regroup_after
    read: list[list] = []
    monkeypatch.setattr(
        analysis, "_regroup_after", lambda *args: read.append(real(*args)) or read[-1]
    )
    with transaction.atomic():
        for name, text in BRIDGE:
            ingest_article(source_file=name, data=text.encode())
        stored = {pk: fact_id for pk, fact_id in Claim.objects.values_list("pk", "fact_id")}
        read.clear()
        ingest_article(source_file="brief.txt", data=brief.encode())
        [claim] = Claim.objects.filter(article__source_file="brief.txt")
        moved = {
            pk
            for pk, fact_id in Claim.objects.values_list("pk", "fact_id")
            if stored.get(pk, fact_id) != fact_id
        }
        transaction.set_rollback(True)
    [(found, _)] = read
    # Only the facts of amounts: the counts, dates and quotations of the story are not read,
    # and nothing comes after the brief, so no stored claim is placed again.
    assert found is not None and 0 < len(found) < len(stored)
    assert {s.member.features.kind for s in found} <= {"quantity"}
    assert claim.fact_id in {s.fact_id for s in found} and not moved


def test_an_import_that_rehearses_while_it_waits_groups_as_one_that_does_not(monkeypatch):
    """An import waiting for the engine's lock works on what is committed meanwhile
    (``analysis._rehearse``); under the lock it reads everything again, so the facts,
    suggestions and copies are the same as without the rehearsal."""
    plain = _grouped(BRIDGE)
    rehearsed = []
    rehearse = analysis._rehearse

    def counted(*args, **kwargs):
        rehearsed.append(args[0].source_file)
        return rehearse(*args, **kwargs)

    # As if another import always held the lock.
    monkeypatch.setattr(analysis, "_engine_lock_free", lambda: False)
    monkeypatch.setattr(analysis, "_rehearse", counted)
    for order in (BRIDGE, BRIDGE[::-1]):
        assert _grouped(order) == plain
    assert sorted(rehearsed) == sorted(2 * [name for name, _ in BRIDGE])


def test_regrouping_leaves_an_editors_facts_as_they_are(editor):
    for name, text in BRIDGE[1::2]:
        ingest_article(source_file=name, data=text.encode())
    claim = Claim.objects.get(article__source_file="ledger.txt", text__contains="38,000")
    source = claim.fact
    split = split_claim(claim=claim, user=editor, expected_version=source.version)
    before = {fact: set(fact.claims.values_list("pk", flat=True)) for fact in (source, split)}

    for name, text in BRIDGE[0::2]:
        ingest_article(source_file=name, data=text.encode())

    for fact, claims in before.items():
        assert claims <= set(fact.claims.values_list("pk", flat=True))
    claim.refresh_from_db()
    assert claim.fact == split


@pytest.mark.slow
@pytest.mark.django_db(transaction=True)
def test_parallel_workers_group_as_one_worker_does(monkeypatch):
    """Four workers import the four reports at once, each in its own transaction.

    On PostgreSQL all four are held until each has stored its article and is about
    to group: then one takes the engine's lock, the three others find it taken and
    rehearse while they wait (``analysis._rehearse``), then one at a time take it, and
    each sees the others' committed claims. SQLite runs one write transaction at a time
    anyway.
    """
    serial = _grouped(BRIDGE)
    if connection.vendor == "postgresql":
        barrier = threading.Barrier(len(BRIDGE), timeout=30)
        try_lock = analysis._engine_lock_free

        def all_at_once() -> bool:
            barrier.wait()
            return try_lock()

        monkeypatch.setattr(analysis, "_engine_lock_free", all_at_once)
    errors: list[BaseException] = []

    def work(name: str, text: str) -> None:
        try:
            ingest_article(source_file=name, data=text.encode())
        except BaseException as error:  # noqa: BLE001 - reported by the test
            errors.append(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=work, args=article) for article in BRIDGE]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    assert errors == []
    relations = set(
        ArticleRelation.objects.values_list("original__source_file", "copy__source_file")
    )
    assert (_facts(), relations) == serial


# A brief of the long story's second month, which joins its facts as a later report.
LONG_STORY_BRIEF = (
    "Karsten bridge cost confirmed\ndate 2027-03-16\nsource: Valley Radio\n\n"
    "The Karsten river bridge will cost €412 million and carry 38,000 vehicles a day, "
    "the transport authority said.\n"
)


def _long_story() -> list[tuple[str, str]]:
    """The bridge told again every month for seven months by two papers, its cost
    revised as it goes: a story whose reports chain into one component across time."""
    articles = []
    for step in range(8):
        day = date.fromordinal(date(2027, 2, 9).toordinal() + 30 * step).isoformat()
        cost = f"€{412 + 6 * (step // 2)}"
        for name, text in (("wire", BRIDGE_WIRE), ("ledger", BRIDGE_LEDGER)):
            articles.append(
                (
                    f"{name}{step}.txt",
                    text.replace("2027-02-09", day)
                    .replace("€412", cost)
                    .replace("source: ", f"source: Issue {step} of "),
                )
            )
    return articles


def test_a_report_within_a_long_story_places_again_only_the_claims_within_reach(monkeypatch):
    # Each import places again only the claims up to a day past it, moving the day on
    # while a fact it formed otherwise could still be joined; the facts are those of the
    # whole pass, in any order. A short first reach makes the day move on often.
    story = _long_story()
    reference = _grouped(story)
    _regroup_set = analysis._regroup_set
    monkeypatch.setattr(analysis, "_regroup_set", lambda *args: None)
    monkeypatch.setattr(analysis, "REGROUP_REACH_DAYS", 10)
    real = analysis._regroup_after
    read: list[tuple[int, int]] = []

    def spied(*args):
        found = real(*args)
        assert found is not None
        read.append((len(found[0]), Claim.objects.count()))
        return found

    monkeypatch.setattr(analysis, "_regroup_after", spied)
    shuffled = story[2::3][::-1] + story[1::3] + story[::3][::-1]
    for order in (story[::-1], shuffled):
        read.clear()
        assert _grouped(order) == reference
    # A brief in the story's second month, imported last, joins facts as a later report
    # of them: the claims placed again end within reach of what it changed.
    brief = LONG_STORY_BRIEF
    story.append(("brief.txt", brief))
    monkeypatch.setattr(analysis, "_regroup_after", real)
    monkeypatch.setattr(analysis, "_regroup_set", _regroup_set)
    reference = _grouped(story)
    monkeypatch.setattr(analysis, "_regroup_set", lambda *args: None)
    monkeypatch.setattr(analysis, "_regroup_after", spied)
    sizes = []
    for reach in (10, 10**5):
        monkeypatch.setattr(analysis, "REGROUP_REACH_DAYS", reach)
        read.clear()
        assert _grouped(story) == reference
        sizes.append(read[-1][0])
    assert sizes[0] < sizes[1]


def test_a_fact_with_a_report_past_the_day_is_read_past_it(monkeypatch):
    # Facts grouped in order of arrival (past a cap) may hold a report far after the
    # others. Such a fact, changed by a new report, is read through that report, not
    # grouped again without it.
    story = _long_story()
    brief = LONG_STORY_BRIEF
    with transaction.atomic():
        for name, text in story:
            ingest_article(source_file=name, data=text.encode())
        ingest_article(source_file="brief.txt", data=brief.encode())
        cost = Claim.objects.get(article__source_file="brief.txt", text__contains="€412")
        joined = {
            (c.article.source_file, c.start)
            for c in cost.fact.claims.exclude(pk=cost.pk).select_related("article")
        }
        transaction.set_rollback(True)
    assert joined
    monkeypatch.setattr(analysis, "_regroup_set", lambda *args: None)
    monkeypatch.setattr(analysis, "REGROUP_REACH_DAYS", 10)
    real = analysis._regroup_after
    read: list[set[int]] = []

    def spied(*args):
        found = real(*args)
        read.append(set() if found is None else {s.pk for s in found[0]})
        return found

    with transaction.atomic():
        for name, text in story:
            ingest_article(source_file=name, data=text.encode())
        [target] = {
            c.fact_id
            for c in Claim.objects.select_related("article")
            if (c.article.source_file, c.start) in joined
        }
        late = Claim.objects.filter(article__source_file="wire7.txt").order_by("start").first()
        Claim.objects.filter(pk=late.pk).update(fact_id=target)
        monkeypatch.setattr(analysis, "_regroup_after", spied)
        ingest_article(source_file="brief.txt", data=brief.encode())
        transaction.set_rollback(True)
    assert late.pk in read[-1]
