"""The `parcom` command line: a click group whose commands live in their own modules.

Commands are imported only when run, so `parcom --help` stays fast. Every command reports a
file it cannot use as one sentence and exit code 2; data errors give exit code 1.
"""

from __future__ import annotations

import functools
import importlib
import io
import os
import re
import sys
from collections.abc import Callable
from typing import Any

import click

from . import __version__

EXIT_OK, EXIT_DATA, EXIT_UNUSABLE = 0, 1, 2


# command name -> (module, attribute); the help texts are in the catalog (i18n/cli.py):
# "short.<name>" for the list of `parcom --help`, "help.<name>" and "help.<name>.<parameter>".
COMMANDS: dict[str, tuple[str, str]] = {
    "init": ("parcom_excel.template", "init_command"),
    "validate": ("parcom_excel.commands", "validate_command"),
    "evaluate": ("parcom_excel.commands", "evaluate_command"),
    "documents": ("parcom_excel.documents.command", "documents_command"),
    "batch": ("parcom_excel.batch", "batch_command"),
    "merge": ("parcom_excel.merge", "merge_command"),
    "addin": ("parcom_excel.addin", "addin_group"),
}

LANGS = ("vi", "en")
_lang: list[str] = []  # the language of this run, once main() has read the command line


def current_lang() -> str:
    """The language of help and messages: `--lang` of this command line, else PARCOM_LANG, else vi."""
    if _lang:
        return _lang[0]
    env = os.environ.get("PARCOM_LANG", "").strip().lower()
    return env if env in LANGS else "vi"


def lang_of_args(args: list[str]) -> str | None:
    """`--lang en` / `--lang=en` anywhere on the command line (read before click parses it, so
    that help and click's own usage errors speak that language too)."""
    for i, arg in enumerate(args):
        value = args[i + 1] if arg == "--lang" and i + 1 < len(args) else None
        if arg.startswith("--lang="):
            value = arg.split("=", 1)[1]
        if value in LANGS:
            return value
    return None


def _text(key: str, lang: str) -> str | None:
    from .i18n import CATALOG, render

    return render(key, lang) if key in CATALOG else None


class ParcomFormatter(click.HelpFormatter):
    """click's help layout with its own words (Usage, Options, [default: …]) from the catalog."""

    lang = "vi"

    def write_usage(self, prog: str, args: str = "", prefix: str | None = None) -> None:
        super().write_usage(prog, args, f"{_text('help_usage', self.lang)} " if prefix is None else prefix)

    def write_heading(self, heading: str) -> None:
        key = {"Options": "help_options", "Commands": "help_commands"}.get(heading)
        super().write_heading((_text(key, self.lang) if key else None) or heading)

    def write_dl(self, rows: Any, col_max: int = 30, col_spacing: int = 2) -> None:
        default, required = _text("help_default", self.lang), _text("help_required", self.lang)
        own = {"Show this message and exit.": "help.*.help", "Show the version and exit.": "help.*.version"}
        rows = [
            (
                term,
                (_text(own[text], self.lang) if text in own else text)
                .replace("[default: ", f"[{default}: ")
                .replace("[required]", f"[{required}]"),
            )
            for term, text in rows
        ]
        super().write_dl(rows, col_max, col_spacing)


class ParcomContext(click.Context):
    formatter_class = ParcomFormatter

    def make_formatter(self) -> click.HelpFormatter:
        formatter = super().make_formatter()
        formatter.lang = current_lang()  # type: ignore[attr-defined]
        return formatter


def _explaining(base: type, key: str) -> type:
    """A click parameter type whose refusal carries the catalog key and the value typed, so
    main() can say it in the user's language (one sentence) instead of click's English."""

    class Explained(base):  # type: ignore[misc, valid-type]
        def convert(self, value: Any, param: Any, ctx: Any) -> Any:
            try:
                return super().convert(value, param, ctx)
            except click.BadParameter as exc:
                facts = {"value": value}
                if isinstance(self, click.Choice):
                    facts["choices"] = list(self.choices)
                exc.parcom = (key, facts)  # type: ignore[attr-defined]
                raise

    return Explained


