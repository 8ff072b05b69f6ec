"""Realistic, deterministic sample data for the template: a Sở Khoa học và Công nghệ, 2022–2025.

`make_sample()` returns plain rows per contract sheet key (values are str, int, date, enum
*codes* and tuples for list columns). The data are built so that an evaluation with the
default settings (period 2022–2025, quotas of §V) shows every outcome. Staff codes are fixed
by the roster order, not by the random seed; `SampleData.cases` maps each role below to its
code, and tests/test_sample.py checks this docstring against it.

The plan the sample stands for is signed "GIÁM ĐỐC Trần Tùng Chuẩn": he heads BGD and signs the
documents (`Họ tên người ký`); the agency's plan is cited as the plan itself tells it (its number
and day are blank in the plan).

Units (10 rows, 9 collectives judged; QLCNG founded 01/03/2023)
------------------------------------
Eligible (TT1–TT6 all met): QLKH, KHTC, VP, QLCNG, ranked in that order by best initiative
level then number of initiatives (QLKH Tỉnh/3, KHTC Tỉnh/2, VP Cơ sở/3, QLCNG Cơ sở/1)
-> Bằng khen: QLKH; Giấy khen (1–2): KHTC, VP; QLCNG eligible but beyond the quota.

- BGD, Ban Giám đốc Sở (kind Lãnh đạo Sở): the Giám đốc and the three Phó Giám đốc, a unit of
  their own so that a deputy director does not read as a deputy of the Office. Plan §III.1 makes
  collectives of the divisions and units only: BGD's members are judged as individuals, BGD
  itself is not a collective candidate (9 collectives are judged). Its result rows record that
  no CCHC task, target or programme is assigned to it.
- QLCNG, the FOUNDED unit: no 2022 result row and nobody rated under it in 2022, so 2022 is
  not judged (must not be "lacks data"); its 2023 row assigns 0 CCHC tasks, which passes TT1.
  Its staff moved in from QLCN and QLKH: their 2022 ratings carry Mã đơn vị QLCN / QLKH.
- KHTC employs CB032, whose discipline record of 15/10/2020 ended before the period: TT5 met.
- TTR: TT3 not met (owns no initiative, employs no author); everything else met.
- QLCN: TT5 not met (CB048 Cảnh cáo 20/05/2023), TT6 not met (CB048 KHTNV 2023, CB053 HTNV
  2025). Its best initiative is the only Toàn quốc one (SK10).
- CCTC: TT2 not met (2024: 0 advisory documents), TT4 not met (2023 budget Không đạt),
  TT6 not met (CB067 HTNV 2022, CB066 HTNV 2024).
- TTUD: TT1 not met (2023: 5 of 6 tasks on time), TT5 not met twice: CB093 Khiển trách
  15/06/2021 (inside the 12 months before 01/01/2022, so in effect in 2022) and a unit-only
  record "Vi phạm pháp luật" of 05/11/2024 (no staff code).
- TTTT LACKS DATA only: no result row for 2024 (TT1, TT2, TT4) and no 2023 rating for CB129
  (TT6); TT3 and TT5 met.

Individuals (150 staff; 12 eligible)
------------------------------------
Eligible, best first by (best level, years HTXSNV, initiatives, not a leader):
- CB038 (QLKH) and CB030 (KHTC): co-authors of SK05 (Tỉnh, 2023), neither a leader, 2 years
  HTXSNV and 1 initiative each: the TIE straddling the Bằng khen individual quota (1 seat)
  -> "đồng hạng – Hội đồng xem xét". The only Toàn quốc author (CB048) is not eligible.
- CB036 (QLKH Trưởng phòng; SK02 Tỉnh 2022; 2 HTXSNV; 1 initiative): equal to the tie pair
  on every key but "not a leader", so ranked just after them.
- CB002 (BGD Phó Giám đốc; Cơ sở; 3 HTXSNV; SK03, SK19; leader).
- CB014 (VP; SK01; 2 HTXSNV): the LEAVER (Ngày nghỉ 30/09/2024; rated 2022–2024, 2025 not
  judged): eligible, but not nominated because they left before the end of the period.
- CB063 (CCTC Phó Chi cục trưởng; SK07; 2 HTXSNV; leader).
- CB049 (QLCN; SK06, SK14, SK20; 1 HTXSNV).
- CB091 (TTUD Trưởng phòng; SK09, SK13; 1 HTXSNV; leader).
- CB040 (QLKH; SK16 of 2025; 1 HTXSNV): the JOINER (Ngày vào 01/08/2023: 5 months in 2023, so
  2023 is not judged and has no rating — must not be "lacks data", neither for CN2 nor for
  QLKH's TT6).
- CB127 (TTTT Phó Giám đốc Trung tâm; SK17; 1 HTXSNV; leader).
- CB032 (KHTC Kế toán; SK04; 0 HTXSNV): has the OLD discipline record (Khiển trách
  15/10/2020, in effect until 15/10/2021) which must NOT count: CN3 met.
- CB057 (QLCNG Phó Trưởng phòng; SK11; 0 HTXSNV; leader; moved from QLCN in 2023).
Every eligible person but the tie pair has a distinct key tuple, so with any reasonable
filling order the only tie at a quota edge is CB038/CB030.

Authors who are NOT eligible:
- CB048 (QLCN): SK10 Toàn quốc 2024 and SK20; CN3 not met (Cảnh cáo 20/05/2023). CN2 is met:
  his KHTNV 2023 lies before the end of the discipline period (20/05/2024), and a disciplined
  person's achievements count only from then (NĐ 152/2025 Đ.4 k.4): 2024 and 2025 are judged.
- CB066 (CCTC): SK15 Tỉnh 2025; CN2 not met (HTNV 2024).
- CB093 (TTUD): SK08, SK13; CN3 not met only (Khiển trách 15/06/2021, still in effect in 2022).
- CB129 (TTTT): SK12; CN2 lacks data (no 2023 rating).
- CB015 (VP): only SK18, recognised in 2021, outside the period: CN1 not met (and validation
  warns that row 'Sáng kiến'!C19 is outside the period — the sample's only warning).
Everybody else authored nothing (CN1 not met). `EXPECTED` below holds the same facts as data.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from datetime import date
from typing import Any

YEARS = (2022, 2023, 2024, 2025)
# The plan's signature ("GIÁM ĐỐC Trần Tùng Chuẩn") and how the plan names itself: it was issued
# by the Sở in 2022, its number and day left blank ("Số: /KH-SKHCN", "ngày tháng năm 2022").
SIGNER = "Trần Tùng Chuẩn"
SETTINGS = {"signer_name": SIGNER, "agency_plan": "Kế hoạch năm 2022 của Sở Khoa học và Công nghệ"}

# The outcomes the data are built for (default settings), as documented above.
# fmt: off
EXPECTED: dict[str, Any] = {
    "eligible_units": ("QLKH", "KHTC", "VP", "QLCNG"),  # ranked
    "unit_failures": {  # criterion -> outcome other than "met"
        "TTR": {"TT3": "not_met"},
        "QLCN": {"TT5": "not_met", "TT6": "not_met"},
        "CCTC": {"TT2": "not_met", "TT4": "not_met", "TT6": "not_met"},
        "TTUD": {"TT1": "not_met", "TT5": "not_met"},
        "TTTT": {"TT1": "lacks_data", "TT2": "lacks_data", "TT4": "lacks_data", "TT6": "lacks_data"},
    },
    # ranked; the first two tie on every key
    "eligible_staff": ("CB038", "CB030", "CB036", "CB002", "CB014", "CB063", "CB049", "CB091",
                       "CB040", "CB127", "CB057", "CB032"),  # CB057 a woman, equal in merit to CB032
    "tie": ("CB038", "CB030"),
    "left_not_nominated": ("CB014",),
    "author_failures": {
        "CB048": {"CN2": "met", "CN3": "not_met"},
        "CB066": {"CN2": "not_met"},
        "CB093": {"CN3": "not_met"},
        "CB129": {"CN2": "lacks_data"},
        "CB015": {"CN1": "not_met"},
    },
}
# fmt: on

# ---------------------------------------------------------------- units
# fmt: off
# code, name, kind code, founded, note, total staff
_UNITS: tuple[tuple[str, str, str, date | None, str, int], ...] = (
    # BGD's seats are the first of the Office's roster (see _Slot.unit), so its own count is 0
    ("BGD", "Ban Giám đốc Sở", "LDS", None, "Lãnh đạo Sở: Giám đốc và các Phó Giám đốc", 0),
    ("VP", "Văn phòng Sở", "PCM", None, "Đầu mối tham mưu công tác CCHC của Sở", 20),
    ("TTR", "Thanh tra Sở", "PCM", None, "", 7),
    ("KHTC", "Phòng Kế hoạch – Tài chính", "PCM", None, "", 8),
    ("QLKH", "Phòng Quản lý khoa học", "PCM", None, "", 10),
    ("QLCN", "Phòng Quản lý công nghệ và Thị trường công nghệ", "PCM", None, "", 10),
    ("QLCNG", "Phòng Quản lý chuyên ngành", "PCM", date(2023, 3, 1),
     "Thành lập theo Quyết định số 356/QĐ-UBND ngày 01/3/2023 của UBND tỉnh", 6),
    ("CCTC", "Chi cục Tiêu chuẩn Đo lường Chất lượng", "DVTS", None, "", 26),
    ("TTUD", "Trung tâm Ứng dụng tiến bộ khoa học và công nghệ", "DVTTS", None, "", 38),
    ("TTTT", "Trung tâm Thông tin và Thống kê khoa học và công nghệ", "DVTTS", None, "", 25),
)


@dataclass(frozen=True)
class _Slot:
    """One seat of a unit's roster; `role` names the special cases documented above."""

    position: str
    kind: str = "CC"
    leader: bool = False
    role: str = ""
    gender: str = ""  # "m" / "f"; random when blank
    ratings: str = ""  # one letter per year of YEARS: X T H K, "-" none; random when blank
    joined: date | None = None
    left: date | None = None
    moved_from: str = ""  # unit of the 2022 rating, for staff moved to a unit founded later
    name: tuple[str, str] = ()  # a fixed name and gender ("m" / "f"): the plan's signer
    # A seat drawn with this roster but belonging to another unit: the leadership (BGD) is drawn
    # with the Office, as it was before it had a unit of its own, so every name stays as drawn.
    unit: str = ""


