"""The export keeps every field it had and adds the claim read as subject and value."""

import json
from io import StringIO

import pytest
from django.core.management import call_command

from intake.services import ingest_article

# The export's fields before claims were read as subject and value: kept, in name and meaning.
OLD_FIELDS = {
    "id",
    "source_file",
    "article_title",
    "text",
    "start",
    "end",
    "kind",
    "score",
    "values",
    "flags",
    "group_id",
    "suggested_status",
    "reason",
    "status",
    "independent_origins",
    "group_articles",
}
BODY = b"""Tram line to open in 2031
date 2026-05-04
source: Valley Times

The new tram line is expected to carry about 320,000 riders a day by 2031, officials said.
"""


@pytest.mark.django_db
def test_jsonl_export_adds_subject_value_time_and_attributes():
    ingest_article(source_file="tram.txt", data=BODY)
    out = StringIO()
    call_command("export_claims", "--format", "jsonl", stdout=out, stderr=StringIO())
    records = [json.loads(line) for line in out.getvalue().splitlines()]
    riders = next(r for r in records if "320,000" in r["text"])
    assert set(riders) >= OLD_FIELDS
    assert riders["value"]["value"] == 320000
    assert riders["time_reference"] == ["by 2031"]
    assert "approximate" in riders["attributes"]
    assert "tram" in riders["subject"] or "carry" in riders["subject"]
