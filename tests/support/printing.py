"""What Chromium prints of the page open in a tab: each A4 sheet's text (Chromium's own PDF, read
back with pypdf), for the print tests (test_print_browser.py, test_planner_browser.py)."""

from __future__ import annotations

import io

from pypdf import PdfReader


def printed_sheets(page) -> list[str]:
    """The text of each A4 page Chromium prints of the page open now (with its own print rules),
    in the order it is drawn on the page (pypdf's plain order puts a glossary term's words last)."""
    page.emulate_media(media="print")
    reader = PdfReader(io.BytesIO(page.pdf(format="A4")))
    return [sheet.extract_text(extraction_mode="layout") or "" for sheet in reader.pages]


def blank_pages(printed: list[str]) -> list[int]:
    """The numbers (from 1) of the sheets with nothing on them, or nothing but the page's "This page
    last changed on …" line, which a short last block left alone on a page of its own."""
    return [number for number, text in enumerate(printed, 1)
            if not text.strip() or " ".join(text.split()).startswith("This page last changed on")]
