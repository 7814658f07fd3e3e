"""A parsed sentence frozen into plain Python objects: the part of spaCy's `Doc`, `Span` and `Token` API the stages
read, answered from lists made once, with the same answers as spaCy's.

    doc = freeze(spacy_doc)           # a Doc: doc[i] -> Token, doc[a:b] -> Span, iteration, len, .text, .ents
    tok.head, tok.children, tok.lefts, tok.rights, tok.subtree, tok.ancestors, tok.conjuncts, tok.sent
    tok.i, tok.idx, tok.text, tok.lower_, tok.lemma_, tok.pos_, tok.tag_, tok.dep_, tok.ent_type_, tok.whitespace_
    span.start, span.end, span.start_char, span.end_char, span.text, span.root, span.label_, span.sent

Why: a spaCy `Token` is a view made anew on every access, each string attribute a lookup in the string store, and
the tree is walked again on every question: `children` scans the token's whole subtree span, `subtree` recurses
through it, `head` makes a new object (on this machine: `dep_` 0.28 us, `head` 0.7 us, `children` 4.5 us, a root's
`subtree` 65 us; a plain attribute 0.04 us). The events and quotes stages ask the same few tokens the same questions
many times, so a Doc is read once here (its arrays, its edges and its sentence starts) and every answer is kept.

The answers are spaCy 3.8's, computed the way its `token.pyx` and `span.pyx` compute them (the left and right
children found between the token and its subtree's edges, `subtree` as lefts' subtrees, the token, rights'
subtrees; `conjuncts` from the first conjunct through the `conj` arcs; `Span.root` the span's word nearest the
sentence root, the first on a tie, a childless punctuation mark last); tests/test_syntax.py compares every token
and span of parsed text with spaCy's. A frozen Doc is read-only: nothing sets a tag or an entity after the pipeline.
"""

import copy
from collections.abc import Iterator

import numpy
import spacy.tokens
from spacy.attrs import (
    DEP,
    HEAD,
    IDX,
    IS_LOWER,
    IS_PUNCT,
    LEMMA,
    LOWER,
    POS,
    SENT_START,
    SPACY,
    TAG,
)

_FIELDS = [HEAD, DEP, POS, TAG, LEMMA, LOWER, IDX, IS_LOWER, IS_PUNCT, SPACY, SENT_START]


class Token:
    """One word of a frozen Doc: its attributes, and its place in the dependency tree."""

    __slots__ = ("doc", "i", "idx", "text", "lower_", "lemma_", "pos_", "tag_", "dep_", "ent_type_", "whitespace_",
                 "is_lower", "is_punct", "head", "lefts", "rights", "children", "_subtree", "_conjuncts")

    def __repr__(self) -> str:
        return self.text

    @property
    def subtree(self) -> tuple["Token", ...]:
        """The token and its descendants, in text order (spaCy's order: lefts' subtrees, the token, rights')."""
        if self._subtree is None:
            self._subtree = (*(t for c in self.lefts for t in c.subtree), self,
                             *(t for c in self.rights for t in c.subtree))
        return self._subtree

    @property
    def ancestors(self) -> Iterator["Token"]:
        """The token's head, its head's head, ... up to the sentence root."""
        tok, steps = self, 0
        while tok.head is not tok and steps < len(self.doc):
            tok, steps = tok.head, steps + 1
            yield tok

    @property
    def conjuncts(self) -> tuple["Token", ...]:
        """The tokens coordinated with this one, itself excluded."""
        if self._conjuncts is None:
            start = self
            while start.head is not start and start.dep_ == "conj":
                start = start.head
            output = [start]
            for word in output:
                output += [c for c in word.rights if c.dep_ == "conj"]
            self._conjuncts = tuple(w for w in output if w.i != self.i)
        return self._conjuncts

    @property
    def sent(self) -> "Span":
        """The sentence the token is in."""
        return self.doc[self.i : self.i + 1].sent


class Span:
    """A slice of a frozen Doc (an entity has a label)."""

    __slots__ = ("doc", "start", "end", "label_")

    def __init__(self, doc: "Doc", start: int, end: int, label: str = ""):
        self.doc, self.start, self.end, self.label_ = doc, start, end, label

    def __len__(self) -> int:
        return self.end - self.start

    def __iter__(self) -> Iterator[Token]:
        return iter(self.doc.tokens[self.start : self.end])

    def __getitem__(self, i: int | slice) -> "Token | Span":
        if isinstance(i, slice):
            start, end, _ = i.indices(len(self))
            return Span(self.doc, self.start + start, self.start + max(start, end))
        return self.doc.tokens[self.start : self.end][i]

    def __repr__(self) -> str:
        return self.text

    @property
    def start_char(self) -> int:
        """Offset of the span's first character in the Doc's text."""
        return self.doc.tokens[self.start].idx if self.start < len(self.doc.tokens) else len(self.doc.text)

    @property
    def end_char(self) -> int:
        """Offset after the span's last character in the Doc's text."""
        last = self.doc.tokens[self.end - 1] if self.end > self.start else None
        return last.idx + len(last.text) if last is not None else self.start_char

    @property
    def text(self) -> str:
        """The span's text, without the whitespace after its last token."""
        return self.doc.text[self.start_char : self.end_char]

    @property
    def root(self) -> Token:
        """The span's token nearest the sentence root (the first of equals), as spaCy's `Span.root`."""
        tokens = self.doc.tokens
        for tok in tokens[self.start : self.end]:
            if tok.head is tok:
                return tok
        best, root = len(tokens), None
        for tok in tokens[self.start : self.end]:
            if self.start <= tok.head.i < self.end:
                continue
            # a punctuation mark or space without children is the root only when nothing else can be
            leaf = (tok.is_punct or tok.text.isspace()) and not tok.children
            depth = len(tokens) - 1 if leaf else sum(1 for _ in tok.ancestors)
            if depth < best:
                best, root = depth, tok
        return root if root is not None else tokens[self.start]

    @property
    def sent(self) -> "Span":
        """The sentence the span's first token is in (sentence starts as the parser set them)."""
        starts = self.doc.sent_starts
        start = self.start
        while starts[start] != 1 and start > 0:
            start -= 1
        end = self.start + 1
        while end < len(starts) and starts[end] != 1:
            end += 1
        return Span(self.doc, start, end)


