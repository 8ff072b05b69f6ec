"""Sheet names and our markers, one set of rules for every adapter (file and live Excel).

Excel compares sheet names without case (we compare them in NFC too, since Office files mix
NFC and NFD), counts a name's 31-character limit in UTF-16 units (an emoji is two), and forbids
[ ] : * ? / \\ and apostrophes at either end. Our result sheets are found again through hidden
workbook-level names `_parcom_<key>` whose reference Excel keeps up to date when a user renames
the sheet.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from typing import Any

from .addresses import quote_sheet
from .text import fold, strip_marks

MAX_SHEET_NAME = 31  # UTF-16 code units
MARKER_PREFIX = "_parcom_"
_BAD_CHARS = re.compile(r"[\[\]:*?/\\]")
_CONTROL = re.compile(r"[\x00-\x1f\x7f]")


def sheet_key(name: str) -> str:
    """How two sheet names are compared: NFC, without case."""
    return unicodedata.normalize("NFC", name).casefold()


def utf16_len(text: str) -> int:
    return len(text.encode("utf-16-le")) // 2


def fit(text: str, units: int) -> str:
    """The longest head of `text` that takes at most `units` UTF-16 units (never half a pair)."""
    if utf16_len(text) <= units:
        return text
    out, used = [], 0
    for ch in text:
        size = 2 if ord(ch) > 0xFFFF else 1
        if used + size > units:
            break
        out.append(ch)
        used += size
    return "".join(out)


def safe_sheet_name(name: str) -> str:
    """A name Excel accepts: no []:*?/\\ or control characters, no edge apostrophes, 31 units."""
    name = _BAD_CHARS.sub("_", _CONTROL.sub(" ", re.sub(r"\s", " ", unicodedata.normalize("NFC", str(name)))))
    name = fit(" ".join(name.split()).strip("'"), MAX_SHEET_NAME).strip("'").strip()
    if not name or name.casefold() == "history":  # "History" is reserved by Excel
        name = (name + " sheet").strip() if name else "Sheet"
    return name


def numbered(wanted: str, n: int) -> str:
    """ "wanted (n)", shortened so that it fits Excel's limit."""
    suffix = f" ({n})"
    return fit(wanted, MAX_SHEET_NAME - len(suffix)).rstrip() + suffix


def unique_sheet_name(wanted: str, taken: Iterable[str]) -> str:
    """`wanted` (made safe), or "wanted (2)", "(3)"… : the first one no name in `taken` holds."""
    keys = {sheet_key(name) for name in taken}
    wanted = safe_sheet_name(wanted)
    name, n = wanted, 1
    while sheet_key(name) in keys:
        n += 1
        name = numbered(wanted, n)
    return name


def marker_name(key: str) -> str:
    return MARKER_PREFIX + re.sub(r"[^A-Za-z0-9_.]", "_", key)


def marker_refers_to(sheet_name: str) -> str:
    return f"={quote_sheet(sheet_name)}!$A$1"


def parse_marker(name: str, refers_to: str | None) -> tuple[str, str] | None:
    """(output key, sheet name) of a workbook-level `_parcom_<key>` name, or None.

    A reference Excel turned into `#REF!` (the sheet was deleted) or one into another workbook
    marks nothing. Names are compared without case, as Excel does.
    """
    if not name or "!" in name or not name.lower().startswith(MARKER_PREFIX) or not refers_to:
        return None
    key = name[len(MARKER_PREFIX) :].lower()
    target = refers_to.strip().removeprefix("=")
    sheet, bang, cell = target.rpartition("!")
    if not bang or not sheet or cell.replace("$", "").upper().split(":")[0] != "A1":
        return None
    if len(sheet) >= 2 and sheet[0] == sheet[-1] == "'":
        sheet = sheet[1:-1].replace("''", "'")
    elif "'" in sheet:
        return None
    if not key or "#REF" in sheet.upper() or sheet.startswith("["):
        return None
    return key, sheet


def _keys(*labels: str) -> set[str]:
    out: set[str] = set()
    for label in labels:
        out.add(fold(label))
        out.add(strip_marks(label))
    return out


def sheet_matches(name: str, sheet: Any) -> bool:
    """Does `name` name the contract sheet `sheet` (its Vietnamese, English or other names),
    tolerant of case, spaces, Unicode forms and missing marks?"""
    return bool(_keys(name) & _keys(sheet.vi, sheet.en, *sheet.aliases))
