"""Countries a parsed sentence names as possible performers of a figure's event.

    "Last year, 140 000 drones were produced in Russian plants."  ->  ["Russia"]

Places and recipients ("in Ukraine", "aux forces ukrainiennes"), currencies ("the US
dollar") and, for shoot-downs, the owners of the downed weapons are left out.
"""
from __future__ import annotations

from spacy.attrs import POS
from spacy.symbols import ADJ

from .. import gazetteer
from .names import as_actor, ent_text
from .words import (ARMED_NOUNS, BODY_LABELS, CURRENCY_NOUNS, DE, LAND_NOUNS, LAUNCH_VERBS, PLACE_LABELS,
                    RELATION_NOUNS, WEAPON_NOUNS)

# Prepositions whose object is a place or a recipient, not a performer.
_PLACE_PREPOSITIONS = {
    "in", "to", "into", "at", "within", "throughout", "across", "towards", "toward", "near",
    "en", "à", "au", "aux", "dans", "vers", "pour", "sur", "contre", "against", "on",
}


def countries_in(doc, lang: str, exclude: set[int], people: bool = True,
                  targets: bool = False, places: bool = False) -> list[str]:
    """The distinct countries a sentence names as possible performers (entities and
    demonym adjectives, leaving out places and recipients: "in Ukraine", "à l'Ukraine";
    with people=False, peoples: "two Palestinians killed" names the victims; with
    targets=True, owners of weapons: "downed 40 Ukrainian drones" names the target;
    with places=True, places too: the country of an economy figure)."""
    found: list[str] = []
    for ent in doc.ents:
        if ent.label_ not in PLACE_LABELS | BODY_LABELS or exclude & set(range(ent.start, ent.end)):
            continue
        if targets and _owns_weapon(ent.root):
            continue
        if _names_currency(ent.root):
            continue  # "the US dollar", "le rouble russe": a currency, not a performer
        if not people and ent.root.pos_ in ("NOUN", "PROPN") and gazetteer.demonym(
                ent.root.text, strict=True):
            continue
        if not places and (_inside_place(ent.root) if ent.root.pos_ != "ADJ" else (
                ent.root.head.lower_ in LAND_NOUNS and _in_place_phrase(ent.root))):
            continue  # "in two Ukrainian regions", "on the Gulf of Finland": a place
        entity = gazetteer.lookup(ent.text, lang)
        name = as_actor(entity) if entity is not None and entity.kind != "person" else None
        if name is not None and name not in found:
            found.append(name)
    for tok in adjectives(doc):
        if tok.i not in exclude and not (targets and _owns_weapon(tok)) and not (
                _names_currency(tok)):
            if not places and _in_place_phrase(tok):
                continue  # "aux forces ukrainiennes", "to Ukrainian forces": the recipient
            if tok.head.lower_ in RELATION_NOUNS:
                continue  # "Ukrainian allies": the other side
            name = gazetteer.demonym(tok.text)
            if name is not None and name not in found:
                found.append(name)
    return found


def adjectives(doc) -> list:
    """The adjectives of a parsed sentence, found once per Doc from its POS column (walking
    the Doc would build a Token for every word, for every figure of the sentence)."""
    key = "tally.actors.adjectives"
    if key not in doc.user_data:
        doc.user_data[key] = [int(i) for i in (doc.to_array(POS) == ADJ).nonzero()[0]]
    return [doc[i] for i in doc.user_data[key]]


