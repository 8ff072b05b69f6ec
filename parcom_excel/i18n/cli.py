"""CLI help and usage errors: see parcom_excel/i18n/__init__.py."""

from __future__ import annotations

TEXTS: dict[str, tuple[str, str]] = {
    # ---- options the command cannot use (exit code 2)
    "period_reversed_option": (
        "Kỳ xét không dùng được cho {file}: từ năm {from_year} ({from_where}) lớn hơn đến năm {to_year} ({to_where}); hãy sửa --from-year hoặc --to-year để từ năm không lớn hơn đến năm.",
        "Unusable period for {file}: from year {from_year} ({from_where}) is after to year {to_year} ({to_where}); correct --from-year or --to-year so the first year is not after the last.",
    ),
}
