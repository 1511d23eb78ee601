"""Figure, Sentence and Mention: what the extraction stages read and fill in."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from ..models import Document


@dataclass
class Figure:
    """A number found in the text, before anything else is known about it.

    `start`/`end` are absolute character offsets in the document text.
    """

    start: int
    end: int
    quote: str
    value: float
    unit: str = "count"
    bound: str = "exact"
    kind: str = "number"  # number | word | multiple | vague | percent | money | measure
    unit_end: int | None = None  # end offset of the unit words after the quote, if any
    factor: float = 1.0  # the magnitude the value was multiplied by ("million": 1e6)


@dataclass
class Sentence:
    """A sentence of the document: its text, offsets and (when parsed) its spaCy Doc."""

    start: int
    end: int
    text: str
    index: int
    doc: Any = None  # spacy.tokens.Doc of `text`, or None for rules only


@dataclass
class Mention:
    """One figure in its sentence and document; stages fill the claim fields."""

    document: Document
    sentence: Sentence
    figure: Figure
    lang: str
    fields: dict = field(default_factory=dict)
    state: dict = field(default_factory=dict)  # shared by the mentions of one document
    _tokens: list | None = field(default=None, repr=False, compare=False)

    @property
    def rel_start(self) -> int:
        """Start of the figure, relative to its sentence."""
        return self.figure.start - self.sentence.start

    @property
    def rel_end(self) -> int:
        return self.figure.end - self.sentence.start

    @property
    def before(self) -> str:
        """Sentence text before the figure."""
        return self.sentence.text[: self.rel_start]

    @property
    def after(self) -> str:
        """Sentence text after the figure."""
        return self.sentence.text[self.rel_end :]

    def tokens(self):
        """The spaCy tokens of the figure (an empty list when the sentence was not parsed)."""
        if self._tokens is None:
            if self.sentence.doc is None:
                self._tokens = []
            else:
                span = self.sentence.doc.char_span(self.rel_start, self.rel_end, alignment_mode="expand")
                self._tokens = list(span) if span is not None else []
        return self._tokens
