"""Actor mentions: a fast alias matcher over the catalogue, and who is named how, how often, with whom."""

import re
import unicodedata
from collections import Counter
from collections.abc import Mapping
from functools import cache, lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

import ahocorasick
import numpy as np
import pandas as pd

from analysis.lexicon import data_yaml, grammar, name_particles, one_of, tagged, words
from analysis.stages import unlisted
from analysis.stages.catalogue import (CATALOGUE_PATH, Catalogue, CatalogueError, catalogue, catalogue_files,
                                       load_catalogue, read_catalogue)
from analysis.stages.corpus import Corpus, locate

if TYPE_CHECKING:
    from analysis.stages.parse import Parses

MENTION_DTYPES = {"doc_id": "str", "sent_id": "int64", "start": "int64", "end": "int64", "surface": "str",
                  "actor_id": "str", "kind": "str", "in_body": "bool", "alias": "str", "type": "str"}
MENTION_COLUMNS = list(MENTION_DTYPES)
APOSTROPHES = "’‘ʼʿ"  # written forms of ' that an alias with ' also matches
_SPELLING = data_yaml("spelling.yaml")
_SPELLED = {w: other for pair in _SPELLING["british_american"] for w, other in (pair, pair[::-1])}
_SPELLED_WORD = re.compile(rf"\b(?i:{one_of(_SPELLED)})\b")
_HEADS = one_of(_SPELLING["institution_heads"])
_HEAD_LAST = re.compile(rf"(?P<pre>.*?)(?P<x>[A-Z][\w-]*) (?P<head>{_HEADS})$")  # "Russian Defence Ministry"
_HEAD_FIRST = re.compile(rf"(?P<pre>.*?)(?P<head>{_HEADS}) of (?:the )?(?P<x>[A-Z][\w-]*)$")  # "Ministry of Defence"
_FORCE_LAST = re.compile(rf"(?P<pre>[A-Z].*) (?P<head>{one_of(_SPELLING['force_heads'])})$")  # "Syrian Army"
_OPERATION = _SPELLING["operation_word"]
_OPERATION_FIRST = re.compile(rf"{_OPERATION} (?P<x>[A-Z].*)$")  # "Operation Olive Branch"
_OPERATION_LAST = re.compile(rf"(?P<x>[A-Z].*) {_OPERATION}$")  # "Olive Branch Operation"
_INNER_ARTICLE = re.compile(rf" (?:{one_of(name_particles()[1])})-(?=[A-Z])")  # " al-" inside a person's name
_UNCAPITALISED = words("name_connectors.txt") | name_particles()[0]  # lower case in a title-case name too
_JOINT = re.compile(r"\b[A-Z][a-z]+([ -])(?=[A-Z][a-z])")  # between two capitalised words: "Abdul Ghani"
_PREFIX = re.compile(rf"\b(?i:{one_of(name_particles()[1])})-")  # a name's "al-", "el-"
_COORDINATED = re.compile(rf"(?:\s*,)?\s+{one_of(grammar('coordinators'))}\s+$|\s*,\s*$")
# A mention found in a text: (start, end, actor_id, kind, alias matched as written in the catalogue).
Found = tuple[int, int, str, str, str]
READINGS = 1  # how many sentences holding an unknown capitalised word the entity recogniser reads
_LAST_WORD = re.compile(r"([A-Za-z]+)[^A-Za-z\n]*$")
_FUNCTION_WORDS = frozenset(data_yaml("reporting_verbs.yaml")["function_words"])
# A capital opening a list of names that "and" closes: "Moscow, Tehran and Damascus agree ...", no dateline.
_LISTED_WITH = re.compile(rf"(?:,\s+[A-Z][\w'’-]*)+,?\s+{one_of(grammar('coordinators'))}\s+[A-Z]")
# Lower-case words after a capital that end in a title: the city's official ("Kabul police chief").
_ROLE = re.compile(r"\s+(?:[a-z][\w-]*\s+){0,2}([a-z][\w-]*)\b")
# An indefinite article right before a capital: a noun it modifies, the place ("a Kabul guesthouse").
_INDEFINITE_BEFORE = re.compile(rf"(?<!\w)(?i:{one_of(tagged('grammar.yaml', 'articles', 'indefinite'))}) $")
# The types of body whose name's head noun some outlets write in lower case ("the Islamic state group").
LOWER_HEAD_TYPES = frozenset({"armed_group", "organization"})
_CITY_PART = re.compile(r" ((?:[\w-]+ ){0,3}[\w-]+)")  # the words after a possessive, up to four
# A noun and the preposition of the source it comes from, right before a name: "statements from [Damascus]" ("of"
# would also take a topic: "a description of Damascus"; "by" is no locative word).
_AUTHORED = re.compile(rf"\b([A-Za-z]+) (?:{one_of(grammar('source_prepositions'))}) $")
# A dateline of several places, commas between them, opening a line before a dash: "Erbil, Baghdad, London– ".
_PLACES_DATELINE = re.compile(r"(?:[A-Z][\w'’.-]*(?: [A-Z][\w'’.-]*)?, )+[A-Z][\w'’.-]*(?: [A-Z][\w'’.-]*)? ?[-–—]")
# Capitalised words after a capital, the last a noun of place: a place the city names ("Baghdad International Airport").
_NAMED_PART = re.compile(r"(?: [A-Z][\w'’-]*){0,2} ([A-Z][a-z-]+)\b")
# An acronym that house styles may dot ("P.U.K."; acronyms of two letters are dotted as aliases).
_ACRONYM = re.compile(r"[A-Z]{3,5}")
# The Latin-1 Supplement and Latin Extended-A/B letters (U+00C0-U+024F) and Latin Extended Additional (U+1E00-U+1EFF),
# and the UTF-8 lead bytes of those ranges (0xC3-0xC9; 0xE1 0xB8-0xBB).
_ACCENTED = re.compile("[\u00c0-\u024f\u1e00-\u1eff]")
_ACCENTED_LEADS = (*(bytes([b]) for b in range(0xC3, 0xCA)), *(bytes([0xE1, b]) for b in range(0xB8, 0xBC)))
# A noun phrase in apposition after a capital, opened by an article: "Damascus, the Syrian capital", "Kabul, a city".
_APPOSITION = re.compile(rf",\s+(?i:{one_of(grammar('articles'))})((?: [\w'’-]+){{1,3}})")

