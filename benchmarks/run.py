"""Measure `parcom evaluate` against its IO floor and the obvious openpyxl approach, per size.

    .venv/bin/python benchmarks/run.py --sizes department,province
    .venv/bin/python benchmarks/run.py --sizes excel-limit          # minutes; run it in the background
    .venv/bin/python benchmarks/run.py --sizes province --only profile

Needs only the project's own dependencies (python-calamine, XlsxWriter, openpyxl, pandas,
pandera); `pip install pyinstrument` adds a sampling profile next to cProfile's.
Not part of the test suite. Workbooks are generated on first use into benchmarks/data/
(git-ignored); each measurement is kept there as JSON and benchmarks/RESULTS.md is rebuilt
from every JSON present, so sizes measured in separate runs end up in one report.

Every timed program runs in a fresh subprocess (its interpreter start and imports included),
and its peak RSS comes from os.wait4's rusage of that one child. See README.md for what each
number means.
"""

from __future__ import annotations

import argparse
import json
import os
import pickle
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import datetime
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
DATA = HERE / "data"
RESULTS_DIR = DATA / "results"
RESULTS_MD = HERE / "RESULTS.md"
PY = sys.executable
BIN = Path(PY).parent
GiB = 1024**3
SIZE_ORDER = ("department", "province", "excel-limit")

# Targets of issue 7.
FLOOR_RATIO = 2.0
BASELINE_SPEEDUP = 5.0
LIMIT_RSS = 4 * 10**9  # bytes ("4 GB")
DEPARTMENT_WALL = 1.5
BATCH_RATIO = 1.7
VALIDATE_BUDGET = 1.0  # seconds per 100,000 rating rows


# ---------------------------------------------------------------- running a child


IDLE = {"wait": 0.0, "max_busy": 0.25}  # set from --wait-idle


def busy_cpus(seconds: float = 1.0) -> float:
    """CPUs kept busy by other processes over `seconds` (we sleep meanwhile), from /proc/stat."""

    def sample() -> tuple[int, int]:
        fields = [int(x) for x in Path("/proc/stat").read_text().split("\n", 1)[0].split()[1:]]
        idle = fields[3] + fields[4]
        return sum(fields[:8]), idle

    total0, idle0 = sample()
    time.sleep(seconds)
    total1, idle1 = sample()
    spent = max(total1 - total0, 1)
    return (1 - (idle1 - idle0) / spent) * (os.cpu_count() or 1)


def wait_idle() -> float:
    """Wait (up to --wait-idle seconds) until other processes leave the CPUs alone; return their load."""
    deadline = time.monotonic() + IDLE["wait"]
    busy = busy_cpus(0.5)
    while busy > IDLE["max_busy"] and time.monotonic() < deadline:
        busy = busy_cpus(1.0)
    return busy


def measure(cmd: list[str], cwd: Path = ROOT) -> dict[str, Any]:
    """Wall time, peak RSS and output of one fresh process."""
    busy = wait_idle() if IDLE["wait"] else None
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        started = time.perf_counter()
        proc = subprocess.Popen(cmd, cwd=cwd, stdout=out, stderr=err, env=_env())
        _, status, usage = os.wait4(proc.pid, 0)
        wall = time.perf_counter() - started
        proc.returncode = os.waitstatus_to_exitcode(status)
        out.seek(0)
        err.seek(0)
        return {
            "wall": wall,
            "rss": usage.ru_maxrss * 1024,
            "cpu": usage.ru_utime + usage.ru_stime,
            "busy": busy,
            "rc": proc.returncode,
            "stdout": out.read().decode("utf-8", "replace"),
            "stderr": err.read().decode("utf-8", "replace"),
        }


def _env() -> dict[str, str]:
    env = dict(os.environ, PYTHONPATH=str(ROOT), PYTHONIOENCODING="utf-8")
    env.pop("PYTHONPROFILEIMPORTTIME", None)
    return env


def repeat(cmd: list[str], runs: int, before=None, check: bool = True) -> dict[str, Any]:
    samples = []
    for _ in range(runs):
        if before:
            before()
        sample = measure(cmd)
        if check and sample["rc"] != 0:
            raise SystemExit(
                f"{' '.join(map(str, cmd))} exited {sample['rc']}:\n{sample['stderr'][-3000:]}"
                f"\n{sample['stdout'][-2000:]}"
            )
        samples.append(sample)
    walls = [s["wall"] for s in samples]
    return {
        "wall": statistics.median(walls),
        "walls": walls,
        "rss": max(s["rss"] for s in samples),
        "cpu": statistics.median(s["cpu"] for s in samples),
        "runs": runs,
        "last": samples[-1],
        "busy_before": [s["busy"] for s in samples],
    }


def _self(*args: Any) -> list[str]:
    return [PY, str(Path(__file__).resolve()), *map(str, args)]


def _parcom() -> list[str]:
    script = BIN / "parcom"
    return [str(script)] if script.exists() else [PY, "-c", "from parcom_excel.cli import main; main()"]


