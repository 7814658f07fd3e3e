"""Command line: `python -m analysis build --corpus seeds --out build` writes every table and the report."""

import argparse
import sys
import time
from pathlib import Path

from analysis.stages.catalogue import CatalogueError, use_catalogue
from analysis.stages.corpus import load_corpus
from analysis.views.notebook import PROJECT_ROOT
from analysis.pipeline import TABLES

NOTEBOOKS = PROJECT_ROOT / "notebooks"


def progress(message: str) -> None:
    """One line of progress on stderr."""
    print(message, file=sys.stderr, flush=True)


def write_tables(corpus_dir: Path, out: Path) -> list[Path]:
    """Compute every registered table for the corpus and write it as OUT/tables/<name>.csv."""
    corpus = load_corpus(corpus_dir)
    tables = out / "tables"
    tables.mkdir(parents=True, exist_ok=True)
    written = []
    for i, (name, make) in enumerate(TABLES.items(), 1):
        started = time.perf_counter()
        frame = make(corpus)
        path = tables / f"{name}.csv"
        frame.to_csv(path, index=False)
        written.append(path)
        progress(f"[{i}/{len(TABLES)}] {path} ({len(frame)} rows, {time.perf_counter() - started:.2f} s)")
    return written


def main(argv: list[str] | None = None) -> int:
    """Parse the command line and run the requested job."""
    parser = argparse.ArgumentParser(prog="python -m analysis", description=__doc__)
    commands = parser.add_subparsers(dest="command", required=True)
    build = commands.add_parser("build", help="write the tables (OUT/tables/*.csv) and the report (OUT/report/)")
    build.add_argument("--corpus", type=Path, default=PROJECT_ROOT / "seeds", help="folder of .txt articles")
    build.add_argument("--out", type=Path, default=Path("build"), help="output folder")
    build.add_argument("--no-report", action="store_true", help="write the tables only")
    build.add_argument("--catalogue", type=Path, default=None,
                       help="your actor catalogue (format of analysis/data/actors.yaml), merged over the package's "
                            "(default: actors.yaml in the corpus folder, if there is one)")
    args = parser.parse_args(argv)
    try:
        user = use_catalogue(args.corpus, args.catalogue)
    except CatalogueError as err:
        progress(f"error: {err}")
        return 2
    if user:
        progress(f"catalogue: the package's, with {user} over it")
    write_tables(args.corpus, args.out)
    if not args.no_report:
        from analysis.views.report import ReportIncomplete, build_report

        try:
            index = build_report(sorted(NOTEBOOKS.glob("*.ipynb")), args.out / "report", args.corpus.resolve(),
                                 tables=args.out / "tables")
        except ReportIncomplete as err:
            progress(f"error: {err}")
            return 1
        progress(f"report: {index}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
