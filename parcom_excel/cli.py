"""The `parcom` command line: a click group whose commands live in their own modules.

Commands are imported only when run, so `parcom --help` stays fast. Every command reports a
file it cannot use as one sentence and exit code 2; data errors give exit code 1.
"""

from __future__ import annotations

import functools
import importlib
import io
import os
import sys
from collections.abc import Callable
from typing import Any

import click

from . import __version__

EXIT_OK, EXIT_DATA, EXIT_UNUSABLE = 0, 1, 2


# command name -> (module, attribute, one-line help)
COMMANDS: dict[str, tuple[str, str, str]] = {
    "init": ("parcom_excel.template", "init_command", "Write the standard template (and sample data)."),
    "validate": ("parcom_excel.commands", "validate_command", "Check a workbook and list its data problems."),
    "evaluate": (
        "parcom_excel.commands",
        "evaluate_command",
        "Evaluate a workbook and write the results into it.",
    ),
    "documents": (
        "parcom_excel.documents.command",
        "documents_command",
        "Draft the dossier's Word documents from a workbook's evaluation.",
    ),
    "batch": ("parcom_excel.batch", "batch_command", "Evaluate every workbook of a folder."),
    "merge": ("parcom_excel.merge", "merge_command", "Merge the units' workbooks into one master workbook."),
    "addin": ("parcom_excel.addin", "addin_group", "Build or install the Excel add-in."),
}


class LazyGroup(click.Group):
    def list_commands(self, ctx: click.Context) -> list[str]:
        return list(COMMANDS)

    def get_command(self, ctx: click.Context, name: str) -> click.Command | None:
        if name not in COMMANDS:
            return None
        module, attr, _ = COMMANDS[name]
        return getattr(importlib.import_module(module), attr)

    def format_commands(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        rows = [(name, help_) for name, (_, _, help_) in COMMANDS.items()]
        with formatter.section("Commands"):
            formatter.write_dl(rows)


def echo_err(message: str) -> None:
    click.echo(message, err=True)


def guarded(func: Callable[..., int | None]) -> Callable[..., None]:
    """Run a command body: one sentence and exit code 2 for anything unusable, never a traceback."""

    @functools.wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> None:
        from .problems import ParcomError

        lang = kwargs.get("lang") or "vi"
        try:
            code = func(*args, **kwargs)
        except ParcomError as exc:
            echo_err(exc.message(lang))
            sys.exit(EXIT_UNUSABLE)
        except KeyboardInterrupt:
            echo_err("Đã dừng theo yêu cầu." if lang == "vi" else "Stopped on request.")
            sys.exit(EXIT_UNUSABLE)
        except Exception as exc:  # the last net: one sentence, the user's file untouched
            if os.environ.get("PARCOM_DEBUG"):
                raise
            from .messages import render

            target = next((str(v) for v in args if v), None) or next(
                (str(v) for k, v in kwargs.items() if k in ("book", "path", "folder") and v), "?"
            )
            echo_err(render("unexpected", lang, file=target, detail=f"{type(exc).__name__}: {exc}"))
            sys.exit(EXIT_UNUSABLE)
        sys.exit(code or EXIT_OK)

    return wrapper


lang_option = click.option(
    "--lang",
    type=click.Choice(["vi", "en"]),
    default="vi",
    show_default=True,
    help="Language of messages and written sheets.",
)


@click.group(cls=LazyGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="parcom")
def cli() -> None:
    """parcom: evaluate the CCHC emulation movement from its Excel workbook."""


class _PipeSafe(io.RawIOBase):
    """A standard stream whose reader may go away (`parcom … | head`): what is left to say is
    dropped, and the command goes on to its real end and exit code. (Otherwise the first write
    after the reader left raised BrokenPipeError, and the last-resort message then claimed the
    file was untouched, after the results had been written.)"""

    def __init__(self, raw: Any) -> None:
        super().__init__()
        self.raw, self.gone = raw, False  # the stream's own raw layer (a Windows console stays one)

    def writable(self) -> bool:
        return True

    def fileno(self) -> int:
        return self.raw.fileno()

    def isatty(self) -> bool:
        return self.raw.isatty()

    def write(self, data: Any) -> int:
        view = memoryview(data)
        try:
            while view and not self.gone:
                written = self.raw.write(view)
                view = view[written or len(view) :]
        except BrokenPipeError:
            self.gone = True
        return len(data)


def _standard_streams() -> None:
    """UTF-8 output whatever the console's code page, safe against a reader that leaves."""
    for name in ("stdout", "stderr"):
        stream = getattr(sys, name)
        buffer = getattr(stream, "buffer", None)
        # the raw layer under the buffer (or the buffer itself when Python runs unbuffered, -u)
        raw = buffer if isinstance(buffer, io.RawIOBase) else getattr(buffer, "raw", None)
        if raw is None:  # no console (the add-in) or a stream replaced in-process: leave it
            continue
        stream.flush()
        wrapped = io.TextIOWrapper(
            io.BufferedWriter(_PipeSafe(raw)),
            encoding="utf-8",
            errors="replace",
            line_buffering=stream.line_buffering,
        )
        setattr(sys, name, wrapped)


def main() -> None:
    from . import lifetime

    _standard_streams()
    lifetime.ending_fast = True  # the process ends with os._exit below, see lifetime.py
    try:
        cli(prog_name="parcom")
        code: Any = EXIT_OK
    except SystemExit as exc:
        code = exc.code
    if code is None:
        code = EXIT_OK
    elif not isinstance(code, int):  # what sys.exit("message") does
        print(code, file=sys.stderr)
        code = 1
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.flush()
        except (OSError, ValueError):  # a closed pipe (`parcom … | head`): nothing more to say
            pass
    os._exit(code)
