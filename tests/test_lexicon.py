"""Knowledge lives in analysis/data/: one reader for it (analysis.lexicon), every file with a header saying what it
holds and where its entries come from, and the stages' word lists read from there."""

import re
from pathlib import Path

import pytest
import yaml

from analysis import lexicon
from analysis.stages import actors, quotes, segment, unlisted
from analysis.views import overview

DATA = Path(lexicon.__file__).parent / "data"


@pytest.mark.parametrize("path", sorted(p.name for p in DATA.iterdir() if p.suffix in (".txt", ".yaml")))
def test_every_data_file_opens_with_a_header(path):
    lines = (DATA / path).read_text("utf-8").splitlines()
    header = [line for line in lines[:2] if line.startswith("#")]
    assert len(header) == 2, f"{path}: the first two lines must be a comment saying what it holds and whence"


class _NoDuplicates(yaml.SafeLoader):
    """A YAML loader that refuses a mapping with a key twice (YAML keeps the last silently)."""

    def construct_mapping(self, node, deep=False):
        keys = [self.construct_object(k, deep=deep) for k, _ in node.value]
        assert len(keys) == len(set(keys)), f"line {node.start_mark.line + 1}: a key twice in {sorted(keys)}"
        return super().construct_mapping(node, deep=deep)


@pytest.mark.parametrize("path", sorted(p.name for p in DATA.glob("*.yaml")))
def test_no_data_file_holds_a_key_twice(path):
    yaml.load((DATA / path).read_text("utf-8"), Loader=_NoDuplicates)


def test_a_word_list_leaves_out_comments_and_blank_lines():
    starters = lexicon.word_list("sentence_starters.txt")
    assert "The" in starters and not any(w.startswith("#") or not w.strip() for w in starters)
    assert lexicon.words("stopwords.txt") >= {"the", "of", "and"}


def test_grammar_entries_are_words_even_where_yaml_would_read_a_boolean():
    """YAML 1.1 reads a bare `on` as True; the prepositions must stay words."""
    assert "on" in lexicon.grammar("topic_prepositions") and "on" in lexicon.grammar("time_adjunct_openers")
    data = lexicon.data_yaml("grammar.yaml")
    for section, entries in data.items():
        values = entries.keys() if isinstance(entries, dict) else entries
        assert all(isinstance(v, str) for v in values), section


def test_name_particles_are_one_list_every_name_pattern_reads():
    particles, prefixes = lexicon.name_particles()
    assert {"bin", "ibn", "von"} <= particles and prefixes == {"al", "el"}
    name_run = quotes._NAME_RUN
    assert name_run.match("Osama bin Laden said").group() == "Osama bin Laden"
    assert name_run.match("Abu Bakr al-Baghdadi said").group() == "Abu Bakr al-Baghdadi"
    assert name_run.match("Charles de Gaulle said").group() == "Charles de Gaulle"
    assert name_run.match("Smith defended it").group() == "Smith"  # "de" is a particle only as a whole word
    assert all(segment._NAME_TOKEN.match(t) for t in ("bin", "von", "el-Sisi", "al-Baghdadi"))
    assert not segment._NAME_TOKEN.match("binding")
    assert {"bin", "al", "el", "of"} <= unlisted.CONNECTORS
    assert actors.written_forms("Hamid el-Sisi")[:4] == ["Hamid el-Sisi", "Hamid el Sisi", "Hamid El-Sisi",
                                                          "Hamid El Sisi"]


def test_word_lists_read_from_data_keep_their_patterns():
    assert quotes._POSTPOSED_AFTER.match(", the military said on Friday.", 0)
    assert quotes._PRONOUN.findall("He said she and they") == ["He", "she", "they"]
    assert segment._ROLE_BYLINE.fullmatch("Martin Chulov Middle East correspondent")
    assert segment._INTRODUCTION.match("Karim Nasser is a political analyst based in Beirut.").group("who") == \
        "Karim Nasser"
    assert overview._FIRST_PERSON.findall("I told us the US and We") == ["I", "us", "We"]


def test_no_stage_reads_a_data_file_but_through_the_lexicon():
    """One loader: no module opens analysis/data/ itself."""
    package = DATA.parent
    for path in sorted(package.rglob("*.py")):
        if path.name == "lexicon.py":
            continue
        source = path.read_text("utf-8")
        assert not re.search(r"joinpath\(f?\"data/", source), f"{path.relative_to(package)} reads analysis/data itself"
