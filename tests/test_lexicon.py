"""Knowledge lives in analysis/data/: one reader for it (analysis.lexicon), every file with a header saying what it
holds and where its entries come from, and the stages' word lists read from there."""

import ast
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


_WORD = r"(?:\[[A-Z][a-z]\])?[a-z]+"  # "said", or "[Ss]aid" (the first letter in either case)
_INLINE_ALTERNATION = re.compile(rf"(?<![\w\]\\])({_WORD}(?:\|{_WORD}){{2,}})(?![\w\[])")
# The inline alternations of three or more lower-case words allowed in the package's code, by module: spelling rules.
_ALLOWED_ALTERNATIONS = {
    # spelling rules, not word lists: ordinal suffixes ("21st") and the endings that take "-es" in a plural
    ("stages/dateparse.py", "st|nd|rd|th"), ("stages/dates.py", "st|nd|rd|th"), ("stages/figures.py", "st|nd|rd|th"),
    ("stages/unlisted.py", "st|nd|rd|th"),
    ("stages/parse.py", "s|sh|ch|x|z"),
}


def _code_strings(path: Path) -> list[str]:
    """The string literals of a module's code (f-string parts included), its docstrings left out."""
    tree = ast.parse(path.read_text("utf-8"))
    docstrings = {id(node.body[0].value) for node in ast.walk(tree)
                  if isinstance(node, (ast.Module, ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef))
                  and node.body and isinstance(node.body[0], ast.Expr) and isinstance(node.body[0].value, ast.Constant)}
    return [node.value for node in ast.walk(tree)
            if isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in docstrings]


def test_no_module_writes_a_word_list_as_a_regex_alternation():
    """English words are data: a pattern takes them from analysis/data/ (lexicon.one_of), not from an inline
    "(?:the|a|an)". Only the listed spelling rules are allowed."""
    package = DATA.parent
    found = {(str(path.relative_to(package)), m) for path in sorted(package.rglob("*.py"))
             for literal in _code_strings(path) for m in _INLINE_ALTERNATION.findall(literal)}
    assert found <= _ALLOWED_ALTERNATIONS, sorted(found - _ALLOWED_ALTERNATIONS)
    assert _INLINE_ALTERNATION.findall(r"\s+(?:is|are|was)\s+") == ["is|are|was"]  # the check sees an alternation


def test_one_of_escapes_entries_and_tries_the_longest_first():
    assert lexicon.one_of(["a", "an", "the"]) == "(?:the|an|a)"
    assert re.fullmatch(lexicon.one_of(["c.", "~"]), "c.") and not re.fullmatch(lexicon.one_of(["c."]), "cx")
    assert re.fullmatch(lexicon.one_of(["news agency"]), "news \n agency")
    assert re.fullmatch(lexicon.one_of(["last"], either_case_initial=True), "Last")
    assert not re.fullmatch(lexicon.one_of(["last"], either_case_initial=True), "LAST")
    assert lexicon.tagged("grammar.yaml", "articles", "definite") == ("the",)
    assert set(lexicon.tagged("calendar.yaml", "time_units", "named")) == {"week", "month", "year"}


_TOKEN_WORDS = {"lower_", "text", "lemma_", "norm_", "orth_"}  # a token's words, as spaCy names them


def _compares_words(node: ast.AST) -> bool:
    """Whether an expression is a word of the text: a token's word attribute or a string lower-cased."""
    return (isinstance(node, ast.Attribute) and node.attr in _TOKEN_WORDS) or (
        isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr in ("lower", "casefold"))


def _inline_word_sets(source: str) -> list[str]:
    """The tests of a word against a literal tuple, list or set of strings ("tok.lower_ in ("of", "for")")."""
    return [ast.unparse(node) for node in ast.walk(ast.parse(source))
            if isinstance(node, ast.Compare) and _compares_words(node.left)
            and any(isinstance(op, (ast.In, ast.NotIn)) for op in node.ops)
            and any(isinstance(c, (ast.Tuple, ast.List, ast.Set)) and c.elts
                    and all(isinstance(e, ast.Constant) and isinstance(e.value, str) for e in c.elts)
                    for c in node.comparators)]


def test_no_module_tests_a_word_against_an_inline_word_list():
    """A set of words a rule accepts is a closed class with a name and a source in analysis/data/, not a tuple."""
    package = DATA.parent
    found = [(str(path.relative_to(package)), test) for path in sorted(package.rglob("*.py"))
             for test in _inline_word_sets(path.read_text("utf-8"))]
    assert not found, found
    assert _inline_word_sets('ok = t.lower_ in ("whether", "if")') == ["t.lower_ in ('whether', 'if')"]  # it sees one
