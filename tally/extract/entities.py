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
# "Fonds européen pour la paix", "Center for Strategic and International Studies").
_LONGEST = 8


@Language.component(NAME)
def find_entities(doc: Doc) -> Doc:
    """Set doc.ents to the names of the text: known names first, then proper-noun runs."""
    lang = doc.lang_ if doc.lang_ in _LABELS else "en"
    # Tokens are read once: indexing a Doc builds a new Token each time.
    tokens = list(doc)
    spans, i = [], 0
    while i < len(tokens):
        if not _may_start_name(tokens[i]):
            i += 1
            continue
        end, entity = _known_name(tokens, i, lang)
        if entity is None:
            end = _run_end(doc, i)
            if tokens[i].pos_ != "PROPN" and not tokens[i].is_upper and (i == 0 or tokens[i - 1].text in _OPENERS):
                # A capitalised common word opening a sentence ("Now", "Recent", "Military")
                # is no part of a name: the name, if any, starts after it.
                i += 1
                continue
        label = _LABELS[lang][entity.kind if entity else None]
        if entity is not None and entity.name in gazetteer.regions():
            label = _LABELS[lang]["country"]  # "Kursk", "région de Kharkiv": a place
        words = {t.lower_ for t in tokens[i:end]}
        if entity is None and tokens[end - 1].lower_ in _EVENT_WORDS:
            label = _LABELS[lang][None]  # "Second World War", "Coupe du monde": an event
        elif entity is None and tokens[i].lower_ in ("the", "le", "la", "les") and end - i > 1:
            label = "ORG"  # "The Atlantic", "Le Parisien": no person's name starts with "the"
        elif entity is None and tokens[end - 1].lower_ in _PLACE_WORDS:
            label = _LABELS[lang]["country"]  # "Crimean Peninsula", "Kaleykino Oil Pumping Station"
        elif entity is None and words & _BODY_WORDS:
            label = "ORG"  # "Defense Ministry", "Kiel Institute": a body, known or not
        elif entity is None and i > 0 and tokens[i - 1].lower_ in _PLACE_PREPOSITIONS and not (
                end < len(tokens) and tokens[end].lower_ in ("'s", "’s")):
            # "talks in Abu Dhabi", "à Chasiv Yar": a place ("in Peter Smith's view": no)
            label = _LABELS[lang]["country"]
        elif entity is None and end - i >= 2 and all(t.is_title for t in tokens[i:end]):
            label = _LABELS[lang]["person"]  # "Peter Fraunholtz": two capitalised names
        elif entity is not None and entity.kind == "country" and end - i == 1 and tokens[i].pos_ == "ADJ" and lang == "en":
            label = "NORP"  # "Ukrainian": a demonym, as the English models label it
        spans.append(Span(doc, i, end, label=label))
        i = end
    doc.ents = spans
    return doc


def _known_name(sentence: list, start: int, lang: str):
    """(end, entity) of the longest name the gazetteer knows from `start` in the tokens
    `sentence`, or (start, None)."""
    tokens = sentence[start : start + _LONGEST + 1]
    inside = 1
    while inside < len(tokens):
        token = tokens[inside]
        if (token.is_punct and token.text not in "-'’") or not (
                token.pos_ in _INSIDE_POS or token.is_title):
            break  # no name runs across a possessive, a verb or punctuation
        inside += 1
    spelled = [t.text_with_ws for t in tokens[:inside]]
    for size in range(inside, 0, -1):
        last = tokens[size - 1]
        if not (last.is_title or last.pos_ in ("PROPN", "ADJ", "NOUN") or last.is_upper):
            continue
        name = "".join(spelled[: size - 1]) + last.text
        # A span across a preposition is a name only as a whole ("Bank of Russia"), not
        # as a phrase the gazetteer reads a country out of ("Military aid from Germany",
        # "Officials in Kyiv"): the country is a name of its own.
        across = any(t.pos_ in ("ADP", "CCONJ") for t in tokens[1 : size - 1])
        entity = gazetteer.known(name, lang) if across else gazetteer.lookup(name, lang)
        if entity is not None:
            return start + size, entity
    return start, None


_INSIDE_POS = {"PROPN", "NOUN", "ADJ", "DET", "ADP", "CCONJ", "X"}


def _may_start_name(token) -> bool:
    if token.lower_ in _CALENDAR:
        return False
    if token.is_lower or not (token.pos_ == "PROPN" or token.is_title or (token.is_upper and len(token) > 1)):
        return False
    # The tagger may call a name it does not know a pronoun ("Poutine a dit"): ask the gazetteer.
    return token.pos_ not in _FUNCTION_POS or gazetteer.lookup(token.text, token.doc.lang_) is not None


