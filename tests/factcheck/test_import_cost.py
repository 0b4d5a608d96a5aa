"""What one import costs does not grow with the reports it cannot be one fact with.

An import compares its claims with the stored claims its keys nominate, and broad keys
("count:ship") nominate the reports of every port and every month. Those of other stories
or months apart are told apart by their stories and dates (``matching.could_match``)
before ``match`` reads their wording, so a crowded database costs no more comparisons and
no more statements than an empty one, and groups the same. A component of more claims
than ``analysis.REGROUP_MAX`` is grouped again only from the new report on (the claims after
it in the canonical order); past ``analysis.REGROUP_AFTER_MAX`` its facts stay, and new
reports join them.
"""

import pytest
from django.db import connection, transaction
from django.test.utils import CaptureQueriesContext

from factcheck import analysis
from factcheck.models import Claim
from intake.services import ingest_article

pytestmark = pytest.mark.django_db

PORTS = {
    # place: (authority, outlet)
    "Mundra": ("Adani Ports", "Coastal Times"),
    "Kandla": ("Deendayal Port Authority", "Kutch Mirror"),
    "Paradip": ("Paradip Port Trust", "Odisha Herald"),
    "Haldia": ("Syama Prasad Mookerjee Port", "Bengal Ledger"),
}


def report(place: str, day: str, ships: int, n: int = 0) -> bytes:
    """A port's monthly figure in its local paper's words (``n`` makes another address)."""
    authority, outlet = PORTS[place]
    return (
        f"{place} port traffic\n\ndate {day}\nsource: {outlet}\n"
        f"url: https://{outlet.split()[0].lower()}.example/{place.lower()}-{day}-{n}\n\n"
        f"The port of {place} handled {ships} ships in the month, {authority} officials "
        "said on Tuesday.\n"
    ).encode()


def other(place: str, day: str, ships: int) -> bytes:
    """A port's figure in another outlet's words: one fact with ``report``'s."""
    authority, _ = PORTS[place]
    return (
        f"Busy month at {place}\n\ndate {day}\nsource: Gujarat Samachar Daily\n"
        f"url: https://gujarat.example/{place.lower()}-{day}\n\n"
        f"{place} port handled {ships} ships last month, {authority} said on Tuesday.\n"
    ).encode()


def imported(name: str, data: bytes) -> None:
    ingest_article(source_file=f"{name}.txt", data=data)


def import_cost(monkeypatch, crowd: list[tuple[str, bytes]]) -> tuple[int, int, set]:
    """Pairs decided (``decide``) and SQL statements of importing a second Mundra report
    after the first and ``crowd``, and the files in the facts of the two reports' claims
    (in a transaction rolled back)."""
    compared = 0
    real = analysis.decide

    def counted(a, b):
        nonlocal compared
        compared += 1
        return real(a, b)

    with transaction.atomic():
        imported("mundra-1", report("Mundra", "2025-04-02", 412))
        for name, data in crowd:
            imported(name, data)
        monkeypatch.setattr(analysis, "decide", counted)
        with CaptureQueriesContext(connection) as queries:
            imported("mundra-2", other("Mundra", "2025-04-02", 412))
        monkeypatch.setattr(analysis, "decide", real)
        mundra = Claim.objects.filter(article__source_file__in=["mundra-1.txt", "mundra-2.txt"])
        facts = {
            frozenset(
                Claim.objects.filter(fact_id=fact_id).values_list("article__source_file", flat=True)
            )
            for fact_id in mundra.values_list("fact_id", flat=True)
        }
        transaction.set_rollback(True)
    return compared, len(queries), facts


def test_reports_of_other_ports_and_months_cost_an_import_nothing(monkeypatch):
    # The same figure of Mundra in earlier months, and other ports the same day: every
    # one shares the broad keys of the Mundra reports ("count:ship"), none is their fact.
    crowd = [
        (f"mundra-2024-{month}", report("Mundra", f"2024-{month:02}-02", 380 + month))
        for month in range(1, 10)
    ]
    crowd += [
        (f"{place}-{k}", report(place, "2025-04-02", 300 + 10 * n + k, k))
        for n, place in enumerate(["Kandla", "Paradip", "Haldia"])
        for k in range(3)
    ]
    compared, statements, facts = import_cost(monkeypatch, [])
    assert facts == {frozenset({"mundra-1.txt", "mundra-2.txt"})}
    assert compared == 1

    assert import_cost(monkeypatch, crowd) == (compared, statements, facts)


def test_past_regroup_max_the_facts_stay_and_new_reports_join_them(monkeypatch):
    monkeypatch.setattr(analysis, "REGROUP_MAX", 2)
    monkeypatch.setattr(analysis, "REGROUP_AFTER_MAX", 2)
    regrouped = []
    real = analysis._regroup_set

    def spied(*args):
        found = real(*args)
        regrouped.append(None if found is None else len(found))
        return found

    monkeypatch.setattr(analysis, "_regroup_set", spied)
    for n in range(4):
        imported(f"mundra-{n}", report("Mundra", "2025-04-02", 412, n))

    # The second report is grouped again with the first; with the third the set would
    # hold three claims, past the bound; the fourth meets a component of three, which is
    # not made into stored claims (None). Both join the fact the others are in.
    assert regrouped == [0, 1, 2, None]
    [fact_id] = set(Claim.objects.values_list("fact_id", flat=True))
    assert Claim.objects.filter(fact_id=fact_id).count() == 4
