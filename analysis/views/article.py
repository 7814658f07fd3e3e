"""One article with every finding marked: actors by type, figures, statements (speaker, cue, content), credit and
blame cues, shared passages and dates; a legend toggles each layer and a side list jumps to each finding.

Built from the tables alone (any table may be missing or carry more columns): the same HTML is a page of the
report and a view in the notebooks. Toggling is CSS only (a checkbox per layer, read with :has()), so the view
needs no script and works under the report's Content-Security-Policy. Every offset a table row starts at is an
anchor, `#c-<start>`, so a table row can link to its place in the article.
"""

from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from analysis.views.html import NO_MATH_CLASS, escape

ACTOR_COLOURS = {  # light backgrounds, one per catalogue type, readable under black text
    "person": "#ffe08a", "state": "#b9dcff", "armed_group": "#ffc4c4", "organization": "#c9f0c1",
    "media": "#e3d1ff", "people": "#ffd9b3", "operation": "#d5d5d5", "place": "#d9f2f2",
}
LAYERS = {  # layer -> what the legend says
    "actors": "Actors, by type",
    "figures": "Figures",
    "statements": "Statements: speaker, cue, what is said",
    "stance": "Credit and blame cues",
    "shared": "Passages shared with another document",
    "dates": "Dates",
}
# Offsets of a row that a table row can link to, by column: the first present is the row's place.
PLACE_COLUMNS = ("start", "speaker_start", "cue_start", "content_start", "mention_start")
SIDE_TEXT = 70  # characters of a finding shown in the side list


@dataclass(frozen=True)
class Finding:
    """One marked span: its layer, CSS class, hover title and the label in the side list."""

    start: int
    end: int
    layer: str
    css: str
    title: str


def _rows(tables: Mapping[str, pd.DataFrame], name: str, doc_id: str, needed: set[str],
          doc_column: str = "doc_id") -> pd.DataFrame:
    """The rows of a table for one document, or none when the table or a needed column is missing."""
    table = tables.get(name)
    if table is None or not needed | {doc_column} <= set(table.columns):
        return pd.DataFrame(columns=sorted(needed))
    return table[table[doc_column] == doc_id]


def _names(tables: Mapping[str, pd.DataFrame]) -> dict[str, tuple[str, str]]:
    """actor_id -> (name, type) from the actors table."""
    actors = tables.get("actors")
    if actors is None or not {"actor_id", "name", "type"} <= set(actors.columns):
        return {}
    return {a: (n, t) for a, n, t in zip(actors["actor_id"], actors["name"], actors["type"])}


def findings(doc_id: str, tables: Mapping[str, pd.DataFrame]) -> list[Finding]:
    """Every finding the tables hold for one document, as marked spans."""
    names = _names(tables)
    found: list[Finding] = []
    for r in _rows(tables, "mentions", doc_id, {"start", "end", "actor_id"}).itertuples():
        name, kind = names.get(r.actor_id, (r.actor_id, "unknown"))
        found.append(Finding(r.start, r.end, "actors", f"actor type-{kind}", f"{name} ({kind.replace('_', ' ')})"))
    for r in _rows(tables, "figures", doc_id, {"start", "end", "surface"}).itertuples():
        counted = getattr(r, "counted", "")
        what = f" ({counted})" if isinstance(counted, str) and counted else ""
        found.append(Finding(r.start, r.end, "figures", "figure", f"figure: {r.surface}{what}"))
    quotes = _rows(tables, "quotes", doc_id, {"speaker_start", "speaker_end", "cue_start", "cue_end",
                                              "content_start", "content_end", "speaker"})
    for r in quotes.itertuples():
        speaker = names.get(r.speaker, (r.speaker, ""))[0]
        found.append(Finding(r.content_start, r.content_end, "statements", "said", f"statement by {speaker}"))
        found.append(Finding(r.speaker_start, r.speaker_end, "statements", "speaker", f"speaker: {speaker}"))
        found.append(Finding(r.cue_start, r.cue_end, "statements", "cue", f"reporting cue of {speaker}"))
    for r in _rows(tables, "stance_evidence", doc_id, {"cue_start", "cue_end", "stance", "actor_id"}).itertuples():
        actor = names.get(r.actor_id, (r.actor_id, ""))[0]
        found.append(Finding(r.cue_start, r.cue_end, "stance", f"stance-{r.stance}", f"{r.stance} for {actor}"))
    for side, other in (("a", "b"), ("b", "a")):
        needed = {f"{side}_start", f"{side}_end", f"doc_{other}", "relation"}
        for r in _rows(tables, "reuse", doc_id, needed, doc_column=f"doc_{side}").to_dict("records"):
            found.append(Finding(r[f"{side}_start"], r[f"{side}_end"], "shared", "shared",
                                 f"{r['relation'].replace('_', ' ')} of {r[f'doc_{other}']}"))
    for r in _rows(tables, "dates", doc_id, {"start", "end", "normalized"}).itertuples():
        found.append(Finding(r.start, r.end, "dates", "date", f"date: {r.normalized or 'not placed'}"))
    return sorted(found, key=lambda f: (f.start, -f.end, f.layer))


