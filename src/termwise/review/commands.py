"""``termwise fix``: the workbench's terminology fixes from the command line.

The fixes are those of the workbench's ``x``, ``X`` and ``V`` (planned by the review session,
see ``batch_fix``), made in the source file (atomically, the previous file kept as ``FILE~``,
segment ids kept) or, with ``--to``, in the project's translation file.
"""

from __future__ import annotations

import difflib
import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

from termwise.command_line import LANGUAGE
from termwise.project.layout import ProjectLayout

if TYPE_CHECKING:
    from termwise.checks.issue import Issue
    from termwise.review.batch_fix import FixRun
    from termwise.review.session import ReviewSession

EXIT_CODES = """\b
Exit status (for CI pipelines):
  0  nothing selected is left: every issue was fixed, or there was none
  1  something is left: issues to fix by hand (listed with the reason),
     fixable issues not fixed (without --everywhere), or, with --dry-run,
     fixes that would be made
  2  bad input or usage (unknown concept or check, unreadable file, a
     source format termwise cannot rewrite)
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
    listed with the reason.
    """
    from termwise.checks.registry import check_ids
    from termwise.errors import TermwiseError
    from termwise.review.batch_fix import FixSelection, plan_document_fix
    from termwise.review.session import ReviewSession

    layout = layout if isinstance(layout, ProjectLayout) else ProjectLayout.at()
    unknown_checks = sorted(set(checks) - check_ids())
    if unknown_checks:
        raise TermwiseError(
            f"unknown check(s): {', '.join(unknown_checks)} (see termwise check --list)"
        )
    if to_lang is not None and not layout.translation_file(file, to_lang).exists():
        raise TermwiseError(
            f"no translation of {file} into {to_lang}: "
            f"{layout.translation_file(file, to_lang)} does not exist; "
            f"run `termwise translate {file} --to {to_lang}` first"
        )
    session = ReviewSession(layout, file, to_lang)
    if concepts:
        known = {concept.id for concept in session.glossary.concepts} if session.glossary else set()
        unknown = sorted(set(concepts) - known)
        if unknown:
            raise TermwiseError(f"concept(s) not in the glossary: {', '.join(unknown)}")
    selection = FixSelection(
        side="target" if to_lang else "source",
        concepts=set(concepts),
        checks=set(checks),
        everywhere=everywhere,
    )
    run = plan_document_fix(session, selection)
    located = _locations(session, run)
    target_file = session.translation_path if to_lang else session.path
    before = _file_text(session, to_lang is not None)
    reopened: dict[Path, list[str]] = {}
    if run.plan.issues:
        if to_lang is not None or not dry_run:
            # The translation is fixed in memory even for a dry run (nothing is saved).
            session.apply_fix(run.plan)
        if to_lang is not None and not dry_run:
            session.save()
        if to_lang is None and not dry_run:
            reopened = _translations_follow(layout, session)
    if to_lang is None and dry_run and run.plan.issues:
        after = session.source_after(run.plan.issues)[0]
    else:
        after = _file_text(session, to_lang is not None)
    if fmt == "diff":
        name = str(target_file)
        diff = difflib.unified_diff(
            before.splitlines(keepends=True),
            after.splitlines(keepends=True),
            fromfile=f"a/{name}",
            tofile=f"b/{name}",
        )
        click.echo("".join(diff), nl=False)
        # The diff shows what changes, not what was left: the summary goes beside it, as
        # `ruff --diff` prints its count, so that a pipe into `patch` gets the diff alone.
        click.echo(_text(run, located, target_file, dry_run).splitlines()[-1], err=True)
    elif fmt == "json":
        report = _json(run, located, target_file, dry_run)
        report["back_to_review"] = {str(path): ids for path, ids in reopened.items()}
        click.echo(json.dumps(report, ensure_ascii=False, indent=2))
    else:
        click.echo(_text(run, located, target_file, dry_run), nl=False)
        for path, ids in reopened.items():
            click.echo(
                f"{path}: {len(ids)} reviewed translation(s) back to review (fuzzy): "
                "their source changed"
            )
    if dry_run and run.plan.issues:
        sys.exit(1)
    sys.exit(0 if run.clean else 1)