_RATING_LETTERS = {"X": "HTXSNV", "T": "HTTNV", "H": "HTNV", "K": "KHTNV"}

# Leading seats and special cases per unit, in roster order; the rest is filled at random.
_ROSTERS: dict[str, tuple[_Slot, ...]] = {
    "VP": (
        _Slot("Giám đốc", leader=True, name=(SIGNER, "m"), unit="BGD"),
        _Slot("Phó Giám đốc", leader=True, role="deputy_director", ratings="XXXT", unit="BGD"),
        _Slot("Phó Giám đốc", leader=True, unit="BGD"),
        _Slot("Phó Giám đốc", leader=True, unit="BGD"),
        _Slot("Chánh Văn phòng", leader=True),
        _Slot("Phó Chánh Văn phòng", leader=True),
        _Slot("Kế toán"),
        _Slot("Văn thư"),
        _Slot("Thủ quỹ", kind="NLD"),
        _Slot("Lái xe", kind="NLD", gender="m"),
        _Slot("Lái xe", kind="NLD", gender="m"),
        _Slot("Bảo vệ", kind="NLD", gender="m"),
        _Slot("Nhân viên phục vụ", kind="NLD", gender="f"),
        _Slot("Chuyên viên", role="leaver", ratings="XTX-", left=date(2024, 9, 30)),
        _Slot("Chuyên viên", role="initiative_before_period"),
    ),
    "TTR": (
        _Slot("Chánh Thanh tra", leader=True),
        _Slot("Phó Chánh Thanh tra", leader=True),
    ),
    "KHTC": (
        _Slot("Trưởng phòng", leader=True),
        _Slot("Phó Trưởng phòng", leader=True),
        _Slot("Chuyên viên", role="tie_b", ratings="TXTX"),
        _Slot("Chuyên viên"),
        _Slot("Kế toán", role="old_discipline", ratings="TTTT"),
    ),
    "QLKH": (
        _Slot("Trưởng phòng", leader=True, role="provincial_leader", ratings="XXTT"),
        _Slot("Phó Trưởng phòng", leader=True),
        _Slot("Chuyên viên", role="tie_a", ratings="XTXT"),
        _Slot("Chuyên viên"),
        _Slot("Chuyên viên", role="joiner", ratings="--XT", joined=date(2023, 8, 1)),
    ),
    "QLCN": (
        _Slot("Trưởng phòng", leader=True),
        _Slot("Phó Trưởng phòng", leader=True),
        _Slot("Chuyên viên chính", role="national", ratings="XKTT"),
        _Slot("Chuyên viên", role="qlcn_author", ratings="TXTT"),
        _Slot("Chuyên viên"),
        _Slot("Chuyên viên"),
        _Slot("Chuyên viên"),
        _Slot("Chuyên viên", role="qlcn_htnv", ratings="TTTH"),
    ),
    "QLCNG": (
        _Slot("Trưởng phòng", leader=True, moved_from="QLKH"),
        _Slot("Phó Trưởng phòng", leader=True, role="founded_author", ratings="TTTT", moved_from="QLCN"),
        _Slot("Chuyên viên", moved_from="QLCN"),
        _Slot("Chuyên viên", moved_from="QLCN"),
        _Slot("Chuyên viên", moved_from="QLKH"),
        _Slot("Chuyên viên", moved_from="QLKH"),
    ),
    "CCTC": (
        _Slot("Chi cục trưởng", leader=True),
        _Slot("Phó Chi cục trưởng", leader=True, role="cctc_author", ratings="XTTX"),
        _Slot("Trưởng phòng", leader=True),
        _Slot("Trưởng phòng", leader=True),
        _Slot("Kiểm định viên", role="provincial_low_rating", ratings="TTHT"),
        _Slot("Nhân viên", kind="NLD", role="cctc_htnv", ratings="HTTT"),
    ),
    "TTUD": (
        _Slot("Giám đốc Trung tâm", kind="VC", leader=True),
        _Slot("Phó Giám đốc Trung tâm", kind="VC", leader=True),
        _Slot("Phó Giám đốc Trung tâm", kind="VC", leader=True),
        _Slot("Trưởng phòng", kind="VC", leader=True, role="ttud_author", ratings="TTXT"),
        _Slot("Trưởng phòng", kind="VC", leader=True),
        _Slot("Kỹ sư", kind="VC", role="window_discipline", ratings="TTTT"),
    ),
    "TTTT": (
        _Slot("Giám đốc Trung tâm", kind="VC", leader=True),
        _Slot("Phó Giám đốc Trung tâm", kind="VC", leader=True, role="tttt_author", ratings="TTTX"),
        _Slot("Trưởng phòng", kind="VC", leader=True),
        _Slot("Viên chức", kind="VC", role="missing_rating", ratings="T-TT"),
    ),
}

