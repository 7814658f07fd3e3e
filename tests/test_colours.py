"""One colour per actor across every chart (analysis.views.colours): the naming chart shades an actor's colour for
each of its names; the concordance writes each mention in its actor's colour."""

import colorsys
import itertools

import pytest

from analysis.pipeline import Build
from analysis.stages import actors
from analysis.views import actors as actor_view
from analysis.views import charts, colours


@pytest.fixture(scope="module")
def table(corpus):
    return Build(corpus)["mentions"]


@pytest.fixture(autouse=True)
def no_ranking():
    """Each test starts with no corpus registered, and leaves none."""
    colours._mentions.clear()
    colours._ranked.clear()
    yield
    colours._mentions.clear()
    colours._ranked.clear()


def _scale(spec: dict, encoding_of) -> dict:
    """The colour scale's domain -> range of a chart's spec, found by a function of the spec."""
    scale = encoding_of(spec)["color"]["scale"]
    return dict(zip(scale["domain"], scale["range"]))


def _naming_colours(spec: dict) -> dict[str, str]:
    return _scale(spec, lambda s: s["vconcat"][0]["encoding"])


def _concordance_colours(spec: dict) -> dict[str, str]:
    return _scale(spec, lambda s: next(layer["encoding"] for layer in s["layer"] if "color" in layer["encoding"]))


@pytest.mark.parametrize("registered", [False, True])
def test_an_actor_has_the_same_colour_in_two_charts(corpus, table, registered):
    if registered:
        colours.use(table)
    naming = actors.naming_choices(corpus, table)
    names = naming.drop_duplicates("actor_id").set_index("name")["actor_id"]
    name_colours = _naming_colours(charts.naming_choice_bars(naming, ["Islamic State", "Hezbollah"]).to_dict())
    mention_colours = _concordance_colours(charts.concordance(actors.contexts(corpus, table)).to_dict())
    for name in ("Islamic State", "Hezbollah"):
        own = naming[naming["actor_id"] == names[name]]
        most_used = own.groupby("alias")["mentions"].sum().sort_values(ascending=False).index[0]
        assert name_colours[most_used] == mention_colours[names[name]] == colours.actor_colour(names[name])


def test_the_most_mentioned_actors_get_distinct_colours(table):
    colours.use(table)
    top = table["actor_id"].value_counts().index[: len(colours.PALETTE)]
    assert len({colours.actor_colour(a) for a in top}) == len(top)
    assert colours.actor_colour(table["actor_id"].value_counts().index[0]) == colours.PALETTE[0]


def test_names_of_one_actor_share_its_hue_in_shades_of_their_own(corpus, table):
    naming = actors.naming_choices(corpus, table)
    isis = naming[naming["actor_id"] == "isis"]
    shades = colours.name_shades(isis, "alias", "actor_id", "mentions")
    assert len(shades) == isis["alias"].nunique() > 2
    base = colours.actor_colour("isis")
    assert next(iter(shades.values())) == base
    hls = [colorsys.rgb_to_hls(*(int(c[i : i + 2], 16) / 255 for i in (1, 3, 5))) for c in shades.values()]
    assert all(abs(h - hls[0][0]) < 0.01 for h, _, _ in hls)  # one hue
    lightness = sorted(light for _, light, _ in hls)
    assert min(b - a for a, b in itertools.pairwise(lightness)) > 0.05  # shades a reader tells apart


def test_the_naming_chart_has_a_colour_of_its_own_for_every_name_it_shows(corpus, table):
    colours.use(table)
    naming = actors.naming_choices(corpus, table)
    spec = charts.naming_choice_bars(naming, actor_view.divergent_names(naming)[:8]).to_dict()  # as notebook 02
    shown = {v["name_used"] for panel in spec["vconcat"] for v in spec["datasets"][panel["data"]["name"]]}
    assert shown == set(_naming_colours(spec))
    assert len(set(_naming_colours(spec).values())) == len(shown) > 20  # more names than a 20-colour scheme
