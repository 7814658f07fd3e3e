"""Readable views of the narrative tables for notebook 04: prose built from data, charts, and escaped HTML."""

import difflib
import re
from collections import Counter

import altair as alt
import pandas as pd

from analysis.views import charts
from analysis.stages.actors import catalogue
from analysis.stages.catalogue import load_catalogue, without_titles
from analysis.stages.corpus import Corpus
from analysis.views.html import escape, escape_markdown, highlight, note
from analysis.views.limits import MAX_DOCUMENTS, busiest, markdown_note
from analysis.stages.quotes import COLON_CUE
from analysis.stages.reuse import stopwords
from analysis.stages.unlisted import PREFIX
from analysis.stages.vocabulary import focus_side
from analysis.lexicon import data_yaml, grammar, one_of

TOP_WORDS = 10  # distinctive words charted per document
MAX_LISTED = 20  # examples named in one sentence of prose; the rest are counted
_WORD = re.compile(r"\S+")


def _n(count: int, noun: str, plural: str | None = None) -> str:
    """"1 statement", "3 statements"."""
    return f"{count} {noun if count == 1 else plural or noun + 's'}"


def _listing(items: list[str]) -> str:
    """"a", "a and b", "a, b and c"."""
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " and " + items[-1] if items else ""


def document_names(corpus: Corpus) -> dict[str, str]:
    """doc_id -> short display name ("003 · M. Waqas Abdullah")."""
    return dict(zip(corpus.documents["doc_id"], corpus.documents["short_name"]))


def actor_names(ids: pd.Series) -> pd.Series:
    """Display names for speaker or actor values: catalogue names for actor ids, otherwise the words without a
    leading article ("the corporate media" and "corporate media" are one speaker) or titles ("Colonel Mark Hensley"
    is Mark Hensley)."""
    names = {actor.actor_id: actor.name for actor in load_catalogue().actors}
    article = re.compile(rf"^{one_of(grammar('articles'))}\s+", re.I)
    shown = {v: names.get(v) or without_titles(article.sub("", str(v))) for v in ids.unique()}
    return ids.map(shown)


def speaker_names(quotes: pd.DataFrame) -> pd.Series:
    """Display names of a quotes table's speakers: an actor the catalogue lacks (`unlisted:<slug>`) under the
    longest name its statements write it with ("Steve Warren" for "Warren"), any other as actor_names shows it."""
    unlisted = quotes["speaker"].str.startswith(PREFIX)
    longest = quotes[unlisted].groupby("speaker")["speaker_name"].agg(lambda names: max(names, key=len))
    return actor_names(quotes["speaker"].map(longest).where(unlisted, quotes["speaker"]))


# ---------------------------------------------------------------- quotes


def quoted(corpus: Corpus, quotes: pd.DataFrame) -> pd.DataFrame:
    """The quotes table for reading: document name, speaker name, cue lemma, and the statement's words."""
    names = document_names(corpus)
    return quotes.assign(
        document=quotes["doc_id"].map(names),
        speaker_shown=speaker_names(quotes),
        statement=[corpus.texts[d][s:e] for d, s, e in zip(quotes["doc_id"], quotes["content_start"], quotes["content_end"])],
    )


def quotes_html(corpus: Corpus, table: pd.DataFrame, *, limit: int = MAX_DOCUMENTS) -> str:
    """Every statement in text order, one table per document (at most `limit`: those with the most statements):
    speaker, verb, kind, and the passage with the speaker phrase, cue and content marked (text escaped)."""
    shown, left_out = busiest(table, "document", limit=limit, most="statements")
    parts = [note(left_out)]
    cell = "<td style='vertical-align:top;text-align:left'>"
    for document, group in shown.groupby("document", sort=True):
        rows = []
        for r in group.sort_values("cue_start").itertuples():
            lo = min(r.cue_start, r.content_start, r.speaker_start)
            hi = max(r.cue_end, r.content_end, r.speaker_end)
            spans = [(r.speaker_start - lo, r.speaker_end - lo, "speaker"), (r.cue_start - lo, r.cue_end - lo, "cue")]
            marked = highlight(corpus.texts[r.doc_id][lo:hi], spans)
            rows.append(f"<tr>{cell}{escape(r.speaker_shown)}</td>{cell}{escape(r.cue)}</td>{cell}{escape(r.kind)}</td>"
                        f"{cell}{marked}</td></tr>")
        head = "".join(f"<th style='text-align:left'>{h}</th>" for h in ("speaker", "cue", "kind", "passage (speaker and cue marked)"))
        parts.append(f"<details><summary>{escape(document)} ({_n(len(group), 'statement')})</summary>"
                     f"<table><tr>{head}</tr>{''.join(rows)}</table></details>")
    return "".join(parts)


