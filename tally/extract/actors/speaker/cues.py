"""Attribution cues in a parsed sentence (speech verbs, "according to", "selon", "a survey
by X") and which of them credits a figure."""
from __future__ import annotations

from spacy.attrs import LOWER
from spacy.strings import hash_string

from ...gazetteer import Entity
from ..words import (ATTRIBUTION_PREPOSITIONS, BODY_LABELS, FORECAST_NOUNS, NAME_LABELS, PERSON_LABELS,
                     POSSESSIVES, SPEECH_VERBS)
from .naming import FINDINGS_NOUNS, SOURCE_BY, SOURCE_NOUNS, name_of, object_of


# Speech verb forms words.SPEECH_VERBS lacks: plurals ("les autorités indiquent") and
# admissions ("les responsables de Kiev ont admis").
MORE_SPEECH_VERBS = {
    "en": {"admits", "admit", "acknowledges", "acknowledge", "warns", "warn", "explains", "insists"},
    "fr": {
        "admis", "admet", "admettent", "indiquent", "affirment", "estiment", "déclarent", "annoncent",
        "rapportent", "précisent", "soulignent", "expliquent", "assurent", "révèlent", "signalent",
        "ajoutent", "confirment", "disent", "avancent", "écrivent", "calculent", "recensent", "évaluent",
        "chiffrent", "préviennent", "reconnaissent", "soutiennent", "prévoient", "publient", "constatent",
        "montrent", "concluent", "dénombrent", "dénombre", "dénombré",
        # Confidences and accounts ("a confié un officier", "raconte la maire").
        "confié", "confie", "raconté", "raconte", "témoigné", "témoigne",
        # Observations ("l'institut note que", "le rapport relève que", "rappelle le ministère").
        "note", "notent", "noté", "relève", "relèvent", "relevé", "observe", "observent", "observé", "rappelle",
        "rappellent", "rappelé", "avertit", "averti", "insiste", "insistent", "insisté",
        # Past participles that agree with a passive subject ("12 morts ont été signalés").
        "signalés", "signalées", "rapportés", "rapportées", "recensés", "recensées", "annoncés",
        "annoncées", "dénombrés", "dénombrées", "comptabilisés", "comptabilisées",
    },
}


# Present participles of speech verbs ("with NATO saying …", "X, adding that …").
SPEECH_PARTICIPLES = {"en": {"saying", "adding", "noting", "stating", "claiming", "estimating", "warning"}}
# Verbs that report when their object is details or figures ("le Guardian a donné des
# détails", "the ministry provided figures"): their subject speaks.
DETAIL_VERBS = {
    "donné", "donne", "donnent", "fourni", "fournit", "fournissent", "livré", "livre", "communiqué",
    "gave", "given", "gives", "give", "provided", "provides", "released", "releases",
}
DETAIL_NOUNS = {"détails", "précisions", "chiffres", "bilan", "details", "figures", "breakdown"}
# Every word that may start a cue, in any language: most tokens are none, and are skipped.
_ANY_CUE = frozenset().union(ATTRIBUTION_PREPOSITIONS, SOURCE_BY, *SPEECH_VERBS.values(), *MORE_SPEECH_VERBS.values(),
                             *SPEECH_PARTICIPLES.values(), {"pour"}, DETAIL_VERBS)
_ANY_CUE_HASHES = frozenset(hash_string(word) for word in _ANY_CUE)


# Conjunctions of a clause that frames what is reported rather than being reported.
FRAMING_MARKS = {"although", "though", "while", "whereas", "bien", "quoique", "alors", "tandis"}


def sentence_speaker(doc, lang: str, state: dict, position: int | None) -> Entity | None:
    """The speaker credited in a parsed sentence: the owner of a forecast the figure sets,
    else the cue nearest `position` first; None for no cue or a source of no one."""
    found = sentence_source(doc, lang, state, position)
    return found if found is not None and found.name else None


