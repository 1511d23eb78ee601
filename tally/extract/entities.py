"""Named entities by rule: runs of proper nouns, typed through the gazetteer.

The statistical NER of the spaCy models costs about as much as the rest of their
pipeline together; the stages only need to know where names are and whether a name is
a person, a body or a place, which the tagger and the gazetteer tell.
"""
from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc, Span

from . import gazetteer

NAME = "tally_entities"
# The labels of the models' own NER, by language, so the stages read them alike.
_LABELS = {
    "fr": {"person": "PER", "body": "ORG", "state": "ORG", "country": "LOC", None: "MISC"},
    "en": {"person": "PERSON", "body": "ORG", "state": "ORG", "country": "GPE", None: "MISC"},
}
# How many tokens past a name a known longer name may reach ("Croissant-Rouge palestinien",
# "Fonds européen pour la paix").
_LONGEST = 5


@Language.component(NAME)
def find_entities(doc: Doc) -> Doc:
    """Set doc.ents to the names of the text: known names first, then proper-noun runs."""
    lang = doc.lang_ if doc.lang_ in _LABELS else "en"
    spans, i = [], 0
    while i < len(doc):
        if not _may_start_name(doc[i]):
            i += 1
            continue
        end, entity = _known_name(doc, i, lang)
        if entity is None:
            end = i + 1
            while end < len(doc) and _continues_name(doc[end]):
                end += 1
            if not (doc[i].pos_ == "PROPN" or doc[i].i > 0 or end - i > 1):
                i += 1  # a capitalised first word of a sentence, no known name
                continue
        label = _LABELS[lang][entity.kind if entity else None]
        words = {t.lower_ for t in doc[i:end]}
        if entity is None and words & _BODY_WORDS:
            label = "ORG"  # "Defense Ministry", "Kiel Institute": a body, known or not
        elif entity is None and end - i >= 2 and all(t.is_title for t in doc[i:end]):
            label = _LABELS[lang]["person"]  # "Peter Fraunholtz": two capitalised names
        elif entity is not None and entity.kind == "country" and end - i == 1 and doc[i].pos_ == "ADJ" and lang == "en":
            label = "NORP"  # "Ukrainian": a demonym, as the English models label it
        spans.append(Span(doc, i, end, label=label))
        i = end
    doc.ents = spans
    return doc


def _known_name(doc: Doc, start: int, lang: str):
    """(end, entity) of the longest name the gazetteer knows from `start`, or (start, None)."""
    limit = min(len(doc), start + _LONGEST + 1)
    stop = next((k for k in range(start + 1, limit) if doc[k].is_punct and doc[k].text not in "-'’"), limit)
    inside = start + 1
    while inside < stop and (doc[inside].pos_ in _INSIDE_POS or doc[inside].is_title):
        inside += 1  # no name runs across a possessive, a verb or punctuation
    for end in range(inside, start, -1):
        if not (doc[end - 1].is_title or doc[end - 1].pos_ in ("PROPN", "ADJ", "NOUN") or doc[end - 1].is_upper):
            continue
        entity = gazetteer.lookup(doc[start:end].text, lang)
        if entity is not None:
            return end, entity
    return start, None


_INSIDE_POS = {"PROPN", "NOUN", "ADJ", "DET", "ADP", "X"}


def _may_start_name(token) -> bool:
    if token.lower_ in _CALENDAR:
        return False
    if token.is_lower or not (token.pos_ == "PROPN" or token.is_title or (token.is_upper and len(token) > 1)):
        return False
    # The tagger may call a name it does not know a pronoun ("Poutine a dit"): ask the gazetteer.
    return token.pos_ not in _FUNCTION_POS or gazetteer.lookup(token.text, token.doc.lang_) is not None


# Head words of bodies: a name with one of them is an organisation, not a person.
_BODY_WORDS = {
    "ministry", "ministère", "council", "conseil", "bank", "banque", "institute", "institut",
    "agency", "agence", "forces", "force", "army", "armée", "office", "service", "services",
    "committee", "comité", "commission", "parliament", "parlement", "government", "gouvernement",
    "department", "university", "université", "centre", "center", "group", "groupe", "company",
    "corporation", "fund", "fonds", "union", "organization", "organisation", "association",
    "foundation", "fondation", "court", "cour", "tribunal", "assembly", "assemblée", "senate", "sénat",
    "command", "commandement", "staff", "état-major", "guard", "garde", "police", "navy", "marine",
}
# "The", "Il", "Selon": capitalised at the start of a sentence, never a name.
_FUNCTION_POS = {"DET", "ADP", "PRON", "AUX", "CCONJ", "SCONJ", "PART", "PUNCT", "NUM", "VERB"}
# Months and weekdays are capitalised in English but name no one.
_CALENDAR = {
    "january", "february", "march", "april", "may", "june", "july", "august", "september",
    "october", "november", "december", "monday", "tuesday", "wednesday", "thursday", "friday",
    "saturday", "sunday", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct",
    "nov", "dec",
}


def _continues_name(token) -> bool:
    if token.lower_ in _CALENDAR or token.is_lower:
        return False
    return token.pos_ == "PROPN" or (token.is_title and token.pos_ in ("NOUN", "ADJ", "X", "ADV", "PRON"))
