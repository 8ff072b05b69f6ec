"""The offline bundle of the classic add-in: a folder that installs with no index at all.

Two facts are checked on real downloads from PyPI: a bundle made for this machine installs here
with `pip install --no-index` (pip's own configuration switched off, so no other folder of wheels
helps) and the installed `parcom` evaluates the sample; and the Windows bundle holds a wheel for
every requirement as a 64-bit Windows Python 3.11 judges them (markers read from each wheel's own
metadata here, independently of the bundler's own check).
"""

from __future__ import annotations

import os
import subprocess
import sys
import zipfile
from email.parser import Parser
from pathlib import Path

import pytest
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name, parse_wheel_filename

from parcom_excel import addin, bundle
from parcom_excel.problems import ParcomError

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "workbook" / "parcom_sample.xlsx"
WINDOWS_311 = {
    "os_name": "nt",
    "sys_platform": "win32",
    "platform_system": "Windows",
    "platform_machine": "AMD64",
    "python_version": "3.11",
    "python_full_version": "3.11.9",
    "implementation_name": "cpython",
    "platform_python_implementation": "CPython",
}


@pytest.fixture(scope="module")
def windows(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("bundle_win") / "parcom_offline"
    bundle.bundle(out, "win_amd64")
    return out


def _metadata(wheel: Path) -> tuple[str, str, list[str]]:
    with zipfile.ZipFile(wheel) as archive:
        name = next(n for n in archive.namelist() if n.endswith(".dist-info/METADATA"))
        meta = Parser().parsestr(archive.read(name).decode("utf-8"))
    return meta["Name"], meta["Version"], meta.get_all("Requires-Dist") or []


def test_windows_bundle_holds_a_wheel_for_every_requirement(windows: Path) -> None:
    wheels = {}
    for wheel in (windows / "wheels").glob("*.whl"):
        name, version, requires = _metadata(wheel)
        wheels[canonicalize_name(name)] = (version, requires)
        tags = {str(tag) for tag in parse_wheel_filename(wheel.name)[3]}
        assert any(t.endswith(("-none-any", "-win_amd64")) for t in tags), wheel.name
        assert any(t.startswith(("cp311-", "py3-", "py2.py3-", "cp3", "py3")) for t in tags), wheel.name
    unmet, todo, done = [], [Requirement("parcom-excel[all]")], set()
    while todo:
        req = todo.pop()
        key = (canonicalize_name(req.name), str(req), frozenset(req.extras))
        if key in done:
            continue
        done.add(key)
        have = wheels.get(canonicalize_name(req.name))
        if have is None or have[0] not in req.specifier:
            unmet.append(str(req))
            continue
        for line in have[1]:
            sub = Requirement(line)
            if sub.marker is None or any(
                sub.marker.evaluate({**WINDOWS_311, "extra": extra}) for extra in (req.extras or {""})
            ):
                todo.append(sub)
    assert unmet == []
    # what a Linux pip would not have fetched: Windows-only requirements
    assert {"pywin32", "xlwings", "pandas", "lxml", "click", "docxtpl"} <= set(wheels)
    assert (windows / "requirements.txt").read_text().split() == ["parcom-excel[all]", "pywin32"]
    for name in addin.ADDIN_FILES:  # the Evaluate add-in and each step button's file
        assert (windows / name).read_bytes() == addin.build_bytes(name)
    assert not [p for p in windows.iterdir() if p.name.startswith(".")]  # no scratch left


def test_cai_dat_bat_creates_the_venv_installs_offline_and_installs_the_addin(windows: Path) -> None:
    data = (windows / "cai_dat.bat").read_bytes()
    assert data.isascii() and data.count(b"\r\n") == data.count(b"\n")  # cmd reads it in any code page
    lines = data.decode().splitlines()
    venv = lines.index('%PY% -m venv "%VENV%"')
    install = next(i for i, line in enumerate(lines) if "pip install --no-index --find-links" in line)
    addin_line = lines.index('"%VENV%\\Scripts\\parcom.exe" addin install')
    assert venv < install < addin_line
    assert lines[venv + 1] == "if errorlevel 1 goto no_python"
    assert lines[install + 1] == lines[addin_line + 1] == "if errorlevel 1 goto failed"
    assert 'set "PY=py -3.11"' in lines and 'set "VENV=%USERPROFILE%\\parcom"' in lines
    assert '"%HERE%wheels"' in lines[install] and '-r "%HERE%requirements.txt"' in lines[install]
    assert "echo Dang tao moi truong Python 3.11 tai %VENV% ..." in lines


def test_a_bundle_for_this_machine_installs_offline_here(tmp_path: Path) -> None:
    out = tmp_path / "offline"
    made = bundle.bundle(out, None)
    assert made.python == f"{sys.version_info[0]}.{sys.version_info[1]}"
    venv = tmp_path / "venv"
    # no pip of its own (ensurepip would cost seconds): this pip installs into it (--python)
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(venv)], check=True, timeout=300)
    python = venv / "bin" / "python"
    env = {k: v for k, v in os.environ.items() if not k.startswith("PIP_")}
    env |= {"PIP_CONFIG_FILE": os.devnull, "PIP_NO_INDEX": "1", "PIP_DISABLE_PIP_VERSION_CHECK": "1"}
    install = ["install", "-q", "--no-compile", "--no-index", "--find-links", str(out / "wheels")]
    done = subprocess.run(
        [sys.executable, "-m", "pip", "--python", str(python), *install, "-r", str(out / "requirements.txt")],
        capture_output=True,
        text=True,
        env=env,
        timeout=600,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    result = tmp_path / "ket_qua.xlsx"
    ran = subprocess.run(
        [str(venv / "bin" / "parcom"), "evaluate", str(SAMPLE), "-o", str(result)],
        capture_output=True,
        text=True,
        env=env,
        cwd=tmp_path,
        timeout=300,
    )
    assert ran.returncode == 0, ran.stdout + ran.stderr
    assert result.is_file() and zipfile.is_zipfile(result)
    imported = subprocess.run(
        [str(python), "-c", "import parcom_excel, xlwings, docxtpl, click; print(parcom_excel.__file__)"],
        capture_output=True,
        text=True,
        env=env,
        cwd=tmp_path,
        timeout=120,
    )
    assert imported.returncode == 0 and str(venv) in imported.stdout, imported.stderr


def test_an_unknown_platform_is_one_sentence(tmp_path: Path) -> None:
    with pytest.raises(ParcomError) as caught:
        bundle.bundle(tmp_path / "x", "win_arm64")
    text = caught.value.message("vi")
    assert text == "Không đóng gói được cho nền tảng win_arm64: hãy chọn một trong win32, win_amd64."
    assert not (tmp_path / "x").exists()


def test_a_target_pip_cannot_serve_is_one_sentence_and_leaves_no_scratch(tmp_path: Path) -> None:
    out = tmp_path / "x"
    with pytest.raises(ParcomError) as caught:
        bundle.bundle(out, "win_amd64", python="2.7")
    text = caught.value.message("vi")
    assert text.startswith(f"pip không tải được gói cài vào {out} (") and "\n" not in text
    assert list(out.iterdir()) == []


def test_bundle_command_refuses_a_file_as_its_folder(tmp_path: Path) -> None:
    from tests.workbooks import run_cli

    target = tmp_path / "ban_sao.txt"
    target.write_text("x")
    done = run_cli("addin", "bundle", "-o", target, cwd=tmp_path)
    assert done.returncode == 2 and "Traceback" not in done.stderr
    assert done.stderr.strip() == (
        f"{target} là một tệp chứ không phải thư mục: hãy chọn một thư mục (chưa có thì chương trình tạo) để ghi vào."
    )
    assert target.read_text() == "x"
