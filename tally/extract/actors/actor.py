"""Actor of a figure: the country or body that performs its event.

None for figures no one performs (displaced people, migrants, ages, populations, how long
a war or a call lasts, countries that join). Else, in order: a side's own losses
("Russian casualties"), the giver a noun of aid names ("assistance from the EU"), the
body an apposition describes ("Metinvest, a group with revenues of $7bn"), the country
or body the governing subject names (or passive agent, or giver for "received"; a
pronoun stands for the last name before it), the speaker's country for "we"/"nous", a
possessive or adjective on the counted noun (not on people who undergo the event:
"training Ukrainian soldiers"), the country of an economy figure, the one country the
sentence names as a possible performer (or the one an agent phrase, or an army, names
among several), the one person it names for what someone has, the country of a
government speaker; else the context (context.py): the attacker of the sentences before
for a war event, the giver of the sentence before for a delivery, the actor of the
figure before for a share, the document's attacker (else the country it names most) for
a deployment.

Kinds the sentence leaves implicit: the lender a loan deal is made with ("a deal with
the IMF for a $8bn lending programme"), the holder of land ("the occupied territories":
the occupier), the maker of the weapons when a side of the war ("Ukrainian-made missiles
struck"), the holder of a figure told again ("700 cars" twice), the country workers work
in, an unnamed "it" weapon or "attacks" (the recent attacker), what got through ("downed
all but 26 drones": the attacker), victims killed in one side's country (the other of
the document's two sides), "that share" (the actor of the figure before). No one:
a distance that places a town, a count of the sources ("executives at eight companies
said"), "both sides".
"""
from __future__ import annotations

from .. import gazetteer
from ..gazetteer import Entity
from ..mention import Mention
from . import context
from .countries import agent_countries, armed_countries, attackers, countries_in
from .names import as_actor, clean_name, ent_text, noun_phrase
from .speaker import covers, find_cues
from .state import last_named_before
from .words import (AID_NOUNS, ARMED_NOUNS, ATTACK_NOUNS, BODY_LABELS, BOTH_WORDS, DE, DEAL_NOUNS,
                    DEMONSTRATIVES, IMPERSONAL_AFTER, LABOUR_WORDS, LENDING_WORDS, LOCATED_WORDS,
                    MADE_PARTICIPLES, MADE_WORDS, MAKING_CLUES, MAKING_WORDS, MEMBER_NOUNS, OCCUPIED_WORDS,
                    PATIENT_NOUNS, PERSON_LABELS, PLACE_LABELS, PLURAL_PRONOUNS, POPULATION_NOUNS,
                    RECEIVE_VERBS, RELATION_NOUNS, RELATIVES, SAY_WORDS, SHARED_EVENTS, SHARE_NOUNS,
                    SIDE_NOUNS, SPARING_WORDS, SPEECH_VERBS, THIRD_PERSON, THIRD_POSSESSIVES, UPROOTED,
                    WEALTH_ITEMS, WEAPON_NOUNS)

_EVENTS_OF_LOSS = {"destroy", "kill", "injure"}
# Events whose actor is never the owner of the counted thing ("25 drones ukrainiens
# abattus": the shooter, not Ukraine). Strikes are told by their weapons, whose owner
# is the attacker ("40 Russian missiles hit").
_EVENTS_AGAINST_ITEM = {"shoot_down"}
# Speech verbs of either language (built once: the rules ask for every figure).
_ANY_SPEECH = frozenset(SPEECH_VERBS["en"] | SPEECH_VERBS["fr"])
# Units of distance: a distance that places a town has no actor.
_DISTANCE_UNITS = {"km", "mile", "m"}
# People counted as a labour force: the country they work in has them.
_WORKER_ITEMS = {"worker", "employee", "labourer"}
# Weapons: what "it" says of one belongs to who just launched it.
_WEAPON_ITEMS = {"missile", "drone", "rocket", "bomb", "shell", "aircraft", "helicopter", "weapon"}
# Losses of these are a side's own losses when told as such ("Russian tanks lost");
# dead or wounded civilians are victims, and their nationality is not the actor.
_MILITARY_ITEMS = {
    "soldier", "tank", "armoured_vehicle", "aircraft", "air_defense_system", "weapon", "drone",
    "missile", "shell", "howitzer", "ship", "vessel", "helicopter", "vehicle", "equipment", None,
}



