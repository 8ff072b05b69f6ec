"""Add or replace our output sheets inside the user's .xlsx/.xlsm at the package (zip) level.

Loading and saving a workbook through openpyxl drops what it does not understand (x14
dropdowns and data bars, form controls, slicers, cached results...). So each sheet's frame
(widths, panes, filter, page setup, chart) is rendered with XlsxWriter into a workbook in memory
(`render.py`) and transplanted (`transplant.py`): the sheet part, its drawing and chart parts and
the few index parts that list them. The cells are written into the transplanted sheet part by
`sheetxml`, with style ids of the user's own styles.xml (`styles.py` adds our named styles to
it, reusing equal entries). Every other part of the user's file is copied as the same
compressed bytes (`opc.ZipOut`).

This module plans and checks: our sheets are found again through hidden workbook-level names
`_parcom_<key>` that point at their A1, trusted only on a sheet that looks like ours; on a
re-run a sheet is replaced in place (same position, same part name), so the positions other
names refer to (localSheetId, activeTab) never move. A user's sheet is never touched, even when
it bears the name we want. The write goes through `safety.atomic_write` and only if the file
is still the one read.
"""

from __future__ import annotations

import dataclasses
import io
import os
import zipfile
import zlib
from pathlib import Path
from typing import Any

from ..adapter import trusted_marker
from ..addresses import quote_sheet
from ..model import Cell, OutputSheet
from ..problems import WARNING, ParcomError, Problem
from ..sheetnames import MARKER_PREFIX as MARKER
from ..sheetnames import marker_name, numbered, safe_sheet_name, sheet_key
from .opc import NS_MAIN, REL, REL_WORKSHEET, Package, ZipOut, local_name, qn
from .render import render_skeleton
from .safety import (
    atomic_write,
    identity,
    lock_file,
    preflight,
    writable_target,
)
from .transplant import Edit, Plan


def owned_sheets(path: Path) -> dict[str, str]:
    """Our output sheets already in the workbook: marker key -> sheet name."""
    path = Path(path)
    try:
        zf = zipfile.ZipFile(path)
    except (zipfile.BadZipFile, OSError):
        return {}
    with zf:
        pkg = Package(zf, path.name)
        by_name = {sheet_key(el.get("name", "")): el.get("name", "") for el, _, _ in pkg.sheets()}

        out = {}
        for key, (_, sheet) in pkg.markers().items():
            if sheet is None or sheet_key(sheet) not in by_name:
                continue
            if not trusted_marker(key, sheet):
                continue  # a marker on an input sheet is not ours to trust
            out[key] = by_name[sheet_key(sheet)]
        return out


# ---------------------------------------------------------------- public entry


def write_outputs(
    src: Path, outputs: list[OutputSheet], dest: Path | None = None, expected: tuple | None = None
) -> list[Problem]:
    """Add or replace `outputs` in the workbook `src` (in place, or as a copy at `dest`).

    `expected` is the `identity` of `src` when it was read: if the file changed since (a save,
    a sync client), nothing is written, since the results would be those of the old data."""
    src = Path(src)
    kind = preflight(src)
    if kind == "xls":
        raise ParcomError("xls_read_only", file=src.name)
    target = writable_target(Path(dest) if dest is not None else src)
    in_place = target.exists() and target == Path(os.path.realpath(src))
    if in_place or target.exists():
        lock = lock_file(target)
        if lock is not None:
            raise ParcomError("locked_by_excel", file=target.name, lock=lock.name)
    problems: list[Problem] = []

    def unchanged() -> None:
        if expected is not None and identity(src) != expected:
            raise ParcomError("changed_while_running", file=src.name)

    def write(tmp: Path) -> None:
        unchanged()
        problems.extend(_transplant(src, outputs, tmp, _workbook_type(kind, target, in_place)))

    atomic_write(target, write, unchanged)
    return problems


_TYPES_BY_SUFFIX = {
    ".xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml",
    ".xlsm": "application/vnd.ms-excel.sheet.macroEnabled.main+xml",
    ".xltx": "application/vnd.openxmlformats-officedocument.spreadsheetml.template.main+xml",
    ".xltm": "application/vnd.ms-excel.template.macroEnabled.main+xml",
}


def _workbook_type(kind: str, target: Path, in_place: bool) -> str | None:
    """The content type the workbook part must have under the output's name (None: keep it).

    Excel refuses a file whose extension and workbook type disagree (a macro-free type under
    .xlsm, a template type under .xlsx); a macro workbook copied to .xlsx is refused earlier."""
    if in_place:
        return None
    return _TYPES_BY_SUFFIX.get(target.suffix.lower())


# ---------------------------------------------------------------- planning names


