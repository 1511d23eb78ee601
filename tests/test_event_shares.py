"""Tests for the event stage on shares, light verbs, losses and clause limits."""
from __future__ import annotations

import pytest

from tally.extract import events, items

pytestmark = pytest.mark.slow


def _event(make_mention, text, quote, lang, unit="count", value=None, state=None):
    mention = make_mention(text, quote, lang=lang, unit=unit, value=value, state=state)
    items.assign(mention)
    events.assign(mention)
    return mention.fields["event"]


@pytest.mark.parametrize(
    ("text", "quote", "lang", "unit", "value", "event"),
    [
        # A participle of use on the noun counts when nothing else governs the figure.
        ("That is nearly half of the 9 million shells fired since May.", "9 million", "en", "count", 9e6, "deploy"),
        # A participle of launching says what happened to the noun, before the figure's governors.
        ("Air defence downed 50 of the 80 drones launched overnight.", "80", "en", "count", None, "deploy"),
        # ... but the governing verb comes first: "missiles used to target ..." were destroyed.
        ("The air force destroyed 300 missiles used to target cities.", "300", "en", "count", None,
         "shoot_down"),
        # A relative clause on the noun comes after the figure's own governors.
        ("Denmark paid for the production of 18 howitzers, which reached the front in May.", "18", "en", "count",
         None, "produce"),
        # Light verbs: the object names the event.
        ("Five tankers suffered explosions in the Baltic.", "Five", "en", "count", 5, "strike"),
        ("Trois navires ont subi des frappes de drones.", "Trois", "fr", "count", 3, "strike"),
        # Losing something else is not being destroyed; losing one's life is being killed.
        ("Millions of homes have lost power since January.", "Millions", "en", "count", 1e6, "other"),
        ("Twelve people lost their lives in the blast.", "Twelve", "en", "count", 12, "kill"),
        # "How many were killed ... the number is N".
        ("Nobody knows how many soldiers have been killed, but the number is over 50,000.", "50,000", "en",
         "count", 50000, "kill"),
        # Nouns of giving and of maiming, and amassing wealth.
        ("The coalition now has 31 donors.", "31", "en", "count", None, "deliver"),
        ("Two batteries were assigned to each battalion.", "Two", "en", "count", 2, "deploy"),
        ("La guerre a laissé des milliers de mutilés.", "milliers", "fr", "count", 1000, "injure"),
        ("Il a accumulé 20 milliards de dollars.", "20 milliards", "fr", "USD", 2e10, "count"),
        # The climb stops at a relative clause or a coordinated verb.
        ("Quelque 900 soldats sont déployés pour un exercice qui se tiendra sur trois sites.", "trois", "fr",
         "count", 3, "other"),
        # Weapons listed after "with" are used, the second as much as the first.
        ("Russia attacked Odesa with 300 drones and 40 missiles.", "40", "en", "count", None, "deploy"),
        ("La Russie a frappé Kyiv avec 200 drones et 12 missiles.", "12", "fr", "count", None, "deploy"),
        # A distance that places the target of a strike; a place located with no strike has none.
        ("Drones hit a refinery about 900 km from the border.", "900", "en", "km", None, "strike"),
        ("The village lies 30 km from the border.", "30", "en", "km", None, "other"),
        ("Beaucoup fuient la guerre, et plusieurs millions de jeunes ne sont plus au pays.", "plusieurs millions",
         "fr", "count", 1e6, "count"),
        ("Russia struck the grid again, leaving 200,000 homes without heat.", "200,000", "en", "count", 200000,
         "other"),
        ("Russia struck the grid again, killing 12 people.", "12", "en", "count", None, "kill"),
        # The subject of a verb of saying does not name the event of a figure beside it.
        ("Ten deaths were reported along with hundreds of cases of flu.", "hundreds", "en", "count", 100, "other"),
    ],
)
def test_event_shares_governed(make_mention, text, quote, lang, unit, value, event):
    assert _event(make_mention, text, quote, lang, unit, value) == event


@pytest.mark.parametrize(
    ("text", "quote", "lang", "event"),
    [
        # A share takes the event of the subject of "represent"/"constitute"/"account for".
        ("The tankers hit in these raids would represent at least 2% of the fleet.", "2%", "en", "strike"),
        ("Deliveries of ammunition, which may constitute 30% of the shells fired, keep the war going.", "30%",
         "en", "deliver"),
        ("Les drones abattus représentent 15 % de la flotte.", "15 %", "fr", "shoot_down"),
        # A share verb coordinated with the verb of its subject.
        ("The ships damaged or sunk this year may amount to 8% of the fleet.", "8%", "en", "strike"),
    ],
)
def test_event_shares_subject(make_mention, text, quote, lang, event):
    value = float(quote.rstrip("% ").strip())
    assert _event(make_mention, text, quote, lang, "percent", value) == event


@pytest.mark.parametrize(
    ("text", "quote", "lang", "event"),
    [
        # The size of a change is no event, even when its noun names one.
        ("Oil exports through the port plunged 40%.", "40%", "en", "other"),
        ("Demand for power exceeded supply by 25% in March.", "25%", "en", "other"),
        ("Steel output fell by about 12% last year.", "12%", "en", "other"),
        ("Les exportations de gaz ont chuté de 35 % en un an.", "35 %", "fr", "other"),
        # Near miss: the share of the noun, with no change, keeps the noun's event.
        ("Poland delivered 30% of the drones.", "30%", "en", "deliver"),
    ],
)
def test_event_shares_change_amount(make_mention, text, quote, lang, event):
    value = float(quote.rstrip("% ").strip())
    assert _event(make_mention, text, quote, lang, "percent", value) == event


def test_event_shares_earlier_figure(make_mention):
    """A share with no event of its own takes the event of the figure before it in the sentence."""
    text = "About 3 million people have fled their homes, accounting for a tenth of the population."
    state: dict = {}
    assert _event(make_mention, text, "3 million", "en", "count", 3e6, state) == "displace"
    assert _event(make_mention, text, "a tenth", "en", "percent", 10, state) == "displace"


def test_event_shares_bracketed_restatement(make_mention):
    """A figure restated in brackets after another takes its event."""
    text = "Pyongyang has supplied 40% (based on 5 million rounds) of the shells."
    state: dict = {}
    assert _event(make_mention, text, "40%", "en", "percent", 40, state) == "deliver"
    assert _event(make_mention, text, "5 million", "en", "count", 5e6, state) == "deliver"


def test_event_shares_status_reads_past_clauses(make_mention):
    """The status still reads the framing above a clause the event does not climb out of."""
    text = "Officials estimated that the strike hit the plant, leaving 300 workers without jobs."
    mention = make_mention(text, "300", lang="en")
    items.assign(mention)
    events.assign(mention)
    assert mention.fields["status"] == "estimate"