def find_actor(mention: Mention, speaker: Entity | None) -> str | None:
    """The country or body performing the event: by the sentence's own words first, else
    by the document's context (context.py: the attacker of a war event, "we")."""
    converted = context.converted_figure(mention)
    if converted is not None:
        context.remember_figure(mention, converted[0])
        return converted[0]  # "287,6 milliards de dollars (260 milliards d'euros)": the same sum
    found = _sentence_actor(mention, speaker)
    context.remember_figure(mention, None if found is _NOBODY else found)
    if found is _NOBODY:
        return None
    stated = found is not None
    if found is None:
        found = context.actor_from_context(mention, speaker)
    context.remember_actor(mention, found, stated)
    return found


def _sentence_actor(mention: Mention, speaker: Entity | None):
    """The actor the sentence names by the first rule that names one; None when it names
    none, _NOBODY when it rules one out (displaced people, ages, several performers)."""
    item, event = mention.fields.get("item"), mention.fields.get("event")
    if event == "displace" or item in UPROOTED or _is_age(mention, item):
        return _NOBODY
    if _is_shared_duration(mention, item):
        return _NOBODY
    if event == "join" and item == "country":
        return _NOBODY  # "eight countries joined": the counted countries join, no single one
    doc = mention.sentence.doc
    tokens = mention.tokens()
    if doc is None or not tokens or not doc.has_annotation("DEP"):
        return _NOBODY  # the rules read the parse; without one, no actor rather than a guess
    lang = mention.lang
    noun = _counted_noun(tokens)
    if event == "shoot_down" and _spared(noun):
        # "Ukraine downed all but 26 drones": the 26 got through, the attacker's.
        return context.recent_attacker(mention)
    unit = mention.fields.get("unit", mention.figure.unit)
    if unit in _DISTANCE_UNITS and event not in context.WAR_EVENTS and _locates_a_place(tokens[-1]):
        # "Tula, a city located 170 km south of Moscow": no one performs it (but "targets
        # located 70 km from the front" is a strike's reach).
        return _NOBODY
    if noun.pos_ == "NOUN" and noun not in tokens and _counts_sources(noun, lang):
        return _NOBODY  # "executives at eight companies said": who speaks performs nothing
    if _measures_population(noun, tokens[-1], mention.sentence.text):
        return _NOBODY
    own = _owner(noun, lang)
    if own is None and noun is not tokens[-1] and event == "count" and item not in _WORKER_ITEMS:
        own = gazetteer.demonym(noun.text, strict=True)  # "45 millions d'Ukrainiens"
    # "la formation de milliers de soldats ukrainiens": those trained are not who trains.
    trained = own if own is not None and _undergoes(noun) else None
    if trained is not None:
        own = None
    victims = event in _EVENTS_OF_LOSS and item not in _MILITARY_ITEMS
    if own is not None and event in _EVENTS_OF_LOSS and not victims and _told_as_loss(noun, mention):
        return own
    giver = _aid_giver(tokens[-1], lang) or _described_body(tokens[-1], lang)
    if giver is None and event == "deliver" and any(w in mention.sentence.text for w in LENDING_WORDS):
        giver = _lender(tokens[-1], lang)
    if giver is not None:
        return giver
    # "contre seulement 13 pour nous": the share named right after the figure, whoever the
    # sentence's subject is.
    share = context.first_person_actor(_beneficiary_first_person(tokens), mention, speaker)
    if share is not None:
        return share
    subject = _subject_entity(noun, lang, mention, victims)
    if subject is not None and item == "territory" and subject is not _SEVERAL:
        mention.state["occupier"] = subject  # "Russia controls a fifth of Ukraine": who holds land
    if subject is not None:
        return subject if subject is not _SEVERAL else _NOBODY
    if item == "territory":
        holder = _territory_holder(noun, mention, lang)
        if holder is not None:
            return holder
    pronoun = context.first_person_actor(_first_person(noun), mention, speaker)
    if pronoun is not None:
        return pronoun
    suppliers: set[int] = set()
    if event in context.ATTACK_EVENTS:
        makers = _makers(doc)
        if len(makers) == 1 and context.is_party(mention, next(iter(makers))):
            return next(iter(makers))  # "Ukrainian-made missiles struck a plant 1,200 km away"
        # "Iranian-made drones struck Lviv" in a war of others: the maker only supplied them.
        suppliers = {i for maker, ids in makers.items() if not context.is_party(mention, maker) for i in ids}
    if own is not None and event not in _EVENTS_AGAINST_ITEM and not victims:
        # An agent phrase names who acts on the owned things ("le financement par le régime
        # russe de deux fondations allemandes": Russia funds, the German foundations get).
        by = any(t.lower_ in ("by", "par") for t in doc)
        agents = agent_countries(tokens[0], lang, {t.i for t in tokens}) if by else []
        return agents[0] if len(agents) == 1 and agents[0] != own else own
    exclude = {t.i for t in tokens} | _cue_ids(doc, lang, tokens) | suppliers
    if item in _WORKER_ITEMS:
        # "500,000 Ukrainians who work in the Czech Republic": the country they work in has
        # them, not the one they come from.
        workplaces = countries_in(doc, lang, exclude=exclude, people=False, places=True)
        if len(workplaces) == 1:
            return workplaces[0]
    if item is not None:
        repeated = context.repeated_actor(mention)
        if repeated is not None:
            return repeated
    if event == "strike" and noun.lower_ not in WEAPON_NOUNS:
        # "six tankers that carried Russian oil were hit": what describes the target.
        exclude |= {t.i for c in noun.children if c.dep_ in ("relcl", "acl:relcl") for t in c.subtree}
    if event == "shoot_down":
        exclude |= attackers(doc, lang)
    countries = countries_in(doc, lang, exclude=exclude, people=not victims,
                              targets=event in _EVENTS_AGAINST_ITEM)
    if event in context.WAR_EVENTS and len(countries) > 1:
        armed = [c for c in armed_countries(doc, lang, exclude) + _armed_sides(doc, exclude) if c in countries]
        if len(armed) == 1:
            return armed[0]  # "lors d'opérations de l'armée israélienne ... (chaîne qatarie)"
    if speaker is not None and speaker.kind == "body" and speaker.name in countries:
        countries.remove(speaker.name)  # the source of a figure is not its actor
    if own is not None and (event in _EVENTS_AGAINST_ITEM or victims) and own in countries:
        countries.remove(own)  # "downed 40 Ukrainian drones", "Palestinians killed": the target
    if trained in countries:
        countries.remove(trained)
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
    if not countries and victims and context.VICTIM_EVENTS & {event}:
        # "208 enfants ont été tués en Ukraine" in a war of Russia and Ukraine: the other side.
        places = countries_in(doc, lang, exclude=exclude, places=True)
        other = context.other_party(mention, places[0]) if len(places) == 1 else None
        if other is not None:
            return other
    if not countries and event in ("count", "spend", "other") and item is not None:
        owner = _only_person(doc, lang, exclude, speaker)
        if owner is not None:
            return owner  # "assets attributed to Putin: a palace of $1.4 billion, 19 houses"
    # A country that says so in this very sentence ("Le Royaume-Uni a confirmé ...") acts too.
    kinds = ("person", "state", "country") if exclude - {t.i for t in tokens} else ("person", "state")
    if not countries and speaker is not None and speaker.country and speaker.kind in kinds:
        return speaker.country
    # Falling back on the document's main country or the last actor was tried: both
    # lose more figures with no actor than they win (dev sets, 2026-11); context.py
    # carries only an attacker, over a few sentences of one paragraph.
    return _NOBODY if len(countries) > 1 else None


