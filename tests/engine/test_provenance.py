import itertools
import os
import subprocess
import sys
import time
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from factcheck.engine.provenance import compare, fingerprint, normalise_words

ROOT = Path(__file__).resolve().parents[2]
SEEDS = ROOT / "seeds"

PUTIN = (
    "The upcoming visit of Russian President Vladimir Putin to India, scheduled for "
    "December 4-5, further highlights the strategic importance of this partnership."
)

WIRE_STORY = """\
Defence ministers of the two countries met in New Delhi on Thursday to review a long list of \
joint projects, from shipbuilding to missile development, officials said.

The talks, held at the Manekshaw Centre, ran for more than three hours and ended with a joint \
statement that both sides described as substantive.

Rajnath Singh told reporters that the partnership had withstood sanctions, pandemics and a \
changing security environment in the Indian Ocean.

His counterpart said deliveries of the remaining air defence squadrons would be completed by \
the end of next year, according to a readout from the ministry.

Officials familiar with the discussions said a decision on co-producing spare parts in India \
could come before the annual summit in December.

Opposition parties in parliament have questioned the cost of the programme and the secrecy \
around its payment arrangements.
"""


def seed(prefix: str) -> str:
    return next(SEEDS.glob(f"{prefix}_*.txt")).read_text(encoding="utf-8")


def syndicate(text: str) -> str:
    """A syndicated copy: new headline, a sentence dropped, words swapped, a credit."""
    paragraphs = text.split("\n\n")
    del paragraphs[4]
    body = "\n\n".join(paragraphs)
    body = body.replace("said", "stated", 1).replace("questioned", "criticised")
    return "India, Russia review defence projects\n\n" + body + "\n(With inputs from ANI)\n"


def test_seed_000_and_001_share_an_origin():
    evidence = compare(seed("000"), seed("001"))
    assert evidence is not None
    assert evidence.relation == "rewrite"
    assert evidence.shared_lead
    texts = " | ".join(p.text for p in evidence.passages)
    assert (
        "marks a pivotal moment in the evolving relationship between Moscow and New Delhi" in texts
    )
    assert "scheduled for December 4-5" in texts
    assert "Droupadi Murmu and Prime Minister Narendra Modi" in texts
    assert "Rewrite" in evidence.summary


def test_independent_seed_reports_are_not_linked():
    for a, b in itertools.combinations(["000", "001", "002", "003", "004"], 2):
        if {a, b} == {"000", "001"}:
            continue
        assert compare(seed(a), seed(b)) is None, (a, b)


def test_seed_000_and_001_meet_through_their_keys():
    assert fingerprint(seed("000")).keys & fingerprint(seed("001")).keys


def test_syndicated_copy_with_light_edits_is_a_copy():
    copy = syndicate(WIRE_STORY)
    evidence = compare(WIRE_STORY, copy, wire_b="(With inputs from ANI)")
    assert evidence is not None
    assert evidence.relation == "copy"
    assert evidence.containment > 0.8
    assert not evidence.same_wire
    assert fingerprint(WIRE_STORY).keys & fingerprint(copy).keys


def test_same_wire_alone_is_not_evidence():
    other = (
        "Flood waters receded across the coastal district on Monday as relief teams reached "
        "villages cut off for a week. Farmers counted their losses and the state asked for "
        "central aid to rebuild roads, bridges and schools before the monsoon returns."
    )
    assert (
        compare(WIRE_STORY, other, wire_a="Based On ANI Report", wire_b="(With inputs from ANI)")
        is None
    )


def test_same_wire_is_reported_with_other_evidence():
    evidence = compare(
        WIRE_STORY,
        syndicate(WIRE_STORY),
        wire_a="Based On ANI Report",
        wire_b="(With inputs from ANI)",
    )
    assert evidence is not None
    assert evidence.same_wire
    assert "ANI" in evidence.summary


def test_passages_map_back_to_both_bodies():
    a, b = seed("000"), seed("001")
    evidence = compare(a, b)
    assert evidence is not None
    for p in evidence.passages:
        assert a[p.a_start : p.a_end] == p.text
        assert normalise_words(a[p.a_start : p.a_end]) == normalise_words(b[p.b_start : p.b_end])
        assert len(normalise_words(p.text)) >= 8


def test_normalise_words_unifies_case_quotes_and_hyphens():
    assert normalise_words("Belousov’s “Inter-Governmental” visit—today") == normalise_words(
        'belousov\'s "inter governmental" visit - today'
    )


def test_fingerprint_keys_are_stable_across_processes():
    fp = fingerprint(PUTIN, wire_credit="(With inputs from ANI)")
    assert "b0:b316898f0f86" in fp.keys
    assert "l:10984344d726" in fp.keys
    assert "w:ani" in fp.keys
    code = (
        "from factcheck.engine.provenance import fingerprint;"
        f"print(sorted(fingerprint({PUTIN!r}, wire_credit='(With inputs from ANI)').keys))"
    )
    for hash_seed in ("12345",):
        out = subprocess.run(
            [sys.executable, "-c", code],
            capture_output=True,
            text=True,
            check=True,
            cwd=ROOT,
            env={**os.environ, "PYTHONHASHSEED": hash_seed, "PYTHONPATH": str(ROOT)},
        ).stdout
        assert out.strip() == repr(sorted(fp.keys))


def test_fingerprint_is_bounded():
    for prefix in ("000", "001", "002", "003", "004"):
        fp = fingerprint(seed(prefix), wire_credit="Based On ANI Report")
        assert 16 <= len(fp.keys) <= 41
        assert fp.shingle_count > 100
    assert fingerprint("").keys == frozenset()


def test_both_wire_credit_styles_give_one_key():
    a = fingerprint(PUTIN, wire_credit="Based On PTI Report").keys
    b = fingerprint(PUTIN, wire_credit="(With inputs from PTI)").keys
    assert a == b


def test_compare_and_fingerprint_are_fast():
    a, b = seed("000"), seed("004")
    start = time.perf_counter()
    for _ in range(20):
        compare(a, b)
        fingerprint(a)
    # A few ms each on a quiet machine; generous for a loaded CI box.
    assert (time.perf_counter() - start) / 20 < 0.1


words = st.sampled_from(
    [
        "the",
        "visit",
        "of",
        "india",
        "russia",
        "trade",
        "deal",
        "talks",
        "minister",
        "said",
        "on",
        "december",
    ]
)
texts = st.lists(words, min_size=1, max_size=60).map(" ".join)


@given(texts)
@settings(max_examples=60, deadline=None)
def test_an_article_is_a_copy_of_itself(text):
    evidence = compare(text, text)
    assert evidence is not None
    assert evidence.relation == "copy"
    assert evidence.similarity == 1.0


@given(texts, texts, st.lists(words, min_size=8, max_size=20).map(" ".join), texts)
@settings(max_examples=80, deadline=None)
def test_passage_offsets_always_map_back(prefix, middle, shared, suffix):
    a = f"{prefix}. {shared}, {middle}!"
    b = f"“{suffix}” — {shared.upper()} ({prefix})"
    evidence = compare(a, b)
    if evidence is None:
        return
    for p in evidence.passages:
        assert a[p.a_start : p.a_end] == p.text
        assert normalise_words(a[p.a_start : p.a_end]) == normalise_words(b[p.b_start : p.b_end])


@given(texts, texts)
@settings(max_examples=60, deadline=None)
def test_compare_is_symmetric_in_its_verdict(a, b):
    ab, ba = compare(a, b), compare(b, a)
    assert (ab is None) == (ba is None)
    if ab and ba:
        assert ab.similarity == ba.similarity
