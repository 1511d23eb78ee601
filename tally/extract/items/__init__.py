"""Item of a figure: what is counted, in the CLAIMS.md vocabulary.

The counted noun comes from the parse and the words around the figure ("420 drones",
"des milliers de soldats", "30 % des drones", "le nombre de drones ... est de 38"), then
goes through the lexicon in data/lexicon/items.yaml (French and English nouns -> item).
"""
from __future__ import annotations

import re

from ..mention import Mention
from .elided import elided_noun
from .nouns import (
    _between,
    _changed_object,
    change_noun,
    changed_thing,
    _from_noun,
    _head_noun,
    _hyphen_noun,
    _locates,
    _noun_left,
    _number_of,
    _object,
    _pronoun_subject,
    _phrases,
    _predicate_noun,
    _subject,
    detail_of,
    item_of_noun,
    noun_after,
)
from .words import (
    figure_tokens,
    CURRENCIES,
    DISTANCES,
    DURATIONS,
    VOCABULARY,
    _AGE_EN,
    _CURRENCY_NAMES,
    _CURRENCY_WORDS,
    _DENOMINATORS,
    _NOT_ITEMS,
    _PEOPLE_ITEMS,
    _POPULATED,
    _TIMES,
    _UNIT_ITEMS,
    _VAGUE,
    _norm,
    lexicon,
    lookup,
    singular,
)

__all__ = ["CURRENCIES", "DISTANCES", "DURATIONS", "VOCABULARY", "assign", "detail_of", "figure_tokens", "find",
           "found", "item_of_noun", "lexicon", "locates", "lookup", "noun_after", "population_of", "singular"]

# Whether a distance places something ("70 km from the front") rather than measures it.
locates = _locates


# Nouns of loss that name no group: a breakdown by them keeps the group counted before.
_LOSS_NOUNS = re.compile(r"^(?:deaths?|lives|fatalit(?:y|ies)|dead|casualt(?:y|ies)|morts?|décès|vies|victimes?)$")

# A part of the figure before it: "including", "dont", "among them".
_BREAKDOWN = re.compile(r"\b(?:including|of whom|among them|dont|y compris|parmi eux|parmi lesquels)\b"
                        r"(?:\s+\S+){0,3}\s*$", re.I)


def _age(mention: Mention) -> bool:
    """Whether a duration is someone's age ("a 56-year-old medic", "des jeunes de 18 ans", "(25 ans)")."""
    if "year-old" in mention.figure.quote.lower() or _AGE_EN.match(mention.after):
        return True
    if mention.lang != "fr":
        return False
    before, after = mention.before.rstrip(), mention.after.lstrip()
    if not re.match(r"^(?:(?:et|à|ou|-)\s*\d+\s+)?ans\b", after):
        return False
    if before.endswith("(") or re.search(r"\bâgée?s?\s+de$", before):
        return True
    match = re.search(r"(\w+)\s+de(?:\s+\S+\s+et)?$", before)
    return bool(match and (lookup([match.group(1).lower()], "fr") in ("person", "child", "man", "woman")
                           or match.group(1).lower() in ("jeunes", "garçon", "fille", "hommes", "femmes")))


# A term in prison: "eight years in prison", "huit ans de prison", "en prison pour huit ans".
_PRISON_AFTER = re.compile(r"^\W*(?:years?|months?|ans|années|mois)?\s*(?:in|of|de|d['’]|en)\s+"
                           r"(?:prison|jail|détention|emprisonnement|réclusion)\b", re.I)
_PRISON_BEFORE = re.compile(r"\b(?:prison|jail|détention|réclusion)\s+(?:pour|for)\s*(?:\S+\s+){0,2}$", re.I)


def _money_holder(mention: Mention) -> str | None:
    """A thing a money figure prices or counts ("un palais de 1,4 milliard", "salaire de ..."), or None."""
    holders = lexicon()["money_holders"].get("fr" if mention.lang == "fr" else "en", {})
    noun = _noun_left(mention, limit=5, known_only=False)
    if noun is not None and _norm(noun) in _VALUE_NOUNS:
        noun = _valued(noun)  # "du matériel militaire pour une valeur de 100 millions": the matériel
    tokens = figure_tokens(mention)
    if (noun is not None and noun.dep_ == "conj" and noun.head.pos_ == "NOUN" and noun.head.i < noun.i
            and not re.search(r"\b(?:de|d['’]|of)\s*$", mention.before)
            and not any(a.i == noun.i for t in tokens for a in t.ancestors)):
        noun = noun.head  # "du pétrole et du gaz pour 700 millions": the first named
    for candidate in (noun, _priced_after(mention)):
        if candidate is None:
            continue
        for words in _phrases(candidate, mention.lang):
            for key in (" ".join(words), " ".join(singular(w, mention.lang) for w in words)):
                if key in holders:
                    return holders[key]
    return None