def _aid_giver(figure, lang: str) -> str | None:
    """The giver a noun of aid the figure measures names ("assistance from the European
    Union worth 90 billion euros", "une aide de l'Union européenne de 50 milliards"):
    the one that delivers, whoever the sentence's subject is."""
    node = figure
    for _ in range(8):
        if node.lower_ == "worth" and node.i > 0 and node.head.pos_ in ("VERB", "AUX"):
            # "worth" qualifies the phrase before it, wherever the parser hangs it.
            node = node.doc[node.i - 1]
        if node.pos_ in ("VERB", "AUX") or node.head is node:
            return None
        if node.lower_ in AID_NOUNS:
            for child in node.children:
                if child.dep_ == "prep" and child.lower_ == "from":
                    child = next((c for c in child.children if c.dep_ == "pobj"), child)
                elif not (child.dep_ == "nmod" and any(
                        c.dep_ == "case" and c.lower_ in DE for c in child.children)):
                    continue
                entity = gazetteer.lookup(ent_text(child), lang)
                if entity is None and child.ent_type_ in BODY_LABELS:
                    entity = Entity(clean_name(ent_text(child)), "body")
                if entity is not None and entity.kind != "person":
                    return as_actor(entity)
        node = node.head
    return None


def _lender(figure, lang: str) -> str | None:
    """The lender of a loan agreed with someone ("a deal with the IMF for a $8.1 billion
    lending programme", "un accord avec le FMI pour des prêts de 8 milliards"): the body
    the deal is made with, whoever the sentence's subject is."""
    path = [figure]
    while path[-1].head is not path[-1] and path[-1].pos_ not in ("VERB", "AUX") and len(path) < 8:
        path.append(path[-1].head)
    words = {t.lower_ for t in path} | {
        c.lower_ for t in path for c in t.children if c.dep_ in ("compound", "nmod")}
    if not words & LENDING_WORDS:
        return None
    for tok in figure.doc:
        if tok.lower_ not in ("with", "avec"):
            continue
        named = next((c for c in tok.children if c.dep_ == "pobj"), None) if tok.dep_ == "prep" else tok.head
        tied = tok.head if tok.dep_ == "prep" else named.head if named is not None else None
        if named is None or tied is None:
            continue
        dealt = tied.lower_ in DEAL_NOUNS or any(
            c.lower_ in DEAL_NOUNS and c.dep_ in ("dobj", "obj") for c in tied.children)
        entity = gazetteer.lookup(ent_text(named), lang) if dealt else None
        if entity is None and dealt and named.ent_type_ in BODY_LABELS:
            entity = Entity(clean_name(ent_text(named)), "body")
        if entity is not None and entity.kind != "person":
            return as_actor(entity)
    return None


