"""Speakers carried across sentences: open and closing quotations, a paragraph introduced
on a colon, a report's findings told on, the French conditional, unparsed sentences."""
from __future__ import annotations

import re

from ... import gazetteer
from ...gazetteer import Entity
from ...mention import Mention
from ..names import (capitalised_runs, credited_unparsed, has_speech_verb, lookup_run, named_entity,
                     noun_phrase)
from ..words import (DEFINITE, QUOTE_PAIRS, SPEECH_VERBS)
from .cues import FRAMING_MARKS, find_cues, sentence_speaker, source_author
from .naming import name_in_words


_FINDINGS_UNPARSED = re.compile(
    r"\b(?:report|analysis|study|survey|research|findings|rapport|analyse|étude|enquête|recherche)\b", re.IGNORECASE)


# How many sentences back in its paragraph a report's findings may still be told.
FINDINGS_SENTENCES = 3


# How many sentences a paragraph introduced on a colon may run.
INTRODUCED_SENTENCES = 4


# How many paragraphs a statement introduced on a colon may run, while none credits anyone.
INTRODUCED_PARAGRAPHS = 2


# How many sentences a quoted paragraph introduced on a colon may run while its quotation
# is still open ("Le site prévoit un message :" then « … ? … ? … ? »).
QUOTED_SENTENCES = 12


# How many quoted paragraphs a quotation introduced by "X said:" may run on.
QUOTE_PARAGRAPHS = 4


_OPENING_QUOTES = ("«", "“", '"')


# How many words after an inverted speech verb may name its subject ("», informe le site
# du Conseil européen").
INVERTED_WORDS = 8


_AFTER_QUOTE = re.compile(r"(?:,\s*)?[»”\"]\s*,?\s*((?:[\w’'-]+\s+){0,2}?)([\w’'-]+)\s+([^,.;:«»“”\"()]+)")


def carried_speaker(mention: Mention) -> Entity | None:
    """The previous sentence's speaker when it introduced this one ("Selon X :") or when
    this sentence is a quotation right after it ("X said … . “We shot down 380.”")."""
    sents = mention.state.get("sentences", [])
    here = mention.sentence.index
    quoted = mention.sentence.text.lstrip().startswith(_OPENING_QUOTES)
    if quoted and 0 < here <= len(sents) and sents[here - 1].doc is None:
        # Unparsed, the state takes the last known name of the sentence before; the phrase
        # after "», informe" names its speaker when the gazetteer knows it.
        found = _inverted_unparsed(sents[here - 1].text, mention.lang)
        if found is not None:
            return found
    previous = mention.state.get("previous_speaker")
    if previous is None:
        return None
    index, speaker, introduces = previous
    if index != here - 1:
        return None
    if introduces:
        return speaker
    if quoted and not _quoted_term(mention.sentence.text):
        # A quotation after a speech sentence goes on with its speaker, unless it names
        # its own once it closes ("… 380 of them," Ihnat said).
        return speaker_after_quote(mention) or speaker
    return None


# How many words a quotation that opens a sentence must hold to be a statement, not a
# quoted term ("“Special military operation” has cost …").
STATEMENT_WORDS = 4


def _quoted_term(text: str) -> bool:
    """Whether the quotation opening `text` closes within a few words: a term, not speech."""
    body = text.lstrip()[1:]
    closing = min((body.find(c) for c in "»”\"" if c in body), default=-1)
    return 0 <= closing and len(body[:closing].split()) < STATEMENT_WORDS


def _inverted_unparsed(text: str, lang: str) -> Entity | None:
    """The known name after a speech verb that follows a closing quotation mark in an
    unparsed sentence ("…», a indiqué le ministère russe de la Défense")."""
    verbs = SPEECH_VERBS.get(lang, set())
    for match in _AFTER_QUOTE.finditer(text):
        if match.group(2).lower() not in verbs:
            continue
        found = name_in_words(match.group(3).split()[:INVERTED_WORDS], lang)
        if found is not None:
            return found
    return None


def in_quote(mention: Mention) -> bool:
    """Whether the figure sits inside quotation marks (or after an unclosed opening one)."""
    before = mention.before
    for opening, closing in QUOTE_PAIRS:
        if opening == closing:
            if before.count(opening) % 2 == 1:
                return True
        elif before.count(opening) > before.count(closing):
            return True
    return bool(mention.state.get("quote_depth")) or before.lstrip().startswith(("«", "“", '"'))