# ---------------------------------------------------------------- child programs (run in their own process)


def child_stages(book: str, out: str, shapes: str) -> None:
    """core.run in-process, with each step it calls timed; then save the outputs for the floor."""
    from collections import defaultdict

    totals: dict[str, float] = defaultdict(float)
    memory: dict[str, list[int]] = {}  # step -> [RSS, peak RSS] right after its last call
    returned: dict[str, Any] = {}

    def timed(owner: Any, attr: str, label: str, keep: bool = False) -> None:
        original = getattr(owner, attr, None)
        if original is None:  # the module changed: that step is simply not broken out
            return

        def wrapper(*args: Any, **kwargs: Any) -> Any:
            started = time.perf_counter()
            try:
                value = original(*args, **kwargs)
                if keep:  # only what core.run keeps alive anyway, so memory figures stay honest
                    returned[label] = value
                return value
            finally:
                totals[label] += time.perf_counter() - started
                memory[label] = _rss_now()

        setattr(owner, attr, wrapper)

    started = time.perf_counter()
    from parcom_excel import core, outputs, reader, records, validate
    from parcom_excel.io import files
    from parcom_excel.rules import evaluate

    totals["imports"] = time.perf_counter() - started
    timed(files.FileAdapter, "grid", "read: calamine grids")
    timed(files.FileAdapter, "_scan_sheet", "read: XML scan for formulas, fonts (in grids)")
    timed(reader, "table_from_grid", "read: header + records")
    timed(reader, "read_inputs", "read_inputs (total)", keep=True)
    timed(validate, "type_table", "validate: typing cells")
    timed(validate, "check_values", "validate: pandera checks")
    timed(validate, "cross_checks", "validate: cross-sheet checks")
    timed(validate, "_legacy_text", "validate: legacy-font text")
    timed(validate, "_duplicates", "validate: duplicate keys")
    timed(validate, "validate", "validate (total)")
    timed(core, "fingerprint_inputs", "fingerprint")
    timed(records, "build_world", "evaluate: build world")
    timed(evaluate, "evaluate", "evaluate (total)")
    for name in (
        "errors_sheet",
        "results_sheet",
        "nominations_sheet",
        "dashboard_sheet",
        "log_sheet",
        "fit_heights",
    ):
        timed(outputs, name, "output sheets")
    timed(files.FileAdapter, "write", "write (package)")
    from parcom_excel.io import package, transplant

    timed(package, "render_skeleton", "write: sheet frames and charts (XlsxWriter)")
    timed(transplant.Edit, "_transplant_tree", "write: cells as XML, deflated")

    started = time.perf_counter()
    adapter = files.FileAdapter(book, out)
    totals["open (preflight + calamine)"] = time.perf_counter() - started
    started = time.perf_counter()
    result = core.run(adapter)
    totals["core.run (total)"] = time.perf_counter() - started
    memory["core.run (total)"] = _rss_now()
    rows = {t.key: len(t) for t in returned["read_inputs (total)"].tables.values()}
    sheets = [
        (o.name, [[None if c is None else c.value for c in row] for row in o.rows]) for o in result.outputs
    ]
    with open(shapes, "wb") as f:
        pickle.dump(sheets, f, protocol=pickle.HIGHEST_PROTOCOL)
    print(
        json.dumps(
            {
                "stages": totals,
                "memory": memory,
                "status": result.status,
                "counts": result.counts(),
                "input_rows": rows,
                "outputs": {name: [len(r), max((len(x) for x in r), default=0)] for name, r in sheets},
            }
        )
    )


def _rss_now() -> list[int]:
    """[current RSS, peak RSS] of this process, in bytes (Linux /proc)."""
    fields = dict(
        line.split(":", 1) for line in Path("/proc/self/status").read_text().splitlines() if ":" in line
    )
    return [int(fields[k].split()[0]) * 1024 for k in ("VmRSS", "VmHWM")]


def child_floor(book: str, out: str, shapes: str) -> None:
    """The IO floor: calamine reads the same sheets, XlsxWriter writes the same cells (constant_memory)."""
    started = time.perf_counter()
    with open(shapes, "rb") as f:
        sheets = pickle.load(f)
    load = time.perf_counter() - started

    started = time.perf_counter()
    from python_calamine import CalamineWorkbook

    wb = CalamineWorkbook.from_path(book)
    cells = 0
    for name in wb.sheet_names:
        values = wb.get_sheet_by_name(name).to_python()
        cells += sum(len(r) for r in values)
    read = time.perf_counter() - started

    started = time.perf_counter()
    import xlsxwriter

    book_out = xlsxwriter.Workbook(out, {"constant_memory": True})
    day = book_out.add_format({"num_format": "dd/mm/yyyy hh:mm"})
    for name, rows in sheets:
        ws = book_out.add_worksheet(name)
        for r, row in enumerate(rows):
            for c, value in enumerate(row):
                if value is None or value == "":
                    continue
                if isinstance(value, datetime):
                    ws.write_datetime(r, c, value, day)
                elif isinstance(value, str):
                    ws.write_string(r, c, value)
                else:
                    ws.write_number(r, c, value)
    book_out.close()
    write = time.perf_counter() - started
    print(json.dumps({"load": load, "read": read, "write": write, "cells_read": cells}))


