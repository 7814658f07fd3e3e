"""Length-preserving transforms: offsets into the result must index the original text."""

from analysis.text import lowered


def test_lowered_keeps_every_offset():
    text = "From İncirlik To MOSUL"
    low = lowered(text)
    assert low == "from İncirlik to mosul"  # "İ".lower() is two characters, so it stays as it is
    assert len(low) == len(text) and low.index("mosul") == text.index("MOSUL")


def test_lowered_is_plain_lower_for_ordinary_text():
    assert lowered("Da’esh AND Hezbollah") == "da’esh and hezbollah"
