"""click in the user's language: help words, parameter types whose refusals the CLI can say in
Vietnamese or English, and one sentence for each of click's usage errors."""

from __future__ import annotations

import re
from typing import Any

import click

from .state import LANGS, current_lang


def catalog_text(key: str, lang: str) -> str | None:
    from ..i18n import CATALOG, render

    return render(key, lang) if key in CATALOG else None


class ParcomFormatter(click.HelpFormatter):
    """click's help layout with its own words (Usage, Options, [default: …]) from the catalog."""

    lang = "vi"

    def write_usage(self, prog: str, args: str = "", prefix: str | None = None) -> None:
        super().write_usage(
            prog, args, f"{catalog_text('help_usage', self.lang)} " if prefix is None else prefix
        )

    def write_heading(self, heading: str) -> None:
        key = {"Options": "help_options", "Commands": "help_commands"}.get(heading)
        super().write_heading((catalog_text(key, self.lang) if key else None) or heading)

    def write_dl(self, rows: Any, col_max: int = 30, col_spacing: int = 2) -> None:
        default, required = catalog_text("help_default", self.lang), catalog_text("help_required", self.lang)
        own = {"Show this message and exit.": "help.*.help", "Show the version and exit.": "help.*.version"}
        rows = [
            (
                term,
                (catalog_text(own[text], self.lang) if text in own else text)
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
    command.help = catalog_text(f"help.{path}", lang) or command.help
    command.short_help = catalog_text(f"short.{path}", lang) or command.short_help
    command.options_metavar = catalog_text("metavar_options", lang) or command.options_metavar
    if isinstance(command, click.Group):
        command.subcommand_metavar = catalog_text("metavar_command", lang)
        if not any(p.name == "lang" for p in command.params):  # `parcom addin --help --lang en`
            command.params.append(_group_lang())
        for name, sub in command.commands.items():
            localize(sub, f"{path}.{name}", lang)
    for param in command.params:
        param.type = _explained(param.type)
        name = param.name or ""
        if isinstance(param, click.Option):
            param.help = (
                catalog_text(f"help.{path}.{name}", lang)
                or catalog_text(f"help.*.{name}", lang)
                or param.help
            )
            if not param.is_flag and not isinstance(param.type, click.Choice):
                param.metavar = catalog_text(f"metavar.{name}", lang) or catalog_text(
                    f"metavar.type.{param.type.name}", lang
                )
        elif isinstance(param, click.Argument):
            word = catalog_text(f"metavar.{name}", lang)
            if word:
                param.metavar = word
    return command


def localize_options(group: click.Group, lang: str) -> None:
    """The group's own texts (its help, --version, --lang, --help), without touching its commands."""
    group.help = catalog_text("help.parcom", lang) or group.help
    group.options_metavar = catalog_text("metavar_options", lang) or group.options_metavar
    group.subcommand_metavar = catalog_text("metavar_command", lang)
    if not any(p.name == "lang" for p in group.params):
        group.params.append(_group_lang())
    for param in group.params:
        param.help = catalog_text(f"help.*.{param.name}", lang) or param.help


def _group_lang() -> click.Option:
    """A group's --lang: read by main() before parsing (lang_of_args), so only accepted here."""
    return click.Option(
        ["--lang"], type=click.Choice(LANGS), expose_value=False, help="Language of help and messages."
    )


class SaidUsageError(click.UsageError):
    """A usage error already worded in the user's language."""


_CLICK_MESSAGES = (  # click's own wording (8.x) of the usage errors it raises without a class
    (re.compile(r"Option '(?P<option>[^']+)' requires an argument\."), "usage_needs_value"),
    (re.compile(r"Option '(?P<option>[^']+)' does not take a value\."), "usage_takes_no_value"),
    (re.compile(r"Got unexpected extra arguments? \((?P<extra>.*)\)"), "usage_extra_arguments"),
)


def usage_sentence(exc: click.UsageError, lang: str) -> str:
    """One sentence for a usage error, in `lang`, naming the command, option and value."""
    from ..i18n import render

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