def _described_body(figure, lang: str) -> str | None:
    """The body an apposition holding the figure describes ("Metinvest, a group with
    revenues of $7 billion"): the figure is the body's own, whatever the verb says."""
    node = figure
    for _ in range(6):
        if node.dep_ == "appos":
            head = node.head
            if head.ent_type_ not in BODY_LABELS:
                return None
            entity = gazetteer.lookup(ent_text(head), lang) or Entity(clean_name(ent_text(head)), "body")
            return as_actor(entity)
        if node.head is node or node.head.pos_ in ("VERB", "AUX"):
            return None
        node = node.head
    return None


def _territory_holder(noun, mention: Mention, lang: str) -> str | None:
    """Who holds the land a figure measures when no subject says: the occupier of "the
    occupied territories" (the last one the document said holds land, else the last
    attacker), else the country of "four-fifths of Ukraine"."""
    if any(t.lower_ in OCCUPIED_WORDS for t in mention.sentence.doc):
        held = mention.state.get("occupier") or (mention.state.get("last_attacker") or (0, None))[1]
        if held is not None:
            return held
    if any(t.dep_ in ("nsubj", "nsubj:pass", "nsubjpass") and t.ent_type_ in PLACE_LABELS for t in noun.doc):
        return None  # "La Russie contrôle 18 % de l'Ukraine", the verb misparsed: a holder is named
    # "four-fifths of Ukraine": the parse may give the country itself as the counted noun.
    for child in [noun, *noun.children]:
        if child.dep_ == "prep" and child.lower_ == "of":
            child = next((c for c in child.children if c.dep_ == "pobj"), child)
        elif child is not noun and not _is_genitive(child) or child.pos_ != "PROPN":
            continue
        entity = gazetteer.lookup(ent_text(child), lang)
        if entity is not None and entity.kind == "country":
            return entity.name
    return None


def _spared(noun) -> bool:
    """Whether words of exception open the counted phrase or the one it is joined to ("all
    but 26 drones and 31 missiles", "tous sauf 26 drones"): it counts what the verb spared."""
    for _ in range(3):
        first = noun.left_edge
        before = " ".join(t.lower_ for t in noun.doc[max(first.i - 4, 0) : first.i + 2])
        if any(before.startswith(w) or f" {w} " in f" {before} " for w in SPARING_WORDS):
            return True
        if noun.dep_ != "conj":
            return False
        noun = noun.head
    return False


