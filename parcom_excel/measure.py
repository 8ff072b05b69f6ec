"""How much room a text takes in a cell: the advance widths of our two fonts, and line wrapping.

A printed row must be tall enough for its last line: Excel and LibreOffice do not grow a row whose
height a program wrote, and the nomination list sets its heights to place its page breaks. So the
text is laid out as a spreadsheet does (words on a line while they fit), with the widths of Arial
and Times New Roman (the metrics LibreOffice's Liberation fonts share), and a little slack.
Vietnamese letters take the width of their base letter: the marks stack above or below it.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

# Advance widths in thousandths of an em, by character: Arial (Helvetica's metrics) and Times
# New Roman (Times-Roman's).
_LETTERS = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"
_SANS = dict(
    zip(
        _LETTERS,
        map(
            int,
            "556 556 500 556 556 278 556 556 222 222 500 222 833 556 556 556 556 333 500 278 556 500 722 "
            "500 500 500 667 667 722 722 667 611 778 722 278 500 667 556 833 722 778 667 778 722 667 611 "
            "722 667 944 667 667 611".split(),
        ),
        strict=True,
    )
)
_SERIF = dict(
    zip(
        _LETTERS,
        map(
            int,
            "444 500 444 500 444 333 500 500 278 278 500 278 778 500 500 500 500 333 389 278 500 500 722 "
            "500 500 444 722 667 667 722 611 556 722 722 333 389 722 611 889 722 722 556 722 667 556 611 "
            "722 722 944 722 722 611".split(),
        ),
        strict=True,
    )
)
_PUNCTUATION = {  # (sans, serif)
    " ": (278, 250),
    ".": (278, 250),
    ",": (278, 250),
    ":": (278, 278),
    ";": (278, 278),
    "-": (333, 333),
    "–": (556, 500),
    "—": (1000, 1000),
    "/": (278, 278),
    "(": (333, 333),
    ")": (333, 333),
    '"': (355, 408),
    "“": (333, 444),
    "”": (333, 444),
    "'": (191, 180),
    "%": (889, 833),
    "§": (556, 500),
    "…": (1000, 1000),
}
_DIGIT = (556, 500)
_OTHER = (667, 611)  # a letter of another script, a symbol: as wide as a capital
_WIDE = 1000  # CJK and other full-width characters
for _char, (_sans, _serif) in _PUNCTUATION.items():
    _SANS[_char], _SERIF[_char] = _sans, _serif
for _char in "0123456789":
    _SANS[_char], _SERIF[_char] = _DIGIT
_SANS["đ"], _SERIF["đ"] = 556, 500
_SANS["Đ"], _SERIF["Đ"] = 722, 722

_HYPHENATED = re.compile(r"[^-]*-|[^-]+")  # a word's pieces, each ending where a line may break
SERIF_FONTS = frozenset({"times new roman", "times", "liberation serif"})


@lru_cache(maxsize=4096)
def _char_width(char: str, serif: bool) -> int:
    table = _SERIF if serif else _SANS
    width = table.get(char)
    if width is not None:
        return width
    base = unicodedata.normalize("NFD", char)[:1]
    width = table.get(base)
    if width is not None:
        return width
    if unicodedata.combining(char):
        return 0
    if unicodedata.east_asian_width(char) in ("W", "F"):
        return _WIDE
    return _OTHER[1] if serif else _OTHER[0]


class _Widths(dict):
    """Character -> width (thousandths of an em) of one font, filled as characters are met."""

    def __init__(self, serif: bool) -> None:
        super().__init__()
        self.serif = serif

    def __missing__(self, char: str) -> int:
        width = self[char] = _char_width(char, self.serif)
        return width


_TABLES = {False: _Widths(False), True: _Widths(True)}


def text_width(text: str, font: str, size: float, bold: bool = False) -> float:
    """The width of `text` on one line, in points."""
    widths = _TABLES[font.lower() in SERIF_FONTS]
    ems = sum(map(widths.__getitem__, text))
    return ems * size / 1000 * (1.06 if bold else 1.0)


def wrapped_lines(text: str, room: float, font: str, size: float, bold: bool = False) -> int:
    """Lines `text` takes in a cell `room` points wide, wrapping as a spreadsheet does: at spaces
    and after hyphens ("30/QĐ-SKHCN"), a word longer than a line broken where the line ends."""
    space = text_width(" ", font, size, bold)
    lines = 0
    for paragraph in text.split("\n"):
        lines += 1
        used = 0.0
        for word in paragraph.split(" "):
            gap = space if used else 0.0
            for piece in _HYPHENATED.findall(word) or [""]:
                width = text_width(piece, font, size, bold)
                if used and used + gap + width > room:
                    lines += 1
                    used, gap = 0.0, 0.0
                while width > room:  # a long word fills lines of its own
                    lines += 1
                    width -= room
                used += gap + width
                gap = 0.0
    return lines


def column_points(chars: float) -> float:
    """The room for text in a column `chars` characters wide, in points, less the cell's padding.
    A character of width is the default font's digit: 8 pixels for the template's Arial 11, 7 for
    Calibri 11; text is measured at 7.5, so that it fits the template's columns with room to spare
    and a Calibri workbook's nearly."""
    return (int(chars * 7.5 + 5) - 6) * 0.75


def line_height(size: float) -> float:
    """The height of one line of a font `size` points tall in a spreadsheet row, in points."""
    return round(size * 1.2, 2)
