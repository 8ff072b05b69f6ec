"""Kept for imports of the first wave: the catalog lives in `parcom_excel.i18n`."""

from .i18n import CATALOG, render
from .i18n import fmt as _fmt

__all__ = ["CATALOG", "_fmt", "render"]
