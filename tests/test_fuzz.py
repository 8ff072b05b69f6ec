"""Issue #15: a seeded fuzz of valid workbooks at the package level, and the Open XML SDK on
what survives (and on every corpus workbook with our sheets written into it).

Each case mutates the parts of a real workbook (bytes flipped, parts cut or dropped, far cell
references, re-encoded XML, dangling relationships, DTDs, a damaged zip...), then runs
`parcom evaluate` on it in its own process with a capped address space. Whatever the damage:
exit code 0, 1 or 2, one sentence and no traceback or panic, memory under a bound, and after
exit 2 the file's bytes as they were. The seed and the budget are fixed (PARCOM_FUZZ_SEED,
PARCOM_FUZZ_CASES and PARCOM_FUZZ_SECONDS change them), so CI runs the same cases each time.
"""

from __future__ import annotations

import json
import os
import random
import re
import shutil
import subprocess
import sys
import time
import zipfile
from collections import Counter
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.workbooks import ROOT, department, forked_cli, run_cli, write_book

SEED = int(os.environ.get("PARCOM_FUZZ_SEED", "20261201"))
CASES = int(os.environ.get("PARCOM_FUZZ_CASES", "24"))
SECONDS = float(os.environ.get("PARCOM_FUZZ_SECONDS", "90"))
ADDRESS_SPACE = 3 << 30  # the cap a run gets (virtual memory)
MAX_RSS = 800 << 20  # what a run may really use (a department book needs about 110 MB)
VALIDATOR = ROOT.parent / "shared" / "tools" / "ooxml" / "validate"
CORPUS = ROOT.parent / "shared" / "corpus" / "excel-made"
CRASH_TEXT = ("Traceback", "panicked", "stack backtrace", "RUST_BACKTRACE", "memory allocation of")

Parts = dict[str, bytes]


# ---------------------------------------------------------------- mutations


def _xml_parts(parts: Parts) -> list[str]:
    return sorted(n for n, d in parts.items() if d.lstrip()[:1] == b"<")


def _sheets(parts: Parts) -> list[str]:
    return sorted(n for n in parts if n.startswith("xl/worksheets/sheet"))


def flip_bytes(rng: random.Random, parts: Parts) -> str:
    name = rng.choice(_xml_parts(parts))
    data = bytearray(parts[name])
    for _ in range(rng.randint(1, 8)):
        data[rng.randrange(len(data))] = rng.choice(b"<>\"'&/=x0 \x00\xff")
    parts[name] = bytes(data)
    return f"flip {name}"


def cut_part(rng: random.Random, parts: Parts) -> str:
    name = rng.choice(sorted(parts))
    parts[name] = parts[name][: rng.randrange(len(parts[name]) + 1)]
    return f"cut {name}"


def drop_part(rng: random.Random, parts: Parts) -> str:
    name = rng.choice(sorted(parts))
    del parts[name]
    return f"drop {name}"


def far_reference(rng: random.Random, parts: Parts) -> str:
    name = rng.choice(_sheets(parts))
    refs = list(re.finditer(rb' r="[A-Z]+[0-9]+"', parts[name]))
    if not refs:
        return "far: no cell"
    hit = rng.choice(refs)
    new = rng.choice([b"XFD1048576", b"ZZZZ160", b"A99999999", b"a1", b"", b"A0", b"H1048576", b"$B$3"])
    parts[name] = parts[name][: hit.start()] + b' r="' + new + b'"' + parts[name][hit.end() :]
    return f"far {name} {new.decode()}"


def huge_dimension(rng: random.Random, parts: Parts) -> str:
    name = rng.choice(_sheets(parts))
    parts[name] = re.sub(rb'<dimension ref="[^"]*"', b'<dimension ref="A1:XFD1048576"', parts[name])
    return f"dimension {name}"


def no_references(rng: random.Random, parts: Parts) -> str:
    name = rng.choice(_sheets(parts))
    parts[name] = re.sub(rb' r="[A-Z]*[0-9]*"', b"", parts[name])
    return f"implicit {name}"


def bad_values(rng: random.Random, parts: Parts) -> str:
    name = rng.choice(_sheets(parts))
    value = rng.choice([b"99999999", b"-1", b"abc", b"1e999", b"NaN", b""])
    parts[name] = re.sub(rb"<v>[^<]*</v>", b"<v>" + value + b"</v>", parts[name], count=rng.randint(1, 50))
    return f"values {name} {value.decode()}"


def dangling_target(rng: random.Random, parts: Parts) -> str:
    rels = [n for n in parts if n.endswith(".rels")]
    name = rng.choice(rels)
    target = rng.choice([b"missing.xml", b"../../../etc/passwd", b"/xl/workbook.xml", b""])
    parts[name] = re.sub(rb'Target="[^"]*"', b'Target="' + target + b'"', parts[name], count=1)
    return f"target {name} {target.decode()}"


