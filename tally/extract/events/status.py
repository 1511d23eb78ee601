"""Status of a figure: reported, target or estimate, from cue words around it.

"estimated", "may", "selon les estimations" anywhere above the figure make an estimate;
"will", "plans", "objectif", the French future tense or a deadline year in the figure's own
clause make a target.
"""
from __future__ import annotations

import re

from .. import items
from ..mention import Mention
from .governors import _figure_head, _word, governors, lexicon

_CUE_DEPS = {"aux", "aux:tense", "aux:pass", "advmod", "amod", "mark", "nsubj", "nsubj:pass", "obl", "dobj",
             "obj", "xcomp", "nmod", "prep"}
# A sentence that credits the figure to estimates ("according to estimates from", "selon les estimations").
_ESTIMATES = re.compile(r"\b(?:according to (?:\w+ ){0,2}estimates?|by (?:\w+ )?estimates?|"
                        r"(?:selon|d['’]après) (?:les |des |certaines |de |nos |leurs )?(?:\w+ )?estimations?)\b",
                        re.I)
# A future auxiliary right after the counted words ("10 000 soldats vont arriver", "... will arrive").
_FUTURE_AFTER = re.compile(r"^[^,;:.()«»\"“”]{0,40}?\b(?:va|vont|devra|devront|will|shall)\s+\w+", re.I)
# A deadline year: "d'ici 2030", "d'ici à la fin de 2027", "by 2030", "by the end of 2027".
_DEADLINE = re.compile(r"(?:\bd['’]ici (?:à |la fin )?(?:de |d['’])?(?:\w+ )?|"
                       r"\bby (?:the end of )?(?:\w+ )?)(20\d\d)\b")


def _clause(mention: Mention, noun) -> list:
    """The governors of the figure inside its own clause: the climb stops after leaving a
    relative, adverbial or coordinated clause ("inflation, already running at 7 %")."""
    chain = []
    crossed = False
    for token in governors(mention, noun, depth=5, bounded=False):
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


def _cue_tokens(mention: Mention, noun, whole: bool = False, memo: dict | None = None) -> list:
    """Tokens whose words can mark the status: the governors (in the figure's clause, or up
    to the root when `whole`), their auxiliaries, modifiers, subjects and objects, and the few
    words right before the figure, each once. `memo` keeps the cue words of each token between calls."""
    chain = governors(mention, noun, depth=8, bounded=False) if whole else _clause(mention, noun)
    tokens = items.figure_tokens(mention)
    memo = {} if memo is None else memo
    out = {t.i: t for t in chain}
    heads = [_figure_head(tokens)] if tokens else []
    for token in chain + heads + ([noun] if noun is not None else []):
        if token.i not in memo:
            memo[token.i] = _cue_children(token)
        for child in memo[token.i]:
            out.setdefault(child.i, child)
    if tokens:
        doc = tokens[0].doc
        first = min(t.i for t in tokens)
        for k in range(max(0, first - 3), first):
            out.setdefault(k, doc[k])
    return list(out.values())


def _cue_children(token) -> list:
    """The auxiliaries, modifiers, subjects and objects of a token (and what qualifies a subject)."""
    out = []
    for child in token.children:
        if child.dep_ in _CUE_DEPS:
            out.append(child)
            if child.dep_.startswith("nsubj"):  # "le nombre prévu ... est de 1,4 million"
                out += [c for c in child.children if c.dep_ in ("acl", "amod")]
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


def _status(mention: Mention, noun) -> str:
    """reported, target or estimate (an estimate wins over a target: "expected to reach")."""
    lang = "fr" if mention.lang == "fr" else "en"
    cues = dict(lexicon()["status"][lang])
    # An estimate may be framed from above ("It is estimated that ...", "Il estime que ...").
    memo: dict = {}
    framing = _cue_tokens(mention, noun, whole=True, memo=memo)
    framing += _method_clauses([t for t in framing if t.pos_ in ("VERB", "AUX")])
    if _ESTIMATES.search(mention.sentence.text) or any(cues["estimate"].match(_word(t)) for t in framing):
        return "estimate"
    clause = _cue_tokens(mention, noun, memo=memo)
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
