"""The `parcom` command line: one module per command, over the library (which never imports it)."""

from __future__ import annotations

import sys
from typing import Any

__all__ = ["COMMANDS", "cli", "main", "run_cli"]


def main() -> None:
    """The `parcom` program; with only the core installed (no click), one sentence and exit 2."""
    try:
        from .app import main as run
    except ImportError as exc:
        from ..i18n import render
        from .state import current_lang

        sys.stderr.write(render("cli_not_installed", current_lang(), missing=exc.name or str(exc)) + "\n")
        sys.exit(2)
    run()


def __getattr__(name: str) -> Any:  # COMMANDS, cli, run_cli: the click group, imported when asked for
    if name in ("COMMANDS", "cli", "run_cli"):
        from . import app

        return getattr(app, name)
    raise AttributeError(name)
