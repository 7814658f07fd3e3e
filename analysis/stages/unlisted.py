"""Actors the catalogue lacks: names the parse's entity recogniser finds, as mentions with stable ids, a type and
their own short forms ("Doe" after "Jane Doe", "KIG" after "Kurdistan Islamic Group (KIG)")."""

import re
import unicodedata
from bisect import bisect_left
from collections import Counter
from collections.abc import Iterator, Mapping
from functools import cache
from typing import NamedTuple

import pandas as pd

from analysis.lexicon import data_yaml, grammar, name_particles, one_of, tagged, words
from analysis.stages.catalogue import Actor, Catalogue
from analysis.stages.parse import Parsed, nlp

PREFIX = "unlisted:"
# spaCy's OntoNotes entity labels that name an actor or a place, and the catalogue type each becomes (FAC, tried,
# took "International Law" for a building in a seed). NORP
# (nationalities, religions: "Arab", "Sunni") is left out: such words are peoples or demonyms, not named actors.
ENTITY_TYPES = {"PERSON": "person", "ORG": "organization", "GPE": "place", "LOC": "place"}
CUE = "CUE"  # the label of a place a noun of place introduces (_cue_places); read as a place
# Sentences whose entities are read: running text (a headline in title case misleads the recogniser; a link's title
# and page code are other pages' text, where names found elsewhere are still linked).
ENTITY_KINDS = frozenset({"body", "standfirst"})
# Furniture that names writers, commenters or owners, not actors: no unlisted actor is found there.
NO_ACTOR_KINDS = frozenset({"byline", "author", "author_bio", "credits", "comments", "share", "promo", "tags",
                             "advert", "about", "licence", "navigation"})
# A catalogue name inside a longer unknown name stops counting when it only qualifies that name: a state,
# place, people, outlet or operation ("[Russian] Foreign Ministry", "[Tehran] Times", "the [U.S.] Institute of Peace").
QUALIFIER_TYPES = frozenset({"state", "place", "people", "media", "operation"})
# ... unless the rest of the name only says "its government" ("the Government of Iraq" is Iraq).
SELF_WORDS = words("state_self_words.txt")
# Words that join a name's capitalised words: connectors ("Institute of Peace") and name particles ("bin", "al").
# words that never start a name, even capitalised at a sentence's start ("After [the City Council]", "When ...")
FUNCTION_WORDS = frozenset(data_yaml("reporting_verbs.yaml")["function_words"])
CONNECTORS = words("name_connectors.txt") | name_particles()[0] | name_particles()[1]
_PREFIX = re.compile(rf"^{one_of(name_particles()[1])}-")  # "al-", "el-"
_ANY_PREFIX = re.compile(rf"^(?i:{one_of(name_particles()[1])})-")  # "al-", "Al-", "El-"
_PARTICLE_WORDS = name_particles()[0] | name_particles()[1]  # "bin", "de", "al" written apart
# The types of a body that the document may call by its head noun alone ("the Observatory").
BODY_TYPES = frozenset({"organization", "armed_group", "media"})
# Determiners before an entity that make it a common phrase ("your Armed Forces", "a senior Iranian Military General").
OWNING = grammar("owning_determiners")
_DEFINITE = tagged("grammar.yaml", "articles", "definite")
_ARTICLE = re.compile(rf"^{one_of(f(w) for w in _DEFINITE for f in (str.lower, str.title, str.upper))}\s+")
_POSSESSIVE = re.compile(r"['’]s?$")
_OWNER = re.compile(r"['’]s\s+(?=[A-Z])")  # a possessive inside an entity: "Iran’s Foreign Ministry", "TRT World's X"
_WORDS = re.compile(r"[\w'’.-]+")
_ACRONYM = re.compile(r"\s*\(([A-Z]{2,6})\)")  # an acronym in brackets after a name: "Kurdistan Islamic Group (KIG)"
_ACRONYM_AFTER = re.compile(r"(?<=[\w.])\s*\(([A-Z]{2,6})s?\)")  # "(IAF)", a plural's "(UAVs)"
_APOSTROPHE = re.compile(r"['’]")
_CLOSED = re.compile(r"[a-z)][.!?][\"'”’)]*\s*$")  # a sentence's closing stop after a word
_LOWER_WORD = re.compile(r"\b[a-z][a-z'’-]+\b")
_WORD_BEFORE = re.compile(r"(?<![\w.,;:!?])([\w'’-]+) $")  # a word and one space right before a position
# A compound adjective of a name and a participle or adjective ("US-backed", "Britain-based", "Iran-allied"), which
# the recogniser may read into the name it qualifies.
_COMPOUND_ADJECTIVE = re.compile(r"[\w.'’]+(?:-[\w.'’]+)*-[a-z]+\s+")
_ORDINAL = re.compile(r"\d+(?:st|nd|rd|th)$")  # "5th Legion", "18th Tank Division": a unit's number
# A name before or after a noun of place ("the village of Bergen", "Debs district", "the al-Bab, Bzagah and Tadif
# districts"): a place even where the recogniser misses it.
# Romanisations (spelling.yaml): the article's forms, and the letter groups written for one sound.
_ROMAN = data_yaml("spelling.yaml")
_ARABIC_ARTICLE = frozenset(_ROMAN["arabic_article"])
_LETTER_GROUPS = [*_ROMAN["romanisation_digraphs"], *_ROMAN["romanisation_vowels"]]
_DIGRAPHS = re.compile("|".join(sorted((a for a, _ in _LETTER_GROUPS), key=len, reverse=True)))
_DIGRAPH = dict(map(tuple, _LETTER_GROUPS))
# An article-joined word right after a name, the second noun of an Arabic construct ("Akhrar [ash-Sham]", "Jisr[-ash-
# Shugura]").
_ARTICLE_WORD = re.compile(rf"[ -](?i:{one_of(_ARABIC_ARTICLE)})-[A-Z][\w'’]+")
# A capitalised noun and an article-joined one: an Arabic construct ("Jaish al-Fath").
_CONSTRUCT = re.compile(rf"(?<![\w'’.-])[A-Z][a-z]+ (?:{one_of(name_particles()[1])})-[A-Z][\w'’]*\w")
_NAME = r"(?:(?:[Aa]l|[Ee]l)-)?[A-Z][\w'’-]+(?: (?:(?:[Aa]l|[Ee]l)-)?[A-Z][\w'’-]+){0,2}"
_NAMES = rf"{_NAME}(?:, {_NAME})*(?:,? and {_NAME})?"