# Filler seats by unit kind: (position, staff kind, weight).
_FILLERS: dict[str, tuple[tuple[str, str, int], ...]] = {
    "PCM": (("Chuyên viên", "CC", 8), ("Chuyên viên chính", "CC", 2)),
    "TTR": (("Thanh tra viên", "CC", 6), ("Thanh tra viên chính", "CC", 1)),
    "DVTS": (
        ("Chuyên viên", "CC", 6), ("Kiểm định viên", "CC", 3), ("Phó Trưởng phòng", "CC", 1),
        ("Nhân viên", "NLD", 2),
    ),
    "DVTTS": (
        ("Viên chức", "VC", 6), ("Kỹ sư", "VC", 4), ("Phó Trưởng phòng", "VC", 1),
        ("Kế toán", "VC", 1), ("Nhân viên", "NLD", 3), ("Lái xe", "NLD", 1),
    ),
}

# ---------------------------------------------------------------- initiatives
# id, title, year, level, author roles, owner unit, impact codes, replicable
_INITIATIVES: tuple[tuple[str, str, int, str, tuple[str, ...], str, tuple[str, ...], str], ...] = (
    ("SK01", "Ứng dụng phần mềm Một cửa điện tử trong tiếp nhận và trả kết quả giải quyết thủ tục hành chính",
     2022, "CS", ("leaver",), "VP", ("PAR", "SIPAS"), "Y"),
    ("SK02", "Tuyển chọn, giao trực tiếp nhiệm vụ khoa học và công nghệ cấp tỉnh trên môi trường điện tử",
     2022, "TINH", ("provincial_leader",), "QLKH", ("PAR",), "Y"),
    ("SK03", "Áp dụng Hệ thống quản lý chất lượng theo TCVN ISO 9001:2015 cho toàn bộ thủ tục hành chính của Sở",
     2022, "CS", ("deputy_director",), "VP", ("PAR",), "Y"),
    ("SK04", "Sử dụng chữ ký số chuyên dùng trong gửi, nhận văn bản và chứng từ kế toán điện tử",
     2022, "CS", ("old_discipline",), "KHTC", ("PAR",), "Y"),
    ("SK05", "Cung cấp dịch vụ công trực tuyến toàn trình thủ tục đăng ký kết quả thực hiện nhiệm vụ khoa học và công nghệ",
     2023, "TINH", ("tie_a", "tie_b"), "QLKH", ("PAR", "SIPAS"), "Y"),
    ("SK06", "Số hóa hồ sơ, kết quả giải quyết thủ tục hành chính lĩnh vực an toàn bức xạ",
     2023, "CS", ("qlcn_author",), "QLCN", ("PAR",), "Y"),
    ("SK07", "Thanh toán trực tuyến phí kiểm định, hiệu chuẩn phương tiện đo",
     2023, "CS", ("cctc_author",), "CCTC", ("SIPAS",), "Y"),
    ("SK08", "Khảo sát sự hài lòng của người dân, doanh nghiệp bằng mã QR tại Bộ phận Một cửa",
     2023, "CS", ("window_discipline",), "TTUD", ("SIPAS", "PAPI"), "Y"),
    ("SK09", "Quy trình nội bộ, quy trình điện tử trong chuyển giao tiến bộ kỹ thuật cho doanh nghiệp",
     2023, "CS", ("ttud_author",), "TTUD", (), "Y"),
    ("SK10", "Sàn giao dịch công nghệ trực tuyến kết nối cung – cầu công nghệ giữa viện, trường và doanh nghiệp",
     2024, "TQ", ("national",), "QLCN", ("PAR", "PAPI"), "Y"),
    ("SK11", "Rút ngắn thời gian giải quyết thủ tục cấp Giấy phép tiến hành công việc bức xạ bằng hồ sơ điện tử",
     2024, "CS", ("founded_author",), "QLCNG", ("PAR", "SIPAS"), "Y"),
    ("SK12", "Số hóa và chia sẻ cơ sở dữ liệu nhiệm vụ khoa học và công nghệ các cấp",
     2024, "CS", ("missing_rating",), "TTTT", ("PAR",), "Y"),
    ("SK13", "Ứng dụng phần mềm truy xuất nguồn gốc sản phẩm, hàng hóa cho hợp tác xã",
     2024, "CS", ("ttud_author", "window_discipline"), "TTUD", (), "Y"),
    ("SK14", "Tra cứu tình trạng hồ sơ thủ tục hành chính qua Zalo và Cổng thông tin điện tử của Sở",
     2024, "CS", ("qlcn_author",), "", ("SIPAS",), "N"),
    ("SK15", "Cơ chế một cửa liên thông kiểm tra nhà nước về chất lượng hàng hóa nhập khẩu",
     2025, "TINH", ("provincial_low_rating",), "CCTC", ("PAR", "PAPI"), "Y"),
    ("SK16", "Trợ lý ảo hỗ trợ trả lời câu hỏi về thủ tục hành chính lĩnh vực khoa học và công nghệ",
     2025, "CS", ("joiner",), "QLKH", ("SIPAS",), "Y"),
    ("SK17", "Bản đồ số tiềm lực khoa học và công nghệ của tỉnh",
     2025, "CS", ("tttt_author",), "TTTT", (), "Y"),
    ("SK18", "Ứng dụng phần mềm quản lý văn bản và điều hành trong toàn Sở",
     2021, "CS", ("initiative_before_period",), "VP", ("PAR",), "Y"),
    ("SK19", "Bộ chỉ số đánh giá kết quả CCHC (PAR INDEX) nội bộ của các phòng, đơn vị thuộc Sở",
     2025, "CS", ("deputy_director",), "VP", ("PAR",), "Y"),
    ("SK20", "Số hóa quy trình thẩm định, góp ý công nghệ dự án đầu tư",
     2022, "CS", ("qlcn_author", "national"), "QLCN", ("PAR",), "Y"),
)
_AGENCY_BY_LEVEL = {"CS": "SKHCN", "TINH": "UBND", "TQ": "BKHCN"}