def verbs_by_document(table: pd.DataFrame) -> pd.DataFrame:
    """How often each document uses each reporting cue (by lemma)."""
    counts = table.groupby(["document", "cue_lemma"]).size().rename("statements").reset_index()
    return counts.sort_values(["document", "statements", "cue_lemma"], ascending=[True, False, True]).reset_index(drop=True)


def verbs_chart(counts: pd.DataFrame, *, limit: int = MAX_DOCUMENTS) -> alt.LayerChart:
    """Document × reporting verb grid with the number of statements in each cell (at most `limit` documents: those
    with the most statements)."""
    if counts.empty:
        return alt.layer(charts.note("No statement is attributed to anyone."))
    colon = counts["cue_lemma"] == COLON_CUE  # "Name: ..." and "X gave details: “...”" have no reporting verb
    without = (f"{_n(int(counts.loc[colon, 'statements'].sum()), 'statement')} introduced by a colon alone "
               f"(\"Name: ...\") are left out." if colon.any() else "")
    shown, left_out = busiest(counts[~colon], "document", "statements", limit=limit, most="statements")
    return charts.heatmap(shown.rename(columns={"cue_lemma": "verb"}), "verb:N", "document:N", "statements:Q",
                          title=charts.titled("Statements per reporting verb, most used first", left_out, without))


def speakers_table(table: pd.DataFrame) -> pd.DataFrame:
    """Who is quoted in each document, how often, with which verbs (verb counts in brackets)."""
    rows = []
    for (document, speaker), group in table.groupby(["document", "speaker_shown"], sort=True):
        verbs = Counter(group["cue_lemma"])
        rows.append(dict(document=document, speaker=speaker, statements=len(group),
                         direct=int(group["direct"].sum()),
                         verbs=", ".join(f"{v} ({n})" for v, n in sorted(verbs.items(), key=lambda kv: (-kv[1], kv[0])))))
    out = pd.DataFrame(rows, columns=["document", "speaker", "statements", "direct", "verbs"])
    return out.sort_values(["document", "statements", "speaker"], ascending=[True, False, True]).reset_index(drop=True)


def quotes_prose(table: pd.DataFrame) -> str:
    """What the quotes table shows, in numbers from it."""
    if table.empty:
        return "No statement is attributed to anyone in these documents."
    speakers = table.groupby("speaker_shown").agg(statements=("cue", "size"), documents=("doc_id", "nunique"))
    top = speakers.sort_values(["statements", "documents"], ascending=False).head(3)
    said = (table["cue_lemma"] == "say").sum()
    framed = table[table["cue_lemma"].isin(data_yaml("reporting_verbs.yaml")["framing_verbs"])]
    direct = int(table["direct"].sum())
    parts = [
        f"The {_n(table['doc_id'].nunique(), 'document')} with attributed statements hold "
        f"{_n(len(table), 'statement')} from {_n(len(speakers), 'speaker')}; {direct} "
        f"{'is a direct quotation' if direct == 1 else 'are direct quotations'} and the rest reported speech. "
        f"*say* is the verb of {said} of them ({said / len(table):.0%}).",
        "Most quoted: " + _listing([f"{escape_markdown(name)} ({row.statements} in {_n(row.documents, 'document')})"
                                    for name, row in top.iterrows()]) + ".",
    ]
    if len(framed):
        uses = [f"*{escape_markdown(r.cue)}* for {escape_markdown(r.speaker_shown)} in {escape_markdown(r.document)}"
                for r in framed.sort_values(["doc_id", "cue_start"]).head(MAX_LISTED).itertuples()]
        more = [f"{len(framed) - len(uses)} more"] if len(framed) > len(uses) else []
        parts.append("Verbs that frame the statement rather than just report it: " + _listing(uses + more) + ".")
    return "\n\n".join(parts)


