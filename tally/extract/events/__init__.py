"""Event and status of a figure, from the verb or noun that governs it.

The governing words are the counted noun's participles ("drones abattus", "people killed")
and the figure's ancestors in the parse, nearest first (governors.py); each is matched
against the word patterns of data/lexicon/events.yaml. Shares take the event of what they
are a share of ("the tankers hit would represent 1%"); the size of a change has none.
Status comes from cue words (status.py).
A count with no event word that is the subject or attribute of "be", or the size of a place,
is a state (`count`); a sum with none is most often aid (`deliver`).
"""
from __future__ import annotations

import re

from .. import items
from ..mention import Mention
from .governors import (
    _SAYING,
    _STATED,
    _figure_head,
    _noun_verbs,
    _objects,
    _word,
    event_of_word,
    governors,
    lexicon,
)
from .status import _cue_tokens, _status

__all__ = ["EVENTS", "assign", "event_of_word", "governors", "lexicon"]

EVENTS = ("produce", "deliver", "deploy", "strike", "shoot_down", "destroy", "build", "develop",
          "join", "kill", "injure", "displace", "spend", "count", "other")
# Units whose figures say how big, long or far something is: they rarely carry an event.
_MEASURE_UNITS = {"year", "month", "week", "day", "hour", "minute", "second", "km", "m", "mile", "kg",
                  "lb", "celsius", "fahrenheit", "km/h", "mph", "percentage point"}
# Drones and missiles destroyed are shot down: they are destroyed in the air.
_AIRBORNE = {"drone", "missile"}
_PEOPLE = {"person", "civilian", "child", "man", "woman"}
_PLACES = {"region", "city", "town", "village", "location", "settlement", "territory", "oblast"}
_LIVES = {"life", "lives", "vie", "vies"}
_DURATIONS = {"year", "month", "week", "day", "hour", "minute", "second"}
_SPEEDS = {"km/h", "mph", "celsius", "fahrenheit"}
# Words that continue a list or a breakdown just before a figure ("and 29", "including about 34").
_LIST_BEFORE = re.compile(r"(?:\b(?:and|et|including|dont|of which|y compris|among them|parmi eux)|,)"
                          r"(?:\s+(?:about|some|roughly|around|nearly|almost|over|environ|près de|"
                          r"plus de|more than|at least))?\s*$", re.I)
# Forms of "be": a count that is their subject or attribute states how many there are.
_COPULA = re.compile(r"^(?:is|are|was|were|be|been|'s|'re|est|sont|était|étaient|fut|furent|serait|"
                     r"seraient|reste|restent|demeure)$")


def _adjust(event: str, token, item: str | None, mention: Mention) -> str:
    """The event refined by its item and construction: drones destroyed are shot down,
    people lost are killed, "attacked with 500 drones" deploys them."""
    if event == "destroy" and item in _AIRBORNE:
        return "shoot_down"
    if event == "destroy" and token.pos_ in ("VERB", "AUX"):
        objects = [c for c in token.children if c.dep_ in ("dobj", "obj")]
        if any(_word(c) in _LIVES for c in objects):
            return "kill"  # "lost their lives", "ont perdu la vie"
        if objects and _is_subject(mention, token):
            return "other"  # "millions of homes lost electricity": they lost something, not themselves
        if item in _PEOPLE or any(event_of_word(c.text, mention.lang) == "kill" for c in objects):
            return "kill"  # "ils perdaient 200 personnes par jour", "ont perdu la vie"
    if event == "strike" and item in _AIRBORNE and (
            re.search(r"\b(with|avec)\s+(\S+\s+){0,4}$", mention.before)
            or any(_word(t) in ("with", "avec") for t in _with_path(mention, token))):
        return "deploy"  # "attacked with 1,500 drones and 90 missiles": the weapons are used
    if event == "deploy" and item == "attack":
        return "strike"  # "launched 40 attacks", "30 fois plus de tirs": attacks strike
    if event == "count" and mention.figure.unit in _MEASURE_UNITS:
        return "other"
    if item in _PLACES and event in ("destroy", "injure", "kill", "shoot_down", "deploy"):
        return "strike"  # "wounding people in six regions": the places are struck
    return event


