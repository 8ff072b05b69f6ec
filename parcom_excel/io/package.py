"""Add or replace our output sheets inside the user's .xlsx/.xlsm at the package (zip) level.

Loading and saving a workbook through openpyxl drops what it does not understand (x14
dropdowns and data bars, form controls, slicers, cached results...). So each sheet's frame
(widths, panes, filter, page setup, chart) is rendered with XlsxWriter into a scratch workbook
and transplanted: the sheet part, its drawing and chart parts and the few index parts that list
them. The cells are written into the transplanted sheet part by `sheetxml`, with style ids of
the user's own styles.xml (our named styles are added to it, reusing equal entries). Every other
part of the user's file is copied as the same compressed bytes.

Our sheets are found again through hidden workbook-level names `_parcom_<key>` that point at
their A1: on a re-run a sheet is replaced in place (same position, same part name), so the
positions other names refer to (localSheetId, activeTab) never move. A user's sheet is never
touched, even when it bears the name we want.
"""

from __future__ import annotations

import copy
import dataclasses
import re
import struct
import tempfile
import zipfile
import zlib
from collections.abc import Iterable
from pathlib import Path
from typing import IO, Any

from ..model import Cell, OutputSheet
from ..problems import WARNING, ParcomError, Problem
from ..sheetnames import MARKER_PREFIX as MARKER
from ..sheetnames import marker_name, numbered, parse_marker, safe_sheet_name, sheet_key
from .cells import quote_sheet
from .render import render_skeleton
from .safety import (
    MAX_INDEX_PART,
    atomic_write,
    content_type,
    lock_file,
    preflight,
    resolve_target,
    safe_parser,
)
from .sheetxml import Palette, SheetCells, fill_sheet

NS_MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
NS_R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
NS_PKG_REL = "http://schemas.openxmlformats.org/package/2006/relationships"
NS_CT = "http://schemas.openxmlformats.org/package/2006/content-types"
NS_EP = "http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"
NS_VT = "http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes"
REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
REL_WORKSHEET = REL + "worksheet"
REL_STYLES = REL + "styles"
REL_CALC_CHAIN = REL + "calcChain"
REL_APP = REL + "extended-properties"
CT_RELS = "application/vnd.openxmlformats-package.relationships+xml"

_CHUNK = 1 << 20
_FIXED_TIME = (1980, 1, 1, 0, 0, 0)
_DECLARATION = b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n'


def _q(ns: str, tag: str) -> str:
    return f"{{{ns}}}{tag}"


def _local(element: Any) -> str:
    tag = element.tag
    return tag.rsplit("}", 1)[-1] if isinstance(tag, str) else ""


def _parse(data: bytes) -> Any:
    from lxml import etree

    return etree.fromstring(data, safe_parser())


def _serialize(root: Any) -> bytes:
    from lxml import etree

    # The declaration as Excel writes it (lxml would use single quotes).
    return _DECLARATION + etree.tostring(root.getroottree(), encoding="UTF-8", xml_declaration=False)


def rels_name(part: str) -> str:
    """The relationships part of a part ("xl/workbook.xml" -> "xl/_rels/workbook.xml.rels")."""
    folder, _, leaf = part.rpartition("/")
    return f"{folder}/_rels/{leaf}.rels" if folder else f"_rels/{leaf}.rels"


def _source_of_rels(rels: str) -> str:
    folder, _, leaf = rels.rpartition("/")
    parent = folder.rpartition("/")[0] if folder.endswith("_rels") else folder
    if folder == "_rels":
        parent = ""
    return f"{parent}/{leaf[:-5]}" if parent else leaf[:-5]


def _folder(part: str) -> str:
    return part.rpartition("/")[0]


def _relative(from_part: str, to_part: str) -> str:
    """A relative relationship target from one part to another."""
    base = _folder(from_part).split("/") if _folder(from_part) else []
    target = to_part.split("/")
    common = 0
    while common < min(len(base), len(target) - 1) and base[common] == target[common]:
        common += 1
    return "/".join([".."] * (len(base) - common) + target[common:])


# ---------------------------------------------------------------- the user's package