# Nouns that only say a sum is the worth of the thing named before them.
_VALUE_NOUNS = ("valeur", "value", "montant")


def _valued(value):
    """The noun whose worth "une valeur de" / "a value of" gives ("des armes d'une valeur de":
    armes), or None: the nearest noun before it in its clause."""
    doc = value.doc
    for i in range(value.i - 1, max(-1, value.i - 6), -1):
        token = doc[i]
        if token.is_punct:
            return None
        if token.pos_ == "NOUN" or (token.pos_ == "ADJ" and token.dep_ not in ("amod", "acl")):
            return token
    return None


def _priced_after(mention: Mention):
    """The noun after a sum and its currency through "de"/"of" ("200 milliards de dollars
    (181 milliards d'euros) de gains": gains), or None."""
    tokens = figure_tokens(mention)
    if not tokens:
        return None
    doc = tokens[0].doc
    depth = 0
    for i in range(max(t.i for t in tokens) + 1, min(len(doc), max(t.i for t in tokens) + 12)):
        token = doc[i]
        depth += {"(": 1, ")": -1}.get(token.text, 0)
        if depth or token.text in ("(", ")") or token.like_num:
            continue
        nxt = doc[i + 1] if i + 1 < len(doc) else None
        if _norm(token) in ("de", "d'", "of") and nxt is not None and nxt.pos_ == "NOUN" and (
                _norm(nxt) not in _CURRENCY_WORDS):
            return nxt
        if _norm(token) not in _CURRENCY_WORDS:
            return None
    return None


# Participles of holding land: a share they qualify is a share of territory.
_HOLDING = re.compile(r"^(?:occupied|controlled|held|seized|captured|liberated|retaken|"
                      r"occupée?s?|contrôlée?s?|détenue?s?|conquise?s?|libérée?s?|reprise?s?)$")


def _held(mention: Mention) -> bool:
    """Whether a share is qualified by a participle of holding land ("that 20% occupied by Russia")."""
    tokens = figure_tokens(mention)
    heads = [t.head for t in tokens if t.head.text in ("%", "percent", "cent")]  # "20" of "20 %"
    return any(c.dep_ in ("acl", "amod") and _HOLDING.match(_norm(c)) for t in tokens + heads for c in t.children)


def _state_items(mention: Mention) -> dict:
    return mention.state.setdefault("items_by_sentence", {})


def _in_brackets(mention: Mention) -> bool:
    """Whether the figure opens a bracket: a conversion of the figure before it ("1,200km (745 miles)")."""
    return mention.before.rstrip().endswith(("(", "["))


def population_of(mention: Mention) -> bool:
    """Whether a count is the size of a place or population with no noun of its own
    ("the city of 3 million", "une ville de 3 millions")."""
    tokens = figure_tokens(mention)
    if mention.figure.unit != "count" or not tokens or not tokens[0].doc[0].dep_:  # parsed
        return False
    figure = next((t for t in tokens if t.head not in tokens or t.head.i == t.i), tokens[-1])
    head = figure.head
    if head.dep_ == "prep" and _norm(head) == "of":
        head = head.head  # English: the number hangs on "of"
    elif not any(c.dep_ == "case" and _norm(c) in ("de", "d'") for c in figure.children):
        return False
    return head.pos_ == "NOUN" and bool(_POPULATED.match(_norm(head)))


def _repeated(mention: Mention) -> str | None:
    """The item of "struck the grid 217 times": attacks when a verb of striking governs, else None."""
    from ..events import event_of_word  # events builds on this package

    tokens = figure_tokens(mention)
    token = tokens[-1] if tokens else None
    for _ in range(3):
        if token is None or token.head.i == token.i:
            break
        token = token.head
        if token.pos_ in ("VERB", "AUX"):
            return "attack" if event_of_word(token.text, mention.lang) == "strike" else None
    return None


def _opens_as_subject(mention: Mention) -> bool:
    """Whether a bare share opens its sentence as the subject ("Half had cut output", "Two-thirds are
    earmarked for defence", "La moitié est destinée à ...")."""
    if not re.fullmatch(r"\W*(?:(?:la|the|about|some|nearly|almost|over|près de|environ|plus de)\s+)?",
                        mention.before, re.I):
        return False
    tokens = figure_tokens(mention)
    return any(t.dep_.startswith("nsubj") for t in tokens) or any(
        t.head.dep_.startswith("nsubj") and t.head.text in ("%", "percent", "cent") for t in tokens)


