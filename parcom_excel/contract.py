"""The workbook contract: every sheet, column, label, type and allowed value, declared once.

The template builder, the readers, the validation schemas, the dropdowns, the instructions
sheet and the output writers all derive from this module. Adding a column is one edit here.
Labels are Vietnamese (what users read) with an English option.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property

from .i18n import Text
from .text import fold, strip_marks

LANGS = ("vi", "en")


class Bilingual:
    """An entry of the contract named in both languages (fields `vi`, `en`, maybe `vi_doc`, `en_doc`)."""

    def label(self, lang: str = "vi") -> str:
        return self.en if lang == "en" else self.vi  # type: ignore[attr-defined]  (Text.get, inlined: hot)

    def name(self, lang: str = "vi") -> str:
        return self.label(lang)

    def doc(self, lang: str = "vi") -> str:
        return Text(self.vi_doc, self.en_doc).get(lang)  # type: ignore[attr-defined]


@dataclass(frozen=True)
class Choice(Bilingual):
    """One allowed value of a categorical column: a stable code, labels and accepted spellings."""

    code: str
    vi: str
    en: str
    aliases: tuple[str, ...] = ()


@dataclass(frozen=True)
class Enum:
    key: str
    vi_title: str
    en_title: str
    choices: tuple[Choice, ...]

    @cached_property
    def _index(self) -> dict[str, str]:
        exact: dict[str, str] = {}
        loose: dict[str, set[str]] = {}
        for choice in self.choices:
            for spelling in (choice.code, choice.vi, choice.en, *choice.aliases):
                exact[fold(spelling)] = choice.code
                loose.setdefault(strip_marks(spelling), set()).add(choice.code)
        for key, codes in loose.items():
            if len(codes) == 1:
                exact.setdefault(key, next(iter(codes)))
        return exact

    def parse(self, value: str) -> str | None:
        """The code of a typed value, tolerant of case, spaces, Unicode forms and missing marks."""
        key = fold(value)
        return self._index.get(key) or self._index.get(strip_marks(value))

    @cached_property
    def _by_code(self) -> dict[str, Choice]:
        return {c.code: c for c in self.choices}

    def get(self, code: str) -> Choice:
        return self._by_code[code]

    def title(self, lang: str = "vi") -> str:
        return Text(self.vi_title, self.en_title).get(lang)

    def labels(self, lang: str = "vi") -> list[str]:
        return [c.label(lang) for c in self.choices]


def _c(code: str, vi: str, en: str, *aliases: str) -> Choice:
    return Choice(code, vi, en, tuple(aliases))


UNIT_KIND = Enum(
    "unit_kind",
    "Loại đơn vị",
    "Unit kind",
    (
        _c("PCM", "Phòng chuyên môn", "Specialised division", "phòng"),
        _c("DVTS", "Đơn vị thuộc Sở", "Unit of the Department"),
        _c("DVTTS", "Đơn vị trực thuộc Sở", "Affiliated unit of the Department"),
        # Plan §III: the collectives are the divisions and units; the leadership's members are
        # judged as individuals, the leadership itself is never a collective candidate.
        _c("LDS", "Lãnh đạo Sở", "Department leadership", "ban giám đốc", "ban giám đốc sở", "lãnh đạo"),
    ),
)
# Unit kinds whose unit is judged as a collective (plan §III.1): every kind but the leadership.
COLLECTIVE_KINDS = ("PCM", "DVTS", "DVTTS")
STAFF_KIND = Enum(
    "staff_kind",
    "Đối tượng",
    "Staff kind",
    (
        _c("CC", "Công chức", "Civil servant"),
        _c("VC", "Viên chức", "Public employee"),
        _c("NLD", "Người lao động", "Contract worker", "lao động hợp đồng", "hợp đồng"),
    ),
)
YES_NO = Enum(
    "yes_no",
    "Có/Không",
    "Yes/No",
    (
        _c("Y", "Có", "Yes", "x", "1", "true", "đúng", "c"),
        _c("N", "Không", "No", "0", "false", "sai", "k"),
    ),
)
# Best first: the order is the ranking of ratings (Nghị định 90/2020, 48/2023).
RATING = Enum(
    "rating",
    "Xếp loại",
    "Rating",
    (
        _c("HTXSNV", "Hoàn thành xuất sắc nhiệm vụ", "Excellently completed duties", "HTXS"),
        _c("HTTNV", "Hoàn thành tốt nhiệm vụ", "Well completed duties", "HTT"),
        _c("HTNV", "Hoàn thành nhiệm vụ", "Completed duties", "HT"),
        _c("KHTNV", "Không hoàn thành nhiệm vụ", "Did not complete duties", "KHT"),
    ),
)
OUTCOME = Enum(
    "outcome",
    "Kết quả chỉ tiêu",
    "Target outcome",
    (
        _c("VUOT", "Vượt", "Exceeded", "vượt chỉ tiêu", "vượt kế hoạch"),
        _c("DAT", "Đạt", "Met", "hoàn thành", "đạt chỉ tiêu"),
        _c("KDAT", "Không đạt", "Not met", "không hoàn thành"),
        _c("KGIAO", "Không giao", "Not assigned", "không được giao"),
    ),
)
PROGRAMME = Enum(
    "programme",
    "Kết quả chương trình",
    "Programme outcome",
    (
        _c("HT", "Hoàn thành", "Completed", "đạt", "vượt"),
        _c("KHT", "Không hoàn thành", "Not completed", "không đạt"),
        _c("KGIAO", "Không giao", "Not assigned", "không được giao"),
    ),
)
# Lowest first; the rank (index + 1) is the "best initiative level" tie-break key.
LEVEL = Enum(
    "level",
    "Cấp công nhận",
    "Recognition level",
    (
        _c("CS", "Cơ sở", "Grassroots", "cấp cơ sở", "HĐSK cơ sở"),
        _c("TINH", "Tỉnh", "Provincial", "cấp tỉnh", "cấp bộ", "bộ, ngành, tỉnh"),
        _c("TQ", "Toàn quốc", "National", "cấp toàn quốc", "quốc gia"),
    ),
)
IMPACT = Enum(
    "impact",
    "Chỉ số tác động",
    "Index impacted",
    (
        _c("PAR", "PAR INDEX", "PAR INDEX", "PAR", "PARINDEX", "chỉ số CCHC"),
        _c("SIPAS", "SIPAS", "SIPAS"),
        _c("PAPI", "PAPI", "PAPI"),
    ),
)
# Every form that may appear in records kept before and after Nghị định 172/2025 (1/7/2025),
# for cán bộ, công chức, viên chức and người lao động, plus a recorded breach of law.
DISCIPLINE = Enum(
    "discipline",
    "Hình thức kỷ luật",
    "Disciplinary form",
    (
        _c("KT", "Khiển trách", "Reprimand"),
        _c("CCAO", "Cảnh cáo", "Warning"),
        _c("HBL", "Hạ bậc lương", "Salary step reduction"),
        _c("GC", "Giáng chức", "Demotion"),
        _c("CCHUC", "Cách chức", "Dismissal from post"),
        _c("BTV", "Buộc thôi việc", "Forced resignation"),
        _c("BN", "Bãi nhiệm", "Removal from elected office"),
        _c(
            "KDNL",
            "Kéo dài thời hạn nâng lương",
            "Postponed pay rise",
            "kéo dài thời hạn nâng lương không quá 6 tháng",
        ),
        _c("SA", "Sa thải", "Dismissal"),
        _c("VPPL", "Vi phạm pháp luật", "Breach of law", "vi phạm quy định pháp luật"),
        # Proceedings that may be pending (NĐ 152/2025 Đ.4 k.4): recorded with Trạng thái = Đang xem xét.
        _c("XKL", "Xem xét kỷ luật", "Discipline under consideration", "đang xem xét kỷ luật"),
        _c("THANHTRA", "Thanh tra", "Inspection", "đang thanh tra"),
        _c("KIEMTRA", "Kiểm tra", "Examination", "đang kiểm tra", "điều tra", "đang điều tra"),
        _c("KHIEUNAI", "Khiếu nại", "Complaint", "đơn khiếu nại"),
        _c("TOCAO", "Tố cáo", "Denunciation", "đơn tố cáo"),
        _c(
            "BAOCHI",
            "Xác minh vụ việc tham nhũng, tiêu cực báo chí nêu",
            "Verification of a corruption or misconduct case raised by the press",
            "báo chí nêu",
            "báo chí phản ánh",
            "vụ việc tham nhũng, tiêu cực",
        ),
    ),
)
# Forms that are a proceeding, never a decision: they only exist while pending, or once concluded
# without a breach.
PROCEEDING_FORMS = frozenset({"XKL", "THANHTRA", "KIEMTRA", "KHIEUNAI", "TOCAO", "BAOCHI"})
PROCEEDING = Enum(
    "proceeding",
    "Trạng thái",
    "Status",
    (
        _c("DECIDED", "Đã quyết định", "Decided", "đã có quyết định", "đã xử lý"),
        _c("PENDING", "Đang xem xét", "Pending", "đang xử lý", "đang xác minh", "chưa kết luận"),
        _c(
            "CLEARED",
            "Đã kết luận không vi phạm",
            "Concluded without a breach",
            "không vi phạm",
            "kết luận không vi phạm",
        ),
    ),
)
GENDER = Enum(
    "gender",
    "Giới tính",
    "Gender",
    (
        _c("M", "Nam", "Male", "trai"),
        _c("F", "Nữ", "Female", "gái", "woman"),
    ),
)
# The awards of §V as a column's values (Hội đồng): the keys are those of AWARDS.
AWARD_KIND = Enum(
    "award_kind",
    "Hình thức khen thưởng",
    "Award",
    (
        _c("bk", "Bằng khen của Chủ tịch UBND tỉnh", "Merit of the Provincial Chairman", "Bằng khen", "BK"),
        _c("gk", "Giấy khen của Giám đốc Sở", "Certificate of the Department Director", "Giấy khen", "GK"),
    ),
)
VOTE = Enum(
    "vote",
    "Quyết định",
    "Decision",
    (
        _c("YES", "Đồng ý", "Approved", "thông qua", "nhất trí"),
        _c("NO", "Không đồng ý", "Rejected", "không thông qua", "không nhất trí"),
    ),
)

ENUMS: dict[str, Enum] = {
    e.key: e
    for e in (
        UNIT_KIND,
        STAFF_KIND,
        YES_NO,
        RATING,
        OUTCOME,
        PROGRAMME,
        LEVEL,
        IMPACT,
        DISCIPLINE,
        PROCEEDING,
        GENDER,
        AWARD_KIND,
        VOTE,
    )
}

# Column types. "codes" is a list of keys separated by ";" or ",".
TEXT, INT, YEAR, DATE, ENUM, CODES, ENUM_LIST = "text", "int", "year", "date", "enum", "codes", "enum_list"


@dataclass(frozen=True)
class Column(Bilingual):
    key: str
    vi: str
    en: str
    type: str
    required: bool = False
    enum: str | None = None
    ref: str | None = None  # sheet key whose primary key this column refers to
    min: int | None = None
    width: float = 16
    vi_doc: str = ""
    en_doc: str = ""
    aliases: tuple[str, ...] = ()

    @property
    def choices(self) -> Enum | None:
        return ENUMS[self.enum] if self.enum else None


@dataclass(frozen=True)
class Sheet(Bilingual):
    key: str
    vi: str
    en: str
    columns: tuple[Column, ...]
    primary_key: tuple[str, ...] = ()
    vi_doc: str = ""
    en_doc: str = ""
    table: str = ""  # Excel table name in the template (ASCII, no spaces)
    aliases: tuple[str, ...] = field(default=())
    optional: bool = False  # added after the first template: a workbook without it reads as empty

    def column(self, key: str) -> Column:
        return next(c for c in self.columns if c.key == key)

    @property
    def required(self) -> list[Column]:
        return [c for c in self.columns if c.required]


def _col(key, vi, en, type_, required=False, **kw) -> Column:
    return Column(key, vi, en, type_, required, **kw)


def _target(staff_doc: tuple[str, str], unit_doc: tuple[str, str]) -> tuple[Column, Column]:
    """A row about a person or, with no staff code, about a unit (discipline, past awards)."""
    return (
        _col(
            "staff_id",
            "Mã cán bộ",
            "Staff code",
            TEXT,
            ref="staff",
            width=14,
            vi_doc=staff_doc[0],
            en_doc=staff_doc[1],
        ),
        _col(
            "unit_id",
            "Mã đơn vị",
            "Unit code",
            TEXT,
            ref="units",
            width=14,
            vi_doc=unit_doc[0],
            en_doc=unit_doc[1],
        ),
    )


UNITS = Sheet(
    "units",
    "Đơn vị",
    "Units",
    (
        _col(
            "unit_id",
            "Mã đơn vị",
            "Unit code",
            TEXT,
            True,
            width=14,
            vi_doc="Mã ngắn, không trùng, ví dụ VP, TTR, TTUD.",
            en_doc="Short unique code, e.g. VP.",
        ),
        _col(
            "unit_name",
            "Tên đơn vị",
            "Unit name",
            TEXT,
            True,
            width=42,
            vi_doc="Tên đầy đủ của phòng, đơn vị.",
            en_doc="Full name of the unit.",
        ),
        _col(
            "unit_kind",
            "Loại đơn vị",
            "Unit kind",
            ENUM,
            True,
            enum="unit_kind",
            width=24,
            vi_doc="Phòng chuyên môn, Đơn vị thuộc Sở hoặc Đơn vị trực thuộc Sở (được xét tập thể); Lãnh đạo Sở cho Ban Giám đốc (chỉ xét cá nhân, không xét tập thể, kế hoạch mục III).",
            en_doc="Specialised division, unit of or affiliated to the Department (judged as collectives); Department leadership for the directors (judged as individuals only, never as a collective, plan §III).",
        ),
        _col(
            "founded",
            "Ngày thành lập",
            "Founded on",
            DATE,
            width=16,
            vi_doc="Để trống nếu đơn vị có từ trước kỳ thi đua; đơn vị thành lập trong kỳ chỉ được xét các năm từ khi thành lập.",
            en_doc="Blank if the unit predates the period; a unit founded within it is judged from then on.",
        ),
        _col("note", "Ghi chú", "Note", TEXT, width=30),
    ),
    primary_key=("unit_id",),
    vi_doc="Danh sách tập thể tham gia thi đua (§III.1).",
    en_doc="The collectives taking part (§III.1).",
    table="DonVi",
)
STAFF = Sheet(
    "staff",
    "Cán bộ",
    "Staff",
    (
        _col(
            "staff_id",
            "Mã cán bộ",
            "Staff code",
            TEXT,
            True,
            width=14,
            vi_doc="Mã không trùng của mỗi người.",
            en_doc="Unique code of each person.",
        ),
        _col("full_name", "Họ và tên", "Full name", TEXT, True, width=28),
        _col(
            "unit_id",
            "Mã đơn vị",
            "Unit code",
            TEXT,
            True,
            ref="units",
            width=14,
            vi_doc="Đơn vị hiện tại, phải có trong sheet Đơn vị.",
            en_doc="Current unit; must exist in Units.",
        ),
        _col("staff_kind", "Đối tượng", "Staff kind", ENUM, True, enum="staff_kind", width=18),
        _col("position", "Chức vụ", "Position", TEXT, width=24),
        _col(
            "leader",
            "Lãnh đạo",
            "Leader",
            ENUM,
            enum="yes_no",
            width=11,
            vi_doc="Có nếu giữ chức vụ lãnh đạo, quản lý.",
            en_doc="Yes for a leading or managing post.",
        ),
        _col(
            "joined",
            "Ngày vào",
            "Joined on",
            DATE,
            width=14,
            vi_doc="Ngày về công tác tại Sở, nếu trong kỳ thi đua.",
            en_doc="Date joined, if within the period.",
        ),
        _col(
            "left",
            "Ngày nghỉ",
            "Left on",
            DATE,
            width=14,
            vi_doc="Ngày nghỉ hưu, chuyển công tác hoặc thôi việc.",
            en_doc="Date retired, transferred or left.",
        ),
        _col(
            "gender",
            "Giới tính",
            "Gender",
            ENUM,
            enum="gender",
            width=10,
            vi_doc="Nam hoặc Nữ: khi ngang nhau về thành tích thì ưu tiên cá nhân nữ, tập thể có từ 70% nữ (NĐ 152/2025 Đ.4 k.6). Để trống thì không được ưu tiên.",
            en_doc="Male or Female: among equals women, and units of at least 70% women, go first (Decree 152/2025 Art.4(6)). Blank: no priority.",
        ),
        _col("birth_date", "Ngày sinh", "Date of birth", DATE, width=14),
    ),
    primary_key=("staff_id",),
    vi_doc="Công chức, viên chức, người lao động thuộc Sở (§III.1).",
    en_doc="Civil servants, public employees and workers of the Department (§III.1).",
    table="CanBo",
)
RATINGS = Sheet(
    "ratings",
    "Đánh giá cá nhân",
    "Staff ratings",
    (
        _col("year", "Năm", "Year", YEAR, True, width=8),
        _col("staff_id", "Mã cán bộ", "Staff code", TEXT, True, ref="staff", width=14),
        _col(
            "rating",
            "Xếp loại",
            "Rating",
            ENUM,
            True,
            enum="rating",
            width=30,
            vi_doc="Hoàn thành xuất sắc / tốt / hoàn thành / không hoàn thành nhiệm vụ (được viết tắt HTXSNV, HTTNV, HTNV, KHTNV).",
            en_doc="One of the four ratings (abbreviations HTXSNV, HTTNV, HTNV, KHTNV accepted).",
        ),
        _col(
            "unit_id",
            "Mã đơn vị",
            "Unit code",
            TEXT,
            ref="units",
            width=14,
            vi_doc="Đơn vị của người đó trong năm; để trống nếu là đơn vị hiện tại.",
            en_doc="The person's unit that year; blank means the current unit.",
        ),
        _col("note", "Ghi chú", "Note", TEXT, width=30),
    ),
    primary_key=("staff_id", "year"),
    vi_doc="Kết quả đánh giá, xếp loại hằng năm của từng người (§IV.2.b, §IV.1.e).",
    en_doc="Yearly rating of each person (§IV.2.b, §IV.1.e).",
    table="DanhGia",
)
RESULTS = Sheet(
    "results",
    "Kết quả đơn vị",
    "Unit results",
    (
        _col("year", "Năm", "Year", YEAR, True, width=8),
        _col("unit_id", "Mã đơn vị", "Unit code", TEXT, True, ref="units", width=14),
        _col(
            "tasks_assigned",
            "Nhiệm vụ CCHC được giao",
            "PAR tasks assigned",
            INT,
            True,
            min=0,
            width=14,
            vi_doc="Số nhiệm vụ CCHC được giao trong năm theo kế hoạch của tỉnh và của Sở.",
            en_doc="PAR tasks assigned that year.",
        ),
        _col(
            "tasks_on_time",
            "Hoàn thành đúng hạn",
            "Done on time",
            INT,
            True,
            min=0,
            width=14,
            vi_doc="Số nhiệm vụ hoàn thành đúng hoặc vượt tiến độ, đảm bảo chất lượng.",
            en_doc="Tasks done on time or early, with quality.",
        ),
        _col(
            "advisory_docs",
            "Văn bản tham mưu",
            "Advisory documents",
            INT,
            True,
            min=0,
            width=14,
            vi_doc="Số văn bản, kế hoạch về CCHC do đơn vị tham mưu xây dựng.",
            en_doc="PAR documents and plans the unit drafted.",
        ),
        _col(
            "socio_targets", "Chỉ tiêu KT-XH", "Socio-economic targets", ENUM, True, enum="outcome", width=16
        ),
        _col("budget", "Dự toán ngân sách", "Budget estimate", ENUM, True, enum="outcome", width=16),
        _col(
            "programmes",
            "Chương trình được giao",
            "Assigned programmes",
            ENUM,
            True,
            enum="programme",
            width=18,
        ),
        _col("note", "Ghi chú", "Note", TEXT, width=30),
    ),
    primary_key=("unit_id", "year"),
    vi_doc="Kết quả hằng năm của từng đơn vị (§IV.1.a, b, c).",
    en_doc="Yearly results of each unit (§IV.1.a, b, c).",
    table="KetQua",
)
INITIATIVES = Sheet(
    "initiatives",
    "Sáng kiến",
    "Initiatives",
    (
        _col("initiative_id", "Mã sáng kiến", "Initiative code", TEXT, True, width=14),
        _col("title", "Tên sáng kiến", "Initiative title", TEXT, True, width=44),
        _col("year", "Năm công nhận", "Year recognised", YEAR, True, width=10),
        _col(
            "level",
            "Cấp công nhận",
            "Level",
            ENUM,
            True,
            enum="level",
            width=14,
            vi_doc="Cơ sở, Tỉnh hoặc Toàn quốc.",
            en_doc="Grassroots, Provincial or National.",
        ),
        _col(
            "authors",
            "Tác giả",
            "Authors",
            CODES,
            True,
            ref="staff",
            width=22,
            vi_doc="Mã cán bộ của các tác giả, cách nhau bởi dấu ; hoặc ,",
            en_doc="Staff codes separated by ; or ,",
        ),
        _col(
            "unit_id",
            "Mã đơn vị",
            "Unit code",
            TEXT,
            ref="units",
            width=14,
            vi_doc="Đơn vị chủ trì sáng kiến (nếu có).",
            en_doc="Unit that owns the initiative, if any.",
        ),
        _col("decision_no", "Số quyết định", "Decision no.", TEXT, width=18),
        _col("decision_date", "Ngày quyết định", "Decision date", DATE, width=14),
        _col(
            "impact",
            "Chỉ số tác động",
            "Index impacted",
            ENUM_LIST,
            enum="impact",
            width=20,
            vi_doc="PAR INDEX, SIPAS, PAPI (có thể nhiều, cách nhau bởi dấu ;).",
            en_doc="PAR INDEX, SIPAS, PAPI (several separated by ;).",
        ),
        _col("replicable", "Có thể nhân rộng", "Replicable", ENUM, enum="yes_no", width=12),
    ),
    primary_key=("initiative_id",),
    vi_doc="Sáng kiến, giải pháp được Hội đồng sáng kiến cơ sở trở lên công nhận (§IV.1.b, §IV.2.a).",
    en_doc="Initiatives recognised by a grassroots council or higher (§IV.1.b, §IV.2.a).",
    table="SangKien",
)
DISCIPLINES = Sheet(
    "discipline",
    "Kỷ luật",
    "Discipline",
    (
        _col("decision_date", "Ngày quyết định", "Decision date", DATE, True, width=14),
        _col("form", "Hình thức", "Form", ENUM, True, enum="discipline", width=26),
        *_target(
            (
                "Người bị kỷ luật; để trống nếu vi phạm của cả đơn vị.",
                "Person disciplined; blank for a unit breach.",
            ),
            ("Đơn vị vi phạm (khi không ghi mã cán bộ).", "Unit in breach (when no staff code)."),
        ),
        _col("decision_no", "Số quyết định", "Decision no.", TEXT, width=18),
        _col("content", "Nội dung", "Content", TEXT, width=40),
        _col(
            "status",
            "Trạng thái",
            "Status",
            ENUM,
            enum="proceeding",
            width=16,
            vi_doc="Đã quyết định (để trống), Đang xem xét hoặc Đã kết luận không vi phạm. Đang xem xét kỷ luật, thanh tra, kiểm tra, khiếu nại, tố cáo, vụ việc báo chí nêu: tạm chưa đề nghị; bị kỷ luật: thành tích tính từ khi hết thời hạn kỷ luật (NĐ 152/2025 Đ.4 k.4).",
            en_doc="Decided (blank), Pending or Concluded without a breach. Pending discipline, inspection, complaint, denunciation or press-raised case: not proposed for now; disciplined: achievements count from the end of the discipline (Decree 152/2025 Art.4(4)).",
        ),
    ),
    vi_doc="Quyết định kỷ luật và vi phạm pháp luật (§IV.1.d, §IV.2.c).",
    en_doc="Disciplinary decisions and breaches of law (§IV.1.d, §IV.2.c).",
    table="KyLuat",
)

PAST_AWARDS = Sheet(
    "past_awards",
    "Khen thưởng đã nhận",
    "Awards received",
    (
        _col("award", "Hình thức khen thưởng", "Award", TEXT, True, width=30),
        _col("decision_no", "Số quyết định", "Decision no.", TEXT, True, width=18),
        _col("decision_date", "Ngày quyết định", "Decision date", DATE, True, width=14),
        *_target(
            ("Người được khen; để trống nếu khen tập thể.", "Person awarded; blank for a collective."),
            ("Tập thể được khen (khi không ghi mã cán bộ).", "Collective awarded (when no staff code)."),
        ),
        _col(
            "movement",
            "Phong trào / thành tích",
            "Movement / achievement",
            TEXT,
            width=36,
            vi_doc="Tên phong trào như ở Cấu hình thì là khen thưởng của phong trào này.",
            en_doc="The movement's name as in Settings marks an award of this movement.",
        ),
        _col("from_year", "Từ năm", "From year", YEAR, width=9),
        _col(
            "to_year",
            "Đến năm",
            "To year",
            YEAR,
            width=9,
            vi_doc="Để trống cả hai năm thì lấy năm của ngày quyết định.",
            en_doc="Both years blank: the year of the decision.",
        ),
        _col(
            "initiatives",
            "Mã sáng kiến",
            "Initiative codes",
            CODES,
            width=18,
            vi_doc="Sáng kiến đã dùng làm thành tích cho khen thưởng này, cách nhau bởi dấu ; (không tính lại – Công văn 5007/BNV-TĐKT 2023).",
            en_doc="Initiatives this award cited, separated by ; (not counted again).",
        ),
    ),
    vi_doc="Khen thưởng đã nhận trước đây: một thành tích chỉ khen một lần (Luật TĐKT 2022 Đ.5 k.2 điểm c).",
    en_doc="Awards already received: one achievement, one award (Law on Emulation and Commendation 2022 Art.5(2)(c)).",
    table="DaKhenThuong",
    optional=True,
)
COUNCIL = Sheet(
    "council",
    "Hội đồng",
    "Council",
    (
        _col(
            "code",
            "Mã",
            "Code",
            TEXT,
            True,
            width=12,
            vi_doc="Mã cán bộ hoặc mã đơn vị được biểu quyết.",
            en_doc="Staff or unit code voted on.",
            aliases=("Mã cán bộ / đơn vị", "Mã cán bộ hoặc đơn vị"),
        ),
        _col("name", "Họ và tên / Tên tập thể", "Name", TEXT, width=30),
        _col("award", "Hình thức khen thưởng", "Award", ENUM, True, enum="award_kind", width=32),
        _col("votes", "Số phiếu đồng ý", "Votes for", INT, min=0, width=12),
        _col(
            "decision",
            "Quyết định",
            "Decision",
            ENUM,
            enum="vote",
            width=14,
            vi_doc="Đồng ý hoặc Không đồng ý; để trống nếu chưa biểu quyết.",
            en_doc="Approved or Rejected; blank if not yet voted.",
        ),
        _col("note", "Ghi chú", "Note", TEXT, width=30),
    ),
    primary_key=("code", "award"),
    vi_doc="Kết quả biểu quyết của Hội đồng thi đua – khen thưởng, mỗi dòng một người hoặc tập thể; ngày họp và số thành viên ghi ở Cấu hình.",
    en_doc="The council's votes, one row per candidate; the meeting's date and members are in Settings.",
    table="HoiDong",
    optional=True,
)

DATA_SHEETS: tuple[Sheet, ...] = (
    UNITS,
    STAFF,
    RATINGS,
    RESULTS,
    INITIATIVES,
    DISCIPLINES,
    PAST_AWARDS,
    COUNCIL,
)
# What each column or sheet added for the law (NĐ 152/2025) changes when a workbook lacks it.
LAW_ADDITIONS: tuple[tuple[str, str | None], ...] = (
    ("staff", "gender"),
    ("discipline", "status"),
    ("past_awards", None),
    ("council", None),
)
SHEETS: dict[str, Sheet] = {s.key: s for s in DATA_SHEETS}


# ---------------------------------------------------------------- settings (Cấu hình)
@dataclass(frozen=True)
class Setting(Bilingual):
    key: str
    vi: str
    en: str
    type: str  # text, int, year, enum, keys, date, ratio
    default: object
    vi_doc: str
    en_doc: str
    enum: str | None = None
    required: bool = False
    min: int | None = None
    max: int | None = None


@dataclass(frozen=True)
class TieBreak(Bilingual):
    """A ranking key: its names, as the ranking order setting spells it, and the legal
    references it applies (catalog keys "ref.*"); its value is rules/keys.py's."""

    key: str
    vi: str
    en: str
    law: tuple[str, ...] = ()


