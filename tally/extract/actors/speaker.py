"""Speaker of a figure: who asserts it.

The subject of a speech verb ("said", "a annoncé") or the object of an attribution cue
("according to", "selon"), carried on while a quotation goes on or after a sentence that
ends on a colon; a pronoun resolves to the last person named, "the think tank" to the
last body, bare "authorities" to the document's main country.
"""
from __future__ import annotations

import re

from ..gazetteer import Entity
from ..mention import Mention
from .names import (capitalised_runs, clean_name, credited_unparsed, has_speech_verb, lookup_run,
                    main_country, named_entity, noun_phrase, resolve_ent)
from .words import (ATTRIBUTION_PREPOSITIONS, BODY_LABELS, BODY_NOUNS, DEFINITE, FORECAST_NOUNS, NAME_LABELS,
                    PERSON_LABELS, PLACE_LABELS, POSSESSIVES, PRONOUNS, QUOTE_PAIRS, SPEECH_VERBS, TIED_GROUPS, UNTIED_GROUPS)


def find_speaker(mention: Mention) -> Entity | None:
    """Who asserts the figure: an attribution in the sentence, else the open quotation's
    speaker, else the speaker named right after the quotation closes."""
    doc = mention.sentence.doc
    if doc is None or not doc.has_annotation("DEP"):
        return _unparsed_speaker(mention)
    speaker = sentence_speaker(doc, mention.lang, mention.state, mention.rel_start)
    if speaker is not None:
        return speaker
    if mention.state.get("open_quote") is not None and not _quote_closed_before(mention):
        return mention.state["open_quote"]
    carried = _carried_speaker(mention)
    if carried is not None:
        return carried
    if _in_quote(mention):
        return _speaker_after_quote(mention)
    return None


def _unparsed_speaker(mention: Mention) -> Entity | None:
    """Without a parse (a language with no model): a known name after "selon"/"according
    to", or a known name in a sentence with a speech verb, or the open quotation's."""
    text, lang = mention.sentence.text, mention.lang
    credited = credited_unparsed(text, lang)
    if credited is None and has_speech_verb(text, lang):
        names = [e for e in (lookup_run(n, lang) for n in capitalised_runs(text)) if e is not None]
        credited = next((e for e in names if e.kind != "country"), None)
    if credited is None and _in_quote(mention):
        credited = mention.state.get("open_quote")
    return credited


def _carried_speaker(mention: Mention) -> Entity | None:
    """The previous sentence's speaker when it introduced this one ("Selon X :") or when
    this sentence is a further quotation right after a quoted one."""
    previous = mention.state.get("previous_speaker")
    if previous is None:
        return None
    index, speaker, introduces = previous
    if index != mention.sentence.index - 1:
        return None
    if introduces or mention.sentence.text.lstrip().startswith(("«", "“", '"')):
        return speaker
    return None


def sentence_speaker(doc, lang: str, state: dict, position: int | None) -> Entity | None:
    """The speaker credited in a parsed sentence: the owner of a forecast the figure sets,
    else the cue nearest `position` first."""
    if position is not None:
        owner = _forecast_owner(doc, position, lang, state)
        if owner is not None:
            return owner
    cues = find_cues(doc, lang)
    if position is not None:
        # The cue whose clause holds the figure first, then the nearest.
        cues.sort(key=lambda tok: (not _governs(tok, position), abs(tok.idx - position)))
    for head in cues:
        by_verb = head.dep_ not in ("obl:mod", "obl", "pobj", "nmod")
        if position is not None and by_verb and covers(head, position):
            continue  # the figure describes the speaker ("X, a firm with revenues of $7bn, said")
        entity = _name_of(head, doc, lang, state)
        if entity is not None:
            return entity if entity.name else None
    return None


