"""Shared passages: text two documents share verbatim, lightly edited (same wire copy) or paraphrased.

Near-identical documents (a copy, a re-post with a line added) are found first and reported as one cluster: one
`duplicate` row per copy, naming the cluster's first document; only that first document takes part in the
alignment, so a thousand copies cost one document, not a million pairs.

Units are body sentences. MinHash LSH (datasketch) over each sentence's content-word stems finds candidate pairs
across documents, so the work grows with the corpus and the pairs that share words, not with all pairs; each
candidate is then scored exactly:
- `shingles`: containment of word 3-grams (NEAR_VERBATIM), for verbatim and edited copy;
- `tfidf`: cosine of IDF-weighted terms (the stems of the content words written in lower case, and the numbers:
  what is said, not who says it, as a long name would make two sentences alike), for paraphrase (another
  translation of the same statement), sought between any two documents (PARAPHRASE) and, more loosely
  (STORY_PARAPHRASE), between two documents that already share an anchor (two different sentences one copies or
  closely paraphrases: they tell the same story; identical sentences alone, such as a site's notice on every page,
  do not make a story);
- `extend`: seed-and-extend, as text-reuse aligners do: a sentence next to an aligned pair (within
  EXTEND_WINDOW body sentences on both sides) is aligned to its best free partner there at the lower cosine EXTEND
  of all content-word stems, names included (next to an aligned pair, the same names continue the same passage).
Each aligned pair must be the same statement: its catalogued speakers agree, its numbers agree (two sentences
built on one template with other figures are two statements), and a pair aligned on its own (not by extension)
shares a referent: a name, a number, or the speaker of a reported statement. Sentences sharing common words only
are formulas ("we want to make sure we can hear you and you can hear us", said by one moderator in two briefings:
the speaker of a transcript's turns is no referent). A copy shares MIN_STEMS content words, and at least
NEAR_VERBATIM of the shorter one's 3-grams that hold a term are copied too: a copied name alone ("Combined Joint
Task Force Operation Inherent Resolve officials said today") is a copy only for the same reported speaker. A
paraphrase shares MIN_TERMS terms; a sentence copied elsewhere in the other document is not also paired by
paraphrase.
A sentence pair is `verbatim` when its words are the same, `near_verbatim` when most of the shorter one is copied
(EDITED), else `paraphrase`. Aligned pairs near each other on both sides merge into one passage, labelled by its
least changed pair but `verbatim` only when the passage's words are the same on both sides.
"""

import hashlib
import math
import re
from bisect import bisect_left, bisect_right
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache, lru_cache
from itertools import chain

import numpy as np
import pandas as pd
import snowballstemmer
from datasketch import MinHash, MinHashLSH

from analysis import lexicon
from analysis.stages.catalogue import catalogue
from analysis.stages.corpus import Corpus
from analysis.stages.quotes import COLON_CUE

COLUMNS = ["doc_a", "a_start", "a_end", "doc_b", "b_start", "b_end", "score", "relation", "method",
           "a_sent_ids", "b_sent_ids"]
PAIR_COLUMNS = ["doc_a", "a_sent", "a_pos", "a_start", "a_end", "doc_b", "b_sent", "b_pos", "b_start", "b_end",
                "shingle_containment", "cosine", "score", "relation", "method"]
