"""xlwings is an extra for the Excel button only: the CLI and batch run without it."""

from __future__ import annotations

import subprocess
import sys

from tests.workbooks import ROOT


def _python(code: str) -> subprocess.CompletedProcess[str]:
    # sys.modules["xlwings"] = None makes every import of xlwings fail, as on a server without it
    prelude = "import sys; sys.modules['xlwings'] = None\n"
    return subprocess.run(
        [sys.executable, "-c", prelude + code], cwd=ROOT, capture_output=True, text=True, timeout=120
    )


def test_evaluate_and_batch_run_without_xlwings(tmp_path):
    out = tmp_path / "out.xlsx"
    done = _python(
        "from parcom_excel.cli import main\n"
        "import parcom_excel.batch\n"
        f"sys.argv = ['parcom', 'evaluate', 'workbook/parcom_sample.xlsx', '-o', {str(out)!r}]\n"
        "main()\n"
    )
    assert done.returncode == 0, done.stdout + done.stderr
    assert out.is_file()


def test_addin_build_without_xlwings_says_how_to_install_it(tmp_path):
    done = _python(
        f"sys.argv = ['parcom', 'addin', 'build', '--out', {str(tmp_path / 'parcom_excel.xlam')!r}]\n"
        "from parcom_excel.cli import main\nmain()\n"
    )
    assert done.returncode == 2, done.stdout + done.stderr
    text = done.stdout + done.stderr
    assert 'pip install "parcom-excel[excel]"' in text and "Traceback" not in text
    assert len(text.strip().splitlines()) == 1


def test_parcom_with_the_core_alone_says_which_extra_to_install():
    """The core installs without click (the Lite button needs none): `parcom` then says one
    sentence naming the extra, never a traceback (sys.modules['click'] = None stands for its absence)."""
    done = subprocess.run(
        [
            sys.executable,
            "-c",
            "import sys; sys.modules['click'] = None\nfrom parcom_excel.cli import main\nmain()",
        ],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 2
    assert "Traceback" not in done.stderr and len(done.stderr.strip().splitlines()) == 1
    assert 'pip install "parcom-excel[all]"' in done.stderr and "click" in done.stderr