def quote_closed_before(mention: Mention) -> bool:
    before = mention.before
    return any(c in before for c in "»”") and not any(c in before for c in "«“")


def speaker_after_quote(mention: Mention) -> Entity | None:
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
    phrase = re.split(r"[,.;:«»“”\"()]", tail, maxsplit=1)[0].split()
    verb_at = next((i for i, w in enumerate(phrase[:5]) if w.lower() in verbs), None)
    if verb_at is not None:  # "…», informe le site du Conseil européen"
        found = name_in_words(phrase[verb_at + 1 : verb_at + 1 + INVERTED_WORDS], lang)
        if found is not None:
            return found
    for name in capitalised_runs(tail):
        entity = lookup_run(name, lang)
        if entity is not None:
            return entity
        if len(name.split()) >= 2:  # "…", said Sergii Pylypenko: a name the gazetteer lacks
            return Entity(name, "person")
    return None


def quote_introducer(mention: Mention) -> Entity | None:
    """For a quotation that opens the sentence: the speaker of the sentence that introduced
    it on a colon ("X, CEO of Y, said:"), across the quoted paragraphs between."""
    sents = mention.state.get("sentences", [])
    index = mention.sentence.index
    if not mention.sentence.text.lstrip().startswith(_OPENING_QUOTES):
        return None
    for back in range(1, QUOTE_PARAGRAPHS + 1):
        if index - back < 0 or index - back >= len(sents):
            return None
        sent = sents[index - back]
        text = sent.text.strip()
        if text.startswith(_OPENING_QUOTES):
            continue  # a quoted paragraph before this one: the same quotation goes on
        if not text.endswith(":"):
            return None
        if sent.doc is not None:
            return sentence_speaker(sent.doc, mention.lang, mention.state, None)
        return _introducer_unparsed(text, mention)
    return None


def _introducer_unparsed(text: str, mention: Mention) -> Entity | None:
    """The speaker of an unparsed sentence that ends on a colon: a credited known name, or
    the name that opens it before its speech verb ("Sergii Pylypenko, CEO of …, said …:")."""
    lang = mention.lang
    credited = credited_unparsed(text, lang) or _subject_unparsed(text, lang)
    if credited is not None:
        return credited
    verbs = SPEECH_VERBS.get(lang, set())
    words = re.findall(r"[\w’'-]+", text)
    cut = next((i for i, w in enumerate(words) if w.lower() in verbs), None)
    if cut is None:
        return None
    runs = capitalised_runs(text)
    if not runs or not text.startswith(runs[0]):
        return None
    first = runs[0]
    entity = lookup_run(first, lang)
    if entity is not None:
        return entity if entity.kind != "country" else None
    if len(first.split()) >= 2 and first.split()[0].lower() not in DEFINITE:
        return Entity(first, "person")
    return None


def closing_quote_speaker(mention: Mention) -> Entity | None:
    """For a sentence that closes a quotation it did not open ("… enfants blessés. »"):
    the speaker of the sentence before, which opened it."""
    sents = mention.state.get("sentences", [])
    index = mention.sentence.index
    text = mention.sentence.text
    closing = min((text.find(c) for c in "»”" if c in text), default=-1)
    if index == 0 or closing < 0 or any(c in text[:closing] for c in "«“"):
        return None
    prev = sents[index - 1]
    if prev.doc is not None:
        found = sentence_speaker(prev.doc, mention.lang, mention.state, None)
    else:
        found = credited_unparsed(prev.text, mention.lang)
    return found


def source_goes_on(mention: Mention) -> Entity | None:
    """For a sentence with no attribution of its own that follows, in the same paragraph,
    a sentence telling what a report or study shows ("The OSC analysis indicates that …
    However, October saw 18 shipments"): that report's author, while no sentence between
    credits someone else."""
    doc = mention.sentence.doc
    index = mention.sentence.index
    sents = mention.state.get("sentences", [])
    if doc is None or index == 0 or index > len(sents) or find_cues(doc, mention.lang):
        return None
    introduced = introduced_paragraph(mention)
    if introduced is not None:
        return introduced
    text = mention.document.text
    prev = sents[index - 1]
    if "\n" in text[prev.end : mention.sentence.start] and not _GOES_ON.match(mention.sentence.text):
        return None  # a new paragraph, unless a connective goes on ("In contrast, …")
    if _conditional(doc) or _SUBSET.match(mention.sentence.text):
        # "serait utilisé dans 36 pays": the French conditional reports what the speaker
        # of the sentence before said; "Of these, 30 were …" goes on counting what it counted.
        return _speaker_of(prev, mention)
    if _opens_on_concession(doc):
        return None  # "Although a ceasefire was agreed, hundreds more …": the outlet argues
    for back in range(1, FINDINGS_SENTENCES + 1):
        sent = sents[index - back]
        found, credits = _findings_told(sent, mention)
        if found is not None and _names_another(doc, found, mention.lang):
            return None  # "Meanwhile, the EU pledged €50bn": the outlet tells what another did
        if found is not None or credits:
            return found
        if index - back == 0 or "\n" in text[sents[index - back - 1].end : sent.start]:
            return None  # `sent` opens the paragraph
    return None


