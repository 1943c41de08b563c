"""URLs and brackets: addresses copied exactly, brackets and quotes paired on each side."""

from __future__ import annotations

import re
from collections import Counter

from termwise.checks.context import CheckContext, Pair
from termwise.checks.issue import Issue, Severity, Side
from termwise.checks.registry import Scope, register
from termwise.checks.screening import (
    segments_containing,
    segments_containing_either,
)

_URL = re.compile(
    r"(?:https?://|ftp://|www\.)[^\s<>\"'“”«»]+|[\w.+-]+@[\w-]+(?:\.[\w-]+)+", re.IGNORECASE
)
_TRAILING = ".,;:!?)]}'\"。，；：！？）"


def _urls(text: str) -> list[tuple[str, int, int]]:
    if "@" not in text and "://" not in text and "www." not in text.lower():
        return []
    found = []
    for match in _URL.finditer(text):
        value = match.group().rstrip(_TRAILING)
        found.append((value, match.start(), match.start() + len(value)))
    return found


@register(
    "urls",
    Severity.ERROR,
    "URLs and e-mail addresses of the source are missing or changed in the target.",
    Scope.PAIR,
    screen=lambda context, pairs, side: segments_containing_either(
        ("@", "://", "www."), context, pairs, ignore_case=True
    ),
)
def urls(context: CheckContext, pair: Pair) -> list[Issue]:
    target = pair.target or ""
    source_urls = _urls(pair.source)
    target_urls = _urls(target)
    if not source_urls and not target_urls:
        return []
    wanted = Counter(value for value, _, _ in source_urls)
    have = Counter(value for value, _, _ in target_urls)
    issues = []
    for value, start, end in target_urls:
        if value not in wanted:
            issues.append(
                context.issue(
                    pair,
                    "target",
                    start,
                    end,
                    f"{value} is not in the source",
                )
            )
    for value in wanted - have:
        issues.append(
            context.issue(
                pair,
                "target",
                0,
                0,
                f"{value} of the source is missing from the target",
            )
        )
    return issues


# --- brackets and quotes --------------------------------------------------------------------

_OPENERS = {"(": ")", "[": "]", "{": "}", "（": "）", "［": "］", "【": "】", "「": "」"}
_OPENERS.update({"『": "』", "《": "》", "«": "»", "“": "”", "„": "“", "‹": "›"})
_CLOSERS = {close: open_ for open_, close in _OPENERS.items() if open_ != "„"}
_BRACKET_CHARS = frozenset(_OPENERS) | frozenset(_CLOSERS) | {'"'}
_BRACKET_RE = re.compile("[" + re.escape("".join(sorted(_BRACKET_CHARS))) + "]")


def _unpaired(text: str, lang: str) -> list[int]:
    """Offsets of brackets and quotes without a partner."""
    if not _BRACKET_RE.search(text):
        return []
    german = lang == "de"
    stack: list[tuple[str, int]] = []
    bad: list[int] = []
    straight: list[int] = []
    for match in _BRACKET_RE.finditer(text):
        char, position = match.group(), match.start()
        if char == '"':
            straight.append(position)
            continue
        # German opens with „ and closes with “, which elsewhere opens: decide by the stack.
        if char == "“" and german and stack and stack[-1][0] == "„":
            stack.pop()
            continue
        if char in _OPENERS and not (char == "“" and stack and stack[-1][0] == "“"):
            stack.append((char, position))
            continue
        opener = _CLOSERS.get(char)
        if stack and stack[-1][0] == opener:
            stack.pop()
        elif any(open_ == opener for open_, _ in stack):
            # Close the nearest matching opener; what lies between was left open.
            while stack and stack[-1][0] != opener:
                bad.append(stack.pop()[1])
            stack.pop()
        else:
            bad.append(position)
    bad.extend(position for _, position in stack)
    if len(straight) % 2:
        bad.append(straight[-1])
    return sorted(bad)


@register(
    "brackets",
    Severity.WARNING,
    "Brackets or quotation marks are not paired.",
    Scope.TEXT,
    screen=lambda context, pairs, side: segments_containing(_BRACKET_CHARS, context, pairs, side),
)
def brackets(context: CheckContext, pair: Pair, side: Side, text: str) -> list[Issue]:
    lang = context.source_base if side == "source" else (context.target_base or "")
    bad = _unpaired(text, lang)
    if not bad:
        return []
    if side == "target" and len(_unpaired(pair.source, context.source_base)) == len(bad):
        # The translation faithfully keeps the source's own unpaired mark: report it once,
        # on the source, not twice.
        return []
    return [
        context.issue(
            pair,
            side,
            position,
            position + 1,
            f"unpaired {text[position]}",
        )
        for position in bad
    ]
