"""Shared fixtures: the real spaCy models (loaded once), and a Mention factory for stage tests."""
from __future__ import annotations

import pytest

from tally.extract import Extractor
from tally.extract import sentences as sentence_splitter
from tally.extract.mention import Figure, Mention, Sentence
from tally.models import Document

# Fixture modules of other parts of the suite (each a tests/<name>.py).
pytest_plugins: list[str] = ["db_fixtures", "browser_fixtures", "serve_fixtures"]


@pytest.fixture(scope="session")
def extractor() -> Extractor:
    """One Extractor for the whole session: each model loads once."""
    return Extractor()


@pytest.fixture(scope="session")
def make_mention(extractor):
    """Build a Mention for `quote` in `text`, parsed with the real model of `lang`.

    make_mention("Russia launched 420 drones.", "420", lang="en", published="2024-09-15")
    Earlier sentences of the text are available in mention.state["sentences"].
    The figure's value defaults to the quote read as a plain number.
    """

    def build(text: str, quote: str, lang: str = "en", published: str | None = "2024-09-15",
              value: float | None = None, unit: str = "count", bound: str = "exact",
              occurrence: int = 0, state: dict | None = None) -> Mention:
        start = -1
        for _ in range(occurrence + 1):
            start = text.index(quote, start + 1)
        end = start + len(quote)
        document = Document(id="test", text=text, lang=lang, published=published)
        sents = [Sentence(s, e, text[s:e], i) for i, (s, e) in enumerate(sentence_splitter.split(text))]
        sent = next(s for s in sents if s.start <= start < s.end)
        sent.doc = extractor.nlp(lang)(sent.text)
        if value is None:
            value = float(quote.replace(",", "").replace(" ", ""))
        figure = Figure(start, end, quote, value, unit=unit, bound=bound)
        shared = state if state is not None else {}
        shared.setdefault("sentences", sents)
        return Mention(document, sent, figure, lang, state=shared)

    return build
