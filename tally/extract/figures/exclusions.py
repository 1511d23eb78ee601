"""What is not a claim: years, dates, times, ordinals, model names, calibres, list markers,
time offsets, and durations that frame another figure."""
from __future__ import annotations

import re

from .. import units as U
from .common import SPACES, S, Raw

_MONTH_NEAR = re.compile(rf"^[{SPACES}]*(?:er\b|st\b|nd\b|rd\b|th\b)?[{SPACES}]*(?:{U.MONTHS})\b", re.IGNORECASE)
_MONTH_BEFORE = re.compile(rf"\b(?:{U.MONTHS})[{SPACES}]*$", re.IGNORECASE)
_ORDINAL_AFTER = re.compile(r"(?:st|nd|rd|th|e|er|ère|re|ème|eme|è|ᵉ|ᵉʳ|°)\b", re.IGNORECASE)
_TIME = re.compile(rf"^(?:[hH:]\d\d|{S}?(?:a\.m\.|p\.m\.|am\b|pm\b|GMT|UTC|CET|heures? du (?:matin|soir)|h\b(?!\w)))", re.IGNORECASE)
_DESIGNATION_BEFORE = re.compile(r"(?:[A-Za-zА-Яа-я]+[-‑/]?|[A-Z][\w]*[-‑])$")
_DESIGNATION_HEADS = re.compile(
    r"\b(?:Stream|Article|article|Phase|phase|Resolution|résolution|Minsk|Section|section|Chapter|chapitre|"
    r"Level|niveau|page|Protocol|Unit|Block|réacteur|reactor|Tier|tome|volume|numéro|number|No\.|n°|N°|"
    r"Block|Mark|Mk|version|Version|Covid|COVID|type|Type|modèle|model|Model|Gen|génération|G|"
    r"Apollo|Flight|flight|vol|Route|route|Highway|autoroute|table|Table|tableau|Tableau|figure|Figure|chart|Chart|"
    r"graphique|annexe|Annex|annex|principe|principle|point|Point|paragraphe|paragraph|alinéa|step|étape|"
    r"Stage|stade|priority|priorité|Patriot|Iskander|Kinjal|Starlink|MiG)\s*$"
)
_OFFSET_AFTER = re.compile(
    r"^\s*(?:ago|later|earlier|before|after|plus tard|auparavant|plus tôt|après|avant|on\b|in a row|de suite|"
    r"after|since)\b", re.IGNORECASE)
_OFFSET_BEFORE = re.compile(r"(?:\bil y a|\bvoilà|\bvoici|\bwithin|\bdans|\bfor the (?:past|last|next)|\bin the (?:past|last|next|first|coming)|"
                            r"\bover the (?:past|last|next|first|coming)|\bduring the (?:past|last|next|first)|\bau cours des|\bau cours de|"
                            r"\bpendant les|\bdurant les|\bces|\bthese|\bthe (?:past|last|next|first)|\bles (?:premiers|premières|derniers|dernières|prochains|prochaines)|"
                            r"\bdepuis|\bsince|\bd['’]ici|\ben l['’]espace d['’]|\bin just|\bin only|\bwithin just|\bsur|\bà|\bat\b|\bper|\bpar)\s*(?:\w+\s+)?$",
                            re.IGNORECASE)
_FRAME_AFTER = re.compile(r"^\s*(?:dernières|derniers|prochaines|prochains|précédentes|précédents|suivantes|suivants|passées|passés)\b", re.IGNORECASE)
_LIST_MARKER = re.compile(r"^\s*[\(\[]?$")
# A capitalised word right before, itself after another word (not the sentence's first word).
# ("Ukraine got 14 tanks and Poland 12", "40 drones, Ukraine 12": after a conjunction or a
# comma the name is who the elided figure is about, and the number a claim.)
_NAME_BEFORE = re.compile(
    r"(?<![,;:])(?<!\band)(?<!\bet)(?<!\bor)(?<!\bou)(?<!\bthan)(?<!\bque)(?<!\bwhile)(?<!\bcontre)"
    r"(?<!\bagainst)(?<!\bversus)(?<!\bvs)(?<!\bto)(?<!\bfor)(?<!\bpour)(?<!\bfrom)"
    r"(?<=\w)\s+[A-Z][a-z]{2,}\s$")