class Entity(NamedTuple):
    """A named entity from the parse, in document offsets."""

    start: int
    end: int
    label: str
    generic: bool  # "your Armed Forces", "a senior Iranian Military General", a single word modifying a common
    # noun ("Toyota pickups"): no actor


class Unlisted(NamedTuple):
    """A mention of an actor the catalogue lacks."""

    start: int
    end: int
    actor_id: str
    type: str
    alias: str


def entities(parsed: Parsed) -> list[Entity]:
    """The actor-like entities of a sentence, in document offsets (through the parse's whitespace shifts); a single
    word that modifies a common noun is told only where the sentence has a dependency parse."""
    doc, found = parsed.doc, []
    ents = list(doc.ents)
    for i, ent in enumerate(ents):
        if ent.label_ not in ENTITY_TYPES or _given_name_of(ent, ents[i - 1] if i else None):
            continue
        start, end = parsed.span(ent)
        label = ent.label_
        if (after := ents[i + 1] if i + 1 < len(ents) else None) is not None and _given_name_of(after, ent):
            end, label = parsed.span(after)[1], "PERSON"
        before = doc[ent.start - 1] if ent.start else None
        owned = before is not None and before.lower_ in OWNING
        modifier = parsed.parsed and len(ent) == 1 and ent.root.dep_ in ("compound", "amod") and ent.root.head.pos_ == "NOUN"
        found.append(Entity(start, end, label, owned or modifier))
    return found


def _given_name_of(person, before) -> bool:
    """Whether the entity before a person's name is one proper noun right against it that the recogniser read as a
    place or body: the person's given name ("[Rawhi] [Rashid Sawafta]")."""
    return (before is not None and person.label_ == "PERSON" and before.end == person.start and len(before) == 1
            and before.label_ in ("GPE", "ORG", "LOC") and before.root.tag_ == "NNP" and before.root.whitespace_ == " ")


def slug(name: str) -> str:
    """A stable id for a name: ASCII, lower case, words joined by hyphens ("U.S. Institute of Peace" ->
    "unlisted:us-institute-of-peace")."""
    ascii_name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode().replace(".", "")
    return PREFIX + "-".join(re.findall(r"[a-z0-9]+", ascii_name.lower().replace("'", "")))


def unknown_words(text: str, start: int, end: int, covered: tuple[list[int], list[int]], skip: frozenset[str]
                  ) -> set[str]:
    """The capitalised words of a sentence (not its first; a name particle before the capital, "al-Juburi", counted)
    outside every catalogue mention (`covered`: the mentions' starts and ends, sorted by start), not a title or
    month and not a function word capitalised where a clause opens ("DAVIS: All right.", '"We are', "He wrote: It",
    "I'll"; "WHO" in capitals may be a name); none for a sentence in title case like a headline (which misleads the
    recogniser): what the entity recogniser may find actors in."""
    if headline_case(text, start, end):
        return set()
    starts, ends = covered
    found = set()
    for m in _WORDS.finditer(text, start, end):
        word = m.group()
        if not word[0].isupper() and ("-" not in word or not _PREFIX.sub("", word)[:1].isupper()):
            continue  # "al-Juburi" is capitalised after its particle
        if m.start() == start or word.rstrip(".") in skip:
            continue
        base = _APOSTROPHE.split(word.rstrip("."), 1)[0]
        if (len(base) == 1 or base[1:].islower()) and base.lower() in FUNCTION_WORDS:
            continue
        i = bisect_left(ends, m.start() + 1)  # the first mention ending after the word starts
        if not (i < len(starts) and starts[i] <= m.start()):
            found.add(word)
    return found


def headline_case(text: str, start: int, end: int) -> bool:
    """Whether most words of text[start:end] are capitalised and it takes no full stop, as in a headline (a sentence
    listing titled names, "Chancellor George Osborne, Home Secretary Theresa May ... stay in post.", is prose)."""
    words = _WORDS.findall(text, start, end)
    closed = _CLOSED.search(text, start, end) is not None
    return not closed and sum(w[:1].isupper() for w in words) > 0.6 * len(words)


