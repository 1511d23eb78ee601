"""Actor and speaker of a figure: who performs the event, who asserts the figure.

    "Russia launched 420 drones overnight, Ukraine's air force said."
        420 -> actor "Russia", speaker "Ukrainian Air Force"

The speaker is the subject of a speech verb ("said", "a annoncé") or the object of an
attribution cue ("according to", "selon"), carried on while a quotation goes on or
after a sentence that ends on a colon; a pronoun resolves to the last person named,
"the think tank" to the last body, bare "authorities" to the document's main country.
The actor is, in order: a side's own losses ("Russian casualties"), the country or body
the governing verb's subject (or passive agent, or giver for "received") names, a
possessive or adjective on the counted noun, the one country the sentence names as a
possible performer, the country of a government speaker. Names go through the gazetteer.
The document state (mention.state) keeps the last person, body and speaker named.
"""
from __future__ import annotations

import re

from . import gazetteer
from .gazetteer import Entity
from .mention import Mention

# Word forms of speech and reporting verbs (the lemmatizer is not run).
SPEECH_VERBS = {
    "en": {
        "said", "says", "say", "told", "tells", "tell", "estimated", "estimates", "estimate",
        "reported", "reports", "claimed", "claims", "announced", "announces", "stated", "states",
        "noted", "notes", "added", "adds", "wrote", "writes", "put", "puts", "shows", "showed",
        "found", "finds", "indicated", "indicates", "confirmed", "confirms", "revealed", "reveals",
        "insisted", "warned", "explained", "acknowledged", "admitted", "pointed", "calculated",
        "identified", "believes", "believed", "boasted", "declared", "expects", "expected",
        "forecasts", "forecast", "concluded", "concludes", "describes", "described", "projects",
        "projected", "predicts", "predicted", "assessed", "assesses", "suggests", "suggested",
    },
    "fr": {
        "déclaré", "déclare", "annoncé", "annonce", "indiqué", "indique", "rapporté", "rapporte",
        "affirmé", "affirme", "estimé", "estime", "précisé", "précise", "souligné", "souligne",
        "détaillé", "détaille", "expliqué", "explique", "assuré", "assure", "révèle", "révélé",
        "signalé", "signale", "ajouté", "ajoute", "confirmé", "confirme", "dit", "dit-il",
        "avance", "avancé", "écrit", "calcule", "calculé", "compte", "recense", "recensé",
        "évalue", "évalué", "chiffre", "chiffré", "prévient", "prévenu", "martelé", "martèle",
        "reconnu", "reconnaît", "vanté", "vantait", "soutient", "soutenu", "réitéré", "réitère",
        "attend", "prévoit", "prévu", "fait", "publié", "publie", "constate", "constaté",
        "faisant", "montre", "montré", "conclut", "conclu", "affiche", "informe", "précisant",
        "indiquant", "expliquant", "soulignant", "ajoutant", "affirmant",
    },
}
# Verbs whose subject receives: the actor of a delivery is the giver.
RECEIVE_VERBS = {"received", "receives", "receive", "obtained", "got", "reçoit", "reçu", "recevra",
                 "recevoir", "obtenu", "obtient", "touché", "perçoit"}
_RELATIVES = {"qui", "which", "who", "that"}
_DE = {"de", "du", "des", "d'", "d’"}
# Prepositions that credit their object: "selon X", "d'après X", "according to X".
ATTRIBUTION_PREPOSITIONS = {"selon", "according", "citing", "per", "après"}
PRONOUNS = {
    "en": {"he": "person", "she": "person", "they": "speaker", "it": "body"},
    "fr": {"il": "person", "elle": "person", "ils": "speaker", "elles": "speaker", "t-il": "person",
           "t-elle": "person", "-t-il": "person", "-t-elle": "person", "-il": "person", "-elle": "person"},
}
# Nouns that refer back to the last named body ("the think tank", "l'institut").
BODY_NOUNS = {
    "agency", "organization", "organisation", "institute", "ministry", "think", "tank", "digest",
    "outlet", "group", "report", "study", "army", "military", "bank", "company", "firm", "survey",
    "organizations", "organisations", "centre", "center", "commission", "council", "newspaper",
    "agence", "institut", "ministère", "armée", "étude", "rapport", "organisme", "entreprise",
    "groupe", "banque", "journal", "magazine", "site", "communiqué", "déclaration", "conseil",
    "research", "analysis", "findings", "data", "figures", "estimates", "recherche", "analyse",
    "données", "chiffres", "estimations", "enquête",
}
# Roles that credit the body they belong to ("the head of the Kiel Institute").
ROLE_NOUNS = {
    "head", "chief", "director", "spokesman", "spokeswoman", "spokesperson", "commander", "president",
    "minister", "secretary", "member", "members", "representative", "representatives", "envoy",
    "official", "officials", "chef", "directeur", "directrice", "porte-parole", "commandant",
    "président", "présidente", "ministre", "secrétaire", "membre", "membres", "représentant",
    "représentants", "responsable", "responsables", "dirigeant", "dirigeants", "patron",
}
# Determiners that make a noun refer back to something named before.
_DEFINITE = {"the", "this", "these", "that", "its", "their", "le", "la", "l'", "l’", "les", "ce", "cet",
             "cette", "ces", "son", "sa", "ses", "leur", "leurs"}
