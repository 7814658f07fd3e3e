"""News outlets take their names from the actor catalogue: outlets.yaml references actor ids, aliases live in
actors.yaml only (an analyst's added alias names the outlet too)."""

import pytest

from analysis import lexicon
from analysis.stages.catalogue import USER_CATALOGUE_ENV, load_catalogue
from analysis.stages.corpus import load_corpus
from analysis.stages.metadata import outlet_named, outlets


@pytest.fixture(autouse=True)
def package_catalogue(monkeypatch):
    """Each test starts with the package's catalogue alone."""
    monkeypatch.delenv(USER_CATALOGUE_ENV, raising=False)


def test_every_outlet_is_a_catalogued_actor_or_names_itself():
    ids = {a.actor_id for a in load_catalogue().actors}
    for entry in lexicon.data_yaml("outlets.yaml"):
        assert entry.get("actor") in ids or (entry.get("masthead") and "actor" not in entry), entry
        assert "aliases" not in entry, entry


def test_no_outlet_name_repeats_an_actor_alias():
    """Site names are what only the outlet's own pages use; the names an article uses live in actors.yaml."""
    aliases = {alias.lower() for a in load_catalogue().actors for alias in a.aliases}
    for entry in lexicon.data_yaml("outlets.yaml"):
        assert not {n.lower() for n in entry.get("site_names", [])} & aliases, entry
        if "actor" not in entry:
            assert entry["masthead"].lower() not in aliases, f"{entry['masthead']} is an actor: reference its id"


def test_an_outlet_is_found_by_any_of_its_actors_names():
    assert outlet_named("Mehr News")["name"] == "Mehr News Agency"  # an alias actors.yaml alone holds
    assert outlet_named("Pentagon")["name"] == "U.S. Department of Defense"  # the name it publishes under
    assert outlet_named("defense.gov")["name"] == "U.S. Department of Defense"
    assert outlet_named("Fars")["kind"] == "agency"
    assert outlet_named("Fars News")["name"] == "Fars News Agency"
    assert outlet_named("Dawn")["name"] == "Dawn"  # an outlet the catalogue lacks
    assert len(outlets()) == len(lexicon.data_yaml("outlets.yaml"))


def test_a_source_tag_names_the_outlet_by_its_catalogue_name(tmp_path):
    (tmp_path / "a.txt").write_text(
        "Talks in Tehran\n\nOfficials from both countries met in Tehran on Monday and said that the talks on trade"
        " would go on for a week or more, with a second round planned for the spring.\n\nThe ministers are to sign"
        " the agreement in March, officials said. (Source: Mehr News)\n", encoding="utf-8")
    assert load_corpus(tmp_path).documents["via"].item() == "Mehr News Agency"


def test_an_analysts_alias_for_a_media_actor_names_the_outlet(tmp_path, monkeypatch):
    assert outlet_named("Teheran Times") is None
    mine = tmp_path / "actors.yaml"
    mine.write_text("actors:\n- {id: tehran_times, aliases: [Teheran Times]}\n", encoding="utf-8")
    monkeypatch.setenv(USER_CATALOGUE_ENV, str(mine))
    assert outlet_named("Teheran Times")["name"] == "Tehran Times"
