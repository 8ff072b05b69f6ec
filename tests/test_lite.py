"""xlwings Lite: the main.py `parcom lite build` writes, run as Lite runs it.

Lite keeps main.py in the workbook and runs its `@script` function on the open book through
xlwings' remote engine (`xw.Book(json=...)`), in Pyodide. Here the built main.py runs through
`tests/lite/harness.py` — xlwings' own `custom_scripts_call`, the call xlwings Server and Lite make —
first in CPython (a subprocess), then in Pyodide under Node (`tests/lite/run_pyodide.mjs`, set up
by `.ci/lite_setup`: the npm `pyodide` package and wheels pip-downloaded from PyPI). Both runs must
give the same actions. The remote engine needs XLWINGS_LICENSE_KEY (see test_excel_adapter.py).
"""

from __future__ import annotations

import base64
import hashlib
import json
import os
import pickle
import re
import shutil
import subprocess
import sys
import warnings
import zipfile
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest

from parcom_excel import lite
from tests.test_excel_adapter import SAMPLE, needs_key, payload, remote_book

ROOT = Path(__file__).resolve().parent.parent
HARNESS = ROOT / "tests" / "lite" / "harness.py"
RUNNER = ROOT / "tests" / "lite" / "run_pyodide.mjs"
CACHE = Path(os.environ.get("PARCOM_CI_CACHE", Path.home() / ".cache" / "parcom-ci"))
SUBSTITUTION = (
    "Pyodide here has no pandas (it comes only from Pyodide's CDN, which this machine cannot reach): "
    "the validation step was fed the dataset CPython validated; every other step ran in Pyodide"
)


def _folder(tmp: Path, data: dict[str, Any]) -> Path:
    """main.py, the book's payload and the dataset CPython validates from it."""
    import xlwings as xw

    from parcom_excel.io.excel import XlwingsAdapter
    from parcom_excel.reader import read_inputs
    from parcom_excel.validate import validate

    lite.build(tmp)
    (tmp / "payload.json").write_text(json.dumps(data, ensure_ascii=False), "utf-8")
    validated = validate(read_inputs(XlwingsAdapter(xw.Book(json=data))))
    if validated.data is not None:
        validated.data.frames.clear()  # pandas frames: validation's own, never read after it
    (tmp / "validated.pickle").write_bytes(pickle.dumps(validated))
    return tmp


def _cpython(folder: Path) -> tuple[dict[str, Any], dict[str, Any], str]:
    env = {**os.environ, "TMPDIR": str(folder), "PYTHONPATH": ""}
    done = subprocess.run(
        [sys.executable, str(HARNESS), str(folder)], capture_output=True, text=True, env=env, timeout=180
    )
    assert done.returncode == 0, done.stdout + done.stderr
    return (*_results(folder), done.stdout)


def _results(folder: Path) -> tuple[dict[str, Any], dict[str, Any]]:
    actions = json.loads((folder / "actions.json").read_text("utf-8"))["actions"]
    return {"actions": actions}, json.loads((folder / "report.json").read_text("utf-8"))


def _when(actions: list[dict[str, Any]]) -> datetime:
    """The run's own time, as its Nhật ký row records it (the last date-time value written)."""
    stamps = [
        value
        for action in actions
        if action["func"] == "setValues"
        for row in action["values"]
        for value in row
        if isinstance(value, str) and re.fullmatch(r"\d{4}-\d\d-\d\d \d\d:\d\d:\d\d", value)
    ]
    return datetime.fromisoformat(stamps[-1])


def _without_time(actions: list[dict[str, Any]], when: datetime) -> str:
    """The actions with the run's own time (the only thing two runs may differ in) blanked."""
    text = json.dumps(actions, ensure_ascii=False)
    for shown in (when.strftime("%Y-%m-%d %H:%M:%S"), when.strftime("%d/%m/%Y %H:%M")):
        text = text.replace(shown, "<when>")
    return text


@pytest.fixture(scope="module")
def cpython_run(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict, dict, str, datetime]:
    if not os.environ.get("XLWINGS_LICENSE_KEY"):
        pytest.skip("xlwings' remote engine needs XLWINGS_LICENSE_KEY (see the README on the licence)")
    start = datetime.now().replace(microsecond=0)
    folder = _folder(tmp_path_factory.mktemp("lite_cpython"), payload(SAMPLE))
    book, report, printed = _cpython(folder)
    return folder, book, report, printed, start


