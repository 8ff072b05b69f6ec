"""The Excel add-in package: built from xlwings' ribbon template, checked against its VBA.

No Excel here: the package is checked as OOXML (every part parses, has a content type, every
relationship resolves), re-read by python-calamine and openpyxl, and its VBA is read with
oletools to confirm what the Python side assumes about it.
"""

from __future__ import annotations

import importlib
import io
import re
import sys
import zipfile
from pathlib import Path, PurePosixPath

import pytest
from click.testing import CliRunner
from lxml import etree

import parcom_excel
from parcom_excel import addin
from parcom_excel.cli import cli

# oletools' parser uses deprecated pyparsing names and leaves a zip handle to the collector.
pytestmark = pytest.mark.filterwarnings(
    "ignore::DeprecationWarning", "ignore::pytest.PytestUnraisableExceptionWarning"
)

SHIPPED = Path(__file__).resolve().parent.parent / "workbook" / addin.ADDIN_FILE
NS_CT = "{http://schemas.openxmlformats.org/package/2006/content-types}"
NS_REL = "{http://schemas.openxmlformats.org/package/2006/relationships}"
NS_UI = "{http://schemas.microsoft.com/office/2006/01/customui}"


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return addin.build(tmp_path_factory.mktemp("addin") / addin.ADDIN_FILE)


@pytest.fixture(scope="module")
def vba(built: Path) -> dict[str, str]:
    """Module name -> VBA source, as oletools extracts it from the built add-in."""
    from oletools.olevba import VBA_Parser

    parser = VBA_Parser(str(built))
    try:
        return {PurePosixPath(stream).name: code for _, stream, _, code in parser.extract_macros()}
    finally:
        parser.close()


def parts(path: Path) -> dict[str, bytes]:
    with zipfile.ZipFile(path) as z:
        return {info.filename: z.read(info) for info in z.infolist()}


# ---------------------------------------------------------------- determinism


def test_build_is_deterministic_and_matches_the_shipped_addin(built: Path, tmp_path: Path) -> None:
    again = addin.build(tmp_path)  # a folder: the file name is always parcom_excel.xlam
    assert again.name == addin.ADDIN_FILE
    assert again.read_bytes() == built.read_bytes()
    assert SHIPPED.is_file(), "run `parcom addin build` and commit workbook/parcom_excel.xlam"
    assert SHIPPED.read_bytes() == built.read_bytes(), "workbook/parcom_excel.xlam is stale: rebuild it"


def test_entries_have_fixed_times_and_content_types_first(built: Path) -> None:
    with zipfile.ZipFile(built) as z:
        infos = z.infolist()
    assert infos[0].filename == "[Content_Types].xml"
    assert {i.date_time for i in infos} == {(1980, 1, 1, 0, 0, 0)}
    assert [i.filename for i in infos[2:]] == sorted(i.filename for i in infos[2:])


# ---------------------------------------------------------------- a valid package


def test_every_part_parses_has_a_content_type_and_every_relationship_resolves(built: Path) -> None:
    with zipfile.ZipFile(built) as z:
        assert z.testzip() is None
    package = parts(built)
    types = etree.fromstring(package["[Content_Types].xml"])
    defaults = {d.get("Extension").lower() for d in types.iter(f"{NS_CT}Default")}
    overrides = {o.get("PartName").lstrip("/") for o in types.iter(f"{NS_CT}Override")}
    assert overrides <= set(package), "a content type names a missing part"
    for name, data in package.items():
        if name == "[Content_Types].xml":
            continue
        assert name in overrides or name.rsplit(".", 1)[-1].lower() in defaults, name
        if name.endswith((".xml", ".rels")):
            etree.fromstring(data)  # raises on a malformed part
    for name, data in package.items():
        if not name.endswith(".rels"):
            continue
        base = PurePosixPath(name).parent.parent
        for rel in etree.fromstring(data).iter(f"{NS_REL}Relationship"):
            if rel.get("TargetMode") == "External":
                continue
            target = rel.get("Target")
            resolved = target.lstrip("/") if target.startswith("/") else str(base / target).lstrip("./")
            assert resolved in package, f"{name}: {target}"