# ---------------------------------------------------------------- events: who does what to whom

MAX_EVENT_ROWS = 40  # agent -> target pairs charted
MAX_EVENTS_LISTED = 60  # events listed per document


def event_pairs(corpus: Corpus, events: pd.DataFrame) -> pd.DataFrame:
    """Asserted events as (document, agent, act, target) with display names and counts: who acts on whom, per outlet.
    A target that is not an actor is shown by its kind ("(enemy)", "(civilians and protected)", "(place)")."""
    kinds = {"enemy": "(ISIS side, by an epithet)", "protected": "(civilians, protected)", "place": "(a place)",
             "victory": "(a victory)", "harm": "(a harm)", "none": "(something else)", "actor": "(an actor)"}
    asserted = events[(events["modality"] == "asserted") & ~events["negated"] & (events["agent"] != "")]
    is_actor = asserted["target_start"].ge(0) & asserted["target"].isin(set(events["agent"]) | set(catalogue()["actor_id"]))
    target = actor_names(asserted["target"]).where(is_actor, asserted["target_kind"].map(kinds))
    pairs = asserted.assign(document=asserted["doc_id"].map(document_names(corpus)), agent_name=actor_names(asserted["agent"]),
                            target_name=target)
    counted = pairs.groupby(["document", "agent_name", "verb_class", "target_name"]).size().rename("events").reset_index()
    return counted.assign(who=counted["agent_name"] + " → " + counted["target_name"])


def events_chart(pairs: pd.DataFrame, *, limit: int = MAX_DOCUMENTS) -> alt.Chart:
    """Who acts on whom, per document: one row per agent → target pair, coloured by the kind of act (at most
    `limit` documents and MAX_EVENT_ROWS pairs, those with the most events)."""
    if pairs.empty:
        return charts.note("No event with a named agent was found.")
    shown, fewer_documents = busiest(pairs, "document", "events", limit=limit, most="events")
    shown, fewer_pairs = busiest(shown, "who", "events", limit=MAX_EVENT_ROWS, what="agent → target pairs", most="events")
    data = charts.chart_data(shown, ["document", "who", "verb_class", "events"], ["who", "document"])
    title = charts.titled("Who acts on whom: asserted events per document", fewer_documents, fewer_pairs)
    return alt.Chart(data, title=title).mark_circle().encode(
        x=alt.X("document:N", title=None, axis=alt.Axis(labelAngle=-30)),
        y=alt.Y("who:N", title=None),
        size=alt.Size("events:Q", title="events"),
        color=alt.Color("verb_class:N", title="kind of act"),
        tooltip=["document", "who", "verb_class", "events"],
    ).properties(width=90 * data["document"].nunique())


