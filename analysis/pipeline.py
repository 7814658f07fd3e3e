"""The table graph: every table declared once (what makes it, which tables it needs, its scope and schema),
and `Build`, which computes each table at most once per corpus, in dependency order, on demand."""

from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from operator import attrgetter

import pandas as pd

from analysis import schemas
from analysis.stages import actors, catalogue, dates, events, figures, parse, quotes, reuse, stance, vocabulary
from analysis.stages.corpus import Corpus

SCOPES = ("document", "corpus")


@dataclass(frozen=True)
class TableSpec:
    """One table: its name, the stage function making it, the tables it takes, its scope, its schema and what one
    row is (`about`, one line for the data dictionary).

    `make(corpus, **inputs)` gets each table named in `needs` as a keyword argument of that name. `scope` is
    "document" when each document's rows depend only on that document (so the table can be computed per
    partition of documents and concatenated), "corpus" for a reduction over all documents. `columns` maps each
    column to (dtype, one-line meaning); `more_columns`, when set, says which further columns a corpus may add
    (the manifest's). Internal tables that are not written have `written=False`. A corpus-scope table that
    `resumes` can start from an earlier run's result (the cache keeps it): `make(..., earlier=(input, rows))`.
    """

    name: str
    make: Callable[..., pd.DataFrame]
    needs: tuple[str, ...] = ()
    scope: str = "document"
    columns: dict[str, tuple[str, str]] = field(default_factory=dict)
    written: bool = True
    more_columns: str = ""
    about: str = ""
    resumes: bool = False  # make also takes `earlier`: its first input and its rows from an earlier run of its code


SPECS: tuple[TableSpec, ...] = (
    TableSpec("documents", attrgetter("documents"), columns=schemas.DOCUMENTS,
              more_columns="every manifest.csv column X, with X_source saying where its values come from",
              about="one row per file: metadata read from the text (or the manifest), each fact with its evidence"),
    TableSpec("paragraphs", attrgetter("paragraphs"), columns=schemas.PARAGRAPHS,
              about="one row per paragraph, of kind body or a kind of page furniture"),
    TableSpec("sentences", attrgetter("sentences"), columns=schemas.SENTENCES,
              about="one row per sentence, of its paragraph's kind"),
    TableSpec("spans", attrgetter("spans"), columns=schemas.SPANS,
              about="sentences and the whitespace between them: every character of every file in exactly one span"),
    TableSpec("problems", attrgetter("problems"), columns=schemas.PROBLEMS,
              about="one row per input file that needed a fallback or was skipped"),
    TableSpec("quotes", quotes.quotes, needs=("parses", "mentions"), columns=schemas.QUOTES,
              about="one row per statement the text attributes to someone (per reporting cue)"),
    TableSpec("event_parses", events.event_parses, needs=("parses", "mentions"), written=False,
              about="the parse of the body sentences that may hold an event and that `parses` left out (internal)"),
    TableSpec("events", events.events, needs=("parses", "event_parses", "quotes", "mentions"), columns=schemas.EVENTS,
              about="one row per (agent, target) of a clause in which a named actor acts on another or on what matters"),
    TableSpec("stance_evidence", stance.evidence, needs=("events",), columns=schemas.STANCE_EVIDENCE,
              about="one row per credit or blame judgment an asserted event makes (its act and judged actor)"),
    TableSpec("stance", stance.stance, needs=("stance_evidence", "mentions"), columns=schemas.STANCE,
              about="one row per document and judgeable actor it names in its body: credited, blamed, both or neutral"),
    TableSpec("body_keys", reuse.body_keys, columns=schemas.BODY_KEYS, written=False,
              about="one row per document with a body: what copies compares it by (internal)"),
    TableSpec("copies", reuse.copies, needs=("body_keys",), scope="corpus", columns=schemas.COPIES,
              about="one row per document whose body copies an earlier one", resumes=True),
    TableSpec("reuse_keys", reuse.reuse_keys, needs=("quotes",), columns=schemas.REUSE_KEYS, written=False,
              about="one row per body sentence: the words it is compared by for shared passages (internal)"),
    TableSpec("shared_sentences", reuse.shared_sentences, needs=("reuse_keys", "copies"), scope="corpus",
              columns=schemas.SHARED_SENTENCES, written=False,
              about="one row per aligned sentence pair of two documents (internal: reuse merges them)"),
    TableSpec("reuse", reuse.reuse, needs=("copies", "shared_sentences"), scope="corpus", columns=schemas.REUSE,
              about="one row per passage two documents share (and one 'duplicate' row per copied document)"),
    TableSpec("term_counts", vocabulary.term_counts, needs=("mentions",), columns=schemas.TERM_COUNTS, written=False,
              about="one row per document and term of its body: the counts the vocabulary table sums (internal)"),
    TableSpec("vocabulary", vocabulary.vocabulary, needs=("term_counts",), scope="corpus", columns=schemas.VOCABULARY,
              about="each document's distinctive unigrams and bigrams against the rest of the corpus"),
    TableSpec("epithets", vocabulary.epithets, columns=schemas.EPITHETS,
              about="one row per epithet an outlet gives ISIS or its opponents (data/epithets.yaml)"),
    TableSpec("figures", figures.figures, needs=("quotes",), columns=schemas.FIGURES,
              about="one row per figure: a number quantifying something, with its unit, what it counts and its source"),
    TableSpec("dates", dates.dates, columns=schemas.DATES,
              about="one row per date or time expression, normalised to ISO at its stated precision"),
    TableSpec("recurring_figures", figures.recurring_figures, needs=("figures",), scope="corpus",
              columns=schemas.RECURRING_FIGURES,
              about="one row per mention of a figure that more than one document states"),
    TableSpec("parses", parse.parses, written=False,
              about="the spaCy parse of the sentences that need one (internal: an object, not a table)"),
    TableSpec("mentions", actors.mentions, needs=("parses",), columns=schemas.MENTIONS,
              about="one row per actor mention: catalogued actors, and names the parse finds that the catalogue lacks"),
    TableSpec("actors", catalogue.actors, scope="corpus", columns=schemas.ACTORS,
              about="the actor catalogue in use, one row per actor"),
    TableSpec("candidates", actors.candidates, needs=("mentions",), scope="corpus", columns=schemas.CANDIDATES,
              about="the actors the catalogue lacks (unlisted mentions), named in most documents first: what to add"),
)
TABLES: dict[str, TableSpec] = {spec.name: spec for spec in SPECS}
WRITTEN: tuple[str, ...] = tuple(spec.name for spec in SPECS if spec.written)


