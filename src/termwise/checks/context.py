"""What every check sees: the segment pairs and one shared context for a run.

Term matches are computed once per segment and side and cached on the ``Pair``, because five
checks and the variation report all need them; that sharing is most of what makes a full
run fast.

The runner hands each check the run's context bound to the check's registry entry
(``for_check``), so that ``context.issue(...)`` reports under the check's id with the
severity the project configured, and no check states either again.
"""

from __future__ import annotations

import copy
import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from termwise import languages
from termwise.checks.config import CheckConfig
from termwise.checks.issue import Fix, Issue, Severity, Side
from termwise.glossary.matcher import ADDRESS

# A web or mail address's mark (see ``ADDRESS``, which the term matcher keeps terms out of
# too): no words to spell and no question to open there.
ADDRESS_MARK = re.compile(r"://|\bwww\.|\w@\w")


def address_spans(text: str) -> list[tuple[int, int]]:
    """Where ``text`` holds addresses or link destinations (see ``ADDRESS``)."""
    return [match.span() for match in ADDRESS.finditer(text)] if text else []


if TYPE_CHECKING:
    from termwise.checks.registry import Check
    from termwise.document.model import Document
    from termwise.glossary.matcher import TermMatch, TermMatcher
    from termwise.glossary.model import Glossary


@dataclass(frozen=True)
class PluralForms:
    """A plural entry's forms as the project file holds them, and how many its rule wants.

    ``plural_source`` is the entry's msgid_plural, which gettext compares every form's
    placeholders with; ``shown`` the form that is the segment's target (the one for n=1);
    ``exact[i]`` whether form i stands for many numbers, so that it must keep every
    placeholder (a form only for n=1 may say "one file" without "%d"). Without ``exact``
    every form may drop placeholders.
    """

    forms: tuple[str, ...]
    expected: int
    plural_source: str | None = None
    shown: int = 0
    exact: tuple[bool, ...] = ()


@dataclass(slots=True)
class Pair:
    """One segment: its source text and, when checking a translation, its target text.

    ``target`` is None when the segment has no translation (or no target language was
    given); an empty string is a translation left empty.
    """

    segment_id: str
    index: int
    source: str
    target: str | None = None
    is_heading: bool = False
    # The translator confirmed that the translation leaves this sentence out (reviewing an
    # aligned published translation): its empty target is not an oversight.
    left_out: bool = False
    # The translation must keep the text as it is (an imported file's translate="no", a
    # memoQ or Trados lock): the same text on both sides is what it should be.
    read_only: bool = False
    # The entry's PO flags ("c-format", "no-python-format", ...): what kind of format
    # string its texts are, as the program's extractor or the translator said.
    flags: frozenset[str] = frozenset()
    # A gettext plural entry's forms (None: not a plural entry).
    plural: PluralForms | None = None
    # The later segments whose sentences this one's translation holds, waiting for it with
    # their own empty: each one's id and source, in order (see ``checks.waiting``).
    waiting: tuple[tuple[str, str], ...] = ()
    source_terms: list[TermMatch] | None = field(default=None, repr=False)
    target_terms: list[TermMatch] | None = field(default=None, repr=False)


