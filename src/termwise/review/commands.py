"""``termwise fix``: the workbench's terminology fixes from the command line.

The fixes are those of the workbench's ``x``, ``X`` and ``V`` (planned by the review session,
see ``batch_fix``), made in the source file (atomically, the previous file kept as ``FILE~``,
segment ids kept) or, with ``--to``, in the project's translation file.
"""

from __future__ import annotations

import difflib
import json
import os
import sys
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

from termwise.atomic import original_path, write_atomic
from termwise.checks.report import one_line, side_place
from termwise.command_line import LANGUAGE
from termwise.errors import TermwiseError
from termwise.project.layout import ProjectLayout

if TYPE_CHECKING:
    from termwise.checks.issue import Issue
    from termwise.project.translation_file import TranslationFile
    from termwise.review.batch_fix import FixChange, FixRun
    from termwise.review.session import ReviewSession

EXIT_CODES = """\b
Exit status (for CI pipelines):
  0  nothing selected is left: every issue was fixed, or there was none
     (issues in read-only segments, whose translation is never changed,
     are listed and do not count)
  1  something is left: issues to fix by hand (listed with the reason),
     fixable issues not fixed (without --everywhere), fixes left because
     they overlap a change made (run fix again), or, with --dry-run,
     fixes that would be made
  2  bad input or usage (unknown concept or check, unreadable file, a
     source format termwise cannot rewrite), or the translation changed
     on disk while fix ran (nothing written: run fix again)
"""


