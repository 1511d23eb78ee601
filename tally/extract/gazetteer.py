"""Canonical names of people, bodies and countries, in any spelling or language.

    canonical("le ministère russe de la Défense", "fr")  ->  "Ministry of Defence of Russia"
    canonical("Zelenskiy", "en")                         ->  "Volodymyr Zelenskyy"

Countries, their names in many languages and their capitals come from Babel/CLDR and
pycountry; data/entities/ holds people, bodies, demonyms and the few overrides.
"""
from __future__ import annotations

import hashlib
import json
import logging
import os
import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import yaml

log = logging.getLogger(__name__)

DATA = Path(__file__).resolve().parents[1] / "data" / "entities"
# Languages whose CLDR country and city names are indexed.
NAME_LOCALES = ("en", "fr", "de", "es", "it", "pt", "nl", "pl", "ru", "uk")
# A person's name is taken for a known one when its last name is this close (0-100).
FUZZY_CUTOFF = 88

_DETERMINERS = re.compile(
    r"^(?:the|le|la|les|l|du|des|de la|de l|de|d|au|aux|un|une|its|his|her|their|son|sa|ses|leur|leurs)\s+"
)
_POSSESSIVE = re.compile(r"['’]s?$")
# Determiners as written, before an acronym ("de l'ONU", "the EU").
_RAW_DETERMINERS = re.compile(r"^(?:(?:the|le|la|les|du|des|de|au|aux)\s+|[ld]['’]\s*)+", re.IGNORECASE)
_TITLES = {
    "president", "prime", "minister", "ministre", "premier", "chancellor", "chancelier", "general",
    "gen", "mr", "mrs", "ms", "m", "mme", "dr", "secretary", "secretaire", "spokesman", "spokeswoman",
    "spokesperson", "porte", "parole", "commander", "commandant", "chief", "chef", "head", "mayor",
    "maire", "foreign", "defence", "defense", "energy", "finance", "economy", "deputy", "adjoint",
    "state", "us", "u", "s", "russian", "ukrainian", "russe", "ukrainien", "ukrainienne", "lieutenant",
    "colonel", "lt", "col", "sen", "senator", "senateur", "ambassador", "ambassadeur", "envoy",
    "envoye", "special", "speaker", "director", "directeur", "ceo", "founder", "fondateur", "king",
    "roi", "queen", "reine", "pope", "pape", "former", "ancien", "ex", "the", "le", "la", "de", "du",
}
# Nouns for groups that speak for one government ("sources" do not: "des sources russes"
# are tied to no body, CLAIMS.md "Unnamed speakers").
_GROUP_NOUNS = {
    "official", "officials", "authority", "authorities", "government", "governments", "intelligence",
    "leadership", "administration", "officiel", "officiels", "autorite", "autorites", "responsable",
    "responsables", "gouvernement", "renseignement", "renseignements", "dirigeant", "dirigeants",
    "services", "service", "diplomat", "diplomats", "diplomate", "diplomates",
    "military", "officer", "officers", "regime", "state", "etat", "pouvoir", "side", "camp", "cote",
    "intelligence services", "agencies", "agency",
}
_OF = {"of", "for", "at", "de", "du", "des", "d", "l"}
# Prefixes that make a name an adjective ("anti-Poutine", "pro-Trump").
_NOT_OF_PERSON = {"anti", "pro", "post", "pre", "non"}
_MINISTRY = re.compile(r"\b(?:ministry|ministere|ministries|department)\b")
_MINISTRY_DOMAINS = (
    (r"defen[cs]e", "Defence"), (r"sante|health", "Health"),
    (r"affaires etrangeres|foreign affairs|foreign", "Foreign Affairs"),
    (r"industrie et (?:du )?commerce|industry and trade", "Industry and Trade"),
    (r"financ", "Finance"), (r"econom", "Economy"), (r"energ", "Energy"),
    (r"interieur|interior|internal affairs", "Internal Affairs"), (r"justice", "Justice"),
    (r"agricult", "Agriculture"), (r"emergenc|situations d urgence", "Emergency Situations"),
)


