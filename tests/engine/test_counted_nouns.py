import io
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

from factcheck.engine.conflicts import find_conflicts, same_slot
from factcheck.engine.counted_nouns import TABLE_PATH, CountedNouns, load_table, related
from factcheck.engine.counted_nouns_build import WordNetError, build_table
from factcheck.engine.features import ClaimFeatures
from factcheck.engine.keys import index_keys
from factcheck.engine.matching import match
from factcheck.engine.values import related_units

WORDNET = Path("/usr/share/wordnet")


def count(text: str, value: float, unit: str, bound: str | None = None) -> dict:
    return {"type": "count", "value": value, "unit": unit, "text": text, "bound": bound}


def fraction(text: str, n: int, d: int, unit: str) -> dict:
    return {"type": "fraction", "numerator": n, "denominator": d, "unit": unit, "text": text}


def report(text: str, values: list[dict], story: tuple[str, ...], day: str) -> ClaimFeatures:
    return ClaimFeatures(
        text=text,
        kind="quantity",
        values=values,
        entities=list(story),
        context=text,
        story=story,
        published=day,
    )


# --- the relation, on the shipped table ---------------------------------------------


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("passenger", "person"),  # a kind of it: passenger, traveler, person
        ("coach", "carriage"),  # one synset: the railway carriage
        ("carriage", "car"),  # a railway carriage is a kind of railway car
        ("household", "home"),  # "household" has one sense, "home"'s eighth
        ("job", "position"),  # a position is a job in an organisation
        ("fatality", "death"),
        ("employee", "worker"),
        ("helicopter", "aircraft"),  # never met in the tagged corpus: its first sense
        ("dead", "person"),  # "the dead" are people, and a count of people is of persons
    ],
)
def test_nouns_that_can_count_the_same_things_are_related_both_ways(a, b):
    assert related(a, b) and related(b, a)


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("passenger", "patient"),  # both people, neither the other
        ("plane", "helicopter"),  # both aircraft
        ("worker", "member"),
        ("job", "person"),  # "job" is a person only in its rarest senses (the prophet)
        ("person", "category"),  # "person" as a grammatical category is never met
        ("household", "person"),
        ("customer", "home"),  # what WordNet does not say, nobody guesses
        ("passenger", "xylophonist-of-nowhere"),  # a noun the table lacks
    ],
)
def test_other_nouns_are_not_related(a, b):
    assert not related(a, b) and not related(b, a)


def test_a_noun_is_related_to_itself_even_when_the_table_lacks_it():
    assert related("mou", "mou")


def test_units_of_measure_and_unnamed_units_relate_to_no_noun():
    people = count("nine people", 9, "person")
    assert not related_units(count("9 ft", 9, "ft"), people)
    assert not related_units(count("nine", 9, ""), people)
    assert not related_units({"type": "ordinal", "value": 9, "unit": "passenger"}, people)
    assert not related_units(fraction("nine of 230", 9, 230, "passenger"), people)
    assert related_units(count("nine passengers", 9, "passenger"), people)


def test_the_shipped_table_is_small_carries_the_wordnet_licence_and_loads_lazily():
    text = TABLE_PATH.read_text(encoding="utf-8")
    assert len(text.encode()) < 1_000_000
    assert "# WordNet 3.0 Copyright 2006 by Princeton University.  All rights reserved." in text
    assert "# THIS SOFTWARE AND DATABASE IS PROVIDED" in text
    table = load_table()
    assert len(table) > 30_000
    assert table.senses("no-such-noun").names == frozenset()


# --- where units are compared --------------------------------------------------------

STORY = ("northline rail", "valbury")


def test_one_count_under_two_nouns_is_one_figure_that_agrees():
    a = report(
        "The Northline Rail train was carrying about 230 passengers when it derailed near Valbury.",
        [count("about 230 passengers", 230, "passenger", "approx")],
        STORY,
        "2026-03-03",
    )
    b = report(
        "Around 230 people were on board the Northline Rail train that left the rails at Valbury.",
        [count("Around 230 people", 230, "person", "approx")],
        STORY,
        "2026-03-03",
    )
    found = match(a, b)
    assert found.same_fact
    assert found.agrees is True
    assert not find_conflicts(a.values, b.values)


def test_counts_under_related_nouns_can_dispute():
    a = report(
        "Kestrel Foods will cut 350 jobs at its Dunmore bakery.",
        [count("350 jobs", 350, "job")],
        ("kestrel foods", "dunmore"),
        "2026-05-12",
    )
    b = report(
        "Kestrel Foods is to shed 420 positions at the Dunmore bakery.",
        [count("420 positions", 420, "position")],
        ("kestrel foods", "dunmore"),
        "2026-05-12",
    )
    assert [c.description for c in find_conflicts(a.values, b.values)] == [
        "350 jobs vs 420 positions"
    ]
    assert match(a, b).agrees is False


def test_counts_of_sibling_nouns_are_never_compared():
    passengers = [count("231 passengers", 231, "passenger")]
    patients = [count("18 patients", 18, "patient")]
    assert not same_slot(passengers[0], patients[0])
    assert not find_conflicts(passengers, patients)


