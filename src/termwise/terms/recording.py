"""Recording a discovered term in the glossary, as a new concept or as a variant of one,
and taking a term or a concept out again.

The term carries its status and where it was found (``paper.txt, line 34``) as its source,
and the sentence as its context, so a terminologist can judge it later. The glossary file
(TBX) is rewritten atomically; a glossary folder gets the term in the file that holds the
concept, and a new concept in its main file (``glossary_file``). A CSV or OmegaT glossary is
read, never rewritten: an edit of what it holds is refused and says so (``NotRewritten``).

Each edit reads the file as it is on disk now and changes only what it is about: the command
line and the workbench both record through here, so that neither writes back a copy it held
in memory over what another program saved meanwhile. What an edit has to say (a detail it
replaced, a term TBX could not keep) goes to ``tell``: standard error for the command line,
a toast in the workbench.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import click

from termwise import languages
from termwise.command_line import LANGUAGE, glossary_option
from termwise.errors import InputError, TermwiseError
from termwise.glossary.model import Concept, Glossary, Term, TermStatus
from termwise.project.layout import ProjectLayout


class RecordingError(TermwiseError):
    """The term cannot be recorded as asked (it is there already, the concept is unknown)."""


# Where an edit's notes and warnings go: one line each, with its "note: " or "warning: ".
Tell = Callable[[str], None]


def _to_stderr(line: str) -> None:
    click.echo(line, err=True)


# TBX-Basic's partOfSpeech picklist (v3 has no properNoun: termwise keeps it as a termwise:
# note, which reads back as the part of speech and passes glossary validate).
PARTS_OF_SPEECH = ("noun", "verb", "adjective", "adverb", "properNoun", "other")


@dataclass(frozen=True)
class Details:
    """What ``glossary add`` may say besides the term: the concept's definition and subject
    field, the term's note and part of speech."""

    definition: str | None = None
    subject_field: str | None = None
    note: str | None = None
    part_of_speech: str | None = None

    def apply(self, concept: Concept, term: Term) -> list[str]:
        """Set them on ``concept`` and ``term``; returns what they replaced, said plainly."""
        replaced: list[str] = []
        for name, attribute in (("definition", "definition"), ("subject field", "subject_field")):
            value = getattr(self, attribute)
            if value is None:
                continue
            before = getattr(concept, attribute)
            if before and before != value:
                replaced.append(f"{concept.id}'s {name} replaced (it was {before!r})")
            setattr(concept, attribute, value)
        if self.part_of_speech is not None:
            if term.part_of_speech and term.part_of_speech != self.part_of_speech:
                replaced.append(
                    f"{term.text!r}'s part of speech replaced (it was {term.part_of_speech})"
                )
            term.part_of_speech = self.part_of_speech
        if self.note is not None and self.note not in term.notes:
            term.notes.append(self.note)
        return replaced


@dataclass(frozen=True)
class Found:
    """Where a term occurs in a document: its line and the sentence around it."""

    path: Path
    line: int
    sentence: str

    @property
    def source(self) -> str:
        return f"{self.path.name}, line {self.line} (termwise terms)"


def find_in_document(path: Path, term: str, lang: str | None = None) -> Found | None:
    """The first sentence of the document at ``path`` that uses ``term`` (any case, any
    spacing, hyphen or space alike)."""
    from termwise.document import load_document

    document = load_document(path, lang=lang)
    words = re.split(r"[\s\-\u2010\u2011]+", term.strip())
    pattern = re.compile(
        r"(?<!\w)" + r"[\s\-\u2010\u2011]+".join(re.escape(w) for w in words) + r"(?!\w)",
        re.IGNORECASE,
    )
    for segment in document.segments:
        match = pattern.search(segment.text)
        if match:
            start, _ = segment.to_source(match.start(), match.end())
            line, _ = document.line_col(start)
            return Found(path, line, segment.text)
    return None


class NotRewritten(RecordingError):
    """The edit is of a file termwise reads but does not write (a client's CSV or OmegaT
    glossary): the concept or term it is about is held there."""