__all__ = ["CATALOGUE_PATH", "Catalogue", "CatalogueError", "catalogue", "load_catalogue"]


def spellings(alias: str, person: bool = False) -> list[str]:
    """An alias and its other spellings (spelling.yaml): British or American words ("Defence"/"Defense"), an
    office's name either way round ("Defence Ministry"/"Ministry of Defence"), an operation's likewise ("Operation
    Olive Branch"/"Olive Branch Operation") and, after a name, in lower case
    ("Russian defence ministry"), a force's name with its head noun in lower case ("Syrian army"), and in a person's name a space
    between two capitalised names written as a hyphen or the reverse ("Abdul Ghani"/"Abdul-Ghani") and the article
    of a later name left out ("Abu Mahdi Mohandes"); each also in a
    headline's title case ("US-led Coalition": every word capitalised but name connectors and particles)."""
    forms = [alias, _SPELLED_WORD.sub(lambda m: _same_case(_SPELLED[m.group().lower()], m.group()), alias)]
    for form in list(forms):
        last, first = _HEAD_LAST.match(form), _HEAD_FIRST.match(form)
        if last:
            forms.append(f"{last['pre']}{last['head']} of {last['x']}")
        if first:
            forms.append(f"{first['pre']}{first['x']} {first['head']}")
    for form in list(forms):  # an operation's word either side of its code name
        first, last = _OPERATION_FIRST.match(form), _OPERATION_LAST.match(form)
        forms += [f"{first['x']} {_OPERATION}"] if first else [f"{_OPERATION} {last['x']}"] if last else []
    for form in list(forms):  # after a name, in lower case: "the Russian defence ministry", as newsroom style writes it
        office = _HEAD_LAST.match(form) or _HEAD_FIRST.match(form)
        if office and office["pre"]:
            forms.append(office["pre"] + form[len(office["pre"]):].lower())
        if force := _FORCE_LAST.match(form):  # "the Syrian army", "the Russian air force" (AP style)
            forms.append(f"{force['pre']} {force['head'].lower()}")
    for form in list(forms):  # in a headline's title case: "US-led Coalition", "Russian Defence Ministry"
        forms.append(" ".join(w if w in _UNCAPITALISED or _PREFIX.match(w) else w[:1].upper() + w[1:]
                              for w in form.split(" ")))
    for form in list(forms) if person else ():
        forms += [form[:j.start(1)] + ("-" if j[1] == " " else " ") + form[j.end():] for j in _JOINT.finditer(form)]
    for form in list(forms) if person else ():  # "Abu Mahdi Mohandes": the article of a later name left out
        forms.append(_INNER_ARTICLE.sub(" ", form))
    return list(dict.fromkeys(forms))