def not_a_claim(text: str, raw: Raw, lang: str) -> bool:
    before, after = text[: raw.start], text[raw.end :]
    token = text[raw.start : raw.end]
    if _DESIGNATION_HEADS.search(before[-20:]) and raw.kind in ("digits", "word"):
        return True
    if raw.kind == "digits":
        # Parts of an ISO date: "2024-09-15", "date 2024-09".
        if re.search(r"\d{4}[-/]$|\d{4}[-/]\d\d[-/]$", before) or re.match(r"^[-/]\d\d\b", after) and len(token) == 4:
            return True
        # Footnote markers glued to a closing quote or word: "pas »1.", "said.2"
        if re.search(r"[»”\"’)\]]$", before) and re.match(r"^(?:[.,;:\s]|$)", after) and raw.value < 100:
            return True
        # Date ranges: "du 28 au 30 juin", "23-24 July"
        if raw.value <= 31 and re.match(rf"^{S}*(?:au|à|-|–|to|and|et){S}*\d{{1,2}}(?:er)?{S}+(?:{U.MONTHS})\b", after, re.IGNORECASE):
            return True
        # Glued to a letter or "T-", "Su-", "S": a model or name ("T-90", "S300", "G7").
        if _DESIGNATION_BEFORE.search(before[-12:]) and not re.search(r"[\s(\[\"“«'’]$", before[-1:] or " "):
            if not re.search(r"(?:US|\$|€|£|x|×|[₽₴])$", before):
                return True
        # A small number after a capitalised word inside the sentence is the rest of a name:
        # "Leopard 2 tanks", "Nord Stream 2", "Challenger 2", "Minsk 2", "Article 5".
        # (Not in German and other languages that capitalise every noun: "in der Nacht 44".)
        if lang in ("fr", "en") and raw.unit == "count" and raw.factor == 1 and re.fullmatch(r"\d{1,2}", token) \
                and _NAME_BEFORE.search(before[-30:]) and not _MONTH_BEFORE.search(before) \
                and re.match(r"(?:[A-Z]\d|\s+[a-zà-ÿ]|\s*[.,;:)]|\s*$)", after):
            return True
        # Followed by "-" and a capital or digit: "9K720", "136-M", or a letter: "5G", "3D".
        if re.match(r"^[-‑]?[A-Z]{1,3}\b", after) and not re.match(r"^[-‑]?(?:GW|MW|km|kg|USD|EUR|UAH|RUB|GBP|GWh|C\b|F\b|K\b|M\b|BN\b)", after):
            return True
        if re.match(r"^[/]\d", after) or re.search(r"\d[/]$", before):  # 24/7, 1/2
            return True
        # Ordinals: "1er", "5th", "3e", "XXIe"
        if raw.unit == "count" and _ORDINAL_AFTER.match(after):
            return True
        # Times of day: "19h56", "10:30", "8 a.m."
        if re.match(rf"^{S}?(?:heures?\s+du\s+(?:matin|soir)|h\s+du\s+(?:matin|soir)|o['’]clock)", after, re.IGNORECASE):
            return True  # "4 heures du matin", "5 o'clock": a time of day
        if _TIME.match(after) and raw.unit in ("count", "hour"):
            if not (raw.unit == "hour" and not re.match(r"^[hH:]\d\d", after) and not re.search(r"\bà\s*$", before)):
                return True
        # Calibres: "152 mm", "155mm" designate a kind of ammunition.
        if raw.unit == "mm":
            return True
        # Dates: "15 février", "February 24", "le 1er mars".
        if raw.unit == "count" and raw.value <= 31 and float(raw.value).is_integer():
            if _MONTH_NEAR.match(after) or _MONTH_BEFORE.search(before):
                return True
        # Years: 4 digits from 1800 to 2100 with no separator, unit or magnitude.
        if raw.unit == "count" and re.fullmatch(r"1[89]\d\d|20\d\d|2100", token):
            if _is_year(before, after):
                return True
        # List and footnote markers: "1." at the start of a line, "[2]".
        if re.fullmatch(r"\d{1,2}", token):
            if re.match(r"^[.)]\s", after) and _LIST_MARKER.match(before):
                return True
            if re.search(r"\[$", before) and re.match(r"^\]", after):
                return True
        # Inside a URL, an e-mail or a file name.
        if re.search(r"(?:https?://|www\.|@)\S*$", before):
            return True
    if raw.kind == "word":
        lowered = token.lower()
        if lowered in ("neuf", "neuve") and re.match(r"^\s*(?:[.,;:!?)]|$|et\b)", after):
            return True  # "un avion neuf"
        if raw.value == 1 and lowered in ("un", "une", "one"):
            return not _counts_one(before, after, lowered)
        # "les deux pays", "the two sides", "ces trois ensembles", "des deux côtés": they
        # refer back to things just named, or are idioms.
        # (Not "the two-year war": a duration or measure of the thing named.)
        if re.search(r"\b(?:les|the|des|both|aux|nos|vos|leurs|their)\s+$", before, re.IGNORECASE) and lowered in ("deux", "two") \
                and raw.unit == "count":
            return True
        if re.search(r"\b(?:ces|these|those|cettes?)\s+$", before, re.IGNORECASE):
            return True
    if raw.unit in ("year", "month", "week", "day", "hour", "minute", "second"):
        # Time offsets ("four years ago", "il y a trois mois") and windows that frame
        # another figure ("over the past five years", "au cours des dernières 24 heures").
        unit_after = text[raw.unit_end or raw.end :]
        if _OFFSET_AFTER.match(unit_after) or re.search(r"\bil y a\s*$", before[-12:]):
            return True
        if re.search(r"\b(?:the first|the last|the next|les premiers|les premières|les derniers|les dernières|les prochains|les prochaines)\s+$", before[-25:], re.IGNORECASE):
            return True
        if _FRAME_AFTER.match(unit_after) or _OFFSET_BEFORE.search(before[-40:]) or re.search(r"\b(?:en|in|over)\s*$", before[-6:]):
            raw.frame = True  # dropped later if the sentence holds another figure
    return False


