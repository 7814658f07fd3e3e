"""Shared passages: text two documents share verbatim, lightly edited (same wire copy) or paraphrased.

Units are body sentences. MinHash LSH (datasketch) over each sentence's content-word stems finds
candidate pairs across documents; each candidate is then scored exactly:
- `shingles`: containment of word 3-grams, for verbatim and near-verbatim copy;
- `tfidf`: cosine of IDF-weighted content-word stems, for paraphrase (another translation of the
  same statement). A paraphrase is only claimed between two documents that share an anchor (a pair
  scoring at least STORY_ANCHOR, i.e. they tell the same story) and whose quoted speakers agree.
- `extend`: seed-and-extend, as text-reuse aligners do: a sentence pair next to an aligned pair
  (within EXTEND_WINDOW body sentences on both sides) is aligned at the lower cosine EXTEND.
Aligned sentence pairs near each other on both sides merge into one passage.
"""

import hashlib
import math
import re
from bisect import bisect_left, bisect_right
from collections import Counter
from dataclasses import dataclass
from functools import cache
from importlib import resources

import pandas as pd
import snowballstemmer
from datasketch import MinHash, MinHashLSH

from analysis.stages.actors import catalogue
from analysis.stages.corpus import Corpus
from analysis.stages.quotes import document_quotes, per_document, speaker_mentions

COLUMNS = ["doc_a", "a_start", "a_end", "doc_b", "b_start", "b_end", "score", "relation", "method",
           "a_sent_ids", "b_sent_ids"]
SHINGLE = 3  # words per shingle
VERBATIM = 0.9  # shingle containment of a verbatim copy
NEAR_VERBATIM = 0.4  # shingle containment of lightly edited copy
PARAPHRASE = 0.2  # IDF cosine of a paraphrase seed, inside a same-story document pair
EXTEND = 0.15  # IDF cosine of a pair next to an aligned pair
EXTEND_WINDOW = 2  # body sentences either side of an aligned pair that extension looks at
STORY_ANCHOR = 0.5  # IDF cosine (or near-verbatim copy) that makes two documents tell the same story
LSH_THRESHOLD = 0.1  # estimated Jaccard of content-word sets for a pair to be scored at all
NUM_PERM = 128
RELATION_ORDER = {"duplicate": 0, "verbatim": 1, "near_verbatim": 2, "paraphrase": 3}

_WORD = re.compile(r"\w+")


@cache
def stopwords() -> frozenset[str]:
    """English function words from data/stopwords.txt."""
    lines = resources.files("analysis").joinpath("data/stopwords.txt").read_text("utf-8").splitlines()
    return frozenset(w.strip() for w in lines if w.strip() and not w.startswith("#"))


@cache
def _stemmer():
    """The Snowball English stemmer."""
    return snowballstemmer.stemmer("english")


def words(text: str) -> list[str]:
    """Lower-cased words of a text, apostrophes unified (a matching copy: offsets are not kept)."""
    return _WORD.findall(text.lower().replace("’", "'"))


def content_stems(text: str) -> list[str]:
    """Stems of the content words of a text (function words left out)."""
    stop = stopwords()
    return _stemmer().stemWords([w for w in words(text) if w not in stop])


def shingles(text: str, size: int = SHINGLE) -> set[tuple[str, ...]]:
    """The set of word n-grams of a text."""
    w = words(text)
    return {tuple(w[i : i + size]) for i in range(len(w) - size + 1)}


@dataclass(eq=False)
class Unit:
    """One body sentence prepared for comparison."""

    doc_id: str
    sent_id: int
    position: int  # index among the document's body sentences
    start: int
    end: int
    stems: list[str]
    shingles: set[tuple[str, ...]]
    speakers: frozenset[str]


def _speakers_by_sentence(corpus: Corpus, doc_ids: set[str]) -> dict[tuple[str, int], frozenset[str]]:
    """Catalogued speakers whose statement (cue or content) touches each sentence of the given documents."""
    catalogued = set(catalogue()["actor_id"])
    found: dict[tuple[str, int], set[str]] = {}
    for doc_id, text, sentences, paragraphs in per_document(corpus):
        if doc_id not in doc_ids:
            continue
        starts, ids = sentences["start"].tolist(), sentences["sent_id"].tolist()
        for q in document_quotes(doc_id, text, sentences, paragraphs, speaker_mentions(text)):
            if q["speaker"] not in catalogued:
                continue
            lo, hi = min(q["cue_start"], q["content_start"]), max(q["cue_end"], q["content_end"])
            for i in range(max(bisect_right(starts, lo) - 1, 0), bisect_left(starts, hi)):
                found.setdefault((doc_id, int(ids[i])), set()).add(q["speaker"])
    return {k: frozenset(v) for k, v in found.items()}


