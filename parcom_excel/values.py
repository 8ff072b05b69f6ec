"""A cell's value typed as the contract reads it: numbers, years, dates, text, codes and lists.

One reading for validation, the settings, merge and the rules; `BAD` marks a value whose type
failed (the caller says why, with its cell).
"""

from __future__ import annotations

from datetime import date, datetime, timedelta
from typing import Any

from . import contract as C
from .text import clean

BAD = object()  # marker of a cell whose type failed
_EXCEL_EPOCH = datetime(1899, 12, 30)


def as_int(value: Any) -> int | object:
    if isinstance(value, bool):
        return BAD
    if isinstance(value, int):
        return value
    if isinstance(value, float):
        return int(value) if value.is_integer() else BAD
    if isinstance(value, str):
        text = value.strip().replace(" ", "")
        if text.lstrip("-").isdigit():
            return int(text)
        try:
            number = float(text.replace(",", "."))
        except ValueError:
            return BAD
        return int(number) if number.is_integer() else BAD
    return BAD


def as_year(value: Any) -> int | object:
    number = as_int(value)
    if number is BAD or not 1900 <= number <= 2100:  # type: ignore[operator]
        return BAD
    return number


def as_date(value: Any) -> date | object:
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if isinstance(value, (int, float)) and not isinstance(value, bool) and 1 <= value < 2958466:
        return (_EXCEL_EPOCH + timedelta(days=int(value))).date()
    if isinstance(value, str):
        text = value.strip()
        for fmt in ("%d/%m/%Y", "%d-%m-%Y", "%d.%m.%Y", "%Y-%m-%d", "%d/%m/%y", "%Y-%m-%d %H:%M:%S"):
            try:
                return datetime.strptime(text, fmt).date()
            except ValueError:
                continue
    return BAD


def date_or_none(value: Any) -> date | None:
    """A date as a setting or cell gives it (a date, a serial number, dd/mm/yyyy), else None."""
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    day = as_date(value)
    return None if day is BAD else day  # type: ignore[return-value]


def as_text(value: Any) -> str:
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, datetime):
        return value.strftime("%d/%m/%Y")
    return clean(str(value))


def key_text(value: Any) -> str:
    """Codes compare without case: "cb01" and "CB01" are the same person."""
    return as_text(value).upper()


def split_list(value: Any) -> list[str]:
    text = as_text(value)
    return [part.strip() for part in text.replace(",", ";").replace("\n", ";").split(";") if part.strip()]


_ID_COLUMNS = {"unit_id", "staff_id", "initiative_id", "code"}


def typer(column: C.Column):
    if column.type in (C.INT,):
        return as_int
    if column.type == C.YEAR:
        return as_year
    if column.type == C.DATE:
        return as_date
    if column.type == C.ENUM:
        enum = column.choices

        def parse_enum(value: Any) -> str | object:
            code = enum.parse(as_text(value))
            return BAD if code is None else code

        return parse_enum
    if column.type == C.CODES:
        return lambda value: [part.upper() for part in split_list(value)]
    if column.type == C.ENUM_LIST:
        enum = column.choices

        def parse_list(value: Any) -> list[str] | object:
            codes = [enum.parse(part) for part in split_list(value)]
            return BAD if any(code is None for code in codes) else codes

        return parse_list
    if column.key in _ID_COLUMNS:
        return key_text
    return as_text