def _opens_on_concession(doc) -> bool:
    """Whether the sentence opens on a concessive clause ("Although …, ", "Bien que …, ")."""
    root = next((t for t in doc if t.dep_ == "ROOT"), None)
    return root is not None and any(
        c.dep_ == "advcl" and c.i < root.i and any(
            m.dep_ == "mark" and m.lower_ in FRAMING_MARKS for m in c.children) for c in root.children)


def _names_another(doc, source: Entity, lang: str) -> bool:
    """Whether the subject of the sentence's main verb is a name the gazetteer knows, other
    than the report's author `source`."""
    root = next((t for t in doc if t.dep_ == "ROOT"), None)
    subject = next((c for c in root.children if c.dep_ in ("nsubj", "nsubj:pass", "nsubjpass")), None) if (
        root is not None) else None
    if subject is None:
        return False
    tokens = noun_phrase(subject)
    if not any(t.pos_ == "PROPN" for t in tokens):
        return False
    named = named_entity(tokens, lang)
    return named is not None and named.name != source.name


def _findings_told(sent, mention: Mention) -> tuple[Entity | None, bool]:
    """The author of the report whose findings `sent` tells (None if it tells none), and
    whether `sent` credits anyone at all, which ends the search back."""
    lang = mention.lang
    if sent.doc is not None:
        author = source_author(sent.doc, lang, mention.state)
        return author, author is not None or bool(find_cues(sent.doc, lang))
    credited = credited_unparsed(sent.text, lang)
    if credited is None and not has_speech_verb(sent.text, lang):
        return _named_findings_unparsed(sent.text, mention), False
    if not _FINDINGS_UNPARSED.search(sent.text):
        return None, True
    return credited or _named_findings_unparsed(sent.text, mention) or next(
        (e for e in (lookup_run(r, lang) for r in capitalised_runs(sent.text))
         if e is not None and e.kind in ("body", "state")), None), True


# Connectives that carry a report's findings on into a new paragraph ("In contrast, US aid
# fell by 99%").
_GOES_ON = re.compile(
    r"\s*(?:in\s+contrast|by\s+contrast|moreover|furthermore|en\s+revanche|par\s+contre|de\s+plus|"
    r"en\s+outre)\b", re.IGNORECASE)


# "The OSC analysis used …", "Le rapport Tanner montre …": a findings noun with its author's name.
_NAMED_FINDINGS = re.compile(
    r"^\s*(?i:the|le|la|l['’])\s*((?:[A-Z][\w.-]*\s+){1,4})(?i:analysis|report|study|survey|research|"
    r"assessment|review)\b|^\s*(?i:le|la|l['’])\s*(?i:rapport|analyse|étude|enquête)\s+((?:[A-Z][\w.-]*\b\s*){1,4})")


def _named_findings_unparsed(text: str, mention: Mention) -> Entity | None:
    """The author an unparsed sentence opening on a named report gives ("The OSC analysis
    used modelling …"), whatever its verb; None otherwise."""
    match = _NAMED_FINDINGS.match(text)
    if match is None:
        return None
    name = (match.group(1) or match.group(2)).strip()
    found = lookup_run(name, mention.lang)
    if found is not None:
        return found if found.kind != "country" else None  # "The Ukrainian report": no author
    return Entity(mention.state.get("acronyms", {}).get(name) or name, "body")


