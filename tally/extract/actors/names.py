"""Names in a sentence: noun phrases, the entity they name, names in unparsed text."""
from __future__ import annotations

import re

from .. import gazetteer
from ..gazetteer import Entity
from .words import BODY_LABELS, BODY_NOUNS, NP_DEPS, PERSON_LABELS, ROLE_NOUNS, SPEECH_VERBS

# A run of capitalised words, with the small words names contain ("Institute for the
# Study of War", "ministère de la Défense").
_NAME_RUN = re.compile(
    r"[A-ZÀ-ÝА-ЯІЇЄ][\w’'.-]*(?:\s+(?:(?:of|for|the|and|de|du|des|la|le|et|d['’]|l['’])\s*)*"
    r"[A-ZÀ-ÝА-ЯІЇЄ][\w’'.-]*){0,6}"
)
_CREDIT = re.compile(r"\b(?:selon|d['’]après|according to)\s+(.{1,80})", re.IGNORECASE)


def credited_unparsed(text: str, lang: str) -> Entity | None:
    """The known entity a "selon"/"according to" credits in a sentence with no parse."""
    found = _CREDIT.search(text)
    if found is None:
        return None
    # The credited phrase ends at the first comma: past it come other names ("Selon lui,
    # Poutine a accumulé…" credits no one, least of all Putin).
    phrase = re.split(r"[,;:]", found.group(1), maxsplit=1)[0]
    entity = gazetteer.lookup(phrase, lang)  # "selon le ministère russe de la Défense, …"
    if entity is not None:
        return entity
    for name in capitalised_runs(phrase):
        entity = lookup_run(name, lang)
        if entity is not None:
            return entity
    return None


def lookup_run(run: str, lang: str) -> Entity | None:
    """The entity a run of capitalised words names, or one of its parts ("Zelensky and
    Putin": Putin, the last), or its longest known ending ("Global steelmaker ArcelorMittal")."""
    parts = re.split(r"\s+(?:and|et)\s+", run)
    for part in reversed(parts):
        words = part.split()
        for start in range(len(words)):
            entity = gazetteer.lookup(" ".join(words[start:]), lang)
            if entity is not None:
                return entity
    return None


def capitalised_runs(text: str) -> list[str]:
    """Runs of capitalised words, the names an unparsed sentence may hold."""
    return [m.group() for m in _NAME_RUN.finditer(text)]


def has_speech_verb(text: str, lang: str) -> bool:
    """Whether `text` holds a speech verb, or a verb of giving details or figures ("le
    Guardian a donné des détails", "the ministry provided figures"), which reports too."""
    verbs = SPEECH_VERBS.get(lang, set())
    return any(word.lower() in verbs for word in re.findall(r"[\w-]+", text)) or bool(_GIVES_DETAILS.search(text))


_GIVES_DETAILS = re.compile(
    r"\b(?:donné|donne|donnent|fourni|fournit|fournissent|communiqué|gave|given|gives|provided|provides|released)"
    r"\s+(?:des|de|d['’]|ses|leurs|the|some|its|their|new|nouveaux|nouvelles)?\s*(?:\w+\s+)?"
    r"(?:détails|précisions|chiffres|details|figures|breakdown)\b", re.IGNORECASE)



def main_country(state: dict) -> Entity | None:
    """The country the document has named most so far ("according to authorities")."""
    counts = state.get("country_counts") or {}
    if not counts:
        return None
    name = max(counts, key=counts.get)
    return Entity(name, "country", name)


def noun_phrase(head) -> list:
    """The tokens of the noun phrase headed by `head`, without clauses or appositions."""
    tokens = [head]
    for child in head.children:
        if child.dep_ in NP_DEPS and child.dep_ != "punct":
            if child.dep_ in ("conj", "cc") and head.pos_ != "PROPN":
                continue
            tokens += noun_phrase(child)
    return sorted(tokens, key=lambda t: t.i)