def _clean(text: str, ent: Entity, titles: frozenset[str], lower_words: set[str]) -> tuple[int, int]:
    """The name inside an entity span: without a leading article, a possessive or trailing marks; a person without
    titles; an organisation widened to capitalised words the recogniser left off its start ("[Dayr Az] Zawr
    Military Council")."""
    start, end = ent.start, ent.end
    if ent.label == "ORG":
        while m := _WORD_BEFORE.search(window := text[max(0, start - 40):start]):
            ordinal = _ORDINAL.match(m.group(1))
            if not (m.group(1)[:1].isupper() or ordinal) or m.group(1).lower() in lower_words | FUNCTION_WORDS:
                break
            start -= len(window) - m.start(1)
            if ordinal:
                break
    while True:
        piece = text[start:end]
        m = _ARTICLE.match(piece)
        if m:
            start += m.end()
            continue
        m = _COMPOUND_ADJECTIVE.match(piece)  # "[US-backed] Syria Democratic Forces": an adjective, no name's word
        if m and m.end() < len(piece):
            start += m.end()
            continue
        first = re.match(r"[\w-]+\.?", piece)
        if ent.label == "PERSON" and first and first.group().rstrip(".") in titles and first.end() < len(piece):
            start += first.end()
            start += len(text[start:end]) - len(text[start:end].lstrip())
            continue
        break
    piece = text[start:end]
    for m in _OWNER.finditer(piece):  # a possessive ends a name: what follows is the owner's, a name of its own
        start += m.end()
        piece = text[start:end]
        break
    trimmed = _POSSESSIVE.sub("", piece.rstrip(" \t\n,;:.)(\"“”")) if piece else piece
    return start, start + len(trimmed.rstrip())


def _titled_person(text: str, ent: Entity, found: list[tuple[int, int, str, str, str]], types: Mapping[str, str],
                   titles: frozenset[str]) -> Entity:
    """A person the recogniser labelled an organisation: a span that opens with titles and goes on with a given name
    before a catalogued person's family name ("[Brigadier General Ramezan Sharif]" as ORG) names someone, as the
    titles say (the AP Stylebook capitalises formal titles before a name), so it is read as a person's name (its
    titles left off, and another given name than the catalogued person's makes it another person: `_extends`)."""
    if ent.label != "ORG":
        return ent
    words = text[ent.start : ent.end].split()
    titled = next((i for i, w in enumerate(words) if w.rstrip(".") not in titles), len(words))
    family = any(f[1] == ent.end and types.get(f[2]) == "person" and ent.start < f[0] for f in found)
    return ent._replace(label="PERSON") if titled and len(words) - titled >= 2 and family else ent


def _after_title(text: str, start: int, titles: frozenset[str]) -> bool:
    """Whether a span follows "<title> of" ("Secretary of [State]", "Minister of [Defence]"): part of a title."""
    m = re.search(r"([A-Z][\w-]*)\s+of\s+$", text[max(0, start - 40):start])
    return bool(m) and m.group(1) in titles


def _is_name(name: str, lower_words: set[str], skip: frozenset[str], last_words: frozenset[str] | None = None) -> bool:
    """Whether a cleaned span reads as a proper name: every word capitalised but connectors, not ending in a title
    or month ("Military General"; `last_words`: the words no name ends in, skip's by default), not two names joined by
    "and" or a comma, not on several lines, and not made only of words the document also writes in lower case or
    skip holds ("Armed Forces")."""
    words = name.split()
    last = words[-1].rstrip(".") if words else ""
    if not words or "\n" in name or sum(c.isalpha() for c in name) < 2 \
            or {last, last.title(), *last.split("-")} & (skip if last_words is None else last_words) \
            or "and" in words or "," in name:
        return False
    for word in words[1:]:
        if word.lower() not in CONNECTORS and not _PREFIX.sub("", word)[:1].isupper():
            return False
    if not (_PREFIX.sub("", words[0])[:1].isupper() or (_ORDINAL.match(words[0]) and len(words) > 1)):
        return False
    plain = [w.strip(".,") for w in words if w.lower() not in CONNECTORS]
    generic = all(w.lower() in lower_words or w in skip for w in plain)  # "Armed Forces", "Special Forces"
    return not generic and name.lower() not in _epithets()


def _common_noun(word: str) -> bool:
    """Whether a word is an English common noun (WordNet's noun index, shipped with the spaCy model's lemmatizer):
    "Coalition", "Army", "Toyota", "Sunni" alone are no actor's name."""
    return word.lower() in _nouns() or any(c.isdigit() for c in word)


@cache
def _nouns() -> frozenset[str]:
    """WordNet's noun lemmas, from the pipeline's lemmatizer lookups."""
    return frozenset(nlp().get_pipe("lemmatizer").lookups.get_table("lemma_index")["noun"])


@cache
def _epithets() -> frozenset[str]:
    """What texts call a side rather than name it ("Takfiri", "Kharijites"): the epithet lexicon, lower case."""
    # imported late: vocabulary reads actors' mentions
    from analysis.stages.vocabulary import epithet_lexicon

    return frozenset(phrase.lower() for phrases in epithet_lexicon().values() for phrase in phrases)


def _generic(name: str) -> bool:
    """Whether a name of several words is made of English common nouns only ("Security Council", "Defense
    Department"): a description any body may bear."""
    words = name.split()
    return len(words) > 1 and all(_common_noun(w) for w in words)


