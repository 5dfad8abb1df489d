"""Lower-case word checks before a case-insensitive search (speed only), and the key of a matched word.

A search that can only match where a span holds one of some words is skipped when the span's lower case holds none
of them. That test is exact only when ``str.lower`` folds the span as ``re``'s IGNORECASE does: :func:`folds_simply`.
Here, below both ``caregraph.pipeline.dates`` and ``caregraph.pipeline.extract`` (whose ``patterns`` module builds
its pre-checks on these), so that both use one copy.
"""

from __future__ import annotations


def folds_simply(text: str) -> bool:
    """Whether ``text`` has none of the four characters a case-insensitive pattern matches to an ASCII letter that
    ``str.lower`` does not lower to it ("İ", "ı", "ſ", the Kelvin sign; see :attr:`Doc.folds_simply`)."""
    return text.isascii() or (
        "\u0130" not in text and "\u0131" not in text and "\u017f" not in text and "\u212a" not in text
    )  # (four tests, not a loop over them: speed only)


#: What ``re``'s IGNORECASE matches to an ASCII letter that ``str.lower`` leaves apart: the long s, the dotless i,
#: and the combining dot ``str.lower`` gives a dotted capital I ("İ" → "i̇").
_TO_ASCII_LETTER = str.maketrans({"\u017f": "s", "\u0131": "i", "\u0307": None})


def fold(word: str) -> str:
    """A word a case-insensitive pattern matched, in the lower case of the ASCII word it matched as ("ſeptember" →
    "september", "İn" → "in"): the key of a table of lower-case words."""
    return word.lower().translate(_TO_ASCII_LETTER)


def holds_any(low: str, words: tuple[str, ...] | frozenset[str]) -> bool:
    """Whether the lower-case text ``low`` holds one of ``words`` (lower case) anywhere."""
    return any(map(low.__contains__, words))
