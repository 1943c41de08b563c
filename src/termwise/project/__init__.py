"""The project: a document's translations on disk, and the work carried across its changes.

One module per job, so a newcomer knows where to look:

* ``units``: the translation model (``TranslationUnit``, ``SegmentState``);
* ``translation_file``: ``TranslationFile``, one document's translation into one language;
* ``po_format``: the PO reader and writer (the strict syntax check, Babel's catalog);
* ``store``: atomic saves, the disk fingerprint and the three-way merge with the disk;
* ``entry_spans`` and ``parse_cache``: what keeps saving and opening a book fast;
* ``translations``: opening a translation beside its document (``load_source``,
  ``open_translation``) and carrying work over when the source changes;
* ``interchange`` and ``importing``: TMX, XLIFF and PO from other tools brought in;
  ``tmx`` writes TMX (exports, and the units an import could not place);
* ``layout`` (where a project keeps things) and ``progress`` (counts per state).

Modules are imported by name (``termwise.project.translation_file``): importing the package
loads nothing.
"""
