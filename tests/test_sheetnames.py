"""One set of sheet-name rules for both adapters: case, Unicode form, Excel's limit in UTF-16."""

from __future__ import annotations

import unicodedata

from parcom_excel.io import excel, opc
from parcom_excel.sheetnames import parse_marker, safe_sheet_name, unique_sheet_name, utf16_len


def test_names_equal_but_for_case_or_unicode_form_are_the_same_sheet():
    nfd = unicodedata.normalize("NFD", "kq tập thể")
    assert unique_sheet_name("KQ Tập thể", [nfd]) == "KQ Tập thể (2)"
    assert unique_sheet_name("KQ Tập thể", ["KQ Tập thể", "KQ TẬP THỂ (2)"]) == "KQ Tập thể (3)"


def test_the_limit_counts_utf16_units_and_never_splits_a_pair():
    emoji = "\U0001f600" * 20  # 40 UTF-16 units
    name = safe_sheet_name(emoji)
    assert utf16_len(name) <= 31 and name == "\U0001f600" * 15
    numbered = unique_sheet_name(emoji, [name])
    assert numbered.endswith(" (2)") and utf16_len(numbered) <= 31


def test_forbidden_characters_and_reserved_names():
    assert safe_sheet_name("a/b:c*d?[e]\\") == "a_b_c_d__e__"
    assert safe_sheet_name("'Quoted'") == "Quoted"
    assert safe_sheet_name("History") == "History sheet"
    assert safe_sheet_name("") == "Sheet"


def test_both_adapters_read_markers_with_the_same_rules():
    assert (
        excel.parse_marker is parse_marker and opc.parse_marker is parse_marker
    )  # the file side reads markers in io/opc.py
    assert parse_marker("_PARCOM_log", "='It''s'!$A$1") == ("log", "It's")
    assert parse_marker("_parcom_log", "=[1]Sheet!$A$1") is None
    assert parse_marker("_parcom_log", "='Nhật ký'!$C$5") is None  # not the mark we write
