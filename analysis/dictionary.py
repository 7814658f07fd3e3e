"""The data dictionary (every written table, every column: dtype and meaning), generated from the table schemas in
analysis/pipeline.py. `python -m analysis.dictionary` rewrites the marked section of README.md; a test fails when
that section differs from what the schemas say."""

import sys
from pathlib import Path

from analysis.pipeline import SPECS, TableSpec

README = Path(__file__).resolve().parent.parent / "README.md"
BEGIN = "<!-- data dictionary: generated from the table schemas by `python -m analysis.dictionary` -->"
END = "<!-- end of the data dictionary -->"


def _cell(text: str) -> str:
    """Text safe inside a Markdown table cell (no column break, no HTML tag)."""
    return text.replace("|", "\\|").replace("<", "&lt;").replace(">", "&gt;")


def table_entry(spec: TableSpec) -> str:
    """One table's entry: its file, what a row is, what it is computed from, and its columns."""
    source = ", ".join(f"`{n}`" for n in spec.needs) or "the corpus"
    scope = "per document" if spec.scope == "document" else "over the whole corpus"
    lines = [f"#### `{spec.name}.csv`", "", f"{spec.about[0].upper()}{spec.about[1:]}. Computed {scope} from {source}.",
             "", "| column | dtype | meaning |", "|---|---|---|"]
    lines += [f"| `{column}` | {dtype} | {_cell(meaning)} |" for column, (dtype, meaning) in spec.columns.items()]
    if spec.more_columns:
        lines.append(f"| … | str | {_cell(spec.more_columns)} |")
    return "\n".join(lines)


def data_dictionary() -> str:
    """The whole marked section: every written table, in the order the build writes them."""
    entries = [table_entry(spec) for spec in SPECS if spec.written]
    return "\n\n".join([BEGIN, *entries, END])


def with_dictionary(readme: str) -> str:
    """The README text with its marked section replaced by the current data dictionary."""
    start, end = readme.find(BEGIN), readme.find(END)
    if start < 0 or end < start:
        raise ValueError(f"{README.name}: no data dictionary section (a line {BEGIN!r} ... a line {END!r})")
    return readme[:start] + data_dictionary() + readme[end + len(END):]


def main() -> int:
    """Rewrite README.md's data dictionary section from the schemas."""
    README.write_text(with_dictionary(README.read_text(encoding="utf-8")), encoding="utf-8")
    print(f"{README}: data dictionary written ({sum(s.written for s in SPECS)} tables)", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