def events_html(corpus: Corpus, events: pd.DataFrame, *, limit: int = MAX_DOCUMENTS) -> str:
    """Every event, per document (collapsible): the sentence with agent, act and target marked, the kind of act,
    whether it is asserted, and whose voice it is in."""
    shown, left_out = busiest(events.assign(document=events["doc_id"].map(document_names(corpus))), "document",
                              limit=limit, most="events")
    sentences = corpus.sentences.set_index(["doc_id", "sent_id"])
    shown = shown.assign(agent_name=actor_names(shown["agent"]), target_name=actor_names(shown["target"]),
                         voice_name=actor_names(shown["voice"]))
    parts = [note(left_out)]
    for doc_id, mine in shown.groupby("doc_id", sort=True):
        items = []
        for row in mine.head(MAX_EVENTS_LISTED).itertuples():
            s = sentences.loc[(doc_id, row.sent_id)]
            spans = [(row.verb_start - s.start, row.verb_end - s.start, "act")]
            spans += [(a - s.start, b - s.start, who) for a, b, who in ((row.agent_start, row.agent_end, "agent"),
                                                                      (row.target_start, row.target_end, "target"))
                      if s.start <= a < b <= s.end]
            items.append(f"<li>[{row.sent_id}] {highlight(corpus.texts[doc_id][s.start:s.end], spans)} "
                         f"<i>({escape(row.agent_name)} · {escape(row.verb_class)} · "
                         f"{escape(row.target_name)} · {escape(row.modality)}{', negated' if row.negated else ''} · voice: "
                         f"{escape(row.voice_name)})</i></li>")
        more = len(mine) - MAX_EVENTS_LISTED
        items += [f"<li><i>{_n(more, 'more event')} in the events table.</i></li>"] if more > 0 else []
        summary = f"{escape(mine['document'].iat[0])} ({_n(len(mine), 'event')})"
        parts.append(f"<details><summary>{summary}</summary><ul>{''.join(items)}</ul></details>")
    return "".join(parts)


# ---------------------------------------------------------------- credit and blame


def stance_matrix(corpus: Corpus, stance: pd.DataFrame) -> pd.DataFrame:
    """Actors credited or blamed by at least one document, one row per (document, actor), with display names."""
    judged = stance[stance["role"] != "neutral"]
    keep = stance[stance["actor_id"].isin(judged["actor_id"]) & (stance["role"] != "neutral")]
    return keep.assign(document=keep["doc_id"].map(document_names(corpus)),
                       actor=actor_names(keep["actor_id"])).sort_values(["actor", "document"]).reset_index(drop=True)


def stance_chart(matrix: pd.DataFrame, *, limit: int = MAX_DOCUMENTS) -> alt.LayerChart:
    """Actor × document grid: blue credit, red blame, the role written in each cell; hover for the counts (at most
    `limit` documents, those judging the most actors, and as many actors, those judged by the most documents)."""
    if matrix.empty:
        return alt.layer(charts.note("No document credits or blames a catalogued actor."))
    shown, left_out = _shown_matrix(matrix, limit)
    data = charts.chart_data(shown, ["actor", "document", "score", "role", "credit", "blame"], ["actor", "document"])
    title = charts.titled("Credit (blue) and blame (red) in the defeat of ISIS", *left_out)
    judged = data.assign(judgments=data["credit"] + data["blame"])
    base = alt.Chart(data, title=title).encode(
        x=alt.X("document:N", title=None, axis=alt.Axis(labelAngle=-30, orient="top")),
        y=alt.Y("actor:N", title=None, sort=charts.by_total(judged, "actor", "judgments")),
        tooltip=charts.tooltips(data, ["actor", "document", "role", "credit", "blame", "score"]),
    )
    cells = base.mark_rect().encode(color=alt.Color("score:Q", scale=alt.Scale(scheme="redblue", domain=[-1, 1]),
                                                    title="score"))
    marks = base.mark_text(fontSize=13, color="white").encode(text="sign:N").transform_calculate(
        sign="datum.role == 'credited' ? '+' : datum.role == 'blamed' ? '−' : '±'")
    return (cells + marks).properties(width=90 * data["document"].nunique())


def _shown_matrix(matrix: pd.DataFrame, limit: int) -> tuple[pd.DataFrame, tuple[str, str]]:
    """The stance matrix cut to `limit` documents (those judging the most actors) and as many actors (those judged
    by the most documents), with notes on what was left out."""
    shown, fewer_documents = busiest(matrix, "document", limit=limit, most="actors judged")
    shown, fewer_actors = busiest(shown, "actor", limit=limit, what="actors", most="documents judging them")
    return shown, (fewer_documents, fewer_actors)


