"""termwise.document: reading documents into headings and sentences with stable ids.

``load_document`` reads a file (plain text as PDF extraction gives it, Markdown, .docx),
``parse_document`` a string, and ``split_sentences`` splits one paragraph.
"""

from termwise.document.model import Document, Segment, SegmentKind
from termwise.document.reading import load_document, parse_document
from termwise.document.segmentation import split_sentences

__all__ = [
    "Document",
    "Segment",
    "SegmentKind",
    "load_document",
    "parse_document",
    "split_sentences",
]