def units(corpus: Corpus, copies: frozenset[str] = frozenset()) -> list[Unit]:
    """The body sentences of the corpus (documents in `copies` left out), tokenised for comparison."""
    body = corpus.sentences[corpus.sentences["in_body"] & ~corpus.sentences["doc_id"].isin(copies)]
    body = body.sort_values(["doc_id", "start"])
    speakers = _speakers_by_sentence(corpus, set(body["doc_id"]))
    positions = body.groupby("doc_id").cumcount()
    return [
        Unit(s.doc_id, int(s.sent_id), int(pos), int(s.start), int(s.end), content_stems(s.text),
             shingles(s.text), speakers.get((s.doc_id, int(s.sent_id)), frozenset()))
        for s, pos in zip(body.itertuples(), positions)
    ]


def _idf(all_units: list[Unit]) -> dict[str, float]:
    """Inverse document frequency of each stem, counting sentences as documents."""
    df = Counter(w for u in all_units for w in set(u.stems))
    return {w: math.log(len(all_units) / n) for w, n in df.items()}


def cosine(a: list[str], b: list[str], idf: dict[str, float]) -> float:
    """Cosine of two stem lists as binary IDF-weighted vectors."""
    sa, sb = set(a), set(b)
    num = sum(idf[w] ** 2 for w in sa & sb)
    den = math.sqrt(sum(idf[w] ** 2 for w in sa) * sum(idf[w] ** 2 for w in sb))
    return num / den if den else 0.0


def containment(a: set, b: set) -> float:
    """Share of the smaller set found in the other."""
    return len(a & b) / min(len(a), len(b)) if a and b else 0.0


def candidate_pairs(all_units: list[Unit]) -> set[tuple[int, int]]:
    """Index pairs (i < j, different documents) whose content-word sets MinHash LSH puts together."""
    lsh = MinHashLSH(threshold=LSH_THRESHOLD, num_perm=NUM_PERM, weights=(0.2, 0.8))  # favour recall
    hashes = []
    for i, u in enumerate(all_units):
        m = MinHash(num_perm=NUM_PERM)
        for w in set(u.stems):
            m.update(w.encode("utf-8"))
        hashes.append(m)
        if u.stems:
            lsh.insert(i, m)
    pairs = set()
    for i, u in enumerate(all_units):
        if u.stems:
            for j in lsh.query(hashes[i]):
                if j > i and all_units[j].doc_id != u.doc_id:
                    pairs.add((i, j))
    return pairs


def _duplicates(corpus: Corpus) -> tuple[list[dict], frozenset[str]]:
    """One 'duplicate' row per document whose body copies an earlier one, and the ids of those copies."""
    body = corpus.sentences[corpus.sentences["in_body"]].sort_values(["doc_id", "start"])
    digests = body.groupby("doc_id")["text"].agg(lambda t: hashlib.sha256("\n".join(t).encode("utf-8")).hexdigest())
    docs = corpus.documents.set_index("doc_id")
    rows, first = [], {}
    for doc_id, digest in sorted(digests.items()):
        original = first.setdefault(digest, doc_id)
        if original == doc_id:
            continue
        a, b = docs.loc[original], docs.loc[doc_id]
        rows.append(dict(doc_a=original, a_start=int(a.body_start), a_end=int(a.body_end), doc_b=doc_id,
                         b_start=int(b.body_start), b_end=int(b.body_end), score=1.0, relation="duplicate",
                         method="hash", a_sent_ids="", b_sent_ids=""))
    return rows, frozenset(r["doc_b"] for r in rows)


def _speakers_differ(a: Unit, b: Unit) -> bool:
    """Whether both sentences carry statements of catalogued speakers and no speaker is shared."""
    return bool(a.speakers and b.speakers and not a.speakers & b.speakers)


def _row(a: Unit, b: Unit, shared: float, cos: float, relation: str, method: str) -> dict:
    """One aligned sentence pair."""
    score = shared if method == "shingles" else cos
    return dict(doc_a=a.doc_id, a_sent=a.sent_id, a_pos=a.position, a_start=a.start, a_end=a.end,
                doc_b=b.doc_id, b_sent=b.sent_id, b_pos=b.position, b_start=b.start, b_end=b.end,
                shingle_containment=round(shared, 4), cosine=round(cos, 4), score=round(score, 4),
                relation=relation, method=method)