def _rewritable(file: Path) -> bool:
    """Whether termwise writes ``file``: TBX files only. Written as TBX, a client's CSV or
    OmegaT glossary would lose its columns and layout, and the ids of its rows (``r2``, its
    line) are no ids another file could safely name: a row added above moves them."""
    from termwise.glossary.formats import get_format

    return file.suffix.lower() in get_format("tbx").suffixes


def _not_rewritten(file: Path, what: str | None = None) -> NotRewritten:
    """The refusal of an edit of ``what`` (None: of the glossary file ``file`` itself),
    which ``file`` holds and termwise does not rewrite, with the two ways on."""
    if what is None:
        return NotRewritten(
            f"{file} is not a TBX file, and termwise writes TBX files only; record terms in "
            f"a TBX glossary (termwise glossary import {file} makes one of it)"
        )
    return NotRewritten(
        f"{what} is held in {file.name}, which termwise does not rewrite (it writes TBX files "
        f"only); change it in {file.name} itself, or make that file TBX: move {file.name} out "
        f"of {file.parent}, then termwise glossary import it (an import beside the file "
        "itself finds nothing new)"
    )


def _files(path: Path) -> list[Path]:
    """Every file of the glossary at ``path``, in the order the folder merges them (the
    first file holding a term gives its status), or the file itself where it exists."""
    from termwise.glossary.formats import glossary_files

    if path.is_dir():
        return glossary_files(path)
    return [path] if path.exists() else []


def _tbx_files(path: Path) -> list[Path]:
    """The files of the glossary at ``path`` that a term is written to (``_rewritable``)."""
    return [file for file in _files(path) if _rewritable(file)]


def glossary_file(folder_or_file: Path, concept_id: str | None) -> Path:
    """The TBX file to write: the file itself, or in a folder the one holding the concept.

    A new concept goes to the folder's main file: the TBX file holding the most concepts
    (of equals, the first by name; ``glossary.tbx`` in a folder without one). The first by
    name put every concept the workbench's candidates recorded into ``candidates.tbx``
    beside the project's ``key-terms.tbx``; the file the most concepts are kept in is the
    one a person curates, whatever the others are called.
    """
    from termwise.glossary.formats import read_file

    # The project's glossary/ not made yet is a folder, as every command reads it (a file
    # named "glossary" was written, which `check` and `translate` then did not see); the
    # write makes it, so that an edit refused here leaves no empty folder behind, which
    # made the folder holding it a project of its own.
    folder = folder_or_file.is_dir() or not (folder_or_file.exists() or folder_or_file.suffix)
    if not folder:
        if not _rewritable(folder_or_file):
            raise _not_rewritten(folder_or_file)
        return folder_or_file
    if concept_id is not None:
        parts = _read_all(folder_or_file)
        holding = [file for file, read in parts if read.get(concept_id) is not None]
        # A concept split over a CSV and a TBX file gets its new term in the TBX one.
        written = [file for file in holding if _rewritable(file)]
        if written:
            return written[0]
        if holding:
            raise _not_rewritten(holding[0], concept_id)
        raise _no_concept(concept_id, folder_or_file, [read for _, read in parts])
    files = _tbx_files(folder_or_file)
    if not files:
        return folder_or_file / "glossary.tbx"
    # max() keeps the first of equals, and the files come sorted by name.
    return max(files, key=lambda file: len(read_file(file).concepts))


def _no_concept(concept_id: str, where: Path, files: list[Glossary]) -> RecordingError:
    """That no concept of ``files`` (the glossary at ``where``, read file by file) is
    ``concept_id``: where the id named an id-less file's row before a second id-less file
    renamed both files' rows, what ``Glossary.no_concept`` says to write instead ("no
    concept 'r2'" said nothing of "client-r2")."""
    told = Glossary()
    for read in files:
        # Only what each file's ids became: its concepts are no business of the message.
        told.extend(Glossary(renamed=read.renamed))
    if concept_id in told.renamed:
        return RecordingError(f"{where}: {told.no_concept(concept_id)}")
    return RecordingError(f"no concept {concept_id!r} in {where}")


