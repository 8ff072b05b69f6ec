"""The file adapter: reads with python-calamine, writes with the package-level writer.

Reading is the only place that knows calamine; writing never loads the workbook through a
library that would drop the user's parts (see io/package.py).
"""

from __future__ import annotations

import functools
import os
import re
import zipfile
import zlib
from collections.abc import Callable
from pathlib import Path, PurePosixPath
from typing import Any, TypeVar

from ..adapter import Grid
from ..model import OutputSheet
from ..problems import ParcomError, Problem

_FORMULA_NO_VALUE = re.compile(
    rb'<c r="([A-Z]{1,3}[0-9]+)"[^>]*>\s*<f[^>]*(?:/>|>[^<]*</f>)\s*(?:<v\s*/>|<v>\s*</v>)?\s*</c>'
)
_STYLED_CELL = re.compile(rb'<c r="([A-Z]{1,3}[0-9]+)"[^>]*?\bs="([0-9]+)"')
_LEGACY_FONT = re.compile(r"^\s*(\.Vn|VNI[- ]|VN[ -]?Times|\.VN)", re.IGNORECASE)
_CHUNK = 4 << 20
_NS_MAIN = b"http://schemas.openxmlformats.org/spreadsheetml/2006/main"
_CELL_END = re.compile(rb"</(?:[A-Za-z_][\w.-]*:)?c\s*>")
_R_ATTR = re.compile(rb"""(\s)r\s*=\s*(["']).*?\2""", re.S)


def _cell_span(data: bytes, start: int) -> tuple[int, int]:
    """The bytes of the cell element whose start tag begins at `start`."""
    tag_end = data.find(b">", start) + 1
    if tag_end <= 0:
        return start, len(data)
    if data[tag_end - 2 : tag_end - 1] == b"/":
        return start, tag_end
    end = _CELL_END.search(data, tag_end)
    return start, (end.end() if end else tag_end)


def _relocated(cell: bytes, row: int) -> bytes:
    """A cell element moved to A{row} (its value, type and style kept)."""
    tag_end = cell.find(b">")
    head, rest = cell[:tag_end], cell[tag_end:]
    if head.endswith(b"/"):
        head, rest = head[:-1], b"/" + rest
    ref = b' r="A%d"' % row
    head, n = _R_ATTR.subn(lambda m: ref, head, count=1)
    if not n:
        space = head.find(b" ")
        head = head + ref if space < 0 else head[:space] + ref + head[space:]
    return head + rest


# What reading a file that is being saved at that moment looks like: a part cut short, a
# directory that does not match its parts, no file for an instant. Said as damage only when
# the file is still the one the run started with.
_IN_FLUX = frozenset({"truncated_file", "damaged_part", "not_a_spreadsheet", "file_not_found"})
_Method = TypeVar("_Method", bound=Callable[..., Any])


def _stamp(path: Path) -> tuple[int, int, int, int] | None:
    try:
        st = os.stat(path)
    except OSError:
        return None
    return (st.st_size, st.st_mtime_ns, st.st_ino, st.st_dev)


def _steady(method: _Method) -> _Method:
    """A read that fails on a file saved or synced since the run began says the file changed
    (and what to do), never that it is damaged and must be copied again."""

    @functools.wraps(method)
    def call(self: FileAdapter, *args: Any, **kwargs: Any) -> Any:
        try:
            return method(self, *args, **kwargs)
        except (ParcomError, zipfile.BadZipFile, zlib.error, EOFError, OSError) as exc:
            in_flux = not isinstance(exc, ParcomError) or exc.code in _IN_FLUX
            if in_flux and _stamp(self.path) != self.stamp:
                raise ParcomError("changed_while_reading", file=self.label) from exc
            raise

    return call  # type: ignore[return-value]