def _forecast_owner(doc, position: int, lang: str, state: dict) -> Entity | None:
    """Whose forecast a figure is ("ICU cut its growth forecast to 0.8%", "la Banque de
    France a abaissé sa prévision à 0,8 %"): the possessor of the forecast noun, or for
    "its"/"sa" the subject of the verb that changes it."""
    figure = next((t for t in doc if t.idx <= position < t.idx + len(t.text)), None)
    if figure is None:
        return None
    verb = next((a for a in figure.ancestors if a.pos_ == "VERB"), None)
    nouns = [a for a in figure.ancestors if a.lower_ in FORECAST_NOUNS][:1]
    # Only a figure the verb sets directly ("cut it to 0.8%", "from 1.2%"), not one in a
    # phrase further down ("in line with the 1.8% growth expected ...").
    between = [a for a in figure.ancestors if verb is not None and a.i != verb.i and verb in a.ancestors]
    if verb is not None and not nouns and (len(between) > 2 or any(
            a.pos_ not in ("ADP", "NUM", "SYM") and a.lower_ not in ("%", "percent", "per", "cent")
            for a in between)):
        verb = None
    if verb is not None:
        nouns += [c for c in verb.children if c.dep_ in ("obj", "dobj") and c.lower_ in FORECAST_NOUNS]
    for noun in nouns:
        owner = next((c for c in noun.children if c.dep_ in ("poss", "nmod:poss") or (
            c.dep_ == "det" and c.lower_ in POSSESSIVES)), None)
        if owner is None:
            continue
        if owner.lower_ not in POSSESSIVES:
            return _name_of(owner, doc, lang, state)
        clause = noun.head
        subjects = [c for c in clause.children if c.dep_ in ("nsubj", "nsubj:pass", "nsubjpass")]
        if not subjects and clause.dep_ == "xcomp":  # "prompted the bank to cut its forecast"
            subjects = [c for c in clause.head.children if c.dep_ in ("obj", "dobj")]
        if subjects and subjects[0].pos_ != "PRON":
            return _name_of(subjects[0], doc, lang, state)
    return None


def _governs(cue, position: int) -> bool:
    """Whether the verb a cue hangs on has the figure at `position` in its clause."""
    node = cue
    for _ in range(4):
        if node.head is node:
            break
        node = node.head
        if node.pos_ in ("VERB", "AUX"):
            break
    return covers(node, position)


def covers(head, position: int) -> bool:
    subtree = list(head.subtree)
    return subtree[0].idx <= position < subtree[-1].idx + len(subtree[-1].text)


def find_cues(doc, lang: str) -> list:
    """Heads of the noun phrases credited by an attribution cue in `doc` (a new list)."""
    # Kept on the Doc: every figure of a sentence and the sentences after it ask again.
    key = ("tally.actors.cues", lang)
    if key not in doc.user_data:
        doc.user_data[key] = _find_cues(doc, lang)
    return list(doc.user_data[key])


def _find_cues(doc, lang: str) -> list:
    heads = []
    verbs = SPEECH_VERBS.get(lang, set())
    for tok in doc:
        word = tok.lower_
        if word in ATTRIBUTION_PREPOSITIONS:
            if word == "après":
                if tok.i == 0 or doc[tok.i - 1].lower_ not in ("d'", "d’"):
                    continue
                if tok.dep_ == "fixed":  # "D'après X": "D'" is the case marker of X
                    tok = doc[tok.i - 1]
            heads += _object_of(tok)
        elif word in verbs and (tok.pos_ in ("VERB", "AUX") or word.endswith("é")):
            heads += _speech_subjects(tok)
    return heads


def _speech_subjects(verb) -> list:
    """The subject of a speech verb; a name after it when the parser took an inverted
    subject for an object ("…, a annoncé Poutine"); else the subject it shares with the
    verb it is coordinated with ("X interviewed … indicated")."""
    subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubj:pass", "nsubjpass", "expl:subj")]
    if subjects:
        return subjects
    inverted = [c for c in verb.rights if c.dep_ in ("obj", "dobj", "obl", "obl:arg") and (
        c.pos_ == "PROPN" or any(t.pos_ == "PROPN" or t.ent_type_ in NAME_LABELS for t in c.subtree))]
    if inverted:
        return inverted[:1]
    if verb.dep_ == "conj" and verb.head.pos_ == "VERB":
        return [c for c in verb.head.children if c.dep_ in ("nsubj", "nsubj:pass", "nsubjpass")]
    return []


