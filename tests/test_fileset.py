"""safety.write_set: a set of files replaced as one unit (issue #23), on real folders.

Kills are injected by the test, in a forked child, at every file-system step of the write: the
folder must then hold, after the next run, exactly one complete set and nothing else of ours.
"""

from __future__ import annotations

import contextlib
import os
import signal
import stat
import subprocess
from pathlib import Path

import pytest

from parcom_excel.io import safety
from parcom_excel.io.safety import write_set
from parcom_excel.problems import ParcomError

OLD = {"a.docx": b"old a", "b.docx": b"old b", "gone.docx": b"old gone"}
NEW = {"a.docx": b"new a", "b.docx": b"new b", "c.docx": b"new c"}
AGAIN = {"a.docx": b"again a", "d.docx": b"again d"}


def ours(name: str) -> bool:
    return name.endswith(".docx") and not name.startswith(("~$", "."))


def content(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir())}


@contextlib.contextmanager
def read_only_folder(folder: Path):
    """A folder this process cannot write into: 0555 for a user, immutable for root."""
    if os.geteuid() == 0:
        if subprocess.run(["chattr", "+i", str(folder)], capture_output=True).returncode != 0:
            pytest.skip("root, and chattr cannot make the folder immutable here")
        try:
            yield
        finally:
            subprocess.run(["chattr", "-i", str(folder)], check=True)
    else:
        os.chmod(folder, 0o555)
        try:
            yield
        finally:
            os.chmod(folder, 0o755)


def test_a_set_replaces_the_earlier_one_and_removes_what_it_no_longer_has(tmp_path: Path) -> None:
    folder = tmp_path / "out"
    write_set(folder, OLD, ours=ours)
    (folder / "mine.txt").write_bytes(b"the user's")
    paths = write_set(folder, NEW, ours=ours)
    assert [p.name for p in paths] == list(NEW)
    assert content(folder) == {**NEW, "mine.txt": b"the user's"}


@pytest.mark.skipif(os.name != "posix", reason="POSIX modes")
def test_modes_and_special_bits_of_replaced_files_are_kept(tmp_path: Path) -> None:
    folder = tmp_path / "out"
    write_set(folder, OLD, ours=ours)
    os.chmod(folder / "a.docx", 0o2664)
    os.chmod(folder / "b.docx", 0o600)
    write_set(folder, NEW, ours=ours)
    assert stat.S_IMODE((folder / "a.docx").stat().st_mode) == 0o2664
    assert stat.S_IMODE((folder / "b.docx").stat().st_mode) == 0o600
    umask = os.umask(0)
    os.umask(umask)
    assert stat.S_IMODE((folder / "c.docx").stat().st_mode) == 0o666 & ~umask


@pytest.mark.parametrize(
    "lock", ["~$a.docx", ".~lock.gone.docx#", "~$w.docx"], ids=["word", "libreoffice", "word-short"]
)
def test_a_file_open_in_word_stops_the_whole_set(tmp_path: Path, lock: str) -> None:
    folder = tmp_path / "out"
    write_set(folder, {**OLD, "w.docx": b"old w"}, ours=ours)
    (folder / lock).write_bytes(b"owner")
    before = content(folder)
    with pytest.raises(ParcomError) as err:
        write_set(folder, NEW, ours=ours)
    assert err.value.code == "set_open_elsewhere" and lock in err.value.message("vi")
    assert content(folder) == before


def test_a_read_only_file_is_refused_not_replaced(tmp_path: Path) -> None:
    folder = tmp_path / "out"
    write_set(folder, OLD, ours=ours)
    os.chmod(folder / "b.docx", 0o444)
    before = content(folder)
    with pytest.raises(ParcomError) as err:
        write_set(folder, NEW, ours=ours)
    assert err.value.code == "set_member_read_only" and "b.docx" in err.value.message("vi")
    assert content(folder) == before and stat.S_IMODE((folder / "b.docx").stat().st_mode) == 0o444


def test_names_that_one_folder_cannot_tell_apart_are_refused(tmp_path: Path) -> None:
    folder = tmp_path / "out"
    with pytest.raises(ParcomError) as err:
        write_set(folder, {"Ho\u0301a.docx": b"1", "hóa.DOCX": b"2"})
    assert err.value.code == "set_names_collide"
    assert not folder.exists()


