"""parse_figures at an earlier commit against the working tree's, in one process (not part of `make bench`).

    python -m benchmarks.figures_versions REV [ROUNDS]
        CPU seconds, alternating the two versions ROUNDS times (default 9) on the seeds replicated to 5 MB
        and on the seed texts once (20 passes): best and median MB/s of each. On a shared machine CPU time
        moves with the load, so only the two versions timed in the same rounds compare.
    valgrind --tool=callgrind --instr-atstart=no python -m benchmarks.figures_versions REV --instructions
        Instructions executed by 10 passes over the seed texts, instrumentation switched on around them only
        (callgrind_control), one dump per version named after it: `grep -H totals callgrind.out.*`. The count
        includes a constant of about half a million for the switching itself; run with PYTHONHASHSEED=0.

REV's analysis/stages/figures.py is loaded beside the working tree's (its data files are the working tree's).
"""

import importlib.util
import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from types import ModuleType

from analysis.stages import figures
from benchmarks.common import SEEDS, corpus_megabytes, replicated_corpus


def module_at(rev: str) -> ModuleType:
    """analysis/stages/figures.py as committed at rev, imported under another name."""
    source = subprocess.run(["git", "show", f"{rev}:analysis/stages/figures.py"], check=True, capture_output=True,
                            text=True, cwd=SEEDS.parent).stdout
    path = Path(tempfile.mkdtemp(prefix="figures-at-")) / "figures_at.py"
    path.write_text(source, encoding="utf-8")
    spec = importlib.util.spec_from_file_location(f"figures_at_{rev}", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _callgrind(*args: str) -> None:
    """Tell the callgrind running this process to do something (callgrind_control)."""
    subprocess.run(["callgrind_control", *args, str(os.getpid())], check=True, capture_output=True)


def instructions(versions: dict[str, ModuleType], texts: list[str]) -> None:
    """One callgrind dump per version of the instructions 10 passes over texts execute."""
    for name, module in versions.items():
        for text in texts:
            module.parse_figures(text)  # the lexicon built outside the count
        _callgrind("-z")
        _callgrind("-i", "on")
        for _ in range(10):
            for text in texts:
                module.parse_figures(text)
        _callgrind("-i", "off")
        _callgrind(f"--dump={name}")


def _rate(parse: Callable[[str], object], texts: list[str], megabytes: float, passes: int) -> float:
    """MB/s of parse over texts, passes times, in CPU seconds."""
    started = time.process_time()
    for _ in range(passes):
        for text in texts:
            parse(text)
    return passes * megabytes / (time.process_time() - started)


def timed(versions: dict[str, ModuleType], rounds: int) -> None:
    """Print best and median MB/s of each version, alternating them round by round."""
    corpus = replicated_corpus(5_000_000)
    copies = list(corpus.texts.values())
    seeds = list(dict.fromkeys(text.rstrip("\n") for text in copies))
    sizes = {"5 MB of seed copies": (copies, corpus_megabytes(corpus), 1),
             "seed texts once, 20 passes": (seeds, sum(len(t.encode("utf-8")) for t in seeds) / 1e6, 20)}
    rates: dict[tuple[str, str], list[float]] = {(v, s): [] for v in versions for s in sizes}
    for turn in range(rounds):
        for name in list(versions)[:: 1 if turn % 2 == 0 else -1]:
            for size, (texts, megabytes, passes) in sizes.items():
                rates[name, size].append(_rate(versions[name].parse_figures, texts, megabytes, passes))
    for (name, size), found in rates.items():
        print(f"{name}, {size}: best {max(found):.2f} MB/s, median {statistics.median(found):.2f} "
              f"({rounds} rounds, CPU s)")


def main() -> None:
    """Compare parse_figures at the commit named on the command line with the working tree's."""
    rev = sys.argv[1]
    versions = {rev: module_at(rev), "worktree": figures}
    if "--instructions" in sys.argv:
        instructions(versions, [path.read_text(encoding="utf-8") for path in sorted(SEEDS.glob("*.txt"))])
    else:
        timed(versions, int(sys.argv[2]) if len(sys.argv) > 2 else 9)


if __name__ == "__main__":
    main()
