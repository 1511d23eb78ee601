"""Score the extractor against hand-annotated sets with the project's scorer (score.py)."""
from __future__ import annotations

import importlib.util
import json
import os
import tempfile
from collections.abc import Iterable
from pathlib import Path

from .errors import TallyError
from .extract import Extractor
from .ingest.jsonl import parse_jsonl
from .report import Report


def default_eval_dir() -> Path:
    """$TALLY_EVAL_DIR, else ../shared/eval beside the repository root, else ./shared/eval."""
    env = os.environ.get("TALLY_EVAL_DIR")
    if env:
        return Path(env)
    root = Path(__file__).resolve().parents[1]
    candidates = (root.parent / "shared" / "eval", Path.cwd().parent / "shared" / "eval",
                  Path("/work/shared/eval"))  # where the shared sets live on our machines
    for candidate in candidates:
        if candidate.is_dir():
            return candidate
    return root.parent / "shared" / "eval"


def default_sets(eval_dir: Path) -> list[tuple[Path, Path]]:
    """(docs, gold) pairs: seeds and every *-dev set under eval_dir."""
    names = ["seeds"] + sorted(p.name for p in eval_dir.glob("*-dev") if p.is_dir())
    pairs = [(eval_dir / n / "docs.jsonl", eval_dir / n / "gold.jsonl") for n in names]
    pairs = [(d, g) for d, g in pairs if d.is_file() and g.is_file()]
    if not pairs:
        raise TallyError(
            f"no evaluation sets under {eval_dir}: expected seeds/ and *-dev/ folders with "
            "docs.jsonl and gold.jsonl (set TALLY_EVAL_DIR or pass --docs/--gold)"
        )
    return pairs


def load_scorer(eval_dir: Path):
    """The score.py module that sits in eval_dir."""
    path = eval_dir / "score.py"
    if not path.is_file():
        raise TallyError(f"no scorer at {path} (set TALLY_EVAL_DIR to the folder of score.py)")
    spec = importlib.util.spec_from_file_location("tally_score", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def predict(docs_paths: Iterable[Path], extractor: Extractor, report: Report) -> list[dict]:
    """Claim records for every document of the given docs.jsonl files."""
    records = []
    for path in docs_paths:
        with open(path, encoding="utf-8") as lines:
            documents = parse_jsonl(lines, str(path), report)
            for _document, claims in extractor.extract_many(documents, report):
                records += [c.to_record() for c in claims]
    return records


def evaluate(pairs: list[tuple[Path, Path]], scorer, extractor: Extractor | None = None,
             errors: int = 0, json_out: str | None = None) -> dict:
    """Run the extractor over the docs of `pairs`, print score.py's table, return its report."""
    extractor = extractor or Extractor()
    report = Report()
    records = predict([d for d, _ in pairs], extractor, report)
    with tempfile.NamedTemporaryFile("w", suffix=".jsonl", delete=False, encoding="utf-8") as f:
        for record in records:
            f.write(json.dumps(record, ensure_ascii=False) + "\n")
        pred = f.name
    argv = []
    for docs, gold in pairs:
        argv += ["--docs", str(docs), "--gold", str(gold)]
    argv += ["--pred", pred, "--errors", str(errors)]
    if json_out:
        argv += ["--json", json_out]
    try:
        scorer.main(argv)
    except SystemExit as stop:  # score.py exits 0 after printing its table
        if stop.code not in (0, None):
            raise TallyError(f"score.py stopped: {stop.code}") from None
    finally:
        docs = [scorer.load_jsonl(d) for d, _ in pairs]
        gold = [scorer.load_jsonl(g) for _, g in pairs]
        result, _ = scorer.score(sum(docs, []), sum(gold, []), scorer.load_jsonl(pred))
        os.unlink(pred)
    return result
