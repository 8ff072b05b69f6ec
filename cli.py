"""Thin entry: `python cli.py ...` runs the same click group as the `parcom` command."""

from parcom_excel.cli import main

if __name__ == "__main__":
    main()
