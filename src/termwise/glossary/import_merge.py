"""Merging an imported glossary into the concepts a glossary folder already has.

A project reads every file of its glossary folder as one glossary, and a term two concepts
share belongs to neither in a text: MT and the checks leave it alone. A client's CSV that
lists "global governance" beside the project's own concept therefore switched off the
project's official Spanish term, and the client's was not used either. So an imported
concept whose source-language term is a term of a concept there (whatever its id: CSV rows
are "r2", "r3" in every file) is merged into that concept (in the file that holds it), and
one preferred term per language is kept by a stated rule: the project's (the imported one
becomes admitted), or with ``prefer_imported`` the imported one (the project's becomes
``demote_to``). A term of another concept that the merge cannot place is left out and
said, never written beside it; a source term two concepts of the folder share already
names neither, so such a concept is not imported. Rows of a CSV or OmegaT file that give
one source term are one concept's, merged before anything else. A merge that changes
nothing leaves the file alone, so that importing a file again is a no-op.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Literal

from termwise import languages
from termwise.glossary.formats import glossary_files, read_folder_files
from termwise.glossary.matcher import same_form
from termwise.glossary.model import Concept, Glossary, Term, TermStatus, lang_matches


@dataclass
class FolderFile:
    """A glossary file of the folder, as read; ``changed`` once a merge changed it."""

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
    """What merging did: counts for the summary, and a line per concept worth reading.

    ``holders`` are the concepts of the import's own file that carry new terms of a
    concept held in a CSV or OmegaT file of the folder, under that concept's id."""

    new: int = 0
    unchanged: int = 0
    merged: list[str] = field(default_factory=list)
    conflicts: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    holders: list[Concept] = field(default_factory=list)
    changed_files: int = 0

    @property
    def nothing_new(self) -> bool:
        return not (self.new or self.holders or self.changed_files)

    def summary(self) -> str:
        counts = (
            f"{self.new} new concept(s), {len(self.merged)} merged into concepts of the "
            f"glossary, {len(self.conflicts)} in conflict (preferred terms differ)"
        )
        if self.unchanged:
            counts += f", {self.unchanged} unchanged in the file it replaces"
        if not self.nothing_new:
            return counts
        if self.warnings:
            return f"nothing new: {counts}"
        return f"nothing new: the glossary has every term of the file already ({counts})"


def read_folder(folder: Path, skip: Path) -> list[FolderFile]:
    """The folder's glossary files but ``skip`` (the file the import writes), as read, with
    the ids the folder's glossary gives their concepts; a file that cannot be read is no
    owner of terms."""
    paths = [path for path in glossary_files(folder) if path.resolve() != skip.resolve()]
    return [
        FolderFile(path, glossary)
        for path, glossary in read_folder_files(paths, skip_unreadable=True)
    ]


def _key(text: str) -> str:
    return " ".join(text.casefold().split())


@dataclass(frozen=True)
class _Owner:
    """A concept of the folder that has a term, with its file and its own term of it."""

    concept: Concept
    file: FolderFile
    term: Term


class _Owners:
    """Which concept of the folder has a term, by its text (case and spacing aside)."""

    def __init__(self, files: list[FolderFile]) -> None:
        self._by_text: dict[str, list[_Owner]] = {}
        for file in files:
            for concept in file.glossary.concepts:
                for term in concept.all_terms:
                    self.add(term, concept, file)

    def add(self, term: Term, concept: Concept, file: FolderFile) -> None:
        self._by_text.setdefault(_key(term.text), []).append(_Owner(concept, file, term))

    def of(self, term: Term) -> list[_Owner]:
        found: list[_Owner] = []
        for owner in self._by_text.get(_key(term.text), []):
            lang = owner.term.lang
            serves = lang_matches(lang, term.lang) or lang_matches(term.lang, lang)
            if serves and not any(owner.concept is seen.concept for seen in found):
                found.append(owner)
        return found


class _Held:
    """The concepts of the file an import replaces, to tell a concept it holds already."""

    def __init__(self, glossary: Glossary | None) -> None:
        self._by_terms: dict[frozenset[tuple[str, str]], list[Concept]] = {}
        for concept in glossary.concepts if glossary is not None else []:
            self._by_terms.setdefault(self._terms(concept), []).append(concept)

    @staticmethod
    def _terms(concept: Concept) -> frozenset[tuple[str, str]]:
        return frozenset((term.lang, term.text) for term in concept.all_terms)

    def has(self, concept: Concept) -> bool:
        """Whether the file holds ``concept`` as it is, whatever its id: the import renames
        an id another file of the folder uses after the merge."""
        return any(
            replace(concept, id=other.id) == other
            for other in self._by_terms.get(self._terms(concept), [])
        )