@click.command("fix", epilog=EXIT_CODES)
@click.argument("file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option(
    "--to",
    "to_lang",
    type=LANGUAGE,
    help="Fix the translation into LANG (the project's PO file) instead of the source file.",
)
@click.option(
    "--concept", "concepts", multiple=True, metavar="ID", help="Fix only this concept (repeat)."
)
@click.option(
    "--check", "checks", multiple=True, metavar="ID", help="Fix only this check (repeat)."
)
@click.option(
    "--everywhere",
    is_flag=True,
    help="Fix every issue selected (as V does for a concept, X for a text); "
    "without it only the first one (as x does).",
)
@click.option("--dry-run", is_flag=True, help="Show what would change; write nothing.")
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["text", "json", "diff"]),
    default="text",
    show_default=True,
    help="diff: a unified diff of the file.",
)
@click.pass_obj
def fix(
    layout: ProjectLayout,
    file: Path,
    to_lang: str | None,
    concepts: tuple[str, ...],
    checks: tuple[str, ...],
    everywhere: bool,
    dry_run: bool,
    fmt: str,
) -> None:
    """Apply terminology fixes to FILE (or, with --to, to its translation), like ruff --fix.

    Inflected forms and renderings the glossary says to fix by hand are left alone and
    listed with the reason, as are read-only segments' translations (an imported file's
    translate="no", a memoQ or Trados lock).
    """
    from termwise.checks.config import CheckConfig
    from termwise.checks.registry import check_ids
    from termwise.review.batch_fix import FixSelection, plan_document_fix, plan_second_pass
    from termwise.review.session import ReviewSession

    layout = layout if isinstance(layout, ProjectLayout) else ProjectLayout.at()
    # The project's own [[checks.regex]] checks can offer fixes too: `check` runs them.
    config = CheckConfig.from_settings(layout.settings(), path=layout.config_path)
    known_checks = check_ids() | {rule.id for rule in config.regex_checks}
    unknown_checks = sorted(set(checks) - known_checks)
    if unknown_checks:
        raise TermwiseError(
            f"unknown check(s): {', '.join(unknown_checks)} (see termwise check --list)"
        )
    turned_off = sorted(check for check in set(checks) if not config.is_enabled(check))
    if turned_off:
        # It said "Nothing to fix; nothing left." and exited 0: the check never ran.
        raise TermwiseError(
            f"check(s) turned off in {layout.config_path}: {', '.join(turned_off)} "
            "(take them out of [checks] disable, or add them to [checks] enable where it is set)"
        )
    if to_lang is not None and not layout.translation_file(file, to_lang).exists():
        from termwise.project.discovery import missing_translation

        raise TermwiseError(missing_translation(layout, file, to_lang))
    session = ReviewSession(layout, file, to_lang)
    if concepts:
        from termwise.glossary.model import Glossary

        glossary = session.glossary or Glossary()
        unknown = sorted(c for c in set(concepts) if glossary.get(c) is None)
        # An id a second id-less glossary file renamed gets what to write instead.
        said = [glossary.no_concept(c) for c in unknown if c in glossary.renamed]
        plain = [c for c in unknown if c not in glossary.renamed]
        if plain:
            said.insert(0, f"concept(s) not in the glossary: {', '.join(plain)}")
        if said:
            raise TermwiseError("; ".join(said))
    selection = FixSelection(
        side="target" if to_lang else "source",
        concepts=set(concepts),
        checks=set(checks),
        everywhere=everywhere,
    )
    run = plan_document_fix(session, selection)
    located = _locations(session, run)
    shown = _as_found(session, run.plan.issues)
    target_file = session.translation_path if to_lang else session.path
    before = _file_text(session, to_lang is not None)
    reopened: dict[Path, list[str]] = {}
    # Reviewed translations a fix rewrote, back to review (``ReviewSession.apply_fix``).
    rewritten: list[str] = []
    if run.plan.issues:
        fixing_source = to_lang is None and not dry_run
        # Read before the source is rewritten, as the files that rewrite touches: a
        # translation another program saves from here on is refused, and the fix taken back
        # (``_translations_follow``).
        following = _project_translations(layout, session) if fixing_source else []
        as_read = _FilesAsRead.of(session.source_fix_files() if fixing_source else ())
        if to_lang is not None or not dry_run:
            # The translation is fixed in memory even for a dry run (nothing is saved).
            rewritten += session.apply_fix(run.plan).back_to_review
        if to_lang is not None:
            # The fixes that overlapped one just made, found again in its result, are made
            # too before the one save (see ``plan_second_pass``).
            second = plan_second_pass(session, selection, run)
            located.update(_locations(session, second))
            shown.update(_as_found(session, second.plan.issues))
            if second.plan.issues:
                rewritten += session.apply_fix(second.plan).back_to_review
            run = run.then(second)
        if rewritten:
            reopened[target_file] = list(dict.fromkeys(rewritten))
        if to_lang is not None and not dry_run:
            # Another program's save since the session read the file is refused, not merged
            # (``ReviewSession.save``): run again, the fixes are made on top of it.
            session.save(merge=False)
        if fixing_source:
            reopened = _translations_follow(session, following, as_read)
    if to_lang is None and dry_run and run.plan.issues:
        after = session.source_after(run.plan.issues)[0]
    else:
        after = _file_text(session, to_lang is not None)
    if fmt == "diff":
        # Relative to where the command runs, as the source's is: `patch -p1` applies it
        # there (the translation's absolute path gave "a//tmp/…", which it could not).
        name = os.path.relpath(target_file) if target_file.is_absolute() else str(target_file)
        diff = difflib.unified_diff(
            before.splitlines(keepends=True),
            after.splitlines(keepends=True),
            fromfile=f"a/{name}",
            tofile=f"b/{name}",
        )
        click.echo("".join(diff), nl=False)
        # The diff shows what changes, not what was left: the summary goes beside it, as
        # `ruff --diff` prints its count, so that a pipe into `patch` gets the diff alone.
        click.echo(
            _text(run, located, shown, file, target_file, dry_run).splitlines()[-1], err=True
        )
    elif fmt == "json":
        report = _json(run, located, file, target_file, dry_run)
        report["back_to_review"] = {str(path): ids for path, ids in reopened.items()}
        click.echo(json.dumps(report, ensure_ascii=False, indent=2))
    else:
        click.echo(_text(run, located, shown, file, target_file, dry_run), nl=False)
        for path, ids in reopened.items():
            if to_lang is None:
                click.echo(
                    f"{path}: {len(ids)} reviewed translation(s) back to review (fuzzy): "
                    "their source changed"
                )
            else:
                # Which ones, by the place ``check`` and the workbench give them: a person
                # reads each again.
                go = "would go" if dry_run else "went"
                click.echo(
                    f"{path}: {len(ids)} reviewed translation(s) {go} back to review (fuzzy), "
                    f"the fix changed them: {', '.join(_segment_labels(session, ids))}"
                )
    if dry_run and run.plan.issues:
        sys.exit(1)
    sys.exit(0 if run.clean else 1)


@dataclass(frozen=True)
class _FilesAsRead:
    """Files as they were before a command wrote them (None: there was none), to put them
    back byte for byte where the command must take its work back."""

    contents: tuple[tuple[Path, bytes | None], ...]

    @classmethod
    def of(cls, paths: Iterable[Path]) -> _FilesAsRead:
        return cls(tuple((path, path.read_bytes() if path.is_file() else None) for path in paths))

    def restore(self) -> None:
        for path, content in self.contents:
            if content is None:
                path.unlink(missing_ok=True)
            else:
                write_atomic(path, content)