def _harms(mention: Mention) -> bool:
    """Whether a bare count is who a verb of killing or wounding names ("at least 12 were killed",
    "the strike killed 12 and wounded 30", "douze ont été blessés")."""
    from ..events import event_of_word  # events builds on this package

    tokens = figure_tokens(mention)
    token = tokens[-1] if tokens else None
    for _ in range(3):
        if token is None or token.head.i == token.i:
            return False
        if token.dep_ not in ("nsubj", "nsubjpass", "nsubj:pass", "dobj", "obj", "conj", "nummod", "quantmod"):
            return False
        token = token.head
        if token.pos_ in ("VERB", "AUX"):
            return event_of_word(token.text, mention.lang) in ("kill", "injure")
    return False


# Nouns of an action on things ("deliveries of shells reached 80,000"): the things are what is counted.
_ACTIONS = re.compile(r"^(?:deliver(?:y|ies)|livraisons?|productions?|exports?|exportations?|imports?|"
                      r"importations?|purchases?|achats?|launch(?:es)?|lancements?|sales?|ventes?|"
                      r"suppl(?:y|ies)|fournitures?|transfers?|transferts?|output)$")


# People told as working, or as the labour force: "500 000 Ukrainiens qui travaillent",
# "la population active est de 30 millions de personnes", "a workforce of 3 million people".
_WORK_VERB = re.compile(r"^(?:travaill|work)", re.I)
_WORKFORCE = re.compile(r"\b(?:population active|main[- ]d['’]œuvre|workforce|labou?r force)\b[^.;:!?]{0,40}$",
                        re.I)


def _workers(mention: Mention, noun) -> bool:
    """Whether the people a count names are workers by what the sentence says of them."""
    if noun is not None and any(c.dep_ in ("acl:relcl", "relcl", "acl") and _WORK_VERB.match(c.text)
                                for c in noun.children):
        return True
    return bool(_WORKFORCE.search(mention.before))


# People counted by their asking for asylum are applications: "2 100 Ukrainiens ont demandé l'asile".
_ASKED_ASYLUM = re.compile(r"^\W*(?:[\w’'-]+\s+){0,2}?(?:ont|a|avaient|avait|have|had)?\s*(?:demandé|sollicité|"
                           r"applied for|sought|requested)\s+(?:l['’]\s*|the\s+)?(?:asile|asylum)\b", re.I)
_ASYLUM = re.compile(r"\b(?:asile|asylum)\b", re.I)


def _asylum_applications(mention: Mention, item: str | None) -> bool:
    """Whether a count of people or requests counts asylum applications."""
    if item in _PEOPLE_ITEMS or item == "person":
        return bool(_ASKED_ASYLUM.match(mention.after))
    return item in ("request", "application") and bool(_ASYLUM.search(mention.sentence.text))


def find(mention: Mention):
    """(item, noun token) for the figure; the token is None when the item comes from a rule."""
    item, noun = _find(mention)
    if item == "person" and _workers(mention, noun):
        return "worker", noun
    if _asylum_applications(mention, item):
        return "asylum application", noun
    unit = mention.figure.unit.split("/")[0]
    if noun is not None and _ACTIONS.match(_norm(noun)) and unit not in ("percent", "ratio") and (
            unit not in CURRENCIES) and noun.i < min((t.i for t in figure_tokens(mention)), default=noun.i):
        thing = _acted_on(noun, mention.lang)
        if thing is not None:
            return item_of_noun(thing, mention.lang), thing
    return item, noun


def _acted_on(action, lang: str):
    """The known thing an action noun before the figure acts on ("deliveries of shells",
    "shell deliveries", "les livraisons d'obus": shells), or None."""
    for child in action.children:
        if child.dep_ == "prep" and _norm(child) == "of":
            child = next((c for c in child.children if c.dep_ == "pobj"), None)
            if child is None:
                continue
        elif not (child.dep_ == "compound" or (child.dep_ == "nmod" and child.i > action.i)):
            continue
        if child.pos_ in ("NOUN", "PROPN") and lookup([_norm(child)], lang) and _norm(child) not in _NOT_ITEMS:
            return child
    return None


