"""The entity a credited phrase names: a known or unknown name, a pronoun's or a definite
noun's antecedent, the country of "officials", or no one for "analysts" and "a poll"."""
from __future__ import annotations

import re

from ... import gazetteer
from ...gazetteer import Entity
from ..names import (capitalised_runs, clean_name, lookup_run, main_country, named_entity, noun_phrase,
                     resolve_ent)
from ..words import (BODY_LABELS, BODY_NOUNS, DEFINITE, NAME_LABELS, PERSON_LABELS, PLACE_LABELS, PRONOUNS,
                     TIED_GROUPS, UNTIED_GROUPS)


# Nouns of a source whose author "by"/"par" names ("a survey by X", "claims by X that …").
SOURCE_NOUNS = {
    "survey", "surveys", "study", "studies", "report", "reports", "analysis", "research", "poll", "polls",
    "claim", "claims", "estimate", "estimates", "assessment", "assessments", "count", "tally", "data",
    "figures", "calculations", "estimation", "estimations", "étude", "études", "rapport", "rapports",
    "sondage", "sondages", "enquête", "analyse", "décompte", "bilan", "chiffres", "données", "calculs",
}


SOURCE_BY = {"by", "par"}


# Nouns of a document whose findings the sentences after it in a paragraph may go on telling.
FINDINGS_NOUNS = {
    "report", "analysis", "study", "survey", "research", "findings", "data", "assessment", "review",
    "rapport", "analyse", "étude", "enquête", "recherche", "données", "bilan",
}


# Determiners of a source named by no one ("selon un sondage", "a poll found").
INDEFINITE = {"a", "an", "one", "un", "une", "des", "some", "certains", "certaines", "plusieurs"}


# Nouns of groups and sources whose speaker is the body they are of.
_GROUP_WORDS = frozenset(SOURCE_NOUNS | UNTIED_GROUPS | TIED_GROUPS)
# "-t-il" splits into "-t" and "-il": the pronoun is the second.
_EUPHONIC_T = {"-t", "t", "-t-"}


# How many sentences back a definite noun looks for the name it stands for.
ANTECEDENT_SENTENCES = 6


# How many words a name may reach before and after its noun ("l'armée israélienne",
# "Russia's defence ministry").
_WINDOW_BEFORE, _WINDOW_AFTER = 3, 4


def name_of(head, doc, lang: str, state: dict) -> Entity | None:
    """The entity a credited noun phrase names; Entity(name='') for an untied group."""
    word = head.lower_
    if word in _EUPHONIC_T and head.i + 1 < len(doc):  # "a-t-il dit": "-t" "-il"
        word = doc[head.i + 1].lower_.lstrip("-")
    pronouns = PRONOUNS.get(lang, {})
    if word in pronouns or head.text.lower() in pronouns:
        return _pronoun_antecedent(head, pronouns.get(word) or pronouns[head.text.lower()], lang, state)
    if word in _GROUP_WORDS:
        found = _group_speaker(head, word, lang, state)
        if found is not None:
            return found
    found = _name_beside(head, word, lang, state)
    if found is not None:
        return found
    if word in BODY_NOUNS:
        published = _published_by(head, lang, state)
        if published is not None:
            return published
    if head.i + 2 < len(doc) and doc[head.i + 1].text == "-":
        found = _hyphenated_name(head, lang)  # "l'état-major ukrainien", split by the tokenizer
        if found is not None:
            return found
    tokens = noun_phrase(head)
    main = main_country(state)
    found = named_entity(tokens, lang, main.name if main else None)
    if found is not None and found.kind == "country" and head.pos_ == "PROPN" and (
            head.ent_type_ in NAME_LABELS):
        # "Ukraine's European Business Association": the body, not the country before it.
        found = _own_name(head, lang) or found
    if (found is None or found.kind == "country") and word in PERSON_ROLES:
        found = _role_antecedent(head, state) or found  # "Le président français a ajouté …"
    if found is not None and found.kind == "country" and word in _ANTECEDENT_BODIES and head.is_lower:
        # "the US think tank", "l'institut américain": the body named before, not its country.
        found = _body_noun_speaker(head, lang, state) or found
    if found is not None:
        return found
    # An unknown name credited as a subject or by "selon"; after the verb only a person's
    # name ("…, a annoncé Dupont"), not any object ("a fait de l'Europe une province").
    inverted = head.dep_ in ("obj", "dobj", "obl", "obl:arg") and head.ent_type_ not in PERSON_LABELS
    if head.pos_ == "PROPN" and head.ent_type_ not in PLACE_LABELS and not inverted:
        found = _unknown_name(head, state)
        if found is not None or head.lower_ not in BODY_NOUNS:
            return found  # not "l'institut" the tagger took for a name: it refers back
    if word in UNTIED_GROUPS:
        return Entity("", "group")
    found = _body_noun_speaker(head, lang, state) if word in BODY_NOUNS else None
    if found is not None:
        return found
    if word in SOURCE_NOUNS and any(t.lower_ in INDEFINITE for t in head.children):
        # "A survey … has concluded that …", then "The study by X describes …": X; else
        # "selon un sondage", "a study found": no one named.
        return _author_named_next(head.doc, lang, state) or Entity("", "group")
    return None


