"""The actor catalogue: actors, their aliases, types and affiliations, read and validated from YAML."""

import re
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import pandas as pd
import yaml

CATALOGUE_PATH = Path(__file__).resolve().parent.parent / "data" / "actors.yaml"
CATALOGUE_COLUMNS = ["actor_id", "name", "type", "affiliation", "aliases", "demonyms", "metonym_of"]
_ACTOR_KEYS = {"id", "name", "type", "affiliation", "aliases", "given", "family", "family_alone",
               "demonyms", "metonym_of"}
_YAML_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml when present: 6x faster
_SLUG = re.compile(r"^[a-z][a-z0-9_]*$")


class CatalogueError(ValueError):
    """An actor catalogue file that cannot be used, with the file and the problem named."""


@dataclass(frozen=True)
class Actor:
    """One catalogue entry."""

    actor_id: str
    name: str
    type: str
    affiliation: str
    aliases: tuple[str, ...]
    demonyms: tuple[str, ...]
    metonym_of: str


@dataclass(frozen=True)
class Catalogue:
    """The actors plus the word lists the matcher and `candidates` use."""

    path: Path
    actors: tuple[Actor, ...]
    caps_ambiguous: frozenset[str]
    locative_words: frozenset[str]
    titles: frozenset[str]
    not_names: frozenset[str]


def _strings(value: object, where: str) -> tuple[str, ...]:
    """A YAML list of non-empty strings (or nothing) as a tuple, else a CatalogueError."""
    if value is None:
        return ()
    if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
        raise CatalogueError(f"{where}: expected a list of non-empty strings, got {value!r}")
    return tuple(value)


def _person_names(entry: dict, where: str) -> tuple[str, ...]:
    """Aliases spelled out from a person's given and family names: every combination, and the family name alone."""
    given, family = _strings(entry.get("given"), where), _strings(entry.get("family"), where)
    combos = tuple(f"{g} {f}" for g in given for f in family)
    alone = family if entry.get("family_alone", True) else ()
    return combos + alone


def _actor(entry: object, index: int, types: set[str], path: Path) -> Actor:
    """Validate one catalogue entry and turn it into an Actor."""
    if not isinstance(entry, dict):
        raise CatalogueError(f"{path.name}: actor #{index + 1} is not a mapping: {entry!r}")
    where = f"{path.name}: actor {entry.get('id', f'#{index + 1}')!r}"
    unknown = set(entry) - _ACTOR_KEYS
    if unknown:
        raise CatalogueError(f"{where}: unknown key(s) {sorted(unknown)}")
    for key in ("id", "name", "type"):
        if not isinstance(entry.get(key), str) or not entry[key].strip():
            raise CatalogueError(f"{where}: missing or empty '{key}'")
    if not _SLUG.match(entry["id"]):
        raise CatalogueError(f"{where}: id must be a lower-case slug (a-z, 0-9, _)")
    if entry["type"] not in types:
        raise CatalogueError(f"{where}: unknown type {entry['type']!r} (known: {', '.join(sorted(types))})")
    if entry.get("metonym_of") and entry["type"] != "place":
        raise CatalogueError(f"{where}: only a place can be a metonym_of another actor")
    aliases = (entry["name"], *_strings(entry.get("aliases"), where), *_person_names(entry, where))
    return Actor(
        actor_id=entry["id"],
        name=entry["name"],
        type=entry["type"],
        affiliation=entry.get("affiliation") or "",
        aliases=tuple(dict.fromkeys(aliases)),
        demonyms=tuple(dict.fromkeys(_strings(entry.get("demonyms"), where))),
        metonym_of=entry.get("metonym_of") or "",
    )


@lru_cache(maxsize=8)
def load_catalogue(path: Path | str = CATALOGUE_PATH) -> Catalogue:
    """Read and validate an actor catalogue YAML file (format: analysis/data/actors.yaml); cached per path."""
    path = Path(path)
    try:
        data = yaml.load(path.read_text(encoding="utf-8"), Loader=_YAML_LOADER)
    except (OSError, yaml.YAMLError) as err:
        raise CatalogueError(f"{path.name}: cannot read the actor catalogue ({err})") from None
    if not isinstance(data, dict) or not isinstance(data.get("actors"), list):
        raise CatalogueError(f"{path.name}: expected a mapping with an 'actors' list")
    types = set(data.get("types") or {})
    actors = tuple(_actor(entry, i, types, path) for i, entry in enumerate(data["actors"]))
    ids = [a.actor_id for a in actors]
    duplicates = sorted(i for i, n in Counter(ids).items() if n > 1)
    if duplicates:
        raise CatalogueError(f"{path.name}: duplicate actor id(s) {duplicates}")
    known = set(ids)
    for actor in actors:
        for key in ("affiliation", "metonym_of"):
            target = getattr(actor, key)
            if target and target not in known:
                raise CatalogueError(f"{path.name}: actor {actor.actor_id!r}: {key} {target!r} is not a catalogue id")
    shoutable = frozenset(_strings(data.get("caps_ambiguous"), f"{path.name}: caps_ambiguous"))
    stray = sorted(shoutable - {alias for actor in actors for alias in actor.aliases})
    if stray:
        raise CatalogueError(f"{path.name}: caps_ambiguous {stray} are not aliases of any actor")
    return Catalogue(
        path=path,
        actors=actors,
        caps_ambiguous=shoutable,
        locative_words=frozenset(
            w.lower() for w in _strings(data.get("locative_words"), f"{path.name}: locative_words")),
        titles=frozenset(_strings(data.get("titles"), f"{path.name}: titles")),
        not_names=frozenset(_strings(data.get("not_names"), f"{path.name}: not_names")),
    )


def catalogue(path: Path | str = CATALOGUE_PATH) -> pd.DataFrame:
    """The actor catalogue as a table: one row per actor, aliases and demonyms "; "-joined."""
    rows = [
        (a.actor_id, a.name, a.type, a.affiliation, "; ".join(a.aliases), "; ".join(a.demonyms), a.metonym_of)
        for a in load_catalogue(path).actors
    ]
    return pd.DataFrame(rows, columns=CATALOGUE_COLUMNS)