@dataclass(frozen=True)
class Entity:
    """A canonical entity: its English Wikipedia title, kind and the country it belongs to."""

    name: str
    kind: str  # person | body | state (an organ of a state) | country
    country: str | None = None  # canonical name of its country, if any


def fold(text: str) -> str:
    """Lowercase, accents and punctuation removed: "l'Armée  de l’air" -> "l armee de l air"."""
    decomposed = unicodedata.normalize("NFKD", text)
    plain = "".join(c for c in decomposed if not unicodedata.combining(c)).lower()
    return " ".join("".join(c if c.isalnum() else " " for c in plain).split())


def aliases() -> dict[str, tuple[str, tuple[str, ...]]]:
    """Canonical name -> (kind, its folded aliases, sorted), for every known entity.

    aliases()["Vladimir Putin"] -> ("person", ("poutine", "putin", "vladimir poutine", ...))
    """
    grouped: dict[str, tuple[str, set[str]]] = {}
    for alias, entity in _index().items():
        grouped.setdefault(entity.name, (entity.kind, set()))[1].add(alias)
    return {name: (kind, tuple(sorted(found))) for name, (kind, found) in grouped.items()}


def canonical(name: str, lang: str) -> str | None:
    """The canonical English name for a mention of an entity, or None when unknown.

    >>> canonical("Poutine", "fr")
    'Vladimir Putin'
    """
    entity = lookup(name, lang)
    return entity.name if entity else None


@lru_cache(maxsize=65536)  # the stages ask for the same few names over and over
def lookup(name: str, lang: str, country: str | None = None) -> Entity | None:
    """The Entity a mention names (person, body, country, demonym, unnamed group), or None.

    `country` is the one a ministry without a country belongs to ("the Defence Ministry"
    in an article about Russia), when the caller knows it.
    """
    text = _POSSESSIVE.sub("", name.strip())
    key = _strip_determiners(fold(text))
    if not key:
        return None
    found = _exact(key, text)
    if found is None:
        found = (_ministry(key, lang, country) or _group(key, lang) or _person(key, text)
                 or _head_of(key, lang))
    return found


@lru_cache(maxsize=16384)
def known(name: str, lang: str, country: str | None = None) -> Entity | None:
    """The Entity a whole name is an alias of, or the ministry it names; None for a phrase
    that only contains a name ("aid from Germany", "officials in Kyiv").

    >>> known("Bank of Russia", "en").name
    'Central Bank of Russia'
    """
    text = _POSSESSIVE.sub("", name.strip())
    key = _strip_determiners(fold(text))
    if not key:
        return None
    return _exact(key, text) or _ministry(key, lang, country)


def _head_of(key: str, lang: str) -> Entity | None:
    """A role in a body credits the body: "chef de l'armée de l'air ukrainienne" -> its air force."""
    words = key.split()
    for i, word in enumerate(words[:-1]):
        if word in _OF:
            rest = " ".join(words[i + 1 :])
            entity = _exact(_strip_determiners(rest), rest) or _ministry(rest, lang)
            if entity is not None and entity.kind in ("body", "state"):
                return entity
    return None


@lru_cache(maxsize=16384)
def demonym(word: str, strict: bool = False) -> str | None:
    """The country a demonym or country word stands for: "ukrainiennes" -> "Ukraine".

    With strict=True only demonyms count ("Palestiniens" yes, "Palestine" no).
    """
    key = fold(word)
    if strict:
        code = _demonym_forms().get(key)
        return _country_names().get(code) if code else None
    entity = _index().get(key)
    if entity and entity.kind == "country":
        return entity.name
    return None


