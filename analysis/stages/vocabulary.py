"""Each outlet's words: distinctive unigrams and bigrams, and the epithets it gives ISIS and its opponents.

Distinctiveness is the log-odds ratio with an informative Dirichlet prior (Monroe, Colaresi & Quinn
2008, "Fightin' Words", section 3.5.1): each group (a document, or an outlet) against the rest of the
corpus, the prior being the whole corpus's counts, with the z-score of the estimate.
"""

import math
import re
from bisect import bisect_right
from collections import Counter
from collections.abc import Sequence
from functools import cache

import numpy as np
import pandas as pd

from analysis.lexicon import data_yaml
from analysis.stages.corpus import Corpus, offsets_by_document
from analysis.stages.quotes import Mention, mentions_within, per_document, speaker_mentions
from analysis.stages.reuse import stopwords
from analysis.text import lowered

WORDS_COLUMNS = ["group", "term", "ngram", "count", "count_rest", "log_odds", "z", "stopword",
                 "doc_id", "start", "end"]
TERMS_COLUMNS = ["doc_id", "term", "ngram", "count", "start", "end"]
EPITHET_COLUMNS = ["doc_id", "sent_id", "start", "end", "surface", "epithet", "side", "near_actor"]
# An abbreviation with stops ("U.S.", "U.N.") is one word; so are words joined by an apostrophe or a hyphen.
_TOKEN = re.compile(r"(?<![^\W_])(?:[^\W\d_]\.){2,}|[^\W_]+(?:['’-][^\W_]+)*")
_EPITHET_REACH = 40  # at most this many characters between an epithet and its near_actor ("the Takfiri terror group Daesh")


def _term(text: str) -> str:
    """A word or name as a term: lower case, ’ read as ', spaces collapsed."""
    return " ".join(text.lower().replace("’", "'").split())


def tokens(text: str, start: int = 0, end: int | None = None,
           names: Sequence[tuple[int, int]] = ()) -> list[tuple[str, int, int]]:
    """(term, start, end) for each word of text[start:end]: lower-cased, ’ read as '; a name span of `names` (sorted
    (start, end) offsets of catalogued actors) is one term ("deir ez-zor"); one-letter words (initials) are left out."""
    out: list[tuple[str, int, int]] = []
    for m in _TOKEN.finditer(text, start, len(text) if end is None else end):
        i = bisect_right(names, (m.start(), math.inf)) - 1  # the last name starting at or before the word
        if i >= 0 and m.end() <= names[i][1]:  # inside a name: the name once, as one term
            if not out or out[-1][1] != names[i][0]:
                out.append((_term(text[names[i][0]:names[i][1]]), names[i][0], names[i][1]))
        elif len(m.group()) > 1:
            out.append((_term(m.group()), m.start(), m.end()))
    return out


def term_counts(corpus: Corpus, mentions: pd.DataFrame | None = None) -> pd.DataFrame:
    """Each document's unigram and bigram counts over its body sentences (with `mentions`, a catalogued name is one
    word): one row per document and term, in the order the document first uses them, with the term's number of
    words where it first occurs (1 or 2: "deir ez zor" is one) and that first occurrence's offsets."""
    names = {} if mentions is None else name_spans(mentions)
    rows: list[tuple] = []
    body = corpus.sentences[corpus.sentences["in_body"]].sort_values(["doc_id", "start"])
    for doc_id, sentences in offsets_by_document(body).items():
        text, spans = corpus.texts[doc_id], names.get(doc_id, ())
        counts: Counter[str] = Counter()
        first: dict[str, tuple[int, int, int]] = {}
        for start, end in sentences:
            words = tokens(text, start, end, spans)
            grams = [(w, a, b, 1) for w, a, b in words]
            grams += [(f"{w1} {w2}", a, b, 2) for (w1, a, _), (w2, _, b) in zip(words, words[1:])]
            for term, a, b, n in grams:
                counts[term] += 1
                first.setdefault(term, (n, a, b))
        rows += [(doc_id, term, *first[term][:1], count, *first[term][1:]) for term, count in counts.items()]
    return pd.DataFrame(rows, columns=TERMS_COLUMNS).astype({"ngram": "int64", "count": "int64", "start": "int64",
                                                            "end": "int64"})


def name_spans(mentions: pd.DataFrame) -> dict[str, list[tuple[int, int]]]:
    """Each document's actor name spans from the mentions table (names only: a demonym is a word), in text order."""
    return offsets_by_document(mentions[mentions["kind"] != "demonym"].sort_values(["doc_id", "start"]))