def _with_path(mention: Mention, verb) -> list:
    """The words between the figure and `verb` in the parse ("with" in "attacked ... with 90 missiles")."""
    out = []
    for token in governors(mention, items.found(mention)[1]):
        if token.i == verb.i:
            break
        out.append(token)
    return out


def _is_subject(mention: Mention, verb) -> bool:
    """Whether the figure or its counted noun is the subject of `verb`."""
    _item, noun = items.found(mention)
    ids = {t.i for t in items.figure_tokens(mention)} | ({noun.i} if noun is not None else set())
    return any(c.dep_.startswith("nsubj") and c.i in ids for c in verb.children)


def _money_event(mention: Mention, noun, item: str | None) -> str:
    """Money: aid is delivered, prices and purchases are spent, a fortune is a state."""
    lang = "fr" if mention.lang == "fr" else "en"
    if item in lexicon()["money_item_events"]:
        return lexicon()["money_item_events"][item]
    aid = lexicon()["aid"][lang]
    if any(aid.match(_word(t)) for t in _cue_tokens(mention, noun)):
        return "deliver"
    for token in governors(mention, noun) + _objects(governors(mention, noun)):
        event = event_of_word(token.text, lang)
        if event in ("spend", "deliver", "count"):
            return event
    earlier = _sentence_events(mention).get(_list_key(mention))
    if earlier in ("spend", "deliver") and _in_list(mention, noun):
        return earlier
    # Most sums in the news are aid, loans or transfers; prices and budgets name themselves.
    return "deliver" if item == "money" else "other"


def _event(mention: Mention, noun, item: str | None) -> str:
    """The event of the figure, one of EVENTS."""
    unit = mention.figure.unit
    if unit == "percent":
        if _change_amount(mention):
            return "other"  # "exports plunged 30%", "a 10% decline": by how much, not what happened
        share = _share_event(mention, governors(mention, noun))
        if share is not None:
            return share
    event = _governed_event(mention, noun, item)
    if unit == "percent" and item not in items.VOCABULARY and event not in ("count", "deliver"):
        return "other"  # shares of output, growth, rates: what changes is not an event
    return event


def _governed_event(mention: Mention, noun, item: str | None) -> str:
    """The event named by the words that govern the figure, else by its item or list."""
    lang = "fr" if mention.lang == "fr" else "en"
    unit = mention.figure.unit
    if unit.split("/")[0] in _DURATIONS or unit in _SPEEDS:
        return "other"
    if unit.split("/")[0] in items.CURRENCIES:
        return _money_event(mention, noun, item)
    if items.population_of(mention):
        return "count"
    change = lexicon()["change"][lang]
    chain = governors(mention, noun)
    if _converts(mention):
        earlier = _sentence_events(mention).get(_list_key(mention))
        if earlier is not None:
            return earlier  # "(based on 4.2 and 5.8 million rounds)": the figure before, restated
    words = _participle_after(mention, noun) + ([noun] if noun is not None else []) + chain
    stopped = False
    for token in words:
        if _SAYING.match(_word(token)) and (noun is None or token.i != noun.i):
            continue
        if change.match(_word(token)):
            stopped = True
            break
        event = event_of_word(token.text, lang)
        if event == "produce" and noun is not None and token.i == noun.i:
            continue  # "23 000 tonnes de produits": the counted goods are not their making
        if event == "count" or lexicon()["light"][lang].match(_word(token)):
            # "Ukraine's losses have totaled 11,300": the subject names the event;
            # "six tankers suffered explosions": the object of a light verb does.
            named = [e for e in (event_of_word(c.text, lang) for c in _objects([token])
                                 if noun is None or c.i != noun.i) if e not in (None, "count")]
            event = named[0] if named else event
        if event is not None:
            return _adjust(event, token, item, mention)
    # Not the subject of a verb of saying: "18 deaths were reported along with hundreds of cases".
    for token in _objects([t for t in chain if not _SAYING.match(_word(t))]):
        event = event_of_word(token.text, lang)
        if event is not None and event != "count":
            return _adjust(event, token, item, mention)
    if unit in items.DISTANCES and items.locates(mention):
        # "missiles struck a plant about 1,200km from the border": where the strike landed.
        for token in governors(mention, noun, depth=7):
            event = event_of_word(token.text, lang) if token.pos_ == "VERB" else None
            if event in ("strike", "deploy", "shoot_down"):
                return event
    if stopped or unit in _MEASURE_UNITS:
        return "other"
    if item in lexicon()["item_events"]:
        return lexicon()["item_events"][item]
    # A figure in a list after another ("... 361 aircraft and 29 naval vessels"): the same event.
    if _in_list(mention, noun):
        earlier = _sentence_events(mention).get(_list_key(mention))
        if earlier is not None:
            return earlier
    if _states_count(mention, noun, chain):
        return "count"
    return "other"


