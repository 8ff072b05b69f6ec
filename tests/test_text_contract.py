"""Vietnamese text handling and the contract's own consistency."""

from __future__ import annotations

import unicodedata

import pytest

from parcom_excel import contract as C
from parcom_excel.i18n import CATALOG
from parcom_excel.text import clean, fold, looks_legacy, strip_marks


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("hoà bình", "hòa bình"),
        ("Thuỷ lợi", "Thủy lợi"),
        ("khoẻ", "khỏe"),
        ("quý", "quý"),  # "qu" + y: the tone stays on y
        ("hoàng", "hoàng"),  # a final consonant: no change
        ("  Nguyễn   Văn\tAn ", "Nguyễn Văn An"),
        (unicodedata.normalize("NFD", "Trần Thị Bình"), "Trần Thị Bình"),
        ("a\x07b", "ab"),
    ],
)
def test_clean(raw, expected):
    assert clean(raw) == expected
    assert unicodedata.is_normalized("NFC", clean(raw))


def test_fold_and_strip_marks():
    assert fold("HOÀ BÌNH") == fold("hòa bình")
    assert strip_marks("Đạt") == "dat"


@pytest.mark.parametrize(
    ("text", "legacy"),
    [
        ("Nguyễn Văn An", False),
        ("Khoa học và Công nghệ", False),
        ("ngoan ngoãn", False),
        ("Trần Tùng Chuẩn", False),
        ("NguyÔn V¨n An", True),  # TCVN3 (.VnTime) seen as Latin-1
        ("Hµ Néi", True),
        ("Nguyeãn Vaên An", True),  # VNI-Times
        ("Vieät Nam", True),
    ],
)
def test_legacy_detection(text, legacy):
    assert looks_legacy(text) is legacy


@pytest.mark.parametrize(
    ("enum", "typed", "code"),
    [
        (C.RATING, "HTXSNV", "HTXSNV"),
        (C.RATING, "httnv", "HTTNV"),
        (C.RATING, "Hoàn thành nhiệm vụ", "HTNV"),
        (C.RATING, "hoan thanh tot nhiem vu", "HTTNV"),
        (C.RATING, "KHTNV", "KHTNV"),
        (C.LEVEL, "cấp tỉnh", "TINH"),
        (C.LEVEL, "Toàn quốc", "TQ"),
        (C.OUTCOME, "vượt", "VUOT"),
        (C.OUTCOME, "KHÔNG GIAO", "KGIAO"),
        (C.DISCIPLINE, "Kéo dài thời hạn nâng lương", "KDNL"),
        (C.DISCIPLINE, "bãi nhiệm", "BN"),
        (C.YES_NO, "x", "Y"),
        (C.RATING, "Tốt", None),
    ],
)
def test_enum_parse(enum, typed, code):
    assert enum.parse(typed) == code


def test_every_discipline_form_of_the_spec_is_accepted():
    forms = [
        "Khiển trách",
        "Cảnh cáo",
        "Hạ bậc lương",
        "Giáng chức",
        "Cách chức",
        "Buộc thôi việc",
        "Bãi nhiệm",
        "Kéo dài thời hạn nâng lương",
        "Sa thải",
        "Vi phạm pháp luật",
    ]
    assert all(C.DISCIPLINE.parse(f) for f in forms)
    assert len({C.DISCIPLINE.parse(f) for f in forms}) == len(forms)


def test_contract_is_consistent():
    for sheet in (C.SETTINGS_SHEET, *C.DATA_SHEETS):
        keys = [c.key for c in sheet.columns]
        assert len(keys) == len(set(keys)), sheet.key
        for lang in C.LANGS:
            labels = [fold(c.label(lang)) for c in sheet.columns]
            assert len(labels) == len(set(labels)), (sheet.key, lang)
        for column in sheet.columns:
            assert column.ref is None or column.ref in C.SHEETS
            assert (column.type in (C.ENUM, C.ENUM_LIST)) == (column.enum is not None)
        for key in sheet.primary_key:
            assert key in keys
    settings = [fold(s.vi) for s in C.SETTINGS]
    assert len(settings) == len(set(settings))


def test_every_user_facing_string_is_nfc():
    strings = []
    for sheet in (C.SETTINGS_SHEET, *C.DATA_SHEETS):
        strings += [sheet.vi, sheet.en, sheet.vi_doc]
        for column in sheet.columns:
            strings += [column.vi, column.vi_doc]
    for enum in C.ENUMS.values():
        strings += [c.vi for c in enum.choices]
    strings += [s.vi for s in C.SETTINGS] + [s.vi_doc for s in C.SETTINGS]
    strings += [text.vi for text in CATALOG.values()]
    assert all(unicodedata.is_normalized("NFC", s) for s in strings)