def test_readers_reopen_it_with_the_config_sheet(built: Path) -> None:
    from python_calamine import CalamineWorkbook

    book = CalamineWorkbook.from_filelike(io.BytesIO(built.read_bytes()))
    assert book.sheet_names == [addin.CONFIG_SHEET]
    rows = book.get_sheet_by_name(addin.CONFIG_SHEET).to_python()
    assert rows == [["Interpreter_Win", ""], ["Interpreter_Mac", ""], ["ADD_WORKBOOK_TO_PYTHONPATH", False]]

    # openpyxl refuses the add-in content type by name only: read as a macro workbook, the rest
    # of the package (styles, sheet, shared strings, VBA part) must load.
    import openpyxl

    package = parts(built)
    package["[Content_Types].xml"] = package["[Content_Types].xml"].replace(
        b"application/vnd.ms-excel.addin.macroEnabled.main+xml",
        b"application/vnd.ms-excel.sheet.macroEnabled.main+xml",
    )
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as z:
        for name, data in package.items():
            z.writestr(name, data)
    wb = openpyxl.load_workbook(io.BytesIO(buffer.getvalue()), keep_vba=True)
    assert wb.sheetnames == [addin.CONFIG_SHEET]
    assert wb.vba_archive is not None


def test_vba_project_is_the_templates_byte_for_byte(built: Path) -> None:
    with zipfile.ZipFile(addin.template_path()) as z:
        template = z.read("xl/vbaProject.bin")
    assert parts(built)["xl/vbaProject.bin"] == template


# ---------------------------------------------------------------- ribbon and VBA agree


def test_ribbon_has_the_evaluate_button(built: Path) -> None:
    ui = etree.fromstring(parts(built)["customUI/customUI.xml"])
    assert ui.tag == f"{NS_UI}customUI"
    tabs = ui.findall(f".//{NS_UI}tab")
    buttons = ui.findall(f".//{NS_UI}button")
    assert [t.get("label") for t in tabs] == ["Thi đua CCHC"]
    assert [b.get("label") for b in buttons] == ["Đánh giá"]
    assert buttons[0].get("screentip") and buttons[0].get("supertip")
    ids = [e.get("id") for e in ui.iter() if e.get("id")]
    assert len(ids) == len(set(ids))


def test_every_on_action_is_a_procedure_of_the_vba_project(built: Path, vba: dict[str, str]) -> None:
    ui = etree.fromstring(parts(built)["customUI/customUI.xml"])
    actions = [e.get("onAction") for e in ui.iter() if e.get("onAction")]
    assert actions
    for action in actions:
        module, _, proc = action.rpartition(".")
        assert module in vba, f"{action}: no VBA module {module!r} (modules: {sorted(vba)})"
        assert re.search(rf"^\s*(Public\s+)?Sub\s+{re.escape(proc)}\s*\(", vba[module], re.I | re.M), action


def test_vba_xlwings_version_is_the_installed_one(vba: dict[str, str]) -> None:
    import xlwings

    match = re.search(r'XLWINGS_VERSION As String = "([^"]+)"', vba["xlwings"])
    assert match and match.group(1) == xlwings.__version__


def test_vba_imports_the_module_named_like_the_file_and_it_is_our_main(vba: dict[str, str]) -> None:
    source = vba["RibbonMyAddin"]
    # What RunMain does, spelled as in the template:
    assert (
        'mymodule = Left(ThisWorkbook.Name, (InStrRev(ThisWorkbook.Name, ".", -1, vbTextCompare) - 1))'
        in source
    )
    assert 'RunPython "import " & mymodule & ";" & mymodule & ".main()"' in source
    name = addin.module_name(addin.ADDIN_FILE)
    assert name == "parcom_excel"
    assert importlib.import_module(name).main is parcom_excel.main


def test_config_sheet_is_the_one_the_vba_reads(built: Path, vba: dict[str, str]) -> None:
    source = vba["xlwings"]
    match = re.search(r'PROJECT_NAME As String = "([^"]+)"', source)
    assert match and match.group(1) == addin.PROJECT_NAME
    assert 'Sheets(PROJECT_NAME & ".conf")' in source
    assert 'GetConfig("ADD_WORKBOOK_TO_PYTHONPATH", "true")' in source
    assert 'GetConfig("INTERPRETER_WIN", "")' in source and 'GetConfig("INTERPRETER_MAC", "")' in source
    book = etree.fromstring(parts(built)["xl/workbook.xml"])
    names = [
        s.get("name") for s in book.iter("{http://schemas.openxmlformats.org/spreadsheetml/2006/main}sheet")
    ]
    assert names == [addin.PROJECT_NAME + ".conf"]