def stance_evidence_html(corpus: Corpus, matrix: pd.DataFrame, evidence: pd.DataFrame, *,
                         limit: int = MAX_DOCUMENTS) -> str:
    """For each judged (document, actor) of the stance chart: a collapsible list of its evidence sentences, cue and
    actor marked."""
    sentences = corpus.sentences.set_index(["doc_id", "sent_id"])
    shown, left_out = _shown_matrix(matrix, limit)
    parts = [note(" ".join(n for n in left_out if n))]
    for row in shown.itertuples():
        mine = evidence[(evidence["doc_id"] == row.doc_id) & (evidence["actor_id"] == row.actor_id)]
        items = []
        for sent_id, group in mine.groupby("sent_id", sort=True):
            s = sentences.loc[(row.doc_id, sent_id)]
            spans = [(c - s.start, e - s.start, f"{st} cue") for c, e, st in zip(group["cue_start"], group["cue_end"], group["stance"])]
            spans += [(a - s.start, b - s.start, "judged actor") for a, b in zip(group["mention_start"], group["mention_end"])
                      if s.start <= a < b <= s.end]  # the actor may be named in an earlier sentence ("this group")
            voices = ", ".join(sorted(set(actor_names(group["voice"]))))
            items.append(f"<li>[{sent_id}] {highlight(corpus.texts[row.doc_id][s.start:s.end], spans)} "
                         f"<i>(voice: {escape(voices)})</i></li>")
        summary = f"{escape(row.actor)} · {escape(row.document)} · {escape(row.role)} ({row.credit} credit, {row.blame} blame)"
        parts.append(f"<details><summary>{summary}</summary><ul>{''.join(items)}</ul></details>")
    return "".join(parts)


def stance_prose(matrix: pd.DataFrame) -> str:
    """Who is credited and blamed by how many documents, from the matrix."""
    lines = []
    for role in ("credited", "blamed"):
        counts = matrix[matrix["role"] == role].groupby("actor")["doc_id"].nunique().sort_values(ascending=False)
        top = [f"{escape_markdown(actor)} ({_n(n, 'document')})" for actor, n in counts.head(5).items()]
        lines.append(f"Most often {role}: {_listing(top)}." if top else f"No actor is {role}.")
    split = matrix.groupby("actor")["role"].agg(lambda r: {"credited", "blamed"} <= set(r) or "both" in set(r))
    if split.any():
        lines.append("Judged differently by different documents (or both ways in one): "
                     + _listing([escape_markdown(a) for a in sorted(split[split].index)]) + ".")
    return "\n\n".join(lines)


# ---------------------------------------------------------------- words and epithets


def distinctive_chart(corpus: Corpus, words: pd.DataFrame, top: int = TOP_WORDS, *,
                      limit: int = MAX_DOCUMENTS) -> alt.Chart:
    """Each document's most distinctive content words (z-score), one panel per document (at most `limit` documents:
    those whose words stand out most)."""
    stop = stopwords()
    content = words[[not set(t.split()) & stop for t in words["term"]]]
    data = content.groupby("group", sort=True).head(top)
    if data.empty:
        return alt.layer(charts.note("No word occurs often enough to be distinctive."))
    data = data.assign(document=data["group"].map(document_names(corpus)))
    data, left_out = busiest(data, "document", "z", limit=limit, most="distinctive words (summed z-scores)")
    data = charts.chart_data(data, ["document", "term", "z", "count", "count_rest", "ngram"], ["document", "term"])
    chart = (
        alt.Chart(data)
        .mark_bar()
        .encode(
            y=alt.Y("term:N", sort="-x", title=None),
            x=alt.X("z:Q", title="z-score (log-odds vs the rest)"),
            color=alt.Color("ngram:N", title="words in term"),
            tooltip=charts.tooltips(data, ["document", "term", "z", "count", "count_rest"]),
        )
        .properties(width=180, height=200)
        .facet(facet=alt.Facet("document:N", title=None), columns=3)
        .resolve_scale(y="independent")
        .resolve_axis(x="independent")  # each panel its own axis: no axis drawn under an empty grid cell
    )
    return chart.properties(title=charts.titled("", left_out)) if left_out else chart


def epithets_table(corpus: Corpus, epithets: pd.DataFrame) -> pd.DataFrame:
    """Epithet × document counts, grouped by side (the epithets each outlet uses for ISIS and for its opponents)."""
    if epithets.empty:
        return pd.DataFrame({"note": ["No epithet from analysis/data/epithets.yaml is used."]})
    table = epithets.assign(document=epithets["doc_id"].map(document_names(corpus)))
    pivot = table.pivot_table(index=["side", "epithet"], columns="document", values="start", aggfunc="count", fill_value=0)
    return pivot.sort_index()