# Groups tied to no government or organisation: their figures have no speaker.
UNTIED_GROUPS = {
    "expert", "experts", "analyst", "analysts", "observer", "observers", "economist", "economists",
    "economistes", "économistes", "analystes", "observateurs", "experts", "researchers",
    "chercheurs", "sources", "médecins", "doctors", "witnesses", "témoins", "residents",
    "habitants", "leaders", "dirigeants",
}
# Groups that speak for the country the document is about when none is named
# ("according to authorities").
TIED_GROUPS = {"authorities", "officials", "autorités", "responsables", "officiels"}
PERSON_LABELS = {"PERSON", "PER"}
BODY_LABELS = {"ORG"}
PLACE_LABELS = {"GPE", "LOC", "NORP"}
_NAME_LABELS = PERSON_LABELS | BODY_LABELS | {"MISC"}
# Dependency labels that stay inside a noun phrase when reading its name.
_NP_DEPS = {
    "compound", "amod", "flat", "flat:name", "flat:foreign", "det", "nmod", "case", "poss",
    "fixed", "nmod:poss", "nn", "npadvmod", "pobj", "prep", "cc", "conj",
}
_QUOTE_PAIRS = (("«", "»"), ("“", "”"), ('"', '"'))
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


def assign(mention: Mention) -> None:
    """Set mention.fields['actor'] and ['speaker'] (canonical English names or None)."""
    _advance(mention)
    speaker = _speaker(mention)
    mention.fields["speaker"] = speaker.name if speaker else None
    mention.fields["actor"] = _actor(mention, speaker)


# --- document state -------------------------------------------------------------------


def _advance(mention: Mention) -> None:
    """Read the sentences before this one that were not read yet: remember the last
    person and body named, and the speaker of a quotation still open."""
    state = mention.state
    done = state.get("actors_read", -1)
    for sent in state.get("sentences", []):
        if done < sent.index < mention.sentence.index:
            _remember(state, sent, mention.lang)
            state["actors_read"] = sent.index


def _remember(state: dict, sent, lang: str) -> None:
    if sent.doc is not None:
        for ent in sent.doc.ents:
            _note_entity(state, ent, lang)
        speaker = _sentence_speaker(sent.doc, lang, state, None)
        if speaker is not None:
            state["last_speaker"] = speaker
            quoted = any(c in sent.text for c in "«“\"")
            introduces = sent.text.rstrip().endswith(":")
            state["previous_speaker"] = (sent.index, speaker, introduces) if quoted or introduces else None
    else:
        speaker = None
        for name in _capitalised(sent.text):
            entity = _lookup_run(name, lang)
            if entity is not None and entity.kind in ("person", "body", "state"):
                state["last_person" if entity.kind == "person" else "last_body"] = entity
                speaker = entity

        # Unparsed: a known name after "selon"/"according to", or before a speech verb
        # that opens a quotation or ends the sentence on a colon.
        credited = _credited_unparsed(sent.text, lang)
        introduces = sent.text.rstrip().endswith(":")
        opening = re.search(r"[:,]\s*[«“\"]", sent.text)
        if credited is None and speaker is not None and (opening or introduces) and _has_speech_verb(
                sent.text[: opening.start() if opening else len(sent.text)], lang):
            credited = speaker
        if credited is not None:
            state["last_speaker"] = credited
            state["previous_speaker"] = (sent.index, credited, introduces)
    state["open_quote"] = _quote_left_open(sent.text, state.get("open_quote"), state.get("last_speaker"))