def merge_into_folder(
    imported: Glossary,
    files: list[FolderFile],
    source_lang: str | None,
    source_name: str,
    *,
    prefer_imported: bool = False,
    demote_to: TermStatus = TermStatus.ADMITTED,
    rows: bool = False,
    replaced: Glossary | None = None,
) -> MergeReport:
    """Merge each concept of ``imported`` whose source-language term a concept of ``files``
    has (or that shares a term with the concept of its own id there) into that concept,
    and leave out every other term such a concept has.

    ``imported`` keeps its new concepts only, and ``report.holders`` (for a concept in a
    file that is not TBX, its new terms under that concept's id); ``files`` whose merge
    changed them are marked ``changed``. ``rows``: the import is a CSV or OmegaT file,
    whose rows are term pairs, not concepts. ``replaced``: the file the import replaces
    (``--replace``); a concept it holds as it is counts as unchanged, not new."""
    source = languages.normalize(source_lang) if source_lang else imported.lang
    if source is None:
        # A file that names no language of its own (CSV, OmegaT) has the glossary's, where
        # it has terms in it: not its first column's, which made an English glossary zh.
        found = imported.languages()
        own = (file.glossary.lang for file in files if file.glossary.lang in found)
        source = next(own, found[0] if found else None)
    imported.lang = imported.lang or source
    report = MergeReport()
    if rows and source is not None:
        combine_rows(imported, source, source_name, report)
    for concept in imported.concepts:
        _one_preferred(concept, source_name, report)
    owners = _Owners(files)
    held = _Held(replaced)
    kept: list[Concept] = []
    holders: dict[int, Concept] = {}
    for concept in imported.concepts:
        target = _target(concept, owners, source, report)
        if target is False:
            continue
        placed = _leave_out_others(concept, owners, target, report)
        if target is None:
            if placed.all_terms:
                kept.append(placed)
                if held.has(placed):
                    report.unchanged += 1
                else:
                    report.new += 1
            continue
        existing, file, first = target.concept, target.file, target.term
        if existing.id not in report.merged:
            report.merged.append(existing.id)
        report.notes.append(
            f"{first.text!r} ({first.lang}) of {concept.id} is also a term of {existing.id} "
            f"in {file.path.name}: merged into {existing.id}"
        )
        holder = existing
        if not file.rewritable:
            holder = holders.setdefault(id(existing), Concept(existing.id))
        conflicts, changed = _merge(
            placed,
            existing,
            holder,
            source_name,
            prefer_imported=prefer_imported,
            demote_to=demote_to,
            source=first.lang,
            file=file,
        )
        for term in holder.all_terms:
            owners.add(term, existing, file)
        if conflicts:
            report.conflicts.append(f"{existing.id}: " + "; ".join(conflicts))
        if file.rewritable:
            file.changed = file.changed or changed
        elif holder.all_terms and not any(holder is seen for seen in report.holders):
            kept.append(holder)
            report.holders.append(holder)
    imported.concepts = kept
    report.changed_files = sum(file.changed for file in files)
    return report


def combine_rows(imported: Glossary, source: str, source_name: str, report: MergeReport) -> None:
    """Make the rows of ``imported`` that give one source-language term one concept, the
    first row's preferred terms staying preferred: as concepts of their own they all
    merged into one concept of the glossary, the last row winning, with a conflict line
    each and the concept counted twice."""
    firsts: dict[str, Concept] = {}
    kept: list[Concept] = []
    for concept in imported.concepts:
        shared = [t for t in concept.all_terms if lang_matches(t.lang, source)]
        into = next((firsts[_key(t.text)] for t in shared if _key(t.text) in firsts), None)
        if into is None:
            kept.append(concept)
            for term in shared:
                firsts.setdefault(_key(term.text), concept)
            continue
        term = next(t for t in shared if firsts.get(_key(t.text)) is into)
        clashes, _ = _merge_terms(
            concept, into, into, prefer=lambda lang: False, demote_to=TermStatus.ADMITTED
        )
        into.notes.extend(note for note in concept.notes if note not in into.notes)
        for other in shared:
            firsts.setdefault(_key(other.text), into)
        line = (
            f"rows {into.id} and {concept.id} of {source_name} both give {term.text!r} "
            f"({term.lang}): imported as one concept"
        )
        if clashes:
            report.warnings.append(
                line
                + "; "
                + "; ".join(
                    _stays(c.lang, f"{c.old[0].text!r} ({into.id})", [c.new], concept.id)
                    for c in clashes
                )
            )
        else:
            report.notes.append(line)
    imported.concepts = kept


