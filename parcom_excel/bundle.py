"""The classic add-in for a PC without internet: one folder an IT person copies over.

`bundle(DIR, "win_amd64")` writes:

- `wheels/`: parcom-excel's own wheel and a wheel of every package it needs on the target, with
  all its features (`parcom-excel[all]`), from `pip download --only-binary=:all:`;
- `requirements.txt`: what `cai_dat.bat` installs from there;
- `parcom_excel.xlam`: the add-in (as `parcom addin build` makes it), to copy by hand if need be;
- `cai_dat.bat`: creates the venv `%USERPROFILE%\\parcom` with Python 3.11, installs with
  `--no-index --find-links wheels`, and runs `parcom addin install`.

pip evaluates environment markers for the machine it runs on, never for `--platform`: a package
only Windows needs (xlwings requires pywin32 there) would be missing. So the wheels' own metadata is
read back and every requirement is judged with the target's markers; what is missing is downloaded
too, until nothing is. Every file is written with `io.safety.atomic_write`; the wheels are gathered
in a scratch folder inside DIR and moved in once all are there.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
import zipfile
from dataclasses import dataclass, field
from email.parser import Parser
from pathlib import Path

from . import __version__
from .i18n import render
from .problems import ParcomError

ADDIN, SCRIPT, REQUIREMENTS, WHEELS = "parcom_excel.xlam", "cai_dat.bat", "requirements.txt", "wheels"
ROOT_REQUIREMENT = "parcom-excel[all]"
PYTHON = "3.11"  # the Python the README's set-up installs on Windows
VENV = r"%USERPROFILE%\parcom"  # where the README's set-up puts it
MAX_ROUNDS = 6  # downloads of missing requirements before giving up (each round is one pip call)

# The marker values of a 64-bit Windows Python (PEP 508): what pip would see on the target.
WINDOWS = {
    "os_name": "nt",
    "sys_platform": "win32",
    "platform_system": "Windows",
    "platform_machine": "AMD64",
    "platform_release": "10",
    "platform_version": "10.0.19045",
    "platform_python_implementation": "CPython",
    "implementation_name": "cpython",
}
TARGETS = {"win_amd64": WINDOWS, "win32": {**WINDOWS, "platform_machine": "x86"}}
EXPLICIT = {"win_amd64": ["pywin32"], "win32": ["pywin32"]}  # xlwings' Windows-only requirement


@dataclass
class Bundle:
    folder: Path
    platform: str
    python: str
    wheels: list[Path] = field(default_factory=list)

    def summary(self, lang: str) -> str:
        return render(
            "bundle.written",
            lang,
            folder=self.folder,
            count=len(self.wheels),
            platform=self.platform,
            python=self.python,
            script=SCRIPT,
            addin=ADDIN,
        )


def source_root() -> Path:
    """The source checkout parcom-excel's wheel is built from."""
    root = Path(__file__).resolve().parent.parent
    if not (root / "pyproject.toml").is_file():
        raise ParcomError("bundle_no_source", folder=str(root))
    return root


def environment(platform: str | None, python: str) -> dict[str, str]:
    """The PEP 508 marker values of the target: a known platform's, or this machine's."""
    from packaging.markers import default_environment

    env = dict(default_environment())
    env |= TARGETS.get(platform or "", {})
    full = python if python.count(".") >= 2 else f"{python}.0"
    env |= {"python_version": ".".join(python.split(".")[:2]), "python_full_version": full}
    env["implementation_version"] = full
    return env


def bundle(out: Path, platform: str | None = "win_amd64", python: str | None = None) -> Bundle:
    """Write the offline bundle into the folder `out`; `platform=None` means this machine's."""
    out = Path(out)
    if platform is not None and platform not in TARGETS:
        raise ParcomError("bundle_platform", platform=platform, known=", ".join(sorted(TARGETS)))
    python = python or (PYTHON if platform else f"{sys.version_info[0]}.{sys.version_info[1]}")
    root = source_root()
    if out.exists() and not out.is_dir():
        raise ParcomError("out_not_folder", file=str(out))
    try:
        out.mkdir(parents=True, exist_ok=True)
        scratch = Path(tempfile.mkdtemp(prefix=".parcom-bundle-", dir=out))
    except OSError as exc:
        raise ParcomError("not_writable", file=str(out), detail=exc.strerror or str(exc)) from exc
    try:
        source = scratch / "source"  # a copy: building in the checkout would leave build/ there
        shutil.copytree(
            root / "parcom_excel", source / "parcom_excel", ignore=shutil.ignore_patterns("__pycache__")
        )
        for name in ("pyproject.toml", "README.md"):
            shutil.copy2(root / name, source / name)
        _pip(["wheel", "--no-deps", "-q", "-w", str(scratch / "own"), str(source)], out)
        own = next((scratch / "own").glob("*.whl"))
        roots = [f"{own}[all]", *EXPLICIT.get(platform or "", [])]
        download = scratch / WHEELS
        _download(roots, download, platform, python, out, links=own.parent)
        env = environment(platform, python)
        for _ in range(MAX_ROUNDS):
            missing = missing_requirements(
                download, [ROOT_REQUIREMENT, *EXPLICIT.get(platform or "", [])], env
            )
            if not missing:
                break
            _download(missing, download, platform, python, out, links=own.parent)
        else:
            raise ParcomError("bundle_incomplete", missing=", ".join(missing), platform=platform or "")
        _write_set(out, download, platform, python)
        result = Bundle(out, platform or "", python, sorted((out / WHEELS).glob("*.whl")))
    finally:
        shutil.rmtree(scratch, ignore_errors=True)
    return result