# ---------------------------------------------------------------- names
_SURNAMES = (
    ("Nguyễn", 30), ("Trần", 10), ("Lê", 9), ("Phạm", 7), ("Hoàng", 5), ("Vũ", 5), ("Đặng", 3),
    ("Bùi", 3), ("Đỗ", 4), ("Ngô", 2), ("Dương", 2), ("Đào", 2), ("Đinh", 2), ("Lương", 1),
    ("Trịnh", 2), ("Phan", 2), ("Tạ", 1), ("Chu", 1), ("Lưu", 1), ("Mai", 1),
)
_MIDDLE = {
    "m": ("Văn", "Văn", "Văn", "Văn", "Đức", "Minh", "Quang", "Hữu", "Công", "Xuân", "Thanh", "Ngọc", "Mạnh", "Tiến", "Duy", "Anh"),
    "f": ("Thị", "Thị", "Thị", "Thu", "Thanh", "Ngọc", "Phương", "Minh", "Thùy", "Hồng", "Kim", "Bích", "Mai"),
}
_GIVEN = {
    "m": ("Hùng", "Dũng", "Tuấn", "Cường", "Hải", "Nam", "Long", "Sơn", "Thắng", "Trung", "Hiếu", "Tùng",
          "Quân", "Khánh", "Huy", "Phong", "Đạt", "Thành", "Bình", "Việt", "Hưng", "Toàn", "Kiên", "Lâm"),
    "f": ("Hương", "Lan", "Hoa", "Hằng", "Thủy", "Nga", "Trang", "Linh", "Huyền", "Yến", "Phương", "Thảo",
          "Mai", "Hà", "Nhung", "Dung", "Loan", "Ngọc", "Oanh", "Vân", "Hạnh", "Liên", "Quyên", "Giang"),
}


