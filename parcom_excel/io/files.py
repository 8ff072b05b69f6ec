"""The file adapter: reads with python-calamine, writes with the package-level writer.

Reading is the only place that knows calamine; writing never loads the workbook through a
library that would drop the user's parts (see io/package.py).
"""

from __future__ import annotations

import re
import zipfile
from pathlib import Path, PurePosixPath
from typing import Any

from ..adapter import Grid
from ..model import OutputSheet
from ..problems import ParcomError, Problem

_FORMULA_NO_VALUE = re.compile(
    rb'<c r="([A-Z]{1,3}[0-9]+)"[^>]*>\s*<f[^>]*(?:/>|>[^<]*</f>)\s*(?:<v\s*/>|<v>\s*</v>)?\s*</c>'
)
_STYLED_CELL = re.compile(rb'<c r="([A-Z]{1,3}[0-9]+)"[^>]*?\bs="([0-9]+)"')
_LEGACY_FONT = re.compile(r"^\s*(\.Vn|VNI[- ]|VN[ -]?Times|\.VN)", re.IGNORECASE)
_CHUNK = 4 << 20


class FileAdapter:
    """A workbook file on disk; `dest` writes a copy instead of the file itself."""

    def __init__(self, path: Path | str, dest: Path | str | None = None) -> None:
        from .safety import preflight

        self.path = Path(path)
        self.dest = Path(dest) if dest else None
        self.label = self.path.name
        self.kind = preflight(self.path)
        try:
            from python_calamine import CalamineWorkbook

            self._book = CalamineWorkbook.from_path(str(self.path))
        except Exception as exc:  # calamine raises its own error types for damaged parts
            raise ParcomError("truncated_file", file=self.label, detail=str(exc)) from exc
        self._names = [m.name for m in self._book.sheets_metadata if str(m.typ).endswith("WorkSheet")]
        self._parts: dict[str, str] | None = None
        self._owned: dict[str, str] | None = None
        self._legacy: frozenset[bytes] | None = None

    @property
    def writable(self) -> bool:
        return self.kind != "xls"

    # ------------------------------------------------------------ reading
    def sheet_names(self) -> list[str]:
        return list(self._names)

    def grid(self, name: str) -> Grid:
        try:
            sheet = self._book.get_sheet_by_name(name)
            values: list[list[Any]] = sheet.to_python()
            start = sheet.start or (0, 0)
            merged = tuple(
                (r1 + 1, c1 + 1, r2 + 1, c2 + 1) for (r1, c1), (r2, c2) in (sheet.merged_cell_ranges or [])
            )
        except Exception as exc:
            raise ParcomError("truncated_file", file=self.label, detail=f"{name}: {exc}") from exc
        for r, row in enumerate(values):
            if "" in row:
                values[r] = [None if value == "" else value for value in row]
        formulas, legacy = self._scan_sheet(name)
        return Grid(
            name,
            values,
            top=start[0] + 1,
            left=start[1] + 1,
            formulas=frozenset(formulas),
            merged=merged,
            legacy_fonts=frozenset(legacy),
        )

    def owned(self) -> dict[str, str]:
        if self._owned is None:
            if self.kind == "xls":
                self._owned = {}
            else:
                from .package import owned_sheets

                self._owned = owned_sheets(self.path)
        return self._owned

    def _sheet_parts(self) -> dict[str, str]:
        """Sheet name -> part name inside the package (the workbook part found through _rels/.rels)."""
        if self._parts is None:
            from lxml import etree

            from .safety import office_document, resolve_target, safe_parser

            parser = safe_parser()
            parts: dict[str, str] = {}
            with zipfile.ZipFile(self.path) as z:
                workbook, _ = office_document(etree.fromstring(z.read("_rels/.rels"), parser))
                if workbook:
                    folder = str(PurePosixPath(workbook).parent)
                    rels_part = f"{folder}/_rels/{PurePosixPath(workbook).name}.rels"
                    rels = etree.fromstring(z.read(rels_part), parser)
                    targets = {r.get("Id"): r.get("Target") for r in rels if r.get("Id") and r.get("Target")}
                    book = etree.fromstring(z.read(workbook), parser)
                    ns_r = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
                    for sheet in book.iter("{*}sheet"):
                        target = targets.get(sheet.get(f"{{{ns_r}}}id"))
                        if target:
                            parts[sheet.get("name")] = resolve_target(folder, target)
            self._parts = parts
        return self._parts

    def _legacy_styles(self) -> frozenset[bytes]:
        """Cell format indices whose font is a legacy Vietnamese one (.VnTime, VNI-Times, ...)."""
        if self._legacy is None:
            self._legacy = frozenset()
            if self.kind != "xls":
                from lxml import etree

                with zipfile.ZipFile(self.path) as z:
                    try:
                        styles = etree.fromstring(
                            z.read("xl/styles.xml"), etree.XMLParser(resolve_entities=False, no_network=True)
                        )
                    except (KeyError, etree.XMLSyntaxError):
                        return self._legacy
                fonts = styles.find("{*}fonts")
                legacy_fonts = {
                    i
                    for i, font in enumerate(fonts if fonts is not None else [])
                    if (n := font.find("{*}name")) is not None and _LEGACY_FONT.match(n.get("val") or "")
                }
                xfs = styles.find("{*}cellXfs")
                self._legacy = frozenset(
                    str(i).encode()
                    for i, xf in enumerate(xfs if xfs is not None else [])
                    if int(xf.get("fontId") or 0) in legacy_fonts
                )
        return self._legacy

    def _scan_sheet(self, name: str) -> tuple[set[str], set[str]]:
        """(formula cells without a cached value, cells formatted with a legacy font)."""
        if self.kind == "xls":
            return set(), set()
        part = self._sheet_parts().get(name)
        if not part:
            return set(), set()
        legacy_styles = self._legacy_styles()
        formulas: set[str] = set()
        legacy: set[str] = set()
        with zipfile.ZipFile(self.path) as z:
            try:
                stream = z.open(part)
            except KeyError:
                return set(), set()
            with stream:
                tail = b""
                while True:
                    chunk = stream.read(_CHUNK)
                    if not chunk:
                        break
                    data = tail + chunk
                    if b"<f" in data:
                        formulas.update(m.group(1).decode() for m in _FORMULA_NO_VALUE.finditer(data))
                    if legacy_styles:
                        legacy.update(
                            m.group(1).decode()
                            for m in _STYLED_CELL.finditer(data)
                            if m.group(2) in legacy_styles
                        )
                    tail = data[-4096:]
        return formulas, legacy

    # ------------------------------------------------------------ writing
    def write(self, outputs: list[OutputSheet]) -> list[Problem]:
        from .package import write_outputs

        if self.kind == "xls":
            raise ParcomError("xls_read_only", file=self.label)
        return write_outputs(self.path, outputs, self.dest)
