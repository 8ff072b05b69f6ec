"""The dossier (SPEC §5): Word documents drafted from the evaluation.

`context.py` gathers the facts (a pure function of the evaluation and the settings),
`templates.py` builds the Word templates that hold the wording, and `dossier.py` fills them
with docxtpl, writes one .docx per document and, when LibreOffice is present, the PDFs.
"""
