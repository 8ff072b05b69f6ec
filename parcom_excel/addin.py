"""The Excel add-in: built from the ribbon template inside the pinned xlwings, installed in XLSTART.

What the template does (xlwings 0.37.8, `xlwings/quickstart_addin_ribbon.xlam`; the tests
read its VBA with oletools to keep these facts true):

- the ribbon button calls `RibbonMyAddin.RunMain`, which runs
  `RunPython "import <m>;<m>.main()"` where `<m>` is the add-in's own file name up to its last
  dot. Naming the add-in `parcom_excel.xlam` therefore calls `parcom_excel.main()`, and the VBA
  project (`xl/vbaProject.bin`) is copied byte for byte: no VBA is edited.
- the VBA reads its settings from a sheet named `PROJECT_NAME & ".conf"` = "myaddin.conf" in the
  active workbook, then in the add-in itself (the template ships that sheet switched off as
  "_myaddin.conf"), then from `myaddin.conf` beside the workbook, then from
  `%USERPROFILE%\\.myaddin\\myaddin.conf`. We rename the add-in's sheet to "myaddin.conf" and fill
  it: the Python interpreter, and ADD_WORKBOOK_TO_PYTHONPATH = FALSE so Python imports the
  installed package, never a stray `parcom_excel` folder beside the user's workbook.

The build is deterministic (stored zip entries, fixed times and order), so the shipped
`workbook/parcom_excel.xlam` can be compared byte for byte with a fresh build.
"""

from __future__ import annotations

import io
import os
import shutil
import sys
import zipfile
from pathlib import Path

from .i18n import render
from .io.opc import NS_MAIN, parse_xml, serialize
from .problems import ParcomError

ADDIN_FILE = "parcom_excel.xlam"
TEMPLATE_FILE = "quickstart_addin_ribbon.xlam"
PROJECT_NAME = "myaddin"  # `Public Const PROJECT_NAME` of the template's xlwings VBA module
CONFIG_SHEET = PROJECT_NAME + ".conf"
RIBBON_MACRO = "RibbonMyAddin.RunMain"

# The ribbon speaks the users' language (Vietnamese; the catalog holds English too).
TAB_LABEL = render("ribbon.tab")
GROUP_LABEL = render("ribbon.group")
BUTTON_LABEL = render("ribbon.button")
BUTTON_SCREENTIP = render("ribbon.screentip")
BUTTON_SUPERTIP = render("ribbon.supertip")

_FIRST_PARTS = ("[Content_Types].xml", "_rels/.rels")
_CORE_TIME = "2022-01-01T00:00:00Z"  # the plan's year; any fixed value keeps builds identical

_NS_UI = "http://schemas.microsoft.com/office/2006/01/customui"
_NS_MC = "http://schemas.openxmlformats.org/markup-compatibility/2006"
_NS_DC = "http://purl.org/dc/elements/1.1/"
_NS_CP = "http://schemas.openxmlformats.org/package/2006/metadata/core-properties"
_NS_DCTERMS = "http://purl.org/dc/terms/"


# ---------------------------------------------------------------- facts shared with the tests


def module_name(addin_file: str) -> str:
    """The Python module the ribbon's VBA imports for an add-in file: its name up to the last dot.

    Mirrors `Left(ThisWorkbook.Name, InStrRev(ThisWorkbook.Name, ".") - 1)` in RibbonMyAddin.
    """
    dot = addin_file.rfind(".")
    if dot <= 0:
        raise ValueError(f"{addin_file!r} has no extension")
    return addin_file[:dot]


def template_path() -> Path:
    """The ribbon add-in template shipped inside the installed xlwings package."""
    import importlib.util

    spec = importlib.util.find_spec("xlwings")
    if spec is None or not spec.origin:
        raise ParcomError("xlwings_missing", python=sys.executable)
    path = Path(spec.origin).parent / TEMPLATE_FILE
    if not path.is_file():
        raise ParcomError("addin_template_missing", file=str(path))
    return path


def xlwings_version() -> str:
    from importlib.metadata import version

    return version("xlwings")


def shipped_addin() -> Path:
    """Where the repository keeps the built add-in (present in a source checkout)."""
    return Path(__file__).resolve().parent.parent / "workbook" / ADDIN_FILE


# ---------------------------------------------------------------- build


def config_rows(interpreter_win: str = "", interpreter_mac: str = "") -> list[tuple[str, str | bool]]:
    """The rows of the add-in's config sheet; a blank interpreter means `python` on the PATH."""
    return [
        ("Interpreter_Win", interpreter_win),
        ("Interpreter_Mac", interpreter_mac),
        ("ADD_WORKBOOK_TO_PYTHONPATH", False),
    ]