def child_baseline(book: str, out: str) -> None:
    """The obvious approach: openpyxl load, parcom's own core on the values, openpyxl add + save.

    Output cells are written as plain values (no styles), which only favours the baseline.
    """
    import openpyxl
    from openpyxl.utils import get_column_letter

    from parcom_excel.adapter import Grid
    from parcom_excel.core import run

    timings: dict[str, float] = {}

    class OpenpyxlAdapter:
        def __init__(self) -> None:
            started = time.perf_counter()
            self.wb = openpyxl.load_workbook(book)
            timings["load"] = time.perf_counter() - started
            self.label = Path(book).name

        def sheet_names(self) -> list[str]:
            return list(self.wb.sheetnames)

        def grid(self, name: str) -> Grid:
            ws = self.wb[name]
            return Grid(name, [list(row) for row in ws.iter_rows(values_only=True)])

        def owned(self) -> dict[str, str]:
            return {}

        def write(self, outputs: list) -> list:
            started = time.perf_counter()
            for sheet in outputs:
                if sheet.name in self.wb.sheetnames:
                    del self.wb[sheet.name]
                ws = self.wb.create_sheet(sheet.name)
                for row in sheet.rows:
                    ws.append([None if c is None else c.value for c in row])
                for col, width in sheet.widths.items():
                    ws.column_dimensions[get_column_letter(col + 1)].width = width
            timings["add sheets"] = time.perf_counter() - started
            started = time.perf_counter()
            self.wb.save(out)
            timings["save"] = time.perf_counter() - started
            return []

    started = time.perf_counter()
    result = run(OpenpyxlAdapter())
    timings["total"] = time.perf_counter() - started
    print(json.dumps({"status": result.status, "timings": timings}))


def child_profile(book: str, out: str, prof: str) -> None:
    import cProfile

    from parcom_excel.core import run
    from parcom_excel.io.files import FileAdapter

    profiler = cProfile.Profile()
    profiler.enable()
    run(FileAdapter(book, out))
    profiler.disable()
    profiler.dump_stats(prof)


def child_pyinstrument(book: str, out: str, text: str) -> None:
    from pyinstrument import Profiler

    from parcom_excel.core import run
    from parcom_excel.io.files import FileAdapter

    profiler = Profiler(interval=0.002)
    profiler.start()
    run(FileAdapter(book, out))
    profiler.stop()
    Path(text).write_text(profiler.output_text(unicode=True, color=False, show_all=False), encoding="utf-8")


CHILDREN = {
    "_stages": child_stages,
    "_floor": child_floor,
    "_baseline": child_baseline,
    "_profile": child_profile,
    "_pyinstrument": child_pyinstrument,
}


# ---------------------------------------------------------------- measurements


def _json_tail(text: str) -> dict[str, Any]:
    return json.loads(text.strip().splitlines()[-1])


def _clean(path: Path) -> None:
    if path.is_dir():
        shutil.rmtree(path)
    elif path.exists():
        path.unlink()


def measure_size(size: str, runs: int, parts: set[str], baseline_max_min: float) -> dict[str, Any]:
    sys.path.insert(0, str(HERE))
    from generate import SIZES, generate

    book = generate(size)
    work = DATA / "out"
    work.mkdir(parents=True, exist_ok=True)
    out = work / f"{size}-evaluated.xlsx"
    shapes = work / f"{size}-outputs.pickle"
    res: dict[str, Any] = _previous(size)
    res.update(
        {
            "size": size,
            "date": _now(),
            "machine": machine(),
            "file_mb": book.stat().st_size / 1e6,
            "ratings": SIZES[size].ratings,
            "units": SIZES[size].units,
            "staff": SIZES[size].staff,
        }
    )
    res["loadavg_before"] = os.getloadavg()[0]

    if "stages" in parts or ("floor" in parts and not shapes.exists()):
        _log(f"{size}: stages of core.run, in-process")
        sample = measure(_self("_stages", book, work / f"{size}-stages.xlsx", shapes))
        if sample["rc"] != 0:
            raise SystemExit(sample["stderr"][-3000:])
        info = _json_tail(sample["stdout"])
        if info["status"] != "evaluated":
            raise SystemExit(f"{book.name} has data errors: the generator must write valid data")
        res["stages"] = info["stages"] | {"process wall": sample["wall"]}
        res["stages_rss"] = sample["rss"]
        res["stages_memory"] = info["memory"]
        res["input_rows"] = info["input_rows"]
        res["output_shapes"] = info["outputs"]
        res["counts"] = info["counts"]

    if "e2e" in parts:
        _log(f"{size}: parcom evaluate × {runs}")
        res["e2e"] = _strip(
            repeat([*_parcom(), "evaluate", str(book), "-o", str(out)], runs, before=lambda: _clean(out))
        )
        res["out_mb"] = out.stat().st_size / 1e6

    if "floor" in parts:
        _log(f"{size}: IO floor × {runs}")
        floor_out = work / f"{size}-floor.xlsx"
        samples = [measure(_self("_floor", book, floor_out, shapes)) for _ in range(runs)]
        details = [_json_tail(s["stdout"]) for s in samples]
        walls = [s["wall"] - d["load"] for s, d in zip(samples, details, strict=True)]
        res["floor"] = {
            "wall": statistics.median(walls),
            "walls": walls,
            "runs": runs,
            "read": statistics.median(d["read"] for d in details),
            "write": statistics.median(d["write"] for d in details),
            "rss": max(s["rss"] for s in samples),
            "busy_before": [s["busy"] for s in samples],
        }

    if "baseline" in parts:
        estimate = _baseline_estimate(size, res)
        if estimate is not None and estimate > baseline_max_min * 60:
            res["baseline"] = {
                "skipped": f"estimated {estimate / 60:.0f} min from the province run "
                f"(> {baseline_max_min:.0f} min)"
            }
        else:
            _log(
                f"{size}: openpyxl baseline × {runs}"
                + (f" (estimated {estimate / 60:.1f} min each)" if estimate else "")
            )
            base = _strip(repeat(_self("_baseline", book, work / f"{size}-baseline.xlsx"), runs))
            base["timings"] = _json_tail(base.pop("stdout"))["timings"]
            res["baseline"] = base
    _save(size, res)
    return res


