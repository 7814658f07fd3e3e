"""The README's data dictionary is generated from the table schemas and cannot drift from them."""

import pytest

from analysis.dictionary import BEGIN, END, README, data_dictionary, table_entry, with_dictionary
from analysis.pipeline import TABLES, WRITTEN


def test_readme_data_dictionary_is_the_one_the_schemas_give():
    readme = README.read_text(encoding="utf-8")
    assert with_dictionary(readme) == readme, "run `python -m analysis.dictionary` after changing a schema"


def test_dictionary_lists_every_written_table_and_column():
    text = data_dictionary()
    assert text.startswith(BEGIN) and text.endswith(END)
    assert [line.split("`")[1] for line in text.splitlines() if line.startswith("#### ")] == [f"{n}.csv" for n in WRITTEN]
    assert "#### `shared_sentences" not in text  # internal, not written
    entry = table_entry(TABLES["figures"])
    assert "Computed per document from `quotes`." in entry
    assert "| `value_high` | float64 | the high end of a range or vague magnitude" in entry
    assert entry.count("\n| `") == len(TABLES["figures"].columns)


def test_a_readme_without_the_markers_is_a_clear_error():
    with pytest.raises(ValueError, match="README.md: no data dictionary section"):
        with_dictionary("# A README\n")