def epithets_prose(corpus: Corpus, epithets: pd.DataFrame, *, limit: int = MAX_DOCUMENTS) -> str:
    """Each document's favourite epithets for the focus side (ISIS; at most `limit` documents: those using the most),
    from the epithets table."""
    names = document_names(corpus)
    shown, left_out = busiest(epithets[epithets["side"] == focus_side()], "doc_id", limit=limit, most="epithets for ISIS")
    lines = markdown_note(left_out)
    for doc_id, group in shown.groupby("doc_id", sort=True):
        top = group["epithet"].value_counts().sort_index().sort_values(ascending=False, kind="stable").head(3)
        lines.append(f"- {escape_markdown(names[doc_id])}: "
                     + ", ".join(f"*{escape_markdown(epithet)}* ({n})" for epithet, n in top.items()))
    return "Each document's most frequent epithets for ISIS:\n\n" + "\n".join(lines) if lines else "No document uses an epithet for ISIS."


# ---------------------------------------------------------------- shared passages


def _differing(text: str, other: str) -> list[tuple[int, int]]:
    """Spans of the words of text that are not matched in other (difflib alignment of word sequences)."""
    words = list(_WORD.finditer(text))
    mine = [w.group().lower().strip(".,;:“”\"'’‘()") for w in words]
    theirs = [w.lower().strip(".,;:“”\"'’‘()") for w in _WORD.findall(other)]
    same = set()
    for block in difflib.SequenceMatcher(None, mine, theirs, autojunk=False).get_matching_blocks():
        same.update(range(block.a, block.a + block.size))
    spans: list[list[int]] = []
    for i, w in enumerate(words):
        if i in same:
            continue
        if spans and spans[-1][2] == i - 1:  # a run of differing words is one mark
            spans[-1][1:] = [w.end(), i]
        else:
            spans.append([w.start(), w.end(), i])
    return [(start, end) for start, end, _ in spans]


def reuse_html(corpus: Corpus, reuse: pd.DataFrame, *, limit: int = MAX_DOCUMENTS) -> str:
    """Each shared passage side by side, the words one side does not share with the other marked (text escaped); the
    passages of at most `limit` pairs of documents (those sharing the most)."""
    names = document_names(corpus)
    rows = []
    if reuse.empty:
        return "<p>No passage is shared between documents.</p>"
    sentences = corpus.sentences.set_index(["doc_id", "sent_id"])["text"]
    cell = "<td style='vertical-align:top;text-align:left;width:50%'>"
    passages = reuse[reuse["relation"] != "duplicate"]
    shown, left_out = busiest(passages.assign(pair=passages["doc_a"] + " " + passages["doc_b"]), "pair", limit=limit,
                              what="pairs of documents", most="shared passages")
    for r in shown.itertuples():
        a = " … ".join(sentences[(r.doc_a, int(i))] for i in r.a_sent_ids.split())
        b = " … ".join(sentences[(r.doc_b, int(i))] for i in r.b_sent_ids.split())
        head = (f"<b>{escape(names[r.doc_a])}</b> [{escape(r.a_sent_ids)}] ↔ <b>{escape(names[r.doc_b])}</b> "
                f"[{escape(r.b_sent_ids)}]: {escape(r.relation)} · score {r.score:.2f} · found by {escape(r.method)}")
        rows.append(f"<tr><td colspan='2' style='text-align:left'>{head}</td></tr>"
                    f"<tr>{cell}{highlight(a, _differing(a, b))}</td>{cell}{highlight(b, _differing(b, a))}</td></tr>")
    return note(left_out) + "<table>" + "".join(rows) + "</table>"


