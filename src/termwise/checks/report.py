"""Issues as a linter prints them, as JSON for pipelines, and as a standalone HTML report.

Every form carries the same facts: the check, the severity, where (``file:line:column`` in
the source document, 1-based, plus the segment id and 0-based offsets into the segment's
text), the flagged text, the message and the fix. Target issues point at the start of their
segment in the source document, which is where a reviewer jumps to; the text form names the
segment too (``#N id``, as the workbench's status line does), since the id is what finds the
translation in the workbench or the PO file (its ``msgctxt``).
"""

from __future__ import annotations

import html
import json
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from termwise.checks.issue import Issue, Severity
from termwise.checks.registry import get_check
from termwise.checks.runner import CheckResult
from termwise.checks.terminology import ConceptVariation
from termwise.document.model import Document, Segment


@dataclass(frozen=True)
class Located:
    """An issue with its place in the source file."""

    issue: Issue
    file: str
    line: int
    column: int
    # 1-based, as the workbench numbers its rows (#N): a translator finds the segment there.
    position: int | None = None

    @property
    def segment(self) -> str:
        """The segment as a translator finds it: ``#N id``."""
        return segment_label(self.issue.segment_id, self.position)


def segment_label(segment_id: str, position: int | None) -> str:
    """``#N id`` as the workbench's status line shows a segment; the id alone where the
    document does not hold it (the number is then unknown)."""
    return f"#{position} {segment_id}" if position is not None else segment_id


def locate(result: CheckResult, file: str) -> list[Located]:
    """Attach ``file:line:column`` (and the segment's place) to every issue of ``result``."""
    document = result.document
    segments = {segment.id: (index, segment) for index, segment in enumerate(document.segments)}
    return [_locate(issue, segments, document, file) for issue in result.issues]


def _locate(
    issue: Issue, segments: dict[str, tuple[int, Segment]], document: Document, file: str
) -> Located:
    found = segments.get(issue.segment_id)
    if found is None:
        return Located(issue, file, 1, 1)
    index, segment = found
    if issue.side == "source":
        offset, _ = segment.to_source(issue.start, max(issue.end, issue.start + 1))
    else:
        offset = segment.start
    line, column = document.line_col(offset)
    return Located(issue, file, line, column, index + 1)


_CONTROL_SHOWN = str.maketrans({"\n": "↵", "\r": "␍", "\t": "⇥"})


def one_line(text: str) -> str:
    """``text`` with its line breaks and tabs shown as marks: one issue, one line, as
    editors and scripts read a report (a line-break issue quoted its break and took two)."""
    return text.translate(_CONTROL_SHOWN)


def _fix_text(issue: Issue) -> str:
    if issue.fix is None:
        return ""
    replacement = issue.fix.replacement
    if issue.fix.start == issue.fix.end:
        return f" [fix: insert “{replacement}”]"
    if not replacement:
        return f" [fix: delete “{issue.text}”]"
    return f" [fix: “{issue.text}” → “{replacement}”]"


def render_text(located: Sequence[Located]) -> str:
    """``file:line:column: check-id: severity: #N id: message [fix: ...]``, one issue a line.

    Lines go in file order, a source issue before a target one at the same place, as a
    reader and an editor's list of locations expect; the checks' own order (check by
    check) would send the reader back and forth. The prefix up to the severity is kept as
    linters print it, so that editors and scripts that parse it still do.
    """
    lines = []
    for item in sorted(located, key=text_order):
        issue = item.issue
        place = side_place(issue)
        side = f"{place}: " if place else ""
        lines.append(
            f"{item.file}:{item.line}:{item.column}: {issue.check}: {issue.severity.value}: "
            f"{item.segment}: {side}{one_line(issue.message + _fix_text(issue))}"
        )
    return "\n".join(lines) + ("\n" if lines else "")


def side_place(issue: Issue) -> str:
    """``target, col N`` for an issue in the translation, to print beside the file position,
    which is its source segment's (four misspellings of one segment printed four identical
    lines); nothing for an issue in the source, which that position points at."""
    if issue.side != "target":
        return ""
    return f"target, col {issue.start + 1}" if issue.end > issue.start else "target"


def text_order(item: Located) -> tuple[int, int, int]:
    """Source line, column, then side (source first); ties keep the checks' order."""
    return (item.line, item.column, 0 if item.issue.side == "source" else 1)


