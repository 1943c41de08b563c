"""Exports: bilingual editions and interchange files made from a project's translations.

``edition`` decides what an edition shows; ``formats`` registers every export format by name,
written by ``html``, ``text_formats`` (Markdown, plain text) and ``docx_edition`` (Word), which
lay out a Markdown source's inline markup as ``markdown_inline`` reads it; ``docx_source``
reads from a Word source what its reader leaves out (bold and italic, page headers and footers);
``xliff`` (and ``termwise.project.tmx``) hand translations to other CAT tools; ``commands`` is ``termwise export``.
Modules are imported by name: importing the package loads nothing.
"""
