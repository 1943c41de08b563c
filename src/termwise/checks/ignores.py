"""False alarms a translator chose to ignore, with the reason, kept in the project.

An ignore is keyed by check id, segment id, side, the flagged text, the concept (for a
terminology issue: "term-missing" flags no text, and a segment may miss three concepts'
terms) and (for target issues) the target language, never by line or offset: segment ids
survive edits elsewhere in the document (and termwise's own terminology fixes), so an
ignore stays attached to its segment while the text around it changes, and lapses only
when the flagged text itself changes.

The file is ``translations/<stem>.ignores.json``, one per document for all languages, written
atomically with a backup like every other file a person's work lives in.
"""

from __future__ import annotations

import datetime as _dt
import hashlib
import json
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

from termwise.atomic import write_atomic
from termwise.checks.issue import Issue
from termwise.errors import InputError
from termwise.json_files import read_json
from termwise.project.layout import ProjectLayout


@dataclass(frozen=True)
class IgnoredIssue:
    """One ignore: which issue and why."""

    check: str
    segment: str
    side: str
    text: str
    reason: str
    lang: str | None = None
    added: str | None = None
    concept: str | None = None

    @property
    def key(self) -> IgnoreKey:
        return (self.check, self.segment, self.side, _normal(self.text), self.lang, self.concept)


# check, segment, side, flagged text, target language, concept.
IgnoreKey = tuple[str, str, str, str, str | None, str | None]


def _normal(text: str) -> str:
    return " ".join(text.split())


def issue_id(issue: Issue, lang: str | None) -> str:
    """A short stable id for an issue (what ``check --ignore ID`` names), from its ignore key."""
    parts = [
        issue.check,
        issue.segment_id,
        issue.side,
        _normal(issue.text),
        (lang or "") if issue.side == "target" else "",
    ]
    if issue.concept:
        # Three concepts' terms missing from one segment are three issues, three ids.
        parts.append(issue.concept)
    return hashlib.sha1("\x1f".join(parts).encode("utf-8")).hexdigest()[:10]


def ignores_file(layout: ProjectLayout, document: str | Path) -> Path:
    """``translations/<stem>.ignores.json``."""
    return layout.translations_dir / f"{Path(document).stem}.ignores.json"


class IgnoreStore:
    """The ignores of one document; load, query, add, remove, save."""

    def __init__(self, path: Path, entries: list[IgnoredIssue] | None = None) -> None:
        self.path = path
        self.entries: list[IgnoredIssue] = list(entries or [])
        self._keys = {entry.key for entry in self.entries}

    @classmethod
    def for_document(cls, layout: ProjectLayout, document: str | Path) -> IgnoreStore:
        return cls.load(ignores_file(layout, document))

    @classmethod
    def load(cls, path: str | Path) -> IgnoreStore:
        """Read the store; a missing file is an empty store, a damaged one an ``InputError``."""
        target = Path(path)
        if not target.exists():
            return cls(target)
        data = read_json(target, "a list of ignored issues")
        raw = data.get("ignored") if isinstance(data, dict) else None
        if not isinstance(raw, list):
            raise InputError('expected an object with an "ignored" list', target)
        entries = []
        for number, item in enumerate(raw, start=1):
            entries.append(_entry(item, target, number))
        return cls(target, entries)

    def key_for(self, issue: Issue, lang: str | None) -> IgnoreKey:
        return (
            issue.check,
            issue.segment_id,
            issue.side,
            _normal(issue.text),
            lang if issue.side == "target" else None,
            issue.concept,
        )

    def _stored_key(self, issue: Issue, lang: str | None) -> IgnoreKey | None:
        """The key under which ``issue`` is ignored, if it is."""
        key = self.key_for(issue, lang)
        if key in self._keys:
            return key
        # An ignore written before concepts were recorded still holds where the flagged text
        # tells the concept; one of an issue without text ("term-missing") lapses, since it
        # dismissed every concept's issue in the segment at once.
        legacy: IgnoreKey = (*key[:5], None)
        if key[5] and key[3] and legacy in self._keys:
            return legacy
        return None

    def is_ignored(self, issue: Issue, lang: str | None = None) -> bool:
        return self._stored_key(issue, lang) is not None

    def add(self, issue: Issue, reason: str, *, lang: str | None = None) -> IgnoredIssue:
        """Ignore ``issue`` (``lang`` is the target language for target issues)."""
        if not reason.strip():
            raise ValueError("an ignore needs a reason")
        key = self.key_for(issue, lang)
        entry = IgnoredIssue(
            check=issue.check,
            segment=issue.segment_id,
            side=issue.side,
            text=issue.text,
            reason=reason.strip(),
            lang=key[4],
            concept=issue.concept,
            added=_dt.datetime.now(_dt.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ"),
        )
        self.entries = [existing for existing in self.entries if existing.key != key]
        self.entries.append(entry)
        self._keys.add(key)
        return entry

    def remove(self, issue: Issue, lang: str | None = None) -> bool:
        key = self._stored_key(issue, lang)
        if key is None:
            return False
        before = len(self.entries)
        self.entries = [entry for entry in self.entries if entry.key != key]
        self._keys.discard(key)
        return len(self.entries) != before

    def reason(self, issue: Issue, lang: str | None = None) -> str | None:
        key = self._stored_key(issue, lang)
        return next((entry.reason for entry in self.entries if entry.key == key), None)

    def snapshot(self) -> tuple[IgnoredIssue, ...]:
        """The ignores as they are, for undo to put back."""
        return tuple(self.entries)

    def restore(self, entries: tuple[IgnoredIssue, ...]) -> None:
        self.entries = list(entries)
        self._keys = {entry.key for entry in self.entries}

    def save(self) -> None:
        payload = {"ignored": [asdict(entry) for entry in self.entries]}
        text = json.dumps(payload, ensure_ascii=False, indent=2) + "\n"
        write_atomic(self.path, text, backup=True)


def _entry(item: Any, path: Path, number: int) -> IgnoredIssue:
    fields = ("check", "segment", "side", "text", "reason")
    if not isinstance(item, dict) or not all(isinstance(item.get(f), str) for f in fields):
        raise InputError(f"ignore #{number} needs the strings {', '.join(fields)}", path)
    if item["side"] not in ("source", "target"):
        raise InputError(f"ignore #{number}: side must be source or target", path)
    lang = item.get("lang")
    added = item.get("added")
    concept = item.get("concept")
    return IgnoredIssue(
        check=item["check"],
        segment=item["segment"],
        side=item["side"],
        text=item["text"],
        reason=item["reason"],
        lang=str(lang) if lang is not None else None,
        added=str(added) if added is not None else None,
        concept=str(concept) if concept is not None else None,
    )