def test_a_false_config_cell_keeps_the_workbook_folder_off_sys_path(monkeypatch: pytest.MonkeyPatch) -> None:
    """VBA turns the FALSE cell into the string "False"; xlwings then adds neither folder."""
    import xlwings.utils

    # The string RunPython builds: add-dir flag; active book; add-in; 3 OneDrive/SharePoint
    # settings; the PYTHONPATH setting (blank).
    fields = r"{};C:\Users\vp\Documents\book.xlsx;C:\addins\parcom_excel.xlam;;;;"
    for flag, expect_folder in (("False", False), ("True", True)):
        monkeypatch.setattr(sys, "path", list(sys.path))
        before = set(sys.path)
        xlwings.utils.prepare_sys_path(fields.format(flag))
        added = [p for p in sys.path if p not in before]
        assert any("Documents" in p for p in added) is expect_folder, (flag, added)
        assert any("addins" in p for p in added) is expect_folder, (flag, added)


def test_interpreters_go_into_the_config_sheet(tmp_path: Path) -> None:
    from python_calamine import CalamineWorkbook

    path = addin.build(
        tmp_path, interpreter_win=r"C:\Python311\python.exe", interpreter_mac="/usr/local/bin/python3"
    )
    rows = CalamineWorkbook.from_path(str(path)).get_sheet_by_name(addin.CONFIG_SHEET).to_python()
    assert rows[0] == ["Interpreter_Win", r"C:\Python311\python.exe"]
    assert rows[1] == ["Interpreter_Mac", "/usr/local/bin/python3"]


# ---------------------------------------------------------------- commands


def test_build_command_prints_one_line(tmp_path: Path) -> None:
    result = CliRunner().invoke(cli, ["addin", "build", "--out", str(tmp_path)])
    assert result.exit_code == 0, result.output
    assert result.stdout.strip().count("\n") == 0
    assert str(tmp_path / addin.ADDIN_FILE) in result.stdout
    assert (tmp_path / addin.ADDIN_FILE).is_file()


def test_build_refuses_another_file_name(tmp_path: Path) -> None:
    result = CliRunner().invoke(cli, ["addin", "build", "--out", str(tmp_path / "thi_dua.xlam")])
    assert result.exit_code == 2
    assert "parcom_excel.xlam" in result.stderr and "Traceback" not in result.output
    assert not (tmp_path / "thi_dua.xlam").exists()


@pytest.mark.skipif(
    sys.platform.startswith("win") or sys.platform == "darwin", reason="systems without Excel"
)
def test_install_without_excel_says_why_in_one_sentence() -> None:
    result = CliRunner().invoke(cli, ["addin", "install"])
    assert result.exit_code == 2
    message = result.stderr.strip()
    assert "\n" not in message and "Traceback" not in result.output
    assert "không có Excel" in message and "XLSTART" in message
    assert str(SHIPPED) in message  # where to find the file to copy by hand

    result = CliRunner().invoke(cli, ["addin", "install", "--lang", "en"])
    assert result.exit_code == 2 and "has no Excel" in result.stderr


def test_install_into_a_given_folder_leaves_nothing_else_there(tmp_path: Path) -> None:
    folder = tmp_path / "XLSTART"  # Excel opens every file it finds in there
    result = CliRunner().invoke(cli, ["addin", "install", "--folder", str(folder)])
    assert result.exit_code == 0, result.output
    assert [p.name for p in folder.iterdir()] == [addin.ADDIN_FILE]
    assert [p.name for p in tmp_path.iterdir()] == ["XLSTART"]


def test_startup_folders() -> None:
    assert addin.startup_folder("linux") is None
    mac = addin.startup_folder("darwin")
    assert mac is not None and mac.parts[-4:] == ("UBF8T346G9.Office", "User Content", "Startup", "Excel")