INDIVIDUAL_KEYS = (
    TieBreak("best_level", "Cấp sáng kiến cao nhất", "Best initiative level"),
    TieBreak("excellent_years", "Số năm hoàn thành xuất sắc nhiệm vụ", "Years rated excellent"),
    TieBreak("initiatives", "Số sáng kiến", "Number of initiatives"),
    TieBreak("female", "Nữ", "Woman", ("ref.nd152.4.6",)),
    TieBreak("not_leader", "Không giữ chức vụ lãnh đạo", "Not a leader"),
)
COLLECTIVE_KEYS = (
    TieBreak("best_level", "Cấp sáng kiến cao nhất", "Best initiative level"),
    TieBreak("initiatives", "Số sáng kiến", "Number of initiatives"),
    TieBreak(
        "excellent_share", "Tỷ lệ cán bộ hoàn thành xuất sắc nhiệm vụ", "Share of staff rated excellent"
    ),
    TieBreak("targets_exceeded", "Số chỉ tiêu vượt", "Targets exceeded"),
    TieBreak(
        "women_share", "Tỷ lệ nữ đạt mức ưu tiên", "Share of women at the priority level", ("ref.nd152.4.6",)
    ),
    TieBreak("docs", "Số văn bản tham mưu", "Advisory documents"),
)
# Default order of the collectives' keys: the merit keys, then the women key.
COLLECTIVE_DEFAULT = ("best_level", "initiatives", "excellent_share", "targets_exceeded", "women_share")


