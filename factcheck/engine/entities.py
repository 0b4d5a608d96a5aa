"""Normalised keys for what a sentence is about.

Keys are lower-case strings that should agree across articles written by
different hands: people by surname ("PM Narendra Modi" and "Modi" -> "modi"),
organisations by their head phrase with spelling variants folded
("India-Russia Inter-Governmental Commission on ..." -> "intergovernmental
commission"), countries from names and demonyms ("Russian" -> "russia"), pairs
of countries sorted ("Russian-Indian" -> "india-russia"), model designations
("Su-30MKI" -> "su-30mki", "su-30"), acronyms ("RELOS", "MoUs" -> "mou"), and
the head nouns next to numbers ("10 documents" -> "document").
"""

from __future__ import annotations

import re
from functools import lru_cache

from .quantities import STOP_WORDS, find_values, following, singular, word_set
from .quantities.numbers import NUMBER_WORDS
from .types import Value

# --- tables (small and general, not about any one story) --------------------

_COUNTRIES = word_set(
    """afghanistan argentina armenia australia austria azerbaijan bangladesh belarus belgium bhutan
    brazil canada chile china colombia cuba denmark egypt ethiopia finland france georgia germany
    greece hungary india indonesia iran iraq ireland israel italy japan jordan kazakhstan kenya
    kuwait lebanon malaysia maldives mexico mongolia myanmar nepal netherlands nigeria norway oman
    pakistan palestine peru philippines poland portugal qatar romania russia serbia singapore
    spain sweden switzerland syria taiwan tajikistan thailand turkey ukraine uzbekistan venezuela
    vietnam yemen"""
)
_MULTIWORD_COUNTRIES = {
    "sri lanka": "sri lanka",
    "saudi arabia": "saudi arabia",
    "south africa": "south africa",
    "south korea": "south korea",
    "north korea": "north korea",
    "new zealand": "new zealand",
    "united states": "united states",
    "united states of america": "united states",
    "united kingdom": "united kingdom",
    "united arab emirates": "united arab emirates",
    "european union": "european union",
    "soviet union": "soviet union",
}
_DEMONYMS = {
    "russian": "russia",
    "russo": "russia",
    "indian": "india",
    "indo": "india",
    "chinese": "china",
    "sino": "china",
    "american": "united states",
    "us": "united states",
    "u.s": "united states",
    "u.s.": "united states",
    "usa": "united states",
    "america": "united states",
    "british": "united kingdom",
    "britain": "united kingdom",
    "uk": "united kingdom",
    "u.k.": "united kingdom",
    "french": "france",
    "franco": "france",
    "german": "germany",
    "japanese": "japan",
    "pakistani": "pakistan",
    "ukrainian": "ukraine",
    "israeli": "israel",
    "iranian": "iran",
    "saudi": "saudi arabia",
    "turkish": "turkey",
    "brazilian": "brazil",
    "australian": "australia",
    "canadian": "canada",
    "italian": "italy",
    "spanish": "spain",
    "korean": "korea",
    "nepalese": "nepal",
    "nepali": "nepal",
    "bangladeshi": "bangladesh",
    "afghan": "afghanistan",
    "emirati": "united arab emirates",
    "uae": "united arab emirates",
    "soviet": "soviet union",
    "ussr": "soviet union",
    "european": "european union",
    "eu": "european union",
    "egyptian": "egypt",
    "iraqi": "iraq",
    "syrian": "syria",
    "belarusian": "belarus",
    "kazakh": "kazakhstan",
    "vietnamese": "vietnam",
    "indonesian": "indonesia",
    "malaysian": "malaysia",
    "mexican": "mexico",
    "polish": "poland",
    "swedish": "sweden",
    "norwegian": "norway",
    "dutch": "netherlands",
    "greek": "greece",
    "qatari": "qatar",
    "sri lankan": "sri lanka",
}
# Spelling variants folded inside keys.
_SPELLING = {
    "defense": "defence",
    "center": "centre",
    "organization": "organisation",
    "program": "programme",
    "labor": "labour",
    "modernization": "modernisation",
    "inter-governmental": "intergovernmental",
    "inter-government": "intergovernmental",
    "intergovernment": "intergovernmental",
    "military-technical": "military technical",
    "mous": "mou",
}
_TITLES = word_set(
    """president presidents minister ministers pm premier chancellor mr mrs ms dr prof secretary
    ambassador general gen spokesperson spokesman spokeswoman chairman chairperson chair ceo
    governor senator sen king queen prince princess sheikh emir pope envoy commissioner director
    chief mayor admiral colonel col captain capt lt lieutenant marshal justice judge mp mla shri
    smt sri"""
)
# Words that may stand before a title without being part of a name.
_TITLE_QUALIFIERS = word_set(
    """defence defense foreign home finance external affairs deputy vice former acting senior union
    state commerce trade interior prime army navy air staff first principal cabinet junior
    federal national"""
)
# Words that make a capitalised phrase an organisation, place or event, not a person.
_ORG_WORDS = word_set(
    """ministry commission committee council agreement treaty group union bank party centre center
    university forum organisation organization corporation limited ltd inc company government
    department office army navy force forces memorial summit association news media times post
    agency institute court parliament assembly house senate congress alliance partnership
    cooperation exchange support war day week ocean sea river mountains mountain region state
    republic federation kingdom city province district airport station port club foundation
    fund board authority service services academy school college hospital programme program
    initiative project mission conference ministry's talks dialogue pact accord corridor bloc
    economic cabinet kremlin pentagon"""
)
_PLACE_PREFIXES = word_set(
    "new north south east west saudi sri hong united costa el los san las st upper lower greater"
)
_CONNECTORS = frozenset(("of", "on", "for", "and", "the", "de", "&"))
# Capitalised at a sentence start only because they start it.
_COMMON_WORDS = word_set(
    """a an the this that these those there here it its he she they we i you his her their our my
    your but and or so yet if while when where after before since as at in on of for from by with
    without into over under about amid amidst despite during upon although though because however
    meanwhile moreover furthermore also still even just only not no nor both each every all some
    many most much more few several such other another any either neither what which who whom
    whose why how then thus hence therefore instead indeed perhaps maybe now today yesterday
    tomorrow far beyond behind between among across against toward towards through throughout
    following according addressing praising speaking upon once first second third last next
    meanwhile earlier later similarly likewise additionally finally overall crucially notably
    importantly economically politically strategically analysts officials experts sources critics
    observers agenda highlights read comments here key why how"""
)