class _Package:
    """The user's zip with its index parts parsed; every other part stays bytes on disk."""

    def __init__(self, zf: zipfile.ZipFile, label: str) -> None:
        self.zf, self.label = zf, label
        self.infos = zf.infolist()
        self.lookup = {info.filename.lower(): info for info in self.infos}
        self.types = self.xml("[Content_Types].xml")
        root_rels = self.xml("_rels/.rels")
        if self.types is None or root_rels is None:
            raise ParcomError("not_a_spreadsheet", file=label)
        self.workbook_part = self.app_part = None
        for rel in root_rels:
            target = resolve_target("", rel.get("Target") or "")
            if rel.get("Type", "").endswith("/officeDocument"):
                self.workbook_part = self.real(target)
            elif rel.get("Type") == REL_APP:
                self.app_part = self.real(target)
        if self.workbook_part is None or not self.has(self.workbook_part):
            raise ParcomError("not_a_spreadsheet", file=label)
        self.workbook = self.xml(self.workbook_part)
        self.wb_rels_part = self.real(rels_name(self.workbook_part))
        self.wb_rels = self.xml(self.wb_rels_part)
        if self.wb_rels is None:
            self.wb_rels = _parse(f'<Relationships xmlns="{NS_PKG_REL}"/>'.encode())
        self.targets: dict[str, tuple[str, str]] = {}  # rId -> (type, part)
        wb_dir = _folder(self.workbook_part)
        for rel in self.wb_rels:
            if rel.get("TargetMode") == "External":
                continue
            part = self.real(resolve_target(wb_dir, rel.get("Target") or ""))
            self.targets[rel.get("Id", "")] = (rel.get("Type", ""), part)
        self.styles_part = next((p for t, p in self.targets.values() if t == REL_STYLES), None)
        self.sheets_el = self.workbook.find(_q(NS_MAIN, "sheets"))
        if self.sheets_el is None:
            raise ParcomError("not_a_spreadsheet", file=label)

    def real(self, part: str) -> str:
        """The part name as stored in the zip (names are case-insensitive)."""
        info = self.lookup.get(part.lower())
        return info.filename if info else part

    def has(self, part: str) -> bool:
        return part.lower() in self.lookup

    def read(self, part: str) -> bytes:
        return self.zf.read(self.lookup[part.lower()])

    def xml(self, part: str) -> Any:
        """An index part, parsed whole: refused past a size no honest index part reaches."""
        if not self.has(part):
            return None
        from lxml import etree

        size = self.lookup[part.lower()].file_size
        if size > MAX_INDEX_PART:
            raise ParcomError("too_large", file=self.label, detail=f"{part}: {size >> 20} MB")
        try:
            return _parse(self.read(part))
        except (etree.XMLSyntaxError, zipfile.BadZipFile, zlib.error, OSError, EOFError) as exc:
            raise ParcomError("truncated_file", file=self.label, detail=f"{part}: {exc}") from exc

    def sheets(self) -> list[tuple[Any, str | None, str]]:
        """(element, part, relationship type) of every sheet, in tab order."""
        out = []
        for el in self.sheets_el.findall(_q(NS_MAIN, "sheet")):
            kind, part = self.targets.get(el.get(_q(NS_R, "id"), ""), ("", None))
            out.append((el, part, kind))
        return out

    def defined_names(self) -> Any:
        return self.workbook.find(_q(NS_MAIN, "definedNames"))

    def markers(self) -> dict[str, tuple[Any, str | None]]:
        """Marker key (as stored) -> (definedName element, the sheet name it points at)."""
        found: dict[str, tuple[Any, str | None]] = {}
        names = self.defined_names()
        if names is None:
            return found
        for el in names.findall(_q(NS_MAIN, "definedName")):
            name = el.get("name", "")
            if not name.lower().startswith(MARKER) or el.get("localSheetId") is not None:
                continue
            parsed = parse_marker(name, el.text)
            found[name[len(MARKER) :].lower()] = (el, parsed[1] if parsed else None)
        return found


def owned_sheets(path: Path) -> dict[str, str]:
    """Our output sheets already in the workbook: marker key -> sheet name."""
    path = Path(path)
    try:
        zf = zipfile.ZipFile(path)
    except (zipfile.BadZipFile, OSError):
        return {}
    with zf:
        pkg = _Package(zf, path.name)
        by_name = {sheet_key(el.get("name", "")): el.get("name", "") for el, _, _ in pkg.sheets()}
        out = {}
        for key, (_, sheet) in pkg.markers().items():
            if sheet is not None and sheet_key(sheet) in by_name:
                out[key] = by_name[sheet_key(sheet)]
        return out


# ---------------------------------------------------------------- public entry


def write_outputs(src: Path, outputs: list[OutputSheet], dest: Path | None = None) -> list[Problem]:
    """Add or replace `outputs` in the workbook `src` (in place, or as a copy at `dest`)."""
    src = Path(src)
    kind = preflight(src)
    if kind == "xls":
        raise ParcomError("xls_read_only", file=src.name)
    target = Path(dest) if dest is not None else src
    in_place = dest is None or (target.exists() and target.resolve() == src.resolve())
    if in_place or target.exists():
        lock = lock_file(target)
        if lock is not None:
            raise ParcomError("locked_by_excel", file=target.name, lock=lock.name)
    problems: list[Problem] = []

    def write(tmp: Path) -> None:
        problems.extend(_transplant(src, outputs, tmp))

    atomic_write(target, write)
    return problems


# ---------------------------------------------------------------- planning names


@dataclasses.dataclass
class _Plan:
    output: OutputSheet
    name: str  # final sheet name
    marker: str  # defined name
    replace: int | None  # index in <sheets> of our previous sheet, or None to append
    index: int = -1  # final position in <sheets>


