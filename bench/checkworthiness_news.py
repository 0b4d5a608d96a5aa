"""How the check-worthiness model does on news prose (a report, never a tuning set).

    .venv/bin/python bench/checkworthiness_news.py [CLUSTERS_DIR] [-v]

Each ``cluster-*/`` of the news clusters holds articles and a ``gold.json``. An article is
parsed as the importer parses it (``sources.parsing.parse_text``: headline, metadata and
link tails removed) and split with the engine's ``split_sentences``. A sentence is labelled
Yes when it contains one of the article's gold ``key_phrase``s, No otherwise. The gold
lists the facts of the story, not every claim in an article, so some No sentences are
check-worthy claims about something else: precision here is a lower bound.
``noise`` lines (credits, captions, link tails) are counted on their own. For comparison
it also prints the engine's current rule-based extraction (a sentence counts as flagged
when a claim starts inside it) and answering Yes to everything. -v lists the sentences
the model gets wrong.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from factcheck.engine.checkworthiness import load_model  # noqa: E402
from factcheck.engine.checkworthiness_training import figures  # noqa: E402
from factcheck.engine.extraction import extract_claims  # noqa: E402
from factcheck.engine.sentences import split_sentences  # noqa: E402
from sources.parsing import parse_text  # noqa: E402

DEFAULT_CLUSTERS = ROOT.parent / "shared" / "eval" / "news-clusters"


def main(argv: list[str]) -> int:
    verbose = "-v" in argv
    args = [a for a in argv if a != "-v"]
    clusters_dir = Path(args[0]) if args else DEFAULT_CLUSTERS
    clusters = sorted(p.parent for p in clusters_dir.glob("cluster-*/gold.json"))
    if not clusters:
        print(f"error: no cluster-*/gold.json under {clusters_dir}", file=sys.stderr)
        return 2
    model = load_model()
    predicted: list[bool] = []
    actual: list[bool] = []
    # For comparison: the engine today, a sentence flagged when a claim starts inside it.
    engine: list[bool] = []
    missing_phrases = noise_seen = noise_flagged = 0
    for cluster in clusters:
        gold = json.loads((cluster / "gold.json").read_text(encoding="utf-8"))
        phrases: dict[str, list[str]] = {}
        for fact in gold["facts"]:
            for mention in fact["mentions"]:
                phrases.setdefault(mention["file"], []).append(mention["key_phrase"])
        noise: dict[str, list[str]] = {}
        for item in gold.get("noise", []):
            noise.setdefault(item["file"], []).append(item["text"])
        for name in gold["import_order"]:
            text = (cluster / name).read_text(encoding="utf-8")
            body = parse_text(text, name=name).body
            spans = split_sentences(body)
            sentences = [s.text for s in spans]
            claim_starts = [c.start for c in extract_claims(body)]
            engine += [any(s.start <= c < s.end for c in claim_starts) for s in spans]
            wanted = phrases.get(name, [])
            missing_phrases += sum(1 for k in wanted if not any(k in s for s in sentences))
            for sentence in sentences:
                label = any(k in sentence for k in wanted)
                score = model.score(sentence)
                predicted.append(score.checkworthy)
                actual.append(label)
                if any(n in sentence for n in noise.get(name, [])):
                    noise_seen += 1
                    noise_flagged += score.checkworthy
                if verbose and score.checkworthy != label:
                    kind = "missed" if label else "flagged"
                    print(f"{kind} {score.probability:.2f} {name}: {sentence[:110]}")
    print(
        f"{len(clusters)} clusters, {len(actual)} sentences, {sum(actual)} hold a gold key "
        f"phrase ({missing_phrases} key phrases not inside one body sentence: headline or "
        f"split); threshold {model.threshold:.2f}"
    )
    print(f"model:            {figures(predicted, actual).line()}")
    print(f"engine today:     {figures(engine, actual).line()}")
    print(f"Yes to all:       {figures([True] * len(actual), actual).line()}")
    print(f"noise lines left after parsing: {noise_seen}, flagged check-worthy: {noise_flagged}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
