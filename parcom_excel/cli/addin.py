"""`parcom addin build|install`: the Excel add-in."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from ..addin import ADDIN_FILE
from ..problems import EXIT_OK
from .app import guarded
from .options import lang_option


@click.group("addin")
def command() -> None:
    """Build or install the Excel add-in (ribbon tab "Thi đua CCHC", button "Đánh giá")."""


@command.command("build")
@click.option(
    "--out",
    "out",
    type=click.Path(path_type=Path, readable=False),
    default=Path("workbook") / ADDIN_FILE,
    show_default=True,
    help=f"File to write (must be named {ADDIN_FILE}) or a folder.",
)
@click.option("--interpreter-win", default="", help="python.exe for Windows (blank: python on the PATH).")
@click.option("--interpreter-mac", default="", help="Python for macOS (blank: python on the PATH).")
@lang_option
@guarded
def build_command(out: Path, interpreter_win: str, interpreter_mac: str, lang: str) -> int:
    """Build the add-in from xlwings' ribbon template."""
    from ..addin import build, xlwings_version
    from ..i18n import render

    path = build(out, interpreter_win=interpreter_win, interpreter_mac=interpreter_mac)
    click.echo(render("addin_built", lang, file=str(path), version=xlwings_version()))
    return EXIT_OK


@command.command("install")
@click.option(
    "--folder",
    type=click.Path(path_type=Path, file_okay=False, readable=False),
    default=None,
    help="Install into this folder instead of Excel's start-up folder (XLSTART).",
)
@lang_option
@guarded
def install_command(folder: Path | None, lang: str) -> int:
    """Install the add-in into XLSTART, set to run this Python."""
    from ..addin import install
    from ..i18n import render

    path = install(folder)
    click.echo(render("addin_installed", lang, file=str(path), interpreter=sys.executable))
    return EXIT_OK


@command.command("bundle")
@click.option("--platform", default="win_amd64", show_default=True, help="Platform of the target PC.")
@click.option(
    "--python", "python", default="3.11", show_default=True, help="Python version of the target PC."
)
@click.option(
    "-o", "--out", "out", type=click.Path(path_type=Path, readable=False), required=True, help="Folder."
)
@lang_option
@guarded
def bundle_command(platform: str, python: str, out: Path, lang: str) -> int:
    """Write a folder that installs the add-in on a PC without internet (wheels, add-in, cai_dat.bat)."""
    from ..bundle import bundle

    click.echo(bundle(out, platform, python).summary(lang))
    return EXIT_OK