def _plan(pkg: _Package, outputs: list[OutputSheet]) -> tuple[list[_Plan], list[Problem]]:
    keys = [marker_name(o.key).lower() for o in outputs]
    if len(set(keys)) != len(keys):
        raise ValueError(f"two output sheets share a key: {[o.key for o in outputs]}")
    sheets = pkg.sheets()
    index_of = {sheet_key(el.get("name", "")): i for i, (el, _, _) in enumerate(sheets)}
    markers = pkg.markers()
    plans: list[_Plan] = []
    for output in outputs:
        marker = marker_name(output.key)
        _, pointed = markers.get(marker[len(MARKER) :].lower(), (None, None))
        replace = index_of.get(sheet_key(pointed)) if pointed else None
        if replace is not None and sheets[replace][2] != REL_WORKSHEET:
            replace = None
        if replace is not None and any(p.replace == replace for p in plans):
            replace = None
        plans.append(_Plan(output, "", marker, replace))
    replaced = {p.replace for p in plans if p.replace is not None}
    taken = {sheet_key(el.get("name", "")) for i, (el, _, _) in enumerate(sheets) if i not in replaced}
    ours = {sheet_key(sheet) for _, sheet in markers.values() if sheet}
    problems: list[Problem] = []
    for plan in plans:
        wanted = safe_sheet_name(plan.output.name)
        if plan.replace is not None:
            current = sheets[plan.replace][0].get("name", "")
            if current and plan.output.renamed_by_user(current):
                wanted = current
        name, n = wanted, 1
        while sheet_key(name) in taken:
            n += 1
            name = numbered(wanted, n)
        users = sheet_key(wanted) in taken and sheet_key(wanted) not in ours and sheet_key(wanted) in index_of
        if users:  # a user's sheet holds the name: say where our results went instead
            problems.append(
                Problem(code="sheet_name_taken", severity=WARNING, value=wanted, params={"other": name})
            )
        taken.add(sheet_key(name))
        plan.name = name
    position = len(sheets)
    for plan in plans:
        if plan.replace is None:
            plan.index, position = position, position + 1
        else:
            plan.index = plan.replace
    return plans, problems


def _renamed_outputs(plans: list[_Plan]) -> list[OutputSheet]:
    """Outputs under their final names, with links between our sheets following a rename."""
    prefixes: list[tuple[str, str]] = []
    for plan in plans:
        old = plan.output.name
        if old != plan.name:
            prefixes.append((quote_sheet(old) + "!", quote_sheet(plan.name) + "!"))
            prefixes.append((old + "!", quote_sheet(plan.name) + "!"))

    def relink(cell: Any) -> Any:
        if isinstance(cell, Cell) and cell.link:
            for old, new in prefixes:
                if cell.link.startswith(old):
                    return dataclasses.replace(cell, link=new + cell.link[len(old) :])
        return cell

    out = []
    for plan in plans:
        rows = plan.output.rows
        if prefixes:
            rows = [[relink(cell) for cell in row] for row in rows]
        out.append(dataclasses.replace(plan.output, name=plan.name, rows=rows))
    return out


# ---------------------------------------------------------------- the transplant


def _transplant(src: Path, outputs: list[OutputSheet], out_path: Path) -> list[Problem]:
    with zipfile.ZipFile(src) as zf:
        pkg = _Package(zf, src.name)
        protection = pkg.workbook.find(_q(NS_MAIN, "workbookProtection"))
        if protection is not None and protection.get("lockStructure") in ("1", "true"):
            raise ParcomError("structure_protected", file=src.name)
        pr = pkg.workbook.find(_q(NS_MAIN, "workbookPr"))
        date_1904 = pr is not None and pr.get("date1904") in ("1", "true")
        plans, problems = _plan(pkg, outputs)
        outputs = _renamed_outputs(plans)
        with tempfile.TemporaryDirectory(prefix="parcom-") as scratch:
            rendered_path = Path(scratch) / "outputs.xlsx"
            render_skeleton(outputs, rendered_path)
            with zipfile.ZipFile(rendered_path) as rendered_zf:
                rendered = _Package(rendered_zf, "outputs.xlsx")
                edit = _Edit(pkg, rendered, plans, outputs, date_1904)
                edit.run()
        with out_path.open("wb") as fh:
            writer = _ZipOut(fh, src.name)
            source = src.open("rb")
            with source:
                for info in pkg.infos:
                    key = info.filename.lower()
                    if key in edit.removed and key not in edit.written:
                        continue
                    if key in edit.written:
                        name, data = edit.written.pop(key)
                        writer.write(name, data)
                    else:
                        writer.copy(source, info)
            for name, data in edit.written.values():
                writer.write(name, data)
            writer.close()
    return problems