COPY_COLUMNS = ["doc_id", "copy_of", "similarity", "method"]
KEY_COLUMNS = ["doc_id", "sent_id", "stems", "terms", "names", "speakers", "reported", "signature"]
BODY_COLUMNS = ["doc_id", "digest", "signature"]
SHINGLE = 3  # words per shingle
NEAR_VERBATIM = 0.4  # shingle containment of a copy, edited or not, for a pair to be aligned by its shingles
EDITED = 0.7  # shingle containment of a copy lightly edited (`near_verbatim`); below, the sentence was rewritten
PARAPHRASE = 0.4  # IDF cosine of the terms of a paraphrase between any two documents
STORY_PARAPHRASE = 0.2  # IDF cosine of a paraphrase between two documents telling the same story
STORY_ANCHOR = 0.5  # IDF cosine (or near-verbatim copy) of two different sentences that makes two documents one story
MIN_STEMS = 4  # content stems a copied pair shares at least (fewer: a stock phrase, "Well, good morning.")
MIN_TERMS = 3  # terms (lower-case content words, numbers) a paraphrase pair shares at least
EXTEND = 0.15  # IDF cosine of content-word stems (names included) of a pair next to an aligned pair
EXTEND_MIN_TERMS = 2  # terms an extended pair shares at least
EXTEND_WINDOW = 2  # body sentences either side of an aligned pair that extension looks at
CLUSTER = 20  # documents one sentence may be in before each copy is paired with its first occurrence only (a
# sentence in D documents is D(D-1)/2 pairs: a boilerplate line in thousands of documents would be millions)
LSH_THRESHOLD = 0.1  # estimated Jaccard of content-word sets for a pair to be scored at all
NUM_PERM = 128
COPY = 0.9  # Jaccard of two bodies' word 3-grams that makes one a copy of the other
COPY_CANDIDATE = 0.7  # estimated Jaccard for two bodies to be compared exactly (at COPY, LSH would miss some)
COPY_PERM = 64
FEW_LEFT = 20  # documents left to compare below which `copies` joins only the bodies it reads (each a pass over the
# sentences table), not every body at once
MINHASH_SCHEME = "affine32"  # datasketch's default permutation scheme, named when the permutations are given
RELATION_ORDER = {"duplicate": 0, "verbatim": 1, "near_verbatim": 2, "paraphrase": 3}

_WORD = re.compile(r"\w+")
_NUMBER = re.compile(r"\d[\d,.]*")


@cache
def stopwords() -> frozenset[str]:
    """English function words from data/stopwords.txt."""
    return lexicon.words("stopwords.txt")


@cache
def _not_terms() -> frozenset[str]:
    """Lower-case words that say nothing of what happened: function words, and name particles ("al" of "al-Abadi",
    "bin"), which belong to the names around them."""
    return stopwords() | frozenset().union(*lexicon.name_particles())


@cache
def _stemmer():
    """The Snowball English stemmer."""
    return snowballstemmer.stemmer("english")


def words(text: str) -> list[str]:
    """Lower-cased words of a text, apostrophes unified (a matching copy: offsets are not kept)."""
    return _WORD.findall(text.lower().replace("’", "'"))


@lru_cache(maxsize=1 << 18)
def stem(word: str) -> str:
    """A word's Snowball stem (remembered: the stemmer is pure Python, and a corpus repeats its words)."""
    return _stemmer().stemWord(word)


def content_stems(text: str) -> list[str]:
    """Stems of the content words of a text (function words left out)."""
    stop = stopwords()
    return [stem(w) for w in words(text) if w not in stop]


def shingles(text: str, size: int = SHINGLE) -> set[tuple[str, ...]]:
    """The set of word n-grams of a text."""
    w = words(text)
    return {tuple(w[i : i + size]) for i in range(len(w) - size + 1)}


def said_shingles(text: str, size: int = SHINGLE) -> set[tuple[str, ...]]:
    """The word n-grams of a text that hold a term (a content word written in lower case, or a number): the n-grams
    that carry what is said, not only who says it or where ("Combined Joint Task Force Operation")."""
    stop = stopwords()
    found = _WORD.findall(text.replace("’", "'"))
    said = [(w.islower() and len(w) > 1 and w not in stop) or w.isdigit() for w in found]
    w = [x.lower() for x in found]
    return {tuple(w[i : i + size]) for i in range(len(w) - size + 1) if any(said[i : i + size])}


def terms(text: str) -> frozenset[str]:
    """Stems of the content words a text writes in lower case, and its numbers: the words that say what happened,
    apart from the names of who and where (a long name would otherwise count as many shared words)."""
    stop = _not_terms()
    lower = [w for w in _WORD.findall(text.replace("’", "'")) if w.islower() and len(w) > 1 and w not in stop]
    return frozenset(map(stem, lower)) | numbers(text)