def fold(text: str) -> str:
    """The text with each accented Latin letter written as its base letter (Unicode compatibility decomposition),
    one character for one, so offsets hold: "Kobanê" -> "Kobane", "İstanbul" -> "Istanbul"."""
    if text.isascii():
        return text
    data = text.encode()  # the UTF-8 lead bytes of those blocks are found far faster than the letters themselves
    if not any(lead in data for lead in _ACCENTED_LEADS):
        return text
    table = _fold_table()
    return _ACCENTED.sub(lambda m: table.get(ord(m.group()), m.group()), text)


@cache
def _fold_table() -> dict[int, str]:
    """The Latin letters with diacritics (U+00C0-U+024F, U+1E00-U+1EFF) and the ASCII letter each decomposes to."""
    table = {}
    for code in (*range(0xC0, 0x250), *range(0x1E00, 0x1F00)):
        base = unicodedata.normalize("NFKD", chr(code))[:1]
        if base.isascii() and base.isalpha():
            table[code] = base
    return table


def _same_case(word: str, like: str) -> str:
    """word written in the case of like (lower, Capitalised or UPPER)."""
    return word.upper() if like.isupper() else word.capitalize() if like[0].isupper() else word


def written_forms(alias: str, person: bool = False) -> list[str]:
    """The ways an alias can be written: its spellings, each with "al-" as al-/al /Al-/Al , capitalised, apostrophe
    variants, ALL CAPS."""
    return list(dict.fromkeys(form for spelling in spellings(alias, person) for form in _written(spelling)))


def _written(alias: str) -> list[str]:
    """One spelling's written forms: "al-" as al-/al /Al-/Al , capitalised, apostrophe variants, ALL CAPS, an acronym
    with a full stop after each letter ("P.U.K." for "PUK", as some house styles write acronyms)."""
    forms = [_PREFIX.sub(lambda m, case=case, sep=sep: case(m.group()[:-1].lower()) + sep, alias)
             for case in (str.lower, str.title) for sep in ("-", " ")] if _PREFIX.search(alias) else [alias]
    forms = [alias, *forms, *(f[0].upper() + f[1:] for f in forms if f[0].islower())]
    if _ACRONYM.fullmatch(alias):
        forms.append("".join(f"{letter}." for letter in alias))
    if "'" in alias:
        forms += [f.replace("'", mark) for f in forms for mark in APOSTROPHES]
    if sum(c.isalpha() for c in alias) > 3:
        forms += [f.upper() for f in forms]
    return list(dict.fromkeys(forms))


class _Entry(NamedTuple):
    """What one written form in the automaton stands for."""

    length: int
    actor_id: str
    kind: str
    alias: str
    metonym_of: str  # set for a capital city: it may stand for this actor's government
    shoutable: bool  # an acronym that is also an English word in capitals ("IS", "US")
    weak: bool = False  # a body's name with its head noun in lower case ("Islamic state"): only beside its other names


