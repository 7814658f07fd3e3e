"""The actor catalogue: actors, their aliases, types and affiliations, read and validated from YAML.

The package's catalogue (analysis/data/actors.yaml) can be extended by an analyst's own file in the same format,
without editing the package: `actors.yaml` in the corpus folder, or any file named by `--catalogue` (both set
$ANALYSIS_CATALOGUE, which every default catalogue, matcher and table here reads). Its actors are added; an entry
whose id the package already has adds aliases, given or family names and demonyms to that actor; its word lists
(titles, not_names, caps_ambiguous, locative_words, place_nouns) are added to the package's.
"""

import os
import re
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import pandas as pd
import yaml

from analysis.stages.corpus import Corpus

CATALOGUE_PATH = Path(__file__).resolve().parent.parent / "data" / "actors.yaml"
USER_CATALOGUE_ENV = "ANALYSIS_CATALOGUE"  # the analyst's catalogue file, merged over the package's
CORPUS_CATALOGUE = "actors.yaml"  # an analyst's catalogue kept in the corpus folder
_EXTENSIBLE = ("aliases", "given", "family", "demonyms")  # what an analyst's entry may add to a package actor
_WORD_LISTS = ("titles", "not_names", "caps_ambiguous", "locative_words", "place_nouns")
CATALOGUE_COLUMNS = ["actor_id", "name", "type", "affiliation", "aliases", "demonyms", "metonym_of", "side"]
_ACTOR_KEYS = {"id", "name", "type", "affiliation", "side", "aliases", "given", "family", "family_alone",
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
    side: str
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
    place_nouns: frozenset[str]
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


def _actor(entry: object, index: int, types: set[str], sides: set[str], path: Path) -> Actor:
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
    if entry.get("side") and entry["side"] not in sides:
        raise CatalogueError(f"{where}: unknown side {entry['side']!r} (known: {', '.join(sorted(sides))})")
    if entry.get("metonym_of") and entry["type"] != "place":
        raise CatalogueError(f"{where}: only a place can be a metonym_of another actor")
    aliases = (entry["name"], *_strings(entry.get("aliases"), where), *_person_names(entry, where))
    return Actor(
        actor_id=entry["id"],
        name=entry["name"],
        type=entry["type"],
        affiliation=entry.get("affiliation") or "",
        side=entry.get("side") or "",
        aliases=tuple(dict.fromkeys(aliases)),
        demonyms=tuple(dict.fromkeys(_strings(entry.get("demonyms"), where))),
        metonym_of=entry.get("metonym_of") or "",
    )


def _read(path: Path) -> dict:
    """A catalogue YAML file as data: a mapping with an 'actors' list, else a CatalogueError naming the file."""
    try:
        data = yaml.load(path.read_text(encoding="utf-8"), Loader=_YAML_LOADER)
    except (OSError, yaml.YAMLError) as err:
        problem = " ".join(str(err).split())
        raise CatalogueError(f"{path.name}: cannot read the actor catalogue ({problem})") from None
    if not isinstance(data, dict) or not isinstance(data.get("actors"), list):
        raise CatalogueError(f"{path.name}: expected a mapping with an 'actors' list")
    return data


def _merged(base: dict, extra: dict, path: Path) -> dict:
    """The package's catalogue data with an analyst's laid over it: new actors appended, aliases, names and
    demonyms added to actors the package has, word lists extended."""
    unknown = sorted(set(extra) - {"actors", *_WORD_LISTS})
    if unknown:
        raise CatalogueError(f"{path.name}: unknown key(s) {unknown} (an analyst's catalogue holds actors and "
                             f"{', '.join(_WORD_LISTS)})")
    actors = [dict(entry) for entry in base["actors"]]
    by_id = {entry["id"]: entry for entry in actors}
    for i, entry in enumerate(extra["actors"]):
        if isinstance(entry, dict) and entry.get("id") in by_id:
            where = f"{path.name}: actor {entry['id']!r}"
            fixed = sorted(set(entry) - {"id", *_EXTENSIBLE})
            if fixed:
                raise CatalogueError(f"{where} is already in the package catalogue: only {', '.join(_EXTENSIBLE)} "
                                     f"can be added to it, not {fixed}")
            target = by_id[entry["id"]]
            for key in _EXTENSIBLE:
                target[key] = [*(target.get(key) or []), *_strings(entry.get(key), where)]
        else:
            actors.append(entry)
    lists = {key: [*(base.get(key) or []), *_strings(extra.get(key), f"{path.name}: {key}")] for key in _WORD_LISTS}
    return {**base, **lists, "actors": actors}


def catalogue_files(path: Path | str | None = None) -> tuple[Path, Path | None]:
    """Which files make a catalogue: the given file alone, else the package's with $ANALYSIS_CATALOGUE over it."""
    if path is not None:
        return Path(path), None
    user = os.environ.get(USER_CATALOGUE_ENV)
    return CATALOGUE_PATH, Path(user) if user else None


def use_catalogue(corpus: Path | str | None = None, explicit: Path | str | None = None) -> Path | None:
    """Choose the analyst's catalogue for this process and the notebook kernels it starts: `explicit`, else
    actors.yaml in the corpus folder, else the one already in $ANALYSIS_CATALOGUE (none: the package's alone).
    Read and validated at once, so a bad file is a CatalogueError before any work; returns the file used."""
    chosen = Path(explicit) if explicit else None
    if chosen is None and corpus is not None and (Path(corpus) / CORPUS_CATALOGUE).is_file():
        chosen = Path(corpus) / CORPUS_CATALOGUE
    if chosen is not None:
        if not chosen.is_file():
            raise CatalogueError(f"{chosen}: actor catalogue file not found")
        os.environ[USER_CATALOGUE_ENV] = str(chosen.resolve())
    user = catalogue_files()[1]
    load_catalogue()
    return user


def load_catalogue(path: Path | str | None = None) -> Catalogue:
    """The actor catalogue of a YAML file (format: analysis/data/actors.yaml); without a path, the package's merged
    with the analyst's ($ANALYSIS_CATALOGUE). Validated; cached per file."""
    return read_catalogue(*catalogue_files(path))


@lru_cache(maxsize=8)
def read_catalogue(path: Path, user: Path | None = None) -> Catalogue:
    """Read and validate a catalogue file, with an analyst's file merged over it (errors then name that file)."""
    data = _read(path)
    if user is not None:
        data, path = _merged(data, _read(user), user), user
    types, sides = set(data.get("types") or {}), set(data.get("sides") or {})
    actors = tuple(_actor(entry, i, types, sides, path) for i, entry in enumerate(data["actors"]))
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
        place_nouns=frozenset(w.lower() for w in _strings(data.get("place_nouns"), f"{path.name}: place_nouns")),
        titles=frozenset(_strings(data.get("titles"), f"{path.name}: titles")),
        not_names=frozenset(_strings(data.get("not_names"), f"{path.name}: not_names")),
    )


def catalogue(path: Path | str | None = None) -> pd.DataFrame:
    """The actor catalogue as a table: one row per actor, aliases and demonyms "; "-joined."""
    rows = [
        (a.actor_id, a.name, a.type, a.affiliation, "; ".join(a.aliases), "; ".join(a.demonyms), a.metonym_of, a.side)
        for a in load_catalogue(path).actors
    ]
    return pd.DataFrame(rows, columns=CATALOGUE_COLUMNS)


def without_titles(name: str) -> str:
    """A person's name without the titles before it ("Colonel Mark Hensley" -> "Mark Hensley", "Maj. Gen. X" -> "X");
    a phrase of titles alone ("the Prime Minister") is kept as it is."""
    titles = load_catalogue().titles
    words = name.split()
    first = 0
    while first < len(words) - 1 and words[first].rstrip(".") in titles:
        first += 1
    named = first and words[first][:1].isupper() and words[first].rstrip(".") not in titles
    return " ".join(words[first:]) if named else name


def actors(corpus: Corpus) -> pd.DataFrame:
    """The actors table: the catalogue in use (the package's, with the analyst's merged over it)."""
    return catalogue()