def sentence_source(doc, lang: str, state: dict, position: int | None) -> Entity | None:
    """Like sentence_speaker, but a cue that credits no one ("selon un sondage", "analysts
    said") gives Entity(name=""): who opens a quotation must tell "no one" from "no cue"."""
    if position is not None:
        owner = _forecast_owner(doc, position, lang, state)
        if owner is not None:
            return owner
    cues = find_cues(doc, lang)
    if position is not None:
        # The cue whose clause holds the figure first, then the nearest.
        cues.sort(key=lambda tok: (not _governs(tok, position), abs(tok.idx - position)))
    for head in cues:
        source = _source_by(head)
        if source is not None and (position is None or not _in_source(source, doc, position)):
            continue  # "claims by X" credits X only with the figures of its own clause
        by_verb = head.dep_ not in ("obl:mod", "obl", "pobj", "nmod")
        if position is not None and by_verb:
            if covers(head, position) and not _told_by_participle(head, lang, position):
                continue  # the figure describes the speaker ("X, a firm with revenues of $7bn, said")
            if _outside_report(head, position):
                continue
        entity = name_of(head, doc, lang, state)
        if entity is not None:
            return entity
    return None


def source_author(doc, lang: str, state: dict) -> Entity | None:
    """The author of a report or study a parsed sentence tells the findings of ("a study by
    the Geneva Academy describes …", "the OSC analysis used …"), or None: what "the report"
    and the paragraph after it refer back to."""
    heads = [h for h in find_cues(doc, lang) if h.lower_ in FINDINGS_NOUNS or (
        _source_by(h) is not None and _source_by(h).lower_ in FINDINGS_NOUNS)]
    # A findings noun that opens the sentence with its author's name on it, whatever its verb.
    root = next((t for t in doc if t.dep_ == "ROOT"), None)
    heads += [t for t in (root.children if root is not None else ()) if t.lower_ in FINDINGS_NOUNS
              and t.dep_ in ("nsubj", "nsubj:pass") and any(
                  c.dep_ in ("compound", "poss", "nmod:poss", "nmod") and c.pos_ == "PROPN" for c in t.children)]
    for head in heads:
        found = name_of(head, doc, lang, state)
        if found is not None and found.name:
            return found
    return None


# Nouns of places whose size a figure may describe ("the city of 3 million").
PLACE_NOUNS = {"city", "town", "country", "nation", "region", "village", "capital", "ville", "pays", "région",
               "capitale"}


def describes_place(doc, position: int) -> bool:
    """Whether the figure at `position` tells the size of a place it hangs on ("left the
    city of 3 million", "cette ville de 3 millions d'habitants"): the outlet's description,
    whoever speaks around it."""
    node = _token_at(doc, position)
    if node is None:
        return False
    while node.dep_ in ("compound", "nummod", "quantmod", "det") and node.head is not node:
        node = node.head
    if node.dep_ == "pobj" and node.head.lower_ == "of":
        return node.head.head.lower_ in PLACE_NOUNS
    return node.dep_ == "nmod" and node.head.lower_ in PLACE_NOUNS and any(
        c.dep_ == "case" and c.lower_ in ("de", "d'", "d’") for c in node.children)


def _outside_report(subject, position: int) -> bool:
    """Whether the figure lies outside what a speech verb reports: in a clause that frames
    it ("Although firms invested millions, a survey showed …"), or beside a speech verb
    inside a relative clause ("the four-fifths of Ukraine …, where he noted that …")."""
    verb = subject.head
    if verb.pos_ not in ("VERB", "AUX"):
        return False
    for clause in verb.children:
        if clause.dep_ == "advcl" and covers(clause, position) and any(
                c.dep_ == "mark" and c.lower_ in FRAMING_MARKS for c in clause.children):
            return True
    if _described_object(verb, position, subject.doc):
        return True
    return verb.dep_ in ("relcl", "acl:relcl") and not covers(verb, position)


def _described_object(verb, position: int, doc) -> bool:
    """Whether the figure sits in a relative clause that describes the speech verb's object
    ("Officials revealed few details of the talks, which were part of an effort to end
    four years of war"): what the outlet says of the thing told, not what is told."""
    figure = _token_at(doc, position)
    if figure is None:
        return False
    path = []
    for node in figure.ancestors:
        if node.i == verb.i:
            break
        path.append(node)
    else:
        return False
    # On a noun inside the object, not on the object itself: "announced a package, which
    # includes 40 missiles" tells the package.
    return bool(path) and path[-1].dep_ in ("dobj", "obj") and any(
        n.dep_ in ("relcl", "acl:relcl") and n.head.i != path[-1].i for n in path)


def _told_by_participle(head, lang: str, position: int) -> bool:
    """Whether the figure is what a speech participle on `head` tells ("le Croissant-Rouge
    faisant état de 19 blessés"), not a description of the speaker."""
    verbs = SPEECH_VERBS.get(lang, set())
    return any(c.dep_ in ("acl", "advcl") and c.lower_ in verbs and covers(c, position) for c in head.children)