def _absorbs(inner: list[tuple[int, int, str, str]], text: str, start: int, end: int,
             types: Mapping[str, str]) -> bool:
    """Whether an unknown name swallows the catalogue names inside it: all of them only qualify it, or, ending it, are
    a body's name made of common nouns that the words before make another body's ("Kurdistan Regional [Security
    Council]" is no UN body), and the rest of the name is more than "government"."""
    if not all(kind in ("demonym", "metonym") or types.get(actor) in QUALIFIER_TYPES  # a capital: "[Brussels] Press Club"
               or (b == end and types.get(actor) in BODY_TYPES and _generic(text[a:b])) for a, b, actor, kind in inner):
        return False
    rest, pos = [], start
    for a, b, _, _ in inner:
        rest.append(text[pos:a])
        pos = b
    rest.append(text[pos:end])
    words = " ".join(rest).lower().split()
    return bool(words) and not all(w.strip(".,'’s") in SELF_WORDS for w in words)


def doc_unlisted(text: str, sentences: pd.DataFrame, found: list[tuple[int, int, str, str, str]],
                 ents: list[Entity], cat: Catalogue, types: Mapping[str, str]) -> tuple[list[Unlisted], set[int]]:
    """The unlisted actors' mentions in one document, and the indexes of catalogue mentions they swallow.

    `sentences` has the document's start, end and kind columns; `found` the catalogue mentions (start, end,
    actor_id, kind, alias) in text order; `ents` the parse's entities in document offsets.
    """
    skip = cat.titles | cat.not_names
    last_words = skip - _body_heads(cat)  # no name ends in these; a body's head noun may ("Libyan National Army")
    lower_words = set(_LOWER_WORD.findall(text))
    defined, common = _defined_names(text, sentences)
    constructs = [c for c in _construct_names(text, sentences) if not any(e.start < c.end and c.start < e.end
                                                                          for e in (*ents, *defined))]
    ents = [*(e for e in ents if not any(d.start <= e.start and e.end <= d.end and e != d for d in defined)),
            *defined, *constructs, *_cue_places(text, sentences, cat.place_nouns), *_sources(text, sentences)]
    spans = [(f[0], f[1]) for f in found]
    starts, ends = [a for a, _ in spans], [b for _, b in spans]
    names: dict[tuple[int, int], tuple[str, str]] = {}  # (start, end) -> (name, type)
    dropped: set[int] = set()
    absorbing: set[str] = set()  # names that swallow the catalogue names inside them ("[Russian] Foreign Ministry")
    variants: dict[str, str] = {}  # catalogued names written in another romanisation -> their actor
    for ent in ents:
        if ent.generic:
            continue
        ent = _titled_person(text, ent, found, types, cat.titles)
        start, end = _clean(text, ent, cat.titles, lower_words)
        if (m := _ARTICLE_WORD.match(text, end)) and not any(a < m.end() and m.start() < b for a, b in spans):
            end = m.end()  # the construct's second noun the recogniser left off: "Akhrar [ash-Sham]"
        if start >= end or "\n" in text[start:end] or _after_title(text, start, cat.titles):
            continue
        name = " ".join(text[start:end].split())
        if (actor := _catalogued_variant(name, cat)) and (start, end) not in spans:
            inner = [i for i, (a, b) in enumerate(spans) if a < end and start < b]
            if all(start <= spans[i][0] and spans[i][1] <= end and found[i][2] == actor for i in inner):
                variants[name] = actor  # "Baschar al-Assad" is Bashar al-Assad, romanised another way
                dropped.update(inner)
                absorbing.add(name)
            continue
        # an acronym's definition is a name whatever the case of its words ("the Israeli air force (IAF)")
        if name in common or (ent not in defined and (not _is_name(name, lower_words, skip, last_words) or (
                " " not in name and ent.label in ("PERSON", "ORG", CUE) and _common_noun(name)))):
            continue
        near = range(bisect_left(ends, start + 1), bisect_left(starts, end + 4))  # catalogue names touching or next
        if any(spans[i][0] >= end and types.get(found[i][2]) == "person" and not text[end:spans[i][0]].strip(" ")
               for i in near):
            continue  # a title phrase: "Iranian Military General [Qassem Soleimani]"
        overlapping = [i for i in near if spans[i][0] < end]
        inner = [i for i in overlapping if start <= spans[i][0] and spans[i][1] <= end]
        if len(inner) < len(overlapping):
            continue  # crosses a catalogue name: the recogniser's span is wrong
        kind = ENTITY_TYPES.get(ent.label, "place")
        if inner:
            if any(spans[i] == (start, end) for i in inner):
                continue
            if len(inner) == 1 and _place_with_nouns(text, start, end, found[inner[0]], types, cat.place_nouns):
                variants[name] = found[inner[0]][2]  # "River Tigris" is the catalogue's Tigris
                dropped.update(inner)
                absorbing.add(name)
                continue
            inside = all(spans[i][0] > start and spans[i][1] < end and types.get(found[i][2]) == "place" for i in inner)
            extended = _extends(text, start, found[inner[0]], ent.label, cat) \
                if len(inner) == 1 and spans[inner[0]][1] == end else None
            if not ((ent.label == "PERSON" and inside)  # "Nuri [Hama] Ali": a place inside a person's name
                    or (ent.label == "ORG" and _absorbs([found[i][:4] for i in inner], text, start, end, types))
                    or extended):
                continue
            kind = extended or kind
            dropped.update(inner)
            absorbing.add(name)
        names[(start, end)] = (name, kind)
    _fuller_names(text, names, skip | {text[a:b] for a, b in spans}, lower_words)
    _shared_family(text, found, names, types, dropped)
    variants |= _catalogued_acronyms(text, [f for i, f in enumerate(found) if i not in dropped], types)
    forms = _forms(text, names, skip, lower_words) | {n: (a, types.get(a, ""), n) for n, a in variants.items()}
    families = _named_in_full(text, found, dropped, types)
    for form, (_, kind, target) in list(forms.items()):
        if form == target and " " not in form and _bare(form) in families:
            forms[form] = (families[_bare(form)], "person", form)  # "Federica Mogherini ... Mogherini said"
    new = _scan(text, sentences, forms, spans, dropped, absorbing)
    named = sorted([(f[0], f[1], f[2], types.get(f[2], "")) for i, f in enumerate(found) if i not in dropped]
                   + [(u.start, u.end, u.actor_id, u.type) for u in new])
    return new + _head_forms(text, sentences, named, lower_words, skip), dropped


