"""The words that govern a figure in the parse, and the event lexicon they are matched against."""
from __future__ import annotations

import re
from functools import lru_cache
from importlib import resources

import yaml

from .. import items
from ..mention import Mention

_AUX_DEPS = {"aux", "aux:tense", "aux:pass", "auxpass", "cop", "mark", "case", "det", "punct", "cc"}
# Verbs of saying: climbing past them leaves the clause of the figure.
_SAYING = re.compile(r"^(sa(y|ys|id)|told|report(s|ed)?|announc\w*|declar\w*|annonc\w*|affirm\w*|"
                     r"indiqu\w*|expliqu\w*|ajout\w*|dit|dire|précis\w*|assur\w*|estim\w*|note[sd]?)$")
# How a count hangs on "be" when it states a size: subject, attribute, complement.
_STATED = {"nsubj", "nsubj:pass", "nsubjpass", "attr", "ccomp", "acomp", "expl:subj"}
# How deep the one climb per figure goes; callers ask for less.
_DEEPEST = 8
# Participles of use describe what things are for ("missiles used to target ..."); those of
# launching say what happened to them ("80 drones launched overnight").
_USED = re.compile(r"^(?:us(?:e|es|ed|ing)|utilis\w+|employ\w+)$")


@lru_cache(maxsize=1)


def lexicon() -> dict:
    """{"en"/"fr": [(event, compiled pattern)], "item_events": {...}, "status": {lang: [(status, pattern)]}}."""
    text = resources.files("tally").joinpath("data/lexicon/events.yaml").read_text(encoding="utf-8")
    raw = yaml.safe_load(text)
    out: dict = {"item_events": raw.get("item_events", {}), "status": {}, "change": {}, "aid": {}, "light": {},
                 "share": {},
                 "money_item_events": raw.get("money_item_events", {})}
    for lang in ("en", "fr"):
        out[lang] = [(event, _compile(patterns)) for event, patterns in raw[lang].items()]
        out["status"][lang] = [(status, _compile(patterns)) for status, patterns in raw["status"][lang].items()]
        out["change"][lang] = _compile(raw["change"][lang])
        out["aid"][lang] = _compile(raw["aid"][lang])
        out["light"][lang] = _compile(raw["light"][lang])
        out["share"][lang] = _compile(raw["share"][lang])
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


def governors(mention: Mention, noun=None, depth: int = 4, bounded: bool = True) -> list:
    """Tokens that govern the figure, nearest first: participles on the counted noun, the
    figure's ancestors (up to `depth`, stopping at a verb of saying or at the edge of a relative
    or coordinated clause), the open complements of those verbs ("ont commencé à développer"),
    then relative verbs and participles of use on the noun. Computed once per figure.
    With `bounded` False the climb goes past the edges of clauses (the status reads the
    whole sentence: "It is estimated that ..., leaving 300 dead")."""
    tokens = items.figure_tokens(mention)
    if not tokens:
        return []
    doc = tokens[0].doc
    if not doc[0].dep_:  # no parser (rules only): the words before the figure
        # (doc[0].dep_ rather than doc.has_annotation("DEP"), which reads every token)
        first = min(t.i for t in tokens)
        return [doc[k] for k in range(first - 1, max(-1, first - 1 - depth), -1)]
    # The climb is made once per figure and noun, as deep as any caller asks; each word
    # keeps the step at which it was reached.
    cache = mention.state.setdefault("governors", {})
    key = (mention.figure.start, noun.i if noun is not None else None)
    if key not in cache:
        cache[key] = _climb(mention, tokens, noun, _DEEPEST)
    seen, ordered = set(), []
    for token, step, outside in cache[key]:
        if step <= depth and not (bounded and outside) and token.i not in seen and token.dep_ not in _AUX_DEPS:
            seen.add(token.i)
            ordered.append(token)
    return ordered


def _climb(mention: Mention, tokens: list, noun, depth: int) -> list[tuple]:
    """(token, step, outside its clause) for the governors of `governors`, in order, with repeats."""
    fig_ids = {t.i for t in tokens}
    linked = noun is not None and _linked(noun, tokens)
    # The climb starts at the noun when the figure hangs on it ("1,4 million de drones"),
    # at the figure when the noun hangs on the figure ("40% of the rounds").
    start = noun if linked and any(a.i == noun.i for t in tokens for a in t.ancestors) else _figure_head(tokens)
    first, late = _noun_verbs(noun, mention.lang) if noun is not None else ([], [])
    out = [(t, 0, False) for t in first]
    if noun is not None and not linked and noun.dep_ in _STATED and noun.head.pos_ == "VERB":
        out.append((noun.head, 0, False))  # "how many civilians have been killed ... the number is 100,000"
    token = start
    if token.i not in fig_ids:
        out.append((token, 0, False))
    outside = False
    for step in range(1, depth + 1):
        if token.head.i == token.i:
            break
        outside = outside or _leaves_clause(token)
        token = token.head
        if token.i in fig_ids:
            continue
        out.append((token, step, outside))
        if token.pos_ in ("VERB", "AUX"):
            out += [(c, step, outside) for c in token.children if c.dep_ in ("xcomp",) and c.pos_ == "VERB"]
        if _SAYING.match(token.text.lower()):
            break
    return out + [(t, 0, False) for t in late]


def _noun_verbs(noun, lang: str) -> tuple[list, list]:
    """Verbs on the counted noun: (participles that say what happened to it, "drones abattus",
    "people killed"; relative clauses and participles of use that only describe it, "which
    reached the front", "rounds fired since August"). The second come after the figure's own
    governors."""
    after = [noun.doc[noun.i + 1]] if noun.i + 1 < len(noun.doc) else []
    verbs = [c for c in noun.children if c.dep_ in ("acl", "amod", "acl:relcl", "relcl")] + [
        t for t in after if "Part" in t.morph.get("VerbForm")]
    first, late = [], []
    for verb in verbs:
        if verb.pos_ != "VERB" or _hyphened(verb) or verb in first or verb in late:
            continue
        event = event_of_word(verb.text, lang)
        if verb.dep_ in ("acl:relcl", "relcl") or (event == "deploy" and _USED.match(_word(verb))):
            # A purpose ("missiles used to target ...") says what they are for, not what happened.
            if event != "count" and not any(c.dep_ in ("xcomp", "advcl") for c in verb.children):
                late.append(verb)
        elif event != "count":
            first.append(verb)
    return first, late


def _leaves_clause(token) -> bool:
    """Whether climbing above `token` leaves the clause of the figure: the verb of a relative
    clause ("le programme, qui se déroulera sur quatre sites": not the programme's verb), of an
    adverbial clause ("..., leaving 200,000 homes without heat") or a verb coordinated with
    another ("... fuit, et que plusieurs millions ne sont plus croyants")."""
    if token.dep_ not in ("acl:relcl", "relcl", "conj", "advcl"):
        return False
    # A predicate with its own subject or copula is a clause too ("et que plusieurs millions ne sont plus croyants").
    return token.pos_ in ("VERB", "AUX") or any(c.dep_ in ("cop", "nsubj") for c in token.children)


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
