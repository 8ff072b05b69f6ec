"""`parcom init PATH`: the standard template, empty or with the sample department."""

from __future__ import annotations

from pathlib import Path

import click

from ..problems import EXIT_OK
from .app import guarded
from .options import lang_option


@click.command("init")
@click.argument("path", type=click.Path(path_type=Path, readable=False))
@click.option("--sample", is_flag=True, help="Fill the template with realistic sample data.")
@click.option("--force", is_flag=True, help="Overwrite the file if it exists.")
@click.option("--lite", is_flag=True, help="Carry xlwings Lite's main.py and requirements.txt.")
@lang_option
@guarded
def command(path: Path, sample: bool, force: bool, lite: bool, lang: str) -> int:
    """Write the standard template workbook to PATH (.xlsx)."""
    from ..i18n import render
    from ..template import write_template

    data = None
    if sample:
        from ..sample import make_sample

        data = make_sample()
    written = write_template(path, lang=lang, sample=data, force=force)
    if data is None:
        click.echo(render("tpl.written", lang, file=written))
    else:
        facts = {"units": len(data.rows("units")), "staff": len(data.rows("staff"))}
        click.echo(render("tpl.written_sample", lang, file=written, **facts))
    if lite:
        from ..lite import embed

        embed(written)
        click.echo(render("lite.embedded", lang, file=written))
    return EXIT_OK
