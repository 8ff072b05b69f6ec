"""Problem and refusal sentences: data problems (errors sheet) and files that cannot be used."""

from __future__ import annotations

TEXTS: dict[str, tuple[str, str]] = {
    # ---- files that cannot be used (exit code 2)
    "file_not_found": (
        "Không tìm thấy tệp {file}: hãy kiểm tra lại đường dẫn.",
        "File {file} was not found: check the path.",
    ),
    "not_a_spreadsheet": (
        "Tệp {file} không phải là bảng tính Excel (.xlsx, .xlsm): hãy mở bằng Excel và lưu lại dạng .xlsx.",
        "File {file} is not an Excel workbook (.xlsx, .xlsm): open it in Excel and save it as .xlsx.",
    ),
    "ods_file": (
        "Tệp {file} là bảng tính OpenDocument (.ods): hãy mở bằng LibreOffice hoặc Excel và lưu lại dạng .xlsx.",
        "File {file} is an OpenDocument spreadsheet (.ods): save it as .xlsx from LibreOffice or Excel.",
    ),
    "xls_read_only": (
        "Tệp {file} là định dạng Excel 97–2003 (.xls): kiểm tra được (parcom validate) nhưng không ghi kết quả vào được; hãy mở bằng Excel, lưu lại dạng .xlsx rồi đánh giá tệp .xlsx đó.",
        "File {file} is an Excel 97–2003 (.xls) file: it can be checked (parcom validate) but results cannot be written into it; save it as .xlsx in Excel and evaluate that file.",
    ),
    "truncated_file": (
        "Tệp {file} bị hỏng hoặc chưa chép hết: hãy chép lại tệp gốc rồi thử lại.",
        "File {file} is damaged or incompletely copied: copy the original again and retry.",
    ),
    "encrypted_file": (
        "Tệp {file} được đặt mật khẩu mở: hãy mở bằng Excel, bỏ mật khẩu (Tệp > Thông tin > Bảo vệ sổ làm việc) rồi lưu lại.",
        "File {file} is password-protected: open it in Excel, remove the password (File > Info > Protect Workbook) and save.",
    ),
    "strict_ooxml": (
        "Tệp {file} được lưu dạng Strict Open XML: hãy mở bằng Excel và lưu lại dạng Sổ làm việc Excel (.xlsx) thông thường.",
        "File {file} is saved as Strict Open XML: save it again in Excel as a regular Excel Workbook (.xlsx).",
    ),
    "structure_protected": (
        "Sổ làm việc {file} đang khóa cấu trúc nên không thêm được sheet kết quả: hãy bỏ khóa (Xem lại > Bảo vệ sổ làm việc) rồi chạy lại.",
        "Workbook {file} has its structure protected, so result sheets cannot be added: unprotect it (Review > Protect Workbook) and retry.",
    ),
    "too_large": (
        "Tệp {file} quá lớn hoặc bất thường ({detail}): hãy kiểm tra tệp, nó có thể bị hỏng hoặc độc hại.",
        "File {file} is too large or abnormal ({detail}): check it, it may be damaged or malicious.",
    ),
    "unsafe_xml": (
        "Tệp {file} chứa phần XML không an toàn ({detail}) nên không được mở: hãy mở bằng Excel và lưu lại.",
        "File {file} contains unsafe XML ({detail}) and was not opened: open it in Excel and save it again.",
    ),
    "locked_by_excel": (
        "Tệp {file} đang mở trong Excel (có tệp khóa {lock}): hãy đóng tệp trong Excel rồi chạy lại, hoặc dùng -o để ghi ra tệp khác.",
        "File {file} is open in Excel (lock file {lock}): close it in Excel and retry, or use -o to write another file.",
    ),
    "not_writable": (
        "Không ghi được vào {file} ({detail}): hãy chọn thư mục có quyền ghi và còn chỗ trống.",
        "Cannot write {file} ({detail}): choose a folder you can write to, with free space.",
    ),
    "exists": (
        "Tệp {file} đã có: hãy chọn tên khác hoặc thêm --force để ghi đè.",
        "File {file} already exists: choose another name or add --force to overwrite it.",
    ),
    "empty_workbook": (
        "Tệp {file} không có sheet nào có dữ liệu: hãy dùng mẫu chuẩn (parcom init) và nhập dữ liệu.",
        "File {file} has no sheet with data: start from the standard template (parcom init).",
    ),
    "missing_sheet": (
        'Tệp {file} thiếu sheet "{sheet}": hãy dùng mẫu chuẩn (parcom init) hoặc thêm sheet đó với đúng tiêu đề cột.',
        'File {file} has no sheet "{sheet}": use the standard template (parcom init) or add that sheet with its headers.',
    ),
    "no_header": (
        'Sheet "{sheet}" của tệp {file} không có dòng tiêu đề (cần các cột {columns}): hãy chép dòng tiêu đề từ mẫu chuẩn.',
        'Sheet "{sheet}" of {file} has no header row (needs columns {columns}): copy the header row from the standard template.',
    ),
    "missing_column": (
        'Sheet "{sheet}" của tệp {file} thiếu cột bắt buộc "{column}" ở dòng tiêu đề {cell}: hãy thêm cột đó.',
        'Sheet "{sheet}" of {file} lacks the required column "{column}" in the header row {cell}: add it.',
    ),
    "duplicate_header": (
        'Sheet "{sheet}" của tệp {file} có hai cột cùng tiêu đề "{column}" (ô {cell} và {other}): hãy xóa hoặc đổi tên một cột.',
        'Sheet "{sheet}" of {file} has two columns headed "{column}" ({cell} and {other}): remove or rename one.',
    ),
    "merged_header": (
        'Sheet "{sheet}" của tệp {file} có ô tiêu đề bị gộp ({cell}): hãy bỏ gộp ô (Trang đầu > Gộp và căn giữa) để mỗi cột một tiêu đề.',
        'Sheet "{sheet}" of {file} has merged header cells ({cell}): unmerge them so each column has its own header.',
    ),
    "bad_setting": (
        'Tham số "{name}" ở sheet "{sheet}" ô {cell} có giá trị "{value}" không dùng được: {hint}.',
        'Setting "{name}" on sheet "{sheet}" cell {cell} has the unusable value "{value}": {hint}.',
    ),
    "bad_option": (
        "Tùy chọn không dùng được: {detail}.",
        "Unusable option: {detail}.",
    ),
    "unexpected": (
        "Có lỗi không lường trước khi xử lý {file} ({detail}): tệp của bạn không bị thay đổi; hãy gửi tệp và thông báo này cho bộ phận hỗ trợ.",
        "Unexpected failure while processing {file} ({detail}): your file was not changed; send it with this message to support.",
    ),
    # ---- cell-level data problems (validation)
    "required": (
        "Ô bắt buộc nhưng đang để trống: hãy nhập {column}.",
        "Required cell is empty: enter {column}.",
    ),
    "not_integer": (
        '"{value}" không phải số nguyên: hãy nhập một số nguyên cho {column}.',
        '"{value}" is not a whole number: enter a whole number for {column}.',
    ),
    "not_year": (
        '"{value}" không phải một năm: hãy nhập năm dạng 4 chữ số, ví dụ 2024.',
        '"{value}" is not a year: enter a four-digit year, e.g. 2024.',
    ),
    "not_date": (
        '"{value}" không phải ngày tháng: hãy nhập ngày dạng dd/mm/yyyy.',
        '"{value}" is not a date: enter a date as dd/mm/yyyy.',
    ),
    "bad_choice": (
        '"{value}" không phải giá trị hợp lệ của {column}: hãy chọn một trong {choices}.',
        '"{value}" is not a valid {column}: choose one of {choices}.',
    ),
    "below_min": (
        "{column} = {value} nhỏ hơn {min}: hãy kiểm tra lại số liệu.",
        "{column} = {value} is below {min}: check the figure.",
    ),
    "formula_no_value": (
        "Ô có công thức nhưng Excel chưa tính giá trị: hãy mở tệp bằng Excel, lưu lại rồi chạy lại.",
        "The cell holds a formula Excel has not calculated yet: open the file in Excel, save it and retry.",
    ),
    "legacy_font": (
        '"{value}" có vẻ được gõ bằng phông cũ (TCVN3/VNI): hãy chuyển sang Unicode (Unikey: Công cụ chuyển mã) rồi nhập lại.',
        '"{value}" looks typed in a legacy font (TCVN3/VNI): convert it to Unicode (Unikey\'s converter) and re-enter it.',
    ),
    "duplicate_key": (
        '{key_label} "{value}" bị trùng với dòng {other}: mỗi {key_label} chỉ được nhập một lần.',
        '{key_label} "{value}" repeats row {other}: enter each {key_label} once.',
    ),
    "unknown_ref": (
        '{column} "{value}" không có trong sheet "{target}": hãy thêm vào sheet đó hoặc sửa lại mã.',
        '{column} "{value}" is not in sheet "{target}": add it there or correct the code.',
    ),
    "left_before_joined": (
        "Ngày nghỉ {value} trước ngày vào {joined}: hãy sửa lại ngày.",
        "Left on {value} is before joined on {joined}: correct the dates.",
    ),
    "done_gt_assigned": (
        "Số nhiệm vụ hoàn thành đúng hạn ({value}) lớn hơn số được giao ({assigned}): hãy kiểm tra lại.",
        "Tasks done on time ({value}) exceed tasks assigned ({assigned}): check the figures.",
    ),
    "discipline_no_target": (
        "Dòng kỷ luật không ghi Mã cán bộ cũng không ghi Mã đơn vị: hãy ghi một trong hai.",
        "The discipline row names neither a staff code nor a unit code: enter one.",
    ),
    "rating_with_discipline": (
        'Người này bị kỷ luật năm {year} (ô {discipline_cell}) nhưng được xếp loại "{value}": theo Nghị định 48/2023, năm bị kỷ luật được xếp loại Không hoàn thành nhiệm vụ; hãy kiểm tra lại.',
        'This person was disciplined in {year} (cell {discipline_cell}) but rated "{value}": under Decree 48/2023 a disciplined year is rated Did not complete; check it.',
    ),
    "no_authors": (
        "Ô Tác giả không có mã cán bộ nào: hãy ghi mã các tác giả, cách nhau bởi dấu ;",
        "The Authors cell holds no staff code: enter the authors' codes separated by ;",
    ),
    "period_reversed": (
        'Từ năm ({from_year}) lớn hơn Đến năm ({to_year}): không có năm nào để xét; hãy sửa lại kỳ xét trong sheet "{sheet}".',
        'From year ({from_year}) is after To year ({to_year}): there is no year to judge; correct the period in sheet "{sheet}".',
    ),
    "quota_min_gt_max": (
        'Số lượng tối thiểu ({value}) lớn hơn tối đa ({max}) của {name}: hãy sửa lại trong sheet "{sheet}".',
        'Minimum ({value}) exceeds maximum ({max}) for {name}: correct it in sheet "{sheet}".',
    ),
    "setting_missing": (
        'Thiếu tham số "{name}" trong sheet "{sheet}": dùng giá trị mặc định {default}.',
        'Setting "{name}" is missing from sheet "{sheet}": the default {default} is used.',
    ),
    "unknown_tiebreak": (
        'Không hiểu tiêu chí xếp hạng "{value}": hãy dùng một trong {choices}.',
        'Unknown ranking key "{value}": use one of {choices}.',
    ),
    # ---- evaluation warnings
    "quota_short": (
        "Chỉ có {count} {who} đủ tiêu chuẩn, ít hơn số lượng tối thiểu {min} của {award}.",
        "Only {count} {who} qualify, fewer than the minimum {min} for {award}.",
    ),
    "tie_at_edge": (
        "{count} {who} đồng hạng ở ranh giới số lượng {award} ({seats} suất): Hội đồng thi đua – khen thưởng xem xét, quyết định.",
        "{count} {who} tie at the edge of the {award} quota (places left: {seats}): the emulation council decides.",
    ),
    "results_stale": (
        "Dữ liệu đã thay đổi sau lần đánh giá lúc {value}: các sheet kết quả hiện có không còn đúng, hãy đánh giá lại.",
        "The data changed after the evaluation of {value}: the result sheets are out of date, evaluate again.",
    ),
    "sheet_name_taken": (
        'Sheet "{value}" là của người dùng nên không bị ghi đè; kết quả được ghi vào sheet "{other}".',
        'Sheet "{value}" belongs to the user and was not overwritten; results went to sheet "{other}".',
    ),
    "not_readable": (
        "Không đọc được tệp {file} ({detail}): hãy kiểm tra quyền truy cập tệp rồi chạy lại.",
        "Cannot read file {file} ({detail}): check the file's permissions and retry.",
    ),
    # ---- the Excel add-in and the Evaluate button
    "addin_built": (
        "Đã tạo {count} tệp add-in trong {folder} (xlwings {version}): {files}.",
        "Wrote {count} add-in {count:file|files} into {folder} (xlwings {version}): {files}.",
    ),
    "addin_installed": (
        'Đã cài {count} tệp add-in vào {folder} ({files}), chạy bằng Python {interpreter}: hãy khởi động lại Excel để thấy thẻ "Thi đua CCHC".',
        'Installed {count} add-in {count:file|files} into {folder} ({files}), running Python {interpreter}: restart Excel to see the "Thi đua CCHC" tab.',
    ),
    "addin_no_excel": (
        "Hệ thống này ({system}) không có Excel nên không cài được add-in: hãy chép tệp {file} vào thư mục XLSTART của Excel trên máy Windows hoặc macOS.",
        "This system ({system}) has no Excel, so the add-in cannot be installed here: copy {file} into Excel's XLSTART folder on a Windows or macOS computer.",
    ),
    "addin_bad_name": (
        "Tệp add-in phải tên là parcom_excel.xlam hoặc là một thư mục (Excel gọi mô-đun Python theo tên tệp), không phải {file}.",
        "The add-in file must be named parcom_excel.xlam, or be a folder (Excel imports the Python module named like the file), not {file}.",
    ),
    "xlwings_missing": (
        'Python {python} chưa có xlwings (cần cho nút Đánh giá trong Excel): hãy cài bằng lệnh pip install "parcom-excel[excel]" từ thư mục parcom-excel bạn được giao, rồi chạy lại.',
        'Python {python} has no xlwings (needed for the Evaluate button in Excel): install it with pip install "parcom-excel[excel]" from the parcom-excel folder you were given, then retry.',
    ),
    "addin_template_missing": (
        "Không tìm thấy hoặc không dùng được mẫu add-in của xlwings ({file}): hãy cài lại bằng lệnh pip install --force-reinstall xlwings==0.37.8.",
        "The xlwings add-in template ({file}) is missing or unusable: reinstall it with pip install --force-reinstall xlwings==0.37.8.",
    ),
    "addin_in_use": (
        "Không ghi được {file} ({detail}): hãy đóng Excel rồi chạy lại lệnh.",
        "Cannot write {file} ({detail}): close Excel and run the command again.",
    ),
    "excel_unexpected": (
        "Có lỗi không lường trước ({detail}): sổ làm việc không bị thay đổi; hãy gửi thông báo này cho bộ phận hỗ trợ.",
        "Unexpected failure ({detail}): the workbook was not changed; send this message to support.",
    ),
    "excel_write_failed": (
        "Có lỗi khi ghi kết quả vào sổ làm việc ({detail}): các sheet kết quả có thể chưa đầy đủ; hãy bấm Đánh giá lại, nếu vẫn lỗi hãy gửi thông báo này cho bộ phận hỗ trợ.",
        "Writing the results into the workbook failed ({detail}): the result sheets may be incomplete; click Evaluate again, and if it fails again send this message to support.",
    ),
    # ---- parcom batch and parcom merge
    "batch_no_target": (
        "Hãy chọn nơi ghi kết quả: --out THƯ_MỤC để ghi bản sao vào thư mục khác, hoặc --in-place để ghi vào chính các tệp.",
        "Choose where the results go: --out DIR to write copies into another folder, or --in-place to write into the files themselves.",
    ),
    "batch_two_targets": (
        "Chỉ chọn một trong hai: --out THƯ_MỤC hoặc --in-place.",
        "Choose only one of --out DIR and --in-place.",
    ),
    "folder_not_found": (
        "Không tìm thấy thư mục {file}: hãy kiểm tra lại đường dẫn.",
        "Folder {file} was not found: check the path.",
    ),
    "batch_empty": (
        "Thư mục {file} không có sổ làm việc nào (.xlsx, .xlsm, .xls): hãy kiểm tra lại thư mục, hoặc thêm --recursive để xét cả các thư mục con.",
        "Folder {file} holds no workbook (.xlsx, .xlsm, .xls): check the folder, or add --recursive to include its subfolders.",
    ),
    "skipped_lock_file": (
        "{file} là tệp khóa hoặc tệp tạm (của Excel hoặc của chương trình) nên được bỏ qua.",
        "{file} is a lock or temporary file (of Excel or of this tool), so it was skipped.",
    ),
    "unchanged_since": (
        "Dữ liệu không đổi từ lần đánh giá lúc {when} (mã dữ liệu {fingerprint}) nên được bỏ qua: bỏ --changed-only nếu muốn đánh giá lại.",
        "The data has not changed since the evaluation of {when} (data {fingerprint}), so it was skipped: drop --changed-only to evaluate it again.",
    ),
    "worker_crashed": (
        "Tiến trình xử lý tệp {file} bị dừng đột ngột (mã thoát {exit_status}); tệp không bị thay đổi và các tệp khác vẫn được xử lý: hãy chạy riêng tệp này bằng parcom evaluate, nếu vẫn lỗi hãy gửi tệp cho bộ phận hỗ trợ.",
        "The worker processing {file} stopped abruptly (exit code {exit_status}); the file was not changed and the other files went on: run parcom evaluate on it alone, and if it fails again send it to support.",
    ),
    "worker_timeout": (
        "Tệp {file} xử lý quá {seconds} giây nên đã bị dừng; tệp không bị thay đổi: hãy kiểm tra tệp (có thể quá lớn) rồi chạy riêng nó bằng parcom evaluate, hoặc tăng --timeout.",
        "File {file} took more than {seconds} seconds and was stopped; it was not changed: check the file (it may be too large), run parcom evaluate on it alone, or raise --timeout.",
    ),
    "merge_conflict": (
        '{key_label} "{value}" có {column} khác nhau: "{first_value}" ở {first} và "{second_value}" ở {second}; bản tổng hợp giữ dòng của {first_file}: hãy thống nhất với đơn vị, sửa tệp sai rồi gộp lại.',
        '{key_label} "{value}" has different {column}: "{first_value}" in {first} and "{second_value}" in {second}; the master keeps the row of {first_file}: agree with the units, correct the wrong file and merge again.',
    ),
    "merge_output_is_input": (
        "Tệp tổng hợp {file} cũng là một tệp đầu vào: hãy đặt tên khác cho -o, vì tệp tổng hợp luôn được ghi thành tệp mới.",
        "The master {file} is also one of the inputs: give -o another name, since the master is always written as a new file.",
    ),
    "merge_setting_differs": (
        'Tham số "{name}" ở {other} là "{other_value}", khác với "{value}" ở {source}: bản tổng hợp dùng giá trị của {source}; hãy kiểm tra lại.',
        'Setting "{name}" is "{other_value}" in {other} but "{value}" in {source}: the master uses the value of {source}; check it.',
    ),
    "hint.enter_value": ("hãy nhập giá trị", "enter a value"),
    "hint.whole_number": ("hãy nhập một số nguyên", "enter a whole number"),
    "hint.number_range": ("hãy nhập số trong khoảng {min}–{max}", "enter a number from {min} to {max}"),
    "hint.choose_one": ("hãy chọn một trong {choices}", "choose one of {choices}"),
}