def _one_preferred(concept: Concept, source_name: str, report: MergeReport) -> None:
    """Leave ``concept`` one preferred term per language, by the rule the rows of one source
    term are combined by (``_merge_terms``): the first stays preferred, the others become
    admitted, and it is said. A TBX file's concept with two imported as it was: MT forced
    whichever it met first, the checks called the other inconsistent, and nothing was said
    (``glossary validate`` warns about it)."""
    for lang in concept.languages():
        preferred = [
            term
            for term in concept.all_terms
            if term.lang == lang and term.status is TermStatus.PREFERRED
        ]
        if len(preferred) < 2:
            continue
        demoted = _demote_preferred(preferred, preferred[0])
        report.warnings.append(
            f"{concept.id} of {source_name}: {_stays(lang, repr(preferred[0].text), demoted)}"
        )


def _demote_preferred(terms: list[Term], keep: Term | None) -> list[Term]:
    """Make each preferred term of ``terms`` but ``keep`` admitted, so that a language
    keeps one preferred term; returns the terms demoted."""
    demoted = [t for t in terms if t.status is TermStatus.PREFERRED and t is not keep]
    for term in demoted:
        term.status = TermStatus.ADMITTED
    return demoted


def _stays(lang: str, kept: str, others: list[Term], others_id: str | None = None) -> str:
    """How a clash of preferred terms in ``lang`` was settled: ``kept`` (as shown) stays
    preferred, ``others`` (of the concept ``others_id``, where another) have their status."""
    of = f" ({others_id})" if others_id else ""
    shown = ", ".join(f"{term.text!r}{of} is {term.status.value}" for term in others)
    return f"{lang} {kept} stays preferred, {shown}"


def _target(
    concept: Concept, owners: _Owners, source: str | None, report: MergeReport
) -> _Owner | None | Literal[False]:
    """The concept of the folder ``concept`` merges into, with its file and the term that
    found it: the one that has a source-language term of ``concept``, else the one of its
    own id that shares a term with it. None where none has; False (and said) where several
    have and nothing tells which: neither the id nor the term being preferred in one."""
    found: list[_Owner] = []
    if source is not None:
        for term in concept.all_terms:
            if lang_matches(term.lang, source):
                found.extend(
                    owner
                    for owner in owners.of(term)
                    if not any(owner.concept is seen.concept for seen in found)
                )
    if not found:
        same_id = (
            owner
            for term in concept.all_terms
            for owner in owners.of(term)
            if owner.concept.id == concept.id
        )
        return next(same_id, None)
    if len({owner.concept.id for owner in found}) == 1:
        return found[0]
    chosen = [owner for owner in found if owner.concept.id == concept.id] or [
        owner for owner in found if owner.term.status is TermStatus.PREFERRED
    ]
    if len({owner.concept.id for owner in chosen}) == 1:
        return chosen[0]
    shown = " and ".join(
        f"{owner.concept.id} ({owner.term.text!r} in {owner.file.path.name}, "
        f"{owner.term.status.value})"
        for owner in found
    )
    report.warnings.append(
        f"{concept.id} not imported: its source-language terms are terms of {shown}, and "
        "which concept it is cannot be told (remove the term from all but one of them, or "
        "add its terms with glossary add --concept)"
    )
    return False


def _leave_out_others(
    concept: Concept, owners: _Owners, target: _Owner | None, report: MergeReport
) -> Concept:
    """``concept`` without the terms that only a concept other than ``target`` has: written
    beside it, such a term would belong to neither. A term ``target`` has is kept (the
    merge finds it there), whichever other concept has it too."""
    kept_terms = []
    for term in concept.all_terms:
        found = owners.of(term)
        ours = target.concept.id if target is not None else None
        other = next((owner for owner in found if owner.concept.id != ours), None)
        if other is None or any(owner.concept.id == ours for owner in found):
            kept_terms.append(term)
            continue
        report.warnings.append(
            f"{term.text!r} ({term.lang}) of {concept.id} left out: it is a term of "
            f"{other.concept.id} in {other.file.path.name}, and a term of two concepts "
            f"belongs to neither in a text (add it to {other.concept.id} with glossary add "
            "--concept if it is that concept's)"
        )
    concept.all_terms = kept_terms
    return concept


@dataclass
class _Clash:
    """Two preferred terms for one language: ``old``, what the concept had, and ``new``,
    the imported one (or the concept's own form of it); ``switched`` once ``new`` is the
    preferred one."""

    lang: str
    old: list[Term]
    new: Term
    switched: bool