def anchors(doc_id: str, tables: Mapping[str, pd.DataFrame]) -> set[int]:
    """Every offset a row of any table starts at in this document (what a table row links to)."""
    places: set[int] = set()
    for table in tables.values():
        if "doc_id" in table.columns:
            mine = table[table["doc_id"] == doc_id]
            for column in PLACE_COLUMNS:
                if column in mine.columns:
                    places.update(int(v) for v in mine[column].dropna())
    return places


def _marked_text(text: str, found: list[Finding], places: set[int]) -> str:
    """The text escaped, cut at every finding boundary; each piece carries the classes and titles covering it."""
    cuts = sorted({0, len(text), *places, *(f.start for f in found), *(f.end for f in found)})
    cuts = [c for c in cuts if 0 <= c <= len(text)]
    starts: dict[int, list[Finding]] = {}
    for f in found:
        starts.setdefault(f.start, []).append(f)
    active: list[Finding] = []
    pieces = []
    for a, b in zip(cuts, cuts[1:]):
        if a in places or a in starts:
            pieces.append(f'<a class="anchor" id="c-{a}"></a>')
        active = [f for f in active if f.end > a] + starts.get(a, [])
        covering = [f for f in active if f.start <= a and f.end >= b]
        piece = escape(text[a:b])
        if covering:
            classes = " ".join(sorted({f"layer-{f.layer} {f.css}" for f in covering}))
            titles = "; ".join(dict.fromkeys(f.title for f in covering))
            piece = f'<span class="{classes}" title="{escape(titles)}">{piece}</span>'
        pieces.append(piece)
    return "".join(pieces)


def _side_list(text: str, found: list[Finding]) -> str:
    """Per layer, a link to each finding (actors grouped by actor, their mentions numbered)."""
    parts = []
    for layer, label in LAYERS.items():
        mine = [f for f in found if f.layer == layer and f.css not in ("speaker", "cue")]
        if not mine:
            continue
        if layer == "actors":
            by_actor: dict[str, list[Finding]] = {}
            for f in mine:
                by_actor.setdefault(f.title, []).append(f)
            items = [f'<li>{escape(title)}: ' + " ".join(f'<a href="#c-{f.start}">{i}</a>' for i, f in enumerate(fs, 1))
                     + "</li>" for title, fs in sorted(by_actor.items(), key=lambda kv: (-len(kv[1]), kv[0]))]
        else:
            items = []
            for f in mine:
                words = " ".join(text[f.start:f.end].split())
                shown = words if len(words) <= SIDE_TEXT else words[:SIDE_TEXT - 1] + "…"
                items.append(f'<li><a href="#c-{f.start}">{escape(shown)}</a> <small>{escape(f.title)}</small></li>')
        parts.append(f'<details class="side-{layer}"><summary>{escape(label)} ({len(mine)})</summary>'
                     f'<ul>{"".join(items)}</ul></details>')
    return "".join(parts)


def _legend(found: list[Finding]) -> str:
    """One checkbox per layer (all on), with a sample of its marking; actor types listed with their colours."""
    present = {f.layer for f in found}
    boxes = []
    for layer, label in LAYERS.items():
        if layer not in present:
            continue
        boxes.append(f'<label class="toggle"><input type="checkbox" class="show-{layer}" checked> '
                     f'<span class="sample-{layer}">{escape(label)}</span></label>')
    types = sorted({f.css.split("type-", 1)[1] for f in found if f.layer == "actors"})
    swatches = "".join(f'<span class="actor type-{t} layer-actors">{escape(t.replace("_", " "))}</span> ' for t in types)
    return f'<div class="legend">{"".join(boxes)}</div>' + (f'<div class="types">{swatches}</div>' if types else "")