class _Edit:
    """Everything that changes, computed before a byte is written."""

    def __init__(
        self,
        pkg: _Package,
        rendered: _Package,
        plans: list[_Plan],
        outputs: list[OutputSheet],
        date_1904: bool,
    ) -> None:
        self.pkg, self.rendered, self.plans = pkg, rendered, plans
        self.outputs, self.date_1904 = outputs, date_1904
        self.written: dict[str, tuple[str, bytes | _Packed]] = {}  # lower name -> (name, data)
        self.removed: set[str] = set()  # lower names
        self.used = {info.filename.lower() for info in pkg.infos}

    def put(self, name: str, data: bytes | _Packed) -> None:
        self.written[name.lower()] = (name, data)
        self.used.add(name.lower())

    # ------------------------------------------------------------ orchestration
    def run(self) -> None:
        pkg = self.pkg
        sheets = pkg.sheets()
        self.old_names = [el.get("name", "") for el, _, _ in sheets]
        if any(p.replace is not None for p in self.plans):
            self._drop_old(sheets)
            self._drop_calc_chain()
        styles = _StyleMerge(pkg, Palette())
        r_sheets = self.rendered.sheets()
        r_names = self.rendered.defined_names()
        for i, plan in enumerate(self.plans):
            r_part = r_sheets[i][1]
            assert r_part is not None
            old_part = sheets[plan.replace][1] if plan.replace is not None else None
            new_part = self._transplant_tree(r_part, old_part, styles, self.outputs[i])
            self._workbook_entry(plan, new_part, sheets)
            self._defined_names(plan, i, r_names)
        styles.finish(self)
        self._activate()
        self._app_titles(sheets)
        self.put(pkg.real("[Content_Types].xml"), _serialize(pkg.types))
        self.put(pkg.workbook_part, _serialize(pkg.workbook))
        self.put(pkg.wb_rels_part, _serialize(pkg.wb_rels))

    # ------------------------------------------------------------ the sheet the workbook opens on
    def _activate(self) -> None:
        """Open the workbook on our sheet marked active (the errors or the nomination list), as
        the Evaluate button does: every workbook view's activeTab points at it, and no other tab
        stays selected (two selected tabs put Excel in group mode, where typing edits both)."""
        plan = next((p for p in self.plans if p.output.active), None)
        if plan is None:
            return
        wb = self.pkg.workbook
        views = wb.find(_q(NS_MAIN, "bookViews"))
        if views is None:
            views = _sub(wb, _q(NS_MAIN, "bookViews"), index=list(wb).index(self.pkg.sheets_el))
        if views.find(_q(NS_MAIN, "workbookView")) is None:
            _sub(views, _q(NS_MAIN, "workbookView"))
        for view in views.findall(_q(NS_MAIN, "workbookView")):
            view.set("activeTab", str(plan.index))
            if int(view.get("firstSheet", "0") or 0) > plan.index:
                view.set("firstSheet", str(plan.index))
        for _, part, _ in self.pkg.sheets():
            if part and part.lower() not in self.written and part.lower() not in self.removed:
                if self.pkg.has(part):
                    self._unselect(part)

    def _unselect(self, part: str) -> None:
        """Drop tabSelected from a sheet we do not rewrite, streaming the rest of it unchanged."""
        info = self.pkg.lookup[part.lower()]
        with self.pkg.zf.open(info) as fh:
            head = fh.read(_HEAD)
        cut = head.find(b"<sheetData")
        cut = len(head) if cut < 0 else cut
        if not _TAB_SELECTED.search(head, 0, cut):
            return

        def pieces() -> Iterable[bytes]:
            with self.pkg.zf.open(info) as fh:
                first = fh.read(_HEAD)
                yield _TAB_SELECTED.sub(b"", first[:cut])
                yield first[cut:]
                while chunk := fh.read(1 << 20):
                    yield chunk

        self.put(info.filename, _Packed.of(pieces()))

    # ------------------------------------------------------------ removing our previous sheets
    def _all_rels(self) -> dict[str, list[str]]:
        """Source part (lower) -> target parts (lower) of every internal relationship."""
        graph: dict[str, list[str]] = {}
        for info in self.pkg.infos:
            name = info.filename
            if not name.lower().endswith(".rels") or "/_rels/" not in "/" + name.lower():
                continue
            source = _source_of_rels(name)
            root = self.pkg.xml(name)
            if root is None:
                continue
            base = _folder(source)
            graph[source.lower()] = [
                resolve_target(base, rel.get("Target") or "").lower()
                for rel in root
                if rel.get("TargetMode") != "External"
            ]
        return graph

    def _drop_old(self, sheets: list[tuple[Any, str | None, str]]) -> None:
        graph = self._all_rels()
        old = {
            sheets[p.replace][1].lower() for p in self.plans if p.replace is not None and sheets[p.replace][1]
        }
        wb = self.pkg.workbook_part.lower()
        if wb in graph:  # the workbook's link to a sheet we replace does not keep that sheet alive
            graph[wb] = [t for t in graph[wb] if t not in old]
        candidates: set[str] = set()
        todo = list(old)
        while todo:
            part = todo.pop()
            if part in candidates or not self.pkg.has(part):
                continue
            candidates.add(part)
            todo.extend(graph.get(part, []))
        # a part also used from outside (an image shared with a user's drawing) stays
        keep: set[str] = set()
        todo = [
            target
            for source, targets in graph.items()
            if source not in candidates
            for target in targets
            if target in candidates
        ]
        while todo:
            part = todo.pop()
            if part in keep:
                continue
            keep.add(part)
            todo.extend(t for t in graph.get(part, []) if t in candidates)
        for part in candidates - keep:
            self._remove(part)

    def _remove(self, part: str) -> None:
        self.removed.add(part.lower())
        rels = rels_name(part).lower()
        if rels in self.pkg.lookup:
            self.removed.add(rels)
            self._drop_override(rels)
        self.used.discard(part.lower())
        self.used.discard(rels)
        self._drop_override(part)

    def _drop_override(self, part: str) -> None:
        wanted = "/" + part.lower()
        for node in list(self.pkg.types):
            if _local(node) == "Override" and (node.get("PartName") or "").lower() == wanted:
                self.pkg.types.remove(node)

    def _drop_calc_chain(self) -> None:
        pkg = self.pkg
        for rel in list(pkg.wb_rels):
            if rel.get("Type") == REL_CALC_CHAIN:
                part = pkg.targets.get(rel.get("Id", ""), ("", ""))[1]
                pkg.wb_rels.remove(rel)
                if part and pkg.has(part):
                    self._remove(part)

    # ------------------------------------------------------------ adding parts
    def _allocate(self, rendered_part: str) -> str:
        folder, _, leaf = rendered_part.rpartition("/")
        stem, dot, ext = leaf.rpartition(".")
        stem = stem.rstrip("0123456789") or stem
        n = 1
        while True:
            name = f"{folder}/{stem}{n}{dot}{ext}"
            if name.lower() not in self.used:
                self.used.add(name.lower())
                return name
            n += 1

    def _transplant_tree(
        self, r_sheet: str, old_part: str | None, styles: _StyleMerge, output: OutputSheet
    ) -> str:
        """Copy a rendered sheet, with its cells put in, and the parts it uses; return the
        sheet's new part name."""
        rendered = self.rendered
        names: dict[str, str] = {}
        order: list[str] = []
        todo = [r_sheet]
        while todo:
            part = todo.pop(0)
            if part in names:
                continue
            if part == r_sheet and old_part and old_part.lower() not in self.used:
                names[part] = old_part
                self.used.add(old_part.lower())
            else:
                names[part] = self._allocate(part)
            order.append(part)
            rels = rendered.xml(rels_name(part))
            if rels is not None:
                for rel in rels:
                    if rel.get("TargetMode") != "External":
                        todo.append(resolve_target(_folder(part), rel.get("Target") or ""))
        for part in order:
            new = names[part]
            data: bytes | _Packed = rendered.read(part)
            if part == r_sheet:
                skeleton = _TAB_SELECTED.sub(b"", data)
                if output.active:
                    skeleton = skeleton.replace(b"<sheetView ", b'<sheetView tabSelected="1" ', 1)
                cells = SheetCells(output, styles.format_id, self.date_1904)
                data = _Packed.of(fill_sheet(skeleton, cells))
            self.put(new, data)
            self._override(new, content_type(rendered.types, part))
            rels = rendered.xml(rels_name(part))
            if rels is not None:
                for rel in rels:
                    if rel.get("TargetMode") != "External":
                        target = resolve_target(_folder(part), rel.get("Target") or "")
                        rel.set("Target", _relative(new, names[target]))
                self.put(rels_name(new), _serialize(rels))
                self._rels_type(rels_name(new))
        return names[r_sheet]

    def _override(self, part: str, kind: str | None) -> None:
        if not kind:
            return
        self._drop_override(part)
        node = _sub(self.pkg.types, _q(NS_CT, "Override"))
        node.set("PartName", "/" + part)
        node.set("ContentType", kind)

    def _rels_type(self, part: str) -> None:
        """Packages without a Default for .rels list every relationships part: list ours too."""
        for node in self.pkg.types:
            if _local(node) == "Default" and (node.get("Extension") or "").lower() == "rels":
                return
        self._override(part, CT_RELS)

    # ------------------------------------------------------------ workbook.xml
    def _workbook_entry(self, plan: _Plan, part: str, sheets: list[tuple[Any, str | None, str]]) -> None:
        pkg = self.pkg
        target = _relative(pkg.workbook_part, part)
        if plan.replace is not None:
            el = sheets[plan.replace][0]
            el.set("name", plan.name)
            rid = el.get(_q(NS_R, "id"), "")
            for rel in pkg.wb_rels:
                if rel.get("Id") == rid:
                    if (
                        resolve_target(_folder(pkg.workbook_part), rel.get("Target") or "").lower()
                        != part.lower()
                    ):
                        rel.set("Target", target)
            return
        rid = _new_rel_id(pkg.wb_rels)
        rel = _sub(pkg.wb_rels, _q(NS_PKG_REL, "Relationship"))
        rel.set("Id", rid)
        rel.set("Type", REL_WORKSHEET)
        rel.set("Target", target)
        ids = [int(el.get("sheetId", "0")) for el in pkg.sheets_el.findall(_q(NS_MAIN, "sheet"))]
        el = _sub(pkg.sheets_el, _q(NS_MAIN, "sheet"))
        el.set("name", plan.name)
        el.set("sheetId", str(max(ids, default=0) + 1))
        el.set(_q(NS_R, "id"), rid)

    def _defined_names(self, plan: _Plan, r_index: int, r_names: Any) -> None:
        names = self._names_element()
        if plan.replace is not None:  # names that belonged to our previous sheet
            for el in names.findall(_q(NS_MAIN, "definedName")):
                if el.get("localSheetId") == str(plan.index):
                    names.remove(el)
        if r_names is not None:
            for el in r_names.findall(_q(NS_MAIN, "definedName")):
                if el.get("localSheetId") == str(r_index):
                    new = _clone(names, el)
                    new.set("localSheetId", str(plan.index))
        marker = None
        for el in names.findall(_q(NS_MAIN, "definedName")):
            if el.get("name", "").lower() == plan.marker.lower() and el.get("localSheetId") is None:
                if marker is None:
                    marker = el
                else:
                    names.remove(el)
        if marker is None:
            marker = _sub(names, _q(NS_MAIN, "definedName"))
            marker.set("name", plan.marker)
            marker.set("hidden", "1")
        marker.text = quote_sheet(plan.name) + "!$A$1"

    def _names_element(self) -> Any:
        wb = self.pkg.workbook
        names = wb.find(_q(NS_MAIN, "definedNames"))
        if names is None:
            after = ("sheets", "functionGroups", "externalReferences")
            index = max(i for i, el in enumerate(wb) if _local(el) in after) + 1
            names = _sub(wb, _q(NS_MAIN, "definedNames"), index=index)
        return names

    # ------------------------------------------------------------ docProps/app.xml
    def _app_titles(self, sheets: list[tuple[Any, str | None, str]]) -> None:
        pkg = self.pkg
        if not pkg.app_part or not pkg.has(pkg.app_part):
            return
        root = pkg.xml(pkg.app_part)
        pairs_vec = root.find(f"{_q(NS_EP, 'HeadingPairs')}/{_q(NS_VT, 'vector')}")
        titles_vec = root.find(f"{_q(NS_EP, 'TitlesOfParts')}/{_q(NS_VT, 'vector')}")
        if pairs_vec is None or titles_vec is None:
            return
        variants = list(pairs_vec)
        titles = list(titles_vec)
        groups: list[tuple[str, Any]] = []
        try:
            for k in range(0, len(variants) - 1, 2):
                groups.append(((variants[k][0].text or ""), variants[k + 1][0]))
            counts = [int(el.text) for _, el in groups]
        except (IndexError, ValueError, TypeError):
            return
        if sum(counts) != len(titles):
            return
        old_names = {self.old_names[i] for i, (_, _, kind) in enumerate(sheets) if kind == REL_WORKSHEET}
        start, chosen = 0, None
        for (label, count_el), count in zip(groups, counts, strict=True):
            members = [t.text or "" for t in titles[start : start + count]]
            if label == "Worksheets" or (count and all(m in old_names for m in members)):
                chosen = (start, count, count_el)
                break
            start += count
        if chosen is None:
            return
        start, count, count_el = chosen
        renames = {self.old_names[p.replace]: p.name for p in self.plans if p.replace is not None}
        for title in titles[start : start + count]:
            if title.text in renames:
                title.text = renames[title.text]
        added = [p.name for p in self.plans if p.replace is None]
        for offset, name in enumerate(added):
            el = _sub(titles_vec, _q(NS_VT, "lpstr"), index=start + count + offset)
            el.text = name
        count_el.text = str(count + len(added))
        titles_vec.set("size", str(len(titles) + len(added)))
        self.put(pkg.app_part, _serialize(root))


