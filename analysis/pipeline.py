"""The table graph: every table declared once (what makes it, which tables it needs, its scope and schema),
and `Build`, which computes each table at most once per corpus, in dependency order, on demand."""

from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from operator import attrgetter

import pandas as pd

from analysis.stages import actors, catalogue, dates, figures, parse, quotes, reuse, stance, vocabulary
from analysis.stages.corpus import Corpus

SCOPES = ("document", "corpus")


@dataclass(frozen=True)
class TableSpec:
    """One table: its name, the stage function making it, the tables it takes, its scope and its schema.

    `make(corpus, **inputs)` gets each table named in `needs` as a keyword argument of that name. `scope` is
    "document" when each document's rows depend only on that document (so the table can be computed per
    partition of documents and concatenated), "corpus" for a reduction over all documents. `columns` maps each
    column to (dtype, one-line meaning); internal tables that are not written have `written=False`.
    """

    name: str
    make: Callable[..., pd.DataFrame]
    needs: tuple[str, ...] = ()
    scope: str = "document"
    columns: dict[str, tuple[str, str]] = field(default_factory=dict)
    written: bool = True


SPECS: tuple[TableSpec, ...] = (
    TableSpec("documents", attrgetter("documents")),
    TableSpec("paragraphs", attrgetter("paragraphs")),
    TableSpec("sentences", attrgetter("sentences")),
    TableSpec("spans", attrgetter("spans")),
    TableSpec("problems", attrgetter("problems")),
    TableSpec("quotes", quotes.quotes),
    TableSpec("stance", stance.stance, needs=("quotes",)),
    TableSpec("stance_evidence", stance.evidence, needs=("quotes",)),
    TableSpec("copies", reuse.copies, scope="corpus"),
    TableSpec("shared_sentences", reuse.shared_sentences, needs=("quotes", "copies"), scope="corpus", written=False),
    TableSpec("reuse", reuse.reuse, needs=("copies", "shared_sentences"), scope="corpus"),
    TableSpec("vocabulary", vocabulary.vocabulary, needs=("mentions",), scope="corpus"),
    TableSpec("labels", vocabulary.labels),
    TableSpec("figures", figures.figures, needs=("quotes",)),
    TableSpec("dates", dates.dates),
    TableSpec("recurring_figures", figures.recurring_figures, needs=("figures",), scope="corpus"),
    TableSpec("parses", parse.parses, written=False),
    TableSpec("mentions", actors.mentions, needs=("parses",)),
    TableSpec("actors", catalogue.actors, scope="corpus"),
    TableSpec("candidates", actors.candidates, needs=("mentions",), scope="corpus"),
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


class Build:
    """The tables of one corpus, each computed at most once, on demand: `build["quotes"]`, `build.tables()`."""

    def __init__(self, corpus: Corpus):
        self.corpus = corpus
        self.computed: dict[str, pd.DataFrame] = {}
        self.runs: Counter[str] = Counter()  # how many times each table's stage ran (1 at most: tested)

    def __getitem__(self, name: str) -> pd.DataFrame:
        """The named table, computed (with what it needs) the first time it is asked for."""
        for step in order([name]):
            if step not in self.computed:
                spec = TABLES[step]
                self.runs[step] += 1
                self.computed[step] = spec.make(self.corpus, **{n: self.computed[n] for n in spec.needs})
        return self.computed[name]

    def tables(self) -> dict[str, pd.DataFrame]:
        """Every written table, in declaration order."""
        return {name: self[name] for name in WRITTEN}