def _strip(sample: dict[str, Any]) -> dict[str, Any]:
    last = sample.pop("last")
    sample["stdout"] = last["stdout"]
    return sample


def _baseline_estimate(size: str, res: dict[str, Any]) -> float | None:
    if size != "excel-limit":
        return None
    province = _previous("province")
    base = province.get("baseline", {})
    if "wall" not in base:
        return None
    return base["wall"] * res["ratings"] / province["ratings"]


def measure_imports(runs: int) -> dict[str, Any]:
    """`-X importtime`: the add-in's `import parcom_excel`, and what an Evaluate click imports."""
    probes = {
        "addin": "import parcom_excel; parcom_excel.main",
        "evaluate_click": (
            "import parcom_excel; import parcom_excel.io.excel, parcom_excel.core, "
            "parcom_excel.reader, parcom_excel.validate, parcom_excel.rules.evaluate, "
            "parcom_excel.outputs, parcom_excel.io.files"
        ),
        "evaluate_click_xlwings": "import xlwings",
        "cli_evaluate": "import parcom_excel.cli, parcom_excel.cli.evaluate, parcom_excel.core, "
        "parcom_excel.reader, parcom_excel.validate, parcom_excel.rules.evaluate, "
        "parcom_excel.outputs, parcom_excel.io.files, parcom_excel.io.package",
        "python_startup": "pass",
    }
    watch = (
        "pandas",
        "pandera",
        "numpy",
        "xlwings",
        "lxml",
        "python_calamine",
        "xlsxwriter",
        "click",
        "openpyxl",
        "parcom_excel.validate",
        "parcom_excel.core",
        "parcom_excel.io.excel",
    )
    out: dict[str, Any] = {"date": _now(), "machine": machine(), "runs": runs}
    for name, code in probes.items():
        totals, walls, modules = [], [], []
        for _ in range(runs):
            sample = measure([PY, "-X", "importtime", "-c", code])
            parsed = _importtime(sample["stderr"])
            totals.append(parsed["total"])
            walls.append(sample["wall"])
            modules.append(parsed["modules"])
        med = statistics.median(totals)
        i = totals.index(sorted(totals)[len(totals) // 2])
        out[name] = {
            "import_s": med,
            "wall": statistics.median(walls),
            "heavy": {m: modules[i][m] for m in watch if m in modules[i]},
        }
    _save("imports", out)
    return out


def _importtime(stderr: str) -> dict[str, Any]:
    total = 0.0
    modules: dict[str, float] = {}
    for line in stderr.splitlines():
        if not line.startswith("import time:") or "imported package" in line:
            continue
        _, cumulative, name = line[len("import time:") :].split("|")
        seconds = int(cumulative) / 1e6
        if not name[1:].startswith(" "):  # top level: one space after the bar
            total += seconds
        modules.setdefault(name.strip(), seconds)
    return {"total": total, "modules": modules}


def measure_batch(runs: int, count: int) -> dict[str, Any]:
    sys.path.insert(0, str(HERE))
    from generate import batch_folder

    folder = batch_folder(count)
    out: dict[str, Any] = {"date": _now(), "machine": machine(), "books": count, "runs": runs}
    for jobs in (1, 2):
        dest = DATA / "out" / f"batch-{jobs}"
        _log(f"parcom batch {count} books --jobs {jobs} × {runs}")
        sample = repeat(
            [*_parcom(), "batch", str(folder), "--out", str(dest), "--jobs", str(jobs)],
            runs,
            before=lambda dest=dest: _clean(dest),
            check=False,
        )
        if sample["last"]["rc"] not in (0,):
            raise SystemExit(
                f"parcom batch exited {sample['last']['rc']}: {sample['last']['stderr'][-2000:]}"
                f"{sample['last']['stdout'][-2000:]}"
            )
        written = len(list(dest.rglob("*.xlsx"))) if dest.exists() else 0
        out[f"jobs{jobs}"] = {
            "wall": sample["wall"],
            "walls": sample["walls"],
            "rate": count / sample["wall"],
            "written": written,
            "loadavg_after": os.getloadavg()[0],
        }
    out["ratio"] = out["jobs2"]["rate"] / out["jobs1"]["rate"]
    _save("batch", out)
    return out


def profile(size: str, top: int = 30) -> dict[str, Any]:
    import pstats

    sys.path.insert(0, str(HERE))
    from generate import generate

    book = generate(size)
    work = DATA / "out"
    work.mkdir(parents=True, exist_ok=True)
    prof = work / f"{size}.prof"
    _log(f"{size}: cProfile of core.run")
    sample = measure(_self("_profile", book, work / f"{size}-profiled.xlsx", prof))
    if sample["rc"] != 0:
        raise SystemExit(sample["stderr"][-3000:])
    stats = pstats.Stats(str(prof))
    rows = []
    for (file, line, func), (_cc, calls, tottime, cumtime, _callers) in stats.stats.items():
        where = file.replace(str(ROOT) + "/", "").split("site-packages/")[-1]
        rows.append(
            {"func": f"{where}:{line}({func})", "calls": calls, "tottime": tottime, "cumtime": cumtime}
        )
    total = max(r["cumtime"] for r in rows)
    result: dict[str, Any] = {
        "date": _now(),
        "size": size,
        "total": total,
        "by_cumulative": sorted(rows, key=lambda r: -r["cumtime"])[:top],
        "by_tottime": sorted(rows, key=lambda r: -r["tottime"])[:top],
    }
    try:
        import pyinstrument  # noqa: F401

        text = work / f"{size}-pyinstrument.txt"
        _log(f"{size}: pyinstrument of core.run")
        sample = measure(_self("_pyinstrument", book, work / f"{size}-profiled.xlsx", text))
        if sample["rc"] == 0:
            result["pyinstrument"] = text.read_text(encoding="utf-8")
    except ImportError:
        pass
    _save(f"profile-{size}", result)
    return result


# ---------------------------------------------------------------- bookkeeping


def _now() -> str:
    return datetime.now().astimezone().strftime("%Y-%m-%d %H:%M %Z")


def _log(text: str) -> None:
    print(f"[{datetime.now():%H:%M:%S}] {text}", file=sys.stderr, flush=True)


def _save(key: str, data: dict[str, Any]) -> None:
    RESULTS_DIR.mkdir(parents=True, exist_ok=True)
    (RESULTS_DIR / f"{key}.json").write_text(
        json.dumps(data, indent=1, ensure_ascii=False, default=str), encoding="utf-8"
    )


def _previous(key: str) -> dict[str, Any]:
    path = RESULTS_DIR / f"{key}.json"
    return json.loads(path.read_text(encoding="utf-8")) if path.exists() else {}


def machine() -> dict[str, Any]:
    from importlib.metadata import PackageNotFoundError, version

    cpu = next(
        (
            line.split(":", 1)[1].strip()
            for line in Path("/proc/cpuinfo").read_text().splitlines()
            if line.startswith("model name")
        ),
        platform.processor(),
    )
    mem = next(
        int(line.split()[1]) * 1024
        for line in Path("/proc/meminfo").read_text().splitlines()
        if line.startswith("MemTotal")
    )
    packages = {}
    for name in (
        "python-calamine",
        "XlsxWriter",
        "openpyxl",
        "pandas",
        "pandera",
        "numpy",
        "lxml",
        "xlwings",
        "click",
    ):
        try:
            packages[name] = version(name)
        except PackageNotFoundError:
            packages[name] = "-"
    commit = subprocess.run(
        ["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True, text=True
    ).stdout.strip()
    dirty = subprocess.run(
        ["git", "status", "--porcelain", "--untracked-files=no", "--", "parcom_excel"],
        cwd=ROOT,
        capture_output=True,
        text=True,
    ).stdout.split("\n")
    dirty = [line[3:] for line in dirty if line.strip()]
    if dirty:
        commit += f" + uncommitted changes to {', '.join(dirty)}"
    return {
        "nproc": os.cpu_count(),
        "ram_gib": round(mem / GiB, 1),
        "cpu": cpu,
        "python": platform.python_version(),
        "os": f"{platform.system()} {platform.release()}",
        "packages": packages,
        "commit": commit,
    }


# ---------------------------------------------------------------- report


def _s(value: float | None) -> str:
    if value is None:
        return "–"
    return f"{value:.2f} s" if value < 100 else f"{value:.0f} s ({value / 60:.1f} min)"


def _mb(value: float | None) -> str:
    return "–" if value is None else f"{value / 1e6:,.0f} MB"


def _busy(res: dict[str, Any]) -> str:
    """The most CPUs other processes used just before any timed run of this size."""
    seen = [
        b
        for key in ("e2e", "floor", "baseline")
        for b in res.get(key, {}).get("busy_before", [])
        if b is not None
    ]
    return f"≤ {max(seen):.2f} CPU" if seen else "not watched"


def _verdict(ok: bool | None) -> str:
    return "–" if ok is None else ("PASS" if ok else "**FAIL**")


def targets(
    sizes: dict[str, dict[str, Any]], imports: dict[str, Any], batch: dict[str, Any]
) -> list[list[str]]:
    rows = []
    for size in SIZE_ORDER:
        res = sizes.get(size, {})
        if "e2e" in res and "floor" in res:
            ratio = res["e2e"]["wall"] / res["floor"]["wall"]
            rows.append(
                [
                    f"End to end ≤ {FLOOR_RATIO:g}× IO floor — {size}",
                    f"{_s(res['e2e']['wall'])} / {_s(res['floor']['wall'])} = {ratio:.1f}×",
                    f"≤ {FLOOR_RATIO:g}×",
                    _verdict(ratio <= FLOOR_RATIO),
                ]
            )
    for size in ("province", "excel-limit"):
        res = sizes.get(size, {})
        base = res.get("baseline", {})
        if "skipped" in base:
            rows.append(
                [
                    f"≥ {BASELINE_SPEEDUP:g}× faster than openpyxl baseline — {size}",
                    f"baseline skipped: {base['skipped']}",
                    f"≥ {BASELINE_SPEEDUP:g}×",
                    "–",
                ]
            )
        elif "wall" in base and "e2e" in res:
            speedup = base["wall"] / res["e2e"]["wall"]
            rows.append(
                [
                    f"≥ {BASELINE_SPEEDUP:g}× faster than openpyxl baseline — {size}",
                    f"{_s(base['wall'])} / {_s(res['e2e']['wall'])} = {speedup:.1f}×",
                    f"≥ {BASELINE_SPEEDUP:g}×",
                    _verdict(speedup >= BASELINE_SPEEDUP),
                ]
            )
    res = sizes.get("excel-limit", {})
    if "e2e" in res:
        rows.append(
            [
                "Peak memory at Excel's limit (1,048,575 rating rows)",
                f"{_mb(res['e2e']['rss'])} ({res['e2e']['rss'] / GiB:.2f} GiB)",
                "≤ 4 GB (4,000 MB)",
                _verdict(res["e2e"]["rss"] <= LIMIT_RSS),
            ]
        )
    res = sizes.get("department", {})
    if "e2e" in res:
        rows.append(
            [
                "Department evaluated, imports included",
                _s(res["e2e"]["wall"]),
                f"≤ {DEPARTMENT_WALL} s",
                _verdict(res["e2e"]["wall"] <= DEPARTMENT_WALL),
            ]
        )
    if batch:
        rows.append(
            [
                f"parcom batch, {batch['books']} department books: rate with --jobs 2 / --jobs 1",
                f"{batch['jobs2']['rate']:.1f} / {batch['jobs1']['rate']:.1f} books/s = {batch['ratio']:.2f}×",
                f"≥ {BATCH_RATIO}×",
                _verdict(batch["ratio"] >= BATCH_RATIO),
            ]
        )
    res = sizes.get("province", {})
    if "stages" in res:
        took = res["stages"]["validate (total)"]
        per_100k = took * 100_000 / res["ratings"]
        rows.append(
            [
                f"Validation beyond reading, per 100,000 rating rows (province: {res['ratings']:,} ratings "
                f"+ {res['staff']:,} staff, measured {_s(took)})",
                _s(per_100k),
                f"≤ {VALIDATE_BUDGET:g} s",
                _verdict(took <= VALIDATE_BUDGET or per_100k <= VALIDATE_BUDGET),
            ]
        )
    return rows


def _table(header: list[str], rows: list[list[str]]) -> str:
    lines = ["| " + " | ".join(header) + " |", "|" + "|".join("---" for _ in header) + "|"]
    lines += ["| " + " | ".join(str(c) for c in row) + " |" for row in rows]
    return "\n".join(lines)


def report() -> str:
    sizes = {s: _previous(s) for s in SIZE_ORDER if _previous(s)}
    imports, batch = _previous("imports"), _previous("batch")
    any_result = next(iter([*sizes.values(), imports, batch]), {}) or {}
    m = any_result.get("machine") or machine()
    out = [
        "# Benchmark results",
        "",
        "Generated by `benchmarks/run.py` (see README.md for what each number means). Medians of the "
        "runs stated; every timed program is a fresh process, interpreter start and imports included.",
        "",
        f"Machine: {m['nproc']} CPUs ({m['cpu']}), {m['ram_gib']} GiB RAM, {m['os']}; Python {m['python']}; "
        + ", ".join(f"{k} {v}" for k, v in m["packages"].items())
        + f"; parcom at commit {m['commit']}.",
        "",
        "## Targets",
        "",
        _table(["target", "measured", "limit", "result"], targets(sizes, imports, batch)),
        "",
    ]

    rows = []
    for size, res in sizes.items():
        e2e, floor, base = res.get("e2e", {}), res.get("floor", {}), res.get("baseline", {})
        rows.append(
            [
                size,
                f"{res['units']:,} / {res['staff']:,} / {res['ratings']:,}",
                f"{res['file_mb']:.1f} MB",
                f"{_s(e2e.get('wall'))} (n={e2e.get('runs', '–')}; CPU {_s(e2e.get('cpu'))})",
                _mb(e2e.get("rss")),
                _s(floor.get("wall"))
                + (f" (read {floor['read']:.2f} + write {floor['write']:.2f})" if floor else ""),
                f"{e2e['wall'] / floor['wall']:.1f}×" if e2e and floor else "–",
                base.get("skipped") or (f"{_s(base['wall'])}, {_mb(base['rss'])}" if "wall" in base else "–"),
                f"{base['wall'] / e2e['wall']:.1f}×" if "wall" in base and e2e else "–",
                f"{res['date']}; others' load {_busy(res)}",
            ]
        )
    out += [
        "## Per size",
        "",
        _table(
            [
                "size",
                "units / staff / rating rows",
                "input",
                "parcom evaluate",
                "peak RSS",
                "IO floor",
                "evaluate / floor",
                "openpyxl baseline",
                "baseline / evaluate",
                "measured",
            ],
            rows,
        ),
        "",
    ]

    labels = []
    for res in sizes.values():
        for label in res.get("stages", {}):
            if label not in labels:
                labels.append(label)
    if labels:
        rows = [
            [label, *(_s(res.get("stages", {}).get(label)) for res in sizes.values())] for label in labels
        ]
        out += [
            "## Where the time goes (core.run in one process, each step timed)",
            "",
            "Nested lines (read: …, validate: …, evaluate: build world) are parts of the total below them; "
            "`process wall` includes interpreter start and imports.",
            "",
            _table(["step", *sizes], rows),
            "",
        ]
        mem_labels = [
            label for label in labels if any(label in res.get("stages_memory", {}) for res in sizes.values())
        ]
        if mem_labels:
            rows = [
                [
                    label,
                    *(
                        " / ".join(_mb(v) for v in res.get("stages_memory", {}).get(label, [])) or "–"
                        for res in sizes.values()
                    ),
                ]
                for label in mem_labels
            ]
            out += [
                "Memory right after each step (RSS / peak RSS so far), same process:",
                "",
                _table(["step", *sizes], rows),
                "",
            ]
        shapes = [
            [
                name,
                *(
                    ("×".join(f"{n:,}" for n in res.get("output_shapes", {}).get(name, [])) or "–")
                    for res in sizes.values()
                ),
            ]
            for name in next(iter(sizes.values())).get("output_shapes", {})
        ]
        out += [
            "Output sheets written (rows × columns), the same cells the IO floor writes:",
            "",
            _table(["sheet", *sizes], shapes),
            "",
        ]

    for size, res in sizes.items():
        base = res.get("baseline", {})
        if "timings" in base:
            t = base["timings"]
            out.append(
                f"- openpyxl baseline, {size}: load {_s(t.get('load'))}, add sheets {_s(t.get('add sheets'))}, "
                f"save {_s(t.get('save'))}, in-process total {_s(t.get('total'))}."
            )
    out.append("")

    if imports:
        rows = []
        for name, label in (
            ("python_startup", "`python -c pass`"),
            ("addin", "`import parcom_excel; parcom_excel.main` (what the add-in's VBA runs first)"),
            (
                "evaluate_click",
                "modules an Evaluate click imports (excel, core, reader, validate, rules, outputs, io.files)",
            ),
            ("evaluate_click_xlwings", "`import xlwings` (also imported by the click)"),
            ("cli_evaluate", "modules `parcom evaluate` imports (cli, cli.evaluate, core, …, io.package)"),
        ):
            info = imports.get(name, {})
            heavy = ", ".join(
                f"{k} {v * 1000:.0f} ms"
                for k, v in sorted(info.get("heavy", {}).items(), key=lambda kv: -kv[1])[:6]
            )
            rows.append(
                [
                    label,
                    f"{info.get('import_s', 0) * 1000:.0f} ms",
                    f"{info.get('wall', 0) * 1000:.0f} ms",
                    heavy or "–",
                ]
            )
        out += [
            f"## Imports (`python -X importtime`, median of {imports['runs']}, {imports['date']})",
            "",
            _table(["what", "import time", "process wall", "heaviest (cumulative)"], rows),
            "",
        ]

    if batch:
        rows = [
            [
                f"--jobs {j}",
                _s(batch[f"jobs{j}"]["wall"]),
                f"{batch[f'jobs{j}']['rate']:.1f} books/s",
                str(batch[f"jobs{j}"]["written"]),
            ]
            for j in (1, 2)
        ]
        out += [
            f"## parcom batch ({batch['books']} department workbooks, median of {batch['runs']}, {batch['date']})",
            "",
            _table(["jobs", "wall", "rate", "files written"], rows),
            "",
        ]

    for size in SIZE_ORDER:
        prof = _previous(f"profile-{size}")
        if not prof:
            continue
        rows = [
            [f"`{r['func']}`", f"{r['calls']:,}", f"{r['tottime']:.2f}", f"{r['cumtime']:.2f}"]
            for r in prof["by_cumulative"][:25]
        ]
        out += [
            f"## cProfile of core.run, {size} ({prof['date']}; total {prof['total']:.1f} s under the profiler)",
            "",
            "Top functions by cumulative time:",
            "",
            _table(["function", "calls", "own s", "cumulative s"], rows),
            "",
            "Top functions by own time:",
            "",
            _table(
                ["function", "calls", "own s", "cumulative s"],
                [
                    [f"`{r['func']}`", f"{r['calls']:,}", f"{r['tottime']:.2f}", f"{r['cumtime']:.2f}"]
                    for r in prof["by_tottime"][:15]
                ],
            ),
            "",
        ]
    return "\n".join(out).rstrip() + "\n"


NOTES_MARK = "<!-- notes: written by hand, kept when run.py rewrites this file -->"


def _kept_notes() -> str:
    """The hand-written analysis at the end of RESULTS.md, carried over to the new report."""
    if not RESULTS_MD.exists():
        return ""
    text = RESULTS_MD.read_text(encoding="utf-8")
    at = text.find(NOTES_MARK)
    return "" if at < 0 else "\n" + text[at:]


def print_summary() -> None:
    sizes = {s: _previous(s) for s in SIZE_ORDER if _previous(s)}
    rows = targets(sizes, _previous("imports"), _previous("batch"))
    width = max((len(r[0]) for r in rows), default=10)
    for name, measured, limit, verdict in rows:
        print(f"{name:<{width}}  {measured:<40}  {limit:<8}  {verdict.strip('*')}")


# ---------------------------------------------------------------- main


def main(argv: list[str] | None = None) -> None:
    argv = sys.argv[1:] if argv is None else argv
    if argv and argv[0] in CHILDREN:
        CHILDREN[argv[0]](*argv[1:])
        return
    parser = argparse.ArgumentParser(description="Benchmarks of parcom evaluate (see benchmarks/README.md).")
    parser.add_argument(
        "--sizes",
        default="department,province",
        help="comma-separated: department, province, excel-limit (default: department,province)",
    )
    parser.add_argument(
        "--runs", type=int, default=3, help="runs per measurement for department and province"
    )
    parser.add_argument("--limit-runs", type=int, default=1, help="runs per measurement at excel-limit")
    parser.add_argument(
        "--only",
        default="",
        help="comma-separated subset of: stages, e2e, floor, baseline, imports, batch, profile "
        "(default: all but profile)",
    )
    parser.add_argument("--profile", action="store_true", help="also cProfile core.run at each size")
    parser.add_argument("--batch-books", type=int, default=40)
    parser.add_argument(
        "--baseline-max-min",
        type=float,
        default=15,
        help="skip the excel-limit baseline if the province run predicts more minutes than this",
    )
    parser.add_argument(
        "--wait-idle",
        type=float,
        default=120,
        metavar="SECONDS",
        help="before each timed process, wait up to this long until other processes use "
        "less than a quarter of a CPU (0: do not wait; default 120)",
    )
    parser.add_argument("--report-only", action="store_true", help="rebuild RESULTS.md from the saved JSON")
    args = parser.parse_args(argv)
    IDLE["wait"] = args.wait_idle

    if not args.report_only:
        parts = set(filter(None, args.only.split(","))) or {
            "stages",
            "e2e",
            "floor",
            "baseline",
            "imports",
            "batch",
        }
        if args.profile:
            parts.add("profile")
        sizes = [s for s in filter(None, args.sizes.split(","))]
        for size in sizes:
            if size not in SIZE_ORDER:
                parser.error(f"unknown size {size!r}")
        for size in sorted(sizes, key=SIZE_ORDER.index):
            runs = args.limit_runs if size == "excel-limit" else args.runs
            if parts & {"stages", "e2e", "floor", "baseline"}:
                measure_size(size, runs, parts, args.baseline_max_min)
            if "profile" in parts:
                profile(size)
        if "imports" in parts:
            _log("imports")
            measure_imports(max(args.runs, 5))
        if "batch" in parts:
            measure_batch(args.runs, args.batch_books)
    RESULTS_MD.write_text(report() + _kept_notes(), encoding="utf-8")
    print_summary()
    print(f"\nWritten {RESULTS_MD.relative_to(ROOT)}", file=sys.stderr)


if __name__ == "__main__":
    main()