def build_bytes(*, interpreter_win: str = "", interpreter_mac: str = "") -> bytes:
    """The add-in package as bytes: the template with our ribbon, config sheet and properties."""
    from .io.opc import Package, ZipOut

    with zipfile.ZipFile(template_path()) as src:
        package = Package(src, TEMPLATE_FILE)
        parts = {info.filename: src.read(info) for info in package.infos if not info.is_dir()}
        sheets = package.sheets()
        if len(sheets) != 1 or sheets[0][1] not in parts:
            raise ParcomError("addin_template_missing", file=TEMPLATE_FILE + " (sheets)")
        sheet_part = sheets[0][1]
        strings_part = package.real("xl/sharedStrings.xml")
        ribbon_part = package.real("customUI/customUI.xml")
    if strings_part not in parts or ribbon_part not in parts:
        raise ParcomError("addin_template_missing", file=TEMPLATE_FILE + " (parts)")
    rows = config_rows(interpreter_win, interpreter_mac)
    parts[ribbon_part] = _ribbon(parts[ribbon_part])
    parts[sheet_part], parts[strings_part] = _config_sheet(parts[sheet_part], parts[strings_part], rows)
    parts[package.workbook_part] = _workbook(parts[package.workbook_part])
    core = package.real("docProps/core.xml")
    if core in parts:
        parts[core] = _core_properties(parts[core])

    order = [p for p in _FIRST_PARTS if p in parts] + sorted(p for p in parts if p not in _FIRST_PARTS)
    buffer = io.BytesIO()
    out = ZipOut(buffer, ADDIN_FILE)  # fixed times and attributes: the bytes depend on the contents
    for name in order:
        out.write(name, parts[name])
    out.close()
    return buffer.getvalue()


def build(
    out: Path, *, interpreter_win: str = "", interpreter_mac: str = "", scratch: Path | None = None
) -> Path:
    """Write the add-in to `out` (a file named parcom_excel.xlam, or a folder) atomically.

    `scratch` is where the temporary file lives until it replaces `out` (same volume): not
    XLSTART itself, where Excel would try to open a leftover at its next start.
    """
    out = Path(out)
    if out.is_dir() or not out.suffix:
        out = out / ADDIN_FILE
    if out.name != ADDIN_FILE:
        raise ParcomError("addin_bad_name", file=out.name)
    data = build_bytes(interpreter_win=interpreter_win, interpreter_mac=interpreter_mac)
    _write_atomic(out, data, scratch)
    return out


def _ribbon(data: bytes) -> bytes:
    """Relabel the template's single tab / group / button; the onAction macro stays the template's."""
    root = parse_xml(data)
    tab = root.find(f".//{{{_NS_UI}}}tab")
    group = root.find(f".//{{{_NS_UI}}}group")
    button = root.find(f".//{{{_NS_UI}}}button")
    if tab is None or group is None or button is None or button.get("onAction") != RIBBON_MACRO:
        raise ParcomError("addin_template_missing", file=TEMPLATE_FILE + " (customUI)")
    tab.set("id", "parcomTab")
    tab.set("label", TAB_LABEL)
    group.set("id", "parcomGroup")
    group.set("label", GROUP_LABEL)
    for key in list(button.attrib):
        del button.attrib[key]
    button.set("id", "parcomEvaluate")
    button.set("label", BUTTON_LABEL)
    button.set("size", "large")
    button.set("imageMso", "MacroPlay")
    button.set("screentip", BUTTON_SCREENTIP)
    button.set("supertip", BUTTON_SUPERTIP)
    button.set("onAction", RIBBON_MACRO)
    return serialize(root)


def _config_sheet(sheet: bytes, strings: bytes, rows: list[tuple[str, str | bool]]) -> tuple[bytes, bytes]:
    """Replace the config sheet's cells by `rows` (key in A, value in B) and its shared strings."""
    from lxml import etree

    root = parse_xml(sheet)
    sst = parse_xml(strings)
    data = root.find(f"{{{NS_MAIN}}}sheetData")
    dimension = root.find(f"{{{NS_MAIN}}}dimension")
    for child in list(data):
        data.remove(child)
    for child in list(sst):
        sst.remove(child)

    table: list[str] = []

    def shared(text: str) -> str:
        if text not in table:
            table.append(text)
            si = etree.SubElement(sst, f"{{{NS_MAIN}}}si")
            etree.SubElement(si, f"{{{NS_MAIN}}}t").text = text
        return str(table.index(text))

    for index, (key, value) in enumerate(rows, start=1):
        row = etree.SubElement(data, f"{{{NS_MAIN}}}row", r=str(index), spans="1:2")
        cell = etree.SubElement(row, f"{{{NS_MAIN}}}c", r=f"A{index}", s="1", t="s")
        etree.SubElement(cell, f"{{{NS_MAIN}}}v").text = shared(key)
        if isinstance(value, bool):
            cell = etree.SubElement(row, f"{{{NS_MAIN}}}c", r=f"B{index}", s="1", t="b")
            etree.SubElement(cell, f"{{{NS_MAIN}}}v").text = "1" if value else "0"
        elif value:
            cell = etree.SubElement(row, f"{{{NS_MAIN}}}c", r=f"B{index}", s="1", t="s")
            etree.SubElement(cell, f"{{{NS_MAIN}}}v").text = shared(value)
    if dimension is not None:
        dimension.set("ref", f"A1:B{len(rows)}")
    sst.set("count", str(sum(1 + (isinstance(v, str) and bool(v)) for _, v in rows)))
    sst.set("uniqueCount", str(len(table)))
    return serialize(root), serialize(sst)


