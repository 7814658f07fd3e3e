"""Text transforms that keep character offsets: every index into the result indexes the original text."""


def lowered(text: str) -> str:
    """text lower-cased without changing its length, so offsets into it index the original.

    A character whose lower case is longer (Turkish "İ" becomes "i̇", two characters) is kept as it is.
    """
    low = text.lower()
    return low if len(low) == len(text) else "".join(c if len(c.lower()) != 1 else c.lower() for c in text)
