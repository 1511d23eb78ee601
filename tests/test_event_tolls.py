"""Tests for the event stage on tolls: a toll is a count of the dead."""
from __future__ import annotations

import pytest

from tally.extract import events, items

pytestmark = pytest.mark.slow


@pytest.mark.parametrize(
    ("text", "quote", "lang", "item", "event"),
    [
        ("The toll from the quake climbed to 61.", "61", "en", "person", "kill"),
        ("The toll, 230, may still rise.", "230", "en", "person", "kill"),
        ("Le bilan est monté à 61.", "61", "fr", "person", "kill"),
        ("Le bilan, 230, pourrait encore s'alourdir.", "230", "fr", "person", "kill"),
    ],
)
def test_events_toll_is_killing(make_mention, text, quote, lang, item, event):
    mention = make_mention(text, quote, lang=lang)
    items.assign(mention)
    events.assign(mention)
    assert (mention.fields["item"], mention.fields["event"]) == (item, event)