def issue_dict(item: Located, lang: str | None = None) -> dict[str, Any]:
    """One issue as JSON; ``lang`` (the target language) completes the issue's id."""
    from termwise.checks.ignores import issue_id

    issue = item.issue
    return {
        "id": issue_id(issue, lang),
        "check": issue.check,
        "severity": issue.severity.value,
        "segment": issue.segment_id,
        "side": issue.side,
        "file": item.file,
        "line": item.line,
        "column": item.column,
        "start": issue.start,
        "end": issue.end,
        "text": issue.text,
        "message": issue.message,
        "concept": issue.concept,
        "term": issue.term,
        "suggestion": issue.suggestion,
        "fix": (
            {"start": issue.fix.start, "end": issue.fix.end, "replacement": issue.fix.replacement}
            if issue.fix is not None
            else None
        ),
    }


def render_json(
    located: Sequence[Located],
    variations: Sequence[ConceptVariation] | None = None,
    *,
    lang: str | None = None,
) -> str:
    """An array of issues; with ``variations``, an object holding both."""
    issues = [issue_dict(item, lang) for item in located]
    payload: Any = issues
    if variations is not None:
        payload = {"issues": issues, "variations": [v.as_dict() for v in variations]}
    return json.dumps(payload, ensure_ascii=False, indent=2) + "\n"


def render_variations_text(variations: Sequence[ConceptVariation]) -> str:
    """Per concept, every rendering found with its count and status."""
    lines = []
    for variation in variations:
        official = "; ".join(f"{lang}: {term}" for lang, term in variation.official.items())
        lines.append(f"{variation.label}  (official: {official or 'none known'})")
        for rendering in variation.renderings:
            forms = ", ".join(
                f"“{form}”×{count}" if count > 1 else f"“{form}”"
                for form, count in rendering.forms.most_common()
            )
            lines.append(
                f"  {rendering.lang}  {rendering.count:>3}×  {rendering.status:<10} "
                f"{rendering.term}   [{forms}]"
            )
    return "\n".join(lines) + ("\n" if lines else "")


def summary(issues: Sequence[Issue]) -> str:
    counts = Counter(issue.severity for issue in issues)
    names = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "info"}
    parts = [
        f"{counts[severity]} {names[severity]}"
        + ("s" if counts[severity] != 1 and severity is not Severity.INFO else "")
        for severity in Severity
        if counts[severity]
    ]
    total = len(issues)
    return f"{total} issue{'s' if total != 1 else ''}" + (f" ({', '.join(parts)})" if parts else "")


_CSS = """
body{font:15px/1.45 system-ui,sans-serif;margin:2em auto;max-width:96em;padding:0 1em;color:#222}
h1{font-size:1.5em}h2{font-size:1.2em;margin-top:2em;border-bottom:1px solid #ccc}
table{border-collapse:collapse;width:100%}td,th{border:1px solid #ddd;padding:.35em .5em;
vertical-align:top;text-align:left}th{background:#f4f4f4}
.error{color:#a40000;font-weight:bold}.warning{color:#8a5a00}.info{color:#2a5d9f}
mark{background:#ffe08a;padding:0 .1em}.fix{color:#1d6b28}.muted{color:#777}
.seg{font-size:.92em}.loc{white-space:nowrap;font-family:monospace}
details{margin:.4em 0}summary{cursor:pointer;font-weight:600}
@media print{details{display:block}summary{list-style:none}}
"""


def _highlight(text: str, start: int, end: int) -> str:
    if start == end:
        return html.escape(text)
    return (
        html.escape(text[:start])
        + "<mark>"
        + html.escape(text[start:end])
        + "</mark>"
        + html.escape(text[end:])
    )