_DOTTED_RE = re.compile(r"(?:[A-Za-z]\.)+")
_HAS_DIGIT_RE = re.compile(r"\d")
# Endings of common nouns and adjectives, rare in personal names ("Strategic Convergence").
_NOT_PERSON_ENDINGS = (
    "ic",
    "ive",
    "ous",
    "ing",
    "ism",
    "ity",
    "ment",
    "ness",
    "tion",
    "sion",
    "ance",
    "ence",
    "ship",
)
_NOT_NAME_ENDINGS = ("ly", "al", "ive", "ous", "ic", "ing", "ed", "ful", "less", "able", "ible")
_CALENDAR_WORDS = word_set(
    """monday tuesday wednesday thursday friday saturday sunday january february march april may
    june july august september october november december jan feb mar apr jun jul aug sep sept oct
    nov dec"""
)
# Abbreviations that are capitalised but name nothing ("Rs 500", "Mr", "Ltd").
# The speaker's "I" ("I'm told", "I've seen") and numbers in words at a line's start
# ("PRESENTER: Thirty-one schools") are capitalised but name nothing either.
_NOT_NAMES = word_set(
    """rs inr mr mrs ms dr no ltd inc co corp pvt plc llc fy i i'm i've i'd i'll i’m i’ve
    i’d i’ll"""
)
_CAPITALISED_ADJECTIVES = word_set("western eastern northern southern central")


def _in_words(word: str) -> bool:
    """A number written in words ("thirty-one", "Twelve")."""
    return all(part in NUMBER_WORDS for part in word.split("-"))


DESIGNATION_RE = re.compile(
    r"\b([A-Z][A-Za-z]{0,5})-(\d{1,4})([A-Z][A-Za-z]{0,4})?\b|\b([A-Z]{1,3})(\d{2,4})([A-Z]{0,3})\b"
)
_PLURAL_ACRONYM_RE = re.compile(r"[A-Z][A-Za-z]*[A-Z]s")


def _caps_neighbour(text: str, start: int, end: int) -> bool:
    before = text[max(0, start - 20) : start].split()[-1:]
    after = text[end : end + 20].split()[:1]
    for word in before + after:
        word = word.strip(",.:;-–()")
        if len(word) >= 2 and word.isupper():
            return True
    return False


# A whole word of letters with two or more capitals. Possessive runs: "[A-Za-z]*[A-Z]"
# backtracked through every capital of a long run ("AAAA...A1"), which is quadratic.
_ACRONYM_RE = re.compile(r"\b[A-Z][a-z]*+[A-Z][A-Za-z]*+\b")


def _fold(word: str) -> str:
    w = word.lower().replace("’", "'")
    w = _SPELLING.get(w, w)
    if w.startswith("inter-"):
        w = "inter" + w[6:]
    return w