def _read_all(path: Path) -> list[tuple[Path, Glossary]]:
    """Every file of the glossary at ``path``, read with the concept ids the folder's
    glossary gives them (``read_folder_files``): a CSV row without an id is another file's
    "r2" too, and the folder calls it "wind-r2", the id every other command shows."""
    from termwise.glossary.formats import read_folder_files

    return read_folder_files(_files(path))


def default_status(concept: Concept | None, lang: str) -> TermStatus:
    """The status a term recorded without one gets: preferred for a new concept (None) or a
    concept's first term in ``lang``, its rendering there; deprecated for a further variant,
    since a text's unrecorded variant is usually a form to avoid. ``concept`` is the concept
    as the whole glossary has it (every file of a folder merged)."""
    if concept is not None and concept.terms(lang):
        return TermStatus.DEPRECATED
    return TermStatus.PREFERRED


def other_preferred(concept: Concept | None, text: str, lang: str) -> list[str]:
    """The concept's preferred terms in ``lang`` other than ``text``: with two, MT forces
    the first it meets, and the checks call the other one inconsistent."""
    text = " ".join(text.split())
    return [
        term.text
        for term in (concept.terms(lang) if concept is not None else [])
        if term.status is TermStatus.PREFERRED and term.text != text
    ]


def new_concept_id(glossary: Glossary, text: str) -> str:
    """A readable id for a new concept: the term's words, made unique."""
    slug = re.sub(r"[^\w]+", "-", text.lower()).strip("-")[:40] or "concept"
    taken = {concept.id for concept in glossary.concepts}
    candidate, number = slug, 2
    while candidate in taken:
        candidate, number = f"{slug}-{number}", number + 1
    return candidate


def record_term(
    path: Path,
    text: str,
    lang: str,
    *,
    concept_id: str | None = None,
    status: TermStatus | None = None,
    found: Found | None = None,
    new_id: str | None = None,
    details: Details | None = None,
    tell: Tell = _to_stderr,
) -> tuple[Path, str, TermStatus]:
    """Add ``text`` to the glossary at ``path``, to the file as it is on disk now; returns
    the file written, the concept id and the status the term was given.

    Without ``concept_id`` the term starts a new concept; with it, the term becomes a
    variant of that concept. Without ``status`` it gets ``default_status`` ("paz mundial"
    added as a concept's first Spanish term was deprecated, and `check` then reported it as
    forbidden).
    """
    from termwise.glossary.formats import glossary_files, load_glossary, save_glossary
    from termwise.glossary.matcher import same_form

    tag = languages.normalize(lang)
    # As the TBX file will hold it: a line break or a run of spaces inside is one space.
    text = " ".join(text.split())
    if not any(char.isalnum() for char in text):
        raise RecordingError(f"{text!r} is no term: a term needs a letter or a digit")
    target = glossary_file(path, concept_id)
    # Read with the folder's ids, which ``concept_id`` names.
    read = dict(_read_all(path))
    glossary = read[target] if target in read else Glossary(lang=tag)
    # The whole glossary, every file of the folder merged: a term another file has is no
    # new term, and a concept split over files has its terms in all of them.
    whole = load_glossary(path) if path.is_dir() and glossary_files(path) else glossary
    if concept_id is not None:
        _refuse_another_concepts_term(whole, text, tag, concept_id)
    # Another concept's term in a target language is a homonym, let through above.
    holders = whole.concepts if concept_id is None else [whole.get(concept_id)]
    for concept in filter(None, holders):
        for term in concept.terms(tag):
            if same_form(term.text, text):
                raise RecordingError(
                    f"{text!r} is already a term of {concept.id} in {target}, "
                    f"{term.status.value}; to give it another status: termwise glossary add "
                    f"{term.text!r} --concept {concept.id} --status STATUS (in the "
                    "workbench, on the term in the glossary panel, F9)"
                )
    if concept_id is None:
        chosen = Concept(new_id or new_concept_id(glossary, text))
        if glossary.get(chosen.id) is not None:
            raise RecordingError(f"concept {chosen.id!r} exists already in {target}")
        glossary.concepts.append(chosen)
        default = default_status(None, tag)
    else:
        existing = glossary.get(concept_id)
        if existing is None:
            raise _no_concept(concept_id, target, [glossary])
        chosen = existing
        default = default_status(whole.get(concept_id) or chosen, tag)
    term = Term(text=text, lang=tag, status=status or default)
    if found is not None:
        term.source = found.source
        term.context = found.sentence
    chosen.add(term)
    for message in (details or Details()).apply(chosen, term):
        tell(f"note: {message}")
    for problem in save_glossary(glossary, target):
        tell(f"warning: {problem}")
    if whole is not glossary:
        # The folder as it reads now, for the warnings below: the term is in one file of it.
        held = whole.get(chosen.id)
        if held is None:
            whole.concepts.append(held := Concept(chosen.id))
        held.add(term)
    for warning in same_words_warnings(whole, chosen.id, text, tag):
        tell(warning)
    return target, chosen.id, term.status


