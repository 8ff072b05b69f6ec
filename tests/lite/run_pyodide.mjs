// Runs tests/lite/harness.py inside Pyodide under Node, as xlwings Lite runs a workbook's main.py.
// node run_pyodide.mjs PYODIDE_DIR WHEELS_DIR FOLDER
// Wheels come from WHEELS_DIR only (pip-downloaded from PyPI by .ci/lite_setup): micropip installs
// them from Emscripten's file system (emfs:), so nothing is fetched from the network here.
import { readFileSync, readdirSync } from "node:fs";
import path from "node:path";

const [pyodideDir, wheelsDir, folder] = process.argv.slice(2);
const { loadPyodide } = await import(path.join(pyodideDir, "pyodide.mjs"));
const py = await loadPyodide({ indexURL: pyodideDir + "/", packageCacheDir: path.join(folder, ".pyodide-cache") });
py.FS.mkdirTree("/wheels");
py.FS.mount(py.FS.filesystems.NODEFS, { root: wheelsDir }, "/wheels");
py.FS.mkdirTree("/work");
py.FS.mount(py.FS.filesystems.NODEFS, { root: folder }, "/work");
py.FS.mkdirTree("/harness");
py.FS.writeFile("/harness/harness.py", readFileSync(new URL("./harness.py", import.meta.url)));
const wheels = readdirSync(wheelsDir).filter((name) => name.endsWith(".whl"));
py.globals.set("WHEELS", py.toPy(wheels));
py.globals.set("LICENSE", process.env.XLWINGS_LICENSE_KEY || "");
const installed = await py.runPythonAsync(`
import os, site, sys, zipfile
os.environ["XLWINGS_LICENSE_KEY"] = LICENSE  # the remote engine's key, as the test was given it
from pathlib import Path
# micropip itself is a pure-Python wheel: unpacked by hand, since loadPackage would fetch it from the CDN
for name in ("micropip-", "packaging-"):
    wheel = next(w for w in WHEELS if w.startswith(name))
    zipfile.ZipFile(f"/wheels/{wheel}").extractall(site.getsitepackages()[0])
import micropip
others = sorted(w for w in WHEELS if not w.startswith(("micropip-", "packaging-")))
await micropip.install([f"emfs:/wheels/{w}" for w in others], deps=False)
sys.path.insert(0, "/harness")
import harness
await harness.run("/work")
", ".join(sorted(micropip.list()))
`);
console.log(`pyodide ${py.version}: installed ${installed}`);
