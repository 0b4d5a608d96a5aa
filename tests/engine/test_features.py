from factcheck.engine.features import article_names


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
