"""Run the script of a built main.py on a workbook payload, as xlwings Lite does, and keep the actions.

Runs unchanged in CPython (a subprocess of tests/test_lite.py) and in Pyodide under Node
(run_pyodide.mjs). Usage: `await run(folder)` with main.py, payload.json and validated.pickle in
`folder`; writes actions.json and report.json there.

The one substitution: where pandas cannot be imported (Pyodide here: pandas comes only from
Pyodide's CDN, which this machine cannot reach), the validation step is fed the dataset CPython
validated (validated.pickle). Nothing else is replaced; report.json says whether it happened.
"""

import importlib.util
import json
import os
import pickle
import sys
import types
from pathlib import Path


def _substitute_validation(folder: Path) -> bool:
    try:
        import pandas  # noqa: F401
    except ImportError:
        validated = pickle.loads((folder / "validated.pickle").read_bytes())
        stand_in = types.ModuleType("parcom_excel.validate")
        stand_in.validate = lambda *args, **kwargs: validated  # whatever the period asked
        sys.modules["parcom_excel.validate"] = stand_in
        return True
    return False


async def run(folder: str) -> None:
    folder = Path(folder)
    os.environ["XLWINGS_ON_SERVER"] = "true"  # as Lite runs it: `@script` registers the function
    spec = importlib.util.spec_from_file_location("main", folder / "main.py")
    main = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(main)  # what Lite does with the workbook's main.py
    substituted = _substitute_validation(folder)

    import xlwings as xw
    from xlwings.pro.udfs_officejs import custom_scripts_call, custom_scripts_meta

    book = xw.Book(json=json.loads((folder / "payload.json").read_text("utf-8")))
    scripts = custom_scripts_meta(main)
    await custom_scripts_call(main, scripts[0]["function_name"], typehint_to_value={xw.Book: book})
    (folder / "actions.json").write_text(json.dumps(book.json(), ensure_ascii=False, default=str), "utf-8")
    import parcom_excel

    report = {
        "python": sys.version.split()[0],
        "platform": sys.platform,
        "scripts": scripts,
        "validation_fed_from_cpython": substituted,
        "parcom_from": getattr(parcom_excel, "__file__", ""),
        "pandas": "pandas" in sys.modules,
    }
    (folder / "report.json").write_text(json.dumps(report, ensure_ascii=False), "utf-8")


if __name__ == "__main__":
    import asyncio

    asyncio.run(run(sys.argv[1]))
