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
