"""Merging an imported glossary into the concepts a glossary folder already has.

A project reads every file of its glossary folder as one glossary, and a term two concepts
share belongs to neither in a text: MT and the checks leave it alone. A client's CSV that
lists "global governance" beside the project's own concept therefore switched off the
project's official Spanish term, and the client's was not used either. So an imported
concept whose source-language term is a term of a concept there is merged into that
concept (in the file that holds it), and one preferred term per language is kept by a
stated rule: the project's (the imported one becomes admitted), or with ``prefer_imported``
the imported one (the project's becomes ``demote_to``). A term of another concept that the
merge cannot place is left out and said, never written beside it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from termwise import languages
from termwise.errors import TermwiseError
from termwise.glossary.formats import glossary_files, read_file
from termwise.glossary.matcher import same_form
from termwise.glossary.model import Concept, Glossary, Term, TermStatus, lang_matches


@dataclass
class FolderFile:
    """A glossary file of the folder, as read; ``changed`` once a merge touched it."""

    path: Path
    glossary: Glossary
    changed: bool = False

    @property
    def rewritable(self) -> bool:
        # TBX is the only format written back without loss; a concept in a CSV or OmegaT
        # file of the folder gets its imported terms in the import's file, under its id.
        return self.path.suffix.lower() == ".tbx"


@dataclass
class MergeReport:
    """What merging did: counts for the summary, and a line per concept worth reading."""

    new: int = 0
    merged: list[str] = field(default_factory=list)
    conflicts: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    left_out: list[str] = field(default_factory=list)

    def summary(self) -> str:
        return (
            f"{self.new} new concept(s), {len(self.merged)} merged into concepts of the "
            f"glossary, {len(self.conflicts)} in conflict (preferred terms differ)"
        )


def read_folder(folder: Path, skip: Path) -> list[FolderFile]:
    """The folder's glossary files but ``skip`` (the file the import writes), as read; a
    file that cannot be read is no owner of terms."""
    files = []
    for path in glossary_files(folder):
        if path.resolve() == skip.resolve():
            continue
        try:
            files.append(FolderFile(path, read_file(path)))
        except TermwiseError:
            continue
    return files


def _key(text: str) -> str:
    return " ".join(text.casefold().split())


class _Owners:
    """Which concept of the folder has a term, by its text (case and spacing aside)."""

    def __init__(self, files: list[FolderFile]) -> None:
        self._by_text: dict[str, list[tuple[str, Concept, FolderFile]]] = {}
        for file in files:
            for concept in file.glossary.concepts:
                for term in concept.all_terms:
                    self.add(term, concept, file)

    def add(self, term: Term, concept: Concept, file: FolderFile) -> None:
        self._by_text.setdefault(_key(term.text), []).append((term.lang, concept, file))

    def of(self, term: Term) -> list[tuple[Concept, FolderFile]]:
        found: list[tuple[Concept, FolderFile]] = []
        for lang, concept, file in self._by_text.get(_key(term.text), []):
            serves = lang_matches(lang, term.lang) or lang_matches(term.lang, lang)
            if serves and not any(concept is seen for seen, _ in found):
                found.append((concept, file))
        return found


def merge_into_folder(
    imported: Glossary,
    files: list[FolderFile],
    source_lang: str | None,
    source_name: str,
    *,
    prefer_imported: bool = False,
    demote_to: TermStatus = TermStatus.ADMITTED,
) -> MergeReport:
    """Merge each concept of ``imported`` whose source-language term a concept of ``files``
    has into that concept, and leave out every other term such a concept has.

    ``imported`` keeps its new concepts only (and, for a concept in a file that is not
    TBX, its new terms under that concept's id); ``files`` that took terms are marked
    ``changed``. A concept of the same id that shares a term is left to the folder's own
    merge by id, as before.
    """
    source = languages.normalize(source_lang) if source_lang else imported.lang
    if source is None and imported.languages():
        source = imported.languages()[0]
    owners = _Owners(files)
    report = MergeReport()
    kept: list[Concept] = []
    for concept in imported.concepts:
        target = _target(concept, owners, source)
        placed = _leave_out_others(concept, owners, target, report)
        if target is not None and target[0].id == concept.id:
            # The folder merges a concept of the same id itself, as it always has.
            kept.append(placed)
            report.merged.append(concept.id)
            continue
        if target is None:
            if placed.all_terms:
                kept.append(placed)
                report.new += 1
            continue
        existing, file, first = target
        report.merged.append(existing.id)
        report.notes.append(
            f"{first.text!r} ({first.lang}) of {concept.id} is also a term of {existing.id} "
            f"in {file.path.name}: merged into {existing.id}"
        )
        holder = existing if file.rewritable else Concept(existing.id)
        notes_before = len(existing.notes)
        conflicts = _merge(
            placed,
            existing,
            holder,
            source_name,
            prefer_imported=prefer_imported and file.rewritable,
            demote_to=demote_to,
            source=first.lang,
        )
        for term in holder.all_terms:
            owners.add(term, existing, file)
        if conflicts:
            report.conflicts.append(f"{existing.id}: " + "; ".join(conflicts))
        if file.rewritable:
            touched = holder.all_terms or conflicts or len(existing.notes) > notes_before
            file.changed = file.changed or bool(touched)
        elif holder.all_terms:
            kept.append(holder)
    imported.concepts = kept
    return report


def _target(
    concept: Concept, owners: _Owners, source: str | None
) -> tuple[Concept, FolderFile, Term] | None:
    """The concept of the folder that has one of ``concept``'s source-language terms, with
    its file and that term, the first such term deciding; None where none has."""
    if source is None:
        return None
    for term in concept.all_terms:
        if not lang_matches(term.lang, source):
            continue
        for owner, file in owners.of(term):
            return owner, file, term
    return None


def _leave_out_others(
    concept: Concept,
    owners: _Owners,
    target: tuple[Concept, FolderFile, Term] | None,
    report: MergeReport,
) -> Concept:
    """``concept`` without the terms that a concept other than ``target`` (or its own id's)
    has: written beside it, such a term would belong to neither."""
    allowed = {concept.id} | ({target[0].id} if target else set())
    kept_terms = []
    for term in concept.all_terms:
        other = next(
            ((owner, file) for owner, file in owners.of(term) if owner.id not in allowed), None
        )
        if other is None:
            kept_terms.append(term)
            continue
        report.left_out.append(
            f"{term.text!r} ({term.lang}) of {concept.id} left out: it is a term of "
            f"{other[0].id} in {other[1].path.name}, and a term of two concepts belongs to "
            f"neither in a text (add it to {other[0].id} with glossary add --concept if it "
            "is that concept's)"
        )
    concept.all_terms = kept_terms
    return concept


def _merge(
    imported: Concept,
    existing: Concept,
    holder: Concept,
    source_name: str,
    *,
    prefer_imported: bool,
    demote_to: TermStatus,
    source: str,
) -> list[str]:
    """Add ``imported``'s terms that ``existing`` lacks to ``holder`` (``existing`` itself,
    or a concept of its id in the import's file) so that each language keeps one preferred
    term; returns a phrase per language whose preferred terms differed.

    ``prefer_imported`` holds for the target languages only: the ``source`` language's term
    is what found the concept, and a file without statuses calls every term preferred, so
    a client's variant ("responsible big country") would have displaced the glossary's
    source term."""
    conflicts = []
    for lang in imported.languages():
        prefer = prefer_imported and not lang_matches(lang, source)
        theirs = [t for t in imported.all_terms if t.lang == lang]
        ours = existing.terms(lang)
        old = [t for t in ours if t.status is TermStatus.PREFERRED]
        wanted = next((t for t in theirs if t.status is TermStatus.PREFERRED), None)
        added: list[Term] = []
        for term in theirs:
            if any(same_form(t.text, term.text) for t in ours + added):
                continue
            term.source = term.source or source_name
            added.append(term)
        twin = (
            next((t for t in ours + added if same_form(t.text, wanted.text)), wanted)
            if wanted
            else None
        )
        differ = twin is not None and bool(old) and not any(t is twin for t in old)
        keep = twin if differ and prefer else (old[0] if old else twin)
        for term in added:
            if term.status is TermStatus.PREFERRED and term is not keep:
                term.status = TermStatus.ADMITTED
        if differ and twin is not None:
            was = ", ".join(repr(t.text) for t in old)
            if prefer:
                for term in old:
                    term.status = demote_to
                twin.status = TermStatus.PREFERRED
                conflicts.append(
                    f"{lang} preferred is now the imported {twin.text!r}; {was} {demote_to.value}"
                )
            elif prefer_imported:
                conflicts.append(
                    f"{lang} kept the preferred {was}, the source language's; the imported "
                    f"{twin.text!r} is {twin.status.value}"
                )
            else:
                conflicts.append(
                    f"{lang} kept the preferred {was}; the imported preferred {twin.text!r} "
                    f"is {twin.status.value} (--prefer imported makes it the preferred one)"
                )
        holder.all_terms.extend(added)
    notes = [f"{source_name}: {note}" for note in imported.notes]
    existing.notes.extend(note for note in notes if note not in existing.notes)
    if holder is not existing:
        holder.notes.extend(imported.notes)
    existing.subject_field = existing.subject_field or imported.subject_field
    existing.definition = existing.definition or imported.definition
    return conflicts
