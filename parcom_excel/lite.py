"""The Evaluate button without Python on the clerk's PC: an xlwings Lite script and its builder.

xlwings Lite runs Python (Pyodide) inside Excel's add-in runtime. A workbook keeps one `main.py`
and one `requirements.txt`; a function decorated `@script` with a parameter `book: xw.Book` runs
from the task pane (or a sheet button) on the open workbook, through xlwings' remote engine — the
engine `XlwingsAdapter` is tested on. `evaluate(book)` is what that script runs: the same core
(`core.run`) as the classic button and the command line.

Lite cannot import a folder of modules and our package is not on PyPI, so `build` writes a
`main.py` that carries the package as an embedded zip (base64): on import it writes the zip once
into Pyodide's temporary folder and puts it on `sys.path` (zipimport). One paste installs an
exact, offline copy of the version that built it; the third-party packages come from
`requirements.txt`, which Lite installs from PyPI (pandas and lxml from Pyodide's own
distribution).
"""

from __future__ import annotations

import base64
import hashlib
import io
import tempfile
import zipfile
from pathlib import Path
from typing import Any

from . import __version__
from .i18n import render
from .problems import ParcomError

LANG = "vi"
DATA_DIR = Path("/data")  # Lite's Import/Export folder: what Python writes here can be downloaded
SCRIPT = "danh_gia"  # the script's function in main.py
MAIN, REQUIREMENTS = "main.py", "requirements.txt"
EXTRAS = ("excel", "documents")  # what Lite installs besides the core: xlwings, the dossier
_SKIP = ("cli",)  # sub-packages Lite never runs (click is not installed there)
_ZIP_TIME = (2020, 1, 1, 0, 0, 0)


# ---------------------------------------------------------------- the script


def evaluate(book: Any, *, data_dir: Path = DATA_DIR) -> str:
    """Evaluate the workbook Lite gives: the result sheets, then one summary for the task pane
    (printed) and for an alert. Returns the summary."""
    from .button import evaluate_book  # the classic button's evaluation, to the letter

    text, mode = evaluate_book(
        book, lambda book, evaluation: dossier_zip(evaluation, str(book.name), data_dir)
    )
    print(text)  # Lite shows what a script prints in its task pane
    try:
        book.app.alert(text, title=render("excel.alert_title", LANG), mode=mode)
    except Exception:
        pass  # the task pane already shows it
    return text


def dossier_zip(evaluation: Any, book_name: str, data_dir: Path = DATA_DIR) -> str:
    """The dossier's Word documents as one zip in Lite's `/data` (downloaded from the task pane);
    or one sentence saying why they were not drafted."""
    if not data_dir.is_dir():
        return render("lite.docs_no_data", LANG, folder=data_dir)
    try:
        import docxtpl  # noqa: F401  (imported only when a document is filled: checked first)

        from .documents.dossier import write_dossier
    except ImportError as exc:  # python-docx, docxtpl or lxml not installed in this Pyodide
        return render("lite.docs_missing", LANG, module=exc.name or str(exc))
    from .io.safety import atomic_write

    target = data_dir / f"{Path(book_name).stem or 'so'}_ho_so.zip"
    with tempfile.TemporaryDirectory(prefix="parcom_ho_so_") as scratch:
        try:
            result = write_dossier(evaluation, Path(scratch), lang=LANG)
            atomic_write(target, lambda tmp: _zip_folder(result.files, tmp), package=False)
        except ParcomError as exc:
            return exc.message(LANG)
    lines = [render("lite.docs_zip", LANG, count=len(result.files), file=target)]
    lines += [f"- {path.name}" for path in result.files]
    if result.gaps:
        lines.append(render("docs_gaps", LANG, count=result.gaps))
    return "\n".join(lines + result.notes)


def _zip_folder(files: list[Path], tmp: Path) -> None:
    with zipfile.ZipFile(tmp, "w", zipfile.ZIP_DEFLATED) as out:
        for path in files:
            out.write(path, path.name)


# ---------------------------------------------------------------- the builder


def package_zip() -> bytes:
    """The package's modules as a zip for zipimport: sorted, fixed times, so the bytes depend on
    the code only."""
    root = Path(__file__).resolve().parent
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as out:
        for path in sorted(root.rglob("*.py")):
            relative = path.relative_to(root)
            if "__pycache__" in relative.parts or relative.parts[0] in _SKIP:
                continue
            info = zipfile.ZipInfo(f"parcom_excel/{relative.as_posix()}", _ZIP_TIME)
            info.compress_type, info.external_attr = zipfile.ZIP_DEFLATED, 0o644 << 16
            out.writestr(info, path.read_bytes())
    return buffer.getvalue()