def names(text: str) -> frozenset[str]:
    """Lower-cased capitalised words of a text after its first word (function words and single letters left out):
    the names of who and where a sentence is about."""
    stop = stopwords()
    found = _WORD.findall(text.replace("’", "'"))[1:]
    return frozenset(w.lower() for w in found if w[0].isupper() and len(w) > 1 and w.lower() not in stop)


def numbers(text: str) -> frozenset[str]:
    """The numbers a text writes in digits, without thousands separators or a closing stop ("1,335." -> "1335")."""
    return frozenset(n.replace(",", "").rstrip(".") for n in _NUMBER.findall(text))


@dataclass(eq=False)
class Unit:
    """One body sentence prepared for comparison."""

    doc_id: str
    sent_id: int
    position: int  # index among the document's body sentences
    start: int
    end: int
    words: tuple[str, ...]
    stems: frozenset[str]
    terms: frozenset[str]  # stems of the words written in lower case, and the numbers: what is said, not who
    shingles: set[tuple[str, ...]]
    said: set[tuple[str, ...]]  # the shingles holding a term
    numbers: frozenset[str]
    names: frozenset[str]
    speakers: frozenset[str]  # catalogued speakers of the statements touching the sentence
    reported: frozenset[str]  # those of them reported with a verb ("he said"), not a transcript's "Name:" turn
    signature: bytes  # MinHash of the stems (see `signature`)


def _starts_by_document(sentences: pd.DataFrame) -> dict[str, tuple[list[int], list[int]]]:
    """doc_id -> the starts and sent_ids of its sentences, in the table's order (one pass over two columns)."""
    by_doc: dict[str, tuple[list[int], list[int]]] = {}
    for doc_id, start, sent_id in zip(sentences["doc_id"].tolist(), sentences["start"].tolist(),
                                      sentences["sent_id"].tolist()):
        starts, ids = by_doc.setdefault(doc_id, ([], []))
        starts.append(start)
        ids.append(sent_id)
    return by_doc


def _speakers_by_sentence(by_doc: dict[str, tuple[list[int], list[int]]],
                          quotes: pd.DataFrame) -> dict[tuple[str, int], frozenset[str]]:
    """Catalogued speakers whose statement (cue or content) touches each sentence (by_doc: see _starts_by_document)."""
    said = quotes[quotes["speaker"].isin(set(catalogue()["actor_id"]))]
    found: dict[tuple[str, int], set[str]] = {}
    for q in said.itertuples():
        if q.doc_id not in by_doc:
            continue
        starts, ids = by_doc[q.doc_id]
        lo, hi = min(q.cue_start, q.content_start), max(q.cue_end, q.content_end)
        for i in range(max(bisect_right(starts, lo) - 1, 0), bisect_left(starts, hi)):
            found.setdefault((q.doc_id, int(ids[i])), set()).add(q.speaker)
    return {k: frozenset(v) for k, v in found.items()}


def _after_turn_label(doc_id: str, start: int, end: int, text: str, turn_ends: dict[str, list[int]]) -> str:
    """A sentence's text after the "Name:" label of a transcript's turn it opens with (the label names who speaks,
    not what the sentence is about)."""
    ends = turn_ends.get(doc_id, [])
    inside = ends[bisect_left(ends, start) : bisect_right(ends, end)]
    return text[inside[-1] - start :] if inside else text