def _s(key, vi, en, type_, default, vi_doc, en_doc, **kw) -> Setting:
    return Setting(key, vi, en, type_, default, vi_doc, en_doc, **kw)


SETTINGS: tuple[Setting, ...] = (
    _s(
        "movement",
        "Tên phong trào",
        "Movement",
        "text",
        "Đẩy mạnh cải cách hành chính Nhà nước",
        "Tên phong trào thi đua, in trên danh sách đề nghị.",
        "Name of the movement, printed on the list.",
    ),
    _s(
        "parent_agency",
        "Cơ quan cấp trên",
        "Parent agency",
        "text",
        "UBND TỈNH HƯNG YÊN",
        "Dòng trên của tiêu đề văn bản (Nghị định 30/2020).",
        "Upper line of the document header.",
    ),
    _s(
        "agency",
        "Cơ quan",
        "Agency",
        "text",
        "SỞ KHOA HỌC VÀ CÔNG NGHỆ",
        "Tên cơ quan ban hành danh sách.",
        "Agency issuing the list.",
    ),
    _s(
        "place",
        "Địa danh",
        "Place",
        "text",
        "Hưng Yên",
        "Địa danh ghi ở dòng ngày tháng.",
        "Place name on the date line.",
    ),
    # The dossier (SPEC §5): what the Word documents need beyond the evaluation. A blank value
    # is printed as a visible gap for the office to fill, never guessed.
    _s(
        "agency_name",
        "Tên cơ quan (viết trong câu)",
        "Agency (as in a sentence)",
        "text",
        "Sở Khoa học và Công nghệ",
        "Tên cơ quan viết hoa chữ đầu như trong câu văn của tờ trình, quyết định, báo cáo.",
        "The agency's name as written inside a sentence of the documents.",
    ),
    _s(
        "agency_short",
        "Chữ viết tắt tên cơ quan",
        "Agency abbreviation",
        "text",
        "SKHCN",
        "Dùng trong số, ký hiệu văn bản, ví dụ Số: …/TTr-SKHCN (Nghị định 30/2020, Phụ lục III).",
        "Used in document numbers, e.g. No. …/TTr-SKHCN (Decree 30/2020, Appendix III).",
    ),
    _s(
        "signer_title",
        "Chức vụ người ký",
        "Signer's title",
        "text",
        "GIÁM ĐỐC",
        "Chức vụ ghi ở khối chữ ký của tờ trình, quyết định, báo cáo (ví dụ GIÁM ĐỐC, KT. GIÁM ĐỐC).",
        "Title in the signature block of the submission, decision and report.",
    ),
    _s(
        "signer_name",
        "Họ tên người ký",
        "Signer's name",
        "text",
        "",
        "Họ tên người ký văn bản; để trống thì văn bản để chỗ trống cho văn phòng điền.",
        "Name of the signer; blank leaves a gap in the documents.",
    ),
    _s(
        "recipient",
        "Kính gửi (tờ trình Bằng khen)",
        "Addressee (merit submission)",
        "text",
        "Chủ tịch Ủy ban nhân dân tỉnh Hưng Yên",
        "Người nhận tờ trình đề nghị tặng Bằng khen (Kế hoạch, mục V).",
        "Addressee of the submission proposing the provincial merit (plan §V).",
    ),
    _s(
        "through",
        "Qua cơ quan (tờ trình Bằng khen)",
        "Through (merit submission)",
        "text",
        "Sở Nội vụ tỉnh Hưng Yên",
        "Cơ quan tham mưu về thi đua, khen thưởng mà tờ trình gửi qua (Kế hoạch, mục VI).",
        "Body the submission goes through (plan §VI).",
    ),
    _s(
        "province_plan",
        "Kế hoạch phát động của tỉnh",
        "Province's movement plan",
        "text",
        "Kế hoạch số 60/KH-UBND ngày 05/4/2022 của UBND tỉnh Hưng Yên",
        "Văn bản của tỉnh phát động phong trào, được viện dẫn trong phần căn cứ (Kế hoạch, phần mở đầu).",
        "The province's plan launching the movement, cited as a basis (plan, preamble).",
    ),
    _s(
        "agency_plan",
        "Kế hoạch phát động của cơ quan",
        "Agency's movement plan",
        "text",
        "",
        "Số, ngày kế hoạch của Sở, ví dụ Kế hoạch số 25/KH-SKHCN ngày 10/5/2022 của Sở Khoa học và Công nghệ.",
        "Number and date of the agency's own plan.",
    ),
    _s(
        "movement_end_year",
        "Năm kết thúc phong trào",
        "Last year of the movement",
        "year",
        2025,
        "Kỳ xét đến năm này là tổng kết, trước đó là sơ kết (Kế hoạch, mục III.2: sơ kết năm 2023, tổng kết năm 2025).",
        "A period ending in this year is the final review, earlier ones are preliminary (plan §III.2).",
        min=2000,
        max=2100,
    ),
    _s(
        "documents_on_evaluate",
        "Soạn hồ sơ khi bấm Đánh giá",
        "Draft the dossier on Evaluate",
        "enum",
        "N",
        "Có: nút Đánh giá soạn luôn các văn bản Word (tờ trình, báo cáo thành tích, quyết định, biên bản, "
        "báo cáo) vào thư mục cạnh sổ, tên thư mục theo tên sổ (SPEC §5).",
        "Yes: the Evaluate button also drafts the Word documents into a folder beside the workbook, "
        "named after it.",
        enum="yes_no",
    ),
    _s(
        "templates_dir",
        "Thư mục mẫu văn bản",
        "Document templates folder",
        "text",
        "",
        "Thư mục chứa các mẫu Word do văn phòng sửa (cùng tên tệp với mẫu trong thư mục workbook/mau_van_ban); "
        "để trống thì dùng mẫu có sẵn.",
        "Folder of the office's own Word templates (same file names as workbook/mau_van_ban); blank uses "
        "the built-in ones.",
    ),
    # The Quyết định's article on the reward money (SPEC §5): no default, since the coefficient and
    # its legal basis are the office's to confirm; a blank value leaves a visible gap.
    _s(
        "reward_coef_collective",
        "Giấy khen – tiền thưởng tập thể (số lần mức lương cơ sở)",
        "Certificate – collective reward (times the base salary)",
        "text",
        "",
        "Hệ số tiền thưởng kèm Giấy khen cho mỗi tập thể, ví dụ 0,6; ghi theo văn bản ở “Căn cứ mức tiền "
        "thưởng”. Để trống thì Quyết định để chỗ trống.",
        "Reward per collective as a multiple of the base salary, as the basis setting provides; blank "
        "leaves a gap in the decision.",
    ),
    _s(
        "reward_coef_person",
        "Giấy khen – tiền thưởng cá nhân (số lần mức lương cơ sở)",
        "Certificate – individual reward (times the base salary)",
        "text",
        "",
        "Hệ số tiền thưởng kèm Giấy khen cho mỗi cá nhân, ví dụ 0,3; ghi theo văn bản ở “Căn cứ mức tiền "
        "thưởng”. Để trống thì Quyết định để chỗ trống.",
        "Reward per individual as a multiple of the base salary; blank leaves a gap in the decision.",
    ),
    _s(
        "reward_basis",
        "Căn cứ mức tiền thưởng",
        "Legal basis of the reward",
        "text",
        "",
        "Điều, khoản và văn bản quy định mức tiền thưởng Giấy khen (số, ngày, cơ quan ban hành), in ở "
        "Điều 2 của Quyết định.",
        "Article and instrument setting the certificate's reward (number, date, issuer), cited in the "
        "decision's Article 2.",
    ),
    _s(
        "reward_fund",
        "Nguồn kinh phí khen thưởng",
        "Reward fund",
        "text",
        "",
        "Quỹ chi tiền thưởng, ví dụ Quỹ thi đua, khen thưởng của Sở, in ở Điều 2 của Quyết định.",
        "Fund the reward is paid from, cited in the decision's Article 2.",
    ),
    _s(
        "from_year",
        "Từ năm",
        "From year",
        "year",
        2022,
        "Năm đầu của kỳ xét (sơ kết 2022–2023, tổng kết 2022–2025).",
        "First year of the period.",
        required=True,
        min=2000,
        max=2100,
    ),
    _s(
        "to_year",
        "Đến năm",
        "To year",
        "year",
        2025,
        "Năm cuối của kỳ xét; bằng Từ năm nếu xét một năm.",
        "Last year of the period.",
        required=True,
        min=2000,
        max=2100,
    ),
    _s(
        "bk_collectives_min",
        "Bằng khen UBND tỉnh – tập thể, tối thiểu",
        "Provincial merit – collectives, min",
        "int",
        1,
        "Số tập thể tối thiểu đề nghị Bằng khen của Chủ tịch UBND tỉnh (§V.2).",
        "Minimum collectives (§V.2).",
        min=0,
    ),
    _s(
        "bk_collectives_max",
        "Bằng khen UBND tỉnh – tập thể, tối đa",
        "Provincial merit – collectives, max",
        "int",
        1,
        "Số tập thể tối đa đề nghị Bằng khen của Chủ tịch UBND tỉnh (§V.2).",
        "Maximum collectives (§V.2).",
        min=0,
    ),
    _s(
        "bk_individuals_min",
        "Bằng khen UBND tỉnh – cá nhân, tối thiểu",
        "Provincial merit – individuals, min",
        "int",
        1,
        "Số cá nhân tối thiểu đề nghị Bằng khen (§V.2).",
        "Minimum individuals (§V.2).",
        min=0,
    ),
    _s(
        "bk_individuals_max",
        "Bằng khen UBND tỉnh – cá nhân, tối đa",
        "Provincial merit – individuals, max",
        "int",
        1,
        "Số cá nhân tối đa đề nghị Bằng khen (§V.2).",
        "Maximum individuals (§V.2).",
        min=0,
    ),
    _s(
        "gk_collectives_min",
        "Giấy khen Giám đốc Sở – tập thể, tối thiểu",
        "Director's certificate – collectives, min",
        "int",
        1,
        "Số tập thể tối thiểu đề nghị Giấy khen của Giám đốc Sở (§V.2: 01–02).",
        "Minimum collectives (§V.2: 1–2).",
        min=0,
    ),
    _s(
        "gk_collectives_max",
        "Giấy khen Giám đốc Sở – tập thể, tối đa",
        "Director's certificate – collectives, max",
        "int",
        2,
        "Số tập thể tối đa đề nghị Giấy khen của Giám đốc Sở (§V.2: 01–02).",
        "Maximum collectives (§V.2: 1–2).",
        min=0,
    ),
    _s(
        "gk_individuals_min",
        "Giấy khen Giám đốc Sở – cá nhân, tối thiểu",
        "Director's certificate – individuals, min",
        "int",
        5,
        "Số cá nhân tối thiểu đề nghị Giấy khen (§V.2: 05).",
        "Minimum individuals (§V.2: 5).",
        min=0,
    ),
    _s(
        "gk_individuals_max",
        "Giấy khen Giám đốc Sở – cá nhân, tối đa",
        "Director's certificate – individuals, max",
        "int",
        5,
        "Số cá nhân tối đa đề nghị Giấy khen (§V.2: 05).",
        "Maximum individuals (§V.2: 5).",
        min=0,
    ),
    _s(
        "tt1_min_pct",
        "TT1 – tỷ lệ nhiệm vụ CCHC hoàn thành đúng hạn tối thiểu (%)",
        "TT1 – minimum share of tasks on time (%)",
        "int",
        100,
        "Mỗi năm, số nhiệm vụ hoàn thành đúng hạn / số được giao phải đạt tỷ lệ này; năm không được giao nhiệm vụ thì đạt (§IV.1.a).",
        "Each year, tasks on time / assigned must reach this share; a year with no task passes (§IV.1.a).",
        min=0,
        max=100,
    ),
    _s(
        "tt2_min_docs",
        "TT2 – số văn bản tham mưu tối thiểu mỗi năm",
        "TT2 – minimum advisory documents a year",
        "int",
        1,
        "Số văn bản, kế hoạch CCHC đơn vị phải tham mưu mỗi năm (§IV.1.b).",
        "Documents the unit must draft each year (§IV.1.b).",
        min=0,
    ),
    _s(
        "min_level",
        "Cấp công nhận sáng kiến tối thiểu",
        "Minimum initiative level",
        "enum",
        "CS",
        "Sáng kiến được tính khi được công nhận từ cấp này trở lên (TT3, CN1).",
        "Initiatives count from this level up (TT3, CN1).",
        enum="level",
    ),
    _s(
        "tt3_need_index",
        "TT3 – sáng kiến phải ghi chỉ số tác động",
        "TT3 – initiative must name an index",
        "enum",
        "N",
        "Có: chỉ tính sáng kiến có ghi PAR INDEX, SIPAS hoặc PAPI ở cột Chỉ số tác động.",
        "Yes: only initiatives naming PAR INDEX, SIPAS or PAPI count.",
        enum="yes_no",
    ),
    _s(
        "cn1_need_replicable",
        "CN1 – sáng kiến phải có thể nhân rộng",
        "CN1 – initiative must be replicable",
        "enum",
        "N",
        "Có: chỉ tính sáng kiến ghi Có ở cột Có thể nhân rộng (§IV.2.a).",
        "Yes: only initiatives marked replicable count.",
        enum="yes_no",
    ),
    _s(
        "min_rating",
        "Xếp loại tối thiểu (TT6, CN2)",
        "Minimum rating (TT6, CN2)",
        "enum",
        "HTTNV",
        "Xếp loại thấp nhất được coi là đạt (§IV.1.e, §IV.2.b).",
        "Lowest rating that passes (§IV.1.e, §IV.2.b).",
        enum="rating",
    ),
    _s(
        "tt6_min_pct",
        "TT6 – tỷ lệ cán bộ đạt xếp loại tối thiểu (%)",
        "TT6 – minimum share of staff at that rating (%)",
        "int",
        100,
        "Mỗi năm, tỷ lệ cán bộ của đơn vị đạt xếp loại tối thiểu (§IV.1.e: 100%).",
        "Each year, the unit's share of staff at the minimum rating.",
        min=0,
        max=100,
    ),
    _s(
        "min_months",
        "Số tháng công tác tối thiểu để xét một năm",
        "Minimum months on staff for a year to count",
        "int",
        6,
        "Năm người đó công tác ít hơn số tháng này thì không xét năm đó (người mới vào, người nghỉ).",
        "A year with fewer months on staff is not judged for that person.",
        min=0,
        max=12,
    ),
    _s(
        "discipline_months",
        "Thời hạn hiệu lực kỷ luật (tháng)",
        "Discipline in effect (months)",
        "int",
        12,
        "Quyết định kỷ luật có hiệu lực trong số tháng này kể từ ngày quyết định; quyết định còn hiệu lực trong kỳ thì không đạt TT5, CN3, và thành tích của người, đơn vị bị kỷ luật chỉ tính từ khi hết thời hạn này (NĐ 152/2025 Đ.4 k.4).",
        "A decision is in effect this many months from its date; one in effect within the period fails TT5 and CN3, and a disciplined person's or unit's achievements count only from its end (Decree 152/2025 Art.4(4)).",
        min=0,
    ),
    _s(
        "order_individuals",
        "Thứ tự ưu tiên xếp hạng – cá nhân",
        "Ranking order – individuals",
        "keys",
        "; ".join(k.vi for k in INDIVIDUAL_KEYS),
        "Các tiêu chí so sánh lần lượt, cách nhau bởi dấu ;",
        "Keys compared in turn, separated by ;",
    ),
    _s(
        "order_collectives",
        "Thứ tự ưu tiên xếp hạng – tập thể",
        "Ranking order – collectives",
        "keys",
        "; ".join(k.vi for k in COLLECTIVE_KEYS if k.key in COLLECTIVE_DEFAULT),
        "Các tiêu chí so sánh lần lượt, cách nhau bởi dấu ;",
        "Keys compared in turn, separated by ;",
    ),
    # ---- Nghị định 152/2025/NĐ-CP (from 2025-07-01) and Luật Thi đua, khen thưởng 2022
    _s(
        "women_share_pct",
        "Tỷ lệ nữ để tập thể được ưu tiên (%)",
        "Share of women for a collective's priority (%)",
        "int",
        70,
        "Khi ngang nhau về thành tích, ưu tiên cá nhân nữ và tập thể có tỷ lệ nữ (cán bộ đang công tác cuối kỳ) từ mức này trở lên (NĐ 152/2025 Đ.4 k.6: 70%). Thứ tự ưu tiên xếp hạng ghi vị trí của tiêu chí Nữ / Tỷ lệ nữ đạt mức ưu tiên.",
        "Among equals, women and collectives whose staff at the period's end are at least this share women go first (Decree 152/2025 Art.4(6): 70%). The ranking orders place the key.",
        min=0,
        max=100,
    ),
    _s(
        "pending_hold",
        "Tạm chưa đề nghị khi đang xem xét kỷ luật, thanh tra, khiếu nại, tố cáo",
        "Hold back while proceedings are pending",
        "enum",
        "Y",
        "Có: người, tập thể có dòng Kỷ luật Trạng thái = Đang xem xét vẫn được đánh giá nhưng tạm chưa đề nghị khen thưởng, người kế tiếp được đề nghị thay (NĐ 152/2025 Đ.4 k.4).",
        "Yes: a person or collective with a pending row on Discipline is evaluated but held back; the next in rank takes the seat (Decree 152/2025 Art.4(4)).",
        enum="yes_no",
    ),
    _s(
        "maternity_counts",
        "Thời gian nghỉ thai sản được tính là thời gian công tác",
        "Maternity leave counts as time worked",
        "enum",
        "Y",
        'Có: năm có Ghi chú "nghỉ thai sản" ở Đánh giá cá nhân được xét theo xếp loại đã ghi, không bị trừ vào số tháng công tác tối thiểu (NĐ 152/2025 Đ.4 k.5). Không: năm đó không được xét.',
        'Yes: a year whose rating note says "nghỉ thai sản" is judged on the rating given, never shortened below the minimum months (Decree 152/2025 Art.4(5)). No: that year is not judged.',
        enum="yes_no",
    ),
    _s(
        "initiative_once",
        "Sáng kiến đã dùng để khen thưởng không tính lại",
        "An initiative already used for an award does not count again",
        "enum",
        "Y",
        "Có: sáng kiến ghi ở cột Mã sáng kiến của sheet Khen thưởng đã nhận không được tính cho TT3, CN1 (Luật TĐKT 2022 Đ.5 k.2 điểm c; Công văn 5007/BNV-TĐKT năm 2023).",
        "Yes: initiatives cited on Awards received do not count for TT3, CN1 (Law on Emulation and Commendation 2022 Art.5(2)(c); Official Letter 5007/BNV-TĐKT, 2023).",
        enum="yes_no",
    ),
    _s(
        "repeat_award_hold",
        "Không đề nghị lại người, tập thể đã được khen của phong trào này trong kỳ",
        "Do not propose again who already received an award of this movement",
        "enum",
        "Y",
        "Có: người, tập thể đã nhận khen thưởng của phong trào này (sheet Khen thưởng đã nhận, cột Phong trào trùng Tên phong trào) cho một kỳ trùng kỳ xét thì không đề nghị lại; Không: chỉ cảnh báo (Luật TĐKT 2022 Đ.5 k.2 điểm c).",
        "Yes: who already received an award of this movement for an overlapping period is not proposed again; No: only a warning (Law on Emulation and Commendation 2022 Art.5(2)(c)).",
        enum="yes_no",
    ),
    _s(
        "council_date",
        "Hội đồng – ngày họp",
        "Council – meeting date",
        "date",
        None,
        "Ngày họp Hội đồng thi đua – khen thưởng xét danh sách (ghi khi đã có kết quả biểu quyết ở sheet Hội đồng).",
        "Date of the council's meeting (when the Council sheet holds its votes).",
    ),
    _s(
        "council_members",
        "Hội đồng – số thành viên",
        "Council – members in office",
        "int",
        None,
        "Tổng số thành viên Hội đồng thi đua – khen thưởng.",
        "Members of the council in office.",
        min=1,
    ),
    _s(
        "council_present",
        "Hội đồng – số thành viên có mặt",
        "Council – members present",
        "int",
        None,
        "Số thành viên có mặt tại cuộc họp (mỗi người một phiếu).",
        "Members present at the meeting (one vote each).",
        min=0,
    ),
    _s(
        "council_quorum",
        "Hội đồng – tỷ lệ thành viên có mặt tối thiểu",
        "Council – quorum (share of members present)",
        "ratio",
        "2/3",
        "Cuộc họp hợp lệ khi số thành viên có mặt đạt ít nhất tỷ lệ này của tổng số thành viên (quy chế Hội đồng; mặc định 2/3). Ghi dạng 2/3 hoặc 67%.",
        "The meeting is valid when at least this share of the members is present (the council's rules; default 2/3). Write 2/3 or 67%.",
    ),
    _s(
        "council_majority",
        "Hội đồng – tỷ lệ phiếu đồng ý phải vượt quá",
        "Council – votes for must exceed this share",
        "ratio",
        "1/2",
        "Đồng ý hợp lệ khi số phiếu đồng ý nhiều hơn tỷ lệ này của số thành viên có mặt (quy chế Hội đồng; mặc định quá 1/2). Ghi dạng 1/2 hoặc 50%.",
        "Approved only with more votes than this share of the members present (the council's rules; default more than 1/2).",
    ),
    _s(
        "council_prefill",
        "Hội đồng – điền sẵn danh sách biểu quyết khi Đánh giá",
        "Council – pre-fill the voting list on Evaluate",
        "enum",
        "N",
        "Có: mỗi lần Đánh giá, sheet Hội đồng được thêm những người, tập thể trong danh sách đề xuất chưa có dòng (dòng, phiếu đã nhập giữ nguyên), thư ký chỉ cần ghi phiếu. Giống lệnh parcom evaluate --council-sheet.",
        "Yes: each Evaluate adds to the Council sheet the proposed candidates without a row (rows and votes already typed are kept). Same as parcom evaluate --council-sheet.",
        enum="yes_no",
    ),
    # ---- the office's year: the units' copies and the certificates (parcom split, documents)
    _s(
        "report_deadline",
        "Hạn nộp báo cáo của đơn vị",
        "Units' report deadline",
        "date",
        None,
        "Ngày các đơn vị phải gửi lại sổ báo cáo (parcom split ghi vào Hướng dẫn của từng sổ; quá ngày này đơn vị chưa nộp được ghi Quá hạn ở sheet Theo dõi báo cáo).",
        "The day the units must send their copies back (parcom split writes it in each copy's guide; a unit not in by then is Overdue on the tracker sheet).",
    ),
    _s(
        "copy_password",
        "Mật khẩu khóa sheet của sổ đơn vị",
        "Password of the units' copies' locked sheets",
        "text",
        None,
        "Để trống: Cấu hình và dòng đơn vị trong sổ gửi đơn vị chỉ được khóa, không đặt mật khẩu. Ghi mật khẩu nếu muốn đơn vị không tự mở khóa được.",
        "Blank: Settings and the unit's row in a unit's copy are locked without a password. Give one so that units cannot unlock them.",
    ),
    _s(
        "certificate_fields",
        "Giấy khen – vị trí in trên phôi (mm)",
        "Certificate – positions on pre-printed blanks (mm)",
        "text",
        "ten=60,86,177; don_vi=60,101,177; thanh_tich=40,114,217; quyet_dinh=40,140,120; noi_ngay=160,140,120; nguoi_ky=160,178,120",
        "Mỗi ô: tên=trái,trên,rộng (mm, tính từ góc trên bên trái tờ A4 nằm ngang), cách nhau bởi dấu ;. Các ô: ten, don_vi, thanh_tich, quyet_dinh, noi_ngay, nguoi_ky. In trang lưới (parcom documents --certificates --grid) lên phôi để đo.",
        "Each field: name=left,top,width (mm from the top left corner of a landscape A4 sheet), separated by ;. Fields: ten, don_vi, thanh_tich, quyet_dinh, noi_ngay, nguoi_ky. Print the grid page onto a blank to measure.",
    ),
)
SETTINGS_BY_KEY = {s.key: s for s in SETTINGS}
# The settings of the law's gates and the council's vote (SPEC §2b, §2c), listed in the guide.
_KEYS = [x.key for x in SETTINGS]
LAW_SETTINGS = SETTINGS[_KEYS.index("women_share_pct") : _KEYS.index("report_deadline")]
SETTINGS_SHEET = Sheet(
    "settings",
    "Cấu hình",
    "Settings",
    (
        _col("name", "Tham số", "Setting", TEXT, True, width=52),
        _col("value", "Giá trị", "Value", TEXT, True, width=40),
        _col("doc", "Ý nghĩa", "Meaning", TEXT, width=80),
    ),
    vi_doc="Các tham số của kế hoạch: kỳ xét, số lượng khen thưởng, ngưỡng, thứ tự ưu tiên.",
    en_doc="The plan's parameters: period, quotas, thresholds, ranking order.",
    table="CauHinh",
)


