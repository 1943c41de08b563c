"""Run the enabled checks over a document and, optionally, its translation.

One pass over the segments runs every per-segment check while the segment's texts and term
matches are at hand; document-level checks run once at the end over all pairs.
"""

from __future__ import annotations

import dataclasses
import gc
from collections.abc import Iterable, Iterator, Mapping, Sequence
from collections.abc import Set as AbstractSet
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from termwise import languages
from termwise.checks.config import CheckConfig
from termwise.checks.context import CheckContext, Pair, PluralForms
from termwise.checks.entries import plural_map
from termwise.checks.folding import capped, fold
from termwise.checks.issue import Issue
from termwise.checks.registry import Check, Scope, all_checks
from termwise.checks.waiting import onto_waiting, waiting_parts, whole_pairs
from termwise.document.model import Document, SegmentKind

if TYPE_CHECKING:
    from termwise.checks.ignores import IgnoreStore
    from termwise.checks.terminology import ConceptVariation
    from termwise.glossary.model import Glossary


@dataclass
class CheckResult:
    """What a run found, what was ignored, and which checks could not run and why."""

    document: Document
    context: CheckContext
    pairs: list[Pair]
    issues: list[Issue]
    ignored: list[Issue] = field(default_factory=list)
    skipped: dict[str, str] = field(default_factory=dict)

    def variations(self) -> list[ConceptVariation]:
        """The variation report over the same term matches the checks used."""
        from termwise.checks.terminology import variation_report

        return variation_report(self.context, shown_pairs(self.context, self.pairs))


def make_pairs(
    document: Document,
    targets: Mapping[str, str] | None,
    left_out: AbstractSet[str] = frozenset(),
    read_only: AbstractSet[str] = frozenset(),
    *,
    plurals: Mapping[str, PluralForms] | None = None,
    flags: Mapping[str, frozenset[str]] | None = None,
    waiting: Mapping[str, str] | None = None,
) -> list[Pair]:
    """One ``Pair`` per segment; a segment missing from ``targets`` has target None;
    ``left_out``: segments the translation leaves out by the translator's decision;
    ``read_only``: segments whose translation keeps the source as it is; ``plurals`` and
    ``flags``: the plural entries' forms and the entries' PO flags (see
    ``checks.plurals.entry_data``); ``waiting``: the parts whose sentence's translation
    another segment holds, each with that segment's id (see ``checks.waiting``)."""
    get = targets.get if targets is not None else None
    plural_of = plurals.get if plurals else None
    flags_of = flags.get if flags else None
    parts = waiting_parts(document, waiting) if waiting and targets is not None else {}
    return [
        Pair(
            segment_id=segment.id,
            index=index,
            source=segment.text,
            target=get(segment.id) if get is not None else None,
            is_heading=segment.kind is SegmentKind.HEADING,
            left_out=segment.id in left_out,
            read_only=segment.id in read_only,
            flags=flags_of(segment.id, frozenset()) if flags_of else frozenset(),
            plural=plural_of(segment.id) if plural_of else None,
            waiting=parts.get(segment.id, ()),
        )
        for index, segment in enumerate(document.segments)
    ]


def select_checks(context: CheckContext) -> tuple[list[Check], dict[str, str]]:
    """The checks that are enabled and can run here, and why the others cannot."""
    chosen: list[Check] = []
    skipped: dict[str, str] = {}
    for check in all_checks():
        if not context.config.is_enabled(check.id):
            skipped[check.id] = "disabled in the configuration"
            continue
        reason = check.unavailable_reason(context)
        if reason is not None:
            skipped[check.id] = reason
            continue
        chosen.append(check)
    return chosen, skipped


