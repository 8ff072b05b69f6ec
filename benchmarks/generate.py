"""Synthetic, valid workbooks for the benchmarks, built through the contract.

Sheet names, headers, settings labels and their defaults all come from `parcom_excel.contract`,
so a renamed column is picked up here without an edit. Values are what a clerk would type
(labels from the dropdowns, some abbreviations such as "HTTNV"), drawn from a seeded
`random.Random`: the same size and seed always give the same file.

Sizes:
  department   10 units, 200 staff, 4 years (2022–2025): 800 ratings
  province     300 units, 30,000 staff, 4 years: 120,000 ratings
  excel-limit  1,000 units, 262,144 staff: 1,048,575 rating rows, every row of one sheet
               (the last person joined on 1/1/2023, so has 3 ratings instead of 4)

Written with XlsxWriter in constant_memory mode (fast, little memory). That mode writes inline
strings and cannot add Excel tables, so the data sits in plain ranges under a header row, the
way the reader finds it in any workbook.

    .venv/bin/python benchmarks/generate.py --sizes department,province
    .venv/bin/python benchmarks/generate.py --batch 40     # 40 department books for `parcom batch`
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
DATA = HERE / "data"
sys.path.insert(0, str(HERE.parent))

from parcom_excel import contract as C  # noqa: E402

YEARS = (2022, 2025)
EXCEL_MAX_ROWS = 1_048_576  # header row included


@dataclass(frozen=True)
class Size:
    name: str
    units: int
    staff: int
    short_last: bool = False  # last person joined 1/1/2023: fills the sheet to the last row

    @property
    def ratings(self) -> int:
        years = YEARS[1] - YEARS[0] + 1
        return self.staff * years - (1 if self.short_last else 0)


SIZES: dict[str, Size] = {
    "department": Size("department", 10, 200),
    "province": Size("province", 300, 30_000),
    "excel-limit": Size("excel-limit", 1_000, 262_144, short_last=True),
}
assert SIZES["excel-limit"].ratings == EXCEL_MAX_ROWS - 1


def book_path(size: str, seed: int = 1) -> Path:
    return DATA / (f"{size}.xlsx" if seed == 1 else f"{size}-{seed}.xlsx")


# ---------------------------------------------------------------- vocabulary

FAMILY = (
    "Nguyễn",
    "Trần",
    "Lê",
    "Phạm",
    "Hoàng",
    "Huỳnh",
    "Phan",
    "Vũ",
    "Võ",
    "Đặng",
    "Bùi",
    "Đỗ",
    "Hồ",
    "Ngô",
    "Dương",
    "Lý",
    "Đào",
    "Đinh",
    "Lương",
    "Trịnh",
)
MIDDLE = ("Văn", "Thị", "Hữu", "Đức", "Minh", "Thanh", "Ngọc", "Quốc", "Thu", "Hoài", "Xuân", "Kim")
GIVEN = (
    "An",
    "Bình",
    "Cường",
    "Dung",
    "Giang",
    "Hà",
    "Hải",
    "Hạnh",
    "Hòa",
    "Hùng",
    "Hương",
    "Khánh",
    "Lan",
    "Linh",
    "Long",
    "Mai",
    "Nam",
    "Nga",
    "Phúc",
    "Phương",
    "Quân",
    "Sơn",
    "Tâm",
    "Thảo",
    "Thủy",
    "Trang",
    "Trung",
    "Tuấn",
    "Việt",
    "Yến",
)
UNIT_NAMES = (
    ("Văn phòng", "Phòng chuyên môn"),
    ("Thanh tra", "Phòng chuyên môn"),
    ("Phòng Kế hoạch – Tài chính", "Phòng chuyên môn"),
    ("Phòng Quản lý khoa học", "Phòng chuyên môn"),
    ("Phòng Quản lý công nghệ", "Phòng chuyên môn"),
    ("Chi cục Tiêu chuẩn Đo lường Chất lượng", "Đơn vị thuộc Sở"),
    ("Trung tâm Ứng dụng tiến bộ KH&CN", "Đơn vị trực thuộc Sở"),
    ("Trung tâm Thông tin và Thống kê KH&CN", "Đơn vị trực thuộc Sở"),
    ("Trung tâm Kỹ thuật Tiêu chuẩn Đo lường", "Đơn vị trực thuộc Sở"),
    ("Quỹ Phát triển khoa học và công nghệ", "Đơn vị trực thuộc Sở"),
)
POSITIONS = ("Chuyên viên", "Chuyên viên chính", "Kế toán", "Văn thư", "Kỹ sư", "Nghiên cứu viên")
LEADER_POSITIONS = ("Trưởng phòng", "Phó Trưởng phòng", "Giám đốc Trung tâm", "Phó Giám đốc Trung tâm")
TOPICS = (
    "số hóa hồ sơ một cửa",
    "ký số văn bản đi",
    "tiếp nhận hồ sơ trực tuyến toàn trình",
    "chuẩn hóa quy trình ISO",
    "cơ sở dữ liệu đề tài khoa học",
    "tra cứu kết quả thủ tục hành chính",
    "khảo sát mức độ hài lòng",
    "quản lý văn bản điện tử",
    "cấp phép bức xạ trực tuyến",
    "thanh toán phí, lệ phí không dùng tiền mặt",
)
GOOD = ("Hoàn thành xuất sắc nhiệm vụ", "Hoàn thành tốt nhiệm vụ")
RATING_LABELS = [c.vi for c in C.RATING.choices]  # best first
RATING_CODES = [c.code for c in C.RATING.choices]
LEVELS = [c.vi for c in C.LEVEL.choices]
FORMS = [c.vi for c in C.DISCIPLINE.choices if c.code not in C.PROCEEDING_FORMS]  # decisions only


def _label(enum: C.Enum, code: str) -> str:
    return enum.get(code).vi


def _setting_value(setting: C.Setting) -> Any:
    if setting.type == "enum":
        return _label(C.ENUMS[setting.enum], setting.default)
    return setting.default


def _day(rng: random.Random, lo: date, hi: date) -> date:
    return lo + timedelta(days=rng.randrange((hi - lo).days + 1))


# ---------------------------------------------------------------- data, as records keyed by contract column


def build_data(size: Size, seed: int) -> dict[str, list[dict[str, Any]]]:
    rng = random.Random(f"{size.name}:{seed}")
    years = range(YEARS[0], YEARS[1] + 1)

    units = []
    model_units: set[str] = set()  # units where everyone and everything passes
    for u in range(size.units):
        name, kind = UNIT_NAMES[u % len(UNIT_NAMES)]
        unit_id = f"DV{u + 1:04d}"
        suffix = f" {u // len(UNIT_NAMES) + 1}" if size.units > len(UNIT_NAMES) else ""
        founded = None
        if rng.random() < 0.03:
            founded = _day(rng, date(2022, 1, 1), date(2023, 6, 30))  # founded within the period
        units.append({"unit_id": unit_id, "unit_name": name + suffix, "unit_kind": kind, "founded": founded})
        if u % 3 == 0:
            model_units.add(unit_id)

    staff = []
    for s in range(size.staff):
        unit = units[rng.randrange(size.units)] if s >= size.units else units[s]
        leader = rng.random() < 0.1
        joined = left = None
        roll = rng.random()
        if roll < 0.03:
            joined = _day(rng, date(2005, 1, 1), date(2021, 12, 31))
        elif roll < 0.05:
            joined = _day(rng, date(2010, 1, 1), date(2020, 12, 31))
            left = _day(rng, date(2025, 1, 1), date(2025, 11, 30))
        if size.short_last and s == size.staff - 1:
            joined, left = date(2023, 1, 1), None
        staff.append(
            {
                "staff_id": f"CB{s + 1:06d}",
                "full_name": f"{rng.choice(FAMILY)} {rng.choice(MIDDLE)} {rng.choice(GIVEN)}",
                "unit_id": unit["unit_id"],
                "staff_kind": rng.choices(("Công chức", "Viên chức", "Người lao động"), (5, 4, 1))[0],
                "position": rng.choice(LEADER_POSITIONS if leader else POSITIONS),
                "leader": "Có" if leader else "Không",
                "joined": joined,
                "left": left,
            }
        )

    # Discipline first: the person's rating that year is then "Không hoàn thành nhiệm vụ" (NĐ 48/2023).
    discipline = []
    punished: dict[tuple[str, int], bool] = {}
    for person in rng.sample(staff, max(2, size.staff // 500)):
        decided = _day(rng, date(2021, 3, 1), date(2025, 10, 31))
        discipline.append(
            {
                "decision_date": decided,
                "form": rng.choice(FORMS),
                "staff_id": person["staff_id"],
                "unit_id": None,
                "decision_no": f"{rng.randint(1, 400)}/QĐ-SKHCN",
                "content": "Vi phạm quy chế làm việc",
            }
        )
        punished[(person["staff_id"], decided.year)] = True
    unit = rng.choice([u for u in units if u["unit_id"] not in model_units] or units)
    discipline.append(
        {
            "decision_date": date(2024, 5, 20),
            "form": "Vi phạm pháp luật",
            "staff_id": None,
            "unit_id": unit["unit_id"],
            "decision_no": "88/QĐ-UBND",
            "content": "Vi phạm quy định về quản lý tài sản công",
        }
    )
    discipline.sort(key=lambda r: r["decision_date"])

    ratings = []
    for year in years:
        for person in staff:
            if size.short_last and person["joined"] == date(2023, 1, 1) and year == 2022:
                continue
            if punished.get((person["staff_id"], year)):
                code = "KHTNV"
            elif person["unit_id"] in model_units:
                code = rng.choices(RATING_CODES[:2], (2, 8))[0]
            else:
                code = rng.choices(RATING_CODES, (15, 80, 4, 1))[0]
            text = code if rng.random() < 0.1 else _label(C.RATING, code)  # abbreviations are common
            moved = None  # 1% worked in another (non-model) unit that year
            if person["unit_id"] not in model_units and rng.random() < 0.01:
                moved = rng.choice(units)["unit_id"]
                moved = None if moved in model_units else moved
            ratings.append(
                {"year": year, "staff_id": person["staff_id"], "rating": text, "unit_id": moved, "note": None}
            )
    assert len(ratings) == size.ratings, (len(ratings), size.ratings)

    results = []
    for year in years:
        for u in units:
            model = u["unit_id"] in model_units
            assigned = rng.randint(0, 25)
            late = 0 if model or rng.random() < 0.8 else min(assigned, rng.randint(1, 2))
            results.append(
                {
                    "year": year,
                    "unit_id": u["unit_id"],
                    "tasks_assigned": assigned,
                    "tasks_on_time": assigned - late,
                    "advisory_docs": rng.randint(1, 6) if model else rng.randint(0, 6),
                    "socio_targets": rng.choice(("Vượt", "Đạt"))
                    if model
                    else rng.choice(("Vượt", "Đạt", "Đạt", "Không đạt", "Không giao")),
                    "budget": rng.choice(("Vượt", "Đạt"))
                    if model
                    else rng.choice(("Vượt", "Đạt", "Đạt", "Không đạt")),
                    "programmes": "Hoàn thành"
                    if model
                    else rng.choice(("Hoàn thành", "Hoàn thành", "Không hoàn thành", "Không giao")),
                    "note": None,
                }
            )

    # About 10% of the staff author an initiative, 1–3 authors each, mostly within one unit.
    initiatives = []
    by_unit: dict[str, list[dict[str, Any]]] = {}
    for person in staff:
        by_unit.setdefault(person["unit_id"], []).append(person)
    authors_left = max(3, size.staff // 10)
    n = 0
    while authors_left > 0:
        n += 1
        first = rng.choice(staff)
        team = [
            first,
            *rng.sample(
                by_unit[first["unit_id"]], min(len(by_unit[first["unit_id"]]), rng.choice((0, 0, 1, 2)))
            ),
        ]
        codes = list(dict.fromkeys(p["staff_id"] for p in team))
        authors_left -= len(codes)
        year = rng.randint(*YEARS)
        initiatives.append(
            {
                "initiative_id": f"SK{n:05d}",
                "title": f"Giải pháp {rng.choice(TOPICS)} tại {first['unit_id']}",
                "year": year,
                "level": rng.choices(LEVELS, (80, 17, 3))[0],
                "authors": rng.choice(("; ", ", ")).join(codes),
                "unit_id": first["unit_id"] if rng.random() < 0.7 else None,
                "decision_no": f"{rng.randint(1, 300)}/QĐ-HĐSK",
                "decision_date": _day(rng, date(year, 1, 1), date(year, 12, 31)),
                "impact": rng.choice(("PAR INDEX", "SIPAS", "PAPI", "PAR INDEX; SIPAS", None)),
                "replicable": rng.choice(("Có", "Có", "Không", None)),
            }
        )

    return {
        "units": units,
        "staff": staff,
        "ratings": ratings,
        "results": results,
        "initiatives": initiatives,
        "discipline": discipline,
    }


# ---------------------------------------------------------------- writing


def write_book(path: Path, data: dict[str, list[dict[str, Any]]]) -> dict[str, int]:
    import xlsxwriter

    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(".tmp.xlsx")
    book = xlsxwriter.Workbook(str(tmp), {"constant_memory": True})
    header = book.add_format({"bold": True, "bg_color": "#DDEBF7", "border": 1, "text_wrap": True})
    day = book.add_format({"num_format": "dd/mm/yyyy"})

    ws = book.add_worksheet(C.SETTINGS_SHEET.vi)
    ws.set_column(0, 0, 52)
    ws.set_column(1, 1, 40)
    ws.set_column(2, 2, 80)
    ws.write_row(0, 0, [c.vi for c in C.SETTINGS_SHEET.columns], header)
    for r, setting in enumerate(C.SETTINGS, start=1):
        ws.write_row(r, 0, [setting.vi, _setting_value(setting), setting.vi_doc])

    rows: dict[str, int] = {}
    for sheet in C.DATA_SHEETS:
        ws = book.add_worksheet(sheet.vi)
        records = data.get(sheet.key, [])  # the law's sheets (past awards, council) stay empty
        if len(records) + 1 > EXCEL_MAX_ROWS:
            raise ValueError(f"{sheet.vi}: {len(records)} rows do not fit in one sheet")
        for c, column in enumerate(sheet.columns):
            ws.set_column(c, c, column.width)
        ws.write_row(0, 0, [column.vi for column in sheet.columns], header)
        keys = [column.key for column in sheet.columns]
        for r, record in enumerate(records, start=1):
            for c, key in enumerate(keys):
                value = record.get(key)
                if value is None:
                    continue
                if isinstance(value, date):
                    ws.write_datetime(r, c, datetime(value.year, value.month, value.day), day)
                elif isinstance(value, str):
                    ws.write_string(r, c, value)
                else:
                    ws.write_number(r, c, value)
        ws.freeze_panes(1, 0)
        rows[sheet.key] = len(records)
    book.close()
    tmp.replace(path)
    return rows


def generate(size: str, seed: int = 1, path: Path | None = None, force: bool = False) -> Path:
    path = path or book_path(size, seed)
    if path.exists() and not force:
        return path
    started = time.perf_counter()
    data = build_data(SIZES[size], seed)
    rows = write_book(path, data)
    took = time.perf_counter() - started
    counts = ", ".join(f"{k} {v:,}" for k, v in rows.items())
    print(f"{path.name}: {counts} ({path.stat().st_size / 1e6:.1f} MB, {took:.1f} s)", file=sys.stderr)
    return path


def batch_folder(count: int = 40) -> Path:
    """`count` department workbooks with different seeds, for `parcom batch`."""
    folder = DATA / f"batch{count}"
    folder.mkdir(parents=True, exist_ok=True)
    for seed in range(1, count + 1):
        generate("department", seed, folder / f"so-{seed:02d}.xlsx")
    return folder


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--sizes",
        default="department,province",
        help=f"comma-separated, of {', '.join(SIZES)} (default: department,province)",
    )
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--batch", type=int, default=0, metavar="N", help="also write N department books")
    parser.add_argument("--force", action="store_true", help="rewrite files that exist")
    args = parser.parse_args(argv)
    for size in filter(None, args.sizes.split(",")):
        if size not in SIZES:
            parser.error(f"unknown size {size!r}")
        generate(size, args.seed, force=args.force)
    if args.batch:
        batch_folder(args.batch)


if __name__ == "__main__":
    main()