@cache
def _body_heads(cat: Catalogue) -> frozenset[str]:
    """The title words that also end catalogued bodies' names ("Free Syrian Army", "Ministry of Defence"): ending an
    unknown name, such a word is the body's head noun, not a title left over ("Libyan National Army")."""
    return frozenset(name.split()[-1] for a in cat.actors if a.type in BODY_TYPES
                     for name in (a.name, *a.aliases) if " " in name) & cat.titles


def _named_in_full(text: str, found: list[tuple[int, int, str, str, str]], dropped: set[int],
                   types: Mapping[str, str]) -> dict[str, str]:
    """The family names (without particle) of the catalogued persons the document names in full, and their ids: a
    family name found alone is theirs when the catalogue lists no alias for it."""
    return {_bare(text[a:b].split()[-1]): actor for i, (a, b, actor, _, _) in enumerate(found)
            if i not in dropped and types.get(actor) == "person" and " " in text[a:b]}


def _bare(word: str) -> str:
    """A name without its leading particle ("al-Maliki" -> "Maliki")."""
    return _ANY_PREFIX.sub("", word)


def _extends(text: str, start: int, inner: tuple[int, int, str, str, str], label: str, cat: Catalogue) -> str | None:
    """The type of a name that extends the catalogue place or person it ends with into another actor's name, or None:
    a place joined to the words before it by a name particle ("Amriyat al [Falluja]": the Arabic construct of two
    nouns is one name), a person under another given name than any the catalogue gives the catalogued one ("Turki
    [al-Maliki]" is not Nouri al-Maliki; given names compared by their consonants, as transliterations differ in
    vowels: "Qassim" is "Qassem")."""
    a, b, actor_id, _, _ = inner
    before = text[start:a].split()
    if not before or not all(w[:1].isupper() or w.lower().rstrip("-") in _PARTICLE_WORDS for w in before):
        return None
    actor = _actors(cat).get(actor_id)
    if actor is None:
        return None
    if actor.type == "place" and before[-1].lower().rstrip("-") in _PARTICLE_WORDS and len(before) > 1:
        return "place"
    family = text[a:b]
    if actor.type != "person" or label != "PERSON" or " " in family or not before[-1][:1].isupper():
        return None
    given = {_consonants(alias[:-len(alias.split()[-1])]) for alias in actor.aliases
             if " " in alias and _bare(alias.split()[-1]) == _bare(family)}
    return "person" if given and _consonants(" ".join(before)) not in given else None


def _catalogued_acronyms(text: str, found: list[tuple[int, int, str, str, str]], types: Mapping[str, str]
                         ) -> dict[str, str]:
    """Acronyms the text gives in brackets right after a catalogued body's name that the catalogue lacks
    ("Kata'ib Hezbollah (KH)"), to that body's id (`found`: the catalogue mentions no unlisted name swallowed)."""
    named = {text[a:b] for a, b, _, _, _ in found}
    return {m.group(1): actor for a, b, actor, kind, _ in found
            if kind == "name" and types.get(actor) in BODY_TYPES and (m := _ACRONYM.match(text, b))
            and m.group(1) not in named}


def _place_with_nouns(text: str, start: int, end: int, inner: tuple[int, int, str, str, str], types: Mapping[str, str],
                      nouns: frozenset[str]) -> bool:
    """Whether a name is a catalogued place after place nouns only ("River Tigris", "Lake Assad"): the place itself, as
    the name "Tigris River" is (a noun after the place, "Azaz District", stays outside its name)."""
    a, b, actor_id, _, _ = inner
    words = text[start:a].lower().split()
    return types.get(actor_id) == "place" and b == end and bool(words) and all(w in nouns or w[:-1] in nouns
                                                                               for w in words)


def _catalogued_variant(name: str, cat: Catalogue) -> str | None:
    """The one catalogued actor a name of two words or more is another romanisation of, if any (_romanised_key)."""
    key = _romanised_key(name)
    actors = _romanised_index(cat).get(key, set()) if " " in key else set()
    return next(iter(actors)) if len(actors) == 1 else None


