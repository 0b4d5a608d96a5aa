"""Real reports of one port figure, imported through the ingest service (the claim engine
runs): the same day, four outlets, each in its own words, so none is a copy of another
and the engine groups the figure from all of them into one fact."""

from intake.services import IngestResult, ingest_article

WORDINGS = {
    "coastal": "The port of Mundra handled {ships} ships in March, the Adani Ports authority "
    "said on Tuesday.",
    "harbour": "Adani Ports said {ships} ships called at Mundra port in March, a record for "
    "the month, according to its monthly bulletin.",
    "gujarat": "Mundra port handled {ships} ships last month, Adani Ports officials said on "
    "Tuesday.",
    "kutch": "Mundra port handled {ships} ships in March, officials of Adani Ports said on "
    "Tuesday.",
}


def port_report(outlet: str, title: str, ships: int, name: str) -> bytes:
    """One outlet's report of the Mundra port figure, on the same day as the others,
    each in its own words (so that none is a copy of another)."""
    return (
        f"{title}\n\ndate 2025-04-02\nsource: {outlet}\n"
        f"url: https://{outlet.split()[0].lower()}.example/{name}\n\n"
        + WORDINGS[name].format(ships=ships)
        + "\n"
    ).encode()


def imported(outlet: str, title: str, ships: int, name: str) -> IngestResult:
    return ingest_article(source_file=f"{name}.txt", data=port_report(outlet, title, ships, name))
