"""Periods for a figure whose sentence dates nothing: war totals, the sentence before, the day stated."""
from __future__ import annotations

import re

from ..mention import Mention
from .anchor import WAR_START, Anchor
from .context import cut_off, is_short, texts_before, war_start
from .timex import Expr, find
from .wars import remember, took_war

# War totals told in the perfect: "have lost", "has suffered", "ont été tués", "a livré".
_PERFECT = re.compile(
    r"\b(?:ha(?:ve|s|d) (?:been )?(?:\w+ ){0,2}(?:killed|lost|fled|left|died|destroyed|delivered|provided|"
    r"sent|supplied|donated|totall?ed|wounded|injured|displaced|shot down|downed|received|suffered|incurred)|"
    r"(?:ont|a|avons|avez|avait|avaient) (?:\w+ ){0,2}(?:été )?(?:tués?|perdu|fui|livré|fourni|envoyé|versé|"
    r"blessés?|abattus?|détruits?|reçu|quitté|subi)|ont été (?:tués|blessés|détruits|abattus|livrés))\b",
    re.IGNORECASE,
)
_LOSSES = re.compile(r"\b(?:loss(?:es)?|casualties|deaths?|killed|dead|pertes|morts|tués)\b", re.IGNORECASE)
_PLUPERFECT = re.compile(r"\b(?:had|avaient|avait)\b", re.IGNORECASE)
# Verbs of a total built up over time: "a accumulé", "has amassed".
_TO_DATE = re.compile(r"\b(?:accumul\w*|amass\w*|engrangé)\b", re.IGNORECASE)
_ALREADY = re.compile(r"\b(?:already|déjà)\b", re.IGNORECASE)
_DURATION = re.compile(r"(?:years?|ans?|années?)\b", re.IGNORECASE)
_WAR_AFTER = re.compile(r"^[\w\s-]{0,20}\b(?:war|guerre|invasion|conflict|conflit)\b", re.IGNORECASE)
_BE = ("was", "were", "is", "are", "been", "be")
# Surface forms of "be" and "have" (no lemmatizer runs): "were displaced", "avaient été livrés".
_BE_FORMS = _BE + ("est", "sont", "était", "étaient", "été")
_HAVE = ("have", "has", "had", "having", "ai", "as", "a", "avons", "avez", "ont", "avait", "avaient",
         "aura", "auront")
# What may open a sentence before its figure: a bound ("Plus de 300 blessés.") or nothing.
_BOUND_ONLY = re.compile(
    r"^\s*(?:(?:plus|moins|près) d[e'’]\s*|au moins|environ|quelque|more than|over|at least|about|some|"
    r"nearly|almost|up to|jusqu['’]à)?\s*$",
    re.IGNORECASE,
)
_LIST_WORDS = ("including", "includes", "included", "notamment", "dont", "comprenant", "incluant")
# How many sentences back a run of events of one day goes on, and how far back a phrase
# that refers back ("that night", "le même jour") looks for its day.
_CHAIN = 3
_LOOKBACK_REFERRED = 8  # sentences that name no day do not change what "that day" is

def war_duration(mention: Mention, anchor: Anchor | None, war_text: bool):
    """'four years of war', 'the four-year war': the war so far."""
    if anchor is None or not war_text or not anchor.after_war_start():
        return None
    quote = mention.figure.quote
    if not _DURATION.search(quote if _DURATION.search(quote) else mention.after[:8]):
        return None
    if _WAR_AFTER.match(mention.after) or re.search(r"\b(?:war|guerre)\b[^.]{0,30}$", mention.before[-40:]):
        return WAR_START, anchor.iso()
    return None

def verb_phrase(mention: Mention) -> str:
    """The auxiliaries and verb that govern the figure ("have left"), else the whole sentence."""
    tokens = mention.tokens()
    verb = governing_verb(tokens[-1]) if tokens else None
    if verb is None:
        return mention.sentence.text
    parts = [verb] + [c for c in verb.children if c.dep_.startswith("aux")]
    start = min(t.idx for t in parts)
    return mention.sentence.text[start : verb.idx + len(verb.text)]


