"""`parcom lite build OUT`: main.py and requirements.txt for xlwings Lite."""

from __future__ import annotations

from pathlib import Path

import click

from ..problems import EXIT_OK
from .app import guarded
from .options import lang_option


@click.group("lite")
def command() -> None:
    """The Evaluate button for xlwings Lite (Python inside Excel, nothing to install on the PC)."""


@command.command("build")
@click.argument("out", type=click.Path(path_type=Path, readable=False))
@lang_option
@guarded
def build_command(out: Path, lang: str) -> int:
    """Write main.py (the package embedded) and requirements.txt into the folder OUT."""
    from .. import __version__
    from ..i18n import render
    from ..lite import build

    main, requirements = build(out)
    click.echo(render("lite.built", lang, main=main, requirements=requirements, version=__version__))
    return EXIT_OK
