"""Across sentences: a bare amount takes the currency of the money talked about before it."""
from __future__ import annotations

import re

from ..mention import Figure

_CURRENCIES = ("USD", "EUR", "GBP", "RUB", "UAH", "CNY")
# What may follow an amount that names no counted noun: punctuation, a preposition, a participle.
_BARE_AMOUNT_END = re.compile(
    r"\s*(?:[,.;:!?()\[\]»”\"]|$|(?:pour|for|à|to|en|in|dont|contre|against|from|sur|on|jusqu|soit|were|was|had|have|ont|sont|\w+(?:és|ées))\b)",
    re.IGNORECASE)


def inherit_currency(text: str, figures: list[Figure], window: int = 1500) -> None:
    """A bare amount in millions or billions ("2 milliards", "500 millions,") after an amount
    of money takes its currency: the article goes on talking about the same money.

    `figures` are the document's figures in text order, with absolute offsets in `text`.
    """
    last: Figure | None = None
    for fig in figures:
        base = fig.unit.split("/")[0]
        if base in _CURRENCIES:
            last = fig
            continue
        if fig.unit != "count" or fig.kind != "digits" or last is None or fig.start - last.end > window:
            continue
        # A magnitude word, or one carried over from the figure it answers ("500 millions,
        # environ 490 pour...").
        carried = fig.factor > 1 and fig.quote.replace(",", "").replace(".", "").strip().isdigit()
        if not (carried or re.search(r"(?:million|milliard|billion|bn|mds?)\w*$", fig.quote, re.IGNORECASE)):
            continue
        if not _BARE_AMOUNT_END.match(text, fig.end):
            continue  # "2 millions de personnes", "3.7 million refugees" count something
        fig.unit = last.unit.split("/")[0]