def _country(word: str) -> str | None:
    w = word.lower().replace("’", "'").removesuffix("'s").rstrip(".")
    if w in _COUNTRIES:
        return w
    if w in _DEMONYMS:
        return _DEMONYMS[w]
    return _DEMONYMS.get(w + ".")


def _country_pair(word: str) -> str | None:
    """ "India-Russia", "Russian-Indian", "Indo-Russian" -> "india-russia"."""
    parts = word.replace("’", "'").removesuffix("'s").split("-")
    if len(parts) < 2:
        return None
    countries = [c for c in map(_country, parts) if c]
    if len(countries) == len(parts):
        return "-".join(sorted(set(countries)))
    return None


def _is_cap(token: str) -> bool:
    return token[0].isupper()


@lru_cache(maxsize=8192)
def _phrase_keys_cached(tokens: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(_phrase_keys(list(tokens)))


def _phrase_keys(tokens: list[str]) -> list[str]:
    """Keys for one run of capitalised tokens (connectors already inside)."""
    keys: list[str] = []
    # Leading countries, demonyms and country pairs are keys of their own.
    while tokens:
        first = tokens[0]
        pair = _country_pair(first)
        country = pair or _country(first)
        two = " ".join(t.lower() for t in tokens[:2])
        if two in _MULTIWORD_COUNTRIES and (
            len(tokens) == 2 or tokens[2].lower() not in _ORG_WORDS
        ):
            keys.append(_MULTIWORD_COUNTRIES[two])
            tokens = tokens[2:]
            continue
        if country is None:
            break
        rest = tokens[1:]
        # "Indian Ocean", "Indian Navy": the demonym belongs to a one-word name.
        if len(rest) == 1 and rest[0].lower() in _ORG_WORDS:
            keys.append(country)
            keys.append(" ".join(_fold(t) for t in tokens))
            return keys
        keys.append(country)
        tokens = rest
    while tokens and tokens[-1].lower() in _CONNECTORS:
        tokens = tokens[:-1]
    if not tokens:
        return keys
    lowers = [t.lower().replace("’", "'").removesuffix("'s") for t in tokens]
    # "Defence Ministers of India and Russia": a bare title, then what it governs.
    first_connector = next((i for i, w in enumerate(lowers) if w in _CONNECTORS), None)
    if first_connector and all(
        w in _TITLES or w in _TITLE_QUALIFIERS for w in lowers[:first_connector]
    ):
        return keys + _phrase_keys(tokens[first_connector + 1 :])
    title_at = [i for i, w in enumerate(lowers) if w.rstrip(".") in _TITLES]
    if title_at:
        name = tokens[title_at[-1] + 1 :]
        before = lowers[: title_at[-1]]
        if (
            1 <= len(name) <= 3
            and all(_is_cap(t) and t.lower() not in _CONNECTORS for t in name)
            and all(w.rstrip(".") in _TITLES or w in _TITLE_QUALIFIERS for w in before)
        ):
            keys.append(_fold(name[-1].replace("’", "'").removesuffix("'s")))
            return keys
        if not name:
            # Only a title ("Prime Minister"): not an entity key.
            return keys
    is_org = any(w in _ORG_WORDS for w in lowers) or any(w in _CONNECTORS for w in lowers)
    if len(tokens) == 1:
        if _PLURAL_ACRONYM_RE.fullmatch(tokens[0]):
            keys.append(singular(tokens[0]))
            return keys
        word = lowers[0].rstrip(".")
        if word.upper() == word and len(word) <= 1:
            return keys
        keys.append(_fold(word))
        return keys
    if (
        not is_org
        and lowers[0] not in _PLACE_PREFIXES
        and len(tokens) <= 3
        and "-" not in "".join(tokens)
        and not any(w.endswith(_NOT_PERSON_ENDINGS) for w in lowers)
    ):
        # Two or three plain capitalised words: a person; key on the surname.
        keys.append(_fold(lowers[-1]))
        return keys
    # An organisation or place: its head phrase, before the first connector,
    # or "ministry of defence" when the head is a single generic word.
    chunks: list[list[str]] = [[]]
    for t in tokens:
        if t.lower() in _CONNECTORS:
            chunks.append([])
        else:
            chunks[-1].append(t)
    chunks = [c for c in chunks if c]
    head = chunks[0]
    if len(head) == 1 and len(chunks) > 1:
        connector = next(t.lower() for t in tokens[len(head) :] if t.lower() in _CONNECTORS)
        head_key = f"{_fold(head[0])} {connector} " + " ".join(_fold(t) for t in chunks[1])
    else:
        head_key = " ".join(_fold(t) for t in head)
    keys.append(head_key.replace("'s", ""))
    return keys


_CAP_TOKEN = r"[A-Z][A-Za-z0-9’'\-.&]*"
# Capitalised tokens, possibly joined by lower-case connectors ("Ministry of Defense").
_RUN_RE = re.compile(
    rf"(?<![\w’'\-]){_CAP_TOKEN}(?:(?:\s+(?:of|on|for|and|the|de|&))*\s+{_CAP_TOKEN})*"
)
_FIRST_WORD_RE = re.compile(r"[A-Za-z]")
_LEADING_ARTICLES = frozenset(("the", "a", "an"))


@lru_cache(maxsize=4096)
def _runs(text: str) -> tuple[tuple[str, ...], ...]:
    """Runs of capitalised tokens, joined by connectors inside organisation names."""
    runs: list[tuple[str, ...]] = []
    first = _FIRST_WORD_RE.search(text)
    first_at = first.start() if first else -1
    for m in _RUN_RE.finditer(text):
        current: list[str] = []
        pending: list[str] = []
        for i, raw in enumerate(m.group(0).split()):
            tok = raw
            if tok.endswith(".") and not _DOTTED_RE.fullmatch(tok):
                tok = tok.rstrip(".")
            possessive = tok.endswith(("’s", "'s"))
            if possessive:
                tok = tok[:-2]
            # A closing quote glued to the word ends the run after it.
            quoted = tok.endswith(("’", "'"))
            tok = tok.rstrip("’'")
            if not tok:
                continue
            low = tok.lower()
            if low in _CONNECTORS and not tok[0].isupper() or low == "&":
                # "and" only joins inside "X of Y and Z" names.
                if current and (
                    low != "and" or any(t.lower() in ("of", "on", "for") for t in current)
                ):
                    pending.append(tok)
                elif current:
                    runs.append(tuple(current))
                    current, pending = [], []
                continue
            drop = (
                _HAS_DIGIT_RE.search(tok)
                or low in _NOT_NAMES
                or (len(m.group(0).split()) == 1 and _in_words(low))
                or low in _CALENDAR_WORDS
                or low in _CAPITALISED_ADJECTIVES
                or (not current and low in _LEADING_ARTICLES)
                or (
                    i == 0
                    and m.start() == first_at
                    and (low in _COMMON_WORDS or low.endswith(_NOT_NAME_ENDINGS))
                )
            )
            if drop:
                if current:
                    runs.append(tuple(current))
                current, pending = [], []
                continue
            current.extend(pending)
            pending = []
            current.append(tok)
            if possessive or quoted:
                runs.append(tuple(current))
                current = []
        if current:
            runs.append(tuple(current))
    return tuple(runs)


_WORD_RE = re.compile(r"[A-Za-z][A-Za-z'’\-]*")
_COUNTRY_KEYS = (
    frozenset(_COUNTRIES) | frozenset(_DEMONYMS.values()) | frozenset(_MULTIWORD_COUNTRIES.values())
)


def _is_country_key(key: str) -> bool:
    return all(part in _COUNTRY_KEYS for part in key.split("-"))


@lru_cache(maxsize=4096)
def is_headline(text: str) -> bool:
    """Title Case without a final full stop."""
    if text.rstrip().endswith((".", "!", "?", "”", '"', "’")):
        return False
    long_words: list[str] = [w for w in _WORD_RE.findall(text) if len(w) > 3]
    if len(long_words) < 6:
        return False
    return sum(w[0].isupper() for w in long_words) > 0.6 * len(long_words)


def designations(text: str) -> list[str]:
    """Model designations: "Su-30MKI" -> ["su-30mki", "su-30"], "S-400" -> ["s-400"]."""
    keys: list[str] = []
    for m in DESIGNATION_RE.finditer(text):
        if m.group(1):
            prefix, number, suffix = m.group(1), m.group(2), m.group(3)
        else:
            prefix, number, suffix = m.group(4), m.group(5), m.group(6)
            if prefix in ("FY", "Q", "H"):
                continue
        base = f"{prefix.lower()}-{number}"
        if suffix:
            keys.append(f"{base}{suffix.lower()}")
        keys.append(base)
    return keys


def _acronyms(text: str) -> list[str]:
    keys = []
    for m in _ACRONYM_RE.finditer(text):
        word = m.group(0)
        if len(word) > 12 or word.lower() in _TITLES or word.startswith("FY"):
            continue
        # A dateline or a shouted headline ("NEW DELHI, Dec 5"), not acronyms.
        if word.isupper() and _caps_neighbour(text, m.start(), m.end()):
            continue
        keys.append(singular(word) if _PLURAL_ACRONYM_RE.fullmatch(word) else word.lower())
    return keys


def value_nouns(text: str, values: list[Value], offset: int = 0) -> list[str]:
    """Head nouns next to values: units, and the noun a money or percent value measures
    ("bilateral trade reaching $68.7B" -> "trade", "$50B+ trade deficit" -> "trade", "deficit")."""
    keys: list[str] = []
    previous_end = 0
    for v in sorted(values, key=lambda v: v["span_start"]):
        unit = v.get("unit")
        if unit:
            keys.append(_fold(unit))
        start, end = v["span_start"] - offset, v["span_end"] - offset
        measured = v["type"] in ("money", "percent") or (v["type"] == "count" and not unit)
        if not measured or not 0 <= start <= end <= len(text):
            previous_end = max(previous_end, end)
            continue
        if v["type"] != "count":
            # "$50B+ trade deficit": the nouns right after the amount.
            for word, _, _ in following(text, end, limit=2):
                low = word.lower()
                if word.islower() and low not in _VERBISH:
                    keys.append(singular(word))
        # Back over verbs and particles (not into another value) to the noun measured.
        window = text[max(0, previous_end, start - 60) : start]
        for word in reversed(_BACK_WORD_RE.findall(window)[-4:]):
            low = word.lower()
            if not word.islower():
                break
            if low in STOP_WORDS or low.endswith(("ing", "ed")) or low in _VERBISH:
                continue
            keys.append(singular(low))
            break
        previous_end = end
    return keys


_BACK_WORD_RE = re.compile(r"[A-Za-z][A-Za-z'’\-]*")


_VERBISH = word_set(
    """rose fell grew hit stood stands reach reaches touch touched crossed cross worth valued
    totalled totaled amount amounts cost costs estimated approximately nearly about around some
    make makes made account accounts up rise rises fall falls climb climbs jump jumps drop drops
    per cent percent billion million crore lakh trillion thousand
    boost boosting increase increases decline declines"""
)


def find_entities(
    text: str,
    *,
    values: list[Value] | None = None,
    offset: int = 0,
    headline: bool | None = None,
) -> list[str]:
    """Normalised lower-case keys of what ``text`` is about, in order of appearance.

    ``values`` (with body offsets, ``offset`` being where ``text`` starts in the
    body) can be passed to avoid finding them again. ``headline`` says whether the
    text is set in Title Case (only countries and titled people are then kept);
    by default it is guessed, which a caller cutting clauses from a sentence
    should not leave to a fragment.

    >>> find_entities("PM Narendra Modi met Russian President Vladimir Putin on S-400 deliveries")
    ['modi', 'russia', 'putin', 's-400']
    """
    if not text or not text.strip():
        return []
    keys: list[str] = []
    if headline is None:
        headline = is_headline(text)
    for tokens in _runs(text):
        phrase_keys = list(_phrase_keys_cached(tokens))
        if headline and not any(t.lower() in _TITLES for t in tokens):
            # Title Case capitalises every word: keep only countries.
            phrase_keys = [k for k in phrase_keys if _is_country_key(k)]
        keys.extend(phrase_keys)
    keys.extend(designations(text))
    keys.extend(_acronyms(text))
    if values is None:
        values, offset = find_values(text), 0
    keys.extend(value_nouns(text, values, offset))
    seen: set[str] = set()
    out: list[str] = []
    for k in keys:
        k = k.strip(" .-'")
        if len(k) < 2 or k in seen or k in STOP_WORDS:
            continue
        seen.add(k)
        out.append(k)
    return out


def people(
    text: str, known: frozenset[str] = frozenset(), *, headline: bool | None = None
) -> list[str]:
    """Surname keys of people named in ``text``, in order: a title before the name,
    two or three plain capitalised words, or a single word in ``known`` (surnames
    already seen in full elsewhere in the article)."""
    if headline is None:
        headline = is_headline(text)
    return list(_people(text, known, headline))


@lru_cache(maxsize=4096)
def _people(text: str, known: frozenset[str], headline: bool) -> tuple[str, ...]:
    found: list[str] = []
    for tokens in _runs(text):
        if headline and not any(t.lower() in _TITLES for t in tokens):
            continue
        keys = _phrase_keys_cached(tokens)
        lowers = {t.lower() for t in tokens}
        if not keys:
            continue
        last = keys[-1]
        if " " in last or _is_country_key(last) or lowers & _ORG_WORDS:
            continue
        if len(tokens) >= 2 or lowers & _TITLES or last in known:
            found.append(last)
    return tuple(found)
