from factcheck.engine.extraction import extract_claims
from factcheck.engine.features import FIGURE_MARK, article_figures, article_names
from factcheck.engine.types import ExtractedClaim


def test_an_institution_named_by_its_place_gives_the_place_as_the_articles_name():
    # Generic by its head ("police department", "council"), each still places the
    # article: both reports of one town's story share "marston".
    wire = article_names(
        "The Marston Police Department said 14 officers were hurt. The Marston Police "
        "Department later raised the figure.",
        "Officers hurt in Marston",
    )
    paper = article_names(
        "Police in Marston said on Sunday that 14 officers needed treatment after the march.",
        "",
    )
    assert "marston" in wire
    assert "marston" in paper
    # A head alone names no place.
    assert "police department" not in wire


def test_a_name_of_several_capitalised_words_counts_at_a_sentence_start():
    # The trade paper names the council only where its sentences start.
    names = article_names(
        "Dunmere County Council's gap has grown to £41m. Dunmere County Council will vote "
        "on Thursday.",
        "Budget gap widens before vote",
    )
    assert "dunmere" in names
    # A headline capitalises every word: its first words are no name.
    assert "budget gap" not in article_names("The gap grew.", "Budget Gap Widens Before Vote")


def _claims(body: str) -> list[ExtractedClaim]:
    return extract_claims(body, seconds=None)


def test_an_articles_exact_figures_are_spelt_one_way_whatever_the_wording():
    wire = article_figures(
        _claims("The board approved a £317.4m budget. It will cut 2,417 posts by April.")
    )
    paper = article_figures(
        _claims("A budget of £317.4 million was approved, and 2,417 jobs will go.")
    )
    assert set(wire) == set(paper) == {"=money:3.174e+08:GBP", "=count:2417"}
    assert all(f.startswith(FIGURE_MARK) for f in wire)


def test_round_or_hedged_figures_place_no_article():
    # "about 2,400" is rounded by each outlet its own way; "£40m" and "12" are figures
    # many stories share.
    assert (
        article_figures(_claims("About 2,400 people left. The plan costs £40m and 12 ships.")) == ()
    )