def _sub(parent: Any, tag: str, index: int | None = None) -> Any:
    """A new child using the prefixes already declared around it (never ns0)."""
    from lxml import etree

    el = etree.SubElement(parent, tag)
    if index is not None:
        parent.insert(index, el)
    return el


def _clone(parent: Any, source: Any) -> Any:
    """Rebuild `source` under `parent` so it takes the parent's prefixes."""
    el = _sub(parent, source.tag)
    for key, value in source.attrib.items():
        el.set(key, value)
    el.text = source.text
    for child in source:
        if isinstance(child.tag, str):
            _clone(el, child).tail = child.tail
    return el


def _count(container: Any) -> int:
    return sum(1 for child in container if isinstance(child.tag, str))


def _new_rel_id(rels: Any) -> str:
    ids = {rel.get("Id", "") for rel in rels}
    numbers = [int(i[3:]) for i in ids if i.startswith("rId") and i[3:].isdigit()]
    n = max(numbers, default=0) + 1
    while f"rId{n}" in ids:
        n += 1
    return f"rId{n}"


# ---------------------------------------------------------------- styles


def _canon(el: Any) -> tuple:
    """A comparable form of a style element, blind to namespace prefixes and attribute order."""
    return (
        _local(el),
        tuple(sorted((k.rsplit("}", 1)[-1], v) for k, v in el.attrib.items())),
        (el.text or "").strip(),
        tuple(_canon(child) for child in el if isinstance(child.tag, str)),
    )