def reuse_keys(corpus: Corpus, quotes: pd.DataFrame) -> pd.DataFrame:
    """What each body sentence is compared by, as space-separated words: its content-word stems, terms, names (after
    a transcript turn's label), catalogued speakers and reported speakers; and the MinHash signature of its stems (the
    LSH input). Per document (the cache keeps it: adding a document stems and hashes that document alone)."""
    body = corpus.sentences[corpus.sentences["in_body"]].sort_values(["doc_id", "start"])
    by_doc = _starts_by_document(body)
    speakers = _speakers_by_sentence(by_doc, quotes)
    reported = _speakers_by_sentence(by_doc, quotes[quotes["cue_lemma"] != COLON_CUE])
    turns = quotes[quotes["cue_lemma"] == COLON_CUE]
    turn_ends = {doc_id: sorted(group.tolist()) for doc_id, group in turns.groupby("doc_id")["cue_end"]}
    columns = [body[c].tolist() for c in ("doc_id", "sent_id", "start", "end", "text")]
    stems = [set(content_stems(text)) for text in columns[4]]
    rows = [(doc_id, sent_id, *(" ".join(sorted(keys)) for keys in (
                stemmed, terms(text), names(_after_turn_label(doc_id, start, end, text, turn_ends)),
                speakers.get((doc_id, sent_id), ()), reported.get((doc_id, sent_id), ()))), signed)
            for doc_id, sent_id, start, end, text, stemmed, signed in zip(*columns, stems, signatures(stems, NUM_PERM))]
    return pd.DataFrame(rows, columns=KEY_COLUMNS).astype({"sent_id": "int64"})


def units(corpus: Corpus, reuse_keys: pd.DataFrame, copies: pd.DataFrame) -> list[Unit]:
    """The body sentences of the corpus (copies of another document left out), with their keys, for comparison."""
    body = corpus.sentences[corpus.sentences["in_body"] & ~corpus.sentences["doc_id"].isin(set(copies["doc_id"]))]
    body = body.sort_values(["doc_id", "start"]).merge(reuse_keys, on=["doc_id", "sent_id"], validate="one_to_one")
    positions = body.groupby("doc_id").cumcount()
    return [
        Unit(s.doc_id, int(s.sent_id), int(pos), int(s.start), int(s.end), tuple(words(s.text)),
             frozenset(s.stems.split()), frozenset(s.terms.split()), shingles(s.text), said_shingles(s.text),
             numbers(s.text), frozenset(s.names.split()), frozenset(s.speakers.split()),
             frozenset(s.reported.split()), s.signature)
        for s, pos in zip(body.itertuples(), positions)
    ]


def _idf(sets: list[frozenset[str]]) -> dict[str, float]:
    """Inverse document frequency of each word of the sentences' word sets, counting sentences as documents."""
    df = Counter(w for words_of in sets for w in words_of)
    return {w: math.log(len(sets) / n) for w, n in df.items()}


def cosine(a: frozenset[str], b: frozenset[str], idf: dict[str, float]) -> float:
    """Cosine of two word sets as binary IDF-weighted vectors."""
    num = sum(idf[w] ** 2 for w in a & b)
    den = math.sqrt(sum(idf[w] ** 2 for w in a) * sum(idf[w] ** 2 for w in b))
    return num / den if den else 0.0


def containment(a: set, b: set) -> float:
    """Share of the smaller set found in the other."""
    return len(a & b) / min(len(a), len(b)) if a and b else 0.0


@cache
def _permutations(num_perm: int):
    """MinHash's permutations for num_perm (the same for every signature: made once, not per signature)."""
    return MinHash(num_perm=num_perm).permutations


def signatures(token_sets: Iterable[set], num_perm: int) -> list[bytes]:
    """The MinHash signature of each set of strings or tuples of strings as bytes (its num_perm 32-bit hash values),
    b"" for an empty set. One MinHash is cleared for each set: making one costs more than hashing a short sentence."""
    m = MinHash(num_perm=num_perm, permutations=_permutations(num_perm), scheme=MINHASH_SCHEME)
    found = []
    for tokens in token_sets:
        if not tokens:
            found.append(b"")
            continue
        m.clear()
        m.update_batch([(" ".join(t) if isinstance(t, tuple) else t).encode("utf-8") for t in tokens])
        found.append(m.hashvalues.tobytes())
    return found


def _restored(signature_bytes: bytes, num_perm: int) -> MinHash:
    """A MinHash from the bytes `signature` made."""
    return MinHash(hashvalues=np.frombuffer(signature_bytes, dtype=np.uint32), permutations=_permutations(num_perm),
                   scheme=MINHASH_SCHEME)