# A run of capitalised words, with the small words names contain ("Institute for the
# Study of War", "ministère de la Défense").
_NAME_RUN = re.compile(
    r"[A-ZÀ-ÝА-ЯІЇЄ][\w’'.-]*(?:\s+(?:(?:of|for|the|and|de|du|des|la|le|et|d['’]|l['’])\s*)*"
    r"[A-ZÀ-ÝА-ЯІЇЄ][\w’'.-]*){0,6}"
)
_CREDIT = re.compile(r"\b(?:selon|d['’]après|according to)\s+(.{1,80})", re.IGNORECASE)


def _credited_unparsed(text: str, lang: str) -> Entity | None:
    """The known entity a "selon"/"according to" credits in a sentence with no parse."""
    found = _CREDIT.search(text)
    if found is None:
        return None
    phrase = re.split(r"[,;:]", found.group(1), maxsplit=1)[0]
    entity = gazetteer.lookup(phrase, lang)  # "selon le ministère russe de la Défense, …"
    if entity is not None:
        return entity
    for name in _capitalised(found.group(1)):
        entity = _lookup_run(name, lang)
        if entity is not None:
            return entity
    return None


def _lookup_run(run: str, lang: str) -> Entity | None:
    """The entity a run of capitalised words names, or one of its parts ("Zelensky and
    Putin": Putin, the last), or its longest known ending ("Global steelmaker ArcelorMittal")."""
    parts = re.split(r"\s+(?:and|et)\s+", run)
    for part in reversed(parts):
        words = part.split()
        for start in range(len(words)):
            entity = gazetteer.lookup(" ".join(words[start:]), lang)
            if entity is not None:
                return entity
    return None


def _capitalised(text: str) -> list[str]:
    """Runs of capitalised words, the names an unparsed sentence may hold."""
    return [m.group() for m in _NAME_RUN.finditer(text)]


def _has_speech_verb(text: str, lang: str) -> bool:
    verbs = SPEECH_VERBS.get(lang, set())
    return any(word.lower() in verbs for word in re.findall(r"[\w-]+", text))


def _note_entity(state: dict, ent, lang: str) -> None:
    """Remember the last person and body named, and how often each country is named."""
    if ent.label_ in PLACE_LABELS:
        entity = gazetteer.lookup(ent.text, lang)
        if entity is not None and entity.kind == "country":
            counts = state.setdefault("country_counts", {})
            counts[entity.name] = counts.get(entity.name, 0) + 1
    elif ent.label_ in PERSON_LABELS | BODY_LABELS:
        entity = _resolve_ent(ent, lang)
        if entity is not None and entity.kind == "person":
            state["last_person"] = entity
        elif entity is not None and entity.kind in ("body", "state"):
            state["last_body"] = entity


def _quote_left_open(text: str, open_quote, speaker):
    """The speaker of a quotation still open after `text`, or None once it closes."""
    depth = 1 if open_quote else 0
    for char in text:
        if char in "«“":
            depth += 1
        elif char in "»”":
            depth = max(depth - 1, 0)
    if depth == 0:
        return None
    return open_quote or speaker


# --- speaker --------------------------------------------------------------------------


def _speaker(mention: Mention) -> Entity | None:
    """Who asserts the figure: an attribution in the sentence, else the open quotation's
    speaker, else the speaker named right after the quotation closes."""
    doc = mention.sentence.doc
    if doc is None or not doc.has_annotation("DEP"):
        return _unparsed_speaker(mention)
    speaker = _sentence_speaker(doc, mention.lang, mention.state, mention.rel_start)
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
    credited = _credited_unparsed(text, lang)
    if credited is None and _has_speech_verb(text, lang):
        names = [e for e in (_lookup_run(n, lang) for n in _capitalised(text)) if e is not None]
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