class CheckContext:
    """Languages, glossary, settings and lazily built matchers for one run of the checks."""

    def __init__(
        self,
        *,
        source_lang: str,
        target_lang: str | None,
        glossary: Glossary | None,
        config: CheckConfig,
    ) -> None:
        self.source_lang = source_lang
        self.target_lang = target_lang
        # Primary subtags, looked up once: checks consult them for every segment.
        self.source_base = languages.primary(source_lang)
        self.target_base = languages.primary(target_lang) if target_lang else None
        self.target_is_cjk = target_lang is not None and languages.is_cjk(target_lang)
        self.glossary = glossary
        self.config = config
        # Whether the texts are Markdown (their inline markup is the document's): see
        # ``read_format``, which whoever runs the checks calls.
        self.markdown = False
        # A Markdown source's link reference definitions, label → destination: its
        # reference links ("[text][label]") are links to the markup checks.
        self.references: dict[str, str] = {}
        # The source document's segments, one a line, where a check reads how the text uses
        # a word (see ``checks.qa.names``); ``read_format`` takes them.
        self.source_text = ""
        self._matchers: dict[str, TermMatcher] = {}
        self._severity_cache: dict[str, Severity] = {}
        # Per-run state that several checks share (the terminology index, spelling results).
        self.cache: dict[str, object] = {}
        # The check this context reports for (see ``for_check``), and its severity.
        self.check: Check | None = None
        self._check_severity = Severity.WARNING

    def for_check(self, check: Check) -> CheckContext:
        """This run's context, reporting for ``check`` (the matchers, caches and settings
        are shared with the run: only the check it reports for differs)."""
        bound = copy.copy(self)
        bound.check = check
        bound._check_severity = self.severity(check.id, check.severity)
        return bound

    def matcher(self, lang: str) -> TermMatcher:
        """The glossary's matcher for ``lang``, built once per run."""
        found = self._matchers.get(lang)
        if found is None:
            from termwise.glossary.matcher import TermMatcher

            assert self.glossary is not None
            found = self._matchers[lang] = TermMatcher(self.glossary, lang)
        return found

    def source_terms(self, pair: Pair) -> list[TermMatch]:
        if pair.source_terms is None:
            pair.source_terms = (
                self.matcher(self.source_lang).find(pair.source) if self.glossary else []
            )
        return pair.source_terms

    def target_terms(self, pair: Pair) -> list[TermMatch]:
        if pair.target_terms is None:
            if self.glossary is None or self.target_lang is None or not pair.target:
                pair.target_terms = []
            else:
                pair.target_terms = self.matcher(self.target_lang).find(pair.target)
        return pair.target_terms

    def read_format(self, document: Document) -> None:
        """Take what the document's format means for the checks: Markdown's inline markup,
        and the link reference definitions its reference links resolve by; and its segments' text."""
        self.source_text = "\n".join(segment.text for segment in document.segments)
        self.markdown = document.fmt == "markdown"
        self.references = {}
        if self.markdown:
            from termwise.checks.qa.markup import document_references

            self.references = document_references(document)

    def severity(self, check_id: str, default: Severity) -> Severity:
        found = self._severity_cache.get(check_id)
        if found is None:
            found = self._severity_cache[check_id] = self.config.severity(check_id, default)
        return found

    def issue(
        self,
        pair: Pair,
        side: Side,
        start: int,
        end: int,
        message: str,
        *,
        concept: str | None = None,
        term: str | None = None,
        suggestion: str | None = None,
        fixable: bool = False,
    ) -> Issue:
        """An issue of the check this context is bound to, on ``side`` of ``pair``;
        ``fixable`` turns the suggestion into a fix."""
        check = self.check
        if check is None:
            raise RuntimeError("context.issue() outside a check: the runner binds each check")
        return self._issue(
            check.id,
            self._check_severity,
            pair,
            side,
            start,
            end,
            message,
            concept=concept,
            term=term,
            suggestion=suggestion,
            fixable=fixable,
        )

    def rule_issue(
        self,
        rule_id: str,
        default_severity: Severity,
        pair: Pair,
        side: Side,
        start: int,
        end: int,
        message: str,
        *,
        suggestion: str | None = None,
        fixable: bool = False,
    ) -> Issue:
        """An issue of one of the project's own rules (``[[checks.regex]]``), which are not
        registered checks and so name their id and severity."""
        return self._issue(
            rule_id,
            self.severity(rule_id, default_severity),
            pair,
            side,
            start,
            end,
            message,
            suggestion=suggestion,
            fixable=fixable,
        )

    def _issue(
        self,
        check_id: str,
        severity: Severity,
        pair: Pair,
        side: Side,
        start: int,
        end: int,
        message: str,
        *,
        concept: str | None = None,
        term: str | None = None,
        suggestion: str | None = None,
        fixable: bool = False,
    ) -> Issue:
        text = pair.source if side == "source" else (pair.target or "")
        fix = (
            Fix(pair.segment_id, side, start, end, suggestion)
            if fixable and suggestion is not None
            else None
        )
        return Issue(
            check=check_id,
            severity=severity,
            segment_id=pair.segment_id,
            side=side,
            start=start,
            end=end,
            text=text[start:end],
            message=message,
            concept=concept,
            term=term,
            suggestion=suggestion,
            fix=fix,
        )