class Doc:
    """A frozen spaCy Doc: its text, tokens, entities and sentence starts."""

    __slots__ = ("text", "tokens", "ents", "sent_starts")

    def __len__(self) -> int:
        return len(self.tokens)

    def __iter__(self) -> Iterator[Token]:
        return iter(self.tokens)

    def __getitem__(self, i: int | slice) -> Token | Span:
        if isinstance(i, slice):
            start, end, _ = i.indices(len(self.tokens))
            return Span(self, start, max(start, end))
        return self.tokens[i]

    def __repr__(self) -> str:
        return self.text


_STRINGS: dict[int, str] = {}  # a string id -> its string (tags, dependencies, lemmas and forms repeat)
_STRINGS_KEPT = 1 << 17  # then forgotten


def _string(strings: spacy.strings.StringStore, key: int) -> str:
    """The string of a string id, remembered per process (a dictionary lookup, not the string store's)."""
    found = _STRINGS.get(key)
    if found is None:
        if len(_STRINGS) >= _STRINGS_KEPT:
            _STRINGS.clear()
        found = _STRINGS[key] = strings[key]
    return found


def relabelled(doc: Doc, labels: dict[int, dict[str, str]]) -> Doc:
    """A copy of a frozen Doc with some tokens' labels changed ({token index: {"dep_": ..., "tag_": ...}}): a stage's
    correction of the parse for one reading, leaving the Doc that other sentences and stages share as it was."""
    copied = copy.deepcopy(doc)
    for i, changes in labels.items():
        for name, value in changes.items():
            setattr(copied.tokens[i], name, value)
    return copied


def freeze(parsed: spacy.tokens.Doc) -> Doc:
    """The frozen copy of a spaCy Doc (parsed or not: without a parse every token is its own head). A token's left
    and right children are the tokens before and after it whose head it is, in text order: spaCy looks for them
    between the token and its subtree's edges, which hold every one of them."""
    strings = parsed.vocab.strings
    array = parsed.to_array(_FIELDS)
    rows = array.tolist()
    heads = array[:, 0].astype(numpy.int64).tolist()  # relative offsets, stored unsigned
    doc = Doc()
    doc.text = text = parsed.text
    doc.tokens = tokens = []
    lefts: list[list[Token]] = [[] for _ in rows]
    rights: list[list[Token]] = [[] for _ in rows]
    for i, (head, (_, dep, pos, tag, lemma, lower, idx, is_lower, is_punct, space, _)) in enumerate(zip(heads, rows)):
        tok = Token()
        tok.doc, tok.i, tok.idx, tok.is_lower, tok.is_punct = doc, i, idx, bool(is_lower), bool(is_punct)
        tok.lower_, tok.lemma_, tok.pos_, tok.tag_, tok.dep_ = (_string(strings, lower), _string(strings, lemma),
                                                                _string(strings, pos), _string(strings, tag),
                                                                _string(strings, dep))
        tok.head, tok.whitespace_, tok.ent_type_ = i + head, " " if space else "", ""
        tok._subtree = tok._conjuncts = None
        tokens.append(tok)
        if head < 0:
            rights[i + head].append(tok)
        elif head > 0:
            lefts[i + head].append(tok)
    for tok, nxt in zip(tokens, [*(t.idx for t in tokens[1:]), len(text)]):
        tok.text = text[tok.idx : nxt - len(tok.whitespace_)]
    for tok, before, after in zip(tokens, lefts, rights):
        tok.lefts, tok.rights = tuple(before), tuple(after)
        tok.children = tok.lefts + tok.rights
    for tok in tokens:
        tok.head = tokens[tok.head]
    doc.ents = tuple(Span(doc, e.start, e.end, e.label_) for e in parsed.ents)
    for ent in doc.ents:
        for tok in tokens[ent.start : ent.end]:
            tok.ent_type_ = ent.label_
    doc.sent_starts = [row[-1] for row in rows]
    return doc