@needs_key
def test_built_main_runs_its_script_in_cpython_as_lite_would(cpython_run) -> None:
    _, book, report, printed, start = cpython_run
    assert report["scripts"][0]["function_name"] == lite.SCRIPT
    assert report["scripts"][0]["name"] == "Đánh giá"
    assert "/parcom_excel-" in report["parcom_from"] and ".zip/" in report["parcom_from"]  # the embedded copy
    assert report["validation_fed_from_cpython"] is False
    actions = book["actions"]
    assert start <= _when(actions) <= datetime.now()
    alerts = [a["args"] for a in actions if a["func"] == "alert"]
    assert len(alerts) == 1
    text, title, _, mode, _ = alerts[0]
    assert title == "parcom – Thi đua CCHC" and mode == "info"
    assert text.startswith(f"{SAMPLE.name}: ") and text.strip() == printed.strip()  # task pane = alert
    added = [a["args"][1] for a in actions if a["func"] == "addSheet"]
    assert {"Lỗi dữ liệu", "KQ Tập thể", "KQ Cá nhân", "Đề nghị khen thưởng", "Tổng quan", "Nhật ký"} <= set(
        added
    )


@needs_key
def test_main_in_pyodide_under_node_acts_as_cpython_with_the_cpython_validated_dataset_where_pandas_is_missing(
    cpython_run, tmp_path: Path
) -> None:
    node = shutil.which("node")
    if node is None:
        pytest.skip(
            "Node.js is not installed (.ci/lite_setup installs it where apt-get can): Pyodide cannot run"
        )
    pyodide, wheels = _pyodide_setup()
    folder, book, _, _, _ = cpython_run
    here = tmp_path / "pyodide"
    shutil.copytree(
        folder, here, ignore=shutil.ignore_patterns("actions.json", "report.json", "parcom_excel-*")
    )
    start = datetime.now().replace(microsecond=0)
    done = subprocess.run(
        [node, str(RUNNER), str(pyodide), str(wheels), str(here)],
        capture_output=True,
        text=True,
        timeout=300,
        env={**os.environ},
    )
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-3000:]
    theirs, report = _results(here)
    assert report["platform"] == "emscripten" and report["python"].startswith("3.")
    assert ".zip/" in report["parcom_from"]
    if report["validation_fed_from_cpython"]:
        assert report["pandas"] is False
        print(SUBSTITUTION)
        warnings.warn(SUBSTITUTION, stacklevel=1)
    ours_when, theirs_when = _when(book["actions"]), _when(theirs["actions"])
    assert start <= theirs_when <= datetime.now()
    assert len(theirs["actions"]) == len(book["actions"])
    assert _without_time(theirs["actions"], theirs_when) == _without_time(book["actions"], ours_when)


def _pyodide_setup() -> tuple[Path, Path]:
    """The npm pyodide package and its wheels; set up here (as .ci/run does) when missing."""
    pyodide = CACHE / "node" / "node_modules" / "pyodide"
    marker = CACHE / "lite-wheels-dir"
    if not (pyodide / "pyodide.mjs").is_file() or not marker.is_file():
        done = subprocess.run(
            ["bash", str(ROOT / ".ci" / "lite_setup"), sys.executable],
            capture_output=True,
            text=True,
            timeout=600,
            env={**os.environ, "PARCOM_CI_CACHE": str(CACHE)},
        )
        if not (pyodide / "pyodide.mjs").is_file() or not marker.is_file():
            pytest.skip("Pyodide could not be set up: " + " ".join(done.stderr.split())[-300:])
    return pyodide, Path(marker.read_text().strip())


# ---------------------------------------------------------------- the builder


