"""parcom-excel: the CCHC emulation movement evaluated from one Excel workbook.

Kept light on purpose: each click of the Excel add-in starts a fresh Python that imports
this package, so heavy modules are imported only where they are used.
"""

__version__ = "0.1.0"


def main() -> None:
    """Entry point of the Excel add-in's Evaluate button (xlwings RunPython)."""
    from .button import main as button_main

    button_main()