def reuse_prose(corpus: Corpus, reuse: pd.DataFrame, *, limit: int = MAX_DOCUMENTS) -> str:
    """How many passages each pair of documents shares, and of which kind (at most `limit` pairs: those sharing the
    most), from the reuse table."""
    names = document_names(corpus)
    pairs = reuse.assign(pair=reuse["doc_a"] + " " + reuse["doc_b"])
    shown, left_out = busiest(pairs, "pair", limit=limit, what="pairs of documents", most="shared passages")
    lines = markdown_note(left_out)
    for (a, b), group in shown.groupby(["doc_a", "doc_b"], sort=True):
        kinds = Counter(group["relation"])
        lines.append(f"- {escape_markdown(names[a])} and {escape_markdown(names[b])}: {_n(len(group), 'passage')} ("
                     + ", ".join(f"{n} {k.replace('_', '-')}" for k, n in sorted(kinds.items())) + ")")
    alone = sorted(set(names) - set(reuse["doc_a"]) - set(reuse["doc_b"]))
    named = [escape_markdown(names[d]) for d in alone[:MAX_LISTED]] + ([f"{len(alone) - MAX_LISTED} more"]
                                                                        if len(alone) > MAX_LISTED else [])
    tail = f"\n\nNo shared passage: {_listing(named)}." if alone else ""
    return "\n".join(lines) + tail


def recurring_claims(corpus: Corpus, aligned: pd.DataFrame, quotes: pd.DataFrame, epithets: pd.DataFrame) -> pd.DataFrame:
    """Claims that recur across documents: aligned sentences grouped into claims, with each one's speaker, verb and epithets."""
    parent: dict[tuple, tuple] = {}

    def root(node: tuple) -> tuple:
        while parent.setdefault(node, node) != node:
            node = parent[node]
        return node

    for r in aligned.itertuples():
        parent[root((r.doc_b, r.b_sent))] = root((r.doc_a, r.a_sent))
    sentences = corpus.sentences.set_index(["doc_id", "sent_id"])
    names = document_names(corpus)
    shown = speaker_names(quotes)
    rows = []
    for node in sorted(parent):
        doc_id, sent_id = node
        s = sentences.loc[node]
        said = quotes[(quotes["doc_id"] == doc_id) & (quotes["cue_start"] < s.end) & (quotes["content_end"] > s.start)]
        here = epithets[(epithets["doc_id"] == doc_id) & (epithets["sent_id"] == sent_id)]
        rows.append(dict(claim=root(node), doc_id=doc_id, document=names[doc_id], sent_id=sent_id, sentence=s.text,
                         attributed_to=_listing(sorted(set(shown[said.index]))) or "the author",
                         verbs=", ".join(sorted(set(said["cue"].str.lower()))), epithets=", ".join(sorted(set(here["epithet"])))))
    table = pd.DataFrame(rows, columns=["claim", "doc_id", "document", "sent_id", "sentence", "attributed_to",
                                        "verbs", "epithets"])
    spread = table.groupby("claim")["doc_id"].nunique()
    table = table[table["claim"].map(spread) >= 2]
    order = {c: i for i, c in enumerate(sorted(set(table["claim"])))}
    table = table.assign(claim=table["claim"].map(order) + 1)
    return table.sort_values(["claim", "doc_id", "sent_id"]).reset_index(drop=True)


def claims_html(claims: pd.DataFrame, *, limit: int = MAX_DOCUMENTS) -> str:
    """One table per recurring claim: how each document words it, whom it credits it to, with which verb and epithets;
    at most `limit` claims (those worded in the most sentences) and `limit` wordings of each."""
    if claims.empty:
        return "<p>No claim recurs across documents.</p>"
    shown, left_out = busiest(claims, "claim", limit=limit, what="recurring claims", most="sentences")
    parts = [note(left_out)]
    for claim, group in shown.groupby("claim", sort=True):
        cells = [[f"{escape(r.document)} [{r.sent_id}]", escape(r.sentence), escape(r.attributed_to), escape(r.verbs),
                  escape(r.epithets)] for r in group.head(limit).itertuples()]
        rows = "".join("<tr>" + "".join(f"<td style='text-align:left;vertical-align:top'>{c}</td>" for c in row)
                       + "</tr>" for row in cells)
        head = "".join(f"<th style='text-align:left'>{h}</th>"
                       for h in ("document [sentence]", "wording", "attributed to", "verbs", "epithets"))
        parts.append(f"<h4>Claim {claim} ({_n(group['doc_id'].nunique(), 'document')})</h4>"
                     f"<table><tr>{head}</tr>{rows}</table>")
    return "".join(parts)


