"""A first look at a corpus: publication dates, how much of each file is page furniture, each document's character."""

import re

import pandas as pd

from analysis.lexicon import grammar, one_of
from analysis.stages.corpus import Corpus
from analysis.stages.dates import period_start
from analysis.views.html import escape_markdown
from analysis.views.limits import MAX_DOCUMENTS, busiest, markdown_note

_FIRST_PERSON = re.compile(rf"\b{one_of(grammar('first_person_forms'))}\b")
_QUOTE_MARK = re.compile(r"[\"“”]|(?<!\w)[‘'](?=\w)")


METADATA_COLUMNS = ["short_name", "title", "author", "outlet", "via", "published", "published_inferred",
                    "published_evidence", "genre"]


def metadata_table(corpus: Corpus) -> pd.DataFrame:
    """The documents' metadata for reading: one row per document, indexed by short name, blanks where the text is silent."""
    columns = [c for c in METADATA_COLUMNS if c in corpus.documents.columns]
    return corpus.documents[columns].set_index("short_name").astype(object).fillna("")


def publication_dates(corpus: Corpus) -> pd.DataFrame:
    """One row per dated document: its short name, the date (first day of the stated period), precision and evidence."""
    periods = corpus.documents["published"].map(period_start, na_action="ignore").dropna()
    docs = corpus.documents.loc[periods.index]
    return pd.DataFrame({
        "doc_id": docs["doc_id"],
        "document": docs["short_name"],
        "published": docs["published"],
        "date": pd.to_datetime([first for first, _ in periods]),
        "precision": [precision for _, precision in periods],
        "inferred": docs["published_inferred"].astype(bool),
        "evidence": docs["published_evidence"],
    }).sort_values(["date", "doc_id"]).reset_index(drop=True)


def composition(corpus: Corpus) -> pd.DataFrame:
    """Characters of each document by span kind (body, headline, author_bio, ...), whitespace left out."""
    spans = corpus.spans[corpus.spans["kind"] != "space"]
    chars = (spans["end"] - spans["start"]).groupby([spans["doc_id"], spans["kind"]]).sum()
    out = chars.rename("chars").reset_index()
    out["document"] = out["doc_id"].map(corpus.documents.set_index("doc_id")["short_name"])
    out["part"] = out["kind"].where(out["kind"] == "body", "page furniture")
    return out.sort_values(["doc_id", "kind"]).reset_index(drop=True)


def profile(corpus: Corpus) -> pd.DataFrame:
    """Per document: size, sentence length, first-person voice, quotation, furniture share, genre and sources."""
    body = corpus.sentences[corpus.sentences["in_body"]]
    rows = []
    for doc in corpus.documents.itertuples():
        sents = body[body["doc_id"] == doc.doc_id]["text"]
        text = " ".join(sents)
        spans = corpus.spans[corpus.spans["doc_id"] == doc.doc_id]
        furniture = spans[~spans["kind"].isin(["body", "space"])]
        rows.append({
            "doc_id": doc.doc_id,
            "document": doc.short_name,
            "genre": getattr(doc, "genre", None),
            "n_words": doc.n_words,
            "n_sentences": len(sents),
            "words_per_sentence": round(doc.n_words / max(len(sents), 1), 1),
            "first_person_per_1k": round(1000 * len(_FIRST_PERSON.findall(text)) / max(doc.n_words, 1), 1),
            "quoting_sentences": round(sum(bool(_QUOTE_MARK.search(s)) for s in sents) / max(len(sents), 1), 2),
            "furniture_share": round(doc.boilerplate_chars / doc.n_chars, 3),
            "furniture": ", ".join(dict.fromkeys(furniture["kind"])),
            "author": doc.author,
            "outlet": doc.outlet,
            "via": doc.via,
        })
    return pd.DataFrame(rows)


def profile_table(profile: pd.DataFrame) -> pd.DataFrame:
    """The profile's measures for reading, indexed by document, blanks for missing values."""
    measures = profile.drop(columns=["doc_id", "author", "outlet", "via"]).set_index("document")
    return measures.astype(object).fillna("")


def sketch(row: pd.Series) -> str:
    """A one-paragraph reading of a document's character, built only from its profile row (every value from the
    corpus or the manifest escaped)."""
    who = " and ".join(escape_markdown(v) for v in (row["author"], row["outlet"]) if isinstance(v, str)) \
        or "no named author or outlet"
    voice = (
        f"the writer speaks in the first person ({row['first_person_per_1k']} first-person words per 1,000)"
        if row["first_person_per_1k"] >= 5
        else f"it keeps a third-person voice ({row['first_person_per_1k']} first-person words per 1,000)"
    )
    via = f"; it credits {escape_markdown(row['via'])} as its source" if isinstance(row["via"], str) else ""
    furniture = f"; page furniture: {escape_markdown(row['furniture'])}" if row["furniture"] else ""
    genre = f", {escape_markdown(row['genre'])}" if isinstance(row["genre"], str) else ""
    return (
        f"**{escape_markdown(row['document'])}**{genre}: {who}. {row['n_words']:,} words in {row['n_sentences']} "
        f"sentences ({row['words_per_sentence']} words each on average); {voice}; "
        f"{row['quoting_sentences']:.0%} of its sentences carry quotation marks{via}{furniture}."
    )


def sketches(profile: pd.DataFrame, *, limit: int = MAX_DOCUMENTS) -> str:
    """Markdown: each document's sketch, for at most `limit` documents (the longest), with a note on the rest."""
    shown, left_out = busiest(profile, "document", "n_words", limit=limit, most="words")
    return "\n\n".join(markdown_note(left_out) + [sketch(row) for _, row in shown.iterrows()])


def summary(corpus: Corpus) -> str:
    """One Markdown sentence on the corpus as a whole: size, date range, how many dates are inferred."""
    dates = publication_dates(corpus)
    docs = corpus.documents
    inferred = int(dates["inferred"].sum())
    # ISO dates: computed from the text, or a manifest value the loader checked is one
    span = f", published between **{dates['published'].iloc[0]}** and **{dates['published'].iloc[-1]}**" \
        if len(dates) else ""
    return (
        f"The corpus holds **{len(docs)} documents** with **{int(docs['n_words'].sum()):,} words** of body text "
        f"({int(docs['n_words'].min()):,} to {int(docs['n_words'].max()):,} per document){span}. "
        f"{len(dates) - inferred} publication date(s) are stated in a dateline; {inferred} are inferred "
        f"(see the evidence column); {len(docs) - len(dates)} could not be dated."
    )