class _StyleMerge:
    """Map our palette's cell formats (`sheetxml.Palette`) onto the user's styles.xml, reusing
    equal entries; a workbook without styles gets the palette itself."""

    LISTS = ("numFmts", "fonts", "fills", "borders", "cellStyleXfs", "cellXfs")

    def __init__(self, pkg: _Package, palette: Palette) -> None:
        self.pkg = pkg
        self.palette = palette
        self.r_root = palette.root
        self.root = pkg.xml(pkg.styles_part) if pkg.styles_part else None
        self.own_styles = self.root is None  # no styles part: ours becomes the workbook's
        self.xf_map: dict[int, int] = {}
        self.index: dict[str, dict[tuple, int]] = {}
        self.changed = False

    def format_id(self, style: str, num_format: str | None, quote: bool) -> int:
        """The workbook's cell format id for one of our named styles."""
        return self.xf(self.palette.xf(style, num_format, quote))

    def _list(self, name: str, create: bool = False) -> Any:
        el = self.root.find(_q(NS_MAIN, name))
        if el is None and create:
            order = self.LISTS
            index = 0
            for i, child in enumerate(self.root):
                if _local(child) in order[: order.index(name)]:
                    index = i + 1
            el = _sub(self.root, _q(NS_MAIN, name), index=index)
        return el

    def _find_or_add(self, list_name: str, element: Any) -> int:
        container = self._list(list_name, create=True)
        table = self.index.get(list_name)
        if table is None:
            table = {}
            for i, child in enumerate(c for c in container if isinstance(c.tag, str)):
                table.setdefault(_canon(child), i)
            self.index[list_name] = table
        key = _canon(element)
        if key in table:
            return table[key]
        index = _count(container)
        _clone(container, element)
        table[key] = index
        container.set("count", str(index + 1))
        self.changed = True
        return index

    def _num_fmt(self, r_id: int) -> int:
        if r_id < 164:
            return r_id
        r_fmts = self.r_root.find(_q(NS_MAIN, "numFmts"))
        code = None
        for el in r_fmts if r_fmts is not None else []:
            if el.get("numFmtId") == str(r_id):
                code = el.get("formatCode")
        if code is None:
            return 0
        container = self._list("numFmts", create=True)
        ids = []
        for el in container:
            if el.get("formatCode") == code:
                return int(el.get("numFmtId", "0"))
            ids.append(int(el.get("numFmtId", "0")))
        new = max([163, *ids]) + 1
        el = _sub(container, _q(NS_MAIN, "numFmt"))
        el.set("numFmtId", str(new))
        el.set("formatCode", code)
        container.set("count", str(_count(container)))
        self.changed = True
        return new

    def xf(self, r_index: int) -> int:
        if self.own_styles or r_index == 0:
            return r_index
        if r_index in self.xf_map:
            return self.xf_map[r_index]
        r_xfs = [c for c in self.r_root.find(_q(NS_MAIN, "cellXfs")) if isinstance(c.tag, str)]
        source = copy.deepcopy(r_xfs[r_index])
        for attr, list_name in (("fontId", "fonts"), ("fillId", "fills"), ("borderId", "borders")):
            r_list = [c for c in self.r_root.find(_q(NS_MAIN, list_name)) if isinstance(c.tag, str)]
            source.set(attr, str(self._find_or_add(list_name, r_list[int(source.get(attr, "0"))])))
        source.set("numFmtId", str(self._num_fmt(int(source.get("numFmtId", "0")))))
        style_xfs = self._list("cellStyleXfs")
        if style_xfs is not None and len(style_xfs):
            source.set("xfId", "0")
        elif "xfId" in source.attrib:
            del source.attrib["xfId"]
        self.xf_map[r_index] = self._find_or_add("cellXfs", source)
        return self.xf_map[r_index]

    def finish(self, edit: _Edit) -> None:
        pkg = self.pkg
        if self.own_styles:
            # the usual name when it is free: some readers (openpyxl) look for no other
            part = "xl/styles.xml" if "xl/styles.xml" not in edit.used else edit._allocate("xl/styles.xml")
            edit.put(part, _serialize(self.r_root))
            edit._override(part, "application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml")
            rel = _sub(pkg.wb_rels, _q(NS_PKG_REL, "Relationship"))
            rel.set("Id", _new_rel_id(pkg.wb_rels))
            rel.set("Type", REL_STYLES)
            rel.set("Target", _relative(pkg.workbook_part, part))
        elif self.changed:
            edit.put(pkg.styles_part, _serialize(self.root))