def _locates_a_place(figure) -> bool:
    """Whether the figure is a distance that places somewhere ("située à 170 km de
    Moscou", "a town located 30 km south of the border"): a participle of place governs it."""
    node = figure
    for _ in range(3):
        if node.head is node:
            return False
        node = node.head
        if node.lower_ in LOCATED_WORDS:
            return True
        if node.pos_ in ("VERB", "AUX"):
            return False
    return False


def _counts_sources(noun, lang: str) -> bool:
    """Whether the counted noun is (inside) the subject of a speech verb or the source an
    attribution names: "executives at eight companies said", "trois responsables ont dit"."""
    # ("per" is a cue for "per the ministry" but mostly a rate: "40 per month".)
    for head in find_cues(noun.doc, lang):
        inside = head.left_edge.i <= noun.i <= head.right_edge.i  # cheap test before the phrase
        if inside and head.head.lower_ != "per" and noun in noun_phrase(head):
            return True
    doc = noun.doc
    # The parse may miss the link ("..., executives at eight companies said."): a speech
    # verb right after the noun has it as subject, unless it is "said to".
    after = doc[noun.i + 1 : noun.i + 3]
    if after and after[0].lower_ in SAY_WORDS and not (len(after) > 1 and after[1].lower_ == "to"):
        return True
    node = noun
    for _ in range(4):
        head = node.head
        if head is node:
            return False
        if node.dep_ == "nsubj":
            return head.lower_ in _ANY_SPEECH and not _claims_responsibility(head)
        if head.pos_ in ("VERB", "AUX"):
            return False
        node = head
    return False


def _armed_sides(doc, exclude: set[int]) -> list[str]:
    """The countries a "side" of an armed action names ("des tirs d'artillerie du côté
    ukrainien", "shelling from the Ukrainian side")."""
    found = []
    for tok in doc:
        if tok.lower_ not in ("side", "côté") or tok.i in exclude:
            continue
        node = tok.head.head if tok.head.dep_ == "prep" else tok.head
        if node.lower_ not in ARMED_NOUNS:
            continue
        for child in tok.children:
            name = gazetteer.demonym(child.text, strict=True) if child.dep_ in ("amod", "compound") else None
            if name is not None and name not in found:
                found.append(name)
    return found


def _makers(doc) -> dict[str, set[int]]:
    """The countries a sentence names as makers of a thing, with the tokens naming them:
    "Ukrainian-made missiles", "des missiles de fabrication ukrainienne", "des drones
    fabriqués en Ukraine"."""
    makers: dict[str, set[int]] = {}
    text = doc.text.lower()
    if not any(word in text for word in MAKING_CLUES):
        return makers  # most sentences: no need to read them word by word
    for tok in doc[2:]:
        before = doc[tok.i - 1]
        if tok.lower_ in MADE_WORDS and before.text == "-":
            word = doc[tok.i - 2]
        elif tok.i + 1 < len(doc) and (tok.lower_ in MAKING_WORDS and before.lower_ in DE or tok.lower_ in (
                "en", "in") and before.lower_ in MADE_PARTICIPLES):
            word = doc[tok.i + 1]
        else:
            continue
        country = gazetteer.demonym(word.text)
        if country is not None:
            makers.setdefault(country, set()).add(word.i)
    return makers


def _first_person(noun):
    """The "we"/"nous" subject of the verb governing `noun`, or an "our"/"nos" on it."""
    for child in noun.children:
        if child.dep_ in ("poss", "nmod:poss", "det") and child.lower_ in context.FIRST_PERSON:
            return child
    node = noun
    for _ in range(10):
        head = node.head
        if head is node:
            return None
        if head.pos_ in ("VERB", "AUX"):
            if head.lower_ in _ANY_SPEECH:
                return None
            subjects = [c for c in head.children if c.dep_ in ("nsubj", "nsubj:pass", "nsubjpass")]
            if not subjects and head.dep_ in ("acl", "advcl"):
                # "nous avons fourni 615 tonnes d'équipement, comprenant 200 tonnes de …": a
                # participle has no subject of its own; the clause it hangs on has.
                node = head
                continue
            # "Jusque-là nous avons fourni": the parser may hang an adverb as a subject too.
            first = [s for s in subjects if s.lower_ in context.FIRST_PERSON]
            if first:
                return first[0]
            return subjects[0] if subjects and subjects[0].pos_ == "PRON" else None
        node = head
    return None