def _sentence_speaker(doc, lang: str, state: dict, position: int | None) -> Entity | None:
    """The speaker credited in a parsed sentence, the cue nearest `position` first."""
    cues = _cues(doc, lang)
    if position is not None:
        # The cue whose clause holds the figure first, then the nearest.
        cues.sort(key=lambda tok: (not _governs(tok, position), abs(tok.idx - position)))
    for head in cues:
        by_verb = head.dep_ not in ("obl:mod", "obl", "pobj", "nmod")
        if position is not None and by_verb and _covers(head, position):
            continue  # the figure describes the speaker ("X, a firm with revenues of $7bn, said")
        entity = _name_of(head, doc, lang, state)
        if entity is not None:
            return entity if entity.name else None
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
    return _covers(node, position)


def _covers(head, position: int) -> bool:
    subtree = list(head.subtree)
    return subtree[0].idx <= position < subtree[-1].idx + len(subtree[-1].text)


def _cues(doc, lang: str) -> list:
    """Heads of the noun phrases credited by an attribution cue in `doc`."""
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
        c.pos_ == "PROPN" or any(t.pos_ == "PROPN" or t.ent_type_ in _NAME_LABELS for t in c.subtree))]
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
        return _main_country(state)
    for child in head.children:  # "le ministre de la Défense, Rustem Umerov"
        if child.dep_ == "appos":
            found = _named_entity(_phrase(child), lang)
            if found is not None and found.kind == "person":
                return found
    tokens = _phrase(head)
    main = _main_country(state)
    found = _named_entity(tokens, lang, main.name if main else None)
    if found is not None:
        return found
    if word in UNTIED_GROUPS:
        return Entity("", "group")
    if word in BODY_NOUNS and any(t.lower_ in _DEFINITE for t in head.children):
        # "the think tank", "the agency", "l'institut": the body named last.
        return state.get("last_body") or state.get("last_speaker")
    return None


def _entity_before(pronoun, lang: str, kind: str) -> Entity | None:
    """A named subject earlier in the pronoun's own sentence ("Russia … when it said",
    "ArcelorMittal lost 10% …, it said")."""
    doc = pronoun.doc
    for tok in reversed(doc[: pronoun.i]):
        if tok.dep_ in ("nsubj", "nsubj:pass", "nsubjpass") and tok.pos_ == "PROPN":
            entity = _named_entity(_phrase(tok), lang)
            if entity is not None and (kind != "person" or entity.kind == "person"):
                return entity
    if kind == "body":
        for ent in doc.ents:
            if ent.end <= pronoun.i and ent.label_ in BODY_LABELS:
                return _resolve_ent(ent, lang)
    return None


def _main_country(state: dict) -> Entity | None:
    """The country the document has named most so far ("according to authorities")."""
    counts = state.get("country_counts") or {}
    if not counts:
        return None
    name = max(counts, key=counts.get)
    return Entity(name, "country", name)


def _phrase(head) -> list:
    """The tokens of the noun phrase headed by `head`, without clauses or appositions."""
    tokens = [head]
    for child in head.children:
        if child.dep_ in _NP_DEPS and child.dep_ != "punct":
            if child.dep_ in ("conj", "cc") and head.pos_ != "PROPN":
                continue
            tokens += _phrase(child)
    return sorted(tokens, key=lambda t: t.i)


def _named_entity(tokens: list, lang: str, country: str | None = None) -> Entity | None:
    """The entity a phrase names: the phrase up to its head in the gazetteer, else a named
    entity of the parse with the noun it belongs to (as the text gives it when the
    gazetteer lacks it), else any ending of the phrase. `country`: of a bare ministry."""
    if not tokens:
        return None
    doc = tokens[0].doc
    indices = {t.i for t in tokens}
    head = next((t for t in tokens if t.head.i not in indices or t.head is t), tokens[-1])
    core = doc[tokens[0].i : head.i + 1]
    entity = _lookup_endings(core, lang, country)
    if entity is not None:
        return entity
    # Past its head, a phrase names its source only through a noun of sources ("data from
    # the UN", "un rapport des renseignements américains"), not any noun ("the warming
    # of relations between Germany and Russia").
    reach = tokens[-1].i
    if head.pos_ == "NOUN" and head.lower_ not in BODY_NOUNS | ROLE_NOUNS:
        own = [c for c in head.children if c.dep_ in ("amod", "compound", "flat", "flat:name", "poss")]
        reach = max([head.i] + [t.i for c in own for t in c.subtree])
    for ent in doc.ents:
        if (ent.start in indices or ent.end - 1 in indices) and ent.start <= reach:
            entity = _resolve_ent(ent, lang, country)
            if entity is not None:
                return entity
    span = doc[tokens[0].i : reach + 1]
    return _lookup_endings(span, lang, country) if len(span) <= 12 else None