def _object_of(tok) -> list:
    """The noun a preposition introduces ("according to X": X; "selon X": X)."""
    if tok.dep_ == "case" and tok.head.i > tok.i:
        return [tok.head]
    for child in tok.children:
        if child.dep_ in ("pobj", "prep"):
            return [child] if child.dep_ == "pobj" else _object_of(child)
    for child in tok.rights:
        if child.pos_ in ("NOUN", "PROPN", "PRON"):
            return [child]
    return []


def _name_of(head, doc, lang: str, state: dict) -> Entity | None:
    """The entity a credited noun phrase names; Entity(name='') for an untied group."""
    word = head.lower_
    pronouns = PRONOUNS.get(lang, {})
    if word in pronouns or head.text.lower() in pronouns:
        kind = pronouns.get(word) or pronouns[head.text.lower()]
        here = _entity_before(head, lang, kind)
        if here is not None:
            return here
        if kind == "person":
            return state.get("last_person") or state.get("last_speaker")
        if kind == "body":
            return state.get("last_body") or state.get("last_speaker")
        return state.get("last_speaker") or state.get("last_body")
    if word in TIED_GROUPS and not any(c.dep_ in ("amod", "nmod", "compound") for c in head.children):
        return main_country(state)
    for child in head.children:  # "le ministre de la Défense, Rustem Umerov"
        # Not after a body: "selon le ministère de la Santé, Ahmad X (25 ans) a été tué"
        # names a victim after the comma.
        if child.dep_ == "appos" and word not in BODY_NOUNS:
            found = named_entity(noun_phrase(child), lang)
            if found is not None and found.kind == "person":
                return found
    if word in BODY_NOUNS:
        published = _published_by(head, lang, state)
        if published is not None:
            return published
    tokens = noun_phrase(head)
    main = main_country(state)
    found = named_entity(tokens, lang, main.name if main else None)
    if found is not None:
        return found
    # An unknown name credited as a subject or by "selon"; after the verb only a person's
    # name ("…, a annoncé Dupont"), not any object ("a fait de l'Europe une province").
    inverted = head.dep_ in ("obj", "dobj", "obl", "obl:arg") and head.ent_type_ not in PERSON_LABELS
    if head.pos_ == "PROPN" and head.ent_type_ not in PLACE_LABELS and not inverted:
        return _unknown_name(head, state)
    if word in UNTIED_GROUPS:
        return Entity("", "group")
    if word in BODY_NOUNS:
        # "the OSC analysis": an unknown name on a noun of sources is the source.
        named = [c for c in head.children if c.dep_ in ("compound", "poss", "nmod:poss", "nmod") and c.pos_ == "PROPN"
                 and c.ent_type_ not in PLACE_LABELS]
        if named:
            return _unknown_name(named[0], state)
    if word in BODY_NOUNS and any(t.lower_ in DEFINITE for t in head.children):
        # "the think tank", "the agency", "l'institut": the body named last.
        return state.get("last_body") or state.get("last_speaker")
    return None


def _published_by(head, lang: str, state: dict) -> Entity | None:
    """The author of a source told by a participle ("a study published by X", "analysis
    conducted by the OSC", "une étude publiée par le site Beyond Parallel")."""
    for clause in head.children:
        if clause.dep_ not in ("acl", "acl:relcl") or clause.pos_ != "VERB":
            continue
        for agent in clause.children:
            if agent.dep_ == "agent":  # English: "by" heads the phrase
                agent = next((c for c in agent.children if c.dep_ == "pobj"), None)
            elif agent.dep_ != "obl:agent":
                continue
            if agent is None:
                continue
            found = named_entity(noun_phrase(agent), lang)
            if found is None:  # "le site spécialisé Beyond Parallel": a name in the phrase
                inside = {t.i for t in agent.subtree}
                names = [e for e in head.doc.ents if e.start in inside and e.label_ not in PLACE_LABELS]
                found = resolve_ent(names[0], lang) if names else None
            if found is not None:
                return found
    return None


