"""What a run computed, kept alive until the process ends, when the process ends with os._exit.

Freeing a run's millions of objects one by one takes time for nothing when the process is about
to end: 0.3 s at province size, 3 s at Excel's row limit. The `parcom` program (`cli.main`)
flushes its output and ends with os._exit, so what is kept here is never freed. Called any other
way (tests, the add-in's process, which may live on), nothing is kept.
"""

from __future__ import annotations

import gc
from typing import Any

ending_fast = False  # set by cli.main only
_kept: list[Any] = []


def keep(*objects: Any) -> None:
    """Keep `objects` (replacing what an earlier call kept, so a long process never piles up)."""
    if ending_fast:
        _kept[:] = objects
        # They live until os._exit: the collector need not walk them again (a full collection
        # over a run at Excel's row limit took about 2 s).
        gc.freeze()