class FileAdapter:
    """A workbook file on disk; `dest` writes a copy instead of the file itself."""

    def __init__(self, path: Path | str, dest: Path | str | None = None, *, lock: bool = False) -> None:
        """`lock`: hold the lock file of the workbook written (released by safety.release_locks)
        from before the first read to the end of the process, so two runs never interleave."""
        self.path = Path(path)
        self.dest = Path(dest) if dest else None
        self.label = self.path.name
        self.stamp = _stamp(self.path)  # the file as the run found it (see _steady)
        self._open(lock)

    @_steady
    def _open(self, lock: bool) -> None:
        from .safety import ENCODINGS, hold_lock, identity, preflight

        self.kind = preflight(self.path)
        if lock and self.kind != "xls":
            hold_lock(self.dest or self.path)
        self.identity = identity(self.path)  # what the write checks the file still is
        self._parts: dict[str, str] | None = None
        self._owned: dict[str, str] | None = None
        self._legacy: frozenset[bytes] | None = None
        self._normal: dict[str, bytes] = {}
        try:
            from python_calamine import CalamineWorkbook

            if self.kind == "xls" or self.path.suffix.lower() == ".xls":
                with self.path.open("rb") as fh:  # by content: an .xls named .xlsx, or the reverse
                    self._book = CalamineWorkbook.from_filelike(fh)
            else:
                self._normal = self._normalised(ENCODINGS.get(self.path, {}))
                self._book = self._view({}) if self._normal else CalamineWorkbook.from_path(str(self.path))
        except ParcomError:
            raise
        except Exception as exc:  # calamine raises its own error types for damaged parts
            raise ParcomError("truncated_file", file=self.label, detail=str(exc)) from exc
        self._names = [m.name for m in self._book.sheets_metadata if str(m.typ).endswith("WorkSheet")]

    def _normalised(self, encodings: dict[str, str]) -> dict[str, bytes]:
        """Parts calamine needs rewritten: XML not in UTF-8 (re-encoded), and a workbook part
        that is not xl/workbook.xml (calamine looks there only; the relationships say where)."""
        out: dict[str, bytes] = {}
        with zipfile.ZipFile(self.path) as z:
            for part, codec in encodings.items():
                text = z.read(part).decode(codec, errors="replace").lstrip("\ufeff")
                text = re.sub(r"""^(\s*<\?xml[^>]*?encoding\s*=\s*["'])[^"']*""", r"\g<1>UTF-8", text)
                out[part] = text.encode("utf-8")
            workbook = self._workbook_part()
            if workbook and workbook != "xl/workbook.xml":
                from .opc import rels_name

                rels = rels_name(workbook)
                data = out.pop(workbook, None) or z.read(workbook)
                out["xl/workbook.xml"] = data
                try:
                    rels_data = out.pop(rels, None) or z.read(rels)
                except KeyError:
                    rels_data = None
                if rels_data is not None:
                    out["xl/_rels/workbook.xml.rels"] = self._absolute_targets(rels_data, workbook)
        return out

    def _workbook_part(self) -> str | None:
        from .opc import Package

        with zipfile.ZipFile(self.path) as z:
            return Package(z, self.label).workbook_part

    @staticmethod
    def _absolute_targets(rels: bytes, workbook: str) -> bytes:
        """Relationship targets of a workbook part moved to xl/: made absolute, so they still
        name the same parts."""
        from lxml import etree

        from .opc import resolve_target, safe_parser

        root = etree.fromstring(rels, safe_parser())
        folder = str(PurePosixPath(workbook).parent)
        for rel in root:
            target = rel.get("Target")
            if target and rel.get("TargetMode") != "External":
                rel.set("Target", "/" + resolve_target("" if folder == "." else folder, target))
        return etree.tostring(root, xml_declaration=True, encoding="UTF-8")

    @property
    def has_macros(self) -> bool:
        """A macro-enabled workbook: a copy of it must be an .xlsm too."""
        return self.kind == "xlsm"

    @property
    def writable(self) -> bool:
        return self.kind != "xls"

    # ------------------------------------------------------------ reading
    def sheet_names(self) -> list[str]:
        return list(self._names)

    @_steady
    def grid(self, name: str) -> Grid:
        formulas, legacy, whole, data = self._scan_sheet(name)
        book, far = self._book, ()
        if not whole and data is not None:
            book, far = self._bounded(name, data)
        try:
            sheet = book.get_sheet_by_name(name)
            values: list[list[Any]] = sheet.to_python()
            start = sheet.start or (0, 0)
            merged = tuple(
                (r1 + 1, c1 + 1, r2 + 1, c2 + 1) for (r1, c1), (r2, c2) in (sheet.merged_cell_ranges or [])
            )
        except Exception as exc:
            raise self._damaged(name, exc) from exc
        for r, row in enumerate(values):
            if "" in row:
                values[r] = [None if value == "" else value for value in row]
        return Grid(
            name,
            values,
            top=start[0] + 1,
            left=start[1] + 1,
            formulas=frozenset(formulas),
            merged=merged,
            legacy_fonts=frozenset(legacy),
            far=far,
        )

    def _damaged(self, name: str, exc: Exception) -> ParcomError:
        part = self._sheet_parts().get(name) if self.kind != "xls" else None
        if part:
            return ParcomError("damaged_part", file=self.label, part=part, detail=str(exc))
        return ParcomError("truncated_file", file=self.label, detail=f"{name}: {exc}")

    def _bounded(self, name: str, data: bytes) -> tuple[Any, tuple[tuple[int, int, Any], ...]]:
        """A book whose sheet `name` holds only its dense block, and the stray cells read apart."""
        from .extent import layout

        cells = layout(data)
        far = cells.far()
        if not far:
            return self._book, ()
        part = self._sheet_parts()[name]
        spans = [_cell_span(data, cells.starts[i]) for i in far]
        kept, at = [], 0
        for begin, end in spans:
            kept.append(data[at:begin])
            at = end
        kept.append(data[at:])
        main = self._view({part: b"".join(kept)})
        root = re.search(rb"<(?:([A-Za-z_][\w.-]*):)?worksheet\b[^>]*>", data)
        prefix = (root.group(1) + b":") if root and root.group(1) else b""
        pieces = [
            root.group(0) if root else b'<worksheet xmlns="' + _NS_MAIN + b'">',
            b"<%ssheetData>" % prefix,
        ]
        for k, (begin, end) in enumerate(spans, start=1):
            pieces.append(
                b'<%srow r="%d">' % (prefix, k) + _relocated(data[begin:end], k) + b"</%srow>" % prefix
            )
        pieces.append(b"</%ssheetData></%sworksheet>" % (prefix, prefix))
        stray = self._view({part: b"".join(pieces)})
        try:
            sheet = stray.get_sheet_by_name(name)
            values = sheet.to_python()
            top = (sheet.start or (0, 0))[0]
        except Exception as exc:
            raise self._damaged(name, exc) from exc
        found = []
        for k, i in enumerate(far):
            r = k - top
            value = values[r][0] if 0 <= r < len(values) and values[r] else None
            if value not in (None, ""):
                found.append((cells.rows[i], cells.cols[i], value))
        return main, tuple(found)

    def _view(self, replaced: dict[str, bytes]) -> Any:
        """The workbook as calamine sees it with some parts replaced (built in memory)."""
        import io

        from python_calamine import CalamineWorkbook

        from .opc import ZipOut

        buffer = io.BytesIO()
        with zipfile.ZipFile(self.path) as zf, self.path.open("rb") as source:
            writer = ZipOut(buffer, self.label)
            wanted = {k.lower(): v for k, v in {**self._normal, **replaced}.items()}
            for info in zf.infolist():
                if info.filename.lower() in wanted:
                    writer.write(info.filename, wanted.pop(info.filename.lower()))
                else:
                    writer.copy(source, info)
            for part, data in wanted.items():
                writer.write(part, data)
            writer.close()
        buffer.seek(0)
        try:
            return CalamineWorkbook.from_filelike(buffer)
        except Exception as exc:
            raise ParcomError("truncated_file", file=self.label, detail=str(exc)) from exc

    @_steady
    def owned(self) -> dict[str, str]:
        if self._owned is None:
            if self.kind == "xls":
                self._owned = {}
            else:
                from .package import owned_sheets

                self._owned = owned_sheets(self.path)
        return self._owned

    def _sheet_parts(self) -> dict[str, str]:
        """Sheet name -> part name inside the package (opc.Package follows the relationships)."""
        if self._parts is None:
            from .opc import Package

            with zipfile.ZipFile(self.path) as z:
                pkg = Package(z, self.label)
                self._parts = {el.get("name"): part for el, part, _ in pkg.sheets() if part}
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

    def _scan_sheet(self, name: str) -> tuple[set[str], set[str], bool, bytes | None]:
        """One streaming pass over a sheet part: (formula cells without a cached value, cells
        formatted with a legacy font, whether calamine may read it whole, and the part's bytes
        when it may not: see extent.py)."""
        if self.kind == "xls":
            return set(), set(), True, None
        from .extent import FastCheck

        part = self._sheet_parts().get(name)
        if not part:
            return set(), set(), True, None
        legacy_styles = self._legacy_styles()
        formulas: set[str] = set()
        legacy: set[str] = set()
        check = FastCheck()
        with zipfile.ZipFile(self.path) as z:
            try:
                stream = z.open(part)
            except KeyError:
                return set(), set(), True, None
            except (zipfile.BadZipFile, NotImplementedError, OSError, ValueError) as exc:
                raise ParcomError("damaged_part", file=self.label, part=part, detail=str(exc)) from exc
            try:
                with stream:
                    carry = b""
                    while True:
                        chunk = stream.read(_CHUNK)
                        data = carry + chunk
                        if chunk:  # cut before the last cell or row, so no tag or cell is split
                            cut = max(data.rfind(b"<c "), data.rfind(b"<row "), data.rfind(b"</row>"))
                            if cut <= 0 and len(data) < 16 * _CHUNK:
                                carry = data
                                continue
                            if cut <= 0:
                                cut = data.rfind(b"<")
                            data, carry = data[:cut], data[cut:]
                        check.feed(data)
                        if b"<f" in data:
                            formulas.update(m.group(1).decode() for m in _FORMULA_NO_VALUE.finditer(data))
                        if legacy_styles:
                            legacy.update(
                                m.group(1).decode()
                                for m in _STYLED_CELL.finditer(data)
                                if m.group(2) in legacy_styles
                            )
                        if not chunk:
                            break
                whole = check.passed()
                data = None if whole else z.read(part)
            except (zipfile.BadZipFile, zlib.error, OSError, EOFError, ValueError) as exc:
                raise ParcomError("damaged_part", file=self.label, part=part, detail=str(exc)) from exc
        return formulas, legacy, whole, data

    # ------------------------------------------------------------ writing
    @_steady
    def write(self, outputs: list[OutputSheet]) -> list[Problem]:
        from .package import write_outputs

        if self.kind == "xls":
            raise self.xls_refusal()
        return write_outputs(self.path, outputs, self.dest, self.identity)

    def xls_refusal(self) -> ParcomError:
        """Why results cannot be written into an .xls (or a file that is one under another name)."""
        if self.path.suffix.lower() != ".xls":
            return ParcomError("xls_misnamed", file=self.label, suffix=self.path.suffix or "(none)")
        return ParcomError("xls_read_only", file=self.label)
