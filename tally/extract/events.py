"""Event and status of a figure, from the verb or noun that governs it.

The governing words are the counted noun's participles ("drones abattus", "people killed")
and the figure's ancestors in the parse, nearest first; each is matched against the word
patterns of data/lexicon/events.yaml. Status comes from cue words: "estimated", "may",
"selon les estimations" anywhere above the figure; "will", "plans", "objectif", the French
future tense or a deadline year in the figure's own clause.
A count with no event word that is the subject or attribute of "be", or the size of a place,
is a state (`count`); a sum with none is most often aid (`deliver`).
"""
from __future__ import annotations

import re
from functools import lru_cache
from importlib import resources

import yaml

from . import items
from .mention import Mention

EVENTS = ("produce", "deliver", "deploy", "strike", "shoot_down", "destroy", "build", "develop",
          "join", "kill", "injure", "displace", "spend", "count", "other")
# Units whose figures say how big, long or far something is: they rarely carry an event.
_MEASURE_UNITS = {"year", "month", "week", "day", "hour", "minute", "second", "km", "m", "mile", "kg",
                  "lb", "celsius", "fahrenheit", "km/h", "mph", "percentage point"}
_AUX_DEPS = {"aux", "aux:tense", "aux:pass", "auxpass", "cop", "mark", "case", "det", "punct", "cc"}
# Verbs of saying: climbing past them leaves the clause of the figure.
_SAYING = re.compile(r"^(sa(y|ys|id)|told|report(s|ed)?|announc\w*|declar\w*|annonc\w*|affirm\w*|"
                     r"indiqu\w*|expliqu\w*|ajout\w*|dit|dire|précis\w*|assur\w*|estim\w*|note[sd]?)$")
# Drones and missiles destroyed are shot down: they are destroyed in the air.
_AIRBORNE = {"drone", "missile"}
_PEOPLE = {"person", "civilian", "child", "man", "woman"}
_PLACES = {"region", "city", "town", "village", "location", "settlement", "territory", "oblast"}
_DURATIONS = {"year", "month", "week", "day", "hour", "minute", "second"}
_SPEEDS = {"km/h", "mph", "celsius", "fahrenheit"}
# Words that continue a list or a breakdown just before a figure ("and 29", "including about 34").
_LIST_BEFORE = re.compile(r"(?:\b(?:and|et|including|dont|of which|y compris|among them|parmi eux)|,)"
                          r"(?:\s+(?:about|some|roughly|around|nearly|almost|over|environ|près de|"
                          r"plus de|more than|at least))?\s*$", re.I)
_CUE_DEPS = {"aux", "aux:tense", "aux:pass", "advmod", "amod", "mark", "nsubj", "nsubj:pass", "obl", "dobj",
             "obj", "xcomp", "nmod", "prep"}
# A sentence that credits the figure to estimates ("according to estimates from", "selon les estimations").
_ESTIMATES = re.compile(r"\b(?:according to (?:\w+ ){0,2}estimates?|by (?:\w+ )?estimates?|"
                        r"(?:selon|d['’]après) (?:les |des |certaines |de |nos |leurs )?(?:\w+ )?estimations?)\b",
                        re.I)
# A future auxiliary right after the counted words ("10 000 soldats vont arriver", "... will arrive").
_FUTURE_AFTER = re.compile(r"^[^,;:.()«»\"“”]{0,40}?\b(?:va|vont|devra|devront|will|shall)\s+\w+", re.I)
# How a count hangs on "be" when it states a size: subject, attribute, complement.
_STATED = {"nsubj", "nsubj:pass", "nsubjpass", "attr", "ccomp", "acomp", "expl:subj"}
# Forms of "be": a count that is their subject or attribute states how many there are.
_COPULA = re.compile(r"^(?:is|are|was|were|be|been|'s|'re|est|sont|était|étaient|fut|furent|serait|"
                     r"seraient|reste|restent|demeure)$")
# A deadline year: "d'ici 2030", "d'ici à la fin de 2027", "by 2030", "by the end of 2027".
_DEADLINE = re.compile(r"(?:\bd['’]ici (?:à |la fin )?(?:de |d['’])?(?:\w+ )?|"
                       r"\bby (?:the end of )?(?:\w+ )?)(20\d\d)\b")


@lru_cache(maxsize=1)
def lexicon() -> dict:
    """{"en"/"fr": [(event, compiled pattern)], "item_events": {...}, "status": {lang: [(status, pattern)]}}."""
    text = resources.files("tally").joinpath("data/lexicon/events.yaml").read_text(encoding="utf-8")
    raw = yaml.safe_load(text)
    out: dict = {"item_events": raw.get("item_events", {}), "status": {}, "change": {}, "aid": {},
                 "money_item_events": raw.get("money_item_events", {})}
    for lang in ("en", "fr"):
        out[lang] = [(event, _compile(patterns)) for event, patterns in raw[lang].items()]
        out["status"][lang] = [(status, _compile(patterns)) for status, patterns in raw["status"][lang].items()]
        out["change"][lang] = _compile(raw["change"][lang])
        out["aid"][lang] = _compile(raw["aid"][lang])
    return out