def _refuse_another_concepts_term(whole: Glossary, text: str, tag: str, concept_id: str) -> None:
    """Refuse to add to ``concept_id`` a term another concept of ``whole`` has in the
    glossary's own language, saying why: MT leaves such a span to the engine and the checks
    cannot tell which concept's rendering it needs. In a target language the term is a
    homonym ("seguridad" for security and safety), normal in terminology, which the checks
    read as the concept the source names: recorded, and warned of. The refusal said to give --status,
    which changes the other concept's term; the workbench's candidates (F6) and glossary
    panel (F9) said so too, where no option is given at all."""
    from termwise.glossary.conflicts import clashes_of, is_fault
    from termwise.glossary.matcher import same_form
    from termwise.glossary.text_language import own_language

    concept = whole.get(concept_id)
    if concept is None or any(same_form(t.text, text) for t in concept.terms(tag)):
        return
    holders = [c for c in clashes_of(whole, concept_id, text, tag) if c.same_term]
    if not holders:
        return
    other = holders[0].other.id
    if not is_fault(holders[0], own_language(whole)):
        # A homonym: ``same_words_warnings`` tells it once the term is recorded.
        return
    raise RecordingError(
        f"{text!r} ({tag}) is a term of {other} already, and one term of two concepts is "
        "refused: MT leaves it to the engine wherever it stands, and the checks cannot tell "
        f"which concept's rendering it needs. If it is {concept_id}'s and not {other}'s: "
        f"termwise glossary remove {text!r} --concept {other}, then add it again"
    )


def same_words_warnings(glossary: Glossary, concept_id: str, text: str, tag: str) -> list[str]:
    """A warning for each other concept of ``glossary`` with a term the matcher takes for the
    same words as ``text``, just recorded for ``concept_id``: "worlds peace" beside another
    concept's "world peace" was never found for its own concept, and nothing said so (the
    command line said it; a candidate accepted in the workbench did not); a target homonym
    is told as one."""
    from termwise.glossary.conflicts import clashes_of, is_fault
    from termwise.glossary.text_language import own_language

    own = own_language(glossary)
    return [
        f"warning: {clash.describe(homonym=not is_fault(clash, own))}"
        for clash in clashes_of(glossary, concept_id, text, tag)
    ]