@dataclass
class SampleData:
    """Plain rows per contract sheet key, plus settings overrides and the documented cases.

    `sources` (a merged master): sheet key -> one text per row, the table's last column
    (contract.SOURCE_COLUMN)."""

    tables: dict[str, list[dict[str, Any]]]
    settings: dict[str, Any] = field(default_factory=dict)
    cases: dict[str, str] = field(default_factory=dict)  # role -> staff or unit code
    sources: dict[str, list[str]] = field(default_factory=dict)

    def rows(self, key: str) -> list[dict[str, Any]]:
        return self.tables.get(key, [])


def make_sample(seed: int = 2022) -> SampleData:
    """The sample department; the same seed always gives the same data."""
    rng = random.Random(seed)
    units = [
        {"unit_id": code, "unit_name": name, "unit_kind": kind, "founded": founded, "note": note or None}
        for code, name, kind, founded, note, _ in _UNITS
    ]
    staff, cases, slots = _make_staff(rng)
    ratings = _make_ratings(rng, staff, slots)
    return SampleData(
        tables={
            "units": units,
            "staff": staff,
            "ratings": ratings,
            "results": _make_results(rng),
            "initiatives": _make_initiatives(rng, cases),
            "discipline": _make_discipline(cases),
            "past_awards": _make_past_awards(cases),
        },
        settings=dict(SETTINGS),
        cases={**cases, "founded_unit": "QLCNG", "no_initiative_unit": "TTR", "missing_result_unit": "TTTT"},
    )


