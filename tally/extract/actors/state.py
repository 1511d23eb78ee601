"""Document state for the actor and speaker rules: what the sentences before this one named.

mention.state keeps the last person, body and speaker named, how often each country was
named, and the speaker of a quotation still open.
"""
from __future__ import annotations

import re

from .. import gazetteer
from ..mention import Mention
from .names import capitalised_runs, credited_unparsed, has_speech_verb, lookup_run, resolve_ent
from .speaker.cues import sentence_source, source_author
from .speaker.naming import untied_unparsed
from .words import BODY_LABELS, DEFINITE, PERSON_LABELS, PLACE_LABELS


# How many sentences back a pronoun's antecedent may be named.
PRONOUN_REACH = 1


def advance(mention: Mention) -> None:
    """Read the sentences before this one that were not read yet: remember the last
    person and body named, and the speaker of a quotation still open."""
    state = mention.state
    if "acronyms" not in state:
        state["acronyms"] = acronyms(mention.document.text)
    done = state.get("actors_read", -1)
    text = mention.document.text
    for sent in state.get("sentences", []):
        if done < sent.index < mention.sentence.index:
            _end_quote_at_paragraph(state, sent, text)
            _remember(state, sent, mention.lang)
            state["actors_read"] = sent.index
    _end_quote_at_paragraph(state, mention.sentence, text)


_OPENING_QUOTES = ("«", "“", '"')


def _end_quote_at_paragraph(state: dict, sent, text: str) -> None:
    """A quotation left open goes on into a new paragraph only when that paragraph opens
    with a quotation mark (the press convention): otherwise the quotation has ended."""
    sents = state.get("sentences", [])
    if not state.get("quote_depth") or not 0 < sent.index <= len(sents):
        return
    before = sents[sent.index - 1]
    if "\n" in text[before.end : sent.start] and not sent.text.lstrip().startswith(_OPENING_QUOTES):
        state["open_quote"], state["quote_depth"] = None, 0


def _remember(state: dict, sent, lang: str) -> None:
    opener = None  # who this sentence credits, Entity(name="") for no one
    if sent.doc is not None:
        for ent in sent.doc.ents:
            _note_named(state, ent, _note_entity(state, ent, lang), lang, sent.index)
        opener = sentence_source(sent.doc, lang, state, None)
        author = source_author(sent.doc, lang, state)
        if author is not None:
            state["last_source"] = author
        speaker = opener if opener is not None and opener.name else None
        if speaker is not None:
            state["last_speaker"] = speaker
            introduces = sent.text.rstrip().endswith(":")
            state["previous_speaker"] = (sent.index, speaker, introduces)
    else:
        speaker = None
        for name in capitalised_runs(sent.text):
            entity = lookup_run(name, lang)
            if entity is not None and not gazetteer.demonym(name, strict=True):
                _note(state, entity, sent.index)
            if entity is not None and entity.kind == "country":
                _count_country(state, entity.name)  # what "officials" speak for
            if entity is not None and entity.kind in ("person", "body", "state"):
                state["last_person" if entity.kind == "person" else "last_body"] = entity
                speaker = entity

        # Unparsed: a known name after "selon"/"according to", or before a speech verb
        # that opens a quotation or ends the sentence on a colon; no one after "selon un
        # sondage" (not a name further on in the sentence).
        opener = untied_unparsed(sent.text)
        credited = credited_unparsed(sent.text, lang) if opener is None else None
        introduces = sent.text.rstrip().endswith(":")
        opening = re.search(r"[:,]\s*[«“\"]", sent.text)
        if credited is None and (opening or introduces) and has_speech_verb(
                sent.text[: opening.start() if opening else len(sent.text)], lang):
            credited = _opening_name(sent.text, lang) or speaker
        if credited is not None:
            state["last_speaker"] = credited
            state["previous_speaker"] = (sent.index, credited, introduces)
        opener = credited or opener
    # A quotation this sentence opens is its own cue's ("selon un sondage, « …": no one's),
    # else the last speaker's.
    opener = opener if opener is not None else state.get("last_speaker")
    depth = state.get("quote_depth", 0)
    state["quote_depth"] = _quote_depth(sent.text, depth)
    # The speaker of the quotation still open: whoever opened it, None if no one known.
    state["open_quote"] = (state.get("open_quote") if depth else opener) if state["quote_depth"] else None


def _opening_name(text: str, lang: str):
    """The name that opens an unparsed sentence, its subject ("Olena Petrenko, directrice
    d'une usine de Dnipro, a expliqué :"), not a place further on: a known person or body,
    or two or three capitalised words the gazetteer lacks (a person); else None."""
    runs = capitalised_runs(text)
    if not runs or not text.lstrip().startswith(runs[0]):
        return None
    entity = lookup_run(runs[0], lang)
    if entity is not None:
        return entity if entity.kind != "country" else None
    words = runs[0].split()
    if 2 <= len(words) <= 3 and words[0].lower() not in DEFINITE and not {w.lower() for w in words} & _DATE_WORDS:
        return gazetteer.Entity(runs[0], "person")
    return None


# Words of a capitalised run that dates rather than names ("On Saturday", "Last March").
_DATE_WORDS = {
    "on", "in", "last", "next", "since", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday",
    "sunday", "january", "february", "march", "april", "june", "july", "august", "september",
    "october", "november", "december", "lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi",
    "dimanche",
}


