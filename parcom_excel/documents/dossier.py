"""Fill the templates with the dossier's facts and write one .docx per document (and PDFs).

The command line (`parcom documents`) and the Evaluate button both call `write_dossier` with the
evaluation they made. Templates come from the office's folder when one is named (a file it
lacks falls back to the built-in one, and the output says so), else from `templates.py`.
"""

from __future__ import annotations

import io
import re
import shutil
import subprocess
import tempfile
import unicodedata
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

from ..i18n import render
from ..io.safety import keep_apart, name_digest, write_set
from ..problems import ParcomError
from ..rules.evaluate import Evaluation
from .context import Council, build_dossier, gaps_in
from .registry import BY_KIND, DOCUMENTS, OURS

PDF_TIMEOUT = 300  # seconds for LibreOffice to convert the whole dossier
NAME_PART = 40  # characters of a nominee's name in a report's file name
CODE_PART = 24  # characters of a code; a longer one is cut and keeps a hash of the whole
_LEGACY_TEMP = re.compile(r"^\.~parcom_[A-Za-z0-9_]{8}\.docx$")  # versions before the set was one unit


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


def safe_code(text: str, limit: int | None = None) -> str:
    """Text as part of a file name every system accepts: Vietnamese letters without their marks
    (Đ as D), anything else but letters and digits as "_", at most `limit` characters (a longer
    text is cut and ends in a hash of the whole, so two long codes stay apart)."""
    plain = unicodedata.normalize("NFKD", text.replace("đ", "d").replace("Đ", "D"))
    plain = "".join(ch for ch in plain if not unicodedata.combining(ch))
    word = re.sub(r"[^A-Za-z0-9]+", "_", plain).strip("_") or "x"
    if limit is None or len(word) <= limit:
        return word
    return f"{word[: limit - 9].rstrip('_')}_{name_digest(text, 8)}"


def report_names(
    nominees: list[tuple[str, str]], output: str | None = None, lang: str = "vi"
) -> tuple[dict[str, str], list[str]]:
    """Each nominee's part of its report's file name (`output` with "{}"): name then code,
    readable and bounded; codes that still meet on one name (once case is folded, as Windows
    folds it) each get a suffix from their own code, and a note names them all. `nominees`:
    (code, name)."""
    output = output or BY_KIND["report_person"].output
    parts = {code: f"{safe_code(name, NAME_PART)}_{safe_code(code, CODE_PART)}" for code, name in nominees}
    notes = []
    for codes in keep_apart(parts, lambda code, part: f"{part}_{name_digest(code)}"):
        files = ", ".join(f"{code} → {output.format(parts[code])}.docx" for code in codes)
        notes.append(render("docs_names_collide", lang, codes=", ".join(codes), files=files))
    return parts, notes


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
    names = {(c.kind, c.id): c.name for c in evaluation.units + evaluation.people}
    nominees = [(code, names.get((kind, code), "")) for code, kind, _ in dossier.reports]
    parts, collisions = report_names(nominees, BY_KIND["report_person"].output, lang)
    jobs = [  # (template kind, output name, context), in the registry's order
        (
            document.kind,
            document.output.format(parts.get(part) or safe_code(part)) if part else document.output,
            context,
        )
        for document in DOCUMENTS
        for part, context in document.files(dossier)
    ]
    rendered: dict[str, bytes] = {}
    cache: dict[str, tuple[bytes, str]] = {}
    for kind, name, context in jobs:  # every document rendered before any is written
        if kind not in cache:
            cache[kind] = source.load(kind)
        template, template_name = cache[kind]
        rendered[f"{name}.docx"] = fill(template, {**common, **context}, template_name, lang)
    result = DossierResult(folder, notes=list(collisions))
    converted: list[str] = []

    def convert(stage: Path) -> list[str]:
        pdfs, note = to_pdf([stage / name for name in rendered], stage, lang)
        converted.append(note)
        return [p.name for p in pdfs]

    written = write_set(  # one unit: every draft (and PDF) replaced together, or none
        folder,
        dict(rendered),
        ours=lambda name: bool(OURS.match(name) or _LEGACY_TEMP.match(name)),
        then=convert if pdf else None,
        expect=[name[: -len(".docx")] + ".pdf" for name in rendered] if pdf else [],
    )
    result.files = [p for p in written if p.suffix == ".docx"]
    result.pdfs = [p for p in written if p.suffix == ".pdf"]
    result.gaps = sum(gaps_in(_document_text(data)) for data in rendered.values())
    result.notes += source.notes
    result.pending = dossier.pending
    if dossier.submission is None:
        result.notes.append(render("docs_none_bk", lang))
    if dossier.decision is None:
        result.notes.append(render("docs_none_gk", lang))
    result.notes += converted
    return result


def soffice() -> str | None:
    return shutil.which("soffice") or shutil.which("libreoffice")


def to_pdf(files: list[Path], folder: Path, lang: str) -> tuple[list[Path], str]:
    """Convert through LibreOffice when it is installed; say plainly when it is not."""
    program = soffice()
    if program is None:
        return [], render("docs_pdf_missing", lang)
    # LibreOffice's profile lives in `folder` (the dossier's stage): a run killed during the
    # conversion leaves it where the next run removes the stage, never in the system temp folder.
    with tempfile.TemporaryDirectory(prefix=".parcom-lo.", dir=folder) as profile:
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