def check_document(
    document: Document,
    glossary: Glossary | None,
    *,
    target_lang: str | None = None,
    targets: Mapping[str, str] | None = None,
    config: CheckConfig | None = None,
    ignores: IgnoreStore | None = None,
    plurals: Mapping[str, object] | None = None,
    left_out: AbstractSet[str] = frozenset(),
    read_only: AbstractSet[str] = frozenset(),
    flags: Mapping[str, frozenset[str]] | None = None,
    waiting: Mapping[str, str] | None = None,
) -> CheckResult:
    """Run the checks and keep everything the CLI and the UI need to show the result.

    ``plurals`` maps the segment ids of plural entries to their forms
    (``checks.plurals.PluralForms``), for the ``plural-forms`` and ``placeholders``
    checks, and ``flags`` segment ids to their entries' PO flags (``c-format``...);
    ``left_out`` names the segments the translator confirmed the translation leaves out,
    ``read_only`` those whose translation must keep the text as it is, and ``waiting`` maps
    each part whose sentence's translation another segment holds to that segment's id.
    """
    context = CheckContext(
        source_lang=languages.normalize(document.lang),
        target_lang=languages.normalize(target_lang) if target_lang else None,
        glossary=glossary,
        config=config or CheckConfig(),
    )
    context.read_format(document)
    pairs = make_pairs(
        document,
        targets if context.target_lang else None,
        left_out,
        read_only,
        plurals=plural_map(plurals),
        flags=flags,
        waiting=waiting,
    )
    checks, skipped = select_checks(context)
    issues = _run(context, pairs, checks)
    ignored: list[Issue] = []
    if ignores is not None:
        lang = context.target_lang
        kept: list[Issue] = []
        for issue in issues:
            (ignored if ignores.is_ignored(issue, lang) else kept).append(issue)
        issues = kept
    return CheckResult(document, context, pairs, issues, ignored, skipped)


def run_checks(
    document: Document,
    glossary: Glossary | None,
    *,
    target_lang: str | None = None,
    targets: Mapping[str, str] | None = None,
    config: CheckConfig | None = None,
    ignores: IgnoreStore | None = None,
) -> list[Issue]:
    """Every issue the enabled checks find, in document order (see ``check_document``)."""
    return check_document(
        document,
        glossary,
        target_lang=target_lang,
        targets=targets,
        config=config,
        ignores=ignores,
    ).issues


def _run(context: CheckContext, pairs: Sequence[Pair], checks: Sequence[Check]) -> list[Issue]:
    with collector_paused():
        issues = run_segment_checks(context, pairs, checks)
        issues += run_cross_segment_checks(context, pairs, checks)
    return sort_issues(without_kept_text(issues, pairs), pairs)


def without_kept_text(issues: list[Issue], pairs: Sequence[Pair]) -> list[Issue]:
    """``issues`` less those of the translations of read-only segments that keep their
    source as it is: that text is what they must be, and no one may change it (a locked
    product code was "same as source", its words "not in the es_ES dictionary"). An
    emptied or changed one is still checked."""
    kept = {
        pair.segment_id
        for pair in pairs
        if pair.read_only and pair.target is not None and pair.target.strip() == pair.source.strip()
    }
    if not kept:
        return issues
    return [i for i in issues if not (i.side == "target" and i.segment_id in kept)]


@contextmanager
def collector_paused() -> Iterator[None]:
    # A run allocates term matches and issues for every segment and frees nothing until it
    # ends, so the cyclic garbage collector would rescan the growing heap over and over for
    # no garbage (a third of the time on a 100,000-segment corpus); it is paused meanwhile.
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def sort_issues(issues: list[Issue], pairs: Sequence[Pair]) -> list[Issue]:
    """``issues`` in document order, then source before target and by position."""
    order = {pair.segment_id: pair.index for pair in pairs}
    issues.sort(
        key=lambda i: (order.get(i.segment_id, 0), i.side != "source", i.start, i.end, i.check)
    )
    return issues