class Matcher:
    """Finds catalogue actors in any text: whole words, longest match first, no overlaps."""

    def __init__(self, cat: Catalogue):
        """Build one Aho-Corasick automaton over every written form of every alias and demonym."""
        self.catalogue = cat
        self.actors = {a.actor_id: a for a in cat.actors}
        explicit: dict[str, str] = {}
        for actor in cat.actors:
            for alias in (*actor.aliases, *actor.demonyms):
                other = explicit.setdefault(alias, actor.actor_id)
                if other != actor.actor_id:
                    raise CatalogueError(
                        f"{cat.path.name}: alias {alias!r} belongs to both {other!r} and {actor.actor_id!r}"
                    )
        generated: dict[str, dict[str, _Entry]] = {}  # form -> actor_id -> entry
        for actor in cat.actors:
            named = [(alias, "name") for alias in actor.aliases] + [(d, "demonym") for d in actor.demonyms]
            for alias, kind in named:
                for form in written_forms(alias, actor.type == "person"):
                    entry = _Entry(len(form), actor.actor_id, kind, alias, actor.metonym_of,
                                   alias in cat.caps_ambiguous)
                    by_actor = generated.setdefault(form, {})
                    if form == alias or actor.actor_id not in by_actor:  # an alias labels its own spelling
                        by_actor[actor.actor_id] = entry
        for actor in cat.actors:  # a body's name with its last word in lower case, as some outlets write it
            if actor.type in LOWER_HEAD_TYPES:
                for alias in actor.aliases:
                    head = alias.rsplit(" ", 1)[-1]
                    if " " in alias and head.isalpha() and head[0].isupper() and not head.isupper():
                        form = alias[: -len(head)] + head.lower()
                        generated.setdefault(form, {actor.actor_id: _Entry(len(form), actor.actor_id, "name", alias,
                                                                          "", False, True)})
        for form, by_actor in list(generated.items()):  # each form also without its diacritics, as the text is read
            if not form.isascii():
                for actor_id, entry in by_actor.items():
                    generated.setdefault(fold(form), {}).setdefault(actor_id, entry)
        self.automaton = ahocorasick.Automaton()
        for form, by_actor in generated.items():
            # an alias written exactly so wins; a form only generated for two actors is ambiguous: skipped
            if form in explicit:
                self.automaton.add_word(form, by_actor[explicit[form]])
            elif len(by_actor) == 1:
                self.automaton.add_word(form, next(iter(by_actor.values())))
        self.automaton.make_automaton()

    def find(self, text: str) -> list[Found]:
        """Every actor mention in text as (start, end, actor_id, kind, alias), in text order."""
        found: list[Found] = []
        n = len(text)
        capital = (-1, False)  # end of the last capital city matched, and whether it stood for a government
        weak_ids: set[str] = set()
        weak_at: dict[int, Found | None] = {}  # where a lower-case head was matched, and the shorter match inside
        folded = fold(text)  # "İstanbul", "Kobanê" read as "Istanbul", "Kobane": one character for one
        for end_index, entry in self.automaton.iter_long(folded):
            end = end_index + 1
            start = end - entry[0]
            if start and text[start - 1].isalnum():
                continue  # starts inside a word
            if end < n and text[end] == "$":
                continue  # a dollar's country prefix: "US$7.3 billion", "HK$"
            if end < n and text[end].isalnum():
                end, entry = self._shorter_match(folded, start, end)
                if entry is None:
                    continue
            _, actor_id, kind, alias, metonym_of, shoutable, weak = entry
            if shoutable and _shouted(text, start, end):
                continue
            if weak:  # the longest other form inside stands if the lower-case head does not ("[Fatemiyoun] brigade")
                cut, shorter = self._shorter_match(folded, start, end)
                backup = (start, cut, *shorter[1:4]) if shorter is not None and not shorter.weak else None
                if _INDEFINITE_BEFORE.search(text, max(0, start - 4), start):
                    found += [backup] if backup else []
                    continue  # "an Islamic state": the common noun
                weak_ids.add(actor_id)
                weak_at[start] = backup
            if metonym_of:
                # "in Tehran and Moscow", "between Washington and Moscow": a coordinated capital reads like the first
                joined = capital[0] >= 0 and _COORDINATED.match(text, capital[0], start) is not None
                government = capital[1] if joined else self._stands_for_government(text, start, end)
                capital = (end, government)
                if government:
                    actor_id, kind = metonym_of, "metonym"
            found.append((start, end, actor_id, kind, alias))
        if weak_ids:  # a lower-case head counts where the text also names the body otherwise
            named = {f[2] for f in found if f[0] not in weak_at}
            kept = (f if f[0] not in weak_at or f[2] in named else weak_at[f[0]] for f in found)
            found = [f for f in kept if f is not None]
        return found

    def _shorter_match(self, text: str, start: int, end: int) -> tuple[int, _Entry | None]:
        """The longest written form that starts at start and ends on a word boundary before end, if any."""
        for cut in range(end - 1, start, -1):
            if not text[cut].isalnum() and text[cut - 1] != " ":
                entry = self.automaton.get(text[start:cut], None)
                if entry is not None:
                    return cut, entry
        return end, None

    def _stands_for_government(self, text: str, start: int, end: int) -> bool:
        """True when a capital stands for its government: not after a locative word, "-based" or a dateline, nor
        owning a part of the city ("Beirut's southern suburbs", "Riyadh's King Khalid International Airport"; the
        owned noun phrase ends at a function word: "Tehran's support for the airport plan" is the government's)."""
        after = text[end:end + 6]
        if after[:1] in "'’" and after[1:2] == "s":
            part = _CITY_PART.match(text, end + 2, end + 60)
            words = part.group(1).lower().split() if part else []
            phrase = words[:next((i for i, w in enumerate(words) if w in _FUNCTION_WORDS), len(words))]
            nouns = self.catalogue.place_nouns  # the noun phrase it owns ends before a function word
            return not any(w in nouns or w[:-1] in nouns for w in phrase)
        if after.startswith("-based") or self._place_apposition(text, end):
            return False
        line_start = text.rfind("\n", 0, start) + 1
        at_line_start = not text[line_start:start].strip()
        if at_line_start and (after.lstrip(" ")[:1] in (",", ":", "\n", "") or text[start:end].isupper()) \
                and not _LISTED_WITH.match(text, end):
            return False  # a dateline or place line: "TEHRAN, Sep. 05 (MNA) –", "Baghdad : ...", "Washington, DC"
        if (m := _PLACES_DATELINE.match(text, line_start)) and m.end() >= end:
            return False  # one of the places a story is filed from: "Erbil, Baghdad, London– ..."
        named = _NAMED_PART.match(text, end)  # "Baghdad International Airport": the city's named place
        if named and named.group(1).lower().rstrip("s") in self.catalogue.place_nouns:
            return False
        role = _ROLE.match(text, end)
        if role and role.group(1).title() in self.catalogue.titles:
            return False  # the city's official: "Kabul police chief", "the Baghdad provincial governor"
        if (author := _AUTHORED.search(text, max(0, start - 40), start)) and author.group(1).lower() in _cue_nouns():
            return True  # who made a statement: "statements from Damascus", "a warning from Moscow"
        word = _LAST_WORD.search(text[max(0, start - 24):start])
        return not (word and word.group(1).lower() in self.catalogue.locative_words
                    or _INDEFINITE_BEFORE.search(text, max(0, start - 4), start))

    def _place_apposition(self, text: str, end: int) -> bool:
        """True when a noun phrase in apposition after a capital names a place ("over Damascus, the capital", "Kabul,
        a city of five million"): its words up to a function word hold a place noun."""
        m = _APPOSITION.match(text, end)
        words = m.group(1).lower().split() if m else []
        phrase = words[:next((i for i, w in enumerate(words) if w in _FUNCTION_WORDS), len(words))]
        nouns = self.catalogue.place_nouns
        return any(w in nouns or w[:-1] in nouns for w in phrase)


