"""Segment ids that survive edits elsewhere in the document.

An id is a short hash of the segment's own text (whitespace collapsed, Unicode NFC), so
editing one paragraph changes only the ids of that paragraph's segments; re-segmenting after
any other change gives every other segment the id it had. A text that occurs more than once
gets ``-2``, ``-3``... in document order. When termwise itself edits a segment (a terminology
fix), the new text would hash to a new id; an alias map (new content id → kept id, saved in
``translations/<stem>.ids.json``) gives the segment back the id its translation is filed under.
"""

from __future__ import annotations

import hashlib
import re
import sys
import unicodedata
from collections.abc import Iterable, Mapping

ID_LENGTH = 12  # hex digits: 48 bits, so a 500,000-segment book rarely sees a collision
# Whitespace other than the plain space; ``\s`` and ``str.split()`` use one Unicode table.
_OTHER_WHITESPACE = re.compile(r"[^\S ]")
_TO_SPACE = {code: " " for code in range(sys.maxunicode + 1) if chr(code).isspace() and code != 32}


def content_key(text: str) -> str:
    """A segment's text as ids and matching see it: Unicode NFC, whitespace runs collapsed.

    Ids hash it; translations carried over by source text, units imported from TMX, XLIFF or
    PO and units paired with segments for checking all compare it, so that a text matches
    its segment exactly when it would get the segment's id.

    The same text as ``" ".join(text.split())``, made without a string object per word
    (a 50 MB segment took 900 MB that way, and a substitution as much): whole-string
    operations only, and none at all for text that is already collapsed."""
    if _OTHER_WHITESPACE.search(text):
        text = text.translate(_TO_SPACE)
    while "  " in text:
        text = text.replace("  ", " ")
    return unicodedata.normalize("NFC", text.strip(" "))


def content_hash(text: str) -> str:
    digest = hashlib.blake2b(content_key(text).encode("utf-8"), digest_size=ID_LENGTH // 2)
    return digest.hexdigest()


def content_ids(texts: Iterable[str]) -> list[str]:
    """Ids from content alone: the hash, with ``-n`` for the n-th repeat of the same hash."""
    seen: dict[str, int] = {}
    ids: list[str] = []
    for text in texts:
        digest = content_hash(text)
        count = seen.get(digest, 0) + 1
        seen[digest] = count
        ids.append(digest if count == 1 else f"{digest}-{count}")
    return ids


def assign_ids(texts: Iterable[str], aliases: Mapping[str, str] | None = None) -> list[str]:
    """Final ids: content ids, replaced by their alias where one is recorded.

    An alias wins only once and only when no other segment of the document already holds its
    id as content id; otherwise two segments would share an id. A segment edited twice leaves
    two keys for one kept id; the key whose text is in the document now is the one that
    counts, and if several are, the later entry (insertion order, which JSON keeps).
    """
    ids = content_ids(texts)
    if not aliases:
        return ids
    present = set(ids)
    current: dict[str, str] = {}
    for content_id, kept in aliases.items():
        if content_id in present:
            current[kept] = content_id
    used: set[str] = set()
    final: list[str] = []
    for content_id in ids:
        alias = aliases.get(content_id)
        if (
            alias is not None
            and current.get(alias) == content_id
            and alias not in used
            and alias not in present
        ):
            used.add(alias)
            final.append(alias)
        else:
            final.append(content_id)
    return final
