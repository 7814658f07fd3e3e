"""Unicode-safe matching: case-insensitive patterns match look-alike letters (ı İ ſ K), so every lookup after a
match uses the same length-preserving folding (analysis.text.lowered); property tests over arbitrary Unicode, with
ı İ ſ ß K and combining marks, run every stage and check that nothing crashes and every offset is exact."""

import re
import string
import tempfile
import warnings
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from analysis import CorpusError, load_corpus
from analysis.pipeline import WRITTEN, Build
from analysis.stages.actors import find_actors
from analysis.stages.corpus import CorpusWarning, document_tables
from analysis.stages.dateparse import find_dates
from analysis.stages.figures import parse_figures
from analysis.stages.segment import segment
from analysis.text import FOLDED, fold_char, lowered

# Words the stages look up after a case-insensitive match: scale words, units, currencies, reporting verbs,
# credit/blame cues, labels, months, relative dates, actor names.
TRIGGERS = ["billion", "million", "thousand", "kilometres", "miles", "dollars", "percent", "said", "says", "told",
            "according to", "blamed", "thanks to", "accused", "takfiri", "Daesh", "ISIS", "Hezbollah", "Iran",
            "Syrian", "October", "Monday", "last week", "two days later", "yesterday", "$5", "5", "2,000", "2017",
            "Nov.", "U.S.", "\"", "“", "”", ".", ",", "\n", "\n\n", "By", "Reuters", "(Source: AFP)"]
# Look-alikes re.IGNORECASE treats as the letter, a letter whose case forms differ in length, combining marks.
LOOKALIKE = {"i": ["ı", "İ"], "I": ["İ", "ı"], "s": ["ſ", "ß"], "S": ["ſ"], "k": ["\u212a"], "K": ["\u212a"],
             "a": ["a\u0301", "\u00e5"], "e": ["e\u0308", "\u0435"]}


def _mutate(word: str, choices: list[int]) -> str:
    """A word with some letters swapped for look-alikes (choices pick which, 0 keeps the letter)."""
    out = []
    for char, pick in zip(word, choices + [0] * len(word)):
        forms = LOOKALIKE.get(char, [])
        out.append(forms[(pick - 1) % len(forms)] if pick and forms else char)
    return "".join(out)


words = st.builds(_mutate, st.sampled_from(TRIGGERS), st.lists(st.integers(0, 2), max_size=12))
texts = st.lists(st.one_of(words, words, words, st.text(max_size=6)), min_size=1, max_size=40).map(" ".join)


def test_the_folding_table_is_complete():
    for code in range(0x10000):
        char = chr(code)
        if not 0xD800 <= code < 0xE000:
            assert lowered(char) == fold_char(char), hex(code)
    assert all(len(fold_char(c)) == 1 for c in FOLDED)


def test_every_character_an_ascii_letter_pattern_matches_folds_to_that_letter():
    every = "".join(chr(c) for c in range(0x110000) if not 0xD800 <= c < 0xE000)
    for char in set(re.findall("[a-z]", every, re.IGNORECASE)):
        assert lowered(char) in string.ascii_lowercase and re.fullmatch(lowered(char), char, re.IGNORECASE), char


@given(st.text())
def test_lowered_keeps_length_and_folds_each_character(text):
    low = lowered(text)
    assert len(low) == len(text)
    assert all(low[i] == fold_char(c) for i, c in enumerate(text))


@given(st.sampled_from(["billion", "said", "kilometres", "takfiri", "dollars", "miles"]),
       st.lists(st.integers(0, 2), max_size=12))
def test_a_case_insensitive_match_of_a_word_folds_back_to_it(word, choices):
    variant = _mutate(word, choices)
    if re.fullmatch(word, variant, re.IGNORECASE):
        assert lowered(variant) == word


@settings(max_examples=300, deadline=None)
@given(texts)
def test_string_stages_never_crash_and_keep_offsets(text):
    for f in parse_figures(text):
        assert text[f.start:f.end] == f.surface
    for d in find_dates(text):
        assert 0 <= d.start <= d.end <= len(text)
    for start, end, _, _ in find_actors(text):
        assert 0 <= start < end <= len(text)
    paragraphs, sentences, _ = segment(text)
    assert all(0 <= s.start <= s.end <= len(text) for para in sentences for s in para)
    _, _, _, spans, _ = document_tables("doc", text)
    assert "".join(text[s:e] for s, e in zip(spans["start"], spans["end"])) == text


def _load(folder: Path, texts_by_name: dict[str, str]):
    """A corpus of the given texts (warnings about them ignored)."""
    for name, text in texts_by_name.items():
        (folder / name).write_text(text, encoding="utf-8")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", CorpusWarning)
        return load_corpus(folder)


def _offset_problems(corpus, name: str, table) -> list[str]:
    """Rows of a table whose offsets leave their document or whose surface/text is not the text at them."""
    problems = []
    pairs = [("start", "end", col) for col in ("surface", "text", "sentence") if col in table.columns]
    for row in table.itertuples(index=False):
        row = row._asdict()
        doc = corpus.texts.get(row.get("doc_id"))
        if doc is None or "start" not in row:
            continue
        if not 0 <= row["start"] <= row["end"] <= len(doc):
            problems.append(f"{name}: ({row['start']}, {row['end']}) outside {row['doc_id']}")
        for start, end, col in pairs[:1]:
            if col in ("surface", "text") and isinstance(row[col], str) and doc[row[start]:row[end]] != row[col]:
                problems.append(f"{name}: {col} {row[col]!r} != text[{row[start]}:{row[end]}]")
    return problems


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(texts, min_size=2, max_size=3))
def test_every_table_of_every_stage_builds_on_look_alike_text_with_exact_offsets(documents):
    documents = [f"Headline {i}\n\n{text}\n" for i, text in enumerate(documents)]
    with tempfile.TemporaryDirectory() as folder:
        try:
            corpus = _load(Path(folder), {f"d{i}.txt": text for i, text in enumerate(documents)})
        except CorpusError as err:  # every document binary (control bytes): the documented one-line error
            assert "no readable .txt files" in str(err)
            return
        build = Build(corpus)
        problems = []
        for name in WRITTEN:
            problems += _offset_problems(corpus, name, build[name])
        assert problems == []


@pytest.mark.parametrize("text", [
    "It cost $5 bıllion.", "The general ſaid the war was over.",
    "They called them takfıri killers.",
    "The road is 5 kılometres long.", "It cost 300 dollarſ.", "ISIS was BLAMED by the İraqi army.",
    "The KILOMETRE-long convoy (\u212a) moved.", "Straße 5 km, said the man.",
])
def test_the_crashes_the_audit_found_on_look_alike_letters(tmp_path, text):
    corpus = _load(tmp_path, {"a.txt": f"Look-alike letters\n\nBAGHDAD, Oct. 1, 2017 - {text}\n",
                              "b.txt": "Another\n\nIraqi forces said 2,000 fighters were killed.\n"})
    build = Build(corpus)
    assert [p for name in WRITTEN for p in _offset_problems(corpus, name, build[name])] == []