def _pip(args: list[str], out: Path) -> None:
    done = subprocess.run(
        [sys.executable, "-m", "pip", *args], capture_output=True, text=True, env={**os.environ}
    )
    if done.returncode != 0:
        lines = [line for line in done.stderr.splitlines() if line.strip() and "is ignored" not in line]
        detail = (lines[-1] if lines else f"pip {args[0]}: {done.returncode}").strip()
        raise ParcomError("bundle_pip_failed", folder=str(out), detail=detail[:300])


def _download(
    requirements: list[str], dest: Path, platform: str | None, python: str, out: Path, links: Path
) -> None:
    args = ["download", "-q", "--only-binary=:all:", "-d", str(dest), "--find-links", str(links)]
    if platform is not None:
        nodot = python.replace(".", "")[:3]
        args += ["--platform", platform, "--python-version", python, "--implementation", "cp"]
        args += ["--abi", f"cp{nodot}", "--abi", "abi3", "--abi", "none"]
    _pip(args + requirements, out)


def wheel_metadata(folder: Path) -> dict[str, tuple[str, list[str]]]:
    """Canonical name -> (version, Requires-Dist lines) of every wheel in `folder`."""
    from packaging.utils import canonicalize_name

    found = {}
    for wheel in sorted(folder.glob("*.whl")):
        with zipfile.ZipFile(wheel) as archive:
            name = next(n for n in archive.namelist() if n.endswith(".dist-info/METADATA"))
            meta = Parser().parsestr(archive.read(name).decode("utf-8"))
        found[canonicalize_name(meta["Name"])] = (meta["Version"], meta.get_all("Requires-Dist") or [])
    return found


def missing_requirements(folder: Path, roots: list[str], env: dict[str, str]) -> list[str]:
    """Requirements (judged with the target's markers) that no wheel in `folder` satisfies."""
    from packaging.requirements import Requirement
    from packaging.utils import canonicalize_name

    wheels = wheel_metadata(folder)
    queue, seen, missing = [Requirement(r) for r in roots], set(), []
    while queue:
        req = queue.pop()
        name = canonicalize_name(req.name)
        if (name, str(req.specifier), frozenset(req.extras)) in seen:
            continue
        seen.add((name, str(req.specifier), frozenset(req.extras)))
        if name not in wheels or not req.specifier.contains(wheels[name][0], prereleases=True):
            missing.append(str(Requirement(f"{req.name}{req.specifier}")))
            continue
        for line in wheels[name][1]:
            sub = Requirement(line)
            extras = req.extras or {""}
            if sub.marker is None or any(sub.marker.evaluate({**env, "extra": e}) for e in extras):
                queue.append(sub)
    return sorted(set(missing))


def _write_set(out: Path, download: Path, platform: str | None, python: str) -> None:
    """The wheels, the add-in, requirements.txt and cai_dat.bat as one unit (io.safety.write_set):
    a kill or a failure leaves the previous bundle whole, never a mix of two bundles' wheels."""
    from . import addin
    from .io.safety import write_set

    def wheels(folder: Path) -> None:
        folder.mkdir()
        for wheel in sorted(download.glob("*.whl")):
            shutil.move(wheel, folder / wheel.name)

    lines = [ROOT_REQUIREMENT, *EXPLICIT.get(platform or "", [])]
    files = {
        WHEELS: wheels,
        ADDIN: addin.build_bytes(),
        REQUIREMENTS: ("\n".join(lines) + "\n").encode("utf-8"),
        SCRIPT: install_script(python).replace("\n", "\r\n").encode("ascii"),
    }
    write_set(out, files)


def install_script(python: str = PYTHON) -> str:
    """cai_dat.bat: plain ASCII (cmd reads a .bat in the console's code page), no parenthesised
    blocks, the sentences of the catalog without diacritics."""

    def say(key: str, **fields: str) -> str:
        from .button import ascii_fold

        text = ascii_fold(render(key, "vi", **fields))
        for char in "^&|<>%":
            text = text.replace(char, "%%" if char == "%" else "^" + char)
        return "echo " + text.replace("\x1f", "%VENV%")  # the folder itself, expanded by cmd

    lines = [
        "@echo off",
        f"rem parcom-excel {__version__}: offline install of the Evaluate button (parcom addin bundle).",
        "setlocal",
        'set "HERE=%~dp0"',
        f'set "VENV={VENV}"',
        f'set "PY=py -{python}"',
        'where py >nul 2>nul || set "PY=python"',
        say("bundle.bat_venv", python=python, venv="\x1f"),
        '%PY% -m venv "%VENV%"',
        "if errorlevel 1 goto no_python",
        say("bundle.bat_install"),
        '"%VENV%\\Scripts\\python.exe" -m pip install --no-index --find-links "%HERE%wheels" '
        '-r "%HERE%requirements.txt"',
        "if errorlevel 1 goto failed",
        '"%VENV%\\Scripts\\parcom.exe" addin install',
        "if errorlevel 1 goto failed",
        say("bundle.bat_done"),
        "pause",
        "exit /b 0",
        ":no_python",
        say("bundle.bat_no_python", python=python),
        "pause",
        "exit /b 1",
        ":failed",
        say("bundle.bat_failed", python=python),
        "pause",
        "exit /b 1",
    ]
    return "\n".join(lines) + "\n"
