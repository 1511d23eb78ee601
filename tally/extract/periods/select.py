"""Which time expression of the sentence belongs to the figure."""
from __future__ import annotations

import re

from ..mention import Mention
from .timex import Expr


# Words that end a clause: a time expression across one usually belongs to another figure.
_BOUNDARY = re.compile(
    r"[;:–—()]|\b(?:but|while|whereas|tandis que|alors que|mais|before|after|until|avant|après|"
    r"compared|down from|up from|from|passant de|contre|including|dont)\b",
    re.IGNORECASE,
)
# A participle that dates another thing: "lancé en 2018", "founded in 1949", "signed in 2014".
_DATES_OTHER = re.compile(
    r"\b(?:lancée?s?|créée?s?|fondée?s?|établie?s?|publiée?s?|adoptée?s?|signée?s?|construite?s?|née?s?|"
    r"élue?s?|launched|founded|established|created|published|adopted|signed|built|born|elected|"
    r"introduced|set up)\b[^.;\d]{0,70}$",
    re.IGNORECASE,
)

_WEATHER = ("celsius", "fahrenheit")
# Conjunctions of a clause whose dates are not the time of a figure outside it: "Before Fico
# regained power in 2023, aid totalled...", "alors que, en 2011, l'Allemagne avait décidé ...".
_OTHER_CLAUSE_MARKS = frozenset((
    # ("while", "when", "as" often tell the same time: "While Russia fired 300 drones in May, ...")
    "before", "although", "though", "whereas", "because", "alors que", "tandis que", "bien que",
    "même si", "avant que", "avant de", "parce que", "puisque",
))
_MARK_HINT = re.compile(
    r"\b(?:before|although|though|whereas|because|alors qu|tandis qu|bien qu|même si|avant (?:qu|de)|"
    r"parce qu|puisqu)", re.IGNORECASE)


def may_frame(expr: Expr, mention: Mention) -> bool:
    """Whether `expr` can give the figure's period at all, wherever it stands."""
    if expr.kind == "said":
        return False
    if expr.kind == "prewar":
        # "pre-war population of 42 million", not "a fifth of the pre-war population".
        return expr.end <= mention.rel_start
    if expr.kind == "since" and (mention.fields.get("unit") or mention.figure.unit) in _WEATHER:
        # "temperatures have dropped below minus 10 degrees since 2022": weather, not a total.
        return False
    if expr.kind in ("since", "by") and mention.fields.get("status") == "target":
        # A pledge is not a total to date; "d'ici 2030" stays (a deadline is a target's time),
        # and so does "à 2 milliards contre 1,7 milliard jusqu'à présent": the amount so far.
        return expr.kind == "by" or _right_after(expr, mention)
    return not dates_other(expr, mention) and not in_other_clause(expr, mention)


def in_other_clause(expr: Expr, mention: Mention) -> bool:
    """Whether `expr` stands in a contrasting or earlier clause ("before", "alors que") that
    does not hold the figure.

    "Before Fico regained power in 2023, aid totalled €670m": 2023 dates the return to power.
    """
    if not _MARK_HINT.search(mention.sentence.text):
        return False
    doc = mention.sentence.doc
    figure = mention.tokens()
    # A "since" joined across the clauses ("Although a truce was agreed in May, 300 died since")
    # reaches into the figure's clause.
    if doc is None or not figure or expr.kind == "since":
        return False
    token = next((t for t in doc if expr.start <= t.idx < expr.end), None)
    for _ in range(12):
        if token is None or token.head is token:
            return False
        if token.dep_ == "advcl" and _mark(token) in _OTHER_CLAUSE_MARKS:
            inside = {t.i for t in token.subtree}
            return figure[0].i not in inside
        token = token.head
    return False


def _mark(verb) -> str:
    """The conjunction that opens the clause of `verb` ("alors que"), lowercased, or ""."""
    for child in verb.children:
        if child.dep_ == "mark":
            fixed = [c.lower_ for c in child.children if c.dep_ == "fixed"]
            # "alors qu'en 2011": the elided "qu'" is "que".
            return " ".join([child.lower_] + fixed).replace("qu'", "que").replace("qu’", "que")
    return ""


def _right_after(expr: Expr, mention: Mention) -> bool:
    """Whether `expr` follows the figure with at most its unit words between ("1,7 milliard jusqu'à présent")."""
    if expr.start < mention.rel_end:
        return False
    gap = mention.sentence.text[mention.rel_end : expr.start]
    return len(gap.strip()) <= 12 and not re.search(r"[,;:()]", gap)


def dates_other(expr: Expr, mention: Mention) -> bool:
    """True when a year dates something else named just before it, not the figure.

    "Le système, lancé en 2018, serait utilisé dans 36 pays": 2018 dates the launch.
    """
    if expr.kind != "time" or len(expr.start_iso or "") != 4:
        return False
    text = mention.sentence.text
    # A figure between the participle and the year belongs to the participle's clause.
    window = text[mention.rel_end : expr.start] if expr.start >= mention.rel_end else text[: expr.start]
    return bool(_DATES_OTHER.search(window))


def distance(expr: Expr, mention: Mention) -> float:
    """Characters between the figure and `expr`, plus a penalty per clause boundary crossed."""
    text = mention.sentence.text
    if expr.end <= mention.rel_start:
        gap = text[expr.end : mention.rel_start]
    elif expr.start >= mention.rel_end:
        gap = text[mention.rel_end : expr.start]
    else:
        return 0.0
    crossings = len(_BOUNDARY.findall(gap))
    before = expr.end <= mention.rel_start
    # A sentence-initial expression ("In 2025, ...") frames the whole main clause; otherwise
    # what follows a figure in its clause dates it a little more often than what precedes it.
    lead = expr.start <= 3 and before
    return len(gap) * (0.3 if lead else 1.0) + 80 * crossings + (10 if before and not lead else 0)


def nearest(exprs: list[Expr], mention: Mention) -> Expr | None:
    """The expression closest to the figure (see distance), or None."""
    return min(exprs, key=lambda e: distance(e, mention)) if exprs else None