@cache
def _cue_nouns() -> frozenset[str]:
    """The nouns of statements (reporting_verbs.yaml, cue_nouns) but those that also name news filed from a place
    (filed_nouns), singular and plural."""
    from analysis.stages.parse import plural, reporting_lexicon  # the parse imports this module for its prefilter

    raw = reporting_lexicon()
    nouns = {n for group in raw["cue_nouns"].values() for n in group} - set(raw["filed_nouns"])
    return frozenset(f for n in nouns for f in (n, plural(n)))


def _shouted(text: str, start: int, end: int, window: int = 40) -> bool:
    """True when the text around a span on its line is written in capitals (so "IS" may be the verb)."""
    line_start = text.rfind("\n", max(0, start - window), start) + 1 or max(0, start - window)
    line_end = text.find("\n", end, end + window)
    return (text[line_start:start] + text[end:line_end if line_end >= 0 else end + window]).isupper()


def matcher(path: Path | str | None = None) -> Matcher:
    """The (cached) matcher for a catalogue file; without one, the package's merged with the analyst's."""
    return _matcher(*catalogue_files(path))


@lru_cache(maxsize=4)
def _matcher(path: Path, user: Path | None) -> Matcher:
    """The matcher for the catalogue these files make."""
    return Matcher(read_catalogue(path, user))


def find_actors(text: str) -> list[tuple[int, int, str, str]]:
    """(start, end, actor_id, kind) of every catalogue actor named in any string, in text order."""
    return [found[:4] for found in matcher().find(text)]


def doc_mentions(doc_id: str, text: str, sentences: Mapping, match: Matcher | None = None) -> dict[str, list]:
    """The catalogue mentions in one document as columns (MENTION_COLUMNS), each with its sentence and body flag.

    `sentences` holds that document's sentences in text order: a DataFrame, or a mapping of arrays,
    with columns start, sent_id and in_body.
    """
    match = match or matcher()
    return _columns(doc_id, text, sentences, [(*f, match.actors[f[2]].type) for f in match.find(text)])


def _columns(doc_id: str, text: str, sentences: Mapping, found: list[tuple[int, int, str, str, str, str]]
             ) -> dict[str, list]:
    """Mentions (start, end, actor_id, kind, alias, type) in text order as columns, with sentence and body flag."""
    if not found:
        return {c: [] for c in MENTION_COLUMNS}
    starts, ends, actor_ids, kinds, aliases, types = zip(*found)
    sent_starts = np.asarray(sentences["start"])
    if len(sent_starts):
        idx = locate(sent_starts, starts)
        sent_ids = np.asarray(sentences["sent_id"])[idx]
        in_body = np.asarray(sentences["in_body"])[idx]
    else:  # a document without sentences: its mentions are kept, outside any sentence
        sent_ids, in_body = [-1] * len(found), [False] * len(found)
    return {
        "doc_id": [doc_id] * len(found), "sent_id": sent_ids, "start": starts, "end": ends,
        "surface": [text[s:e] for s, e in zip(starts, ends)],
        "actor_id": actor_ids, "kind": kinds, "in_body": in_body, "alias": aliases, "type": types,
    }


