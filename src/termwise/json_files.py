"""Reading the small JSON files a project keeps beside its translations.

The segmentation overrides, segment id aliases, ignored issues and rejected terms are JSON
that a person may edit by hand and a merge may damage. They are all read here, so that every
kind of damage is one ``InputError`` naming the file (and, where the parser knows them, the
line and column): invalid UTF-8, a syntax error, or nesting deeper than Python's parser
follows, which would otherwise escape as a ``RecursionError`` (``loads`` does the same for
JSON that comes from an archive or the network). What the data must look like is each
reader's own business.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from termwise.errors import InputError
from termwise.input_files import read_input


def loads(text: str | bytes) -> Any:
    """``json.loads``, with nesting too deep for Python's parser a ``ValueError`` like every
    other malformed JSON; for JSON read from an archive or the network."""
    try:
        return json.loads(text)
    except RecursionError:
        raise ValueError("nested too deeply") from None


def read_json(path: str | Path, what: str) -> Any:
    """The parsed content of the JSON file at ``path``; ``what`` names the kind of file in
    errors ("a segmentation override file")."""
    file_path = Path(path)
    data = read_input(file_path)
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise InputError(f"not {what}: not UTF-8 text", file_path, offset=error.start) from None
    try:
        return json.loads(text)
    except json.JSONDecodeError as error:
        raise InputError(
            f"not {what}: {error.msg}", file_path, line=error.lineno, column=error.colno
        ) from None
    except RecursionError:
        raise InputError(f"not {what}: nested too deeply", file_path) from None