def _project_translations(layout: ProjectLayout, session: ReviewSession) -> list[TranslationFile]:
    """The project's translations of the document being fixed, as they are on disk now."""
    from termwise.project.progress import project_languages
    from termwise.project.translation_file import TranslationFile
    from termwise.project.translations import translation_path

    return [
        TranslationFile.load(translation_path(layout, session.document, lang))
        for lang in project_languages(layout, session.path)
    ]


def _translations_follow(
    session: ReviewSession, translations: list[TranslationFile], as_read: _FilesAsRead
) -> dict[Path, list[str]]:
    """Bring each of the project's translations of the fixed document up to date now.

    A reviewed translation of a segment whose source changed goes back to needing review
    (fuzzy, the old source kept), saved at once so that Poedit and every other tool see it;
    the segments whose translation was reopened, per translation file. A save refused (the
    file changed on disk since it was read, or cannot be written) before any other was
    made takes the source fix back (``as_read``): the refusal leaves every file as it was,
    and the same command run again works on top of the other program's version.
    """
    from termwise.project.translations import sync_with_document

    reopened: dict[Path, list[str]] = {}
    saved: list[Path] = []
    for tfile in translations:
        report = sync_with_document(tfile, session.document)
        if report.changed:
            try:
                saved.append(tfile.save())
            except TermwiseError as error:
                raise _not_followed(error, session.path, saved, as_read) from error
        if report.reviewed_reopened and tfile.path is not None:
            reopened[tfile.path] = report.reviewed_reopened
    return reopened


def _not_followed(
    error: TermwiseError, source: Path, saved: list[Path], as_read: _FilesAsRead
) -> TermwiseError:
    """The refusal of a translation's save after the source was fixed, saying what became
    of the fix: taken back where nothing else was saved yet, else kept, with what follows
    it and when the refused file does."""
    if not saved:
        as_read.restore()
        return TermwiseError(f"{error} The fix of {source} was taken back: it is as it was.")
    return TermwiseError(
        f"{error} {source} is fixed all the same, and {', '.join(map(str, saved))} follow(s) "
        "it; the file refused follows it when a command next opens it (its reviewed "
        "translations of the fixed segments then go back to review)."
    )


def _segment_labels(session: ReviewSession, segment_ids: list[str]) -> list[str]:
    """``#3 9d64734d397b``: each segment as the other lines of the report name it."""
    from termwise.checks.report import segment_label

    rows = session.row_index
    return [
        segment_label(segment_id, rows[segment_id] + 1 if segment_id in rows else None)
        for segment_id in segment_ids
    ]


def _file_text(session: ReviewSession, translation: bool) -> str:
    if translation:
        return session.tfile.to_bytes().decode("utf-8")
    return session.document.text


def _as_found(session: ReviewSession, issues: Iterable[Issue]) -> dict[int, tuple[str, str]]:
    """What each issue's fix changes, in the text it was found in (``change_in_context``):
    taken before the fixes are made, since they rewrite that text."""
    from termwise.review.batch_fix import change_in_context

    def found_in(issue: Issue) -> str:
        if issue.side == "source":
            return session.source_text(issue.segment_id)
        return session.unit(issue.segment_id).target

    return {id(issue): change_in_context(found_in(issue), issue) for issue in issues}


# (line, column, #N): `check` names a segment by all three, so `fix` carries them together.
Where = tuple[int, int, int | None]


def _locations(session: ReviewSession, run: FixRun) -> dict[int, Where]:
    """Line and column in the source file of each issue (before any fix moves them), and
    its segment's place in the document, as ``check`` prints them.

    A translation's issues, too, point into the source file (at their segment's start),
    never at the PO file's lines: those move when a fix rewraps an entry, and ``check``
    names the same place, so the two commands' lines can be matched. The segment id
    printed beside it is the entry's ``msgctxt`` in the PO file and the workbench's row.
    """
    document = session.document
    found: dict[int, Where] = {}
    left = (*run.skipped, *run.read_only, *run.overlapping)
    for issue in (*run.plan.issues, *(issue for issue, _ in left), *run.remaining):
        segment = document.segment(issue.segment_id)
        if issue.side == "source":
            offset, _ = segment.to_source(issue.start, max(issue.end, issue.start + 1))
        else:
            offset = segment.start
        line, column = document.line_col(offset)
        row = session.row_index.get(issue.segment_id)
        found[id(issue)] = (line, column, None if row is None else row + 1)
    return found


def _describe(issue: Issue, where: Where) -> dict[str, Any]:
    return {
        "segment": issue.segment_id,
        "line": where[0],
        "column": where[1],
        "check": issue.check,
        "concept": issue.concept,
        "text": issue.text,
        "replacement": issue.fix.replacement if issue.fix else None,
        "message": issue.message,
    }


