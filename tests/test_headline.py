"""Header lines and headlines are not body text."""
import pytest

from tally.extract import sentences
from tally.extract.figures import find
from tally.extract.headline import drop_furniture, header_end, headline_end
from tally.extract.mention import Sentence


def kept_quotes(text, title=None, lang="en"):
    sents = [Sentence(s, e, text[s:e], i) for i, (s, e) in enumerate(sentences.split(text))]
    found = [(s, find(s.text, lang, offset=s.start)) for s in sents]
    found = [(s, f) for s, f in found if f]
    return [f.quote for _, figs in drop_furniture(text, title, found) for f in figs]


@pytest.mark.parametrize("text,end", [
    ("date: 2024-09-15\nBody.", 17),
    ("date 2024-09\ntitle: 40 drones\noutlet: Le Monde\n\nBody.", 48),
    ("Body without header.", 0),
    ("Title holders won 3 cups.", 0),
])
def test_headline_header_end(text, end):
    assert header_end(text) == end


def test_headline_repeated_in_body_is_left_out():
    text = "Russia launched 420 drones overnight\n\nRussia launched 420 drones and 39 missiles, Kyiv said."
    assert kept_quotes(text) == ["420", "39"]
    assert kept_quotes(text)[0] == "420" and text.count("420") == 2


def test_headline_figure_not_in_body_is_kept():
    text = "Putin wants a tenfold rise\n\nRussia received 140,000 drones last year."
    assert kept_quotes(text) == ["tenfold", "140,000"]


def test_headline_header_figures_are_furniture():
    text = "date: 2024-09-15\ntitle: 1.4 million drones\n\nThe plan names 1.4 million drones."
    assert kept_quotes(text) == ["1.4 million"]


def test_headline_a_sentence_first_line_is_body():
    text = "Russia launched 420 drones overnight, Kyiv said.\nIt also fired 420 shells."
    assert headline_end(text, 0, None) == 0
    assert kept_quotes(text) == ["420", "420"]
