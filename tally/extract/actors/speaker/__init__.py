"""Speaker of a figure: who asserts it.

The subject of a speech verb ("said", "a annoncé", passive "reported by X"), the object of
an attribution cue ("according to", "selon", "a survey by X"), carried on while a quotation
goes on (a quotation opened by no one known keeps looking for the name after it closes),
over a paragraph a sentence ending on a colon introduced, to the sentences of a paragraph
that go on telling a report's findings (not past another source, a concession or another
named subject), to a count of the set just counted ("Of these, 30 …") and to a French
conditional ("serait"). "The report" is the one named before; "a study found" whose next
sentence names the study's author is that author's; "it is estimated" names no one, and
neither does the size of a place ("the city of 3 million").
A pronoun resolves to the person named last, "the army" to the body named before with
that noun, "emergency officials" to the document's main country; "analysts" and "a poll"
name no one (None).

    "Russia launched 420 drones overnight, Ukraine's air force said."  ->  Ukrainian Air Force
"""
from __future__ import annotations

from ...gazetteer import Entity
from ...mention import Mention
from . import carry
from .cues import covers, describes_place, find_cues, sentence_speaker

__all__ = ["find_speaker", "sentence_speaker", "find_cues", "covers"]


def find_speaker(mention: Mention) -> Entity | None:
    """Who asserts the figure (None for the outlet or a group tied to no one): an
    attribution in the sentence, else one carried from the sentences around it."""
    found = _find_speaker(mention)
    return found if found is not None and found.name else None


def _find_speaker(mention: Mention) -> Entity | None:
    doc = mention.sentence.doc
    if doc is None or not doc.has_annotation("DEP"):
        return carry.unparsed_speaker(mention)
    if describes_place(doc, mention.rel_start):
        return None
    speaker = sentence_speaker(doc, mention.lang, mention.state, mention.rel_start)
    if speaker is not None:
        return speaker
    if mention.state.get("open_quote") is not None and not carry.quote_closed_before(mention):
        return mention.state["open_quote"]
    carried = carry.carried_speaker(mention)
    if carried is not None:
        return carried
    if carry.in_quote(mention):
        return (carry.speaker_after_quote(mention) or carry.quote_introducer(mention)
                or carry.introduced_paragraph(mention))
    return carry.closing_quote_speaker(mention) or carry.source_goes_on(mention)