@lru_cache(maxsize=1)
def _demonym_forms() -> dict[str, str]:
    """Folded demonym form -> ISO code."""
    forms: dict[str, str] = {}
    for code, langs in _data()[1]["demonyms"].items():
        words = [w for base in langs.get("en", []) for w in _english_forms(base)]
        words += [w for base in langs.get("fr", []) for w in _french_forms(base)]
        forms.update({fold(w): code for w in words})
    return forms


def _strip_determiners(key: str) -> str:
    previous = None
    while previous != key:
        previous, key = key, _DETERMINERS.sub("", key)
    return key


def _exact(key: str, text: str) -> Entity | None:
    entity = _index().get(key)
    if entity is None:
        return None
    # Short all-capital aliases ("US", "AP", "FT") match only when written in capitals
    # (after their determiner: "l'OTAN", "the EU").
    if key in _case_sensitive() and not _RAW_DETERMINERS.sub("", text).replace(".", "").strip().isupper():
        return None
    return entity


def _ministry(key: str, lang: str, default_country: str | None = None) -> Entity | None:
    """'le ministère russe de la Défense' -> Ministry of Defence of Russia."""
    if not _MINISTRY.search(key):
        return None
    domain = next((label for pattern, label in _MINISTRY_DOMAINS if re.search(pattern, key)), None)
    country = _country_in(key) or default_country
    if domain is None or country is None:
        return None
    return Entity(f"Ministry of {domain} of {country}", "state", country)


def _group(key: str, lang: str) -> Entity | None:
    """An unnamed group tied to one country speaks for it: 'Ukrainian officials' -> Ukraine."""
    words = key.split()
    if len(words) < 2 or not any(w in _GROUP_NOUNS for w in words):
        return None
    rest = _strip_determiners(" ".join(w for w in words if w not in _GROUP_NOUNS))
    body = _index().get(rest)
    if body is not None and body.kind in ("body", "state"):
        return body
    country = _country_in(key)
    if country is None:
        return None
    return Entity(country, "country", country)


def _country_in(key: str) -> str | None:
    """The one country named (by name, demonym or capital) among the words of `key`."""
    index = _index()
    words = key.split()
    found = set()
    for size in (3, 2, 1):
        for i in range(len(words) - size + 1):
            entity = index.get(" ".join(words[i : i + size]))
            if entity is not None and entity.kind == "country":
                found.add(entity.name)
    return found.pop() if len(found) == 1 else None


def _person(key: str, text: str) -> Entity | None:
    """A known person by a longer form ("President Zelensky") or a near-miss spelling."""
    index = _index()
    words = [w for w in key.split() if w not in _TITLES] or key.split()
    for i in range(len(words)):
        if i and words[i - 1] in _NOT_OF_PERSON:
            break  # "anti-Poutine", "pro-Trump": a stance, not the person
        entity = index.get(" ".join(words[i:]))
        if entity is not None and entity.kind == "person":
            return entity
    if not text[:1].isupper() or len(words[-1]) < 5 or (len(words) > 1 and words[-2] in _NOT_OF_PERSON):
        return None
    from rapidfuzz import fuzz, process

    people = _person_keys()
    best = process.extractOne(" ".join(words), people, scorer=fuzz.ratio, score_cutoff=FUZZY_CUTOFF)
    if best is None:
        best = process.extractOne(words[-1], people, scorer=fuzz.ratio, score_cutoff=FUZZY_CUTOFF)
    return index[best[0]] if best else None


@lru_cache(maxsize=1)
def _person_keys() -> tuple[str, ...]:
    return tuple(k for k, e in _index().items() if e.kind == "person")


@lru_cache(maxsize=1)
def _data() -> tuple[dict, dict]:
    # The C loader when PyYAML has it: ten times faster than the pure Python one.
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    with open(DATA / "entities.yaml", encoding="utf-8") as f:
        entities = yaml.load(f, Loader=loader)
    with open(DATA / "countries.yaml", encoding="utf-8") as f:
        countries = yaml.load(f, Loader=loader)
    return entities, countries


