"""Kept for imports of the first wave: the catalog lives in `parcom_excel.i18n`."""

from .i18n import CATALOG, fmt as _fmt, render

__all__ = ["CATALOG", "_fmt", "render"]