def _compile(patterns: list[str]) -> re.Pattern:
    return re.compile(r"^(?:" + "|".join(f"(?:{p})" for p in patterns) + r")$")


def event_of_word(word: str, lang: str) -> str | None:
    """The event a word names, or None: event_of_word("abattus", "fr") -> "shoot_down"."""
    word = word.lower().replace("’", "'")
    for event, pattern in lexicon()["fr" if lang == "fr" else "en"]:
        if pattern.match(word):
            return event
    return None


def governors(mention: Mention, noun=None, depth: int = 4) -> list:
    """Tokens that govern the figure, nearest first: participles and relative verbs on the
    counted noun, the figure's ancestors (up to `depth`, stopping at a verb of saying) and
    the open complements of those verbs ("ont commencé à développer")."""
    tokens = items.figure_tokens(mention)
    if not tokens:
        return []
    doc = tokens[0].doc
    if not doc[0].dep_:  # no parser (rules only): the words before the figure
        # (doc[0].dep_ rather than doc.has_annotation("DEP"), which reads every token)
        first = min(t.i for t in tokens)
        return [doc[k] for k in range(first - 1, max(-1, first - 1 - depth), -1)]
    fig_ids = {t.i for t in tokens}
    out = []
    start = noun if noun is not None and _linked(noun, tokens) else _figure_head(tokens)
    if noun is not None:
        after = [noun.doc[noun.i + 1]] if noun.i + 1 < len(noun.doc) else []
        participles = [c for c in noun.children if c.dep_ in ("acl", "amod", "acl:relcl", "relcl")] + [
            t for t in after if "Part" in t.morph.get("VerbForm")]
        out += [c for c in participles if c.pos_ == "VERB" and not _hyphened(c)
                and event_of_word(c.text, mention.lang) not in ("deploy", "count")]
    token = start
    if token.i not in fig_ids:
        out.append(token)
    for _ in range(depth):
        if token.head.i == token.i:
            break
        token = token.head
        if token.i in fig_ids:
            continue
        out.append(token)
        if token.pos_ in ("VERB", "AUX"):
            out += [c for c in token.children if c.dep_ in ("xcomp",) and c.pos_ == "VERB"]
        if _SAYING.match(token.text.lower()):
            break
    seen, ordered = set(), []
    for token in out:
        if token.i not in seen and token.dep_ not in _AUX_DEPS:
            seen.add(token.i)
            ordered.append(token)
    return ordered


def _hyphened(token) -> bool:
    """Whether a word is the second half of a hyphenated compound ("machine-building plant")."""
    return token.i > 0 and token.doc[token.i - 1].text in ("-", "–") and not token.doc[token.i - 1].whitespace_


def _linked(noun, tokens) -> bool:
    """Whether the counted noun is tied to the figure in the parse (one governs the other)."""
    ids = {t.i for t in tokens}
    return any(a.i in ids for a in noun.ancestors) or any(a.i == noun.i for t in tokens for a in t.ancestors)


def _figure_head(tokens):
    """The figure token whose head lies outside the figure."""
    ids = {t.i for t in tokens}
    for token in tokens:
        if token.head.i not in ids or token.head.i == token.i:
            return token
    return tokens[-1]


def _word(token) -> str:
    return token.text.lower().replace("’", "'")


def _objects(tokens) -> list:
    """Subjects and objects of the verbs among `tokens` ("put casualties at 1.2 million")."""
    return [c for t in tokens if t.pos_ in ("VERB", "AUX") for c in t.children
            if c.dep_ in ("nsubj", "nsubj:pass", "nsubjpass", "dobj", "obj") and c.pos_ == "NOUN"]


def _adjust(event: str, token, item: str | None, mention: Mention) -> str:
    """The event refined by its item and construction: drones destroyed are shot down,
    people lost are killed, "attacked with 500 drones" deploys them."""
    if event == "destroy" and item in _AIRBORNE:
        return "shoot_down"
    if event == "destroy" and token.pos_ in ("VERB", "AUX"):
        objects = [c for c in token.children if c.dep_ in ("dobj", "obj")]
        if item in _PEOPLE or any(event_of_word(c.text, mention.lang) == "kill" for c in objects):
            return "kill"  # "ils perdaient 200 personnes par jour", "ont perdu la vie"
    if event == "strike" and item in _AIRBORNE and re.search(r"\b(with|avec)\s+(\S+\s+){0,4}$", mention.before):
        return "deploy"
    if event == "deploy" and item == "attack":
        return "strike"  # "launched 40 attacks", "30 fois plus de tirs": attacks strike
    if event == "count" and mention.figure.unit in _MEASURE_UNITS:
        return "other"
    if item in _PLACES and event in ("destroy", "injure", "kill", "shoot_down", "deploy"):
        return "strike"  # "wounding people in six regions": the places are struck
    return event


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
    event = _governed_event(mention, noun, item)
    unit = mention.figure.unit
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
        if event == "count":
            # "Ukraine's losses have totaled 11,300": the subject names the event.
            named = [e for e in (event_of_word(c.text, lang) for c in _objects([token])) if e not in (None, "count")]
            event = named[0] if named else event
        if event is not None:
            return _adjust(event, token, item, mention)
    for token in _objects(chain):
        event = event_of_word(token.text, lang)
        if event is not None and event != "count":
            return _adjust(event, token, item, mention)
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


