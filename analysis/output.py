"""Writing a build's output: all or nothing, and CSV files a spreadsheet opens without running formulas.

A build writes its tables and report into a staging folder beside the output; only when everything is written
are the new folders swapped in for the old ones, so a failed build leaves the previous output as it was.
"""

import os
import shutil
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pandas as pd

# A spreadsheet evaluates a cell that starts with one of these as a formula (OWASP "CSV injection").
FORMULA_START = ("=", "+", "-", "@", "\t", "\r", "\n")
SAFE_PREFIX = "'"  # shown by Excel and LibreOffice as a text marker, not as part of the value


def spreadsheet_safe(frame: pd.DataFrame) -> pd.DataFrame:
    """A copy whose text cells starting like a formula are prefixed with ', so a spreadsheet shows them as text."""
    safe = frame.copy()
    for column in safe.columns:
        values = safe[column]
        if values.dtype == object or pd.api.types.is_string_dtype(values.dtype):
            text = values.astype("string")
            risky = text.str.startswith(FORMULA_START).fillna(False).astype(bool)
            if risky.any():
                safe[column] = values.astype(object).where(~risky, SAFE_PREFIX + text.astype(object))
    return safe


def write_csv(frame: pd.DataFrame, path: Path, *, csv_safe: bool = False) -> None:
    """Write a table as CSV: exact by default, spreadsheet-safe (formula-like cells prefixed with ') on request."""
    (spreadsheet_safe(frame) if csv_safe else frame).to_csv(path, index=False)


def staging(out: Path) -> Path:
    """This process's staging folder inside OUT (an internal path: messages to the user name OUT instead)."""
    return out / f".staging-{os.getpid()}"


@contextmanager
def staged(out: Path, parts: tuple[str, ...]) -> Iterator[Path]:
    """A staging folder to write OUT's parts (e.g. tables/, report/) into; on success each part replaces OUT's
    old one, on failure the staging folder is removed and OUT is left untouched."""
    out.mkdir(parents=True, exist_ok=True)
    stage = staging(out)
    shutil.rmtree(stage, ignore_errors=True)
    stage.mkdir()
    try:
        yield stage
    except BaseException:
        shutil.rmtree(stage, ignore_errors=True)
        raise
    old = out / f".previous-{os.getpid()}"
    old.mkdir(exist_ok=True)
    for part in parts:
        if (stage / part).exists():
            if (out / part).exists():
                (out / part).rename(old / part)
            (stage / part).rename(out / part)
    shutil.rmtree(old, ignore_errors=True)
    shutil.rmtree(stage, ignore_errors=True)
