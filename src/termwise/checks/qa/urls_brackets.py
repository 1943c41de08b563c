"""URLs and brackets: addresses copied exactly, brackets and quotes paired on each side
(across segments too: a sentence splitter cuts parentheses and quotations)."""

from __future__ import annotations

import bisect
import re
from collections import Counter
from collections.abc import Iterator, Sequence

from termwise.checks.context import CheckContext, Pair
from termwise.checks.issue import Issue, Severity, Side
from termwise.checks.registry import Scope, register
from termwise.checks.screening import segments_containing, segments_containing_either

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


# A list label closed by a parenthesis: "a)", "iv)", "2)" at the start or after a space,
# colon or semicolon, ending at the ")" the search stops at.
_ENUMERATOR = re.compile(r"(?:^|(?<=[\s:;,]))(?:[a-zA-Z]|[ivxIVX]{1,4}|[0-9]{1,2})\)\Z")

# How many segments later an opener may still find its closer (never past a heading). A
# sentence splitter cuts a parenthesis or a quotation of a few sentences (a verse, an aside);
# a mark farther away is more likely a mistake of its own, and reporting it beats pairing two
# separate mistakes.
PAIRING_WINDOW = 4

# An opener still waiting for its closer: the mark, its segment's position in the document,
# and its offset in that segment's text.
_Opener = tuple[str, int, int]
# A mark left without a partner: its segment's position and its offset there.
_Mark = tuple[int, int]


def _pair_marks(
    text: str, lang: str, segment: int, stack: list[_Opener]
) -> tuple[list[_Mark], list[int]]:
    """Pair the brackets and quotes of ``text`` (the segment at position ``segment``).

    ``stack`` holds the openers earlier segments left open, so that a closer here can close
    one of them as if the splitter had not cut the text; what this text leaves open is left
    on it for later segments. Returns the marks that can no longer find a partner, and the
    offsets of the straight double quotes, which pair by their count, not by the stack.
    """
    german = lang == "de"
    bad: list[_Mark] = []
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
        # A second “ while this segment's own “ is open was typed for ”; after one an earlier
        # segment left open it starts a quotation of its own.
        if char in _OPENERS and not (
            char == "“" and stack and stack[-1][0] == "“" and stack[-1][1] == segment
        ):
            stack.append((char, segment, position))
            continue
        opener = _CLOSERS.get(char)
        if stack and stack[-1][0] == opener:
            stack.pop()
        elif char == ")" and _ENUMERATOR.search(text, 0, position + 1):
            # "a) … b) … c)" and "1)" label a list's items: no parenthesis was opened.
            continue
        elif any(open_ == opener for open_, _, _ in stack):
            # Close the nearest matching opener; what lies between was left open.
            while stack[-1][0] != opener:
                _, where, offset = stack.pop()
                bad.append((where, offset))
            stack.pop()
        else:
            bad.append((segment, position))
    return bad, straight


def _unpaired(
    context: CheckContext, pairs: Sequence[Pair], side: Side, lang: str
) -> dict[int, list[int]]:
    """The offsets of the unpaired marks on ``side``, by the position of their segment.

    Only segments with a bracket or a quote are read (one scan of the whole side finds them),
    so a long document costs little; their positions in ``pairs`` still measure the window.
    """
    found: dict[int, list[int]] = {}
    # No parenthesis or quotation runs across a heading.
    headings = [index for index, pair in enumerate(pairs) if pair.is_heading]
    stack: list[_Opener] = []
    # A straight quote an odd count left open, waiting for another odd count to close it.
    quote: _Mark | None = None
    for index in segments_containing(_BRACKET_CHARS, context, pairs, side):
        pair = pairs[index]
        text = pair.source if side == "source" else pair.target
        if not text:
            continue
        barrier = bisect.bisect_right(headings, index) - 1
        oldest = max(index - PAIRING_WINDOW, headings[barrier] + 1 if barrier >= 0 else 0)
        # The stack is in document order: what is out of reach lies at its bottom.
        expired = 0
        while expired < len(stack) and stack[expired][1] < oldest:
            expired += 1
        for _, where, offset in stack[:expired]:
            found.setdefault(where, []).append(offset)
        del stack[:expired]
        if quote is not None and quote[0] < oldest:
            found.setdefault(quote[0], []).append(quote[1])
            quote = None
        bad, straight = _pair_marks(text, lang, index, stack)
        for where, offset in bad:
            found.setdefault(where, []).append(offset)
        if len(straight) % 2:
            quote = (index, straight[-1]) if quote is None else None
    for _, where, offset in stack:
        found.setdefault(where, []).append(offset)
    if quote is not None:
        found.setdefault(quote[0], []).append(quote[1])
    return found


@register(
    "brackets",
    Severity.WARNING,
    "Brackets or quotation marks are not paired.",
    Scope.DOCUMENT,
    # The source is checked without a translation, as every text check's source is.
    needs_target=False,
    # A parenthesis or a quotation the splitter cut closes in a later segment.
    across_segments=True,
)
def brackets(context: CheckContext, pairs: Sequence[Pair]) -> Iterator[Issue]:
    """Unpaired marks of each side, a mark counting as paired when its partner stands in one
    of the next ``PAIRING_WINDOW`` segments (a translation only where there is one)."""
    source = _unpaired(context, pairs, "source", context.source_base)
    target: dict[int, list[int]] = {}
    if context.target_lang is not None:
        target = _unpaired(context, pairs, "target", context.target_base or "")
    for index in sorted(source.keys() | target.keys()):
        pair = pairs[index]
        in_source = source.get(index, [])
        yield from _report(context, pair, "source", in_source)
        in_target = target.get(index, [])
        # The translation faithfully keeps the source's own unpaired mark: report it once, on
        # the source, not twice.
        if len(in_target) != len(in_source):
            yield from _report(context, pair, "target", in_target)


def _report(context: CheckContext, pair: Pair, side: Side, offsets: list[int]) -> Iterator[Issue]:
    text = pair.source if side == "source" else (pair.target or "")
    for offset in sorted(offsets):
        yield context.issue(pair, side, offset, offset + 1, f"unpaired {text[offset]}")