# The sentence after "a study found …" naming its author: "The extensive study by the Geneva
# Academy …", "L'étude, menée par l'Institut X, …".
_NEXT_AUTHOR = re.compile(
    r"^\s*(?i:the|this|that|l['’]|le|la|cette|ce)\s*(?:[\w-]+\s+){0,3}?"
    r"(?i:study|report|survey|research|analysis|poll|étude|rapport|enquête|sondage|analyse)\b[^.]{0,40}?"
    r"\b(?i:by|from|par|de|du|des)\s+(?:(?i:the|la|le|l['’])\s*)?([A-Z][^,.;:()]*)")


def _author_named_next(doc, lang: str, state: dict) -> Entity | None:
    """The author the sentence after `doc`'s names for its report, if it opens on one."""
    sents = state.get("sentences", [])
    here = next((s.index for s in sents if s.doc is doc), None)
    if here is None or here + 1 >= len(sents):
        return None
    match = _NEXT_AUTHOR.match(sents[here + 1].text)
    if match is None:
        return None
    words = match.group(1).split()
    for size in range(len(words), 0, -1):
        entity = gazetteer.lookup(" ".join(words[:size]), lang)
        if entity is not None and entity.kind != "country":
            return entity
    runs = capitalised_runs(match.group(1))
    return Entity(runs[0], "body") if runs and match.group(1).startswith(runs[0]) else None


def _hyphenated_name(head, lang: str) -> Entity | None:
    """The known name a hyphenated noun begins that the tokenizer split and the parser
    broke apart ("selon l'état-major ukrainien"): the longest run of the words from the
    noun to the next punctuation the gazetteer knows."""
    text = head.doc.text[head.idx :]
    words = re.split(r"[,.;:()«»“”\"]", text, maxsplit=1)[0].split()[:6]
    for size in range(len(words), 0, -1):
        entity = gazetteer.lookup(" ".join(words[:size]), lang)
        if entity is not None:
            return entity
    return None


def _pronoun_antecedent(head, kind: str, lang: str, state: dict) -> Entity | None:
    """Whom "he", "it", "ils" stand for: a name before it in its sentence, else the person,
    body or speaker named last."""
    here = _entity_before(head, lang, kind)
    if here is None and kind == "person" and lang == "fr":
        # "La Banque centrale a relevé son taux, a-t-elle annoncé": "elle" is the body.
        here = _entity_before(head, lang, "body")
    if here is not None:
        return here
    if kind == "person":
        found = _person_just_before(head.doc, lang, state) or state.get("last_person") or state.get("last_speaker")
        # "il"/"elle" also stand for a noun of a body ("l'étude … Elle montre", "le ministère
        # … Il précise"): the body named last when no person was.
        return found if found is not None or lang != "fr" else state.get("last_body")
    if kind == "body":
        return state.get("last_body") or state.get("last_speaker")
    return state.get("last_speaker") or state.get("last_body")