def reencode(rng: random.Random, parts: Parts) -> str:
    name = rng.choice(_xml_parts(parts))
    text = parts[name].decode("utf-8", "replace")
    codec = rng.choice(["utf-16", "utf-16-be", "utf-32", "latin-1-declared-utf8"])
    if codec == "latin-1-declared-utf8":
        parts[name] = text.encode("latin-1", "replace")
    else:
        text = re.sub(r"encoding=\"[^\"]*\"", f'encoding="{codec.upper()}"', text, count=1)
        parts[name] = text.encode(codec)
    return f"encode {name} {codec}"


def add_dtd(rng: random.Random, parts: Parts) -> str:
    name = rng.choice(_xml_parts(parts))
    parts[name] = re.sub(rb"^(<\?xml[^>]*\?>)?", rb'\1<!DOCTYPE x [<!ENTITY e "e">]>', parts[name], count=1)
    return f"dtd {name}"


def swap_parts(rng: random.Random, parts: Parts) -> str:
    a, b = rng.sample(_xml_parts(parts), 2)
    parts[a], parts[b] = parts[b], parts[a]
    return f"swap {a} {b}"


def rename_sheets(rng: random.Random, parts: Parts) -> str:
    name = rng.choice(["", "Cán bộ", "x" * 40, "a/b", "'"])
    parts["xl/workbook.xml"] = re.sub(
        rb'<sheet name="[^"]*"',
        b'<sheet name="' + name.encode() + b'"',
        parts.get("xl/workbook.xml", b""),
        count=2,
    )
    return f"sheet names {name!r}"


PART_MUTATIONS: list[Callable[[random.Random, Parts], str]] = [
    flip_bytes,
    cut_part,
    drop_part,
    far_reference,
    huge_dimension,
    no_references,
    bad_values,
    dangling_target,
    reencode,
    add_dtd,
    swap_parts,
    rename_sheets,
]


def _zip(parts: Parts, path: Path) -> None:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, data in parts.items():
            zf.writestr(name, data)


def _raw_damage(rng: random.Random, path: Path) -> str:
    data = bytearray(path.read_bytes())
    if rng.random() < 0.5:
        path.write_bytes(bytes(data[: rng.randrange(len(data))]))
        return "raw cut"
    for _ in range(rng.randint(1, 4)):
        data[rng.randrange(len(data))] ^= 1 << rng.randrange(8)
    path.write_bytes(bytes(data))
    return "raw flip"


def make_case(rng: random.Random, bases: list[Path], path: Path) -> tuple[Path, list[str]]:
    """Write a mutated copy of one of `bases` at `path`: (the base, what was done)."""
    base = rng.choice(bases)
    with zipfile.ZipFile(base) as zf:
        parts = {info.filename: zf.read(info) for info in zf.infolist()}
    done = [rng.choice(PART_MUTATIONS)(rng, parts) for _ in range(rng.randint(1, 3))]
    _zip(parts, path)
    if rng.random() < 0.15:
        done.append(_raw_damage(rng, path))
    return base, done


# ---------------------------------------------------------------- running


def run_bounded(*args: object, cwd: Path) -> tuple[int, str, int]:
    """(exit code, stdout + stderr, peak RSS in bytes) of the CLI under an address-space cap, in
    a process forked from this one (which `cases` runs as a fresh interpreter)."""
    env = {**os.environ, "PYTHONIOENCODING": "utf-8", "PARCOM_LOCK_WAIT": "1"}
    env.pop("PARCOM_DEBUG", None)
    argv = [str(ROOT / "cli.py"), *map(str, args)]
    try:
        done, rss = forked_cli(argv, cwd, env, timeout=120, address_space=ADDRESS_SPACE)
    except subprocess.TimeoutExpired:
        return -9, "timed out after 120 s", 0
    return done.returncode, done.stdout + done.stderr, rss


def cases(folder: Path, bases: list[Path]) -> dict[str, list]:
    """Run the seeded cases in `folder`: {"failures": [...], "kept": [[input, output, base]...]}."""
    rng = random.Random(SEED)
    started = time.monotonic()
    failures: list[str] = []
    kept: list[list[str]] = []
    for case in range(CASES):
        if case >= 8 and time.monotonic() - started > SECONDS:
            break
        work = folder / f"case{case:03d}"
        work.mkdir()
        book = work / "book.xlsx"
        base, mutations = make_case(rng, bases, book)
        original = work / "original.xlsx"
        shutil.copy(book, original)
        code, text, rss = run_bounded("evaluate", book, "--lang", "en", cwd=work)
        where = f"case {case} {mutations}: exit {code}, {rss >> 20} MB\n{text[-1500:]}"
        if code not in (0, 1, 2):
            failures.append("exit code " + where)
        if any(mark in text for mark in CRASH_TEXT):
            failures.append("crash text " + where)
        if "Unexpected failure" in text:
            failures.append("unexpected " + where)
        if rss > MAX_RSS:
            failures.append("memory " + where)
        if code == 2 and book.read_bytes() != original.read_bytes():
            failures.append("input changed after exit 2 " + where)
        if code in (0, 1):
            kept.append([str(original), str(book), str(base)])
        leftovers = sorted(p.name for p in work.iterdir())
        if leftovers != ["book.xlsx", "original.xlsx"]:
            failures.append(f"leftovers {leftovers} " + where)
    return {"failures": failures, "kept": kept}


