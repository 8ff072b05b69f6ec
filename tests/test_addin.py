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
VALIDATOR = Path(__file__).resolve().parent.parent.parent / "shared" / "tools" / "ooxml" / "validate"


@pytest.fixture(scope="module")
def all_built(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    paths = addin.build(tmp_path_factory.mktemp("addin"))
    return {p.name: p for p in paths}


@pytest.fixture(scope="module")
def built(all_built: dict[str, Path]) -> Path:
    return all_built[addin.ADDIN_FILE]


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


def test_build_is_deterministic_and_matches_the_shipped_addins(
    all_built: dict[str, Path], tmp_path: Path
) -> None:
    again = addin.build(tmp_path / addin.ADDIN_FILE)  # the main file's name: all files beside it
    assert [p.name for p in again] == list(addin.ADDIN_FILES) == list(all_built)
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(addin.ADDIN_FILES)
    for path in again:
        assert path.read_bytes() == all_built[path.name].read_bytes()
        shipped = SHIPPED.parent / path.name
        assert shipped.is_file(), f"run `parcom addin build` and commit workbook/{path.name}"
        assert shipped.read_bytes() == path.read_bytes(), f"workbook/{path.name} is stale: rebuild it"
    assert len({p.read_bytes() for p in again}) == len(again)  # each file has its own ribbon


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


def test_vba_project_is_the_templates_byte_for_byte(all_built: dict[str, Path]) -> None:
    with zipfile.ZipFile(addin.template_path()) as z:
        template = z.read("xl/vbaProject.bin")
    for path in all_built.values():
        assert parts(path)["xl/vbaProject.bin"] == template, path.name


def test_every_addin_file_passes_the_open_xml_validator_ribbon_included(all_built: dict[str, Path]) -> None:
    """The ribbon part is related with the type that goes with its namespace, so the SDK checks it."""
    import subprocess

    if not VALIDATOR.exists():
        pytest.skip("the Open XML SDK validator is not beside the repository")
    out = subprocess.run([str(VALIDATOR), *map(str, all_built.values())], capture_output=True, text=True)
    if out.returncode == 3:
        pytest.skip("the Open XML SDK validator could not be set up: " + out.stderr[-200:])
    assert out.stdout.count(" 0 error(s)") == len(all_built), out.stdout
    for path in all_built.values():
        rels = etree.fromstring(parts(path)["_rels/.rels"])
        types = {r.get("Target"): r.get("Type") for r in rels.iter(f"{NS_REL}Relationship")}
        assert types["customUI/customUI.xml"] == addin.UI_REL_2007


# ---------------------------------------------------------------- ribbon and VBA agree


LABELS = {
    "parcom_excel.xlam": "Đánh giá",
    "parcom_excel.buttons.split.xlam": "Tách sổ đơn vị",
    "parcom_excel.buttons.collect.xlam": "Tổng hợp",
    "parcom_excel.buttons.awards.xlam": "Ghi khen thưởng",
}


def test_each_file_has_its_button_in_the_shared_tab_and_group(all_built: dict[str, Path]) -> None:
    assert set(all_built) == set(LABELS)
    shared, button_ids = set(), []
    for name, path in all_built.items():
        ui = etree.fromstring(parts(path)["customUI/customUI.xml"])
        assert ui.tag == f"{NS_UI}customUI"
        tabs = ui.findall(f".//{NS_UI}tab")
        groups = ui.findall(f".//{NS_UI}group")
        buttons = ui.findall(f".//{NS_UI}button")
        assert [t.get("label") for t in tabs] == ["Thi đua CCHC"] and len(groups) == 1
        assert [b.get("label") for b in buttons] == [LABELS[name]]
        assert buttons[0].get("screentip") and buttons[0].get("supertip")
        # shared containers: qualified ids (idQ) whose prefix names the same namespace in every file
        for element in (tabs[0], groups[0]):
            assert element.get("id") is None
            prefix, _, local = element.get("idQ").partition(":")
            assert ui.nsmap[prefix] == addin.RIBBON_NS
            shared.add((element.tag, local, element.get("label")))
        button_ids.append(buttons[0].get("id"))
    assert len(shared) == 2  # one tab, one group, spelled alike in all files
    assert len(button_ids) == len(set(button_ids))


def test_every_on_action_is_a_procedure_of_the_vba_project(
    all_built: dict[str, Path], vba: dict[str, str]
) -> None:
    actions = []
    for path in all_built.values():
        ui = etree.fromstring(parts(path)["customUI/customUI.xml"])
        actions += [e.get("onAction") for e in ui.iter() if e.get("onAction")]
    assert len(actions) == len(all_built)
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


def _vba_module_name(workbook_name: str) -> str:
    """`Left(ThisWorkbook.Name, InStrRev(ThisWorkbook.Name, ".", -1, vbTextCompare) - 1)`, spelled
    out in VBA's terms: InStrRev is 1-based (0 when absent), Left takes that many characters."""
    position = 0
    for index in range(len(workbook_name), 0, -1):
        if workbook_name[index - 1] == ".":
            position = index
            break
    return workbook_name[: max(position - 1, 0)]


@pytest.mark.parametrize("spec", addin.ADDINS, ids=lambda s: s.file)
def test_each_file_name_gives_a_module_with_main(spec: addin.Addin) -> None:
    name = _vba_module_name(spec.file)
    assert name == addin.module_name(spec.file) == spec.module
    module = importlib.import_module(name)  # what `import <m>` does in the fresh Python
    assert callable(module.main)
    if spec.file != addin.ADDIN_FILE:
        assert name.startswith("parcom_excel.buttons.") and module.main.__module__ == name


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

    paths = addin.build(
        tmp_path, interpreter_win=r"C:\Python311\python.exe", interpreter_mac="/usr/local/bin/python3"
    )
    assert len(paths) == len(addin.ADDINS)
    for path in paths:  # each file runs RunPython with its own config sheet
        rows = CalamineWorkbook.from_path(str(path)).get_sheet_by_name(addin.CONFIG_SHEET).to_python()
        assert rows[0] == ["Interpreter_Win", r"C:\Python311\python.exe"]
        assert rows[1] == ["Interpreter_Mac", "/usr/local/bin/python3"]


# ---------------------------------------------------------------- commands


def test_build_command_prints_one_line(tmp_path: Path) -> None:
    result = CliRunner().invoke(cli, ["addin", "build", "--out", str(tmp_path)])
    assert result.exit_code == 0, result.output
    assert result.stdout.strip().count("\n") == 0
    assert str(tmp_path) in result.stdout and "4 tệp add-in" in result.stdout
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(addin.ADDIN_FILES)
    for name in addin.ADDIN_FILES:
        assert name in result.stdout


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
    assert sorted(p.name for p in folder.iterdir()) == sorted(addin.ADDIN_FILES)
    assert [p.name for p in tmp_path.iterdir()] == ["XLSTART"]


def test_startup_folders() -> None:
    assert addin.startup_folder("linux") is None
    mac = addin.startup_folder("darwin")
    assert mac is not None and mac.parts[-4:] == ("UBF8T346G9.Office", "User Content", "Startup", "Excel")
