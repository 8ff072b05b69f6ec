"""Fill the templates with the dossier's facts and write one .docx per document (and PDFs).

The command line (`parcom documents`) and the Evaluate button both call `write_dossier` with the
evaluation they made. Templates come from the office's folder when one is named (a file it
lacks falls back to the built-in one, and the output says so), else from `templates.py`.
"""

from __future__ import annotations

import io
import os
import re
import shutil
import subprocess
import tempfile
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

from ..i18n import render
from ..problems import ParcomError
from ..rules.evaluate import Evaluation
from .context import Council, build_dossier, gaps_in
from .registry import BY_KIND, DOCUMENTS, OURS

PDF_TIMEOUT = 300  # seconds for LibreOffice to convert the whole dossier


@dataclass
class DossierResult:
    folder: Path
    files: list[Path] = field(default_factory=list)
    pdfs: list[Path] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)  # rendered sentences for the user
    gaps: int = 0
    pending: list[str] = field(default_factory=list)  # the council's decisions still to make

    @property
    def final(self) -> bool:
        return not self.pending

    def summary(self, lang: str) -> str:
        lines = [render("docs_written", lang, count=len(self.files), folder=self.folder)]
        lines += [f"- {path.name}" for path in self.files]
        if self.pending:
            lines.append(render("docs_draft", lang, count=len(self.pending)))
            lines += [f"  - {line}" for line in self.pending]
        else:
            lines.append(render("docs_final", lang))
        if self.gaps:
            lines.append(render("docs_gaps", lang, count=self.gaps))
        lines += self.notes
        return "\n".join(lines)


def safe_code(code: str) -> str:
    """A code as part of a file name every system accepts."""
    return re.sub(r"[^A-Za-z0-9_-]+", "_", code).strip("_") or "x"


def default_folder(book: Path) -> Path:
    """The folder beside the workbook, named after it: so_theo_doi.xlsx -> so_theo_doi_ho_so/."""
    return book.with_name(f"{book.stem}_ho_so")


class Templates:
    """Where each template comes from: the office's folder, or the built-in one."""

    def __init__(self, lang: str, folder: Path | None) -> None:
        self.lang, self.folder = lang, folder
        self.notes: list[str] = []
        if folder is not None and not folder.is_dir():
            raise ParcomError("docs_template_missing_dir", folder=str(folder))

    def load(self, kind: str) -> tuple[bytes, str]:
        name = BY_KIND[kind].template
        if self.folder is not None:
            path = self.folder / name
            if path.is_file():
                return path.read_bytes(), str(path)
            self.notes.append(render("docs_template_default", self.lang, folder=self.folder, file=name))
        return BY_KIND[kind].build(self.lang), name


def fill(template: bytes, context: dict[str, Any], name: str, lang: str = "vi") -> bytes:
    """The template filled with `context`; an unknown placeholder or a broken tag is one sentence."""
    import jinja2
    from docxtpl import DocxTemplate

    env = jinja2.Environment(undefined=jinja2.StrictUndefined, autoescape=True)
    try:
        document = DocxTemplate(io.BytesIO(template))
        document.render(context, env, autoescape=True)
    except jinja2.UndefinedError as exc:
        unknown = re.search(r"'([^']+)' is undefined|has no attribute '([^']+)'", str(exc))
        word = next((g for g in unknown.groups() if g), str(exc)) if unknown else str(exc)
        raise ParcomError(
            "docs_template_bad", file=name, detail=render("docs_template_unknown", lang, name=word)
        ) from exc
    except jinja2.TemplateError as exc:
        raise ParcomError("docs_template_bad", file=name, detail=str(exc)) from exc
    except Exception as exc:  # not a Word file at all
        raise ParcomError("docs_template_bad", file=name, detail=f"{type(exc).__name__}: {exc}") from exc
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def _write(folder: Path, name: str, data: bytes) -> Path:
    """Through a temporary file beside the target, so a failed write leaves the old file whole."""
    target = folder / name
    handle, temp = tempfile.mkstemp(prefix=".~parcom_", suffix=".docx", dir=folder)
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
        os.chmod(temp, 0o644)
        os.replace(temp, target)
    except OSError as exc:
        Path(temp).unlink(missing_ok=True)
        raise ParcomError("docs_not_writable", folder=str(folder), detail=exc.strerror or str(exc)) from exc
    return target


