"""Sentences of the template: the guide sheet, dropdown and input messages, init's replies."""

from __future__ import annotations

TEXTS: dict[str, tuple[str, str]] = {
    "tpl.title": (
        "HƯỚNG DẪN SỬ DỤNG MẪU DỮ LIỆU PHONG TRÀO THI ĐUA",
        "HOW TO USE THE EMULATION MOVEMENT WORKBOOK",
    ),
    "tpl.steps": ("CÁC BƯỚC THỰC HIỆN", "STEPS"),
    "tpl.step1": (
        "Mở sheet “{settings}”: kiểm tra kỳ xét (Từ năm, Đến năm), số lượng khen thưởng và các ngưỡng. "
        "Chỉ sửa cột “{value}”.",
        "Open the “{settings}” sheet: check the period (From year, To year), the award quotas and the "
        "thresholds. Edit the “{value}” column only.",
    ),
    "tpl.step2": (
        "Nhập hoặc dán dữ liệu vào các sheet {sheets}. Mỗi sheet là một bảng: gõ tiếp vào dòng ngay dưới "
        "bảng thì bảng tự mở rộng. Không đổi tên tiêu đề cột; có thể thêm cột riêng ở bên phải.",
        "Type or paste the data into the sheets {sheets}. Each sheet is a table: typing in the row just "
        "below it extends the table. Do not rename the column headers; you may add your own columns on "
        "the right.",
    ),
    "tpl.step3": (
        "Cột có tiêu đề màu cam là bắt buộc. Ở các cột có danh sách, bấm mũi tên để chọn giá trị; cột "
        "mã đơn vị, mã cán bộ liệt kê các mã đã có ở sheet “{units}”, “{staff}” (nhập đơn vị, cán bộ "
        "vào đó trước). Ngày nhập dạng dd/mm/yyyy (ví dụ 15/03/2024); năm nhập 4 chữ số.",
        "Columns with an orange header are required. Where a column has a list, click the arrow to pick "
        "a value; unit and staff code columns list the codes already in the “{units}” and “{staff}” "
        "sheets (enter units and staff there first). Type dates as dd/mm/yyyy (e.g. 15/03/2024) and "
        "years with 4 digits.",
    ),
    "tpl.step4": (
        "Bấm nút “Đánh giá” trên thẻ parcom của Excel, hoặc chạy lệnh: parcom evaluate <tên tệp>.xlsx",
        "Click “Evaluate” on the parcom tab of Excel, or run: parcom evaluate <file name>.xlsx",
    ),
    "tpl.step5": (
        "Nếu có sheet “{errors}”: bấm vào địa chỉ ô để đến ô cần sửa, sửa xong thì đánh giá lại. "
        "Còn lỗi thì chưa có kết quả; cảnh báo chỉ để lưu ý.",
        "If the “{errors}” sheet appears: click a cell address to go to the cell, fix it and evaluate "
        "again. Errors stop the evaluation; warnings do not.",
    ),
    "tpl.step6": (
        "Đọc kết quả: “{units_result}” và “{staff_result}” (từng tiêu chí: đạt, không đạt hoặc thiếu "
        "dữ liệu, kèm lý do), “{nominations}” (danh sách in khổ A4), “{dashboard}” (số liệu và biểu đồ).",
        "Read the results: “{units_result}” and “{staff_result}” (each criterion met, not met or lacking "
        "data, with the reason), “{nominations}” (printable on A4), “{dashboard}” (counts and a chart).",
    ),
    "tpl.step7": (
        "Các sheet kết quả được ghi lại sau mỗi lần đánh giá: không nhập dữ liệu vào đó. Khi có đồng hạng "
        "ở ranh giới số lượng khen thưởng, chương trình chỉ đề xuất; Hội đồng thi đua – khen thưởng xem "
        "xét, quyết định.",
        "The result sheets are rewritten on every evaluation: do not type data into them. Where candidates "
        "tie at the edge of a quota the tool only proposes; the emulation council decides.",
    ),
    "tpl.sheets": ("CÁC SHEET DỮ LIỆU", "DATA SHEETS"),
    "tpl.sheet": ("Sheet “{name}”", "Sheet “{name}”"),
    "tpl.unique": ("Không được trùng: {keys}.", "Must be unique: {keys}."),
    "tpl.settings_note": (
        "Mỗi dòng một tham số; chỉ sửa cột “{value}”. Ý nghĩa từng tham số ghi ngay trong sheet.",
        "One setting a row; edit the “{value}” column only. Each setting is explained in the sheet.",
    ),
    "tpl.col_header": (
        "Cột|Bắt buộc|Kiểu dữ liệu|Giá trị cho phép|Ghi chú",
        "Column|Required|Type|Allowed values|Notes",
    ),
    "tpl.criteria": ("TIÊU CHÍ XÉT (KẾ HOẠCH, MỤC IV)", "CRITERIA (PLAN, SECTION IV)"),
    "tpl.crit_header": ("Mã|Mục|Tiêu chí", "Code|Section|Criterion"),
    "tpl.collective": ("Tập thể", "Collectives"),
    "tpl.individual": ("Cá nhân", "Individuals"),
    "tpl.awards": (
        "Hình thức khen thưởng, theo thứ tự ưu tiên: {awards}. Số lượng: xem sheet “{settings}”.",
        "Awards, highest first: {awards}. Quotas: see the “{settings}” sheet.",
    ),
    "tpl.type_text": ("Chữ", "Text"),
    "tpl.type_int": ("Số nguyên", "Whole number"),
    "tpl.type_year": ("Năm (4 chữ số)", "Year (4 digits)"),
    "tpl.type_date": ("Ngày (dd/mm/yyyy)", "Date (dd/mm/yyyy)"),
    "tpl.type_enum": ("Chọn trong danh sách", "Pick from the list"),
    "tpl.type_codes": ("Danh sách mã, cách nhau bởi dấu ;", "Codes separated by ;"),
    "tpl.type_enum_list": (
        "Một hoặc nhiều giá trị, cách nhau bởi dấu ;",
        "One or more values separated by ;",
    ),
    "tpl.ref": (
        "Mã có trong sheet “{sheet}” (bấm mũi tên để chọn)",
        "A code listed in sheet “{sheet}” (click the arrow to pick)",
    ),
    "tpl.ref_either": (
        "Mã có trong sheet “{staff}” hoặc “{units}” (bấm mũi tên để chọn)",
        "A code listed in sheet “{staff}” or “{units}” (click the arrow to pick)",
    ),
    "tpl.min": ("Từ {min} trở lên", "{min} or more"),
    "tpl.list_error_title": ("Giá trị không có trong danh sách", "Value not in the list"),
    # A stop alert (Cấu hình) says what to type; a warning (data sheets) names its buttons as a
    # Vietnamese Excel shows them: Có (Yes) keeps the value, Không (No) goes back to the cell.
    "tpl.setting_list_error": (
        "Hãy chọn một giá trị trong danh sách (bấm mũi tên bên phải ô): {values}.",
        "Pick one value from the list (click the arrow beside the cell): {values}.",
    ),
    "tpl.list_warning": (
        "Giá trị này không có trong danh sách. Bấm Có (Yes) để giữ nếu đó là cách viết quen dùng; "
        "bấm Không (No) để sửa lại.",
        "This value is not in the list. Click Yes to keep it if it is a usual spelling; click No to "
        "correct it.",
    ),
    "tpl.list_warning_example": (
        "Giá trị này không có trong danh sách. Bấm Có (Yes) để giữ nếu đó là cách viết tắt quen dùng "
        "(ví dụ {example}); bấm Không (No) để sửa lại.",
        "This value is not in the list. Click Yes to keep it if it is a usual abbreviation (e.g. "
        "{example}); click No to correct it.",
    ),
    "tpl.multi_warning": (
        "Giá trị này không có trong danh sách. Muốn ghi nhiều giá trị thì cách nhau bởi dấu ; rồi bấm "
        "Có (Yes) để giữ; gõ sai thì bấm Không (No) để sửa lại.",
        "This value is not in the list. To enter several values separate them by ; and click Yes to "
        "keep them; click No to correct a typing error.",
    ),
    "tpl.code_error_title": ("Mã chưa có", "Code not found"),
    "tpl.code_warning": (
        "Mã này chưa có trong sheet “{sheet}”. Bấm Không (No) để sửa lại. Bấm Có (Yes) để giữ nếu sẽ "
        "thêm mã này vào sheet “{sheet}”; nếu chưa thêm thì khi Đánh giá mã này bị báo lỗi.",
        "This code is not in the “{sheet}” sheet. Click No to correct it. Click Yes to keep it if you "
        "will add it to “{sheet}”; until then Evaluate reports it as an error.",
    ),
    "tpl.codes_warning": (
        "Mã này chưa có trong sheet “{sheet}”. Muốn ghi nhiều mã thì cách nhau bởi dấu ; rồi bấm Có "
        "(Yes) để giữ; gõ sai thì bấm Không (No) để sửa lại. Mã không có trong sheet “{sheet}” bị báo "
        "lỗi khi Đánh giá.",
        "This code is not in the “{sheet}” sheet. To enter several codes separate them by ; and click "
        "Yes to keep them; click No to correct a typing error. A code missing from “{sheet}” is an "
        "error on Evaluate.",
    ),
    "tpl.council_code_warning": (
        "Mã này chưa có trong sheet “{staff}” hay “{units}”. Bấm Không (No) để sửa lại. Bấm Có (Yes) "
        "để giữ nếu sẽ thêm mã này vào một trong hai sheet đó.",
        "This code is in neither the “{staff}” nor the “{units}” sheet. Click No to correct it. Click "
        "Yes to keep it if you will add it to one of them.",
    ),
    "tpl.council_codes": ("Mã đơn vị, mã cán bộ", "Unit and staff codes"),
    "tpl.int_error_title": ("Cần một số nguyên", "A whole number is needed"),
    "tpl.int_error": ("Hãy nhập một số nguyên từ {min} trở lên.", "Enter a whole number of {min} or more."),
    "tpl.range_error": (
        "Hãy nhập một số nguyên từ {min} đến {max}.",
        "Enter a whole number from {min} to {max}.",
    ),
    "tpl.year_error_title": ("Cần một năm", "A year is needed"),
    "tpl.year_error": (
        "Hãy nhập năm dạng 4 chữ số, từ {min} đến {max}.",
        "Enter a four-digit year from {min} to {max}.",
    ),
    "tpl.date_error_title": ("Cần một ngày", "A date is needed"),
    "tpl.date_error": (
        "Hãy nhập ngày dạng dd/mm/yyyy, ví dụ 15/03/2024.",
        "Enter a date as dd/mm/yyyy, e.g. 15/03/2024.",
    ),
    "tpl.doc_title": (
        "Mẫu dữ liệu đánh giá phong trào thi đua “{movement}”",
        "Data workbook of the emulation movement “{movement}”",
    ),
    "tpl.written": ("Đã ghi mẫu chuẩn vào {file}.", "Wrote the standard template to {file}."),
    "tpl.written_sample": (
        "Đã ghi mẫu chuẩn kèm dữ liệu mẫu ({units} đơn vị, {staff} cán bộ) vào {file}.",
        "Wrote the standard template with sample data ({units} units, {staff} staff) to {file}.",
    ),
    "tpl.not_xlsx": ("tên tệp mẫu phải có đuôi .xlsx", "the template's file name must end in .xlsx"),
    "tpl.is_dir": ("đây là một thư mục", "it is a folder"),
    "tpl.no_dir": ("thư mục không tồn tại", "the folder does not exist"),
    "tpl.not_dir": (
        "trong đường dẫn có một tệp chứ không phải thư mục",
        "part of the path is a file, not a folder",
    ),
    "tpl.denied": (
        "không có quyền ghi, hoặc tệp đang mở trong chương trình khác",
        "permission denied, or the file is open in another program",
    ),
    "tpl.no_space": ("ổ đĩa hết chỗ trống", "the disk is full"),
    "tpl.read_only": ("ổ đĩa chỉ cho đọc", "the disk is read-only"),
}