def _make_staff(rng: random.Random) -> tuple[list[dict[str, Any]], dict[str, str], dict[str, _Slot]]:
    staff: list[dict[str, Any]] = []
    cases: dict[str, str] = {}
    slots: dict[str, _Slot] = {}
    names: set[str] = set()
    for code, _, kind, _, _, size in _UNITS:
        roster = list(_ROSTERS.get(code, ()))
        fillers = _FILLERS.get("TTR" if code == "TTR" else kind, ())  # the leadership (LDS) has none
        while len(roster) < size:
            position, staff_kind, _ = rng.choices(fillers, weights=[w for *_, w in fillers])[0]
            roster.append(_Slot(position, kind=staff_kind, leader=position.startswith(("Trưởng", "Phó"))))
        for slot in roster:
            staff_id = f"CB{len(staff) + 1:03d}"
            gender = slot.gender or rng.choice("mf")
            name = _name(rng, gender, names)
            if slot.name:  # drawn all the same, so that everybody else keeps the name drawn
                name, gender = slot.name
            staff.append({
                "staff_id": staff_id,
                "full_name": name,
                "unit_id": slot.unit or code,
                "staff_kind": slot.kind,
                "position": slot.position,
                "gender": "F" if gender == "f" else "M",
                "birth_date": _birth(staff_id),
                "leader": "Y" if slot.leader else "N",
                "joined": slot.joined,
                "left": slot.left,
            })
            slots[staff_id] = slot
            if slot.role:
                cases[slot.role] = staff_id
    return staff, cases, slots


