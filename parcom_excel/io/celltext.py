"""Text as a cell, an XML attribute or a CSV field holds it: the one place for Excel's limits.

Both adapters (the file writer `sheetxml` and live Excel `excel.py`) and every CSV the tool
writes go through here: characters a cell cannot hold are dropped, text is capped at Excel's
32,767 UTF-16 code units, XML is escaped, and text Excel would run as a formula is recognised
(`= + - @` at its start), so the writer can mark it as text and a CSV can neutralise it.
"""

from __future__ import annotations

import re
from typing import Any

MAX_TEXT = 32_767  # UTF-16 code units per cell
FORMULA_START = ("=", "+", "-", "@")
CSV_FORMULA_START = (*FORMULA_START, "\t", "\r")  # OWASP CSV injection: Excel's import runs these
_SHORT = MAX_TEXT // 2  # text this long or shorter cannot exceed the limit in UTF-16
# What a cell cannot hold: C0 controls but tab and newline, DEL, non-characters, lone surrogates.
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ufffe\uffff]|[\ud800-\udfff]")


def clean_text(value: str, ellipsis: bool = False) -> str:
    """Text Excel can store: no control characters or lone surrogates, at most MAX_TEXT units
    (with `ellipsis`, a cut text ends in "…" so a reader sees it was cut)."""
    if value.isprintable() and len(value) <= _SHORT:  # the common case, checked in C
        return value
    value = value.replace("\r\n", "\n").replace("\r", "\n")
    value = _CONTROL.sub("", value)
    if len(value) > _SHORT and len(value.encode("utf-16-le")) > 2 * MAX_TEXT:
        keep = MAX_TEXT - 2 if ellipsis else MAX_TEXT  # "…" is one unit; one more kept free
        value = value.encode("utf-16-le")[: 2 * keep].decode("utf-16-le", "ignore")
        value += "…" if ellipsis else ""
    return value


def xml_escape(text: str) -> str:
    """Text for an XML element."""
    if "&" in text:
        text = text.replace("&", "&amp;")
    if "<" in text:
        text = text.replace("<", "&lt;")
    if ">" in text:
        text = text.replace(">", "&gt;")
    return text


def xml_attr(text: str) -> str:
    """Text for an XML attribute value in double quotes."""
    return xml_escape(text).replace('"', "&quot;").replace("\n", "&#10;").replace("\t", "&#9;")


def looks_like_formula(text: str) -> bool:
    """Would Excel take this text, typed or pasted, for a formula?"""
    return text.startswith(FORMULA_START) or text.lstrip().startswith(FORMULA_START)


def csv_cell(value: Any) -> Any:
    """A CSV field Excel will not run as a formula: text starting with = + - @ tab or CR gets a
    leading apostrophe, as Excel itself marks text."""
    if isinstance(value, str) and value.startswith(CSV_FORMULA_START):
        return "'" + value
    return value
