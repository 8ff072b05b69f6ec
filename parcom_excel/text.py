"""Vietnamese text normalisation shared by the reader, the contract and the rules.

Office files mix NFC and NFD, old and new tone placement ("hoà" / "hòa"), stray spaces,
and sometimes text typed in legacy 8-bit fonts (TCVN3 ".VnTime", VNI "VNI-Times").
Everything we compare goes through `fold`; everything we keep goes through `clean`.
"""

from __future__ import annotations

import re
import unicodedata

# Combining tone marks (the five tones besides "ngang"); quality marks (^ ˘ ʼ) are not tones.
_TONES = "\u0300\u0301\u0303\u0309\u0323"
_VOWELS = "aeiouy"
# "oa", "oe", "uy" at the end of a syllable: the tone goes on the first vowel ("hòa", "thủy").
_OPEN_PAIR = re.compile(r"(?<![qQ])([oOuU])([aAeEyY])([" + _TONES + r"])(?![a-zA-Z\u0300-\u036f])")
_SPACES = re.compile(r"\s+")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")

# Latin-1 characters that are real Vietnamese letters; anything else from that block inside
# a word is a sign of TCVN3/VNI text that was typed with a legacy font.
_VI_LATIN1 = set("àáâãèéêìíòóôõùúýÀÁÂÃÈÉÊÌÍÒÓÔÕÙÚÝ")
_HARMLESS_LATIN1 = set("\u00a0«»°×±§©®·–")
# VNI writes the circumflex and breve as a second character after the vowel ("Vieät" = "Việt");
# no Vietnamese word written in Unicode has a vowel pair like these.
# TCVN3 maps many lower-case letters to upper-case Latin-1 ones ("NguyÔn" = "Nguyễn").
_TCVN3_CAPITAL = re.compile("[a-zđ][ÀÁÂÃÈÉÊÌÍÒÓÔÕÙÚÝ][a-z]")
_VNI_PAIR = re.compile("[aeAE][âãáàåäÂÃÁÀÅÄ]|[oO][âåäÂÅÄ]|[aA][êéèëõÊÉÈËÕ]")


def normalize_tones(value: str) -> str:
    """Put the tone of a final "oa/oe/uy" on its first vowel, the style of official documents."""
    decomposed = unicodedata.normalize("NFD", value)
    if not any(mark in decomposed for mark in _TONES):
        return unicodedata.normalize("NFC", decomposed)

    def move(match: re.Match[str]) -> str:
        first, second, tone = match.groups()
        if first.lower() == "u" and second.lower() not in "y":
            return match.group(0)
        if first.lower() == "o" and second.lower() not in "ae":
            return match.group(0)
        return first + tone + second

    return unicodedata.normalize("NFC", _OPEN_PAIR.sub(move, decomposed))


def clean(value: str) -> str:
    """The form we store: NFC, one tone style, no control characters, single spaces, trimmed."""
    value = _CONTROL.sub("", value)
    value = normalize_tones(value)
    return _SPACES.sub(" ", value).strip()


def fold(value: str) -> str:
    """Comparison key: `clean` plus case folding."""
    return clean(value).casefold()


def strip_marks(value: str) -> str:
    """Comparison key without any diacritic ("Hoàn thành" -> "hoan thanh")."""
    folded = unicodedata.normalize("NFD", fold(value)).replace("đ", "d")
    return "".join(ch for ch in folded if not unicodedata.combining(ch))


def looks_legacy(value: str) -> bool:
    """True for text that looks typed in a TCVN3 or VNI font (e.g. "NguyÔn V¨n", "Nguyeãn")."""
    if value.isascii():  # every sign below is a non-ASCII character
        return False
    odd = sum(
        1
        for ch in value
        if "\u00a0" <= ch <= "\u00ff" and ch not in _VI_LATIN1 and ch not in _HARMLESS_LATIN1
    )
    if odd >= 2 or _VNI_PAIR.search(value) or _TCVN3_CAPITAL.search(value):
        return True
    return odd == 1 and len(value) <= 12


def needs_quote(value: str) -> bool:
    """Text Excel would otherwise take as a formula when typed."""
    return value[:1] in ("=", "+", "-", "@")