def test_build_writes_main_py_carrying_the_package_and_the_requirements(tmp_path: Path) -> None:
    main, requirements = lite.build(tmp_path / "lite")
    assert [main.name, requirements.name] == ["main.py", "requirements.txt"]
    source = main.read_text("utf-8")
    compile(source, str(main), "exec")
    assert "@script(" in source and f"def {lite.SCRIPT}(book: xw.Book):" in source
    chunks = re.search(r"PARCOM_ZIP = \(\n(.*?)\n\)", source, re.S).group(1)
    data = base64.b64decode("".join(re.findall(r'"([^"]*)"', chunks)))
    assert hashlib.sha256(data).hexdigest() in source
    assert data == lite.package_zip()  # deterministic: the same code gives the same main.py
    with zipfile.ZipFile(__import__("io").BytesIO(data)) as package:
        names = set(package.namelist())
    shipped = {
        "parcom_excel/" + p.relative_to(ROOT / "parcom_excel").as_posix()
        for p in (ROOT / "parcom_excel").rglob("*.py")
        if "__pycache__" not in p.parts
    }
    assert {n for n in shipped if not n.startswith("parcom_excel/cli/")} == names
    assert "parcom_excel/lite.py" in names and not any(n.startswith("parcom_excel/cli/") for n in names)
    lines = requirements.read_text("utf-8").splitlines()
    assert "xlwings==0.37.8" in lines and any(line.startswith("pandera") for line in lines)
    assert any(line.startswith("docxtpl") for line in lines)
    assert not any(line.startswith(("click", "python-calamine", "XlsxWriter", "parcom")) for line in lines)