def _resolve_ent(ent, lang: str, country: str | None = None) -> Entity | None:
    """The entity a named entity of the parse stands for, read with the noun it belongs
    to ("U.N." in "the U.N. High Commissioner for Refugees"); as the text gives it when
    the gazetteer lacks it; None for a label that names no person or body."""
    doc = ent.doc
    noun = ent.root
    while noun.dep_ in ("compound", "flat", "flat:name", "amod") and noun.head.pos_ in ("NOUN", "PROPN"):
        noun = noun.head
    phrase = _phrase(noun)
    if len(phrase) <= 12:
        for span in (doc[phrase[0].i : phrase[-1].i + 1], doc[phrase[0].i : noun.i + 1]):
            entity = _lookup_endings(span, lang, country)
            if entity is not None:
                return entity
    entity = gazetteer.lookup(ent.text, lang, country)
    if entity is not None:
        return entity
    if ent.label_ in PERSON_LABELS:
        return Entity(_clean_name(ent.text), "person")
    if ent.label_ in BODY_LABELS:
        return Entity(_clean_name(ent.text), "body")
    return None


def _lookup_endings(span, lang: str, country: str | None) -> Entity | None:
    """The gazetteer entry for the span, or for its longest ending that has one (not a
    lone demonym: "des sources russes" names no Russian body)."""
    for start in range(len(span)):
        ending = span[start:].text
        entity = gazetteer.lookup(ending, lang, country)
        if entity is not None and not (start and gazetteer.demonym(ending, strict=True)):
            return entity
    return None


def _clean_name(text: str) -> str:
    text = re.sub(r"['’]s$", "", text.strip())
    return re.sub(r"^(?:(?:the|le|la|les)\s+|l['’]\s*)", "", text, flags=re.IGNORECASE).strip()


def _in_quote(mention: Mention) -> bool:
    """Whether the figure sits inside quotation marks (or after an unclosed opening one)."""
    before = mention.before
    for opening, closing in _QUOTE_PAIRS:
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
    for name in _capitalised(tail):
        entity = _lookup_run(name, lang)
        if entity is not None:
            return entity
        if len(name.split()) >= 2:  # "…", said Sergii Pylypenko: a name the gazetteer lacks
            return Entity(name, "person")
    return None


# --- actor ----------------------------------------------------------------------------


def _actor(mention: Mention, speaker: Entity | None) -> str | None:
    """The country or body performing the event, by the first rule that names one."""
    item, event = mention.fields.get("item"), mention.fields.get("event")
    if event == "displace" or item == "refugee" or _is_age(mention, item):
        return None
    doc = mention.sentence.doc
    tokens = mention.tokens()
    if doc is None or not tokens or not doc.has_annotation("DEP"):
        return None  # the rules read the parse; without one, no actor rather than a guess
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
        return subject if subject is not _SEVERAL else None
    if own is not None and event not in _EVENTS_AGAINST_ITEM and not victims:
        return own
    countries = _countries_in(doc, lang, exclude={t.i for t in tokens} | _cue_ids(doc, lang, tokens),
                              people=not victims)
    if speaker is not None and speaker.kind == "body" and speaker.name in countries:
        countries.remove(speaker.name)  # the source of a figure is not its actor
    if own is not None and (event in _EVENTS_AGAINST_ITEM or victims) and own in countries:
        countries.remove(own)  # "downed 40 Ukrainian drones", "Palestinians killed": the target
    if len(countries) == 1:
        return countries[0]
    if not countries and speaker is not None and speaker.country and speaker.kind in ("person", "state"):
        return speaker.country
    # Falling back on the document's main country or the last actor was tried: both
    # lose more figures with no actor than they win (dev sets, 2026-11).
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
    for head in _cues(doc, lang):
        ids |= {t.i for t in (_phrase(head) if _covers(head, position) else head.subtree)}
    return ids


