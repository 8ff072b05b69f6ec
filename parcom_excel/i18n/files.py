"""Sentences of the catalog about files: reading, writing, locks and leftovers (issue #15).

See parcom_excel/i18n/__init__.py for how the catalog is joined and rendered.
"""

from __future__ import annotations

TEXTS: dict[str, tuple[str, str]] = {
    # ---- reading
    "damaged_part": (
        "Tệp {file} bị hỏng ở phần {part} nên không đọc được: hãy mở tệp bằng Excel, lưu lại, hoặc chép lại tệp gốc rồi thử lại.",
        "File {file} is damaged in its part {part} and cannot be read: open it in Excel and save it again, or copy the original again and retry.",
    ),
    "stray_cells": (
        "Sheet này có {count} ô có dữ liệu nằm rất xa bảng ({cells}), có lẽ do gõ nhầm (Ctrl+End cho thấy ô cuối): các ô đó được đọc riêng; nếu không phải dữ liệu, hãy xóa chúng rồi lưu lại.",
        "This sheet has {count} {count:cell|cells} with data far outside the table ({cells}), probably typed by mistake (Ctrl+End shows the last cell): they were read on their own; if they are not data, delete them and save.",
    ),
    "xls_misnamed": (
        "Tệp {file} thực ra là sổ làm việc Excel 97–2003 (.xls) dù mang đuôi {suffix}: hãy mở bằng Excel và lưu lại dạng Sổ làm việc Excel (.xlsx).",
        "File {file} is really an Excel 97–2003 (.xls) workbook despite its {suffix} name: open it in Excel and save it as an Excel Workbook (.xlsx).",
    ),
    "bad_encoding": (
        "Tệp {file} có phần {part} ghi theo bảng mã {encoding} mà chương trình không đọc được: hãy mở tệp bằng Excel và lưu lại.",
        "File {file} has its part {part} in the encoding {encoding}, which cannot be read: open it in Excel and save it again.",
    ),
    # ---- writing
    "read_only": (
        "Tệp {file} chỉ cho phép đọc nên không ghi kết quả vào được: hãy bỏ thuộc tính chỉ đọc (Thuộc tính của tệp) rồi chạy lại, hoặc ghi ra tệp khác.",
        "File {file} is read-only, so the results cannot be written into it: clear its read-only attribute and retry, or write to another file.",
    ),
    "another_run": (
        "Tệp {file} đang được một lần đánh giá khác xử lý (tệp khóa {lock}): hãy đợi lần đó xong rồi chạy lại; nếu không còn lần nào chạy, hãy xóa tệp khóa.",
        "File {file} is being processed by another evaluation (lock file {lock}): wait until it ends and retry; if none is running, delete the lock file.",
    ),
    "changed_while_running": (
        "Tệp {file} đã bị thay đổi trong lúc đánh giá (được lưu hoặc đồng bộ lại) nên kết quả không được ghi, vì chúng là của dữ liệu cũ: hãy chạy lại.",
        "File {file} changed while it was being evaluated (saved or synced again), so no result was written, since they were those of the old data: run again.",
    ),
    "write_failed": (
        "Không tạo được kết quả cho {file} ({detail}): tệp của bạn không bị thay đổi; hãy gửi tệp và thông báo này cho bộ phận hỗ trợ.",
        "The results for {file} could not be built ({detail}): your file was not changed; send it with this message to support.",
    ),
    "locked_by_excel_batch": (
        "Tệp {file} đang mở trong Excel (có tệp khóa {lock}): hãy đóng tệp trong Excel rồi chạy lại, hoặc dùng --out THƯ_MỤC để ghi bản sao vào thư mục khác.",
        "File {file} is open in Excel (lock file {lock}): close it in Excel and retry, or use --out DIR to write copies into another folder.",
    ),
    "marker_untrusted": (
        'Sheet "{sheet}" được đánh dấu là sheet kết quả của chương trình nhưng nội dung không phải: sheet đó được giữ nguyên, kết quả được ghi vào sheet mới.',
        'Sheet "{sheet}" is marked as one of the tool\'s result sheets but does not look like one: it was left as it is, and the results went to a new sheet.',
    ),
}