# Body nouns that a country word on them does not make that country's ("the US think tank").
_ANTECEDENT_BODIES = {"institute", "think", "tank", "institut", "organisation", "organization", "organisme", "group",
                      "groupe", "outlet", "newspaper", "journal", "site", "agency", "agence", "company", "firm",
                      "entreprise"}


# Roles one person holds, that a definite noun refers back to ("the minister said").
PERSON_ROLES = {
    "president", "président", "présidente", "minister", "ministre", "spokesman", "spokeswoman", "spokesperson",
    "porte-parole", "chancellor", "chancelier", "chancelière", "governor", "gouverneur", "mayor", "maire",
    "commander", "commandant", "leader",
}


def _role_antecedent(head, state: dict) -> Entity | None:
    """The person named last, for a definite role noun with no name of its own ("le
    président français", "the minister"), unless a demonym on the role names another
    country than that person's ("the Russian president" after Zelensky)."""
    person = state.get("last_person")
    if person is None or not _definite(head) or any(c.dep_ in ("nmod", "prep", "appos") for c in head.children):
        return None  # "le ministre de la Défense" names its own office
    countries = {gazetteer.demonym(c.lower_, strict=True) for c in head.children if c.dep_ == "amod"} - {None}
    return person if not countries or person.country in countries else None


def _group_speaker(head, word: str, lang: str, state: dict) -> Entity | None:
    """For "officials", "experts", "a survey": the body they are of ("experts at the Kiel
    Institute", "un sondage de l'Unicef", "Hamas officials"), or for officials named by no
    place or body, the document's country ("emergency officials")."""
    if word in TIED_GROUPS:
        modifiers = [c for c in head.children if c.dep_ in ("amod", "nmod", "compound")]
        if not any(_names_something(c) for c in modifiers):
            return main_country(state)
        named = [c for c in modifiers if c.dep_ == "compound" and c.pos_ == "PROPN" and c.i < head.i
                 and c.ent_type_ not in PLACE_LABELS]
        if named and named_entity(noun_phrase(head), lang) is None:
            return _unknown_name(named[-1], state)  # a name the gazetteer lacks
    for child in head.children:
        author = child if child.dep_ in ("nmod", "poss", "nmod:poss") else next(
            (c for c in child.children if c.dep_ == "pobj"), None) if child.lower_ in ("of", "from", "at") else None
        found = named_entity(noun_phrase(author), lang) if author is not None else None
        if found is not None and found.kind != "country":
            return found
        if found is None and author is not None and word in SOURCE_NOUNS and author.pos_ == "NOUN" and (
                author.lower_ in TIED_GROUPS or author.lower_ in BODY_NOUNS):
            # "un bilan des autorités locales", "un sondage de l'institut Ifop": whom the
            # group or the body noun names.
            found = name_of(author, author.doc, lang, state)
            if found is not None and found.name and (found.kind != "country" or author.lower_ in TIED_GROUPS):
                return found
    return None


def _name_beside(head, word: str, lang: str, state: dict) -> Entity | None:
    """A name set beside the credited noun: a person in apposition ("le ministre de la
    Défense, Rustem Umerov"), or the name right after its noun ("the consultancy ExPro",
    "selon le cabinet X à Kiev", not the place further on)."""
    for child in head.children:
        # Not after a body: "selon le ministère de la Santé, Ahmad X (25 ans) a été tué"
        # names a victim after the comma.
        if child.dep_ == "appos" and word not in BODY_NOUNS:
            found = named_entity(noun_phrase(child), lang)
            if found is not None and found.kind == "person":
                return found
        # Right after the noun, or after the article of its name ("le quotidien Le Monde").
        next_to = child.i == head.i + 1 or (child.i == head.i + 2 and head.doc[head.i + 1].pos_ == "DET")
        if child.dep_ in ("appos", "nmod", "flat:name") and head.pos_ == "NOUN" and child.pos_ == "PROPN" and (
                next_to and child.ent_type_ not in PLACE_LABELS):
            if child.text in state.get("acronyms", {}):
                return _unknown_name(child, state)  # "l'analyse OPA": the name it spells
            if child.i == head.i + 2:  # the name with its article: "Le Monde"
                titled = head.doc[head.i + 1 : child.i + 1].text
                return gazetteer.lookup(titled, lang) or Entity(titled, "body")
            return _own_name(child, lang) or _unknown_name(child, state)
    return None


