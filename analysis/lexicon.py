"""The one reader of the package's knowledge files (analysis/data/): word lists (one entry a line, `#` comments) and
YAML. Call sites name the file in full ("stopwords.txt"), so analysis.cache sees which tables read which file."""

import copy
import re
from collections.abc import Iterable
from functools import cache
from importlib import resources
from typing import Any

import yaml


@cache
def data_text(name: str) -> str:
    """The text of a file in analysis/data/."""
    return resources.files("analysis").joinpath(f"data/{name}").read_text("utf-8")


@cache
def valence() -> dict[str, float]:
    """Each word's mean human-rated valence, -4 (most negative) to +4, from the VADER lexicon (Hutto & Gilbert,
    ICWSM 2014; vader_lexicon.txt of the pinned vaderSentiment package, MIT licence): word, mean, sd, ratings."""
    text = resources.files("vaderSentiment").joinpath("vader_lexicon.txt").read_text("utf-8")
    return {w: float(v) for w, v, *_ in (line.split("\t") for line in text.splitlines() if line.count("\t") >= 2)}


@cache
def word_list(name: str) -> tuple[str, ...]:
    """The entries of a word-list file, in file order: one a line, blank lines and `#` comment lines left out."""
    return tuple(line.strip() for line in data_text(name).splitlines() if line.strip() and not line.startswith("#"))


@cache
def words(name: str) -> frozenset[str]:
    """The entries of a word-list file as a set."""
    return frozenset(word_list(name))


def data_yaml(name: str) -> Any:
    """A YAML file of analysis/data/, parsed once per process and copied for each call (a fresh object each call:
    callers may change it; a deep copy costs a thirtieth of a parse, and the modules' imports ask for grammar.yaml
    68 times)."""
    return copy.deepcopy(_parsed_yaml(name))


@cache
def _parsed_yaml(name: str) -> Any:
    """A YAML file of analysis/data/ parsed, with libyaml's parser when PyYAML has it (the same objects, about ten
    times faster than the pure-Python one)."""
    return yaml.load(data_text(name), Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))


@cache
def name_particles() -> tuple[frozenset[str], frozenset[str]]:
    """The name particles of data/name_particles.txt: the words ("bin", "von") and the hyphened prefixes ("al")."""
    entries = word_list("name_particles.txt")
    return (frozenset(e for e in entries if not e.endswith("-")),
            frozenset(e[:-1] for e in entries if e.endswith("-")))


@cache
def name_particle_pattern() -> str:
    """A regular-expression alternation matching one name particle as a token: a particle word ("bin"), or a
    prefix with the name it joins ("al-Baghdadi")."""
    particles, prefixes = name_particles()
    joined = [rf"(?:{'|'.join(sorted(prefixes))})-[\w’'-]+"] if prefixes else []
    return "|".join(joined + [rf"(?:{'|'.join(sorted(particles))})\b"] if particles else joined)


@cache
def grammar(section: str) -> frozenset[str]:
    """One word list of data/grammar.yaml (English closed-class words in one role), lower case."""
    entries = data_yaml("grammar.yaml")[section]
    if not all(isinstance(e, str) for e in entries):
        raise ValueError(f"analysis/data/grammar.yaml: {section}: every entry must be a word (quote on, off, yes, no)")
    return frozenset(entries)


def tagged(name: str, section: str, tag: str) -> tuple[str, ...]:
    """The entries of a mapping section of a YAML data file (entry: tag, or entry: [tags]) that carry tag."""
    entries = data_yaml(name)[section]
    return tuple(e for e, tags in entries.items() if tag == tags or (isinstance(tags, list) and tag in tags))


def one_of(entries: Iterable[str], either_case_initial: bool = False) -> str:
    """A non-capturing regex group matching any entry literally, longest first ("an" tried before "a"); a space in an
    entry matches any run of whitespace; with either_case_initial, the first letter in either case ("[Ll]ast")."""
    def literal(entry: str) -> str:
        rest = re.escape(entry[1:]).replace(r"\ ", r"\s+")
        first = entry[0]
        if either_case_initial and first.upper() != first.lower():
            return f"[{first.upper()}{first.lower()}]{rest}"
        return re.escape(first).replace(r"\ ", r"\s+") + rest
    return "(?:" + "|".join(literal(e) for e in sorted(set(entries), key=lambda e: (-len(e), e))) + ")"