@cache
def _romanised_index(cat: Catalogue) -> dict[str, set[str]]:
    """The romanised keys of the catalogue's names and aliases, to the actors they name."""
    index: dict[str, set[str]] = {}
    for actor in cat.actors:
        for alias in (actor.name, *actor.aliases):
            index.setdefault(_romanised_key(alias), set()).add(actor.actor_id)
    return index


def _romanised_key(name: str) -> str:
    """What romanisations of one name share (spelling.yaml): its words but the article, lower case, the letter groups
    written for one sound made one ("Baschar" and "Bashar" give "bashar", "Qassem" and "Qasim" "qasim"), doubled
    letters once."""
    words = re.split(r"[\s-]+", unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode().lower())
    plain = [_DIGRAPHS.sub(lambda m: _DIGRAPH[m.group()], w) for w in words if w and w not in _ARABIC_ARTICLE]
    return " ".join(re.sub(r"(.)\1+", r"\1", w) for w in plain)


def _consonants(name: str) -> str:
    """The consonants of a name, lower case, doubled letters once: what transliterations of it share."""
    letters = re.sub(r"[^a-z]|[aeiouy]", "", unicodedata.normalize("NFKD", name).lower())
    return re.sub(r"(.)\1+", r"\1", letters)


@cache
def _actors(cat: Catalogue) -> dict[str, Actor]:
    """The catalogue's actors by id."""
    return {a.actor_id: a for a in cat.actors}


def _shared_family(text: str, found: list[tuple[int, int, str, str, str]], names: Mapping[tuple[int, int], tuple[str,
                   str]], types: Mapping[str, str], dropped: set[int]) -> None:
    """Give a family name written alone to the unlisted person the document names in full with it, when the
    catalogued person of that family name is never named in full there ("Turki al-Maliki ... Maliki said" is Turki,
    not Nouri al-Maliki): the catalogue's mentions of it join `dropped`, so the unlisted forms take them."""
    families = {_bare(n.split()[-1]) for n, k in names.values() if k == "person" and " " in n}
    if not families:
        return
    in_full = {f[2] for i, f in enumerate(found) if i not in dropped and " " in text[f[0]:f[1]]}
    for i, (a, b, actor_id, _, _) in enumerate(found):
        surface = text[a:b]
        if types.get(actor_id) == "person" and actor_id not in in_full and " " not in surface \
                and _bare(surface) in families:
            dropped.add(i)


def _head_forms(text: str, sentences: pd.DataFrame, named: list[tuple[int, int, str, str]], lower_words: set[str],
                skip: frozenset[str]) -> list[Unlisted]:
    """A body called by its head noun after "the", capitalised ("the [Britain-based] Observatory" after "the Syrian
    Observatory for Human Rights", "the Council" after "the Kurdistan Regional Security Council"): the body the document named in
    full before, when no other body it names has that head and the document never writes the word in lower case.
    `named` holds the document's mentions (start, end, actor_id, type) in text order."""
    heads: dict[str, tuple[int, str, str]] = {}  # head -> (end of the first full name, actor_id, type)
    for start, end, actor_id, kind in named:
        words = text[start:end].split()
        if kind not in BODY_TYPES or len(words) < 2:
            continue
        head = next((words[j - 1] for j in range(1, len(words)) if words[j] in CONNECTORS), words[-1])
        if len(head) < 4 or not (head[0].isupper() and head[1:].isalpha() and head[1:].islower()) \
                or head in skip or head.lower() in lower_words:
            continue
        if heads.setdefault(head, (end, actor_id, kind))[1] != actor_id:
            heads[head] = (end, "", kind)  # two bodies with one head: it names neither
    heads = {h: v for h, v in heads.items() if v[1]}
    if not heads:
        return []
    pattern = re.compile(rf"\b[Tt]he (?:{_COMPOUND_ADJECTIVE.pattern})?({one_of(heads)})(?![\w-]| [A-Z])")
    taken = [(a, b) for a, b, _, _ in named]
    ends = [b for _, b in taken]
    result = []
    for m in _sentence_matches(pattern, text, sentences):
        first, actor_id, body = heads[m.group(1)]
        i = bisect_left(ends, m.start(1) + 1)
        if m.start(1) >= first and not (i < len(taken) and taken[i][0] < m.end(1)):
            result.append(Unlisted(m.start(1), m.end(1), actor_id, body, m.group(1)))
    return result


def _sentence_matches(pattern: re.Pattern, text: str, sentences: pd.DataFrame) -> Iterator[re.Match]:
    """The pattern's matches inside the sentences that may name actors (not page furniture of NO_ACTOR_KINDS)."""
    for start, end, kind in zip(sentences["start"], sentences["end"], sentences["kind"]):
        if kind not in NO_ACTOR_KINDS:
            yield from pattern.finditer(text, start, end)