def change_status(
    path: Path,
    text: str,
    lang: str,
    concept_id: str | None,
    status: TermStatus,
    details: Details | None = None,
    tell: Tell = _to_stderr,
) -> tuple[Path, str, TermStatus] | None:
    """Give the glossary's term ``text`` (as written) in ``lang`` ``status``, in the file as
    it is on disk now; returns the file, the concept and the status it had, or None where no
    concept (``concept_id``'s, if given) has that term. The command line had no other way to
    change a status."""
    from termwise.glossary.formats import save_glossary

    tag = languages.normalize(lang)
    text = " ".join(text.split())
    # Every file of the folder: the term may stand in any ("add --status" in a folder of
    # two files made a second concept with the term instead). All read before one is
    # written: a file that cannot be read stops the edit before it changes anything.
    glossaries = _read_all(path)
    for file, glossary in glossaries:
        for concept in glossary.concepts:
            if concept_id not in (None, concept.id):
                continue
            for term in concept.terms(tag):
                if term.text == text:
                    if not _rewritable(file):
                        # The folder's first file holding the term gives its status: a
                        # status written to a later TBX file would change nothing.
                        raise _not_rewritten(file, f"{text!r} ({tag}) of {concept.id}")
                    before, term.status = term.status, status
                    for message in (details or Details()).apply(concept, term):
                        tell(f"note: {message}")
                    for problem in save_glossary(glossary, file):
                        tell(f"warning: {problem}")
                    return file, concept.id, before
    return None


def remove_term(
    path: Path, text: str | None, lang: str | None, concept_id: str | None
) -> tuple[Path, Concept, list[Term], bool]:
    """Take ``text`` (as written, in ``lang``; any language when ``lang`` is None) out of
    the glossary at ``path``, or with ``text`` None the whole concept ``concept_id``.

    Returns the file rewritten, the concept as it is now, the terms removed and whether the
    concept went with them (a concept left without a term is no concept: TBX requires a
    term in each entry). The file before is kept as ``name~``. A term two concepts share
    needs ``concept_id``: which one is meant is for a person to say.
    """
    from termwise.atomic import backup_path, keep_as_backup
    from termwise.glossary.formats import save_glossary

    if text is None and concept_id is None:
        raise RecordingError("name a term, or a concept with --concept")
    tag = languages.normalize(lang) if lang else None
    wanted = " ".join(text.split()) if text is not None else None
    parts = _read_all(path)
    written = [(file, glossary) for file, glossary in parts if _rewritable(file)]
    hits: list[tuple[Path, Glossary, Concept, list[Term]]] = []
    for file, glossary in written:
        for concept in glossary.concepts:
            if concept_id not in (None, concept.id):
                continue
            terms = [term for term in concept.terms(tag) if wanted is None or term.text == wanted]
            if terms:
                hits.append((file, glossary, concept, terms))
    what = repr(wanted) if wanted is not None else f"concept {concept_id!r}"
    if not hits:
        for file, glossary in parts:
            if _rewritable(file):
                continue
            for concept in glossary.concepts:
                if concept_id in (None, concept.id) and any(
                    wanted is None or term.text == wanted for term in concept.terms(tag)
                ):
                    raise _not_rewritten(file, what)
        glossaries = [glossary for _, glossary in written]
        if concept_id is not None and not any(g.get(concept_id) for g in glossaries):
            raise _no_concept(concept_id, path, [glossary for _, glossary in parts])
        assert wanted is not None
        where = f" in {concept_id}" if concept_id else ""
        in_lang = f" ({tag})" if tag else ""
        # Terms are removed as written: name the ones that differ only in case or spacing.
        near = [
            f"{term.text!r} ({term.lang}, {concept.id})"
            for glossary in glossaries
            for concept in glossary.concepts
            for term in concept.terms(tag)
            if term.text.casefold() == wanted.casefold()
        ]
        hint = f"; the glossary has {', '.join(near)}" if near else ""
        raise RecordingError(f"no term {what}{in_lang}{where} in {path}{hint}")
    if len(hits) > 1:
        named = ", ".join(f"{concept.id} ({file.name})" for file, _, concept, _ in hits)
        raise RecordingError(f"{what} is a term of {named}; say which with --concept")
    file, glossary, concept, terms = hits[0]
    concept.all_terms = [term for term in concept.all_terms if not any(term is t for t in terms)]
    emptied = not concept.all_terms
    if emptied:
        glossary.concepts = [kept for kept in glossary.concepts if kept is not concept]
    keep_as_backup(file, backup_path(file))
    for problem in save_glossary(glossary, file):
        click.echo(f"warning: {problem}", err=True)
    return file, concept, terms, emptied


