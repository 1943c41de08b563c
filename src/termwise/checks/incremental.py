"""Checks kept up to date while a translator edits: only the segments that changed are checked.

A full run over a 50,000-segment book takes seconds, and the workbench checks again after
every pause in typing; yet after one edit nearly every segment would give the same issues
again. ``IncrementalChecker`` keeps, for each segment, the ``Pair`` it checked (with its term
matches) and the issues that the per-segment checks found in it. A run checks again only the
segments whose source, translation or kind changed; the checks that compare segments with
each other (consistency, term variation) still see the whole document, but reuse every
unchanged segment's term matches, so they cost a pass over plain data.

The result is the same as ``run_checks`` on the same texts (a test compares them).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from collections.abc import Set as AbstractSet
from typing import TYPE_CHECKING

from termwise import languages
from termwise.checks.config import CheckConfig
from termwise.checks.context import CheckContext, Pair, PluralForms
from termwise.checks.issue import Issue
from termwise.checks.runner import (
    collector_paused,
    run_cross_segment_checks,
    run_segment_checks,
    select_checks,
    sort_issues,
    without_kept_text,
)
from termwise.checks.waiting import Parts, waiting_parts
from termwise.document.model import Document, SegmentKind

if TYPE_CHECKING:
    from termwise.checks.ignores import IgnoreStore
    from termwise.glossary.model import Glossary


SLICE = 5000


class IncrementalChecker:
    """Checks for one document and target language, with what earlier runs found kept.

    Make a new one when the glossary or the check configuration changes: what it keeps was
    found under them. Not thread-safe: one run at a time.
    """

    def __init__(
        self,
        *,
        source_lang: str,
        target_lang: str | None,
        glossary: Glossary | None,
        config: CheckConfig | None = None,
    ) -> None:
        self.context = CheckContext(
            source_lang=languages.normalize(source_lang),
            target_lang=languages.normalize(target_lang) if target_lang else None,
            glossary=glossary,
            config=config or CheckConfig(),
        )
        self.checks, self.skipped = select_checks(self.context)
        self._pairs: dict[str, Pair] = {}
        self._found: dict[str, list[Issue]] = {}
        self._text = ""
        # The holders and waiting parts of the last run (see ``_rest_of_groups``).
        self._grouped: AbstractSet[str] = frozenset()
        # How many segments the last run checked again (tests and the benchmark read it).
        self.rechecked = 0

    def run(
        self,
        document: Document,
        targets: Mapping[str, str],
        ignores: IgnoreStore | None = None,
        left_out: AbstractSet[str] = frozenset(),
        read_only: AbstractSet[str] = frozenset(),
        *,
        plurals: Mapping[str, PluralForms] | None = None,
        flags: Mapping[str, frozenset[str]] | None = None,
        waiting: Mapping[str, str] | None = None,
    ) -> list[Issue]:
        """Every issue in ``document`` with these translations, in document order
        (``left_out``: segments the translator confirmed the translation leaves out;
        ``read_only``: segments whose translation keeps the text as it is; ``plurals``,
        ``flags`` and ``waiting``: the entries' plural forms, PO flags and parts waiting for
        another's translation, see ``checks.entries``)."""
        # One document's checker: the format is the same from run to run.
        self.context.read_format(document)
        parts = waiting_parts(document, waiting) if waiting else {}
        with collector_paused():
            return self._run(
                document, targets, ignores, left_out, read_only, plurals or {}, flags or {}, parts
            )

    def _run(
        self,
        document: Document,
        targets: Mapping[str, str],
        ignores: IgnoreStore | None,
        left_out: AbstractSet[str],
        read_only: AbstractSet[str],
        plurals: Mapping[str, PluralForms],
        flags: Mapping[str, frozenset[str]],
        parts: Mapping[str, Parts],
    ) -> list[Issue]:
        bilingual = self.context.target_lang is not None
        pairs: list[Pair] = []
        changed: list[Pair] = []
        known = self._pairs
        # Whether a segment kept as its source is a name reads the whole source (see
        # ``checks.qa.names``): after an edit anywhere in it, those segments are judged again.
        text = self.context.source_text
        retext = text != self._text
        self._text = text
        for index, segment in enumerate(document.segments):
            target = targets.get(segment.id) if bilingual else None
            heading = segment.kind is SegmentKind.HEADING
            omitted = segment.id in left_out
            locked = segment.id in read_only
            entry_flags = flags.get(segment.id, frozenset())
            plural = plurals.get(segment.id)
            # A holder is checked again when a part waiting on it changes or stops waiting.
            held = parts.get(segment.id, ()) if bilingual else ()
            pair = known.get(segment.id)
            if (
                pair is None
                or pair.source != segment.text
                or pair.target != target
                or pair.is_heading != heading
                or pair.left_out != omitted
                or pair.read_only != locked
                or pair.flags != entry_flags
                or pair.plural != plural
                or pair.waiting != held
            ):
                pair = Pair(
                    segment.id,
                    index,
                    segment.text,
                    target,
                    heading,
                    left_out=omitted,
                    read_only=locked,
                    flags=entry_flags,
                    plural=plural,
                    waiting=held,
                )
                changed.append(pair)
            else:
                pair.index = index
                if retext and target is not None and target.strip() == segment.text.strip():
                    changed.append(pair)
            pairs.append(pair)
        grouped = {
            segment_id
            for holder, held in parts.items()
            for segment_id in (holder, *(part for part, _ in held))
        }
        changed += _rest_of_groups(changed, pairs, grouped | self._grouped)
        self._grouped = grouped
        self.rechecked = len(changed)
        # Screens and consistency keep per-run data in the cache, keyed on the list of pairs
        # they were given: each of the two calls below needs a fresh one.
        fresh: list[Issue] = []
        # In slices: the screens' joined texts and a check's scratch data then stay small
        # while a whole book is checked the first time.
        for start in range(0, len(changed), SLICE):
            self.context.cache.clear()
            fresh += run_segment_checks(self.context, changed[start : start + SLICE], self.checks)
        self.context.cache.clear()
        across = run_cross_segment_checks(self.context, pairs, self.checks)
        found = {pair.segment_id: self._found.get(pair.segment_id, []) for pair in pairs}
        for pair in changed:
            found[pair.segment_id] = []
        for issue in fresh:
            found[issue.segment_id].append(issue)
        self._found = found
        self._pairs = {pair.segment_id: pair for pair in pairs}
        issues = [issue for segment_issues in found.values() for issue in segment_issues]
        issues += across
        issues = without_kept_text(issues, pairs)
        if ignores is not None:
            lang = self.context.target_lang
            issues = [issue for issue in issues if not ignores.is_ignored(issue, lang)]
        return sort_issues(issues, pairs)


def _rest_of_groups(
    changed: Sequence[Pair], pairs: Sequence[Pair], grouped: AbstractSet[str]
) -> list[Pair]:
    """The unchanged ones of ``grouped`` (the holders and their waiting parts, now or at the
    last run: ``checks.waiting``) where one of them changed: a source-side issue found in a
    part's text is its holder's check's, kept under the part, so the two are checked again
    together (the part alone lost it; the holder alone reported it twice)."""
    if not grouped:
        return []
    ids = {pair.segment_id for pair in changed}
    if ids.isdisjoint(grouped):
        return []
    return [pair for pair in pairs if pair.segment_id in grouped and pair.segment_id not in ids]
