"""Unnamed sourcing, read from the sentence's shape; sentences written for these tests."""

import datetime

import pytest

from factcheck.engine import extract_claims
from factcheck.engine.sourcing import anonymous_sentences, is_anonymous
from factcheck.engine.types import Kind


@pytest.mark.parametrize(
    "sentence",
    [
        "A person familiar with the bids said three firms had dropped out.",
        "Two council officials who requested anonymity said the audit found 14 errors.",
        "One of the engineers said the pumps had failed twice in May.",
        "According to a lawyer briefed on the case, the fine could reach $2 million.",
        "Invoices reviewed by The Harbour Post show the contractor billed 40 per cent more.",
        "A senior executive with knowledge of the talks put the price at €1.1 billion.",
        "Shipping sources put the repair bill at about $30m.",
        "The ferry operator is understood to have ordered two more vessels.",
        "It is understood that the board will meet again on Friday.",
        # Whatever a named outlet saw or obtained, whatever it is called.
        "Private polling seen by The Westgate Echo put the mayor nine points behind.",
        "Notes of the March meeting, seen by the Gazette, record the minister's request.",
        "A risk register obtained by Channel 9 lists the bridge as critical.",
        # The outlet itself, not named.
        "Staffing rotas obtained by this newspaper show 11 empty night shifts.",
        "Provisional tallies seen by this website put the loss at £4m.",
    ],
)
def test_unnamed_speakers_and_unpublished_documents_are_anonymous(sentence):
    assert is_anonymous(sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        "An official, Marta Ruiz, said the audit found 14 errors.",
        "Harbour mayor Dan Okoro said three firms had dropped out.",
        "The council's annual report shows the deficit narrowed to $3 million.",
        "Two people were injured when the crane collapsed, police said.",
        "The mayor said she understood why 300 families were angry.",
        "Our sources for the figures are the council's published accounts.",
        # Seen by someone as something is an opinion, not a document the outlet saw.
        "The ceasefire is seen by Western diplomats as a first step.",
        "The levy is seen by this government as a last resort.",
    ],
)
def test_named_sources_and_published_records_are_not(sentence):
    assert not is_anonymous(sentence)


def test_the_same_unnamed_source_carries_to_the_next_sentences_until_someone_is_named():
    flags = anonymous_sentences(
        [
            "A person briefed on the audit said the pumps were never inspected.",
            "The contractor was paid in full regardless, she said.",
            "Harbour mayor Dan Okoro said the audit would be published in June.",
            "He said the pumps were safe.",
        ]
    )
    assert flags == [True, True, False, False]


def test_a_figure_from_an_unnamed_source_is_a_flagged_quantity():
    body = "Two officials who spoke on condition of anonymity said the repairs cost $48 million."
    (claim,) = extract_claims(body, published=datetime.date(2026, 4, 2))
    assert claim.kind == Kind.QUANTITY
    assert claim.flags == ["anonymous_source"]


def test_the_thing_seen_goes_on_as_the_source_when_it_is_named_again():
    flags = anonymous_sentences(
        [
            "Inspection logs seen by The Valley Courier record a cracked weld in May.",
            "The logs show that the weld was never repaired.",
            "The operator's chief executive, Ana Lopes, said the line was safe.",
            "The logs were not published.",
        ]
    )
    assert flags == [True, True, False, False]


def test_the_same_unnamed_source_named_again_later_is_still_anonymous():
    flags = anonymous_sentences(
        [
            "A paramedic at the scene, who asked not to be named, told me 14 people were treated.",
            "The ambulances queued for an hour.",
            "Nobody had planned for this.",
            "Families waited outside.",
            "The same paramedic said two of the injured were children.",
            # Named again by a noun no unnamed source was introduced by: on the record.
            "The same spokesman said the hospital coped.",
        ]
    )
    assert flags == [True, False, False, False, True, False]


def test_a_document_the_reporter_has_seen_is_anonymous_sourcing():
    assert is_anonymous("An internal audit I have seen puts the overspend at £4.2m.")
    assert is_anonymous("Emails we have obtained show the contract was signed in May.")
    # The reporter's own experience is no document.
    assert not is_anonymous("I have seen floods like this before, the mayor said.")


@pytest.mark.parametrize(
    ("sentence", "anonymous"),
    [
        # A speech verb with a named subject says what unnamed people did or are.
        ("Councillor Ada Brook said some 40 workers had complained.", False),
        ("The minister told two officials to resign.", False),
        # After a comma, a quotation mark or a colon, or opening the sentence, the verb
        # turns to its speaker.
        ("The lift had failed twice, said one engineer.", True),
        ('"The lift failed twice," said a maintenance worker.', True),
        ("Said one engineer: the lift had failed twice.", True),
    ],
)
def test_an_unnamed_person_after_a_speech_verb_speaks_only_when_the_verb_turns_to_them(
    sentence, anonymous
):
    assert is_anonymous(sentence) is anonymous


@pytest.mark.parametrize(
    "sentence",
    [
        '"We can now keep two people in three out of hospital," said Dr Ines Marlow.',
        "“Some staff members told us the lifts were unsafe,” the mayor, Dan Okoro, said.",
    ],
)
def test_people_a_quotation_talks_about_are_not_its_source(sentence):
    assert not is_anonymous(sentence)


def test_an_unnamed_speaker_outside_a_quotation_still_is():
    assert is_anonymous('"The lifts were unsafe," one of the engineers said.')


@pytest.mark.parametrize(
    ("sentence", "anonymous"),
    [
        # "official" said of the review: a published record, not an unnamed person.
        ("The toll rose to 41, according to an official review published on Friday.", False),
        ("Costs doubled, according to an official estimate.", False),
        # A person: punctuation, a function word or what describes them follows.
        ("Costs doubled, according to an official.", True),
        ("Costs doubled, according to two officials familiar with the audit.", True),
        ("Costs doubled, according to one official and a lawyer.", True),
    ],
)
def test_an_official_record_is_not_an_unnamed_official(sentence, anonymous):
    assert is_anonymous(sentence) is anonymous