def _change_amount(mention: Mention) -> bool:
    """Whether a percentage is the size of a change: the object or "by" phrase of a verb of change
    ("plunged 30%", "exceeded supply by 30%", "a chuté de 30 %") or a modifier of a noun of change
    ("a 10.6% decline", "une hausse de 5 %"), but not the level reached ("fell to 4%")."""
    tokens = items.figure_tokens(mention)
    if not tokens:
        return False
    lang = "fr" if mention.lang == "fr" else "en"
    change = lexicon()["change"][lang]
    head = _figure_head(tokens)
    governor = head.head
    if governor.i == head.i:
        return False
    if governor.pos_ == "ADP":
        if _word(governor) not in ("by", "de", "d'"):
            return False
        governor = governor.head
    elif any(c.dep_ == "case" and _word(c) not in ("de", "d'") for c in head.children):
        return False  # "passant à 36 %": a level
    return bool(change.match(_word(governor)) or _EXCEED.match(_word(governor)))

_EXCEED = re.compile(r"^(?:exceed(?:s|ed|ing)?|dépass\w*)$")

# A figure restated in brackets just after another: "$4bn (€3.7bn)", "(based on 4.2 million rounds".
_CONVERTS = re.compile(r"\((?:[^()]{0,20})$")


def _converts(mention: Mention) -> bool:
    return bool(_CONVERTS.search(mention.before))


def _share_event(mention: Mention, chain: list) -> str | None:
    """The event of a share stated by "represent", "constitute", "account for" ("the tankers hit
    would represent 1% of the fleet", "deliveries, which may constitute 40% of the rounds"): the
    event of the verb's subject, else of the figure before it in the sentence; None without such a verb."""
    lang = "fr" if mention.lang == "fr" else "en"
    verb = next((t for t in chain if t.pos_ in ("VERB", "AUX") and lexicon()["share"][lang].match(_word(t))), None)
    if verb is None:
        return None
    subjects = [c for c in verb.children if c.dep_.startswith("nsubj")]
    heads = []
    if not subjects and verb.dep_ == "conj" and verb.head.pos_ in ("VERB", "AUX"):
        # "the tankers damaged or disabled may equate to 5%": the subject and verb it shares
        heads = [verb.head]
        subjects = [c for c in verb.head.children if c.dep_.startswith("nsubj")]
    for subject in subjects:
        if subject.pos_ == "PRON" and verb.dep_ in ("relcl", "acl:relcl"):
            subject = verb.head  # "deliveries of ammunition, which may constitute ...": the antecedent
        candidates = [subject] + sum(_noun_verbs(subject, mention.lang), []) + heads
        if subject.head.pos_ == "ADP" and subject.head.head.pos_ == "NOUN":
            candidates.append(subject.head.head)  # "deliveries of ammunition"
        for token in candidates:
            event = event_of_word(token.text, lang)
            if event is not None and event != "count":
                return _adjust(event, token, mention.fields.get("item"), mention)
    events = _sentence_events(mention)
    index = mention.sentence.index
    return events.get((index, False)) or events.get((index, True))


