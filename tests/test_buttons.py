"""The add-in's step buttons (Tách sổ đơn vị, Tổng hợp, Ghi khen thưởng) pressed through xlwings'
remote engine: the calling book is the JSON the Excel client sends, named by its saved file (the
remote engine's `fullname` is the name it is sent). Each press is checked by its one alert and by
the files it wrote, read back."""

from __future__ import annotations

import hashlib
import shutil
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from parcom_excel import contract as C
from parcom_excel.buttons import awards, collect, saved_state, split
from parcom_excel.collect import read_tracker
from parcom_excel.io.files import FileAdapter
from parcom_excel.merge import read_book
from parcom_excel.reader import read_inputs
from parcom_excel.split import split as split_master
from tests.test_excel_adapter import needs_key, payload, remote_book
from tests.test_office_year import YEAR, _book, _fill

pytestmark = needs_key
TITLE = "parcom – Thi đua CCHC"


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def press(module: Any, name: str, content: Path) -> tuple[str, str, Any]:
    """Click a button with the book `content` open under the name `name`; its one alert."""
    import xlwings as xw

    data = payload(content)
    data["book"]["name"] = name
    book = remote_book(data)
    book.set_mock_caller()
    try:
        module.main()
    finally:
        del xw.Book._mock_caller
    alerts = [a["args"] for a in book.json()["actions"] if a["func"] == "alert"]
    assert len(alerts) == 1, alerts
    text, title, _, mode, _ = alerts[0]
    assert title == TITLE and "Traceback" not in text
    return text, mode, book


def _files(folder: Path) -> dict[str, str]:
    return {p.name: _digest(p) for p in sorted(folder.iterdir())}