def _workbook(data: bytes) -> bytes:
    """Switch the config sheet on (its name must be PROJECT_NAME.conf) and drop the author's path."""
    root = parse_xml(data)
    sheet = root.find(f"{{{NS_MAIN}}}sheets/{{{NS_MAIN}}}sheet")
    sheet.set("name", CONFIG_SHEET)
    for alternate in root.findall(f"{{{_NS_MC}}}AlternateContent"):
        root.remove(alternate)
    return serialize(root)


def _core_properties(data: bytes) -> bytes:
    root = parse_xml(data)
    values = {
        f"{{{_NS_DC}}}title": f"parcom-excel add-in (xlwings {xlwings_version()})",
        f"{{{_NS_DC}}}creator": "parcom-excel",
        f"{{{_NS_CP}}}lastModifiedBy": "parcom-excel",
        f"{{{_NS_DCTERMS}}}created": _CORE_TIME,
        f"{{{_NS_DCTERMS}}}modified": _CORE_TIME,
    }
    for tag, text in values.items():
        element = root.find(tag)
        if element is not None:
            element.text = text
    return serialize(root)


def _write_atomic(path: Path, data: bytes, scratch: Path | None = None) -> None:
    from .io.safety import write_bytes

    def refuse(exc: OSError) -> ParcomError:
        code = "addin_in_use" if isinstance(exc, PermissionError) else "not_writable"
        return ParcomError(code, file=str(path), detail=exc.strerror or str(exc))

    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise refuse(exc) from exc
    write_bytes(path, data, scratch=scratch, refuse=refuse)


# ---------------------------------------------------------------- install


def startup_folder(platform: str | None = None) -> Path | None:
    """Excel's per-user start-up folder (XLSTART), where Excel opens every add-in at launch.

    xlwings' own `xlwings addin install` asks a running Excel for `Application.StartupPath`;
    these are the values Excel returns by default, so no Excel needs to be running here.
    """
    platform = platform or sys.platform
    if platform.startswith("win"):
        appdata = os.environ.get("APPDATA")
        if not appdata:
            return None
        return Path(appdata) / "Microsoft" / "Excel" / "XLSTART"
    if platform == "darwin":
        return (
            Path.home()
            / "Library"
            / "Group Containers"
            / "UBF8T346G9.Office"
            / "User Content"
            / "Startup"
            / "Excel"
        )
    return None


def install(folder: Path | None = None, *, interpreter: str | None = None) -> Path:
    """Build the add-in for this Python and write it into XLSTART (or `folder`)."""
    target_dir = Path(folder) if folder else startup_folder()
    if target_dir is None:
        shipped = shipped_addin()
        where = str(shipped) if shipped.is_file() else f"{ADDIN_FILE} (parcom addin build --out {ADDIN_FILE})"
        raise ParcomError("addin_no_excel", system=sys.platform, file=where)
    python = interpreter or sys.executable
    target, scratch = target_dir / ADDIN_FILE, target_dir.parent
    if sys.platform.startswith("win"):
        return build(target, interpreter_win=python, scratch=scratch)
    if sys.platform == "darwin":
        path = build(target, interpreter_mac=python, scratch=scratch)
        _install_applescript()
        return path
    return build(target, scratch=scratch)  # a folder given by hand on a system without Excel


def _install_applescript() -> None:
    """macOS only: RunPython goes through xlwings' AppleScript, as `xlwings addin install` sets up."""
    version = xlwings_version()
    source = template_path().parent / f"xlwings-{version}.applescript"
    target = Path.home() / "Library" / "Application Scripts" / "com.microsoft.Excel"
    try:
        target.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(source, target / source.name)
    except OSError as exc:
        raise ParcomError(
            "not_writable", file=str(target / source.name), detail=exc.strerror or str(exc)
        ) from exc
