"""Are the tables still the same? `python -m analysis.compare REFERENCE` builds every written table of a corpus
(default: the seeds) from one Build and compares each, byte for byte as the build writes it, with REFERENCE/<name>.csv
(e.g. the tables/ folder of an earlier `python -m analysis build`); `--save REFERENCE` records them instead.
A developer's check that a refactoring changed no table; exit status 1 when a table differs."""

import argparse
import sys
from pathlib import Path

import pandas as pd

from analysis.pipeline import Build
from analysis.stages.corpus import load_corpus
from analysis.views.notebook import PROJECT_ROOT


def csv_text(frame: pd.DataFrame) -> str:
    """A table as the build writes it (analysis.output.write_csv without --csv-safe)."""
    return frame.to_csv(index=False)


def differences(tables: dict[str, pd.DataFrame], reference: Path) -> dict[str, str]:
    """table -> how it differs from its reference CSV (tables that are the same left out)."""
    found = {}
    for name, frame in tables.items():
        path = reference / f"{name}.csv"
        if not path.exists():
            found[name] = f"no {path.name} in {reference}"
            continue
        new, old = csv_text(frame).splitlines(), path.read_text(encoding="utf-8").splitlines()
        if new != old:
            line = next((i for i, (a, b) in enumerate(zip(new, old)) if a != b), min(len(new), len(old)))
            found[name] = f"{len(new)} lines, reference {len(old)}; first difference at line {line + 1}"
    for path in sorted(reference.glob("*.csv")):
        if path.stem not in tables:
            found[path.stem] = "in the reference, no longer written"
    return found


def main(argv: list[str] | None = None) -> int:
    """Compare (or, with --save, record) every written table of the corpus."""
    parser = argparse.ArgumentParser(prog="python -m analysis.compare", description=__doc__)
    parser.add_argument("reference", type=Path, help="folder of <table>.csv files")
    parser.add_argument("--corpus", type=Path, default=PROJECT_ROOT / "seeds", help="folder of .txt articles")
    parser.add_argument("--save", action="store_true", help="write the tables to REFERENCE instead of comparing")
    args = parser.parse_args(argv)
    tables = Build(load_corpus(args.corpus)).tables()
    if args.save:
        args.reference.mkdir(parents=True, exist_ok=True)
        for name, frame in tables.items():
            (args.reference / f"{name}.csv").write_text(csv_text(frame), encoding="utf-8")
        print(f"{len(tables)} tables saved to {args.reference}")
        return 0
    found = differences(tables, args.reference)
    for name in tables:
        print(f"{name}: {found.get(name, 'identical')}")
    for name in sorted(set(found) - set(tables)):
        print(f"{name}: {found[name]}")
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main())