_TAB_SELECTED = re.compile(rb'\stabSelected="(?:1|true)"')
_HEAD = 1 << 18  # a sheet's views sit in its first bytes, before <sheetData>


# ---------------------------------------------------------------- zip writing


@dataclasses.dataclass
class _Packed:
    """A part already deflated: its compressed bytes, CRC-32 and size."""

    data: bytes
    crc: int
    size: int

    @classmethod
    def of(cls, pieces: Iterable[bytes]) -> _Packed:
        """Deflate pieces as they come, so a large part is never whole in memory."""
        compressor = zlib.compressobj(6, zlib.DEFLATED, -15)
        out: list[bytes] = []
        crc = size = 0
        for piece in pieces:
            crc = zlib.crc32(piece, crc)
            size += len(piece)
            out.append(compressor.compress(piece))
        out.append(compressor.flush())
        return cls(b"".join(out), crc, size)


class _ZipOut:
    """A minimal zip writer that can copy an entry's compressed bytes without inflating them."""

    def __init__(self, fh: IO[bytes], label: str) -> None:
        self.fh, self.label = fh, label
        self.entries: list[bytes] = []
        self.offset = 0

    def _emit(self, data: bytes) -> None:
        self.fh.write(data)
        self.offset += len(data)

    def _check(self, *values: int) -> None:
        if any(v >= 0xFFFFFFFF for v in values) or len(self.entries) >= 0xFFFF:
            raise ParcomError("too_large", file=self.label, detail="result over 4 GB")

    def _entry(
        self, name: str, method: int, flags: int, date_time: tuple, crc: int, csize: int, size: int
    ) -> None:
        raw_name = name.encode("utf-8")
        if not 1980 <= date_time[0] <= 2107:
            date_time = _FIXED_TIME
        flags = (flags & 0x0006) | (0x0800 if not name.isascii() else 0)
        dostime = (date_time[3] << 11) | (date_time[4] << 5) | (date_time[5] // 2)
        dosdate = ((date_time[0] - 1980) << 9) | (date_time[1] << 5) | date_time[2]
        self._check(self.offset, csize, size)
        header_offset = self.offset
        self._emit(
            struct.pack(
                "<4sHHHHHIIIHH",
                b"PK\x03\x04",
                20,
                flags,
                method,
                dostime,
                dosdate,
                crc,
                csize,
                size,
                len(raw_name),
                0,
            )
            + raw_name
        )
        self.entries.append(
            struct.pack(
                "<4sHHHHHHIIIHHHHHII",
                b"PK\x01\x02",
                20,
                20,
                flags,
                method,
                dostime,
                dosdate,
                crc,
                csize,
                size,
                len(raw_name),
                0,
                0,
                0,
                0,
                0,
                header_offset,
            )
            + raw_name
        )

    def copy(self, source: IO[bytes], info: zipfile.ZipInfo) -> None:
        """Copy one entry's compressed bytes as they are."""
        source.seek(info.header_offset)
        header = source.read(30)
        if len(header) < 30 or header[:4] != b"PK\x03\x04":
            raise ParcomError("truncated_file", file=self.label, detail=f"{info.filename}: bad local header")
        name_len, extra_len = struct.unpack_from("<HH", header, 26)
        source.seek(info.header_offset + 30 + name_len + extra_len)
        self._entry(
            info.filename,
            info.compress_type,
            info.flag_bits,
            info.date_time,
            info.CRC,
            info.compress_size,
            info.file_size,
        )
        left = info.compress_size
        while left:
            chunk = source.read(min(_CHUNK, left))
            if not chunk:
                raise ParcomError("truncated_file", file=self.label, detail=f"{info.filename}: short data")
            self._emit(chunk)
            left -= len(chunk)

    def write(self, name: str, data: bytes | _Packed) -> None:
        packed = data if isinstance(data, _Packed) else _Packed.of([data])
        self._entry(name, zipfile.ZIP_DEFLATED, 0, _FIXED_TIME, packed.crc, len(packed.data), packed.size)
        self._emit(packed.data)

    def close(self) -> None:
        start = self.offset
        for entry in self.entries:
            self._emit(entry)
        size = self.offset - start
        self._check(start, size)
        self._emit(
            struct.pack(
                "<4sHHHHIIH", b"PK\x05\x06", 0, 0, len(self.entries), len(self.entries), size, start, 0
            )
        )
        self.fh.flush()
