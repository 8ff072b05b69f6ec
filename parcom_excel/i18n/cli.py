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
    # ---- help: `parcom --help` and each command's (key "help.<command>[.<subcommand>]" for the
    # command, "help.<command>.<parameter>" for an option, "help.*.<parameter>" shared by all)
    "help.parcom": (
        'parcom: đánh giá phong trào thi đua "Đẩy mạnh cải cách hành chính Nhà nước" từ sổ làm việc Excel của phong trào. Thông báo bằng tiếng Việt; thêm --lang en (hoặc đặt PARCOM_LANG=en) để dùng tiếng Anh.',
        "parcom: evaluate the administrative-reform (CCHC) emulation movement from its Excel workbook. Messages are in Vietnamese by default; add --lang en (or set PARCOM_LANG=en) for English.",
    ),
    "short.init": (
        "Tạo sổ làm việc theo mẫu chuẩn (có thể kèm dữ liệu mẫu).",
        "Write the standard template (and sample data).",
    ),
    "short.validate": (
        "Kiểm tra sổ làm việc và liệt kê các lỗi dữ liệu.",
        "Check a workbook and list its data problems.",
    ),
    "short.evaluate": (
        "Đánh giá sổ làm việc và ghi kết quả vào đó.",
        "Evaluate a workbook and write the results into it.",
    ),
    "short.batch": ("Đánh giá mọi sổ làm việc trong một thư mục.", "Evaluate every workbook of a folder."),
    "short.merge": (
        "Gộp sổ làm việc của các đơn vị thành một sổ tổng hợp.",
        "Merge the units' workbooks into one master workbook.",
    ),
    "short.addin": ("Tạo hoặc cài add-in Excel.", "Build or install the Excel add-in."),
    "help.init": (
        "Ghi sổ làm việc theo mẫu chuẩn vào tệp mới (.xlsx).",
        "Write the standard template workbook to a new file (.xlsx).",
    ),
    "help.init.sample": ("Điền sẵn dữ liệu mẫu như thật.", "Fill the template with realistic sample data."),
    "help.init.force": ("Ghi đè nếu tệp đã có.", "Overwrite the file if it exists."),
    "help.validate": (
        "Kiểm tra sổ làm việc theo mẫu chuẩn và liệt kê mọi lỗi, cảnh báo về dữ liệu (không đánh giá).",
        "Check the workbook against the template's contract and list every data problem (no evaluation).",
    ),
    "help.validate.write_errors": (
        'Ghi danh sách lỗi vào sheet "Lỗi dữ liệu" của sổ làm việc.',
        "Write the error list into the workbook's errors sheet.",
    ),
    "help.*.fmt": (
        "Dạng kết quả in ra: text (để đọc) hoặc json (cho chương trình khác).",
        "Output format: text (to read) or json (for other programs).",
    ),
    "help.*.lang": (
        "Ngôn ngữ của thông báo và các sheet được ghi: vi (mặc định) hoặc en; cũng đặt được bằng biến môi trường PARCOM_LANG.",
        "Language of messages and written sheets: vi (default) or en; PARCOM_LANG sets it too.",
    ),
    "help.evaluate": (
        "Đánh giá sổ làm việc: các tiêu chí, xếp hạng trong số lượng khen thưởng, danh sách đề nghị, tổng quan, nhật ký; kết quả được ghi vào chính sổ làm việc (hoặc vào bản sao -o).",
        "Evaluate the workbook: criteria, ranking within the quotas, nomination list, dashboard, log; the results are written into it (or into the copy given by -o).",
    ),
    "help.evaluate.output": (
        "Ghi kết quả vào bản sao ở đường dẫn này; tệp gốc giữ nguyên.",
        "Write the results into a copy at this path; the workbook itself stays as it is.",
    ),
    "help.evaluate.from_year": (
        "Năm đầu của kỳ xét (thay cho Từ năm trong sheet Cấu hình).",
        "First year of the period (instead of the settings' From year).",
    ),
    "help.evaluate.to_year": (
        "Năm cuối của kỳ xét (thay cho Đến năm trong sheet Cấu hình).",
        "Last year of the period (instead of the settings' To year).",
    ),
    "help.batch": (
        "Đánh giá mọi sổ làm việc (.xlsx, .xlsm, .xls) trong thư mục, mỗi sổ trong một tiến trình riêng; ghi bảng tổng hợp parcom_batch.csv và .json.",
        "Evaluate every workbook (.xlsx, .xlsm, .xls) of the folder, each in its own process; writes the summary parcom_batch.csv and .json.",
    ),
    "help.batch.out": (
        "Ghi kết quả của mỗi sổ thành bản sao trong thư mục này (giữ đường dẫn con).",
        "Write each result as a copy in this folder (same relative path).",
    ),
    "help.batch.in_place": (
        "Ghi kết quả vào chính các sổ làm việc.",
        "Write the results into the workbooks themselves.",
    ),
    "help.batch.jobs": (
        "Số sổ làm việc xử lý cùng lúc (mặc định: số lõi CPU).",
        "Workbooks evaluated at once (default: number of CPUs).",
    ),
    "help.batch.recursive": ("Xét cả các thư mục con.", "Also evaluate the workbooks of subfolders."),
    "help.batch.changed_only": (
        "Bỏ qua sổ có dữ liệu không đổi từ lần đánh giá ghi trong Nhật ký.",
        "Skip workbooks whose data did not change since their last logged run.",
    ),
    "help.batch.timeout": (
        "Dừng việc xử lý một sổ sau số giây này (mặc định: không giới hạn).",
        "Stop a workbook's worker after this many seconds (default: no limit).",
    ),
    "help.merge": (
        "Gộp sổ làm việc của các đơn vị (cùng mẫu chuẩn) thành một sổ tổng hợp mới; dòng trùng mã mà khác nội dung được đánh dấu XUNG ĐỘT để xử lý.",
        "Merge the units' workbooks (same template) into a new master workbook; rows with the same code but different values are marked CONFLICT to be resolved.",
    ),
    "help.merge.master": (
        "Sổ tổng hợp sẽ ghi (một tệp .xlsx mới).",
        "The master workbook to write (a new .xlsx).",
    ),
    "help.merge.into": (
        "Một sổ tổng hợp đã có: các dòng của nó đứng trước và dùng tham số của nó.",
        "An existing master: its rows come first and its settings are used.",
    ),
    "help.merge.force": ("Ghi đè sổ tổng hợp nếu tệp đã có.", "Overwrite the master if it exists."),
    "short.split": (
        "Tách sổ tổng hợp thành sổ của từng đơn vị để gửi đi.",
        "Split the master into one workbook per unit.",
    ),
    "help.split": (
        "Ghi vào thư mục -o mỗi đơn vị một sổ, lấy từ mẫu chuẩn và điền sẵn các dòng của đơn vị (cán bộ, dòng xếp loại "
        "cần ghi, kết quả đơn vị, sáng kiến, kỷ luật); Cấu hình và dòng đơn vị bị khóa; sổ tổng hợp giữ nguyên.",
        "Write into the folder -o one workbook per unit, made from the template and prefilled with the unit's own "
        "rows (staff, ratings to fill, results, initiatives, discipline); settings and the unit row are locked; the "
        "master is only read.",
    ),
    "help.split.folder": ("Thư mục ghi các sổ đơn vị.", "Folder for the copies."),
    "help.split.units": (
        "Chỉ tách các đơn vị có mã này (lặp lại tùy chọn cho nhiều đơn vị).",
        "Only these units (codes); repeat the option for several.",
    ),
    "help.split.year": (
        "Năm của kỳ báo cáo (mặc định: kỳ xét ở Cấu hình).",
        "The round's year (default: the settings' period).",
    ),
    "help.split.half": ("Kỳ 6 tháng: 1 (đầu năm) hoặc 2 (cuối năm).", "A half-year round: 1 or 2."),
    "help.split.force": ("Ghi đè sổ đơn vị đã có trong thư mục.", "Overwrite copies already in the folder."),
    "short.record-awards": (
        "Ghi khen thưởng đã quyết định vào sheet Khen thưởng đã nhận.",
        "Record the awards decided in the awards sheet.",
    ),
    "help.record-awards": (
        "Đánh giá sổ như parcom evaluate rồi ghi mỗi người, tập thể được khen theo quyết định vào sheet Khen thưởng đã "
        "nhận (phong trào, kỳ, sáng kiến đã dùng), để lần đánh giá sau không tính lại thành tích đó. Chạy lại không ghi trùng.",
        "Evaluate the book as parcom evaluate does, then record each awardee of the decision on the awards sheet "
        "(movement, period, initiatives cited), so the next evaluation does not count them again. Running it again adds nothing.",
    ),
    "help.record-awards.decision": (
        'Số quyết định, ví dụ "123/QĐ-SKHCN". Bỏ cả --decision và --date: dùng quyết định ghi trong Cấu hình '
        "(như nút Ghi khen thưởng).",
        'The decision\'s number, e.g. "123/QĐ-SKHCN". Without --decision and --date: the decision named in '
        "the settings (as the Record awards button).",
    ),
    "help.record-awards.day": (
        "Ngày quyết định (2026-01-20 hoặc 20/01/2026).",
        "The decision's date (2026-01-20 or 20/01/2026).",
    ),
    "help.record-awards.award": (
        "gk: Giấy khen của Giám đốc Sở; bk: Bằng khen của Chủ tịch UBND tỉnh (mặc định: gk khi ghi --decision, "
        "nếu không thì theo Cấu hình).",
        "gk: the Director's certificate; bk: the Chairman's merit (default: gk with --decision, else the settings').",
    ),
    "help.documents.certificates": (
        "Chỉ in giấy khen của quyết định Giấy khen ghi gần nhất (một trang A4 ngang mỗi người).",
        "Only the certificates of the last recorded Giấy khen decision (one landscape A4 page each).",
    ),
    "help.documents.blanks": (
        "In giấy khen lên phôi: chỉ in các ô, ở vị trí (mm) ghi trong Cấu hình; kèm trang lưới để căn.",
        "Certificates on pre-printed blanks: only the fields, at the positions (mm) in Settings; with a grid page to align them.",
    ),
    "merge_no_output": (
        "Thiếu nơi ghi: hãy thêm -o SỔ_MỚI.xlsx, hoặc --into SỔ_TỔNG_HỢP để gộp sổ đơn vị vào sổ tổng hợp có sẵn.",
        "Nowhere to write: add -o NEW_MASTER.xlsx, or --into MASTER to merge the units' copies into an existing master.",
    ),
    "help.addin": (
        'Tạo hoặc cài add-in Excel (thẻ "Thi đua CCHC", các nút "Đánh giá", "Tách sổ đơn vị", "Tổng hợp", "Ghi khen thưởng").',
        'Build or install the Excel add-in (ribbon tab "Thi đua CCHC", buttons "Đánh giá", "Tách sổ đơn vị", "Tổng hợp", "Ghi khen thưởng").',
    ),
    "short.addin.build": ("Tạo add-in Excel.", "Build the add-in."),
    "short.addin.install": ("Cài add-in vào Excel.", "Install the add-in into Excel."),
    "version_line": ("parcom phiên bản {version}", "parcom version {version}"),
    "help.addin.build": (
        "Tạo các tệp add-in (mỗi nút một tệp) từ mẫu ribbon của xlwings.",
        "Build the add-in files (one per button) from xlwings' ribbon template.",
    ),
    "help.addin.build.out": (
        "Thư mục ghi các tệp add-in (hoặc tệp parcom_excel.xlam: các tệp khác ghi cạnh nó).",
        "Folder for the add-in files (or the file parcom_excel.xlam: the others go beside it).",
    ),
    "help.addin.build.interpreter_win": (
        "python.exe trên Windows (để trống: python trong PATH).",
        "python.exe for Windows (blank: python on the PATH).",
    ),
    "help.addin.build.interpreter_mac": (
        "Python trên macOS (để trống: python trong PATH).",
        "Python for macOS (blank: python on the PATH).",
    ),
    "help.addin.install": (
        "Cài add-in vào thư mục khởi động của Excel (XLSTART), chạy bằng Python này.",
        "Install the add-in into XLSTART, set to run this Python.",
    ),
    "help.addin.install.folder": (
        "Cài vào thư mục này thay cho XLSTART của Excel.",
        "Install into this folder instead of Excel's start-up folder (XLSTART).",
    ),
    "help.*.help": ("Xem hướng dẫn này rồi thoát.", "Show this message and exit."),
    "help.*.version": ("Xem phiên bản rồi thoát.", "Show the version and exit."),
    # ---- words of the help layout (click's own headings)
    "help_usage": ("Cách dùng:", "Usage:"),
    "help_options": ("Tùy chọn", "Options"),
    "help_commands": ("Lệnh", "Commands"),
    "help_default": ("mặc định", "default"),
    "help_required": ("bắt buộc", "required"),
    "metavar_options": ("[TÙY_CHỌN]", "[OPTIONS]"),
    "metavar_command": ("LỆNH [THAM_SỐ]...", "COMMAND [ARGS]..."),
    "metavar.book": ("TỆP_EXCEL", "BOOK"),
    "metavar.books": ("TỆP_ĐƠN_VỊ...", "BOOKS..."),
    "metavar.folder": ("THƯ_MỤC", "FOLDER"),
    "metavar.path": ("TỆP_MỚI", "PATH"),
    "metavar.master": ("TỆP_TỔNG_HỢP", "MASTER"),
    "metavar.into": ("TỆP_TỔNG_HỢP_CŨ", "EXISTING"),
    "metavar.type.path": ("ĐƯỜNG_DẪN", "PATH"),
    "metavar.type.directory": ("THƯ_MỤC", "DIRECTORY"),
    "metavar.type.integer": ("SỐ_NGUYÊN", "INTEGER"),
    "metavar.type.float": ("SỐ", "NUMBER"),
    "metavar.type.text": ("CHỮ", "TEXT"),
    # ---- usage errors: one sentence, exit code 2
    "usage_missing_argument": (
        'Lệnh "{command}" còn thiếu {name}: hãy gõ {usage} (xem thêm: {command} --help).',
        'The command "{command}" needs {name}: type {usage} (see {command} --help).',
    ),
    "usage_missing_option": (
        'Lệnh "{command}" cần tùy chọn {option}: hãy thêm {option} {name} (xem thêm: {command} --help).',
        'The command "{command}" needs the option {option}: add {option} {name} (see {command} --help).',
    ),
    "usage_no_such_command": (
        'parcom không có lệnh "{name}": các lệnh là {commands} (xem thêm: parcom --help).',
        'parcom has no command "{name}": the commands are {commands} (see parcom --help).',
    ),
    "usage_no_such_option": (
        'Lệnh "{command}" không có tùy chọn {option}{maybe} (xem thêm: {command} --help).',
        'The command "{command}" has no option {option}{maybe} (see {command} --help).',
    ),
    "usage_did_you_mean": ("; có phải ý bạn là {options}?", "; did you mean {options}?"),
    "usage_not_integer": (
        '"{value}" không phải số nguyên nên không dùng được cho {option}: hãy ghi một số nguyên.',
        '"{value}" is not a whole number, so it cannot be used for {option}: give a whole number.',
    ),
    "usage_not_number": (
        '"{value}" không phải một số nên không dùng được cho {option}: hãy ghi một số.',
        '"{value}" is not a number, so it cannot be used for {option}: give a number.',
    ),
    "usage_bad_choice": (
        '"{value}" không dùng được cho {option}: hãy chọn một trong {choices}.',
        '"{value}" cannot be used for {option}: choose one of {choices}.',
    ),
    "usage_needs_value": (
        "Tùy chọn {option} cần một giá trị ngay sau nó (xem thêm: {command} --help).",
        "The option {option} needs a value right after it (see {command} --help).",
    ),
    "usage_takes_no_value": (
        "Tùy chọn {option} không nhận giá trị: hãy bỏ phần sau dấu = (xem thêm: {command} --help).",
        "The option {option} takes no value: drop what follows the = sign (see {command} --help).",
    ),
    "usage_extra_arguments": (
        'Lệnh "{command}" không dùng được phần thừa {extra}: nếu đường dẫn có dấu cách, hãy đặt nó trong ngoặc kép (xem thêm: {command} --help).',
        'The command "{command}" cannot use the extra {extra}: put a path that holds spaces in double quotes (see {command} --help).',
    ),
    "usage_other": (
        'Lệnh "{command}" không dùng được như vậy ({detail}): xem {command} --help.',
        'The command "{command}" cannot be used like this ({detail}): see {command} --help.',
    ),
    "usage_stopped": ("Đã dừng theo yêu cầu.", "Stopped on request."),
    # ---- what validate and evaluate print
    "console_counts": (
        "{file}: {errors} lỗi, {warnings} cảnh báo.",
        "{file}: {errors} {errors:error|errors}, {warnings} {warnings:warning|warnings}.",
    ),
    "console_error": ("LỖI", "ERROR"),
    "console_warning": ("cảnh báo", "warning"),
    "console_more": (
        '... và {count} vấn đề khác: xem sheet "{sheet}".',
        '... and {count} more: see sheet "{sheet}".',
    ),
    "console_copy_needs_xlsm": (
        "-o {output}: {file} có macro nên tệp ghi ra phải có đuôi .xlsm",
        "-o {output}: {file} has macros, so the copy must end in .xlsm",
    ),
}