def _as_actor(entity: Entity | None) -> str | None:
    """Actors are countries or organisations: a state organ acts for its country
    ("Russian forces": Russia), a known official too; unknown people are no actor."""
    if entity is None:
        return None
    if entity.kind in ("state", "person"):
        return entity.country
    return entity.name


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
            entity = gazetteer.lookup(_ent_text(child), lang)
            if entity is not None:
                return _as_actor(entity)
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
                if subject.lower_ in _RELATIVES and head.dep_ in ("acl:relcl", "relcl"):
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
    """The giver in "X received 500 million from Y" / "X reçoit 500 millions de Y"."""
    for node in (tok, tok.head, verb):
        for child in node.children:
            if child.dep_ == "prep" and child.lower_ == "from":
                return next((c for c in child.children if c.dep_ == "pobj"), None)
            named = child.pos_ == "PROPN" or child.ent_type_ in BODY_LABELS | PLACE_LABELS
            if child.dep_ in ("nmod", "obl", "obl:arg") and named and any(
                    c.dep_ == "case" and c.lower_ in _DE for c in child.children):
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
        entity = gazetteer.lookup(_ent_text(subject), lang)
        if entity is None and subject.ent_type_ in BODY_LABELS:
            entity = Entity(_clean_name(_ent_text(subject)), "body")
        if entity is not None and entity.kind == "person" and _personal_wealth(mention):
            return entity.name  # "Poutine a accumulé 200 milliards": his own money
        if entity is not None:
            return _as_actor(entity)
    head_phrase = [t for t in _phrase(subject)
                   if t.dep_ not in ("prep", "pobj", "case", "nmod") or t is subject]
    entity = gazetteer.lookup(" ".join(t.text for t in head_phrase), lang)
    if entity is not None and entity.kind in ("state", "body", "country"):
        return _as_actor(entity)
    owner = _owner(subject, lang)
    if owner is not None:
        return owner
    # "Global steelmaker ArcelorMittal lost 10%": a body named inside the subject.
    for tok in head_phrase:
        if tok.ent_type_ in BODY_LABELS and tok is not subject:
            entity = gazetteer.lookup(_ent_text(tok), lang) or Entity(_clean_name(_ent_text(tok)), "body")
            return _as_actor(entity)
    return None


def _personal_wealth(mention: Mention) -> bool:
    """Whether the figure is money a person has or spends (CLAIMS.md: for a count, the
    actor is the one that has the items), rather than a state's budget they announce."""
    fields = mention.fields
    return fields.get("item") == "money" and fields.get("event") in ("count", "spend", "other")


def _ent_text(tok) -> str:
    for ent in tok.doc.ents:
        if ent.start <= tok.i < ent.end:
            return ent.text
    return tok.text


# What _subject_entity gives when the subject names several performers.
_SEVERAL = "<several>"

# Prepositions whose object is a place or a recipient, not a performer.
_PLACE_PREPOSITIONS = {
    "in", "to", "into", "at", "within", "throughout", "across", "towards", "toward", "near",
    "en", "à", "au", "aux", "dans", "vers", "pour", "sur", "contre", "against", "on",
}


def _countries_in(doc, lang: str, exclude: set[int], people: bool = True) -> list[str]:
    """The distinct countries a sentence names as possible performers (entities and
    demonym adjectives, leaving out places and recipients: "in Ukraine", "à l'Ukraine";
    and with people=False, peoples: "two Palestinians killed" names the victims)."""
    found: list[str] = []
    for ent in doc.ents:
        if ent.label_ not in PLACE_LABELS | BODY_LABELS or exclude & set(range(ent.start, ent.end)):
            continue
        if not people and ent.root.pos_ in ("NOUN", "PROPN") and gazetteer.demonym(
                ent.root.text, strict=True):
            continue
        if _is_place(doc[ent.root.i]):
            continue
        entity = gazetteer.lookup(ent.text, lang)
        name = _as_actor(entity) if entity is not None and entity.kind != "person" else None
        if name is not None and name not in found:
            found.append(name)
    for tok in doc:
        if tok.pos_ == "ADJ" and tok.i not in exclude:
            name = gazetteer.demonym(tok.text)
            if name is not None and name not in found:
                found.append(name)
    return found


def _is_place(tok) -> bool:
    cases = [c.lower_ for c in tok.children if c.dep_ == "case"]
    if tok.dep_ == "pobj":
        cases.append(tok.head.lower_)
    return any(c in _PLACE_PREPOSITIONS for c in cases)
