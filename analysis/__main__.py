"""Command line: `python -m analysis build --corpus seeds --out build` writes every table and the report."""

import argparse
import sys
import warnings
from pathlib import Path

from analysis import engine, store
from analysis.output import staged, staging
from analysis.stages.catalogue import CatalogueError, use_catalogue
from analysis.stages.corpus import CorpusError, check_folder, corpus_input

PROJECT_ROOT = Path(__file__).resolve().parent.parent  # as analysis.views.notebook has it, without importing the
# views (the charts library): a build with --no-report (an incremental rebuild) imports only what computes tables
NOTEBOOKS = PROJECT_ROOT / "notebooks"


def progress(message: str) -> None:
    """One line of progress on stderr."""
    print(message, file=sys.stderr, flush=True)


def write_tables(corpus_dir: Path, out: Path, *, csv_safe: bool = False, **engine_options) -> list[Path]:
    """Compute every written table of the corpus and write it under OUT/tables (CSV by default; csv_safe: cells that
    start like a spreadsheet formula prefixed with '); engine_options as analysis.engine.build takes them."""
    return engine.build(corpus_dir, out, csv_safe=csv_safe, **engine_options)


def parser() -> argparse.ArgumentParser:
    """The command line's arguments, with their defaults shown in --help."""
    main_parser = argparse.ArgumentParser(prog="python -m analysis", description=__doc__)
    commands = main_parser.add_subparsers(dest="command", required=True)
    build = commands.add_parser(
        "build", help="write the tables (OUT/tables/*.csv) and the report (OUT/report/)",
        formatter_class=argparse.ArgumentDefaultsHelpFormatter,
        description="Write every table as OUT/tables/<name>.csv and the offline report as OUT/report/index.html. "
                    "Both are written to a staging folder inside OUT first and replace the previous ones only when "
                    "the build succeeds: a failed build leaves the previous output as it was.")
    build.add_argument("--corpus", nargs="+", default=argparse.SUPPRESS, metavar="PATH",
                       help="folder of .txt articles (with an optional manifest.csv and actors.yaml); or several "
                            ".txt files, folders' files given one by one, or a quoted glob pattern ('dir/*.txt'): "
                            "the same rules, no manifest or actors.yaml read (default, without --files-from: seeds)")
    build.add_argument("--files-from", type=Path, default=None, metavar="FILE",
                       help="a file listing article paths one per line (blank lines and # comments ignored), "
                            "read as --corpus paths are; with --corpus too, both")
    build.add_argument("--out", type=Path, default=Path("build"), help="output folder")
    build.add_argument("--no-report", action="store_true", help="write the tables only")
    build.add_argument("--catalogue", type=Path, default=None,
                       help="your actor catalogue (format of analysis/data/actors.yaml), merged over the package's "
                            "(default: actors.yaml in the corpus folder, if there is one)")
    build.add_argument("--csv-safe", action="store_true",
                       help="for spreadsheets: prefix with ' every cell that starts with = + - @ (or a tab or line "
                            "break), so Excel and LibreOffice show it as text instead of running it as a formula; "
                            "such cells then differ from the text at their offsets (the default CSV is exact)")
    build.add_argument("--format", choices=("csv", "parquet", "both"), default="csv",
                       help="table files: CSV, Parquet (per-document tables as a folder of one part per partition), "
                            "or both")
    build.add_argument("--engine", choices=engine.ENGINES, default="local",
                       help="local: one process (small corpora); dask: partitions of documents on a Dask cluster")
    build.add_argument("--workers", type=int, default=None,
                       help="with --engine dask: start a LocalCluster of this many worker processes (default 1)")
    build.add_argument("--scheduler", default=None,
                       help="with --engine dask: the address of a running Dask scheduler (tcp://host:8786) to use "
                            "instead of a LocalCluster")
    build.add_argument("--partition", type=int, default=engine.PARTITION, help="documents per Dask partition")
    build.add_argument("--cache", type=Path, nargs="?", const=True, default=None,
                       help="incremental build: keep per-document results in this folder (default OUT/cache) and "
                            "compute only documents (and tables) that are new or changed since")
    build.add_argument("--debug", action="store_true", help="show the full traceback when the build fails")
    return main_parser


def one_line_warning(message, category, filename, lineno, line=None) -> str:
    """A warning on stderr as one line, without the source file and line of the code that raised it."""
    return f"warning: {message}\n"


def main(argv: list[str] | None = None) -> int:
    """Run the requested job: 0 when done, 1 when the build failed (the previous output kept), 2 for bad input."""
    args = parser().parse_args(argv)
    warnings.formatwarning = one_line_warning
    try:
        given = getattr(args, "corpus", [] if args.files_from else [str(PROJECT_ROOT / "seeds")])
        args.corpus, args.names = corpus_input(given, args.files_from)
        check_folder(args.corpus)
        user = use_catalogue(args.corpus if args.names is None else None, args.catalogue)
        if user:
            progress(f"catalogue: the package's, with {user} over it")
        return build(args)
    except (CorpusError, CatalogueError) as err:
        progress(f"error: {err}")
        return 2
    except Exception as err:
        if args.debug:
            raise
        shown = str(err).replace(str(staging(args.out)), str(args.out))
        progress(f"error: the build failed ({type(err).__name__}: {shown}); the previous output in {args.out} is "
                 f"unchanged (--debug shows the traceback)")
        return 1


def build(args: argparse.Namespace) -> int:
    """Write the tables and the report into a staging folder, then swap them in for the previous ones."""
    incomplete = None
    chosen = store.formats(args.format)
    with staged(args.out, ("tables", "report")) as stage:
        # The report's notebooks read the tables back as Parquet rather than compute them again.
        write_tables(args.corpus, stage, csv_safe=args.csv_safe, chosen=chosen if args.no_report else store.FORMATS,
                     engine=args.engine, workers=args.workers, scheduler=args.scheduler, partition=args.partition,
                     cache_dir=args.out / "cache" if args.cache is True else args.cache, shown=args.out,
                     names=args.names)
        if not args.no_report:
            from analysis.views.report import ReportIncomplete, build_report

            stored = store.set_aside(stage / "tables", stage / "stored", [f for f in store.FORMATS if f not in chosen])
            try:
                build_report(sorted(NOTEBOOKS.glob("*.ipynb")), stage / "report", args.corpus.resolve(),
                             tables=stage / "tables", stored=stored, names=args.names)
            except ReportIncomplete as err:
                incomplete = err  # the other pages and an error page are written: they replace the old report
    written = "tables" if args.no_report else "tables and report"
    if incomplete:
        progress(f"error: {str(incomplete).replace(str(stage), str(args.out))}")
        return 1
    progress(f"{written} written to {args.out}" + ("" if args.no_report else f": {args.out / 'report' / 'index.html'}"))
    return 0


if __name__ == "__main__":
    sys.exit(main())
