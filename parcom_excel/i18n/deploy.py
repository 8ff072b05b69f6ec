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
    "cli_not_installed": (
        'Lệnh parcom cần phần cài đặt dòng lệnh (thiếu gói {missing}): hãy cài bằng pip install "parcom-excel[all]" rồi chạy lại.',
        'The parcom command needs the command-line extra (package {missing} is missing): install it with pip install "parcom-excel[all]" and retry.',
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
TEXTS |= {
    "bundle.written": (
        "Đã ghi bộ cài đặt không cần internet vào {folder}: {count} gói cài (wheel) cho {platform}, Python {python}, add-in {addin} và {script}. Chép cả thư mục sang máy cần cài rồi chạy {script}.",
        "Wrote the offline installer into {folder}: {count} {count:wheel|wheels} for {platform}, Python {python}, the add-in {addin} and {script}. Copy the whole folder to the PC and run {script}.",
    ),
    "bundle_no_source": (
        "Không tìm thấy mã nguồn parcom-excel (pyproject.toml) ở {folder} để đóng gói: hãy chạy lệnh từ bản sao kho mã parcom-excel (pip install -e .).",
        "The parcom-excel source (pyproject.toml) is not at {folder}, so nothing can be packed: run the command from a checkout of parcom-excel (pip install -e .).",
    ),
    "bundle_platform": (
        "Không đóng gói được cho nền tảng {platform}: hãy chọn một trong {known}.",
        "Cannot bundle for the platform {platform}: choose one of {known}.",
    ),
    "bundle_pip_failed": (
        "pip không tải được gói cài vào {folder} ({detail}): hãy kiểm tra kết nối internet của máy đóng gói rồi chạy lại.",
        "pip could not download the wheels into {folder} ({detail}): check this machine's internet connection and retry.",
    ),
    "bundle_incomplete": (
        "Sau nhiều lần tải vẫn thiếu gói cài cho {platform}: {missing}; hãy báo cho bộ phận hỗ trợ.",
        "Wheels for {platform} are still missing after several downloads: {missing}; tell support.",
    ),
    "bundle.bat_venv": (
        "Đang tạo môi trường Python {python} tại {venv} ...",
        "Creating the Python {python} environment in {venv} ...",
    ),
    "bundle.bat_install": (
        "Đang cài parcom-excel từ thư mục wheels (không cần internet) ...",
        "Installing parcom-excel from the wheels folder (no internet needed) ...",
    ),
    "bundle.bat_done": (
        "Đã cài xong. Hãy đóng hẳn Excel rồi mở lại: thẻ Thi đua CCHC có nút Đánh giá.",
        "Done. Close Excel completely and start it again: the PAR emulation tab has the Evaluate button.",
    ),
    "bundle.bat_no_python": (
        "Không tạo được môi trường Python: hãy cài Python {python} (64-bit) từ python.org rồi chạy lại tệp này.",
        "Could not create the Python environment: install Python {python} (64-bit) from python.org, then run this file again.",
    ),
    "bundle.bat_failed": (
        "Cài đặt không thành công (xem dòng lỗi phía trên): bộ cài cần đúng Python {python} 64-bit; hãy gửi màn hình này cho bộ phận hỗ trợ.",
        "The installation failed (see the error above): the bundle needs Python {python} 64-bit; send this screen to support.",
    ),
}
TEXTS |= {
    "lite_has_addins": (
        "Sổ làm việc {file} đã có add-in Office (phần xl/webextensions) nên không ghi thêm mã của xlwings Lite vào được: hãy dùng sổ mới tạo bằng parcom init --lite, hoặc dán main.py vào xlwings Lite.",
        "The workbook {file} already has Office add-in parts (xl/webextensions), so xlwings Lite's code cannot be added: use a new workbook from parcom init --lite, or paste main.py into xlwings Lite.",
    ),
}
TEXTS |= {
    "lite.embedded": (
        "Đã ghi main.py và requirements.txt của xlwings Lite vào {file}: mở sổ trong Excel, xlwings Lite sẽ có sẵn kịch bản Đánh giá.",
        "Wrote xlwings Lite's main.py and requirements.txt into {file}: open it in Excel and xlwings Lite has the Evaluate script.",
    ),
    # ---- help of the commands (see i18n/cli.py for the keys' layout)
    "short.lite": (
        "Tạo main.py cho xlwings Lite (nút Đánh giá không cần cài Python).",
        "Write main.py for xlwings Lite (the Evaluate button without installing Python).",
    ),
    "help.lite": (
        "Nút Đánh giá chạy trong xlwings Lite: Python chạy ngay trong Excel, máy không cần cài gì.",
        "The Evaluate button in xlwings Lite: Python runs inside Excel, nothing to install on the PC.",
    ),
    "short.lite.build": ("Ghi main.py và requirements.txt.", "Write main.py and requirements.txt."),
    "help.lite.build": (
        "Ghi main.py (mang theo cả gói parcom-excel) và requirements.txt vào thư mục OUT, để dán vào xlwings Lite.",
        "Write main.py (carrying the whole parcom-excel package) and requirements.txt into the folder OUT, to paste into xlwings Lite.",
    ),
    "help.init.lite": (
        "Ghi sẵn main.py và requirements.txt của xlwings Lite vào sổ.",
        "Also carry xlwings Lite's main.py and requirements.txt in the workbook.",
    ),
    "short.addin.bundle": (
        "Đóng gói để cài trên máy không có internet.",
        "Pack everything to install on a PC without internet.",
    ),
    "help.addin.bundle": (
        "Ghi vào thư mục OUT mọi gói cài (wheel) cho máy đích, add-in và cai_dat.bat: chép thư mục sang máy không có internet rồi chạy cai_dat.bat.",
        "Write into the folder OUT every wheel for the target PC, the add-in and cai_dat.bat: copy the folder to the PC without internet and run cai_dat.bat.",
    ),
    "help.addin.bundle.platform": (
        "Nền tảng của máy đích (win_amd64: Windows 64-bit).",
        "Platform of the target PC (win_amd64: 64-bit Windows).",
    ),
    "help.addin.bundle.python": ("Phiên bản Python của máy đích.", "Python version of the target PC."),
    "help.addin.bundle.out": ("Thư mục ghi bộ cài.", "Folder to write the bundle into."),
}
TEXTS |= {
    "out_not_folder": (
        "{file} là một tệp chứ không phải thư mục: hãy chọn một thư mục (chưa có thì chương trình tạo) để ghi vào.",
        "{file} is a file, not a folder: choose a folder to write into (it is created if missing).",
    ),
}
