"""Run every benchmark: `python -m benchmarks` (what `make bench` runs)."""

import importlib
import pkgutil
from pathlib import Path


def main() -> None:
    """Import and run each benchmarks/bench_*.py module's main(), in name order."""
    for module in sorted(m.name for m in pkgutil.iter_modules([str(Path(__file__).parent)])):
        if module.startswith("bench_"):
            importlib.import_module(f"benchmarks.{module}").main()


if __name__ == "__main__":
    main()
