"""Faults for the batch tests, injected from outside the product (PYTHONPATH=tests/batch_faults).

Every interpreter of the test's run imports this at start-up, the spawned workers included. A
worker given the file named in FAULT_CRASH dies at once (os._exit(3), as a native crash would end
it); one given the file named in FAULT_HANG never returns (as on a stalled network share).
"""

import os
import time

_crash, _hang = os.environ.get("FAULT_CRASH"), os.environ.get("FAULT_HANG")
if _crash or _hang:
    import parcom_excel.batch as _batch

    _evaluate_one = _batch.evaluate_one

    def _faulty(task):
        name = os.path.basename(task["path"])
        if name == _crash:
            os._exit(3)
        if name == _hang:
            time.sleep(3600)
        return _evaluate_one(task)

    _batch.evaluate_one = _faulty

# ---- faults of the dossier and reading tests (tests/test_dossier_safety.py)
# FAULT_KILL_AT=N: the process SIGKILLs itself at its Nth os.rename / os.replace (a kill -9 in
# the middle of writing files). FAULT_KILL_CONVERT=1: it SIGKILLs itself when it starts
# LibreOffice. FAULT_SAVE_DURING_READ=FILE: right after the workbook's pre-flight check, the
# workbook is overwritten in place with the first half of FILE (a save in progress).
_kill_at, _kill_convert = os.environ.get("FAULT_KILL_AT"), os.environ.get("FAULT_KILL_CONVERT")
_save = os.environ.get("FAULT_SAVE_DURING_READ")
if _kill_at:
    import signal

    _count = [0]

    def _counted(real):
        def call(*args, **kwargs):
            _count[0] += 1
            if _count[0] == int(_kill_at):
                os.kill(os.getpid(), signal.SIGKILL)
            return real(*args, **kwargs)

        return call

    os.rename, os.replace = _counted(os.rename), _counted(os.replace)
if _kill_convert:
    import signal
    import subprocess

    _run = subprocess.run

    def _killed_at_convert(command, *args, **kwargs):
        if "--convert-to" in command:
            os.kill(os.getpid(), signal.SIGKILL)
        return _run(command, *args, **kwargs)

    subprocess.run = _killed_at_convert
if _save:
    import parcom_excel.io.safety as _safety

    _preflight = _safety.preflight

    def _saved_meanwhile(path):
        kind = _preflight(path)
        with open(_save, "rb") as new, open(path, "r+b") as book:
            data = new.read()
            book.truncate(0)
            book.write(data[: len(data) // 2])
        return kind

    _safety.preflight = _saved_meanwhile