@lru_cache(maxsize=1)
def _country_names() -> dict[str, str]:
    """ISO alpha-2 -> canonical English name (CLDR's, or the Wikipedia title override)."""
    return _tables()[1]


def _build_country_names() -> dict[str, str]:
    from babel import Locale

    titles = _data()[1]["wikipedia_titles"]
    names = {code: name for code, name in Locale("en").territories.items() if len(code) == 2}
    names.update(titles)
    return names


@lru_cache(maxsize=1)
def _case_sensitive() -> frozenset[str]:
    entities, countries = _data()
    aliases = [a for group in (entities["people"], entities["bodies"]) for e in group for a in e.get("aliases", [])]
    aliases += [a for regions in entities.get("regions", {}).values() for short in regions.values() for a in short]
    aliases += [a for names in countries["extra_names"].values() for a in names]
    aliases += [a for d in countries["demonyms"].values() for a in d.get("en", [])]
    short = (a for a in aliases if len(a.replace(".", "")) <= 4 and a.replace(".", "").isupper())
    return frozenset(fold(a) for a in short)


@lru_cache(maxsize=1)
def _index() -> dict[str, Entity]:
    """Folded alias -> Entity, for countries (all NAME_LOCALES), demonyms, capitals, people, bodies."""
    return _tables()[0]


@lru_cache(maxsize=1)
def _tables() -> tuple[dict[str, Entity], dict[str, str]]:
    """(alias index, country names), from the cache file when it matches the data, else
    built from Babel/CLDR and pycountry (reading ten CLDR locales takes most of a second)
    and written to the cache for the next process."""
    key = _cache_key()
    path = _cache_dir() / f"gazetteer-{key}.json"
    try:
        with open(path, encoding="utf-8") as f:
            cached = json.load(f)
        entities: dict[tuple, Entity] = {}  # one Entity per entity, as the build makes them
        index = {alias: entities.setdefault(tuple(fields), Entity(*fields))
                 for alias, fields in cached["index"].items()}
        return index, cached["countries"]
    except FileNotFoundError:
        pass
    except (OSError, ValueError, KeyError, TypeError) as error:
        log.warning("ignoring unreadable gazetteer cache %s (%s)", path, error)
    names = _build_country_names()
    index = _build_index(names)
    _write_cache(path, index, names)
    return index, names


def _cache_dir() -> Path:
    """$TALLY_CACHE_DIR, else $XDG_CACHE_HOME/tally, else ~/.cache/tally."""
    if os.environ.get("TALLY_CACHE_DIR"):
        return Path(os.environ["TALLY_CACHE_DIR"])
    base = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(base) / "tally"


def _cache_key() -> str:
    """A digest of everything the tables are built from: the data files, the code of this
    module and the versions of Babel and pycountry."""
    from importlib.metadata import PackageNotFoundError, version

    digest = hashlib.sha256()
    for path in (DATA / "entities.yaml", DATA / "countries.yaml", Path(__file__)):
        digest.update(path.read_bytes())
    for package in ("babel", "pycountry"):
        try:
            digest.update(version(package).encode())
        except PackageNotFoundError:
            digest.update(b"-")
    return digest.hexdigest()[:16]


def _write_cache(path: Path, index: dict[str, Entity], names: dict[str, str]) -> None:
    """Write the tables where the next process finds them; a read-only disk only costs time."""
    payload = {"index": {a: [e.name, e.kind, e.country] for a, e in index.items()}, "countries": names}
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        partial = path.with_suffix(f".{os.getpid()}.tmp")
        with open(partial, "w", encoding="utf-8") as f:
            json.dump(payload, f, ensure_ascii=False)
        os.replace(partial, path)  # atomic: a concurrent reader sees the whole file or none
    except OSError as error:
        log.info("gazetteer cache not written to %s (%s)", path, error)