def log_odds(count, total, count_rest, total_rest, alpha, alpha0):
    """Monroe et al. (2008) eq. 16 and 18-19: log-odds ratio of a term with prior alpha, and its z-score (of numbers,
    or element-wise of numpy arrays)."""
    delta = (np.log((count + alpha) / (total + alpha0 - count - alpha))
             - np.log((count_rest + alpha) / (total_rest + alpha0 - count_rest - alpha)))
    return delta, delta / np.sqrt(1 / (count + alpha) + 1 / (count_rest + alpha))


def _rounded(values: np.ndarray, digits: int = 6) -> np.ndarray:
    """Python's round(v, digits) of each value, with numpy: the scaled value rounded half to even, and Python's own
    round where the scaled value lies within 0.001 of a half (where the scaling's rounding error could decide)."""
    scaled = values * 10.0**digits
    out = np.rint(scaled) / 10.0**digits
    near = np.flatnonzero(np.abs(scaled - np.floor(scaled) - 0.5) < 1e-3)
    out[near] = [round(v, digits) for v in values[near].tolist()]
    return out


def _first_of(codes: np.ndarray, n: int) -> np.ndarray:
    """For each code 0..n-1 (each of which occurs), the index of its first row."""
    first = np.full(n, len(codes), dtype=np.int64)
    np.minimum.at(first, codes, np.arange(len(codes)))
    return first


def distinctive_words(corpus: Corpus, by: str = "doc_id", min_count: int = 2, prior_scale: float = 1.0,
                      mentions: pd.DataFrame | None = None, counts: pd.DataFrame | None = None) -> pd.DataFrame:
    """Every term of each group scored against the rest of the corpus (with `mentions`, each actor name is one
    term), from the documents' term counts (`counts`, one row per document and term: see term_counts; computed here
    without it); sorted by group and falling z. A term's number of words and first occurrence are those of the first
    document (by doc_id) using it. Computed on integer codes of terms and groups with numpy (a corpus of 10,000 documents has millions of
    document-term counts)."""
    terms = term_counts(corpus, mentions) if counts is None else counts
    group_of = dict(zip(corpus.documents["doc_id"], corpus.documents[by].fillna(corpus.documents["doc_id"])))
    doc_codes, doc_names = pd.factorize(terms["doc_id"])
    doc_names = np.asarray(doc_names.astype(object))
    group_of_doc = pd.Series(doc_names, dtype=object).map(group_of)
    if group_of_doc.isna().any():  # a document the corpus lacks has no group
        terms = terms[group_of_doc.notna().to_numpy()[doc_codes]]
        doc_codes, doc_names = pd.factorize(terms["doc_id"])
        doc_names = np.asarray(doc_names.astype(object))
        group_of_doc = pd.Series(doc_names, dtype=object).map(group_of)
    rank = np.empty(len(doc_names), dtype=np.int64)
    rank[doc_names.argsort(kind="stable")] = np.arange(len(doc_names))
    order = np.argsort(rank[doc_codes], kind="stable")  # documents in doc_id order, each in its own order
    doc_codes = doc_codes[order]
    group_codes_of_doc, group_names = pd.factorize(group_of_doc)
    group_codes = group_codes_of_doc[doc_codes]
    term_codes, term_names = pd.factorize(terms["term"])
    term_codes = term_codes[order]
    counted = terms["count"].to_numpy(dtype=np.int64)[order]
    ngram_of = terms["ngram"].to_numpy(dtype=np.int64)[order][_first_of(term_codes, len(term_names))]
    if len(group_names) == len(doc_names):  # each document its own group: a (group, term) bag is a row of counts
        bag_group, bag_term, bags, first = group_codes, term_codes, counted, np.arange(len(counted))
    else:
        bag_of, pair = pd.factorize(group_codes.astype(np.int64) * len(term_names) + term_codes)
        first = _first_of(bag_of, len(pair))  # each (group, term)'s first row: its doc_id and offsets
        bag_group, bag_term = pair // len(term_names), pair % len(term_names)
        bags = np.bincount(bag_of, weights=counted, minlength=len(pair)).astype(np.int64)
    everything = np.bincount(bag_term, weights=bags, minlength=len(term_names)).astype(np.int64)
    stop = stopwords()
    names, group_labels = np.asarray(term_names.astype(object)), np.asarray(group_names.astype(object))
    starts, ends = terms["start"].to_numpy(dtype=np.int64), terms["end"].to_numpy(dtype=np.int64)
    frames = []
    for ngram in (1, 2):
        in_vocab = ngram_of == ngram
        if in_vocab.sum() < 2:
            continue  # a single term has nothing to be distinctive against (its log-odds divide by zero)
        grand = int(everything[in_vocab].sum())
        alpha0 = prior_scale * grand
        inside = in_vocab[bag_term]
        totals = np.bincount(bag_group[inside], weights=bags[inside], minlength=len(group_names)).astype(np.int64)
        kept = np.flatnonzero(inside & (bags >= min_count))
        count, term, group, row = bags[kept], bag_term[kept], bag_group[kept], first[kept]
        vocab = everything[term]
        total = totals[group]
        alpha = prior_scale * vocab
        rest = vocab - count
        delta, z = log_odds(count, total, rest, grand - total, alpha, alpha0)
        if len(kept):
            used = np.unique(term)
            stopword = np.zeros(len(term_names), dtype=bool)
            stopword[used] = [all(w in stop for w in t.split()) for t in names[used].tolist()]
            frames.append(pd.DataFrame({
                "group": group_labels[group], "term": names[term], "ngram": np.full(len(kept), ngram), "count": count,
                "count_rest": rest, "log_odds": _rounded(delta), "z": _rounded(z), "stopword": stopword[term],
                "doc_id": doc_names[doc_codes[row]], "start": starts[order[row]], "end": ends[order[row]]},
                columns=WORDS_COLUMNS))
    table = pd.concat(frames, ignore_index=True) if frames else pd.DataFrame([], columns=WORDS_COLUMNS)
    return table.sort_values(["group", "z", "term"], ascending=[True, False, True], kind="stable").reset_index(drop=True)


