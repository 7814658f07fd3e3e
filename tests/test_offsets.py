"""Length-preserving transforms: offsets into the result must index the original text."""

from analysis.text import lowered, lowered_utf8


def test_lowered_keeps_every_offset():
    text = "From İncirlik To MOSUL"
    low = lowered(text)
    assert low == "from incirlik to mosul"  # "İ".lower() is two characters; folded as re.IGNORECASE does, to "i"
    assert len(low) == len(text) and low.index("mosul") == text.index("MOSUL")


def test_lowered_is_plain_lower_for_ordinary_text():
    assert lowered("Da’esh AND Hezbollah") == "da’esh and hezbollah"


def test_lowered_with_and_without_cased_letters_outside_ascii():
    """Characters outside ASCII with no case of their own ("’", "،", "—") take the bytewise path, cased ones ("Ü",
    "Ş") the character path; both give what str.lower gives here, at the same offsets."""
    for text, expected in [("Ankara’s ARMY — ، said", "ankara’s army — ، said"),
                           ("ÜNAL’s PKK — ŞAM", "ünal’s pkk — şam")]:
        assert lowered(text) == expected == text.lower() and len(lowered(text)) == len(text)


def test_lowered_utf8_gives_the_lowered_texts_own_bytes():
    """Each path of lowered (ASCII, bytewise, folded, cased outside ASCII, a lone surrogate) gives with the text the
    UTF-8 bytes of that text, which the figures' marks are made from."""
    for text in ["ONE Hundred", "Da’esh AND Hezbollah", "Bıllion ſaid", "ÜNAL’s PKK — ŞAM", "Two \ud800 MILES"]:
        low, utf8 = lowered_utf8(text)
        assert low == lowered(text) and utf8 == low.encode("utf-8", "surrogatepass")