def test_parts_of_one_train_under_two_nouns_are_one_whole():
    carriages = [fraction("four of its six carriages", 4, 6, "carriage")]
    coaches = [fraction("three of the six coaches", 3, 6, "coach")]
    assert [c.description for c in find_conflicts(carriages, coaches)] == [
        "4 of 6 carriages vs 3 of 6 coaches"
    ]


def test_a_related_noun_is_paired_only_when_its_own_noun_is_missing():
    # "230 passengers ... nine people died" against "nine people died": the people only.
    both = [count("230 passengers", 230, "passenger"), count("nine people", 9, "person")]
    people = [count("Nine people", 9, "person")]
    assert not find_conflicts(both, people)
    assert not find_conflicts(people, both)


def test_counts_under_related_nouns_meet_through_their_keys_whatever_their_stories():
    # Two outlets name the story by different places: only the counted thing is common.
    a = report(
        "About 230 passengers were on the train.",
        [count("About 230 passengers", 230, "passenger", "approx")],
        ("northline rail",),
        "2026-03-03",
    )
    b = report(
        "Some 230 people were aboard.",
        [count("Some 230 people", 230, "person", "approx")],
        ("valbury",),
        "2026-03-03",
    )
    shared = index_keys(a) & index_keys(b)
    assert shared
    assert all(key.startswith("count:~") for key in shared)


# --- building the table --------------------------------------------------------------

# A few synsets in WordNet's own formats (offsets need not be byte positions here). Its
# lines end in two spaces, as WordNet's do.
DATA_NOUN = [
    "  1 This software and database is being provided to you, the LICENSEE, by",
    "  2 Princeton University under the following license.",
    "00000001 03 n 01 person 0 000 | a human being",
    "00000002 18 n 01 traveler 0 001 @ 00000001 n 0000 | someone who travels",
    "00000003 18 n 02 passenger 0 rider 0 001 @ 00000002 n 0000 | a traveler in a vehicle",
    "00000004 18 n 01 patient 0 001 @ 00000001 n 0000 | a person receiving care",
    "00000005 07 n 01 passenger 0 000 | an attribute, which nobody counts",
    "00000006 18 n 01 job 0 001 @i 00000001 n 0000 | an instance: a prophet",
]
INDEX_NOUN = [
    "  1 This software and database is being provided to you, the LICENSEE, by",
    "passenger n 2 1 @ 2 1 00000003 00000005",
    "patient n 1 1 @ 1 1 00000004",
    "person n 1 0 1 1 00000001",
    "rider n 1 1 @ 1 0 00000003",
    "traveler n 1 1 @ 1 1 00000002",
    "job n 1 1 @ 1 1 00000006",
]


def small_wordnet(folder: Path) -> Path:
    for name, lines in (("data.noun", DATA_NOUN), ("index.noun", INDEX_NOUN)):
        (folder / name).write_text("".join(f"{line}  \n" for line in lines), encoding="utf-8")
    return folder


def rows(table: str) -> dict[str, list[str]]:
    return {
        line.split("\t")[0]: line.split("\t")[1:]
        for line in table.splitlines()
        if not line.startswith("#")
    }


def test_the_table_keeps_counted_senses_and_their_kinds_and_the_licence(tmp_path):
    table = build_table(small_wordnet(tmp_path))
    assert table == build_table(tmp_path)
    assert "# Princeton University under the following license." in table
    found = rows(table)
    # An instance ("Job" the prophet) is no kind of anything counted.
    assert "job" not in found
    assert set(found) == {"passenger", "patient", "person", "rider", "traveler"}
    # One synset for "passenger" and "rider"; the attribute sense is left out.
    assert found["passenger"][0] == found["rider"][0]
    nouns = CountedNouns(table)
    assert nouns.related("passenger", "person") and nouns.related("rider", "traveler")
    assert not nouns.related("passenger", "patient")


def test_the_command_writes_the_table_it_builds(tmp_path):
    out = io.StringIO()
    output = tmp_path / "out" / "nouns.tsv"
    call_command(
        "build_counted_nouns",
        "--wordnet",
        str(small_wordnet(tmp_path)),
        "--output",
        str(output),
        stdout=out,
    )
    assert output.read_text(encoding="utf-8") == build_table(tmp_path)
    assert "5 nouns" in out.getvalue()


def test_the_command_names_missing_or_broken_wordnet_files(tmp_path):
    with pytest.raises(CommandError, match="missing index.noun, data.noun"):
        call_command("build_counted_nouns", "--wordnet", str(tmp_path), "--output", "x.tsv")
    small_wordnet(tmp_path)
    (tmp_path / "data.noun").write_text("00000001 03 n zz\n", encoding="utf-8")
    with pytest.raises(WordNetError, match="data.noun line 1"):
        build_table(tmp_path)


@pytest.mark.slow
@pytest.mark.skipif(
    not (WORDNET / "data.noun").is_file(), reason="needs Debian's wordnet-base (WordNet 3.0)"
)
def test_rebuilding_from_wordnet_reproduces_the_shipped_table_byte_for_byte(tmp_path):
    output = tmp_path / "counted_nouns.tsv"
    call_command(
        "build_counted_nouns",
        "--wordnet",
        str(WORDNET),
        "--output",
        str(output),
        stdout=io.StringIO(),
    )
    assert output.read_bytes() == TABLE_PATH.read_bytes()