def _lsh_pairs(signatures: list[bytes], threshold: float, num_perm: int,
               weights: tuple[float, float]) -> set[tuple[int, int]]:
    """Index pairs (i < j) whose signatures MinHash LSH puts in one bucket (empty ones are never paired)."""
    lsh = MinHashLSH(threshold=threshold, num_perm=num_perm, weights=weights)
    hashes = {i: _restored(s, num_perm) for i, s in enumerate(signatures) if s}
    for i, m in hashes.items():
        lsh.insert(i, m)
    return {(i, j) for i, m in hashes.items() for j in lsh.query(m) if j > i}


def candidate_pairs(all_units: list[Unit]) -> set[tuple[int, int]]:
    """Index pairs (i < j, different documents) whose content-word sets MinHash LSH puts together. Units with the
    same signature share every bucket, so LSH indexes each signature once: a sentence a long document repeats
    hundreds of times costs one entry, not hundreds squared pairs of the same document; a sentence in more than
    CLUSTER documents is one cluster, its copies paired with its first occurrence, not every pair of them."""
    groups: dict[bytes, list[int]] = {}
    for i, u in enumerate(all_units):
        groups.setdefault(u.signature, []).append(i)
    signatures = [s for s in groups if s]
    pairs = _lsh_pairs(signatures, LSH_THRESHOLD, NUM_PERM, (0.2, 0.8))  # favour recall
    pairs |= {(g, g) for g in range(len(signatures))}  # a signature shares its buckets with itself
    docs = [{all_units[i].doc_id for i in groups[s]} for s in signatures]
    found = set()
    for g, h in pairs:
        if len(docs[g] | docs[h]) == 1:
            continue  # every pair is of one document
        one, other = groups[signatures[g]], groups[signatures[h]]
        if max(len(docs[g]), len(docs[h])) <= CLUSTER:
            linked: Iterable[tuple[int, int]] = ((i, j) for i in one for j in other)
        else:  # a sentence in many documents: each copy is paired with the other side's first occurrence only
            linked = chain(((one[0], j) for j in other), ((i, other[0]) for i in one))
        found |= {(min(i, j), max(i, j)) for i, j in linked if all_units[i].doc_id != all_units[j].doc_id}
    return found


def _jaccard(a: set, b: set) -> float:
    """Jaccard similarity of two sets."""
    return len(a & b) / len(a | b) if a or b else 1.0


def _bodies(corpus: Corpus, only: set[str] | None = None) -> dict[str, str]:
    """Each document's body text (its body sentences joined by line breaks), by doc_id, in doc_id order (one pass
    over the columns: a groupby would join each document's sentences in a frame of its own); with `only`, of those
    documents alone."""
    body = corpus.sentences[corpus.sentences["in_body"]]
    if only is not None:
        body = body[body["doc_id"].isin(only)]
    body = body.sort_values(["doc_id", "start"])
    parts: dict[str, list[str]] = {}
    for doc_id, text in zip(body["doc_id"].tolist(), body["text"].tolist()):
        parts.setdefault(doc_id, []).append(text)
    return {doc_id: "\n".join(texts) for doc_id, texts in parts.items()}


def body_keys(corpus: Corpus) -> pd.DataFrame:
    """What `copies` compares each document's body by: the SHA-256 of its text and the MinHash signature of its word
    3-grams. Per document (the cache keeps it: adding a document hashes that document alone)."""
    texts = _bodies(corpus)
    signed = signatures((shingles(text) for text in texts.values()), COPY_PERM)
    return pd.DataFrame([(doc_id, hashlib.sha256(text.encode("utf-8")).hexdigest(), signature)
                         for (doc_id, text), signature in zip(texts.items(), signed)], columns=BODY_COLUMNS)


def _resumed(keys: list[tuple[str, str, bytes]], earlier: tuple[pd.DataFrame, pd.DataFrame] | None) -> int:
    """How many of the documents (doc_id, digest, signature in doc_id order) an earlier run of `copies` began with
    too, with the same bodies (`earlier`: its body keys and its rows): their rows still hold."""
    if earlier is None:
        return 0
    before = sorted(zip(earlier[0]["doc_id"].tolist(), earlier[0]["digest"].tolist()))
    same = 0
    for (doc_id, digest, _), old in zip(keys, before):
        if (doc_id, digest) != old:
            break
        same += 1
    return same


