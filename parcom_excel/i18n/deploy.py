"""Sentences of the ways parcom reaches a clerk's PC: xlwings Lite, and the offline bundle."""

from __future__ import annotations

TEXTS: dict[str, tuple[str, str]] = {
    "lite.script_name": ("Đánh giá", "Evaluate"),
    "lite.script_doc": (
        "Đánh giá phong trào thi đua CCHC trên sổ làm việc đang mở (giống nút Đánh giá của add-in).",
        "Evaluates the PAR emulation movement on the open workbook (as the add-in's Evaluate button does).",
    ),
    "lite.docs_zip": (
        "Đã soạn {count} văn bản của hồ sơ, gói trong tệp {file}: tải về ở menu của xlwings Lite › Files › Import/Export.",
        "Drafted {count} {count:document|documents} of the dossier, packed in {file}: download it from the xlwings Lite menu › Files › Import/Export.",
    ),
    "lite.docs_no_data": (
        "Không soạn hồ sơ vì không có thư mục {folder} để ghi tệp tải về (thư mục này chỉ có trong xlwings Lite).",
        "The dossier was not drafted: there is no folder {folder} to write a download into (it exists in xlwings Lite only).",
    ),
    "lite.docs_missing": (
        "Không soạn hồ sơ vì Python của xlwings Lite chưa cài được gói {module}: hãy kiểm tra tab requirements.txt rồi khởi động lại xlwings Lite.",
        "The dossier was not drafted: xlwings Lite's Python could not install {module}; check the requirements.txt tab, then restart xlwings Lite.",
    ),
    "lite_not_installed": (
        "parcom-excel chưa được cài bằng pip nên không biết danh sách gói cần cho xlwings Lite: hãy cài bằng pip install -e . rồi chạy lại.",
        "parcom-excel is not installed with pip, so the packages xlwings Lite needs are not known: install it with pip install -e . and retry.",
    ),
    "lite.built": (
        "Đã ghi {main} và {requirements} cho xlwings Lite (parcom-excel {version}).",
        "Wrote {main} and {requirements} for xlwings Lite (parcom-excel {version}).",
    ),
}