def _birth(staff_id: str) -> date:
    """A birth date drawn apart from the sample's stream, so the other data stay as they were."""
    own = random.Random(f"birth-{staff_id}")
    return date(own.randint(1968, 1998), own.randint(1, 12), own.randint(1, 28))


def _name(rng: random.Random, gender: str, taken: set[str]) -> str:
    while True:
        surname = rng.choices([s for s, _ in _SURNAMES], weights=[w for _, w in _SURNAMES])[0]
        name = f"{surname} {rng.choice(_MIDDLE[gender])} {rng.choice(_GIVEN[gender])}"
        if name not in taken:
            taken.add(name)
            return name


def _make_ratings(
    rng: random.Random, staff: list[dict[str, Any]], slots: dict[str, _Slot]
) -> list[dict[str, Any]]:
    rows: list[dict[str, Any]] = []
    unit_names = {code: name for code, name, *_ in _UNITS}
    # One random draw per person and year, in a fixed order, whatever the special patterns.
    draws = {(s["staff_id"], y): rng.random() for y in YEARS for s in staff}
    for year in YEARS:
        for person in staff:
            staff_id = person["staff_id"]
            slot = slots[staff_id]
            if slot.ratings:
                letter = slot.ratings[YEARS.index(year)]
                if letter == "-":
                    continue
                code = _RATING_LETTERS[letter]
            else:
                code = "HTXSNV" if draws[(staff_id, year)] < 0.15 else "HTTNV"
            unit_id, note = None, None
            if slot.moved_from and year < 2023:
                unit_id = slot.moved_from
                note = f"Trước khi chuyển sang {unit_names[person['unit_id']]}"
            if slot.role == "national" and year == 2023:
                note = "Bị kỷ luật Cảnh cáo năm 2023"
            rows.append({"year": year, "staff_id": staff_id, "rating": code, "unit_id": unit_id, "note": note})
    return rows