def copies(corpus: Corpus, body_keys: pd.DataFrame,
           earlier: tuple[pd.DataFrame, pd.DataFrame] | None = None) -> pd.DataFrame:
    """Documents whose body is a copy (word 3-gram Jaccard >= COPY) of an earlier one: one row per copy, naming the
    first document of its cluster (`copy_of`), the similarity and how it was found (`hash`: the same body). Only
    each cluster's first document is indexed, so checking a document costs the clusters it resembles, not the copies
    already seen; 3-grams are read only for the documents LSH pairs. Each document is judged against the documents
    before it (in doc_id order), so with `earlier` (the body keys and rows of an earlier run of this code) the
    documents both runs begin with keep their rows, and only the rest are compared (adding an article compares it)."""
    keys = sorted(zip(body_keys["doc_id"], body_keys["digest"], body_keys["signature"]))
    resumed = _resumed(keys, earlier)
    texts = _bodies(corpus) if len(keys) - resumed > FEW_LEFT else {}  # else each body joined when first needed
    lsh = MinHashLSH(threshold=COPY_CANDIDATE, num_perm=COPY_PERM)
    firsts: dict[str, str] = {}  # body digest -> the first document with it
    grams: dict[str, set] = {}

    def grams_of(doc_id: str) -> set:
        if doc_id not in grams:
            grams[doc_id] = shingles(texts[doc_id] if doc_id in texts else _bodies(corpus, {doc_id})[doc_id])
        return grams[doc_id]

    def first(doc_id: str, digest: str, signed: bytes) -> None:  # a cluster's first document, indexed
        firsts[digest] = doc_id
        if signed:
            lsh.insert(digest, _restored(signed, COPY_PERM))

    rows = []
    copied = {} if earlier is None else {r["doc_id"]: r for r in earlier[1].to_dict("records")}
    for doc_id, digest, signed in keys[:resumed]:
        if doc_id in copied:
            rows.append(copied[doc_id])
        else:
            first(doc_id, digest, signed)
    for doc_id, digest, signed in keys[resumed:]:
        if digest in firsts:
            rows.append(dict(doc_id=doc_id, copy_of=firsts[digest], similarity=1.0, method="hash"))
            continue
        found = lsh.query(_restored(signed, COPY_PERM)) if signed else []
        similar = sorted((_jaccard(grams_of(doc_id), grams_of(firsts[d])), d) for d in found)
        if similar and similar[-1][0] >= COPY:
            rows.append(dict(doc_id=doc_id, copy_of=firsts[similar[-1][1]], similarity=round(similar[-1][0], 4),
                             method="minhash"))
            continue
        first(doc_id, digest, signed)
    return pd.DataFrame(rows, columns=COPY_COLUMNS)


def _same_statement(a: Unit, b: Unit, min_terms: int) -> bool:
    """Whether two sentences can state the same thing: enough shared terms, speakers and numbers agree."""
    if len(a.terms & b.terms) < min_terms:
        return False
    if a.speakers and b.speakers and not a.speakers & b.speakers:
        return False
    return not (a.numbers and b.numbers and not a.numbers & b.numbers)


def _shared_referent(a: Unit, b: Unit) -> bool:
    """Whether two sentences are about the same someone or something: they share a name or a number, or report the
    same speaker's statement. Sentences sharing common words only are a formula, even in one speaker's turns of two
    transcripts ("I want to make sure we can hear you")."""
    return bool(a.names & b.names or a.numbers & b.numbers or a.reported & b.reported)


def _kind(a: Unit, b: Unit, shared: float, cos: float) -> str | None:
    """How a candidate pair can be aligned on its own, when the two share a referent: `shingles` (a copy sharing
    MIN_STEMS content words whose copied n-grams hold what is said: names alone are copied by the same reported
    speaker only), `tfidf` (a possible paraphrase: its cosine is checked against the document pair's threshold) or
    None."""
    if not _shared_referent(a, b):
        return None
    if shared >= NEAR_VERBATIM and len(a.stems & b.stems) >= MIN_STEMS and _same_statement(a, b, 0) and (
            containment(a.said, b.said) >= NEAR_VERBATIM or a.reported & b.reported):
        return "shingles"
    return "tfidf" if cos >= STORY_PARAPHRASE and _same_statement(a, b, MIN_TERMS) else None