# "the Open Source Centre (OSC)", "l'Office français de protection des réfugiés (Ofpra)"
_SPELLED_OUT = re.compile(
    r"\b([A-ZÀ-Ý][\w’'-]+(?:\s+(?:(?:of|for|the|and|on|de|du|des|la|le|et|pour|d['’]|l['’])\s*)*"
    r"[A-Za-zÀ-ÿ][\w’'-]+){1,8})\s*\(([A-Z][A-Za-z]{1,7})\)"
)


_SMALL_WORDS = {"of", "for", "the", "and", "on", "de", "du", "des", "la", "le", "et", "pour", "d'", "l'",
                "d’", "l’"}


def acronyms(text: str) -> dict[str, str]:
    """Acronym -> the name the text spells it out as, when the acronym's letters are the
    initials of the name's capitalised words: {"OSC": "Open Source Centre"}."""
    found: dict[str, str] = {}
    for match in _SPELLED_OUT.finditer(text):
        words, short = match.group(1).split(), match.group(2)
        words = [re.sub(r"^[ldLD]['’]", "", w) for w in words]  # "l'Office" -> "Office"
        # The name ends where its initials spell the acronym, from the last word back.
        for start in range(len(words)):
            if not words[start][0].isupper() or words[start].lower() in _SMALL_WORDS:
                continue  # nor "The" that opens a sentence
            initials = "".join(w[0] for w in words[start:] if w.lower() not in _SMALL_WORDS)
            capitals = "".join(w[0] for w in words[start:] if w[0].isupper())
            if short.lower() in (initials.lower(), capitals.lower()):
                found.setdefault(short, " ".join(words[start:]))
                break
    return found


def _note_entity(state: dict, ent, lang: str):
    """Remember the last person and body named, and how often each country is named;
    the entity `ent` names (None for a label of no country, person or body)."""
    entity = None
    if ent.label_ in PLACE_LABELS:
        entity = gazetteer.lookup(ent.text, lang)
        if entity is not None and entity.kind == "country":
            _count_country(state, entity.name)
    elif ent.label_ in PERSON_LABELS | BODY_LABELS:
        entity = resolve_ent(ent, lang)
        if entity is not None and entity.kind == "person":
            state["last_person"] = entity
        elif entity is not None and entity.kind in ("body", "state"):
            state["last_body"] = entity
    return entity


def _count_country(state: dict, name: str) -> None:
    counts = state.setdefault("country_counts", {})
    counts[name] = counts.get(name, 0) + 1


def _note_named(state: dict, ent, entity, lang: str, index: int) -> None:
    """Remember the last country, body or person named, in text order, with the index of
    its sentence: what "it", "they", "il" or "elle" may stand for. `entity`: what
    _note_entity found for `ent`, to look it up once."""
    if ent.label_ in PERSON_LABELS | BODY_LABELS:
        named = entity
    elif ent.label_ in PLACE_LABELS:
        named = None if _is_demonym_modifier(ent) else entity
    else:
        named = _named(ent, lang)
    if named is not None:
        _note(state, named, index)


def _is_demonym_modifier(ent) -> bool:
    return ent.root.dep_ in ("amod", "compound") and gazetteer.demonym(ent.text, strict=True) is not None


def _note(state: dict, entity, index: int) -> None:
    state["last_named"] = (index, entity)
    if entity.kind == "country":
        state["last_country"] = (index, entity.name)


def recent_country(mention: Mention) -> str | None:
    """The last country named in the sentence just before the figure's, if any."""
    index, name = mention.state.get("last_country", (-9, None))
    return name if mention.sentence.index - index <= PRONOUN_REACH else None


def _named(ent, lang: str):
    """The country, body or person an entity of the parse names; None for a demonym on
    a noun ("Russian attacks" names no antecedent for "it"; "the Ukrainians" does)."""
    if ent.label_ in PERSON_LABELS | BODY_LABELS:
        return resolve_ent(ent, lang)
    if _is_demonym_modifier(ent):
        return None
    return gazetteer.lookup(ent.text, lang)


def last_named_before(mention: Mention, position: int, skip: set[int] = frozenset()):
    """The last country, body or person named before token `position` of the figure's
    sentence, else in the sentence just before (state["last_named"]); None if none.
    Further back, a pronoun more often stands for a thing named since. A name inside an
    attribution (tokens `skip`) counts only as its subject: "Russia said it had..." but
    not "the head of the Kiel Institute's centre noted that its share...". """
    found = None
    for ent in mention.sentence.doc.ents:
        if ent.end > position:
            break
        if ent.root.dep_ in ("nsubj", "nsubj:pass") or not skip & set(range(ent.start, ent.end)):
            found = _named(ent, mention.lang) or found
    if found is not None:
        return found
    index, entity = mention.state.get("last_named", (-9, None))
    return entity if mention.sentence.index - index <= PRONOUN_REACH else None


def _quote_depth(text: str, depth: int) -> int:
    """How many quotations are still open after `text`, `depth` being open before it."""
    for match in _QUOTE_MARKS.finditer(text):
        depth = depth + 1 if match.group() in "«“" else max(depth - 1, 0)
    return depth


_QUOTE_MARKS = re.compile("[«“»”]")