def requirements() -> list[str]:
    """What Lite installs: the core's requirements and those of EXTRAS, from the package metadata
    (pyproject.toml is the one list). xlwings is pinned: the adapter is tested against it."""
    from importlib.metadata import PackageNotFoundError
    from importlib.metadata import requires as metadata_requires

    try:
        declared = metadata_requires("parcom-excel") or []
    except PackageNotFoundError as exc:
        raise ParcomError("lite_not_installed") from exc
    wanted: list[str] = []
    for line in declared:
        spec, _, marker = line.partition(";")
        extra = marker.split("==")[-1].strip().strip("'\"") if "extra" in marker else None
        spec = spec.strip()
        if (extra is None or extra in EXTRAS) and not spec.startswith("parcom-excel") and spec not in wanted:
            wanted.append(spec)
    return wanted


def main_source() -> str:
    """The text of main.py: the loader of the embedded package, and the script."""
    data = package_zip()
    encoded = base64.b64encode(data).decode("ascii")
    chunks = "\n".join(f'    "{encoded[i : i + 100]}"' for i in range(0, len(encoded), 100))
    return _MAIN.format(
        version=__version__,
        sha=hashlib.sha256(data).hexdigest(),
        chunks=chunks,
        name=render("lite.script_name", LANG),
        doc=render("lite.script_doc", LANG),
        script=SCRIPT,
    )


def build(out: Path) -> list[Path]:
    """Write main.py and requirements.txt into the folder `out` (created if needed)."""
    from .io.safety import atomic_write

    out = Path(out)
    if out.exists() and not out.is_dir():
        raise ParcomError("out_not_folder", file=str(out))
    try:
        out.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise ParcomError("not_writable", file=str(out), detail=exc.strerror or str(exc)) from exc
    texts = {MAIN: main_source(), REQUIREMENTS: "\n".join(requirements()) + "\n"}
    written = []
    for name, text in texts.items():
        data = text.encode("utf-8")
        atomic_write(out / name, lambda tmp, data=data: tmp.write_bytes(data), package=False)
        written.append(out / name)
    return written


# ---------------------------------------------------------------- main.py inside a workbook
# Workbooks saved by xlwings Lite keep its code in the document's settings of the Office add-in: the
# part xl/webextensions/webextension1.xml names the store add-in (OMEX id WA200008175) and holds
# the properties "main.py" and "requirements.txt", each a JSON string; taskpanes.xml (from the
# package's root relationships) opens its task pane. Read from public workbooks saved by Lite.

NS_WE = "http://schemas.microsoft.com/office/webextensions/webextension/2010/11"
NS_WETP = "http://schemas.microsoft.com/office/webextensions/taskpanes/2010/11"
REL_TASKPANES = "http://schemas.microsoft.com/office/2011/relationships/webextensiontaskpanes"
REL_WEBEXTENSION = "http://schemas.microsoft.com/office/2011/relationships/webextension"
CT_TASKPANES = "application/vnd.ms-office.webextensiontaskpanes+xml"
CT_WEBEXTENSION = "application/vnd.ms-office.webextension+xml"
LITE_STORE_ID = "WA200008175"  # xlwings Lite in Microsoft's add-in store
TASKPANES, WEBEXTENSION = "xl/webextensions/taskpanes.xml", "xl/webextensions/webextension1.xml"
_EXTENSION_ID = "{6E1F2A5B-3C1D-4A57-9B0E-70A1C0DE2024}"  # ours: one fixed id, so builds repeat