# A sentence that goes on counting the set the sentence before counted ("Of these, 30 …",
# "Another 5 were …", "Parmi eux, 500 enfants", "5 autres ont été …").
_SUBSET = re.compile(
    r"\s*(?:(?:of|among)\s+(?:these|them|those|which)|(?:another|a\s+further)\s+(?:\d|one|two|three|four|"
    r"five|six|seven|eight|nine|ten|dozen|hundred)|parmi\s+(?:eux|elles|"
    r"ceux-ci|celles-ci|lesquels|lesquelles)|dont\b|(?:au\s+moins\s+)?\d[\d\s]*\s+autres\b)", re.IGNORECASE)


def introduced_paragraph(mention: Mention) -> Entity | None:
    """For a sentence of a paragraph that a speech sentence ending on a colon introduced
    ("Le ministère précise encore :" then the paragraph it goes on with): its speaker."""
    sents = mention.state.get("sentences", [])
    text = mention.document.text
    index = mention.sentence.index
    crossed = 0
    for back in range(0, QUOTED_SENTENCES):
        first = index - back
        if first <= 0:
            return None
        before = sents[first - 1]
        if "\n" in text[before.end : sents[first].start]:  # `first` opens its paragraph
            if not before.text.rstrip().endswith(":"):
                crossed += 1
                if crossed > INTRODUCED_PARAGRAPHS - 1 or back >= INTRODUCED_SENTENCES or _credits(before, mention):
                    return None
                continue  # a paragraph that credits no one may go on with the statement
            if not (has_speech_verb(before.text, mention.lang) or (
                    before.doc is not None and find_cues(before.doc, mention.lang))):
                return None
            if back >= INTRODUCED_SENTENCES and not (
                    sents[first].text.lstrip().startswith(_OPENING_QUOTES) and mention.state.get("quote_depth")):
                return None  # only a quotation still open runs that far
            return _speaker_of(before, mention)
    return None


def _credits(sent, mention: Mention) -> bool:
    """Whether a sentence credits a speaker of its own (a cue, a speech verb, a quotation)."""
    if any(c in sent.text for c in "«“\""):
        return True
    if sent.doc is not None:
        return bool(find_cues(sent.doc, mention.lang))
    return has_speech_verb(sent.text, mention.lang) or credited_unparsed(sent.text, mention.lang) is not None


def _conditional(doc) -> bool:
    """Whether the main verb of a French sentence is in the conditional ("serait", "aurait tué")."""
    root = next((t for t in doc if t.dep_ == "ROOT"), None)
    if root is None or doc.lang_ != "fr":
        return False
    return any("Cnd" in t.morph.get("Mood") for t in [root, *root.children] if t.pos_ in ("AUX", "VERB"))


def _speaker_of(sent, mention: Mention) -> Entity | None:
    """Who speaks in another sentence: its parse's cues, or unparsed, a credited known name,
    the name after an inverted speech verb, or for "il a affirmé" the person named last."""
    lang = mention.lang
    if sent.doc is not None:
        return sentence_speaker(sent.doc, lang, mention.state, None)
    found = credited_unparsed(sent.text, lang) or _inverted_unparsed(sent.text, lang)
    if found is None:
        found = _subject_unparsed(sent.text, lang)
    if found is None and has_speech_verb(sent.text, lang) and re.match(r"\s*(?:il|elle|he|she)\b", sent.text, re.I):
        found = mention.state.get("last_person")
    return found


def _subject_unparsed(text: str, lang: str) -> Entity | None:
    """The known name that opens an unparsed sentence before its first speech verb ("Le
    ministère russe de la Défense précise encore :"); not a name further on, an object."""
    verbs = SPEECH_VERBS.get(lang, set())
    words = re.findall(r"[\w’'-]+", text)
    cut = next((i for i, w in enumerate(words) if w.lower() in verbs), None)
    if cut is None or cut == 0:
        return None
    for size in range(min(cut, INVERTED_WORDS), 0, -1):
        entity = gazetteer.lookup(" ".join(words[:size]), lang)
        if entity is not None and entity.kind != "country":
            return entity
    return None


def unparsed_speaker(mention: Mention) -> Entity | None:
    """Without a parse (a language with no model): a known name after "selon"/"according
    to", or a known name in a sentence with a speech verb, or the open quotation's."""
    text, lang = mention.sentence.text, mention.lang
    credited = credited_unparsed(text, lang)
    if credited is None and has_speech_verb(text, lang):
        names = [e for e in (lookup_run(n, lang) for n in capitalised_runs(text)) if e is not None]
        credited = next((e for e in names if e.kind != "country"), None)
    if credited is None and in_quote(mention):
        credited = mention.state.get("open_quote")
    return credited
