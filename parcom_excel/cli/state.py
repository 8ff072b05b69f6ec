"""The language of this command line, read before click parses it."""

from __future__ import annotations

import os

LANGS = ("vi", "en")
_lang: list[str] = []  # the language of this run, once main() has read the command line


def current_lang() -> str:
    """The language of help and messages: `--lang` of this command line, else PARCOM_LANG, else vi."""
    if _lang:
        return _lang[0]
    env = os.environ.get("PARCOM_LANG", "").strip().lower()
    return env if env in LANGS else "vi"


def set_lang(lang: str | None) -> None:
    _lang[:] = [lang] if lang else []


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
