"""One colour per actor across every chart: a stable actor -> colour mapping, and shades of an actor's colour for its
names (the naming chart: hue by actor, shade by name).

The most mentioned actors of the corpus in use get distinct hues, in order of mentions; an actor beyond them, or any
actor when no corpus is registered (a chart drawn outside the notebooks), gets a hue from its id alone. So an actor
has the same colour in every chart of a kernel or report whatever each chart shows.
"""

import colorsys
import math
import zlib
from collections.abc import Callable, Iterable, Sequence

import altair as alt
import pandas as pd

# Distinct hues for categories (Tableau 10 without its grey, then ColorBrewer Dark2 without its grey): each stays
# readable as text and as a bar, and lighter shades of it stay apart from the others.
PALETTE = ("#4e79a7", "#f28e2b", "#e15759", "#76b7b2", "#59a14f", "#edc948", "#b07aa1", "#ff9da7", "#9c755f",
           "#1b9e77", "#d95f02", "#7570b3", "#e7298a", "#66a61e", "#e6ab02", "#a6761d")
SPREAD, MAX_STEP = 0.6, 0.15  # an actor's shades span at most SPREAD of HLS lightness, at most MAX_STEP apart
DARKEST, LIGHTEST = 0.2, 0.9  # the bounds of a shade's lightness

_mentions: list[Callable[[], pd.DataFrame]] = []  # how to get the corpus' mentions table, when a chart first needs it
_ranked: dict[str, str] = {}


def use(mentions: pd.DataFrame | Callable[[], pd.DataFrame]) -> None:
    """Rank the actors of the corpus in use by mentions (a mentions table, or a function giving it when first needed:
    the notebooks pass their Build's) and colour them in that order from now on."""
    _mentions[:] = [mentions if callable(mentions) else (lambda: mentions)]
    _ranked.clear()


def _ranking() -> dict[str, str]:
    """The registered corpus' actors with a distinct hue each, most mentioned first (empty when none is registered)."""
    if _mentions and not _ranked:
        counts = _mentions[0]()["actor_id"].value_counts()
        order = sorted(counts.index, key=lambda actor: (-counts[actor], actor))
        _ranked.update(zip(order, PALETTE))
    return _ranked


def actor_colour(actor_id: str) -> str:
    """The actor's colour: its hue in the corpus ranking, else one chosen by its id (stable across runs)."""
    return _ranking().get(actor_id) or PALETTE[zlib.crc32(actor_id.encode("utf-8")) % len(PALETTE)]


def shades(colour: str, n: int) -> list[str]:
    """n shades of a colour, the colour itself first, then the others nearest it first: lightness levels evenly
    spaced (at most MAX_STEP apart, SPREAD in all) on a grid through the colour's own lightness, kept within
    [DARKEST, LIGHTEST] so that the shades of a light or a dark colour stay apart too."""
    if n <= 1:
        return [colour][:n]
    hue, light, saturation = colorsys.rgb_to_hls(*(int(colour[i : i + 2], 16) / 255 for i in (1, 3, 5)))
    step = min(SPREAD / (n - 1), MAX_STEP)
    fewest, most = math.ceil(n - 1 - (LIGHTEST - light) / step), math.floor((light - DARKEST) / step)
    below = min(max((n - 1) // 2, fewest), most)  # levels below the colour's own: half, unless a bound is near
    levels = sorted((light + (i - below) * step for i in range(n)), key=lambda level: abs(level - light))
    return [colour] + ["#" + "".join(f"{round(c * 255):02x}" for c in colorsys.hls_to_rgb(hue, level, saturation))
                       for level in levels[1:]]


def actor_scale(actor_ids: Iterable[str]) -> alt.Scale:
    """A colour scale giving each actor id its colour."""
    domain = sorted(set(actor_ids))
    return alt.Scale(domain=domain, range=[actor_colour(a) for a in domain])


def name_shades(names: pd.DataFrame, key: str, actor: str, weight: str) -> dict[str, str]:
    """Each value of `key` (a name) coloured by its actor (column `actor`): the actor's colour for its most weighted
    name, lighter and darker shades of it for the others in order of `weight`."""
    totals = names.groupby([actor, key], sort=False)[weight].sum().reset_index()
    colours = {}
    for actor_id, own in totals.groupby(actor, sort=False):  # actors in the order the frame gives them
        ordered: Sequence[str] = own.sort_values([weight, key], ascending=[False, True])[key].tolist()
        colours |= dict(zip(ordered, shades(actor_colour(actor_id), len(ordered))))
    return colours
