"""Sentences of `parcom record-awards` and of the certificates (`parcom documents --certificates`)."""

from __future__ import annotations

TEXTS: dict[str, tuple[str, str]] = {
    "awards_no_decision": (
        'Thiếu số quyết định: hãy ghi --decision, ví dụ --decision "123/QĐ-SKHCN".',
        'The decision number is missing: give --decision, e.g. --decision "123/QĐ-SKHCN".',
    ),
    "awards_decision_half": (
        "Đã ghi {given} mà thiếu phần kia: hãy ghi cả --decision và --date, hoặc bỏ cả hai để dùng quyết định ghi trong Cấu hình.",
        "{given} was given without the other: give both --decision and --date, or neither to use the decision in the settings.",
    ),
    "awards_no_decision_settings": (
        "Sheet {sheet} của sổ {file} chưa có giá trị dùng được cho {missing}: hãy điền (ngày dạng 20/01/2026), "
        "hoặc ghi --decision và --date trong lệnh.",
        "The {sheet} sheet of {file} has no usable value for {missing}: fill it in (a date as 20/01/2026), "
        "or give --decision and --date.",
    ),
    "awards_data_errors": (
        "Tệp {file} còn {count} lỗi dữ liệu nên chưa biết ai được khen; không ghi gì: hãy chạy parcom validate {file} và sửa lỗi trước.",
        "The file {file} still has {count} data {count:error|errors}, so who is awarded is not known; nothing is "
        "written: run parcom validate {file} and fix them first.",
    ),
    "awards_no_sheet": (
        'Tệp {file} không có sheet "{sheet}" nên không ghi được khen thưởng: hãy thêm sheet đó (lấy từ mẫu của parcom init) rồi chạy lại.',
        'The file {file} has no sheet "{sheet}", so the awards cannot be recorded: add it (from the parcom init template) and run again.',
    ),
    "awards_none": (
        "Danh sách của tệp {file} không có ai được {award} nên không ghi gì: hãy kiểm tra --award và kết quả biểu quyết.",
        "The list of {file} gives no one the {award}, so nothing is written: check --award and the council's votes.",
    ),
    "awards_decision_taken": (
        "Tệp {file} đã ghi Quyết định số {decision} ngày {date} ({award}) cho {who} ở sheet Khen thưởng đã nhận, "
        "khác ngày hoặc hình thức của quyết định đang ghi, nên không ghi gì: hãy kiểm tra lại số, ngày quyết định và --award.",
        "The file {file} already records the decision {decision} of {date} ({award}) for {who} on its awards sheet, "
        "with another date or award than the one given, so nothing is written: check the number, the date and --award.",
    ),
    "awards.added": (
        'Đã ghi {count} khen thưởng theo Quyết định số {decision} ngày {date} ({award}) vào sheet "{sheet}" của {file}: {names}.',
        'Recorded {count} {count:award|awards} of the decision {decision} of {date} ({award}) on the sheet "{sheet}" of {file}: {names}.',
    ),
    "awards.nothing": (
        "Quyết định số {decision} đã được ghi đủ cho cả {count} người, tập thể; tệp {file} giữ nguyên.",
        "The decision {decision} is already recorded for all {count}; {file} is left as it was.",
    ),
    "cert.nation": ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "SOCIALIST REPUBLIC OF VIET NAM"),
    "cert.motto": ("Độc lập - Tự do - Hạnh phúc", "Independence - Freedom - Happiness"),
    "cert.give": ("TẶNG", "AWARDS"),
    "cert.title": ("GIẤY KHEN", "CERTIFICATE OF MERIT"),
    "cert.person": ("Ông/Bà: {name}", "Mr/Ms {name}"),
    "cert.collective": ("Tập thể: {name}", "The collective {name}"),
    "cert.unit": ("Đơn vị: {unit}", "Unit: {unit}"),
    "cert.achievement": (
        "Đã có thành tích xuất sắc trong phong trào thi đua “{movement}” giai đoạn {first}–{last}.",
        "For outstanding achievement in the emulation movement “{movement}”, {first}–{last}.",
    ),
    "cert.decision": ("Quyết định số {number} ngày {date}", "Decision no. {number} of {date}"),
    "cert.place_date": ("{place}, ngày {d} tháng {m} năm {y}", "{place}, {d}/{m}/{y}"),
    "cert.no_signer": ("[chưa có: họ tên người ký]", "[missing: signer's name]"),
    "cert.file": ("06_Giay_khen.docx", "06_Certificates.docx"),
    "cert.file_blank": ("06_Giay_khen_in_phoi.docx", "06_Certificates_on_blanks.docx"),
    "cert.file_grid": ("06_Luoi_can_phoi.docx", "06_Alignment_grid.docx"),
    "cert.grid_note": (
        "In trang này lên một tờ phôi, đo vị trí từng ô (mm, tính từ góc trên bên trái) rồi ghi vào Cấu hình.",
        "Print this page onto a blank, measure each field's position (mm from the top left corner) and write it in Settings.",
    ),
    "cert_none": (
        "Tệp {file} chưa ghi quyết định Giấy khen nào của phong trào này ở sheet {sheet} nên chưa có giấy khen để in: "
        "hãy chạy parcom record-awards trước.",
        "The file {file} records no certificate decision of this movement on the sheet {sheet}, so there is nothing "
        "to print: run parcom record-awards first.",
    ),
    "cert_bad_positions": (
        'Tệp {file}, sheet {sheet} ô {cell}: vị trí "{part}" không đọc được: hãy ghi dạng ten=trái,trên,rộng (mm), '
        "ví dụ ten=60,86,177.",
        'File {file}, sheet {sheet} cell {cell}: the position "{part}" cannot be read: write name=left,top,width '
        "(mm), e.g. ten=60,86,177.",
    ),
    "cert.written": (
        "Đã ghi {count} giấy khen vào {file}.",
        "Wrote {count} {count:certificate|certificates} into {file}.",
    ),
    "cert.grid_written": ("Trang lưới để căn phôi: {file}.", "The grid page to align the blanks: {file}."),
    "book_open_in_excel": (
        "Tệp {file} đang mở trong Excel (có tệp khóa {lock}) nên không ghi vào được: hãy lưu, đóng tệp trong Excel rồi chạy lại.",
        "The file {file} is open in Excel (its lock file {lock} is there), so it cannot be written: save and close it in Excel, then run again.",
    ),
}
