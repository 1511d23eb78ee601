"""Language of a document, when its record does not say."""
from __future__ import annotations

import functools

SUPPORTED = ("fr", "en")
# The first characters are enough for an article, and keep a 50 MB file fast.
_SAMPLE_CHARS = 5000
# Below this probability the top guess is not trusted over a supported language:
# short texts ("Huit pays.", "140 000 drones") get near-random guesses.
_MIN_CONFIDENCE = 0.5


@functools.lru_cache(maxsize=1)
def _identifier():
    """py3langid's identifier with probabilities, loaded on first use."""
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)


def detect(text: str) -> str:
    """ISO 639-1 code of the main language of `text` ('fr', 'en', 'de', ...).

    'und' when the text has no letters. When the guess is unsure and not French or
    English, the likelier of French and English wins: tally reads news in those two.
    >>> detect("Russland hat in der Nacht 44 Drohnen gestartet, sagte die Luftwaffe.")
    'de'
    """
    sample = text[:_SAMPLE_CHARS]
    if not any(char.isalpha() for char in sample):
        return "und"
    identifier = _identifier()
    code, confidence = identifier.classify(sample)
    if code in SUPPORTED or confidence >= _MIN_CONFIDENCE:
        return code
    return next(lang for lang, _ in identifier.rank(sample) if lang in SUPPORTED)