# ---------------------------------------------------------------- awards
# The legal model: the criteria are rules/criteria.py's entries (rules/kinds.Criterion: names,
# judgement, missing rows, summary, date in force); the ranking keys are TieBreak entries above,
# given their values in rules/keys.py; the awards are entries here, like them: key, the plan's
# paragraph, and names.
@dataclass(frozen=True)
class Award(Bilingual):
    """An award of §V: its names are the values the council's column accepts (AWARD_KIND), and
    its quotas the settings `<key>_collectives_min` … `<key>_individuals_max`."""

    key: str
    ref: str = "§V"

    @property
    def vi(self) -> str:
        return AWARD_KIND.get(self.key).vi

    @property
    def en(self) -> str:
        return AWARD_KIND.get(self.key).en


# Highest first: quotas are filled in this order (§V).
AWARDS = (Award("bk"), Award("gk"))
assert [a.key for a in AWARDS] == [c.code for c in AWARD_KIND.choices]

# ---------------------------------------------------------------- output sheets
OUTPUT_SHEETS: dict[str, tuple[str, str]] = {
    "errors": ("Lỗi dữ liệu", "Data errors"),
    "units_result": ("KQ Tập thể", "Collective results"),
    "staff_result": ("KQ Cá nhân", "Individual results"),
    "nominations": ("Đề nghị khen thưởng", "Nominations"),
    "dashboard": ("Tổng quan", "Dashboard"),
    "log": ("Nhật ký", "Run log"),
}
# The column `parcom merge` adds to every table of a master, and the word its notes start with
# when the units' files disagree: such a row is a data error of the master until resolved.
SOURCE_COLUMN = ("Nguồn", "Source")
CONFLICT_WORDS = ("XUNG ĐỘT", "CONFLICT")
# Sheets the template adds besides the data sheets.
GUIDE_SHEET = Text("Hướng dẫn", "Guide")
LISTS_SHEET = Text("DanhMuc", "Lists")  # hidden: dropdown sources


def output_name(key: str, lang: str = "vi") -> str:
    return Text(*OUTPUT_SHEETS[key]).get(lang)


def all_sheets() -> tuple[Sheet, ...]:
    return (SETTINGS_SHEET, *DATA_SHEETS)