def _sentences_by_doc(corpus: Corpus) -> dict[str, dict[str, np.ndarray]]:
    """Each document's sentence columns as arrays (cheap to slice, unlike DataFrames)."""
    sents = corpus.sentences.sort_values(["doc_id", "start"], kind="stable")
    doc_ids = sents["doc_id"].to_numpy()
    columns = {c: sents[c].to_numpy() for c in ("start", "end", "sent_id", "in_body", "kind")}
    bounds = np.flatnonzero(doc_ids[1:] != doc_ids[:-1]) + 1
    edges = [0, *bounds.tolist(), len(sents)]
    return {
        doc_ids[a]: {c: values[a:b] for c, values in columns.items()}
        for a, b in zip(edges[:-1], edges[1:]) if b > a
    }


def names_wanted(text: str, sentences: list[tuple[int, int]], kinds: list[str],
                 covered: list[tuple[int, int]] | None = None) -> list[bool]:
    """Which of a document's sentences ((start, end) in text order, with their kinds) the entity recogniser must
    read for actors the catalogue lacks: running text with a capitalised word outside every catalogue name
    (`covered`: the sorted (start, end) spans of the text's catalogue mentions, found here if not given) that
    fewer than READINGS earlier chosen sentences hold (the parse prefilter's test for names). Every occurrence of a
    name the recogniser found once is a mention (analysis.stages.unlisted), so a name needs not be read each time."""
    match = matcher()
    skip = match.catalogue.titles | match.catalogue.not_names
    spans = sorted((f[0], f[1]) for f in match.find(text)) if covered is None else covered
    bounds = ([a for a, _ in spans], [b for _, b in spans])  # made once: a long document has many sentences
    read: Counter[str] = Counter()
    chosen = []
    for (start, end), kind in zip(sentences, kinds):
        words = unlisted.unknown_words(text, start, end, bounds, skip) if kind in unlisted.ENTITY_KINDS else set()
        take = any(read[w] < READINGS for w in words)
        read.update(words if take else ())
        chosen.append(take)
    return chosen


def mentions(corpus: Corpus, parses: "Parses | None" = None, match: Matcher | None = None) -> pd.DataFrame:
    """Every actor mention in the corpus, one row each (MENTION_COLUMNS), sorted by doc_id and start: catalogue
    names, and the names of actors it lacks that the parse's entity recogniser finds (actor_id `unlisted:<slug>`).

    `parses` is the build's parse (analysis.stages.parse); without it the corpus is parsed here.
    """
    if parses is None:
        from analysis.stages.parse import parses as parse_corpus  # the parse imports this module for its prefilter

        parses = parse_corpus(corpus)
    match = match or matcher()
    types = {a.actor_id: a.type for a in match.catalogue.actors}
    by_doc = _sentences_by_doc(corpus)
    empty = {c: np.empty(0, dtype=np.int64) for c in ("start", "end", "sent_id", "in_body", "kind")}
    columns: dict[str, list] = {c: [] for c in MENTION_COLUMNS}
    for doc_id in sorted(corpus.texts):  # each document's mentions come in text order
        text, sents = corpus.texts[doc_id], by_doc.get(doc_id, empty)
        where = dict(zip(sents["sent_id"].tolist(), zip(sents["kind"], sents["end"].tolist())))
        ents = [ent for p in parses.named(doc_id)
                if where[p.sent_id][0] in unlisted.ENTITY_KINDS
                and not unlisted.headline_case(text, p.start, where[p.sent_id][1])
                for ent in unlisted.entities(p)]
        found = match.find(text)
        new, dropped = unlisted.doc_unlisted(text, sents, found, ents, match.catalogue, types)
        rows = [(*f, types[f[2]]) for i, f in enumerate(found) if i not in dropped]
        rows += [(u.start, u.end, u.actor_id, "name", u.alias, u.type) for u in new]
        batch = _columns(doc_id, text, sents, sorted(rows))
        for name, values in batch.items():
            columns[name].extend(values)
    return pd.DataFrame({name: _typed(values, MENTION_DTYPES[name]) for name, values in columns.items()})


def _typed(values: list, dtype: str) -> np.ndarray | pd.api.extensions.ExtensionArray:
    """A column of values as an array of dtype (building str columns from object arrays is the fast way)."""
    if dtype == "str":
        return pd.array(np.array(values, dtype=object), dtype="str")
    return np.array(values, dtype=dtype)