def _extend(seeds: dict, by_doc: dict[str, list[Unit]], idf: dict[str, float]) -> dict:
    """Grow the aligned pairs: neighbours (on both sides) of an aligned pair that reach EXTEND are aligned too."""
    aligned = dict(seeds)
    frontier = list(seeds)
    while frontier:
        a, b = frontier.pop()
        for na in by_doc[a.doc_id][max(0, a.position - EXTEND_WINDOW) : a.position + EXTEND_WINDOW + 1]:
            for nb in by_doc[b.doc_id][max(0, b.position - EXTEND_WINDOW) : b.position + EXTEND_WINDOW + 1]:
                key = (na, nb)
                if key in aligned or _speakers_differ(na, nb):
                    continue
                cos = cosine(na.stems, nb.stems, idf)
                if cos >= EXTEND:
                    aligned[key] = _row(na, nb, containment(na.shingles, nb.shingles), cos, "paraphrase", "extend")
                    frontier.append(key)
    return aligned


def aligned_sentences(corpus: Corpus, copies: frozenset[str] | None = None) -> pd.DataFrame:
    """Every aligned sentence pair with its scores, relation and method, before merging into passages."""
    all_units = units(corpus, _duplicates(corpus)[1] if copies is None else copies)
    idf = _idf(all_units)
    by_doc: dict[str, list[Unit]] = {}
    for u in all_units:
        by_doc.setdefault(u.doc_id, []).append(u)
    scored = []
    for i, j in candidate_pairs(all_units):
        a, b = sorted((all_units[i], all_units[j]), key=lambda u: (u.doc_id, u.position))
        scored.append((a, b, containment(a.shingles, b.shingles), cosine(a.stems, b.stems, idf)))
    story = {(a.doc_id, b.doc_id) for a, b, shared, cos in scored if shared >= NEAR_VERBATIM or cos >= STORY_ANCHOR}
    seeds = {}
    for a, b, shared, cos in scored:
        if shared >= NEAR_VERBATIM:
            seeds[(a, b)] = _row(a, b, shared, cos, "verbatim" if shared >= VERBATIM else "near_verbatim", "shingles")
        elif (a.doc_id, b.doc_id) in story and cos >= PARAPHRASE and not _speakers_differ(a, b):
            seeds[(a, b)] = _row(a, b, shared, cos, "paraphrase", "tfidf")
    rows = list(_extend(seeds, by_doc, idf).values())
    columns = ["doc_a", "a_sent", "a_pos", "a_start", "a_end", "doc_b", "b_sent", "b_pos", "b_start", "b_end",
               "shingle_containment", "cosine", "score", "relation", "method"]
    table = pd.DataFrame(rows, columns=columns)
    return table.sort_values(["doc_a", "doc_b", "a_pos", "b_pos"]).reset_index(drop=True)


def _merge(pairs: pd.DataFrame) -> list[dict]:
    """Passages: aligned pairs of one document pair merged while adjacent on both sides."""
    passages: list[list] = []
    for (doc_a, doc_b), group in pairs.groupby(["doc_a", "doc_b"], sort=True):
        clusters: list[list] = []
        for row in group.itertuples():
            home = next((c for c in clusters if any(abs(row.a_pos - r.a_pos) <= EXTEND_WINDOW
                                                    and abs(row.b_pos - r.b_pos) <= EXTEND_WINDOW for r in c)), None)
            if home is None:
                clusters.append([row])
            else:
                home.append(row)
        passages += clusters
    rows = []
    for members in passages:
        best = min(members, key=lambda r: (RELATION_ORDER[r.relation], -r.score))
        rows.append(dict(
            doc_a=best.doc_a, a_start=min(r.a_start for r in members), a_end=max(r.a_end for r in members),
            doc_b=best.doc_b, b_start=min(r.b_start for r in members), b_end=max(r.b_end for r in members),
            score=max(r.score for r in members if r.relation == best.relation), relation=best.relation,
            method="+".join(sorted({r.method for r in members})),
            a_sent_ids=" ".join(str(s) for s in sorted({r.a_sent for r in members})),
            b_sent_ids=" ".join(str(s) for s in sorted({r.b_sent for r in members})),
        ))
    return rows


def reuse(corpus: Corpus) -> pd.DataFrame:
    """Passages two documents share: one row per passage pair, with score, relation and detecting method."""
    duplicate_rows, copies = _duplicates(corpus)
    rows = duplicate_rows + _merge(aligned_sentences(corpus, copies))
    table = pd.DataFrame(rows, columns=COLUMNS)
    return table.sort_values(["doc_a", "doc_b", "a_start", "b_start"], kind="stable").reset_index(drop=True)
