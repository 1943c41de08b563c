"""A page printed to PDF by headless Chromium and read back with pdftotext, as a user who
prints a web page and opens the PDF in termwise gets its text: the tests of reading PDF text
check the reader against real prints, not only against text laid out by hand."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest


def printed_text(page: Path, *, header_and_footer: bool = True) -> str:
    """pdftotext's text of ``page`` as Chromium prints it (pages split by form feeds); the PDF
    is left beside the page as ``<stem>.pdf``.

    ``header_and_footer`` is Chromium's own: the date and title atop each page, the address
    and "n/m" at its foot. The test is skipped where either program is absent."""
    if shutil.which("pdftotext") is None:
        pytest.skip("pdftotext (poppler-utils) absent")
    browser = shutil.which("chromium") or shutil.which("chromium-browser")
    if browser is None:
        pytest.skip("no chromium to print the PDF with")
    pdf = page.with_suffix(".pdf")
    subprocess.run(
        [
            browser,
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            *([] if header_and_footer else ["--no-pdf-header-footer"]),
            # A profile of its own: nothing from another print or the user's browser.
            f"--user-data-dir={page.parent / 'profile'}",
            f"--print-to-pdf={pdf}",
            page.as_uri(),
        ],
        check=True,
        capture_output=True,
        timeout=120,
    )
    return subprocess.run(
        ["pdftotext", str(pdf), "-"],
        check=True,
        capture_output=True,
        encoding="utf-8",
        timeout=60,
    ).stdout
