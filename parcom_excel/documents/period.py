"""Which period a dossier is drafted for (SPEC §5): the one the book was last evaluated for.

`parcom evaluate BOOK --from-year 2022 --to-year 2023` writes a list for 2022–2023 while
`Cấu hình` still says 2022–2025; the dossier must name the candidates of that list. So the
period comes from the book's last `Nhật ký` row unless the command gives one, and when it is
not `Cấu hình`'s period one sentence says which was used.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from .. import contract as C
from ..adapter import Adapter
from ..i18n import Msg
from ..outputs import log_value
from ..reader import locate_sheet, read_settings_grid

_YEARS = re.compile(r"^\s*(\d{4})\s*(?:[–-]\s*(\d{4}))?\s*$")


@dataclass(frozen=True)
class Period:
    """The years to evaluate (None: `Cấu hình`'s own) and the sentence saying why, if any."""

    from_year: int | None = None
    to_year: int | None = None
    note: Msg | None = None


def _years(text: Any) -> tuple[int, int] | None:
    """ "2022–2023" or "2025" (as `Nhật ký` writes a period) -> (2022, 2023), (2025, 2025)."""
    if isinstance(text, (int, float)) and float(text).is_integer():
        return int(text), int(text)
    found = _YEARS.match(str(text or ""))
    if not found:
        return None
    first = int(found.group(1))
    return first, int(found.group(2) or first)


def _shown(years: tuple[int, int]) -> str:
    return str(years[0]) if years[0] == years[1] else f"{years[0]}–{years[1]}"


def logged_period(adapter: Adapter) -> tuple[int, int] | None:
    """The period of the book's last evaluation, from its last `Nhật ký` row (None without one)."""
    owned = adapter.owned()
    if "log" not in owned:
        return None
    rows = [row for row in adapter.grid(owned["log"]).values[1:] if any(v not in (None, "") for v in row)]
    return _years(log_value(rows[-1], "period")) if rows else None


def _log_sheet(adapter: Adapter) -> str:
    return adapter.owned().get("log", C.output_name("log"))


def settings_period(adapter: Adapter) -> tuple[int, int] | None:
    """`Cấu hình`'s Từ năm and Đến năm as typed (None when the sheet or a year cannot be read)."""
    owned = set(adapter.owned().values())
    name = locate_sheet([n for n in adapter.sheet_names() if n not in owned], C.SETTINGS_SHEET)
    if name is None:
        return None
    values = read_settings_grid(adapter.grid(name))
    years = [
        _years(values.get(key, (C.SETTINGS_BY_KEY[key].default, ""))[0]) for key in ("from_year", "to_year")
    ]
    return (years[0][0], years[1][0]) if years[0] and years[1] else None


def dossier_period(adapter: Adapter, from_year: int | None = None, to_year: int | None = None) -> Period:
    """The period to draft for: the years given, else the last evaluation's, else `Cấu hình`'s."""
    logged = logged_period(adapter)
    if from_year is not None or to_year is not None:
        given = (from_year, to_year)
        note = None
        if logged and given != logged and None not in given:
            note = Msg("docs_period_given", {"period": _shown(given), "logged": _shown(logged)})
        return Period(from_year, to_year, note)
    if logged is None:
        return Period()
    configured = settings_period(adapter)
    note = None
    if configured and configured != logged:
        note = Msg(
            "docs_period_logged",
            {"period": _shown(logged), "settings": _shown(configured), "sheet": _log_sheet(adapter)},
        )
    return Period(*logged, note)