def _fuller_names(text: str, names: dict[tuple[int, int], tuple[str, str]], skip: set[str],
                  lower_words: set[str]) -> None:
    """Add the fuller form a document writes of a one-word name, where the recogniser missed it ("Foreign Ministry
    Spokesman [Saeed Khatibzadeh] ... Khatibzadeh said", the short form read as a person or an organisation): a
    capitalised word right before it that is no title, catalogue name, common noun or word the document writes in
    lower case; given name and family name, a person's."""
    for name, kind in list(names.values()):
        if kind not in ("person", "organization") or " " in name or _common_noun(name):
            continue  # "[International] Law" is no given name and family name
        # the word before is no possessive ("the Houthis’ [al-Masira]", "Iran’s [Zarif]"): an owner, not a given name
        for m in re.finditer(rf"(?<![\w'’.-])([A-Z][\w'’-]*\w)(?<!['’]s) {re.escape(name)}(?![\w-])", text):
            given = m.group(1)
            if given not in skip and m.group() not in skip and given.lower() not in lower_words \
                    and not _common_noun(given):
                names.setdefault((m.start(), m.end()), (m.group(), "person"))
                break


@cache
def _cue_place_pattern(nouns: frozenset[str]) -> re.Pattern:
    """The pattern of a name a noun of place introduces (after "<noun> of", or before "<noun>"), made once per
    catalogue's nouns rather than once per document."""
    noun = one_of(sorted(nouns))
    # a noun that an "of" follows introduces the name after it, never the word before it ("The town of X": X, and the
    # capitalised "The" must not take the match that "town of X" needs)
    return re.compile(rf"\b{noun}s? of (?P<after>{_NAMES})|(?P<before>{_NAMES}) {noun}s?\b(?! of\b)")


def _cue_places(text: str, sentences: pd.DataFrame, nouns: frozenset[str]) -> list[Entity]:
    """Names a noun of place introduces in running text ("the village of Bergen", "Debs district", "the Maheen and
    Hawareen towns"), as place entities."""
    if not nouns:
        return []
    pattern = _cue_place_pattern(nouns)
    found = []
    for start, end, kind in zip(sentences["start"], sentences["end"], sentences["kind"]):
        if kind not in ENTITY_KINDS:
            continue
        for m in pattern.finditer(text, start, end):
            group = "after" if m.group("after") else "before"
            pos = m.start(group)
            for name in re.split(r",? and |, ", m.group(group)):
                at = text.index(name, pos)
                pos = at + len(name)
                if at > start:  # a sentence's first word may be any word ("An area of ...")
                    found.append(Entity(at, pos, CUE, False))
    return found


_SOURCE = re.compile(rf"\b{one_of(grammar('source_phrases'))} (?P<name>[A-Z][\w&-]*[A-Za-z])(?![\w'’-]|\.\w| [A-Z])")
# A name right before a news agency's noun in lower case: "the semi-official ILNA news agency", "the Firat agency".
_AGENCY_NAME = re.compile(
    rf"(?<![\w'’-])(?P<name>[A-Z][\w&-]*[A-Za-z]) {one_of(data_yaml('boilerplate.yaml')['agency_nouns'])}\b")


def _sources(text: str, sentences: pd.DataFrame) -> list[Entity]:
    """One-word names a speaker's or addressee's place holds in running text ("told IRIN", "according to TOLONews"),
    or a news agency's noun follows ("the ILNA news agency reported"), as organisation entities (a common noun, a title or a catalogue name there is dropped as any entity is)."""
    found = []
    for start, end, kind in zip(sentences["start"], sentences["end"], sentences["kind"]):
        if kind in ENTITY_KINDS:
            found += [Entity(m.start("name"), m.end("name"), "ORG", False) for pattern in (_SOURCE, _AGENCY_NAME)
                      for m in pattern.finditer(text, start, end)]
    return found


def _construct_names(text: str, sentences: pd.DataFrame) -> list[Entity]:
    """Arabic construct names the recogniser missed in running text: a capitalised noun and an "al-" noun
    ("Jaish al-Fath", "Tell al-Hara"), as organisation entities (a catalogue name there is dropped as any entity is)."""
    found = []
    for start, end, kind in zip(sentences["start"], sentences["end"], sentences["kind"]):
        if kind in ENTITY_KINDS and "-" in text[start:end]:
            found += [Entity(m.start(), m.end(), "ORG", False) for m in _CONSTRUCT.finditer(text, start, end)]
    return found


def _defined_names(text: str, sentences: pd.DataFrame) -> tuple[list[Entity], set[str]]:
    """The long forms that bracketed acronyms define in running text ("the Israeli air force (IAF)", "the Jamraya
    Scientific Studies and Research Center (SSRC)"), as organisation entities: the words right before the brackets
    whose initials spell the acronym (Schwartz and Hearst 2003, "A simple algorithm for identifying abbreviation
    definitions in biomedical text"), name connectors skipped, with the capitalised words right before them; and the
    acronyms of common nouns, whose long form has no capital ("unmanned aerial vehicles (UAVs)"), singular and
    plural: no actor's names."""
    found, common = [], set()
    for start, end, kind in zip(sentences["start"], sentences["end"], sentences["kind"]):
        if kind not in ENTITY_KINDS or "(" not in text[start:end]:
            continue
        for m in _ACRONYM_AFTER.finditer(text, start, end):
            words = list(_WORDS.finditer(text, start, m.start()))
            first = _long_form_start(m.group(1), [w.group() for w in words])
            if first is None:
                continue
            if not any(w.group()[:1].isupper() for w in words[first:]):
                common |= {m.group(1), m.group(1) + "s"}
                continue
            while first > 0 and words[first - 1].group()[:1].isupper() and words[first - 1].group() not in CONNECTORS \
                    and words[first - 1].end() + 1 == words[first].start():
                first -= 1  # the name's other capitalised words: "[Jamraya] Scientific Studies ..."
            if words[first].group()[:1].isupper():
                found.append(Entity(words[first].start(), words[-1].end(), "ORG", False))
    return found, common