def shown_pairs(context: CheckContext, pairs: Sequence[Pair]) -> Sequence[Pair]:
    """``pairs`` as a reader sees them: a Markdown source's HTML comments blanked out, at
    the same offsets (``pairs`` itself where none has a comment).

    No reader sees a comment (CommonMark), yet the checks read a "TODO check this figure"
    in it as prose: its spelling, its quotes, a deprecated term or a number in it.
    """
    if not context.markdown:
        return pairs
    from termwise.checks.qa.markup import blank_comments, comment_spans

    shown: list[Pair] | None = None
    for position, pair in enumerate(pairs):
        source_comments = comment_spans(pair.source, context.references)
        target_comments = comment_spans(pair.target or "", context.references)
        if not source_comments and not target_comments:
            continue
        if shown is None:
            shown = list(pairs)
        shown[position] = dataclasses.replace(
            pair,
            source=blank_comments(pair.source, source_comments),
            target=(
                blank_comments(pair.target, target_comments) if pair.target is not None else None
            ),
            source_terms=None,
            target_terms=None,
        )
    return shown if shown is not None else pairs


class _Views:
    """The pairs each check is given in one run: as written or as a reader sees them
    (``shown_pairs``), each with or without the sources of the parts waiting on a segment
    (``checks.waiting``); built once, and only where they differ."""

    def __init__(self, context: CheckContext, pairs: Sequence[Pair]) -> None:
        self.pairs = pairs
        self.shown = shown_pairs(context, pairs)
        self.holders = {pair.segment_id: pair for pair in pairs if pair.waiting}
        # The language the waiting parts' sources are joined in, as a group's sentences are.
        self.lang = context.source_lang
        self.whole = pairs
        self.whole_shown = self.shown
        if self.holders:
            self.whole = whole_pairs(pairs, self.lang)
            self.whole_shown = shown_pairs(context, self.whole)

    def given(self, check: Check) -> Sequence[Pair]:
        if check.reads_waiting:
            return self.whole if check.reads_comments else self.whole_shown
        return self.pairs if check.reads_comments else self.shown

    def placed(self, check: Check, found: Iterable[Issue]) -> list[Issue]:
        """``found`` by ``check``, a source-side issue in a waiting part's text on that part."""
        if not self.holders or not check.reads_waiting:
            return list(found)
        return onto_waiting(found, self.holders, self.lang)


def run_segment_checks(
    context: CheckContext, pairs: Sequence[Pair], checks: Sequence[Check]
) -> list[Issue]:
    """Issues of the checks that judge each segment on its own, and of the regex rules."""
    from termwise.checks.qa.rules import regex_issues

    # Check by check rather than segment by segment: a screen can then pick the segments a
    # check needs from the whole document at once, and one check's data stays in the cache
    # (all sources are matched against the glossary, then all targets).
    bilingual = context.target_lang is not None
    issues: list[Issue] = []
    # One check's issues, each check's in turn (see ``_Views.placed``).
    found: list[Issue] = []

    def extend(some: Iterable[Issue]) -> None:
        found.extend(capped(some))

    everything = range(len(pairs))
    views = _Views(context, pairs)
    shown = views.shown
    for check in checks:
        if check.across_segments:
            continue
        given = views.given(check)
        found.clear()
        function = check.function
        screen = check.screen
        # The check reports through the run's context bound to its registry entry.
        bound = context.for_check(check)
        if check.scope is Scope.SOURCE:
            for index in screen(context, given, "source") if screen else everything:
                extend(function(bound, given[index]))
        elif check.scope is Scope.TEXT:
            for index in screen(context, given, "source") if screen else everything:
                pair = given[index]
                extend(function(bound, pair, "source", pair.source))
            if bilingual:
                for index in screen(context, given, "target") if screen else everything:
                    pair = given[index]
                    if pair.target:
                        extend(function(bound, pair, "target", pair.target))
        elif check.scope is Scope.PAIR and bilingual:
            for index in screen(context, given, "target") if screen else everything:
                pair = given[index]
                if pair.target:
                    extend(function(bound, pair))
        elif check.scope is Scope.DOCUMENT:
            found.extend(fold(function(bound, given)))  # many segments: folded segment by segment
        issues += views.placed(check, found)
    issues += fold(regex_issues(context, shown))
    if context.markdown:
        issues = _outside_markup(issues, pairs, context.references)
    if shown is not pairs:
        issues = _outside_comments(issues, pairs, shown, checks, context.references)
    return issues