@pytest.fixture(scope="module")
def master_year(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A master before the round's data is in, as the office splits it."""
    return _book(tmp_path_factory.mktemp("masters") / "Sổ tổng hợp.xlsx", without_year=True)


def test_split_writes_the_copies_beside_the_master_and_never_overwrites(
    master_year: Path, tmp_path: Path
) -> None:
    master = tmp_path / master_year.name
    shutil.copyfile(master_year, master)
    before = _digest(master)
    text, mode, _ = press(split, str(master), master)
    folder = tmp_path / "Sổ tổng hợp - sổ đơn vị"
    assert mode == "info" and str(folder) in text and text.startswith("Đã ghi ")
    reference = split_master(master, tmp_path / "reference")  # the CLI's function, same defaults
    assert sorted(p.name for p in folder.iterdir()) == sorted(p.name for _, p in reference.files)
    assert f"{len(reference.files)} sổ đơn vị" in text
    for _, path in reference.files:
        assert path.name in text
        assert read_book(folder / path.name, path.name).records["units"]  # each copy reads back
    assert _digest(master) == before

    written = _files(folder)
    text, mode, _ = press(split, str(master), master)
    assert mode == "critical" and "không ghi đè" in text and str(folder) in text and "\n" not in text
    assert _files(folder) == written and _digest(master) == before


@pytest.mark.parametrize("module", [split, collect, awards])
def test_an_unsaved_book_gets_one_sentence(module: Any, master_year: Path, tmp_path: Path) -> None:
    text, mode, _ = press(module, "Book1", master_year)  # a new book: no file, no folder yet
    assert mode == "critical" and "\n" not in text
    assert "chưa được lưu" in text and module.BUTTON in text
    assert list(tmp_path.iterdir()) == []


def test_collect_reads_the_returned_folder_into_the_master(master_year: Path, tmp_path: Path) -> None:
    from parcom_excel.sample import make_sample

    master = tmp_path / master_year.name
    shutil.copyfile(master_year, master)
    before = _digest(master)
    text, mode, _ = press(collect, str(master), master)
    returned = tmp_path / "Sổ tổng hợp - sổ đơn vị gửi lại"
    assert mode == "critical" and str(returned) in text and "\n" not in text
    assert _digest(master) == before and not returned.exists()

    copies = split_master(master, tmp_path / "sent", year=YEAR).files
    returned.mkdir()
    sent = dict(copies)
    for code in ("VP", "KHTC"):
        shutil.copyfile(sent[code], returned / sent[code].name)
        _fill(returned / sent[code].name, make_sample())
    text, mode, _ = press(collect, str(master), master)
    assert mode == "info", text
    assert "mở lại" in text  # the remote engine cannot close the book: the user reopens it
    tracks = {t.unit: t.status for t in read_tracker(read_book(master, master.name))}
    assert tracks["VP"] == "in" and tracks["KHTC"] == "in"
    assert {u for u, s in tracks.items() if s in ("missing", "overdue")} == set(sent) - {"VP", "KHTC"}
    after = _digest(master)

    text, mode, _ = press(collect, str(master), master)  # the same copies again
    assert mode == "info" and "mở lại" not in text and _digest(master) == after

    other = _book(tmp_path / "other.xlsx", without_year=True, agency="SỞ NỘI VỤ")
    stranger = split_master(other, tmp_path / "other_copies", year=YEAR, units=["VP"]).files[0][1]
    shutil.copyfile(stranger, returned / ("khac - " + stranger.name))
    text, mode, _ = press(collect, str(master), master)
    assert mode == "critical" and "\n" not in text and "khac - " in text
    assert _digest(master) == after


def test_record_awards_reads_the_decision_from_the_settings(tmp_path: Path) -> None:
    bare = _book(tmp_path / "bare.xlsx")
    before = _digest(bare)
    text, mode, _ = press(awards, str(bare), bare)
    assert mode == "critical" and "\n" not in text and "Cấu hình" in text
    for key in awards.KEYS[:2]:
        assert C.SETTINGS_BY_KEY[key].label("vi") in text
    assert C.SETTINGS_BY_KEY["award_decision_kind"].label("vi") not in text  # it has a default
    assert _digest(bare) == before

    typo = _book(tmp_path / "typo.xlsx", award_decision_no="5/QĐ-SKHCN", award_decision_date="31/02/2026")
    before = _digest(typo)
    text, mode, _ = press(awards, str(typo), typo)  # a date that is no day: named, nothing written
    assert mode == "critical" and C.SETTINGS_BY_KEY["award_decision_date"].label("vi") in text
    assert C.SETTINGS_BY_KEY["award_decision_no"].label("vi") not in text and _digest(typo) == before

    book = _book(
        tmp_path / "book.xlsx", award_decision_no="5/QĐ-SKHCN", award_decision_date=date(2026, 1, 20)
    )
    text, mode, _ = press(awards, str(book), book)
    assert mode == "info" and "5/QĐ-SKHCN" in text and "mở lại" in text, text
    table = read_inputs(FileAdapter(book)).tables["past_awards"]
    recorded = [n for n in table.data["decision_no"] if n == "5/QĐ-SKHCN"]
    assert recorded and f"{len(recorded)} " in text
    after = _digest(book)
    text, mode, _ = press(awards, str(book), book)  # twice: nothing twice
    assert mode == "info" and "mở lại" not in text and _digest(book) == after


def test_the_remote_engine_cannot_tell_unsaved_changes(master_year: Path) -> None:
    book = remote_book(payload(master_year))
    assert saved_state(book) is None


class _DesktopApp:
    """What the buttons use of desktop Excel's application: alert and books.open."""

    def __init__(self) -> None:
        self.events: list[Any] = []
        self.alerts: list[tuple[str, str]] = []
        self.books = self

    def open(self, path: str) -> None:
        self.events.append(("open", Path(path).name))
        Path(path).with_name("~$" + Path(path).name).write_bytes(b"owner")

    def alert(self, text: str, title: str, mode: str) -> None:
        self.alerts.append((text, mode))


class _DesktopBook:
    """A desktop Excel book: its file, Workbook.Saved, close(); like Excel, an open book keeps the
    owner file ~$name beside its file (which the library refuses to write under)."""

    def __init__(self, path: Path, saved: bool) -> None:
        self.fullname, self.app = str(path), _DesktopApp()
        self.api = type("Api", (), {"Saved": saved})()
        self.lock = path.with_name("~$" + path.name)
        self.lock.write_bytes(b"owner")

    def close(self) -> None:
        self.app.events.append("close")
        self.lock.unlink()


def _press_desktop(module: Any, book: _DesktopBook, monkeypatch: pytest.MonkeyPatch) -> tuple[str, str]:
    import xlwings as xw

    with monkeypatch.context() as patch:
        patch.setattr(xw.Book, "caller", staticmethod(lambda: book))  # the book Excel calls from
        module.main()
    assert len(book.app.alerts) == 1
    return book.app.alerts[0]


def test_desktop_excel_book_is_closed_written_and_reopened_only_when_saved(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = _book(
        tmp_path / "book.xlsx", award_decision_no="8/QĐ-SKHCN", award_decision_date=date(2026, 1, 20)
    )
    before = _digest(path)
    dirty = _DesktopBook(path, saved=False)
    text, mode = _press_desktop(awards, dirty, monkeypatch)
    assert mode == "critical" and "chưa lưu" in text and "\n" not in text
    assert dirty.app.events == [] and _digest(path) == before  # nothing closed, nothing written
    dirty.lock.unlink()

    clean_ = _DesktopBook(path, saved=True)
    text, mode = _press_desktop(awards, clean_, monkeypatch)
    assert mode == "info" and "8/QĐ-SKHCN" in text and "mở lại với nội dung mới" in text, text
    assert clean_.app.events == ["close", ("open", path.name)] and _digest(path) != before
    written = _digest(path)

    again = _DesktopBook(path, saved=True)  # a failure inside the step: the book is reopened all the same
    text, mode = _press_desktop(collect, again, monkeypatch)
    assert mode == "critical" and "gửi lại" in text and again.app.events == ["close", ("open", path.name)]
    assert _digest(path) == written


def test_a_book_excel_cannot_reopen_is_named_in_the_alert(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = _book(
        tmp_path / "book.xlsx", award_decision_no="9/QĐ-SKHCN", award_decision_date=date(2026, 1, 20)
    )
    book = _DesktopBook(path, saved=True)

    def refuse(name: str) -> None:
        raise OSError("Excel is busy")

    book.app.open = refuse  # type: ignore[method-assign]
    text, mode = _press_desktop(awards, book, monkeypatch)
    assert mode == "info" and "9/QĐ-SKHCN" in text
    assert "không mở lại được" in text and str(path) in text and "mở lại với nội dung mới" not in text