def test_build_into_an_unwritable_place_is_one_sentence(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("x")
    with pytest.raises(lite.ParcomError) as caught:
        lite.build(blocker / "lite")
    assert str(blocker) in caught.value.message("vi") and "\n" not in caught.value.message("vi")


# ---------------------------------------------------------------- the script in-process


def _with_setting(data: dict[str, Any], label: str, value: str) -> dict[str, Any]:
    for sheet in data["sheets"]:
        for row in sheet["values"]:
            for i, cell in enumerate(row[:-1]):
                if cell == label:
                    row[i + 1] = value
                    return data
    raise AssertionError(f"{label} not in the sample")


@needs_key
def test_dossier_goes_to_data_as_one_zip_for_download(tmp_path: Path) -> None:
    book = remote_book(_with_setting(payload(SAMPLE), "Soạn hồ sơ khi bấm Đánh giá", "Có"))
    text = lite.evaluate(book, data_dir=tmp_path)
    target = tmp_path / "parcom_sample_ho_so.zip"
    assert target.is_file() and [p.name for p in tmp_path.iterdir()] == [target.name]  # no temp left
    with zipfile.ZipFile(target) as package:
        names = package.namelist()
        for name in names:
            with zipfile.ZipFile(package.open(name)) as document:
                assert "word/document.xml" in document.namelist()
    assert names and all(name.endswith(".docx") for name in names)
    assert f"Đã soạn {len(names)} văn bản của hồ sơ, gói trong tệp {target}" in text
    assert all(f"- {name}" in text for name in names)
    alert = [a["args"][0] for a in book.json()["actions"] if a["func"] == "alert"]
    assert alert == [text]


@needs_key
def test_dossier_without_data_folder_or_packages_is_skipped_in_one_sentence(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    data = _with_setting(payload(SAMPLE), "Soạn hồ sơ khi bấm Đánh giá", "Có")
    text = lite.evaluate(remote_book(json.loads(json.dumps(data))), data_dir=tmp_path / "data")
    assert text.splitlines()[-1] == (
        f"Không soạn hồ sơ vì không có thư mục {tmp_path / 'data'} để ghi tệp tải về "
        "(thư mục này chỉ có trong xlwings Lite)."
    )
    monkeypatch.setitem(sys.modules, "docxtpl", None)  # as in a Pyodide that could not install it
    text = lite.evaluate(remote_book(data), data_dir=tmp_path)
    assert text.splitlines()[-1].startswith(
        "Không soạn hồ sơ vì Python của xlwings Lite chưa cài được gói docxtpl"
    )
    assert list(tmp_path.iterdir()) == []


@needs_key
def test_dossier_off_writes_nothing_and_says_nothing_of_it(tmp_path: Path) -> None:
    text = lite.evaluate(remote_book(payload(SAMPLE)), data_dir=tmp_path)
    assert "hồ sơ" not in text and list(tmp_path.iterdir()) == []


@needs_key
def test_a_book_that_cannot_be_used_is_one_sentence_and_no_sheet(tmp_path: Path) -> None:
    import openpyxl

    path = tmp_path / "khac.xlsx"
    other = openpyxl.Workbook()
    other.active["A1"] = "không phải sổ theo dõi"
    other.save(path)
    book = remote_book(payload(path))
    text = lite.evaluate(book, data_dir=tmp_path)
    actions = book.json()["actions"]
    assert [a["args"][3] for a in actions if a["func"] == "alert"] == ["critical"]
    assert "\n" not in text and "Traceback" not in text and "khac.xlsx" in text
    assert not [a for a in actions if a["func"] in ("addSheet", "setValues")]


# ---------------------------------------------------------------- main.py inside a workbook


def test_embed_writes_main_py_and_requirements_where_lite_keeps_them(tmp_path: Path) -> None:
    from lxml import etree
    from python_calamine import CalamineWorkbook

    from parcom_excel.template import build_template

    book = build_template(tmp_path / "mau_lite.xlsx")
    before = CalamineWorkbook.from_path(str(book)).sheet_names
    with zipfile.ZipFile(book) as original:
        kept = {info.filename: original.read(info) for info in original.infolist()}
    lite.embed(book)
    with zipfile.ZipFile(book) as package:
        root = etree.fromstring(package.read("xl/webextensions/webextension1.xml"))
        panes = etree.fromstring(package.read("xl/webextensions/taskpanes.xml"))
        rels = package.read("_rels/.rels").decode()
        types = package.read("[Content_Types].xml").decode()
        unchanged = {
            name: package.read(name) for name in kept if name not in ("_rels/.rels", "[Content_Types].xml")
        }
    ns = {"we": lite.NS_WE}
    props = {p.get("name"): json.loads(p.get("value")) for p in root.findall("we:properties/we:property", ns)}
    assert props == {"main.py": lite.main_source(), "requirements.txt": "\n".join(lite.requirements()) + "\n"}
    assert root.find("we:reference", ns).get("id") == "WA200008175"
    assert panes[0].get("visibility") == "1"  # the task pane opens with the workbook
    assert 'Target="xl/webextensions/taskpanes.xml"' in rels and lite.CT_WEBEXTENSION in types
    assert unchanged == {n: d for n, d in kept.items() if n in unchanged}  # every other part as it was
    assert CalamineWorkbook.from_path(str(book)).sheet_names == before
    validator = ROOT.parent / "shared" / "tools" / "ooxml" / "validate"
    if validator.is_file():
        done = subprocess.run([str(validator), str(book)], capture_output=True, text=True, timeout=300)
        assert done.returncode == 0 and " 0 error(s)" in done.stdout, done.stdout + done.stderr
    with pytest.raises(lite.ParcomError) as caught:  # a second time: the add-in parts are there
        lite.embed(book)
    assert caught.value.code == "lite_has_addins"


# ---------------------------------------------------------------- the commands


def test_lite_build_and_init_lite_from_the_command_line(tmp_path: Path) -> None:
    from tests.workbooks import run_cli

    done = run_cli("lite", "build", tmp_path / "lite", cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    main = tmp_path / "lite" / "main.py"
    assert done.stdout.strip() == (
        f"Đã ghi {main} và {tmp_path / 'lite' / 'requirements.txt'} cho xlwings Lite (parcom-excel 0.1.0)."
    )
    assert main.read_text("utf-8") == lite.main_source()
    book = tmp_path / "mau.xlsx"
    done = run_cli("init", book, "--lite", cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    with zipfile.ZipFile(book) as package:
        assert lite.WEBEXTENSION in package.namelist()
    assert (
        done.stdout.strip()
        .splitlines()[-1]
        .startswith(f"Đã ghi main.py và requirements.txt của xlwings Lite vào {book}")
    )
    refused = run_cli("lite", "build", book, cwd=tmp_path)
    assert refused.returncode == 2 and refused.stdout == ""
    assert refused.stderr.strip() == (
        f"{book} là một tệp chứ không phải thư mục: hãy chọn một thư mục (chưa có thì chương trình tạo) để ghi vào."
    )