def _unknown_name(head, state: dict) -> Entity | None:
    """A credited proper name the gazetteer lacks, as the text writes it ("ICU said",
    "…, Fraunholtz said"): a lone last name is the person named before with that last name."""
    words = [t for t in noun_phrase(head) if t.pos_ == "PROPN" or (
        (t.is_title or t.is_upper) and t.pos_ in ("NOUN", "X"))]
    words = [t for t in words if t.i <= head.i and not t.is_punct] or [head]
    name = clean_name(head.doc[words[0].i : head.i + 1].text)
    if not name or not name[:1].isupper():
        return None
    last = state.get("last_person")
    if len(words) == 1 and last is not None and last.name.split()[-1] == name:
        return last
    spelled = state.get("acronyms", {}).get(name)
    if spelled is not None:
        return Entity(spelled, "body")  # "the Open Source Centre (OSC)" before "OSC said"
    return Entity(name, "person" if len(words) >= 2 and not name.isupper() else "body")


def _entity_before(pronoun, lang: str, kind: str) -> Entity | None:
    """A named subject earlier in the pronoun's own sentence ("Russia … when it said",
    "ArcelorMittal lost 10% …, it said")."""
    doc = pronoun.doc
    for tok in reversed(doc[: pronoun.i]):
        if tok.dep_ in ("nsubj", "nsubj:pass", "nsubjpass") and tok.pos_ == "PROPN":
            entity = named_entity(noun_phrase(tok), lang)
            if entity is not None and (kind != "person" or entity.kind == "person"):
                return entity
    if kind == "body":
        for ent in doc.ents:
            if ent.end <= pronoun.i and ent.label_ in BODY_LABELS:
                return resolve_ent(ent, lang)
    return None



def _in_quote(mention: Mention) -> bool:
    """Whether the figure sits inside quotation marks (or after an unclosed opening one)."""
    before = mention.before
    for opening, closing in QUOTE_PAIRS:
        if opening == closing:
            if before.count(opening) % 2 == 1:
                return True
        elif before.count(opening) > before.count(closing):
            return True
    return mention.state.get("open_quote") is not None or before.lstrip().startswith(("«", "“", '"'))


def _quote_closed_before(mention: Mention) -> bool:
    before = mention.before
    return any(c in before for c in "»”") and not any(c in before for c in "«“")


def _speaker_after_quote(mention: Mention) -> Entity | None:
    """For a figure inside a quotation whose attribution follows it ("… », a-t-il dit),
    read the text after the closing quotation mark, here or in the next sentences."""
    sents = mention.state.get("sentences", [])
    rest = [mention.after] + [s.text for s in sents if 0 < s.index - mention.sentence.index <= 3]
    for text in rest:
        if not any(c in text for c in "»”\""):
            continue
        tail = re.split(r"[»”\"]", text, maxsplit=1)[1][:100]
        return _speaker_in_tail(tail, mention)
    return None


def _speaker_in_tail(tail: str, mention: Mention) -> Entity | None:
    """The speaker a speech verb right after a closing quotation mark names."""
    lang = mention.lang
    words = tail.split()
    verbs = SPEECH_VERBS.get(lang, set())
    if not any(w.strip(",.").lower() in verbs or "-t-" in w for w in words[:5]):
        return None
    if re.search(r"\b(?:t-il|t-elle|he|she|il|elle)\b", tail[:40]):
        return mention.state.get("last_person") or mention.state.get("last_speaker")
    for name in capitalised_runs(tail):
        entity = lookup_run(name, lang)
        if entity is not None:
            return entity
        if len(name.split()) >= 2:  # "…", said Sergii Pylypenko: a name the gazetteer lacks
            return Entity(name, "person")
    return None