def _merge_terms(
    imported: Concept,
    existing: Concept,
    holder: Concept,
    *,
    prefer: Callable[[str], bool],
    demote_to: TermStatus,
    source_name: str | None = None,
) -> tuple[list[_Clash], bool]:
    """Add ``imported``'s terms that ``existing`` (and ``holder``) lack to ``holder`` so
    that each language keeps one preferred term: ``existing``'s, or where ``prefer(lang)``
    the imported one. Returns the clashes this merge decided and whether anything
    changed."""
    clashes = []
    changed = False
    for lang in imported.languages():
        theirs = [t for t in imported.all_terms if t.lang == lang]
        ours = existing.terms(lang) + (holder.terms(lang) if holder is not existing else [])
        old = [t for t in ours if t.status is TermStatus.PREFERRED]
        wanted = next((t for t in theirs if t.status is TermStatus.PREFERRED), None)
        added: list[Term] = []
        for term in theirs:
            if any(same_form(t.text, term.text) for t in ours + added):
                continue
            if source_name is not None:
                term.source = term.source or source_name
            added.append(term)
        twin = (
            next((t for t in ours + added if same_form(t.text, wanted.text)), wanted)
            if wanted
            else None
        )
        differ = twin is not None and bool(old) and not any(t is twin for t in old)
        switch = differ and prefer(lang)
        keep = twin if switch else (old[0] if old else twin)
        _demote_preferred(added, keep)
        if switch and twin is not None:
            for term in old:
                term.status = demote_to
            twin.status = TermStatus.PREFERRED
        # Settled by an earlier import of this file, its term there already from it, the
        # clash is no news: importing a file again repeated every conflict.
        settled = (
            wanted is not None
            and twin is not wanted
            and twin is not None
            and twin.source == (wanted.source or source_name)
        )
        if differ and twin is not None and (switch or not settled):
            clashes.append(_Clash(lang, old, twin, switch))
        holder.all_terms.extend(added)
        changed = changed or bool(added) or switch
    return clashes, changed


def _merge(
    imported: Concept,
    existing: Concept,
    holder: Concept,
    source_name: str,
    *,
    prefer_imported: bool,
    demote_to: TermStatus,
    source: str,
    file: FolderFile,
) -> tuple[list[str], bool]:
    """Merge ``imported`` into ``existing`` of ``file``, its new terms going to ``holder``
    (``existing`` itself, or a concept of its id in the import's file); returns a phrase
    per language whose preferred terms differed, and whether ``existing`` changed.

    ``prefer_imported`` holds for the target languages only: the ``source`` language's term
    is what found the concept, and a file without statuses calls every term preferred, so
    a client's variant ("responsible big country") would have displaced the glossary's
    source term. Nor can it hold in a file the import does not rewrite."""
    clashes, changed = _merge_terms(
        imported,
        existing,
        holder,
        prefer=lambda lang: prefer_imported and file.rewritable and not lang_matches(lang, source),
        demote_to=demote_to,
        source_name=source_name,
    )
    conflicts = []
    for clash in clashes:
        lang, new = clash.lang, clash.new
        was = ", ".join(repr(t.text) for t in clash.old)
        if clash.switched:
            conflicts.append(
                f"{lang} preferred is now the imported {new.text!r}; {was} {demote_to.value}"
            )
        elif not file.rewritable and not lang_matches(lang, source):
            cannot = "--prefer imported cannot apply: " if prefer_imported else ""
            conflicts.append(
                f"{lang} kept the preferred {was}; the imported preferred {new.text!r} is "
                f"{new.status.value} ({cannot}{file.path.name} is not rewritten by an "
                "import, only TBX files are: change its preferred term there)"
            )
        elif prefer_imported:
            conflicts.append(
                f"{lang} kept the preferred {was}, the source language's; the imported "
                f"{new.text!r} is {new.status.value}"
            )
        else:
            conflicts.append(
                f"{lang} kept the preferred {was}; the imported preferred {new.text!r} "
                f"is {new.status.value} (--prefer imported makes it the preferred one)"
            )
    notes = [f"{source_name}: {note}" for note in imported.notes]
    fresh = [note for note in notes if note not in existing.notes]
    existing.notes.extend(fresh)
    if holder is not existing:
        holder.notes.extend(note for note in imported.notes if note not in holder.notes)
    fields = (existing.subject_field, existing.definition)
    existing.subject_field = existing.subject_field or imported.subject_field
    existing.definition = existing.definition or imported.definition
    changed = changed or bool(fresh) or fields != (existing.subject_field, existing.definition)
    return conflicts, changed