# ---------------------------------------------------------------------------------------------
# Names the catalogue does not know
# ---------------------------------------------------------------------------------------------

CANDIDATE_COLUMNS = ["actor_id", "name", "type", "count", "n_docs", "doc_id", "sent_id", "start", "end", "sentence"]


def candidates(corpus: Corpus, mentions: pd.DataFrame) -> pd.DataFrame:
    """The actors the catalogue lacks (unlisted mentions), named in most documents and most often first, each with
    its longest name, type and the first place that name is written: what an analyst might add to the catalogue."""
    found = mentions[mentions["actor_id"].str.startswith(unlisted.PREFIX)]
    if found.empty:
        return pd.DataFrame({c: pd.Series(dtype="int64" if c in ("count", "n_docs", "sent_id", "start", "end")
                                          else "str") for c in CANDIDATE_COLUMNS})
    names = catalogue_for(found).set_index("actor_id")
    stats = found.groupby("actor_id").agg(count=("doc_id", "size"), n_docs=("doc_id", "nunique"))
    written = found["surface"].str.split().str.join(" ")
    first = found[written == found["actor_id"].map(names["name"])].drop_duplicates("actor_id").set_index("actor_id")
    sents = corpus.sentences.set_index(["doc_id", "sent_id"])["text"]
    result = stats.join(names).join(first[["doc_id", "sent_id", "start", "end"]]).reset_index()
    result["sentence"] = [sents.get((d, i), "") for d, i in zip(result["doc_id"], result["sent_id"])]
    result = result[CANDIDATE_COLUMNS].sort_values(["n_docs", "count", "name"], ascending=[False, False, True],
                                                  ignore_index=True)
    return result.astype({c: "str" for c in ("actor_id", "name", "type", "doc_id", "sentence")})


# ---------------------------------------------------------------------------------------------
# Analyses: how often, under which names, with whom, by whom only (body text only)
# ---------------------------------------------------------------------------------------------


def _body_mentions(corpus: Corpus, table: pd.DataFrame | None) -> pd.DataFrame:
    """Body-text mentions with the document's short name and the actor's name and type joined on."""
    table = mentions(corpus) if table is None else table
    names = catalogue_for(table)
    body = table[table["in_body"]].drop(columns="type", errors="ignore")
    body = body.merge(corpus.documents[["doc_id", "short_name"]], on="doc_id", how="left")
    return body.merge(names, on="actor_id", how="left")


def catalogue_for(table: pd.DataFrame) -> pd.DataFrame:
    """actor_id, name and type of the actors in a mentions table: the catalogue's, or for an actor it lacks the
    longest name it is written under and the type the parse gave it."""
    actors = matcher().actors
    ids = sorted(set(table["actor_id"]))
    found = table[~table["actor_id"].isin(actors)]
    written = found["surface"].str.split().str.join(" ")
    longest = found.assign(name=written, length=written.str.len()).sort_values(
        ["length", "name"], ascending=[False, True]).drop_duplicates("actor_id").set_index("actor_id")
    return pd.DataFrame({
        "actor_id": pd.Series(ids, dtype="str"),
        "name": pd.Series([actors[i].name if i in actors else longest.at[i, "name"] for i in ids], dtype="str"),
        "type": pd.Series([actors[i].type if i in actors else longest.at[i, "type"] if "type" in longest else ""
                           for i in ids], dtype="str"),
    })


def mention_counts(corpus: Corpus, table: pd.DataFrame | None = None) -> pd.DataFrame:
    """Body mentions of each actor in each document: count and rate per 1,000 body words (0 where absent)."""
    body = _body_mentions(corpus, table)
    docs = corpus.documents[["doc_id", "short_name", "n_words"]]
    actors = body[["actor_id", "name", "type"]].drop_duplicates()
    grid = docs.merge(actors, how="cross")
    counts = body.groupby(["doc_id", "actor_id"]).size().rename("mentions").reset_index()
    result = grid.merge(counts, on=["doc_id", "actor_id"], how="left").fillna({"mentions": 0})
    result["mentions"] = result["mentions"].astype("int64")
    words = result["n_words"].where(result["n_words"] > 0)
    result["per_1000_words"] = (1000 * result["mentions"] / words).round(2).fillna(0.0)
    columns = ["doc_id", "short_name", "actor_id", "name", "type", "mentions", "n_words", "per_1000_words"]
    return result[columns].sort_values(["actor_id", "doc_id"], ignore_index=True)


