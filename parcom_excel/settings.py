"""The plan's parameters, read from the settings sheet; every number the rules use lives here."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from . import contract as C
from .i18n import Msg, Term


@dataclass
class Settings:
    values: dict[str, Any]
    cells: dict[str, str] = field(default_factory=dict)  # key -> "B7" on the settings sheet
    sheet: str = C.SETTINGS_SHEET.vi
    book: str = "vi"  # the workbook's language: reasons name settings and values as it writes them

    def __getattr__(self, key: str) -> Any:
        try:
            return self.__dict__["values"][key]
        except KeyError:
            raise AttributeError(key) from None

    def cite(self, key: str) -> Msg:
        """How a reason names a setting: its label, value and cell (rendered at the edge); one
        Msg per setting, shared by the reasons that cite it."""
        cites = self.__dict__.setdefault("_cites", {})
        state = (self.values[key], self.cells.get(key), self.sheet, self.book)  # made again if changed
        found = cites.get(key)
        if found is None or found[0] != state:
            found = cites[key] = (state, self._cite(key))
        return found[1]

    def _cite(self, key: str) -> Msg:
        setting = Term(C.SETTINGS_BY_KEY[key], self.book)
        value = self.values[key]
        if setting.of.type == "enum":
            value = Term(C.ENUMS[setting.of.enum].get(value), self.book)
        cell = self.cells.get(key)
        if cell:
            return Msg("cite", {"setting": setting, "value": value, "sheet": self.sheet, "cell": cell})
        return Msg("cite.bare", {"setting": setting, "value": value})

    @property
    def years(self) -> range:
        return range(self.from_year, self.to_year + 1)

    def quota(self, award: str, target: str) -> tuple[int, int]:
        return self.values[f"{award}_{target}_min"], self.values[f"{award}_{target}_max"]