def _beneficiary_first_person(tokens):
    """The "nous" of a "pour nous"/"chez nous" just after the figure ("13 millions de m3
    pour nous"): the figure is the first person's share, whatever the parse says."""
    doc = tokens[-1].doc
    after = doc[tokens[-1].i + 1: tokens[-1].i + 5]
    for first, second in zip(after, after[1:]):
        if first.lower_ in ("pour", "chez", "for") and second.lower_ in ("nous", "us"):
            return second
        if first.is_punct:
            return None
    return None


def _measures_population(noun, last, sentence: str) -> bool:
    """Whether the figure is the size of a population, which no one performs: "a
    population of 42 million", "the city of 3 million", "the population was 2.1 million",
    "5 % de la population" (a labour force, "la population active", counts workers)."""
    text = sentence.lower()
    if not any(word in text for word in POPULATION_NOUNS):
        return False  # most sentences: no need to read the parse
    for tok in (noun, last):
        head = tok.head
        if tok.dep_ == "pobj" and head.lower_ == "of" or tok.dep_ == "nmod" and any(
                c.dep_ == "case" and c.lower_ in DE for c in tok.children):
            holder = head.head if tok.dep_ == "pobj" else head
            if holder.lower_ in POPULATION_NOUNS and _whole_population(holder):
                return True
        verb = head if tok.dep_ in ("attr", "acomp") else tok
        if any(c.dep_ in ("nsubj", "nsubj:pass") and c.lower_ in POPULATION_NOUNS[:2] and _whole_population(c)
               for c in verb.children):
            return True
        if any(c.lower_ in POPULATION_NOUNS[:2] and _whole_population(c) for c in _of_complements(tok)):
            return True
    return False


def _whole_population(noun) -> bool:
    return not any(c.lower_ in LABOUR_WORDS for c in noun.children)


def _is_shared_duration(mention: Mention, item: str | None) -> bool:
    """How long something between sides lasts has no one actor: "the four-year war",
    "a 30-minute call", "talks of six hours" (but "end the war in 24 hours" is a pledge)."""
    unit = mention.fields.get("unit", mention.figure.unit)
    if item in ("war", "conflict"):
        return unit in ("year", "month", "week")
    return item in SHARED_EVENTS and unit in ("year", "month", "week", "day", "hour", "minute")


def _undergoes(noun) -> bool:
    """Whether the counted noun undergoes an action a noun or verb of care names ("the
    training of 500 Ukrainian pilots", "training thousands of Ukrainian soldiers", "la
    formation de milliers de soldats ukrainiens"), through quantity nouns ("milliers de")."""
    node = noun
    for _ in range(3):
        if node.head is node:
            return False
        if node.dep_ in ("dobj", "obj"):
            return node.head.lower_ in PATIENT_NOUNS
        if node.dep_ == "nmod":
            head = node.head
        elif node.dep_ == "pobj" and node.head.lower_ in ("of", "for"):
            head = node.head.head
        else:
            return False
        if head.lower_ in PATIENT_NOUNS:
            return True
        node = head
    return False


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
        # "..., says Jacques Baud, a former NATO adviser": the source's description too.
        ids |= {t.i for c in head.children if c.dep_ == "appos" and not covers(c, position) for t in c.subtree}
    # A name the parse split ("Croissant" / "-Rouge palestinien") belongs whole to the source.
    for ent in doc.ents:
        if ids & set(range(ent.start, ent.end)):
            ids |= set(range(ent.start, ent.end))
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
    if noun.lower_ in RELATION_NOUNS:
        return None  # "Ukrainian allies", "les partenaires de l'Ukraine": the other side
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