def _source_by(head):
    """The source noun when `head` is the author "by" names ("a survey by X": survey)."""
    by = head.head
    if by.lower_ in SOURCE_BY and by.head.lower_ in SOURCE_NOUNS and head.dep_ in ("pobj", "nmod", "obl"):
        return by.head
    return None


def _in_source(source, doc, position: int) -> bool:
    """Whether the figure is told by a source noun: inside its phrase, or in the clause
    right after it ("claims by X to have ended eight wars", parsed apart)."""
    if covers(source, position):
        return True
    end = source.right_edge.i
    figure = _token_at(doc, position)
    return figure is not None and any(
        a.dep_ in ("acl", "xcomp", "relcl", "acl:relcl") and a.left_edge.i == end + 1
        for a in [figure, *figure.ancestors])


def _token_at(doc, position: int):
    """The token at character `position` of `doc`, or None."""
    span = doc.char_span(position, position + 1, alignment_mode="expand")
    return span[0] if span is not None and len(span) else None


def _forecast_owner(doc, position: int, lang: str, state: dict) -> Entity | None:
    """Whose forecast a figure is ("ICU cut its growth forecast to 0.8%", "la Banque de
    France a abaissé sa prévision à 0,8 %"): the possessor of the forecast noun, or for
    "its"/"sa" the subject of the verb that changes it."""
    figure = _token_at(doc, position)
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
            return name_of(owner, doc, lang, state)
        clause = noun.head
        subjects = [c for c in clause.children if c.dep_ in ("nsubj", "nsubj:pass", "nsubjpass")]
        if not subjects and clause.dep_ == "xcomp":  # "prompted the bank to cut its forecast"
            subjects = [c for c in clause.head.children if c.dep_ in ("obj", "dobj")]
        if subjects and subjects[0].pos_ != "PRON":
            return name_of(subjects[0], doc, lang, state)
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
    last = head.right_edge  # the first and last tokens of head.subtree
    return head.left_edge.idx <= position < last.idx + len(last.text)


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
    more, participles = MORE_SPEECH_VERBS.get(lang, set()), SPEECH_PARTICIPLES.get(lang, set())
    # Only the words that may start a cue become Tokens (read from the Doc's LOWER column).
    lowers = doc.to_array(LOWER).tolist()
    for tok in [doc[i] for i, lower in enumerate(lowers) if lower in _ANY_CUE_HASHES]:
        word = tok.lower_
        if word not in _ANY_CUE:
            continue
        if word in ATTRIBUTION_PREPOSITIONS:
            if word == "après":
                if tok.i == 0 or doc[tok.i - 1].lower_ not in ("d'", "d’"):
                    continue
                if tok.dep_ == "fixed":  # "D'après X": "D'" is the case marker of X
                    tok = doc[tok.i - 1]
            if word == "per":
                # "40 drones per night", "per capita": a rate; "per Reuters", "per the report": a source.
                heads += [h for h in object_of(tok) if h.pos_ == "PROPN" or h.ent_type_ or any(
                    c.dep_ in ("det", "poss") for c in h.children)]
                continue
            heads += object_of(tok)
        elif word in verbs and (tok.pos_ in ("VERB", "AUX") or word.endswith("é")):
            heads += _speech_subjects(tok)
        elif word in more and (tok.pos_ in ("VERB", "AUX") or (tok.dep_ == "ROOT" and any(
                c.dep_ == "nsubj" for c in tok.children))):  # "L'OTAN note que", "note" taken for a noun
            # Not for a pronoun: "elles révèlent" is said of sums and facts as often as of people.
            heads += [h for h in _speech_subjects(tok) if h.pos_ != "PRON"]
        elif word in participles and tok.pos_ == "VERB":
            heads += _speech_subjects(tok)  # "with NATO saying 12 jets …"
        elif word in verbs and tok.pos_ == "NOUN" and tok.dep_ == "ROOT":
            # "…”, the research notes.": the tagger took the verb for a noun.
            heads += [c for c in tok.children if c.dep_ == "compound"][:1]
        elif word in SOURCE_BY and tok.head.lower_ in SOURCE_NOUNS:
            heads += object_of(tok)  # "a survey by X", "claims by X to have ended eight wars"
        elif word == "pour" and lang == "fr":
            heads += _pour_source(tok)
        elif word in DETAIL_VERBS and tok.pos_ == "VERB" and any(
                c.dep_ in ("obj", "dobj") and c.lower_ in DETAIL_NOUNS for c in tok.children):
            heads += _speech_subjects(tok)  # "Samedi, le Guardian a donné des détails :"
    return heads