def _outside_markup(
    issues: list[Issue], pairs: Sequence[Pair], references: dict[str, str]
) -> list[Issue]:
    """``issues`` less those a prose check found in a Markdown source's markup: a fix of a
    link title's quotes or an image's "!" broke the link."""
    from termwise.checks.qa.markup import PROSE_CHECKS, in_markup, markup_spans

    texts = {(pair.segment_id, "source"): pair.source for pair in pairs}
    texts.update({(pair.segment_id, "target"): pair.target or "" for pair in pairs})
    spans: dict[tuple[str, str], list[tuple[int, int]]] = {}
    kept = []
    for issue in issues:
        if issue.check in PROSE_CHECKS:
            key = (issue.segment_id, issue.side)
            if key not in spans:
                spans[key] = markup_spans(texts.get(key, ""), references)
            if in_markup(issue.start, issue.end, spans[key]):
                continue
        kept.append(issue)
    return kept


def run_cross_segment_checks(
    context: CheckContext, pairs: Sequence[Pair], checks: Sequence[Check]
) -> list[Issue]:
    """Issues of the checks that compare segments with each other (consistency, variation)."""
    issues: list[Issue] = []
    views = _Views(context, pairs)
    shown = views.shown
    for check in checks:
        if check.across_segments:
            found = fold(check.function(context.for_check(check), views.given(check)))
            issues += views.placed(check, found)
    if shown is not pairs:
        issues = _outside_comments(issues, pairs, shown, checks, context.references)
    return issues


def _outside_comments(
    issues: list[Issue],
    pairs: Sequence[Pair],
    shown: Sequence[Pair],
    checks: Sequence[Check],
    references: dict[str, str],
) -> list[Issue]:
    """``issues`` less what the checks found in the blanks that a Markdown source's HTML
    comments left (a double space, a trailing space no reader sees either: a browser
    collapses them).

    An issue that reaches over a comment into the text around it ("the <!-- x --> the"
    reads "the the") stays, its text as written, without a fix or a suggestion: both were
    made from the blanks, and applying them would rewrite the comment. A sentence that is
    a comment alone ("It ends. <!-- note -->" made two) shows nothing: once translated,
    only the markup check has something to say about it ("the translation is empty" was
    said of its kept comment).
    """
    from termwise.checks.qa.markup import comment_spans

    readers = {check.id for check in checks if check.reads_comments}
    texts = {(pair.segment_id, "source"): pair.source for pair in pairs}
    texts.update({(pair.segment_id, "target"): pair.target or "" for pair in pairs})
    unseen = {
        given.segment_id
        for given, pair in zip(shown, pairs, strict=True)
        if given is not pair and not given.source.strip() and (pair.target or "").strip()
    }
    blanks: dict[tuple[str, str], list[tuple[int, int, int, int]]] = {}
    kept = []
    for issue in issues:
        key = (issue.segment_id, issue.side)
        if issue.check in readers or key not in texts:
            kept.append(issue)
            continue
        if issue.segment_id in unseen:
            continue
        text = texts[key]
        if key not in blanks:
            blanks[key] = [
                (*_blank_around(text, start, end), start, end)
                for start, end in comment_spans(text, references)
            ]
        start, end = issue.start, issue.end
        if end > start:
            if any(left <= start and end <= right for left, right, _, _ in blanks[key]):
                continue
        elif any(first < start < last for _, _, first, last in blanks[key]):
            continue
        if any(first < max(end, start + 1) and start < last for _, _, first, last in blanks[key]):
            issue = dataclasses.replace(issue, text=text[start:end], suggestion=None, fix=None)
        kept.append(issue)
    return kept


def _blank_around(text: str, start: int, end: int) -> tuple[int, int]:
    """The comment at ``[start, end)`` with the whitespace on either side of it: what a
    reader sees as one space, or none."""
    while start and text[start - 1].isspace():
        start -= 1
    while end < len(text) and text[end].isspace():
        end += 1
    return start, end