def agent_countries(figure, lang: str, exclude: set[int]) -> list[str]:
    """The countries named by an agent phrase ("by the Russian state", "par le régime russe")
    on the figure's path to the root (of a verb or of a noun of action): the performer
    among the countries of a sentence."""
    found: list[str] = []
    path = [figure, *figure.ancestors]
    # The path and the subjects of its verbs ("the funding by X of Y reached 10 million").
    reach = {t.i for t in path} | {c.i for t in path for c in t.children if c.dep_ in (
        "nsubj", "nsubj:pass", "nsubjpass")}
    for tok in figure.doc:
        by = tok.dep_ == "pobj" and tok.head.lower_ == "by"
        agent = tok.dep_ in ("agent", "obl:agent") or by or any(
            c.dep_ == "case" and c.lower_ == "par" for c in tok.children)
        attached = tok.head.head if by else tok.head
        if not agent or tok.i in exclude or attached.i not in reach:
            continue
        if tok.dep_ == "agent":  # English: "by" heads the phrase
            tok = next((c for c in tok.children if c.dep_ == "pobj"), tok)
        words = [tok] + [c for c in tok.children if c.dep_ in ("amod", "compound", "poss", "nmod:poss")]
        for word in words:
            entity = gazetteer.lookup(ent_text(word), lang)
            name = as_actor(entity) if entity is not None and entity.kind != "person" else None
            if name is not None and name not in found:
                found.append(name)
    return found


def armed_countries(doc, lang: str, exclude: set[int]) -> list[str]:
    """The countries whose armed force a sentence names ("the Israeli army", "les forces
    russes", "Russian strikes", "l'armée de la Russie"): the attacker in a war event."""
    found: list[str] = []
    for tok in doc:
        if tok.lower_ not in ARMED_NOUNS or tok.i in exclude:
            continue
        for child in tok.children:
            genitive = child.dep_ == "nmod" and any(c.dep_ == "case" and c.lower_ in DE for c in child.children)
            if child.dep_ in ("amod", "compound", "poss", "nmod:poss") or genitive or (
                    child.dep_ == "prep" and child.lower_ == "of"):
                if child.dep_ == "prep":
                    child = next((c for c in child.children if c.dep_ == "pobj"), child)
                entity = gazetteer.lookup(ent_text(child), lang)
                name = as_actor(entity) if entity is not None and entity.kind != "person" else None
                if name is not None and name not in found:
                    found.append(name)
    return found


def _names_currency(tok) -> bool:
    """Whether `tok` qualifies a currency ("US dollar", "dollars américains", "rouble russe")."""
    return tok.dep_ in ("amod", "compound", "nmod", "poss") and tok.head.lower_ in CURRENCY_NOUNS


def _owns_weapon(tok) -> bool:
    """Whether `tok` says whose weapon a noun is ("Ukrainian drones", "missiles russes")."""
    return tok.dep_ in ("amod", "compound", "poss", "nmod", "nmod:poss") and tok.head.lower_ in WEAPON_NOUNS


def attackers(doc, lang: str) -> set[int]:
    """Tokens of the subjects of launch verbs ("Russian forces launched 138 drones"): the
    attacker, whom a shoot-down in the same sentence is against."""
    ids: set[int] = set()
    for tok in doc:
        if tok.lower_ in LAUNCH_VERBS and tok.pos_ in ("VERB", "AUX"):
            for child in tok.children:
                if child.dep_ in ("nsubj", "agent", "obl:agent"):
                    ids |= {t.i for t in child.subtree}
    return ids


def _in_place_phrase(adjective) -> bool:
    """Whether an adjective sits in a phrase a place or recipient preposition opens,
    through at most two "de"/"of" complements ("aux forces de défense ukrainiennes")."""
    node = adjective.head
    for _ in range(3):
        if node.pos_ not in ("NOUN", "PROPN"):
            return False
        if _is_place(node):
            return True
        if node.dep_ not in ("nmod", "pobj") or node.head is node:
            return False
        node = node.head if node.dep_ == "nmod" else node.head.head
    return False


def _inside_place(name) -> bool:
    """Whether a name is a place or recipient phrase's object or sits in one through at
    most two "de"/"of" complements ("in Ukraine", "dans le golfe de Finlande")."""
    node = name
    for _ in range(3):
        if _is_place(node):
            return True
        if node.dep_ not in ("nmod", "pobj") or node.head is node:
            return False
        node = node.head if node.dep_ == "nmod" else node.head.head
        if node.pos_ not in ("NOUN", "PROPN"):
            return False
    return False


def _is_place(tok) -> bool:
    cases = [c.lower_ for c in tok.children if c.dep_ == "case"]
    if tok.dep_ == "pobj":
        cases.append(tok.head.lower_)
    return any(c in _PLACE_PREPOSITIONS for c in cases)