def _body_noun_speaker(head, lang: str, state: dict) -> Entity | None:
    """For "the OSC analysis", "the think tank", "l'armée": the unknown name on the noun,
    else the body named before with that noun, else the body named last."""
    named = [c for c in head.children if c.dep_ in ("compound", "poss", "nmod:poss", "nmod") and c.pos_ == "PROPN"
             and c.ent_type_ not in PLACE_LABELS]
    if named:
        return _unknown_name(named[0], state)
    if _definite(head):
        if head.lower_ in FINDINGS_NOUNS and state.get("last_source") is not None:
            return state["last_source"]  # "the research notes": the study named before
        return _antecedent(head, lang, state) or state.get("last_body") or state.get("last_speaker")
    return None


def _definite(head) -> bool:
    """Whether a noun has a definite determiner, also one the parser hung on the next word
    ("the research notes", with "notes" taken for the noun)."""
    if any(t.lower_ in DEFINITE for t in head.children):
        return True
    return head.dep_ == "compound" and head.i > 0 and head.doc[head.i - 1].lower_ in DEFINITE


def _own_name(token, lang: str) -> Entity | None:
    """The person or body of the name `token` belongs to, as the text gives it when the
    gazetteer lacks it; None for a place."""
    own = next((e for e in token.doc.ents if e.start <= token.i < e.end), None)
    if own is None or own.label_ in PLACE_LABELS:
        return None
    found = resolve_ent(own, lang)
    if found is None and own.label_ in NAME_LABELS:
        found = Entity(clean_name(own.text), "body")
    return found if found is None or found.kind != "country" else None


def _names_something(modifier) -> bool:
    """Whether a modifier of "officials" names a place or body ("Ukrainian", "Kremlin"),
    not a kind of official ("emergency and health officials")."""
    return any(t.pos_ == "PROPN" or t.ent_type_ or gazetteer.demonym(t.lower_) for t in modifier.subtree)


def _antecedent(head, lang: str, state: dict) -> Entity | None:
    """The body named earlier with the noun `head` ("l'armée" -> "l'armée israélienne"
    -> Israel Defense Forces), searching back from the noun over a few sentences."""
    texts = [head.doc.text[: head.idx]]
    sents = state.get("sentences", [])
    here = next((s.index for s in sents if s.doc is head.doc), None)
    if here is not None:
        texts += [s.text for s in reversed(sents[max(here - ANTECEDENT_SENTENCES, 0) : here])]
    pattern = re.compile(rf"(?<!\w){re.escape(head.lower_)}(?!\w)", re.IGNORECASE)
    for text in texts:
        for match in reversed(list(pattern.finditer(text))):
            found = _name_around(text, match.start(), match.end(), lang)
            if found is not None:
                return found
    return None


def _name_around(text: str, start: int, end: int, lang: str) -> Entity | None:
    """The longest run of words around text[start:end] that the gazetteer knows as a body."""
    before = re.findall(r"\S+", text[:start])[-_WINDOW_BEFORE:]
    after = re.findall(r"\S+", text[end:])[:_WINDOW_AFTER]
    word = text[start:end]
    prefix = re.search(r"\S*$", text[:start]).group()  # "l'" glued to "armée"
    if prefix:
        before = before[:-1]
    candidates = []
    for b in range(len(before) + 1):
        for a in range(len(after) + 1):
            words = before[len(before) - b :] + [prefix + word] + after[:a]
            candidates.append(" ".join(words).strip(",.;:«»“”\"()"))
    for phrase in sorted(candidates, key=len, reverse=True):
        entity = gazetteer.lookup(phrase, lang)
        if entity is not None and entity.kind in ("body", "state"):
            return entity
    return None