def stylesheet() -> str:
    """The CSS of the view: each layer marks with its own property, so layers combine; unticked layers show none."""
    rules = [
        ".article-view { font-family: system-ui, sans-serif; }",
        ".article-view .legend { display: flex; flex-wrap: wrap; gap: 0.4rem 1.2rem; margin: 0.5rem 0; }",
        ".article-view .types span { padding: 0 0.3em; margin-right: 0.3em; border-radius: 2px; font-size: 0.9em; }",
        ".article-view .columns { display: flex; gap: 1.5rem; align-items: flex-start; }",
        ".article-view .text { flex: 3; white-space: pre-wrap; line-height: 1.7; font-size: 1rem; text-align: left; }",
        ".article-view .findings { flex: 2; position: sticky; top: 0; max-height: 95vh; overflow-y: auto;"
        " font-size: 0.9rem; text-align: left; }",
        ".article-view .findings ul { padding-left: 1.2rem; margin: 0.2rem 0 0.6rem; }",
        ".article-view .findings small { color: #555; }",
        ".article-view .anchor { scroll-margin-top: 4rem; }",
        ".article-view :target + span, .article-view :target + * { outline: 3px solid #ff9800; }",
    ]
    for kind, colour in ACTOR_COLOURS.items():
        rules.append(f".article-view .actor.type-{kind} {{ background: {colour}; }}")
    rules += [
        ".article-view .figure { box-shadow: inset 0 -3px 0 #e67e22; }",
        ".article-view .date { box-shadow: inset 0 -3px 0 #00897b; }",
        ".article-view .said { color: #1a3d7c; }",
        ".article-view .speaker { font-weight: 700; }",
        ".article-view .cue { font-style: italic; text-decoration: underline wavy #1a3d7c; }",
        ".article-view .stance-credit { outline: 2px solid #2e7d32; }",
        ".article-view .stance-blame { outline: 2px solid #c62828; }",
        ".article-view .shared { border-bottom: 2px dashed #7b1fa2; }",
        ".article-view .sample-actors { background: linear-gradient(90deg, #ffe08a, #b9dcff, #ffc4c4); }",
        ".article-view .sample-figures { box-shadow: inset 0 -3px 0 #e67e22; }",
        ".article-view .sample-dates { box-shadow: inset 0 -3px 0 #00897b; }",
        ".article-view .sample-statements { color: #1a3d7c; font-weight: 700; }",
        ".article-view .sample-stance { outline: 2px solid #2e7d32; }",
        ".article-view .sample-shared { border-bottom: 2px dashed #7b1fa2; }",
    ]
    for layer in LAYERS:  # an unticked layer: its spans lose every marking, its side list is hidden
        off = f".article-view:has(input.show-{layer}:not(:checked))"
        rules.append(f"{off} .text .layer-{layer} {{ background: none; box-shadow: none; color: inherit; "
                     f"font-weight: inherit; font-style: inherit; text-decoration: none; outline: none; "
                     f"border-bottom: none; }}")
        rules.append(f"{off} .findings .side-{layer} {{ display: none; }}")
    return "\n".join(rules)


def article_html(text: str, doc_id: str, tables: Mapping[str, pd.DataFrame], title: str = "") -> str:
    """The article view: heading, legend, the marked text and the side list (text HTML-escaped)."""
    found = [f for f in findings(doc_id, tables) if 0 <= f.start < f.end <= len(text)]
    places = anchors(doc_id, tables)
    heading = f"<h2>{escape(title)}</h2>" if title else ""
    return (f'<div class="article-view {NO_MATH_CLASS}">{heading}{_legend(found)}<div class="columns">'
            f'<div class="text">{_marked_text(text, found, places)}</div>'
            f'<nav class="findings"><b>Findings</b>{_side_list(text, found)}</nav></div></div>')


def show(corpus, doc_id: str, tables: Mapping[str, pd.DataFrame]) -> str:
    """The article view for a notebook, with its stylesheet: pass the result to IPython's HTML()."""
    title = corpus.documents.set_index("doc_id")["short_name"].get(doc_id, doc_id)
    return f"<style>{stylesheet()}</style>" + article_html(corpus.texts[doc_id], doc_id, tables, title)


def page_name(doc_id: str) -> str:
    """The report file of a document's article page, relative to the report folder."""
    return f"articles/{Path(doc_id).name}.html"
