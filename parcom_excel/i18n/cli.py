"""CLI help and usage errors: see parcom_excel/i18n/__init__.py."""

from __future__ import annotations

TEXTS: dict[str, tuple[str, str]] = {
    # ---- options the command cannot use (exit code 2)
    "period_reversed_option": (
        "Kỳ xét không dùng được cho {file}: từ năm {from_year} ({from_where}) lớn hơn đến năm {to_year} ({to_where}); hãy sửa --from-year hoặc --to-year để từ năm không lớn hơn đến năm.",
        "Unusable period for {file}: from year {from_year} ({from_where}) is after to year {to_year} ({to_where}); correct --from-year or --to-year so the first year is not after the last.",
    ),
    "book_is_folder": (
        "{file} là một thư mục, không phải một sổ làm việc: parcom {command} nhận một tệp .xlsx hoặc .xlsm; để đánh giá mọi sổ làm việc trong thư mục này, hãy dùng parcom batch {file} --out THƯ_MỤC_KẾT_QUẢ (hoặc --in-place).",
        "{file} is a folder, not a workbook: parcom {command} takes one .xlsx or .xlsm file; to evaluate every workbook in this folder, use parcom batch {file} --out RESULTS_FOLDER (or --in-place).",
    ),
}