_Integer = _explaining(click.types.IntParamType, "usage_not_integer")
_Float = _explaining(click.types.FloatParamType, "usage_not_number")
_Choice = _explaining(click.Choice, "usage_bad_choice")


def _explained(kind: click.ParamType) -> click.ParamType:
    if isinstance(kind, click.Choice) and not isinstance(kind, _Choice):
        return _Choice(kind.choices, kind.case_sensitive)
    if type(kind) is click.types.IntParamType:
        return _Integer()
    if type(kind) is click.types.FloatParamType:
        return _Float()
    return kind


def localize(command: click.Command, path: str, lang: str) -> click.Command:
    """Give a command (and its subcommands) the catalog's help in `lang`, click's usage words in
    `lang` (ParcomContext), and parameter types whose refusals main() can say in `lang`."""
    command.context_class = ParcomContext
    command.help = _text(f"help.{path}", lang) or command.help
    command.short_help = _text(f"short.{path}", lang) or command.short_help
    command.options_metavar = _text("metavar_options", lang) or command.options_metavar
    if isinstance(command, click.Group):
        command.subcommand_metavar = _text("metavar_command", lang)
        if not any(p.name == "lang" for p in command.params):  # `parcom addin --help --lang en`
            command.params.append(_group_lang())
        for name, sub in command.commands.items():
            localize(sub, f"{path}.{name}", lang)
    for param in command.params:
        param.type = _explained(param.type)
        name = param.name or ""
        if isinstance(param, click.Option):
            param.help = _text(f"help.{path}.{name}", lang) or _text(f"help.*.{name}", lang) or param.help
            if not param.is_flag and not isinstance(param.type, click.Choice):
                param.metavar = _text(f"metavar.{name}", lang) or _text(
                    f"metavar.type.{param.type.name}", lang
                )
        elif isinstance(param, click.Argument):
            word = _text(f"metavar.{name}", lang)
            if word:
                param.metavar = word
    return command


class SaidUsageError(click.UsageError):
    """A usage error already worded in the user's language."""