@pytest.mark.parametrize("name", ["a" * 300 + ".docx", "con.docx", "a:b.docx", "x.docx."])
def test_names_no_system_can_keep_are_refused_before_writing(tmp_path: Path, name: str) -> None:
    folder = tmp_path / "out"
    write_set(folder, OLD, ours=ours)
    with pytest.raises(ParcomError) as err:
        write_set(folder, {**NEW, name: b"x"}, ours=ours)
    assert err.value.code in ("set_name_too_long", "set_bad_name")
    assert content(folder) == OLD


def test_a_read_only_folder_is_said_to_be_read_only(tmp_path: Path) -> None:
    folder = tmp_path / "out"
    write_set(folder, OLD, ours=ours)
    with read_only_folder(folder):
        with pytest.raises(ParcomError) as err:
            write_set(folder, NEW, ours=ours)
    assert err.value.code == "set_folder_read_only" and str(folder) in err.value.message("vi")
    assert content(folder) == OLD


def test_a_file_where_the_folder_should_be_is_refused(tmp_path: Path) -> None:
    (tmp_path / "out").write_bytes(b"a file")
    with pytest.raises(ParcomError) as err:
        write_set(tmp_path / "out" / "sub", NEW)
    assert err.value.code == "set_folder_is_file"


def test_a_failure_half_way_through_the_swap_puts_the_old_set_back(tmp_path: Path) -> None:
    folder = tmp_path / "out"
    write_set(folder, OLD, ours=ours)

    def refuses(path: Path) -> None:  # a member the writer cannot make: nothing may be replaced
        raise PermissionError(13, "Permission denied", str(path))

    with pytest.raises(ParcomError) as err:
        write_set(folder, {**NEW, "e.docx": refuses}, ours=ours)
    assert err.value.code == "set_folder_read_only"
    assert content(folder) == OLD


def _killed_at(step: int, folder: Path, files: dict[str, bytes]) -> bool:
    """Run write_set in a child that SIGKILLs itself at its `step`-th file-system call; True
    when it was killed (False: the write ended before that step)."""
    pid = os.fork()
    if pid == 0:  # pragma: no cover - the child
        count = [0]

        def counted(real):
            def call(*args, **kwargs):
                count[0] += 1
                if count[0] == step:
                    os.kill(os.getpid(), signal.SIGKILL)
                return real(*args, **kwargs)

            return call

        for name in ("rename", "replace", "unlink", "rmdir", "mkdir", "fsync", "open", "chmod", "write"):
            setattr(os, name, counted(getattr(os, name)))
        try:
            write_set(folder, files, ours=ours)
        finally:
            os._exit(0)
    _, status = os.waitpid(pid, 0)
    return os.WIFSIGNALED(status)


def test_a_kill_at_any_step_leaves_one_whole_set_after_the_next_run(tmp_path: Path) -> None:
    step = 0
    while True:
        step += 1
        folder = tmp_path / f"k{step}"
        write_set(folder, OLD, ours=ours)
        if not _killed_at(step, folder, NEW):
            break
        (folder / "~$again.docx").write_bytes(b"owner")  # the next run is refused...
        with pytest.raises(ParcomError):
            write_set(folder, {**AGAIN, "again.docx": b"x"}, ours=ours)
        seen = content(folder)  # ...after it has put the folder back to one whole set
        del seen["~$again.docx"]
        assert seen in (OLD, NEW), (step, seen)
        (folder / "~$again.docx").unlink()
        write_set(folder, AGAIN, ours=ours)
        assert content(folder) == AGAIN, step
    assert step > 20  # every step of staging, swapping and cleaning was a kill point
    assert content(tmp_path / f"k{step}") == NEW


def test_two_runs_into_one_folder_take_turns(tmp_path: Path, monkeypatch) -> None:
    folder = tmp_path / "out"
    write_set(folder, OLD, ours=ours)
    lock = folder / safety.SET_LOCK
    monkeypatch.setenv("PARCOM_LOCK_WAIT", "0.3")
    sleeper = subprocess.Popen(["sleep", "30"])
    try:
        lock.write_text(f"{sleeper.pid} {os.uname().nodename}\n")
        with pytest.raises(ParcomError) as err:
            write_set(folder, NEW, ours=ours)
        assert err.value.code == "set_busy" and lock.name in err.value.message("vi")
    finally:
        sleeper.kill()
        sleeper.wait()
    assert content(folder) == {**OLD, lock.name: lock.read_bytes()}
    write_set(folder, NEW, ours=ours)  # the owner died: its lock is removed
    assert content(folder) == NEW