def _states_count(mention: Mention, noun, chain: list) -> bool:
    """Whether a count with no event word states how many there are: the subject or attribute of
    "be" ("the population was 2.1 million", "n'est que de 30 millions"), or a definite group named
    by its body ("les sept puissances du G7")."""
    if mention.figure.unit != "count":
        return False
    for word in ([noun] if noun is not None else []) + [_figure_head(items.figure_tokens(mention))]:
        if word.dep_ in _STATED and _COPULA.match(_word(word.head)):
            return True  # "the population was 2.1 million", "10 million people are in need"
        if any(c.dep_ == "cop" and _COPULA.match(_word(c)) for c in word.children):
            return True  # "la population n'est que de 30 millions"
        if word.dep_.startswith("nsubj") and any(c.dep_ == "cop" and _COPULA.match(_word(c))
                                                 for c in word.head.children):
            return True  # "plusieurs millions de descendants ne sont plus croyants"
    return noun is not None and _definite_group(mention, noun)


def _definite_group(mention: Mention, noun) -> bool:
    """"Les sept puissances du G7", "the 27 states of the EU": a definite article, the figure,
    its noun and the body the group belongs to."""
    if not re.search(r"\b(?:les|the|aux|des)\s*$", mention.before, re.I):
        return False
    doc = noun.doc
    k = noun.i + 1
    if k < len(doc) and _word(doc[k]) in ("of", "de", "du", "des", "d'"):
        k += 1
        while k < len(doc) and doc[k].pos_ == "DET":
            k += 1
        return k < len(doc) and doc[k].pos_ == "PROPN"
    return False
    return "other"


def _in_list(mention: Mention, noun) -> bool:
    """Whether the figure continues a list or a breakdown of an earlier one ("and 29 vessels",
    "including 34", "dont dix")."""
    heads = [noun] if noun is not None else items.figure_tokens(mention)[-1:]
    if any(t.dep_ in ("conj", "appos") for t in heads):
        return True
    return bool(_LIST_BEFORE.search(mention.before))


def _participle_after(mention: Mention, noun) -> list:
    """A participle right after the figure or its noun ("140,000 killed", "19 personnes blessées")."""
    tokens = items.figure_tokens(mention)
    if not tokens:
        return []
    doc = tokens[0].doc
    last = max([t.i for t in tokens] + ([noun.i] if noun is not None else []))
    if last + 1 < len(doc):
        token = doc[last + 1]
        if token.pos_ == "VERB" and ("Part" in token.morph.get("VerbForm") or token.tag_ == "VBN") and (
                event_of_word(token.text, mention.lang) not in ("deploy", "count")):
            return [token]  # "missiles used to ..." describes them; it is not what happened
    return []


def _list_key(mention: Mention) -> tuple:
    """Key of the events remembered in a sentence: sums and counts make separate lists
    (the spending of a price does not pass to the houses listed after it)."""
    return mention.sentence.index, mention.figure.unit.split("/")[0] in items.CURRENCIES


def _sentence_events(mention: Mention) -> dict:
    return mention.state.setdefault("events_by_sentence", {})


def assign(mention: Mention) -> None:
    """Set fields "event" (e.g. "deploy") and "status" (reported, target or estimate)."""
    _item, noun = items.found(mention)
    mention.fields["event"] = _event(mention, noun, mention.fields.get("item"))
    if mention.fields["event"] != "other":
        _sentence_events(mention)[_list_key(mention)] = mention.fields["event"]
    mention.fields["status"] = _status(mention, noun)