class LazyGroup(click.Group):
    context_class = ParcomContext

    def list_commands(self, ctx: click.Context) -> list[str]:
        return list(COMMANDS)

    def get_command(self, ctx: click.Context, name: str) -> click.Command | None:
        if name not in COMMANDS:
            return None
        module, attr = COMMANDS[name]
        return localize(getattr(importlib.import_module(module), attr), name, current_lang())

    def resolve_command(self, ctx: click.Context, args: list[str]) -> Any:
        name = args[0] if args else ""
        if name and not name.startswith("-") and name not in COMMANDS:
            from .i18n import render

            raise SaidUsageError(
                render("usage_no_such_command", current_lang(), name=name, commands=list(COMMANDS)), ctx
            )
        return super().resolve_command(ctx, args)

    def format_commands(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        lang = current_lang()
        rows = [(name, _text(f"short.{name}", lang) or "") for name in COMMANDS]
        with formatter.section("Commands"):
            formatter.write_dl(rows)

    def format_help(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        localize_options(self, current_lang())
        super().format_help(ctx, formatter)


def localize_options(group: click.Group, lang: str) -> None:
    """The group's own texts (its help, --version, --lang, --help), without touching its commands."""
    group.help = _text("help.parcom", lang) or group.help
    group.options_metavar = _text("metavar_options", lang) or group.options_metavar
    group.subcommand_metavar = _text("metavar_command", lang)
    if not any(p.name == "lang" for p in group.params):
        group.params.append(_group_lang())
    for param in group.params:
        param.help = _text(f"help.*.{param.name}", lang) or param.help


def echo_err(message: str) -> None:
    click.echo(message, err=True)


def guarded(func: Callable[..., int | None]) -> Callable[..., None]:
    """Run a command body: one sentence and exit code 2 for anything unusable, never a traceback."""

    @functools.wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> None:
        from .io.safety import release_locks
        from .problems import ParcomError

        lang = kwargs.get("lang") or current_lang()
        try:
            code = func(*args, **kwargs)
        except ParcomError as exc:
            echo_err(exc.message(lang))
            sys.exit(EXIT_UNUSABLE)
        except KeyboardInterrupt:
            from .i18n import render

            echo_err(render("usage_stopped", lang))
            sys.exit(EXIT_UNUSABLE)
        except Exception as exc:  # the last net: one sentence, the user's file untouched
            if os.environ.get("PARCOM_DEBUG"):
                raise
            from .i18n import render

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
        from .i18n import render

        click.echo(render("version_line", current_lang(), version=__version__))
        ctx.exit()


lang_option = click.option(
    "--lang",
    type=click.Choice(LANGS),
    default=current_lang,
    show_default=False,
    help="Language of messages and written sheets (default vi, or PARCOM_LANG).",
)


def _group_lang() -> click.Option:
    """A group's --lang: read by main() before parsing (lang_of_args), so only accepted here."""
    return click.Option(
        ["--lang"], type=click.Choice(LANGS), expose_value=False, help="Language of help and messages."
    )


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
    _lang[:] = [lang]
    localize_options(cli, lang)
    try:
        return _run(args, lang)
    finally:
        _lang.clear()


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
        from .i18n import render

        echo_err(render("usage_stopped", lang))
        return EXIT_UNUSABLE
    except click.ClickException as exc:
        echo_err(exc.format_message())
        return exc.exit_code
    except SystemExit as exc:
        return exc.code
    return code if isinstance(code, int) else EXIT_OK


_CLICK_MESSAGES = (  # click's own wording (8.x) of the usage errors it raises without a class
    (re.compile(r"Option '(?P<option>[^']+)' requires an argument\."), "usage_needs_value"),
    (re.compile(r"Option '(?P<option>[^']+)' does not take a value\."), "usage_takes_no_value"),
    (re.compile(r"Got unexpected extra arguments? \((?P<extra>.*)\)"), "usage_extra_arguments"),
)


def usage_sentence(exc: click.UsageError, lang: str) -> str:
    """One sentence for a usage error, in `lang`, naming the command, option and value."""
    from .i18n import render

    if isinstance(exc, SaidUsageError):
        return exc.message
    command = exc.ctx.command_path if exc.ctx else "parcom"
    param = getattr(exc, "param", None)
    option = (param.opts[0] if param.opts else param.human_readable_name) if param is not None else ""
    if isinstance(exc, click.MissingParameter) and param is not None:
        if isinstance(param, click.Argument):
            name = param.make_metavar(exc.ctx) if exc.ctx else param.human_readable_name
            usage = f"{command} {name}"
            return render("usage_missing_argument", lang, command=command, name=name, usage=usage)
        name = param.metavar or (param.type.name.upper() if param.type else "")
        return render("usage_missing_option", lang, command=command, option=option, name=name)
    if isinstance(exc, click.NoSuchOption):
        maybe = render("usage_did_you_mean", lang, options=exc.possibilities) if exc.possibilities else ""
        return render("usage_no_such_option", lang, command=command, option=exc.option_name, maybe=maybe)
    explained = getattr(exc, "parcom", None)
    if explained is not None:
        key, params = explained
        return render(key, lang, command=command, option=option, **params)
    message = exc.format_message() if isinstance(exc, click.BadParameter) else exc.message
    for pattern, key in _CLICK_MESSAGES:
        match = pattern.search(exc.message)
        if match:
            return render(key, lang, command=command, **match.groupdict())
    return render("usage_other", lang, command=command, detail=message.rstrip("."))


def main() -> None:
    from . import lifetime

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
