"""Actor of a figure: the country or body that performs its event.

In order: a side's own losses ("Russian casualties"), the country or body the governing
verb's subject (or passive agent, or giver for "received") names, the speaker's country
for "we"/"nous", a possessive or adjective on the counted noun, the country of an
economy figure, the one country the sentence names as a possible performer (or the one
an agent phrase names among several), the country of a government speaker; else the
attacker of the sentences before for a war event (context.py).
"""
from __future__ import annotations

from .. import gazetteer
from ..gazetteer import Entity
from ..mention import Mention
from . import context
from .countries import agent_countries, attackers, countries_in
from .names import as_actor, clean_name, ent_text, noun_phrase
from .speaker import covers, find_cues
from .words import BODY_LABELS, DE, PLACE_LABELS, RECEIVE_VERBS, RELATIVES, SPEECH_VERBS

_EVENTS_OF_LOSS = {"destroy", "kill", "injure"}
# Events whose actor is never the owner of the counted thing ("25 drones ukrainiens
# abattus": the shooter, not Ukraine). Strikes are told by their weapons, whose owner
# is the attacker ("40 Russian missiles hit").
_EVENTS_AGAINST_ITEM = {"shoot_down"}
# Losses of these are a side's own losses when told as such ("Russian tanks lost");
# dead or wounded civilians are victims, and their nationality is not the actor.
_MILITARY_ITEMS = {
    "soldier", "tank", "armoured_vehicle", "aircraft", "air_defense_system", "weapon", "drone",
    "missile", "shell", "howitzer", "ship", "vessel", "helicopter", "vehicle", "equipment", None,
}



def find_actor(mention: Mention, speaker: Entity | None) -> str | None:
    """The country or body performing the event: by the sentence's own words first, else
    by the document's context (context.py: the attacker of a war event, "we")."""
    found = _sentence_actor(mention, speaker)
    if found is _NOBODY:
        return None
    if found is None:
        found = context.actor_from_context(mention, speaker)
    context.remember_actor(mention, found)
    return found


def _sentence_actor(mention: Mention, speaker: Entity | None):
    """The actor the sentence names by the first rule that names one; None when it names
    none, _NOBODY when it rules one out (displaced people, ages, several performers)."""
    item, event = mention.fields.get("item"), mention.fields.get("event")
    if event == "displace" or item == "refugee" or _is_age(mention, item):
        return _NOBODY
    doc = mention.sentence.doc
    tokens = mention.tokens()
    if doc is None or not tokens or not doc.has_annotation("DEP"):
        return _NOBODY  # the rules read the parse; without one, no actor rather than a guess
    lang = mention.lang
    noun = _counted_noun(tokens)
    own = _owner(noun, lang)
    if own is None and noun is not tokens[-1] and event == "count":
        own = gazetteer.demonym(noun.text, strict=True)  # "45 millions d'Ukrainiens"
    victims = event in _EVENTS_OF_LOSS and item not in _MILITARY_ITEMS
    if own is not None and event in _EVENTS_OF_LOSS and not victims and _told_as_loss(noun, mention):
        return own
    subject = _subject_entity(noun, lang, mention)
    if subject is not None:
        return subject if subject is not _SEVERAL else _NOBODY
    pronoun = context.first_person_actor(_first_person(noun), mention, speaker)
    if pronoun is not None:
        return pronoun
    if own is not None and event not in _EVENTS_AGAINST_ITEM and not victims:
        return own
    exclude = {t.i for t in tokens} | _cue_ids(doc, lang, tokens)
    if event == "shoot_down":
        exclude |= attackers(doc, lang)
    countries = countries_in(doc, lang, exclude=exclude, people=not victims,
                              targets=event in _EVENTS_AGAINST_ITEM)
    if speaker is not None and speaker.kind == "body" and speaker.name in countries:
        countries.remove(speaker.name)  # the source of a figure is not its actor
    if own is not None and (event in _EVENTS_AGAINST_ITEM or victims) and own in countries:
        countries.remove(own)  # "downed 40 Ukrainian drones", "Palestinians killed": the target
    if len(countries) <= 1 and context.is_economic(mention, noun):
        places = countries_in(doc, lang, exclude=exclude, places=True)
        economy = context.economy_actor(places, mention, speaker)
        if economy is not None:
            return economy
    if len(countries) > 1:
        agents = [c for c in agent_countries(tokens[0], lang, exclude) if c in countries]
        if len(agents) == 1:
            return agents[0]  # "le financement par le régime russe de fondations allemandes"
    if len(countries) == 1:
        return countries[0]
    if not countries and speaker is not None and speaker.country and speaker.kind in ("person", "state"):
        return speaker.country
    # Falling back on the document's main country or the last actor was tried: both
    # lose more figures with no actor than they win (dev sets, 2026-11); context.py
    # carries only an attacker, over a few sentences of one paragraph.
    return _NOBODY if len(countries) > 1 else None