def webextension_parts(main: str, requirements_txt: str) -> dict[str, bytes]:
    """The parts that carry main.py and requirements.txt, as xlwings Lite saves them."""
    import json
    from xml.sax.saxutils import quoteattr

    props = "".join(
        f"<we:property name={quoteattr(name)} value={quoteattr(json.dumps(text, ensure_ascii=False))}/>"
        for name, text in ((MAIN, main), (REQUIREMENTS, requirements_txt))
    )
    ref = f'id="{LITE_STORE_ID}" version="1.0.0.0" store="{LITE_STORE_ID}" storeType="OMEX"'
    head = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n'
    extension = (
        f'{head}<we:webextension xmlns:we="{NS_WE}" id="{_EXTENSION_ID}"><we:reference {ref}/>'
        f"<we:alternateReferences/><we:properties>{props}</we:properties><we:bindings/>"
        f'<we:snapshot xmlns:r="{_NS_R}"/></we:webextension>'
    )
    panes = (
        f'{head}<wetp:taskpanes xmlns:wetp="{NS_WETP}"><wetp:taskpane dockstate="right" visibility="1" '
        f'width="438" row="3"><wetp:webextensionref xmlns:r="{_NS_R}" r:id="rId1"/></wetp:taskpane>'
        "</wetp:taskpanes>"
    )
    rels = (
        f'{head}<Relationships xmlns="{_NS_PKG_REL}"><Relationship Id="rId1" Type="{REL_WEBEXTENSION}" '
        'Target="webextension1.xml"/></Relationships>'
    )
    return {
        WEBEXTENSION: extension.encode("utf-8"),
        TASKPANES: panes.encode("utf-8"),
        "xl/webextensions/_rels/taskpanes.xml.rels": rels.encode("utf-8"),
    }


def embed(book: Path) -> Path:
    """Write main.py and requirements.txt into the workbook `book` (one that has no Office add-in
    parts yet, such as a fresh template), so xlwings Lite finds them when the workbook is opened."""
    from .io.opc import NS_CT, NS_PKG_REL, Package, ZipOut, parse_xml, qn, serialize, sub_element
    from .io.safety import atomic_write

    extra = webextension_parts(main_source(), "\n".join(requirements()) + "\n")
    with zipfile.ZipFile(book) as src:
        package = Package(src, book.name)
        if any(info.filename.lower().startswith("xl/webextensions/") for info in package.infos):
            raise ParcomError("lite_has_addins", file=book.name)
        types, rels = package.types, parse_xml(package.read("_rels/.rels"))
        for part, kind in ((WEBEXTENSION, CT_WEBEXTENSION), (TASKPANES, CT_TASKPANES)):
            sub_element(types, qn(NS_CT, "Override")).attrib.update(
                {"PartName": "/" + part, "ContentType": kind}
            )
        ids = {rel.get("Id") for rel in rels}
        rel_id = next(f"rId{n}" for n in range(len(ids) + 1, len(ids) + 100) if f"rId{n}" not in ids)
        sub_element(rels, qn(NS_PKG_REL, "Relationship")).attrib.update(
            {"Id": rel_id, "Type": REL_TASKPANES, "Target": TASKPANES}
        )
        extra |= {
            package.real("[Content_Types].xml"): serialize(types),
            package.real("_rels/.rels"): serialize(rels),
        }

        def write(tmp: Path) -> None:
            with tmp.open("wb") as handle:
                out = ZipOut(handle, book.name)
                for info in package.infos:
                    if info.filename not in extra and not info.is_dir():
                        out.copy(src.fp, info)
                for name, data in extra.items():
                    out.write(name, data)
                out.close()

        atomic_write(book, write)
    return book


_NS_R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_NS_PKG_REL = "http://schemas.openxmlformats.org/package/2006/relationships"


_MAIN = '''# parcom-excel {version} for xlwings Lite, written by `parcom lite build`: paste it whole into
# the main.py of xlwings Lite, and requirements.txt into its requirements.txt tab.
# The package is the zip below (base64, sha256 {sha}); nothing is downloaded for it.
import base64
import sys
import tempfile
from pathlib import Path

import xlwings as xw
from xlwings import script

PARCOM_VERSION = "{version}"
PARCOM_SHA256 = "{sha}"
PARCOM_ZIP = (
{chunks}
)


def _load_parcom():
    """Write the package once into Pyodide's temporary folder and import it from there (a module
    of another build, imported by an earlier main.py in this Python, is forgotten first)."""
    path = Path(tempfile.gettempdir()) / f"parcom_excel-{{PARCOM_VERSION}}-{{PARCOM_SHA256[:16]}}.zip"
    if not path.is_file():
        path.write_bytes(base64.b64decode("".join(PARCOM_ZIP)))
    for name in [m for m in sys.modules if m == "parcom_excel" or m.startswith("parcom_excel.")]:
        if not str(getattr(sys.modules[name], "__file__", "")).startswith(str(path)):
            del sys.modules[name]
    sys.path[:] = [p for p in sys.path if not Path(p).name.startswith("parcom_excel-")]
    sys.path.insert(0, str(path))


_load_parcom()


@script(name="{name}")
def {script}(book: xw.Book):
    """{doc}"""
    from parcom_excel.lite import evaluate

    evaluate(book)
'''