def _pour_source(tok) -> list:
    """The person or body "Pour X, …" opening a French sentence credits ("Pour l'ISW, la
    Russie a gagné …", "Pour l'économiste Jean Dupont, …"); not "Pour 2025," nor a place."""
    if tok.i != 0:
        return []
    heads = object_of(tok)
    if not heads:
        return []
    head = heads[0]
    named = [t for t in head.subtree if t.ent_type_ in PERSON_LABELS | BODY_LABELS]
    comma = head.right_edge.i + 1
    if not named or comma >= len(tok.doc) or tok.doc[comma].text != ",":
        return []
    return [head]


# Subjects of an impersonal passive ("it is estimated that", "il est estimé que"): no one.
_IMPERSONAL = {"it", "il"}


def _speech_subjects(verb) -> list:
    """The subject of a speech verb; a name after it when the parser took an inverted
    subject for an object ("…, a annoncé Poutine"); else the subject it shares with the
    verb it is coordinated with ("X interviewed … indicated"). None for an impersonal
    passive ("it is estimated that …"): the sentences around tell whose estimate it is."""
    subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubj:pass", "nsubjpass", "expl:subj")]
    if any(c.lower_ in _IMPERSONAL for c in subjects) and any(
            c.dep_ in ("auxpass", "aux:pass") for c in verb.children) and not any(
            c.dep_ in ("agent", "obl:agent") for c in verb.children):
        return []
    if any(c.dep_ in ("nsubj:pass", "nsubjpass") for c in subjects):
        # "10 deaths have been reported by health officials": the agent speaks.
        agents = [c for c in verb.children if c.dep_ in ("agent", "obl:agent") or (
            c.dep_.startswith("obl") and any(g.dep_ == "case" and g.lower_ == "par" for g in c.children))]
        agents = [next((g for g in a.children if g.dep_ == "pobj"), a) if a.dep_ == "agent" else a for a in agents]
        if agents:
            return agents[:1]
    if subjects:
        return subjects
    # Not a phrase with a preposition: "a fait de l'Europe une province" names no speaker.
    inverted = [c for c in verb.rights if c.dep_ in ("obj", "dobj", "obl", "obl:arg") and (
        c.pos_ == "PROPN" or any(t.pos_ == "PROPN" or t.ent_type_ in NAME_LABELS for t in c.subtree))
        and not any(g.dep_ == "case" and g.lower_ in ("de", "d'", "d’", "du", "des") for g in c.children)]
    if inverted:
        return inverted[:1]
    after_comma = _inverted_object(verb)
    if after_comma is not None:
        return [after_comma]
    if verb.dep_ == "conj" and verb.head.pos_ == "VERB":
        return [c for c in verb.head.children if c.dep_ in ("nsubj", "nsubj:pass", "nsubjpass")]
    if verb.dep_ in ("acl", "advcl") and verb.lower_.endswith(("ant", "ing")) and verb.head.pos_ in ("NOUN", "PROPN"):
        return [verb.head]  # "le Croissant-Rouge faisant état de 19 blessés"
    return _named_before_comma(verb)


def _inverted_object(verb):
    """The noun right after a speech verb that follows a comma or a closing quotation mark,
    which the parser took for an object ("…, a indiqué l'armée de l'air ukrainienne"):
    the inverted subject; None otherwise."""
    doc = verb.doc
    first = min([verb.i] + [c.i for c in verb.children if c.dep_.startswith("aux") and c.i < verb.i])
    if first == 0 or doc[first - 1].text not in (",", "»", "”"):
        return None
    for child in verb.rights:
        if child.dep_ in ("obj", "dobj") and child.pos_ == "NOUN" and child.left_edge.i == verb.i + 1:
            return child
    return None


def _named_before_comma(verb) -> list:
    """The name that opens the sentence when a speech verb follows its apposition and the
    parser lost the subject ("Nataliia Kolesnichenko, economist at X, estimated …")."""
    doc = verb.doc
    if verb.i == 0 or doc[verb.i - 1].text != ",":
        return []
    first = next((e for e in doc.ents if e.start == 0 or (e.start == 1 and doc[0].pos_ == "DET")), None)
    if first is None or first.label_ not in PERSON_LABELS | BODY_LABELS:
        return []
    if first.end >= len(doc) or doc[first.end].text != "," or first.end >= verb.i - 1:
        return []
    return [first.root]
