"""What does not depend on the order articles arrive in.

Copy relations and their direction are decided from the articles themselves
(date, wire credit, length, content), and a copy cluster is named by its
original, so the same articles imported in another order give the same
relations and the same origin counts. Grouping claims into facts is still
greedy in the order of import (see the README's "What still fails").
"""

import pytest
from django.db import transaction

from factcheck.models import ArticleRelation, Fact
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