# Units of an army are bodies ("Special Medical Battalion", "3rd Assault Brigade").
_UNIT_WORDS = {"battalion", "brigade", "regiment", "division", "corps", "bataillon", "régiment"}
# Head words of bodies: a name with one of them is an organisation, not a person.
_BODY_WORDS = {
    "ministry", "ministère", "council", "conseil", "bank", "banque", "institute", "institut",
    "agency", "agence", "forces", "force", "army", "armée", "office", "service", "services",
    "committee", "comité", "commission", "parliament", "parlement", "government", "gouvernement",
    "department", "university", "université", "centre", "center", "group", "groupe", "company",
    "corporation", "fund", "fonds", "union", "organization", "organisation", "association",
    "foundation", "fondation", "court", "cour", "tribunal", "assembly", "assemblée", "senate", "sénat",
    "command", "commandement", "staff", "état-major", "guard", "garde", "police", "navy", "marine",
    "academy", "académie", "bureau", "network", "party", "parti",
} | _UNIT_WORDS
# Last words of the names of places and sites, which are no one's name ("Gas Processing
# Plant", "Crimean Peninsula"; French names put them first, in lower case).
_PLACE_WORDS = {
    "peninsula", "sea", "river", "island", "islands", "bay", "gulf", "strait", "lake", "mountains",
    "oblast", "region", "district", "province", "krai", "city", "port", "airport", "airfield",
    "bridge", "station", "plant", "refinery", "factory", "works", "terminal", "square", "street",
    "avenue", "park", "base", "field", "dam", "pipeline",
}
# Last words of the names of events, which are no one's either.
_EVENT_WORDS = {
    "war", "guerre", "cup", "coupe", "games", "jeux", "summit", "sommet", "conference",
    "conférence", "forum", "olympics", "crisis", "crise", "revolution", "révolution",
}
# Marks after which a capitalised word opens a sentence or a quotation.
_OPENERS = {'"', "“", "«", "‘", "'", ":", "—", "–", "-", "•", "»", "”"}
# Prepositions of place: an unknown name after one is where something is, not who.
_PLACE_PREPOSITIONS = {"in", "near", "outside", "à", "dans", "vers"}
# "The", "Il", "Selon": capitalised at the start of a sentence, never a name.
_FUNCTION_POS = {"DET", "ADP", "PRON", "AUX", "CCONJ", "SCONJ", "PART", "PUNCT", "NUM", "VERB"}
# Months and weekdays are capitalised in English but name no one.
_CALENDAR = {
    "january", "february", "march", "april", "may", "june", "july", "august", "september",
    "october", "november", "december", "monday", "tuesday", "wednesday", "thursday", "friday",
    "saturday", "sunday", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct",
    "nov", "dec",
}


def _run_end(doc: Doc, start: int) -> int:
    """End of the proper-noun run from `start`; a body's head word carries it over "of",
    "for", "de" to the name it governs ("Bank of England", "University of Kyiv",
    "Institut de recherche", not "Zelensky of Ukraine")."""
    end = start + 1
    while end < len(doc):
        if _continues_name(doc[end]):
            end += 1
            continue
        if doc[end - 1].lower_ in _BODY_WORDS:
            after = _after_connector(doc, end)
            if after is not None:
                end = after + 1
                continue
        break
    return end


def _after_connector(doc: Doc, i: int) -> int | None:
    """Index of the name past a connector at `i` ("of the", "de la", "for"), or None."""
    if doc[i].lower_ not in _CONNECTORS:
        return None
    k = i + 1
    while k < len(doc) and k - i <= 2 and doc[k].lower_ in _CONNECTOR_DETERMINERS:
        k += 1
    if k < len(doc) and _continues_name(doc[k]) and doc[k].lower_ not in _BODY_WORDS | _CALENDAR:
        return k
    return None


_CONNECTORS = {"of", "for", "on", "de", "du", "des", "d'", "d’", "pour"}
_CONNECTOR_DETERMINERS = {"the", "la", "le", "les", "l'", "l’"}


def _continues_name(token) -> bool:
    if token.lower_ in _CALENDAR or token.is_lower:
        return False
    return token.pos_ == "PROPN" or (token.is_title and token.pos_ in ("NOUN", "ADJ", "X", "ADV", "PRON"))