# ---------------------------------------------------------------- one paragraph per outlet


def outlet_stories(corpus: Corpus, table: pd.DataFrame, stance: pd.DataFrame, words: pd.DataFrame,
                   epithets: pd.DataFrame, reuse: pd.DataFrame, *, limit: int = MAX_DOCUMENTS) -> str:
    """Each document's story in one paragraph (at most `limit` documents: the longest), every number and name taken
    from the tables."""
    names = {doc_id: escape_markdown(name) for doc_id, name in document_names(corpus).items()}
    shown, left_out = busiest(corpus.documents, "doc_id", "n_words", limit=limit, most="words")
    docs = corpus.documents.set_index("doc_id")
    paragraphs = markdown_note(left_out)
    for doc_id in sorted(shown["doc_id"]):
        doc = docs.loc[doc_id]
        mine = table[table["doc_id"] == doc_id]
        speakers = mine["speaker_shown"].map(escape_markdown).value_counts().sort_index().sort_values(ascending=False, kind="stable")
        verbs = mine.loc[mine["cue_lemma"] != COLON_CUE, "cue_lemma"].value_counts().sort_index().sort_values(
            ascending=False, kind="stable")  # a colon ("Name: ...") is no verb, as in the chart of verbs
        judged = stance[stance["doc_id"] == doc_id]
        credited = judged[judged["role"] == "credited"].sort_values(["credit", "actor_id"], ascending=[False, True])
        blamed = judged[judged["role"] == "blamed"].sort_values(["blame", "actor_id"], ascending=[False, True])
        top_words = words[(words["group"] == doc_id) & ~words["stopword"]].head(5)["term"].map(escape_markdown)
        focus = epithets[(epithets["doc_id"] == doc_id) & (epithets["side"] == focus_side())]["epithet"].value_counts()
        shared = reuse[(reuse["doc_a"] == doc_id) | (reuse["doc_b"] == doc_id)]
        partners = sorted({names[d] for d in set(shared["doc_a"]) | set(shared["doc_b"])} - {names[doc_id]})
        genre = doc.get("genre")
        text = [f"**{names[doc_id]}** ({escape_markdown(genre) if isinstance(genre, str) else 'genre unknown'}, "
                f"{doc['n_words']} words)"]
        if len(mine):
            with_verbs = f", mostly with *{'*, *'.join(map(escape_markdown, verbs.head(3).index))}*" if len(verbs) else ""
            text.append(f"attributes {_n(len(mine), 'statement')} to {_n(len(speakers), 'speaker')}, most to "
                        f"{_listing([f'{s} ({n})' for s, n in speakers.head(2).items()])}{with_verbs}.")
        else:
            text.append("attributes no statement to anyone.")
        if len(credited):
            text.append(f"It credits {_listing(list(actor_names(credited['actor_id']).head(4).map(escape_markdown)))}")
        if len(blamed):
            blamed_names = actor_names(blamed["actor_id"]).head(4).map(escape_markdown)
            text.append(("and" if len(credited) else "It") + f" blames {_listing(list(blamed_names))}.")
        elif len(credited):
            text[-1] += "."
        if len(top_words):
            text.append(f"Its most distinctive words: {', '.join(f'*{w}*' for w in top_words)}.")
        if len(focus):
            top = focus.sort_index().sort_values(ascending=False, kind="stable").head(3).index
            text.append(f"It calls ISIS {_listing([f'*{escape_markdown(epithet)}*' for epithet in top])}.")
        text.append(f"It shares {_n(len(shared), 'passage')} with {_listing(partners)}." if len(shared)
                    else "It shares no passage with the others.")
        paragraphs.append(" ".join(text))
    return "\n\n".join(paragraphs)