def _governing_subject(tok, giver: bool = True):
    """The subject (or passive agent) of the verb that governs `tok`, climbing through
    noun phrases; None when that verb is a speech verb (its subject is the speaker)."""
    node = tok
    if any(c.dep_ == "cop" for c in tok.children):
        # The figure is itself the predicate: "même si elles sont à 100 %".
        subjects = [c for c in tok.children if c.dep_ in ("nsubj", "nsubj:pass")]
        if subjects:
            return subjects[0]
    agent = _participle_agent(tok)
    if agent is not None:
        return agent
    for _ in range(6):
        if node.dep_ in ("nsubj", "nsubj:pass", "nsubjpass"):
            return node
        head = node.head
        if head is node:
            return None
        # A verb, or a noun or adjective with a copula ("L'Ukraine a pour ambition de fabriquer").
        if head.pos_ in ("VERB", "AUX") or head.pos_ in ("NOUN", "ADJ") and any(
                c.dep_ == "cop" for c in head.children):
            agents = [c for c in head.children if c.dep_ in ("agent", "obl:agent")]
            if agents:
                return agents[0]
            # The parser sometimes hangs the subject on an auxiliary split off by an
            # insertion ("the EU have, according to X, provided ...").
            subjects = [c for c in head.children if c.dep_ in ("nsubj", "nsubj:pass", "nsubjpass")] or [
                g for c in head.children if c.dep_ == "aux" for g in c.children if g.dep_ == "nsubj"]
            if subjects:
                if head.lower_ in _ANY_SPEECH and not _claims_responsibility(head):
                    return None
                if giver and head.lower_ in RECEIVE_VERBS:
                    return _source_of(head, tok)  # the subject received: the giver acts
                subject = subjects[0]
                # "qui"/"which"/"who" is relative wherever the parser hangs its clause.
                relative = head.dep_ in ("acl:relcl", "relcl") or subject.lower_ != "that"
                if subject.lower_ in RELATIVES and relative:
                    return _antecedent(subject)  # "l'Allemagne, qui importe 58 millions de m3"
                return subject
        node = head
    return None


def _participle_agent(noun):
    """The agent of a past participle on the counted noun ("103 000 demandes reçues par
    l'Ofpra", "two foundations funded by the Russian state"): who acts on the things,
    whatever the clause the noun sits in; None without one."""
    for child in noun.children:
        if child.dep_ not in ("acl", "amod") or "Part" not in child.morph.get("VerbForm"):
            continue
        agents = [c for c in child.children if c.dep_ in ("agent", "obl:agent")]
        if agents:
            return agents[0]
    return None


def _claims_responsibility(verb) -> bool:
    """"X claimed responsibility for four attacks": X performed them, it is no speech."""
    return any(c.dep_ in ("dobj", "obj") and c.lower_ in ("responsibility", "responsabilité")
               for c in verb.children)


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