_TOLL_OF_ONE = re.compile(
    r"\s+(?:person|civilian|soldier|child|man|woman|worker|resident|serviceman|officer)\s+"
    r"(?:was|has been|had been|is|died|has died)\b", re.IGNORECASE)


def _counts_one(before: str, after: str, word: str) -> bool:
    """'one'/'un' is a figure only with a bound ("at least one"), as the low end of a
    range ("one to two hours") or as a toll ("one person was killed"); otherwise it is a
    determiner or an idiom."""
    if re.match(r"\s*(?:to|or|à|ou|[-–])\s*(?:two|three|four|five|six|deux|trois|quatre|cinq|six|\d)\b", after, re.IGNORECASE):
        return True
    # "One person was injured", "one soldier has died": a toll of one.
    if word == "one" and _TOLL_OF_ONE.match(after):
        return True
    if re.search(r"\b(?:at least|more than|only|just|au moins|plus d['’]|seulement|moins d['’]|pas plus d['’]|exactly)\s*$", before, re.IGNORECASE):
        return not re.match(r"\s+(?:of|des|d['’]|de|génération|generation|fois|time|moment|partie|part|sorte|kind|day|jour)\b", after, re.IGNORECASE)
    return False


def _is_year(before: str, after: str) -> bool:
    """A bare 4-digit number is a year unless a bound or a plural count noun says otherwise.

    "plus de 2100 soldats", "4000 drones" are counts; "en 2018 une partie", "Russia's 2014
    annexation", "a 2021 detonation", "published on 15 April 2025" are years.
    """
    if re.search(r"(?:more than|plus de|au moins|at least|about|environ|some|près de|over|up to|jusqu['’]à|moins de|less than|nearly|quelque)\s*$", before, re.IGNORECASE):
        return False
    if re.search(r"\b(?:in|en|of|de|du|since|depuis|for|pour|from|by|until|till|au|année|year|l['’]an|fin|début|mid|mi|spring|summer|autumn|fall|winter|printemps|été|automne|hiver|noël|christmas|early|late|circa)\s*$|['’]s\s*$|[-–]\s*$", before, re.IGNORECASE):
        return True
    if re.search(rf"(?:{U.MONTHS})[{SPACES}]*(?:\d{{1,2}}[{SPACES}]*,?[{SPACES}]*)?$", before, re.IGNORECASE):
        return True
    found = re.match(rf"^{S}([a-zàâçéèêëîïôûùüÿñæœ]+)", after)
    if found and re.search(r"(?:s|x)$", found.group(1)) and found.group(1) not in _YEAR_FOLLOWERS:
        return False
    return True


_YEAR_FOLLOWERS = {
    "and", "et", "to", "à", "or", "ou", "through", "until", "jusqu", "the", "le", "la", "les", "a", "an",
    "in", "en", "on", "au", "aux", "by", "par", "de", "du", "des", "d", "when", "lorsque", "quand", "as",
    "comme", "with", "avec", "was", "were", "is", "est", "a", "ont", "have", "has", "had", "for", "pour",
    "that", "qui", "que", "which", "where", "où", "after", "après", "before", "avant", "since", "depuis",
    "election", "elections", "élection", "élections", "budget", "census", "recensement", "invasion",
    "war", "guerre", "levels", "level", "niveau", "niveaux", "figures", "chiffres", "data", "données",
    "report", "rapport", "plan", "plans", "target", "objectif", "but", "mais", "alone", "compared",
    "versus", "vs", "against", "contre", "onwards", "onward", "then", "puis", "while", "tandis", "while",
    "summit", "sommet", "agreement", "accord", "accords", "deal", "season", "saison", "edition", "édition",
    "olympics", "games", "jeux", "world", "coupe", "cup", "campaign", "campagne", "offensive", "counteroffensive",
    "contre-offensive", "crisis", "crise", "protests", "revolution", "révolution", "annexation", "annexion",
    "referendum", "référendum", "se", "s", "il", "elle", "ils", "elles", "they", "he", "she", "it", "we",
    "nous", "on", "l", "this", "ce", "cette", "these", "ces", "alors", "so", "thus", "ainsi", "marked",
    "saw", "vit", "brought", "will", "would", "could", "should", "may", "might", "can", "must",
    "sont", "étaient", "était", "fut", "furent", "sera", "seront", "avait", "avaient", "aura", "auront",
    "also", "aussi", "already", "déjà", "still", "encore", "only", "seulement", "just", "juste",
    "model", "modèle", "version", "prices", "prix", "values", "valeurs", "dollars", "euros",
}
