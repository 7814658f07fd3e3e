"""An analyst's own actor catalogue (actors.yaml in the corpus folder, or --catalogue FILE) merged over the
package's: new actors, new aliases for existing ones, the same validation, clear one-line errors."""

import pytest

from analysis.__main__ import main
from analysis.pipeline import Build
from analysis.stages.actors import find_actors
from analysis.stages.catalogue import (USER_CATALOGUE_ENV, CatalogueError, catalogue, use_catalogue,
                                       without_titles)
from analysis.stages.corpus import load_corpus
from analysis.views.narratives import quoted
from notebook_factory import dated_corpus

HENSLEY = """actors:
- {id: mark_hensley, name: Mark Hensley, type: person, given: [Mark], family: [Hensley]}
- {id: isis, aliases: [Daech]}
"""


@pytest.fixture(autouse=True)
def package_catalogue(monkeypatch):
    """Each test starts with the package's catalogue alone, and leaves the environment as it found it."""
    monkeypatch.setenv(USER_CATALOGUE_ENV, "")
    monkeypatch.delenv(USER_CATALOGUE_ENV)


def test_without_an_analysts_file_the_colonel_is_unknown():
    assert [a for *_, a, _ in find_actors("Colonel Mark Hensley and Hensley")] == []


def test_actors_yaml_in_the_corpus_folder_adds_actors_and_aliases(tmp_path):
    corpus_dir = dated_corpus(tmp_path / "corpus")
    (corpus_dir / "actors.yaml").write_text(HENSLEY, encoding="utf-8")
    assert use_catalogue(corpus_dir) == (corpus_dir / "actors.yaml").resolve()
    found = find_actors("Colonel Mark Hensley and Hensley met the Daech fighters.")
    assert [(s, e, a) for s, e, a, _ in found] == [(8, 20, "mark_hensley"), (25, 32, "mark_hensley"), (41, 46, "isis")]
    table = catalogue()
    assert "Daech" in table.loc[table["actor_id"] == "isis", "aliases"].item().split("; ")
    assert "Islamic State" == table.loc[table["actor_id"] == "isis", "name"].item()  # the package's entry is kept
    build = Build(load_corpus(corpus_dir))
    wire = build["mentions"].query("doc_id == '901_wire' and actor_id == 'mark_hensley'")
    assert list(wire["surface"]) == ["Mark Hensley", "Hensley"]
    said = quoted(build.corpus, build["quotes"]).query("doc_id == '901_wire'")
    assert set(said.loc[said["speaker_text"].str.contains("Hensley"), "speaker_shown"]) == {"Mark Hensley"}


def test_titles_are_never_part_of_a_speakers_name():
    assert without_titles("Colonel Mark Hensley") == "Mark Hensley"
    assert without_titles("Maj. Gen. Qassem Soleimani") == "Qassem Soleimani"
    assert without_titles("Prime Minister") == "Prime Minister"  # titles alone stay
    assert without_titles("Hensley") == "Hensley"


def test_an_explicit_catalogue_wins_over_the_corpus_folders(tmp_path):
    corpus_dir = tmp_path / "corpus"
    corpus_dir.mkdir()
    (corpus_dir / "actors.yaml").write_text(HENSLEY, encoding="utf-8")
    mine = tmp_path / "mine.yaml"
    mine.write_text("actors:\n- {id: john_roe, name: John Roe, type: person}\n", encoding="utf-8")
    assert use_catalogue(corpus_dir, mine) == mine.resolve()
    assert [a for *_, a, _ in find_actors("John Roe met Mark Hensley")] == ["john_roe"]


@pytest.mark.parametrize("text, problem", [
    ("actors:\n- {id: john_roe, name: John Roe, type: pilot}\n", "actor 'john_roe': unknown type 'pilot'"),
    ("actors:\n- {id: isis, type: state}\n", "actor 'isis' is already in the package catalogue: only aliases, "
                                            "given, family, demonyms can be added to it, not ['type']"),
    ("actors:\n- {id: john_roe, name: John Roe, type: person, aliases: [Daesh]}\n",
     "alias 'Daesh' belongs to both 'isis' and 'john_roe'"),
    ("actors: [\n", "cannot read the actor catalogue"),
    ("people: []\n", "expected a mapping with an 'actors' list"),
])
def test_a_bad_analysts_catalogue_is_a_one_line_error_naming_the_file(tmp_path, text, problem):
    path = tmp_path / "actors.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(CatalogueError) as err:
        use_catalogue(tmp_path)
        find_actors("Daesh")  # an alias conflict shows when the matcher is built
    assert str(err.value).startswith("actors.yaml: ") and problem in str(err.value) and "\n" not in str(err.value)


def test_the_build_answers_a_bad_catalogue_with_one_line_and_exit_2(tmp_path, capsys):
    corpus_dir = dated_corpus(tmp_path / "corpus")
    bad = tmp_path / "bad.yaml"
    bad.write_text("actors:\n- {id: Bad Id, name: X, type: person}\n", encoding="utf-8")
    assert main(["build", "--corpus", str(corpus_dir), "--out", str(tmp_path / "out"), "--no-report",
                 "--catalogue", str(bad)]) == 2
    err = capsys.readouterr().err
    assert err == "error: bad.yaml: actor 'Bad Id': id must be a lower-case slug (a-z, 0-9, _)\n"
    assert not (tmp_path / "out").exists()


def test_the_build_writes_the_merged_catalogue_as_the_actors_table(tmp_path, capsys):
    corpus_dir = dated_corpus(tmp_path / "corpus")
    (corpus_dir / "actors.yaml").write_text(HENSLEY, encoding="utf-8")
    assert main(["build", "--corpus", str(corpus_dir), "--out", str(tmp_path / "out"), "--no-report"]) == 0
    assert "mark_hensley" in (tmp_path / "out" / "tables" / "actors.csv").read_text(encoding="utf-8")
    assert "Mark Hensley" in (tmp_path / "out" / "tables" / "mentions.csv").read_text(encoding="utf-8")
    assert "catalogue: the package's, with" in capsys.readouterr().err
