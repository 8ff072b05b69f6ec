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
    "changed_while_reading": (
        "Tệp {file} đã thay đổi trong lúc chương trình đang đọc nó (được lưu hoặc đồng bộ lại), nên chưa đọc được trọn vẹn; tệp không hỏng và không bị chương trình thay đổi: hãy đợi lưu hoặc đồng bộ xong rồi chạy lại.",
        "File {file} changed while it was being read (saved or synced again), so it could not be read whole; the file is not damaged and was not changed by the tool: wait until the save or sync is done and run again.",
    ),
    # ---- what the system said, in words (safety.os_reason)
    "os.denied": (
        "không có quyền, hoặc tệp đang mở trong chương trình khác",
        "permission denied, or the file is open in another program",
    ),
    "os.no_space": ("ổ đĩa hết chỗ trống", "the disk is full"),
    "os.read_only_disk": ("ổ đĩa chỉ cho đọc", "the disk is read-only"),
    "os.not_dir": (
        "trong đường dẫn có một tệp chứ không phải thư mục",
        "part of the path is a file, not a folder",
    ),
    "os.is_dir": ("đây là một thư mục", "it is a folder"),
    "os.no_dir": ("thư mục hoặc tệp không tồn tại", "the folder or file does not exist"),
    "os.busy": ("tệp đang được chương trình khác dùng", "the file is in use by another program"),
    "os.name_too_long": ("tên tệp hoặc đường dẫn quá dài", "the file name or path is too long"),
    "os.io": ("lỗi đọc ghi của ổ đĩa", "a disk input/output error"),
    # ---- writing
    "read_only": (
        "Tệp {file} chỉ cho phép đọc nên không ghi kết quả vào được: hãy bỏ thuộc tính chỉ đọc (Thuộc tính của tệp) rồi chạy lại, hoặc ghi ra tệp khác.",
        "File {file} is read-only, so the results cannot be written into it: clear its read-only attribute and retry, or write to another file.",
    ),
    "another_run": (
        "Tệp {file} đang được một lần chạy khác của parcom (đánh giá, gộp hoặc ghi khen thưởng) xử lý (tệp khóa {lock}): hãy đợi lần đó xong rồi chạy lại; nếu không còn lần nào chạy, hãy xóa tệp khóa.",
        "File {file} is being processed by another parcom run (an evaluation, a merge or a recording of awards) (lock file {lock}): wait until it ends and retry; if none is running, delete the lock file.",
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
    # ---- a set of files written as one unit (safety.write_set): the dossier, copies, bundles
    "set_bad_name": (
        "Không tạo được tệp tên “{file}” trong thư mục {folder} vì tên đó có ký tự hoặc dạng mà Windows không cho phép: chưa tệp nào bị ghi; hãy gửi thông báo này cho bộ phận hỗ trợ.",
        "Cannot create a file named “{file}” in {folder}: the name has a character or form Windows does not allow; nothing was written; send this message to support.",
    ),
    "set_name_too_long": (
        "Tên tệp “{file}” quá dài cho thư mục {folder} (tối đa {limit} byte): chưa tệp nào bị ghi; hãy chọn thư mục có đường dẫn ngắn hơn.",
        "The file name “{file}” is too long for {folder} (at most {limit} bytes): nothing was written; choose a folder with a shorter path.",
    ),
    "set_names_collide": (
        "Hai tệp “{other}” và “{file}” sẽ trùng tên trên Windows (chỉ khác chữ hoa, chữ thường hoặc cách gõ dấu) trong thư mục {folder}: chưa tệp nào bị ghi; hãy gửi thông báo này cho bộ phận hỗ trợ.",
        "The files “{other}” and “{file}” would have one name on Windows (they differ only in case or accent form) in {folder}: nothing was written; send this message to support.",
    ),
    "set_folder_is_file": (
        "Không dùng được {folder} làm thư mục ghi vì {file} là một tệp, không phải thư mục: hãy chọn một thư mục khác.",
        "Cannot use {folder} as the output folder: {file} is a file, not a folder; choose another folder.",
    ),
    "set_folder_read_only": (
        "Thư mục {folder} chỉ cho phép đọc nên không ghi được tệp nào vào đó: hãy chọn thư mục có quyền ghi, hoặc xin quyền ghi vào thư mục này; các tệp đã có trong đó được giữ nguyên.",
        "The folder {folder} is read-only, so nothing can be written into it: choose a folder you can write to, or ask for write access; the files already in it were kept.",
    ),
    "set_open_elsewhere": (
        "Tệp {file} trong thư mục {folder} đang mở trong Word hoặc chương trình khác (có tệp khóa {lock}): hãy đóng tệp rồi chạy lại; nếu tệp không còn mở, hãy xóa tệp khóa. Chưa tệp nào bị thay.",
        "File {file} in {folder} is open in Word or another program (lock file {lock}): close it and run again; if it is not open any more, delete the lock file. No file was replaced.",
    ),
    "set_member_read_only": (
        "Tệp {file} trong thư mục {folder} chỉ cho phép đọc (hoặc bị khóa không cho sửa) nên không thay được: hãy bỏ thuộc tính chỉ đọc của tệp, hoặc chọn thư mục khác. Chưa tệp nào bị thay.",
        "File {file} in {folder} is read-only (or locked against changes), so it cannot be replaced: clear its read-only attribute, or choose another folder. No file was replaced.",
    ),
    "set_member_blocked": (
        "Trong thư mục {folder} có một thư mục mang tên {file}, trùng tên tệp cần ghi: hãy đổi tên thư mục đó hoặc chọn thư mục khác. Chưa tệp nào bị thay.",
        "{folder} holds a folder named {file}, the name of a file to write: rename that folder or choose another one. No file was replaced.",
    ),
    "docs_names_collide": (
        "Các mã {codes} cho cùng một tên tệp báo cáo thành tích, nên mỗi tệp mang thêm một hậu tố riêng: {files}.",
        "The codes {codes} give one report file name, so each file carries a suffix of its own: {files}.",
    ),
    "set_busy": (
        "Thư mục {folder} đang được một lần chạy khác của chương trình ghi (tệp khóa {lock}): hãy đợi lần đó xong rồi chạy lại; nếu không còn lần nào chạy, hãy xóa tệp khóa.",
        "The folder {folder} is being written by another run (lock file {lock}): wait until it ends and run again; if none is running, delete the lock file.",
    ),
    "set_write_failed": (
        "Không ghi được các tệp vào thư mục {folder} ({detail}): các tệp đã có trong đó được giữ nguyên; hãy kiểm tra quyền ghi và chỗ trống trên ổ đĩa rồi chạy lại.",
        "Cannot write the files into {folder} ({detail}): the files already in it were kept; check write access and free space, then run again.",
    ),
    "set_swap_failed": (
        "Không thay được tệp {file} trong thư mục {folder} ({detail}): các tệp cũ đã được đặt lại như trước; nếu tệp đang mở trong chương trình khác, hãy đóng rồi chạy lại.",
        "Cannot replace {file} in {folder} ({detail}): the earlier files were put back as they were; if a file is open in another program, close it and run again.",
    ),
}