def _subject_entity(noun, lang: str, mention: Mention, victims: bool = False) -> str | None:
    """The country or body the governing subject names ("Russia launched 420 drones");
    with victims, not a passive subject or a people ("two Palestinians were killed and
    19 wounded": the victims)."""
    # Who receives a salary or income has it: no swap to the giver ("perçoit un salaire").
    subject = _governing_subject(noun, giver=not _personal_wealth(mention))
    figure = {t.i for t in mention.tokens()}
    if subject is None or subject.i in figure or subject is noun:
        return None
    passive = subject.dep_ in ("nsubj:pass", "nsubjpass")
    if victims and (passive or gazetteer.demonym(subject.text, strict=True)):
        return None
    if mention.fields.get("item") in _WORKER_ITEMS and gazetteer.demonym(subject.text, strict=True):
        return None  # "Ukrainians who work in Czechia": workers are had, not the actor
    if subject.dep_ in ("agent", "obl:agent"):
        subject = next((c for c in subject.children if c.dep_ == "pobj"), subject)
    if subject.pos_ == "PRON" and not subject.ent_type_:
        found = _pronoun_actor(subject, mention)
        weapon = mention.fields.get("item") in _WEAPON_ITEMS
        if found is None and weapon and subject.lower_ in ("it", "il", "elle"):
            # "Russia launched 36 missiles, including an Oreshnik. It flies at 13,000 km/h":
            # "it" is the weapon, whose owner is the one who just launched it.
            found = context.recent_attacker(mention)
        return found
    if subject.lower_ in SHARE_NOUNS and any(c.lower_ in DEMONSTRATIVES for c in subject.children):
        return context.previous_actor(mention)  # "that share fell to 4%": the share of the one before
    if any(c.dep_ == "conj" and (c.pos_ == "PROPN" or c.ent_type_) for c in subject.children):
        return _SEVERAL  # "Russia and Ukraine exchanged 150 prisoners": no single one
    if subject.lower_ in SIDE_NOUNS and any(c.lower_ in BOTH_WORDS for c in subject.children):
        return _SEVERAL  # "both sides use thousands of drones", "les deux camps"
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
    whole = noun_phrase(subject)
    if entity is None and len(whole) <= 5:
        entity = gazetteer.lookup(" ".join(t.text for t in whole), lang)  # "le maître du Kremlin"
        if entity is not None and entity.kind == "person" and _personal_wealth(mention):
            return entity.name
    if entity is not None and entity.kind in ("state", "body", "country", "person"):
        return as_actor(entity)
    owner = _owner(subject, lang)
    if owner is not None:
        return owner
    owner = next((c for c in subject.children if c.dep_ in ("poss", "nmod:poss", "det")
                  and c.lower_ in THIRD_POSSESSIVES), None)
    if owner is not None:
        return _pronoun_actor(owner, mention)  # "its leaders agreed on €90bn": the body's
    # "Global steelmaker ArcelorMittal lost 10%": a body named inside the subject.
    named = [c for c in subject.children if c.dep_ == "appos"][:1]  # "steelmaker ArcelorMittal (MT.LU)"
    if subject.lower_ in RELATION_NOUNS | MEMBER_NOUNS:
        # "allies within NATO", "members of the EU", "les membres de l'OTAN": the group
        named += [g for c in subject.children if c.dep_ == "prep" and c.lower_ in ("within", "of", "in")
                  for g in c.children if g.dep_ == "pobj"]
        named += [c for c in subject.children if _is_genitive(c)]
    for tok in head_phrase + named:
        if tok.ent_type_ in BODY_LABELS and tok is not subject:
            entity = gazetteer.lookup(ent_text(tok), lang) or Entity(clean_name(ent_text(tok)), "body")
            return as_actor(entity)
    if subject.lower_ in ATTACK_NOUNS or any(c.lower_ in ATTACK_NOUNS for c in _of_complements(subject)):
        return context.recent_attacker(mention)  # "similar attacks have deprived millions of heat"
    return None


def _only_person(doc, lang: str, exclude: set[int], speaker: Entity | None) -> str | None:
    """The one person a sentence names outside its attributions, if not the speaker: who
    has or pays for what a sentence with no country counts."""
    people = set()
    for ent in doc.ents:
        if ent.label_ in PERSON_LABELS and not exclude & set(range(ent.start, ent.end)):
            entity = gazetteer.lookup(ent.text, lang)
            people.add(entity.name if entity is not None and entity.kind == "person" else None)
    if len(people) != 1 or None in people:
        return None
    name = people.pop()
    return None if speaker is not None and speaker.name == name else name


def _pronoun_actor(pronoun, mention: Mention) -> str | None:
    """The country or body a third-person pronoun stands for ("it", "they", "elle"): the
    last one named before it, unless a person was named since (then "il" is likely them)."""
    if pronoun.lower_ not in THIRD_PERSON | THIRD_POSSESSIVES:
        return None
    after = pronoun.doc[pronoun.i + 1] if pronoun.i + 1 < len(pronoun.doc) else None
    if pronoun.lower_ == "il" and after is not None and after.lower_ in IMPERSONAL_AFTER:
        return None  # "il y a 500 000 Ukrainiens", "il faut": no one
    doc = mention.sentence.doc
    entity = last_named_before(mention, pronoun.i, skip=_cue_ids(doc, mention.lang, mention.tokens()))
    if entity is None or entity.kind not in ("country", "body", "state"):
        return None
    if pronoun.lower_ in PLURAL_PRONOUNS and entity.kind == "country":
        return None  # a country is "it", "il", "elle"; "they" are mostly things or people
    return as_actor(entity)


def _personal_wealth(mention: Mention) -> bool:
    """Whether the figure is money a person has or spends (CLAIMS.md: for a count, the
    actor is the one that has the items), rather than a state's budget they announce."""
    fields = mention.fields
    return fields.get("item") in WEALTH_ITEMS and fields.get("event") in ("count", "spend", "other")




# What _subject_entity gives when the subject names several performers.
_SEVERAL = "<several>"
# What _sentence_actor gives when the sentence rules out any actor.
_NOBODY = "<nobody>"