def naming_choices(corpus: Corpus, table: pd.DataFrame | None = None, min_names: int = 2) -> pd.DataFrame:
    """For actors named (kind "name") under at least min_names aliases: each outlet's uses of each alias, as shares."""
    body = _body_mentions(corpus, table)
    named = body[body["kind"] == "name"]
    n_aliases = named.groupby("actor_id")["alias"].nunique()
    named = named[named["actor_id"].isin(n_aliases[n_aliases >= min_names].index)]
    counts = named.groupby(["short_name", "actor_id", "name", "alias"]).size().rename("mentions").reset_index()
    totals = counts.groupby(["short_name", "actor_id"])["mentions"].transform("sum")
    counts["share"] = (counts["mentions"] / totals).round(3)
    return counts.sort_values(["actor_id", "short_name", "mentions", "alias"], ascending=[True, True, False, True],
                              ignore_index=True)


def _pairs(body: pd.DataFrame, keys: list[str]) -> pd.DataFrame:
    """One row per sentence and unordered pair of different actors named in it, with keys kept."""
    actors = body[[*keys, "sent_id", "actor_id"]].drop_duplicates()
    pairs = actors.merge(actors, on=[*keys, "sent_id"], suffixes=("_a", "_b"))
    return pairs[pairs["actor_id_a"] < pairs["actor_id_b"]].rename(
        columns={"actor_id_a": "actor_a", "actor_id_b": "actor_b"})


def cooccurrence(corpus: Corpus, table: pd.DataFrame | None = None, per_doc: bool = False) -> pd.DataFrame:
    """Pairs of actors named in one body sentence: sentences (and documents) they share, overall or per document."""
    body = _body_mentions(corpus, table)
    pairs = _pairs(body, ["doc_id", "short_name"])
    if per_doc:
        result = pairs.groupby(["doc_id", "short_name", "actor_a", "actor_b"]).size().rename("sentences").reset_index()
        order = ["doc_id", "sentences", "actor_a", "actor_b"]
        ascending = [True, False, True, True]
    else:
        result = pairs.groupby(["actor_a", "actor_b"]).agg(
            sentences=("sent_id", "size"), documents=("doc_id", "nunique")).reset_index()
        order, ascending = ["sentences", "actor_a", "actor_b"], [False, True, True]
    names = catalogue_for(body).set_index("actor_id")["name"]
    result["name_a"] = result["actor_a"].map(names)
    result["name_b"] = result["actor_b"].map(names)
    return result.sort_values(order, ascending=ascending, ignore_index=True)


def unique_to_one_outlet(corpus: Corpus, table: pd.DataFrame | None = None) -> pd.DataFrame:
    """Actors named in the body text of only one outlet (short_name), with their mention count and surfaces."""
    body = _body_mentions(corpus, table)
    outlets = body.groupby("actor_id")["short_name"].nunique()
    only = body[body["actor_id"].isin(outlets[outlets == 1].index)]
    result = only.groupby(["short_name", "actor_id", "name", "type"]).agg(
        mentions=("surface", "size"),
        surfaces=("surface", lambda s: "; ".join(sorted(set(s)))),
    ).reset_index()
    return result.sort_values(["short_name", "mentions", "actor_id"], ascending=[True, False, True], ignore_index=True)


def contexts(corpus: Corpus, table: pd.DataFrame | None = None, width: int = 70) -> pd.DataFrame:
    """Each body mention with its sentence, split into left context, mention and right context (at most width chars)."""
    body = _body_mentions(corpus, table)
    sents = corpus.sentences[["doc_id", "sent_id", "start", "end", "text"]].rename(
        columns={"start": "sent_start", "end": "sent_end", "text": "sentence"})
    rows = body.merge(sents, on=["doc_id", "sent_id"], how="left")
    texts = corpus.texts
    rows["left"] = [
        _clip_left(texts[d][s:m], width) for d, s, m in zip(rows["doc_id"], rows["sent_start"], rows["start"])
    ]
    rows["right"] = [
        _clip_right(texts[d][m:e], width) for d, m, e in zip(rows["doc_id"], rows["end"], rows["sent_end"])
    ]
    columns = ["doc_id", "short_name", "sent_id", "start", "end", "actor_id", "name", "kind", "left", "surface", "right",
               "sentence"]
    return rows[columns].sort_values(["actor_id", "doc_id", "start"], ignore_index=True)


def _clip_left(text: str, width: int) -> str:
    """The last width characters of text, with an ellipsis when cut; line breaks as spaces."""
    text = text.replace("\n", " ")
    return text if len(text) <= width else "…" + text[-(width - 1):]


def _clip_right(text: str, width: int) -> str:
    """The first width characters of text, with an ellipsis when cut; line breaks as spaces."""
    text = text.replace("\n", " ")
    return text if len(text) <= width else text[:width - 1] + "…"