def _plan(pkg: Package, outputs: list[OutputSheet]) -> tuple[list[Plan], list[Problem]]:
    keys = [marker_name(o.key).lower() for o in outputs]
    if len(set(keys)) != len(keys):
        raise ValueError(f"two output sheets share a key: {[o.key for o in outputs]}")
    sheets = pkg.sheets()
    index_of = {sheet_key(el.get("name", "")): i for i, (el, _, _) in enumerate(sheets)}
    markers = pkg.markers()
    plans: list[Plan] = []
    problems: list[Problem] = []
    for output in outputs:
        marker = marker_name(output.key)
        _, pointed = markers.get(marker[len(MARKER) :].lower(), (None, None))
        replace = index_of.get(sheet_key(pointed)) if pointed else None
        if replace is not None and sheets[replace][2] != REL_WORKSHEET:
            replace = None
        if replace is not None and not _looks_ours(pkg, sheets[replace], output):
            problems.append(Problem("marker_untrusted", WARNING, pointed, params={"output": output.key}))
            replace = None
        if replace is not None and any(p.replace == replace for p in plans):
            replace = None
        plans.append(Plan(output, "", marker, replace))
    replaced = {p.replace for p in plans if p.replace is not None}
    taken = {sheet_key(el.get("name", "")) for i, (el, _, _) in enumerate(sheets) if i not in replaced}
    ours = {sheet_key(sheet) for _, sheet in markers.values() if sheet}
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


SIGNATURE_ROWS = 3  # rows of a sheet read to recognise one of ours


def _looks_ours(pkg: Package, sheet: tuple[Any, str | None, str], output: OutputSheet) -> bool:
    """A marker is trusted only for a sheet that looks like ours: it bears one of our names for
    it, or its first rows hold the title (first row) of the sheet we write; never for one of
    the workbook's input sheets. A marker pointing at a user's sheet (copied, or tampered
    with) leaves that sheet alone."""

    el, part, _ = sheet
    name = el.get("name", "")
    if not trusted_marker(output.key, name):
        return False
    if sheet_key(name) in {sheet_key(n) for n in output.names or (output.name,)}:
        return True
    title = {
        text.strip().casefold()
        for cell in (output.rows[0] if output.rows else [])
        if len(text := str(cell.value if isinstance(cell, Cell) else cell or "")) >= 4
    }
    return bool(part) and bool(title & first_texts(pkg, part, SIGNATURE_ROWS))


def first_texts(pkg: Package, part: str, rows: int) -> set[str]:
    """The texts (casefolded) of the first `rows` rows of a sheet part, read no further."""
    from lxml import etree

    found: list[tuple[str, str]] = []  # (type, value)
    try:
        with pkg.zf.open(pkg.lookup[part.lower()]) as stream:
            row = 0
            for event, el in etree.iterparse(
                stream, events=("start", "end"), resolve_entities=False, no_network=True, load_dtd=False
            ):
                name = local_name(el)
                if event == "start" and name == "row":
                    row += 1
                    if row > rows:
                        break
                elif event == "end" and name == "c":
                    kind = el.get("t", "n")
                    if kind == "inlineStr":
                        found.append(("str", "".join(el.itertext())))
                    else:
                        value = el.findtext(qn(NS_MAIN, "v"))
                        if value is not None:
                            found.append((kind, value))
                    el.clear()
    except (KeyError, etree.XMLSyntaxError, zipfile.BadZipFile, zlib.error, OSError, EOFError):
        return set()
    shared = {int(v) for k, v in found if k == "s" and v.strip().isdigit()}
    strings = _shared_strings(pkg, max(shared)) if shared else []
    texts = set()
    for kind, value in found:
        if kind == "s" and value.strip().isdigit() and int(value) < len(strings):
            texts.add(strings[int(value)].strip().casefold())
        elif kind in ("str", "inlineStr"):
            texts.add(value.strip().casefold())
    return texts


def _shared_strings(pkg: Package, last: int) -> list[str]:
    """The shared strings up to index `last`, read no further."""
    from lxml import etree

    part = next((p for t, p in pkg.targets.values() if t == REL + "sharedStrings"), None)
    out: list[str] = []
    if not part or not pkg.has(part):
        return out
    try:
        with pkg.zf.open(pkg.lookup[part.lower()]) as stream:
            for _, el in etree.iterparse(
                stream, events=("end",), resolve_entities=False, no_network=True, load_dtd=False
            ):
                if local_name(el) == "si":
                    out.append("".join(t.text or "" for t in el.iter(qn(NS_MAIN, "t"))))
                    el.clear()
                    if len(out) > last:
                        break
    except (etree.XMLSyntaxError, zipfile.BadZipFile, zlib.error, OSError, EOFError):
        return out
    return out


def _renamed_outputs(plans: list[Plan]) -> list[OutputSheet]:
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


def _transplant(
    src: Path, outputs: list[OutputSheet], out_path: Path, workbook_type: str | None = None
) -> list[Problem]:
    with zipfile.ZipFile(src) as zf:
        pkg = Package(zf, src.name)
        protection = pkg.workbook.find(qn(NS_MAIN, "workbookProtection"))
        if protection is not None and protection.get("lockStructure") in ("1", "true"):
            raise ParcomError("structure_protected", file=src.name)
        pr = pkg.workbook.find(qn(NS_MAIN, "workbookPr"))
        date_1904 = pr is not None and pr.get("date1904") in ("1", "true")
        plans, problems = _plan(pkg, outputs)
        outputs = _renamed_outputs(plans)
        rendered_file = io.BytesIO()  # in memory: a killed run leaves no scratch folder behind
        render_skeleton(outputs, rendered_file)
        with zipfile.ZipFile(rendered_file) as rendered_zf:
            rendered = Package(rendered_zf, "outputs.xlsx")
            edit = Edit(pkg, rendered, plans, outputs, date_1904)
            edit.run()
        if workbook_type is not None:
            edit.set_workbook_type(workbook_type)
        with out_path.open("wb") as fh:
            writer = ZipOut(fh, src.name)
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