def _first_person(noun):
    """The "we"/"nous" subject of the verb governing `noun`, or an "our"/"nos" on it."""
    for child in noun.children:
        if child.dep_ in ("poss", "nmod:poss", "det") and child.lower_ in context.FIRST_PERSON:
            return child
    node = noun
    for _ in range(6):
        head = node.head
        if head is node:
            return None
        if head.pos_ in ("VERB", "AUX"):
            if head.lower_ in SPEECH_VERBS["en"] | SPEECH_VERBS["fr"]:
                return None
            subjects = [c for c in head.children if c.dep_ in ("nsubj", "nsubj:pass", "nsubjpass")]
            return subjects[0] if subjects and subjects[0].pos_ == "PRON" else None
        node = head
    return None


def _is_age(mention: Mention, item: str | None) -> bool:
    """An age ("a 41-year-old man", "(25 ans)") has no actor."""
    unit = mention.fields.get("unit", mention.figure.unit)
    return unit == "year" and item in ("person", "civilian", "child", "soldier", "woman", "man")


def _cue_ids(doc, lang: str, figure) -> set[int]:
    """Tokens of the attributions in the sentence ("selon le ministère palestinien"): the
    countries they name belong to the source, not to the event."""
    position = figure[0].idx
    ids: set[int] = set()
    for head in find_cues(doc, lang):
        ids |= {t.i for t in (noun_phrase(head) if covers(head, position) else head.subtree)}
    return ids


def _counted_noun(tokens):
    """The noun the figure counts ("420 drones": drones), or the figure itself."""
    last = tokens[-1]
    if last.dep_ in ("nummod", "det", "amod", "quantmod", "compound") and last.head.pos_ in ("NOUN", "PROPN"):
        return last.head
    for tok in tokens:
        if tok.head not in tokens and tok.head.pos_ in ("NOUN", "PROPN") and tok.dep_ in ("nummod", "det"):
            return tok.head
    # "1,4 million de drones": the number heads the phrase.
    for child in last.children:
        if child.dep_ in ("nmod", "pobj") and child.pos_ == "NOUN":
            return child
        if child.dep_ == "prep":
            for grand in child.children:
                if grand.dep_ == "pobj":
                    return grand
    return last


def _owner(noun, lang: str, nested: bool = True) -> str | None:
    """The country or body a possessive, adjective or compound on the noun names
    ("Russian drones", "drones russes", "Ukraine's losses", "Rostec's output")."""
    for child in noun.children:
        if child.dep_ in ("amod", "poss", "nmod:poss", "compound", "flat") or (
                child.pos_ == "ADJ" and child.dep_ != "acl") or _is_genitive(child):
            entity = gazetteer.lookup(ent_text(child), lang)
            if entity is not None:
                return as_actor(entity)
    if nested:
        # "millions of rounds of North Korean ammunition", "des tonnes de gaz russe"
        for complement in _of_complements(noun):
            found = _owner(complement, lang, nested=False)
            if found is not None:
                return found
    return None


def _of_complements(noun) -> list:
    """The nouns an "of"/"de" complement attaches to `noun` ("rounds of ammunition")."""
    found = []
    for child in noun.children:
        if child.dep_ == "prep" and child.lower_ == "of":
            found += [c for c in child.children if c.dep_ == "pobj" and c.pos_ == "NOUN"]
        elif child.dep_ == "nmod" and child.pos_ == "NOUN" and any(
                c.dep_ == "case" and c.lower_ in ("de", "d'", "d’", "du", "des") for c in child.children):
            found.append(child)
    return found


def _is_genitive(tok) -> bool:
    """A proper-noun complement with "de" ("les puissances du G7", "les drones de la Russie")."""
    if tok.pos_ != "PROPN":
        return False
    return tok.dep_ == "nmod" and any(
        c.dep_ == "case" and c.lower_ in ("de", "du", "des", "d'", "d’") for c in tok.children)


def _told_as_loss(noun, mention: Mention) -> bool:
    """Whether the figure is a side's own losses ("Russian casualties", "soldats russes tués")
    rather than what an attacker inflicted."""
    subject = _governing_subject(noun)
    return subject is None or subject is noun or subject.i in {t.i for t in mention.tokens()}