def war_total(mention: Mention, anchor: Anchor | None, war_text: bool, statement: Expr | None):
    """A war total told in the perfect: invasion .. publication (or the day it was stated).

    "Russia has lost 24,000 vehicles" -> ("2022-02-24", publication);
    "Kyiv said on 22 January that 600,000 had already left" -> (None, "2026-01-22").
    """
    if anchor is None or mention.fields.get("status") == "target":
        return None
    phrase = verb_phrase(mention)
    if not _PERFECT.search(phrase):
        return None
    end = statement.end_iso if statement is not None else (cut_off(mention, anchor, war_text) or anchor.iso())
    told_before = statement is not None and _PLUPERFECT.search(phrase)
    if told_before and (_ALREADY.search(mention.sentence.text) or not _LOSSES.search(mention.sentence.text)):
        # A count as of the day it was stated, from no stated start.
        return None, end
    default = WAR_START if war_text and anchor.after_war_start() else None
    start = war_start(mention, anchor, war_text, default)
    return None if start is None else (start, end)


def inherit(mention: Mention, anchor: Anchor | None, war_text: bool) -> tuple | None:
    """The period of the sentence before, for a run of reported events.

    Only when the figure is told as a past event (or in a verbless fragment): when the
    previous sentence stated a figure with a time expression, the period that figure took
    (else that expression's); otherwise the day or night of a figure of the last two sentences.
    """
    if not told_as_event(mention) or _ALREADY.search(mention.sentence.text):
        # "eight countries have already joined": a state by now, not an event of that day.
        return None
    sentences = mention.state.get("sentences") or []
    index = mention.sentence.index
    done = mention.state.get("periods", {})
    if 0 < index <= len(sentences):
        previous = sentences[index - 1].text
        exprs = [e for e in find(previous, mention.lang, anchor, war_text) if e.kind in ("time", "since", "over")]
        if exprs and _counts(previous, exprs):
            # The period its last figure took ("in January put the total at ...": a war total).
            earlier = done.get(index - 1, (None, None))
            return earlier if earlier != (None, None) else (exprs[-1].start_iso, exprs[-1].end_iso)
    earlier = done.get(index - 1)
    if earlier and earlier != (None, None) and _opens_fragment(mention):
        # "208 enfants ont été tués. 386 enfants blessés.": the fragment goes on with the last figure.
        return earlier
    for back in range(1, _CHAIN + 1):
        earlier = done.get(index - back)
        # "Cette guerre a fait des millions de morts. Outre les morts, [...] des millions de
        # mutilés": a run of events goes on with the war's period of the sentence just before.
        war = back == 1 and took_war(mention, index - 1)
        if earlier and (is_short(earlier) or war):
            # "Russia launched 80 drones overnight. [...] The strikes killed 4 people."
            if war:
                remember(mention)
            return earlier
    return None


def _opens_fragment(mention: Mention) -> bool:
    """Whether the figure opens a sentence with no finite verb ("386 enfants blessés.", "Plus de
    300 blessés."), not one that refers back ("Sur les 500 millions, environ 490 ...")."""
    doc = mention.sentence.doc
    if doc is None or not _BOUND_ONLY.match(mention.before):
        return False
    return not any(
        "Fin" in t.morph.get("VerbForm") or t.tag_ in ("VBZ", "VBP", "VBD", "MD") for t in doc)


def referred(mention: Mention, anchor: Anchor | None, war_text: bool) -> tuple | None:
    """The day that "that night", "le même jour" refer to: the last one named shortly before."""
    sentences = mention.state.get("sentences") or []
    for back in range(1, _LOOKBACK_REFERRED + 1):
        index = mention.sentence.index - back
        if not 0 <= index < len(sentences):
            return None
        days = [e for e in find(sentences[index].text, mention.lang, anchor, war_text)
                if e.kind in ("time", "said") and is_short((e.start_iso, e.end_iso))]
        if days:
            return days[-1].start_iso, days[-1].end_iso
    return None


def referred_period(mention: Mention, expr: Expr, anchor: Anchor | None, war_text: bool) -> tuple | None:
    """The period that "during this period", "au cours de la même période" refer to: the last
    one named before `expr` in the sentence, else in the sentences shortly before.

    "Four tankers were hit between January and July. Two more [...] during this period."
    -> the months January .. July.
    """
    for text in texts_before(mention, expr, _LOOKBACK_REFERRED):
        spans = [e for e in find(text, mention.lang, anchor, war_text)
                 if e.kind in ("time", "since") and (e.start_iso or e.end_iso)]
        if spans:
            return spans[-1].start_iso, spans[-1].end_iso
    return None