def _copied_elsewhere(a: Unit, b: Unit, copied: dict[tuple[Unit, str], int]) -> bool:
    """Whether either sentence is copied (shingles) to a sentence of the other document away from this pair: then
    this pair is a look-alike, not the same statement."""
    return abs(copied.get((a, b.doc_id), b.position) - b.position) > 1 or abs(
        copied.get((b, a.doc_id), a.position) - a.position) > 1


def _relation(a: Unit, b: Unit, shared: float) -> str:
    """How much a copied sentence changed: `verbatim` (the same words), `near_verbatim` or `paraphrase`."""
    if a.words == b.words:
        return "verbatim"
    return "near_verbatim" if shared >= EDITED else "paraphrase"


def _row(a: Unit, b: Unit, shared: float, cos: float, method: str) -> dict:
    """One aligned sentence pair."""
    score = shared if method == "shingles" else cos
    return dict(doc_a=a.doc_id, a_sent=a.sent_id, a_pos=a.position, a_start=a.start, a_end=a.end,
                doc_b=b.doc_id, b_sent=b.sent_id, b_pos=b.position, b_start=b.start, b_end=b.end,
                shingle_containment=round(shared, 4), cosine=round(cos, 4), score=round(score, 4),
                relation=_relation(a, b, shared), method=method)


def _window(units_of_doc: list[Unit], u: Unit) -> list[Unit]:
    """The body sentences within EXTEND_WINDOW of a sentence, itself included."""
    return units_of_doc[max(0, u.position - EXTEND_WINDOW) : u.position + EXTEND_WINDOW + 1]


def _extend(seeds: dict, by_doc: dict[str, list[Unit]], idf: dict[str, float]) -> dict:
    """Grow the aligned pairs: a neighbour of an aligned pair joins the alignment with its best partner in the other
    document's window when that pair reaches EXTEND and is the same statement."""
    aligned = dict(seeds)
    taken: dict[tuple[str, str], tuple[set, set]] = {}
    for a, b in seeds:
        sides = taken.setdefault((a.doc_id, b.doc_id), (set(), set()))
        sides[0].add(a)
        sides[1].add(b)
    frontier = list(seeds)
    while frontier:
        a, b = frontier.pop()
        taken_a, taken_b = taken[(a.doc_id, b.doc_id)]
        scored = [(cosine(na.stems, nb.stems, idf), na, nb) for na in _window(by_doc[a.doc_id], a)
                  for nb in _window(by_doc[b.doc_id], b)
                  if na not in taken_a and nb not in taken_b and _same_statement(na, nb, EXTEND_MIN_TERMS)]
        for cos, na, nb in sorted(scored, key=lambda t: (-t[0], t[1].position, t[2].position)):
            if cos < EXTEND or na in taken_a or nb in taken_b:
                continue
            aligned[(na, nb)] = _row(na, nb, containment(na.shingles, nb.shingles), cos, "extend")
            taken_a.add(na)
            taken_b.add(nb)
            frontier.append((na, nb))
    return aligned