def _build_index(names: dict[str, str]) -> dict[str, Entity]:
    entities, countries = _data()
    index: dict[str, Entity] = {}
    for code, name in names.items():
        for alias in [name, *_country_aliases(code, countries)]:
            index.setdefault(fold(alias), Entity(name, "country", name))
    for regions in entities.get("regions", {}).values():
        for name, short in regions.items():
            # No country: a region's officials mostly tell what was done to it ("Kursk
            # officials said a drone hit a plant"), so their country is not who acted.
            entity = Entity(name, "state", None)
            for alias in [name, *short, *(f for n in short for f in _region_forms(n))]:
                index.setdefault(fold(alias), entity)
    for kind, group in (("person", entities["people"]), ("body", entities["bodies"])):
        for entry in group:
            country = names.get(entry.get("country")) if entry.get("country") else None
            entity = Entity(entry["name"], "state" if entry.get("state") else kind, country)
            for alias in [entry["name"], *entry.get("aliases", [])]:
                index[fold(alias)] = entity
    return index


def _region_forms(name: str) -> list[str]:
    """'Kursk' -> Kursk region, Kursk oblast, région de Kursk, oblast de Kursk, …"""
    if " " in name:  # already a full name ("Kyiv region", "Udmurt Republic")
        return []
    return [f"{name} {word}" for word in ("region", "oblast", "province", "krai")] + [
        f"{word} {name}" for word in ("région de", "oblast de", "province de", "kraï de")]


@lru_cache(maxsize=1)
def regions() -> frozenset[str]:
    """Canonical names of the regions the gazetteer knows ("Kursk Oblast"): places whose
    administration may speak, not bodies."""
    return frozenset(name for group in _data()[0].get("regions", {}).values() for name in group)


def _country_aliases(code: str, countries: dict) -> list[str]:
    """Every name of a country: CLDR names, pycountry names, extras, demonyms, capital."""
    import pycountry

    aliases = [_locale_territories(loc).get(code) for loc in NAME_LOCALES]
    record = pycountry.countries.get(alpha_2=code)
    if record is not None:
        aliases += [getattr(record, attr, None) for attr in ("name", "official_name", "common_name")]
    aliases += countries["extra_names"].get(code, [])
    forms = countries["demonyms"].get(code, {})
    aliases += [w for base in forms.get("en", []) for w in _english_forms(base)]
    aliases += [w for base in forms.get("fr", []) for w in _french_forms(base)]
    capital = countries["capitals"].get(code, {})
    aliases += capital.get("names", [])
    if capital.get("zone"):
        aliases += [_city(capital["zone"], loc) for loc in NAME_LOCALES]
    ignored = {fold(a) for a in countries.get("not_names", [])}
    return [a for a in aliases if a and fold(a) not in ignored]


@lru_cache(maxsize=None)
def _locale_territories(locale: str) -> dict[str, str]:
    from babel import Locale

    return dict(Locale(locale).territories)


def _city(zone: str, locale: str) -> str | None:
    from babel.dates import get_timezone_location

    return get_timezone_location(zone, locale=locale, return_city=True)


def _english_forms(adjective: str) -> list[str]:
    """'Ukrainian' -> Ukrainian, Ukrainians (the plural noun for a people)."""
    forms = [adjective]
    if adjective.endswith(("an", "i")):
        forms.append(adjective + "s")
    return forms


def _french_forms(base: str) -> list[str]:
    """'ukrainien' -> ukrainien, ukrainiens, ukrainienne, ukrainiennes; 'turc/turque' gives both."""
    masculine, _, feminine = base.partition("/")
    if not feminine:
        if masculine.endswith("e"):
            feminine = masculine
        elif masculine.endswith("en"):
            feminine = masculine + "ne"
        else:
            feminine = masculine + "e"
    forms = {masculine, feminine}
    forms |= {w if w.endswith(("s", "x")) else w + "s" for w in (masculine, feminine)}
    return sorted(forms)
