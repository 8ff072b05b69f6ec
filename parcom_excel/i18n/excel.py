"""Sentences of Excel itself: the add-in's ribbon and the alert's title."""

from __future__ import annotations

TEXTS: dict[str, tuple[str, str]] = {
    "excel.alert_title": ("parcom – Thi đua CCHC", "parcom – PAR emulation"),
    "ribbon.tab": ("Thi đua CCHC", "PAR emulation"),
    "ribbon.group": ("Phong trào thi đua", "Emulation movement"),
    "ribbon.button": ("Đánh giá", "Evaluate"),
    "ribbon.screentip": ("Đánh giá phong trào thi đua CCHC", "Evaluate the PAR emulation movement"),
    "ribbon.supertip": (
        "Kiểm tra dữ liệu của sổ làm việc đang mở rồi ghi kết quả, danh sách đề nghị khen thưởng "
        "và tổng quan vào các sheet kết quả. Nếu dữ liệu có lỗi, sheet Lỗi dữ liệu liệt kê từng lỗi "
        "kèm liên kết tới ô cần sửa.",
        "Checks the open workbook's data, then writes the results, the nomination list and the "
        "dashboard into the result sheets. If the data has errors, the Data errors sheet lists each "
        "one with a link to the cell to fix.",
    ),
    "ribbon.split.button": ("Tách sổ đơn vị", "Split into units"),
    "ribbon.split.screentip": ("Tách sổ gửi các đơn vị", "Split the book for the units"),
    "ribbon.split.supertip": (
        "Ghi vào thư mục cạnh sổ này mỗi đơn vị một sổ, điền sẵn dữ liệu của đơn vị, để gửi các đơn vị "
        "điền rồi gửi lại (như lệnh parcom split). Sổ này không thay đổi.",
        "Writes into a folder beside this book one book per unit, prefilled with the unit's data, to send "
        "to the units to fill in and send back (as parcom split). This book does not change.",
    ),
    "ribbon.collect.button": ("Tổng hợp", "Collect"),
    "ribbon.collect.screentip": ("Tổng hợp sổ các đơn vị gửi lại", "Collect the units' returned books"),
    "ribbon.collect.supertip": (
        "Đọc các sổ đơn vị trong thư mục sổ gửi lại cạnh sổ này và ghi dữ liệu của chúng vào sổ này, "
        "cập nhật sheet Theo dõi báo cáo (như lệnh parcom merge --into). Sổ phải được lưu trước.",
        "Reads the units' books in the returned-books folder beside this book and writes their data "
        "into this book, updating the tracker sheet (as parcom merge --into). Save the book first.",
    ),
    "ribbon.awards.button": ("Ghi khen thưởng", "Record awards"),
    "ribbon.awards.screentip": ("Ghi quyết định khen thưởng", "Record the award decision"),
    "ribbon.awards.supertip": (
        "Ghi những người, tập thể được khen theo quyết định ghi ở sheet Cấu hình vào sheet Khen thưởng "
        "đã nhận (như lệnh parcom record-awards). Sổ phải được lưu trước.",
        "Records the candidates awarded by the decision given on the Settings sheet into Past awards "
        "(as parcom record-awards). Save the book first.",
    ),
    "button.split_folder": ("{stem} - sổ đơn vị", "{stem} - unit copies"),
    "button.returned_folder": ("{stem} - sổ đơn vị gửi lại", "{stem} - returned copies"),
    "button_unsaved": (
        "Sổ làm việc chưa được lưu thành tệp nên nút {button} chưa có tệp để làm việc: hãy lưu sổ rồi bấm {button} lại.",
        "The workbook is not saved as a file, so the {button} button has no file to work on: save it and click {button} again.",
    ),
    "button_unsaved_changes": (
        "Sổ {file} có thay đổi chưa lưu, mà nút {button} phải đóng sổ để ghi vào tệp: hãy lưu sổ rồi bấm {button} lại.",
        "The book {file} has unsaved changes, and the {button} button must close it to write the file: save it and click {button} again.",
    ),
    "button_copies_exist": (
        "Thư mục {folder} đã có sổ đơn vị {file} và nút Tách sổ đơn vị không ghi đè: hãy đổi tên hoặc chuyển thư mục đó đi rồi bấm lại.",
        "The folder {folder} already holds the unit copy {file} and the Split button overwrites nothing: rename or move that folder, then click again.",
    ),
    "button_no_returned": (
        "Chưa có thư mục {folder}: hãy tạo thư mục đó, chép vào các sổ đơn vị gửi về rồi bấm Tổng hợp lại.",
        "There is no folder {folder}: create it, copy the books the units sent back into it, then click Collect again.",
    ),
    "button_no_decision": (
        "Sheet {sheet} của sổ {file} chưa có giá trị dùng được cho {missing}: hãy điền (ngày dạng 20/01/2026; thêm dòng có tên ấy nếu sheet chưa có) rồi bấm Ghi khen thưởng lại.",
        "The {sheet} sheet of {file} has no usable value for {missing}: fill it in (a date as 20/01/2026; add a row of that name if the sheet has none), then click Record awards again.",
    ),
    "button.reopened": (
        "Sổ đã được đóng trong lúc ghi và mở lại với nội dung mới.",
        "The book was closed while it was written and reopened with the new content.",
    ),
    "button.open_again": (
        "Sổ đã được đóng trong lúc ghi nhưng Excel không mở lại được: hãy mở lại tệp {file}.",
        "The book was closed while it was written but Excel could not open it again: open the file {file}.",
    ),
    "button.reopen": (
        "Tệp {file} đã được ghi: hãy đóng sổ này mà không lưu rồi mở lại để xem nội dung mới.",
        "The file {file} was written: close this book without saving and open it again to see the new content.",
    ),
}
