"""Outlets tally knows (tally/data/outlets.yaml): country and ownership, each with a source."""
from __future__ import annotations

import functools
from dataclasses import dataclass
from importlib import resources
from urllib.parse import urlparse

import yaml

from .errors import InputError


@dataclass(frozen=True)
class OutletInfo:
    """One outlet of the YAML: who owns it and where that is documented."""

    name: str
    domains: tuple[str, ...] = ()
    aliases: tuple[str, ...] = ()
    country: str | None = None
    country_source: str | None = None
    ownership: str | None = None
    ownership_source: str | None = None
    owner: str | None = None


@functools.lru_cache(maxsize=1)
def load_outlets() -> tuple[OutletInfo, ...]:
    """The outlets shipped with tally, in the YAML's order."""
    text = resources.files("tally").joinpath("data/outlets.yaml").read_text("utf-8")
    return parse_outlets(text, "tally/data/outlets.yaml")


def parse_outlets(text: str, source: str) -> tuple[OutletInfo, ...]:
    """Outlets from YAML text; each label needs its source URL.

    >>> parse_outlets("- name: X\\n  country: FR\\n  country_source: https://e.org", "x")[0].country
    'FR'
    """
    entries = yaml.safe_load(text) or []
    outlets = []
    for number, entry in enumerate(entries, 1):
        if not isinstance(entry, dict) or not entry.get("name"):
            raise InputError(f"{source}: entry {number} has no name")
        for label in ("country", "ownership"):
            if entry.get(label) and not str(entry.get(f"{label}_source", "")).startswith("http"):
                raise InputError(f"{source}: {entry['name']}: '{label}' needs a {label}_source URL")
        outlets.append(OutletInfo(
            name=entry["name"],
            domains=tuple(d.lower() for d in entry.get("domains") or ()),
            aliases=tuple(entry.get("aliases") or ()),
            **{k: entry.get(k) for k in ("country", "country_source", "ownership",
                                        "ownership_source", "owner")},
        ))
    return tuple(outlets)


def domain_of(url: str | None) -> str | None:
    """The host of a URL without "www.": domain_of("https://www.lemonde.fr/a") == "lemonde.fr"."""
    if not url:
        return None
    host = urlparse(url if "//" in url else "//" + url).hostname or ""
    return host.lower().removeprefix("www.") or None


def match_outlet(url: str | None, name: str | None,
                 outlets: tuple[OutletInfo, ...]) -> OutletInfo | None:
    """The outlet of a document: by the domain of its URL (subdomains too), else by name."""
    host = domain_of(url)
    if host:
        for outlet in outlets:
            if any(host == d or host.endswith("." + d) for d in outlet.domains):
                return outlet
    if name:
        wanted = name.strip().casefold()
        for outlet in outlets:
            names = (outlet.name, *outlet.aliases)
            if wanted in (n.casefold() for n in names) or domain_of(wanted) in outlet.domains:
                return outlet
    return None