def vocabulary(corpus: Corpus, term_counts: pd.DataFrame) -> pd.DataFrame:
    """Distinctive unigrams and bigrams of each document against the rest, actor names whole (the table the main
    job writes), from the documents' term counts (the build's term_counts table, which the cache keeps per
    document: adding a document counts that document's words alone)."""
    return distinctive_words(corpus, counts=term_counts)


@cache
def _epithets_file() -> dict:
    """data/epithets.yaml as read."""
    return data_yaml("epithets.yaml")


def epithet_lexicon() -> dict[str, list[str]]:
    """side -> epithet phrases, from data/epithets.yaml."""
    return {side: list(phrases) for side, phrases in _epithets_file()["sides"].items()}


def focus_side() -> str:
    """The side the notebooks single out ("what each outlet calls ISIS"), from data/epithets.yaml."""
    return _epithets_file()["focus"]


@cache
def _epithet_pattern(whole: bool = True) -> re.Pattern:
    """One regex over every epithet phrase, longest first, whole words, case-insensitive; ' matches ’. Not whole:
    without the word boundary after a phrase (it matches wherever the whole pattern matches in any part of a text)."""
    phrases = sorted({p for ps in epithet_lexicon().values() for p in ps}, key=len, reverse=True)
    alternatives = [re.escape(p).replace("'", "['’]").replace(r"\ ", r"\s+") for p in phrases]
    return re.compile(r"\b(?:" + "|".join(alternatives) + r")" + (r"\b" if whole else ""), re.IGNORECASE)


def document_epithets(doc_id: str, text: str, sentences: list, mentions: list[Mention]) -> list[dict]:
    """Epithets in one document's body (its rows of the sentences table), each with its side and the catalogued
    actor named closest to it."""
    side_of = {lowered(p): side for side, ps in epithet_lexicon().items() for p in ps}
    rows = []
    for s in (s for s in sentences if s.in_body):
        for m in _epithet_pattern().finditer(text, int(s.start), int(s.end)):
            key = re.sub(r"\s+", " ", lowered(m.group()).replace("’", "'"))  # folded as the pattern matched it
            near = mentions_within(mentions, max(int(s.start), m.start() - _EPITHET_REACH),
                                   min(int(s.end), m.end() + _EPITHET_REACH))
            gaps = [max(r.start - m.end(), m.start() - r.end, 0) for r in near]
            actor = near[gaps.index(min(gaps))].actor_id if near else None
            rows.append(dict(doc_id=doc_id, sent_id=int(s.sent_id), start=m.start(), end=m.end(),
                             surface=m.group(), epithet=key, side=side_of[key], near_actor=actor))
    return rows


def epithets(corpus: Corpus) -> pd.DataFrame:
    """Every epithet (data/epithets.yaml) the corpus uses for ISIS or its opponents."""
    rows = []
    for doc_id, text, sentences, _ in per_document(corpus):
        if _epithet_pattern(whole=False).search(text):  # the actor mentions are found only where they can be needed
            rows += document_epithets(doc_id, text, sentences, speaker_mentions(text))
    return pd.DataFrame(rows, columns=EPITHET_COLUMNS)
