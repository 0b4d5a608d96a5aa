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