def _find(mention: Mention):
    """(item, noun token) for the figure before an action noun is looked through."""
    unit = mention.figure.unit.split("/")[0]
    lang = mention.lang
    earlier = _state_items(mention).get(mention.sentence.index)
    if earlier and _in_brackets(mention):
        return earlier, None
    if unit in CURRENCIES:
        holder = _money_holder(mention)
        if holder is None:
            subject = _subject(mention)
            holders = lexicon()["money_holders"].get("fr" if lang == "fr" else "en", {})
            holder = holders.get(singular(_norm(subject), lang)) if subject is not None else None
        return holder or "money", None
    if unit in _UNIT_ITEMS:
        return _UNIT_ITEMS[unit], None
    if unit == "count" and _TIMES.match(mention.after):
        return _repeated(mention), None
    if unit in DURATIONS and _age(mention):
        return "person", None
    if unit in DURATIONS and (_PRISON_AFTER.match(mention.after) or _PRISON_BEFORE.search(mention.before)):
        return "prison sentence", None
    tokens = figure_tokens(mention)
    joined = _hyphen_noun(mention, tokens[0].doc, max(t.i for t in tokens)) if tokens else None
    if joined is not None:
        return item_of_noun(joined, lang), joined  # "a 12-point plan": points, though a bare "points" is not
    item, noun = _from_noun(noun_after(mention), lang)
    if item is not None and unit == "percent" and noun is not None and _norm(noun) in _DENOMINATORS:
        # A share of GDP measures what came before: "aid totalled €670m, 0.63 percent of GDP".
        if earlier:
            return earlier, None
        item, noun = _from_noun(_noun_left(mention, known_only=False), lang)
    if item == "person" and earlier in _PEOPLE_ITEMS and _LOSS_NOUNS.match(_norm(noun)) and _BREAKDOWN.search(
            mention.before):
        return earlier, noun  # "casualties among soldiers at 1.2 million, including 325,000 deaths"
    if item is not None:
        return item, noun
    if unit == "percent" and _held(mention):
        return "territory", None  # "the 20% occupied by Russia"
    if population_of(mention):
        return "person", None
    if unit in DISTANCES or unit in DURATIONS:
        # What is long, far or lasting: the noun measured, "the length of X", else the subject
        # of the verb ("artillery units were laagered 12 km behind", "the talks lasted six hours").
        finders = (_between, _head_noun, _number_of) if _locates(mention) else (
            _between, _head_noun, _number_of, _subject)
        if unit in DURATIONS and not _locates(mention):
            finders += (_object,)  # "halt strikes for a week", "end the war in 24 hours"
        for finder in finders:
            item, noun = _from_noun(finder(mention), lang)
            if item is not None:
                return item, noun
        if not _locates(mention) and _pronoun_subject(mention):
            # "The missile ... . It flies at 13,000 km/h": the thing of the sentence before.
            return _state_items(mention).get(mention.sentence.index - 1), None
        return None, None
    for finder in (_number_of, _head_noun):
        item, noun = _from_noun(finder(mention), lang)
        if item is not None:
            return item, noun
    change = change_noun(mention) if unit == "percent" else None
    if change is not None:
        # "a 70% increase in attacks": the attacks; "..., a 70% increase on 2023": what was counted before.
        item, noun = _from_noun(changed_thing(change, lang), lang)
        return (item, noun) if item is not None else (earlier, None)
    if unit == "percent":
        item, noun = _from_noun(_changed_object(mention), lang)
        if item is not None:
            return item, noun  # "cut production by 50%": what the verb changed, not who changed it
        subject = _subject(mention)
        if subject is not None and _norm(subject) in _CURRENCY_NAMES:
            return singular(_norm(subject), lang), subject  # "le rouble s'est effondré de 30 %"
        item, noun = _from_noun(subject, lang)
        if item is not None:
            return item, noun
    if unit == "count":
        item, noun = _from_noun(_predicate_noun(mention), lang)
        if item is not None:
            return item, noun  # "12 were children"
    if unit == "count":
        item, noun = _from_noun(elided_noun(mention), lang)
        if item is not None:
            return item, noun  # "ses centrales nucléaires [...] les trois dernières"
    if unit == "count" and _harms(mention):
        return (earlier if earlier in _PEOPLE_ITEMS or earlier == "person" else "person"), None
    if earlier:
        return earlier, None
    if unit == "percent" and _opens_as_subject(mention):
        # "... a loan of €90bn. Two-thirds are earmarked for defence": a share of the figure before.
        before = _state_items(mention).get(mention.sentence.index - 1)
        if before:
            return before, None
    item, noun = _from_noun(_noun_left(mention), lang)
    if _VAGUE.match(mention.figure.quote.strip()) and item not in VOCABULARY:
        return "person", None  # "forcing millions from their homes"
    return item, noun


def _state_nouns(mention: Mention) -> dict:
    return mention.state.setdefault("item_nouns", {})


def found(mention: Mention):
    """(item, noun token) as `assign` found them for this figure, else as `find` finds them."""
    cached = _state_nouns(mention).get(mention.figure.start)
    return cached if cached is not None else find(mention)


def assign(mention: Mention) -> None:
    """Set fields "item" (e.g. "drone") and "item_detail" (e.g. "Shahed" or None)."""
    item, noun = find(mention)
    _state_nouns(mention)[mention.figure.start] = (item, noun)
    mention.fields["item"] = item
    mention.fields["item_detail"] = detail_of(noun, mention.lang) if noun is not None else None
    if item is not None:
        _state_items(mention)[mention.sentence.index] = item
