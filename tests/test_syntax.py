"""The frozen parse answers every question the stages ask as spaCy does, on every sentence of the seeds and the dev
corpus (parsed with entities, and with entities only)."""

import pytest

from analysis import load_corpus
from analysis.stages import syntax
from analysis.stages.parse import dependency_parse, nlp, one_thread
from tests.stance_scores import DEV_CORPUS, SEEDS, dev_corpus

_WORD = ("i", "idx", "text", "lower_", "lemma_", "pos_", "tag_", "dep_", "ent_type_", "whitespace_", "is_lower",
         "is_punct")
_TREE = ("children", "lefts", "rights", "subtree", "ancestors", "conjuncts")


def _token(tok) -> tuple:
    """What the stages read of a token (spaCy's or frozen), positions for tokens."""
    sent = tok.sent
    return (*(getattr(tok, a) for a in _WORD), tok.head.i, *(tuple(t.i for t in getattr(tok, a)) for a in _TREE),
            sent.start, sent.end)


def _spans(doc) -> list[tuple]:
    """Every span of up to five tokens and every entity: bounds, characters, text and root."""
    spans = [doc[a:b] for a in range(len(doc)) for b in range(a + 1, min(a + 6, len(doc) + 1))]
    spans += [doc[:], *([doc[1:-1]] if len(doc) > 2 else [])]
    return [(s.start, s.end, s.start_char, s.end_char, s.text, s.root.i, len(s), [t.i for t in s])
            for s in spans] + [(e.start, e.end, e.label_, e.text, e.root.i) for e in doc.ents]


@pytest.fixture(scope="module")
def parsed() -> list:
    """spaCy Docs of every sentence of the seeds and the dev corpus, with a parse and entities."""
    texts = load_corpus(SEEDS).sentences["text"].tolist()
    if DEV_CORPUS.is_dir():
        texts += dev_corpus().sentences["text"].tolist()
    with one_thread():
        return list(nlp().get_pipe("ner").pipe(dependency_parse(texts)))


def test_a_frozen_parse_reads_as_spacy(parsed):
    frozen = [syntax.freeze(d) for d in parsed]
    assert sum(len(d) for d in parsed) > 10_000
    # a parse whose arcs cross (non-projective), where spaCy's subtree is not a contiguous span
    assert any(len(t.subtree) != t.subtree[-1].i - t.subtree[0].i + 1 for d in frozen for t in d)
    for theirs, ours in zip(parsed, frozen, strict=True):
        assert ours.text == theirs.text and len(ours) == len(theirs)
        assert [_token(t) for t in ours] == [_token(t) for t in theirs]
        assert _spans(ours) == _spans(theirs)


def test_a_doc_without_a_parse_has_no_arcs():
    # the entity recogniser alone (sentences read for names only): every token its own head, entities kept
    with one_thread():
        theirs = nlp()("Colonel Jane Doe spoke in Mosul on Monday.", disable=["parser", "tagger", "lemmatizer",
                                                                             "attribute_ruler"])
    ours = syntax.freeze(theirs)
    assert all(t.head is t and not t.children for t in ours)
    assert [(e.text, e.label_) for e in ours.ents] == [(e.text, e.label_) for e in theirs.ents]
    assert [t.ent_type_ for t in ours] == [t.ent_type_ for t in theirs]