def _not_blank(ctx: click.Context, param: click.Parameter, value: str | None) -> str | None:
    """An option's text with its outer spaces taken off; an empty one is refused."""
    if value is None:
        return None
    if not value.strip():
        raise click.BadParameter("is empty", ctx=ctx, param=param)
    return value.strip()


def _part_of_speech(ctx: click.Context, param: click.Parameter, value: str | None) -> str | None:
    """The picklist value ``value`` names, in any case (``Noun`` → ``noun``)."""
    if value is None:
        return None
    for choice in PARTS_OF_SPEECH:
        if choice.casefold() == value.strip().casefold():
            return choice
    raise click.BadParameter(
        f"{value!r} is not one of {', '.join(PARTS_OF_SPEECH)} (TBX-Basic's partOfSpeech)",
        ctx=ctx,
        param=param,
    )


@click.command("add")
@click.argument("term")
@click.option("--concept", "concept_id", default=None, help="Add as a variant of this concept.")
@click.option("--id", "new_id", default=None, help="Id of the new concept (default: from TERM).")
@click.option(
    "--status",
    type=click.Choice([s.value for s in TermStatus]),
    default=None,
    help="Administrative status (default: preferred for a new concept or a concept's first "
    "term in --lang, deprecated for another variant). Given for a term the glossary has, it "
    "changes that term's status.",
)
@click.option("--lang", type=LANGUAGE, default="en", show_default=True, help="Language of TERM.")
@click.option(
    "--from",
    "document",
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    default=None,
    help="Document the term was found in: its line becomes the term's source.",
)
@glossary_option()
@click.option(
    "--definition",
    default=None,
    callback=_not_blank,
    help="The concept's definition (replaces the one it has).",
)
@click.option(
    "--subject-field",
    default=None,
    callback=_not_blank,
    help="The concept's subject field (domain), such as 'wind energy'.",
)
@click.option("--note", default=None, callback=_not_blank, help="A note on the term.")
@click.option(
    "--pos",
    "part_of_speech",
    metavar="[" + "|".join(PARTS_OF_SPEECH) + "]",
    default=None,
    callback=_part_of_speech,
    help="The term's part of speech (TBX-Basic's picklist; properNoun, which TBX-Basic v3 "
    "lacks, is kept as a termwise note).",
)
@click.pass_obj
def add(
    layout: ProjectLayout,
    term: str,
    concept_id: str | None,
    new_id: str | None,
    status: str | None,
    lang: str,
    document: Path | None,
    glossary_path: Path | None,
    definition: str | None,
    subject_field: str | None,
    note: str | None,
    part_of_speech: str | None,
) -> None:
    """Record TERM in the glossary: a new concept, or with --concept a variant of one.

    A term the glossary has already, given with --status, gets that status (and the
    --definition, --subject-field, --note and --pos given with it)."""
    details = Details(definition, subject_field, note, part_of_speech)
    if status is not None:
        changed = change_status(
            glossary_path or layout.glossary_dir,
            term,
            lang,
            concept_id,
            TermStatus(status),
            details,
        )
        if changed is not None:
            target, concept, before = changed
            click.echo(f"{term!r} of {concept} in {target}: {before.value} → {status}")
            if TermStatus(status) is TermStatus.PREFERRED:
                _warn_other_preferred(glossary_path or layout.glossary_dir, concept, term, lang)
            _warn_same_words(glossary_path or layout.glossary_dir, concept, term, lang)
            return
    found = None
    if document is not None:
        found = find_in_document(document, term, lang)
        if found is None:
            raise InputError(f"{term!r} does not occur in the document", document)
    target, chosen, recorded = record_term(
        glossary_path or layout.glossary_dir,
        term,
        lang,
        concept_id=concept_id,
        status=TermStatus(status) if status else None,
        found=found,
        new_id=new_id,
        details=details,
    )
    where = f" (from {found.source.split(' (')[0]})" if found else ""
    if recorded is TermStatus.PREFERRED:
        _warn_other_preferred(glossary_path or layout.glossary_dir, chosen, term, lang)
    click.echo(
        f"added {term!r} ({languages.normalize(lang)}, {recorded.value}) to {chosen} in "
        f"{target}{where}"
    )