def _make_results(rng: random.Random) -> list[dict[str, Any]]:
    rows: list[dict[str, Any]] = []
    for year in YEARS:
        for code, _, _kind, founded, _, _size in _UNITS:
            if founded and founded.year > year:
                continue
            if code == "BGD":  # no draw: the other units' results stay as they were
                rows.append(_leadership_results(year))
                continue
            if code == "TTTT" and year == 2024:
                continue  # the missing row: TT1, TT2, TT4 lack data for TTTT in 2024
            assigned = rng.randint(3, 12 if code == "VP" else 8)
            row = {
                "year": year,
                "unit_id": code,
                "tasks_assigned": assigned,
                "tasks_on_time": assigned,
                "advisory_docs": rng.randint(4, 12) if code == "VP" else rng.randint(1, 5),
                "socio_targets": rng.choice(("VUOT", "DAT", "DAT")),
                "budget": rng.choice(("VUOT", "DAT", "DAT", "DAT")),
                "programmes": rng.choice(("HT", "HT", "HT", "KGIAO")),
                "note": None,
            }
            if code == "TTR":
                row["socio_targets"] = "KGIAO"
            if code == "QLCNG" and year == 2023:
                row.update(tasks_assigned=0, tasks_on_time=0, note="Năm đầu thành lập, chưa được giao nhiệm vụ CCHC")
            if code == "TTUD" and year == 2023:
                row.update(tasks_assigned=6, tasks_on_time=5, note="Chậm 01 nhiệm vụ số hóa hồ sơ")
            if code == "CCTC" and year == 2024:
                row.update(advisory_docs=0)
            if code == "CCTC" and year == 2023:
                row.update(budget="KDAT", note="Thu phí kiểm định không đạt dự toán")
            rows.append(row)
    return rows


def _leadership_results(year: int) -> dict[str, Any]:
    """The Ban Giám đốc is assigned no CCHC task, target or programme and drafts no advisory
    document: the units advise it (plan §VI)."""
    return {
        "year": year,
        "unit_id": "BGD",
        "tasks_assigned": 0,
        "tasks_on_time": 0,
        "advisory_docs": 0,
        "socio_targets": "KGIAO",
        "budget": "KGIAO",
        "programmes": "KGIAO",
        "note": "Lãnh đạo Sở chỉ đạo; nhiệm vụ CCHC giao cho các phòng, đơn vị",
    }


def _make_initiatives(rng: random.Random, cases: dict[str, str]) -> list[dict[str, Any]]:
    rows = []
    for ident, title, year, level, roles, owner, impact, replicable in _INITIATIVES:
        decided = date(year, rng.randint(9, 12), rng.randint(1, 28))
        number = rng.randint(20, 480) if level == "CS" else rng.randint(1000, 2900)
        rows.append({
            "initiative_id": ident,
            "title": title,
            "year": year,
            "level": level,
            "authors": tuple(cases[r] for r in roles),
            "unit_id": owner or None,
            "decision_no": f"{number}/QĐ-{_AGENCY_BY_LEVEL[level]}",
            "decision_date": decided,
            "impact": impact,
            "replicable": replicable,
        })
    return rows


def _make_discipline(cases: dict[str, str]) -> list[dict[str, Any]]:
    return [
        {"decision_date": date(2020, 10, 15), "form": "KT", "staff_id": cases["old_discipline"], "unit_id": None,
         "decision_no": "112/QĐ-SKHCN", "content": "Vi phạm quy chế làm việc của cơ quan (hết hiệu lực 15/10/2021)"},
        {"decision_date": date(2021, 6, 15), "form": "KT", "staff_id": cases["window_discipline"], "unit_id": None,
         "decision_no": "58/QĐ-TTUD", "content": "Chậm trễ trong thực hiện nhiệm vụ được giao"},
        {"decision_date": date(2023, 5, 20), "form": "CCAO", "staff_id": cases["national"], "unit_id": None,
         "decision_no": "145/QĐ-SKHCN", "content": "Vi phạm quy định về quản lý hồ sơ thẩm định công nghệ"},
        {"decision_date": date(2024, 11, 5), "form": "VPPL", "staff_id": None, "unit_id": "TTUD",
         "decision_no": "2187/QĐ-XPHC", "content": "Vi phạm quy định về phòng cháy, chữa cháy tại trụ sở"},
    ]


def _make_past_awards(cases: dict[str, str]) -> list[dict[str, Any]]:
    # An award of an earlier movement citing SK18 (recognised in 2021, before the period): it
    # shows the sheet without changing any outcome of the sample.
    return [
        {"award": "Giấy khen của Giám đốc Sở", "decision_no": "25/QĐ-SKHCN", "decision_date": date(2022, 1, 10),
         "staff_id": cases["initiative_before_period"], "unit_id": None,
         "movement": "Thi đua thực hiện nhiệm vụ chính trị năm 2021", "from_year": 2021, "to_year": 2021,
         "initiatives": ("SK18",)},
    ]