def render_html(
    result: CheckResult,
    located: Sequence[Located],
    *,
    title: str,
    variations: Sequence[ConceptVariation],
) -> str:
    """A standalone page a reviewer can open in a browser or print."""
    from termwise.checks.ignores import issue_id

    pairs = {pair.segment_id: pair for pair in result.pairs}
    context = result.context
    langs = context.source_lang + (f" → {context.target_lang}" if context.target_lang else "")
    out = [
        "<!DOCTYPE html>",
        f'<html lang="en"><head><meta charset="utf-8"><title>{html.escape(title)}</title>',
        f"<style>{_CSS}</style></head><body>",
        f"<h1>{html.escape(title)}</h1>",
        f"<p>{html.escape(langs)} · {len(result.pairs)} segments · "
        f"{html.escape(summary([item.issue for item in located]))}"
        + (f" · {len(result.ignored)} ignored" if result.ignored else "")
        + "</p>",
    ]
    groups: dict[str, list[Located]] = defaultdict(list)
    for item in located:
        groups[item.issue.check].append(item)
    descriptions: dict[str, str] = {}
    for check_id in groups:
        try:
            descriptions[check_id] = get_check(check_id).description
        except KeyError:
            descriptions[check_id] = "user-defined check"
    if groups:
        # An overview first: a reviewer decides where to start from the counts.
        out.append("<h2>Summary</h2><table><tr><th>Check</th><th>Issues</th><th>Severity</th>")
        out.append("<th>What it means</th></tr>")
        for check_id, items in sorted(groups.items(), key=lambda kv: -kv[1][0].issue.severity.rank):
            severity = items[0].issue.severity.value
            out.append(
                f'<tr><td><a href="#{html.escape(check_id)}">{html.escape(check_id)}</a></td>'
                f"<td>{len(items)}</td><td class={severity}>{severity}</td>"
                f"<td>{html.escape(descriptions[check_id])}</td></tr>"
            )
        out.append("</table><h2>Issues by check</h2>")
    for check_id, items in groups.items():
        description = descriptions[check_id]
        if any(item.issue.concept for item in items):
            # Terminology issues read best concept by concept, in document order within each.
            first_seen: dict[str, int] = {}
            for item in items:
                first_seen.setdefault(item.issue.concept or "", len(first_seen))
            items = sorted(items, key=lambda item: first_seen[item.issue.concept or ""])
        out.append(
            f'<details open><summary id="{html.escape(check_id)}">{html.escape(check_id)} '
            f"({len(items)}) <span class=muted>{html.escape(description)}</span></summary>"
        )
        out.append(
            "<table><tr><th style='width:11%'>Where</th><th style='width:6%'>Severity</th>"
            "<th style='width:27%'>Message</th><th style='width:28%'>Source</th>"
            "<th style='width:28%'>Target</th></tr>"
        )
        for item in items:
            issue = item.issue
            pair = pairs.get(issue.segment_id)
            source = pair.source if pair else ""
            target = (pair.target or "") if pair else ""
            if issue.side == "source":
                source_html = _highlight(source, issue.start, issue.end)
                target_html = html.escape(target)
            else:
                source_html = html.escape(source)
                target_html = _highlight(target, issue.start, issue.end)
            fix = (
                f"<div class=fix>fix: {html.escape(_fix_text(issue).strip(' []')[5:])}</div>"
                if issue.fix is not None
                else ""
            )
            out.append(
                f"<tr><td class=loc>{html.escape(item.file)}:{item.line}:{item.column}<br>"
                f"<span class=muted>segment {html.escape(issue.segment_id)} · {issue.side}<br>"
                # The id --ignore takes: read with the side above it, it passed for the
                # source's id.
                f"issue id {issue_id(issue, context.target_lang)} (for --ignore)</span></td>"
                f"<td class={issue.severity.value}>{issue.severity.value}</td>"
                f"<td>{html.escape(issue.message)}{fix}</td>"
                f"<td class=seg>{source_html}</td><td class=seg>{target_html}</td></tr>"
            )
        out.append("</table></details>")
    if variations:
        out.append("<h2>Term variation</h2><table>")
        out.append(
            "<tr><th>Concept</th><th>Language</th><th>Rendering</th><th>Status</th>"
            "<th>Count</th><th>Forms in the text</th></tr>"
        )
        for variation in variations:
            for rendering in variation.renderings:
                status_class = "warning" if rendering.status in ("deprecated", "superseded") else ""
                forms = ", ".join(
                    f"{form} ({count})" for form, count in rendering.forms.most_common()
                )
                out.append(
                    f"<tr><td>{html.escape(variation.label)}</td><td>{html.escape(rendering.lang)}"
                    f"</td><td>{html.escape(rendering.term)}</td>"
                    f"<td class='{status_class}'>{html.escape(rendering.status)}</td>"
                    f"<td>{rendering.count}</td><td>{html.escape(forms)}</td></tr>"
                )
        out.append("</table>")
    if result.skipped:
        out.append("<h2>Checks not run</h2><ul>")
        for check_id, reason in result.skipped.items():
            out.append(f"<li>{html.escape(check_id)}: {html.escape(reason)}</li>")
        out.append("</ul>")
    out.append("</body></html>")
    return "\n".join(out) + "\n"