def named_entity(tokens: list, lang: str, country: str | None = None) -> Entity | None:
    """The entity a phrase names: the phrase up to its head in the gazetteer, else a named
    entity of the parse with the noun it belongs to (as the text gives it when the
    gazetteer lacks it), else any ending of the phrase. `country`: of a bare ministry."""
    if not tokens:
        return None
    doc = tokens[0].doc
    indices = {t.i for t in tokens}
    head = next((t for t in tokens if t.head.i not in indices or t.head is t), tokens[-1])
    core = doc[tokens[0].i : head.i + 1]
    entity = _lookup_endings(core, lang, country)
    if entity is not None:
        return entity
    # Past its head, a phrase names its source only through a noun of sources ("data from
    # the UN", "un rapport des renseignements américains"), not any noun ("the warming
    # of relations between Germany and Russia").
    reach = tokens[-1].i
    if head.pos_ == "NOUN" and head.lower_ not in BODY_NOUNS | ROLE_NOUNS:
        own = [c for c in head.children if c.dep_ in ("amod", "compound", "flat", "flat:name", "poss")]
        reach = max([head.i] + [t.i for c in own for t in c.subtree])
    for ent in doc.ents:
        if (ent.start in indices or ent.end - 1 in indices) and ent.start <= reach:
            entity = resolve_ent(ent, lang, country)
            if entity is not None:
                return entity
    span = doc[tokens[0].i : reach + 1]
    return _lookup_endings(span, lang, country) if len(span) <= 12 else None


def resolve_ent(ent, lang: str, country: str | None = None) -> Entity | None:
    """The entity a named entity of the parse stands for, read with the noun it belongs
    to ("U.N." in "the U.N. High Commissioner for Refugees"); as the text gives it when
    the gazetteer lacks it; None for a label that names no person or body."""
    doc = ent.doc
    noun = ent.root
    while noun.dep_ in ("compound", "flat", "flat:name", "amod") and noun.head.pos_ in ("NOUN", "PROPN"):
        noun = noun.head
    phrase = noun_phrase(noun)
    if len(phrase) <= 12:
        for span in (doc[phrase[0].i : phrase[-1].i + 1], doc[phrase[0].i : noun.i + 1]):
            entity = _lookup_endings(span, lang, country)
            if entity is not None:
                return entity
    entity = gazetteer.lookup(ent.text, lang, country)
    if entity is not None:
        return entity
    if ent.label_ in PERSON_LABELS:
        return Entity(clean_name(ent.text), "person")
    if ent.label_ in BODY_LABELS:
        return Entity(clean_name(ent.text), "body")
    return None


def _lookup_endings(span, lang: str, country: str | None) -> Entity | None:
    """The gazetteer entry for the span, or for its longest ending that has one (not a
    lone demonym: "des sources russes" names no Russian body)."""
    text, first = span.text, span.start_char  # endings cut from the text: no Span built each
    for start, token in enumerate(span):
        ending = text[token.idx - first :]
        entity = gazetteer.lookup(ending, lang, country)
        if entity is not None and not (start and gazetteer.demonym(ending, strict=True)):
            return entity
    return None


def clean_name(text: str) -> str:
    text = re.sub(r"['’]s$", "", text.strip())
    return re.sub(r"^(?:(?:the|le|la|les)\s+|l['’]\s*)", "", text, flags=re.IGNORECASE).strip()




def ent_text(tok) -> str:
    for ent in tok.doc.ents:
        if ent.start <= tok.i < ent.end:
            return ent.text
    return tok.text


def as_actor(entity: Entity | None) -> str | None:
    """Actors are countries or organisations: a state organ acts for its country
    ("Russian forces": Russia), a known official too; unknown people are no actor."""
    if entity is None or entity.name in gazetteer.regions():
        return None  # "Kharkiv", "Belgorod": a place, whatever side holds it, acts for no one
    if entity.kind in ("state", "person"):
        return entity.country
    return entity.name