@pytest.fixture(scope="module")
def bases(tmp_path_factory: pytest.TempPathFactory) -> list[Path]:
    folder = tmp_path_factory.mktemp("fuzz_bases")
    fresh = write_book(folder / "fresh.xlsx", department())
    evaluated = Path(shutil.copy(fresh, folder / "evaluated.xlsx"))
    assert run_cli("evaluate", evaluated).returncode == 0
    return [fresh, evaluated]


@pytest.fixture(scope="module")
def survivors(bases: list[Path], tmp_path_factory: pytest.TempPathFactory) -> list[tuple[Path, Path, Path]]:
    """Run the cases once for the module: (mutated input, written output, base it came from).

    They run in a fresh interpreter (`python -m tests.test_fuzz`), which forks each case's run:
    its peak memory is then that of a `parcom` process, not of the test process grown by the
    tests before it."""
    folder = tmp_path_factory.mktemp("fuzz")
    report = folder / "report.json"
    done = subprocess.run(
        [sys.executable, "-m", "tests.test_fuzz", str(report), *map(str, bases)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=SECONDS + 300,
    )
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-3000:]
    result = json.loads(report.read_text("utf-8"))
    assert not result["failures"], "\n\n".join(result["failures"])
    return [(Path(a), Path(b), Path(c)) for a, b, c in result["kept"]]


def test_fuzzed_workbooks_get_an_exit_code_a_sentence_and_bounded_memory(survivors) -> None:
    assert isinstance(survivors, list)  # the checks run in the fixture, case by case


# ---------------------------------------------------------------- Open XML SDK


def _validator() -> Path:
    if not VALIDATOR.exists():
        pytest.skip(f"the Open XML SDK validator is not at {VALIDATOR}")
    return VALIDATOR


def sdk_findings(files: list[Path], tmp_path: Path) -> dict[str, Counter]:
    """File -> Counter of (finding id, description) from one run of the validator."""
    report = tmp_path / "sdk.json"
    done = subprocess.run(
        [str(_validator()), "--json", str(report), *map(str, files)],
        capture_output=True,
        text=True,
        timeout=900,
    )
    if done.returncode == 3:
        pytest.skip(f"the Open XML SDK validator could not be set up: {done.stderr.strip()[-300:]}")
    results = json.loads(report.read_text("utf-8"))
    out: dict[str, Counter] = {}
    for result in results:
        found = Counter((e["id"], e["description"]) for e in result["errors"])
        if result["open_error"]:
            found[("open", result["open_error"].split(":")[0])] += 1
        out[result["file"]] = found
    return out


def _added(findings: dict[str, Counter], pairs: list[tuple[Path, Path, Path | None]]) -> list[str]:
    """What each output adds to its input's findings (and to those of the workbook the input
    was made from: a damaged input the SDK cannot walk hides the findings it has)."""
    added = []
    for source, output, base in pairs:
        known = findings[str(source)] | (findings[str(base)] if base else Counter())
        extra = findings[str(output)] - known
        if extra:
            added.append(f"{output.name} (from {source}): {sorted(extra)[:5]}")
    return added


def test_fuzz_survivors_add_no_sdk_finding(survivors, tmp_path: Path) -> None:
    pairs = survivors[:8]
    if not pairs:
        pytest.skip("no fuzz case was written this time")
    files = sorted({p for pair in pairs for p in pair}, key=str)
    findings = sdk_findings(files, tmp_path)
    assert not _added(findings, pairs)


def test_corpus_workbooks_with_our_sheets_add_no_sdk_finding(bases: list[Path], tmp_path: Path) -> None:
    if not CORPUS.is_dir():
        pytest.skip(f"corpus not found at {CORPUS}")
    from parcom_excel.core import run
    from parcom_excel.io.files import FileAdapter
    from parcom_excel.io.package import write_outputs

    outputs = run(FileAdapter(bases[0]), write=False).outputs
    pairs = []
    for source in sorted(CORPUS.glob("*.xls[xm]")):
        out = tmp_path / source.name
        write_outputs(source, outputs, out)
        pairs.append((source, out, None))
    findings = sdk_findings([p for source, out, _ in pairs for p in (source, out)], tmp_path)
    assert not _added(findings, pairs)


if __name__ == "__main__":  # the cases, in a fresh interpreter (see `survivors`)
    target = Path(sys.argv[1])
    target.write_text(json.dumps(cases(target.parent, [Path(p) for p in sys.argv[2:]])), "utf-8")
