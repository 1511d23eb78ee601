"""The models' attribute rules (tag -> POS, morphology, lemma exceptions) without spaCy's Matcher.

spaCy's AttributeRuler runs a Matcher of all its patterns over every token: on the figure
sentences that was a fifth of the English pipeline's time. The patterns are single tokens
(a few are two), nearly all with an exact TAG or LOWER, so looking them up by that value
finds the same matches for a fraction of the cost. The attributes set are the ruler's own,
in its order (a later pattern wins), so every token ends up exactly as the ruler leaves it.

    rules = AttributeRules.of(nlp.get_pipe("attribute_ruler"))  # ValueError if it cannot
    doc = rules(doc)
"""
from __future__ import annotations

import logging
import re
from itertools import product
from operator import itemgetter
from dataclasses import dataclass

from spacy.attrs import DEP, IS_SPACE, LOWER, POS, TAG
from spacy.language import Language
from spacy.tokens import Doc
from spacy.tokens._retokenize import set_token_attrs

log = logging.getLogger(__name__)

NAME = "tally_attributes"
RULER = "attribute_ruler"
# The token attributes a pattern may test, as columns of Doc.to_array.
_COLUMNS = {"TAG": 0, "LOWER": 1, "DEP": 2, "POS": 3, "IS_SPACE": 4}
_ARRAY = [TAG, LOWER, DEP, POS, IS_SPACE]


@dataclass(frozen=True)
class _Rule:
    order: int  # the ruler's pattern number: a later one wins
    tests: tuple  # per token of the pattern: ((column, kind, value), ...)
    index: int  # which token of the match gets the attributes
    attrs: dict  # as the ruler normalised them


class AttributeRules:
    """A callable component: the same token attributes as `ruler`, found by lookup."""

    def __init__(self, rules: list[_Rule], strings):
        self._strings = strings
        # Rules by the values their first token must have (an IN test is several values):
        # one dict a set of columns, so a token finds its few candidates by lookup.
        self._attrs = {rule.order: rule.attrs for rule in rules}
        self._regex_hits: dict[tuple, bool] = {}
        by_columns: dict[tuple, dict[tuple, list]] = {}
        for rule in rules:
            exact = sorted((column, [value] if kind == "eq" else sorted(value))
                           for column, kind, value in rule.tests[0] if kind in ("eq", "in"))
            columns = tuple(column for column, _ in exact)
            table = by_columns.setdefault(columns, {})
            # What the lookup leaves to test: the first token's other tests, the next tokens'.
            rest = (tuple(t for t in rule.tests[0] if t[1] not in ("eq", "in")), *rule.tests[1:])
            entry = (rule, rest if len(rest) > 1 or rest[0] else ())
            for values in product(*(choices for _, choices in exact)):
                table.setdefault(values, []).append(entry)
        self._lookups = [(_key(columns), table) for columns, table in by_columns.items()]

    @classmethod
    def of(cls, ruler) -> "AttributeRules":
        """The rules of a spaCy AttributeRuler; ValueError when a pattern uses something
        this lookup does not reproduce (an operator, another attribute or predicate)."""
        strings = ruler.vocab.strings
        rules = []
        for order, pattern in enumerate(ruler.patterns):
            for tokens in pattern["patterns"]:
                tests = tuple(tuple(_test(name, spec, strings) for name, spec in token.items())
                              for token in tokens)
                if not tests:
                    raise ValueError(f"empty pattern {pattern}")
                rules.append(_Rule(order, tests, pattern["index"], ruler.attrs[order]))
        return cls(rules, strings)

    def __call__(self, doc: Doc) -> Doc:
        rows = doc.to_array(_ARRAY).tolist()
        found: dict[int, set] = {}
        for start, row in enumerate(rows):
            for key, table in self._lookups:
                for rule, rest in table.get(key(row), ()):
                    end = start + len(rule.tests)
                    if not rest or end <= len(rows) and all(
                            self._holds(test, rows[start + k]) for k, test in enumerate(rest)):
                        target = start + rule.index if rule.index >= 0 else end + rule.index
                        found.setdefault(target, set()).add((rule.order, start, end))
        for target, matches in found.items():
            token = doc[target]
            # The ruler sets its matches in pattern order: a later pattern overrides.
            for order, _start, _end in sorted(matches):
                set_token_attrs(token, self._attrs[order])
        return doc

    def _holds(self, tests: tuple, row: list) -> bool:
        for column, kind, value in tests:
            got = row[column]
            if kind == "eq":
                ok = got == value
            elif kind == "in":
                ok = got in value
            elif kind == "not_in":
                ok = got not in value
            else:  # regex, on the text of the attribute (few texts: remember each)
                ok = self._regex_hits.get((value, got))
                if ok is None:
                    ok = self._regex_hits[value, got] = value.search(self._strings[got]) is not None
            if not ok:
                return False
        return True


def _key(columns: tuple):
    """The function of a row that gives its values in `columns`, as a tuple."""
    if not columns:
        return lambda row: ()
    if len(columns) == 1:
        column = columns[0]
        return lambda row: (row[column],)
    return itemgetter(*columns)


def _test(name: str, spec, strings) -> tuple:
    """(column, kind, value) of one attribute test of a Matcher pattern, values as hashes
    (as the Matcher compares them: a POS name's hash is its symbol id)."""
    if name not in _COLUMNS:
        raise ValueError(f"attribute {name} is not one the rules read")
    column = _COLUMNS[name]
    if name == "IS_SPACE":
        if not isinstance(spec, bool):
            raise ValueError(f"IS_SPACE {spec!r}")
        return column, "eq", int(spec)
    if isinstance(spec, str):
        return column, "eq", strings.add(spec)
    if isinstance(spec, dict) and len(spec) == 1:
        (kind, value), = spec.items()
        if kind in ("IN", "NOT_IN") and all(isinstance(v, str) for v in value):
            return column, kind.lower(), frozenset(strings.add(v) for v in value)
        if kind == "REGEX" and isinstance(value, str):
            return column, "regex", re.compile(value)
    raise ValueError(f"{name} {spec!r} is not a test the rules reproduce")


@Language.factory(NAME)
def make_attribute_rules(nlp: Language, name: str) -> AttributeRules:
    """The component: the rules of the pipeline's own attribute ruler (added beside it)."""
    return AttributeRules.of(nlp.get_pipe(RULER))


def use_attribute_rules(nlp: Language) -> None:
    """Put AttributeRules in place of the AttributeRuler of `nlp` (if it has one); a ruler
    with a pattern the rules cannot reproduce stays as it is."""
    if RULER not in nlp.pipe_names:
        return
    try:
        nlp.add_pipe(NAME, after=RULER)
    except ValueError as error:
        log.info("keeping spaCy's attribute ruler: %s", error)
        return
    nlp.remove_pipe(RULER)
