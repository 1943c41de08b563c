"""The workbench's side panels, one widget per module, each with its own bindings and messages:
``concepts`` (the current segment's concepts), ``issues`` (the document's issues: jump, fix,
ignore) and ``glossary`` (search, add a term, change a term's status)."""

from termwise.tui.panels.concepts import ConceptPanel, describe_concept
from termwise.tui.panels.glossary import GlossaryPanel
from termwise.tui.panels.issues import ISSUES_PER_PAGE, IssuePage, IssuesPanel

__all__ = [
    "ISSUES_PER_PAGE",
    "ConceptPanel",
    "GlossaryPanel",
    "IssuePage",
    "IssuesPanel",
    "describe_concept",
]
