"""What every machine-translation engine gives termwise.

Engines translate a whole list of segments at once: batching a document is what makes neural
MT fast, and one process call per document is what makes Apertium fast. Results keep the
engine and model identity so that a reviewed translation can say where its draft came from.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Protocol, runtime_checkable

from termwise.document.model import SegmentKind

Progress = Callable[[int, int], None]
"""``progress(done, total)``: segments translated so far, out of all segments."""


@dataclass(frozen=True)
class TermDecision:
    """What glossary-constrained translation did with one concept occurrence of a segment.

    ``target`` is the rendering put into the translation, or None where the occurrence was
    left to the engine; ``mechanism`` names how it was put there (``apertium-lexical``,
    ``placeholder``, ``prefix``, ``nbest``, ``attention``) or is ``left`` with the
    ``reason`` (fix by hand, no rendering in the target language, every mechanism failed).
    """

    concept_id: str
    source: str
    target: str | None
    mechanism: str
    reason: str = ""

    def left(self, reason: str) -> TermDecision:
        """This occurrence left to the engine after all (the forced term did not survive)."""
        return TermDecision(self.concept_id, self.source, None, "left", reason)

    def describe(self) -> str:
        """One line for a PO comment or a report: ``T01 -> rendering (mechanism)``, and why
        where the mechanism said why (a gender the suffix rule gave, the words made to
        agree): a reviewer must tell a predicted gender from a recorded one in the PO file
        too, not only in ``--format json``."""
        if self.target is None:
            return f"{self.concept_id} left to the engine: {self.reason}"
        line = f"{self.concept_id} -> {self.target} ({self.mechanism})"
        return f"{line}: {_short(self.reason)}" if self.reason else line


# A reason longer than this goes into a comment line as its conclusion alone.
_SHORT_REASON = 90


def _short(reason: str) -> str:
    """``reason`` short enough for one comment line: a long one cut to its conclusion, the
    part after its first colon, as the mechanisms write them ("the glossary records no
    gender for … and Apertium's analyser does not know 'gobernanza': feminine by the suffix
    rule (suffix -anza (es))")."""
    if len(reason) <= _SHORT_REASON or ": " not in reason:
        return reason
    return reason.split(": ", 1)[1]


@dataclass(frozen=True)
class MTResult:
    """One segment's machine translation.

    ``nbest`` holds the hypotheses the engine scored, best first (the first is ``target``);
    ``unknown`` holds spans of ``target`` the engine copied because it did not know them
    (Apertium's ``*word`` marks), so a reviewer can see them without the marks in the text;
    ``terms`` says what glossary-constrained translation forced or left, per occurrence.
    """

    source: str
    target: str
    engine: str
    model: str
    nbest: list[tuple[str, float]] = field(default_factory=list)
    unknown: tuple[tuple[int, int], ...] = ()
    terms: tuple[TermDecision, ...] = ()

    def unknown_words(self) -> list[str]:
        return [self.target[start:end] for start, end in self.unknown]


@runtime_checkable
class Engine(Protocol):
    """A machine-translation engine for some language pairs.

    Engines may also offer ``options() -> Mapping[str, object]`` (settings that change the
    output, such as the beam size) and ``fingerprint(src, tgt) -> str`` (changes when the model
    files change); ``CachedEngine`` puts both into its keys when present.
    """

    name: str

    def model_id(self, src: str, tgt: str) -> str:
        """Model name and version used for ``src`` → ``tgt`` (shown to users, cached)."""
        ...

    def translate(
        self,
        texts: Sequence[str],
        src: str,
        tgt: str,
        *,
        progress: Progress | None = None,
        kinds: Sequence[str] | None = None,
    ) -> list[MTResult]:
        """Translate ``texts`` in order; one result per text.

        ``kinds`` gives each text's segment kind (``SegmentKind``: "heading", "sentence")
        where the caller knows it: a heading is translated as a heading even where its text
        would read as a sentence ("Three things to do:"). None: every text is taken for
        what its words look like.
        """
        ...


def heading_flags(kinds: Sequence[str] | None, count: int) -> list[bool]:
    """Whether each of ``count`` texts is a heading, by ``kinds`` (None: no text is known
    to be one). A list of the wrong length is a caller's bug, never guessed around."""
    if kinds is None:
        return [False] * count
    if len(kinds) != count:
        raise ValueError(f"{len(kinds)} kinds for {count} texts")
    return [kind == SegmentKind.HEADING for kind in kinds]