def _long_form_start(acronym: str, words: list[str]) -> int | None:
    """The index of the first of the last words whose initials (and those of their hyphened parts) spell the acronym,
    name connectors between them skipped; None when they do not."""
    letters, i = acronym.lower(), len(words)
    while letters and i > 0:
        i -= 1
        initials = "".join(part[:1] for part in words[i].lower().split("-") if part)
        if letters.endswith(initials):
            letters = letters[: -len(initials)]
        elif words[i].lower() not in CONNECTORS or i == len(words) - 1:
            return None
    return i if not letters else None


def _forms(text: str, names: Mapping[tuple[int, int], tuple[str, str]], skip: frozenset[str],
           lower_words: set[str]) -> dict[str, tuple[str, str, str]]:
    """Every written form of the document's unlisted actors -> (actor_id, type, full name): the names found, a
    person's family name, an organisation's acronym in brackets after it; a short name found alone belongs to the
    longer name it stands for (_owner)."""
    full: dict[str, tuple[str, str]] = {}
    for name, kind in names.values():
        full.setdefault(name, (name, kind))
    persons = sorted((n for n, k in full.values() if k == "person" and len(n.split()) > 1), key=len, reverse=True)
    forms: dict[str, tuple[str, str, str]] = {}
    for name, kind in full.values():
        owner = _owner(name, persons)
        target, target_kind = (owner, "person") if owner else (name, kind)
        forms[name] = (slug(target), target_kind, target)
    given = Counter(p.split()[0] for p in persons)
    for person in persons:
        words = person.split()
        family, first = words[-1], words[0]
        shorts = [family, _bare(family)] + ([first] if given[first] == 1 else [])
        if len(words) > 2 and all(w[:1].isupper() for w in words):
            shorts.append(f"{first} {family}")  # the middle name left out: "Rawhi Sawafta" for "Rawhi Rashid Sawafta"
        for short in shorts:
            # a given name of one person only; a family name also without its particle ("Juburi")
            if len(short) > 2 and short not in skip and short.lower() not in lower_words:
                forms.setdefault(short, (slug(person), "person", person))
    for (start, end), (name, kind) in names.items():
        m = _ACRONYM.match(text, end)
        if m and kind == "organization":  # its own acronym, whatever the initials: a translated name's ("(MGK)")
            forms[m.group(1)] = (slug(name), kind, name)  # the acronym is this name's, whatever else found it
    return forms


def _owner(name: str, persons: list[str]) -> str | None:
    """The longer person's name a one-word name found alone stands for: the one it ends (a family name, also without
    its particle: "Freij" after "Fahd al-Freij"), else the one and only one it begins (a given name: "Rojda" after
    "Rojda Felat")."""
    if len(name.split()) != 1:
        return None
    family = next((p for p in persons if _bare(p.split()[-1]) == _bare(name)), None)
    given = [p for p in persons if p.split()[0] == name]
    return family or (given[0] if len(given) == 1 else None)


def _scan(text: str, sentences: pd.DataFrame, forms: Mapping[str, tuple[str, str, str]],
          spans: list[tuple[int, int]], dropped: set[int], absorbing: set[str]) -> list[Unlisted]:
    """Every occurrence of the forms in the document's actor-bearing sentences that no other mention (`spans`, the
    catalogue's in text order, but those `dropped`) covers, longest form first; a name that swallowed the catalogue
    names inside it where the recogniser found it (`absorbing`) swallows them wherever it is written (their indexes
    are added to `dropped`)."""
    if not forms:
        return []
    written = {w for f in forms for w in (f, *([f.upper()] if len(f) > 3 else []))}  # "WARDAK, Iraq -" too
    pattern = re.compile(r"(?<![\w-])(?:" + "|".join(
        _any_al(f) for f in sorted(written, key=len, reverse=True)) + r")(?![\w-])")
    ends = [b for _, b in spans]
    result = []
    for m in _sentence_matches(pattern, text, sentences):
        form = _form_of(m.group(), forms)
        crossed = []  # the catalogue names the match overlaps
        j = bisect_left(ends, m.start() + 1)  # the first name ending after the match starts
        while j < len(spans) and spans[j][0] < m.end():
            crossed += [j] if j not in dropped else []
            j += 1
        if crossed:
            if form not in absorbing or spans[crossed[0]][0] < m.start() or spans[crossed[-1]][1] > m.end():
                continue
            dropped.update(crossed)
        actor_id, kind, _ = forms[form]
        result.append(Unlisted(m.start(), m.end(), actor_id, kind, form))
    return result


def _any_al(form: str) -> str:
    """A pattern for a form that also accepts "al-" written "Al-" and the reverse."""
    return re.sub(r"(?<![\w])[Aa]l\\-", "[Aa]l\\-", re.escape(" ".join(form.split())).replace(r"\ ", r"\s+"))


def _form_of(surface: str, forms: Mapping[str, tuple[str, str, str]]) -> str:
    """The form a matched surface is written from (spaces collapsed, "Al-" as written in the form)."""
    plain = " ".join(surface.split())
    if plain in forms:
        return plain
    return next(f for f in forms if f.lower() == plain.lower())