def _clause(mention: Mention, noun) -> list:
    """The governors of the figure inside its own clause: the climb stops after leaving a
    relative, adverbial or coordinated clause ("inflation, already running at 7 %")."""
    chain = []
    crossed = False
    for token in governors(mention, noun, depth=5):
        chain.append(token)
        if crossed:
            break
        if token.dep_ in ("acl", "acl:relcl", "relcl", "advcl", "parataxis", "conj", "ccomp"):
            # An infinitive belongs with its head: "un plan pour augmenter", "a plan to build".
            if "Inf" in token.morph.get("VerbForm") or token.tag_ == "VB":
                crossed = True
                continue
            break
    return chain


def _cue_tokens(mention: Mention, noun, whole: bool = False) -> list:
    """Tokens whose words can mark the status: the governors (in the figure's clause, or up
    to the root when `whole`), their auxiliaries, modifiers, subjects and objects, and the few
    words right before the figure."""
    chain = governors(mention, noun, depth=8) if whole else _clause(mention, noun)
    tokens = items.figure_tokens(mention)
    out = list(chain)
    heads = [_figure_head(tokens)] if tokens else []
    for token in chain + heads + ([noun] if noun is not None else []):
        for child in token.children:
            if child.dep_ in _CUE_DEPS:
                out.append(child)
                if child.dep_.startswith("nsubj"):  # "le nombre prévu ... est de 1,4 million"
                    out += [c for c in child.children if c.dep_ in ("acl", "amod")]
    if tokens:
        doc = tokens[0].doc
        first = min(t.i for t in tokens)
        out += [doc[k] for k in range(max(0, first - 3), first)]
    return out


def _future_year(mention: Mention) -> bool:
    """Whether the sentence sets a deadline after publication ("d'ici 2030", "by 2030")."""
    published = (mention.document.published or "")[:4]
    if not published.isdigit():
        return False
    for match in _DEADLINE.finditer(mention.sentence.text):
        if int(match.group(1)) > int(published):
            return True
    return False


def _status(mention: Mention, noun) -> str:
    """reported, target or estimate (an estimate wins over a target: "expected to reach")."""
    lang = "fr" if mention.lang == "fr" else "en"
    cues = dict(lexicon()["status"][lang])
    # An estimate may be framed from above ("It is estimated that ...", "Il estime que ...").
    framing = _cue_tokens(mention, noun, whole=True)
    framing += _method_clauses([t for t in framing if t.pos_ in ("VERB", "AUX")])
    if any(cues["estimate"].match(_word(t)) for t in framing) or _ESTIMATES.search(mention.sentence.text):
        return "estimate"
    clause = _cue_tokens(mention, noun)
    # Counted things whose parse lost the verb ("10 000 soldats vont arriver").
    target = mention.figure.unit.startswith("count") and bool(_FUTURE_AFTER.match(mention.after))
    for token in clause:
        # The counted thing as subject of "s'engager", "plan": the plan is theirs, not the figure's.
        own_subject = noun is not None and noun.head.i == token.i and noun.dep_.startswith("nsubj")
        if cues["target"].match(_word(token)) and not own_subject:
            target = True
        if lang == "fr" and token.pos_ in ("VERB", "AUX") and "Fut" in token.morph.get("Tense"):
            target = True
    if target or _future_year(mention):
        return "target"
    return "reported"


def _list_key(mention: Mention) -> tuple:
    """Key of the events remembered in a sentence: sums and counts make separate lists
    (the spending of a price does not pass to the houses listed after it)."""
    return mention.sentence.index, mention.figure.unit.split("/")[0] in items.CURRENCIES


def _method_clauses(verbs: list) -> list:
    """The verbs of adverbial clauses on `verbs`, which may say how a figure was reached
    ("By modelling crate sizes, analysts arrived at ...", "En extrapolant ces chiffres, ...")."""
    out = []
    for verb in verbs:
        for child in verb.children:
            if child.dep_ == "advcl":
                out.append(child)
            elif child.dep_ == "prep" and child.i < verb.i:  # "By modelling ..." opens the sentence
                out += [c for c in child.children if c.dep_ == "pcomp"]
                out += [g for c in child.children if c.dep_ == "pobj" for g in c.children if g.pos_ == "VERB"]
    return out


def _sentence_events(mention: Mention) -> dict:
    return mention.state.setdefault("events_by_sentence", {})


def assign(mention: Mention) -> None:
    """Set fields "event" (e.g. "deploy") and "status" (reported, target or estimate)."""
    _item, noun = items.found(mention)
    mention.fields["event"] = _event(mention, noun, mention.fields.get("item"))
    if mention.fields["event"] != "other":
        _sentence_events(mention)[_list_key(mention)] = mention.fields["event"]
    mention.fields["status"] = _status(mention, noun)
