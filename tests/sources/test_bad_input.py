"""Bad input is one clear line: refused with the reason, or decoded as what it is."""

import codecs

import pytest

from intake.services import Outcome, import_files
from sources.models import Article
from sources.parsing import ArticleRejected, decode, parse_file

BODY = "The port handled 120 ships in March, officials said."


def parse(data: bytes):
    return parse_file(data, name="a.txt", suffix=".txt")


@pytest.mark.parametrize(
    "data",
    [
        f".\n\n{BODY}".encode(),
        f"...\n\n{BODY}".encode(),
        f"…\n\n. . .\n\n{BODY}".encode(),
        f"... {BODY}".encode(),
    ],
    ids=["dot", "ellipsis", "several", "same paragraph"],
)
def test_a_title_is_derived_from_the_first_meaningful_text(data):
    article = parse(data)
    assert article.title == "The port handled 120 ships in March, officials said"
    assert article.title_derived


@pytest.mark.parametrize("data", [b".", b"...", b".\n\n!!\n\n--", "…\n\n—".encode()])
def test_text_with_nothing_to_title_it_is_refused(data):
    with pytest.raises(ArticleRejected) as error:
        parse(data)
    assert str(error.value) == "a.txt: no headline or text to title the article"


@pytest.mark.django_db
def test_a_file_with_nothing_to_title_it_fails_in_one_line_and_leaves_nothing(tmp_path):
    path = tmp_path / "dots.txt"
    path.write_bytes(b"...\n\n. . .\n")
    [result] = import_files([path]).results
    assert result.outcome == Outcome.FAILED
    assert result.message == "dots.txt: no headline or text to title the article"
    assert not Article.objects.exists()


@pytest.mark.parametrize("at", [0, 100, 8192, 20_000])
def test_a_nul_byte_anywhere_is_binary(at):
    data = bytearray((BODY + "\n").encode() * 500)
    data[at] = 0
    with pytest.raises(ArticleRejected) as error:
        parse(bytes(data))
    assert str(error.value) == "a.txt: binary file, not text"


@pytest.mark.parametrize(
    "encoding, bom",
    [
        ("utf-16-le", codecs.BOM_UTF16_LE),
        ("utf-16-be", codecs.BOM_UTF16_BE),
        ("utf-32-le", codecs.BOM_UTF32_LE),
        ("utf-32-be", codecs.BOM_UTF32_BE),
    ],
)
def test_utf16_and_utf32_with_a_byte_order_mark_are_decoded(encoding, bom):
    text = f"Café “headline” here\n\n{BODY}"
    article = parse(bom + text.encode(encoding))
    assert article.title == "Café “headline” here"
    assert article.body == BODY
    assert article.encoding == encoding[:6]


def test_utf16_holding_a_nul_character_is_binary():
    with pytest.raises(ArticleRejected) as error:
        parse(codecs.BOM_UTF16_LE + "Head line\n\nA\x00B".encode("utf-16-le"))
    assert str(error.value) == "a.txt: binary file, not text"


def test_one_stray_byte_in_utf8_is_replaced_and_said_so():
    data = f"Café owners said “yes”\n\n{BODY} Señor Zürich\x00".encode().replace(b"\x00", b"\xe9")
    article = parse(data)
    assert article.title == "Café owners said “yes”"
    assert article.body == f"{BODY} Señor Zürich\ufffd"
    assert article.encoding == "UTF-8, 1 invalid byte replaced"


def test_the_ingest_note_names_the_replaced_bytes(tmp_path, db):
    path = tmp_path / "stray.txt"
    path.write_bytes(f"Café owners said “yes”\n\n{BODY}".encode() + b"\x92\x93")
    [result] = import_files([path]).results
    assert result.outcome == Outcome.IMPORTED
    assert result.message == "decoded as UTF-8, 2 invalid bytes replaced"


def test_cp1252_is_still_decoded_as_cp1252():
    text = "Café owners in Zürich said the rent rose by 12 per cent, señor.\n"
    article = parse(("Headline of the café story\n\n" + text * 4).encode("cp1252"))
    assert "Café owners in Zürich" in article.body
    assert article.encoding == "cp1252"


def test_text_that_is_no_plausible_encoding_is_refused():
    data = bytes(128 + (i * 97 + 31) % 128 for i in range(4000))
    with pytest.raises(ArticleRejected) as error:
        decode(data, name="a.txt")
    assert str(error.value) == "a.txt: undecodable text (not UTF-8, no other encoding fits)"
