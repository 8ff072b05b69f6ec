"""The `parcom` command line: one module per command, over the library (which never imports it)."""

from .app import COMMANDS, cli, main, run_cli

__all__ = ["COMMANDS", "cli", "main", "run_cli"]