def _governing_subject(tok):
    """The subject (or passive agent) of the verb that governs `tok`, climbing through
    noun phrases; None when that verb is a speech verb (its subject is the speaker)."""
    node = tok
    for _ in range(6):
        if node.dep_ in ("nsubj", "nsubj:pass", "nsubjpass"):
            return node
        head = node.head
        if head is node:
            return None
        if head.pos_ in ("VERB", "AUX"):
            agents = [c for c in head.children if c.dep_ in ("agent", "obl:agent")]
            if agents:
                return agents[0]
            subjects = [c for c in head.children if c.dep_ in ("nsubj", "nsubj:pass", "nsubjpass")]
            if subjects:
                if head.lower_ in SPEECH_VERBS["en"] | SPEECH_VERBS["fr"]:
                    return None
                if head.lower_ in RECEIVE_VERBS:
                    return _source_of(head, tok)  # the subject received: the giver acts
                subject = subjects[0]
                if subject.lower_ in RELATIVES and head.dep_ in ("acl:relcl", "relcl"):
                    return _antecedent(subject)  # "l'Allemagne, qui importe 58 millions de m3"
                return subject
        node = head
    return None


def _antecedent(relative):
    """What a relative pronoun stands for: the name right before it (the parser often
    attaches the clause higher up), else the noun its clause attaches to."""
    before = [t for t in relative.doc[: relative.i] if not t.is_punct]
    if before and before[-1].pos_ == "PROPN":
        return before[-1]
    clause = relative.head
    return clause.head if clause.head is not clause else relative


def _source_of(verb, tok):
    """The giver in "X received 500 million from Y" / "X reçoit 500 millions de Y", or in
    "X a reçu un soutien de Y de 3 milliards" (on the object of the verb)."""
    objects = [c for c in verb.children if c.dep_ in ("obj", "dobj") and c is not tok]
    for node in (tok, tok.head, verb, *objects):
        for child in node.children:
            if child.dep_ == "prep" and child.lower_ == "from":
                return next((c for c in child.children if c.dep_ == "pobj"), None)
            named = child.pos_ == "PROPN" or child.ent_type_ in BODY_LABELS | PLACE_LABELS
            if child.dep_ in ("nmod", "obl", "obl:arg") and named and any(
                    c.dep_ == "case" and c.lower_ in DE for c in child.children):
                return child
    return None


def _subject_entity(noun, lang: str, mention: Mention) -> str | None:
    """The country or body the governing subject names ("Russia launched 420 drones")."""
    subject = _governing_subject(noun)
    figure = {t.i for t in mention.tokens()}
    if subject is None or subject.i in figure or subject is noun:
        return None
    if subject.dep_ in ("agent", "obl:agent"):
        subject = next((c for c in subject.children if c.dep_ == "pobj"), subject)
    if subject.pos_ == "PRON" and not subject.ent_type_:
        return None
    if any(c.dep_ == "conj" and (c.pos_ == "PROPN" or c.ent_type_) for c in subject.children):
        return _SEVERAL  # "Russia and Ukraine exchanged 150 prisoners": no single one
    if subject.pos_ == "PROPN" or subject.ent_type_:
        entity = gazetteer.lookup(ent_text(subject), lang)
        if entity is None and subject.ent_type_ in BODY_LABELS:
            entity = Entity(clean_name(ent_text(subject)), "body")
        if entity is not None and entity.kind == "person" and _personal_wealth(mention):
            return entity.name  # "Poutine a accumulé 200 milliards": his own money
        if entity is not None:
            return as_actor(entity)
    head_phrase = [t for t in noun_phrase(subject)
                   if t.dep_ not in ("prep", "pobj", "case", "nmod") or t is subject]
    entity = gazetteer.lookup(" ".join(t.text for t in head_phrase), lang)
    if entity is not None and entity.kind in ("state", "body", "country"):
        return as_actor(entity)
    owner = _owner(subject, lang)
    if owner is not None:
        return owner
    # "Global steelmaker ArcelorMittal lost 10%": a body named inside the subject.
    for tok in head_phrase:
        if tok.ent_type_ in BODY_LABELS and tok is not subject:
            entity = gazetteer.lookup(ent_text(tok), lang) or Entity(clean_name(ent_text(tok)), "body")
            return as_actor(entity)
    return None


def _personal_wealth(mention: Mention) -> bool:
    """Whether the figure is money a person has or spends (CLAIMS.md: for a count, the
    actor is the one that has the items), rather than a state's budget they announce."""
    fields = mention.fields
    return fields.get("item") == "money" and fields.get("event") in ("count", "spend", "other")




# What _subject_entity gives when the subject names several performers.
_SEVERAL = "<several>"
# What _sentence_actor gives when the sentence rules out any actor.
_NOBODY = "<nobody>"