def _published_by(head, lang: str, state: dict) -> Entity | None:
    """The author of a source told by a participle ("a study published by X", "analysis
    conducted by the OSC", "une étude publiée par le site Beyond Parallel")."""
    for by in head.children:  # "a recent survey by Ukraine's European Business Association"
        if by.lower_ in SOURCE_BY and head.lower_ in SOURCE_NOUNS:
            for author in object_of(by):
                if author.i == head.i:  # a parse that hangs "par" on the source itself
                    continue
                found = (_own_name(author, lang) if author.pos_ == "PROPN" else None) or named_entity(
                    noun_phrase(author), lang)
                if found is not None:
                    return found
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


def object_of(tok) -> list:
    """The noun a preposition introduces ("according to X": X; "selon X": X)."""
    if tok.dep_ == "case" and tok.head.i > tok.i:
        return [tok.head]
    for child in tok.children:
        if child.dep_ in ("pobj", "prep"):
            return [child] if child.dep_ == "pobj" else object_of(child)
    for child in tok.rights:
        if child.pos_ in ("NOUN", "PROPN", "PRON"):
            return [child]
    return []


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


def _person_just_before(doc, lang: str, state: dict) -> Entity | None:
    """The first person the sentence before `doc`'s names, read from its text: the names of
    an unparsed sentence are not in the state when the gazetteer lacks them ("C'est le cas
    de Jan Kowal, qui a parlé au Financial Times. Il estime que …"). The first, as the
    subject comes first and a title the gazetteer lacks ("Radio Liberty") later."""
    sents = state.get("sentences", [])
    here = next((s.index for s in sents if s.doc is doc), None)
    if not here:
        return None
    for run in capitalised_runs(sents[here - 1].text):
        words = run.split()
        entity = lookup_run(run, lang)
        if entity is not None:
            if entity.kind == "person":
                return entity
            continue
        if 2 <= len(words) <= 3 and words[0].lower() not in DEFINITE | INDEFINITE and all(
                w[:1].isupper() and w[1:].islower() and gazetteer.lookup(w, lang) is None for w in words):
            return Entity(run, "person")
    return None


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


def name_in_words(words: list[str], lang: str) -> Entity | None:
    """The longest run of `words` the gazetteer knows (a person, body or state first)."""
    for size in range(len(words), 0, -1):
        for start in range(len(words) - size + 1):
            entity = gazetteer.lookup(" ".join(words[start : start + size]), lang)
            if entity is not None and entity.kind != "country":
                return entity
    return None


# "selon un sondage", "according to analysts", "d'après des experts": a cue that names no one.
_UNTIED_CUE = re.compile(
    r"\b(?:selon|d['’]après|according\s+to|citing)\s+(?:(\w+)\s+)?([\w-]+)(?:\s+([\w-]+))?", re.IGNORECASE)


def untied_unparsed(text: str) -> Entity | None:
    """Entity(name="") when an unparsed sentence credits a source of no one ("Selon un
    sondage, …", "according to analysts"), else None."""
    lowered = text.lower()
    if not any(word in lowered for word in ("selon", "après", "according", "citing")):
        return None  # most sentences: no regex search
    for match in _UNTIED_CUE.finditer(text):
        det, *words = [(w or "").lower() for w in match.groups()]
        if det in UNTIED_GROUPS or any(w in UNTIED_GROUPS for w in words[:1]):
            return Entity("", "group")  # "according to analysts", "selon des experts"
        if det in INDEFINITE and any(w in SOURCE_NOUNS for w in words):
            return Entity("", "group")  # "selon un sondage", "according to a new survey"
    return None