def _warn_same_words(path: Path, concept_id: str, text: str, lang: str) -> None:
    """``same_words_warnings`` of a term whose status changed, as of one just added."""
    from termwise.glossary.formats import load_glossary

    glossary = load_glossary(path)
    for warning in same_words_warnings(glossary, concept_id, text, languages.normalize(lang)):
        click.echo(warning, err=True)


def _warn_other_preferred(path: Path, concept_id: str, text: str, lang: str) -> None:
    """Say so where the concept has another preferred term in ``lang`` beside ``text``,
    just made preferred: MT forces the first it meets, and the checks call the other one
    inconsistent."""
    from termwise.glossary.formats import load_glossary

    others = other_preferred(load_glossary(path).get(concept_id), text, lang)
    if others:
        shown = ", ".join(repr(other) for other in others)
        click.echo(
            f"warning: {concept_id} has another preferred {lang} term, {shown}; give it "
            "--status admitted if this one replaces it",
            err=True,
        )


@click.command("remove")
@click.argument("term", required=False)
@click.option(
    "--concept", "concept_id", default=None, help="The term's concept; alone: the whole concept."
)
@click.option(
    "--lang", type=LANGUAGE, default=None, help="Language of TERM (default: any language)."
)
@glossary_option()
@click.pass_obj
def remove(
    layout: ProjectLayout,
    term: str | None,
    concept_id: str | None,
    lang: str | None,
    glossary_path: Path | None,
) -> None:
    """Take TERM out of the glossary, or with --concept alone a whole concept.

    The file before is kept as NAME~. A concept's last term takes the concept with it."""
    target, concept, removed, emptied = remove_term(
        glossary_path or layout.glossary_dir, term, lang, concept_id
    )
    for gone in removed:
        click.echo(f"removed {gone.text!r} ({gone.lang}, {gone.status.value}) from {concept.id}")
    if emptied:
        click.echo(f"removed concept {concept.id}: it has no term left")
    else:
        for lang_removed in dict.fromkeys(
            gone.lang for gone in removed if gone.status is TermStatus.PREFERRED
        ):
            standing = concept.preferred(lang_removed)
            if standing is None or standing.status is not TermStatus.PREFERRED:
                instead = (
                    f"{standing.text!r} ({standing.status.value}) stands in for it"
                    if standing is not None
                    else "MT forces none, and the checks know no official form"
                )
                click.echo(
                    f"warning: {concept.id} has no preferred {lang_removed} term now: {instead}",
                    err=True,
                )
    click.echo(f"{target} rewritten; the version before is {target.name}~")
    _warn_chosen_rendering(layout, concept.id, {gone.text for gone in removed}, emptied)


def _warn_chosen_rendering(
    layout: ProjectLayout, concept_id: str, removed: set[str], emptied: bool
) -> None:
    """Say so where ``termwise.toml``'s ``[mt.terms]`` names the concept removed, or the
    rendering removed: the next translate stopped with "the glossary has no concept T02"."""
    from termwise.project.settings import MTSettings

    chosen = MTSettings.from_settings(layout.settings()).terms.get(concept_id)
    if chosen is not None and (emptied or chosen in removed):
        gone = f"concept {concept_id}" if emptied else repr(chosen)
        click.echo(
            f"warning: termwise.toml's [mt.terms] still names {gone} for {concept_id}; "
            "take that line out, or translate refuses to start",
            err=True,
        )
