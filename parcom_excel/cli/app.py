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

from .. import __version__
from ..problems import EXIT_OK, EXIT_UNUSABLE
from .localize import ParcomContext, SaidUsageError, catalog_text, localize, localize_options, usage_sentence
from .state import current_lang, lang_of_args, set_lang

# command name -> module of parcom_excel.cli holding `command`; the help texts are in the catalog
# (i18n/cli.py): "short.<name>" for the list of `parcom --help`, "help.<name>" and
# "help.<name>.<parameter>".
COMMANDS: dict[str, str] = {
    "init": "init",
    "validate": "validate",
    "evaluate": "evaluate",
    "documents": "documents",
    "batch": "batch",
    "split": "split",
    "merge": "merge",
    "record-awards": "awards",
    "addin": "addin",
    "lite": "lite",
}


class LazyGroup(click.Group):
    context_class = ParcomContext

    def list_commands(self, ctx: click.Context) -> list[str]:
        return list(COMMANDS)

    def get_command(self, ctx: click.Context, name: str) -> click.Command | None:
        if name not in COMMANDS:
            return None
        module = importlib.import_module(f"{__package__}.{COMMANDS[name]}")
        return localize(module.command, name, current_lang())

    def resolve_command(self, ctx: click.Context, args: list[str]) -> Any:
        name = args[0] if args else ""
        if name and not name.startswith("-") and name not in COMMANDS:
            from ..i18n import render

            raise SaidUsageError(
                render("usage_no_such_command", current_lang(), name=name, commands=list(COMMANDS)), ctx
            )
        return super().resolve_command(ctx, args)

    def format_commands(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        lang = current_lang()
        rows = [(name, catalog_text(f"short.{name}", lang) or "") for name in COMMANDS]
        with formatter.section("Commands"):
            formatter.write_dl(rows)

    def format_help(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        localize_options(self, current_lang())
        super().format_help(ctx, formatter)


def echo_err(message: str) -> None:
    click.echo(message, err=True)


def guarded(func: Callable[..., int | None]) -> Callable[..., None]:
    """Run a command body: one sentence and exit code 2 for anything unusable, never a traceback."""

    @functools.wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> None:
        from ..io.safety import release_locks
        from ..problems import ParcomError

        lang = kwargs.get("lang") or current_lang()
        try:
            code = func(*args, **kwargs)
        except ParcomError as exc:
            echo_err(exc.message(lang))
            sys.exit(EXIT_UNUSABLE)
        except KeyboardInterrupt:
            from ..i18n import render

            echo_err(render("usage_stopped", lang))
            sys.exit(EXIT_UNUSABLE)
        except Exception as exc:  # the last net: one sentence, the user's file untouched
            if os.environ.get("PARCOM_DEBUG"):
                raise
            from ..i18n import render

            target = next((str(v) for v in args if v), None) or next(
                (str(v) for k, v in kwargs.items() if k in ("book", "path", "folder") and v), "?"
            )
            echo_err(render("unexpected", lang, file=target, detail=f"{type(exc).__name__}: {exc}"))
            sys.exit(EXIT_UNUSABLE)
        finally:
            release_locks()  # the lock files of the workbooks this command wrote (io/safety.py)
        sys.exit(code or EXIT_OK)

    return wrapper


def _show_version(ctx: click.Context, param: click.Parameter, value: bool) -> None:
    if value and not ctx.resilient_parsing:
        from ..i18n import render

        click.echo(render("version_line", current_lang(), version=__version__))
        ctx.exit()


@click.group(cls=LazyGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.option("--version", is_flag=True, expose_value=False, is_eager=True, callback=_show_version)
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


def run_cli(args: list[str]) -> Any:
    """Run `parcom ARGS`; click's usage errors become one sentence in the user's language."""
    lang = lang_of_args(args) or current_lang()
    set_lang(lang)
    localize_options(cli, lang)
    try:
        return _run(args, lang)
    finally:
        set_lang(None)


def _run(args: list[str], lang: str) -> Any:
    try:
        code = cli.main(args, prog_name="parcom", standalone_mode=False)
    except click.exceptions.NoArgsIsHelpError as exc:  # `parcom` alone: the help, not an error
        click.echo(exc.ctx.get_help() if exc.ctx else "")
        return EXIT_OK
    except click.UsageError as exc:
        echo_err(usage_sentence(exc, lang))
        return EXIT_UNUSABLE
    except click.Abort:
        from ..i18n import render

        echo_err(render("usage_stopped", lang))
        return EXIT_UNUSABLE
    except click.ClickException as exc:
        echo_err(exc.format_message())
        return exc.exit_code
    except SystemExit as exc:
        return exc.code
    return code if isinstance(code, int) else EXIT_OK


def main() -> None:
    from .. import lifetime

    _standard_streams()
    lifetime.ending_fast = True  # the process ends with os._exit below, see lifetime.py
    code = run_cli(sys.argv[1:])
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
