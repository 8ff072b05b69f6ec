"""The one text catalog: both languages for every key, every key used, no sentence outside it."""

from __future__ import annotations

import ast
import re
import string
import unicodedata
from pathlib import Path

from parcom_excel.i18n import CATALOG, Msg, render

PACKAGE = Path(__file__).resolve().parents[1] / "parcom_excel"
# Letters only Vietnamese uses (with their tone marks), beyond ASCII and the contract's data.
VIETNAMESE = re.compile(
    r"[ăâđêôơưĂÂĐÊÔƠƯ]|[\u0300\u0301\u0303\u0309\u0323]|[àáảãạằắẳẵặầấẩẫậèéẻẽẹềếểễệìíỉĩịòóỏõọồốổỗộờớởỡợùúủũụừứửữựỳýỷỹỵ]",
    re.I,
)
# Modules that hold data in Vietnamese, not sentences: the contract (labels of sheets, columns,
# choices and settings), the normaliser's tables and the sample department's names.
DATA_MODULES = {"contract.py", "text.py", "sample.py"}
# Modules whose sentences are still inline (to move into the catalog; see the README's note).
PENDING: set[str] = set()


def _fields(template: str) -> set[str]:
    return {name for _, name, spec, _ in string.Formatter().parse(template) if name}


def test_every_key_has_both_languages_with_the_same_fields():
    for key, text in CATALOG.items():
        assert text.vi.strip() and text.en.strip(), key
        assert unicodedata.is_normalized("NFC", text.vi), key
        assert _fields(text.vi) == _fields(text.en), key


def _code_strings() -> list[tuple[Path, ast.Constant]]:
    found = []
    for path in PACKAGE.rglob("*.py"):
        if "i18n" in path.parts:
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"))
        docstrings = {
            id(node.body[0].value)
            for node in ast.walk(tree)
            if isinstance(node, (ast.Module, ast.FunctionDef, ast.ClassDef, ast.AsyncFunctionDef))
            and node.body
            and isinstance(node.body[0], ast.Expr)
            and isinstance(node.body[0].value, ast.Constant)
        }
        for node in ast.walk(tree):
            if isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in docstrings:
                found.append((path, node))
    return found


def _fstring_prefixes() -> set[str]:
    """Keys built at run time, f"status.{status}" or f"tpl.step{n}": their literal head."""
    heads = set()
    for path in PACKAGE.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.JoinedStr) and node.values and isinstance(node.values[0], ast.Constant):
                head = node.values[0].value
                if isinstance(head, str) and "." in head and " " not in head:
                    heads.add(head)
    return heads


def test_every_key_is_used():
    literals = {node.value for _, node in _code_strings()}
    prefixes = _fstring_prefixes() | {v for v in literals if v.endswith(".") and 1 < len(v) < 30}
    unused = [key for key in CATALOG if key not in literals and not any(key.startswith(p) for p in prefixes)]
    assert not unused


def test_no_user_sentence_outside_the_catalog():
    offenders = [
        f"{path.relative_to(PACKAGE)}:{node.lineno}: {node.value[:60]!r}"
        for path, node in _code_strings()
        if path.name not in DATA_MODULES | PENDING and len(node.value) > 2 and VIETNAMESE.search(node.value)
    ]
    assert not offenders, "\n".join(offenders)


def test_english_plurals_and_nested_facts():
    assert render("report.warnings", "en", count=1) == "1 warning."
    assert render("report.warnings", "en", count=3) == "3 warnings."
    assert render("report.warnings", "vi", count=3) == "3 cảnh báo."
    nested = Msg("years_failed", {"items": [Msg("year_item", {"year": 2023, "text": Msg("tt1.no_task")})]})
    assert nested.render("en") == "2023: no task assigned"
    assert nested.render("vi") == "2023: không được giao nhiệm vụ"


def test_every_problem_code_is_registered_once_and_has_its_sentence():
    """problems.CODES is the one list of problems: each has a sentence in both languages, and every
    code the package raises (a literal first argument of Problem) is in it."""
    import pytest

    from parcom_excel.problems import CODES, ERROR, WARNING, Problem

    assert all(code in CATALOG for code in CODES), [c for c in CODES if c not in CATALOG]
    assert {c.severity for c in CODES.values()} <= {ERROR, WARNING}
    raised = set()
    for path in PACKAGE.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Call) and getattr(node.func, "id", None) in ("Problem", "_error"):
                first = node.args[0] if node.args else None
                if isinstance(first, ast.Constant) and isinstance(first.value, str):
                    raised.add(first.value)
    assert raised and raised <= set(CODES), sorted(raised - set(CODES))
    assert Problem("tie_at_edge").severity == WARNING and Problem("required").is_error
    with pytest.raises(ValueError, match=r"not in problems\.CODES"):
        Problem("no_such_problem")
    with pytest.raises(ValueError, match="is a error"):
        Problem("required", WARNING)