def _json(
    run: FixRun, located: dict[int, Where], source: Path, target: Path, dry_run: bool
) -> dict[str, Any]:
    def change(item: FixChange) -> dict[str, Any]:
        where = located[id(item.first)]
        return {
            "segment": item.first.segment_id,
            "position": where[2],
            "line": where[0],
            "column": where[1],
            "checks": item.checks,
            "concept": item.concept,
            "text": item.first.text,
            "replacement": item.replacement,
        }

    return {
        "file": str(target),
        "source_file": str(source),
        "side": run.plan.side,
        "dry_run": dry_run,
        "fixed": [_describe(issue, located[id(issue)]) for issue in run.plan.issues],
        "changes": [change(item) for item in run.changes()],
        "segments_changed": len(run.plan.by_segment()),
        "skipped": [
            {**_describe(issue, located[id(issue)]), "reason": reason}
            for issue, reason in run.skipped
        ],
        "remaining": [_describe(issue, located[id(issue)]) for issue in run.remaining],
        # Left for another run: their fix overlaps a change made (or, dry, to be made).
        "overlapping": [
            {
                **_describe(issue, located[id(issue)]),
                "overlaps": {"check": other.check, "concept": other.concept, "text": other.text},
            }
            for issue, other in run.overlapping
        ],
        "read_only": [
            {**_describe(issue, located[id(issue)]), "reason": reason}
            for issue, reason in run.read_only
        ],
    }


def _text(
    run: FixRun,
    located: dict[int, Where],
    shown: dict[int, tuple[str, str]],
    source: Path,
    target: Path,
    dry_run: bool,
) -> str:
    """One line per change (the checks that asked for it named together) and per thing left
    to a person, at the place ``check`` gives it, then a summary counting changes."""
    from termwise.checks.report import segment_label
    from termwise.review.batch_fix import group_changes, group_skipped

    def prefix(item: FixChange) -> str:
        line, column, _ = located[id(item.first)]
        return f"{source}:{line}:{column}"

    def label(item: FixChange) -> str:
        issue = item.first
        place = side_place(issue)
        return segment_label(issue.segment_id, located[id(issue)][2]) + (
            f": {place}" if place else ""
        )

    def order(item: FixChange) -> tuple[int, int, int]:
        # A translation's issues share their segment's place in the source: their column in
        # the translation orders them, as check orders them.
        line, column, _ = located[id(item.first)]
        return line, column, item.first.start

    lines: list[str] = []
    verb = "would fix" if dry_run else "fixed"
    changes = run.changes()
    for item in sorted(changes, key=order):
        before, after = shown[id(item.first)]
        lines.append(
            f"{prefix(item)}: {verb} {_checks(item)}: {label(item)}: "
            + one_line(f"“{before}” → “{after}”")
        )
    left = group_skipped(run.skipped)
    locked = group_skipped(run.read_only)
    blocked = group_skipped(
        [
            (issue, f"overlaps the change of “{other.text}”: run fix again to check it anew")
            for issue, other in run.overlapping
        ]
    )
    for item, reason in sorted([*left, *locked, *blocked], key=lambda pair: order(pair[0])):
        # A missing term has no text to quote: its message says what is missing.
        what = f"“{item.first.text}”: " if item.first.text else f"{item.first.message}; "
        lines.append(
            f"{prefix(item)}: left {_checks(item)}: {label(item)}: {one_line(what + reason)}"
        )
    segments = len(run.plan.by_segment())
    if changes:
        done = "Would make" if dry_run else "Made"
        summary = f"{done} {len(changes)} change(s) in {segments} segment(s) of {target}"
        if not dry_run:
            original = original_path(Path(target))
            summary += f" (previous file kept as {target}~"
            summary += f", the original as {original})" if original.exists() else ")"
    else:
        summary = "Nothing to fix"
    if left:
        summary += f"; {len(left)} left to fix by hand"
    if locked:
        summary += f"; {len(locked)} in read-only segments, left as they are"
    if blocked:
        summary += f"; {len(blocked)} overlapping another change (run fix again)"
    more = group_changes(run.remaining)
    if more:
        summary += f"; {len(more)} more fixable (use --everywhere)"
    if not left and not more and not blocked and not dry_run:
        summary += "; nothing left"
    lines.append(summary + ".")
    return "\n".join(lines) + "\n"


def _checks(item: FixChange) -> str:
    """``term-forbidden, term-inconsistent T01``: what asked for the change."""
    concept = item.concept
    return ", ".join(item.checks) + (f" {concept}" if concept else "")
