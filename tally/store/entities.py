"""Entities: the actors and speakers claims name, each with its aliases."""
from __future__ import annotations

import functools
import logging
from collections.abc import Iterable

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from ..models import Claim
from .schema import Entity, EntityAlias

log = logging.getLogger(__name__)


@functools.lru_cache(maxsize=1)
def gazetteer_aliases() -> dict[str, tuple[str | None, tuple[str, ...]]]:
    """Canonical name -> (kind, folded aliases), from the extractor's gazetteer.

    {} when the gazetteer cannot be loaded: each entity is then its own only alias.
    """
    try:
        from ..extract import gazetteer

        return gazetteer.aliases()
    except (ImportError, AttributeError, OSError) as error:
        log.warning("no gazetteer aliases for entities (%s)", error)
        return {}


def fold(name: str) -> str:
    """The gazetteer's folded form of a name (lowercase, no accents or punctuation)."""
    try:
        from ..extract.gazetteer import fold as gazetteer_fold
    except ImportError:
        return name.lower()
    return gazetteer_fold(name)


def record_entities(session: Session, claims: Iterable[Claim]) -> None:
    """Add the actors and speakers of `claims` that are not stored yet, with their aliases."""
    names: dict[str, str] = {}
    for claim in claims:
        for kind, name in (("actor", claim.actor), ("speaker", claim.speaker)):
            if name:
                names.setdefault(name, kind)
    if not names:
        return
    known = set(session.scalars(select(Entity.name).where(Entity.name.in_(names))))
    for name, kind in names.items():
        if name in known:
            continue
        # The gazetteer's kind (person, body, state, country) when it knows the name,
        # else the role the name first had in a claim (actor, speaker).
        known_kind, known_aliases = gazetteer_aliases().get(name, (None, ()))
        entity = Entity(name=name, kind=known_kind or kind)
        aliases = {name, *known_aliases}
        try:
            # A savepoint: a concurrent PostgreSQL ingest may store the same name first.
            with session.begin_nested():
                session.add(entity)
                session.flush()
                session.add_all(EntityAlias(entity_id=entity.id, alias=a) for a in sorted(aliases))
        except IntegrityError:
            continue  # stored meanwhile: the other process's row is as good


def resolve_alias(session: Session, name: str) -> set[str]:
    """The canonical names an alias stands for (case-insensitive), plus the name itself."""
    from sqlalchemy import func

    rows = session.scalars(
        select(Entity.name).join(EntityAlias, EntityAlias.entity_id == Entity.id)
        .where(func.lower(EntityAlias.alias).in_({name.lower(), fold(name)})))
    return {name, *rows}