def is_state(mention: Mention) -> bool:
    """Whether the figure's clause is told with "be" and no perfect (a state: "were displaced",
    "is"), or was not parsed."""
    verb = mention_verb(mention)
    if verb is None:
        return mention.sentence.doc is None
    forms = [verb] + [child for child in verb.children if child.dep_.startswith("aux")]
    if any(t.lower_ in _HAVE for t in forms[1:]):
        # "had been delivered", "avaient été livrés": a total by then.
        return False
    return any(t.lower_ in _BE_FORMS for t in forms)


def governing_verb(token):
    """The verb (or auxiliary) that heads the clause of `token`, or None in a verbless phrase."""
    for _ in range(8):
        # "including 13,800 tanks": a list inside the clause of the verb above it.
        if token.pos_ in ("VERB", "AUX") and token.lower_ not in _LIST_WORDS:
            return token
        # "elles sont à 100 %": the copula is the verb of a nominal predicate.
        copula = next((child for child in token.children if child.dep_ == "cop"), None)
        if copula is not None:
            return copula
        if token.head is token:
            return None
        token = token.head
    return None


def clause_verb(tokens):
    """The verb of the clause of `tokens`, climbing from an infinitive to the verb it completes.

    "were working to restore power to 1,100 buildings" -> working.
    """
    verb = governing_verb(tokens[-1]) if tokens else None
    while verb is not None and "Inf" in verb.morph.get("VerbForm") and verb.head.i != verb.i:
        verb = governing_verb(verb.head)
    return verb


def mention_verb(mention: Mention):
    """clause_verb of the figure's tokens, worked out once per figure (several rules ask)."""
    cache = mention.state.setdefault("period_verbs", {})
    key = (mention.sentence.index, mention.rel_start, mention.rel_end)
    if key not in cache:
        cache[key] = clause_verb(mention.tokens())
    return cache[key]


def told_as_event(mention: Mention) -> bool:
    """Whether the figure is told as a past event (or in a verbless fragment), not a state.

    True when the sentence was not parsed: rules alone cannot tell.
    """
    if not mention.tokens():
        return mention.sentence.doc is None
    verb = mention_verb(mention)
    if verb is None or "Inf" in verb.morph.get("VerbForm"):
        # A verbless or infinitive fragment ("À comparer aux 45 millions") continues the last.
        return True
    forms = [verb] + [child for child in verb.children if child.dep_.startswith("aux")]
    if verb.tag_ == "VBG" and any(t.lemma_ == "be" or t.lower_ in _BE for t in forms[1:]):
        # "crews were working": a state going on, like the French imparfait, not an event.
        return False
    if any(t.tag_ == "VBD" or "Past" in t.morph.get("Tense") for t in forms):
        # "has invested", "sont déployés" tell a state now; "ont déployé" (passé composé) an event.
        present = [t for t in forms if t.tag_ in ("VBZ", "VBP") or (
            t.dep_ == "aux:pass" and "Pres" in t.morph.get("Tense"))]
        return not present
    return False


def _counts(text: str, exprs: list[Expr]) -> bool:
    """Whether `text` states a figure outside its time expressions (a run of reported events)."""
    for expr in reversed(exprs):
        text = text[: expr.start] + " " + text[expr.end :]
    return bool(re.search(r"\d", text))


def statement_day(expr: Expr, mention: Mention):
    """A figure stated on a given day, with no other time: that day (None.. when 'already')."""
    if mention.fields.get("status") == "target":
        return None, None
    if _ALREADY.search(mention.sentence.text):
        return None, expr.end_iso
    if _TO_DATE.search(verb_phrase(mention)):
        # "a accumulé 200 milliards": a total up to the day it was stated, from no start.
        return None, expr.end_iso
    if _PLUPERFECT.search(verb_phrase(mention)) and not _LOSSES.search(mention.sentence.text):
        # "said on Saturday that the army had regained 300 km²": a total up to that day, from no start.
        return None, expr.end_iso
    if simple_present(mention):
        # "said on Sunday that the text is 100% ready": a state at the time of writing.
        return None, None
    return expr.start_iso, expr.end_iso


def simple_present(mention: Mention) -> bool:
    """Whether the figure's clause verb is in the simple present ("is", "compte"), not a perfect."""
    verb = mention_verb(mention)
    if verb is None or any(c.dep_.startswith("aux") for c in verb.children):
        return False
    return verb.tag_ in ("VBZ", "VBP") or ("Pres" in verb.morph.get("Tense") and "Fin" in verb.morph.get("VerbForm"))