def _document_text(data: bytes) -> str:
    import zipfile

    with zipfile.ZipFile(io.BytesIO(data)) as package:
        return package.read("word/document.xml").decode("utf-8")


def write_dossier(
    evaluation: Evaluation,
    folder: Path,
    *,
    lang: str = "vi",
    when: datetime | None = None,
    templates: Path | None = None,
    pdf: bool = False,
    council: Council | None = None,
) -> DossierResult:
    """Draft every document of the dossier into `folder` (created if needed)."""
    if templates is None and evaluation.world.settings.templates_dir:
        templates = Path(evaluation.world.settings.templates_dir)
    source = Templates(lang, templates)
    dossier = build_dossier(evaluation, lang, when, council)
    common = dossier.common
    jobs = [  # (template kind, output name, context), in the registry's order
        (document.kind, document.output.format(safe_code(part)) if part else document.output, context)
        for document in DOCUMENTS
        for part, context in document.files(dossier)
    ]
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise ParcomError("docs_not_writable", folder=str(folder), detail=exc.strerror or str(exc)) from exc
    rendered = []
    cache: dict[str, tuple[bytes, str]] = {}
    for kind, name, context in jobs:  # every document rendered before any is written
        if kind not in cache:
            cache[kind] = source.load(kind)
        template, template_name = cache[kind]
        rendered.append((f"{name}.docx", fill(template, {**common, **context}, template_name, lang)))
    result = DossierResult(folder)
    keep = {name for name, _ in rendered}
    for old in folder.iterdir():  # earlier drafts that no longer match the data
        if OURS.match(old.name) and old.name not in keep:  # stale PDFs too: made again below
            old.unlink(missing_ok=True)
    for name, data in rendered:
        result.files.append(_write(folder, name, data))
        result.gaps += gaps_in(_document_text(data))
    result.notes += source.notes
    result.pending = dossier.pending
    if dossier.submission is None:
        result.notes.append(render("docs_none_bk", lang))
    if dossier.decision is None:
        result.notes.append(render("docs_none_gk", lang))
    if pdf:
        result.pdfs, note = to_pdf(result.files, folder, lang)
        result.notes.append(note)
    return result


def soffice() -> str | None:
    return shutil.which("soffice") or shutil.which("libreoffice")


def to_pdf(files: list[Path], folder: Path, lang: str) -> tuple[list[Path], str]:
    """Convert through LibreOffice when it is installed; say plainly when it is not."""
    program = soffice()
    if program is None:
        return [], render("docs_pdf_missing", lang)
    with tempfile.TemporaryDirectory(prefix="parcom_lo_") as profile:
        command = [
            program,
            f"-env:UserInstallation={Path(profile).as_uri()}",
            "--headless",
            "--convert-to",
            "pdf",
            "--outdir",
            str(folder),
            *(str(f) for f in files),
        ]
        try:
            done = subprocess.run(command, capture_output=True, text=True, timeout=PDF_TIMEOUT, check=False)
            detail = (done.stderr or done.stdout or "").strip().splitlines()[-1:] or [
                f"exit {done.returncode}"
            ]
        except (OSError, subprocess.TimeoutExpired) as exc:
            detail = [type(exc).__name__]
    pdfs = [f.with_suffix(".pdf") for f in files if f.with_suffix(".pdf").is_file()]
    if len(pdfs) < len(files):
        missing = next(f for f in files if not f.with_suffix(".pdf").is_file())
        return pdfs, render("docs_pdf_failed", lang, file=missing.name, detail=detail[0])
    return pdfs, render("docs_pdf_done", lang, count=len(pdfs))