def order(names: Iterable[str] | None = None) -> list[str]:
    """The given tables (default: all) and everything they need, each once, every table after its inputs."""
    done: list[str] = []

    def visit(name: str, path: tuple[str, ...]) -> None:
        if name in path:
            raise ValueError(f"table graph: cycle {' -> '.join(path + (name,))}")
        if name not in TABLES:
            raise KeyError(f"table graph: no table named {name!r} (known: {', '.join(TABLES)})")
        if name not in done:
            for need in TABLES[name].needs:
                visit(need, path + (name,))
            done.append(name)

    for name in TABLES if names is None else names:
        visit(name, ())
    return done


def _all(column: pd.Series, kind: type) -> bool:
    """Whether every value of an object column is of the given type or missing."""
    return bool(column.map(lambda v: isinstance(v, kind) or pd.isna(v)).all())


_DTYPE_CHECKS: dict[str, Callable[[pd.Series], bool]] = {
    "str": lambda column: pd.api.types.is_string_dtype(column) or _all(column, str),
    "int64": pd.api.types.is_integer_dtype,
    "float64": pd.api.types.is_float_dtype,
    "bool": lambda column: pd.api.types.is_bool_dtype(column) or _all(column, bool),
    "bytes": lambda column: _all(column, bytes),
}


def schema_problems(name: str, frame: pd.DataFrame) -> list[str]:
    """How a table differs from its schema (empty: it conforms): missing, unexpected or misplaced columns, and
    columns whose values are not of the declared dtype (an empty table's columns may hold any dtype)."""
    spec = TABLES[name]
    declared = list(spec.columns)
    problems = [f"{name}: no column {c!r}" for c in declared if c not in frame.columns]
    extra = [c for c in frame.columns if c not in spec.columns]
    if extra and not spec.more_columns:
        problems.append(f"{name}: columns not in its schema: {', '.join(map(str, extra))}")
    if [c for c in frame.columns if c in spec.columns] != [c for c in declared if c in frame.columns]:
        problems.append(f"{name}: columns not in schema order")
    for column, (dtype, _) in spec.columns.items():
        if column in frame.columns and len(frame) and not _DTYPE_CHECKS[dtype](frame[column]):
            problems.append(f"{name}.{column}: {frame[column].dtype} values, schema says {dtype}")
    return problems


class Build:
    """The tables of one corpus, each computed at most once, on demand: `build["quotes"]`, `build.tables()`."""

    def __init__(self, corpus: Corpus):
        self.corpus = corpus
        self.computed: dict[str, pd.DataFrame] = {}
        self.runs: Counter[str] = Counter()  # how many times each table's stage ran (1 at most: tested)
        self.earlier: dict[str, tuple[pd.DataFrame, pd.DataFrame]] = {}  # an earlier run of a table that resumes

    def __getitem__(self, name: str) -> pd.DataFrame:
        """The named table, computed (with what it needs and is not there yet) the first time it is asked for."""
        if name not in self.computed:
            order([name])  # an unknown table or a cycle is an error before anything runs
            spec = TABLES[name]
            inputs = {need: self[need] for need in spec.needs}
            self.runs[name] += 1
            if name in self.earlier:
                inputs["earlier"] = self.earlier[name]
            self.computed[name] = spec.make(self.corpus, **inputs)
        return self.computed[name]

    def tables(self) -> dict[str, pd.DataFrame]:
        """Every written table, in declaration order."""
        return {name: self[name] for name in WRITTEN}