def _translations_follow(layout: ProjectLayout, session: ReviewSession) -> dict[Path, list[str]]:
    """Bring each of the project's translations of the fixed document up to date now.

    A reviewed translation of a segment whose source changed goes back to needing review
    (fuzzy, the old source kept), saved at once so that Poedit and every other tool see it;
    the segments whose translation was reopened, per translation file.
    """
    from termwise.project.progress import project_languages
    from termwise.project.translation_file import TranslationFile
    from termwise.project.translations import sync_with_document, translation_path

    reopened: dict[Path, list[str]] = {}
    for lang in project_languages(layout, session.path):
        path = translation_path(layout, session.document, lang)
        tfile = TranslationFile.load(path)
        report = sync_with_document(tfile, session.document)
        if report.changed:
            tfile.save()
        if report.reviewed_reopened:
            reopened[path] = report.reviewed_reopened
    return reopened


def _file_text(session: ReviewSession, translation: bool) -> str:
    if translation:
        return session.tfile.to_bytes().decode("utf-8")
    return session.document.text


def _locations(session: ReviewSession, run: FixRun) -> dict[int, tuple[int, int]]:
    """Line and column in the source file of each issue (before any fix moves them)."""
    document = session.document
    found: dict[int, tuple[int, int]] = {}
    for issue in (*run.plan.issues, *(issue for issue, _ in run.skipped), *run.remaining):
        segment = document.segment(issue.segment_id)
        if issue.side == "source":
            offset, _ = segment.to_source(issue.start, max(issue.end, issue.start + 1))
        else:
            offset = segment.start
        found[id(issue)] = document.line_col(offset)
    return found


def _describe(issue: Issue, where: tuple[int, int]) -> dict[str, Any]:
    return {
        "segment": issue.segment_id,
        "line": where[0],
        "column": where[1],
        "check": issue.check,
        "concept": issue.concept,
        "text": issue.text,
        "replacement": issue.fix.replacement if issue.fix else None,
    }


def _json(
    run: FixRun, located: dict[int, tuple[int, int]], target: Path, dry_run: bool
) -> dict[str, Any]:
    return {
        "file": str(target),
        "side": run.plan.side,
        "dry_run": dry_run,
        "fixed": [_describe(issue, located[id(issue)]) for issue in run.plan.issues],
        "segments_changed": len(run.plan.by_segment()),
        "skipped": [
            {**_describe(issue, located[id(issue)]), "reason": reason}
            for issue, reason in run.skipped
        ],
        "remaining": [_describe(issue, located[id(issue)]) for issue in run.remaining],
    }


def _text(run: FixRun, located: dict[int, tuple[int, int]], target: Path, dry_run: bool) -> str:
    lines: list[str] = []
    verb = "would fix" if dry_run else "fixed"
    for issue in sorted(run.plan.issues, key=lambda item: located[id(item)]):
        line, column = located[id(issue)]
        replacement = issue.fix.replacement if issue.fix else ""
        lines.append(
            f"{target}:{line}:{column}: {verb} {issue.check} {issue.concept or ''}: "
            f"“{issue.text}” → “{replacement}”".replace("  ", " ")
        )
    for issue, reason in sorted(run.skipped, key=lambda item: located[id(item[0])]):
        line, column = located[id(issue)]
        lines.append(
            f"{target}:{line}:{column}: left {issue.check} {issue.concept or ''}: "
            f"“{issue.text}”: {reason}".replace("  ", " ")
        )
    segments = len(run.plan.by_segment())
    if run.plan.issues:
        done = "Would fix" if dry_run else "Fixed"
        summary = f"{done} {len(run.plan.issues)} issue(s) in {segments} segment(s) of {target}"
        if not dry_run:
            summary += f" (previous file kept as {target}~)"
    else:
        summary = "Nothing to fix"
    left = len(run.skipped) + len(run.remaining)
    if run.skipped:
        summary += f"; {len(run.skipped)} left to fix by hand"
    if run.remaining:
        summary += f"; {len(run.remaining)} more fixable (use --everywhere)"
    if not left and not dry_run:
        summary += "; nothing left"
    lines.append(summary + ".")
    return "\n".join(lines) + "\n"