def shared_sentences(corpus: Corpus, reuse_keys: pd.DataFrame, copies: pd.DataFrame) -> pd.DataFrame:
    """Every aligned sentence pair with its scores, relation and method, before merging into passages."""
    all_units = units(corpus, reuse_keys, copies)
    term_idf, stem_idf = _idf([u.terms for u in all_units]), _idf([u.stems for u in all_units])
    by_doc: dict[str, list[Unit]] = {}
    for u in all_units:
        by_doc.setdefault(u.doc_id, []).append(u)
    scored = []
    for i, j in candidate_pairs(all_units):
        a, b = sorted((all_units[i], all_units[j]), key=lambda u: (u.doc_id, u.position))
        scored.append((a, b, containment(a.shingles, b.shingles), cosine(a.terms, b.terms, term_idf)))
    kinds = [(a, b, shared, cos, _kind(a, b, shared, cos)) for a, b, shared, cos in scored]
    story = {(a.doc_id, b.doc_id) for a, b, shared, cos, kind in kinds
             if a.words != b.words and (kind == "shingles" or (kind == "tfidf" and cos >= STORY_ANCHOR))}
    copied = {(x, y.doc_id): y.position for x, y, *_, kind in kinds if kind == "shingles"}
    copied |= {(y, x.doc_id): x.position for x, y, *_, kind in kinds if kind == "shingles"}
    seeds = {(a, b): _row(a, b, shared, cos, kind) for a, b, shared, cos, kind in kinds
             if kind == "shingles" or (kind == "tfidf" and (cos >= PARAPHRASE or (a.doc_id, b.doc_id) in story)
                                       and not _copied_elsewhere(a, b, copied))}
    table = pd.DataFrame(list(_extend(seeds, by_doc, stem_idf).values()), columns=PAIR_COLUMNS)
    return table.sort_values(["doc_a", "doc_b", "a_pos", "b_pos"]).reset_index(drop=True)


def _passages(group: pd.DataFrame) -> list[list]:
    """The aligned pairs of one document pair, merged while adjacent on both sides."""
    clusters: list[list] = []
    for row in group.itertuples():
        home = next((c for c in clusters if any(abs(row.a_pos - r.a_pos) <= EXTEND_WINDOW
                                                and abs(row.b_pos - r.b_pos) <= EXTEND_WINDOW for r in c)), None)
        if home is None:
            clusters.append([row])
        else:
            home.append(row)
    return clusters


def _passage_row(members: list, texts: dict[str, str]) -> dict:
    """One passage: its extent on both sides, its least changed relation (verbatim only if its words are the same
    on both sides), the score of that relation and the methods that found it."""
    best = min(members, key=lambda r: (RELATION_ORDER[r.relation], -r.score))
    row = dict(doc_a=best.doc_a, a_start=min(r.a_start for r in members), a_end=max(r.a_end for r in members),
               doc_b=best.doc_b, b_start=min(r.b_start for r in members), b_end=max(r.b_end for r in members),
               score=max(r.score for r in members if r.relation == best.relation), relation=best.relation,
               method="+".join(sorted({r.method for r in members})),
               a_sent_ids=" ".join(str(s) for s in sorted({r.a_sent for r in members})),
               b_sent_ids=" ".join(str(s) for s in sorted({r.b_sent for r in members})))
    same = words(texts[row["doc_a"]][row["a_start"] : row["a_end"]]) == words(
        texts[row["doc_b"]][row["b_start"] : row["b_end"]])
    if row["relation"] == "verbatim" and not same:
        row["relation"] = "near_verbatim"
    return row


def reuse(corpus: Corpus, copies: pd.DataFrame, shared_sentences: pd.DataFrame) -> pd.DataFrame:
    """Passages two documents share: one row per passage pair (and one `duplicate` row per copied document), with
    score, relation and detecting method."""
    docs = corpus.documents
    body = dict(zip(docs["doc_id"], zip(docs["body_start"].tolist(), docs["body_end"].tolist())))
    rows = [dict(doc_a=c.copy_of, a_start=int(body[c.copy_of][0]), a_end=int(body[c.copy_of][1]), doc_b=c.doc_id,
                 b_start=int(body[c.doc_id][0]), b_end=int(body[c.doc_id][1]), score=c.similarity,
                 relation="duplicate", method=c.method, a_sent_ids="", b_sent_ids="") for c in copies.itertuples()]
    for _, group in shared_sentences.groupby(["doc_a", "doc_b"], sort=True):
        rows += [_passage_row(members, corpus.texts) for members in _passages(group)]
    table = pd.DataFrame(rows, columns=COLUMNS)
    return table.sort_values(["doc_a", "doc_b", "a_start", "b_start"], kind="stable").reset_index(drop=True)
