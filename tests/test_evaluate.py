"""The extractor against the hand-annotated sets: floors that only ever rise."""
import pytest

from tally.evaluate import default_eval_dir, default_sets, evaluate, load_scorer

EVAL_DIR = default_eval_dir()
needs_sets = pytest.mark.skipif(not (EVAL_DIR / "score.py").is_file(),
                                reason=f"no evaluation sets at {EVAL_DIR}")

# Raised each time the extractor improves; never lowered.
FLOORS = {
    "fr": {"figure_f1": 0.96, "full_f1": 0.66},
    "en": {"figure_f1": 0.96, "full_f1": 0.67},
}
FIELD_FLOOR = 0.80


@pytest.fixture(scope="module")
def report(extractor):
    return evaluate(default_sets(EVAL_DIR), load_scorer(EVAL_DIR), extractor)


@needs_sets
@pytest.mark.slow
@pytest.mark.parametrize("lang", ["fr", "en"])
def test_evaluate_floor_per_language(report, lang):
    for metric, floor in FLOORS[lang].items():
        assert report[lang][metric] >= floor, (lang, metric, report[lang][metric])


@needs_sets
@pytest.mark.slow
@pytest.mark.parametrize("lang", ["fr", "en"])
def test_evaluate_field_floor(report, lang):
    low = {f: a for f, a in report[lang]["field_accuracy"].items() if a < FIELD_FLOOR}
    assert not low, low
