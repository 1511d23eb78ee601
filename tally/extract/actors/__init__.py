"""Actor and speaker of a figure: who performs the event, who asserts the figure.

    "Russia launched 420 drones overnight, Ukraine's air force said."
        420 -> actor "Russia", speaker "Ukrainian Air Force"

speaker/ finds who asserts a figure; actor.py who performs its event, from the words
of its sentence (countries.py: the countries it names) or, failing them, from the
document's context (context.py: the attacker of a war event, "we", an economy);
state.py reads the sentences before the figure's; names go through the gazetteer (names.py).
"""
from __future__ import annotations

from ..mention import Mention
from .actor import find_actor
from .speaker import find_speaker
from .state import advance

__all__ = ["assign"]


def assign(mention: Mention) -> None:
    """Set mention.fields['actor'] and ['speaker'] (canonical English names or None)."""
    advance(mention)
    speaker = find_speaker(mention)
    mention.fields["speaker"] = speaker.name if speaker else None
    mention.fields["actor"] = find_actor(mention, speaker)
